"""Enrolment: residents and households, with the validation of the 个人基本信息表.

The form, the roster importer, the demo and the CLI all go through :func:`validate_resident`
and :func:`save_resident`.  A rejected input raises :class:`ValidationError` listing every
bad field and writes nothing.  The fields themselves, their checks and their rules are declared
once in :mod:`app.services.records.resident_form`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from functools import cache

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, object_session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Household, Resident, ResidentChoice, ResidentSearchKey, Village
from app.models.resident import new_choice_id
from app.services import institution
from app.services import profile as profiles
from app.services.access import authz
from app.services.access.actor import doctor_name
from app.services.errors import FieldError, Message, NotFound, UserError, ValidationError
from app.services.records import resident_form, sensitive
from app.services.records.field_table import Checking, Saved, load_input
from app.services.records.ordering import group_order
from app.services.records.pinyin_keys import name_keys, sort_key
from app.services.records.resident_form import (  # noqa: F401 - the form's vocabulary, re-exported
    HEAD,
    HISTORY_EVENTS,
    RELATIVES,
    ResidentInput,
)
from app.services.records.validators import CTX, age_on, born_by, halfwidth, is_digits
from app.services.sync import capture

# Columns the save sets itself from the household, village and group, never from a field's value.
_MANAGED = {"household_id", "village_id", "group_id", "archive_no", "name_pinyin"}


@dataclass
class CleanResident:
    """A validated resident: column values plus the multi-choice rows."""

    values: dict
    choices: list[dict]
    village: Village
    group_name: str | None
    household_id: uuid.UUID | None


def validate_resident(
    session: Session,
    inp: ResidentInput,
    *,
    resident_id: uuid.UUID | None = None,
    today: dt.date | None = None,
    check_duplicates: bool = True,
    today_is_trusted: bool = False,
) -> CleanResident:
    """Check every field of the resident form (in its order, with its rules); collect all errors;
    return the clean values.  Writes nothing.  ``today_is_trusted``: ``today`` is already bounded
    by :func:`capture.trusted_today` (a scan of many records reads the clock once)."""
    c = Checking(
        resident_form.RESIDENT_FORM,
        inp,
        today=today if today_is_trusted and today is not None else _entry_today(session, today),
        session=session,
        resident_id=resident_id,
    ).run()
    # the same person twice: a check of the whole record, after the ID itself passed
    number = c.values.get("id_number")
    # (an edit keeping a record's number checks nothing more: two records already sharing one,
    # from two villages, are the township's to review, and each stays editable meanwhile)
    stored = session.get(Resident, resident_id) if resident_id is not None else None
    if (
        check_duplicates
        and number
        and not c.failed("id_number")
        and (stored is None or stored.id_number != number)
    ):
        other = find_by_id_number(session, number, exclude=resident_id)
        if other is not None and authz.permits(
            session, "read", village=authz.village_code(session, other.village_id)
        ):
            c.fail(
                "id_number",
                QT_TRANSLATE_NOOP("Validation", "该证件号已建档：{name}，档案编号{archive}，{village}"),
                name=other.name,
                archive=other.archive_no,
                village=other.village.name,
            )
        elif other is not None:  # another village's record: whose, the user may not read
            c.fail(
                "id_number",
                QT_TRANSLATE_NOOP(
                    "Validation", "该证件号已在本乡镇另一个村建档：请与乡镇卫生院联系，不要重复建档"
                ),
            )
    if c.errors:
        raise ValidationError(c.errors)
    return CleanResident(
        c.values, c.choices, c.found["village"], c.found.get("group_name"), c.found.get("household_id")
    )


@cache
def stored_columns() -> frozenset[str]:
    """The columns of ``Resident``: a form field is stored only if its key is one of them."""
    return frozenset(a.key for a in sa_inspect(Resident).column_attrs)


def find_by_id_number(session: Session, number: str, exclude: uuid.UUID | None = None) -> Resident | None:
    q = select(Resident).where(Resident.id_number == number, Resident.voided.is_(False))
    if exclude is not None:
        q = q.where(Resident.id != exclude)
    return session.scalar(q.limit(1))


def search_key_rows(resident_id: uuid.UUID, name: str) -> list[dict]:
    return [{"resident_id": resident_id, "key": k} for k in name_keys(name)]


def _write_search_keys(session: Session, resident: Resident) -> None:
    session.execute(delete(ResidentSearchKey).where(ResidentSearchKey.resident_id == resident.id))
    rows = search_key_rows(resident.id, resident.name)
    if rows:
        session.execute(insert(ResidentSearchKey), rows)


def save_resident(
    session: Session,
    inp: ResidentInput,
    *,
    resident_id: uuid.UUID | None = None,
    today: dt.date | None = None,
    base: ResidentInput | None = None,
) -> Resident:
    """Create (resident_id None) or update a resident.  The caller owns the transaction.

    ``base``: the record as the user's form showed it (:func:`resident_input_from`) when ``inp``
    was typed over it.  Only what the user changed is then written over the record as stored now
    (read in this unit of work, which holds the store's write lock): a field someone else saved
    meanwhile (another workstation, a sync) keeps their value, and one both changed differently is
    refused (:class:`ChangedMeanwhile`), nothing written.  Without it every field of ``inp`` is
    written, as it is."""
    existing = None
    if resident_id is not None:
        existing = session.get(Resident, resident_id)
        if existing is not None:
            authz.require_resident(session, "write", existing)
    if base is not None and existing is not None and not existing.voided:
        theirs = resident_input_from(existing)
        inp, conflicts = resident_form.RESIDENT_FORM.merge(base, inp, theirs)
        if conflicts:
            again = resident_form.RESIDENT_FORM.rebased(base, theirs, conflicts)
            raise ChangedMeanwhile({f.key: _shown(f, getattr(theirs, f.key)) for f in conflicts}, again)
    before = (existing.status, existing.status_date) if existing is not None else None
    clean = validate_resident(session, inp, resident_id=resident_id, today=today)
    authz.require(session, "write", village=clean.village.code, what=clean.values.get("name") or "")
    if existing is not None:
        _require_closing_after_visits(session, existing, clean.values)
    handed_from = None
    if existing is not None:
        sensitive.require_hand_over(session, existing, clean.values.get("responsible_doctor"))
        handed_from = existing.responsible_doctor
    v = clean.values
    # boxes this user may not see (既往史 严重精神障碍) are kept as they are, never deleted
    kept = sensitive.hidden(session, existing) if resident_id is not None and existing is not None else []
    group = profiles.ensure_group(session, clean.village, clean.group_name)
    if resident_id is None:
        if clean.household_id is None:
            household = Household(
                village_id=clean.village.id,
                group_id=group.id if group else None,
                address=v["current_address"],
            )
            session.add(household)
            session.flush()
        else:
            household = session.get(Household, clean.household_id)
        archive_no = profiles.allocate_archive_numbers(session, clean.village.code)[0]
        resident = Resident(archive_no=archive_no, village_id=clean.village.id, household_id=household.id)
        session.add(resident)
    else:
        resident = session.get(Resident, resident_id)
        if resident is None or resident.voided:
            raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Validation", "档案不存在或已作废")))
        if clean.household_id is not None and clean.household_id != resident.household_id:
            resident.household_id = clean.household_id
    columns = stored_columns() - _MANAGED
    for key, value in v.items():
        if key in columns:  # a declared field without a column is not stored (see resident_form)
            setattr(resident, key, value)
    resident.group_id = group.id if group else None
    resident.name_pinyin = sort_key(resident.name)
    wanted = sensitive.keep_hidden(clean.choices, kept)
    if sorted(map(_choice_key, wanted)) != sorted(map(_choice_key, resident.choices)):  # else unchanged
        above = max((c.id for c in resident.choices if c.id is not None), default=0)
        resident.choices = [ResidentChoice(id=new_choice_id(above), **c) for c in wanted]
    session.flush()
    if existing is not None:
        sensitive.hand_over_programmes(session, resident, handed_from)
    if before is not None and before != (resident.status, resident.status_date):
        _status_changed(session, resident, *before)
    _write_search_keys(session, resident)
    from app.services.programmes import poverty  # the household's registration decides the flag

    poverty.mirror_resident(session, resident)
    return resident


class ChangedMeanwhile(ValidationError):
    """Fields the user changed that someone else saved otherwise since the user's form opened
    (another workstation, a sync): nothing was written.  ``base``: the base of a second save that
    means to put the user's values over those fields (:meth:`FieldTable.rebased`)."""

    def __init__(self, stored: dict[str, str | None], base: ResidentInput):
        """``stored``: each field's value as saved now, as the form shows it (None: not in words)."""
        super().__init__([FieldError(key, _changed_meanwhile(value)) for key, value in stored.items()])
        self.base = base


def _changed_meanwhile(value: str | None) -> Message:
    if value is None:
        return Message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Validation", "您打开这份档案后，此项已被别人修改并保存；请核对，再按保存将以您填写的为准"
            ),
            {},
        )
    return Message(
        CTX,
        QT_TRANSLATE_NOOP(
            "Validation",
            "您打开这份档案后，此项已被别人改为“{value}”并保存；请核对，再按保存将以您填写的为准",
        ),
        {"value": value},
    )


def _shown(f, value) -> str | None:
    """A field's stored value as a message may quote it: typed text (an empty one, a code or a
    list of boxes is not in words here: the form shows codes in the user's language)."""
    return value if isinstance(value, str) and value and not f.codes else None


def _choice_key(choice) -> tuple:
    """What a ticked box says (a choice row's, or the form's dict of it), to compare a save with
    what is stored: a save that ticks the same boxes leaves their rows as they are."""
    get = choice.get if isinstance(choice, dict) else lambda name: getattr(choice, name)
    return tuple(get(name) or "" for name in ("field", "code", "note", "event_date"))


def get_resident(session: Session, resident_id: uuid.UUID) -> Resident:
    resident = session.get(Resident, resident_id)
    if resident is None or resident.voided:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Validation", "档案不存在或已作废")))
    authz.require_resident(session, "read", resident)
    return resident


def resident_input_from(resident: Resident, choices: list | None = None) -> ResidentInput:
    """The form values of a saved resident, for editing (and printing, checking): the boxes its
    session's user may see (:mod:`app.services.records.sensitive`); detached, none of those.
    ``choices``: its choice rows as read already (anything with ``field``, ``code``, ``note`` and
    ``event_date``), by a reader of many records; else ``resident.choices``."""
    session = object_session(resident)
    if session is not None:
        rows = sensitive.visible(session, resident, choices)
    else:
        rows = [c for c in resident.choices if not sensitive.is_sensitive(c.field, c.code)]
    saved = Saved(resident, rows, stored_columns())
    return load_input(resident_form.RESIDENT_FORM, saved)


@dataclass(frozen=True)
class VillageChoice:
    code: str
    name: str
    groups: tuple[str, ...]


@dataclass(frozen=True)
class FormContext:
    """What the enrolment form needs from the store when it opens, read in one call."""

    is_township: bool  # the form then asks which village
    institution: str
    villages: tuple[VillageChoice, ...]
    default_doctor: str  # the acting user: 建档人 and 责任医生 of a new record
    initial: ResidentInput  # what the form shows first: the saved record, or a new one's defaults
    resident_id: uuid.UUID | None = None
    # whether the form offers the sensitive boxes (既往史 严重精神障碍) to this user for this record
    sensitive_boxes: bool = True
    # names 建档人 and 责任医生 are offered from as they are typed: the institution's doctors (设置)
    # and the doctors' accounts here, so a name is spelt as the access rules and prints know it
    doctors: tuple[str, ...] = ()


def form_context(session: Session, resident_id: uuid.UUID | None = None) -> FormContext:
    """Villages and their groups, the institution, the acting doctor, and the record to edit."""
    info = profiles.profile_info(session)
    villages = tuple(
        # groups in their natural order (一组, 二组 … 十一组), as every list of them
        VillageChoice(v.code, v.name, tuple(sorted((g.name for g in v.groups), key=group_order)))
        for v in profiles.villages(session)
    )
    doctor = doctor_name(session)
    if resident_id is not None:
        resident = get_resident(session, resident_id)
        initial = resident_input_from(resident)
        boxes = sensitive.offers_box(session, resident)
    else:
        initial = resident_form.RESIDENT_FORM.input_type(enrolled_by=doctor, responsible_doctor=doctor)
        boxes = sensitive.may_record(session, info.code if info.is_village else None, doctor)
    return FormContext(
        not info.is_village,
        info.institution,
        villages,
        doctor,
        initial,
        resident_id,
        boxes,
        institution.doctor_names(session),
    )


@dataclass(frozen=True)
class HouseholdMember:
    id: uuid.UUID
    name: str
    relation: str
    sex: str
    age: int
    archive_no: str


def household_members(
    session: Session, household_id: uuid.UUID, today: dt.date | None = None
) -> list[HouseholdMember]:
    today = today or dt.date.today()
    rows = session.scalars(
        select(Resident)
        .where(Resident.household_id == household_id, Resident.voided.is_(False))
        .order_by(Resident.relation_to_head, Resident.birth_date)
    )
    return [
        HouseholdMember(r.id, r.name, r.relation_to_head, r.sex, age_on(r.birth_date, today), r.archive_no)
        for r in rows
    ]


def counts(session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Figures for the home page, in one pass over the residents on the books.  家庭医生签约: those
    holding a signed contract that covers ``today`` (as 签约率 counts them: contracts.in_force), not
    the resident's mirrored ``contract_signed_on``, which also names a renewal awaiting signature."""
    from app.models import FamilyContract
    from app.services.programmes.contracts import in_force  # (contracts finds residents here)

    R = Resident
    today = today or dt.date.today()
    signed = select(FamilyContract.resident_id).where(in_force(today))
    row = session.execute(
        select(
            func.count(),
            func.count(func.distinct(R.household_id)),
            func.count(case((R.poverty_registered.is_(True), 1))),
            func.count(case((R.id.in_(signed), 1))),
            func.count(case((R.birth_date <= born_by(today.year), 1))),
        ).where(R.voided.is_(False), R.status == "1")
    ).one()
    return dict(
        zip(
            ("residents", "households", "poverty", "contracted", "elderly"),
            (n or 0 for n in row),
            strict=True,
        )
    )


_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


def find_resident(session: Session, ref: str) -> Resident:
    """A resident by 17-digit archive number, its last 8 digits (with or without the dash), record
    id, or name — when exactly one record the user may read (在册 first) carries it."""
    text = halfwidth(ref or "").strip()
    digits = text.replace("-", "").replace(" ", "")
    resident = None
    if not text:
        raise NotFound(Message("Followup", QT_TRANSLATE_NOOP("Followup", "请填写档案编号或姓名")))
    if not is_digits(digits) and not _UUID.match(text):
        return _by_name(session, text)
    if _UUID.match(text):
        resident = session.get(Resident, uuid.UUID(text))
    elif is_digits(digits) and len(digits) == 17:
        resident = session.scalar(select(Resident).where(Resident.archive_no == digits))
    elif is_digits(digits) and len(digits) == 8:
        found = session.scalars(select(Resident).where(Resident.archive_no.like(f"%{digits}"))).all()
        if len(found) > 1:  # (two of them in other places the user may not read: not ambiguous to them)
            found = [
                r
                for r in found
                if authz.permits(session, "read", village=authz.village_code(session, r.village_id))
            ] or found[:1]
        if len(found) > 1:
            raise UserError(
                Message(
                    "Followup",
                    QT_TRANSLATE_NOOP("Followup", "档案编号后8位{ref}对应多人，请用17位档案编号"),
                    {"ref": text},
                )
            )
        resident = found[0] if found else None
    missing = NotFound(
        Message("Followup", QT_TRANSLATE_NOOP("Followup", "找不到档案：{ref}"), {"ref": shown(text)})
    )
    if resident is None or resident.voided:
        raise missing
    try:
        authz.require_resident(session, "read", resident)  # (the attempt audited)
    except authz.PermissionDenied:
        # said as for a number nobody holds (still a refusal, audited): "no permission" told a
        # village doctor trying numbers which ones another village's residents hold, in 17 digits
        raise authz.PermissionDenied(missing.message) from None
    return resident


def shown(typed: str, most: int = 40) -> str:
    """What the user typed, as a message repeats it: the first ``most`` characters (a 5,000-digit
    "archive number" was echoed whole)."""
    return typed if len(typed) <= most else typed[:most] + "…"


def _by_name(session: Session, name: str) -> Resident:
    """The one resident the user may read with this name (those 在册 first: a namesake who moved
    away or died does not stand in the way); several: the message names their archive numbers."""
    q = select(Resident).where(Resident.name == name, Resident.voided.is_(False))
    if (scope := authz.village_clause(session, Resident.village_id)) is not None:
        q = q.where(scope)
    found = session.scalars(q.order_by(Resident.archive_no).limit(20)).all()
    on_register = [r for r in found if r.status == "1"]
    found = on_register or found
    if not found:
        raise NotFound(
            Message("Followup", QT_TRANSLATE_NOOP("Followup", "找不到档案：{ref}"), {"ref": shown(name)})
        )
    if len(found) > 1:
        raise UserError(
            Message(
                "Followup",
                QT_TRANSLATE_NOOP("Followup", "叫{name}的有 {n} 人（{numbers}），请用档案编号"),
                {"name": name, "n": len(found), "numbers": ", ".join(r.archive_no for r in found[:5])},
            )
        )
    authz.require_resident(session, "read", found[0])
    return found[0]


LEFT = ("2", "3")  # resident_status 迁出, 死亡: no longer 在册


def after_leaving(resident: Resident, day: dt.date | None) -> Message | None:
    """Why a service dated ``day`` cannot be recorded for ``resident``: the record says they died or
    moved away before it (a visit, check or referral dated after that is a wrong record or a wrong
    date).  None when nothing stands in the way: services before it, entered late from paper, are
    taken; a record closed without a date refuses nothing for want of one."""
    gone = resident.status_date if resident.status in LEFT else None
    if gone is None or day is None or day <= gone:
        return None
    return Message(
        CTX,
        QT_TRANSLATE_NOOP("Validation", "{name}已于{date}{status}，不能登记此后的服务"),
        {
            "name": resident.name,
            "date": gone.isoformat(),
            "status": CODE_LISTS["resident_status"].label(resident.status),
        },
    )


def record_death(session: Session, resident: Resident, day: dt.date) -> None:
    """A death recorded by a programme's 死亡 visit closes the resident's record too (档案状态 死亡, on
    that day), so no service is taken after it (:func:`after_leaving`) and the indicators count the
    resident off the books.  A record already closed (an earlier death, a move) is left as it is."""
    if resident.status not in LEFT:
        before = resident.status, resident.status_date
        resident.status, resident.status_date = "3", day
        _status_changed(session, resident, *before)


def _require_closing_after_visits(session: Session, resident: Resident, values: dict) -> None:
    """A record closed (死亡, 迁出) on the form is dated no earlier than the resident's last follow-up
    done: the patient was seen that day (as a programme's 死亡 visit is checked)."""
    status, day = values.get("status"), values.get("status_date")
    if status not in LEFT or day is None or (status, day) == (resident.status, resident.status_date):
        return
    from app.models import ElderlyCheck, SmiVisit
    from app.services.programmes import followup  # followup finds residents here; imported late

    visited = [followup.last_seen(session, resident)]
    if sensitive.may_see(session, resident):  # (an SMI visit named to others would name the patient)
        visited.append(_last(session, SmiVisit, SmiVisit.visit_date, resident, SmiVisit.outcome == "done"))
    checked = _last(session, ElderlyCheck, ElderlyCheck.check_date, resident)
    seen = max((d for d in visited if d is not None), default=None)
    said = {"name": resident.name, "status": CODE_LISTS["resident_status"].label(status)}
    if seen is not None and seen > day:
        template = QT_TRANSLATE_NOOP(
            "Validation", "{date} 还有{name}的随访记录（已随访到本人），{status}日期不能早于它：请核对日期"
        )
    elif checked is not None and checked > day:
        seen, template = (
            checked,
            QT_TRANSLATE_NOOP(
                "Validation",
                "{date} 还有{name}的健康体检记录（已见到本人），{status}日期不能早于它：请核对日期",
            ),
        )
    else:
        return
    raise ValidationError(
        [FieldError("status_date", Message(CTX, template, {**said, "date": seen.isoformat()}))]
    )


def _last(session: Session, model, day, resident: Resident, *where) -> dt.date | None:
    """The day of the resident's latest record of ``model`` (not voided)."""
    return session.scalar(
        select(func.max(day)).where(model.resident_id == resident.id, model.voided.is_(False), *where)
    )


def _status_changed(session: Session, resident: Resident, before_status, before_date) -> None:
    """What follows a change of a record's status (closed by 死亡 or 迁出, its day corrected, or
    undone): its family-doctor contracts follow."""
    from app.services.programmes import contracts  # contracts finds residents here; imported late

    contracts.follow_record(session, resident, before_status, before_date)


def correctable_fields() -> list[str]:
    """What a correction from the command line may set: the personal form's free-text fields."""
    return sorted(f.name for f in dataclasses.fields(ResidentInput) if f.type == "str")


def correct_resident(session: Session, resident_ref: str, changes: dict[str, str]) -> Resident:
    """The user action "correct these fields of this record" (e.g. ``phone=138…``), through the
    same validation as the form; an unknown or non-text field is refused, naming the ones allowed."""
    allowed = correctable_fields()
    bad = [key for key in changes if key not in allowed]
    if bad:
        raise UserError(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Validation", "不能这样修改：{field}（可改的字段：{allowed}）"),
                {"field": bad[0], "allowed": ", ".join(allowed)},
            )
        )
    resident = find_resident(session, resident_ref)
    base = resident_input_from(resident)
    inp = dataclasses.replace(base, **changes)
    return save_resident(session, inp, resident_id=resident.id, base=base)


def _entry_today(session: Session, today: dt.date | None) -> dt.date:
    """Today as far as this device can trust it: a PC a year ahead must not date records by its
    calendar (the township's clock bounds it; see capture.trusted_today)."""
    trusted = capture.trusted_today(session)
    return trusted if today is None else min(today, trusted)

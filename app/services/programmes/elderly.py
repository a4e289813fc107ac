"""Elderly health management (老年人健康管理): the yearly check of residents aged 65+, its self-care
score, what it offers next (hypertension / diabetes management, a referral draft), and the worklist of
65+ residents not yet checked this year.  The form is :mod:`app.services.programmes.elderly_form`.

The same 健康体检表 is the yearly free health check of a registered poor household's member of any
age (健康扶贫, DOMAIN.md "Poverty households"): under 65 it is saved without the self-care
assessment, which is the elderly's; the 65+ lists and 老年人健康管理率 count the 65+ only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import ElderlyCheck, Resident, Village, VillageGroup
from app.services.access import authz
from app.services.access.actor import doctor_name
from app.services.errors import FieldError, Message, NeedsConfirmation, NotFound, UserError, ValidationError
from app.services.programmes import followup, selfcare
from app.services.programmes import followup_rules as chronic
from app.services.programmes.elderly_form import CHECK_FORM, FINDINGS, SELFCARE_KEYS, ElderlyCheckInput
from app.services.programmes.referral import ReferralInput, current_treatment, past_history
from app.services.records import residents, voiding
from app.services.records.field_table import Checking
from app.services.records.ordering import group_order
from app.services.records.residents import find_resident
from app.services.records.validators import (
    ELDERLY_AGE,
    age_on,
    blood_pressure_problem,
    born_by,
    one_year_after,
)
from app.services.sync import capture

CTX = "Elderly"
COLUMNS = ("check_date", "sbp", "dbp", "glucose", "next_check", "doctor")
NEXT_CHECK_DAYS = 365
# the hypertension and diabetes programmes serve residents aged 35 and over (DOMAIN.md: screened
# from 35): a raised reading at a younger poor member's free check offers a referral, not management
CHRONIC_FROM_AGE = 35
__all__ = ["ElderlyCheckInput"]


@dataclass(frozen=True)
class Thresholds:
    """What counts as raised at a health check (the chronic programmes' screening thresholds)."""

    sbp: int = chronic.DEFAULT.htn_sbp  # ≥ 140 or DBP ≥ 90: raised blood pressure
    dbp: int = chronic.DEFAULT.htn_dbp
    glucose: float = chronic.DEFAULT.glucose  # fasting ≥ 7.0 mmol/L: raised glucose


DEFAULT = Thresholds()


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def raised(values: dict, t: Thresholds = DEFAULT) -> tuple[str, ...]:
    """The chronic programmes a check's readings point to: ``htn`` (BP raised), ``t2dm`` (glucose)."""
    out = []
    sbp, dbp = values.get("sbp"), values.get("dbp")
    if (sbp is not None and sbp >= t.sbp) or (dbp is not None and dbp >= t.dbp):
        out.append(chronic.HTN)
    if values.get("glucose") is not None and values["glucose"] >= t.glucose:
        out.append(chronic.T2DM)
    return tuple(out)


def abnormal_findings(values: dict, t: Thresholds = DEFAULT) -> list[Message]:
    """The abnormal findings of a check, each a message (shown in the user's language while the
    form is filled; :func:`abnormal` renders them in Chinese for the referral slip)."""
    out = []
    if chronic.HTN in raised(values, t):
        out.append(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Elderly", "血压{sbp}/{dbp}mmHg"),
                {"sbp": values.get("sbp") or "-", "dbp": values.get("dbp") or "-"},
            )
        )
    if chronic.T2DM in raised(values, t):
        out.append(
            Message(
                CTX, QT_TRANSLATE_NOOP("Elderly", "空腹血糖{glucose}mmol/L"), {"glucose": values["glucose"]}
            )
        )
    for key in FINDINGS:
        if values.get(key) == "2":
            note = values.get(f"{key}_text") or ""
            template = "{label}异常（{note}）" if note else "{label}异常"
            QT_TRANSLATE_NOOP("Elderly", "{label}异常（{note}）")
            QT_TRANSLATE_NOOP("Elderly", "{label}异常")
            out.append(Message(CTX, template, {"label": CHECK_FORM[key].label, "note": note}))
    return out


def abnormal(values: dict, t: Thresholds = DEFAULT) -> list[str]:
    """The abnormal findings of a check, in words (Chinese, as a referral slip carries them)."""
    return [m.render() for m in abnormal_findings(values, t)]


@dataclass(frozen=True)
class SavedCheck:
    id: uuid.UUID
    resident_id: uuid.UUID
    check_date: dt.date
    selfcare_score: int | None  # None: a check under 65 (a poor household's free check)
    selfcare_level: str | None
    next_check: dt.date
    offers: tuple[str, ...]  # programmes to offer: raised and not yet managed
    abnormal: tuple[str, ...]
    findings: tuple[Message, ...] = ()  # the same, as messages for the user's language

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "resident_id": str(self.resident_id),
            "check_date": self.check_date.isoformat(),
            "selfcare_score": self.selfcare_score,
            "selfcare_level": int(self.selfcare_level) if self.selfcare_level else None,
            "selfcare_level_name": (
                CODE_LISTS["selfcare_level"].label(self.selfcare_level) if self.selfcare_level else None
            ),
            "next_check": self.next_check.isoformat(),
            "offers": list(self.offers),
            "abnormal": list(self.abnormal),
        }


def _form_run(inp, today: dt.date, selfcare_asked: bool) -> Checking:
    """The form's checks; without the self-care assessment when it is not asked (under 65)."""
    c = Checking(CHECK_FORM, inp, today=today).run()
    if not selfcare_asked:
        c.errors = [e for e in c.errors if e.field not in SELFCARE_KEYS]
        for key in SELFCARE_KEYS:
            c.values.pop(key, None)
    return c


def check_values(inp, today: dt.date, *, selfcare_asked: bool = True) -> Checking:
    """The form checked (raises ValidationError with every field's message).  ``selfcare_asked``:
    False for a resident under 65 (a poor household's free check), whose self-care is not assessed."""
    c = _form_run(inp, today, selfcare_asked)
    day, nxt = c.values.get("check_date"), c.values.get("next_check")
    if day and nxt and nxt <= day:  # (the form's context, not the checker's "Validation")
        c.errors.append(
            FieldError(
                "next_check", Message(CTX, QT_TRANSLATE_NOOP("Elderly", "下次体检日期应晚于本次体检日期"))
            )
        )
    elif day and nxt and nxt > one_year_after(day):  # (a yearly check: 2099 hid the resident)
        c.errors.append(
            FieldError(
                "next_check",
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Elderly", "下次体检日期最晚为本次体检后一年（{d}）"),
                    {"d": one_year_after(day).isoformat()},
                ),
            )
        )
    pressure = blood_pressure_problem(c.values.get("sbp"), c.values.get("dbp"))
    if pressure is not None and not c.failed("sbp", "dbp"):
        c.errors.append(FieldError("sbp", Message("Validation", pressure)))
    if c.errors:
        raise ValidationError(c.errors)
    return c


def score_of(values: dict) -> selfcare.SelfCare | None:
    if not all(values.get(k) for k in SELFCARE_KEYS):
        return None  # not asked (under 65)
    return selfcare.score([values[k] for k in SELFCARE_KEYS])


def is_elderly(birth_date: dt.date | None, day: dt.date) -> bool:
    """年满65周岁 in ``day``'s year, as the programme counts it."""
    return birth_date is not None and age_on(birth_date, dt.date(day.year, 12, 31)) >= ELDERLY_AGE


def _may_be_checked(session: Session, resident: Resident, day: dt.date) -> None:
    """A check is the 65+'s yearly one, or a registered poor household member's free check."""
    from app.services.programmes import poverty

    if is_elderly(resident.birth_date, day) or poverty.is_poor(session, resident.id):
        return
    raise _err(
        QT_TRANSLATE_NOOP(
            "Elderly",
            "{name}在{year}年未满65岁，也不是建档立卡贫困户成员，不属于老年人健康管理或贫困人口免费健康体检对象",
        ),
        name=resident.name,
        year=day.year,
    )


def record_check(
    session: Session,
    resident_ref: str | uuid.UUID,
    inp,
    *,
    today: dt.date | None = None,
    confirmed: bool = False,
) -> SavedCheck:
    """The user action "保存老年人健康体检": the form checked, the self-care assessment scored, the next
    check booked (a year on unless typed), and what to offer next.  A second check in one year
    (the yearly check typed again the next day) is saved only ``confirmed`` (NeedsConfirmation)."""
    today = today or capture.trusted_today(session)
    resident = find_resident(session, str(resident_ref))
    authz.require_resident(session, "write", resident)
    # the self-care assessment is asked of the 65+ (in the typed day's year: today's when unreadable)
    typed = _form_run(inp, today, True).values.get("check_date") or today
    c = check_values(inp, today, selfcare_asked=is_elderly(resident.birth_date, typed))
    day = c.values["check_date"]
    if gone := residents.after_leaving(resident, day):
        raise ValidationError([FieldError("check_date", gone)])
    _may_be_checked(session, resident, day)
    same_day = session.scalar(
        select(ElderlyCheck.id).where(
            ElderlyCheck.resident_id == resident.id,
            ElderlyCheck.check_date == day,
            ElderlyCheck.voided.is_(False),
        )
    )
    if same_day:
        raise _err(
            QT_TRANSLATE_NOOP("Elderly", "{name}在{day}已有体检记录"), name=resident.name, day=day.isoformat()
        )
    this_year = session.scalar(
        select(func.max(ElderlyCheck.check_date)).where(
            ElderlyCheck.resident_id == resident.id,
            ElderlyCheck.check_date.between(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)),
            ElderlyCheck.voided.is_(False),
        )
    )
    if this_year is not None and not confirmed:
        raise NeedsConfirmation(
            [
                FieldError(
                    "check_date",
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "Elderly", "{name}{year}年已于{day}做过健康体检，这是本年度的第二次体检"
                        ),
                        {"name": resident.name, "year": day.year, "day": this_year.isoformat()},
                    ),
                )
            ]
        )
    sc = score_of(c.values)
    form: dict = {}
    for f in CHECK_FORM.fields:
        if f.key in COLUMNS or f.key in SELFCARE_KEYS:
            continue
        if f.kind.value == "multi":
            form[f.key] = [r["code"] for r in c.choices if r["field"] == f.key]
            if f.other:
                form[f.other] = next(
                    (r["note"] for r in c.choices if r["field"] == f.key and r["note"]), None
                )
        else:
            v = c.values.get(f.key)
            form[f.key] = v.isoformat() if isinstance(v, dt.date) else v
    form = {k: v for k, v in form.items() if v not in (None, "", [])}
    next_check = c.values.get("next_check") or day + dt.timedelta(days=NEXT_CHECK_DAYS)
    check = ElderlyCheck(
        resident_id=resident.id,
        check_date=day,
        sbp=c.values.get("sbp"),
        dbp=c.values.get("dbp"),
        glucose=c.values.get("glucose"),
        selfcare=list(sc.levels) if sc else [],
        selfcare_score=sc.score if sc else None,
        selfcare_level=sc.level if sc else None,
        next_check=next_check,
        doctor=c.values.get("doctor") or doctor_name(session) or None,
        form=form,
    )
    session.add(check)
    session.flush()
    managed = {e.program for e in followup.enrolments_of(session, resident.id) if e.status == "1"}
    adult = age_on(resident.birth_date, day) >= CHRONIC_FROM_AGE
    offers = tuple(p for p in raised(c.values) if p not in managed) if adult else ()
    found = tuple(abnormal_findings(c.values))
    return SavedCheck(
        check.id,
        resident.id,
        day,
        sc.score if sc else None,
        sc.level if sc else None,
        next_check,
        offers,
        tuple(str(m) for m in found),
        found,
    )


def void_check(
    session: Session,
    resident_ref: str | uuid.UUID,
    check_date: str | dt.date,
    reason: str,
    *,
    check_id: uuid.UUID | None = None,
) -> ElderlyCheck:
    """The user action "作废一次体检": the resident's health check of that day, recorded by mistake
    (the wrong day — a PC whose calendar ran ahead —, the wrong person), voided with the reason,
    never deleted (:mod:`voiding`); ``check_id``: the one chosen in a list."""
    resident = find_resident(session, str(resident_ref))
    authz.require_resident(session, "write", resident)
    day = voiding.day_of(check_date, QT_TRANSLATE_NOOP("Field", "体检日期"))
    check = voiding.entry_of(
        session,
        ElderlyCheck,
        (ElderlyCheck.resident_id == resident.id,),
        ElderlyCheck.check_date,
        day,
        check_id,
        {"name": resident.name, "kind": Message(CTX, QT_TRANSLATE_NOOP("Elderly", "健康体检"))},
    )
    check.voided, check.void_reason = True, voiding.reason_of(reason)
    session.flush()
    return check


def check_record(session: Session, check_id: uuid.UUID) -> tuple[Resident, dict]:
    """A saved check as the form's keys (with its score), for printing and viewing."""
    check = session.get(ElderlyCheck, check_id)
    if check is None or check.voided:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Elderly", "找不到该体检记录")))
    resident = session.get(Resident, check.resident_id)
    authz.require_resident(session, "read", resident)
    values = dict(check.form or {})
    values.update({k: getattr(check, k) for k in COLUMNS})
    values.update(dict(zip(SELFCARE_KEYS, check.selfcare or [None] * len(SELFCARE_KEYS), strict=True)))
    values.update(selfcare_score=check.selfcare_score, selfcare_level=check.selfcare_level)
    return resident, values


def checks_of(session: Session, resident_id: uuid.UUID) -> tuple[ElderlyCheck, ...]:
    """A resident's health checks (the caller has read the resident), oldest first, voided ones
    left out."""
    return tuple(
        session.scalars(
            select(ElderlyCheck)
            .where(ElderlyCheck.resident_id == resident_id, ElderlyCheck.voided.is_(False))
            .order_by(ElderlyCheck.check_date)
        )
    )


def latest_check(session: Session, resident_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(
        select(ElderlyCheck.id)
        .where(ElderlyCheck.resident_id == resident_id, ElderlyCheck.voided.is_(False))
        .order_by(ElderlyCheck.check_date.desc())
        .limit(1)
    )


def _draft(
    resident_id: uuid.UUID, values: dict, day: dt.date, aged: bool, session: Session | None = None
) -> ReferralInput:
    """A referral pre-filled from a check's values (saved or as typed): its abnormal findings;
    ``aged``: the 65+'s check (老年人健康体检), else a poor household member's free check.  With
    ``session``, 主要既往史 and 治疗经过 from the record as a follow-up's draft fills them (they were
    left blank: the hospital was not told a known hypertensive on amlodipine was one)."""
    found = abnormal(values)
    if not found:
        raise _err(QT_TRANSLATE_NOOP("Elderly", "这次体检没有异常结果，无需转诊"))
    history = treatment = ""
    if session is not None:
        resident = session.get(Resident, resident_id)
        if resident is not None:
            history = past_history(session, resident, None)
            treatment = current_treatment(session, resident_id)
    return ReferralInput(
        resident_id=resident_id,
        impression="老年人健康体检发现异常" if aged else "健康体检发现异常",
        present_history="；".join(found),
        past_history=history,
        treatment=treatment,
        issued_on=day.isoformat(),
        issued_by=values.get("doctor") or "",
    )


def referral_draft(session: Session, check_id: uuid.UUID) -> ReferralInput:
    """A referral pre-filled from a check's abnormal results (the doctor completes and issues it)."""
    resident, values = check_record(session, check_id)
    day = values["check_date"]
    return _draft(resident.id, values, day, is_elderly(resident.birth_date, day), session)


def typed_values(ctx: CheckContext, inp) -> dict:
    """The form as typed so far, checked field by field; a field that does not pass is not counted
    (pure: no query while typing)."""
    c = Checking(CHECK_FORM, inp, today=ctx.today).run()
    return {k: v for k, v in c.values.items() if not c.failed(k)}


def typed_abnormal(ctx: CheckContext, inp) -> tuple[Message, ...]:
    """The abnormal findings of the form as typed: the same rule (:func:`abnormal_findings`) as at
    save, as messages for the user's language."""
    return tuple(abnormal_findings(typed_values(ctx, inp)))


def typed_referral_draft(ctx: CheckContext, inp, session: Session | None = None) -> ReferralInput:
    """A referral draft from the form before it is saved (开转诊单 as soon as a finding is entered);
    with ``session``, the record's past history and treatment in it too."""
    values = typed_values(ctx, inp)
    day = values.get("check_date") or ctx.today
    return _draft(ctx.resident_id, values, day, ctx.selfcare_asked, session)


# ---------------------------------------------------------------- who is due


@dataclass(frozen=True, slots=True)
class DueElder:
    resident_id: uuid.UUID
    name: str
    archive_no: str
    sex: str
    age: int
    phone: str
    address: str
    village_name: str
    group_name: str
    last_check: dt.date | None


def unchecked(
    session: Session,
    year: int,
    *,
    village_id: uuid.UUID | None = None,
    group_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> list[DueElder]:
    """65+ residents (在册) without a check in ``year``, by village, village group and name
    (``today``: accepted for callers of the earlier signature; a list of ``year`` needs none)."""
    del today
    R, C = Resident, ElderlyCheck
    last = (
        select(C.resident_id, func.max(C.check_date).label("last_check"))
        .where(C.voided.is_(False))
        .group_by(C.resident_id)
        .subquery()
    )
    stmt = (
        select(
            R.id,
            R.name,
            R.archive_no,
            R.sex,
            R.birth_date,
            func.coalesce(R.phone, ""),
            func.coalesce(R.current_address, ""),
            Village.name,
            func.coalesce(VillageGroup.name, ""),
            last.c.last_check,
            Village.code,
        )
        .join(Village, Village.id == R.village_id)
        .outerjoin(VillageGroup, VillageGroup.id == R.group_id)
        .outerjoin(last, last.c.resident_id == R.id)
        .where(
            R.voided.is_(False),
            R.status == "1",
            R.birth_date <= born_by(year),
            (last.c.last_check.is_(None)) | (last.c.last_check < dt.date(year, 1, 1)),
        )
        .order_by(R.name_pinyin)  # within a group; the groups in their natural order below
    )
    if village_id:
        stmt = stmt.where(R.village_id == village_id)
    if group_id:
        stmt = stmt.where(R.group_id == group_id)
    clause = authz.village_clause(session, R.village_id)
    if clause is not None:
        stmt = stmt.where(clause)
    rows = sorted(session.execute(stmt), key=lambda row: (row[-1], group_order(row[-3])))
    # the age reached in ``year`` (年满), as the programme counts it: never "63岁" on a list of 65+
    end = dt.date(year, 12, 31)
    return [
        DueElder(rid, name, no, sex, age_on(birth, end), phone, addr, village, group, lc)
        for rid, name, no, sex, birth, phone, addr, village, group, lc, _code in rows
    ]


def coverage(session: Session, year: int) -> dict[str, int]:
    """65+ residents on the register and how many of them were checked in ``year`` (the 老年人
    page): people, as 老年人健康管理率 counts them, a person enrolled twice (whose two records
    await the township's duplicate review) once (``indicators.core.not_the_persons``)."""
    from app.services.indicators import CACHE, Period, Scope
    from app.services.indicators.core import not_the_persons

    R, C = Resident, ElderlyCheck
    elders = select(R.id).where(R.voided.is_(False), R.status == "1", R.birth_date <= born_by(year))
    clause = authz.village_clause(session, R.village_id)
    if clause is not None:
        elders = elders.where(clause)
    checked = (
        select(C.resident_id)
        .distinct()
        .where(
            C.voided.is_(False),
            C.check_date >= dt.date(year, 1, 1),
            C.check_date <= dt.date(year, 12, 31),
            C.resident_id.in_(elders),
        )
    )
    session.info.pop(CACHE, None)
    try:
        others = not_the_persons(session, Period.year(year), Scope())
    finally:
        session.info.pop(CACHE, None)  # (an evaluation's reads: never kept past it)
    return {
        "elderly": len(set(session.scalars(elders)) - others),
        "checked": len(set(session.scalars(checked)) - others),
    }


@dataclass(frozen=True)
class CheckContext:
    """What the check dialog needs when it opens, read once."""

    resident_id: uuid.UUID
    name: str
    archive_no: str
    age: int
    doctor: str
    today: dt.date
    initial: object  # an ElderlyCheckInput: today's date and the acting doctor
    selfcare_asked: bool = True  # False under 65: a poor household member's free check


def check_context(session: Session, resident_ref: str | uuid.UUID) -> CheckContext:
    resident = find_resident(session, str(resident_ref))
    today = capture.trusted_today(session)
    _may_be_checked(session, resident, today)
    doctor = doctor_name(session)
    return CheckContext(
        resident.id,
        resident.name,
        resident.archive_no,
        age_on(resident.birth_date, today),
        doctor,
        today,
        ElderlyCheckInput(
            check_date=today.isoformat(), doctor=doctor, medication=current_medication(session, resident)
        ),
        is_elderly(resident.birth_date, today),
    )


def current_medication(session: Session, resident) -> str:
    """目前用药 as a check starts with it: the drugs of the latest follow-up of each chronic
    programme (the doctor corrects it); a check printed with the box empty said nothing of them."""
    text = current_treatment(session, resident.id)
    limit = CHECK_FORM["medication"].max_len
    return text if len(text) <= limit else text[: limit - 1] + "…"

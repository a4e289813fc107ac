"""Boxes of the 个人基本信息表 that name a sensitive programme: 既往史 严重精神障碍 (past disease 8).

A resident with that box ticked is, to a reader, a 严重精神障碍 patient, so the box follows the rule of
the programme itself (DOMAIN.md, issue 18): only those who may see the resident's 严重精神障碍 record —
its responsible doctor (the enrolment's, or before any enrolment the resident's), township staff with
the ``mental_health`` permission, the system — see it.  Everyone else reads the record without it on
every path (the form, the resident page, prints, exports, the review queue), and a save by them keeps
the box they could not see.  Which codes are sensitive is declared once, on the code list
(``CodeList.sensitive_codes``).  Sync needs nothing more: the boxes are children of the resident row,
whose scope (its village) sends it to the township and the owning village only — the devices that
receive the 严重精神障碍 records too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.services.access import audit, authz
from app.services.access.actor import actor
from app.services.errors import FieldError, Message, ValidationError


def is_sensitive(field: str, code: str | None) -> bool:
    """Whether one ticked box (a choice row's field and code) names a sensitive programme."""
    cl = CODE_LISTS.get(field)
    return cl is not None and code is not None and code in cl.sensitive_codes


def sensitive_codes(field: str) -> tuple[str, ...]:
    cl = CODE_LISTS.get(field)
    return cl.sensitive_codes if cl is not None else ()


def may_see(session: Session, resident: Any) -> bool:
    """Whether the acting user may see the sensitive boxes of ``resident`` (a Resident row)."""
    if actor(session).is_system:
        return True
    from app.services.programmes import smi  # smi reads residents; imported late

    enrolment = smi.enrolment_of(session, resident.id, active=False)
    responsible = enrolment.responsible_doctor if enrolment is not None else resident.responsible_doctor
    return authz.may_see_sensitive(session, authz.village_code(session, resident.village_id), responsible)


def hand_over_programmes(session: Session, resident: Any, before: str | None) -> None:
    """A record handed from one doctor to another takes its programmes with it: the enrolments
    (高血压, 糖尿病, 严重精神障碍 …) the old doctor held are the new one's.  Else the doctor who handed
    the record on would keep reading and writing its 严重精神障碍 record, and the new one could not,
    nor anyone once the old account was closed (an administrator handing a leaving doctor's
    records on, who may not see that programme, moves it all the same: it is never shown to
    them).  Enrolments another doctor holds stay theirs.  Who may hand a record on, and to whom,
    is :func:`require_hand_over`'s."""
    after = (resident.responsible_doctor or "").strip()
    before = (before or "").strip()
    if not before or not after or before == after:
        return
    from app.models import ProgramEnrolment, User  # (models stay out of this module's import)

    # the old doctor by every name their enrolments may carry: 责任医生 may hold an account's
    # username or its display name (as the access rules read it: Actor.answers_to)
    names = {before}
    for user in session.scalars(
        select(User).where((User.username == before) | (User.display_name == before))
    ):
        names |= {user.username, user.display_name}
    for enrolment in session.scalars(
        select(ProgramEnrolment).where(
            ProgramEnrolment.resident_id == resident.id,
            ProgramEnrolment.voided.is_(False),
            ProgramEnrolment.responsible_doctor.in_(names - {None, ""}),
        )
    ):
        enrolment.responsible_doctor = after


def _require_known_doctor(session: Session, name: str) -> None:
    """On a village PC, refuse handing a record to ``name`` unless it names one of the village's
    doctors: an active doctor's account (username or display name) or a doctor of 设置's list.  A
    slip (王医牛) would hand the record, and the programmes it carries, to nobody; so would no name.
    The same for every record, whatever it holds.  Elsewhere the village's accounts are not held:
    any name, or none (the township's staff assign the records nobody holds)."""
    from app.services import institution, profile

    if len(profile.get_profile(session).code) != 12 or (name and institution.is_doctor(session, name)):
        return
    if not name:  # (emptied, then filled in: the programmes held by the doctor before stayed theirs)
        template = QT_TRANSLATE_NOOP("Validation", "责任医生不能清空：档案连同其随访管理要交给本村的一位医生")
    else:
        template = QT_TRANSLATE_NOOP(
            "Validation",
            "「{name}」不是本村的医生：档案连同其随访管理交给新的责任医生，"
            "请填写在用医生账号的用户名或姓名，或“设置”里医生名单中的名字",
        )
    raise ValidationError([FieldError("responsible_doctor", Message("Validation", template, {"name": name}))])


def require_hand_over(session: Session, resident: Any, responsible: str | None) -> None:
    """Refuse to change ``resident``'s responsible doctor to ``responsible`` unless the acting user
    may hand the record on: its responsible doctor sees its sensitive boxes, so a village doctor
    who could set themselves there would see them.  A village doctor hands on only a record they
    are responsible for (never another doctor's, nor one nobody holds: the township or an
    administrator assigns those); staff, administrators and the system assign any.  The refusal
    is the same whether or not the record holds such a box, so it tells nothing."""
    before = (resident.responsible_doctor or "").strip()
    if before == (responsible or "").strip():
        return
    who = actor(session)
    if who.is_system or who.role != "village_doctor" or (before and who.answers_to(before)):
        _require_known_doctor(session, (responsible or "").strip())
        return
    audit.record_now(
        session,
        "denied",
        "resident",
        resident.id,
        f"hand over {resident.archive_no}",
        scope=authz.village_code(session, resident.village_id),
    )
    raise authz.PermissionDenied(
        Message(
            "Authz",
            QT_TRANSLATE_NOOP(
                "Authz",
                "{user} 不能更改{name}的责任医生：只有档案的责任医生本人可以交给别的医生，"
                "无人负责的档案由乡镇卫生院或管理员指定",
            ),
            {"user": who.display_name, "name": resident.name},
        )
    )


def may_record(session: Session, village_code: str | None, responsible: str | None) -> bool:
    """Whether the enrolment form of a new resident offers the sensitive boxes: to those who would
    see them once saved (a village doctor as the record's responsible doctor, staff with the
    permission, the system)."""
    who = actor(session)
    if who.is_system:
        return True
    if not village_code:  # the township's form before a village is chosen: its own staff's rule
        return authz.holds_mental_health(session)
    return authz.may_see_sensitive(session, village_code, responsible or who.display_name)


def offers_box(session: Session, resident: Any) -> bool:
    """Whether the edit form of ``resident`` shows the sensitive boxes: to who may see them, and to
    the record's responsible doctor (unticked if the rows are another's to see) — never depending
    on whether a box is ticked, so its absence tells nothing."""
    return may_see(session, resident) or may_record(
        session, authz.village_code(session, resident.village_id), resident.responsible_doctor
    )


@dataclass(frozen=True)
class NoneTicked:
    """The "无" a reader sees in a field whose every ticked box is hidden from them."""

    field: str
    code: str
    note: None = None
    event_date: None = None


def visible(session: Session, resident: Any, rows: Iterable[Any] | None = None) -> list[Any]:
    """The choice rows of ``resident`` (or ``rows`` of theirs) the acting user may see."""
    rows = list(resident.choices if rows is None else rows)
    if not any(is_sensitive(r.field, r.code) for r in rows) or may_see(session, resident):
        return rows
    return withheld(rows)


def withheld(rows: Iterable[Any]) -> list[Any]:
    """Choice rows without their sensitive boxes.  A field whose only ticked box was one reads
    "无", as a record asked and with nothing to tick: a blank there (a record never asked) beside
    无 everywhere else named the patient (found by an attacker)."""
    rows = list(rows)
    shown = [r for r in rows if not is_sensitive(r.field, r.code)]
    emptied = {r.field for r in rows} - {r.field for r in shown}
    return shown + [
        NoneTicked(f, CODE_LISTS[f].none_code) for f in sorted(emptied) if CODE_LISTS[f].none_code
    ]


def hidden(session: Session, resident: Any) -> list[Any]:
    """The choice rows of ``resident`` the acting user may not see (kept as they are on a save)."""
    rows = [r for r in resident.choices if is_sensitive(r.field, r.code)]
    if not rows or may_see(session, resident):
        return []
    return rows


def keep_hidden(choices: list[dict], kept: list[Any]) -> list[dict]:
    """The rows a save writes: the user's ``choices`` plus the ``kept`` rows they could not see.  A
    "无" (none) ticked beside a kept box of the same field is dropped: the kept box says otherwise."""
    if not kept:
        return choices
    have = {(c["field"], c["code"]) for c in choices}
    fields = {r.field for r in kept}
    out = [
        c
        for c in choices
        if not (
            c["field"] in fields and c["code"] is not None and c["code"] == CODE_LISTS[c["field"]].none_code
        )
    ]
    for r in kept:
        if (r.field, r.code) not in have:
            out.append({"field": r.field, "code": r.code, "note": r.note, "event_date": r.event_date})
    return out

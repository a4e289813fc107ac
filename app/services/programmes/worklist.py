"""Who is due: the follow-up worklists of a village or a whole township.

One query over the patients under management, reading each enrolment's visit summary
(last visit, next due, last readings, this year's face-to-face visits — 规范管理: at least
4 a year, 门诊 or 家庭), which the follow-up service keeps with every visit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Household, ProgramEnrolment, Resident, Village, VillageGroup
from app.services import profile
from app.services.access import audit, authz
from app.services.errors import Message, UserError
from app.services.records.ordering import group_order

KINDS = ("overdue", "due_today", "due_week", "not_seen_this_year", "all")
FACE_TO_FACE = ("1", "2")  # 门诊, 家庭 (a phone call does not count towards 规范管理)
REQUIRED_PER_YEAR = 4
SEPARATE = "smi"  # listed only when asked for by name


@dataclass(frozen=True, slots=True)
class WorkItem:
    resident_id: uuid.UUID
    enrolment_id: uuid.UUID
    name: str
    archive_no: str
    sex: str
    birth_date: dt.date
    phone: str
    address: str
    village_name: str
    group_name: str
    program: str
    responsible_doctor: str
    last_visit: dt.date | None
    next_due: dt.date
    days_overdue: int  # > 0 overdue, 0 due today, < 0 days until due
    visits_this_year: int  # face-to-face
    last_sbp: int | None
    last_dbp: int | None
    last_glucose: float | None
    last_classification: int | None
    household_id: uuid.UUID | None = None  # members of one household walk the round together
    household_address: str = ""
    relation_to_head: str = "0"
    village_code: str = ""  # a township's list goes village by village, in code order


def worklist(
    session: Session,
    kind: str = "overdue",
    *,
    program: str | None = None,
    group_id: uuid.UUID | None = None,
    doctor: str | None = None,
    village_id: uuid.UUID | None = None,
    today: dt.date | None = None,
    limit: int | None = None,
    audited: bool = False,
) -> list[WorkItem]:
    """The patients due (``kind``) under management, in the actor's villages and of the programmes
    they may see.  ``audited``: a list of 严重精神障碍 patients asked for as such (``cunyi smi due``)
    is a read of their records, in the trail as an indicator's list of them is (a page's list,
    refreshed with every change, is not)."""
    if kind not in KINDS:
        raise ValueError(f"unknown worklist {kind!r}")
    today = today or dt.date.today()
    E, R = ProgramEnrolment, Resident
    year_start = today.replace(month=1, day=1)
    next_due = func.coalesce(E.next_due, E.enrolled_on)  # never visited: due since management began
    this_year = case((E.face_to_face_year == today.year, E.face_to_face), else_=0)
    stmt = (
        # Plain columns from the enrolment's visit summary: a township list has thousands of rows.
        select(
            R.id.label("resident_id"),
            E.id.label("enrolment_id"),
            R.name,
            R.archive_no,
            R.sex,
            R.birth_date,
            func.coalesce(R.phone, "").label("phone"),
            func.coalesce(R.current_address, "").label("address"),
            Village.name.label("village_name"),
            func.coalesce(VillageGroup.name, "").label("group_name"),
            E.program,
            func.coalesce(E.responsible_doctor, "").label("responsible_doctor"),
            E.last_visit,
            next_due.label("next_due"),
            this_year.label("visits_this_year"),
            E.last_sbp,
            E.last_dbp,
            E.last_glucose,
            E.last_classification,
            R.household_id,
            func.coalesce(Household.address, R.current_address, "").label("household_address"),
            R.relation_to_head,
            Village.code.label("village_code"),
        )
        .join(R, R.id == E.resident_id)
        .join(Village, Village.id == R.village_id)
        .outerjoin(VillageGroup, VillageGroup.id == R.group_id)
        .outerjoin(Household, Household.id == R.household_id)
        .where(E.voided.is_(False), E.status == "1", R.voided.is_(False), R.status == "1")
    )
    # Every ordering starts with an enrolment column: ordered by name alone, SQLite walks the
    # residents' name index through the whole township instead of starting from the patients.
    if kind == "overdue":
        stmt = stmt.where(next_due < today).order_by(next_due, R.name_pinyin)
    elif kind == "due_today":
        stmt = stmt.where(next_due == today).order_by(next_due, R.name_pinyin)
    elif kind == "due_week":
        stmt = stmt.where(next_due >= today, next_due <= today + dt.timedelta(days=7)).order_by(
            next_due, R.name_pinyin
        )
    elif kind == "not_seen_this_year":
        stmt = stmt.where(or_(E.last_visit.is_(None), E.last_visit < year_start)).order_by(
            E.last_visit, R.name_pinyin
        )  # longest unseen first
    else:
        stmt = stmt.order_by(next_due, R.name_pinyin)
    # 严重精神障碍 patients have their own worklist (program="smi"), never mixed into the chronic one
    stmt = stmt.where(E.program == program) if program else stmt.where(E.program != SEPARATE)
    if group_id:
        stmt = stmt.where(R.group_id == group_id)
    if doctor:
        stmt = stmt.where(E.responsible_doctor == doctor)
    if village_id:
        stmt = stmt.where(R.village_id == village_id)
    for clause in (authz.village_clause(session, R.village_id), authz.sensitive_clause(session, E)):
        if clause is not None:
            stmt = stmt.where(clause)
    if limit:
        stmt = stmt.limit(limit)
    # The columns come in WorkItem's field order; days_overdue goes in after next_due.
    items = [WorkItem(*row[:14], (today - row[13]).days, *row[14:]) for row in session.execute(stmt)]
    if audited and program == SEPARATE and items:
        audit.record_now(
            session, "read", "program_enrolment", None, f"{program} {kind}: {len(items)}", scope=None
        )
    return items


def find_group(session: Session, name: str, village_id: uuid.UUID | None = None) -> uuid.UUID:
    """A village group (村民小组) by name, within one village when given."""
    q = select(VillageGroup.id).where(VillageGroup.name == name.strip())
    if village_id:
        q = q.where(VillageGroup.village_id == village_id)
    found = session.scalars(q).all()
    if len(found) != 1:
        template = (
            QT_TRANSLATE_NOOP("Worklist", "找不到村民小组：{name}")
            if not found
            else QT_TRANSLATE_NOOP("Worklist", "有多个村的村民小组叫“{name}”，请同时指定村")
        )
        raise UserError(Message("Worklist", template, {"name": name}))
    return found[0]


def filter_choices(session: Session) -> dict[str, list]:
    """Village groups [(id, "村 组")] and responsible doctors of the patients under management, for filters."""
    E = ProgramEnrolment
    groups = sorted(
        session.execute(
            select(VillageGroup.id, Village.name, VillageGroup.name, Village.code).join(
                Village, Village.id == VillageGroup.village_id
            )
        ),
        key=lambda row: (row[3], group_order(row[2])),
    )
    doctors = session.scalars(
        select(E.responsible_doctor)
        .where(E.status == "1", E.voided.is_(False), E.responsible_doctor.is_not(None))
        .distinct()
        .order_by(E.responsible_doctor)
    ).all()
    return {"groups": [(gid, f"{v} {g}") for gid, v, g, _code in groups], "doctors": list(doctors)}


def counts(
    session: Session,
    today: dt.date | None = None,
    *,
    program: str | None = None,
    village_id: uuid.UUID | None = None,
) -> dict[str, int]:
    """How many patients each worklist holds (for the 工作台), in one aggregate query."""
    today = today or dt.date.today()
    E, R = ProgramEnrolment, Resident
    due = func.coalesce(E.next_due, E.enrolled_on)
    this_year = case((E.face_to_face_year == today.year, E.face_to_face), else_=0)
    year_start = today.replace(month=1, day=1)

    def n(cond):
        return func.count(case((cond, 1)))

    stmt = (
        select(
            n(due < today),
            n(due == today),
            n((due >= today) & (due <= today + dt.timedelta(days=7))),
            n(or_(E.last_visit.is_(None), E.last_visit < year_start)),
            func.count(),
            n(this_year >= REQUIRED_PER_YEAR),
        )
        .join(R, R.id == E.resident_id)
        .where(E.voided.is_(False), E.status == "1", R.voided.is_(False), R.status == "1")
    )
    stmt = stmt.where(E.program == program) if program else stmt.where(E.program != SEPARATE)
    if village_id:
        stmt = stmt.where(R.village_id == village_id)
    hidden = authz.sensitive_clause(session, E)  # a count must not hint at a sensitive enrolment either
    if hidden is not None:
        stmt = stmt.where(hidden)
    keys = ("overdue", "due_today", "due_week", "not_seen_this_year", "under_management", "on_track")
    return dict(zip(keys, session.execute(stmt).one(), strict=True))


def print_scope(session: Session, village_code: str | None, group_name: str | None) -> dict:
    """Which residents a batch print covers, as ``{"village_id", "group_id"}``: a village PC keeps
    to its own village; a township covers all its villages unless one is named."""
    is_village = profile.get_profile(session).role == profile.VILLAGE
    village = profile.get_village(session, village_code) if village_code or is_village else None
    if is_village and village_code and village_code.strip() != village.code:  # (not quietly its own)
        raise UserError(
            Message(
                "Worklist",
                QT_TRANSLATE_NOOP("Worklist", "本机只管{village}（{own}）的档案，没有村代码{code}"),
                {"village": village.name, "own": village.code, "code": village_code.strip()},
            )
        )
    if village is not None:  # another village's, at a township: refused (and audited), not an empty page
        authz.require(session, "print", village=village.code, what=village.name)
    village_id = village.id if village else None
    group_id = find_group(session, group_name, village_id) if group_name else None
    return {"group_id": group_id, "village_id": village_id}

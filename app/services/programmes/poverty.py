"""建档立卡贫困户 (DOMAIN.md "Poverty households"): household registration, 一患一策 plans, the
poverty workbench and the export of poor households.

The household row is the source of truth; each member's ``poverty_registered`` mirrors it
(:func:`_mirror`), which is what the follow-up rules read to raise chronic patients in poor
households to monthly visits (followup_rules: ``poverty_days``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    ElderlyCheck,
    FollowupVisit,
    Household,
    PovertyHousehold,
    PovertyPlan,
    ProgramEnrolment,
    Resident,
    Village,
)
from app.models.base import one_of
from app.services.access import audit, authz
from app.services.access.actor import doctor_name
from app.services.errors import Message, UserError
from app.services.programmes import contracts, followup
from app.services.records import sensitive
from app.services.records.residents import _UUID, find_resident
from app.services.records.validators import Invalid, clean_text, halfwidth, one_year_after, parse_date
from app.services.sync.capture import trusted_today

CTX = "Poverty"
# Statuses whose members count as poor for monthly follow-up, signing targets and indicators.
# 脱贫户 stay under "脱贫不摘政策" and 防返贫监测户 are watched as closely (unconfirmed: data).
POOR_STATUSES = ("registered", "lifted", "monitored")
CHRONIC_PROGRAMMES = ("htn", "t2dm")
REGISTRATION_SINCE = dt.date(2014, 1, 1)  # 建档立卡 began in 2014 (精准扶贫): an earlier date is a typo
REVIEW_AHEAD_DAYS = 7  # plans due for review within a week show on the workbench
ACTIVE = "1"


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def _code(list_name: str, value: str, label: str) -> str:
    cl = CODE_LISTS[list_name]
    found = cl.lookup(halfwidth(value or "")) if value else None
    if found is None:
        raise _err(
            QT_TRANSLATE_NOOP("Poverty", "{label}“{value}”不存在，可选：{choices}"),
            label=label,
            value=value,
            choices="、".join(f"{c.code} {c.zh}" for c in cl),
        )
    return found.code


# ------------------------------------------------------------------------------- households


def find_household(session: Session, ref: str) -> Household:
    """A household by its record id, or the household of a resident (archive number or id)."""
    text = halfwidth(ref or "").strip()
    if _UUID.match(text):
        household = session.get(Household, uuid.UUID(text))
        if household is not None and not household.voided:
            return household
    return find_resident(session, text).household


def _mirror(session: Session, household: Household, poor: bool) -> None:
    for member in household.members:
        if member.poverty_registered != poor:
            member.poverty_registered = poor
            followup.refresh_resident(session, member)  # (monthly follow-ups: followup._next_due)


def mirror_resident(session: Session, resident: Resident) -> None:
    """A resident saved into a household takes the household's registration (one source of truth)."""
    poor = (
        session.scalar(
            select(func.count())
            .select_from(PovertyHousehold)
            .where(
                PovertyHousehold.household_id == resident.household_id,
                PovertyHousehold.voided.is_(False),
                PovertyHousehold.status.in_(POOR_STATUSES),
            )
        )
        or 0
    ) > 0
    if resident.poverty_registered != poor:
        resident.poverty_registered = poor
        if inspect(resident).persistent:  # (a resident being made has no programme yet)
            followup.refresh_resident(session, resident)


def registration_of(session: Session, ref: str) -> PovertyHousehold | None:
    """The poverty registration of the household ``ref`` names (a member's archive number or name,
    as :func:`set_household` takes it), None when it has none or is of a village the actor does
    not work in: what 登记贫困户 starts from, so that saving the form changes what was changed and
    nothing else.  (Read as a member is typed: a household out of reach is not a refusal to audit
    each time; saving it is.)  Refused (UserError) for a ref that names nobody."""
    household = find_household(session, ref)
    village = session.get(Village, household.village_id)
    if not authz.permits(session, "read", village=village.code):
        return None
    return session.scalar(
        select(PovertyHousehold).where(
            PovertyHousehold.household_id == household.id, PovertyHousehold.voided.is_(False)
        )
    )


def set_household(
    session: Session,
    ref: str,
    *,
    status: str,
    cause: str = "",
    by_illness: bool | None = None,
    relapse_by_illness: bool | None = None,
    registered_on: str | dt.date = "",
) -> PovertyHousehold:
    """Register (or change) a household's poverty status, cause and 因病致贫/因病返贫 flags."""
    household = find_household(session, ref)
    village = session.get(Village, household.village_id)
    authz.require(session, "write", village=village.code, what=household.address or "")
    status_code = _code("poverty_status", status, QT_TRANSLATE_NOOP("Field", "贫困户类型"))
    cause_code = _code("poverty_cause", cause, QT_TRANSLATE_NOOP("Field", "致贫原因")) if cause else None
    try:
        day = (
            registered_on
            if isinstance(registered_on, dt.date)
            else parse_date(registered_on, QT_TRANSLATE_NOOP("Field", "登记日期"))
        )
    except Invalid as e:
        raise UserError(e.message) from None
    today = trusted_today(session)
    if day and day > today:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "登记日期不能晚于今天"))
    if day and day < REGISTRATION_SINCE:
        raise _err(
            QT_TRANSLATE_NOOP("Poverty", "登记日期不能早于{year}年（建档立卡始于{year}年）"),
            year=REGISTRATION_SINCE.year,
        )
    if status_code == "none" and (cause_code or by_illness or relapse_by_illness):  # ("非贫困户，因病")
        raise _err(QT_TRANSLATE_NOOP("Poverty", "非贫困户不填致贫原因"))
    row = session.scalar(select(PovertyHousehold).where(PovertyHousehold.household_id == household.id))
    if row is None:
        if status_code == "none":
            raise _err(QT_TRANSLATE_NOOP("Poverty", "这一户没有登记为贫困户"))
        if cause_code is None:
            raise _err(QT_TRANSLATE_NOOP("Poverty", "请填写致贫原因"))
        row = PovertyHousehold(
            household_id=household.id, village_id=household.village_id, registered_on=day or today
        )
        session.add(row)
    row.status = status_code
    if cause_code:
        row.cause = cause_code
    # 因病致贫 / 因病返贫 say how illness made the household poor: of a household poor for illness
    # only, and one or the other (the one chosen replaces the other)
    if by_illness and relapse_by_illness:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "因病致贫和因病返贫只能选一个"))
    if relapse_by_illness is not None:
        row.relapse_by_illness = relapse_by_illness
        if relapse_by_illness:
            row.by_illness = False
    if by_illness is not None:
        row.by_illness = by_illness
        if by_illness:
            row.relapse_by_illness = False
    elif cause_code == "illness" and not row.relapse_by_illness:
        row.by_illness = True
    if row.cause != "illness":
        if by_illness or relapse_by_illness:
            raise _err(QT_TRANSLATE_NOOP("Poverty", "因病致贫、因病返贫只用于致贫原因为“因病”的户"))
        row.by_illness = row.relapse_by_illness = False  # (the cause changed from 因病: no longer so)
    if day:
        row.registered_on = day
    _mirror(session, household, status_code in POOR_STATUSES)
    return row


def poor_residents(*columns, village_ids=None, registered_by: dt.date | None = None):
    """``select(*columns)`` of the registered (在册) residents whose household is poor (of
    ``village_ids`` only, when given: a township's report on a county's store reads its own
    villages, not the county's).  The indicators select the ids as their raw bytes.

    ``registered_by``: a report's day instead of today: households registered poor by then, their
    residents whatever their status today (the report keeps those on the register that day)."""
    q = (
        select(*columns)
        .join(PovertyHousehold, PovertyHousehold.household_id == Resident.household_id)
        .where(
            PovertyHousehold.voided.is_(False),
            PovertyHousehold.status.in_(POOR_STATUSES),
            Resident.voided.is_(False),
        )
    )
    if registered_by is None:
        q = q.where(Resident.status == ACTIVE)
    else:
        q = q.where(PovertyHousehold.registered_on <= registered_by)
    if village_ids is not None:
        q = q.where(Resident.village_id.in_(village_ids))
    return q


def poor_resident_ids(session: Session, village_ids=None) -> set[uuid.UUID]:
    """Registered residents whose household is poor (:func:`poor_residents`)."""
    return set(session.scalars(poor_residents(Resident.id, village_ids=village_ids)))


def is_poor(session: Session, resident_id: uuid.UUID) -> bool:
    """Whether the resident (在册) is a member of a registered poor household."""
    return session.scalar(poor_residents(Resident.id).where(Resident.id == resident_id)) is not None


def chronic_patients(
    session: Session, resident_ids: set[uuid.UUID], on: dt.date | None = None
) -> dict[uuid.UUID, ProgramEnrolment]:
    """Of ``resident_ids``, those under management (在管) for hypertension or diabetes: their
    earliest such enrolment.  ``on``: under management that day (a report's), not today: enrolled
    by then, and still 在管 or ended (失访, 迁出, 死亡 …) only after it."""
    out: dict[uuid.UUID, ProgramEnrolment] = {}
    if not resident_ids:
        return out
    E = ProgramEnrolment
    managed = (
        E.status == "1"
        if on is None
        else (E.enrolled_on <= on) & ((E.status == "1") | (E.status_date.is_not(None) & (E.status_date > on)))
    )
    q = select(E).where(
        E.voided.is_(False),
        managed,
        E.program.in_(CHRONIC_PROGRAMMES),
        one_of(E.resident_id, resident_ids),
    )
    for e in session.scalars(q.order_by(E.enrolled_on)):
        out.setdefault(e.resident_id, e)
    return out


def chronic_programmes(session: Session, resident_ids: set[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """Of ``resident_ids``, those under management for hypertension or diabetes, with each
    programme they are managed in (高血压 and 2型糖尿病 both, for a patient of both)."""
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    if not resident_ids:
        return out
    E = ProgramEnrolment
    q = select(E.resident_id, E.program).where(
        E.voided.is_(False),
        E.status == "1",
        E.program.in_(CHRONIC_PROGRAMMES),
        one_of(E.resident_id, resident_ids),
    )
    for rid, program in session.execute(q.order_by(E.program)):
        if program not in out[rid]:
            out[rid].append(program)
    return out


def visit_months(session: Session, resident_ids: set[uuid.UUID], start: dt.date, end: dt.date) -> dict:
    """resident -> set of (year, month) with a chronic-disease follow-up done between the dates."""
    out: dict[uuid.UUID, set[tuple[int, int]]] = defaultdict(set)
    if not resident_ids:
        return out
    q = select(FollowupVisit.resident_id, FollowupVisit.visit_date).where(
        FollowupVisit.voided.is_(False),
        FollowupVisit.outcome == "done",
        FollowupVisit.program.in_(CHRONIC_PROGRAMMES),
        FollowupVisit.visit_date >= start,
        FollowupVisit.visit_date <= end,
        one_of(FollowupVisit.resident_id, resident_ids),
    )
    for rid, day in session.execute(q):
        out[rid].add((day.year, day.month))
    return out


# ------------------------------------------------------------------------------- plans


def add_plan(
    session: Session,
    resident_ref: str,
    *,
    track: str,
    measures: str,
    review: str | dt.date,
    condition: str = "",
    health_check: str | dt.date = "",
) -> PovertyPlan:
    """一患一策: the plan of a patient in a poor household (condition, treatment track, measures,
    review date; optionally the date of this year's free health check)."""
    resident = find_resident(session, resident_ref)
    authz.require_resident(session, "write", resident)
    if resident.status != ACTIVE:  # (the household's poor members are those 在册)
        raise _err(
            QT_TRANSLATE_NOOP("Poverty", "{name}不在册（{status}），不能制定一患一策"),
            name=resident.name,
            status=CODE_LISTS["resident_status"].label(resident.status),
        )
    if resident.id not in poor_resident_ids(session):
        raise _err(
            QT_TRANSLATE_NOOP("Poverty", "{name}不属于登记的贫困户：请先登记户的贫困状态"), name=resident.name
        )
    track_code = _code("poverty_track", track, QT_TRANSLATE_NOOP("Field", "救治方式"))
    today = trusted_today(session)
    try:
        measures_text = clean_text(measures, 1000, QT_TRANSLATE_NOOP("Field", "帮扶措施"))
        condition_text = clean_text(condition, 100, QT_TRANSLATE_NOOP("Field", "疾病"))
        review_on = (
            review
            if isinstance(review, dt.date)
            else parse_date(review, QT_TRANSLATE_NOOP("Field", "复核日期"))
        )
        check_on = (
            health_check
            if isinstance(health_check, dt.date)
            else parse_date(health_check, QT_TRANSLATE_NOOP("Field", "免费健康体检日期"))
        )
    except Invalid as e:
        raise UserError(e.message) from None
    if not measures_text:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "请填写帮扶措施"))
    if review_on is None:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "请填写复核日期"))
    if review_on < today:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "复核日期不能早于今天"))
    if review_on > one_year_after(today):  # (a plan is reviewed at least yearly: 2099 is a typo)
        raise _err(
            QT_TRANSLATE_NOOP("Poverty", "复核日期最晚为一年后（{d}）"), d=one_year_after(today).isoformat()
        )
    if check_on and check_on > today:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "体检日期不能晚于今天"))
    if check_on and check_on.year != today.year:  # the plan records this year's (an old one: no)
        raise _err(
            QT_TRANSLATE_NOOP("Poverty", "免费健康体检日期应为今年（{year}年）的日期"), year=today.year
        )
    if check_on and resident.birth_date and check_on < resident.birth_date:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "体检日期不能早于出生日期"))
    if not condition_text:  # the programmes the patient is managed for, never a sensitive one:
        programmes = session.scalars(  # the plan is read by all who see poverty work (专项随访 named SMI)
            select(ProgramEnrolment.program).where(
                ProgramEnrolment.resident_id == resident.id,
                ProgramEnrolment.voided.is_(False),
                ProgramEnrolment.sensitive.is_(False),
                ProgramEnrolment.status == "1",
            )
        ).all()
        condition_text = "、".join(CODE_LISTS["program"].label(p) or p for p in programmes)
    if not condition_text:
        raise _err(QT_TRANSLATE_NOOP("Poverty", "请填写疾病"))
    plan = PovertyPlan(
        resident_id=resident.id,
        condition=condition_text,
        track=track_code,
        measures=measures_text,
        made_on=today,
        review_on=review_on,
        health_check_on=check_on,
        doctor=doctor_name(session) or None,
        written_unaware=not sensitive.may_see(session, resident),
    )
    session.add(plan)
    return plan


def current_plans(
    session: Session, resident_ids: set[uuid.UUID] | None = None
) -> dict[uuid.UUID, PovertyPlan]:
    """Each resident's newest plan."""
    q = select(PovertyPlan).where(PovertyPlan.voided.is_(False))
    if resident_ids is not None:
        q = q.where(PovertyPlan.resident_id.in_(resident_ids))
    out: dict[uuid.UUID, PovertyPlan] = {}
    for p in session.scalars(q.order_by(PovertyPlan.made_on, PovertyPlan.created_at)):
        out[p.resident_id] = p
    return out


def readable_plans(session: Session, resident_ids: set[uuid.UUID]) -> dict[uuid.UUID, PovertyPlan]:
    """Each resident's newest plan the actor may read.  A 严重精神障碍 patient's plans written since
    the patient was registered (their 疾病 and 措施 are typed: "精神分裂症", a drug) only for those
    who may see that patient's programme (records.sensitive), as its records are.  Read by all:
    a plan written before the registration (hidden by it, a plan read yesterday told of it), and
    one written by a user who could not see the record (``written_unaware``: hidden, the plan just
    saved told its author who is a patient); for others the newest of those stands.  Lists,
    exports, prints and what a user is told is due all read the plans from here, so none of them
    tells by a plan missing from another."""
    from app.models import ProgramEnrolment
    from app.services.programmes import smi

    plans = current_plans(session, resident_ids)
    if not plans:
        return plans
    registered = dict(
        session.execute(
            select(ProgramEnrolment.resident_id, func.min(ProgramEnrolment.created_at))
            .where(
                ProgramEnrolment.program == smi.PROGRAM,
                ProgramEnrolment.voided.is_(False),
                ProgramEnrolment.resident_id.in_(set(plans)),
            )
            .group_by(ProgramEnrolment.resident_id)
        ).all()
    )
    blind = {
        rid: since
        for rid, since in registered.items()
        if not sensitive.may_see(session, session.get(Resident, rid))
    }
    if not blind:
        return plans
    out = {rid: p for rid, p in plans.items() if rid not in blind}
    q = select(PovertyPlan).where(PovertyPlan.voided.is_(False), PovertyPlan.resident_id.in_(set(blind)))
    for p in session.scalars(q.order_by(PovertyPlan.made_on, PovertyPlan.created_at)):
        if p.written_unaware or p.created_at < blind[p.resident_id]:
            out[p.resident_id] = p  # (the newest of them)
    return out


# ------------------------------------------------------------------------------- lists


@dataclass(frozen=True)
class HouseholdRow:
    household_id: uuid.UUID
    village: str
    head: str
    head_archive_no: str
    address: str
    status: str
    cause: str
    by_illness: bool
    relapse_by_illness: bool
    members: int
    signed: int
    chronic: int
    chronic_visited: int  # chronic patients with a follow-up this month

    @property
    def all_signed(self) -> bool:
        return self.signed >= self.members

    def as_json(self) -> dict:
        return {
            "household_id": str(self.household_id),
            "village": self.village,
            "head": self.head,
            "head_archive_no": self.head_archive_no,
            "address": self.address,
            "status": self.status,
            "cause": self.cause,
            "by_illness": self.by_illness,
            "relapse_by_illness": self.relapse_by_illness,
            "members": self.members,
            "signed": self.signed,
            "chronic": self.chronic,
            "chronic_visited_this_month": self.chronic_visited,
        }


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def list_households(session: Session, today: dt.date | None = None) -> list[HouseholdRow]:
    """Registered households the actor may see, with their members' signing and this month's
    follow-up status."""
    today = today or trusted_today(session)
    q = (
        select(PovertyHousehold, Household, Village.name)
        .join(Household, Household.id == PovertyHousehold.household_id)
        .join(Village, Village.id == PovertyHousehold.village_id)
        .where(PovertyHousehold.voided.is_(False), PovertyHousehold.status != "none")
    )
    allowed = authz.village_clause(session, PovertyHousehold.village_id)
    if allowed is not None:
        q = q.where(allowed)
    rows = session.execute(q).all()
    members: dict[uuid.UUID, list[Resident]] = defaultdict(list)
    ids = [h.id for _, h, _ in rows]
    if ids:
        for r in session.scalars(
            select(Resident).where(
                Resident.household_id.in_(ids), Resident.voided.is_(False), Resident.status == ACTIVE
            )
        ):
            members[r.household_id].append(r)
    everyone = {r.id for ms in members.values() for r in ms}
    # (counted as the reader may see them: a 严重精神障碍包 alone is no contract of theirs to count)
    signed = contracts.signed_seen(session, [r for ms in members.values() for r in ms], today)
    chronic = chronic_patients(session, everyone)
    visited = visit_months(session, set(chronic), _month_start(today), today)
    out = []
    for row, household, village in rows:
        ms = sorted(members[household.id], key=lambda r: (r.relation_to_head, r.name_pinyin))
        head = ms[0] if ms else None
        out.append(
            HouseholdRow(
                household.id,
                village,
                head.name if head else "",
                head.archive_no if head else "",
                household.address or "",
                row.status,
                row.cause or "",
                row.by_illness,
                row.relapse_by_illness,
                len(ms),
                sum(1 for m in ms if m.id in signed),
                sum(1 for m in ms if m.id in chronic),
                sum(1 for m in ms if m.id in chronic and visited.get(m.id)),
            )
        )
    return sorted(out, key=lambda h: (h.village, h.head_archive_no))


@dataclass(frozen=True)
class WorkItem:
    resident_id: uuid.UUID | None
    household_id: uuid.UUID | None
    name: str
    archive_no: str
    detail: str  # the plan's condition as typed ("" on the other lists)
    due: dt.date | None = None
    program: str | None = None  # the programme's code (htn, t2dm): views say it in their language


@dataclass(frozen=True)
class Workbench:
    unsigned_households: list[HouseholdRow]
    not_visited: list[WorkItem]  # poor chronic patients without a follow-up this month
    plans_due: list[WorkItem]  # 一患一策 due for review
    no_plan: list[WorkItem]  # poor chronic patients without a plan
    no_health_check: list[WorkItem]  # poor residents without this year's free health check


def workbench(session: Session, today: dt.date | None = None) -> Workbench:
    today = today or trusted_today(session)
    households = list_households(session, today)
    poor = poor_resident_ids(session)
    allowed = authz.visible_villages(session)
    residents = {
        r.id: r
        for r in session.scalars(select(Resident).where(Resident.id.in_(poor)))
        if allowed is None or r.village.code in allowed
    }
    chronic = chronic_patients(session, set(residents))
    visited = visit_months(session, set(chronic), _month_start(today), today)
    plans = readable_plans(session, set(residents))  # (every list from the same plans: none tells)

    def item(r: Resident, detail: str, due: dt.date | None = None, program: str | None = None) -> WorkItem:
        return WorkItem(r.id, r.household_id, r.name, r.archive_no, detail, due, program)

    not_visited = [
        item(residents[rid], "", e.last_visit, e.program)
        for rid, e in chronic.items()
        if not visited.get(rid)
    ]
    due = [
        item(residents[rid], p.condition, p.review_on)
        for rid, p in plans.items()
        if p.review_on <= today + dt.timedelta(days=REVIEW_AHEAD_DAYS)
    ]
    no_plan = [item(residents[rid], "", program=e.program) for rid, e in chronic.items() if rid not in plans]
    # the year's free health check: as the plan records it, or the 65+ yearly check (老年人健康体检)
    checked = {rid for rid, p in plans.items() if p.health_check_on and p.health_check_on.year == today.year}
    ids = list(residents)
    for i in range(0, len(ids), 500):
        checked.update(
            session.scalars(
                select(ElderlyCheck.resident_id).where(
                    ElderlyCheck.resident_id.in_(ids[i : i + 500]),
                    ElderlyCheck.voided.is_(False),
                    ElderlyCheck.check_date >= dt.date(today.year, 1, 1),
                    ElderlyCheck.check_date <= today,
                )
            )
        )
    no_check = [item(r, "") for rid, r in residents.items() if rid not in checked]
    key = lambda w: (w.due or dt.date.min, w.archive_no)  # noqa: E731
    return Workbench(
        [h for h in households if not h.all_signed],
        sorted(not_visited, key=key),
        sorted(due, key=key),
        sorted(no_plan, key=lambda w: w.archive_no),
        sorted(no_check, key=lambda w: w.archive_no),
    )


def plan_rows(session: Session) -> list[dict]:
    """Current plans of poor residents the actor may see, for ``poverty list --plans`` and the page."""
    poor = poor_resident_ids(session)
    allowed = authz.visible_villages(session)
    out = []
    for rid, p in readable_plans(session, poor).items():
        r = session.get(Resident, rid)
        if allowed is not None and r.village.code not in allowed:
            continue
        out.append(
            {
                "resident_id": str(rid),
                "resident": r.name,
                "archive_no": r.archive_no,
                "condition": p.condition,
                "track": p.track,
                "measures": p.measures,
                "made_on": p.made_on.isoformat(),
                "review_on": p.review_on.isoformat(),
                "health_check_on": p.health_check_on.isoformat() if p.health_check_on else None,
            }
        )
    return sorted(out, key=lambda d: d["archive_no"])


# ------------------------------------------------------------------------------- export

EXPORT_COLUMNS = (
    "村",
    "户主",
    "户主档案编号",
    "地址",
    "贫困户类型",
    "致贫原因",
    "因病致贫",
    "因病返贫",
    "在册人数",
    "已签约人数",
    "全户签约",
    "慢病患者",
    "本月已随访",
)


def export_households(session: Session, path: str | Path, today: dt.date | None = None) -> int:
    """贫困户签约与随访情况 as an xlsx workbook (cells made safe); returns the number of households."""
    from openpyxl import Workbook

    from app.services import safe_output
    from app.services.safe_output import append_xlsx_row

    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    safe_output.named_as(path, ".xlsx")  # before anything is read (or audited)
    rows = list_households(session, today)
    wb = Workbook()
    ws = wb.active
    ws.title = "贫困户"
    append_xlsx_row(ws, EXPORT_COLUMNS)
    yes = {True: "是", False: "否"}
    for h in rows:
        append_xlsx_row(
            ws,
            [
                h.village,
                h.head,
                h.head_archive_no,
                h.address,
                CODE_LISTS["poverty_status"].label(h.status),
                CODE_LISTS["poverty_cause"].label(h.cause),
                yes[h.by_illness],
                yes[h.relapse_by_illness],
                h.members,
                h.signed,
                yes[h.all_signed],
                h.chronic,
                h.chronic_visited,
            ],
            text_columns=(2,),
        )
    for col, width in zip("ABCDEFGHIJKLM", (10, 10, 20, 24, 16, 10, 9, 9, 9, 11, 9, 9, 11), strict=True):
        ws.column_dimensions[col].width = width
    audit.exported(session, "poverty_household", len(rows), safe_output.save_workbook(path, wb))
    return len(rows)


PLAN_COLUMNS = ("档案编号", "姓名", "病情", "救治方式", "帮扶措施", "制定日期", "复核日期", "健康体检日期")


def export_plans(session: Session, path: str | Path) -> int:
    """一患一策: the current plans of the poor residents the actor may see (:func:`plan_rows`) as an
    xlsx workbook (cells made safe); returns the number of plans."""
    from openpyxl import Workbook

    from app.services import safe_output
    from app.services.safe_output import append_xlsx_row

    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    safe_output.named_as(path, ".xlsx")
    rows = plan_rows(session)
    wb = Workbook()
    ws = wb.active
    ws.title = "一患一策"
    append_xlsx_row(ws, PLAN_COLUMNS)
    for r in rows:
        append_xlsx_row(
            ws,
            [
                r["archive_no"],
                r["resident"],
                r["condition"],
                CODE_LISTS["poverty_track"].label(r["track"]),
                r["measures"],
                r["made_on"],
                r["review_on"],
                r["health_check_on"] or "",
            ],
            text_columns=(0,),
        )
    for col, width in zip("ABCDEFGH", (20, 10, 16, 12, 40, 12, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
    audit.exported(session, "poverty_plan", len(rows), safe_output.save_workbook(path, wb))
    return len(rows)


def household_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(PovertyHousehold).where(PovertyHousehold.voided.is_(False))
        )
        or 0
    )

"""Indicators of family-doctor contracts, poverty households and health education (issue 19).

- 家庭医生签约率 (``contract``): residents on the register holding a contract on the reference day,
  against the village's 常住人口 (``denominator_figure``, as 建档率).
- per key group (``contract_key_groups``): the union of the key groups (65+, hypertension, diabetes,
  severe mental disorder, poor, children 0-6, the disabled); each entry's reason names its groups, and :func:`key_group_rates`
  gives each group's own numerator and denominator.
- 贫困人口签约率 (``poor_contract``, target 100%), 贫困慢病患者月随访率 (``poor_monthly``).
- health-education counts (``education_*``): one entry per activity (its id stands where a resident
  id stands), against the yearly minimum of the institutions in scope (``denominator_figure``,
  :func:`education_minimum`).

The reference day of "holds a contract" is the period's last day, or today while the period runs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    EducationActivity,
    FamilyContract,
    PovertyHousehold,
    ProgramEnrolment,
    Resident,
    ResidentChoice,
    Township,
    Village,
)
from app.services.access import authz
from app.services.errors import Message
from app.services.indicators import (
    ALL,
    CACHE,
    COUNT,
    KINDS,
    PERIODS,
    RESIDENT_AT,
    SOME,
    Counts,
    Entry,
    Period,
    Scope,
    cached,
    figure,
    id_order,
    indicator,
    joined_in_scope,
    raw_id,
    read_ahead,
    resident_ids,
    resident_rows,
    rows,
    wants_reasons,
)
from app.services.indicators.core import ENROLLED
from app.services.programmes import contracts, education, poverty
from app.services.records.validators import born_by
from app.services.sync.capture import pc_today

CTX = "Indicator"
PROGRAMME = "services"
ACTIVE = "1"  # resident_status 在册
# Key groups and the programme code of their enrolment (SMI's code is the SMI programme's, unconfirmed).
# (DOMAIN.md's pregnant women are not among them: a record holds no pregnancy to count them by.)
KEY_GROUPS = ("elderly", "htn", "t2dm", "smi", "poor", "children", "disabled")
GROUP_LABELS = {
    "elderly": QT_TRANSLATE_NOOP("Field", "65岁及以上老年人"),
    "htn": QT_TRANSLATE_NOOP("Field", "高血压患者"),
    "t2dm": QT_TRANSLATE_NOOP("Field", "2型糖尿病患者"),
    "smi": QT_TRANSLATE_NOOP("Field", "严重精神障碍患者"),
    "poor": QT_TRANSLATE_NOOP("Field", "建档立卡贫困人口"),
    "children": QT_TRANSLATE_NOOP("Field", "0～6岁儿童"),
    "disabled": QT_TRANSLATE_NOOP("Field", "残疾人"),
}


def reference_day(period: Period, today: dt.date | None = None) -> dt.date:
    today = today or pc_today()
    return max(period.start, min(period.end, today))


def on_register(session: Session, scope: Scope, day: dt.date) -> dict[uuid.UUID, dt.date]:
    """Residents on the register (在册, not voided, enrolled by ``day``) in the scope's villages ->
    their birth date; from the rows every evaluation reads once (``resident_rows``), and shared by
    this programme's indicators (``cached``)."""

    def load() -> dict[uuid.UUID, dt.date]:
        born = RESIDENT_AT["birth_date"]
        return {row[0]: row[born] for row in resident_rows(session, scope) if was_on_register(row, day)}

    return cached(session, ("contract_residents", scope, day), load)


def was_on_register(row, day: dt.date) -> bool:
    """Whether a resident row (``resident_rows``) was on the register on ``day``: enrolled by then,
    and still on it, or closed (died, moved away) only after it."""
    return row[RESIDENT_AT["enrolled_on"]] <= day and not_closed_before(row, day)


def not_closed_before(row, day: dt.date) -> bool:
    """Whether a resident row is still on the register, or was closed (died, moved away) only after
    ``day``."""
    since = row[RESIDENT_AT["status_date"]]
    return row[RESIDENT_AT["status"]] == ACTIVE or (since is not None and since > day)


def _contract_ends(session: Session, scope: Scope, day: dt.date) -> dict[uuid.UUID, dt.date]:
    """Residents of ``scope`` holding a signed contract on ``day`` (:func:`contracts.in_force`) ->
    the last day it covers (columns only, no ORM objects: :func:`contracts.last_day` reads the
    row's fields)."""

    def load() -> dict[uuid.UUID, dt.date]:
        uid = resident_ids(session)
        out: dict[uuid.UUID, dt.date] = {}
        found = rows(
            session,
            joined_in_scope(
                select(
                    raw_id(FamilyContract.resident_id).label("resident_id"),
                    FamilyContract.end_on,
                    FamilyContract.ended_on,
                ).where(contracts.in_force(day)),
                scope,
                FamilyContract.resident_id,
            ),
        )
        for c in found:
            rid = uid(c.resident_id)
            out[rid] = max(out.get(rid, day), contracts.last_day(c))
        return out

    return cached(session, ("contract_ends", scope, day), load)


def _awaiting_signature(session: Session, scope: Scope, day: dt.date) -> frozenset[uuid.UUID]:
    """Residents of ``scope`` whose contract on ``day`` still awaits their signature (a renewal):
    not counted as signed, and their lines say why."""

    def load() -> frozenset[uuid.UUID]:
        uid = resident_ids(session)
        q = select(raw_id(FamilyContract.resident_id)).where(contracts.in_force(day, signed=False))
        return frozenset(
            uid(raw) for (raw,) in rows(session, joined_in_scope(q, scope, FamilyContract.resident_id))
        )

    return cached(session, ("contract_awaiting", scope, day), load)


def _poor_query(scope: Scope, day: dt.date):
    return poverty.poor_residents(
        raw_id(Resident.id), PovertyHousehold.registered_on, village_ids=scope.village_ids, registered_by=day
    )


def _poor_since(session: Session, scope: Scope, day: dt.date) -> dict[uuid.UUID, dt.date]:
    """Residents of households registered poor by ``day``, on the register of ``scope`` that day ->
    the day their household was registered."""

    def load() -> dict[uuid.UUID, dt.date]:
        uid = resident_ids(session)
        register = on_register(session, scope, day)
        return {
            rid: since
            for raw, since in rows(session, _poor_query(scope, day))
            if (rid := uid(raw)) in register
        }

    return cached(session, ("contract_poor", scope, day), load)


def _poor(session: Session, scope: Scope, day: dt.date) -> set[uuid.UUID]:
    """Residents of poor households on the register of ``scope`` on ``day``."""
    return set(_poor_since(session, scope, day))


@read_ahead
def _reads(session: Session, period: Period, scope: Scope) -> list:
    """What a report of the whole store reads here that a county's waits on: the poor households'
    residents (a join of a million residents, 0.5 s).  Nothing for a report of some villages (as
    the core's: :func:`app.services.indicators.core._reads`)."""
    day = reference_day(period)
    return [] if scope.village_ids is not None else [_poor_query(scope, day), _disabled_query(scope)]


def _signed_entry(
    rid: uuid.UUID, ends: dict, day: dt.date, groups: tuple[str, ...] = (), awaiting: frozenset = frozenset()
) -> Entry:
    """Signed or not on ``day``; ``groups``: the key groups the resident is counted in (labels);
    ``awaiting``: residents whose contract that day awaits their signature (:func:`_awaiting_signature`)."""
    end = ends.get(rid)
    if end is not None:
        template = (
            QT_TRANSLATE_NOOP("Indicator", "{groups}：已签约，有效至 {end}")
            if groups
            else QT_TRANSLATE_NOOP("Indicator", "已签约，有效至 {end}")
        )
        return Entry(rid, True, _reason(template, groups, end))
    if rid in awaiting:
        template = (
            QT_TRANSLATE_NOOP("Indicator", "{groups}：{day} 的签约（续约）还待居民签字，未计为已签约")
            if groups
            else QT_TRANSLATE_NOOP("Indicator", "{day} 的签约（续约）还待居民签字，未计为已签约")
        )
        return Entry(rid, False, _reason(template, groups, day))
    template = (
        QT_TRANSLATE_NOOP("Indicator", "{groups}：{day} 没有有效的签约")
        if groups
        else QT_TRANSLATE_NOOP("Indicator", "{day} 没有有效的签约")
    )
    return Entry(rid, False, _reason(template, groups, day))


@lru_cache(maxsize=8192)
def _reason(template: str, groups: tuple[str, ...], day: dt.date) -> Message:
    """One Message per distinct reason: a township's 55k residents share a few hundred."""
    return Message(
        CTX, template, {"groups": groups, "end" if "{end}" in template else "day": day.isoformat()}
    )


@indicator(
    "contract",
    QT_TRANSLATE_NOOP("Indicator", "家庭医生签约率"),
    programme=PROGRAMME,
    denominator_figure="resident_population",  # DOMAIN.md: 签约率 = signed / population
    order=10,
)
def contract_rate(session: Session, period: Period, scope: Scope) -> Iterable[Entry] | Counts:
    day = reference_day(period)
    ends = _contract_ends(session, scope, day)
    signed = [rid for rid in on_register(session, scope, day) if rid in ends]
    if not wants_reasons(session):
        return Counts(signed, [True] * len(signed))
    return (_signed_entry(rid, ends, day) for rid in signed)


@indicator(
    "contract_renewal",
    QT_TRANSLATE_NOOP("Indicator", "家庭医生续约率"),
    programme=PROGRAMME,
    order=15,
)
def contract_renewal(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    """续约率 (DOMAIN.md): of the contracts whose term ran out in the period (not ended before it:
    解约, the resident's death or move), those renewed (续约), the renewal signed by the resident as
    签约率 asks.  One line a resident: their contract that ran out last in the period."""
    C = FamilyContract
    uid = resident_ids(session)
    today = pc_today()  # (a term still running, to the end of this year, is not due yet)
    due = rows(
        session,
        joined_in_scope(
            select(raw_id(C.resident_id).label("resident_id"), C.id, C.end_on).where(
                C.voided.is_(False),
                C.end_on >= period.start,
                C.end_on <= period.end,
                C.end_on < today,
                (C.ended_on.is_(None)) | (C.ended_on >= C.end_on),
            ),
            scope,
            C.resident_id,
        ),
    )
    latest: dict[uuid.UUID, tuple[dt.date, uuid.UUID]] = {}
    for row in due:
        rid = uid(row.resident_id)
        if rid not in latest or row.end_on > latest[rid][0]:
            latest[rid] = (row.end_on, row.id)
    renewals: dict[uuid.UUID, tuple[str, dt.date]] = {}
    ids = [contract for _end, contract in latest.values()]
    for i in range(0, len(ids), 500):
        for old, signature, start in session.execute(
            select(C.renewed_from_id, C.signature, C.start_on).where(
                C.voided.is_(False), C.renewed_from_id.in_(ids[i : i + 500])
            )
        ):
            renewals[old] = (signature, start)
    for rid in sorted(latest, key=id_order):
        end, contract = latest[rid]
        renewal = renewals.get(contract)
        if renewal is None:
            yield Entry(
                rid, False, _renewal_reason(QT_TRANSLATE_NOOP("Indicator", "{end} 期满，未续约"), end)
            )
        elif renewal[0] != contracts.SIGNED:
            yield Entry(
                rid,
                False,
                _renewal_reason(QT_TRANSLATE_NOOP("Indicator", "{end} 期满，已续约，续约还待居民签字"), end),
            )
        else:
            yield Entry(
                rid,
                True,
                _renewal_reason(
                    QT_TRANSLATE_NOOP("Indicator", "{end} 期满，已续约（{start} 起）"), end, renewal[1]
                ),
            )


def _renewal_reason(template: str, end: dt.date, start: dt.date | None = None) -> Message:
    return Message(CTX, template, {"end": end.isoformat(), "start": start.isoformat() if start else ""})


def key_groups(session: Session, scope: Scope, day: dt.date) -> dict[str, set[uuid.UUID]]:
    """Members of each key group on ``day``."""
    return cached(session, ("key_groups", scope, day), lambda: _key_groups(session, scope, day))


def _key_groups(session: Session, scope: Scope, day: dt.date) -> dict[str, set[uuid.UUID]]:
    residents = on_register(session, scope, day)
    elderly = born_by(day.year)  # 65 or over in the year, as the elderly programme counts them
    groups: dict[str, set[uuid.UUID]] = {g: set() for g in KEY_GROUPS}
    groups["elderly"] = {rid for rid, born in residents.items() if born <= elderly}
    q = joined_in_scope(
        select(raw_id(ProgramEnrolment.resident_id), ProgramEnrolment.program).where(
            ProgramEnrolment.voided.is_(False),
            # under management that day: still, or ended only after it
            (ProgramEnrolment.status == ACTIVE) | (ProgramEnrolment.status_date > day),
            ProgramEnrolment.enrolled_on <= day,
            ProgramEnrolment.program.in_(("htn", "t2dm", "smi")),
        ),
        scope,
        ProgramEnrolment.resident_id,
    )
    hidden = authz.sensitive_clause(session, ProgramEnrolment)  # 严重精神障碍: only for those who may see it
    if hidden is not None:
        q = q.where(hidden)
    uid = resident_ids(session)
    for raw, program in rows(session, q):
        rid = uid(raw)
        if rid in residents:
            groups[program].add(rid)
    groups["poor"] = _poor(session, scope, day)
    try:
        seven = day.replace(year=day.year - contracts.CHILD_AGE - 1)  # born after it: not yet 7 that day
    except ValueError:  # (29 February)
        seven = day.replace(year=day.year - contracts.CHILD_AGE - 1, day=28)
    groups["children"] = {rid for rid, born in residents.items() if born > seven}
    groups["disabled"] = {rid for rid in map(uid, _disabled(session, scope)) if rid in residents}
    return groups


def _disabled_query(scope: Scope):
    """Residents with a disability ticked (残疾情况 other than 无残疾).  On PostgreSQL read through the
    partial index of migration 0027, whose predicate is this query's condition."""
    return joined_in_scope(
        select(raw_id(ResidentChoice.resident_id))
        .where(
            ResidentChoice.field == "disability", ResidentChoice.code != CODE_LISTS["disability"].none_code
        )
        .distinct(),
        scope,
        ResidentChoice.resident_id,
    )


def _disabled(session: Session, scope: Scope) -> list:
    return [raw for (raw,) in rows(session, _disabled_query(scope))]


def _group_labels(rid: uuid.UUID, groups: dict[str, set]) -> tuple[str, ...]:
    return tuple(GROUP_LABELS[g] for g in KEY_GROUPS if rid in groups[g])


@indicator(
    "contract_key_groups",
    QT_TRANSLATE_NOOP("Indicator", "重点人群家庭医生签约率"),
    programme=PROGRAMME,
    order=20,
    withheld=SOME,
)
def contract_key_groups(session: Session, period: Period, scope: Scope) -> Iterable[Entry] | Counts:
    day = reference_day(period)
    groups = key_groups(session, scope, day)
    ends = _contract_ends(session, scope, day)
    members = set().union(*groups.values())
    if not wants_reasons(session):  # counting only
        return _signed_counts(members, ends)
    awaiting = _awaiting_signature(session, scope, day)
    return (
        _signed_entry(rid, ends, day, _group_labels(rid, groups), awaiting)
        for rid in sorted(members, key=id_order)
    )


def _signed_counts(members, ends: dict) -> Counts:
    ids = list(members)
    return Counts(ids, [rid in ends for rid in ids])


def _group_contract(group: str):
    """The signing rate of one key group: its members on the reference day, signed or not."""

    def compute(session: Session, period: Period, scope: Scope) -> Iterable[Entry] | Counts:
        day = reference_day(period)
        members = key_groups(session, scope, day)[group]
        ends = _contract_ends(session, scope, day)
        if not wants_reasons(session):
            return _signed_counts(members, ends)
        awaiting = _awaiting_signature(session, scope, day)
        return (_signed_entry(rid, ends, day, (), awaiting) for rid in sorted(members, key=id_order))

    return compute


# 家庭医生签约率 of each key group (DOMAIN.md: signed patients of the group / the group's patients);
# the poor's is 贫困人口家庭医生签约率 below, with its 100% target.
for _order, (_group, _name) in enumerate(
    (
        ("elderly", QT_TRANSLATE_NOOP("Indicator", "65岁及以上老年人家庭医生签约率")),
        ("htn", QT_TRANSLATE_NOOP("Indicator", "高血压患者家庭医生签约率")),
        ("t2dm", QT_TRANSLATE_NOOP("Indicator", "2型糖尿病患者家庭医生签约率")),
        ("smi", QT_TRANSLATE_NOOP("Indicator", "严重精神障碍患者家庭医生签约率")),
        ("children", QT_TRANSLATE_NOOP("Indicator", "0～6岁儿童家庭医生签约率")),
        ("disabled", QT_TRANSLATE_NOOP("Indicator", "残疾人家庭医生签约率")),
    ),
    start=21,
):
    indicator(
        f"contract_{_group}",
        _name,
        programme=PROGRAMME,
        order=_order,
        withheld=ALL if _group == "smi" else None,
        patients_of=_group if _group in ENROLLED else "",
    )(_group_contract(_group))


def key_group_rates(session: Session, period: Period, scope: Scope) -> dict[str, dict]:
    """Per key group: ``{"numerator": [ids], "denominator": [ids]}`` on the period's reference day."""
    day = reference_day(period)
    session.info.pop(CACHE, None)  # read afresh, and leave nothing behind (like an evaluation)
    try:
        groups = key_groups(session, scope, day)
        signed = _contract_ends(session, scope, day)
        return {
            g: {"numerator": sorted(m & signed.keys()), "denominator": sorted(m)} for g, m in groups.items()
        }
    finally:
        session.info.pop(CACHE, None)


@indicator(
    "poor_contract",
    QT_TRANSLATE_NOOP("Indicator", "贫困人口家庭医生签约率"),
    target=1.0,
    programme=PROGRAMME,
    order=30,
)
def poor_contract(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    day = reference_day(period)
    ends = _contract_ends(session, scope, day)
    awaiting = _awaiting_signature(session, scope, day) if wants_reasons(session) else frozenset()
    for rid in sorted(_poor(session, scope, day), key=id_order):
        yield _signed_entry(rid, ends, day, (), awaiting)


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@indicator(
    "poor_monthly",
    QT_TRANSLATE_NOOP("Indicator", "贫困慢病患者月随访率"),
    target=1.0,
    programme=PROGRAMME,
    order=40,
)
def poor_monthly(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    """Chronic patients (高血压/糖尿病 在管 on the report's day) in households registered poor by then:
    counted when every month of the period since they were both (enrolled, and their household
    registered; up to today) has a follow-up done.  The month still running is due only once it has
    its visit: on 1 December, December is not yet missed.  A patient with no month due yet
    (enrolled this month, not yet seen) is in neither figure."""
    day = reference_day(period)
    poor = _poor_since(session, scope, day)
    patients = poverty.chronic_patients(session, set(poor), on=day)
    visited = poverty.visit_months(session, set(patients), period.start, day)
    running = (day.year, day.month) if (day + dt.timedelta(days=1)).month == day.month else None
    for rid, enrolment in sorted(patients.items()):
        seen = visited.get(rid, set())
        # due from the month the patient was both under management and in a poor household
        since = max(period.start, enrolment.enrolled_on, poor[rid])
        months = [ym for ym in _months(since, day) if ym != running or ym in seen]
        if not months:
            continue
        missing = [f"{y}-{m:02d}" for y, m in months if (y, m) not in seen]
        done = len(months) - len(missing)
        if not missing:
            yield Entry(
                rid,
                True,
                Message(CTX, QT_TRANSLATE_NOOP("Indicator", "{done}个月每月都有随访"), {"done": done}),
            )
        else:
            yield Entry(
                rid,
                False,
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Indicator", "{done}/{months}个月有随访，缺{missing}"),
                    {"done": done, "months": len(months), "missing": tuple(missing)},
                ),
            )


# ------------------------------------------------------------------------------- education


def _scope_codes(session: Session, scope: Scope) -> list[str]:
    codes = education.institutions(session, scope.village_ids)
    return codes + sorted(scope.townships.difference(codes))  # (a county's report of one township)


def _minimum_figure(key: str):
    def provider(session: Session, period: Period, village_ids: list) -> dict:
        """The yearly minimum of ``key`` per village, and the township's own (key ``None``) when
        this store is the township's, pro rata for a period shorter than a year (by months)."""
        months = _months(period.start, period.end)[:12]
        codes = dict(
            session.execute(select(Village.code, Village.id).where(Village.id.in_(village_ids))).all()
        )
        out: dict = {}
        for code in education.institutions(session, None):
            every = education.MINIMUMS[key].every_months.get(education.institution_type(code))
            # one in each period of ``every`` months ending in the report's months (a quarter
            # of January–March: January–February's); else pro rata
            need = (
                sum(1 for _y, m in months if education.period_of(m, every)[1] == m)
                if every
                else education.minimum(key, [code]) * len(months) // 12
            )
            if code in codes:
                out[codes[code]] = need
            elif education.institution_type(code) == "township":
                out[code] = need  # the township's own, by its code (a county holds several)
        return out

    return provider


def education_minimum(session: Session, key: str, period: Period, scope: Scope) -> int:
    """The denominator of ``education_<key>`` for a scope: the minimums of its institutions."""
    ids = (
        list(scope.village_ids)
        if scope.village_ids is not None
        else list(session.scalars(select(Village.id)))
    )
    values = _minimum_figure(key)(session, period, ids)
    values = {k: v for k, v in values.items() if not isinstance(k, str) or scope.covers_own(k)}
    return sum(values.values())


def _activities(key: str):
    def compute(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
        codes = _scope_codes(session, scope)
        by_period = max(education.MINIMUMS[key].every_months.values(), default=0)
        # a minimum due by period counts the activities of the periods ending in the report's months
        # (a quarter of April–June: a lecture of 10 March is March–April's), from where they begin
        first = period.start
        if by_period > 1:
            first = dt.date(period.start.year, education.period_of(period.start.month, by_period)[0], 1)
        months = set(_months(period.start, period.end))
        q = select(EducationActivity).where(
            EducationActivity.voided.is_(False),
            EducationActivity.held_on >= first,
            EducationActivity.held_on <= period.end,
            EducationActivity.scope_code.in_(codes),
            EducationActivity.form.in_(education.MINIMUMS[key][0]),
        )
        villages = {
            code: (vid, name)
            for vid, code, name in session.execute(select(Village.id, Village.code, Village.name))
        }
        townships = dict(session.execute(select(Township.code, Township.name)).all())
        kinds = education.MINIMUMS[key][1] == "kinds"  # each kind once, where first given out
        seen: set[uuid.UUID] = set()
        covered: set[tuple] = set()  # (institution, year, period) of a minimum due by period
        for a in session.scalars(q.order_by(EducationActivity.held_on, EducationActivity.id)):
            every = education.MINIMUMS[key].every_months.get(education.institution_type(a.scope_code))
            if every:  # one a period counts (讲座 每月/每2月, 宣传栏 每2月): six in January are one
                its = education.period_of(a.held_on.month, every)
                if (a.held_on.year, its[1]) not in months:  # (its period ends later)
                    continue
                if (a.scope_code, a.held_on.year, its) in covered:
                    continue
                covered.add((a.scope_code, a.held_on.year, its))
            elif a.held_on < period.start:
                continue
            vid, name = villages.get(a.scope_code, (None, townships.get(a.scope_code, a.scope_code)))
            for what in education.material_kinds(a) if kinds else [education.MaterialKind(a.id, a.topic)]:
                if what.id in seen:
                    continue
                seen.add(what.id)
                yield Entry(
                    what.id,
                    True,
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Indicator", "{date} {place}：{topic}（{form}）"),
                        {
                            "date": a.held_on.isoformat(),
                            "place": name + " " + a.place,
                            "topic": what.name,
                            "form": CODE_LISTS["education_form"].label(a.form),
                        },
                    ),
                    village_id=vid,
                    label=what.name,
                    township=a.scope_code if vid is None else "",
                )

    return compute


for _key, _name, _order in (
    ("lectures", QT_TRANSLATE_NOOP("Indicator", "健康知识讲座次数"), 50),
    ("consultations", QT_TRANSLATE_NOOP("Indicator", "公众健康咨询活动次数"), 51),
    ("boards", QT_TRANSLATE_NOOP("Indicator", "宣传栏更换次数"), 52),
    ("materials", QT_TRANSLATE_NOOP("Indicator", "印刷资料种类数"), 53),
    ("audiovisual", QT_TRANSLATE_NOOP("Indicator", "音像资料种类数"), 54),
):
    indicator(
        f"education_{_key}",
        _name,
        target=1.0,
        programme=PROGRAMME,
        denominator_figure=f"education_minimum_{_key}",
        order=_order,
        # "11 次 / 最低 9 次", "90 种 / 最低 72 种", "29 期 / 最低 30 期" (one a period counts)
        unit=KINDS
        if education.MINIMUMS[_key].counts == "kinds"
        else PERIODS
        if education.MINIMUMS[_key].every_months
        else COUNT,
    )(_activities(_key))
    figure(f"education_minimum_{_key}", QT_TRANSLATE_NOOP("Indicator", "年度最低次数"))(_minimum_figure(_key))

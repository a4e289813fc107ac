"""Indicators of the elderly and severe mental disorder programmes (DOMAIN.md "Indicators a township
reports"): 老年人健康管理率, 严重精神障碍患者规范管理率, 管理人群病情稳定率.

Each yields one :class:`Entry` per member of its denominator with the reason it counts or not.  The SMI
indicators list patients only to those who may see them (``authz.sensitive_clause``): for anyone else
their numerator and denominator are empty, so no drill-down names a patient.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import ProgramEnrolment, Resident, SmiVisit
from app.services.access import authz
from app.services.errors import Message
from app.services.indicators import (
    ALL,
    RESIDENT_AT,
    Entry,
    Period,
    Scope,
    cached,
    indicator,
    resident_rows,
)
from app.services.indicators.core import check_days, managed_span, required_in
from app.services.indicators.services import not_closed_before
from app.services.programmes import smi, smi_rules
from app.services.records.validators import born_by

CTX = "Indicator"
REQUIRED_PER_YEAR = smi_rules.DEFAULT.required_per_year


def _msg(template: str, **params) -> Message:
    return Message(CTX, template, params)


def _in_scope(stmt, session: Session, scope: Scope):
    if scope.village_ids is not None:
        stmt = stmt.where(Resident.village_id.in_(scope.village_ids))
    clause = authz.village_clause(session, Resident.village_id)
    return stmt if clause is None else stmt.where(clause)


@indicator(
    "elderly",
    QT_TRANSLATE_NOOP("Indicator", "老年人健康管理率"),
    target=0.65,
    yearly=True,  # (a quarter alone: a quarter's checks, not held to the year's 65%)
    programme="elderly",
    denominator_figure="elderly_population",
    order=10,
)
def elderly_managed(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    """65+ residents (年满65周岁 in the period's year, 在册) with a health check in the period, over the
    65+ residents living in the area: the figure the township enters (人口数), as for 建档率.  Only
    the numerator's members are yielded; who is still to be checked is the 老年人 page's list."""
    oldest = born_by(period.end.year)
    # a record made by the period's end (a check from paper before the record was typed counts in
    # its year), not closed before the check: the year's management received counts though the
    # resident died or moved away since; from the rows every evaluation reads once (no query of a
    # county's million residents again); the engine places entries in the report's villages only,
    # as for every indicator
    at = RESIDENT_AT
    checked = check_days(session, period, scope)
    for row in resident_rows(session, scope):
        days = checked.get(row[0])
        if (
            days
            and row[at["birth_date"]] <= oldest
            and row[at["enrolled_on"]] <= period.end
            and not_closed_before(row, days[1])
        ):
            last = days[1].isoformat()
            yield Entry(row[0], True, _msg(QT_TRANSLATE_NOOP("Indicator", "{day} 已体检"), day=last))


Ends = tuple[tuple[str, dt.date | None], ...]  # (status, date) pairs that end management


def _patients(session: Session, period: Period, scope: Scope) -> list[tuple[ProgramEnrolment, Ends]]:
    """SMI patients registered by the period's end and under management at some time in it — only for
    those who may see them — each with what ends their management: the enrolment's status and the
    resident's (a patient who died or moved away counts no longer, as in the chronic programmes).
    Read once per evaluation (规范管理率 and 稳定率 share them)."""
    return cached(session, ("smi_patients", period, scope), lambda: _read_patients(session, period, scope))


def _read_patients(session: Session, period: Period, scope: Scope) -> list[tuple[ProgramEnrolment, Ends]]:
    hidden = authz.sensitive_clause(session, ProgramEnrolment)
    stmt = (
        select(ProgramEnrolment, Resident.status, Resident.status_date)
        .join(Resident, Resident.id == ProgramEnrolment.resident_id)
        .where(
            ProgramEnrolment.program == "smi",
            ProgramEnrolment.voided.is_(False),
            Resident.voided.is_(False),
            ProgramEnrolment.enrolled_on <= period.end,
            (ProgramEnrolment.status == "1")
            | (
                (ProgramEnrolment.status.in_(("2", "3", "4")))
                & (ProgramEnrolment.status_date >= period.start)
            )
            # registered without consent (smi.register): a registered patient all the same, while
            # on the register in the period (在册患者: the denominator), never followed
            | (
                (ProgramEnrolment.status == smi.ENDED)
                & ((Resident.status == "1") | (Resident.status_date >= period.start))
            ),
        )
    )
    if hidden is not None:
        stmt = stmt.where(hidden)
    found = [
        (e, ((e.status, e.status_date), (status, day)))
        for e, status, day in session.execute(_in_scope(stmt, session, scope))
    ]
    managed = {e.resident_id for e, _ends in found if not declined(e)}
    once: set = set()  # a resident registered without consent twice (at the village and the township)
    out = []
    for e, ends in sorted(found, key=lambda p: (p[0].enrolled_on, p[0].created_at), reverse=True):
        if declined(e):
            if e.resident_id in managed or e.resident_id in once:  # (consented since, or counted)
                continue
            once.add(e.resident_id)
            out.append((e, ends))
        # not one that ended before it began (a 失访 entered from paper, dated before the registration),
        # nor one who died or moved away before the period
        elif managed_span(period, e.enrolled_on, ends) is not None:
            out.append((e, ends))
    return out


def declined(e: ProgramEnrolment) -> bool:
    """Registered without the consent to be managed (知情同意 不同意): smi.register's 终止管理."""
    return e.status == smi.ENDED


DECLINED = QT_TRANSLATE_NOOP("Indicator", "已登记，不同意参加管理：在册患者，未纳入管理")


def _visits(session: Session, enrolments: list[ProgramEnrolment], period: Period) -> dict:
    """enrolment id -> [(day, classification)] of its SMI follow-ups done in the period, oldest first."""
    key = ("smi_visits", period, tuple(e.id for e in enrolments))
    return cached(session, key, lambda: _read_visits(session, enrolments, period))


def _read_visits(session: Session, enrolments: list[ProgramEnrolment], period: Period) -> dict:
    out: dict = {e.id: [] for e in enrolments}
    ids = list(out)
    for i in range(0, len(ids), 500):
        for eid, day, cls in session.execute(
            select(SmiVisit.enrolment_id, SmiVisit.visit_date, SmiVisit.classification)
            .where(
                SmiVisit.enrolment_id.in_(ids[i : i + 500]),
                SmiVisit.voided.is_(False),
                SmiVisit.outcome == "done",
                SmiVisit.visit_date >= period.start,
                SmiVisit.visit_date <= period.end,
            )
            .order_by(SmiVisit.visit_date)
        ):
            out[eid].append((day, cls))
    return out


def required_visits(period: Period) -> int:
    """≥ 4 follow-ups a year, in proportion for a shorter period (a quarter: 1)."""
    days = (period.end - period.start).days + 1
    return max(1, round(REQUIRED_PER_YEAR * days / 365))  # a quarter of 92 days: 1, a year: 4


@indicator(
    "smi_standard",
    QT_TRANSLATE_NOOP("Indicator", "严重精神障碍患者规范管理率"),
    programme="smi",
    order=10,
    withheld=ALL,
)
def smi_standard(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    """Registered patients followed per the spec (≥ 4 follow-ups a year) / registered patients."""
    patients = _patients(session, period, scope)
    visits = _visits(session, [e for e, _ends in patients], period)
    whole_need = required_visits(period)
    for e, ends in patients:
        if declined(e):
            yield Entry(e.resident_id, False, _msg(DECLINED))
            continue
        span = managed_span(period, e.enrolled_on, ends)
        start, stop = span or (period.start, period.end)
        if (start, stop) == (period.start, period.end):
            n = len(visits[e.id])
            yield Entry(
                e.resident_id,
                n >= whole_need,
                _msg(
                    QT_TRANSLATE_NOOP("Indicator", "本期随访 {n} 次，应至少 {need} 次"), n=n, need=whole_need
                ),
            )
            continue
        # registered, or no longer managed, part-way: in proportion, as the chronic programmes
        quarters, need = required_in(start, stop, REQUIRED_PER_YEAR)
        n = sum(1 for day, _cls in visits[e.id] if start <= day <= stop)
        yield Entry(
            e.resident_id,
            n >= need,
            _msg(
                QT_TRANSLATE_NOOP(
                    "Indicator",
                    "随访 {n} 次，应至少 {need} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）",
                ),
                start=start.isoformat(),
                end=stop.isoformat(),
                quarters=quarters,
                n=n,
                need=need,
            ),
        )


@indicator(
    "smi_stable",
    QT_TRANSLATE_NOOP("Indicator", "管理人群病情稳定率"),
    programme="smi",
    order=20,
    withheld=ALL,
)
def smi_stable(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    """Patients whose latest follow-up in the period was 稳定 / registered patients."""
    patients = _patients(session, period, scope)
    visits = _visits(session, [e for e, _ends in patients], period)
    for e, _ends in patients:
        if declined(e):
            yield Entry(e.resident_id, False, _msg(DECLINED))
            continue
        if not visits[e.id]:
            yield Entry(e.resident_id, False, _msg(QT_TRANSLATE_NOOP("Indicator", "本期无随访")))
            continue
        day, cls = visits[e.id][-1]
        stable = cls == smi_rules.STABLE
        yield Entry(
            e.resident_id,
            stable,
            _msg(
                QT_TRANSLATE_NOOP("Indicator", "{day} 末次随访：稳定")
                if stable
                else QT_TRANSLATE_NOOP("Indicator", "{day} 末次随访：未稳定"),
                day=day.isoformat(),
            ),
        )

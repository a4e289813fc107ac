"""The core indicators a township reports (DOMAIN.md "Indicators a township reports"): health
records and the two chronic-disease programmes.

Who counts, decided once here and written into every resident's reason:

- **Residents of the area** (建档率, 电子健康档案建档率): records not voided, made on or before the
  period's last day, still on the books then (在册; a resident who died or moved away on or before
  the last day is no longer one).  The denominator is the township's 常住人口 figure.
- **Records** (健康档案使用率): every record that existed at some time in the period (made on or
  before its last day, not closed by death or moving away before its first day).  A record is
  *used* when it has at least one service entry dated in the period (:data:`SERVICE_ENTRIES`): a
  chronic-disease or SMI follow-up that took place, a health check, a referral.
- **Patients under management** (规范管理率, 控制率), per programme: an enrolment not voided,
  made on or before the period's last day, and not ended (失访, 迁出, 死亡, 终止管理, or the
  resident's death or moving away) before its first day.  An ended enrolment without a date is
  taken as ended long ago.
- **规范管理** (规范第三版: 每年至少 4 次面对面随访): face-to-face (门诊, 家庭) follow-ups that were
  done, not voided, dated within the time the patient was under management in the period, counted
  once per day (a correction on the same day replaces the day's record; it never counts twice).
  **Pro-rata**: the spec asks four a year, i.e. one a quarter, so a patient under management for
  only part of the period (enrolled mid-year, died, moved away, ended) needs one per calendar
  quarter under management; a whole year needs four, a quarter one.
- **控制** (管理人群血压/血糖控制率): the patient's latest follow-up in the period that measured the
  value (blood pressure; fasting glucose) met the target of ``followup_rules`` (< 140/90, 65+
  < 150/90 or < 140/90 as set in 设置, ``settings.thresholds``; glucose < 7.0 mmol/L).  No such follow-up: not controlled.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter, not_
from typing import NamedTuple

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import Session, aliased

from app.i18n import QT_TRANSLATE_NOOP
from app.models import ElderlyCheck, FollowupVisit, ProgramEnrolment, Referral, Resident, SmiVisit
from app.models.base import one_of
from app.services import settings
from app.services.access import authz
from app.services.errors import Message
from app.services.indicators import (
    RESIDENT_AT,
    SOME,
    Counts,
    Entry,
    Period,
    Scope,
    cached,
    id_order,
    indicator,
    is_cached,
    joined_in_scope,
    raw_id,
    read_ahead,
    resident_ids,
    resident_rows,
    rows,
    wants_reasons,
)
from app.services.programmes import followup_rules as rules
from app.services.programmes import smi
from app.services.programmes.followup import PROGRAMS as FOLLOWUP_PROGRAMS
from app.services.programmes.worklist import FACE_TO_FACE

CTX = "Indicator"
ACTIVE = "1"  # resident_status 在册, program_status 在管
DONE = "done"  # a follow-up's outcome when the visit took place (not 失访, not a death noted)
REQUIRED_PER_YEAR = 4  # 规范第三版: 每年至少 4 次面对面随访, i.e. one per quarter
# 电子健康档案: the record in the information system holds the personal form's identifying core
# (columns of RESIDENT_FIELDS, which the engine reads once per evaluation).
E_RECORD_FIELDS = (
    ("id_number", QT_TRANSLATE_NOOP("Field", "身份证号")),
    ("current_address", QT_TRANSLATE_NOOP("Field", "现住址")),
)


@lru_cache(maxsize=16384)
def _msg(template: str, **params) -> Message:
    """One Message object per distinct reason: thousands of residents share "本年面对面随访 4 次，
    要求 4 次", and a township evaluation makes some 200k reasons (the cache's key is made in C)."""
    return Message(CTX, template, params)


PROBED = 5000  # residents per query of :func:`_scoped_rows`


def _scoped_rows(session: Session, scope: Scope, query, holders) -> list:
    """The rows of a query of a large table of residents' entries (follow-ups) within ``scope``.
    ``query(ids)`` builds it for the residents ``ids``, or for everyone when ``ids`` is None.
    Everyone when the report covers every village held; otherwise the residents
    ``holders(session, scope)`` names, a few thousand per query: each is an index probe (an
    index leads with resident_id), where joining the residents' villages would read the entries
    of every village held (a county's 3 million follow-ups for one township's)."""
    if scope.village_ids is None:
        return rows(session, query(None))
    ids = holders(session, scope)
    found: list = []
    for i in range(0, len(ids), PROBED):
        found.extend(rows(session, query(ids[i : i + PROBED])))
    return found


def _of(q, resident_column):
    """``query`` for :func:`_scoped_rows` from a select of entries."""
    return lambda ids: q if ids is None else q.where(one_of(resident_column, ids))


def _in_scope(q, scope: Scope, village_column=Resident.village_id):
    if scope.village_ids is not None:
        q = q.where(village_column.in_(scope.village_ids))
    return q


def _gone_on(status: str, status_date: dt.date | None) -> dt.date | None:
    """The day a record (or an enrolment) stopped being active; ``date.min`` when it ended on a
    date nobody recorded; None while it is active."""
    if status == ACTIVE:
        return None
    return status_date or dt.date.min


# ------------------------------------------------------------------------- records


class _Record(NamedTuple):
    resident_id: uuid.UUID
    enrolled_on: dt.date
    gone_on: dt.date | None
    missing: tuple[str, ...]  # labels of E_RECORD_FIELDS left empty


def _records(session: Session, period: Period, scope: Scope) -> list[_Record]:
    """Records that existed at some time in the period."""

    def load() -> list[_Record]:
        at = RESIDENT_AT
        e_record = [(at[name], label) for name, label in E_RECORD_FIELDS]
        first, second = (i for i, _label in e_record)  # E_RECORD_FIELDS has two
        out = []
        for row in resident_rows(session, scope):
            enrolled_on = row[at["enrolled_on"]]
            if enrolled_on > period.end:
                continue
            gone = _gone_on(row[at["status"]], row[at["status_date"]])
            if gone is not None and gone < period.start:
                continue
            # the common case (every field filled) without building a tuple per record
            missing = (
                () if row[first] and row[second] else tuple(label for i, label in e_record if not row[i])
            )
            out.append(_Record(row[0], enrolled_on, gone, missing))
        return out

    return cached(session, ("records", period, scope), load)


_ALIVE_NUMBER = (Resident.voided.is_(False), Resident.id_number.is_not(None), Resident.id_number != "")


def _shared_numbers_query(scope: Scope):
    """The ID numbers a record not voided of ``scope``'s villages carries and some other record
    carries too (voided or not: :func:`_sharing_query` keeps those on the books).  Asked number by
    number of the ID-number index, where a county's million would be scanned and hashed for a
    township's few shared numbers (0.12 s, against 0.3-0.4 s on two cores).  The whole store's
    (no villages named): the numbers records carry more than once, voided or not, read from the
    index alone (asking whether each record is voided reads the table: 100 ms, not 12 ms, for a
    township's 60k); :func:`_sharing` keeps the numbers records not voided share."""
    if scope.village_ids is None:
        return (
            select(Resident.id_number)
            .where(Resident.id_number.is_not(None), Resident.id_number != "")
            .group_by(Resident.id_number)
            .having(func.count() > 1)
        )
    other = aliased(Resident)
    second = select(other.id_number).where(other.id_number == Resident.id_number).offset(1).limit(1)
    return select(Resident.id_number).where(
        *_ALIVE_NUMBER, Resident.village_id.in_(scope.village_ids), second.scalar_subquery().is_not(None)
    )


def _sharing_query(numbers: list[str]):
    """Every record not voided carrying one of ``numbers``, wherever it is held."""
    return select(
        raw_id(Resident.id), Resident.id_number, Resident.enrolled_on, Resident.status, Resident.status_date
    ).where(*_ALIVE_NUMBER, one_of(Resident.id_number, numbers))


def _sharing(session: Session, scope: Scope) -> list[tuple]:
    """``(id, ID number, enrolled_on, status, status_date)`` of every record not voided whose
    resident ID another such record carries, wherever it is held, for records of ``scope``'s
    villages (or the whole store's): one person enrolled twice, in two villages, or by the village
    and the township."""

    def load() -> list[tuple]:
        uid = resident_ids(session)
        if scope.village_ids is None and is_cached(session, ("resident_rows", scope)):
            # the rows every evaluation reads hold the whole store's (a drill-down alone asks
            # the ID-number index below: a township's 60k rows took it half a second)
            at = RESIDENT_AT
            number_at = at["id_number"]
            every = resident_rows(session, scope)
            shared = {n for n, times in Counter(map(itemgetter(number_at), every)).items() if times > 1 and n}
            fields = itemgetter(0, number_at, at["enrolled_on"], at["status"], at["status_date"])
            return [fields(row) for row in every if row[number_at] in shared] if shared else []
        numbers = sorted({number for (number,) in rows(session, _shared_numbers_query(scope))})
        carrying = rows(session, _sharing_query(numbers)) if numbers else []
        times = Counter(row[1] for row in carrying)
        return [(uid(raw), *rest) for raw, *rest in carrying if times[rest[0]] > 1]

    return cached(session, ("sharing", scope), load)


def _first_made(row: tuple) -> tuple:
    """The order in which a person's records count: the earliest made first."""
    return (row[2], str(row[0]))


def _counted_twice(session: Session, period: Period, scope: Scope) -> set[uuid.UUID]:
    """Records on the books at the period's end whose resident ID another such record carries (one
    person enrolled twice: in two villages, or by the village and the township): each person counts
    once in 建档率, by their first record (the earliest made); the others, returned here, are left
    out of its numerator (and lists) until the township's duplicate review merges them.  Decided
    over the whole store, whatever the report's scope: a report kept to one village gives the
    figure the whole township's gives that village.  (A village PC holds only its own records: it
    cannot know of the other record, and counts its own.)"""

    def load() -> set[uuid.UUID]:
        first: dict[str, uuid.UUID] = {}
        twice: set[uuid.UUID] = set()
        for rid, number, enrolled_on, status, status_date in sorted(
            _sharing(session, scope), key=_first_made
        ):
            gone = _gone_on(status, status_date)
            if enrolled_on > period.end or (gone is not None and gone <= period.end):
                continue  # not on the books at the end: no record to count
            if number in first:
                twice.add(rid)
            else:
                first[number] = rid
        return twice

    return cached(session, ("counted_twice", period, scope), load)


def one_per_person(
    session: Session, period: Period, scope: Scope, found: Iterable[Entry] | Counts, programme: str = ""
) -> Iterable[Entry] | Counts:
    """``found`` (an indicator's members) with each person once: of the records of one person
    (:func:`_sharing`), the one 建档率 counts stands for the person in every indicator (the first
    made of those on the books at the period's end, else the first made), and the others are left
    out until the township's duplicate review merges them.  One rule for the whole report: a
    patient enrolled in two villages was two of the township's hypertension patients.  Decided
    over the whole store, as 建档率 is: a report of one village gives what the township's does.

    For an indicator of a programme's patients (:data:`ENROLLED`), the same rule among the person's
    records that hold an enrolment in it: a patient registered on their other record (the one
    建档率 does not count) is still the programme's patient."""
    others = not_the_persons(session, period, scope, programme if programme in ENROLLED else "")
    if not others:
        return found
    if isinstance(found, Counts):
        hit = list(map(others.__contains__, found.ids))  # (in C: a county's million ids)
        if not any(hit):
            return found
        keep = list(map(not_, hit))
        return Counts(list(compress(found.ids, keep)), list(compress(found.counted, keep)))
    found = list(found)
    kept = [e for e in found if e.resident_id not in others]
    return found if len(kept) == len(found) else kept


ENROLLED = frozenset({"htn", "t2dm", "smi"})  # programmes whose indicators count enrolled patients


def not_the_persons(session: Session, period: Period, scope: Scope, programme: str = "") -> set[uuid.UUID]:
    """The records of :func:`_sharing` that do not stand for their person (:func:`one_per_person`);
    ``programme``: of those under management in it at some time in the period (:func:`_enrolled_of`)."""

    def load() -> set[uuid.UUID]:
        def order(row: tuple) -> tuple:
            gone = _gone_on(row[3], row[4])
            return (row[2] > period.end or (gone is not None and gone <= period.end), *_first_made(row))

        sharing = _sharing(session, scope)
        if programme:
            enrolled = _enrolled_of(session, period, programme, [row[0] for row in sharing])
            sharing = [row for row in sharing if row[0] in enrolled]
        first: dict[str, tuple] = {}
        for row in sorted(sharing, key=order):
            first.setdefault(row[1], row)
        return {row[0] for row in sharing if first[row[1]] is not row}

    return cached(session, ("not_the_persons", period, scope, programme), load)


def _enrolled_of(session: Session, period: Period, programme: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Of the records ``ids`` (wherever held), those under management in ``programme`` at some time
    in the period (:func:`managed_span`: not an enrolment that ended before it, or before it began)."""
    if not ids:
        return set()
    uid = resident_ids(session)
    E, R = ProgramEnrolment, Resident
    found: set[uuid.UUID] = set()
    for i in range(0, len(ids), PROBED):
        q = (
            select(raw_id(E.resident_id), E.enrolled_on, E.status, E.status_date, R.status, R.status_date)
            .join(R, R.id == E.resident_id)
            .where(
                E.program == programme,
                E.voided.is_(False),
                E.enrolled_on <= period.end,
                one_of(E.resident_id, ids[i : i + PROBED]),
            )
        )
        if programme == smi.PROGRAM:  # a registration without consent (终止管理) is no patient of its figures
            q = q.where(E.status != smi.ENDED)
        for raw, enrolled_on, status, status_date, r_status, r_date in rows(session, q):
            if managed_span(period, enrolled_on, ((status, status_date), (r_status, r_date))) is not None:
                found.add(uid(raw))
    return found


@indicator(
    "records",
    QT_TRANSLATE_NOOP("Indicator", "健康档案建档率"),
    target=0.8,
    denominator_figure="resident_population",
    order=1,
)
def records(session: Session, period: Period, scope: Scope) -> Iterable[Entry] | Counts:
    kept = _counted_records(session, period, scope)
    if not wants_reasons(session):
        return Counts([r.resident_id for r in kept], [True] * len(kept))
    return (
        Entry(
            r.resident_id,
            True,
            _msg(QT_TRANSLATE_NOOP("Indicator", "{date} 建档，期末在册"), date=r.enrolled_on),
        )
        for r in kept
    )


def _counted_records(session: Session, period: Period, scope: Scope) -> list[_Record]:
    """The records of 建档率 and 电子健康档案建档率: on the books at the period's end, each person once."""
    twice = _counted_twice(session, period, scope)
    end = period.end
    return [
        r
        for r in _records(session, period, scope)
        if (r.gone_on is None or r.gone_on > end) and (not twice or r.resident_id not in twice)
    ]


@indicator(
    "e_records",
    QT_TRANSLATE_NOOP("Indicator", "电子健康档案建档率"),
    denominator_figure="resident_population",
    order=2,
)
def e_records(session: Session, period: Period, scope: Scope) -> Iterable[Entry] | Counts:
    kept = _counted_records(session, period, scope)
    if not wants_reasons(session):  # counting only: whether the core is complete
        return Counts([r.resident_id for r in kept], [not r.missing for r in kept])
    return map(_e_record_entry, kept)


def _e_record_entry(r: _Record) -> Entry:
    if len(r.missing) == 1:  # labels as separate parameters: each is translated as a field name
        return Entry(
            r.resident_id,
            False,
            _msg(QT_TRANSLATE_NOOP("Indicator", "电子档案缺{field}"), field=r.missing[0]),
        )
    if r.missing:  # both (E_RECORD_FIELDS has two)
        return Entry(
            r.resident_id,
            False,
            _msg(
                QT_TRANSLATE_NOOP("Indicator", "电子档案缺{first}和{second}"),
                first=r.missing[0],
                second=r.missing[1],
            ),
        )
    return Entry(
        r.resident_id,
        True,
        _msg(QT_TRANSLATE_NOOP("Indicator", "{date} 建电子档案，身份证号和现住址齐全"), date=r.enrolled_on),
    )


@dataclass(frozen=True)
class ServiceSource:
    """A kind of service entry that uses a record (健康档案使用率): every programme's own record of
    a service given to the resident (:data:`SERVICE_ENTRIES`)."""

    label: str  # QT_TRANSLATE_NOOP("Indicator", ...)
    model: type
    date_column: str
    # Narrows the select of entries (the service was given; the reader may know of it), or None.
    narrowed: Callable[[Session, object], object] | None = None
    # (resident, first day in the period) read elsewhere, instead of a query of ``model``: the
    # chronic-disease follow-ups, from the one pass the programmes' indicators make over them.
    first_days: Callable[[Session, Period, Scope], list[tuple]] | None = None


def _chronic_residents(session: Session, scope: Scope) -> list[uuid.UUID]:
    """Residents in ``scope`` with an enrolment in a follow-up programme (a visit belongs to one)."""

    def load() -> list[uuid.UUID]:
        E = ProgramEnrolment
        q = joined_in_scope(
            select(raw_id(E.resident_id)).where(E.program.in_(FOLLOWUP_PROGRAMS)).distinct(),
            scope,
            E.resident_id,
        )
        uid = resident_ids(session)
        return sorted((uid(raw) for (raw,) in rows(session, q)), key=id_order)

    return cached(session, ("chronic_residents", scope), load)


def _visit_summary_query(program: str, period: Period):
    """The ``query`` of :func:`_scoped_rows` for :func:`_visit_summary`.  One programme at a time:
    with both in one query PostgreSQL plans a scan of every follow-up for a township's few thousand
    residents (0.7 s a chunk), where ``program = …`` takes the index (0.09 s)."""
    V = FollowupVisit
    face_to_face = case((V.method.in_(FACE_TO_FACE), V.visit_date))
    q = (
        select(raw_id(V.resident_id), func.count(distinct(face_to_face)), func.min(V.visit_date))
        .where(_counted_visit(program, period))
        .group_by(V.resident_id)
    )
    return _of(q, V.resident_id)


def _visit_summary(session: Session, program: str, period: Period, scope: Scope) -> dict[uuid.UUID, tuple]:
    """Per resident: (days with a face-to-face follow-up, the first day of a follow-up) among the
    programme's done, unvoided follow-ups of the period, in one grouped pass over the follow-ups
    (a county holds millions) shared by 规范管理率 and 健康档案使用率.  In a report of some villages,
    for everyone with a follow-up enrolment (:func:`_chronic_residents`): the record is used by a
    follow-up whenever the enrolment was under management."""

    def load() -> dict[uuid.UUID, tuple]:
        uid = resident_ids(session)
        found = _scoped_rows(session, scope, _visit_summary_query(program, period), _chronic_residents)
        return {uid(raw): (days, first) for raw, days, first in found}

    return cached(session, ("visit_summary", program, period, scope), load)


def _followup_first_days(session: Session, period: Period, scope: Scope) -> list[tuple]:
    """(resident, first day of a done follow-up in the period) for 健康档案使用率, from
    :func:`_visit_summary` (either programme)."""
    first: dict[uuid.UUID, dt.date] = {}
    for program in FOLLOWUP_PROGRAMS:
        for rid, (_days, day) in _visit_summary(session, program, period, scope).items():
            if rid not in first or day < first[rid]:
                first[rid] = day
    return list(first.items())


def _smi_visits_seen(session: Session, q):
    """SMI follow-ups done, of the patients the reader may know of: for anyone else a patient's
    visits do not make the record used, as the fact of the registration is not theirs to know
    (the report says it leaves SMI patients out, :attr:`engine.Report.withheld`)."""
    q = q.where(SmiVisit.outcome == DONE)
    hidden = authz.sensitive_clause(session, ProgramEnrolment)
    if hidden is None:
        return q
    return q.join(ProgramEnrolment, ProgramEnrolment.id == SmiVisit.enrolment_id).where(hidden)


def _referrals_seen(session: Session, q):
    """Referrals, but a 严重精神障碍 one only for those who may know of the patient (as SMI visits)."""
    from app.services.programmes.referral import sensitive_hidden

    hidden = sensitive_hidden(session)
    return q if hidden is None else q.where(hidden)


def _check_days_query(period: Period):
    """Per resident, the first and the last day of a health check in the period, every village."""
    C = ElderlyCheck
    return (
        select(raw_id(C.resident_id), func.min(C.check_date), func.max(C.check_date))
        .where(C.voided.is_(False), C.check_date >= period.start, C.check_date <= period.end)
        .group_by(C.resident_id)
    )


def check_days(session: Session, period: Period, scope: Scope) -> dict[uuid.UUID, tuple[dt.date, dt.date]]:
    """Residents of ``scope`` with a health check in the period: their first and last check's day.
    One read for 健康档案使用率 (the first) and 老年人健康管理率 (the last)."""

    def load() -> dict[uuid.UUID, tuple[dt.date, dt.date]]:
        uid = resident_ids(session)
        q = joined_in_scope(_check_days_query(period), scope, ElderlyCheck.resident_id)
        return {uid(raw): (first, last) for raw, first, last in rows(session, q)}

    return cached(session, ("check_days", period, scope), load)


def _check_first_days(session: Session, period: Period, scope: Scope) -> list[tuple]:
    return [(rid, first) for rid, (first, _last) in check_days(session, period, scope).items()]


SERVICE_ENTRIES: list[ServiceSource] = [
    ServiceSource(
        QT_TRANSLATE_NOOP("Indicator", "随访"), FollowupVisit, "visit_date", first_days=_followup_first_days
    ),
    ServiceSource(
        QT_TRANSLATE_NOOP("Indicator", "健康体检"), ElderlyCheck, "check_date", first_days=_check_first_days
    ),
    ServiceSource(
        QT_TRANSLATE_NOOP("Indicator", "严重精神障碍随访"), SmiVisit, "visit_date", narrowed=_smi_visits_seen
    ),
    ServiceSource(QT_TRANSLATE_NOOP("Indicator", "转诊"), Referral, "issued_on", narrowed=_referrals_seen),
]


def _first_days_query(session: Session, source: ServiceSource, period: Period):
    """Per resident, the first day of ``source``'s entries in the period, every village."""
    day = getattr(source.model, source.date_column)
    q = (
        select(raw_id(source.model.resident_id), func.min(day))
        .where(source.model.voided.is_(False), day >= period.start, day <= period.end)
        .group_by(source.model.resident_id)
    )
    return q if source.narrowed is None else source.narrowed(session, q)


# (严重精神障碍 follow-ups make a record used only for those who may know of the patient)
@indicator("record_use", QT_TRANSLATE_NOOP("Indicator", "健康档案使用率"), order=3, withheld=SOME)
def record_use(session: Session, period: Period, scope: Scope) -> Iterable[Entry] | Counts:
    uid = resident_ids(session)
    first: dict[uuid.UUID, tuple[dt.date, str]] = {}  # resident -> first service entry in the period
    for source in SERVICE_ENTRIES:
        if source.first_days is not None:
            found = source.first_days(session, period, scope)
        else:
            q = joined_in_scope(_first_days_query(session, source, period), scope, source.model.resident_id)
            found = [(uid(raw), when) for raw, when in rows(session, q)]
        for rid, when in found:
            if rid not in first or when < first[rid][0]:
                first[rid] = (when, source.label)
    if not wants_reasons(session):  # counting only
        ids = [r.resident_id for r in _records(session, period, scope)]
        return Counts(ids, [rid in first for rid in ids])
    return _record_use_entries(_records(session, period, scope), first)


def _record_use_entries(records: list[_Record], first: dict) -> Iterator[Entry]:
    said: dict[tuple[dt.date, str], Message] = {}  # one reason per day and kind (thousands share one)
    for r in records:
        used = first.get(r.resident_id)
        if used is None:
            yield Entry(r.resident_id, False, _msg(QT_TRANSLATE_NOOP("Indicator", "本期没有服务记录")))
            continue
        reason = said.get(used)
        if reason is None:  # the kind of entry is a word of this context ("Field" has other 随访s)
            reason = said[used] = Message(
                CTX,
                QT_TRANSLATE_NOOP("Indicator", "{date} 有{what}记录"),
                {"date": used[0], "what": Message(CTX, used[1])},
            )
        yield Entry(r.resident_id, True, reason)


# ------------------------------------------------------------- chronic diseases


class _Patient(NamedTuple):  # a tuple: built for every patient of a programme at each evaluation
    resident_id: uuid.UUID
    birth_date: dt.date
    start: dt.date  # under management in the period from …
    end: dt.date  # … to (both inclusive)
    whole_period: bool
    quarters: int  # calendar quarters of the period the patient was under management in
    required: int  # face-to-face follow-ups the spec asks for that time


class _Visit(NamedTuple):
    day: dt.date
    face_to_face: bool
    sbp: int | None
    dbp: int | None
    glucose: float | None


def _quarters(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 4 + (end.month - 1) // 3 - (start.month - 1) // 3 + 1


def managed_span(
    period: Period, enrolled_on: dt.date, ends: tuple[tuple[str, dt.date | None], ...]
) -> tuple[dt.date, dt.date] | None:
    """The days of ``period`` a patient enrolled on ``enrolled_on`` was under management, given the
    (status, status date) pairs that can end it (the enrolment's, the resident's); None: none."""
    gone = [d for status, day in ends if (d := _gone_on(status, day)) is not None]
    end = min(gone) if gone else None
    if enrolled_on > period.end or (end is not None and end < max(period.start, enrolled_on)):
        return None  # (ended before it began: a 失访 entered from paper, dated before the registration)
    return max(enrolled_on, period.start), min(end or period.end, period.end)


def required_in(start: dt.date, stop: dt.date, per_year: int) -> tuple[int, int]:
    """(calendar quarters from ``start`` to ``stop``, follow-ups required in them) for a spec asking
    ``per_year`` a year: in proportion, a quarter at a time (4 a year: one per quarter)."""
    quarters = _quarters(start, stop)
    return quarters, max(1, -(-per_year * quarters // 4))


def _patients_query(program: str, period: Period):
    """The enrolments of :func:`_patients` (with their residents' birth and status), every village."""
    E, R = ProgramEnrolment, Resident
    return (
        select(
            raw_id(E.resident_id),
            E.enrolled_on,
            E.status,
            E.status_date,
            R.birth_date,
            R.status,
            R.status_date,
        )
        .join(R, R.id == E.resident_id)
        .where(E.program == program, E.voided.is_(False), R.voided.is_(False), E.enrolled_on <= period.end)
    )


def _patients(session: Session, program: str, period: Period, scope: Scope) -> dict[uuid.UUID, _Patient]:
    """Patients of ``program`` under management at some time in the period, by resident."""

    def load() -> dict[uuid.UUID, _Patient]:
        uid = resident_ids(session)
        spans: dict[uuid.UUID, list] = {}
        for raw, enrolled_on, status, status_date, birth, r_status, r_date in rows(
            session, _in_scope(_patients_query(program, period), scope)
        ):
            rid = uid(raw)
            span = managed_span(period, enrolled_on, ((status, status_date), (r_status, r_date)))
            if span is None:
                continue
            start, stop = span
            if rid in spans:  # enrolled again after an earlier enrolment ended: one patient
                start, stop = min(start, spans[rid][1]), max(stop, spans[rid][2])
            spans[rid] = [birth, start, stop]
        out = {}
        for rid, (birth, start, stop) in spans.items():
            whole = start == period.start and stop == period.end
            out[rid] = _Patient(rid, birth, start, stop, whole, *required_in(start, stop, REQUIRED_PER_YEAR))
        return out

    return cached(session, ("patients", program, period, scope), load)


def _visits(session: Session, program: str, period: Period, scope: Scope) -> dict[uuid.UUID, list[_Visit]]:
    """Done, unvoided follow-ups of the given patients' within their time under management, oldest
    first, one per day (a same-day correction replaces the earlier record).  Read row by row: used
    for the few patients under management for only part of the period (:func:`_face_to_face_days`, :func:`_latest_measured`)."""

    def load() -> dict[uuid.UUID, list[_Visit]]:
        patients = _patients(session, program, period, scope)
        partial = [rid for rid, p in patients.items() if not p.whole_period]
        uid = resident_ids(session)
        V = FollowupVisit
        by_day: dict[uuid.UUID, dict[dt.date, _Visit]] = defaultdict(dict)
        for i in range(0, len(partial), 5000):
            q = (
                select(raw_id(V.resident_id), V.visit_date, V.method, V.sbp, V.dbp, V.glucose)
                .where(_counted_visit(program, period), one_of(V.resident_id, partial[i : i + 5000]))
                .order_by(V.resident_id, V.visit_date, V.created_at)
            )
            for raw, day, method, sbp, dbp, glucose in rows(session, q):
                rid = uid(raw)
                p = patients[rid]
                if not p.start <= day <= p.end:
                    continue
                days = by_day[rid]
                earlier = days.get(day)
                if earlier is None:
                    days[day] = _Visit(day, method in FACE_TO_FACE, sbp, dbp, glucose)
                    continue
                days[day] = _Visit(
                    day,
                    method in FACE_TO_FACE or earlier.face_to_face,
                    sbp if sbp is not None else earlier.sbp,
                    dbp if dbp is not None else earlier.dbp,
                    glucose if glucose is not None else earlier.glucose,
                )
        return {rid: list(days.values()) for rid, days in by_day.items()}

    return cached(session, ("visits", program, period, scope), load)


def _done_in(period: Period):
    """Follow-ups that took place in ``period`` and are not voided."""
    V = FollowupVisit
    return and_(
        V.voided.is_(False), V.outcome == DONE, V.visit_date >= period.start, V.visit_date <= period.end
    )


def _counted_visit(program: str, period: Period):
    return and_(FollowupVisit.program == program, _done_in(period))


def _measured_clause(program: str):
    V = FollowupVisit
    return and_(V.sbp.is_not(None), V.dbp.is_not(None)) if program == rules.HTN else V.glucose.is_not(None)


def _face_to_face_days(session: Session, program: str, period: Period, scope: Scope) -> dict[uuid.UUID, int]:
    """Per patient, the days with a face-to-face follow-up within the time under management.
    Patients under management the whole period (nearly all) are counted in SQL, one grouped
    query (:func:`_visit_summary`); the others from their visits row by row (:func:`_visits`)."""

    def load() -> dict[uuid.UUID, int]:
        summary = _visit_summary(session, program, period, scope)
        days: dict[uuid.UUID, int] = {rid: n for rid, (n, _first) in summary.items() if n}
        for rid, visits in _visits(session, program, period, scope).items():
            days[rid] = sum(1 for v in visits if v.face_to_face)
        for rid, p in _patients(session, program, period, scope).items():
            if not p.whole_period and rid not in _visits(session, program, period, scope):
                days[rid] = 0  # visits only outside the time under management
        return days

    return cached(session, ("f2f", program, period, scope), load)


def _latest_query(program: str, period: Period):
    """The ``query`` of :func:`_scoped_rows` for :func:`_latest_in_sql` (one programme at a time,
    as :func:`_visit_summary_query`)."""
    V = FollowupVisit
    measured = select(
        V.resident_id,
        V.visit_date,
        V.sbp,
        V.dbp,
        V.glucose,
        func.row_number()
        .over(partition_by=V.resident_id, order_by=(V.visit_date.desc(), V.created_at.desc()))
        .label("n"),
    ).where(_counted_visit(program, period), _measured_clause(program))

    def latest_of(ids):  # a patient's window sees only their own visits: a subset keeps it
        ranked = _of(measured, V.resident_id)(ids).subquery()
        return select(
            raw_id(ranked.c.resident_id), ranked.c.visit_date, ranked.c.sbp, ranked.c.dbp, ranked.c.glucose
        ).where(ranked.c.n == 1)

    return latest_of


def _latest_in_sql(session: Session, program: str, period: Period, scope: Scope) -> dict[uuid.UUID, _Visit]:
    """Per patient, the latest follow-up of the period that measured the programme's value (on a
    day with two records, the one saved last), in one window query."""

    def load() -> dict[uuid.UUID, _Visit]:
        uid = resident_ids(session)
        found = _scoped_rows(session, scope, _latest_query(program, period), _chronic_residents)
        return {uid(raw): _Visit(day, True, sbp, dbp, glucose) for raw, day, sbp, dbp, glucose in found}

    return cached(session, ("latest_in_sql", program, period, scope), load)


def _latest_measured(session: Session, program: str, period: Period, scope: Scope) -> dict[uuid.UUID, _Visit]:
    """Per patient, the latest follow-up within the time under management that measured the
    programme's value; whole-period patients in SQL (:func:`_latest_in_sql`), the others row by
    row."""

    def load() -> dict[uuid.UUID, _Visit]:
        latest = dict(_latest_in_sql(session, program, period, scope))
        row_by_row = _visits(session, program, period, scope)
        for rid, p in _patients(session, program, period, scope).items():
            if not p.whole_period:
                measured = [v for v in row_by_row.get(rid, ()) if _measured(v, program)]
                if measured:
                    latest[rid] = measured[-1]
                else:
                    latest.pop(rid, None)
        return latest

    return cached(session, ("latest", program, period, scope), load)


@read_ahead
def _reads(session: Session, period: Period, scope: Scope) -> list:
    """What a report of the whole store reads here, in the order its indicators need it.  Nothing
    for a report of some villages: its follow-ups are read by the residents an earlier read names,
    and what is left waits little (a township on a county's store: 2.55 s with, 2.60 s without)."""
    if scope.village_ids is not None:
        return []
    first_days = [_first_days_query(session, s, period) for s in SERVICE_ENTRIES if s.first_days is None]
    patients = [_patients_query(program, period) for program in FOLLOWUP_PROGRAMS]
    summaries = [_visit_summary_query(program, period)(None) for program in FOLLOWUP_PROGRAMS]
    latest = [_latest_query(program, period)(None) for program in FOLLOWUP_PROGRAMS]
    checks = _check_days_query(period)
    return [
        *summaries,
        checks,
        *first_days,
        *(read for pair in zip(patients, latest, strict=True) for read in pair),
    ]


def _is_year(period: Period) -> bool:
    return period == Period.year(period.start.year)


def _standard(session: Session, program: str, period: Period, scope: Scope) -> Iterator[Entry]:
    days = _face_to_face_days(session, program, period, scope)
    patients = _patients(session, program, period, scope).values()
    if not wants_reasons(session):  # counting only
        for p in patients:
            yield Entry(p.resident_id, days.get(p.resident_id, 0) >= p.required, None)
        return
    year = _is_year(period)
    for p in patients:
        done = days.get(p.resident_id, 0)
        if p.whole_period:
            template = (
                QT_TRANSLATE_NOOP("Indicator", "本年面对面随访 {done} 次，要求 {required} 次")
                if year
                else QT_TRANSLATE_NOOP("Indicator", "本期面对面随访 {done} 次，要求 {required} 次")
            )
            reason = _msg(template, done=done, required=p.required)
        else:
            reason = _msg(
                QT_TRANSLATE_NOOP(
                    "Indicator",
                    "面对面随访 {done} 次，要求 {required} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）",
                ),
                start=p.start,
                end=p.end,
                quarters=p.quarters,
                done=done,
                required=p.required,
            )
        yield Entry(p.resident_id, done >= p.required, reason)


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _measured(v: _Visit, program: str) -> bool:
    return v.sbp is not None and v.dbp is not None if program == rules.HTN else v.glucose is not None


def _control(session: Session, program: str, period: Period, scope: Scope) -> Iterator[Entry]:
    latest = _latest_measured(session, program, period, scope)
    t = settings.thresholds(session)  # (the 65+ target as this installation sets it)
    reasons = wants_reasons(session)  # or counting only
    for p in _patients(session, program, period, scope).values():
        last = latest.get(p.resident_id)
        if last is None:
            template = (
                QT_TRANSLATE_NOOP("Indicator", "本期没有测量血压的随访")
                if program == rules.HTN
                else QT_TRANSLATE_NOOP("Indicator", "本期没有测量空腹血糖的随访")
            )
            yield Entry(p.resident_id, False, _msg(template) if reasons else None)
            continue
        age = _age(p.birth_date, last.day)
        findings = rules.Findings(program, age, sbp=last.sbp, dbp=last.dbp, glucose=last.glucose)
        met = rules.control(findings, t) == rules.CONTROLLED
        if not reasons:
            yield Entry(p.resident_id, met, None)
            continue
        if program == rules.HTN:
            elderly = age >= t.elderly_age
            limit = f"{t.elderly_sbp if elderly else t.htn_sbp}/{t.elderly_dbp if elderly else t.htn_dbp}"
            template = (
                QT_TRANSLATE_NOOP("Indicator", "最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，达标（< {limit}）")
                if met
                else QT_TRANSLATE_NOOP(
                    "Indicator", "最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，未达标（目标 < {limit}）"
                )
            )
            reason = _msg(template, date=last.day, sbp=last.sbp, dbp=last.dbp, limit=limit)
        else:
            template = (
                QT_TRANSLATE_NOOP(
                    "Indicator", "最近一次随访 {date} 空腹血糖 {glucose} mmol/L，达标（< {limit}）"
                )
                if met
                else QT_TRANSLATE_NOOP(
                    "Indicator", "最近一次随访 {date} 空腹血糖 {glucose} mmol/L，未达标（目标 < {limit}）"
                )
            )
            reason = _msg(template, date=last.day, glucose=last.glucose, limit=t.glucose)
        yield Entry(p.resident_id, met, reason)


@indicator("htn_standard", QT_TRANSLATE_NOOP("Indicator", "高血压患者规范管理率"), programme="htn", order=1)
def htn_standard(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    return _standard(session, rules.HTN, period, scope)


@indicator("htn_control", QT_TRANSLATE_NOOP("Indicator", "管理人群血压控制率"), programme="htn", order=2)
def htn_control(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    return _control(session, rules.HTN, period, scope)


@indicator(
    "t2dm_standard", QT_TRANSLATE_NOOP("Indicator", "2型糖尿病患者规范管理率"), programme="t2dm", order=1
)
def t2dm_standard(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    return _standard(session, rules.T2DM, period, scope)


@indicator("t2dm_control", QT_TRANSLATE_NOOP("Indicator", "管理人群血糖控制率"), programme="t2dm", order=2)
def t2dm_control(session: Session, period: Period, scope: Scope) -> Iterator[Entry]:
    return _control(session, rules.T2DM, period, scope)

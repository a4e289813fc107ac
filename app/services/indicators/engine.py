"""Computes the registered indicators for a period, per village, per village group and for the
whole township, and lists the residents behind any number (DOMAIN.md: every figure traceable).

Every indicator yields one stream of :class:`~app.services.indicators.Entry`; numerator,
denominator and both drill-down lists are read from it, so they cannot disagree.  An indicator
whose denominator is a population figure (``denominator_figure``) takes it from the figures the
township entered (:mod:`app.services.indicators.population`) for the period's year; a village
without the figure has no rate, and neither has the township until every village has one.

The actor decides the villages: a village doctor's report is their own village's, township staff
see every village of the township (``authz.visible_villages``), county staff every village of
every township the county holds.  A county's report is the same one pass over its store; each
township's figure is the sum of its villages' (:meth:`Report.township_figure`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import ProgramEnrolment, Resident, Township, Village, VillageGroup
from app.models.base import one_of
from app.services import collector
from app.services.access import audit, authz
from app.services.errors import Message, UserError
from app.services.indicators import (
    ALL,
    CACHE,
    COUNTING,
    FIGURES,
    MODULES,
    RATE,
    REGISTRY,
    Counts,
    Indicator,
    Period,
    Scope,
    raw_id,
    resident_ids,
    resident_rows,
    rows,
    start_reading_ahead,
)
from app.services.indicators import population as population_figures
from app.services.profile import TOWNSHIP, VILLAGE, normalise_code
from app.services.records.ordering import group_order
from app.services.sync import capture

CTX = "Indicator"
CORE_MODULE = "app.services.indicators.core"
# The order programmes appear in on screens and in the workbook; unknown ones come last.
PROGRAMMES = ("records", "elderly", "htn", "t2dm", "smi", "contract", "poverty", "education")
LISTS = ("numerator", "denominator")
_RESIDENT, _COUNTED = itemgetter(0), itemgetter(1)  # of an Entry, read in C
_loaded = False


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def load_indicators() -> list[Indicator]:
    """Every declared indicator, in report order (importing the declaring modules once)."""
    global _loaded
    if not _loaded:
        if CORE_MODULE not in MODULES:
            MODULES.insert(0, CORE_MODULE)
        for name in MODULES:
            importlib.import_module(name)
        _loaded = True

    def order(i: Indicator):
        known = i.programme in PROGRAMMES
        return (PROGRAMMES.index(i.programme) if known else len(PROGRAMMES), i.programme, i.order, i.key)

    return sorted(REGISTRY.values(), key=order)


def get_indicator(key: str) -> Indicator:
    load_indicators()
    if key not in REGISTRY:
        raise _err(
            QT_TRANSLATE_NOOP("Indicator", "没有名为“{key}”的指标；可用的有：{keys}"),
            key=key,
            keys=", ".join(i.key for i in load_indicators()),
        )
    return REGISTRY[key]


# ------------------------------------------------------------------------ results


@dataclass(frozen=True)
class Figure:
    numerator: int
    denominator: int | None  # None: a population figure not entered

    @property
    def rate(self) -> float | None:
        if not self.denominator:
            return None
        return self.numerator / self.denominator


@dataclass(frozen=True)
class VillageRef:
    id: uuid.UUID
    code: str
    name: str


@dataclass(frozen=True)
class TownshipRef:
    code: str
    name: str


@dataclass(frozen=True)
class GroupRef:
    id: uuid.UUID
    village_id: uuid.UUID
    name: str


@dataclass(frozen=True)
class IndicatorResult:
    key: str
    name: str  # Chinese source text (translate in context "Indicator")
    programme: str
    target: float | None
    denominator_figure: str | None
    total: Figure
    villages: dict[uuid.UUID, Figure]  # every village of the report, by id
    groups: dict[uuid.UUID, Figure]  # village groups with members in the indicator
    missing_figures: tuple[str, ...] = ()  # codes of villages whose population figure is not entered
    # what belongs to a township itself, not to a village (its health-education activities), by
    # township code: (numerator, denominator), the denominator None when it is a figure not given
    own: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    unit: str = RATE  # one of COUNTS: activities against a yearly minimum, read "59 次 / 最低 60 次"

    def group_figure(self, group_id: uuid.UUID) -> Figure:
        """A village group's figure; a group with nobody in the indicator has 0 of 0 (of no figure:
        population figures are entered per village, not per group)."""
        found = self.groups.get(group_id)
        if found is not None:
            return found
        return Figure(0, None if self.denominator_figure else 0)

    def below_target(self, figure: Figure) -> bool | None:
        if self.target is None or figure.rate is None:
            return None
        return figure.rate < self.target


@dataclass(frozen=True)
class Report:
    period: Period
    villages: tuple[VillageRef, ...]
    groups: tuple[GroupRef, ...]
    results: tuple[IndicatorResult, ...]
    townships: tuple[TownshipRef, ...] = ()  # of the report's villages, by code
    # 严重精神障碍 patients left out: the actor may not see them (authz.sensitive_clause), so the SMI
    # indicators and the key groups' signing rate differ from a permitted user's (said on every output)
    withheld: bool = False

    def result(self, key: str) -> IndicatorResult:
        return next(r for r in self.results if r.key == key)

    def villages_of(self, township_code: str) -> list[VillageRef]:
        return [v for v in self.villages if v.code[:9] == township_code]

    def township_figure(self, result: IndicatorResult, township_code: str) -> Figure:
        """A township's figure: its villages' summed with what is the township's own (its
        health-education activities); a population figure: none until every village has one."""
        figures = [result.villages[v.id] for v in self.villages_of(township_code)]
        own_num, own_den = result.own.get(township_code, (0, 0))
        numerator = sum(f.numerator for f in figures) + own_num
        if any(f.denominator is None for f in figures):
            return Figure(numerator, None)
        return Figure(numerator, sum(f.denominator for f in figures) + (own_den or 0))

    def groups_of(self, village_id: uuid.UUID) -> list[GroupRef]:
        """The village's groups (村民小组), in their natural order (:func:`group_order`)."""
        return [g for g in self.groups if g.village_id == village_id]


class ResidentLine(NamedTuple):
    """One resident behind a number, with the reason they are in or out (a tuple: a drill-down
    makes thousands)."""

    resident_id: uuid.UUID
    archive_no: str
    name: str
    village_code: str
    village_name: str
    group: str
    counted: bool
    reason: Message


# ------------------------------------------------------------------------ scope


def parse_period(year: int, quarter: int | None = None, cumulative: bool = False) -> Period:
    """The year, a quarter, or (``cumulative``) the year up to a quarter's end."""
    population_figures.check_year(year)
    if quarter is None:
        if cumulative:
            raise _err(QT_TRANSLATE_NOOP("Indicator", "累计要与季度一起给出（从1月1日累计到该季度末）"))
        return Period.year(year)
    if quarter not in (1, 2, 3, 4):
        raise _err(QT_TRANSLATE_NOOP("Indicator", "季度应是 1、2、3 或 4"))
    return Period.to_quarter(year, quarter) if cumulative else Period.quarter(year, quarter)


def report_villages(
    session: Session, village_code: str | None = None, township_code: str | None = None
) -> list[VillageRef]:
    """The villages a report covers: those the actor may read, or the one asked for, or those of
    the township asked for (a county's drill-down)."""
    q = select(Village.id, Village.code, Village.name).order_by(Village.code)
    clause = authz.village_clause(session, Village.id)
    if clause is not None:
        q = q.where(clause)
    villages = [VillageRef(*row) for row in session.execute(q)]
    if township_code:
        code = normalise_code(township_code, TOWNSHIP)
        villages = [v for v in villages if v.code[:9] == code]
        if not villages:
            authz.refused_unseen(session, code, "report")
            raise _err(
                QT_TRANSLATE_NOOP("Indicator", "没有乡镇代码为 {code} 的乡镇，或无权查看它的报表"), code=code
            )
    if village_code:
        code = normalise_code(village_code, VILLAGE)
        villages = [v for v in villages if v.code == code]
        if not villages:
            authz.refused_unseen(session, code, "report")
            raise _err(
                QT_TRANSLATE_NOOP("Indicator", "没有村代码为 {code} 的村，或无权查看它的报表"), code=code
            )
    return villages


def _scope(
    session: Session,
    villages: list[VillageRef],
    township_code: str | None = None,
    village_code: str | None = None,
) -> Scope:
    """``Scope(None)`` (no filter: faster) when the report covers every village held here; a
    township's report on a county covers that township's own work too."""
    held = session.scalar(select(Village.id).where(Village.id.not_in([v.id for v in villages])).limit(1))
    if held is None:
        return Scope(None)
    own = (
        frozenset({normalise_code(township_code, TOWNSHIP)})
        if township_code and not village_code
        else frozenset()
    )
    return Scope(frozenset(v.id for v in villages), own)


# ------------------------------------------------------------------------ evaluation


@collector.paused()
def evaluate(
    session: Session,
    period: Period,
    village_code: str | None = None,
    keys: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    township_code: str | None = None,
) -> Report:
    """Every registered indicator (or ``keys``) for ``period``, per village, group and in total
    (and per township: :meth:`Report.township_figure`).  A period that has not begun is refused:
    its every rate would read 0%, red against its target, with nothing behind it."""
    today = capture.trusted_today(session)
    if period.start > today:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Indicator", "统计期从 {start} 开始，还没有到（今天是 {today}），没有可统计的数据"
            ),
            start=period.start.isoformat(),
            today=today.isoformat(),
        )
    indicators = load_indicators() if keys is None else [get_indicator(k) for k in keys]
    villages = report_villages(session, village_code, township_code)
    scope = _scope(session, villages, township_code, village_code)
    ids = {v.id for v in villages}
    groups_q = select(VillageGroup.id, VillageGroup.village_id, VillageGroup.name)
    groups = tuple(
        sorted(
            (GroupRef(*row) for row in session.execute(groups_q) if row[1] in ids),
            key=lambda g: group_order(g.name),
        )
    )
    session.info.pop(CACHE, None)
    results = []
    ahead = None
    try:
        if keys is None:  # a whole report: its reads are known
            ahead = start_reading_ahead(session, period, scope)
        where = _places(session, scope, villages, groups)
        for done, ind in enumerate(indicators):
            results.append(_evaluate_one(session, ind, period, scope, villages, where))
            if progress is not None:
                progress(done + 1, len(indicators))
    finally:
        if ahead is not None:
            ahead.close()
        session.info.pop(CACHE, None)
    withheld = authz.sensitive_clause(session, ProgramEnrolment) is not None
    return Report(period, tuple(villages), groups, tuple(results), _townships(session, villages), withheld)


def _townships(session: Session, villages: list[VillageRef]) -> tuple[TownshipRef, ...]:
    names = dict(session.execute(select(Township.code, Township.name)).all())
    codes = sorted({v.code[:9] for v in villages})
    return tuple(TownshipRef(code, names.get(code, code)) for code in codes)


class _Places(NamedTuple):
    """Where the residents of a report live: ``index`` maps each resident (by the UUIDs the
    indicators share) to a small number, ``pairs[number]`` is its (village id, group id).  The
    engine counts entries by that number: an int hashes in C, a pair of ids would call
    ``_Id.__hash__`` twice per entry.  ``by_object`` maps the same numbers by ``id()`` of the
    shared UUID objects (:func:`resident_ids`): the indicators yield those very objects, so most
    entries are placed without hashing a UUID at all (the index holds them alive, so an ``id()``
    found there is that object)."""

    index: dict[uuid.UUID, int]
    pairs: list[tuple]
    by_object: dict[int, int]


_PLACE, _RID = itemgetter(1, 2), itemgetter(0)  # of resident_rows: the raw (village, group) ids, the id


def _places(session: Session, scope: Scope, villages, groups) -> _Places:
    """Each resident's (village id, group id), keyed by the UUIDs the indicators share."""
    uid = resident_ids(session)
    # hash-caching ids (resident_ids) for the villages and groups too: the places are dict keys
    village_of = {key: uid(v.id) for v in villages for key in (v.id.hex, str(v.id), v.id, v.id.bytes)}
    group_of = {key: uid(g.id) for g in groups for key in (g.id.hex, str(g.id), g.id, g.id.bytes)}
    residents = resident_rows(session, scope)
    # numbered by the raw (village, group) pair first: a million residents share a few thousand
    by_raw: dict[tuple, int] = {}
    numbers: dict[tuple, int] = {}
    for raw in set(map(_PLACE, residents)):
        village = village_of.get(raw[0])
        if village is not None:
            pair = (village, group_of.get(raw[1]))
            by_raw[raw] = numbers.setdefault(pair, len(numbers))
    placed = list(map(by_raw.get, map(_PLACE, residents)))
    index = {rid: n for rid, n in zip(map(_RID, residents), placed, strict=True) if n is not None}
    return _Places(index, list(numbers), {id(rid): n for rid, n in index.items()})


def _one_per_person(session: Session, period: Period, scope: Scope, found, programme: str = ""):
    from app.services.indicators.core import (
        one_per_person,  # (registered with the indicators: load_indicators)
    )

    return one_per_person(session, period, scope, found, programme)


def _evaluate_one(session, ind: Indicator, period, scope, villages, where: _Places) -> IndicatorResult:
    # Counted by place number in C (Counter over an iterable), then summed per village and per
    # group: no Python-level arithmetic per resident.
    session.info.setdefault(CACHE, {})[COUNTING] = True  # reasons are not read: see wants_reasons
    found = _one_per_person(session, period, scope, ind.compute(session, period, scope), ind.person_rule)
    if isinstance(found, Counts):  # residents only, as two lists
        entries, ids, flags = (), found.ids, found.counted
    else:
        entries = list(found)
        ids, flags = list(map(_RESIDENT, entries)), map(_COUNTED, entries)
    numbers = list(map(where.by_object.get, map(id, ids)))
    if None in numbers:  # equal ids that are other objects (ORM rows), activities, other villages
        get = where.index.get
        numbers = [get(rid) if n is None else n for rid, n in zip(ids, numbers, strict=True)]
    pairs = where.pairs
    by_number = Counter(numbers)
    counted_by_number = Counter(compress(numbers, flags))
    everyone: Counter = Counter({(None if n is None else pairs[n]): c for n, c in by_number.items()})
    counted: Counter = Counter({(None if n is None else pairs[n]): c for n, c in counted_by_number.items()})
    unplaced = everyone.pop(None, 0)
    counted.pop(None, None)
    own_num = own_den = 0  # entries that are not residents: placed by their village, or the township's own
    own_by: dict[str, list[int]] = {}  # the townships' own, by code
    if unplaced:
        uid = resident_ids(session)
        village_uid = {key: uid(v.id) for v in villages for key in (v.id.hex, str(v.id), v.id, v.id.bytes)}
        for e in entries:
            if e.resident_id in where.index or not e.label:  # a resident outside the report's villages
                continue
            if e.village_id is None:
                own_den += 1
                own_num += e.counted
                if e.township:
                    mine = own_by.setdefault(e.township, [0, 0])
                    mine[0] += e.counted
                    mine[1] += 1
                continue
            place = (village_uid.get(e.village_id), None)
            if place[0] is not None:
                everyone[place] += 1
                counted[place] += e.counted
    num: dict[uuid.UUID, int] = dict.fromkeys((v.id for v in villages), 0)
    den: dict[uuid.UUID, int] = dict.fromkeys((v.id for v in villages), 0)
    g_num: dict[uuid.UUID, int] = {}
    g_den: dict[uuid.UUID, int] = {}
    for (vid, gid), n in everyone.items():
        if vid not in den:
            continue
        den[vid] += n
        if gid is not None:
            g_den[gid] = g_den.get(gid, 0) + n
    for (vid, gid), n in counted.items():
        if vid not in num:
            continue
        num[vid] += n
        if gid is not None:
            g_num[gid] = g_num.get(gid, 0) + n
    missing: tuple[str, ...] = ()
    if ind.denominator_figure:
        figures = denominator_figures(session, ind.denominator_figure, period, villages, scope)
        per_village = {vid: Figure(num[vid], figures.get(vid)) for vid in num}
        missing = tuple(v.code for v in villages if v.id not in figures)
        towns = {k: v for k, v in figures.items() if isinstance(k, str)}  # the townships' own
        total = Figure(
            sum(num.values()) + own_num,
            None if missing else sum(figures[v.id] for v in villages) + sum(towns.values()),
        )
        per_group = {gid: Figure(g_num.get(gid, 0), None) for gid in g_den}  # no figure per group
        own = {code: (own_by.get(code, [0, 0])[0], need) for code, need in towns.items()}
        own.update({code: (n, None) for code, (n, _d) in own_by.items() if code not in towns})
    else:
        per_village = {vid: Figure(num[vid], den[vid]) for vid in num}
        total = Figure(sum(num.values()) + own_num, sum(den.values()) + own_den)
        per_group = {gid: Figure(g_num.get(gid, 0), g_den[gid]) for gid in g_den}
        own = {code: (n, d) for code, (n, d) in own_by.items()}
    return IndicatorResult(
        ind.key,
        ind.name,
        ind.programme,
        None if ind.yearly and not period.from_new_year else ind.target,
        ind.denominator_figure,
        total,
        per_village,
        per_group,
        missing,
        own,
        ind.unit,
    )


def denominator_figures(session: Session, name: str, period: Period, villages, scope: Scope) -> dict:
    """``{village id: figure}`` (and ``None``: the township's own) of a denominator figure: a
    declared provider's (:data:`~app.services.indicators.FIGURES`) or an entered population figure."""
    if name in FIGURES:
        values = FIGURES[name][1](session, period, [v.id for v in villages])
        # the townships' own (keyed by code) as far as the scope covers them
        values = {k: v for k, v in values.items() if not isinstance(k, str) or scope.covers_own(k)}
        return values
    return population_figures.figure_by_village(session, name, period.start.year)


def figure_label(name: str) -> str:
    if name in FIGURES:
        return FIGURES[name][0]
    return population_figures.FIGURE_LABELS.get(name, name)


@collector.paused()
def drilldown(
    session: Session,
    key: str,
    period: Period,
    which: str,
    village_code: str | None = None,
    group_id: uuid.UUID | None = None,
    township_code: str | None = None,
    *,
    own: bool = False,
    audited: bool = True,
) -> list[ResidentLine]:
    """The residents behind the numerator or the denominator of ``key``, with their reasons, by
    village and archive number.  A population-figure denominator has no list of residents.
    ``own``: only the entries that are a township's own (its health centre's activities: each
    line's "village" is the township's code), as its own column of a township's report.
    ``audited``: a list that may name 严重精神障碍 patients is audited as read (False: for a file
    whose export is audited as a whole)."""
    ind = get_indicator(key)
    if which not in LISTS:
        raise _err(QT_TRANSLATE_NOOP("Indicator", "名单应是 numerator（分子）或 denominator（分母）"))
    if ind.withheld == ALL and authz.sensitive_clause(session, ProgramEnrolment) is not None:
        # its list is of those patients only: said, not an empty list ("共 0 人" read as none)
        raise _err(
            QT_TRANSLATE_NOOP("Indicator", "“{name}”只统计严重精神障碍患者，您无权查看这类患者"),
            name=Message(CTX, ind.name),
        )
    if which == "denominator" and ind.denominator_figure:
        raise _err(
            QT_TRANSLATE_NOOP("Indicator", "“{name}”的分母是{figure}，不是名单"),
            name=Message(CTX, ind.name),
            figure=figure_label(ind.denominator_figure),
        )
    villages = report_villages(session, village_code, township_code)
    scope = _scope(session, villages, township_code, village_code)
    session.info.pop(CACHE, None)
    try:
        entries = {
            e.resident_id: e
            for e in _one_per_person(
                session, period, scope, ind.compute(session, period, scope), ind.person_rule
            )
            if which == LISTS[1] or e.counted
        }
        lines = [] if own else _lines(session, entries, villages, group_id)
        if group_id is None:
            townships = dict(session.execute(select(Township.code, Township.name)).all())
            lines += _other_lines(entries, {line.resident_id for line in lines}, villages, scope, townships)
            if own:
                lines = [line for line in lines if line.village_code in townships]
    finally:
        session.info.pop(CACHE, None)
    lines.sort(key=lambda line: (line.village_code, line.archive_no))
    if (
        audited
        and ind.withheld is not None
        and lines
        and authz.sensitive_clause(session, ProgramEnrolment) is None
    ):
        # a list naming 严重精神障碍 patients, to whom may see them: read, so audited (as a record is)
        audit.record_now(
            session, "read", "program_enrolment", None, f"{key} {which}: {len(lines)}", scope=None
        )
    return lines


def _other_lines(
    entries: dict, residents: set, villages: list[VillageRef], scope: Scope, townships: dict[str, str]
) -> list[ResidentLine]:
    """Lines for the entries that are not residents (activities), by the village they belong to;
    the township's own (named by ``townships``, code -> name) only in a report of the whole
    township."""
    village_of = {key: v for v in villages for key in (v.id.hex, str(v.id), v.id, v.id.bytes)}
    lines = []
    for rid, e in entries.items():
        if rid in residents or not e.label or (e.village_id is None and not scope.covers_own(e.township)):
            continue
        village = village_of.get(e.village_id) if e.village_id is not None else None
        if e.village_id is not None and village is None:
            continue
        if village is not None:
            code, name = village.code, village.name
        else:  # the township's own: its health centre
            code, name = e.township, townships.get(e.township, e.township)
        lines.append(ResidentLine(rid, "", e.label, code, name, "", e.counted, e.reason))
    return lines


def _lines(session: Session, entries: dict, villages: list[VillageRef], group_id) -> list[ResidentLine]:
    """The residents of ``entries`` with their archive number, name, village and group, read in a
    few large queries (ids raw, as the indicators read them)."""
    uid = resident_ids(session)
    village_of = {key: v for v in villages for key in (v.id.hex, str(v.id), v.id, v.id.bytes)}
    group_names = {}
    for gid, name in session.execute(
        select(raw_id(VillageGroup.id), VillageGroup.name).where(
            VillageGroup.village_id.in_([v.id for v in villages])
        )
    ):
        group_names[gid] = name
    lines = []
    ids = list(entries)
    for i in range(0, len(ids), 5000):
        q = select(
            raw_id(Resident.id),
            Resident.archive_no,
            Resident.name,
            raw_id(Resident.village_id),
            raw_id(Resident.group_id),
        ).where(one_of(Resident.id, ids[i : i + 5000]))
        if group_id is not None:
            q = q.where(Resident.group_id == group_id)
        for raw, archive_no, name, vid, gid in rows(session, q):
            village = village_of.get(vid)
            if village is None:
                continue
            e = entries[uid(raw)]
            lines.append(
                ResidentLine(
                    e.resident_id,
                    archive_no,
                    name,
                    village.code,
                    village.name,
                    group_names.get(gid, ""),
                    e.counted,
                    e.reason,
                )
            )
    return lines


@collector.paused()
def monthly_trend(session: Session, key: str, year: int, village_code: str | None = None, today=None):
    """The indicator year-to-date at the end of each month of ``year`` (up to this month when
    ``year`` is the current one): ``[(month, {village id: Figure}, total Figure)]``."""
    ind = get_indicator(key)
    today = today or capture.trusted_today(session)
    last = 12 if year < today.year else (today.month if year == today.year else 0)
    villages = report_villages(session, village_code)
    scope = _scope(session, villages)
    out = []
    session.info.pop(CACHE, None)
    try:  # one cache for all months: the residents are read once
        where = _places(session, scope, villages, ())
        for month in range(1, last + 1):
            end = (dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)
            result = _evaluate_one(session, ind, Period(dt.date(year, 1, 1), end), scope, villages, where)
            out.append((month, result.villages, result.total))
    finally:
        session.info.pop(CACHE, None)
    return out

"""National indicators a township reports (DOMAIN.md "Indicators a township reports").

Each indicator is *declared* once, as an :class:`Indicator`, by the module that owns its
programme (records, chronic diseases, elderly, severe mental disorder, contracts, poverty,
education); the engine in :mod:`app.services.indicators.engine` computes any of them for a
period and a set of villages, and lists the residents behind every number.  Adding a programme's
indicator never touches the engine: declare it with :func:`indicator` in the programme's own
module and list that module in :data:`MODULES`.

The one shape every indicator returns is a stream of :class:`Entry`: each member of the
denominator population, with whether it counts in the numerator and the reason it is in or out
("3 face-to-face visits this year, 4 required").  Numerator, denominator, rate and both drill-down
lists all come from that one stream, so they can never disagree.  While the engine only counts,
an indicator may give the same members as :class:`Counts` (two lists, no reasons).  Indicators
whose denominator is not a list of residents (a population figure entered at the township, e.g.
常住人口) say so with ``denominator_figure`` and yield only the numerator's members.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import NullType

from app.services.errors import Message


@dataclass(frozen=True)
class Period:
    """A reporting period, both ends inclusive."""

    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = dt.date(year, 3 * quarter - 2, 1)
        last = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
        return cls(first, last - dt.timedelta(days=1))

    @classmethod
    def to_quarter(cls, year: int, quarter: int) -> Period:
        """From 1 January to the quarter's end (累计): how a quarter's report is read against the
        year's targets (a quarter alone counts one quarter's yearly checks against a yearly 65%)."""
        return cls(dt.date(year, 1, 1), cls.quarter(year, quarter).end)

    @property
    def from_new_year(self) -> bool:
        """Whether the period starts on 1 January: its figures are the year's so far (a year, or a
        quarter's 累计), which a yearly target (:attr:`Indicator.yearly`) is read against."""
        return (self.start.month, self.start.day) == (1, 1)


@dataclass(frozen=True)
class Scope:
    """Which villages an evaluation covers: ``None`` means every village this store holds.
    ``townships``: the townships whose own work (their health centre's activities) a scope of
    villages covers too — a county's report of one township; a whole store's covers every one."""

    village_ids: frozenset[uuid.UUID] | None = None
    townships: frozenset[str] = frozenset()

    def covers_own(self, township_code: str) -> bool:
        """Whether the township's own figures (keyed by its code) are in this scope."""
        return self.village_ids is None or township_code in self.townships


class Entry(NamedTuple):
    """One resident of an indicator's denominator (or, for a population-figure denominator, of its
    numerator), whether they count in the numerator, and why.  A named tuple, not a dataclass: an
    evaluation of a township makes some 300k of them, and a tuple is built in C (a frozen
    dataclass sets each field through ``object.__setattr__``, four times the cost)."""

    resident_id: uuid.UUID  # or the id of what is counted when it is not a resident (an activity)
    counted: bool
    reason: Message
    # An entry that is not a resident (an activity) has a ``label`` (what its drill-down line names)
    # and belongs to ``village_id``, or with None to the township ``township`` (its code) itself,
    # counted in that township's figure and the total only.  Residents are placed by their record.
    village_id: uuid.UUID | None = None
    label: str = ""
    township: str = ""


class Counts(NamedTuple):
    """What an indicator may return instead of its entries while the engine only counts
    (:func:`wants_reasons` is False) and every member is a resident: the residents and whether
    each counts, as two lists of the same length.  A county's 建档率 has a million members: an
    Entry each is a second of the report."""

    ids: list
    counted: list


Compute = Callable[[Session, Period, Scope], Iterable[Entry] | Counts]


# How an indicator's figure reads (Indicator.unit): a share of a population, or how many were held
# (次) or given out (种) against a yearly minimum.
# PERIODS: a count of the periods (months, two-month periods) with at least one activity: six
# lectures in January are one (健康教育's minimums by period)
RATE, COUNT, KINDS, PERIODS = "rate", "count", "kinds", "periods"
COUNTS = frozenset({COUNT, KINDS, PERIODS})


@dataclass(frozen=True)
class Indicator:
    key: str  # stable, used by the CLI and the JSON output (e.g. "htn_standard")
    name: str  # Simplified Chinese, marked with QT_TRANSLATE_NOOP("Indicator", ...)
    compute: Compute
    target: float | None = None  # a fraction (0.65 for ≥ 65%), from DOMAIN.md's source plans
    programme: str = "records"  # groups the indicators on screens and in the workbook
    denominator_figure: str | None = None  # e.g. "resident_population", "elderly_population"
    order: int = 100  # position within its programme
    extras: dict = field(default_factory=dict)
    unit: str = RATE  # RATE, or one of COUNTS: how many against a yearly minimum
    # What a reader who may not see 严重精神障碍 patients misses of it (Report.withheld): SOME of its
    # figures (they differ from a permitted reader's), ALL (its residents are those patients), or None
    withheld: str | None = None
    # Whose patients it counts, when they are a programme's (htn, t2dm, smi): a person with two
    # records stands by the one under management in it (engine: one_per_person); default programme
    patients_of: str = ""
    # A target the year's figure is held to (each 65+ resident checked once a year): a period that
    # does not start on 1 January (a quarter alone) is given none (its 16% was set against 65%, and
    # every village showed below target); a quarter's 累计 is
    yearly: bool = False

    @property
    def person_rule(self) -> str:
        return self.patients_of or self.programme


SOME, ALL = "some", "all"  # Indicator.withheld


REGISTRY: dict[str, Indicator] = {}

# Denominator figures that are not entered population figures (e.g. the yearly minimum number of
# health-education activities): name -> (label marked in context "Indicator", provider).  A provider
# returns ``{village id: figure}`` for the villages asked for, and under each township's code (a
# str) that township's own figure when the scope is the whole store.
FigureProvider = Callable[[Session, Period, list[uuid.UUID]], dict]
FIGURES: dict[str, tuple[str, FigureProvider]] = {}


def figure(name: str, label: str) -> Callable[[FigureProvider], FigureProvider]:
    """Declare ``provider`` as the denominator figure ``name``."""

    def register(provider: FigureProvider) -> FigureProvider:
        if name in FIGURES:
            raise ValueError(f"figure {name!r} declared twice")
        FIGURES[name] = (label, provider)
        return provider

    return register


# Modules that declare indicators; the engine imports them once before the first evaluation.
MODULES: list[str] = ["app.services.indicators.smi_elderly", "app.services.indicators.services"]


def indicator(
    key: str,
    name: str,
    *,
    target: float | None = None,
    programme: str = "records",
    denominator_figure: str | None = None,
    order: int = 100,
    unit: str = RATE,
    withheld: str | None = None,
    patients_of: str = "",
    yearly: bool = False,
) -> Callable[[Compute], Compute]:
    """Declare ``compute`` as the indicator ``key``.  Keys are unique across the application."""

    def register(compute: Compute) -> Compute:
        if key in REGISTRY:
            raise ValueError(f"indicator {key!r} declared twice")
        REGISTRY[key] = Indicator(
            key,
            name,
            compute,
            target,
            programme,
            denominator_figure,
            order,
            unit=unit,
            withheld=withheld,
            patients_of=patients_of,
            yearly=yearly,
        )
        return compute

    return register


CACHE = "indicator_cache"
COUNTING = "counting"  # set in the cache while the engine only counts (no drill-down list)


def wants_reasons(session: Session) -> bool:
    """Whether the entries' reasons will be read.  The engine's counts never read them, so an
    indicator yielding tens of thousands of entries may give ``reason=None`` then and spare the
    making of each; a drill-down, the workbook and a direct call of ``compute`` always get them."""
    return not session.info.get(CACHE, {}).get(COUNTING, False)


class raw_id(FunctionElement):  # noqa: N801 - used like a function, as SQL functions are
    """A UUID column selected as its 16 bytes (no UUID object per row): with :func:`resident_ids`
    a query of 60k rows builds each resident's UUID once per evaluation, and a ``bytes`` key
    keeps its hash (a driver's UUID object would compute it at every lookup).  SQLite stores the
    bytes; PostgreSQL sends them with ``uuid_send``."""

    type = NullType()  # no result processing: the driver's bytes as they come
    inherit_cache = True


@compiles(raw_id)
def _raw_id_default(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(raw_id, "postgresql")
def _raw_id_postgresql(element, compiler, **kw):
    return f"uuid_send({compiler.process(element.clauses, **kw)})"


_UNKNOWN = uuid.SafeUUID.unknown


class _Id(uuid.UUID):
    """A UUID that remembers its hash: the engine looks residents up in dicts some million times
    an evaluation, and ``UUID.__hash__`` recomputes ``hash(self.int)`` every time.  Equal to, and
    hashing like, the plain UUID of the same value."""

    __slots__ = ("_hash",)

    @classmethod
    def of(cls, raw) -> _Id:
        # Built without UUID.__init__'s parsing (a tenth of the cost): ``raw`` is a stored id,
        # 16 bytes on SQLite, a UUID or its text elsewhere.  The slots are set through their
        # descriptors (UUID forbids setattr): half the cost of object.__setattr__ by name, a
        # million times a county report.
        if isinstance(raw, bytes):
            value = int.from_bytes(raw)
        else:
            value = raw.int if isinstance(raw, uuid.UUID) else int(raw.replace("-", ""), 16)
        obj = _new(cls)
        _set_int(obj, value)
        _set_safe(obj, _UNKNOWN)
        _set_hash(obj, hash(value))
        return obj

    def __hash__(self) -> int:
        return self._hash


_new = object.__new__
_set_int, _set_safe = uuid.UUID.__dict__["int"].__set__, uuid.UUID.__dict__["is_safe"].__set__
_set_hash = _Id.__dict__["_hash"].__set__


def joined_in_scope(q, scope: Scope, resident_column):
    """``q``, a query of residents' entries, kept to ``scope``'s villages: joins the resident only
    when it must."""
    if scope.village_ids is None:
        return q
    from app.models import Resident

    return q.join(Resident, Resident.id == resident_column).where(Resident.village_id.in_(scope.village_ids))


def id_order(rid: uuid.UUID) -> int:
    """Sort key of ids: the order of ``sorted(ids)`` (a UUID compares by ``int``), read in C."""
    return rid.int


def rows(session: Session, statement, *, plain: bool = False):
    """The rows of a column query run on the session's connection (Core): no ORM result
    processing per row, in the session's transaction.  For the indicators' large column reads.
    Pending changes are flushed first, as ``session.execute`` would.  A statement the engine
    started ahead (:func:`read_ahead`) is taken from there.  ``plain``: the caller reads the rows
    by position only, and takes plain tuples where the driver's values need no processing
    (:func:`fetch_plain`)."""
    ahead = session.info.get(CACHE, {}).get(AHEAD)
    if ahead is not None:
        found = ahead.take(statement)
        if found is not None:
            return found
    if session.autoflush and (session.new or session.dirty or session.deleted):
        session.flush()
    if not plain:
        return session.connection().execute(statement).fetchall()  # in C: no call per row
    return fetch_plain(session.connection(), statement)


def fetch_plain(conn, statement) -> list:
    """Every row of ``statement`` run on ``conn``: the driver's own tuples where no column needs
    SQLAlchemy's processing of what the driver gives (PostgreSQL's dates, text, numbers and raw
    ids come from psycopg as they are used), SQLAlchemy's rows otherwise (SQLite's dates, which
    it stores as text).  A Row object per row was a third of the time a county's million
    residents take to read; a plain tuple is read by position only."""
    result = conn.execute(statement)
    if not _driver_values_used_as_they_are(statement, conn.dialect, result.cursor.description):
        return result.fetchall()
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def _driver_values_used_as_they_are(statement, dialect, description) -> bool:
    """Whether SQLAlchemy would give every column of ``statement`` as the driver does (no result
    processor for its type and the driver's type code in ``description``, as SQLAlchemy asks)."""
    columns = getattr(statement, "selected_columns", None)
    return (
        columns is not None
        and description is not None
        and len(columns) == len(description)
        and all(
            c.type.dialect_impl(dialect).result_processor(dialect, d[1]) is None
            for c, d in zip(columns, description, strict=True)
        )
    )


# Reads an evaluation will make, declared by the modules that make them: ``(session, period,
# scope) -> [statement, …]``, each built by the same function the indicator's own read uses.  On PostgreSQL the engine starts them on a second connection, in the snapshot of the
# session's transaction, while its Python works on the residents (a county's report spends a
# third of its time waiting on the server otherwise); :func:`rows` takes each result from there.
AheadReads = Callable[[Session, "Period", "Scope"], list]
AHEAD_READS: list[AheadReads] = []
AHEAD = "ahead"


def read_ahead(reads: AheadReads) -> AheadReads:
    """Declare ``reads``: statements an evaluation runs through :func:`rows`."""
    AHEAD_READS.append(reads)
    return reads


class ReadAhead:
    """Statements run in order on their own connection, in the snapshot of ``session``'s
    transaction.  :meth:`take` of one still waiting withdraws it (the caller runs it itself: no
    waiting behind the others); of one running or done, waits for its rows."""

    def __init__(self, session: Session, statements: list, snapshot: str):
        self._dialect = session.get_bind().dialect
        self._engine = session.get_bind().engine  # (an Engine's is itself)
        self._queue: deque[tuple[Future, object]] = deque()  # the worker's: nothing kept once read
        self._futures: dict[tuple, Future] = {}
        for statement in statements:
            key = self._key(statement)
            if key not in self._futures:
                future: Future = Future()
                self._futures[key] = future
                self._queue.append((future, statement))
        self.declared, self.taken = len(self._queue), 0
        self._snapshot = snapshot
        self._thread = threading.Thread(target=self._run, name="indicator-read-ahead", daemon=True)
        self._thread.start()

    def _key(self, statement) -> tuple:
        compiled = statement.compile(dialect=self._dialect)
        return compiled.string, repr(sorted(compiled.params.items()))

    def _run(self) -> None:
        from sqlalchemy import text

        try:
            with self._engine.connect() as conn:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
                conn.execute(text("SET TRANSACTION READ ONLY"))
                conn.execute(text(f"SET TRANSACTION SNAPSHOT '{self._snapshot}'"))
                while self._queue:
                    future, statement = self._queue.popleft()
                    if not future.set_running_or_notify_cancel():
                        continue  # withdrawn: its reader ran it
                    try:
                        future.set_result(conn.execute(statement).fetchall())
                    except BaseException as exc:  # handed to the reader, who runs it itself
                        future.set_exception(exc)
                conn.rollback()
        except BaseException as exc:  # no connection, or the snapshot is gone: readers run their own
            while self._queue:
                future, _statement = self._queue.popleft()
                if not future.done() and future.set_running_or_notify_cancel():
                    future.set_exception(exc)

    def take(self, statement):
        """The statement's rows, or None: not read ahead (or withdrawn now, or failed there)."""
        future = self._futures.pop(self._key(statement), None)
        if future is None or future.cancel():
            return None
        try:
            found = future.result()
        except Exception:  # the reader runs it on its own connection and meets any error there
            return None
        self.taken += 1
        return found

    def close(self) -> None:
        for future in self._futures.values():
            future.cancel()
        self._thread.join()


def start_reading_ahead(session: Session, period: Period, scope: Scope) -> ReadAhead | None:
    """Start the declared reads (:data:`AHEAD_READS`) of an evaluation, on PostgreSQL, when the
    session's transaction has written nothing (a second connection would not see it); None
    otherwise."""
    from sqlalchemy import text

    if not AHEAD_READS or session.get_bind().dialect.name != "postgresql":
        return None
    if session.new or session.dirty or session.deleted:
        session.flush()
    snapshot, writing = session.execute(text("SELECT pg_export_snapshot(), txid_current_if_assigned()")).one()
    if writing is not None:
        return None
    statements = [statement for reads in AHEAD_READS for statement in reads(session, period, scope)]
    if not statements:
        return None
    ahead = ReadAhead(session, statements, snapshot)
    session.info.setdefault(CACHE, {})[AHEAD] = ahead
    return ahead


def resident_ids(session: Session) -> Callable[[object], uuid.UUID]:
    """Maps a raw id (:func:`raw_id`) to its UUID, the same object for the same id throughout an
    evaluation (the engine's grouping and every indicator share them)."""
    known: dict = session.info.setdefault(CACHE, {}).setdefault("uuids", {})

    def get(raw) -> uuid.UUID:
        u = known.get(raw)
        if u is None:
            u = known[raw] = _Id.of(raw)
        return u

    return get


def is_cached(session: Session, key: tuple) -> bool:
    """Whether this evaluation has already computed :func:`cached`'s ``key``."""
    return key in session.info.get(CACHE, {})


def cached(session: Session, key: tuple, make: Callable[[], object]):
    """What ``make()`` returns, computed once per evaluation: indicators of one programme share
    their population (the patients under management serve both 规范管理率 and 控制率).  The engine
    empties the cache before and after each evaluation, so nothing outlives the data it read."""
    store = session.info.setdefault(CACHE, {})
    if key not in store:
        store[key] = make()
    return store[key]


# What every evaluation reads of each resident, in one query shared by the engine (whose village
# and group a resident is), the record indicators (建档, 电子档案) and the contract indicators
# (在册, 65+): ``resident_rows``.
RESIDENT_FIELDS = ("enrolled_on", "status", "status_date", "id_number", "current_address", "birth_date")
# Where each of RESIDENT_FIELDS sits in a row of ``resident_rows`` (after id, village, group).
RESIDENT_AT = {name: i for i, name in enumerate(RESIDENT_FIELDS, start=3)}
# Fields read only for whether they are filled (电子档案's core): read as that, not as their text
# (a county's million addresses were 1.2 s of the 2.4 s its resident rows take from PostgreSQL).
FILLED_ONLY = frozenset({"current_address"})


def _resident_column(name: str):
    from sqlalchemy import func

    from app.models import Resident

    column = getattr(Resident, name)
    return (func.coalesce(column, "") != "").label(name) if name in FILLED_ONLY else column


def resident_rows(session: Session, scope: Scope) -> list[tuple]:
    """``(id, village raw id, group raw id, *RESIDENT_FIELDS)`` of every resident not voided in
    ``scope``, read once per evaluation; ids as :func:`resident_ids` gives them, the fields of
    :data:`FILLED_ONLY` as whether they are filled."""
    from sqlalchemy import select

    from app.models import Resident

    def load() -> list[tuple]:
        uid = resident_ids(session)
        q = select(
            raw_id(Resident.id),
            raw_id(Resident.village_id),
            raw_id(Resident.group_id),
            *map(_resident_column, RESIDENT_FIELDS),
        ).where(Resident.voided.is_(False))
        if scope.village_ids is not None:
            q = q.where(Resident.village_id.in_(scope.village_ids))
        return [(uid(rid), *rest) for rid, *rest in rows(session, q, plain=True)]

    return cached(session, ("resident_rows", scope), load)

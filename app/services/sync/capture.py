"""Change capture (DESIGN.md, "Change capture").

Every model that declares :class:`~app.models.base.Synced` is logged by one session hook:
``before_flush`` turns each inserted or changed row into a ``change_log`` row, in the same
flush and so in the same transaction as the change itself, and stamps the row's per-field
clocks.  Nothing changes without its log entry; nothing is logged that did not commit.

The hook is attached to the sessions a :class:`~app.db.Store` opens (:func:`attach`), not installed
by importing anything.  It also stamps who did it: ``created_by``/``updated_by`` and the change log's
user come from the session's actor (:mod:`app.services.access.actor`), in this one place.

Bulk writers that go around the ORM (demo data) log their rows themselves with :func:`log_rows`.
Rows from before sync existed keep ``sync_clocks`` NULL; :func:`log_untracked` logs them once,
before the first exchange of an upgraded store, and records that it did.

Clocks are hybrid logical clocks as fixed-width hex text, so that string order is clock order:
12 digits of wall-clock milliseconds, 4 of logical counter, 8 of the device id (the tie-break).

A village PC's clock is often wrong, and a clock far ahead would win every merge for ever.  So the
wall clock a village stamps with is bounded by the township's: never more than a day past the
newest township clock it has seen (:func:`advance` stamps at that bound; a village that never
synced has none), and the day a form calls "today" is bounded the same way (:func:`trusted_today`).
Clocks that did run ahead before a bound was known are stamped again before they leave
(:func:`repair_future_clocks`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import uuid
from dataclasses import dataclass, field
from functools import cache

import orjson
import sqlalchemy as sa
from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Base,
    ChangeLog,
    Peer,
    Profile,
    Resident,
    Setting,
    Synced,
    SyncState,
    Tracked,
    Village,
)
from app.models.base import (
    Clocks,
    KeyedRows,
    Timestamp,
    as_uuid,
    clocks_param,
    clocks_value,
    day_param,
    day_value,
    id_hex,
    id_param,
    ids_in,
    is_day,
    is_id,
    json_text,
    timestamp_param,
    timestamp_value,
)
from app.models.packing import Word
from app.services.access import audit
from app.services.access.actor import actor
from app.services.errors import Message, UserError

log = logging.getLogger(__name__)
EMPTY_CLOCK = ["", ""]  # never written: every real clock is greater
DELETED = "_deleted"  # the field a tombstone sets
BOOKKEEPING = frozenset({"created_at", "created_by", "updated_at", "updated_by"})


# ---------------------------------------------------------------------------- registry


@dataclass
class EntitySpec:
    """What sync needs to know of one synced model, read from its declaration and columns."""

    name: str
    model: type
    table: sa.Table
    fields: tuple[str, ...]  # synced columns (not id, not sync_clocks, not derived)
    children: dict[str, tuple[type, str, tuple[str, ...]]]  # relationship -> (model, fk, fields)
    scope: str
    to_villages: bool = True
    writers: tuple[str, ...] = ("village", "township")  # roles that may write it (``__sync_writers__``)
    column_writers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ``__sync_column_writers__``
    deletable: bool = False  # ``__sync_deletable__``
    # ``__sync_after_made__``, with the stamps every change of a row carries (Tracked)
    after_made: frozenset[str] | None = None
    encode: dict[str, object] = field(default_factory=dict)  # field -> fn(python) -> json
    decode: dict[str, object] = field(default_factory=dict)  # field -> fn(json) -> python
    # field -> fn(json) -> the value SQLAlchemy would store on SQLite (bulk inserts skip the ORM)
    sqlite: dict[str, object] = field(default_factory=dict)
    required: tuple[str, ...] = ()  # NOT NULL columns with no default: a row can't exist without them
    onupdate: tuple[str, ...] = ()  # stamped with the time of every logged change

    def clock(self, clocks: dict | None, name: str) -> list:
        if not clocks:
            return EMPTY_CLOCK
        return clocks.get(name) or clocks.get("_") or EMPTY_CLOCK


def _sqlite_datetime(v):
    """A moment travelling as ISO text, as SQLite stores it (:class:`~app.models.base.Timestamp`:
    microseconds since 1970)."""
    return None if v is None else timestamp_param(v)


def _sqlite_day(v):
    """A date travelling as ISO text, as SQLite stores it (:class:`~app.models.base.Day`: days
    since 1970)."""
    return None if v is None else day_param(v)


def _sqlite_id(v):
    """An id travelling as hex, as SQLite stores it (16 bytes: :func:`~app.models.base.id_param`)."""
    return None if v is None else id_param(v)


def sqlite_param(column: sa.Column):
    """fn(json value) -> what SQLAlchemy would store in ``column`` on SQLite, for rows written
    straight through the driver; None: stored as it travels."""
    t = column.type
    if isinstance(t, (sa.DateTime, Timestamp)):
        return _sqlite_datetime
    if is_day(t):
        return _sqlite_day
    if isinstance(t, Word):
        return t.words.param
    if isinstance(t, Clocks):
        return clocks_param
    if isinstance(t, KeyedRows):
        return t.param
    if isinstance(t, sa.JSON):
        return _sqlite_json
    if is_id(t):
        return _sqlite_id
    return None  # numbers, text and booleans are stored as they travel


def _sqlite_json(value) -> str | None:
    """A JSON value as the store keeps it: None as SQL NULL, as a record made here leaves a field
    never filled (it was JSON ``null`` text on the township: ``insulin IS NULL`` then told the
    two stores apart)."""
    return None if value is None else json_text(value)


def _travel_moment(v, _epoch=dt.datetime(1970, 1, 1), _delta=dt.timedelta) -> str:
    """A moment as SQLite stores it (:class:`~app.models.base.Timestamp`) as it travels: ISO text."""
    if v.__class__ is int:  # microseconds since 1970 (timestamp_value, without its calls)
        return (_epoch + _delta(microseconds=v)).isoformat()
    return timestamp_value(v).isoformat()


def _travel_day(v) -> str:
    """A date as SQLite stores it (:class:`~app.models.base.Day`) as it travels: ISO text."""
    return day_value(v).isoformat()


def sqlite_travel(column: sa.Column):
    """fn(value as SQLite stores it in ``column``, not NULL) -> the value as it travels, for rows
    read straight from the driver (the inverse of :func:`sqlite_param`); None: as stored."""
    t = column.type
    if isinstance(t, (sa.DateTime, Timestamp)):
        return _travel_moment
    if is_day(t):
        return _travel_day
    if isinstance(t, Word):
        return t.words.value
    if isinstance(t, Clocks):
        return clocks_value
    if isinstance(t, KeyedRows):
        return t.value
    if isinstance(t, sa.JSON):
        return orjson.loads
    if is_id(t):
        return id_hex
    if isinstance(t, sa.Boolean):
        return bool  # stored as 0 or 1
    return None  # numbers and text are stored as they travel


def _codec(column: sa.Column):
    t = column.type
    if is_id(t):
        return (lambda v: None if v is None else v.hex), (lambda v: None if v is None else uuid.UUID(v))
    if isinstance(t, (sa.DateTime, Timestamp)):
        return (lambda v: None if v is None else v.isoformat()), (
            lambda v: None if v is None else dt.datetime.fromisoformat(v)
        )
    if is_day(t):
        return (lambda v: None if v is None else v.isoformat()), (
            lambda v: None if v is None else dt.date.fromisoformat(v)
        )
    return (lambda v: v), (lambda v: v)


@cache
def specs() -> dict[str, EntitySpec]:
    """Every synced model, by table name, parents before children (foreign-key order)."""
    models = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)}
    out: dict[str, EntitySpec] = {}
    for table in Base.metadata.sorted_tables:
        model = models.get(table.name)
        if model is None:
            continue
        mapper = inspect(model)
        skip = {"id", "sync_clocks", *model.__sync_exclude__}
        spec = EntitySpec(
            name=table.name,
            model=model,
            table=table,
            fields=tuple(a.key for a in mapper.column_attrs if a.key not in skip),
            children={},
            scope=model.__sync_scope__,
            to_villages=model.__sync_to_villages__,
            writers=tuple(model.__sync_writers__),
            column_writers={k: tuple(v) for k, v in model.__sync_column_writers__.items()},
            deletable=model.__sync_deletable__,
            after_made=None
            if model.__sync_after_made__ is None
            else model.__sync_after_made__ | {"updated_at", "updated_by"},
        )
        for key in spec.fields:
            col = mapper.columns[key]
            spec.encode[key], spec.decode[key] = _codec(col)
            spec.sqlite[key] = sqlite_param(col)
            if not col.nullable and col.default is None and col.server_default is None:
                spec.required += (key,)
            if key in ("updated_at", "updated_by"):
                spec.onupdate += (key,)
        for name in model.__sync_children__:
            rel = mapper.relationships[name]
            child = rel.mapper
            fk = next(iter(rel.remote_side)).key
            fields = tuple(a.key for a in child.column_attrs if a.key not in ("id", fk))
            spec.children[name] = (child.class_, fk, fields)
            spec.encode[name] = spec.decode[name] = lambda v: v
        out[table.name] = spec
    return out


def spec_for(obj) -> EntitySpec:
    return specs()[type(obj).__tablename__]


_DUMPS_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def dumps(value) -> str:
    """A change's JSON: keys sorted, no spaces, Chinese as itself (orjson: an export encodes every
    change it sends, and the standard library's encoder took half of its time)."""
    return orjson.dumps(value, option=_DUMPS_OPTIONS).decode()


def child_rows(spec: EntitySpec, name: str, children) -> list[dict]:
    """A child collection as the one value that travels: its rows without ids, in a fixed order."""
    _model, _fk, fields = spec.children[name]
    rows = [{f: getattr(c, f) if not isinstance(c, dict) else c[f] for f in fields} for c in children]
    return sorted(rows, key=dumps)


# ------------------------------------------------------------------- payloads read from rows
#
# A change that made a row ("b": "") keeps no copy of the row in the change log while the row still
# holds exactly what that change wrote: its clocks are still ``{"_": [the change's clock, ""]}``.
# The values are read from the row when the change is exported (:func:`creation_payloads`).  The
# first write that moves the row's clocks on (an edit here, a change applied from elsewhere, a
# deletion) first writes the row as it was into the change's payload (:func:`keep_creations`), so
# every change still carries the values it made, for relays and conflicts, exactly as before.


def made_by(clocks) -> str | None:
    """The clock of the change that made a row still holding only what it wrote (None otherwise)."""
    if not clocks or len(clocks) != 1:
        return None
    pair = clocks.get("_")
    if not pair or pair[1] != "" or not pair[0]:
        return None
    return pair[0]


def made_rows(conn, spec: EntitySpec, ids: list, kind: type = str) -> dict:
    """``{id: (clock of the change that made the row if it holds only what that change wrote,
    else None; the row's values as that change carries them, as JSON)}`` of stored rows (each id
    as given: a UUID, its hex or the stored bytes), every synced field encoded as it travels
    (children as their one list), the JSON as :func:`dumps` writes it.  On SQLite written by
    SQLite (an export rebuilds 100k changes this way: :func:`_creation_json_sqlite`), elsewhere
    read through the columns' types.  ``kind``: the JSON as text (str) or UTF-8 (bytes)."""
    if conn.dialect.name == "sqlite":
        return _creation_json_sqlite(conn, spec, ids, kind)
    made = {k: (made_by(c), dumps(v)) for k, (c, v) in _row_values_typed(conn, spec, ids).items()}
    return made if kind is str else {k: (c, v.encode()) for k, (c, v) in made.items()}


def _word_in_sql(column: sa.Column, unknown: str) -> str:
    """SQL reading a :class:`Word` column as the words it holds (a known word's two bytes, with
    the vocabulary as it is now; text as it stands); ``unknown``: SQL for a code not in the
    vocabulary."""
    name = column.name
    words = " ".join(
        f"WHEN X'{c.hex()}' THEN '{w.replace(chr(39), chr(39) * 2)}'"
        for w, c in column.type.words.codes().items()
    )
    return f"CASE WHEN typeof({name}) = 'blob' THEN CASE {name} {words} ELSE {unknown} END ELSE {name} END"


def forget_readings() -> None:
    """Forget the SQL that reads rows for exports, made from :func:`specs` (which a migration's
    way down changes for a while: columns added later are gone)."""
    _sqlite_json_reading.cache_clear()


def _row_values_typed(conn, spec: EntitySpec, ids: list) -> dict:
    t = spec.table
    out: dict = {}
    for i in range(0, len(ids), 500):
        given = {as_uuid(x): x for x in ids[i : i + 500]}
        chunk = list(given)
        rows = conn.execute(
            select(t.c.id, t.c.sync_clocks, *(t.c[f] for f in spec.fields)).where(
                ids_in(t.c.id, chunk, conn.dialect.name)
            )
        )
        rows = rows.mappings().all()
        grouped: dict[str, dict] = {}
        for name, (child, fk, _fields) in spec.children.items():
            by_parent: dict = {}
            ct = child.__table__
            for c in conn.execute(select(ct).where(ids_in(ct.c[fk], chunk, conn.dialect.name))).mappings():
                by_parent.setdefault(c[fk], []).append(c)
            grouped[name] = by_parent
        for r in rows:
            values = {f: spec.encode[f](r[f]) for f in spec.fields}
            for name in spec.children:
                values[name] = child_rows(spec, name, grouped[name].get(r["id"], []))
            out[given[r["id"]]] = (r["sync_clocks"] or {}, values)
    return out


# ------------------------------------------------------------ payloads written by SQLite
#
# An export rebuilds 100k changes from their rows.  On SQLite each row's values are written as
# JSON by SQLite itself (``json_object``), exactly as :func:`dumps` writes them from the typed
# read (keys sorted, text escaped the same way): one text a row reaches Python instead of sixty
# values, each converted and dumped there (half of an export's time).  What SQLite cannot write
# exactly as :func:`dumps` does is written by Python, called from the SQL for that value only:
# floating-point numbers (SQLite 3.40 writes 15 digits: 1/3 would lose its last), JSON columns
# (their keys sorted), a visit's drugs (:class:`KeyedRows`), moments before 1970 or stored as text.

_MAX_PAIRS = 60  # json_object takes at most 127 arguments: 63 fields


def _udf_name(column: sa.Column) -> str:
    return f"cy_{column.table.name}_{column.name}"


def _json_in_sql(column: sa.Column, jsonb: bool) -> tuple[str, object]:
    """SQL giving ``column``'s stored value as json_object writes what :func:`dumps` would (NULL:
    null), and the Python function it calls for the values SQLite does not write itself (None:
    none).  The function's name is :func:`_udf_name`.  Values the typed read refuses (a damaged
    store: a blob where text, a number or a day is kept, JSON that is not JSON) are refused.
    ``jsonb``: SQLite from 3.45 on, which reads a blob handed to json_object as its binary JSON
    (before, it refuses it) and JSON5 in json(): those are kept from it."""
    name, t = column.name, column.type
    travel = sqlite_travel(column)
    udf = f"json({_udf_name(column)}({name}))"
    through_python = _number_json if travel is None else _once_per_value(lambda v: dumps(travel(v)))
    blob = f"WHEN 'blob' THEN {udf} " if jsonb else ""
    if is_id(t):  # as lower-case hex (an id left as text by an older version: without its dashes)
        return (
            f"lower(CASE typeof({name}) WHEN 'blob' THEN hex({name}) ELSE replace({name}, '-', '') END)",
            None,
        )
    if is_day(t):  # days since 1970 (Day): the Julian day of 1970-01-01 is 2440587.5
        return (
            f"CASE typeof({name}) WHEN 'integer' THEN date(2440587.5 + {name}) {blob}ELSE {name} END",
            through_python,
        )
    if isinstance(t, (sa.DateTime, Timestamp)):  # microseconds since 1970 as ISO text
        return (
            f"CASE WHEN typeof({name}) = 'integer' AND {name} BETWEEN 0 AND 253402300799999999 THEN "
            f"strftime('%Y-%m-%dT%H:%M:%S', {name} / 1000000, 'unixepoch') || "
            f"CASE WHEN {name} % 1000000 THEN printf('.%06d', {name} % 1000000) ELSE '' END "
            f"WHEN {name} IS NULL THEN NULL ELSE {udf} END",
            through_python,
        )
    if isinstance(t, sa.Boolean):  # 0 and 1; anything else as Python takes it (text "abc" is true)
        return (
            f"CASE {name} WHEN 1 THEN json('true') WHEN 0 THEN json('false') ELSE "
            f"CASE WHEN {name} IS NULL THEN NULL ELSE {udf} END END",
            through_python,
        )
    if isinstance(t, Word):
        return _word_in_sql(column, udf), through_python
    if travel is None and isinstance(t, sa.String):  # text: a column of text affinity holds no numbers
        return (f"CASE typeof({name}) {blob}ELSE {name} END" if jsonb else name), through_python
    if travel is None:  # numbers, stored as they travel; a real written by Python
        return f"CASE typeof({name}) WHEN 'real' THEN {udf} {blob}ELSE {name} END", through_python
    if isinstance(t, sa.JSON):
        # (a number kept as such in a JSON column is read as the number, as the typed read does)
        through_python = _once_per_value(
            lambda v: dumps(orjson.loads(v) if v.__class__ in (str, bytes) else v)
        )
        # a flat list is written again by SQLite as it stands (spaces dropped) when dumps would
        # write it the same: no escape, no NUL, no number but whole ones of up to 15 digits (no
        # "-0", "1.50", "1e+16", none that orjson reads as a real), valid JSON (RFC 8259) where
        # SQLite reads JSON5 too; else by Python (objects: dumps sorts their keys), handed the
        # text as bytes (Python's driver hands a function text only up to a NUL)
        return (
            f"CASE WHEN typeof({name}) = 'text' AND substr({name}, 1, 1) = '[' "
            f"AND instr(substr({name}, 2), '[') = 0 AND instr({name}, '{{') = 0 "
            f"AND instr({name}, '\\') = 0 AND instr({name}, '-0') = 0 "
            f"AND {name} NOT GLOB '*[0-9][.eE]*' AND {name} NOT GLOB '*{'[0-9]' * 16}*' "
            f"AND instr(CAST({name} AS BLOB), X'00') = 0 {f'AND json_valid({name}) ' if jsonb else ''}"
            f"THEN json({name}) WHEN {name} IS NULL THEN NULL "
            f"WHEN typeof({name}) = 'text' THEN json({_udf_name(column)}(CAST({name} AS BLOB))) ELSE {udf} END",
            through_python,
        )
    return f"CASE WHEN {name} IS NULL THEN NULL ELSE {udf} END", through_python


def _once_per_value(fn):
    """``fn`` remembering what it gave for stored text and bytes (a visit's drugs repeat)."""
    memo: dict = {}

    def once(value):
        if value.__class__ is not str and value.__class__ is not bytes:
            return fn(value)
        got = memo.get(value)
        if got is None:
            if len(memo) > 100_000:
                memo.clear()
            got = memo[value] = fn(value)
        return got

    return once


def _number_json(value: float, _memo: dict = {}) -> str:  # noqa: B006 - the memo lives with the function
    """A stored real as :func:`dumps` writes it (a visit's weights and heights repeat; -0.0 equals
    0.0 as a key, so zero is not kept)."""
    if not value:
        return orjson.dumps(value).decode()
    got = _memo.get(value)
    if got is None:
        if len(_memo) > 100_000:
            _memo.clear()
        got = _memo[value] = orjson.dumps(value).decode()
    return got


@cache
def _sqlite_json_reading(entity: str, jsonb: bool) -> tuple[dict, dict]:
    """What :func:`_creation_json_sqlite` reads of ``entity``'s rows: the SELECT (ids to fill in)
    of each row's id, clocks and its values as one or more JSON objects (json_object takes at most
    63 fields), whose keys follow one another in :func:`dumps`'s order, as text and as UTF-8
    bytes (by the type wanted); and the Python functions the SQL calls.  A child collection is
    the JSON list of its rows, each as its JSON, in the order of their text (as
    :func:`child_rows` orders them): an ordered subquery, which SQLite does not flatten into the
    aggregate reading it (its rule 16), gives them in that order."""
    spec = specs()[entity]
    t = spec.table
    functions: dict = {}

    def pair(column: sa.Column) -> str:
        sql, fn = _json_in_sql(column, jsonb)
        if fn is not None:
            functions[_udf_name(column)] = fn
        return f"'{column.name}', {sql}"

    pairs = []
    for key in sorted([*spec.fields, *spec.children]):
        if key not in spec.children:
            pairs.append(pair(t.c[key]))
            continue
        child, fk, fields = spec.children[key]
        ct = child.__table__
        rows = (
            f"SELECT json_object({', '.join(pair(ct.c[f]) for f in sorted(fields))}) AS j FROM {ct.name} "
            f"WHERE {ct.name}.{fk} = {t.name}.id ORDER BY j"
        )
        pairs.append(
            f"'{key}', json('[' || coalesce((SELECT group_concat(j, ',') FROM ({rows})), '') || ']')"
        )
    objects = [
        f"json_object({', '.join(pairs[i : i + _MAX_PAIRS])})" for i in range(0, len(pairs), _MAX_PAIRS)
    ]
    as_text = f"SELECT id, sync_clocks, {', '.join(objects)} FROM {t.name} WHERE id IN "
    blobs = ", ".join(f"CAST({o} AS BLOB)" for o in objects)
    return {str: as_text, bytes: f"SELECT id, sync_clocks, {blobs} FROM {t.name} WHERE id IN "}, functions


def _creation_json_sqlite(conn, spec: EntitySpec, ids: list, kind: type = str) -> dict:
    """``{id: (clock of the change that made the row or None, the row's values as JSON)}`` of
    stored rows, the JSON exactly as ``dumps(values)`` of :func:`_row_values_typed`, as text or
    as its UTF-8 (``kind`` bytes: an export writes them as they come, neither decoded nor encoded
    again)."""
    driver = conn.connection.driver_connection
    info = conn.connection.info
    if (jsonb := info.get("cunyi_jsonb")) is None:  # (SQLCipher's SQLite is another than Python's)
        version = tuple(int(n) for n in driver.execute("SELECT sqlite_version()").fetchone()[0].split("."))
        jsonb = info["cunyi_jsonb"] = version >= (3, 45)
    selects, functions = _sqlite_json_reading(spec.name, jsonb)
    select_sql = selects[kind]
    # once a connection (SQLite refuses to redefine a function while a statement is running)
    registered = info.setdefault("cunyi_json_functions", set())
    if spec.name not in registered:
        for name, fn in functions.items():
            driver.create_function(name, 1, fn, deterministic=True)
        registered.add(spec.name)
    out: dict = {}
    comma = "," if kind is str else b","
    for i in range(0, len(ids), 500):
        # (ids as the change log's driver read gives them: their 16 bytes, taken as they are)
        given = {x if x.__class__ is bytes and len(x) == 16 else id_param(x): x for x in ids[i : i + 500]}
        chunk = tuple(given)
        try:
            rows = driver.execute(f"{select_sql}({', '.join('?' * len(chunk))})", chunk).fetchall()
        except Exception as e:  # (the driver's own error, SQLite's or SQLCipher's)
            raise DamagedRow(spec.name, _first_failing(driver, select_sql, chunk), e) from e
        for row_id, clocks, values, *more in rows:
            for following in more:  # {"a":1} and {"b":2} as {"a":1,"b":2}
                values = values[:-1] + comma + following[1:]
            made = clocks.hex() if clocks.__class__ is bytes else made_by(clocks_value(clocks))
            out[given[row_id]] = (made, values)
        if kind is bytes:  # read as text, the driver refuses what is not UTF-8; read as bytes, here
            _check_utf8(spec.name, [(row_id, out[given[row_id]][1]) for row_id, *_ in rows])
    return out


def _first_failing(driver, select_sql: str, ids: tuple) -> str | None:
    """The id (hex) of the first row of ``ids`` the driver refuses to read, read one by one."""
    for row_id in ids:
        try:
            driver.execute(f"{select_sql}(?)", (row_id,)).fetchall()
        except Exception:  # noqa: BLE001 - the error already raised, for one row now
            return row_id.hex() if isinstance(row_id, bytes) else str(row_id)
    return None


def _check_utf8(table: str, rows: list[tuple[bytes, bytes]]) -> None:
    """Refuse (:class:`DamagedRow`) the first row whose JSON is not UTF-8 (one by one: a third of
    the time of decoding them joined)."""
    for row_id, values in rows:
        try:
            values.decode()
        except UnicodeDecodeError as e:
            raise DamagedRow(table, row_id.hex(), e) from e


class DamagedRow(UserError, ValueError):
    """A stored row whose values cannot travel (a store written by something else than CunYi):
    nothing is written, and the user is told which table (and row, when known), in their language;
    what the driver said (in English) goes to the log for the technician."""

    def __init__(self, table: str, row: str | None, cause: Exception):
        log.warning("a row of %s cannot be exported (%s): %s", table, row or "?", cause)
        where = (
            QT_TRANSLATE_NOOP(
                "Sync",
                "本机数据库中{table}表有一条记录（编号 {row}）已损坏，无法导出，同步包未写出。"
                "请从最近的备份恢复，或请技术人员检查数据库（详见日志）",
            )
            if row
            else QT_TRANSLATE_NOOP(
                "Sync",
                "本机数据库中{table}表有一条记录已损坏，无法导出，同步包未写出。"
                "请从最近的备份恢复，或请技术人员检查数据库（详见日志）",
            )
        )
        super().__init__(Message("Sync", where, {"table": table, "row": row or ""}))


def creation_payloads(conn, wanted: list[tuple[str, object, str]], kind: type = str) -> dict:
    """The payloads of changes kept without one: ``wanted`` holds (entity, row id, clock); returns
    ``{(entity, row id as given): payload}``, as text (``kind`` str) or UTF-8 (bytes).  A row gone
    or written since (which never happens: see :func:`keep_creations`) gives an empty change,
    logged."""
    by_entity: dict[str, list] = {}
    for entity, row_id, _clock in wanted:
        by_entity.setdefault(entity, []).append(row_id)
    rows = {e: made_rows(conn, specs()[e], ids, kind) for e, ids in by_entity.items()}
    start, end, empty = _CREATION[kind]
    out = {}
    for entity, row_id, clock in wanted:
        found = rows[entity].get(row_id)
        if found is None or found[0] != clock:
            log.warning("change %s of %s %s: its row no longer holds what it wrote", clock, entity, row_id)
        out[(entity, row_id)] = start + (found[1] if found else empty) + end
    return out


# The payload of a change that made its row, around the row's values as JSON: as text, as UTF-8
_CREATION = {str: ('{"b":"","v":', "}", "{}"), bytes: (b'{"b":"","v":', b"}", b"{}")}


def _origins_ending(conn, tail: str) -> list:
    """The origins a clock's device suffix may name: this device and every origin held."""
    from app.models import OriginMark

    mine = conn.execute(select(Profile.device_id).where(Profile.id == 1)).scalar()
    held = conn.execute(select(OriginMark.origin)).scalars().all()
    return [o for o in dict.fromkeys([mine, *held]) if o is not None and o.hex.endswith(tail)]


def _creation_seq(conn, origin, clock: str, entity: str, row_id):
    """The seq of ``origin``'s change with ``clock`` that made ``row_id`` and keeps no payload.
    Clocks grow with seqs within an origin: a binary search finds where ``clock`` starts."""
    t = ChangeLog.__table__
    lo, hi = conn.execute(
        select(sa.func.min(t.c.seq), sa.func.max(t.c.seq)).where(t.c.origin == origin)
    ).one()
    if lo is None:
        return None
    hi += 1
    while lo < hi:  # first seq s such that the first change at or after s has a clock >= clock
        mid = (lo + hi) // 2
        h = conn.execute(
            select(t.c.hlc).where(t.c.origin == origin, t.c.seq >= mid).order_by(t.c.seq).limit(1)
        ).scalar()
        if h is not None and h < clock:
            lo = mid + 1
        else:
            hi = mid
    start = lo
    while True:
        page = conn.execute(
            select(t.c.seq, t.c.hlc, t.c.entity, t.c.row_id, t.c.data.is_(None))
            .where(t.c.origin == origin, t.c.seq >= start)
            .order_by(t.c.seq)
            .limit(1000)
        ).all()
        for seq, h, e, r, bare in page:
            if h != clock:
                return None
            if e == entity and r == row_id:
                return seq if bare else None
        if len(page) < 1000:
            return None  # not logged here (a village keeps no log of what it does not relay)
        start = page[-1][0] + 1


def keep_creations(conn, spec: EntitySpec, made: dict) -> int:
    """Before rows are written again: the changes that made them and keep no payload get the rows
    as they are now (``made``: {row id: the clock of the change that made it}).  Returns how many."""
    if not made:
        return 0
    t = ChangeLog.__table__
    rows = made_rows(conn, spec, list(made))
    origins: dict[str, list] = {}
    params = []
    for row_id, clock in made.items():
        found = rows.get(row_id)
        if found is None or found[0] != clock:
            continue
        tail = clock[-8:]
        if tail not in origins:
            origins[tail] = _origins_ending(conn, tail)
        for origin in origins[tail]:
            seq = _creation_seq(conn, origin, clock, spec.name, row_id)
            if seq is not None:
                start, end, _empty = _CREATION[str]
                params.append({"_o": origin, "_s": seq, "_d": start + found[1] + end})
                break
    if params:
        conn.execute(
            update(t)
            .where(t.c.origin == sa.bindparam("_o"), t.c.seq == sa.bindparam("_s"))
            .values(data=sa.bindparam("_d")),
            params,
        )
    return len(params)


# ------------------------------------------------------------------------------- clock

DAY_MS = 86_400_000
STAMPS = ("created_at", "updated_at")  # a row's own times: never ahead of the trusted time
# Setting: the newest wall clock (ms) this device has seen from its township, the time reference
# of a village.  Written by each import of a township bundle; a township never has one.
TOWNSHIP_CLOCK = "sync.township_clock_ms"
# How many days a village's date may run past the township's last known date before its "today"
# stops following the PC: a village syncing by USB stick once a month still enters today's visits,
# a PC a year ahead (or in 2099) does not date visits by its own calendar.
TRUSTED_DAYS_AFTER_SYNC = 31


def wall_ms() -> int:
    """This PC's wall clock, the one source of time of sync and of "today" (tests replace it)."""
    return int(time.time() * 1000)


def day_of(ms: int) -> dt.date:
    """The local calendar day of a wall-clock time in ms (absurd clocks are clipped to the calendar)."""
    try:
        return dt.datetime.fromtimestamp(ms / 1000).date()
    except (OverflowError, OSError, ValueError):
        return dt.date.max if ms > 0 else dt.date.min


def pc_today() -> dt.date:
    """Today as this PC's clock says (which may be wrong: see :func:`trusted_today`)."""
    return day_of(wall_ms())


def hlc_text(ms: int, counter: int, device: uuid.UUID) -> str:
    return f"{ms:012x}{counter:04x}{device.hex[-8:]}"


def same_writer(a: str, b: str) -> bool:
    """Whether two clocks are of one device's writes (the device's tail: :func:`hlc_text`)."""
    return bool(a) and bool(b) and a[-8:] == b[-8:]


def seen_before(clock: str, replaced: str, replaced_base: str) -> str:
    """The base of a write at ``clock`` of a field last written at ``replaced`` (having seen
    ``replaced_base``): the newest write of *another* device it has seen.  That is the value it
    replaces, or, when that value is this device's own earlier write, what that write had seen: a
    device's own edits tell nothing of others' (a township editing a field twice has still not
    seen a village's edit of it that arrives only later, which must be a conflict, not lost)."""
    return replaced_base if same_writer(clock, replaced) else replaced


def has_seen(clock: str, base: str, other: str) -> bool:
    """Whether the write at ``clock`` with ``base`` (:func:`seen_before`) knew of the value written
    at ``other``: a device knows its own earlier writes, and others' up to its base."""
    return bool(other) and (other <= base or (same_writer(clock, other) and other < clock))


def hlc_ms(clock: str) -> int:
    return int(clock[:12], 16) if clock else 0


def township_clock_ms(conn) -> int | None:
    """The newest wall clock this device has seen from its township (None: never synced, or a
    township itself)."""
    value = conn.execute(select(Setting.value).where(Setting.key == TOWNSHIP_CLOCK)).scalar()
    return int(value) if value else None


def newest_clock_ms(conn) -> int:
    """The newest time this device's hybrid clock has reached (its own writes and every clock it
    has received): 0 before its first."""
    return conn.execute(select(SyncState.hlc_ms).where(SyncState.id == 1)).scalar() or 0


# Setting: the newest wall clock (ms) this device has sent its bundles at.  A township is its
# villages' time reference: a village takes its clock, wrong or not, and stamps its writes by it.
TOLD_CLOCK = "sync.told_clock_ms"


def note_township_clock(session: Session, ms: int) -> None:
    """Remember a township clock just received (only ever moves forward)."""
    _note_newest(session, TOWNSHIP_CLOCK, ms)


def note_told_clock(session: Session, ms: int) -> None:
    """Remember the wall clock a bundle of this device is sent at (only ever moves forward)."""
    _note_newest(session, TOLD_CLOCK, ms)


def told_clock_ms(conn) -> int | None:
    """The newest wall clock this device has sent a bundle at (None: never sent one)."""
    value = conn.execute(select(Setting.value).where(Setting.key == TOLD_CLOCK)).scalar()
    return int(value) if value else None


def _note_newest(session: Session, key: str, ms: int) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=str(ms)))
    elif ms > int(row.value or 0):
        row.value = str(ms)


def clock_bound(conn) -> int | None:
    """The latest wall-clock time this device may stamp: a day past the newest township clock it
    has seen, or None (no township clock seen)."""
    town = township_clock_ms(conn)
    return None if town is None else town + DAY_MS


def stamp_now(session: Session) -> dt.datetime:
    """Now (UTC) for what a row says of when it was written — a record's created_at and updated_at,
    an audit entry's ``at``: this PC's clock, as far as this device trusts it — no more than
    :data:`TRUSTED_DAYS_AFTER_SYNC` days past the township's clock at the last sync, the window a
    date typed into a form has (:func:`entry_day`).  Within it the stamps are the PC's own (weeks
    between USB syncs are normal, and a PC running a few days ahead is told by them: the quality
    report's clock check); a PC a year ahead, or in 2099, stamps nothing past it."""
    now = wall_ms()
    with session.no_autoflush:
        town = township_clock_ms(session.connection())
    if town is not None:
        now = min(now, town + TRUSTED_DAYS_AFTER_SYNC * DAY_MS)
    return dt.datetime.fromtimestamp(now / 1000, dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class EntryDay:
    """What "today" may be for a date typed into a form."""

    day: dt.date  # the trusted today
    pc_day: dt.date  # what the PC's calendar says
    township_day: dt.date | None  # the township's date at the last sync (None: never synced)

    @property
    def pc_ahead(self) -> bool:
        """The PC's calendar runs past what the township vouches for."""
        return self.day < self.pc_day


def entry_day(session: Session) -> EntryDay:
    """Today as far as this device can trust it: the PC's date, but never more than
    :data:`TRUSTED_DAYS_AFTER_SYNC` days past the township's date at the last sync, nor before it."""
    pc = pc_today()
    with session.no_autoflush:
        town = township_clock_ms(session.connection())
    if town is None:
        return EntryDay(pc, pc, None)
    town_day = day_of(town)
    limit = town_day + dt.timedelta(days=TRUSTED_DAYS_AFTER_SYNC) if town_day < dt.date.max else town_day
    # A PC behind the township is behind the truth too: dates up to the township's day are real.
    return EntryDay(min(max(pc, town_day), limit), pc, town_day)


def trusted_today(session: Session) -> dt.date:
    """The latest date a visit or record may carry on this device (see :func:`entry_day`)."""
    return entry_day(session).day


def _state(conn) -> sa.Row:
    row = conn.execute(
        select(SyncState.seq, SyncState.hlc_ms, SyncState.hlc_counter).where(SyncState.id == 1)
    ).first()
    if row is None:
        conn.execute(sa.insert(SyncState).values(id=1, seq=0, hlc_ms=0, hlc_counter=0))
        row = conn.execute(select(SyncState.seq, SyncState.hlc_ms, SyncState.hlc_counter)).one()
    return row


def advance(conn, device: uuid.UUID, count: int, *, observed: str = "") -> tuple[int, str]:
    """Take ``count`` sequence numbers and one clock tick.  Returns (first seq - 1, clock).

    The UPDATE comes first so that it takes SQLite's write lock before the read: two writers
    can never be handed the same numbers.  ``observed``: the highest clock just received, which
    the tick must exceed (the HLC receive rule).  The wall clock counts for no more than
    :func:`clock_bound`: a village PC whose clock runs ahead of its township stamps at the bound
    (its edits still follow each other; they just cannot outrank later edits made elsewhere).
    """
    _state(conn)
    conn.execute(update(SyncState).where(SyncState.id == 1).values(seq=SyncState.seq + count))
    seq, last_ms, counter = conn.execute(
        select(SyncState.seq, SyncState.hlc_ms, SyncState.hlc_counter).where(SyncState.id == 1)
    ).one()
    seen_ms = hlc_ms(observed)
    seen_counter = int(observed[12:16], 16) if observed else 0
    wall = wall_ms()
    bound = clock_bound(conn)
    if bound is not None and wall > bound:
        wall = bound
    top = max(last_ms, seen_ms, wall)
    if top == last_ms == seen_ms:
        counter = max(counter, seen_counter) + 1
    elif top == last_ms:
        counter += 1
    elif top == seen_ms:
        counter = seen_counter + 1
    else:
        counter = 0
    if counter > 0xFFFF:
        top, counter = top + 1, 0
    conn.execute(update(SyncState).where(SyncState.id == 1).values(hlc_ms=top, hlc_counter=counter))
    return seq - count, hlc_text(top, counter, device)


def store_role(session: Session) -> str:
    """This store's role (village, township, county), read once per session."""
    role = session.info.get("sync_role")
    if role is None:
        with session.no_autoflush:
            role = session.info["sync_role"] = (
                session.scalar(select(Profile.role).where(Profile.id == 1)) or ""
            )
    return role


def provisional(session: Session, spec: EntitySpec, values: dict) -> list[str]:
    """The columns of ``values`` that this store's role may not write (``__sync_column_writers__``)."""
    if not spec.column_writers:
        return []
    role = store_role(session)
    return [c for c, writers in spec.column_writers.items() if c in values and role and role not in writers]


def device_id(session: Session) -> uuid.UUID | None:
    cached = session.info.get("sync_device")
    if cached is None:
        with session.no_autoflush:
            cached = session.scalar(select(Profile.device_id).where(Profile.id == 1))
        if cached is not None:
            session.info["sync_device"] = cached
    return cached


# ------------------------------------------------------------------------------- scope


def _village_code(session: Session, village_id, pending: dict) -> str:
    cache_ = session.info.setdefault("sync_village_codes", {})
    if village_id not in cache_:
        obj = pending.get((Village, village_id))
        if obj is not None:
            return obj.code
        with session.no_autoflush:
            cache_[village_id] = session.scalar(select(Village.code).where(Village.id == village_id)) or ""
    return cache_[village_id]


def _resident_village(session: Session, resident_id, pending: dict) -> uuid.UUID | None:
    obj = pending.get((Resident, resident_id))
    if obj is not None:
        return obj.village_id
    cache_ = session.info.setdefault("sync_resident_villages", {})
    if resident_id not in cache_:
        with session.no_autoflush:
            cache_[resident_id] = session.scalar(
                select(Resident.village_id).where(Resident.id == resident_id)
            )
    return cache_[resident_id]


def scope_of(session: Session, spec: EntitySpec, values: dict, pending: dict | None = None) -> str:
    """The village (12-digit) or township (9-digit) code a row concerns."""
    pending = pending or {}
    if spec.scope in ("code", "scope_code"):  # the row names its township or village itself
        return values[spec.scope]
    if spec.scope == "village_id":
        return _village_code(session, values["village_id"], pending)
    village = _resident_village(session, values["resident_id"], pending)
    return _village_code(session, village, pending) if village else ""


def row_scope(session: Session, spec: EntitySpec, obj, pending: dict | None = None) -> str:
    """:func:`scope_of` a row object (a model instance) as it stands."""
    values = {
        k: getattr(obj, k) for k in ("code", "scope_code", "village_id", "resident_id") if hasattr(obj, k)
    }
    return scope_of(session, spec, values, pending)


# -------------------------------------------------------------------------------- hook


def _fill_defaults(obj) -> None:
    """Column defaults normally fire inside the INSERT; the log needs the values now."""
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        col = attr.columns[0]
        if attr.key in state.dict or col.default is None:
            continue
        if col.default.is_callable:
            setattr(obj, attr.key, col.default.arg(None))
        elif col.default.is_scalar:
            value = col.default.arg
            setattr(obj, attr.key, value() if callable(value) else value)


def _changed_fields(obj, spec: EntitySpec) -> list[str]:
    state = inspect(obj)
    changed = [f for f in spec.fields if state.attrs[f].history.has_changes()]
    for name in spec.children:
        hist = state.attrs[name].history
        if hist.added or hist.deleted:
            changed.append(name)
    return changed


def _values(obj, spec: EntitySpec, names) -> dict:
    out = {}
    for f in names:
        if f in spec.children:
            out[f] = child_rows(spec, f, getattr(obj, f))
        else:
            out[f] = spec.encode[f](getattr(obj, f))
    return out


def _stamp_new(session: Session) -> dt.datetime | None:
    """Who made a record is the session's actor, whatever the caller put there; when, no later than
    :func:`stamp_now` (an earlier time a caller gives stays: a record typed on paper last week).
    Returns that now, for the flush's other stamps (None: nothing new here)."""
    who, now = actor(session).id, None
    for obj in session.new:
        if isinstance(obj, Tracked) and getattr(obj, "sync_clocks", None) is None:
            if now is None:
                now = stamp_now(session)
            obj.created_by = who
            obj.updated_by = who
            for name in ("created_at", "updated_at"):
                given = getattr(obj, name)
                if given is None or given > now:
                    setattr(obj, name, now)
    return now


def _onupdate(session: Session, name: str, now: dt.datetime):
    return actor(session).id if name == "updated_by" else now


def before_flush(session: Session, _flush_context, _instances) -> None:
    now = _stamp_new(session)
    synced_new = [o for o in session.new if isinstance(o, Synced)]
    synced_dirty = [o for o in session.dirty if isinstance(o, Synced)]
    synced_deleted = [o for o in session.deleted if isinstance(o, Synced)]
    if not (synced_new or synced_dirty or synced_deleted):
        return
    device = device_id(session)
    if device is None:
        return  # before init: rows stay unlogged and are logged before the first export
    changes: list[tuple[object, EntitySpec, dict, dict | None]] = []
    if now is None:
        now = stamp_now(session)
    for obj in synced_new:
        if obj.sync_clocks is not None:
            continue  # made by the merge, or a placeholder with known clocks
        _fill_defaults(obj)
    pending = {(type(o), o.id): o for o in synced_new}
    for obj in synced_new:
        if obj.sync_clocks is None:
            spec = spec_for(obj)
            changes.append((obj, spec, _values(obj, spec, (*spec.fields, *spec.children)), None))
    for obj in synced_dirty:
        spec = spec_for(obj)
        if obj.sync_clocks is None:  # written around the hook, never logged: log it whole
            if _changed_fields(obj, spec):
                for name in spec.onupdate:
                    setattr(obj, name, _onupdate(session, name, now))
                changes.append((obj, spec, _values(obj, spec, (*spec.fields, *spec.children)), None))
            continue
        changed = _changed_fields(obj, spec)
        if not changed:
            continue
        for name in spec.onupdate:
            setattr(obj, name, _onupdate(session, name, now))
            if name not in changed:
                changed.append(name)
        changes.append((obj, spec, _values(obj, spec, changed), {}))
    for obj in synced_deleted:
        changes.append((obj, spec_for(obj), {DELETED: True}, {}))
    if not changes:
        return
    _refuse_read_only(session, changes)
    scopes = _log(session, device, changes, pending)
    # Every change is audited in the same flush; the entries are logged too, so they sync.
    entries = []
    for (obj, spec, values, bases), scope in zip(changes, scopes, strict=True):
        if spec.name == "audit_log":
            continue
        if bases is None:
            action, summary = "create", audit_label(obj)
        elif DELETED in values:
            action, summary = "delete", audit_label(obj)
        else:
            action = "void" if values.get("voided") is True else "update"
            summary = audit.update_summary(audit_label(obj), set(values) - BOOKKEEPING)
        if spec.name == "referral" and DELETED not in values:
            summary = referral_summary(session, obj, bases is None, values)
        entries.append(audit.entry(session, action, spec.name, obj.id, summary, scope=scope or None))
    if entries:
        session.add_all(entries)
        for e in entries:
            _fill_defaults(e)
        spec = specs()["audit_log"]
        _log(session, device, [(e, spec, _values(e, spec, spec.fields), None) for e in entries], pending)


# Roles that hold records only as their senders made them: a county (县级) reads and reports on its
# townships' stores and writes no record of its own (its audit trail excepted), so nothing of
# its own ever has to travel back down.
READ_ONLY_ROLES = ("county",)


def _refuse_read_only(session: Session, changes) -> None:
    if store_role(session) not in READ_ONLY_ROLES:
        return
    if any(spec.name != "audit_log" for _obj, spec, _values, _bases in changes):
        from app.services.access import authz  # (authz reads the profile, which reads the clock here)

        raise authz.county_read_only()


def audit_label(obj) -> str:
    """A few words naming a record in the audit trail."""
    for name in ("archive_no", "name", "code", "visit_date", "address", "record", "year"):
        value = getattr(obj, name, None)
        if value:
            return f"{getattr(obj, 'name', '')} {value}".strip() if name == "archive_no" else str(value)
    return ""


def referral_summary(session: Session, obj, created: bool, values: dict) -> str:
    """A referral's step in the audit trail, naming the patient: ``转诊 到位：罗有才 11010500110100001``
    (an undo back to issued reads ``转诊 撤销到位/不到位``; the id is the entry's entity id)."""
    from app.codes import CODE_LISTS

    if created:
        step = "开具"
    elif "status" in values:
        step = (
            "撤销到位/不到位" if obj.status == "issued" else CODE_LISTS["referral_status"].label(obj.status)
        )
    else:
        step = "修改 " + ", ".join(sorted(set(values) - BOOKKEEPING))
    from app.models import Resident

    with session.no_autoflush:
        who = obj.resident or session.get(Resident, obj.resident_id)
    patient = f"{who.name} {who.archive_no}" if who is not None else ""
    return f"转诊 {step}：{patient}".rstrip("：")


def _log(session: Session, device, changes, pending) -> list[str]:
    """Stamp clocks and write the change log rows for ``changes``; returns their scopes."""
    conn = session.connection()
    made: dict[str, dict] = {}  # rows written again whose making change keeps no payload
    for obj, spec, _v, bases in changes:
        if bases is not None and (clock := made_by(obj.sync_clocks)):
            made.setdefault(spec.name, {})[obj.id] = clock
    for name, rows in made.items():
        keep_creations(conn, specs()[name], rows)
    first, clock = advance(conn, device, len(changes))
    who = actor(session).id
    logs, scopes = [], []
    for i, (obj, spec, values, bases) in enumerate(changes):
        if bases is None:
            obj.sync_clocks = {"_": [clock, ""]}
            # a column this device's role may not write (the township names a village): the value
            # made here is provisional, so the writer's value wins whatever its clock
            for column in provisional(session, spec, values):
                obj.sync_clocks[column] = list(EMPTY_CLOCK)
            # the row holds what this change wrote: read from it when exported (made_by)
            data = None if made_by(obj.sync_clocks) else {"v": values, "b": ""}
        else:
            clocks = dict(obj.sync_clocks or {})
            for f in values:
                bases[f] = seen_before(clock, *spec.clock(clocks, f))
                clocks[f] = [clock, bases[f]]
            if obj not in session.deleted:
                obj.sync_clocks = clocks
            data = {"v": values, "b": bases}
        scopes.append(row_scope(session, spec, obj, pending))
        logs.append(
            ChangeLog(
                origin=device,
                seq=first + i + 1,
                entity=spec.name,
                row_id=obj.id,
                hlc=clock,
                scope=scopes[-1],
                user_id=who,
                data=None if data is None else dumps(data),
                pending=False,
            )
        )
    session.add_all(logs)
    return scopes


def log_written(session: Session, obj, names: list[str]) -> None:
    """Log fields ``names`` of ``obj`` as they stand, as this device's write now (a fresh clock):
    values put in place by other means than the ORM (an import's) that must travel as this
    device's.  The caller flushes."""
    spec = spec_for(obj)
    _log(session, device_id(session), [(obj, spec, _values(obj, spec, names), {})], {})


def attach(session_class: type[Session]) -> None:
    """Capture every flush of sessions of ``session_class`` (the Store's own class; idempotent);
    the audit chain's hooks come first, so each entry is linked before it is logged."""
    audit.attach(session_class)
    if not event.contains(session_class, "before_flush", before_flush):
        event.listen(session_class, "before_flush", before_flush)


# ------------------------------------------------------------------------------ backfill


UNTRACKED_LOGGED = "sync.untracked_logged"  # setting: "1" once rows from before sync are logged


def mark_untracked_logged(session: Session) -> None:
    """A store made by this version has no rows written around the hook: nothing to backfill."""
    if session.get(Setting, UNTRACKED_LOGGED) is None:
        session.add(Setting(key=UNTRACKED_LOGGED, value="1"))


def log_untracked(session: Session, *, batch: int = 2000) -> int:
    """Log every synced row written before sync existed (``sync_clocks`` NULL) as made now, on
    this device, once: later calls return at once.  Returns how many rows were logged."""
    device = device_id(session)
    if device is None:
        return 0
    if session.get(Setting, UNTRACKED_LOGGED) is not None:
        return 0
    conn = session.connection()
    total = 0
    # One query each instead of one per row for the scope of every row.
    session.info.setdefault("sync_village_codes", {}).update(
        conn.execute(select(Village.id, Village.code)).all()
    )
    session.info.setdefault("sync_resident_villages", {}).update(
        conn.execute(select(Resident.id, Resident.village_id)).all()
    )
    for spec in specs().values():
        t = spec.table
        cols = [t.c.id, *(t.c[f] for f in spec.fields)]
        while True:
            rows = conn.execute(select(*cols).where(t.c.sync_clocks.is_(None)).limit(batch)).all()
            if not rows:
                break
            total += _log_bulk(session, device, spec, [r._mapping for r in rows], None)
    mark_untracked_logged(session)
    return total


def log_inserted(session: Session, entity: str, ids: list, *, batch: int = 2000) -> int:
    """Log rows a bulk writer inserted around the ORM (``insert(Model), rows``) as made now by the
    session's actor: their change-log entries and clocks, in the caller's transaction.  The rows are
    read back, so column defaults the insert applied are logged as stored."""
    device = device_id(session)
    if device is None or not ids:
        return 0
    spec = specs()[entity]
    t = spec.table
    cols = [t.c.id, *(t.c[f] for f in spec.fields)]
    total = 0
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        rows = session.connection().execute(select(*cols).where(t.c.id.in_(chunk))).all()
        total += _log_bulk(session, device, spec, [r._mapping for r in rows], None)
    return total


def _log_bulk(session: Session, device, spec: EntitySpec, rows, children: dict | None) -> int:
    conn = session.connection()
    t = spec.table
    if spec.name == "resident":  # the rows that follow (visits, enrolments) find their village here
        session.info.setdefault("sync_resident_villages", {}).update((r["id"], r["village_id"]) for r in rows)
    first, clock = advance(conn, device, len(rows))
    clocks = {"_": [clock, ""]}
    who = actor(session).id
    logs, stamps = [], []
    for i, m in enumerate(rows):
        logs.append(
            {
                "origin": device,
                "seq": first + i + 1,
                "entity": spec.name,
                "row_id": m["id"],
                "hlc": clock,
                "scope": scope_of(session, spec, m),
                "user_id": m.get("updated_by") or m.get("created_by") or who,
                "data": None,  # the row holds what this change wrote (made_by)
                "pending": False,
            }
        )
        stamps.append(m["id"])
    conn.execute(sa.insert(ChangeLog), logs)
    for i in range(0, len(stamps), 500):  # one clock for the whole batch: one UPDATE per 500 rows
        conn.execute(update(t).where(t.c.id.in_(stamps[i : i + 500])).values(sync_clocks=clocks))
    return len(rows)


# ---------------------------------------------------------------------------- clock repair


def _clock_parts(clock: str) -> tuple[int, int]:
    return int(clock[:12], 16), int(clock[12:16], 16)


def repair_future_clocks(session: Session) -> int:
    """Stamp again this device's own changes that were stamped while its clock ran more than a
    day ahead of what it now trusts (the PC said 2099 before it ever synced, and was corrected):
    otherwise every bundle carrying them is refused, and once accepted they would outrank every
    later edit for ever.  Run before an export; returns how many changes were stamped again.

    Only changes no peer has acknowledged are touched: a peer already holding one keeps its clock,
    and then nothing is repaired (a warning is logged).  The new clocks follow every other clock the
    store holds, in the changes' own order; the rows' field clocks and the changes' bases follow,
    and this device's clock comes back to the newest clock the store then holds."""
    device = device_id(session)
    if device is None:
        return 0
    conn = session.connection()
    state = _state(conn)
    ref = max(wall_ms(), township_clock_ms(conn) or 0)
    first_future = f"{ref + DAY_MS + 1:012x}"
    if hlc_text(state.hlc_ms, state.hlc_counter, device) < first_future:
        return 0
    t = ChangeLog.__table__
    future = conn.execute(
        select(t.c.seq, t.c.entity, t.c.row_id, t.c.hlc, t.c.data)
        .where(t.c.origin == device, t.c.hlc >= first_future)
        .order_by(t.c.seq)
    ).all()
    held = max((int((p.acked or {}).get(device.hex, 0)) for p in session.scalars(select(Peer))), default=0)
    if future and future[0].seq <= held:
        log.warning(
            "own changes from seq %s carry clocks from the future and a peer holds them", future[0].seq
        )
        return 0
    # The newest clock held that is not from the future: the new clocks come after it.
    top, stray = "", ""
    own_past = conn.execute(
        select(sa.func.max(t.c.hlc)).where(t.c.origin == device, t.c.hlc < first_future)
    ).scalar()
    top = own_past or ""
    rows_clocks: dict[tuple[str, object], dict] = {}
    touched = {(r.entity, r.row_id) for r in future}
    for spec in specs().values():
        tt = spec.table
        for row_id, clocks in conn.execute(
            select(tt.c.id, tt.c.sync_clocks).where(tt.c.sync_clocks.is_not(None))
        ):
            if (spec.name, row_id) in touched:
                rows_clocks[(spec.name, row_id)] = clocks
            for pair in clocks.values():
                for c in pair:
                    if c < first_future:
                        top = max(top, c)
                    elif (spec.name, row_id) not in touched:
                        stray = max(stray, c)
    ms = max(ref, _clock_parts(top)[0] + 1 if top else 0)
    counter = 0
    mapping: dict[str, str] = {}
    for r in future:
        if r.hlc not in mapping:
            mapping[r.hlc] = hlc_text(ms, counter, device)
            counter += 1
            if counter > 0xFFFF:
                ms, counter = ms + 1, 0
    if future:
        # the rows' times written then (created_at, updated_at) ran ahead as the clocks did: they
        # are moved back together, the latest to the time trusted now (their order and spacing kept:
        # ten visits an hour apart stay so, not ten in one instant), in the rows and in the changes
        # carrying them, so nothing reaches a peer dated in the future (an audit entry keeps its
        # time: its hash holds it)
        ahead = dt.datetime.fromtimestamp((ref + DAY_MS) / 1000, dt.UTC).replace(tzinfo=None)
        now = dt.datetime.fromtimestamp(ref / 1000, dt.UTC).replace(tzinfo=None)
        payloads = {r.seq: json.loads(r.data) for r in future if r.data is not None}
        stamped: dict[str, list] = {}  # entity -> [(id, {column: time ahead})]
        for entity in {e for e, _row in touched}:
            tt = specs()[entity].table
            columns = [tt.c[key] for key in STAMPS if key in tt.c]
            if entity == "audit_log" or not columns:
                continue
            ids = [row for e, row in touched if e == entity]
            for i in range(0, len(ids), 500):
                for row in conn.execute(
                    select(tt.c.id, *columns).where(
                        tt.c.id.in_(ids[i : i + 500]), sa.or_(*(c > ahead for c in columns))
                    )
                ):
                    values = row._mapping
                    late = {c.name: values[c] for c in columns if values[c] and values[c] > ahead}
                    stamped.setdefault(entity, []).append((values[tt.c.id], late))
        carried = [
            (data["v"], key)
            for data in payloads.values()
            if isinstance(data.get("v"), dict)
            for key in STAMPS
            if isinstance(data["v"].get(key), str) and data["v"][key] > ahead.isoformat()
        ]
        latest = max(
            [*(v for rows in stamped.values() for _id, late in rows for v in late.values())]
            + [dt.datetime.fromisoformat(values[key]) for values, key in carried],
            default=None,
        )
        if latest is not None:
            back = latest - now
            for values, key in carried:
                values[key] = (dt.datetime.fromisoformat(values[key]) - back).isoformat(
                    timespec="microseconds"
                )
            for entity, rows in stamped.items():
                tt = specs()[entity].table
                for row_id, late in rows:
                    conn.execute(
                        update(tt).where(tt.c.id == row_id).values({k: v - back for k, v in late.items()})
                    )
        changes = []
        for r in future:
            if r.data is None:  # made a row: no bases, its clock follows below
                changes.append({"_seq": r.seq, "_hlc": mapping[r.hlc], "_data": None})
                continue
            data = payloads[r.seq]
            if isinstance(data.get("b"), dict):
                data["b"] = {k: mapping.get(v, v) for k, v in data["b"].items()}
            changes.append({"_seq": r.seq, "_hlc": mapping[r.hlc], "_data": dumps(data)})
        conn.execute(
            update(t)
            .where(t.c.origin == device, t.c.seq == sa.bindparam("_seq"))
            .values(hlc=sa.bindparam("_hlc"), data=sa.bindparam("_data")),
            changes,
        )
        by_entity: dict[str, list] = {}
        for (entity, row_id), clocks in rows_clocks.items():
            fixed = {k: [mapping.get(c, c) for c in pair] for k, pair in clocks.items()}
            by_entity.setdefault(entity, []).append({"_id": row_id, "_clocks": fixed})
        for entity, params in by_entity.items():
            tt = specs()[entity].table
            conn.execute(
                update(tt).where(tt.c.id == sa.bindparam("_id")).values(sync_clocks=sa.bindparam("_clocks")),
                params,
            )
        top = max(top, *mapping.values())
    if stray:  # received from elsewhere (before imports were bounded): the clock can't go below it
        log.warning("the store holds clocks from the future that are not this device's own: %s", stray)
        top = max(top, stray)
    new_ms, new_counter = _clock_parts(top) if top else (0, 0)
    conn.execute(update(SyncState).where(SyncState.id == 1).values(hlc_ms=new_ms, hlc_counter=new_counter))
    if future:
        log.warning("stamped %s own changes again: their clocks ran ahead of %s", len(future), day_of(ref))
    return len(future)

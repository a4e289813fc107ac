"""Declarative base, naming convention and the column mixins every synced record shares."""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from typing import ClassVar

import orjson
from sqlalchemy import (
    ARRAY,
    JSON,
    Boolean,
    Date,
    DateTime,
    LargeBinary,
    MetaData,
    String,
    Uuid,
    any_,
    bindparam,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator
from uuid6 import uuid7

# alembic batch migrations on SQLite need every constraint named.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> uuid.UUID:
    """Time-ordered UUIDv7 made on this device: unique across devices, index-friendly."""
    return uuid7()


def new_id_hexes(n: int) -> list[str]:
    """``n`` new ids as :func:`new_id` makes them (UUIDv7: this millisecond, then 74 random bits),
    as the hex text ids travel as: for rows written in bulk, at a fraction of the cost of each."""
    head = f"{time.time_ns() // 1_000_000:012x}7"
    rnd = os.urandom(10 * n).hex()
    return [
        f"{head}{rnd[i : i + 3]}{'89ab'[int(rnd[i + 3], 16) & 3]}{rnd[i + 4 : i + 19]}"
        for i in range(0, 20 * n, 20)
    ]


# Organisation rows (township, village, village group) are made on every device that needs
# them, offline: their ids are derived from their codes so every device makes the same row.
ORG_NAMESPACE = uuid.UUID("6f1c4b8e-2d0a-5c7e-9b1f-7a3e5d2c4b60")


def org_id(kind: str, *parts: str) -> uuid.UUID:
    """The same id on every device: ``org_id("village", "110105001101")``."""
    return uuid.uuid5(ORG_NAMESPACE, ":".join((kind, *parts)))


class Id(TypeDecorator):
    """A UUID column stored in 16 bytes: ``BLOB(16)`` on SQLite (the plain ``Uuid`` type stores
    32 characters of hex text there), the native 16-byte ``uuid`` on PostgreSQL.  Python sees
    :class:`uuid.UUID` as before; binds also take the 32-digit hex text ids travel as.

    Code that talks to the SQLite driver directly (no SQLAlchemy binding) converts with
    :func:`id_param` and reads with :func:`id_hex` / :func:`as_uuid`: never with ``.hex``."""

    impl = Uuid
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(LargeBinary(16))
        return dialect.type_descriptor(Uuid())

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "sqlite":
            return id_param(value)
        return value if isinstance(value, uuid.UUID) else as_uuid(value)

    def process_result_value(self, value, dialect):
        if value is None or isinstance(value, uuid.UUID):
            return value
        return as_uuid(value)

    # SQLite: one plain function per value each way (no TypeDecorator layering over LargeBinary's
    # own processors), and UUIDs made without UUID.__init__'s argument parsing: a worklist or a
    # report reads hundreds of thousands of ids.
    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        UUID = uuid.UUID

        def process(value):
            if value is None:
                return None
            if value.__class__ is UUID:
                return value.int.to_bytes(16, "big")
            return id_param(value)

        return process

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        make, put, UUID, from_bytes, unknown = (
            object.__new__,
            object.__setattr__,
            uuid.UUID,
            int.from_bytes,
            uuid.SafeUUID.unknown,
        )

        def process(value):
            if value is None:
                return None
            if value.__class__ is bytes and len(value) == 16:
                u = make(UUID)
                put(u, "int", from_bytes(value, "big"))
                put(u, "is_safe", unknown)
                return u
            return as_uuid(value)

        return process

    def process_literal_param(self, value, dialect):
        if value is None:
            return "NULL"
        if dialect.name == "sqlite":
            return f"X'{id_param(value).hex()}'"
        return f"'{as_uuid(value)}'"

    @property
    def python_type(self):
        return uuid.UUID


def ids_in(column, ids, dialect: str):
    """``column IN ids`` for an id column.  On PostgreSQL ``column = ANY(:ids)`` with the ids as
    one array: the statement is the same whatever their number (compiled once, and no query of
    hundreds of placeholders for the driver to rewrite each time: a sync import's lookups)."""
    if dialect == "postgresql":
        from sqlalchemy import any_, bindparam
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(bindparam(None, [as_uuid(x) for x in ids], type_=ARRAY(Uuid())))
    return column.in_(list(ids))


def is_id(sql_type) -> bool:
    """Whether a column's type holds ids (this type, or a plain ``Uuid`` in old code)."""
    return isinstance(sql_type, (Id, Uuid))


def id_param(value) -> bytes:
    """An id as SQLite stores it (16 bytes), from a UUID, its 32-digit hex text or its bytes:
    for statements sent straight through the driver."""
    if isinstance(value, uuid.UUID):
        return value.bytes
    if isinstance(value, str):
        if len(value) == 32:
            raw = bytes.fromhex(value)  # ValueError for what is not hex
            if len(raw) == 16:  # (fromhex skips spaces: "12 34…" is not an id)
                return raw
            raise ValueError(f"not an id: {value!r}")
        return uuid.UUID(value).bytes
    if isinstance(value, (bytes, bytearray, memoryview)) and len(value) == 16:
        return bytes(value)
    raise ValueError(f"not an id: {value!r}")


def as_uuid(value) -> uuid.UUID | None:
    """A stored or travelling id (16 bytes, hex text, dashed text or a UUID) as a UUID."""
    if value is None or isinstance(value, uuid.UUID):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return uuid.UUID(bytes=bytes(value))
    return uuid.UUID(value)


def typed_id(ref) -> uuid.UUID | None:
    """An id as a person gives it (the command line, a list: dashed or not, spaces around), or
    None when it is none: to look up, never to fail on."""
    if isinstance(ref, uuid.UUID):
        return ref
    try:
        return uuid.UUID(str(ref).strip())
    except ValueError:
        return None


def id_hex(value) -> str | None:
    """A stored id read straight from the driver (16 bytes; hex text or a UUID elsewhere) as
    the 32-digit hex text ids travel as in bundles."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, uuid.UUID):
        return value.hex
    return value.replace("-", "") if isinstance(value, str) else bytes(value).hex()


def json_text(value) -> str:
    """JSON as every JSON column stores it: no spaces, Chinese as UTF-8 (3 bytes a character,
    not a 6-byte ``\\uXXXX`` escape).  The engine's ``json_serializer``; raw driver writes use it
    too.  (orjson: an import writes the JSON of 100k rows; non-string keys become strings, as the
    standard library's encoder made them.)"""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


_HEX = frozenset("0123456789abcdef")


def clocks_param(clocks: dict | None):
    """``sync_clocks`` as SQLite stores it (:class:`Clocks`): a row still as the one write that
    made it (``{"_": [clock, ""]}``, nearly every row) as that clock's 12 bytes, any other
    as JSON text."""
    if clocks is None:
        return None
    if len(clocks) == 1 and (pair := clocks.get("_")) is not None and len(pair) == 2 and pair[1] == "":
        clock = pair[0]
        if isinstance(clock, str) and len(clock) == 24 and _HEX.issuperset(clock):
            return bytes.fromhex(clock)
    return json_text(clocks)


def clocks_value(stored) -> dict | None:
    """``sync_clocks`` as SQLite stored it (:func:`clocks_param`), as Python reads it."""
    if stored is None:
        return None
    if isinstance(stored, bytes):
        return {"_": [stored.hex(), ""]}
    return orjson.loads(stored)


class Clocks(TypeDecorator):
    """The ``sync_clocks`` column (:class:`Synced`): JSON on PostgreSQL; on SQLite the clock
    alone when that says it all (:func:`clocks_param`), 12 bytes instead of 37 of JSON text on
    each of a township's 330k synced rows.  Code that talks to the SQLite driver directly
    converts with :func:`clocks_param` and reads with :func:`clocks_value`."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        return clocks_param

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return clocks_value


class Clock(TypeDecorator):
    """A hybrid logical clock (24 lower-case hex digits, ``capture.hlc_text``; "" for none): as
    text on PostgreSQL, as its 12 bytes on SQLite (the change log's 360k clocks of a township),
    which sort as the text does.  Raw driver writes convert with ``bytes.fromhex``."""

    impl = String(24)
    cache_ok = True

    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        return lambda value: None if value is None else bytes.fromhex(value)

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return lambda value: None if value is None else value.hex() if isinstance(value, bytes) else value


def is_json(t) -> bool:
    """Whether a column type holds JSON (the types here that store it their own way included)."""
    return isinstance(t, JSON) or (isinstance(t, TypeDecorator) and isinstance(t.impl_instance, JSON))


class KeyedRows(TypeDecorator):
    """A JSON list of objects that all carry the same ``keys`` (a visit's drugs): JSON on
    PostgreSQL; on SQLite, when every object has exactly those keys, ``=`` and the list of their
    values (``=[["格列美脲片",1,2]]`` for ``[{"name":"格列美脲片","times_per_day":1,
    "mg_per_time":2}]``: 38 bytes fewer a drug, 11 MB of a township's visits), any other value as
    JSON text (which never starts with ``=``).  Python sees the objects either way.  Code that
    talks to the SQLite driver directly converts with :meth:`param` and reads with :meth:`value`."""

    impl = JSON
    cache_ok = True

    def __init__(self, keys: tuple[str, ...]):
        super().__init__()
        self.keys = tuple(keys)

    def param(self, rows):
        if rows is None:
            return None
        keys = self.keys
        if type(rows) is list and rows and all(type(r) is dict and len(r) == len(keys) for r in rows):
            try:  # (in any order: a merged visit's drugs arrive as their JSON had them)
                return "=" + json_text([[r[k] for k in keys] for r in rows])
            except KeyError:
                pass  # other keys: as JSON
        return json_text(rows)

    def value(self, stored):
        if stored is None:
            return None
        if stored[:1] == "=":
            keys = self.keys
            return [dict(zip(keys, r, strict=True)) for r in orjson.loads(stored[1:])]
        return orjson.loads(stored)

    def bind_processor(self, dialect):
        return self.param if dialect.name == "sqlite" else super().bind_processor(dialect)

    def result_processor(self, dialect, coltype):
        return self.value if dialect.name == "sqlite" else super().result_processor(dialect, coltype)


class id_text(FunctionElement):
    """SQL: an id column as its 32-digit lower-case hex text (how the audit trail names a record):
    ``lower(hex(id))`` on SQLite (16 bytes), the UUID's text without dashes elsewhere."""

    type = String()
    inherit_cache = True
    name = "id_text"


@compiles(id_text, "sqlite")
def _id_text_sqlite(element, compiler, **kw):
    return f"lower(hex({compiler.process(element.clauses, **kw)}))"


@compiles(id_text)
def _id_text_default(element, compiler, **kw):
    return f"replace(lower(CAST({compiler.process(element.clauses, **kw)} AS VARCHAR)), '-', '')"


class one_of(ColumnElement):  # noqa: N801 - used like a function, as column operators are
    """SQL: ``column IN values``, sent on PostgreSQL as one array parameter (``column =
    ANY(:values)``).  A list of thousands of ids is not rendered as that many parameters: compiling
    and sending them cost a township's report on a county store 0.3 s of its 2 s."""

    type = Boolean()
    inherit_cache = False  # the values are part of the statement
    # a condition, as ``IN`` is: no ``= 1`` after it where booleans are not native (SQLite), which
    # would keep SQLite from the index on ``column``
    _is_implicitly_boolean = True

    def __init__(self, column, values):
        values = list(values)
        self.listed = column.in_(values)
        self.array = column == any_(bindparam(None, values, type_=ARRAY(column.type)))

    def get_children(self, **kw):
        return (self.listed,)

    @property
    def _from_objects(self):
        return self.listed._from_objects


@compiles(one_of)
def _one_of_default(element, compiler, **kw):
    return compiler.process(element.listed, **kw)


@compiles(one_of, "postgresql")
def _one_of_postgresql(element, compiler, **kw):
    return compiler.process(element.array, **kw)


_EPOCH = dt.datetime(1970, 1, 1)
_MICROSECOND = dt.timedelta(microseconds=1)


def timestamp_param(value) -> int | None:
    """A timestamp as SQLite stores it (:class:`Timestamp`): whole microseconds since 1970 (UTC),
    from a datetime or its ISO text; for statements sent straight through the driver."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    elif not isinstance(value, dt.datetime):  # a date: its midnight
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:  # as DateTime stored it: the wall time as written
        value = value.replace(tzinfo=None)
    return (value - _EPOCH) // _MICROSECOND


def timestamp_value(stored) -> dt.datetime:
    """A timestamp as SQLite stores it (:func:`timestamp_param`; ISO text from older versions) as
    the naive UTC datetime :class:`Timestamp` reads; for rows read straight from the driver."""
    if stored.__class__ is int:
        return _EPOCH + dt.timedelta(microseconds=stored)
    return dt.datetime.fromisoformat(stored)


class Timestamp(TypeDecorator):
    """A moment (UTC) stored as an integer on SQLite: microseconds since 1970, 8 bytes, not the
    26 characters of ``DateTime``'s text; PostgreSQL keeps its native ``timestamp``.  Python sees
    the same naive UTC datetimes as before, to the microsecond, and comparisons in SQL keep their
    order.  Text written by older versions (or by hand) is still read."""

    impl = DateTime
    cache_ok = True

    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        epoch, unit, datetime = _EPOCH, _MICROSECOND, dt.datetime

        def process(value):
            if value is None:
                return None
            if value.__class__ is datetime and value.tzinfo is None:
                return (value - epoch) // unit
            return timestamp_param(value)

        return process

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        epoch, delta = _EPOCH, dt.timedelta

        def process(value):
            if value is None:
                return None
            if value.__class__ is int:
                return epoch + delta(microseconds=value)
            if isinstance(value, str):
                return dt.datetime.fromisoformat(value)
            return value

        return process

    def process_literal_param(self, value, dialect):
        if value is None:
            return "NULL"
        if dialect.name == "sqlite":
            return str(timestamp_param(value))
        return f"'{value.isoformat(sep=' ')}'"

    @property
    def python_type(self):
        return dt.datetime


_EPOCH_DAY = dt.date(1970, 1, 1).toordinal()


def day_param(value) -> int | None:
    """A date as SQLite stores it (:class:`Day`): days since 1970-01-01 (negative before), from a
    date (a datetime: its day) or its ISO text; for statements sent straight through the driver."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.toordinal() - _EPOCH_DAY


def day_value(stored) -> dt.date | None:
    """A date as SQLite stores it (:func:`day_param`; ISO text from older versions) as the date
    :class:`Day` reads; for rows read straight from the driver."""
    if stored is None or stored.__class__ is dt.date:
        return stored
    if stored.__class__ is int:
        return dt.date.fromordinal(stored + _EPOCH_DAY)
    return dt.date.fromisoformat(stored)


class Day(TypeDecorator):
    """A calendar date stored as an integer on SQLite: days since 1970, 2–3 bytes, not the 10
    characters of ``Date``'s text (a township holds a million of them: visit days, due days,
    birthdays); PostgreSQL keeps its native ``date``.  Python sees the same dates, and
    comparisons and ordering in SQL keep their meaning.  Text written by older versions is still
    read (migration 0024 converts it)."""

    impl = Date
    cache_ok = True

    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        epoch, date = _EPOCH_DAY, dt.date

        def process(value):
            if value is None:
                return None
            if value.__class__ is date:
                return value.toordinal() - epoch
            return day_param(value)  # ISO text; a datetime: its day, as ``Date`` stored it

        return process

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        epoch, from_ordinal = _EPOCH_DAY, dt.date.fromordinal

        def process(value):
            if value is None:
                return None
            if value.__class__ is int:
                return from_ordinal(value + epoch)
            return day_value(value)

        return process

    def process_literal_param(self, value, dialect):
        if value is None:
            return "NULL"
        if dialect.name == "sqlite":
            return str(day_param(value))
        return f"'{value.isoformat()}'"

    @property
    def python_type(self):
        return dt.date


def is_day(sql_type) -> bool:
    """Whether a column's type holds calendar dates (this type, or a plain ``Date`` in old code)."""
    return isinstance(sql_type, (Day, Date))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # every id column: 16 bytes, not 32 hex characters; every moment and every date: an integer
    # on SQLite
    type_annotation_map = {uuid.UUID: Id, dt.datetime: Timestamp, dt.date: Day}


class UUIDPk:
    id: Mapped[uuid.UUID] = mapped_column(Id, primary_key=True, default=new_id)


class Tracked:
    """Who created and last changed a record, and when (UTC)."""

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[uuid.UUID | None] = mapped_column(Id)
    # Stamped by the sync capture hook when a synced row's content changes (not an SQL
    # onupdate: applying another device's change or refreshing derived data is no edit here).
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Id)


class Voidable:
    """Clinical records are never deleted: they are voided with a reason."""

    voided: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str | None] = mapped_column(String(200))


class Synced:
    """A record that travels between devices in change bundles (DESIGN.md, "Change capture").

    Declaring is all a model does to sync: the capture hook logs every insert and update, and
    the merge applies them field by field.

    - ``__sync_scope__``: how to find the village a row concerns, which decides where it is
      relayed: ``"code"`` (the row's own township or village code), ``"village_id"`` or
      ``"resident_id"``.
    - ``__sync_exclude__``: derived columns; never sent, recomputed where the row lands.
    - ``__sync_children__``: one-to-many relationships whose rows have no identity of their
      own (a resident's ticked boxes): they travel as one field holding the whole list.
    - ``__sync_to_villages__``: False for records that travel only towards the township (the
      audit trail, which the township reviews); villages never receive them.
    - ``__sync_writers__``: the roles whose devices may write the record ("village",
      "township").  An import refuses a village's bundle that carries a change to a record its
      role may not write (``exchange.refusal`` reads it; a village writes only its own village's
      rows of the others).
    - ``__sync_column_writers__``: columns whose writers are fewer than the record's, by column
      (the township names a village; the village's PC writes its clinic's contact on the same
      row).  A village's bundle that would change such a column is refused like any other
      overstepping change (``exchange``).
    - ``__sync_deletable__``: True for records a device may delete (their deletion travels as a
      tombstone); clinical records are never deleted, only voided, and a bundle deleting one is
      refused.
    - ``__sync_after_made__``: for a record written whole when it is made (a follow-up visit:
      single-writer; a correction is a new record), the columns that may change afterwards (its
      void, a box filled in later), by any device; None: any column.  A bundle changing another
      column of such a row once made is refused (``exchange``).
    - ``sync_clocks``: per-field clocks, ``{"_": [clock, base], field: [clock, base]}``: the
      hybrid logical clock of the last write of each field (``"_"`` for fields written only
      when the row was made) and the clock that write replaced.
    """

    __sync_scope__: ClassVar[str]
    __sync_exclude__: ClassVar[tuple[str, ...]] = ()
    __sync_children__: ClassVar[tuple[str, ...]] = ()
    __sync_to_villages__: ClassVar[bool] = True
    __sync_writers__: ClassVar[tuple[str, ...]] = ("village", "township")
    __sync_column_writers__: ClassVar[dict[str, tuple[str, ...]]] = {}
    __sync_deletable__: ClassVar[bool] = False
    __sync_after_made__: ClassVar[frozenset[str] | None] = None

    sync_clocks: Mapped[dict | None] = mapped_column(Clocks)

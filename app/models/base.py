"""Declarative base, naming convention and the column mixins every synced record shares."""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from typing import ClassVar

from sqlalchemy import JSON, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
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


def is_id(sql_type) -> bool:
    """Whether a column's type holds ids."""
    return isinstance(sql_type, Uuid)


# Code that talks to the SQLite driver directly (no SQLAlchemy binding: bulk sync writes) converts
# ids with :func:`id_param` and reads them with :func:`id_hex`, never with ``.hex`` or by assuming
# how a ``Uuid`` column stores them: these two are the one place that knows.


def id_param(value) -> str:
    """An id as SQLite stores it in a ``Uuid`` column (32 hex digits), from a UUID or the hex
    text ids travel as in bundles: for statements sent straight through the driver."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, str) and len(value) == 32:
        try:
            if bytes.fromhex(value).hex() == value:  # already canonical: the usual case, checked fast
                return value
        except ValueError:
            pass
    return uuid.UUID(value).hex  # other spellings of an id; anything else raises ValueError


def id_hex(value) -> str | None:
    """An id read straight from the driver (or a UUID) as the 32-digit hex text ids travel as."""
    if value is None or isinstance(value, str):
        return value
    return value.hex


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UUIDPk:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)


class Tracked:
    """Who created and last changed a record, and when (UTC)."""

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # Stamped by the sync capture hook when a synced row's content changes (not an SQL
    # onupdate: applying another device's change or refreshing derived data is no edit here).
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


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
    - ``sync_clocks``: per-field clocks, ``{"_": [clock, base], field: [clock, base]}``: the
      hybrid logical clock of the last write of each field (``"_"`` for fields written only
      when the row was made) and the clock that write replaced.
    """

    __sync_scope__: ClassVar[str]
    __sync_exclude__: ClassVar[tuple[str, ...]] = ()
    __sync_children__: ClassVar[tuple[str, ...]] = ()
    __sync_to_villages__: ClassVar[bool] = True
    __sync_writers__: ClassVar[tuple[str, ...]] = ("village", "township")

    sync_clocks: Mapped[dict | None] = mapped_column(JSON)

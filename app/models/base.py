"""Declarative base, naming convention and the column mixins every synced record shares."""

from __future__ import annotations

import datetime as dt
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


# Organisation rows (township, village, village group) are made on every device that needs
# them, offline: their ids are derived from their codes so every device makes the same row.
ORG_NAMESPACE = uuid.UUID("6f1c4b8e-2d0a-5c7e-9b1f-7a3e5d2c4b60")


def org_id(kind: str, *parts: str) -> uuid.UUID:
    """The same id on every device: ``org_id("village", "110105001101")``."""
    return uuid.uuid5(ORG_NAMESPACE, ":".join((kind, *parts)))


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
    - ``__sync_column_writers__``: columns whose writers are fewer than the record's, by column
      (the township names a village; the village's PC writes its clinic's contact on the same
      row).  A village's bundle that would change such a column is refused like any other
      overstepping change (``exchange``).
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

    sync_clocks: Mapped[dict | None] = mapped_column(JSON)

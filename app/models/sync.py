"""Sync bookkeeping (DESIGN.md, "Change capture" and "Bundles"): the change log, this device's
sequence and clock, trusted peers, per-origin high-water marks, bundles seen, conflicts.

None of these tables sync themselves.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, BigInteger, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Clock, Id, UUIDPk, utcnow
from app.models.packing import PackedText, Word, Words


class ChangeLog(Base):
    """One change of one synced row, as made on its origin device.

    Rows from other devices are kept too: a township relays them to the villages they concern.
    ``data`` is the JSON sent as is: ``{"v": {field: value}, "b": {field: base clock} | ""}``
    (``""``: the row was made, every field's base is empty), or NULL for a change that made its
    row while the row holds nothing newer: its values are read from the row.  ``pending``: received but not
    yet applicable (its row's creation has not arrived); retried after every import.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        # the few changes waiting for their row, not an entry for each of the 360k that are not
        Index(
            "ix_change_log_pending",
            "pending",
            sqlite_where=text("pending IS 1"),  # as ``pending.is_(True)`` is written on SQLite
            postgresql_where=text("pending"),
        ),
        # read by (origin, seq) ranges: the key is the table, no rowid copy beside it
        {"sqlite_with_rowid": False},
    )

    origin: Mapped[uuid.UUID] = mapped_column(Id, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # the table's name: two bytes on SQLite (app.models.packing.Word), 360k times in a township
    entity: Mapped[str] = mapped_column(Word(40, Words(lambda: Base.metadata.tables)))
    row_id: Mapped[uuid.UUID] = mapped_column(Id)
    hlc: Mapped[str] = mapped_column(Clock)
    scope: Mapped[str] = mapped_column(String(12))  # village (12) or township (9) code it concerns
    user_id: Mapped[uuid.UUID | None] = mapped_column(Id)
    # compressed on SQLite (app.models.packing); NULL: the change made its row, which still holds
    # exactly what it wrote and is read when the change is exported (capture.made_by)
    data: Mapped[str | None] = mapped_column(PackedText)
    pending: Mapped[bool] = mapped_column(default=False)


class SyncState(Base):
    """This device's sequence (last seq handed out) and hybrid logical clock.  One row."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    hlc_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    hlc_counter: Mapped[int] = mapped_column(default=0)


class Peer(Base):
    """A device whose public card this device trusts (or trusted: ``revoked_at``)."""

    __tablename__ = "sync_peer"

    device_id: Mapped[uuid.UUID] = mapped_column(Id, primary_key=True)
    role: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(100))
    sign_key: Mapped[str] = mapped_column(String(100))  # Ed25519 public key, base64
    enc_key: Mapped[str] = mapped_column(String(100))  # X25519 public key as an age recipient
    fingerprint: Mapped[str] = mapped_column(String(40))
    trusted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column()
    # What the peer has told us it holds: {origin hex: highest contiguous seq}.
    acked: Mapped[dict] = mapped_column(JSON, default=dict)
    # Our marks as the peer last told us it had them: when they are current, a bundle with
    # no changes in it would tell the peer nothing new and is not written.
    seen_acks: Mapped[dict] = mapped_column(JSON, default=dict)
    # Whose word ``acked`` and ``seen_acks`` are: the sender's store, clock and wall time of the
    # bundle, and its stores heard of before, ``{"db": hex, "clock": hlc, "sent": ms, "dbs": [hex]}``
    # (exchange.latest_word: an older bundle imported late does not speak over a newer one).
    acks_word: Mapped[dict | None] = mapped_column(JSON)
    last_export_at: Mapped[dt.datetime | None] = mapped_column()
    last_import_at: Mapped[dt.datetime | None] = mapped_column()
    clock_skew_ms: Mapped[int | None] = mapped_column(BigInteger)  # peer's clock minus ours, last import


class OriginMark(Base):
    """What this device holds of one other origin's changes: the high-water mark (every seq up
    to ``hw`` is here) and the seq ranges received beyond it, ``[[lo, hi], ...]`` (lo exclusive)."""

    __tablename__ = "sync_origin"

    origin: Mapped[uuid.UUID] = mapped_column(Id, primary_key=True)
    hw: Mapped[int] = mapped_column(BigInteger, default=0)
    ranges: Mapped[list] = mapped_column(JSON, default=list)


class BundleRecord(Base):
    """A bundle written or read: the 同步 page's history, and what makes a second import a no-op."""

    __tablename__ = "sync_bundle"
    __table_args__ = (Index("ix_sync_bundle_bundle_id", "bundle_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[uuid.UUID | None] = mapped_column(Id)
    direction: Mapped[str] = mapped_column(String(10))  # out | in | rejected | skipped
    peer: Mapped[uuid.UUID | None] = mapped_column(Id)
    file_name: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    ops: Mapped[int] = mapped_column(default=0)
    bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    reason: Mapped[str | None] = mapped_column(String(500))


class ImportProgress(Base):
    """A bundle being imported in chunks (exchange.py, "Import"): how far its ops have been
    applied and committed, and its counts so far.  Written with each chunk, deleted in the same
    transaction as the bundle's ``sync_bundle`` row "in": a row here is an import a crash or a kill
    interrupted, which the next import of the same file finishes from ``ops_done``."""

    __tablename__ = "sync_import_progress"

    bundle_id: Mapped[uuid.UUID] = mapped_column(Id, primary_key=True)
    peer: Mapped[uuid.UUID] = mapped_column(Id)
    ops_done: Mapped[int] = mapped_column(BigInteger, default=0)  # ops of the bundle behind us, in order
    counts: Mapped[dict] = mapped_column(JSON, default=dict)  # applied, pending, conflicts, duplicates
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncConflict(UUIDPk, Base):
    """A value that lost a concurrent write (kind ``field``), or two records that look like the
    same person (kind ``duplicate``: same resident ID number in two places).  Reviewed by
    township staff; nothing is ever merged or dropped without them."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_open", "resolved_at"),)

    kind: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(Id)
    field: Mapped[str | None] = mapped_column(String(40))
    kept_value: Mapped[str | None] = mapped_column(Text)  # JSON
    kept_clock: Mapped[str | None] = mapped_column(String(24))
    lost_value: Mapped[str | None] = mapped_column(Text)  # JSON
    lost_clock: Mapped[str | None] = mapped_column(String(24))
    other_id: Mapped[uuid.UUID | None] = mapped_column(Id)  # duplicate: the other record
    detected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column()
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(Id)
    resolution: Mapped[str | None] = mapped_column(String(20))  # kept | lost | superseded | reviewed

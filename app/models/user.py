"""Users and the audit trail.

Passwords are stored only as argon2id hashes.  Users are never deleted: deactivated.
The audit trail is append-only (SQLite triggers refuse UPDATE and DELETE of its content) and
syncs to the township like other records.  Each device's entries form a hash chain
(``services/access/audit.py``), so an edit, a deletion or an insertion made around the triggers is
found by ``cunyi check`` on the device and at the township.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Id, Synced, Tracked, UUIDPk, new_id, utcnow


class User(UUIDPk, Tracked, Base):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))  # village_doctor | township_staff | admin
    active: Mapped[bool] = mapped_column(default=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))  # argon2id; None: cannot log in
    village_code: Mapped[str | None] = mapped_column(String(12))  # a village doctor's village
    # Permissions beyond the role (authz.PERMISSIONS), e.g. "mental_health" (严重精神障碍 records)
    permissions: Mapped[list | None] = mapped_column(JSON, default=list)
    failed_logins: Mapped[int] = mapped_column(default=0)  # since the last successful login
    locked_until: Mapped[dt.datetime | None] = mapped_column()  # growing delay after 5 failures
    last_login_at: Mapped[dt.datetime | None] = mapped_column()


class AuditEntry(Synced, Base):
    """Who did what, where and when.  ``scope_code``: the village (or township) it concerns.

    ``chain_*``: the entry's place in its device's hash chain, set once when the entry is written
    (``audit.chain_hash`` of the content and ``chain_prev``, the hash of the device's entry before
    it); they travel with the entry, so the township verifies each device's chain as it was made."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_user", "username"),
        # Not unique: a store copied around the app (a disk image put back) may repeat numbers;
        # `check` reports that, and sync keeps working.
        Index("ix_audit_log_chain", "device_id", "chain_seq"),
    )
    __sync_scope__ = "scope_code"
    __sync_to_villages__ = False  # reviewed at the township; no village needs another's audit

    id: Mapped[uuid.UUID] = mapped_column(Id, primary_key=True, default=new_id)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Id)
    username: Mapped[str] = mapped_column(String(50))  # "system" for the system account
    device_id: Mapped[uuid.UUID | None] = mapped_column(Id)
    action: Mapped[str] = mapped_column(String(20))  # create update void delete print export import login …
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    summary: Mapped[str | None] = mapped_column(Text)
    scope_code: Mapped[str] = mapped_column(String(12), default="")
    chain_seq: Mapped[int | None] = mapped_column(BigInteger)  # 1, 2, 3 … per device
    chain_prev: Mapped[str | None] = mapped_column(String(64))  # "" for a device's first entry
    chain_hash: Mapped[str | None] = mapped_column(String(64))  # SHA-256, hex

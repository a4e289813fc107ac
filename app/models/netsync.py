"""Network sync bookkeeping of a village (DESIGN.md, "Transport"): where the township's mailbox is,
how the last tries went, and one row per sync run for the 同步 page's history.

Neither table syncs: they describe this PC's link, not records.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class NetSyncState(Base):
    """One row: the mailbox address (and its pinned TLS certificate) and the service's state."""

    __tablename__ = "net_sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    server_url: Mapped[str] = mapped_column(String(300), default="")
    tls_pin: Mapped[str] = mapped_column(String(64), default="")  # SHA-256 of the server's certificate
    last_success_at: Mapped[dt.datetime | None] = mapped_column()
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column()
    next_try_at: Mapped[dt.datetime | None] = mapped_column()
    failures: Mapped[int] = mapped_column(default=0)  # in a row, for the back-off
    last_error: Mapped[str | None] = mapped_column(Text)  # a Message as JSON (translated when shown)


class NetSyncRun(Base):
    """One network sync run: what went up and down, or why it failed."""

    __tablename__ = "net_sync_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column()
    ok: Mapped[bool] = mapped_column(default=False)
    uploaded: Mapped[int] = mapped_column(default=0)  # bundles
    downloaded: Mapped[int] = mapped_column(default=0)
    ops_sent: Mapped[int] = mapped_column(default=0)
    ops_received: Mapped[int] = mapped_column(default=0)
    bytes_up: Mapped[int] = mapped_column(default=0)
    bytes_down: Mapped[int] = mapped_column(default=0)
    # a Message as JSON: why the run failed; of one that went well, what it has to say (说明)
    error: Mapped[str | None] = mapped_column(Text)

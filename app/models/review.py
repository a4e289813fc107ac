"""The township's decisions on its review queue (重复档案, 同步冲突, 未通过校验的档案, 超期转诊).

A decision is written at the township and travels to the village the record belongs to, which
lists what the township changed and why.  Only a township writes them (``__sync_writers__``): a
village's bundle carrying one is refused whole.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Id, Synced, Tracked, UUIDPk


class ReviewDecision(UUIDPk, Tracked, Synced, Base):
    __tablename__ = "review_decision"
    __sync_scope__ = "village_id"
    __sync_writers__ = ("township",)

    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("village.id"), index=True)  # who is told
    kind: Mapped[str] = mapped_column(String(12))  # duplicate | conflict | invalid | referral
    # The reviewed item, stable across devices ("duplicate:<id>:<id>", "conflict:<id>:<row>:<field>",
    # …): a queue item with a decision is closed (a village's own copy of a conflict too:
    # conflicts.close_decided).
    item_key: Mapped[str] = mapped_column(String(120), index=True)
    # The records concerned (no foreign keys: the other half of a duplicate may live in another village).
    resident_id: Mapped[uuid.UUID | None] = mapped_column(Id)
    record: Mapped[str] = mapped_column(String(120))  # "name archive_no", as the township saw it
    other_record: Mapped[str | None] = mapped_column(String(120))
    decision: Mapped[str] = mapped_column(String(20))  # code list review_decision (services/quality/review)
    changes: Mapped[list] = mapped_column(JSON, default=list)  # [{"field": label, "from": …, "to": …}]
    reason: Mapped[str] = mapped_column(String(500))
    decided_by: Mapped[str] = mapped_column(String(50))  # the township officer's name
    decided_on: Mapped[dt.date] = mapped_column()

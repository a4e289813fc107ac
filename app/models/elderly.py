"""Elderly health management (老年人健康管理): one yearly health check of a resident aged 65+.

Values that worklists, indicators and the chronic-disease offer read are real columns (date, blood
pressure, glucose, the self-care assessment); the rest of the form is kept in ``form`` (JSON), keyed
by the field table's keys (``services/programmes/elderly.py``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, Tracked, UUIDPk, Voidable


class ElderlyCheck(UUIDPk, Tracked, Voidable, Synced, Base):
    __tablename__ = "elderly_check"
    __sync_scope__ = "resident_id"
    __table_args__ = (Index("ix_elderly_check_resident_date", "resident_id", "check_date"),)

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    check_date: Mapped[dt.date] = mapped_column(index=True)
    sbp: Mapped[int | None] = mapped_column()
    dbp: Mapped[int | None] = mapped_column()
    glucose: Mapped[float | None] = mapped_column()  # 空腹血糖 mmol/L
    # 生活自理能力评估: the five levels (1 可自理 … 4 不能自理) in the form's order, the score and its level
    selfcare: Mapped[list] = mapped_column(JSON, default=list)
    selfcare_score: Mapped[int | None] = mapped_column()
    selfcare_level: Mapped[str | None] = mapped_column(String(1))
    next_check: Mapped[dt.date | None] = mapped_column()
    doctor: Mapped[str | None] = mapped_column(String(50))
    form: Mapped[dict] = mapped_column(JSON, default=dict)  # the other fields of the form

"""建档立卡贫困户: registration per household, and the per-patient plan (一患一策).

The residents' ``poverty_registered`` flag mirrors their household's registration (written only
by ``services.programmes.poverty``), so the follow-up rules keep reading one flag.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Synced, Tracked, UUIDPk, Voidable
from app.models.resident import Household, Resident


class PovertyHousehold(UUIDPk, Tracked, Voidable, Synced, Base):
    __tablename__ = "poverty_household"
    __sync_scope__ = "village_id"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), unique=True)
    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("village.id"), index=True)
    status: Mapped[str] = mapped_column(String(12))  # poverty_status
    cause: Mapped[str | None] = mapped_column(String(12))  # poverty_cause
    by_illness: Mapped[bool] = mapped_column(default=False)  # 因病致贫
    relapse_by_illness: Mapped[bool] = mapped_column(default=False)  # 因病返贫
    registered_on: Mapped[dt.date] = mapped_column()

    household: Mapped[Household] = relationship()


class PovertyPlan(UUIDPk, Tracked, Voidable, Synced, Base):
    """一患一策: one plan per patient and condition; a new plan for a condition replaces none,
    the latest by ``made_on`` is the current one."""

    __tablename__ = "poverty_plan"
    __sync_scope__ = "resident_id"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), index=True)
    condition: Mapped[str] = mapped_column(String(100))
    track: Mapped[str] = mapped_column(String(8))  # poverty_track
    measures: Mapped[str] = mapped_column(String(1000))
    made_on: Mapped[dt.date] = mapped_column()
    review_on: Mapped[dt.date] = mapped_column(index=True)
    health_check_on: Mapped[dt.date | None] = mapped_column()  # the year's free health check
    doctor: Mapped[str | None] = mapped_column(String(50))
    # written by one who may not see the patient's 严重精神障碍 records: it holds nothing of them,
    # and every reader sees it (poverty.readable_plans); False from devices that do not say
    written_unaware: Mapped[bool] = mapped_column(default=False, server_default=false())

    resident: Mapped[Resident] = relationship()

"""家庭医生签约: one contract record per resident and term; history is kept, never overwritten.

A renewal is a new contract whose ``renewed_from_id`` names the old one (marked ``renewed``); a
termination sets ``status = "ended"`` with its date and reason.  Members of a household signed
together share ``household_batch``.  The resident's ``contract_*`` columns mirror the current
contract (written only by ``services.programmes.contracts``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Id, Synced, Tracked, UUIDPk, Voidable
from app.models.resident import Resident


class FamilyContract(UUIDPk, Tracked, Voidable, Synced, Base):
    __tablename__ = "family_contract"
    __sync_scope__ = "resident_id"
    __table_args__ = (Index("ix_family_contract_resident_start", "resident_id", "start_on"),)

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    team: Mapped[str | None] = mapped_column(String(100))  # 签约团队
    doctor: Mapped[str] = mapped_column(String(50))  # 签约医生
    packages: Mapped[list] = mapped_column(JSON, default=list)  # codes of contract_package
    start_on: Mapped[dt.date] = mapped_column()
    end_on: Mapped[dt.date] = mapped_column(index=True)  # last day covered (inclusive)
    years: Mapped[int] = mapped_column(default=1)
    signature: Mapped[str] = mapped_column(String(8), default="signed")  # contract_signature
    status: Mapped[str] = mapped_column(String(8), default="active")  # contract_status
    ended_on: Mapped[dt.date | None] = mapped_column()
    end_reason: Mapped[str | None] = mapped_column(String(200))
    renewed_from_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("family_contract.id"))
    household_batch: Mapped[uuid.UUID | None] = mapped_column(Id)  # 以户签约: same for the household

    resident: Mapped[Resident] = relationship()

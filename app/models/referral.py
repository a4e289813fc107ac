"""Two-way referrals (双向转诊): issued → arrived (到位) or not (不到位) → returned (回转) with results."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Synced, Tracked, UUIDPk, Voidable
from app.models.resident import Resident


class Referral(UUIDPk, Tracked, Voidable, Synced, Base):
    __tablename__ = "referral"
    __sync_scope__ = "resident_id"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), index=True)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("followup_visit.id"))
    program: Mapped[str | None] = mapped_column(String(8))
    emergency: Mapped[bool] = mapped_column(default=False)
    # 转出: the slip's fields (DOMAIN.md, 双向转诊单)
    from_institution: Mapped[str | None] = mapped_column(String(100))  # issuing clinic (profile, at issue)
    to_institution: Mapped[str] = mapped_column(String(100))
    to_department: Mapped[str | None] = mapped_column(String(50))
    to_doctor: Mapped[str | None] = mapped_column(String(50))
    impression: Mapped[str | None] = mapped_column(String(500))  # 初步印象
    present_history: Mapped[str | None] = mapped_column(String(1000))  # 主要现病史（转出原因）
    past_history: Mapped[str | None] = mapped_column(String(1000))  # 主要既往史
    treatment: Mapped[str | None] = mapped_column(String(1000))  # 治疗经过
    issued_on: Mapped[dt.date] = mapped_column()
    issued_by: Mapped[str | None] = mapped_column(String(50))  # 转诊医生
    issuer_phone: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(
        String(12), default="issued"
    )  # issued | arrived | not_arrived | returned
    status_date: Mapped[dt.date | None] = mapped_column()
    not_arrived_reason: Mapped[str | None] = mapped_column(String(500))  # 不到位: why the patient did not go
    # 回转
    return_record_no: Mapped[str | None] = mapped_column(String(30))  # 住院病案号
    return_diagnosis: Mapped[str | None] = mapped_column(String(500))  # 诊断结果
    return_findings: Mapped[str | None] = mapped_column(String(1000))  # 主要检查结果
    return_plan: Mapped[str | None] = mapped_column(String(1000))  # 治疗经过、下一步治疗方案及康复建议
    return_doctor: Mapped[str | None] = mapped_column(String(50))

    resident: Mapped[Resident] = relationship()

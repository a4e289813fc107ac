"""Severe mental disorder management (严重精神障碍患者管理): the registration's 个人信息补充表 and the
follow-up visits (随访服务记录表, 2018 layout).

The enrolment itself is a :class:`ProgramEnrolment` with ``program = "smi"`` and ``sensitive = True``
(who may see it: ``authz``).  Values that rules, worklists and indicators query are real columns; the
rest of each form is kept in ``form`` (JSON), keyed by the field table's keys
(``services/programmes/smi.py``), so a field is declared once.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Synced, Tracked, UUIDPk, Voidable
from app.models.followup import ProgramEnrolment


class SmiRegistration(UUIDPk, Tracked, Voidable, Synced, Base):
    """严重精神障碍患者个人信息补充表: one per enrolment."""

    __tablename__ = "smi_registration"
    __sync_scope__ = "resident_id"

    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("program_enrolment.id"), index=True)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), index=True)
    diagnosis: Mapped[str] = mapped_column(String(2))  # code list smi_diagnosis
    diagnosis_hospital: Mapped[str | None] = mapped_column(String(100))
    diagnosis_date: Mapped[dt.date | None] = mapped_column()
    consent: Mapped[str] = mapped_column(String(1))  # 1 同意参加管理, 0 不同意
    consent_date: Mapped[dt.date | None] = mapped_column()
    guardian_name: Mapped[str | None] = mapped_column(String(50))
    guardian_phone: Mapped[str | None] = mapped_column(String(20))
    form: Mapped[dict] = mapped_column(JSON, default=dict)  # the other fields of the form

    enrolment: Mapped[ProgramEnrolment] = relationship()


class SmiVisit(UUIDPk, Tracked, Voidable, Synced, Base):
    """One 严重精神障碍患者随访服务记录表.  Single-writer, like the chronic-disease visits."""

    __tablename__ = "smi_visit"
    __sync_scope__ = "resident_id"
    __sync_after_made__ = frozenset({"voided", "void_reason"})  # once made: voided only
    __table_args__ = (Index("ix_smi_visit_enrolment_date", "enrolment_id", "visit_date"),)

    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("program_enrolment.id"))
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), index=True)
    visit_date: Mapped[dt.date] = mapped_column()
    method: Mapped[str] = mapped_column(String(1), default="1")  # 1 门诊 2 家庭访视 3 电话
    outcome: Mapped[str] = mapped_column(String(8), default="done")  # done | lost (失访) | died
    lost_reason: Mapped[str | None] = mapped_column(String(1))
    death_date: Mapped[dt.date | None] = mapped_column()
    death_cause: Mapped[str | None] = mapped_column(String(1))
    danger: Mapped[int | None] = mapped_column()  # 危险性评估 0–5
    insight: Mapped[str | None] = mapped_column(String(1))
    classification: Mapped[int | None] = mapped_column()  # 1 不稳定 2 基本稳定 3 稳定
    classification_suggested: Mapped[int | None] = mapped_column()
    referral_suggested: Mapped[bool] = mapped_column(default=False)
    next_due: Mapped[dt.date | None] = mapped_column()
    next_due_suggested: Mapped[dt.date | None] = mapped_column()
    overridden: Mapped[bool] = mapped_column(default=False)
    doctor: Mapped[str | None] = mapped_column(String(50))
    correction_of: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("smi_visit.id"))
    form: Mapped[dict] = mapped_column(JSON, default=dict)  # the other fields of the form

    enrolment: Mapped[ProgramEnrolment] = relationship()

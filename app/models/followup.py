"""Chronic-disease management: programme enrolment and follow-up visits (高血压, 2型糖尿病).

Values that reports and worklists query (dates, blood pressure, glucose, classification,
next due) are real columns; lists of the form (symptoms, drugs) are JSON.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, KeyedRows, Synced, Tracked, UUIDPk, Voidable
from app.models.resident import Resident


class ProgramEnrolment(UUIDPk, Tracked, Voidable, Synced, Base):
    """A resident under management for one programme (在管 / 失访 / 迁出 / 死亡 / 终止)."""

    __tablename__ = "program_enrolment"
    __sync_scope__ = "resident_id"
    __sync_exclude__ = (
        "last_visit",
        "next_due",
        "last_sbp",
        "last_dbp",
        "last_glucose",
        "last_classification",
        "face_to_face_year",
        "face_to_face",
    )
    __table_args__ = (Index("ix_program_enrolment_resident_program", "resident_id", "program"),)

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    program: Mapped[str] = mapped_column(String(8))  # htn | t2dm
    diagnosed_on: Mapped[dt.date | None] = mapped_column()
    enrolled_on: Mapped[dt.date] = mapped_column()
    enrolling_doctor: Mapped[str | None] = mapped_column(String(50))
    responsible_doctor: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(1), default="1")  # code list program_status
    status_date: Mapped[dt.date | None] = mapped_column()
    status_reason: Mapped[str | None] = mapped_column(String(200))
    # Sensitive programmes (严重精神障碍): only the responsible doctor and public-health staff
    # (township) may see the enrolment and its visits; checked by the services (authz).
    sensitive: Mapped[bool] = mapped_column(default=False)

    # Summary of the visits, for worklists (a township has 10k patients and 200k+ visits).
    # Derived data: kept by followup.refresh_summary in the same transaction as every visit
    # written here or applied by sync; never edited by hand.
    last_visit: Mapped[dt.date | None] = mapped_column()
    next_due: Mapped[dt.date | None] = mapped_column(index=True)
    last_sbp: Mapped[int | None] = mapped_column()
    last_dbp: Mapped[int | None] = mapped_column()
    last_glucose: Mapped[float | None] = mapped_column()
    last_classification: Mapped[int | None] = mapped_column()
    face_to_face_year: Mapped[int | None] = mapped_column()  # the year face_to_face counts
    face_to_face: Mapped[int] = mapped_column(default=0)  # 门诊/家庭 visits in that year

    resident: Mapped[Resident] = relationship()


DRUG_KEYS = ("name", "times_per_day", "mg_per_time")  # a drug of 用药情况, stored and travelling


class FollowupVisit(UUIDPk, Tracked, Voidable, Synced, Base):
    """One 随访服务记录表 entry.  Single-writer: only the creating device edits it."""

    __tablename__ = "followup_visit"
    __sync_scope__ = "resident_id"
    # once made: voided, or its 转诊 box filled by a referral issued from it (referral._mark_visit)
    __sync_after_made__ = frozenset(
        {"voided", "void_reason", "referral_institution", "referral_department", "referral_reason"}
    )
    __table_args__ = (
        # the one index: an enrolment's visits are read through its resident's (refresh_summary)
        Index("ix_followup_visit_resident_program_date", "resident_id", "program", "visit_date"),
    )

    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("program_enrolment.id"))
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    program: Mapped[str] = mapped_column(String(8))
    visit_date: Mapped[dt.date] = mapped_column()
    method: Mapped[str] = mapped_column(String(1), default="1")  # 1 门诊 2 家庭 3 电话
    outcome: Mapped[str] = mapped_column(String(8), default="done")  # done | lost (失访) | died
    lost_reason: Mapped[str | None] = mapped_column(String(200))
    death_date: Mapped[dt.date | None] = mapped_column()
    death_cause: Mapped[str | None] = mapped_column(String(200))
    correction_of: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("followup_visit.id"))

    symptoms: Mapped[list] = mapped_column(JSON, default=list)
    symptom_other: Mapped[str | None] = mapped_column(String(200))
    sbp: Mapped[int | None] = mapped_column()
    dbp: Mapped[int | None] = mapped_column()
    heart_rate: Mapped[int | None] = mapped_column()
    weight: Mapped[float | None] = mapped_column()
    weight_target: Mapped[float | None] = mapped_column()
    height: Mapped[float | None] = mapped_column()
    bmi: Mapped[float | None] = mapped_column()
    bmi_target: Mapped[float | None] = mapped_column()
    foot_pulse: Mapped[str | None] = mapped_column(String(8))
    smoking: Mapped[int | None] = mapped_column()
    smoking_target: Mapped[int | None] = mapped_column()
    alcohol: Mapped[float | None] = mapped_column()
    alcohol_target: Mapped[float | None] = mapped_column()
    exercise_times: Mapped[int | None] = mapped_column()
    exercise_times_target: Mapped[int | None] = mapped_column()
    exercise_minutes: Mapped[int | None] = mapped_column()
    exercise_minutes_target: Mapped[int | None] = mapped_column()
    salt: Mapped[str | None] = mapped_column(String(1))
    salt_target: Mapped[str | None] = mapped_column(String(1))
    staple_food: Mapped[int | None] = mapped_column()
    staple_food_target: Mapped[int | None] = mapped_column()
    psychology: Mapped[str | None] = mapped_column(String(1))
    compliance: Mapped[str | None] = mapped_column(String(1))
    glucose: Mapped[float | None] = mapped_column()
    hba1c: Mapped[float | None] = mapped_column()
    hba1c_date: Mapped[dt.date | None] = mapped_column()
    auxiliary_exam: Mapped[str | None] = mapped_column(String(500))
    adherence: Mapped[str | None] = mapped_column(String(1))
    adverse_reaction: Mapped[bool] = mapped_column(default=False)
    adverse_text: Mapped[str | None] = mapped_column(String(200))
    complication: Mapped[bool] = mapped_column(default=False)
    hypoglycaemia: Mapped[str | None] = mapped_column(String(1))
    drugs: Mapped[list] = mapped_column(KeyedRows(DRUG_KEYS), default=list)
    # (None as SQL NULL, as a merge writes it: JSON null text on the PC that typed it told the two apart)
    insulin: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))  # {"type", "dosage"}
    provincial: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))  # optional provincial fields

    classification: Mapped[int | None] = mapped_column()
    classification_suggested: Mapped[int | None] = mapped_column()
    emergency_reasons: Mapped[list] = mapped_column(JSON, default=list)
    referral_suggested: Mapped[bool] = mapped_column(default=False)
    referral_reason: Mapped[str | None] = mapped_column(String(200))
    referral_institution: Mapped[str | None] = mapped_column(String(100))
    referral_department: Mapped[str | None] = mapped_column(String(50))
    # Worklists read the enrolment's next_due (the summary): no query looks up visits by it.
    next_due: Mapped[dt.date | None] = mapped_column()
    next_due_suggested: Mapped[dt.date | None] = mapped_column()
    overridden: Mapped[bool] = mapped_column(default=False)  # the doctor changed the suggestion
    doctor: Mapped[str | None] = mapped_column(String(50))

    enrolment: Mapped[ProgramEnrolment] = relationship()

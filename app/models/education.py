"""健康教育活动记录表 and its archived materials (photos, sign-in sheets).

Attachments hold their bytes in the database (base64 text, size-limited, type checked by content)
so change bundles and backups carry them with no file protocol of their own.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Synced, Tracked, UUIDPk, Voidable


class EducationActivity(UUIDPk, Tracked, Voidable, Synced, Base):
    __tablename__ = "education_activity"
    __sync_scope__ = "scope_code"
    __table_args__ = (Index("ix_education_activity_code_date", "scope_code", "held_on"),)

    scope_code: Mapped[str] = mapped_column(String(12))  # the village or township that held it
    held_on: Mapped[dt.date] = mapped_column()  # 活动时间
    place: Mapped[str] = mapped_column(String(100))  # 活动地点
    form: Mapped[str] = mapped_column(String(1))  # 活动形式 (education_form)
    topic: Mapped[str] = mapped_column(String(100))  # 活动主题
    organiser: Mapped[str | None] = mapped_column(String(100))  # 组织者
    audience_kind: Mapped[str | None] = mapped_column(String(100))  # 接受健康教育人员类别
    audience_count: Mapped[int] = mapped_column(default=0)  # 接受健康教育人数
    materials: Mapped[str | None] = mapped_column(String(500))  # 资料发放种类及数量
    material_kinds: Mapped[int] = mapped_column(default=0)  # how many kinds (counts toward ≥ 12)
    content: Mapped[str | None] = mapped_column(Text)  # 活动内容
    evaluation: Mapped[str | None] = mapped_column(Text)  # 活动总结评价
    resident_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("resident.id"))  # 个体化: who

    attachments: Mapped[list[EducationAttachment]] = relationship(
        back_populates="activity", order_by="EducationAttachment.created_at"
    )


class EducationAttachment(UUIDPk, Tracked, Voidable, Synced, Base):
    __tablename__ = "education_attachment"
    __sync_scope__ = "scope_code"

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("education_activity.id"), index=True)
    scope_code: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(8))  # photo | signin | material
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(
        String(40)
    )  # from the content: image/jpeg, image/png, application/pdf
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    data_b64: Mapped[str] = mapped_column(Text)

    activity: Mapped[EducationActivity] = relationship(back_populates="attachments")

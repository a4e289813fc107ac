"""Households and residents: the 居民健康档案 cover and 个人基本信息表."""

from __future__ import annotations

import datetime as dt
import time
import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, PrimaryKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Id, Synced, Tracked, UUIDPk, Voidable
from app.models.org import Village, VillageGroup
from app.models.packing import Word, Words

ON_REGISTER = "1"  # resident_status 在册 (2 迁出, 3 死亡: the record stays, closed)


def on_register(r):
    """SQL: the resident ``r`` (the model or an alias of it) is live and 在册."""
    return r.voided.is_(False) & (r.status == ON_REGISTER)


class Household(UUIDPk, Tracked, Voidable, Synced, Base):
    """户: the unit residents are enrolled by."""

    __tablename__ = "household"
    __sync_scope__ = "village_id"
    __sync_deletable__ = True  # (a household with nobody in it, made by mistake)

    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("village.id"), index=True)
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("village_group.id"))
    address: Mapped[str | None] = mapped_column(String(200))

    village: Mapped[Village] = relationship()
    group: Mapped[VillageGroup | None] = relationship()
    members: Mapped[list[Resident]] = relationship(
        back_populates="household", order_by="Resident.relation_to_head"
    )


class Resident(UUIDPk, Tracked, Voidable, Synced, Base):
    __tablename__ = "resident"
    __sync_scope__ = "village_id"
    __sync_exclude__ = ("name_pinyin",)
    __sync_children__ = ("choices",)
    __table_args__ = (
        Index("ix_resident_village_archive", "village_id", "archive_no"),
        # Covering index: a name-substring scan reads this, not the wide rows.
        Index("ix_resident_name_id", "name", "id"),
    )

    # ---- cover (封面) ----
    archive_no: Mapped[str] = mapped_column(String(17), unique=True)  # 健康档案编号
    name: Mapped[str] = mapped_column(String(50))
    current_address: Mapped[str | None] = mapped_column(String(200))  # 现住址
    registered_address: Mapped[str | None] = mapped_column(String(200))  # 户籍地址
    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("village.id"))
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("village_group.id"), index=True)  # 村民小组
    enrolling_unit: Mapped[str | None] = mapped_column(String(100))  # 建档单位
    enrolled_by: Mapped[str | None] = mapped_column(String(50))  # 建档人
    responsible_doctor: Mapped[str | None] = mapped_column(String(50))  # 责任医生
    enrolled_on: Mapped[dt.date] = mapped_column()  # 建档日期

    # ---- 个人基本信息表 ----
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date] = mapped_column()
    id_type: Mapped[str] = mapped_column(String(2), default="1")
    id_number: Mapped[str | None] = mapped_column(String(30), index=True)
    workplace: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    contact_name: Mapped[str | None] = mapped_column(String(50))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    residence_type: Mapped[str | None] = mapped_column(String(1))
    ethnicity: Mapped[str | None] = mapped_column(String(2))
    blood_abo: Mapped[str | None] = mapped_column(String(1))
    blood_rh: Mapped[str | None] = mapped_column(String(1))
    education: Mapped[str | None] = mapped_column(String(2))
    occupation: Mapped[str | None] = mapped_column(String(1))
    marital: Mapped[str | None] = mapped_column(String(1))
    genetic_disease: Mapped[str | None] = mapped_column(String(100))  # 遗传病史: None = not asked, "" = 无
    has_genetic_disease: Mapped[bool | None] = mapped_column()
    kitchen_exhaust: Mapped[str | None] = mapped_column(String(1))
    fuel: Mapped[str | None] = mapped_column(String(1))
    water: Mapped[str | None] = mapped_column(String(1))
    toilet: Mapped[str | None] = mapped_column(String(1))
    livestock: Mapped[str | None] = mapped_column(String(1))

    # ---- beyond the form ----
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    relation_to_head: Mapped[str] = mapped_column(String(1), default="0")
    poverty_registered: Mapped[bool] = mapped_column(default=False)  # 建档立卡贫困户
    contract_signed_on: Mapped[dt.date | None] = mapped_column()  # 家庭医生签约
    contract_doctor: Mapped[str | None] = mapped_column(String(50))
    contract_years: Mapped[int | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(1), default=ON_REGISTER)  # 在册 / 迁出 / 死亡
    status_date: Mapped[dt.date | None] = mapped_column()

    # Sort key for lists: full pinyin of the name, kept in sync by the enrolment service.
    name_pinyin: Mapped[str] = mapped_column(String(200), default="", index=True)

    village: Mapped[Village] = relationship()
    group: Mapped[VillageGroup | None] = relationship()
    household: Mapped[Household] = relationship(back_populates="members")
    choices: Mapped[list[ResidentChoice]] = relationship(
        back_populates="resident",
        cascade="all, delete-orphan",
        order_by=lambda: (ResidentChoice.field, ResidentChoice.id),
    )

    def choice_codes(self, field: str) -> list[str]:
        return [c.code for c in self.choices if c.field == field and c.code]

    @property
    def archive_short(self) -> str:
        """The last 8 digits as printed on the inner forms: ``□□□-□□□□□``."""
        return f"{self.archive_no[9:12]}-{self.archive_no[12:]}"


_CHOICE_EPOCH = 1_767_225_600  # 2026-01-01 UTC
_last_choice_id = 0


def new_choice_id(above: int = 0) -> int:
    """A ticked box's key among its resident's boxes: increasing, so boxes read back in the order
    they were ticked, and unique (seconds since 2026 times 65,536, or one more than the last
    handed out here): 6 bytes stored for the next 68 years, no counter kept in the store.
    ``above``: the highest key the resident's boxes hold now.  A saved form's boxes replace the
    old ones, whose rows go after the new are written: another process (or this PC with its clock
    set back) may have handed out the same keys, so the new start above the old."""
    global _last_choice_id
    _last_choice_id = max(_last_choice_id + 1, int(time.time() - _CHOICE_EPOCH) << 16, above + 1)
    return _last_choice_id


def choice_words() -> list[str]:
    """Every field name a ticked box of this version can carry (:class:`ResidentChoice`), from
    the code lists built in (a province's ``codes.json`` adjusts codes, never field names)."""
    from app.codes import BUILT_IN

    lists = {cl.name: cl for cl in BUILT_IN}
    return [
        *(cl.name for cl in BUILT_IN if cl.multi),
        *(f"family_{c.code}" for c in lists["relative"].codes),
        *(f"history_{c.code}" for c in lists["history_event"].codes),
    ]


class ResidentChoice(Base):
    """One ticked box of a multi-choice field of the personal form, queryable by field and code.

    field is a code-list name (payment, allergy, exposure, past_disease, disability), or
    ``family_<relative>`` for family history, or ``history_<event>`` (surgery, trauma,
    transfusion) where ``note`` is the name and ``event_date`` the date.  ``event_date`` of
    a past disease is its diagnosis month (YYYY-MM); ``note`` holds the "other" text.

    Half a million rows in a township: the rows travel inside their resident's record, never by
    themselves, and every query reads them by resident.  So the table is clustered on (resident,
    a local integer): a resident's boxes side by side in the key itself (WITHOUT ROWID on
    SQLite), no index beside it.  The integer is handed out in increasing order
    (:func:`new_choice_id`): no counter to keep in the store.
    """

    __tablename__ = "resident_choice"
    __table_args__ = (
        PrimaryKeyConstraint("resident_id", "id", name="pk_resident_choice"),
        {"sqlite_with_rowid": False},
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False, default=new_choice_id)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"), primary_key=True)
    field: Mapped[str] = mapped_column(Word(30, Words(choice_words)))  # two bytes on SQLite
    code: Mapped[str | None] = mapped_column(String(4))
    note: Mapped[str | None] = mapped_column(String(100))
    event_date: Mapped[str | None] = mapped_column(String(10))

    resident: Mapped[Resident] = relationship(back_populates="choices")


class ResidentSearchKey(Base):
    """Pinyin keys of a resident's name (every plausible reading), for prefix search.

    Derived data, rebuilt on every write of the name; never synced.
    """

    __tablename__ = "resident_search_key"
    # The key is the table (no rowid copy beside it): read by resident (rewrites) and by key.
    __table_args__ = {"sqlite_with_rowid": False}

    resident_id: Mapped[uuid.UUID] = mapped_column(
        Id, ForeignKey("resident.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)

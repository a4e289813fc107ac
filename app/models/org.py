"""The organisation: this device's profile, townships, villages and village groups."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Id, Synced, Tracked, UUIDPk, utcnow


class Profile(Base):
    """This installation: one row.  Role and code are chosen at ``cunyi init``."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(10))  # village | township
    code: Mapped[str] = mapped_column(String(12))  # 12-digit village or 9-digit township code
    name: Mapped[str] = mapped_column(String(100))
    institution: Mapped[str] = mapped_column(String(100))  # 建档单位, printed on records
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))  # the institution's, printed on forms
    doctors: Mapped[str | None] = mapped_column(String(200))  # its doctors' names, "、"-separated
    device_id: Mapped[uuid.UUID] = mapped_column(Id)
    db_id: Mapped[uuid.UUID] = mapped_column(Id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    @property
    def county_code(self) -> str:
        return self.code[:6]

    @property
    def township_code(self) -> str:
        return self.code[:9]


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(2000))


class Township(UUIDPk, Tracked, Synced, Base):
    __tablename__ = "township"
    __sync_scope__ = "code"
    __sync_writers__ = ("township",)  # the centre names itself; a village's copy is a placeholder

    code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(100))

    @property
    def known_name(self) -> str:
        """Its name, or "" while a village's copy holds only the placeholder (its code) that the
        township's first bundle replaces: a form leaves the line blank rather than print a number."""
        return "" if self.name == self.code else self.name


class Village(UUIDPk, Tracked, Synced, Base):
    __tablename__ = "village"
    __sync_scope__ = "code"
    # The township names and numbers its villages; a village's PC writes only its clinic's contact.
    __sync_column_writers__ = {"code": ("township",), "name": ("township",), "township_id": ("township",)}

    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    township_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("township.id"))
    # The clinic's contact, as its own PC's institution profile says (synced): a township printing
    # cards for this village's patients prints the clinic they go to.
    institution: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))

    township: Mapped[Township] = relationship()
    groups: Mapped[list[VillageGroup]] = relationship(back_populates="village", order_by="VillageGroup.name")


class VillageGroup(UUIDPk, Tracked, Synced, Base):
    """村民小组."""

    __tablename__ = "village_group"
    __sync_scope__ = "village_id"
    __table_args__ = (UniqueConstraint("village_id", "name", name="uq_village_group_village_name"),)

    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("village.id"))
    name: Mapped[str] = mapped_column(String(50))

    village: Mapped[Village] = relationship(back_populates="groups")


class ArchiveSerial(Base):
    """Last archive serial this device handed out per village; never reused, never synced."""

    __tablename__ = "archive_serial"

    village_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    last_serial: Mapped[int] = mapped_column(default=0)

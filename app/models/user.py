"""Users (minimal for now: accounts, passwords and roles come with the accounts issue)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked, UUIDPk


class User(UUIDPk, Tracked, Base):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))  # village_doctor | township_staff | admin | system
    active: Mapped[bool] = mapped_column(default=True)

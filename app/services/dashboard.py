"""工作台: today's figures for this village or township, in one read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services import profile
from app.services.programmes import worklist
from app.services.records import residents


@dataclass(frozen=True)
class Dashboard:
    institution: str
    figures: dict[str, int]


def today_figures(session: Session, today: dt.date | None = None) -> Dashboard:
    info = profile.profile_info(session)
    return Dashboard(info.institution, residents.counts(session, today) | worklist.counts(session))

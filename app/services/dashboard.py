"""工作台: today's figures for this village or township, in one read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services import profile
from app.services.programmes import smi, worklist
from app.services.records import residents


@dataclass(frozen=True)
class Dashboard:
    institution: str
    figures: dict[str, int]


def today_figures(session: Session, today: dt.date | None = None) -> Dashboard:
    """The 工作台's counts; ``special_overdue`` (专项随访 overdue, the patients the user may see) only
    for a user the 专项随访 section is shown to (``smi.may_hold_records``): never a hint to others."""
    info = profile.profile_info(session)
    figures = residents.counts(session, today) | worklist.counts(session, today)
    if smi.may_hold_records(session):
        figures["special_overdue"] = worklist.counts(session, today, program=smi.PROGRAM)["overdue"]
    return Dashboard(info.institution, figures)

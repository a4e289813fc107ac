"""What the 打印 page offers, in one read: the village groups to print for, and the open
referrals whose slips can be printed (small frozen rows: nothing loads while widgets are built)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.programmes import referral, worklist


@dataclass(frozen=True)
class OpenReferral:
    id: uuid.UUID
    issued_on: dt.date
    name: str
    to_institution: str
    status: str  # issued | arrived
    emergency: bool


@dataclass(frozen=True)
class PrintChoices:
    groups: tuple[tuple[uuid.UUID, str], ...]  # (id, "村 组")
    referrals: tuple[OpenReferral, ...]


def print_choices(session: Session) -> PrintChoices:
    groups = worklist.filter_choices(session)["groups"]
    rows = tuple(
        OpenReferral(r.id, r.issued_on, r.resident.name, r.to_institution, r.status, r.emergency)
        for r in referral.open_referrals(session)
    )
    return PrintChoices(tuple(groups), rows)

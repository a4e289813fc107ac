"""The resident page: one read of everything it shows (record, household, programmes, visits)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import FollowupVisit, ProgramEnrolment, Resident
from app.services.programmes import followup
from app.services.records.residents import HouseholdMember, get_resident, household_members


@dataclass(frozen=True)
class ProgrammeOverview:
    enrolment: ProgramEnrolment
    visits: tuple[FollowupVisit, ...]  # oldest first, voided ones left out


@dataclass(frozen=True)
class ResidentOverview:
    """Read once, shown as is: the records are loaded whole (their ticked boxes and group too), so
    the page never reads the store again while it is built."""

    resident: Resident
    members: tuple[HouseholdMember, ...]
    programmes: tuple[ProgrammeOverview, ...]
    offers: tuple[str, ...]  # programmes the past history names but the resident is not managed in
    today: dt.date

    @property
    def household(self) -> tuple[uuid.UUID, str]:
        head = next((m for m in self.members if m.relation == "0"), None)
        return self.resident.household_id, head.name if head else self.resident.name


def resident_overview(
    session: Session, resident_id: uuid.UUID, today: dt.date | None = None
) -> ResidentOverview:
    today = today or dt.date.today()
    resident = get_resident(session, resident_id)
    _ = resident.choices, resident.group  # loaded now: the page reads them after the unit of work
    members = household_members(session, resident.household_id, today)
    programmes = tuple(
        ProgrammeOverview(e, tuple(followup.visit_history(session, resident.id, e.program)))
        for e in followup.enrolments_of(session, resident.id)
    )
    offers = tuple(followup.programs_to_offer(session, resident.id))
    return ResidentOverview(resident, tuple(members), programmes, offers, today)

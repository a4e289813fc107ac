"""The resident page: one read of everything it shows (record, household, programmes, visits)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import FamilyContract, FollowupVisit, ProgramEnrolment, Resident
from app.services import settings
from app.services.profile import COUNTY, get_profile
from app.services.programmes import contracts, elderly, followup, smi
from app.services.programmes import followup_rules as rules
from app.services.records import sensitive
from app.services.records.residents import HouseholdMember, get_resident, household_members
from app.services.records.validators import born_by


@dataclass(frozen=True)
class ProgrammeOverview:
    enrolment: ProgramEnrolment
    visits: tuple[FollowupVisit, ...]  # oldest first, voided ones left out
    # 专项随访 (严重精神障碍): its own visits, as the form's keys (smi.visit_values), oldest first
    smi_visits: tuple[dict, ...] = ()


@dataclass(frozen=True)
class ResidentOverview:
    """Read once, shown as is: the records are loaded whole (their ticked boxes and group too), so
    the page never reads the store again while it is built."""

    resident: Resident
    members: tuple[HouseholdMember, ...]
    programmes: tuple[ProgrammeOverview, ...]
    offers: tuple[str, ...]  # programmes the past history names but the resident is not managed in
    today: dt.date
    # the ticked boxes the user may see (never ``resident.choices``: 既往史 严重精神障碍 is not for all)
    choices: tuple = ()
    thresholds: rules.Thresholds = rules.DEFAULT  # the control targets its charts draw (settings.thresholds)
    read_only: bool = False  # a county's store: its records are read and counted here, never written
    elderly_checks: tuple = ()  # 老年人健康体检 (ElderlyCheck), oldest first, voided ones left out
    # the current family-doctor contract the user may see (contracts.current_seen; never the
    # resident's mirrored columns, which name one of a 严重精神障碍包 alone to anyone)
    contract: FamilyContract | None = None

    def choice_codes(self, field: str) -> list[str]:
        return [c.code for c in self.choices if c.field == field and c.code]

    def due_first(self, programs) -> str | None:
        """Of ``programs``, the one whose visit is due first.  A follow-up card is one per patient and
        its QR code carries only the archive number, so a scan of a patient in both programmes opens
        the one that is due (or most overdue)."""
        due = {
            p.enrolment.program: p.enrolment.next_due or p.enrolment.enrolled_on
            for p in self.programmes
            if p.enrolment.program in programs
        }
        return min(due, key=lambda program: (due[program], program)) if due else None

    @property
    def elderly(self) -> bool:
        """Whether the page shows the health checks: the resident is 65 or older (老年人健康管理), a
        registered poor household's member (the yearly free check), or has been checked."""
        return bool(self.elderly_checks) or self.aged or bool(self.resident.poverty_registered)

    @property
    def aged(self) -> bool:
        """年满65周岁 this year: the checks are 老年人健康管理's."""
        return self.resident.birth_date <= born_by(self.today.year)

    @property
    def household(self) -> tuple[uuid.UUID, str]:
        head = next((m for m in self.members if m.relation == "0"), None)
        return self.resident.household_id, head.name if head else self.resident.name

    @property
    def member_defaults(self) -> dict[str, str]:
        """What a new member of this household starts with on the enrolment form: the household's
        addresses and village group, as this record has them (a new member typed none of them and
        was saved with no address or group)."""
        r = self.resident
        values = {
            "current_address": r.current_address,
            "registered_address": r.registered_address,
            "group_name": r.group.name if r.group is not None else None,
        }
        return {key: value for key, value in values.items() if value}


def resident_overview(
    session: Session, resident_id: uuid.UUID, today: dt.date | None = None
) -> ResidentOverview:
    today = today or dt.date.today()
    resident = get_resident(session, resident_id)
    _ = resident.choices, resident.group  # loaded now: the page reads them after the unit of work
    members = household_members(session, resident.household_id, today)
    programmes = tuple(
        ProgrammeOverview(e, (), smi.visits_of(session, e))
        if e.program == smi.PROGRAM  # (only for those who may see it: enrolments_of)
        else ProgrammeOverview(e, tuple(followup.visit_history(session, resident.id, e.program)))
        for e in followup.enrolments_of(session, resident.id)
    )
    offers = tuple(followup.programs_to_offer(session, resident.id))
    choices = tuple(sensitive.visible(session, resident))
    return ResidentOverview(
        resident,
        tuple(members),
        programmes,
        offers,
        today,
        choices,
        settings.thresholds(session),
        read_only=get_profile(session).role == COUNTY,
        elderly_checks=elderly.checks_of(session, resident.id),
        contract=contracts.current_seen(session, resident),
    )

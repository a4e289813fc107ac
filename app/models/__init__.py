"""SQLAlchemy mappings only: no Qt, no I/O, no business rules."""

from app.models.base import Base, new_id, utcnow
from app.models.followup import FollowupVisit, ProgramEnrolment
from app.models.org import ArchiveSerial, Profile, Setting, Township, Village, VillageGroup
from app.models.referral import Referral
from app.models.resident import Household, Resident, ResidentChoice, ResidentSearchKey
from app.models.user import User

__all__ = [
    "ArchiveSerial",
    "FollowupVisit",
    "ProgramEnrolment",
    "Base",
    "Household",
    "Profile",
    "Referral",
    "Resident",
    "ResidentChoice",
    "ResidentSearchKey",
    "Setting",
    "Township",
    "User",
    "Village",
    "VillageGroup",
    "new_id",
    "utcnow",
]

"""SQLAlchemy mappings only: no Qt, no I/O, no business rules."""

from app.models.base import Base, Synced, Tracked, new_id, org_id, utcnow
from app.models.contract import FamilyContract
from app.models.education import EducationActivity, EducationAttachment
from app.models.elderly import ElderlyCheck
from app.models.followup import FollowupVisit, ProgramEnrolment
from app.models.netsync import NetSyncRun, NetSyncState
from app.models.org import ArchiveSerial, Profile, Setting, Township, Village, VillageGroup
from app.models.population import PopulationFigure
from app.models.poverty import PovertyHousehold, PovertyPlan
from app.models.referral import Referral
from app.models.resident import Household, Resident, ResidentChoice, ResidentSearchKey
from app.models.review import ReviewDecision
from app.models.smi import SmiRegistration, SmiVisit
from app.models.sync import BundleRecord, ChangeLog, ImportProgress, OriginMark, Peer, SyncConflict, SyncState
from app.models.user import AuditEntry, User

__all__ = [
    "EducationActivity",
    "EducationAttachment",
    "FamilyContract",
    "PovertyHousehold",
    "PovertyPlan",
    "AuditEntry",
    "BundleRecord",
    "ChangeLog",
    "ImportProgress",
    "NetSyncRun",
    "NetSyncState",
    "OriginMark",
    "Peer",
    "SyncConflict",
    "SyncState",
    "Synced",
    "Tracked",
    "org_id",
    "ArchiveSerial",
    "ElderlyCheck",
    "SmiRegistration",
    "SmiVisit",
    "FollowupVisit",
    "PopulationFigure",
    "ProgramEnrolment",
    "Base",
    "Household",
    "Profile",
    "Referral",
    "Resident",
    "ResidentChoice",
    "ResidentSearchKey",
    "ReviewDecision",
    "Setting",
    "Township",
    "User",
    "Village",
    "VillageGroup",
    "new_id",
    "utcnow",
]

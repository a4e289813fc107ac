"""The institution profile (设置 → 本机构信息): the clinic's or centre's name, phone, address and
doctors, which every printed document carries.

The form is declared once (:data:`INSTITUTION_FORM`); the 设置 page builds its rows from it and
:func:`save_institution` checks it.  A village PC also writes its clinic's name, phone and address
onto its own (synced) ``Village`` row, so the township prints the clinic a village's patients go
to (:func:`clinic_for`); a township's profile stays on its own PC.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Profile, Village
from app.services.access import audit, authz
from app.services.errors import ValidationError
from app.services.profile import VILLAGE, get_profile
from app.services.records.field_table import Checking, Field, FieldTable, Kind, Section
from app.services.records.validators import same_dots

CTX = "Institution"
_DOCTOR_SEPARATORS = re.compile(r"[、,，;；/\s]+")

INSTITUTION_FORM = FieldTable(
    "institution",
    [
        Section(
            "institution",
            QT_TRANSLATE_NOOP("Field", "本机构信息（打印在随访卡、转诊单、工作单上）"),
            (
                Field(
                    "institution",
                    QT_TRANSLATE_NOOP("Field", "机构名称"),
                    Kind.TEXT,
                    max_len=100,
                    required=True,
                    hint=QT_TRANSLATE_NOOP("Field", "如 朝阳乡幸福村卫生室"),
                ),
                Field(
                    "phone",
                    QT_TRANSLATE_NOOP("Field", "联系电话"),
                    Kind.PHONE,
                    hint=QT_TRANSLATE_NOOP("Field", "手机11位，或区号-号码"),
                ),
                Field("address", QT_TRANSLATE_NOOP("Field", "地址"), Kind.TEXT, max_len=200),
                Field(
                    "doctors",
                    QT_TRANSLATE_NOOP("Field", "医生"),
                    Kind.TEXT,
                    max_len=200,
                    hint=QT_TRANSLATE_NOOP("Field", "姓名，用顿号或逗号隔开"),
                ),
            ),
        )
    ],
)
InstitutionInput = INSTITUTION_FORM.input_type


@dataclass(frozen=True)
class InstitutionProfile:
    """This installation's institution, as prints show it."""

    role: str  # village | township
    institution: str
    phone: str
    address: str
    doctors: tuple[str, ...]

    def as_input(self):
        return InstitutionInput(
            institution=self.institution,
            phone=self.phone,
            address=self.address,
            doctors="、".join(self.doctors),
        )


@dataclass(frozen=True)
class Clinic:
    """The institution a printed document names: name, phone and address."""

    name: str
    phone: str
    address: str


def split_doctors(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(same_dots(x) for x in _DOCTOR_SEPARATORS.split(text or "") if x))


def doctor_names(session) -> tuple[str, ...]:
    """The village's doctors a record may name (建档人, 责任医生): the institution's list (设置) and
    the active doctors' accounts, by display name."""
    return tuple(dict.fromkeys([*institution_profile(session).doctors, *_doctor_accounts(session)]))


def village_doctor_names(session, village_code: str) -> tuple[str, ...]:
    """The doctors of one village as a township's PC knows them: the active doctors' accounts of
    that village, by display name (the village's own list in 设置 stays on its PC)."""
    return tuple(dict.fromkeys(_doctor_accounts(session, village_code)))


def _doctor_accounts(session, village_code: str | None = None) -> list[str]:
    """The display names of the active doctors' accounts (of one village, given its code)."""
    from app.models import User

    q = select(User.display_name).where(User.active.is_(True), User.role == "village_doctor")
    if village_code is not None:
        q = q.where(User.village_code == village_code)
    return list(session.scalars(q.order_by(User.display_name)))


def is_doctor(session, name: str) -> bool:
    """Whether ``name`` names one of :func:`doctor_names`, or an active doctor's account by its
    username (as the access rules read 责任医生)."""
    from app.models import User

    return (
        name in doctor_names(session)
        or session.scalar(
            select(User.id).where(User.active.is_(True), User.role == "village_doctor", User.username == name)
        )
        is not None
    )


def institution_profile(session) -> InstitutionProfile:
    p = get_profile(session)
    return InstitutionProfile(
        p.role, p.institution or "", p.phone or "", p.address or "", split_doctors(p.doctors)
    )


def save_institution(session, inp, *, today: dt.date | None = None) -> InstitutionProfile:
    """Check and store the profile (every field checked, all errors at once; nothing written on error).

    A village PC writes its clinic onto its village row too, which syncs to the township."""
    authz.require(session, "edit_profile")
    c = Checking(INSTITUTION_FORM, inp, today=today or dt.date.today(), session=session).run()
    if c.errors:
        raise ValidationError(c.errors)
    p: Profile = get_profile(session)
    new = {
        "institution": c.values["institution"],
        "phone": c.values["phone"],
        "address": c.values["address"],
        "doctors": "、".join(split_doctors(c.values["doctors"])) or None,
    }
    changed = [key for key, value in new.items() if getattr(p, key) != value]
    for key in changed:
        setattr(p, key, new[key])
    if changed:  # (the profile is no synced record: the capture hook does not audit it)
        audit.record(session, "update", "institution", None, audit.update_summary(p.code, changed))
    if p.role == VILLAGE:
        village = session.scalar(select(Village).where(Village.code == p.code))
        if village is not None:
            for key in ("institution", "phone", "address"):
                if getattr(village, key) != getattr(p, key):
                    setattr(village, key, getattr(p, key))
    session.flush()
    return institution_profile(session)


def clinic_for(session, village_id: uuid.UUID | None) -> Clinic:
    """The institution a resident's printed document names.

    On a village PC: its own profile.  At the township: the resident's village clinic as its PC
    last reported it (by sync), or the township's own profile where the village has not (yet)
    given a phone: a card never carries a clinic nobody can call."""
    p = get_profile(session)
    own = Clinic(p.institution or "", p.phone or "", p.address or "")
    if p.role == VILLAGE or village_id is None:
        return own
    village = session.get(Village, village_id)
    if village is not None and village.institution and village.phone:
        return Clinic(village.institution, village.phone, village.address or "")
    return own  # a clinic without a phone to call: the centre's, whose phone answers

"""Severe mental disorder management (严重精神障碍患者管理): registration, follow-ups, lost-to-follow-up
and death visits, and the reads — every one of them checked and audited.

Privacy (DOMAIN.md: "visible only to the responsible doctor and public-health staff"): the enrolment is
a ``sensitive`` :class:`ProgramEnrolment` (program ``smi``), so ``authz.sensitive_clause`` keeps it off
every list of those who may not see it, and each entry point here requires the sensitive permission
(the responsible village doctor, township staff with the ``mental_health`` permission, the system).
Each read of a registration or a visit writes an audit entry.  The forms are declared once in
:mod:`app.services.programmes.smi_forms`; the rules are :mod:`app.services.programmes.smi_rules`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.db import note_changes
from app.i18n import QT_TRANSLATE_NOOP
from app.models import ProgramEnrolment, Resident, SmiRegistration, SmiVisit
from app.services.access import audit, authz
from app.services.access.actor import actor, doctor_name
from app.services.errors import FieldError, Message, NotFound, UserError, ValidationError
from app.services.programmes import smi_rules as rules
from app.services.programmes.followup import face_to_face_summary
from app.services.programmes.referral import ReferralInput
from app.services.programmes.smi_forms import (
    REGISTRATION_FORM,
    SOCIAL_ITEMS,
    VISIT_FORM,
    SmiRegistrationInput,
    SmiVisitInput,
)
from app.services.records import residents, voiding
from app.services.records.field_table import Checking
from app.services.records.residents import find_resident
from app.services.records.validators import Invalid, clean_text, one_year_after, one_year_before, parse_date
from app.services.sync import capture

CTX = "Smi"
PROGRAM = "smi"
# Enrolments of these programmes are ``sensitive``: seen only by the responsible doctor and staff
# with the 精神卫生 permission (authz.sensitive_clause).  The flag follows from the programme.
SENSITIVE_PROGRAMS = frozenset({PROGRAM})
UNDER_MANAGEMENT, LOST, DIED, ENDED = "1", "2", "4", "5"
# Columns of the models; every other field of a form is kept in its ``form`` JSON by key.
REGISTRATION_COLUMNS = (
    "diagnosis",
    "diagnosis_hospital",
    "diagnosis_date",
    "consent",
    "consent_date",
    "guardian_name",
    "guardian_phone",
)
VISIT_COLUMNS = ("visit_date", "method", "danger", "insight", "doctor")

__all__ = ["SmiRegistrationInput", "SmiVisitInput"]


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


# ---------------------------------------------------------------- access


def _require(session: Session, action: str, resident: Resident, responsible: str | None) -> None:
    authz.require_resident(session, action, resident, sensitive=True, responsible=responsible)


def _audit_read(session: Session, entity: str, row_id, resident: Resident) -> None:
    """Every read of an SMI record leaves a trace (who, when, whose record)."""
    audit.record_now(
        session,
        "read",
        entity,
        row_id,
        f"{resident.name} {resident.archive_no}",
        scope=authz.village_code(session, resident.village_id),
    )


def enrolment_of(session: Session, resident_id: uuid.UUID, *, active: bool = True) -> ProgramEnrolment | None:
    q = select(ProgramEnrolment).where(
        ProgramEnrolment.resident_id == resident_id,
        ProgramEnrolment.program == PROGRAM,
        ProgramEnrolment.voided.is_(False),
    )
    if active:
        q = q.where(ProgramEnrolment.status == UNDER_MANAGEMENT)
    # the latest; of two made the same day (declined, then consented; lost, then registered again)
    # the one under management, else the one made last
    latest = q.order_by(
        ProgramEnrolment.enrolled_on.desc(),
        (ProgramEnrolment.status == UNDER_MANAGEMENT).desc(),
        ProgramEnrolment.created_at.desc(),
    )
    return session.scalar(latest.limit(1))


def visible_enrolment(session: Session, resident: Resident, action: str) -> ProgramEnrolment:
    """The resident's SMI enrolment, for one who may see it; for anyone else the same "not
    registered" answer as for a resident who is not (the refusal itself is audited)."""
    enrolment = enrolment_of(session, resident.id, active=False)
    if enrolment is not None and authz.permits(
        session,
        action,
        village=authz.village_code(session, resident.village_id),
        sensitive=True,
        responsible=enrolment.responsible_doctor,
    ):
        return enrolment
    not_registered = NotFound(
        Message(CTX, QT_TRANSLATE_NOOP("Smi", "{name}没有严重精神障碍管理记录"), {"name": resident.name})
    )
    if enrolment is not None:
        try:
            _require(session, action, resident, enrolment.responsible_doctor)  # audits the refusal
        except UserError:
            # the same words as for a resident who is not registered: a refusal that named the
            # record would tell whoever asked that this resident is a patient
            raise not_registered from None
    raise not_registered


def may_hold_records(session: Session) -> bool:
    """Whether this user could be shown SMI records at all (the page belongs in their navigation):
    the system account, village doctors (as responsible doctors), staff with the permission."""
    who = actor(session)
    return who.is_system or who.role == "village_doctor" or authz.holds_mental_health(session)


# ---------------------------------------------------------------- registration


@dataclass(frozen=True)
class SavedRegistration:
    id: uuid.UUID
    enrolment_id: uuid.UUID
    resident_id: uuid.UUID
    diagnosis: str
    consent: str
    under_management: bool
    responsible_doctor: str | None

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "enrolment_id": str(self.enrolment_id),
            "resident_id": str(self.resident_id),
            "diagnosis": self.diagnosis,
            "consent": self.consent,
            "under_management": self.under_management,
            "responsible_doctor": self.responsible_doctor,
        }


def _check(table, inp, today: dt.date) -> Checking:
    c = Checking(table, inp, today=today).run()
    if c.errors:
        raise ValidationError(c.errors)
    return c


def _form_values(c: Checking, columns) -> dict:
    """The JSON-kept fields of a checked form: clean values (dates as text) and ticked codes."""
    out: dict = {}
    for f in c.table.fields:
        if f.key in columns:
            continue
        if f.kind.value == "multi":
            out[f.key] = [row["code"] for row in c.choices if row["field"] == f.key]
            if f.other:
                out[f.other] = next(
                    (row["note"] for row in c.choices if row["field"] == f.key and row["note"]), None
                )
            continue
        value = c.values.get(f.key)
        out[f.key] = value.isoformat() if isinstance(value, dt.date) else value
    return {k: v for k, v in out.items() if v not in (None, "", [], False)}


def register(
    session: Session, resident_ref: str | uuid.UUID, inp, *, today: dt.date | None = None
) -> SavedRegistration:
    """The user action "登记严重精神障碍患者": the 个人信息补充表 and the (sensitive) enrolment, with
    the acting doctor as the responsible doctor.  Without consent the registration is kept and
    management is not started (管理状态 终止管理)."""
    today = today or capture.trusted_today(session)
    resident = find_resident(session, str(resident_ref))
    # The responsible doctor: the registering village doctor; when the township registers, the
    # resident's own responsible doctor (who then sees the record in the village).
    who = actor(session)
    doctor = (
        resident.responsible_doctor
        if who.role == "township_staff"
        else doctor_name(session) or resident.responsible_doctor
    )
    _require(session, "write", resident, doctor)
    # The form first: a refusal for a patient already held (another doctor's) must not come before
    # the form's own errors, or a wrong diagnosis code would tell who is a patient and who is not.
    c = _check(REGISTRATION_FORM, inp, today)
    for key in ("diagnosis_date", "first_onset", "first_drug_date", "consent_date"):
        day = c.values.get(key)
        if day and day < resident.birth_date:
            raise ValidationError(
                [
                    FieldError(
                        key,
                        Message(
                            CTX,
                            QT_TRANSLATE_NOOP("Smi", "{label}不能早于出生日期"),
                            {"label": REGISTRATION_FORM[key].label},
                        ),
                    )
                ]
            )
    consent = c.values["consent"]
    # under management from the day the consent was signed (a patient moved from paper: the
    # follow-ups since count toward 规范管理率), else from today
    signed = c.values.get("consent_date") if consent == "1" else None
    diagnosed = c.values.get("diagnosis_date")
    if signed and diagnosed and signed < diagnosed:
        raise ValidationError(
            [
                FieldError(
                    "consent_date", Message(CTX, QT_TRANSLATE_NOOP("Smi", "知情同意签字时间不能早于确诊日期"))
                )
            ]
        )
    if gone := residents.after_leaving(resident, today):  # (a patient who died or moved away)
        raise ValidationError([FieldError("resident", gone)])
    # A village doctor registers only the residents they are responsible for: one who could try any
    # resident would learn who is already another doctor's patient from which attempts are refused;
    # and a record nobody holds would become theirs to read (the enrolment's responsible doctor sees
    # its 既往史 box: sensitive.may_see).  Those the township registers.  Refused in the same words
    # as a patient held by another doctor, so the refusal tells nothing.
    holder = (resident.responsible_doctor or "").strip()  # nobody's: the township registers (its staff)
    if who.role == "village_doctor" and not who.answers_to(holder):
        with contextlib.suppress(UserError):
            _require(session, "read", resident, resident.responsible_doctor)  # (audited as refused)
        raise _err(
            QT_TRANSLATE_NOOP("Smi", "不能为{name}登记：请与乡镇卫生院精神卫生负责人联系"), name=resident.name
        )
    held = enrolment_of(session, resident.id)
    if held is not None:
        if not authz.permits(
            session,
            "read",
            village=authz.village_code(session, resident.village_id),
            sensitive=True,
            responsible=held.responsible_doctor,
        ):
            # another doctor's patient: refused without saying so (the attempt is audited)
            with contextlib.suppress(UserError):
                _require(session, "read", resident, held.responsible_doctor)
            raise _err(
                QT_TRANSLATE_NOOP("Smi", "不能为{name}登记：请与乡镇卫生院精神卫生负责人联系"),
                name=resident.name,
            )
        raise _err(QT_TRANSLATE_NOOP("Smi", "{name}已登记为严重精神障碍管理患者"), name=resident.name)
    enrolment = ProgramEnrolment(
        resident_id=resident.id,
        program=PROGRAM,
        enrolled_on=signed or today,
        diagnosed_on=c.values.get("diagnosis_date"),
        enrolling_doctor=doctor or None,
        responsible_doctor=doctor or None,
        sensitive=True,
        status=UNDER_MANAGEMENT if consent == "1" else ENDED,
        status_date=None if consent == "1" else today,
        status_reason=None if consent == "1" else "不同意参加管理",
        next_due=(signed or today) if consent == "1" else None,
    )
    session.add(enrolment)
    session.flush()
    reg = SmiRegistration(
        enrolment_id=enrolment.id,
        resident_id=resident.id,
        form=_form_values(c, REGISTRATION_COLUMNS),
        **{k: c.values.get(k) for k in REGISTRATION_COLUMNS},
    )
    session.add(reg)
    session.flush()
    return SavedRegistration(
        reg.id,
        enrolment.id,
        resident.id,
        reg.diagnosis,
        reg.consent,
        consent == "1",
        enrolment.responsible_doctor,
    )


# ---------------------------------------------------------------- visits


@dataclass(frozen=True)
class SavedSmiVisit:
    id: uuid.UUID
    resident_id: uuid.UUID
    visit_date: dt.date
    outcome: str
    classification: int | None
    classification_suggested: int | None
    referral_suggested: bool
    police: bool
    psychiatrist: bool
    next_due: dt.date | None
    overridden: bool

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "resident_id": str(self.resident_id),
            "visit_date": self.visit_date.isoformat(),
            "outcome": self.outcome,
            "classification": self.classification,
            "classification_suggested": self.classification_suggested,
            "referral_suggested": self.referral_suggested,
            "police": self.police,
            "psychiatrist": self.psychiatrist,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "overridden": self.overridden,
        }


def findings(values: dict, codes: list[str]) -> rules.SmiFindings:
    """What the rules read from a checked visit form."""
    return rules.SmiFindings(
        danger=values["danger"],
        symptoms=frozenset(codes),
        insight=values.get("insight"),
        social=tuple(values.get(f"social_{k}") for k, _ in SOCIAL_ITEMS if values.get(f"social_{k}")),
        adverse_serious=bool(values.get("adverse_serious")),
        physical_illness=bool(values.get("physical_illness")),
    )


def previous_classification(session: Session, enrolment_id: uuid.UUID, before: dt.date) -> int | None:
    return session.scalar(
        select(SmiVisit.classification)
        .where(
            SmiVisit.enrolment_id == enrolment_id,
            SmiVisit.voided.is_(False),
            SmiVisit.outcome == "done",
            SmiVisit.visit_date < before,
        )
        .order_by(SmiVisit.visit_date.desc())
        .limit(1)
    )


def _before_diagnosis(
    session: Session, enrolment: ProgramEnrolment, day: dt.date, label: str = VISIT_FORM["visit_date"].label
) -> Message | None:
    """Why a follow-up of ``day`` is too early: before the diagnosis (确诊日期), or without one
    recorded, more than a year before the registration.  Visits kept on paper before registering
    may be entered; one from before the patient was diagnosed is a typo (2010 for 2026), and would
    stand as the last visit of a patient overdue by years."""
    diagnosed = session.scalar(
        select(SmiRegistration.diagnosis_date).where(
            SmiRegistration.enrolment_id == enrolment.id, SmiRegistration.voided.is_(False)
        )
    )
    if diagnosed is not None and day < diagnosed:
        return Message(
            CTX,
            QT_TRANSLATE_NOOP("Smi", "{what}不能早于确诊日期{d}"),
            {"what": label, "d": diagnosed.isoformat()},
        )
    earliest = one_year_before(enrolment.enrolled_on)
    if diagnosed is None and day < earliest:
        return Message(
            CTX,
            QT_TRANSLATE_NOOP("Smi", "{what}不能早于登记前一年（{d}）；更早的请先在登记表中填写确诊日期"),
            {"what": label, "d": earliest.isoformat()},
        )
    return None


DEATH_DATE = QT_TRANSLATE_NOOP("Field", "死亡日期")


def _last_assessed(session: Session, enrolment: ProgramEnrolment) -> dt.date | None:
    """The day of the enrolment's latest assessment (a follow-up that took place)."""
    return session.scalar(
        select(func.max(SmiVisit.visit_date)).where(
            SmiVisit.enrolment_id == enrolment.id, SmiVisit.voided.is_(False), SmiVisit.outcome == "done"
        )
    )


def record_visit(
    session: Session,
    resident_ref: str | uuid.UUID,
    inp,
    *,
    today: dt.date | None = None,
    thresholds: rules.SmiThresholds = rules.DEFAULT,
) -> SavedSmiVisit:
    """The user action "保存随访": the form checked, classified by the rules (the doctor may choose
    another class or date; the suggestion is kept beside it), the enrolment's summary kept."""
    today = today or capture.trusted_today(session)
    resident = find_resident(session, str(resident_ref))
    enrolment = visible_enrolment(session, resident, "write")
    if enrolment.status != UNDER_MANAGEMENT:
        raise _err(QT_TRANSLATE_NOOP("Smi", "{name}目前不在管理中"), name=resident.name)
    c = Checking(VISIT_FORM, inp, today=today).run()
    day = c.values.get("visit_date")
    if day and day < resident.birth_date:
        c.errors.append(
            FieldError("visit_date", Message(CTX, QT_TRANSLATE_NOOP("Smi", "随访日期不能早于出生日期")))
        )
    elif day and (too_early := _before_diagnosis(session, enrolment, day)) is not None:
        c.errors.append(FieldError("visit_date", too_early))
    if gone := residents.after_leaving(resident, day):
        c.errors.append(FieldError("visit_date", gone))
    if day and _visit_on(session, enrolment, day) is not None:  # (as a chronic-disease visit)
        c.errors.append(
            FieldError(
                "visit_date",
                Message(
                    CTX, QT_TRANSLATE_NOOP("Smi", "该患者当天已有一次随访记录；如需更正，请先作废原记录")
                ),
            )
        )
    next_typed = c.values.get("next_due")
    if next_typed and day and next_typed <= day:
        c.errors.append(
            FieldError("next_due", Message(CTX, QT_TRANSLATE_NOOP("Smi", "下次随访日期应晚于本次随访日期")))
        )
    elif next_typed and day and next_typed > one_year_after(day):
        c.errors.append(
            FieldError(
                "next_due",
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Smi", "下次随访日期最晚为本次随访后一年（{d}）"),
                    {"d": one_year_after(day).isoformat()},
                ),
            )
        )
    if c.errors:
        raise ValidationError(c.errors)
    codes = [row["code"] for row in c.choices if row["field"] == "symptoms"]
    previous = previous_classification(session, enrolment.id, day)
    s = rules.suggest(findings(c.values, codes), day, previous=previous, t=thresholds)
    chosen = int(c.values["classification"]) if c.values.get("classification") else s.classification
    if chosen > rules.mildest_class(c.values["danger"], thresholds):  # (1 不稳定 … 3 稳定)
        raise ValidationError(
            [
                FieldError(
                    "classification",
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Smi", "危险性评估为 {danger} 级，本次随访分类不能评为“{label}”"),
                        {"danger": c.values["danger"], "label": CODE_LISTS["smi_class"].label(str(chosen))},
                    ),
                )
            ]
        )
    # a class the doctor chose has its own interval (a patient judged 不稳定 is seen within 2 weeks)
    classed = rules.as_classed(s, chosen, day, previous, thresholds)
    next_due = next_typed or classed.next_due
    doctor = c.values.get("doctor") or doctor_name(session) or None
    visit = SmiVisit(
        enrolment_id=enrolment.id,
        resident_id=resident.id,
        visit_date=day,
        method=c.values.get("method") or "1",
        outcome="done",
        danger=c.values["danger"],
        insight=c.values.get("insight"),
        classification=chosen,
        classification_suggested=s.classification,
        referral_suggested=s.referral,
        next_due=next_due,
        next_due_suggested=s.next_due,
        overridden=chosen != s.classification or next_due != s.next_due,
        doctor=doctor,
        form=_form_values(c, VISIT_COLUMNS),
    )
    session.add(visit)
    session.flush()
    refresh_summary(session, enrolment)
    return SavedSmiVisit(
        visit.id,
        resident.id,
        day,
        "done",
        chosen,
        s.classification,
        classed.referral,  # what the class the doctor chose calls for, as the form said it
        classed.police,
        classed.psychiatrist,
        next_due,
        visit.overridden,
    )


def _visit_on(session: Session, enrolment, day: dt.date) -> uuid.UUID | None:
    """The enrolment's visit of ``day`` not voided, if there is one."""
    return session.scalar(
        select(SmiVisit.id)
        .where(SmiVisit.enrolment_id == enrolment.id, SmiVisit.visit_date == day, SmiVisit.voided.is_(False))
        .limit(1)
    )


def may_void(visit: dict) -> bool:
    """Whether a visit (:func:`visit_values`) may be voided by :func:`void_visit`: one that took
    place (a 失访 or 死亡 record ended the management, and is not undone so)."""
    return visit.get("outcome") == "done"


def void_visit(
    session: Session,
    resident_ref: str | uuid.UUID,
    visit_date: str | dt.date,
    reason: str,
    *,
    visit_id: uuid.UUID | None = None,
) -> SmiVisit:
    """The user action "作废一次随访" for a patient one may see: the follow-up of that day, recorded by
    mistake, voided with the reason, never deleted (:mod:`voiding`); the enrolment's summary
    follows.  ``visit_id``: the one chosen in a list.  A 失访 or 死亡 record, which ended the
    management, is not voided here."""
    resident = find_resident(session, str(resident_ref))
    enrolment = visible_enrolment(session, resident, "write")
    day = voiding.day_of(visit_date, QT_TRANSLATE_NOOP("Field", "随访日期"))
    visit = voiding.entry_of(
        session,
        SmiVisit,
        (SmiVisit.enrolment_id == enrolment.id,),
        SmiVisit.visit_date,
        day,
        visit_id,
        {"name": resident.name, "kind": Message(CTX, QT_TRANSLATE_NOOP("Smi", "严重精神障碍随访"))},
    )
    if not may_void({"outcome": visit.outcome}):
        raise _err(
            QT_TRANSLATE_NOOP(
                "Smi", "{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院"
            ),
            day=day.isoformat(),
        )
    visit.voided, visit.void_reason = True, voiding.reason_of(reason)
    session.flush()
    refresh_summary(session, enrolment)
    return visit


def record_failed_visit(
    session: Session,
    resident_ref: str | uuid.UUID,
    outcome: str,
    visit_date: str,
    *,
    lost_reason: str = "",
    death_date: str = "",
    death_cause: str = "",
    today: dt.date | None = None,
) -> SavedSmiVisit:
    """失访 (reason code) or 死亡 (date and cause code) instead of an assessment; the programme status
    follows (2 失访 / 4 死亡)."""
    today = today or capture.trusted_today(session)
    resident = find_resident(session, str(resident_ref))
    enrolment = visible_enrolment(session, resident, "write")
    if enrolment.status != UNDER_MANAGEMENT:  # a death or a loss already ended it (or never began)
        raise _err(QT_TRANSLATE_NOOP("Smi", "{name}目前不在管理中"), name=resident.name)
    errors: list[FieldError] = []

    def fail(key: str, template: str, **params) -> None:
        errors.append(FieldError(key, Message(CTX, template, params)))

    if outcome not in ("lost", "died"):
        fail("outcome", QT_TRANSLATE_NOOP("Smi", "随访结果应为 lost（失访）或 died（死亡）"))
    day = died = None
    try:
        day = parse_date(visit_date, VISIT_FORM["visit_date"].label, required=True)
        if outcome == "died":
            died = parse_date(death_date, DEATH_DATE, required=True)
    except Invalid as e:
        errors.append(FieldError("visit_date", e.message))
    if day and (day > today or day < resident.birth_date):
        fail("visit_date", QT_TRANSLATE_NOOP("Smi", "随访日期应在出生之后、今天之前"))
    elif day and (too_early := _before_diagnosis(session, enrolment, day)) is not None:
        errors.append(FieldError("visit_date", too_early))
    if died and (died > today or died < resident.birth_date):
        fail("death_date", QT_TRANSLATE_NOOP("Smi", "死亡日期应在出生之后、今天之前"))
    elif died and day and died > day:
        fail("death_date", QT_TRANSLATE_NOOP("Smi", "死亡日期不能晚于随访日期"))
    elif died and (too_early := _before_diagnosis(session, enrolment, died, DEATH_DATE)) is not None:
        errors.append(FieldError("death_date", too_early))
    elif died and (last := _last_assessed(session, enrolment)) is not None and died < last:
        fail(
            "death_date",
            QT_TRANSLATE_NOOP("Smi", "死亡日期不能早于最近一次随访评估（{d}）"),
            d=last.isoformat(),
        )
    if day and _visit_on(session, enrolment, day) is not None:  # (one record a day, as a visit)
        fail("visit_date", QT_TRANSLATE_NOOP("Smi", "该患者当天已有一次随访记录；如需更正，请先作废原记录"))
    # (no refusal for a day after the resident's recorded death or moving away: this visit records
    # the leaving itself, often learnt of later)
    if outcome == "lost" and lost_reason not in CODE_LISTS["smi_lost_reason"]:
        fail("lost_reason", QT_TRANSLATE_NOOP("Smi", "请选择失访原因（1–5）"))
    if outcome == "died" and death_cause not in CODE_LISTS["smi_death_cause"]:
        fail("death_cause", QT_TRANSLATE_NOOP("Smi", "请选择死亡原因（1–6）"))
    if errors:
        raise ValidationError(errors)
    visit = SmiVisit(
        enrolment_id=enrolment.id,
        resident_id=resident.id,
        visit_date=day,
        outcome=outcome,
        lost_reason=lost_reason if outcome == "lost" else None,
        death_date=died,
        death_cause=death_cause if outcome == "died" else None,
        doctor=doctor_name(session) or None,
        form={},
    )
    session.add(visit)
    enrolment.status = LOST if outcome == "lost" else DIED
    enrolment.status_date = died or day
    if died:
        residents.record_death(session, resident, died)
    label = CODE_LISTS["smi_lost_reason" if outcome == "lost" else "smi_death_cause"].label(
        lost_reason if outcome == "lost" else death_cause
    )
    enrolment.status_reason = clean_text(label, 200, "")
    session.flush()
    refresh_summary(session, enrolment)
    return SavedSmiVisit(visit.id, resident.id, day, outcome, None, None, False, False, False, None, False)


# ---------------------------------------------------------------- reads (audited)


@dataclass(frozen=True)
class SmiRecord:
    """What the SMI page shows of one patient: the registration and the visits, oldest first."""

    resident_id: uuid.UUID
    name: str
    archive_no: str
    enrolment_id: uuid.UUID
    status: str
    responsible_doctor: str | None
    next_due: dt.date | None
    registration: dict  # field key → value, columns and form together
    visits: tuple[dict, ...]


def _registration_values(reg: SmiRegistration) -> dict:
    values = {k: getattr(reg, k) for k in REGISTRATION_COLUMNS}
    return {**reg.form, **{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}}


def visit_values(v: SmiVisit) -> dict:
    """A saved visit as the form's keys (and its outcome and the rules' suggestion)."""
    out = dict(v.form or {})
    out.update(
        visit_date=v.visit_date.isoformat(),
        method=v.method,
        danger=v.danger,
        insight=v.insight,
        doctor=v.doctor,
        classification=v.classification,
        next_due=v.next_due.isoformat() if v.next_due else None,
        outcome=v.outcome,
        lost_reason=v.lost_reason,
        death_date=v.death_date.isoformat() if v.death_date else None,
        death_cause=v.death_cause,
        classification_suggested=v.classification_suggested,
        referral_suggested=v.referral_suggested,
        id=str(v.id),
    )
    return out


def visits_of(session: Session, enrolment: ProgramEnrolment) -> tuple[dict, ...]:
    """The visits of an enrolment the caller has read (``followup.enrolments_of`` shows it only to
    who may see it, and audits the read), oldest first, voided ones left out."""
    visits = session.scalars(
        select(SmiVisit)
        .where(SmiVisit.enrolment_id == enrolment.id, SmiVisit.voided.is_(False))
        .order_by(SmiVisit.visit_date)
    ).all()
    return tuple(visit_values(v) for v in visits)


def record_of(session: Session, resident_ref: str | uuid.UUID) -> SmiRecord:
    """One patient's registration and visits, for one who may see them; the read is audited."""
    resident = find_resident(session, str(resident_ref))
    enrolment = visible_enrolment(session, resident, "read")
    reg = session.scalar(
        select(SmiRegistration).where(
            SmiRegistration.enrolment_id == enrolment.id, SmiRegistration.voided.is_(False)
        )
    )
    visits = visits_of(session, enrolment)
    _audit_read(session, "smi_registration", reg.id if reg else enrolment.id, resident)
    return SmiRecord(
        resident.id,
        resident.name,
        resident.archive_no,
        enrolment.id,
        enrolment.status,
        enrolment.responsible_doctor,
        enrolment.next_due,
        _registration_values(reg) if reg else {},
        visits,
    )


def is_registered(session: Session, resident_id: uuid.UUID) -> bool:
    """Whether the resident is in the programme — False for anyone who may not know it."""
    enrolment = enrolment_of(session, resident_id, active=False)
    if enrolment is None:
        return False
    resident = session.get(Resident, resident_id)
    return authz.may_see_sensitive(
        session, authz.village_code(session, resident.village_id), enrolment.responsible_doctor
    )


# ---------------------------------------------------------------- the enrolment's summary


def summary_of(visits: list, enrolled_on: dt.date) -> dict:
    """The enrolment's derived summary (worklists read it) from its done, unvoided visits in date
    order (each with ``visit_date``, ``next_due``, ``classification`` and ``method``)."""
    last = visits[-1] if visits else None
    return {
        "last_visit": last.visit_date if last else None,
        "next_due": last.next_due if last else enrolled_on,
        "last_classification": last.classification if last else None,
        **face_to_face_summary(visits),
    }


def refresh_summary(session: Session, enrolment: ProgramEnrolment) -> None:
    visits = session.execute(
        select(SmiVisit.visit_date, SmiVisit.next_due, SmiVisit.classification, SmiVisit.method)
        .where(SmiVisit.enrolment_id == enrolment.id, SmiVisit.voided.is_(False), SmiVisit.outcome == "done")
        .order_by(
            SmiVisit.visit_date, SmiVisit.id
        )  # two visits a day: the later-made one last, on any database
    ).all()
    for key, value in summary_of(visits, enrolment.enrolled_on).items():
        setattr(enrolment, key, value)


def refresh_summaries(session: Session, enrolment_ids) -> None:
    """:func:`refresh_summary` for the SMI enrolments among ``enrolment_ids`` (sync applies in bulk)."""
    ids = list(enrolment_ids)
    for i in range(0, len(ids), 500):
        for e in session.scalars(
            select(ProgramEnrolment).where(
                ProgramEnrolment.id.in_(ids[i : i + 500]), ProgramEnrolment.program == PROGRAM
            )
        ):
            refresh_summary(session, e)
    session.flush()
    note_changes(session, "program_enrolment")


def enrolments_of_visits(session: Session, visit_ids) -> set[uuid.UUID]:
    ids = list(visit_ids)
    out: set[uuid.UUID] = set()
    for i in range(0, len(ids), 500):
        out.update(session.scalars(select(SmiVisit.enrolment_id).where(SmiVisit.id.in_(ids[i : i + 500]))))
    return out


def input_with(**values):
    """A visit input with some fields set (CLI, demo, tests)."""
    return dataclasses.replace(SmiVisitInput(), **values)


# ---------------------------------------------------------------- the visit dialog


@dataclass(frozen=True)
class VisitContext:
    """What the visit dialog needs when it opens, read once (the read is audited)."""

    resident_id: uuid.UUID
    name: str
    archive_no: str
    previous: int | None  # the latest visit's classification
    last_visit: dt.date | None
    today: dt.date
    initial: object  # an SmiVisitInput: today's date and the acting doctor
    # the classes of the visits done, (date, class or None), oldest first: the class before a visit
    # typed with an earlier date (from paper) is read as the save reads it (:meth:`previous_on`)
    classes: tuple[tuple[dt.date, int | None], ...] = ()

    def previous_on(self, day: dt.date) -> int | None:
        """The class of the latest visit before ``day`` (:func:`previous_classification`)."""
        before = [c for d, c in self.classes if d < day]
        return before[-1] if before else None


def visit_context(session: Session, resident_ref: str | uuid.UUID) -> VisitContext:
    resident = find_resident(session, str(resident_ref))
    enrolment = visible_enrolment(session, resident, "read")
    today = capture.trusted_today(session)
    _audit_read(session, "smi_visit", enrolment.id, resident)
    classes = tuple(
        (day, cls)
        for day, cls in session.execute(
            select(SmiVisit.visit_date, SmiVisit.classification)
            .where(
                SmiVisit.enrolment_id == enrolment.id,
                SmiVisit.voided.is_(False),
                SmiVisit.outcome == "done",
            )
            .order_by(SmiVisit.visit_date)
        )
    )
    ctx = VisitContext(
        resident.id,
        resident.name,
        resident.archive_no,
        None,
        enrolment.last_visit,
        today,
        SmiVisitInput(visit_date=today.isoformat(), doctor=doctor_name(session)),
        classes,
    )
    return dataclasses.replace(ctx, previous=ctx.previous_on(today + dt.timedelta(days=1)))


@dataclass(frozen=True)
class TypedAdvice:
    """The rules' suggestion for the follow-up form as typed, and what the class the doctor chose
    (if any) makes of it: what saving the form books (:func:`record_visit`)."""

    suggested: rules.SmiSuggestion
    classed: rules.SmiSuggestion  # as the doctor classed the patient (``suggested`` when not)
    next_due: dt.date  # the date typed, else the class's

    @property
    def overridden(self) -> bool:
        return self.classed.classification != self.suggested.classification


def suggest_typed(ctx: VisitContext, inp) -> TypedAdvice | None:
    """The rules' suggestion for the form as typed, and the doctor's class and date over it (pure:
    no query while typing); None until the visit date and the danger level are valid."""
    c = Checking(VISIT_FORM, inp, today=ctx.today).run()
    day, danger = c.values.get("visit_date"), c.values.get("danger")
    if day is None or danger is None or c.failed("danger", "visit_date"):
        return None
    codes = [row["code"] for row in c.choices if row["field"] == "symptoms"]
    previous = ctx.previous_on(day)  # (as the save reads it: a visit typed from paper, dated earlier)
    s = rules.suggest(findings(c.values, codes), day, previous=previous)
    chosen = c.values.get("classification")
    if c.failed("classification") or (chosen and int(chosen) > rules.mildest_class(danger)):
        chosen = None  # (refused when saved, said at the field)
    classed = rules.as_classed(s, int(chosen) if chosen else None, day, previous)
    typed = None if c.failed("next_due") else c.values.get("next_due")
    if typed and not day < typed <= one_year_after(day):
        typed = None  # (refused when saved, said at the field)
    return TypedAdvice(s, classed, typed or classed.next_due)


def typed_referral_draft(ctx: VisitContext, inp) -> ReferralInput:
    """A referral draft from the follow-up form before it is saved, when the class calls for 立即转诊
    (the same :func:`suggest_typed` that shows the suggestion).  Its words stay neutral — the
    programme is 专项随访 on every list — the doctor adds what the receiving hospital needs."""
    from app.codes import CODE_LISTS

    advice = suggest_typed(ctx, inp)
    s = advice.classed if advice is not None else None
    if s is None or not s.referral:
        raise _err(QT_TRANSLATE_NOOP("Smi", "按本次评估无需转诊"))
    c = Checking(VISIT_FORM, inp, today=ctx.today).run()
    day = c.values.get("visit_date") or ctx.today
    danger = int(c.values["danger"])
    return ReferralInput(
        resident_id=ctx.resident_id,
        program=PROGRAM,
        emergency=danger >= rules.DEFAULT.unstable_danger,
        impression=f"{CODE_LISTS['program'].label(PROGRAM)}（{CODE_LISTS['smi_class'].label(str(s.classification))}）",
        present_history=f"危险性评估 {danger} 级",
        issued_on=day.isoformat(),
        issued_by=c.values.get("doctor") or "",
    )


def synced_enrolment_problem(values: dict, made: bool, stored: dict | None = None) -> str | None:
    """The field of an enrolment's change arriving in a bundle that no device of ours writes, or
    None.  Who may see an enrolment follows from its programme: the programme is set when the
    enrolment is made, ``sensitive`` with it (true for :data:`SENSITIVE_PROGRAMS`), and neither
    ever changes.  A bundle clearing the flag of a 严重精神障碍 enrolment would show the patient
    to everyone at the township; one moving it to 高血压 would do the same.  ``values``: the
    programme and flag as the bundle leaves them; ``stored``: as this device holds them (None: the
    row is not here)."""
    if stored is not None:
        if "program" in values and values["program"] != stored.get("program"):
            return "program"
        program = values.get("program", stored.get("program"))
        if values.get("sensitive", stored.get("sensitive")) is not (program in SENSITIVE_PROGRAMS):
            return "sensitive"
        return None
    if "program" in values:
        if not made:
            return "program"
        if values.get("sensitive", False) is not (values["program"] in SENSITIVE_PROGRAMS):
            return "sensitive"
        return None
    return "sensitive" if "sensitive" in values else None

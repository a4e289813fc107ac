"""Two-way referrals: drafted from a follow-up, issued, then arrived / not arrived / returned.

Printing the slip (双向转诊单) is the printing service's job; this module owns the record.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.models import FollowupVisit, Referral, Resident, ResidentChoice
from app.services.access import authz
from app.services.errors import FieldError, Message, NotFound, ValidationError
from app.services.profile import get_profile
from app.services.records.validators import Invalid, clean_text, parse_date

CTX = "Referral"
STATUSES = ("issued", "arrived", "not_arrived", "returned")


@dataclass
class ReferralInput:
    resident_id: uuid.UUID | None = None
    visit_id: uuid.UUID | None = None
    program: str = ""
    emergency: bool = False
    to_institution: str = ""
    to_department: str = ""
    to_doctor: str = ""
    impression: str = ""
    present_history: str = ""
    past_history: str = ""
    treatment: str = ""
    issued_on: str = ""
    issued_by: str = ""
    issuer_phone: str = ""


def draft_from_visit(session: Session, visit_id: uuid.UUID) -> ReferralInput:
    """A referral pre-filled from a follow-up: patient, reason, current findings, past history, treatment."""
    visit = session.get(FollowupVisit, visit_id)
    if visit is None:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Referral", "找不到这次随访")))
    program = CODE_LISTS["program"].label(visit.program)
    findings = []
    if visit.sbp:
        findings.append(f"血压 {visit.sbp}/{visit.dbp} mmHg")
    if visit.heart_rate:
        findings.append(f"心率 {visit.heart_rate} 次/分")
    if visit.glucose is not None:
        findings.append(f"空腹血糖 {visit.glucose:g} mmol/L")
    reasons = list(visit.emergency_reasons)
    if not reasons and visit.referral_suggested:
        reasons.append("连续两次控制不满意或出现并发症/难以控制的不良反应")
    classification = (
        CODE_LISTS["visit_class"].label(str(visit.classification)) if visit.classification else ""
    )
    past = [
        CODE_LISTS["past_disease"].label(c.code) + (f"（{c.event_date}）" if c.event_date else "")
        for c in session.scalars(
            select(ResidentChoice).where(
                ResidentChoice.resident_id == visit.resident_id,
                ResidentChoice.field == "past_disease",
                ResidentChoice.code != "1",
            )
        )
    ]
    drugs = "；".join(
        f"{d['name']} {d.get('mg_per_time', '')}mg 每日{d.get('times_per_day', '')}次" for d in visit.drugs
    )
    return ReferralInput(
        resident_id=visit.resident_id,
        visit_id=visit.id,
        program=visit.program,
        emergency=bool(visit.emergency_reasons),
        impression=f"{program}" + (f"（{classification}）" if classification else ""),
        present_history="；".join(["，".join(findings)] + reasons if findings else reasons),
        past_history="、".join(past),
        treatment=drugs,
        issued_on=visit.visit_date.isoformat(),
        issued_by=visit.doctor or "",
    )


def create_referral(session: Session, inp: ReferralInput, *, today: dt.date | None = None) -> Referral:
    today = today or dt.date.today()
    errors: list[FieldError] = []

    def text(name: str, max_len: int, label: str) -> str | None:
        try:
            return clean_text(getattr(inp, name), max_len, label)
        except Invalid as e:
            errors.append(FieldError(name, e.message))
            return None

    values = {
        "to_institution": text("to_institution", 100, QT_TRANSLATE_NOOP("Field", "转入单位")),
        "to_department": text("to_department", 50, QT_TRANSLATE_NOOP("Field", "科室")),
        "to_doctor": text("to_doctor", 50, QT_TRANSLATE_NOOP("Field", "接诊医生")),
        "impression": text("impression", 500, QT_TRANSLATE_NOOP("Field", "初步印象")),
        "present_history": text("present_history", 1000, QT_TRANSLATE_NOOP("Field", "主要现病史")),
        "past_history": text("past_history", 1000, QT_TRANSLATE_NOOP("Field", "主要既往史")),
        "treatment": text("treatment", 1000, QT_TRANSLATE_NOOP("Field", "治疗经过")),
        "issued_by": text("issued_by", 50, QT_TRANSLATE_NOOP("Field", "转诊医生")),
        "issuer_phone": text("issuer_phone", 20, QT_TRANSLATE_NOOP("Field", "联系电话")),
    }
    if not values["to_institution"] and not any(e.field == "to_institution" for e in errors):
        errors.append(
            FieldError(
                "to_institution",
                Message(CTX, QT_TRANSLATE_NOOP("Referral", "请填写转入单位：没有去向的转诊单不能开具")),
            )
        )
    try:
        issued = parse_date(inp.issued_on, QT_TRANSLATE_NOOP("Field", "转诊日期")) or today
        if issued > today:
            errors.append(
                FieldError("issued_on", Message(CTX, QT_TRANSLATE_NOOP("Referral", "转诊日期不能晚于今天")))
            )
    except Invalid as e:
        errors.append(FieldError("issued_on", e.message))
        issued = today
    resident = session.get(Resident, inp.resident_id) if inp.resident_id else None
    if resident is None or resident.voided:
        errors.append(FieldError("resident", Message(CTX, QT_TRANSLATE_NOOP("Referral", "找不到转诊的居民"))))
    else:
        authz.require_resident(session, "write", resident)
    if errors:
        raise ValidationError(errors)
    referral = Referral(
        resident_id=resident.id,
        visit_id=inp.visit_id,
        program=inp.program or None,
        emergency=inp.emergency,
        issued_on=issued,
        status="issued",
        from_institution=get_profile(session).institution,
        **values,
    )
    session.add(referral)
    session.flush()
    return referral


def open_referrals(session: Session) -> list[Referral]:
    """Referrals not yet closed (issued, or arrived without a return yet)."""
    q = select(Referral).where(Referral.voided.is_(False), Referral.status.in_(("issued", "arrived")))
    allowed = authz.village_clause(session, Resident.village_id)
    if allowed is not None:
        q = q.join(Resident, Resident.id == Referral.resident_id).where(allowed)
    return list(session.scalars(q.order_by(Referral.issued_on)))


def set_status(
    session: Session,
    referral_id: uuid.UUID,
    status: str,
    day: dt.date | None = None,
    **return_fields: str,
) -> Referral:
    """arrived (到位) / not_arrived (不到位) / returned (回转, with 病案号, 诊断结果, 检查结果, 下一步方案)."""
    referral = session.get(Referral, referral_id)
    if referral is not None:
        authz.require_resident(session, "write", referral.resident)
    if referral is None or referral.voided:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Referral", "找不到转诊单")))
    if status not in STATUSES[1:]:
        raise ValueError(status)
    referral.status, referral.status_date = status, day or dt.date.today()
    for name in ("return_record_no", "return_diagnosis", "return_findings", "return_plan", "return_doctor"):
        if name in return_fields:
            setattr(referral, name, return_fields[name] or None)
    return referral

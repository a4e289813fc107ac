"""Two-way referrals: drafted from a follow-up, issued, then arrived / not arrived / returned.

Printing the slip (双向转诊单) is the printing service's job; this module owns the record.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP, number_text
from app.models import FollowupVisit, Referral, Resident, ResidentChoice
from app.models.base import typed_id
from app.services.access import authz
from app.services.access.actor import actor, doctor_name
from app.services.errors import FieldError, Message, NotFound, UserError, ValidationError
from app.services.profile import get_profile
from app.services.records import residents, sensitive
from app.services.records.validators import Invalid, clean_lines, clean_text, parse_date
from app.services.sync import capture

CTX = "Referral"
STATUSES = ("issued", "arrived", "not_arrived", "returned")
OPEN = ("issued", "arrived")
# A referral's life (DOMAIN.md): 到位 or 不到位 after issue; 回转 after arrival (a return slip
# coming back is proof of arrival, so it may follow the issue directly).  不到位 and 回转 close it.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "issued": ("arrived", "not_arrived", "returned"),
    "arrived": ("returned",),
    "not_arrived": (),
    "returned": (),
}
# Corrections a doctor may make to a step entered by mistake (audited like any change): a patient
# marked 不到位 who went after all is 到位; and the last 到位 / 不到位 may be undone (back to issued) on
# the day it was entered by whoever entered it.  A 回转 is the hospital's word and is never undone.
CORRECTIONS: dict[str, tuple[str, ...]] = {"not_arrived": ("arrived",)}
UNDOABLE = ("arrived", "not_arrived")
REASON_MAX = 500  # 主要现病史（转出原因）: what fits the slip's box legibly
MULTILINE = {"present_history", "past_history", "treatment"}
STATUS_LABELS = {c.code: c.zh for c in CODE_LISTS["referral_status"]}


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
    force: bool = False  # issue even if an open referral to the same place was issued that day


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
        findings.append(f"空腹血糖 {visit.glucose:.1f} mmol/L")
    reasons = _visit_reasons(visit)
    classification = (
        CODE_LISTS["visit_class"].label(str(visit.classification)) if visit.classification else ""
    )
    drugs = visit_treatment(visit)
    return ReferralInput(
        resident_id=visit.resident_id,
        visit_id=visit.id,
        program=visit.program,
        emergency=bool(visit.emergency_reasons),
        impression=f"{program}" + (f"（{classification}）" if classification else ""),
        present_history="；".join(["，".join(findings)] + reasons if findings else reasons),
        past_history=past_history(session, session.get(Resident, visit.resident_id), visit.program),
        treatment=drugs,
        issued_on=visit.visit_date.isoformat(),
        issued_by=visit.doctor or "",
    )


def drug_text(drugs: list[dict] | None) -> str:
    """A visit's drugs as a referral's 治疗经过 writes them: "氨氯地平 5mg 每日1次；…"."""

    def one(d: dict) -> str:  # (what is not known is left out: "复方降压片 每日2次", not " mg 每日次")
        mg, times = number_text(d.get("mg_per_time")), number_text(d.get("times_per_day"))
        return " ".join(
            x for x in (d["name"], f"{mg}mg" if mg else "", f"每日{times}次" if times else "") if x
        )

    return "；".join(one(d) for d in drugs or [] if d.get("name"))


def visit_treatment(visit: FollowupVisit) -> str:
    """A visit's treatment as 治疗经过 and 目前用药 write it: its insulin first ("胰岛素 门冬胰岛素30
    早16U 晚12U"), then its drugs.  The insulin was left out: the hospital receiving a referral was
    not told the patient injects it."""
    insulin = visit.insulin or {}
    kind, dosage = (insulin.get("type") or "").strip(), (insulin.get("dosage") or "").strip()
    injected = " ".join(x for x in ("胰岛素", kind, dosage) if x) if kind or dosage else ""
    return "；".join(x for x in (injected, drug_text(visit.drugs)) if x)


def current_treatment(session: Session, resident_id: uuid.UUID) -> str:
    """治疗经过 of a referral issued without a follow-up to draft it from (the command line): the
    drugs of the latest visit of each chronic-disease programme, as the follow-up card lists them."""
    latest: dict[str, FollowupVisit] = {}
    for v in session.scalars(
        select(FollowupVisit)
        .where(
            FollowupVisit.resident_id == resident_id,
            FollowupVisit.voided.is_(False),
            FollowupVisit.outcome == "done",
        )
        .order_by(FollowupVisit.visit_date)
    ):
        latest[v.program] = v
    parts = [visit_treatment(latest[p]) for p in sorted(latest)]
    return "；".join(dict.fromkeys(p for p in parts if p))


def _visit_reasons(visit: FollowupVisit) -> list[str]:
    """Why a visit calls for a referral: its emergency criteria, or the rule that suggested one."""
    reasons = list(visit.emergency_reasons)
    if not reasons and visit.referral_suggested:
        # the rule that fired, as far as the visit's class tells it (followup_rules.suggest): a
        # complication; 控制不满意 (no reaction, no complication): twice in a row; a reaction
        # recorded as the class hides whether the pressure was also not at target
        reasons.append(
            {
                4: "新出现或加重的并发症",
                2: "连续两次控制不满意",
                3: "药物不良反应难以控制，或连续两次控制不满意",
            }.get(visit.classification, "连续两次控制不满意或出现并发症/难以控制的不良反应")
        )
    return reasons


def past_history(session: Session, resident: Resident, program: str | None) -> str:
    """主要既往史 from the record's 既往史 (diseases with their dates), as the user may see it, for
    a referral of ``program``.  A sensitive programme's box (严重精神障碍) only on a referral of that
    programme: the others are read by everyone who reads the record's referrals (another doctor of
    the village, the township's staff), and the text, filled in by the patient's own doctor, told
    them of the disorder.  The doctor may still write it in by hand."""
    from app.services.programmes.smi import SENSITIVE_PROGRAMS

    events = CODE_LISTS["history_event"]
    rows = session.scalars(
        select(ResidentChoice)
        .where(
            ResidentChoice.resident_id == resident.id,
            ResidentChoice.field.in_(("past_disease", "allergy", *(f"history_{e.code}" for e in events))),
        )
        .order_by(ResidentChoice.id)
    )
    shown = sensitive.visible(session, resident, rows)
    if program not in SENSITIVE_PROGRAMS:
        shown = sensitive.withheld(shown)

    def dated(text: str, c: ResidentChoice) -> str:
        return text + (f"（{c.event_date}）" if c.event_date else "")

    def named(c: ResidentChoice) -> str:  # (其他: what the doctor typed, when there is)
        cl = CODE_LISTS[c.field]
        return dated(
            f"{cl.label(c.code)}：{c.note}" if c.code == cl.other_code and c.note else cl.label(c.code), c
        )

    def of(field: str) -> list[ResidentChoice]:
        return [c for c in shown if c.field == field and c.code != CODE_LISTS[field].none_code]

    # diseases first (as the box always held them), then what a receiving doctor must not miss:
    # the drug allergies, operations, injuries and transfusions the record holds
    parts = ["、".join(named(c) for c in of("past_disease"))]
    if allergies := of("allergy"):
        parts.append("药物过敏史：" + "、".join(named(c) for c in allergies))
    for e in events:
        if done := [c for c in shown if c.field == f"history_{e.code}" and c.note]:
            parts.append(e.zh + "：" + "、".join(dated(c.note, c) for c in done))
    return "；".join(p for p in parts if p)[:1000]  # (the box's length: a record of many is cut)


def past_history_read(session: Session, referral: Referral) -> str:
    """A referral's 主要既往史 as its reader may read it: a referral of another programme made
    before :func:`past_history` left the disorder out (filled in by the patient's own doctor)
    named 严重精神障碍 to whoever printed it; for a reader who may not see the resident's
    sensitive boxes, the part naming one is left out."""
    from app.services.programmes.smi import SENSITIVE_PROGRAMS

    text = referral.past_history or ""
    if not text or referral.program in SENSITIVE_PROGRAMS or sensitive.may_see(session, referral.resident):
        return text
    cl = CODE_LISTS["past_disease"]
    names = [cl.label(code, lang).lower() for code in cl.sensitive_codes for lang in ("zh", "en")]
    # the parts between separators, as the form joins them (、) or a doctor types them (，；, lines);
    # a part naming the disorder anywhere is left out with the separator before it
    pieces = re.split(r"(\s*[、，,；;。\n]\s*)", text)
    kept, gap = [], ""
    for i, piece in enumerate(pieces):
        if i % 2:  # a separator
            gap = piece
            continue
        if not piece.strip() or any(n in piece.lower() for n in names):
            continue
        kept.append((gap if kept else "") + piece)
    return "".join(kept)


def _mark_visit(session: Session, referral: Referral) -> None:
    """The follow-up a referral is made from records it in its 转诊 box (原因, 机构及科别), as the
    paper form has it, unless the doctor already wrote one there."""
    visit = session.get(FollowupVisit, referral.visit_id) if referral.visit_id else None
    if visit is None or visit.voided or visit.resident_id != referral.resident_id:
        return
    if not (visit.referral_institution or visit.referral_department):
        visit.referral_institution = referral.to_institution[:100]
        visit.referral_department = (referral.to_department or "")[:50] or None
    if not visit.referral_reason:
        reason = "；".join(_visit_reasons(visit)) or referral.impression or ""
        visit.referral_reason = reason[:200] or None


def create_referral(session: Session, inp: ReferralInput, *, today: dt.date | None = None) -> Referral:
    today = today or dt.date.today()
    errors: list[FieldError] = []

    def text(name: str, max_len: int, label: str) -> str | None:
        clean = clean_lines if name in MULTILINE else clean_text
        try:
            return clean(getattr(inp, name), max_len, label)
        except Invalid as e:
            errors.append(FieldError(name, e.message))
            return None

    values = {
        "to_institution": text("to_institution", 100, QT_TRANSLATE_NOOP("Field", "转入单位")),
        "to_department": text("to_department", 50, QT_TRANSLATE_NOOP("Field", "科室")),
        "to_doctor": text("to_doctor", 50, QT_TRANSLATE_NOOP("Field", "接诊医生")),
        "impression": text("impression", 500, QT_TRANSLATE_NOOP("Field", "初步印象")),
        "present_history": text("present_history", REASON_MAX, QT_TRANSLATE_NOOP("Field", "主要现病史")),
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
        if gone := residents.after_leaving(resident, issued):
            errors.append(FieldError("issued_on", gone))
    if inp.program and inp.program not in CODE_LISTS["program"]:
        errors.append(
            FieldError(
                "program",
                Message(
                    CTX, QT_TRANSLATE_NOOP("Referral", "没有“{program}”这个项目"), {"program": inp.program}
                ),
            )
        )
    if errors:
        raise ValidationError(errors)
    if inp.program:
        from app.services.programmes.smi import SENSITIVE_PROGRAMS, visible_enrolment

        if inp.program in SENSITIVE_PROGRAMS:  # (a referral of it: for a patient one may see, only;
            visible_enrolment(session, resident, "write")  # the same refusal for anyone else)
    if not inp.force:
        _refuse_duplicate(session, resident, values["to_institution"], issued)
    values["issued_by"] = values["issued_by"] or doctor_name(session) or None  # 转诊医生: who issues it
    values["past_history"] = values["past_history"] or past_history(session, resident, inp.program) or None
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
    _mark_visit(session, referral)
    return referral


class DuplicateReferral(UserError):
    """An open referral of this resident to the same institution was issued the same day."""


def _refuse_duplicate(session: Session, resident: Resident, to_institution: str, issued: dt.date) -> None:
    """Refuse a second open referral of ``resident`` to the same place on the same day, among
    those the actor may see: one of a programme hidden from them (专项随访) is never named, and
    refusing for it alone would tell them it exists."""
    q = select(Referral).where(
        Referral.resident_id == resident.id,
        Referral.voided.is_(False),
        Referral.status.in_(OPEN),
        Referral.issued_on == issued,
        Referral.to_institution == to_institution,
    )
    hidden = sensitive_hidden(session)
    same = session.scalars(q if hidden is None else q.where(hidden)).first()
    if same is not None:
        raise DuplicateReferral(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Referral",
                    "{name}（{archive_no}）{day}已有一张转往{to}的未结转诊单",
                ),
                {
                    "name": resident.name,
                    "archive_no": resident.archive_no,
                    "day": issued.isoformat(),
                    "to": to_institution,
                },
            )
        )


def _of_its_sensitive_enrolment():
    """The condition joining a referral to its resident's enrolment in the referral's programme,
    where that enrolment is sensitive (严重精神障碍: 专项随访)."""
    from app.models import ProgramEnrolment as E

    return (E.resident_id == Referral.resident_id) & (E.program == Referral.program) & E.sensitive.is_(True)


def of_a_sensitive_programme():
    """A WHERE clause on :class:`Referral`: those of a sensitive programme (专项随访)."""
    from sqlalchemy import exists

    return exists().where(_of_its_sensitive_enrolment())


def sensitive_hidden(session: Session):
    """A WHERE clause leaving out the referrals of a sensitive programme (严重精神障碍) whose
    enrolment the actor may not see (``authz.sensitive_clause``), or None: they see every one."""
    from sqlalchemy import exists

    from app.models import ProgramEnrolment

    clause = authz.sensitive_clause(session, ProgramEnrolment)
    if clause is None:
        return None
    return ~of_a_sensitive_programme() | exists().where(_of_its_sensitive_enrolment() & clause)


def open_referrals(session: Session) -> list[Referral]:
    """Referrals not yet closed (issued, or arrived without a return yet)."""
    q = select(Referral).where(Referral.voided.is_(False), Referral.status.in_(OPEN))
    allowed = authz.village_clause(session, Resident.village_id)
    if allowed is not None:
        q = q.join(Resident, Resident.id == Referral.resident_id).where(allowed)
    hidden = sensitive_hidden(session)
    if hidden is not None:
        q = q.where(hidden)
    return list(session.scalars(q.order_by(Referral.issued_on)))


@dataclass(frozen=True)
class ReferralRow:
    """One referral as lists show it (工作台, the resident page, ``cunyi referral list``)."""

    id: uuid.UUID
    resident_id: uuid.UUID
    resident_name: str
    archive_no: str
    village_name: str
    to_institution: str
    to_department: str
    reason: str
    impression: str
    urgent: bool
    status: str
    issued_on: dt.date
    days_open: int | None  # days since issue while open; None once closed
    status_date: dt.date | None
    not_arrived_reason: str
    return_diagnosis: str
    return_record_no: str
    return_findings: str
    return_plan: str
    return_doctor: str = ""
    issued_by: str = ""
    undoable: bool = False  # its last step may be taken back by this user now (undo_refusal)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def next_statuses(self) -> tuple[str, ...]:
        """The steps its life allows now, corrections included (不到位 → 到位)."""
        return TRANSITIONS[self.status] + CORRECTIONS.get(self.status, ())

    @property
    def can_undo(self) -> bool:
        """Whether an undo may be offered: as :func:`undo_step` would take it (who and when)."""
        return self.undoable

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "resident_id": str(self.resident_id),
            "resident": self.resident_name,
            "archive_no": self.archive_no,
            "village": self.village_name,
            "to_institution": self.to_institution,
            "to_department": self.to_department,
            "reason": self.reason,
            "impression": self.impression,
            "urgent": self.urgent,
            "status": self.status,
            "issued_on": self.issued_on.isoformat(),
            "days_open": self.days_open,
            "status_date": self.status_date.isoformat() if self.status_date else None,
            "not_arrived_reason": self.not_arrived_reason,
            "return_diagnosis": self.return_diagnosis,
            "return_record_no": self.return_record_no,
            "return_findings": self.return_findings,
            "return_plan": self.return_plan,
            "return_doctor": self.return_doctor,
        }


def list_referrals(
    session: Session,
    *,
    open_only: bool = False,
    resident_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> list[ReferralRow]:
    """Referrals the actor may see: urgent first, then the longest open; closed ones after, newest first."""
    from app.models import Village

    today = today or dt.date.today()
    q = (
        select(Referral, Resident.name, Resident.archive_no, Village.name)
        .join(Resident, Resident.id == Referral.resident_id)
        .outerjoin(Village, Village.id == Resident.village_id)
        .where(Referral.voided.is_(False), Resident.voided.is_(False))
    )
    allowed = authz.village_clause(session, Resident.village_id)
    if allowed is not None:
        q = q.where(allowed)
    hidden = sensitive_hidden(session)
    if hidden is not None:
        q = q.where(hidden)
    if open_only:
        q = q.where(Referral.status.in_(OPEN))
    if resident_id is not None:
        q = q.where(Referral.resident_id == resident_id)
    rows = [
        ReferralRow(
            id=r.id,
            resident_id=r.resident_id,
            resident_name=name,
            archive_no=archive_no,
            village_name=village or "",
            to_institution=r.to_institution,
            to_department=r.to_department or "",
            reason=r.present_history or "",
            impression=r.impression or "",
            urgent=bool(r.emergency),
            status=r.status,
            issued_on=r.issued_on,
            days_open=max(0, (today - r.issued_on).days) if r.status in OPEN else None,
            status_date=r.status_date,
            not_arrived_reason=r.not_arrived_reason or "",
            return_diagnosis=r.return_diagnosis or "",
            return_record_no=r.return_record_no or "",
            return_findings=r.return_findings or "",
            return_plan=r.return_plan or "",
            return_doctor=r.return_doctor or "",
            issued_by=r.issued_by or "",
            undoable=undo_refusal(session, r) is None,
        )
        for r, name, archive_no, village in session.execute(q)
    ]
    open_rows = sorted(
        (r for r in rows if r.is_open), key=lambda r: (not r.urgent, r.issued_on, r.resident_name)
    )
    closed = sorted(
        (r for r in rows if not r.is_open), key=lambda r: r.status_date or r.issued_on, reverse=True
    )
    return open_rows + closed


def find_referral(session: Session, ref: str | uuid.UUID) -> Referral:
    """A referral by its id (as ``cunyi referral add`` printed it, with or without dashes)."""
    referral_id = typed_id(ref)
    referral = session.get(Referral, referral_id) if referral_id else None
    hidden = sensitive_hidden(session)
    if referral is not None and hidden is not None:  # as if it did not exist, for who may not know
        seen = session.scalar(select(Referral.id).where(Referral.id == referral.id, hidden))
        referral = referral if seen else None
    if referral is None or referral.voided:
        raise NotFound(
            Message(CTX, QT_TRANSLATE_NOOP("Referral", "找不到转诊单：{ref}"), {"ref": str(ref).strip()})
        )
    authz.require_resident(session, "write", referral.resident)
    return referral


def _step_day(session: Session, referral: Referral, day: dt.date | str | None) -> dt.date:
    """The date a step happened: today by default; never before the referral nor after today
    (today as this device can trust it, like a visit's date)."""
    if isinstance(day, str):
        try:
            day = parse_date(day, QT_TRANSLATE_NOOP("Field", "日期"))
        except Invalid as e:
            raise ValidationError([FieldError("status_date", e.message)]) from None
    entry = capture.entry_day(session)
    day = day or entry.day
    if day > entry.day:
        raise ValidationError(
            [
                FieldError(
                    "status_date",
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Referral", "日期 {day} 晚于今天（{today}）"),
                        {"day": day.isoformat(), "today": entry.day.isoformat()},
                    ),
                )
            ]
        )
    if day < referral.issued_on:
        raise ValidationError(
            [
                FieldError(
                    "status_date",
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Referral", "日期 {day} 早于转诊日期 {issued}"),
                        {"day": day.isoformat(), "issued": referral.issued_on.isoformat()},
                    ),
                )
            ]
        )
    return day


def _transition(session: Session, ref, status: str, day: dt.date | str | None) -> Referral:
    """Move a referral to ``status`` if its life (or a correction) allows it; otherwise say what it is now."""
    if status not in STATUSES[1:]:
        raise ValueError(status)
    referral = find_referral(session, ref)
    if status not in TRANSITIONS[referral.status] + CORRECTIONS.get(referral.status, ()):
        raise UserError(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Referral", "这张转诊单已经是“{now}”，不能再记为“{new}”"),
                {"now": STATUS_LABELS[referral.status], "new": STATUS_LABELS[status]},
            )
        )
    day = _step_day(session, referral, day)
    if referral.status == "not_arrived":
        referral.not_arrived_reason = None  # corrected: the patient went after all
    referral.status, referral.status_date = status, day
    return referral


def undo_refusal(session: Session, referral: Referral, *, now: dt.datetime | None = None) -> Message | None:
    """Why the acting user may not undo ``referral``'s last step now (None: they may): only a
    到位 / 不到位, on the day it was entered, by whoever entered it."""
    if referral.status not in UNDOABLE:
        return Message(
            CTX,
            QT_TRANSLATE_NOOP("Referral", "这张转诊单是“{now}”，没有可以撤销的到位/不到位"),
            {"now": STATUS_LABELS[referral.status]},
        )
    now = (now or dt.datetime.now(dt.UTC)).astimezone()
    entered = referral.updated_at.replace(tzinfo=dt.UTC).astimezone()
    if referral.updated_by != actor(session).id or entered.date() != now.date():
        return Message(
            CTX,
            QT_TRANSLATE_NOOP("Referral", "只能撤销自己当天记录的“{now}”；其他更正请记为到位或由录入人撤销"),
            {"now": STATUS_LABELS[referral.status]},
        )
    return None


def undo_step(session: Session, ref, *, now: dt.datetime | None = None) -> Referral:
    """Take back a 到位 / 不到位 entered by mistake: back to issued, on the day it was entered and only
    by whoever entered it (the audit trail keeps both steps)."""
    referral = find_referral(session, ref)
    if (why := undo_refusal(session, referral, now=now)) is not None:
        raise UserError(why)
    referral.status, referral.status_date, referral.not_arrived_reason = "issued", None, None
    return referral


def mark_arrived(session: Session, ref, day: dt.date | str | None = None) -> Referral:
    """到位: the patient reached the institution referred to."""
    return _transition(session, ref, "arrived", day)


def mark_not_arrived(session: Session, ref, reason: str, day: dt.date | str | None = None) -> Referral:
    """不到位: the patient did not go; the reason is required (the township asks for it)."""
    try:
        text = clean_lines(reason, 500, QT_TRANSLATE_NOOP("Field", "不到位原因"))
    except Invalid as e:
        raise ValidationError([FieldError("not_arrived_reason", e.message)]) from None
    if not text:
        raise ValidationError(
            [
                FieldError(
                    "not_arrived_reason",
                    Message(CTX, QT_TRANSLATE_NOOP("Referral", "请填写不到位原因")),
                )
            ]
        )
    referral = _transition(session, ref, "not_arrived", day)
    referral.not_arrived_reason = text
    return referral


@dataclass
class ReturnInput:
    """回转单: what the receiving institution sends back with the patient."""

    diagnosis: str = ""  # 诊断结果 (required)
    record_no: str = ""  # 住院病案号
    findings: str = ""  # 主要检查结果
    plan: str = ""  # 治疗经过、下一步治疗方案及康复建议
    doctor: str = ""  # the receiving institution's doctor who signs the return slip (may stay blank)


def record_return(session: Session, ref, inp: ReturnInput, day: dt.date | str | None = None) -> Referral:
    """回转: the patient comes back with a diagnosis and a plan (a return implies arrival)."""
    errors: list[FieldError] = []

    def text(name: str, value: str, max_len: int, label: str) -> str | None:
        clean = clean_lines if name in ("return_findings", "return_plan") else clean_text
        try:
            return clean(value, max_len, label)
        except Invalid as e:
            errors.append(FieldError(name, e.message))
            return None

    values = {
        "return_diagnosis": text(
            "return_diagnosis", inp.diagnosis, 500, QT_TRANSLATE_NOOP("Field", "诊断结果")
        ),
        "return_record_no": text(
            "return_record_no", inp.record_no, 30, QT_TRANSLATE_NOOP("Field", "住院病案号")
        ),
        "return_findings": text(
            "return_findings", inp.findings, 1000, QT_TRANSLATE_NOOP("Field", "主要检查结果")
        ),
        "return_plan": text("return_plan", inp.plan, 1000, QT_TRANSLATE_NOOP("Field", "下一步治疗方案")),
        "return_doctor": text("return_doctor", inp.doctor, 50, QT_TRANSLATE_NOOP("Field", "接诊医生")),
    }
    if not values["return_diagnosis"] and not any(e.field == "return_diagnosis" for e in errors):
        errors.append(
            FieldError(
                "return_diagnosis", Message(CTX, QT_TRANSLATE_NOOP("Referral", "请填写回转的诊断结果"))
            )
        )
    if errors:
        raise ValidationError(errors)
    referral = _transition(session, ref, "returned", day)
    for name, value in values.items():
        setattr(referral, name, value or None)
    return referral


def set_status(
    session: Session,
    referral_id: uuid.UUID,
    status: str,
    day: dt.date | None = None,
    **return_fields: str,
) -> Referral:
    """arrived / not_arrived (``reason=``) / returned (``return_*=``): the three entry points above by name."""
    if status == "arrived":
        return mark_arrived(session, referral_id, day)
    if status == "not_arrived":
        return mark_not_arrived(session, referral_id, return_fields.get("reason", ""), day)
    if status == "returned":
        inp = ReturnInput(
            diagnosis=return_fields.get("return_diagnosis", ""),
            record_no=return_fields.get("return_record_no", ""),
            findings=return_fields.get("return_findings", ""),
            plan=return_fields.get("return_plan", ""),
            doctor=return_fields.get("return_doctor", ""),
        )
        return record_return(session, referral_id, inp, day)
    raise ValueError(status)

"""Chronic-disease follow-up: programme enrolment and visits, through the national rules.

The form, the CLI (``cunyi followup add``) and the demo all save visits through
:func:`save_visit`: range checks (impossible values refused, unusual ones only with
confirmation), date rules, the classification / emergency / next-date suggestion of
:mod:`app.services.programmes.followup_rules`, and the doctor's override recorded beside it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.db import note_changes
from app.i18n import QT_TRANSLATE_NOOP
from app.models import FollowupVisit, ProgramEnrolment, Resident, ResidentChoice
from app.services import settings
from app.services.access import audit, authz
from app.services.access.actor import doctor_name
from app.services.errors import FieldError, Message, NeedsConfirmation, NotFound, UserError, ValidationError
from app.services.programmes import followup_rules as rules
from app.services.programmes.worklist import FACE_TO_FACE
from app.services.records import residents, voiding
from app.services.records.residents import find_resident
from app.services.records.validators import (
    Invalid,
    age_on,
    blood_pressure_problem,
    clean_text,
    halfwidth,
    one_year_after,
    parse_date,
    parse_decimal,
    parse_int,
)
from app.services.sync import capture

CTX = "Followup"
PROGRAMS = (rules.HTN, rules.T2DM)
UNDER_MANAGEMENT = "1"

# (label, hard min, hard max, usual min, usual max): outside hard → refused; outside usual → confirm.
RANGES: dict[str, tuple[str, float, float, float, float]] = {
    "sbp": (QT_TRANSLATE_NOOP("Field", "收缩压"), 60, 300, 80, 230),
    "dbp": (QT_TRANSLATE_NOOP("Field", "舒张压"), 30, 200, 40, 140),
    "heart_rate": (QT_TRANSLATE_NOOP("Field", "心率"), 30, 220, 40, 160),
    "weight": (QT_TRANSLATE_NOOP("Field", "体重"), 10, 300, 25, 180),
    "weight_target": (QT_TRANSLATE_NOOP("Field", "目标体重"), 10, 300, 25, 180),
    "height": (QT_TRANSLATE_NOOP("Field", "身高"), 50, 250, 100, 210),
    "glucose": (QT_TRANSLATE_NOOP("Field", "空腹血糖"), 1.0, 40, 2.5, 30),
    "hba1c": (QT_TRANSLATE_NOOP("Field", "糖化血红蛋白"), 3, 20, 4, 15),
    "smoking": (QT_TRANSLATE_NOOP("Field", "日吸烟量"), 0, 100, 0, 60),
    "smoking_target": (QT_TRANSLATE_NOOP("Field", "目标日吸烟量"), 0, 100, 0, 60),
    "alcohol": (QT_TRANSLATE_NOOP("Field", "日饮酒量"), 0, 50, 0, 20),
    "alcohol_target": (QT_TRANSLATE_NOOP("Field", "目标日饮酒量"), 0, 50, 0, 20),
    "exercise_times": (QT_TRANSLATE_NOOP("Field", "运动次数"), 0, 21, 0, 14),
    "exercise_minutes": (QT_TRANSLATE_NOOP("Field", "运动时长"), 0, 600, 0, 240),
    "staple_food": (QT_TRANSLATE_NOOP("Field", "主食"), 0, 2000, 50, 800),
    "staple_food_target": (QT_TRANSLATE_NOOP("Field", "目标主食"), 0, 2000, 50, 800),
    "exercise_times_target": (QT_TRANSLATE_NOOP("Field", "目标运动次数"), 0, 21, 0, 14),
    "exercise_minutes_target": (QT_TRANSLATE_NOOP("Field", "目标运动时长"), 0, 600, 0, 240),
}
# What a completed visit of each programme must carry, as printed on its paper form (体征, 服药依从性,
# 下次随访日期, 随访医生签名); a 失访/死亡 visit records its reason instead.  Measurements take their
# labels from RANGES, the rest from MANDATORY_LABELS.  Read by the quality report (services/quality).
MANDATORY: dict[str, tuple[str, ...]] = {
    rules.HTN: ("sbp", "dbp", "heart_rate", "weight", "adherence", "next_due", "doctor"),
    rules.T2DM: ("sbp", "dbp", "weight", "glucose", "adherence", "next_due", "doctor"),
}
# A phone visit (随访方式 3 电话, not FACE_TO_FACE) takes no 体征 and no test itself: what it must carry
# leaves them out.
IN_PERSON_ONLY = frozenset({"sbp", "dbp", "heart_rate", "weight", "glucose"})


def mandatory(program: str, method: str | None) -> tuple[str, ...]:
    """What a completed visit of ``program`` made by ``method`` must carry (:data:`MANDATORY`)."""
    names = MANDATORY[program]
    return names if method in FACE_TO_FACE else tuple(n for n in names if n not in IN_PERSON_ONLY)


MANDATORY_LABELS = {
    "adherence": QT_TRANSLATE_NOOP("Field", "服药依从性"),
    "next_due": QT_TRANSLATE_NOOP("Field", "下次随访日期"),
    "doctor": QT_TRANSLATE_NOOP("Field", "随访医生"),
}


def field_label(name: str) -> str:
    """The form's label of a visit field (Chinese source text, translated in the "Field" context)."""
    return RANGES[name][0] if name in RANGES else MANDATORY_LABELS.get(name, name)


INTEGER_FIELDS = {
    "sbp",
    "dbp",
    "heart_rate",
    "smoking",
    "smoking_target",
    "exercise_times",
    "exercise_minutes",
    "staple_food",
    "staple_food_target",
    "exercise_times_target",
    "exercise_minutes_target",
}
# Coded fields of the form beyond the rules, with their code lists.
VISIT_CODES = {
    "salt": "salt",
    "salt_target": "salt",
    "psychology": "good_fair_poor",
    "compliance": "good_fair_poor",
    "hypoglycaemia": "hypoglycaemia",
    "foot_pulse": "foot_pulse",
}
# Optional fields of provincial revisions (unconfirmed nationally): name -> code list, or None for text.
PROVINCIAL = {
    "drug_adjustment": None,
    "next_step": "next_step",
    "referral_contact": None,
    "referral_result": "referral_result",
    "note": None,
}
VISIT_TEXTS = {  # name: (max length, label)
    "auxiliary_exam": (500, QT_TRANSLATE_NOOP("Field", "辅助检查")),
    "adverse_text": (200, QT_TRANSLATE_NOOP("Field", "不良反应")),
    "symptom_other": (200, QT_TRANSLATE_NOOP("Field", "其他症状")),
    "referral_reason": (200, QT_TRANSLATE_NOOP("Field", "转诊原因")),
    "referral_institution": (100, QT_TRANSLATE_NOOP("Field", "转诊机构")),
    "referral_department": (50, QT_TRANSLATE_NOOP("Field", "转诊科室")),
}


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


@dataclass
class VisitInput:
    """A follow-up as typed: numbers as text, so a form and the CLI hand over the same thing."""

    program: str = rules.HTN
    visit_date: str = ""
    method: str = "1"
    outcome: str = "done"  # done | lost | died
    lost_reason: str = ""
    death_date: str = ""
    death_cause: str = ""
    symptoms: list[str] = field(default_factory=list)
    symptom_other: str = ""
    measurements: dict[str, str] = field(default_factory=dict)  # keys of RANGES
    signs: list[str] = field(default_factory=list)  # emergency signs (code lists *_emergency_sign)
    temperature: str = ""
    adherence: str = ""
    adverse_reaction: bool = False
    adverse_uncontrolled: bool = False
    adverse_text: str = ""
    complication: bool = False
    drugs: list[dict] = field(default_factory=list)
    next_due: str = ""  # empty: the suggestion
    classification: str = ""  # empty: the suggestion
    doctor: str = ""
    correction: bool = False  # a second visit on the same day corrects the first
    confirmed: bool = False  # unusual-but-possible values were confirmed by the doctor
    codes: dict[str, str] = field(default_factory=dict)  # keys of VISIT_CODES
    texts: dict[str, str] = field(
        default_factory=dict
    )  # keys of VISIT_TEXTS (symptom_other/adverse_text too)
    hba1c_date: str = ""
    insulin_type: str = ""
    insulin_dosage: str = ""
    provincial: dict[str, str] = field(default_factory=dict)  # optional provincial fields (PROVINCIAL)


@dataclass(frozen=True)
class SavedVisit:
    id: uuid.UUID
    resident_id: uuid.UUID
    program: str
    visit_date: dt.date
    classification: int | None
    emergency_reasons: tuple[Message, ...]
    referral_suggested: bool
    next_due: dt.date | None
    overridden: bool

    def as_json(self) -> dict:
        return {
            "id": str(self.id),
            "resident_id": str(self.resident_id),
            "program": self.program,
            "visit_date": self.visit_date.isoformat(),
            "classification": self.classification,
            "emergency_reasons": [str(m) for m in self.emergency_reasons],
            "referral_suggested": self.referral_suggested,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "overridden": self.overridden,
        }


LATE_NEXT_DUE = dt.timedelta(days=7)  # a next visit typed this much later than the rules ask is confirmed


# ---------------------------------------------------------------- residents and enrolment


def active_enrolment(session: Session, resident_id: uuid.UUID, program: str) -> ProgramEnrolment | None:
    return session.scalar(
        select(ProgramEnrolment)
        .where(
            ProgramEnrolment.resident_id == resident_id,
            ProgramEnrolment.program == program,
            ProgramEnrolment.voided.is_(False),
            ProgramEnrolment.status == UNDER_MANAGEMENT,
        )
        .order_by(ProgramEnrolment.enrolled_on.desc())
    )


def enrol(
    session: Session,
    resident: Resident,
    program: str,
    enrolled_on: dt.date,
    *,
    diagnosed_on: dt.date | None = None,
    doctor: str | None = None,
) -> ProgramEnrolment:
    """Put a resident under management for a programme (once: an existing enrolment is returned)."""
    if program not in PROGRAMS:
        raise _err(QT_TRANSLATE_NOOP("Followup", "慢病项目应为 htn（高血压）或 t2dm（2型糖尿病）"))
    authz.require_resident(session, "write", resident)
    existing = active_enrolment(session, resident.id, program)
    if existing is not None:
        return existing
    if enrolled_on < resident.birth_date:
        raise _err(QT_TRANSLATE_NOOP("Followup", "纳入管理日期不能早于出生日期"))
    enrolment = ProgramEnrolment(
        resident_id=resident.id,
        program=program,
        enrolled_on=enrolled_on,
        diagnosed_on=diagnosed_on,
        enrolling_doctor=doctor,
        responsible_doctor=doctor or resident.responsible_doctor,
    )
    session.add(enrolment)
    session.flush()
    return enrolment


def default_doctor(session: Session) -> str | None:
    """随访医生/纳入医生 when none is typed (see :func:`actor.doctor_name`); None when nobody."""
    return doctor_name(session) or None


def start_management(
    session: Session, resident_ref: uuid.UUID | str, program: str, today: dt.date | None = None
) -> ProgramEnrolment:
    """The user action "纳入管理" from the resident page: enrolled today by the acting doctor."""
    resident = find_resident(session, str(resident_ref))
    day = today or capture.trusted_today(session)
    return enrol(session, resident, program, day, doctor=default_doctor(session))


# ---------------------------------------------------------------- visits


def _number(name: str, text: str, errors: list[FieldError], warnings: list[FieldError]) -> float | None:
    raw = halfwidth(text or "").strip()
    if not raw:
        return None
    label, lo, hi, usual_lo, usual_hi = RANGES[name]
    try:
        value = parse_decimal(raw, label)
    except Invalid:
        errors.append(
            FieldError(name, Message(CTX, QT_TRANSLATE_NOOP("Followup", "{label}应为数字"), {"label": label}))
        )
        return None
    if name in INTEGER_FIELDS and not value.is_integer():
        errors.append(
            FieldError(name, Message(CTX, QT_TRANSLATE_NOOP("Followup", "{label}应为整数"), {"label": label}))
        )
        return None
    if not lo <= value <= hi:
        errors.append(
            FieldError(
                name,
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Followup", "{label}{value}超出可能范围（{lo}–{hi}）"),
                    {"label": label, "value": f"{value:g}", "lo": f"{lo:g}", "hi": f"{hi:g}"},
                ),
            )
        )
        return None
    if not usual_lo <= value <= usual_hi:
        warnings.append(
            FieldError(
                name,
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Followup", "{label}{value}很少见，请核实后确认保存"),
                    {"label": label, "value": f"{value:g}"},
                ),
            )
        )
    return int(value) if name in INTEGER_FIELDS else value


def previous_control(
    session: Session, resident: Resident, program: str, before: dt.date, t: rules.Thresholds
) -> int | None:
    """Whether the pressure (glucose) was at target at the latest visit before ``before`` that
    measured it (:func:`rules.last_control`)."""
    key = (FollowupVisit.sbp, FollowupVisit.dbp) if program == rules.HTN else (FollowupVisit.glucose,)
    row = session.execute(
        select(FollowupVisit.visit_date, FollowupVisit.sbp, FollowupVisit.dbp, FollowupVisit.glucose)
        .where(
            FollowupVisit.resident_id == resident.id,
            FollowupVisit.program == program,
            FollowupVisit.voided.is_(False),
            FollowupVisit.outcome == "done",
            FollowupVisit.visit_date < before,
            *(column.is_not(None) for column in key),
        )
        .order_by(FollowupVisit.visit_date.desc())
        .limit(1)
    ).first()
    return rules.last_control(program, resident.birth_date, [rules.Reading(*row)] if row else [], t)


def _require_write(session: Session, resident: Resident, enrolment: ProgramEnrolment | None) -> None:
    """The actor may write this resident's records of ``enrolment`` (a sensitive one: its doctor's)."""
    authz.require_resident(
        session,
        "write",
        resident,
        sensitive=bool(enrolment and enrolment.sensitive),
        responsible=enrolment.responsible_doctor if enrolment else None,
    )


def save_visit(
    session: Session,
    resident: Resident,
    inp: VisitInput,
    *,
    enrol_if_needed: bool = False,
    today: dt.date | None = None,
    poverty: bool | None = None,
    thresholds: rules.Thresholds | None = None,
) -> SavedVisit:
    """Validate, classify and save one visit.  Raises ValidationError (nothing written) or
    NeedsConfirmation when only unusual values stand in the way and ``inp.confirmed`` is false."""
    # "Today" as far as this device can trust it: a PC a year ahead must not date visits by its
    # own calendar (the patient would drop off every worklist until then).
    entry = capture.entry_day(session)
    today = entry.day if today is None else min(today, entry.day)
    thresholds = thresholds or settings.thresholds(session)
    errors: list[FieldError] = []
    warnings: list[FieldError] = []

    def fail(name: str, template: str, **params) -> None:
        errors.append(FieldError(name, Message(CTX, template, params)))

    program = inp.program
    if program not in PROGRAMS:
        raise _err(QT_TRANSLATE_NOOP("Followup", "慢病项目应为 htn（高血压）或 t2dm（2型糖尿病）"))
    current = active_enrolment(session, resident.id, program)
    _require_write(session, resident, current)
    try:
        visit_date = parse_date(inp.visit_date, QT_TRANSLATE_NOOP("Field", "随访日期"), required=True)
    except Invalid as e:
        raise ValidationError([FieldError("visit_date", e.message)]) from None
    if visit_date > today and entry.pc_ahead and today == entry.day:
        fail(
            "visit_date",
            QT_TRANSLATE_NOOP(
                "Followup",
                "随访日期不能晚于 {today}：本机日期是 {pc}，而最近一次同步时乡镇卫生院的日期是 {town}，"
                "请核对电脑的日期和时间，并与乡镇卫生院同步",
            ),
            today=today.isoformat(),
            pc=entry.pc_day.isoformat(),
            town=entry.township_day.isoformat(),
        )
    elif visit_date > today:
        fail("visit_date", QT_TRANSLATE_NOOP("Followup", "随访日期不能晚于今天"))
    if visit_date < resident.birth_date:
        fail("visit_date", QT_TRANSLATE_NOOP("Followup", "随访日期不能早于出生日期"))
    # (a 失访/死亡 record is the leaving itself, often learnt of later: taken after the recorded day)
    if inp.outcome not in ("lost", "died") and (gone := residents.after_leaving(resident, visit_date)):
        errors.append(FieldError("visit_date", gone))
    enrolment = current
    if enrolment is None and not enrol_if_needed:
        raise _err(
            QT_TRANSLATE_NOOP("Followup", "{name}未纳入{program}管理；请先纳入管理（命令行可加 --enrol）"),
            name=resident.name,
            program=CODE_LISTS["program"].label(program),
        )
    if enrolment is not None and visit_date < enrolment.enrolled_on:
        fail(
            "visit_date",
            QT_TRANSLATE_NOOP("Followup", "随访日期不能早于纳入管理日期{d}"),
            d=enrolment.enrolled_on.isoformat(),
        )
    if inp.method not in CODE_LISTS["followup_method"]:
        fail("method", QT_TRANSLATE_NOOP("Followup", "随访方式应为 1 门诊、2 家庭或 3 电话"))
    same_day = session.scalar(
        select(FollowupVisit.id)
        .where(
            FollowupVisit.resident_id == resident.id,
            FollowupVisit.program == program,
            FollowupVisit.visit_date == visit_date,
            FollowupVisit.voided.is_(False),
        )
        .limit(1)
    )
    if same_day is not None and not inp.correction:
        fail("visit_date", QT_TRANSLATE_NOOP("Followup", "该患者当天已有一次随访记录；如需更正请标记为更正"))

    if inp.outcome not in ("done", "lost", "died"):
        fail("outcome", QT_TRANSLATE_NOOP("Followup", "随访结果应为 done、lost（失访）或 died（死亡）"))
    if inp.outcome != "done":
        return _save_failed_visit(
            session, resident, inp, visit_date, enrolment, enrol_if_needed, errors, today
        )

    values = {
        name: _number(name, inp.measurements.get(name, ""), errors, warnings)
        for name in RANGES
        if name in inp.measurements
    }
    sbp, dbp = values.get("sbp"), values.get("dbp")
    pressure = blood_pressure_problem(sbp, dbp)
    if pressure is not None and not any(e.field in ("sbp", "dbp") for e in errors):
        errors.append(FieldError("sbp", Message("Validation", pressure)))
    symptom_list = CODE_LISTS["htn_symptom" if program == rules.HTN else "t2dm_symptom"]
    bad = [c for c in inp.symptoms if c not in symptom_list]
    if bad:
        fail("symptoms", QT_TRANSLATE_NOOP("Followup", "症状代码“{value}”无效"), value=bad[0])
    elif "1" in inp.symptoms and len(inp.symptoms) > 1:
        fail("symptoms", QT_TRANSLATE_NOOP("Followup", "选了“无症状”就不能再选其他症状"))
    sign_list = CODE_LISTS["htn_emergency_sign" if program == rules.HTN else "t2dm_emergency_sign"]
    if bad_signs := [s for s in inp.signs if s not in sign_list]:
        fail(
            "signs",
            QT_TRANSLATE_NOOP("Followup", "紧急转诊情况代码“{value}”无效，可选：{choices}"),
            value=bad_signs[0],
            choices=", ".join(c.code for c in sign_list),
        )
    if inp.adherence and inp.adherence not in CODE_LISTS["adherence"]:
        fail("adherence", QT_TRANSLATE_NOOP("Followup", "服药依从性应为 1 规律、2 间断或 3 不服药"))
    temperature = None
    if inp.temperature.strip():
        try:
            temperature = parse_decimal(inp.temperature, QT_TRANSLATE_NOOP("Field", "体温"))
            if not 30 <= temperature <= 45:
                fail("temperature", QT_TRANSLATE_NOOP("Followup", "体温应在30–45°C之间"))
        except Invalid:
            fail("temperature", QT_TRANSLATE_NOOP("Followup", "体温应为数字"))
    drugs = _drugs(inp.drugs, errors)
    if program == rules.HTN and values.get("glucose") is not None:
        values.pop("glucose")  # the hypertension form has no glucose field

    age = age_on(resident.birth_date, visit_date)
    findings = rules.Findings(
        program,
        age,
        sbp=sbp,
        dbp=dbp,
        glucose=values.get("glucose"),
        heart_rate=values.get("heart_rate"),
        temperature=temperature,
        signs=frozenset(inp.signs),
        adverse_reaction=inp.adverse_reaction,
        adverse_uncontrolled=inp.adverse_uncontrolled,
        complication=inp.complication,
    )
    suggestion = rules.suggest(
        findings,
        visit_date,
        previous_control=previous_control(session, resident, program, visit_date, thresholds),
        poverty=resident.poverty_registered if poverty is None else poverty,
        t=thresholds,
    )

    classification = suggestion.classification
    if inp.classification.strip():
        if inp.classification.strip() not in CODE_LISTS["visit_class"]:
            fail("classification", QT_TRANSLATE_NOOP("Followup", "随访分类应为1–4"))
        else:
            classification = int(inp.classification)
    next_due = suggestion.next_due
    if inp.next_due.strip():
        try:
            next_due = parse_date(inp.next_due, QT_TRANSLATE_NOOP("Field", "下次随访日期"))
        except Invalid as e:
            errors.append(FieldError("next_due", e.message))
        if next_due is not None and next_due <= visit_date:
            fail("next_due", QT_TRANSLATE_NOOP("Followup", "下次随访日期应晚于本次随访日期"))
        elif next_due is not None and next_due > one_year_after(visit_date):
            fail(
                "next_due",
                QT_TRANSLATE_NOOP("Followup", "下次随访日期最晚为本次随访后一年（{d}）"),
                d=one_year_after(visit_date).isoformat(),
            )
        elif next_due is not None and next_due > suggestion.next_due + LATE_NEXT_DUE:
            # later than the rules ask (a recheck in 2 weeks, a quarterly visit …): saved once the
            # doctor confirms (2027-12-01 typed for a hypertension patient saved without a word)
            warnings.append(
                FieldError(
                    "next_due",
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "Followup",
                            "下次随访日期 {d} 晚于规范建议的 {s}：按规范，慢病患者应按时面对面随访",
                        ),
                        {"d": next_due.isoformat(), "s": suggestion.next_due.isoformat()},
                    ),
                )
            )
    if errors:
        raise ValidationError(errors)
    if warnings and not inp.confirmed:
        raise NeedsConfirmation(warnings)
    extra = _form_extras(inp, values, visit_date, errors)
    if errors:
        raise ValidationError(errors)

    if enrolment is None:
        enrolment = enrol(
            session, resident, program, visit_date, doctor=inp.doctor or default_doctor(session)
        )
    _void_corrected(session, same_day if inp.correction else None)
    visit = FollowupVisit(
        enrolment_id=enrolment.id,
        resident_id=resident.id,
        program=program,
        visit_date=visit_date,
        method=inp.method,
        outcome=inp.outcome,
        symptoms=list(inp.symptoms),
        adherence=inp.adherence or None,
        adverse_reaction=inp.adverse_reaction or inp.adverse_uncontrolled,
        complication=inp.complication,
        drugs=drugs,
        classification=classification,
        classification_suggested=suggestion.classification,
        emergency_reasons=[str(m) for m in suggestion.emergency_reasons],
        referral_suggested=suggestion.referral,
        next_due=next_due,
        next_due_suggested=suggestion.next_due,
        overridden=(classification != suggestion.classification or next_due != suggestion.next_due),
        doctor=inp.doctor or default_doctor(session),
        correction_of=same_day if inp.correction else None,
        **values,
        **extra,
    )
    session.add(visit)
    session.flush()
    refresh_summary(session, enrolment)
    return SavedVisit(
        visit.id,
        resident.id,
        program,
        visit_date,
        classification,
        suggestion.emergency_reasons,
        suggestion.referral,
        next_due,
        visit.overridden,
    )


@dataclass(frozen=True)
class PreviousVisit:
    visit_date: dt.date
    sbp: int | None
    dbp: int | None
    glucose: float | None
    classification: int | None
    drugs: tuple[dict, ...]


@dataclass(frozen=True)
class VisitContext:
    """What the follow-up form needs, loaded once when it opens: the live suggestion is then a
    pure function of this and of what is typed (:func:`suggest`), with no query per keystroke."""

    resident_id: uuid.UUID
    resident_name: str
    birth_date: dt.date
    poverty: bool
    program: str
    doctor: str  # 随访医生 by default: the acting user
    done_visits: tuple[PreviousVisit, ...]  # oldest first
    provincial_fields: bool
    today: dt.date  # the entry day this PC can trust (the form's default visit date)
    thresholds: rules.Thresholds = rules.DEFAULT  # as this installation sets them (settings.thresholds)

    @property
    def last(self) -> PreviousVisit | None:
        return self.done_visits[-1] if self.done_visits else None


def visit_context(session: Session, resident_id: uuid.UUID | str, program: str) -> VisitContext:
    """Everything the entry form shows or computes from, read once (and checked: the user must
    be allowed to write this resident's follow-ups)."""
    if program not in PROGRAMS:
        raise _err(QT_TRANSLATE_NOOP("Followup", "慢病项目应为 htn（高血压）或 t2dm（2型糖尿病）"))
    resident = find_resident(session, str(resident_id))
    done = [v for v in visit_history(session, resident.id, program) if v.outcome == "done"]
    return VisitContext(
        resident.id,
        resident.name,
        resident.birth_date,
        bool(resident.poverty_registered),
        program,
        default_doctor(session) or "",
        tuple(
            PreviousVisit(v.visit_date, v.sbp, v.dbp, v.glucose, v.classification, tuple(v.drugs or ()))
            for v in done
        ),
        settings.provincial_fields(session),
        capture.trusted_today(session),
        settings.thresholds(session),
    )


def typed_wrong(inp: VisitInput) -> list[Message]:
    """What of the measurements typed so far saving would refuse (not a number, outside what is
    possible), said while typing: a glucose of 0.5 read as "测得空腹血糖后分类" (found by review)."""
    errors: list[FieldError] = []
    for name in RANGES:
        _number(name, inp.measurements.get(name, ""), errors, [])
    return [e.message for e in errors]


def suggest(ctx: VisitContext, inp: VisitInput, today: dt.date | None = None) -> rules.Suggestion:
    """The live suggestion while a visit is typed: the same rules as saving, on whatever parses so
    far.  Pure: never raises for half-typed input, never reads or writes the store."""
    today = today or ctx.today
    try:
        visit_date = parse_date(inp.visit_date, "随访日期") or today
    except Invalid:
        visit_date = today

    def number(name: str) -> float | None:
        label, lo, hi, _ulo, _uhi = RANGES[name]
        try:
            value = parse_decimal(inp.measurements.get(name, "") or "", label)
        except Invalid:
            return None
        return value if lo <= value <= hi else None

    sbp, dbp = number("sbp"), number("dbp")
    try:
        temperature = parse_decimal(inp.temperature, "体温") if inp.temperature.strip() else None
    except Invalid:
        temperature = None
    findings = rules.Findings(
        inp.program,
        age_on(ctx.birth_date, visit_date),
        sbp=int(sbp) if sbp else None,
        dbp=int(dbp) if dbp else None,
        glucose=number("glucose") if inp.program == rules.T2DM else None,
        heart_rate=int(number("heart_rate") or 0) or None,
        temperature=temperature,
        signs=frozenset(inp.signs),
        adverse_reaction=inp.adverse_reaction,
        adverse_uncontrolled=inp.adverse_uncontrolled,
        complication=inp.complication,
    )
    earlier = (
        rules.Reading(v.visit_date, v.sbp, v.dbp, v.glucose)
        for v in reversed(ctx.done_visits)
        if v.visit_date < visit_date
    )
    return rules.suggest(
        findings,
        visit_date,
        previous_control=rules.last_control(inp.program, ctx.birth_date, earlier, ctx.thresholds),
        poverty=ctx.poverty,
        t=ctx.thresholds,
    )


def record_visit(
    session: Session,
    resident_ref: uuid.UUID | str,
    inp: VisitInput,
    *,
    enrol_if_needed: bool = False,
    today: dt.date | None = None,
) -> SavedVisit:
    """The user action "record a follow-up": find the resident (archive number, its last 8 digits
    or id; checked for access) and save the visit through the national rules."""
    resident = find_resident(session, str(resident_ref))
    return save_visit(session, resident, inp, enrol_if_needed=enrol_if_needed, today=today)


def may_void(visit: FollowupVisit) -> bool:
    """Whether a follow-up may be voided by :func:`void_visit`: one that took place (a 失访 or 死亡
    record ended the management, and is not undone so)."""
    return visit.outcome == "done"


def void_visit(
    session: Session,
    resident_ref: uuid.UUID | str,
    program: str,
    visit_date: str | dt.date,
    reason: str,
    *,
    visit_id: uuid.UUID | None = None,
) -> FollowupVisit:
    """The user action "作废一次随访": the programme's follow-up of that day, recorded by mistake (the
    wrong day — a PC whose calendar ran ahead —, the wrong person, a visit that did not happen), is
    voided with the reason, never deleted (:mod:`voiding`); the enrolment's summary (last visit,
    next due) follows.  ``visit_id``: the one chosen in a list (two records of one day — the
    village's and the township's, before they met — are told apart so).  A 失访 or 死亡 record,
    which ended the management, is not voided here."""
    resident = find_resident(session, str(resident_ref))
    if program not in PROGRAMS:
        raise _err(QT_TRANSLATE_NOOP("Followup", "慢病项目应为 htn（高血压）或 t2dm（2型糖尿病）"))
    day = voiding.day_of(visit_date, QT_TRANSLATE_NOOP("Field", "随访日期"))
    current = active_enrolment(session, resident.id, program)
    _require_write(session, resident, current)  # (as for a visit recorded: before its visits are said)
    kind = Message(
        CTX, QT_TRANSLATE_NOOP("Followup", "{program}随访"), {"program": CODE_LISTS["program"].label(program)}
    )
    visit = voiding.entry_of(
        session,
        FollowupVisit,
        (FollowupVisit.resident_id == resident.id, FollowupVisit.program == program),
        FollowupVisit.visit_date,
        day,
        visit_id,
        {"name": resident.name, "kind": kind},
    )
    enrolment = session.get(ProgramEnrolment, visit.enrolment_id)
    _require_write(session, resident, enrolment)
    if not may_void(visit):
        raise _err(
            QT_TRANSLATE_NOOP(
                "Followup",
                "{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院",
            ),
            day=day.isoformat(),
        )
    visit.voided, visit.void_reason = True, voiding.reason_of(reason)
    session.flush()
    refresh_summary(session, enrolment)
    return visit


def visit_history(
    session: Session, resident_id: uuid.UUID, program: str | None = None
) -> list[FollowupVisit]:
    """A resident's visits, oldest first (voided ones left out; sensitive ones only for those
    who may see them)."""
    q = select(FollowupVisit).where(FollowupVisit.resident_id == resident_id, FollowupVisit.voided.is_(False))
    if program:
        q = q.where(FollowupVisit.program == program)
    hidden = authz.sensitive_clause(session, ProgramEnrolment)
    if hidden is not None:
        q = q.join(ProgramEnrolment, ProgramEnrolment.id == FollowupVisit.enrolment_id).where(hidden)
    return list(session.scalars(q.order_by(FollowupVisit.visit_date)))


def end_management(
    session: Session,
    enrolment_id: uuid.UUID,
    status: str,
    day: str,
    reason: str,
    *,
    today: dt.date | None = None,
) -> ProgramEnrolment:
    """失访 / 迁出 / 死亡 / 终止管理, with the date and the reason."""
    today = today or capture.trusted_today(session)
    enrolment = session.get(ProgramEnrolment, enrolment_id)
    if enrolment is None or enrolment.voided:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Followup", "找不到该慢病管理记录")))
    _require_write(session, enrolment.resident, enrolment)
    errors: list[FieldError] = []
    if status not in ("2", "3", "4", "5"):
        errors.append(
            FieldError(
                "status",
                Message(
                    CTX, QT_TRANSLATE_NOOP("Followup", "管理状态应为 2 失访、3 迁出、4 死亡或 5 终止管理")
                ),
            )
        )
    try:
        when = parse_date(day, QT_TRANSLATE_NOOP("Field", "日期"), required=True)
        if when > today or when < enrolment.enrolled_on:
            errors.append(
                FieldError(
                    "date", Message(CTX, QT_TRANSLATE_NOOP("Followup", "日期应在纳入管理之后、今天之前"))
                )
            )
    except Invalid as e:
        errors.append(FieldError("date", e.message))
        when = None
    try:
        reason = clean_text(reason, 200, QT_TRANSLATE_NOOP("Field", "原因"))
    except Invalid as e:
        errors.append(FieldError("reason", e.message))
        reason = None
    if not reason and not any(e.field == "reason" for e in errors):
        errors.append(FieldError("reason", Message(CTX, QT_TRANSLATE_NOOP("Followup", "请写明原因"))))
    if errors:
        raise ValidationError(errors)
    enrolment.status, enrolment.status_date, enrolment.status_reason = status, when, reason
    return enrolment


def programs_to_offer(session: Session, resident_id: uuid.UUID) -> list[str]:
    """Programmes the past history names (高血压 → htn, 糖尿病 → t2dm) the resident is not yet managed for."""
    named = set(
        session.scalars(
            select(ResidentChoice.code).where(
                ResidentChoice.resident_id == resident_id,
                ResidentChoice.field == "past_disease",
                ResidentChoice.code.in_(("2", "3")),
            )
        )
    )
    programs = [p for code, p in (("2", rules.HTN), ("3", rules.T2DM)) if code in named]
    return [p for p in programs if active_enrolment(session, resident_id, p) is None]


def enrolments_of(session: Session, resident_id: uuid.UUID) -> list[ProgramEnrolment]:
    q = select(ProgramEnrolment).where(
        ProgramEnrolment.resident_id == resident_id, ProgramEnrolment.voided.is_(False)
    )
    hidden = authz.sensitive_clause(session, ProgramEnrolment)
    if hidden is not None:
        q = q.where(hidden)
    found = list(session.scalars(q.order_by(ProgramEnrolment.program)))
    for e in found:
        if e.sensitive:  # every read of a sensitive record is audited
            audit.record_now(session, "read", "program_enrolment", e.id, "", scope=None)
    return found


SUMMARY_COLUMNS = (
    "visit_date",
    "next_due",
    "next_due_suggested",
    "sbp",
    "dbp",
    "glucose",
    "classification",
    "method",
)


def _summary(visits, enrolled_on: dt.date, poor: bool = False) -> dict:
    """The enrolment's derived summary from its done, unvoided visits in date order.  ``poor``: the
    resident is of a registered poor household (健康扶贫: chronic patients followed monthly)."""
    last = visits[-1] if visits else None
    return {
        "last_visit": last.visit_date if last else None,
        "next_due": _next_due(last, poor) if last else enrolled_on,
        "last_sbp": last.sbp if last else None,
        "last_dbp": last.dbp if last else None,
        "last_glucose": last.glucose if last else None,
        "last_classification": last.classification if last else None,
        **face_to_face_summary(visits),
    }


def _next_due(last, poor: bool) -> dt.date:
    """The visit's next date; for a patient of a poor household, no later than a month after it
    when the visit booked later than that (it was recorded before the household was registered:
    the rules then knew nothing of it).  A date within the month the rules suggested for a poor
    patient, and the doctor's own date beside it, stand as saved.  From the visit and the
    resident's registration alone: every store holding them derives the same date."""
    month = rules.next_month(last.visit_date)
    if poor and (last.next_due_suggested or last.next_due) > month:
        return min(last.next_due, month)
    return last.next_due


def refresh_resident(session: Session, resident: Resident) -> None:
    """:func:`refresh_summary` for each chronic-disease enrolment of ``resident`` (their household's
    poverty registration changed: poverty.py)."""
    session.flush()
    for enrolment in session.scalars(
        select(ProgramEnrolment).where(
            ProgramEnrolment.resident_id == resident.id,
            ProgramEnrolment.program.in_(PROGRAMS),
            ProgramEnrolment.voided.is_(False),
        )
    ):
        refresh_summary(session, enrolment)


def face_to_face_summary(visits) -> dict:
    """The 门诊/家庭 visits of the year of the last visit (``visits`` in date order, each with
    ``visit_date`` and ``method``): worklists count them as this year's when that year is the
    current one, and as none otherwise.  From the visits alone, not the date it is worked out on,
    so every store holding the visits derives the same summary (a village in December and its
    township in January included)."""
    year = visits[-1].visit_date.year if visits else None
    return {
        "face_to_face_year": year,
        "face_to_face": sum(1 for v in visits if v.visit_date.year == year and v.method in FACE_TO_FACE),
    }


def _counted_visits():
    return select(*(getattr(FollowupVisit, c) for c in SUMMARY_COLUMNS)).where(
        FollowupVisit.voided.is_(False), FollowupVisit.outcome == "done"
    )


def refresh_summary(session: Session, enrolment: ProgramEnrolment) -> None:
    """Recompute the enrolment's visit summary (last visit, next due, last readings, this year's
    face-to-face visits) from its visits.  Call after any visit of the enrolment is written."""
    visits = session.execute(
        _counted_visits()
        .where(FollowupVisit.resident_id == enrolment.resident_id, FollowupVisit.enrolment_id == enrolment.id)
        .order_by(FollowupVisit.visit_date, FollowupVisit.id)  # two visits a day: the later-made one last
    ).all()
    poor = bool(
        session.scalar(select(Resident.poverty_registered).where(Resident.id == enrolment.resident_id))
    )
    for key, value in _summary(visits, enrolment.enrolled_on, poor).items():
        setattr(enrolment, key, value)


def refresh_summaries(session: Session, enrolment_ids) -> None:
    """:func:`refresh_summary` for many enrolments at once (sync applies visits in bulk)."""
    from sqlalchemy import bindparam, update

    ids = list(enrolment_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        enrolled, poor = {}, set()
        for eid, day, is_poor in session.execute(
            select(ProgramEnrolment.id, ProgramEnrolment.enrolled_on, Resident.poverty_registered)
            .join(Resident, Resident.id == ProgramEnrolment.resident_id)
            .where(ProgramEnrolment.id.in_(chunk))
        ):
            enrolled[eid] = day
            if is_poor:
                poor.add(eid)
        visits: dict = {eid: [] for eid in enrolled}
        for row in session.execute(
            _counted_visits()
            .add_columns(FollowupVisit.enrolment_id)
            # through the resident's index of visits (the only one): a visit's enrolment is its
            # resident's (``cunyi check``)
            .join(
                ProgramEnrolment,
                (ProgramEnrolment.resident_id == FollowupVisit.resident_id)
                & (ProgramEnrolment.id == FollowupVisit.enrolment_id),
            )
            .where(ProgramEnrolment.id.in_(chunk))
            .order_by(FollowupVisit.enrolment_id, FollowupVisit.visit_date, FollowupVisit.id)
        ):
            visits[row.enrolment_id].append(row)
        rows = [
            {
                "_id": eid,
                **{f"v_{k}": v for k, v in _summary(visits[eid], enrolled[eid], eid in poor).items()},
            }
            for eid in enrolled
        ]
        if rows:
            keys = [k[2:] for k in rows[0] if k != "_id"]
            t = ProgramEnrolment.__table__
            session.connection().execute(
                update(t).where(t.c.id == bindparam("_id")).values({k: bindparam(f"v_{k}") for k in keys}),
                rows,
            )
            note_changes(session, "program_enrolment")  # written around the ORM: pages refresh


def _form_extras(inp: VisitInput, values: dict, visit_date: dt.date, errors: list[FieldError]) -> dict:
    """The rest of the form: codes, free text, HbA1c date, insulin, and BMI from weight and height."""
    extra: dict = {}
    for name, list_name in VISIT_CODES.items():
        code = (inp.codes.get(name) or "").strip()
        if code and code not in CODE_LISTS[list_name]:
            errors.append(
                FieldError(
                    name,
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Followup", "{label}代码“{value}”无效"),
                        {"label": CODE_LISTS[list_name].zh, "value": code},
                    ),
                )
            )
        extra[name] = code or None
    texts = {
        **inp.texts,
        "symptom_other": inp.texts.get("symptom_other") or inp.symptom_other,
        "adverse_text": inp.texts.get("adverse_text") or inp.adverse_text,
    }
    for name, (max_len, label) in VISIT_TEXTS.items():
        try:
            extra[name] = clean_text(texts.get(name), max_len, label)
        except Invalid as e:
            errors.append(FieldError(name, e.message))
    try:
        hba1c_date = parse_date(inp.hba1c_date, QT_TRANSLATE_NOOP("Field", "糖化血红蛋白检查日期"))
        if hba1c_date and hba1c_date > visit_date:
            errors.append(
                FieldError(
                    "hba1c_date",
                    Message(CTX, QT_TRANSLATE_NOOP("Followup", "糖化血红蛋白检查日期不能晚于随访日期")),
                )
            )
        extra["hba1c_date"] = hba1c_date
    except Invalid as e:
        errors.append(FieldError("hba1c_date", e.message))
    provincial = {}
    for name, value in inp.provincial.items():
        value = (value or "").strip()
        if name not in PROVINCIAL:
            raise KeyError(name)
        list_name = PROVINCIAL[name]
        if value and list_name and value not in CODE_LISTS[list_name]:
            errors.append(
                FieldError(
                    name,
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Followup", "{label}代码“{value}”无效"),
                        {"label": CODE_LISTS[list_name].zh, "value": value},
                    ),
                )
            )
        elif value:
            provincial[name] = value[:500]
    extra["provincial"] = provincial or None
    if inp.insulin_type.strip() or inp.insulin_dosage.strip():
        extra["insulin"] = {"type": inp.insulin_type.strip(), "dosage": inp.insulin_dosage.strip()}
    height = values.get("height")
    if height:  # 体质指数 = kg / m², now and target
        for weight_key, bmi_key in (("weight", "bmi"), ("weight_target", "bmi_target")):
            if values.get(weight_key):
                extra[bmi_key] = round(values[weight_key] / (height / 100) ** 2, 1)
    return extra


MAX_DRUGS = 10


def _drugs(rows: list[dict], errors: list[FieldError]) -> list[dict]:
    """用药情况: name, times a day (whole number) and mg a time (a number), as on the form."""
    out: list[dict] = []
    for row in rows[:MAX_DRUGS]:
        try:
            name = clean_text(str(row.get("name") or ""), 50, QT_TRANSLATE_NOOP("Field", "药物名称"))
            if not name:
                continue
            times = str(row.get("times_per_day") or "").strip()
            mg = str(row.get("mg_per_time") or "").strip()
            times_n = parse_int(times, QT_TRANSLATE_NOOP("Field", "每日次数")) if times else None
            mg_n = parse_decimal(mg, QT_TRANSLATE_NOOP("Field", "每次剂量")) if mg else None
        except Invalid as e:
            errors.append(FieldError("drugs", e.message))
            continue
        if times_n is not None and not 1 <= times_n <= 24:
            errors.append(
                FieldError("drugs", Message(CTX, QT_TRANSLATE_NOOP("Followup", "每日次数应在1–24之间")))
            )
            continue
        if mg_n is not None and not 0 < mg_n <= 100_000:
            errors.append(
                FieldError("drugs", Message(CTX, QT_TRANSLATE_NOOP("Followup", "每次剂量超出可能范围")))
            )
            continue
        out.append(
            {
                "name": name,
                "times_per_day": times_n if times_n is not None else "",
                "mg_per_time": (int(mg_n) if mg_n is not None and mg_n.is_integer() else mg_n)
                if mg_n is not None
                else "",
            }
        )
    return out


def _void_corrected(session: Session, visit_id: uuid.UUID | None) -> None:
    """A correction replaces the day's earlier record, which is voided (never deleted)."""
    if visit_id is not None:
        old = session.get(FollowupVisit, visit_id)
        old.voided, old.void_reason = True, "更正"


def last_seen(session: Session, resident, corrected: tuple[str, dt.date] | None = None) -> dt.date | None:
    """The day of the resident's latest follow-up that was done (not voided), of any programme; a
    correction leaves out the one it corrects (its programme's, that day)."""
    q = select(func.max(FollowupVisit.visit_date)).where(
        FollowupVisit.resident_id == resident.id,
        FollowupVisit.voided.is_(False),
        FollowupVisit.outcome == "done",
    )
    if corrected is not None:
        program, day = corrected
        q = q.where(~((FollowupVisit.program == program) & (FollowupVisit.visit_date == day)))
    return session.scalar(q)


def _save_failed_visit(session, resident, inp, visit_date, enrolment, enrol_if_needed, errors, today):
    """失访 or 死亡: the reason, date and cause instead of measurements; the programme status follows."""

    def fail(field: str, template: str, **params) -> None:
        errors.append(FieldError(field, Message(CTX, template, params)))

    reason = cause = death_date = None
    try:
        reason = clean_text(inp.lost_reason, 200, QT_TRANSLATE_NOOP("Field", "失访原因"))
        cause = clean_text(inp.death_cause, 200, QT_TRANSLATE_NOOP("Field", "死亡原因"))
        death_date = parse_date(inp.death_date, QT_TRANSLATE_NOOP("Field", "死亡日期"))
    except Invalid as e:
        errors.append(FieldError("outcome", e.message))
    if inp.outcome == "lost" and not reason:
        fail("lost_reason", QT_TRANSLATE_NOOP("Followup", "失访请写明原因"))
    if inp.outcome == "died":
        if death_date is None:
            fail("death_date", QT_TRANSLATE_NOOP("Followup", "请填写死亡日期"))
        elif death_date > today or death_date < resident.birth_date:
            fail("death_date", QT_TRANSLATE_NOOP("Followup", "死亡日期应在出生之后、今天之前"))
        elif visit_date is not None and death_date > visit_date:
            fail(
                "death_date",
                QT_TRANSLATE_NOOP("Followup", "死亡日期不能晚于本次随访日期 {date}（随访时已得知死亡）"),
                date=visit_date.isoformat(),
            )
        elif (
            seen := last_seen(session, resident, (inp.program, visit_date) if inp.correction else None)
        ) and seen > death_date:
            fail(
                "death_date",
                QT_TRANSLATE_NOOP(
                    "Followup", "{date} 还有{name}的随访记录（已随访到本人），死亡日期不能早于它：请核对日期"
                ),
                date=seen.isoformat(),
                name=resident.name,
            )
        if not cause:
            fail("death_cause", QT_TRANSLATE_NOOP("Followup", "请填写死亡原因"))
    if errors:
        raise ValidationError(errors)
    if enrolment is None:
        enrolment = enrol(
            session, resident, inp.program, visit_date, doctor=inp.doctor or default_doctor(session)
        )
    enrolment.status = "2" if inp.outcome == "lost" else "4"
    enrolment.status_date = death_date or visit_date
    enrolment.status_reason = reason or cause
    if inp.outcome == "died":
        residents.record_death(session, resident, death_date)
    visit = FollowupVisit(
        enrolment_id=enrolment.id,
        resident_id=resident.id,
        program=inp.program,
        visit_date=visit_date,
        method=inp.method,
        outcome=inp.outcome,
        lost_reason=reason,
        death_date=death_date,
        death_cause=cause,
        doctor=inp.doctor or default_doctor(session),
    )
    session.add(visit)
    session.flush()
    refresh_summary(session, enrolment)
    return SavedVisit(visit.id, resident.id, inp.program, visit_date, None, (), False, None, False)

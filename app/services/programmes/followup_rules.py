"""The national follow-up rules for hypertension and type-2 diabetes, as pure functions.

No database, no Qt: the follow-up form, the CLI and the reports all call these, and a table
of cases tests them.  Every threshold lives in :class:`Thresholds` (a province may adjust
them; the 65+ hypertension target is unconfirmed in the sources, so it is a setting of the
installation: ``settings.ELDERLY_HTN_TARGET``, read through ``settings.thresholds``).
Sources: 国家基本公共卫生服务规范（第三版）, 高血压/2型糖尿病患者健康管理服务规范.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import Message
from app.services.records.validators import age_on

CTX = "Rules"
HTN, T2DM = "htn", "t2dm"
CONTROLLED, NOT_CONTROLLED, ADVERSE, COMPLICATION = 1, 2, 3, 4  # 此次随访分类, in rising severity


@dataclass(frozen=True)
class Thresholds:
    htn_sbp: int = 140  # 控制满意: SBP < 140 and DBP < 90
    htn_dbp: int = 90
    elderly_age: int = 65  # (unconfirmed) 65 岁及以上: < 150/90
    elderly_sbp: int = 150
    elderly_dbp: int = 90
    glucose: float = 7.0  # 空腹血糖 < 7.0 mmol/L
    emergency_sbp: int = 180  # 紧急转诊: SBP ≥ 180 and/or DBP ≥ 110
    emergency_dbp: int = 110
    glucose_high: float = 16.7  # 紧急转诊: 血糖 ≥ 16.7 or ≤ 3.9 mmol/L
    glucose_low: float = 3.9
    tachycardia: int = 100  # 持续性心动过速（心率超过100次/分钟）
    fever: float = 39.0  # 体温超过39°C
    routine_days: int = 90  # 控制满意: next routine (quarterly) visit
    recheck_days: int = 14  # 2 周内随访
    poverty_days: int = 30  # 建档立卡贫困户的慢病患者: monthly (:func:`next_month`; the days bound a recheck)


DEFAULT = Thresholds()


@dataclass(frozen=True)
class Findings:
    """What a visit found, as the rules need it."""

    program: str  # htn | t2dm
    age: int
    sbp: int | None = None
    dbp: int | None = None
    glucose: float | None = None  # fasting, mmol/L
    heart_rate: int | None = None
    temperature: float | None = None
    signs: frozenset[str] = field(
        default_factory=frozenset
    )  # emergency signs ticked (code lists *_emergency_sign)
    adverse_reaction: bool = False
    adverse_uncontrolled: bool = False  # 药物不良反应难以控制
    complication: bool = False  # 新出现或原有并发症加重


@dataclass(frozen=True)
class Suggestion:
    classification: int | None  # 1–4 as on the form; None when nothing was measured or observed
    emergency_reasons: tuple[Message, ...]  # empty when none
    referral: bool
    next_due: dt.date
    basis: str  # why this date: routine | recheck | referral | emergency | poverty


def control(f: Findings, t: Thresholds = DEFAULT) -> int | None:
    """控制满意 (1) or 控制不满意 (2) from the measurements; None when the key value is missing."""
    if f.program == HTN:
        if f.sbp is None or f.dbp is None:
            return None
        sbp_limit, dbp_limit = (
            (t.elderly_sbp, t.elderly_dbp) if f.age >= t.elderly_age else (t.htn_sbp, t.htn_dbp)
        )
        return CONTROLLED if f.sbp < sbp_limit and f.dbp < dbp_limit else NOT_CONTROLLED
    if f.glucose is None:
        return None
    return CONTROLLED if f.glucose < t.glucose else NOT_CONTROLLED


def visit_control(f: Findings, t: Thresholds = DEFAULT) -> int | None:
    """The visit's own judgement of its readings: :func:`control`, except that a glucose at or below
    the emergency low (低血糖, ≤ 3.9 mmol/L) is never 控制满意.  The control-rate indicator keeps the
    national definition (:func:`control`: fasting glucose < 7.0 counts as at target)."""
    if f.program == T2DM and f.glucose is not None and f.glucose <= t.glucose_low:
        return NOT_CONTROLLED
    return control(f, t)


def classify(f: Findings, t: Thresholds = DEFAULT) -> int | None:
    """此次随访分类: when several apply, the most severe (并发症 > 不良反应 > 控制不满意 > 控制满意)."""
    found = [c for c in (visit_control(f, t),) if c is not None]
    if f.adverse_reaction or f.adverse_uncontrolled:
        found.append(ADVERSE)
    if f.complication:
        found.append(COMPLICATION)
    return max(found) if found else None


def emergency_reasons(f: Findings, t: Thresholds = DEFAULT) -> tuple[Message, ...]:
    """Every emergency-referral criterion that fired, as messages a doctor reads (str() is Chinese)."""
    reasons: list[Message] = []

    def add(template: str, **params) -> None:
        reasons.append(Message(CTX, template, params))

    if f.sbp is not None and f.sbp >= t.emergency_sbp:
        add(QT_TRANSLATE_NOOP("Rules", "收缩压≥{limit}mmHg（{value}）"), limit=t.emergency_sbp, value=f.sbp)
    if f.dbp is not None and f.dbp >= t.emergency_dbp:
        add(QT_TRANSLATE_NOOP("Rules", "舒张压≥{limit}mmHg（{value}）"), limit=t.emergency_dbp, value=f.dbp)
    if f.program == T2DM:
        if f.glucose is not None and f.glucose >= t.glucose_high:
            add(
                QT_TRANSLATE_NOOP("Rules", "血糖≥{limit}mmol/L（{value}）"),
                limit=t.glucose_high,
                value=f.glucose,
            )
        if f.glucose is not None and f.glucose <= t.glucose_low:
            add(
                QT_TRANSLATE_NOOP("Rules", "血糖≤{limit}mmol/L（{value}）"),
                limit=t.glucose_low,
                value=f.glucose,
            )
        if f.heart_rate is not None and f.heart_rate > t.tachycardia:
            add(QT_TRANSLATE_NOOP("Rules", "持续性心动过速（心率{value}次/分钟）"), value=f.heart_rate)
        if f.temperature is not None and f.temperature > t.fever:
            add(
                QT_TRANSLATE_NOOP("Rules", "体温超过{limit}°C（{value}）"), limit=t.fever, value=f.temperature
            )
    signs = CODE_LISTS["htn_emergency_sign" if f.program == HTN else "t2dm_emergency_sign"]
    for c in signs:
        if c.code in f.signs:
            add("{sign}", sign=c.zh)  # a code-list label: its English comes from the code list
    return tuple(reasons)


@dataclass(frozen=True)
class Reading:
    """What an earlier visit measured, for :func:`last_control`."""

    visit_date: dt.date
    sbp: int | None
    dbp: int | None
    glucose: float | None


def last_control(
    program: str, birth_date: dt.date, earlier: Iterable[Reading], t: Thresholds = DEFAULT
) -> int | None:
    """控制满意 (1) or 控制不满意 (2) at the latest of ``earlier`` (newest first) that measured it,
    judged from its readings: a call that took no reading does not end a run of 控制不满意, and an
    adverse reaction or complication recorded as the visit's class (the most severe) does not hide
    a pressure or glucose that was not at target."""
    for visit in earlier:
        found = visit_control(
            Findings(program, age_on(birth_date, visit.visit_date), visit.sbp, visit.dbp, visit.glucose), t
        )
        if found is not None:
            return found
    return None


def suggest(
    f: Findings,
    visit_date: dt.date,
    *,
    previous_control: int | None = None,
    poverty: bool = False,
    t: Thresholds = DEFAULT,
) -> Suggestion:
    """Classification, emergency reasons, referral and next visit date for one visit.

    ``previous_control``: whether the patient's pressure (glucose) was at target at the last
    earlier visit that measured it (:func:`last_control`).  Two such visits in a row not at target
    are 连续两次控制不满意, whatever else either recorded.
    """
    classification = classify(f, t)
    now = visit_control(f, t)
    reasons = emergency_reasons(f, t)
    routine = t.poverty_days if poverty else t.routine_days  # 贫困户慢病患者: 每月随访
    basis = "poverty" if poverty else "routine"
    referral = False
    days = routine
    if reasons:
        referral, days, basis = True, t.recheck_days, "emergency"  # 紧急转诊, 2 周内随访
    elif (
        classification == COMPLICATION
        or f.adverse_uncontrolled
        or (now == NOT_CONTROLLED and previous_control == NOT_CONTROLLED)
    ):
        # 连续两次控制不满意 / 不良反应难以控制 / 新出现或加重的并发症 → 转诊, 2 周内随访
        referral, days, basis = True, t.recheck_days, "referral"
    elif classification in (NOT_CONTROLLED, ADVERSE) or (now is None and previous_control == NOT_CONTROLLED):
        # 第一次控制不满意或不良反应: 调整用药, 2 周内随访; a call that measured nothing since keeps
        # the recheck that is owed
        days, basis = t.recheck_days, "recheck"
    due = next_month(visit_date) if basis == "poverty" else visit_date + dt.timedelta(days=min(days, routine))
    return Suggestion(classification, reasons, referral, due, basis)


def next_month(day: dt.date) -> dt.date:
    """The same day of the next month, or its last day (31 January → 28 February): a visit a month
    falls in every calendar month, where 30 days from 31 January would pass February by."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

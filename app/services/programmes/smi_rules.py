"""The national rules for severe mental disorder follow-ups (严重精神障碍患者健康管理服务规范), as pure
functions.

No database, no Qt: the follow-up form, the CLI, the demo and the indicators call these, and a table of
cases tests them.  Every threshold lives in :class:`SmiThresholds` (DOMAIN.md asks to keep them
configurable).  Source: 国家基本公共卫生服务规范（第三版）, 严重精神障碍患者管理服务规范:
- 不稳定: 危险性 3–5 级, 或精神病症状明显、自知力缺乏、有严重药物不良反应或严重躯体疾病 → 对症处理后
  立即转诊到上级医院, 2 周内了解情况;
- 基本稳定: 危险性 1–2 级, 或精神症状、自知力、社会功能状况至少有一方面较差 → 在规定剂量范围内调整
  或查找原因对症治疗, 2 周时随访; 若未达到稳定, 请精神专科医生指导, 1 个月时随访;
- 稳定: 危险性 0 级, 且精神症状基本消失, 自知力基本恢复, 社会功能一般或良好, 无严重药物不良反应,
  躯体疾病稳定 → 继续执行上级医院制定的治疗方案, 3 个月时随访.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

UNSTABLE, MOSTLY_STABLE, STABLE = 1, 2, 3  # 本次随访分类, as printed on the form


@dataclass(frozen=True)
class SmiThresholds:
    unstable_danger: int = 3  # 危险性 ≥ 3 级 → 不稳定
    mostly_stable_danger: int = 1  # 危险性 1–2 级 → 基本稳定
    obvious_symptoms: int = 3  # this many current symptoms or more: 精神病症状明显
    insight_lacking: frozenset[str] = frozenset({"3"})  # 自知力缺失
    insight_poor: frozenset[str] = frozenset({"2"})  # 自知力不全: 较差
    social_poor: frozenset[str] = frozenset({"3"})  # 社会功能 较差 (9 不适用 never counts)
    unstable_days: int = 14  # 2 周内了解转诊情况 / 随访
    observe_days: int = 14  # 基本稳定: 观察 2 周
    not_settled_days: int = 30  # 基本稳定未达稳定: 1 个月时随访
    stable_days: int = 90  # 稳定: 3 个月时随访 (≥ 4 次/年)
    required_per_year: int = 4


DEFAULT = SmiThresholds()


@dataclass(frozen=True)
class SmiFindings:
    """What a visit found, as the rules need it."""

    danger: int  # 危险性评估 0–5
    symptoms: frozenset[str] = field(default_factory=frozenset)  # 目前症状 codes
    insight: str | None = None  # 1 完全 2 不全 3 缺失
    social: tuple[str, ...] = ()  # 社会功能 ratings, 1 良好 2 一般 3 较差 9 不适用
    adverse_serious: bool = False  # 严重药物不良反应
    physical_illness: bool = False  # 严重躯体疾病 (not stable)


@dataclass(frozen=True)
class SmiSuggestion:
    classification: int  # 1 不稳定, 2 基本稳定, 3 稳定
    referral: bool  # 立即转诊到上级医院
    police: bool  # 危险性 3–5 级: 必要时报告公安部门
    psychiatrist: bool  # 基本稳定未达稳定: 请精神专科医生指导
    next_due: dt.date
    reasons: tuple[str, ...]  # keys of what decided it: danger, symptoms, insight, social, adverse, physical


def reasons(f: SmiFindings, t: SmiThresholds = DEFAULT) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(reasons for 不稳定, reasons for 基本稳定): the criteria of each class that the visit meets."""
    if not 0 <= f.danger <= 5:
        raise ValueError(f"danger level {f.danger} outside 0–5")
    unstable, mostly = [], []
    if f.danger >= t.unstable_danger:
        unstable.append("danger")
    elif f.danger >= t.mostly_stable_danger:
        mostly.append("danger")
    if len(f.symptoms) >= t.obvious_symptoms:
        unstable.append("symptoms")
    elif f.symptoms:
        mostly.append("symptoms")  # 精神症状未基本消失
    if f.insight in t.insight_lacking:
        unstable.append("insight")
    elif f.insight in t.insight_poor:
        mostly.append("insight")
    if f.adverse_serious:
        unstable.append("adverse")
    if f.physical_illness:
        unstable.append("physical")
    if any(r in t.social_poor for r in f.social):
        mostly.append("social")
    # 稳定 asks for insight essentially restored and social function fair or good: not assessed,
    # not shown (a visit with the danger level alone was suggested 稳定, next visit in 3 months)
    if f.insight is None:
        mostly.append("insight_unknown")
    if not f.social:
        mostly.append("social_unknown")
    return tuple(unstable), tuple(mostly)


def mildest_class(danger: int, t: SmiThresholds = DEFAULT) -> int:
    """The mildest 本次随访分类 a danger level allows, whatever the doctor judges of the rest:
    3–5 不稳定, 1–2 基本稳定 at best (稳定 asks for danger 0)."""
    return (
        UNSTABLE
        if danger >= t.unstable_danger
        else MOSTLY_STABLE
        if danger >= t.mostly_stable_danger
        else STABLE
    )


def classify(f: SmiFindings, t: SmiThresholds = DEFAULT) -> int:
    unstable, mostly = reasons(f, t)
    return UNSTABLE if unstable else MOSTLY_STABLE if mostly else STABLE


def suggest(
    f: SmiFindings, visit_date: dt.date, *, previous: int | None = None, t: SmiThresholds = DEFAULT
) -> SmiSuggestion:
    """Classification, referral and next visit date.  ``previous``: the classification of the
    patient's previous visit (基本稳定 twice running: it did not settle in 2 weeks)."""
    unstable, mostly = reasons(f, t)
    if unstable:
        return SmiSuggestion(
            UNSTABLE,
            True,
            f.danger >= t.unstable_danger,
            False,
            next_visit(UNSTABLE, visit_date, previous, t),
            unstable,
        )
    if mostly:
        settled_not = previous == MOSTLY_STABLE  # 2 周后仍未达稳定 → 请专科医生指导, 1 个月随访
        return SmiSuggestion(
            MOSTLY_STABLE,
            False,
            False,
            settled_not,
            next_visit(MOSTLY_STABLE, visit_date, previous, t),
            mostly,
        )
    return SmiSuggestion(STABLE, False, False, False, next_visit(STABLE, visit_date, previous, t), ())


def as_classed(
    s: SmiSuggestion,
    chosen: int | None,
    visit_date: dt.date,
    previous: int | None = None,
    t: SmiThresholds = DEFAULT,
) -> SmiSuggestion:
    """What follows from the class the doctor chose (``chosen``; None or the rules' own: ``s``):
    不稳定 is referred at once and seen within 2 weeks, 基本稳定 a second time running is shown to a
    psychiatrist, and each class books its own next visit.  The police advice goes with the danger
    level, whatever the class.  The visit form shows it as typed, and saving books its date."""
    if chosen is None or chosen == s.classification:
        return s
    return SmiSuggestion(
        chosen,
        chosen == UNSTABLE,
        s.police,
        chosen == MOSTLY_STABLE and previous == MOSTLY_STABLE,
        next_visit(chosen, visit_date, previous, t),
        s.reasons,
    )


def next_visit(
    classification: int, visit_date: dt.date, previous: int | None = None, t: SmiThresholds = DEFAULT
) -> dt.date:
    """The next follow-up of a patient classed so: 不稳定 within 2 weeks, 基本稳定 after 2 weeks'
    observation (a month when the previous visit was 基本稳定 too: it did not settle), 稳定 at 3
    months.  The rules' suggestion and a class the doctor chose both take it from here."""
    if classification == UNSTABLE:
        days = t.unstable_days
    elif classification == MOSTLY_STABLE:
        days = t.not_settled_days if previous == MOSTLY_STABLE else t.observe_days
    else:
        days = t.stable_days
    return visit_date + dt.timedelta(days=days)

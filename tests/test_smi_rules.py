"""严重精神障碍 follow-up rules and the 生活自理能力评估表 score: one row per case, as on the forms."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.programmes import selfcare
from app.services.programmes import smi_rules as r

D = dt.date(2026, 3, 1)
U, B, S = r.UNSTABLE, r.MOSTLY_STABLE, r.STABLE
GOOD = ("1", "1", "1", "1", "1")

# danger, symptoms, insight, social, serious adverse, serious physical illness, previous class
#   → classification, referral, next visit in days, police
CASES = [
    # every danger level, nothing else found
    (0, "", "1", GOOD, False, False, None, S, False, 90, False),
    (1, "", "1", GOOD, False, False, None, B, False, 14, False),
    (2, "", "1", GOOD, False, False, None, B, False, 14, False),
    (3, "", "1", GOOD, False, False, None, U, True, 14, True),
    (4, "", "1", GOOD, False, False, None, U, True, 14, True),
    (5, "", "1", GOOD, False, False, None, U, True, 14, True),
    # danger 0 and one other finding
    (0, "1", "1", GOOD, False, False, None, B, False, 14, False),  # a symptom left: not 基本消失
    (0, "1,5", "1", GOOD, False, False, None, B, False, 14, False),
    (0, "1,3,5", "1", GOOD, False, False, None, U, True, 14, False),  # 精神病症状明显
    (0, "1,2,3,4,5,6", "1", GOOD, False, False, None, U, True, 14, False),
    (0, "", "2", GOOD, False, False, None, B, False, 14, False),  # 自知力不全
    (0, "", "3", GOOD, False, False, None, U, True, 14, False),  # 自知力缺失
    (0, "", "1", ("3", "1", "1", "1", "1"), False, False, None, B, False, 14, False),  # 社会功能较差
    (0, "", "1", ("1", "1", "9", "1", "1"), False, False, None, S, False, 90, False),  # 不适用
    (0, "", "1", ("2", "2", "2", "2", "2"), False, False, None, S, False, 90, False),  # 一般 is fine
    (0, "", "1", GOOD, True, False, None, U, True, 14, False),  # 严重药物不良反应
    (0, "", "1", GOOD, False, True, None, U, True, 14, False),  # 严重躯体疾病
    # insight or social function not recorded: not shown to be 稳定
    (0, "", None, (), False, False, None, B, False, 14, False),
    (0, "", None, GOOD, False, False, None, B, False, 14, False),
    (0, "", "1", (), False, False, None, B, False, 14, False),
    # the class is the worst criterion met
    (1, "1,3,5", "1", GOOD, False, False, None, U, True, 14, False),
    (2, "", "3", GOOD, False, False, None, U, True, 14, False),
    (2, "1", "2", ("3", "3", "3", "3", "3"), False, False, None, B, False, 14, False),
    (1, "", "1", GOOD, True, False, None, U, True, 14, False),
    (3, "", "3", GOOD, True, True, None, U, True, 14, True),
    (5, "1,2,3,4,5,6,7,8,9,10,11", "3", ("3",) * 5, True, True, None, U, True, 14, True),
    # 基本稳定 twice running: not settled in 2 weeks → 1 month, psychiatrist's guidance
    (1, "", "1", GOOD, False, False, B, B, False, 30, False),
    (0, "", "2", GOOD, False, False, B, B, False, 30, False),
    (2, "4", "1", GOOD, False, False, U, B, False, 14, False),  # after 不稳定: observe 2 weeks
    (1, "", "1", GOOD, False, False, S, B, False, 14, False),
    # previous visit does not change 稳定 or 不稳定
    (0, "", "1", GOOD, False, False, B, S, False, 90, False),
    (0, "", "1", GOOD, False, False, U, S, False, 90, False),
    (4, "", "1", GOOD, False, False, U, U, True, 14, True),
    (3, "", "1", GOOD, False, False, S, U, True, 14, True),
]


@pytest.mark.parametrize(
    "danger,symptoms,insight,social,adverse,physical,previous,cls,referral,days,police", CASES
)
def test_smi_rules_table(
    danger, symptoms, insight, social, adverse, physical, previous, cls, referral, days, police
):
    f = r.SmiFindings(
        danger=danger,
        symptoms=frozenset(x for x in symptoms.split(",") if x),
        insight=insight,
        social=social,
        adverse_serious=adverse,
        physical_illness=physical,
    )
    got = r.suggest(f, D, previous=previous)
    assert (got.classification, got.referral, (got.next_due - D).days, got.police) == (
        cls,
        referral,
        days,
        police,
    )
    assert r.classify(f) == cls
    assert got.psychiatrist == (previous == B and cls == B)


def test_table_covers_every_danger_level_and_has_30_rows():
    assert len(CASES) >= 30
    assert {c[0] for c in CASES} == {0, 1, 2, 3, 4, 5}


def test_thresholds_are_data():
    strict = r.SmiThresholds(unstable_danger=2, obvious_symptoms=2, stable_days=60)
    assert r.classify(r.SmiFindings(danger=2), strict) == U
    assert r.classify(r.SmiFindings(danger=0, symptoms=frozenset({"1", "5"})), strict) == U
    calm = r.SmiFindings(danger=0, insight="1", social=GOOD)
    assert (r.suggest(calm, D, t=strict).next_due - D).days == 60


def test_a_danger_level_outside_the_scale_is_a_programming_error():
    with pytest.raises(ValueError):
        r.classify(r.SmiFindings(danger=6))


# levels in the form's order 进餐, 梳洗, 穿衣, 如厕, 活动 → score, level (1 可自理 … 4 不能自理)
SELFCARE = [
    ("11111", 0, "1"),
    ("13111", 3, "1"),  # 3: the top of 可自理
    ("13121", 4, "2"),  # 4: the bottom of 轻度依赖
    ("12222", 3, "1"),  # 轻度依赖 on every item is only 3 points
    ("13131", 8, "2"),  # 8: the top of 轻度依赖
    ("13132", 9, "3"),  # 9: the bottom of 中度依赖
    ("31134", 18, "3"),  # 18: the top of 中度依赖
    ("32134", 19, "4"),  # 19: the bottom of 不能自理
    ("44444", 37, "4"),
    ("33333", 19, "4"),
    ("41111", 5, "2"),
    ("14111", 7, "2"),
    ("11411", 5, "2"),
    ("11141", 10, "3"),
    ("11114", 10, "3"),
]


@pytest.mark.parametrize("levels,total,level", SELFCARE)
def test_selfcare_scoring_table(levels, total, level):
    got = selfcare.score(list(levels))
    assert (got.score, got.level) == (total, level)


def test_selfcare_table_covers_every_boundary():
    totals = {t for _, t, _ in SELFCARE}
    assert {3, 4, 8, 9, 18, 19} <= totals


@pytest.mark.parametrize("levels", ["1111", "111111", "11115", "1111x", ""])
def test_selfcare_needs_five_levels_1_to_4(levels):
    with pytest.raises(ValueError):
        selfcare.score(list(levels))

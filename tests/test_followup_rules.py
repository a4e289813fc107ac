"""The national follow-up rules, case by case (规范第三版 高血压 / 2型糖尿病患者健康管理服务规范)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.programmes.followup_rules import DEFAULT, HTN, T2DM, Findings, Thresholds, classify, suggest

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

D = dt.date(2026, 11, 2)
S = frozenset

# (id, findings, previous classification, poverty) → (classification, emergency?, referral, days to next, basis)
CASES = [
    # ---- hypertension control: < 140/90 under 65 ----
    ("htn 139/89 controlled", Findings(HTN, 50, 139, 89), None, False, (1, False, False, 90, "routine")),
    ("htn 140/89 not controlled", Findings(HTN, 50, 140, 89), None, False, (2, False, False, 14, "recheck")),
    ("htn 139/90 not controlled", Findings(HTN, 50, 139, 90), None, False, (2, False, False, 14, "recheck")),
    ("htn 140/90 not controlled", Findings(HTN, 50, 140, 90), None, False, (2, False, False, 14, "recheck")),
    ("htn 120/80 controlled", Findings(HTN, 40, 120, 80), None, False, (1, False, False, 90, "routine")),
    # ---- 65+: < 150/90 (configurable) ----
    ("htn age 64 at 145/85", Findings(HTN, 64, 145, 85), None, False, (2, False, False, 14, "recheck")),
    ("htn age 65 at 145/85", Findings(HTN, 65, 145, 85), None, False, (1, False, False, 90, "routine")),
    ("htn age 65 at 149/89", Findings(HTN, 65, 149, 89), None, False, (1, False, False, 90, "routine")),
    ("htn age 65 at 150/85", Findings(HTN, 65, 150, 85), None, False, (2, False, False, 14, "recheck")),
    ("htn age 80 at 140/90", Findings(HTN, 80, 140, 90), None, False, (2, False, False, 14, "recheck")),
    ("htn age 64 at 139/89", Findings(HTN, 64, 139, 89), None, False, (1, False, False, 90, "routine")),
    # ---- emergency by blood pressure: ≥ 180 and/or ≥ 110 ----
    ("htn 179/109 no emergency", Findings(HTN, 50, 179, 109), None, False, (2, False, False, 14, "recheck")),
    ("htn 180/100 emergency", Findings(HTN, 50, 180, 100), None, False, (2, True, True, 14, "emergency")),
    ("htn 170/110 emergency", Findings(HTN, 50, 170, 110), None, False, (2, True, True, 14, "emergency")),
    ("htn 180/110 emergency", Findings(HTN, 50, 180, 110), None, False, (2, True, True, 14, "emergency")),
    ("htn 200/120 age 70", Findings(HTN, 70, 200, 120), None, False, (2, True, True, 14, "emergency")),
    # ---- emergency by signs, whatever the pressure ----
    (
        "htn consciousness",
        Findings(HTN, 50, 130, 80, signs=S({"consciousness"})),
        None,
        False,
        (1, True, True, 14, "emergency"),
    ),
    (
        "htn severe headache",
        Findings(HTN, 50, 150, 95, signs=S({"headache"})),
        None,
        False,
        (2, True, True, 14, "emergency"),
    ),
    (
        "htn pregnancy",
        Findings(HTN, 30, 142, 92, signs=S({"pregnancy"})),
        None,
        False,
        (2, True, True, 14, "emergency"),
    ),
    (
        "htn orthopnea",
        Findings(HTN, 70, 135, 80, signs=S({"orthopnea"})),
        None,
        False,
        (1, True, True, 14, "emergency"),
    ),
    (
        "htn unmanageable",
        Findings(HTN, 70, None, None, signs=S({"unmanageable"})),
        None,
        False,
        (None, True, True, 14, "emergency"),
    ),
    # ---- consecutive visits ----
    (
        "htn second not controlled: refer",
        Findings(HTN, 50, 150, 95),
        2,
        False,
        (2, False, True, 14, "referral"),
    ),
    (
        "htn not controlled after controlled",
        Findings(HTN, 50, 150, 95),
        1,
        False,
        (2, False, False, 14, "recheck"),
    ),
    (
        "htn controlled after not controlled",
        Findings(HTN, 50, 130, 85),
        2,
        False,
        (1, False, False, 90, "routine"),
    ),
    (
        "htn not controlled after a visit that measured nothing",
        Findings(HTN, 50, 150, 95),
        None,
        False,
        (2, False, False, 14, "recheck"),
    ),
    (
        # an adverse reaction is the visit's class (the most severe), but the pressure was not at
        # target twice running: 连续两次控制不满意
        "htn adverse reaction and not controlled the second time: refer",
        Findings(HTN, 50, 152, 96, adverse_reaction=True),
        2,
        False,
        (3, False, True, 14, "referral"),
    ),
    (
        # a call that took no reading after a 控制不满意 visit: the 2-week recheck is still owed
        "htn call without a reading after not controlled",
        Findings(HTN, 50),
        2,
        False,
        (None, False, False, 14, "recheck"),
    ),
    # ---- adverse reactions and complications: the most severe wins ----
    (
        "htn adverse, controlled",
        Findings(HTN, 50, 130, 80, adverse_reaction=True),
        None,
        False,
        (3, False, False, 14, "recheck"),
    ),
    (
        "htn adverse, not controlled",
        Findings(HTN, 50, 150, 95, adverse_reaction=True),
        None,
        False,
        (3, False, False, 14, "recheck"),
    ),
    (
        "htn adverse uncontrolled: refer",
        Findings(HTN, 50, 130, 80, adverse_uncontrolled=True),
        None,
        False,
        (3, False, True, 14, "referral"),
    ),
    (
        "htn complication: refer",
        Findings(HTN, 50, 130, 80, complication=True),
        None,
        False,
        (4, False, True, 14, "referral"),
    ),
    (
        "htn complication and adverse",
        Findings(HTN, 50, 150, 95, adverse_reaction=True, complication=True),
        None,
        False,
        (4, False, True, 14, "referral"),
    ),
    (
        "htn complication with emergency",
        Findings(HTN, 50, 185, 95, complication=True),
        None,
        False,
        (4, True, True, 14, "emergency"),
    ),
    # ---- poverty-registered households: monthly ----
    (
        "htn poor, controlled: monthly",
        Findings(HTN, 50, 130, 80),
        None,
        True,
        (1, False, False, 30, "poverty"),
    ),
    (
        "htn poor, not controlled: 2 weeks",
        Findings(HTN, 50, 150, 95),
        None,
        True,
        (2, False, False, 14, "recheck"),
    ),
    ("htn poor, emergency", Findings(HTN, 50, 190, 95), None, True, (2, True, True, 14, "emergency")),
    # ---- phone visit without a measurement ----
    ("htn no measurement", Findings(HTN, 50), None, False, (None, False, False, 90, "routine")),
    ("htn only sbp", Findings(HTN, 50, 150, None), None, False, (None, False, False, 90, "routine")),
    # ---- diabetes control: fasting glucose < 7.0 ----
    ("t2dm 6.9 controlled", Findings(T2DM, 55, glucose=6.9), None, False, (1, False, False, 90, "routine")),
    (
        "t2dm 7.0 not controlled",
        Findings(T2DM, 55, glucose=7.0),
        None,
        False,
        (2, False, False, 14, "recheck"),
    ),
    (
        "t2dm 8.2 second time: refer",
        Findings(T2DM, 55, glucose=8.2),
        2,
        False,
        (2, False, True, 14, "referral"),
    ),
    # ---- diabetes emergency by glucose: ≥ 16.7 or ≤ 3.9 ----
    (
        "t2dm 16.6 no emergency",
        Findings(T2DM, 55, glucose=16.6),
        None,
        False,
        (2, False, False, 14, "recheck"),
    ),
    ("t2dm 16.7 emergency", Findings(T2DM, 55, glucose=16.7), None, False, (2, True, True, 14, "emergency")),
    # 低血糖 is not 控制满意, though the control-rate indicator counts < 7.0 as at target (control)
    ("t2dm 3.9 emergency", Findings(T2DM, 55, glucose=3.9), None, False, (2, True, True, 14, "emergency")),
    ("t2dm 4.0 no emergency", Findings(T2DM, 55, glucose=4.0), None, False, (1, False, False, 90, "routine")),
    ("t2dm 25.0 emergency", Findings(T2DM, 55, glucose=25.0), None, False, (2, True, True, 14, "emergency")),
    # ---- diabetes emergency by blood pressure, heart rate, temperature, signs ----
    (
        "t2dm bp 180/90",
        Findings(T2DM, 55, 180, 90, glucose=6.5),
        None,
        False,
        (1, True, True, 14, "emergency"),
    ),
    (
        "t2dm heart rate 100",
        Findings(T2DM, 55, glucose=6.5, heart_rate=100),
        None,
        False,
        (1, False, False, 90, "routine"),
    ),
    (
        "t2dm heart rate 101",
        Findings(T2DM, 55, glucose=6.5, heart_rate=101),
        None,
        False,
        (1, True, True, 14, "emergency"),
    ),
    (
        "t2dm temperature 39.0",
        Findings(T2DM, 55, glucose=6.5, temperature=39.0),
        None,
        False,
        (1, False, False, 90, "routine"),
    ),
    (
        "t2dm temperature 39.1",
        Findings(T2DM, 55, glucose=6.5, temperature=39.1),
        None,
        False,
        (1, True, True, 14, "emergency"),
    ),
    (
        "t2dm acetone breath",
        Findings(T2DM, 55, glucose=12.0, signs=S({"acetone"})),
        None,
        False,
        (2, True, True, 14, "emergency"),
    ),
    ("t2dm poor, controlled", Findings(T2DM, 55, glucose=6.0), None, True, (1, False, False, 30, "poverty")),
    (
        "t2dm complication",
        Findings(T2DM, 55, glucose=6.0, complication=True),
        None,
        False,
        (4, False, True, 14, "referral"),
    ),
    # ---- heart rate and temperature are diabetes criteria only ----
    (
        "htn heart rate 120 no emergency",
        Findings(HTN, 50, 130, 80, heart_rate=120),
        None,
        False,
        (1, False, False, 90, "routine"),
    ),
]


@pytest.mark.parametrize(
    "findings, previous, poverty, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
@pytest.mark.sqlite_only  # no store: pure rules
def test_rules(findings, previous, poverty, expected):
    classification, emergency, referral, days, basis = expected
    s = suggest(findings, D, previous_control=previous, poverty=poverty)
    assert s.classification == classification
    assert bool(s.emergency_reasons) == emergency
    assert s.referral == referral
    assert (s.next_due - D).days == days
    assert s.basis == basis


@pytest.mark.sqlite_only  # no store: pure rules
def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.sqlite_only  # no store: pure rules
def test_emergency_reasons_name_every_criterion_that_fired():
    s = suggest(Findings(T2DM, 60, 185, 112, glucose=2.8, signs=S({"acetone", "breathing"})), D)
    assert [str(r) for r in s.emergency_reasons] == [
        "收缩压≥180mmHg（185）",
        "舒张压≥110mmHg（112）",
        "血糖≤3.9mmol/L（2.8）",
        "呼气有烂苹果样丙酮味",
        "深大呼吸",
    ]


@pytest.mark.sqlite_only  # no store: pure rules
def test_thresholds_are_configuration():
    strict_elderly = Thresholds(elderly_sbp=140)
    assert classify(Findings(HTN, 70, 145, 85)) == 1
    assert classify(Findings(HTN, 70, 145, 85), strict_elderly) == 2
    assert suggest(Findings(HTN, 50, 130, 80), D, t=Thresholds(routine_days=60)).next_due == D + dt.timedelta(
        60
    )
    assert DEFAULT.glucose == 7.0


@pytest.mark.sqlite_only  # no store: pure rules
def test_diabetes_tachycardia_and_fever_can_be_ticked():
    """DOMAIN.md: persistent tachycardia and a temperature over 39 ℃ are diabetes emergencies; the
    diabetes form takes neither a heart rate nor a temperature, and had no box for either."""
    s = suggest(Findings(T2DM, 60, 130, 80, glucose=6.0, signs=S({"tachycardia", "fever"})), D)
    assert s.referral and [str(r) for r in s.emergency_reasons] == [
        "持续性心动过速（心率超过100次/分钟）",
        "体温超过39°C",
    ]


@pytest.mark.sqlite_only
def test_hypoglycaemia_is_never_controlled_at_the_visit_but_meets_the_indicator():
    """A fasting glucose of 3.5 is an emergency and not 控制满意; an earlier such visit followed by
    8.2 is two visits in a row not at target (referral).  The control-rate indicator keeps the
    national definition: < 7.0 mmol/L is at target."""
    from app.services.programmes.followup_rules import CONTROLLED, Reading, control, last_control

    low = Findings(T2DM, 55, glucose=3.5)
    assert classify(low) == 2
    assert control(low) == CONTROLLED
    earlier = [Reading(dt.date(2026, 3, 1), None, None, 3.5)]
    previous = last_control(T2DM, dt.date(1970, 1, 1), earlier)
    assert previous == 2
    assert suggest(Findings(T2DM, 56, glucose=8.2), dt.date(2026, 3, 15), previous_control=previous).referral


@pytest.mark.sqlite_only  # no store: pure rules
@pytest.mark.parametrize(
    ("visit", "due"),
    [
        ("2026-01-31", "2026-02-28"),  # 30 days would be 2 March: February without a visit
        ("2028-01-31", "2028-02-29"),
        ("2026-01-15", "2026-02-15"),
        ("2026-03-31", "2026-04-30"),
        ("2026-12-31", "2027-01-31"),
    ],
)
def test_a_poor_households_patient_is_due_once_every_calendar_month(visit, due):
    s = suggest(Findings(HTN, 50, 130, 80), dt.date.fromisoformat(visit), poverty=True)
    assert (s.next_due, s.basis) == (dt.date.fromisoformat(due), "poverty")

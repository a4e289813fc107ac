"""Demo data: deterministic, valid, and shaped like a rural village."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.models import Household, Resident, ResidentSearchKey, org_id
from app.services.records.validators import age_on, parse_resident_id
from app.tools.demo import generate_demo
from tests.conftest import TODAY, make_store

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def _people(store):
    with store.session() as s:
        return s.execute(
            select(
                Resident.name,
                Resident.id_number,
                Resident.sex,
                Resident.birth_date,
                Resident.household_id,
                Resident.relation_to_head,
                Resident.poverty_registered,
                Resident.archive_no,
            )
        ).all()


def test_same_seed_same_village(tmp_path):
    a, b = make_store(tmp_path / "a"), make_store(tmp_path / "b")
    for st in (a, b):
        with st.transaction() as s:
            generate_demo(s, 200, seed=7, today=TODAY)
    assert [p[:4] for p in _people(a)] == [p[:4] for p in _people(b)]


@pytest.mark.slow  # the shares of elderly, children and poor households need a village-sized sample
def test_demo_residents_are_valid_and_realistic(store):
    with store.transaction() as s:
        result = generate_demo(s, 2000, seed=3, today=TODAY)
    assert result.residents == 2000
    people = _people(store)
    assert len(people) == 2000
    for name, number, sex, birth, *_ in people:
        rid = parse_resident_id(number)  # valid check digit and a real address code
        assert number[:6] == "110105"
        assert (rid.birth_date, rid.sex) == (birth, sex)
        assert 2 <= len(name) <= 4
    assert len({p[1] for p in people}) == 2000  # no duplicate IDs
    sizes = Counter(p[4] for p in people)
    assert set(sizes.values()) <= set(range(1, 8))
    heads = Counter(p[4] for p in people if p[5] == "0")
    assert all(heads[h] == 1 for h in sizes)  # one head per household
    ages = [age_on(p[3], TODAY) for p in people]
    assert 0.18 < sum(a >= 65 for a in ages) / len(ages) < 0.40  # many elderly
    assert 0.05 < sum(a < 15 for a in ages) / len(ages) < 0.25
    assert 0.4 < sum(p[2] == "1" for p in people) / len(people) < 0.6
    poor_households = {p[4] for p in people if p[6]}
    assert 0.02 < len(poor_households) / len(sizes) < 0.09
    assert len(Counter(p[0][0] for p in people)) > 30  # many surnames
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ResidentSearchKey)) > 4 * 2000
        assert s.scalar(select(func.count()).select_from(Household)) == len(sizes)
    archives = sorted(p[7] for p in people)
    assert archives[0].endswith("00001") and archives[-1].endswith("02000")


@pytest.mark.slow
def test_township_demo_spreads_over_villages(township_store):
    with township_store.transaction() as s:
        result = generate_demo(s, 500, seed=1, villages=5, today=TODAY)
    assert result.villages == 5
    with township_store.session() as s:
        per_village = s.execute(select(Resident.village_id, func.count()).group_by(Resident.village_id)).all()
    # 100 each, and the two duplicate records the township demo makes (demo_township) in villages 1 and 2
    counts = {vid: n for vid, n in per_village}
    firsts = [org_id("village", f"110105001{i:03d}") for i in (1, 2)]
    assert len(per_village) == 5 and all(n == (101 if vid in firsts else 100) for vid, n in counts.items())


@pytest.mark.slow
def test_demo_visits_agree_with_the_rules_and_look_measured(store):
    """What an inspector checks on the demo's paper forms: a 电话 visit measured nothing, weight
    drifts (± 2 kg between visits), no low glucose classed 控制满意, classification and referral are
    what the follow-up rules say for the values."""
    from app.models import FollowupVisit

    with store.transaction() as s:
        generate_demo(s, 300, seed=5, today=TODAY)
    with store.session() as s:
        visits = s.scalars(
            select(FollowupVisit)
            .where(FollowupVisit.outcome == "done")
            .order_by(FollowupVisit.enrolment_id, FollowupVisit.visit_date)
        ).all()
    assert len(visits) > 100 and {v.method for v in visits} == {"1", "2", "3"}
    assert any(v.program == "t2dm" for v in visits)
    last_weight = {}
    for v in visits:
        if v.method == "3":
            assert (v.sbp, v.dbp, v.heart_rate, v.weight, v.glucose) == (None,) * 5
            continue
        assert v.weight is not None and v.sbp is not None
        if v.enrolment_id in last_weight:
            assert abs(v.weight - last_weight[v.enrolment_id]) <= 2.0 + 1e-9
        last_weight[v.enrolment_id] = v.weight
        if v.program == "t2dm":
            assert v.glucose > 3.9 and v.hypoglycaemia == "1"
            assert v.classification != 1 or v.glucose < 7.0
        assert v.classification == v.classification_suggested
        assert v.referral_suggested == bool(v.emergency_reasons) or v.classification == 2


@pytest.mark.sqlite_only  # the dates are the generator's, whatever the store
@pytest.mark.parametrize("today", ["2027-01-01", "2027-02-28", "2028-02-29", "2026-12-31"])
def test_the_demo_can_be_made_on_any_day_of_the_year(tmp_path, today):
    """Whatever the date: early in a year this year's elderly checks are January's and February's
    (it once crashed with an empty range before March), and nothing is dated after the day."""
    import datetime as dt

    from app.models import ElderlyCheck, FollowupVisit

    day = dt.date.fromisoformat(today)
    store = make_store(tmp_path / "s")
    with store.transaction() as s:
        generate_demo(s, 300, seed=3, today=day)
    with store.session() as s:
        checks = s.scalars(select(ElderlyCheck.check_date)).all()
        assert checks and max(checks) <= day
        assert any(c.year == day.year for c in checks)
        assert s.scalar(select(func.max(FollowupVisit.visit_date))) <= day
    store.dispose()


def test_demo_poverty_plans_never_name_a_restricted_programme(store):
    """A poor household's 严重精神障碍 patient got a plan whose 疾病 read 专项随访 (the SMI
    programme's own name), printed on the poverty sheet for every doctor: the demo now names the
    programmes a plan may name (poverty.save_plan's rule), never a sensitive one."""
    import datetime as dt

    from app.codes import CODE_LISTS
    from app.models import PovertyPlan, ProgramEnrolment

    with store.transaction() as s:
        generate_demo(s, 300, seed=7, today=dt.date(2026, 12, 4))  # (one such patient, before)
    with store.session() as s:
        open_programmes: dict = {}
        for rid, program, sensitive in s.execute(
            select(ProgramEnrolment.resident_id, ProgramEnrolment.program, ProgramEnrolment.sensitive).where(
                ProgramEnrolment.voided.is_(False), ProgramEnrolment.status == "1"
            )
        ):
            open_programmes.setdefault(rid, {})[CODE_LISTS["program"].label(program)] = sensitive
        plans = s.scalars(select(PovertyPlan)).all()
        assert plans
        for plan in plans:
            assert open_programmes[plan.resident_id].get(plan.condition) is False, plan.condition

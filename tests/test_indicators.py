"""The core indicators on a hand-built township whose numerators and denominators are written out
below, resident by resident, with the boundary cases of the rules (app/services/indicators/core.py):
a 4th visit on 31 December, a patient enrolled mid-year (pro-rata by quarter), a resident who
died, one who moved away, a voided visit, a same-day correction, a voided record."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import ElderlyCheck, FollowupVisit, Household, ProgramEnrolment, Referral, Resident
from app.services import profile
from app.services.errors import UserError
from app.services.indicators import Period, Scope, engine, population
from tests import storekit
from tests.conftest import TOWNSHIP_CODE, make_store

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

A, B = TOWNSHIP_CODE + "001", TOWNSHIP_CODE + "002"
D = dt.date.fromisoformat
YEAR = 2026
Q4 = Period.quarter(YEAR, 4)

# name: village, born, enrolled (record), status (1 在册 2 迁出 3 死亡), status date, has ID number
RESIDENTS = {
    "r1": (A, "1970-05-01", "2020-03-01", "1", None, True),
    "r2": (A, "1970-05-01", "2020-03-01", "1", None, True),
    "r3": (A, "1956-02-01", "2026-07-15", "1", None, True),  # 70 years old: 65+ target < 150/90
    "r4": (A, "1970-05-01", "2019-01-01", "3", "2026-05-10", True),  # died in May
    "r5": (A, "1970-05-01", "2019-01-01", "2", "2025-11-01", True),  # moved away the year before
    "r6": (A, "1970-05-01", "2021-01-01", "1", None, True),
    "r7": (A, "1970-05-01", "2021-01-01", "1", None, True),
    "r8": (A, "1990-05-01", "2022-01-01", "1", None, False),  # no ID number: not an e-record
    "r9": (B, "1970-05-01", "2026-12-20", "1", None, True),
    "r10": (B, "1970-05-01", "2020-01-01", "1", None, True),  # voided (a duplicate)
    "r11": (B, "1970-05-01", "2026-02-01", "1", None, True),
    "r12": (B, "1970-05-01", "2027-01-05", "1", None, True),  # recorded after the period
}
# resident: programme, enrolled, enrolment status (1 在管 3 迁出 4 死亡), status date
ENROLMENTS = {
    "r1": ("htn", "2020-03-01", "1", None),
    "r2": ("htn", "2020-03-01", "1", None),
    "r3": ("htn", "2026-07-15", "1", None),  # mid-year: Q3 and Q4 → 2 visits required
    "r4": ("htn", "2019-01-01", "4", "2026-05-10"),  # died in Q2: Q1 and Q2 → 2 required
    "r5": ("htn", "2019-01-01", "3", "2025-11-01"),  # moved before the year: not under management
    "r6": ("t2dm", "2021-01-01", "1", None),
    "r7": ("t2dm", "2021-01-01", "1", None),
    "r9": ("htn", "2026-12-20", "1", None),  # Q4 only → 1 required
    "r10": ("htn", "2020-01-01", "1", None),  # the resident is voided
}
# resident: date, method (1 门诊 2 家庭 3 电话), sbp, dbp, glucose, voided
VISITS = {
    "r1": [
        ("2026-03-10", "1", 150, 95, None, False),
        ("2026-06-10", "2", 132, 84, None, False),
        ("2026-09-10", "1", 136, 86, None, False),
        ("2026-12-31", "1", 135, 85, None, False),  # the 4th face-to-face visit, on 31 December
        ("2025-12-30", "1", 135, 85, None, False),  # last year: not this year's
    ],
    "r2": [
        ("2026-03-01", "1", 130, 80, None, False),
        ("2026-06-01", "1", 130, 80, None, False),
        ("2026-09-01", "2", 130, 80, None, False),
        ("2026-11-01", "3", 128, 82, None, False),  # by phone: no face-to-face, but the latest reading
        ("2026-12-01", "1", 170, 100, None, True),  # voided: neither a 4th visit nor the latest reading
    ],
    "r3": [("2026-07-15", "1", 140, 85, None, False), ("2026-10-20", "2", 145, 92, None, False)],
    "r4": [("2026-02-01", "1", 130, 80, None, False), ("2026-04-20", "1", 142, 88, None, False)],
    "r6": [
        ("2026-03-05", "1", None, None, 6.5, False),
        ("2026-06-05", "1", None, None, 7.4, True),  # voided: corrected the same day …
        ("2026-06-05", "1", None, None, 6.8, False),  # … by this record
        ("2026-09-05", "2", None, None, 6.6, False),
        ("2026-12-05", "1", None, None, 6.9, False),
    ],
    "r7": [
        ("2026-04-01", "1", None, None, 8.0, False),
        ("2026-04-01", "1", None, None, 8.0, False),  # the same day twice: counts once
        ("2026-08-01", "1", None, None, 7.0, False),  # 7.0 is not < 7.0
    ],
    "r9": [("2026-12-20", "1", 120, 70, None, False)],
    "r10": [("2026-03-01", "1", 120, 70, None, False)] * 4,
}
REFERRALS = {"r11": "2026-03-03"}

# indicator: (total numerator, total denominator, {village: (numerator, denominator)}), year 2026
EXPECTED_YEAR = {
    # r1 r2 r3 r6 r7 r8 | r9 r11 in the register on 31 December; figures entered: A 10, B 5
    "records": (8, 15, {A: (6, 10), B: (2, 5)}),
    "e_records": (7, 15, {A: (5, 10), B: (2, 5)}),  # r8 has no ID number
    # records that existed in 2026: A r1 r2 r3 r4 r6 r7 r8, B r9 r11; all used but r8
    "record_use": (8, 9, {A: (6, 7), B: (2, 2)}),
    # under management: A r1 r2 r3 r4, B r9; r2 has 3 face-to-face visits of 4
    "htn_standard": (4, 5, {A: (3, 4), B: (1, 1)}),
    # controlled: r1 (135/85), r2 (128/82 by phone), r9; not r3 (145/92, 65+), r4 (142/88)
    "htn_control": (3, 5, {A: (2, 4), B: (1, 1)}),
    "t2dm_standard": (1, 2, {A: (1, 2), B: (0, 0)}),  # r7: 2 days of visits
    "t2dm_control": (1, 2, {A: (1, 2), B: (0, 0)}),  # r7's latest glucose is 7.0
}
# Q4 2026: r4 died before it; r2's only Q4 visits are a phone call and a voided one
EXPECTED_Q4 = {
    "htn_standard": (3, 4, {A: (2, 3), B: (1, 1)}),
    "htn_control": (3, 4, {A: (2, 3), B: (1, 1)}),
}


def build(store) -> dict[str, object]:
    """The township above; returns the residents' ids by name."""
    ids: dict[str, object] = {}
    with store.transaction() as s:
        villages = {A: profile.ensure_village(s, A, "东村"), B: profile.ensure_village(s, B, "西村")}
        for n, (code, born, enrolled, status, status_date, has_id) in RESIDENTS.items():
            village = villages[code]
            household = Household(village_id=village.id, address="村口")
            s.add(household)
            s.flush()
            r = Resident(
                archive_no=f"{code}{int(n[1:]):05d}",
                name=n,
                village_id=village.id,
                household_id=household.id,
                enrolled_on=D(enrolled),
                sex="1",
                birth_date=D(born),
                id_number=f"11010519700501{int(n[1:]):04d}" if has_id else None,  # one each
                current_address="村口",
                status=status,
                status_date=D(status_date) if status_date else None,
                voided=n == "r10",
            )
            s.add(r)
            s.flush()
            ids[n] = r.id
        for n, (program, enrolled, status, status_date) in ENROLMENTS.items():
            e = ProgramEnrolment(
                resident_id=ids[n],
                program=program,
                enrolled_on=D(enrolled),
                status=status,
                status_date=D(status_date) if status_date else None,
            )
            s.add(e)
            s.flush()
            for day, method, sbp, dbp, glucose, voided in VISITS.get(n, ()):
                s.add(
                    FollowupVisit(
                        enrolment_id=e.id,
                        resident_id=ids[n],
                        program=program,
                        visit_date=D(day),
                        method=method,
                        sbp=sbp,
                        dbp=dbp,
                        glucose=glucose,
                        voided=voided,
                        void_reason="更正" if voided else None,
                    )
                )
        for n, day in REFERRALS.items():
            s.add(Referral(resident_id=ids[n], to_institution="县医院", issued_on=D(day)))
        population.set_figures(s, A, YEAR, 10, 3)
        population.set_figures(s, B, YEAR, 5, 1)
    return ids


@pytest.fixture(scope="module")
def township_template(tmp_path_factory, db_backend):  # once per module and database
    """The township above, built once a module and frozen (each test takes its own copy)."""
    folder = tmp_path_factory.mktemp("indicators")
    store = make_store(folder, "township", TOWNSHIP_CODE, "朝阳乡")
    ids = build(store)
    storekit.freeze(store)
    return folder / "data-township", ids


@pytest.fixture
def township(township_template, tmp_path):
    data, ids = township_template
    store = storekit.copy_store(data, tmp_path / "township")
    yield store, ids
    store.dispose()


def figures(report, key):
    result = report.result(key)
    codes = {v.id: v.code for v in report.villages}
    per_village = {codes[vid]: (f.numerator, f.denominator) for vid, f in result.villages.items()}
    return result.total.numerator, result.total.denominator, per_village


@pytest.mark.parametrize("key", list(EXPECTED_YEAR))
def test_year_figures(township, key):
    store, _ids = township
    with store.session() as s:
        report = engine.evaluate(s, Period.year(YEAR))
    assert figures(report, key) == EXPECTED_YEAR[key]


@pytest.mark.parametrize("key", list(EXPECTED_Q4))
def test_fourth_quarter_figures(township, key):
    store, _ids = township
    with store.session() as s:
        report = engine.evaluate(s, Q4)
    assert figures(report, key) == EXPECTED_Q4[key]


@pytest.mark.sqlite_only  # no store: pure rules
def test_rate_and_target():
    assert engine.Figure(8, 15).rate == pytest.approx(8 / 15)
    assert engine.Figure(3, 0).rate is None
    assert engine.Figure(3, None).rate is None


def test_records_target_and_traffic_light(township):
    store, _ids = township
    with store.session() as s:
        result = engine.evaluate(s, Period.year(YEAR)).result("records")
    assert result.target == 0.8
    assert result.below_target(result.total) is True  # 8/15


# resident: (indicator, counted, reason)
REASONS = [
    ("r1", "htn_standard", True, "本年面对面随访 4 次，要求 4 次"),
    ("r2", "htn_standard", False, "本年面对面随访 3 次，要求 4 次"),
    (
        "r3",
        "htn_standard",
        True,
        "面对面随访 2 次，要求 2 次（2026-07-15 至 2026-12-31 在管 2 个季度，按季度折算）",
    ),
    (
        "r4",
        "htn_standard",
        True,
        "面对面随访 2 次，要求 2 次（2026-01-01 至 2026-05-10 在管 2 个季度，按季度折算）",
    ),
    ("r2", "htn_control", True, "最近一次随访 2026-11-01 血压 128/82 mmHg，达标（< 140/90）"),
    ("r3", "htn_control", False, "最近一次随访 2026-10-20 血压 145/92 mmHg，未达标（目标 < 150/90）"),
    ("r7", "t2dm_standard", False, "本年面对面随访 2 次，要求 4 次"),
    ("r7", "t2dm_control", False, "最近一次随访 2026-08-01 空腹血糖 7.0 mmol/L，未达标（目标 < 7.0）"),
    ("r8", "record_use", False, "本期没有服务记录"),
    ("r11", "record_use", True, "2026-03-03 有转诊记录"),
]


@pytest.mark.parametrize(("name", "key", "counted", "reason"), REASONS)
def test_denominator_lists_every_resident_with_the_reason(township, name, key, counted, reason):
    store, ids = township
    with store.session() as s:
        lines = engine.drilldown(s, key, Period.year(YEAR), "denominator")
    line = next(line for line in lines if line.resident_id == ids[name])
    assert (line.counted, str(line.reason)) == (counted, reason)


def test_a_health_check_uses_a_record_and_a_follow_up_not_found_does_not(township):
    """健康档案使用率 counts any service entry of the period: r8's 65+ health check makes its record
    used (it read 本期没有服务记录, and a township's rate 344 where 487 were used); a follow-up that
    found nobody (失访) is no service to r2, whose visits are otherwise voided here."""
    store, ids = township
    with store.transaction() as s:
        s.add(ElderlyCheck(resident_id=ids["r8"], check_date=D("2026-05-06")))
        for visit in s.query(FollowupVisit).filter_by(resident_id=ids["r2"]):
            visit.voided, visit.void_reason = True, "更正"
        enrolment = s.query(ProgramEnrolment).filter_by(resident_id=ids["r2"]).one()
        s.add(
            FollowupVisit(
                enrolment_id=enrolment.id,
                resident_id=ids["r2"],
                program="htn",
                visit_date=D("2026-10-01"),
                method="2",
                outcome="lost",
            )
        )
    with store.session() as s:
        lines = {
            line.name: line for line in engine.drilldown(s, "record_use", Period.year(YEAR), "denominator")
        }
        assert figures(engine.evaluate(s, Period.year(YEAR)), "record_use") == (8, 9, {A: (6, 7), B: (2, 2)})
    assert (lines["r8"].counted, str(lines["r8"].reason)) == (True, "2026-05-06 有健康体检记录")
    from app.cli.printing import print_labels

    english = print_labels("en").translate  # the kind of entry in English too (it read "健康体检 on …")
    assert lines["r8"].reason.render(english) == "Health check on 2026-05-06"
    assert (lines["r2"].counted, str(lines["r2"].reason)) == (False, "本期没有服务记录")


def _spy_on_reading_ahead(monkeypatch) -> list:
    from app.services import indicators

    started: list = []

    def spy(session, period, scope):
        ahead = indicators.start_reading_ahead(session, period, scope)
        if ahead is not None:  # every read made before the report asks: none is withdrawn by timing
            ahead._thread.join()
        started.append(ahead)
        return ahead

    monkeypatch.setattr(engine, "start_reading_ahead", spy)
    return started


def test_a_whole_report_reads_ahead_on_postgresql_and_counts_the_same(township, db_backend, monkeypatch):
    """On PostgreSQL a report of the whole store starts its declared reads on a second connection,
    in its own transaction's snapshot, while its Python works (a county's report spent a third of
    its time waiting on the server): every one is taken, and the figures are those of the reads
    made one after the other.  SQLite reads in turn."""
    from app.services import indicators

    store, _ids = township
    started = _spy_on_reading_ahead(monkeypatch)
    reports = ({}, {"village_code": A})  # the whole store; one village (nothing read ahead)
    with store.session() as s:
        ahead = [engine.evaluate(s, Period.year(YEAR), **kw) for kw in reports]
    if db_backend == "postgresql":
        reader, none = started
        assert reader.taken == reader.declared >= 5 and none is None
    else:
        assert started == [None, None]
    monkeypatch.setattr(indicators, "AHEAD_READS", [])
    with store.session() as s:
        in_turn = [engine.evaluate(s, Period.year(YEAR), **kw) for kw in reports]
    assert started[-2:] == [None, None]
    for read_ahead, read_in_turn in zip(ahead, in_turn, strict=True):
        for result in read_ahead.results:
            assert figures(read_ahead, result.key) == figures(read_in_turn, result.key), result.key


def test_a_read_ahead_that_fails_leaves_the_report_to_read_for_itself(township, db_backend, monkeypatch):
    """The second connection cannot take the report's snapshot (gone, refused): the report reads
    everything itself, with the same figures, and says nothing of it."""
    from app.services import indicators

    store, _ids = township
    with store.session() as s:
        expected = engine.evaluate(s, Period.year(YEAR))
    made = indicators.ReadAhead.__init__
    monkeypatch.setattr(
        indicators.ReadAhead,
        "__init__",
        lambda self, session, reads, _snapshot: made(self, session, reads, "0-0-0"),
    )
    started = _spy_on_reading_ahead(monkeypatch)
    with store.session() as s:
        found = engine.evaluate(s, Period.year(YEAR))
    assert (started[0] is None) == (db_backend == "sqlite")
    assert started[0] is None or started[0].taken == 0
    for result in expected.results:
        assert figures(found, result.key) == figures(expected, result.key), result.key


def test_a_report_in_a_transaction_that_wrote_reads_what_it_wrote(township, monkeypatch):
    """A second connection cannot see a transaction's own writes: a report made in the
    transaction that wrote a health check reads everything itself, and counts the check."""
    store, ids = township
    with store.session() as s:
        before = engine.evaluate(s, Period.year(YEAR)).result("record_use").total.numerator
    started = _spy_on_reading_ahead(monkeypatch)
    with store.transaction() as s:
        s.add(ElderlyCheck(resident_id=ids["r8"], check_date=D("2026-05-06")))
        s.flush()
        after = engine.evaluate(s, Period.year(YEAR)).result("record_use").total.numerator
        s.rollback()
    assert started == [None] and after == before + 1


def test_lists_match_the_figures(township):
    store, ids = township
    with store.session() as s:
        for key, (num, den, _v) in EXPECTED_YEAR.items():
            numerator = engine.drilldown(s, key, Period.year(YEAR), "numerator")
            assert len(numerator) == num and all(line.counted for line in numerator)
            if key not in ("records", "e_records"):
                assert len(engine.drilldown(s, key, Period.year(YEAR), "denominator")) == den
        only_b = engine.drilldown(s, "htn_standard", Period.year(YEAR), "denominator", village_code=B)
    assert [line.name for line in only_b] == ["r9"]
    assert only_b[0].archive_no == f"{B}00009" and only_b[0].village_name == "西村"


def test_one_person_enrolled_twice_counts_once_in_the_records_rates(township):
    """r1 enrolled again in 西村 (same resident ID) counted twice in 建档率 and 电子健康档案建档率 until
    the duplicate review merged them: the first record (东村's) counts, the later one not; once the
    first is closed (moved away), the later one is the person's record on the books and counts."""
    store, ids = township
    with store.session() as s:
        before = engine.evaluate(s, Period.year(YEAR))
        first = s.get(Resident, ids["r1"])
        household = first.household_id
    with store.transaction() as s:
        villages = {v.code: v for v in profile.villages(s)}

        def record(village, serial, name, enrolled_on, of, **more):  # carrying the ID number of r{of}
            return Resident(
                archive_no=f"{village}{serial}",
                name=name,
                village_id=villages[village].id,
                household_id=household,
                enrolled_on=D(enrolled_on),
                sex="1",
                birth_date=D("1970-05-01"),
                id_number=f"11010519700501{of:04d}",
                current_address="村口",
                **more,
            )

        s.add(record(B, "00031", "r1又一份", "2026-04-01", of=1))
        # a voided record carrying r9's ID number: no second record of r9
        s.add(record(A, "00032", "r9作废", "2026-01-02", of=9, voided=True, void_reason="录错"))
    with store.session() as s:
        after = engine.evaluate(s, Period.year(YEAR))
        for key in ("records", "e_records"):
            assert figures(after, key) == figures(before, key), key
            lines = engine.drilldown(s, key, Period.year(YEAR), "numerator")
            counted = {line.name for line in lines}
            assert "r1" in counted and "r1又一份" not in counted
            assert "r9" in counted  # its number's other record is voided: no second record
            # a report of 西村 alone knows of 东村's record, and of no second record of r9
            only_b = {
                line.name for line in engine.drilldown(s, key, Period.year(YEAR), "numerator", village_code=B)
            }
            assert "r9" in only_b and "r1又一份" not in only_b, key
    with store.transaction() as s:
        first = s.get(Resident, ids["r1"])
        first.status, first.status_date = "2", D("2026-06-01")  # the first moved away: the second counts
    with store.session() as s:
        lines = engine.drilldown(s, "records", Period.year(YEAR), "numerator")
        assert "r1又一份" in {line.name for line in lines} and "r1" not in {line.name for line in lines}


def _second_record(s, ids, archive_no: str, name: str) -> Resident:
    """r1 enrolled again in village B (same ID number, household), made on 1 April."""
    first = s.get(Resident, ids["r1"])
    village_b = next(v for v in profile.villages(s) if v.code == B)
    copy = Resident(
        archive_no=archive_no,
        name=name,
        village_id=village_b.id,
        household_id=first.household_id,
        enrolled_on=D("2026-04-01"),
        sex="1",
        birth_date=D("1970-05-01"),
        id_number=first.id_number,
        current_address="村口",
    )
    s.add(copy)
    s.flush()
    return copy


def test_one_person_enrolled_twice_counts_once_in_every_indicator(township):
    """A township reviewer: 663 hypertension patients under management were 619 people (a patient
    enrolled in two villages, each record with its own enrolment and visits), while 建档率 counted
    each person once.  Every indicator counts a person once, by the record 建档率 counts; when that
    one has moved away, by the other."""
    store, ids = township
    with store.session() as s:
        before = engine.evaluate(s, Period.year(YEAR))
    with store.transaction() as s:
        copy = _second_record(s, ids, f"{B}00031", "r1又一份")
        e = ProgramEnrolment(resident_id=copy.id, program="htn", enrolled_on=D("2026-04-01"))
        s.add(e)
        s.flush()
        for day in ("2026-04-02", "2026-07-02"):
            s.add(
                FollowupVisit(
                    enrolment_id=e.id,
                    resident_id=copy.id,
                    program="htn",
                    visit_date=D(day),
                    method="1",
                    sbp=150,
                    dbp=95,
                )
            )
        copy_id = copy.id
    with store.session() as s:
        after = engine.evaluate(s, Period.year(YEAR))
        for key in EXPECTED_YEAR:
            assert figures(after, key) == figures(before, key), key
        lines = engine.drilldown(s, "htn_control", Period.year(YEAR), "denominator")
        assert "r1" in {line.name for line in lines} and "r1又一份" not in {line.name for line in lines}
    with store.transaction() as s:
        first = s.get(Resident, ids["r1"])
        first.status, first.status_date = "2", D("2026-06-01")  # moved away: the copy is the person's record
    with store.session() as s:
        lines = {
            line.name: line for line in engine.drilldown(s, "htn_control", Period.year(YEAR), "denominator")
        }
        assert "r1又一份" in lines and "r1" not in lines and not lines["r1又一份"].counted  # (150/95)
        assert figures(engine.evaluate(s, Period.year(YEAR)), "htn_control")[:2] == (2, 5)
        assert copy_id in {line.resident_id for line in lines.values()}


@pytest.mark.parametrize("ended_on_the_first", [False, True])
def test_a_patient_registered_on_the_persons_other_record_is_the_programmes_patient(
    township, ended_on_the_first
):
    """One person, two records: 建档率 counts the first (r1, no 严重精神障碍 registration, or one lost to
    follow-up years ago); the other, in village B, holds the registration.  The patient is one of the
    programme's, listed by the record that holds it, in the township's report and in village B's alike."""
    store, ids = township
    with store.session() as s:
        before = engine.evaluate(s, Period.year(YEAR))
    with store.transaction() as s:
        if ended_on_the_first:
            s.add(
                ProgramEnrolment(
                    resident_id=ids["r1"], program="smi", enrolled_on=D("2022-03-12"), status="2",
                    status_date=D("2022-06-01"),
                )
            )  # fmt: skip
        copy = _second_record(s, ids, f"{B}00032", "r1精神")
        s.add(ProgramEnrolment(resident_id=copy.id, program="smi", enrolled_on=D("2026-04-01")))
        copy_id, village_b = copy.id, copy.village_id
    with store.session() as s:
        after = engine.evaluate(s, Period.year(YEAR))
        one = engine.evaluate(s, Period.year(YEAR), village_code=B)
        lines = engine.drilldown(s, "smi_standard", Period.year(YEAR), "denominator")
    for key in ("smi_standard", "smi_stable", "contract_smi"):  # (its patients' signing rate too)
        assert after.result(key).total.denominator == before.result(key).total.denominator + 1, key
        assert one.result(key).total.denominator == after.result(key).villages[village_b].denominator, key
    assert copy_id in {line.resident_id for line in lines}
    assert figures(after, "records") == figures(before, "records")  # still one person there, r1


def test_a_record_without_an_address_is_no_electronic_record(township):
    """电子健康档案 needs the ID number and the current address filled: an address left empty
    (never given, or cleared) takes the record out of the numerator, with 现住址 named as missing;
    any text there counts (the engine reads only whether it is filled)."""
    store, ids = township
    with store.session() as s:
        before = figures(engine.evaluate(s, Period.year(YEAR)), "e_records")
    with store.transaction() as s:
        s.get(Resident, ids["r1"]).current_address = None
        s.get(Resident, ids["r2"]).current_address = ""
        s.get(Resident, ids["r3"]).current_address = "三组 12 号"
    with store.session() as s:
        after = figures(engine.evaluate(s, Period.year(YEAR)), "e_records")
        found = engine.get_indicator("e_records").compute(s, Period.year(YEAR), Scope(None))
        entries = {e.resident_id: e for e in found}
    assert after[0] == before[0] - 2 and after[1] == before[1]
    r1, r2, r3 = (entries[ids[n]] for n in ("r1", "r2", "r3"))
    assert not r1.counted and not r2.counted and r3.counted
    assert r1.reason.render() == r2.reason.render() == "电子档案缺现住址"


def test_a_population_denominator_has_no_list(township):
    store, _ids = township
    with store.session() as s, pytest.raises(UserError, match="常住人口"):
        engine.drilldown(s, "records", Period.year(YEAR), "denominator")


def test_a_missing_population_figure_leaves_the_rate_empty(township):
    store, _ids = township
    with store.session() as s:
        result = engine.evaluate(s, Period.year(YEAR - 1)).result("records")
    assert result.total.denominator is None and result.total.rate is None
    assert result.missing_figures == (A, B)


def test_unknown_indicator_and_bad_quarter_are_plain_errors(township):
    store, _ids = township
    with store.session() as s, pytest.raises(UserError, match="没有名为“nope”的指标"):
        engine.drilldown(s, "nope", Period.year(YEAR), "numerator")
    with pytest.raises(UserError, match="季度"):
        engine.parse_period(YEAR, 5)


def test_a_village_doctor_sees_only_their_village(township):
    from app.services.access import accounts

    store, _ids = township
    with store.transaction() as s:
        accounts.create_user(
            s, "wang", "pass-wang-123", "village_doctor", display_name="王医生", village_code=B
        )
    accounts.login(store, "wang", "pass-wang-123")
    with store.session() as s:
        report = engine.evaluate(s, Period.year(YEAR))
        assert [v.code for v in report.villages] == [B]
        assert figures(report, "htn_standard") == (1, 1, {B: (1, 1)})
        with pytest.raises(UserError):
            engine.evaluate(s, Period.year(YEAR), village_code=A)


def test_monthly_trend_is_year_to_date(township):
    store, _ids = township
    with store.session() as s:
        trend = engine.monthly_trend(s, "htn_standard", YEAR, today=D("2027-01-15"))
        whole = engine.evaluate(s, Period.year(YEAR)).result("htn_standard").total
    assert [month for month, _v, _t in trend] == list(range(1, 13))
    # r1 r2 r4 under management from January, one face-to-face visit asked in Q1: none by 31 January,
    # r4 (1 February) by the end of February, all three by 31 March
    assert [(f.numerator, f.denominator) for _m, _v, f in trend[:3]] == [(0, 3), (1, 3), (3, 3)]
    assert trend[-1][2] == whole  # December's year to date is the year


def test_a_village_report_counts_what_the_township_report_gives_that_village(township_store, monkeypatch):
    """A report kept to some villages reads their follow-ups resident by resident (a few per
    query here, as thousands do in a county): every indicator's figures for a village, its
    groups included, equal that village's in the report of the whole township."""
    from app.services.indicators import core
    from app.tools.demo import generate_demo
    from tests.conftest import TODAY

    monkeypatch.setattr(core, "PROBED", 7)  # many queries, a resident's visits never split
    with township_store.transaction() as s:
        generate_demo(s, 400, seed=3, villages=3, today=TODAY)
    for period in (Period.year(TODAY.year - 1), Period.quarter(TODAY.year, 1)):
        with township_store.session() as s:
            whole = engine.evaluate(s, period)
        assert len(whole.villages) == 3
        for village in whole.villages:
            with township_store.session() as s:
                one = engine.evaluate(s, period, village_code=village.code)
            for mine in one.results:
                theirs = whole.result(mine.key)
                figure = theirs.villages[village.id]
                assert (mine.total.numerator, mine.total.denominator) == (
                    figure.numerator,
                    figure.denominator,
                ), (
                    mine.key,
                    village.code,
                )
                assert mine.groups == {g: f for g, f in theirs.groups.items() if g in mine.groups}, mine.key
        counted = {r.key: r.total.numerator for r in whole.results}
        assert counted["htn_standard"] > 0 and counted["t2dm_control"] > 0 and counted["record_use"] > 0
        # the counts (no reasons made) are what the lists with their reasons show
        for r in whole.results:
            with township_store.session() as s:
                listed = engine.drilldown(s, r.key, period, "numerator")
                assert len(listed) == r.total.numerator, r.key
                if not r.denominator_figure:
                    assert len(engine.drilldown(s, r.key, period, "denominator")) == r.total.denominator, (
                        r.key
                    )


@pytest.mark.sqlite_only  # no store: formatting
def test_a_rate_prints_from_its_exact_quotient_on_every_path():
    """3002/3750 = 80.05…%: the screen said 80.1%, the CLI and the PDF 80.0% (formatted again from
    the rate already rounded to 0.8005 for JSON)."""
    from app.cli.report import _figure_line
    from app.services.indicators import output

    assert output.rate(3002 / 3750) == 0.8005
    assert output.figure_rate_text(3002, 3750) == "80.1%" == output.rate_text(3002 / 3750)
    assert output.figure_rate_text(5, 0) == output.figure_rate_text(5, None) == "—"
    line = _figure_line(
        "建档率", {"numerator": 3002, "denominator": 3750, "rate": output.rate(3002 / 3750)}, 14
    )
    assert line.rstrip().endswith("80.1%")


def test_one_of_sends_a_list_of_ids_as_one_parameter_on_postgresql(township):
    """``one_of(column, ids)`` finds what ``column.in_(ids)`` finds; on PostgreSQL the ids travel
    as one array parameter (thousands of ids are not thousands of parameters to compile and send)."""
    from sqlalchemy import select

    from app.models.base import one_of

    store, ids = township
    wanted = [ids["r1"], ids["r9"], ids["r11"]]
    with store.session() as s:
        q = select(Resident.name).where(one_of(Resident.id, wanted)).order_by(Resident.name)
        assert s.execute(q).scalars().all() == ["r1", "r11", "r9"]
        assert s.execute(select(Resident.name).where(one_of(Resident.id, []))).all() == []
        compiled = q.compile(dialect=s.get_bind().dialect)
    if store.engine.dialect.name == "postgresql":
        assert "= ANY" in str(compiled) and len(compiled.params) == 1
        return
    # a condition as IN is, not "(… IN (…)) = 1", which SQLite answers by reading every row
    assert " IN " in str(compiled)
    with store.session() as s:
        literal = q.compile(dialect=s.get_bind().dialect, compile_kwargs={"render_postcompile": True})
        positional = [literal.construct_params()[name] for name in literal.positiontup]
        raw = s.connection().connection.driver_connection
        bound = [Resident.id.type.bind_processor(s.get_bind().dialect)(v) for v in positional]
        plan = " ".join(row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {literal}", bound))
    assert "SEARCH resident" in plan and "SCAN resident" not in plan, plan

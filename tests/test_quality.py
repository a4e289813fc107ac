"""The quality report's rules on hand-built visits: each rule's hit and its near miss."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from app.models import FollowupVisit, ProgramEnrolment, Resident
from app.services.errors import Message, UserError
from app.services.indicators import Period
from app.services.programmes import followup
from app.services.programmes.followup import VisitInput
from app.services.quality import report as quality
from app.services.records.residents import ResidentInput, save_resident
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

YEAR = Period.year(2026)
BP = {"sbp": "135", "dbp": "85", "heart_rate": "72", "weight": "60"}


@pytest.fixture
def patient(store):
    """张三, hypertension since 2024-01-10."""
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(name="张三", id_number="11010519491231002X", enrolled_on="2020-01-01"),
            today=TODAY,
        )
        followup.enrol(s, r, "htn", dt.date(2024, 1, 10))
        return r.id


def visit(store, patient, day: str, saved: dt.datetime | None = None, program="htn", today=TODAY, **measured):
    """A complete visit (every mandatory field) on ``day``, saved at ``saved`` (default: 14:00 UTC that day)."""
    values = dict(BP, **{k: str(v) for k, v in measured.items() if v is not None})
    for k, v in measured.items():
        if v is None:
            values.pop(k, None)
    inp = VisitInput(program=program, visit_date=day, measurements=values, adherence="1", doctor="王医生")
    with store.transaction() as s:
        saved_visit = followup.save_visit(s, s.get(Resident, patient), inp, today=today, enrol_if_needed=True)
        row = s.get(FollowupVisit, saved_visit.id)
        row.created_at = saved or dt.datetime.combine(dt.date.fromisoformat(day), dt.time(6))
        return saved_visit.id


def findings(store, kind: str | None = None, **kw) -> list[quality.Finding]:
    with store.session() as s:
        report = quality.quality_report(s, YEAR, today=TODAY, **kw)
    return [f for f in report.findings if kind is None or f.kind == kind]


def test_clean_visits_have_no_findings(store, patient):
    visit(store, patient, "2026-03-01", sbp=150, dbp=90)
    visit(store, patient, "2026-06-01", sbp=138, dbp=84)
    visit(store, patient, "2026-09-01", sbp=132, dbp=80)
    assert findings(store) == []


def test_copied_forward_measurements(store, patient):
    visit(store, patient, "2026-03-01", sbp=150, dbp=92, heart_rate=76, weight=61)
    copied = visit(store, patient, "2026-06-01", sbp=150, dbp=92, heart_rate=76, weight=61)
    visit(
        store, patient, "2026-09-01", sbp=150, dbp=92, heart_rate=76, weight=61.5
    )  # near miss: weight differs
    hits = findings(store, "copied")
    assert [(f.visit_id, f.name, f.doctor) for f in hits] == [(copied, "张三", "王医生")]
    assert (
        hits[0].render_detail()
        == "测量值与 2026-03-01 的上次随访完全相同：收缩压 150、舒张压 92、心率 76、体重 61"
    )


def test_copied_forward_compares_with_last_year_visit_too(store, patient):
    visit(store, patient, "2025-12-01", sbp=140, dbp=88)
    first = visit(store, patient, "2026-02-01", sbp=140, dbp=88)
    assert [f.visit_id for f in findings(store, "copied")] == [first]


def test_missing_mandatory_fields_named_from_the_form(store, patient):
    gap = visit(store, patient, "2026-03-01", heart_rate=None, weight=None)
    visit(store, patient, "2026-06-01")  # near miss: complete
    hits = findings(store, "missing")
    assert [f.visit_id for f in hits] == [gap]
    assert hits[0].render_detail() == "缺少必填项：心率、体重"
    english = {"缺少必填项：{fields}": "Mandatory fields missing: {fields}", "、": ", ", "心率": "Heart rate"}
    assert (
        hits[0].render_detail(lambda _c, t: english.get(t, t)) == "Mandatory fields missing: Heart rate, 体重"
    )


def test_a_phone_visit_is_not_asked_for_what_only_a_visit_in_person_measures(store, patient):
    """随访方式 3 电话: no 血压, 心率 or 体重 to take, so none is missing; what a phone call does
    record (服药依从性) still is.  The same gaps at the clinic are findings."""

    def phone(day: str, adherence: str) -> uuid.UUID:
        inp = VisitInput(program="htn", visit_date=day, method="3", adherence=adherence, doctor="王医生")
        with store.transaction() as s:
            return followup.save_visit(s, s.get(Resident, patient), inp, today=TODAY).id

    phone("2026-03-01", adherence="1")
    no_adherence = phone("2026-04-01", adherence="")
    at_clinic = visit(store, patient, "2026-06-01", sbp=None, dbp=None, heart_rate=None, weight=None)
    hits = findings(store, "missing")
    assert [(f.visit_id, f.render_detail()) for f in hits] == [
        (no_adherence, "缺少必填项：服药依从性"),
        (at_clinic, "缺少必填项：收缩压、舒张压、心率、体重"),
    ]


def test_failed_visit_needs_no_measurements(store, patient):
    inp = VisitInput(program="htn", visit_date="2026-05-01", outcome="lost", lost_reason="外出务工")
    with store.transaction() as s:
        followup.save_visit(s, s.get(Resident, patient), inp, today=TODAY)
    assert findings(store, "missing") == []


def test_burst_of_entries(store, patient, person):
    start = dt.datetime(2026, 10, 9, 2, 0)
    ids = []
    with store.transaction() as s:
        others = [
            save_resident(
                s, person(name=f"病人{c}", id_number=None, sex="1", birth_date="1950-01-01"), today=TODAY
            ).id
            for c in "甲乙丙丁戊己庚辛壬癸"
        ]
    for i, rid in enumerate(others):
        ids.append(visit(store, rid, "2026-10-08", saved=start + dt.timedelta(seconds=50 * i)))
    hits = findings(store, "burst")
    assert sorted(f.visit_id for f in hits) == sorted(ids)
    assert "在 8 分钟内保存了 10 次随访" in hits[0].render_detail()
    # when it began, in this PC's local time (as the 审计 page shows the saves), not UTC
    local = start.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert f"（{local} 起）" in hits[0].render_detail() and "UTC" not in hits[0].render_detail()


def test_nine_visits_in_minutes_are_no_burst(store, person):
    start = dt.datetime(2026, 10, 9, 2, 0)
    with store.transaction() as s:
        others = [
            save_resident(
                s, person(name=f"病人{c}", id_number=None, sex="1", birth_date="1950-01-01"), today=TODAY
            ).id
            for c in "甲乙丙丁戊己庚辛壬"
        ]
    for i, rid in enumerate(others):
        visit(store, rid, "2026-10-08", saved=start + dt.timedelta(seconds=50 * i))
    assert findings(store, "burst") == []
    assert len(findings(store, "burst", rules=quality.QualityRules(burst_visits=9))) == 9


def test_dates_in_the_future_before_enrolment_and_after_death(store, patient):
    early = visit(store, patient, "2026-02-01", sbp=150)
    visit(store, patient, "2026-05-01", sbp=140)
    late = visit(store, patient, "2026-09-01", sbp=130)
    with store.transaction() as s:
        s.get(ProgramEnrolment, s.get(FollowupVisit, early).enrolment_id).enrolled_on = dt.date(2026, 2, 2)
        r = s.get(Resident, patient)
        r.status, r.status_date = "3", dt.date(2026, 8, 31)
    assert [f.visit_id for f in findings(store, "before_enrolment")] == [early]
    assert [f.visit_id for f in findings(store, "after_death")] == [late]
    with store.session() as s:
        report = quality.quality_report(s, YEAR, today=dt.date(2026, 8, 31))
    assert [f.visit_id for f in report.findings if f.kind == "future"] == [late]
    assert [f.kind for f in findings(store) if f.visit_id == late] == ["after_death"]  # not future on TODAY


def test_late_entry(store, patient):
    late = visit(store, patient, "2026-03-01", saved=dt.datetime(2026, 4, 1, 3))  # 31 days
    visit(store, patient, "2026-06-01", saved=dt.datetime(2026, 7, 1, 3))  # near miss: 30 days
    hits = findings(store, "late")
    assert [f.visit_id for f in hits] == [late]
    assert hits[0].render_detail() == "随访日期 2026-03-01，31 天后才录入（2026-04-01）"
    assert len(findings(store, "late", rules=quality.QualityRules(late_days=29))) == 2


def test_clock_behind_one_finding_per_pc(store, patient):
    for day in ("2026-03-01", "2026-06-01", "2026-09-01"):
        visit(
            store, patient, day, saved=dt.datetime(2020, 1, 1, 8)
        )  # CMOS battery: the clock restarted in 2020
    visit(store, patient, "2026-10-01", saved=dt.datetime(2026, 9, 30, 20))  # near miss: time zone, same day
    hits = findings(store, "clock")
    assert len(hits) == 1
    assert hits[0].render_detail().startswith("电脑时钟慢：3 次随访的保存时间早于随访日期")
    assert findings(store, "late") == []


def test_clock_ahead_of_the_sync_clock(store, patient):
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    days_ago = lambda n: (now - dt.timedelta(days=n)).date().isoformat()  # noqa: E731 (as the clock runs)
    ahead = visit(store, patient, days_ago(21), saved=now + dt.timedelta(days=40), today=now.date())
    visit(store, patient, days_ago(1), saved=now + dt.timedelta(hours=12), today=now.date())  # near miss
    hits = findings(store, "clock")
    assert [f.visit_id for f in hits] == [ahead]
    assert "电脑时钟快：1 次随访" in hits[0].render_detail()
    assert findings(store, "late") == []  # the clock's doing, not late entry


def test_summary_and_counts(store, patient):
    visit(store, patient, "2026-03-01", weight=None)
    visit(store, patient, "2026-06-01", saved=dt.datetime(2026, 9, 1))
    with store.session() as s:
        report = quality.quality_report(s, YEAR, today=TODAY)
        counted = quality.counts(s, YEAR)
    assert [(r.village_code, r.kind, r.count) for r in report.summary()] == [
        ("110105001101", "missing", 1),
        ("110105001101", "late", 1),
    ]
    assert list(counted.values()) == [{"missing": 1, "late": 1}]
    assert report.by_doctor() == [
        ("110105001101", "王医生", "missing", 1),
        ("110105001101", "王医生", "late", 1),
    ]


def test_unknown_village_is_a_clear_error(store, patient):
    with pytest.raises(UserError, match="没有可查看的村：110105001999"):
        findings(store, village_code="110105001999")


@pytest.mark.sqlite_only  # no store
def test_copied_measurements_are_named_in_the_readers_language():
    """Each repeated value says what it is (收缩压 150 …), in English too (Systolic 150 …)."""
    from app.services.quality.report import CTX

    detail = Message(
        CTX,
        "测量值与 {previous} 的上次随访完全相同：{values}",
        {
            "previous": "2026-03-01",
            "values": tuple(
                Message(CTX, "{label} {value}", {"label": followup.field_label(n), "value": v})
                for n, v in (("sbp", "150"), ("dbp", "92"))
            ),
        },
    )
    assert detail.render() == "测量值与 2026-03-01 的上次随访完全相同：收缩压 150、舒张压 92"
    english = {"收缩压": "Systolic", "舒张压": "Diastolic", "、": ", "}
    assert detail.render(lambda _c, t: english.get(t, t)).endswith("：Systolic 150, Diastolic 92")


def test_what_two_pcs_records_say_together_is_a_contradiction(store, patient):
    """Found by the attacker: merged, a visit recorded on one PC after the management ended on the
    other (迁出), and two visits of one day (each PC corrected the same visit), were flagged
    nowhere.  The quality report names them, the later-made of the two named once."""
    visit(store, patient, "2026-03-01", sbp=150)
    after = visit(store, patient, "2026-09-01", sbp=130)
    with store.transaction() as s:  # (as a merge leaves it: the ending arrived from the other PC)
        e = s.get(ProgramEnrolment, s.get(FollowupVisit, after).enrolment_id)
        e.status, e.status_date = "3", dt.date(2026, 8, 1)
    (ended,) = findings(store, "contradicts")
    assert ended.visit_id == after and "晚于结束管理的日期 2026-08-01" in ended.render_detail()
    with store.transaction() as s:
        e = s.get(ProgramEnrolment, s.get(FollowupVisit, after).enrolment_id)
        e.status, e.status_date = "1", None
    first = visit(store, patient, "2026-06-01", sbp=128)
    with store.transaction() as s:  # the other PC's visit of the same day, as the merge brings it
        made = s.get(FollowupVisit, first)
        columns = [c.key for c in FollowupVisit.__table__.columns if c.key not in ("id", "sync_clocks")]
        other = FollowupVisit(**{c: getattr(made, c) for c in columns})
        other.sbp, other.doctor = 170, "李医生"
        s.add(other)
        s.flush()
        second = other.id
    (twice,) = findings(store, "contradicts")
    assert twice.visit_id == second and "2026-06-01 有两条随访记录" in twice.render_detail()
    assert first != second

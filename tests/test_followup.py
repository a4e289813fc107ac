"""Follow-up visits through the service and the CLI: range checks, dates, rules, corrections, failed visits."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import FollowupVisit, ProgramEnrolment, Resident
from app.services.errors import UserError, ValidationError
from app.services.programmes import followup
from app.services.programmes.followup import NeedsConfirmation, VisitInput, save_visit
from app.services.records.residents import ResidentInput, find_resident, save_resident
from tests import storekit
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


@pytest.fixture
def patient(store):
    """张三, born 1949-12-31 (76), enrolled for hypertension on 2024-01-10."""
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(name="张三", id_number="11010519491231002X", enrolled_on="2020-01-01"),
            today=TODAY,
        )
        followup.enrol(s, r, "htn", dt.date(2024, 1, 10))
        return r.id


def visit(store, patient, **kw):
    measurements = kw.pop("measurements", {"sbp": "135", "dbp": "85"})
    inp = VisitInput(**{"program": "htn", "visit_date": "2026-11-02", "measurements": measurements, **kw})
    with store.transaction() as s:
        return save_visit(s, s.get(Resident, patient), inp, today=TODAY)


def refused(store, patient, **kw) -> dict[str, str]:
    with pytest.raises(ValidationError) as e:
        visit(store, patient, **kw)
    return {f: fe.render() for f, fe in e.value.by_field().items()}


def count(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(FollowupVisit))


@pytest.mark.parametrize(
    "measurements, field, fragment",
    [
        ({"sbp": "20", "dbp": "10"}, "sbp", "超出可能范围（60–300）"),
        ({"sbp": "301", "dbp": "90"}, "sbp", "超出可能范围"),
        ({"sbp": "120", "dbp": "201"}, "dbp", "超出可能范围（30–200）"),
        ({"sbp": "90", "dbp": "95"}, "sbp", "收缩压应高于舒张压"),
        ({"sbp": "130"}, "sbp", "同时填写"),
        ({"sbp": "abc", "dbp": "80"}, "sbp", "应为数字"),
        ({"sbp": "130.5", "dbp": "80"}, "sbp", "应为整数"),
        ({"sbp": "130", "dbp": "80", "heart_rate": "250"}, "heart_rate", "超出可能范围（30–220）"),
        ({"sbp": "130", "dbp": "80", "weight": "5"}, "weight", "超出可能范围（10–300）"),
        ({"sbp": "130", "dbp": "80", "height": "260"}, "height", "超出可能范围（50–250）"),
        ({"sbp": "130", "dbp": "80", "smoking": "101"}, "smoking", "超出可能范围（0–100）"),
        ({"sbp": "130", "dbp": "80", "alcohol": "51"}, "alcohol", "超出可能范围（0–50）"),
    ],
)
def test_impossible_values_are_refused(store, patient, measurements, field, fragment):
    errors = refused(store, patient, measurements=measurements)
    assert fragment in errors[field]
    assert count(store) == 0


def test_unusual_values_need_confirmation(store, patient):
    with pytest.raises(NeedsConfirmation) as e:
        visit(store, patient, measurements={"sbp": "250", "dbp": "100"})
    assert "很少见" in e.value.render()
    assert count(store) == 0
    saved = visit(store, patient, measurements={"sbp": "250", "dbp": "100"}, confirmed=True)
    assert saved.referral_suggested and count(store) == 1


@pytest.mark.parametrize(
    "kw, field, fragment",
    [
        ({"visit_date": "2026-11-24"}, "visit_date", "不能晚于今天"),
        ({"visit_date": "2023-12-31"}, "visit_date", "不能早于纳入管理日期2024-01-10"),
        ({"visit_date": "2026-02-30"}, "visit_date", "不是真实存在的日期"),
        ({"next_due": "2026-11-02"}, "next_due", "应晚于本次随访日期"),
        ({"method": "4"}, "method", "随访方式"),
        ({"symptoms": ["1", "2"]}, "symptoms", "无症状"),
        ({"symptoms": ["12"]}, "symptoms", "无效"),
        ({"classification": "5"}, "classification", "1–4"),
    ],
)
def test_date_and_code_rules(store, patient, kw, field, fragment):
    assert fragment in refused(store, patient, **kw)[field]


def test_the_rules_decide_and_an_override_is_recorded(store, patient):
    saved = visit(store, patient, measurements={"sbp": "145", "dbp": "85"})  # 76 years old: < 150/90
    assert (saved.classification, saved.next_due, saved.overridden) == (1, dt.date(2027, 1, 31), False)
    late = dict(
        visit_date="2026-11-03",
        measurements={"sbp": "160", "dbp": "85"},
        next_due="2026-12-01",
        classification="2",
    )
    # two weeks later than the 2-week recheck the rules ask: saved once the doctor confirms
    assert "晚于规范建议的 2026-11-17" in refused(store, patient, **late)["next_due"]
    saved = visit(store, patient, **late, confirmed=True)
    with store.session() as s:
        v = s.get(FollowupVisit, saved.id)
        assert (v.classification_suggested, v.classification) == (2, 2)
        assert (v.next_due_suggested, v.next_due) == (dt.date(2026, 11, 17), dt.date(2026, 12, 1))
        assert v.overridden and (v.sbp, v.dbp) == (160, 85)


def test_second_uncontrolled_visit_suggests_referral(store, patient):
    visit(store, patient, visit_date="2026-10-01", measurements={"sbp": "165", "dbp": "95"})
    saved = visit(store, patient, visit_date="2026-10-15", measurements={"sbp": "162", "dbp": "92"})
    assert saved.referral_suggested and saved.classification == 2


def test_a_call_without_a_reading_does_not_end_a_run_of_uncontrolled_visits(store, patient):
    """165/95, then a phone call that took no pressure, then 162/92: two visits running not at
    target, a referral; the call itself keeps the 2-week recheck that was owed."""
    visit(store, patient, visit_date="2026-10-01", measurements={"sbp": "165", "dbp": "95"})
    call = visit(store, patient, visit_date="2026-10-08", method="3", measurements={})
    assert call.next_due == dt.date(2026, 10, 22) and not call.referral_suggested
    saved = visit(store, patient, visit_date="2026-10-15", measurements={"sbp": "162", "dbp": "92"})
    assert saved.referral_suggested and saved.classification == 2


def test_an_adverse_reaction_does_not_hide_a_pressure_not_at_target(store, patient):
    """The visit's class is the most severe (3 不良反应), but its pressure was not at target: the
    next visit not at target is the second running (连续两次控制不满意) and suggests a referral."""
    first = visit(
        store,
        patient,
        visit_date="2026-10-01",
        measurements={"sbp": "165", "dbp": "95"},
        adverse_reaction=True,
    )
    assert first.classification == 3 and not first.referral_suggested
    saved = visit(store, patient, visit_date="2026-10-15", measurements={"sbp": "162", "dbp": "92"})
    assert saved.referral_suggested and saved.classification == 2
    # the drafted slip says which rule fired (it read "连续两次控制不满意或出现并发症/难以控制的不良反应")
    from app.services.programmes import referral

    with store.session() as s:
        draft = referral.draft_from_visit(s, saved.id)
    assert draft.present_history.endswith("；连续两次控制不满意")


def test_same_day_twice_only_as_a_correction(store, patient):
    first = visit(store, patient)
    assert "当天已有一次随访" in refused(store, patient)["visit_date"]
    second = visit(store, patient, correction=True, measurements={"sbp": "138", "dbp": "86"})
    with store.session() as s:
        assert s.get(FollowupVisit, first.id).voided
        assert s.get(FollowupVisit, second.id).correction_of == first.id


def test_not_under_management_unless_enrolled_on_the_visit(store):
    with store.transaction() as s:
        r = save_resident(s, ResidentInput(name="李四", sex="1", birth_date="1950-03-03"), today=TODAY)
        rid = r.id
    with pytest.raises(UserError, match="未纳入高血压管理"), store.transaction() as s:
        save_visit(
            s,
            s.get(Resident, rid),
            VisitInput(visit_date="2026-11-01", measurements={"sbp": "130", "dbp": "80"}),
            today=TODAY,
        )
    with store.transaction() as s:
        save_visit(
            s,
            s.get(Resident, rid),
            VisitInput(program="t2dm", visit_date="2026-11-01", measurements={"glucose": "6.2"}),
            enrol_if_needed=True,
            today=TODAY,
        )
    with store.session() as s:
        e = s.scalar(select(ProgramEnrolment).where(ProgramEnrolment.resident_id == rid))
        assert (e.program, e.enrolled_on, e.status) == ("t2dm", dt.date(2026, 11, 1), "1")


def test_lost_and_died_visits_record_reasons_and_end_management(store, patient):
    assert "失访请写明原因" in refused(store, patient, outcome="lost")["lost_reason"]
    errors = refused(store, patient, outcome="died", measurements={})
    assert {"death_date", "death_cause"} <= set(errors)
    visit(store, patient, outcome="lost", lost_reason="外出务工", measurements={})
    with store.session() as s:
        e = s.scalar(select(ProgramEnrolment).where(ProgramEnrolment.resident_id == patient))
        assert (e.status, e.status_reason) == ("2", "外出务工")
    with pytest.raises(UserError, match="未纳入高血压管理"):  # lost: management must be restarted first
        visit(store, patient, visit_date="2026-11-03")


def test_poor_households_are_seen_monthly(store, patient):
    with store.transaction() as s:
        s.get(Resident, patient).poverty_registered = True
    assert visit(store, patient).next_due == dt.date(2026, 12, 2)


def test_find_resident_by_every_reference(store, patient):
    with store.session() as s:
        r = s.get(Resident, patient)
        for ref in (r.archive_no, r.archive_no[-8:], f"{r.archive_no[9:12]}-{r.archive_no[12:]}", str(r.id)):
            assert find_resident(s, ref).id == patient
        with pytest.raises(UserError, match="找不到档案"):
            find_resident(s, "99999999")


@pytest.mark.sqlite_only  # a village's command line: SQLite by design (`init` refuses a server)
def test_cli_prints_the_saved_visit_as_json(tmp_path, capsys):
    d = str(storekit.data_dir_for_init(tmp_path / "v"))
    main(["--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村"])
    main(["--data-dir", d, "demo", "--residents", "50"])
    capsys.readouterr()
    args = [
        "--data-dir",
        d,
        "followup",
        "add",
        "10100001",
        "--program",
        "t2dm",
        "--date",
        "2026-11-01",
        "--glucose",
        "17.2",
        "--sbp",
        "150",
        "--dbp",
        "90",
        "--json",
    ]
    assert main(args) == 1 and "未纳入" in capsys.readouterr().err
    assert main([*args, "--enrol"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["classification"] == 2
    assert out["emergency_reasons"] == ["血糖≥16.7mmol/L（17.2）"]
    assert out["referral_suggested"] is True and out["next_due"] == "2026-11-15"
    assert main([*args, "--enrol"]) == 1 and "当天已有一次随访" in capsys.readouterr().err


def test_a_visit_recorded_by_mistake_is_voided_with_its_reason(store, patient):
    """A follow-up typed on the wrong day could not be undone (a correction replaces the same
    day's record only): it is voided with a reason, the enrolment's last visit and next due
    follow, and it can be recorded again on the right day."""
    visit(store, patient, visit_date="2026-09-01")
    visit(store, patient, visit_date="2026-11-20")  # meant for 2026-11-02
    with store.session() as s:
        assert followup.active_enrolment(s, patient, "htn").last_visit == dt.date(2026, 11, 20)
    with pytest.raises(ValidationError) as e, store.transaction() as s:
        followup.void_visit(s, patient, "htn", "2026-11-20", "   ")
    assert "请写明作废的原因" in e.value.render()
    with pytest.raises(UserError, match="在 2026-11-19 没有高血压随访记录"), store.transaction() as s:
        followup.void_visit(s, patient, "htn", "2026-11-19", "日期录错")
    with store.transaction() as s:
        followup.void_visit(s, patient, "htn", "2026-11-20", "日期录错，应为 11月2日")
    with store.session() as s:
        enrolment = followup.active_enrolment(s, patient, "htn")
        assert enrolment.last_visit == dt.date(2026, 9, 1)
        (row,) = s.scalars(select(FollowupVisit).where(FollowupVisit.visit_date == dt.date(2026, 11, 20)))
        assert row.voided and row.void_reason == "日期录错，应为 11月2日"
    visit(store, patient, visit_date="2026-11-02")
    with store.session() as s:
        assert followup.active_enrolment(s, patient, "htn").last_visit == dt.date(2026, 11, 2)
    with (
        pytest.raises(UserError, match="2026-11-20 的高血压随访已作废（日期录错，应为 11月2日）"),
        store.transaction() as s,
    ):
        followup.void_visit(s, patient, "htn", "2026-11-20", "又一次")  # already voided


def test_of_two_records_of_one_day_the_one_chosen_is_voided(store, patient):
    """The village's and the township's record of one day (each made before they met): the one
    chosen in the list is voided, not the day's latest."""
    first = visit(store, patient, visit_date="2026-11-02")
    with store.transaction() as s:
        twin = FollowupVisit(
            enrolment_id=s.get(FollowupVisit, first.id).enrolment_id,
            resident_id=patient,
            program="htn",
            visit_date=dt.date(2026, 11, 2),
            sbp=168,
            dbp=100,
        )
        s.add(twin)
        s.flush()
        twin_id = twin.id
    with store.transaction() as s:
        followup.void_visit(s, patient, "htn", "2026-11-02", "township's copy", visit_id=first.id)
    with store.session() as s:
        assert s.get(FollowupVisit, first.id).voided and not s.get(FollowupVisit, twin_id).voided


def test_a_lost_to_follow_up_record_is_not_voided_here(store, patient):
    visit(store, patient, visit_date="2026-11-02", outcome="lost", lost_reason="外出务工")
    with pytest.raises(UserError, match="失访或死亡") as e, store.transaction() as s:
        followup.void_visit(s, patient, "htn", "2026-11-02", "录错")
    assert "乡镇卫生院" in e.value.render()


@pytest.mark.sqlite_only  # a village's command line: SQLite by design (`init` refuses a server)
def test_cli_voids_a_visit(tmp_path, capsys):
    d = str(storekit.data_dir_for_init(tmp_path / "v"))
    main(["--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村"])
    main(["--data-dir", d, "demo", "--residents", "50"])
    add = ["--data-dir", d, "followup", "add", "10100001", "--program", "htn", "--date", "2026-11-01",
           "--sbp", "130", "--dbp", "80", "--enrol"]  # fmt: skip
    assert main([*add, "--signs", "headache,foo"]) == 1  # an unknown sign: named, with the codes to choose
    err = capsys.readouterr().err
    assert "紧急转诊情况代码“foo”无效，可选：consciousness, headache" in err
    assert main(add) == 0
    capsys.readouterr()
    void = ["--data-dir", d, "followup", "void", "10100001", "--program", "htn", "--date", "2026-11-01"]
    with pytest.raises(SystemExit) as usage:  # --reason is required
        main(void)
    assert usage.value.code == 2 and "--reason" in capsys.readouterr().err
    assert main([*void, "--reason", "日期录错", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["date"], out["kind"], out["voided"], out["void_reason"]) == (
        "2026-11-01",
        "高血压随访",
        True,
        "日期录错",
    )
    assert main([*void, "--reason", "日期录错"]) == 1
    assert "随访已作废（日期录错）" in capsys.readouterr().err


def test_the_whole_form_is_stored(store):
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(name="糖乙", sex="2", birth_date="1960-06-06", enrolled_on="2020-01-01"),
            today=TODAY,
        )
        followup.enrol(s, r, "t2dm", dt.date(2024, 1, 1))
        saved = save_visit(
            s,
            r,
            VisitInput(
                program="t2dm",
                visit_date="2026-11-02",
                measurements={
                    "sbp": "132",
                    "dbp": "80",
                    "weight": "70",
                    "weight_target": "65",
                    "height": "160",
                    "glucose": "7.8",
                    "hba1c": "7.2",
                    "smoking": "5",
                    "smoking_target": "0",
                    "staple_food": "350",
                    "staple_food_target": "300",
                    "exercise_times": "3",
                    "exercise_times_target": "5",
                },
                codes={"psychology": "1", "compliance": "2", "hypoglycaemia": "2", "foot_pulse": "2L"},
                texts={"auxiliary_exam": "尿微量白蛋白阴性", "referral_reason": ""},
                hba1c_date="2026-10-20",
                insulin_type="甘精胰岛素",
                insulin_dosage="睡前 10U",
                symptoms=["2", "4"],
                adherence="1",
            ),
            today=TODAY,
        )
    with store.session() as s:
        v = s.get(FollowupVisit, saved.id)
        assert (v.bmi, v.bmi_target) == (27.3, 25.4)  # 70 / 1.6², 65 / 1.6²
        assert (v.glucose, v.hba1c, v.hba1c_date) == (7.8, 7.2, dt.date(2026, 10, 20))
        assert (v.psychology, v.compliance, v.hypoglycaemia, v.foot_pulse) == ("1", "2", "2", "2L")
        assert (v.smoking, v.smoking_target, v.staple_food, v.exercise_times_target) == (5, 0, 350, 5)
        assert v.insulin == {"type": "甘精胰岛素", "dosage": "睡前 10U"}
        assert v.auxiliary_exam == "尿微量白蛋白阴性" and v.referral_reason is None
        assert (v.symptoms, v.classification) == (["2", "4"], 2)


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"codes": {"foot_pulse": "9"}}, "foot_pulse"),
        ({"codes": {"salt": "4"}}, "salt"),
        ({"hba1c_date": "2026-11-05"}, "hba1c_date"),
        ({"texts": {"auxiliary_exam": "x" * 501}}, "auxiliary_exam"),
    ],
)
def test_the_rest_of_the_form_is_checked_too(store, patient, kw, field):
    assert field in refused(store, patient, **kw)


def test_ending_management_needs_a_date_and_a_reason(store, patient):
    with store.session() as s:
        eid = followup.active_enrolment(s, patient, "htn").id
    with pytest.raises(ValidationError) as e, store.transaction() as s:
        followup.end_management(s, eid, "3", "2023-01-01", "", today=TODAY)
    assert {"date", "reason"} <= set(e.value.by_field())
    with store.transaction() as s:
        followup.end_management(s, eid, "3", "2026-11-20", "迁往外省", today=TODAY)
    with store.session() as s:
        e = s.get(ProgramEnrolment, eid)
        assert (e.status, e.status_date, e.status_reason) == ("3", dt.date(2026, 11, 20), "迁往外省")
        assert followup.active_enrolment(s, patient, "htn") is None


def test_the_65_plus_target_is_a_setting_the_visit_and_the_form_read(store, patient):
    """张三 is 76: 145/85 is 控制满意 under the national < 150/90, and not under < 140/90 once the
    installation sets it; the live suggestion of the form says the same.  A value not offered is
    refused, and the change is in the audit trail."""
    from app.models import AuditEntry
    from app.services import settings

    assert visit(store, patient, measurements={"sbp": "145", "dbp": "85"}).classification == 1
    with store.transaction() as s, pytest.raises(UserError, match="150/90 / 140/90"):
        settings.save_ui_settings(s, settings.UiSettings("zh", False, "130/80"))
    with store.transaction() as s:
        settings.save_ui_settings(s, settings.UiSettings("zh", False, "140/90"))
    with store.session() as s:
        assert settings.ui_settings(s).elderly_htn_target == "140/90"
        assert s.scalar(select(AuditEntry.summary).where(AuditEntry.entity == "setting")).endswith(
            "150/90 → 140/90"
        )
        ctx = followup.visit_context(s, patient, "htn")
    typed = VisitInput(program="htn", visit_date="2026-11-20", measurements={"sbp": "145", "dbp": "85"})
    assert followup.suggest(ctx, typed).classification == 2
    assert (
        visit(
            store, patient, visit_date="2026-11-20", measurements={"sbp": "145", "dbp": "85"}
        ).classification
        == 2
    )


def test_the_control_rate_reads_the_65_plus_target_as_set(store, patient):
    """The same 145/85 of a 76-year-old: in 管理人群血压控制率 under < 150/90, out under < 140/90."""
    from app.services import settings
    from app.services.indicators import engine

    visit(store, patient, measurements={"sbp": "145", "dbp": "85"})
    period = engine.parse_period(2026)

    def counted() -> bool:
        with store.session() as s:
            (line,) = engine.drilldown(s, "htn_control", period, "denominator")
            return line.counted

    assert counted()
    with store.transaction() as s:
        settings.save_ui_settings(s, settings.UiSettings("zh", False, "140/90"))
    assert not counted()


def test_a_death_is_dated_between_the_last_visit_done_and_the_visit_that_learnt_of_it(store, patient):
    """A 死亡 visit dated a death before the resident's last follow-up done (the patient was seen
    after it), or after the visit itself: both taken, the record closed on a day that contradicts
    its own visits.  Both are refused, naming the day; a death between them is taken."""
    visit(store, patient, visit_date="2026-11-05")
    died = dict(outcome="died", death_cause="脑卒中", measurements={})
    early = refused(store, patient, visit_date="2026-11-12", death_date="2026-10-20", **died)
    assert "2026-11-05 还有" in early["death_date"] and "死亡日期不能早于它" in early["death_date"]
    late = refused(store, patient, visit_date="2026-11-12", death_date="2026-11-13", **died)
    assert "不能晚于本次随访日期 2026-11-12" in late["death_date"]
    with store.session() as s:
        assert s.get(Resident, patient).status == "1"  # nothing taken
    visit(store, patient, visit_date="2026-11-12", death_date="2026-11-08", **died)
    with store.session() as s:
        r = s.get(Resident, patient)
        assert (r.status, r.status_date) == ("3", dt.date(2026, 11, 8))


def test_a_death_correcting_a_visit_is_dated_after_the_other_programmes_visit_that_day(store, patient):
    """A 高血压 visit corrected into a 死亡 on the day of a 糖尿病 visit done: the correction left out
    every visit of that day, so a death before the 糖尿病 visit was taken.  Only the corrected
    visit is left out."""
    with store.transaction() as s:
        followup.enrol(s, s.get(Resident, patient), "t2dm", dt.date(2024, 1, 10))
    visit(store, patient, visit_date="2026-11-12")
    visit(store, patient, program="t2dm", visit_date="2026-11-12", measurements={"glucose": "6.5"})
    died = dict(outcome="died", death_cause="脑卒中", measurements={}, correction=True)
    early = refused(store, patient, visit_date="2026-11-12", death_date="2026-11-10", **died)
    assert "2026-11-12 还有" in early["death_date"]
    visit(store, patient, visit_date="2026-11-12", death_date="2026-11-12", **died)  # the same day: taken


def test_a_record_closed_on_the_form_is_dated_after_the_last_visit_done(store, patient):
    """死亡 or 迁出 typed on the resident form on a day before a follow-up that saw the patient was
    taken (a programme's 死亡 visit was already checked so): refused on 状态日期, naming the visit's
    day; the same day or later is taken."""
    from app.services.records.residents import resident_input_from

    visit(store, patient, visit_date="2026-11-05")
    for status, label in (("3", "死亡"), ("2", "迁出")):
        with store.session() as s:
            inp = resident_input_from(s.get(Resident, patient))
        inp.status, inp.status_date = status, "2026-11-01"
        with pytest.raises(ValidationError) as e, store.transaction() as s:
            save_resident(s, inp, resident_id=patient, today=TODAY)
        said = e.value.by_field()["status_date"].render()
        assert "2026-11-05 还有张三的随访记录" in said and f"{label}日期不能早于它" in said
    inp.status_date = "2026-11-05"
    with store.transaction() as s:
        save_resident(s, inp, resident_id=patient, today=TODAY)
    with store.session() as s:
        assert s.get(Resident, patient).status == "2"

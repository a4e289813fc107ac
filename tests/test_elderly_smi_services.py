"""The elderly health check and the SMI visits through their services and the CLI; the indicators'
compute functions on a written-out table; the migration matches the models."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess

import pytest
from sqlalchemy import select

from app.models import ElderlyCheck, ProgramEnrolment, Resident, SmiVisit
from app.services.errors import NeedsConfirmation, UserError, ValidationError
from app.services.indicators import REGISTRY, Period, Scope, smi_elderly  # noqa: F401 (declares them)
from app.services.programmes import elderly, followup, smi
from app.services.records import residents as records
from tests.conftest import SMI_ASSESSED

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

TODAY = dt.date(2026, 11, 20)


def _elder(s, person, name, birth="1949-12-31", id_number="11010519491231002X"):
    return records.save_resident(s, person(name=name, id_number=id_number, birth_date=birth), today=TODAY)


def _check(**kw):
    base = dict(
        check_date="2026-11-01",
        selfcare_eating="1",
        selfcare_grooming="1",
        selfcare_dressing="1",
        selfcare_toilet="1",
        selfcare_activity="1",
        sbp="132",
        dbp="78",
    )
    base.update(kw)
    return elderly.ElderlyCheckInput(**base)


def test_a_raised_bp_offers_hypertension_and_abnormal_results_draft_a_referral(store, person):
    with store.transaction() as s:
        r = _elder(s, person, "王老汉")
        saved = elderly.record_check(
            s,
            r.archive_no,
            _check(sbp="165", dbp="95", glucose="6.1", ecg="2", ecg_text="ST段压低"),
            today=TODAY,
        )
        assert saved.offers == ("htn",)
        assert (saved.selfcare_score, saved.selfcare_level) == (0, "1")
        assert saved.next_check == dt.date(2027, 11, 1)
        draft = elderly.referral_draft(s, saved.id)
        assert "血压165/95mmHg" in draft.present_history and "心电图异常（ST段压低）" in draft.present_history
        followup.start_management(s, r.archive_no, "htn", today=TODAY)
        second = _check(check_date="2026-11-02", sbp="165", dbp="85", glucose="7.4")
        with pytest.raises(NeedsConfirmation) as asked:  # the year's check typed again the next day
            elderly.record_check(s, r.archive_no, second, today=TODAY)
        assert "2026年已于2026-11-01做过健康体检" in asked.value.render()
        again = elderly.record_check(s, r.archive_no, second, today=TODAY, confirmed=True)
        assert again.offers == ("t2dm",)  # already managed for hypertension


def test_bad_input_changes_nothing_and_says_which_field(store, person):
    with store.transaction() as s:
        r = _elder(s, person, "王老汉")
        rid = r.archive_no
    with store.transaction() as s, pytest.raises(ValidationError) as e:
        elderly.record_check(s, rid, _check(selfcare_toilet="", glucose="abc", sbp="400"), today=TODAY)
    assert {x.field for x in e.value.errors} == {"selfcare_toilet", "glucose", "sbp"}
    with store.session() as s:
        assert elderly.unchecked(s, 2026, today=TODAY)[0].archive_no == rid


@pytest.mark.parametrize(
    ("sbp", "dbp", "field", "said"),
    [
        ("80", "120", "sbp", "收缩压应高于舒张压"),
        ("90", "90", "sbp", "收缩压应高于舒张压"),
        ("140", "", "dbp", "舒张压"),
        ("", "", "sbp", "收缩压"),  # (and dbp): a check without a blood pressure examined nothing
    ],
)
def test_a_blood_pressure_is_both_numbers_systolic_above_diastolic(store, person, sbp, dbp, field, said):
    """As the follow-up form says it (validators.blood_pressure_problem): 80/120 was saved and
    offered hypertension care, 140 alone printed as "140/-", and a check of the five self-care
    levels alone counted as the year's health management."""
    with store.transaction() as s:
        rid = _elder(s, person, "王老汉").archive_no
    with store.transaction() as s, pytest.raises(ValidationError) as e:
        elderly.record_check(s, rid, _check(sbp=sbp, dbp=dbp), today=TODAY)
    assert (e.value.errors[0].field, said in e.value.errors[0].message.render()) == (field, True)
    with store.session() as s:
        assert elderly.unchecked(s, 2026, today=TODAY)[0].archive_no == rid


def test_under_65_is_refused_and_the_worklist_lists_the_unchecked_by_group(store, person):
    with store.transaction() as s:
        young = records.save_resident(
            s, person(name="李青", id_number="", birth_date="1990-05-05", sex="1"), today=TODAY
        )
        old = _elder(s, person, "王老汉")
        with pytest.raises(UserError):
            elderly.record_check(s, young.archive_no, _check(), today=TODAY)
        assert [d.name for d in elderly.unchecked(s, 2026, today=TODAY)] == ["王老汉"]
        elderly.record_check(s, old.archive_no, _check(), today=TODAY)
        assert elderly.unchecked(s, 2026, today=TODAY) == []
        assert [d.name for d in elderly.unchecked(s, 2027, today=TODAY)] == ["王老汉"]
        assert elderly.coverage(s, 2026) == {"elderly": 1, "checked": 1}


def _people(s, person, n):
    out = []
    for i in range(n):
        out.append(
            records.save_resident(
                s,
                person(
                    name=f"甲{'乙丙丁戊己庚辛壬癸'[i]}",
                    id_number="",
                    birth_date=f"19{40 + i * 7}-01-01",
                    sex="1",
                ),
                today=TODAY,
            )
        )
    return out


def test_indicators_on_a_written_out_table(store, person):
    """Residents born 1940, 1947, 1954, 1961, 1968: four are 65 or over in 2026 (1961 turns 65); two checked this year.
    SMI: A 4 visits, last 稳定 (standard, stable); B 3 visits, last 基本稳定; C registered, no visit."""
    with store.transaction() as s:
        p = _people(s, person, 5)
        elderly.record_check(s, p[0].archive_no, _check(check_date="2026-03-01"), today=TODAY)
        elderly.record_check(s, p[2].archive_no, _check(check_date="2026-06-01"), today=TODAY)
        elderly.record_check(s, p[1].archive_no, _check(check_date="2025-06-01"), today=TODAY)  # last year
        for who in (p[0], p[1], p[3]):
            smi.register(
                s,
                who.archive_no,
                smi.SmiRegistrationInput(diagnosis="1", consent="1"),
                today=dt.date(2026, 1, 1),
            )
        for day, danger in (
            ("2026-02-01", "0"),
            ("2026-05-01", "1"),
            ("2026-08-01", "0"),
            ("2026-11-01", "0"),
        ):
            smi.record_visit(
                s, p[0].archive_no, smi.input_with(visit_date=day, danger=danger, **SMI_ASSESSED), today=TODAY
            )
        for day, danger in (("2026-02-01", "0"), ("2026-05-01", "0"), ("2026-08-01", "2")):
            smi.record_visit(
                s, p[1].archive_no, smi.input_with(visit_date=day, danger=danger, **SMI_ASSESSED), today=TODAY
            )
    expected = {
        # over the 65+ population figure: only those checked this year are listed
        "elderly": {p[0].id: True, p[2].id: True},
        "smi_standard": {p[0].id: True, p[1].id: False, p[3].id: False},
        "smi_stable": {p[0].id: True, p[1].id: False, p[3].id: False},
    }
    with store.session() as s:
        for key, want in expected.items():
            got = {e.resident_id: e.counted for e in REGISTRY[key].compute(s, Period.year(2026), Scope())}
            assert got == want, key
        q4 = {
            e.resident_id: e.counted
            for e in REGISTRY["smi_standard"].compute(s, Period.quarter(2026, 4), Scope())
        }
        assert q4 == {p[0].id: True, p[1].id: False, p[3].id: False}  # a quarter needs one visit
    assert REGISTRY["elderly"].target == 0.65
    assert REGISTRY["elderly"].denominator_figure == "elderly_population"


def test_the_elderly_rate_counts_those_on_the_register_on_the_report_day(store, person):
    """老年人健康管理率 of 2025: a check entered from paper for a record made in 2026 is not the
    area's 2025 work (建档率 of 2025 leaves the record out too); an elder checked in 2025 who died in
    2026 was on the register all of 2025 and counts; so does one who died in November 2025, after
    the year's check (the management was received), and not one who had left before it."""
    with store.transaction() as s:
        late, died, kept = _people(s, person, 3)
        died_after, left_before = (
            records.save_resident(s, person(name=n, id_number="", birth_date=b, sex="1"), today=TODAY)
            for n, b in (("乙一", "1950-05-05"), ("乙二", "1951-06-06"))
        )
        for r in (late, died, kept, died_after, left_before):
            elderly.record_check(s, r.archive_no, _check(check_date="2025-09-15"), today=TODAY)
        for r in (died, kept, died_after, left_before):
            s.get(Resident, r.id).enrolled_on = dt.date(2020, 1, 1)
        s.get(Resident, late.id).enrolled_on = dt.date(2026, 3, 1)
        for r, day in ((died, dt.date(2026, 2, 1)), (died_after, dt.date(2025, 11, 2))):
            gone = s.get(Resident, r.id)
            gone.status, gone.status_date = "3", day
        gone = s.get(Resident, left_before.id)
        gone.status, gone.status_date = "2", dt.date(2025, 9, 1)
    with store.session() as s:
        got = {e.resident_id for e in REGISTRY["elderly"].compute(s, Period.year(2025), Scope())}
    assert got == {died.id, kept.id, died_after.id}


def test_a_quarter_alone_is_not_held_to_the_years_elderly_target(store):
    """老年人健康管理率's 65% is the year's (each elder checked once a year): a quarter alone counts
    that quarter's checks and is given no target (its 16% read as below 65%, every village red);
    the year, and a quarter's 累计, keep it.  A target of another kind (建档率's) stays."""
    from app.services.indicators import engine

    with store.session() as s:
        for period, target in (
            (Period.quarter(2026, 3), None),
            (Period.to_quarter(2026, 3), 0.65),
            (Period.year(2026), 0.65),
        ):
            (result,) = engine.evaluate(s, period, keys=["elderly"]).results
            assert result.target == target, period
            sixteen_percent = engine.Figure(16, 100)
            assert result.below_target(sixteen_percent) is (None if target is None else True), period
        (records_rate,) = engine.evaluate(s, Period.quarter(2026, 3), keys=["records"]).results
        assert records_rate.target == 0.8  # (建档率: the register as it stands, any day)


def test_a_patient_registered_mid_year_needs_follow_ups_in_proportion(store, person):
    """Registered on 15 July, followed in August and November: two quarters under management ask
    two follow-ups, not the year's four (as 高血压 and 糖尿病 are counted); one follow-up is short."""
    with store.transaction() as s:
        a, b = _people(s, person, 2)
        for who in (a, b):
            smi.register(
                s,
                who.archive_no,
                smi.SmiRegistrationInput(diagnosis="1", consent="1"),
                today=dt.date(2026, 7, 15),
            )
        for day in ("2026-08-01", "2026-11-01"):
            smi.record_visit(s, a.archive_no, smi.input_with(visit_date=day, danger="0"), today=TODAY)
        smi.record_visit(s, b.archive_no, smi.input_with(visit_date="2026-08-01", danger="0"), today=TODAY)
    with store.session() as s:
        got = {e.resident_id: e for e in REGISTRY["smi_standard"].compute(s, Period.year(2026), Scope())}
    assert (got[a.id].counted, got[b.id].counted) == (True, False)
    assert (
        str(got[a.id].reason)
        == "随访 2 次，应至少 2 次（2026-07-15 至 2026-12-31 在管 2 个季度，按季度折算）"
    )


def test_a_patient_registered_again_the_same_day_is_followed_on_the_new_registration(store, person):
    """Declined, then consented; lost, then registered again: the day's new registration (在管) is
    the one a follow-up is recorded on, not the ended one made the same day."""
    with store.transaction() as s:
        declined, lost = _people(s, person, 2)
        smi.register(
            s, declined.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="0"), today=TODAY
        )
        smi.register(
            s, declined.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY
        )
        smi.register(s, lost.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        smi.record_failed_visit(s, lost.archive_no, "lost", TODAY.isoformat(), lost_reason="1", today=TODAY)
        smi.register(s, lost.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        for who in (declined, lost):
            saved = smi.record_visit(
                s, who.archive_no, smi.input_with(visit_date=TODAY.isoformat(), danger="0"), today=TODAY
            )
            visit = s.get(SmiVisit, saved.id)
            assert s.get(ProgramEnrolment, visit.enrolment_id).status == "1", who.name


def test_a_patient_lost_before_the_registration_is_in_no_smi_figure(store, person):
    """A 失访 entered from paper, dated before the registration, ends a management that never began:
    no patient to follow, not one "under management from 12-05 to 11-20"."""
    with store.transaction() as s:
        (p,) = _people(s, person, 1)
        smi.register(s, p.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        smi.record_failed_visit(s, p.archive_no, "lost", "2026-11-10", lost_reason="1", today=TODAY)
    with store.session() as s:
        for key in ("smi_standard", "smi_stable"):
            assert list(REGISTRY[key].compute(s, Period.year(2026), Scope())) == [], key


def test_a_patient_who_died_or_moved_away_counts_for_the_time_managed_only(store, person):
    """Found by review: 规范管理率 and 稳定率 counted an SMI patient who had died the year before (and
    one who died in March needed four visits, none possible after).  As in the chronic programmes,
    the resident's death or move ends the management: in proportion while managed, absent after."""
    with store.transaction() as s:
        before, march, kept = _people(s, person, 3)
        for r in (before, march, kept):
            smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
            s.get(ProgramEnrolment, _smi_enrolment(s, r.id)).enrolled_on = dt.date(2024, 1, 1)
        smi.record_visit(
            s,
            march.archive_no,
            smi.input_with(visit_date="2026-02-10", danger="0", **SMI_ASSESSED),
            today=TODAY,
        )
        for r, status, day in ((before, "3", dt.date(2025, 12, 20)), (march, "2", dt.date(2026, 3, 15))):
            gone = s.get(Resident, r.id)
            gone.status, gone.status_date = status, day
    with store.session() as s:
        year = {e.resident_id: e for e in REGISTRY["smi_standard"].compute(s, Period.year(2026), Scope())}
        stable = {e.resident_id for e in REGISTRY["smi_stable"].compute(s, Period.year(2026), Scope())}
        q2 = {e.resident_id for e in REGISTRY["smi_standard"].compute(s, Period.quarter(2026, 2), Scope())}
    assert set(year) == stable == {march.id, kept.id}
    assert year[march.id].counted
    assert (
        str(year[march.id].reason)
        == "随访 1 次，应至少 1 次（2026-01-01 至 2026-03-15 在管 1 个季度，按季度折算）"
    )
    assert q2 == {kept.id}


def test_a_record_closed_before_its_smi_visit_or_health_check_is_refused(store, person):
    """Found by review: 死亡 or 迁出 dated before an SMI follow-up or a 65+ health check that saw the
    resident was taken (the figures then changed quietly); only follow-ups of 高血压 and 糖尿病 were
    looked at.  Refused on 状态日期, naming the later record's day; a user who may not know of
    the SMI visit is never told of it."""
    with store.transaction() as s:
        patient, elder = _people(s, person, 2)
        smi.register(s, patient.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        smi.record_visit(
            s,
            patient.archive_no,
            smi.input_with(visit_date="2026-11-05", danger="0", **SMI_ASSESSED),
            today=TODAY,
        )
        elderly.record_check(s, elder.archive_no, _check(check_date="2026-11-03"), today=TODAY)
    for rid, said in (
        (patient.id, "2026-11-05 还有甲乙的随访记录"),
        (elder.id, "2026-11-03 还有甲丙的健康体检记录"),
    ):
        with store.session() as s:
            inp = records.resident_input_from(s.get(Resident, rid))
        inp.status, inp.status_date = "3", "2026-11-01"
        with pytest.raises(ValidationError) as e, store.transaction() as s:
            records.save_resident(s, inp, resident_id=rid, today=TODAY)
        assert said in e.value.by_field()["status_date"].render()
        inp.status_date = said[:10]  # the same day: taken
        with store.transaction() as s:
            records.save_resident(s, inp, resident_id=rid, today=TODAY)


def _smi_enrolment(s, resident_id):
    return s.scalars(
        select(ProgramEnrolment.id).where(
            ProgramEnrolment.resident_id == resident_id, ProgramEnrolment.program == "smi"
        )
    ).one()


@pytest.mark.parametrize(
    ("danger", "chosen", "refused"), [("4", "3", "稳定"), ("3", "2", "基本稳定"), ("1", "3", "稳定")]
)
def test_a_class_milder_than_the_danger_level_allows_is_refused(store, person, danger, chosen, refused):
    """The doctor may judge a visit more severe than suggested, not milder than its danger level
    allows: 3–5 is 不稳定, 1–2 基本稳定 at best (稳定 asks for 0).  Nothing is saved."""
    with store.transaction() as s:
        (p,) = _people(s, person, 1)
        smi.register(s, p.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        archive_no = p.archive_no
    with pytest.raises(ValidationError) as refused_, store.transaction() as s:
        smi.record_visit(
            s,
            archive_no,
            smi.input_with(visit_date="2026-11-10", danger=danger, classification=chosen, **SMI_ASSESSED),
            today=TODAY,
        )
    (error,) = refused_.value.errors
    assert error.field == "classification"
    assert str(error.message) == f"危险性评估为 {danger} 级，本次随访分类不能评为“{refused}”"
    with store.session() as s:
        assert s.scalars(select(SmiVisit)).all() == []
    with store.transaction() as s:  # more severe than suggested: the doctor's to judge
        saved = smi.record_visit(
            s,
            archive_no,
            smi.input_with(visit_date="2026-11-10", danger="0", classification="1", **SMI_ASSESSED),
            today=TODAY,
        )
    # and what 不稳定 calls for, as the form said it: referred at once, seen within 2 weeks (the
    # save said the rules' 稳定's nothing, and the CLI printed no referral)
    assert (saved.classification, saved.classification_suggested) == (1, 3)
    assert saved.referral_suggested and saved.next_due == dt.date(2026, 11, 24)


def test_lost_and_death_visits_end_management(store, person):
    with store.transaction() as s:
        a, b = _people(s, person, 2)
        for who in (a, b):
            smi.register(s, who.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        with pytest.raises(ValidationError):
            smi.record_failed_visit(s, a.archive_no, "lost", "2026-11-10", lost_reason="9", today=TODAY)
        smi.record_failed_visit(s, a.archive_no, "lost", "2026-11-10", lost_reason="1", today=TODAY)
        smi.record_failed_visit(
            s, b.archive_no, "died", "2026-11-10", death_date="2026-11-08", death_cause="1", today=TODAY
        )
        status = dict(s.execute(select(ProgramEnrolment.resident_id, ProgramEnrolment.status)).all())
        assert (status[a.id], status[b.id]) == ("2", "4")
        with pytest.raises(UserError):
            smi.record_visit(
                s, a.archive_no, smi.input_with(visit_date="2026-11-12", danger="0"), today=TODAY
            )


@pytest.mark.sqlite_only
def test_cli_smi_and_elderly_json(tmp_path, capsys):
    from app.cli import main

    d = str(tmp_path / "d")
    assert main(["--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "村"]) == 0
    assert main(["--data-dir", d, "demo", "--residents", "60", "--seed", "3"]) == 0
    capsys.readouterr()
    from app.cli.core import Paths  # noqa: F401
    from app.db import Store

    store = Store(f"sqlite:///{tmp_path / 'd' / 'cunyi.db'}")
    with store.session() as s:
        old = s.scalar(select(Resident.archive_no).where(Resident.birth_date <= dt.date(1950, 1, 1)))
        young = s.scalar(select(Resident.archive_no).where(Resident.birth_date >= dt.date(1980, 1, 1)))
    store.dispose()
    assert (
        main(
            [
                "--data-dir",
                d,
                "elderly",
                "check",
                old,
                "--date",
                "2026-11-01",
                "--selfcare",
                "3,2,1,3,4",
                "--sbp",
                "128",
                "--dbp",
                "76",
                "--json",
                "--confirm",  # the demo checked this resident earlier this year
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert (out["selfcare_score"], out["selfcare_level"]) == (19, 4)
    assert (
        main(
            [
                "--data-dir",
                d,
                "smi",
                "register",
                young,
                "--diagnosis",
                "1",
                "--consent",
                "1",
                "--guardian",
                "父亲",
                "--guardian-phone",
                "13800000000",
                "--json",
            ]
        )
        == 0
    )
    capsys.readouterr()
    args = [
        "--data-dir",
        d,
        "smi",
        "followup",
        young,
        "--date",
        "2026-11-01",
        "--danger",
        "2",
        "--insight",
        "1",
        "--symptoms",
        "1,5",
        "--social",
        "1,1,1,1,1",
        "--method",
        "2",
        "--json",
    ]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["classification"], out["referral_suggested"], out["next_due"]) == (2, False, "2026-11-15")
    assert main([*args[:6], "2026-11-05", "--danger", "0", "--adverse", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["classification"], out["referral_suggested"], out["next_due"]) == (1, True, "2026-11-19")
    assert main(["--data-dir", d, "smi", "followup", young, "--date", "2026-11-06", "--danger", "6"]) == 1
    err = capsys.readouterr().err
    assert "危险性评估" in err and "Traceback" not in err
    # the 个人信息补充表, filled from the registration
    assert (
        main(["--data-dir", d, "smi", "print", young, "--registration", "-o", str(tmp_path / "r.pdf")]) == 0
    )
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    assert "严重精神障碍患者个人信息补充表" in text and "父亲" in text and "13800000000" in text


@pytest.mark.sqlite_only
def test_the_migration_matches_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.db import make_engine, migrate
    from app.models import Base

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate(engine)
    with engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    ours = [d for d in diff if any(t in repr(d) for t in ("smi_", "elderly_check", "permissions"))]
    assert ours == []
    engine.dispose()


@pytest.mark.slow
def test_demo_registers_smi_patients_and_checks_most_elders(store):
    from sqlalchemy import func

    from app.models import ElderlyCheck, SmiVisit
    from app.tools.demo import generate_demo

    with store.transaction() as s:
        generate_demo(s, 1500, seed=7, today=TODAY)
    with store.session() as s:
        patients = s.scalars(select(ProgramEnrolment).where(ProgramEnrolment.program == "smi")).all()
        assert 1 <= len(patients) <= 15 and all(e.sensitive for e in patients)  # ≈ 0.4% of 1500
        assert s.scalar(select(func.count()).select_from(SmiVisit)) >= 4 * len(patients) - len(patients)
        cover = elderly.coverage(s, TODAY.year)
        assert 0.45 <= cover["checked"] / cover["elderly"] <= 0.75  # ≈ 60%
        for c in s.scalars(select(ElderlyCheck).limit(50)):
            assert elderly.selfcare.score(c.selfcare).score == c.selfcare_score


def test_a_township_registration_makes_the_residents_own_doctor_responsible(township_store, person):
    from app.services import profile
    from app.services.access import accounts

    store = township_store
    with store.transaction() as s:
        profile.ensure_village(s, "110105001101", "一村")
        r = records.save_resident(
            s, person(name="赵某", village_code="110105001101", responsible_doctor="李医生"), today=TODAY
        )
        accounts.create_user(
            s, "mh", "村医-secret-1", "township_staff", display_name="公卫", permissions=("mental_health",)
        )
        accounts.create_user(s, "plain", "村医-secret-1", "township_staff", display_name="科员")
    store.actor = accounts.login(store, "plain", "村医-secret-1")
    try:
        with store.transaction() as s, pytest.raises(UserError):
            smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        store.actor = accounts.login(store, "mh", "村医-secret-1")
        with store.transaction() as s:
            saved = smi.register(
                s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="0"), today=TODAY
            )
        assert saved.responsible_doctor == "李医生" and not saved.under_management
    finally:
        store.actor = None


def test_one_rule_of_65_plus_for_the_home_page_the_programme_and_the_key_groups(store, person):
    """Born 1961-12-31: 65 in 2026 (年满65周岁 in the year) although 64 on TODAY. The home page,
    the due list and the contract key group all count her (the home page counted by today)."""
    from app.services.indicators import Period, Scope
    from app.services.indicators import services as ind
    from app.services.programmes import elderly
    from app.services.records.residents import counts

    with store.transaction() as s:
        r = records.save_resident(
            s, person(name="年满", id_number="", sex="2", birth_date="1961-12-31"), today=TODAY
        )
        rid = r.id
    with store.session() as s:
        assert counts(s, today=TODAY)["elderly"] == 1
        assert [u.resident_id for u in elderly.unchecked(s, TODAY.year, today=TODAY)] == [rid]
        groups = ind.key_groups(s, Scope(), ind.reference_day(Period.year(TODAY.year), TODAY))
        assert groups["elderly"] == {rid}


def test_a_list_of_65_plus_shows_the_age_reached_that_year(store, person):
    """`elderly due --year 2030` listed residents as 63岁 under its 65+ heading."""
    with store.transaction() as s:
        records.save_resident(
            s, person(name="周晚生", birth_date="1965-12-31", id_number="11010519651231002X"), today=TODAY
        )
    with store.session() as s:
        (due,) = [d for d in elderly.unchecked(s, 2030, today=TODAY) if d.name == "周晚生"]
    assert due.age == 65  # 61 on TODAY


def test_a_visit_cannot_undo_a_death_or_follow_it(store, person):
    """失访 or 死亡 ends management: a later 失访 cannot overwrite a death (nor a second death
    replace it); a death is not after its visit; a visit after the resident's recorded death is
    refused, one entered late from paper before it is not."""
    with store.transaction() as s:
        a, b = _people(s, person, 2)
        for who in (a, b):
            smi.register(s, who.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        with pytest.raises(ValidationError, match="死亡日期不能晚于随访日期"):
            smi.record_failed_visit(
                s, a.archive_no, "died", "2026-11-04", death_date="2026-11-10", death_cause="1", today=TODAY
            )
        smi.record_failed_visit(
            s, a.archive_no, "died", "2026-11-10", death_date="2026-11-08", death_cause="1", today=TODAY
        )
        for outcome, extra in (
            ("lost", {"lost_reason": "2"}),
            ("died", {"death_date": "2026-11-09", "death_cause": "2"}),
        ):
            with pytest.raises(UserError, match="目前不在管理中"):
                smi.record_failed_visit(s, a.archive_no, outcome, "2026-11-12", today=TODAY, **extra)
        status = s.execute(
            select(ProgramEnrolment.status, ProgramEnrolment.status_date).where(
                ProgramEnrolment.resident_id == a.id
            )
        ).one()
        assert status == ("4", dt.date(2026, 11, 8))
        b_row = s.get(type(b), b.id)
        b_row.status, b_row.status_date = "3", dt.date(2026, 11, 1)
        s.flush()
        with pytest.raises(ValidationError, match="已于2026-11-01死亡，不能登记此后的服务"):
            smi.record_visit(
                s, b.archive_no, smi.input_with(visit_date="2026-11-05", danger="0"), today=TODAY
            )
        smi.record_visit(s, b.archive_no, smi.input_with(visit_date="2026-10-20", danger="0"), today=TODAY)
        # the 死亡 record itself, learnt of later, is taken after the recorded day
        smi.record_failed_visit(
            s, b.archive_no, "died", "2026-11-05", death_date="2026-11-01", death_cause="1", today=TODAY
        )
        c = _people(s, person, 3)[2]
        row = s.get(type(c), c.id)
        row.status, row.status_date = "2", dt.date(2026, 9, 1)  # moved away
        s.flush()
        with pytest.raises(ValidationError, match="已于2026-09-01迁出，不能登记此后的服务"):
            smi.register(s, c.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)


def test_no_check_follow_up_or_referral_after_the_residents_death(store, person):
    """A resident recorded as dead (or moved away) on a day takes no service dated after it: the
    yearly check, a chronic follow-up (even one that would enrol), a referral.  Those dated before
    it, entered late from paper, are taken."""
    from app.services.programmes import referral
    from app.services.programmes.followup import VisitInput

    with store.transaction() as s:
        r = _elder(s, person, "李勇")
        row = s.get(Resident, r.id)
        row.status, row.status_date = "3", dt.date(2026, 10, 1)
        s.flush()
        refused = "李勇已于2026-10-01死亡，不能登记此后的服务"
        with pytest.raises(ValidationError, match=refused):
            elderly.record_check(s, r.archive_no, _check(check_date="2026-11-01"), today=TODAY)
        visit = VisitInput(program="htn", visit_date="2026-11-15", measurements={"sbp": "120", "dbp": "80"})
        with pytest.raises(ValidationError, match=refused):
            followup.save_visit(s, row, visit, enrol_if_needed=True, today=TODAY)
        with pytest.raises(ValidationError, match=refused):
            referral.create_referral(
                s,
                referral.ReferralInput(resident_id=r.id, to_institution="县医院", issued_on="2026-11-02"),
                today=TODAY,
            )
        assert elderly.record_check(s, r.archive_no, _check(check_date="2026-09-20"), today=TODAY).id


@pytest.mark.sqlite_only  # refused before any store is opened
@pytest.mark.parametrize(
    "extra, said",
    [
        (["--lost", "1", "--danger", "0"], "失访或死亡的随访不填评估：请去掉 --danger"),
        (["--died", "2026-11-01", "--cause", "1", "--next", "2027-01-01"], "请去掉 --next"),
        (["--lost", "1", "--died", "2026-11-01"], "只能选一个"),
        (["--danger", "0", "--cause", "1"], "--cause（死亡原因）只与 --died 一起填写"),
    ],
)
def test_cli_smi_outcomes_refuse_what_they_would_drop(tmp_path, capsys, extra, said):
    """A 失访/死亡 visit carries no assessment: a --danger beside --lost was dropped in silence."""
    from app.cli import main

    args = [
        "--data-dir",
        str(tmp_path / "none"),
        "smi",
        "followup",
        "11010500110100001",
        "--date",
        "2026-11-02",
    ]
    assert main([*args, *extra]) == 1
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1 and not (tmp_path / "none").exists()


def test_a_death_visit_closes_the_record_and_later_services_are_refused(store, person):
    """高血压 (or 严重精神障碍) 死亡 visit: the resident's record reads 死亡 on that day, so a referral or a
    check dated after it is refused; a record closed before keeps its own day."""
    from app.services.programmes.followup import VisitInput

    with store.transaction() as s:
        r = _elder(s, person, "周老汉")
        died = VisitInput(
            program="htn",
            visit_date="2026-11-05",
            outcome="died",
            death_date="2026-11-02",
            death_cause="心梗",
        )
        followup.save_visit(s, s.get(Resident, r.id), died, enrol_if_needed=True, today=TODAY)
        row = s.get(Resident, r.id)
        assert (row.status, row.status_date) == ("3", dt.date(2026, 11, 2))
        with pytest.raises(ValidationError, match="周老汉已于2026-11-02死亡"):
            elderly.record_check(s, r.archive_no, _check(check_date="2026-11-10"), today=TODAY)


def test_a_health_check_recorded_by_mistake_is_voided(store, person):
    """A check typed for the wrong person or day (a PC whose calendar ran ahead: its bundle is then
    refused until the record is put right) could not be undone: it is voided with its reason, and
    the resident is due again."""
    with store.transaction() as s:
        old = _elder(s, person, "王老汉")
        elderly.record_check(s, old.archive_no, _check(), today=TODAY)
        assert elderly.unchecked(s, 2026, today=TODAY) == []
    with pytest.raises(ValidationError, match="请写明作废的原因"), store.transaction() as s:
        elderly.void_check(s, old.archive_no, "2026-11-01", " ")
    with store.transaction() as s:
        voided = elderly.void_check(s, old.archive_no, "2026-11-01", "录到了别人名下")
        assert voided.voided and voided.void_reason == "录到了别人名下"
    with store.session() as s:
        assert [d.name for d in elderly.unchecked(s, 2026, today=TODAY)] == ["王老汉"]
    with (
        pytest.raises(UserError, match="2026-11-01 的健康体检已作废（录到了别人名下）"),
        store.transaction() as s,
    ):
        elderly.void_check(s, old.archive_no, "2026-11-01", "又一次")
    with pytest.raises(UserError, match="在 2026-10-31 没有健康体检记录"), store.transaction() as s:
        elderly.void_check(s, old.archive_no, "2026-10-31", "录错")


def test_an_smi_follow_up_recorded_by_mistake_is_voided_by_its_doctor_only(store, person):
    from app.services.access import accounts

    with store.transaction() as s:
        (patient,) = _people(s, person, 1)
        patient.responsible_doctor = "钱医生"
        accounts.create_user(s, "li", "村医-secret-1", "village_doctor", display_name="钱医生")
        accounts.create_user(s, "wang", "村医-secret-1", "village_doctor", display_name="王医生")
        smi.register(s, patient.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        for day in ("2026-08-01", "2026-11-01"):
            smi.record_visit(s, patient.archive_no, smi.input_with(visit_date=day, danger="0"), today=TODAY)
    store.actor = accounts.login(store, "wang", "村医-secret-1")
    try:  # another doctor is told what anyone is of a resident who is no patient
        with pytest.raises(UserError, match="没有严重精神障碍管理记录"), store.transaction() as s:
            smi.void_visit(s, patient.archive_no, "2026-11-01", "录错")
        store.actor = accounts.login(store, "li", "村医-secret-1")
        with store.transaction() as s:
            smi.void_visit(s, patient.archive_no, "2026-11-01", "日期录错")
        with store.session() as s:
            assert smi.enrolment_of(s, patient.id).last_visit == dt.date(2026, 8, 1)
    finally:
        store.actor = None


@pytest.mark.sqlite_only  # a village's command line: SQLite by design
def test_cli_voids_a_check(tmp_path, capsys):
    from app.cli import main

    d = str(tmp_path / "d")
    assert main(["--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "村"]) == 0
    assert main(["--data-dir", d, "demo", "--residents", "60", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "elderly", "due", "--json"]) == 0
    due = json.loads(capsys.readouterr().out)
    first = next(iter(due if isinstance(due, list) else due.get("residents", due.get("items", []))))
    archive = first["archive_no"]
    check = [
        "--data-dir",
        d,
        "elderly",
        "check",
        archive,
        "--date",
        "2026-11-01",
        "--selfcare",
        "1,1,1,1,1",
        "--sbp",
        "128",
        "--dbp",
        "76",
    ]
    assert main(check) == 0
    capsys.readouterr()
    void = [
        "--data-dir",
        d,
        "elderly",
        "void",
        archive,
        "--date",
        "2026-11-01",
        "--reason",
        "录错人",
        "--json",
    ]
    assert main(void) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["resident"], out["kind"], out["voided"], out["void_reason"]) == (
        archive,
        "健康体检",
        True,
        "录错人",
    )


def test_an_smi_visit_is_not_dated_before_the_diagnosis(store, person):
    """A follow-up dated 2010 for a patient diagnosed in 2024 was saved, and `smi due` then listed
    the patient as overdue by 6,168 days.  Paper visits from before the registration may still be
    entered: from the diagnosis on, or, without a diagnosis date, within a year of registering."""
    with store.transaction() as s:
        a, b = _people(s, person, 2)
        smi.register(
            s,
            a.archive_no,
            smi.SmiRegistrationInput(diagnosis="1", consent="1", diagnosis_date="2024-05-05"),
            today=TODAY,
        )
        smi.register(s, b.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
    for who, day, said in (
        (a, "2010-01-01", "随访日期不能早于确诊日期2024-05-05"),
        (b, "2025-11-19", "随访日期不能早于登记前一年（2025-11-20）；更早的请先在登记表中填写确诊日期"),
    ):
        with pytest.raises(ValidationError) as refused, store.transaction() as s:
            smi.record_visit(s, who.archive_no, smi.input_with(visit_date=day, danger="0"), today=TODAY)
        assert [str(e.message) for e in refused.value.errors if e.field == "visit_date"] == [said]
        with pytest.raises(ValidationError, match=said[:10]), store.transaction() as s:
            smi.record_failed_visit(s, who.archive_no, "lost", day, lost_reason="1", today=TODAY)
    with store.transaction() as s:  # kept on paper before the registration
        smi.record_visit(s, a.archive_no, smi.input_with(visit_date="2024-05-05", danger="0"), today=TODAY)
        smi.record_visit(s, a.archive_no, smi.input_with(visit_date="2025-06-01", danger="0"), today=TODAY)
        smi.record_visit(s, b.archive_no, smi.input_with(visit_date="2025-11-20", danger="0"), today=TODAY)
    # a death recorded at a later visit: not before the diagnosis, nor before an assessment
    for who, died, said in (
        (a, "2020-01-01", "死亡日期不能早于确诊日期2024-05-05"),
        (b, "2025-11-19", "死亡日期不能早于登记前一年（2025-11-20）；更早的请先在登记表中填写确诊日期"),
        (a, "2024-05-04", "死亡日期不能早于确诊日期2024-05-05"),
        (a, "2025-05-31", "死亡日期不能早于最近一次随访评估（2025-06-01）"),
    ):
        with pytest.raises(ValidationError) as refused, store.transaction() as s:
            smi.record_failed_visit(
                s, who.archive_no, "died", "2026-11-10", death_date=died, death_cause="1", today=TODAY
            )
        assert [str(e.message) for e in refused.value.errors if e.field == "death_date"] == [said]


def test_an_smi_visit_is_one_a_day_and_books_the_next_within_a_year(store, person):
    """The same day's follow-up saved three times, and a next visit in 2099, were all kept: a
    chronic-disease visit refuses both.  A visit voided by mistake may be typed again."""
    with store.transaction() as s:
        (a,) = _people(s, person, 1)
        smi.register(s, a.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        smi.record_visit(s, a.archive_no, smi.input_with(visit_date="2026-11-01", danger="0"), today=TODAY)
    for kw, field, said in (
        ({"visit_date": "2026-11-01"}, "visit_date", "该患者当天已有一次随访记录；如需更正，请先作废原记录"),
        (
            {"visit_date": "2026-11-02", "next_due": "2099-01-01"},
            "next_due",
            "下次随访日期最晚为本次随访后一年（2027-11-02）",
        ),
    ):
        with pytest.raises(ValidationError) as refused, store.transaction() as s:
            smi.record_visit(s, a.archive_no, smi.input_with(danger="0", **kw), today=TODAY)
        assert [str(e.message) for e in refused.value.errors if e.field == field] == [said]
    with pytest.raises(ValidationError, match="当天已有一次随访记录"), store.transaction() as s:
        smi.record_failed_visit(s, a.archive_no, "lost", "2026-11-01", lost_reason="1", today=TODAY)
    with store.transaction() as s:
        smi.void_visit(s, a.archive_no, "2026-11-01", "录错了")
        again = smi.record_visit(
            s,
            a.archive_no,
            smi.input_with(visit_date="2026-11-01", danger="0", next_due="2027-11-01"),
            today=TODAY,
        )
        assert again.next_due == dt.date(2027, 11, 1)


def test_the_next_elderly_check_is_booked_within_a_year_and_said_in_english(store, person):
    from app.cli.printing import print_labels

    english = print_labels("en").translate
    with store.transaction() as s:
        r = _elder(s, person, "王老汉")
    for next_check, said in (
        ("2099-01-01", "下次体检日期最晚为本次体检后一年（2027-11-01）"),
        ("2026-10-01", "下次体检日期应晚于本次体检日期"),
    ):
        with pytest.raises(ValidationError) as refused, store.transaction() as s:
            elderly.record_check(s, r.archive_no, _check(next_check=next_check), today=TODAY)
        (error,) = [e for e in refused.value.errors if e.field == "next_check"]
        assert str(error.message) == said
        assert error.message.render(english).startswith("The next check"), error.message.render(english)
    with store.transaction() as s:
        saved = elderly.record_check(s, r.archive_no, _check(next_check="2027-11-01"), today=TODAY)
    assert saved.next_check == dt.date(2027, 11, 1)


def test_a_patient_moved_from_paper_is_managed_from_the_day_the_consent_was_signed(store, person):
    """A clinic starting with CunYi registers its patients long after they consented: management
    runs from the consent's date (签字时间), so the year's paper follow-ups entered since count toward
    规范管理率 — not only those after the day the record was typed.  A consent dated before the
    diagnosis, or ahead of today, is refused; no date given: today, as before."""
    with store.transaction() as s:
        old, new, third = _people(s, person, 3)
        smi.register(
            s,
            old.archive_no,
            smi.SmiRegistrationInput(
                diagnosis="1", consent="1", diagnosis_date="2025-06-01", consent_date="2025-07-01"
            ),
            today=TODAY,
        )
        smi.register(s, new.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        for day in ("2026-02-10", "2026-05-10", "2026-08-10", "2026-11-10"):
            smi.record_visit(
                s, old.archive_no, smi.input_with(visit_date=day, danger="0", **SMI_ASSESSED), today=TODAY
            )
        enrolments = {e.resident_id: e for e in s.scalars(select(ProgramEnrolment))}
        assert (enrolments[old.id].enrolled_on, enrolments[new.id].enrolled_on) == (
            dt.date(2025, 7, 1),
            TODAY,
        )
    with store.session() as s:
        got = {e.resident_id: e for e in REGISTRY["smi_standard"].compute(s, Period.year(2026), Scope())}
    assert (got[old.id].counted, str(got[old.id].reason)) == (True, "本期随访 4 次，应至少 4 次")
    assert str(got[new.id].reason).endswith("（2026-11-20 至 2026-12-31 在管 1 个季度，按季度折算）")
    for kw, said in (
        ({"diagnosis_date": "2026-03-01", "consent_date": "2026-02-01"}, "知情同意签字时间不能早于确诊日期"),
        ({"consent_date": "2026-11-21"}, "签字时间不能晚于今天"),
    ):
        with pytest.raises(ValidationError) as refused, store.transaction() as s:
            smi.register(
                s, third.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1", **kw), today=TODAY
            )
        assert [str(e.message) for e in refused.value.errors] == [said]


def test_a_registered_patient_who_declined_management_is_in_the_denominators(store, person):
    """严重精神障碍患者规范管理率 = followed per the spec / registered patients (DOMAIN.md): one who
    declined to be managed is registered, counted below the line and never above it, once; one who
    consented since counts on the new registration alone."""
    with store.transaction() as s:
        declined, changed_mind = _people(s, person, 2)
        for who in (declined, changed_mind, declined):  # (declined twice: one registered patient)
            smi.register(s, who.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="0"), today=TODAY)
        smi.register(
            s, changed_mind.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY
        )
    with store.session() as s:
        for key in ("smi_standard", "smi_stable"):
            got = list(REGISTRY[key].compute(s, Period.year(2026), Scope()))
            assert sorted(e.resident_id for e in got) == sorted((declined.id, changed_mind.id)), key
            (no,) = (e for e in got if e.resident_id == declined.id)
            assert (no.counted, str(no.reason)) == (False, "已登记，不同意参加管理：在册患者，未纳入管理")


def test_a_class_the_doctor_chose_books_that_class_s_next_visit(store, person):
    """The rules say 稳定 (3 months); the doctor judges 不稳定 or 基本稳定: the patient is seen within
    2 weeks, not left off the due list for 3 months.  A date the doctor typed still wins."""
    with store.transaction() as s:
        (a,) = _people(s, person, 1)
        smi.register(s, a.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        got = [
            smi.record_visit(
                s,
                a.archive_no,
                smi.input_with(
                    visit_date=day, danger="0", classification=cls, next_due=typed, **SMI_ASSESSED
                ),
                today=TODAY,
            )
            for day, cls, typed in (
                ("2026-10-01", "", ""),
                ("2026-10-02", "1", ""),
                ("2026-10-03", "2", ""),
                ("2026-10-04", "2", ""),  # 基本稳定 twice running: a month
                ("2026-10-05", "1", "2026-10-30"),
            )
        ]
    assert [(v.classification, v.next_due - v.visit_date) for v in got] == [
        (3, dt.timedelta(days=90)),
        (1, dt.timedelta(days=14)),
        (2, dt.timedelta(days=14)),
        (2, dt.timedelta(days=30)),
        (1, dt.timedelta(days=25)),
    ]
    assert [v.overridden for v in got] == [False, True, True, True, True]


def test_a_visit_typed_from_paper_is_advised_as_it_is_saved(store, person):
    """A visit dated before the last one (typed from paper): the form took the class of the latest
    visit as the one before it, the save the class of the visit before its date; the psychiatrist's
    advice and the 14- or 30-day date differed.  The form reads it as the save does."""
    with store.transaction() as s:
        (p,) = _people(s, person, 1)
        smi.register(s, p.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        for day, danger in (("2026-10-01", "1"), ("2026-11-10", "0")):  # 基本稳定, then 稳定
            smi.record_visit(
                s, p.archive_no, smi.input_with(visit_date=day, danger=danger, **SMI_ASSESSED), today=TODAY
            )
        archive_no = p.archive_no
    typed = smi.input_with(visit_date="2026-10-20", danger="1", **SMI_ASSESSED)  # 基本稳定 again
    with store.session() as s:
        advice = smi.suggest_typed(smi.visit_context(s, archive_no), typed)
    # the visit before 20 October was 基本稳定: it did not settle, a psychiatrist, a month
    assert advice.suggested.psychiatrist and advice.next_due == dt.date(2026, 11, 19)
    with store.transaction() as s:
        saved = smi.record_visit(s, archive_no, typed, today=TODAY)
    assert (saved.psychiatrist, saved.next_due) == (True, advice.next_due)


def test_a_check_starts_with_the_drugs_the_patient_is_on(store, person, tmp_path, capsys):
    """目前用药 of a printed check was empty for a patient on ten drugs: the form (GUI) and the
    command line start it from the latest follow-up of each chronic programme; the doctor's own
    text, or "" for none, is kept."""
    from app.cli import main
    from app.services.programmes.followup import VisitInput, save_visit
    from tests import storekit

    with store.transaction() as s:
        r = _elder(s, person, "孙用药")
        followup.enrol(s, r, "htn", dt.date(2025, 1, 1))
        save_visit(
            s,
            r,
            VisitInput(
                visit_date="2026-11-10",
                measurements={"sbp": "138", "dbp": "82"},
                drugs=[
                    {"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5},
                    {"name": "阿司匹林肠溶片"},
                ],
                doctor="李医生",
            ),
            today=TODAY,
        )
        archive = r.archive_no
    with store.session() as s:
        assert (
            elderly.check_context(s, archive).initial.medication == "氨氯地平片 5mg 每日1次；阿司匹林肠溶片"
        )
    folder = str(storekit.data_dir(store))
    store.dispose()
    base = ["--data-dir", folder, "elderly", "check", archive, "--selfcare", "1,1,1,1,1", "--sbp", "136"]
    base += ["--dbp", "80", "--json"]
    assert main([*base, "--date", "2026-11-12"]) == 0
    first = json.loads(capsys.readouterr().out)["id"]
    assert main([*base, "--date", "2026-11-13", "--medication", "", "--confirm"]) == 0  # none
    second = json.loads(capsys.readouterr().out)["id"]
    from app.models import ElderlyCheck

    with store.session() as s:
        said = {str(c.id): (c.form or {}).get("medication") for c in s.scalars(select(ElderlyCheck))}
    assert said[first] == "氨氯地平片 5mg 每日1次；阿司匹林肠溶片" and not said[second], said


def test_a_decimal_measurement_is_kept_as_a_plain_number(store, person):
    """Found by an attacker: "-0" was kept as -0.0 and ".0000001" printed "1e-07 mmol/L"; a
    measurement keeps three places, and zero is zero."""
    with store.transaction() as s:
        (r,) = _people(s, person, 1)
        saved = elderly.record_check(
            s, r.archive_no, _check(tc="-0", tg=".0000001", ldl="2.6789", height="１６０．５"), today=TODAY
        )
        form = s.get(ElderlyCheck, saved.id).form
    assert (form["tc"], form["tg"], form["ldl"], form["height"]) == (0.0, 0.0, 2.679, 160.5)
    assert str(form["tc"]) == "0.0"


@pytest.mark.sqlite_only  # the command line over a data folder
def test_the_command_line_fills_the_whole_check_form(tmp_path, capsys, monkeypatch):
    """Found by review: ``elderly check`` took a dozen readings; skin, lymph nodes, ECG, the health
    guidance … of the 健康体检表 could not be entered from the command line.  ``--field KEY=VALUE``
    takes every other item, ``elderly fields`` names them; a wrong or doubled key changes nothing."""
    from app.cli import main
    from app.db import Store
    from app.models import ElderlyCheck

    d = str(tmp_path / "d")
    assert main(["--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "村"]) == 0
    capsys.readouterr()
    store = Store(f"sqlite:///{tmp_path / 'd' / 'cunyi.db'}")
    with store.transaction() as s:
        archive = _elder(
            s, lambda **kw: records.ResidentInput(phone="13812345678", group_name="一组", **kw), "王老汉"
        ).archive_no
    store.dispose()
    base = ["--data-dir", d, "elderly", "check", archive, "--date", "2026-11-01", "--selfcare", "1,1,1,1,1"]
    base += ["--sbp", "132", "--dbp", "78"]
    for wrong, said in (
        (["--field", "skn=2"], "skn"),
        (["--field", "skin"], "项目名=值"),
        (["--field", "sbp=140"], "填写了两次"),
        (["--field", "selfcare_eating=2"], "selfcare_eating"),
    ):
        assert main([*base, *wrong]) == 1
        assert said in capsys.readouterr().err, wrong
    fields = ["--field", "skin=2", "--field", "skin_text=皮疹", "--field", "ecg=1", "--field", "action=2,3"]
    fields += ["--field", "tc=5.2", "--field", "guidance=1,3", "--field", "hearing=1"]
    assert main([*base, *fields]) == 0, capsys.readouterr().err
    capsys.readouterr()
    store = Store(f"sqlite:///{tmp_path / 'd' / 'cunyi.db'}")
    with store.session() as s:
        (check,) = s.query(ElderlyCheck).all()
        resident, values = elderly.check_record(s, check.id)
    store.dispose()
    assert (values["skin"], values["skin_text"], values["ecg"], values["hearing"]) == ("2", "皮疹", "1", "1")
    assert (values["action"], values["guidance"], values["tc"]) == (["2", "3"], ["1", "3"], 5.2)
    assert main(["--data-dir", d, "elderly", "fields", "--json"]) == 0
    listed = {f["key"]: f for f in json.loads(capsys.readouterr().out)}
    assert listed["skin"]["codes"][1] == {"code": "2", "label": "异常"} and listed["action"]["multiple"]
    assert listed["skin_text"]["label"] == "皮肤：异常情况" and "selfcare_eating" not in listed
    monkeypatch.setenv("CUNYI_LANG", "en")
    assert main(["--data-dir", d, "elderly", "fields"]) == 0
    out = capsys.readouterr().out
    assert "skin_text  Skin: " in out and not re.search(r"[\u4e00-\u9fff]", out), out

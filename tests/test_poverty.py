"""Poverty households: registration per household mirrored on its members (so the follow-up rules
raise their chronic patients to monthly visits), 一患一策 plans, the workbench and the xlsx export."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import pytest

from app.models import PovertyHousehold, PovertyPlan, Resident
from app.services.errors import UserError
from app.services.programmes import contracts, followup, poverty
from app.services.programmes.followup import VisitInput, save_visit
from app.services.records.residents import find_resident, save_resident
from app.services.sync import capture
from tests import storekit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

NOW = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 11, 23, 12).timestamp() * 1000))


@pytest.fixture
def family(store, person):
    """张三 (head, hypertension since 2026-01-01) and 李四; a neighbour 王五 in another household."""
    with store.transaction() as s:
        head = save_resident(s, person(), today=NOW)
        wife = save_resident(
            s,
            person(
                name="李四",
                id_number="",
                sex="2",
                birth_date="1952-03-04",
                relation_to_head="1",
                household_id=head.household_id,
            ),
            today=NOW,
        )
        other = save_resident(
            s, person(name="王五", id_number="", sex="1", birth_date="1960-01-01"), today=NOW
        )
        followup.enrol(s, head, "htn", dt.date(2026, 1, 1))
        return {
            "head": head.archive_no,
            "wife": wife.archive_no,
            "other": other.archive_no,
            "household": str(head.household_id),
        }


def flags(store):
    with store.session() as s:
        return {r.name: r.poverty_registered for r in s.query(Resident)}


def test_registration_by_member_or_household_marks_every_member(store, family):
    with store.transaction() as s:
        row = poverty.set_household(s, family["wife"], status="建档立卡贫困户", cause="因病")
        assert (row.status, row.cause, row.by_illness, row.registered_on) == (
            "registered",
            "illness",
            True,
            NOW,
        )
    assert flags(store) == {"张三": True, "李四": True, "王五": False}
    with store.transaction() as s:
        poverty.set_household(s, family["household"], status="lifted", relapse_by_illness=True)
    with store.session() as s:
        row = s.query(PovertyHousehold).one()
        assert (row.status, row.cause, row.relapse_by_illness) == ("lifted", "illness", True)
    assert flags(store)["张三"] is True  # 脱贫户 still counts as poor
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="none")
    assert flags(store) == {"张三": False, "李四": False, "王五": False}


def test_monthly_follow_up_rule_reads_the_household(store, family):
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
        r = s.query(Resident).filter_by(archive_no=family["head"]).one()
        visit = save_visit(
            s,
            r,
            VisitInput(program="htn", visit_date="2026-11-02", measurements={"sbp": "128", "dbp": "80"}),
            today=NOW,
        )
        assert visit.next_due == dt.date(2026, 12, 2)  # 30 days: poor household


def test_registering_the_household_brings_its_patients_next_visit_within_a_month(store, family):
    """Visited in November on the routine 3 months, registered poor since: the patient is due a
    month after that visit (每月随访), on the worklist and the card alike (they read the enrolment);
    a date the doctor typed within the month stands; off the register, the routine date again."""
    from app.models import ProgramEnrolment

    def due():
        with store.session() as s:
            return s.query(ProgramEnrolment).filter_by(program="htn").one().next_due

    with store.transaction() as s:
        r = s.query(Resident).filter_by(archive_no=family["head"]).one()
        saved = save_visit(
            s,
            r,
            VisitInput(program="htn", visit_date="2026-11-02", measurements={"sbp": "128", "dbp": "80"}),
            today=NOW,
        )
    assert saved.next_due == dt.date(2027, 1, 31) == due()  # routine: not poor when visited
    with store.transaction() as s:
        poverty.set_household(s, family["wife"], status="registered", cause="illness")
    assert due() == dt.date(2026, 12, 2)
    with store.transaction() as s:
        poverty.set_household(s, family["wife"], status="none")
    assert due() == dt.date(2027, 1, 31)
    with store.transaction() as s:
        poverty.set_household(s, family["wife"], status="registered", cause="illness")
        r = s.query(Resident).filter_by(archive_no=family["head"]).one()
        typed = save_visit(
            s,
            r,
            VisitInput(
                program="htn",
                visit_date="2026-11-20",
                measurements={"sbp": "128", "dbp": "80"},
                next_due="2026-12-10",
            ),
            today=NOW,
        )
    assert typed.next_due == dt.date(2026, 12, 10) == due()


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"status": "rich", "cause": "illness"}, "贫困户类型“rich”不存在"),
        ({"status": "registered", "cause": ""}, "请填写致贫原因"),
        ({"status": "registered", "cause": "laziness"}, "致贫原因“laziness”不存在"),
        ({"status": "registered", "cause": "illness", "registered_on": "2026-12-01"}, "登记日期不能晚于今天"),
        # 建档立卡 began in 2014: 1900 was saved
        (
            {"status": "registered", "cause": "illness", "registered_on": "1900-01-01"},
            "登记日期不能早于2014年",
        ),
        ({"status": "none"}, "这一户没有登记为贫困户"),
    ],
)
def test_bad_registration_changes_nothing(store, family, kw, message):
    with pytest.raises(UserError, match=message), store.transaction() as s:
        poverty.set_household(s, family["head"], **kw)
    with store.session() as s:
        assert s.query(PovertyHousehold).count() == 0
    assert not any(flags(store).values())


def test_plan_only_for_members_of_poor_households(store, family):
    with pytest.raises(UserError, match="王五不属于登记的贫困户"), store.transaction() as s:
        poverty.add_plan(s, family["other"], track="chronic", measures="每月随访", review="2026-12-31")
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
    with pytest.raises(UserError, match="复核日期不能早于今天"), store.transaction() as s:
        poverty.add_plan(s, family["head"], track="chronic", measures="每月随访", review="2026-11-22")
    with pytest.raises(UserError, match="救治方式“x”不存在"), store.transaction() as s:
        poverty.add_plan(s, family["head"], track="x", measures="每月随访", review="2026-12-31")
    with store.transaction() as s:
        plan = poverty.add_plan(
            s, family["head"], track="慢病签约服务管理", measures="每月随访，免费用药", review="2026-11-30"
        )
        assert (plan.condition, plan.track, plan.made_on) == ("高血压", "chronic", NOW)  # from the enrolment
    with store.session() as s:
        assert s.query(PovertyPlan).count() == 1
    with store.transaction() as s:  # 李四 died: the message says so, not "not of a poor household"
        wife = s.query(Resident).filter_by(archive_no=family["wife"]).one()
        wife.status, wife.status_date = "3", dt.date(2026, 11, 1)
    with pytest.raises(UserError, match="李四不在册（死亡），不能制定一患一策"), store.transaction() as s:
        poverty.add_plan(s, family["wife"], track="chronic", measures="每月随访", review="2026-12-31")


def test_workbench_lists_what_is_missing(store, family):
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
        contracts.add_contract(s, family["head"], doctor="李医生", packages="basic,poor", start="2026-01-01")
    with store.session() as s:
        wb = poverty.workbench(s, NOW)
        assert [(h.head, h.signed, h.members) for h in wb.unsigned_households] == [("张三", 1, 2)]
        assert [w.name for w in wb.not_visited] == ["张三"]
        assert [w.name for w in wb.no_plan] == ["张三"]
        assert sorted(w.name for w in wb.no_health_check) == ["张三", "李四"]
        assert wb.plans_due == []
    with store.transaction() as s:
        contracts.add_contract(s, family["wife"], doctor="李医生", packages="basic,poor", start="2026-01-01")
        r = s.query(Resident).filter_by(archive_no=family["head"]).one()
        save_visit(
            s,
            r,
            VisitInput(program="htn", visit_date="2026-11-01", measurements={"sbp": "128", "dbp": "80"}),
            today=NOW,
        )
        poverty.add_plan(
            s,
            family["head"],
            track="chronic",
            measures="每月随访",
            review="2026-11-30",
            health_check="2026-03-01",
        )
    with store.session() as s:
        wb = poverty.workbench(s, NOW)
        assert wb.unsigned_households == [] and wb.not_visited == [] and wb.no_plan == []
        assert [(w.name, w.due) for w in wb.plans_due] == [("张三", dt.date(2026, 11, 30))]  # within a week
        assert [w.name for w in wb.no_health_check] == ["李四"]
    with store.transaction() as s:  # 李四 (74) had the year's 65+ check: that is her free health check
        from app.services.programmes import elderly

        elderly.record_check(
            s,
            family["wife"],
            elderly.ElderlyCheckInput(
                check_date="2026-10-20",
                **{f"selfcare_{k}": "1" for k in ("eating", "grooming", "dressing", "toilet", "activity")},
                sbp="132",
                dbp="78",
            ),
            today=NOW,
        )
    with store.session() as s:
        wb = poverty.workbench(s, NOW)
        assert wb.no_health_check == []
        # the first day of the next month: the visit of 1 November no longer counts
        assert [w.name for w in poverty.workbench(s, dt.date(2026, 12, 1)).not_visited] == ["张三"]


def test_export_households_xlsx(store, family, tmp_path):
    from openpyxl import load_workbook

    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="monitored", cause="labour")
        contracts.add_contract(s, family["head"], doctor="李医生", packages="basic", start="2026-01-01")
        s.query(Resident).filter_by(archive_no=family["head"]).one().household.address = "=HYPERLINK(1)"
    with store.session() as s:
        assert poverty.export_households(s, tmp_path / "p.xlsx") == 1
        with pytest.raises(UserError, match="文件名应以 .xlsx 结尾"):  # (a workbook named .csv)
            poverty.export_households(s, tmp_path / "p.csv")
    assert not (tmp_path / "p.csv").exists()
    ws = load_workbook(tmp_path / "p.xlsx").active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == list(poverty.EXPORT_COLUMNS)
    assert rows[1] == [
        "测试村",
        "张三",
        family["head"],
        "'=HYPERLINK(1)",
        "防返贫监测户",
        "缺劳力",
        "否",
        "否",
        2,
        1,
        "否",
        1,
        0,
    ]


def test_cli_set_plan_list(store, family, capsys):
    from app.cli import main

    folder = str(storekit.data_dir(store))
    store.dispose()

    def run(*argv):
        code = main(["--data-dir", folder, *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, err = run(
        "poverty", "set", family["head"], "--status", "registered", "--cause", "illness", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["members"] == 2
    code, out, err = run(
        "poverty",
        "plan",
        family["head"],
        "--track",
        "major",
        "--measures",
        "转县医院",
        "--review",
        "2027-01-31",
        "--json",
    )
    assert json.loads(out)["track"] == "major"
    code, out, _ = run("poverty", "list", "--json")
    (h,) = json.loads(out)
    assert (h["head"], h["members"], h["signed"], h["chronic"], h["chronic_visited_this_month"]) == (
        "张三",
        2,
        0,
        1,
        0,
    )
    code, out, err = run("poverty", "list", "-o", str(Path(folder) / "poor.xlsx"))
    assert code == 0 and out.startswith("已导出 1 户")
    assert (Path(folder) / "poor.xlsx").stat().st_size > 0
    code, out, _ = run("poverty", "list", "--plans", "--json")
    assert [p["track"] for p in json.loads(out)] == ["major"]
    code, out, err = run("poverty", "list", "--plans", "-o", str(Path(folder) / "plans.xlsx"))
    assert code == 0 and out.startswith("已导出 1 份一患一策"), err  # the plans, not the households
    from openpyxl import load_workbook

    sheet = [[c.value for c in row] for row in load_workbook(Path(folder) / "plans.xlsx").active.iter_rows()]
    assert (
        sheet[0] == list(poverty.PLAN_COLUMNS) and sheet[1][3] == "大病集中救治" and sheet[1][4] == "转县医院"
    )
    code, out, err = run(
        "poverty", "plan", family["other"], "--track", "major", "--measures", "x", "--review", "2027-01-31"
    )
    assert code == 1 and err.startswith("错误：王五不属于登记的贫困户")


def test_a_member_joining_a_registered_household_is_marked(store, family, person):
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
        head = s.query(Resident).filter_by(archive_no=family["head"]).one()
        child = save_resident(
            s,
            person(
                name="张小六",
                id_number="",
                sex="1",
                birth_date="2010-01-01",
                relation_to_head="2",
                household_id=head.household_id,
            ),
            today=NOW,
        )
        assert child.poverty_registered is True
        neighbour = save_resident(
            s, person(name="赵七", id_number="", sex="1", birth_date="1970-01-01"), today=NOW
        )
        assert neighbour.poverty_registered is False


@pytest.mark.sqlite_only  # no store: pure rules
def test_the_resident_form_no_longer_holds_contract_or_poverty_fields():
    from app.services.records import resident_form

    keys = {f.key for f in resident_form.RESIDENT_FORM}
    assert not keys & {"poverty_registered", "contract_signed_on", "contract_doctor", "contract_years"}


def test_the_household_sheet_prints_its_members_and_each_patients_plan(store, family, tmp_path, capsys):
    """一户一夹: the household's sheet with its members (一人一档) and 张三's plan (一患一策), from the
    CLI, audited; a household that is not registered poor is refused, and nothing is written."""
    import subprocess

    from app.cli import main
    from app.models import AuditEntry

    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
        poverty.add_plan(
            s, family["head"], track="chronic", measures="每月随访，免费用药", review="2026-12-31"
        )
        # managed for diabetes too, after the plan (whose condition says 高血压 only): the members'
        # table named his first programme only
        followup.enrol(s, find_resident(s, family["head"]), "t2dm", dt.date(2026, 2, 1))
        # the plan made by the system account names no doctor: the sheet names the patient's own
        find_resident(s, family["head"]).responsible_doctor = "李建生"
    folder = str(storekit.data_dir(store))
    store.dispose()
    out = tmp_path / "h.pdf"
    assert main(["--data-dir", folder, "poverty", "print", family["wife"], "-o", str(out)]) == 0
    text = "".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    for words in (
        "贫困户健康帮扶档案",
        "建档立卡贫困户",
        "因病",
        "张三",
        "李四",
        "高血压",
        "慢病签约服务管理",
        "每月随访，免费用药",
        "2026年12月31日",
        "本年免费健康体检：＿＿＿＿",  # no check yet: a line to fill in, not an empty box
        "责任医生：李建生",  # (found by review: a line, though the record names him)
    ):
        assert words in text, words
    members = text[text.index("家庭成员") : text.index("一患一策", text.index("家庭成员"))]
    assert "高血压、2型糖尿病" in members, members
    capsys.readouterr()
    refused = tmp_path / "x.pdf"
    assert main(["--data-dir", folder, "poverty", "print", family["other"], "-o", str(refused)]) == 1
    assert "不是建档立卡贫困户" in capsys.readouterr().err and not refused.exists()
    with store.session() as s:
        assert s.query(AuditEntry).filter(AuditEntry.summary == "poverty_household ×2").count() == 1


def test_a_plans_default_condition_never_names_the_smi_programme(store, family):
    """张三 is managed for hypertension and 严重精神障碍: the plan's condition says 高血压 only (it said
    "专项随访、高血压" to everyone reading poverty work)."""
    from app.services.programmes import smi

    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
        smi.register(s, family["head"], smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=NOW)
        plan = poverty.add_plan(s, family["head"], track="chronic", measures="每月随访", review="2026-12-31")
        assert plan.condition == "高血压"


def test_a_plan_is_reviewed_within_a_year_and_checked_after_birth(store, family):
    """复核日期 2099-01-01 and a 免费健康体检 of 1901 for a patient born in 1949 were saved."""
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
    for kw, said in (
        ({"review": "2099-01-01"}, "复核日期最晚为一年后（2027-11-23）"),
        ({"review": "2026-12-31", "health_check": "1901-01-01"}, "免费健康体检日期应为今年（2026年）的日期"),
        # the plan records this year's free check: last December's is not it (it was saved, and the
        # resident was off 今年未体检 for a year on an old check)
        ({"review": "2026-12-31", "health_check": "2025-12-31"}, "免费健康体检日期应为今年（2026年）的日期"),
    ):
        with pytest.raises(UserError, match=re.escape(said)), store.transaction() as s:
            poverty.add_plan(s, family["head"], track="chronic", measures="每月随访", **kw)
    with store.session() as s:
        assert s.query(PovertyPlan).count() == 0
    with store.transaction() as s:  # a year ahead to the day is still within it
        poverty.add_plan(s, family["head"], track="chronic", measures="每月随访", review="2027-11-23")


def test_a_household_that_is_not_poor_takes_no_cause(store, family):
    """`poverty set --status none --cause illness` stored 非贫困户，因病."""
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
    with pytest.raises(UserError, match="非贫困户不填致贫原因"), store.transaction() as s:
        poverty.set_household(s, family["head"], status="none", cause="disability")
    with pytest.raises(UserError, match="非贫困户不填致贫原因"), store.transaction() as s:
        poverty.set_household(s, family["head"], status="none", by_illness=True)
    with store.transaction() as s:
        row = poverty.set_household(s, family["head"], status="none")
        assert (row.status, row.cause) == ("none", "illness")  # (why it was poor, kept as it was)


def test_the_illness_flags_follow_the_cause(store, family):
    """因病致贫/因病返贫 with a cause of 缺劳力 was taken, and a cause changed from 因病 kept 因病致贫:
    the flags are of a household poor for illness only, one or the other, and go with the cause."""
    with store.transaction() as s:
        row = poverty.set_household(s, family["head"], status="registered", cause="illness")
        assert (row.by_illness, row.relapse_by_illness) == (True, False)
    with store.transaction() as s:
        row = poverty.set_household(s, family["head"], status="registered", cause="labour")
        assert (row.cause, row.by_illness, row.relapse_by_illness) == ("labour", False, False)
    for kw, said in (
        ({"cause": "labour", "by_illness": True}, "只用于致贫原因为“因病”的户"),
        ({"cause": "labour", "relapse_by_illness": True}, "只用于致贫原因为“因病”的户"),
        ({"cause": "illness", "by_illness": True, "relapse_by_illness": True}, "只能选一个"),
    ):
        with pytest.raises(UserError, match=said), store.transaction() as s:
            poverty.set_household(s, family["head"], status="registered", **kw)
    with store.transaction() as s:  # (as `poverty set --cause illness --relapse-by-illness` gives it)
        row = poverty.set_household(
            s, family["head"], status="registered", cause="illness", relapse_by_illness=True
        )
        assert (row.by_illness, row.relapse_by_illness) == (False, True)
    with store.transaction() as s:  # and back (`--by-illness`): the one chosen replaces the other
        row = poverty.set_household(s, family["head"], status="registered", by_illness=True)
        assert (row.by_illness, row.relapse_by_illness) == (True, False)
        row.relapse_by_illness = True  # (both, as the demo made them before): a status still changes
    with store.transaction() as s:
        row = poverty.set_household(s, family["head"], status="lifted")
        assert row.status == "lifted"


def _two_doctors(store, family):
    """赵医生, 张三's responsible doctor, and 钱医生, of the same village; 张三's household registered
    poor.  Returns ``as_(username)``, acting as either."""
    from app.services.access import accounts

    with store.transaction() as s:
        for username, name in (("zhao", "赵医生"), ("qian", "钱医生")):
            accounts.create_user(
                s, username, "村医-secret-1", "village_doctor", display_name=name, village_code="110105001101"
            )
        s.get(Resident, poverty.find_resident(s, family["head"]).id).responsible_doctor = "赵医生"
        poverty.set_household(s, family["head"], status="registered", cause="illness")

    def as_(username):
        store.actor = accounts.login(store, username, "村医-secret-1")

    return as_


def test_a_plan_written_without_sight_of_the_smi_record_is_read_by_all(store, family):
    """张三 is a 严重精神障碍 patient of 赵医生.  钱医生, who may not see that record, saved a plan for
    him and it was gone from every list and print: hidden as his patient's plans are — so 钱医生
    learnt who is a patient.  A plan its writer could not see the record for holds nothing of it:
    everyone reads it, its writer first.  What 钱医生 is told is missing (未制定一患一策) reads the
    same plans as what he is shown."""
    from app.services.programmes import smi

    as_ = _two_doctors(store, family)
    with store.transaction() as s:
        smi.register(s, family["head"], smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=NOW)

    def seen():  # (condition of the plan shown, in the 未制定 list) as the acting user reads them
        with store.session() as s:
            head = poverty.find_resident(s, family["head"])
            plan = poverty.readable_plans(s, {head.id}).get(head.id)
            missing = {w.archive_no for w in poverty.workbench(s, today=NOW).no_plan}
            return (plan.condition if plan else None, head.archive_no in missing)

    def plan(condition: str, measures: str) -> None:
        with store.transaction() as s:
            poverty.add_plan(
                s,
                family["head"],
                track="chronic",
                condition=condition,
                measures=measures,
                review="2027-03-01",
            )

    try:
        as_("zhao")
        plan("精神分裂症", "利培酮按时服药")
        assert seen() == ("精神分裂症", False)
        as_("qian")
        assert seen() == (None, True)  # as for any patient without a plan he may read
        plan("高血压", "每月测血压")
        assert seen() == ("高血压", False)  # his own plan, as for anyone else's patient
        as_("zhao")
        assert seen() == ("高血压", False)  # the newest plan
    finally:
        store.actor = None
    with store.session() as s:
        written = {p.condition: p.written_unaware for p in s.query(PovertyPlan)}
    assert written == {"精神分裂症": False, "高血压": True}


def test_a_plan_read_before_the_registration_is_not_hidden_by_it(store, family, monkeypatch):
    """赵医生's plan for 张三, read by 钱医生, vanished from 钱医生's lists the day 张三 was registered
    a 严重精神障碍 patient: the registration itself was told.  A plan written before it stays read
    by all; the ones written since by those who may see the record are theirs."""
    import itertools

    from app.services.programmes import smi

    ticks = itertools.count(int(dt.datetime(2026, 11, 23, 12).timestamp() * 1000), 1000)
    monkeypatch.setattr(capture, "wall_ms", lambda: next(ticks))  # (a second a write: before, after)
    as_ = _two_doctors(store, family)

    def seen():
        with store.session() as s:
            head = poverty.find_resident(s, family["head"])
            plan = poverty.readable_plans(s, {head.id}).get(head.id)
            return plan.measures if plan else None

    try:
        as_("zhao")
        with store.transaction() as s:
            poverty.add_plan(s, family["head"], track="chronic", measures="每月测血压", review="2027-03-01")
        as_("qian")
        assert seen() == "每月测血压"
        store.actor = None
        with store.transaction() as s:
            smi.register(s, family["head"], smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=NOW)
        as_("qian")
        assert seen() == "每月测血压"  # still: the registration is not told by it
        as_("zhao")
        with store.transaction() as s:
            poverty.add_plan(
                s, family["head"], track="chronic", measures="利培酮按时服药", review="2027-03-01"
            )
        assert seen() == "利培酮按时服药"
        as_("qian")
        assert seen() == "每月测血压"  # the plan written since, with sight of the record: not his
    finally:
        store.actor = None


def test_the_township_derives_the_same_monthly_visit_from_the_synced_registration(tmp_path, person):
    """The household registered at the village after the visit reached the township: the
    township's enrolment comes due a month after the visit too (derived from the synced flag)."""
    from app.models import ProgramEnrolment
    from tests.synckit import county

    town, (village,) = county(tmp_path / "c", villages=1)
    with village.store.transaction() as s:
        r = save_resident(s, person(), today=NOW)
        followup.enrol(s, r, "htn", dt.date(2026, 1, 1))
        save_visit(
            s,
            r,
            VisitInput(program="htn", visit_date="2026-11-02", measurements={"sbp": "128", "dbp": "80"}),
            today=NOW,
        )
        archive_no = r.archive_no

    def due(device):
        with device.store.session() as s:
            return s.query(ProgramEnrolment).filter_by(program="htn").one().next_due

    for round_, step in enumerate(
        (
            lambda s: None,
            lambda s: poverty.set_household(s, archive_no, status="registered", cause="illness"),
            lambda s: poverty.set_household(s, archive_no, status="none"),
        )
    ):
        with village.store.transaction() as s:
            step(s)
        village.export(tmp_path / f"v{round_}")
        assert [o.status for o in town.import_(tmp_path / f"v{round_}")] == ["applied"]
        assert due(town) == due(village) == [dt.date(2027, 1, 31), dt.date(2026, 12, 2)][round_ % 2], round_


def test_a_conflict_resolved_to_the_poor_flag_brings_the_visit_within_a_month(township_store, person):
    """A sync conflict over the resident's poverty flag, resolved to the value that had lost, moves
    the patient's next visit as registering the household does (followup._next_due)."""
    from app.models import ProgramEnrolment, SyncConflict
    from app.services import profile
    from app.services.sync import conflicts

    store = township_store
    with store.transaction() as s:
        profile.ensure_village(s, "110105001101", "一村")
        r = save_resident(s, person(village_code="110105001101"), today=NOW)
        followup.enrol(s, r, "htn", dt.date(2026, 1, 1))
        save_visit(
            s,
            r,
            VisitInput(program="htn", visit_date="2026-11-02", measurements={"sbp": "128", "dbp": "80"}),
            today=NOW,
        )
        c = SyncConflict(
            kind="field",
            entity="resident",
            row_id=r.id,
            field="poverty_registered",
            kept_value="false",
            kept_clock="0" * 24,
            lost_value="true",
            lost_clock="0" * 24,
        )
        s.add(c)
        s.flush()
        conflict_id = c.id
    with store.transaction() as s:
        conflicts.resolve(s, conflict_id, "lost")
    with store.session() as s:
        assert s.query(ProgramEnrolment).filter_by(program="htn").one().next_due == dt.date(2026, 12, 2)


def _young_member(store, family, person, name="张小明", household=True):
    with store.transaction() as s:
        extra = {"household_id": family["household"], "relation_to_head": "2"} if household else {}
        return save_resident(
            s, person(name=name, id_number="", sex="1", birth_date="1990-05-05", **extra), today=NOW
        ).archive_no


def test_a_poor_member_under_65_has_the_yearly_free_health_check_without_the_self_care(
    store, family, person, tmp_path
):
    """健康扶贫: a free health check each year for every poor resident.  Under 65 the 健康体检表 was
    refused (the 65+'s only) and a plan needs a condition: a healthy young member stayed on 今年未体检
    for good.  The check is saved without the self-care assessment; the 65+ figures do not count it."""
    from app.services.errors import ValidationError
    from app.services.printing import elderly_forms
    from app.services.printing.layout import Labels
    from app.services.programmes import elderly

    young = _young_member(store, family, person)
    neighbour = _young_member(store, family, person, "赵六", household=False)
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
    with store.session() as s:
        assert "张小明" in [w.name for w in poverty.workbench(s, NOW).no_health_check]
        context = elderly.check_context(s, young)
        assert context.selfcare_asked is False
        assert elderly.check_context(s, family["wife"]).selfcare_asked is True
    typed = elderly.ElderlyCheckInput(check_date="2026-11-02", sbp="118", dbp="76")
    with store.transaction() as s:
        saved = elderly.record_check(s, young, typed, today=NOW)
        assert (saved.selfcare_score, saved.selfcare_level) == (None, None)
        assert saved.as_json()["selfcare_level"] is None
        check_id = saved.id
    with store.session() as s:
        assert "张小明" not in [w.name for w in poverty.workbench(s, NOW).no_health_check]
        # the 65+ lists and figures: the young member is none of theirs
        assert "张小明" not in [d.name for d in elderly.unchecked(s, 2026)]
        assert elderly.coverage(s, 2026) == {"elderly": 3, "checked": 0}  # 张三, 李四, 王五
        pdf = elderly_forms.check_summary_pdf(s, check_id, Labels())
        with pytest.raises(UserError, match="生活自理能力"):
            elderly_forms.selfcare_pdf(s, check_id, Labels())
    (tmp_path / "c.pdf").write_bytes(pdf)
    import subprocess

    text = subprocess.run(["pdftotext", str(tmp_path / "c.pdf"), "-"], capture_output=True, text=True).stdout
    assert "健康体检表" in text and "老年人" not in text and "生活自理能力" not in text
    assert "张小明" in text and "118" in text and "36岁" in text  # (it printed "男 36")
    with store.transaction() as s:  # a child's raised reading: a referral, never chronic management
        child = save_resident(
            s,
            person(
                name="张小妹",
                id_number="",
                sex="2",
                birth_date="2015-03-03",
                relation_to_head="2",
                household_id=uuid.UUID(family["household"]),
            ),
            today=NOW,
        )
        raised = elderly.record_check(
            s,
            child.archive_no,
            elderly.ElderlyCheckInput(check_date="2026-11-02", sbp="150", dbp="96", glucose="8.0"),
            today=NOW,
        )
        assert raised.offers == () and raised.abnormal  # (the reviewer's 11-year-old was offered both)
        grown = elderly.record_check(
            s,
            young,
            elderly.ElderlyCheckInput(check_date="2026-11-03", sbp="150", dbp="96"),
            today=NOW,
            confirmed=True,
        )
        assert grown.offers == ("htn",)  # 36: the programme's
    with store.transaction() as s:  # not poor, under 65: neither programme's
        with pytest.raises(UserError, match="建档立卡贫困户"):
            elderly.record_check(s, neighbour, typed, today=NOW)
        with pytest.raises(UserError, match="建档立卡贫困户"):
            elderly.check_context(s, neighbour)
        # the 65+ are still assessed: a check of 李四 (74) without the self-care is refused
        with pytest.raises(ValidationError) as refused:
            elderly.record_check(s, family["wife"], typed, today=NOW)
        assert "selfcare_eating" in refused.value.by_field()


def _free_check_argv(store, family, person) -> tuple[str, list[str]]:
    """A poor household's member under 65, and the start of `elderly check` of them on the store's
    data folder (the store closed for the command line): (folder, argv)."""
    young = _young_member(store, family, person)
    with store.transaction() as s:
        poverty.set_household(s, family["head"], status="registered", cause="illness")
    folder = str(storekit.data_dir(store))
    store.dispose()
    return folder, ["--data-dir", folder, "elderly", "check", young, "--date", "2026-11-02", "--sbp", "120"]


def test_cli_records_a_free_health_check_under_65_without_selfcare(store, family, person, capsys):
    from app.cli import main

    folder, argv = _free_check_argv(store, family, person)
    assert main([*argv, "--dbp", "80", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["selfcare_score"] is None
    assert main(["--data-dir", folder, "elderly", "check", family["wife"], "--date", "2026-11-02"]) == 1
    assert "--selfcare" in capsys.readouterr().err  # the 65+ still need the self-care levels, said so


def test_cli_refuses_self_care_levels_typed_for_a_free_check_under_65(store, family, person, capsys):
    """Found by the attacker: ``--selfcare 4,4,4,4,4`` (or ``9,x,…``) for a poor member under 65
    was dropped without a word: "已保存", and the levels typed were nowhere.  Refused, nothing saved."""
    from app.cli import main
    from app.models import ElderlyCheck

    _folder, argv = _free_check_argv(store, family, person)
    for levels in ("4,4,4,4,4", "9,x,4,4,4"):
        assert main([*argv, "--dbp", "80", "--selfcare", levels]) == 1
        assert "不做生活自理能力评估" in capsys.readouterr().err
    with store.session() as s:
        assert s.query(ElderlyCheck).count() == 0

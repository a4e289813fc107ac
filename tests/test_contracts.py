"""Family-doctor contracts: signing (alone and by household), renewal as a new linked contract,
termination with a reason, expiry reminders, the resident's mirrored columns, and the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.models import FamilyContract, Resident
from app.services.errors import UserError
from app.services.programmes import contracts, followup, poverty
from app.services.records.residents import find_resident, save_resident
from app.services.sync import capture
from tests import storekit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

NOW = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 11, 23, 12).timestamp() * 1000))


def clock_at(monkeypatch, day: dt.date) -> None:
    monkeypatch.setattr(
        capture, "wall_ms", lambda: int(dt.datetime.combine(day, dt.time(12)).timestamp() * 1000)
    )


@pytest.fixture
def family(store, person):
    """A household of three: head 张三 (born 1949), wife 李四, son 张小五 (moved away)."""
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
        son = save_resident(
            s,
            person(
                name="张小五",
                id_number="",
                sex="1",
                birth_date="1980-05-06",
                relation_to_head="2",
                household_id=head.household_id,
            ),
            today=NOW,
        )
        son.status = "2"  # 迁出
        return {"head": head.archive_no, "wife": wife.archive_no, "son": son.archive_no}


@pytest.mark.sqlite_only  # no store: pure rules
def test_term_ends_the_day_before_the_anniversary():
    assert contracts.end_of_term(dt.date(2026, 1, 1), 1) == dt.date(2026, 12, 31)
    # from 29 February the year runs to the last day of February (not one day short: a 364-day term)
    assert contracts.end_of_term(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert contracts.end_of_term(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 28)
    assert contracts.end_of_term(dt.date(2025, 3, 1), 3) == dt.date(2028, 2, 29)


def test_sign_one_resident_mirrors_onto_the_resident(store, family):
    with store.transaction() as s:
        made, skipped = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic, elderly", start="2026-01-01", team="一组团队"
        )
    assert skipped == []
    with store.session() as s:
        c = s.get(FamilyContract, made[0].id)
        assert (c.packages, c.start_on, c.end_on, c.years, c.status, c.signature, c.team) == (
            ["basic", "elderly"],
            dt.date(2026, 1, 1),
            dt.date(2026, 12, 31),
            1,
            "active",
            "signed",
            "一组团队",
        )
        r = c.resident
        assert (r.contract_signed_on, r.contract_doctor, r.contract_years) == (
            dt.date(2026, 1, 1),
            "李医生",
            1,
        )


def test_household_signs_registered_members_together(store, family):
    with store.transaction() as s:
        made, skipped = contracts.add_contract(
            s, family["wife"], doctor="李医生", packages="basic", start="2026-02-01", household=True
        )
        names = sorted(c.resident.name for c in made)
        batches = {c.household_batch for c in made}
    assert names == ["张三", "李四"]  # not the son who moved away
    assert len(batches) == 1 and None not in batches
    assert skipped == []


def test_a_package_not_for_the_resident_is_refused(store, family, person):
    """老年人包 and 孕产妇包 for a boy of six were signed without a word."""
    with store.transaction() as s:
        boy = save_resident(
            s, person(name="张小宝", id_number="", sex="1", birth_date="2020-03-01"), today=NOW
        ).archive_no
    for package, message in (
        ("basic,elderly", "老年人包只适用于65岁及以上老年人：张小宝2026年未满65岁"),
        ("maternal", "孕产妇包只适用于女性：张小宝的性别不是女"),
    ):
        with pytest.raises(UserError, match=message), store.transaction() as s:
            contracts.add_contract(s, boy, doctor="李医生", packages=package, start="2026-11-01")
    with pytest.raises(UserError, match="儿童包只适用于0–6岁儿童：张三已76岁"), store.transaction() as s:
        contracts.add_contract(s, family["head"], doctor="李医生", packages="child", start="2026-11-01")
    with store.transaction() as s:  # 0–6: his own package
        (made,), _ = contracts.add_contract(
            s, boy, doctor="李医生", packages="basic,child", start="2026-11-01"
        )
        assert made.packages == ["basic", "child"]
    with store.session() as s:
        assert s.query(FamilyContract).count() == 1


def test_a_household_member_gets_the_packages_that_are_for_them(store, family):
    """The household signs basic + 老年人包 + 儿童包: 张三 (76) and 李四 (74) each get what fits them."""
    with store.transaction() as s:
        made, _ = contracts.add_contract(
            s,
            family["head"],
            doctor="李医生",
            packages="basic,elderly,child",
            start="2026-11-01",
            household=True,
        )
        assert {c.resident.name: c.packages for c in made} == {
            "张三": ["basic", "elderly"],
            "李四": ["basic", "elderly"],
        }


def test_household_skips_members_already_signed(store, family):
    with store.transaction() as s:
        contracts.add_contract(s, family["head"], doctor="李医生", packages="basic", start="2026-01-01")
    with store.transaction() as s:
        made, skipped = contracts.add_contract(
            s, family["wife"], doctor="王医生", packages="basic", start="2026-02-01", household=True
        )
        assert [c.resident.name for c in made] == ["李四"]
        assert [m.name for m in skipped] == ["张三"]


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"packages": "basic,vip"}, "服务包“vip”不存在"),
        ({"packages": ""}, "请选择至少一个服务包"),
        ({"start": "2026-11-24"}, "签约日期不能晚于今天"),
        ({"years": "0"}, "签约年限应为1到10年"),
        ({"years": "١"}, "签约年限应为1到10年"),
        ({"doctor": " "}, ""),  # falls back to the acting user: the system account has no name
    ],
)
def test_bad_input_is_refused_and_writes_nothing(store, family, kw, message):
    args = {"doctor": "李医生", "packages": "basic", "start": "2026-01-01"} | kw
    with pytest.raises(UserError) as e, store.transaction() as s:
        contracts.add_contract(s, family["head"], **args)
    assert message in str(e.value)
    if kw == {"doctor": " "}:
        assert "请填写签约医生" in str(e.value)
    with store.session() as s:
        assert s.query(FamilyContract).count() == 0


def test_a_second_contract_while_one_holds_is_refused(store, family):
    with store.transaction() as s:
        contracts.add_contract(s, family["head"], doctor="李医生", packages="basic", start="2026-01-01")
    with pytest.raises(UserError, match="已签约至2026-12-31：请续约或先解约"), store.transaction() as s:
        contracts.add_contract(s, family["head"], doctor="李医生", packages="basic", start="2026-03-01")


def test_a_resident_not_on_the_register_cannot_sign(store, family):
    with pytest.raises(UserError, match="张小五不在册"), store.transaction() as s:
        contracts.add_contract(s, family["son"], doctor="李医生", packages="basic", start="2026-01-01")


def test_renewal_is_a_new_contract_linked_to_the_old(store, family, monkeypatch):
    with store.transaction() as s:
        followup.enrol(s, find_resident(s, family["head"]), "htn", dt.date(2025, 6, 1))  # (慢病包's)
        (old,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic,chronic", start="2026-01-01"
        )
        old_id = old.id
    with pytest.raises(UserError) as early, store.transaction() as s:  # 23 November: not yet
        contracts.renew_contract(s, old_id)
    assert early.value.render() == "这份签约到 2026-12-31 期满，期满前一个月内（2026-11-30 起）才能续约"
    clock_at(monkeypatch, dt.date(2026, 11, 30))
    with store.transaction() as s:
        new = contracts.renew_contract(s, old_id, years=2)
        new_id = new.id
    with store.session() as s:
        old, new = s.get(FamilyContract, old_id), s.get(FamilyContract, new_id)
        assert (old.status, old.start_on, old.end_on) == (
            "renewed",
            dt.date(2026, 1, 1),
            dt.date(2026, 12, 31),
        )
        assert (new.renewed_from_id, new.start_on, new.end_on, new.packages, new.signature) == (
            old_id,
            dt.date(2027, 1, 1),
            dt.date(2028, 12, 31),
            ["basic", "chronic"],
            "pending",
        )
        assert s.get(Resident, old.resident_id).contract_signed_on == dt.date(2027, 1, 1)
        history = contracts.list_contracts(s, resident_ref=family["head"])
        assert [(h.status, h.start_on.year) for h in history] == [("active", 2027), ("renewed", 2026)]
    with pytest.raises(UserError, match="这份签约已续约，不能再续约"), store.transaction() as s:
        contracts.renew_contract(s, old_id)


def test_home_figure_and_search_tag_count_signed_contracts_in_force_as_the_rate_does(
    store, family, monkeypatch
):
    """工作台's 家庭医生签约 and the search tag 签约 read who is signed today as 签约率 does: a renewal
    awaiting the resident's signature, or a contract whose term is over, is not 已签约."""
    from app.services.records import residents as residents_service
    from app.services.records.search import search_residents

    def figures(day):
        with store.session() as s:
            tagged = {r.name for r in search_residents(s, "", limit=10, today=day) if "contract" in r.tags}
            return residents_service.counts(s, day)["contracted"], tagged

    with store.transaction() as s:
        (old,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        contracts.add_contract(s, family["wife"], doctor="李医生", packages="basic", start="2025-06-01")
        old_id = old.id
    assert figures(NOW) == (1, {"张三"})  # 李四's term ended on 2026-05-31: lapsed, not signed
    clock_at(monkeypatch, dt.date(2026, 12, 5))
    with store.transaction() as s:
        new_id = contracts.renew_contract(s, old_id).id
    assert figures(dt.date(2026, 12, 5)) == (1, {"张三"})  # the old term still runs
    later = dt.date(2027, 1, 5)
    assert figures(later) == (0, set())  # the renewal awaits his signature
    with store.session() as s:
        assert contracts.signed_resident_ids(s, later) == set()
    with store.transaction() as s:
        contracts.mark_signed(s, new_id)
    assert figures(later) == (1, {"张三"})


def test_end_keeps_the_record_with_its_reason(store, family):
    with store.transaction() as s:
        (c,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        cid = c.id
    with pytest.raises(UserError, match="请填写解约原因"), store.transaction() as s:
        contracts.end_contract(s, cid, "  ")
    with store.transaction() as s:
        contracts.end_contract(s, cid, "迁往外地")
    with store.session() as s:
        c = s.get(FamilyContract, cid)
        assert (c.status, c.ended_on, c.end_reason) == ("ended", NOW, "迁往外地")
        assert c.resident.contract_signed_on is None and c.resident.contract_doctor is None
        assert contracts.signed_resident_ids(s, NOW) == {c.resident_id}  # covered through the day it ended
        assert contracts.signed_resident_ids(s, NOW + dt.timedelta(days=1)) == set()


def test_a_contract_past_its_term_reads_lapsed_and_is_renewed_not_ended(store, family, capsys):
    """履约中 on paper, its term over: the list says 已到期 (text and JSON), it is not among those
    expiring, and 解约 is refused (there is nothing to end); renewing it starts today."""
    with store.transaction() as s:
        (old,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2024-06-01"
        )
        (current,), _ = contracts.add_contract(
            s, family["wife"], doctor="李医生", packages="basic", start="2026-06-01"
        )
        old_id = old.id
    with store.session() as s:
        rows = {r.resident_name: r for r in contracts.list_contracts(s)}
        assert rows["张三"].lapsed and not rows["李四"].lapsed
        assert rows["张三"].as_json()["lapsed"] is True and rows["张三"].as_json()["status"] == "active"
        assert [r.resident_name for r in contracts.list_contracts(s, expiring_days=9999)] == ["李四"]
    code, out, _ = run_cli(store, capsys, "contract", "list")
    assert code == 0
    line = next(x for x in out.splitlines() if "张三" in x)
    assert "已到期" in line and "履约中" not in line
    with pytest.raises(UserError, match="2025-05-31 期满，不需要解约"), store.transaction() as s:
        contracts.end_contract(s, old_id, "迁往外地")
    with store.session() as s:
        assert s.get(FamilyContract, old_id).status == "active"
    with store.transaction() as s:
        new = contracts.renew_contract(s, old_id)
        assert (new.start_on, new.end_on) == (NOW, dt.date(2027, 11, 22))


def test_expiring_within_days_boundaries(store, family):
    with store.transaction() as s:
        contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2025-12-23"
        )  # ends 2026-12-22
        contracts.add_contract(
            s, family["wife"], doctor="李医生", packages="basic", start="2025-11-24"
        )  # ends today
    with store.session() as s:
        assert [r.resident_name for r in contracts.list_contracts(s, expiring_days=0)] == ["李四"]
        assert [r.resident_name for r in contracts.list_contracts(s, expiring_days=28)] == ["李四"]
        assert [r.resident_name for r in contracts.list_contracts(s, expiring_days=29)] == ["李四", "张三"]
        assert [r.resident_name for r in contracts.expiring_soon(s)] == ["李四", "张三"]


def run_cli(store, capsys, *argv):
    from app.cli import main

    folder = str(storekit.data_dir(store))
    code = main(["--data-dir", folder, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_add_renew_end_list_json(store, family, capsys, monkeypatch):
    store.dispose()
    clock_at(monkeypatch, dt.date(2026, 12, 5))  # within the month before the contract ends
    code, out, err = run_cli(
        store, capsys, "contract", "add", family["head"], "--doctor", "李医生", "--package", "basic,poor",
        "--start", "2026-01-01", "--household", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert [c["resident"] for c in data["contracts"]] == ["张三", "李四"]
    assert set(data["contracts"][0]) >= {"id", "resident_id", "doctor", "packages", "start", "end", "status"}
    cid = data["contracts"][0]["id"]
    code, out, _ = run_cli(store, capsys, "contract", "renew", cid, "--json")
    renewal = json.loads(out)
    assert (renewal["renewed_from"], renewal["signature"]) == (cid, "pending")
    code, out, _ = run_cli(store, capsys, "contract", "signed", renewal["id"], "--json")
    assert json.loads(out)["signature"] == "signed"
    code, out, _ = run_cli(
        store, capsys, "contract", "end", json.loads(out)["id"], "--reason", "死亡", "--json"
    )
    assert json.loads(out)["status"] == "ended"
    code, out, _ = run_cli(store, capsys, "contract", "list", "--resident", family["head"], "--json")
    assert [c["status"] for c in json.loads(out)] == ["ended", "renewed"]
    code, out, _ = run_cli(store, capsys, "contract", "list", "--expiring", "40", "--json")
    assert [c["resident"] for c in json.loads(out)] == ["李四"]


def test_cli_errors_are_one_sentence(store, family, capsys):
    store.dispose()
    code, out, err = run_cli(
        store,
        capsys,
        "contract",
        "add",
        family["head"],
        "--doctor",
        "李医生",
        "--package",
        "gold",
        "--start",
        "2026-01-01",
    )
    assert (code, out) == (1, "")
    assert err.startswith("错误：服务包“gold”不存在") and err.count("\n") == 1
    code, _, err = run_cli(store, capsys, "contract", "end", "not-an-id", "--reason", "x")
    assert code == 1 and err == "错误：找不到签约记录：not-an-id\n"


@pytest.mark.slow
@pytest.mark.sqlite_only  # a released SQLite schema file
def test_upgrade_copies_contract_columns_and_poverty_flags_into_rows(tmp_path):
    """Migration 0012 on the released 0006 file: each resident's contract columns become one
    contract (ids derived from the resident, so every device makes the same rows), each poor
    household one registration."""
    import shutil
    import sqlite3
    from pathlib import Path

    from app.db import Store

    copy = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_0006.db", copy)
    with sqlite3.connect(copy) as c:
        signed = c.execute("SELECT count(*) FROM resident WHERE contract_signed_on IS NOT NULL").fetchone()[0]
        poor = c.execute(
            "SELECT count(DISTINCT household_id) FROM resident WHERE poverty_registered"
        ).fetchone()[0]
    assert signed > 0 and poor > 0
    Store(f"sqlite:///{copy}", backups_dir=tmp_path / "b").dispose()
    with sqlite3.connect(copy) as c:
        rows = c.execute(
            "SELECT f.start_on, r.contract_signed_on, f.doctor, r.contract_doctor, f.years, r.contract_years "
            "FROM family_contract f JOIN resident r ON r.id = f.resident_id"
        ).fetchall()
        assert len(rows) == signed
        assert all(a == b and d == e and y == z for a, b, d, e, y, z in rows)
        assert (
            c.execute("SELECT count(*) FROM poverty_household WHERE status = 'registered'").fetchone()[0]
            == poor
        )


def test_the_agreement_lists_what_the_chosen_packages_give(store, family, tmp_path):
    """DOMAIN.md: the printed 签约服务协议书 carries the package contents (it ticked names only)."""
    import subprocess

    from app.services.printing import Labels, contract_form

    with store.transaction() as s:
        (made,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic,elderly", start="2026-11-01"
        )
        cid = made.id
    with store.session() as s:
        (tmp_path / "a.pdf").write_bytes(contract_form.pdf(s, cid, Labels()))
    text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "基础包：建立并维护健康档案" in flat and "老年人包：每年1次健康体检" in flat
    assert "儿童包：" not in flat and "慢病包：" not in flat


def test_cli_agreement_print_says_when_a_character_printed_as_a_mark(store, family, capsys, tmp_path):
    """As every print of the app: a team name with a character the print font lacks (𠮷) prints as
    〓, and the command says so, for the doctor to fill it in by hand."""
    store.dispose()
    code, out, err = run_cli(
        store, capsys, "contract", "add", family["head"], "--doctor", "李医生", "--team", "𠮷野家",
        "--package", "basic", "--start", "2026-01-01", "--json",
    )  # fmt: skip
    assert code == 0, err
    cid = json.loads(out)["contracts"][0]["id"]
    code, out, err = run_cli(store, capsys, "contract", "print", cid, "-o", str(tmp_path / "c.pdf"))
    assert code == 0 and "打印字库中没有，印成了“〓”" in err, err


def test_a_record_closed_by_death_or_a_move_ends_its_contracts_that_day(store, family):
    """A resident who died (recorded by a programme's 死亡 visit) kept a contract 履约中: counted as
    signed, listed for renewal.  The death, or a move recorded on the form, ends the contracts in
    force that day with the record's status as the reason; the other members' stay in force."""
    from app.services.programmes import followup
    from app.services.records.residents import find_resident, resident_input_from

    with store.transaction() as s:
        signed, _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01", household=True
        )
        assert len(signed) == 2  # head and wife (the son moved away)
        followup.start_management(s, family["head"], "htn", today=dt.date(2026, 3, 1))
    with store.transaction() as s:
        followup.record_visit(
            s,
            family["head"],
            followup.VisitInput(
                visit_date="2026-11-12", outcome="died", death_date="2026-11-10", death_cause="脑卒中"
            ),
            today=NOW,
        )
    with store.session() as s:
        rows = {r.resident_name: r for r in contracts.list_contracts(s)}
        head = rows["张三"]
        assert (head.status, rows["李四"].status) == ("ended", "active")
        c = s.get(FamilyContract, head.id)
        assert (c.ended_on, c.end_reason) == (dt.date(2026, 11, 10), "档案状态：死亡")
        assert c.resident.contract_signed_on is None
        assert [r.resident_name for r in contracts.expiring_soon(s, today=dt.date(2026, 12, 20))] == ["李四"]
        assert c.resident_id not in contracts.signed_resident_ids(s, NOW)
        wife = find_resident(s, family["wife"])
        inp = resident_input_from(wife)
        wife_id = wife.id
    inp.status, inp.status_date = "2", "2026-11-20"
    with store.transaction() as s:
        save_resident(s, inp, resident_id=wife_id, today=NOW)
    with store.session() as s:
        c = s.get(FamilyContract, rows["李四"].id)
        assert (c.status, c.ended_on, c.end_reason) == ("ended", dt.date(2026, 11, 20), "档案状态：迁出")


def test_contracts_follow_a_closing_that_is_corrected(store, family):
    """A contract renewed before the death kept covering the dead resident to its end; its renewal,
    yet to start, was ended on the day it began (and counted him as signed that day); a death date
    corrected left it ended on the old day.  Every contract covering a later day ends on the
    closing day; a corrected closing gives back what the earlier one ended first; back on the
    register (an error undone, or a resident come back), nothing comes back: the time away was not
    covered, and the contract is signed anew."""
    from app.services.records.residents import find_resident, resident_input_from

    with store.transaction() as s:
        (old,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2025-12-01"
        )
        old_id = old.id
    with store.transaction() as s:
        new_id = contracts.renew_contract(s, old_id).id  # 2026-12-01 … 2027-11-30, yet to start

    def close(status: str, day: str | None) -> None:
        with store.transaction() as s:
            head = find_resident(s, family["head"])
            inp, rid = resident_input_from(head), head.id
            inp.status, inp.status_date = status, day or ""
            save_resident(s, inp, resident_id=rid, today=NOW)

    def states():
        with store.session() as s:
            return [
                (c.status, c.ended_on, c.end_reason)
                for c in (s.get(FamilyContract, old_id), s.get(FamilyContract, new_id))
            ]

    def signed(day: str) -> bool:
        with store.session() as s:
            return find_resident(s, family["head"]).id in contracts.signed_resident_ids(
                s, dt.date.fromisoformat(day)
            )

    close("3", "2026-11-20")
    died, by_death, by_move = dt.date(2026, 11, 20), "档案状态：死亡", "档案状态：迁出"
    assert states() == [("renewed", died, by_death), ("ended", died, by_death)]
    assert signed("2026-11-20") and not signed("2026-11-25") and not signed("2026-12-01")
    close("3", "2026-03-01")  # the day corrected
    march = dt.date(2026, 3, 1)
    assert states() == [("renewed", march, by_death), ("ended", march, by_death)]
    assert not signed("2026-06-01")
    close("2", "2026-03-01")  # not a death: a move
    assert states() == [("renewed", march, by_move), ("ended", march, by_move)]
    close("1", None)  # back on the register: the time away stays uncovered; signed anew
    assert states() == [("renewed", march, by_move), ("ended", march, by_move)]
    assert not signed("2026-06-01") and not signed("2026-12-01")
    with store.session() as s:
        assert find_resident(s, family["head"]).contract_signed_on is None


def test_a_closing_corrected_leaves_a_contract_the_doctor_ended_as_it_is(store, family):
    """A 解约 typed with the reason 死亡 on the day a death was then recorded read as the closing's
    own, and came back 履约中 when the death's day was corrected."""
    from app.services.records.residents import find_resident, resident_input_from

    with store.transaction() as s:
        (c,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        cid = c.id
    with store.transaction() as s:
        contracts.end_contract(s, cid, "死亡", day=dt.date(2026, 11, 20))
    for day in ("2026-11-20", "2026-11-18"):
        with store.transaction() as s:
            head = find_resident(s, family["head"])
            inp, rid = resident_input_from(head), head.id
            inp.status, inp.status_date = "3", day
            save_resident(s, inp, resident_id=rid, today=NOW)
    with store.session() as s:
        c = s.get(FamilyContract, cid)
        assert (c.status, c.ended_on, c.end_reason) == ("ended", dt.date(2026, 11, 20), "死亡")


def test_a_resident_is_found_by_name_when_one_record_has_it(store, family, person):
    """新签约, 登记患者, 一患一策 … took only an archive number ("找不到档案：张三"), and an empty box
    said "找不到档案：" with nothing after it.  A name the user may read once stands for its record;
    two namesakes are told apart by their numbers; nothing typed says so."""
    from app.services.errors import NotFound
    from app.services.records.residents import find_resident

    with store.session() as s:
        assert find_resident(s, " 李四 ").archive_no == family["wife"]
        with pytest.raises(NotFound) as empty:
            find_resident(s, "  ")
        assert empty.value.render() == "请填写档案编号或姓名"
        with pytest.raises(NotFound, match="找不到档案：王五"):
            find_resident(s, "王五")
    with store.transaction() as s:
        other = save_resident(
            s, person(name="李四", id_number="", sex="2", birth_date="1960-01-01"), today=NOW
        )
        number = other.archive_no
    with store.session() as s, pytest.raises(UserError) as two:
        find_resident(s, "李四")
    assert "叫李四的有 2 人" in two.value.render() and number in two.value.render()


@pytest.mark.parametrize(
    "team",
    [
        "向阳村第一家庭医生签约服务团队（刘勇平、张护士、王公卫）",  # the line to itself
        "向阳村第一家庭医生签约服务团队（刘勇平、张护士、王公卫、李药师、赵康复师、孙心理咨询师、周营养师）",  # two lines
    ],
)
def test_a_long_team_name_prints_whole_and_readable(store, family, tmp_path, team):
    """A team name of 30 characters was squeezed beside 签约医生 into 82 mm, at about 6 pt: a long
    one now has the line to itself (two if it must), at near the form's size."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from app.services.printing import Labels, contract_form

    with store.transaction() as s:
        (made,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", team=team, packages="basic", start="2026-11-01"
        )
        cid = made.id
    with store.session() as s:
        data = contract_form.pdf(s, cid, Labels())
    pdf = pdfium.PdfDocument(data)
    tp = pdf[0].get_textpage()
    chars = [
        (chr(raw.FPDFText_GetUnicode(tp, k)), raw.FPDFText_GetFontSize(tp, k))
        for k in range(tp.count_chars())
    ]
    tp.close()
    pdf.close()
    text = "".join(c for c, _ in chars if c.strip())
    assert team in text and "签约医生：李医生" in text
    start = text.index(team)
    sizes = [size for c, size in chars if c.strip()][start : start + len(team)]
    assert min(sizes) >= 10.5 * 0.85, min(sizes)


def test_no_contract_starts_before_its_resident_was_born(store, family):
    """A contract of 2015 for a girl born in 2018 was saved (and shown 履约中)."""
    from app.models import FamilyContract

    for household in (False, True):  # a household's members each: the head was born in 1949
        with (
            pytest.raises(UserError, match="签约日期1940-06-01早于张三的出生日期1949-"),
            store.transaction() as s,
        ):
            contracts.add_contract(
                s, family["head"], doctor="李医生", packages="basic", start="1940-06-01", household=household
            )
    with store.session() as s:
        assert s.query(FamilyContract).count() == 0


def test_renewal_rate_counts_terms_run_out_in_the_year_that_were_renewed_and_signed(
    store, family, monkeypatch
):
    """家庭医生续约率 (DOMAIN.md): 张三's term ran out on 2026-12-31 and was renewed, signed; 李四's
    ran out on 2026-05-31 and was not renewed; a renewal awaiting the signature is not yet a renewal;
    a contract ended early (解约) or running into next year is not due."""
    from app.services.indicators import REGISTRY, Period, Scope, services  # noqa: F401 (declares them)

    with store.transaction() as s:
        (head,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        contracts.add_contract(s, family["wife"], doctor="李医生", packages="basic", start="2025-06-01")
        head_id = head.id
    clock_at(monkeypatch, dt.date(2026, 12, 5))
    with store.transaction() as s:
        renewal_id = contracts.renew_contract(s, head_id).id

    def rate():
        with store.session() as s:
            return sorted(
                (e.counted, str(e.reason))
                for e in REGISTRY["contract_renewal"].compute(s, Period.year(2026), Scope())
            )

    assert rate() == [(False, "2026-05-31 期满，未续约")]  # 张三's term runs to the end of the year
    clock_at(monkeypatch, dt.date(2027, 1, 5))
    assert rate() == [
        (False, "2026-05-31 期满，未续约"),
        (False, "2026-12-31 期满，已续约，续约还待居民签字"),
    ]
    with store.transaction() as s:
        contracts.mark_signed(s, renewal_id)
    assert rate() == [(False, "2026-05-31 期满，未续约"), (True, "2026-12-31 期满，已续约（2027-01-01 起）")]
    with store.session() as s:
        assert list(REGISTRY["contract_renewal"].compute(s, Period.year(2025), Scope())) == []


def test_a_personalised_package_is_for_its_group_as_the_records_say(store, family, person):
    """Found by review: 慢病包 was signed to a resident in no chronic programme, 残疾人包 to one whose
    record says 无残疾, 贫困人口包 to a household not registered poor, and a household's signing
    gave 慢病包 to every member.  The records decide, as age and sex do for the others."""
    for package, message in (
        ("basic,chronic", "慢病包只适用于在管的高血压、2型糖尿病患者：张三不在管理中"),
        ("basic,disabled", "残疾人包只适用于有残疾的居民：张三的档案中残疾情况为无残疾"),
        ("basic,poor", "贫困人口包只适用于登记在册的贫困户成员：张三的家庭不是"),
    ):
        with pytest.raises(UserError, match=message), store.transaction() as s:
            contracts.add_contract(s, family["head"], doctor="李医生", packages=package, start="2026-11-01")
    with store.transaction() as s:
        followup.enrol(s, find_resident(s, family["head"]), "htn", dt.date(2025, 6, 1))
        poverty.set_household(s, family["head"], status="registered", cause="illness")
        made, _ = contracts.add_contract(
            s,
            family["head"],
            doctor="李医生",
            packages="basic,chronic,poor",
            start="2026-11-01",
            household=True,
        )
        assert {c.resident.name: c.packages for c in made} == {
            "张三": ["basic", "chronic", "poor"],  # managed for hypertension
            "李四": ["basic", "poor"],  # not a patient: her household is poor
        }


def test_a_renewal_keeps_the_packages_still_for_the_resident(store, person, monkeypatch):
    """Found by review: a child's contract with 儿童包 was renewed with it at seven, when adding
    the same package that day is refused."""
    with store.transaction() as s:
        boy = save_resident(
            s, person(name="苏杰", id_number="", sex="1", birth_date="2019-05-02"), today=NOW
        ).archive_no
        (old,), _ = contracts.add_contract(
            s, boy, doctor="李医生", packages="basic,child", start="2025-12-10"
        )
        old_id = old.id
    clock_at(monkeypatch, dt.date(2026, 12, 5))
    with store.transaction() as s:
        new = contracts.renew_contract(s, old_id)
        assert (new.start_on, new.packages) == (dt.date(2026, 12, 10), ["basic"])  # seven by then


def test_an_ended_contract_prints_so_and_a_renewal_leaves_its_signing_day_to_the_pen(
    store, family, tmp_path, monkeypatch
):
    """Found by review: a 解约'd contract printed as an agreement in force, without a mark; a
    renewal signed today printed both date lines with its term's first day, weeks ahead."""
    import subprocess

    from app.services.printing import Labels, contract_form

    def printed(cid) -> str:
        with store.session() as s:
            (tmp_path / "a.pdf").write_bytes(contract_form.pdf(s, cid, Labels()))
        return "".join(
            subprocess.run(
                ["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True
            ).stdout.split()
        )

    with store.transaction() as s:
        (first,), _ = contracts.add_contract(s, family["head"], doctor="李医生", start="2026-01-01")
        (other,), _ = contracts.add_contract(s, family["wife"], doctor="李医生", start="2026-11-01")
        contracts.end_contract(s, other.id, "搬去女儿家住")
        first_id, other_id = first.id, other.id
    flat = printed(other_id)
    assert "本协议已于2026年11月23日解约：搬去女儿家住" in flat, flat
    assert "日期：2026年11月1日" in flat  # (signed that day)
    assert "解约" not in printed(first_id).split("任何一方可书面提出解约")[0]
    clock_at(monkeypatch, dt.date(2026, 12, 5))
    with store.transaction() as s:
        renewal = contracts.renew_contract(s, first_id)
        assert renewal.start_on == dt.date(2027, 1, 1)
        renewal_id = renewal.id
    flat = printed(renewal_id)
    assert "日期：____年____月____日" in flat and "2027年1月1日起" in flat.replace("自", ""), flat
    assert "日期：2027年1月1日" not in flat


def test_the_command_line_says_each_status_as_the_page_does(store, family, capsys, monkeypatch):
    """Found by review: `contract add` said 履约中 of a contract whose term was over, and `contract
    list` said 已解约 of one that had merely run out (closed when its resident signed anew: no one
    ended it).  Both now read the status the 签约 page reads (contracts.status_message)."""
    store.dispose()
    code, out, err = run_cli(
        store, capsys, "contract", "add", family["head"], "--doctor", "李医生", "--package", "basic",
        "--start", "2024-06-01",
    )  # fmt: skip
    assert code == 0, err
    assert out.rstrip().endswith("2024-06-01～2025-05-31  已到期"), out
    # signed anew: the term run out is closed
    run_cli(
        store, capsys, "contract", "add", family["head"], "--doctor", "李医生", "--package", "basic",
        "--start", "2026-01-01",
    )  # fmt: skip
    with store.transaction() as s:  # 李四: a renewal, yet to begin, then begun and still unsigned
        (c,), _ = contracts.add_contract(
            s, family["wife"], doctor="李医生", packages="basic", start="2025-12-20"
        )
        wife_id = c.id
    clock_at(monkeypatch, dt.date(2026, 12, 5))
    with store.transaction() as s:
        contracts.renew_contract(s, wife_id)

    def said(day: dt.date) -> dict[str, list[str]]:
        """Each contract's status, by its start: as the command line says it, and as the page."""
        clock_at(monkeypatch, day)
        _, out, _ = run_cli(store, capsys, "contract", "list")
        cli = {line.split("  ")[4].split("～")[0]: line.split("  ")[5] for line in out.splitlines()}
        with store.session() as s:
            page = {
                r.start_on.isoformat(): contracts.status_message(r, day).render()
                for r in contracts.list_contracts(s)
            }
        return {start: [cli[start], page[start]] for start in page}

    assert said(dt.date(2026, 12, 5)) == {
        "2026-12-20": ["2026-12-20 起生效，待签字", "2026-12-20 起生效"],
        "2026-01-01": ["履约中", "履约中"],
        "2025-12-20": ["已续约", "已续约"],
        "2024-06-01": ["已到期", "已到期"],  # (was "已解约（2025-05-31 到期）")
    }
    # begun, unsigned: 状态 says the term's state, the signature is said beside it (the page's 签字)
    assert said(dt.date(2026, 12, 22))["2026-12-20"] == ["履约中，待签字", "履约中"]


def test_a_contract_of_a_resident_no_longer_on_the_register_is_not_corrected(store, family):
    """Found by the attacker: 修改 did not check the resident is 在册, as signing does."""
    with store.transaction() as s:
        (c,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        cid = c.id
        c.resident.status = "2"  # 迁出
    with pytest.raises(UserError, match="不在册"), store.transaction() as s:
        contracts.edit_contract(s, cid, doctor="王医生")
    with store.session() as s:
        assert s.get(FamilyContract, cid).doctor == "李医生"


def test_a_contract_in_force_is_corrected_through_the_checks_of_signing(store, family, monkeypatch):
    """Found by review: a contract signed with the wrong doctor or packages could only be ended.
    修改 changes its doctor, team, packages and term (not its resident), checked as signing is."""
    with store.transaction() as s:
        (c,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        cid = c.id
    with store.transaction() as s:  # a name put right: the paper the resident signed still holds
        contracts.edit_contract(s, cid, doctor="王医生", team="二组团队")
        assert s.get(FamilyContract, cid).signature == "signed"
    with store.transaction() as s:
        contracts.edit_contract(s, cid, packages="basic,elderly", years=2)
    with store.session() as s:
        # found by review: packages and term changed, it still read 已签字 against the paper the
        # resident signed; it is signed again, as a renewal is
        c = s.get(FamilyContract, cid)
        assert (c.doctor, c.team, c.packages, c.start_on, c.end_on, c.years, c.signature) == (
            "王医生", "二组团队", ["basic", "elderly"], dt.date(2026, 1, 1), dt.date(2027, 12, 31), 2, "pending",
        )  # fmt: skip
        assert (c.resident.contract_doctor, c.resident.contract_years) == ("王医生", 2)  # mirrored
    for kw, message in (
        ({"packages": "basic,child"}, "儿童包只适用于0–6岁儿童：张三已76岁"),
        ({"packages": "basic,chronic"}, "慢病包只适用于在管的高血压、2型糖尿病患者：张三不在管理中"),
        ({"packages": ""}, "请选择至少一个服务包"),
        ({"doctor": "  "}, "请填写签约医生"),
        ({"start": "2026-12-01"}, "签约日期不能晚于今天"),
        ({"start": "1949-01-01"}, "签约日期1949-01-01早于张三的出生日期1949-12-31"),
        ({"years": 11}, "签约年限应为1到10年"),
    ):
        with pytest.raises(UserError, match=message), store.transaction() as s:
            contracts.edit_contract(s, cid, **{"doctor": "赵医生", **kw})  # (赵医生 not saved either)
    with store.transaction() as s:  # the start moves the term with it; an emptied team is none
        contracts.edit_contract(s, cid, start="2025-12-15", team="")
    with store.session() as s:
        c = s.get(FamilyContract, cid)
        assert (c.doctor, c.team, c.start_on, c.end_on) == (
            "王医生",
            None,
            dt.date(2025, 12, 15),
            dt.date(2027, 12, 14),
        )
        assert c.resident.contract_signed_on == dt.date(2025, 12, 15)

    # 李四: a term run out (closed when she signed anew), and one in force after it
    with store.transaction() as s:
        (old,), _ = contracts.add_contract(
            s, family["wife"], doctor="李医生", packages="basic", start="2024-06-01"
        )
        (new,), _ = contracts.add_contract(
            s, family["wife"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        old_id, new_id = old.id, new.id
    with pytest.raises(UserError, match="李四的另一份签约到 2025-05-31 为止"), store.transaction() as s:
        contracts.edit_contract(s, new_id, start="2025-05-31", years=2)
    with store.transaction() as s:
        assert contracts.edit_contract(s, new_id, start="2025-06-01", years=2).end_on == dt.date(2027, 5, 31)
    with pytest.raises(UserError, match="这份签约已于 2025-05-31 期满，不能修改"), store.transaction() as s:
        contracts.edit_contract(s, old_id, doctor="王医生")
    with store.transaction() as s:
        contracts.end_contract(s, new_id, "迁往外地")
    with pytest.raises(UserError, match="这份签约已解约，不能修改"), store.transaction() as s:
        contracts.edit_contract(s, new_id, doctor="王医生")

    # a renewal: its start follows the term it renews; the one renewed is not in force
    clock_at(monkeypatch, dt.date(2027, 12, 1))
    with store.transaction() as s:
        renewal = contracts.renew_contract(s, cid)
        renewal_id = renewal.id
    with pytest.raises(UserError, match="续约的签约日期随原签约的期满日，不能修改"), store.transaction() as s:
        contracts.edit_contract(s, renewal_id, start="2027-12-01")
    with pytest.raises(UserError, match="这份签约已续约，不能修改"), store.transaction() as s:
        contracts.edit_contract(s, cid, doctor="赵医生")
    with store.transaction() as s:
        c = contracts.edit_contract(s, renewal_id, doctor="赵医生", years=3, start=dt.date(2027, 12, 15))
        assert (c.doctor, c.start_on, c.end_on, c.signature) == (
            "赵医生", dt.date(2027, 12, 15), dt.date(2030, 12, 14), "pending",
        )  # fmt: skip


def test_the_command_line_corrects_a_contract(store, family, capsys):
    store.dispose()
    with store.transaction() as s:
        (c,), _ = contracts.add_contract(
            s, family["head"], doctor="李医生", packages="basic", start="2026-01-01"
        )
        cid = str(c.id)
    code, out, err = run_cli(
        store, capsys, "contract", "edit", cid, "--doctor", "王医生", "--package", "basic,elderly", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert (data["id"], data["doctor"], data["packages"], data["start"]) == (
        cid, "王医生", ["basic", "elderly"], "2026-01-01",
    )  # fmt: skip
    code, out, err = run_cli(store, capsys, "contract", "edit", cid, "--team", "一组", "--years", "2")
    assert code == 0, err
    assert out.startswith(
        f"{cid}  {family['head']} 张三  王医生  基础包、老年人包  2026-01-01～2027-12-31  履约中，待签字"
    )  # (its term changed: signed on paper again)
    code, out, err = run_cli(store, capsys, "contract", "edit", cid)
    assert (code, out) == (1, "") and err.startswith("错误：请给出要修改的内容")
    code, out, err = run_cli(store, capsys, "contract", "edit", cid, "--package", "child")
    assert code == 1 and err.startswith("错误：儿童包只适用于0–6岁儿童")
    with store.session() as s:
        assert s.get(FamilyContract, c.id).packages == ["basic", "elderly"]  # nothing written


def test_a_townships_list_names_each_contract_s_village(township_store, person, capsys):
    """Found by review: a township's 签约 list did not say which village a contract is of.  And a
    village's doctor corrects their village's contracts only (authz: write)."""
    from app.services import profile
    from app.services.access import accounts
    from app.services.access.authz import PermissionDenied

    store = township_store
    with store.transaction() as s:
        for code, name, who in (("110105001101", "一村", "张三"), ("110105001102", "二村", "王五")):
            profile.ensure_village(s, code, name)
            r = save_resident(
                s,
                person(name=who, id_number="", sex="1", birth_date="1960-01-01", village_code=code),
                today=NOW,
            )
            contracts.add_contract(s, r.archive_no, doctor="李医生", packages="basic", start="2026-01-01")
        accounts.create_user(
            s, "yi", "村医-secret-1", "village_doctor", display_name="一村医生", village_code="110105001101"
        )
    with store.session() as s:
        rows = {r.resident_name: r for r in contracts.list_contracts(s)}
        assert {n: (r.village, r.as_json()["village"]) for n, r in rows.items()} == {
            "张三": ("一村", "一村"),
            "王五": ("二村", "二村"),
        }
    store.dispose()
    _, out, _ = run_cli(store, capsys, "contract", "list")
    assert {line.split("  ")[1].split()[1]: line.split("  ")[2] for line in out.splitlines()} == {
        "张三": "一村",
        "王五": "二村",
    }
    store.actor = accounts.login(store, "yi", "村医-secret-1")
    try:
        with store.transaction() as s:
            contracts.edit_contract(s, rows["张三"].id, doctor="一村医生")
        with pytest.raises(PermissionDenied), store.transaction() as s:
            contracts.edit_contract(s, rows["王五"].id, doctor="一村医生")
    finally:
        store.actor = None


def villages_with_doctors(township_store, person) -> dict[str, str]:
    """Two villages of a township, each with a resident (一村 张三, 二村 王五) and its doctors'
    accounts (一村甲医生 and 一村乙医生; 二村医生): the residents' archive numbers by village."""
    from app.services import profile
    from app.services.access import accounts

    archive = {}
    with township_store.transaction() as s:
        for code, name, who, doctors in (
            ("110105001101", "一村", "张三", ("一村甲医生", "一村乙医生")),
            ("110105001102", "二村", "王五", ("二村医生",)),
        ):
            profile.ensure_village(s, code, name)
            r = save_resident(
                s, person(name=who, id_number="", sex="1", birth_date="1960-01-01", village_code=code)
            )
            archive[name] = r.archive_no
            for n, doctor in enumerate(doctors):
                accounts.create_user(
                    s, f"doc{code[-1]}{n}", "村医-secret-1", "village_doctor",
                    display_name=doctor, village_code=code,
                )  # fmt: skip
    return archive


def test_a_townships_doctor_choices_are_those_of_the_resident_s_village(township_store, person):
    """签约医生's choices on a township's PC: the active doctors' accounts of the resident's village
    (the institution the contract belongs to), not every village's; none while the resident named
    is nobody.  A village's PC offers its own, whoever is named."""
    from app.services.access import accounts

    archive = villages_with_doctors(township_store, person)
    with township_store.transaction() as s:
        accounts.create_user(
            s, "gone", "村医-secret-1", "village_doctor", display_name="离职医生", village_code="110105001101"
        )
        accounts.deactivate(s, "gone")  # (an account closed: no longer offered)
    with township_store.session() as s:
        one = contracts.doctor_choices(s, archive["一村"])
        assert set(one.names) == {"一村甲医生", "一村乙医生"} and one.per_resident
        assert set(contracts.doctor_choices(s, archive["二村"]).names) == {"二村医生"}
        assert set(contracts.doctor_choices(s, "王五").names) == {"二村医生"}  # (by name too)
        assert contracts.doctor_choices(s, "").names == contracts.doctor_choices(s, "查无此人").names == ()

"""A referral's life (issue 15): issued → 到位 or 不到位 → 回转, through the CLI, the rules and sync."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.cli import main
from app.models import AuditEntry, ChangeLog, Referral, Resident
from app.services.errors import UserError, ValidationError
from app.services.programmes import referral
from app.services.programmes.referral import ReferralInput, ReturnInput
from app.services.records.residents import save_resident
from tests.conftest import TODAY
from tests.synckit import round_trip

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def cli_json(capsys, *args) -> object:
    assert main(list(args)) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def cli_ok(capsys, *args) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out.strip()


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_cli_walks_a_referral_through_add_arrived_return_and_another_to_not_arrived(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path / "D")]
    cli_ok(capsys, *d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村")
    cli_ok(capsys, *d, "demo", "--residents", "20", "--seed", "4")
    first, second = cli_json(capsys, *d, "residents", "search", "", "--limit", "2", "--json")
    before = {r["id"] for r in cli_json(capsys, *d, "referral", "list", "--json")}

    one = cli_ok(
        capsys, *d, "referral", "add", first["archive_no"], "--to", "朝阳乡卫生院", "--department", "内科",
        "--reason", "血压控制不满意", "--impression", "高血压", "--urgent",
    )  # fmt: skip
    listed = cli_json(capsys, *d, "referral", "list", "--open", "--resident", first["archive_no"], "--json")
    mine = next(r for r in listed if r["id"] == one)
    assert (mine["status"], mine["urgent"], mine["to_institution"], mine["to_department"]) == (
        "issued", True, "朝阳乡卫生院", "内科",
    )  # fmt: skip
    assert (mine["reason"], mine["impression"], mine["days_open"]) == ("血压控制不满意", "高血压", 0)
    assert "到位" in cli_ok(capsys, *d, "referral", "arrived", one)
    assert "已回转" in cli_ok(
        capsys, *d, "referral", "return", one, "--diagnosis", "高血压3级", "--inpatient-no", "ZY-17",
        "--findings", "心电图：左室高电压", "--plan", "继续服药，两周后复查",
    )  # fmt: skip

    two = cli_json(
        capsys, *d, "referral", "add", second["archive_no"], "--to", "县医院", "--reason", "血糖高", "--json"
    )
    assert two["status"] == "issued" and two["urgent"] is False
    assert "不到位" in cli_ok(capsys, *d, "referral", "not-arrived", two["id"], "--reason", "外出务工")

    rows = {r["id"]: r for r in cli_json(capsys, *d, "referral", "list", "--json") if r["id"] not in before}
    assert rows[one]["status"] == "returned" and rows[one]["days_open"] is None
    assert (rows[one]["return_diagnosis"], rows[one]["return_record_no"]) == ("高血压3级", "ZY-17")
    assert (rows[one]["return_findings"], rows[one]["return_plan"]) == (
        "心电图：左室高电压",
        "继续服药，两周后复查",
    )
    assert (rows[two["id"]]["status"], rows[two["id"]]["not_arrived_reason"]) == ("not_arrived", "外出务工")
    open_now = {r["id"] for r in cli_json(capsys, *d, "referral", "list", "--open", "--json")}
    assert not open_now & {one, two["id"]}

    # closed referrals refuse further changes, in one sentence, exit 1
    for args, fragment in (
        (["arrived", one], "已经是“已回转”，不能再记为“到位”"),
        (["not-arrived", two["id"], "--reason", "x"], "已经是“不到位”，不能再记为“不到位”"),
        (["return", two["id"], "--diagnosis", "x"], "已经是“不到位”，不能再记为“已回转”"),
        (["arrived", "0000"], "找不到转诊单：0000"),
        (["add", first["archive_no"], "--to", "县医院", "--reason", "  "], "请填写转诊原因"),
        (["add", first["archive_no"], "--to", " ", "--reason", "头痛"], "请填写转入单位"),
    ):
        assert main([*d, "referral", *args]) == 1, args
        err = capsys.readouterr().err
        assert fragment in err and "Traceback" not in err and err.count("\n") == 1, (args, err)


@pytest.fixture
def issued(store, person):
    with store.transaction() as s:
        r = save_resident(s, person(enrolled_on="2020-01-01"), today=TODAY)
        ref = referral.create_referral(
            s,
            ReferralInput(resident_id=r.id, to_institution="朝阳乡卫生院", issued_on="2026-11-20"),
            today=TODAY,
        )
        return ref.id


def _walk(store, referral_id, steps: list[str]) -> None:
    for step in steps:
        with store.transaction() as s:
            if step == "arrived":
                referral.mark_arrived(s, referral_id, TODAY)
            elif step == "not_arrived":
                referral.mark_not_arrived(s, referral_id, "家里有事", TODAY)
            else:
                referral.record_return(s, referral_id, ReturnInput(diagnosis="高血压2级"), TODAY)


@pytest.mark.parametrize(
    "path, refused",
    [
        (["arrived"], "arrived"),
        (["arrived"], "not_arrived"),
        (["not_arrived"], "returned"),
        (["not_arrived"], "not_arrived"),
        (["returned"], "arrived"),
        (["returned"], "not_arrived"),
        (["arrived", "returned"], "returned"),
    ],
)
def test_impossible_transitions_are_refused_and_change_nothing(store, issued, path, refused):
    _walk(store, issued, path)
    with store.session() as s:
        before = (
            s.get(Referral, issued).status,
            s.scalar(select(ChangeLog.seq).order_by(ChangeLog.seq.desc())),
        )
    with pytest.raises(UserError) as e:
        _walk(store, issued, [refused])
    assert "不能再记为" in e.value.render()
    with store.session() as s:
        after = (
            s.get(Referral, issued).status,
            s.scalar(select(ChangeLog.seq).order_by(ChangeLog.seq.desc())),
        )
    assert after == before


def test_not_arrived_needs_a_reason_and_return_a_diagnosis(store, issued):
    with pytest.raises(ValidationError) as e, store.transaction() as s:
        referral.mark_not_arrived(s, issued, "  ")
    assert "不到位原因" in e.value.render()
    with pytest.raises(ValidationError) as e, store.transaction() as s:
        referral.record_return(s, issued, ReturnInput(plan="继续服药"))
    assert "诊断结果" in e.value.render()
    with pytest.raises(UserError) as e, store.transaction() as s:
        referral.mark_arrived(s, issued, TODAY.replace(month=10))
    assert "早于转诊日期" in e.value.render()
    with store.session() as s:
        assert s.get(Referral, issued).status == "issued"


def test_open_list_puts_urgent_first_then_the_longest_open(store, person):
    with store.transaction() as s:
        r = save_resident(s, person(enrolled_on="2020-01-01"), today=TODAY)
        for day, urgent in (("2026-11-01", False), ("2026-11-20", True), ("2026-10-01", False)):
            inp = ReferralInput(resident_id=r.id, to_institution="县医院", issued_on=day, emergency=urgent)
            referral.create_referral(s, inp, today=TODAY)
    with store.session() as s:
        rows = referral.list_referrals(s, open_only=True, today=TODAY)
    assert [(r.urgent, r.days_open) for r in rows] == [(True, 3), (False, 53), (False, 22)]


def test_each_state_change_is_logged_for_sync_and_audited(store, issued):
    _walk(store, issued, ["arrived", "returned"])
    with store.session() as s:
        logged = s.scalars(
            select(ChangeLog).where(ChangeLog.entity == "referral", ChangeLog.row_id == issued)
        ).all()
        audited = s.scalars(select(AuditEntry).where(AuditEntry.entity == "referral")).all()
    statuses = [json.loads(c.data)["v"].get("status") for c in logged]
    assert statuses == ["issued", "arrived", "returned"]
    assert len(audited) == 3 and {a.entity_id for a in audited} == {issued.hex}


@pytest.mark.slow
def test_township_sees_and_returns_a_villages_referral_after_a_round_trip(world):
    town, a, b, root = world
    with a.store.transaction() as s:
        resident = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        rid = referral.create_referral(
            s,
            ReferralInput(
                resident_id=resident.id, to_institution="东风乡卫生院", present_history="胸闷", emergency=True
            ),
        ).id
        name = resident.name
    round_trip(town, [a, b], root, "issue")
    with town.store.session() as s:
        seen = [r for r in referral.list_referrals(s, open_only=True) if r.id == rid]
    assert len(seen) == 1 and (seen[0].resident_name, seen[0].village_name, seen[0].urgent) == (
        name,
        "村1",
        True,
    )
    with town.store.transaction() as s:
        referral.record_return(
            s, rid, ReturnInput(diagnosis="不稳定型心绞痛", record_no="ZY-2026-88", plan="阿司匹林，每月复查")
        )
    round_trip(town, [a, b], root, "return")
    with a.store.session() as s:
        back = s.get(Referral, rid)
        assert (back.status, back.return_diagnosis, back.return_record_no) == (
            "returned", "不稳定型心绞痛", "ZY-2026-88",
        )  # fmt: skip
        assert rid not in {r.id for r in referral.list_referrals(s, open_only=True)}
    with b.store.session() as s:
        assert s.get(Referral, rid) is None  # another village never receives it
    with town.store.session() as s:  # the township's own change is audited in its trail
        assert s.scalar(
            select(AuditEntry).where(AuditEntry.entity == "referral", AuditEntry.entity_id == rid.hex,
                                     AuditEntry.device_id == town.device_id)
        ) is not None  # fmt: skip

"""What a village doctor found in a referral's life (issue 15 review): dated steps, the receiving
doctor on the 回转, audit entries that name the patient and are found by the printed id, duplicates,
corrections, and reasons pasted from elsewhere."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import select

from app.cli import main
from app.models import Referral, Resident
from app.services.access.actor import Actor
from app.services.access.audit_review import AuditFilter
from app.services.access.audit_review import query as entries
from app.services.errors import UserError, ValidationError
from app.services.printing.layout import Labels
from app.services.printing.referral_slip import render_referral, slip_data
from app.services.programmes import referral
from app.services.programmes.referral import ReferralInput, ReturnInput
from app.services.records.residents import save_resident
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


@pytest.fixture
def resident(store, person):
    with store.transaction() as s:
        return save_resident(s, person(enrolled_on="2020-01-01"), today=TODAY).id


def _issue(
    store, resident_id, *, day="2026-11-20", to="朝阳乡卫生院", force=False, reason="头晕"
) -> uuid.UUID:
    with store.transaction() as s:
        inp = ReferralInput(
            resident_id=resident_id, to_institution=to, issued_on=day, present_history=reason, force=force
        )
        return referral.create_referral(s, inp, today=TODAY).id


def _status(store, rid) -> tuple:
    with store.session() as s:
        r = s.get(Referral, rid)
        return r.status, r.status_date, r.not_arrived_reason


# ---------------------------------------------------------------- 2. a step has its own date


def test_steps_take_the_day_they_happened_bounded_by_the_referral_and_today(store, resident):
    rid = _issue(store, resident)
    with store.transaction() as s:
        referral.mark_arrived(s, rid, "2026-11-21")
    assert _status(store, rid)[:2] == ("arrived", dt.date(2026, 11, 21))
    with store.transaction() as s:
        referral.record_return(s, rid, ReturnInput(diagnosis="高血压2级"), dt.date(2026, 11, 22))
    assert _status(store, rid)[:2] == ("returned", dt.date(2026, 11, 22))

    other = _issue(store, resident, to="县医院")
    for day, fragment in (("2026-11-19", "早于转诊日期 2026-11-20"), ("2099-01-01", "晚于今天")):
        with pytest.raises(ValidationError) as e, store.transaction() as s:
            referral.mark_not_arrived(s, other, "农忙", day)
        assert fragment in e.value.render() and "status_date" in e.value.by_field()
    assert _status(store, other) == ("issued", None, None)


# ---------------------------------------------------------------- 3. who signs the return slip


def test_return_slip_is_signed_by_the_receiving_doctor_or_left_blank_never_the_village_user(store, resident):
    store.actor = Actor(uuid.uuid4(), "doc", "村医张三", "system")
    signed, blank = _issue(store, resident), _issue(store, resident, to="县医院")
    with store.transaction() as s:
        referral.record_return(s, signed, ReturnInput(diagnosis="高血压2级", doctor="王主任"))
        referral.record_return(s, blank, ReturnInput(diagnosis="高血压2级"))
    with store.session() as s:
        assert s.get(Referral, signed).return_doctor == "王主任"
        assert s.get(Referral, blank).return_doctor is None
        data = slip_data(s, blank)
    assert data.return_doctor == ""
    pdf = render_referral(data, Labels(), returning=True)
    assert pdf.startswith(b"%PDF")


# ---------------------------------------------------------------- 4. audit


def test_audit_finds_a_residents_entries_by_their_name_or_archive_number(store, resident):
    """A print of a record, or a step of a referral, names the record by its id: 审计 searched for a
    resident's name or archive number found none of the prints of their records.  Now it finds
    the entries of the resident and of their records, and not another resident's."""
    from app.services.access import audit

    rid = _issue(store, resident)
    with store.transaction() as s:
        audit.record_now(s, "print", "resident", resident, "contract agreement")
        who = s.get(Resident, resident)
        name, archive_no = who.name, who.archive_no
        other = s.scalars(select(Resident.id).where(Resident.id != resident)).first()
        if other is not None:
            audit.record_now(s, "print", "resident", other, "record cover")
    with store.session() as s:
        for text in (name, archive_no, archive_no[-5:]):
            found = [(e.action, e.entity, e.entity_id) for e in entries(s, AuditFilter(text=text))]
            assert ("print", "resident", resident.hex) in found, text
            assert ("create", "referral", rid.hex) in found, text  # a record of theirs
            assert other is None or ("print", "resident", other.hex) not in found
        # the text itself, not a pattern ("_" matched every entry); too long a text is said
        assert all("_" in f"{e.summary}{e.entity}{e.entity_id}" for e in entries(s, AuditFilter(text="_")))
        with pytest.raises(UserError, match="查找的文字太长"):
            entries(s, AuditFilter(text="李" * 20_000))


def test_audit_names_patient_and_step_and_is_found_by_the_id_as_printed(store, resident):
    rid = _issue(store, resident)
    with store.transaction() as s:
        referral.mark_arrived(s, rid)
        who = s.get(Resident, resident)
        name, archive_no = who.name, who.archive_no
    with store.session() as s:
        found = entries(s, AuditFilter(text=str(rid)))
    assert [e.summary for e in found] == [
        f"转诊 到位：{name} {archive_no}",
        f"转诊 开具：{name} {archive_no}",
    ]


# ---------------------------------------------------------------- 5. duplicates


def test_a_second_open_referral_to_the_same_place_the_same_day_needs_force(store, resident):
    first = _issue(store, resident)
    with pytest.raises(referral.DuplicateReferral) as e:
        _issue(store, resident)
    said = e.value.render()  # the slip by its day and place; its id means nothing to a doctor (review)
    assert "2026-11-20已有一张转往" in said and str(first) not in said
    _issue(store, resident, to="县医院")  # another place: fine
    _issue(store, resident, day="2026-11-21")  # another day: fine
    _issue(store, resident, force=True)
    with store.session() as s:
        assert len(s.scalars(select(Referral)).all()) == 4


# ---------------------------------------------------------------- 6. corrections


def test_not_arrived_may_become_arrived_and_the_last_step_be_undone_the_same_day(store, resident):
    rid = _issue(store, resident)
    with store.transaction() as s:
        referral.mark_not_arrived(s, rid, "农忙")
    with store.transaction() as s:
        referral.mark_arrived(s, rid, "2026-11-22")  # went later after all
    assert _status(store, rid) == ("arrived", dt.date(2026, 11, 22), None)
    with store.transaction() as s:
        referral.undo_step(s, rid)
    assert _status(store, rid) == ("issued", None, None)
    with store.session() as s:
        summaries = [e.summary for e in entries(s, AuditFilter(text=str(rid)))]
    assert summaries[0].startswith("转诊 撤销到位/不到位：") and len(summaries) == 4

    # nothing to undo on an issued or a returned referral; the next day, or another user: refused
    with pytest.raises(UserError, match="没有可以撤销"), store.transaction() as s:
        referral.undo_step(s, rid)
    with store.transaction() as s:
        referral.mark_arrived(s, rid)
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    with pytest.raises(UserError, match="只能撤销自己当天"), store.transaction() as s:
        referral.undo_step(s, rid, now=tomorrow)

    def offered() -> bool:  # what the list offers (its 撤销 button): what undo_step takes
        with store.session() as s:
            (row,) = [r for r in referral.list_referrals(s) if r.id == rid]
            return row.can_undo

    assert offered()
    store.actor = Actor(uuid.uuid4(), "other", "别人", "system")
    with pytest.raises(UserError, match="只能撤销自己当天"), store.transaction() as s:
        referral.undo_step(s, rid)
    assert not offered()  # another user's step
    with store.transaction() as s:
        referral.record_return(s, rid, ReturnInput(diagnosis="x"))
    with pytest.raises(UserError, match="没有可以撤销"), store.transaction() as s:
        referral.undo_step(s, rid)
    assert _status(store, rid)[0] == "returned" and not offered()


# ---------------------------------------------------------------- 9. pasted text


def test_pasted_reason_keeps_lines_drops_zero_width_and_names_control_characters(store, resident):
    rid = _issue(store, resident, reason="血压高\u200b\r\n头晕\ufeff  三天\n\n\n\n乏力")
    with store.session() as s:
        assert s.get(Referral, rid).present_history == "血压高\n头晕 三天\n\n乏力"
    with pytest.raises(ValidationError) as e:
        _issue(store, resident, to="县医院", reason="头晕\x07三天")
    assert "第3个字符无法识别（U+0007）" in e.value.render()
    with pytest.raises(ValidationError) as e:
        _issue(store, resident, to="县医院", reason="头" * 501)
    assert "501个字，最多500个字" in e.value.render()


# ---------------------------------------------------------------- CLI


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_cli_dates_doctor_force_undo_and_the_list_shows_the_return(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path / "D")]

    def run(*args) -> tuple[int, str, str]:
        code = main([*d, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("init", "--role", "village", "--code", "110105001101", "--name", "测试村")[0] == 0
    assert run("demo", "--residents", "12", "--seed", "3")[0] == 0
    code, out, _ = run("residents", "search", "", "--limit", "1", "--json")
    archive_no = json.loads(out)[0]["archive_no"]
    code, rid, err = run("referral", "add", archive_no, "--to", "县医院", "--reason", "头晕\n乏力")
    rid = rid.strip()
    assert code == 0, err
    code, _, err = run("referral", "add", archive_no, "--to", "县医院", "--reason", "头晕")
    assert code == 1 and "--force" in err and err.count("\n") == 1
    assert run("referral", "add", archive_no, "--to", "县医院", "--reason", "头晕", "--force")[0] == 0
    today = dt.date.today().isoformat()
    code, _, err = run("referral", "arrived", rid, "--date", "2000-01-01")
    assert code == 1 and "早于转诊日期" in err and "Traceback" not in err
    assert run("referral", "not-arrived", rid, "--reason", "农忙", "--date", today)[0] == 0
    assert run("referral", "arrived", rid)[0] == 0
    assert run("referral", "undo", rid)[0] == 0
    code, _, err = run(
        "referral", "return", rid, "--diagnosis", "高血压2级", "--inpatient-no", "ZY-9", "--findings",
        "心电图正常", "--plan", "继续服药", "--doctor", "王主任", "--date", today,
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run("referral", "list", "--resident", archive_no)
    block = out.split(rid, 1)[1]
    for text in ("已回转", f"状态日期：{today}", "回转诊断：高血压2级", "住院病案号：ZY-9", "主要检查结果：心电图正常",
                 "下一步治疗方案：继续服药", "接诊医生：王主任", "转诊原因：头晕\n      乏力"):  # fmt: skip
        assert text in block, (text, block)
    assert "今天" in out and "已0天" not in out
    with pytest.raises(SystemExit):
        main([*d, "referral", "list", "--help"])
    assert "输出 JSON" in capsys.readouterr().out
    code, out, _ = run("audit", "--text", rid)
    assert code == 0 and "转诊 开具" in out and "转诊 已回转" in out


def test_a_multi_line_reason_prints_on_its_own_lines_and_the_return_slip_names_the_receiving_doctor(
    store, resident, tmp_path
):
    from tests.test_printing import pdf_text

    rid = _issue(store, resident, reason="血压 182/110 mmHg，头晕三天\n服药后无改善")
    store.actor = Actor(uuid.uuid4(), "doc", "村医张三", "system")
    with store.transaction() as s:
        referral.record_return(s, rid, ReturnInput(diagnosis="高血压3级", doctor="王主任"))
    with store.session() as s:
        data = slip_data(s, rid)
    out = pdf_text(render_referral(data, Labels()), tmp_path, layout=False)
    lines = [line.strip() for line in out.splitlines()]
    assert "血压 182/110 mmHg，头晕三天" in lines and "服药后无改善" in lines
    back = pdf_text(render_referral(data, Labels(), returning=True), tmp_path, layout=False)
    assert "王主任" in back and "村医张三" not in back


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_a_referral_issued_from_the_command_line_carries_the_drugs_and_history(tmp_path, capsys):
    """`referral add` printed a slip with an empty 治疗经过 for a patient on four drugs: it now
    carries the drugs of the latest visit of each programme and the record's 既往史, as the
    转诊 button of a follow-up drafts them."""
    from app.db import Store
    from app.models import FollowupVisit, Referral
    from app.services.programmes import followup
    from app.services.records.residents import find_resident

    d = ["--data-dir", str(tmp_path / "D")]
    assert main([*d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村"]) == 0
    assert main([*d, "demo", "--residents", "60", "--seed", "3"]) == 0
    capsys.readouterr()
    store = Store(f"sqlite:///{tmp_path / 'D' / 'cunyi.db'}")
    with store.session() as s:
        visit = s.scalars(
            select(FollowupVisit).where(FollowupVisit.voided.is_(False), FollowupVisit.outcome == "done")
            .order_by(FollowupVisit.visit_date.desc())
        ).first()  # fmt: skip
        archive_no = find_resident(s, str(visit.resident_id)).archive_no
        drugs = followup.visit_history(s, visit.resident_id, visit.program)[-1].drugs
    store.dispose()
    assert drugs, "the demo's latest visit has drugs"
    assert main([*d, "referral", "add", archive_no, "--to", "县医院", "--reason", "头晕"]) == 0
    rid = capsys.readouterr().out.strip()
    store = Store(f"sqlite:///{tmp_path / 'D' / 'cunyi.db'}")
    with store.session() as s:
        made = s.get(Referral, uuid.UUID(rid))
        assert all(drug["name"] in made.treatment for drug in drugs), made.treatment
        assert made.past_history  # (the demo's patients have their diseases in 既往史)
    store.dispose()


@pytest.mark.sqlite_only  # (no store: the words)
def test_treatment_leaves_out_a_dose_that_is_not_known():
    """A drug typed without its dose read "复方降压片 mg 每日次" on the slip."""
    from app.services.programmes.referral import drug_text
    from app.views.residents import drug_text as listed

    drugs = [
        {"name": "复方降压片"},
        {"name": "硝苯地平缓释片", "mg_per_time": None, "times_per_day": 2},
        {"name": "二甲双胍", "mg_per_time": 500.0, "times_per_day": 3},
    ]
    assert drug_text(drugs) == "复方降压片；硝苯地平缓释片 每日2次；二甲双胍 500mg 每日3次"
    assert [listed(d, False) for d in drugs] == ["复方降压片", "硝苯地平缓释片×2", "二甲双胍 500mg×3"]
    assert [listed(d, True) for d in drugs][:2] == ["复方降压片", "硝苯地平缓释片, twice a day"]

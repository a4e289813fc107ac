"""严重精神障碍 privacy: every read path tried as users who may not know a resident is a patient
(a village doctor who is not the responsible one, township staff without the mental-health permission,
an admin), each beside a user who may — so every check can fail.  And sync: the rows reach the
township and the owning village, never the second village."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import json
import subprocess

import openpyxl
import pytest
from sqlalchemy import func, select, update

from app.cli import main
from app.db import Store
from app.models import (
    AuditEntry,
    ProgramEnrolment,
    Resident,
    ResidentChoice,
    SmiRegistration,
    SmiVisit,
    SyncConflict,
)
from app.services.access import accounts, audit_review, authz
from app.services.errors import NotFound, UserError
from app.services.indicators import REGISTRY, Period, Scope, smi_elderly  # noqa: F401 (declares them)
from app.services.programmes import smi, worklist
from app.services.records import overview, residents, roster, search, sensitive
from tests.conftest import SMI_ASSESSED
from tests.synckit import TODAY, county, round_trip

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

PASSWORD = "村医-secret-1"
A, B = "110105001101", "110105001102"


def _as(store: Store, username: str) -> None:
    store.actor = accounts.login(store, username, PASSWORD)


@pytest.fixture(scope="module")
def world(tmp_path_factory, db_backend):  # built once per module and database
    """Village A (its doctor 李医生 registers a patient), village B, the township; the users."""
    from app.tools import demo

    root = tmp_path_factory.mktemp("smi_privacy")
    town, (va, vb) = county(root)
    with va.store.transaction() as s:
        demo.generate_demo(s, 20, seed=5, today=TODAY)
        accounts.create_user(s, "li", PASSWORD, "village_doctor", display_name="李医生")
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
    with vb.store.transaction() as s:
        demo.generate_demo(s, 10, seed=6, today=TODAY)
    with town.store.transaction() as s:
        accounts.create_user(
            s, "mh", PASSWORD, "township_staff", display_name="公卫精防", permissions=("mental_health",)
        )
        accounts.create_user(s, "plain", PASSWORD, "township_staff", display_name="公卫科员")
        accounts.create_user(s, "boss", PASSWORD, "admin", display_name="管理员")
    with va.store.transaction() as s:  # 李医生's resident: a village doctor registers their own
        patient = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        patient.responsible_doctor = "李医生"
        pid, name, archive = patient.id, patient.name, patient.archive_no
    _as(va.store, "li")
    with va.store.transaction() as s:
        smi.register(
            s,
            archive,
            smi.SmiRegistrationInput(diagnosis="1", consent="1", guardian_name="监护人"),
            today=TODAY,
        )
    with va.store.transaction() as s:
        smi.record_visit(
            s, archive, smi.input_with(visit_date=TODAY.isoformat(), danger="0", **SMI_ASSESSED), today=TODAY
        )
    va.store.actor = None
    # 既往史 严重精神障碍 (past disease 8): the patient's, and a second resident's who is not (yet)
    # registered, whose responsible doctor is 李医生
    with va.store.session() as s:
        pid2 = s.scalars(select(Resident.id).order_by(Resident.archive_no)).all()[1]
    _history(va.store, pid, {"2": "2015-06", "8": "2018-03"})
    _history(va.store, pid2, {"8": "2020-01"}, responsible_doctor="李医生")
    round_trip(town, [va, vb], root, "smi")
    with town.store.transaction() as s:  # a date the form now refuses, for the review queue
        s.execute(
            update(ResidentChoice)
            .where(ResidentChoice.resident_id == pid2, ResidentChoice.code == "8")
            .values(event_date="1800-01")
        )
    return {
        "town": town,
        "a": va,
        "b": vb,
        "pid": pid,
        "pid2": pid2,
        "name": name,
        "archive": archive,
        "root": root,
    }


def _history(store: Store, rid, past: dict, **columns) -> None:
    """Set a resident's past diseases (as the system, through the form's save)."""
    with store.transaction() as s:
        r = s.get(Resident, rid)
        inp = residents.resident_input_from(r)
        inp.past_diseases = past
        inp.family = {rel: [c for c in codes if c != "8"] for rel, codes in (inp.family or {}).items()}
        for key, value in columns.items():
            setattr(inp, key, value)
        residents.save_resident(s, inp, resident_id=rid, today=TODAY)


def _search_tags(store, name) -> list[str]:
    with store.session() as s:
        return [t for r in search.search_residents(s, name) for t in r.tags]


@pytest.mark.parametrize(
    "device,user,sees",
    [
        ("a", "li", True),
        ("a", "wang", False),
        ("town", "mh", True),
        ("town", "plain", False),
        ("town", "boss", False),
    ],
)
def test_search_worklist_resident_page_and_record(world, device, user, sees):
    store = world[device].store
    _as(store, user)
    try:
        assert ("smi" in _search_tags(store, world["name"])) == sees  # the search list's tags (GUI search)
        with store.session() as s:
            # the chronic worklist never mixes them in; the SMI one (and its counts) only for those who may
            assert not any(i.program == "smi" for i in worklist.worklist(s, "all", today=TODAY))
            assert bool(worklist.worklist(s, "all", program="smi", today=TODAY)) == sees
            late = TODAY.replace(year=2030)
            assert bool(worklist.worklist(s, "overdue", program="smi", today=late)) == sees
            assert worklist.counts(s, late, program="smi")["overdue"] == (1 if sees else 0)
            everyone = worklist.counts(s, late)["under_management"]
            assert (
                everyone
                == worklist.counts(s, late, program="htn")["under_management"]
                + worklist.counts(s, late, program="t2dm")["under_management"]
            )
            page = overview.resident_overview(s, world["pid"], today=TODAY)
            assert any(p.enrolment.program == "smi" for p in page.programmes) == sees
            assert smi.is_registered(s, world["pid"]) == sees
        with store.session() as s:
            if sees:
                assert smi.record_of(s, world["archive"]).registration["guardian_name"] == "监护人"
            else:
                with pytest.raises(UserError):
                    smi.record_of(s, world["archive"])
            with pytest.raises(UserError) if not sees else _nothing():
                smi.record_visit(  # (the day before the world's own visit: one visit a day)
                    s,
                    world["archive"],
                    smi.input_with(visit_date=str(TODAY - dt.timedelta(days=1)), danger="1"),
                    today=TODAY,
                )
            s.rollback()
    finally:
        store.actor = None


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_every_read_of_an_smi_record_is_audited(world):
    store = world["town"].store
    _as(store, "mh")
    try:
        with store.session() as s:
            before = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "read"))
        with store.session() as s:
            smi.record_of(s, world["archive"])
        with store.session() as s:
            after = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "read"))
            who = s.scalar(
                select(AuditEntry.username).where(AuditEntry.action == "read").order_by(AuditEntry.at.desc())
            )
        assert after == before + 1 and who == "mh"
    finally:
        store.actor = None


@pytest.mark.parametrize("user,sees", [("mh", True), ("plain", False), ("boss", False)])
def test_audit_csv_and_report_drill_downs(world, tmp_path, user, sees):
    store = world["town"].store
    _as(store, user)
    try:
        with store.session() as s:
            audit_review.export_csv(s, tmp_path / "audit.csv")
        text = (tmp_path / "audit.csv").read_text(encoding="utf-8-sig")
        assert ("smi_visit" in text) == sees
        with store.session() as s:
            enrolment = s.scalar(select(ProgramEnrolment.id).where(ProgramEnrolment.program == "smi"))
        rows = list(csv.reader(text.splitlines()))
        assert any(r[5] == enrolment.hex for r in rows if len(r) > 5) == sees
        with store.session() as s:
            for key in ("smi_standard", "smi_stable"):
                listed = {e.resident_id for e in REGISTRY[key].compute(s, Period.year(TODAY.year), Scope())}
                assert (world["pid"] in listed) == sees
            # the key-group contract rate names a patient's groups: never 严重精神障碍 to others
            import app.services.indicators.services  # noqa: F401 - declares contract_key_groups

            reasons = [
                e.reason.render()
                for e in REGISTRY["contract_key_groups"].compute(s, Period.year(TODAY.year), Scope())
                if e.resident_id == world["pid"]
            ]
            assert any("严重精神障碍" in r for r in reasons) == sees, reasons
    finally:
        store.actor = None


@pytest.mark.parametrize("device,user", [("a", "wang"), ("town", "plain")])
def test_cli_search_exports_and_prints_name_nothing(world, tmp_path, capsys, device, user):
    d = world[device]
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD, encoding="utf-8")
    who = ["--data-dir", str(d.paths.data_dir), "--user", user, "--password-file", str(pw)]
    assert main([*who, "residents", "search", world["name"], "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found and all("smi" not in r["tags"] for r in found)
    assert main([*who, "smi", "due", "--kind", "all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the SMI worklist from the CLI lists no one
    assert (
        main([*who, "smi", "followup", world["archive"], "--date", TODAY.isoformat(), "--danger", "0"]) == 1
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err
    d.store.actor = accounts.login(d.store, user, PASSWORD)
    try:
        with d.store.session() as s:
            roster.export_residents(s, tmp_path / "out.csv")
        exported = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
        assert world["name"] in exported and "严重精神障碍" not in exported and "专项" not in exported
        from app.services.printing import followup_card

        with d.store.session() as s:
            cards = followup_card.card_data(s, [world["pid"]])
            assert cards and all("smi" not in c.programs for c in cards)
    finally:
        d.store.actor = None


@pytest.mark.sqlite_only
def test_cli_worklist_lists_the_patient_to_the_responsible_doctor(world, tmp_path, capsys):
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD, encoding="utf-8")
    who = ["--data-dir", str(world["a"].paths.data_dir), "--user", "li", "--password-file", str(pw)]

    def reads() -> list[str]:
        with world["a"].store.session() as s:
            q = select(AuditEntry.summary).where(AuditEntry.action == "read", AuditEntry.username == "li")
            return list(s.scalars(q.order_by(AuditEntry.at)))

    before = reads()
    assert main([*who, "smi", "due", "--kind", "all", "--json"]) == 0
    assert [r["archive_no"] for r in json.loads(capsys.readouterr().out)] == [world["archive"]]
    # the patients named by name and number: read, and in the trail as an indicator's list of them is
    assert reads()[len(before) :] == ["smi all: 1"]


def test_sync_carries_smi_rows_to_the_township_and_the_owning_village_only(world):
    def held(store):
        with store.session() as s:
            return (
                s.scalar(select(func.count()).select_from(SmiRegistration)),
                s.scalar(select(func.count()).select_from(SmiVisit)),
                s.scalar(
                    select(func.count())
                    .select_from(ProgramEnrolment)
                    .where(ProgramEnrolment.program == "smi")
                ),
            )

    assert held(world["a"].store) == (1, 1, 1)
    assert held(world["town"].store) == (1, 1, 1)
    assert held(world["b"].store) == (0, 0, 0)
    with world[
        "town"
    ].store.session() as s:  # the township's summary came from the SMI visit, not the HTN ones
        e = s.scalar(select(ProgramEnrolment).where(ProgramEnrolment.program == "smi"))
        assert e.last_visit == TODAY and e.last_classification == 3 and e.sensitive


def test_the_second_village_is_not_in_the_audience_of_a_patient_of_the_first(world):
    from app.models import Peer
    from app.services.sync import exchange

    with world["town"].store.session() as s:
        peers = {p.code: p for p in s.scalars(select(Peer))}
    assert exchange.receives(peers[A], A, False) and not exchange.receives(peers[B], A, False)


@pytest.mark.gui
@pytest.mark.parametrize("user,sees", [("mh", True), ("plain", False)])
def test_gui_search_shows_the_tag_only_to_those_who_may_know(world, gui_app, qtbot, user, sees):
    from PySide6.QtCore import Qt

    from app.views.residents import ResidentsPage

    store = world["town"].store
    _as(store, user)
    try:
        page = ResidentsPage(store, township=True)
        qtbot.addWidget(page)
        page.show()
        page.search.setFocus()
        qtbot.keyClicks(page.search, world["archive"])
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
        column = [k for k, _t in page.model.columns].index("tags")
        tags = page.model.data(page.model.index(0, column), Qt.DisplayRole) or ""
        assert ("专项" in tags) == sees
    finally:
        store.actor = None


# ------------------------------------------------------------------ 既往史 严重精神障碍 (past disease 8)

SMI_WORDS = ("严重精神障碍", "Severe mental disorder")
USERS = [
    ("a", "li", True),
    ("a", "wang", False),
    ("town", "mh", True),
    ("town", "plain", False),
    ("town", "boss", False),
]


@pytest.mark.parametrize("device,user,sees", USERS)
def test_a_hidden_only_box_reads_as_none_ticked(world, tmp_path, device, user, sees):
    """Found by an attacker: a resident whose only past disease is 严重精神障碍 read to others with
    疾病 blank and 手术/外伤/输血 blank (a record never asked) where every other record reads 无: the
    blank named the patient.  It reads 无, as a record asked with nothing ticked; a save of it (as
    it was, or with 无 ticked) keeps the hidden box and reads the same again."""
    from app.services.printing import Labels, personal_record

    store = world[device].store
    rid = world["pid2"]  # past disease 8 alone
    _as(store, user)
    try:
        with store.session() as s:
            inp = residents.form_context(s, rid).initial
            page = overview.resident_overview(s, rid, today=TODAY)
            rows = {x.label: x.value for x in personal_record.record_data(s, rid, Labels()).rows}
        diseases = sorted(inp.past_diseases)
        assert diseases == (["8"] if sees else ["1"])
        assert [c.code for c in page.choices if c.field == "past_disease"] == diseases
        assert rows["手术"] == rows["外伤"] == rows["输血"] == "无"
        if sees:
            return
        for past in (inp.past_diseases, {"1": ""}):  # saved as it was shown; 无 ticked again
            with store.transaction() as s:
                again = residents.form_context(s, rid).initial
                again.past_diseases = past
                residents.save_resident(s, again, resident_id=rid, today=TODAY)
            with store.session() as s:
                assert sorted(residents.form_context(s, rid).initial.past_diseases) == ["1"]
            store.actor = None
            assert [c.code for c in _codes8(store, rid)] == ["8"]  # the box kept
            assert len(_choices(store, rid, "past_disease")) == 1  # and nothing beside it
            _as(store, user)
    finally:
        store.actor = None


def _choices(store, rid, field: str) -> list[ResidentChoice]:
    with store.session() as s:
        return list(
            s.scalars(
                select(ResidentChoice).where(ResidentChoice.resident_id == rid, ResidentChoice.field == field)
            )
        )


def _codes8(store, rid) -> list[ResidentChoice]:
    with store.session() as s:
        return list(
            s.scalars(
                select(ResidentChoice).where(
                    ResidentChoice.resident_id == rid,
                    ResidentChoice.field == "past_disease",
                    ResidentChoice.code == "8",
                )
            )
        )


def _pdf_text(data: bytes, tmp_path) -> str:
    import re
    import subprocess

    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def _xlsx_text(path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row)


def _names_it(text: str) -> bool:
    return any(w.replace(" ", "") in text.replace(" ", "") for w in SMI_WORDS)


@pytest.mark.parametrize("device,user,sees", USERS)
def test_past_history_code8_on_every_read_path(world, tmp_path, device, user, sees):
    """Every read of the 个人基本信息表 as each user: the form (its initial values and whether it
    offers the box), the resident page, search tags, the printed 个人基本信息表 and record cover,
    the residents export (csv and xlsx), the audit CSV, every indicator's drill-down, the review
    queue and the conflicts list."""
    from app.services import printing
    from app.services.printing import Labels, personal_record

    store = world[device].store
    _as(store, user)
    try:
        for rid in (world["pid"], world["pid2"]):
            with store.session() as s:
                ctx = residents.form_context(s, rid)  # the enrolment/edit form
                assert ("8" in ctx.initial.past_diseases) == sees
                assert ctx.sensitive_boxes == sees
                page = overview.resident_overview(s, rid, today=TODAY)  # the resident page
                assert any(c.code == "8" for c in page.choices if c.field == "past_disease") == sees
                r = s.get(Resident, rid)
                shown = [f"{x.label}{x.value}" for x in personal_record.record_data(s, rid, Labels()).rows]
                assert any("严重精神障碍" in t for t in shown) == sees
                record_pdf = printing.record_pdf(s, r.archive_no, Labels())
                cover_pdf = printing.cover_pdf(s, r.archive_no, Labels())
                tags = [t for row in search.search_residents(s, r.name) if row.id == rid for t in row.tags]
            assert _names_it(_pdf_text(record_pdf, tmp_path)) == sees  # the printed form / paper archive
            assert not _names_it(_pdf_text(cover_pdf, tmp_path))  # the cover names no disease to anyone
            assert ("smi" in tags) == (sees and rid == world["pid"])  # a tag only for the enrolment
        assert world["pid"] != world["pid2"]
        with store.session() as s:
            roster.export_residents(s, tmp_path / "out.csv")
            roster.export_residents(s, tmp_path / "out.xlsx")
        csv_text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
        # the roster layout has no past-history column: it names the disorder to no one (and if it
        # gains one, the boxes it reads are the visible ones: roster.export_residents)
        assert world["name"] in csv_text and not _names_it(csv_text)
        assert not _names_it(_xlsx_text(tmp_path / "out.xlsx"))
        with store.session() as s:
            # every indicator's drill-down: no reason names the disorder to those who may not see it
            import app.services.indicators.services  # noqa: F401 - declares the service indicators

            mine = {world["pid"], world["pid2"]}
            reasons = [
                e.reason.render()
                for ind in REGISTRY.values()
                for e in ind.compute(s, Period.year(TODAY.year), Scope())
                if e.resident_id in mine and e.reason is not None
            ]
            assert any(_names_it(t) for t in reasons) == sees, reasons
        if device != "town":
            return
        with store.session() as s:
            audit_review.export_csv(s, tmp_path / "audit.csv")
        assert not _names_it((tmp_path / "audit.csv").read_text(encoding="utf-8-sig"))
        from app.services.quality import review
        from app.services.sync import conflicts

        with store.session() as s:
            items = review.review_queue(s, today=TODAY, kinds=("invalid", "conflict"))
            texts = [i.detail.render() for i in items if i.resident_id == world["pid2"]]
            assert any(_names_it(t) for t in texts) == sees, texts  # its 确诊时间 is refused
            seen = [
                c for c in conflicts.open_conflicts(s) if c.row_id == world["pid"] and c.field == "choices"
            ]
            assert len(seen) == 1
            assert any(row["code"] == "8" for row in seen[0].kept + seen[0].lost) == sees
    finally:
        store.actor = None


@pytest.fixture(scope="module", autouse=True)
def _a_choices_conflict(world):
    """An open conflict on the patient's ticked boxes at the township (what the review queue lists)."""
    rows = [{"field": "past_disease", "code": "8", "note": None, "event_date": "2018-03"}]
    with world["town"].store.transaction() as s:
        s.add(
            SyncConflict(
                kind="field",
                entity="resident",
                row_id=world["pid"],
                field="choices",
                kept_value=json.dumps(rows),
                lost_value=json.dumps(
                    [{"field": "past_disease", "code": "2", "note": None, "event_date": None}]
                ),
            )
        )


def test_code8_rows_travel_only_where_they_may_be_seen(world):
    """The boxes are children of the resident row: the township and the owning village hold them,
    the second village nothing (as for the SMI records themselves)."""
    for device, n in (("a", 1), ("town", 1), ("b", 0)):
        assert len(_codes8(world[device].store, world["pid"])) == n
        assert len(_codes8(world[device].store, world["pid2"])) == n


@pytest.mark.sqlite_only
def test_an_unauthorised_save_keeps_the_code8_row(world):
    """王医生 edits the record through the form's save (and the CLI's correction): the box they do not
    see stays, with its date; a 无 they tick beside it is dropped, not saved as a contradiction."""
    store = world["a"].store
    before = {(c.code, c.event_date) for c in _codes8(store, world["pid2"])}
    _as(store, "wang")
    try:
        with store.transaction() as s:
            inp = residents.resident_input_from(s.get(Resident, world["pid2"]))
            assert "8" not in inp.past_diseases
            inp.past_diseases = {"1": ""}  # 无, as far as they can see
            inp.phone = "13900001111"
            residents.save_resident(s, inp, resident_id=world["pid2"], today=TODAY)
        with store.transaction() as s:
            residents.correct_resident(s, world["archive"], {"phone": "13900002222"})
    finally:
        store.actor = None
    assert {(c.code, c.event_date) for c in _codes8(store, world["pid2"])} == before
    assert len(_codes8(store, world["pid"])) == 1
    with store.session() as s:
        r = s.get(Resident, world["pid2"])
        assert r.phone == "13900001111"
        assert sorted(r.choice_codes("past_disease")) == ["8"]  # not 无 beside it
        assert sorted(s.get(Resident, world["pid"]).choice_codes("past_disease")) == ["2", "8"]


@pytest.mark.sqlite_only
def test_a_village_doctor_cannot_make_themselves_responsible_for_another_s_record(world):
    """The record's responsible doctor sees its 既往史 严重精神障碍 box: 王医生 setting themselves
    there would see 李医生's patient.  A village doctor hands on only their own records; the
    refusal reads the same for a record with the box and for one without (it tells nothing), and
    changes nothing."""
    store = world["a"].store
    with store.session() as s:
        ids = s.scalars(select(Resident.id).order_by(Resident.archive_no)).all()
    plain, own = ids[2], ids[3]  # a record of the demo's doctor (no box); one of 李医生's
    with store.transaction() as s:
        s.get(Resident, own).responsible_doctor = "李医生"
        s.get(Resident, plain).responsible_doctor = None  # nobody's: the township assigns it
    said = {}
    _as(store, "wang")
    try:
        for rid in (world["pid2"], plain):
            with store.transaction() as s:
                archive = s.get(Resident, rid).archive_no
            with pytest.raises(authz.PermissionDenied) as refused, store.transaction() as s:
                residents.correct_resident(s, archive, {"responsible_doctor": "王医生"})
            with store.session() as s:
                said[rid] = refused.value.render().replace(s.get(Resident, rid).name, "…")
        with store.session() as s:
            assert not sensitive.may_see(s, s.get(Resident, world["pid2"]))
    finally:
        store.actor = None
    assert said[world["pid2"]] == said[plain], said
    with store.session() as s:
        assert s.get(Resident, world["pid2"]).responsible_doctor == "李医生"
        assert s.get(Resident, plain).responsible_doctor is None
        own_archive = s.get(Resident, own).archive_no
    _as(store, "li")  # 李医生 hands their own record on
    try:
        with store.transaction() as s:
            residents.correct_resident(s, own_archive, {"responsible_doctor": "王医生"})
    finally:
        store.actor = None
    with store.session() as s:
        assert s.get(Resident, own).responsible_doctor == "王医生"


@pytest.mark.gui
@pytest.mark.parametrize("user,sees", [("li", True), ("wang", False)])
@pytest.mark.sqlite_only
def test_the_edit_form_offers_the_box_only_to_those_who_may_see_it(world, gui_app, qtbot, user, sees):
    from app.views.enrolment_form import EnrolmentDialog

    store = world["a"].store
    _as(store, user)
    try:
        dialog = EnrolmentDialog(store, resident_id=world["pid"])
        qtbot.addWidget(dialog)
        checks = dialog.form.disease_checks
        assert ("8" in checks) == sees
        assert not any("严重精神障碍" in b.text() for b in checks.values()) or sees
        if sees:
            assert checks["8"].isChecked()
        assert checks["2"].isChecked()
        dialog.form.disease_dates["2"].setText("2015-07")
        assert dialog.save()
    finally:
        store.actor = None
    assert len(_codes8(store, world["pid"])) == 1  # kept by a save of a form that never showed it
    with store.session() as s:
        got = {
            c.code: c.event_date for c in s.get(Resident, world["pid"]).choices if c.field == "past_disease"
        }
    assert got == {"2": "2015-07", "8": "2018-03"}


@pytest.mark.sqlite_only
def test_a_referral_of_the_programme_is_listed_only_to_those_who_may_know(world):
    """开转诊单 from the 专项随访 form makes a referral of programme ``smi``: the referral lists, the
    review queue's overdue referrals and the slip know it only for those who see the programme."""
    from app.services import printing
    from app.services.printing import Labels
    from app.services.programmes import referral

    store = world["a"].store
    _as(store, "li")
    try:
        with store.transaction() as s:
            made = referral.create_referral(
                s,
                referral.ReferralInput(
                    resident_id=world["pid"],
                    program="smi",
                    to_institution="县精神卫生中心",
                    impression="专项随访（不稳定）",
                    issued_on=TODAY.isoformat(),
                    issued_by="李医生",
                ),
                today=TODAY,
            ).id
    finally:
        store.actor = None
    for user, sees in (("li", True), ("wang", False)):
        _as(store, user)
        try:
            with store.session() as s:
                listed = [r.id for r in referral.list_referrals(s, today=TODAY)]
                assert (made in listed) == sees
                assert (made in [r.id for r in referral.open_referrals(s)]) == sees
                assert (made in [r.id for r in referral.list_referrals(s, resident_id=world["pid"])]) == sees
                if sees:
                    assert printing.referral_pdf(s, made, Labels())
                else:
                    with pytest.raises(UserError):
                        referral.find_referral(s, made)
                    with pytest.raises(UserError):
                        printing.referral_pdf(s, made, Labels())
            # a second referral to the same place that day was refused for the hidden one, naming
            # it and its id; for one who may not know, there is none (nothing is kept: a session)
            with store.session() as s:
                second = referral.ReferralInput(
                    resident_id=world["pid"],
                    to_institution="县精神卫生中心",
                    impression="头痛",
                    issued_on=TODAY.isoformat(),
                    issued_by="王医生",
                )
                if sees:
                    with pytest.raises(referral.DuplicateReferral):
                        referral.create_referral(s, second, today=TODAY)
                else:
                    assert referral.create_referral(s, second, today=TODAY).id != made
                s.rollback()
        finally:
            store.actor = None
    # the trail holds its making and its print; an admin, who may not know of the patient, reads
    # neither (a referral found nowhere else but in the trail named its resident a patient)
    with store.transaction() as s:
        accounts.create_user(s, "va_admin", PASSWORD, "admin", display_name="村管理员")
    with store.session() as s:
        about = {
            (e.action, e.entity)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.entity_id == made.hex))
        }
    assert {("create", "referral"), ("print", "referral")} <= about
    _as(store, "va_admin")
    try:
        with store.session() as s:
            shown = audit_review.query(s, audit_review.AuditFilter(limit=None))
            assert shown and made.hex not in {e.entity_id for e in shown}
    finally:
        store.actor = None


@pytest.mark.sqlite_only
def test_the_smi_due_list_says_when_a_visit_is_due_not_overdue_by_0_days():
    from app.cli.smi import _when

    assert [_when(3), _when(0), _when(-5)] == ["逾期3天", "今天到期", "5天后到期"]


@pytest.mark.parametrize(("device", "user"), [("a", "wang"), ("town", "plain"), ("town", "boss")])
def test_a_refusal_says_the_same_for_a_patient_and_for_anyone_else(world, device, user):
    """ "没有权限查看档案：X" for a patient against "X没有严重精神障碍管理记录" for anyone else told
    whoever asked which residents are patients; registering another doctor's patient said "已登记"."""
    from app.services.errors import UserError

    store = world[device].store
    with store.session() as s:
        other = s.scalars(
            select(Resident).where(Resident.id != world["pid"]).order_by(Resident.archive_no)
        ).all()[-1]
        other_ref, other_name = other.archive_no, other.name
    _as(store, user)
    try:
        answers = {}
        for ref, name in ((world["archive"], world["name"]), (other_ref, other_name)):
            with store.session() as s, pytest.raises(UserError) as refused:
                smi.record_of(s, ref)
            answers[ref] = refused.value.render().replace(name, "X")
        assert answers[world["archive"]] == answers[other_ref] == "X没有严重精神障碍管理记录"
        if user == "wang":
            with store.transaction() as s, pytest.raises(UserError) as refused:
                smi.register(
                    s, world["archive"], smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY
                )
            assert "已登记" not in refused.value.render() and "联系" in refused.value.render()
            # a wrong diagnosis code is said alike for the patient and for anyone else (the
            # "请与…联系" came before the form's errors: a code no form takes listed the patients)
            said = {}
            for ref, name in ((world["archive"], world["name"]), (other_ref, other_name)):
                with store.transaction() as s, pytest.raises(UserError) as refused:
                    smi.register(s, ref, smi.SmiRegistrationInput(diagnosis="99", consent="1"), today=TODAY)
                said[ref] = refused.value.render().replace(name, "X")
            assert said[world["archive"]] == said[other_ref], said
            # and a valid registration: another doctor's resident is refused in the same words as
            # another doctor's patient (registering it answered "is X a patient?", and made a record)
            # a record nobody holds likewise: registered, it would be theirs to read (its 既往史 box)
            with store.session() as s:
                nobody = s.scalars(select(Resident).order_by(Resident.archive_no)).all()[-2]
                assert nobody.id not in (other.id, world["pid"])
            store.actor = None
            with store.transaction() as s:
                s.get(Resident, nobody.id).responsible_doctor = None
            _as(store, user)
            said = {}
            tried = (
                (world["archive"], world["name"]),
                (other_ref, other_name),
                (nobody.archive_no, nobody.name),
            )
            for ref, name in tried:
                with store.transaction() as s, pytest.raises(UserError) as refused:
                    smi.register(s, ref, smi.SmiRegistrationInput(diagnosis="1", consent="0"), today=TODAY)
                said[ref] = refused.value.render().replace(name, "X")
            assert set(said.values()) == {"不能为X登记：请与乡镇卫生院精神卫生负责人联系"}, said
            with store.session() as s:  # nothing made
                assert smi.enrolment_of(s, other.id) is None and smi.enrolment_of(s, nobody.id) is None
    finally:
        store.actor = None


def test_the_audit_hides_prints_and_refusals_that_name_a_patient(world):
    """A print of an SMI form and a refused read of an SMI record are listed to those who may see
    SMI records, not to the admin or staff without the right (they named the patient)."""
    import uuid

    from app.services.access import audit_review
    from app.services.errors import UserError
    from app.services.printing import Labels, smi_forms

    store = world["town"].store
    _as(store, "mh")
    try:
        with store.transaction() as s:
            record = smi.record_of(s, world["archive"])
            smi_forms.visit_pdf(s, uuid.UUID(record.visits[0]["id"]), Labels())
    finally:
        store.actor = None
    _as(store, "plain")
    try:
        with store.transaction() as s, pytest.raises(UserError):
            smi.record_of(s, world["archive"])
    finally:
        store.actor = None

    def listed(user):
        _as(store, user)
        try:
            with store.session() as s:
                return [
                    (e.action, e.summary)
                    for e in audit_review.query(s)
                    if e.action in ("print", "denied")
                    and (world["name"] in (e.summary or "") or "smi_visit" in (e.summary or ""))
                ]
        finally:
            store.actor = None

    seen = listed("mh")
    assert any(a == "print" for a, _ in seen) and any(a == "denied" for a, _ in seen), seen
    assert listed("boss") == [] and listed("plain") == []


@contextlib.contextmanager
def _contract_of_packages(world, packages: list[str]):
    """The patient's contract (one made if there is none) with ``packages`` for the ``with``; its
    own packages given back after."""
    from app.models import FamilyContract
    from app.services.programmes import contracts

    store = world["a"].store
    with store.transaction() as s:
        c = s.scalars(select(FamilyContract).where(FamilyContract.resident_id == world["pid"])).first()
        if c is None:
            (c,), _ = contracts.add_contract(
                s, world["archive"], doctor="李医生", packages="basic", start="2026-11-01"
            )
        cid, before = c.id, list(c.packages)
        c.packages = packages
    try:
        yield cid
    finally:
        with store.transaction() as s:
            s.get(FamilyContract, cid).packages = before


@pytest.mark.sqlite_only
def test_the_smi_package_names_no_patient(world):
    """严重精神障碍包 showed on every contract list and agreement, to anyone."""
    from app.services.printing import contract_form
    from app.services.programmes import contracts

    store = world["a"].store

    def packages(user, cid):
        _as(store, user)
        try:
            with store.session() as s:
                listed = {r.id: r.packages for r in contracts.list_contracts(s)}[cid]
                return listed, contract_form.agreement_data(s, cid).packages
        finally:
            store.actor = None

    with _contract_of_packages(world, ["basic", "smi"]) as cid:
        assert packages("li", cid) == (("basic", "smi"), ("basic", "smi"))
        assert packages("wang", cid) == (("basic",), ("basic",))


@pytest.mark.sqlite_only
def test_a_contract_of_the_smi_package_alone_is_not_there_for_whoever_may_not_see_it(world):
    """A contract whose only package was 严重精神障碍包 was listed to everyone with no package (a
    contract has at least one: a tell-tale), printed, and could be ended or renewed by them."""
    from app.services.errors import NotFound
    from app.services.printing import contract_form
    from app.services.programmes import contracts

    store = world["a"].store

    def tried(user, cid):
        _as(store, user)
        try:
            with store.session() as s:
                listed = cid in {r.id for r in contracts.list_contracts(s)}
                mine = cid in {r.id for r in contracts.list_contracts(s, resident_ref=world["archive"])}
                out = [listed, mine]
                for act in (
                    lambda: contract_form.agreement_data(s, cid),
                    lambda: contracts.end_contract(s, cid, "测试"),
                    lambda: contracts.renew_contract(s, cid),
                    lambda: contracts.mark_signed(s, cid),
                    lambda: contracts.edit_contract(s, cid, doctor="王医生"),
                ):
                    try:
                        act()
                        out.append("done")
                    except NotFound as e:
                        out.append(e.message.render())
                    except UserError:
                        out.append("refused otherwise")
                s.rollback()
                return out
        finally:
            store.actor = None

    with _contract_of_packages(world, ["smi"]) as cid:
        seen = tried("li", cid)
        assert seen[:3] == [True, True, "done"] and "找不到签约记录" not in str(seen), seen
        missing = f"找不到签约记录：{cid}"
        assert tried("wang", cid) == [False, False, missing, missing, missing, missing, missing]


@pytest.mark.sqlite_only
def test_a_correction_by_whoever_may_not_see_the_smi_package_keeps_it(world):
    """修改 by a doctor who may not see the patient's 严重精神障碍 record: the form shows him the
    packages he may see, and saving them does not drop the one he could not (nor tell him of it)."""
    from app.services.programmes import contracts

    store = world["a"].store
    with _contract_of_packages(world, ["basic", "smi"]) as cid:
        _as(store, "wang")
        try:
            with store.session() as s:
                (row,) = [r for r in contracts.list_contracts(s) if r.id == cid]
                assert row.packages == ("basic",)
                c = contracts.edit_contract(s, cid, doctor="王医生", packages=list(row.packages))
                assert (c.doctor, c.packages) == ("王医生", ["basic", "smi"])
                s.rollback()
        finally:
            store.actor = None


@pytest.mark.sqlite_only
def test_the_record_and_its_page_name_a_contract_only_to_whoever_may_see_it(world):
    """Found by the attacker: the 个人基本信息表's new 家庭医生签约 row (and the resident page's)
    read the resident's mirrored columns, which name a contract of the 严重精神障碍包 alone: a doctor
    whose 签约 list shows the patient no contract printed "签约医生 …，… 至 …" (one only a
    patient's is hidden from him).  They say the contract the user may see, or 未签约."""
    from app.services.printing import Labels, personal_record

    store = world["a"].store

    def said(user):
        _as(store, user)
        try:
            with store.session() as s:
                rows = personal_record.record_data(s, world["pid"], Labels()).rows
                page = overview.resident_overview(s, world["pid"], TODAY)
                return next(r.value for r in rows if r.label == "家庭医生签约"), page.contract is not None
        finally:
            store.actor = None

    with _contract_of_packages(world, ["smi"]):
        printed, shown = said("li")
        assert printed.startswith("签约医生 ") and shown, printed
        assert said("wang") == ("未签约", False)
    with _contract_of_packages(world, ["basic", "smi"]):
        wang, shown = said("wang")  # (its 基础包 is his to see; its 严重精神障碍包 is not)
        assert shown and wang.startswith("签约医生 ") and "基础包" in wang and "精神" not in wang, wang
        assert "严重精神障碍包" in said("li")[0]


def _free_day(world, store):
    """A day of the patient's record's life that nothing of theirs is dated (other tests of this
    module add follow-ups, referrals … on days of their own)."""
    from app.models import ElderlyCheck, FollowupVisit, Referral, Resident

    with store.session() as s:
        taken = {
            d
            for model, column in (
                (FollowupVisit, FollowupVisit.visit_date),
                (ElderlyCheck, ElderlyCheck.check_date),
                (Referral, Referral.issued_on),
                (SmiVisit, SmiVisit.visit_date),
            )
            for d in s.scalars(select(column).where(model.resident_id == world["pid"]))
        }
        since = s.get(Resident, world["pid"]).enrolled_on
    return next(d for n in range(1, 400) if (d := TODAY - dt.timedelta(days=n)) not in taken and d >= since)


def _record_use_with(world, store, user, row_of):
    """(counted, reason) of the patient's record in 健康档案使用率 on a free day, as ``user`` sees it,
    with the row ``row_of(session, day)`` added that day (in the reading session, never committed)."""
    from app.services.indicators import engine

    day = _free_day(world, store)
    _as(store, user)
    try:
        with store.session() as s:
            s.add(row_of(s, day))
            s.flush()
            lines = engine.drilldown(s, "record_use", Period(day, day), "denominator")
            s.rollback()
    finally:
        store.actor = None
    line = next(line for line in lines if line.resident_id == world["pid"])
    return line.counted, str(line.reason)


def _smi_visit(world):
    def row(s, day):
        enrolment = s.scalar(
            select(ProgramEnrolment.id).where(
                ProgramEnrolment.resident_id == world["pid"], ProgramEnrolment.program == "smi"
            )
        )
        return SmiVisit(enrolment_id=enrolment, resident_id=world["pid"], visit_date=day, outcome="done")

    return row


@pytest.mark.parametrize("user,may_know", [("plain", False), ("mh", True)])
def test_an_smi_visit_uses_the_record_only_for_those_who_may_know_of_it(world, user, may_know):
    """健康档案使用率 counts the patient's 严重精神障碍 follow-up as a service entry — for those who may
    know the patient is registered; for anyone else the record reads as if the visit were not
    there (the report says it leaves SMI patients out)."""
    counted, reason = _record_use_with(world, world["town"].store, user, _smi_visit(world))
    assert (counted, "严重精神障碍" in reason) == (may_know, may_know), reason


@pytest.mark.sqlite_only  # a village's store is SQLite
@pytest.mark.parametrize("user,may_know", [("li", True), ("wang", False)])
def test_an_smi_visit_uses_the_record_for_its_doctor_only(world, user, may_know):
    counted, reason = _record_use_with(world, world["a"].store, user, _smi_visit(world))
    assert (counted, "严重精神障碍" in reason) == (may_know, may_know), reason


@pytest.mark.parametrize("user,may_know", [("plain", False), ("mh", True)])
def test_an_smi_referral_uses_the_record_only_for_those_who_may_know_of_it(world, user, may_know):
    """The patient's referral for 严重精神障碍 read "有转诊记录" in 健康档案使用率 for a user whose
    referral list leaves it out: it counts only for those who may know of the patient."""
    from app.models import Referral

    def referral(_s, day):
        return Referral(
            resident_id=world["pid"], to_institution="县精神卫生中心", issued_on=day, program="smi"
        )

    counted, reason = _record_use_with(world, world["town"].store, user, referral)
    assert (counted, "转诊" in reason) == (may_know, may_know), reason


@pytest.mark.parametrize("user,withheld", [("plain", True), ("mh", False)])
def test_a_report_says_when_it_leaves_smi_patients_out(world, tmp_path, capsys, user, withheld):
    """重点人群签约率 read 600/926 for one user and 600/916 for another, with nothing to say why: a
    report by a user who may not see SMI patients says so, on the screen's data, the CLI's JSON,
    the PDF and the workbook (never which patients, nor how many), and names the indicators that
    differ: 健康档案使用率 too (an SMI follow-up makes a record used), not 建档率."""
    from app.services.indicators import engine, output
    from tests.test_printing import flat, pdf_text

    store = world["town"].store
    _as(store, user)
    try:
        with store.session() as s:
            report = engine.evaluate(
                s,
                Period.year(TODAY.year),
                keys=["records", "record_use", "smi_standard", "contract_key_groups"],
            )
            pdf = output.summary_pdf(s, report)
            book = output.write_workbook(s, report, tmp_path / "book.xlsx")
    finally:
        store.actor = None
    assert report.withheld is withheld
    assert output.report_data(report)["smi_withheld"] is withheld
    note = output.withheld_note(report)
    assert output.report_data(report)["withheld_note"] == note
    if not withheld:
        assert note is None
        note = output.withheld_note(dataclasses.replace(report, withheld=True))  # what is not said
    else:
        named = note.split("所见不同：")[1].split("。")[0].split("、")
        assert named == ["健康档案使用率", "严重精神障碍患者规范管理率", "重点人群家庭医生签约率"]
        assert note.endswith("完整的表须由有“精神卫生”权限的人员制作（由管理员在“用户”页授予）")  # who can
    said = flat(note)
    text = flat(pdf_text(pdf, tmp_path))
    assert (said in text) is withheld
    # the indicator of those patients only reads 无权查看 (its 0 / 0 read as "no patients")
    assert output.report_data(report)["indicators"][2]["unseen"] is withheld
    assert ("严重精神障碍患者规范管理率无权查看无权查看无权查看" in text) is withheld
    from openpyxl import load_workbook

    first = load_workbook(book).worksheets[0]
    assert (said in flat(str(first.cell(row=2, column=1).value))) is withheld
    smi_row = next(r for r in first.iter_rows(values_only=True) if r[1] == "严重精神障碍患者规范管理率")
    assert (set(smi_row[2:5]) == {"无权查看"}) is withheld, smi_row
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD, encoding="utf-8")
    who = ["--data-dir", str(world["town"].paths.data_dir), "--user", user, "--password-file", str(pw)]
    capsys.readouterr()
    assert main([*who, "report", "indicators", "--year", str(TODAY.year)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("严重精神障碍患者规范管理率"))
    assert line.endswith("无权查看") is withheld, line
    # nor 0 / 0 in the JSON (null: not known to this reader), nor a list of nobody
    assert main([*who, "report", "indicators", "--year", str(TODAY.year), "--json"]) == 0
    smi = next(i for i in json.loads(capsys.readouterr().out)["indicators"] if i["key"] == "smi_standard")
    figures = [smi, *smi["villages"], *smi["townships"], *smi["groups"]]
    assert all(f["numerator"] is None for f in figures) is withheld, smi
    listed = main(
        [*who, "report", "indicators", "--year", str(TODAY.year), "--list", "denominator"]
        + ["--indicator", "smi_standard"]
    )
    said = capsys.readouterr()
    assert (listed == 1 and "无权查看这类患者" in said.err) is withheld, said
    sheet = next(
        ws for ws in load_workbook(book).worksheets if ws.title.endswith("严重精神障碍患者规范管理率")
    )
    assert str(sheet.cell(row=1, column=1).value).endswith("无权查看") is withheld


def test_a_record_handed_on_takes_its_programmes_to_the_new_doctor(store, person):
    """钱医生 hands a patient's record to 王医生: the 严重精神障碍 (and 高血压) management 钱医生 held goes
    with it — 王医生 follows the patient, 钱医生 no longer reads the record; an enrolment another
    doctor holds stays theirs."""
    from app.services.programmes import followup

    with store.transaction() as s:
        accounts.create_user(s, "qian", PASSWORD, "village_doctor", display_name="钱医生")
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
        r = residents.save_resident(
            s,
            person(responsible_doctor="钱医生", id_number="", sex="2", birth_date="1970-05-01"),
            today=TODAY,
        )
        archive = r.archive_no
        smi.register(s, archive, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        followup.start_management(s, archive, "htn", today=TODAY)
        t2dm = followup.start_management(s, archive, "t2dm", today=TODAY)
        t2dm.responsible_doctor = "赵医生"
    _as(store, "qian")
    try:
        with store.transaction() as s:
            residents.correct_resident(s, archive, {"responsible_doctor": "王医生"})
        with pytest.raises(UserError, match="没有严重精神障碍管理记录"), store.transaction() as s:
            smi.record_visit(s, archive, smi.input_with(visit_date="2026-11-10", danger="0"), today=TODAY)
    finally:
        store.actor = None
    _as(store, "wang")
    try:
        with store.transaction() as s:
            smi.record_visit(s, archive, smi.input_with(visit_date="2026-11-10", danger="0"), today=TODAY)
    finally:
        store.actor = None
    with store.session() as s:
        held = dict(s.execute(select(ProgramEnrolment.program, ProgramEnrolment.responsible_doctor)).all())
    assert held == {"smi": "王医生", "htn": "王医生", "t2dm": "赵医生"}, held
    # 责任医生 may name the doctor by their account (qian) while the enrolment they made names them
    # as on the forms (钱医生): handed on all the same
    with store.transaction() as s:
        r2 = residents.save_resident(
            s, person(responsible_doctor="qian", id_number="", sex="1", birth_date="1965-02-03"), today=TODAY
        )
        second = r2.archive_no
    _as(store, "qian")
    try:
        with store.transaction() as s:
            smi.register(s, second, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        with store.transaction() as s:
            residents.correct_resident(s, second, {"responsible_doctor": "王医生"})
    finally:
        store.actor = None
    with store.session() as s:
        assert smi.enrolment_of(s, r2.id).responsible_doctor == "王医生"


def test_a_record_is_handed_only_to_a_doctor_of_the_village_and_takes_its_smi_patient_along(store, person):
    """A record handed to 王医牛 (a slip for 王医生) left its 严重精神障碍 patient to nobody in the
    village; an administrator handing a leaving doctor's records on (who may not see that
    programme) left it with the leaving doctor, and nobody once the account closed.  On a village
    PC a record is handed only to a doctor of the village (an active account, or a name of 设置's
    list), with the same refusal for every record (it tells nothing of what the record holds), and
    its programmes go with it, whoever hands it on."""
    from app.services.errors import ValidationError
    from app.services.institution import InstitutionInput, save_institution
    from app.services.programmes import followup

    with store.transaction() as s:
        accounts.create_user(s, "qian", PASSWORD, "village_doctor", display_name="钱医生")
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
        accounts.create_user(s, "gone", PASSWORD, "village_doctor", display_name="孙医生")
        accounts.create_user(s, "boss", PASSWORD, "admin", display_name="管理员")
        accounts.deactivate(s, "gone")
        save_institution(s, InstitutionInput(institution="向阳村卫生室", doctors="赵医生"))
        r = residents.save_resident(
            s,
            person(responsible_doctor="钱医生", id_number="", sex="2", birth_date="1970-05-01"),
            today=TODAY,
        )
        archive = r.archive_no
        plain = residents.save_resident(
            s,
            person(responsible_doctor="钱医生", id_number="", name="李四", sex="1", birth_date="1960-01-02"),
            today=TODAY,
        ).archive_no
        smi.register(s, archive, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        followup.start_management(s, archive, "htn", today=TODAY)

    def held():
        with store.session() as s:
            doctor = s.scalar(select(Resident.responsible_doctor).where(Resident.archive_no == archive))
            rows = s.execute(select(ProgramEnrolment.program, ProgramEnrolment.responsible_doctor)).all()
            return doctor, dict(rows)

    said = {}
    for user in ("qian", "boss"):
        _as(store, user)
        try:
            for slip in ("王医牛", "孙医生", "boss"):  # no such doctor; a closed account; not a doctor
                for record in (archive, plain):
                    with pytest.raises(ValidationError) as refused, store.transaction() as s:
                        residents.correct_resident(s, record, {"responsible_doctor": slip})
                    assert refused.value.errors[0].field == "responsible_doctor"
                    said.setdefault((user, slip), set()).add(refused.value.render())
                    assert held() == ("钱医生", {"smi": "钱医生", "htn": "钱医生"})
        finally:
            store.actor = None
    assert all(len(texts) == 1 and slip in next(iter(texts)) for (_u, slip), texts in said.items())
    _as(store, "boss")  # 钱医生 leaves: the administrator hands the record on, then closes the account
    try:
        with store.transaction() as s:
            residents.correct_resident(s, archive, {"responsible_doctor": "王医生"})
        with store.transaction() as s:
            accounts.deactivate(s, "qian")
    finally:
        store.actor = None
    assert held() == ("王医生", {"smi": "王医生", "htn": "王医生"})
    _as(store, "wang")  # who follows the patient now, and may hand the record to a listed doctor
    try:
        with store.transaction() as s:
            smi.record_visit(s, archive, smi.input_with(visit_date="2026-11-10", danger="0"), today=TODAY)
        with store.transaction() as s:
            residents.correct_resident(s, archive, {"responsible_doctor": "赵医生"})
    finally:
        store.actor = None
    assert held() == ("赵医生", {"smi": "赵医生", "htn": "赵医生"})


def test_a_doctors_name_with_another_middle_dot_is_the_same_doctor(store, person):
    """阿依·买买提 typed with the dot a keyboard or an input method gives (•, ・, ．, ‧): the record's
    责任医生 is her account and her name on 设置's list, spelled one way (·), so she is handed the
    record and reads its 严重精神障碍 patient; a list name typed with another dot matches too."""
    from app.services.institution import InstitutionInput, doctor_names, save_institution

    with store.transaction() as s:
        accounts.create_user(s, "ayi", PASSWORD, "village_doctor", display_name="阿依•买买提")
        accounts.create_user(s, "qian", PASSWORD, "village_doctor", display_name="钱医生")
        save_institution(s, InstitutionInput(institution="向阳村卫生室", doctors="热依拉・阿不都 赵医生"))
        archive = residents.save_resident(
            s,
            person(responsible_doctor="钱医生", id_number="", sex="2", birth_date="1970-05-01"),
            today=TODAY,
        ).archive_no
        smi.register(s, archive, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
        assert set(doctor_names(s)) >= {"阿依·买买提", "热依拉·阿不都"}
    _as(store, "qian")
    try:
        with store.transaction() as s:
            residents.correct_resident(s, archive, {"responsible_doctor": "阿依 ‧ 买买提"})
    finally:
        store.actor = None
    with store.session() as s:
        r = s.scalar(select(Resident).where(Resident.archive_no == archive))
        assert r.responsible_doctor == "阿依·买买提"
        assert smi.enrolment_of(s, r.id).responsible_doctor == "阿依·买买提"
    _as(store, "ayi")
    try:
        with store.transaction() as s:
            smi.record_visit(s, archive, smi.input_with(visit_date="2026-11-10", danger="0"), today=TODAY)
        with store.transaction() as s:
            residents.correct_resident(s, archive, {"responsible_doctor": "热依拉．阿不都"})
    finally:
        store.actor = None
    with store.session() as s:
        assert s.scalar(select(Resident.responsible_doctor).where(Resident.archive_no == archive)) == (
            "热依拉·阿不都"
        )


@pytest.mark.sqlite_only
def test_the_smi_package_is_signed_only_by_whom_may_see_the_patient(world):
    """A doctor who may not see 严重精神障碍 patients put 严重精神障碍包 on anyone's contract: saved,
    counted in the county's figures, hidden from them and left off the agreement they printed.  The
    package is for a patient under management, signed by whom may see them; refused in the same
    words for a resident who is no patient, so nothing is told.  (Nothing here is kept: the world
    is the module's.)"""
    from app.models import FamilyContract
    from app.services.errors import UserError
    from app.services.programmes import contracts

    class Undo(Exception):
        pass

    def sign(s, ref, rid):
        s.execute(  # (the demo's contract, if any, out of the way: in this transaction only)
            update(FamilyContract).where(FamilyContract.resident_id == rid).values(status="ended")
        )
        return contracts.add_contract(s, ref, doctor="李医生", packages="basic,smi", start=TODAY)

    store, archive = world["a"].store, world["archive"]
    with store.session() as s:
        other = s.scalars(select(Resident.archive_no).where(Resident.id == world["pid2"])).one()
    try:
        for user, ref, rid in (("wang", archive, world["pid"]), ("li", other, world["pid2"])):
            _as(store, user)
            with pytest.raises(UserError) as refused, store.transaction() as s:
                sign(s, ref, rid)
            assert "严重精神障碍包只能签给您负责管理的严重精神障碍患者" in refused.value.render(), user
        _as(store, "li")  # the patient's own doctor
        with pytest.raises(Undo), store.transaction() as s:
            (made,), _ = sign(s, archive, world["pid"])
            assert made.packages == ["basic", "smi"]
            raise Undo
    finally:
        store.actor = None


def test_a_list_of_smi_patients_is_an_audited_read(world, tmp_path, capsys):
    """`report indicators --list numerator --indicator smi_standard` named the patients to a user
    who may see them, and the audit trail said nothing ("every read audited"); one record of them
    opened was.  A list that may name them is a read, audited with who read it."""
    from app.models import AuditEntry

    def reads(store) -> int:
        with store.session() as s:
            return len(
                s.scalars(
                    select(AuditEntry.id).where(AuditEntry.action == "read", AuditEntry.username == "mh")
                ).all()
            )

    town = world["town"]
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD, encoding="utf-8")
    before = reads(town.store)
    who = ["--data-dir", str(town.paths.data_dir), "--user", "mh", "--password-file", str(pw)]
    args = [
        "report",
        "indicators",
        "--year",
        str(TODAY.year),
        "--list",
        "denominator",
        "--indicator",
        "smi_standard",
    ]
    assert main([*who, *args]) == 0
    assert world["name"] in capsys.readouterr().out
    assert reads(town.store) == before + 1


@pytest.mark.sqlite_only  # a village's store is SQLite
@pytest.mark.parametrize(("user", "sees"), [("li", True), ("wang", False)])
def test_a_poverty_plan_of_a_patient_is_read_only_by_those_who_may_know(world, tmp_path, user, sees):
    """Found: the 一患一策 of a patient in a poor household, whose 疾病 the doctor typed (精神分裂症:
    the default leaves the programme out), was listed, exported and printed to everyone who sees
    poverty work.  It is now read as the programme's records are."""
    from app.services.printing import Labels, poverty_sheet
    from app.services.programmes import poverty
    from app.services.sync.capture import trusted_today

    store = world["a"].store
    with store.session() as s:
        made = poverty.plan_rows(s)  # (as the system: a second parameter finds the plan made)
    if not any(r["archive_no"] == world["archive"] for r in made):
        _as(store, "li")
        try:
            with store.transaction() as s:
                poverty.set_household(
                    s, world["archive"], status="registered", cause="illness", registered_on="2026-01-05"
                )
            with store.transaction() as s:
                poverty.add_plan(
                    s, world["archive"], track="chronic", measures="按时服用氯氮平，每月随访",
                    review=trusted_today(s) + dt.timedelta(days=3), condition="精神分裂症",
                )  # fmt: skip
        finally:
            store.actor = None
    _as(store, user)
    try:
        with store.session() as s:
            rows = [r for r in poverty.plan_rows(s) if r["archive_no"] == world["archive"]]
            due = [
                w.detail
                for w in poverty.workbench(s, trusted_today(s)).plans_due
                if w.archive_no == world["archive"]
            ]
            sheet = poverty_sheet.household_pdf(s, world["archive"], Labels(), today=TODAY)
        path = tmp_path / "plans.xlsx"
        with store.session() as s:
            poverty.export_plans(s, path)
    finally:
        store.actor = None
    (tmp_path / "sheet.pdf").write_bytes(sheet)
    printed = subprocess.run(
        ["pdftotext", str(tmp_path / "sheet.pdf"), "-"], capture_output=True, text=True
    ).stdout
    exported = "".join(str(c.value) for row in openpyxl.load_workbook(path).active.iter_rows() for c in row)
    for shown in ("".join(r["condition"] + r["measures"] for r in rows), "".join(due), printed, exported):
        assert ("精神分裂症" in shown) is sees and ("氯氮平" in shown or "精神分裂症" in shown) is sees


def test_a_decision_on_a_patients_record_is_read_as_the_record_is(world):
    """Found: a decision was kept with what its decider saw.  Decided by someone who may see the
    programme, a conflict on the 严重精神障碍 registration (监护人电话) named the patient to everyone
    reading the decisions, and one on the ticked boxes showed the 严重精神障碍 box (code 8)."""
    from app.models import ReviewDecision, Village
    from app.services.quality import review

    store = world["town"].store
    box = {"field": "past_disease", "note": None, "event_date": "2018-03"}
    with store.transaction() as s:
        village = s.get(Village, s.get(Resident, world["pid"]).village_id)
        registration = s.scalars(
            select(SmiRegistration).where(SmiRegistration.resident_id == world["pid"])
        ).one()
        existing = {d.reason for d in s.scalars(select(ReviewDecision))}

        def decided(key, field, before, after, reason):
            if reason in existing:  # (the module's store is shared: made once)
                return
            s.add(
                ReviewDecision(
                    village_id=village.id, kind="conflict", item_key=key, resident_id=world["pid"],
                    record=world["name"], decision="lost", reason=reason, decided_by="公卫精防",
                    decided_on=TODAY, changes=[{"field": field, "record": world["name"], "from": before, "to": after}],
                )
            )  # fmt: skip

        decided(
            f"conflict:{'1' * 32}:{registration.id.hex}:guardian_phone",
            "监护人电话",
            "138",
            "139",
            "监护人换号",
        )
        boxes = lambda *codes: json.dumps([{**box, "code": c} for c in codes], ensure_ascii=False)  # noqa: E731
        decided(
            f"conflict:{'2' * 32}:{world['pid'].hex}:choices",
            "勾选项",
            boxes("2", "8"),
            boxes("2"),
            "只差精神病",
        )
        decided(
            f"conflict:{'3' * 32}:{world['pid'].hex}:choices",
            "勾选项",
            boxes("8"),
            boxes("2", "8"),
            "加了高血压",
        )

    def read(user):
        _as(store, user)
        try:
            with store.session() as s:
                return {d.reason: d for d in review.village_decisions(s)}
        finally:
            store.actor = None

    mh, plain = read("mh"), read("plain")
    assert {"监护人换号", "只差精神病", "加了高血压"} <= set(mh)
    assert '"8"' in mh["只差精神病"].changes[0]["from"]
    assert "监护人换号" not in plain and "只差精神病" not in plain
    (change,) = plain["加了高血压"].changes
    assert '"2"' in change["to"] and '"8"' not in change["from"] + change["to"]


def test_a_conflict_that_differs_only_by_a_hidden_box_is_not_listed_to_those_who_may_not_see_it(world):
    """Found: with the box taken out, both values read the same to 公卫科员 ("现值 X / 另一值 X"):
    which told them the difference was the box they may not see."""
    from app.services.sync import conflicts

    store = world["town"].store
    box = {"field": "past_disease", "note": None, "event_date": "2018-03"}
    with store.transaction() as s:
        c = SyncConflict(
            kind="field", entity="resident", row_id=world["pid2"], field="choices",
            kept_value=json.dumps([{**box, "code": "2"}, {**box, "code": "8"}]),
            lost_value=json.dumps([{**box, "code": "2"}]),
        )  # fmt: skip
        s.add(c)
        s.flush()
        cid = c.id

    def listed(user):
        _as(store, user)
        try:
            with store.session() as s:
                return cid in {v.id for v in conflicts.open_conflicts(s)}
        finally:
            store.actor = None

    try:
        assert listed("mh") and not listed("plain")
    finally:
        with store.transaction() as s:
            s.delete(s.get(SyncConflict, cid))


def test_a_conflict_hidden_from_a_user_is_neither_found_nor_decided_nor_counted_by_them(world):
    """Found: a conflict hidden from 公卫科员's list was still found and resolved by its id (sync
    resolve ID lost), unseen, with no decision written; 采用另一值 on a 勾选项 conflict whose 严重精神障碍
    box was hidden wrote the other value whole, dropping the box; a referral of the programme's had
    its conflict listed and its decision read to them; ``sync status`` counted what was hidden."""
    from app.models import Referral, ReviewDecision
    from app.services.quality import review
    from app.services.sync import conflicts, exchange

    store = world["town"].store
    box = {"field": "past_disease", "note": None, "event_date": "2018-03"}
    made = []
    with store.session() as s:  # (the module's store is shared: put back as it was)
        fields = ("field", "code", "note", "event_date")
        before = [{f: getattr(c, f) for f in fields} for c in s.get(Resident, world["pid2"]).choices]
    with store.transaction() as s:
        ref = Referral(
            resident_id=world["pid"], to_institution="县精神卫生中心", issued_on=TODAY, program="smi"
        )
        s.add(ref)
        s.flush()
        for kept, lost, row, field, entity in (
            (
                [{**box, "code": "2"}, {**box, "code": "8"}],
                [{**box, "code": "2"}],
                world["pid2"],
                "choices",
                "resident",
            ),
            ("精神分裂症复发", "精神分裂症，拒服药", ref.id, "impression", "referral"),
            ([{**box, "code": "8"}], [{**box, "code": "3"}], world["pid2"], "choices", "resident"),
            ([{**box, "code": "2"}], [{**box, "code": "4"}], world["pid2"], "choices", "resident"),
        ):
            c = SyncConflict(
                kind="field", entity=entity, row_id=row, field=field,
                kept_value=json.dumps(kept, ensure_ascii=False), lost_value=json.dumps(lost, ensure_ascii=False),
            )  # fmt: skip
            s.add(c)
            s.flush()
            made.append(c.id)
        ref_id = ref.id
    box_only, about_referral, mixed, plain_one = made

    def as_user(user, work):
        _as(store, user)
        try:
            with store.transaction() as s:
                return work(s)
        finally:
            store.actor = None

    try:
        listed = lambda s: {c.id for c in conflicts.open_conflicts(s)} & set(made)  # noqa: E731
        assert as_user("mh", listed) == set(made)
        assert as_user("plain", listed) == {mixed, plain_one}
        status = lambda s: exchange.status(s)["conflicts_open"]  # noqa: E731
        assert as_user("plain", status) == as_user("plain", lambda s: len(conflicts.open_conflicts(s)))
        for hidden in (box_only, about_referral):
            with pytest.raises(NotFound):
                as_user("plain", lambda s, h=hidden: conflicts.find_conflict(s, h.hex))
            with pytest.raises(NotFound):
                as_user("plain", lambda s, h=hidden: review.decide_conflict(s, h, "lost", ""))
        # 采用另一值 where they saw [8 hidden] against [3]: the box they could not see stays
        as_user("plain", lambda s: review.decide_conflict(s, mixed, "lost", "村医核实"))
        with store.session() as s:
            codes = {(c.field, c.code) for c in s.get(Resident, world["pid2"]).choices}
        assert ("past_disease", "3") in codes and ("past_disease", "8") in codes
        # the referral's conflict decided by who may see it: its decision is not read to the others
        as_user("mh", lambda s: review.decide_conflict(s, about_referral, "lost", "以转出单为准"))
        reasons = lambda s: {d.reason for d in review.village_decisions(s)}  # noqa: E731
        assert "以转出单为准" in as_user("mh", reasons) and "以转出单为准" not in as_user("plain", reasons)
        assert "村医核实" in as_user("plain", reasons)  # their own decision, on what they saw
        # 保留现值 changes nothing: still read (it was left out, as changing only what was hidden)
        as_user("plain", lambda s: review.decide_conflict(s, plain_one, "kept", "保留现值即可"))
        assert "保留现值即可" in as_user("plain", reasons)
    finally:
        with store.transaction() as s:
            for cid in made:
                s.delete(s.get(SyncConflict, cid))
            for d in s.scalars(
                select(ReviewDecision).where(
                    ReviewDecision.reason.in_(["以转出单为准", "村医核实", "保留现值即可"])
                )
            ):
                s.delete(d)
            s.delete(s.get(Referral, ref_id))
            r = s.get(Resident, world["pid2"])
            r.choices = [ResidentChoice(**c) for c in before]


@pytest.mark.sqlite_only  # a village's store is SQLite
def test_a_referral_of_the_smi_programme_is_made_only_by_whoever_may_see_the_patient(world):
    """The command line had no way to mark a referral as the programme's: one typed for a patient
    showed on every user's list.  `referral add --program smi` makes it so, for the patient's own
    doctor only; anyone else gets the same answer for a patient as for a resident who is not one."""
    from app.models import Resident
    from app.services.programmes import referral

    store = world["a"].store
    with store.session() as s:
        other = s.scalars(select(Resident.id).where(Resident.id != world["pid"])).first()

    def made(user, rid):
        _as(store, user)
        try:
            with store.transaction() as s:
                inp = referral.ReferralInput(
                    resident_id=rid, program="smi", to_institution="县精神卫生中心", force=True
                )
                return str(referral.create_referral(s, inp).program)
        except UserError as e:
            return e.message.render()
        finally:
            store.actor = None

    assert made("li", world["pid"]) == "smi"
    said = made("wang", world["pid"])
    assert said.endswith("没有严重精神障碍管理记录"), said
    assert made("wang", other).endswith("没有严重精神障碍管理记录")
    assert made("li", other).endswith("没有严重精神障碍管理记录")  # (not a patient)
    _as(store, "li")
    try:
        with store.transaction() as s:
            inp = referral.ReferralInput(resident_id=world["pid"], program="flu", to_institution="县医院")
            with pytest.raises(UserError, match="没有“flu”这个项目"):
                referral.create_referral(s, inp)
    finally:
        store.actor = None


@pytest.fixture
def contracts_of_patients(store, person):
    """钱医生's two 严重精神障碍 patients, each with a contract of the 严重精神障碍包 alone (hidden from
    王医生): 张三's in force (2026-11-01 to 2027-10-31); 李四's run out on 2026-10-31, closed when
    a 基础包 contract was signed from 2026-11-05 (seen by both)."""
    from app.services.programmes import contracts

    with store.transaction() as s:
        accounts.create_user(s, "qian", PASSWORD, "village_doctor", display_name="钱医生")
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
        made = {}
        for name, birth in (("张三", "1970-05-01"), ("李四", "1972-03-04")):
            r = residents.save_resident(
                s,
                person(name=name, responsible_doctor="钱医生", id_number="", sex="2", birth_date=birth),
                today=TODAY,
            )
            smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="4", consent="1"), today=TODAY)
            made[name] = r.archive_no
        contracts.add_contract(s, made["张三"], doctor="钱医生", packages="smi", start="2026-11-01")
        contracts.add_contract(s, made["李四"], doctor="钱医生", packages="smi", start="2025-11-01")
        (seen,), _ = contracts.add_contract(
            s, made["李四"], doctor="钱医生", packages="basic", start="2026-11-05"
        )
        made["seen"] = seen.id
    return made


def _refusal(store, user, act) -> str:
    """What ``act(session)`` is refused with, acting as ``user`` (nothing written)."""
    _as(store, user)
    try:
        with pytest.raises(UserError) as refused, store.transaction() as s:
            act(s)
        return refused.value.render()
    finally:
        store.actor = None


@pytest.mark.sqlite_only
def test_an_overlap_refusal_names_no_term_of_a_contract_hidden_from_the_user(store, contracts_of_patients):
    """Found by review: signing a patient anew (contract add) or moving a contract's term over
    another (contract edit) was refused naming the end of the patient's contract of the 严重精神障碍包
    alone ("张三已签约至2027-10-31"), to a doctor from whom that contract is hidden: a term he
    could look for nowhere, of a contract only a patient holds.  He reads only that another
    contract overlaps, to be settled by whoever may see it; the patient's doctor reads its term."""
    from app.services.programmes import contracts

    made = contracts_of_patients

    def add(s):
        contracts.add_contract(s, made["张三"], doctor="王医生", packages="basic", start="2026-11-20")

    def edit(s):
        contracts.edit_contract(s, made["seen"], start="2026-10-01")

    assert _refusal(store, "qian", add) == "张三已签约至2027-10-31：请续约或先解约"
    assert _refusal(store, "qian", edit) == "李四的另一份签约到 2026-10-31 为止，与修改后的签约期重叠"
    for act, name in ((add, "张三"), (edit, "李四")):
        said = _refusal(store, "wang", act)
        assert said == f"{name}已有另一份签约，与这段签约期重叠：请由能查看那份签约的人员处理", said
        assert not any(word in said for word in ("2027", "2026", "2025", "精神", "包")), said


@pytest.mark.sqlite_only
def test_an_overlap_refusal_on_the_command_line_names_no_hidden_term(
    store, contracts_of_patients, tmp_path, capsys
):
    """`contract add` as the doctor from whom the patient's contract is hidden: the same refusal."""
    from tests import storekit

    pw = tmp_path / "pw"
    pw.write_text(PASSWORD, encoding="utf-8")
    store.dispose()
    who = ["--data-dir", str(storekit.data_dir(store)), "--password-file", str(pw), "--user"]
    add = [
        "contract",
        "add",
        contracts_of_patients["张三"],
        "--doctor",
        "王医生",
        "--package",
        "basic",
        "--start",
        "2026-11-20",
    ]
    assert main([*who, "wang", *add]) == 1
    err = capsys.readouterr().err
    assert "与这段签约期重叠" in err and "2027" not in err and "精神" not in err, err
    assert main([*who, "qian", *add]) == 1
    assert "张三已签约至2027-10-31" in capsys.readouterr().err


@pytest.mark.sqlite_only
def test_the_signed_tag_counts_only_contracts_the_reader_may_see(
    store, contracts_of_patients, tmp_path, capsys
):
    """Found by review: the search list's 签约 tag (the GUI's list, `residents search --json`)
    counted a contract of the 严重精神障碍包 alone for a doctor from whom it is hidden: a resident
    tagged signed whose contract his 签约 list and record do not show is a patient.  It counts the
    contracts the reader may see."""
    from tests import storekit

    def tagged(user) -> dict[str, bool]:
        _as(store, user)
        try:
            with store.session() as s:
                return {r.name: "contract" in r.tags for r in search.search_residents(s, "", today=TODAY)}
        finally:
            store.actor = None

    assert tagged("qian") == {"张三": True, "李四": True}
    assert tagged("wang") == {"张三": False, "李四": True}  # (李四's 基础包 contract is his to see)
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD, encoding="utf-8")
    store.dispose()
    for user, signed in (("qian", True), ("wang", False)):
        who = ["--data-dir", str(storekit.data_dir(store)), "--user", user, "--password-file", str(pw)]
        assert main([*who, "residents", "search", "张三", "--json"]) == 0
        (row,) = json.loads(capsys.readouterr().out)
        assert ("contract" in row["tags"]) == signed, (user, row)


@pytest.mark.gui
@pytest.mark.sqlite_only
@pytest.mark.parametrize("user,signed", [("qian", True), ("wang", False)])
def test_the_residents_list_tags_signed_only_a_contract_the_reader_may_see(
    store, contracts_of_patients, gui_app, qtbot, user, signed
):
    from PySide6.QtCore import Qt

    from app.views.residents import ResidentsPage

    _as(store, user)
    try:
        page = ResidentsPage(store, township=False)
        qtbot.addWidget(page)
        page.show()
        qtbot.keyClicks(page.search, contracts_of_patients["张三"])
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
        column = [k for k, _t in page.model.columns].index("tags")
        tags = page.model.data(page.model.index(0, column), Qt.DisplayRole) or ""
        assert ("签约" in tags) == signed, tags
    finally:
        store.actor = None


@pytest.mark.sqlite_only
def test_a_poor_households_signing_counts_only_contracts_the_reader_may_see(
    store, contracts_of_patients, tmp_path
):
    """The 贫困户 page's 已签约 count (and so 未全户签约) and the household sheet's 签约 是/否 counted
    a contract of the 严重精神障碍包 alone for a doctor from whom it is hidden, as the search list's
    签约 tag did: they count the contracts the reader may see, as that tag does now."""
    from app.services.printing import Labels, poverty_sheet
    from app.services.programmes import poverty

    archive = contracts_of_patients["张三"]
    with store.transaction() as s:
        poverty.set_household(s, archive, status="registered", cause="illness", registered_on="2026-01-05")

    def seen_by(user) -> tuple[int, str]:
        _as(store, user)
        try:
            with store.session() as s:
                (row,) = [h for h in poverty.list_households(s, TODAY) if h.head_archive_no == archive]
                sheet = poverty_sheet.household_pdf(s, archive, Labels(), today=TODAY)
        finally:
            store.actor = None
        (tmp_path / f"{user}.pdf").write_bytes(sheet)
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / f"{user}.pdf"), "-"], capture_output=True, text=True
        ).stdout
        (member,) = [line.split() for line in text.splitlines() if archive in line]
        return row.signed, member[4]  # (姓名 编号 关系 性别/年龄 家庭医生签约 …)

    qian, wang = seen_by("qian"), seen_by("wang")
    assert qian[0] == 1 and wang[0] == 0, (qian, wang)
    assert (qian[1], wang[1]) == ("是", "否"), (qian, wang)

"""严重精神障碍 privacy: every read path tried as users who may not know a resident is a patient
(a village doctor who is not the responsible one, township staff without the mental-health permission,
an admin), each beside a user who may — so every check can fail.  And sync: the rows reach the
township and the owning village, never the second village."""

from __future__ import annotations

import csv
import json

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import Store
from app.models import AuditEntry, ProgramEnrolment, Resident, SmiRegistration, SmiVisit
from app.services.access import accounts, audit_review
from app.services.errors import UserError
from app.services.indicators import REGISTRY, Period, Scope, smi_elderly  # noqa: F401 (declares them)
from app.services.programmes import smi, worklist
from app.services.records import overview, roster, search
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
    with va.store.session() as s:
        patient = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
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
        smi.record_visit(s, archive, smi.input_with(visit_date=TODAY.isoformat(), danger="0"), today=TODAY)
    va.store.actor = None
    round_trip(town, [va, vb], root, "smi")
    return {"town": town, "a": va, "b": vb, "pid": pid, "name": name, "archive": archive, "root": root}


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
                smi.record_visit(
                    s, world["archive"], smi.input_with(visit_date=TODAY.isoformat(), danger="1"), today=TODAY
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
            assert all(e.program != "smi" for c in cards for e in getattr(c, "programmes", ()))
    finally:
        d.store.actor = None


def test_cli_worklist_lists_the_patient_to_the_responsible_doctor(world, tmp_path, capsys):
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD, encoding="utf-8")
    who = ["--data-dir", str(world["a"].paths.data_dir), "--user", "li", "--password-file", str(pw)]
    assert main([*who, "smi", "due", "--kind", "all", "--json"]) == 0
    assert [r["archive_no"] for r in json.loads(capsys.readouterr().out)] == [world["archive"]]


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

"""One actor: whoever is logged in is named by every row, change-log entry and audit entry their
work makes, in the GUI (pytest-qt) and in the CLI (--user); nothing falls back to the first admin."""

from __future__ import annotations

import json
import uuid

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.cli import main as cli
from app.models import AuditEntry, ChangeLog, FollowupVisit, ProgramEnrolment, Referral, Resident, User
from app.services.access import accounts
from app.views.main_window import MainWindow
from tests.conftest import VILLAGE_CODE
from tests.test_gui import type_into_focus

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ID = "11010519491231002X"
PASSWORD = "wang-2026"


def add_doctor(store) -> uuid.UUID:
    """A second user, a village doctor, besides the admin the store was made with."""
    with store.transaction() as s:
        return accounts.create_user(
            s, "wang", PASSWORD, "village_doctor", display_name="王医生", village_code=VILLAGE_CODE
        ).id


def assert_all_named(store, user_id: uuid.UUID, since_seq: int = 0) -> None:
    """Every clinical row, change-log entry and audit entry made after ``since_seq`` names the user."""
    with store.session() as s:
        made = [
            *s.scalars(select(Resident)),
            *s.scalars(select(ProgramEnrolment)),
            *s.scalars(select(FollowupVisit)),
            *s.scalars(select(Referral)),
        ]
        assert made, "the scenario made nothing"
        for row in made:
            assert (row.created_by, row.updated_by) == (user_id, user_id), type(row).__name__
        logs = s.scalars(select(ChangeLog).where(ChangeLog.seq > since_seq)).all()
        assert logs and {log.user_id for log in logs} == {user_id}
        clinical = ("resident", "household", "program_enrolment", "followup_visit", "referral")
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity.in_(clinical))).all()
        assert audit and {(a.user_id, a.username) for a in audit} == {(user_id, "wang")}
        visit = s.scalars(select(FollowupVisit)).one()
        assert visit.doctor == "王医生"  # 随访医生 defaults to the logged-in doctor, not the admin


def last_seq(store) -> int:
    with store.session() as s:
        return max(s.scalars(select(ChangeLog.seq)).all() or [0])


@pytest.mark.gui
def test_the_logged_in_doctor_is_named_everywhere_in_the_gui(gui_app, qtbot, store):
    from app.views.followups import FollowupDialog
    from app.views.referral_dialog import ReferralDialog

    wang = add_doctor(store)
    since = last_seq(store)
    accounts.login(store, "wang", PASSWORD)  # what the login dialog does
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()

    # enrol a resident whose past history names hypertension, and accept the offered programme
    page = window.show_page("residents")
    offered = []
    page.ask = lambda _title, text: offered.append(text) or True
    dialog = page.new_resident()
    type_into_focus(qtbot, "王小明", dialog.form.name)
    qtbot.keyClicks(dialog.form.id_number, ID)
    dialog.form.disease_checks["2"].setChecked(True)  # 既往史: 高血压
    assert dialog.save() is True
    assert len(offered) == 1  # 纳入高血压患者管理? yes

    # record a routine visit from the 随访 page, as the doctor would
    followups = window.show_page("followups")
    followups.kind.setCurrentIndex(followups.kind.findData("all"))
    qtbot.waitUntil(lambda: len(followups.model.items) == 1)
    followups.table.selectRow(0)
    followups.record_selected()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FollowupDialog))
    visit = QApplication.activeModalWidget()
    assert visit.doctor.text() == "王医生"
    qtbot.keyClicks(visit.sbp, "150")
    qtbot.keyClicks(visit.dbp, "95")
    referral = visit.save_and_refer()  # saves, then drafts a referral from the visit
    assert isinstance(referral, ReferralDialog)
    referral.fields["to_institution"].setText("县医院")
    assert referral.save() is True
    referral.close()

    assert_all_named(store, wang, since)


def test_the_user_named_on_the_command_line_is_named_everywhere(store, tmp_path, capsys, monkeypatch):
    data_dir = tmp_path / "data-village"  # where tests.conftest.make_store keeps this store
    wang = add_doctor(store)
    since = last_seq(store)
    password = tmp_path / "pw.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "姓名,身份证号,联系电话,村民小组\n王小明," + ID + ",13812345678,一组\n", encoding="utf-8"
    )
    common = ["--data-dir", str(data_dir), "--user", "wang", "--password-file", str(password)]
    assert cli([*common, "residents", "import", str(roster)]) == 0
    capsys.readouterr()
    with store.session() as s:
        archive = s.scalars(select(Resident.archive_no)).one()
    assert cli([*common, "followup", "add", archive, "--program", "htn", "--date", "2026-11-20",
                "--sbp", "150", "--dbp", "95", "--enrol", "--json"]) == 0  # fmt: skip
    saved = json.loads(capsys.readouterr().out)
    assert saved["classification"] is not None
    assert (
        cli([*common, "referral", "add", archive, "--to", "朝阳乡卫生院", "--reason", "血压控制不满意"]) == 0
    )
    referral_id = capsys.readouterr().out.strip()
    assert cli([*common, "referral", "arrived", referral_id]) == 0
    with store.session() as s:
        assert s.get(Referral, uuid.UUID(referral_id)).issued_by == "王医生"  # 转诊医生: the user
    assert_all_named(store, wang, since)  # resident, enrolment, visit and the referral's life


def test_without_a_login_the_system_account_acts_never_the_first_admin(store, tmp_path, person):
    from app.services.records.residents import save_resident

    with store.transaction() as s:
        admin = s.scalars(select(User).where(User.username == "doctor")).one().id
        resident = save_resident(s, person())
    with store.session() as s:
        row = s.get(Resident, resident.id)
        assert row.created_by is None and row.created_by != admin  # the system account has no id
        log = s.scalars(select(ChangeLog).where(ChangeLog.row_id == resident.id)).one()
        assert log.user_id is None
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == resident.id.hex)).one()
        assert entry.username == "system"


def test_an_edit_names_its_editor_while_the_creator_stays(store, person):
    from app.services.records.residents import resident_input_from, save_resident

    with store.transaction() as s:
        resident_id = save_resident(s, person()).id
    wang = add_doctor(store)
    accounts.login(store, "wang", PASSWORD)
    with store.transaction() as s:
        row = s.get(Resident, resident_id)
        inp = resident_input_from(row)
        inp.phone = "13900000000"
        save_resident(s, inp, resident_id=resident_id)
    with store.session() as s:
        row = s.get(Resident, resident_id)
        assert (row.created_by, row.updated_by) == (None, wang)
        last = s.scalars(
            select(ChangeLog).where(ChangeLog.row_id == resident_id).order_by(ChangeLog.seq.desc())
        ).first()
        assert last.user_id == wang

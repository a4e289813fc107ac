"""Login dialog, the 审计 page with its filters, and the 用户 page."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import printing
from app.services.access import accounts
from app.services.printing.layout import Labels
from app.services.records import residents as records
from app.views.audit_page import AuditPage
from app.views.login import LoginDialog
from app.views.main_window import MainWindow
from app.views.users_page import UserDialog

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]
PASSWORD = "first-pass-1"


def test_first_run_then_login(gui_app, qtbot, store):
    first = LoginDialog(store, "测试村卫生室")
    qtbot.addWidget(first)
    assert (
        first.first_admin == "doctor" and first.repeat.isVisible() is False or first.first_admin == "doctor"
    )
    first.password.setText(PASSWORD)
    first.repeat.setText("different-1")
    first.try_login()
    assert "不一致" in first.message.text() and first.result() == 0
    first.password.setText(PASSWORD)
    first.repeat.setText(PASSWORD)
    first.try_login()
    assert first.result() == LoginDialog.Accepted and store.actor.username == "doctor"
    store.actor = None
    again = LoginDialog(store, "测试村卫生室")
    qtbot.addWidget(again)
    assert again.first_admin is None
    again.username.setText("doctor")
    again.password.setText("wrong-password")
    again.try_login()
    assert "不正确" in again.message.text() and again.username.text() == "doctor"  # kept as typed
    again.password.setText(PASSWORD)
    again.try_login()
    assert again.result() == LoginDialog.Accepted
    store.actor = None


def _a_day_of_activity(store) -> None:
    accounts.set_first_password(store, "doctor", PASSWORD, PASSWORD)
    with store.transaction() as s:
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
    store.actor = accounts.login(store, "wang", PASSWORD)
    with store.transaction() as s:
        for name in ("周一", "吴二", "郑三"):
            inp = records.ResidentInput(name=name, sex="1", birth_date="1958-02-02", current_address="五组")
            r = records.save_resident(s, inp)
        inp = records.resident_input_from(r)
        inp.phone = "13912340000"
        records.save_resident(s, inp, resident_id=r.id)
    with store.session() as s:
        printing.card_pdf(s, r.archive_no, Labels())
    store.actor = None
    for wrong in ("x1234567", "y1234567"):
        with pytest.raises(accounts.UserError):
            accounts.login(store, "wang", wrong)
    store.actor = accounts.login(store, "doctor", PASSWORD)


def test_audit_page_lists_a_day_with_filters(gui_app, qtbot, store, tmp_path):
    _a_day_of_activity(store)
    try:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.resize(1280, 760)
        page = win.show_page("audit")
        page.refresh()
        all_rows = page.table.rowCount()
        actions = {page.table.item(r, 2).text() for r in range(all_rows)}
        assert {"新建", "修改", "打印", "登录", "登录失败"} <= actions
        page.user.setCurrentIndex(page.user.findData("wang"))
        page.action.setCurrentIndex(page.action.findData("create"))
        page.refresh()
        rows = [[page.table.item(r, c).text() for c in range(6)] for r in range(page.table.rowCount())]
        assert rows and all(r[1] == "wang" and r[2] == "新建" for r in rows)
        assert any("郑三" in r[4] for r in rows)
        page.action.setCurrentIndex(0)
        page.user.setCurrentIndex(0)
        page.text.setText("登录")  # nothing has that in a summary
        page.refresh()
        page.text.setText("")
        page.refresh()
        Path(tmp_path / "shots").mkdir()
        win.grab().save(str(tmp_path / "shots" / "audit.png"))
        assert (tmp_path / "shots" / "audit.png").stat().st_size > 10_000
        out = tmp_path / "audit.csv"
        with store.session() as s:
            from app.services.access import audit_review

            n = audit_review.export_csv(s, out, page.current_filter())  # (all it selects)
        assert n == all_rows and "郑三" in out.read_text(encoding="utf-8-sig")
    finally:
        store.actor = None


def test_the_audit_page_names_every_action_and_every_kind_of_record(gui_app, qtbot, store):
    """No raw key (education_activity, read) in the 审计 page's columns or its action filter."""
    from app.services.access import audit
    from app.services.sync import capture
    from app.views.audit_page import AuditPage

    page = AuditPage(store)
    qtbot.addWidget(page)
    assert set(audit.ACTIONS) <= set(page.labels)
    assert set(capture.specs()) <= set(page.entities)
    # an account's creation names its role, not its key (as accounts.create_user writes it)
    assert page._summary("gwy (township_staff)") == "gwy（乡镇公卫人员）"
    assert page._summary("王 (x) (admin)") == "王 (x)（管理员）"


def test_a_village_doctor_sees_no_audit_page_and_cannot_manage_users(gui_app, qtbot, store):
    _a_day_of_activity(store)
    store.actor = accounts.login(store, "wang", PASSWORD)
    try:
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert "audit" not in [k for k, _t, _p in win.pages]
        users = win.show_page("users")
        users.refresh()
        assert not users.add_button.isEnabled() and users.table.rowCount() == 0
        page = AuditPage(store)  # even if reached, the service refuses
        qtbot.addWidget(page)
        page.refresh()
        assert page.table.rowCount() == 0 and "没有权限" in page.count.text()
    finally:
        store.actor = None


def test_admin_adds_a_user_in_the_dialog(gui_app, qtbot, store):
    accounts.set_first_password(store, "doctor", PASSWORD, PASSWORD)
    try:
        dialog = UserDialog(store)
        qtbot.addWidget(dialog)
        dialog.username.setText("li")
        dialog.display.setText("李护士")
        dialog.password.setText("abc")
        dialog.repeat.setText("abc")
        dialog.save()
        assert "至少" in dialog.message.text() and dialog.username.text() == "li"
        dialog.password.setText("long-enough-1")
        dialog.repeat.setText("long-enough-1")
        dialog.save()
        assert dialog.result() == UserDialog.Accepted
        with store.session() as s:
            assert {u.username for u in accounts.users(s)} == {"doctor", "li"}
    finally:
        store.actor = None


@pytest.mark.sqlite_only  # writes the store's SQLite file to a folder; see the next test for a server's
def test_backup_from_the_settings_page(gui_app, qtbot, store, tmp_path):
    from app.services import backup

    win = MainWindow(store)
    qtbot.addWidget(win)
    page = win.show_page("settings")
    task = page.backup_to_folder(str(tmp_path))
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert page.last_backup.parent == tmp_path and backup.verify(page.last_backup).code == "110105001101"
    assert "已备份到" in page.backup_note.text()


def test_the_settings_page_offers_a_backup_only_of_a_store_it_can_copy(gui_app, qtbot, store, db_backend):
    """A SQLite store: the button.  A store on a PostgreSQL server: no button, and the note says the
    server's own backups (pg_dump) keep it."""
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("settings")
    on_server = db_backend == "postgresql"
    assert page.backup_button.isVisible() is not on_server
    assert ("pg_dump" in page.backup_note.text()) is on_server


def test_the_audit_page_names_printed_documents_and_the_system_account(gui_app, qtbot, store):
    """A print's summary as the printing service stores it (``cards ×33``, ``visits htn 2025 ×1``)
    reads as the document's name; the system account reads 系统, as on the status bar."""
    from app.services.access import audit
    from app.views.audit_page import AuditPage

    with store.transaction() as s:
        audit.record(s, "print", None, None, "cards ×33")
        audit.record(s, "print", "resident", None, "visits htn 2025 ×1")
        audit.record(s, "print", "resident", None, "contract agreement")
    page = AuditPage(store)
    qtbot.addWidget(page)
    page.refresh()
    rows = [[page.table.item(r, c).text() for c in range(6)] for r in range(page.table.rowCount())]
    summaries = {r[4] for r in rows}
    assert {"随访卡（批量） ×33", "高血压 2025 随访服务记录表 ×1", "签约协议"} <= summaries
    assert {r[1] for r in rows} == {"系统"}


def test_the_audit_page_names_the_fields_an_update_changed(gui_app, qtbot, store):
    """An edit's entry names the changed fields as the form does (现住址、本人电话), in the UI's
    language, never as columns (current_address, phone); a column no form names is counted."""
    from app.services.access import audit
    from app.views.startup import install_translator

    with store.transaction() as s:
        r = records.save_resident(
            s, records.ResidentInput(name="周一", sex="1", birth_date="1958-02-02", current_address="五组")
        )
        inp = records.resident_input_from(r)
        inp.phone, inp.current_address = "13912340000", "六组"
        records.save_resident(s, inp, resident_id=r.id)
        archive_no = r.archive_no
    page = AuditPage(store)
    qtbot.addWidget(page)
    page.refresh()
    summaries = [page.table.item(i, 4).text() for i in range(page.table.rowCount())]
    assert f"周一 {archive_no}：现住址、本人电话" in summaries, summaries
    assert not any("current_address" in t or "phone" in t for t in summaries)
    # stored as columns (the trail's format is unchanged); unnamed columns counted, not shown
    assert audit.updated_columns(f"周一 {archive_no}: current_address, phone") == (
        f"周一 {archive_no}",
        ["current_address", "phone"],
    )
    assert page._summary("周一: phone, zz_internal", "resident", "update") == "周一：本人电话、另 1 项"
    assert page._summary("2024-05-01: sbp, voided", "followup_visit", "void") == "2024-05-01：收缩压、作废"
    # a conflict decided: the field by its form's name, the choice in words ("phone: lost" before)
    assert page._summary("phone: lost", "resident", "resolve") == "本人电话：采用另一值"
    install_translator(gui_app, "en")
    try:
        assert (
            page._summary("Zhou: current_address, phone", "resident", "update")
            == "Zhou: Current address, Own phone"
        )
        assert page._summary("Zhou: phone, zz_internal", "resident", "update") == "Zhou: Own phone, 1 more"
    finally:
        install_translator(gui_app, "zh")


def test_the_audit_page_reads_review_decisions_exports_and_places(gui_app, qtbot, store):
    """A review decision reads as its kind and decision (no item key of ids), a bundle export as
    how many changes went to whom (the id-made file name in the tooltip), the scope as the village's
    name, and every action has its word (审核, 设置权限)."""
    from app.services.access import audit

    with store.transaction() as s:
        key = "duplicate:01a2370c03347a3c9661c13ab4e1e477:01a2370c0558768cb6c77e6ab4e39f4b"
        audit.record(s, "review", "review_decision", None, f"{key}: void_other")
        audit.record(s, "export", "sync_bundle", None, "110105001 朝阳乡: 48 → 01a2_01a3_ef23.cyb")
        audit.record(s, "user_permissions", "app_user", None, "wang: mental_health")
    page = AuditPage(store)
    qtbot.addWidget(page)
    page.refresh()
    rows = {
        page.table.item(r, 2).text(): (page.table.item(r, 4).text(), page.table.item(r, 4).toolTip())
        for r in range(page.table.rowCount())
    }
    assert rows["审核"][0] == "疑似重复档案：同一人：作废“档案”这份，保留“另一份档案”"
    assert rows["导出"][0] == "110105001 朝阳乡：48 条变更" and "01a2_01a3_ef23.cyb" in rows["导出"][1]
    assert "设置权限" in rows
    places = {page.table.item(r, 5).text() for r in range(page.table.rowCount())}
    assert places == {"测试村"}, places  # the village's name, its code in the tooltip


def test_the_users_page_shows_and_grants_the_mental_health_permission(gui_app, qtbot, township_store):
    """精神卫生 (the 严重精神障碍 records) could be granted only from the command line, and nothing on
    the 用户 page said who held it: the list shows it, and 权限… grants it to township staff."""
    from app.views.users_page import PermissionsDialog, UsersPage

    with township_store.transaction() as s:
        accounts.create_user(s, "gwy", PASSWORD, "township_staff", display_name="公卫员")
    page = UsersPage(township_store)
    qtbot.addWidget(page)
    page._dialog = lambda dialog: None  # (opened, not run: the test works it)
    page.refresh()
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    row = names.index("gwy")
    permission = page.table.columnCount() - 1
    assert page.table.horizontalHeaderItem(permission).text() == "权限"
    assert page.table.item(row, permission).text() == ""
    page.table.setCurrentCell(row, 0)
    dialog = page.edit_permissions()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PermissionsDialog) and list(dialog.boxes) == ["mental_health"]
    dialog.boxes["mental_health"].setChecked(True)
    dialog.save()
    assert dialog.result() == PermissionsDialog.Accepted
    page.refresh()
    assert page.table.item(row, permission).text() == "精神卫生"
    with township_store.session() as s:
        assert accounts.get_user(s, "gwy").permissions == ["mental_health"]


def test_a_village_doctor_at_the_township_reads_its_profile_without_changing_it(
    gui_app, qtbot, township_store
):
    """设置's 本机构信息 at a township, for a village doctor signed in there: shown, not editable (the
    service refuses them; the form let them type and then said 没有权限)."""
    from app.services import profile
    from app.views.settings_page import SettingsPage

    with township_store.transaction() as s:
        profile.ensure_village(s, "110105001101", "向阳村")
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", village_code="110105001101")
        accounts.create_user(s, "staff", PASSWORD, "township_staff")
    for user, may in (("wang", False), ("staff", True)):
        township_store.actor = accounts.login(township_store, user, PASSWORD)
        try:
            page = SettingsPage(township_store)
            qtbot.addWidget(page)
            editors = page.institution_editors.values()
            assert page.institution_save.isEnabled() is may, user
            assert all(e.widget.isEnabled() is may for e in editors), user
            assert ("工作人员或管理员修改" in page.institution_note.text()) is not may, user
        finally:
            township_store.actor = None

"""The elderly check entered with the keyboard from the 老年人 page; a raised blood pressure offers
hypertension management (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.models import ElderlyCheck
from app.services.programmes import followup
from app.services.records import residents as records
from app.views.elderly_check import ElderlyCheckDialog
from app.views.main_window import MainWindow
from tests.conftest import TODAY

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


def press(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def tab_to(qtbot, widget, limit: int = 120) -> None:
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}")


def test_elderly_check_by_keyboard_and_a_raised_bp_offers_hypertension(
    gui_app, qtbot, store, person, monkeypatch
):
    with store.transaction() as s:
        rid = records.save_resident(s, person(name="王老汉", group_name="三组"), today=TODAY).id
    asked: list[str] = []

    def answer(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.Yes if "纳入" in text else QMessageBox.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    page = w.show_page("elderly")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.table.item(0, 0).text() == "王老汉"
    w.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Return)  # Enter on the resident
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ElderlyCheckDialog))
    dialog = QApplication.activeModalWidget()
    editors = dialog.form.editors
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editors["check_date"].main)  # today, filled in
    # 生活自理能力评估 as on paper: 进餐 1, 梳洗 3, 穿衣 1, 如厕 2, 活动 1 → 0+3+0+1+0 = 4 轻度依赖
    for key, level in zip(("eating", "grooming", "dressing", "toilet", "activity"), "13121", strict=True):
        tab_to(qtbot, editors[f"selfcare_{key}"].main)
        qtbot.keyClicks(QApplication.focusWidget(), level)
    assert dialog.score.text() == "生活自理能力评估：4分，轻度依赖"
    tab_to(qtbot, editors["sbp"].main)
    qtbot.keyClicks(QApplication.focusWidget(), "168")
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is editors["dbp"].main
    qtbot.keyClicks(QApplication.focusWidget(), "96")
    press(qtbot, Qt.Key_Return)  # Enter saves
    errors = [b.error.text() for b in dialog.form.boxes.values() if b.error.text()]
    assert not errors, errors
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert asked[0] == "体检发现血压升高。是否将王老汉纳入高血压患者健康管理？"
    assert asked[1].startswith("体检有异常结果：血压168/96mmHg")  # the referral offer, declined here
    with store.session() as s:
        check = s.scalar(select(ElderlyCheck).where(ElderlyCheck.resident_id == rid))
        assert (check.sbp, check.dbp, check.selfcare_score, check.selfcare_level) == (168, 96, 4, "2")
        assert followup.active_enrolment(s, rid, "htn") is not None  # the doctor said yes
    qtbot.waitUntil(lambda: page.table.rowCount() == 0)  # checked this year: off the list


def test_a_wrong_value_is_marked_and_nothing_saved(gui_app, qtbot, store, person):
    from app.services.programmes import elderly

    with store.transaction() as s:
        rid = records.save_resident(s, person(name="李奶奶"), today=TODAY).id
    with store.session() as s:
        dialog = ElderlyCheckDialog(store, elderly.check_context(s, rid))
    qtbot.addWidget(dialog)
    dialog.form.editors["glucose"].main.setText("abc")
    assert dialog.save() is False
    assert dialog.form.boxes["glucose"].error.text() == "空腹血糖应为1到40mmol/L"
    assert "请填写进餐" in dialog.form.boxes["selfcare_eating"].error.text()
    with store.session() as s:
        assert s.scalar(select(ElderlyCheck.id)) is None


def test_smi_visit_dialog_suggests_as_typed_and_the_section_is_hidden_from_others(
    gui_app, qtbot, store, person
):
    from app.models import SmiVisit
    from app.services.access import accounts
    from app.services.programmes import smi
    from app.views.smi_page import SmiVisitDialog

    with store.transaction() as s:
        r = records.save_resident(s, person(name="赵某"), today=TODAY)
        smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"))
        accounts.create_user(s, "clerk", "村医-secret-1", "admin", display_name="管理员")
    with store.session() as s:
        dialog = SmiVisitDialog(store, smi.visit_context(s, r.id))
    qtbot.addWidget(dialog)
    editors = dialog.form.editors
    assert dialog.suggestion.text() == "填写随访日期和危险性评估后给出分类建议"
    editors["danger"].main.setFocus()
    qtbot.keyClicks(editors["danger"].main, "3")
    assert dialog.suggestion.text().startswith("建议：不稳定，下次随访")
    assert "立即转诊" in dialog.suggestion.text()
    editors["danger"].main.setText("0")
    assert dialog.suggestion.text().startswith("建议：基本稳定")  # insight, social function: not yet
    assert "自知力、社会功能未评估" in dialog.suggestion.text()
    editors["insight"].main.set_code("1")
    for key in ("personal", "housework", "work", "study", "social"):
        editors[f"social_{key}"].main.set_code("1")
    assert dialog.suggestion.text().startswith("建议：稳定"), dialog.suggestion.text()
    editors["symptoms"].main.boxes["1"].setChecked(True)
    assert dialog.suggestion.text().startswith("建议：基本稳定")
    assert dialog.save() is True
    with store.session() as s:
        assert s.scalar(select(SmiVisit.classification)) == 2
    w = MainWindow(store)  # the system account: the section is listed
    qtbot.addWidget(w)
    assert "smi" in [k for k, _t, _p in w.pages]
    store.actor = accounts.login(store, "clerk", "村医-secret-1")
    try:
        other = MainWindow(store)
        qtbot.addWidget(other)
        assert "smi" not in [k for k, _t, _p in other.pages]
        assert "专项随访" not in [other.nav.item(i).text() for i in range(other.nav.count())]
    finally:
        store.actor = None


def test_print_buttons_hand_the_documents_to_the_preview(gui_app, qtbot, store, person, monkeypatch):
    from app.services.programmes import smi
    from app.views import elderly_page, smi_page

    with store.transaction() as s:
        r = records.save_resident(s, person(name="王老汉"), today=TODAY)
        smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"))
    shown = []
    for module in (elderly_page, smi_page):
        monkeypatch.setattr(module, "preview", lambda _p, data, title, name: shown.append((title, data[:4])))
    page = elderly_page.ElderlyPage(store)
    qtbot.addWidget(page)
    page.refresh()
    page.print_unchecked()
    page.print_blank_forms()
    spage = smi_page.SmiPage(store)
    qtbot.addWidget(spage)
    spage.kind.setCurrentIndex(spage.kind.findData("all"))
    spage.refresh()
    spage.table.clearSelection()
    spage.table.setCurrentCell(-1, -1)
    visit_form, registration_form = spage.print_form.menu().actions()  # (one 打印 button: 800 px)
    visit_form.trigger()  # nothing selected: the blank form
    registration_form.trigger()
    spage.table.selectRow(0)
    registration_form.trigger()  # the selected patient's
    assert [t for t, _ in shown] == [
        "老年人健康体检工作单",
        "老年人健康体检表（空白）",
        "专项随访表",
        "专项补充表",
        "专项补充表",
    ]
    assert all(head == b"%PDF" for _, head in shown)


def test_the_resident_page_of_an_smi_patient_opens_for_the_responsible_side(gui_app, qtbot, store, person):
    from app.services.programmes import smi
    from app.views.residents import ResidentsPage

    with store.transaction() as s:
        r = records.save_resident(s, person(name="赵某"), today=TODAY)
        smi.register(s, r.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"))
        smi.record_visit(
            s, r.archive_no, smi.input_with(visit_date=TODAY.isoformat(), danger="1"), today=TODAY
        )
    page = ResidentsPage(store, township=False)
    qtbot.addWidget(page)
    dialog = page.open_resident(r.id)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_a_double_click_opens_one_resident_page(gui_app, qtbot, store, person):
    """A double-click on a line of 居民档案 is one activation: one page, not two on top of each other."""
    from PySide6.QtTest import QTest

    from app.views.residents import ResidentDialog, ResidentsPage

    with store.transaction() as s:
        records.save_resident(s, person(name="赵某"), today=TODAY)
    page = ResidentsPage(store, township=False)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=30_000)
    where = page.table.visualRect(page.model.index(0, 0)).center()
    QTest.mouseClick(page.table.viewport(), Qt.LeftButton, pos=where)
    QTest.mouseDClick(page.table.viewport(), Qt.LeftButton, pos=where)
    try:
        qtbot.waitUntil(lambda: bool(page.findChildren(ResidentDialog)), timeout=5_000)
        QTest.qWait(100)
        assert len(page.findChildren(ResidentDialog)) == 1
    finally:  # a page left open would reload, in a later test, from a store gone by then
        for dialog in page.findChildren(ResidentDialog):
            dialog.close()


def test_a_second_check_in_the_year_is_saved_once_the_doctor_confirms(
    gui_app, qtbot, store, person, monkeypatch
):
    """The year's check typed again the next day: the dialog asks; 否 saves nothing and keeps what
    was typed, 是 saves it."""
    from app.services.programmes import elderly
    from tests.test_elderly_smi_services import _check

    with store.transaction() as s:
        rid = records.save_resident(s, person(name="李奶奶"), today=TODAY).id
        elderly.record_check(s, rid, _check(check_date="2026-11-01"), today=TODAY)
    with store.session() as s:
        dialog = ElderlyCheckDialog(store, elderly.check_context(s, rid))
    qtbot.addWidget(dialog)
    dialog.form.load(_check(check_date="2026-11-02", sbp="150"))
    asked = []
    answer = QMessageBox.No  # to 确认保存吗 (and always 否 to what a saved check offers next)

    def question(_parent, _title, text, *_a):
        asked.append(text)
        return answer if "确认保存吗" in text else QMessageBox.No

    monkeypatch.setattr(QMessageBox, "question", question)
    assert dialog.save() is False
    assert "2026年已于2026-11-01做过健康体检" in asked[0]
    assert dialog.form.editors["sbp"].main.text() == "150"
    with store.session() as s:
        assert len(s.scalars(select(ElderlyCheck.id)).all()) == 1
    answer = QMessageBox.Yes
    assert dialog.save() is True
    with store.session() as s:
        assert len(s.scalars(select(ElderlyCheck.id)).all()) == 2


def test_the_resident_page_lists_the_health_checks_and_prints_and_voids_one(
    gui_app, qtbot, store, person, tmp_path
):
    """A 65+ resident's page had no trace of the yearly checks: the form could not be printed again
    nor a check recorded by mistake voided, except on the command line.  Now a 老年人健康管理 tab
    lists them, newest first; a resident under 65 with no check has no such tab."""
    from app.services.programmes import elderly
    from app.services.records import overview as records_overview
    from app.views.residents import ResidentDialog
    from tests.test_elderly_smi_services import _check

    with store.transaction() as s:
        rid = records.save_resident(s, person(name="李奶奶"), today=TODAY).id  # born 1949
        young = records.save_resident(
            s, person(name="小王", id_number="", sex="1", birth_date="1990-01-01")
        ).id
        elderly.record_check(s, rid, _check(check_date="2025-11-01"), today=TODAY)
        elderly.record_check(s, rid, _check(check_date="2026-11-01", sbp="150"), today=TODAY)

    def page(resident_id) -> ResidentDialog:
        with store.session() as s:
            dialog = ResidentDialog(store, records_overview.resident_overview(s, resident_id, TODAY))
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    assert "elderly" not in page(young).programme_tabs
    dialog = page(rid)
    dialog.sections.setCurrentWidget(dialog.programme_tabs["elderly"])
    dialog.grab().save(str(tmp_path / "checks.png"))
    table = dialog.visit_tables["elderly"]
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["2026-11-01", "2025-11-01"]
    assert table.item(0, 1).text().startswith("150/")
    table.selectRow(0)
    shown = dialog.print_check(dialog.overview.elderly_checks[-1].id)
    assert shown is not None and shown.data.startswith(b"%PDF")
    shown.close()
    dialog.ask_reason = lambda title, text: "录错了人"
    dialog.void_buttons["elderly"].click()
    qtbot.waitUntil(lambda: dialog.visit_tables["elderly"].rowCount() == 1, timeout=5_000)
    assert dialog.notice.text() == "已作废 2026-11-01 的健康体检"
    with store.session() as s:
        (voided,) = s.scalars(select(ElderlyCheck).where(ElderlyCheck.voided)).all()
        assert (voided.check_date.isoformat(), voided.void_reason) == ("2026-11-01", "录错了人")


def test_a_refused_check_says_every_field_and_puts_the_cursor_in_the_first(gui_app, qtbot, store, person):
    """Found by review: with the pressures and self-care empty and 空腹血糖 "abc", the line under
    收缩压 said only "请填写舒张压" (the systolic's message overwritten), the foot of the form only
    "空腹血糖应为数字" of eight fields, and the cursor went to 空腹血糖, not to the first of them."""
    from app.services.programmes import elderly
    from app.views.elderly_check import ElderlyCheckDialog

    with store.transaction() as s:
        rid = records.save_resident(s, person(name="李老太"), today=TODAY).id
    with store.session() as s:
        dialog = ElderlyCheckDialog(store, elderly.check_context(s, rid))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editors = dialog.form.editors
    editors["glucose"].main.setText("abc")
    dialog.save()
    assert dialog.isVisible()
    errors = {k: b.error.text() for k, b in dialog.form.boxes.items() if b.error.text()}
    bp = dialog.form.boxes["sbp"].error.text()
    assert "收缩压" in bp and "舒张压" in bp, errors
    assert "需要改正" in dialog.summary.text() and "空腹血糖应为1到40mmol/L" not in dialog.summary.text()
    wrong = [k for k, b in dialog.form.boxes.items() if b.error.text()]
    first = editors[wrong[0]]
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (first.focus, first.main))

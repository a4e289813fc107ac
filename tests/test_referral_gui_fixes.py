"""What the review of issue 15 found on screen: the follow-up form's tab order warnings, the 回转 in
full on the resident page with its slips, dated steps, the duplicate confirmation, the 随访 search
hint for a patient outside the filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from sqlalchemy import select

from app.models import Resident
from app.tools.demo import generate_demo
from tests.conftest import TODAY
from tests.test_gui import followup_dialog

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def qt_warnings():
    """Every Qt warning logged while the test runs."""
    seen: list[str] = []

    def handler(kind, _context, message):
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg):
            seen.append(message)

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)


@pytest.mark.parametrize("program", ["htn", "t2dm"])
def test_follow_up_form_sets_its_tab_order_without_qt_warnings(gui_app, qtbot, store, qt_warnings, program):
    with store.transaction() as s:
        generate_demo(s, 30, seed=3, today=TODAY, referrals=False)
        resident = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
    dialog = followup_dialog(store, resident.id, program)
    qtbot.addWidget(dialog)
    assert not [m for m in qt_warnings if "setTabOrder" in m], qt_warnings
    # and Tab still walks the form: from the visit date to the next field, in the same window
    first = dialog.visit_date
    assert first.nextInFocusChain().window() is dialog


@pytest.fixture
def returned_and_issued(store):
    """A resident with one referral returned three days after issue (the hospital's report in full) and
    one issued today."""
    import datetime as dt

    from app.services.programmes import referral
    from app.services.programmes.referral import ReferralInput, ReturnInput

    today = dt.date.today()
    with store.transaction() as s:
        generate_demo(s, 30, seed=3, today=TODAY, referrals=False)
        r = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        back = referral.create_referral(
            s,
            ReferralInput(resident_id=r.id, to_institution="县医院", to_department="心内科",
                          present_history="血压高\n头晕三天", issued_on=(today - dt.timedelta(days=5)).isoformat()),
        ).id  # fmt: skip
        referral.record_return(
            s,
            back,
            ReturnInput(diagnosis="高血压3级 高危", record_no="ZY-2026-88", findings="心电图：左室高电压",
                        plan="氨氯地平 5mg 每日1次\n两周后复查", doctor="王主任"),
            today - dt.timedelta(days=2),
        )  # fmt: skip
        issued = referral.create_referral(
            s, ReferralInput(resident_id=r.id, to_institution="朝阳乡卫生院", present_history="血糖高")
        ).id
    return r.id, back, issued


def _resident_page(qtbot, store, resident_id):
    from app.views.main_window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    detail = win.show_page("residents").open_resident(resident_id)
    detail.sections.setCurrentWidget(detail.referrals)
    return win, detail


def test_the_referral_tab_shows_the_return_in_full_and_prints_both_slips(
    gui_app, qtbot, store, returned_and_issued, monkeypatch
):
    import datetime as dt

    from app.views import print_page

    resident_id, back, issued = returned_and_issued
    _win, detail = _resident_page(qtbot, store, resident_id)
    lst = detail.referrals
    lst.table.selectRow([r.id for r in lst.rows].index(back))
    shown = lst.details.toPlainText()
    for text in ("高血压3级 高危", "ZY-2026-88", "心电图：左室高电压", "氨氯地平 5mg 每日1次\n两周后复查", "王主任",
                 "县医院 心内科", (dt.date.today() - dt.timedelta(days=2)).isoformat(), "血压高\n头晕三天"):  # fmt: skip
        assert text in shown, (text, shown)
    printed = []
    monkeypatch.setattr(
        print_page, "preview", lambda _p, data, title, name: printed.append((title, data[:4]))
    )
    assert lst.print_out.isEnabled() and lst.print_back.isEnabled()
    lst.print_back.click()
    lst.print_out.click()
    assert [t for t, _ in printed] == ["双向转诊（回转）单", "双向转诊（转出）单"]
    assert all(head == b"%PDF" for _t, head in printed)
    lst.table.selectRow([r.id for r in lst.rows].index(issued))
    assert lst.print_out.isEnabled() and not lst.print_back.isEnabled()  # nothing returned yet
    detail.reject()


def test_steps_are_dated_and_a_mistaken_step_can_be_undone(gui_app, qtbot, store, returned_and_issued):
    import datetime as dt

    from app.models import Referral

    resident_id, _back, issued = returned_and_issued
    _win, detail = _resident_page(qtbot, store, resident_id)
    lst = detail.referrals
    lst.table.selectRow([r.id for r in lst.rows].index(issued))
    dialog = lst.step("arrived")
    assert dialog.date.text() == dt.date.today().isoformat()
    dialog.date.setText("2000-01-01")
    assert dialog.save() is False and "早于转诊日期" in dialog.boxes["status_date"].error.text()
    dialog.date.setText(dt.date.today().isoformat())
    assert dialog.save() is True
    qtbot.waitUntil(lambda: next(r for r in lst.rows if r.id == issued).status == "arrived")
    lst.table.selectRow([r.id for r in lst.rows].index(issued))
    assert lst.undo.isEnabled() and lst.undo_step() is True
    with store.session() as s:
        assert s.get(Referral, issued).status == "issued"
    detail.reject()


def test_a_duplicate_referral_asks_before_issuing_a_second(gui_app, qtbot, store, returned_and_issued):
    from app.models import Referral

    resident_id, _back, _issued = returned_and_issued
    _win, detail = _resident_page(qtbot, store, resident_id)
    answers = []

    def count() -> int:
        with store.session() as s:
            return len(s.scalars(select(Referral).where(Referral.resident_id == resident_id)).all())

    before = count()
    for answer in (False, True):
        dialog = detail.new_referral()
        dialog.print_after.setChecked(False)
        dialog.fields["to_institution"].setText("朝阳乡卫生院")
        dialog.fields["present_history"].setPlainText("血糖高")
        dialog.confirm_duplicate = lambda error, a=answer: answers.append(error.render()) or a
        assert dialog.save() is answer
        if not answer:
            assert "朝阳乡卫生院" in dialog.summary.text()
            dialog.reject()
    assert count() == before + 1 and len(answers) == 2
    detail.reject()


@pytest.mark.slow
def test_followup_search_outside_the_overdue_filter_shows_everyone_and_enter_opens_the_patient(
    gui_app, qtbot, store
):
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.models import ProgramEnrolment
    from app.views.followups import FollowupDialog
    from app.views.main_window import MainWindow
    from tests.test_gui import type_into_focus

    with store.transaction() as s:
        generate_demo(s, 120, seed=8, today=TODAY)
        enrolment = s.scalars(
            select(ProgramEnrolment)
            .where(ProgramEnrolment.status == "1", ProgramEnrolment.program == "htn")
            .order_by(ProgramEnrolment.resident_id)
        ).first()
        enrolment.next_due = dt.date.today() + dt.timedelta(days=40)  # not overdue
        for other in s.scalars(
            select(ProgramEnrolment).where(
                ProgramEnrolment.resident_id == enrolment.resident_id, ProgramEnrolment.id != enrolment.id
            )
        ):
            other.next_due = dt.date.today() + dt.timedelta(days=40)
        patient = s.get(Resident, enrolment.resident_id)
        archive_no, resident_id = patient.archive_no, patient.id
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("followups")
    page.kind.setCurrentIndex(page.kind.findData("overdue"))
    page.refresh()
    assert resident_id not in {i.resident_id for i in page.all_items}
    page.search.setFocus()
    type_into_focus(qtbot, archive_no, page.search)
    page.apply_filter()
    assert page.kind.currentData() == "all"
    assert {i.resident_id for i in page.model.items} == {resident_id}
    assert page.summary.text() == "此患者不在当前筛选中 — 显示全部在管患者"
    if len(page.model.items) == 1:
        qtbot.keyClick(page.search, Qt.Key_Return)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FollowupDialog))
        form = QApplication.activeModalWidget()
        assert form.resident_id == resident_id
        form.reject()
    # someone in no programme at all: no switch, the list says nobody was found
    page.search.clear()
    page.kind.setCurrentIndex(page.kind.findData("overdue"))
    page.search.setText("不存在的人")
    page.apply_filter()
    assert page.kind.currentData() == "overdue" and page.model.items == []


def test_a_scan_of_a_patient_in_both_programmes_focuses_the_one_due_first(gui_app, qtbot, store):
    import datetime as dt

    from app.models import ProgramEnrolment
    from app.views.main_window import MainWindow

    with store.transaction() as s:
        generate_demo(s, 120, seed=8, today=TODAY)
        both = next(
            rid
            for rid in s.scalars(select(ProgramEnrolment.resident_id).where(ProgramEnrolment.status == "1"))
            if len(s.scalars(select(ProgramEnrolment).where(ProgramEnrolment.resident_id == rid,
                                                            ProgramEnrolment.status == "1")).all()) == 2
        )  # fmt: skip
        for e in s.scalars(select(ProgramEnrolment).where(ProgramEnrolment.resident_id == both)):
            e.next_due = dt.date.today() + dt.timedelta(days=(3 if e.program == "t2dm" else 30))
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    detail = win.show_page("residents").open_resident(both, focus_visit=True)
    assert detail.visit_buttons["t2dm"].isDefault() and not detail.visit_buttons["htn"].isDefault()
    detail.reject()


def test_audit_page_names_referral_steps_and_the_user_column_in_english(gui_app, qtbot, store):
    from app.views.audit_page import AuditPage
    from app.views.startup import install_translator

    install_translator(gui_app, "en")
    try:
        page = AuditPage(store)
        qtbot.addWidget(page)
        assert (
            page._summary("转诊 到位：罗有才 11010500110100001")
            == "Referral arrived: 罗有才 11010500110100001"
        )
        assert page._summary("罗有才 11010500110100001") == "罗有才 11010500110100001"
        headers = [page.table.horizontalHeaderItem(i).text() for i in range(page.table.columnCount())]
        assert "User" in headers and "Users" not in headers
    finally:
        install_translator(gui_app, "zh")


def test_english_return_dialog_names_the_department_without_chinese_brackets(
    gui_app, qtbot, store, returned_and_issued
):
    from PySide6.QtWidgets import QLabel

    from app.services.programmes import referral
    from app.views.referrals import ReferralStepDialog
    from app.views.startup import install_translator

    resident_id, back, _issued = returned_and_issued
    with store.session() as s:
        row = next(r for r in referral.list_referrals(s, resident_id=resident_id) if r.id == back)
    install_translator(gui_app, "en")
    try:
        dialog = ReferralStepDialog(store, row, "returned")
        qtbot.addWidget(dialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        who = next(t for t in texts if row.archive_no in t)
        assert who == f"{row.resident_name} ({row.archive_no}) → 县医院 心内科"
        assert "Returning doctor (hospital; signs the return slip)" in texts and "Date *" in texts
    finally:
        install_translator(gui_app, "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_return_dialogs_labels_are_whole(gui_app, qtbot, store, returned_and_issued, lang):
    """Found by review: "诊断结果 *" and "住院病案号" wrapped onto two lines beside one-line boxes and
    were cut at top and bottom.  Every label is as tall as its text needs at its width, and a short
    one stays on one line."""
    from PySide6.QtWidgets import QLabel

    from app.services.programmes import referral
    from app.views.referrals import ReferralStepDialog
    from app.views.startup import install_translator

    resident_id, back, _issued = returned_and_issued
    with store.session() as s:
        row = next(r for r in referral.list_referrals(s, resident_id=resident_id) if r.id == back)
    install_translator(gui_app, lang)
    try:
        dialog = ReferralStepDialog(store, row, "returned")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is not None]
        assert len(labels) == 7  # (and 转诊单's)
        for label in labels:
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        line = labels[0].fontMetrics().lineSpacing()
        first = next(w for w in labels if w.text() in ("诊断结果 *", "Diagnosis *"))  # one line
        assert first.heightForWidth(first.width()) < 2 * line, first.text()
    finally:
        install_translator(gui_app, "zh")

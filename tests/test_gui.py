"""GUI tests (pytest-qt, offscreen): a doctor's keystrokes, and what the windows show."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models import Resident
from app.tools.demo import generate_demo
from app.views.enrolment_form import EnrolmentDialog
from app.views.main_window import MainWindow
from tests import storekit
from tests.conftest import TODAY, make_store

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]
ID = "11010519491231002X"


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory):
    """A village of 200 demo residents, made once a module and frozen."""
    folder = tmp_path_factory.mktemp("gui-demo")
    store = make_store(folder)
    with store.transaction() as s:
        generate_demo(s, 200, seed=2, today=TODAY)
    storekit.freeze(store)
    return folder / "data-village"


@pytest.fixture
def store(request, tmp_path):
    """A test with the main window gets its own copy of the demo register; the others an empty store."""
    if "window" in request.fixturenames:
        s = storekit.copy_store(request.getfixturevalue("demo_register"), tmp_path / "demo")
    else:
        s = make_store(tmp_path)
    yield s
    s.dispose()


@pytest.fixture
def window(gui_app, qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    # A button's shortcut (Ctrl+N) reaches only the active window: wait for it, not only for the
    # window to be drawn (in CI, once, Ctrl+N went to a window not yet active and opened nothing)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def assert_pages_fit(qtbot, window, keys, *said) -> None:
    """Each page of ``keys`` asks for no more width than the main window's page area has: nothing
    of it is cut at the window's edge, nor scrolls sideways."""
    for key in keys:
        page = window.show_page(key)
        qtbot.wait(30)
        room = window._frames[key].viewport().width()  # the page's scroll area
        wants = page.minimumSizeHint().width()
        assert wants <= room, (*said, key, wants, room)


def htn_patient(store, name: str, since: dt.date):
    """A resident (born 1955) under hypertension management since ``since``; their id."""
    from app.services.programmes import followup
    from app.services.records.residents import ResidentInput, save_resident

    with store.transaction() as s:
        r = save_resident(
            s, ResidentInput(name=name, sex="1", birth_date="1955-05-05", enrolled_on="2020-01-01")
        )
        followup.enrol(s, r, "htn", since)
        return r.id


def followup_dialog(store, resident_id, program):
    """The entry form as the page opens it: its context read once, then no store access while typing."""
    from app.services.programmes import followup
    from app.views.followups import FollowupDialog

    with store.session() as s:
        return FollowupDialog(store, followup.visit_context(s, resident_id, program))


def dialog_after_a_visit(store, resident_id, day: str, drugs: list[dict]):
    """The hypertension entry form of a patient whose last visit, of ``day``, gave ``drugs``."""
    from app.services.programmes.followup import VisitInput, save_visit

    with store.transaction() as s:
        save_visit(
            s,
            s.get(Resident, resident_id),
            VisitInput(visit_date=day, measurements={"sbp": "138", "dbp": "86"}, drugs=drugs),
            today=TODAY,
        )
    return followup_dialog(store, resident_id, "htn")


def type_into_focus(qtbot, text: str, widget=None) -> None:
    """Type as a doctor would: ASCII as key presses, Chinese as a Chinese input method commits it."""
    widget = widget or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def open_dialog(qtbot) -> EnrolmentDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EnrolmentDialog))
    return QApplication.activeModalWidget()


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_keyboard_only_enrolment_then_find_by_initials_and_id_tail(window, qtbot, store):
    page = window.show_page("residents")
    page.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)
    press(qtbot, Qt.Key_N, Qt.ControlModifier)  # 新建档案
    dialog = open_dialog(qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.name)
    type_into_focus(qtbot, "王小明")
    press(qtbot, Qt.Key_Tab)  # 证件类型
    press(qtbot, Qt.Key_Tab)  # 身份证号
    assert QApplication.focusWidget() is dialog.form.id_number
    type_into_focus(qtbot, ID.lower())
    press(qtbot, Qt.Key_Tab)  # the ID fills sex and birth date
    assert dialog.form.sex.code() == "2"
    assert dialog.form.birth_date.text() == "1949-12-31"
    press(qtbot, Qt.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with store.session() as s:
        saved = s.scalar(select(Resident).where(Resident.id_number == ID))
    assert saved.name == "王小明" and saved.sex == "2"

    type_into_focus(qtbot, "wxm", page.search)
    qtbot.waitUntil(lambda: "王小明" in [r.name for r in page.model.rows])
    page.search.clear()
    type_into_focus(qtbot, "002x", page.search)
    qtbot.waitUntil(lambda: [r.name for r in page.model.rows][:1] == ["王小明"])
    assert page.model.index(0, 4).data() == "110105********002X"  # masked in the list


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_failed_save_shows_errors_inline_and_keeps_what_was_typed(window, qtbot, store):
    page = window.show_page("residents")
    dialog = page.new_resident()
    form = dialog.form
    type_into_focus(qtbot, "王小明", form.name)
    qtbot.keyClicks(form.id_number, "110105194912310021")  # wrong check digit
    qtbot.keyClicks(form.phone, "1381234")
    form.payment.boxes["3"].setChecked(True)
    assert dialog.save() is False
    assert dialog.isVisible()
    assert form.boxes["id_number"].error.isVisible()
    assert "校验位错误" in form.boxes["id_number"].error.text()
    assert "11位" in form.boxes["phone"].error.text()
    assert (form.name.text(), form.id_number.text(), form.phone.text()) == (
        "王小明",
        "110105194912310021",
        "1381234",
    )
    assert form.payment.codes() == ["3"]
    assert dialog.focusWidget() in (form.id_number, form.sex)  # the first wrong field takes the focus
    with store.session() as s:
        assert s.scalar(select(Resident).where(Resident.name == "王小明")) is None
    # correcting the ID makes the same dialog save
    form.id_number.setText(ID)
    form.phone.setText("13812345678")
    assert dialog.save() is True


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_scanner_input_opens_the_resident(window, qtbot, store):
    page = window.show_page("residents")
    archive = page.model.rows[5].archive_no
    type_into_focus(qtbot, archive, page.search)
    qtbot.keyClick(page.search, Qt.Key_Return)  # scanners end with Enter
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    detail = QApplication.activeModalWidget()
    assert archive in [lbl.text() for lbl in detail.findChildren(type(page.hint))][1]
    detail.reject()


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_add_a_household_member_from_the_resident_page(window, qtbot, store):
    page = window.show_page("residents")
    head = next(r for r in page.model.rows if r.age > 40)
    detail = page.open_resident(head.id)
    before = detail.n_members
    defaults = detail.overview.member_defaults
    assert defaults["current_address"] and defaults["group_name"]
    detail.add_member_requested.emit(*detail.household, defaults)
    dialog = open_dialog(qtbot)
    # no relation chosen for the doctor (it was 配偶: a girl of 16 saved as the head's spouse); the
    # household's addresses and group filled in (they were blank, and saved so)
    assert dialog.form.relation.isEnabled() and dialog.form.relation.code() in ("", None)
    typed = dialog.form.to_input()
    assert (typed.current_address, typed.group_name) == (defaults["current_address"], defaults["group_name"])
    dialog.form.name.setText("杨小妹")
    dialog.form.sex.set_code("2")
    dialog.form.birth_date.setText("2015-06-01")
    assert dialog.save() is False  # the relation to choose first
    dialog.form.relation.set_code("3")
    assert dialog.save() is True
    again = page.open_resident(head.id)
    assert again.n_members == before + 1
    member = next(m for m in again.overview.members if m.name == "杨小妹")
    assert member.relation == "3"
    again.reject()
    from app.models import Resident

    with store.session() as s:
        saved = s.get(Resident, member.id)
        assert (
            saved.current_address == defaults["current_address"]
            and saved.group.name == defaults["group_name"]
        )


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_lazy_list_loads_pages_as_it_scrolls(window, qtbot):
    page = window.show_page("residents")
    assert len(page.model.rows) == 100 and page.model.canFetchMore()
    page.model.fetchMore()
    assert len(page.model.rows) == 200


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_main_window_shows_profile_and_user(window, store, qtbot):
    texts = [w.text() for w in window.statusBar().findChildren(type(window.home.title))]
    assert any("测试村" in t and "110105001101" in t for t in texts)
    assert any("当前用户：系统" in t for t in texts)  # no login: the system account
    from app.services.access import accounts

    accounts.set_first_password(store, "doctor", "first-pass-1", "first-pass-1")  # the first run
    logged_in = MainWindow(store)
    qtbot.addWidget(logged_in)
    texts = [w.text() for w in logged_in.statusBar().findChildren(type(window.home.title))]
    assert any("当前用户：李医生" in t for t in texts)
    store.actor = None
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "工作台",
        "居民档案",
        "随访",
        "老年人",
        "专项随访",
        "签约",
        "贫困户",
        "健康教育",
        "打印",
        "同步",
        "审计",
        "质量",
        "审核",
        "用户",
        "设置",
    ]
    assert window.home.cards["residents"].text() == "200"


@pytest.mark.sqlite_only  # no store
def test_bundled_font_renders_chinese(gui_app):
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(gui_app.font())
    assert all(metrics.inFont(ch) for ch in "村医居民健康档案")
    assert "WenQuanYi" in gui_app.font().family()


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_roster_check_with_no_file_chosen_asks_for_one(qtbot, store, monkeypatch):
    """检查 or 导入 before a file is chosen opens the file chooser (the empty path was read as the
    folder "." and refused as a folder)."""
    from PySide6.QtWidgets import QFileDialog

    from app.views.roster_import import RosterImportDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a), ("", ""))[1])
    dialog = RosterImportDialog(store)
    qtbot.addWidget(dialog)
    before = dialog.summary.text()
    dialog.check_button.click()
    dialog.import_button.click()
    assert len(asked) == 2 and dialog.summary.text() == before and "文件夹" not in before


@pytest.mark.slow
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_roster_import_dialog_checks_then_imports_off_the_gui_thread(window, qtbot, store, tmp_path):
    import csv

    from app.views.roster_import import RosterImportDialog

    path = tmp_path / "花名册.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        csv.writer(f).writerows(
            [
                ["姓名", "性别", "出生日期", "身份证号", "村民小组"],
                ["钱大勇", "男", "1970-05-05", "", "五组"],
                ["孙错号", "男", "1980-01-01", "110105198001010019", "五组"],
            ]
        )
    dialog = RosterImportDialog(store, window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.errors.rowCount() == 1, timeout=10_000)
    assert dialog.errors.item(0, 0).text() == "3" and "校验位错误" in dialog.errors.item(0, 3).text()
    assert "2 行：1 行可导入，1 行有错误" in dialog.summary.text()
    dialog.import_button.click()  # without skipping, nothing lands
    qtbot.waitUntil(lambda: "未导入任何记录" in dialog.summary.text(), timeout=10_000)
    with store.session() as s:
        assert s.scalar(select(Resident).where(Resident.name == "钱大勇")) is None
    dialog.skip.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    with store.session() as s:
        assert s.scalar(select(Resident).where(Resident.name == "钱大勇")) is not None
    assert (tmp_path / "花名册.rejected.csv").exists()


@pytest.mark.slow
def test_routine_followup_from_the_due_list_keyboard_only(gui_app, qtbot, store):
    from app.models import FollowupVisit
    from app.views.followups import FollowupDialog  # noqa: F401

    with store.transaction() as s:
        generate_demo(s, 400, seed=4)  # today's dates: the worklists are relative to today
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    page = w.show_page("followups")
    page.program.setCurrentIndex(page.program.findData("htn"))  # the hypertension list
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    item = page.selected()
    assert item.program == "htn"
    w.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Return)  # Enter on the selected patient
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FollowupDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.visit_date)  # today, already filled in
    for _ in range(30):  # Tab through 随访方式 and 症状 to 血压, as on paper
        if QApplication.focusWidget() is dialog.sbp:
            break
        press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is dialog.sbp
    type_into_focus(qtbot, "128")
    press(qtbot, Qt.Key_Tab)
    type_into_focus(qtbot, "78")
    assert "建议：控制满意" in dialog.suggestion.text() and dialog.emergency.text() == ""
    press(qtbot, Qt.Key_Return)
    errors = [b.error.text() for b in dialog.boxes.values() if b.error.text()]
    assert not errors, errors
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with store.session() as s:
        visit = s.get(FollowupVisit, dialog.result_visit.id)
        assert (visit.resident_id, visit.sbp, visit.dbp, visit.classification) == (
            item.resident_id,
            128,
            78,
            1,
        )
    assert page.kind.currentData() == "overdue"  # seen today: off the overdue list
    assert (item.resident_id, item.program) not in [(i.resident_id, i.program) for i in page.model.items]


def new_patient(store, name: str, program: str):
    """A resident (born 1955) just put under management for ``program``: its id."""
    from app.services.programmes import followup
    from app.services.records.residents import ResidentInput, save_resident

    with store.transaction() as s:
        r = save_resident(s, ResidentInput(name=name, sex="1", birth_date="1955-05-05"))
        followup.enrol(s, r, program, r.enrolled_on)
        return r.id


def test_an_uncontrollable_adverse_reaction_can_be_recorded_and_suggests_a_referral(gui_app, qtbot, store):
    """DOMAIN.md: 不良反应难以控制 → refer.  The rules knew it; neither the form nor the CLI could say it."""
    dialog = followup_dialog(store, new_patient(store, "反应甲", "htn"), "htn")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.sbp, "132")
    qtbot.keyClicks(dialog.dbp, "82")
    dialog.adverse.setChecked(True)
    assert "建议转诊" not in dialog.suggestion.text()  # a first reaction: adjust the drugs
    dialog.adverse_uncontrolled.setChecked(True)
    assert "建议转诊" in dialog.suggestion.text()


def test_emergency_case_shows_its_reasons(gui_app, qtbot, store):
    rid = new_patient(store, "急诊甲", "t2dm")
    dialog = followup_dialog(store, rid, "t2dm")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.glucose, "2.8")
    qtbot.keyClicks(dialog.sbp, "150")
    qtbot.keyClicks(dialog.dbp, "90")
    assert "血糖≤3.9mmol/L（2.8）" in dialog.emergency.text()
    dialog.signs.boxes["acetone"].setChecked(True)
    assert "呼气有烂苹果样丙酮味" in dialog.emergency.text()
    referral_dialog = dialog.save_and_refer()  # one click from the emergency to a pre-filled referral
    assert dialog.result_visit.referral_suggested and len(dialog.result_visit.emergency_reasons) == 2
    assert "血糖≤3.9mmol/L（2.8）" in referral_dialog.value("present_history")
    assert referral_dialog.value("impression").startswith("2型糖尿病")
    assert referral_dialog.save() is False  # no destination yet
    assert "没有去向" in referral_dialog.boxes["to_institution"].error.text()
    referral_dialog.fields["to_institution"].setText("朝阳乡卫生院")
    assert referral_dialog.save() is True
    from app.models import Referral

    with store.session() as s:
        r = s.get(Referral, referral_dialog.referral_id)
        assert (r.resident_id, r.to_institution, r.emergency) == (rid, "朝阳乡卫生院", True)


def test_an_emergency_visit_saved_with_enter_offers_the_referral(gui_app, qtbot, store, monkeypatch):
    """Found by review: 190/115 in red, Enter saved the visit and nothing more; the referral the
    rules call for was never offered (the 老年人 check offers one).  Saved with Enter, it is asked;
    saved with 保存并开转诊单, the slip opens without asking."""
    from PySide6.QtWidgets import QMessageBox

    from app.views import followups

    asked = []
    monkeypatch.setattr(
        followups.QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.Yes
    )
    dialog = followup_dialog(store, new_patient(store, "急诊乙", "htn"), "htn")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.sbp, "190")
    qtbot.keyClicks(dialog.dbp, "115")
    qtbot.keyClick(dialog.dbp, Qt.Key_Return)
    assert dialog.result_visit is not None and len(asked) == 1
    assert "此次随访需要紧急转诊" in asked[0] and "收缩压≥180mmHg（190）" in asked[0]
    assert "收缩压≥180mmHg（190）" in dialog.referral_dialog.value("present_history")  # (the slip opened)
    asked.clear()
    again = followup_dialog(store, new_patient(store, "急诊丙", "htn"), "htn")
    qtbot.addWidget(again)
    qtbot.keyClicks(again.sbp, "190")
    qtbot.keyClicks(again.dbp, "115")
    assert again.save_and_refer() is not None and asked == []
    calm = followup_dialog(store, new_patient(store, "平稳丁", "htn"), "htn")
    qtbot.addWidget(calm)
    qtbot.keyClicks(calm.sbp, "132")
    qtbot.keyClicks(calm.dbp, "82")
    assert calm.save() and asked == []  # (nothing to offer)


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_past_history_of_hypertension_offers_programme_enrolment(window, qtbot, store, monkeypatch):
    from app.services.programmes import followup

    page = window.show_page("residents")
    asked = []
    monkeypatch.setattr(page, "ask", lambda title, text: asked.append(text) or True)
    dialog = page.new_resident()
    dialog.form.name.setText("高压甲")
    dialog.form.sex.set_code("1")
    dialog.form.birth_date.setText("1958-08-08")
    dialog.form.disease_checks["2"].setChecked(True)
    dialog.form.disease_dates["2"].setText("2019-05")
    assert dialog.save() is True
    assert asked == ["既往史有高血压，是否纳入高血压患者管理？"]
    with store.session() as s:
        rid = s.scalar(select(Resident.id).where(Resident.name == "高压甲"))
        assert followup.active_enrolment(s, rid, "htn") is not None
        assert followup.programs_to_offer(s, rid) == []


def test_lost_to_follow_up_from_the_dialog_and_worklist_filters(gui_app, qtbot, store):
    from app.services.programmes import followup
    from app.views.followups import FollowupPage

    with store.transaction() as s:
        generate_demo(s, 400, seed=6)
    page = FollowupPage(store)
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("all"))
    everyone = page.model.rowCount()
    page.group.setCurrentIndex(1)
    group_label = page.group.currentText().split()[-1]
    assert 0 < page.model.rowCount() < everyone
    assert {i.group_name for i in page.model.items} == {group_label}
    page.group.setCurrentIndex(0)
    item = page.model.items[0]
    dialog = followup_dialog(store, item.resident_id, item.program)
    qtbot.addWidget(dialog)
    assert not dialog.lost_reason.isVisibleTo(dialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("lost"))
    assert dialog.lost_reason.isVisibleTo(dialog)
    assert dialog.save() is False and "失访请写明原因" in dialog.failed_box.error.text()
    dialog.lost_reason.setText("外出务工")
    assert dialog.save() is True
    with store.session() as s:
        assert followup.active_enrolment(s, item.resident_id, item.program) is None


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_provincial_fields_appear_when_switched_on_in_settings(gui_app, qtbot, store, window):
    from app.models import FollowupVisit
    from app.services.programmes import followup
    from app.views.followups import FollowupDialog  # noqa: F401

    with store.transaction() as s:
        from app.services.records.residents import ResidentInput, save_resident

        r = save_resident(s, ResidentInput(name="省扩展", sex="2", birth_date="1956-06-06"))
        followup.enrol(s, r, "htn", r.enrolled_on)
        rid = r.id
    assert followup_dialog(store, rid, "htn").provincial == {}  # off by default
    page = window.show_page("settings")
    page.provincial.setChecked(True)
    page.save()
    dialog = followup_dialog(store, rid, "htn")
    qtbot.addWidget(dialog)
    assert set(dialog.provincial) == {
        "drug_adjustment",
        "next_step",
        "referral_contact",
        "referral_result",
        "note",
    }
    dialog.sbp.setText("132")
    dialog.dbp.setText("82")
    dialog.provincial["next_step"].set_code("1")
    dialog.provincial["note"].setText("血压平稳")
    assert dialog.save() is True
    with store.session() as s:
        assert s.get(FollowupVisit, dialog.result_visit.id).provincial == {
            "next_step": "1",
            "note": "血压平稳",
        }


def test_end_management_from_the_resident_page(gui_app, qtbot, store):
    from app.services.programmes import followup
    from app.views.end_management import EndManagementDialog

    with store.transaction() as s:
        from app.services.records.residents import ResidentInput, save_resident

        r = save_resident(
            s, ResidentInput(name="迁出乙", sex="1", birth_date="1951-01-01", enrolled_on="2020-01-01")
        )
        e = followup.enrol(s, r, "htn", dt.date(2024, 1, 1))
        rid, eid = r.id, e.id
    dialog = EndManagementDialog(store, eid)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("3"))
    assert dialog.save() is False and dialog.boxes["reason"].error.text()
    dialog.reason.setText("迁往外省")
    assert dialog.save() is True
    with store.session() as s:
        assert followup.active_enrolment(s, rid, "htn") is None


def test_the_followup_dialog_runs_no_query_while_typing(gui_app, qtbot, store):
    """The live suggestion is a pure function of the form and a context read when the dialog opens."""
    from sqlalchemy import event

    with store.transaction() as s:
        generate_demo(s, 60, seed=3, today=TODAY)
    with store.session() as s:
        from app.models import FollowupVisit

        rid = s.scalars(select(FollowupVisit.resident_id).where(FollowupVisit.program == "htn")).first()
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    dialog = followup_dialog(store, rid, "htn")
    qtbot.addWidget(dialog)
    event.listen(store.engine, "before_cursor_execute", count)
    try:
        for widget, text in ((dialog.sbp, "165"), (dialog.dbp, "102"), (dialog.heart_rate, "88")):
            qtbot.keyClicks(widget, text)
        dialog.visit_date.clear()
        qtbot.keyClicks(dialog.visit_date, TODAY.isoformat())
        dialog.signs.boxes[next(iter(dialog.signs.boxes))].setChecked(True)
        assert "紧急转诊" in dialog.emergency.text()  # the suggestion did follow the typing
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert statements == []


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_settings_say_when_this_run_is_in_another_language(gui_app, qtbot, store):
    """`gui --lang en` over a store whose saved language is Chinese: the box shows the saved
    language, and a note says this run is in English (it read as if English were not chosen)."""
    from app.views.settings_page import SettingsPage
    from app.views.startup import install_translator

    install_translator(gui_app, "en")
    try:
        page = SettingsPage(store)
        qtbot.addWidget(page)
        assert page.language.currentData() == "zh"
        assert "English" in page.note.text() and "saved" in page.note.text()
    finally:
        install_translator(gui_app, "zh")
    page = SettingsPage(store)
    qtbot.addWidget(page)
    assert page.note.text() == ""  # running in the saved language: nothing to say


def test_the_65_plus_hypertension_target_is_chosen_in_settings(gui_app, qtbot, store):
    from app.services import settings
    from app.views.settings_page import SettingsPage

    page = SettingsPage(store)
    qtbot.addWidget(page)
    assert page.elderly_target.currentData() == "150/90"  # the national default
    page.elderly_target.setCurrentIndex(page.elderly_target.findData("140/90"))
    page.save()
    with store.session() as s:
        assert settings.thresholds(s).elderly_sbp == 140
    again = SettingsPage(store)
    qtbot.addWidget(again)
    assert again.elderly_target.currentData() == "140/90"


@pytest.mark.sqlite_only
def test_every_hint_of_the_enrolment_form_is_whole_in_english(gui_app, qtbot, store):
    """An empty field's hint is read whole ("diagnosed year-month" was cut to "diagnosed yea…")."""
    from PySide6.QtWidgets import QLineEdit

    from app.views.enrolment_form import EnrolmentDialog
    from app.views.startup import install_translator

    install_translator(gui_app, "en")
    try:
        dialog = EnrolmentDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        # the dialog's usual 860 px hold the form: two diseases a line made it 901 px wide in
        # English, and the dialog scrolled sideways on a small screen
        assert dialog.form.minimumSizeHint().width() <= 760
        hinted = [e for e in dialog.findChildren(QLineEdit) if e.placeholderText() and e.isVisible()]
        assert any(e.placeholderText() == "diagnosed year-month" for e in hinted)
        for edit in hinted:
            room = edit.width() - 12  # the frame and text margins
            assert room >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()), (
                edit.placeholderText()
            )
    finally:
        install_translator(gui_app, "zh")


@pytest.mark.sqlite_only  # the form alone
def test_both_pressures_wrong_are_both_said(gui_app, qtbot, store):
    """400/20: the systolic and the diastolic share one box; both errors are said (the diastolic's
    replaced the systolic's)."""
    from app.services.programmes import followup
    from app.services.records.residents import ResidentInput, save_resident

    with store.transaction() as s:
        r = save_resident(s, ResidentInput(name="两错", sex="1", birth_date="1950-01-01"))
        followup.enrol(s, r, "htn", r.enrolled_on)
        rid = r.id
    dialog = followup_dialog(store, rid, "htn")
    qtbot.addWidget(dialog)
    dialog.sbp.setText("400")
    dialog.dbp.setText("20")
    assert dialog.save() is False
    said = dialog.boxes["sbp"].error.text()
    assert "收缩压" in said and "舒张压" in said, said


@pytest.mark.sqlite_only  # (no store)
def test_work_that_ends_after_its_window_closed_tells_nobody(gui_app, qtbot):
    """A report still computing when its window is closed: its result is not drawn into the closed
    window (on its way to deletion, its layouts may already be gone: drawing there raised and could
    crash the app)."""
    import threading

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QWidget

    from app.views.worker import run_in_background

    drawn, release = [], threading.Event()
    for close in (False, True):
        window = QWidget()
        qtbot.addWidget(window)
        window.show()
        release.clear()
        task = run_in_background(window, "…", lambda *_: release.wait(5), drawn.append, drawn.append)
        if close:
            window.close()
        release.set()
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
        qtbot.wait(50)  # the result's signal delivered
        del task
    assert drawn == [True]  # the open window's only


@pytest.mark.sqlite_only  # (no store)
def test_progress_never_runs_other_events_inside_its_slot(gui_app, qtbot):
    """Progress moves the bar of the shown, modal dialog and nothing else happens meanwhile.
    QProgressDialog.setValue runs processEvents() once the dialog is shown: the events delivered
    inside the progress slot (the work ending, its window closing) deleted objects still on the
    stack, and a GUI test run died of a segfault there.  Also: the dialog still shows itself
    after its minimum duration, and its bar follows the work."""
    import sys
    import threading

    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QProgressBar, QWidget

    from app.views.worker import run_in_background

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    go, reported, release = threading.Event(), threading.Event(), threading.Event()

    def work(progress, _cancelled):
        go.wait(5)
        progress(3, 10)
        reported.set()
        release.wait(5)
        return "done"

    results = []
    task = run_in_background(window, "…", work, results.append, results.append)
    dialog = task._dialog
    qtbot.waitUntil(dialog.isVisible, timeout=6000)  # shown by its own timer, with no progress yet
    # The progress is queued for the GUI thread before the marker is: the slot runs first.
    go.set()
    assert reported.wait(5)

    def marker():  # where the event loop ran it: within the progress slot, or after it
        frame, inside = sys._getframe(), False
        while frame is not None:
            inside = inside or frame.f_code.co_name == "_on_progress"
            frame = frame.f_back
        ran.append((inside, dialog.findChild(QProgressBar).value()))

    ran = []
    QTimer.singleShot(0, marker)
    qtbot.waitUntil(lambda: bool(ran), timeout=3000)
    assert ran == [(False, 3)]  # after the progress (the bar at 3), not inside its slot
    assert dialog.findChild(QProgressBar).maximum() == 10
    release.set()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    qtbot.waitUntil(lambda: results == ["done"])
    assert not dialog.isVisible()


def test_a_visit_recorded_by_mistake_is_voided_from_the_resident_page(gui_app, qtbot, store, tmp_path):
    """作废所选随访…: the selected follow-up is voided with the reason typed, the history no longer
    lists it, and cancelling the question changes nothing."""
    from app.models import FollowupVisit
    from app.services.programmes import followup
    from app.services.records import overview as records_overview
    from app.services.sync import capture
    from app.views.residents import ResidentDialog

    today = capture.pc_today()
    rid = htn_patient(store, "作废甲", today - dt.timedelta(days=100))
    with store.transaction() as s:
        for day in (today - dt.timedelta(days=40), today):
            followup.record_visit(
                s,
                rid,
                followup.VisitInput(
                    program="htn", visit_date=day.isoformat(), measurements={"sbp": "130", "dbp": "80"}
                ),
            )
    with store.session() as s:
        overview = records_overview.resident_overview(s, rid)
    dialog = ResidentDialog(store, overview)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sections.setCurrentWidget(dialog.programme_tabs["htn"])
    table, button = dialog.visit_tables["htn"], dialog.void_buttons["htn"]
    assert table.rowCount() == 2 and not button.isEnabled()
    table.selectRow(0)  # the newest: today's
    assert button.isEnabled() and table.item(0, 0).text() == today.isoformat()
    dialog.grab().save(str(tmp_path / "void.png"))
    asked = []
    dialog.ask_reason = lambda title, text: asked.append(text) or None  # cancelled
    button.click()
    assert today.isoformat() in asked[0]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(FollowupVisit).where(FollowupVisit.voided)) == 0
    dialog.ask_reason = lambda title, text: "录到了别人名下"
    button.click()
    qtbot.waitUntil(lambda: dialog.visit_tables["htn"].rowCount() == 1, timeout=5_000)
    # still on the programme's tab (it went to 转诊), saying what was done
    assert dialog.sections.currentWidget() is dialog.programme_tabs["htn"]
    assert dialog.notice.text() == f"已作废 {today.isoformat()} 的高血压随访"
    with store.session() as s:
        (voided,) = s.scalars(select(FollowupVisit).where(FollowupVisit.voided)).all()
        assert (voided.visit_date, voided.void_reason) == (today, "录到了别人名下")


def test_a_programme_tab_says_when_the_next_follow_up_is_due(gui_app, qtbot, store):
    """A patient 310 days overdue read only "在管" on their 高血压 tab: the head now says when the next
    follow-up is due, and how late it is, in red."""
    from app.models import ProgramEnrolment
    from app.services.programmes import followup
    from app.services.records import overview as records_overview
    from app.services.sync import capture
    from app.views.residents import ResidentDialog

    today = capture.pc_today()
    rid = htn_patient(store, "逾期甲", today - dt.timedelta(days=400))
    with store.transaction() as s:
        followup.record_visit(
            s,
            rid,
            followup.VisitInput(
                program="htn",
                visit_date=(today - dt.timedelta(days=300)).isoformat(),
                measurements={"sbp": "130", "dbp": "80"},
            ),
        )
    with store.session() as s:
        due = s.scalar(select(ProgramEnrolment.next_due).where(ProgramEnrolment.resident_id == rid))
        overview = records_overview.resident_overview(s, rid)
    late = (today - due).days
    assert late > 0
    dialog = ResidentDialog(store, overview)
    qtbot.addWidget(dialog)
    head = dialog.management_heads["htn"]
    assert head.text().endswith(f"；应随访 {due.isoformat()}（逾期{late}天）")
    assert "#b00020" in head.styleSheet()


@pytest.mark.sqlite_only  # the dialog's layout
def test_a_residents_page_fits_a_small_screen_in_english(gui_app, qtbot, store):
    """Its six buttons on one line kept the English page 818 px wide, more than an 800-pixel
    screen: the prints go on a line of their own when narrow."""
    from app.services.records import overview as records_overview
    from app.services.sync import capture
    from app.views.residents import ResidentDialog
    from app.views.startup import install_translator

    rid = htn_patient(store, "窄屏甲", capture.pc_today() - dt.timedelta(days=30))
    install_translator(gui_app, "en")
    try:
        with store.session() as s:
            overview = records_overview.resident_overview(s, rid)
        dialog = ResidentDialog(store, overview)
        qtbot.addWidget(dialog)
        assert dialog.minimumSizeHint().width() <= 760
    finally:
        install_translator(gui_app, "zh")


def test_copy_last_medication_fills_the_drug_rows_from_the_visit_before(gui_app, qtbot, store):
    """复制上次用药 once raised (the last visit's drugs are a tuple) and copied nothing."""

    drugs = [
        {"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5},
        {"name": "氢氯噻嗪片", "times_per_day": 1, "mg_per_time": 12.5},
    ]
    dialog = dialog_after_a_visit(
        store, htn_patient(store, "周桂芳", dt.date(2025, 1, 6)), "2025-03-03", drugs
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_drugs, Qt.LeftButton)
    filled = [(n.text(), t.text(), m.text()) for n, t, m in dialog.drugs]
    assert filled[:3] == [("氨氯地平片", "1", "5"), ("氢氯噻嗪片", "1", "12.5"), ("", "", "")]


@pytest.mark.sqlite_only
def test_a_fault_no_operation_caught_is_logged_and_said_in_one_sentence(gui_app, qtbot, monkeypatch, caplog):
    """The GUI's excepthook: a button handler's own fault (复制上次用药 once raised) reaches the log
    with its traceback and the user as one sentence, never as a traceback; one box at a time."""
    from PySide6.QtWidgets import QMessageBox

    from app.views import operations

    def fault() -> TypeError:
        try:
            raise TypeError('can only concatenate tuple (not "list") to tuple')
        except TypeError as e:
            return e

    said = []

    def critical(parent, title, text):  # the box, and a second fault while it is open
        said.append(text)
        again = fault()
        operations.report_unexpected(TypeError, again, again.__traceback__)

    monkeypatch.setattr(QMessageBox, "critical", critical)
    first = fault()
    with caplog.at_level("ERROR"):
        operations.report_unexpected(TypeError, first, first.__traceback__)
    assert len(said) == 1 and "TypeError" in said[0] and "Traceback" not in said[0]
    assert sum(1 for r in caplog.records if r.exc_info and r.exc_info[0] is TypeError) == 2  # both logged


@pytest.mark.parametrize("which", ["enrolment", "followup"])
def test_enter_saves_after_the_focus_has_passed_the_cancel_button(gui_app, qtbot, store, which):
    """Found by review: once Tab had taken the focus over 取消, Enter in any field cancelled the form
    and threw away all that was typed: 取消 stayed the default button (the 保存 button was made the
    default before it was in the dialog, so the dialog did not know it)."""
    from PySide6.QtWidgets import QDialogButtonBox

    if which == "enrolment":
        dialog = EnrolmentDialog(store)
    else:
        dialog = followup_dialog(store, htn_patient(store, "李四", dt.date(2026, 1, 5)), "htn")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    saved = []
    dialog.save = lambda: saved.append(True)  # (what Enter does; the form's own checks aside)
    box = dialog.findChild(QDialogButtonBox)
    box.accepted.disconnect()
    box.accepted.connect(dialog.save)
    cancel = next(b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.RejectRole)
    cancel.setFocus()
    qtbot.waitUntil(cancel.hasFocus)
    from PySide6.QtWidgets import QLineEdit

    field = next(e for e in dialog.findChildren(QLineEdit) if e.isVisible() and e.isEnabled())
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key_Return)
    assert saved == [True] and dialog.isVisible()  # (saved, not cancelled)
    assert dialog.save_button.isDefault() and not cancel.isDefault()


def test_every_drug_of_the_last_visit_is_copied_and_more_can_be_added(gui_app, qtbot, store):
    """Found by review: the form had the paper's three drug rows only, and 复制上次用药 dropped a
    diabetic's other seven without a word (the visit saved with three).  Rows are added as needed,
    by the copy or by 添加一种药物, each in the Tab order after the one before."""
    from app.services.programmes import followup

    drugs = [{"name": f"药{i}", "times_per_day": 1, "mg_per_time": 5 * i} for i in range(1, 6)]
    dialog = dialog_after_a_visit(store, htn_patient(store, "赵六", dt.date(2026, 1, 5)), "2026-03-01", drugs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert len(dialog.drugs) == 3
    dialog.copy_drugs.click()
    assert [d["name"] for d in dialog.to_input().drugs] == [f"药{i}" for i in range(1, 6)]
    last_mg = dialog.drugs[-1][2]
    dialog.more_drugs.click()
    name = dialog.drugs[-1][0]
    assert len(dialog.drugs) == 6
    qtbot.waitUntil(name.hasFocus)  # (typing goes on in the new row)
    assert last_mg.nextInFocusChain() is name  # (Tab from the row before)
    while dialog.more_drugs.isEnabled():
        dialog.more_drugs.click()
    assert len(dialog.drugs) == followup.MAX_DRUGS


def test_a_refused_visit_puts_the_cursor_in_its_first_wrong_field_and_counts_them(gui_app, qtbot, store):
    """Found by review: a visit dated next year said only "有错误，已保留您填写的内容" at the foot,
    its reason scrolled out of sight at the top and the cursor left where it was."""
    dialog = followup_dialog(store, new_patient(store, "错日期", "htn"), "htn")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.visit_date.setText("2099-01-05")
    qtbot.keyClicks(dialog.sbp, "400")
    qtbot.keyClicks(dialog.dbp, "82")
    dialog.doctor.setFocus()
    assert dialog.save() is False and dialog.isVisible()
    assert "有 2 处需要改正，已保留您填写的内容" in dialog.summary.text()
    qtbot.waitUntil(dialog.visit_date.hasFocus)  # the first of them in the form's order
    assert dialog.boxes["visit_date"].error.text() and dialog.visit_date.text() == "2099-01-05"
    assert dialog.sbp.text() == "400"


@pytest.mark.sqlite_only  # (a widget: no store)
@pytest.mark.parametrize(
    ("typed", "select_all"),
    [("2025-03-15", False), ("20250315", False), ("2025/3/15", False), ("2025-03-15", True)],
)
def test_a_date_typed_as_every_form_takes_it_is_that_date(gui_app, qtbot, typed, select_all):
    """Found by review: 签约日期 typed "2025-03-15" came out as 2025-12-03 (Qt moved on to the month
    after the year's four digits, and the "-" moved on again), and after Ctrl+A no year could be
    typed.  Every date box of the app is one :class:`DateEdit`."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from app.views.widgets import DateEdit

    form = QWidget()
    lay = QVBoxLayout(form)
    before, date = QLineEdit(), DateEdit(QDate(2026, 12, 7))
    lay.addWidget(before)
    lay.addWidget(date)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key_Tab)
    qtbot.waitUntil(date.hasFocus)
    if select_all:
        qtbot.keyClick(date, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(date, typed)
    assert date.date() == QDate(2025, 3, 15)


def test_cancel_or_esc_asks_before_throwing_away_what_was_typed(gui_app, qtbot, store, monkeypatch):
    """Found by review: Esc (or 取消) closed a filled enrolment of 148 fields without a word.  A form
    with something typed asks; an untouched one closes at once."""
    from PySide6.QtWidgets import QMessageBox

    from app.views import widgets

    asked = []
    answer = [QMessageBox.No]
    monkeypatch.setattr(
        widgets.QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answer[0]
    )
    for dialog in (
        EnrolmentDialog(store),
        followup_dialog(store, new_patient(store, "取消甲", "htn"), "htn"),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClick(dialog, Qt.Key_Escape)  # nothing typed: closed, nothing asked
        assert not dialog.isVisible() and asked == []
        dialog.show()
        qtbot.waitExposed(dialog)
        field = dialog.form.name if isinstance(dialog, EnrolmentDialog) else dialog.sbp
        type_into_focus(qtbot, "王" if isinstance(dialog, EnrolmentDialog) else "150", field)
        answer[0] = QMessageBox.No
        qtbot.keyClick(dialog, Qt.Key_Escape)
        assert dialog.isVisible() and len(asked) == 1 and "还没有保存" in asked[0]
        assert field.text() in ("王", "150")  # kept, as typed
        answer[0] = QMessageBox.Yes
        dialog.cancel()
        assert not dialog.isVisible()
        asked.clear()


@pytest.mark.parametrize("program", ["htn", "t2dm"])
def test_the_visit_form_and_its_tab_order_follow_the_paper_form(gui_app, qtbot, store, program):
    """Found by review: Tab went 辅助检查 → 不良反应说明 → 转诊原因 → 转诊机构 → 服药依从性 … 用药情况 →
    此次随访分类, and a diabetic's 空腹血糖 came after the referral.  The rows (and so Tab) follow
    the paper 随访服务记录表."""
    from PySide6.QtWidgets import QFormLayout

    dialog = followup_dialog(store, new_patient(store, "顺序甲", program), program)
    qtbot.addWidget(dialog)
    form = dialog.scroll.widget().layout()
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.LabelRole)
        if item is not None and item.widget() is not None and item.widget().text():
            labels.append(item.widget().text())
    paper = ["症状", "血压", "体重", "日吸烟量（支）", "心理调整", "遵医行为", "辅助检查", "服药依从性"]
    paper += [
        "不良反应说明",
        "此次随访分类",
        "用药情况",
        "转诊原因",
        "转诊机构及科别",
        "下次随访日期",
        "随访医生",
    ]
    paper[3:3] = ["心率"] if program == "htn" else ["足背动脉搏动"]
    if program == "t2dm":
        paper[paper.index("辅助检查") : paper.index("辅助检查")] = ["空腹血糖"]
        paper[paper.index("此次随访分类") : paper.index("此次随访分类")] = ["低血糖反应"]
    assert [x for x in labels if x in paper] == paper, labels
    chain, w = [], dialog.visit_date
    for _ in range(200):  # Tab from the date on: the fields in the rows' order
        chain.append(w)
        w = w.nextInFocusChain()
        if w is dialog.save_button:
            break
    order = [dialog.visit_date, dialog.sbp, dialog.weight, dialog.adherence, dialog.classification]
    assert [chain.index(x) for x in order] == sorted(chain.index(x) for x in order)


def test_the_referral_slips_tab_order_follows_its_rows_without_a_warning(gui_app, qtbot, store, qtlog):
    """Found by review: 紧急转诊, the second row, came eleventh in Tab order, and each opening of the
    slip printed "QWidget::setTabOrder: 'first' and 'second' must be in the same window"."""
    from PySide6.QtCore import Qt

    from app.services.programmes import referral
    from app.views.referral_dialog import ReferralDialog

    rid = new_patient(store, "转诊甲", "htn")
    dialog = ReferralDialog(store, referral.ReferralInput(resident_id=rid))
    qtbot.addWidget(dialog)
    order, w = [], dialog.fields["to_institution"]
    for _ in range(60):
        if w.focusPolicy() & Qt.TabFocus and (w is dialog.urgent or w in dialog.fields.values()):
            order.append(w)
        w = w.nextInFocusChain()
    assert order[:3] == [dialog.fields["to_institution"], dialog.urgent, dialog.fields["to_department"]]
    assert not [r for r in qtlog.records if "setTabOrder" in r.message]


def test_a_glucose_that_cannot_be_is_said_while_typing(gui_app, qtbot, store):
    """Found by review: a glucose of 0.5 read "建议：测得空腹血糖后分类" as if none were typed, and only
    saving said it was outside what is possible.  The suggestion says it as saving would."""
    from app.services.programmes import followup

    rid = htn_patient(store, "糖一", dt.date(2024, 1, 1))
    with store.transaction() as s:
        followup.enrol(s, s.get(Resident, rid), "t2dm", dt.date(2024, 1, 1))
    dialog = followup_dialog(store, rid, "t2dm")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.glucose, "0.5")
    assert dialog.suggestion.text().startswith("建议：空腹血糖0.5超出可能范围（1–40），改正后分类，下次随访")
    dialog.glucose.clear()
    assert dialog.suggestion.text().startswith("建议：测得空腹血糖后分类")
    qtbot.keyClicks(dialog.glucose, "6.1")
    assert dialog.suggestion.text().startswith("建议：控制满意")

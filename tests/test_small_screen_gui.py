"""A village PC's window on an 800×600 screen (800×570 left by a taskbar), in Chinese and in
English: what its pages show reads whole, without scrolling."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTabBar

from app.tools.demo import generate_demo
from app.views.main_window import MainWindow, _first_size
from app.views.startup import install_translator
from tests.conftest import TODAY

pytestmark = [pytest.mark.gui]

SMALL_SCREEN = SimpleNamespace(availableGeometry=lambda: QRect(0, 0, 800, 570))


@pytest.fixture(params=["zh", "en"])
def window(request, gui_app, qtbot, store):
    """The main window on a demo village's data, at the size it opens at on an 800×600 screen."""
    with store.transaction() as s:
        generate_demo(s, 200, seed=5, today=TODAY)
    install_translator(gui_app, request.param)
    try:
        w = MainWindow(store)
        qtbot.addWidget(w)
        w.resize(*_first_size(SimpleNamespace(screen=lambda: SMALL_SCREEN)))
        w.show()
        qtbot.waitExposed(w)
        yield w
    finally:
        install_translator(gui_app, "zh")


def shown(window, key: str):
    page = window.show_page(key)
    QApplication.processEvents()  # let the page's layout settle in its scroll area
    return page


def whole(widget) -> bool:
    """Whether all of ``widget`` shows: not cut by the edge of the page (nor scrolled away)."""
    return widget.visibleRegion().boundingRect().size() == widget.size()


def room_beside_a_scroll_bar(window, key: str) -> int:
    """The page's width in its scroll area, its vertical scroll bar shown or not."""
    frame = window._frames[key]
    return frame.width() - frame.verticalScrollBar().sizeHint().width()


def test_the_window_is_the_size_an_800_by_600_screen_gives(window):
    assert (window.width(), window.height()) == (800, 538)


def test_every_section_of_the_side_menu_is_in_sight(window):
    """Fifteen sections with 10 px above and below each wanted 570 px of a 496-px list: it scrolled
    (a village admin sees fifteen; one height of an item holds for all)."""
    nav = window.nav
    assert nav.sizeHintForRow(0) * 15 <= nav.viewport().height()
    assert not nav.verticalScrollBar().isVisible()
    assert nav.font().pixelSize() == 15  # as readable as before


def test_every_list_of_the_poverty_page_is_in_sight(window, qtbot):
    """Six tabs with their counts wanted 770 px in Chinese and 1135 px in English of a 608-px tab
    bar: the last lists hid behind scroll arrows.  Their row now wraps; each tab reads whole."""
    page = shown(window, "poverty")
    for bar in page.findChildren(QTabBar):  # (no tab bar narrower than its tabs is left)
        assert bar.sizeHint().width() <= bar.width()
    tabs = page.tabs
    for i in range(tabs.count()):
        tab = tabs.tab(i)
        assert whole(tab) and tab.width() >= tab.sizeHint().width(), tabs.tabText(i)
    assert page.minimumSizeHint().width() <= window._frames["poverty"].viewport().width()
    qtbot.mouseClick(tabs.tab(2), Qt.LeftButton)
    assert tabs.currentWidget() is page.lists["not_visited"] and tabs.tab(2).isChecked()
    assert not tabs.tab(0).isChecked()


def test_the_over_65_target_reads_whole(window):
    """Cut to 20 characters in English: "Below 150/90 mmHg (national basic public health service
    specificat"; now as wide as its longest choice, under its label when the two do not fit."""
    page = shown(window, "settings")
    target = page.elderly_target
    for i in range(target.count()):
        target.setCurrentIndex(i)
        alone = QComboBox()  # what a box needs to show this choice whole
        alone.setFont(target.font())
        alone.addItem(target.currentText())
        alone.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        assert target.width() >= alone.sizeHint().width(), target.currentText()
    assert whole(target)
    assert page.minimumSizeHint().width() <= window._frames["settings"].viewport().width()


def test_the_work_page_never_scrolls_sideways(window):
    """In English its three cards of a row, their captions on one line, made the page 625 px wide
    beside 612 px of room: it scrolled sideways.  The captions wrap."""
    page = shown(window, "home")
    assert page.minimumSizeHint().width() <= room_beside_a_scroll_bar(window, "home")
    assert not window._frames["home"].horizontalScrollBar().isVisible()


def test_the_audit_trail_names_each_record_whole(window):
    """对象 was capped at 13 digits: "Health education activity" read "Health …" in English."""
    table = shown(window, "audit").table
    labels = {table.item(r, 3).text() for r in range(table.rowCount())}
    assert {"健康教育活动", "Health education activity"} & labels  # (the demo's long label is listed)
    assert table.sizeHintForColumn(3) <= table.horizontalHeader().sectionSize(3)


def test_the_special_follow_up_page_never_scrolls_sideways(window):
    """A button for the 个人信息补充表 beside 打印随访表 made the page 696 px wide in English beside
    626 px of room: the two forms are one 打印 button's menu."""
    page = shown(window, "smi")
    assert page.minimumSizeHint().width() <= room_beside_a_scroll_bar(window, "smi")
    assert not window._frames["smi"].horizontalScrollBar().isVisible()


def test_the_follow_up_worklist_never_scrolls_sideways(window, store):
    """Found by review: in English the four filters, each as wide as its longest item (a village
    group named at length), made the page 734 px wide beside 626 px of room: "Record follow-up
    (Enter)" read "Rec" and the doctors' filter was off the screen."""
    from app.services.records.residents import ResidentInput, save_resident

    with store.transaction() as s:
        save_resident(
            s,
            ResidentInput(
                name="组长", sex="1", birth_date="1960-01-01", group_name="第十二村民小组北坡片区东段"
            ),
            today=TODAY,
        )
    page = shown(window, "followups")
    assert page.minimumSizeHint().width() <= room_beside_a_scroll_bar(window, "followups")
    assert not window._frames["followups"].horizontalScrollBar().isVisible()
    assert whole(page.record) and whole(page.doctor)


@pytest.mark.parametrize("program", ["htn", "t2dm"])
def test_the_follow_up_form_never_scrolls_sideways(window, store, program):
    """In English the emergency signs' two columns ("Raised blood pressure in pregnancy or
    breastfeeding" beside "Anything else this clinic cannot handle") made the form 825 px wide in
    a 746-px view: every field's right edge was cut off.  A group of boxes takes as many columns
    as its field has room for, and more again when the form is widened."""
    from PySide6.QtWidgets import QScrollArea
    from sqlalchemy import select

    from app.models import ProgramEnrolment
    from app.views.followups import open_followup_dialog

    with store.session() as s:
        resident_id = s.scalars(
            select(ProgramEnrolment.resident_id).where(ProgramEnrolment.program == program)
        ).first()
    dialog = open_followup_dialog(window, store, resident_id, program)
    QApplication.processEvents()
    area = dialog.findChild(QScrollArea)
    assert area.horizontalScrollBar().maximum() == 0
    for group in (dialog.symptoms, dialog.signs):
        assert group.width() <= area.viewport().width()
        for box in group.boxes.values():
            assert box.width() >= box.sizeHint().width(), box.text()
    most = dialog.symptoms.most_columns
    dialog.resize(1400, dialog.height())
    QApplication.processEvents()
    assert dialog.symptoms.columns == most and dialog.signs.columns == dialog.signs.most_columns
    dialog.reject()


def test_the_sync_page_first_steps_read_whole(window):
    """Before the first pairing, 同步设备 says what to do first: in English its third line was cut
    by the table beneath (a splitter squeezes a section to a wrapped label's least height, which Qt
    works out for a width of its own).  Every wrapped note of the page keeps the lines it takes,
    however far the splitter is pulled."""
    from PySide6.QtWidgets import QSplitter

    from app.views.widgets import WrappedLabel

    page = shown(window, "sync")
    page.setFixedHeight(page.minimumSizeHint().height())  # the page as short as it goes
    split = page.findChild(QSplitter)
    split.setSizes([1] * split.count())  # and every section pulled to its least height
    QApplication.processEvents()
    notes = [n for n in page.findChildren(WrappedLabel) if n.isVisible()]
    assert page.first_step in notes
    assert page.first_step.heightForWidth(page.first_step.width()) > page.first_step.fontMetrics().height()
    for note in notes:
        assert note.height() >= note.heightForWidth(note.width()), note.text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_follow_up_worklist_shows_every_column_at_1024(gui_app, qtbot, store, lang):
    """Found by review: at 1024×768 in English the worklist's last column read "Face-to…" (its header
    on one line); the longer English headers are on two lines, and every column shows."""
    with store.transaction() as s:
        generate_demo(s, 200, seed=5, today=TODAY)
    install_translator(gui_app, lang)
    try:
        w = MainWindow(store)
        qtbot.addWidget(w)
        screen = SimpleNamespace(availableGeometry=lambda: QRect(0, 0, 1024, 738))
        w.resize(*_first_size(SimpleNamespace(screen=lambda: screen)))
        w.show()
        qtbot.waitExposed(w)
        page = shown(w, "followups")
        qtbot.waitUntil(lambda: page.table.model().rowCount() > 0)
        QApplication.processEvents()
        assert page.table.horizontalScrollBar().maximum() == 0, (w.width(), page.table.viewport().width())
    finally:
        install_translator(gui_app, "zh")

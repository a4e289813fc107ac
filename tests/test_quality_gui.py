"""The 质量 page (computed off the GUI thread, a click on a number lists the visits behind it) and
the 审核 page (an item decided with its reason, the decision listed)."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import Qt

from app.tools import demo
from app.views.main_window import MainWindow
from tests.conftest import TODAY

pytestmark = [pytest.mark.gui, pytest.mark.slow, pytest.mark.both_databases]  # a 700-resident township each


@pytest.fixture
def town(township_store, gui_app):
    with township_store.transaction() as s:
        demo.generate_demo(s, 700, seed=3, villages=4, today=TODAY)
    return township_store


def opened(qtbot, store) -> MainWindow:
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_quality_numbers_drill_down_to_the_visits(qtbot, town):
    win = opened(qtbot, town)
    page = win.show_page("quality")
    page.year.setValue(TODAY.year)
    if page.busy:
        with qtbot.waitSignal(page.task.finished, timeout=30_000):
            pass
    page.refresh()  # the year chosen above
    # found by review: the empty table read as "no findings" while the report was made
    assert page.headline.text() == "正在生成质量报告…"
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        pass
    assert page.summary.rowCount() == 4 and "发现" in page.headline.text()
    copied = page.kinds.index("copied") + 1
    row = 2  # the demo's 3rd village copies values forward
    count = int(page.summary.item(row, copied).text())
    assert count > 0
    rect = page.summary.visualRect(page.summary.model().index(row, copied))
    qtbot.mouseClick(page.summary.viewport(), Qt.LeftButton, pos=rect.center())
    assert page.findings.rowCount() == count
    assert "完全相同" in page.findings.item(0, 6).text()
    # by village and doctor: each row's total lists that doctor's findings only; every village with
    # findings has at least one doctor's row
    total = page.summary.columnCount() - 1
    villages_with_findings = sum(1 for r in range(4) if int(page.summary.item(r, total).text()) > 0)
    page.grouping.setCurrentIndex(page.grouping.findData("doctor"))
    assert page.summary.rowCount() >= villages_with_findings > 0
    page.drill_down(0, total)
    code, doctor, _label = page.rows[0]
    assert page.findings.rowCount() == int(page.summary.item(0, total).text()) > 0
    assert {page.findings.item(r, 2).text() for r in range(page.findings.rowCount())} == {doctor}


def test_review_item_decided_with_its_reason(qtbot, town):
    win = opened(qtbot, town)
    page = win.show_page("review")
    if page.busy:  # (said where the count goes, with no paging, while the queue is read)
        assert page.count.text() == "正在查找待审核项…" and not page.next_button.isEnabled()
        with qtbot.waitSignal(page.task.finished, timeout=30_000):
            pass
    assert page.count.text().startswith("共 ")
    before = page.table.rowCount()
    assert before >= 2  # the demo's duplicates
    row = next(r for r, i in enumerate(page.shown) if "distinct" in i.options)  # (not one ID: two people)
    page.table.selectRow(row)
    page.decision.setCurrentIndex(page.decision.findData("distinct"))
    page.reason.setText("核实：同名同生日的两位老人，不是同一人")  # typed through the input method
    qtbot.mouseClick(page.decide_button, Qt.LeftButton)
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        pass
    assert page.table.rowCount() == before - 1
    assert page.current() is None and not page.decide_button.isEnabled()  # the next item not picked for it
    assert page.decided.rowCount() == 1
    assert page.decided.item(0, 5).text() == "核实：同名同生日的两位老人，不是同一人"
    # both records of the pair, the other one said so (its decision reads of 档案 and 另一份档案)
    record = page.decided.item(0, 3).text().split("\n")
    assert len(record) == 4 and record[2].startswith("另一份：") and record[1] != record[3]


def test_review_refuses_a_decision_without_reason(qtbot, town):
    win = opened(qtbot, town)
    page = win.show_page("review")
    if page.busy:
        with qtbot.waitSignal(page.task.finished, timeout=30_000):
            pass
    page.table.selectRow(0)
    # no decision is chosen for the user (the first offered for a duplicate voids a record)
    assert page.decision.currentData() is None and page.decision.count() > 1
    page.reason.setText("核实过")
    qtbot.mouseClick(page.decide_button, Qt.LeftButton)
    assert "请先选择处理决定" in page.error.text()
    assert page.decided.rowCount() == 0 and page.current() is not None
    page.decision.setCurrentIndex(1)
    page.reason.clear()
    qtbot.mouseClick(page.decide_button, Qt.LeftButton)
    assert "请写明处理理由" in page.error.text()
    assert page.decided.rowCount() == 0


@pytest.mark.sqlite_only  # no data read: the page before its first run
def test_the_summary_headers_are_whole_in_english_before_a_run(gui_app, qtbot, township_store):
    """English headers are long ("Dated in the future", "Mandatory fields missing"): each column is
    as wide as its header before any figure fills it."""
    from app.views.quality_page import QualityPage
    from app.views.startup import install_translator

    install_translator(gui_app, "en")
    try:
        page = QualityPage(township_store)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        header = page.summary.horizontalHeader()
        assert page.summary.horizontalHeaderItem(1).text() != "数值照抄上次"  # English indeed
        for column in range(page.summary.columnCount()):
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), column
    finally:
        install_translator(gui_app, "zh")


@pytest.mark.sqlite_only  # no data read: the page's decision box with every choice it may offer
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_review_decision_reads_whole_in_its_box(gui_app, qtbot, township_store, language, tmp_path):
    """The box showed "同一人，两份都有记录：讠" and "Same person: void the on" — two choices that differ
    only at their end (void this record or the other) could not be told apart.  It now has a line
    of the page to itself: every choice reads whole at the page's usual size."""
    from app.services.quality import review
    from app.views.widgets import translate

    with review_page(gui_app, qtbot, township_store, language, township=True, size=(1000, 700)) as page:
        box = page.decision
        for option in review.OPTIONS["duplicate"]:
            box.addItem(translate("Review", review.DECISIONS[option]), option)
        from PySide6.QtWidgets import QStyle

        room = (
            box.style()
            .subControlRect(QStyle.CC_ComboBox, _combo_option(box), QStyle.SC_ComboBoxEditField, box)
            .width()
        )
        for i in range(box.count()):
            assert box.fontMetrics().horizontalAdvance(box.itemText(i)) <= room, box.itemText(i)
        box.setCurrentIndex(box.findData("merge_back"))
        page.grab().save(str(tmp_path / f"review-{language}.png"))


@contextlib.contextmanager
def review_page(gui_app, qtbot, store, language: str, *, township: bool, size: tuple[int, int]):
    """The 审核 page in ``language``, shown at ``size`` (the app's language restored after)."""
    from app.views.review_page import ReviewPage
    from app.views.startup import install_translator

    install_translator(gui_app, language)
    try:
        page = ReviewPage(store, township=township)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        qtbot.waitExposed(page)
        yield page
    finally:
        install_translator(gui_app, "zh")


def _combo_option(box):
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return option


@pytest.mark.sqlite_only  # no data read: decisions shown as the page lists them
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_decisions_fit_the_page_at_800_px(gui_app, qtbot, store, language, tmp_path):
    """A village's 审核 page lists the township's decisions in seven columns.  In English each short
    column took its longest text on one line ("Same person: void the other record, keep this
    one"), and the table scrolled sideways at 800 px; the long ones now wrap within their column."""
    import datetime as dt

    from app.services.quality import review

    with review_page(gui_app, qtbot, store, language, township=False, size=(800, 600)) as page:
        page.show_decisions([])  # none yet: the page says why its list is empty
        assert not page.none_decided.isHidden() and page.none_decided.text()
        change = {"record": "王秀英 110105001101000123", "field": "作废", "from": False, "to": True}
        page.show_decisions(
            [
                review.DecisionView(
                    dt.date(2026, 11, 2),
                    "刘主任",
                    kind,
                    "王秀英 110105001101000123",
                    "王秀英 110105001102000045",
                    decision,
                    (change,),
                    "核实：同一人在两村建档，保留先建的一份",
                    "110105001101",
                )  # fmt: skip
                for kind, decision in (
                    ("duplicate", "void_first"),
                    ("duplicate", "merge_back"),
                    ("conflict", "lost"),
                    ("referral", "not_arrived"),
                )
            ]
        )
        qtbot.wait(50)
        table = page.decided
        assert page.none_decided.isHidden()
        page.grab().save(str(tmp_path / f"decisions-{language}.png"))
        assert not table.horizontalScrollBar().isVisible(), [
            table.columnWidth(c) for c in range(table.columnCount())
        ]
        for row in range(table.rowCount()):  # every decision wraps whole into its row's height
            assert table.rowHeight(row) >= table.sizeHintForRow(row), row
        page.resize(1000, 600)  # wider: the rows take the height the new widths need
        qtbot.wait(50)
        assert [table.rowHeight(r) for r in range(table.rowCount())] == [
            table.sizeHintForRow(r) for r in range(table.rowCount())
        ]
        # the page's room in the main window at 800 px: the kind never narrower than its longest
        # word (found by review: "Sync conflict" read "Sync confl")
        from app.views.review_page import _longest_kind_word

        page.resize(610, 600)
        qtbot.wait(50)
        assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance(_longest_kind_word())


@pytest.mark.sqlite_only  # no data read: items shown as the page lists them
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_township_queue_fits_the_page_at_800_px(gui_app, qtbot, township_store, language, tmp_path):
    """The township's 审核 queue at 800 px: its 问题 column was off the page's edge and, its text
    wrapped in the little width left, made each row some 130 px tall.  Now the records take two
    lines and the problem wraps in the rest: nothing scrolls sideways, every row is as tall as its
    text, and an ID number the problem quotes is never cut."""
    import datetime as dt

    from app.services.errors import Message
    from app.services.quality import review

    detail = Message("Review", "身份证号相同：{number}", {"number": "110105195704134716"})
    with review_page(gui_app, qtbot, township_store, language, township=True, size=(800, 600)) as page:
        qtbot.waitUntil(lambda: not page.busy, timeout=30_000)  # (its own items, none, read first)
        page.items = [
            review.ReviewItem(
                f"k{n}",
                kind,
                "110105001101",
                "向阳村",
                None,
                "黄金山 110105001002910001",
                "黄金山 110105001001900001" if kind == "duplicate" else "",
                detail,
                dt.date(2026, 12, 3),
                other_village="高庙村" if kind == "duplicate" else "",
            )
            for n, kind in enumerate(("duplicate", "invalid", "referral"))
        ]
        conflict = {"field": "本人电话", "kept": "13633336666", "lost": "13911115555"}
        conflict |= {"kept_by": "110105001002 向阳村", "lost_by": "110105001 测试乡"}
        page.items.append(
            review.ReviewItem(
                "k3",
                "conflict",
                "110105001101",
                "向阳村",
                None,
                "黄金山 110105001002910001",
                "",
                Message("Review", review.CONFLICT_DETAIL, conflict),
                dt.date(2026, 12, 3),
            )
        )
        page.show_items()
        qtbot.wait(50)
        table = page.table
        page.grab().save(str(tmp_path / f"queue-{language}.png"))
        assert not table.horizontalScrollBar().isVisible(), [
            table.columnWidth(c) for c in range(table.columnCount())
        ]
        problem = table.horizontalHeader().count() - 1
        number = table.fontMetrics().horizontalAdvance("110105195704134716")
        assert table.columnWidth(problem) > number
        for row in range(table.rowCount()):
            assert table.rowHeight(row) >= table.sizeHintForRow(row), row
            assert table.item(row, 2).text() == "黄金山\n110105001002910001"
        assert table.item(0, 3).text().endswith("\n110105001001900001")
        page.resize(630, 600)  # the page's room in the main window at 800 px, beside its sections
        qtbot.wait(50)
        assert not table.horizontalScrollBar().isVisible(), [table.columnWidth(c) for c in range(6)]
        # the problem wraps within its column, never past it, even at the column's least width (an
        # ID number's)
        least = table.fontMetrics().horizontalAdvance("0" * 19)
        for row in range(table.rowCount()):
            text = table.item(row, problem).text()
            assert widest_line(text, table.font(), least) <= least, (row, text)


def widest_line(text: str, font, width: int) -> float:
    """The widest line of ``text`` wrapped between words at ``width`` px, as a list's cell wraps it:
    a run Qt may not break (“13633336666”（110105001002) is wider than the width."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    widest = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return widest


@pytest.mark.sqlite_only
def test_long_headers_go_on_two_lines():
    from app.views.widgets import header_lines

    assert header_lines("Wrong PC clock") == "Wrong PC\nclock"
    assert header_lines("Mandatory fields missing") == "Mandatory\nfields missing"
    assert header_lines("After death") == "After death"  # short: one line
    assert header_lines("电脑时钟有误") == "电脑时\n钟有误"  # (Chinese breaks between any two characters)
    assert header_lines("补录过晚") == "补录过晚"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_quality_summary_fits_800_px(gui_app, qtbot, township_store, language):
    """Found by review: with a ninth kind of finding (记录相互矛盾) the summary's Chinese headers,
    each on one line, scrolled it sideways at 800 px and cut 合计 off."""
    from app.services import profile
    from app.services.indicators import Period
    from app.services.quality import report as quality
    from app.views.quality_page import QualityPage
    from app.views.startup import install_translator

    with township_store.transaction() as s:
        profile.ensure_village(s, "110105001201", "高庙村")
        profile.ensure_village(s, "110105001202", "向阳村")
    with township_store.session() as s:
        found = quality.quality_report(s, Period.year(2026))
    install_translator(gui_app, language)
    try:
        page = QualityPage(township_store)
        qtbot.addWidget(page)
        page.resize(800, 570)
        page.show()
        qtbot.waitExposed(page)
        page.show_report(found)  # (as a run ends: the columns fitted to what they hold)
        table = page.summary
        assert table.rowCount() == 2
        used = sum(table.horizontalHeader().sectionSize(c) for c in range(table.columnCount()))
        assert used <= table.viewport().width(), (used, table.viewport().width())
    finally:
        install_translator(gui_app, "zh")

"""The follow-up trend chart's date axis speaks the UI's language."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPointF

from app.views.charts import DAY, _ts, date_ticks, staggered_axis, trend_chart

pytestmark = pytest.mark.gui


def test_date_ticks_in_either_language():
    jan, mar = _ts(dt.date(2025, 1, 1)), _ts(dt.date(2025, 3, 1))
    assert date_ticks([jan, mar], 30 * DAY, "zh") == ["2025", "3月"]
    assert date_ticks([jan, mar], 30 * DAY, "en") == ["2025", "Mar"]
    assert date_ticks([mar + 14 * DAY], 7 * DAY, "zh") == ["3月15日"]
    assert date_ticks([mar + 14 * DAY], 7 * DAY, "en") == ["Mar 15"]
    assert date_ticks([mar], 365 * DAY, "zh") == ["2025"]
    assert date_ticks([1e20], 30 * DAY, "zh") == [""]  # far off: no label, no error
    # visits since April 2024: its months read "4月 7月 10月 2025", as if of 2025
    apr, jul = _ts(dt.date(2024, 4, 1)), _ts(dt.date(2024, 7, 1))
    assert date_ticks([apr, jul, jan], 30 * DAY, "zh") == ["2024年4月", "7月", "2025"]
    assert date_ticks([apr, jul, jan], 30 * DAY, "en") == ["Apr 2024", "Jul", "2025"]
    # a label at the axis's very start is not drawn: the next names the year
    assert date_ticks([apr, jul, jan], 30 * DAY, "zh", apr - DAY, DAY) == ["4月", "2024年7月", "2025"]
    # a January drawn before it names the year already; a month close to the long label: left out
    assert date_ticks([apr, jul], 30 * DAY, "zh", _ts(dt.date(2023, 12, 1)), DAY) == ["4月", "7月"]
    assert date_ticks([apr, jul], 30 * DAY, "zh", apr - 70 * DAY, 2 * DAY) == ["2024年4月", ""]


def test_a_chinese_window_draws_no_english_month(gui_app, qtbot, tmp_path):
    visits = [
        SimpleNamespace(
            outcome="done", visit_date=dt.date(2024, 3, 1) + dt.timedelta(days=91 * i), sbp=150 - i, dbp=90
        )
        for i in range(8)
    ]
    plot = trend_chart(visits, "htn", 60)
    qtbot.addWidget(plot)
    plot.resize(700, 260)
    plot.show()
    qtbot.wait(50)
    axis = plot.getPlotItem().getAxis("bottom")
    labels = [
        text
        for _spacing, ticks in axis.tickValues(*axis.range, 700)
        for text in axis.tickStrings(ticks, 1, _spacing)
    ]
    assert labels and not any(m in " ".join(labels) for m in ("Jan", "Mar", "Jun", "Sep", "Dec"))
    plot.grab().save(str(tmp_path / "chart.png"))


def test_a_crowded_month_axis_names_every_third_month():
    months = [_ts(dt.date(2025, m, 1)) for m in range(1, 13)]
    assert date_ticks(months, 30 * DAY, "zh") == [
        "2025",
        "",
        "",
        "4月",
        "",
        "",
        "7月",
        "",
        "",
        "10月",
        "",
        "",
    ]


def test_a_dialog_is_never_larger_than_the_screen_has_room_for(gui_app, qtbot):
    """A 1366×768 laptop with its taskbar leaves 728 pixels: a 760-pixel dialog's buttons went
    under the taskbar; on an 800×600 screen five dialogs (a follow-up, a health record, a print
    preview …) opened with their right-hand buttons beyond its edge.  Dialogs take the size they
    ask for only where there is room for it."""
    from types import SimpleNamespace

    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDialog

    from app.views.widgets import SIDE_FRAMES, TITLE_BAR, fit_to_screen

    dialog = QDialog()
    qtbot.addWidget(dialog)
    laptop = SimpleNamespace(availableGeometry=lambda: QRect(0, 0, 1366, 728))
    dialog.screen = lambda: laptop
    fit_to_screen(dialog, 860, 760)
    assert (dialog.width(), dialog.height()) == (860, 728 - TITLE_BAR)
    roomy = SimpleNamespace(availableGeometry=lambda: QRect(0, 0, 1920, 1040))
    dialog.screen = lambda: roomy
    fit_to_screen(dialog, 860, 760)
    assert dialog.height() == 760
    old_pc = SimpleNamespace(availableGeometry=lambda: QRect(0, 0, 800, 570))  # 800×600, a taskbar
    dialog.screen = lambda: old_pc
    fit_to_screen(dialog, 940, 720)
    assert (dialog.width(), dialog.height()) == (800 - SIDE_FRAMES, 570 - TITLE_BAR)


def test_no_two_date_labels_are_drawn_over_each_other(gui_app, qtbot, tmp_path):
    """Two visits forty days apart: the month's "11月" and the day's "11月3日" were printed on top of
    each other (seen on the resident page).  Every label now has a label's width of its own."""
    visits = [
        SimpleNamespace(outcome="done", visit_date=day, sbp=130, dbp=80)
        for day in (dt.date(2026, 10, 24), dt.date(2026, 12, 3))
    ]
    plot = trend_chart(visits, "htn", 60)
    qtbot.addWidget(plot)
    plot.resize(950, 320)
    plot.show()
    qtbot.wait(50)
    axis = plot.getPlotItem().getAxis("bottom")
    width = axis.geometry().width()
    lo, hi = axis.range
    shown = sorted(
        value
        for spacing, ticks in axis.tickValues(lo, hi, width)
        for value, text in zip(ticks, axis.tickStrings(ticks, 1, spacing), strict=True)
        if text
    )
    assert len(shown) >= 4
    px = [(b - a) * width / (hi - lo) for a, b in zip(shown, shown[1:], strict=False)]
    assert min(px) >= 60, px  # (a Chinese date label is about 50 px wide)
    plot.grab().save(str(tmp_path / "apart.png"))


def test_the_legend_covers_no_reading(gui_app, qtbot):
    """The legend, at the plot's top left, covered the first readings (a patient's highest, often
    the first): it takes one line, and the plot keeps room above the highest value for it."""
    visits = [
        SimpleNamespace(
            outcome="done", visit_date=dt.date(2024, 8, 1) + dt.timedelta(days=30 * i), sbp=s, dbp=d
        )
        for i, (s, d) in enumerate([(169, 102), (152, 89), (148, 84), (157, 95), (138, 79), (120, 72)])
    ]
    plot = trend_chart(visits, "htn", 60)
    qtbot.addWidget(plot)
    plot.resize(900, 300)
    plot.show()
    qtbot.wait(50)
    item = plot.getPlotItem()
    view, legend = item.getViewBox(), item.legend
    box = legend.sceneBoundingRect()
    assert box.height() < 50  # one line (two made it twice as tall)
    lowest = view.mapSceneToView(QPointF(box.left(), box.bottom())).y()  # its lower edge, in mmHg
    assert lowest > 169, lowest  # above the highest reading


def test_a_cell_cut_short_shows_its_whole_text_as_its_tooltip(gui_app, qtbot):
    """At 800 pixels, or in English, narrow columns cut their cells short with no way to read
    them ("Awaiting…" for "Awaiting signature", "HTN T2DM …").  A list's cell that its column
    cuts shows its whole text on hovering; one shown whole, or with a tooltip of its own, does not."""
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableWidgetItem, QToolTip

    from app.views.widgets import read_only_table

    table = read_only_table(["Name", "Signature", "Note"])
    qtbot.addWidget(table)
    table.setRowCount(1)
    for column, text in enumerate(("欧阳军山", "Awaiting signature", "ok")):
        table.setItem(0, column, QTableWidgetItem(text))
    own = QTableWidgetItem("Awaiting signature of the resident")
    own.setToolTip("its own tooltip")
    table.setRowCount(2)
    table.setItem(1, 1, own)
    table.resize(600, 200)
    table.horizontalHeader().setStretchLastSection(False)
    table.setColumnWidth(0, 200)
    table.setColumnWidth(1, 70)
    table.setColumnWidth(2, 200)
    table.show()
    delegate = table.itemDelegate()

    def tip(row: int, column: int) -> str:
        QToolTip.hideText()
        index = table.model().index(row, column)
        at = table.visualRect(index).center()
        event = QHelpEvent(QHelpEvent.ToolTip, at, table.viewport().mapToGlobal(at))
        shown = delegate.helpEvent(event, table, QStyleOptionViewItem(), index)
        return QToolTip.text() if shown and QToolTip.isVisible() else ""

    assert tip(0, 1) == "Awaiting signature"  # cut short: the whole text
    assert tip(0, 0) == "" and tip(0, 2) == ""  # read whole as it is
    assert delegate.cut_short(table, QStyleOptionViewItem(), table.model().index(0, 1), "Awaiting signature")
    assert not delegate.cut_short(table, QStyleOptionViewItem(), table.model().index(0, 2), "ok")
    assert tip(1, 1) != "Awaiting signature of the resident"  # its own tooltip is Qt's to show


def _drawn_names(plot) -> list:
    """The village names the comparison chart's bottom axis draws, as (rect in the window, text)."""
    from PySide6.QtGui import QPainter, QPixmap

    axis = plot.getAxis("bottom")
    pixmap = QPixmap(10, 10)
    painter = QPainter(pixmap)
    _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    painter.end()
    return [(axis.mapRectToScene(rect), text) for rect, _flags, text in texts]


@pytest.mark.parametrize(
    ("villages", "width", "three"), [(3, 420, False), (10, 420, False), (30, 420, False), (10, 262, True)]
)
def test_villages_named_side_by_side_never_overlap_and_stay_in_sight(gui_app, villages, width, three):
    """Ten villages' names under the comparison chart ran into each other: each takes a lower line
    when it would, and a name too long for three lines' room is cut with "…".  Found by review: at
    the workbench's width the first and last of ten three-character names read "高…" and "柳…"."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    if three:
        names = [
            "高庙村",
            "向阳村",
            "新民村",
            "东风村",
            "周家村",
            "李家村",
            "杨树村",
            "谢湾村",
            "赵庄村",
            "柳林村",
        ]
    else:
        names = [f"{'东风新'[i % 3]}{i}号村" if i % 4 else f"第{i}村民委员会" for i in range(villages)]
    plot = pg.PlotWidget(axisItems={"bottom": staggered_axis()})
    plot.addItem(pg.BarGraphItem(x=list(range(villages)), height=[50] * villages, width=0.6))
    plot.getAxis("bottom").setTicks([[(i, n) for i, n in enumerate(names)]])
    plot.setXRange(-0.5, villages - 0.5, padding=0.02)
    plot.resize(width, 160 if three else 220)
    plot.show()
    for _ in range(3):  # (a first paint sizes the axis for its lines)
        plot.grab()
        QApplication.processEvents()
    drawn = _drawn_names(plot)
    assert len(drawn) == villages
    rects = [r for r, _text in drawn]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), (a, b)
    seen = plot.sceneRect() if hasattr(plot, "sceneRect") else plot.rect()
    assert all(seen.contains(r) for r in rects), (seen, rects)
    rows = plot.getAxis("bottom").rows
    assert rows == 1 if villages == 3 else rows > 1
    for name, (_rect, text) in zip(names, drawn, strict=True):  # whole, or its beginning and "…"
        assert text == name or (text.endswith("…") and name.startswith(text[:-1])), (name, text)
    if villages <= 10:  # (names have room: a long first one moves in from the edge, whole)
        assert [text for _r, text in drawn if "…" in text] == []
    plot.close()

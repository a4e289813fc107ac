"""The residents behind one number of the indicator report, each with the reason they are in or
out (DOMAIN.md: every figure traceable)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.indicators import Period, engine, output
from app.views.operations import ReadOp
from app.views.widgets import WholeTextTips, fit_to_screen, translate

NOT_COUNTED = QColor("#fdecea")


class IndicatorDrilldown(QDialog):
    """``key`` for ``period`` in one village (``village_code``), one township of a county
    (``township_code``) or the whole store (both None).  A resident's line, activated (double-click
    or Enter), asks for the resident's page (``resident_requested``: the main window opens it)."""

    resident_requested = Signal(object)  # a resident's id

    def __init__(
        self,
        store: Store,
        key: str,
        name: str,
        period: Period,
        village_code: str | None,
        place: str,
        has_denominator_list: bool,
        parent=None,
        group_id=None,
        township_code: str | None = None,
        activities: bool = False,
        own: bool = False,
    ):
        super().__init__(parent)
        self.store, self.key, self.period, self.village_code = store, key, period, village_code
        self.township_code = township_code
        self.own = own  # the township's own entries only (engine.drilldown's ``own``)
        self.group_id = group_id  # a 村民小组 of the village: only its residents
        self.activities = activities  # a count indicator: the activities held, not residents
        self.lines: list[engine.ResidentLine] = []
        self.shown: list[engine.ResidentLine] = []  # the lines in the table, in its order
        self.setWindowTitle(self.tr("指标名单"))
        fit_to_screen(self, 1200, 680)  # (as wide as a laptop allows: the reasons are long)
        title = QLabel(f"{translate('Indicator', name)} — {place}")
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.numerator = QRadioButton(self.tr("计入的活动") if activities else self.tr("分子（计入的居民）"))
        self.denominator = QRadioButton(self.tr("分母（这项指标统计的全部居民）"))
        group = QButtonGroup(self)
        group.addButton(self.numerator)
        group.addButton(self.denominator)
        self.denominator.setEnabled(has_denominator_list)
        (self.denominator if has_denominator_list else self.numerator).setChecked(True)
        self.only_missing = QCheckBox(self.tr("只看未计入的"))
        self.only_missing.setEnabled(has_denominator_list)
        if not has_denominator_list:  # (greyed without a word read as a fault)
            why = self.tr("这项指标的分母是录入的人口数，不是居民名单：人口数在工作台的“人口数…”中录入")
            for w in (self.denominator, self.only_missing):
                w.setToolTip(why)
        self.count = QLabel()
        choose = QHBoxLayout()
        for w in (self.numerator, self.denominator, self.only_missing):
            choose.addWidget(w)
        choose.addStretch(1)
        choose.addWidget(self.count)
        self.table = QTableWidget(0, 6)
        self.table.setItemDelegate(WholeTextTips(self.table))  # a reason cut short: whole as its tooltip
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("档案编号"),
                self.tr("姓名"),
                self.tr("村"),
                self.tr("村民小组"),
                self.tr("计入"),
                self.tr("原因"),
            ]
        )
        if activities:  # each line is an activity: its topic, where it was held, what it was
            self.table.setHorizontalHeaderItem(1, QTableWidgetItem(self.tr("活动主题")))
            self.table.setHorizontalHeaderItem(2, QTableWidgetItem(self.tr("村或单位")))
            self.table.setHorizontalHeaderItem(5, QTableWidgetItem(self.tr("活动")))
            for column in (0, 3, 4):  # archive number, group, counted: not an activity's
                self.table.setColumnHidden(column, True)
            for w in (self.denominator, self.only_missing):
                w.hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        if not activities:
            self.table.setToolTip(self.tr("双击一行打开该居民的档案"))
            self.table.activated.connect(self.open_row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(choose)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.numerator.toggled.connect(self.load)
        self.only_missing.toggled.connect(self.show_lines)
        self.task = None
        self.load()

    def which(self) -> str:
        return "numerator" if self.numerator.isChecked() else "denominator"

    def load(self, *_args):
        which, key, period, village = self.which(), self.key, self.period, self.village_code
        group, town, own = self.group_id, self.township_code, self.own
        self.only_missing.setEnabled(which == "denominator")
        self.task = (
            ReadOp(
                self,
                self.store,
                lambda s, _p: engine.drilldown(
                    s, key, period, which, village, group, township_code=town, own=own
                ),
            )
            .success(self._loaded)
            .run_in_background(self.tr("正在列出居民…"))
        )
        return self.task

    def _loaded(self, lines) -> None:
        self.lines = lines
        self.show_lines()

    def open_row(self, index) -> None:
        if not self.activities and 0 <= index.row() < len(self.shown):
            self.resident_requested.emit(self.shown[index.row()].resident_id)

    def show_lines(self, *_args) -> None:
        hide_counted = self.only_missing.isChecked() and self.which() == "denominator"
        lines = self.shown = [line for line in self.lines if not (hide_counted and line.counted)]
        self.table.setRowCount(len(lines))
        yes, no = self.tr("是"), self.tr("否")
        for row, line in enumerate(lines):
            values = output.line_cells(line, yes, no, translate)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not line.counted:
                    item.setBackground(QBrush(NOT_COUNTED))
                if col == 4:
                    item.setTextAlignment(Qt.AlignCenter)
                if col == 5:  # a reason cut at the column's edge reads whole on hover
                    item.setToolTip(value)
                self.table.setItem(row, col, item)
        counted = sum(1 for line in self.lines if line.counted)
        if self.activities:
            self.count.setText(self.tr("共 {n} 次活动").replace("{n}", str(len(self.lines))))
            return
        self.count.setText(
            self.tr("共 {n} 人，计入 {counted} 人")
            .replace("{n}", str(len(self.lines)))
            .replace("{counted}", str(counted))
        )

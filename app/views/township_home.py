"""The township 工作台: indicators × villages with traffic lights against the targets, the trend by
month and a comparison of the villages for the chosen indicator, and when each village's data last
arrived.  Every number opens the residents behind it (:class:`IndicatorDrilldown`).

The report is computed on a worker thread (``Op.run_in_background``); the page shows the last one
until the new one arrives.

A county's 工作台 (``county=True``) is the same page one level up: its townships are the columns,
each opening (a click on its name) into its villages, each village into its groups.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.i18n import local_time
from app.services.indicators import COUNTS, Period, engine, output, workbench
from app.views.charts import staggered_axis
from app.views.indicator_drilldown import IndicatorDrilldown
from app.views.operations import FOLLOWUPS, REFERRALS, RESIDENTS, SYNC, Op, ReadOp, refresh_on
from app.views.population_dialog import PopulationDialog
from app.views.referrals import ReferralList
from app.views.widgets import AllOrSome, aside, toolbar, translate

GOOD, NEAR, BEHIND = QColor("#c8e6c9"), QColor("#ffe0b2"), QColor("#ffcdd2")
JUDGED = {"met": GOOD, "short": BEHIND}  # a count against its minimum (Workbench.judge_count)
NEAR_POINTS = 0.10  # within 10 percentage points of the target: amber
POPULATION = frozenset({"population_figure"})
FIXED_COLUMNS = 2  # 目标, 全乡镇 (a county: 全县); the villages (a county: the townships) follow


def _is_township(column) -> bool:
    return isinstance(column, engine.TownshipRef)


@dataclass(frozen=True)
class _Own:
    """The column, after a township's villages, of what is the township's own (its health centre's
    health-education activities): without it the villages do not add up to 全乡镇."""

    code: str
    name: str


def _own_column(report: engine.Report) -> _Own | None:
    """The own column of a township's report, when some indicator has something of its own."""
    if len(report.townships) != 1:
        return None
    town = report.townships[0]
    if not any(town.code in result.own for result in report.results):
        return None
    return _Own(town.code, town.name)


def light(rate: float | None, target: float | None) -> QColor | None:
    """The traffic light of a rate against its target (None: no target or no rate)."""
    if rate is None or target is None:
        return None
    if rate >= target:
        return GOOD
    return NEAR if rate >= target - NEAR_POINTS else BEHIND


pct = output.rate_text  # (engine figures: exact quotients)


class TownshipHomePage(QWidget):
    resident_requested = Signal(object)  # a resident's id, from a drill-down: its page is opened

    def __init__(self, store: Store, parent=None, *, county: bool = False):
        super().__init__(parent)
        self.store = store
        self.county = county
        self.expanded_towns: set[str] = set()  # (county) codes of the townships whose villages are shown
        self.bench: workbench.Workbench | None = None
        self.export_task = None  # the export running, if any (export_to)
        self.task = None
        self.trend_task = None
        self._running: set = set()
        self.title = QLabel(
            self.tr("县级工作台：各乡镇基本公共卫生服务指标")
            if county
            else self.tr("乡镇工作台：基本公共卫生服务指标")
        )
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        today = dt.date.today()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        self.quarter.addItem(self.tr("全年"), None)
        for q in (1, 2, 3, 4):
            self.quarter.addItem(self.tr("第 {q} 季度").replace("{q}", str(q)), (q, False))
        for q in (2, 3):  # the year so far, read against the year's targets (1–1 is Q1, 1–4 the year)
            self.quarter.addItem(self.tr("1–{q} 季度累计").replace("{q}", str(q)), (q, True))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.population_button = QPushButton(self.tr("人口数…"))
        self.population_button.clicked.connect(self.edit_population)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setToolTip(
            self.tr("指标工作簿（Excel，每个指标一张名单）或汇总表 PDF，用界面语言")
        )
        self.export_button.clicked.connect(self.export)
        self.show_groups = AllOrSome(self.tr("展开村民小组"))
        self.show_groups.setToolTip(self.tr("每个村后面列出它的村民小组；也可点击村名只展开该村"))
        self.show_villages = AllOrSome(self.tr("展开各村"))
        self.show_villages.setToolTip(self.tr("每个乡镇后面列出它的村；也可点击乡镇名只展开该乡镇"))
        self.show_villages.chosen.connect(self.expand_all_towns)
        self.show_villages.setVisible(county)
        self.population_button.setVisible(not county)  # population figures are the townships' to enter
        self.show_groups.chosen.connect(self.expand_all)
        self.expanded: set = set()  # ids of the villages whose groups are shown
        self.columns: list[tuple] = []  # from column 1: (village or None, group or None)
        self.indicator = QComboBox()
        self.indicator.setMinimumWidth(220)
        # under the title, not beside it; its buttons on a line of their own when narrow (in
        # English at 800 px 导出… was cut at the page's edge)
        bar = toolbar(
            [QLabel(self.tr("统计期：")), self.year, self.quarter, self.show_villages, self.show_groups],
            [self.refresh_button, self.population_button, self.export_button],
        )

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(True)
        self.table.cellClicked.connect(self.cell_clicked)
        self.table.horizontalHeader().sectionClicked.connect(self.header_clicked)
        self.note = QLabel(
            self.tr(
                "点击任一数字查看其背后的居民名单及原因；点击乡镇名展开或收起它的村，点击村名展开或收起它的村民小组。"
                "绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；"
                "红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。"
                "村民小组没有录入人口数，以人口数为分母的率显示为“—”。"
            )
            if county
            else self.tr(
                "点击任一数字查看其背后的居民名单及原因；点击村名展开或收起它的村民小组。"
                "绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；"
                "红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。"
                "村民小组没有录入人口数，以人口数为分母的率显示为“—”。"
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.withheld = QLabel()  # (Report.withheld: output.withheld_note)
        self.withheld.setWordWrap(True)
        self.withheld.setStyleSheet("color: #a05a00;")
        self.withheld.hide()
        # whose population figures are not entered yet (output.missing_population_note)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #a05a00;")
        self.missing.hide()

        charts = QWidget()
        chart_lay = QVBoxLayout(charts)
        chart_lay.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("图表指标：")))
        pick.addWidget(self.indicator)
        pick.addStretch(1)
        chart_lay.addLayout(pick)
        self.chart_row = QHBoxLayout()
        chart_lay.addLayout(self.chart_row, 1)
        self.trend_plot = None
        self.trend_empty = None  # the note in a trend chart with no line
        self.compare_plot = None

        split = QSplitter(Qt.Vertical)
        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.addWidget(self.table, 1)
        top_lay.addWidget(self.note)
        top_lay.addWidget(self.withheld)
        top_lay.addWidget(self.missing)
        split.addWidget(top)
        # below the table: the trend and comparison charts, and every open referral of the villages
        self.referrals = ReferralList(store, open_only=True, show_village=True, read_only=county)
        self.below = QTabWidget()
        self.below.addTab(charts, self.tr("趋势与比较"))
        self.below.addTab(self.referrals, self.tr("未结转诊"))
        split.addWidget(self.below)
        split.setStretchFactor(0, 2)  # the indicators first (3:2 showed 7 of them at 1024×720)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(bar)
        lay.addWidget(split, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.quarter.currentIndexChanged.connect(self.refresh)
        self.indicator.currentIndexChanged.connect(self.draw_charts)
        refresh_on(self, RESIDENTS | FOLLOWUPS | REFERRALS | SYNC | POPULATION, self.refresh)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The first computation waits until the page is shown; later ones follow refresh_on.
        if self.task is None:
            self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------------ data

    def period(self) -> Period:
        quarter, cumulative = self.quarter.currentData() or (None, False)
        return engine.parse_period(self.year.value(), quarter, cumulative)

    def show_referrals(self) -> None:
        self.below.setCurrentWidget(self.referrals)

    def refresh(self, *_args):
        period = self.period()
        self.task = (
            ReadOp(self, self.store, lambda s, p: workbench.township_workbench(s, period, progress=p.report))
            .success(self.show_workbench)
            .run_in_background(self.tr("正在计算指标…"))
        )
        return self._track(self.task)

    def _track(self, task):
        self._running.add(task)
        task.finished.connect(lambda: self._running.discard(task))
        return task

    def wait_until_loaded(self, timeout_ms: int = 60_000) -> None:
        """Run the event loop until the report and its trend are in (screenshots, tests)."""
        for name in ("task", "trend_task"):  # the trend starts when the report arrives
            task = getattr(self, name)
            if task in self._running:
                loop = QEventLoop()
                task.finished.connect(loop.quit)
                QTimer.singleShot(timeout_ms, loop.quit)
                loop.exec()

    def edit_population(self) -> PopulationDialog:
        """The township enters the villages' population figures for the year shown."""
        dialog = PopulationDialog(self.store, self.year.value(), self)
        dialog.open()
        return dialog

    def export(self) -> None:
        """The report shown, as the county's workbook or the summary PDF, in the UI language."""
        if self.bench is None:
            return
        # in the UI's language as a whole ("indicators-2026年" mixed them)
        name = self.tr("指标报表-{period}").replace(
            "{period}", output.period_label(self.bench.report.period, translate)
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出指标"), f"{name}.xlsx", "Excel (*.xlsx);;PDF (*.pdf)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str):
        """Write the workbook or PDF on a worker thread (a township's lists run to many thousand
        rows); returns the background task."""
        report = self.bench.report
        if path.lower().endswith(".pdf"):

            def write(s):
                return output.write_summary_pdf(s, report, path, translate)

        else:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"

            def write(s):
                return output.write_workbook(s, report, path, translate)

        self.export_task = Op(self, self.store, lambda s, _progress: write(s)).run_in_background(
            self.tr("正在导出指标…")
        )
        return self.export_task

    # ------------------------------------------------------------------ table

    def show_workbench(self, bench: workbench.Workbench) -> None:
        self.bench = bench
        self.fill_table()
        report = bench.report
        withheld = output.withheld_note(report, translate)
        self.withheld.setText(withheld or "")
        self.withheld.setVisible(withheld is not None)
        missing = output.missing_population_note(report, translate)
        self.missing.setText(missing or "")
        self.missing.setVisible(missing is not None)
        current = self.indicator.currentData()
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for result in report.results:
            self.indicator.addItem(translate("Indicator", result.name), result.key)
        keys = [r.key for r in report.results]
        self.indicator.setCurrentIndex(keys.index(current) if current in keys else 0)
        self.indicator.blockSignals(False)
        self.draw_charts()

    def fill_table(self) -> None:
        """Indicators × (township, each village and the groups of the villages expanded)."""
        bench = self.bench
        report = bench.report
        # the boxes for all of them say how many are open, however they were opened
        with_groups = {v.id for v in report.villages if report.groups_of(v.id)}
        self.show_groups.show_share(len(self.expanded & with_groups), len(with_groups))
        self.show_villages.show_share(len(self.expanded_towns), len(report.townships))
        self.columns = [(None, None)]
        if self.county:
            for t in report.townships:
                self.columns.append((t, None))
                if t.code in self.expanded_towns:
                    for v in report.villages_of(t.code):
                        self.columns.append((v, None))
                        if v.id in self.expanded:
                            self.columns += [(v, g) for g in report.groups_of(v.id)]
        else:
            for v in report.villages:
                self.columns.append((v, None))
                if v.id in self.expanded:
                    self.columns += [(v, g) for g in report.groups_of(v.id)]
            if (own := _own_column(report)) is not None:
                self.columns.append((own, None))
        self.table.clear()
        self.table.setColumnCount(1 + len(self.columns))
        self.table.setRowCount(len(report.results) + 2)
        headers = [self.tr("目标"), self.tr("全县") if self.county else self.tr("全乡镇")]
        for v, g in self.columns[1:]:
            if _is_township(v):
                headers.append(("▼ " if v.code in self.expanded_towns else "▶ ") + v.name)
            elif isinstance(v, _Own):
                headers.append(output.own_label(v.name, translate))
            elif g is not None:
                headers.append(f"{v.name}\n· {g.name}")
            elif report.groups_of(v.id):
                headers.append(("▼ " if v.id in self.expanded else "▶ ") + v.name)
            else:
                headers.append(v.name)
        self.table.setHorizontalHeaderLabels(headers)
        labels = [translate("Indicator", r.name) for r in report.results]
        labels += [self.tr("最近同步"), self.tr("可能缺失天数")]
        self.table.setVerticalHeaderLabels(labels)
        day_note = output.reference_day_note(report, translate)
        for row, result in enumerate(report.results):  # (their patients are counted on one day)
            if day_note and output.counted_on_one_day(result):
                self.table.verticalHeaderItem(row).setToolTip(day_note)
        group_fill = QColor("#f5f5f5")
        for row, result in enumerate(report.results):
            # (a count's minimum is each unit's own, in its cells; as the PDF, no rate to aim at)
            shown = "—" if result.unit in COUNTS else pct(result.target) if result.target is not None else ""
            target = QTableWidgetItem(shown)
            target.setTextAlignment(Qt.AlignCenter)
            self.table.setItem(row, 0, target)
            for col, (v, g) in enumerate(self.columns, start=1):
                if isinstance(v, _Own):
                    if v.code not in result.own:  # nothing of the township's own in this indicator
                        none = QTableWidgetItem("—")
                        none.setTextAlignment(Qt.AlignCenter)
                        self.table.setItem(row, col, none)
                        continue
                    figure = engine.Figure(*result.own[v.code])
                elif v is None:
                    figure = result.total
                elif _is_township(v):
                    figure = report.township_figure(result, v.code)
                elif g is None:
                    figure = result.villages[v.id]
                else:
                    figure = result.group_figure(g.id)
                if output.unseen(report, result):  # not "0 / 0": patients this user may not see
                    item = QTableWidgetItem(translate("Report", output.NOT_SEEN))
                    item.setTextAlignment(Qt.AlignCenter)
                    item.setToolTip(self.tr("这项指标只统计严重精神障碍患者，您无权查看这类患者"))
                    self.table.setItem(row, col, item)
                    continue
                if result.unit in COUNTS:  # activities against the yearly minimum
                    text = (
                        f"{output.count_text(figure.numerator, result.unit, translate)}\n"
                        f"{output.minimum_text(figure.denominator, result.unit, translate)}"
                    )
                else:
                    den = "—" if figure.denominator is None else f"{figure.denominator:,}"
                    text = f"{pct(figure.rate)}\n{figure.numerator:,} / {den}"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignCenter)
                if result.unit in COUNTS:  # met, short of what was due by now, or still to come
                    if g is not None:
                        judged = None  # (a village group holds no activities of its own)
                    else:
                        judged = self.bench.judge_count(result, v.code if isinstance(v, _Own) else v)
                    color = JUDGED.get(judged)
                else:
                    color = light(figure.rate, result.target)
                if color is not None:
                    item.setBackground(QBrush(color))
                elif g is not None or (self.county and not _is_township(v) and v is not None):
                    item.setBackground(QBrush(group_fill))
                if result.unit not in COUNTS and figure.denominator is None:  # a population not entered
                    item.setToolTip(self.tr("还没有录入这一年的人口数：点“人口数…”录入后才有比率"))
                else:
                    item.setToolTip(self.tr("点击查看居民名单"))
                self.table.setItem(row, col, item)
        base = len(report.results)
        never = self.tr("从未同步")
        for col, (v, g) in enumerate(self.columns, start=1):
            if v is None or g is not None or isinstance(v, _Own):
                continue  # the sync rows are the villages'
            sync = bench.sync.get(v.code)
            if sync is None and self.county and not _is_township(v):
                continue  # (a county hears from townships: its villages' data comes in theirs)
            last = sync.last_import if sync else None
            text = local_time(last, never)
            if sync is not None and sync.revoked:
                text += aside(self.tr("已撤销"))
            when = QTableWidgetItem(text)
            days = QTableWidgetItem(
                "—" if sync is None or sync.days_missing is None else str(sync.days_missing)
            )
            if sync is None or sync.days_missing is None:  # (an empty pink cell said nothing)
                days.setToolTip(self.tr("从未收到它的同步包：缺多少天无从估计"))
            if sync is not None and (sync.days_missing is None or sync.days_missing > 7):
                days.setBackground(QBrush(BEHIND))
                when.setBackground(QBrush(BEHIND))
            for item in (when, days):
                item.setTextAlignment(Qt.AlignCenter)
            self.table.setItem(base, col, when)
            self.table.setItem(base + 1, col, days)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(90)

    def expand_all(self, on: bool) -> None:
        if self.bench is None:
            return
        self.expanded = {v.id for v in self.bench.report.villages} if on else set()
        self.fill_table()

    def expand_all_towns(self, on: bool) -> None:
        if self.bench is None:
            return
        self.expanded_towns = {t.code for t in self.bench.report.townships} if on else set()
        self.fill_table()

    def header_clicked(self, col: int) -> None:
        """A click on a township's name shows (or hides) its villages; on a village's, its groups."""
        if self.bench is None or not 1 <= col <= len(self.columns):
            return
        v, g = self.columns[col - 1]
        if isinstance(v, _Own):
            return
        if _is_township(v):
            self.expanded_towns ^= {v.code}
            self.fill_table()
            return
        if v is None or g is not None or not self.bench.report.groups_of(v.id):
            return
        self.expanded ^= {v.id}
        self.fill_table()

    def column_of(self, village_code: str, group_name: str | None = None) -> int:
        """The table column of a village or (county) a township (or a village's group, when
        expanded)."""
        for col, (v, g) in enumerate(self.columns, start=1):
            if v is not None and v.code == village_code and (g.name if g else None) == group_name:
                return col
        raise KeyError((village_code, group_name))

    def cell_clicked(self, row: int, col: int) -> IndicatorDrilldown | None:
        if self.bench is None or row >= len(self.bench.report.results):
            return None
        self.indicator.setCurrentIndex(row)
        if col < 1:
            return None
        v, _g = self.columns[col - 1]
        result = self.bench.report.results[row]
        if (isinstance(v, _Own) and v.code not in result.own) or output.unseen(self.bench.report, result):
            return None  # (an empty cell: nothing of the township's own; or no patient to list)
        return self.open_drilldown(row, col)

    def open_drilldown(self, row: int, col: int) -> IndicatorDrilldown:
        report = self.bench.report
        result = report.results[row]
        village, group = self.columns[col - 1]
        town = village.code if _is_township(village) else None
        own = isinstance(village, _Own)
        if own:
            place = output.own_label(village.name, translate)
            village = None
        elif village is None:
            place = self.tr("全县") if self.county else self.tr("全乡镇")
        elif town is not None:
            place = village.name + aside(village.code)
            village = None
        elif group is None:
            place = village.name + aside(village.code)
        else:
            place = f"{village.name}{aside(village.code)} {group.name}"
        dialog = IndicatorDrilldown(
            self.store,
            result.key,
            result.name,
            report.period,
            village.code if village else None,
            place,
            result.denominator_figure is None,
            self,
            group_id=group.id if group else None,
            township_code=town,
            activities=result.unit in COUNTS,
            own=own,
        )
        dialog.resident_requested.connect(self.resident_requested)
        dialog.show()
        return dialog

    # ------------------------------------------------------------------ charts

    def draw_charts(self, *_args) -> None:
        if self.bench is None or self.indicator.currentData() is None:
            return
        key = self.indicator.currentData()
        result = self.bench.report.result(key)
        self._draw_comparison(result)
        year = self.year.value()
        self.trend_task = (
            ReadOp(self, self.store, lambda s, _p: engine.monthly_trend(s, key, year))
            .success(lambda trend: self._draw_trend(result, trend))
            .run_in_background(self.tr("正在计算逐月趋势…"))
        )
        self._track(self.trend_task)

    def _plot(self, old, result: engine.IndicatorResult, axes: dict | None = None):
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        if old is not None:
            self.chart_row.removeWidget(old)
            old.deleteLater()
        plot = pg.PlotWidget(axisItems=axes)
        plot.setMinimumHeight(120)  # (an 800×600 screen: the table above keeps its rows)
        plot.showGrid(x=False, y=True, alpha=0.2)
        if result.unit in COUNTS:  # activities held: their number, from 0 up
            plot.enableAutoRange(axis="y")
            plot.setLabel("left", self.tr("次"))
        else:
            plot.setYRange(0, 100)
            plot.setLabel("left", "%")
        return plot

    @staticmethod
    def _height(result: engine.IndicatorResult, figure: engine.Figure) -> float | None:
        """What a chart draws of ``figure``: a count's number, a rate's percentage."""
        if result.unit in COUNTS:
            return figure.numerator
        return None if figure.rate is None else figure.rate * 100

    def _target_line(self, plot, result: engine.IndicatorResult) -> None:
        import pyqtgraph as pg

        target = result.target
        if target is not None and result.unit not in COUNTS:  # a count's minimum differs per village
            plot.addItem(
                pg.InfiniteLine(
                    pos=target * 100, angle=0, pen=pg.mkPen("#c62828", width=1, style=Qt.DashLine)
                )
            )

    def _draw_comparison(self, result: engine.IndicatorResult) -> None:
        import pyqtgraph as pg

        # (ten villages' names side by side overlapped: they take a second line)
        plot = self._plot(self.compare_plot, result, {"bottom": staggered_axis()})
        report = self.bench.report
        if self.county:  # the townships compared
            villages = report.townships
            figures = [report.township_figure(result, t.code) for t in villages]
        else:
            villages = report.villages
            figures = [result.villages[v.id] for v in villages]
        xs = list(range(len(villages)))
        if result.unit in COUNTS:  # (as the table's cells: each unit against what was due by now)
            brushes = [JUDGED.get(self.bench.judge_count(result, v)) or QColor("#90caf9") for v in villages]
        else:
            brushes = [light(f.rate, result.target) or QColor("#90caf9") for f in figures]
        heights = [self._height(result, f) for f in figures]
        known = [i for i, h in enumerate(heights) if h is not None]  # an unknown rate draws no bar (not 0)
        if known:
            plot.addItem(
                pg.BarGraphItem(
                    x=[xs[i] for i in known],
                    height=[heights[i] for i in known],
                    width=0.6,
                    brushes=[brushes[i] for i in known],
                    pen="#777",
                )
            )
        plot.getAxis("bottom").setTicks([[(i, v.name) for i, v in enumerate(villages)]])
        plot.setXRange(-0.5, len(villages) - 0.5, padding=0.02)  # every name, with a bar or not
        self._target_line(plot, result)
        plot.setTitle(self.tr("各乡镇比较") if self.county else self.tr("各村比较"))
        self.compare_plot = plot
        self.chart_row.addWidget(plot, 1)

    def _why_no_trend(self, result: engine.IndicatorResult) -> str:
        """A rate against a population figure has no total while a village's figure is missing: said
        so, naming the villages (not "no data this year" of a year of records)."""
        if not result.missing_figures:
            return self.tr("本年度还没有可画的数据")
        names = [v.name for v in self.bench.report.villages if v.code in result.missing_figures]
        text = (
            self.tr("{places}还没有录入本年度人口数：\n全县的比率暂缺，画不出趋势")
            if self.county
            else self.tr("{places}还没有录入本年度人口数：\n全乡镇的比率暂缺，画不出趋势")
        )
        return text.replace("{places}", self.tr("、").join(names))

    def _draw_trend(self, result: engine.IndicatorResult, trend) -> None:
        plot = self._plot(self.trend_plot, result)
        self.trend_empty = None
        points = [
            (month, height)
            for month, _villages, total in trend
            if (height := self._height(result, total)) is not None
        ]
        import pyqtgraph as pg

        if points:
            xs, ys = zip(*points, strict=True)
            plot.plot(
                xs, ys, pen=pg.mkPen("#1565c0", width=2), symbol="o", symbolSize=6, symbolBrush="#1565c0"
            )
        else:  # not an empty frame: why there is no line (no month has a rate: a population is missing …)
            self.trend_empty = pg.TextItem(self._why_no_trend(result), color="#777", anchor=(0.5, 0.5))
            self.trend_empty.setPos(6.5, 50 if result.unit not in COUNTS else 0.5)
            plot.addItem(self.trend_empty)
        plot.getAxis("bottom").setTicks([[(m, str(m)) for m in range(1, 13)]])
        plot.setXRange(0.5, 12.5)
        plot.setLabel("bottom", self.tr("月（年初累计）"))
        self._target_line(plot, result)
        plot.setTitle(self.tr("逐月趋势（全县）") if self.county else self.tr("逐月趋势（全乡镇）"))
        self.trend_plot = plot
        self.chart_row.insertWidget(0, plot, 1)

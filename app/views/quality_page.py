"""质量: the quality report of a year — villages × kinds of problem; a click on a number lists the
visits behind it.  The report is computed off the GUI thread (a township year is 100k+ visits);
the workbook and the printable 督导 sheets are written from the same report."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.services.indicators import Period
from app.services.printing.supervision_sheet import write_supervision_sheets
from app.services.quality import export
from app.services.quality import report as quality
from app.views.operations import FOLLOWUPS, RESIDENTS, Op, ReadOp, refresh_on
from app.views.widgets import (
    LazyPage,
    aside,
    fit_columns,
    header_lines,
    print_labels,
    read_only_table,
    toolbar,
    translate,
)


class QualityPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.report: quality.QualityReport | None = None
        self.task = None
        self.busy = False  # a computation is running (screenshots wait for `task.finished`)
        self._again = False  # a refresh was asked for while computing
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.village = QComboBox()
        self.village.addItem(self.tr("全部村"), None)
        self.village.setMinimumContentsLength(14)
        self.grouping = QComboBox()
        self.grouping.addItem(self.tr("按村"), "village")
        self.grouping.addItem(self.tr("按村和医生"), "doctor")
        self.grouping.currentIndexChanged.connect(self.show_rows)
        self.rows: list[tuple[str, str | None, str]] = []  # (village code, doctor or None, label)
        self.run_button = QPushButton(self.tr("查询"))
        self.run_button.clicked.connect(self.refresh)
        self.xlsx_button = QPushButton(self.tr("导出Excel…"))
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button = QPushButton(self.tr("打印督导表…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        # the exports on a line of their own when narrow (打印督导表… was cut at 800 px)
        bar = toolbar(
            [
                QLabel(self.tr("年度")),
                self.year,
                QLabel(self.tr("村")),
                self.village,
                self.run_button,
                self.grouping,
            ],
            [self.xlsx_button, self.pdf_button],
        )
        self.headline = QLabel()
        self.kinds = list(quality.KINDS)
        self.summary = read_only_table(
            [
                self.tr("村"),
                *(header_lines(translate("Quality", quality.KINDS[k])) for k in self.kinds),
                self.tr("合计"),
            ]
        )
        self.summary.setSelectionBehavior(self.summary.SelectionBehavior.SelectItems)
        self.summary.horizontalHeader().setStretchLastSection(False)
        self.summary.resizeColumnsToContents()  # the headers whole before the first run (English is long)
        self.summary.cellClicked.connect(self.drill_down)
        self.drill_title = QLabel(self.tr("点击上表中的数字，列出其中的随访记录"))
        self.findings = read_only_table(
            [
                self.tr("问题类型"),
                self.tr("村"),
                self.tr("医生"),
                self.tr("姓名"),
                self.tr("档案编号"),
                self.tr("随访日期"),
                self.tr("说明"),
            ]
        )
        fit_columns(self.findings, {0: 12, 1: 8, 2: 7, 3: 6, 4: 17, 5: 10})
        lower_box = QWidget()
        lower = QVBoxLayout(lower_box)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.drill_title)
        lower.addWidget(self.findings, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.summary)
        split.addWidget(lower_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(bar)
        lay.addWidget(self.headline)
        lay.addWidget(split, 1)
        refresh_on(self, FOLLOWUPS | RESIDENTS, self.refresh)

    # -- computing

    def refresh(self) -> None:
        self._loaded = True
        if self.busy:
            self._again = True
            return
        period, code = Period.year(self.year.value()), self.village.currentData()
        self.run_button.setEnabled(False)
        making = self.tr("正在生成质量报告…")
        self.task = (
            ReadOp(
                self, self.store, lambda s, _progress: quality.quality_report(s, period, village_code=code)
            )
            .success(self.show_report)
            .run_in_background(making)
        )
        self.busy = True
        self.headline.setText(making)  # (an empty table read as "no findings" while it was made)
        self.task.finished.connect(self._idle)

    def _idle(self) -> None:
        self.busy = False
        self.run_button.setEnabled(True)
        if self._again:  # asked for while computing: once more, with what changed meanwhile
            self._again = False
            self.refresh()

    def show_report(self, report: quality.QualityReport) -> None:
        self.report = report
        if self.village.count() == 1 or self.village.currentData() is None:
            chosen = self.village.currentData()
            self.village.blockSignals(True)
            self.village.clear()
            self.village.addItem(self.tr("全部村"), None)
            for code, name in report.villages:
                self.village.addItem(name + aside(code), code)
            self.village.setCurrentIndex(max(0, self.village.findData(chosen)))
            self.village.blockSignals(False)
        self.headline.setText(
            self.tr("{year} 年：核查 {visits} 次随访，发现 {n} 条问题")
            .replace("{year}", str(report.period.start.year))
            .replace("{visits}", str(report.visits))
            .replace("{n}", str(len(report.findings)))
        )
        self.show_rows()

    def show_rows(self) -> None:
        """The summary by village, or by village and doctor (随访医生, or the user who saved)."""
        report = self.report
        if report is None:
            return
        by_doctor = self.grouping.currentData() == "doctor"
        names = dict(report.villages)
        counts: dict[tuple, int] = {}
        if by_doctor:
            for code, doctor, kind, n in report.by_doctor():
                counts[code, doctor, kind] = n
            keys = sorted({(code, doctor) for code, doctor, _k in counts}, key=lambda k: (k[0], k[1]))
            self.rows = [
                (code, doctor, f"{names.get(code, code)} · {doctor or self.tr('未填写')}")
                for code, doctor in keys
            ]
        else:
            for r in report.summary():
                counts[r.village_code, None, r.kind] = r.count
            self.rows = [(code, None, name) for code, name in report.villages]
        self.summary.setRowCount(len(self.rows))
        for row, (code, doctor, label) in enumerate(self.rows):
            cells = [label, *(counts.get((code, doctor, k), 0) for k in self.kinds)]
            cells.append(sum(cells[1:]))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.summary.setItem(row, col, item)
        self.summary.resizeColumnsToContents()
        self.findings.setRowCount(0)

    # -- drill-down

    def drill_down(self, row: int, column: int) -> None:
        if self.report is None or row >= len(self.rows):
            return
        code, doctor, name = self.rows[row]
        kind = self.kinds[column - 1] if 1 <= column <= len(self.kinds) else None
        shown = [
            f
            for f in self.report.of_village(code)
            if (kind is None or f.kind == kind) and (doctor is None or f.doctor == doctor)
        ]
        what = translate("Quality", quality.KINDS[kind]) if kind else self.tr("全部问题")
        self.drill_title.setText(
            self.tr("{village} · {what}：{n} 条")
            .replace("{village}", name)
            .replace("{what}", what)
            .replace("{n}", str(len(shown)))
        )
        self.findings.setRowCount(len(shown))
        for r, f in enumerate(shown):
            cells = [
                translate("Quality", quality.KINDS[f.kind]),
                f.village_name,
                f.doctor,
                f.name,
                f.archive_no,
                f.visit_date.isoformat() if f.visit_date else "",
                f.render_detail(translate),
            ]
            for c, text in enumerate(cells):
                self.findings.setItem(r, c, QTableWidgetItem(text))
        self.findings.resizeColumnsToContents()

    # -- files

    def export_xlsx(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出Excel"), f"quality-{self.year.value()}.xlsx", "Excel (*.xlsx)"
        )
        if path:
            report = self.report
            Op(self, self.store, lambda s: export.write_workbook(s, report, path, translate)).run()

    def export_pdf(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("打印督导表"), f"supervision-{self.year.value()}.pdf", "PDF (*.pdf)"
        )
        if path:
            path = path if path.lower().endswith(".pdf") else path + ".pdf"
            report, labels = self.report, print_labels()

            def write(s):
                return write_supervision_sheets(s, report, labels, path)

            Op(self, self.store, write).run()

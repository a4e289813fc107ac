"""老年人 page: the 65+ residents not yet checked this year, by village group, from which a check is
entered (Enter) or the list printed for an outreach day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout

from app.db import Store
from app.services.indicators import output
from app.services.programmes import elderly, worklist
from app.views.elderly_check import open_check_dialog
from app.views.operations import RESIDENTS, Op, refresh_on
from app.views.print_preview import preview
from app.views.widgets import LazyPage, code_label, fit_columns, print_labels, read_only_table, toolbar

ELDERLY = frozenset({"elderly_check"})


class ElderlyPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.rows: list[elderly.DueElder] = []
        self.group = QComboBox()
        self.group.addItem(self.tr("全部村民小组"), None)
        choices = Op(self, store, worklist.filter_choices).run() or {"groups": []}
        for gid, label in choices["groups"]:
            self.group.addItem(label, gid)
        self.group.currentIndexChanged.connect(self.refresh)
        self.record = QPushButton(self.tr("录入体检 (Enter)"))
        self.record.clicked.connect(self.record_selected)
        self.print_list = QPushButton(self.tr("打印名单"))
        self.print_list.clicked.connect(self.print_unchecked)
        self.print_blank = QPushButton(self.tr("打印空白体检表"))
        self.print_blank.clicked.connect(self.print_blank_forms)
        self.table = read_only_table(
            [
                self.tr("姓名"),
                self.tr("性别"),
                self.tr("年龄"),
                self.tr("村民小组"),
                self.tr("联系电话"),
                self.tr("上次体检"),
            ]
        )
        fit_columns(self.table, dict(enumerate((10, 8, 6, 14, 14, 12))))
        self.table.activated.connect(lambda _i: self.record_selected())
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # (two sentences: the count, and where the rate is)
        self.summary.setStyleSheet("color: #666;")
        top = toolbar(
            [QLabel(self.tr("今年未体检的65岁及以上老年人")), self.group],
            [self.print_list, self.print_blank, self.record],
        )
        lay = QVBoxLayout(self)
        lay.addWidget(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        refresh_on(self, ELDERLY | RESIDENTS, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        year, group_id = dt.date.today().year, self.group.currentData()

        def read(s):
            return elderly.unchecked(s, year, group_id=group_id), elderly.coverage(s, year)

        found = Op(self, self.store, read).run()
        if found is None:
            return
        self.rows, cover = found
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = (
                r.name,
                code_label("sex", r.sex),
                str(r.age),
                f"{r.village_name} {r.group_name}".strip(),
                r.phone,
                r.last_check.isoformat() if r.last_check else self.tr("从未体检"),
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, r.resident_id)
                self.table.setItem(i, j, item)
        # of the enrolled 65+, each person once (as the indicator counts them); the workbench's
        # 老年人健康管理率 divides by the 65+ population entered, which the line says
        rate = output.figure_rate_text(cover["checked"], cover["elderly"])
        self.summary.setText(
            self.tr(
                "未体检 {n} 人；建档的65岁及以上居民 {total} 人中，今年已体检 {checked} 人（占建档的 {rate}）。"
                "老年人健康管理率以常住65岁及以上人口为分母，见工作台"
            )
            .replace("{n}", str(len(self.rows)))
            .replace("{checked}", str(cover["checked"]))
            .replace("{total}", str(cover["elderly"]))
            .replace("{rate}", rate)
        )
        if self.rows:
            self.table.selectRow(0)

    def record_selected(self):
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            return None
        return open_check_dialog(self, self.store, self.rows[row].resident_id)

    def print_unchecked(self):
        """The list for an outreach day, by village group, in the preview."""
        from app.services.printing import elderly_forms

        year, group_id, labels = dt.date.today().year, self.group.currentData(), print_labels()
        data = Op(
            self, self.store, lambda s: elderly_forms.unchecked_pdf(s, year, labels, group_id=group_id)
        ).run()
        if data is None:
            return None
        title = self.tr("老年人健康体检工作单")
        return preview(self, data, title, f"{title}-{year}.pdf")

    def print_blank_forms(self):
        """The blank health-check form with its self-care assessment, for filling in by hand."""
        from app.services.printing import elderly_forms

        labels = print_labels()
        data = Op(self, self.store, lambda s: elderly_forms.check_summary_pdf(s, None, labels)).run()
        if data is None:
            return None
        title = self.tr("老年人健康体检表（空白）")
        return preview(self, data, title, f"{title}.pdf")

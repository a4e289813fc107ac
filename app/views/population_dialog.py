"""人口数: the township enters each village's 常住人口 and 65+ population for a year (the
denominators of 建档率, 签约率, 老年人健康管理率 …: population.indicators_divided); they reach the
villages by sync."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.indicators import population
from app.views.operations import Op
from app.views.widgets import aside, translate


class PopulationDialog(QDialog):
    def __init__(self, store: Store, year: int, parent=None):
        super().__init__(parent)
        self.store, self.year = store, year
        self.setWindowTitle(self.tr("{year} 年人口数").replace("{year}", str(year)))
        self.resize(640, 520)
        names = [translate("Indicator", name) for name in population.indicators_divided()]
        # the year in the page itself, not only in the title bar: figures of another year are
        # overwritten by a save
        note = QLabel(
            self.tr(
                "{year} 年各村常住人口和65岁及以上常住人口，用作{year} 年{names}的分母；保存后随同步发到各村。"
            )
            .replace("{names}", self.tr("、").join(names))
            .replace("{year}", str(year))
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("村"), self.tr("常住人口"), self.tr("65岁及以上")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in (1, 2):  # wide enough for the header in either language
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.verticalHeader().hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.buttons)
        self.codes: list[str] = []
        rows = Op(self, store, lambda s: population.figures(s, year)).run() or []
        self.table.setRowCount(len(rows))
        for row, f in enumerate(rows):
            self.codes.append(f.code)
            name = QTableWidgetItem(f.name + aside(f.code))
            name.setFlags(name.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(row, 0, name)
            for col, value in ((1, f.resident_population), (2, f.elderly_population)):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)

    def typed(self) -> list[tuple[str, str, str]]:
        return [
            (code, self.table.item(row, 1).text(), self.table.item(row, 2).text())
            for row, code in enumerate(self.codes)
        ]

    def save(self) -> None:
        typed, year = self.typed(), self.year
        Op(self, self.store, lambda s: population.set_year_figures(s, year, typed)).success(
            lambda _n: self.accept()
        ).failure(self.refused).run()

    def refused(self, error) -> None:
        QMessageBox.warning(self, self.windowTitle(), error.render(translate))

"""Roster import from the 居民档案 page: check first (preview of errors), then import, off the GUI thread.

Both run as one operation on the worker thread (``Op.run_in_background``).  The import service
writes nothing unless every row is valid (or, with "skip", exactly the valid households), so a
rejected import changes nothing and shows its per-row report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.records import roster
from app.views.operations import Op, StoreOp
from app.views.widgets import field_text, fit_to_screen, render, save_path


class RosterImportDialog(QDialog):
    imported = Signal(object)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.report: roster.ImportReport | None = None
        self.setWindowTitle(self.tr("导入花名册"))
        fit_to_screen(self, 900, 560)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("选择 .xlsx 或 .csv 文件（UTF-8 或 GB18030）"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        template = QPushButton(self.tr("保存模板…"))
        template.clicked.connect(self._template)
        self.skip = QCheckBox(self.tr("跳过有错误的行，只导入正确的行（被拒绝的行另存到原文件旁）"))
        self.summary = QLabel(self.tr("导入前会先逐行检查；只要有一行有错，默认不导入任何记录。"))
        self.summary.setWordWrap(True)
        self.errors = QTableWidget(0, 4)
        self.errors.setHorizontalHeaderLabels(
            [self.tr("行号"), self.tr("列"), self.tr("内容"), self.tr("原因")]
        )
        self.errors.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.errors.verticalHeader().hide()
        self.errors.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(self.tr("检查"), QDialogButtonBox.ActionRole)
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.RejectRole)
        self.check_button.clicked.connect(lambda: self._run(dry_run=True))
        buttons.accepted.connect(lambda: self._run(dry_run=False))
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        top.addWidget(template)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.skip)
        lay.addWidget(self.summary)
        lay.addWidget(self.errors, 1)
        lay.addWidget(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择花名册"), "", self.tr("花名册 (*.xlsx *.csv)")
        )
        if name:
            self.path.setText(name)
            self._run(dry_run=True)

    def _template(self) -> None:
        name = save_path(self, self.tr("保存模板"), "花名册模板.xlsx", "Excel (*.xlsx);;CSV (*.csv)")
        if name:
            StoreOp(self, self.store, lambda _store: roster.write_template(Path(name))).run()

    def _run(self, dry_run: bool) -> None:
        if not self.path.text().strip():  # nothing chosen yet: choose (an empty path read as the folder ".")
            self._browse()
            return
        path = Path(self.path.text().strip())
        skip = self.skip.isChecked()
        title = self.tr("正在检查…") if dry_run else self.tr("正在导入…")
        Op(
            self,
            self.store,
            lambda s, progress: roster.import_roster(
                s,
                path,
                dry_run=dry_run,
                skip_invalid=skip,
                progress=progress.report,
                cancelled=progress.cancelled,
            ),
        ).success(lambda report: self._show(report, dry_run)).titled(self.tr("导入花名册")).run_in_background(
            title
        )

    def _show(self, report: roster.ImportReport, dry_run: bool) -> None:
        self.report = report
        self.errors.setRowCount(len(report.errors))
        for i, e in enumerate(report.errors):
            # the column as the file names it, or the field's label: translated where we can
            for j, text in enumerate((str(e.row), field_text(e.column), e.value, render(e.message))):
                self.errors.setItem(i, j, QTableWidgetItem(text))
        self.errors.resizeColumnsToContents()
        bad = len(report.rejected_rows)
        if dry_run:
            text = self.tr("共 {total} 行：{good} 行可导入，{bad} 行有错误。")
        elif report.errors and not self.skip.isChecked():
            text = self.tr("共 {total} 行，{bad} 行有错误，未导入任何记录。")
        else:
            text = self.tr("已导入 {good} 人，跳过 {bad} 行。")
            self.imported.emit(report)
        text = (
            text.replace("{total}", str(report.total_rows))
            .replace("{good}", str(report.imported))
            .replace("{bad}", str(bad))
        )
        if report.ignored_columns:
            text += " " + self.tr("已忽略未知列：{cols}").replace("{cols}", "、".join(report.ignored_columns))
        if report.rejected_file and not dry_run:
            text += " " + self.tr("被拒绝的行已写入 {file}").replace("{file}", report.rejected_file)
        self.summary.setText(text)

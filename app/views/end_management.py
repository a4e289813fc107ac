"""结束慢病管理: 失访 / 迁出 / 死亡 / 终止管理, with date and reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from app.db import Store
from app.services.errors import UserError, ValidationError
from app.services.programmes import followup
from app.views.operations import Op
from app.views.widgets import ErrorLabel, FieldBox, code_label, line_edit, render


class EndManagementDialog(QDialog):
    def __init__(self, store: Store, enrolment_id, parent=None):
        super().__init__(parent)
        self.store, self.enrolment_id = store, enrolment_id
        self.setWindowTitle(self.tr("结束慢病管理"))
        self.status = QComboBox()
        for code in ("2", "3", "4", "5"):
            self.status.addItem(code_label("program_status", code), code)
        self.date = line_edit(self.tr("年-月-日"), 20)
        self.date.setText(dt.date.today().isoformat())
        self.reason = line_edit(self.tr("如 迁往外省、经上级医院确诊排除"), 200)
        self.boxes = {
            name: FieldBox(w)
            for name, w in (("status", self.status), ("date", self.date), ("reason", self.reason))
        }
        form = QFormLayout()
        form.addRow(self.tr("管理状态"), self.boxes["status"])
        form.addRow(self.tr("日期"), self.boxes["date"])
        form.addRow(self.tr("原因"), self.boxes["reason"])
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.summary = ErrorLabel()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)

    def save(self) -> bool:
        enrolment_id, status = self.enrolment_id, self.status.currentData()
        day, reason = self.date.text(), self.reason.text()
        done = (
            Op(self, self.store, lambda s: followup.end_management(s, enrolment_id, status, day, reason))
            .failure(self._refused)
            .run()
        )
        if done is None:
            return False
        self.accept()
        return True

    def _refused(self, error: UserError) -> None:
        if isinstance(error, ValidationError):
            for name, fe in error.by_field().items():
                self.boxes.get(name, self.boxes["reason"]).error.show_error(render(fe.message))
        else:
            self.summary.show_error(render(error.message))

"""A referral's life on screen: the open referrals (工作台) or one resident's (the resident page),
with the steps their life allows — 到位, 不到位 (with the reason), 回转 (with the results)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.services.errors import UserError, ValidationError
from app.services.programmes import referral
from app.views.operations import REFERRALS, Op, refresh_on
from app.views.widgets import (
    ErrorLabel,
    FieldBox,
    code_label,
    fit_columns,
    line_edit,
    read_only_table,
    render,
)


class ReferralList(QWidget):
    """Referrals as a table, urgent first and longest open first, with the next steps as buttons."""

    changed = Signal()

    def __init__(
        self,
        store: Store,
        *,
        resident_id=None,
        open_only: bool = True,
        show_village: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self.store, self.resident_id, self.open_only = store, resident_id, open_only
        self.rows: list[referral.ReferralRow] = []
        self.columns = [
            ("urgent", self.tr("紧急"), 5),
            *([] if resident_id else [("name", self.tr("姓名"), 8)]),
            *([("village", self.tr("村"), 8)] if show_village else []),
            ("to", self.tr("转入单位"), 22),
            ("issued_on", self.tr("转诊日期"), 11),
            ("days", self.tr("已转出天数"), 6),
            ("status", self.tr("状态"), 9),
            ("reason", self.tr("转诊原因"), 0),
        ]
        self.table = read_only_table([title for _k, title, _w in self.columns])
        fit_columns(self.table, {i: w for i, (_k, _t, w) in enumerate(self.columns) if w})
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.arrived = QPushButton(self.tr("到位"))
        self.not_arrived = QPushButton(self.tr("不到位…"))
        self.returned = QPushButton(self.tr("回转…"))
        self.buttons = {"arrived": self.arrived, "not_arrived": self.not_arrived, "returned": self.returned}
        for step, button in self.buttons.items():
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, st=step: self.step(st))
        self.empty = QLabel(self.tr("没有未结转诊") if open_only else self.tr("没有转诊记录"))
        self.empty.setStyleSheet("color: #666;")
        bar = QHBoxLayout()
        bar.addWidget(self.empty)
        bar.addStretch(1)
        for button in self.buttons.values():
            bar.addWidget(button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(bar)
        self.refresh()
        refresh_on(self, REFERRALS, self.refresh)

    def refresh(self) -> None:
        open_only, resident_id = self.open_only, self.resident_id
        rows = Op(
            self,
            self.store,
            lambda s: referral.list_referrals(s, open_only=open_only, resident_id=resident_id),
        ).run()
        if rows is None:
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, (key, _title, _w) in enumerate(self.columns):
                item = QTableWidgetItem(self._cell(r, key))
                if r.urgent and key in ("urgent", "name"):
                    item.setForeground(QColor("#c62828"))
                if key == "reason":
                    item.setToolTip(r.reason)
                self.table.setItem(i, j, item)
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._selection_changed()

    def _cell(self, r: referral.ReferralRow, key: str) -> str:
        if key == "urgent":
            return self.tr("紧急") if r.urgent else ""
        if key == "name":
            return r.resident_name
        if key == "village":
            return r.village_name
        if key == "to":
            return f"{r.to_institution} {r.to_department}".strip()
        if key == "issued_on":
            return r.issued_on.isoformat()
        if key == "days":
            return str(r.days_open) if r.days_open is not None else ""
        if key == "status":
            return code_label("referral_status", r.status)
        return " ".join((r.reason or r.impression).split())

    def selected(self) -> referral.ReferralRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selection_changed(self) -> None:
        row = self.selected()
        allowed = row.next_statuses() if row else ()
        for step, button in self.buttons.items():
            button.setEnabled(step in allowed)
            button.setVisible(bool(self.rows))

    def step(self, status: str) -> ReferralStepDialog | bool | None:
        """到位 at once; 不到位 and 回转 ask for what they need first."""
        row = self.selected()
        if row is None:
            return None
        if status == "arrived":
            done = Op(self, self.store, lambda s: referral.mark_arrived(s, row.id).id).run()
            if done is not None:
                self.changed.emit()
            return done is not None
        dialog = ReferralStepDialog(self.store, row, status, self)
        dialog.accepted.connect(self.changed.emit)
        dialog.open()
        return dialog


class ReferralStepDialog(QDialog):
    """不到位 (why) or 回转 (诊断结果, 住院病案号, 主要检查结果, 下一步治疗方案及康复建议)."""

    def __init__(self, store: Store, row: referral.ReferralRow, status: str, parent=None):
        super().__init__(parent)
        self.store, self.row, self.status = store, row, status
        who = f"{row.resident_name}（{row.archive_no}）→ {row.to_institution}"
        if status == "not_arrived":
            self.setWindowTitle(self.tr("转诊不到位 - {who}").replace("{who}", row.resident_name))
            spec = [("not_arrived_reason", self.tr("不到位原因 *"), False)]
        else:
            self.setWindowTitle(self.tr("转诊回转 - {who}").replace("{who}", row.resident_name))
            spec = [
                ("return_diagnosis", self.tr("诊断结果 *"), False),
                ("return_record_no", self.tr("住院病案号"), False),
                ("return_findings", self.tr("主要检查结果"), True),
                ("return_plan", self.tr("治疗经过、下一步治疗方案及康复建议"), True),
            ]
        self.resize(560, 200 if status == "not_arrived" else 420)
        form = QFormLayout()
        form.addRow(self.tr("转诊单"), QLabel(who))
        self.fields: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        for name, label, multi in spec:
            if multi:
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
            else:
                w = line_edit("", 500)
            self.fields[name] = w
            self.boxes[name] = FieldBox(w)
            form.addRow(label, self.boxes[name])
        self.summary = ErrorLabel()
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("保存 (Enter)"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        save.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        next(iter(self.fields.values())).setFocus()

    def value(self, name: str) -> str:
        w = self.fields[name]
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def save(self) -> bool:
        for box in self.boxes.values():
            box.error.show_error("")
        self.summary.show_error("")
        rid = self.row.id
        if self.status == "not_arrived":
            reason = self.value("not_arrived_reason")
            work = lambda s: referral.mark_not_arrived(s, rid, reason).id  # noqa: E731
        else:
            inp = referral.ReturnInput(
                diagnosis=self.value("return_diagnosis"),
                record_no=self.value("return_record_no"),
                findings=self.value("return_findings"),
                plan=self.value("return_plan"),
            )
            work = lambda s: referral.record_return(s, rid, inp).id  # noqa: E731
        if Op(self, self.store, work).failure(self._refused).run() is None:
            return False
        self.accept()
        return True

    def _refused(self, error: UserError) -> None:
        """Nothing was saved; what was typed stays, the field in question is marked."""
        if isinstance(error, ValidationError):
            first = next(iter(self.boxes.values()))
            for name, fe in error.by_field().items():
                (self.boxes.get(name) or first).error.show_error(render(fe.message))
            return
        self.summary.show_error(render(error.message))

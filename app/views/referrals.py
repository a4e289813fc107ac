"""A referral's life on screen: the open referrals (工作台) or one resident's (the resident page),
with the steps their life allows — 到位, 不到位 (with the reason), 回转 (with the results), each on
the day it happened — and, on the resident page, what came back in full with its slips to print."""

from __future__ import annotations

import datetime as dt
import html

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
    QTextBrowser,
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
    aside,
    code_label,
    fit_columns,
    line_edit,
    make_default,
    read_only_table,
    render,
    toolbar,
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
        details: bool = False,
        read_only: bool = False,
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
            ("status", self.tr("状态"), 15),  # "Did not arrive" whole
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
        self.undo = QPushButton(self.tr("撤销到位/不到位"))
        self.undo.setToolTip(self.tr("当天录错的到位/不到位可由录入人撤销，转诊单回到“已转出”"))
        self.undo.setAutoDefault(False)
        self.undo.clicked.connect(self.undo_step)
        # the resident page: what the referral recorded, the hospital's return in full, its slips
        self.details = QTextBrowser() if details else None
        self.print_out = QPushButton(self.tr("打印转出单"))
        self.print_back = QPushButton(self.tr("打印回转单"))
        for button, returning in ((self.print_out, False), (self.print_back, True)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, back=returning: self.print_slip(back))
        self.empty = QLabel(self.tr("没有未结转诊") if open_only else self.tr("没有转诊记录"))
        self.empty.setStyleSheet("color: #666;")
        self.read_only = read_only  # (a county reads referrals: its villages record their steps)
        # the buttons on a line of their own when narrow (Undo arrived / not arrived was cut)
        bar = toolbar([self.empty], [*self.buttons.values(), self.undo])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addWidget(bar)
        if self.details is not None:
            lay.addWidget(self.details, 1)
            prints = QHBoxLayout()
            prints.addStretch(1)
            prints.addWidget(self.print_out)
            prints.addWidget(self.print_back)
            lay.addLayout(prints)
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
            button.setVisible(bool(self.rows) and not self.read_only)
        self.undo.setEnabled(bool(row and row.can_undo))
        self.undo.setVisible(bool(self.rows) and not self.read_only)
        if self.details is not None:
            self.details.setHtml(self.details_html(row) if row else "")
            self.details.setVisible(bool(self.rows))
            self.print_out.setEnabled(row is not None)
            self.print_back.setEnabled(bool(row and row.status == "returned"))
            for button in (self.print_out, self.print_back):
                button.setVisible(bool(self.rows))

    def details_html(self, r: referral.ReferralRow) -> str:
        """Everything the referral's life recorded, the 回转 in full (lines kept as typed)."""

        def text(value: str) -> str:
            return html.escape(value).replace("\n", "<br>")

        where = " ".join(x for x in (r.to_institution, r.to_department) if x)
        rows = [
            (self.tr("转入单位"), where),
            (self.tr("转诊日期"), r.issued_on.isoformat()),
            (self.tr("状态"), code_label("referral_status", r.status)),
            (
                self.tr("状态日期"),
                r.status_date.isoformat() if r.status_date and r.status != "issued" else "",
            ),
            (self.tr("转诊原因"), r.reason),
            (self.tr("初步印象"), r.impression),
            (self.tr("不到位原因"), r.not_arrived_reason),
            (self.tr("回转诊断"), r.return_diagnosis),
            (self.tr("住院病案号"), r.return_record_no),
            (self.tr("主要检查结果"), r.return_findings),
            (self.tr("治疗经过、下一步治疗方案及康复建议"), r.return_plan),
            (self.tr("回转医生（上级医院）"), r.return_doctor),
        ]
        cells = "".join(
            f"<tr><td style='color:#555; padding-right:12px' valign='top'>{html.escape(label)}</td>"
            f"<td>{text(value)}</td></tr>"
            for label, value in rows
            if value
        )
        return f"<table>{cells}</table>"

    def print_slip(self, returning: bool):
        """The 转出单, or the 回转单 once returned: the print page's preview, not a copy of it."""
        from app.views.print_page import print_referral_slip

        row = self.selected()
        if row is None or (returning and row.status != "returned"):
            return None
        self.preview = print_referral_slip(self, self.store, row.id, returning)
        return self.preview

    def undo_step(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        done = Op(self, self.store, lambda s: referral.undo_step(s, row.id).id).run()
        if done is not None:
            self.changed.emit()
        return done is not None

    def step(self, status: str) -> ReferralStepDialog | None:
        """Each step asks for its date (today unless changed); 不到位 and 回转 for what they need too."""
        row = self.selected()
        if row is None:
            return None
        dialog = ReferralStepDialog(self.store, row, status, self)
        dialog.accepted.connect(self.changed.emit)
        dialog.open()
        return dialog


class ReferralStepDialog(QDialog):
    """不到位 (why) or 回转 (诊断结果, 住院病案号, 主要检查结果, 下一步治疗方案及康复建议)."""

    def __init__(self, store: Store, row: referral.ReferralRow, status: str, parent=None):
        super().__init__(parent)
        self.store, self.row, self.status = store, row, status
        where = " ".join(x for x in (row.to_institution, row.to_department) if x)
        no = aside(row.archive_no)
        who = f"{row.resident_name}{no} → {where}"
        if status == "arrived":
            self.setWindowTitle(self.tr("转诊到位 - {who}").replace("{who}", row.resident_name))
            spec = []
        elif status == "not_arrived":
            self.setWindowTitle(self.tr("转诊不到位 - {who}").replace("{who}", row.resident_name))
            spec = [("not_arrived_reason", self.tr("不到位原因 *"), False)]
        else:
            self.setWindowTitle(self.tr("转诊回转 - {who}").replace("{who}", row.resident_name))
            spec = [
                ("return_diagnosis", self.tr("诊断结果 *"), False),
                ("return_record_no", self.tr("住院病案号"), False),
                ("return_findings", self.tr("主要检查结果"), True),
                ("return_plan", self.tr("治疗经过、下一步治疗方案及康复建议"), True),
                # the hospital's doctor who sends the patient back: signs 回转单 as 转诊医生
                ("return_doctor", self.tr("回转医生（上级医院，签回转单）"), False),
            ]
        self.resize(620, {"arrived": 160, "not_arrived": 260}.get(status, 480))
        form = QFormLayout()
        form.addRow(self.tr("转诊单"), QLabel(who))
        self.fields: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        # the day it happened: today unless the doctor hears of it later (never before the referral)
        self.date = line_edit(self.tr("年-月-日"), 20)
        self.date.setText(dt.date.today().isoformat())
        spec = [*spec, ("status_date", self.tr("日期 *"), None)]
        # one width for every label: a short one on a line, a long one wrapped within it (a label
        # wrapped narrower than the width its height was reckoned for was cut at top and bottom:
        # "诊断结果 *" beside its one-line box)
        metrics = self.fontMetrics()
        label_width = min(
            max(metrics.horizontalAdvance(label) for _n, label, _m in spec) + 6,
            max(160, metrics.horizontalAdvance("M") * 14),
        )
        for name, label, multi in spec:
            if multi is None:
                w = self.date
            elif multi:
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
            else:
                w = line_edit("", 500)
            self.fields[name] = w
            self.boxes[name] = FieldBox(w)
            shown = QLabel(label)  # a long label (English) wraps, not squeezing its field
            shown.setWordWrap(True)
            shown.setFixedWidth(label_width)
            shown.setBuddy(w)
            form.addRow(shown, self.boxes[name])
        self.summary = ErrorLabel()
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("保存 (Enter)"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        make_default(save)  # (once in the dialog: Enter saves, whatever Tab passed over)
        next(iter(self.fields.values())).setFocus()

    def value(self, name: str) -> str:
        w = self.fields[name]
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def save(self) -> bool:
        for box in self.boxes.values():
            box.error.show_error("")
        self.summary.show_error("")
        rid, day = self.row.id, self.date.text()
        if self.status == "arrived":
            work = lambda s: referral.mark_arrived(s, rid, day).id  # noqa: E731
        elif self.status == "not_arrived":
            reason = self.value("not_arrived_reason")
            work = lambda s: referral.mark_not_arrived(s, rid, reason, day).id  # noqa: E731
        else:
            inp = referral.ReturnInput(
                diagnosis=self.value("return_diagnosis"),
                record_no=self.value("return_record_no"),
                findings=self.value("return_findings"),
                plan=self.value("return_plan"),
                doctor=self.value("return_doctor"),
            )
            work = lambda s: referral.record_return(s, rid, inp, day).id  # noqa: E731
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

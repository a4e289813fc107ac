"""专项随访 page (严重精神障碍患者管理): the patients due and overdue, registration with the 个人信息补充表
and the follow-up form, each built from its field table.  The page lists only what the services let
the acting user see; it is in the navigation only for those who may hold such records."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.errors import UserError, ValidationError
from app.services.programmes import smi, worklist
from app.services.programmes.smi_forms import REGISTRATION_FORM, VISIT_FORM
from app.services.records.residents import FormContext
from app.views.enrolment_form import EnrolmentForm
from app.views.operations import FOLLOWUPS, Op, refresh_on
from app.views.print_preview import preview
from app.views.widgets import (
    ErrorLabel,
    FieldBox,
    LazyPage,
    code_label,
    fit_columns,
    line_edit,
    print_labels,
    read_only_table,
    render,
)

SMI = frozenset({"smi_visit", "smi_registration"})


def _scrolled(widget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll


def _buttons(dialog: QDialog, save: str, cancel: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Save).setText(save)
    buttons.button(QDialogButtonBox.Cancel).setText(cancel)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SmiVisitDialog(QDialog):
    """严重精神障碍患者随访服务记录表, with the rules' classification and next date as it is filled."""

    def __init__(self, store: Store, context: smi.VisitContext, parent=None):
        super().__init__(parent)
        self.store, self.context = store, context
        self.saved: smi.SavedSmiVisit | None = None
        self.setWindowTitle(self.tr("专项随访 — {name}").replace("{name}", context.name))
        self.resize(780, 720)
        self.form = EnrolmentForm(FormContext(False, "", (), "", context.initial), self, table=VISIT_FORM)
        self.form.load(context.initial)
        self.suggestion = QLabel()
        self.suggestion.setStyleSheet("font-weight: bold;")
        self.suggestion.setWordWrap(True)
        for key in ("visit_date", "danger"):
            self.form.editors[key].main.textChanged.connect(self.update_suggestion)
        for key in (
            "insight",
            *(f"social_{k}" for k in ("personal", "housework", "work", "study", "social")),
        ):
            self.form.editors[key].main.currentIndexChanged.connect(self.update_suggestion)
        for box in self.form.editors["symptoms"].main.boxes.values():
            box.toggled.connect(self.update_suggestion)
        for key in ("adverse_serious", "physical_illness"):
            self.form.editors[key].main.toggled.connect(self.update_suggestion)
        self.summary = ErrorLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"{context.name}  {context.archive_no}"))
        lay.addWidget(_scrolled(self.form), 1)
        lay.addWidget(self.suggestion)
        lay.addWidget(self.summary)
        lay.addWidget(_buttons(self, self.tr("保存"), self.tr("取消")))
        self.update_suggestion()
        self.form.editors["visit_date"].main.setFocus()

    def update_suggestion(self) -> None:
        s = smi.suggest_typed(self.context, self.form.to_input())
        if s is None:
            self.suggestion.setText(self.tr("填写随访日期和危险性评估后给出分类建议"))
            return
        text = (
            self.tr("建议：{cls}，下次随访 {date}")
            .replace("{cls}", code_label("smi_class", str(s.classification)))
            .replace("{date}", s.next_due.isoformat())
        )
        if s.referral:
            text += self.tr("；立即转诊到上级医院，2周内了解情况")
        if s.psychiatrist:
            text += self.tr("；请精神专科医生指导")
        self.suggestion.setText(text)

    def save(self) -> bool:
        inp, rid = self.form.to_input(), self.context.resident_id
        saved = Op(self, self.store, lambda s: smi.record_visit(s, rid, inp)).failure(self._refused).run()
        if saved is None:
            return False
        self.saved = saved
        self.accept()
        return True

    def _refused(self, error: UserError) -> None:
        if isinstance(error, ValidationError):
            self.form.show_errors(error)
        self.summary.show_error(render(error.message))


class SmiRegisterDialog(QDialog):
    """Registration: the resident by archive number, and the 个人信息补充表."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("登记患者"))
        self.resize(760, 700)
        self.resident = line_edit(self.tr("17位档案编号或后8位"), 30)
        self.resident_box = FieldBox(self.resident)
        top = QFormLayout()
        top.addRow(self.tr("档案编号"), self.resident_box)
        self.form = EnrolmentForm(
            FormContext(False, "", (), "", REGISTRATION_FORM.input_type()), self, table=REGISTRATION_FORM
        )
        self.summary = ErrorLabel()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(_scrolled(self.form), 1)
        lay.addWidget(self.summary)
        lay.addWidget(_buttons(self, self.tr("保存"), self.tr("取消")))
        self.resident.setFocus()

    def save(self) -> bool:
        inp, ref = self.form.to_input(), self.resident.text()
        saved = Op(self, self.store, lambda s: smi.register(s, ref, inp)).failure(self._refused).run()
        if saved is None:
            return False
        self.accept()
        return True

    def _refused(self, error: UserError) -> None:
        if isinstance(error, ValidationError):
            self.form.show_errors(error)
        self.summary.show_error(render(error.message))


class SmiPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.items: list[worklist.WorkItem] = []
        self.kind = QComboBox()
        for kind, label in (
            ("overdue", self.tr("逾期未随访")),
            ("due_week", self.tr("本周到期")),
            ("all", self.tr("全部在管患者")),
        ):
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.register = QPushButton(self.tr("登记患者"))
        self.register.clicked.connect(lambda: SmiRegisterDialog(self.store, self).open())
        self.record = QPushButton(self.tr("录入随访 (Enter)"))
        self.record.clicked.connect(self.record_selected)
        self.print_form = QPushButton(self.tr("打印随访表"))
        self.print_form.setToolTip(self.tr("选中患者的最近一次随访；未选中时打印空白表"))
        self.print_form.clicked.connect(self.print_selected)
        self.table = read_only_table(
            [
                self.tr("姓名"),
                self.tr("村民小组"),
                self.tr("责任医生"),
                self.tr("上次随访"),
                self.tr("上次分类"),
                self.tr("应随访日期"),
                self.tr("逾期天数"),
            ]
        )
        fit_columns(self.table, dict(enumerate((10, 14, 10, 12, 16, 12, 8))))
        self.table.activated.connect(lambda _i: self.record_selected())
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.register)
        top.addWidget(self.print_form)
        top.addWidget(self.record)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        refresh_on(self, FOLLOWUPS | SMI, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        kind = self.kind.currentData()
        items = Op(self, self.store, lambda s: worklist.worklist(s, kind, program=smi.PROGRAM)).run()
        if items is None:
            return
        self.items = items
        self.table.setRowCount(len(items))
        for i, it in enumerate(items):
            cells = (
                it.name,
                f"{it.village_name} {it.group_name}".strip(),
                it.responsible_doctor,
                it.last_visit.isoformat() if it.last_visit else self.tr("未随访"),
                code_label("smi_class", str(it.last_classification)) if it.last_classification else "",
                it.next_due.isoformat(),
                str(it.days_overdue) if it.days_overdue > 0 else "",
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, it.resident_id)
                self.table.setItem(i, j, item)
        self.summary.setText(self.tr("共 {n} 人").replace("{n}", str(len(items))))
        if items:
            self.table.selectRow(0)

    def record_selected(self):
        row = self.table.currentRow()
        if row < 0 or row >= len(self.items):
            return None
        rid = self.items[row].resident_id
        context = Op(self, self.store, lambda s: smi.visit_context(s, rid)).run()
        if context is None:
            return None
        dialog = SmiVisitDialog(self.store, context, self)
        dialog.open()
        return dialog

    def print_selected(self):
        """The follow-up form: filled from the selected patient's latest visit, or blank."""
        import uuid

        from app.services.printing import smi_forms

        row = self.table.currentRow()
        rid = self.items[row].resident_id if 0 <= row < len(self.items) else None
        labels = print_labels()

        def work(s):
            visits = smi.record_of(s, rid).visits if rid else ()
            last = uuid.UUID(visits[-1]["id"]) if visits else None
            return smi_forms.visit_pdf(s, last, labels)

        data = Op(self, self.store, work).run()
        if data is None:
            return None
        title = self.tr("专项随访表")
        return preview(self, data, title, f"{title}.pdf")

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
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
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
    CodeCombo,
    ErrorLabel,
    FieldBox,
    LazyPage,
    code_label,
    fit_columns,
    fit_to_screen,
    lang,
    line_edit,
    on_any_change,
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
    """严重精神障碍患者随访服务记录表, with the rules' classification and next date as it is filled; a
    referral can be drafted as soon as they say 立即转诊.  随访结果 失访 or 死亡 (as the hypertension
    follow-up offers them) asks for the date and reason (or date and cause of death) instead."""

    def __init__(self, store: Store, context: smi.VisitContext, parent=None):
        super().__init__(parent)
        self.store, self.context = store, context
        self.saved: smi.SavedSmiVisit | None = None
        self.referral_id = None
        self.setWindowTitle(self.tr("专项随访 — {name}").replace("{name}", context.name))
        fit_to_screen(self, 780, 720)
        self.outcome = QComboBox()
        for code, label in (
            ("done", self.tr("已随访")),
            ("lost", self.tr("失访")),
            ("died", self.tr("死亡")),
        ):
            self.outcome.addItem(label, code)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        top = QFormLayout()
        top.addRow(self.tr("随访结果"), self.outcome)
        # 失访 / 死亡: the date of the attempt and the reason, or the date and cause of death
        self.failed = QWidget()
        failed = QFormLayout(self.failed)
        failed.setContentsMargins(0, 0, 0, 0)
        self.failed_date = line_edit(self.tr("年-月-日"), 20)
        self.failed_date.setText(context.today.isoformat())
        self.lost_reason = CodeCombo("smi_lost_reason")
        self.death_date = line_edit(self.tr("年-月-日"), 20)
        self.death_cause = CodeCombo("smi_death_cause")
        self.failed_boxes: dict[str, FieldBox] = {}
        for key, label, widget in (
            ("visit_date", self.tr("随访日期"), self.failed_date),
            ("lost_reason", self.tr("失访原因"), self.lost_reason),
            ("death_date", self.tr("死亡日期"), self.death_date),
            ("death_cause", self.tr("死亡原因"), self.death_cause),
        ):
            self.failed_boxes[key] = FieldBox(widget)
            failed.addRow(label, self.failed_boxes[key])
        self.form = EnrolmentForm(FormContext(False, "", (), "", context.initial), self, table=VISIT_FORM)
        self.form.load(context.initial)
        self.scroll = _scrolled(self.form)
        # (no Tab stop of its own: Shift+Tab from 随访日期 goes straight up to 随访结果; the form
        # scrolls to whatever field takes the focus)
        self.scroll.setFocusPolicy(Qt.NoFocus)
        self.suggestion = QLabel()
        self.suggestion.setStyleSheet("font-weight: bold;")
        self.suggestion.setWordWrap(True)
        self.refer = QPushButton(self.tr("开转诊单…"))
        self.refer.setToolTip(self.tr("评估为不稳定时，先起草转诊单（随访仍需保存）"))
        self.refer.setAutoDefault(False)
        self.refer.clicked.connect(self.draft_referral)
        on_any_change(self.form, self.update_suggestion)
        self.summary = ErrorLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"{context.name}  {context.archive_no}"))
        lay.addLayout(top)
        lay.addWidget(self.failed)
        lay.addWidget(self.scroll, 1)
        self.filler = QWidget()  # takes the form's room while it is hidden (失访/死亡)
        lay.addWidget(self.filler, 1)
        advice = QHBoxLayout()
        advice.addWidget(self.suggestion, 1)
        advice.addWidget(self.refer)
        lay.addLayout(advice)
        lay.addWidget(self.summary)
        lay.addWidget(_buttons(self, self.tr("保存"), self.tr("取消")))
        self._outcome_changed()
        self.form.editors["visit_date"].main.setFocus()

    def _outcome_changed(self) -> None:
        outcome = self.outcome.currentData()
        done = outcome == "done"
        self.scroll.setVisible(done)
        self.failed.setVisible(not done)
        self.filler.setVisible(not done)
        self.refer.setVisible(done)
        for key, shown in (("lost_reason", outcome == "lost"), ("death_date", outcome == "died")):
            self.failed_boxes[key].setVisible(shown)
            self.failed.layout().labelForField(self.failed_boxes[key]).setVisible(shown)
        self.failed_boxes["death_cause"].setVisible(outcome == "died")
        self.failed.layout().labelForField(self.failed_boxes["death_cause"]).setVisible(outcome == "died")
        if not done:
            self.failed_date.setText(self.form.editors["visit_date"].main.text() or self.failed_date.text())
        self.update_suggestion()

    def update_suggestion(self) -> None:
        if self.outcome.currentData() != "done":
            self.suggestion.setText(self.tr("失访或死亡：保存后该患者转出在管名单"))
            self.refer.setEnabled(False)
            return
        advice = smi.suggest_typed(self.context, self.form.to_input())
        self.refer.setEnabled(bool(advice and advice.classed.referral))
        if advice is None:
            self.suggestion.setText(self.tr("填写随访日期和危险性评估后给出分类建议"))
            return
        s = advice.classed
        if advice.overridden:  # what the doctor's class books, beside what the rules said
            text = (
                self.tr("建议：{suggested}；医生判为{cls}，下次随访 {date}")
                .replace("{suggested}", code_label("smi_class", str(advice.suggested.classification)))
                .replace("{cls}", code_label("smi_class", str(s.classification)))
                .replace("{date}", advice.next_due.isoformat())
            )
        else:
            text = (
                self.tr("建议：{cls}，下次随访 {date}")
                .replace("{cls}", code_label("smi_class", str(s.classification)))
                .replace("{date}", s.next_due.isoformat())  # (a date typed beside it: the doctor's own)
            )
        if s.referral:
            text += self.tr("；立即转诊到上级医院，2周内了解情况")
        if s.police:
            text += self.tr("；危险性 3 级以上：必要时报告公安机关")
        if s.psychiatrist:
            text += self.tr("；请精神专科医生指导")
        unknown = [
            label
            for reason, label in (
                ("insight_unknown", self.tr("自知力")),
                ("social_unknown", self.tr("社会功能")),
            )
            if reason in s.reasons
        ]
        if unknown:  # (稳定 needs them: the class may yet improve)
            joined = (" and " if lang() == "en" else "、").join(unknown)
            text += self.tr("；{what}未评估，评估后才能判为稳定").replace("{what}", joined)
        self.suggestion.setText(text)

    def draft_referral(self):
        """The referral slip now, from the form as typed (the same rule as the suggestion)."""
        from app.views.referral_dialog import open_typed_referral

        inp, ctx = self.form.to_input(), self.context
        return open_typed_referral(self, self.store, lambda _s: smi.typed_referral_draft(ctx, inp))

    def save(self) -> bool:
        rid = self.context.resident_id
        outcome = self.outcome.currentData()
        if outcome == "done":
            inp = self.form.to_input()
            work = lambda s: smi.record_visit(s, rid, inp)  # noqa: E731
        else:
            day, reason = self.failed_date.text(), self.lost_reason.code()
            died, cause = self.death_date.text(), self.death_cause.code()

            def work(s):
                return smi.record_failed_visit(
                    s, rid, outcome, day, lost_reason=reason, death_date=died, death_cause=cause
                )

        for box in self.failed_boxes.values():
            box.error.show_error("")
        saved = Op(self, self.store, work).failure(self._refused).run()
        if saved is None:
            return False
        self.saved = saved
        if outcome == "done" and self.referral_id is None:  # (not twice: one was issued already)
            self.offer_referral(inp)
        self.accept()
        return True

    def offer_referral(self, inp) -> None:
        """A visit the rules class 不稳定 (立即转诊), saved with Enter and no slip drafted: the slip
        offered, as the 老年人 check and the chronic follow-up offer theirs (it was never asked)."""
        advice = smi.suggest_typed(self.context, inp)
        if advice is None or not advice.classed.referral:
            return
        answer = QMessageBox.question(
            self, self.tr("立即转诊"), self.tr("评估为不稳定，应立即转诊到上级医院。是否开具转诊单？")
        )
        if answer != QMessageBox.Yes:
            return
        from app.views.referral_dialog import ReferralDialog

        ctx = self.context
        draft = Op(self, self.store, lambda _s: smi.typed_referral_draft(ctx, inp)).run()
        if draft is not None:
            ReferralDialog(self.store, draft, self).exec()

    def _refused(self, error: UserError) -> None:
        if isinstance(error, ValidationError):
            if self.outcome.currentData() == "done":
                self.form.show_errors(error)
            else:
                for key, fe in error.by_field().items():
                    box = self.failed_boxes.get(key, self.failed_boxes["visit_date"])
                    box.error.show_error(render(fe.message))
        self.summary.show_error(render(error.message))


def open_smi_visit(parent: QWidget, store: Store, resident_id) -> SmiVisitDialog | None:
    """The 专项随访 form for a patient (from the list, or the resident's page)."""
    context = Op(parent, store, lambda s: smi.visit_context(s, resident_id)).run()
    if context is None:
        return None
    dialog = SmiVisitDialog(store, context, parent)
    dialog.open()
    return dialog


class SmiRegisterDialog(QDialog):
    """Registration: the resident by archive number, and the 个人信息补充表."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("登记患者"))
        fit_to_screen(self, 760, 700)
        self.resident = line_edit(self.tr("姓名、17位档案编号或后8位"), 30)
        self.resident_box = FieldBox(self.resident)
        top = QFormLayout()
        top.addRow(self.tr("居民"), self.resident_box)
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
            ("due_week", self.tr("7天内到期")),
            ("all", self.tr("全部在管患者")),
        ):
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.register = QPushButton(self.tr("登记患者"))
        self.register.clicked.connect(lambda: SmiRegisterDialog(self.store, self).open())
        self.record = QPushButton(self.tr("录入随访 (Enter)"))
        self.record.clicked.connect(self.record_selected)
        # the two forms behind one button: two of their own ran the page off an 800-pixel screen
        self.print_form = QPushButton(self.tr("打印"))
        forms = QMenu(self.print_form)
        forms.setToolTipsVisible(True)
        visit_form = forms.addAction(self.tr("随访表"), self.print_selected)
        visit_form.setToolTip(self.tr("选中患者的最近一次随访；未选中时打印空白表"))
        registration_form = forms.addAction(self.tr("个人信息补充表"), self.print_registration_form)
        registration_form.setToolTip(self.tr("选中患者的个人信息补充表（登记时填写）；未选中时打印空白表"))
        self.print_form.setMenu(forms)
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

    def selected(self):
        """The resident id of the patient selected in the list, or None."""
        row = self.table.currentRow()
        return self.items[row].resident_id if 0 <= row < len(self.items) else None

    def record_selected(self):
        rid = self.selected()
        return open_smi_visit(self, self.store, rid) if rid is not None else None

    def print_selected(self):
        """The follow-up form: filled from the selected patient's latest visit, or blank."""
        import uuid

        from app.services.printing import smi_forms

        rid = self.selected()
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

    def print_registration_form(self):
        """The 个人信息补充表: filled from the selected patient's registration, or blank."""
        from app.services.printing import smi_forms

        rid, labels = self.selected(), print_labels()
        data = Op(self, self.store, lambda s: smi_forms.registration_pdf(s, rid, labels)).run()
        if data is None:
            return None
        title = self.tr("专项补充表")
        return preview(self, data, title, f"{title}.pdf")

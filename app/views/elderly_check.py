"""老年人健康体检 dialog: the check form built from its field table (the enrolment form's layout), the
self-care score shown as the five levels are chosen, 开转诊单 enabled as soon as an abnormal result is
entered (the rule the save uses, :func:`elderly.typed_abnormal`), and after saving the offers that
follow: a raised blood pressure or glucose offers chronic-disease management, abnormal results a
referral draft (unless one was issued from this check already)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from app.db import Store
from app.services.errors import NeedsConfirmation, UserError, ValidationError, joined
from app.services.programmes import elderly, followup, selfcare
from app.services.programmes.elderly_form import CHECK_FORM, SELFCARE_KEYS
from app.services.records.residents import FormContext
from app.views.enrolment_form import EnrolmentForm
from app.views.operations import Op
from app.views.widgets import ErrorLabel, code_label, fit_to_screen, on_any_change, render, translate


class ElderlyCheckDialog(QDialog):
    def __init__(self, store: Store, context: elderly.CheckContext, parent=None):
        super().__init__(parent)
        self.store, self.context = store, context
        self.saved: elderly.SavedCheck | None = None
        title = (
            self.tr("老年人健康体检 — {name}")
            if context.selfcare_asked
            else self.tr("免费健康体检（建档立卡贫困人口）— {name}")
        )
        self.setWindowTitle(title.replace("{name}", context.name))
        fit_to_screen(self, 760, 720)
        header = QLabel(
            self.tr("{name}，{age}岁，档案编号 {no}")
            .replace("{name}", context.name)
            .replace("{age}", str(context.age))
            .replace("{no}", context.archive_no)
        )
        # The table's own layout (sections, rows, tab order) as the enrolment form draws any table.
        self.form = EnrolmentForm(
            FormContext(False, "", (), context.doctor, context.initial), self, table=CHECK_FORM
        )
        self.form.load(context.initial)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.score = QLabel()
        self.score.setStyleSheet("font-weight: bold;")
        # the self-care assessment is the 65+'s: under 65 (a poor household's check) it is not asked
        self.form.sections["selfcare"].setVisible(context.selfcare_asked)
        self.score.setVisible(context.selfcare_asked)
        for key in SELFCARE_KEYS:
            self.form.editors[key].main.currentIndexChanged.connect(self.update_score)
        # abnormal results: a referral can be drafted now, before the check is saved
        self.referral_id = None
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setStyleSheet("color: #b45309;")
        self.refer = QPushButton(self.tr("开转诊单…"))
        self.refer.setToolTip(self.tr("体检有异常结果时，可先起草转诊单（体检仍需保存）"))
        self.refer.setAutoDefault(False)
        self.refer.clicked.connect(self.draft_referral)
        on_any_change(self.form, self.update_findings)
        self.summary = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(header)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.score)
        found = QHBoxLayout()
        found.addWidget(self.findings, 1)
        found.addWidget(self.refer)
        lay.addLayout(found)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        self.update_score()
        self.update_findings()
        self.form.editors["check_date"].main.setFocus()

    def update_score(self) -> None:
        """The 生活自理能力评估 total and level, from the table (pure: no query while choosing)."""
        levels = [self.form.editors[k].main.code() for k in SELFCARE_KEYS]
        if not all(levels):
            self.score.setText(self.tr("生活自理能力评估：请选择五项的等级"))
            return
        result = selfcare.score(levels)
        self.score.setText(
            self.tr("生活自理能力评估：{score}分，{level}")
            .replace("{score}", str(result.score))
            .replace("{level}", code_label("selfcare_level", result.level))
        )

    def update_findings(self) -> None:
        found = elderly.typed_abnormal(self.context, self.form.to_input())
        self.refer.setEnabled(bool(found))
        self.findings.setText(
            self.tr("异常结果：{found}").replace("{found}", joined(map(render, found), translate))
            if found
            else ""
        )

    def draft_referral(self):
        """The referral slip now, from the check as typed (the save's rule, one source of truth)."""
        from app.views.referral_dialog import open_typed_referral

        inp, ctx = self.form.to_input(), self.context
        return open_typed_referral(self, self.store, lambda s: elderly.typed_referral_draft(ctx, inp, s))

    def save(self, confirmed: bool = False) -> bool:
        inp = self.form.to_input()
        rid = self.context.resident_id
        self._retry_confirmed = False
        saved = (
            Op(self, self.store, lambda s: elderly.record_check(s, rid, inp, confirmed=confirmed))
            .failure(self._refused)
            .run()
        )
        if saved is None:
            return self.save(confirmed=True) if self._retry_confirmed else False
        self.saved = saved
        for program in saved.offers:
            self.offer_management(program)
        if saved.abnormal and self.referral_id is None:  # not twice: one was issued from this check
            self.offer_referral(saved)
        self.accept()
        return True

    def offer_management(self, program: str) -> None:
        """A raised reading found at the check: start the programme now, if the doctor agrees."""
        question = (
            self.tr("体检发现血压升高。是否将{name}纳入{program}患者健康管理？")
            if program == "htn"
            else self.tr("体检发现空腹血糖升高。是否将{name}纳入{program}患者健康管理？")
        )
        answer = QMessageBox.question(
            self,
            self.tr("纳入慢病管理"),
            question.replace("{name}", self.context.name).replace(
                "{program}", code_label("program", program)
            ),
        )
        if answer == QMessageBox.Yes:
            rid = self.context.resident_id
            Op(self, self.store, lambda s: followup.start_management(s, rid, program)).run()

    def offer_referral(self, saved: elderly.SavedCheck) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("异常结果"),
            self.tr("体检有异常结果：{found}。是否起草转诊单？").replace(
                "{found}", joined(map(render, saved.findings), translate)
            ),
        )
        if answer != QMessageBox.Yes:
            return
        from app.views.referral_dialog import ReferralDialog

        draft = Op(self, self.store, lambda s: elderly.referral_draft(s, saved.id)).run()
        if draft is not None:
            ReferralDialog(self.store, draft, self).exec()

    def _refused(self, error: UserError) -> None:
        """Nothing was saved; what was typed stays.  A second check this year is saved once the
        doctor confirms it."""
        if isinstance(error, NeedsConfirmation):
            answer = QMessageBox.question(
                self, self.tr("请核实"), error.render(translate) + "\n" + self.tr("确认保存吗？")
            )
            self._retry_confirmed = answer == QMessageBox.Yes
            return
        if isinstance(error, ValidationError):  # (as the other forms: how many, not the first one)
            self.form.show_errors(error)
            self.summary.show_error(
                self.tr("有 {n} 处需要改正，已保留您填写的内容").replace("{n}", str(len(error.by_field())))
            )
        else:
            self.summary.show_error(render(error.message))


def open_check_dialog(parent, store: Store, resident_id) -> ElderlyCheckDialog | None:
    context = Op(parent, store, lambda s: elderly.check_context(s, resident_id)).run()
    if context is None:
        return None
    dialog = ElderlyCheckDialog(store, context, parent)
    dialog.open()
    return dialog

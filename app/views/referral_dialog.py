"""A referral (转出) form, usually pre-filled from a follow-up."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.services.errors import UserError, ValidationError
from app.services.programmes import referral
from app.views.operations import Op
from app.views.widgets import ErrorLabel, FieldBox, line_edit, make_default, render


class ReferralDialog(QDialog):
    saved = Signal(object)

    def __init__(self, store: Store, draft: referral.ReferralInput, parent=None):
        super().__init__(parent)
        self.store, self.draft = store, draft
        self.setWindowTitle(self.tr("双向转诊单（转出）"))
        self.resize(640, 560)
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout()
        self.fields = {}
        for name, label, multi in (
            ("to_institution", self.tr("转入单位 *"), False),
            ("to_department", self.tr("科室"), False),
            ("to_doctor", self.tr("接诊医生"), False),
            ("impression", self.tr("初步印象"), False),
            ("present_history", self.tr("主要现病史（转出原因）"), True),
            ("past_history", self.tr("主要既往史"), True),
            ("treatment", self.tr("治疗经过"), True),
            ("issued_by", self.tr("转诊医生"), False),
            ("issuer_phone", self.tr("联系电话"), False),
            ("issued_on", self.tr("转诊日期"), False),
        ):
            w = QPlainTextEdit() if multi else line_edit("", 200)
            w.setTabChangesFocus(True) if multi else None
            value = getattr(draft, name) or ""
            w.setPlainText(value) if multi else w.setText(value)
            self.fields[name] = w
            box = FieldBox(w)
            self.boxes[name] = box
            form.addRow(label, box)
        self.urgent = QCheckBox(self.tr("紧急转诊"))
        self.urgent.setChecked(bool(draft.emergency))
        form.insertRow(1, "", self.urgent)
        self.summary = ErrorLabel()
        self.print_after = QCheckBox(self.tr("开具后打印转诊单（预览）"))
        self.print_after.setChecked(True)
        form.addRow("", self.print_after)
        self.preview = None
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("开具转诊单"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        make_default(save)  # (once in the dialog: Enter saves, whatever Tab passed over)
        # Tab follows the rows: 紧急转诊 (the second) after the institution; set once both are in
        # this window (before, Qt refused it with a warning and 紧急转诊 came eleventh)
        QWidget.setTabOrder(self.fields["to_institution"], self.urgent)
        QWidget.setTabOrder(self.urgent, self.fields["to_department"])
        self.fields["to_institution"].setFocus()

    def value(self, name: str) -> str:
        w = self.fields[name]
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def save(self) -> bool:
        for box in self.boxes.values():
            box.error.show_error("")
        self.summary.show_error("")
        for name in self.fields:
            setattr(self.draft, name, self.value(name))
        self.draft.emergency = self.urgent.isChecked()
        draft = self.draft
        draft.force = False
        self._retry_forced = False
        created = (
            Op(self, self.store, lambda s: referral.create_referral(s, draft).id).failure(self._refused).run()
        )
        if created is None and self._retry_forced:  # the same referral again today: the doctor said yes
            draft.force = True
            created = (
                Op(self, self.store, lambda s: referral.create_referral(s, draft).id)
                .failure(self._refused)
                .run()
            )
        if created is None:
            return False
        self.referral_id = created
        self.saved.emit(self.referral_id)
        self.accept()
        if self.print_after.isChecked():
            from app.views.print_page import print_referral_slip

            self.preview = print_referral_slip(self.parentWidget() or self, self.store, self.referral_id)
        return True

    def confirm_duplicate(self, error: UserError) -> bool:
        text = render(error.message) + "\n\n" + self.tr("仍要再开一张转诊单吗？")
        answer = QMessageBox.question(self, self.tr("已有相同的转诊单"), text)
        return answer == QMessageBox.Yes

    def _refused(self, error: UserError) -> None:
        """Nothing was saved; the fields in question are marked, what was typed stays."""
        if isinstance(error, referral.DuplicateReferral):
            self._retry_forced = self.confirm_duplicate(error)
            if not self._retry_forced:
                self.summary.show_error(render(error.message))
            return
        if isinstance(error, ValidationError):
            for name, fe in error.by_field().items():
                (self.boxes.get(name) or self.boxes["to_institution"]).error.show_error(render(fe.message))
            self.summary.show_error(self.tr("有错误，已保留您填写的内容"))
            return
        self.summary.show_error(render(error.message))


def open_typed_referral(parent, store, make_draft) -> ReferralDialog | None:
    """The referral slip drafted now from a form as typed (``make_draft(session)``: the service's
    rule, the one the save uses), opened over ``parent``, whose ``referral_id`` it sets when saved."""

    draft = Op(parent, store, make_draft).run()
    if draft is None:
        return None
    dialog = ReferralDialog(store, draft, parent)
    dialog.saved.connect(lambda rid: setattr(parent, "referral_id", rid))
    dialog.open()
    return dialog

"""登录: the dialog at start.  On the first run it asks the first admin to choose a password.
Logging in is an operation on the store (it sets the store's actor); a refusal shows in the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.db import Store
from app.services.access import accounts, passwords
from app.services.errors import UserError
from app.views.operations import StoreOp
from app.views.widgets import render


class LoginDialog(QDialog):
    def __init__(self, store: Store, institution: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.first_admin = StoreOp(self, store, accounts.needs_first_password).run()
        self.setWindowTitle(self.tr("村医 CunYi — 登录"))
        self.setMinimumWidth(380)
        title = QLabel(institution)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.username = QLineEdit(self.first_admin or "")
        self.username.setMaxLength(50)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setMaxLength(passwords.MAX_PASSWORD)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.Password)
        self.repeat.setMaxLength(passwords.MAX_PASSWORD)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        if self.first_admin:
            self.username.setReadOnly(True)
            form.addRow(self.tr("再输一次"), self.repeat)
            note = QLabel(self.tr("首次使用：请为管理员设置密码（至少6个字符），以后用它登录。"))
            note.setWordWrap(True)
        else:
            self.repeat.hide()
            note = QLabel(self.tr("请登录。每一次修改都会记录操作人。"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title, 0, Qt.AlignHCenter)
        lay.addWidget(note)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        (self.password if self.first_admin or self.username.text() else self.username).setFocus()

    def try_login(self) -> None:
        first, username = self.first_admin, self.username.text()
        password, repeat = self.password.text(), self.repeat.text()

        def work(store):
            if first:
                return accounts.set_first_password(store, first, password, repeat)
            return accounts.login(store, username, password)

        if StoreOp(self, self.store, work).failure(self._refused).run() is not None:
            self.accept()

    def _refused(self, error: UserError) -> None:
        self.message.setText(render(error.message))
        self.password.clear()
        self.repeat.clear()
        self.password.setFocus()  # the user name stays as typed

"""登录: the dialog at start.  On the first run it asks the first admin to choose a password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.db import Store
from app.services.access import accounts, passwords
from app.services.errors import UserError
from app.views.widgets import render


class LoginDialog(QDialog):
    def __init__(self, store: Store, institution: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.first_admin = accounts.needs_first_password(store)
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
        try:
            if self.first_admin:
                accounts.set_first_password(
                    self.store, self.first_admin, self.password.text(), self.repeat.text()
                )
            else:
                accounts.login(self.store, self.username.text(), self.password.text())
        except UserError as e:
            self.message.setText(render(e.message))
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
            return  # the user name stays as typed
        self.accept()

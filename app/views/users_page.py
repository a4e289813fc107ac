"""用户: accounts (admins add, reset and deactivate; everyone changes their own password).
The list refreshes itself when accounts change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.access import accounts, authz, passwords
from app.services.access.actor import ROLE_LABELS
from app.services.access.users_overview import users_overview
from app.services.errors import LIST_SEPARATOR, UserError
from app.views.operations import ACCOUNTS, Op, refresh_on
from app.views.widgets import LazyPage, fit_columns, read_only_table, render, toolbar, translate


def _password_field() -> QLineEdit:
    w = QLineEdit()
    w.setEchoMode(QLineEdit.Password)
    w.setMaxLength(passwords.MAX_PASSWORD)
    return w


class UserDialog(QDialog):
    """Add a user, or (``username`` given) set a password."""

    def __init__(self, store: Store, username: str | None = None, *, own: bool = False, parent=None):
        super().__init__(parent)
        self.store, self.username_fixed, self.own = store, username, own
        self.setWindowTitle(self.tr("修改密码") if username else self.tr("添加用户"))
        self.username = QLineEdit(username or "")
        self.username.setMaxLength(50)
        self.username.setReadOnly(bool(username))
        self.display = QLineEdit()
        self.role = QComboBox()
        for key, label in ROLE_LABELS.items():
            self.role.addItem(translate("Role", label), key)
        self.old = _password_field()
        self.password = _password_field()
        self.repeat = _password_field()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        if not username:
            form.addRow(self.tr("姓名（打印在表单上）"), self.display)
            form.addRow(self.tr("角色"), self.role)
        if own:
            form.addRow(self.tr("原密码"), self.old)
        form.addRow(self.tr("新密码"), self.password)
        form.addRow(self.tr("再输一次"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    def save(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(QCoreApplication.translate("Accounts", "两次输入的密码不一致"))
            return
        password, fixed = self.password.text(), self.username_fixed
        old = self.old.text() if self.own else None
        username, role, display = self.username.text(), self.role.currentData(), self.display.text()

        def work(s) -> bool:
            if fixed:
                accounts.set_password(s, fixed, password, old_password=old)
            else:
                accounts.create_user(s, username, password, role, display_name=display or None)
            return True

        if Op(self, self.store, work).failure(self._refused).run():
            self.accept()

    def _refused(self, error: UserError) -> None:
        """Nothing was saved; the message shows in the dialog, what was typed stays."""
        self.message.setText(render(error.message))


class PermissionsDialog(QDialog):
    """An account's permissions beyond its role (精神卫生: the 严重精神障碍 records), a box each."""

    def __init__(self, store: Store, row, parent=None):
        super().__init__(parent)
        self.store, self.username = store, row.username
        self.setWindowTitle(self.tr("权限"))
        self.boxes = {}
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"{row.display_name}（{row.username}）"))
        for key in row.may_hold:
            box = QCheckBox(translate("Authz", authz.PERMISSION_LABELS[key]))
            box.setChecked(key in row.permissions)
            self.boxes[key] = box
            lay.addWidget(box)
        note = QLabel(
            self.tr("精神卫生：可以查看和管理严重精神障碍患者的档案和随访（只授予负责精神卫生的公卫人员）")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        lay.addWidget(note)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        name, chosen = self.username, [k for k, box in self.boxes.items() if box.isChecked()]
        if (
            Op(self, self.store, lambda s: accounts.set_permissions(s, name, chosen))
            .failure(self._refused)
            .run()
        ):
            self.accept()

    def _refused(self, error: UserError) -> None:
        self.message.setText(render(error.message))


class UsersPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.table = read_only_table(
            [
                self.tr("用户名"),
                self.tr("姓名"),
                self.tr("角色"),
                self.tr("村代码"),
                self.tr("状态"),
                self.tr("上次登录"),
                self.tr("权限"),
            ]
        )
        self.add_button = QPushButton(self.tr("添加用户…"))
        self.add_button.clicked.connect(lambda: self._dialog(UserDialog(self.store, parent=self)))
        self.reset_button = QPushButton(self.tr("重设所选用户的密码…"))
        self.reset_button.clicked.connect(self.reset)
        self.deactivate_button = QPushButton(self.tr("停用所选用户"))
        self.deactivate_button.clicked.connect(self.deactivate)
        # 精神卫生 (严重精神障碍 records) for township staff: shown in the list, granted here (before,
        # only from the command line, and nothing on screen said who held it)
        self.permissions_button = QPushButton(self.tr("权限…"))
        self.permissions_button.clicked.connect(self.edit_permissions)
        self.own_button = QPushButton(self.tr("修改我的密码…"))
        self.own_button.clicked.connect(self.change_own)
        self.note = QLabel()
        self.rows: tuple = ()
        buttons = toolbar(
            [self.add_button, self.reset_button, self.deactivate_button, self.permissions_button],
            [self.own_button],
        )
        lay = QVBoxLayout(self)
        lay.addWidget(buttons)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        refresh_on(self, ACCOUNTS, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        role = {key: translate("Role", label) for key, label in ROLE_LABELS.items()}
        seen = Op(self, self.store, users_overview).titled(self.tr("用户")).run()
        if seen is None:
            return
        manage, rows = seen.manage, seen.users
        self.rows = rows
        for b in (self.add_button, self.reset_button, self.deactivate_button, self.permissions_button):
            b.setEnabled(manage)
        self.note.setText("" if manage else self.tr("只有管理员可以管理用户；您可以修改自己的密码。"))
        self.table.setRowCount(len(rows))
        for r, u in enumerate(rows):
            cells = [
                u.username,
                u.display_name,
                role.get(u.role, u.role),
                u.village_code,
                self.tr("启用") if u.active else self.tr("已停用"),
                f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "",
                translate("Field", LIST_SEPARATOR).join(
                    translate("Authz", authz.PERMISSION_LABELS[p]) for p in u.permissions
                ),
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        # (the last login, column 5, read "2026-12-04 …")
        fit_columns(self.table, {0: 14, 1: 12, 2: 14, 3: 14, 4: 8, 5: 17})

    def _selected(self) -> str | None:
        row = self.table.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("用户"), self.tr("请先在列表中选择一个用户"))
            return None
        return self.table.item(row, 0).text()

    def _dialog(self, dialog: QDialog) -> None:
        dialog.exec()  # a saved change refreshes the list (refresh_on)

    def reset(self) -> None:
        name = self._selected()
        if name:
            self._dialog(UserDialog(self.store, name, parent=self))

    def change_own(self) -> None:
        who = self.store.actor
        if who is None:
            QMessageBox.information(self, self.tr("用户"), self.tr("系统账号没有密码"))
            return
        self._dialog(UserDialog(self.store, who.username, own=True, parent=self))

    def edit_permissions(self) -> QDialog | None:
        """The selected account's permissions beyond its role, a box each; saved on OK."""
        name = self._selected()
        row = next((u for u in self.rows if u.username == name), None)
        if row is None:
            return None
        if not row.may_hold:
            QMessageBox.information(
                self,
                self.tr("权限"),
                self.tr("{role}没有可以另外授予的权限").replace(
                    "{role}", translate("Role", ROLE_LABELS.get(row.role, row.role))
                ),
            )
            return None
        dialog = PermissionsDialog(self.store, row, self)
        self._dialog(dialog)
        return dialog

    def deactivate(self) -> None:
        name = self._selected()
        if not name:
            return
        Op(self, self.store, lambda s: accounts.deactivate(s, name)).titled(self.tr("用户")).run()

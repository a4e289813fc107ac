"""设置: the institution profile (name, phone, address, doctors: every print carries them), the
township's sync server (villages), language and the optional provincial follow-up fields, and a
backup onto a stick."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import Paths
from app.db import Store
from app.services import backup, institution, profile, settings
from app.services.access import authz
from app.services.errors import UserError, ValidationError
from app.views.operations import SETTINGS, Op, StoreOp, refresh_on
from app.views.sync_network import ServerAddressBox, upper_name
from app.views.widgets import field_editor, field_label, field_text, lang, render, stack


class SettingsPage(QWidget):
    def __init__(self, store: Store, paths: Paths | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        # a check box's text never wraps: the list of fields is a label of its own below it
        self.provincial = QCheckBox(self.tr("随访表显示省级扩展项目"))
        provincial_fields = QLabel(self.tr("用药调整意见、下一步管理措施、转诊联系人及电话、转诊结果、备注"))
        provincial_fields.setWordWrap(True)
        provincial_fields.setStyleSheet("color: #666;")
        # 高血压 控制满意 at 65 and over: an unconfirmed national rule, set per installation
        self.elderly_target = QComboBox()
        self.elderly_target.addItem(self.tr("低于 150/90 mmHg（国家基本公共卫生服务规范第三版）"), "150/90")
        self.elderly_target.addItem(self.tr("低于 140/90 mmHg（与65岁以下相同）"), "140/90")
        # its choice read whole: as wide as its longest label, and under its row's label where the
        # two do not fit side by side (the form wraps long rows).  Cut to 20 characters it read
        # "Below 150/90 mmHg (national basic public health service specificat" in English at 800 px
        self.elderly_target.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.elderly_target.setToolTip(
            self.tr("随访建议、趋势图和血压控制率都按此判断；乡镇卫生院与各村应设为一致")
        )
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setStyleSheet("color: #666;")

        # 本机构信息: rows built from the form's one declaration (institution.INSTITUTION_FORM)
        table = institution.INSTITUTION_FORM
        self.institution_editors = {f.key: field_editor(f) for f in table}
        box = QGroupBox(field_text(table.sections[0].title))
        org_form = QFormLayout(box)
        for key, editor in self.institution_editors.items():
            editor.main.setMinimumWidth(26 * editor.main.fontMetrics().horizontalAdvance("字"))
            org_form.addRow(field_label(table[key]), editor.widget)
        self.institution_save = QPushButton(self.tr("保存本机构信息"))
        self.institution_save.clicked.connect(self.save_institution)
        self.institution_note = QLabel()
        self.institution_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.institution_save)
        buttons.addWidget(self.institution_note, 1)
        org_form.addRow(buttons)
        if not Op(self, store, lambda s: authz.permits(s, "edit_profile")).run():
            # (a village doctor signed in at a township: its name and phone are its staff's)
            for editor in self.institution_editors.values():
                editor.widget.setEnabled(False)
            self.institution_save.setEnabled(False)
            self.institution_note.setText(self.tr("本机构信息由本机构的工作人员或管理员修改"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        form.addRow(self.tr("随访表"), stack(self.provincial, provincial_fields))
        form.addRow(self.tr("65岁及以上高血压控制目标"), self.elderly_target)
        lay = QVBoxLayout(self)
        lay.addWidget(box)
        info = Op(self, store, profile.profile_info).run()
        upper = upper_name(info.role) if info is not None else None
        self.server_box = ServerAddressBox(store, paths, upper) if upper is not None else None
        if self.server_box is not None:  # a township serves (cunyi serve); villages reach it here
            lay.addWidget(self.server_box)
        lay.addLayout(form)
        lay.addWidget(self.save_button)
        lay.addWidget(self.note)
        self.backup_button = QPushButton(self.tr("备份到U盘或文件夹…"))
        # (through a lambda: not the button's checked flag as the folder)
        self.backup_button.clicked.connect(lambda: self.backup_to_folder())
        self.backup_note = QLabel(
            self.tr("每天第一次启动和关闭时自动备份到数据目录的 backups 文件夹（保留7个每日、4个每周备份）。")
        )
        may_back_up = Op(self, store, lambda s: authz.permits(s, "backup")).run()
        if not may_back_up:  # the whole store, every record and account: the admin's to copy
            self.backup_button.setEnabled(False)
            self.backup_button.setToolTip(self.tr("只有管理员可以备份到U盘或文件夹"))
        if backup.left_to_server(store):  # the server's own backups (pg_dump), never CunYi's
            self.backup_button.setVisible(False)
            self.backup_note.setText(
                self.tr("数据库在 PostgreSQL 服务器上：请用服务器自己的备份（如 pg_dump），本程序不备份。")
            )
        self.backup_note.setWordWrap(True)
        self.backup_note.setStyleSheet("color: #666;")
        lay.addWidget(self.backup_button)
        lay.addWidget(self.backup_note)
        lay.addStretch(1)
        self.load()
        refresh_on(self, SETTINGS, self.load)

    def load(self) -> None:
        current = Op(self, self.store, settings.ui_settings).titled(self.tr("设置")).run()
        if current is None:
            return
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self._note_running_language(current.language)
        self.provincial.setChecked(current.provincial_fields)
        self.elderly_target.setCurrentIndex(max(0, self.elderly_target.findData(current.elderly_htn_target)))
        org = Op(self, self.store, institution.institution_profile).titled(self.tr("设置")).run()
        if org is not None:
            inp = org.as_input()
            for editor in self.institution_editors.values():
                editor.load(inp)

    def _note_running_language(self, saved: str) -> None:
        """The box shows the saved language; a run started in another (``gui --lang``) says so."""
        running = lang()
        if running == saved:
            self.note.clear()
            return
        name = self.language.itemText(max(0, self.language.findData(running)))
        self.note.setText(
            self.tr("本次运行使用 {language}（启动时指定）；上面是保存的界面语言。").replace(
                "{language}", name
            )
        )

    def save_institution(self) -> None:
        typed: dict = {}
        for editor in self.institution_editors.values():
            editor.main.setStyleSheet("")
            typed.update(editor.read())
        inp = institution.InstitutionInput(**typed)
        saved = (
            Op(self, self.store, lambda s: institution.save_institution(s, inp))
            .failure(self._institution_refused)
            .titled(self.tr("设置"))
            .run()
        )
        if saved is not None:
            self.institution_note.setStyleSheet("color: #666;")
            self.institution_note.setText(self.tr("已保存。以后打印的随访卡、转诊单和工作单都使用这些信息。"))

    def _institution_refused(self, error: UserError) -> None:
        """Nothing was saved: mark the wrong fields, keep what was typed, say why."""
        if isinstance(error, ValidationError):
            for key in error.by_field():
                if key in self.institution_editors:
                    self.institution_editors[key].main.setStyleSheet("border: 1px solid #c62828;")
            first = next(iter(error.by_field()), None)
            if first in self.institution_editors:
                self.institution_editors[first].main.setFocus()
        self.institution_note.setStyleSheet("color: #c62828;")
        errors = error.errors if isinstance(error, ValidationError) else [error]
        self.institution_note.setText("\n".join(render(e.message) for e in errors))

    def save(self) -> None:
        wanted = settings.UiSettings(
            self.language.currentData(), self.provincial.isChecked(), self.elderly_target.currentData()
        )
        saved = (
            Op(self, self.store, lambda s: settings.save_ui_settings(s, wanted)).titled(self.tr("设置")).run()
        )
        if saved is not None:
            self.note.setText(self.tr("已保存。界面语言在下次启动时生效。"))

    def backup_to_folder(self, folder: str | None = None):
        """A backup of this store onto a stick or into a folder, off the GUI thread."""
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("选择U盘或文件夹"))
        if not folder:
            return None

        def done(path):
            self.last_backup = path
            self.backup_note.setText(self.tr("已备份到 {path}").replace("{path}", str(path)))

        return (
            StoreOp(self, self.store, lambda store, _progress: backup.backup_to(store, folder))
            .success(done)
            .titled(self.tr("备份"))
            .run_in_background(self.tr("正在备份…"))
        )

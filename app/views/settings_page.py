"""设置: language and the optional provincial follow-up fields."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.db import Store
from app.services import settings


class SettingsPage(QWidget):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.provincial = QCheckBox(
            self.tr(
                "随访表显示省级扩展项目（用药调整意见、下一步管理措施、转诊联系人及电话、转诊结果、备注）"
            )
        )
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setStyleSheet("color: #666;")
        form = QFormLayout()
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        form.addRow(self.tr("随访表"), self.provincial)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.save_button)
        lay.addWidget(self.note)
        self.backup_button = QPushButton(self.tr("备份到U盘或文件夹…"))
        self.backup_button.clicked.connect(self.backup_to_folder)
        self.backup_note = QLabel(
            self.tr("每天第一次启动和关闭时自动备份到数据目录的 backups 文件夹（保留7个每日、4个每周备份）。")
        )
        self.backup_note.setWordWrap(True)
        self.backup_note.setStyleSheet("color: #666;")
        lay.addWidget(self.backup_button)
        lay.addWidget(self.backup_note)
        lay.addStretch(1)
        with store.session() as s:
            self.language.setCurrentIndex(max(0, self.language.findData(settings.get(s, settings.LANGUAGE))))
            self.provincial.setChecked(settings.provincial_fields(s))

    def save(self) -> None:
        with self.store.transaction() as s:
            settings.put(s, settings.LANGUAGE, self.language.currentData())
            settings.put(s, settings.PROVINCIAL_FIELDS, "1" if self.provincial.isChecked() else "0")
        self.note.setText(self.tr("已保存。界面语言在下次启动时生效。"))

    def backup_to_folder(self, folder: str | None = None):
        """A backup of this store onto a stick or into a folder, off the GUI thread."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from app.services import backup
        from app.services.errors import UserError
        from app.views.widgets import render
        from app.views.worker import run_in_background

        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("选择U盘或文件夹"))
        if not folder:
            return None

        def job(_progress, _cancelled):
            return backup.backup_to(self.store, folder)

        def done(path):
            self.last_backup = path
            self.backup_note.setText(self.tr("已备份到 {path}").replace("{path}", str(path)))

        def failed(error):
            text = render(error.message) if isinstance(error, UserError) else str(error)
            QMessageBox.warning(self, self.tr("备份"), text)

        return run_in_background(self, self.tr("正在备份…"), job, done, failed)

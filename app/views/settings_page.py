"""设置: language and the optional provincial follow-up fields, and a backup onto a stick."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.services import backup, settings
from app.views.operations import SETTINGS, Op, StoreOp, refresh_on


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
        self.load()
        refresh_on(self, SETTINGS, self.load)

    def load(self) -> None:
        current = Op(self, self.store, settings.ui_settings).titled(self.tr("设置")).run()
        if current is None:
            return
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.provincial.setChecked(current.provincial_fields)

    def save(self) -> None:
        wanted = settings.UiSettings(self.language.currentData(), self.provincial.isChecked())
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

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
        lay.addStretch(1)
        with store.session() as s:
            self.language.setCurrentIndex(max(0, self.language.findData(settings.get(s, settings.LANGUAGE))))
            self.provincial.setChecked(settings.provincial_fields(s))

    def save(self) -> None:
        with self.store.transaction() as s:
            settings.put(s, settings.LANGUAGE, self.language.currentData())
            settings.put(s, settings.PROVINCIAL_FIELDS, "1" if self.provincial.isChecked() else "0")
        self.note.setText(self.tr("已保存。界面语言在下次启动时生效。"))

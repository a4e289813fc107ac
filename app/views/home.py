"""工作台: today's figures for this village or township."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.db import Store
from app.services import dashboard, profile
from app.views import education_page
from app.views.operations import FOLLOWUPS, REFERRALS, RESIDENTS, Op, refresh_on
from app.views.referrals import ReferralList


class HomePage(QWidget):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(self.grid)
        lay.addWidget(education_page.home_panel(store))
        self.note = QLabel(self.tr("在“居民档案”中搜索、建档或导入花名册。"))
        self.note.setStyleSheet("color: #666;")
        lay.addWidget(self.note)
        # 未结转诊: a township sees every open referral of its villages and records the 回转
        info = Op(self, store, profile.profile_info).run()
        box = QGroupBox(self.tr("未结转诊（紧急在前）"))
        bl = QVBoxLayout(box)
        self.referrals = ReferralList(store, open_only=True, show_village=bool(info and not info.is_village))
        bl.addWidget(self.referrals)
        lay.addWidget(box, 1)
        self.cards: dict[str, QLabel] = {}
        labels = [
            ("residents", self.tr("在册居民")),
            ("households", self.tr("家庭户")),
            ("elderly", self.tr("65岁及以上")),
            # the members of 建档立卡贫困户, 脱贫户 and 防返贫监测户 (poverty.POOR_STATUSES) alike
            ("poverty", self.tr("建档立卡、脱贫及监测人口")),
            ("contracted", self.tr("家庭医生签约")),
            ("under_management", self.tr("慢病在管患者")),
            ("overdue", self.tr("逾期未随访")),
            ("due_week", self.tr("7天内到期随访")),
            ("not_seen_this_year", self.tr("今年未随访")),
        ]
        for key, text in labels:
            self._card(key, text)
        self.refresh()
        refresh_on(self, RESIDENTS | FOLLOWUPS | REFERRALS, self.refresh)

    def _card(self, key: str, text: str) -> None:
        frame = QFrame()
        frame.setFrameShape(QFrame.StyledPanel)
        frame.setStyleSheet("QFrame { background: #f4f8fb; border-radius: 6px; }")
        fl = QVBoxLayout(frame)
        number = QLabel("0")
        number.setStyleSheet("font-size: 28px; font-weight: bold; color: #1565c0;")
        number.setAlignment(Qt.AlignCenter)
        caption = QLabel(text)
        caption.setAlignment(Qt.AlignCenter)
        # on two lines when narrow: in English at 800×600 the three captions of a row on one line
        # each made the page 13 px wider than the window (it scrolled sideways)
        caption.setWordWrap(True)
        fl.addWidget(number)
        fl.addWidget(caption)
        i = len(self.cards)
        self.cards[key] = number
        self.grid.addWidget(frame, i // 3, i % 3)

    def refresh(self) -> None:
        board = Op(self, self.store, dashboard.today_figures).run()
        if board is None:
            return
        self.title.setText(board.institution)
        if "special_overdue" in board.figures and "special_overdue" not in self.cards:
            self._card("special_overdue", self.tr("专项随访逾期"))  # (who may see those patients)
        for key, label in self.cards.items():
            label.setText(f"{board.figures.get(key, 0):,}")

"""The main window: left navigation, one page per section, status bar with profile and user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from app.config import Paths
from app.db import Store
from app.services import profile
from app.services.access import authz
from app.services.programmes import smi
from app.views.audit_page import AuditPage
from app.views.contracts_page import ContractsPage
from app.views.education_page import EducationPage
from app.views.elderly_page import ElderlyPage
from app.views.followups import FollowupPage
from app.views.home import HomePage
from app.views.operations import Op
from app.views.poverty_page import PovertyPage
from app.views.print_page import PrintPage
from app.views.quality_page import QualityPage
from app.views.residents import ResidentsPage
from app.views.review_page import ReviewPage
from app.views.settings_page import SettingsPage
from app.views.smi_page import SmiPage
from app.views.sync_network import LastSyncLabel
from app.views.sync_page import SyncPage
from app.views.township_home import TownshipHomePage
from app.views.users_page import UsersPage


class MainWindow(QMainWindow):
    def __init__(self, store: Store, paths: Paths | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        # A SQLite store lives in its data directory; PostgreSQL townships pass theirs.
        self.paths = paths or Paths(Path(store.engine.url.database or ".").resolve().parent)
        info = Op(self, store, profile.profile_info).run()
        who = store.actor  # None: the system account (smoke runs, screenshots, tests)
        role = self.tr("村卫生室") if info.is_village else self.tr("乡镇卫生院")
        self.setWindowTitle(self.tr("村医 CunYi — {name}").replace("{name}", info.institution))
        self.resize(1200, 760)
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 10px; }")
        self.stack = QStackedWidget()
        self.home = HomePage(store) if info.is_village else TownshipHomePage(store)
        self.residents = ResidentsPage(store, township=not info.is_village)
        self.followups = FollowupPage(store)
        # Only sections that work are listed; later sections join as they land.
        self.pages = [
            ("home", self.tr("工作台"), self.home),
            ("residents", self.tr("居民档案"), self.residents),
            ("followups", self.tr("随访"), self.followups),
            ("elderly", self.tr("老年人"), ElderlyPage(store)),
            ("smi", self.tr("专项随访"), SmiPage(store)),
            ("contracts", self.tr("签约"), ContractsPage(store)),
            ("poverty", self.tr("贫困户"), PovertyPage(store)),
            ("education", self.tr("健康教育"), EducationPage(store)),
            ("print", self.tr("打印"), PrintPage(store)),
            ("sync", self.tr("同步"), SyncPage(store, self.paths)),
            ("audit", self.tr("审计"), AuditPage(store)),
            ("quality", self.tr("质量"), QualityPage(store)),
            ("review", self.tr("审核"), ReviewPage(store, township=not info.is_village)),
            ("users", self.tr("用户"), UsersPage(store)),
            ("settings", self.tr("设置"), SettingsPage(store, self.paths)),
        ]
        # the audit trail is for admins and township staff
        if not Op(self, store, lambda s: authz.permits(s, "view_audit")).run():
            self.pages = [p for p in self.pages if p[0] != "audit"]
        if not Op(self, store, smi.may_hold_records).run():  # 严重精神障碍: not even the section's name
            self.pages = [p for p in self.pages if p[0] != "smi"]
        for _key, title, page in self.pages:
            self.nav.addItem(title)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        status = self.statusBar()
        status.addWidget(
            QLabel(
                self.tr("{role}：{name}（{code}）")
                .replace("{role}", role)
                .replace("{name}", info.name)
                .replace("{code}", info.code)
            )
        )
        status.addWidget(LastSyncLabel(store, self.paths))
        name = who.display_name if who is not None else self.tr("系统")
        status.addPermanentWidget(QLabel(self.tr("当前用户：{user}").replace("{user}", name)))

    def show_page(self, key: str) -> QWidget:
        index = [k for k, _t, _p in self.pages].index(key)
        self.nav.setCurrentRow(index)
        return self.pages[index][2]

"""The main window: left navigation, one page per section, status bar with profile and user.

A section's page is built (and its module imported) the first time it is shown, so opening the
window costs one page, not fifteen.  A page built late reads its data then; until then there is
nothing on screen to go stale, so change announcements made meanwhile need no catching up."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from app.config import Paths
from app.db import Store
from app.services import profile
from app.services.access import authz
from app.services.programmes import smi
from app.views.operations import Op
from app.views.sync_network import LastSyncLabel


class Section(NamedTuple):
    key: str
    title: str
    build: Callable[[], QWidget]


def _page(module: str, name: str, *args, **kwargs) -> Callable[[], QWidget]:
    """A page's builder: its module is imported only when the page is first wanted."""
    return lambda: getattr(importlib.import_module(f"app.views.{module}"), name)(*args, **kwargs)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, paths: Paths | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        # A SQLite store lives in its data directory; PostgreSQL townships pass theirs.
        self.paths = paths or Paths(Path(store.engine.url.database or ".").resolve().parent)
        info = Op(self, store, profile.profile_info).run()
        who = store.actor  # None: the system account (smoke runs, screenshots, tests)
        role = self.tr("村卫生室") if info.is_village else self.tr("乡镇卫生院")
        township = not info.is_village
        self.setWindowTitle(self.tr("村医 CunYi — {name}").replace("{name}", info.institution))
        self.resize(1200, 760)
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 10px; }")
        self.stack = QStackedWidget()
        # Only sections that work are listed; later sections join as they land.
        self.pages = [
            Section(
                "home",
                self.tr("工作台"),
                _page("township_home", "TownshipHomePage", store)
                if township
                else _page("home", "HomePage", store),
            ),
            Section(
                "residents",
                self.tr("居民档案"),
                _page("residents", "ResidentsPage", store, township=township),
            ),
            Section("followups", self.tr("随访"), _page("followups", "FollowupPage", store)),
            Section("elderly", self.tr("老年人"), _page("elderly_page", "ElderlyPage", store)),
            Section("smi", self.tr("专项随访"), _page("smi_page", "SmiPage", store)),
            Section("contracts", self.tr("签约"), _page("contracts_page", "ContractsPage", store)),
            Section("poverty", self.tr("贫困户"), _page("poverty_page", "PovertyPage", store)),
            Section("education", self.tr("健康教育"), _page("education_page", "EducationPage", store)),
            Section("print", self.tr("打印"), _page("print_page", "PrintPage", store)),
            Section("sync", self.tr("同步"), _page("sync_page", "SyncPage", store, self.paths)),
            Section("audit", self.tr("审计"), _page("audit_page", "AuditPage", store)),
            Section("quality", self.tr("质量"), _page("quality_page", "QualityPage", store)),
            Section("review", self.tr("审核"), _page("review_page", "ReviewPage", store, township=township)),
            Section("users", self.tr("用户"), _page("users_page", "UsersPage", store)),
            Section("settings", self.tr("设置"), _page("settings_page", "SettingsPage", store, self.paths)),
        ]
        # the audit trail is for admins and township staff
        if not Op(self, store, lambda s: authz.permits(s, "view_audit")).run():
            self.pages = [p for p in self.pages if p.key != "audit"]
        if not Op(self, store, smi.may_hold_records).run():  # 严重精神障碍: not even the section's name
            self.pages = [p for p in self.pages if p.key != "smi"]
        self._built: dict[str, QWidget] = {}
        for section in self.pages:
            self.nav.addItem(section.title)
            self.stack.addWidget(QWidget())  # a stand-in until the section is first shown
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)
        self.home = self.page("home")
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

    def page(self, key: str) -> QWidget:
        """The section's page, built now if it has not been shown yet (not shown by this call)."""
        page = self._built.get(key)
        if page is None:
            index = [p.key for p in self.pages].index(key)
            page = self._built[key] = self.pages[index].build()
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if self.stack.currentWidget() is stand_in:  # else its removal would show a neighbour
                self.stack.setCurrentWidget(page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self.pages[row].key)
        self.stack.setCurrentWidget(page)

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow([p.key for p in self.pages].index(key))
        return self.page(key)

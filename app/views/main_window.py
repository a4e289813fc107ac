"""The main window: left navigation, one page per section, status bar with profile and user.

A section's page is built (and its module imported) the first time it is shown, so opening the
window costs one page, not fifteen.  A page built late reads its data then; until then there is
nothing on screen to go stale, so change announcements made meanwhile need no catching up."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from app.config import Paths
from app.db import Store
from app.services import profile
from app.services.access import authz
from app.services.programmes import smi
from app.services.quality import review
from app.views.operations import Op
from app.views.sync_network import LastSyncLabel, MailboxServing


class Section(NamedTuple):
    key: str
    title: str
    build: Callable[[], QWidget]


def _build(key: str, store: Store, paths: Paths, township: bool, county: bool = False) -> QWidget:
    """A section's page, its module imported here (plain imports: the frozen build finds them)."""
    if key == "home":
        if township:
            from app.views.township_home import TownshipHomePage

            return TownshipHomePage(store, county=county)  # (its referral list: read only for a county)
        from app.views.home import HomePage

        return HomePage(store)
    if key == "residents":
        from app.views.residents import ResidentsPage

        return ResidentsPage(store, township=township, read_only=county)
    if key == "followups":
        from app.views.followups import FollowupPage

        return FollowupPage(store)
    if key == "elderly":
        from app.views.elderly_page import ElderlyPage

        return ElderlyPage(store)
    if key == "smi":
        from app.views.smi_page import SmiPage

        return SmiPage(store)
    if key == "contracts":
        from app.views.contracts_page import ContractsPage

        return ContractsPage(store)
    if key == "poverty":
        from app.views.poverty_page import PovertyPage

        return PovertyPage(store)
    if key == "education":
        from app.views.education_page import EducationPage

        return EducationPage(store)
    if key == "print":
        from app.views.print_page import PrintPage

        return PrintPage(store)
    if key == "sync":
        from app.views.sync_page import SyncPage

        return SyncPage(store, paths)
    if key == "audit":
        from app.views.audit_page import AuditPage

        return AuditPage(store)
    if key == "quality":
        from app.views.quality_page import QualityPage

        return QualityPage(store)
    if key == "review":
        from app.views.review_page import ReviewPage

        return ReviewPage(store, township=township)
    if key == "users":
        from app.views.users_page import UsersPage

        return UsersPage(store)
    if key == "settings":
        from app.views.settings_page import SettingsPage

        return SettingsPage(store, paths)
    raise KeyError(key)


def _first_size(window: QWidget) -> tuple[int, int]:
    """1200×760, or what the screen has room for (less a title bar): never past its edges."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return 1200, 760
    room = screen.availableGeometry()
    return min(1200, room.width()), min(760, room.height() - 32)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, paths: Paths | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        # A SQLite store lives in its data directory; PostgreSQL townships pass theirs.
        self.paths = paths or Paths(Path(store.engine.url.database or ".").resolve().parent)
        info = Op(self, store, profile.profile_info).run()
        who = store.actor  # None: the system account (smoke runs, screenshots, tests)
        if info.is_county:
            role = self.tr("县级")
        else:
            role = self.tr("村卫生室") if info.is_village else self.tr("乡镇卫生院")
        township = not info.is_village
        title = self.tr("村医 CunYi — {name}").replace("{name}", info.institution)
        if info.is_county:
            title += self.tr("（县级）")
        self.setWindowTitle(title)
        self.resize(*_first_size(self))
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        # every section in sight on an 800×600 screen: fifteen items with 10 px above and below
        # each wanted 570 px of a 496-px list (it scrolled); the font stays 15 px
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 6px 10px; }")
        self.stack = QStackedWidget()
        # Only sections that work are listed; later sections join as they land.
        titles = {
            "home": self.tr("工作台"),
            "residents": self.tr("居民档案"),
            "followups": self.tr("随访"),
            "elderly": self.tr("老年人"),
            "smi": self.tr("专项随访"),
            "contracts": self.tr("签约"),
            "poverty": self.tr("贫困户"),
            "education": self.tr("健康教育"),
            "print": self.tr("打印"),
            "sync": self.tr("同步"),
            "audit": self.tr("审计"),
            "quality": self.tr("质量"),
            "review": self.tr("审核"),
            "users": self.tr("用户"),
            "settings": self.tr("设置"),
        }
        self.pages = [
            Section(key, title, partial(_build, key, store, self.paths, township, info.is_county))
            for key, title in titles.items()
        ]
        # a county reads (the review queue's decisions are the townships'); at a township the queue
        # is for who may decide (a village doctor signed in there was shown 没有权限, three times)
        if info.is_county or (township and not Op(self, store, review.may_decide).run()):
            self.pages = [p for p in self.pages if p.key != "review"]
        # the audit trail is for admins and township staff
        if not Op(self, store, lambda s: authz.permits(s, "view_audit")).run():
            self.pages = [p for p in self.pages if p.key != "audit"]
        if not Op(self, store, smi.may_hold_records).run():  # 严重精神障碍: not even the section's name
            self.pages = [p for p in self.pages if p.key != "smi"]
        self._built: dict[str, QWidget] = {}
        self._frames: dict[str, QScrollArea] = {}  # each built page's scroll area, in the stack
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
        if info.role in (profile.TOWNSHIP, profile.COUNTY):
            MailboxServing.resume(store, self.paths, self)  # the villages' server, if 同步 page opened it
        name = who.display_name if who is not None else self.tr("系统")
        status.addPermanentWidget(QLabel(self.tr("当前用户：{user}").replace("{user}", name)))

    def page(self, key: str) -> QWidget:
        """The section's page, built now if it has not been shown yet (not shown by this call).
        It sits in a scroll area: on a small screen (1366×768 less the taskbar) a page taller than
        the window scrolls, rather than stretching the window past the screen's edge."""
        page = self._built.get(key)
        if page is None:
            index = [p.key for p in self.pages].index(key)
            page = self._built[key] = self.pages[index].build()
            if hasattr(page, "resident_requested"):  # a list of residents (drill-down, review)
                page.resident_requested.connect(self.open_resident)
            if hasattr(page, "review_requested") and "review" in {p.key for p in self.pages}:
                # an item to decide on 审核 (the 同步 page's duplicates)
                page.review_requested.connect(lambda key: self.show_page("review").show_item(key))
            frame = self._frames[key] = QScrollArea()
            frame.setWidgetResizable(True)
            frame.setFrameShape(QFrame.NoFrame)
            frame.setWidget(page)
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, frame)
            if self.stack.currentWidget() is stand_in:  # else its removal would show a neighbour
                self.stack.setCurrentWidget(frame)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        return page

    def open_resident(self, resident_id):
        """A resident's page, over whichever section asked for it (the 居民档案 section's dialog)."""
        return self.page("residents").open_resident(resident_id)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.pages[row].key
        self.page(key)
        self.stack.setCurrentWidget(self._frames[key])

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow([p.key for p in self.pages].index(key))
        return self.page(key)

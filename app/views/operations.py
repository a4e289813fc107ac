"""The one way a view acts on the store (DESIGN.md "Operations and the actor").

Modelled on Anki's ``aqt.operations.CollectionOp``::

    Op(self, self.store, lambda s: followup.record_visit(s, resident_id, visit)).success(self.saved).run()

- ``Op`` runs one service call in one unit of work (the store's transaction): it commits when the
  call returns and rolls back when it raises.  The acting user is the store's (the logged-in user).
- ``StoreOp`` hands the store itself to services that run several transactions of their own
  (sync export/import, backup, restore).
- ``.run()`` runs on the GUI thread (a save takes milliseconds); ``.run_in_background(title)`` runs
  on a worker thread behind a progress dialog with Cancel, and the work receives a
  :class:`Progress` as its second argument.
- Errors are reported one way: a :class:`UserError` is shown in the UI language (or handed to
  ``.failure(cb)``, e.g. a form that marks its fields); anything else is logged with its traceback
  and the user reads one sentence saying nothing was saved.  No traceback reaches a user.
- After success, the op announces which tables' rows committed (:class:`Changes`), so every page
  that shows those records refreshes itself (:func:`refresh_on`), whichever page made the change.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.db import Store, unavailable
from app.services.errors import UserError
from app.views.widgets import translate
from app.views.worker import BackgroundTask, run_in_background

log = logging.getLogger(__name__)
T = TypeVar("T")

# What the pages show, by table: one place to name the kinds of records a page refreshes on.
RESIDENTS = frozenset({"resident", "household", "resident_choice", "village_group"})
FOLLOWUPS = frozenset({"followup_visit", "program_enrolment", "smi_visit", "elderly_check"})
REFERRALS = frozenset({"referral"})
SYNC = frozenset({"sync_peer", "sync_conflict", "sync_bundle", "change_log", "sync_origin"})
ACCOUNTS = frozenset({"app_user"})
AUDIT = frozenset({"audit_log"})
SETTINGS = frozenset({"setting", "profile"})


@dataclass(frozen=True)
class Changes:
    """The tables an operation changed (committed)."""

    tables: frozenset[str]

    def touches(self, tables: Iterable[str]) -> bool:
        return not self.tables.isdisjoint(tables)


class ChangeBus(QObject):
    """Where operations announce what they changed; pages listen through :func:`refresh_on`."""

    changed = Signal(object, object)  # Changes, the initiating widget (or None)
    _instance: ChangeBus | None = None

    @classmethod
    def instance(cls) -> ChangeBus:
        if cls._instance is None:
            cls._instance = ChangeBus()
        return cls._instance

    def announce(self, changes: Changes, initiator: object = None) -> None:
        if changes.tables:
            self.changed.emit(changes, initiator)


class _RefreshOnShow(QObject):
    """Refreshes a hidden page when it is shown again, if something it shows changed meanwhile."""

    def __init__(self, page: QWidget, tables: frozenset[str], refresh: Callable[[], None]):
        super().__init__(page)  # a child of the page: it goes when the page goes, and so does the link
        self._page, self._tables, self._refresh, self._stale = page, tables, refresh, False
        page.installEventFilter(self)
        ChangeBus.instance().changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes, _initiator) -> None:
        if not changes.touches(self._tables):
            return
        if self._page.isVisible():
            self._refresh()
        else:
            self._stale = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Show and getattr(self, "_stale", False) and watched is self._page:
            self._stale = False
            self._refresh()
        return False


def refresh_on(page: QWidget, tables: Iterable[str], refresh: Callable[[], None]) -> None:
    """Call ``refresh`` whenever an operation changes rows of ``tables``: at once if ``page`` is
    visible, otherwise the next time it is shown."""
    helper = _RefreshOnShow(page, frozenset(tables), refresh)
    page.__dict__.setdefault("_refresh_on", []).append(helper)  # keep the Python side alive too


def announce(tables: Iterable[str], initiator: object = None) -> None:
    """Announce changes made outside an op (e.g. a login, a restore that replaced the store)."""
    ChangeBus.instance().announce(Changes(frozenset(tables)), initiator)


class Progress:
    """Handed to background work: report progress, ask whether the user pressed Cancel."""

    def __init__(self, report: Callable[[int, int], None], cancelled: Callable[[], bool]):
        self.report, self.cancelled = report, cancelled


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    """The one way an error reaches a user: a UserError in their language; anything else as one
    sentence (the traceback goes to the log)."""
    error = unavailable(error) or error  # (the store busy, or its server gone: said, not a fault)
    if isinstance(error, UserError):
        QMessageBox.warning(parent, title, error.render(translate))
        return
    log.error(
        "operation failed: %s",
        getattr(error, "__traceback_text__", "") or repr(error),
        exc_info=error if not hasattr(error, "__traceback_text__") else None,
    )
    QMessageBox.critical(
        parent,
        title,
        translate("Operation", "操作没有完成，未保存任何内容。详细信息已写入日志：{error}").format(
            error=type(error).__name__
        ),
    )


_reporting = False


def report_unexpected(kind: type[BaseException], error: BaseException, tb) -> None:
    """The GUI's ``sys.excepthook``: an exception no operation caught (a slot's own fault, such as
    a button's handler) is logged with its traceback and said in one sentence, as
    :func:`show_error` says it, over the active window; never a second box while one is open
    (a fault repeating as the box paints is logged only)."""
    global _reporting
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(tb)
    app = QApplication.instance()
    if _reporting or app is None or QThread.currentThread() is not app.thread():
        # (another being said; or off the GUI thread, where no window may open: the log only)
        log.error("unexpected error", exc_info=(kind, error, tb))
        return
    _reporting = True
    try:
        window = QApplication.activeWindow()
        show_error(window, window.windowTitle() if window is not None else "CunYi", error)
    finally:
        _reporting = False


class _Base(Generic[T]):
    _success: Callable[[T], Any] | None = None
    _failure: Callable[[UserError], Any] | None = None
    _title: str | None = None

    def __init__(self, parent: QWidget, store: Store, work: Callable[..., T]):
        self._parent, self._store, self._work = parent, store, work

    def success(self, callback: Callable[[T], Any]) -> _Base[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[UserError], Any]) -> _Base[T]:
        """Handle a UserError yourself (e.g. mark a form's fields); other errors are always
        reported by :func:`show_error`."""
        self._failure = callback
        return self

    def titled(self, title: str) -> _Base[T]:
        """The title of error boxes (default: the parent window's title)."""
        self._title = title
        return self

    # -- running

    def _call(self, *extra) -> T:
        raise NotImplementedError

    def run(self) -> T | None:
        """Run now, on this (GUI) thread; returns the work's result, or None when it failed."""
        changed: set[str] = set()
        try:
            with self._store.recording_changes() as changed:
                result = self._call()
        except Exception as e:  # noqa: BLE001 - reported, never raised into Qt's event loop
            self._announce(changed)  # what did commit before the failure (a StoreOp's earlier steps)
            self._report(e)
            return None
        self._done(result, changed)
        return result

    def run_in_background(self, title: str) -> BackgroundTask:
        """Run on a worker thread behind a progress dialog with Cancel; the work gets a
        :class:`Progress` as its last argument.  The returned task's ``finished`` signal fires
        after the success callback and the change announcement (tests wait on it)."""
        changed: set[str] = set()

        def job(report, cancelled):
            with self._store.recording_changes() as mine:
                try:
                    return self._call(Progress(report, cancelled))
                finally:
                    changed.update(mine)

        def failed(error: BaseException) -> None:
            self._announce(changed)  # an export cancelled after its first bundle did write that one
            if isinstance(error, Exception):
                self._report(error)

        return run_in_background(self._parent, title, job, lambda result: self._done(result, changed), failed)

    def _done(self, result: T, changed: set[str]) -> None:
        # Pages behind a summary box the success callback may show are up to date first.
        self._announce(changed)
        if self._success is not None:
            self._success(result)

    def _announce(self, changed: set[str]) -> None:
        ChangeBus.instance().announce(Changes(frozenset(changed)), self._parent)

    def _report(self, error: Exception) -> None:
        if isinstance(error, UserError) and self._failure is not None:
            self._failure(error)
            return
        title = self._title or (self._parent.window().windowTitle() if self._parent else "")
        show_error(self._parent, title, error)


class Op(_Base[T]):
    """One service call in one unit of work: ``work(session)`` (or ``work(session, progress)``)."""

    def _call(self, *extra) -> T:
        with self._store.transaction() as s:
            return self._work(s, *extra)


class ReadOp(_Base[T]):
    """A service call that only reads, in :meth:`Store.reading`: a long one (a report, a review
    scan) never holds up a save in another window."""

    def _call(self, *extra) -> T:
        with self._store.reading() as s:
            return self._work(s, *extra)


class StoreOp(_Base[T]):
    """A service that runs its own transactions: ``work(store)`` (or ``work(store, progress)``)."""

    def _call(self, *extra) -> T:
        return self._work(self._store, *extra)

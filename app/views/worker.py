"""The one shape of background work: run a service call on a worker thread with progress and cancel.

``run_in_background(parent, title, fn, on_done)`` calls ``fn(progress, cancelled)`` on a
pool thread, shows a modal progress dialog with a Cancel button, and delivers the result
(or the exception) back on the GUI thread.  No ad-hoc threads, no processEvents() loops.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn, signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.fn, self.signals, self.cancel = fn, signals, cancel

    def run(self) -> None:
        try:
            result = self.fn(lambda done, total: self._emit("progress", done, total), self.cancel.is_set)
        except BaseException as e:  # noqa: BLE001 - handed to the GUI thread, which decides
            e.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit("failed", e)
        else:
            self._emit("done", result)

    def _emit(self, name: str, *args) -> None:
        try:
            getattr(self.signals, name).emit(*args)
        except RuntimeError:  # the window that asked has closed: nobody is left to tell
            self.cancel.set()


class BackgroundTask(QObject):
    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        fn: Callable,
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
    ):
        super().__init__(parent)
        self._owner = parent  # (what the callbacks belong to: checked again when the work ends)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._dialog = QProgressDialog(title, self.tr("取消"), 0, 0, parent)
        # Progress moves this bar, never QProgressDialog.setValue: once shown, a modal dialog's
        # setValue runs QCoreApplication.processEvents() inside the progress slot, and the events
        # it delivers there (this task ending, its window closing) deleted objects still on the
        # stack: a segfault in a GUI test run.  The dialog shows itself after the minimum
        # duration by its own timer, and _finish resets it.
        self._bar = QProgressBar(self._dialog)
        self._bar.setRange(0, 0)
        self._bar.setValue(0)  # at its minimum: setMinimumDuration below restarts the dialog's timer
        self._dialog.setBar(self._bar)
        self._dialog.setWindowTitle(title)
        self._dialog.setWindowModality(Qt.WindowModal)
        self._dialog.setMinimumDuration(300)
        self._dialog.canceled.connect(self._cancel.set)
        self._signals.progress.connect(self._on_progress)
        self._signals.done.connect(lambda r: self._finish(on_done, r))
        self._signals.failed.connect(lambda e: self._finish(on_error, e))
        QThreadPool.globalInstance().start(_Job(fn, self._signals, self._cancel))

    def _on_progress(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self._bar):  # (the window that asked is gone)
            return
        self._bar.setRange(0, max(total, 1))
        self._bar.setValue(min(done, total))

    def cancel(self) -> None:
        """Stop the work (at its next question) and its progress dialog, never shown after: the
        window that asked is closing, or asks for something else now."""
        self._cancel.set()
        self._close_dialog()

    def _close_dialog(self) -> None:
        if shiboken6.isValid(self._dialog):
            self._dialog.reset()  # (stops the timer that would show it after its minimum duration)
            self._dialog.hide()

    def _finish(self, callback, value) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self._dialog) or _closed(self._owner):
            # the window that asked was closed while the work ran: nobody to tell, and no progress
            # dialog left behind (window-modal over a hidden window, it held the main window)
            if shiboken6.isValid(self):
                self._close_dialog()
            return
        self._close_dialog()
        callback(value)
        self.finished.emit()
        self.deleteLater()


def _closed(widget) -> bool:
    """Whether ``widget``'s window was closed (a closed window may be on its way to deletion, its
    layouts already gone while the widget itself still answers)."""
    if widget is None or not shiboken6.isValid(widget):
        return True
    window = widget.window()
    return window.isHidden() and window.testAttribute(Qt.WA_WState_ExplicitShowHide)


def run_in_background(
    parent: QWidget,
    title: str,
    fn: Callable,
    on_done: Callable[[object], None],
    on_error: Callable[[BaseException], None],
) -> BackgroundTask:
    return BackgroundTask(parent, title, fn, on_done, on_error)

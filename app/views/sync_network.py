"""Network sync in the GUI: the service's worker thread, its box on the 同步 page (address, state,
立即同步, history of runs) and the status bar's "last synced".

The worker runs :func:`app.services.sync.service.run_service` on a QThread of its own for as long
as the program runs (it sleeps between runs); each run's changes are announced on the ChangeBus like
any operation's, so 工作台, 居民档案 and 随访 refresh after a pull, and this box and the status bar
after every run.  The worker starts once an address is saved (or 立即同步 is pressed) and stops when
the application quits.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.config import Paths
from app.db import Store
from app.services import profile, settings
from app.services.errors import Message, UserError
from app.services.sync import service
from app.views.operations import SYNC, Op, announce, refresh_on
from app.views.widgets import NoteUnder, fit_columns, read_only_table, render

NET_SYNC = frozenset({"net_sync_state", "net_sync_run"})
log = logging.getLogger(__name__)


def local_time(value: dt.datetime | None) -> str:
    """A stored UTC time as this PC's local time, or 从未."""
    return i18n.local_time(value, QCoreApplication.translate("NetworkSync", "从未"))


def upper_name(role: str) -> str | None:
    """Who a PC of ``role`` syncs up to, as its boxes name it (None: a county, which syncs up to no one)."""
    upper = profile.UPSTREAM.get(role)
    if upper == profile.TOWNSHIP:
        return QCoreApplication.translate("NetworkSync", "乡镇卫生院")
    if upper == profile.COUNTY:
        return QCoreApplication.translate("NetworkSync", "县级")
    return None


def saved_note(upper: str) -> str:
    """What an address saved is told (the 同步 page's box and 设置's say the same)."""
    return QCoreApplication.translate("NetworkSync", "已保存。本机能连上{upper}时会自动同步。").replace(
        "{upper}", upper
    )


def revoked_note(upper: str) -> str:
    """What a PC its upper level revoked is told, and what to do (the same card trusted again)."""
    return QCoreApplication.translate(
        "NetworkSync",
        "{upper}已撤销对本机的信任，不再接收本机的同步包。要恢复同步：点上方“导出本机设备卡…”，"
        "把设备卡交给{upper}，电话核对指纹后请{upper}重新信任本机，然后点“立即同步”。",
    ).replace("{upper}", upper)


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n < 10_240 else f"{n / 1024:.0f} KB"


class _Worker(QThread):
    reported = Signal(object, object)  # RunReport, frozenset of tables changed

    def __init__(self, store: Store, paths: Paths):
        super().__init__()
        self.store, self.paths = store, paths
        self.stop_event, self.wake = threading.Event(), threading.Event()

    def run(self) -> None:
        with self.store.recording_changes() as changed:  # this thread's commits, run by run

            def reported(report) -> None:
                tables = frozenset(changed)
                changed.clear()
                self.reported.emit(report, tables)

            service.run_service(self.store, self.paths, self.stop_event, wake=self.wake, on_report=reported)


class _OneAProcess(QObject):
    """A service the program runs once, for the store it has open (``of``), stopped as it ends."""

    _instance = None

    def __init__(self, store: Store, paths: Paths):
        super().__init__()
        self.store, self.paths = store, paths
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        atexit.register(self.stop)  # also when the program ends without Qt's quit (screenshots)

    @classmethod
    def of(cls, store: Store, paths: Paths):
        if cls._instance is None or cls._instance.store is not store:
            if cls._instance is not None:
                cls._instance.stop()
            cls._instance = cls(store, paths)
        return cls._instance

    def stop(self) -> None:
        raise NotImplementedError


class NetworkSync(_OneAProcess):
    """The one network sync service of this process (a village's)."""

    running = Signal(bool)
    _instance: NetworkSync | None = None

    def __init__(self, store: Store, paths: Paths):
        super().__init__(store, paths)
        self.worker: _Worker | None = None
        self.busy = False

    def start(self, now: bool = False) -> None:
        """The service running; ``now``: a run asked for (立即同步), answered by the next run."""
        if self.worker is None:
            self.worker = _Worker(self.store, self.paths)
            self.worker.reported.connect(self._reported)
            if now:  # (set before it starts: set after, it came after the first run had begun, and
                self.worker.wake.set()  # a second run answered a click the first had answered)
            self.worker.start()
        elif now:
            self.worker.wake.set()

    def sync_now(self) -> None:
        self.busy = True
        self.running.emit(True)
        self.start(now=True)

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop_event.set()
            self.worker.wake.set()
            self.worker.wait(30_000)  # a run stops between steps; the wait covers one request
            self.worker = None

    def _reported(self, report: service.RunReport, tables: frozenset) -> None:
        self.busy = False
        self.running.emit(False)
        announce(tables | NET_SYNC, self)


class NetworkSyncBox(QGroupBox):
    """网络同步 on the 同步 page, next to the USB box: a village's and a township's run up to their
    township's or county's server; a township's villages, and a county's townships, come to its own
    (the :class:`ServerBox` beside it)."""

    def __init__(self, store: Store, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.paths = store, paths
        info = Op(self, store, profile.profile_info).run()
        role = info.role if info is not None else profile.VILLAGE
        self.upper = upper_name(role)
        self.upward = self.upper is not None  # (a PC that syncs up to a server: its box is shown)
        self.setTitle(
            self.tr("网络同步（{upper}服务器）").replace("{upper}", self.upper)
            if self.upper
            else self.tr("网络同步")
        )
        lay = QVBoxLayout(self)
        if not self.upward:
            return  # (a county's: the page leaves it out)
        self.sync = NetworkSync.of(store, paths)
        self.saved_url = ""
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("例如 http://192.168.1.10:8765"))
        self.save_button = QPushButton(self.tr("保存地址"))
        self.save_button.clicked.connect(lambda: self.save_address())
        self.now_button = QPushButton(self.tr("立即同步"))
        self.now_button.clicked.connect(self.sync_now)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("服务器地址：")))
        row.addWidget(self.address, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.now_button)
        lay.addLayout(row)
        self.saved = QLabel()  # (said once an address is saved)
        self.saved.setStyleSheet("color: #666;")
        lay.addWidget(self.saved)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        lay.addWidget(self.state)
        lay.addWidget(self.error)
        self.runs = read_only_table(
            [
                self.tr("时间"),
                self.tr("结果"),
                self.tr("上传"),
                self.tr("下载"),
                self.tr("变更（发/收）"),
                self.tr("流量"),
                self.tr("说明"),
            ]
        )
        # a few runs in view (the log of every run pushed 同步记录 two screens down)
        row = self.runs.verticalHeader().defaultSectionSize()
        self.runs.setMinimumHeight(90)
        self.runs.setMaximumHeight(self.runs.horizontalHeader().sizeHint().height() + 5 * row + 4)
        lay.addWidget(self.runs)
        self.run_note = NoteUnder(self.runs, 6)  # the selected run's whole 说明
        lay.addWidget(self.run_note)
        self.sync.running.connect(self._running)
        refresh_on(self, NET_SYNC | SYNC, self.refresh)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.upward and not self._loaded:
            self.refresh()  # the first time the page is shown

    _loaded = False

    def refresh(self) -> None:
        if not self.upward:
            return
        self._loaded = True
        state = Op(self, self.store, lambda s: service.net_state(s, self.paths, history=20)).run()
        if state is None:
            return
        self.saved_url = state.server_url
        if not self.address.hasFocus():
            self.address.setText(state.server_url)
        if self.sync.busy:
            line = self.tr("正在同步…")
        elif not state.server_url:
            line = self.tr("尚未设置服务器地址：填写后保存，本机会在能连上{upper}时自动同步。").replace(
                "{upper}", self.upper
            )
        elif state.revoked:  # no next try: none would be taken until the card is trusted again
            line = (
                self.tr("上次成功：{ok}　待上传同步包：{files} 个　{upper}未确认：{changes} 条变更")
                .replace("{upper}", self.upper)
                .replace("{ok}", local_time(state.last_success_at))
                .replace("{files}", str(state.to_upload))
                .replace("{changes}", str(state.unacknowledged))
            )
        else:
            line = (
                self.tr(
                    "上次成功：{ok}　下次尝试：{next}　待上传同步包：{files} 个　{upper}未确认：{changes} 条变更"
                )
                .replace("{upper}", self.upper)
                .replace("{ok}", local_time(state.last_success_at))
                .replace("{next}", local_time(state.next_try_at) if state.next_try_at else self.tr("随时"))
                .replace("{files}", str(state.to_upload))
                .replace("{changes}", str(state.unacknowledged))
            )
        self.state.setText(line)
        if state.revoked:
            self.error.setText(revoked_note(self.upper))
        elif state.last_error is not None:
            self.error.setText(
                self.tr("上次失败（连续 {n} 次）：{error}")
                .replace("{n}", str(state.failures))
                .replace("{error}", render(state.last_error))
            )
        self.error.setVisible(state.last_error is not None)
        self.runs.setRowCount(len(state.history))
        for r, run in enumerate(state.history):
            cells = [
                local_time(run.started_at),
                self.tr("成功") if run.ok else self.tr("失败"),
                str(run.uploaded),
                str(run.downloaded),
                f"{run.ops_sent} / {run.ops_received}",
                f"↑ {_kb(run.bytes_up)}  ↓ {_kb(run.bytes_down)}",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.runs.setItem(r, c, item)
            self.runs.setItem(r, 6, NoteUnder.cell(render(run.note) if run.note else ""))
        # (fixed widths from the font, the explanation taking the rest: sized to their contents, an
        # empty history left every column as narrow as its header and the table's right half bare)
        fit_columns(self.runs, {0: 16, 1: 5, 2: 5, 3: 5, 4: 11, 5: 16})
        self.run_note.show_selected()

    def save_address(self, start: bool = True) -> str | None:
        """The address typed saved; ``start``: the service started on it (a click on 立即同步
        starts it itself, with its run asked for)."""
        url = (
            Op(self, self.store, lambda s: service.set_server(s, self.address.text()))
            .titled(self.tr("网络同步"))
            .run()
        )
        if url is not None:
            self.saved_url = url
            self.address.setText(url)
            self.saved.setText(saved_note(self.upper))
            if start:
                self.sync.start()
        return url

    def sync_now(self) -> None:
        typed = self.address.text().strip()
        if (typed != self.saved_url or not typed) and self.save_address(start=False) is None:
            return  # the address typed is not one, or there is none (the error was shown)
        self.sync.sync_now()

    def _running(self, busy: bool) -> None:
        self.now_button.setEnabled(not busy)
        self.refresh()


class MailboxServing(_OneAProcess):
    """The sync server this process opens for its villages (a township's; a county's for its
    townships): :class:`app.services.sync.mailbox.Server` on a thread of its own, on the port saved
    in 设置, from the start of the program to its end.  Bundles it imports are announced as changes
    of every table, so the pages showing records refresh.

    Opening (binding the port, starting uvicorn) and closing (up to its graceful shutdown) run on a
    thread of their own, one at a time, never on the GUI's: the page says 正在开启 / 正在停止
    meanwhile, and ``changed`` fires when they are done.  ``server`` is the server open (as the GUI
    knows it), ``busy`` an opening or closing under way, ``failure`` why the last opening failed."""

    changed = Signal()
    _opened = Signal(object, object)  # (the server, its LAN addresses), from the serving thread
    _failed = Signal(object, object)  # (the UserError, the port to save again or NOT_SAVED)
    _closed = Signal()
    _instance: MailboxServing | None = None
    KEEP = object()  # (an opening whose failure leaves the saved port as it is)

    def __init__(self, store: Store, paths: Paths):
        super().__init__(store, paths)
        self.server = None
        self.addresses: list[str] = []  # where other PCs reach it, read when it opened
        self.busy = False
        # why the last opening failed: (the message, None for one in the log; the port; whether
        # it was the opening at the program's start)
        self.failure: tuple[Message | None, int, bool] | None = None
        self._live = None  # the server open, as the serving thread knows it (only it writes this)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="mailbox-serving")
        self._seen = 0
        self.timer = QTimer(self)
        self.timer.setInterval(3000)
        self.timer.timeout.connect(self._poll)
        self._opened.connect(self._on_opened)
        self._failed.connect(self._on_failed)
        self._closed.connect(self._on_closed)

    @property
    def port(self) -> int | None:
        return self.server.port if self.server is not None else None

    def open(self, port: int, *, restore=KEEP, at_start: bool = False) -> None:
        """Open the server on ``port``, in the background (a server open on another port is
        closed first).  A port taken is said in ``failure``; the port saved in 设置 then goes back
        to ``restore`` (the one saved before) unless that is :attr:`KEEP`."""
        if self.server is not None and self.server.port == port and not self.busy:
            return
        self.busy, self.failure = True, None
        self.timer.stop()
        self.changed.emit()
        self._pool.submit(self._open_now, port, restore, at_start)

    def close(self) -> None:
        """Close the server, in the background."""
        self.busy, self.failure = True, None
        self.timer.stop()
        self.changed.emit()
        self._pool.submit(self._close_now)

    def stop(self) -> None:
        """At the program's end: close the server now, after any opening or closing under way."""
        try:
            self._pool.submit(self._stop_now).result(timeout=30)
        except RuntimeError:  # (the interpreter is ending: the serving thread has finished already)
            self._stop_now()
        if self.server is not None or self.busy:
            self.timer.stop()
            self.server, self.busy = None, False

    # -- on the serving thread

    def _open_now(self, port: int, restore, at_start: bool) -> None:
        from app.services.sync import mailbox

        if self._live is not None and self._live.port == port:
            self._opened.emit(self._live, self.addresses)
            return
        self._stop_now()
        try:
            # as the system account, whoever is logged in here (what it imports is no user's doing)
            server = mailbox.Server(self.store.as_system(), self.paths, host="0.0.0.0", port=port).start()
        except UserError as e:  # (the port taken)
            self._failed.emit((e.message, port, at_start), restore)
            return
        except Exception:  # noqa: BLE001 - said on the page, never raised into Qt's event loop
            log.exception("the sync server did not open on port %s", port)
            self._failed.emit((None, port, at_start), restore)
            return
        self._live = server
        self._opened.emit(server, mailbox.lan_addresses())  # (its name lookup may be slow)

    def _close_now(self) -> None:
        self._stop_now()
        self._closed.emit()

    def _stop_now(self) -> None:
        if self._live is not None:
            live, self._live = self._live, None
            live.stop()

    # -- back on the GUI thread

    def _on_opened(self, server, addresses: list[str]) -> None:
        if server is not self._live:
            return  # closed (the program ending) since it opened
        self.server, self.addresses, self.busy = server, addresses, False
        self._seen = 0
        self.timer.start()
        self.changed.emit()

    def _on_failed(self, failure: tuple[Message | None, int, bool], restore) -> None:
        from app.services.sync import mailbox

        if restore is not self.KEEP:  # the port that failed is not the one opened next time
            Op(None, self.store, lambda s: mailbox.set_serving(s, restore)).run()
        self.server, self.busy, self.failure = None, False, failure
        self.changed.emit()

    def _on_closed(self) -> None:
        self.server, self.busy = None, False
        self.changed.emit()

    def received(self) -> int:
        return self.server.mailbox.imported if self.server is not None else 0

    def _poll(self) -> None:
        if self.server is not None and self.server.mailbox.imported != self._seen:
            self._seen = self.server.mailbox.imported
            from app.models import Base

            announce(frozenset(Base.metadata.tables) | NET_SYNC, self)
            self.changed.emit()

    @classmethod
    def resume(cls, store: Store, paths: Paths, parent: QWidget) -> None:
        """At the start of the program: open the server (in the background) if 设置 says this PC
        serves.  A port taken (another program, ``cunyi serve`` already running) is said on the 同步
        page, not here."""
        # (the setting, not the server's module: its web stack loads on the serving thread)
        port = Op(parent, store, settings.serving_port).run()
        if port is not None:
            cls.of(store, paths).open(port, at_start=True)


class ServerBox(QGroupBox):
    """同步服务器 on a township's (county's) 同步 page: opens and stops the server its villages
    (townships) sync with, and tells the address to type into their 设置."""

    def __init__(self, store: Store, paths: Paths, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.paths, self.role = store, paths, role
        self.serving = MailboxServing.of(store, paths)
        self.setTitle(
            self.tr("同步服务器（各村卫生室连到本机）")
            if role == profile.TOWNSHIP
            else self.tr("同步服务器（各乡镇卫生院连到本机）")
        )
        lay = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.state)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        self.error.hide()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("端口：")))
        self.port = QLineEdit()  # (no length limit: a pasted " 18765 " is not cut to " 1876")
        self.port.setFixedWidth(self.port.fontMetrics().horizontalAdvance("000000") + 16)
        row.addWidget(self.port)
        self.start_button = QPushButton(self.tr("开启服务器"))
        self.start_button.clicked.connect(self.open_server)
        self.stop_button = QPushButton(self.tr("停止服务器"))
        self.stop_button.clicked.connect(self.close_server)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.serving.changed.connect(self.refresh)
        from app.services.sync import mailbox

        saved = Op(self, store, settings.serving_port).run()
        self.port.setText(str(saved or mailbox.DEFAULT_PORT))
        self.refresh()

    def _who(self) -> str:
        return self.tr("各村卫生室") if self.role == profile.TOWNSHIP else self.tr("各乡镇卫生院")

    def refresh(self) -> None:
        server, busy = self.serving.server, self.serving.busy
        self.start_button.setVisible(server is None)
        self.stop_button.setVisible(server is not None)
        self.start_button.setEnabled(not busy)
        self.stop_button.setEnabled(not busy)
        self.port.setEnabled(server is None and not busy)
        failure = self.serving.failure
        if failure is not None:
            message, port, at_start = failure
            if message is None:
                said = self.tr("同步服务器没有开启（详见日志）")
            elif at_start:
                said = self.tr(
                    "设置为开启，但端口 {port} 开不了：可能已有程序（如另一个“cunyi serve”）在用它。"
                ).replace("{port}", str(port))
            else:
                said = render(message)
            self.error.setText(said)
        self.error.setVisible(failure is not None)
        if busy:
            self.state.setText(
                self.tr("正在停止服务器……") if server is not None else self.tr("正在开启服务器……")
            )
            return
        if server is None:
            self.state.setText(
                self.tr(
                    "未开启。开启后，{who}在“设置 → 服务器地址”填写本机地址，即可通过网络自动同步；"
                    "以后打开村医时服务器也会自动开启。"
                ).replace("{who}", self._who())
            )
            return
        addresses = [f"http://{a}:{server.port}" for a in self.serving.addresses]
        where = (
            self.tr("{who}的服务器地址填 {url}")
            .replace("{who}", self._who())
            .replace("{url}", self.tr(" 或 ").join(addresses))
            if addresses
            else self.tr("本机没有联网：接上局域网后，{who}的服务器地址填本机的 IP 地址和端口 {port}")
            .replace("{who}", self._who())
            .replace("{port}", str(server.port))
        )
        self.state.setText(
            self.tr("正在接收。{where}。开启以来已收到 {n} 个同步包。")
            .replace("{where}", where)
            .replace("{n}", str(self.serving.received()))
        )

    def open_server(self) -> None:
        from app.services.sync import mailbox

        before = Op(self, self.store, settings.serving_port).run()
        port = (
            Op(self, self.store, lambda s: mailbox.set_serving(s, self.port.text()))
            .titled(self.tr("同步服务器"))
            .run()
        )
        if port is None:
            return
        self.port.setText(str(port))
        self.serving.open(port, restore=before)  # (the port taken: what was saved before stands)

    def close_server(self) -> None:
        from app.services.sync import mailbox

        def stop_serving(s) -> bool:
            mailbox.set_serving(s, None)
            return True

        if Op(self, self.store, stop_serving).titled(self.tr("同步服务器")).run():
            self.serving.close()


class LastSyncLabel(QLabel):
    """The status bar's 上次同步 (network), refreshed after every run."""

    def __init__(self, store: Store, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.paths = store, paths
        info = Op(self, store, profile.profile_info).run()
        if info is None or upper_name(info.role) is None:
            self.hide()
            return
        refresh_on(self, NET_SYNC, self.refresh)
        self.refresh()
        sync = NetworkSync.of(store, paths)
        if Op(self, store, lambda s: service.net_state(s, paths, history=0, counts=False)).run().server_url:
            sync.start()  # an address is set: the service runs from the start

    def refresh(self) -> None:
        state = Op(
            self, self.store, lambda s: service.net_state(s, self.paths, history=0, counts=False)
        ).run()
        if state is None:
            return
        if not state.server_url:
            self.setText(self.tr("网络同步：未设置"))
        elif state.revoked:
            self.setText(
                self.tr("上次同步：{when}（本机已被撤销信任）").replace(
                    "{when}", local_time(state.last_success_at)
                )
            )
        elif state.last_error is not None:
            self.setText(
                self.tr("上次同步：{when}（最近一次失败）").replace(
                    "{when}", local_time(state.last_success_at)
                )
            )
        else:
            self.setText(self.tr("上次同步：{when}").replace("{when}", local_time(state.last_success_at)))


class ServerAddressBox(QGroupBox):
    """设置's 同步服务器: the upper level's mailbox address (the township's, for a village; the
    county's, for a township: as on the 同步 page, one setting) and the certificate fingerprint
    pinned from its card, read-only.  Not for a county (:func:`upper_name`)."""

    def __init__(self, store: Store, paths: Paths | None, upper: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.upper = upper
        self.setTitle(self.tr("{upper}同步服务器").replace("{upper}", upper))
        self.store, self.paths = store, paths
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("例如 http://192.168.1.10:8765"))
        self.address.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("保存服务器地址"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("服务器地址：")))
        row.addWidget(self.address, 1)
        row.addWidget(self.save_button)
        self.pin = QLabel()
        self.pin.setWordWrap(True)
        self.pin.setTextInteractionFlags(self.pin.textInteractionFlags() | Qt.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.pin)
        lay.addWidget(self.note)
        self.load()
        refresh_on(self, NET_SYNC, self.load)

    def load(self) -> None:
        current = Op(self, self.store, service.server_setting).run()
        if current is None:
            return
        if not self.address.hasFocus():
            self.address.setText(current.url)
        if current.tls_pin:
            self.pin.setText(
                self.tr("证书指纹（来自{upper}设备卡，每次连接都核对）：{pin}")
                .replace("{upper}", self.upper)
                .replace("{pin}", current.pin_groups)
            )
        else:
            self.pin.setText(
                self.tr(
                    "连接不用证书（http 地址）：同步包本身已加密并签名。若{upper}的设备卡带有证书，"
                    "在“同步 → 信任对方设备卡…”导入后，本机改用 https 并每次核对证书。"
                ).replace("{upper}", self.upper)
            )

    def save(self) -> str | None:
        self.note.setText("")
        url = (
            Op(self, self.store, lambda s: service.set_server(s, self.address.text()))
            .failure(self._refused)
            .titled(self.tr("设置"))
            .run()
        )
        if url is None:
            return None
        self.address.setText(url)
        self.address.setStyleSheet("")
        self.note.setStyleSheet("color: #666;")
        self.note.setText(saved_note(self.upper))
        if self.paths is not None:
            NetworkSync.of(self.store, self.paths).start()
        return url

    def _refused(self, error) -> None:
        """Nothing saved: the address stays as typed, marked, with the reason."""
        self.address.setStyleSheet("border: 1px solid #c62828;")
        self.address.setFocus()
        self.note.setStyleSheet("color: #c62828;")
        self.note.setText(render(error.message))

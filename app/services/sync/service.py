"""The village's network sync service (DESIGN.md, "Transport"): one run pushes what the township
has not acknowledged and pulls what waits for this PC; the service repeats runs, backing off while
the township cannot be reached, and resumes by itself when it can.

Used by ``cunyi sync run [--once]`` and by the GUI's worker (app/views/sync_network.py): no Qt
here.  Bundles are the USB ones (exchange.export_bundles / import_file); only the way they travel
is new.  A bundle waits in ``outbox/network/`` until the mailbox has it whole, and a download in
``inbox/network/*.part`` until it is whole: a dropped connection costs only the bytes in flight.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import ipaddress
import json
import logging
import re
import shutil
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import filelock
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.config import Paths
from app.db import PG_NETWORK_RUN_LOCK, Store, unavailable
from app.i18n import QT_TRANSLATE_NOOP
from app.models import AuditEntry, BundleRecord, ChangeLog, NetSyncRun, NetSyncState, Peer, utcnow
from app.services.access import authz
from app.services.errors import Message, UserError
from app.services.profile import UPSTREAM, get_profile
from app.services.sync import bundle, exchange, numbers, snapshot, transport
from app.services.sync import keys as device_keys

log = logging.getLogger(__name__)
CTX = "NetSync"

INTERVAL_S = 300.0  # between runs while all is well ("every few minutes")
BACKOFF_FIRST_S = 15.0  # after the first failure; doubled after each further one
BACKOFF_MAX_S = 1800.0
HISTORY_KEPT = 500


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def backoff_s(failures: int, interval_s: float = INTERVAL_S) -> float:
    """Seconds until the next try after ``failures`` failures in a row (0: the normal interval)."""
    if failures <= 0:
        return interval_s
    return min(BACKOFF_FIRST_S * 2 ** (failures - 1), BACKOFF_MAX_S)


# ------------------------------------------------------------------------------- state


@dataclass(frozen=True)
class RunRow:
    started_at: dt.datetime
    finished_at: dt.datetime | None
    ok: bool
    uploaded: int
    downloaded: int
    ops_sent: int
    ops_received: int
    bytes_up: int
    bytes_down: int
    note: Message | None  # why it failed; of a run that went well, what it has to say (说明)


@dataclass(frozen=True)
class NetState:
    """What the 同步 page and the status bar show of the network sync."""

    server_url: str
    tls_pin: str
    last_success_at: dt.datetime | None
    last_attempt_at: dt.datetime | None
    next_try_at: dt.datetime | None
    failures: int
    last_error: Message | None
    to_upload: int  # bundles waiting in outbox/network
    unacknowledged: int  # changes the township has not acknowledged
    history: tuple[RunRow, ...] = ()
    revoked: bool = False  # the last run was told the township revoked this PC: none will be taken


def last_error(session: Session) -> Message | None:
    """Why the last run failed (None: it did not, or none ran)."""
    row = session.get(NetSyncState, 1)
    return transport.message_from_json(row.last_error) if row else None


def is_revoked(error: Message | None) -> bool:
    """Whether ``error`` is the mailbox's word that the township revoked this PC."""
    return error is not None and error.template == transport.REVOKED


def _row(session: Session) -> NetSyncState:
    row = session.get(NetSyncState, 1)
    if row is None:
        row = NetSyncState(id=1, server_url="", tls_pin="", failures=0)
        session.add(row)
        session.flush()
    return row


def outbox(paths: Paths) -> Path:
    return paths.sub("outbox") / "network"


def inbox(paths: Paths) -> Path:
    return paths.sub("inbox") / "network"


def net_state(session: Session, paths: Paths, *, history: int = 20, counts: bool = True) -> NetState:
    """``counts``: also count what waits (the status bar does without: it is read at start)."""
    row = session.get(NetSyncState, 1)
    runs = session.scalars(select(NetSyncRun).order_by(NetSyncRun.id.desc()).limit(history)).all()
    folder = outbox(paths)
    error = last_error(session)
    return NetState(
        row.server_url if row else "",
        row.tls_pin if row else "",
        row.last_success_at if row else None,
        row.last_attempt_at if row else None,
        _next_try(row),
        row.failures if row else 0,
        error,
        len(list(folder.glob("*" + bundle.SUFFIX))) if counts and folder.is_dir() else 0,
        # what the upper level (the one this box syncs up to) has not acknowledged: a township's
        # villages' counts are theirs, told on their own rows (it read "县级未确认" without a county)
        exchange.unacknowledged_total(session, UPSTREAM.get(get_profile(session).role, "")) if counts else 0,
        tuple(
            RunRow(
                r.started_at,
                r.finished_at,
                r.ok,
                r.uploaded,
                r.downloaded,
                r.ops_sent,
                r.ops_received,
                r.bytes_up,
                r.bytes_down,
                transport.message_from_json(r.error),
            )
            for r in runs
        ),
        revoked=is_revoked(error),
    )


def _disk_full(error: BaseException) -> UserError | None:
    """The system's "no room left" writing a file (a bundle in the outbox, a download), in words."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return _err(
            QT_TRANSLATE_NOOP(
                "NetSync",
                "磁盘空间已满，同步未完成：请腾出磁盘空间（删除不用的文件）后再同步，已保存的数据没有丢失",
            )
        )
    return None


def _host_ok(host: str) -> bool:
    """An IP address or a host name of letters, digits, dots and hyphens ("not a url" is neither)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", host) is not None


def check_url(url: str) -> str:
    """The mailbox address as typed: ``http(s)://host[:port]``; a bare ``host:port`` means http."""
    scheme, sep, rest = (url or "").strip().partition("://")
    if not sep:
        scheme, rest = "http", scheme
    rest = rest.rstrip("/")
    if not rest:  # (nothing, or a scheme alone: "http://" read as the host "http:")
        raise _err(QT_TRANSLATE_NOOP("NetSync", "请填写服务器地址（例如 http://192.168.1.10:8765）"))
    url = f"{scheme}://{rest}"
    try:
        parts = urllib.parse.urlsplit(url)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:  # a bad port, or a bracket left open ("http://[::1")
        parts, port_ok = urllib.parse.urlsplit(""), False
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not port_ok
        or parts.path
        or parts.query
        or parts.fragment
        or "@" in parts.netloc  # (a user and password: never kept in the settings)
        or not _host_ok(parts.hostname)
    ):
        raise _err(
            QT_TRANSLATE_NOOP("NetSync", "“{url}”不是有效的服务器地址（例如 http://192.168.1.10:8765）"),
            url=url[:100],
        )
    return url


def set_server(session: Session, url: str, tls_pin: str | None = None) -> str:
    """Where the township's mailbox is (and, for https, its certificate's pin from its card)."""
    authz.require(session, "sync")
    url = check_url(url)
    if tls_pin is not None:
        pin = tls_pin.strip().lower().replace(":", "")
        if pin and (len(pin) != 64 or any(c not in "0123456789abcdef" for c in pin)):
            raise _err(QT_TRANSLATE_NOOP("NetSync", "证书指纹应为 64 位十六进制数字"))
    row = _row(session)
    if url.startswith("https://") and not (pin if tls_pin is not None else row.tls_pin):
        # trust in the township's own certificate comes only from the pin its card carries
        raise _err(
            QT_TRANSLATE_NOOP(
                "NetSync",
                "https 地址需要乡镇卫生院设备卡上的证书指纹：请先导入载有证书指纹的乡镇卫生院设备卡，"
                "或使用 http 地址",
            )
        )
    if url != row.server_url:
        row.failures, row.next_try_at = 0, None  # a new address is tried at once
    row.server_url = url
    if tls_pin is not None:
        row.tls_pin = pin
    return url


@dataclass(frozen=True)
class ServerSetting:
    """What 设置 shows of the township's mailbox: its address and the pinned certificate."""

    url: str
    tls_pin: str  # SHA-256 of the township's certificate, from its card; "" for none

    @property
    def pin_groups(self) -> str:
        """The pin as groups of eight hex digits, to compare with what the township reads out."""
        return " ".join(self.tls_pin[i : i + 8] for i in range(0, len(self.tls_pin), 8))


def server_setting(session: Session) -> ServerSetting:
    row = session.get(NetSyncState, 1)
    return ServerSetting(row.server_url if row else "", row.tls_pin if row else "")


def _upstream(session: Session) -> Peer:
    """The peer this store syncs up to: a village's township, a township's county."""
    role = UPSTREAM.get(get_profile(session).role)
    town = [p for p in device_keys.peers(session) if p.role == role and p.revoked_at is None]
    if not town:
        raise _err(
            QT_TRANSLATE_NOOP("NetSync", "还没有信任上级（乡镇卫生院或县级）的设备卡：请先核对指纹并导入它")
        )
    return town[0]


# ------------------------------------------------------------------------------- one run


@dataclass
class RunReport:
    ok: bool = False
    uploaded: int = 0
    downloaded: int = 0
    ops_sent: int = 0
    ops_received: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    outcomes: list[exchange.ImportOutcome] = field(default_factory=list)
    error: UserError | None = None
    next_try_at: dt.datetime | None = None
    seconds: float = 0.0

    def as_json(self, translate=None) -> dict:
        return {
            "ok": self.ok,
            "uploaded": self.uploaded,
            "downloaded": self.downloaded,
            "ops_sent": self.ops_sent,
            "ops_received": self.ops_received,
            "bytes_up": self.bytes_up,
            "bytes_down": self.bytes_down,
            "imports": [o.as_json(translate) for o in self.outcomes],
            "error": (self.error.render(translate) if translate else self.error.render())
            if self.error
            else None,
            "next_try_at": self.next_try_at.isoformat(timespec="seconds") + "Z" if self.next_try_at else None,
            "seconds": round(self.seconds, 3),
        }


ClientFactory = Callable[..., transport.MailboxClient]


def sync_once(
    store: Store,
    paths: Paths,
    *,
    server: str | None = None,
    interval_s: float = INTERVAL_S,
    client_factory: ClientFactory = transport.MailboxClient,
    cancelled: Callable[[], bool] = lambda: False,
) -> RunReport:
    """One run: reach the mailbox, push, pull, import; the state and a history row are recorded
    whatever happens.  Errors the user can act on come back in ``report.error`` (never raised),
    except that nothing runs without an address, a trusted township, or the right to sync, nor
    while another run of this data folder, or of this database server's store, is under way
    (:class:`SyncBusy`: said before anything, the store's write lock included, is taken)."""
    with _alone(store, paths):
        return _sync_once(store, paths, server, interval_s, client_factory, cancelled)


@contextlib.contextmanager
def _alone(store: Store, paths: Paths) -> Iterator[None]:
    """Held while a network run is under way: one run at a time per data folder (the window's and a
    scheduled task's) and, on a database server, per store (the workstations of a township sharing
    it send its changes as one sender: two at once sent them twice and fetched its bundles twice).
    :class:`SyncBusy` at once where another run holds it."""
    paths.sub("outbox").mkdir(parents=True, exist_ok=True)
    here = filelock.FileLock(paths.sub("outbox") / ".network-run.lock")
    try:
        here.acquire(timeout=0)
    except filelock.Timeout:
        raise SyncBusy(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "NetSync",
                    "本机已有一次同步正在进行（程序窗口的自动同步，或计划任务）：这次不再同步，等它完成即可",
                ),
                {},
            )
        ) from None
    try:
        if store.engine.dialect.name != "postgresql":
            yield
            return
        # a session-level advisory lock on a connection of its own, ended with the run (or with the
        # connection, should this process die); no transaction is left open meanwhile
        with store.engine.connect() as conn:
            released = False
            try:
                taken = conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({PG_NETWORK_RUN_LOCK})").scalar()
                conn.commit()
                if not taken:
                    released = True  # (never held)
                    raise SyncBusy(
                        Message(
                            CTX,
                            QT_TRANSLATE_NOOP(
                                "NetSync",
                                "共用这个数据库的另一台工作站正在同步：这次不再同步，等它完成即可",
                            ),
                            {},
                        )
                    )
                try:
                    yield
                finally:
                    try:
                        conn.exec_driver_sql(f"SELECT pg_advisory_unlock({PG_NETWORK_RUN_LOCK})")
                        conn.commit()
                        released = True
                    except Exception:  # (the connection broke): closed below, which ends the lock
                        log.warning("the network run's lock was not let go", exc_info=True)
            finally:
                if not released:  # whatever stopped it: the connection, lock and all, is not pooled again
                    conn.invalidate()
    finally:
        here.release()


def _sync_once(store, paths, server, interval_s, client_factory, cancelled) -> RunReport:
    started, t0 = utcnow(), time.perf_counter()
    with store.transaction() as s:
        authz.require(s, "sync")
        me = get_profile(s)
        if me.role not in UPSTREAM:
            raise _err(QT_TRANSLATE_NOOP("NetSync", "网络同步由下级发起；县级请运行 cunyi serve"))
        if server:
            set_server(s, server)
        row = _row(s)
        if not row.server_url:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "NetSync", "还没有设置乡镇卫生院服务器地址：请在“同步”页填写，或用 --server 指定"
                )
            )
        url, pin, device_id = row.server_url, row.tls_pin, me.device_id
        upstream = _upstream(s)
        town, town_key = upstream.device_id, upstream.sign_key
    keys = device_keys.keys_for_store(store, paths.sub("keys"))
    report = RunReport()
    client = client_factory(url, keys, device_id, pin=pin, answer_key=town_key)
    try:
        _same_time(client, client.health())  # before a bundle is made under a wrong clock
        refused = _round(store, paths, client, town, keys, report, cancelled)
        if refused is not None and any(o.renumbered for o in report.outcomes):
            # refused for a number the PC this one replaced gave too: this PC's own records have
            # new numbers now (numbers.py), and what it sends again is taken
            refused = _round(store, paths, client, town, keys, report, cancelled)
        if refused is not None:
            raise refused
        turned_away = next((o for o in report.outcomes if o.status == "rejected"), None)
        if (
            turned_away is not None
        ):  # (the village cut off from its township, while every request went through)
            raise _err(
                QT_TRANSLATE_NOOP(
                    "NetSync",
                    "本机拒收了上级发来的同步包（{file}）：{reason}。本机未导入它，以后的同步包也会因此收不到，"
                    "请联系上级核对",
                ),
                file=turned_away.file,
                reason=turned_away.reason,
            )
        report.ok = True
    except UserError as e:
        report.error = e
        log.info("network sync: %s", e.render())
    except Exception as e:  # a bug, or the disk: logged; the service itself goes on with its back-off
        log.exception("network sync run failed")
        report.error = unavailable(e) or _disk_full(e)  # (a full disk, said so: the doctor can act)
        if report.error is None:
            report.error = _err(QT_TRANSLATE_NOOP("NetSync", "同步时出错（详见日志），稍后会自动重试"))
    finally:
        report.bytes_up, report.bytes_down = client.bytes_up, client.bytes_down
        client.close()
    report.seconds = time.perf_counter() - t0
    _record(store, report, started, interval_s)
    return report


class SyncBusy(UserError):
    """Another run of this data folder, or of this database server's store, is under way (two at
    once sent everything twice and wrote one download's part file together, which was then set
    aside as damaged)."""


def _round(store: Store, paths: Paths, client, town, keys, report: RunReport, cancelled) -> Refused | None:
    """Push, pull, and hear back of uploads imported since.  The township's refusal of a bundle of
    this PC's (the last one heard of is returned) does not stop the pull: what the township sends
    may put it right."""
    refused = None
    try:
        _push(store, paths, client, town, report)
    except Refused as e:
        refused = e
    _pull(store, paths, client, keys, report, cancelled)
    try:
        _hear_back(store, paths, client)
    except Refused as e:
        refused = e
    return refused


def _same_time(client: transport.MailboxClient, health: dict) -> None:
    """Refuse to go on when this PC's clock is outside the mailbox's window of the server's time
    (``health``'s): the signed requests would be refused for it, and a bundle exported first would
    carry the wrong clock's stamps, to be refused again after the clock is put right."""
    server_ms = health.get("time_ms") if isinstance(health, dict) else None
    if type(server_ms) is not int:
        return  # (a server that does not say: its refusal of the first signed request will)
    pc_ms = client.clock()
    if abs(pc_ms - server_ms) > transport.CLOCK_WINDOW_MS:
        raise transport.clock_error(pc_ms, server_ms)


def _push(store: Store, paths: Paths, client: transport.MailboxClient, town, report: RunReport) -> None:
    """A bundle left by an interrupted run goes first, as it is (it resumes); a new one is made
    only when none was left (it would carry the same changes again)."""
    folder = outbox(paths)
    folder.mkdir(parents=True, exist_ok=True)
    sent_before = report.uploaded
    for f in sorted(folder.glob("*" + bundle.SUFFIX)):  # made by an earlier run: its changes counted as sent
        before = report.uploaded
        _upload(store, paths, client, f, report)
        if report.uploaded > before:
            report.ops_sent += _ops_of(store, bundle_id_of(f.name))
    if report.uploaded == sent_before and not _on_its_way(paths, client) and worth_sending(store, town):
        # a township's first bundle to its county is its snapshot (snapshot.wanted)
        result = snapshot.export_bundles(store, paths, folder, peer=town.hex, network=True)
        report.ops_sent += sum(b.ops for b in result.bundles)
        for b in result.bundles:
            if b.path is not None:
                _upload(store, paths, client, b.path, report)


def _upload(store: Store, paths: Paths, client: transport.MailboxClient, f: Path, report: RunReport) -> None:
    try:
        header = bundle.read_header(f)
        state = client.upload(f, header.bundle_id.hex)
    except bundle.BundleError as e:  # damaged here (a disk error): set aside, a new one is made
        _set_aside(paths, f, e.render())
        _note_failed(store, bundle_id_of(f.name), e.message)
        return
    except transport.BundleRefused as e:
        _set_aside(paths, f, e.render())
        _note_failed(store, header.bundle_id, e.message)
        raise
    status = state.get("status")
    if status in ("queued", "applied", "already"):
        if status == "queued":  # imported in the background: its outcome is asked for (_hear_back)
            _awaited(paths).mkdir(parents=True, exist_ok=True)
            (_awaited(paths) / f"{header.bundle_id.hex}.json").write_text(
                json.dumps({"name": f.name}),
                encoding="utf-8",  # asked about until AWAITED_DAYS old
            )
        f.unlink()
        report.uploaded += 1
    else:  # the township refused it on import: kept aside with the reason, not sent again
        reason = transport.said(state, str(state.get("reason") or status))
        _set_aside(paths, f, reason.render())
        _note_failed(store, header.bundle_id, _refused(reason).message)
        raise _refused(reason)


def _ops_of(store: Store, bundle_id: uuid.UUID | None) -> int:
    """The changes a bundle this PC made carries, as its history records them."""
    if bundle_id is None:
        return 0
    with store.session() as s:
        return (
            s.scalar(
                select(BundleRecord.ops).where(
                    BundleRecord.bundle_id == bundle_id, BundleRecord.direction == "out"
                )
            )
            or 0
        )


class Refused(UserError):
    """The township refused a bundle of this PC's on import (its reason within)."""


def _refused(reason: Message) -> Refused:
    return Refused(Message(CTX, transport.REFUSED, {"reason": reason}))


def bundle_id_of(file_name: str) -> uuid.UUID | None:
    """The bundle id a bundle's file name ends with (bundle.file_name), None for another name."""
    parts = file_name.removesuffix(bundle.SUFFIX).split("_")
    return uuid.UUID(parts[-1]) if len(parts) == 3 and bundle.HEX32.match(parts[-1]) else None


def _note_failed(store: Store, bundle_id: uuid.UUID | None, why: Message) -> None:
    """The history's word on a bundle this PC made that the township will never take (refused,
    or damaged before it went): its record "out" says why, in the user's language when shown."""
    if bundle_id is None:
        return
    text = why.stored(exchange.REASON_CHARS)
    with store.transaction() as s:
        s.execute(
            update(BundleRecord)
            .where(BundleRecord.bundle_id == bundle_id, BundleRecord.direction == "out")
            .values(reason=text)
        )


AWAITED_DAYS = 7  # how long the word on a queued upload is asked for (the mailbox keeps it 1–2 days)


def _awaited(paths: Paths) -> Path:
    """Uploads the township queued for its import, whose outcome this PC has not heard yet."""
    return paths.sub("sync-awaited")


def _on_its_way(paths: Paths, client: transport.MailboxClient) -> bool:
    """Whether an upload of an earlier run was imported at the township and its word has not come
    back (a run cut off after the upload: the township's server stopped before importing it, and
    imported it at its start): what it carries is acknowledged by this run's pull, and is not made
    into a bundle and sent again meanwhile (all of it went twice).  One still queued there is no
    such promise (an import that fails, the disk full, leaves it queued until the server restarts):
    what it carries is sent again."""
    folder, held = _awaited(paths), False
    for f in sorted(folder.glob("*.json")) if folder.exists() else []:
        if bundle.HEX32.match(f.stem) and client.upload_state(f.stem).get("status") in ("applied", "already"):
            f.unlink(missing_ok=True)  # heard: it holds back this run's bundle only (a pull cut off
            held = True  # again and again, its word never heard, held back every later one)
    return held


def _hear_back(store: Store, paths: Paths, client: transport.MailboxClient) -> None:
    """The outcome of each upload queued at the township: applied is forgotten; refused on import
    (e.g. a change this PC may not send) is this run's error in plain words, so that a village is
    never told 同步完成 while the township sets every bundle it sends aside."""
    folder = _awaited(paths)
    refused = []
    for f in sorted(folder.glob("*.json")) if folder.exists() else []:
        upload_id = f.stem
        state = client.upload_state(upload_id) if bundle.HEX32.match(upload_id) else {}
        status = state.get("status")
        if status == "queued":
            age = time.time() - f.stat().st_mtime
            if age < AWAITED_DAYS * 86400:
                continue  # the township has not imported it yet: asked again next run
        elif status not in (None, "partial", "applied", "already"):
            refused.append(transport.said(state, str(state.get("reason") or status)))
            _note_failed(store, uuid.UUID(upload_id), _refused(refused[-1]).message)
        f.unlink(missing_ok=True)  # heard (or the mailbox no longer knows it)
    if refused:
        raise _refused(refused[-1])


def _set_aside(paths: Paths, f: Path, reason: str) -> None:
    """A bundle that will not go: into quarantine with its reason (as imports do), out of the way."""
    dest = paths.sub("quarantine") / f.name
    dest.parent.mkdir(exist_ok=True)
    shutil.move(str(f), dest)
    dest.with_name(dest.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")


EXCHANGE_ACTIONS = ("export", "import")  # the audit entries every exchange writes of itself


def worth_sending(store: Store, town) -> bool:
    """Whether the township lacks anything but the audit entries of earlier exchanges: a change,
    another audit entry, or word that this PC received its changes.  Exchanges' own entries wait for
    the next real change (sending them alone would make an entry, and a reply, every run)."""
    with store.session() as s:
        me = get_profile(s).device_id
        peer = s.get(Peer, town)

        def last(direction: str, *where) -> int:
            q = select(func.max(BundleRecord.id)).where(
                BundleRecord.peer == town, BundleRecord.direction == direction, *where
            )
            return s.scalar(q) or 0

        if last("in", BundleRecord.ops > 0) > last("out"):
            return True  # changes came in since: the township learns we have them (else it resends)
        lo = int((peer.acked or {}).get(me.hex, 0))
        own = (ChangeLog.entity != "audit_log") | AuditEntry.action.not_in(EXCHANGE_ACTIONS)
        q = (
            select(ChangeLog.seq)
            .outerjoin(AuditEntry, (ChangeLog.entity == "audit_log") & (AuditEntry.id == ChangeLog.row_id))
            .where(ChangeLog.origin == me, ChangeLog.seq > lo, own)
            .limit(1)
        )
        # The first time, export also logs rows written before change capture (log_untracked).
        if peer.last_export_at is None or s.scalar(q) is not None:
            return True
        # A township relays its villages' changes up to the county: any the county lacks.
        relayed = {o: r for o, r in exchange._wanted(peer, exchange.holdings(s)).items() if o != me}
        return bool(relayed) and exchange._count(s, peer, relayed) > 0


def _pull(store, paths, client, keys, report: RunReport, cancelled) -> None:
    waiting = client.waiting()
    # a download begun of a bundle the township no longer holds (made again since): its part goes
    listed = {item.name + ".part" for item in waiting}
    for part in inbox(paths).glob("*" + bundle.SUFFIX + ".part") if inbox(paths).is_dir() else ():
        if part.name not in listed:
            part.unlink(missing_ok=True)
    for item in waiting:
        if cancelled():
            raise exchange.Cancelled()
        path = client.download(item, inbox(paths))
        outcome = exchange.import_file(store, paths, path, keys, cancelled=cancelled, network=True)
        path.unlink(missing_ok=True)  # applied or known; a rejected one went to quarantine
        report.outcomes.append(outcome)
        report.downloaded += 1
        report.ops_received += outcome.ops
        # A rejected bundle is acknowledged too: the township sends its changes again in the next
        # one (they stay unacknowledged), and fetching the same bad file again would not help.
        client.ack(item.name)


def _record(store: Store, report: RunReport, started: dt.datetime, interval_s: float) -> None:
    now = utcnow()
    with store.transaction() as s:
        row = _row(s)
        row.last_attempt_at = now
        if report.ok:
            row.last_success_at, row.failures, row.last_error = now, 0, None
        else:
            row.failures += 1
            row.last_error = report.error.message.stored() if report.error else None
        # A revoked PC is taken again only once the township trusts its card again: it asks
        # seldom meanwhile (and the 同步 page shows no next try; 立即同步 asks at once).
        wait = BACKOFF_MAX_S if report.error and is_revoked(report.error.message) else None
        row.next_try_at = now + dt.timedelta(seconds=wait or backoff_s(row.failures, interval_s))
        report.next_try_at = row.next_try_at
        s.add(
            NetSyncRun(
                started_at=started,
                finished_at=now,
                ok=report.ok,
                uploaded=report.uploaded,
                downloaded=report.downloaded,
                ops_sent=report.ops_sent,
                ops_received=report.ops_received,
                bytes_up=report.bytes_up,
                bytes_down=report.bytes_down,
                # why it failed, or what an import that went well has to say (numbers.notice)
                error=row.last_error if not report.ok else _notice(report),
            )
        )
        s.flush()
        oldest_kept = s.scalar(select(NetSyncRun.id).order_by(NetSyncRun.id.desc()).offset(HISTORY_KEPT - 1))
        if oldest_kept:
            s.execute(delete(NetSyncRun).where(NetSyncRun.id < oldest_kept))


def _notice(report: RunReport) -> str | None:
    said = numbers.noted([r for o in report.outcomes for r in o.renumbered], 4000)
    return said.stored() if said is not None else None


# ------------------------------------------------------------------------------- the service


def _next_try(row: NetSyncState | None) -> dt.datetime | None:
    """When the next run is due: never further off than a run sets it (the longest interval or
    back-off).  A time recorded under a clock since put right (the PC a few days ahead) would
    otherwise hold every run back, and show a date, that many days ahead."""
    if row is None or row.next_try_at is None:
        return None
    return min(row.next_try_at, utcnow() + dt.timedelta(seconds=max(INTERVAL_S, BACKOFF_MAX_S)))


def seconds_until_next(store: Store) -> float:
    with store.session() as s:
        row = s.get(NetSyncState, 1)
        if row is None or row.next_try_at is None:
            return 0.0
        return max(0.0, (_next_try(row) - utcnow()).total_seconds())


def configured(store: Store) -> bool:
    """Whether runs can start: a village with a mailbox address whose actor may sync (asked
    without auditing a refusal: the service asks every few minutes)."""
    with store.session() as s:
        row = s.get(NetSyncState, 1)
        me = get_profile(s)
        return bool(row and row.server_url) and me.role in UPSTREAM and authz.permits(s, "sync")


def run_service(
    store: Store,
    paths: Paths,
    stop: threading.Event,
    *,
    wake: threading.Event | None = None,
    interval_s: float = INTERVAL_S,
    on_report: Callable[[RunReport], None] = lambda r: None,
    client_factory: ClientFactory = transport.MailboxClient,
) -> None:
    """Run after run until ``stop`` is set: each waits for its time (the interval, or the back-off
    after failures), or for ``wake`` (立即同步; whoever sets ``stop`` sets ``wake`` too).  The
    township being away for days only lengthens the waits up to the back-off's ceiling; the first
    run that reaches it sends everything.  Without an address the service waits for one."""
    wake = wake or stop
    while not stop.is_set():
        delay = seconds_until_next(store) if configured(store) else interval_s
        if delay > 0:
            woken = wake.wait(delay)
            if wake is not stop:
                wake.clear()
            if stop.is_set():
                return
            if not configured(store) or (not woken and seconds_until_next(store) > 0):
                continue
        if wake is not stop:  # this run answers every 立即同步 asked for until now (a run due at
            wake.clear()  # once does not wait, and its wake would otherwise start a second run)
        started = utcnow()
        try:
            report = sync_once(store, paths, interval_s=interval_s, client_factory=client_factory)
        except SyncBusy:  # (a scheduled task's run, meanwhile: this one's turn comes at the next)
            wake.wait(interval_s)
            if wake is not stop:
                wake.clear()
            continue
        except UserError as e:  # no upper level trusted yet, the township's card revoked meanwhile …
            report = RunReport(error=e)
            with contextlib.suppress(UserError):  # said where the page says why a run failed
                _record(store, report, started, interval_s)
            stop.wait(min(interval_s, 5.0))
        on_report(report)

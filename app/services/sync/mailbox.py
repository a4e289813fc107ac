"""The township's mailbox (``cunyi serve``): villages upload their bundles and fetch the ones
addressed to them over HTTP, on Starlette and uvicorn.  Same bundle files as on a USB stick.

On disk, under ``<data>/mailbox/``:
    uploads/<device>/<upload id>.part (+ .json: declared length)   bytes received so far
    incoming/<bundle file>                                          complete, checked, waiting for import
    results/<upload id>.json                                        what became of an upload
    out/<device>/<bundle file> (+ .sha256)                          waiting for that village

A single worker thread per store runs every import and export, in order: a village's uploads are
imported before the export that answers its next listing, and the township's own GUI (another
process) and the server only ever wait for SQLite's write lock, never for each other's work.
Everything the worker has to do is on disk first, so a server killed at any moment picks up again
at start (complete uploads are finished, queued ones imported); importing a bundle twice is a no-op.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import concurrent.futures
import contextlib
import hashlib
import json
import logging
import queue
import re
import shutil
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import func, select
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from app import __version__
from app.config import PRIVATE_DIR, Paths, make_private
from app.db import Store
from app.i18n import QT_TRANSLATE_NOOP
from app.models import BundleRecord, Peer
from app.services.errors import Message, StoreMoved, StoreUnavailable, UserError
from app.services.profile import COUNTY, TOWNSHIP, get_profile
from app.services.records.validators import halfwidth, is_digits
from app.services.sync import bundle, capture, exchange, snapshot, transport
from app.services.sync import keys as device_keys

log = logging.getLogger(__name__)
# How long an idle connection is kept open for a client's next request: longer than a client keeps
# it (transport.KEEPALIVE_S), so that no client sends a request on a connection closing that
# instant (uvicorn's default, 5 s, was the client's too).
KEEPALIVE_S = 30
# How long a connection may take to send a request's line and headers (after it opens, or after
# the keep-alive wait): a client that sends them a byte at a time, or never, is cut off; a few
# hundred such connections held open locked every village out
HEADERS_S = 10
# Connections served at once: beyond, a request is answered 503 (the village tries again) rather
# than the server running out of file handles
MOST_CONNECTIONS = 256
# Connections served at once from one address: beyond, a new one is closed as it opens.  Found by
# an attacker: one machine holding 255 idle connections open (an unsigned health probe every few
# seconds) locked every village out.  Villages behind one NAT address stay well within it.
MOST_PER_ADDRESS = 64

CTX = "NetSync"

MAX_BUNDLE_BYTES = bundle.MAX_NETWORK_BYTES  # one upload
RESERVE_BYTES = 256 << 20  # never let uploads take the disk's last space
CLOCK_WINDOW_MS = transport.CLOCK_WINDOW_MS
MAX_PARTIAL_UPLOADS = 8  # per device, at once
STALE_UPLOAD_S = 7 * 86_400  # an upload untouched this long was given up
EMPTY_UPLOAD_S = 3600  # an upload declared and never sent a byte of, as long as this: given up too
RESULTS_KEPT_S = 30 * 86_400
DISK_CHECK_BYTES = 8 * 1024 * 1024  # an upload looks at the free space again after each 8 MB
READ_BLOCK = 64 << 10
RETRY_BUSY_S = 30.0  # an import that found the store busy (another writer past the wait) tries again
LISTING_WAIT_S = 15.0  # a listing waits this long for the imports before it, then says "ask again"
# An upload's connection that sends nothing for this long is given up (a village's router lost its
# power: the connection is never closed, and held the upload's lock until the server restarted)
UPLOAD_IDLE_S = 60.0
MIN_UPLOAD_RATE = 256  # bytes a second: a chunk sent slower than this (a 1 MB chunk: 68 min) is given up
BUSY_RETRY_S = 5  # told to a second connection of an upload under way: ask again after this long


SNAPSHOT_MARK = ".snapshot"  # beside a waiting bundle that is a snapshot: never made again
# beside a waiting bundle whose download began: kept until acknowledged, the village resumes it (a
# mark on disk: a restart forgot it, made the bundle again, and the village's download started over)
FETCHING_MARK = ".fetching"


def _beside(path: Path, suffix: str) -> Path:
    """The file beside a waiting bundle that says something of it (its SHA-256, a snapshot)."""
    return path.with_name(path.name + suffix)


async def _idle_limited(blocks, idle_s: float, total_s: float):
    """The blocks of an async stream, refusing (TimeoutError) a wait of more than ``idle_s`` for
    the next, or of more than ``total_s`` for them all: a connection that went silent, or one that
    sends a byte a minute and so holds its upload, is not waited for without end."""
    it = blocks.__aiter__()
    deadline = asyncio.get_running_loop().time() + total_s
    while True:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            raise TimeoutError
        try:
            block = await asyncio.wait_for(it.__anext__(), min(idle_s, left))
        except StopAsyncIteration:
            return
        yield block


@dataclass(frozen=True)
class Caller:
    device_id: uuid.UUID
    code: str
    name: str
    sign_key: str
    revoked: bool = False


class Refused(HTTPException):
    """An HTTP refusal with a machine code and one sentence (the source text; villages show their own)."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict | None = None, **extra):
        super().__init__(status, message, headers)
        self.code, self.extra = code, extra


@dataclass
class MailboxConfig:
    max_bundle_bytes: int = MAX_BUNDLE_BYTES
    reserve_bytes: int = RESERVE_BYTES
    clock_window_ms: int = CLOCK_WINDOW_MS
    # The server's link, each way, in bytes per second (0: as fast as it goes).  A slow link on
    # loopback (tests, ``cunyi bench``, ``serve --rate-limit``): every byte waits for its turn.
    rate_bytes_per_s: int = 0


class Mailbox:
    """The mailbox of one township store: its folders, the import worker and the seen nonces."""

    def __init__(self, store: Store, paths: Paths, config: MailboxConfig | None = None):
        self.store, self.paths = store, paths
        self.config = config or MailboxConfig()
        with store.session() as s:
            me = get_profile(s)
            if me.role not in (TOWNSHIP, COUNTY):
                raise UserError(
                    Message(CTX, QT_TRANSLATE_NOOP("NetSync", "只有乡镇卫生院或县级的电脑能运行同步服务器"))
                )
            self.device_id, self.code, self.name = me.device_id, me.code, me.name
        self.keys = device_keys.keys_for_store(store, paths.sub("keys"))
        self.root = paths.sub("mailbox")
        for sub in ("uploads", "incoming", "results", "out"):  # (owner-only, as the data folder's own)
            (self.root / sub).mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
            make_private(self.root / sub)
        make_private(self.root)
        # Nonces seen within the clock window, on disk: a request replayed after a restart is
        # refused too.  Its own small database, so the store's write lock is never waited for.
        self._nonces = sqlite3.connect(self.root / "nonces.db", check_same_thread=False, isolation_level=None)
        self._nonces.execute("PRAGMA journal_mode=WAL")
        self._nonces.execute("PRAGMA synchronous=NORMAL")
        self._nonces.execute(
            "CREATE TABLE IF NOT EXISTS nonce (device TEXT, nonce TEXT, t INTEGER, PRIMARY KEY (device, nonce))"
        )
        self._nonce_count = 0
        self._exports: dict[uuid.UUID, concurrent.futures.Future] = {}
        self._exports_lock = threading.Lock()
        self._locks: dict[str, asyncio.Lock] = {}
        self._writing: dict[str, int] = {}  # upload (device/id) -> the offset its connection began at
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self.imported = 0  # bundles applied since start (status)
        # Set when the store turns out to have been moved to a server (migrate-store) while this
        # server ran on its file: every request is then refused with it (503, the village
        # retries), and what was uploaded waits in incoming/ for the server restarted on it.
        self.moved: str | None = None

    # ----------------------------------------------------------------------------- the worker

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="mailbox-worker", daemon=True)
        self._thread.start()
        self._recover()

    def stop(self, *, wait: bool = True) -> None:
        """Stop the worker after its current job (``wait=False``: without waiting, as a killed
        process would; queued jobs are dropped, and found again on disk at the next start)."""
        if self._thread is not None:
            if not wait:
                self._jobs.queue.clear()
            self._jobs.put(None)
            if wait:
                self._thread.join(timeout=60)
            self._thread = None
        if wait:
            self._nonces.close()

    def submit(self, job: Callable[[], object]) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((job, future))
        return future

    def _work(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job())
            except BaseException as e:  # reported to whoever waits; the worker goes on
                log.exception("mailbox job failed")
                future.set_exception(e)

    def _recover(self) -> None:
        """After a restart (or a kill): finish complete uploads, import what was queued."""
        for meta in sorted((self.root / "uploads").glob("*/*.json")):
            part = meta.with_suffix(".part")
            try:
                total = int(json.loads(meta.read_text())["length"])
                device = uuid.UUID(meta.parent.name)
            except (OSError, ValueError, KeyError):
                continue
            if part.exists() and part.stat().st_size == total:
                try:  # one bad upload (its sender revoked since, a file that is no bundle) never stops the start
                    caller = self._caller(device)
                    if caller is not None and caller.revoked:
                        raise Refused(403, "revoked", "该设备已被乡镇卫生院撤销信任")
                    if caller is not None:
                        self._finish_upload(caller, meta.stem, part)
                except Refused as e:
                    log.warning("upload %s refused at start: %s", meta.stem, e.detail)
                    part.unlink(missing_ok=True)
                    meta.unlink(missing_ok=True)
                except Exception:
                    log.exception("upload %s could not be finished at start: removed", meta.stem)
                    part.unlink(missing_ok=True)
                    meta.unlink(missing_ok=True)
        for f in sorted((self.root / "incoming").glob("*" + bundle.SUFFIX)):
            self._queue_import(f)
        for folder in (self.root / "uploads").iterdir():
            self._forget_stale(folder)
        cutoff = time.time() - RESULTS_KEPT_S  # what became of old uploads: asked about for a day or two
        for f in (self.root / "results").glob("*/*.json"):
            with contextlib.suppress(OSError):
                if f.stat().st_mtime < cutoff:
                    f.unlink()

    def _forget_stale(self, folder: Path) -> None:
        """Uploads nobody has added to for days were given up (the village sends a new bundle
        with the same changes), and so were those declared an hour ago with not a byte since:
        they must not hold a slot, nor the disk they declared."""
        now = time.time()
        for meta in folder.glob("*.json"):
            part = meta.with_suffix(".part")
            with contextlib.suppress(OSError):
                if self._busy(folder.name, meta.stem):
                    continue
                if not part.exists():  # (a record alone)
                    meta.unlink()
                    continue
                st = part.stat()
                if st.st_mtime < now - (STALE_UPLOAD_S if st.st_size else EMPTY_UPLOAD_S):
                    part.unlink(missing_ok=True)
                    meta.unlink()
        for part in folder.glob("*.part"):  # bytes whose record is gone
            with contextlib.suppress(OSError):
                if not part.with_suffix(".json").exists() and part.stat().st_mtime < now - STALE_UPLOAD_S:
                    part.unlink()

    def _queue_import(self, f: Path) -> concurrent.futures.Future:
        return self.submit(lambda: self._import(f))

    def _import(self, f: Path) -> str:
        sender, _recipient, upload_id = f.stem.split("_")
        length = f.stat().st_size
        try:
            outcome = exchange.import_file(self.store, self.paths, f, self.keys, network=True)
        except StoreMoved as e:
            self._moved(e)
            return "moved"
        except StoreUnavailable:  # (another writer held the store past the wait): tried again shortly
            log.warning("import of %s waits: the store is busy; trying again in %d s", f.name, RETRY_BUSY_S)
            timer = threading.Timer(RETRY_BUSY_S, lambda: self._retry(f))
            timer.daemon = True
            timer.start()
            return "busy"
        reason = outcome.reason.render() if outcome.reason else None
        detail = outcome.reason.as_data() if outcome.reason else None  # (the village's own language)
        self._write_result(
            sender,
            upload_id,
            {"status": outcome.status, "length": length, "reason": reason, "detail": detail},
        )
        f.unlink(missing_ok=True)  # applied or already there; a rejected one went to quarantine
        if outcome.status == "applied":
            self.imported += 1
        log.info("import %s: %s", f.name, outcome.status)
        return outcome.status

    def _retry(self, f: Path) -> None:
        if self._thread is not None and f.exists():  # (not once the server stopped: found at its start)
            self._queue_import(f)

    def _moved(self, error: StoreMoved) -> None:
        if self.moved is None:
            log.error("the store was moved to a server: restart cunyi serve on it (%s)", error.render())
        self.moved = error.render()

    def export_for(self, caller: Caller) -> concurrent.futures.Future:
        """The export answering ``caller``, queued once (a village asking again while it waits
        gets the same one)."""
        with self._exports_lock:
            future = self._exports.get(caller.device_id)
            if future is None or future.done():
                future = self._exports[caller.device_id] = self.submit(lambda: self._export_for(caller))
            return future

    def _export_for(self, caller: Caller) -> None:
        try:
            self._export_now(caller)
        except StoreMoved as e:
            self._moved(e)
            raise

    def _export_now(self, caller: Caller) -> None:
        folder = self.root / "out" / caller.device_id.hex
        folder.mkdir(exist_ok=True)
        waiting = list(folder.glob("*" + bundle.SUFFIX))
        if waiting:
            # the village has not fetched the last one yet: it carries the same changes, but says
            # nothing of what arrived since (the village would send all of it again): made again,
            # unless its download began (a slow link resumes it) or it is a replacement PC's whole
            # village (large: resumed, never made again)
            if any(_beside(f, FETCHING_MARK).exists() or _beside(f, SNAPSHOT_MARK).exists() for f in waiting):
                return
            with self.store.session() as s:
                if not self._arrived_since(s, caller.device_id):
                    return
            for f in waiting:
                self.remove_waiting(f)
        elif not self._worth_exporting(caller.device_id):
            return
        with self.store.session() as s:
            whole = snapshot.wanted(s, caller.device_id)
        if whole:  # a replacement PC: its village's records as rows, in one bundle
            result = snapshot.export(self.store, self.paths, folder, caller.device_id, network=True)
        else:
            result = exchange.export_bundles(
                self.store, self.paths, folder, peer=caller.device_id.hex, network=True
            )
        for b in result.bundles:
            if b.path is not None:
                sha = hashlib.sha256()
                with open(b.path, "rb") as f:
                    while block := f.read(1 << 20):
                        sha.update(block)
                _beside(b.path, ".sha256").write_text(sha.hexdigest())
                if whole:
                    _beside(b.path, SNAPSHOT_MARK).touch()

    def _worth_exporting(self, device: uuid.UUID) -> bool:
        """Whether the village lacks a change it would receive, or word that its changes arrived.
        (The township's own audit entries of each exchange never go to villages: a bundle for
        them alone would make another entry, and a reply, every run.)"""
        with self.store.session() as s:
            peer = s.get(Peer, device)
            if peer.last_export_at is None:
                return True
            if exchange._count(s, peer, exchange._wanted(peer, exchange.holdings(s))) > 0:
                return True
            return self._arrived_since(s, device)

    @staticmethod
    def _arrived_since(s, device: uuid.UUID) -> bool:
        """Whether changes of the village arrived after the last bundle made for it (which does
        not acknowledge them)."""

        def last(direction: str, *where) -> int:
            q = select(func.max(BundleRecord.id)).where(
                BundleRecord.peer == device, BundleRecord.direction == direction, *where
            )
            return s.scalar(q) or 0

        return last("in", BundleRecord.ops > 0) > last("out")

    def _result_path(self, device_hex: str, upload_id: str) -> Path:
        return self.root / "results" / device_hex / f"{upload_id}.json"

    def _write_result(self, device_hex: str, upload_id: str, data: dict) -> None:
        path = self._result_path(device_hex, upload_id)
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    def _result(self, device_hex: str, upload_id: str) -> dict | None:
        try:
            return json.loads(self._result_path(device_hex, upload_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    # ----------------------------------------------------------------------------- who calls

    def _caller(self, device: uuid.UUID) -> Caller | None:
        with self.store.session() as s:
            peer = s.get(Peer, device)
            if peer is None:
                return None
            return Caller(peer.device_id, peer.code, peer.name, peer.sign_key, peer.revoked_at is not None)

    def authenticate(self, request: Request, body_sha: str | None = None) -> Caller:
        """The signed caller of ``request``, or a refusal (401 unknown or bad signature, 403
        revoked, 401 clock or replay)."""
        if self.moved is not None:
            raise Refused(503, "store_moved", self.moved)
        h = request.headers
        try:
            device = uuid.UUID(h[transport.H_DEVICE])
            timestamp, nonce, claimed = h[transport.H_TIME], h[transport.H_NONCE], h[transport.H_BODY]
            signature = base64.b64decode(h[transport.H_SIGNATURE], validate=True)
            if not is_digits(timestamp):  # int() takes any script's digits
                raise ValueError(timestamp)
            sent_ms = int(timestamp)
        except (KeyError, ValueError):
            raise Refused(401, "unsigned", "请求没有有效的设备签名") from None
        if not (8 <= len(nonce) <= 64) or not bundle.HEX32.match(claimed[:32]) or len(claimed) != 64:
            raise Refused(401, "unsigned", "请求没有有效的设备签名")
        if body_sha is not None and claimed != body_sha:
            raise Refused(401, "signature", "请求内容与签名不符")
        caller = self._caller(device)
        if caller is None:
            raise Refused(401, "unknown_device", "乡镇卫生院不认识这台设备：请先导入它的设备卡")
        target = transport.request_target(request.scope)
        text = transport.signing_text(request.method, target, timestamp, nonce, claimed, request.headers)
        if not device_keys.verify(caller.sign_key, signature, text):
            raise Refused(401, "signature", "请求的签名不符")
        if caller.revoked:  # (said only to the holder of its key: no one else learns it)
            raise Refused(403, "revoked", "该设备已被乡镇卫生院撤销信任")
        now = capture.wall_ms()
        if abs(sent_ms - now) > self.config.clock_window_ms:
            raise Refused(
                401,
                "clock",
                "请求时间与服务器时钟相差太大：请校准村卫生室电脑的日期和时间",
                server_time_ms=now,
            )
        try:
            self._nonces.execute("INSERT INTO nonce VALUES (?, ?, ?)", (device.hex, nonce, sent_ms))
        except sqlite3.IntegrityError:
            raise Refused(401, "replay", "重复的请求（重放），已拒绝") from None
        self._nonce_count += 1
        if self._nonce_count % 1000 == 0:  # nonces whose time is outside the window are refused anyway
            self._nonces.execute("DELETE FROM nonce WHERE t < ?", (now - 2 * self.config.clock_window_ms,))
        return caller

    # ----------------------------------------------------------------------------- uploads

    def _upload_paths(self, caller: Caller, upload_id: str) -> tuple[Path, Path]:
        folder = self.root / "uploads" / caller.device_id.hex
        return folder / f"{upload_id}.part", folder / f"{upload_id}.json"

    def upload_state(self, caller: Caller, upload_id: str) -> dict:
        done = self._result(caller.device_id.hex, upload_id)
        if done is not None:
            return {"upload_id": upload_id, "offset": done.get("length", 0), **done}
        part, _ = self._upload_paths(caller, upload_id)
        writing = self._writing.get(f"{caller.device_id.hex}/{upload_id}")
        if writing is not None:  # bytes another connection is sending are not checked yet
            return {
                "upload_id": upload_id,
                "status": "partial",
                "offset": writing,
                "retry_after": BUSY_RETRY_S,
            }
        return {
            "upload_id": upload_id,
            "status": "partial",
            "offset": part.stat().st_size if part.exists() else 0,
        }

    def _finish_upload(self, caller: Caller, upload_id: str, part: Path) -> dict:
        """A complete upload: the bundle's header, sender, recipient and signature are checked
        here (garbage never reaches the queue), then it waits in ``incoming/`` for the worker."""
        meta = part.with_suffix(".json")
        try:
            header = bundle.read_header(part)
            if header.sender != caller.device_id or header.recipient != self.device_id:
                raise bundle.BundleError(
                    "foreign", QT_TRANSLATE_NOOP("NetSync", "同步包的发送方或接收方不符")
                )
            if header.bundle_id.hex != upload_id:
                raise bundle.BundleError("foreign", QT_TRANSLATE_NOOP("NetSync", "同步包编号与上传编号不符"))
            bundle.verify(part, header, caller.sign_key)
        except UserError as e:
            part.unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
            raise Refused(422, "bundle", e.render(), detail=e.message.as_data()) from None
        except Exception:  # whatever else the checks met: nothing of it is kept, the village resends
            log.exception("upload %s could not be checked", upload_id)
            part.unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
            raise Refused(422, "bundle", "同步包无法检查，未接收（详见服务器日志）") from None
        length = part.stat().st_size
        self._write_result(caller.device_id.hex, upload_id, {"status": "queued", "length": length})
        dest = self.root / "incoming" / bundle.file_name(header.sender, header.recipient, header.bundle_id)
        part.replace(dest)
        meta.unlink(missing_ok=True)
        self._queue_import(dest)
        return {"upload_id": upload_id, "status": "queued", "offset": length}

    async def receive(self, request: Request, upload_id: str) -> tuple[dict, int]:
        """Take the next bytes of an upload; returns the upload's state and the HTTP status
        (200 more to send, 201 complete and queued, 409 resend from the offset given)."""
        caller = self.authenticate(request)  # the body's hash is checked once it has arrived
        if not bundle.HEX32.match(upload_id):
            raise Refused(404, "not_found", "上传编号无效")
        h = request.headers
        if "Content-Length" not in h:
            raise Refused(411, "length_required", "缺少 Content-Length")
        numbers = [h.get(k, "") for k in ("Upload-Offset", "Upload-Length", "Content-Length")]
        if not all(is_digits(n) and len(n) <= 15 for n in numbers):  # (int() takes "+1_0", "٣")
            raise Refused(400, "headers", "缺少或无效的 Upload-Offset、Upload-Length")
        offset, total, length = map(int, numbers)
        if total <= 0:  # (no bundle is empty: not "too large", as it was said)
            raise Refused(400, "headers", "Upload-Length 为 0：同步包不会是空的")
        if total > self.config.max_bundle_bytes:
            raise Refused(413, "too_large", "同步包超过允许的大小")
        if offset + length > total:
            raise Refused(413, "too_large", "上传的内容超过声明的长度")
        key = f"{caller.device_id.hex}/{upload_id}"
        lock = self._locks.setdefault(key, asyncio.Lock())
        if lock.locked():  # the same upload on another connection: ask again after retry_after
            return self.upload_state(caller, upload_id), 409
        try:
            async with lock:
                try:
                    return await self._receive(request, caller, upload_id, key, offset, total, length)
                finally:
                    self._writing.pop(key, None)
        finally:  # (one lock an upload id ever sent was kept for good: memory without bound)
            if self._locks.get(key) is lock and not lock.locked():
                del self._locks[key]

    async def _receive(
        self, request: Request, caller: Caller, upload_id: str, key: str, offset: int, total: int, length: int
    ) -> tuple[dict, int]:
        """:meth:`receive` holding the upload's lock."""
        h = request.headers
        state = self.upload_state(caller, upload_id)
        if state["status"] != "partial":
            return state, 200
        part, meta = self._upload_paths(caller, upload_id)
        part.parent.mkdir(exist_ok=True)
        if offset != state["offset"]:  # before anything is recorded of an upload not begun
            return state, 409
        if meta.exists():
            if int(json.loads(meta.read_text())["length"]) != total:
                raise Refused(409, "length", "上传长度与先前声明的不同")
        else:
            self._forget_stale(part.parent)
            self._make_room(part.parent, total)
            # every upload declared counts (its record), whether bytes of it arrived or not
            if not self._make_count(part.parent):
                raise Refused(429, "too_many", "未完成的上传太多")
            if shutil.disk_usage(self.root).free - self._promised() - total < self.config.reserve_bytes:
                raise Refused(507, "disk_full", "服务器磁盘空间不足")
            part.touch()
            meta.write_text(json.dumps({"length": total}))
        sha, got, checked = hashlib.sha256(), 0, 0
        self._writing[key] = offset
        with open(part, "ab") as f:
            try:
                slowest = UPLOAD_IDLE_S + length / MIN_UPLOAD_RATE  # (a chunk over the slowest link)
                async for block in _idle_limited(request.stream(), UPLOAD_IDLE_S, slowest):
                    got += len(block)
                    if got > length:
                        f.truncate(offset)
                        raise Refused(413, "too_large", "上传的内容超过声明的长度")
                    if got - checked >= DISK_CHECK_BYTES:  # the disk shared with others' uploads
                        checked = got
                        if shutil.disk_usage(self.root).free < self.config.reserve_bytes:
                            f.truncate(offset)
                            raise Refused(507, "disk_full", "服务器磁盘空间不足")
                    sha.update(block)
                    f.write(block)
                f.flush()
            except ClientDisconnect:  # bytes whose hash was never checked are not kept
                f.truncate(offset)
                return state, 400
            except TimeoutError:  # nothing for UPLOAD_IDLE_S: given up, the lock released
                f.truncate(offset)
                raise Refused(408, "idle", "上传中断：长时间没有收到数据") from None
            except OSError:
                log.exception("upload %s: writing failed", upload_id)
                with contextlib.suppress(OSError):
                    f.truncate(offset)
                raise Refused(507, "disk_full", "服务器无法写入上传内容（磁盘已满？）") from None
        if got != length or sha.hexdigest() != h[transport.H_BODY]:
            with open(part, "r+b") as f:
                f.truncate(offset)
            raise Refused(400, "body", "上传内容与签名中的校验值不符")
        if offset + got < total:
            return {**state, "offset": offset + got}, 200
        return await asyncio.to_thread(self._finish_upload, caller, upload_id, part), 201

    def _promised(self, pattern: str = "*/*.json") -> int:
        """Bytes the unfinished uploads (of every device, or those ``pattern`` names) may still
        write: declared, not yet sent."""
        return sum(self._unsent(meta) for meta in (self.root / "uploads").glob(pattern))

    @staticmethod
    def _unsent(meta: Path) -> int:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            part = meta.with_suffix(".part")
            sent = part.stat().st_size if part.exists() else 0
            return max(0, int(json.loads(meta.read_text())["length"]) - sent)
        return 0

    def _busy(self, device_hex: str, upload_id: str) -> bool:
        lock = self._locks.get(f"{device_hex}/{upload_id}")
        return lock is not None and lock.locked()

    def _make_count(self, folder: Path) -> bool:
        """Room for one more of a device's unfinished uploads: its oldest ones not being sent are
        given up past MAX_PARTIAL_UPLOADS (uploads it left kept it out for a week).  False: as
        many are being sent right now."""
        metas = sorted(folder.glob("*.json"), key=lambda m: m.stat().st_mtime)
        idle = [m for m in metas if not self._busy(folder.name, m.stem)]
        while idle and len(metas) >= MAX_PARTIAL_UPLOADS:
            meta = idle.pop(0)
            meta.with_suffix(".part").unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
            metas.remove(meta)
        return len(metas) < MAX_PARTIAL_UPLOADS

    def _make_room(self, folder: Path, total: int) -> None:
        """A device's declared uploads never promise more than one bundle's most, whatever their
        number: a new one first gives up the device's own oldest unfinished ones (a village goes
        on with its newest; one it comes back to starts again from its first byte)."""
        limit = self.config.max_bundle_bytes
        metas = sorted(folder.glob("*.json"), key=lambda m: m.stat().st_mtime)
        while metas and self._promised(f"{folder.name}/*.json") + total > limit:
            meta = metas.pop(0)
            if not self._busy(folder.name, meta.stem):
                meta.with_suffix(".part").unlink(missing_ok=True)
                meta.unlink(missing_ok=True)

    # ----------------------------------------------------------------------------- downloads

    def waiting(self, caller: Caller) -> list[dict]:
        folder = self.root / "out" / caller.device_id.hex
        rows = []
        for f in sorted(folder.glob("*" + bundle.SUFFIX)):
            sha_file = _beside(f, ".sha256")
            if sha_file.exists():
                rows.append(
                    {"name": f.name, "size": f.stat().st_size, "sha256": sha_file.read_text().strip()}
                )
        return rows

    def remove_waiting(self, path: Path) -> None:
        """A waiting bundle acknowledged (or made again): it and what is said of it beside it."""
        path.unlink(missing_ok=True)
        for mark in (".sha256", SNAPSHOT_MARK, FETCHING_MARK):
            _beside(path, mark).unlink(missing_ok=True)

    def taken(self, caller: Caller, name: str) -> None:
        """The township's history learns that the village fetched its bundle (best effort: the
        acknowledgement stands even when the store cannot be written just now)."""
        bundle_id = uuid.UUID(bundle.NAME.match(name).group(3))
        try:
            with self.store.transaction() as s:
                exchange.note_taken(s, bundle_id, caller.device_id)
        except (StoreUnavailable, StoreMoved) as e:
            log.warning("could not note that %s was fetched: %s", name, e.render())

    def outgoing(self, caller: Caller, name: str) -> Path:
        if not bundle.NAME.match(name):
            raise Refused(404, "not_found", "没有这个同步包")
        path = self.root / "out" / caller.device_id.hex / name
        if not path.is_file():
            raise Refused(404, "not_found", "没有这个同步包")
        _beside(path, FETCHING_MARK).touch()  # its download began: kept until acknowledged (resumed)
        return path


# --------------------------------------------------------------------------------- the HTTP app


# A refused request's connection is closed after the answer (an unsigned upload that declared a
# gigabyte was read to its end to keep the connection open), as is one that asked unsigned: no
# connection is kept open for a caller who never signed.
CLOSE = {"Connection": "close"}
BUNDLE_BYTES = "application/octet-stream"  # a download's answer: the one not signed (signed_answers)


def _refusal_response(request: Request, exc: Exception) -> Response:
    if isinstance(exc, Refused):
        body = {"error": exc.code, "message": exc.detail, **exc.extra}
        headers = {**(exc.headers or {}), transport.H_SERVER_TIME: str(capture.wall_ms()), **CLOSE}
        return JSONResponse(body, status_code=exc.status_code, headers=headers)
    if isinstance(exc, HTTPException):
        return JSONResponse(
            {"error": "http", "message": exc.detail}, status_code=exc.status_code, headers=CLOSE
        )
    # anything else: the one error shape, in plain words (the details go to the server's log)
    return JSONResponse(
        {"error": "internal", "message": "服务器内部错误（详见服务器日志）"}, status_code=500, headers=CLOSE
    )


def _range(header: str | None, size: int) -> tuple[int, int] | None:
    """The bytes ``Range`` asks for within ``size`` (``bytes=a-b``, ``bytes=a-``, or the last n:
    ``bytes=-n``); None: the whole file, also for a header it does not read (several ranges, other
    units), as RFC 9110 lets a server answer.  A range past the end is refused (416) with the
    file's size."""
    m = re.fullmatch(r"bytes=([0-9]{0,15})-([0-9]{0,15})", (header or "").strip())  # (\d: any script's)
    if not m or not (m.group(1) or m.group(2)):
        return None
    if not m.group(1):  # the last n bytes
        start, end = max(0, size - int(m.group(2))), size - 1
        if int(m.group(2)) == 0:
            start = size  # (none of them: unsatisfiable)
    else:
        start = int(m.group(1))
        end = int(m.group(2)) if m.group(2) else max(start, size - 1)
        if end < start:
            return None  # (not a valid range: ignored)
    if start >= size:
        raise Refused(416, "range", "Range 超出文件范围", headers={"Content-Range": f"bytes */{size}"})
    return start, min(end, size - 1)


def _file_blocks(path: Path, start: int, count: int):
    with open(path, "rb") as f:
        f.seek(start)
        while count > 0:
            block = f.read(min(READ_BLOCK, count))
            if not block:
                return
            count -= len(block)
            yield block


def create_app(mailbox: Mailbox) -> Starlette:
    """The ASGI app of ``mailbox`` (its worker starts and stops with the app)."""

    def auth(request: Request) -> Caller:
        return mailbox.authenticate(request, transport.EMPTY_SHA)

    def upload_id_of(request: Request) -> str:
        upload_id = request.path_params["upload_id"]
        if not bundle.HEX32.match(upload_id):
            raise Refused(404, "not_found", "上传编号无效")
        return upload_id

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "time_ms": capture.wall_ms(), "version": __version__}, headers=CLOSE)

    async def status(request: Request) -> Response:
        caller = auth(request)
        return JSONResponse(
            {
                "device_id": mailbox.device_id.hex,
                "code": mailbox.code,
                "name": mailbox.name,
                "time_ms": capture.wall_ms(),
                "queued": mailbox._jobs.qsize(),
                "imported": mailbox.imported,
                "waiting": len(mailbox.waiting(caller)),
                "version": __version__,
            }
        )

    async def upload_state(request: Request) -> Response:
        caller = auth(request)
        return JSONResponse(mailbox.upload_state(caller, upload_id_of(request)))

    async def upload(request: Request) -> Response:
        state, code = await mailbox.receive(request, request.path_params["upload_id"])
        return JSONResponse(state, status_code=code)

    async def listing(request: Request) -> Response:
        caller = auth(request)
        # After this village's queued imports (the worker runs in order) the export answers them.
        # A big import takes a while: the village is told to ask again rather than kept waiting.
        future = mailbox.export_for(caller)
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), LISTING_WAIT_S)
        except TimeoutError:
            return JSONResponse({"bundles": [], "pending": True, "retry_after": 2}, status_code=202)
        except StoreMoved as e:
            raise Refused(503, "store_moved", e.render()) from None
        except StoreUnavailable as e:  # held by another writer past the wait: nothing made, asked again
            raise Refused(503, "busy", e.render(), headers={"Retry-After": "30"}) from None
        except UserError as e:  # e.g. revoked meanwhile: said, not a server error
            raise Refused(409, "export", e.render()) from None
        return JSONResponse({"bundles": mailbox.waiting(caller), "pending": False})

    async def download(request: Request) -> Response:
        caller = auth(request)
        path = mailbox.outgoing(caller, request.path_params["name"])
        size = path.stat().st_size
        wanted = _range(request.headers.get("Range"), size)
        headers = {"Accept-Ranges": "bytes"}
        if wanted is None:
            headers["Content-Length"] = str(size)
            return StreamingResponse(_file_blocks(path, 0, size), media_type=BUNDLE_BYTES, headers=headers)
        start, end = wanted
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        headers["Content-Length"] = str(end - start + 1)
        return StreamingResponse(
            _file_blocks(path, start, end - start + 1),
            status_code=206,
            media_type=BUNDLE_BYTES,
            headers=headers,
        )

    async def ack(request: Request) -> Response:
        caller = auth(request)
        path = mailbox.outgoing(caller, request.path_params["name"])
        mailbox.remove_waiting(path)
        await run_in_threadpool(mailbox.taken, caller, path.name)
        return JSONResponse({"name": path.name, "status": "acknowledged"})

    async def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app):
        mailbox.start()
        try:
            yield
        finally:
            mailbox.stop()

    routes = [
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/status", status, methods=["GET"]),
        Route("/v1/uploads/{upload_id}", upload_state, methods=["GET"]),
        Route("/v1/uploads/{upload_id}", upload, methods=["PUT"]),
        Route("/v1/bundles", listing, methods=["GET"]),
        Route("/v1/bundles/{name}", download, methods=["GET"]),
        Route("/v1/bundles/{name}/ack", ack, methods=["POST"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    return Starlette(
        routes=routes,
        exception_handlers={HTTPException: _refusal_response, Exception: _refusal_response},
        lifespan=lifespan,
    )


# --------------------------------------------------------------------------------- the schema

_ERROR = {"$ref": "#/components/schemas/Error"}
_SIGNED = [{"device": []}]


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


def _refusals(*codes: int) -> dict:
    names = {
        400: "bad request",
        401: "unsigned, unknown device, bad signature, clock outside the window, or a replayed nonce",
        403: "device revoked",
        404: "no such upload or bundle",
        408: "the upload's connection sent nothing for a minute: given up (send again from its offset)",
        409: "another offset or length than the mailbox holds, or nothing can be exported now",
        411: "no Content-Length",
        413: "larger than allowed or than declared",
        416: "range outside the file",
        422: "not a bundle of this device for this township",
        429: "too many unfinished uploads",
        503: "the township's store was moved to a database server (this server must be restarted on it), "
        "or is held by another writer (ask again later)",
        507: "not enough disk space",
    }
    if 401 in codes:  # every signed request: refused while the store is elsewhere (Mailbox.moved)
        codes = (*codes, 503)
    return {str(c): {"description": names[c], **_json(_ERROR)} for c in codes}


_UPLOAD_STATE = {
    "type": "object",
    "required": ["status", "offset"],
    "properties": {
        "upload_id": {"type": "string"},
        "status": {
            "type": "string",
            "enum": ["partial", "queued", "applied", "already", "foreign", "rejected"],
        },
        "offset": {"type": "integer", "minimum": 0},
        "length": {"type": "integer"},
        "reason": {"type": ["string", "null"]},
        "detail": {"oneOf": [{"$ref": "#/components/schemas/Said"}, {"type": "null"}]},
        "retry_after": {"type": "number", "minimum": 0},
    },
}
_UPLOAD_ID = {"name": "upload_id", "in": "path", "required": True, "schema": {"type": "string"}}
_NAME = {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "CunYi township mailbox", "version": "1"},
    "components": {
        "securitySchemes": {
            "device": {
                "type": "apiKey",
                "in": "header",
                "name": transport.H_SIGNATURE,
                "description": (
                    f"Ed25519 signature (base64) by the device {transport.H_DEVICE} names, over the "
                    f"UTF-8 text {transport.PREFIX.decode()!r} followed by these lines joined by "
                    "'\\n': the method in capitals; the path with its query string as sent "
                    f"(percent-encoded); {transport.H_TIME} (ms since 1970); {transport.H_NONCE}; "
                    f"{transport.H_BODY} (hex SHA-256 of the body); then, for each of "
                    f"{', '.join(transport.SIGNED_HEADERS)}, 'name:value' with the name in lower "
                    "case and the value as sent (empty when the header is absent).  The server's "
                    f"answer to a signed request (all but a bundle's bytes) carries {transport.H_ANSWER}: "
                    "its Ed25519 signature (base64, by the key on the township's device card) over "
                    f"{transport.ANSWER_PREFIX.decode()!r} followed by the request's nonce, its "
                    f"{transport.H_DEVICE}, its method, its path with query as sent, the answer's status "
                    "code and the hex SHA-256 of the answer's body, joined by '\\n'."
                ),
            }
        },
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["error", "message"],
                "properties": {
                    "error": {"type": "string"},
                    "message": {"type": "string"},
                    "server_time_ms": {"type": "integer"},
                    "detail": {"$ref": "#/components/schemas/Said"},
                },
            },
            # A refusal's words as a message to render in the reader's language (errors.Message):
            # context, source text, parameters (text, lists of text, or messages in turn).
            "Said": {
                "type": "object",
                "required": ["c", "t"],
                "properties": {"c": {"type": "string"}, "t": {"type": "string"}, "p": {"type": "object"}},
            },
        },
    },
    "paths": {
        "/v1/health": {
            "get": {
                "summary": "reachability (unsigned)",
                "responses": {
                    "200": {
                        "description": "up",
                        **_json(
                            {
                                "type": "object",
                                "required": ["ok", "time_ms"],
                                "properties": {
                                    "ok": {"type": "boolean"},
                                    "time_ms": {"type": "integer"},
                                    "version": {"type": "string"},
                                },
                            }
                        ),
                    }
                },
            }
        },
        "/v1/status": {
            "get": {
                "summary": "the township and its queue",
                "security": _SIGNED,
                "responses": {
                    "200": {
                        "description": "status",
                        **_json(
                            {
                                "type": "object",
                                "required": ["device_id", "code", "time_ms", "queued", "waiting"],
                                "properties": {
                                    "device_id": {"type": "string"},
                                    "code": {"type": "string"},
                                    "name": {"type": "string"},
                                    "time_ms": {"type": "integer"},
                                    "queued": {"type": "integer"},
                                    "imported": {"type": "integer"},
                                    "waiting": {"type": "integer"},
                                    "version": {"type": "string"},
                                },
                            }
                        ),
                    },
                    **_refusals(401, 403),
                },
            }
        },
        "/v1/uploads/{upload_id}": {
            "parameters": [_UPLOAD_ID],
            "get": {
                "summary": "how much of an upload the mailbox holds, or what became of it",
                "security": _SIGNED,
                "responses": {
                    "200": {"description": "state", **_json(_UPLOAD_STATE)},
                    **_refusals(401, 403, 404),
                },
            },
            "put": {
                "summary": "the next bytes of a bundle, from Upload-Offset; the last ones queue it for import",
                "security": _SIGNED,
                "parameters": [
                    {
                        "name": "Upload-Offset",
                        "in": "header",
                        "required": True,
                        "schema": {"type": "integer"},
                    },
                    {
                        "name": "Upload-Length",
                        "in": "header",
                        "required": True,
                        "schema": {"type": "integer"},
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                    },
                },
                "responses": {
                    "200": {"description": "received; more to send", **_json(_UPLOAD_STATE)},
                    "201": {"description": "complete and queued for import", **_json(_UPLOAD_STATE)},
                    "409": {
                        "description": "resend from the offset given (after retry_after seconds, when"
                        " given: another connection is sending the upload)",
                        **_json(_UPLOAD_STATE),
                    },
                    **_refusals(400, 401, 403, 404, 408, 411, 413, 422, 429, 507),
                },
            },
        },
        "/v1/bundles": {
            "get": {
                "summary": "bundles waiting for the calling device",
                "security": _SIGNED,
                "responses": {
                    "200": {
                        "description": "waiting",
                        **_json(
                            {
                                "type": "object",
                                "required": ["bundles"],
                                "properties": {
                                    "pending": {"type": "boolean"},
                                    "retry_after": {"type": "number"},
                                    "bundles": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["name", "size", "sha256"],
                                            "properties": {
                                                "name": {"type": "string"},
                                                "size": {"type": "integer"},
                                                "sha256": {"type": "string"},
                                            },
                                        },
                                    },
                                },
                            }
                        ),
                    },
                    **_refusals(401, 403, 409),
                },
            }
        },
        "/v1/bundles/{name}": {
            "parameters": [_NAME],
            "get": {
                "summary": "one waiting bundle (HTTP Range supported)",
                "security": _SIGNED,
                "parameters": [
                    {"name": "Range", "in": "header", "required": False, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {"description": "the bundle", "content": {"application/octet-stream": {}}},
                    "206": {"description": "part of the bundle", "content": {"application/octet-stream": {}}},
                    **_refusals(401, 403, 404, 416),
                },
            },
        },
        "/v1/bundles/{name}/ack": {
            "parameters": [_NAME],
            "post": {
                "summary": "the bundle was imported: the mailbox forgets it",
                "security": _SIGNED,
                "responses": {
                    "200": {
                        "description": "forgotten",
                        **_json(
                            {
                                "type": "object",
                                "required": ["name", "status"],
                                "properties": {"name": {"type": "string"}, "status": {"type": "string"}},
                            }
                        ),
                    },
                    **_refusals(401, 403, 404),
                },
            },
        },
        "/openapi.json": {
            "get": {
                "summary": "this schema",
                "responses": {"200": {"description": "OpenAPI 3.1", **_json({"type": "object"})}},
            }
        },
    },
}


_LISTING = OPENAPI["paths"]["/v1/bundles"]["get"]["responses"]
_LISTING["202"] = {**_LISTING["200"], "description": "imports still running: ask again after retry_after s"}


# --------------------------------------------------------------------------------- a slow link


class RateLimit:
    """One direction of a link of ``bytes_per_s``, shared by every connection: a block of n
    bytes takes its turn after the blocks before it and occupies the link n / rate seconds."""

    def __init__(self, bytes_per_s: float):
        self.rate = float(bytes_per_s)
        self._free_at = 0.0
        self._lock = threading.Lock()

    def reserve(self, n: int) -> float:
        """Take the link for ``n`` bytes; returns how long until they have gone through."""
        with self._lock:
            now = time.monotonic()
            self._free_at = max(now, self._free_at) + n / self.rate
            return self._free_at - now


THROTTLE_BLOCK = 4096


@cache
def _headers_in_time():
    """uvicorn's h11 protocol, with a deadline for each request's line and headers (:data:`HEADERS_S`):
    uvicorn times out a connection idle between requests, not one that never finishes its first."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    open_from: collections.Counter = collections.Counter()  # connections open, by address

    class HeadersInTime(H11Protocol):
        _deadline = None
        _address = None

        def _arm(self, seconds: float) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            cycle = self.cycle
            self._deadline = self.loop.call_later(seconds, lambda: self._late(cycle))

        def _late(self, cycle) -> None:
            # no request begun since (the same cycle) and none whole yet (h11 waits in IDLE)
            if self.cycle is cycle and self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                log.info("a connection sent no whole request within %s s: closed", HEADERS_S)
                self.transport.close()

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            peer = transport.get_extra_info("peername")
            self._address = peer[0] if isinstance(peer, tuple) and peer else None
            open_from[self._address] += 1
            if open_from[self._address] > MOST_PER_ADDRESS:
                log.warning("%s holds %s connections: one more closed", self._address, MOST_PER_ADDRESS)
                transport.close()
                return
            self._arm(HEADERS_S)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm(KEEPALIVE_S + HEADERS_S)  # (the wait for a next request, then its headers)

        def connection_lost(self, exc) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            open_from[self._address] -= 1
            if open_from[self._address] <= 0:
                del open_from[self._address]
            super().connection_lost(exc)

    return HeadersInTime


def signed_answers(app, keys: device_keys.DeviceKeys):
    """``app`` with its answers to signed requests (those naming a nonce) signed with this device's
    key (:func:`transport.answer_text`, in :data:`transport.H_ANSWER`), bound to the request as it
    arrived: a village takes no server's word for the township's (a sync done, a refusal).  A
    bundle's bytes (which carry their own signature) pass as they are."""
    nonce_header, device_header = transport.H_NONCE.lower().encode(), transport.H_DEVICE.lower().encode()

    async def signing(scope, receive, send):
        nonce = device = None
        if scope["type"] == "http":
            for k, v in scope["headers"]:
                if k == nonce_header:
                    nonce = v.decode("latin-1")
                elif k == device_header:
                    device = v.decode("latin-1")
        if nonce is None:
            await app(scope, receive, send)
            return
        held: dict | None = None
        body = bytearray()

        async def sending(message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message["headers"]}
                if not headers.get("content-type", "").startswith(BUNDLE_BYTES):
                    held = message  # (sent with its signature once the body is whole)
                    return
            elif message["type"] == "http.response.body" and held is not None:
                body.extend(message.get("body", b""))
                if message.get("more_body"):
                    return
                text = transport.answer_text(
                    nonce,
                    device or "",
                    scope["method"],
                    transport.request_target(scope),
                    held["status"],
                    bytes(body),
                )
                signature = base64.b64encode(device_keys.sign(keys, text))
                await send(
                    {**held, "headers": [*held["headers"], (transport.H_ANSWER.lower().encode(), signature)]}
                )
                held = None
                await send({"type": "http.response.body", "body": bytes(body)})
                return
            await send(message)

        await app(scope, receive, sending)

    return signing


def throttled(app, bytes_per_s: int):
    """``app`` behind a link of ``bytes_per_s`` each way: response bodies go out, and request
    bodies are taken in, a block at a time at that rate (TCP holds the rest back), so a transfer
    takes as long as it would over that link and a dropped connection drops it part way."""
    down, up = RateLimit(bytes_per_s), RateLimit(bytes_per_s)

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)

        async def slow_send(message):
            if message["type"] != "http.response.body" or not message.get("body"):
                return await send(message)
            body, more = message["body"], message.get("more_body", False)
            for i in range(0, len(body), THROTTLE_BLOCK):
                piece = body[i : i + THROTTLE_BLOCK]
                await asyncio.sleep(down.reserve(len(piece)))
                last = i + THROTTLE_BLOCK >= len(body)
                await send({"type": "http.response.body", "body": piece, "more_body": more or not last})

        async def slow_receive():
            message = await receive()
            if message["type"] == "http.request" and message.get("body"):
                await asyncio.sleep(up.reserve(len(message["body"])))
            return message

        await app(scope, slow_receive, slow_send)

    return wrapped


# ------------------------------------------------------------------- serving from the GUI

DEFAULT_PORT = 8765


def set_serving(session, port: int | str | None) -> int | None:
    """Open the sync server whenever CunYi runs here, on ``port`` (None: no more).  Only a township
    or a county serves; a port below 1024 needs an administrator's system rights, so it is refused."""
    from app.services import settings
    from app.services.access import authz

    authz.require(session, "sync")
    if port is None:
        settings.put(session, settings.SERVE_PORT, "")
        return None
    if get_profile(session).role not in (TOWNSHIP, COUNTY):
        raise UserError(
            Message(CTX, QT_TRANSLATE_NOOP("NetSync", "只有乡镇卫生院或县级的电脑能运行同步服务器"))
        )
    text = halfwidth(str(port)).strip()  # (８７６５ from a Chinese input method)
    if not is_digits(text) or not 1024 <= int(text) <= 65535:
        raise UserError(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("NetSync", "端口应是 1024 到 65535 之间的整数，不是“{port}”"),
                {"port": text},
            )
        )
    settings.put(session, settings.SERVE_PORT, str(int(text)))
    return int(text)


def lan_addresses() -> list[str]:
    """This PC's IPv4 addresses other PCs may reach it at (not loopback), best first: the one its
    default route leaves by, then those its name resolves to.  Empty on a PC with no network."""
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # (a UDP "connect" sends nothing: it picks the route)
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    return list(dict.fromkeys(a for a in found if not a.startswith(("127.", "0."))))


# --------------------------------------------------------------------------------- running it


UVICORN_CANCELS = "Cancel %s running task(s), timeout graceful shutdown exceeded"  # uvicorn.server
CUT_OFF = (
    "a transfer still running when the server stopped was cut off: the device resumes it at its next sync"
)


class _CutOffAtStop(logging.Filter):
    """uvicorn cancels the requests still running when the server stops (a download to a village on
    a slow link outlasts the graceful wait; an abrupt stop cancels them at once), and its own wait
    for the end, and logs each as an error with a traceback on the operator's console.  Nothing
    failed: a transfer cut off there resumes from its byte at the device's next sync.  So a cut-off
    transfer is one line, and uvicorn's count of what it cancels and the end of the server's own
    wait are not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == UVICORN_CANCELS:  # said of each transfer below
            return False
        cancelled = bool(record.exc_info) and isinstance(record.exc_info[1], asyncio.CancelledError)
        if "lifespan" in record.pathname:  # Starlette hands uvicorn the traceback as the message
            return not (cancelled or "CancelledError" in str(record.msg))
        if not cancelled:
            return True
        record.msg, record.args = CUT_OFF, ()
        record.exc_info, record.exc_text = None, None
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


def _quiet_cut_offs() -> None:
    """:class:`_CutOffAtStop` on uvicorn's error log, once."""
    uvicorn_log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _CutOffAtStop) for f in uvicorn_log.filters):
        uvicorn_log.addFilter(_CutOffAtStop())


class Server:
    """uvicorn serving a mailbox on a socket bound here (port 0: any free port), in this thread
    (``run``, for ``cunyi serve``) or a background one (``start``, for tests and the bench)."""

    def __init__(
        self,
        store: Store,
        paths: Paths,
        *,
        host: str = "127.0.0.1",
        port: int = 8765,
        tls_cert: str | None = None,
        tls_key: str | None = None,
        config: MailboxConfig | None = None,
    ):
        import uvicorn

        self.mailbox = Mailbox(store, paths, config)
        self.app = signed_answers(create_app(self.mailbox), self.mailbox.keys)
        if self.mailbox.config.rate_bytes_per_s > 0:
            self.app = throttled(self.app, self.mailbox.config.rate_bytes_per_s)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
        except OSError as e:
            self.socket.close()
            raise UserError(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("NetSync", "无法在 {host}:{port} 上开启服务：{reason}"),
                    {"host": host, "port": port, "reason": e.strerror or str(e)},
                )
            ) from None
        self.host, self.port = host, self.socket.getsockname()[1]
        self.scheme = "https" if tls_cert else "http"
        self.uvicorn = uvicorn.Server(
            uvicorn.Config(
                self.app,
                log_level="warning",
                ssl_certfile=tls_cert,
                ssl_keyfile=tls_key,
                timeout_graceful_shutdown=2,
                timeout_keep_alive=KEEPALIVE_S,
                http=_headers_in_time(),
                limit_concurrency=MOST_CONNECTIONS,
                lifespan="on",
            )
        )
        _quiet_cut_offs()  # (after the Config: it sets uvicorn's logging up)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def run(self) -> None:
        self.uvicorn.run(sockets=[self.socket])

    def start(self, timeout: float = 10.0) -> Server:
        self._thread = threading.Thread(target=self.run, name="mailbox-http", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.uvicorn.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("mailbox server did not start")
            time.sleep(0.01)
        return self

    def stop(self, *, abruptly: bool = False) -> None:
        """Stop serving; ``abruptly``: drop open connections and queued work at once, as a killed
        process would (what is on disk stays, and the next start picks it up)."""
        if abruptly:
            self.uvicorn.force_exit = True
            self.mailbox.stop(wait=False)
        self.uvicorn.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
        self.socket.close()

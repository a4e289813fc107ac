"""The network path of bundles (DESIGN.md, "Transport"): signed requests, and the village's client of
the township's mailbox (:mod:`app.services.sync.mailbox`).

Every request carries the calling device's id, the time, a fresh nonce and the SHA-256 of its body,
signed with the device's Ed25519 key (the same key that signs its bundles) over the method, the
path with its query, those three values.  The mailbox refuses unknown devices (401), revoked ones
(403), a time outside its window (naming the clock) and a nonce it has seen.

Transfers resume: an upload asks the mailbox how many bytes it already holds and sends the rest in
signed chunks; a download keeps its ``.part`` file and asks for the rest with an HTTP Range.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import math
import os
import secrets
import shutil
import ssl
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import DISK_RESERVE
from app.i18n import QT_TRANSLATE_NOOP
from app.services.access import audit
from app.services.errors import Message, UserError
from app.services.sync import bundle, capture
from app.services.sync import keys as device_keys

if TYPE_CHECKING:
    import httpx  # (imported where a request is made: the GUI starts without it, and its CLI's rich)

# A connection left idle this long is not used again (httpx's default).  The mailbox keeps an idle
# connection open longer (mailbox.KEEPALIVE_S): were both the same, a request sent on a connection
# the server was closing that instant failed as "unreachable" (a village busy between two requests
# of one sync, 30 villages at once).
KEEPALIVE_S = 5.0

CTX = "NetSync"
# The township's refusal of a bundle of this PC's, in the township's words (whose "本机" is the
# township: said as its words, not this PC's)
REFUSED = QT_TRANSLATE_NOOP("NetSync", "乡镇卫生院拒收了本机的同步包。乡镇卫生院的说明：{reason}")

log = logging.getLogger(__name__)
logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request in the log file
PREFIX = b"cunyi-request-v2\n"  # v2: SIGNED_HEADERS signed too
H_DEVICE, H_TIME, H_NONCE = "X-CunYi-Device", "X-CunYi-Time", "X-CunYi-Nonce"
H_BODY, H_SIGNATURE, H_SERVER_TIME = "X-CunYi-Body-SHA256", "X-CunYi-Signature", "X-CunYi-Server-Time"
# The mailbox's JSON answer to a signed request is signed with its device key (answer_text): over
# plain http, anyone answering at the address had the village report a sync done that was not, or
# show their words as the township's refusal (found by an attacker).  Bundles carry their own.
H_ANSWER = "X-CunYi-Answer-Signature"
ANSWER_PREFIX = b"cunyi-answer-v1\n"
EMPTY_SHA = hashlib.sha256(b"").hexdigest()
CLOCK_WINDOW_MS = 10 * 60_000  # a request's time may differ from the mailbox server's by this much
# bytes per signed upload request: what a cut connection loses (the mailbox keeps whole chunks
# only); 256 KB is half a minute at 64 kbit/s (1 MB was two minutes without a drop)
CHUNK = 256 << 10
# An answer (not a bundle) must come whole within this long, and be no bigger: a server that sends
# a byte every few seconds (never silent long enough for the read timeout) held a run for ever.
ANSWER_DEADLINE_S = 120.0
MAX_ANSWER = 4 << 20
# Every request asks for its answer as sent, never compressed: a few kilobytes of zstd unpacked
# to gigabytes in memory before the limit on an answer's size saw them (found by an attacker);
# an answer compressed all the same is refused unread (MailboxClient._check_answer).
AS_SENT = {"Accept-Encoding": "identity"}
# A download slower than this on average, past its first minute, is given up (what came is kept,
# and the next run goes on from there): as the mailbox gives up an upload (mailbox.MIN_UPLOAD_RATE).
MIN_DOWNLOAD_RATE, RATE_GRACE_S = 256, 60.0
STATUSES = ("partial", "queued", "applied", "already", "foreign", "rejected")  # an upload's (mailbox)
# An upload another connection of this PC is still sending (a run cut off mid-chunk, its
# connection not yet given up by the mailbox: mailbox.UPLOAD_IDLE_S) is asked about again after the
# mailbox's retry_after, for this long at most; then the next run sends it.
BUSY_PATIENCE_S = 90.0
STALLED_TRIES = 5  # answers in a row that move an upload no further: the run stops
MINUTE_MS = 60_000


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


# The mailbox's word that the township revoked this PC (403 "revoked"): kept as the service's
# last error, it is how the 同步 page knows (service.NetState.revoked).
REVOKED = QT_TRANSLATE_NOOP("NetSync", "乡镇卫生院已撤销对本机的信任，不能再同步")
NOT_A_MAILBOX = QT_TRANSLATE_NOOP(
    "NetSync", "{url} 不是乡镇卫生院的同步服务器（没有按村医的方式应答）：请在设置中核对服务器地址"
)
BUSY_UPLOAD = QT_TRANSLATE_NOOP(
    "NetSync", "这个同步包上次的上传连接还没有断开，服务器暂时不能接着收：稍后会自动重试"
)
OVERLONG = QT_TRANSLATE_NOOP("NetSync", "服务器发来的同步包与它列出的大小不符，已停止下载并丢弃")
TIMED_OUT = QT_TRANSLATE_NOOP("NetSync", "乡镇卫生院服务器响应超时，稍后会自动重试")


# ------------------------------------------------------------------------------- signing


# Headers that say where a request's bytes go (an upload's offset and length, a download's range):
# signed with the rest, so that nobody on the way can move a village's bytes (absent: signed empty).
SIGNED_HEADERS = ("Upload-Offset", "Upload-Length", "Range")


def signing_text(
    method: str,
    target: str,
    timestamp: str,
    nonce: str,
    body_sha: str,
    headers: Mapping[str, str] | None = None,
) -> bytes:
    """What a request's signature covers: ``target`` is the path with its query (``/v1/x?a=1``),
    then each of :data:`SIGNED_HEADERS` as sent (``headers``: case-insensitive, as httpx's and
    Starlette's are)."""
    given = headers or {}
    signed = [f"{name.lower()}:{given.get(name, '')}" for name in SIGNED_HEADERS]
    return PREFIX + "\n".join((method.upper(), target, timestamp, nonce, body_sha, *signed)).encode()


def answer_text(nonce: str, device: str, method: str, target: str, status: int, body: bytes) -> bytes:
    """What the mailbox's signature of an answer covers: the request it answers as the caller sent
    it (its nonce, the device it named, its method and target: an answer to a request altered on
    the way, another device named, is no answer to the caller's), the status and the body."""
    sha = hashlib.sha256(body).hexdigest()
    return ANSWER_PREFIX + "\n".join((nonce, device, method.upper(), target, str(status), sha)).encode()


def request_target(scope: dict) -> str:
    """A request's path with its query, as sent (percent-encoded): what its signature and its
    answer's cover, read off the ASGI ``scope``."""
    raw_path = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string") or b""
    return (raw_path + (b"?" + query if query else b"")).decode("latin-1")


def sign_headers(
    keys: device_keys.DeviceKeys,
    device_id: uuid.UUID,
    method: str,
    target: str,
    body_sha: str = EMPTY_SHA,
    *,
    now_ms: int | None = None,
    nonce: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The signature headers of a request whose other headers are ``headers``."""
    timestamp = str(capture.wall_ms() if now_ms is None else now_ms)
    nonce = nonce or secrets.token_hex(16)
    signature = device_keys.sign(keys, signing_text(method, target, timestamp, nonce, body_sha, headers))
    return {
        H_DEVICE: device_id.hex,
        H_TIME: timestamp,
        H_NONCE: nonce,
        H_BODY: body_sha,
        H_SIGNATURE: base64.b64encode(signature).decode(),
    }


def certificate_pin(der: bytes) -> str:
    """The pin of a TLS certificate: SHA-256 of its DER bytes, hex."""
    return hashlib.sha256(der).hexdigest()


def certificate_pin_of_file(pem_path: str | Path) -> str:
    pem = Path(pem_path).read_text(encoding="ascii")
    return certificate_pin(ssl.PEM_cert_to_DER_cert(pem))


# ------------------------------------------------------------------------------- client


@dataclass(frozen=True)
class Waiting:
    """A bundle the mailbox holds for this device."""

    name: str
    size: int
    sha256: str


class BundleRefused(UserError):
    """The mailbox refused a bundle itself (not a bundle of this device for this township)."""


class Unreachable(UserError):
    """The mailbox cannot be reached (network down, server off): try again later."""


def _addressed_to(name: str, device_id: uuid.UUID) -> bool:
    """Whether ``name`` is a bundle's file name (nothing else: no folder, no path) addressed to
    ``device_id``."""
    m = bundle.NAME.match(name)
    return m is not None and m.group(2) == device_id.hex


def _server_error(status: int) -> Unreachable:
    return Unreachable(
        Message(
            CTX,
            QT_TRANSLATE_NOOP("NetSync", "乡镇卫生院服务器暂时出错（{status}），稍后会自动重试"),
            {"status": status},
        )
    )


class MailboxClient:
    """The village's side of the mailbox protocol.  ``pin``: the township certificate's SHA-256
    (from its device card); with ``https`` every response's certificate must match it.
    ``answer_key``: the township's signing key (its card's): every JSON answer to a signed request
    must carry its signature (:func:`answer_text`); None only where no mailbox answers (tests of
    what a server that is none makes of a village)."""

    def __init__(
        self,
        base_url: str,
        keys: device_keys.DeviceKeys,
        device_id: uuid.UUID,
        *,
        pin: str = "",
        answer_key: str | None = None,
        timeout: float = 30.0,
        chunk: int = CHUNK,
        clock: Callable[[], int] = capture.wall_ms,
    ):
        self.base_url = base_url.rstrip("/")
        self.keys, self.device_id, self.pin = keys, device_id, pin.lower()
        self.answer_key = answer_key
        self.chunk = chunk
        self.clock = clock
        self.bytes_up = self.bytes_down = 0
        import httpx

        verify: ssl.SSLContext | bool = True
        if self.base_url.startswith("https://"):
            # The township's certificate is its own (self-signed): trust comes from the pin on its
            # card, checked on every response, not from a certificate authority.
            verify = ssl.create_default_context()
            verify.check_hostname = False
            verify.verify_mode = ssl.CERT_NONE
        self.http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=verify,
            limits=httpx.Limits(keepalive_expiry=KEEPALIVE_S),
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> MailboxClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- plumbing

    def _check_answer(self, response: httpx.Response) -> None:
        """Refuse an answer no mailbox gives: one from a server other than the pinned one (over
        TLS), or one compressed though asked for as sent (:meth:`__init__`)."""
        if response.headers.get("content-encoding", "identity").strip().lower() not in ("", "identity"):
            response.close()
            raise _err(NOT_A_MAILBOX, url=self.base_url)
        self._check_pin(response)

    def _check_signed(self, response: httpx.Response, request: httpx.Request) -> None:
        """Refuse an answer the township did not sign (:data:`H_ANSWER`), whatever it says it is:
        what a server in its place says (a sync done, a refusal in its own words, a clock, a
        revocation) is no word of the township's.  Unsigned, a server error (a proxy's 502, the
        server's own 503 when full) is only that: tried again later, its body unread."""
        if self.answer_key is None:
            return
        try:
            signature = base64.b64decode(response.headers.get(H_ANSWER, ""), validate=True)
        except ValueError:
            signature = b""
        h = request.headers
        text = answer_text(
            h[H_NONCE], h[H_DEVICE], request.method, request.url.raw_path.decode("ascii"),
            response.status_code, response.content,
        )  # fmt: skip
        if signature and device_keys.verify(self.answer_key, signature, text):
            return
        if response.status_code >= 500:
            raise _server_error(response.status_code)
        raise _err(
            QT_TRANSLATE_NOOP(
                "NetSync",
                "服务器的应答没有乡镇卫生院的签名：可能连到了假冒的服务器（或服务器的版本太旧），已停止同步",
            )
        )

    def _check_pin(self, response: httpx.Response) -> None:
        if not self.base_url.startswith("https://"):
            return
        stream = response.extensions.get("network_stream")
        ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if not self.pin or der is None or certificate_pin(der) != self.pin:
            response.close()
            raise _err(
                QT_TRANSLATE_NOOP(
                    "NetSync",
                    "服务器证书与乡镇卫生院设备卡上的指纹不符：可能连到了假冒的服务器，已停止同步",
                )
            )

    def _send(
        self, method: str, target: str, *, body: bytes = b"", headers: dict | None = None, stream=False
    ) -> httpx.Response:
        import httpx

        request = self.http.build_request(
            method, target, content=body, headers={**AS_SENT, **(headers or {})}
        )
        request.headers.update(
            sign_headers(
                self.keys,
                self.device_id,
                method,
                request.url.raw_path.decode("ascii"),  # what the server sees: path and query, encoded
                hashlib.sha256(body).hexdigest(),
                now_ms=self.clock(),
                headers=request.headers,
            )
        )
        try:
            response = self.http.send(request, stream=True)
            self._check_answer(response)
            if not (stream and response.status_code in (200, 206)):  # (a bundle's bytes: their own
                response = self._whole(response)  # signature, and the listing's SHA-256, vouch)
                self._check_signed(response, request)
        except httpx.ReadTimeout as e:
            raise Unreachable(Message(CTX, TIMED_OUT)) from e
        except httpx.TransportError as e:
            raise self._unreachable() from e
        self.bytes_up += len(body)
        if response.status_code >= 400 and response.status_code not in (409, 416):
            raise self._refusal(response)
        return response

    def _unreachable(self) -> Unreachable:
        return Unreachable(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("NetSync", "连不上乡镇卫生院服务器 {url}：网络不通，或服务器没有开"),
                {"url": self.base_url},
            )
        )

    def _whole(self, response: httpx.Response) -> httpx.Response:
        """``response`` (streamed) read whole within :data:`ANSWER_DEADLINE_S`, at most
        :data:`MAX_ANSWER` bytes, as a response of its own."""
        import httpx

        deadline, body = time.monotonic() + ANSWER_DEADLINE_S, bytearray()
        try:
            for block in response.iter_bytes():
                body += block
                if len(body) > MAX_ANSWER:
                    raise _err(NOT_A_MAILBOX, url=self.base_url)
                if time.monotonic() > deadline:
                    raise Unreachable(Message(CTX, TIMED_OUT))
        finally:
            response.close()
        # (the body as read: decoded already, so without the headers that said how it was sent)
        sent_as = ("content-encoding", "content-length", "transfer-encoding")
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in sent_as]
        return httpx.Response(
            response.status_code, headers=headers, content=bytes(body), request=response.request
        )

    def _json(self, response: httpx.Response) -> dict:
        """The mailbox's JSON object of ``response``; anything else is no mailbox's answer (a
        server that answered the health probe as one: said so, nothing set aside for it)."""
        try:
            data = response.json()
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            raise _err(NOT_A_MAILBOX, url=self.base_url)
        return data

    def _upload_state(self, response: httpx.Response) -> dict:
        """An upload's state as the mailbox says it: a known status, and a whole offset where one is
        said."""
        state = self._json(response)
        if "status" not in state and "error" in state:  # (a refusal the mailbox gives as 409)
            raise self._refusal(response)
        offset = state.get("offset", None if state.get("status") == "partial" else 0)
        wait = state.get("retry_after", 0)
        if (
            state.get("status") not in STATUSES
            or type(offset) is not int
            or offset < 0
            or type(wait) not in (int, float)
        ):
            raise _err(NOT_A_MAILBOX, url=self.base_url)
        return state

    def _refusal(self, response: httpx.Response) -> UserError:
        try:
            data = response.json()
        except (ValueError, RecursionError):  # (not JSON, or nested past the parser's depth)
            data = {}
        if not isinstance(data, dict):  # (JSON, but not the mailbox's error object)
            data = {}
        code, text = str(data.get("error", "")), str(data.get("message", ""))[:300]
        if code == "clock":
            server_ms = _time_ms(data.get("server_time_ms")) or _time_ms(response.headers.get(H_SERVER_TIME))
            if server_ms is None:  # (no time a clock could show: a server posing as the mailbox)
                return _err(NOT_A_MAILBOX, url=self.base_url)
            return clock_error(self.clock(), server_ms)
        known = {
            "unknown_device": QT_TRANSLATE_NOOP(
                "NetSync", "乡镇卫生院服务器不认识本机：请乡镇卫生院核对指纹后导入本机的设备卡"
            ),
            "revoked": REVOKED,
            "replay": QT_TRANSLATE_NOOP("NetSync", "服务器把这次请求当作重放而拒绝了：稍后会自动重试"),
            "signature": QT_TRANSLATE_NOOP("NetSync", "服务器认为本机请求的签名不符：请核对本机的设备卡"),
            "too_large": QT_TRANSLATE_NOOP("NetSync", "同步包超过服务器允许的大小，服务器拒收"),
            "disk_full": QT_TRANSLATE_NOOP("NetSync", "乡镇卫生院服务器磁盘空间不足，稍后再试"),
        }
        if code in known:
            return _err(known[code])
        if code == "busy":  # the township's store held by another writer: nothing done, tried again
            return Unreachable(
                Message(
                    CTX, QT_TRANSLATE_NOOP("NetSync", "乡镇卫生院的数据库正忙，这次没有同步：稍后会自动重试")
                )
            )
        if code == "bundle":
            return BundleRefused(
                Message(
                    CTX,
                    REFUSED,
                    {"reason": said(data, text)},
                )
            )
        if code == "store_moved":  # the server must be restarted on the moved store: tried again later
            return Unreachable(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "NetSync",
                        "乡镇卫生院的数据库已迁到数据库服务器，同步服务需要在那边重新启动：稍后会自动重试",
                    ),
                )
            )
        if response.status_code >= 500:
            return _server_error(response.status_code)
        if not text:
            import httpx

            text = httpx.codes.get_reason_phrase(response.status_code) or str(response.status_code)
        return _err(
            QT_TRANSLATE_NOOP("NetSync", "乡镇卫生院服务器拒绝了请求（{status}）：{reason}"),
            status=response.status_code,
            reason=plain(text),
        )

    # -- the protocol

    def health(self) -> dict:
        """The unsigned reachability probe: ``{"ok": true, "time_ms": …}``."""
        import httpx

        try:
            response = self.http.send(
                self.http.build_request("GET", "/v1/health", headers=AS_SENT), stream=True
            )
            self._check_answer(response)
            response = self._whole(response)
        except httpx.ReadTimeout as e:
            raise Unreachable(Message(CTX, TIMED_OUT)) from e
        except httpx.TransportError as e:
            raise self._unreachable() from e
        try:
            data = response.json()
        except (ValueError, RecursionError):
            data = None
        if response.status_code >= 500:  # (busy, or a proxy's 502/504: the address may be right;
            raise _server_error(response.status_code)  # unsigned, its body says nothing)
        if response.status_code != 200 or not isinstance(data, dict) or data.get("ok") is not True:
            raise _err(NOT_A_MAILBOX, url=self.base_url)  # another server: trying again will not help
        return data

    def status(self) -> dict:
        return self._json(self._send("GET", "/v1/status"))

    def upload_state(self, upload_id: str) -> dict:
        return self._upload_state(self._send("GET", f"/v1/uploads/{upload_id}"))

    def upload(self, path: Path, upload_id: str, *, after_chunk: Callable[[int], None] | None = None) -> dict:
        """Send ``path`` from the byte the mailbox already holds; returns its last answer
        (``status``: queued | applied | already | rejected …)."""
        total = path.stat().st_size
        state = self.upload_state(upload_id)
        deadline = time.monotonic() + BUSY_PATIENCE_S
        stalled = 0
        with open(path, "rb") as f:
            while state.get("status") == "partial":
                offset = int(state["offset"])
                if state.get("retry_after") is not None:  # another connection is sending it
                    if time.monotonic() > deadline:
                        raise Unreachable(Message(CTX, BUSY_UPLOAD))
                    time.sleep(min(max(float(state["retry_after"]), 0.1), 30.0))
                    state = self.upload_state(upload_id)
                    continue
                f.seek(offset)
                body = f.read(self.chunk)
                headers = {"Upload-Offset": str(offset), "Upload-Length": str(total)}
                headers["Content-Type"] = "application/octet-stream"
                response = self._send("PUT", f"/v1/uploads/{upload_id}", body=body, headers=headers)
                state = self._upload_state(response)  # 409: the mailbox holds another offset; it says which
                moved = state.get("status") != "partial" or int(state.get("offset", 0)) > offset
                stalled = 0 if moved else stalled + 1
                if stalled >= STALLED_TRIES:  # answers that never move it on: not sent over and over
                    raise Unreachable(Message(CTX, BUSY_UPLOAD))
                if after_chunk is not None:
                    after_chunk(int(state.get("offset", 0)))
        return state

    def waiting(self, *, patience_s: float = 600.0) -> list[Waiting]:
        """What the mailbox holds for this PC, once it has imported what this PC sent (it says
        "ask again" while a big import runs; after ``patience_s`` the next run will see)."""
        deadline = time.monotonic() + patience_s
        while True:
            response = self._send("GET", "/v1/bundles")
            if response.status_code >= 400:  # (the export failed: said, never "nothing waiting")
                raise self._refusal(response)
            data = self._json(response)
            if not data.get("pending") or time.monotonic() > deadline:
                break
            try:
                wait = float(data.get("retry_after", 2))
            except (TypeError, ValueError):
                raise _err(NOT_A_MAILBOX, url=self.base_url) from None
            if not math.isfinite(wait):
                raise _err(NOT_A_MAILBOX, url=self.base_url)
            time.sleep(min(max(wait, 0.1), 30.0))
        listed = data.get("bundles", [])
        try:
            items = [Waiting(str(r["name"]), int(r["size"]), str(r["sha256"])) for r in listed]
        except (TypeError, ValueError, KeyError, AttributeError):  # (not the mailbox's listing)
            raise _err(NOT_A_MAILBOX, url=self.base_url) from None
        out = []
        for item in items:
            if not (_addressed_to(item.name, self.device_id) and item.size >= 0):
                # a name that is no bundle for this PC ("../..", a path) is never written anywhere
                log.warning("the mailbox listed %r, which is no bundle for this PC: ignored", item.name[:200])
            elif item.size > bundle.MAX_NETWORK_BYTES:  # no mailbox holds such a bundle: a server
                # posing as one (a plain-http link can be answered by anyone) would fill the disk
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "NetSync",
                        "服务器 {url} 列出的同步包有 {size} MB，超过同步包的上限 {limit} MB，没有下载："
                        "乡镇卫生院不会发出这样的同步包，请核对服务器地址",
                    ),
                    url=self.base_url,
                    size=item.size >> 20,
                    limit=bundle.MAX_NETWORK_BYTES >> 20,
                )
            else:
                out.append(item)
        return out

    def download(self, item: Waiting, folder: Path) -> Path:
        """Fetch ``item`` into ``folder`` (``.part`` kept between tries); the whole file is checked
        against the mailbox's SHA-256 before it is renamed into place."""
        import httpx

        if not _addressed_to(item.name, self.device_id):
            raise ValueError(f"not a bundle for this PC: {item.name[:200]!r}")
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / item.name
        part = folder / (item.name + ".part")
        if final.is_file() and final.stat().st_size == item.size and _sha256(final) == item.sha256:
            return final  # fetched whole before (the run stopped before its import): not again
        have = part.stat().st_size if part.exists() else 0
        if have > item.size:
            part.unlink()
            have = 0
        _room_for(folder, item.size - have)
        if have < item.size:
            headers = {"Range": f"bytes={have}-"} if have else {}
            response = self._send("GET", f"/v1/bundles/{item.name}", headers=headers, stream=True)
            try:
                if have and (response.status_code == 416 or response.status_code != 206):
                    part.unlink(missing_ok=True)  # the mailbox does not hold that range: start over
                    response.close()
                    return self.download(item, folder)
                if response.status_code != 200 and not have:
                    raise _err(OVERLONG)
                with open(part, "ab") as out:
                    began, got = time.monotonic(), 0
                    try:
                        for block in response.iter_bytes():  # as they arrive: a drop keeps them
                            if out.tell() + len(block) > item.size:  # never more than listed: a
                                out.truncate(0)  # server streaming without end filled the disk
                                raise _err(OVERLONG)
                            out.write(block)
                            self.bytes_down += len(block)
                            got += len(block)
                            took = time.monotonic() - began
                            if took > RATE_GRACE_S and got < MIN_DOWNLOAD_RATE * took:
                                raise httpx.ReadTimeout(
                                    "slower than the least rate", request=response.request
                                )
                    except httpx.TransportError as e:
                        out.flush()
                        os.fsync(out.fileno())
                        raise Unreachable(
                            Message(
                                CTX,
                                QT_TRANSLATE_NOOP(
                                    "NetSync", "下载中断（已收到 {got} / {size} 字节），下次从断点继续"
                                ),
                                {"got": out.tell(), "size": item.size},
                            )
                        ) from e
                    out.flush()
                    os.fsync(out.fileno())
            finally:
                response.close()
        if _sha256(part) != item.sha256:
            part.unlink()
            raise _err(QT_TRANSLATE_NOOP("NetSync", "下载的同步包校验不符，已丢弃，下次重新下载"))
        part.replace(final)
        return final

    def ack(self, name: str) -> None:
        self._send("POST", f"/v1/bundles/{name}/ack")


def _room_for(folder: Path, size: int) -> None:
    """Refuse (before a byte is fetched) a download that would leave the disk short of room for the
    import that follows and the records the doctor types after it."""
    free = shutil.disk_usage(folder).free
    if size and free - size < DISK_RESERVE:
        raise _err(
            QT_TRANSLATE_NOOP(
                "NetSync",
                "本机磁盘空间不足：下载同步包需要 {need} MB，磁盘只剩 {free} MB（还要留 {reserve} MB 给导入和录入）。"
                "请清理磁盘后再同步",
            ),
            need=-(-size >> 20),
            free=free >> 20,
            reserve=DISK_RESERVE >> 20,
        )


def _sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()


CLOCK_REFUSALS = {
    (True, "days"): QT_TRANSLATE_NOOP(
        "NetSync", "本机时钟比乡镇卫生院服务器快约 {gap} 天：请校准本机的日期和时间后再同步"
    ),
    (False, "days"): QT_TRANSLATE_NOOP(
        "NetSync", "本机时钟比乡镇卫生院服务器慢约 {gap} 天：请校准本机的日期和时间后再同步"
    ),
    (True, "minutes"): QT_TRANSLATE_NOOP(
        "NetSync", "本机时钟比乡镇卫生院服务器快约 {gap} 分钟：请校准本机的日期和时间后再同步"
    ),
    (False, "minutes"): QT_TRANSLATE_NOOP(
        "NetSync", "本机时钟比乡镇卫生院服务器慢约 {gap} 分钟：请校准本机的日期和时间后再同步"
    ),
}


class ClockRefused(UserError):
    """The mailbox refused a request because this PC's clock is outside its window."""


def clock_error(pc_ms: int, server_ms: int) -> ClockRefused:
    """The mailbox refused this PC's time: say which clock is off, which way, and by how much."""
    minutes = round(abs(pc_ms - server_ms) / MINUTE_MS)
    unit = "days" if minutes >= 2 * 24 * 60 else "minutes"
    gap = round(minutes / (24 * 60)) if unit == "days" else minutes
    return ClockRefused(Message(CTX, CLOCK_REFUSALS[(pc_ms > server_ms, unit)], {"gap": gap}))


def _time_ms(value) -> int | None:
    """A wall-clock time in ms as a server sends it, or None when it is none (text, NaN, 10^300)."""
    try:
        ms = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return ms if 0 < ms < 2**53 else None


def plain(value):
    """``value`` (a message, its values, text) on one line, without control characters."""
    if isinstance(value, Message):
        return Message(value.context, plain(value.template), {k: plain(v) for k, v in value.params.items()})
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    # (line breaks: a line of its own reading "同步完成"; escapes: colours; overrides)
    return audit.CONTROL.sub(" ", value) if isinstance(value, str) else value


def said(data: dict, text: str) -> Message:
    """The township's words in a reply (``detail``: a message, shown in this PC's language), or
    its ``text`` as it came (a server of an earlier version sends only that); either on one line,
    without control characters (a server may be anyone's)."""
    try:
        return plain(Message.from_data(data.get("detail")))
    except ValueError:
        return Message(CTX, "{text}", {"text": plain(text[:300])})


def message_from_json(text: str | None) -> Message | None:
    """A message kept as :meth:`Message.stored` keeps it (a network run's last error)."""
    return Message.from_stored(text, CTX)

"""The bundle file (DESIGN.md, "Bundles"): ``<sender>_<recipient>_<bundle-uuid>.cyb``.

Layout, version 1::

    CUNYI-BUNDLE 1\\n
    <header: one line of canonical JSON>\\n
    <Ed25519 signature of the header line, base64>\\n
    <age ciphertext, to the recipient's X25519 key (and the escrow key, if set)>

The header is in clear so a bundle can be checked before anything is decrypted: sender,
recipient and the recipient key's fingerprint, schema version, and the SHA-256 of the manifest
and of the ciphertext.  Signing the header therefore signs all of it.  Inside the ciphertext:
the manifest (one JSON line), then the ops as zstd-compressed JSON lines.

Reading never applies anything itself: it checks, then decrypts and decompresses as the caller
reads (age's STREAM construction fails on any altered or truncated chunk, but only when it reaches
it), handing the caller the manifest and an iterator of ops.

No plaintext of a bundle ever touches the disk, on either side: names and ID numbers would
otherwise outlive a killed import or export in a work folder.  Reading decrypts, then decompresses
and hashes, on two worker threads into memory, a few chunks ahead of the reader; writing streams
the bundle once, encrypted as it is made, into the file beside its final name (the ops are read
twice from the change log: first to count and hash them for the manifest, then to write them),
and writes nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import queue
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import orjson
import pyrage
import zstandard

from app.db import fsync_dir
from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import Message, UserError
from app.services.records.validators import unreadable_at
from app.services.sync import keys as device_keys

MAGIC = b"CUNYI-BUNDLE 1\n"
FORMAT = 1
SUFFIX = ".cyb"
# A bundle's file name (:func:`file_name`): sender, recipient and bundle id, each as 32 hex digits.
NAME = re.compile(r"([0-9a-f]{32})_([0-9a-f]{32})_([0-9a-f]{32})\.cyb\Z")
HEX32 = re.compile(r"[0-9a-f]{32}\Z")  # an id as it travels (a bundle's, an upload's, a device's)
SIGNED_PREFIX = b"cunyi-bundle-header-v1\n"
MAX_HEADER = 16_384
CHUNK = 1 << 20
# What the ops may unpack to, so that a small file cannot make an import read gigabytes (a signed
# "decompression bomb" held the township's import of every village for minutes, its memory growing):
# the largest bundle that travels over the network: the mailbox takes no larger upload, and a
# village downloads no larger one (a village's whole history is far smaller)
MAX_NETWORK_BYTES = 512 << 20
MAX_OP_LINE = 16 << 20  # one op (an education record's 4 MB photo is 5.6 MB of base64)
MAX_RATIO = 200  # unpacked bytes per byte of the file (the ops of a bundle pack about 20 to 1) …
MIN_ALLOWANCE = 64 << 20  # … or this many, for a small file
OVERSIZED = QT_TRANSLATE_NOOP(
    "Sync", "同步包解开后远大于正常的大小（超过 {limit} MB），未导入：文件被改动过，或不是村医写出的"
)
BLOCKS_AHEAD = 4  # blocks of op lines (CHUNK bytes each) decompressed ahead of their reader


class BundleError(UserError):
    """A bundle that can't be used; ``kind`` says why in one word (for the history and tests)."""

    def __init__(self, kind: str, template: str, **params):
        super().__init__(Message("Sync", template, params))
        self.kind = kind


# A file that is not, when read again, what it was when it was checked (an import reads it twice)
CHANGED = QT_TRANSLATE_NOOP("Sync", "同步包文件在导入过程中被改动，已停止：请重新导入")


@dataclass
class Blocks:
    """The blocks of ops of a file read twice (checked, then applied): each one's digest, and
    whether the first read went through to the end (then the second is held to it, even when
    the first found no block at all)."""

    digests: list[bytes] = field(default_factory=list)
    complete: bool = False


def file_name(sender: uuid.UUID, recipient: uuid.UUID, bundle_id: uuid.UUID) -> str:
    return f"{sender.hex}_{recipient.hex}_{bundle_id.hex}{SUFFIX}"


def canonical(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


class _Chain(io.RawIOBase):
    """Readable concatenation of byte strings and open files (what age encrypts)."""

    def __init__(self, parts: list):
        self._parts = [io.BytesIO(p) if isinstance(p, bytes) else p for p in parts]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._parts:
            n = self._parts[0].readinto(buffer)
            if n:
                return n
            self._parts.pop(0)
        return 0


class _HashingWriter(io.RawIOBase):
    def __init__(self, f):
        self._f, self.sha, self.size = f, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.sha.update(b)
        self.size += len(b)
        return self._f.write(b)


class _CompressedLines(io.RawIOBase):
    """The ops as zstd-compressed JSON lines, read as they are made: counted and hashed (the
    manifest's ``ops`` and ``ops_sha256``) on the way."""

    def __init__(self, lines: Iterable[str], cancelled: Callable[[], bool]):
        self._lines = iter(lines)
        self._z = zstandard.ZstdCompressor(level=3, threads=1).compressobj()
        self._cancelled = cancelled
        self._pending = b""
        self._done = False
        self.sha, self.count = hashlib.sha256(), 0
        self.error: Exception | None = None  # what stopped the reading (age hands back its own error)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            self._fill()
        except Exception as e:
            self.error = e
            raise
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def read_block(self) -> bytes:
        """The next compressed bytes (b"" at the end)."""
        self._fill()
        block, self._pending = self._pending, b""
        return block

    def _fill(self) -> None:
        # 4,096 lines at a time are encoded, hashed and compressed as one block: per line, the
        # three calls took a tenth of an export of 100k changes
        while not self._pending and not self._done:
            batch = list(islice(self._lines, 4096))
            if batch:
                if batch[0].__class__ is bytes:  # lines as UTF-8 (an export's)
                    batch.append(b"")  # every line ends with a newline
                    data = b"\n".join(batch)
                else:
                    batch.append("")
                    data = "\n".join(batch).encode()
                self.sha.update(data)
                self.count += len(batch) - 1
                self._pending = self._z.compress(data)
            if len(batch) < 4097:
                self._pending += self._z.flush()
                self._done = True
            elif self._cancelled():
                raise BundleError("cancelled", QT_TRANSLATE_NOOP("Sync", "已取消"))


class _Stopped(Exception):
    """The reader of an :class:`_Ahead` went away: its worker stops."""


_END = object()


@dataclass(frozen=True)
class _Failed:
    error: Exception


class _Ahead:
    """What ``produce`` hands to the ``put`` it is given, produced on a worker thread and held for
    a reader on another, at most ``depth`` items ahead of it: the work the worker does without
    Python's lock (decrypting, decompressing, hashing) or while the reader is without it (SQLite
    writing what it read) is done meanwhile.  :meth:`get` returns the items in order, then
    :data:`_END`; an exception ``produce`` raised is raised there, after the items before it.
    :meth:`close` stops the worker wherever it is."""

    def __init__(self, produce: Callable[[Callable[[object], None]], None], depth: int, name: str):
        self._queue: queue.Queue = queue.Queue(depth)
        self._stop = threading.Event()
        self._worker = threading.Thread(target=self._run, args=(produce,), name=name, daemon=True)
        self._worker.start()

    def _put(self, item) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        raise _Stopped

    def _run(self, produce) -> None:
        try:
            produce(self._put)
            self._put(_END)
        except _Stopped:
            pass
        except Exception as e:  # noqa: BLE001 - handed to the reader, which raises it
            if not self._stop.is_set():
                with suppress(_Stopped):
                    self._put(_Failed(e))

    def get(self):
        while True:
            try:
                item = self._queue.get(timeout=1)
            except queue.Empty:
                if self._worker.is_alive() or not self._queue.empty():
                    continue
                raise RuntimeError("the worker ended without a word") from None
            if isinstance(item, _Failed):
                self.close()
                raise item.error
            return item

    def close(self) -> None:
        self._stop.set()
        while self._worker.is_alive():  # unblock a worker waiting for room, then let it end
            with suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._worker.join()
        while not self._queue.empty():
            self._queue.get_nowait()


class DecryptedStream(io.RawIOBase):
    """The plaintext of an age ciphertext, read as a worker thread decrypts it: held in memory a
    few chunks ahead of the reader, never written anywhere.  A ciphertext that does not decrypt
    (wrong key, altered, truncated) raises :class:`BundleError` when the reader reaches the fault;
    :meth:`close` stops the worker wherever it is."""

    AHEAD = 64  # chunks (of pyrage's 8 KiB writes) decrypted ahead of the reader

    def __init__(self, source, identity):
        self._buffer, self._pos, self._eof = b"", 0, False

        def decrypt(put) -> None:
            class Sink:
                def write(self, data) -> int:
                    put(bytes(data))
                    return len(data)

            pyrage.decrypt_io(source, Sink(), [identity])

        self._ahead = _Ahead(decrypt, self.AHEAD, "bundle-decrypt")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._pos >= len(self._buffer):
            if self._eof:
                return 0
            try:
                item = self._ahead.get()
            except Exception:  # noqa: BLE001 - whatever stopped the decryption: said as one fault
                self._eof = True
                raise BundleError(
                    "decrypt", QT_TRANSLATE_NOOP("Sync", "无法解密：文件已损坏，或不是发给本机密钥的")
                ) from None
            if item is _END:
                self._eof = True
                return 0
            self._buffer, self._pos = item, 0
        n = min(len(buffer), len(self._buffer) - self._pos)
        buffer[:n] = self._buffer[self._pos : self._pos + n]
        self._pos += n
        return n

    def close(self) -> None:
        if not self.closed:
            self._ahead.close()
            self._buffer = b""
        super().close()


def remove_plaintext_leftovers(inbox: Path, outbox: Path) -> int:
    """Plaintext that older versions left behind when an import or export was killed: decrypted
    bundles (``inbox/*.plain``) and compressed ops (``outbox/*/ops.zst``).  Returns how many files."""
    found = [*inbox.glob("*.plain"), *outbox.glob("*/ops.zst")]
    for f in found:
        with suppress(OSError):
            f.unlink()
    return len(found)


@dataclass(frozen=True)
class Written:
    path: Path
    bytes: int
    ops: int


# The first pass keeps the ops as they will be encrypted, compressed, in memory up to this size
# (about 1.3 million changes): the second pass then encrypts them instead of reading and encoding
# every op again.  A bigger bundle (a county's first snapshot) is read twice and holds no copy.
KEPT_COMPRESSED = 96 << 20


def _first_pass(
    op_lines: Iterable[str] | Iterable[bytes], cancelled: Callable[[], bool]
) -> tuple[int, str, list[bytes] | None]:
    """How many lines, and the SHA-256 of them as the bundle holds them (the manifest's ``ops``
    and ``ops_sha256``), and their compressed stream while it stays under :data:`KEPT_COMPRESSED`
    (None beyond): a first pass that writes nothing to disk."""
    lines = _CompressedLines(op_lines, cancelled)
    kept: list[bytes] | None = []
    size = 0
    while block := lines.read_block():
        if kept is not None:
            size += len(block)
            kept.append(block)
            if size > KEPT_COMPRESSED:
                kept = None
    return lines.count, lines.sha.hexdigest(), kept


def write(
    out_dir: Path,
    *,
    keys: device_keys.DeviceKeys,
    header: dict,
    manifest: dict,
    op_lines: Iterable[str] | Iterable[bytes] | Callable[[], Iterable],
    recipients: list[str],
    work_dir: Path | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Written:
    """Write one bundle, streamed once to ``<name>.part`` beside its final name, fsynced, renamed.

    The manifest, which comes first, holds the ops' count and hash: a first pass over the ops
    counts, hashes and compresses them (to memory, up to :data:`KEPT_COMPRESSED`; writing
    nothing to disk), the second encrypts them after the manifest straight into the file
    (reading and compressing the ops again when they were too big to keep), behind room left
    for the signed header, which is written last, when the ciphertext's hash and length are
    known (the header line is padded with spaces to the room's size; the signature covers the
    line as it stands).  ``op_lines``: the op lines (text, or UTF-8 bytes),
    or a function giving them afresh for each pass (both passes must read the same lines: a
    change between them is refused here).  ``header`` must hold bundle_id, sender and recipient;
    the hashes and sizes are filled in here.  Nothing but the bundle is written: no work files
    (``work_dir`` is accepted for callers of the earlier signature and unused)."""
    del work_dir
    lines_of = op_lines if callable(op_lines) else (lambda: op_lines)
    count, ops_sha, kept = _first_pass(lines_of(), cancelled)
    manifest = {**manifest, "ops": count, "ops_sha256": ops_sha}
    manifest_line = canonical(manifest) + b"\n"
    parsed = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
    header = {**header, "format": FORMAT, "manifest_sha256": hashlib.sha256(manifest_line).hexdigest()}
    # Room for the header: its line with the widest hash and length it can hold.
    room = len(canonical({**header, "ciphertext_sha256": "0" * 64, "ciphertext_bytes": 10**16}))
    signature_room = len(base64.b64encode(bytes(64)))  # an Ed25519 signature, in base64
    prefix_size = len(MAGIC) + room + 1 + signature_room + 1
    name = file_name(
        uuid.UUID(header["sender"]), uuid.UUID(header["recipient"]), uuid.UUID(header["bundle_id"])
    )
    final = Path(out_dir) / name
    part = final.with_name(final.name + ".part")
    try:
        with open(part, "wb") as f:
            f.write(b" " * prefix_size)
            hashing = _HashingWriter(f)
            if kept is not None:
                pyrage.encrypt_io(io.BufferedReader(_Chain([manifest_line, *kept]), CHUNK), hashing, parsed)
                del kept
            else:
                lines = _CompressedLines(lines_of(), cancelled)
                try:
                    pyrage.encrypt_io(
                        io.BufferedReader(_Chain([manifest_line, lines]), CHUNK), hashing, parsed
                    )
                except Exception:
                    if lines.error is not None:  # cancelled, or the change log could not be read
                        raise lines.error from None
                    raise
                if lines.count != count or lines.sha.hexdigest() != ops_sha:
                    raise RuntimeError("the ops changed between the two passes of an export")
            header = {
                **header,
                "ciphertext_sha256": hashing.sha.hexdigest(),
                "ciphertext_bytes": hashing.size,
            }
            header_line = canonical(header)
            header_line += b" " * (room - len(header_line))
            signature = base64.b64encode(device_keys.sign(keys, SIGNED_PREFIX + header_line))
            if len(header_line) != room or len(signature) != signature_room:
                raise RuntimeError("the signed header does not fit the room left for it")
            f.seek(0)
            f.write(MAGIC + header_line + b"\n" + signature + b"\n")
            f.flush()
            os.fsync(f.fileno())
        part.replace(final)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    fsync_dir(final.parent)
    return Written(final, final.stat().st_size, count)


@dataclass(frozen=True)
class Header:
    data: dict
    line: bytes
    signature: bytes
    offset: int  # where the ciphertext starts

    @property
    def sender(self) -> uuid.UUID:
        return uuid.UUID(self.data["sender"])

    @property
    def recipient(self) -> uuid.UUID:
        return uuid.UUID(self.data["recipient"])

    @property
    def bundle_id(self) -> uuid.UUID:
        return uuid.UUID(self.data["bundle_id"])


NOT_A_BUNDLE = QT_TRANSLATE_NOOP("Sync", "{name} 不是村医同步包，或文件头已损坏")


def _not_a_bundle(path: Path) -> BundleError:
    return BundleError("format", NOT_A_BUNDLE, name=path.name)


def read_header(path: Path) -> Header:
    try:
        with open(path, "rb") as f:
            if f.readline(len(MAGIC) + 1) != MAGIC:
                raise _not_a_bundle(path)
            line = f.readline(MAX_HEADER)
            sig = f.readline(200)
            if not line.endswith(b"\n") or not sig.endswith(b"\n"):
                raise _not_a_bundle(path)
            data = json.loads(line[:-1].decode("ascii"))
            if not isinstance(data, dict):
                raise _not_a_bundle(path)
            for key in ("bundle_id", "sender", "recipient"):
                if not isinstance(data.get(key), str):
                    raise _not_a_bundle(path)
                uuid.UUID(data[key])
            return Header(data, line[:-1], base64.b64decode(sig[:-1], validate=True), f.tell())
    except BundleError:
        raise
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise _not_a_bundle(path) from None  # (RecursionError: a header of deeply nested brackets)


def verify(path: Path, header: Header, sign_key: str) -> None:
    """Signature over the header, then the ciphertext's length and hash against it."""
    if not device_keys.verify(sign_key, header.signature, SIGNED_PREFIX + header.line):
        raise BundleError(
            "signature", QT_TRANSLATE_NOOP("Sync", "签名不符：文件被改动过，或不是该设备发出的")
        )
    sha, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        f.seek(header.offset)
        while block := f.read(CHUNK):
            sha.update(block)
            size += len(block)
    want = header.data.get("ciphertext_bytes")
    if isinstance(want, int) and size > want:  # bytes after the end: not a cut copy
        raise BundleError(
            "trailing",
            QT_TRANSLATE_NOOP("Sync", "文件末尾多出 {extra} 字节：文件被改动过，或与别的文件拼接在了一起"),
            extra=size - want,
        )
    if size != want:
        raise BundleError(
            "truncated",
            QT_TRANSLATE_NOOP("Sync", "文件不完整（{got} 字节，应为 {want} 字节）：可能拷贝时U盘被拔出"),
            got=size,
            want=header.data.get("ciphertext_bytes"),
        )
    if sha.hexdigest() != header.data.get("ciphertext_sha256"):
        raise BundleError("damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）"))


@dataclass
class Opened:
    manifest: dict
    _ops: Iterator[dict]

    def ops(self) -> Iterator[dict]:
        return self._ops


def _line_blocks(reader, allowance: int) -> Iterator[bytes]:
    """The decompressed ops in blocks of whole lines (about :data:`CHUNK` bytes each), cut where
    the text puts them (the last line break of each :data:`CHUNK` bytes), however the reader
    hands them over: every read of the same ops yields the same blocks.  Refused past
    ``allowance`` bytes in all, or a line longer than :data:`MAX_OP_LINE`."""
    rest, total = [], 0
    while chunk := _read_full(reader, CHUNK):
        total += len(chunk)
        if total > allowance:
            raise BundleError("oversized", OVERSIZED, limit=allowance >> 20)
        cut = chunk.rfind(b"\n") + 1
        if not cut:
            rest.append(chunk)  # (a list: a line of many chunks is joined once, not once a chunk)
            if len(rest) * CHUNK > MAX_OP_LINE:
                raise BundleError("oversized", OVERSIZED, limit=MAX_OP_LINE >> 20)
            continue
        yield b"".join((*rest, chunk[:cut]))
        rest = [chunk[cut:]]
    if any(rest):
        yield b"".join(rest)


def _read_full(reader, size: int) -> bytes:
    """``size`` bytes from ``reader`` (fewer only at its end)."""
    data = reader.read(size)
    while 0 < len(data) < size:
        more = reader.read(size - len(data))
        if not more:
            break
        data += more
    return data


def _decode_lines(lines: bytes, *, scan: bool = True) -> list:
    """A block of JSON lines, one op a line, decoded in one call as one JSON array (the decoder
    then shares the field names of all of them: a third faster than a call per line; orjson: three
    times faster than the standard library's).  A block
    that does not decode to one value a line is refused.  (Lines could only be split differently
    than one value each by a sender writing them so on purpose, in a signed bundle whose ops it
    could as well have written plainly: what it may carry is checked op by op all the same.)
    ``scan``: False for a block known to be one scanned before (:func:`open_bundle`'s ``seen``)."""
    body = lines[:-1] if lines.endswith(b"\n") else lines
    joined = b"[" + body.replace(b"\n", b",") + b"]"
    try:
        ops = orjson.loads(joined)
    except orjson.JSONDecodeError:  # not JSON (NaN, a cut line …): not as any device writes it
        raise BundleError(
            "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
        ) from None
    if len(ops) != body.count(b"\n") + 1:
        raise BundleError("damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）"))
    if not scan:
        return ops
    escapes = b"\\" in joined and _ESCAPE.search(joined.replace(b"\\\\", b""))
    # printable ASCII taken out first: what is left (the Chinese, and anything suspect) is a few
    # per cent of a block, and str.isprintable over all of it took a third of the decoding time
    if escapes or not joined.translate(None, _PRINTABLE_ASCII).decode("utf-8").isprintable():
        _refuse_unreadable(ops)
    return ops


# How a control character travels in JSON text (escaped backslashes taken out first): any escape
# but a quote's, a slash's and a line break's.  A block of op lines holding one, or any character that is not printable as
# it stands (str.isprintable: controls, format characters, private use, but also unassigned code
# points and spaces other than the ASCII space), is checked value by value (:func:`_refuse_unreadable`);
# a sender's own bundles hold neither (its text passed the forms' checks).
_ESCAPE = re.compile(rb'\\[^"/n]')
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _refuse_unreadable(ops: list) -> None:
    """Refuse the bundle at the first op carrying unreadable text, naming its row, field and character."""

    def texts(value, path):
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, inner in value.items():
                yield path, key
                yield from texts(inner, (*path, str(key)))
        elif isinstance(value, list):
            for inner in value:
                yield from texts(inner, path)

    for op in ops:
        data = op.get("d") if isinstance(op, dict) else None
        found = list(texts(op, ()))
        if isinstance(data, str):  # the row's values as JSON text (read so by the merge)
            with suppress(orjson.JSONDecodeError):
                found += texts(orjson.loads(data), ("d",))
        for path, text in found:
            bad = unreadable_at(text)
            if bad is not None:
                raise BundleError(
                    "content",
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "同步包内容不合格，整包未导入：{entity} {row} 的 {field} 含有无法识别的字符（U+{code}）",
                    ),
                    entity=str(op.get("e")),
                    row=str(op.get("r")),
                    field=path[2] if path[:2] == ("d", "v") and len(path) > 2 else ".".join(path) or "?",
                    code=f"{ord(bad[1]):04X}",
                )


@contextmanager
def open_bundle(
    path: Path, header: Header, identity, work_dir: Path | None = None, *, seen: Blocks | None = None
) -> Iterator[Opened]:
    """Decrypt as the caller reads and yield the manifest and a one-pass iterator of ops.  The ops
    hash and count are checked when the iterator ends: a caller applying them inside a transaction
    commits only after it has consumed them all.  Nothing is written anywhere (``work_dir`` is
    accepted for callers of the earlier signature and unused).

    ``seen``: the blocks of ops, for a file read twice (checked, then applied).  Filled in by a
    read that goes through to its end.  Once complete it is what the earlier read found: each block
    must be the one read then (and no block more), or the file is refused as changed before any op
    of that block is yielded, and a block read before is not scanned again for unreadable text
    (:func:`_decode_lines`)."""
    del work_dir
    with open(path, "rb") as src:
        src.seek(header.offset)
        plain = DecryptedStream(src, identity)
        decoding: list[_Ahead] = []  # the worker decompressing the ops, once the caller reads them
        try:
            f = io.BufferedReader(plain, CHUNK)
            manifest_line = f.readline(1 << 24)
            if hashlib.sha256(manifest_line).hexdigest() != header.data.get("manifest_sha256"):
                raise BundleError(
                    "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                )
            manifest = json.loads(manifest_line)
            for key in ("bundle_id", "sender", "recipient"):
                if manifest.get(key) != header.data.get(key):
                    raise BundleError(
                        "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                    )

            def blocks(put, again: bool) -> None:
                """On a worker thread (:class:`_Ahead`): each block of op lines, decompressed and
                checked against the manifest's hash or the blocks read before (both without
                Python's lock: the reader decodes the last block meanwhile)."""
                sha = hashlib.sha256()
                reader = zstandard.ZstdDecompressor().stream_reader(f, read_across_frames=True)
                read = 0
                packed = header.data.get("ciphertext_bytes")
                allowance = max(MIN_ALLOWANCE, MAX_RATIO * packed if isinstance(packed, int) else 0)
                try:
                    for number, lines in enumerate(_line_blocks(reader, allowance)):
                        read = number + 1
                        if seen is not None:
                            digest = hashlib.sha256(lines).digest()
                            if not again:
                                seen.digests.append(digest)
                            elif number >= len(seen.digests) or seen.digests[number] != digest:
                                raise BundleError("changed", CHANGED)
                        if not again:  # (read again: every block is one checked, hash and all)
                            sha.update(lines)
                        put(lines)
                except zstandard.ZstdError:
                    raise BundleError(
                        "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                    ) from None
                if again and read != len(seen.digests):
                    raise BundleError("changed", CHANGED)  # (a block fewer than when it was checked)
                if not again and sha.hexdigest() != manifest.get("ops_sha256"):
                    raise BundleError(
                        "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                    )

            def ops() -> Iterator[dict]:
                again = seen is not None and seen.complete
                if seen is not None and not again:
                    seen.digests.clear()
                listed = manifest.get("ops") if isinstance(manifest.get("ops"), int) else -1
                ahead = _Ahead(lambda put: blocks(put, again), BLOCKS_AHEAD, "bundle-decompress")
                decoding.append(ahead)
                count = 0
                while (lines := ahead.get()) is not _END:
                    decoded = _decode_lines(lines, scan=not again)  # one op a line, or refused
                    count += len(decoded)
                    if count > listed:  # (at once: not after the ops it did not list)
                        raise BundleError(
                            "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                        )
                    yield from decoded
                if count != manifest.get("ops"):
                    raise BundleError(
                        "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                    )
                if seen is not None:
                    seen.complete = True  # read to its end, every check passed: a second read is held to it

            yield Opened(manifest, ops())
        finally:
            for ahead in decoding:
                ahead.close()
            plain.close()

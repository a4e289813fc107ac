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

Reading never applies anything itself: it checks, decrypts to a temporary file (age's STREAM
construction fails on any altered or truncated chunk, but only when it reaches it) and then
hands the caller the manifest and an iterator of ops.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pyrage
import zstandard

from app.db import fsync_dir
from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import Message, UserError
from app.services.sync import keys as device_keys

MAGIC = b"CUNYI-BUNDLE 1\n"
FORMAT = 1
SUFFIX = ".cyb"
SIGNED_PREFIX = b"cunyi-bundle-header-v1\n"
MAX_HEADER = 16_384
CHUNK = 1 << 20


class BundleError(UserError):
    """A bundle that can't be used; ``kind`` says why in one word (for the history and tests)."""

    def __init__(self, kind: str, template: str, **params):
        super().__init__(Message("Sync", template, params))
        self.kind = kind


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


@dataclass(frozen=True)
class Written:
    path: Path
    bytes: int
    ops: int


def write(
    out_dir: Path,
    *,
    keys: device_keys.DeviceKeys,
    header: dict,
    manifest: dict,
    op_lines: Iterable[str],
    recipients: list[str],
    work_dir: Path,
    cancelled: Callable[[], bool] = lambda: False,
) -> Written:
    """Write one bundle: ops compressed to a work file, then manifest + ops encrypted, then the
    signed header and ciphertext to ``<name>.part``, fsynced, renamed.  ``header`` must hold
    bundle_id, sender and recipient; the hashes and sizes are filled in here."""
    work_dir.mkdir(parents=True, exist_ok=True)
    ops_sha, count = hashlib.sha256(), 0
    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        ops_file, cipher_file = Path(tmp) / "ops.zst", Path(tmp) / "cipher"
        with open(ops_file, "wb") as raw, zstandard.ZstdCompressor(level=3).stream_writer(raw) as z:
            for line in op_lines:
                data = line.encode() + b"\n"
                ops_sha.update(data)
                z.write(data)
                count += 1
                if count % 4096 == 0 and cancelled():
                    raise BundleError("cancelled", QT_TRANSLATE_NOOP("Sync", "已取消"))
        manifest = {**manifest, "ops": count, "ops_sha256": ops_sha.hexdigest()}
        manifest_line = canonical(manifest) + b"\n"
        parsed = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
        with open(ops_file, "rb") as ops_in, open(cipher_file, "wb") as out:
            hashing = _HashingWriter(out)
            pyrage.encrypt_io(io.BufferedReader(_Chain([manifest_line, ops_in]), CHUNK), hashing, parsed)
        header = {
            **header,
            "format": FORMAT,
            "manifest_sha256": hashlib.sha256(manifest_line).hexdigest(),
            "ciphertext_sha256": hashing.sha.hexdigest(),
            "ciphertext_bytes": hashing.size,
        }
        header_line = canonical(header)
        signature = base64.b64encode(device_keys.sign(keys, SIGNED_PREFIX + header_line))
        name = file_name(
            uuid.UUID(header["sender"]), uuid.UUID(header["recipient"]), uuid.UUID(header["bundle_id"])
        )
        final = Path(out_dir) / name
        part = final.with_name(final.name + ".part")
        with open(part, "wb") as f, open(cipher_file, "rb") as cipher:
            f.write(MAGIC + header_line + b"\n" + signature + b"\n")
            while block := cipher.read(CHUNK):
                f.write(block)
                if cancelled():
                    raise BundleError("cancelled", QT_TRANSLATE_NOOP("Sync", "已取消"))
            f.flush()
            os.fsync(f.fileno())
        part.replace(final)
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


def _not_a_bundle(path: Path) -> BundleError:
    return BundleError(
        "format", QT_TRANSLATE_NOOP("Sync", "{name} 不是村医同步包，或文件头已损坏"), name=path.name
    )


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
            for key in ("bundle_id", "sender", "recipient"):
                uuid.UUID(data[key])
            return Header(data, line[:-1], base64.b64decode(sig[:-1], validate=True), f.tell())
    except BundleError:
        raise
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _not_a_bundle(path) from None


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
    if size != header.data.get("ciphertext_bytes"):
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


@contextmanager
def open_bundle(path: Path, header: Header, identity, work_dir: Path) -> Iterator[Opened]:
    """Decrypt to a work file and yield the manifest and a one-pass iterator of ops.  The ops
    hash and count are checked when the iterator ends: a caller applying them inside a
    transaction commits only after it has consumed them all."""
    work_dir.mkdir(parents=True, exist_ok=True)
    fd, plain_name = tempfile.mkstemp(dir=work_dir, suffix=".plain")
    os.close(fd)
    plain = Path(plain_name)
    try:
        try:
            with open(path, "rb") as src, open(plain, "wb") as dst:
                src.seek(header.offset)
                pyrage.decrypt_io(src, dst, [identity])
        except Exception:
            raise BundleError(
                "decrypt", QT_TRANSLATE_NOOP("Sync", "无法解密：文件已损坏，或不是发给本机密钥的")
            ) from None
        with open(plain, "rb") as f:
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

            def ops() -> Iterator[dict]:
                sha, count = hashlib.sha256(), 0
                reader = zstandard.ZstdDecompressor().stream_reader(f, read_across_frames=True)
                try:
                    for raw in io.BufferedReader(reader, CHUNK):
                        sha.update(raw)
                        count += 1
                        yield json.loads(raw)
                except zstandard.ZstdError:
                    raise BundleError(
                        "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                    ) from None
                if count != manifest.get("ops") or sha.hexdigest() != manifest.get("ops_sha256"):
                    raise BundleError(
                        "damaged", QT_TRANSLATE_NOOP("Sync", "文件内容已损坏或被改动（校验值不符）")
                    )

            yield Opened(manifest, ops())
    finally:
        with suppress(OSError):
            plain.unlink()

"""Encryption at rest (issue 14, item 6): the SQLite store encrypted with SQLCipher.

The store key is 256 random bits, used as SQLCipher's raw key (no key derivation at each
connection).  It lives in ``keys/store.key.age``, age-encrypted to this device's own X25519 key
(``keys/device_age.txt``) and, when the county's escrow key is set (``sync escrow``), to that key
too.  So:

- an unattended village PC opens its store at start, before anyone logs in (the users are in the
  store), as the OS account that owns the data folder;
- a forgotten password costs nothing (the key does not depend on any password);
- protecting the device keys with a passphrase (``device protect``) protects the store as well;
- a copied store file or backup (a USB stick, a backup sent for support) is unreadable without the
  PC's keys, and a PC that died or a keys folder that was lost is recovered by the county: each
  backup written with ``backup -o`` carries ``<file>.key.age`` beside it, which the escrow key
  opens (``age -d -i county.txt FILE.key.age > key.txt``; ``restore FILE --key-file key.txt``).

Whether a store is encrypted is read from the file itself (a plain SQLite file starts with
``SQLite format 3``); a new store is encrypted when the key file exists before it is created
(``init --encrypt``).  A plain store keeps working and is converted with ``store encrypt``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyrage

from app.db import (
    Store,
    connect_file,
    fsync_dir,
    held_alone,
    is_plain_sqlite,
    is_sqlite,
    sqlite_backup,
    swap_file,
)
from app.i18n import QT_TRANSLATE_NOOP
from app.services import safe_output, settings
from app.services.access import audit, authz
from app.services.errors import Message, UserError

CTX = "Encryption"
KEY_FILE = "store.key.age"
KEY_BYTES = 32
ENCRYPTING_SUFFIX = ".encrypting"  # the encrypted copy being written beside the store
PLAIN_SUFFIX = ".plain"  # the plain store kept until the encrypted one is verified
ENCRYPTING = QT_TRANSLATE_NOOP("StoreCopy", "加密数据库")  # what held_alone and store_in_use name


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def keys_dir_of(db_file: Path) -> Path:
    """The keys folder of the data folder holding ``db_file`` (the store's own folder)."""
    return Path(db_file).parent / "keys"


def key_file(keys_dir: Path) -> Path:
    return Path(keys_dir) / KEY_FILE


def is_encrypted_file(path: Path) -> bool:
    """A file with content that is not plain SQLite: an encrypted store (or a damaged file)."""
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0 and not is_plain_sqlite(path)


def whole_pages(path: Path) -> bool:
    """Sized as a database file is: whole pages of at least 512 bytes.  An encrypted store looks
    like noise, so its content cannot say it is one; a text file or a cut-off copy has the wrong size."""
    size = Path(path).stat().st_size
    return size >= 512 and size % 512 == 0


def looks_like_text(path: Path) -> bool:
    """The file's start is text (UTF-8 or GB18030, no NUL byte): a note or a CSV, not a store."""
    with open(path, "rb") as f:
        head = f.read(4096)
    if not head or b"\0" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as e:
            if e.start >= len(head) - 4:  # a character cut at the end of what was read
                return True
    return False


def looks_encrypted(path: Path) -> bool:
    """Could be an encrypted store: not plain SQLite, not text, whole pages of a database file."""
    return is_encrypted_file(path) and not looks_like_text(path) and whole_pages(path)


def key_for_store(db_file: Path) -> bytes | None:
    """The key to open ``db_file`` with: None for a plain store, or a new store without a key
    file; the unwrapped store key otherwise.  An encrypted store without its key is refused."""
    db_file = Path(db_file)
    if is_plain_sqlite(db_file):
        return None
    wrapped = key_file(keys_dir_of(db_file))
    if not wrapped.is_file():
        if is_encrypted_file(db_file):
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Encryption",
                    "数据库 {path} 已加密（或已损坏），本机找不到它的密钥 {key}："
                    "请从备份恢复 keys 文件夹，或请县级用托管密钥找回存储密钥",
                ),
                path=str(db_file),
                key=str(wrapped),
            )
        return None
    return read_key(keys_dir_of(db_file))


def wrong_key(db_file: Path) -> UserError:
    return _err(
        QT_TRANSLATE_NOOP(
            "Encryption", "数据库 {path} 打不开：它已损坏，或不是用本机的存储密钥 {key} 加密的"
        ),
        path=str(db_file),
        key=str(key_file(keys_dir_of(db_file))),
    )


def read_key(keys_dir: Path) -> bytes:
    """Unwrap ``keys/store.key.age`` with this device's key (its passphrase, if it has one, as for
    sync: given this session or ``$CUNYI_KEY_PASSPHRASE``)."""
    from app.services.sync import keys as device_keys

    identity = device_keys.load_keys(Path(keys_dir)).age
    try:
        text = pyrage.decrypt(key_file(keys_dir).read_bytes(), [identity]).decode("ascii")
    except (pyrage.DecryptError, UnicodeDecodeError, ValueError):
        raise _err(
            QT_TRANSLATE_NOOP("Encryption", "存储密钥文件 {path} 不是本机设备密钥加密的，或已损坏"),
            path=str(key_file(keys_dir)),
        ) from None
    return parse_key(text, str(key_file(keys_dir)))


def parse_key(text: str, source: str) -> bytes:
    """A store key as written in a key file: 64 hexadecimal digits."""
    text = text.strip()
    if not re.fullmatch(r"[0-9a-fA-F]{64}", text):
        raise _err(
            QT_TRANSLATE_NOOP("Encryption", "{path} 不是存储密钥（应为 64 位十六进制数）"), path=source
        )
    return bytes.fromhex(text)


def read_key_file(path: str | Path) -> bytes:
    """``restore --key-file``: a store key in plain text (what the escrow holder decrypted)."""
    path = Path(path)
    try:
        raw = path.read_bytes()[:1000]
    except OSError:
        raise _err(QT_TRANSLATE_NOOP("Encryption", "找不到密钥文件：{path}"), path=str(path)) from None
    return parse_key(raw.decode("ascii", "replace"), path.name)


def _recipients(keys_dir: Path, escrow: str | None) -> list:
    from app.services.sync import keys as device_keys

    recipients = [device_keys.load_keys(Path(keys_dir)).age.to_public()]
    if escrow:
        recipients.append(pyrage.x25519.Recipient.from_str(escrow))
    return recipients


def wrap(keys_dir: Path, key: bytes, escrow: str | None) -> bytes:
    """The store key age-encrypted to this device (and the escrow key, if any)."""
    return pyrage.encrypt((key.hex() + "\n").encode("ascii"), _recipients(keys_dir, escrow))


def write_key(keys_dir: Path, key: bytes, escrow: str | None) -> Path:
    """Write (or rewrite) ``keys/store.key.age``: owner-only, fsynced, renamed into place."""
    from app.services.sync import keys as device_keys

    path = key_file(keys_dir)
    device_keys._write_private(path, wrap(keys_dir, key, escrow))
    fsync_dir(path.parent)
    return path


def create_key(keys_dir: Path, escrow: str | None = None) -> bytes:
    """A new store key, wrapped and written (``init --encrypt``: before the store exists).  The
    device keys must exist already."""
    if key_file(keys_dir).exists():
        return read_key(keys_dir)
    key = os.urandom(KEY_BYTES)
    write_key(keys_dir, key, escrow)
    return key


def rewrap(store: Store, escrow: str | None) -> bool:
    """After the escrow key changed: wrap the store key to the device and the new escrow key.
    Returns whether the store is encrypted (False: nothing to do)."""
    if store.key is None:
        return False
    write_key(keys_dir_of(_db_file(store)), store.key, escrow)
    return True


def backup_key_file(backup: Path) -> Path:
    return backup.with_name(backup.name + ".key.age")


def write_backup_key(store: Store, backup: Path, escrow: str | None) -> Path | None:
    """Beside a backup written to a stick: its key, wrapped to this device and the escrow key, so
    the county can open the backup if this PC is lost.  Nothing for a plain store."""
    if store.key is None:
        return None
    wrapped = wrap(keys_dir_of(_db_file(store)), store.key, escrow)
    # as every file written for people: through a temporary file renamed over the name, never
    # through a link planted there (one into keys/ emptied the device's signing key), never into
    # the data folder's own places
    return safe_output.write_file(backup_key_file(backup), lambda f: f.write(wrapped))


def _db_file(store: Store) -> Path:
    if not is_sqlite(store.url):
        raise _err(
            QT_TRANSLATE_NOOP("Encryption", "PostgreSQL 数据库不用本功能加密：请用数据库服务器的磁盘加密")
        )
    return Path(store.engine.url.database or "")


@dataclass(frozen=True)
class Encrypted:
    path: Path
    tables: int
    rows: int
    plain_kept: Path | None  # the plain store, when asked to keep it


def _row_counts(conn) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def encrypt_store(store: Store, *, keep_plain: bool = False) -> Encrypted:
    """``store encrypt``: convert this plain store into an encrypted one.  The encrypted copy is
    written beside the store, checked (integrity, and every table's row count against the plain
    store) before one rename puts it in place; the plain file is kept as ``cunyi.db.plain`` until
    the encrypted store has opened with its key and counted the same rows, then removed (unless
    ``keep_plain``).  ``store`` is disposed; open a new one on the same URL afterwards.

    Close CunYi's window first: a program still writing to the old file would lose its writes."""
    db = _db_file(store)
    with store.session() as s:
        authz.require(s, "restore", what=Message("StoreCopy", ENCRYPTING))
        if store.key is not None:
            raise _err(QT_TRANSLATE_NOOP("Encryption", "数据库已经加密"))
        escrow = settings.get(s, settings.ESCROW_KEY) or None
    keys_dir = keys_dir_of(db)
    key = create_key(keys_dir, escrow)  # an interrupted conversion's key is used again
    with held_alone(db, ENCRYPTING) as told:  # (see db.hold_open)
        part = db.with_name(db.name + ENCRYPTING_SUFFIX)
        part.unlink(missing_ok=True)
        sqlite_backup(db, part, None, key)
        with store.engine.connect() as conn:
            plain_counts = _row_counts(conn.connection.dbapi_connection)
        encrypted = connect_file(part, key, readonly=True)
        try:
            integrity = encrypted.execute("PRAGMA integrity_check").fetchone()[0]
            copied_counts = _row_counts(encrypted)
        finally:
            encrypted.close()
        if integrity != "ok" or copied_counts != plain_counts:
            part.unlink(missing_ok=True)
            raise _err(QT_TRANSLATE_NOOP("Encryption", "加密副本校验未通过，数据库未改动"))
        plain = db.with_name(db.name + PLAIN_SUFFIX)

        def swap() -> None:
            plain.unlink(missing_ok=True)
            os.link(db, plain)  # the plain store stays reachable …
            part.replace(db)  # … while one rename puts the encrypted one in place

        def undo() -> None:
            """The store stays as it was, plain; what cannot be removed now, the next start
            removes (remove_leftovers)."""
            for made in (part, plain):  # (plain: a second name of the store, when made)
                with contextlib.suppress(OSError):
                    made.unlink(missing_ok=True)

        swap_file(store, db, swap, told=told, doing=ENCRYPTING, undo=undo)
        fsync_dir(db.parent)
        reopened = Store(store.url, upgrade=False)
        try:
            with reopened.engine.connect() as conn:
                reopened_counts = _row_counts(conn.connection.dbapi_connection)
            if reopened.key != key or reopened_counts != plain_counts:  # never expected: the plain one back
                reopened.dispose()
                plain.replace(db)
                raise _err(QT_TRANSLATE_NOOP("Encryption", "加密副本校验未通过，数据库未改动"))
            reopened.actor = store.actor
            with reopened.transaction() as s:
                audit.record(
                    s,
                    "backup",
                    "store",
                    None,
                    f"store encrypted at rest (SQLCipher), {len(plain_counts)} tables verified",
                )
        finally:
            reopened.dispose()
    kept = None
    if keep_plain:
        kept = plain.with_name(f"{db.stem}-plain-{dt.datetime.now():%Y%m%d-%H%M%S}.db")
        plain.replace(kept)
    else:
        plain.unlink()
    return Encrypted(db, len(plain_counts), sum(plain_counts.values()), kept)


def remove_leftovers(db: Path) -> list[str]:
    """At start: what a conversion cut short left beside the store (an encrypted copy not yet in
    place, or the plain file kept during the swap; either way the store itself is complete)."""
    done = []
    for suffix in (ENCRYPTING_SUFFIX, PLAIN_SUFFIX):
        leftover = db.with_name(db.name + suffix)
        if leftover.exists():
            leftover.unlink()
            done.append(f"removed {leftover.name}")
    return done


def plain_backups(backups_dir: Path) -> list[Path]:
    """Backups in ``backups/`` still written unencrypted (before the store was converted)."""
    if not Path(backups_dir).is_dir():
        return []
    folder = Path(backups_dir)
    # a compressed automatic backup (.db.zst) is only ever made of a plain store
    return sorted([*(p for p in folder.glob("*.db") if is_plain_sqlite(p)), *folder.glob("*.db.zst")])

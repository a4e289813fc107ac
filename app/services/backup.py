"""Backups, restore and the store check (issue 6; "Trust at every boundary").

- A backup is a consistent copy of the live SQLite store made with SQLite's online backup API
  (safe while the app writes), written to a ``.part`` name, fsynced and renamed: a backup file
  either is complete or does not exist.  Backups are owner-only files (0600, POSIX).
- Automatic backups: at most one a day, kept as 7 daily and 4 weekly copies in ``backups/``.
  A plain store's are zstd-compressed (``daily-YYYYMMDD.db.zst``: the SQLite file, compressed,
  a fifth of its size or less); an encrypted store's pages do not compress and stay ``.db``.
  Verify and restore take either kind.
- Restore checks the file first (a SQLite database, ``integrity_check`` ok, a CunYi store, a
  schema this app knows, and the same installation: code, role and device), keeps the current
  store aside, and prepares a copy of the backup *before* anything is swapped: the copy skips a
  million sequence numbers past what either store handed out, forgets what peers acknowledged,
  takes a new database id, carries in this device's audit entries made after the backup (the trail
  goes on through a restore; not a trail that fails its own check), numbers its audit chain past the
  lost copy's and records the restore.
  Only then does one rename put it in place.  A kill at any moment leaves either the old store or
  the fully prepared new one; :func:`recover_interrupted_restore` (at start) removes what a kill
  left behind and finishes a change of device keys that the rename already committed.
- Every backup this PC makes is sealed (:func:`seal`): an HMAC of the file under a secret kept in
  ``keys/``, beside it as ``<backup>.seal``.  The profile row inside a backup (code, role, device
  id) is anyone's to edit, and the device id is public (it is on the device card): a backup claims
  to be this installation's only when it carries this PC's seal.  One without (another PC's file
  edited to read as ours; or copied without its seal) is another installation's.
- A backup of another institution (its code or role differ from this PC's) is refused, always: a
  restore brings back this institution's data, it never turns a village PC into another village's
  or into the township's.  A new PC is set up (``init``) with the backup's code, then restores it
  as a new device.
- A backup of another installation is refused unless asked for (``force_other_device``): then
  this PC takes a new device identity (new device id, new keys in a fresh ``keys/``; the old
  keys are kept aside) and its peers must trust its new card before they accept its bundles.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, func, insert, literal, select, update
from sqlalchemy.exc import DBAPIError

from app import search_index
from app.config import DISK_RESERVE, Paths
from app.db import (
    PRIVATE_FILE,
    Store,
    _known_revision,
    connect_file,
    database_errors,
    fsync_dir,
    head_revision,
    held_alone,
    is_plain_sqlite,
    is_sqlite,
    open_lock_file,
    remove_orphan_part,
    sqlite_backup,
    swap_file,
)
from app.i18n import QT_TRANSLATE_NOOP
from app.models import ChangeLog, OriginMark, Peer, Profile, SyncState, new_id
from app.models.base import Id, as_uuid
from app.services import encryption, safe_output, settings
from app.services.access import audit, authz
from app.services.errors import Message, UserError
from app.services.profile import VILLAGE
from app.services.sync import capture, merge

CTX = "Backup"
DAILY_KEEP, WEEKLY_KEEP = 7, 4
COMPRESSED = ".zst"  # an automatic backup of a plain store: its SQLite file, zstd-compressed
ZSTD_LEVEL = 6  # ~5× on a store; a township's in seconds, in the background
PLAIN_COPY = ".plain"  # the uncompressed copy an automatic backup compresses, then deletes
SEQ_GAP_AFTER_RESTORE = 1_000_000
PREPARED_SUFFIX = ".restore"  # the backup's copy being prepared beside the store
SEAL_SUFFIX = ".seal"  # beside a backup: this PC's HMAC of it (seal)
KEYS_PENDING = "keys.restore"  # new device keys, moved in once the prepared store is in place
DEVICE_MARK = "DEVICE"  # in KEYS_PENDING: the device id the new keys belong to

# Fault injection for tests: called with each step's name as a restore passes it
# ("aside", "copied", "prepared", "keys", "closed", "swapped", "done").
on_step: Callable[[str], None] | None = None

log = logging.getLogger(__name__)
RESTORING = QT_TRANSLATE_NOOP("StoreCopy", "恢复")  # what held_alone and store_in_use name
INCOMPLETE = QT_TRANSLATE_NOOP("Backup", "{name} 不完整或已损坏（缺少表或列），拒绝恢复；本机数据未改动")


def _step(name: str) -> None:
    if on_step is not None:
        on_step(name)


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


# A store on a PostgreSQL server (a township's shared one, a county's) is backed up and restored by
# the server's own tools (pg_dump / pg_restore, the server's scheduled backups), never by CunYi: these
# refuse before anything is written.  `auto_backup` skips such a store.
def _seal_secret(keys_dir: Path, *, make: bool) -> bytes | None:
    """The secret this PC seals its backups with: made with its device keys (``init``), or at its
    first backup when ``make`` (a PC set up before backups were sealed)."""
    from app.services.sync.keys import SEAL_FILE

    path = keys_dir / SEAL_FILE
    if path.is_file():
        return path.read_bytes()
    if not make:
        return None
    keys_dir.mkdir(parents=True, exist_ok=True)
    secret = os.urandom(32)
    with contextlib.suppress(FileExistsError):  # (another process made it meanwhile: theirs stands)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as f:
            f.write(secret)
            f.flush()
            os.fsync(f.fileno())
    return path.read_bytes()


def _mac(path: Path, secret: bytes) -> str:
    import hashlib
    import hmac

    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return hmac.new(secret, digest.digest(), hashlib.sha256).hexdigest()


def seal(path: Path, keys_dir: Path, content: Path | None = None) -> Path:
    """Seal a backup this PC just made (``<backup>.seal``): what :func:`sealed_here` checks.
    ``content``: the file ``path`` is about to be (its ``.part``, sealed before it is renamed, so
    that a backup written anywhere never stands without its seal, whenever the PC is cut off)."""
    mark = path.with_name(path.name + SEAL_SUFFIX)
    text = _mac(content or path, _seal_secret(keys_dir, make=True)) + "\n"
    _write_atomically(mark, lambda out: out.write(text.encode()))
    return mark


def seal_own(paths: Paths) -> list[Path]:
    """Seal the backups this PC's own ``backups/`` folder holds without a seal: those made before
    backups were sealed (the automatic ones, a schema upgrade's), or whose seal a kill prevented.
    The folder is the app's, owner-only: what is in it, this PC put there."""
    folder = paths.sub("backups")
    done = []
    for path in sorted(folder.glob("*.db")) + sorted(folder.glob(f"*.db{COMPRESSED}")):
        if path.is_file() and not path.with_name(path.name + SEAL_SUFFIX).exists():
            done.append(seal(path, paths.sub("keys")))
    return done


def sealed_here(path: Path, keys_dir: Path) -> bool:
    """Whether ``path`` is a backup this PC made, as it made it (its seal, under this PC's secret)."""
    import hmac

    mark = path.with_name(path.name + SEAL_SUFFIX)
    secret = _seal_secret(keys_dir, make=False)
    if secret is None or not mark.is_file():
        return False
    return hmac.compare_digest(mark.read_text("ascii", errors="replace").strip(), _mac(path, secret))


def _keys_dir(store: Store) -> Path:
    return _db_file(store).parent / "keys"


def _db_file(store: Store, *, restoring: bool = False) -> Path:
    if not is_sqlite(store.url):
        if restoring:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "数据库在 PostgreSQL 服务器上，本程序不恢复：请用服务器自己的恢复（如 pg_restore）",
                )
            )
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup", "数据库在 PostgreSQL 服务器上，本程序不备份：请用服务器自己的备份（如 pg_dump）"
            )
        )
    return Path(store.engine.url.database or "")


def left_to_server(store: Store) -> bool:
    """Whether the store's backups are the database server's job (a PostgreSQL store), not CunYi's."""
    return not is_sqlite(store.url)


def backup_to(store: Store, dest: str | Path) -> Path:
    """``cunyi backup -o FILE``: a backup written anywhere (a USB stick)."""
    with store.session() as s:
        authz.require(s, "backup")
    _db_file(store)  # a PostgreSQL store: refused, nothing written
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"cunyi-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
    dest = safe_output.file_target(dest)  # a file in a folder that is there (never -o /dev/null as root)
    if store.key is not None:  # its key beside it: refused before the backup is written, not after
        safe_output.file_target(encryption.backup_key_file(dest))
    with safe_output.written_as(dest):  # (what goes wrong with its .part is said of it)
        path = sqlite_backup(
            _db_file(store), dest, store.key, before_rename=lambda part: seal(dest, _keys_dir(store), part)
        )
    with store.transaction() as s:
        audit.record(s, "backup", None, None, f"{path.name} {path.stat().st_size // 1024} KB")
        escrow = settings.get(s, settings.ESCROW_KEY) or None
    encryption.write_backup_key(store, path, escrow)  # what opens it if this PC is lost
    return path


def auto_backup(store: Store, paths: Paths, today: dt.date | None = None) -> Path | None:
    """At most one backup a day into ``backups/``, then rotation: 7 daily, 4 weekly.  First, any
    backup in that (owner-only) folder left without its seal is sealed (:func:`seal_own`)."""
    if not is_sqlite(store.url):
        return None
    seal_own(paths)
    today = today or dt.date.today()
    folder = paths.sub("backups")
    ext = ".db" if store.key is not None else ".db" + COMPRESSED
    daily = folder / f"daily-{today:%Y%m%d}{ext}"
    if _dated(folder, daily.name.split(".")[0]):
        return None
    for left in folder.glob("*" + PLAIN_COPY):  # a copy a kill left before it was compressed
        left.unlink(missing_ok=True)
    if store.key is not None:
        sqlite_backup(_db_file(store), daily, store.key)
    else:
        copy = sqlite_backup(_db_file(store), daily.with_name(daily.name + PLAIN_COPY))
        try:
            _write_atomically(daily, lambda out: _compress(copy, out))
        finally:
            copy.unlink(missing_ok=True)
    seal(daily, paths.sub("keys"))
    year, week, _ = today.isocalendar()
    weekly = folder / f"weekly-{year}-W{week:02d}{ext}"
    if not _dated(folder, weekly.name.split(".")[0]):
        if store.key is not None:
            sqlite_backup(daily, weekly, store.key)  # owner-only, complete or absent, like the daily one
        else:
            _write_atomically(weekly, lambda out: _copy_bytes(daily, out))
        seal(weekly, paths.sub("keys"))
    for prefix, keep in (("daily-", DAILY_KEEP), ("weekly-", WEEKLY_KEEP)):
        for old in sorted(_backups(folder, prefix))[:-keep]:
            old.unlink(missing_ok=True)
            old.with_name(old.name + SEAL_SUFFIX).unlink(missing_ok=True)
    return daily


def _backups(folder: Path, prefix: str) -> list[Path]:
    return [*folder.glob(f"{prefix}*.db"), *folder.glob(f"{prefix}*.db{COMPRESSED}")]


def _dated(folder: Path, stem: str) -> bool:
    """Whether the backup named ``stem`` (``daily-20261130``) exists, compressed or not."""
    return (folder / f"{stem}.db").exists() or (folder / f"{stem}.db{COMPRESSED}").exists()


def _compress(src: Path, out) -> None:
    import zstandard

    with open(src, "rb") as f:
        zstandard.ZstdCompressor(level=ZSTD_LEVEL).copy_stream(f, out)


def _copy_bytes(src: Path, out) -> None:
    with open(src, "rb") as f:
        shutil.copyfileobj(f, out, 1 << 20)


def _write_atomically(dest: Path, write: Callable) -> Path:
    """``dest`` written by ``write(file)`` via ``dest.part`` (owner-only, locked while written so
    the clean-up at start never takes a live one), fsynced and renamed: complete, or absent.  For
    the program's own files (automatic backups, seals beside a backup already written)."""
    dest = safe_output.file_target(dest, own=True)
    part = dest.with_name(dest.name + ".part")
    with safe_output.written_as(dest):
        part.unlink(missing_ok=True)
        fd = os.open(part, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    if os.name == "posix":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with os.fdopen(os.dup(fd), "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        os.close(fd)
        part.unlink(missing_ok=True)
        raise
    if os.name == "posix":
        part.replace(dest)
        os.close(fd)
    else:  # Windows cannot rename a file it holds open
        os.close(fd)
        part.replace(dest)
    fsync_dir(dest.parent)
    return dest


def is_compressed(path: Path) -> bool:
    return path.name.endswith(COMPRESSED)


WORK_PREFIX = "cunyi-restore-"  # a restore's working folder in the data folder
WORK_BUSY = ".busy"  # locked inside it while the restore runs


@contextlib.contextmanager
def work_folder(paths: Paths) -> Iterator[Path]:
    """A private folder for a restore's copies of a backup, in the data folder (owner-only, as the
    store is), removed afterwards.  A restore killed half-way leaves it behind: the next start
    removes it (:func:`recover_interrupted_restore`), not a folder a running restore holds (its
    ``.busy`` file is locked while it runs), so no copy of the records is left in the system's
    temporary folder for good."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=paths.data_dir) as tmp:
        fd = os.open(Path(tmp) / WORK_BUSY, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            if os.name == "posix":
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX)  # released when the descriptor closes, or the process dies
            yield Path(tmp)  # (Windows: a file held open cannot be deleted, which is lock enough)
        finally:
            os.close(fd)


def _remove_left_work(paths: Paths) -> list[str]:
    """The working folders of restores killed half-way (:func:`work_folder`)."""
    done = []
    for folder in sorted(paths.data_dir.glob(WORK_PREFIX + "*")) if paths.data_dir.is_dir() else ():
        busy = folder / WORK_BUSY
        if folder.is_dir() and (not busy.exists() or remove_orphan_part(busy)):
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder.name}")
    return done


@contextlib.contextmanager
def readable(path: Path, work_dir: Path | None = None) -> Iterator[Path]:
    """The backup as a SQLite file: itself, or (compressed) its copy in a private temporary
    folder (in ``work_dir``, a restore's :func:`work_folder`), removed afterwards."""
    if not is_compressed(path):
        yield path
        return
    import zstandard

    with tempfile.TemporaryDirectory(prefix="plain-", dir=work_dir) as tmp:
        plain = Path(tmp) / path.name  # the name messages about it show
        # never more than the disk can spare (a small file may unpack to any size): the unpacked
        # copy, the store set aside and the restored one, and the records typed afterwards
        room = shutil.disk_usage(tmp).free - DISK_RESERVE
        try:
            with open(path, "rb") as f, open(plain, "wb") as out:
                reader = zstandard.ZstdDecompressor().stream_reader(f, read_across_frames=True)
                while block := reader.read(1 << 20):
                    room -= len(block)
                    if room < 0:
                        raise _err(
                            QT_TRANSLATE_NOOP(
                                "Backup",
                                "磁盘空间不足，无法解压备份 {name}：解压到 {size} MB 时磁盘已不够（还要留 {reserve} MB）。"
                                "请清理磁盘后再试；本机数据未改动",
                            ),
                            name=path.name,
                            size=out.tell() >> 20,
                            reserve=DISK_RESERVE >> 20,
                        )
                    out.write(block)
        except zstandard.ZstdError:
            raise _err(
                QT_TRANSLATE_NOOP("Backup", "{name} 已损坏（完整性检查未通过）"), name=path.name
            ) from None
        yield plain


@dataclass
class BackupInfo:
    path: Path
    revision: str
    code: str
    name: str
    residents: int
    visits: int
    role: str = ""
    device_id: uuid.UUID | None = None
    new_device_id: uuid.UUID | None = None  # set by a restore that took a new device identity
    seq: int = 0  # the last change number the backed-up store had handed out
    # set by a restore over this PC's own store: the changes made here after the backup, which now
    # are only in the old store kept aside
    dropped_changes: int = 0


def _backup_file(path: str | Path) -> Path:
    """``path`` as the backup file a user named, refused unless it is a file: a folder, nothing
    there, or something that is there but no file (a device, a pipe, a socket: no backup, and
    reading one may wait for ever)."""
    path = Path(path)
    if path.is_dir():
        raise _err(QT_TRANSLATE_NOOP("Backup", "{path} 是一个文件夹：请给出其中的备份文件"), path=str(path))
    if not path.exists():
        raise _err(QT_TRANSLATE_NOOP("Backup", "找不到备份文件：{path}"), path=str(path))
    if not path.is_file():
        raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 不是村医备份文件"), name=str(path))
    return path


def verify(path: str | Path, key: bytes | None = None, work_dir: Path | None = None) -> BackupInfo:
    """Is this a complete CunYi store this app can open?  Refused with a reason otherwise.  An
    encrypted backup opens with ``key`` (this PC's store key, or one given with ``--key-file``).
    ``work_dir``: where a compressed one is unpacked (a restore's :func:`work_folder`)."""
    path = _backup_file(path)
    if is_compressed(path):
        with readable(path, work_dir) as plain:
            return dataclasses.replace(_verify(plain, key), path=path)
    return _verify(path, key)


def _verify(path: Path, key: bytes | None) -> BackupInfo:
    if is_plain_sqlite(path):
        key = None
    elif not encryption.is_encrypted_file(path) or encryption.looks_like_text(path):
        raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 不是村医备份文件"), name=path.name)
    elif not encryption.looks_encrypted(path):  # neither plain nor whole pages: cut off or damaged
        raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 已损坏（完整性检查未通过）"), name=path.name)
    elif key is None or not _opens(path, key):
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{name} 已加密（或不是村医备份），本机的存储密钥打不开它：若是另一台电脑的备份，"
                "请用 --key-file 给出它的密钥（县级可用托管密钥从备份旁的 .key.age 文件找回）",
            ),
            name=path.name,
        )
    try:
        conn = connect_file(path, key, readonly=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 已损坏（完整性检查未通过）"), name=path.name)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "profile", "resident"} <= tables:
                raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 不是村医备份文件"), name=path.name)
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            profile = conn.execute("SELECT code, name, role, device_id FROM profile WHERE id = 1").fetchone()
            seq = (
                (conn.execute("SELECT seq FROM sync_state WHERE id = 1").fetchone() or (0,))[0] or 0
                if "sync_state" in tables
                else 0
            )
            residents = conn.execute("SELECT count(*) FROM resident").fetchone()[0]
            visits = (
                conn.execute("SELECT count(*) FROM followup_visit").fetchone()[0]
                if "followup_visit" in tables
                else 0
            )
        finally:
            conn.close()
    except database_errors():
        raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 已损坏（完整性检查未通过）"), name=path.name) from None
    if revision != head_revision() and not _known_revision(revision):
        raise _err(
            QT_TRANSLATE_NOOP("Backup", "{name} 来自更新版本的村医（数据结构 {rev}），请先更新本机村医"),
            name=path.name,
            rev=revision,
        )
    if profile is None:
        raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 不是村医备份文件"), name=path.name)
    code, name, role, device = profile
    return BackupInfo(path, revision, code, name, residents, visits, role, _as_uuid(device), seq=int(seq))


def _opens(path: Path, key: bytes) -> bool:
    try:
        conn = connect_file(path, key, readonly=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
        return True
    except database_errors():
        return False


def _as_uuid(value) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return as_uuid(value)  # 16 bytes, or the hex text of stores before schema 0014
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class _Installation:
    """What restore needs to know of the store it replaces."""

    code: str
    name: str
    role: str
    device_id: uuid.UUID
    seq: int  # the last sequence number it handed out
    chain_seq: int  # the last audit chain number of its device
    chain_hash: str  # and that entry's hash
    clock_ms: int = 0  # its hybrid clock's time: what it wrote last is no later


def _installation(session) -> _Installation | None:
    p = session.get(Profile, 1)
    if p is None:
        return None  # not initialised: nothing to tell apart
    state = session.execute(select(SyncState.seq, SyncState.hlc_ms).where(SyncState.id == 1)).first()
    seq, clock_ms = (state[0] or 0, state[1] or 0) if state else (0, 0)
    chain_seq, chain_hash = audit.heads(session).get(p.device_id, (0, ""))
    return _Installation(p.code, p.name, p.role, p.device_id, seq, chain_seq, chain_hash, clock_ms)


def _same_installation(info: BackupInfo, here: _Installation | None) -> bool:
    return here is None or (info.code, info.role, info.device_id) == (here.code, here.role, here.device_id)


def is_set_up(store: Store) -> bool:
    """Whether this installation has been set up (``init``): a profile row."""
    with store.session() as s:
        return s.get(Profile, 1) is not None


def restore_onto_new_pc(store: Store, paths: Paths, src: str | Path) -> tuple[BackupInfo, Path]:
    """A PC not set up yet (a replacement for one that died) restores a backup as its first step:
    set up as the backup says it is (role, code, name), checked first, and then restored as a new
    device of that institution.  Refused (or failed) before anything was restored, the PC is left
    as it was, not set up: no empty store (``init --encrypt`` will not start over a file), no keys.
    An encrypted backup needs this PC's own store key first: ``init --encrypt``, then ``restore``."""
    from app.services import profile
    from app.services.sync import keys

    src, keys_dir = Path(src), paths.sub("keys")
    keys_before = set(keys_dir.iterdir())
    try:
        if src.is_file() and encryption.looks_encrypted(src):
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "{name} 已加密：请先用 cunyi init --encrypt（机构代码和名称同备份）初始化本机，"
                    "再用 cunyi restore --force-other-device --key-file … 恢复",
                ),
                name=src.name,
            )
        with work_folder(paths) as work:
            info = verify(src, work_dir=work)
        if info.role not in (profile.VILLAGE, profile.TOWNSHIP, profile.COUNTY):
            raise _err(
                QT_TRANSLATE_NOOP("Backup", "{name} 是旧版本的备份：请先用 cunyi init 初始化本机，再恢复"),
                name=src.name,
            )
        with store.transaction() as s:
            profile.init_profile(s, role=info.role, code=info.code, name=info.name)
        keys.create_keys(keys_dir)
        keys.keys_for_store(store, keys_dir)
        return restore(store, paths, src, force_other_device=True)
    except Exception:
        store.dispose()
        for suffix in ("", "-wal", "-shm", "-journal"):
            paths.db_file.with_name(paths.db_file.name + suffix).unlink(missing_ok=True)
        for made in set(keys_dir.iterdir()) - keys_before:
            if made.is_file():
                made.unlink()
        raise


def restore(
    store: Store,
    paths: Paths,
    src: str | Path,
    *,
    force_other_device: bool = False,
    key: bytes | None = None,
) -> tuple[BackupInfo, Path]:
    """:func:`_restore` from a private copy of ``src`` (and its seal), read once: the file checked
    is the file restored, whatever happens to ``src`` meanwhile (a share, a stick rewritten
    between the seal's check and the copy)."""
    with store.session() as s:
        authz.require(s, "restore")  # before anything is read of the file, or said about it
    src = _backup_file(src)
    if is_sqlite(store.url):
        seal_own(paths)  # (a schema upgrade's copy, made before it was sealed at the next start)
    with work_folder(paths) as tmp:
        held = tmp / src.name
        shutil.copyfile(src, held)
        mark = src.with_name(src.name + SEAL_SUFFIX)
        if mark.is_file():
            shutil.copyfile(mark, held.with_name(held.name + SEAL_SUFFIX))
        info, aside = _restore(store, paths, held, force_other_device=force_other_device, key=key, work=tmp)
    return dataclasses.replace(info, path=src), aside


def _restore(
    store: Store,
    paths: Paths,
    src: Path,
    *,
    force_other_device: bool = False,
    key: bytes | None = None,
    work: Path | None = None,
) -> tuple[BackupInfo, Path]:
    """Replace the store by a backup.  Returns the backup's facts and where the old store went.
    ``store`` is disposed; open a new one on the same URL afterwards.  ``work``: the restore's
    :func:`work_folder`, where a compressed backup is unpacked.

    A backup of another installation (code, role or device id differ) is refused unless
    ``force_other_device``: this PC then takes a new device identity (``info.new_device_id``)
    with new keys, and its peers must trust its new card.

    An encrypted backup opens with this PC's store key, or ``key`` (``--key-file``: another PC's);
    the restored store takes this installation's encryption (its key, or none)."""
    with store.session() as s:
        authz.require(s, "restore")
        here = _installation(s)
        escrow = settings.get(s, settings.ESCROW_KEY) or None
    db = _db_file(store, restoring=True)
    backup_key = key or store.key
    info = verify(src, backup_key, work)
    if here is not None and (info.code, info.role) != (here.code, here.role):
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{file} 是 {theirs} 的备份，本机是 {mine}，未恢复：恢复只换回本单位的数据，不会把本机变成"
                "另一个村卫生室或卫生院（那样本机会拿到别的单位的全部档案）。换电脑或重装时，请在新电脑上"
                "用备份所属单位的代码运行 cunyi init，再作为新设备恢复（命令行加 --force-other-device）。",
            ),
            file=info.path.name,
            theirs=f"{info.code} {info.name}",
            mine=f"{here.code} {here.name}",
        )
    other = not _same_installation(info, here)
    unsealed = here is not None and not other and not sealed_here(Path(src), paths.sub("keys"))
    if unsealed and not force_other_device and Path(src).with_name(Path(src).name + SEAL_SUFFIX).is_file():
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{file} 与它旁边的备份签章（{seal}）对不上，未恢复：它在备份之后被改动过，或者不是本机做的备份。"
                "确需使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，"
                "乡镇卫生院与各村需重新信任本机的设备卡。",
            ),
            file=info.path.name,
            seal=info.path.name + SEAL_SUFFIX,
        )
    if unsealed and not force_other_device:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{file} 自称是本机的备份，但没有本机的备份签章（{seal}），未恢复：它可能来自别的电脑、"
                "被改动过，或拷贝时没带上签章文件。若带上了签章文件请一起放回原处再试；确需使用它，"
                "请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，"
                "乡镇卫生院与各村需重新信任本机的设备卡。",
            ),
            file=info.path.name,
            seal=info.path.name + SEAL_SUFFIX,
        )
    other = other or unsealed
    # this PC's changes to its records logged after the backup was made (in the old store kept
    # aside only, afterwards); the trail's own entries (a print, a login, a restore) not counted
    dropped = 0
    if not other and here is not None:
        with store.session() as s:
            dropped = s.scalar(
                select(func.count())
                .select_from(ChangeLog)
                .where(
                    ChangeLog.origin == here.device_id,
                    ChangeLog.seq > info.seq,
                    ChangeLog.entity != "audit_log",
                )
            )
    if other and not force_other_device:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{file} 是另一台设备的备份（{theirs}，设备 {their_device}），本机是 {mine}（设备 {my_device}），"
                "未恢复：两台电脑以同一身份同步会丢失数据。确需在本机使用它，请选择作为新设备恢复"
                "（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，"
                "乡镇卫生院与各村需重新信任本机的设备卡。",
            ),
            file=info.path.name,
            theirs=f"{info.code} {info.name}",
            their_device=info.device_id.hex[-8:] if info.device_id else "?",  # the random end of a UUIDv7
            mine=f"{here.code} {here.name}",
            my_device=here.device_id.hex[-8:],
        )
    # no other process may be writing the file about to be swapped out (db.hold_open)
    with held_alone(db, RESTORING) as told:
        recover_interrupted_restore(paths, db)  # what an earlier, interrupted restore left
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = _unused(paths.sub("backups") / f"pre-restore-{stamp}.db")
        sqlite_backup(db, aside, store.key)  # the current store, complete, before anything changes
        _step("aside")
        prepared = db.with_name(db.name + PREPARED_SUFFIX)
        with readable(Path(src), work) as plain:
            src_key = None if is_plain_sqlite(plain) else backup_key
            sqlite_backup(plain, prepared, src_key, store.key)  # with this installation's encryption
        _step("copied")
        new_device = new_id() if other else None
        # this device's audit trail goes on through the restore: its entries made after the
        # backup are carried into the restored copy (a tampered trail is not: it stays aside)
        carried = None
        if new_device is None and here is not None:
            with store.session() as s:
                carried = _own_trail(s, here.device_id)
        try:
            _prepare(
                prepared,
                info,
                here,
                new_device,
                store.actor,
                paths,
                f"old store kept as {aside.name}",
                store.key,
                carried,
            )
        except (UserError, DBAPIError, *database_errors()) as e:
            # a tampered backup, or one whose tables are not all there (cut down by hand): refused,
            # and nothing of this restore is left
            _abandon(paths, db, aside)
            if isinstance(e, UserError):
                raise
            log.warning("restore of %s refused: %s", info.path.name, e)
            raise _err(
                INCOMPLETE,
                name=info.path.name,
            ) from None
        seal(aside, paths.sub("keys"))  # this PC's own copy: restoring it undoes this restore
        _step("prepared")
        if new_device is not None:
            _make_pending_keys(paths, new_device, store.key, escrow)
            _step("keys")

        def swap() -> None:
            _step("closed")
            prepared.replace(db)  # the swap: one rename, the commit point

        swap_file(store, db, swap, told=told, doing=RESTORING, undo=lambda: _abandon(paths, db, aside))
        _remove_lock_files(prepared)  # (the prepared copy's, now the store's own are used)
        _step("swapped")
        fsync_dir(db.parent)
        if new_device is not None:
            _install_pending_keys(paths, stamp)
        _step("done")
    return dataclasses.replace(info, new_device_id=new_device, dropped_changes=dropped), aside


def _abandon(paths: Paths, db: Path, aside: Path) -> None:
    """Take away what a restore refused before its swap made (the store itself untouched): the
    current store's copy put aside and its seal, new device keys, the prepared copy.  Each on its
    own: one that cannot be removed now (Windows: held by a virus scanner) leaves the others gone;
    the prepared copy and the keys are removed at the next start (recover_interrupted_restore)."""
    shutil.rmtree(paths.data_dir / KEYS_PENDING, ignore_errors=True)
    for made in (aside, aside.with_name(aside.name + SEAL_SUFFIX)):
        with contextlib.suppress(OSError):
            made.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        _remove_prepared(db)
        _remove_lock_files(db.with_name(db.name + PREPARED_SUFFIX))


def _remove_lock_files(db: Path) -> None:
    """The lock files a store opened on ``db`` made beside it (its writers', db.hold_open's)."""
    for name in (f".{db.name}.writers", open_lock_file(db).name):
        db.with_name(name).unlink(missing_ok=True)


def _unused(path: Path) -> Path:
    n = 1
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _prepare(
    db: Path,
    info: BackupInfo,
    here: _Installation | None,
    new_device: uuid.UUID | None,
    actor,
    paths: Paths,
    note: str,
    key: bytes | None = None,
    carried: _Trail | None = None,
) -> None:
    """Make the backup's copy ready to be this installation's store, before it is swapped in:
    its schema upgraded, sequence numbers past anything handed out, peers to be sent everything
    again, a new database id, the replaced store's audit entries it lacks (``carried``:
    :func:`_own_trail`, None when that trail did not verify), the restore in its audit trail;
    then one self-contained file.
    A copy whose audit trail was tampered with (what ``cunyi check`` would report after the swap:
    an append-only trigger dropped, a hash chain broken) is refused here (:func:`_refuse_tampered`).

    With a new device identity, the changes the old identity made that its peers had not
    acknowledged are sent again as this device's (a village speaks only for itself), so what the
    old PC never delivered still reaches the township."""
    prepared = Store(f"sqlite:///{db}", backups_dir=paths.sub("backups"), key=key)
    resent = 0
    try:
        _refuse_incomplete(prepared, info.path.name)
        if carried:  # the backup's own chain first: the entries carried would fill a gap cut in it
            _refuse_tampered(prepared, info.path.name, device=info.device_id)
        with prepared.transaction() as s:
            p = s.get(Profile, 1)
            old_device = p.device_id
            seq = s.scalar(select(SyncState.seq).where(SyncState.id == 1))
            same_device = here is not None and here.device_id == old_device
            floor = max(seq or 0, here.seq if same_device else 0)
            if seq is None:
                s.add(SyncState(id=1, seq=floor + SEQ_GAP_AFTER_RESTORE, hlc_ms=0, hlc_counter=0))
            else:
                s.execute(
                    update(SyncState).where(SyncState.id == 1).values(seq=floor + SEQ_GAP_AFTER_RESTORE)
                )
            if same_device and p.role == VILLAGE and floor > (seq or 0):
                _lacking_own(s, old_device, seq or 0, floor)
                # its clock too, past what the store replaced wrote (a field typed after the restore
                # is newer than the same field written after the backup, coming back: merge rule)
                s.execute(
                    update(SyncState)
                    .where(SyncState.id == 1, SyncState.hlc_ms < here.clock_ms)
                    .values(hlc_ms=here.clock_ms, hlc_counter=0)
                )
            if new_device is not None:
                resent = _resend_as(s, old_device, new_device)
            s.execute(update(Peer).values(acked={}, seen_acks={}, acks_word=None))
            p.db_id = new_id()
            inserted = []
            if new_device is None:
                if same_device and carried:
                    inserted = audit.carry_over(s, carried.entries)
                    _log_carried(s, old_device, carried.logged, set(inserted))
                audit.skip_after_restore(
                    s,
                    old_device,
                    here.chain_seq if same_device else 0,
                    SEQ_GAP_AFTER_RESTORE,
                    link=here.chain_hash if inserted else None,
                )
            else:
                p.device_id = new_device
        prepared.actor = actor
        with prepared.transaction() as s:  # a new session: it sees the new identity
            summary = f"{info.path.name} ({info.revision}), {note}"
            if inserted:
                summary += f"; {len(inserted)} audit entries made after the backup kept"
            elif carried is None and new_device is None and same_device:
                summary += "; audit entries made after the backup not kept: the old store's trail is damaged"
            if new_device is not None:
                was = info.device_id.hex if info.device_id else "?"
                summary += f"; new device {new_device.hex} (was {was}), {resent} changes sent again"
            audit.record(s, "restore", None, None, summary)
        _refuse_tampered(prepared, info.path.name)
    finally:
        prepared.dispose()
    conn = connect_file(db, key, isolation_level=None)  # one self-contained file: no WAL beside it
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    with open(db, "rb+") as f:
        os.fsync(f.fileno())


@dataclass(frozen=True)
class _Trail:
    """This device's audit trail in the store a restore replaces: its entries
    (:func:`audit.own_entries`) and their change-log rows (what sends them)."""

    entries: list[dict]
    logged: list[dict]


def _own_trail(session, device: uuid.UUID) -> _Trail | None:
    """The trail a restore carries into the restored copy; None when it does not verify."""
    entries = audit.own_entries(session, device)
    if entries is None:
        return None
    t = ChangeLog.__table__
    q = (
        select(t.c.entity, t.c.row_id, t.c.hlc, t.c.scope, t.c.user_id, t.c.data)
        .where(t.c.origin == device, t.c.entity == "audit_log")
        .order_by(t.c.seq)
    )
    return _Trail(entries, [dict(r) for r in session.connection().execute(q).mappings()])


def _log_carried(session, device: uuid.UUID, logged: list[dict], ids: set) -> None:
    """The change-log rows of the audit entries carried into a restored copy (``ids``), with new
    sequence numbers and their own clocks: a peer that holds an entry already takes it again as
    the same (an append-only row sent at another clock is refused as changed)."""
    rows = [r for r in logged if r["row_id"] in ids]
    if not rows:
        return
    conn = session.connection()
    base, _clock = capture.advance(conn, device, len(rows))
    conn.execute(
        insert(ChangeLog.__table__),
        [{**r, "origin": device, "seq": base + n, "pending": False} for n, r in enumerate(rows, 1)],
    )


def _lacking_own(session, me: uuid.UUID, held_to: int, floor: int) -> None:
    """What a village restored from an older backup lacks of its own changes: those numbered after
    the backup's last (``held_to``) up to the last the replaced store handed out (``floor``).  Its
    mark of its own origin says so (merge.OWN_REST): its bundles acknowledge its own changes only
    up to ``held_to``, and its township sends back those of them it received, which are applied as
    any relayed change (a field's newer clock wins)."""
    mark = session.get(OriginMark, me)
    if mark is None:
        session.add(OriginMark(origin=me, hw=held_to, ranges=[[floor, merge.OWN_REST]]))
    else:  # restored before and still lacking some: what it held then, up to this backup's last
        kept = [[lo, min(hi, held_to)] for lo, hi in mark.ranges if lo < held_to]
        mark.hw = min(mark.hw, held_to)
        mark.ranges = [*kept, [floor, merge.OWN_REST]]


def _resend_as(session, old_device: uuid.UUID, new_device: uuid.UUID) -> int:
    """Copy the old identity's changes that its peers had not acknowledged into the change log
    as the new device's (new sequence numbers, same clocks and content).  Peers apply them like
    the originals would have been: a field they already hold at that clock is skipped, a newer
    value they hold wins.  Returns how many were copied."""
    peers = session.scalars(select(Peer).where(Peer.revoked_at.is_(None))).all()
    delivered = min((int((p.acked or {}).get(old_device.hex, 0)) for p in peers), default=0)
    t = ChangeLog.__table__
    mine = (t.c.origin == old_device) & (t.c.seq > delivered)
    conn = session.connection()
    top, count = conn.execute(select(func.max(t.c.seq), func.count()).where(mine)).one()
    if not count:
        return 0
    base, _clock = capture.advance(conn, new_device, top)  # numbers base+1 … base+top, unused
    columns = ("entity", "row_id", "hlc", "scope", "user_id", "data")
    conn.execute(
        insert(t).from_select(
            ["origin", "seq", *columns, "pending"],
            select(
                literal(new_device, Id()),
                t.c.seq + base,
                *(t.c[c] for c in columns),
                literal(False),
            ).where(mine),
        )
    )
    # A change that made its row keeps no payload while the row holds what it wrote (capture.made_by);
    # its copy gets the payload now: the first later write of the row finds the original, not the copy.
    copies = (t.c.origin == new_device) & (t.c.seq > base) & t.c.data.is_(None)
    while True:
        bare = conn.execute(select(t.c.seq, t.c.entity, t.c.row_id, t.c.hlc).where(copies).limit(2000)).all()
        if not bare:
            break
        made = capture.creation_payloads(conn, [(e, r, h) for _s, e, r, h in bare])
        conn.execute(
            update(t)
            .where(t.c.origin == new_device, t.c.seq == bindparam("_s"))
            .values(data=bindparam("_d")),
            [{"_s": q, "_d": made[(e, r)]} for q, e, r, _h in bare],
        )
    return count


def _make_pending_keys(
    paths: Paths, device: uuid.UUID, store_key: bytes | None = None, escrow: str | None = None
) -> None:
    """New device keys in ``keys.restore/``, marked with the device id they belong to; an
    encrypted store's key wrapped to them goes along (the folder moves in as a whole)."""
    from app.services.sync.keys import create_keys

    pending = paths.data_dir / KEYS_PENDING
    if pending.exists():
        shutil.rmtree(pending)
    create_keys(pending)
    if store_key is not None:
        encryption.write_key(pending, store_key, escrow)
    mark = pending / DEVICE_MARK
    fd = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(device.hex)
        f.flush()
        os.fsync(f.fileno())
    fsync_dir(pending)
    fsync_dir(paths.data_dir)


def _install_pending_keys(paths: Paths, stamp: str) -> None:
    """``keys.restore/`` becomes ``keys/``; the keys of the identity given up are kept aside."""
    pending, keys = paths.data_dir / KEYS_PENDING, paths.sub("keys")
    if keys.exists():
        keys.rename(_unused(paths.data_dir / f"keys-pre-restore-{stamp}"))
    pending.rename(keys)
    fsync_dir(paths.data_dir)
    (keys / DEVICE_MARK).unlink(missing_ok=True)


def _remove_prepared(db: Path) -> list[str]:
    """Remove the copy of a backup being prepared beside the store ``db``, and its journals."""
    done = []
    for suffix in ("-journal", "-wal", "-shm", ""):  # the main file last: its journal first
        leftover = db.with_name(db.name + PREPARED_SUFFIX + suffix)
        if leftover.exists():
            leftover.unlink()
            done.append(f"removed {leftover.name}")
    return done


def _store_device(db: Path) -> str | None:
    if not db.is_file():
        return None
    try:
        conn = connect_file(db, encryption.key_for_store(db), readonly=True)
        try:
            row = conn.execute("SELECT device_id FROM profile WHERE id = 1").fetchone()
        finally:
            conn.close()
    except (*database_errors(), UserError):
        return None
    device = _as_uuid(row[0]) if row else None
    return device.hex if device else None


def recover_interrupted_restore(paths: Paths, db: Path | None = None) -> list[str]:
    """Call at start, before the store opens (and restore calls it first): remove what a
    restore or a backup cut short left behind — the prepared copy beside the store, ``.part``
    files no process is writing — and, if the prepared store was already swapped in with a new
    device identity, put its new keys in place.  Returns what was done, for the log."""
    db = db or paths.db_file
    done = encryption.remove_leftovers(db)
    done += _remove_prepared(db)
    done += _remove_left_work(paths)
    for folder in (paths.data_dir, paths.sub("backups")):
        if folder.is_dir():
            for part in sorted(folder.glob("*.part")):
                if remove_orphan_part(part):
                    part.with_name(part.name + "-journal").unlink(missing_ok=True)
                    done.append(f"removed {part.name}")
    pending = paths.data_dir / KEYS_PENDING
    if pending.is_dir():
        mark = pending / DEVICE_MARK
        wanted = mark.read_text(encoding="ascii").strip() if mark.is_file() else None
        if wanted and wanted == _store_device(db):  # the swap happened: the keys belong to it
            _install_pending_keys(paths, dt.datetime.now().strftime("%Y%m%d-%H%M%S"))
            done.append("installed the new device keys of a restore")
        else:
            shutil.rmtree(pending)
            done.append(f"removed {KEYS_PENDING}")
    return done


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str = ""
    by_user: bool = (
        False  # a problem the user sets right as its detail says (a clock, a file to import again)
    )


@dataclass
class CheckReport:
    results: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def for_maintainer(self) -> bool:
        """Whether a problem found needs someone who maintains the PC (not only the user's steps)."""
        return any(not r.ok and not r.by_user for r in self.results)


ORPHANS = {
    "每条随访与其慢病管理属于同一居民": "SELECT count(*) FROM followup_visit v JOIN program_enrolment e ON e.id = v.enrolment_id "
    "WHERE e.resident_id != v.resident_id",
    "每位居民与其所在户属于同一个村": "SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id "
    "WHERE h.village_id != r.village_id",
    "已作废的居民没有未作废的随访": "SELECT count(*) FROM followup_visit v JOIN resident r ON r.id = v.resident_id "
    "WHERE r.voided AND NOT v.voided",  # booleans as both SQLite and PostgreSQL read them
    "每位居民的档案编号以其所在村的代码开头": "SELECT count(*) FROM resident r JOIN village v ON v.id = r.village_id "
    "WHERE substr(r.archive_no, 1, 12) != v.code",
    "每位居民都有检索键": "SELECT count(*) FROM resident r WHERE NOT EXISTS "
    "(SELECT 1 FROM resident_search_key k WHERE k.resident_id = r.id)",
}


AUDIT_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_chain_once")
PG_AUDIT_TRIGGERS = ("audit_log_append_only",)  # migration 0015: the same rules in one PL/pgSQL trigger


def _missing_audit_triggers(conn) -> list[str]:
    """The triggers that keep the audit trail append-only which the database lacks (dropped, or on
    PostgreSQL disabled)."""
    if conn.dialect.name == "sqlite":
        present = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        return [name for name in AUDIT_TRIGGERS if name not in present]
    present = {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND tgenabled != 'D'"
        )
    }
    return [name for name in PG_AUDIT_TRIGGERS if name not in present]


def _refuse_incomplete(store: Store, name: str) -> None:
    """Refuse (UserError) a copy, brought up to this version's schema, that lacks a table or a
    column this version has: a backup cut down by hand restored "fine" and broke the app later."""
    from sqlalchemy import inspect

    from app.models import Base

    found = inspect(store.engine)
    tables = set(found.get_table_names())
    missing = [
        t.name
        for t in Base.metadata.sorted_tables
        if t.name not in tables or not {c.name for c in t.c} <= {c["name"] for c in found.get_columns(t.name)}
    ]
    if missing:
        log.warning("restore of %s refused: tables missing or incomplete: %s", name, missing)
        raise _err(
            INCOMPLETE,
            name=name,
        )


def _schema(conn) -> dict[tuple[str, str], str]:
    """A SQLite store's schema: its tables, indexes, triggers and views by type and name (SQLite's
    own, ``sqlite_…``, left out: statistics, sequences, the indexes of its constraints), each as its
    SQL with white space folded."""
    return {
        (kind, name): " ".join((sql or "").split())
        for kind, name, sql in conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
    }


@functools.cache
def _own_schema() -> dict[tuple[str, str], str]:
    """:func:`_schema` of a store this version makes (every older store upgraded to this version
    has the same, word for word: tests/test_accounts.py; so has every store in use)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Store(f"sqlite:///{Path(tmp) / 'fresh.db'}")
        try:
            with fresh.engine.connect() as conn:
                return _schema(conn)
        finally:
            fresh.dispose()


def foreign_schema(conn) -> list[str]:
    """The tables, indexes, triggers and views of a SQLite store that this version of CunYi does
    not make, makes otherwise, or makes and the store lacks: a backup carrying one ran its SQL on
    every later write once restored (a trigger turned every blood pressure typed into 118/76;
    ``check`` passed), or took what a constraint refuses (a unique index dropped)."""
    if conn.dialect.name != "sqlite":
        return []  # (a server's store is restored by the server's own tools)
    own, found = _own_schema(), _schema(conn)
    return sorted(
        {name for kind, name in own.keys() | found.keys() if own.get((kind, name)) != found.get((kind, name))}
    )


def _refuse_tampered(store: Store, name: str, device: uuid.UUID | None = None) -> None:
    """Refuse (UserError) a restored copy whose audit trail ``cunyi check`` would find tampered
    with: an append-only trigger dropped, or a hash chain that does not verify (entries deleted,
    edited or inserted); ``device``: that device's chain only.  ``name``: the backup file's, for
    the message."""
    with store.engine.connect() as conn:
        missing = _missing_audit_triggers(conn)
        foreign = foreign_schema(conn)
    if missing:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup", "{name} 缺少审计保护触发器（{triggers}）：其审计记录可能被改动或删除过，拒绝恢复"
            ),
            name=name,
            triggers=tuple(missing),
        )
    if foreign:
        log.warning("restore of %s refused: schema objects not of this version: %s", name, foreign)
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup",
                "{name} 的数据库结构与本程序建立的不同（{objects}）：可能被改动过，恢复后会在保存时改动数据，拒绝恢复",
            ),
            name=name,
            objects=tuple(foreign),
        )
    with store.session() as s:
        chains = audit.verify_chains(s, device=device)
    if not chains.ok:
        raise _err(
            QT_TRANSLATE_NOOP(
                "Backup", "{name} 的审计记录被改动过（哈希链断裂，共 {count} 处，首处：{problem}），拒绝恢复"
            ),
            name=name,
            count=len(chains.problems),
            problem=chains.problems[0],
        )


def check(store: Store) -> CheckReport:
    """``cunyi check``: integrity, foreign keys, orphans, the audit trail's triggers and hash
    chains, this device's sequence, clock sanity — in plain words."""
    from app.services.sync import exchange

    report = CheckReport()
    with store.engine.connect() as conn:
        if is_sqlite(store.url):
            search_index.read_current(conn)  # in the transaction the check reads in (see there)
            integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            report.results.append(CheckResult("数据库完整性 integrity_check", integrity == "ok", integrity))
            bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            report.results.append(
                CheckResult(
                    "外键 foreign_key_check", not bad, f"{len(bad)} 处引用不存在的记录" if bad else ""
                )
            )
            report.results.append(_encryption_result(store))
        # else: PostgreSQL checks its pages and enforces foreign keys itself
        missing = _missing_audit_triggers(conn)
        report.results.append(
            CheckResult(
                "审计日志只能追加（触发器）",
                not missing,
                f"触发器 {', '.join(missing)} 已被删除：审计日志可被改动或删除" if missing else "",
            )
        )
        if is_sqlite(store.url):
            foreign = foreign_schema(conn)
            report.results.append(
                CheckResult(
                    "数据库结构与本程序建立的一致",
                    not foreign,
                    f"{', '.join(foreign)} 与本程序建立的不同：保存时可能改动数据" if foreign else "",
                )
            )
        for name, sql in ORPHANS.items():
            n = conn.exec_driver_sql(sql).scalar()
            report.results.append(CheckResult(name, n == 0, f"{n} 条不符" if n else ""))
    with store.session() as s:
        chains = audit.verify_chains(s)
        shown = chains.problems[:20]
        more = f"……共 {len(chains.problems)} 处" if len(chains.problems) > len(shown) else ""
        detail = "；".join(shown) + more if shown else "；".join(chains.notes)
        report.results.append(CheckResult("审计日志校验链", chains.ok, detail))
        report.results.append(_sequence_result(s))
        warnings = [m.render() for m in exchange.clock_warnings(s)]
        unfinished = [m.render() for m in exchange.unfinished_imports(s)]
        refused = [m.render() for m in (*exchange.refused_lately(s), *exchange.refused_there_warnings(s))]
    report.results.append(CheckResult("时钟", not warnings, "；".join(warnings), by_user=True))
    report.results.append(
        CheckResult("同步包导入", not (unfinished or refused), "；".join(unfinished + refused), by_user=True)
    )
    return report


def _encryption_result(store: Store) -> CheckResult:
    """Informational: whether the store is encrypted at rest (both are valid installations)."""
    if store.key is None:
        return CheckResult("存储加密", True, "未加密（可用 cunyi store encrypt 加密）")
    with store.engine.connect() as conn:
        version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    return CheckResult("存储加密", True, f"已加密（SQLCipher {version}）")


def _sequence_result(session) -> CheckResult:
    """This device never hands out a sequence number its change log already holds."""
    me = session.scalar(select(Profile.device_id).where(Profile.id == 1))
    seq = session.scalar(select(SyncState.seq).where(SyncState.id == 1)) or 0
    logged = 0
    if me is not None:
        logged = session.scalar(select(func.max(ChangeLog.seq)).where(ChangeLog.origin == me)) or 0
    if logged > seq:
        return CheckResult(
            "本机同步序号",
            False,
            f"序号 {seq} 小于已记录的变更 {logged}：新的修改会被乡镇当作已收到而丢弃",
        )
    return CheckResult("本机同步序号", True)

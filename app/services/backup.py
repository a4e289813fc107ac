"""Backups, restore and the store check (issue 6).

- A backup is a consistent copy of the live SQLite store made with SQLite's online backup API
  (safe while the app writes), written to a ``.part`` name, fsynced and renamed: a backup file
  either is complete or does not exist.
- Automatic backups: at most one a day, kept as 7 daily and 4 weekly copies in ``backups/``.
- Restore checks the file first (a SQLite database, ``integrity_check`` ok, a CunYi store, a
  schema this app knows), keeps the current store aside, then swaps files with one rename.  The
  restored store skips a million sequence numbers and forgets what peers acknowledged, so sync
  never reuses a number the lost copy handed out and re-sends whatever peers lack.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.config import Paths
from app.db import Store, _known_revision, fsync_dir, head_revision, is_sqlite, sqlite_backup
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Peer, Profile, SyncState, new_id
from app.services.access import audit, authz
from app.services.errors import Message, UserError

CTX = "Backup"
DAILY_KEEP, WEEKLY_KEEP = 7, 4
SEQ_GAP_AFTER_RESTORE = 1_000_000


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def _db_file(store: Store) -> Path:
    if not is_sqlite(store.url):
        raise _err(QT_TRANSLATE_NOOP("Backup", "PostgreSQL 数据库请用 pg_dump 备份"))
    return Path(store.engine.url.database or "")


def backup_to(store: Store, dest: str | Path) -> Path:
    """``cunyi backup -o FILE``: a backup written anywhere (a USB stick)."""
    with store.session() as s:
        authz.require(s, "backup")
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"cunyi-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
    if not dest.parent.is_dir():
        raise _err(QT_TRANSLATE_NOOP("Backup", "文件夹不存在：{path}"), path=str(dest.parent))
    path = sqlite_backup(_db_file(store), dest)
    with store.transaction() as s:
        audit.record(s, "backup", None, None, f"{path.name} {path.stat().st_size // 1024} KB")
    return path


def auto_backup(store: Store, paths: Paths, today: dt.date | None = None) -> Path | None:
    """At most one backup a day into ``backups/``, then rotation: 7 daily, 4 weekly."""
    if not is_sqlite(store.url):
        return None
    today = today or dt.date.today()
    folder = paths.sub("backups")
    daily = folder / f"daily-{today:%Y%m%d}.db"
    if daily.exists():
        return None
    sqlite_backup(_db_file(store), daily)
    year, week, _ = today.isocalendar()
    weekly = folder / f"weekly-{year}-W{week:02d}.db"
    if not weekly.exists():
        shutil.copyfile(daily, weekly.with_name(weekly.name + ".part"))
        weekly.with_name(weekly.name + ".part").replace(weekly)
    for pattern, keep in (("daily-*.db", DAILY_KEEP), ("weekly-*.db", WEEKLY_KEEP)):
        for old in sorted(folder.glob(pattern))[:-keep]:
            old.unlink(missing_ok=True)
    return daily


@dataclass
class BackupInfo:
    path: Path
    revision: str
    code: str
    name: str
    residents: int
    visits: int


def verify(path: str | Path) -> BackupInfo:
    """Is this a complete CunYi store this app can open?  Refused with a reason otherwise."""
    path = Path(path)
    if not path.is_file():
        raise _err(QT_TRANSLATE_NOOP("Backup", "找不到备份文件：{path}"), path=str(path))
    with open(path, "rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 不是村医备份文件"), name=path.name)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 已损坏（完整性检查未通过）"), name=path.name)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "profile", "resident"} <= tables:
                raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 不是村医备份文件"), name=path.name)
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            profile = conn.execute("SELECT code, name FROM profile WHERE id = 1").fetchone()
            residents = conn.execute("SELECT count(*) FROM resident").fetchone()[0]
            visits = (
                conn.execute("SELECT count(*) FROM followup_visit").fetchone()[0]
                if "followup_visit" in tables
                else 0
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 已损坏（完整性检查未通过）"), name=path.name) from None
    if revision != head_revision() and not _known_revision(revision):
        raise _err(
            QT_TRANSLATE_NOOP("Backup", "{name} 来自更新版本的村医（数据结构 {rev}），请先更新本机村医"),
            name=path.name,
            rev=revision,
        )
    if profile is None:
        raise _err(QT_TRANSLATE_NOOP("Backup", "{name} 不是村医备份文件"), name=path.name)
    return BackupInfo(path, revision, profile[0], profile[1], residents, visits)


def restore(store: Store, paths: Paths, src: str | Path) -> tuple[BackupInfo, Path]:
    """Replace the store by a backup.  Returns the backup's facts and where the old store went.
    ``store`` is disposed; open a new one on the same URL afterwards."""
    with store.session() as s:
        authz.require(s, "restore")
    info = verify(src)
    db = _db_file(store)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = paths.sub("backups") / f"pre-restore-{stamp}.db"
    sqlite_backup(db, aside)  # the current store, complete, before anything changes
    incoming = db.with_name(db.name + ".restore")
    sqlite_backup(Path(src), incoming)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the old WAL is empty …
    store.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)  # … so removing it loses nothing
    incoming.replace(db)  # the swap: one rename
    fsync_dir(db.parent)
    _mark_restored(Store(f"sqlite:///{db}", backups_dir=paths.sub("backups")), info, stamp)
    return info, aside


def _mark_restored(store: Store, info: BackupInfo, stamp: str) -> None:
    from sqlalchemy import update

    with store.transaction() as s:
        s.execute(
            update(SyncState).where(SyncState.id == 1).values(seq=SyncState.seq + SEQ_GAP_AFTER_RESTORE)
        )
        s.execute(update(Peer).values(acked={}, seen_acks={}))
        s.get(Profile, 1).db_id = new_id()
        audit.record(
            s,
            "restore",
            None,
            None,
            f"{info.path.name} ({info.revision}), old store kept as pre-restore-{stamp}.db",
        )
    store.dispose()


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class CheckReport:
    results: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


ORPHANS = {
    "每条随访与其慢病管理属于同一居民": "SELECT count(*) FROM followup_visit v JOIN program_enrolment e ON e.id = v.enrolment_id "
    "WHERE e.resident_id != v.resident_id",
    "每位居民与其所在户属于同一个村": "SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id "
    "WHERE h.village_id != r.village_id",
    "已作废的居民没有未作废的随访": "SELECT count(*) FROM followup_visit v JOIN resident r ON r.id = v.resident_id "
    "WHERE r.voided = 1 AND v.voided = 0",
    "每位居民都有检索键": "SELECT count(*) FROM resident r WHERE NOT EXISTS "
    "(SELECT 1 FROM resident_search_key k WHERE k.resident_id = r.id)",
}


def check(store: Store) -> CheckReport:
    """``cunyi check``: integrity, foreign keys, orphans, clock sanity — in plain words."""
    from app.services.sync import exchange

    report = CheckReport()
    with store.engine.connect() as conn:
        if is_sqlite(store.url):
            integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            report.results.append(CheckResult("数据库完整性 integrity_check", integrity == "ok", integrity))
            bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            report.results.append(
                CheckResult(
                    "外键 foreign_key_check", not bad, f"{len(bad)} 处引用不存在的记录" if bad else ""
                )
            )
        for name, sql in ORPHANS.items():
            n = conn.exec_driver_sql(sql).scalar()
            report.results.append(CheckResult(name, n == 0, f"{n} 条不符" if n else ""))
    with store.session() as s:
        warnings = [m.render() for m in exchange.clock_warnings(s)]
    report.results.append(CheckResult("时钟", not warnings, "；".join(warnings)))
    return report

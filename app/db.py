"""Engine and session factory, SQLite pragmas, and schema migration at start.

SQLite on Python 3.11: the stdlib driver does not emit BEGIN before DDL, so we take over
transaction control with SQLAlchemy's documented pysqlite recipe (isolation_level=None
at connect, our own BEGIN in the ``begin`` event).  Migrations and multi-statement writes
are then truly atomic.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Engine, create_engine, event, inspect, make_url
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError, PendingRollbackError
from sqlalchemy.orm import Session, sessionmaker

from app import search_index
from app.config import bundle_root
from app.services.sync import capture

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"  # a plain store's first bytes; an encrypted one's are random
SQLITE_BUSY_TIMEOUT_MS = 10_000
WRITER = "cunyi_writer"  # execution option: this connection's transaction begins IMMEDIATE
# execution option: a writer whose commit may skip the disk flush (see Store.transaction)
PROVISIONAL = "cunyi_provisional"
# An encrypted store decrypts each page it reads from the file (AES-256 and an HMAC check): a larger
# page cache keeps what searches touch decrypted (a connection's cache grows only as pages are read).
ENCRYPTED_CACHE_KIB = 32_768
# PRAGMA user_version of a SQLite file whose store ``migrate-store`` moved to a server ("CYMV"):
# a window or mailbox server still open on the file is refused its next write (:func:`store_moved`)
# instead of writing where no one will read again.  The file stays readable.
MOVED = 0x43594D56
PRIVATE_FILE = 0o600  # the store, its -wal/-shm and backups: for the OS account running CunYi only


class SchemaError(RuntimeError):
    """The database can't be brought to this version of the app's schema.  ``revision``: the
    schema version it holds that this app does not know (a newer CunYi's, or another program's)."""

    revision: str | None = None


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine if isinstance(url_or_engine, str) else str(url_or_engine.url)
    return url.startswith("sqlite")


def insert_ignore(bind: Session | Connection, table):
    """``INSERT … ON CONFLICT DO NOTHING`` in the dialect of ``bind`` (a session or a connection):
    SQLite's and PostgreSQL's, the one place the app picks between them."""
    dialect = bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def fill_defaults(table, rows: list[dict]) -> None:
    """Give each row (a dict keyed by column key) the Python-side default of every column it
    lacks, as an insert through SQLAlchemy would (server defaults are the database's)."""
    defaults = [
        (c.key, c.default)
        for c in table.columns
        if c.default is not None and (c.default.is_scalar or c.default.is_callable)
    ]
    for row in rows:
        for key, default in defaults:
            if key not in row:
                row[key] = default.arg(None) if default.is_callable else default.arg


def insert_rows(bind: Session | Connection, table, rows: list[dict]) -> None:
    """``insert(table)`` of ``rows`` (dicts keyed by column key) for a bulk writer.  On SQLite
    straight through the driver, each value bound as its column's type binds it, rows with the
    same keys in one ``executemany`` (SQLAlchemy's per-row parameter work was 40% of the demo's
    time); elsewhere through SQLAlchemy.  A row's missing keys take their defaults first
    (:func:`fill_defaults`)."""
    if not rows:
        return
    conn = bind.connection() if isinstance(bind, Session) else bind
    table = getattr(table, "__table__", table)
    dialect = conn.dialect
    fill_defaults(table, rows)
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    quote = dialect.identifier_preparer.quote
    for keys, group in groups.items():
        if dialect.name != "sqlite":
            conn.execute(table.insert(), group)
            continue
        columns = [[row[k] for row in group] for k in keys]
        for i, key in enumerate(keys):
            process = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                columns[i] = list(map(process, columns[i]))
        conn.exec_driver_sql(
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(table.c[k].name) for k in keys)}) "
            f"VALUES ({', '.join('?' * len(keys))})",
            list(zip(*columns, strict=True)),
        )


# The stores this process has open, by file (its real path and inode: a file put in its place is
# another): whether it is plain, and how many stores have it open.  Asked of a
# store open here, :func:`is_plain_sqlite` answers from this and never opens the file: closing
# any descriptor of a file drops every POSIX lock the process holds on it, SQLite's own included
# (sqlite.org, "How To Corrupt An SQLite Database File", 2.2).  Another program's connection then
# took itself for the last one as it closed, and removed the write-ahead log under this process's
# connections ("disk I/O error" at their next read).
_open_plain: dict[tuple, tuple[bool, int]] = {}


def _file_id(path) -> tuple | None:
    """``path``'s real path and inode (read without opening it); None when there is no file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return os.path.realpath(path), st.st_dev, st.st_ino


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (an empty or missing file is neither)."""
    known = _open_plain.get(_file_id(path))
    if known is not None:
        return known[0]
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _cipher():
    from sqlcipher3 import dbapi2  # SQLCipher built in (encryption at rest); loaded only when used

    return dbapi2


def database_errors() -> tuple[type[Exception], ...]:
    """What the drivers raise for a file that is not a database (or not with this key)."""
    return (sqlite3.DatabaseError, _cipher().DatabaseError)


def connect_file(path: Path, key: bytes | None = None, *, readonly: bool = False, **kw):
    """A DB-API connection to one store file: the stdlib driver for a plain file, SQLCipher keyed
    with the raw 256-bit ``key`` (no key derivation: it is random) for an encrypted one.  A wrong
    key fails at the first statement with ``DatabaseError: file is not a database``."""
    target, uri = (f"file:{path}?mode=ro", True) if readonly else (str(path), False)
    if key is None:
        return sqlite3.connect(target, uri=uri, **kw)
    conn = _cipher().connect(target, uri=uri, **kw)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported once, in our words
    conn.execute(key_pragma(key))
    return conn


def key_pragma(key: bytes, schema: str = "main") -> str:
    return f"PRAGMA {schema}.key = \"x'{key.hex()}'\""


# PostgreSQL: one writer at a time per store, as on SQLite.  Several workstations, the mailbox server
# and imports share a township's store; each write transaction takes this transaction-scoped advisory
# lock before its first INSERT/UPDATE/DELETE, so writers queue instead of deadlocking on each other's
# rows (the change log's sequence row, archive serials, the audit heads) and every rule written for
# SQLite's single writer (UPDATE first, then read the counter) holds as it is.  Readers never wait.
PG_WRITE_LOCK = 0x4375_6E59_6900  # "CunYi": the key of the store-wide write lock
PG_NETWORK_RUN_LOCK = PG_WRITE_LOCK + 1  # held by a network sync run (app.services.sync.service)
_WRITES = ("INSERT", "UPDATE", "DELETE")


# psycopg prepares a statement run five times (``prepare_threshold``), and after five runs the
# server may switch it to a generic plan, made without the parameters' values: for LIKE '%王芳%' /
# key ranges that is a scan of a million residents (400 ms) where the plan made with the values
# takes the index (10 ms).  The store's statements are never prepared: each is planned with its
# values.  (Forcing custom plans on the server, as this did before, also re-planned the lookup a
# foreign key makes for every row written: a bundle's 170k ticked boxes took 3.2 s to COPY
# instead of 0.9 s.)  No JIT: compiling a large search's expressions costs ~90 ms and saves
# nothing on queries of this size.  64 MB for a sort or hash (the server's default, 4 MB, is a
# small store's): a county's indicator year sorts and hashes its million residents' enrolments,
# visits and checks, and at 4 MB some 20 of its reads spilled 210 MB to temporary files (the
# year: 14.1-14.4 s; 13.0-13.3 s with 64 MB).  A connection's own options, in its URL, still
# come after.
_PG_OPTIONS = "-c jit=off -c work_mem=64MB"


def _postgresql_engine(url: str, **options) -> Engine:
    given = make_url(url).query.get("options")  # the URL's own server options come after ours
    server_options = " ".join([_PG_OPTIONS, *([given] if isinstance(given, str) else (given or ()))])
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"options": server_options, "prepare_threshold": None},
        **options,
    )

    @event.listens_for(engine, "before_cursor_execute")
    def _take_write_lock(conn, cursor, statement, _params, _context, _executemany):
        if conn.info.get("cunyi_write_lock") or statement.lstrip()[:6].upper() not in _WRITES:
            return
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (PG_WRITE_LOCK,))
        conn.info["cunyi_write_lock"] = True

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _released(conn):  # a transaction-scoped lock ends with its transaction
        conn.info.pop("cunyi_write_lock", None)

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_conn, record):  # the pool rolled back whatever was left open
        record.info.pop("cunyi_write_lock", None)

    return engine


def lock_for_writing(conn: Connection) -> None:
    """PostgreSQL: take the store's write lock now, before this transaction reads what it will
    change (a unit of work: :meth:`Store.transaction`), so that what it read is still true when it
    writes — a doctor's edit and a sync import of the same resident follow each other, neither
    working from the other's stale rows.  SQLite: nothing (its BEGIN and single writer do this)."""
    if conn.dialect.name == "postgresql" and not conn.info.get("cunyi_write_lock"):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
        conn.info["cunyi_write_lock"] = True


# A table is analysed again once it holds this many times the pages its statistics describe (and
# at least STATISTICS_LEAST_PAGES: a small table's plans are cheap whatever they are).
STATISTICS_GROWTH = 4
STATISTICS_LEAST_PAGES = 64  # 512 kB
STATISTICS_TARGET = 10  # of a quick ANALYZE: 300 rows sampled per unit
STATISTICS_LOCK_WAIT = "200ms"  # a table busy with maintenance longer is left for the next time


@contextmanager
def point_lookups(conn: Connection) -> Iterator[None]:
    """PostgreSQL: inside, the planner reads indexes by index scans only, no bitmap scans: for
    queries that look rows up one key at a time, such as residents by ID number.  The resident's
    columns carry both a btree and a trigram (GIN) index, and a GIN index is read by bitmap scans
    only; its size figures are made by VACUUM, so in a store that grew since (a new one's first
    import) the planner takes the trigram index for free and an equality lookup reads every
    pending entry of it: 7 ms a lookup against 0.02 ms through the btree.  SQLite: nothing.
    The setting is the transaction's: restored when the block ends normally; after an error the
    transaction is rolled back, which undoes it (restoring it in a failed transaction would only
    replace the error with "current transaction is aborted")."""
    if conn.dialect.name != "postgresql":
        yield
        return
    before = conn.exec_driver_sql(
        "SELECT current_setting('enable_bitmapscan'), set_config('enable_bitmapscan', 'off', true)"
    ).scalar()
    yield
    conn.exec_driver_sql("SELECT set_config('enable_bitmapscan', %(v)s, true)", {"v": before})


def refresh_statistics(engine: Engine, tables: Iterable[str], *, every: bool = False) -> list[str]:
    """PostgreSQL: ANALYZE those of ``tables`` (CunYi's own, by name) that have grown far past
    their statistics, or ``every`` one of them at the server's usual depth; the tables analysed.
    SQLite: nothing.

    PostgreSQL plans every query from the statistics ANALYZE last made, and autovacuum makes
    them a minute or more after the writes.  A store that was empty when last analysed (a new
    township, or one just moved by ``migrate-store``) then takes its first big import as if its
    tables were still empty: no column has a value distribution, a filter on visits is taken to
    leave a handful of rows, and each chunk's lookups read every visit so far (one import of
    100k changes slowed from chunk to chunk, 42 ms to 168 ms a lookup).  Growth is read from
    the table's file size against ``pg_class.relpages``; a table keeps its statistics until it
    has grown fourfold, so an import analyses a growing table a few times, never per chunk.

    On a connection of its own, in autocommit, before the caller's transaction: what it makes is
    kept whatever becomes of that transaction (statistics made inside a chunk rolled back were
    lost, while the table's page count, written in place, said they were there), it holds no
    write lock while it waits, and it waits at most :data:`STATISTICS_LOCK_WAIT` for a table
    busy with maintenance (another program's or the server's), which is then left for later.
    Nothing here fails the caller: statistics only make plans better."""
    if engine.dialect.name != "postgresql":
        return []
    names = sorted(set(tables))
    done: list[str] = []
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            grown = (
                names
                if every
                else conn.exec_driver_sql(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY(%(ours)s) "
                    "AND pg_relation_size(c.oid) / current_setting('block_size')::int "
                    "> greatest(%(least)s, %(growth)s * c.relpages) ORDER BY 1",
                    {"ours": names, "least": STATISTICS_LEAST_PAGES, "growth": STATISTICS_GROWTH},
                )
                .scalars()
                .all()
            )
            if not grown:
                return []
            quote = conn.dialect.identifier_preparer.quote
            conn.exec_driver_sql(f"SET lock_timeout = '{STATISTICS_LOCK_WAIT}'")
            if not every:  # a sample of 3,000 rows (autovacuum's own ANALYZE later takes 30,000)
                conn.exec_driver_sql(f"SET default_statistics_target = {STATISTICS_TARGET}")
            try:
                for name in grown:
                    try:
                        conn.exec_driver_sql(f"ANALYZE {quote(name)}")
                        done.append(name)
                    except OperationalError as e:  # (lock_timeout: busy; the next chunk tries again)
                        log.info("ANALYZE %s left for later: %s", name, e.orig)
            finally:
                conn.exec_driver_sql("RESET lock_timeout")
                conn.exec_driver_sql("RESET default_statistics_target")
    except DBAPIError as e:
        log.warning("statistics not refreshed: %s", e)
    return done


class _Turnstile:
    """Where the writers of one SQLite store queue for its write lock: held from the moment a
    writer wants the lock until SQLite gave it.  SQLite's own busy handler polls, up to 100 ms
    apart, and a job committing short transactions one after another (a bundle's import in chunks)
    would take the lock back before a waiting writer polls again; at the turnstile it queues behind
    it.  Within this process a lock; across processes (the township's GUI and ``cunyi serve``) an
    advisory lock on a small file beside the store, where the OS allows (best effort: without it
    SQLite's locking alone still keeps the store right)."""

    def __init__(self, lock_file: Path | None):
        self._lock = threading.Lock()
        self._path = lock_file
        self._fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        if not self._lock.acquire(timeout=timeout):
            return False
        if self._path is not None:
            # opened for each turn and closed after it: no handle outlives a write (a folder with
            # an open file can't be moved or deleted on Windows; a test run opens thousands of stores)
            try:
                self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
                _lock_file(self._fd, True)
            except OSError:
                self._close()
                self._path = None  # e.g. a read-only folder: this process's lock only
        return True

    def release(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                _lock_file(self._fd, False)
            self._close()
        self._lock.release()

    def _close(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def locked(self) -> bool:
        return self._lock.locked()


def _lock_file(fd: int, lock: bool) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK if lock else msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX if lock else fcntl.LOCK_UN)


_turnstiles: dict[str, _Turnstile] = {}
_turnstiles_guard = threading.Lock()


def _turnstile(db_file: Path | None, name: str = "") -> _Turnstile:
    """The turnstile of one SQLite store in this process (every engine on the file shares it);
    ``name``: of a store without a file."""
    key = str(db_file.resolve()) if db_file is not None else name
    with _turnstiles_guard:
        gate = _turnstiles.get(key)
        if gate is None:
            lock_file = (
                db_file.resolve().with_name(f".{db_file.name}.writers") if db_file is not None else None
            )
            gate = _turnstiles[key] = _Turnstile(lock_file)
        return gate


def make_engine(url: str, key: bytes | None = None) -> Engine:
    from app.models.base import json_text

    if not is_sqlite(url):
        return _postgresql_engine(url, json_serializer=json_text)
    db_file = sqlite_file(url)
    if db_file is not None:
        make_store_file_private(db_file)
        with suppress(OSError):  # the lock file of hold_open, there from the start (not made by a restore)
            os.close(os.open(open_lock_file(db_file), os.O_RDWR | os.O_CREAT, PRIVATE_FILE))
    connect_args = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    if key is None:
        # Worker threads (import, export, demo) check connections out of the same pool.
        engine = create_engine(url, connect_args=connect_args, json_serializer=json_text)
    else:
        cipher = _cipher()

        def keyed_connection():
            conn = connect_file(db_file, key, **connect_args)
            try:  # the key must open the file before anything else reads it
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
            except cipher.DatabaseError:
                conn.close()
                from app.services import encryption

                raise encryption.wrong_key(db_file) from None
            return conn

        engine = create_engine(url, module=cipher, creator=keyed_connection, json_serializer=json_text)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see module doc)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # Power cuts are common in villages and clinical writes are few: durability wins.
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    turnstile = _turnstile(db_file, f"engine:{id(engine)}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        if not conn.get_execution_options().get(WRITER):
            conn.exec_driver_sql("BEGIN")
            return
        # Every writer commits with a flush to disk (FULL) unless it is provisional: set before
        # BEGIN (SQLite refuses it inside a transaction), for each transaction, so a provisional
        # one never leaves the pooled connection less durable for the next.
        provisional = conn.get_execution_options().get(PROVISIONAL)
        conn.exec_driver_sql(f"PRAGMA synchronous={'NORMAL' if provisional else 'FULL'}")
        # A writer waits for the write lock at the turnstile (:class:`_Turnstile`), not in
        # SQLite's busy loop alone: a job writing short transactions one after another (a
        # bundle's import in chunks) finds it held by the writer waiting, and lets it in first.
        turned = turnstile.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except OperationalError as e:  # (the busy timeout ran out: another writer held on)
            raise unavailable(e) or e from None
        finally:
            if turned:
                turnstile.release()
        moved = conn.exec_driver_sql("PRAGMA user_version").scalar() == MOVED
        if moved:
            conn.exec_driver_sql("ROLLBACK")
            raise store_moved()

    return engine


def unavailable(error: BaseException):
    """``error`` as what the user is told when the store could not be written just now (a
    :class:`~app.services.errors.StoreUnavailable`), or None when it is something else: SQLite's
    write lock held by another writer past the busy timeout, or the connection to a database
    server lost (the server stopped or restarted, the network gone) and the transaction with it."""
    from app.i18n import QT_TRANSLATE_NOOP
    from app.services.errors import Message, StoreUnavailable

    if isinstance(error, StoreUnavailable):
        return error
    if disk_full(error):
        text = QT_TRANSLATE_NOOP(
            "StoreCopy",
            "磁盘空间已满：刚才的操作未完成，已保存的数据没有丢失。请腾出磁盘空间（删除不用的文件）后再试",
        )
        return StoreUnavailable(Message("StoreCopy", text, {}))
    if isinstance(error, OperationalError) and "locked" in str(error.orig):
        text = QT_TRANSLATE_NOOP(
            "StoreCopy",
            "数据库正被另一个窗口或程序写入（如导入、备份），等了 {seconds} 秒仍没轮到：刚才的操作未保存，请稍后再试",
        )
        return StoreUnavailable(Message("StoreCopy", text, {"seconds": SQLITE_BUSY_TIMEOUT_MS // 1000}))
    lost = (isinstance(error, DBAPIError) and error.connection_invalidated) or (
        isinstance(error, PendingRollbackError) and "reconnect" in str(error)  # (its connection lost)
    )
    if lost:
        text = QT_TRANSLATE_NOOP(
            "StoreCopy", "与数据库服务器的连接中断（服务器停止或网络断开）：刚才的操作未保存，请稍后再试"
        )
        return StoreUnavailable(Message("StoreCopy", text, {}))
    # the server refused the writing itself: an account given reading rights only, or a standby
    if isinstance(error, DBAPIError) and getattr(error.orig, "sqlstate", None) in READ_ONLY_STATES:
        text = QT_TRANSLATE_NOOP(
            "StoreCopy",
            "数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）：刚才的操作未保存。"
            "请在数据库地址中使用有写入权限的账户",
        )
        return StoreUnavailable(Message("StoreCopy", text, {}))
    return None


# PostgreSQL's insufficient_privilege and read_only_sql_transaction
READ_ONLY_STATES = ("42501", "25006")


def disk_full(error: BaseException) -> bool:
    """Whether ``error`` is a database saying its disk is full: SQLite's SQLITE_FULL (through
    SQLAlchemy or not: a backup's copy) or PostgreSQL's disk_full (53100).  (The system's ENOSPC
    writing a file is said with the file's name: cli.core.user_text.)"""
    orig = getattr(error, "orig", None) or error
    # sqlite3's, or SQLCipher's (sqlcipher3's is its own class of the same name) for an encrypted store
    sqlite = type(orig).__module__.split(".")[0] in ("sqlite3", "sqlcipher3")
    if sqlite and type(orig).__name__ == "OperationalError" and "disk is full" in str(orig):
        return True
    return getattr(orig, "sqlstate", None) == "53100"


# Every process working on a SQLite store (a window, ``cunyi serve``, a command) holds a shared lock
# on a small file beside it for as long as it runs (:func:`hold_open`).  What swaps the database file
# for another (a restore, encrypting the store) takes that lock alone first (:func:`held_alone`) and
# is refused while another process has the store open: that process would go on writing into the
# file swapped out, and every save it reported would be lost without a word.  A process starting
# meanwhile waits for the swap to end.  POSIX only: Windows refuses to remove or replace a file
# another process holds open, which is refusal enough; the restore and the encryption turn that
# refusal into the same sentence (store_in_use) and leave nothing of themselves behind.
OPEN_WAIT_S = 120.0  # how long a process starting waits for a restore running elsewhere
_open_locks: dict[str, int] = {}
_open_guard = threading.Lock()


class StoreSwapping(RuntimeError):
    """Another process is swapping the store's file (a restore) past :data:`OPEN_WAIT_S`."""


def open_lock_file(db_file: Path) -> Path:
    return db_file.with_name(f".{db_file.name}.open")


def hold_open(db_file: Path) -> None:
    """This process works on the SQLite store ``db_file`` until it ends: the shared lock of
    :func:`held_alone`, taken once a process.  Waits while another process swaps the file, up to
    :data:`OPEN_WAIT_S` (then :class:`StoreSwapping`).  A folder where no lock file can be made
    (read-only): nothing."""
    if os.name != "posix":
        return
    import fcntl

    db_file = db_file.resolve()
    with _open_guard:
        if str(db_file) in _open_locks:
            return
        try:
            fd = os.open(open_lock_file(db_file), os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError:
            return
        deadline = time.monotonic() + OPEN_WAIT_S
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise StoreSwapping(str(db_file)) from None
                time.sleep(0.1)
        _open_locks[str(db_file)] = fd


def release_open() -> None:
    """This process no longer works on any store (a command done, in the process that ran it)."""
    with _open_guard:
        for fd in _open_locks.values():
            with suppress(OSError):
                os.close(fd)  # (closing releases the lock)
        _open_locks.clear()


@contextmanager
def held_alone(db_file: Path, doing: str) -> Iterator[bool]:
    """Inside: no other process has the SQLite store ``db_file`` open, and none opens it until the
    block ends (:func:`hold_open`).  When another has it open, ``doing`` (what would swap the file,
    marked for translation in the "StoreCopy" context) is refused in words (:func:`store_in_use`).
    This process's own stores on it are the caller's to close.  Yields whether it could tell:
    False where no lock is taken (Windows, a read-only folder), and :func:`swap_file` then reads
    the system's refusal of the swap as another process holding the store."""
    try:
        hold_open(db_file)
    except StoreSwapping:  # (another process is swapping it right now)
        raise store_in_use(doing) from None
    fd = _open_locks.get(str(db_file.resolve()))
    if fd is None:  # (not POSIX, or a read-only folder)
        yield False
        return
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        with suppress(OSError):  # (a lock converted is released first: this process's taken again)
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        raise store_in_use(doing) from None
    try:
        yield True
    finally:
        fcntl.flock(fd, fcntl.LOCK_SH)


def swap_file(
    store: Store, db_file: Path, swap: Callable[[], None], *, told: bool, doing: str, undo: Callable[[], None]
) -> None:
    """Inside :func:`held_alone` (``told``: what it yielded): close ``store``'s file ``db_file``
    and run ``swap`` (the rename that puts another file in its place).  The journal is emptied
    into the file first and then removed, which loses nothing.  Refused, as :func:`store_in_use`
    says, with the store as it was and ``undo`` run (what the caller made for the swap taken
    away): when a connection still holds the file (the journal could not be emptied), and where
    held_alone could not tell (Windows) when the system refuses to remove or replace a file held
    open.  Where it could tell, the system's refusal has another cause and is raised as it is."""
    with store.engine.connect() as conn:
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()[0]
    if busy:  # a connection still reads the file: its journal could not be emptied
        undo()
        raise store_in_use(doing)
    try:
        store.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)  # (emptied: removing it loses nothing)
        swap()
    except PermissionError:
        if told:
            raise
        undo()
        raise store_in_use(doing) from None


def store_in_use(doing: str):
    """The refusal of ``doing`` (a restore, encrypting the store) while another process has the
    store open (:func:`held_alone`), as the user reads it."""
    from app.i18n import QT_TRANSLATE_NOOP
    from app.services.errors import Message, UserError

    text = QT_TRANSLATE_NOOP(
        "StoreCopy",
        "村医正在另一个窗口或程序中使用这个数据库（村医主窗口、cunyi serve 或另一条命令），{doing}未进行："
        "它会换掉数据库文件，那边随后保存的内容都会丢失。请先关闭它们，再重试",
    )
    return UserError(Message("StoreCopy", text, {"doing": Message("StoreCopy", doing)}))


def foreign_tables(engine: Engine) -> list[str]:
    """Tables of the database that are not CunYi's (another program's: nothing of theirs is ever
    mixed with a store's records); read before the schema is made there."""
    from sqlalchemy import inspect

    from app.models import Base

    ours = {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"}
    found: set[str] = set()
    with engine.connect() as conn:
        look = inspect(conn)
        default = look.default_schema_name
        for schema in look.get_schema_names():  # (another program's schema of its own too)
            if schema in ("information_schema", "pg_catalog", "pg_toast") or schema.startswith("pg_"):
                continue
            names = look.get_table_names(schema=schema)
            found |= (
                {n for n in names if n not in ours} if schema == default else {f"{schema}.{n}" for n in names}
            )
    return sorted(found)


def not_ours(url: str, tables: list[str]):
    """The refusal of a database that holds another program's tables (a mistyped address: the
    server's own ``postgres`` database, another application's)."""
    from app.i18n import QT_TRANSLATE_NOOP
    from app.services.errors import Message, UserError
    from app.services.store_copy import shown_url

    text = QT_TRANSLATE_NOOP(
        "StoreCopy",
        "数据库 {url} 里已有别的程序的数据表（{tables}），不是村医的数据库，未作任何改动：请核对数据库地址，"
        "或为村医新建一个空数据库",
    )
    shown = ", ".join(tables[:5]) + ("…" if len(tables) > 5 else "")
    return UserError(Message("StoreCopy", text, {"url": shown_url(url), "tables": shown}))


def store_moved():
    """The refusal of a write to a SQLite file whose store was moved to a server."""
    from app.i18n import QT_TRANSLATE_NOOP
    from app.services.errors import Message, StoreMoved

    return StoreMoved(
        Message(
            "StoreCopy",
            QT_TRANSLATE_NOOP(
                "StoreCopy",
                "这个数据库文件已迁到 PostgreSQL 服务器，不再写入，刚才的操作未保存：请关闭村医"
                "（及 cunyi serve）后重新打开，今后使用服务器上的数据库",
            ),
            {},
        )
    )


def mark_moved(conn: Connection) -> None:
    """Mark the SQLite file of ``conn``'s transaction as moved to a server (:data:`MOVED`)."""
    conn.exec_driver_sql(f"PRAGMA user_version = {MOVED}")


# alembic is imported inside the functions that need it: most starts find the schema current
# and only read alembic_version, which keeps ~0.3 s of imports off the GUI's cold start.


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(bundle_root() / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


class _Version(NamedTuple):
    down: str | None  # the revision it upgrades from
    bundles_unchanged: bool  # ``bundles_unchanged = True`` in the file (wire_revision)


def _version_files() -> dict[str, _Version]:
    """Each migration file's revision, read from the files themselves (no alembic import)."""
    import re

    out: dict[str, _Version] = {}
    for path in (bundle_root() / "migrations" / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = re.search(r"^revision\s*=\s*['\"](\w+)['\"]", text, re.M)
        down = re.search(r"^down_revision\s*=\s*(?:['\"](\w+)['\"]|None)", text, re.M)
        if rev and down:
            unchanged = re.search(r"^bundles_unchanged\s*=\s*True\b", text, re.M) is not None
            out[rev.group(1)] = _Version(down.group(1), unchanged)
    return out


def head_revision() -> str:
    """The newest schema revision: read from the version files when the history is one line
    (always, so far), so a start that needs no migration never imports alembic."""
    versions = _version_files()
    heads = set(versions) - {v.down for v in versions.values()}
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # branches, or files we could not read: ask alembic

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def wire_revision() -> str:
    """The schema revision a bundle declares (its manifest's ``schema``): the newest revision
    that changed what bundles carry.  A migration that only changes how a store keeps its rows
    (``bundles_unchanged = True`` in its file: dates as day numbers, names as codes) makes no
    bundle another device could not read, so a device that has not had it yet still takes this
    device's bundles, and a village need not upgrade the day its township does."""
    versions = _version_files()
    rev = head_revision()
    while rev in versions and versions[rev].bundles_unchanged and versions[rev].down:
        rev = versions[rev].down
    return rev


def _known_revision(rev: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(rev) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; Windows commits renames itself)."""
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


SAME_KEY = b"same"  # sqlite_backup's default: the copy keeps the source's encryption


def sqlite_backup(
    src: Path,
    dest: Path,
    key: bytes | None = None,
    dest_key: bytes | None = SAME_KEY,
    *,
    before_rename: Callable[[Path], object] | None = None,
) -> Path:
    """Copy a live SQLite database consistently (the online backup API, safe under WAL) into one
    self-contained file, via ``dest.part``, fsynced and renamed: complete, or absent.  The copy
    is owner-only (0600, POSIX) like the store itself, and its ``.part`` is locked while it is
    written, so the clean-up at start (:func:`remove_orphan_part`) never takes a live one.

    An encrypted store (``key``) gives a copy encrypted with the same key; ``dest_key`` different
    from ``key`` re-encrypts it (a plain store encrypted, a backup brought to this PC's key; None:
    decrypted) with SQLCipher's ``sqlcipher_export``, which copies schema and rows.
    ``before_rename``: called with the complete ``.part`` before it becomes ``dest`` (a seal)."""
    dest_key = key if dest_key is SAME_KEY else dest_key
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    fd: int | None = os.open(part, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    if os.name == "posix":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)  # released when the descriptor closes, or the process dies
    else:  # Windows cannot rename a file it holds open (and cannot delete one being written)
        os.close(fd)
        fd = None
    try:
        if key == dest_key:
            _backup_api_copy(src, part, key)
        else:
            _export_copy(src, part, key, dest_key)
        if fd is not None:
            os.fsync(fd)
        else:
            with open(part, "rb+") as f:
                os.fsync(f.fileno())
        if before_rename is not None:
            before_rename(part)
        part.replace(dest)
    except BaseException:  # (a stick too small, a kill: nothing half-written is left behind)
        part.unlink(missing_ok=True)
        part.with_name(part.name + "-journal").unlink(missing_ok=True)
        raise
    finally:
        if fd is not None:
            os.close(fd)
    fsync_dir(dest.parent)
    return dest


def _backup_api_copy(src: Path, part: Path, key: bytes | None) -> None:
    source = connect_file(src, key, readonly=True)
    target = connect_file(part, key)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()


def _export_copy(src: Path, part: Path, key: bytes | None, dest_key: bytes | None) -> None:
    """Copy ``src`` into the empty file ``part`` with another encryption (SQLCipher's export runs
    in one read transaction of the source: a consistent copy while the app writes)."""
    source = _cipher().connect(f"file:{src}?mode=ro", uri=True, isolation_level=None)
    try:
        source.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            source.execute(key_pragma(key))
        raw = f"x'{dest_key.hex()}'" if dest_key is not None else ""  # "": a plain copy
        source.execute("ATTACH DATABASE ? AS copy KEY ?", (str(part), raw))
        source.execute("BEGIN")
        source.execute("SELECT sqlcipher_export('copy')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA copy.user_version = {int(version)}")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE copy")
    finally:
        source.close()


def remove_orphan_part(path: Path) -> bool:
    """Delete a ``.part`` file no process is writing (one a kill or a power cut left behind).
    Returns whether it was removed."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if os.name == "posix":
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # being written right now
        path.unlink()
        return True
    except OSError:  # Windows: a file being written cannot be deleted
        return False
    finally:
        os.close(fd)


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (None: in memory, or not SQLite)."""
    if not is_sqlite(url):
        return None
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def make_store_file_private(path: Path) -> None:
    """The store and its ``-wal``/``-shm`` owner-only (0600) on POSIX.  A missing store file is
    created empty and private first: SQLite then opens it as a new database, and makes its WAL
    and shared-memory files with the same permissions as the database file."""
    if os.name != "posix" or not path.parent.is_dir():
        return
    try:
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            # (a file only: a folder given as the store, made 0600, was locked to its owner too)
            if p.is_file() and p.stat().st_mode & 0o777 != PRIVATE_FILE:
                p.chmod(PRIVATE_FILE)
    except OSError:  # someone else's file (a shared township folder): SQLite reports what matters
        log.warning("could not make %s owner-only", path, exc_info=True)


def migrate(engine: Engine, target: str = "head", *, downgrade: bool = False) -> None:
    """Run alembic on one dedicated connection.

    On SQLite, batch migrations drop and recreate tables, which with foreign keys ON can
    fail or cascade-delete children: the pragma is switched off (outside any transaction),
    the whole migration runs in one transaction, and ``foreign_key_check`` must come back
    empty before it commits.
    """
    with engine.connect() as conn:
        sqlite = is_sqlite(engine)
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                from alembic import command

                cfg = alembic_config(conn)
                before = (
                    conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                    if inspect(conn).has_table("alembic_version")
                    else None
                )
                if downgrade:
                    command.downgrade(cfg, target)
                else:
                    command.upgrade(cfg, target)
                    if target == "head":
                        _derive_after(conn, cfg, before)
                if sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise SchemaError(f"foreign key check failed after migration: {bad[:5]}")
        finally:
            if sqlite:
                # Never hand a connection with foreign keys off back to the pool.
                conn.invalidate()


def _derive_after(conn: Connection, cfg, before: str | None) -> None:
    """Run the ``derive(session)`` of each migration just applied, oldest first, once the store is
    at head, in the upgrade's transaction: data every store derives for itself (summaries) is
    derived by this version's code on this version's tables.  (Derived in the migration itself, it
    would read the tables through the models of a later version, with columns a later migration
    adds, and an upgrade from before it would fail.)  An upgrade to another revision than head
    (tests, a downgrade's way back) derives nothing."""
    from alembic.script import ScriptDirectory
    from sqlalchemy.orm import Session

    applied = list(ScriptDirectory.from_config(cfg).iterate_revisions("head", before or "base"))
    for script in reversed(applied):
        derive = getattr(script.module, "derive", None)
        if derive is None:
            continue
        session = Session(bind=conn)  # joins the upgrade's transaction: it commits or not
        try:
            derive(session)
            session.flush()
        finally:
            session.close()


VACUUM_FREE_SHARE = 0.25


def compact_if_mostly_free(engine: Engine) -> bool:
    """VACUUM a SQLite store whose file is mostly free pages (a migration that rebuilt its tables
    leaves the old ones' pages free: 0014 turns a 1.1 GB township file into 0.34 GB of data)."""
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        if not pages or free / pages < VACUUM_FREE_SHARE:
            return False
        conn.execute("VACUUM")  # outside any transaction (the driver's isolation_level is None)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return True
    finally:
        raw.close()


class StoreSession(Session):
    """A session a :class:`Store` opened: the change capture and the actor stamps are attached to
    this class when a store opens (DESIGN.md "Change capture")."""


def note_changes(session: Session, *tables: str) -> None:
    """Record that this unit of work changed rows of ``tables``.  The flush is noted by itself;
    bulk statements and writes straight through the driver call this (there is deliberately no
    hook on every statement: it would slow every query of the app)."""
    session.info.setdefault("changed_tables", set()).update(tables)


@event.listens_for(StoreSession, "after_flush")
def _note_flushed(session: Session, _context) -> None:
    note_changes(session, *{o.__table__.name for o in (*session.new, *session.dirty, *session.deleted)})


@event.listens_for(StoreSession, "after_commit")
def _announce_committed(session: Session) -> None:
    store = session.info.get("store")
    changed = session.info.pop("changed_tables", None)
    if store is not None and changed:
        for recorder in store._recorders():
            recorder.update(changed)


@event.listens_for(StoreSession, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop("changed_tables", None)


class Store:
    """An open database: engine plus session factory.  Every session it opens carries the acting
    user (``actor``) for the whole unit of work, and is captured for sync."""

    def __init__(
        self,
        url: str,
        *,
        backups_dir: Path | None = None,
        upgrade: bool = True,
        key: bytes | None = None,
        create: bool = True,
    ):
        """``create`` False: a database without CunYi's schema is refused as not set up (a
        command that reads a store makes none: a mistyped address, the server's empty maintenance
        database, is left as it was), not given the schema."""
        self.url = url
        self._create = create
        # Who this store's sessions act as (app.services.access.actor.Actor): set at login, or by
        # the CLI's --user; None is the system account.
        self.actor = None
        self._local = threading.local()
        db_file = sqlite_file(url)
        if key is None and db_file is not None:
            from app.services import encryption  # the key beside the device keys, if encrypted

            key = encryption.key_for_store(db_file)
        self.key = key  # None: a plain store (or PostgreSQL)
        self.engine = make_engine(url, key)
        capture.attach(StoreSession)
        self._sessions = sessionmaker(self.engine, class_=StoreSession, expire_on_commit=False)
        if upgrade:
            try:
                self.upgrade(backups_dir)
            except BaseException:  # refused (not ours, not set up …): nothing left open
                self.engine.dispose()
                raise
            with self.engine.begin() as conn:
                if search_index.ensure(conn):
                    log.info("search index rebuilt")
        self._file = _file_id(db_file) if db_file is not None else None  # (None: not made yet)
        if self._file is not None:  # :func:`is_plain_sqlite` answers for it from now on
            _plain, opened = _open_plain.get(self._file, (True, 0))
            _open_plain[self._file] = (key is None, opened + 1)

    def upgrade(self, backups_dir: Path | None = None) -> None:
        head = head_revision()
        current = current_revision(self.engine)
        if current == head:
            return
        if current is None and (foreign := foreign_tables(self.engine)):
            raise not_ours(self.url, foreign)  # nothing made among another program's tables
        if current is None and not self._create:
            from app.services.profile import not_set_up

            raise not_set_up()
        if current is not None and is_sqlite(self.url) and backups_dir is not None:
            db_file = Path(self.engine.url.database or "")
            if db_file.exists():
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                dest = backups_dir / f"pre-upgrade-{current}-{stamp}.db"
                sqlite_backup(db_file, dest, self.key)
                log.info("backed up %s to %s before upgrading schema", db_file, dest)
        if current is not None and not _known_revision(current):
            unknown = SchemaError(
                f"database schema {current} is newer than this version of CunYi knows; update the app"
            )
            unknown.revision = current
            raise unknown
        migrate(self.engine)
        log.info("schema upgraded from %s to %s", current, head)
        if is_sqlite(self.url) and compact_if_mostly_free(self.engine):
            log.info("store compacted after the upgrade")

    def as_system(self) -> Store:
        """This store as the system account: a twin sharing its engine, sessions and write lock,
        whose sessions act as the system whoever logs in (the sync server the GUI runs: what it
        imports is the system's doing, as under ``cunyi serve``, not the logged-in user's)."""
        twin = copy.copy(self)
        twin.actor = None
        return twin

    def session(self) -> Session:
        s = self._sessions()
        s.info["actor"] = self.actor
        s.info["store"] = self
        return s

    def _recorders(self) -> list[set[str]]:
        stack = getattr(self._local, "recorders", None)
        if stack is None:
            stack = self._local.recorders = []
        return stack

    @contextmanager
    def recording_changes(self) -> Iterator[set[str]]:
        """Collect the names of the tables whose changes commit on this thread inside the block:
        what an operation announces so that every page showing those records refreshes."""
        changed: set[str] = set()
        self._recorders().append(changed)
        try:
            yield changed
        finally:
            self._recorders().remove(changed)

    @contextmanager
    def transaction(self, *, provisional: bool = False) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception.  On SQLite it takes
        the write lock at its start (waiting up to the busy timeout for another writer, e.g. the
        township's mailbox importing while its GUI saves): a transaction that read first and then
        found another writer's commit newer than what it read would fail at once instead; and a
        file whose store was moved to a server is refused (:data:`MOVED`).

        ``provisional`` (SQLite): a step of a longer job that a later transaction of it completes
        and makes durable, such as a chunk of a bundle's import.  Its commit is not flushed to disk
        on its own (WAL with ``synchronous=NORMAL``: a crash of the program loses nothing, a power
        cut may lose it, and the store stays whole); the job's next flushed commit makes it durable
        with everything before it.  The job must read back where it stood after such a loss (an
        import: its progress row, written in the same transactions)."""
        with self.session() as s, s.begin():
            if self.engine.dialect.name == "sqlite":
                s.connection(execution_options={WRITER: True, PROVISIONAL: provisional})
            else:
                lock_for_writing(s.connection())
            yield s

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads (a report, a review scan, the township's 工作台): one
        consistent view of the store, committed at its end.  On SQLite it does not take the write
        lock (a deferred transaction reads a WAL snapshot): a scan of a township's 60,000 records
        (20 s) or a county's report held it as :meth:`transaction` does, and a doctor's save in
        another window waited for it and gave up after the busy timeout.  What it audits is written
        after it ends (``audit.record_now``); it must write nothing else."""
        with self.session() as s, s.begin():
            yield s
            s.flush()
            wrote = s.info.get("changed_tables")
            if wrote:  # (a bug: it would commit under no lock, or fail on another's commit)
                raise RuntimeError(f"a reading unit of work wrote to {sorted(wrote)}")

    def dispose(self) -> None:
        self.engine.dispose()
        if self._file is not None and self._file in _open_plain:
            plain, opened = _open_plain.pop(self._file)
            if opened > 1:
                _open_plain[self._file] = (plain, opened - 1)

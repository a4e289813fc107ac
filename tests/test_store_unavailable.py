"""A store that cannot be written just now (another program holding SQLite's write lock past the
wait, or the database server gone mid-work) is said in words, saves nothing, and a bundle being
imported then is kept for the next try, not quarantined as if it were at fault."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select, text

from app import db
from app.cli import main
from app.models import BundleRecord
from app.services.errors import StoreUnavailable
from tests import storekit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


@pytest.fixture
def short_wait(monkeypatch):
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 300)


def _held(db_file) -> sqlite3.Connection:
    """Another program's writer, holding the file's write lock."""
    other = sqlite3.connect(db_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


@pytest.mark.sqlite_only  # SQLite's write lock
def test_a_store_held_by_another_writer_is_said_and_nothing_is_saved(world, short_wait, capsys):
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb", peer=town.device_id.hex, always=True)
    town.store.engine.dispose()  # (its next connections wait the short while)
    other = _held(town.paths.db_file)
    try:
        with pytest.raises(StoreUnavailable, match="正被另一个窗口或程序写入"):
            town.import_(path)
        code = main(["--data-dir", str(town.paths.data_dir), "residents", "update", "x", "--set", "phone=1"])
        err = capsys.readouterr().err
        assert code == 1 and "正被另一个窗口或程序写入" in err and "Traceback" not in err, err
    finally:
        other.rollback()
        other.close()
    assert path.exists()  # the bundle is kept where it was, for the next try
    with town.store.session() as s:
        assert s.scalar(select(func.count()).select_from(BundleRecord)) == 0 or not s.scalar(
            select(func.count()).select_from(BundleRecord).where(BundleRecord.direction == "rejected")
        )
    (outcome,) = town.import_(path)  # and goes in once the other writer is done
    assert outcome.status == "applied"


def test_a_database_server_gone_mid_work_is_said_and_nothing_is_saved(pg_cluster):
    store = db.Store(pg_cluster.create_database(f"gone_{next(storekit._names)}"))
    try:
        with pytest.raises(Exception) as failed, store.transaction() as s:  # noqa: PT011
            s.execute(text("INSERT INTO setting (key, value) VALUES ('t.gone', 'x')"))
            with store.engine.connect() as killer:  # the server ends this session (as a restart would)
                pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
                killer.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            s.execute(text("SELECT 1"))
        said = db.unavailable(failed.value)
        assert isinstance(said, StoreUnavailable) and "与数据库服务器的连接中断" in said.render()
        with store.session() as s:  # nothing of it saved, and the store works again
            assert s.execute(text("SELECT count(*) FROM setting WHERE key = 't.gone'")).scalar() == 0
    finally:
        store.dispose()


@pytest.mark.sqlite_only  # SQLite's file and its backup copy
def test_a_full_disk_is_said_in_words_and_leaves_no_half_written_backup(tmp_path, capsys, monkeypatch):
    """A USB stick too small for the backup: "磁盘空间已满", no traceback, and neither the copy nor
    its journal left on the stick to fill it for the next export; a store whose disk is full says
    so, not "a disk fault, restore from a backup"."""
    from sqlalchemy.exc import OperationalError

    from app.cli.core import user_text
    from app.services import store_copy

    data = str(tmp_path / "d")
    assert (
        main(["--data-dir", data, "init", "--role", "village", "--code", "110105001101", "--name", "村"]) == 0
    )
    real = db._backup_api_copy

    def fills_the_stick(src, part, key):
        real(src, part, key)
        part.with_name(part.name + "-journal").write_bytes(b"x" * 1024)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db, "_backup_api_copy", fills_the_stick)
    stick = tmp_path / "stick"
    stick.mkdir()
    capsys.readouterr()
    assert main(["--data-dir", data, "backup", "-o", str(stick / "x.db")]) == 1
    err = capsys.readouterr().err
    assert "磁盘空间已满" in err and "Traceback" not in err and "内部出错" not in err, err
    assert list(stick.iterdir()) == []
    full = OperationalError(
        "PRAGMA journal_mode=WAL", {}, sqlite3.OperationalError("database or disk is full")
    )
    assert user_text(full).startswith("磁盘空间已满")
    import sqlcipher3.dbapi2 as sqlcipher  # an encrypted store's driver: its own class of the error

    assert user_text(sqlcipher.OperationalError("database or disk is full")).startswith("磁盘空间已满")
    assert "磁盘已满" in store_copy.unopened_file("sqlite:////x/cunyi.db", full).render()


@pytest.mark.sqlite_only  # no store: the log file
def test_a_log_line_that_cannot_be_written_prints_nothing_on_the_screen(tmp_path, capsys):
    import errno
    import logging

    from app.config import PrivateRotatingFileHandler

    handler = PrivateRotatingFileHandler(tmp_path / "cunyi.log", encoding="utf-8")

    def no_space(_text):
        raise OSError(errno.ENOSPC, "No space left on device")

    handler.stream = handler._open()
    handler.stream.write = no_space
    log = logging.getLogger("test-full-disk")
    log.addHandler(handler)
    try:
        log.error("a line")
    finally:
        log.removeHandler(handler)
    assert capsys.readouterr().err == ""


@pytest.mark.sqlite_only  # (PostgreSQL: readers never hold writers up)
def test_a_long_read_never_holds_up_a_save(store, person, short_wait):
    """The township's review scan (20 s over 60,000 records) and its 工作台 read in a unit of work
    that took the write lock, and a doctor's save in another window waited and gave up.  A reading
    unit of work (Store.reading: ReadOp) takes none: the save goes through while it reads."""
    import time

    from app.models import Resident
    from app.services.records import residents as records
    from tests.conftest import TODAY

    with store.reading() as r:
        before = r.scalar(select(func.count()).select_from(Resident))
        started = time.monotonic()
        with store.transaction() as w:
            records.save_resident(w, person(name="赵某"), today=TODAY)
        assert time.monotonic() - started < 1.0
        assert r.scalar(select(func.count()).select_from(Resident)) == before  # (its own view)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == before + 1


def test_a_reading_unit_of_work_that_writes_is_a_bug_said_as_such(store, person):
    from app.services.records import residents as records
    from tests.conftest import TODAY

    with pytest.raises(RuntimeError, match="reading unit of work wrote"), store.reading() as r:
        records.save_resident(r, person(name="钱某"), today=TODAY)

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

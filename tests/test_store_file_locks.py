"""A process with the store open must keep SQLite's locks on its file.  Asking whether the file is
encrypted (opening a second store on it, ``backup``'s look at which device a store is) read its
first bytes with ``open()``/``close()``, and closing any descriptor of a file drops every POSIX lock
the process holds on it: the next program to close its own connection took itself for the last
one, checkpointed and removed the write-ahead log, and this process's connections failed with
"disk I/O error" (a tester: 30–46 errors of a window's searches while `cunyi residents search`
ran beside it)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import Store, is_plain_sqlite
from app.services import encryption

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")

# Another program's short visit: a write, and its connection closed (the last one, if it can lock
# the file alone: then it checkpoints and removes the write-ahead log).
VISITOR = textwrap.dedent(
    """
    import sqlite3, sys
    c = sqlite3.connect(sys.argv[1])
    c.execute("INSERT INTO visits VALUES (2)")
    c.commit()
    c.close()
    """
)


def test_asking_whether_an_open_store_is_encrypted_leaves_its_locks(tmp_path):
    db = tmp_path / "cunyi.db"
    store = Store(f"sqlite:///{db}", upgrade=False)
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE visits (n INTEGER)")
            conn.exec_driver_sql("INSERT INTO visits VALUES (1)")
        held = store.engine.connect()  # a window's connection, open while the others come and go
        held.execute(text("SELECT count(*) FROM visits")).scalar()
        held.rollback()  # (its read done: the connection stays open, holding its locks)
        assert is_plain_sqlite(db) and encryption.key_for_store(db) is None
        assert not encryption.is_encrypted_file(db)
        Store(f"sqlite:///{db}", upgrade=False).dispose()  # another store on the file, come and gone
        subprocess.run([sys.executable, "-c", VISITOR, str(db)], check=True, timeout=60)
        assert Path(f"{db}-wal").exists()  # the visitor was not the last: this process still holds it
        assert held.execute(text("SELECT count(*) FROM visits")).scalar() == 2
        held.close()
    finally:
        store.dispose()


def test_a_file_no_store_has_open_is_still_read(tmp_path):
    """Backups, a restore's candidate, a file not opened here: read as before."""
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    noise = tmp_path / "noise.db"
    noise.write_bytes(b"\x8f" * 4096)
    assert is_plain_sqlite(plain) and not is_plain_sqlite(noise) and not is_plain_sqlite(tmp_path / "none.db")

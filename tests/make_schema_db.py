"""Write tests/data/schema_<rev>.db: a small real village database at the current head schema.

Run once per released schema version and commit the file; test_migrations upgrades every one
of them, with their rows in child tables, to today's head.
    python -m tests.make_schema_db
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from app.db import Store, head_revision
from app.services import profile
from app.tools import demo


def main() -> Path:
    rev = head_revision()
    dest = Path(__file__).parent / "data" / f"schema_{rev}.db"
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'x.db'}")
        with store.transaction() as s:
            profile.init_profile(s, role="village", code="110105001101", name="样例村")
            demo.generate_demo(s, 60, seed=11, today=dt.date(2026, 11, 23))  # residents and their follow-ups
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.dispose()
        import sqlite3

        src = sqlite3.connect(Path(tmp) / "x.db")
        dest.unlink(missing_ok=True)
        out = sqlite3.connect(dest)
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
        out.close()
        src.close()
    return dest


if __name__ == "__main__":
    print(main())

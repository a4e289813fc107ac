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
from app.services import demo, profile


def main() -> Path:
    rev = head_revision()
    dest = Path(__file__).parent / "data" / f"schema_{rev}.db"
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'x.db'}")
        with store.transaction() as s:
            profile.init_profile(s, role="village", code="110105001101", name="样例村")
            demo.generate_demo(s, 60, seed=11, today=dt.date(2026, 11, 23))
            _add_followups(s)
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


def _add_followups(session) -> None:
    """A few visits through the service, so the follow-up tables have rows to carry across upgrades."""
    try:
        from app.services import followup
    except ImportError:  # schemas before follow-ups existed
        return
    from sqlalchemy import select

    from app.models import Resident

    residents = session.scalars(select(Resident).where(Resident.birth_date < dt.date(1970, 1, 1)).limit(5)).all()
    for i, r in enumerate(residents):
        inp = followup.VisitInput(program="htn", visit_date=f"2026-0{i + 1}-15",
                                  measurements={"sbp": str(130 + 8 * i), "dbp": "85"}, confirmed=True)
        followup.save_visit(session, r, inp, enrol_if_needed=True, today=dt.date(2026, 11, 23))


if __name__ == "__main__":
    print(main())

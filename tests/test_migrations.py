"""Schema migrations: empty → head → base → head, and upgrading each released schema's real file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from app.db import SchemaError, Store, current_revision, head_revision, make_engine, migrate

DATA = Path(__file__).parent / "data"
# One real database per released schema version, with rows in child tables (see make_schema_db.py).
RELEASED = sorted(DATA.glob("schema_*.db"))


def tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names())


@pytest.mark.slow
def test_upgrade_downgrade_upgrade(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate(engine)
    assert current_revision(engine) == head_revision()
    assert {"resident", "household", "resident_choice", "village"} <= tables(engine)
    migrate(engine, "base", downgrade=True)
    assert current_revision(engine) is None
    assert tables(engine) <= {"alembic_version"}
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_store_keeps_foreign_keys_on_after_migrating(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.dispose()


def test_a_provisional_transaction_never_leaves_its_connection_less_durable(tmp_path):
    """Store.transaction(provisional=True) commits without a flush of its own (NORMAL); every other
    transaction on the same pooled connection flushes (FULL), after one that failed too."""
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    level = "PRAGMA synchronous"
    with store.transaction(provisional=True) as s:
        assert s.connection().exec_driver_sql(level).scalar() == 1  # NORMAL
    with store.transaction() as s:
        assert s.connection().exec_driver_sql(level).scalar() == 2  # FULL
    with pytest.raises(RuntimeError), store.transaction(provisional=True) as s:
        assert s.connection().exec_driver_sql(level).scalar() == 1
        raise RuntimeError
    with store.transaction() as s:
        assert s.connection().exec_driver_sql(level).scalar() == 2
    store.dispose()


@pytest.mark.parametrize("db", RELEASED, ids=[p.stem for p in RELEASED])
def test_released_schema_files_upgrade_with_their_rows(tmp_path, db):
    copy = tmp_path / db.name
    shutil.copy(db, copy)
    before = _counts(copy)
    with sqlite3.connect(copy) as c:
        old_rev = c.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    store = Store(f"sqlite:///{copy}", backups_dir=tmp_path / "backups")
    assert current_revision(store.engine) == head_revision()
    store.dispose()
    backups = list((tmp_path / "backups").glob(f"pre-upgrade-{old_rev}-*.db"))
    assert len(backups) == (0 if old_rev == head_revision() else 1)  # a copy of the old file before upgrading
    if backups:
        with sqlite3.connect(backups[0]) as c:
            assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_rev
    after = _counts(copy)
    for table, n in before.items():
        assert after.get(table) == n, table
    with sqlite3.connect(copy) as c:
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_there_is_a_file_for_the_head_schema():
    assert any(p.stem == f"schema_{head_revision()}" for p in RELEASED)


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "future.db"
    store = Store(f"sqlite:///{path}")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.dispose()
    with pytest.raises(SchemaError, match="newer"):
        Store(f"sqlite:///{path}")


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as c:
        names = [
            r[0]
            for r in c.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'resident_digits%' AND name != 'alembic_version'"
            )
        ]
        return {n: c.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def test_head_read_from_the_files_is_alembics_head():
    from alembic.script import ScriptDirectory

    from app.db import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_an_upgrade_derives_again_the_next_visit_of_poor_households_patients(tmp_path):
    """A store of a version that kept the rules' routine date for a patient whose household was
    registered poor after the visit: the upgrade books the patient within a month of the visit, as
    this version derives it (followup._next_due), and leaves the other patients as they were."""
    from sqlalchemy import select, update
    from sqlalchemy.orm import Session

    from app.models import ProgramEnrolment, Resident
    from app.services.programmes import followup
    from app.services.programmes.followup_rules import next_month

    copy = tmp_path / "s.db"
    shutil.copy(DATA / "schema_0027.db", copy)
    engine = make_engine(f"sqlite:///{copy}")
    migrate(engine, "0028")
    summary = select(
        ProgramEnrolment.id,
        ProgramEnrolment.resident_id,
        ProgramEnrolment.last_visit,
        ProgramEnrolment.next_due,
    ).where(ProgramEnrolment.program.in_(followup.PROGRAMS), ProgramEnrolment.voided.is_(False))
    with Session(engine) as s:
        before = {r.id: r for r in s.execute(summary)}
        poor = set(s.scalars(select(Resident.id).where(Resident.poverty_registered.is_(True))))
        routine = [
            r
            for r in before.values()
            if r.last_visit and r.next_due > next_month(r.last_visit) and r.resident_id not in poor
        ]
        assert len(routine) >= 2
        made_poor = routine[0]
        # registered by the earlier version, which left the patient's next visit as it was
        s.execute(
            update(Resident).where(Resident.id == made_poor.resident_id).values(poverty_registered=True)
        )
        s.commit()
    migrate(engine)
    assert current_revision(engine) == head_revision()
    with Session(engine) as s:
        after = {r.id: r for r in s.execute(summary)}
    engine.dispose()
    assert after[made_poor.id].next_due == next_month(made_poor.last_visit)
    changed = {i for i in before if after[i].next_due != before[i].next_due}
    assert changed == {made_poor.id}


def test_a_derivation_runs_at_head_in_the_upgrade_s_transaction(tmp_path, monkeypatch):
    """0029 derives its summaries once the store is at head, with that version's models and rules
    (in the migration itself it read the tables through the models of whatever version ran it: a
    later version's column would have failed every upgrade from before 0029).  It runs in the
    upgrade's transaction: when it fails, the store stays as it was, at its old revision."""
    from app.services.programmes import followup

    copy = tmp_path / "s.db"
    shutil.copy(DATA / "schema_0027.db", copy)
    engine = make_engine(f"sqlite:///{copy}")
    migrate(engine, "0028")
    calls = []
    real = followup.refresh_summaries

    def refresh(session, ids):
        calls.append(current_revision_of(session))
        raise RuntimeError("the derivation fails")

    monkeypatch.setattr(followup, "refresh_summaries", refresh)
    with pytest.raises(RuntimeError):
        migrate(engine)
    assert calls == [head_revision()]  # at head when it ran
    assert current_revision(engine) == "0028"  # and nothing of the upgrade kept
    monkeypatch.setattr(followup, "refresh_summaries", real)
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def current_revision_of(session) -> str:
    return session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

"""Stores for tests without running every migration for each one.

A new store runs all alembic migrations; the suite makes hundreds.  So the migrated, empty
database is built once per session and each new store starts as a byte copy of it.  The copy then
goes through ``profile.init_profile`` like ``cunyi init``, so every store still gets its own
device id, database id and keys (sync tests put several devices in one test).

Richer set-ups built once per module (a county that has synced, a register of residents) are
frozen with :func:`freeze` and copied per test with :func:`copy_tree` or :func:`copy_store`.  Copying the database file
is safe only because nothing has it open: :func:`freeze` checkpoints the WAL into the main file
and closes every connection first (a live database is copied with ``app.db.sqlite_backup``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from app.db import Store

_folder: Path | None = None  # where the session's template lives (pytest's tmp dir); None: no template
_schema: Path | None = None  # the migrated, empty database, once built


def use_folder(folder: Path | None) -> None:
    """Keep templates in ``folder`` for this session (conftest does); None stops using them."""
    global _folder, _schema
    _folder, _schema = folder, None


def schema_template() -> Path | None:
    """The empty database at the head schema, built on first use; None outside a test session."""
    global _schema
    if _schema is None and _folder is not None:
        path = _folder / "schema-head.db"
        freeze(Store(f"sqlite:///{path}"))
        _schema = path
    return _schema


def new_store(db_file: Path, **store_kw) -> Store:
    """A store at the head schema in ``db_file``: empty (not yet initialised) unless the file
    is already there, which is opened as it is."""
    db_file.parent.mkdir(parents=True, exist_ok=True)
    template = schema_template()
    if template is not None and not db_file.exists():
        shutil.copyfile(template, db_file)
    return Store(f"sqlite:///{db_file}", **store_kw)


def freeze(*stores: Store) -> None:
    """Close ``stores`` so that each database is its main file alone: the WAL checkpointed into
    it, every connection closed (the last close removes the WAL file)."""
    for store in stores:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.dispose()
        db = Path(store.engine.url.database or "")
        leftover = [
            p.name for p in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")) if p.exists()
        ]
        assert not leftover, f"{db} still has {leftover}: a connection is open somewhere"


def copy_tree(src: Path, dest: Path) -> Path:
    """A test's own copy of a frozen template folder (databases, keys, cards)."""
    return Path(shutil.copytree(src, dest))


def copy_store(data_dir: Path, dest: Path) -> Store:
    """A test's own copy of a frozen store's data folder (``cunyi.db``, keys), opened."""
    data = copy_tree(data_dir, dest)
    return Store(f"sqlite:///{data / 'cunyi.db'}", backups_dir=data / "backups")


def data_dir_for_init(data_dir: Path) -> Path:
    """A data folder holding a copy of the migrated, empty database, for ``cunyi init`` to
    initialise as it would a new one (without running every migration again)."""
    new_store(data_dir / "cunyi.db").dispose()
    return data_dir

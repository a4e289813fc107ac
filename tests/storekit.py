"""Stores for tests without running every migration for each one.

A new store runs all alembic migrations; the suite makes hundreds.  So the migrated, empty
database is built once per session and each new store starts as a byte copy of it.  The copy then
goes through ``profile.init_profile`` like ``cunyi init``, so every store still gets its own
device id, database id and keys (sync tests put several devices in one test).

Richer set-ups built once per module (a county that has synced, a register of residents) are
frozen with :func:`freeze` and copied per test with :func:`copy_tree` or :func:`copy_store`.  Copying the database file
is safe only because nothing has it open: :func:`freeze` checkpoints the WAL into the main file
and closes every connection first (a live database is copied with ``app.db.sqlite_backup``).

A module marked ``both_databases`` runs twice (conftest's ``db_backend``): the second time the stores
it makes are PostgreSQL databases on the session's throwaway cluster (tests/pg.py), each one a
``CREATE DATABASE … TEMPLATE`` of the migrated, empty head schema.  A PostgreSQL store's data folder
names its database in ``db-url`` (as ``cunyi init --db`` leaves it), so copying a folder copies the
database too (:func:`open_copy`).
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

from app.config import DB_URL_FILE, Paths, resolve_db_url
from app.db import Store, is_sqlite

_folder: Path | None = None  # where the session's template lives (pytest's tmp dir); None: no template
_schema: Path | None = None  # the migrated, empty database, once built
_backend = "sqlite"  # or "postgresql": where new stores go (conftest's db_backend)
_cluster = None  # tests.pg.Cluster when the backend is PostgreSQL
_pg_schema: str | None = None  # the cluster's migrated, empty template database, once built
_names = itertools.count(1)
_data_dirs: dict[str, Path] = {}  # a PostgreSQL store's URL -> the data folder naming it


def use_backend(name: str, cluster=None) -> None:
    """Make the stores that may be shared (:func:`new_store` with ``shared``) on ``name``."""
    global _backend, _cluster, _pg_schema
    if cluster is not _cluster:
        _pg_schema = None
    _backend, _cluster = name, cluster


def backend() -> str:
    return _backend


def _new_database(template: str | None) -> str:
    name = f"t{os.getpid()}_{next(_names)}"
    return _cluster.create_database(name, template)


def server_url(data_dir: Path) -> str | None:
    """On the PostgreSQL backend, a new database at the head schema for a shared store whose data
    folder is ``data_dir`` (named in its ``db-url``); None on SQLite."""
    if _backend != "postgresql":
        return None
    url = _new_database(pg_schema_template())
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / DB_URL_FILE).write_text(url)
    _data_dirs[url] = data_dir
    return url


def pg_schema_template() -> str:
    """The cluster's database at the head schema, migrated once per cluster."""
    global _pg_schema
    if _pg_schema is None:
        name = "schema_head"
        _cluster.drop_database(name)
        url = _cluster.create_database(name)
        Store(url).dispose()
        _pg_schema = name
    return _pg_schema


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


def new_store(db_file: Path, *, shared: bool = False, **store_kw) -> Store:
    """A store at the head schema in ``db_file``: empty (not yet initialised) unless the file
    is already there, which is opened as it is.  ``shared``: a store that may live on a database
    server (a township's): on the PostgreSQL backend it is a new database, named in the data
    folder's ``db-url``."""
    db_file.parent.mkdir(parents=True, exist_ok=True)
    url_file = db_file.parent / DB_URL_FILE
    if url_file.exists():
        return Store(url_file.read_text().strip(), **store_kw)
    if shared and _backend == "postgresql":
        url = _new_database(pg_schema_template())
        url_file.write_text(url)
        _data_dirs[url] = db_file.parent
        return Store(url, **store_kw)
    template = schema_template()
    if template is not None and not db_file.exists():
        shutil.copyfile(template, db_file)
    return Store(f"sqlite:///{db_file}", **store_kw)


def freeze(*stores: Store) -> None:
    """Close ``stores`` so that each database is its main file alone: the WAL checkpointed into
    it, every connection closed (the last close removes the WAL file)."""
    for store in stores:
        if not is_sqlite(store.url):
            store.dispose()  # a template database must have no connection to be copied
            continue
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
    return open_copy(data, backups_dir=data / "backups")


def open_copy(data_dir: Path, **store_kw) -> Store:
    """Open a copied data folder's store: a PostgreSQL one is first copied to a database of its own
    (the folder's ``db-url`` still names the original's)."""
    paths = Paths(data_dir)
    url = resolve_db_url(paths)
    if not is_sqlite(url):
        from sqlalchemy.engine import make_url

        url = _new_database(make_url(url).database)
        (data_dir / DB_URL_FILE).write_text(url)
        _data_dirs[url] = data_dir
    return Store(url, **store_kw)


def data_dir(store: Store) -> Path:
    """The data folder of a test's store (the SQLite file's folder, or the one naming the database)."""
    if is_sqlite(store.url):
        return Path(store.engine.url.database).parent
    return _data_dirs[store.url]


def discard(store: Store) -> None:
    """Close a test's store.  A PostgreSQL one's database is dropped with the module's others at the
    end of its run (:func:`drop_databases`), not now: a window the test left open may still read it
    from a timer (a SQLite file, likewise, outlives its test)."""
    store.dispose()


def data_dir_for_init(data_dir: Path, role: str = "village") -> Path:
    """A data folder holding a copy of the migrated, empty database, for ``cunyi init --role role``
    to initialise as it would a new one (without running every migration again).  A township's or
    county's folder on the PostgreSQL backend names a new database at the head schema in its
    ``db-url`` (as ``cunyi init --db`` leaves it), so the CLI under test runs on PostgreSQL; a
    village's stays SQLite (``init`` refuses a village on a server)."""
    new_store(data_dir / "cunyi.db", shared=role != "village").dispose()
    return data_dir


def drop_databases() -> None:
    """Drop every database this backend's tests made (conftest, at the end of a module's run)."""
    if _cluster is None:
        return
    for url in list(_data_dirs):
        from sqlalchemy.engine import make_url

        _cluster.drop_database(make_url(url).database)
        del _data_dirs[url]

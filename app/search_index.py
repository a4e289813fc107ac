"""The SQLite full-text index behind digit-fragment search (ID, archive number, phone).

A LIKE '%1234%' over 60k residents scans every row (~15 ms); an FTS5 trigram index answers
the same question in well under a millisecond.  The index keeps no positions (``detail=none``)
and no token counts (``columnsize=0``): a LIKE over it looks up the fragment's trigrams and then
checks the candidates' text, so positions would only be weight (7 MB of the 16 MB index of a
60k-resident township).  It is derived data: SQLite triggers keep it
in step with ``resident``, and :func:`ensure` (run at every start, after migrations) creates
it, or rebuilds it when it is missing or out of step (an alembic batch migration that
recreates ``resident`` drops its triggers).  On PostgreSQL the same LIKE '%…%' is answered by
the ``pg_trgm`` GIN indexes of migration 0015.

Names on PostgreSQL: pg_trgm cannot index a two-character fragment (王芳, the 建国 of 张建国), so
name queries of two or more characters also ask migration 0018's GIN index over the name's
bigrams (:func:`name_fragment_clause`); SQLite scans its township's names fast enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

TABLE = "resident_digits"
_OPTIONS = "detail=none, columnsize=0"
_DIGITS = "coalesce({p}.id_number,'') || ' ' || {p}.archive_no || ' ' || coalesce({p}.phone,'')"

_ON_INSERT = f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON resident BEGIN
        INSERT INTO {TABLE}(resident_id, digits) VALUES (new.id, {_DIGITS.format(p="new")}); END"""
_DDL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(resident_id UNINDEXED, digits, tokenize='trigram', {_OPTIONS})",
    _ON_INSERT,
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE OF id_number, archive_no, phone ON resident BEGIN
        DELETE FROM {TABLE} WHERE resident_id = old.id;
        INSERT INTO {TABLE}(resident_id, digits) VALUES (new.id, {_DIGITS.format(p="new")}); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON resident BEGIN
        DELETE FROM {TABLE} WHERE resident_id = old.id; END""",
]


def is_derived_table(name: str) -> bool:
    """Tables alembic must leave alone (the FTS table and its shadow tables)."""
    return name == TABLE or name.startswith(TABLE + "_")


def ensure(conn: Connection) -> bool:
    """Create the index and its triggers if missing; rebuild when out of step.  True if rebuilt."""
    if conn.dialect.name != "sqlite":
        return False
    has_resident = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='resident'"
    ).first()
    if not has_resident:
        return False
    triggers = conn.exec_driver_sql(
        f"SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE '{TABLE}_a_'"
    ).scalar()
    made = conn.exec_driver_sql(
        f"SELECT sql FROM sqlite_master WHERE type='table' AND name='{TABLE}'"
    ).scalar()
    if made is not None and _OPTIONS not in made:  # an older store's index, with positions
        conn.exec_driver_sql(f"DROP TABLE {TABLE}")
        triggers = 0
    for ddl in _DDL:
        conn.exec_driver_sql(ddl)
    residents = conn.exec_driver_sql("SELECT count(*) FROM resident").scalar()
    indexed = conn.exec_driver_sql(f"SELECT count(*) FROM {TABLE}").scalar()
    if triggers == 3 and residents == indexed:
        return False
    conn.exec_driver_sql(f"DELETE FROM {TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {TABLE}(resident_id, digits) SELECT r.id, {_DIGITS.format(p='r')} FROM resident r"
    )
    return True


def read_current(conn: Connection) -> None:
    """Make FTS5 load the index's current structure in ``conn``'s transaction, before a
    ``PRAGMA integrity_check`` there.  SQLite 3.44 and later (SQLCipher's: encrypted stores) check
    FTS5 tables too, against the structure the connection cached at its last read of the index:
    once another program has written since, a sound index is reported as a "checksum mismatch".
    A read of the index itself (a read of another table does not) refreshes it."""
    if (
        conn.dialect.name == "sqlite"
        and conn.exec_driver_sql(f"SELECT 1 FROM sqlite_master WHERE type='table' AND name='{TABLE}'").first()
    ):
        conn.exec_driver_sql(f"SELECT rowid FROM {TABLE} LIMIT 1").all()


@contextmanager
def bulk_insert(conn: Connection) -> Iterator[None]:
    """Residents inserted inside, many at once (a sync import's chunk), indexed in one statement
    as the block ends, not each by the insert trigger: FTS5 writes out what it holds at every
    statement a trigger runs, so the trigger's inserts cost a 100k-change import 0.6 s where
    one INSERT … SELECT of the same rows takes 0.07 s.  The trigger is dropped and made again
    in the caller's transaction (a rollback brings it back as it was).  The new residents are
    those whose rowid is above the largest one before: SQLite gives a new row the largest rowid
    plus one, and nobody else writes while the caller's transaction does.  Nothing to do on
    PostgreSQL (pg_trgm indexes the column itself)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    top = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM resident").scalar()
    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_ai")
    try:
        yield
    finally:
        conn.exec_driver_sql(_ON_INSERT)
    conn.exec_driver_sql(
        f"INSERT INTO {TABLE}(resident_id, digits) SELECT r.id, {_DIGITS.format(p='r')} FROM resident r "
        "WHERE r.rowid > ?",
        (top,),
    )


def bigrams(text: str) -> list[str]:
    """The two-character substrings of ``text`` (as PostgreSQL's ``cunyi_bigrams`` makes them)."""
    return sorted({text[i : i + 2] for i in range(len(text) - 1)})


def name_fragment_clause(dialect: str, name_column, fragment: str):
    """A condition every name containing ``fragment`` meets, answered by an index; None where
    there is none to use (SQLite; a one-character fragment).  Add it beside the LIKE, never
    instead of it: the name holding all the fragment's bigrams need not hold the fragment."""
    if dialect != "postgresql" or len(fragment) < 2:
        return None
    text_array = postgresql.ARRAY(sa.Text)
    grams = sa.cast(postgresql.array(bigrams(fragment)), text_array)
    return sa.func.cunyi_bigrams(name_column, type_=text_array).op("@>")(grams)

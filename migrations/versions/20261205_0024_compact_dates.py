"""dates as day numbers: on SQLite every calendar date (visit days, due days, birthdays …) is kept
as the integer count of days since 1970-01-01 (``app.models.base.Day``), 2–3 bytes instead of the
10 characters of ``YYYY-MM-DD``, and compares and sorts as the text did: 9 MB of a 60k-resident
township's 920k dates and their indexes.  PostgreSQL keeps ``date``.

Every ``DATE`` column of every table is converted in place, a table in one pass.  Only text that
is exactly a calendar day (``YYYY-MM-DD``, and a day that exists: SQLite would read 2025-02-30 as
2 March) becomes a number; any other value is left as it is, for ``cunyi check`` and the reader to
see as before.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 06:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None
# how this store keeps rows, not what bundles carry (app.db.wire_revision)
bundles_unchanged = True

EPOCH_JULIAN = 2440587.5  # julianday('1970-01-01')


def _date_columns(conn) -> dict[str, list[str]]:
    tables = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    out = {}
    for t in tables:
        cols = [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{t}")') if r[2].upper() == "DATE"]
        if cols:
            out[t] = cols
    return out


def _convert(to_days: bool) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table, cols in _date_columns(conn).items():
        if to_days:
            new = {
                c: f"""CASE WHEN typeof("{c}") = 'text' AND date(julianday("{c}")) = "{c}" """
                f"""THEN CAST(julianday("{c}") - {EPOCH_JULIAN} AS INTEGER) ELSE "{c}" END"""
                for c in cols
            }
            kind = "text"
        else:
            new = {
                c: f"""CASE WHEN typeof("{c}") = 'integer' THEN date("{c}" + {EPOCH_JULIAN}) ELSE "{c}" END"""
                for c in cols
            }
            kind = "integer"
        sets = ", ".join(f'"{c}" = {expr}' for c, expr in new.items())
        where = " OR ".join(f"""typeof("{c}") = '{kind}'""" for c in cols)
        conn.exec_driver_sql(f'UPDATE "{table}" SET {sets} WHERE {where}')


def upgrade() -> None:
    _convert(to_days=True)


def downgrade() -> None:
    _convert(to_days=False)

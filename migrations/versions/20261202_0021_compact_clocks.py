"""compact row clocks: on SQLite, a row's ``sync_clocks`` that holds only the clock of the write
that made it is stored as that clock's 12 bytes (``app.models.base.Clocks``), not 37 bytes of
JSON text: 8 MB of a 60k-resident township's store.  PostgreSQL keeps JSON.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

import json
import re

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None
# how this store keeps rows, not what bundles carry (app.db.wire_revision)
bundles_unchanged = True

_ONE_CLOCK = re.compile(r'\{"_":\["([0-9a-f]{24})",""\]\}')


def _tables(conn) -> list[str]:
    return [
        name
        for (name,) in conn.exec_driver_sql(
            "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' "
            "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'sync_clocks')"
        )
    ]


def _rewrite(where: str, convert) -> None:
    """Each synced table's clocks picked by ``where``: ``convert(stored)`` -> what to store, or None."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table in _tables(conn):
        rows = conn.exec_driver_sql(f"SELECT id, sync_clocks FROM {table} WHERE {where}").fetchall()
        new = [(value, i) for i, stored in rows if (value := convert(stored)) is not None]
        if new:
            conn.exec_driver_sql(f"UPDATE {table} SET sync_clocks = ? WHERE id = ?", new)


def _packed(text: str) -> bytes | None:
    m = _ONE_CLOCK.fullmatch(text)
    return bytes.fromhex(m.group(1)) if m else None


def upgrade() -> None:
    _rewrite("typeof(sync_clocks) = 'text' AND length(sync_clocks) = 37", _packed)


def downgrade() -> None:
    _rewrite(
        "typeof(sync_clocks) = 'blob'",
        lambda clock: json.dumps({"_": [clock.hex(), ""]}, separators=(",", ":")),
    )

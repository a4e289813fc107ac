"""change-log clocks as bytes: on SQLite a change's clock (24 hex digits) is kept as its 12 bytes
(``app.models.base.Clock``), which sort as the text did: 4 MB of a township's 360k changes.
PostgreSQL keeps text.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 04:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None
# how this store keeps rows, not what bundles carry (app.db.wire_revision)
bundles_unchanged = True


def _convert(to_bytes: bool) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    kind = "text" if to_bytes else "blob"
    while True:  # a township's 360k changes a slice at a time (the key is the table)
        rows = conn.exec_driver_sql(
            f"SELECT origin, seq, hlc FROM change_log WHERE typeof(hlc) = '{kind}' LIMIT 50000"
        ).fetchall()
        if not rows:
            return
        conn.exec_driver_sql(
            "UPDATE change_log SET hlc = ? WHERE origin = ? AND seq = ?",
            [(bytes.fromhex(h) if to_bytes else h.hex(), o, s) for o, s, h in rows],
        )


def upgrade() -> None:
    _convert(to_bytes=True)


def downgrade() -> None:
    _convert(to_bytes=False)

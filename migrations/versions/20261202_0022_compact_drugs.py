"""compact drug lists: on SQLite a visit's drugs are kept as ``=`` and the list of each drug's
values (``app.models.base.KeyedRows``), not a list of objects repeating the same three names:
11 MB of a 60k-resident township's visits.  PostgreSQL keeps JSON.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 04:20:00
"""

from __future__ import annotations

import json

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None
# how this store keeps rows, not what bundles carry (app.db.wire_revision)
bundles_unchanged = True

KEYS = ("name", "times_per_day", "mg_per_time")  # as app.models.followup.DRUG_KEYS was made


def _text(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    rows = conn.exec_driver_sql("SELECT id, drugs FROM followup_visit WHERE drugs LIKE '[{%'").fetchall()
    packed = []
    for row_id, text in rows:
        drugs = json.loads(text)
        if all(type(d) is dict and tuple(d) == KEYS for d in drugs):
            packed.append(("=" + _text([list(d.values()) for d in drugs]), row_id))
    if packed:
        conn.exec_driver_sql("UPDATE followup_visit SET drugs = ? WHERE id = ?", packed)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    rows = conn.exec_driver_sql("SELECT id, drugs FROM followup_visit WHERE drugs LIKE '=%'").fetchall()
    texts = [(_text([dict(zip(KEYS, d, strict=True)) for d in json.loads(text[1:])]), i) for i, text in rows]
    if texts:
        conn.exec_driver_sql("UPDATE followup_visit SET drugs = ? WHERE id = ?", texts)

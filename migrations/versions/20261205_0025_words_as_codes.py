"""words as two-byte codes: on SQLite a change's table name (``change_log.entity``) and a ticked
box's field name (``resident_choice.field``) are kept as the two bytes of their
``app.models.packing.word_code`` instead of 7 to 20 characters: 9 MB of a 60k-resident township's
360k changes and 540k ticked boxes.  A blob in a text column is kept as it is, so no table is
rebuilt; a word outside the vocabulary stays text.  PostgreSQL keeps text.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05 06:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None
# how this store keeps rows, not what bundles carry (app.db.wire_revision)
bundles_unchanged = True

COLUMNS = (("change_log", "entity"), ("resident_choice", "field"))


def _codes(table: str, column: str) -> dict[str, bytes]:
    """The words this version stores as codes in ``table.column`` (its model's vocabulary)."""
    from app.models import Base

    return Base.metadata.tables[table].c[column].type.words.codes()


def _convert(to_codes: bool) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table, column in COLUMNS:
        codes = _codes(table, column)
        if to_codes:
            cases = " ".join(f"WHEN '{w}' THEN X'{c.hex()}'" for w, c in codes.items())
            kind = "text"
        else:
            cases = " ".join(f"WHEN X'{c.hex()}' THEN '{w}'" for w, c in codes.items())
            kind = "blob"
        conn.exec_driver_sql(
            f'UPDATE "{table}" SET "{column}" = CASE "{column}" {cases} ELSE "{column}" END '
            f"""WHERE typeof("{column}") = '{kind}'"""
        )


def upgrade() -> None:
    _convert(to_codes=True)


def downgrade() -> None:
    _convert(to_codes=False)

"""PostgreSQL: an index of the residents with a disability ticked (残疾情况 other than 无残疾)

重点人群家庭医生签约率 counts the disabled among its key groups.  On a county store its read of them
(``services._disabled_query``) scanned every ticked box of every resident: 9.2 million rows, 0.36 s
of a township's 2.0–2.1 s indicator year, 0.57 s of the county's.  This partial index holds only
the boxes that read: some 49,000 rows in a county, 1.5 MB.  Its predicate is the query's own
(``field = 'disability' AND code <> '1'``, 1 being the national code list's 无残疾, ``none_code``):
a province whose codes.json gives 无残疾 another code reads the same rows by a scan, as before.
SQLite needs nothing: its township store holds 60,000 residents' boxes.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None
bundles_unchanged = True

INDEX = "ix_resident_choice_disabled"
# The query's own condition (services._disabled_query), as PostgreSQL stores these columns: words
PREDICATE = "field = 'disability' AND code <> '1'"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX {INDEX} ON resident_choice (resident_id) WHERE {PREDICATE}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")

"""PostgreSQL: an index for name fragments of two characters (a county's 2-character names)

pg_trgm (0015) indexes three-character grams: a two-character query such as 王芳 or the 建国 of
张建国 extracts no whole trigram from ``LIKE '%王芳%'`` and falls back to a scan of every resident.
``cunyi_bigrams(name)`` is the set of the name's two-character substrings; a GIN index over it finds
every name holding each of a query's bigrams (a superset of the LIKE's matches, which the LIKE then
checks).  The search service uses it for name queries of two or more characters
(app/search_index.py).  SQLite needs nothing: its township store is scanned fast enough.

Revision ID: 0018
Revises: 0015
Create Date: 2026-11-30 11:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """CREATE FUNCTION cunyi_bigrams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT ARRAY(SELECT DISTINCT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i) $$"""
    )
    op.execute("CREATE INDEX ix_resident_name_bigram ON resident USING gin (cunyi_bigrams(name))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_resident_name_bigram")
    op.execute("DROP FUNCTION IF EXISTS cunyi_bigrams(text)")

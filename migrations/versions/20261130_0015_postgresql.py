"""PostgreSQL: what SQLite's migrations did with SQLite-only DDL, done the PostgreSQL way

- the audit trail's append-only rules (0005, 0006: SQLite triggers) as a PL/pgSQL trigger;
- search: pg_trgm GIN indexes for name and digit fragments (the SQLite store has its FTS5 trigram
  table, app/search_index.py), and a prefix index on the name for 1-2 character queries, which
  pg_trgm cannot index.

Nothing changes on SQLite.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

CONTENT = ("at", "user_id", "username", "device_id", "action", "entity", "entity_id", "summary", "scope_code")
CHAIN = ("chain_seq", "chain_prev", "chain_hash")
TRGM = {  # index name -> column of resident
    "ix_resident_name_trgm": "name",
    "ix_resident_id_number_trgm": "id_number",
    "ix_resident_archive_no_trgm": "archive_no",
    "ix_resident_phone_trgm": "phone",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in CONTENT)
    rechained = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in CHAIN)
    op.execute(
        f"""CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'audit log is append-only'; END IF;
            IF {changed} THEN RAISE EXCEPTION 'audit log is append-only'; END IF;
            IF OLD.chain_hash IS NOT NULL AND ({rechained}) THEN
                RAISE EXCEPTION 'audit log is append-only';
            END IF;
            RETURN NEW;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    )
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRGM.items():
        op.execute(f"CREATE INDEX {name} ON resident USING gin ({column} gin_trgm_ops)")
    op.execute("CREATE INDEX ix_resident_name_prefix ON resident (name text_pattern_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_resident_name_prefix")
    for name in TRGM:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")

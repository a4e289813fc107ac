"""audit chain: each device's audit entries are linked by SHA-256 hashes (chain_seq, chain_prev,
chain_hash), so `cunyi check` finds edits, deletions and insertions made around the triggers; the
entries this device already wrote are chained now, in the order they were written

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# 0005's append-only triggers: a batch rebuild of audit_log (downgrade) drops them, so they are
# made again afterwards with the same text.
CONTENT = "at, user_id, username, device_id, action, entity, entity_id, summary, scope_code"
CHAIN = "chain_seq, chain_prev, chain_hash"


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild): the table keeps its rows and 0005's triggers.
    op.add_column("audit_log", sa.Column("chain_seq", sa.BigInteger(), nullable=True))
    op.add_column("audit_log", sa.Column("chain_prev", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("chain_hash", sa.String(length=64), nullable=True))
    op.create_index("ix_audit_log_chain", "audit_log", ["device_id", "chain_seq"], unique=False)
    _chain_existing()
    if op.get_bind().dialect.name == "sqlite":
        # A link is set once, when the entry is written; never changed afterwards.
        op.execute(
            f"CREATE TRIGGER audit_log_chain_once BEFORE UPDATE OF {CHAIN} ON audit_log "
            "WHEN OLD.chain_hash IS NOT NULL "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )


def _chain_existing() -> None:
    """Chain the entries this device wrote (its own, and any without a device), oldest first.
    Entries received from other devices are left as they came: only their origin can vouch for
    their order, and it chains its own when it upgrades.  The head the app keeps per device
    (setting ``audit.chain.<device>``) is started from the newest link at the next entry."""
    from app.services.access.audit import CONTENT as FIELDS
    from app.services.access.audit import chain_hash

    bind = op.get_bind()
    profile = sa.table("profile", sa.column("id", sa.Integer), sa.column("device_id", sa.Uuid))
    me = bind.execute(sa.select(profile.c.device_id).where(profile.c.id == 1)).scalar()
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Uuid),
        sa.column("at", sa.DateTime),
        sa.column("user_id", sa.Uuid),
        sa.column("username", sa.String),
        sa.column("device_id", sa.Uuid),
        sa.column("action", sa.String),
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.String),
        sa.column("summary", sa.Text),
        sa.column("scope_code", sa.String),
        sa.column("chain_seq", sa.BigInteger),
        sa.column("chain_prev", sa.String),
        sa.column("chain_hash", sa.String),
    )
    mine = log.c.device_id.is_(None) if me is None else (log.c.device_id == me) | log.c.device_id.is_(None)
    rows = (
        bind.execute(sa.select(*(log.c[f] for f in FIELDS)).where(mine).order_by(log.c.at, log.c.id))
        .mappings()
        .all()
    )
    heads: dict = {}
    links = []
    for row in rows:
        seq, prev = heads.get(row["device_id"], (0, ""))
        digest = chain_hash({**row, "chain_seq": seq + 1, "chain_prev": prev})
        heads[row["device_id"]] = (seq + 1, digest)
        links.append({"_id": row["id"], "_seq": seq + 1, "_prev": prev, "_hash": digest})
    if links:
        bind.execute(
            log.update()
            .where(log.c.id == sa.bindparam("_id"))
            .values(
                chain_seq=sa.bindparam("_seq"),
                chain_prev=sa.bindparam("_prev"),
                chain_hash=sa.bindparam("_hash"),
            ),
            links,
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_chain_once")
    op.execute("DELETE FROM setting WHERE key LIKE 'audit.chain.%'")
    op.drop_index("ix_audit_log_chain", table_name="audit_log")
    with op.batch_alter_table("audit_log") as batch:
        for c in ("chain_hash", "chain_prev", "chain_seq"):
            batch.drop_column(c)
    if bind.dialect.name == "sqlite":  # the rebuilt table lost 0005's triggers
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        op.execute(
            f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF {CONTENT} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )

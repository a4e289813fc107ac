"""sync: change log, device state, peers, origin marks, bundles, conflicts; per-field clocks on
every synced table; organisation rows re-keyed to ids derived from their codes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 15:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SYNCED = (
    "township",
    "village",
    "village_group",
    "household",
    "resident",
    "program_enrolment",
    "followup_visit",
    "referral",
)
# Same namespace as app.models.base.ORG_NAMESPACE (a migration must not import the app's models).
ORG_NAMESPACE = uuid.UUID("6f1c4b8e-2d0a-5c7e-9b1f-7a3e5d2c4b60")


def _org_id(*parts: str) -> str:
    return uuid.uuid5(ORG_NAMESPACE, ":".join(parts)).hex


def _rekey_org_rows() -> None:
    """Townships, villages and groups get the ids every device derives from their codes.
    Runs with foreign keys off (app.db.migrate); every reference is rewritten here."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL stores are created at this revision or later: ids already derived
    towns = conn.exec_driver_sql("SELECT id, code FROM township").fetchall()
    villages = conn.exec_driver_sql("SELECT id, code FROM village").fetchall()
    groups = conn.exec_driver_sql(
        "SELECT g.id, v.code, g.name FROM village_group g JOIN village v ON v.id = g.village_id"
    ).fetchall()
    moves = [
        ("township", [(old, _org_id("township", code)) for old, code in towns], [("village", "township_id")]),
        (
            "village",
            [(old, _org_id("village", code)) for old, code in villages],
            [("village_group", "village_id"), ("household", "village_id"), ("resident", "village_id")],
        ),
        (
            "village_group",
            [(old, _org_id("group", code, name)) for old, code, name in groups],
            [("household", "group_id"), ("resident", "group_id")],
        ),
    ]
    for table, pairs, refs in moves:
        for old, new in pairs:
            if old == new:
                continue
            conn.exec_driver_sql(f"UPDATE {table} SET id = ? WHERE id = ?", (new, old))
            for ref_table, column in refs:
                conn.exec_driver_sql(f"UPDATE {ref_table} SET {column} = ? WHERE {column} = ?", (new, old))


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("scope", sa.String(length=12), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("origin", "seq", name=op.f("pk_change_log")),
    )
    op.create_index("ix_change_log_pending", "change_log", ["pending"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hlc_ms", sa.BigInteger(), nullable=False),
        sa.Column("hlc_counter", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sign_key", sa.String(length=100), nullable=False),
        sa.Column("enc_key", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("acked", sa.JSON(), nullable=False),
        sa.Column("seen_acks", sa.JSON(), nullable=False),
        sa.Column("last_export_at", sa.DateTime(), nullable=True),
        sa.Column("last_import_at", sa.DateTime(), nullable=True),
        sa.Column("clock_skew_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_origin",
        sa.Column("origin", sa.Uuid(), nullable=False),
        sa.Column("hw", sa.BigInteger(), nullable=False),
        sa.Column("ranges", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("origin", name=op.f("pk_sync_origin")),
    )
    op.create_table(
        "sync_bundle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.Uuid(), nullable=True),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("peer", sa.Uuid(), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("ops", sa.Integer(), nullable=False),
        sa.Column("bytes", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_bundle")),
    )
    op.create_index("ix_sync_bundle_bundle_id", "sync_bundle", ["bundle_id"], unique=False)
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=True),
        sa.Column("kept_value", sa.Text(), nullable=True),
        sa.Column("kept_clock", sa.String(length=24), nullable=True),
        sa.Column("lost_value", sa.Text(), nullable=True),
        sa.Column("lost_clock", sa.String(length=24), nullable=True),
        sa.Column("other_id", sa.Uuid(), nullable=True),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index("ix_sync_conflict_open", "sync_conflict", ["resolved_at"], unique=False)
    for table in SYNCED:
        # ALTER TABLE ADD COLUMN: no table rebuild, existing rows keep NULL ("not yet logged":
        # the sync service logs them before its first export).
        op.add_column(table, sa.Column("sync_clocks", sa.JSON(), nullable=True))
    _rekey_org_rows()


def downgrade() -> None:
    for table in SYNCED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("sync_clocks")
    op.drop_index("ix_sync_conflict_open", table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_index("ix_sync_bundle_bundle_id", table_name="sync_bundle")
    op.drop_table("sync_bundle")
    op.drop_table("sync_origin")
    op.drop_table("sync_peer")
    op.drop_table("sync_state")
    op.drop_index("ix_change_log_pending", table_name="change_log")
    op.drop_table("change_log")

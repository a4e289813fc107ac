"""chunked import: how far an interrupted import of a bundle got (sync_import_progress)

Revision ID: 0019
Revises: 0015
Create Date: 2026-11-30 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ids as the store keeps them (app.models.base.Id): 16 bytes on SQLite, uuid on PostgreSQL
    Id = (lambda: sa.LargeBinary(16)) if op.get_bind().dialect.name == "sqlite" else sa.Uuid
    op.create_table(
        "sync_import_progress",
        sa.Column("bundle_id", Id(), nullable=False),
        sa.Column("peer", Id(), nullable=False),
        sa.Column("ops_done", sa.BigInteger(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_sync_import_progress")),
    )


def downgrade() -> None:
    op.drop_table("sync_import_progress")

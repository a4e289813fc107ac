"""review decisions: the township's decision on each item of its review queue (duplicates, sync
conflicts, records failing validation, referrals open too long), synced to the owning village

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_decision",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("village_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("item_key", sa.String(length=120), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=True),
        sa.Column("record", sa.String(length=120), nullable=False),
        sa.Column("other_record", sa.String(length=120), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("decided_by", sa.String(length=50), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_review_decision_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_decision")),
    )
    op.create_index(op.f("ix_review_decision_village_id"), "review_decision", ["village_id"], unique=False)
    op.create_index(op.f("ix_review_decision_item_key"), "review_decision", ["item_key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_review_decision_item_key"), table_name="review_decision")
    op.drop_index(op.f("ix_review_decision_village_id"), table_name="review_decision")
    op.drop_table("review_decision")

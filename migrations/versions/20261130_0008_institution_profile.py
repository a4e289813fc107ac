"""institution profile: the institution's address and doctors on the profile; a village clinic's
name, phone and address on its (synced) village row, so the township prints the clinic a patient
goes to

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: nullable columns, no batch rebuild, the rows stay as they are.
    op.add_column("profile", sa.Column("address", sa.String(length=200), nullable=True))
    op.add_column("profile", sa.Column("doctors", sa.String(length=200), nullable=True))
    op.add_column("village", sa.Column("institution", sa.String(length=100), nullable=True))
    op.add_column("village", sa.Column("phone", sa.String(length=20), nullable=True))
    op.add_column("village", sa.Column("address", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("village") as batch:
        batch.drop_column("address")
        batch.drop_column("phone")
        batch.drop_column("institution")
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("doctors")
        batch.drop_column("address")

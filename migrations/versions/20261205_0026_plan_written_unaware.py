"""一患一策 written without sight of the patient's 严重精神障碍 records (``poverty_plan.written_unaware``)

A plan of a 严重精神障碍 patient is hidden from those who may not see the patient's programme (its
疾病 and 措施 are typed: "精神分裂症", a drug).  A plan written by one of them holds nothing of it, and
hiding it told its author which residents are patients (the plan just saved was not there): such a
plan is now shown to every reader.  Plans of earlier versions, and of devices that do not send the
field, stay hidden as before.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("poverty_plan") as batch:
        batch.add_column(
            sa.Column("written_unaware", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("poverty_plan") as batch:
        batch.drop_column("written_unaware")

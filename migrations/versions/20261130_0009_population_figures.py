"""population figures: 常住人口 and 65+ population per village and year, entered at the township
(the denominators of 建档率 and 老年人健康管理率), synced to the villages

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "population_figure",
        sa.Column("village_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("resident_population", sa.Integer(), nullable=True),
        sa.Column("elderly_population", sa.Integer(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_population_figure_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_population_figure")),
        sa.UniqueConstraint("village_id", "year", name="uq_population_figure_village_year"),
    )


def downgrade() -> None:
    op.drop_table("population_figure")

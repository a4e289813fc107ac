"""family-doctor contracts, poverty households and plans, health education (issue 19): new tables;
the residents' contract columns and poverty flags become contract and household rows

Existing values are copied with ids derived from the resident (household) id, so every device that
upgrades makes the same rows and no sync is needed for them.  The resident columns stay as the
mirror of the current contract / household registration, written only by the services.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 06:00:00
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Same namespace as app.models.base.ORG_NAMESPACE: ids every device derives alike.
NAMESPACE = uuid.UUID("6f1c4b8e-2d0a-5c7e-9b1f-7a3e5d2c4b60")


def upgrade() -> None:
    op.create_table(
        "poverty_household",
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("village_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("cause", sa.String(length=12), nullable=True),
        sa.Column("by_illness", sa.Boolean(), nullable=False),
        sa.Column("relapse_by_illness", sa.Boolean(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_poverty_household_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_poverty_household_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poverty_household")),
        sa.UniqueConstraint("household_id", name=op.f("uq_poverty_household_household_id")),
    )
    with op.batch_alter_table("poverty_household", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poverty_household_village_id"), ["village_id"], unique=False)

    op.create_table(
        "education_activity",
        sa.Column("scope_code", sa.String(length=12), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("form", sa.String(length=1), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("organiser", sa.String(length=100), nullable=True),
        sa.Column("audience_kind", sa.String(length=100), nullable=True),
        sa.Column("audience_count", sa.Integer(), nullable=False),
        sa.Column("materials", sa.String(length=500), nullable=True),
        sa.Column("material_kinds", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("evaluation", sa.Text(), nullable=True),
        sa.Column("resident_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_education_activity_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_education_activity")),
    )
    with op.batch_alter_table("education_activity", schema=None) as batch_op:
        batch_op.create_index("ix_education_activity_code_date", ["scope_code", "held_on"], unique=False)

    op.create_table(
        "family_contract",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=True),
        sa.Column("doctor", sa.String(length=50), nullable=False),
        sa.Column("packages", sa.JSON(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("signature", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=200), nullable=True),
        sa.Column("renewed_from_id", sa.Uuid(), nullable=True),
        sa.Column("household_batch", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["renewed_from_id"],
            ["family_contract.id"],
            name=op.f("fk_family_contract_renewed_from_id_family_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_family_contract_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_contract")),
    )
    with op.batch_alter_table("family_contract", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_contract_end_on"), ["end_on"], unique=False)
        batch_op.create_index("ix_family_contract_resident_start", ["resident_id", "start_on"], unique=False)

    op.create_table(
        "poverty_plan",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("condition", sa.String(length=100), nullable=False),
        sa.Column("track", sa.String(length=8), nullable=False),
        sa.Column("measures", sa.String(length=1000), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("health_check_on", sa.Date(), nullable=True),
        sa.Column("doctor", sa.String(length=50), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_poverty_plan_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poverty_plan")),
    )
    with op.batch_alter_table("poverty_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poverty_plan_resident_id"), ["resident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_poverty_plan_review_on"), ["review_on"], unique=False)

    op.create_table(
        "education_attachment",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("scope_code", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data_b64", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["education_activity.id"],
            name=op.f("fk_education_attachment_activity_id_education_activity"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_education_attachment")),
    )
    with op.batch_alter_table("education_attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_education_attachment_activity_id"), ["activity_id"], unique=False
        )

    _copy_existing()


def _end_of_term(start: dt.date, years: int) -> dt.date:
    try:
        later = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        later = start.replace(year=start.year + years, day=28)
    return later - dt.timedelta(days=1)


def _copy_existing() -> None:
    bind = op.get_bind()
    resident = sa.table(
        "resident",
        sa.column("id", sa.Uuid),
        sa.column("household_id", sa.Uuid),
        sa.column("village_id", sa.Uuid),
        sa.column("enrolled_on", sa.Date),
        sa.column("poverty_registered", sa.Boolean),
        sa.column("contract_signed_on", sa.Date),
        sa.column("contract_doctor", sa.String),
        sa.column("contract_years", sa.Integer),
    )
    contract = sa.table(
        "family_contract",
        *(
            sa.column(n, t)
            for n, t in (
                ("id", sa.Uuid),
                ("resident_id", sa.Uuid),
                ("doctor", sa.String),
                ("packages", sa.JSON),
                ("start_on", sa.Date),
                ("end_on", sa.Date),
                ("years", sa.Integer),
                ("signature", sa.String),
                ("status", sa.String),
                ("created_at", sa.DateTime),
                ("updated_at", sa.DateTime),
                ("voided", sa.Boolean),
            )
        ),
    )
    household = sa.table(
        "poverty_household",
        *(
            sa.column(n, t)
            for n, t in (
                ("id", sa.Uuid),
                ("household_id", sa.Uuid),
                ("village_id", sa.Uuid),
                ("status", sa.String),
                ("by_illness", sa.Boolean),
                ("relapse_by_illness", sa.Boolean),
                ("registered_on", sa.Date),
                ("created_at", sa.DateTime),
                ("updated_at", sa.DateTime),
                ("voided", sa.Boolean),
            )
        ),
    )
    now = dt.datetime(2026, 11, 30)
    contracts, households = [], {}
    for r in bind.execute(sa.select(resident)).mappings():
        if r["contract_signed_on"] is not None:
            years = r["contract_years"] or 1
            contracts.append(
                {
                    "id": uuid.uuid5(NAMESPACE, f"contract:{r['id'].hex}"),
                    "resident_id": r["id"],
                    "doctor": r["contract_doctor"] or "",
                    "packages": ["basic"],
                    "start_on": r["contract_signed_on"],
                    "end_on": _end_of_term(r["contract_signed_on"], years),
                    "years": years,
                    "signature": "signed",
                    "status": "active",
                    "created_at": now,
                    "updated_at": now,
                    "voided": False,
                }
            )
        if r["poverty_registered"] and r["household_id"] not in households:
            households[r["household_id"]] = {
                "id": uuid.uuid5(NAMESPACE, f"poverty:{r['household_id'].hex}"),
                "household_id": r["household_id"],
                "village_id": r["village_id"],
                "status": "registered",
                "by_illness": False,
                "relapse_by_illness": False,
                "registered_on": r["enrolled_on"],
                "created_at": now,
                "updated_at": now,
                "voided": False,
            }
    if contracts:
        op.bulk_insert(contract, contracts)
    if households:
        op.bulk_insert(household, list(households.values()))


def downgrade() -> None:
    for name in (
        "education_attachment",
        "poverty_plan",
        "family_contract",
        "education_activity",
        "poverty_household",
    ):
        op.drop_table(name)

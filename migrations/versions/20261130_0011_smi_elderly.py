"""Severe mental disorder (严重精神障碍) registration and visits, elderly health checks, user permissions

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "elderly_check",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("check_date", sa.Date(), nullable=False),
        sa.Column("sbp", sa.Integer(), nullable=True),
        sa.Column("dbp", sa.Integer(), nullable=True),
        sa.Column("glucose", sa.Double(), nullable=True),
        sa.Column("selfcare", sa.JSON(), nullable=False),
        sa.Column("selfcare_score", sa.Integer(), nullable=True),
        sa.Column("selfcare_level", sa.String(length=1), nullable=True),
        sa.Column("next_check", sa.Date(), nullable=True),
        sa.Column("doctor", sa.String(length=50), nullable=True),
        sa.Column("form", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_elderly_check_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_elderly_check")),
    )
    with op.batch_alter_table("elderly_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_elderly_check_check_date"), ["check_date"], unique=False)
        batch_op.create_index("ix_elderly_check_resident_date", ["resident_id", "check_date"], unique=False)

    op.create_table(
        "smi_registration",
        sa.Column("enrolment_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("diagnosis", sa.String(length=2), nullable=False),
        sa.Column("diagnosis_hospital", sa.String(length=100), nullable=True),
        sa.Column("diagnosis_date", sa.Date(), nullable=True),
        sa.Column("consent", sa.String(length=1), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("guardian_name", sa.String(length=50), nullable=True),
        sa.Column("guardian_phone", sa.String(length=20), nullable=True),
        sa.Column("form", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["program_enrolment.id"],
            name=op.f("fk_smi_registration_enrolment_id_program_enrolment"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_smi_registration_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_smi_registration")),
    )
    with op.batch_alter_table("smi_registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_smi_registration_enrolment_id"), ["enrolment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_smi_registration_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "smi_visit",
        sa.Column("enrolment_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=1), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("lost_reason", sa.String(length=1), nullable=True),
        sa.Column("death_date", sa.Date(), nullable=True),
        sa.Column("death_cause", sa.String(length=1), nullable=True),
        sa.Column("danger", sa.Integer(), nullable=True),
        sa.Column("insight", sa.String(length=1), nullable=True),
        sa.Column("classification", sa.Integer(), nullable=True),
        sa.Column("classification_suggested", sa.Integer(), nullable=True),
        sa.Column("referral_suggested", sa.Boolean(), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("next_due_suggested", sa.Date(), nullable=True),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("doctor", sa.String(length=50), nullable=True),
        sa.Column("correction_of", sa.Uuid(), nullable=True),
        sa.Column("form", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.Column("sync_clocks", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["correction_of"], ["smi_visit.id"], name=op.f("fk_smi_visit_correction_of_smi_visit")
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["program_enrolment.id"],
            name=op.f("fk_smi_visit_enrolment_id_program_enrolment"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_smi_visit_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_smi_visit")),
    )
    with op.batch_alter_table("smi_visit", schema=None) as batch_op:
        batch_op.create_index("ix_smi_visit_enrolment_date", ["enrolment_id", "visit_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_smi_visit_resident_id"), ["resident_id"], unique=False)

    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("permissions", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("permissions")

    with op.batch_alter_table("smi_visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_smi_visit_resident_id"))
        batch_op.drop_index("ix_smi_visit_enrolment_date")

    op.drop_table("smi_visit")
    with op.batch_alter_table("smi_registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_smi_registration_resident_id"))
        batch_op.drop_index(batch_op.f("ix_smi_registration_enrolment_id"))

    op.drop_table("smi_registration")
    with op.batch_alter_table("elderly_check", schema=None) as batch_op:
        batch_op.drop_index("ix_elderly_check_resident_date")
        batch_op.drop_index(batch_op.f("ix_elderly_check_check_date"))

    op.drop_table("elderly_check")

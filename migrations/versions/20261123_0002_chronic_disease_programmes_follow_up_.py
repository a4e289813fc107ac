"""chronic disease programmes, follow-up visits and referrals

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 07:06:12.747184
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "program_enrolment",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("program", sa.String(length=8), nullable=False),
        sa.Column("diagnosed_on", sa.Date(), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("enrolling_doctor", sa.String(length=50), nullable=True),
        sa.Column("responsible_doctor", sa.String(length=50), nullable=True),
        sa.Column("status", sa.String(length=1), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("status_reason", sa.String(length=200), nullable=True),
        sa.Column("last_visit", sa.Date(), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("last_sbp", sa.Integer(), nullable=True),
        sa.Column("last_dbp", sa.Integer(), nullable=True),
        sa.Column("last_glucose", sa.Double(), nullable=True),
        sa.Column("last_classification", sa.Integer(), nullable=True),
        sa.Column("face_to_face_year", sa.Integer(), nullable=True),
        sa.Column("face_to_face", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_program_enrolment_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_enrolment")),
    )
    with op.batch_alter_table("program_enrolment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_enrolment_next_due"), ["next_due"], unique=False)
        batch_op.create_index(
            "ix_program_enrolment_resident_program", ["resident_id", "program"], unique=False
        )

    op.create_table(
        "followup_visit",
        sa.Column("enrolment_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("program", sa.String(length=8), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=1), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("lost_reason", sa.String(length=200), nullable=True),
        sa.Column("death_date", sa.Date(), nullable=True),
        sa.Column("death_cause", sa.String(length=200), nullable=True),
        sa.Column("correction_of", sa.Uuid(), nullable=True),
        sa.Column("symptoms", sa.JSON(), nullable=False),
        sa.Column("symptom_other", sa.String(length=200), nullable=True),
        sa.Column("sbp", sa.Integer(), nullable=True),
        sa.Column("dbp", sa.Integer(), nullable=True),
        sa.Column("heart_rate", sa.Integer(), nullable=True),
        sa.Column("weight", sa.Double(), nullable=True),
        sa.Column("weight_target", sa.Double(), nullable=True),
        sa.Column("height", sa.Double(), nullable=True),
        sa.Column("bmi", sa.Double(), nullable=True),
        sa.Column("bmi_target", sa.Double(), nullable=True),
        sa.Column("foot_pulse", sa.String(length=8), nullable=True),
        sa.Column("smoking", sa.Integer(), nullable=True),
        sa.Column("smoking_target", sa.Integer(), nullable=True),
        sa.Column("alcohol", sa.Double(), nullable=True),
        sa.Column("alcohol_target", sa.Double(), nullable=True),
        sa.Column("exercise_times", sa.Integer(), nullable=True),
        sa.Column("exercise_times_target", sa.Integer(), nullable=True),
        sa.Column("exercise_minutes", sa.Integer(), nullable=True),
        sa.Column("exercise_minutes_target", sa.Integer(), nullable=True),
        sa.Column("salt", sa.String(length=1), nullable=True),
        sa.Column("salt_target", sa.String(length=1), nullable=True),
        sa.Column("staple_food", sa.Integer(), nullable=True),
        sa.Column("staple_food_target", sa.Integer(), nullable=True),
        sa.Column("psychology", sa.String(length=1), nullable=True),
        sa.Column("compliance", sa.String(length=1), nullable=True),
        sa.Column("glucose", sa.Double(), nullable=True),
        sa.Column("hba1c", sa.Double(), nullable=True),
        sa.Column("hba1c_date", sa.Date(), nullable=True),
        sa.Column("auxiliary_exam", sa.String(length=500), nullable=True),
        sa.Column("adherence", sa.String(length=1), nullable=True),
        sa.Column("adverse_reaction", sa.Boolean(), nullable=False),
        sa.Column("adverse_text", sa.String(length=200), nullable=True),
        sa.Column("complication", sa.Boolean(), nullable=False),
        sa.Column("hypoglycaemia", sa.String(length=1), nullable=True),
        sa.Column("drugs", sa.JSON(), nullable=False),
        sa.Column("insulin", sa.JSON(), nullable=True),
        sa.Column("provincial", sa.JSON(), nullable=True),
        sa.Column("classification", sa.Integer(), nullable=True),
        sa.Column("classification_suggested", sa.Integer(), nullable=True),
        sa.Column("emergency_reasons", sa.JSON(), nullable=False),
        sa.Column("referral_suggested", sa.Boolean(), nullable=False),
        sa.Column("referral_reason", sa.String(length=200), nullable=True),
        sa.Column("referral_institution", sa.String(length=100), nullable=True),
        sa.Column("referral_department", sa.String(length=50), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("next_due_suggested", sa.Date(), nullable=True),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("doctor", sa.String(length=50), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["correction_of"],
            ["followup_visit.id"],
            name=op.f("fk_followup_visit_correction_of_followup_visit"),
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["program_enrolment.id"],
            name=op.f("fk_followup_visit_enrolment_id_program_enrolment"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_followup_visit_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_visit")),
    )
    with op.batch_alter_table("followup_visit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_followup_visit_classification"), ["classification"], unique=False
        )
        batch_op.create_index(
            "ix_followup_visit_enrolment_date", ["enrolment_id", "visit_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_followup_visit_next_due"), ["next_due"], unique=False)
        batch_op.create_index(
            "ix_followup_visit_resident_program_date", ["resident_id", "program", "visit_date"], unique=False
        )

    op.create_table(
        "referral",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("program", sa.String(length=8), nullable=True),
        sa.Column("emergency", sa.Boolean(), nullable=False),
        sa.Column("to_institution", sa.String(length=100), nullable=False),
        sa.Column("to_department", sa.String(length=50), nullable=True),
        sa.Column("to_doctor", sa.String(length=50), nullable=True),
        sa.Column("impression", sa.String(length=500), nullable=True),
        sa.Column("present_history", sa.String(length=1000), nullable=True),
        sa.Column("past_history", sa.String(length=1000), nullable=True),
        sa.Column("treatment", sa.String(length=1000), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=50), nullable=True),
        sa.Column("issuer_phone", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("return_record_no", sa.String(length=30), nullable=True),
        sa.Column("return_diagnosis", sa.String(length=500), nullable=True),
        sa.Column("return_findings", sa.String(length=1000), nullable=True),
        sa.Column("return_plan", sa.String(length=1000), nullable=True),
        sa.Column("return_doctor", sa.String(length=50), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_referral_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["followup_visit.id"], name=op.f("fk_referral_visit_id_followup_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_resident_id"), ["resident_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_resident_id"))

    op.drop_table("referral")
    with op.batch_alter_table("followup_visit", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_visit_resident_program_date")
        batch_op.drop_index(batch_op.f("ix_followup_visit_next_due"))
        batch_op.drop_index("ix_followup_visit_enrolment_date")
        batch_op.drop_index(batch_op.f("ix_followup_visit_classification"))

    op.drop_table("followup_visit")
    with op.batch_alter_table("program_enrolment", schema=None) as batch_op:
        batch_op.drop_index("ix_program_enrolment_resident_program")
        batch_op.drop_index(batch_op.f("ix_program_enrolment_next_due"))

    op.drop_table("program_enrolment")

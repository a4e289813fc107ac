"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 06:15:16.752435
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("display_name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "archive_serial",
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("last_serial", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("village_code", name=op.f("pk_archive_serial")),
    )
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("institution", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("db_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=2000), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "township",
        sa.Column("code", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_township")),
        sa.UniqueConstraint("code", name=op.f("uq_township_code")),
    )
    op.create_table(
        "village",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("township_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["township_id"], ["township.id"], name=op.f("fk_village_township_id_township")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village")),
        sa.UniqueConstraint("code", name=op.f("uq_village_code")),
    )
    op.create_table(
        "village_group",
        sa.Column("village_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_village_group_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_group")),
        sa.UniqueConstraint("village_id", "name", name="uq_village_group_village_name"),
    )
    op.create_table(
        "household",
        sa.Column("village_id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["village_group.id"], name=op.f("fk_household_group_id_village_group")
        ),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], name=op.f("fk_household_village_id_village")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_village_id"), ["village_id"], unique=False)

    op.create_table(
        "resident",
        sa.Column("archive_no", sa.String(length=17), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("current_address", sa.String(length=200), nullable=True),
        sa.Column("registered_address", sa.String(length=200), nullable=True),
        sa.Column("village_id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("enrolling_unit", sa.String(length=100), nullable=True),
        sa.Column("enrolled_by", sa.String(length=50), nullable=True),
        sa.Column("responsible_doctor", sa.String(length=50), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("id_type", sa.String(length=2), nullable=False),
        sa.Column("id_number", sa.String(length=30), nullable=True),
        sa.Column("workplace", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("contact_name", sa.String(length=50), nullable=True),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("residence_type", sa.String(length=1), nullable=True),
        sa.Column("ethnicity", sa.String(length=2), nullable=True),
        sa.Column("blood_abo", sa.String(length=1), nullable=True),
        sa.Column("blood_rh", sa.String(length=1), nullable=True),
        sa.Column("education", sa.String(length=2), nullable=True),
        sa.Column("occupation", sa.String(length=1), nullable=True),
        sa.Column("marital", sa.String(length=1), nullable=True),
        sa.Column("genetic_disease", sa.String(length=100), nullable=True),
        sa.Column("has_genetic_disease", sa.Boolean(), nullable=True),
        sa.Column("kitchen_exhaust", sa.String(length=1), nullable=True),
        sa.Column("fuel", sa.String(length=1), nullable=True),
        sa.Column("water", sa.String(length=1), nullable=True),
        sa.Column("toilet", sa.String(length=1), nullable=True),
        sa.Column("livestock", sa.String(length=1), nullable=True),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("relation_to_head", sa.String(length=1), nullable=False),
        sa.Column("poverty_registered", sa.Boolean(), nullable=False),
        sa.Column("contract_signed_on", sa.Date(), nullable=True),
        sa.Column("contract_doctor", sa.String(length=50), nullable=True),
        sa.Column("contract_years", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=1), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("name_pinyin", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["village_group.id"], name=op.f("fk_resident_group_id_village_group")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_resident_household_id_household")
        ),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], name=op.f("fk_resident_village_id_village")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
        sa.UniqueConstraint("archive_no", name=op.f("uq_resident_archive_no")),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resident_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resident_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resident_id_number"), ["id_number"], unique=False)
        batch_op.create_index("ix_resident_name_id", ["name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resident_name_pinyin"), ["name_pinyin"], unique=False)
        batch_op.create_index(batch_op.f("ix_resident_phone"), ["phone"], unique=False)
        batch_op.create_index("ix_resident_village_archive", ["village_id", "archive_no"], unique=False)

    op.create_table(
        "resident_choice",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("code", sa.String(length=4), nullable=True),
        sa.Column("note", sa.String(length=100), nullable=True),
        sa.Column("event_date", sa.String(length=10), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_resident_choice_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident_choice")),
    )
    with op.batch_alter_table("resident_choice", schema=None) as batch_op:
        batch_op.create_index("ix_resident_choice_field_code", ["field", "code"], unique=False)
        batch_op.create_index(batch_op.f("ix_resident_choice_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "resident_search_key",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_resident_search_key_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("resident_id", "key", name=op.f("pk_resident_search_key")),
    )
    with op.batch_alter_table("resident_search_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resident_search_key_key"), ["key"], unique=False)


def downgrade() -> None:
    # The derived search index (app/search_index.py) goes with the table it indexes.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS resident_digits")
    with op.batch_alter_table("resident_search_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_search_key_key"))

    op.drop_table("resident_search_key")
    with op.batch_alter_table("resident_choice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_choice_resident_id"))
        batch_op.drop_index("ix_resident_choice_field_code")

    op.drop_table("resident_choice")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_village_archive")
        batch_op.drop_index(batch_op.f("ix_resident_phone"))
        batch_op.drop_index(batch_op.f("ix_resident_name_pinyin"))
        batch_op.drop_index("ix_resident_name_id")
        batch_op.drop_index(batch_op.f("ix_resident_id_number"))
        batch_op.drop_index(batch_op.f("ix_resident_household_id"))
        batch_op.drop_index(batch_op.f("ix_resident_group_id"))

    op.drop_table("resident")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_village_id"))

    op.drop_table("household")
    op.drop_table("village_group")
    op.drop_table("village")
    op.drop_table("township")
    op.drop_table("setting")
    op.drop_table("profile")
    op.drop_table("archive_serial")
    op.drop_table("app_user")

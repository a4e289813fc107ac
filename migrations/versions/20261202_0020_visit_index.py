"""one index of follow-up visits: by resident, programme and date (by enrolment is dropped)

A visit's enrolment belongs to its resident, so the visits of an enrolment are read through the
resident's index (``followup.refresh_summary``); the second index was 8 MB of a 60k-resident
township's store.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 03:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None
# how this store keeps rows, not what bundles carry (app.db.wire_revision)
bundles_unchanged = True


def upgrade() -> None:
    op.drop_index("ix_followup_visit_enrolment_date", table_name="followup_visit")


def downgrade() -> None:
    op.create_index("ix_followup_visit_enrolment_date", "followup_visit", ["enrolment_id", "visit_date"])

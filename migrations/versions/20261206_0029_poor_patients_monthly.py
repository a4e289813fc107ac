"""The next visit of a poor household's chronic patient, derived again (``program_enrolment.next_due``)

DOMAIN.md: the chronic patients of a registered poor household (建档立卡贫困户) are followed monthly.
Since this version an enrolment's next visit is derived from its last visit and the resident's
poverty flag: no later than a month after the visit (followup._next_due).  A store of an earlier
version kept the rules' routine date (3 months for a stable patient) for a patient whose household
was registered after the visit, until the next visit.  The summaries of those patients are derived
again here.  Derived columns only: nothing is logged, nothing travels (every store derives its own).

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-06 23:00:00
"""

from __future__ import annotations

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None
bundles_unchanged = True


def upgrade() -> None:
    from alembic import op
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from app.models import ProgramEnrolment, Resident
    from app.services.programmes import followup

    session = Session(bind=op.get_bind())  # joins the migration's transaction: it commits or not
    enrolments = session.scalars(
        select(ProgramEnrolment.id)
        .join(Resident, Resident.id == ProgramEnrolment.resident_id)
        .where(
            Resident.poverty_registered.is_(True),
            ProgramEnrolment.program.in_(followup.PROGRAMS),
            ProgramEnrolment.voided.is_(False),
        )
    ).all()
    followup.refresh_summaries(session, enrolments)
    session.close()


def downgrade() -> None:
    pass  # (the dates derived here are as right for the version before)

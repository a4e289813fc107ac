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
    pass  # derived data only: :func:`derive`, once the store is at head


def derive(session) -> None:
    """Run by ``app.db.migrate`` once the store is at head (the models and the rules of that
    version read it), in the upgrade's transaction."""
    from sqlalchemy import select

    from app.models import ProgramEnrolment, Resident
    from app.services.programmes import followup

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


def downgrade() -> None:
    pass  # (the dates derived here are as right for the version before)

"""健康体检表 symptoms numbered as the 2017 form numbers them (17 尿急, 18 尿痛, 19 便秘, 20 腹泻,
21 恶心呕吐, 22 眼花, 23 耳鸣, 24 乳房胀痛, 25 其他): the list stopped at 17 便秘, 18 腹泻, 19 其他, so a
doctor copying a paper form's 19 (便秘) recorded 其他.  The checks a store keeps, and the changes
it keeps to relay, are renumbered; a bundle of an older device is renumbered as it is read
(:mod:`app.services.sync.upgrades`).  What bundles carry changes meaning: older devices refuse
this version's bundles until they are upgraded.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-07 17:10:00
"""

from __future__ import annotations

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # data only: :func:`derive`, once the store is at head


def derive(session) -> None:
    """Run by ``app.db.migrate`` once the store is at head, in the upgrade's transaction.  Core
    statements: nothing is logged as a new change (every store renumbers its own)."""
    import json

    from sqlalchemy import select, update

    from app.models import ChangeLog, ElderlyCheck
    from app.services.sync.upgrades import renumbered_change, renumbered_form

    checks = ElderlyCheck.__table__
    for row_id, form in session.execute(select(checks.c.id, checks.c.form)).all():
        new = renumbered_form(form)
        if new is not form:
            session.execute(update(checks).where(checks.c.id == row_id).values(form=new))
    log = ChangeLog.__table__
    rows = session.execute(
        select(log.c.origin, log.c.seq, log.c.data).where(
            log.c.entity == "elderly_check", log.c.data.is_not(None)
        )
    ).all()
    for origin, seq, text in rows:
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            continue
        new = renumbered_change(data)
        if new is not data:
            session.execute(
                update(log)
                .where(log.c.origin == origin, log.c.seq == seq)
                .values(data=json.dumps(new, ensure_ascii=False, separators=(",", ":")))
            )


def downgrade() -> None:
    pass  # (the numbers stay the form's)

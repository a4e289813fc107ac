"""What the township 工作台 shows, read in one unit of work: the indicator report for a period, and
per village when its data last arrived and how many days since then may be missing (a county's:
per township, when its store last arrived)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Peer
from app.services.indicators import Period, engine
from app.services.profile import COUNTY, get_profile
from app.services.sync import capture


@dataclass(frozen=True)
class VillageSync:
    last_import: dt.datetime | None  # the newest bundle imported from any PC of the village (UTC)
    days_missing: int | None  # whole days since then: entries of those days may not be here yet
    revoked: bool = False  # every PC of the village is revoked: nothing more will come


@dataclass(frozen=True)
class Workbench:
    report: engine.Report
    sync: dict[str, VillageSync]  # by village code (a county: by township code)
    today: dt.date | None = None  # the day it was read (the trusted date): what of the period is over


def township_workbench(
    session: Session, period: Period, today: dt.date | None = None, progress=None
) -> Workbench:
    report = engine.evaluate(session, period, progress=progress)
    today = today or capture.trusted_today(session)
    last: dict[str, dt.datetime] = {}
    active: set[str] = set()
    for code, at, revoked in session.execute(
        select(Peer.code, Peer.last_import_at, Peer.revoked_at).where(Peer.role.in_(("village", "township")))
    ):
        if revoked is None:
            active.add(code)
        if at is not None and (code not in last or at > last[code]):
            last[code] = at
    county = get_profile(session).role == COUNTY  # (its peers are townships: its villages' come in theirs)
    codes = [t.code for t in report.townships] + ([] if county else [v.code for v in report.villages])
    sync = {
        code: VillageSync(
            last.get(code),
            (today - _local_day(last[code])).days if code in last else None,
            revoked=code in last and code not in active,
        )
        for code in codes
        if len(code) == 12 or code in last or len(report.townships) > 1
    }
    return Workbench(report, sync, today)


def _local_day(moment: dt.datetime) -> dt.date:
    """The day a stored (UTC) moment fell on here: the day the people here lived it."""
    return moment.replace(tzinfo=dt.UTC).astimezone().date()

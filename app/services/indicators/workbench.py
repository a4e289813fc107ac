"""What the township 工作台 shows, read in one unit of work: the indicator report for a period, and
per village when its data last arrived and how many days since then may be missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Peer
from app.services.indicators import Period, engine
from app.services.sync import capture


@dataclass(frozen=True)
class VillageSync:
    last_import: dt.datetime | None  # the newest bundle imported from any PC of the village (UTC)
    days_missing: int | None  # whole days since then: entries of those days may not be here yet


@dataclass(frozen=True)
class Workbench:
    report: engine.Report
    sync: dict[str, VillageSync]  # by village code


def township_workbench(
    session: Session, period: Period, today: dt.date | None = None, progress=None
) -> Workbench:
    report = engine.evaluate(session, period, progress=progress)
    today = today or capture.trusted_today(session)
    last: dict[str, dt.datetime] = {}
    for code, at in session.execute(
        select(Peer.code, Peer.last_import_at).where(Peer.role == "village", Peer.revoked_at.is_(None))
    ):
        if at is not None and (code not in last or at > last[code]):
            last[code] = at
    sync = {
        v.code: VillageSync(last.get(v.code), (today - last[v.code].date()).days if v.code in last else None)
        for v in report.villages
    }
    return Workbench(report, sync)

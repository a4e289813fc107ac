"""What the township 工作台 shows, read in one unit of work: the indicator report for a period, and
per village when its data last arrived and how many days since then may be missing (a county's:
per township, when its store last arrived)."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import local_day
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
    # of each count against a minimum (health education's), what each unit (village id; a
    # township's own: its code) had to hold by the months over: :func:`judge_count`
    due: dict[str, dict] = field(default_factory=dict)

    def judge_count(self, result: engine.IndicatorResult, column) -> str | None:
        """How a count's cell stands, to colour it: "met" when every unit of it holds its minimum,
        "short" when one holds less than was due by the months over (the 健康教育 page's 落后:
        a two-month period gone by without a lecture), else None (still to come: a December under
        way is not missed).  ``column``: None (the whole), a township (a county's column), a
        village, or a township's code (its own).  Each unit on its own: one village's surplus does
        not make up another's shortfall."""
        due = self.due.get(result.key)
        if due is None:
            return None
        report = self.report
        if column is None:
            units = [*(v.id for v in report.villages), *result.own]
        elif isinstance(column, engine.TownshipRef):
            units = [*(v.id for v in report.villages_of(column.code)), column.code]
        elif isinstance(column, str):
            units = [column]
        else:
            units = [column.id]
        figures = [
            (*(result.own[u] if isinstance(u, str) else astuple(result.villages[u])), due.get(u, 0))
            for u in units
            if not isinstance(u, str) or u in result.own
        ]
        if not any(minimum for _done, minimum, _due in figures):
            return None  # (nothing asked of these units: no colour)
        if any(done < owed for done, _minimum, owed in figures):
            return "short"
        if all(minimum is None or done >= minimum for done, minimum, _due in figures):
            return "met"
        return None


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
            (today - local_day(last[code])).days if code in last else None,
            revoked=code in last and code not in active,
        )
        for code in codes
        if len(code) == 12 or code in last or len(report.townships) > 1
    }
    return Workbench(report, sync, _due(session, report, today))


def _due(session: Session, report: engine.Report, today: dt.date) -> dict[str, dict]:
    """Of each count indicator, each unit's minimum over the report's months that are over by
    ``today`` (none of a period to come; all of one gone by)."""
    from app.services.indicators import COUNTS, FIGURES

    over = dt.date(today.year, today.month, 1) - dt.timedelta(days=1)  # the last day of last month
    end = min(report.period.end, over)
    out: dict[str, dict] = {}
    for result in report.results:
        if result.unit not in COUNTS or result.denominator_figure not in FIGURES:
            continue
        if end < report.period.start:
            out[result.key] = {}  # nothing due yet
            continue
        provider = FIGURES[result.denominator_figure][1]
        out[result.key] = provider(session, Period(report.period.start, end), [v.id for v in report.villages])
    return out

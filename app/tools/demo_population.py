"""Demo population figures (常住人口, 65+) for a township's villages: a little more people than
records, as in a real area where not everyone has been recorded yet, so 建档率 shows a realistic
value and differs between villages."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models import Resident, Village
from app.services import profile
from app.services.indicators import population

YEARS = 3  # this year and the two before it, like the demo's follow-ups


def add_population_figures(session: Session, villages: list[Village], today: dt.date, seed: int) -> None:
    if profile.get_profile(session).role != profile.TOWNSHIP:
        return  # figures are entered at the township and reach the villages by sync
    rng = random.Random(seed)
    elderly_born = dt.date(today.year - 65, today.month, min(today.day, 28))
    counts = dict(
        (vid, (n, old))
        for vid, n, old in session.execute(
            select(
                Resident.village_id,
                func.count(),
                func.count(case((Resident.birth_date <= elderly_born, 1))),
            )
            .where(Resident.voided.is_(False), Resident.village_id.in_([v.id for v in villages]))
            .group_by(Resident.village_id)
        )
    )
    for village in villages:
        recorded, elderly = counts.get(village.id, (0, 0))
        coverage = rng.uniform(0.72, 0.95)  # some villages behind the 80% target
        for year in range(today.year - YEARS + 1, today.year + 1):
            drift = 1 + 0.01 * (today.year - year)  # the area was a little bigger before
            population.set_figures(
                session,
                village.code,
                year,
                round(recorded / coverage * drift),
                round(elderly / rng.uniform(0.85, 0.97) * drift),
            )

"""Demo data a supervisor has something to look at in: visits saved when doctors really save them,
and (township profile) villages that differ the way real ones do.

:func:`shape_batch` is called by ``demo.generate_demo`` once per batch of rows, before they are logged
and inserted, and changes the rows in place:

- every profile: a visit is saved at clinic hours on its day (a few days later for some), not at
  the moment the demo ran; a visit saved long after its day is rare;
- township, by the villages' order: the 2nd village is **behind on follow-ups** (most patients have
  no visit in the last five months); the 3rd **copies values forward** (many visits repeat the last
  one's readings, typed in evening sessions at the end of the quarter); the 4th has a **PC clock off**
  (its clock restarted at 2020-01-01 when the battery died eight months ago); and the first two
  villages hold **a couple of duplicates** (one migrant enrolled in both with the same ID number,
  one resident enrolled twice without an ID number).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Resident, Village, new_id
from app.services import profile as profiles
from app.services.records.pinyin_keys import sort_key
from app.services.records.residents import search_key_rows

BEHIND, COPYING, CLOCK_OFF = 1, 2, 3  # which village (by order) shows which problem
MEASURED = ("sbp", "dbp", "heart_rate", "weight", "glucose", "classification", "classification_suggested")
CLOCK_RESET = dt.datetime(2020, 1, 1, 0, 0)


def _utc(local: dt.datetime) -> dt.datetime:
    """A wall-clock time of this PC as the naive UTC every stored time is (like the village demo)."""
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def shape_batch(
    session: Session,
    rng: random.Random,
    villages: list[Village],
    index: int,
    residents: list[dict],
    enrolments: list[dict],
    visits: list[dict],
    search_keys: list[dict],
    today: dt.date,
) -> None:
    """Shape one batch of village ``villages[index]``'s rows (see the module's docstring)."""
    township = profiles.get_profile(session).role == profiles.TOWNSHIP and len(villages) > 1
    first_batch = (
        township
        and session.scalar(select(Resident.id).where(Resident.village_id == villages[index].id).limit(1))
        is None
    )
    if township and index == BEHIND:
        _fall_behind(rng, enrolments, visits, today)
    for v in visits:
        v["created_at"] = v["updated_at"] = _saved_at(rng, v, today)
    if township and index == COPYING:
        _copy_forward(rng, visits, today)
    if township and index == CLOCK_OFF:
        _clock_reset(visits, today)
    if first_batch and index in (0, 1):
        _duplicates(session, rng, villages, index, residents, search_keys)


def _saved_at(rng: random.Random, visit: dict, today: dt.date) -> dt.datetime:
    """At the clinic's hours (08:00–17:30 on this PC's clock, stored in UTC) on the visit's day; one in
    eight a few days later, one in fifty a month or two later (the doctor was away); never after
    the demo's day."""
    minutes = rng.randrange(0, 571)  # 08:00 to 17:30
    day = visit["visit_date"]
    roll = rng.random()
    if roll < 0.02:
        day += dt.timedelta(days=rng.randint(35, 70))
    elif roll < 0.14:
        day += dt.timedelta(days=rng.randint(1, 5))
    saved = _utc(dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=minutes))
    return min(saved, _utc(dt.datetime.combine(today, dt.time(8)) + dt.timedelta(minutes=minutes % 570)))


def _fall_behind(rng: random.Random, enrolments: list[dict], visits: list[dict], today: dt.date) -> None:
    """Most patients got no visit in the last five months (their summaries are worked out from
    what is left, by the app's rule, once the batch is shaped: demo._summaries_by_rule)."""
    cutoff = today - dt.timedelta(days=150)
    skipping = {e["id"] for e in enrolments if rng.random() < 0.7}
    visits[:] = [v for v in visits if v["enrolment_id"] not in skipping or v["visit_date"] < cutoff]


def _copy_forward(rng: random.Random, visits: list[dict], today: dt.date) -> None:
    """Two patients in five: the last twelve months' visits repeat the last readings, typed in one
    evening at the end of each quarter, 40 seconds apart (a year's quality report shows them early
    in a year too)."""
    patients = dict.fromkeys(v["enrolment_id"] for v in visits)  # in order: the same on every run
    copying = {e for e in patients if rng.random() < 0.4}
    previous: dict[uuid.UUID, dict] = {}
    sessions: dict[tuple[int, int], int] = {}
    for v in sorted(visits, key=lambda v: v["visit_date"]):
        before = previous.get(v["enrolment_id"])
        if v["outcome"] == "done":
            previous[v["enrolment_id"]] = v
        if v["enrolment_id"] not in copying or before is None or v["outcome"] != "done":
            continue
        if v["visit_date"] <= today - dt.timedelta(days=365):
            continue
        for key in MEASURED:
            v[key] = before[key]
        quarter = (v["visit_date"].year, (v["visit_date"].month + 2) // 3)
        n = sessions[quarter] = sessions.get(quarter, 0) + 1
        end = dt.date(quarter[0] + quarter[1] // 4, quarter[1] % 4 * 3 + 1, 1) - dt.timedelta(days=1)
        evening = _utc(dt.datetime.combine(min(end, today), dt.time(20)))
        v["created_at"] = v["updated_at"] = evening + dt.timedelta(seconds=40 * n)


def _clock_reset(visits: list[dict], today: dt.date) -> None:
    """The PC's clock restarted at 2020-01-01 eight months ago and has run from there."""
    reset_on = today - dt.timedelta(days=240)
    for v in visits:
        if v["visit_date"] >= reset_on:
            since = v["created_at"] - _utc(dt.datetime.combine(reset_on, dt.time(0)))
            v["created_at"] = v["updated_at"] = CLOCK_RESET + since


def _duplicates(session, rng, villages, index, residents, search_keys) -> None:
    """Village 1: a resident enrolled twice without an ID number (same name, birth date, household
    address).  Village 2: a migrant from village 1 enrolled again with the same ID number."""
    if not residents:
        return
    if index == 0:
        source = rng.choice([r for r in residents if r["id_number"]] or residents)
        copy = dict(source, id_number=None, id_type="1")
        home = villages[0]
    else:
        row = session.execute(
            select(Resident)
            .where(Resident.village_id == villages[0].id, Resident.id_number.is_not(None))
            .limit(1)
        ).scalar()
        if row is None:
            return
        host = residents[0]
        source = {key: getattr(row, key) for key in host}
        copy = dict(
            source,
            village_id=host["village_id"],
            group_id=host["group_id"],
            household_id=host["household_id"],
            relation_to_head="8",
            current_address=host["current_address"],
        )
        home = villages[1]
    copy.update(id=new_id(), archive_no=profiles.allocate_archive_numbers(session, home.code, 1)[0])
    copy["name_pinyin"] = sort_key(copy["name"])
    residents.append(copy)
    search_keys.extend(search_key_rows(copy["id"], copy["name"]))

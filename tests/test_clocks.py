"""Bounded clocks: a village PC's wrong clock never wins, never spreads, and is named.

The clock is injected: ``capture.wall_ms`` is the one time source of sync and of "today", so the
tests move it (for one device at a time: the devices share this process) and put it back.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import time_machine
from sqlalchemy import select, update

from app.models import AuditEntry, ChangeLog, FollowupVisit, Resident, SyncConflict, SyncState
from app.services.errors import ValidationError
from app.services.programmes import followup
from app.services.records import residents as records
from app.services.sync import capture
from tests.synckit import (
    TODAY,
    VILLAGES,
    changes_made,
    county,
    craft_bundle,
    dump_everything,
    first_resident,
    make_device,
    round_trip,
)

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

A = VILLAGES[0]
DAY = capture.DAY_MS


class Clock:
    """The PC clock as the test sets it: ``ahead`` ms past the real one."""

    def __init__(self, monkeypatch):
        self.ahead = 0
        real = capture.wall_ms
        self.real = real
        monkeypatch.setattr(capture, "wall_ms", lambda: real() + self.ahead)

    def set(self, *, days: float = 0, to: dt.date | None = None) -> None:
        if to is not None:
            target = dt.datetime.combine(to, dt.time(9, 0)).timestamp() * 1000
            self.ahead = int(target - self.real())
        else:
            self.ahead = int(days * DAY)

    def today(self) -> dt.date:
        return capture.pc_today()


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def own_resident(device, code: str = A) -> Resident:
    return first_resident(device, code)


def edit(device, resident_id, **fields) -> None:
    with device.store.transaction() as s:
        r = s.get(Resident, resident_id)
        inp = records.resident_input_from(r)
        for k, v in fields.items():
            setattr(inp, k, v)
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)


def phone(device, resident_id) -> str:
    with device.store.session() as s:
        return s.get(Resident, resident_id).phone


def clock_state_ms(device) -> int:
    with device.store.session() as s:
        return s.scalar(select(SyncState.hlc_ms))


def township_clock(device) -> int | None:
    with device.store.session() as s:
        return capture.township_clock_ms(s.connection())


def warnings(device) -> list[str]:
    return [w.render() for w in device.status()["clock_warnings"]]


def visit(day: dt.date, **kw) -> followup.VisitInput:
    return followup.VisitInput(visit_date=day.isoformat(), measurements={"sbp": "132", "dbp": "82"}, **kw)


WRONG_CLOCKS = {"a year ahead": {"days": 365}, "in 2099": {"to": dt.date(2099, 6, 1)}}


@pytest.mark.parametrize("wrong", ["a year ahead", pytest.param("in 2099", marks=pytest.mark.slow)])
def test_a_village_clock_far_ahead_never_wins_and_is_named(world, clock, wrong):
    town, a, b, tmp = world
    patient = own_resident(a)
    synced_at = township_clock(a)
    real_today = capture.pc_today()
    assert synced_at is not None  # the round trip told the village the township's time

    clock.set(**WRONG_CLOCKS[wrong])  # the village PC's clock goes wrong
    pc_day = clock.today()
    # 1. its stale edit is stamped no later than a day past the township's clock
    edit(a, patient.id, phone="13500000001")
    with a.store.session() as s:
        last = s.scalar(
            select(ChangeLog.hlc)
            .where(ChangeLog.origin == a.device_id)
            .order_by(ChangeLog.seq.desc())
            .limit(1)
        )
    assert capture.hlc_ms(last) <= synced_at + DAY
    # 2. a visit dated by its calendar is refused, naming the PC's date and the township's …
    with pytest.raises(ValidationError) as refused, a.store.transaction() as s:
        followup.record_visit(s, patient.id, visit(pc_day), enrol_if_needed=True)
    words = refused.value.render()
    assert pc_day.isoformat() in words and capture.day_of(synced_at).isoformat() in words, words
    # … while one dated by the real day is taken
    with a.store.transaction() as s:
        followup.record_visit(s, patient.id, visit(real_today), enrol_if_needed=True)
    # 3. the village is told its own date runs ahead of the township's
    assert any(pc_day.isoformat() in w and "乡镇卫生院的日期" in w for w in warnings(a)), warnings(a)
    (path,) = a.export(tmp / "skewed")

    clock.set()  # the township's clock is right
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    reason = outcome.reason.render()
    # 4. its bundle is refused at the township, naming the village PC and its date, not the township's clock
    assert outcome.status == "rejected", reason
    assert f"{A} 村1 的电脑时钟有误" in reason and str(pc_day.year) in reason, reason
    assert "本机时钟" not in reason
    assert dump_everything(town.store) == before
    assert warnings(town) == []

    # 5. two days later the township corrects the record; the village's clock is put right
    clock.set(days=2)
    edit(town, patient.id, phone="13800000002")
    round_trip(town, [a, b], tmp, "after")
    assert phone(town, patient.id) == phone(a, patient.id) == "13800000002"  # the later correction wins
    with town.store.session() as s:
        lost = s.scalar(select(SyncConflict.lost_value).where(SyncConflict.row_id == patient.id))
        assert lost == '"13500000001"'  # kept for review, not dropped
    # 6. nobody's clock was carried ahead, and nobody is blamed
    now = capture.wall_ms()
    for device in (town, a, b):
        assert clock_state_ms(device) <= now + DAY, device.name
        assert warnings(device) == [], (device.name, warnings(device))


@pytest.mark.slow
def test_a_village_that_never_synced_with_its_clock_in_2099(tmp_path, clock):
    """No township clock seen yet, so no bound: its bundle is refused at the township, naming it.
    Once its clock is put right, its changes are stamped again and the next bundle is taken."""
    town, (a,) = county(tmp_path, 1)
    clock.set(to=dt.date(2099, 6, 1))
    with a.store.transaction() as s:
        r = records.save_resident(
            s,
            records.ResidentInput(name="赵未来", sex="1", birth_date="1960-01-01", current_address="一村"),
            today=TODAY,
        )
        newcomer = r.id
    edit(a, newcomer, phone="13500000099")
    with a.store.session() as s:
        r = s.get(Resident, newcomer)
        spacing = r.updated_at - r.created_at  # (made, then edited: kept apart once moved back)
    assert spacing > dt.timedelta(0)
    (path,) = a.export(tmp_path / "2099")
    clock.set()
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    reason = outcome.reason.render()
    assert outcome.status == "rejected" and f"{A} 村1" in reason and "2099-06-01" in reason, reason
    assert dump_everything(town.store) == before
    assert warnings(town) == []
    # the clock is put right: the next export stamps the 2099 changes again, and is taken
    (path,) = a.export(tmp_path / "fixed")
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    assert phone(town, newcomer) == "13500000099"
    now = capture.wall_ms()
    for device in (town, a):
        assert clock_state_ms(device) <= now + DAY
        assert warnings(device) == [], warnings(device)
    with town.store.session() as s:
        clocks = s.get(Resident, newcomer).sync_clocks
    assert all(capture.hlc_ms(c) <= now + DAY for pair in clocks.values() for c in pair if c)
    # nor is any row's own time from 2099, at the township or at the village (the audit entries
    # keep theirs: their hashes hold them)
    limit = dt.datetime.fromtimestamp((now + DAY) / 1000, dt.UTC).replace(tzinfo=None)
    for device in (town, a):
        with device.store.session() as s:
            r = s.get(Resident, newcomer)
            assert r.created_at <= limit and r.updated_at <= limit, (device.name, r.created_at, r.updated_at)
            assert r.updated_at - r.created_at == spacing, device.name
    # and later edits on the village still win, as they should
    edit(a, newcomer, phone="13500000100")
    round_trip(town, [a], tmp_path, "later")
    assert phone(town, newcomer) == phone(a, newcomer) == "13500000100"


def test_a_township_bundle_relaying_a_future_clock_is_refused_naming_the_township(world):
    town, a, _b, tmp = world
    future = capture.wall_ms() + 3 * DAY
    row = own_resident(a).id
    with town.store.session() as s:
        seq = s.scalar(select(SyncState.seq)) + 1
    op = {
        "o": town.device_id.hex,
        "s": seq,
        "e": "resident",
        "r": row.hex,
        "h": capture.hlc_text(future, 0, town.device_id),
        "c": A,
        "u": None,
        "d": {"v": {"phone": "13400000000"}, "b": {"phone": ""}},
    }
    path = craft_bundle(town, a, [op], tmp / "future", clock="")
    before = dump_everything(a.store)
    (outcome,) = a.import_(path)
    reason = outcome.reason.render()
    assert outcome.status == "rejected" and "110105001 东风乡 的电脑时钟有误" in reason, reason
    assert capture.day_of(future).isoformat() in reason
    assert dump_everything(a.store) == before


def test_the_township_is_the_villages_time_reference(world):
    """A village whose own clock is behind does not refuse its township: it takes the township's
    time as its reference and is warned that the two clocks differ."""
    town, a, _b, tmp = world
    ahead = capture.wall_ms() + 30 * DAY
    path = craft_bundle(town, a, [], tmp / "ref", sent_at_ms=ahead, ranges={})
    (outcome,) = a.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    assert "东风乡 的电脑时钟比本机快约 30 天" in outcome.clock_warning.render()
    assert township_clock(a) == ahead


def test_a_township_clock_years_ahead_is_not_taken_for_the_time(world):
    """The township is the villages' time reference, within reason: a township PC set 80 years
    ahead moved the village's clock with it, and every later bundle of the village was refused at
    the township.  More than a year past the newest time the village knows: refused, naming both
    dates, nothing changed; a year ahead is still taken (a village PC whose clock was reset)."""
    town, a, _b, tmp = world
    far = capture.wall_ms() + 80 * 365 * DAY
    before = dump_everything(a.store)
    (outcome,) = a.import_(craft_bundle(town, a, [], tmp / "far", sent_at_ms=far, ranges={}))
    reason = outcome.reason.render()
    assert outcome.status == "rejected" and "晚一年以上" in reason, reason
    assert capture.day_of(far).isoformat() in reason and "东风乡" in reason
    assert dump_everything(a.store) == before and township_clock(a) != far
    near = capture.wall_ms() + 300 * DAY
    (outcome,) = a.import_(craft_bundle(town, a, [], tmp / "near", sent_at_ms=near, ranges={}))
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()


def test_a_township_clock_put_right_takes_back_what_it_gave_out(world, clock):
    """A township PC 200 days ahead sends its villages a bundle: a village takes the township's
    time (the villages' reference) and stamps its next writes by it.  The township's date is
    then put right, and it refused every bundle of that village ("一村 的电脑时钟有误 … 快一天以
    上"), blaming a clock that was right, until real time caught up.  A township takes back the
    clocks it gave out itself; a village's own clock ahead is still refused."""
    town, a, _b, tmp = world
    patient = own_resident(a)
    clock.set(days=200)  # the township PC's date is wrong
    edit(town, patient.id, phone="13900000200")
    (path,) = town.export(tmp / "ahead", peer=a.device_id.hex)
    clock.set()  # the village's is right
    (outcome,) = a.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    edit(a, patient.id, phone="13900000201")  # stamped by the township's time
    (back,) = a.export(tmp / "back")
    # the township's date is put right: the village's bundle goes in
    (outcome,) = town.import_(back)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    assert phone(town, patient.id) == "13900000201"
    # but no further than the township's own clocks went: a village a day past them is refused
    clock.set(days=203)
    edit(a, patient.id, phone="13900000202")
    (later,) = a.export(tmp / "later")
    clock.set()
    before = dump_everything(town.store)
    (outcome,) = town.import_(later)
    assert outcome.status == "rejected" and "的电脑时钟有误" in outcome.reason.render()
    assert dump_everything(town.store) == before


# ------------------------------------------------------------------------ the rules, one by one


def _village_at(tmp_path, township_days_ago: float | None):
    """A village whose last stamp is long past, which last saw its township's clock that long ago."""
    v = make_device(tmp_path, "一村", "village", A)
    with v.store.transaction() as s:
        s.execute(update(SyncState).values(hlc_ms=0, hlc_counter=0))
        if township_days_ago is not None:
            capture.note_township_clock(s, int(capture.wall_ms() - township_days_ago * DAY))
    return v


@pytest.mark.parametrize(
    ("pc_days_ahead", "township_days_ago", "stamped_days_ahead"),
    [
        (0, None, 0),  # never synced: no bound
        (365, None, 365),  # (and so nothing to hold a wrong clock back: the township refuses it)
        (0, 0, 0),
        (0, 10, -9),  # ten days since the last sync: stamped a day past the township's clock
        (365, 0, 1),
        (365, 10, -9),
    ],
)
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_stamps_never_run_more_than_a_day_past_the_township(
    tmp_path, clock, pc_days_ahead, township_days_ago, stamped_days_ahead
):
    v = _village_at(tmp_path, township_days_ago)
    real = clock.real()
    clock.set(days=pc_days_ahead)
    with v.store.transaction() as s:
        _first, stamp = capture.advance(s.connection(), v.device_id, 1)
    assert abs(capture.hlc_ms(stamp) - (real + stamped_days_ahead * DAY)) < 60_000


def test_a_visit_dated_by_a_calendar_running_ahead_is_voided_and_the_bundle_then_goes(world, clock):
    """A village PC ten days ahead (within the month the village may run past its township) takes
    a visit dated by its calendar; the township refuses the bundle, naming the record.  A visit's
    date could not be changed and a correction is of the same day: the village was stuck until the
    date came.  Now the doctor voids it; the next bundle carries the visit voided and is taken."""
    town, a, _b, tmp = world
    patient = own_resident(a)
    with a.store.transaction() as s:  # a hypertension patient for some time
        if followup.active_enrolment(s, patient.id, "htn") is None:
            followup.enrol(s, s.get(Resident, patient.id), "htn", capture.pc_today() - dt.timedelta(days=90))
    clock.set(days=10)
    ahead = clock.today()
    with a.store.transaction() as s:
        followup.record_visit(s, patient.id, visit(ahead))
    clock.set()  # the clock put right: the bundle is not sent from the future, its visit is
    (path,) = a.export(tmp / "dated-ahead")
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    reason = outcome.reason.render()
    assert outcome.status == "rejected" and f"visit_date {ahead.isoformat()}" in reason, reason
    assert "作废" in reason and dump_everything(town.store) == before
    with a.store.transaction() as s:
        followup.void_visit(s, patient.id, "htn", ahead.isoformat(), "电脑日期快了十天，日期录错")
    (path,) = a.export(tmp / "voided")
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason.render() if outcome.reason else outcome
    with town.store.session() as s:
        (row,) = s.scalars(
            select(FollowupVisit).where(
                FollowupVisit.resident_id == patient.id, FollowupVisit.visit_date == ahead
            )
        ).all()
        assert row.voided and row.void_reason == "电脑日期快了十天，日期录错"


def test_a_record_dated_by_a_calendar_running_ahead_goes_once_its_date_is_put_right(world, clock):
    """A tester's village enrolled a resident on a PC ten days ahead; the township refused the
    bundle, saying to put the record's date right and export again.  Done: the next bundle was
    refused all the same (it still carried the first write, dated ahead), and every one after it
    for good.  A date written right by a later change of the same bundle forgives the first; one
    written ahead again does not."""
    town, a, _b, tmp = world
    clock.set(days=10)
    ahead = clock.today()
    with a.store.transaction() as s:
        made = records.save_resident(
            s,
            records.ResidentInput(
                name="钟表人", sex="1", birth_date="1970-01-01", enrolled_on=ahead.isoformat()
            ),
            today=ahead,
        )
        made_id = made.id
    clock.set()
    (path,) = a.export(tmp / "ahead")
    (outcome,) = town.import_(path)
    reason = outcome.reason.render()
    assert outcome.status == "rejected" and f"enrolled_on {ahead.isoformat()}" in reason, reason
    right = capture.pc_today() - dt.timedelta(days=1)
    with a.store.transaction() as s:
        inp = records.resident_input_from(s.get(Resident, made_id))
        inp.enrolled_on = right.isoformat()
        records.save_resident(s, inp, resident_id=made_id, today=capture.pc_today())
    (path,) = a.export(tmp / "put-right")
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    with town.store.session() as s:
        assert s.get(Resident, made_id).enrolled_on == right
    # dated ahead again after it was put right: refused
    clock.set(days=10)
    with a.store.transaction() as s:
        inp = records.resident_input_from(s.get(Resident, made_id))
        inp.enrolled_on = clock.today().isoformat()
        records.save_resident(s, inp, resident_id=made_id, today=clock.today())
    clock.set()
    (path,) = a.export(tmp / "ahead-again")
    (outcome,) = town.import_(path)
    assert outcome.status == "rejected" and "enrolled_on" in outcome.reason.render()


def _future_visit_ops(a, patient, clock) -> tuple[list[dict], list[dict], dt.date]:
    """The ops of a visit dated ten days ahead (a PC running ahead), and of its void."""

    def enrol(s):
        if followup.active_enrolment(s, patient.id, "htn") is None:
            followup.enrol(s, s.get(Resident, patient.id), "htn", capture.pc_today() - dt.timedelta(days=90))

    enrolled = changes_made(a, enrol)
    clock.set(days=10)
    ahead = clock.today()
    made = enrolled + changes_made(a, lambda s: followup.record_visit(s, patient.id, visit(ahead)))
    clock.set()
    voided = changes_made(a, lambda s: followup.void_visit(s, patient.id, "htn", ahead, "日期录错"))
    return made, voided, ahead


def test_a_future_dated_row_is_forgiven_only_if_it_stays_voided(world, clock):
    """The township takes a visit dated in its future only when the bundle leaves it voided: not
    when a later op un-voids it, nor when the void carries a clock older than the visit's (it
    would lose the merge, and the visit would count, dated ahead).  Sent again once held, or
    carried already voided in one op, it is taken."""
    town, a, _b, tmp = world
    patient = own_resident(a)
    made, voided, ahead = _future_visit_ops(a, patient, clock)
    visit_op = next(o for o in made if o["e"] == "followup_visit")
    void_op = next(o for o in voided if o["e"] == "followup_visit")
    unvoid = {
        **void_op,
        "s": max(o["s"] for o in (*made, *voided)) + 1,
        "d": {"v": {"voided": False}, "b": ""},
    }
    unvoid["h"] = capture.hlc_text(capture.hlc_ms(void_op["h"]) + 1, 0, a.device_id)
    ops = [*made, *voided]

    def send(ops, name):
        seqs = [o["s"] for o in ops]
        path = craft_bundle(a, town, ops, tmp / name, ranges={a.device_id.hex: [min(seqs) - 1, max(seqs)]})
        before = dump_everything(town.store)
        (out,) = town.import_(path)
        return out.status, out.reason.render() if out.reason else "", dump_everything(town.store) != before

    status, reason, changed = send([*ops, unvoid], "unvoided")
    assert (status, changed) == ("rejected", False) and f"visit_date {ahead.isoformat()}" in reason, reason
    late = {**void_op, "h": capture.hlc_text(capture.hlc_ms(visit_op["h"]) - 1, 0, a.device_id)}
    status, reason, changed = send([*made, *(late if o is void_op else o for o in voided)], "older")
    assert (status, changed) == ("rejected", False), reason
    status, reason, _ = send(ops, "voided")
    assert status == "applied", reason
    status, reason, _ = send(ops, "again")  # sent again before the township's ack came back
    assert status in ("applied", "duplicate", "already"), reason
    with town.store.session() as s:
        row = s.get(FollowupVisit, uuid.UUID(visit_op["r"]))
        assert row.voided and row.visit_date == ahead


def test_a_village_clock_ahead_dates_no_record_or_audit_entry_past_its_window(world):
    """Records' created_at and updated_at and audit entries' times follow the PC — within the month
    a village may run past its township (weeks between USB syncs are normal, and a PC a few days
    ahead is told by them) — but a PC a year ahead stamped them a year in the future, and so they
    reached the township's append-only audit trail.  Now no stamp runs past the window.  (The PC's
    clock is moved for every reader of it, as a wrong clock is, not only for the sync's.)"""
    town, a, _b, tmp = world
    patient = own_resident(a)
    window = dt.timedelta(days=capture.TRUSTED_DAYS_AFTER_SYNC)
    synced = dt.datetime.fromtimestamp(township_clock(a) / 1000, dt.UTC).replace(tzinfo=None)
    real_today = capture.pc_today()
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)

    def stamps(device, visit_id) -> list[dt.datetime]:
        with device.store.session() as s:
            r = s.get(Resident, patient.id)
            v = s.get(FollowupVisit, visit_id)
            entries = s.scalars(
                select(AuditEntry.at).where(AuditEntry.device_id == a.device_id, AuditEntry.at >= started)
            ).all()
            assert entries and v is not None
            return [r.updated_at, v.created_at, v.updated_at, *entries]

    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=10), tick=True):
        edit(a, patient.id, phone="13500000011")
        with a.store.transaction() as s:  # ten days ahead: within the window, stamped as the PC says
            near = followup.record_visit(s, patient.id, visit(real_today), enrol_if_needed=True).id
    assert min(stamps(a, near)) >= started + dt.timedelta(days=9)
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=365), tick=True):
        edit(a, patient.id, phone="13500000012")
        with a.store.transaction() as s:
            far = followup.record_visit(s, patient.id, visit(real_today + dt.timedelta(days=1))).id
    assert max(stamps(a, far)) <= synced + window, (max(stamps(a, far)), synced + window)
    (path,) = a.export(tmp / "ahead")  # the PC's clock put right (a bundle sent ahead is refused: above)
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason.render() if outcome.reason else outcome
    assert max(stamps(town, far)) <= synced + window


@pytest.mark.parametrize(
    ("pc_days_ahead", "township_days_ago", "today_days_ahead"),
    [
        (0, None, 0),
        (365, None, 365),  # never synced: the PC's own date
        (0, 30, 0),  # a month since the last sync: today is still today
        (365, 0, capture.TRUSTED_DAYS_AFTER_SYNC),
        (365, 60, capture.TRUSTED_DAYS_AFTER_SYNC - 60),
    ],
)
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_trusted_today(tmp_path, clock, pc_days_ahead, township_days_ago, today_days_ahead):
    v = _village_at(tmp_path, township_days_ago)
    real_today = capture.pc_today()
    clock.set(days=pc_days_ahead)
    with v.store.session() as s:
        assert capture.trusted_today(s) == real_today + dt.timedelta(days=today_days_ahead)


def test_a_next_due_date_more_than_a_year_after_the_visit_is_refused(world):
    _town, a, _b, _tmp = world
    patient = own_resident(a)
    day = capture.pc_today()
    with pytest.raises(ValidationError) as refused, a.store.transaction() as s:
        followup.record_visit(
            s,
            patient.id,
            visit(day, next_due=(day + dt.timedelta(days=400)).isoformat()),
            enrol_if_needed=True,
        )
    assert "下次随访日期最晚为本次随访后一年" in refused.value.render()
    with a.store.transaction() as s:
        saved = followup.record_visit(
            s,
            patient.id,
            visit(day, next_due=(day + dt.timedelta(days=90)).isoformat()),
            enrol_if_needed=True,
        )
    assert saved.next_due == day + dt.timedelta(days=90)


def test_a_clock_that_went_back_is_still_told(world, clock):
    """The one warning that blames this PC: its clock is more than a day behind what it stamped."""
    _town, a, _b, _tmp = world
    clock.set(days=-30)
    assert any("晚约 30 天" in w for w in warnings(a)), warnings(a)


@pytest.mark.parametrize("spelt", ["clock", "row id", "origin"])
def test_ids_and_clocks_in_capitals_are_refused_a_future_clock_cannot_hide_in_them(world, spelt):
    """Every device writes ids and clocks in lower-case hex.  A clock in capitals sorts below a
    lower-case one of the same day or later (``"01A9" < "01a2"``): accepted, it passed the
    future-clock check while standing months ahead.  An id in capitals names the same row under
    another spelling.  Both are refused as not written by CunYi, and nothing changes."""
    town, a, _b, tmp = world
    now = capture.wall_ms()
    near = capture.hlc_text(now + 2 * DAY, 0, a.device_id)
    future = next(  # a day ahead whose clock in capitals sorts below the near future's
        ms
        for ms in (now + d * DAY // 4 for d in range(4 * 30, 4 * 3650))
        if capture.hlc_text(ms, 0, a.device_id).upper() < near
    )
    row = own_resident(a).id
    with a.store.session() as s:
        seq = s.scalar(select(SyncState.seq)) + 1
    hlc = capture.hlc_text(future if spelt == "clock" else now, 0, a.device_id)
    op = {
        "o": a.device_id.hex.upper() if spelt == "origin" else a.device_id.hex,
        "s": seq,
        "e": "resident",
        "r": row.hex.upper() if spelt == "row id" else row.hex,
        "h": hlc.upper() if spelt == "clock" else hlc,
        "c": A,
        "u": None,
        "d": {"v": {"phone": "13400000000"}, "b": {"phone": ""}},
    }
    path = craft_bundle(a, town, [op], tmp / "capitals", clock="", ranges={a.device_id.hex: [seq - 1, seq]})
    before = dump_everything(town.store)
    clock_before = clock_state_ms(town)
    (outcome,) = town.import_(path)
    assert outcome.status == "rejected", outcome.status
    assert "格式不对" in outcome.reason.render() or "不是村医" in outcome.reason.render(), (
        outcome.reason.render()
    )
    assert dump_everything(town.store) == before
    assert clock_state_ms(town) == clock_before

"""Archive numbers are unique and each is its village's: a bundle may not give a resident a number
of another village, or of the township's range (it would take the number its owner gives next,
and every later enrolment or bundle of that owner would fail on it); a number already on a record
is passed over when numbers are given; and ``cunyi check`` finds a number that is not its
village's."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select, update

from app.models import ChangeLog, Resident, Village
from app.services import backup, profile
from app.services.sync.exchange import Sender, archive_number_ok
from tests.synckit import TOWN, VILLAGES, change_op, craft_bundle, dump_everything
from tests.test_sync_authority import a_resident, assert_quarantined, assert_still_works, seq_of

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

A, B = VILLAGES[0], VILLAGES[1]
START = profile.TOWNSHIP_SERIAL_START


@pytest.mark.parametrize(
    ("sender", "number", "scopes", "ok"),
    [
        (Sender("village", A, "a" * 32), f"{A}00007", {"new": A}, True),
        (Sender("village", A, "a" * 32), f"{A}00007", {"stored": A}, True),
        (Sender("village", A, "a" * 32), f"{B}00007", {"new": A}, False),  # another village's
        (Sender("village", A, "a" * 32), f"{B}00007", {}, False),
        (Sender("village", A, "a" * 32), f"{A}{START:05d}", {"new": A}, False),  # the township's range
        (Sender("village", A, "a" * 32), f"{A}00000", {"new": A}, False),
        (Sender("village", A, "a" * 32), f"{A}0007", {"new": A}, False),  # 16 digits
        (Sender("village", A, "a" * 32), f"{A}0000７", {"new": A}, False),  # a full-width digit
        (Sender("village", A, "a" * 32), None, {"new": A}, False),
        (Sender("township", TOWN, "t" * 32), f"{A}{START:05d}", {"new": A}, True),
        (Sender("township", TOWN, "t" * 32), f"{B}00007", {"new": B}, True),  # relayed
        (Sender("township", TOWN, "t" * 32), f"{B}00007", {"new": A}, False),  # not its village's
        (Sender("township", TOWN, "t" * 32), f"110106002101{START:05d}", {}, False),  # another township
        (Sender("township", TOWN, "t" * 32), f"{A}00000", {"new": A}, False),  # nobody's serial
    ],
)
@pytest.mark.sqlite_only  # no store: the rule alone
def test_whose_archive_numbers_a_sender_may_give(sender, number, scopes, ok):
    assert archive_number_ok(sender, number, scopes) is ok


def _made(device, resident_id: uuid.UUID) -> dict:
    """The change that made ``resident_id``, as the device's change log carries it."""
    with device.store.session() as s:
        row = s.scalar(
            select(ChangeLog).where(ChangeLog.entity == "resident", ChangeLog.row_id == resident_id).limit(1)
        )
        return change_op(row, s)


@pytest.mark.parametrize("whose", ["another village's next number", "the township's next number"])
def test_a_village_cannot_take_a_number_someone_else_gives_next(world, whose):
    town, a, b, tmp = world
    if whose == "another village's next number":
        with town.store.session() as s:
            taken = s.scalar(select(func.max(Resident.archive_no)).where(Resident.archive_no.like(f"{B}%")))
        number = f"{int(taken) + 1:017d}"
    else:
        number = f"{A}{START:05d}"
    forged = _made(a, a_resident(a, A).id)  # a copy of one of A's own residents, as a new one
    forged.update(s=seq_of(a) + 1, r=uuid.uuid4().hex)
    forged["d"]["v"] = {**forged["d"]["v"], "archive_no": number, "id_number": None}
    path = craft_bundle(
        a, town, [forged], tmp / "forged", ranges={a.device_id.hex: [forged["s"] - 1, forged["s"]]}
    )
    assert_quarantined(town, path, "档案编号", number, "村卫生室编的序号在 90000 以下")
    assert_still_works(a, town, tmp)
    owner = b if number.startswith(B) else town  # (B's PC numbers B; the township, from 90000)
    with owner.store.transaction() as s:  # and its owner gives that number as ever
        given = profile.allocate_archive_numbers(s, number[:12])
    assert given == [number]


def test_a_number_already_on_a_record_is_passed_over(world):
    town, *_ = world
    with town.store.transaction() as s:
        (first,) = profile.allocate_archive_numbers(s, A)
        s.rollback()
    with town.store.transaction() as s:  # (as if a bundle had brought a record with that number)
        someone = s.scalar(select(Resident).join(Village).where(Village.code == A).limit(1))
        s.execute(update(Resident).where(Resident.id == someone.id).values(archive_no=first))
    with town.store.transaction() as s:
        given = profile.allocate_archive_numbers(s, A, 3)
    assert first not in given and len(set(given)) == 3
    assert given == [f"{int(first) + n:017d}" for n in (1, 2, 3)]


def test_check_finds_a_number_that_is_not_its_villages(world):
    town, *_ = world
    assert backup.check(town.store).ok
    with town.store.transaction() as s:
        someone = s.scalar(select(Resident).join(Village).where(Village.code == A).limit(1))
        s.execute(update(Resident).where(Resident.id == someone.id).values(archive_no=f"{B}88888"))
    report = backup.check(town.store)
    (result,) = [r for r in report.results if "档案编号" in r.name]
    assert not report.ok and not result.ok and result.detail == "1 条不符"


def test_a_resident_the_township_numbered_travels_both_ways_and_the_village_edits_it(world):
    """A resident the township enrolled for village A (a number of the township's range) reaches
    A, A corrects the phone, and A's bundle is taken by the township: a village sends its own
    changes to such a record, never the number again; and A then enrols with its own numbers."""
    from app.services.records import residents as records
    from tests.synckit import TODAY, round_trip

    town, a, b, tmp = world
    with town.store.transaction() as s:
        inp = records.ResidentInput(
            name="乡镇建", sex="1", birth_date="1960-01-01", current_address="一组", village_code=A
        )
        made = records.save_resident(s, inp, today=TODAY)
        number = made.archive_no
    assert number[12:] == f"{START:05d}"  # the township's range
    round_trip(town, [a, b], tmp, "down")
    with a.store.transaction() as s:
        r = s.scalar(select(Resident).where(Resident.archive_no == number))
        inp = records.resident_input_from(r)
        inp.phone = "13900001234"
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)
        mine = records.save_resident(
            s,
            records.ResidentInput(
                name="村里建", sex="2", birth_date="1961-02-02", current_address="二组", village_code=A
            ),
            today=TODAY,
        ).archive_no
    assert int(mine[12:]) < START
    (path,) = a.export(tmp / "up", peer=town.device_id.hex, always=True)
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    with town.store.session() as s:
        assert s.scalar(select(Resident.phone).where(Resident.archive_no == number)) == "13900001234"
        assert s.scalar(select(Resident.name).where(Resident.archive_no == mine)) == "村里建"


@pytest.mark.sqlite_only  # the nodes are made by netbench, on SQLite
def test_a_replacement_pc_holding_a_resident_the_township_numbered_syncs_up(tmp_path):
    """The township's snapshot gives a new PC of the village every record, those numbered by the
    township too; the new PC's bundles never carry such a number as its own making."""
    from app.services.records import residents as records
    from app.services.sync import exchange
    from app.tools import netbench
    from tests.synckit import TODAY
    from tests.test_netsync_replacement import replaced_by_stick

    town, (old,) = netbench.make_county(tmp_path, 1, 8)
    stick = tmp_path / "stick"
    exchange.export_bundles(old.store, old.paths, stick)
    assert exchange.import_path(town.store, town.paths, stick)[0].status == "applied"
    with town.store.transaction() as s:
        inp = records.ResidentInput(
            name="乡镇建", sex="1", birth_date="1960-01-01", current_address="一组", village_code=old.code
        )
        number = records.save_resident(s, inp, today=TODAY).archive_no
    new, _sent = replaced_by_stick(tmp_path, town, old)
    outcomes = exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    assert {o.status for o in outcomes} <= {"applied", "foreign"}
    with new.store.transaction() as s:
        r = s.scalar(select(Resident).where(Resident.archive_no == number))
        inp = records.resident_input_from(r)
        inp.phone = "13900004321"
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)
    exchange.export_bundles(new.store, new.paths, tmp_path / "stick3")
    outcomes = exchange.import_path(town.store, town.paths, tmp_path / "stick3")
    assert [o.status for o in outcomes if o.status != "foreign"] == ["applied"], [
        o.reason and o.reason.render() for o in outcomes
    ]
    with town.store.session() as s:
        assert s.scalar(select(Resident.phone).where(Resident.archive_no == number)) == "13900004321"
    for n in (town, old, new):
        n.dispose()


def test_thousands_of_numbers_on_records_are_passed_over_in_one_go(world, monkeypatch):
    """A village PC that holds thousands of numbers it did not give (a replacement PC after the
    village's records reached it) gives the next free one; it once recursed once per number
    passed over, and failed past about a thousand."""
    _town, a, _b, _tmp = world
    with a.store.session() as s:
        stored = set(s.scalars(select(Resident.archive_no)).all())
    real = profile._taken
    monkeypatch.setattr(
        profile, "_taken", lambda s, numbers: real(s, numbers) | {n for n in numbers if int(n[12:]) <= 5000}
    )
    with a.store.transaction() as s:
        given = profile.allocate_archive_numbers(s, A, 2, avoid={f"{A}05001"})  # (an import's, not stored)
    assert len(given) == 2 and min(int(n[12:]) for n in given) > 5001 and not stored & set(given)


def test_a_village_changing_a_stored_residents_number_to_a_taken_one_takes_no_township_number(world):
    """A village's change of one of its residents' numbers (no CunYi sends one: a forged bundle) to
    a number another of its residents holds is refused, nothing changed: the township gives
    numbers of its own only to a resident new to it (each such clash took one, and a village PC
    could use the township's range up, or have another PC's resident renumbered)."""
    from tests.test_sync_authority import op

    town, a, _b, tmp = world
    with a.store.session() as s:
        first, second = s.execute(
            select(Resident.id, Resident.archive_no).order_by(Resident.archive_no).limit(2)
        ).all()
    clock_then = _made(a, first[0])["h"]
    forged = op(
        a, seq_of(a) + 1, "resident", first[0], A, {"archive_no": second[1]}, {"archive_no": clock_then}
    )
    path = craft_bundle(
        a, town, [forged], tmp / "forged", ranges={a.device_id.hex: [forged["s"] - 1, forged["s"]]}
    )
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    assert outcome.status == "rejected"
    said = outcome.reason.render()
    assert "档案编号重复，整包未导入" in said and second[1] in said, said
    assert dump_everything(town.store) == before  # the township's serials too

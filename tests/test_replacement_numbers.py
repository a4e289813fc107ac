"""A replacement PC that enrols residents before its first sync: it numbers them from serial 00001,
which the dead PC used too.  The township refuses the new PC's bundle in words that say what
happens next, and changes nothing; the village's records reach the new PC, which gives its own new
records numbers no one has used (they had never left it) and says so; its next bundle is taken.
Both ends then hold every resident once, each with a number of its own."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, BundleRecord, Resident, SyncConflict
from app.services import profile
from app.services.errors import Message
from app.services.records import residents as records
from app.services.sync import bundle, exchange, mailbox, service, snapshot
from app.services.sync import keys as device_keys
from app.tools import netbench
from tests import storekit
from tests.synckit import TODAY, dump, dump_everything

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def _new_pc(tmp_path, town, old):
    new = netbench._node(tmp_path, "new", "village", old.code)
    with new.store.transaction() as s:
        device_keys.trust(s, netbench._card(town))
    with town.store.transaction() as s:
        device_keys.trust(s, netbench._card(new))
    return new


def _enrol(node, code: str, name: str, phone: str | None = None) -> str:
    with node.store.transaction() as s:
        inp = records.ResidentInput(
            name=name, sex="2", birth_date="1970-05-05", current_address="三组", village_code=code
        )
        return records.save_resident(s, inp, today=TODAY).archive_no


def _edit_phone(node, number: str, phone: str) -> None:
    with node.store.transaction() as s:
        r = s.scalar(select(Resident).where(Resident.archive_no == number))
        inp = records.resident_input_from(r)
        inp.phone = phone
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)


def _numbers(node) -> dict[str, str]:
    """name -> archive number of every resident the node holds (names are unique here)."""
    with node.store.session() as s:
        return dict(s.execute(select(Resident.name, Resident.archive_no)).all())


def _count(node, model) -> int:
    with node.store.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _all_numbers_unique(node) -> None:
    with node.store.session() as s:
        numbers = s.scalars(select(Resident.archive_no)).all()
    assert len(numbers) == len(set(numbers))


def _converged(town, new, code) -> None:
    at_town, at_new = dump(town.store, code), dump(new.store, code)
    for table in at_town:
        assert at_town[table] == at_new[table], table
    assert _count(new, SyncConflict) == 0 and _count(town, SyncConflict) == 0
    _all_numbers_unique(town)
    _all_numbers_unique(new)


def _a_village_and_its_new_pc(tmp_path, township_numbered: bool = False):
    """A township and its village's old PC, whose records the township holds (``township_numbered``:
    and one the township enrolled for the village, numbered from 90000), and the village's new PC."""
    town_url = storekit.server_url(tmp_path / "town")  # PostgreSQL in the second run
    town, (old,) = netbench.make_county(tmp_path, 1, 8, town_url=town_url)
    stick = tmp_path / "stick0"
    exchange.export_bundles(old.store, old.paths, stick)
    assert exchange.import_path(town.store, town.paths, stick)[0].status == "applied"
    if township_numbered:
        assert _enrol(town, old.code, "乡镇建")[12:] == "90000"
    return town, old, _new_pc(tmp_path, town, old)


@pytest.mark.parametrize("township_numbered", [False, True])
def test_by_usb_stick_the_township_refuses_in_words_then_the_new_pc_renumbers_its_own(
    tmp_path, township_numbered
):
    """(``township_numbered``: the village's numbers and the township's meet in one bundle; a new
    number past the township's highest serial would be none, and one past the highest of all the
    bundle's village-range serials was once mistaken for it.)"""
    town, old, new = _a_village_and_its_new_pc(tmp_path, township_numbered)
    old_numbers = set(_numbers(old).values())
    first = _enrol(new, old.code, "新机甲")
    second = _enrol(new, old.code, "新机乙")
    _edit_phone(new, second, "13900002222")  # the change that made it now keeps a copy of it
    assert {first, second} <= old_numbers  # the collision: the dead PC gave these numbers too

    before = dump_everything(town.store)
    exchange.export_bundles(new.store, new.paths, tmp_path / "stick1")
    (outcome,) = [o for o in exchange.import_path(town.store, town.paths, tmp_path / "stick1")]
    assert outcome.status == "rejected"
    said = outcome.reason.render()
    assert first in said and "档案编号" in said and "新" in said  # which number, and what comes next
    assert "详见日志" not in said
    assert dump_everything(town.store) == before  # nothing changed

    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick2")
    outcomes = exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    assert {o.status for o in outcomes} <= {"applied", "foreign"}, [
        o.reason and o.reason.render() for o in outcomes
    ]
    now = _numbers(new)
    assert {o.status for o in outcomes} <= {"applied", "foreign"}  # the first time, not after retries
    assert now["新机甲"] not in old_numbers and now["新机乙"] not in old_numbers
    assert now["新机甲"] != now["新机乙"]
    assert max(old_numbers) < min(now["新机甲"], now["新机乙"])  # past every number the village used
    notes = [o.notice.render() for o in outcomes if o.notice is not None]
    assert len(notes) == 1 and "新机甲" in notes[0] and first in notes[0] and now["新机甲"] in notes[0]
    with new.store.session() as s:  # the trail says so too
        entries = s.scalars(select(AuditEntry.summary).where(AuditEntry.summary.like("%archive_no%"))).all()
    assert any(first in e and now["新机甲"] in e for e in entries)
    with new.store.session() as s:
        phone = s.scalar(select(Resident.phone).where(Resident.name == "新机乙"))
    assert phone == "13900002222"

    exchange.export_bundles(new.store, new.paths, tmp_path / "stick3")
    sent = _ops_of(new, tmp_path / "stick3", town)
    carried = {op["d"]["v"].get("archive_no") for op in sent if op["e"] == "resident"}
    assert first not in carried and second not in carried  # the old numbers never travel
    outcomes = exchange.import_path(town.store, town.paths, tmp_path / "stick3")
    assert [o.status for o in outcomes if o.status != "foreign"] == ["applied"], [
        o.reason and o.reason.render() for o in outcomes
    ]
    assert _numbers(town)["新机甲"] == now["新机甲"]
    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick4")
    exchange.import_path(new.store, new.paths, tmp_path / "stick4")
    _converged(town, new, old.code)
    # and the new PC numbers on from there
    third = _enrol(new, old.code, "新机丙")
    assert third not in set(_numbers(town).values())
    assert third > max(n for n in now.values() if int(n[12:]) < profile.TOWNSHIP_SERIAL_START)
    for n in (town, old, new):
        n.dispose()


def _ops_of(sender, folder, recipient) -> list[dict]:
    """Every op of ``sender``'s bundles in ``folder`` addressed to ``recipient``, as it travels."""
    keys = device_keys.load_keys(recipient.paths.sub("keys"))
    ops = []
    for f in exchange.bundle_files(folder):
        header = bundle.read_header(f)
        if header.sender != sender.device_id:
            continue
        with bundle.open_bundle(f, header, keys.age) as opened:
            ops.extend(opened.ops())
    return ops


def test_over_the_network_one_run_sets_it_right(tmp_path):
    """Over the network the new PC's first run pushes, is refused, pulls the village, renumbers
    and pushes again: one run, and it ends well."""
    town, old, new = _a_village_and_its_new_pc(tmp_path)
    old_numbers = set(_numbers(old).values())
    first = _enrol(new, old.code, "网新甲")
    assert first in old_numbers
    with mailbox.Server(town.store, town.paths, host="127.0.0.1", port=0).start() as server:
        report = service.sync_once(new.store, new.paths, server=server.url)
        assert report.ok, report.error and report.error.render()
        (told,) = [o.notice.render() for o in report.outcomes if o.notice is not None]
        assert "网新甲" in told and first in told
        with new.store.session() as s:  # the 同步 page's history says so beside the run
            (run,) = service.net_state(s, new.paths).history[:1]
        assert run.ok and "网新甲" in run.note.render()
        again = service.sync_once(new.store, new.paths, server=server.url)
        assert again.ok, again.error and again.error.render()
    assert _numbers(town)["网新甲"] == _numbers(new)["网新甲"] != first
    _converged(town, new, old.code)
    for n in (town, old, new):
        n.dispose()


def _the_dead_pcs_last_stick(tmp_path):
    """The new PC synced a resident it numbered since; the old PC had given the same number before
    it died, on its last stick (``tmp_path / "stick5"``), not imported yet: (town, old, new, number)."""
    town, old, new = _a_village_and_its_new_pc(tmp_path)
    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick2")
    exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    taken = _enrol(new, old.code, "新机先")
    exchange.export_bundles(new.store, new.paths, tmp_path / "stick3")
    assert exchange.import_path(town.store, town.paths, tmp_path / "stick3")[0].status == "applied"
    assert _enrol(old, old.code, "旧机后") == taken
    exchange.export_bundles(old.store, old.paths, tmp_path / "stick5")
    return town, old, new, taken


def test_a_township_with_no_number_left_to_give_says_so_and_changes_nothing(tmp_path):
    from app.models import ArchiveSerial

    town, old, new, taken = _the_dead_pcs_last_stick(tmp_path)
    with town.store.transaction() as s:
        s.merge(ArchiveSerial(village_code=old.code, last_serial=profile.MAX_SERIAL))
    before = dump_everything(town.store)
    (outcome,) = exchange.import_path(town.store, town.paths, tmp_path / "stick5")
    assert outcome.status == "rejected"
    said = outcome.reason.render()
    assert (
        said.startswith("同步包未导入：档案编号")
        and taken in said
        and "已用完" in said
        and "未做任何更改" in said
    )
    assert dump_everything(town.store) == before
    for n in (town, old, new):
        n.dispose()


@pytest.mark.parametrize("small_chunks", [False, True])
def test_the_dead_pcs_last_stick_after_the_new_pc_synced_takes_a_township_number(
    tmp_path, monkeypatch, small_chunks
):
    """The old PC's last bundle reaches the township after the new PC's records (the stick was in
    a drawer), giving a number the new PC gave since: the old PC will never take another (it is
    dead, or older than the new one), so the township gives its resident a number of its own range,
    as its change; the new PC and the township end alike, every number once."""
    town, old, new, taken = _the_dead_pcs_last_stick(tmp_path)
    (outcome,) = exchange.import_path(town.store, town.paths, tmp_path / "stick5")
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    given = _numbers(town)["旧机后"]
    assert given[12:] >= f"{profile.TOWNSHIP_SERIAL_START}" and _numbers(town)["新机先"] == taken
    said = outcome.notice.render()
    assert "旧机后" in said and taken in said and given in said
    with town.store.session() as s:
        entries = s.scalars(select(AuditEntry.summary).where(AuditEntry.summary.like("旧机后%→%"))).all()
    assert entries == [f"旧机后 {taken} → {given}: archive_no"]
    with town.store.session() as s:  # and the 同步 page's history notes it beside the bundle
        note = s.scalars(select(BundleRecord.reason).order_by(BundleRecord.id.desc()).limit(1)).one()
    assert given in Message.from_stored(note, "Sync").render()
    exchange.export_bundles(town.store, town.paths, tmp_path / "stick6")
    outcomes = exchange.import_path(new.store, new.paths, tmp_path / "stick6")
    assert {o.status for o in outcomes} <= {"applied", "foreign"}
    assert _numbers(new)["旧机后"] == given and _numbers(new)["新机先"] == taken
    _converged(town, new, old.code)
    # and the old PC, were it alive, hears of its resident's number and goes on (``small_chunks``:
    # the new PC's resident taking the number comes a chunk before the township's change moving
    # the old PC's out of its way, and the move is said all the same)
    if small_chunks:
        monkeypatch.setattr(exchange, "CHUNK_OPS", (2, 2, 2))
        monkeypatch.setattr(exchange, "SLICE_OPS", (1, 1, 1))
    outcomes = exchange.import_path(old.store, old.paths, tmp_path / "stick6")
    assert {o.status for o in outcomes} <= {"applied", "foreign"}
    (said,) = [o.notice.render() for o in outcomes if o.notice is not None]
    assert "乡镇卫生院改了 1 份" in said and said.count(given) == 1
    assert _numbers(old)["旧机后"] == given and _numbers(old)["新机先"] == taken
    _all_numbers_unique(old)
    for n in (town, old, new):
        n.dispose()


def test_a_pc_restored_from_an_older_backup_giving_a_number_again_is_set_right(tmp_path):
    """A PC restored from a backup made before it enrolled and sent a resident gives that number
    again: the township holds the first, which the PC will never hear of again (a village's own
    records are not sent back to it), so the township gives the second a number of its own."""
    import dataclasses

    from app.db import Store
    from app.services import backup

    town, old, _new = _a_village_and_its_new_pc(tmp_path)
    saved = backup.backup_to(old.store, tmp_path / "before.db")
    first = _enrol(old, old.code, "备份后甲")
    exchange.export_bundles(old.store, old.paths, tmp_path / "s1")
    assert exchange.import_path(town.store, town.paths, tmp_path / "s1")[0].status == "applied"
    backup.restore(old.store, old.paths, saved)
    old.store.dispose()
    old = dataclasses.replace(old, store=Store(f"sqlite:///{old.paths.db_file}"))
    again = _enrol(old, old.code, "恢复后乙")
    assert again == first
    exchange.export_bundles(old.store, old.paths, tmp_path / "s2")
    outcomes = exchange.import_path(town.store, town.paths, tmp_path / "s2")
    assert [o.status for o in outcomes] == ["applied"], [o.reason and o.reason.render() for o in outcomes]
    given = _numbers(town)["恢复后乙"]
    assert given != first and _numbers(town)["备份后甲"] == first
    exchange.export_bundles(town.store, town.paths, tmp_path / "s3")
    exchange.import_path(old.store, old.paths, tmp_path / "s3")
    assert _numbers(old)["恢复后乙"] == given
    _all_numbers_unique(old)
    _all_numbers_unique(town)
    for n in (town, old, _new):
        n.dispose()


def test_an_import_interrupted_after_the_renumbering_still_says_so_when_it_resumes(tmp_path, monkeypatch):
    town, old, new = _a_village_and_its_new_pc(tmp_path)
    first = _enrol(new, old.code, "断点甲")
    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick2")
    monkeypatch.setattr(exchange, "CHUNK_OPS", (5, 10, 20))  # a small village in several chunks
    monkeypatch.setattr(exchange, "SLICE_OPS", (2, 5, 10))

    class Killed(BaseException):  # (as the process ending: nothing catches it)
        pass

    def killed(_chunks):
        if _numbers(new)["断点甲"] != first:
            raise Killed()

    # the power goes after the chunk that renumbered (committed), before the last
    monkeypatch.setattr(exchange, "after_chunk", killed)
    with pytest.raises(Killed):
        exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    assert _numbers(new)["断点甲"] != first  # renumbered with the chunk bringing the number …
    monkeypatch.setattr(exchange, "after_chunk", lambda _chunks: None)
    outcomes = exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    assert {o.status for o in outcomes} <= {"applied", "already", "foreign"}
    (said,) = [o.notice.render() for o in outcomes if o.notice is not None]  # … and said, once resumed
    assert "断点甲" in said and first in said and _numbers(new)["断点甲"] in said
    with new.store.session() as s:
        entries = s.scalars(select(AuditEntry.summary).where(AuditEntry.summary.like("断点甲%→%"))).all()
    assert len(entries) == 1  # renumbered once
    _all_numbers_unique(new)
    for n in (town, old, new):
        n.dispose()


def test_a_resident_enrolled_while_a_bundle_is_imported_makes_way_too(tmp_path, monkeypatch):
    """The doctor saves a new resident between the import's check and its application (the network
    sync runs in the background): the number the allocator gave is one the bundle brings; the
    resident takes another, and the import goes through."""
    town, old, new = _a_village_and_its_new_pc(tmp_path)
    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick2")
    exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    exchange.export_bundles(town.store, town.paths, tmp_path / "stick3")  # the old PC hears of it
    exchange.import_path(old.store, old.paths, tmp_path / "stick3")
    brought = _enrol(old, old.code, "旧机新")
    exchange.export_bundles(old.store, old.paths, tmp_path / "stick4")
    assert exchange.import_path(town.store, town.paths, tmp_path / "stick4")[0].status == "applied"
    exchange.export_bundles(town.store, town.paths, tmp_path / "stick5")
    real, enrolled = exchange._apply_checked, []

    def meanwhile(*args, **kwargs):
        enrolled.append(_enrol(new, old.code, "同时建"))
        return real(*args, **kwargs)

    monkeypatch.setattr(exchange, "_apply_checked", meanwhile)
    outcomes = exchange.import_path(new.store, new.paths, tmp_path / "stick5")
    assert enrolled == [brought]  # (the clash: the new PC had not seen the old PC's latest)
    assert [o.status for o in outcomes if o.status != "foreign"] == ["applied"]
    now = _numbers(new)
    assert now["旧机新"] == brought and now["同时建"] not in set(_numbers(town).values())
    _all_numbers_unique(new)
    for n in (town, old, new):
        n.dispose()


def test_a_resident_numbered_near_the_end_of_the_range_does_not_use_the_range_up(tmp_path):
    """A number high in the village's range (from an older version, or typed into another
    program's roster) is passed over by itself: the new PC goes on numbering from where it was."""
    town, old, new = _a_village_and_its_new_pc(tmp_path)
    with old.store.transaction() as s:
        someone = s.scalar(select(Resident).where(Resident.name == "新机甲").limit(1))
        assert someone is None
    high = f"{old.code}89999"
    with town.store.transaction() as s:
        r = s.scalar(select(Resident).order_by(Resident.archive_no.desc()).limit(1))
        s.execute(Resident.__table__.update().where(Resident.__table__.c.id == r.id).values(archive_no=high))
    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick2")
    exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    assert high in set(_numbers(new).values())
    given = _enrol(new, old.code, "新机后")
    assert int(given[12:]) < 100
    for n in (town, old, new):
        n.dispose()


@pytest.mark.parametrize("first", ["the township's records", "its own bundle"])
def test_a_dead_pcs_backup_restored_on_another_pc_after_its_replacement_synced(tmp_path, first):
    """The dead PC's last resident, never sent, is in a backup that a second new PC restores (a
    device of its own: backup._resend_as sends the dead PC's unsent changes as its own, clocks
    kept); the first replacement had given that number meanwhile, and sent it.  Whichever reaches
    the other first, both residents end at both ends with numbers of their own."""
    import dataclasses

    from app.db import Store
    from app.services import backup

    town, old, fresh = _a_village_and_its_new_pc(tmp_path)
    kept = _enrol(old, old.code, "备份里")
    saved = backup.backup_to(old.store, tmp_path / "old.db")
    snapshot.export_bundles(town.store, town.paths, tmp_path / "s1")
    exchange.import_path(fresh.store, fresh.paths, tmp_path / "s1")
    assert _enrol(fresh, old.code, "新机建") == kept
    exchange.export_bundles(fresh.store, fresh.paths, tmp_path / "s2")
    assert exchange.import_path(town.store, town.paths, tmp_path / "s2")[0].status == "applied"
    second = netbench._node(tmp_path, "second", "village", old.code)
    backup.restore(second.store, second.paths, saved, force_other_device=True)
    second.store.dispose()
    second = dataclasses.replace(second, store=Store(f"sqlite:///{second.paths.db_file}"))
    with second.store.transaction() as s:
        device_keys.trust(s, netbench._card(town))
    with town.store.transaction() as s:
        device_keys.trust(s, netbench._card(second))
    for step in range(2):
        if first == "its own bundle" or step:
            exchange.export_bundles(second.store, second.paths, tmp_path / f"up{step}")
            outcomes = exchange.import_path(town.store, town.paths, tmp_path / f"up{step}")
            assert [o.status for o in outcomes] == ["applied"], [
                o.reason and o.reason.render() for o in outcomes
            ]
        snapshot.export_bundles(town.store, town.paths, tmp_path / f"down{step}")
        outcomes = exchange.import_path(second.store, second.paths, tmp_path / f"down{step}")
        assert {o.status for o in outcomes} <= {"applied", "foreign"}, [
            o.reason and o.reason.render() for o in outcomes
        ]
    at_town, at_second = _numbers(town), _numbers(second)
    assert at_town["新机建"] == at_second["新机建"] == kept
    assert at_town["备份里"] == at_second["备份里"] != kept
    _all_numbers_unique(town)
    _all_numbers_unique(second)
    for n in (town, old, fresh, second):
        n.dispose()

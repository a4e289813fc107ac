"""A replacement PC that enrols residents before its first sync: it numbers them from serial 00001,
which the dead PC used too.  The township refuses the new PC's bundle in words that say what
happens next, and changes nothing; the village's records reach the new PC, which gives its own new
records numbers no one has used (they had never left it) and says so; its next bundle is taken.
Both ends then hold every resident once, each with a number of its own."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, Resident, SyncConflict
from app.services.records import residents as records
from app.services.sync import bundle, exchange, mailbox, service, snapshot
from app.services.sync import keys as device_keys
from app.tools import netbench
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


def _a_village_and_its_new_pc(tmp_path):
    town, (old,) = netbench.make_county(tmp_path, 1, 8)
    stick = tmp_path / "stick0"
    exchange.export_bundles(old.store, old.paths, stick)
    assert exchange.import_path(town.store, town.paths, stick)[0].status == "applied"
    return town, old, _new_pc(tmp_path, town, old)


@pytest.mark.sqlite_only  # the nodes are made by netbench, on SQLite
def test_by_usb_stick_the_township_refuses_in_words_then_the_new_pc_renumbers_its_own(tmp_path):
    town, old, new = _a_village_and_its_new_pc(tmp_path)
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
    assert third not in set(_numbers(town).values()) and third > max(now.values())
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


@pytest.mark.sqlite_only
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


@pytest.mark.sqlite_only
def test_two_pcs_of_one_village_giving_one_number_are_set_right_by_the_one_that_sent_later(tmp_path):
    """Only a PC's own records that no one has received yield their number: at the township the
    number is another village PC's record, and the bundle is refused in words, nothing changed; the
    PC that sent it renumbers its own when the township's records reach it, and is then taken."""
    town, old, new = _a_village_and_its_new_pc(tmp_path)
    # the old PC, still alive, enrols one more after the township's snapshot went to the new PC
    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick2")
    exchange.import_path(new.store, new.paths, tmp_path / "stick2")
    taken = _enrol(new, old.code, "新机先")
    exchange.export_bundles(new.store, new.paths, tmp_path / "stick3")
    assert exchange.import_path(town.store, town.paths, tmp_path / "stick3")[0].status == "applied"
    snapshot.export_bundles(town.store, town.paths, tmp_path / "stick4")
    exchange.import_path(new.store, new.paths, tmp_path / "stick4")  # the township's word: received
    # the old PC (never told) gives the same number to someone else and sends it
    mine = _enrol(old, old.code, "旧机后")
    assert mine == taken
    before_new = dump_everything(new.store)
    exchange.export_bundles(old.store, old.paths, tmp_path / "stick5")
    (outcome,) = exchange.import_path(town.store, town.paths, tmp_path / "stick5")
    assert outcome.status == "rejected" and taken in outcome.reason.render()
    assert "新机先" in outcome.reason.render()
    assert dump_everything(new.store) == before_new
    # the township's next bundle brings the old PC the new one's record: its own unsent one yields
    exchange.export_bundles(town.store, town.paths, tmp_path / "stick6")
    outcomes = exchange.import_path(old.store, old.paths, tmp_path / "stick6")
    assert {o.status for o in outcomes} <= {"applied", "foreign"}
    assert _numbers(old)["旧机后"] != taken and _numbers(old)["新机先"] == taken
    exchange.export_bundles(old.store, old.paths, tmp_path / "stick7")
    outcomes = exchange.import_path(town.store, town.paths, tmp_path / "stick7")
    assert [o.status for o in outcomes if o.status != "foreign"] == ["applied"]
    assert _numbers(town)["旧机后"] == _numbers(old)["旧机后"]
    _all_numbers_unique(town)
    for n in (town, old, new):
        n.dispose()

"""Sync: change capture, bundles, the merge rule, and every fault of issue 5's list."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid

import pytest
from sqlalchemy import delete, func, null, select, update

from app.models import ChangeLog, Resident, Setting, SyncConflict
from app.services import profile
from app.services.records import residents as records
from app.services.sync import bundle, capture, exchange
from app.tools import demo
from tests.synckit import (
    TODAY,
    copy_devices,
    county,
    dump,
    dump_everything,
    freeze,
    integrity,
    make_device,
    round_trip,
)

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def edit_resident(device, archive_no: str, **fields) -> None:
    with device.store.transaction() as s:
        r = s.scalar(select(Resident).where(Resident.archive_no == archive_no))
        inp = records.resident_input_from(r)
        for k, v in fields.items():
            setattr(inp, k, v)
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)


def resident_field(device, archive_no: str, name: str):
    with device.store.session() as s:
        return getattr(s.scalar(select(Resident).where(Resident.archive_no == archive_no)), name)


def first_archive(device) -> str:
    with device.store.session() as s:
        return s.scalar(select(Resident.archive_no).order_by(Resident.archive_no))


def one_way(d: dict) -> dict:
    """A village's records, without the township's own row (it arrives with the way back)."""
    return {k: v for k, v in d.items() if k != "township"}


@pytest.fixture(scope="module")
def county_with_residents(tmp_path_factory, db_backend):  # built once per module and database
    """A township and two villages that trust each other, with 25 and 15 demo residents: built
    once, and each test that needs them gets its own copy (`world`)."""
    town, (a, b) = county(tmp_path_factory.mktemp("county"))
    with a.store.transaction() as s:
        demo.generate_demo(s, 25, seed=5, today=TODAY)
    with b.store.transaction() as s:
        demo.generate_demo(s, 15, seed=6, today=TODAY)
    freeze(town, a, b)
    return [town, a, b]


@pytest.fixture
def world(county_with_residents, tmp_path):
    town, a, b = copy_devices(county_with_residents, tmp_path)
    yield town, a, b, tmp_path
    for d in (town, a, b):
        d.store.dispose()


def test_rows_from_before_sync_are_logged_once(tmp_path):
    (v,) = county(tmp_path, 1)[1]
    with v.store.transaction() as s:
        demo.generate_demo(s, 5, seed=1, today=TODAY)
    with v.store.transaction() as s:  # as an upgraded store from before sync has them
        s.execute(update(Resident).values(sync_clocks=null()))
        s.execute(delete(Setting).where(Setting.key == capture.UNTRACKED_LOGGED))
    with v.store.transaction() as s:
        assert capture.log_untracked(s) == 5
        assert capture.log_untracked(s) == 0  # recorded as done: later exchanges do not scan
    with v.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Resident).where(Resident.sync_clocks.is_(None))) == 0


def test_every_write_is_logged_in_its_own_transaction(tmp_path):
    (v,) = county(tmp_path, 1)[1]
    with v.store.transaction() as s:
        demo.generate_demo(s, 5, seed=1, today=TODAY)
    with v.store.session() as s:  # the demo writes in bulk around the ORM and logs its rows itself
        assert s.scalar(select(func.count()).select_from(Resident).where(Resident.sync_clocks.is_(None))) == 0
        assert (
            s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "resident")) == 5
        )
    with v.store.transaction() as s:
        assert capture.log_untracked(s) == 0  # nothing to backfill: no scan of the register
    archive = first_archive(v)
    with v.store.session() as s:
        before = s.scalar(select(func.max(ChangeLog.seq)))
    with pytest.raises(RuntimeError), v.store.transaction() as s:
        r = s.scalar(select(Resident).where(Resident.archive_no == archive))
        r.phone = "13700000000"
        s.flush()
        raise RuntimeError("power cut")
    with v.store.session() as s:
        assert s.scalar(select(func.max(ChangeLog.seq))) == before  # nothing logged that did not commit
    edit_resident(v, archive, phone="13700000000")
    with v.store.session() as s:
        last = s.scalar(
            select(ChangeLog).where(ChangeLog.entity == "resident").order_by(ChangeLog.seq.desc()).limit(1)
        )
        data = json.loads(last.data)
        assert last.entity == "resident" and data["v"]["phone"] == "13700000000"
        assert set(data["b"]) >= {"phone"} and last.scope == "110105001101"


def test_round_trip_converges_and_everything_is_acknowledged(world):
    town, a, b, tmp = world
    round_trip(town, [a, b], tmp, "1")
    archive = first_archive(a)
    with town.store.transaction() as s:  # the township corrects a village's record
        r = s.scalar(select(Resident).where(Resident.archive_no == archive))
        inp = records.resident_input_from(r)
        inp.phone, inp.current_address = "13912345678", "东风乡一村三组8号"
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)
    round_trip(town, [a, b], tmp, "2")
    assert resident_field(a, archive, "phone") == "13912345678"
    for v, code in ((a, "110105001101"), (b, "110105001102")):
        assert dump(v.store, code) == dump(town.store, code)
        assert v.unacked() == 0
    assert town.unacked() == 0
    # the other village never receives records that do not concern it
    assert dump(b.store, "110105001101")["resident"] == []


def test_same_bundle_twice_is_a_no_op(world):
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb")
    first = town.import_(path)
    snapshot = dump(town.store)
    second = town.import_(path)
    assert first[0].status == "applied" and second[0].status == "already"
    assert dump(town.store) == snapshot


@pytest.mark.slow
def test_out_of_order_and_lost_bundles_converge(world):
    town, a, _b, tmp = world
    archive = first_archive(a)
    (b1,) = a.export(tmp / "1")
    edit_resident(a, archive, phone="13600000001")
    (b2,) = a.export(tmp / "2")
    edit_resident(a, archive, phone="13600000002")
    (b3,) = a.export(tmp / "3")
    # b2 is lost; b3 arrives before b1
    town.import_(b3)
    town.import_(b1)
    assert resident_field(town, archive, "phone") == "13600000002"
    assert one_way(dump(town.store, "110105001101")) == one_way(dump(a.store, "110105001101"))
    # a lost bundle: its changes travel again in the next export until acknowledged
    edit_resident(a, archive, phone="13600000003")
    a.export(tmp / "lost")  # never delivered
    (again,) = a.export(tmp / "again")
    town.import_(again)
    assert resident_field(town, archive, "phone") == "13600000003"


def _rows_and_log(device):
    with device.store.session() as s:
        return dump(device.store), s.scalar(select(func.count()).select_from(ChangeLog))


def _assert_rejected(device, path, kind_words: str):
    before = _rows_and_log(device)
    (outcome,) = device.import_(path)
    assert outcome.status == "rejected", outcome
    words = (kind_words,) if isinstance(kind_words, str) else kind_words
    assert any(w in outcome.reason.render() for w in words), outcome.reason.render()
    assert _rows_and_log(device) == before
    assert path.exists()  # the user's own file stays on their stick
    if "不是村医同步包" in outcome.reason.render():  # no header read: nothing in it to keep
        assert outcome.quarantined is None
    else:  # a copy aside, with its reason
        assert outcome.quarantined and outcome.quarantined.exists()
        assert outcome.quarantined.read_bytes() == path.read_bytes()
        assert outcome.quarantined.with_name(outcome.quarantined.name + ".reason.txt").exists()
    return outcome


@pytest.mark.parametrize(
    "where", ["magic", "header", "signature", "ciphertext-start", "ciphertext-middle", "last-byte"]
)
def test_flipped_byte_is_rejected_and_nothing_applied(world, where):
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb")
    data = bytearray(path.read_bytes())
    header = bundle.read_header(path)
    at = {
        "magic": 3,
        "header": len(bundle.MAGIC) + 20,
        "signature": header.offset - 10,
        "ciphertext-start": header.offset + 5,
        "ciphertext-middle": header.offset + (len(data) - header.offset) // 2,
        "last-byte": len(data) - 1,
    }[where]
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
    words = {
        "magic": "不是村医同步包",
        "header": ("不是村医同步包", "签名不符"),  # unreadable JSON, or a changed value the signature catches
        "signature": ("签名不符", "不是村医同步包"),
    }.get(where, "损坏")
    _assert_rejected(town, path, words)


@pytest.mark.parametrize("fraction", [0.01, 0.3, 0.5, 0.9, 0.999])
def test_truncated_bundle_is_rejected(world, fraction):
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb")
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    _assert_rejected(town, path, ("不完整", "不是村医同步包"))  # cut in the data, or in the header


@pytest.mark.parametrize("extra", [b"\x00", b"junk" * 1000])
def test_bytes_appended_to_a_bundle_are_named_as_such(world, extra):
    """Bytes after a bundle's end are refused as bytes too many, not as a cut copy."""
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb")
    path.write_bytes(path.read_bytes() + extra)
    _assert_rejected(town, path, f"文件末尾多出 {len(extra)} 字节")


def test_bundle_for_another_device_is_skipped(world):
    town, a, b, tmp = world
    (to_town,) = a.export(tmp / "usb")
    (outcome,) = b.import_(to_town)
    assert outcome.status == "foreign" and "其他设备" in outcome.reason.render()
    assert to_town.exists()  # left for its recipient


def test_unknown_and_revoked_senders_are_refused(world, tmp_path):
    town, a, _b, tmp = world
    stranger = make_device(tmp_path / "x", "陌生村", "village", "110105001103")
    stranger.trust(town)
    (path,) = stranger.export(tmp / "stranger")
    _assert_rejected(town, path, "未受信任")
    with town.store.transaction() as s:
        from app.services.sync import keys

        keys.revoke(s, "110105001101")
    (path,) = a.export(tmp / "revoked")
    _assert_rejected(town, path, "撤销")


def test_a_revoked_device_is_not_trusted_again_by_its_old_card(world):
    """Revocation is for a PC lost, stolen or no longer safe.  Its old card (on sticks, in folders)
    brought it back in one step, without a word, and the bundles its key had signed were imported
    again (a tester's revoked village: 已导入 40 条)."""
    from app.services.errors import UserError
    from app.services.sync import keys

    town, a, _b, tmp = world
    (signed_before,) = a.export(tmp / "before")
    with town.store.transaction() as s:
        keys.revoke(s, "110105001101")
    with pytest.raises(UserError) as refused:
        town.trust(a)
    said = refused.value.render()
    assert "已于" in said and "被撤销信任" in said and "新的设备身份" in said, said
    with town.store.session() as s:
        assert keys.find_peer(s, "110105001101").revoked_at is not None  # still revoked
    _assert_rejected(town, signed_before, "撤销")


@pytest.mark.parametrize(
    "edit",
    [
        {"code": "110105001102", "name": "二村"},  # another village of the township
        {"role": "county", "code": "110105", "name": "朝阳区卫健委"},  # the township's county
        {"device_id": "01a242aa-0000-7000-8000-000000000001"},  # a device id of its own, the keys a's
    ],
    ids=["other-village", "county", "new-device-id"],
)
def test_a_card_edited_to_another_place_is_not_trusted(world, tmp_path, edit):
    """What a card says of its place is outside its fingerprint: a tester edited village 101's
    card to 102's code, and the township trusted it again without a word (the fingerprint read out
    was 101's own).  101's key then changed 102's residents, and the township's next bundle to it
    carried all of 102: 445 changes, names and ID numbers.  Edited to the county's code, it would
    have received everything.  A known device stays where it was trusted; its keys are its own."""
    import json

    from app.services.errors import UserError
    from app.services.sync import keys

    town, a, b, tmp = world
    card = json.loads(a.card().read_text(encoding="utf-8"))
    card.update(edit)
    forged = tmp_path / "forged.card.json"
    forged.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
    before = dump_everything(town.store)
    with pytest.raises(UserError, match="与卡的签名不符：卡被改动过，未信任"), town.store.transaction() as s:
        keys.trust(s, keys.read_card(forged))  # (its signature: test_a_card_edited_before_its_first_trust…)
    # and trust itself, given such a card whatever its signature says, keeps a known device where it is
    with pytest.raises(UserError) as refused, town.store.transaction() as s:
        keys.trust(s, keys.DeviceCard(**card))
    said = refused.value.render()
    assert "未信任" in said and ("110105001101" in said or "一村" in said or a.device_id.hex[:8] in said), (
        said
    )
    assert dump_everything(town.store) == before
    with town.store.session() as s:
        peer = keys.find_peer(s, "110105001101")
        assert peer.device_id == a.device_id and peer.code == "110105001101" and peer.role == "village"
    # a's own card, unchanged, is trusted again as before (a second trust of the same card)
    town.trust(a)


def test_refused_files_stay_on_the_stick(world, tmp_path):
    """`sync import` moved refused files off the user's stick into quarantine, and kept the newest
    20 of those it could not verify: 50 files of the user's named *.cyb, and all but 20 were gone
    for good.  A refused bundle is copied aside (with its reason); junk is left alone."""
    from app.services.sync import keys

    town, a, _b, tmp = world
    stick = tmp_path / "stick"
    stick.mkdir()
    junk = [stick / f"note{i}{bundle.SUFFIX}" for i in range(30)]
    for i, f in enumerate(junk):
        f.write_bytes(b"my own file %d" % i)
    (bundle_path,) = a.export(stick)
    with town.store.transaction() as s:
        keys.revoke(s, "110105001101")
    outcomes = town.import_(stick)
    assert len(outcomes) == 31 and {o.status for o in outcomes} == {"rejected"}
    assert all(f.read_bytes() == b"my own file %d" % i for i, f in enumerate(junk))  # every one still there
    assert bundle_path.exists()
    (aside,) = [o.quarantined for o in outcomes if o.quarantined is not None]
    assert aside.read_bytes() == bundle_path.read_bytes()
    assert "撤销" in aside.with_name(aside.name + ".reason.txt").read_text(encoding="utf-8")
    assert not list(town.paths.sub("quarantine").rglob("note*"))


def test_a_stick_imported_again_lists_and_keeps_each_refused_file_once(world, tmp_path):
    """Refused files stay on the stick, so the next import of the stick refuses them again: each
    import added a history row per file and another copy of the bundle in quarantine (name.1.cyb,
    name.2.cyb …).  Now the history lists each refusal once, at its latest time, and quarantine
    holds one copy; a different file of the same name is a refusal of its own."""
    from app.models import BundleRecord
    from app.services.sync import keys

    town, a, _b, tmp = world
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / f"note{bundle.SUFFIX}").write_bytes(b"my own file")
    (bundle_path,) = a.export(stick)
    with town.store.transaction() as s:
        keys.revoke(s, "110105001101")

    def refusals():
        with town.store.session() as s:
            rows = s.scalars(select(BundleRecord).where(BundleRecord.direction == "rejected")).all()
            return sorted((r.file_name, r.at) for r in rows)

    town.import_(stick)
    first = refusals()
    town.import_(stick)
    again = refusals()
    assert (
        [name for name, _at in again]
        == [name for name, _at in first]
        == sorted([bundle_path.name, f"note{bundle.SUFFIX}"])
    )
    assert all(later >= earlier for (_n, earlier), (_m, later) in zip(first, again, strict=True))
    kept = list(town.paths.sub("quarantine").rglob(f"*{bundle.SUFFIX}"))
    assert [k.name for k in kept] == [bundle_path.name]
    assert bundle_path.exists()
    (stick / f"note{bundle.SUFFIX}").write_bytes(b"another file of mine")  # same name, other bytes
    town.import_(stick)
    assert [name for name, _at in refusals()].count(f"note{bundle.SUFFIX}") == 2


def test_newer_schema_is_refused_with_a_clear_message(world, monkeypatch):
    town, a, _b, tmp = world
    monkeypatch.setattr(exchange, "wire_revision", lambda: "0999")
    (path,) = a.export(tmp / "usb")
    monkeypatch.undo()
    outcome = _assert_rejected(town, path, "更新")
    assert "0999" in outcome.reason.render()


def test_a_device_behind_by_storage_only_upgrades_still_takes_the_bundles(world, monkeypatch):
    """A bundle declares the newest schema that changed what bundles carry, not the store's: after
    an upgrade that only changes how rows are kept (dates as day numbers, 0024), a village that
    has not upgraded yet must still take its township's bundles (it refused them as "newer").
    0020–0025 only change how rows are kept (an index, compact clocks, drugs, change-log clocks,
    dates, names): a device of 0019 took the bundles of 0025's (tried with that version's code:
    both ways, every synced row the same on both sides).  0026 adds a field to what a plan carries; 0027
    is an index; 0028 a local column of a peer's; 0029 derives local summaries again; 0030 renumbers
    the health check's symptoms (what a bundle's check means: older devices refuse)."""
    from app import db

    marked = {rev for rev, v in db._version_files().items() if v.bundles_unchanged}
    assert marked == {"0020", "0021", "0022", "0023", "0024", "0025", "0027", "0028", "0029"}
    assert (
        db.wire_revision() == "0030" and db.head_revision() == "0030"
    )  # (0030: symptoms renumbered: older devices refuse)
    monkeypatch.setattr(db, "head_revision", lambda: "0025")  # the store as it was before 0026
    assert db.wire_revision() == "0019"
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb")
    monkeypatch.undo()
    # the township as a version that knows schemas up to 0019 only
    monkeypatch.setattr(exchange, "head_revision", lambda: "0019")
    monkeypatch.setattr(db, "_known_revision", lambda rev: rev <= "0019")
    (outcome,) = town.import_(path)
    assert outcome.status == "applied" and outcome.applied > 0, outcome


@pytest.mark.slow
def test_concurrent_edits_keep_both_values_and_converge(world):
    town, a, b, tmp = world
    round_trip(town, [a, b], tmp, "1")
    archive = first_archive(a)
    edit_resident(a, archive, phone="13100000001")  # the village and the township, same field,
    edit_resident(town, archive, phone="13100000002")  # neither seeing the other
    round_trip(town, [a, b], tmp, "2")
    final = resident_field(town, archive, "phone")
    assert final == resident_field(a, archive, "phone") == "13100000002"  # the later write wins
    assert dump(a.store, "110105001101") == dump(town.store, "110105001101")
    with town.store.session() as s:
        c = s.scalar(select(SyncConflict).where(SyncConflict.kind == "field"))
        assert c.field == "phone" and json.loads(c.lost_value) == "13100000001"
    # township staff bring the village's value back: it wins everywhere after a round trip
    from app.services.sync import conflicts

    with town.store.transaction() as s:
        conflicts.resolve(s, c.id, "lost")
    round_trip(town, [a, b], tmp, "3")
    assert resident_field(a, archive, "phone") == resident_field(town, archive, "phone") == "13100000001"
    assert town.status()["conflicts_open"] == 0


@pytest.mark.parametrize(("village_first", "township_edits"), [(True, 1), (True, 2), (True, 3), (False, 2)])
def test_a_village_edit_the_township_never_saw_is_a_conflict_however_often_it_edited(
    world, village_first, township_edits
):
    """The village edits a phone; the township edits it once or more, never having seen that
    edit, then imports it: the value that loses is in the conflict list, never silently gone
    (the township's second edit used to count as having seen every older write)."""
    town, a, b, tmp = world
    round_trip(town, [a, b], tmp, "1")
    archive = first_archive(a)
    if village_first:
        edit_resident(a, archive, phone="13100000001")
    for i in range(township_edits):
        edit_resident(town, archive, phone=f"1320000000{i}")
    if not village_first:
        edit_resident(a, archive, phone="13100000001")
    (path,) = a.export(tmp / "up")
    town.import_(path)
    with town.store.session() as s:
        found = s.scalars(select(SyncConflict).where(SyncConflict.kind == "field")).all()
    assert [c.field for c in found] == ["phone"]
    values = {json.loads(found[0].lost_value), json.loads(found[0].kept_value)}
    assert values == {"13100000001", f"1320000000{township_edits - 1}"}
    # the township's own later edit, having seen the village's value now, conflicts with nothing
    edit_resident(town, archive, phone="13300000000")
    round_trip(town, [a, b], tmp, "2")
    with town.store.session() as s:
        assert len(s.scalars(select(SyncConflict).where(SyncConflict.kind == "field")).all()) == 1
    assert resident_field(a, archive, "phone") == resident_field(town, archive, "phone") == "13300000000"


def test_ticked_boxes_changed_later_replace_the_townships(world):
    """A resident the township already holds gets other boxes ticked at the village (allergies,
    payment): the township ends with exactly the village's boxes, none of the old ones left
    beside them, on either database."""
    town, a, b, tmp = world
    round_trip(town, [a], tmp, "1")
    archive = first_archive(a)
    edit_resident(a, archive, allergy=["2", "4"], payment=["1", "8"], payment_other="商业保险")
    (path,) = a.export(tmp / "up")
    town.import_(path)

    def boxes(device):
        with device.store.session() as s:
            r = s.scalar(select(Resident).where(Resident.archive_no == archive))
            return sorted((c.field, c.code, c.note) for c in r.choices if c.field in ("allergy", "payment"))

    assert boxes(town) == boxes(a)
    assert [code for field, code, _ in boxes(town) if field == "allergy"] == ["2", "4"]


def test_edits_that_saw_each_other_are_no_conflict(world):
    """The village edits a field twice, the township then edits it having imported both: a chain
    of writes each of which knew the last, on both sides, with no conflict anywhere."""
    town, a, b, tmp = world
    round_trip(town, [a, b], tmp, "1")
    archive = first_archive(a)
    edit_resident(a, archive, phone="13100000001")
    edit_resident(a, archive, phone="13100000002")
    round_trip(town, [a, b], tmp, "2")
    edit_resident(town, archive, phone="13100000003")
    edit_resident(town, archive, phone="13100000004")
    round_trip(town, [a, b], tmp, "3")
    edit_resident(a, archive, phone="13100000005")
    round_trip(town, [a, b], tmp, "4")
    for device in (town, a):
        with device.store.session() as s:
            assert s.scalars(select(SyncConflict)).all() == []
    assert resident_field(a, archive, "phone") == resident_field(town, archive, "phone") == "13100000005"


@pytest.mark.slow
@pytest.mark.parametrize("years", [1, -1])
def test_a_village_clock_a_year_off_converges_with_a_warning(world, monkeypatch, years):
    town, a, b, tmp = world
    real = capture.wall_ms
    offset = years * 365 * 86_400_000
    monkeypatch.setattr(capture, "wall_ms", lambda: real() + offset)
    # A resident whose record holds no date later than the skewed PC's calendar (a PC a year behind
    # refuses, rightly, to save a record dated after its "today").
    with a.store.session() as s:
        archive = s.scalar(
            select(Resident.archive_no)
            .where(
                Resident.contract_signed_on.is_(None), Resident.enrolled_on < TODAY - dt.timedelta(days=400)
            )
            .order_by(Resident.archive_no)
        )
    edit_resident(a, archive, phone="13500000001")
    (path,) = a.export(tmp / "skewed")
    monkeypatch.setattr(capture, "wall_ms", real)
    (outcome,) = town.import_(path)
    if years > 0:  # refused, naming the village's PC; once its clock is right, its edit travels
        assert outcome.status == "rejected"
        assert "110105001101 村1 的电脑时钟有误" in outcome.reason.render()
        (path,) = a.export(tmp / "fixed")
        (outcome,) = town.import_(path)
    assert outcome.status == "applied"
    edit_resident(town, archive, current_address="东风乡一村五组1号")
    round_trip(town, [a, b], tmp, "after")
    assert dump(a.store, "110105001101") == dump(town.store, "110105001101")
    assert resident_field(town, archive, "phone") == "13500000001"
    if years > 0:  # nobody's clock is blamed once it is right
        assert town.status()["clock_warnings"] == [] and a.status()["clock_warnings"] == []
    else:  # the village's clock is behind what it has seen: it is told so
        monkeypatch.setattr(capture, "wall_ms", lambda: real() + offset)
        assert any("晚约" in w.render() for w in a.status()["clock_warnings"])


@pytest.mark.slow
def test_duplicate_id_numbers_across_villages_are_listed_not_merged(world):
    town, a, b, tmp = world
    with a.store.session() as s:
        r = s.scalar(select(Resident).where(Resident.id_number.is_not(None)).order_by(Resident.archive_no))
        id_number, name = r.id_number, r.name
    with b.store.transaction() as s:
        inp = records.ResidentInput(
            name=name, id_number=id_number, current_address="东风乡二村一组", phone="13300000000"
        )
        records.save_resident(s, inp, today=TODAY)
    round_trip(town, [a, b], tmp, "1")
    with town.store.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(Resident).where(Resident.id_number == id_number)) == 2
        )
        dup = s.scalar(select(SyncConflict).where(SyncConflict.kind == "duplicate"))
        assert dup is not None and dup.resolved_at is None


@pytest.mark.slow
def test_status_reports_per_peer_figures(world):
    town, a, _b, tmp = world
    st = a.status()
    (peer,) = st["peers"]
    assert peer.code == "110105001" and peer.unacknowledged > 0 and peer.last_export_at is None
    round_trip(town, [a], tmp, "1")
    st = a.status()
    assert st["peers"][0].unacknowledged == 0 and st["peers"][0].last_import_at is not None
    assert st["high_water"][a.device_id.hex] == st["sequence"]


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_export_needs_a_trusted_peer_and_an_existing_folder(tmp_path):
    lone = make_device(tmp_path, "孤村", "village", "110105001101")
    with pytest.raises(exchange.UserError, match="文件夹不存在"):
        exchange.export_bundles(lone.store, lone.paths, tmp_path / "no-stick" / "cunyi")
    (tmp_path / "usb").mkdir()
    with pytest.raises(exchange.UserError, match="还没有信任"):
        exchange.export_bundles(lone.store, lone.paths, tmp_path / "usb")


def test_keys_are_owner_only_and_cards_verify(tmp_path):
    import stat

    from app.services.sync import keys

    town, (a,) = county(tmp_path, 1)
    for f in (a.paths.sub("keys")).iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert stat.S_IMODE(a.paths.sub("keys").stat().st_mode) == 0o700
    card = a.card()
    data = json.loads(card.read_text())
    data["enc_key"] = json.loads(town.card().read_text())["enc_key"]  # swapped key, old fingerprint
    card.write_text(json.dumps(data))
    with pytest.raises(keys.UserError, match="指纹"):
        keys.read_card(card)
    card.write_text("not a card")
    with pytest.raises(keys.UserError, match="不是村医设备卡"):
        keys.read_card(card)


def test_bundle_contents_are_encrypted(world):
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb")
    with a.store.session() as s:
        name = s.scalar(select(Resident.name).order_by(Resident.archive_no))
    raw = path.read_bytes()
    assert name.encode() not in raw and b"resident" not in raw
    copy = tmp / "copy.cyb"
    shutil.copy(path, copy)
    assert bundle.read_header(copy).recipient == town.device_id


def test_pending_ops_wait_for_their_row(world):
    """An edit whose record has not arrived yet waits, then applies when the record comes."""
    town, a, _b, tmp = world
    (first,) = a.export(tmp / "1")
    town.import_(first)
    with a.store.transaction() as s:
        inp = records.ResidentInput(
            name="新来", id_number="", sex="1", birth_date="1960-01-01", current_address="一村"
        )
        r = records.save_resident(s, inp, today=TODAY)
        archive = r.archive_no
    (made,) = a.export(tmp / "2")
    edit_resident(a, archive, phone="13200000000")
    # hand-made situation: a bundle with only the edit (as a relay through a third device could)
    with a.store.session() as s:
        me = profile.get_profile(s).device_id
        edit = s.scalar(
            select(ChangeLog)
            .where(ChangeLog.origin == me, ChangeLog.entity == "resident")
            .order_by(ChangeLog.seq.desc())
            .limit(1)
        )
    stats = __import__("app.services.sync.merge", fromlist=["x"]).ApplyStats()
    from app.services.sync import merge

    with town.store.transaction() as s:
        op = {
            "o": edit.origin.hex,
            "s": edit.seq,
            "e": edit.entity,
            "r": edit.row_id.hex,
            "h": edit.hlc,
            "c": edit.scope,
            "u": None,
            "d": edit.data,
        }
        merge.log_ops(s, [op])
        merge.apply_ops(s, [dict(op)], stats)
    assert stats.pending == 1
    town.import_(made)
    assert resident_field(town, archive, "phone") == "13200000000"
    assert town.status()["pending"] == 0
    assert integrity(town.store) == "ok"
    _ = uuid


def test_escrow_key_opens_every_bundle(world, tmp_path):
    """The county's escrow identity can decrypt a bundle addressed to the township."""
    import pyrage

    from app.services import settings
    from app.services.sync import keys

    town, a, _b, tmp = world
    escrow = pyrage.x25519.Identity.generate()
    with pytest.raises(keys.UserError, match="age"):
        keys.escrow_recipient("not-a-key")
    with a.store.transaction() as s:
        settings.put(s, settings.ESCROW_KEY, keys.escrow_recipient(str(escrow.to_public())))
    (path,) = a.export(tmp / "usb")
    header = bundle.read_header(path)
    with bundle.open_bundle(path, header, escrow, tmp_path / "work") as opened:
        assert opened.manifest["recipient"] == town.device_id.hex
        assert sum(1 for _ in opened.ops()) == opened.manifest["ops"]
    assert town.import_(path)[0].status == "applied"  # the recipient still opens it


def test_deleted_rows_travel_as_tombstones(world):
    from app.models import Household, Village

    town, a, b, tmp = world
    with a.store.transaction() as s:
        village = s.scalar(select(Village).where(Village.code == "110105001101"))
        hh = Household(village_id=village.id, address="待拆除的空户")
        s.add(hh)
        s.flush()
        hh_id = hh.id
    round_trip(town, [a, b], tmp, "1")
    with town.store.session() as s:
        assert s.get(Household, hh_id) is not None
    with a.store.transaction() as s:
        s.delete(s.get(Household, hh_id))
    round_trip(town, [a, b], tmp, "2")
    with town.store.session() as s:
        assert s.get(Household, hh_id) is None
    assert dump(a.store, "110105001101") == dump(town.store, "110105001101")


@pytest.mark.slow  # each wrap and unwrap is an age scrypt at rage's own work factor (~1 s; not settable)
def test_device_keys_can_be_wrapped_with_a_passphrase(world, monkeypatch):
    from app.services.sync import keys

    town, a, _b, tmp = world
    kd = a.paths.sub("keys")
    with a.store.transaction() as s:
        with pytest.raises(keys.UserError, match="至少8"):
            keys.protect(s, kd, "short")
        keys.protect(s, kd, "村医口令-2026")
    assert keys.is_protected(kd)
    assert b"AGE-SECRET-KEY" not in (kd / keys.AGE_FILE).read_bytes()  # nothing in clear on disk
    keys._unlocked.clear()  # a new session of the app
    monkeypatch.delenv(keys.PASSPHRASE_ENV, raising=False)
    with pytest.raises(keys.KeysLocked, match="口令"):
        a.export(tmp / "locked")
    with pytest.raises(keys.KeysLocked, match="不正确"):
        keys.unlock(kd, "wrong passphrase")
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "村医口令-2026")
    (path,) = a.export(tmp / "open")
    assert town.import_(path)[0].status == "applied"  # same keys: the township still trusts them
    with a.store.transaction() as s:
        keys.protect(s, kd, None)
    assert not keys.is_protected(kd)


def test_a_card_edited_before_its_first_trust_is_refused_by_its_signature(tmp_path):
    """Never trusted before, village 101's card edited to 102's code passed: the fingerprint read
    over the phone covers the keys only (it was 101's own).  The card's identity is signed by its
    key: an edited one, or one without a signature, is refused and nothing is trusted."""
    import json

    from app.models import Peer
    from app.services.errors import UserError
    from app.services.sync import keys

    town, (a,) = county(tmp_path / "c", villages=1)
    with town.store.transaction() as s:
        s.query(Peer).delete()
    genuine = json.loads(a.card().read_text(encoding="utf-8"))
    for edit, said in (
        ({"code": "110105001102", "name": "二村"}, "与卡的签名不符：卡被改动过，未信任"),
        ({"institution": "二村卫生室"}, "与卡的签名不符"),
        ({"card_sig": ""}, "没有签名"),
    ):
        forged = tmp_path / "forged.card.json"
        forged.write_text(json.dumps({**genuine, **edit}, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(UserError, match=said):
            keys.read_card(forged)
    with town.store.session() as s:
        assert s.query(Peer).count() == 0
    town.trust(a)  # the card as exported


def _id_card(birth: str, serial: str) -> str:
    """A valid ID card number of Chaoyang, Beijing, born ``birth`` (YYYYMMDD)."""
    from stdnum.cn import ric

    body = f"110105{birth}{serial}"
    return body + ric.calc_check_digit(body + "0")


def test_bringing_back_an_id_number_that_lost_brings_its_birth_date_and_sex(world):
    """Found by the attacker: the township chose the ID number that lost a conflict, and only the
    number came back: the record's birth date and sex contradicted it, and the village refused
    every bundle of the township after it, for good.  The number now comes back with the birth
    date and sex it says, as the form fills them, and the village takes the decision."""
    from app.services.sync import conflicts

    town, a, b, tmp = world
    round_trip(town, [a, b], tmp, "1")
    archive = first_archive(a)
    village_id, township_id = _id_card("19800101", "124"), _id_card("19970625", "562")
    edit_resident(a, archive, id_number=village_id, birth_date="1980-01-01", sex="2")
    edit_resident(town, archive, id_number=township_id, birth_date="1997-06-25", sex="2")
    round_trip(town, [a, b], tmp, "2")
    with town.store.session() as s:
        c = s.scalar(
            select(SyncConflict).where(SyncConflict.kind == "field", SyncConflict.field == "id_number")
        )
        assert c is not None and json.loads(c.lost_value) == village_id
    with town.store.transaction() as s:
        conflicts.resolve(s, c.id, "lost")
    assert resident_field(town, archive, "id_number") == village_id
    assert resident_field(town, archive, "birth_date") == dt.date(1980, 1, 1)
    town.export(tmp / "3-down")
    taken = a.import_(tmp / "3-down")
    assert [o.status for o in taken if o.status != "foreign"] == ["applied"], [
        (o.status, o.reason and o.reason.render()) for o in taken
    ]
    assert resident_field(a, archive, "id_number") == village_id
    assert resident_field(a, archive, "birth_date") == dt.date(1980, 1, 1)


def test_bringing_back_a_birth_date_the_id_number_contradicts_is_refused(world):
    """A birth date (or sex) that lost, brought back alone against the number the record keeps,
    would leave the record contradicting itself: refused, saying to correct the record itself."""
    from app.services.errors import UserError
    from app.services.sync import conflicts

    town, a, b, tmp = world
    round_trip(town, [a, b], tmp, "1")
    with town.store.transaction() as s:
        r = s.scalar(
            select(Resident).where(Resident.id_type == "1", Resident.id_number.is_not(None)).limit(1)
        )
        archive = r.archive_no
        kept = r.birth_date
        s.add(SyncConflict(kind="field", entity="resident", row_id=r.id, field="birth_date",
                           kept_value=json.dumps(r.birth_date.isoformat()), lost_value=json.dumps("1931-02-03"),
                           ))  # fmt: skip
    with town.store.session() as s:
        c = s.scalar(select(SyncConflict).where(SyncConflict.field == "birth_date"))
    with pytest.raises(UserError, match="不能只换回出生日期"), town.store.transaction() as s:
        conflicts.resolve(s, c.id, "lost")
    assert resident_field(town, archive, "birth_date") == kept


@pytest.mark.sqlite_only
def test_a_merged_visit_is_stored_as_the_village_stores_it(world):
    """Found by the attacker: the township kept a merged visit's drugs as JSON text with sorted keys
    (the compact ``=[[…]]`` form, 38 bytes a drug less, lost) and an insulin never filled as JSON
    ``null`` text, where the village keeps SQL NULL (``insulin IS NULL`` told the stores apart)."""
    import sqlite3

    from app.services.programmes import followup

    town, a, b, tmp = world
    with a.store.transaction() as s:  # a visit typed in the form (the demo's are written otherwise)
        r = s.scalars(select(Resident).where(Resident.archive_no.startswith("110105001101"))).first()
        followup.save_visit(
            s,
            r,
            followup.VisitInput(visit_date=TODAY.isoformat(), measurements={"sbp": "132", "dbp": "84"}),
            today=TODAY,
            enrol_if_needed=True,
        )
    round_trip(town, [a, b], tmp, "1")
    sql = (
        "SELECT hex(v.id), v.drugs, v.insulin, v.provincial FROM followup_visit v JOIN resident r "
        "ON r.id = v.resident_id WHERE r.archive_no LIKE ? ORDER BY 1"
    )
    rows = {}
    for device in (a, town):
        with sqlite3.connect(device.paths.db_file) as c:
            rows[device.name] = c.execute(sql, ("110105001101%",)).fetchall()  # (A's residents)
    assert rows[a.name] and rows[a.name] == rows[town.name]
    assert any(r[1] and r[1].startswith("=") for r in rows[town.name])
    assert not any(value == "null" for r in rows[town.name] for value in r[2:])

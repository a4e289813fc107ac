"""Trust at every boundary: a trusted device speaks only for what it may write.

Each fault test seals a bundle by hand with the sender's REAL keys (so signature, recipient and
trust all pass) and puts one overstepping op or claim in it: the whole bundle is quarantined with a
reason naming the op, nothing in the receiver changes (every table, change_log included), and a
legitimate bundle after it still applies.  Then: nothing of a forgery is relayed on, and no
plaintext of a bundle is ever left on the disk.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, BundleRecord, ChangeLog, Resident, SyncState, Village, org_id
from app.services.errors import Message
from app.services.records import residents as records
from app.services.sync import bundle, capture
from app.services.sync.exchange import Sender, refusal
from app.tools import demo
from tests.synckit import (
    TODAY,
    TOWN,
    VILLAGES,
    change_op,
    county,
    craft_bundle,
    dump_everything,
    first_resident,
)

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

A, B = VILLAGES[0], VILLAGES[1]
FORGED_PHONE = "13999999999"


# ------------------------------------------------------------------------ the rule, as a table

VA = Sender("village", A, "a" * 32)
TW = Sender("township", TOWN, "t" * 32)


def _op(origin: str, entity: str = "resident", scope: str = A) -> dict:
    return {"o": origin, "s": 1, "e": entity, "r": "f" * 32, "h": "", "c": scope, "d": {"v": {}, "b": ""}}


@pytest.mark.parametrize(
    ("sender", "op", "scopes", "why"),
    [
        # a village: its own changes to its own village's records
        (VA, _op("a" * 32), {}, None),
        (VA, _op("a" * 32), {"stored": A}, None),
        (VA, _op("a" * 32), {"new": A}, None),
        (VA, _op("a" * 32, "audit_log"), {"new": A}, None),
        (VA, _op("a" * 32, "village"), {"stored": A}, None),
        (VA, _op("b" * 32), {"stored": A}, ("origin", "")),  # another device's change
        (VA, _op("a" * 32, scope=B), {}, ("declared", B)),  # says it is B's
        (VA, _op("a" * 32, scope=TOWN), {}, ("declared", TOWN)),  # the township's
        (VA, _op("a" * 32), {"stored": B}, ("stored", B)),  # B's row, said to be A's
        (VA, _op("a" * 32), {"stored": A, "new": B}, ("new", B)),  # moves A's row to B
        (VA, _op("a" * 32), {"new": B}, ("new", B)),  # a new row for B's resident
        (VA, _op("a" * 32, "township", TOWN), {}, ("writer", "")),  # only a township names itself
        (VA, _op("a" * 32, "no_such_table"), {}, ("entity", "")),
        # a township: any origin, within its township
        (TW, _op("b" * 32, scope=B), {"stored": B}, None),
        (TW, _op("t" * 32, "township", TOWN), {"stored": TOWN}, None),
        (TW, _op("t" * 32, scope="110106002101"), {}, ("declared", "110106002101")),
        (TW, _op("t" * 32), {"stored": "110106002101"}, ("stored", "110106002101")),
        (TW, _op("t" * 32), {"new": ""}, ("new", "")),
        (TW, _op("t" * 32, scope=""), {}, ("declared", "")),
    ],
)
@pytest.mark.sqlite_only  # no store: pure rules
def test_who_may_carry_which_change(sender, op, scopes, why):
    assert refusal(sender, op, scopes) == why


# ------------------------------------------------------------------------------- the county


def seq_of(device) -> int:
    with device.store.session() as s:
        return s.scalar(select(SyncState.seq))


a_resident = first_resident


def op(device, seq: int, entity: str, row, scope: str, values: dict, bases="", *, origin=None) -> dict:
    """One change as ``device`` would log it (origin: another device's id, to forge)."""
    origin = origin or device.device_id
    return {
        "o": origin.hex,
        "s": seq,
        "e": entity,
        "r": row.hex,
        "h": capture.hlc_text(capture.wall_ms(), 0, origin),
        "c": scope,
        "u": None,
        "d": {"v": values, "b": bases},
    }


def legit_edit(a) -> dict:
    """A real change of A: its own resident's address, as its change log holds it."""
    resident = a_resident(a, A)
    with a.store.transaction() as s:
        r = s.get(Resident, resident.id)
        inp = records.resident_input_from(r)
        inp.current_address = "东风乡一村八组8号"
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)
    with a.store.session() as s:
        row = s.scalar(
            select(ChangeLog)
            .where(ChangeLog.origin == a.device_id, ChangeLog.entity == "resident")
            .order_by(ChangeLog.seq.desc())
            .limit(1)
        )
        return change_op(row)


def assert_quarantined(receiver, path: Path, *words: str) -> str:
    before = dump_everything(receiver.store)
    (outcome,) = receiver.import_(path)
    reason = outcome.reason.render() if outcome.reason else ""
    assert outcome.status == "rejected", (outcome.status, reason)
    assert "越权" in reason or "清单" in reason or "时钟" in reason or "不合格" in reason, reason
    for w in words:
        assert w in reason, (w, reason)
    assert dump_everything(receiver.store) == before  # every table, change_log included
    assert outcome.quarantined and outcome.quarantined.exists()
    assert reason in outcome.quarantined.with_name(outcome.quarantined.name + ".reason.txt").read_text(
        "utf-8"
    )
    with receiver.store.session() as s:
        rejected = s.scalar(
            select(BundleRecord).where(BundleRecord.direction == "rejected").order_by(BundleRecord.id.desc())
        )
        # kept as its message (read in the reader's language): the same words
        assert rejected is not None and Message.from_stored(rejected.reason, "Sync").render() == reason
    return reason


def assert_still_works(sender, receiver, tmp: Path) -> None:
    """A legitimate bundle from the same sender, after the refused one, applies."""
    if sender.status()["role"] == "village":
        legit_edit(sender)
    (path,) = sender.export(tmp / "legit", peer=receiver.device_id.hex, always=True)
    (outcome,) = receiver.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()


# ----------------------------------------------------------------------- village → township


def _forgeries(town, a, b):
    """Each forgery: (name, ops, extra manifest claims, words its reason must hold)."""
    n = seq_of(a) + 1
    theirs = a_resident(b, B)  # a resident of village B, which the township holds
    mine = a_resident(a, A)
    b_name = f"{B} 村2"
    new_id = org_id("test", "forged row")
    with town.store.session() as s:
        town_seq = s.scalar(select(SyncState.seq))
    return {
        "an op of origin B": (
            [
                op(
                    a,
                    seq_of(b) + 1,
                    "resident",
                    theirs.id,
                    B,
                    {"phone": FORGED_PHONE},
                    {"phone": ""},
                    origin=b.device_id,
                )
            ],
            {},
            ("resident", theirs.id.hex, b_name, "本机做的变更"),
        ),
        "origin A, scope B": (
            [op(a, n, "resident", theirs.id, B, {"phone": FORGED_PHONE}, {"phone": ""})],
            {},
            ("resident", theirs.id.hex, f"标明属于 {B}"),
        ),
        "scope A, a B resident's row": (
            [
                op(
                    a,
                    n,
                    "resident",
                    theirs.id,
                    A,
                    {"phone": FORGED_PHONE, "current_address": "假地址"},
                    {"phone": ""},
                )
            ],
            {},
            ("resident", theirs.id.hex, f"在本机属于 {B}"),
        ),
        "a new visit for a B resident": (
            [
                op(
                    a,
                    n,
                    "followup_visit",
                    new_id,
                    A,
                    {"resident_id": theirs.id.hex, "program": "htn", "visit_date": "2026-11-20"},
                )
            ],
            {},
            ("followup_visit", new_id.hex, f"按其内容属于 {B}"),
        ),
        "a void of a B resident": (
            [op(a, n, "resident", theirs.id, A, {"voided": True, "void_reason": "重复建档"}, {"voided": ""})],
            {},
            ("resident", theirs.id.hex, f"在本机属于 {B}"),
        ),
        "a fake audit entry of origin B": (
            [
                op(
                    a,
                    seq_of(b) + 1,
                    "audit_log",
                    new_id,
                    B,
                    {"action": "login", "username": "admin", "scope_code": TOWN, "at": "2026-11-20T08:00:00"},
                    origin=b.device_id,
                )
            ],
            {},
            ("audit_log", new_id.hex, b_name),
        ),
        "an audit entry of A about B": (
            [op(a, n, "audit_log", new_id, A, {"action": "login", "username": "admin", "scope_code": B})],
            {},
            ("audit_log", new_id.hex, f"按其内容属于 {B}"),
        ),
        "an audit entry of A in the township's name": (
            [
                op(
                    a,
                    n,
                    "audit_log",
                    new_id,
                    A,
                    {
                        "action": "void",
                        "username": "staff",
                        "scope_code": A,
                        "at": "2026-11-20T08:00:00",
                        "device_id": town.device_id.hex,
                    },
                )
            ],
            {},
            ("audit_log", new_id.hex, "以自己的名义记审计日志"),
        ),
        "an audit entry of A in B's name": (
            [
                op(
                    a,
                    n,
                    "audit_log",
                    new_id,
                    A,
                    {"action": "login", "username": "admin", "scope_code": A, "device_id": b.device_id.hex},
                )
            ],
            {},
            ("audit_log", new_id.hex, b_name, "以自己的名义记审计日志"),
        ),
        "a visit dated two years ahead": (
            [
                op(
                    a,
                    n,
                    "followup_visit",
                    new_id,
                    A,
                    {"resident_id": mine.id.hex, "program": "htn", "visit_date": "2028-11-29"},
                )
            ],
            {},
            # the resident and the form's name of the date: what the village doctor looks for
            (
                "followup_visit",
                new_id.hex,
                "visit_date 2028-11-29",
                "晚于本机的今天",
                "电脑时钟",
                mine.archive_no,
                "随访日期",
            ),
        ),
        "a past disease in 2031": (
            [
                op(
                    a,
                    n,
                    "resident",
                    mine.id,
                    A,
                    {
                        "choices": [
                            {"field": "past_disease", "code": "2", "note": None, "event_date": "2031-03"}
                        ]
                    },
                    {"choices": ""},
                )
            ],
            {},
            ("resident", mine.id.hex, "choices.event_date 2031-03", "晚于本机的今天"),
        ),
        "a transfusion on 2099-13-45": (
            [
                op(
                    a,
                    n,
                    "resident",
                    mine.id,
                    A,
                    {
                        "choices": [
                            {"field": "transfusion", "code": None, "note": "输血", "event_date": "2020-13-45"}
                        ]
                    },
                    {"choices": ""},
                )
            ],
            {},
            ("resident", mine.id.hex, "choices.event_date 2020-13-45", "不符合要求"),
        ),
        "a Township row edit from a village": (
            [op(a, n, "township", org_id("township", TOWN), TOWN, {"name": "假乡镇"}, {"name": ""})],
            {},
            ("township", org_id("township", TOWN).hex, "无权修改"),
        ),
        "a village renaming itself": (
            [op(a, n, "village", org_id("village", A), A, {"name": "改名村"}, {"name": ""})],
            {},
            ("village", org_id("village", A).hex, "name", "乡镇卫生院维护"),
        ),
        "a range claim for origin B": (
            [op(a, n, "resident", mine.id, A, {"phone": "13700000001"}, {"phone": ""})],
            {"ranges": {a.device_id.hex: [n - 1, n], b.device_id.hex: [0, 1_000_000_000]}},
            (b_name, "1–1000000000", "只能代表本机"),
        ),
        "a range claim for A beyond what is carried": (
            [op(a, n, "resident", mine.id, A, {"phone": "13700000001"}, {"phone": ""})],
            {"ranges": {a.device_id.hex: [n - 1, n + 1000]}},
            (f"{n}–{n + 1000}", f"只带到第 {n} 号"),
        ),
        "an ack above what the township holds": (
            [op(a, n, "resident", mine.id, A, {"phone": "13700000001"}, {"phone": ""})],
            {"acks": {town.device_id.hex: town_seq + 1000}},
            (f"第 {town_seq + 1000} 号", f"只有到第 {town_seq} 号"),
        ),
    }


FORGERIES = [
    "an op of origin B",
    "origin A, scope B",
    "scope A, a B resident's row",
    "a new visit for a B resident",
    "a void of a B resident",
    "a fake audit entry of origin B",
    "an audit entry of A about B",
    "an audit entry of A in the township's name",
    "an audit entry of A in B's name",
    "a visit dated two years ahead",
    "a past disease in 2031",
    "a transfusion on 2099-13-45",
    "a Township row edit from a village",
    "a village renaming itself",
    "a range claim for origin B",
    "a range claim for A beyond what is carried",
    "an ack above what the township holds",
]


# in the fast tier: one of each kind of check (origin, stored scope, writer, column, range claim)
FAST_FORGERIES = {
    "an op of origin B",
    "scope A, a B resident's row",
    "a Township row edit from a village",
    "a village renaming itself",
    "a range claim for origin B",
    "an audit entry of A in the township's name",
    "a visit dated two years ahead",
    "a past disease in 2031",
}


@pytest.mark.parametrize(
    "forgery", [f if f in FAST_FORGERIES else pytest.param(f, marks=pytest.mark.slow) for f in FORGERIES]
)
def test_a_village_bundle_that_oversteps_is_quarantined_whole(world, forgery):
    town, a, b, tmp = world
    # the forged op rides with a legitimate change of A's, which is refused with it
    legit = legit_edit(a)
    ops, claims, words = _forgeries(town, a, b)[forgery]
    carried = [legit, *ops] if forgery not in ("a range claim for A beyond what is carried",) else ops
    if "ranges" not in claims:
        claims = {
            **claims,
            "ranges": {
                a.device_id.hex: [legit["s"] - 1, max(o["s"] for o in carried if o["o"] == legit["o"])]
            },
        }
    path = craft_bundle(a, town, carried, tmp / "forged", **claims)
    assert_quarantined(town, path, *words)
    assert_still_works(a, town, tmp)


def test_a_village_making_its_own_row_again_keeps_the_townships_name(world):
    """A replacement PC makes its village's row again at set-up, under whatever name was typed
    there: the bundle is not refused (the PC would never sync), the township's name stays, and the
    rest of the bundle is applied."""
    town, a, _b, tmp = world
    legit = legit_edit(a)
    remade = op(
        a,
        legit["s"] + 1,
        "village",
        org_id("village", A),
        A,
        {"code": A, "name": "改名村", "township_id": org_id("township", TOWN).hex},
    )
    with town.store.session() as s:
        before = s.get(Village, org_id("village", A)).name
    path = craft_bundle(
        a, town, [legit, remade], tmp / "remade", ranges={a.device_id.hex: [legit["s"] - 1, legit["s"] + 1]}
    )
    assert town.import_(path)[0].status == "applied"
    with town.store.session() as s:
        assert s.get(Village, org_id("village", A)).name == before != "改名村"
        assert s.get(Resident, a_resident(a, A).id).current_address == "东风乡一村八组8号"


def test_nothing_of_a_forgery_reaches_the_other_village(world):
    """The tester's case: A's bundles rewrite B's resident (phone, address), void it, add a login at
    the township and claim B's changes up to 1,000,000,000.  Refused at the township, so nothing is
    relayed: B's PC holds what it held, and B's next real edit is not ignored."""
    town, a, b, tmp = world
    b_before = dump_everything(b.store)
    forgeries = _forgeries(town, a, b)
    for name in (
        "an op of origin B",
        "scope A, a B resident's row",
        "a void of a B resident",
        "a fake audit entry of origin B",
        "a range claim for origin B",
    ):
        ops, claims, _words = forgeries[name]
        path = craft_bundle(a, town, ops, tmp / name.replace(" ", "-"), **claims)
        assert town.import_(path)[0].status == "rejected"
    # the township's exports carry nothing of it; B applies them and is as it was
    (down,) = town.export(tmp / "down", peer=b.device_id.hex)
    assert b.import_(down)[0].status == "applied"
    after = dump_everything(b.store)
    for table in ("resident", "followup_visit", "household"):
        assert after[table] == b_before[table], table
    (own,) = set(after["audit_log"]) - set(b_before["audit_log"])  # B's own entry of the import
    assert "'import'" in own
    assert not any(FORGED_PHONE in row for rows in after.values() for row in rows)
    with town.store.session() as s:
        assert not s.scalar(
            select(func.count()).select_from(ChangeLog).where(ChangeLog.data.contains(FORGED_PHONE))
        )
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "login")) == 0
    # and B's next real edit is not ignored (no forged range claim for B stuck)
    theirs = a_resident(b, B)
    with b.store.transaction() as s:
        r = s.get(Resident, theirs.id)
        inp = records.resident_input_from(r)
        inp.phone = "13600000066"
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)
    (up,) = b.export(tmp / "b-up")
    assert town.import_(up)[0].status == "applied"
    with town.store.session() as s:
        assert s.get(Resident, theirs.id).phone == "13600000066"


def test_a_forged_edit_waiting_for_its_row_is_dropped_when_the_row_is_another_villages(world):
    """A change to a row the township does not have yet waits; when the row arrives and is B's, the
    change from A is dropped (never applied, never relayed), not applied over B's record."""
    town, a, b, tmp = world
    with b.store.transaction() as s:
        r = records.save_resident(
            s,
            records.ResidentInput(name="新户", sex="2", birth_date="1970-02-02", current_address="二村"),
            today=TODAY,
        )
        newcomer, phone = r.id, r.phone
    forged = op(a, seq_of(a) + 1, "resident", newcomer, A, {"phone": FORGED_PHONE}, {"phone": ""})
    (outcome,) = town.import_(craft_bundle(a, town, [forged], tmp / "early"))
    assert outcome.status == "applied"  # nothing to check it against yet: it waits
    assert town.status()["pending"] == 1
    (up,) = b.export(tmp / "b-up")
    assert town.import_(up)[0].status == "applied"
    with town.store.session() as s:
        assert s.get(Resident, newcomer).phone == phone
        assert not s.scalar(
            select(func.count()).select_from(ChangeLog).where(ChangeLog.data.contains(FORGED_PHONE))
        )
        assert not s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.pending.is_(True)))


# ----------------------------------------------------------------------- township → village


def test_a_township_bundle_with_an_op_outside_the_township_is_quarantined(world):
    town, a, _b, tmp = world
    outsider = "110106002101"
    row = org_id("test", "outside")
    forged = op(
        town,
        seq_of(town) + 1,
        "household",
        row,
        outsider,
        {"address": "外乡", "village_id": org_id("village", outsider).hex},
    )
    path = craft_bundle(town, a, [forged], tmp / "outside")
    assert_quarantined(a, path, "household", row.hex, f"标明属于 {outsider}", f"{TOWN} 东风乡")
    # relayed with a scope inside the township, but about a row that is not
    forged = op(
        town,
        seq_of(town) + 1,
        "household",
        row,
        A,
        {"address": "外乡", "village_id": org_id("village", outsider).hex},
    )
    assert_quarantined(a, craft_bundle(town, a, [forged], tmp / "outside-2"), "household", "按其内容属于")
    assert_still_works(town, a, tmp)


def test_a_township_relays_any_origin_within_the_township(world):
    """What a township may do: carry B's change about a township-wide row, and its own."""
    town, a, b, tmp = world
    n = seq_of(town) + 1
    rows = [op(town, n, "township", org_id("township", TOWN), TOWN, {"name": "东风乡卫生院"}, {"name": ""})]
    (outcome,) = a.import_(craft_bundle(town, a, rows, tmp / "ok"))
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()


# ------------------------------------------------------------------------- no plaintext on disk


def _only_in(bundle_of, receiver) -> list[bytes]:
    """ID numbers of ``bundle_of``'s residents that ``receiver`` does not hold: in plaintext,
    they can only have come from the bundle."""
    with receiver.store.session() as s:
        known = set(s.scalars(select(Resident.id)))
    with bundle_of.store.session() as s:
        rows = s.execute(select(Resident.id, Resident.id_number).where(Resident.id_number.is_not(None))).all()
    return [number.encode() for rid, number in rows if rid not in known and number]


def _grep(folder: Path, needles: list[bytes]) -> list[str]:
    found = []
    for f in folder.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            found += [f"{f.relative_to(folder)}: {n!r}" for n in needles if n in data]
    return found


def _manifest_hash(receiver, path: Path) -> bytes:
    header = bundle.read_header(path)
    with bundle.open_bundle(path, header, receiver.keys.age) as opened:
        return opened.manifest["ops_sha256"].encode()


KILLED_IMPORT = """
import sys, time
from pathlib import Path
from app.services.sync import merge
from app.cli import main

real = merge.apply_ops
def apply_then_hang(*args, **kw):
    real(*args, **kw)
    Path(sys.argv[3]).write_text("applying")
    time.sleep(120)
merge.apply_ops = apply_then_hang
sys.exit(main(["--data-dir", sys.argv[1], "sync", "import", sys.argv[2]]))
"""


@pytest.mark.slow
def test_an_import_killed_midway_leaves_no_plaintext(tmp_path):
    """SIGKILL while the ops are being applied (a marker says so): no inbox/*.plain, and neither a
    resident's name nor ID number nor the manifest anywhere in the township's data folder."""
    town, (a,) = county(tmp_path / "w", 1)
    with a.store.transaction() as s:
        demo.generate_demo(s, 40, seed=3, today=TODAY)
    (path,) = a.export(tmp_path / "usb")
    with a.store.session() as s:
        first = s.scalar(
            select(Resident).where(Resident.id_number.is_not(None)).order_by(Resident.archive_no)
        )
        needles = [first.name.encode(), *_only_in(a, town)]
    needles.append(_manifest_hash(town, path))
    leftover = town.paths.sub("inbox") / "old.plain"  # as an older version left it
    leftover.write_bytes(b"plaintext from before")
    town.store.dispose()
    marker = tmp_path / "marker"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(town.paths.data_dir), str(path), str(marker)],
        cwd=Path(__file__).parent.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), "the import never reached the ops"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not leftover.exists()  # cleaned at the start of the import
    assert list(town.paths.data_dir.rglob("*.plain")) == []
    assert _grep(town.paths.data_dir, needles) == []
    # and the bundle still imports afterwards
    (outcome,) = town.import_(path)
    assert outcome.status == "applied"


def test_an_import_failing_midway_leaves_no_plaintext(world, monkeypatch):
    town, a, _b, tmp = world
    with a.store.transaction() as s:
        demo.generate_demo(s, 5, seed=8, today=TODAY)
    (path,) = a.export(tmp / "usb")
    needles = [*_only_in(a, town), _manifest_hash(town, path)]
    assert len(needles) > 2
    from app.services.sync import merge

    def boom(*_args, **_kw):
        raise RuntimeError("power cut")

    monkeypatch.setattr(merge, "apply_ops", boom)
    (outcome,) = town.import_(path)
    assert outcome.status == "rejected"
    assert list(town.paths.data_dir.rglob("*.plain")) == []
    assert _grep(town.paths.data_dir, needles) == []


def test_an_export_writes_no_plaintext_to_its_work_folder(world, monkeypatch):
    """An export writes the bundle once, straight to its destination: no work file of any kind
    (plaintext or encrypted) in the outbox or anywhere else, nothing read back."""
    town, a, _b, tmp = world
    written, read_back = [], []
    real_open = open

    def spy_open(file, mode="r", *args, **kw):
        if any(c in mode for c in "wax+"):
            written.append(Path(file))
        return real_open(file, mode, *args, **kw)

    class Spy(bundle.DecryptedStream):
        def __init__(self, source, identity):
            read_back.append(source)
            super().__init__(source, identity)

    monkeypatch.setattr(bundle, "open", spy_open, raising=False)
    monkeypatch.setattr(bundle, "DecryptedStream", Spy)
    legit_edit(a)
    before = {p for p in a.paths.data_dir.rglob("*") if p.is_file()}
    (path,) = a.export(tmp / "usb")
    assert written == [path.with_name(path.name + ".part")]  # renamed to the bundle once written
    assert read_back == []
    assert list(a.paths.sub("outbox").rglob("*")) == []
    new_files = {p for p in a.paths.data_dir.rglob("*") if p.is_file()} - before
    assert {p for p in new_files if not p.name.startswith("cunyi.db")} == set()  # the store itself, only
    assert town.import_(path)[0].status == "applied"


def test_a_bundle_is_read_without_a_work_file(world, tmp_path):
    town, a, _b, tmp = world
    (path,) = a.export(tmp / "usb")
    header = bundle.read_header(path)
    with bundle.open_bundle(path, header, town.keys.age) as opened:
        assert sum(1 for _ in opened.ops()) == opened.manifest["ops"]
        assert list(town.paths.data_dir.rglob("*.plain")) == []


def test_the_township_renames_a_village_and_the_village_still_writes_its_clinic(world):
    """The rule's other side: the township's renaming reaches the village; the village's own
    columns of the same row (its clinic's contact) still sync up, and its name stays the township's."""
    from app.services import institution

    town, a, _b, tmp = world
    village_a = org_id("village", A)
    with town.store.transaction() as s:
        s.get(Village, village_a).name = "向阳新村"
    (down,) = town.export(tmp / "rename", peer=a.device_id.hex)
    assert a.import_(down)[0].status == "applied"
    with a.store.transaction() as s:
        assert s.get(Village, village_a).name == "向阳新村"
        institution.save_institution(
            s, institution.InstitutionInput(institution="向阳新村卫生室", phone="13900002222", address="村东")
        )
    (up,) = a.export(tmp / "clinic")
    outcome = town.import_(up)[0]
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    with town.store.session() as s:
        row = s.get(Village, village_a)
        assert (row.name, row.institution, row.phone) == ("向阳新村", "向阳新村卫生室", "13900002222")


@pytest.mark.parametrize("value", ["not-an-id", "00000000-0000-0000-0000-00000000000g", 12345])
def test_a_malformed_id_in_a_new_row_changes_nothing(world, value):
    """A signed bundle whose new row names another row by something that is not an id: refused
    in the user's words, with no traceback, and the township's store is as it was (ids are
    checked as they are written, by the database on PostgreSQL)."""
    town, a, _b, tmp = world
    mine = a_resident(a, A)
    n = seq_of(a) + 1
    bad = op(
        a,
        n,
        "followup_visit",
        uuid.uuid4(),
        A,
        {"resident_id": mine.id.hex, "enrolment_id": value, "program": "htn", "visit_date": "2026-11-20"},
    )
    path = craft_bundle(a, town, [bad], tmp / "malformed", ranges={a.device_id.hex: [n - 1, n]})
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    reason = outcome.reason.render() if outcome.reason else ""
    assert outcome.status != "applied", outcome.status
    assert "Traceback" not in reason and any("\u4e00" <= ch <= "\u9fff" for ch in reason), reason
    assert dump_everything(town.store) == before


@pytest.mark.parametrize("text", ["张\x00三", "地址\x07", "王\u202e五", "赵\u200b六", "孙\ue000七"])
def test_a_string_no_database_can_hold_changes_nothing(world, text):
    """A signed bundle carrying text no form accepts (a NUL, which PostgreSQL cannot store; another
    control character; a direction override, a zero-width space and a private-use character, which
    travel unescaped among the Chinese): refused in the user's words, with no traceback, and the
    township's store is as it was, on either database."""
    town, a, _b, tmp = world
    mine = a_resident(a, A)
    n = seq_of(a) + 1
    bad = op(a, n, "resident", mine.id, A, {"current_address": text}, {"current_address": ""})
    path = craft_bundle(a, town, [bad], tmp / "nul", ranges={a.device_id.hex: [n - 1, n]})
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    reason = outcome.reason.render() if outcome.reason else ""
    assert outcome.status == "rejected", outcome.status
    assert outcome.quarantined and outcome.quarantined.exists()
    code = next(f"U+{ord(ch):04X}" for ch in text if ch in "\x00\x07\u202e\u200b\ue000")
    for words in ("无法识别", mine.id.hex, "current_address", code):
        assert words in reason, (words, reason)
    assert dump_everything(town.store) == before
    assert_still_works(a, town, tmp)


def _a_visit_of(device, code: str):
    from app.models import FollowupVisit

    with device.store.session() as s:
        return s.scalars(
            select(FollowupVisit)
            .join(Resident, Resident.id == FollowupVisit.resident_id)
            .where(Resident.archive_no.startswith(code))
            .order_by(FollowupVisit.visit_date)
        ).first()


DRUG = {"name": "硝苯地平缓释片", "times_per_day": 1, "mg_per_time": 30}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sbp", "abc"),  # a report compared it with numbers and stopped with a traceback
        ("sbp", 10**30),
        ("sbp", -500),  # beyond the form's hard range
        ("heart_rate", True),
        ("program", "xyz"),  # the quality report looked it up and stopped
        ("drugs", [DRUG] * 5000),  # the form takes 10; the printed record overflowed its page
        ("visit_date", "9999-12-31"),
        ("visit_date", "2026-W10-7"),  # a date Python reads, stored as it came
        ("doctor", "王" * 5000),
        ("created_at", "2026-13-45T00:00:00"),
        ("adverse_reaction", None),  # NOT NULL
    ],
)
def test_a_value_no_form_saves_is_refused_by_name(world, field, value):
    """A validly signed change of the village's own visit carrying what its forms would refuse:
    the whole bundle refused, naming the row and the field, and the township's store as it was."""
    town, a, _b, tmp = world
    visit = _a_visit_of(a, A)
    n = seq_of(a) + 1
    bad = op(a, n, "followup_visit", visit.id, A, {field: value}, {field: ""})
    path = craft_bundle(a, town, [bad], tmp / "value", ranges={a.device_id.hex: [n - 1, n]})
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    reason = outcome.reason.render() if outcome.reason else ""
    assert outcome.status == "rejected", (outcome.status, reason)
    assert "不符合要求" in reason and visit.id.hex in reason and field in reason, reason
    assert dump_everything(town.store) == before
    assert_still_works(a, town, tmp)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("s", -5),
        ("s", 0),
        ("s", 2**70),
        ("s", 1270.5),
        ("h", 12345),
        ("h", "zz"),
        ("o", "not-hex"),
        ("d", [1, 2]),
    ],
)
def test_a_malformed_change_is_refused_naming_what_is_wrong(world, key, value):
    """A change not as any device writes it (a sequence number that is not a positive whole
    number, a clock or an origin that is not hex, values that are not an object): refused with
    the position and the key, not the catch-all "导入时出错", and nothing applied."""
    town, a, _b, tmp = world
    mine = a_resident(a, A)
    n = seq_of(a) + 1
    good = op(a, n, "resident", mine.id, A, {"phone": "13700000001"}, {"phone": ""})
    bad = {**good, key: value}
    ranges = {a.device_id.hex: [n - 1, n]}
    path = craft_bundle(a, town, [bad], tmp / "shape", ranges=ranges, clock=good["h"])
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    reason = outcome.reason.render() if outcome.reason else ""
    assert outcome.status == "rejected", (outcome.status, reason)
    assert f"第 1 条更改的 {key} 格式不对" in reason, reason
    assert dump_everything(town.store) == before


def test_a_village_cannot_send_a_snapshot(world):
    """A village's bundle marked as a whole-store snapshot carried an audit entry (seq 0) in the
    other village's name, which the township applied: only a township sends snapshots."""
    town, a, b, tmp = world
    op = {
        "o": a.device_id.hex,
        "s": 0,
        "e": "audit_log",
        "r": uuid.uuid4().hex,
        "h": f"{capture.wall_ms():012x}0000{a.device_id.hex[-8:]}",
        "c": A,
        "u": None,
        "d": {
            "b": "",
            "v": {"action": "login", "username": "admin", "scope_code": A, "device_id": b.device_id.hex},
        },
    }
    path = craft_bundle(a, town, [op], tmp / "snap", ranges={}, snapshot=True)
    before = dump_everything(town.store)
    (outcome,) = town.import_(path)
    assert outcome.status == "rejected" and "只有乡镇卫生院能发送快照" in outcome.reason.render()
    assert dump_everything(town.store) == before


@pytest.mark.sqlite_only  # no store: the rule alone
def test_a_ticked_boxs_date_is_read_as_the_form_stores_it():
    """A past disease may be dated by its year alone (validators.parse_month keeps "2015"): such a
    record is a village's ordinary change, never refused as malformed."""
    from app.services.sync.values import event_date_ok as _event_date_ok

    assert all(map(_event_date_ok, ["2015", "2015-06", "2015-06-01"]))
    assert not any(map(_event_date_ok, ["2015-6", "2015-13", "2015-02-30", "20150601", "abcd"]))


@pytest.mark.parametrize("how", ["an edit", "made again under a new clock", "a deletion"])
def test_an_audit_entry_the_township_holds_is_never_changed_by_a_bundle(world, how):
    """The audit trail is append-only: A may not rewrite (or delete) one of its own entries the
    township already holds.  Before, the store's append-only trigger aborted the import midway
    with a generic error; now the bundle is refused whole before anything is written, naming the
    entry."""
    town, a, _b, tmp = world
    with town.store.session() as s:
        entry = s.scalar(
            select(AuditEntry).where(AuditEntry.device_id == a.device_id).order_by(AuditEntry.at).limit(1)
        )
        assert entry is not None  # A's entries reached the township with the world's first sync
        made = capture.made_by(entry.sync_clocks)
        row, summary = entry.id, entry.summary
    legit = legit_edit(a)
    n = legit["s"] + 1
    forged = {
        "an edit": op(a, n, "audit_log", row, A, {"summary": "改写过的"}, {"summary": made}),
        "made again under a new clock": op(
            a, n, "audit_log", row, A, {"summary": "改写过的", "scope_code": A}
        ),
        "a deletion": op(a, n, "audit_log", row, A, {capture.DELETED: True}, {capture.DELETED: made}),
    }[how]
    ranges = {a.device_id.hex: [legit["s"] - 1, n]}
    path = craft_bundle(a, town, [legit, forged], tmp / "forged", ranges=ranges)
    assert_quarantined(town, path, "audit_log", row.hex, "审计日志只能追加")
    with town.store.session() as s:
        assert s.get(AuditEntry, row).summary == summary
    assert_still_works(a, town, tmp)


def test_an_audit_entry_carried_again_as_it_was_made_is_taken(world):
    """The same entry with the clock that made it (a snapshot, a relay): nothing to refuse."""
    town, a, _b, tmp = world
    with town.store.session() as s:
        entry = s.scalar(
            select(AuditEntry).where(AuditEntry.device_id == a.device_id).order_by(AuditEntry.at).limit(1)
        )
        made, row = capture.made_by(entry.sync_clocks), entry.id
        values = {"summary": entry.summary, "scope_code": entry.scope_code}
    legit = legit_edit(a)
    again = op(a, legit["s"] + 1, "audit_log", row, A, values)
    again["h"] = made
    path = craft_bundle(
        a, town, [legit, again], tmp / "again", ranges={a.device_id.hex: [legit["s"] - 1, legit["s"] + 1]}
    )
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()


def _a_new_entry_of(a) -> tuple[dict, dict]:
    """A legitimate change of A and the audit entry it wrote (not yet at the township), as ops."""
    legit = legit_edit(a)
    with a.store.session() as s:
        row = s.scalar(
            select(ChangeLog)
            .where(ChangeLog.origin == a.device_id, ChangeLog.entity == "audit_log")
            .order_by(ChangeLog.seq.desc())
            .limit(1)
        )
        made = change_op(row, s)
    return legit, made


@pytest.mark.parametrize("how", ["made, then made again later", "its content edited"])
def test_a_new_audit_entry_that_does_not_hold_together_is_refused(world, how):
    """An entry made and rewritten in the same bundle (the rule saw no stored row), or one whose
    content no longer matches its own hash, reached the township: its `check` then failed for
    good, and every backup of it was refused."""
    town, a, _b, tmp = world
    legit, made = _a_new_entry_of(a)
    ops = sorted([legit, made], key=lambda o: o["s"])
    if how == "its content edited":
        made["d"]["v"]["summary"] = "改写过的"
    else:
        n = ops[-1]["s"] + 1
        ops.append(op(a, n, "audit_log", uuid.UUID(made["r"]), A, {**made["d"]["v"], "summary": "改写过的"}))
    ranges = {a.device_id.hex: [ops[0]["s"] - 1, ops[-1]["s"]]}
    path = craft_bundle(a, town, ops, tmp / "forged", ranges=ranges)
    reason = assert_quarantined(town, path, "audit_log", made["r"])
    assert ("审计日志只能追加" in reason) if how != "its content edited" else ("chain_hash" in reason)
    assert_still_works(a, town, tmp)


def _smi_enrolment_at_the_township(town, a, tmp):
    """A's first resident registered for 严重精神障碍 on A's PC, and that bundle imported."""
    from app.models import ProgramEnrolment
    from app.services.programmes import smi

    mine = a_resident(a, A)
    with a.store.transaction() as s:
        smi.register(s, mine.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
    (path,) = a.export(tmp / "smi", peer=town.device_id.hex, always=True)
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    with town.store.session() as s:
        enrolment = s.scalars(
            select(ProgramEnrolment).where(
                ProgramEnrolment.resident_id == mine.id, ProgramEnrolment.program == "smi"
            )
        ).one()
        assert enrolment.sensitive
        return mine, enrolment.id


@pytest.mark.parametrize(
    ("values", "made", "field"),
    [
        ({"sensitive": False}, False, "sensitive"),  # the flag cleared: the patient shown to everyone
        ({"program": "htn", "sensitive": False}, False, "program"),  # moved to 高血压, unflagged
        ({"program": "htn"}, False, "program"),
        # a change saying it makes the row (every base empty) of an enrolment that exists: merged
        # into it field by field, so checked as the update it is
        ({"program": "htn", "sensitive": False}, True, "program"),
        ("new", True, "sensitive"),  # a new 严重精神障碍 enrolment made without the flag
    ],
)
def test_a_bundle_never_widens_who_sees_a_severe_mental_disorder_enrolment(world, values, made, field):
    """Who may see an enrolment follows from its programme (``sensitive``, set when it is made).
    A validly signed village bundle clearing the flag showed the 严重精神障碍 patient to township
    staff without the 精神卫生 permission and to every village doctor: refused, naming the field,
    and nothing changed."""
    town, a, _b, tmp = world
    mine, enrolment_id = _smi_enrolment_at_the_township(town, a, tmp)
    n = seq_of(a) + 1
    if values == "new":
        row, values = (
            uuid.uuid4(),
            {
                "resident_id": mine.id.hex,
                "program": "smi",
                "enrolled_on": TODAY.isoformat(),
                "status": "1",
                "sensitive": False,
                "voided": False,
                "face_to_face": 0,
            },
        )
    else:
        row = enrolment_id
    bad = op(a, n, "program_enrolment", row, A, values, "" if made else dict.fromkeys(values, ""))
    path = craft_bundle(a, town, [bad], tmp / "unflag", ranges={a.device_id.hex: [n - 1, n]})
    reason = assert_quarantined(town, path, "不符合要求", row.hex, field)
    assert "program_enrolment" in reason
    with town.store.session() as s:
        from app.models import ProgramEnrolment

        assert s.get(ProgramEnrolment, enrolment_id).sensitive
    assert_still_works(a, town, tmp)


def test_a_village_doctor_at_the_township_sees_no_other_villages_conflicts(world):
    """``sync conflicts`` at the township listed every village's conflicts, with residents' names,
    archive numbers and both values, to a village doctor of another village signed in there."""
    from app.services.access.actor import Actor
    from app.services.sync import conflicts, exchange

    town, _a, b, tmp = world
    theirs = a_resident(b, B)
    for device, phone in ((town, "13811110000"), (b, "13822220000")):
        with device.store.transaction() as s:
            r = s.get(Resident, theirs.id)
            inp = records.resident_input_from(r)
            inp.phone = phone
            records.save_resident(s, inp, resident_id=r.id, today=TODAY)
    (path,) = b.export(tmp / "conflict", peer=town.device_id.hex, always=True)
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    with town.store.session() as s:
        assert [c.row_id for c in conflicts.open_conflicts(s)] == [theirs.id]  # township staff: every village
    for code, seen in ((A, []), (B, [theirs.id])):
        town.store.actor = Actor(uuid.uuid4(), "doc", "村医", "village_doctor", code)
        try:
            with town.store.session() as s:
                assert [c.row_id for c in conflicts.open_conflicts(s)] == seen
                assert exchange.status(s)["conflicts_open"] == len(seen)  # (the count too)
        finally:
            town.store.actor = None


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"sex": "7"}, "sex"),  # not a 性别 code
        ({"name": '=HYPERLINK("http://evil.example","点我")'}, "name"),  # the form: 汉字、字母和间隔号
        ({"name": ""}, "name"),
        ({"phone": "+cmd|' /C calc'!A0"}, "phone"),
        ({"id_type": "1", "id_number": "110105195301053533"}, "id_number"),  # its check digit is wrong
        ({"id_number": "110105195301053533"}, "id_number"),  # the stored document type: an ID card
        ({"birth_date": "1990-01-01"}, "birth_date"),  # the ID card on the stored row says otherwise
        ("the other sex", "sex"),
    ],
)
def test_a_resident_value_the_form_refuses_is_refused_in_a_bundle(world, values, field):
    """A validly signed change of the village's own resident carrying what the enrolment form
    refuses (a sex code 7, a name that is a spreadsheet formula, an ID whose check digit is wrong,
    a birth date the stored ID card contradicts): refused naming the row and the field, nothing
    changed; the township's reports and prints never meet it."""
    town, a, _b, tmp = world
    mine = a_resident(a, A)
    with a.store.session() as s:
        stored = s.get(Resident, mine.id)
        assert stored.id_type == "1" and stored.id_number, "the test needs a resident with an ID card"
        other_sex = "2" if stored.sex == "1" else "1"
    if values == "the other sex":
        values = {"sex": other_sex}
    n = seq_of(a) + 1
    bad = op(a, n, "resident", mine.id, A, values, dict.fromkeys(values, ""))
    path = craft_bundle(a, town, [bad], tmp / "resident", ranges={a.device_id.hex: [n - 1, n]})
    assert_quarantined(town, path, "不符合要求", mine.id.hex, field)
    assert_still_works(a, town, tmp)


@pytest.mark.sqlite_only  # the command line on the township's folder
def test_devices_set_up_together_are_told_apart_by_the_id_the_list_shows(world, capsys):
    """Devices made in the same minute share their ids' first digits (UUIDv7): ``device list``
    showed both villages as the same eight digits, which ``device revoke`` then did not find."""
    from app.cli import main
    from app.services.errors import NotFound
    from app.services.sync import keys

    town, a, b, _tmp = world
    common = os.path.commonprefix([a.device_id.hex, b.device_id.hex])
    assert len(common) >= 8  # (made by the same fixture a moment apart)
    with town.store.session() as s, pytest.raises(NotFound, match="多台设备") as refused:
        keys.find_peer(s, common[:8])
    said = refused.value.message.render()
    assert A in said and B in said and "设备编号" in said
    width = len(said.split("（", 1)[1].split(" ", 1)[0])  # each device named by the id that tells it
    assert a.device_id.hex[:width] in said and b.device_id.hex[:width] in said
    assert main(["--data-dir", str(town.paths.data_dir), "device", "list"]) == 0
    out = capsys.readouterr().out
    listed = {line.split()[1]: line.split()[0] for line in out.splitlines()}
    assert listed[A] != listed[B] and "村卫生室" in out and "village" not in out
    with town.store.session() as s:
        assert keys.find_peer(s, listed[A]).device_id == a.device_id  # the id shown is taken back


@pytest.mark.sqlite_only  # no store: the rule alone
def test_a_resident_made_without_a_document_type_is_read_as_an_id_card():
    """A row made without ``id_type`` takes the column's default (居民身份证): its number is checked
    as one.  A change of an existing row without the type is checked against the stored type
    (exchange loads it); alone, the rule does not guess."""
    from app.services.records.resident_form import synced_resident_problem

    bad = {"id_number": "110105195301053533"}
    assert synced_resident_problem(bad, True) == "id_number"
    assert synced_resident_problem(bad, False) is None
    assert synced_resident_problem({**bad, "id_type": "2"}, True) is None  # another document: plain text
    good = {"id_type": "1", "id_number": "11010519491231002X", "birth_date": "1949-12-31", "sex": "2"}
    assert synced_resident_problem(good, True) is None
    assert synced_resident_problem({**good, "sex": "1"}, True) == "sex"


def test_a_resident_identity_is_checked_as_the_merge_will_leave_it(world):
    """Changes of one resident's identity with their clocks out of order: the merge keeps each
    field's latest write, so an ID card type re-sent with a new clock and then an older change
    saying "passport" with a bad number stored an ID card with a wrong check digit.  The check
    reads the fields as the merge will leave them."""
    town, a, _b, tmp = world
    mine = a_resident(a, A)
    n, now = seq_of(a) + 1, capture.wall_ms()

    def at(ms: int) -> str:
        return capture.hlc_text(ms, 0, a.device_id)

    first = op(a, n, "resident", mine.id, A, {"id_type": "1"}, {"id_type": ""})
    first["h"] = at(now)
    later = op(a, n + 1, "resident", mine.id, A, {"id_type": "2", "id_number": "110105195301053533"})
    later["d"]["b"], later["h"] = {"id_type": "", "id_number": ""}, at(now - 5000)
    path = craft_bundle(a, town, [first, later], tmp / "order", ranges={a.device_id.hex: [n - 1, n + 1]})
    assert_quarantined(town, path, "不符合要求", mine.id.hex, "id_number")


def test_an_enrolment_sent_again_as_it_was_made_is_taken(world):
    """A change making an enrolment the receiver holds already, with the programme and flag it was
    made with (a PC sending its rows again after a restore): nothing changes, nothing refused."""
    town, a, _b, tmp = world
    mine, enrolment_id = _smi_enrolment_at_the_township(town, a, tmp)
    n = seq_of(a) + 1
    again = op(a, n, "program_enrolment", enrolment_id, A, {"program": "smi", "sensitive": True})
    path = craft_bundle(a, town, [again], tmp / "again", ranges={a.device_id.hex: [n - 1, n]})
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()


def test_a_birth_date_is_checked_against_the_id_of_a_row_still_waiting_to_be_made(world):
    """A resident made by one bundle without a birth date waits (pending) for the change that
    completes it; a later bundle's birth date and sex contradicting its ID card were stored when
    the row was made.  The check reads the waiting change's ID."""
    town, a, _b, tmp = world
    mine = a_resident(a, A)
    with a.store.session() as s:
        made = s.scalars(select(ChangeLog).where(ChangeLog.row_id == mine.id).order_by(ChangeLog.seq)).first()
        values = dict(change_op(made, s)["d"]["v"])
    values.pop("birth_date")
    values.update(id_type="1", id_number="110105196001011239", archive_no=f"{A}00900", name="钱新户")
    row, n = uuid.uuid4(), seq_of(a) + 1
    first = op(a, n, "resident", row, A, values)
    path = craft_bundle(a, town, [first], tmp / "waits", ranges={a.device_id.hex: [n - 1, n]})
    (outcome,) = town.import_(path)
    assert outcome.status == "applied", outcome.reason and outcome.reason.render()
    with town.store.session() as s:
        assert s.get(Resident, row) is None  # (waiting for its birth date)
    later = op(
        a, n + 1, "resident", row, A, {"birth_date": "1990-07-07", "sex": "2"}, {"birth_date": "", "sex": ""}
    )
    path = craft_bundle(a, town, [later], tmp / "completes", ranges={a.device_id.hex: [n, n + 1]})
    assert_quarantined(town, path, "不符合要求", row.hex, "birth_date")

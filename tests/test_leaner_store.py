"""A leaner store (issue 16, item 7; migration 0017): a change that made its row keeps no copy of
it while the row holds what it wrote, moments stored as integers on SQLite, ticked boxes clustered
by resident.  Nothing a change carries, nothing a row holds, is lost either way."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
import uuid

import pytest
from sqlalchemy import select

from app.db import Store, current_revision, head_revision, is_sqlite, migrate
from app.models import ChangeLog, Resident, ResidentChoice
from app.services import encryption
from app.services.sync import capture
from app.tools import demo
from tests import synckit
from tests.synckit import TODAY, VILLAGES, make_device

pytestmark = pytest.mark.both_databases


def _exported(store) -> dict:
    """Every change as an export carries it: {(origin, seq): (entity, row, clock, payload value)}."""
    with store.session() as s:
        rows = s.execute(
            select(
                ChangeLog.origin,
                ChangeLog.seq,
                ChangeLog.entity,
                ChangeLog.row_id,
                ChangeLog.hlc,
                ChangeLog.data,
            )
        ).all()
        made = capture.creation_payloads(
            s.connection(), [(e, r, h) for _o, _s, e, r, h, d in rows if d is None]
        )
    return {(o.hex, q): (e, r.hex, h, json.loads(d or made[(e, r)])) for o, q, e, r, h, d in rows}


def _bare(store) -> int:
    with store.session() as s:
        return len(s.scalars(select(ChangeLog.seq).where(ChangeLog.data.is_(None))).all())


def _creation(store, row_id) -> str | None:
    with store.session() as s:
        return s.scalar(
            select(ChangeLog.data).where(ChangeLog.row_id == row_id).order_by(ChangeLog.hlc).limit(1)
        )


@pytest.fixture
def village(tmp_path, db_backend):
    v = make_device(tmp_path, "一村", "village", VILLAGES[0])
    with v.store.transaction() as s:
        demo.generate_demo(s, 12, seed=3, today=TODAY)
    yield v
    v.store.dispose()


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_a_change_that_made_its_row_is_read_from_the_row_until_the_row_is_written(village):
    assert _bare(village.store) > 0
    before = _exported(village.store)
    with village.store.session() as s:
        r = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        rid, old_name, old_boxes = r.id, r.name, sorted((c.field, c.code) for c in r.choices)
    assert _creation(village.store, rid) is None  # the row holds what its change wrote
    with village.store.transaction() as s:
        r = s.get(Resident, rid)
        r.name = "改名字"
        r.choices = [ResidentChoice(field="payment", code="8")]
    kept = json.loads(_creation(village.store, rid))  # written into the change before the row moved on
    assert kept["b"] == "" and kept["v"]["name"] == old_name
    assert sorted((c["field"], c["code"]) for c in kept["v"]["choices"]) == old_boxes
    after = _exported(village.store)
    for key, change in before.items():  # every earlier change still exports what it carried
        assert after[key] == change, key
    update = [c for k, c in after.items() if k not in before and c[0] == "resident"]
    assert update and update[0][3]["v"]["name"] == "改名字"


def test_a_change_applied_from_elsewhere_keeps_the_payload_of_the_change_it_follows(tmp_path, db_backend):
    town, (v,) = synckit.county(tmp_path, 1)
    with v.store.transaction() as s:
        demo.generate_demo(s, 6, seed=5, today=TODAY)
    synckit.round_trip(town, [v], tmp_path, "one")
    with v.store.session() as s:
        rid, old_name = s.execute(select(Resident.id, Resident.name).order_by(Resident.archive_no)).first()
    assert _creation(v.store, rid) is None
    with town.store.transaction() as s:
        s.get(Resident, rid).name = "乡里改名"
    synckit.round_trip(town, [v], tmp_path, "two")
    with v.store.session() as s:
        assert s.get(Resident, rid).name == "乡里改名"
    assert json.loads(_creation(v.store, rid))["v"]["name"] == old_name
    town.store.dispose()
    v.store.dispose()


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_0017_down_and_up_keeps_every_change_and_every_value(village):
    with village.store.transaction() as s:
        r = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        r.phone = "13800000000"
    changes, rows = _exported(village.store), synckit.dump(village.store)
    engine = village.store.engine
    migrate(engine, "0015", downgrade=True)
    assert current_revision(engine) == "0015"
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE data IS NULL").scalar() == 0
        if is_sqlite(engine):
            kinds = conn.exec_driver_sql("SELECT DISTINCT typeof(created_at) FROM resident").scalars().all()
            assert kinds == ["text"]
    migrate(engine, "head")
    assert current_revision(engine) == head_revision()
    assert _bare(village.store) > 0
    assert _exported(village.store) == changes
    assert synckit.dump(village.store) == rows
    with engine.connect() as conn:
        if is_sqlite(engine):
            kinds = conn.exec_driver_sql("SELECT DISTINCT typeof(created_at) FROM resident").scalars().all()
            assert kinds == ["integer"]
            ddl = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'resident_choice'"
            ).scalar()
            assert "WITHOUT ROWID" in ddl
        names = {r for r in conn.exec_driver_sql(_INDEXES[engine.dialect.name]).scalars()}
        assert "ix_resident_choice_resident_id" not in names


_INDEXES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resident_choice'",
    "postgresql": "SELECT indexname FROM pg_indexes WHERE tablename = 'resident_choice'",
}


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_moments_read_back_to_the_microsecond_and_keep_their_order(village):
    when = dt.datetime(2026, 11, 23, 8, 38, 35, 975_870)
    with village.store.transaction() as s:
        r = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        rid = r.id
        r.created_at = when
    with village.store.session() as s:
        assert s.get(Resident, rid).created_at == when
        later = s.scalars(
            select(Resident.id).where(Resident.created_at > when - dt.timedelta(microseconds=1))
        ).all()
        assert rid in later
        assert rid not in s.scalars(select(Resident.id).where(Resident.created_at > when)).all()


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_ticked_boxes_read_back_in_the_order_they_were_ticked(village):
    with village.store.transaction() as s:
        r = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        rid = r.id
        r.choices = [ResidentChoice(field="payment", code=c) for c in ("3", "1", "2")]
    with village.store.session() as s:
        assert [c.code for c in s.get(Resident, rid).choices] == ["3", "1", "2"]
        keys = s.scalars(select(ResidentChoice.id).where(ResidentChoice.resident_id == rid)).all()
        assert len(set(keys)) == 3


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_a_save_in_the_same_second_as_another_process_keeps_its_boxes_apart(village, monkeypatch):
    """Box keys come from the clock: a second process (the CLI beside the GUI, or this PC with its
    clock set back) hands out the keys the resident's boxes already hold.  The new boxes are written
    before the old go, so a save starts above the resident's highest key instead of failing."""
    from app.models import resident as resident_model
    from app.services.records import residents as records

    frozen = resident_model._CHOICE_EPOCH + 1_000_000.0
    monkeypatch.setattr(resident_model.time, "time", lambda: frozen)
    with village.store.transaction() as s:
        r = s.scalars(select(Resident).order_by(Resident.archive_no)).first()
        rid = r.id
        monkeypatch.setattr(resident_model, "_last_choice_id", 0)  # a fresh process
        inp = records.resident_input_from(r)
        records.save_resident(s, inp, resident_id=rid, today=TODAY)
        first = sorted(c.id for c in r.choices)
    monkeypatch.setattr(resident_model, "_last_choice_id", 0)  # another fresh process, same second
    with village.store.transaction() as s:
        r = s.get(Resident, rid)
        inp = records.resident_input_from(r)
        inp.phone = "13912345678"
        # a box changed, so the boxes are written again (a save ticking the same ones keeps them)
        paid = set(inp.payment or ())
        inp.payment = sorted(paid - {"3"} if "3" in paid else paid | {"3"})
        records.save_resident(s, inp, resident_id=rid, today=TODAY)
    with village.store.session() as s:
        r = s.get(Resident, rid)
        assert r.phone == "13912345678" and abs(len(r.choices) - len(first)) == 1 and first
        assert min(c.id for c in r.choices) > max(first)


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_changes_resent_as_a_new_identity_carry_their_payloads(village):
    """A store restored as a new device resends its unacknowledged changes as the new origin's: a
    copy of a change that keeps no payload gets one (a later write of the row finds the original)."""
    from app.services import backup

    before = _exported(village.store)
    with village.store.transaction() as s:
        old = capture.device_id(s)
        new = uuid.uuid4()
        assert backup._resend_as(s, old, new) == len([k for k in before if k[0] == old.hex])
    after = _exported(village.store)
    copies = {k: v for k, v in after.items() if k[0] == new.hex}
    assert copies and sorted(copies.values(), key=repr) == sorted(
        (v for k, v in before.items() if k[0] == old.hex), key=repr
    )
    with village.store.session() as s:
        bare = s.scalars(select(ChangeLog.seq).where(ChangeLog.origin == new, ChangeLog.data.is_(None))).all()
    assert bare == []


@pytest.mark.sqlite_only  # SQLite writes the JSON; PostgreSQL reads through the types only
def test_rows_written_as_json_by_sqlite_are_what_the_typed_read_gives(village):
    """An export rebuilds the changes that made their rows from the rows, written as JSON by
    SQLite (capture._creation_json_sqlite); every field of every synced table, children included,
    must come out exactly as capture.dumps writes the columns' typed values
    (capture._row_values_typed)."""
    seen: set[str] = set()
    with village.store.session() as s:
        conn = s.connection()
        for name, spec in capture.specs().items():
            ids = s.scalars(select(spec.table.c.id)).all()
            if not ids:
                continue
            typed = capture._row_values_typed(conn, spec, ids)
            assert set(typed) == set(ids), name
            written = _written_by_sqlite_as_dumps_writes(conn, spec, ids, typed)
            for _clocks, values in typed.values():
                for field, value in values.items():
                    if value is not None and field in spec.fields:
                        seen.add(type(spec.table.c[field].type).__name__)
            # the ids as the change log's driver read gives them (bytes) key the result the same
            by_bytes = capture._creation_json_sqlite(conn, spec, [i.bytes for i in ids[:3]])
            assert by_bytes == {i.bytes: written[i] for i in ids[:3]}
    # every kind of column that does not travel as stored was read: ids, moments, flags, JSON
    assert {"Id", "Timestamp", "Boolean", "JSON", "Day", "Double", "KeyedRows"} <= seen, seen


@pytest.mark.sqlite_only  # SQLite writes the JSON; PostgreSQL reads through the types only
def test_rows_written_as_json_by_sqlite_read_older_and_edge_values_as_the_types_do(village):
    """SQLite turns ids, days and moments into their travelling text: a resident born before 1970,
    a date and an id as text (as older versions stored them), and moments before 1970 and on a
    whole second must still come out as the columns' types give them."""
    with village.store.session() as s:
        rid = s.scalars(select(Resident.id).order_by(Resident.archive_no)).first()
        household = s.scalar(select(Resident.household_id).where(Resident.id == rid))
    driver_edits = [
        ("birth_date = ?", (-9000,)),  # 1945-05-12
        ("enrolled_on = ?", ("2019-03-05",)),  # a day as text
        ("household_id = ?", (str(household).upper(),)),  # an id as text with dashes
        ("created_at = ?", (-1_234_567,)),  # before 1970, with a fraction
        ("updated_at = ?", (1_700_000_000_000_000,)),  # a whole second
    ]
    with contextlib.closing(sqlite3.connect(village.store.engine.url.database)) as c, c:  # no FK checks
        for assignment, params in driver_edits:
            c.execute(f"UPDATE resident SET {assignment} WHERE id = ?", (*params, rid.bytes))
    with village.store.session() as s:
        written = _written_by_sqlite_as_dumps_writes(s.connection(), capture.specs()["resident"], [rid])
    raw = json.loads(written[rid][1])
    assert (raw["birth_date"], raw["enrolled_on"], raw["household_id"]) == (
        "1945-05-12",
        "2019-03-05",
        household.hex,
    )
    assert (raw["created_at"], raw["updated_at"]) == ("1969-12-31T23:59:58.765433", "2023-11-14T22:13:20")


def _written_by_sqlite_as_dumps_writes(conn, spec, ids, typed=None) -> dict:
    """The JSON SQLite writes of each row for an export (capture._creation_json_sqlite) is, byte
    for byte, what capture.dumps writes of the row read through the columns' types (as JSON:
    True is not 1, "1" is not 1), with the clock of the change that made it.  Returns it."""
    typed = typed or capture._row_values_typed(conn, spec, ids)
    written = capture._creation_json_sqlite(conn, spec, ids)
    assert written.keys() == typed.keys(), spec.name
    for row_id, (clocks, values) in typed.items():
        assert written[row_id] == (capture.made_by(clocks), capture.dumps(values)), (spec.name, row_id)
    return written


@pytest.mark.sqlite_only  # the driver's path is SQLite's; PostgreSQL reads through the types only
def test_what_sqlite_writes_as_json_is_what_dumps_writes_for_edge_values(village):
    """Values SQLite would write otherwise than orjson (reals to 15 digits, objects with their keys
    unsorted, escapes, exponents), values stored as older versions stored them (text moments,
    JSON drugs, words as text) and odd ones (a real in a column of integers, a flag of 2): each
    is written exactly as the typed read and capture.dumps write it."""
    with village.store.session() as s:
        spec = capture.specs()["followup_visit"]
        visits = s.scalars(select(spec.table.c.id).order_by(spec.table.c.id)).all()
        rid = s.scalars(select(Resident.id).order_by(Resident.archive_no)).first()
    odd_text = 'a"b\\c\x01\x08\t\n\x0c\r\x1f\x7f\u2028中😀\x00z'
    edits = [
        {"weight": 1 / 3, "height": 1e16, "bmi": -0.0, "glucose": 5e-324, "hba1c": 0.1 + 0.2},
        {"weight": 0.0, "height": 1e-5, "bmi": 123456789.123, "glucose": 70.0, "hba1c": -2.5},
        {"sbp": 12.5, "dbp": 9007199254740993, "heart_rate": -7},
        {"symptoms": '{"b":1,"a":"\\u4e2d"}', "emergency_reasons": '["a", "b\\n", 1e+16, 2.50]'},
        {"insulin": '{"type":"x","dosage":"1"}', "provincial": '{"z":[{"b":1,"a":2}],"a":null}'},
        {"symptoms": "[]", "emergency_reasons": '["舒张压≥110mmHg（110）", "x"]', "insulin": "null"},
        # each of these is written by Python for one reason alone
        {"symptoms": "[2.50]", "emergency_reasons": "[-0]"},
        {"symptoms": "[12345678901234567890]", "emergency_reasons": '{"b":1,"a":2}'},
        {"symptoms": '["\\u4f60"]', "emergency_reasons": "[1E5]"},
        {"symptoms": '[ "1" , 10, -5, 123456789012345]', "emergency_reasons": '["-0", 0.1]'},
        {"drugs": '[{"name":"药","times_per_day":1,"mg_per_time":0.1}]'},
        {"drugs": '=[["药\\"",2,12.5],["b",1,1e16]]'},
        {"doctor": odd_text, "lost_reason": "", "complication": 2, "overridden": 0},
        {"created_at": "2024-01-01 10:00:00", "updated_at": 0},
        {"created_at": 253402300799999999, "updated_at": -1},
        {"created_at": 1_700_000_000_000_001, "visit_date": "2024-02-29"},
        # flags as Python takes them (text "abc" and a byte are true, as the typed read has them)
        {"complication": "abc", "overridden": b"\x00", "referral_suggested": 0.5, "symptoms": 5},
    ]
    # values no version can export, refused as the typed read refuses them: a byte where a number,
    # a text or a day is kept (SQLite from 3.45 on would read it as its binary JSON), JSON that is
    # not JSON (JSON5, a trailing NUL), text that is not UTF-8
    damaged = [
        "sbp = X'01'",
        "doctor = X'00'",
        "visit_date = X'00'",
        "symptoms = '[1]' || char(0)",
        "emergency_reasons = '[1,]'",
        "doctor = CAST(X'61ff62' AS TEXT)",
    ]
    assert len(visits) >= len(edits) + len(damaged) + 1
    broken = visits[len(edits) : len(edits) + len(damaged)]
    # whole numbers beyond 64 bits, which orjson reads as reals (as the exports before did)
    huge = visits[len(edits) + len(damaged)]
    db = village.store.engine.url.database
    with contextlib.closing(sqlite3.connect(db)) as c, c:  # straight to the file, no FK checks
        for visit, values in zip(visits, edits, strict=False):
            assignments = ", ".join(f"{k} = ?" for k in values)
            c.execute(
                f"UPDATE followup_visit SET {assignments} WHERE id = ?", (*values.values(), visit.bytes)
            )
        c.execute("UPDATE resident SET name = ?, phone = NULL WHERE id = ?", (odd_text, rid.bytes))
        c.execute(
            "UPDATE resident_choice SET field = 'payment' WHERE resident_id = ? AND field = ?",
            (rid.bytes, ResidentChoice.__table__.c.field.type.words.param("payment")),
        )
        c.execute("UPDATE resident_choice SET note = ? WHERE resident_id = ?", ('"注"\\', rid.bytes))
        for visit, assignment in zip(broken, damaged, strict=True):
            c.execute(f"UPDATE followup_visit SET {assignment} WHERE id = ?", (visit.bytes,))
        c.execute(
            "UPDATE followup_visit SET symptoms = ?, emergency_reasons = ? WHERE id = ?",
            ("[18446744073709551616]", "[-9223372036854775809]", huge.bytes),
        )
    with village.store.session() as s:
        conn = s.connection()
        _written_by_sqlite_as_dumps_writes(conn, spec, visits[: len(edits)])
        _written_by_sqlite_as_dumps_writes(conn, capture.specs()["resident"], [rid])
        payloads = capture.creation_payloads(
            conn, [("followup_visit", v, "not its clock") for v in (visits[0], huge)]
        )
        _refused_as_the_typed_read_refuses(conn, spec, broken, damaged)
    assert json.loads(payloads[("followup_visit", visits[0])])["v"]["weight"] == 1 / 3
    assert '"emergency_reasons":[-9.223372036854776e+18]' in payloads[("followup_visit", huge)]
    assert '"symptoms":[1.8446744073709552e+19]' in payloads[("followup_visit", huge)]
    # the same on an encrypted store, whose SQLite (SQLCipher's) is another, newer one
    encryption.encrypt_store(village.store)
    village.store = Store(f"sqlite:///{db}")
    with village.store.session() as s:
        assert s.connection().exec_driver_sql("PRAGMA cipher_version").scalar()
        _written_by_sqlite_as_dumps_writes(s.connection(), spec, visits[: len(edits)])
        _written_by_sqlite_as_dumps_writes(s.connection(), capture.specs()["resident"], [rid])
        _refused_as_the_typed_read_refuses(s.connection(), spec, broken, damaged)


def _refused_as_the_typed_read_refuses(conn, spec, rows, why) -> None:
    for row_id, assignment in zip(rows, why, strict=True):
        with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the column's type raises
            capture.dumps(capture._row_values_typed(conn, spec, [row_id])[row_id][1])
        for kind in (str, bytes):
            with pytest.raises(capture.DamagedRow, match="followup_visit"):
                capture._creation_json_sqlite(conn, spec, [row_id], kind)
            assert assignment  # (named in the failure above)


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_a_damaged_row_stops_the_export_with_one_sentence_and_writes_no_bundle(village, tmp_path, capsys):
    """A row no CunYi wrote (bytes for a name, straight into the file): ``sync export`` says which
    table cannot travel, exits 1 (a user's error, not the program's 70), and writes nothing."""
    from app.cli import main

    town = make_device(tmp_path, "乡", "township", synckit.TOWN)
    village.trust(town)
    with contextlib.closing(sqlite3.connect(village.store.engine.url.database)) as c, c:
        c.execute("UPDATE resident SET name = x'ff41' WHERE rowid = (SELECT min(rowid) FROM resident)")
    village.store.dispose()
    usb = tmp_path / "usb"
    code = main(["--data-dir", str(village.paths.data_dir), "sync", "export", "--to", str(usb)])
    err = capsys.readouterr().err
    assert code == 1
    assert "resident表有一条记录（编号 " in err and "）已损坏，无法导出，同步包未写出" in err
    assert "内部出错" not in err
    # what the driver said is English, for the technician: in the log, never in the sentence
    assert not re.search(r"invalid|utf-8|codec|byte", err, re.IGNORECASE)
    assert not usb.exists() or not any(usb.iterdir())

"""A lean store (issue 16, item 7): ids in 16 bytes, compact JSON and multi-choice rows, the
migration that converts an existing store without losing a value, and compressed backups."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
import zstandard
from sqlalchemy import delete, func, select

from app.db import Store, head_revision
from app.models import Base, ChangeLog, FollowupVisit, Resident, ResidentChoice, ResidentSearchKey
from app.models.base import Id, as_uuid, clocks_value, day_param, day_value, id_hex, id_param
from app.models.packing import Words, pack, unpack, word_code
from app.services import backup
from app.services.errors import UserError
from app.services.programmes import followup
from app.services.records import residents as records
from app.services.records import search
from app.services.sync import capture
from tests.synckit import TODAY, make_device

DATA = Path(__file__).parent / "data"
OLDER = [p for p in sorted(DATA.glob("schema_*.db")) if p.stem < "schema_0014"]


@pytest.fixture
def village(tmp_path):
    device = make_device(tmp_path, "一村", "village", "110105001101")
    with device.store.transaction() as s:
        for name in ("张三", "李四", "王五"):
            inp = records.ResidentInput(
                name=name,
                sex="1",
                birth_date="1950-01-01",
                enrolled_on="2020-01-01",
                payment=["1", "3"],
                past_diseases={"2": "2019-03"},
            )
            r = records.save_resident(s, inp, today=TODAY)
        followup.enrol(s, r, "htn", dt.date(2025, 1, 1))
        drugs = [{"name": "硝苯地平缓释片", "times_per_day": 1, "mg_per_time": 20}]
        inp = followup.VisitInput(
            visit_date="2025-02-01", measurements={"sbp": "150", "dbp": "95"}, drugs=drugs
        )
        followup.save_visit(s, r, inp, today=TODAY)
    yield device
    device.store.dispose()


def _sql(store: Store, sql: str):
    with sqlite3.connect(store.engine.url.database) as c:
        return c.execute(sql).fetchall()


def test_ids_are_stored_in_16_bytes_and_read_as_uuids(village):
    for table, column in (
        ("resident", "id"),
        ("resident", "village_id"),
        ("resident_choice", "resident_id"),
        ("resident_search_key", "resident_id"),
        ("followup_visit", "enrolment_id"),
        ("change_log", "origin"),
        ("change_log", "row_id"),
    ):
        kinds = _sql(village.store, f"SELECT DISTINCT typeof({column}), length({column}) FROM {table}")
        assert kinds == [("blob", 16)], (table, column, kinds)
    with village.store.session() as s:
        r = s.scalars(select(Resident)).first()
        assert isinstance(r.id, uuid.UUID)
        assert s.get(Resident, r.id.hex) is r  # hex text binds too (ids travel as hex)
        assert [c.code for c in r.choices if c.field == "payment"] == ["1", "3"]
        assert isinstance(r.choices[0].id, int)  # ticked boxes: a local integer key
        assert s.scalar(select(ChangeLog.row_id).where(ChangeLog.row_id == r.id)) == r.id


def test_search_and_the_visit_read_back(village):
    with village.store.session() as s:
        hits = search.search_residents(s, "张三")
        assert [h.name for h in hits] == ["张三"]
        v = s.scalars(select(FollowupVisit)).one()
        assert v.drugs[0]["name"] == "硝苯地平缓释片"
    # JSON without spaces, Chinese as UTF-8 (not a 6-byte escape per character)
    (raw,) = _sql(village.store, "SELECT drugs FROM followup_visit")[0]
    assert "硝苯地平缓释片" in raw and ": " not in raw


def test_dates_are_stored_as_day_numbers_and_read_as_dates(village):
    kinds = _sql(village.store, "SELECT DISTINCT typeof(birth_date), typeof(enrolled_on) FROM resident")
    assert kinds == [("integer", "integer")]
    assert _sql(village.store, "SELECT visit_date FROM followup_visit") == [(day_param("2025-02-01"),)]
    assert day_param("1950-01-01") == -7305 and day_param(dt.date(1970, 1, 2)) == 1
    with village.store.session() as s:
        r = s.scalars(select(Resident).where(Resident.name == "张三")).one()
        assert r.birth_date == dt.date(1950, 1, 1)  # before 1970: a negative day number
        # comparisons, ordering and ISO text binds keep their meaning
        assert s.scalar(select(func.count()).where(Resident.birth_date < dt.date(1950, 1, 2))) == 3
        assert s.scalar(select(func.count()).where(Resident.birth_date > "1949-12-31")) == 3
        assert s.scalar(select(func.max(FollowupVisit.visit_date))) == dt.date(2025, 2, 1)
    # the change a bundle carries reads the stored day back as ISO text
    with village.store.session() as s:
        v = s.scalars(select(FollowupVisit)).one()
        row = capture.sqlite_travel(FollowupVisit.__table__.c.visit_date)(day_param(v.visit_date))
    assert row == "2025-02-01"
    assert day_value("2025-02-01") == day_value(day_param("2025-02-01")) == dt.date(2025, 2, 1)


def test_migration_turns_dates_into_day_numbers_and_back(tmp_path):
    from app.db import make_engine, migrate

    copy = tmp_path / "s.db"
    shutil.copy(DATA / "schema_0023.db", copy)
    with sqlite3.connect(copy) as c:
        texts = c.execute("SELECT id, visit_date, next_due FROM followup_visit ORDER BY id").fetchall()
        births = c.execute("SELECT id, birth_date FROM resident ORDER BY id").fetchall()
    assert texts and all(isinstance(d, str) for _i, d, _n in texts)
    with sqlite3.connect(copy) as c:  # text that is no calendar day stays as it is
        odd = ("2025-02-30", "2025-02-28 10:00", "2025-1-1")
        ids = [r[0] for r in c.execute("SELECT id FROM resident LIMIT 3")]
        c.executemany("UPDATE resident SET status_date = ? WHERE id = ?", list(zip(odd, ids, strict=True)))
    before = _dump(copy)
    engine = make_engine(f"sqlite:///{copy}")
    migrate(engine, "0024")  # (later ones add columns: the values read the same up to this one)
    with sqlite3.connect(copy) as c:
        days = c.execute("SELECT id, visit_date, next_due FROM followup_visit ORDER BY id").fetchall()
        assert [(i, day_value(d).isoformat(), n and day_value(n).isoformat()) for i, d, n in days] == texts
        assert c.execute("SELECT id, birth_date FROM resident ORDER BY id").fetchall() == [
            (i, day_param(b)) for i, b in births
        ]
        kept = c.execute("SELECT status_date FROM resident WHERE typeof(status_date) = 'text'").fetchall()
        assert sorted(kept) == sorted((v,) for v in odd)
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for t in tables:
            for col in [r[1] for r in c.execute(f'PRAGMA table_info("{t}")') if r[2] == "DATE"]:
                kinds = {k for (k,) in c.execute(f'SELECT DISTINCT typeof("{col}") FROM "{t}"')}
                assert kinds <= {"integer", "null"} or (t, col) == ("resident", "status_date"), (
                    t,
                    col,
                    kinds,
                )
    assert _dump(copy) == before  # every value reads the same
    migrate(engine, "0023", downgrade=True)
    engine.dispose()
    with sqlite3.connect(copy) as c:
        assert (
            c.execute("SELECT id, visit_date, next_due FROM followup_visit ORDER BY id").fetchall() == texts
        )


def test_table_and_field_names_are_stored_as_two_byte_codes(village):
    for table, column in (("change_log", "entity"), ("resident_choice", "field")):
        kinds = _sql(village.store, f"SELECT DISTINCT typeof({column}), length({column}) FROM {table}")
        assert kinds == [("blob", 2)], (table, column, kinds)
    assert (word_code("resident"),) in _sql(village.store, "SELECT entity FROM change_log")
    with village.store.session() as s:
        assert "followup_visit" in s.scalars(select(ChangeLog.entity).distinct()).all()
        fields = s.scalars(select(ResidentChoice.field).where(ResidentChoice.field == "payment")).all()
        assert fields and set(fields) == {"payment"}  # a bound word is coded as the stored one
        # a word outside the vocabulary is kept as its text and reads back the same
        r = s.scalars(select(Resident)).first()
        s.add(ResidentChoice(resident_id=r.id, field="not_a_known_field", code="1"))
        s.flush()
        found = s.scalars(select(ResidentChoice.field).where(ResidentChoice.field == "not_a_known_field"))
        assert found.all() == ["not_a_known_field"]
        s.rollback()
    text = capture.sqlite_travel(ResidentChoice.__table__.c.field)
    assert text(word_code("family_father")) == "family_father" and text("other") == "other"


def test_a_vocabulary_whose_words_share_a_code_is_refused():
    a = "payment"
    twin = next(w for w in (f"w{i}" for i in range(200_000)) if word_code(w) == word_code(a))
    with pytest.raises(RuntimeError, match="share the stored code"):
        Words(lambda: [a, twin]).param(a)
    with pytest.raises(ValueError, match="vocabulary"):
        Words(lambda: ["payment"]).value(word_code("allergy"))


def test_migration_turns_words_into_codes_and_back(tmp_path):
    from app.db import make_engine, migrate

    copy = tmp_path / "s.db"
    shutil.copy(DATA / "schema_0024.db", copy)
    query = "SELECT origin, seq, entity FROM change_log ORDER BY origin, seq"
    with sqlite3.connect(copy) as c:
        texts = c.execute(query).fetchall()
        fields = c.execute("SELECT DISTINCT field FROM resident_choice").fetchall()
    assert texts and all(isinstance(e, str) for *_k, e in texts) and fields
    before = _dump(copy)
    engine = make_engine(f"sqlite:///{copy}")
    migrate(engine, "0025")
    with sqlite3.connect(copy) as c:
        assert c.execute(query).fetchall() == [(*k, word_code(e)) for *k, e in texts]
        assert c.execute("SELECT DISTINCT typeof(field), length(field) FROM resident_choice").fetchall() == [
            ("blob", 2)
        ]
    assert _dump(copy) == before  # every value reads the same
    migrate(engine, "0024", downgrade=True)
    engine.dispose()
    with sqlite3.connect(copy) as c:
        assert c.execute(query).fetchall() == texts


def test_change_payloads_are_stored_compressed_and_read_as_text(village):
    # a change that made its row keeps no copy while the row holds what it wrote (migration 0017)
    kinds = dict(_sql(village.store, "SELECT typeof(data), count(*) FROM change_log GROUP BY 1"))
    assert kinds.get("null", 0) > 0 and set(kinds) <= {"null", "blob"}
    rows = _sql(village.store, "SELECT typeof(data), length(data) FROM change_log WHERE data IS NOT NULL")
    assert rows and all(kind == "blob" for kind, _n in rows)
    with village.store.session() as s:
        texts = s.scalars(select(ChangeLog.data).where(ChangeLog.data.is_not(None))).all()
    assert all(t.startswith("{") for t in texts)
    assert sum(n for _k, n in rows) * 2 < sum(len(t.encode()) for t in texts)  # well under half
    text = '{"b":"","v":{"name":"张三"}}'
    assert unpack(pack(text)) == text and unpack(text) == text  # text rows read as they are


def test_id_helpers():
    u = uuid.uuid4()
    assert id_param(u) == id_param(u.hex) == id_param(str(u)) == id_param(u.bytes) == u.bytes
    assert as_uuid(u.bytes) == as_uuid(u.hex) == as_uuid(str(u)) == u
    assert id_hex(u.bytes) == id_hex(u) == id_hex(str(u)) == u.hex
    assert id_hex(None) is None and as_uuid(None) is None
    with pytest.raises(ValueError):
        id_param("not an id")
    from sqlalchemy.dialects import postgresql, sqlite

    assert str(Id().compile(dialect=sqlite.dialect())) == "BLOB"
    assert str(Id().compile(dialect=postgresql.dialect())) == "UUID"


# A poor household's patient's next visit is derived again by 0029 (its own test: test_migrations)
POOR_NEXT_DUE = (
    "CASE WHEN program IN ('htn', 't2dm') AND resident_id IN "
    "(SELECT id FROM resident WHERE poverty_registered) THEN NULL ELSE next_due END"
)


def _dump(path: Path) -> dict:
    """Every value of every table, ids as hex, moments as text and payloads as text (however
    stored), the ticked boxes without their key (a UUID before, an integer after: local, never synced)."""
    out = {}
    with sqlite3.connect(path) as c:
        names = [
            r[0]
            for r in c.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'resident_digits%' AND name != 'alembic_version'"
            )
        ]
        for n in names:
            info = [
                r
                for r in c.execute(f'PRAGMA table_info("{n}")')
                if not (n == "resident_choice" and r[1] == "id")
            ]
            cols = [r[1] for r in info]
            moments = [r[2].upper() == "DATETIME" for r in info]
            days = [r[2].upper() == "DATE" for r in info]
            picked = [
                POOR_NEXT_DUE if n == "program_enrolment" and col == "next_due" else col for col in cols
            ]
            rows = c.execute(f'SELECT {", ".join(picked)} FROM "{n}"').fetchall()
            clocks = cols.index("sync_clocks") if "sync_clocks" in cols else -1
            drugs = cols.index("drugs") if n == "followup_visit" else -1
            hlc = cols.index("hlc") if n == "change_log" else -1  # text, then its 12 bytes (0023)
            word = cols.index(WORDS[n]) if n in WORDS else -1  # text, then its 2 bytes (0025)
            norm = [
                tuple(
                    _moment(v)
                    if m
                    else _day(v)
                    if d
                    else v.hex()
                    if i == hlc and isinstance(v, bytes)
                    else _word(n, v)
                    if i == word
                    else _plain(_clocks(v) if i == clocks else _drugs(v) if i == drugs else v)
                    for i, (v, m, d) in enumerate(zip(row, moments, days, strict=True))
                )
                for row in rows
            ]
            out[n] = sorted(norm, key=repr)
    return out


def _moment(v):
    """A DATETIME value as the app reads it: microseconds since 1970 (0017) or the text before."""
    if isinstance(v, int):
        return (dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=v)).isoformat(
            sep=" ", timespec="microseconds"
        )
    return v


WORDS = {"change_log": "entity", "resident_choice": "field"}


def _word(table: str, v):
    """A word as the app reads it: its text, or its two-byte code (0025)."""
    return Base.metadata.tables[table].c[WORDS[table]].type.words.value(v)


def _day(v):
    """A DATE value as the app reads it: days since 1970 (0024) or the ISO text before."""
    return day_value(v).isoformat() if isinstance(v, int) else v


def _clocks(v):
    """A row's clocks as the app reads them: JSON text, or a lone clock's 12 bytes (0021)."""
    return json.dumps(clocks_value(v)) if isinstance(v, bytes) else v


def _drugs(v):
    """A visit's drugs as the app reads them: JSON text, or their values after = (0022)."""
    return json.dumps(FollowupVisit.__table__.c.drugs.type.value(v), ensure_ascii=False)


def _plain(v):
    """A stored value as the app reads it: an id as hex, a compressed payload as its text, JSON
    as its value."""
    if isinstance(v, bytes):
        v = v.hex() if len(v) == 16 else unpack(v)
    if isinstance(v, str) and v[:1] in ("{", "["):  # JSON: the same value, however spaced
        try:
            return json.dumps(json.loads(v), sort_keys=True)
        except ValueError:
            return v
    return v


def _same_changes(path: Path, before: list, after: list) -> None:
    """The change log after 0017: the same changes; one that made its row and keeps no payload
    exports every value it carried, read from its row (a column added since comes with it)."""
    assert [r[:7] for r in after] == [r[:7] for r in before]
    bare = [(b, a) for b, a in zip(before, after, strict=True) if a[7] is None]
    assert all(a == b for b, a in zip(before, after, strict=True) if a[7] is not None)
    if not bare:
        return
    store = Store(f"sqlite:///{path}")
    with store.session() as s:
        made = capture.creation_payloads(s.connection(), [(b[2], uuid.UUID(b[3]), b[4]) for b, _a in bare])
    store.dispose()
    for b, _a in bare:
        old = json.loads(b[7])
        new = json.loads(made[(b[2], uuid.UUID(b[3]))])
        assert new["b"] == old["b"] == ""
        assert {k: new["v"][k] for k in old["v"]} == old["v"], (b[2], b[3])


@pytest.mark.parametrize("db", OLDER, ids=[p.stem for p in OLDER])
def test_migration_keeps_every_value_of_every_older_schema(tmp_path, db):
    copy = tmp_path / db.name
    shutil.copy(db, copy)
    before = _dump(copy)
    store = Store(f"sqlite:///{copy}", backups_dir=tmp_path / "backups")
    store.dispose()
    after = _dump(copy)
    assert head_revision() == "0014" or head_revision() > "0014"
    for table, rows in before.items():
        if table in after:  # a later migration may have reshaped a table: its own test covers it
            same_cols = len(rows[0]) == len(after[table][0]) if rows and after[table] else True
            if table == "change_log":
                _same_changes(copy, rows, after[table])
            elif same_cols:
                assert after[table] == rows, table
    with sqlite3.connect(copy) as c:
        for table, column in (
            ("resident", "id"),
            ("resident_choice", "resident_id"),
            ("household", "village_id"),
        ):
            kinds = c.execute(f"SELECT DISTINCT typeof({column}) FROM {table}").fetchall()
            assert kinds in ([], [("blob",)]), (table, column)
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        free, pages = (c.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_count"))
        assert free < pages * 0.25  # compacted after the rebuild
        clocks = [r[0] for r in c.execute("SELECT sync_clocks FROM resident WHERE sync_clocks IS NOT NULL")]
        # JSON rewritten compact (0014), then a lone clock as its 12 bytes (0021)
        assert not any(", " in t or ": " in t for t in clocks if isinstance(t, str))
        declared = {r[0] for r in c.execute("SELECT sql FROM sqlite_master WHERE type='table'") if r[0]}
        assert not any(re.search(r"\sCHAR\(32\)", sql) for sql in declared)  # VARCHAR(32) is text
        indexes = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "ix_resident_choice_field_code" not in indexes and "ix_followup_visit_next_due" not in indexes
        triggers = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        if "audit_log" in before:
            assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers  # the guards survive
        assert {"resident_digits_ai", "resident_digits_au", "resident_digits_ad"} <= triggers
    store = Store(f"sqlite:///{copy}")
    with store.session() as s:  # the ORM reads the converted rows; the digit index was rebuilt
        residents = s.scalars(select(Resident)).all()
        for r in residents[:5]:
            assert search.search_residents(s, r.archive_no)[0].id == r.id
            assert all(c.resident_id == r.id for c in r.choices)
    store.dispose()


def test_migration_down_and_up_again_keeps_the_values(tmp_path):
    from app.db import make_engine, migrate

    copy = tmp_path / "s.db"
    shutil.copy(DATA / "schema_0013.db", copy)
    before = _dump(copy)
    engine = make_engine(f"sqlite:///{copy}")
    migrate(engine)
    migrate(engine, "0013", downgrade=True)
    engine.dispose()
    down = _dump(copy)
    assert {t: rows for t, rows in down.items()} == before
    engine = make_engine(f"sqlite:///{copy}")
    migrate(engine)
    engine.dispose()


def test_audit_trail_stays_append_only_after_the_migration(tmp_path):
    copy = tmp_path / "s.db"
    shutil.copy(DATA / "schema_0013.db", copy)
    Store(f"sqlite:///{copy}").dispose()
    with sqlite3.connect(copy) as c, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        c.execute("DELETE FROM audit_log")


# ------------------------------------------------------------------------------ backups


def test_automatic_backups_are_compressed_and_restore(village):
    with village.store.session() as s:
        before = sorted(r.hex for r in s.scalars(select(Resident.id)))
    daily = backup.auto_backup(village.store, village.paths, today=dt.date(2026, 3, 2))
    assert daily.name == "daily-20260302.db.zst"
    db = Path(village.store.engine.url.database)
    with village.store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert daily.stat().st_size * 3 < db.stat().st_size  # compressed, not a copy
    with open(daily, "rb") as f:
        assert zstandard.ZstdDecompressor().stream_reader(f).read(16) == b"SQLite format 3\x00"
    assert not list(daily.parent.glob("*.plain")) and not list(daily.parent.glob("*.part"))
    info = backup.verify(daily)
    assert info.path == daily and info.residents == len(before)
    with village.store.transaction() as s:  # a change after the backup, undone by the restore
        s.execute(delete(ResidentChoice))
    backup.restore(village.store, village.paths, daily)
    with sqlite3.connect(db) as c:
        assert sorted(bytes(r[0]).hex() for r in c.execute("SELECT id FROM resident")) == before
        assert c.execute("SELECT count(*) FROM resident_choice").fetchone()[0] > 0
        assert c.execute("SELECT count(*) FROM resident_search_key").fetchone()[0] > 0
    _ = ResidentSearchKey


def test_a_damaged_compressed_backup_is_refused_in_plain_words(village, tmp_path):
    bad = tmp_path / "daily-20260302.db.zst"
    bad.write_bytes(zstandard.ZstdCompressor().compress(b"SQLite format 3\x00" + b"\x00" * 100)[:-3])
    for attempt in (lambda: backup.verify(bad), lambda: backup.restore(village.store, village.paths, bad)):
        with pytest.raises(UserError, match="daily-20260302.db.zst (已损坏|不是村医备份文件)"):
            attempt()
    bad.write_bytes(b"\x28\xb5\x2f\xfd" + b"garbage" * 10)  # a zstd header, then nonsense
    with pytest.raises(UserError, match="daily-20260302.db.zst 已损坏"):
        backup.verify(bad)

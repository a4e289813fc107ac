"""The audit trail's hash chain: an untouched store passes `check`; with the triggers dropped, an
edited summary, a deleted entry and a forged entry are each found; entries that arrive by sync keep
their origin's chain; bulk writers, concurrent writers and upgraded stores chain correctly."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import insert, select

from app.db import Store, is_sqlite
from app.models import AuditEntry, ChangeLog, Profile, new_id
from app.services import backup
from app.services.access import audit
from app.services.records import residents as records
from app.services.sync import capture
from app.tools import demo
from tests.conftest import TODAY, VILLAGE_CODE
from tests.synckit import county

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

DATA = Path(__file__).parent / "data"


def _activity(store: Store) -> None:
    """What a day leaves in the trail: records saved (the capture hook's entries), events recorded
    in the unit of work and on their own, and demo rows written in bulk."""
    with store.transaction() as s:
        for name in ("张三", "李四", "王五"):
            records.save_resident(
                s,
                records.ResidentInput(name=name, sex="1", birth_date="1950-01-01", current_address="一组"),
                today=TODAY,
            )
        audit.record(s, "print", "resident", None, "随访卡")
    with store.session() as s:
        audit.record_now(s, "denied", None, None, "无权限")
    with store.transaction() as s:
        demo.generate_demo(s, 12, seed=3, today=TODAY)


def _db(store: Store) -> str:
    return store.engine.url.database


def _raw(store: Store, *statements: tuple) -> None:
    """Write straight into the database, as someone with a SQLite tool (or psql, on a server) would."""
    if is_sqlite(store.url):
        conn = sqlite3.connect(_db(store))
        try:
            for sql, *params in statements:
                conn.execute(sql, *params)
            conn.commit()
        finally:
            conn.close()
        return
    with store.engine.connect() as c:
        raw = c.connection.dbapi_connection  # psycopg, no CunYi or SQLAlchemy in between
        raw.autocommit = False
        try:
            for sql, *params in statements:
                if sql.startswith("DROP TRIGGER"):  # PostgreSQL keeps the same rules in one trigger
                    sql = "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log"
                args = [
                    uuid.UUID(bytes=p) if isinstance(p, bytes) else p for p in (params[0] if params else ())
                ]
                raw.execute(sql.replace("?", "%s"), args)
            raw.commit()
        except Exception:
            raw.rollback()
            raise


def _rows(store: Store, device: uuid.UUID | None = None) -> list:
    with store.session() as s:
        q = select(AuditEntry).order_by(AuditEntry.chain_seq)
        if device is not None:
            q = q.where(AuditEntry.device_id == device)
        return list(s.scalars(q))


def _me(store: Store) -> uuid.UUID:
    with store.session() as s:
        return s.scalar(select(Profile.device_id))


def _result(report, name: str):
    return next(r for r in report.results if r.name == name)


DROP = (
    ("DROP TRIGGER audit_log_no_update",),
    ("DROP TRIGGER audit_log_no_delete",),
    ("DROP TRIGGER audit_log_chain_once",),
)


def test_an_untouched_store_passes_and_every_entry_is_chained(store):
    _activity(store)
    report = backup.check(store)
    assert report.ok, [(r.name, r.detail) for r in report.results if not r.ok]
    rows = _rows(store)
    assert len(rows) > 15
    me = _me(store)
    assert {r.device_id for r in rows} == {me}
    assert [r.chain_seq for r in rows] == list(range(1, len(rows) + 1))
    prev = ""
    for r in rows:  # each link is SHA-256 of the content and the link before it
        values = {n: getattr(r, n) for n in (*audit.CONTENT, "chain_seq", "chain_prev")}
        assert r.chain_prev == prev and audit.chain_hash(values) == r.chain_hash
        prev = r.chain_hash
    with store.session() as s:
        assert audit.heads(s)[me] == (rows[-1].chain_seq, rows[-1].chain_hash)


def test_the_triggers_refuse_edits_of_content_and_of_links(store):
    _activity(store)
    for sql in (
        "UPDATE audit_log SET summary = 'x'",
        "UPDATE audit_log SET chain_hash = 'x'",
        "DELETE FROM audit_log",
    ):
        with pytest.raises((sqlite3.IntegrityError, psycopg.Error), match="append-only"):
            _raw(store, (sql,))
    assert backup.check(store).ok


def _tamper(store: Store, kind: str) -> str:
    """Do one kind of tampering (triggers already dropped); returns words the report must use."""
    rows = _rows(store)
    me = _me(store).hex
    middle, last = rows[len(rows) // 2], rows[-1]
    if kind == "edit a summary":
        _raw(store, ("UPDATE audit_log SET summary = '已删除居民 张三' WHERE id = ?", (middle.id.bytes,)))
        return f"第{middle.chain_seq}条"
    if kind == "edit a summary and its hash":
        values = {n: getattr(middle, n) for n in (*audit.CONTENT, "chain_seq", "chain_prev")}
        forged = audit.chain_hash({**values, "summary": "无"})
        _raw(
            store,
            ("UPDATE audit_log SET summary = '无', chain_hash = ? WHERE id = ?", (forged, middle.id.bytes)),
        )
        return "接不上"
    if kind == "delete an entry":
        _raw(store, ("DELETE FROM audit_log WHERE id = ?", (middle.id.bytes,)))
        return f"第{middle.chain_seq}条缺失：记录被删除"
    if kind == "delete the newest entries":
        _raw(store, ("DELETE FROM audit_log WHERE chain_seq >= ?", (last.chain_seq - 2,)))
        return "缺失：记录被删除"
    if kind == "delete the first entry":
        _raw(store, ("DELETE FROM audit_log WHERE chain_seq = 1",))
        return "第1条缺失：记录被删除"
    forged = {
        "id": new_id(),
        "at": dt.datetime(2026, 11, 23, 3, 0),
        "user_id": None,
        "username": "admin",
        "device_id": uuid.UUID(me),
        "action": "void",
        "entity": "resident",
        "entity_id": "x",
        "summary": "作废 张三",
        "scope_code": VILLAGE_CODE,
    }
    sql = (
        "INSERT INTO audit_log (id, at, username, device_id, action, entity, entity_id, summary, scope_code, "
        "chain_seq, chain_prev, chain_hash) VALUES (?, '2026-11-23 03:00:00.000000', 'admin', ?, 'void', "
        "'resident', 'x', '作废 张三', ?, ?, ?, ?)"
    )
    if kind == "insert an entry":
        _raw(store, (sql, (forged["id"].bytes, uuid.UUID(me).bytes, VILLAGE_CODE, None, None, None)))
        return "1条记录没有校验值"
    if kind == "insert an entry with a number in use":
        seq, prev = middle.chain_seq, middle.chain_prev
        digest = audit.chain_hash({**forged, "chain_seq": seq, "chain_prev": prev})
        _raw(store, (sql, (forged["id"].bytes, uuid.UUID(me).bytes, VILLAGE_CODE, seq, prev, digest)))
        return "编号重复"
    if kind == "append a well-formed entry":  # the attacker knows the algorithm
        seq, prev = last.chain_seq + 1, last.chain_hash
        digest = audit.chain_hash({**forged, "chain_seq": seq, "chain_prev": prev})
        _raw(store, (sql, (forged["id"].bytes, uuid.UUID(me).bytes, VILLAGE_CODE, seq, prev, digest)))
        return "不是村医写入的：记录被插入"
    raise AssertionError(kind)


TAMPERING = [
    "edit a summary",
    "edit a summary and its hash",
    "delete an entry",
    "delete the newest entries",
    "delete the first entry",
    "insert an entry",
    "insert an entry with a number in use",
    "append a well-formed entry",
]


@pytest.mark.parametrize("kind", TAMPERING)
def test_tampering_after_the_triggers_are_dropped_is_found(store, kind):
    _activity(store)
    assert backup.check(store).ok
    _raw(store, *DROP)
    words = _tamper(store, kind)
    report = backup.check(store)
    assert not report.ok
    triggers = _result(report, "审计日志只能追加（触发器）")
    assert not triggers.ok and "已被删除" in triggers.detail
    chain = _result(report, "审计日志校验链")
    assert not chain.ok and words in chain.detail, chain.detail
    assert chain.detail.startswith("本机：")
    print(f"{kind}: {chain.detail}")


def test_entries_arriving_by_sync_keep_their_origins_chain(tmp_path):
    town, (village,) = county(tmp_path, villages=1)
    _activity(village.store)
    village.export(tmp_path / "up")
    [outcome] = town.import_(tmp_path / "up")
    assert outcome.status == "applied"
    with town.store.transaction() as s:
        audit.record(s, "print", None, None, "乡镇自己的记录")  # the township's own chain goes on
    at_village = {(r.id, r.chain_seq, r.chain_prev, r.chain_hash) for r in _rows(village.store)}
    arrived = _rows(town.store, village.device_id)
    assert len(arrived) > 15
    assert {(r.id, r.chain_seq, r.chain_prev, r.chain_hash) for r in arrived} <= at_village
    report = backup.check(town.store)
    assert report.ok, [(r.name, r.detail) for r in report.results if not r.ok]
    # an entry edited at the township is found, and named by its village
    _raw(town.store, *DROP)
    victim = arrived[10]
    _raw(town.store, ("UPDATE audit_log SET username = 'someone' WHERE id = ?", (victim.id.bytes,)))
    chain = _result(backup.check(town.store), "审计日志校验链")
    assert not chain.ok
    assert f"第{victim.chain_seq}条" in chain.detail and village.name in chain.detail, chain.detail


def test_entries_from_a_device_without_chains_are_noted_not_failed(township_store):
    """A village still on an older CunYi sends entries without links: noted, not a failure."""
    old_village = uuid.uuid4()
    _raw(
        township_store,
        (
            "INSERT INTO audit_log (id, at, username, device_id, action, summary, scope_code) "
            "VALUES (?, '2026-11-01 08:00:00.000000', 'doc', ?, 'create', '旧版本', '110105001101')",
            (uuid.uuid4().bytes, old_village.bytes),
        ),
    )
    chain = _result(backup.check(township_store), "审计日志校验链")
    assert chain.ok and "旧版本" in chain.detail


def test_bulk_writers_chain_their_entries(store):
    me = _me(store)

    def rows(n: int, tag: str) -> list[dict]:
        at = dt.datetime(2026, 11, 20, 8, 0)
        return [
            {
                "id": new_id(),
                "at": at + dt.timedelta(minutes=i),
                "user_id": None,
                "username": "system",
                "device_id": me,
                "action": "create",
                "entity": "followup_visit",
                "entity_id": uuid.uuid4().hex,
                "summary": f"{tag} {i}",
                "scope_code": VILLAGE_CODE,
            }
            for i in range(n)
        ]

    with store.transaction() as s:  # ORM bulk insert, as sync.bulk does for the demo: chained first
        batch = rows(30, "orm")
        s.execute(insert(AuditEntry), audit.chain_rows(s, batch))
        capture.log_inserted(s, "audit_log", [r["id"] for r in batch])
    assert backup.check(store).ok
    core = rows(20, "core")
    ids = [r["id"] for r in core]
    with store.transaction() as s:  # around the session: not chained until chain_inserted
        s.connection().execute(insert(AuditEntry.__table__), core)
    chain = _result(backup.check(store), "审计日志校验链")
    assert not chain.ok and "20条记录没有校验值" in chain.detail
    with store.transaction() as s:
        assert audit.chain_inserted(s, ids) == 20
        capture.log_inserted(s, "audit_log", ids)
        assert audit.chain_inserted(s, ids) == 0  # chained once
    assert backup.check(store).ok
    with store.session() as s:  # the links travel with the entries (read from the rows they made)
        rows = s.execute(
            select(ChangeLog.entity, ChangeLog.row_id, ChangeLog.hlc, ChangeLog.data).where(
                ChangeLog.row_id.in_(ids)
            )
        ).all()
        made = capture.creation_payloads(s.connection(), [(e, r, h) for e, r, h, d in rows if d is None])
        logged = [d or made[(e, r)] for e, r, _h, d in rows]
    assert len(logged) == 20 and all(json.loads(d)["v"]["chain_hash"] for d in logged)


def test_concurrent_writers_never_fork_the_chain(store):
    """Three threads writing at once.  A deferred SQLite transaction that read before it writes
    can be refused with "database is locked" when another commits first (so are saves without
    any audit chain: see the report); the whole unit of work is then rolled back and retried."""
    import time

    from sqlalchemy.exc import OperationalError

    failures = []

    def write(tag: str) -> None:
        for i in range(25):
            for _attempt in range(500):
                try:
                    with store.transaction() as s:
                        audit.record(s, "print", None, None, f"{tag} {i}")
                    break
                except OperationalError as e:
                    if "locked" not in str(e):
                        failures.append(e)
                        return
                    time.sleep(0.002)
            else:
                failures.append(f"{tag} {i}: never written")

    threads = [threading.Thread(target=write, args=(f"t{n}",)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    rows = _rows(store)
    assert sum(r.summary.startswith("t") for r in rows) == 75
    assert [r.chain_seq for r in rows] == list(range(1, len(rows) + 1))  # one chain, no fork
    assert backup.check(store).ok


@pytest.mark.sqlite_only  # a released SQLite file upgraded in place
def test_an_upgraded_store_has_its_old_entries_chained(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(DATA / "schema_0005.db", copy)
    with sqlite3.connect(copy) as c:
        before = c.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert before > 0
    store = Store(f"sqlite:///{copy}", backups_dir=tmp_path / "backups")
    try:
        rows = _rows(store)
        assert [r.chain_seq for r in rows] == list(range(1, before + 1))
        assert _result(backup.check(store), "审计日志校验链").ok
        with store.transaction() as s:  # the next entry goes on from the newest link
            audit.record(s, "print", None, None, "升级后")
        newest = _rows(store)[-1]
        assert newest.chain_seq == before + 1 and newest.chain_prev == rows[-1].chain_hash
        assert backup.check(store).ok
    finally:
        store.dispose()


@pytest.mark.sqlite_only  # a village's command line
def test_a_user_name_typed_at_login_cannot_forge_a_line_of_the_trail(tmp_path, capsys):
    """A failed login's name is what anyone typed: a line break in it would print as a second,
    made-up entry of `cunyi audit`, an escape would colour the terminal.  Stored and shown escaped."""
    from app.cli import main

    d, pw = str(tmp_path / "v"), tmp_path / "pw"
    pw.write_text("secret-123\n", encoding="utf-8")
    who = ["--data-dir", d, "--password-file", str(pw)]
    assert main([*who, "init", "--role", "village", "--code", "110105001101", "--name", "x"]) == 0
    forged = "x\n2026-12-02 14:09:00  doc2  void  resident\x1b[31m"
    assert main(["--data-dir", d, "--user", forged, "--password-file", str(pw), "audit"]) == 1
    capsys.readouterr()
    assert main([*who, "--user", "admin", "audit", "--action", "login_failed"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "login_failed" in line]
    assert len(lines) == 1 and "\x1b" not in out and "x\\n2026-12-02 14:09:00" in lines[0], out

"""A township's store on PostgreSQL: `init --db`, `migrate-store` round trip, the audit trail's
append-only trigger, and several workstations writing at once (archive numbers, a doctor's edits,
a sync import and a roster import) with nothing lost and `cunyi check` clean.

Every test here runs on the session's throwaway cluster (tests/pg.py); the service, sync and report
modules marked ``both_databases`` run on it too."""

from __future__ import annotations

import csv
import json
import re
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from stdnum.cn import ric

from app.cli import main
from app.db import Store
from app.models import AuditEntry, Resident
from app.services import backup, profile, store_copy
from app.services.errors import UserError
from app.services.records import roster
from app.services.records.residents import ResidentInput, correct_resident, save_resident
from tests import storekit
from tests.conftest import TODAY, TOWNSHIP_CODE
from tests.synckit import VILLAGES

pytestmark = pytest.mark.parametrize("db_backend", ["postgresql"], indirect=True, scope="module")


def _fresh_db(cluster, tag: str) -> str:
    return cluster.create_database(f"{tag}_{next(storekit._names)}")


def _init_township(data_dir: str, url: str, name: str) -> int:
    """``cunyi init`` of a township whose store is ``url``: its exit status."""
    return main(
        [
            "--data-dir",
            data_dir,
            "--db",
            url,
            "init",
            "--role",
            "township",
            "--code",
            TOWNSHIP_CODE,
            "--name",
            name,
        ]
    )


def _checks(store: Store) -> dict[str, store_copy.TableCheck]:
    with store.engine.connect() as conn:
        return {t.name: store_copy.table_check(conn, t) for t in store_copy.tables()}


def test_migrate_store_is_for_those_who_may_restore(tmp_path, pg_cluster):
    """Copying the whole store to a server is an administrator's act, as encrypting or restoring it
    is: a township staff member is refused and nothing is copied."""
    from app.services.access import accounts, authz

    d = tmp_path / "town"
    assert (
        main(
            ["--data-dir", str(d), "init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "朝阳乡"]
        )
        == 0
    )
    source = Store(f"sqlite:///{d / 'cunyi.db'}")
    try:
        with source.transaction() as s:
            accounts.create_user(s, "staff", "村医-secret-1", "township_staff", display_name="公卫人员")
        source.actor = accounts.login(source, "staff", "村医-secret-1")
        url = _fresh_db(pg_cluster, "refused")
        with pytest.raises(authz.PermissionDenied, match="没有权限") as refused:
            store_copy.migrate_store(source, url)
        said = refused.value.render()  # (it was refused as a restore of a backup, which it is not)
        assert "把数据库迁到服务器" in said and "恢复备份" not in said, said
        target = Store(url)
        try:
            with target.engine.connect() as conn:
                assert store_copy._is_empty(conn)  # nothing copied
        finally:
            target.dispose()
    finally:
        source.dispose()


def test_migrate_store_round_trips_a_demo_township_and_keeps_the_file(tmp_path, pg_cluster, capsys):
    d = str(tmp_path / "town")
    assert (
        main(["--data-dir", d, "init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "朝阳乡"])
        == 0
    )
    assert main(["--data-dir", d, "demo", "--residents", "150", "--villages", "2"]) == 0
    sqlite_url = f"sqlite:///{tmp_path / 'town' / 'cunyi.db'}"
    source = Store(sqlite_url)
    before = _checks(source)
    with source.session() as s:
        someone = s.scalars(sa.select(Resident).order_by(Resident.archive_no)).first()
    source.dispose()
    assert before["resident"].rows >= 150 and before["change_log"].rows > 0 and before["audit_log"].rows > 0
    url = _fresh_db(pg_cluster, "migrated")
    capsys.readouterr()
    window = Store(sqlite_url)  # a window (or `cunyi serve`) open on the file while it moves

    assert main(["--data-dir", d, "migrate-store", "--to", url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {t["table"]: t["rows"] for t in report["tables"]} == {n: c.rows for n, c in before.items()}
    assert (tmp_path / "town" / "db-url").read_text().strip() == url  # later commands use the server
    assert (tmp_path / "town" / "cunyi.db").stat().st_size > 0  # the old file is kept
    # The window still open on the file reads it, but its next save is refused in words, not lost.
    with pytest.raises(UserError, match="已迁到 PostgreSQL 服务器") as refused, window.transaction() as s:
        s.execute(sa.update(Resident).where(Resident.id == someone.id).values(phone="13900001111"))
    assert "Traceback" not in refused.value.render()
    with window.session() as s:
        assert s.scalar(sa.select(Resident.phone).where(Resident.id == someone.id)) == someone.phone
    window.dispose()

    target = Store(url)
    try:
        assert _checks(target) == before  # every table: same rows, same checksum, read independently
        with target.engine.connect() as conn:  # and analysed: planned on its rows from the first query
            analysed = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stats WHERE tablename = 'resident' AND attname = 'village_id'"
            ).scalar()
            assert analysed == 1
        with target.session() as s:  # and it is a working store: the same resident, by its number
            assert (
                s.scalar(sa.select(Resident.name).where(Resident.archive_no == someone.archive_no))
                == someone.name
            )
    finally:
        target.dispose()
    assert main(["--data-dir", d, "check"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "residents", "search", someone.name]) == 0
    assert someone.archive_no in capsys.readouterr().out
    # The old file copied again, into the same database or a new empty one, is refused and changes
    # nothing: its records are older than the server's, under the same device's sequence numbers.
    empty = _fresh_db(pg_cluster, "again")
    for again in (url, empty):
        assert main(["--data-dir", d, "--db", sqlite_url, "migrate-store", "--to", again]) == 1
        assert "已经迁到 PostgreSQL 服务器" in capsys.readouterr().err
    assert (tmp_path / "town" / "db-url").read_text().strip() == url
    target = Store(url)
    try:
        assert _checks(target) == before
    finally:
        target.dispose()
    fresh = sa.create_engine(empty)
    with fresh.connect() as conn:
        assert sa.inspect(conn).get_table_names() == []  # not a table made there
    fresh.dispose()


def test_a_village_store_stays_on_sqlite(tmp_path, pg_cluster, capsys):
    url = _fresh_db(pg_cluster, "village")
    d = str(tmp_path / "v")
    code = main(
        ["--data-dir", d, "--db", url, "init", "--role", "village", "--code", VILLAGES[0], "--name", "向阳村"]
    )
    assert code == 1
    assert "SQLite" in capsys.readouterr().err
    assert not (tmp_path / "v" / "db-url").exists()


def test_init_db_names_the_server_store_for_later_commands(tmp_path, pg_cluster, capsys):
    url = _fresh_db(pg_cluster, "init")
    d = str(tmp_path / "t")
    assert _init_township(d, url, "朝阳乡") == 0
    assert not (tmp_path / "t" / "cunyi.db").exists()
    assert main(["--data-dir", d, "demo", "--residents", "30", "--villages", "1"]) == 0
    store = Store(url)
    try:
        with store.session() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(Resident)) >= 30
    finally:
        store.dispose()


def test_a_second_workstation_with_keys_of_its_own_is_told_to_copy_the_first_ones(
    tmp_path, pg_cluster, capsys, monkeypatch
):
    """Two workstations on one server store sign for one device: a data folder whose keys are not
    the ones the store's device was set up with (its peers trust only those) is refused, in words
    naming the folder, before it writes a bundle or a card; with the first folder's keys copied in
    it works."""
    import shutil

    from app.config import Paths
    from app.services.sync import keys as device_keys
    from app.services.sync.overview import sync_overview

    url = _fresh_db(pg_cluster, "twodesks")
    first, second = str(tmp_path / "desk1"), str(tmp_path / "desk2")
    init = ["init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "朝阳乡"]
    assert main(["--data-dir", first, "--db", url, *init]) == 0
    capsys.readouterr()
    # init on the second desk: told how a workstation joins ("本机已初始化" read as a fault), nothing kept
    assert main(["--data-dir", second, "--db", url, *init]) == 1
    err = capsys.readouterr().err
    assert "已由第一台工作站初始化（朝阳乡" in err and "keys 文件夹复制到" in err and "--db" in err, err
    assert not (tmp_path / "desk2" / "db-url").exists()
    monkeypatch.setenv("CUNYI_LANG", "en")  # (the command line's language: the store's own names as written)
    assert main(["--data-dir", second, "--db", url, *init]) == 1
    err = capsys.readouterr().err
    assert f"already set up by the first workstation (朝阳乡, {TOWNSHIP_CODE})" in err, err
    assert f"into this PC's data folder {second}," in err and not re.search(
        r"[\u4e00-\u9fff]", err.replace("朝阳乡", "")
    )
    monkeypatch.delenv("CUNYI_LANG")
    device_keys.create_keys(Paths(tmp_path / "desk2").ensure().sub("keys"))  # keys of its own
    capsys.readouterr()
    for command in (
        ["sync", "export", "--to", str(tmp_path / "usb"), "--always"],
        ["device", "card", "-o", str(tmp_path / "card.json")],
    ):
        assert main(["--data-dir", second, "--db", url, *command]) != 0, command
        err = capsys.readouterr().err
        assert "不是这个数据库的设备密钥" in err and str(tmp_path / "desk2" / "keys") in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "card.json").exists()
    assert not list((tmp_path / "usb").glob("*.cyb"))
    # no keys at all: told to copy the first one's (restoring a backup or initialising again, as a
    # PC's own store is told, are both refused on a server store)
    shutil.rmtree(tmp_path / "desk2" / "keys")
    assert main(["--data-dir", second, "--db", url, "sync", "export", "--to", str(tmp_path / "usb")]) == 1
    err = capsys.readouterr().err
    assert "本数据文件夹没有设备密钥" in err and "第一台工作站" in err and "重新初始化" not in err, err
    device_keys.create_keys(Paths(tmp_path / "desk2").ensure().sub("keys"))
    store = Store(url)
    try:
        with store.session() as s:
            seen = sync_overview(s, tmp_path / "desk2" / "keys")
            assert seen.card is None and "不是这个数据库的设备密钥" in seen.keys_problem.render()
            assert sync_overview(s, tmp_path / "desk1" / "keys").card is not None
    finally:
        store.dispose()
    shutil.rmtree(tmp_path / "desk2" / "keys")
    shutil.copytree(tmp_path / "desk1" / "keys", tmp_path / "desk2" / "keys")
    assert main(["--data-dir", second, "--db", url, "device", "card", "-o", str(tmp_path / "card.json")]) == 0


def test_the_audit_trail_is_append_only_on_postgresql(township_store):
    with township_store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(AuditEntry)).scalar() > 0
    for sql in (
        "UPDATE audit_log SET summary = 'x'",
        "UPDATE audit_log SET chain_hash = 'x'",
        "DELETE FROM audit_log",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), township_store.engine.begin() as conn:
            conn.exec_driver_sql(sql)
    assert backup.check(township_store).ok
    with township_store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_log_append_only ON audit_log")
    result = next(r for r in backup.check(township_store).results if r.name == "审计日志只能追加（触发器）")
    assert not result.ok and "audit_log_append_only" in result.detail


def _run_at_once(*jobs) -> list[BaseException]:
    """Start every job at the same moment, each on its own thread; the errors they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        barrier.wait()
        try:
            job()
        except BaseException as e:  # noqa: BLE001 - reported by the test
            errors.append(e)

    threads = [threading.Thread(target=run, args=(j,)) for j in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return errors


def test_archive_numbers_are_never_handed_out_twice_by_concurrent_workstations(township_store):
    def take():
        for _ in range(10):
            with township_store.transaction() as s:
                got.extend(profile.allocate_archive_numbers(s, VILLAGES[0], 2))

    got: list[str] = []
    assert _run_at_once(take, take, take, take) == []
    assert len(got) == len(set(got)) == 80
    serials = sorted(int(n[-5:]) for n in got)
    assert serials == list(range(serials[0], serials[0] + 80))  # none skipped, none twice


CN = [a + b for a in "甲乙丙丁戊" for b in "一二三四五六七八九十"]  # names are Chinese characters only


def _ids(birth: str, n: int) -> list[str]:
    out = []
    for k in range(1000):
        body = f"110105{birth}{k:03d}"
        out.append(body + ric.calc_check_digit(body + "0"))
        if len(out) == n:
            return out
    raise AssertionError


def test_four_writers_at_once_lose_nothing_and_check_stays_clean(world):
    """A doctor enrolling at one workstation, another correcting phone numbers, a village's bundle
    being imported and a roster being imported, all at the same moment on one PostgreSQL store."""
    town, a, b, root = world
    assert storekit.backend() != "sqlite" and town.store.url.startswith("postgresql")
    with (
        a.store.session() as s
    ):  # village A corrects addresses; the township corrects phones of the same people
        shared = [r.archive_no for r in s.scalars(sa.select(Resident).order_by(Resident.archive_no).limit(6))]
    for n, archive in enumerate(shared):
        with a.store.transaction() as s:
            correct_resident(s, archive, {"current_address": f"向阳村{n}号"})
    bundles = a.export(root / "up")
    assert bundles
    enrolled_ids = _ids("19800101", 12)
    roster_ids = _ids("19900101", 10)
    path = root / "roster.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [["姓名", "性别", "出生日期", "身份证号", "村民小组", "与户主关系"]]
            + [["花名册" + CN[i], "", "", n, "一组", "户主"] for i, n in enumerate(roster_ids)]
        )

    def enrol():  # a doctor at the township enrolling for village B, one record at a time
        for i, n in enumerate(enrolled_ids):
            with town.store.transaction() as s:
                save_resident(
                    s,
                    ResidentInput(
                        name="新档" + CN[i], id_number=n, group_name="一组", village_code=VILLAGES[1]
                    ),
                    today=TODAY,
                )

    def edit_phones():  # another workstation correcting phone numbers of the residents village A edits
        for n, archive in enumerate(shared):
            with town.store.transaction() as s:
                correct_resident(s, archive, {"phone": f"1390000{n:04d}"})

    def sync_import():
        outcomes = town.import_(root / "up")
        assert [o.status for o in outcomes] == ["applied"] * len(outcomes), [str(o.reason) for o in outcomes]

    def roster_import():
        with town.store.transaction() as s:
            report = roster.import_roster(s, path, village_code=VILLAGES[1], today=TODAY)
            assert report.imported == len(roster_ids), report

    errors = _run_at_once(enrol, edit_phones, sync_import, roster_import)
    assert errors == [], [repr(e) for e in errors]

    with town.store.session() as s:
        rows = {r.id_number: r for r in s.scalars(sa.select(Resident))}
        for n in enrolled_ids + roster_ids:
            assert n in rows, n
        numbers = [r.archive_no for r in rows.values()]
        assert len(numbers) == len(set(numbers))
        by_archive = {r.archive_no: r for r in rows.values()}
        for n, archive in enumerate(shared):  # both edits of each shared resident kept
            assert by_archive[archive].current_address == f"向阳村{n}号"
            assert by_archive[archive].phone == f"1390000{n:04d}"
    report = backup.check(town.store)
    assert report.ok, [(r.name, r.detail) for r in report.results if not r.ok]


def test_fragment_search_can_use_the_trigram_indexes(township_store):
    """Migration 0015's pg_trgm indexes answer LIKE '%…%' on names and digits (the planner takes them
    once the table is large; here the sequential scan is switched off to see that it can)."""
    with township_store.engine.connect() as conn:
        present = {
            r[0]
            for r in conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'resident'")
        }
        assert {"ix_resident_name_trgm", "ix_resident_id_number_trgm", "ix_resident_phone_trgm"} <= present
        conn.exec_driver_sql("SET enable_seqscan = off")
        for column, fragment in (("id_number", "%1231%"), ("name", "%张三丰%"), ("phone", "%5678%")):
            plan = "\n".join(
                r[0]
                for r in conn.exec_driver_sql(
                    f"EXPLAIN SELECT id FROM resident WHERE {column} LIKE %s", (fragment,)
                )
            )
            assert f"ix_resident_{column}_trgm" in plan, plan


def test_the_disabled_are_read_through_their_partial_index(township_store, person):
    """Migration 0027's partial index answers 重点人群签约率's read of the disabled, as the service
    sends it (its statement and values, EXPLAINed): of the whole store and of some villages.  Its
    predicate is the query's own; a change to either that parts them fails here."""
    from app.models import Village
    from app.services.indicators import Scope
    from app.services.indicators.services import _disabled_query

    with township_store.transaction() as s:
        profile.ensure_village(s, "110105001101", "王家村")
        disabled = save_resident(s, person(village_code="110105001101", disability=["3"])).id
        no = dict(name="吴无", id_number="", sex="1", birth_date="1960-01-01", disability=["1"])  # 无残疾
        save_resident(s, person(village_code="110105001101", **no))
    with township_store.session() as s:
        villages = frozenset(s.scalars(sa.select(Village.id)))
    with township_store.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")

        def explain(conn, cursor, statement, parameters, context, executemany):
            return "EXPLAIN " + statement, parameters

        sa.event.listen(conn, "before_cursor_execute", explain, retval=True)
        for scope in (Scope(), Scope(villages)):
            plan = "\n".join(r[0] for r in conn.execute(_disabled_query(scope)))
            assert "ix_resident_choice_disabled" in plan, plan
        sa.event.remove(conn, "before_cursor_execute", explain)
        assert conn.execute(_disabled_query(Scope())).all() == [(disabled.bytes,)]


def test_backup_restore_and_encryption_are_left_to_the_server(tmp_path, capsys, gui_app):
    """A store on a PostgreSQL server is backed up, restored and encrypted with the server's own
    tools: `cunyi backup`, `restore` and `store encrypt` refuse in one translated sentence and write
    nothing; the daily automatic backup skips it and `cunyi check` still runs."""
    from PySide6.QtCore import QCoreApplication

    from app.config import Paths
    from app.services import encryption
    from app.services.errors import UserError
    from app.views.startup import install_translator

    d = storekit.data_dir_for_init(tmp_path / "town", "township")
    args = ["--data-dir", str(d)]
    assert main([*args, "init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "朝阳乡"]) == 0
    assert main([*args, "demo", "--residents", "20", "--villages", "1"]) == 0
    assert not (d / "cunyi.db").exists() and (d / "db-url").exists()
    out = tmp_path / "stick"
    out.mkdir()
    stray = tmp_path / "old-backup.db"
    stray.write_bytes(b"not looked at")
    url = (d / "db-url").read_text().strip()
    store = Store(url, backups_dir=d / "backups")
    try:
        before = _checks(store)
        for argv, word in (
            (["backup", "-o", str(out)], "pg_dump"),
            (["restore", str(stray)], "pg_restore"),
            (["restore", str(stray), "--force-other-device"], "pg_restore"),
            (["store", "encrypt"], "磁盘加密"),
        ):
            capsys.readouterr()
            assert main([*args, *argv]) == 1, argv
            err = capsys.readouterr().err
            assert word in err and "PostgreSQL" in err and err.count("\n") == 1 and "Traceback" not in err
        assert list(out.iterdir()) == [] and stray.read_bytes() == b"not looked at"
        assert not encryption.key_file(Paths(d).sub("keys")).exists()
        assert backup.auto_backup(store, Paths(d)) is None
        assert list(Paths(d).sub("backups").iterdir()) == []
        assert _checks(store) == before  # nothing changed, not even the audit trail
        assert main([*args, "check"]) == 0
        capsys.readouterr()  # status does not offer store encrypt, which it then refuses
        assert main([*args, "store", "status"]) == 0
        said = capsys.readouterr().out
        assert "数据库服务器上" in said and "cunyi store encrypt 可加密" not in said, said

        install_translator(gui_app, "en")
        try:
            english = []
            for act in (
                lambda: backup.backup_to(store, out),
                lambda: backup.restore(store, Paths(d), stray),
                lambda: encryption.encrypt_store(store),
            ):
                with pytest.raises(UserError) as refused:
                    act()
                english.append(refused.value.render(QCoreApplication.translate))
        finally:
            install_translator(gui_app, "zh")
        assert "pg_dump" in english[0] and "pg_restore" in english[1] and "disk encryption" in english[2]
        assert all(text.isascii() for text in english), english
    finally:
        store.dispose()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql+psycopg://cunyi:S3cret-pw@127.0.0.1:1/nowhere", "连不上数据库"),
        ("postgresql+psycopg://cunyi@127.0.0.1:1/nowhere?password=S3cret-pw", "连不上数据库"),
        ("postgresql+psycopg://cunyi:S3cret-pw@127.0.0.1:notaport/db", "数据库地址无效"),
        ("postgresql+psycopg2://cunyi:S3cret-pw@127.0.0.1:5432/db", "数据库地址无效"),
    ],
)
def test_a_store_that_does_not_open_is_one_sentence_without_the_password(tmp_path, capsys, url, words):
    """The server down, a wrong port or a driver CunYi does not use: every command says so in one
    sentence (before, a traceback), the password masked."""
    code = main(["--data-dir", str(tmp_path / "ws"), "--db", url, "residents", "search", "王"])
    out = capsys.readouterr()
    assert code != 0 and words in out.err + out.out
    assert "Traceback" not in out.err and "S3cret-pw" not in out.err + out.out
    assert "***" in out.err + out.out
    logged = tmp_path / "ws" / "logs" / "cunyi.log"
    assert not logged.exists() or "S3cret-pw" not in logged.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://cunyi:S3cret-pw@127.0.0.1:1/nowhere",
        "postgresql+psycopg://cunyi@127.0.0.1:1/nowhere?sslmode=disable&password=S3cret-pw",
    ],
)
def test_migrate_store_to_a_server_that_does_not_answer_says_so_in_words(tmp_path, capsys, url):
    d = _town_folder(tmp_path, residents=5)
    capsys.readouterr()
    assert main(["--data-dir", d, "migrate-store", "--to", url]) == 1
    err = capsys.readouterr().err
    assert "连不上数据库" in err and "数据库服务器没有开" in err and "***" in err, err
    assert "S3cret-pw" not in err and "onnection" not in err  # (libpq's English: in the log)
    logged = tmp_path / "town" / "logs" / "cunyi.log"
    assert not logged.exists() or "S3cret-pw" not in logged.read_text(encoding="utf-8")
    assert not (tmp_path / "town" / "db-url").exists()


def _town_folder(tmp_path, residents: int = 20) -> str:
    d = str(tmp_path / "town")
    assert (
        main(["--data-dir", d, "init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "朝阳乡"])
        == 0
    )
    assert main(["--data-dir", d, "demo", "--residents", str(residents), "--villages", "1"]) == 0
    return d


def test_migrate_store_leaves_a_database_of_another_program_untouched(tmp_path, pg_cluster, capsys):
    """A database holding anything not CunYi's is refused before a table is made there."""
    d = _town_folder(tmp_path)
    url = _fresh_db(pg_cluster, "payroll")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE payroll (id int)")
    capsys.readouterr()
    assert main(["--data-dir", d, "migrate-store", "--to", url]) != 0
    assert "已有数据" in capsys.readouterr().err
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == ["payroll"]
    engine.dispose()
    assert not (tmp_path / "town" / "db-url").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["residents", "search", "王"],
        ["check"],
        ["init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "某镇"],
    ],
)
@pytest.mark.parametrize("schema", ["public", "shop"])
def test_any_command_leaves_a_database_of_another_program_untouched(
    tmp_path, pg_cluster, capsys, command, schema
):
    """A mistyped address (another application's database, the server's own): every command made
    CunYi's 35 tables among the other program's before it said "本机尚未初始化" (init went on);
    the other program's tables may be in a schema of its own."""
    url = _fresh_db(pg_cluster, "invoices")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        conn.exec_driver_sql(f"CREATE TABLE {schema}.invoices (id int)")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "d"), "--db", url, *command]) == 1
    err = capsys.readouterr().err
    shown = "invoices" if schema == "public" else f"{schema}.invoices"
    assert err.count("\n") == 1 and f"别的程序的数据表（{shown}）" in err and "未作任何改动" in err
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == ([] if schema == "shop" else ["invoices"])
    engine.dispose()


def test_a_command_on_an_empty_database_makes_nothing_there(tmp_path, pg_cluster, capsys):
    """``check`` on the server's empty maintenance database (a mistyped address) made CunYi's
    tables there before it said "本机尚未初始化"."""
    url = _fresh_db(pg_cluster, "empty")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "d"), "--db", url, "check"]) == 1
    assert "本机尚未初始化" in capsys.readouterr().err
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == []
    engine.dispose()


def test_a_schema_version_no_cunyi_knows_is_said_in_words(tmp_path, pg_cluster, capsys):
    url = _fresh_db(pg_cluster, "alembic")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('deadbeef1234')")
    engine.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "d"), "--db", url, "check"]) == 1
    err = capsys.readouterr().err
    assert "deadbeef1234 不是本版村医认识的" in err and "请核对" in err and "newer" not in err


def test_an_account_that_may_only_read_is_told_so_in_words(tmp_path, pg_cluster, capsys):
    """A database account given SELECT only: "程序内部出错（ProgrammingError）" for every save."""
    url = _fresh_db(pg_cluster, "readonly")
    d = str(tmp_path / "t")
    assert _init_township(d, url, "某镇") == 0
    assert main(["--data-dir", d, "demo", "--residents", "5", "--villages", "1"]) == 0
    database, reader = url.rsplit("/", 1)[1], f"reader_{next(storekit._names)}"
    pg_cluster.admin(f"CREATE ROLE {reader} LOGIN")  # (the cluster is the session's: left to it)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO {reader}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {reader}")
        conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")
        archive = conn.exec_driver_sql("SELECT archive_no FROM resident LIMIT 1").scalar()
    engine.dispose()
    capsys.readouterr()
    as_reader = url.replace("cunyi@", f"{reader}@")
    status = main(
        ["--data-dir", d, "--db", as_reader, "residents", "update", archive, "--set", "phone=13800138000"]
    )
    err = capsys.readouterr().err
    assert status == 1 and "不允许这个数据库账户写入" in err and "Error" not in err, err
    # what may only be done with its trace is not done: the export wrote the whole roster, the
    # report and the worklist their files, and no entry said so (the entry's write failed, logged)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        entries = conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()
    for argv, out in (
        (["residents", "export", "{out}"], "r.csv"),
        (["report", "indicators", "--year", "2026", "-o", "{out}"], "i.xlsx"),
        (["report", "indicators", "--year", "2026", "-o", "{out}"], "i.pdf"),
        (["report", "quality", "-o", "{out}"], "q.xlsx"),
        (["report", "quality", "-o", "{out}"], "q.pdf"),
        (["poverty", "list", "-o", "{out}"], "p.xlsx"),
        (["poverty", "list", "--plans", "-o", "{out}"], "pp.xlsx"),
        (["audit", "-o", "{out}"], "a.csv"),
        (["print", "worklist", "-o", "{out}"], "w.pdf"),
    ):
        target = tmp_path / out
        target.write_bytes(b"a file of the doctor's own")  # (a refused export replaced it, then removed it)
        status = main(["--data-dir", d, "--db", as_reader, *(a.format(out=target) for a in argv)])
        err = capsys.readouterr().err
        assert status == 1 and "要记入审计日志，因此未进行" in err and "Error" not in err, (argv, err)
        assert target.read_bytes() == b"a file of the doctor's own", argv
        target.unlink()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() == entries
    engine.dispose()
    # with its own account, the same export is done and traced
    assert main(["--data-dir", d, "--db", url, "residents", "export", str(tmp_path / "r.csv")]) == 0
    assert (tmp_path / "r.csv").is_file()


def test_a_migration_that_fails_its_check_leaves_the_target_empty_and_retries(
    tmp_path, pg_cluster, capsys, monkeypatch
):
    """The copy and its check are one transaction on the server: a failed check (or a kill before
    it ends) leaves nothing there, and the next try succeeds; while it runs, the file's write lock
    is held, so nothing can be written there that the copy would miss."""
    d = _town_folder(tmp_path)
    url = _fresh_db(pg_cluster, "retry")
    real = store_copy.table_check
    seen_locked = []

    def failing_check(conn, table):
        if conn.dialect.name == "sqlite" and not seen_locked:
            other = Store(f"sqlite:///{tmp_path / 'town' / 'cunyi.db'}")
            try:  # another process's writer, meanwhile: it cannot begin (the copy holds the lock)
                with other.engine.connect() as c:
                    c.exec_driver_sql("PRAGMA busy_timeout = 50")
                    with pytest.raises(sa.exc.OperationalError, match="locked"):
                        c.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                other.dispose()
            seen_locked.append(True)
        check = real(conn, table)
        if conn.dialect.name == "postgresql" and table.name == "resident":
            return store_copy.TableCheck(check.table, check.rows - 1, check.checksum)
        return check

    monkeypatch.setattr(store_copy, "table_check", failing_check)
    capsys.readouterr()
    assert main(["--data-dir", d, "migrate-store", "--to", url]) != 0
    assert "核对失败" in capsys.readouterr().err and seen_locked
    target = Store(url)
    with target.engine.connect() as conn:
        assert store_copy._is_empty(conn)
    target.dispose()
    monkeypatch.setattr(store_copy, "table_check", real)
    assert main(["--data-dir", d, "migrate-store", "--to", url]) == 0
    assert (tmp_path / "town" / "db-url").read_text().strip() == url


@pytest.mark.parametrize(
    "url", ["postgresql+psycopg://u:S3cret-pw@127.0.0.1:notaport/db", "postgresql+asyncpg://u:S3cret-pw@h/db"]
)
def test_migrate_store_to_an_address_that_is_none_says_so(tmp_path, capsys, url):
    d = str(tmp_path / "town")
    assert (
        main(["--data-dir", d, "init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "朝阳乡"])
        == 0
    )
    capsys.readouterr()
    assert main(["--data-dir", d, "migrate-store", "--to", url]) != 0
    out = capsys.readouterr()
    assert "目标必须是 PostgreSQL 数据库" in out.err and "S3cret-pw" not in out.err + out.out
    assert "Traceback" not in out.err


def test_a_password_not_written_as_an_address_wants_is_told_so(tmp_path, pg_cluster, capsys):
    """A password holding @ : / # ? % & as typed reads as another address: it was told 目标必须是
    PostgreSQL 数据库 (which it is); now how to write those characters, the password masked."""
    d = _town_folder(tmp_path, residents=5)
    url = _fresh_db(pg_cluster, "encoded")
    for password in ("p@ss:w/rd#1%?&x", "p@ss"):  # (the second reads as an address: host "ss@…")
        raw = url.replace("://cunyi@", f"://cunyi:{password}@")
        capsys.readouterr()
        assert main(["--data-dir", d, "migrate-store", "--to", raw]) == 1
        err = capsys.readouterr().err
        assert (
            "读不通" in err and "%40" in err and "ss" not in err.split("读不通")[0] and "Traceback" not in err
        ), err
    assert (tmp_path / "town" / "cunyi.db").is_file() and not (tmp_path / "town" / "db-url").exists()


def test_migrate_store_names_the_row_whose_text_the_server_cannot_hold(tmp_path, pg_cluster, capsys):
    """Text PostgreSQL cannot store (a NUL, written into the file before forms refused control
    characters): one sentence naming the table, the row and the column, the target left empty,
    and after the row is corrected the migration goes through."""
    d = _town_folder(tmp_path)
    url = _fresh_db(pg_cluster, "nul")
    file = Store(f"sqlite:///{tmp_path / 'town' / 'cunyi.db'}")
    with file.engine.begin() as conn:
        row_id = conn.execute(sa.select(Resident.id).order_by(Resident.id).limit(1)).scalar()
        conn.execute(sa.update(Resident).where(Resident.id == row_id).values(current_address="东街\x00"))
    capsys.readouterr()
    assert main(["--data-dir", d, "migrate-store", "--to", url]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    for words in ("resident", row_id.hex, "current_address", "U+0000"):
        assert words in err, (words, err)
    target = Store(url)
    with target.engine.connect() as conn:
        assert store_copy._is_empty(conn)
    target.dispose()
    with file.engine.begin() as conn:
        conn.execute(sa.update(Resident).where(Resident.id == row_id).values(current_address="东街"))
    file.dispose()
    assert main(["--data-dir", d, "migrate-store", "--to", url]) == 0


@pytest.mark.slow
def test_two_townships_migrated_into_one_database_at_once_one_wins_the_other_is_told(tmp_path, pg_cluster):
    """Two workstations running migrate-store into the same new database at the same moment: one
    copy lands and checks out; the other is refused in words ("已有数据"), whichever step of it met
    the first's tables or rows, and its data folder stays on its file."""
    import os
    import subprocess
    import sys

    folders = []
    for code in ("110105001", "110105002"):
        d = tmp_path / code
        assert main(["--data-dir", str(d), "init", "--role", "township", "--code", code, "--name", "乡"]) == 0
        assert main(["--data-dir", str(d), "demo", "--residents", "40", "--villages", "1"]) == 0
        folders.append(d)
    url = _fresh_db(pg_cluster, "race")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(d), "migrate-store", "--to", url],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in folders
    ]
    said = [(r.wait(timeout=300), r.stderr.read()) for r in runs]
    assert sorted(code for code, _ in said) == [0, 1], said
    loser = next(i for i, (code, _) in enumerate(said) if code == 1)
    assert "已有数据" in said[loser][1] and "Traceback" not in said[loser][1], said
    assert not (folders[loser] / "db-url").exists()
    assert (folders[1 - loser] / "db-url").read_text().strip() == url


def test_an_encrypted_store_moved_to_a_server_is_told_its_encryption_stays_behind(
    tmp_path, pg_cluster, capsys
):
    """SQLCipher encrypts the PC's file: the copy on the server is the server's to protect, which the
    move now says (it said nothing); the file kept is still encrypted."""
    d = str(tmp_path / "town")
    init = ["init", "--role", "township", "--code", TOWNSHIP_CODE, "--name", "朝阳乡", "--encrypt"]
    assert main(["--data-dir", d, *init]) == 0
    url = _fresh_db(pg_cluster, "wasencrypted")
    capsys.readouterr()
    assert main(["--data-dir", d, "migrate-store", "--to", url]) == 0
    out = capsys.readouterr().out
    assert "原数据库是加密的" in out and "磁盘加密" in out, out
    assert not (tmp_path / "town" / "cunyi.db").read_bytes().startswith(b"SQLite format 3")


def test_two_workstations_of_one_store_sync_up_one_at_a_time(tmp_path, monkeypatch):
    """A township's workstations share its store and its device keys: each runs the network sync
    to the county (the window's, a scheduled task's).  Two at once made two bundles of the same
    changes and fetched the county's bundles twice (each data folder's lock is its own).  While
    one runs, the other is told so in words and sends nothing; after, it runs."""
    import shutil

    from app.config import Paths
    from app.services.sync import service, transport
    from tests import netkit
    from tests.synckit import Device
    from tests.test_county import COUNTY, TOWNS, make

    county, town = (
        make(tmp_path, "县卫健委", "county", COUNTY),
        make(tmp_path, "乡卫生院", "township", TOWNS[0]),
    )
    county.trust(town)
    town.trust(county)
    with town.store.transaction() as s:
        from app.tools import demo

        demo.generate_demo(s, 6, seed=5, today=TODAY)
    second = Paths(tmp_path / "second").ensure()  # the same store, the first workstation's keys
    shutil.copytree(town.paths.sub("keys"), second.sub("keys"), dirs_exist_ok=True)
    other = Device("second", second, Store(town.store.url))
    inside, go_on = threading.Event(), threading.Event()

    class Waiting(transport.MailboxClient):
        def upload(self, path, upload_id, **kw):
            inside.set()  # the first workstation's run is under way
            assert go_on.wait(30)
            return super().upload(path, upload_id, **kw)

    try:
        with netkit.serve(county) as server:
            reports = []
            first = threading.Thread(
                target=lambda: reports.append(netkit.sync(town, server, client_factory=Waiting))
            )
            first.start()
            assert inside.wait(30)
            with pytest.raises(service.SyncBusy, match="另一台工作站正在同步"):
                netkit.sync(other, server)
            go_on.set()
            first.join(30)
            assert reports and reports[0].ok and reports[0].uploaded == 1, reports
            assert netkit.sync(other, server).ok  # its turn, the first one done: the lock was let go
        with county.store.session() as s:
            from app.models import BundleRecord

            came = s.scalars(sa.select(BundleRecord.ops).where(BundleRecord.direction == "in")).all()
        assert came == [reports[0].ops_sent]  # the township's changes, once

        def broken(*_args):
            raise RuntimeError("a run that fails")

        monkeypatch.setattr(service, "_sync_once", broken)
        with pytest.raises(RuntimeError):
            netkit.sync(other, "http://127.0.0.1:9")
        engine = sa.create_engine(town.store.url)  # its lock went with it: another may take it
        try:
            with engine.connect() as conn:
                from app.db import PG_NETWORK_RUN_LOCK

                assert conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({PG_NETWORK_RUN_LOCK})").scalar()
        finally:
            engine.dispose()
    finally:
        go_on.set()
        other.store.dispose()
        storekit.discard(town.store)
        storekit.discard(county.store)


def test_an_account_without_rights_is_told_so_not_that_the_database_is_full_or_away(
    tmp_path, pg_cluster, capsys
):
    """Found by the attacker: an account that may not create tables was told the empty target
    "已有数据", and one that may not read a store "连不上数据库 … 服务器没有开、地址或端口不对" — the
    server had answered, refusing the account.  Each is said as what it is, naming the account."""
    d = _town_folder(tmp_path)
    role = f"reader_{next(storekit._names)}"
    pg_cluster.admin(f'CREATE ROLE "{role}" LOGIN')
    empty = _fresh_db(pg_cluster, "norights")
    owner = sa.create_engine(empty)
    with owner.begin() as conn:
        conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    owner.dispose()
    as_reader = empty.replace(f"{pg_cluster.url('x').split('//')[1].split('@')[0]}@", f"{role}@")
    capsys.readouterr()
    assert main(["--data-dir", d, "migrate-store", "--to", as_reader]) != 0
    err = capsys.readouterr().err
    assert f"数据库账户 {role}" in err and "没有建表的权限" in err and "已有数据" not in err, err
    # a CunYi store the account may not read
    store_url = _fresh_db(pg_cluster, "stored")
    assert main(["--data-dir", str(tmp_path / "t2"), "--db", store_url, "init", "--role", "township",
                 "--code", TOWNSHIP_CODE, "--name", "某镇"]) == 0  # fmt: skip
    capsys.readouterr()
    reader_store = store_url.replace(f"{pg_cluster.url('x').split('//')[1].split('@')[0]}@", f"{role}@")
    assert main(["--data-dir", str(tmp_path / "w"), "--db", reader_store, "residents", "search", "王"]) != 0
    err = capsys.readouterr().err
    assert f"数据库账户 {role}" in err and "没有读写数据的权限" in err and "没有开" not in err, err

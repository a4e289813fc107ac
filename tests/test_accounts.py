"""Accounts, the permission matrix through the services, login faults, audit, backups."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from argon2 import PasswordHasher
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.db import Store
from app.models import AuditEntry, Resident, User
from app.services import backup, printing, profile
from app.services.access import accounts, audit_review, authz, passwords
from app.services.access import actor as actors
from app.services.access.actor import Actor
from app.services.errors import UserError, ValidationError
from app.services.printing.layout import Labels
from app.services.programmes import followup
from app.services.records import residents as records
from app.services.sync import conflicts, exchange
from app.services.sync import keys as device_keys
from tests import storekit
from tests.synckit import TODAY, dump, make_device

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

TOWN, A, B = "110105001", "110105001101", "110105001102"
PASSWORD = "村医-secret-1"


def _as(store: Store, username: str) -> None:
    store.actor = accounts.login(store, username, PASSWORD)


@pytest.fixture(scope="module")
def township(tmp_path_factory, db_backend):  # built once per module and database
    """A township device holding villages A and B, a sensitive enrolment in A whose responsible
    doctor is 李医生, and one user per role."""
    root = tmp_path_factory.mktemp("matrix")
    town = make_device(root, "东风乡", "township", TOWN)
    store = town.store
    with store.transaction() as s:
        for code, name in ((A, "一村"), (B, "二村")):
            profile.ensure_village(s, code, name)
        ids = {}
        for code, person in ((A, "张三"), (B, "李四")):
            inp = records.ResidentInput(
                name=person, sex="1", birth_date="1960-01-01", current_address="一组", village_code=code
            )
            ids[code] = records.save_resident(s, inp, today=TODAY).id
        r = s.get(Resident, ids[A])
        e = followup.enrol(s, r, "htn", dt.date(2025, 1, 1), doctor="李医生")
        e.sensitive = True
        for username, role, name, village, perms in (
            ("doc_a", "village_doctor", "李医生", A, ()),
            ("doc_a2", "village_doctor", "王医生", A, ()),
            ("staff", "township_staff", "公卫人员", None, ("mental_health",)),
            ("staff_plain", "township_staff", "公卫科员", None, ()),
            ("boss", "admin", "管理员", None, ()),
        ):
            accounts.create_user(
                s, username, PASSWORD, role, display_name=name, village_code=village, permissions=perms
            )
        sensitive_id = e.id
    return town, ids, sensitive_id


# (role user, action, target) -> allowed?   Written out, not derived from authz.allowed.
EXPECTED = {
    "doc_a": {
        "read own": True,
        "read other": False,
        "write own": True,
        "write other": False,
        "print own": True,
        "print other": False,
        "sensitive read": True,
        "sensitive write": True,
        "sync": True,
        "backup": False,  # the whole store: the admin's
        "resolve_conflicts": False,
        "view_audit": False,
        "manage_users": False,
        "manage_devices": False,
        "restore": False,
    },
    "doc_a2": {  # same village, not the responsible doctor of the sensitive record
        "read own": True,
        "read other": False,
        "write own": True,
        "write other": False,
        "print own": True,
        "print other": False,
        "sensitive read": False,
        "sensitive write": False,
        "sync": True,
        "backup": False,  # the whole store: the admin's
        "resolve_conflicts": False,
        "view_audit": False,
        "manage_users": False,
        "manage_devices": False,
        "restore": False,
    },
    "staff": {
        "read own": True,
        "read other": True,
        "write own": True,
        "write other": True,
        "print own": True,
        "print other": True,
        "sensitive read": True,
        "sensitive write": True,
        "sync": True,
        "backup": False,  # the whole store: the admin's
        "resolve_conflicts": True,
        "view_audit": True,
        "manage_users": False,
        "manage_devices": False,
        "restore": False,
    },
    "staff_plain": {  # public-health staff without the mental-health permission
        "read own": True,
        "read other": True,
        "write own": True,
        "write other": True,
        "print own": True,
        "print other": True,
        "sensitive read": False,
        "sensitive write": False,
        "sync": True,
        "backup": False,  # the whole store: the admin's
        "resolve_conflicts": True,
        "view_audit": True,
        "manage_users": False,
        "manage_devices": False,
        "restore": False,
    },
    "boss": {
        "read own": True,
        "read other": True,
        "write own": True,
        "write other": True,
        "print own": True,
        "print other": True,
        "sensitive read": False,
        "sensitive write": False,
        "sync": True,
        "backup": True,
        "resolve_conflicts": True,
        "view_audit": True,
        "manage_users": True,
        "manage_devices": True,
        "restore": True,
    },
}


def _attempt(town, ids, sensitive_id, cell: str, tmp_path) -> bool:
    """Run the cell's action through the services.  True: allowed; False: PermissionDenied.
    Any other error means the permission check passed (e.g. nothing to resolve)."""
    store, paths = town.store, town.paths
    own, other = ids[A], ids[B]
    try:
        if cell.startswith(("read", "write", "print")) and not cell.startswith("sensitive"):
            action, where = cell.split()
            rid = own if where == "own" else other
            with store.transaction() as s:
                if action == "read":
                    records.get_resident(s, rid)
                elif action == "write":
                    r = s.get(Resident, rid)
                    inp = records.resident_input_from(r)
                    inp.phone = "13800000000"
                    records.save_resident(s, inp, resident_id=rid, today=TODAY)
                else:
                    printing.card_pdf(s, str(rid), Labels())
        elif cell == "sensitive read":
            with store.session() as s:
                return any(e.id == sensitive_id for e in followup.enrolments_of(s, own))
        elif cell == "sensitive write":
            with store.transaction() as s:
                followup.end_management(
                    s, sensitive_id, "9", "2026-01-01", "x"
                )  # invalid status: checked after
        elif cell == "sync":
            exchange.export_bundles(store, paths, tmp_path / "usb")
        elif cell == "backup":
            backup.backup_to(store, tmp_path / f"b-{uuid.uuid4().hex}.db")
        elif cell == "resolve_conflicts":
            with store.transaction() as s:
                conflicts.resolve(s, uuid.uuid4(), "kept")
        elif cell == "view_audit":
            with store.session() as s:
                audit_review.query(s)
        elif cell == "manage_users":
            with store.transaction() as s:
                accounts.create_user(
                    s, f"u{uuid.uuid4().hex[:8]}", PASSWORD, "village_doctor", village_code=A
                )
        elif cell == "manage_devices":
            with store.transaction() as s:
                device_keys.revoke(s, "999999999")
        elif cell == "restore":
            backup.restore(store, paths, tmp_path / "no-such-backup.db")
        return True
    except authz.PermissionDenied:
        return False
    except UserError:
        return True  # got past the permission check


@pytest.mark.parametrize("user", list(EXPECTED))
def test_permission_matrix(township, user, tmp_path):
    town, ids, sensitive_id = township
    _as(town.store, user)
    try:
        got = {cell: _attempt(town, ids, sensitive_id, cell, tmp_path) for cell in EXPECTED[user]}
    finally:
        town.store.actor = None
    assert got == EXPECTED[user]


def test_refusals_are_audited_and_search_hides_other_villages(township):
    town, ids, _ = township
    _as(town.store, "doc_a")
    try:
        from app.services.records import search

        with town.store.session() as s:
            names = {r.name for r in search.search_residents(s, "")}
            assert names == {"张三"}  # 李四 lives in village B
            assert search.search_residents(s, "李四") == []
        with pytest.raises(authz.PermissionDenied, match="没有权限") as refused, town.store.session() as s:
            records.get_resident(s, ids[B])
        # the refusal names the record by the number typed, never by the name it holds: another
        # village's residents were read off the refusals, archive number after archive number
        assert "李四" not in refused.value.message.render()
        with town.store.session() as s:
            assert s.get(Resident, ids[B]).archive_no in refused.value.message.render()
    finally:
        town.store.actor = None
    with town.store.session() as s:
        denied = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "denied", AuditEntry.username == "doc_a")
        ).all()
        assert denied and any("read" in (d.summary or "") for d in denied)
        assert any("李四" in (d.summary or "") for d in denied)  # the trail says whose record


def test_another_villages_archive_number_is_not_found_as_one_nobody_holds(township):
    """A village doctor typing numbers learnt which ones another village's residents hold:
    "没有权限查看档案：<17 digits>" against "找不到档案" for a number nobody holds."""
    town, ids, _ = township
    with town.store.session() as s:
        theirs = s.get(Resident, ids[B]).archive_no
    nobody = theirs[:-5] + "99999"
    _as(town.store, "doc_a")
    try:
        told = {}
        for ref in (theirs, theirs[-8:], nobody, nobody[-8:]):
            with pytest.raises(UserError) as refused, town.store.session() as s:
                records.find_resident(s, ref)
            told[ref] = refused.value.message.render().replace(ref, "X")
        assert set(told.values()) == {"找不到档案：X"}, told
    finally:
        town.store.actor = None
    with town.store.session() as s:  # the attempts on a record are still refusals in the trail
        denied = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "denied", AuditEntry.username == "doc_a")
        ).all()
        assert any(theirs in (d.summary or "") for d in denied)


def test_another_villages_report_refused_is_in_the_trail(township):
    """A village doctor asking for another village's indicator or quality report was told it is
    not found or not theirs, and the trail said nothing: a refused read of records, not recorded
    as one; its worklist printed an empty page, as a print.  A code no village here bears is a
    typing error, not recorded."""
    from app.services.indicators import Period, engine
    from app.services.programmes import worklist
    from app.services.quality import report as quality

    town, _ids, _ = township

    def denied() -> list[str]:
        with town.store.session() as s:
            q = select(AuditEntry.summary).where(
                AuditEntry.action == "denied", AuditEntry.username == "doc_a2"
            )
            return list(s.scalars(q))

    before = denied()
    _as(town.store, "doc_a2")
    try:
        with pytest.raises(authz.PermissionDenied), town.store.session() as s:  # (print worklist --village)
            worklist.print_scope(s, B, None)
        for ask in (
            lambda s: engine.evaluate(s, Period.year(2025), village_code=B),
            lambda s: quality.quality_report(s, Period.year(2025), village_code=B),
            lambda s: engine.evaluate(s, Period.year(2025), village_code="110105001999"),
        ):
            with pytest.raises(UserError), town.store.session() as s:
                ask(s)
    finally:
        town.store.actor = None
    assert denied()[len(before) :] == [f"print {B} 二村", f"report {B}", f"quality_report {B}"]
    # a code typed short names no place: nothing recorded (an entry scoped to the typed prefix was
    # refused upstream with the whole bundle, for good); the entries are this device's
    _as(town.store, "doc_a2")
    try:
        for typed in (B[:-1], B[:3], "1"):
            with pytest.raises(UserError), town.store.session() as s:
                quality.quality_report(s, Period.year(2025), village_code=typed)
    finally:
        town.store.actor = None
    assert denied()[len(before) :] == [f"print {B} 二村", f"report {B}", f"quality_report {B}"]
    with town.store.session() as s:
        q = select(AuditEntry.summary, AuditEntry.scope_code).where(
            AuditEntry.action == "denied", AuditEntry.username == "doc_a2"
        )
        scopes = {
            scope for summary, scope in s.execute(q) if summary.split()[0] in ("report", "quality_report")
        }
        assert scopes == {TOWN}


def test_an_id_number_of_another_villages_resident_names_nobody(township):
    """Typing 李四's ID number (village B) into a record of village A said "该证件号已建档：李四，档案
    编号…，B村": any ID number could be looked up.  Now it says only that it is enrolled elsewhere."""
    town, ids, _ = township
    number = "110105196001010017"  # (a man born 1960-01-01, as both of them)
    with town.store.transaction() as s:
        theirs = s.get(Resident, ids[B])
        typed = records.resident_input_from(theirs)
        typed.id_number = number
        records.save_resident(s, typed, resident_id=theirs.id, today=TODAY)
        name, archive = theirs.name, theirs.archive_no
        mine = records.resident_input_from(s.get(Resident, ids[A]))
    mine.id_number = number
    _as(town.store, "doc_a")
    try:
        with pytest.raises(ValidationError) as refused, town.store.transaction() as s:
            records.save_resident(s, mine, resident_id=ids[A], today=TODAY)
        said = refused.value.render()
        assert "另一个村建档" in said and name not in said and archive not in said, said
    finally:
        town.store.actor = None


def test_only_township_staff_or_an_admin_set_the_rules_every_report_reads(township):
    from app.services import settings

    town, _ids, _ = township
    for user, may in (("doc_a", False), ("staff", True)):
        _as(town.store, user)
        try:
            wanted = settings.UiSettings("zh", False, "140/90" if may else "150/90")
            if may:
                with town.store.transaction() as s:
                    settings.save_ui_settings(s, wanted)
            else:
                with pytest.raises(authz.PermissionDenied), town.store.transaction() as s:
                    settings.save_ui_settings(s, settings.UiSettings("zh", False, "140/90"))
        finally:
            town.store.actor = None
    with town.store.session() as s:
        assert settings.elderly_htn_target(s) == "140/90"
        with pytest.raises(ValueError):
            settings.save_ui_settings(s, settings.UiSettings("xx-evil", False, "140/90"))


def test_a_village_doctor_signed_in_at_the_township_leaves_its_profile_alone(township):
    """The township's name and phone are its staff's: a village doctor's account there changed
    them (found by an attacker); on their own village's PC they keep their clinic's."""
    from app.services import institution

    town, _ids, _ = township
    for user, may in (("doc_a", False), ("staff", True)):
        _as(town.store, user)
        try:
            with town.store.session() as s:
                wanted = dataclasses.replace(
                    institution.institution_profile(s).as_input(), phone="010-12345678"
                )
            if may:
                with town.store.transaction() as s:
                    institution.save_institution(s, wanted)
            else:
                with pytest.raises(authz.PermissionDenied), town.store.transaction() as s:
                    institution.save_institution(s, dataclasses.replace(wanted, phone="13900000000"))
        finally:
            town.store.actor = None
    with town.store.session() as s:
        assert institution.institution_profile(s).phone == "010-12345678"
    assert authz.allowed(
        Actor(uuid.uuid4(), "d", "李医生", "village_doctor", A), "edit_profile", device_code=A
    )


ROLES = st.sampled_from(["village_doctor", "township_staff", "admin", "nurse", "", "ADMIN"])
CODES = st.sampled_from([A, B, "110105002101", "110106001101", "", "abc", None])


# A pure function, cheap to call: twice the Hypothesis profile's examples (400 in CI).
@settings(max_examples=2 * settings.default.max_examples, deadline=None)
@given(
    role=ROLES,
    user_village=CODES,
    action=st.sampled_from([*authz.ACTIONS, "drop_table", ""]),
    village=CODES,
    sensitive=st.booleans(),
    responsible=st.sampled_from([None, "李医生", "王医生", ""]),
    name=st.sampled_from(["李医生", "王医生"]),
    device=st.sampled_from([TOWN, A]),
)
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_no_combination_grants_what_the_matrix_forbids(
    role, user_village, action, village, sensitive, responsible, name, device
):
    who = Actor(uuid.uuid4(), "u", name, role, user_village)
    ok = authz.allowed(
        who, action, device_code=device, village=village, sensitive=sensitive, responsible=responsible
    )
    if role not in actors.ROLES or action not in authz.ACTIONS:
        assert not ok
    if action in ("manage_users", "manage_devices", "restore"):
        assert ok == (role == "admin")
    if action in authz.CLINICAL and ok:
        assert village and len(village) == 12 and village.isdigit()
        assert village[:9] == device[:9]  # never outside this device's township
        if role == "village_doctor":
            assert village == user_village
            assert not sensitive or responsible == name
        if role == "admin":
            assert not sensitive
        if role == "township_staff":
            assert not sensitive  # the actors made here hold no mental-health permission
    if action == "resolve_conflicts" and ok:
        assert len(device) == 9 and role in ("township_staff", "admin")


# ------------------------------------------------------------------------------ login


@pytest.fixture
def village(tmp_path):
    v = make_device(tmp_path, "一村", "village", A)
    with v.store.transaction() as s:
        accounts.set_password(s, "admin", PASSWORD)
    return v


@pytest.mark.parametrize(
    "username, password, words",
    [
        ("", PASSWORD, "用户名"),
        ("admin", "", "请输入密码"),
        ("admin", "x" * 1_000_000, "太长"),
        ("admin", b"\xff\xfe\xfa", "无法识别"),
        (b"\xc3\x28", PASSWORD, "无法识别"),
        ("admin' OR '1'='1", PASSWORD, "不正确"),
        ("admin", "' OR '1'='1' --", "不正确"),
        ("nobody", PASSWORD, "不正确"),
    ],
)
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_bad_logins_get_a_clear_message(village, username, password, words):
    with pytest.raises(UserError, match=words):
        accounts.login(village.store, username, password)
    assert village.store.actor is None
    with village.store.session() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


@pytest.mark.slow
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_hashes_made_with_the_library_defaults_verify_and_weaker_ones_are_upgraded(
    village, real_password_hashing
):
    """The suite hashes cheaply (conftest); installations hash with argon2-cffi's defaults."""
    defaults = PasswordHasher()
    stored = passwords.hash_password(PASSWORD)
    assert not defaults.check_needs_rehash(stored)  # made with exactly the defaults' parameters
    assert passwords.verify(stored, PASSWORD) and not passwords.verify(stored, PASSWORD + "x")
    # The fixture set the admin's password with the suite's cheap parameters: a login upgrades it.
    accounts.login(village.store, "admin", PASSWORD)
    with village.store.session() as s:
        upgraded = s.scalar(select(User.password_hash).where(User.username == "admin"))
    assert not defaults.check_needs_rehash(upgraded)


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_growing_delay_after_five_failures(village):
    t0 = dt.datetime(2026, 11, 23, 8, 0, 0)
    for i in range(5):
        with pytest.raises(UserError, match="不正确"):
            accounts.login(village.store, "admin", f"wrong-{i}", now=t0)
    with pytest.raises(UserError, match="秒后再试"):  # even the right password must wait
        accounts.login(village.store, "admin", PASSWORD, now=t0 + dt.timedelta(seconds=1))
    with pytest.raises(UserError, match="不正确"):
        accounts.login(village.store, "admin", "wrong-6", now=t0 + dt.timedelta(seconds=3))
    with village.store.session() as s:
        u = s.scalar(select(User).where(User.username == "admin"))
        assert (u.locked_until - (t0 + dt.timedelta(seconds=3))).total_seconds() == 4  # doubled
    who = accounts.login(village.store, "admin", PASSWORD, now=t0 + dt.timedelta(seconds=10))
    assert who.role == "admin" and who.village_code == A
    with village.store.session() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.entity == "app_user"))]
        assert actions.count("login_failed") == 6 and "login" in actions


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_password_change_and_deactivation(village):
    _as(village.store, "admin")
    with village.store.transaction() as s:
        accounts.create_user(s, "doc", PASSWORD, "village_doctor", display_name="赵医生")
        with pytest.raises(UserError, match="至少"):
            accounts.create_user(s, "doc2", "123", "village_doctor")
        with pytest.raises(UserError, match="自己"):
            accounts.deactivate(s, "admin")
    village.store.actor = accounts.login(village.store, "doc", PASSWORD)
    with village.store.transaction() as s:
        with pytest.raises(UserError, match="原密码"):
            accounts.set_password(s, "doc", "new-password-1", old_password="wrong")
        accounts.set_password(s, "doc", "new-password-1", old_password=PASSWORD)
        with pytest.raises(authz.PermissionDenied):
            accounts.deactivate(s, "admin")
    _as(village.store, "admin")
    with village.store.transaction() as s:
        accounts.deactivate(s, "doc")
    with pytest.raises(UserError, match="不正确"):
        accounts.login(village.store, "doc", "new-password-1")
    with village.store.session() as s:
        assert s.scalar(select(User.active).where(User.username == "doc")) is False  # never deleted


SQLISH = [
    "'; DROP TABLE resident; --",
    '" OR 1=1 --',
    "%_\\",
    "1' UNION SELECT * FROM app_user --",
    "张三'--",
]


@pytest.mark.parametrize("text", SQLISH)
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_sql_looking_input_is_just_text(village, text):
    from app.services.records import search

    with village.store.transaction() as s:
        inp = records.ResidentInput(
            name="王五", sex="1", birth_date="1970-05-05", current_address=text, workplace=text
        )
        r = records.save_resident(s, inp, today=TODAY)
        rid = r.id
    with village.store.session() as s:
        assert search.search_residents(s, text) == [] or all(
            row.id == rid for row in search.search_residents(s, text)
        )
        r = s.get(Resident, rid)
        assert r.current_address == text.strip() and r.workplace == text.strip()
        assert s.scalar(select(func.count()).select_from(Resident)) == 1
        assert audit_review.query(s, audit_review.AuditFilter(text=text)) is not None


# ------------------------------------------------------------------------------ backups


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_a_backup_onto_a_pipe_is_refused_and_leaves_it_a_pipe(village, tmp_path):
    """`backup -o /dev/null` run as root replaced the system's /dev/null with the whole store."""
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="不是普通文件"):
        backup.backup_to(village.store, fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.slow
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_backup_wipe_restore_round_trip(village, tmp_path):
    from app.tools import demo

    with village.store.transaction() as s:
        demo.generate_demo(s, 40, seed=2, today=TODAY)
    before = dump(village.store)
    path = backup.backup_to(village.store, tmp_path / "usb.db")
    info = backup.verify(path)
    assert info.code == A and info.residents == 40
    db = village.paths.db_file
    village.store.dispose()
    for suffix in ("", "-wal", "-shm"):  # the disk is wiped
        (db.parent / (db.name + suffix)).unlink(missing_ok=True)
    store = Store(f"sqlite:///{db}")
    with store.transaction() as s:
        profile.init_profile(s, role="village", code=A, name="一村")  # a fresh install
    restored, aside = backup.restore(store, village.paths, path, force_other_device=True)
    store = Store(f"sqlite:///{db}")
    after = dump(store)
    audit_before, audit_after = before.pop("audit_log"), after.pop("audit_log")
    assert after == before  # byte-identical record content
    assert set(audit_before) < set(audit_after)  # the audit trail kept, plus the restore itself
    assert aside.exists()
    with store.session() as s:
        assert profile.get_profile(s).code == A
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "restore")) == 1
        )
    from app.views.startup import make_app  # the app opens on it

    make_app("zh")
    from app.views.main_window import MainWindow

    w = MainWindow(store, village.paths)
    assert w.windowTitle()
    w.close()
    store.dispose()


# A schema object a backup carries that this version does not make (or lacks), and its name: refused (found
# by an attacker: restored, the first rewrote every blood pressure typed as 118/76; check passed)
PLANTED = {
    "planted-trigger": (
        "CREATE TRIGGER zz AFTER INSERT ON followup_visit BEGIN "
        "UPDATE followup_visit SET sbp = 118, dbp = 76 WHERE id = NEW.id; END",
        "zz",
    ),
    "replaced-trigger": (
        "DROP TRIGGER resident_digits_ai; CREATE TRIGGER resident_digits_ai AFTER INSERT ON resident "
        "BEGIN UPDATE resident SET phone = '13000000000' WHERE id = NEW.id; END",
        "resident_digits_ai",
    ),
    "planted-view": ("CREATE VIEW followup_visit_all AS SELECT * FROM followup_visit", "followup_visit_all"),
    "dropped-index": (
        "DROP INDEX ix_followup_visit_resident_program_date",
        "ix_followup_visit_resident_program_date",
    ),
    # its row's type written otherwise: SQLite makes a trigger of it all the same (found by an
    # attacker: restored, it rewrote every blood pressure typed; check passed)
    "trigger-typed-otherwise": (
        "CREATE TRIGGER zz AFTER INSERT ON followup_visit BEGIN "
        "UPDATE followup_visit SET sbp = 118, dbp = 76 WHERE id = NEW.id; END; "
        "PRAGMA writable_schema = ON; UPDATE sqlite_master SET type = 'TRIGGER' WHERE name = 'zz'",
        "zz",
    ),
    # a conflict clause in a table's definition, no trigger: NOT NULL ON CONFLICT IGNORE on a
    # column drops a row typed without it, said saved (found by an attacker: every visit without a
    # blood pressure lost; check passed)
    "conflict-clause": (
        "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, "
        "'voided BOOLEAN NOT NULL,', 'voided BOOLEAN NOT NULL ON CONFLICT IGNORE,') WHERE name = 'followup_visit'",
        "followup_visit",
    ),
}


@pytest.mark.parametrize("kind", ["missing", "text", "truncated", "other-sqlite", "newer", *PLANTED])
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_bad_backup_files_are_refused_and_nothing_changes(village, tmp_path, kind):
    import sqlite3

    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("这不是备份")
    elif kind == "truncated":
        good = backup.backup_to(village.store, tmp_path / "good.db")
        bad.write_bytes(good.read_bytes()[:3000])
    elif kind == "other-sqlite":
        sqlite3.connect(bad).execute("CREATE TABLE t (x)").connection.commit()
    elif kind == "newer":
        good = backup.backup_to(village.store, tmp_path / "good.db")
        c = sqlite3.connect(good)
        c.execute("UPDATE alembic_version SET version_num = '9999'")
        c.commit()
        c.close()
        bad = good
    elif kind in PLANTED:
        bad = backup.backup_to(village.store, tmp_path / "planted.db")
        c = sqlite3.connect(bad)
        c.executescript(PLANTED[kind][0])
        c.close()
    before = dump(village.store)
    words = {
        "missing": "找不到",
        "text": "不是村医备份",
        "truncated": "已损坏",
        "other-sqlite": "不是村医备份",
        "newer": "更新",
    }.get(kind) or f"数据库结构与本程序建立的不同（{PLANTED[kind][1]}）"
    with pytest.raises(UserError, match=words):  # (a backup changed since: only as another PC's)
        backup.restore(village.store, village.paths, bad, force_other_device=kind in PLANTED)
    assert dump(village.store) == before


@pytest.mark.parametrize(
    "kind", ["planted-trigger", "trigger-typed-otherwise", "conflict-clause", "dropped-index"]
)
@pytest.mark.sqlite_only  # the store's SQLite schema
def test_check_names_what_of_the_schema_this_version_does_not_make(village, kind):
    import sqlite3

    assert backup.check(village.store).ok
    village.store.dispose()
    c = sqlite3.connect(village.paths.db_file)
    c.executescript(PLANTED[kind][0])
    c.close()
    report = backup.check(village.store)
    (found,) = [r for r in report.results if not r.ok]
    assert found.name == "数据库结构与本程序建立的一致" and PLANTED[kind][1] in found.detail


@pytest.mark.slow  # twenty stores upgraded
@pytest.mark.sqlite_only  # the SQLite schema files of tests/data
def test_every_older_store_upgraded_has_this_versions_schema_word_for_word(tmp_path):
    """A store of every schema the app had, upgraded, has the tables, indexes, triggers and views a
    new store has, word for word: none is refused as foreign (backup.foreign_schema)."""
    import shutil
    from pathlib import Path

    schemas = sorted(Path(__file__).parent.joinpath("data").glob("schema_*.db"))
    assert len(schemas) >= 20
    for schema in schemas:
        copy = Path(shutil.copy(schema, tmp_path / schema.name))
        store = Store(f"sqlite:///{copy}")
        try:
            with store.engine.connect() as conn:
                assert backup.foreign_schema(conn) == [], schema.name
        finally:
            store.dispose()


@pytest.mark.slow
@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_automatic_backups_rotate(village):
    day = dt.date(2026, 1, 1)
    made = [
        backup.auto_backup(village.store, village.paths, today=day + dt.timedelta(days=i)) for i in range(40)
    ]
    assert all(made)
    assert (
        backup.auto_backup(village.store, village.paths, today=day + dt.timedelta(days=39)) is None
    )  # once a day
    folder = village.paths.sub("backups")
    assert len(list(folder.glob("daily-*.db.zst"))) == 7  # a plain store's: compressed
    assert len(list(folder.glob("weekly-*.db.zst"))) == 4
    assert not list(folder.glob("daily-*.db")) and not list(folder.glob("*.plain"))


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_check_reports_in_plain_words(village):
    from app.models import Household

    report = backup.check(village.store)
    assert report.ok and any("integrity" in r.name for r in report.results)
    with village.store.transaction() as s:
        r = records.save_resident(
            s,
            records.ResidentInput(name="孙七", sex="1", birth_date="1950-01-01", current_address="三组"),
            today=TODAY,
        )
        other = profile.ensure_village(s, B, "二村")
        hh = Household(village_id=other.id, address="二村一组")
        s.add(hh)
        s.flush()
        s.execute(Resident.__table__.update().where(Resident.id == r.id).values(household_id=hh.id))
    report = backup.check(village.store)
    assert not report.ok
    bad = [r for r in report.results if not r.ok]
    assert [r.name for r in bad] == ["每位居民与其所在户属于同一个村"] and bad[0].detail == "1 条不符"


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_audit_lists_changes_with_filters(village):
    _as(village.store, "admin")
    with village.store.transaction() as s:
        inp = records.ResidentInput(name="赵六", sex="2", birth_date="1955-03-03", current_address="二组")
        records.save_resident(s, inp, today=TODAY)
    with village.store.session() as s:
        creates = audit_review.query(s, audit_review.AuditFilter(action="create", username="admin"))
        assert any("赵六" in (e.summary or "") for e in creates)
        assert (
            audit_review.query(
                s, audit_review.AuditFilter(since=dt.date(2000, 1, 1), until=dt.date(2000, 1, 2))
            )
            == []
        )
    village.store.actor = None
    from sqlalchemy.exc import IntegrityError

    with village.store.session() as s, pytest.raises(IntegrityError, match="append-only"):
        s.execute(AuditEntry.__table__.delete())


@pytest.mark.slow
def test_a_missing_user_takes_as_long_as_a_wrong_password(store, real_password_hashing):
    """Found: 3–5 ms for a name that does not exist against 170 ms for a real one.  Both now pay
    one argon2 verification (compared by counting them, not by timing)."""
    from argon2 import PasswordHasher

    from app.services.access import passwords

    with store.transaction() as s:
        accounts.create_user(s, "wang", "right-pass-1", "village_doctor")
    calls = []
    real_verify = PasswordHasher.verify

    def counting(self, *args, **kw):
        calls.append(1)
        return real_verify(self, *args, **kw)

    PasswordHasher.verify = counting
    try:
        for name in ("wang", "nobody"):
            calls.clear()
            with pytest.raises(UserError):
                accounts.login(store, name, "wrong-pass-1")
            assert len(calls) == 1, name
    finally:
        PasswordHasher.verify = real_verify
    assert passwords.verify_nobody("anything") is False


def test_only_an_admin_sets_the_escrow_key_and_it_is_audited(store):
    """Found: a village doctor set the escrow key and could then read the township's bundles."""
    import pyrage

    from app.models import AuditEntry
    from app.services import settings
    from app.services.access.authz import PermissionDenied
    from app.services.sync import keys

    key = str(pyrage.x25519.Identity.generate().to_public())
    with store.transaction() as s:
        accounts.create_user(s, "wang", "wang-pass-1", "village_doctor")
    accounts.login(store, "wang", "wang-pass-1")
    with pytest.raises(PermissionDenied), store.transaction() as s:
        keys.set_escrow(s, key)
    store.actor = None  # the system account (an admin login would do the same)
    with store.transaction() as s:
        keys.set_escrow(s, key)
    with store.session() as s:
        assert settings.get(s, settings.ESCROW_KEY) == key
        assert s.query(AuditEntry).filter_by(entity="escrow_key").count() == 1
        assert s.query(AuditEntry).filter_by(action="denied", username="wang").count() == 1


@pytest.mark.parametrize("code", ["999999999999", "110105001102", "11010500110", "１１０１０５００１１０¹"])
def test_a_village_doctors_village_is_validated(store, code):
    """Found: `user add --village 999999999999` was accepted; a village PC's doctors are its own."""
    with pytest.raises(UserError), store.transaction() as s:
        accounts.create_user(s, "wang", "wang-pass-1", "village_doctor", village_code=code)
    with store.transaction() as s:  # default: this village
        assert accounts.create_user(s, "li", "li-pass-12", "village_doctor").village_code == "110105001101"


@pytest.mark.parametrize(
    ("username", "name", "words"),
    [
        ("system", None, "留给系统使用"),
        ("SYSTEM", None, "留给系统使用"),
        ("ｓｙｓｔｅｍ", None, "留给系统使用"),
        ("adm\u200bin", "admin", "看不见的字符"),
        ("WANG", None, "已被使用"),  # another account's username, in capitals
        ("doc3", "王医生", "已被账号wang使用"),  # another doctor's name: would see their SMI patients
        ("王医生", None, "已被使用"),  # a username that is another doctor's name
    ],
)
def test_an_account_that_would_read_as_another_is_refused(store, username, name, words):
    """The audit trail and a 严重精神障碍 record's responsible doctor go by names: an account named
    like the program, like another account, or with invisible characters passed for them."""
    with store.transaction() as s:
        accounts.create_user(s, "wang", PASSWORD, "village_doctor", display_name="王医生")
        before = len(accounts.users(s))
    with pytest.raises(UserError, match=words), store.transaction() as s:
        accounts.create_user(s, username, PASSWORD, "village_doctor", display_name=name)
    with store.session() as s:
        assert len(accounts.users(s)) == before


def test_withdrawing_every_permission_on_the_command_line(township_store, capsys):
    from app.cli import main

    store = township_store

    with store.transaction() as s:
        accounts.create_user(s, "mh", PASSWORD, "township_staff", permissions=("mental_health",))
    folder = str(storekit.data_dir(store))
    store.dispose()
    assert main(["--data-dir", folder, "user", "list"]) == 0  # who holds it, said
    assert "权限：精神卫生" in next(x for x in capsys.readouterr().out.splitlines() if x.startswith("mh "))
    # "withdraw all" and a grant at once: refused, nothing changed (it granted)
    assert main(["--data-dir", folder, "user", "permissions", "mh", "mental_health", "none"]) == 1
    assert "none" in capsys.readouterr().err
    assert main(["--data-dir", folder, "user", "permissions", "mh", "none"]) == 0
    assert "mh：—" in capsys.readouterr().out


@pytest.mark.sqlite_only  # a village's store
def test_a_password_prompt_without_a_terminal_says_what_to_do(tmp_path, capsys):
    """No terminal to type a password into (a script, `< /dev/null`): "程序内部出错（EOFError）"."""
    from app.cli import main

    d = str(tmp_path / "d")
    assert main(["--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "村"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "--user", "admin", "residents", "search", "张"]) == 1
    err = capsys.readouterr().err
    assert "--password-file" in err and "Traceback" not in err and "内部出错" not in err


@pytest.mark.sqlite_only  # a village's store: SQLite by design
def test_a_permission_the_role_may_not_hold_is_named_in_words(village):
    """The refusal said "角色village_doctor不能获得权限“mental_health”" (the keys the code uses)."""
    _as(village.store, "admin")
    with village.store.transaction() as s, pytest.raises(UserError) as refused:
        accounts.create_user(s, "doc2", PASSWORD, "village_doctor", permissions=("mental_health",))
    assert refused.value.message.render() == "乡村医生不能获得“精神卫生”权限"
    with village.store.session() as s:
        assert s.scalar(select(func.count()).select_from(User).where(User.username == "doc2")) == 0


def test_a_village_pc_grants_no_mental_health_permission(store, capsys, tmp_path):
    """Found by an attacker: a village's admin made a township_staff account holding 精神卫生 and read
    every 严重精神障碍 record of the village as it.  On a village's PC the permission is refused
    (made or granted), and one an account holds already (a restore) counts for nothing there."""
    from sqlalchemy import update

    from app.cli import main
    from app.models import ProgramEnrolment

    for make in (
        lambda s: accounts.create_user(s, "mh", PASSWORD, "township_staff", permissions=("mental_health",)),
        lambda s: accounts.set_permissions(s, "plain", ["mental_health"]),
    ):
        with store.transaction() as s:
            if not s.scalars(select(User).where(User.username == "plain")).first():
                accounts.create_user(s, "plain", PASSWORD, "township_staff")
        with pytest.raises(UserError) as refused, store.transaction() as s:
            make(s)
        assert "村卫生室的电脑上不能授予“精神卫生”权限" in refused.value.render()
    with store.transaction() as s:
        s.execute(update(User).where(User.username == "plain").values(permissions=["mental_health"]))
    with store.session() as s:  # (held for nothing: never listed as held)
        from app.services.access.users_overview import users_overview

        assert [u.permissions for u in users_overview(s).users if u.username == "plain"] == [()]
    store.actor = accounts.login(store, "plain", PASSWORD)
    try:
        with store.session() as s:
            assert not authz.holds_mental_health(s)
            assert authz.sensitive_clause(s, ProgramEnrolment) is not None
    finally:
        store.actor = None
    folder = str(storekit.data_dir(store))
    store.dispose()
    (tmp_path / "pw").write_text(PASSWORD)
    assert main(["--data-dir", folder, "user", "add", "mh2", "--role", "township_staff", "--permission",
                 "mental_health", "--new-password-file", str(tmp_path / "pw")]) == 1  # fmt: skip
    assert "不能授予" in capsys.readouterr().err

"""Rules the CLI hands to the services: which conflict an id prefix means, who may list the
accounts, and the labels it prints from the code lists."""

from __future__ import annotations

import os
import uuid

import pytest

from app.cli import main
from app.config import Paths, resolve_db_url
from app.db import Store
from app.models import SyncConflict
from app.services.errors import NotFound, UserError
from app.services.sync import conflicts
from tests import storekit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

IDS = (
    "aaaa0000-0000-7000-8000-000000000001",
    "aaaa1111-0000-7000-8000-000000000002",
    "bbbb0000-0000-7000-8000-000000000003",
)


@pytest.fixture
def township(tmp_path):
    """A township with three field conflicts whose ids we chose."""
    d = storekit.data_dir_for_init(tmp_path / "town", "township")
    assert (
        main(["--data-dir", str(d), "init", "--role", "township", "--code", "110105001", "--name", "朝阳乡"])
        == 0
    )
    store = Store(resolve_db_url(Paths(d)))
    with store.transaction() as s:
        for cid in IDS:
            s.add(
                SyncConflict(
                    id=uuid.UUID(cid), kind="field", entity="resident", row_id=uuid.uuid4(), field="phone"
                )
            )
    yield d, store
    store.dispose()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("bbbb", "bbbb0000-0000-7000-8000-000000000003"),
        ("AAAA-0", "aaaa0000-0000-7000-8000-000000000001"),  # case and dashes do not matter
        ("aaaa1111-0000-7000-8000-000000000002", "aaaa1111-0000-7000-8000-000000000002"),
    ],
)
def test_find_conflict_by_prefix(township, typed, found):
    _, store = township
    with store.session() as s:
        assert conflicts.find_conflict(s, typed) == uuid.UUID(found)


@pytest.mark.parametrize(
    ("typed", "error", "fragment"),
    [
        ("aaaa", UserError, "有 2 个冲突以 aaaa 开头"),
        ("cccc", NotFound, "没有未处理的冲突 cccc"),
        ("", UserError, "十六进制"),  # not "the only one there is"
        ("٣", UserError, "十六进制"),
        ("xyz", UserError, "十六进制"),
    ],
)
def test_find_conflict_says_why_not(township, typed, error, fragment):
    _, store = township
    with store.session() as s, pytest.raises(error, match=fragment):
        conflicts.find_conflict(s, typed)


def test_sync_resolve_by_prefix_through_the_cli(township, capsys):
    d, _ = township
    capsys.readouterr()
    assert main(["--data-dir", str(d), "sync", "resolve", "aaaa", "kept"]) == 1
    err = capsys.readouterr().err
    assert "有 2 个冲突以 aaaa 开头" in err and err.count("\n") == 1
    assert main(["--data-dir", str(d), "sync", "resolve", "aaaa0", "kept"]) == 0
    assert "已处理冲突 aaaa0000" in capsys.readouterr().out
    assert main(["--data-dir", str(d), "sync", "resolve", "aaaa0", "kept"]) == 1
    assert "没有未处理的冲突 aaaa0" in capsys.readouterr().err
    assert main(["--data-dir", str(d), "sync", "resolve", "aaaa", "kept"]) == 0  # now unique


@pytest.mark.sqlite_only  # a village's command line: SQLite by design (`init` refuses a server)
def test_listing_users_is_refused_to_a_village_doctor(tmp_path, capsys):
    d, pw = str(tmp_path / "v"), tmp_path / "pw"
    pw.write_text("secret-123\n", encoding="utf-8")
    who = ["--data-dir", d, "--password-file", str(pw)]
    assert main([*who, "init", "--role", "village", "--code", "110105001101", "--name", "x"]) == 0
    doc_pw = tmp_path / "doc-pw"
    doc_pw.write_text("doctor-456\n", encoding="utf-8")
    add = [*who, "--user", "admin", "user", "add", "doc", "--role", "village_doctor"]
    capsys.readouterr()
    assert main(add) == 1  # the admin's own secret is never the new user's
    assert "--new-password-file" in capsys.readouterr().err
    assert main([*add, "--new-password-file", str(doc_pw)]) == 0
    assert "已添加用户 doc（乡村医生）" in capsys.readouterr().out  # the role by its name, not its key
    assert main([*who, "--user", "doc", "user", "list"]) == 1  # wrong password: the admin's
    assert "用户名或密码不正确" in capsys.readouterr().err
    assert main(["--data-dir", d, "--password-file", str(doc_pw), "--user", "doc", "user", "list"]) == 1
    err = capsys.readouterr().err
    assert "没有权限管理用户" in err and err.count("\n") == 1
    assert main([*who, "--user", "admin", "user", "list", "--json"]) == 0


@pytest.mark.sqlite_only  # the command line's own reading: no store of a server
def test_global_options_after_the_command_are_taken_as_before_it(tmp_path, capsys):
    """`cunyi init --password-file PW …` said "不认识的参数：--password-file PW": the global options
    are read wherever they stand, before `--`."""
    from app.cli.core import globals_first

    d, pw = str(tmp_path / "v"), tmp_path / "pw"
    pw.write_text("secret-123\n", encoding="utf-8")
    init = ["init", "--role", "village", "--code", "110105001101", "--name", "x", "--admin", "admin"]
    assert main([*init, "--data-dir", d, f"--password-file={pw}"]) == 0
    capsys.readouterr()
    assert (
        main(["user", "list", "--json", "--data-dir", d, "--user", "admin", "--password-file", str(pw)]) == 0
    )
    assert '"admin"' in capsys.readouterr().out
    assert globals_first(["--db", "u", "audit", "--text", "x", "--", "--user", "y"]) == [
        "--db", "u", "audit", "--text", "x", "--", "--user", "y",
    ]  # fmt: skip


def test_init_names_the_installation_from_the_code_lists(tmp_path, capsys):
    args = [
        "--data-dir",
        str(storekit.data_dir_for_init(tmp_path / "t", "township")),
        "init",
        "--role",
        "township",
        "--code",
        "110105001",
        "--name",
        "朝阳乡",
    ]
    assert main(args) == 0
    assert "（110105001，乡镇卫生院）" in capsys.readouterr().out


@pytest.mark.sqlite_only  # a village's data folder and its owner: SQLite by design
@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="changing a folder's owner needs root")
def test_the_system_account_is_only_for_the_data_folders_owner(tmp_path, capsys):
    """Found: without --user, anyone who could run the CLI added an admin, acting as "system"."""
    d, pw = tmp_path / "v", tmp_path / "pw"
    pw.write_text("secret-123\n", encoding="utf-8")
    assert main(["--data-dir", str(d), "--password-file", str(pw), "init", "--role", "village",
                 "--code", "110105001101", "--name", "x"]) == 0  # fmt: skip
    os.chown(d, 65534, 65534)  # the folder now belongs to another OS user
    capsys.readouterr()
    new = tmp_path / "new"
    new.write_text("another-456\n", encoding="utf-8")
    assert (
        main(
            ["--data-dir", str(d), "user", "add", "evil", "--role", "admin", "--new-password-file", str(new)]
        )
        == 1
    )
    assert "请用 --user 登录" in capsys.readouterr().err
    assert main(["--data-dir", str(d), "--user", "admin", "--password-file", str(pw), "user", "list"]) == 0


def test_sync_conflicts_lists_keys_that_resolve_takes_back(tmp_path, capsys):
    """Conflicts of one import share their ids' first digits (UUIDv7: the time first): the list
    prints as many digits as tell them apart, and each printed key resolves its own conflict."""
    d = storekit.data_dir_for_init(tmp_path / "town", "township")
    assert (
        main(["--data-dir", str(d), "init", "--role", "township", "--code", "110105001", "--name", "朝阳乡"])
        == 0
    )
    store = Store(resolve_db_url(Paths(d)))
    same_moment = ["019ad1c2-3e4f-7a00-8000-00000000000" + str(n) for n in range(3)]
    with store.transaction() as s:
        for cid in same_moment:
            s.add(
                SyncConflict(
                    id=uuid.UUID(cid), kind="field", entity="resident", row_id=uuid.uuid4(), field="phone"
                )
            )
    store.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(d), "sync", "conflicts"]) == 0
    keys = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert len(keys) == 3 and len(set(keys)) == 3 and all(len(k) >= 8 for k in keys)
    for key in keys:
        assert main(["--data-dir", str(d), "sync", "resolve", key, "kept"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["--data-dir", str(d), "sync", "conflicts"]) == 0
    assert capsys.readouterr().out.strip() == "没有未处理的冲突"

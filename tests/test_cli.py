"""The command line as a user runs it: exit codes, plain-sentence errors, the issue's smoke sequence."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, main
from app.cli.core import display_width, wrap_columns
from tests import storekit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def cunyi(*args, env=None, timeout=120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=timeout, env=full_env
    )


@pytest.mark.sqlite_only  # a village's new folder: its store is SQLite by design
@pytest.mark.slow
def test_init_demo_3000_and_gui_smoke(tmp_path):
    d = str(tmp_path / "D")
    r = cunyi("--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村")
    assert r.returncode == 0, r.stderr
    r = cunyi("--data-dir", d, "demo", "--residents", "3000", "--seed", "1")
    assert r.returncode == 0, r.stderr
    assert "3000 人" in r.stdout
    r = cunyi("--data-dir", d, "gui", "--smoke")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("first paint:") and r.stdout.strip().endswith("ms after process start")
    r = cunyi("--data-dir", d, "residents", "search", "zs", "--json")
    rows = json.loads(r.stdout)
    assert rows and {"archive_no", "name", "sex", "birth_date", "village_group", "id"} <= set(rows[0])


@pytest.mark.sqlite_only  # a village's new folder: its store is SQLite by design
@pytest.mark.slow
def test_screenshots_are_written(tmp_path):
    d = str(tmp_path / "D")
    cunyi("--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村")
    # 600 residents: the demo gives every village at least one 严重精神障碍 patient under management
    cunyi("--data-dir", d, "demo", "--residents", "600", "--seed", "1")
    out = tmp_path / "shots"
    r = cunyi("--data-dir", d, "gui", "--screenshots", str(out))
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [
        "01-home.png",
        "02-residents.png",
        "03-followups.png",
        "04-elderly.png",
        "05-smi.png",
        "06-contracts.png",
        "07-poverty.png",
        "08-education.png",
        "09-print.png",
        "10-sync.png",
        "11-audit.png",
        "12-quality.png",
        "13-review.png",
        "14-users.png",
        "15-settings.png",
        "30-residents-search-zs.png",
        "31-enrolment-validation-error.png",
        "32-enrolment-whole-form.png",
        "33-resident-detail.png",
        "34-followup-emergency.png",
        "35-resident-followups.png",
        "36-print-preview-card.png",
        "37-print-preview-worklist.png",
        "38-resident-referrals.png",
        "39-referral-return.png",
        "40-quality-report.png",
        "41-quality-drill-down.png",
        "42-review.png",
        "46-smi-followup-referral.png",
        "47-smi-followup-lost.png",
        "48-smi-followup-died.png",
        "49-elderly-check-referral.png",
    ]
    assert all(p.stat().st_size > 10_000 for p in out.glob("*.png"))


@pytest.mark.sqlite_only  # init of an empty folder makes its SQLite file
def test_environment_variable_picks_the_data_dir(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CUNYI_DATA_DIR", str(tmp_path / "E"))
    assert main(["init", "--role", "township", "--code", "110105001", "--name", "朝阳乡"]) == 0
    assert (tmp_path / "E" / "cunyi.db").exists()
    for sub in ("keys", "outbox", "inbox", "quarantine", "backups", "logs"):
        assert (tmp_path / "E" / sub).is_dir()


@pytest.mark.sqlite_only  # refused before any store is opened
@pytest.mark.parametrize(
    "args, fragment",
    [
        (["init", "--role", "village", "--code", "1101050011", "--name", "x"], "村代码应为12位数字"),
        (["init", "--role", "township", "--code", "110105001101", "--name", "x"], "乡镇代码应为9位数字"),
        (
            ["init", "--role", "village", "--code", "999999001101", "--name", "x"],
            "不是有效的县级行政区划代码",
        ),
        (["demo", "--residents", "10"], "请先运行 cunyi init"),
        (["residents", "search", "zs"], "请先运行 cunyi init"),
    ],
)
def test_user_errors_are_one_sentence_and_exit_1(tmp_path, capsys, args, fragment):
    assert main(["--data-dir", str(tmp_path / "F"), *args]) == 1
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err and err.count("\n") == 1
    if args[0] != "init":  # a command on a folder that holds no store makes none there
        assert not (tmp_path / "F").exists()


def test_a_mistyped_folder_or_database_is_left_as_it_was(tmp_path, capsys):
    """A command on a folder or a database file that holds no store made a whole empty store
    there (its folders, a migrated database), and tightened the folder to its owner: said, and
    nothing made."""
    d = str(storekit.data_dir_for_init(tmp_path / "H", "township"))
    assert main(["--data-dir", d, "init", "--role", "township", "--code", "110105001", "--name", "x"]) == 0
    capsys.readouterr()
    typo = tmp_path / "nonexist.db"
    assert main(["--data-dir", d, "--db", f"sqlite:///{typo}", "residents", "search", "王"]) == 1
    err = capsys.readouterr().err
    assert f"没有村医的数据库 {typo}" in err and err.count("\n") == 1
    assert not typo.exists()
    mine = tmp_path / "Documents"
    mine.mkdir()
    os.chmod(mine, 0o755)
    assert main(["--data-dir", str(mine), "residents", "search", "王"]) == 1
    assert "请先运行 cunyi init" in capsys.readouterr().err
    assert [p.name for p in mine.iterdir()] == [] and mine.stat().st_mode & 0o777 == 0o755
    # a folder or an empty file as --db, a bare path, a file as the data folder: said, nothing made
    # (the folder went 0600, the empty file got a whole store, the bare path an internal error)
    empty = tmp_path / "empty.db"
    empty.touch()
    for db, said in (
        (f"sqlite:///{mine}", "打不开数据库文件"),
        (f"sqlite:///{empty}", f"没有村医的数据库 {empty}"),
        (str(tmp_path / "bare.db"), "数据库地址无效"),
        ("sqlite://", "数据库地址没有给出数据库文件"),
    ):
        assert main(["--data-dir", d, "--db", db, "residents", "search", "王"]) == 1, db
        err = capsys.readouterr().err
        assert said in err and err.count("\n") == 1, err
    assert mine.stat().st_mode & 0o777 == 0o755 and empty.stat().st_size == 0
    assert not (tmp_path / "bare.db").exists()
    assert main(["--data-dir", str(empty), "residents", "search", "王"]) == 1
    assert "是一个文件，不是文件夹" in capsys.readouterr().err


def test_init_twice_is_refused(tmp_path, capsys):
    args = [
        "--data-dir",
        str(storekit.data_dir_for_init(tmp_path / "G", "township")),
        "init",
        "--role",
        "township",
        "--code",
        "110105001",
        "--name",
        "x",
    ]
    assert main(args) == 0
    assert main(args) == 1
    assert "已初始化" in capsys.readouterr().err


def test_search_without_results_says_so(tmp_path, capsys):
    d = str(storekit.data_dir_for_init(tmp_path / "H", "township"))
    main(["--data-dir", d, "init", "--role", "township", "--code", "110105001", "--name", "x"])
    capsys.readouterr()
    assert main(["--data-dir", d, "residents", "search", "nobody"]) == 0
    assert "没有找到" in capsys.readouterr().err


@pytest.mark.sqlite_only  # no store
def test_every_subcommand_has_a_handler():
    for path, parser in leaf_parsers():
        assert callable(parser.get_default("func")), path


def leaf_parsers(parser=None, path=("cunyi",)):
    """Every command a user can run, as (words, parser), by walking the argparse tree."""
    import argparse

    from app.cli import build_parser

    parser = parser or build_parser()
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for action in subs:
        for name, child in action.choices.items():
            yield from leaf_parsers(child, (*path, name))


@pytest.mark.sqlite_only  # no store
@pytest.mark.slow
def test_every_command_answers_help(capsys):
    """`--help` of every (sub-)command exits 0 and prints its usage; no traceback (a bare % in a
    help text once made `followup add --help` crash)."""
    paths = [path for path, _ in leaf_parsers()]
    assert ("cunyi", "followup", "add") in paths and len(paths) > 30
    for action in ("add", "list", "arrived", "not-arrived", "return"):
        assert ("cunyi", "referral", action) in paths
    for path in [("cunyi",), *paths]:
        with pytest.raises(SystemExit) as exit_:
            main([*path[1:], "--help"])
        out = capsys.readouterr()
        assert exit_.value.code == 0, path
        assert out.out.startswith(f"用法：{' '.join(path)}") and out.err == "", path
        too_wide = [line for line in out.out.splitlines() if display_width(line) > 80]
        assert not too_wide, (path, too_wide)


def _help_texts(parser, path=("cunyi",)):
    """(where, text) of every description and option help of ``parser`` and its sub-commands."""
    if parser.description:
        yield path, parser.description
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            yield (*path, "/".join(action.option_strings) or action.dest), action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield (*path, choice.dest), choice.help
            for name, child in action.choices.items():
                yield from _help_texts(child, (*path, name))


@pytest.mark.sqlite_only  # no store
def test_every_help_text_is_in_chinese_and_marked_for_translation():
    """The CLI speaks Chinese (its errors do): so does every line of its ``--help``, argparse's
    own words included, and each text is in the translation file (English complete)."""
    import xml.etree.ElementTree as ET

    texts = list(_help_texts(build_parser()))
    assert len(texts) > 250
    english = [(where, text) for where, text in texts if not re.search("[\u4e00-\u9fff]", text)]
    assert not english, english[:5]
    ts = Path(__file__).parent.parent / "resources" / "translations" / "cunyi_en.ts"
    translated = {
        m.findtext("source"): m.find("translation")
        for c in ET.parse(ts).getroot()
        for m in c.iter("message")
        if c.findtext("name") == "Cli"
    }
    for where, text in texts:
        found = translated.get(text)
        assert found is not None and found.get("type") != "unfinished" and found.text, (where, text)


@pytest.mark.sqlite_only  # no store
def test_every_help_text_reads_in_english_where_english_is_asked():
    """Found by review: with ``CUNYI_LANG=en`` twenty help texts were Chinese only (``--doctor
    签约医生``, ``--topic 活动主题``, ``--by-illness 因病致贫`` …) and more began with a form's Chinese
    name.  Chinese stays only as a gloss in brackets after the English (the brand 村医 aside)."""
    from app.cli.core import english_translator

    translate = english_translator()
    chinese_left = []
    for where, text in _help_texts(build_parser()):
        english = translate("Cli", text).replace("CunYi 村医", "CunYi")
        if re.search("[\u4e00-\u9fff]", re.sub(r"\([^)]*\)|（[^）]*）", "", english)):
            chinese_left.append((where, english))
    assert not chinese_left, chinese_left


@pytest.mark.sqlite_only  # no store
def test_every_argument_says_what_it_is():
    """No option or argument is listed bare in ``--help`` (80 were: ``--year``, ``--json``,
    ``-o``, ``username`` … with nothing after them)."""
    bare = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk(child, (*path, name))
            elif not action.help:
                bare.append((*path, "/".join(action.option_strings) or action.dest))

    walk(build_parser(), ("cunyi",))
    assert not bare, bare


@pytest.mark.sqlite_only  # no store
@pytest.mark.parametrize("width", [20, 38, 54])
def test_chinese_help_wraps_by_terminal_columns(width):
    text = "（乡镇）导入寄给本设备的同步包（一个文件或一个文件夹），用 --json 输出 JSON；地址如 postgresql+psycopg://user@host/db 不拆开"
    lines = wrap_columns(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert not any(line.startswith(("，", "）", "；")) or line.endswith("（") for line in lines)
    if width >= 38:  # a word that fits a line is never cut
        assert any("postgresql+psycopg://user@host/db" in line for line in lines)


@pytest.mark.sqlite_only  # no store
def test_help_over_the_console_entry_point():
    r = cunyi("followup", "add", "--help")
    assert r.returncode == 0 and "糖化血红蛋白 %" in r.stdout and "Traceback" not in r.stderr


@pytest.mark.sqlite_only  # no store
def test_help_does_not_load_qt_or_the_services():
    code = (
        "import sys; from app.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('PySide6', 'reportlab', 'sqlalchemy'))]\n"
        "print(heavy, file=sys.stderr); sys.exit(1 if heavy else 0)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


@pytest.mark.sqlite_only  # refused before any store is opened
@pytest.mark.parametrize(
    "args",
    [
        ["init", "--role", "city", "--code", "1", "--name", "x"],
        ["print", "cards", "--per-sheet", "9", "-o", "x.pdf"],
        ["followup", "add"],
        ["no-such-command"],
    ],
)
def test_argument_errors_are_one_line_and_exit_2(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(tmp_path / "A"), *args])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.startswith("错误：") and err.count("\n") == 1
    assert not (tmp_path / "A").exists()


def test_commands_act_as_the_system_account_without_user(tmp_path, capsys):
    """No --user: nothing picks an account; the store's actor stays the system account."""
    d = str(storekit.data_dir_for_init(tmp_path / "S", "township"))
    assert main(["--data-dir", d, "init", "--role", "township", "--code", "110105001", "--name", "x"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "user", "list", "--json"]) == 0
    assert [u["username"] for u in json.loads(capsys.readouterr().out)] == ["admin"]


@pytest.mark.sqlite_only  # reads the source, no store
def test_no_cli_module_passes_an_actor():
    from pathlib import Path

    import app.cli

    folder = Path(app.cli.__file__).parent
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.py")}
    assert "cli.py" not in {p.name for p in folder.parent.glob("*.py")}
    assert [n for n, t in texts.items() if "actor=" in t or "default_user" in t or "act_as" in t] == []


@pytest.mark.sqlite_only  # the GUI is not started: no store work
def test_gui_is_the_default_command(tmp_path, monkeypatch):
    import app.views.startup as startup

    d = str(tmp_path / "G")
    assert main(["--data-dir", d, "init", "--role", "village", "--code", "110105001101", "--name", "x"]) == 0
    calls = []
    monkeypatch.setattr(startup, "run_gui", lambda store, paths, **kw: calls.append(kw) or 0)
    assert main(["--data-dir", d]) == 0
    assert calls and calls[0]["smoke"] is False and calls[0]["t0"] > 0


def test_residents_update_corrects_a_text_field_and_refuses_others(store, person, capsys):

    from sqlalchemy import select

    from app.models import Resident
    from app.services.records.residents import save_resident

    with store.transaction() as s:
        archive = save_resident(s, person()).archive_no
    data = str(storekit.data_dir(store))
    assert main(["--data-dir", data, "residents", "update", archive, "--set", "phone=13900001111"]) == 0
    for bad, fragment in (
        ("bogus=1", "可改的字段"),  # no such field
        ("phone=١٣٩٠٠٠٠١١١١", "本人电话"),  # Arabic-Indic digits
        ("phone", "字段=值"),
    ):
        capsys.readouterr()
        assert main(["--data-dir", data, "residents", "update", archive, "--set", bad]) != 0
        err = capsys.readouterr().err
        assert fragment in err and "Traceback" not in err
    with store.session() as s:
        assert s.scalars(select(Resident.phone)).one() == "13900001111"


def test_an_update_that_changes_nothing_logs_nothing_and_a_village_is_not_changed(store, person, capsys):
    """Another village's code on a village's PC is refused, not taken as "已更新" doing nothing;
    a correction to the value already there changes and logs nothing (it logged the record's
    ticked boxes as changed, and sent them to the township again)."""
    from sqlalchemy import func, select

    from app.models import AuditEntry, ChangeLog, Resident
    from app.services.records.residents import save_resident

    with store.transaction() as s:
        archive = save_resident(s, person(payment=["1", "3"])).archive_no

    def logged():
        with store.session() as s:
            return s.scalar(select(func.count()).select_from(ChangeLog)), s.scalar(
                select(func.count()).select_from(AuditEntry)
            )

    data = str(storekit.data_dir(store))
    before = logged()
    capsys.readouterr()
    assert (
        main(["--data-dir", data, "residents", "update", archive, "--set", "village_code=999999999999"]) == 1
    )
    err = capsys.readouterr().err
    assert "不能填写别的村（999999999999）" in err and "已更新" not in err
    with store.session() as s:
        phone = s.scalars(select(Resident.phone)).one()
    assert main(["--data-dir", data, "residents", "update", archive, "--set", f"phone={phone}"]) == 0
    assert logged() == before


@pytest.mark.sqlite_only  # no store
def test_the_main_window_loads_no_network_stack():
    """What the window needs to open: not the HTTP client and its own command line (rich, pygments:
    0.1 s), nor the server's web stack (0.12 s); both load when network sync first runs."""
    code = (
        "import sys; import app.views.main_window, app.views.startup\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('httpx', 'rich', 'starlette', 'uvicorn')]\n"
        "print(heavy, file=sys.stderr); sys.exit(1 if heavy else 0)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr

"""Numbers typed on the command line: ASCII or full-width digits only.

`int("٣") == 3`, so `type=int` took Arabic-Indic, Devanagari and other scripts' digits as if they
were ours.  Every numeric option is found by walking the argparse tree; each refusal must be one
line on stderr naming the option (or the form's field), a non-zero exit, and no row written.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys

import pytest

from app.cli import build_parser, main
from app.cli.followup import MEASUREMENTS
from app.cli.numbers import WholeNumber
from tests import storekit

# A village's command line: its store is SQLite by design (`init` refuses a village on a server).
pytestmark = [pytest.mark.both_databases, pytest.mark.sqlite_only]

REFUSED = ["¹", "٣", "४", "三", "1٣", "¹²⁰"]  # superscript, Arabic-Indic, Devanagari, ideograph, mixed
# the fast tier tries two of them on every option; the whole suite, all
REFUSED_TIERED = [*REFUSED[:2], *(pytest.param(b, marks=pytest.mark.slow) for b in REFUSED[2:])]
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
COUNTED = ("resident", "followup_visit", "change_log")
FIELD_LABELS = {  # what the follow-up service calls each measurement (RANGES in followup.py)
    "sbp": "收缩压",
    "dbp": "舒张压",
    "heart_rate": "心率",
    "weight": "体重",
    "height": "身高",
    "glucose": "空腹血糖",
    "hba1c": "糖化血红蛋白",
}


def leaves(parser: argparse.ArgumentParser, path=()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for action in subs:
        for name, child in action.choices.items():
            yield from leaves(child, (*path, name))


def numeric_options() -> list[tuple[tuple[str, ...], argparse.Action]]:
    return [
        (path, action)
        for path, parser in leaves(build_parser())
        for action in parser._actions
        if isinstance(action.type, WholeNumber)
    ]


NUMERIC = numeric_options()


def required_argv(path: tuple[str, ...], tmp_path, resident: str = "10100001") -> list[str]:
    """The command with every required argument filled in with something plausible."""
    parser = dict(leaves(build_parser()))[path]
    sample = {
        "resident": resident,
        "output": str(tmp_path / "out.pdf"),
        "file": str(tmp_path / "x"),
        "year": "2026",
    }
    argv = list(path)
    for a in parser._actions:
        if isinstance(a, argparse._HelpAction) or (a.option_strings and not a.required):
            continue
        value = str(a.choices[0]) if a.choices else sample.get(a.dest, "x")
        argv += [a.option_strings[0], value] if a.option_strings else [value]
    return argv


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    """An initialised village with one resident (archive number returned)."""
    from app.db import Store
    from app.services.records import residents as records

    d = storekit.data_dir_for_init(tmp_path_factory.mktemp("hygiene") / "data")
    assert (
        main(
            ["--data-dir", str(d), "init", "--role", "village", "--code", "110105001101", "--name", "测试村"]
        )
        == 0
    )
    store = Store(f"sqlite:///{d / 'cunyi.db'}")
    with store.transaction() as s:
        inp = records.ResidentInput(
            name="张三", id_number="11010519491231002X", phone="13812345678", group_name="一组"
        )
        archive_no = records.save_resident(s, inp).archive_no
    store.dispose()
    return d, archive_no


def counts(data_dir) -> dict[str, int]:
    with sqlite3.connect(data_dir / "cunyi.db") as db:
        return {t: db.execute(f"select count(*) from {t}").fetchone()[0] for t in COUNTED}


def run(argv, capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as e:  # argparse: status 2
        code = e.code
    return code, capsys.readouterr().err


def test_the_walk_finds_every_numeric_option():
    found = {(" ".join(path), a.option_strings[0]) for path, a in NUMERIC}
    assert {
        ("demo", "--residents"),
        ("demo", "--seed"),
        ("demo", "--villages"),
        ("residents search", "--limit"),
        ("print cards", "--due-within"),
        ("print cards", "--per-sheet"),
        ("print worklist", "--due-within"),
        ("bench", "--seed"),
    } <= found
    # and nothing numeric is left on int/float, which take any script's digits
    for path, parser in leaves(build_parser()):
        for a in parser._actions:
            assert a.type not in (int, float), (path, a.option_strings)


@pytest.mark.parametrize("bad", REFUSED_TIERED)
@pytest.mark.parametrize(
    ("path", "action"), NUMERIC, ids=lambda x: " ".join(x) if isinstance(x, tuple) else ""
)
def test_numeric_options_refuse_other_scripts_digits(village, tmp_path, capsys, path, action, bad):
    data_dir, archive_no = village
    option = action.option_strings[0]
    before = counts(data_dir)
    code, err = run(
        ["--data-dir", str(data_dir), *required_argv(path, tmp_path, archive_no), option, bad], capsys
    )
    assert code == 2
    assert err.count("\n") == 1 and option in err and "Traceback" not in err, err
    assert counts(data_dir) == before
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize(
    ("path", "action"), NUMERIC, ids=lambda x: " ".join(x) if isinstance(x, tuple) else ""
)
def test_numeric_options_accept_fullwidth_digits(tmp_path, path, action):
    bounds = action.type if isinstance(action.type, WholeNumber) else WholeNumber("")
    wanted = action.choices[-1] if action.choices else 120
    if bounds.minimum is not None and not bounds.minimum <= wanted <= (bounds.maximum or wanted):
        wanted = bounds.minimum + 26  # a year: 2026
    typed = str(wanted).translate(FULLWIDTH)
    args = build_parser().parse_args([*required_argv(path, tmp_path), action.option_strings[0], typed])
    assert getattr(args, action.dest) == wanted


def followup_argv(archive_no: str, **measurements: str) -> list[str]:
    program = "t2dm" if {"glucose", "hba1c"} & set(measurements) else "htn"
    argv = ["followup", "add", archive_no, "--program", program, "--date", "2026-01-15", "--enrol"]
    for option, value in measurements.items():
        argv += [f"--{option}", value]
    return argv


@pytest.mark.parametrize("bad", REFUSED_TIERED)
@pytest.mark.parametrize("option", list(MEASUREMENTS))
def test_followup_measurements_refuse_other_scripts_digits(village, capsys, option, bad):
    """Measurements go to the follow-up service as typed; it must refuse them, naming the field."""
    data_dir, archive_no = village
    given = {"sbp": "130", "dbp": "80", "glucose": "6.1"}
    given[option] = bad
    before = counts(data_dir)
    code, err = run(["--data-dir", str(data_dir), *followup_argv(archive_no, **given)], capsys)
    assert code == 1
    assert err.count("\n") == 1 and FIELD_LABELS[MEASUREMENTS[option][0]] in err and "Traceback" not in err, (
        err
    )
    assert counts(data_dir) == before


def test_followup_measurements_accept_fullwidth_digits(tmp_path, capsys):
    from app.db import Store
    from app.services.records import residents as records

    d = storekit.data_dir_for_init(tmp_path / "data")
    main(["--data-dir", str(d), "init", "--role", "village", "--code", "110105001101", "--name", "测试村"])
    store = Store(f"sqlite:///{d / 'cunyi.db'}")
    with store.transaction() as s:
        inp = records.ResidentInput(
            name="张三", id_number="11010519491231002X", phone="13812345678", group_name="一组"
        )
        archive_no = records.save_resident(s, inp).archive_no
    store.dispose()
    typed = {"sbp": "１２０", "dbp": "８０", "hr": "７２", "weight": "６０", "height": "１６５"}
    typed |= {"glucose": "６.１", "hba1c": "６.５"}
    capsys.readouterr()
    code, err = run(["--data-dir", str(d), *followup_argv(archive_no, **typed), "--json"], capsys)
    assert code == 0, err
    assert counts(d)["followup_visit"] == 1


def test_refusal_through_the_console_entry_point(village):
    data_dir, _ = village
    r = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "demo", "--residents", "٣"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "--residents" in r.stderr and "居民人数应为整数" in r.stderr


def test_a_referral_id_in_other_scripts_digits_is_refused(village, tmp_path, capsys):
    """uuid.UUID() parses hex with int(…, 16), which also takes ٣."""
    data_dir, _ = village
    ref = "0" * 31 + "٣"
    code, err = run(
        ["--data-dir", str(data_dir), "print", "referral", ref, "-o", str(tmp_path / "r.pdf")], capsys
    )
    assert not (tmp_path / "r.pdf").exists()
    assert code == 1 and "转诊单编号格式不对" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["followup", "add", "{archive}", "--program", "htn", "--date", "9999-12-31"],
            "年份应在 1900 到 2100 之间",
        ),
        (["audit", "--until", "9999-12-31"], "年份应在 1900 到 2100 之间"),
        (["residents", "export", "{tmp}/no-such-folder/x.csv"], "文件或文件夹不存在"),
        (["print", "card", "{archive}", "-o", "{tmp}"], "这是一个文件夹"),
        (["user", "add", "bob", "--role", "admin", "--new-password-file", "{tmp}"], "这是一个文件夹"),
        (["sync", "run", "--once", "--server", "http://[::1"], "不是有效的服务器地址"),
    ],
)
def test_what_the_system_refuses_is_one_plain_line(village, tmp_path, capsys, args, words):
    """Dates past any a record may carry, folders where files belong, a bracket left open in an
    address: one line in the user's words naming what is wrong (no traceback), and nothing written."""
    data_dir, archive = village
    before = counts(data_dir)
    argv = ["--data-dir", str(data_dir), *(a.format(archive=archive, tmp=tmp_path) for a in args)]
    code, err = run(argv, capsys)
    assert code == 1, err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    if "{tmp}" in " ".join(args) and "一个文件夹" in words:
        assert str(tmp_path) in err  # the path the user gave, not a temporary file beside it
    assert counts(data_dir) == before


def test_a_bug_is_one_line_and_the_traceback_goes_to_the_log(village, capsys):
    """A fault of the program, not of the input: one line on stderr, exit status 70, the
    traceback in the data folder's log (when the command got as far as opening it)."""
    import logging

    from app.cli import core

    def broken(_args):
        raise TypeError("'<' not supported between instances of 'str' and 'int'")

    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        code = core.run(broken, argparse.Namespace(command="residents"))
    finally:
        logging.getLogger().removeHandler(handler)
    err = capsys.readouterr().err
    assert code == core.INTERNAL_ERROR == 70
    assert "程序内部出错（TypeError）" in err and "logs/cunyi.log" in err
    assert "not supported" not in err  # (an error's text may hold a record's values: the log has it)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert records and records[0].exc_info and records[0].exc_info[0] is TypeError


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "-o", "{target}"],
        ["print", "card", "{archive}", "-o", "{target}"],
        ["residents", "export", "{target}.csv"],
        ["report", "indicators", "--year", "2026", "-o", "{target}.xlsx"],
        ["report", "quality", "--year", "2026", "-o", "{target}.xlsx"],
    ],
)
def test_a_device_or_a_pipe_where_the_file_goes_is_refused_not_replaced(village, tmp_path, capsys, args):
    """`-o /dev/null` run as root replaced /dev/null with a regular file (the finished file is
    renamed over the path), breaking every program on the machine; a pipe would have made the
    export wait for ever.  Here a named pipe, and links to it with the suffix the command wants."""
    import signal
    import stat

    data_dir, archive = village
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for suffix in (".csv", ".xlsx"):
        (tmp_path / f"pipe{suffix}").symlink_to(pipe)

    def stuck(*_):
        raise TimeoutError("waited on the pipe")

    signal.signal(signal.SIGALRM, stuck)
    signal.alarm(30)
    try:
        argv = ["--data-dir", str(data_dir), *(a.format(archive=archive, target=pipe) for a in args)]
        code, err = run(argv, capsys)
    finally:
        signal.alarm(0)
    assert code == 1 and "不是普通文件" in err and len(err.strip().splitlines()) == 1, err
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)  # still the pipe


@pytest.mark.sqlite_only  # refused before any store is opened
@pytest.mark.parametrize(
    "argv, said",
    [
        (["residents", "search", "李", "--limit", "100001"], "条数上限不能超过 100000，不能是 '100001'"),
        (["education", "list", "--year", "2101"], "年份应在 2000 到 2100 之间，不能是 '2101'"),
        (["contract", "list", "--expiring", "99999999999999999999"], "天数应在 0 到 36500 之间"),
    ],
)
def test_bounded_options_say_their_bounds(tmp_path, capsys, argv, said):
    code, err = run(["--data-dir", str(tmp_path / "none"), *argv], capsys)
    assert code == 2 and said in err and err.count("\n") == 1, err

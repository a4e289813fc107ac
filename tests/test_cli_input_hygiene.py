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
from pathlib import Path

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
        # found by the attacker: kept as "http://not a url" over the good address, or with the
        # password in the settings
        (["sync", "run", "--once", "--server", "not a url"], "不是有效的服务器地址"),
        (["sync", "run", "--once", "--server", "http://user:pw@10.0.0.1:8765"], "不是有效的服务器地址"),
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
        ["audit", "-o", "{target}.csv"],
        ["print", "card", "{archive}", "-o", "{target}.pdf"],
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
    for suffix in (".csv", ".xlsx", ".pdf"):
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


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "-o", "{tmp}/audit.xlsx"],
        ["print", "card", "{archive}", "-o", "{tmp}/card.xlsx"],
        ["print", "card", "{archive}", "-o", "{tmp}/card"],
    ],
)
def test_a_file_is_never_written_under_a_name_it_would_open_wrong_as(village, tmp_path, capsys, args):
    """`audit -o a.xlsx` wrote CSV text and `print card -o card.xlsx` a PDF: the spreadsheet said
    the file was broken.  Refused in one line naming the ending wanted; nothing written."""
    data_dir, archive = village
    argv = ["--data-dir", str(data_dir), *(a.format(archive=archive, tmp=tmp_path) for a in args)]
    code, err = run(argv, capsys)
    wanted = ".csv" if args[0] == "audit" else ".pdf"
    assert code == 1 and f"文件名应以 {wanted} 结尾" in err and len(err.strip().splitlines()) == 1, err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("audit", "card"))]


@pytest.mark.sqlite_only  # refused before any store is opened
@pytest.mark.parametrize(
    "argv, said",
    [
        (["residents", "search", "李", "--limit", "100001"], "条数上限不能超过 100000，不能是 '100001'"),
        (["education", "list", "--year", "2101"], "年份应在 2000 到 2100 之间，不能是 '2101'"),
        (["elderly", "due", "--year", "2099"], "2099年还没有到（最多到明年），不能是 '2099'"),
        (["report", "quality", "--year", "2099"], "2099年还没有到"),
        (["report", "population", "--year", "99999"], "年份应在 2000 到 2100 之间"),
        (["contract", "list", "--expiring", "99999999999999999999"], "天数应在 0 到 36500 之间"),
        (["print", "cards", "--due-within", "-5", "-o", "x.pdf"], "天数应在 0 到 365 之间，不能是 '-5'"),
        (["print", "worklist", "--due-within", "99999", "-o", "x.pdf"], "天数应在 0 到 365 之间"),
    ],
)
def test_bounded_options_say_their_bounds(tmp_path, capsys, argv, said):
    code, err = run(["--data-dir", str(tmp_path / "none"), *argv], capsys)
    assert code == 2 and said in err and err.count("\n") == 1, err


def entries(folder) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["residents", "search", "\udcff\udcfe"], "参数“\\xff\\xfe”"),
        (["residents", "export", "{tmp}/\udcff.csv"], "\\xff.csv"),
        (["--user", "\udcff", "residents", "search", "李"], "参数 --user 的值“\\xff”"),
        (["print", "worklist", "-o", "{tmp}/\udcff.pdf"], "参数 -o 的值“"),
        (["print", "worklist", "--output={tmp}/\udcff.pdf"], "参数 --output 的值“"),
        (["audit", "-o{tmp}/\udcff.csv"], "参数 -o 的值“"),
    ],
)
def test_an_argument_that_is_not_text_is_refused_naming_it(village, tmp_path, capsys, args, named):
    """Bytes that are not UTF-8 (a file name from an old GBK disk, `$'\\xff'` typed): Python hands
    them over as lone surrogates, which no log line, SQL parameter or message can hold.  They
    ended in "程序内部出错" (status 70) after the store was opened; now one sentence naming the
    argument, before anything is opened or written."""
    data_dir, _ = village
    before, made = counts(data_dir), entries(tmp_path)
    argv = ["--data-dir", str(data_dir), *(a.replace("{tmp}", str(tmp_path)) for a in args)]
    code, err = run(argv, capsys)
    assert code == 2, err
    assert err.startswith("错误：") and "不是可读的文字" in err and named in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert counts(data_dir) == before and entries(tmp_path) == made


def test_a_data_folder_that_is_not_text_is_refused_and_not_made(tmp_path):
    """`cunyi --data-dir $'\\xff' …` printed a logging traceback, called the folder an invalid
    database address and made the folder; so did $CUNYI_DATA_DIR.  Real bytes, through the
    console entry point."""
    folder = os.fsencode(tmp_path) + b"/\xff"
    for argv, env in (
        ([b"--data-dir", folder, b"residents", b"search", "李".encode()], {}),
        ([b"residents", b"search", "李".encode()], {b"CUNYI_DATA_DIR": folder}),
    ):
        r = subprocess.run(
            [sys.executable, "-m", "app", *argv],
            capture_output=True,
            env={**os.environb, **env},
            timeout=60,
        )
        err = r.stderr.decode()
        assert r.returncode == 2 and r.stdout == b"", err
        assert err.count("\n") == 1 and "不是可读的文字" in err and "\\xff" in err, err
        assert "--data-dir" in err or "CUNYI_DATA_DIR" in err, err
        assert entries(tmp_path) == set()  # the folder was not made


def test_a_search_longer_than_anyones_is_refused_in_a_sentence(village, capsys):
    """50,000 digits: SQLite refused the LIKE pattern ("pattern too complex"), said as a bug."""
    data_dir, _ = village
    code, err = run(["--data-dir", str(data_dir), "residents", "search", "1" * 50_000], capsys)
    assert code == 1 and err == "错误：搜索内容太长：最多 100 个字（现在是 50000 个）\n", err


@pytest.mark.parametrize(
    "args",
    [
        ["residents", "export", "{target}.csv"],
        ["residents", "template", "-o", "{target}.xlsx"],
        ["print", "card", "{archive}", "-o", "{target}.pdf"],
        ["print", "worklist", "-o", "{target}.pdf"],
        ["audit", "-o", "{target}.csv"],
        ["report", "indicators", "--year", "2026", "-o", "{target}.xlsx"],
        ["backup", "-o", "{target}.db"],
        ["device", "card", "-o", "{target}.json"],
    ],
)
@pytest.mark.parametrize("where", ["under a file", "unwritable"])
def test_where_a_file_cannot_be_written_the_users_path_is_named(village, tmp_path, capsys, args, where):
    """`-o somefile/x.pdf` (or /etc/passwd/x.csv) was said to be in a folder that "不存在"; a
    folder the file could not be written in named the temporary `.part` file beside it.  Each
    output says what is wrong of the path the user gave."""
    data_dir, archive = village
    if where == "under a file":
        (tmp_path / "somefile").write_text("a file, not a folder\n")
        target, words = tmp_path / "somefile" / "x", "路径中有一段不是文件夹"
    else:
        if not Path("/sys/kernel").is_dir():
            pytest.skip("needs Linux's /sys, which no account (root included) may create files in")
        target, words = Path("/sys/cunyi-x"), "无法读写"
    before, made = counts(data_dir), entries(tmp_path)
    argv = ["--data-dir", str(data_dir), *(a.format(archive=archive, target=target) for a in args)]
    code, err = run(argv, capsys)
    assert code == 1 and words in err and len(err.strip().splitlines()) == 1, err
    named = args[-1].format(archive=archive, target=target)
    assert f"无法读写 {named}：" in err and ".part" not in err, err
    assert entries(tmp_path) == made
    # (refused before anything is read; but /sys passes root's access check, and a print is
    # audited as it is rendered, before its write fails)
    assert counts(data_dir) == before or (where == "unwritable" and os.geteuid() == 0)


@pytest.mark.parametrize(
    ("command", "thing", "words"),
    [
        (["restore"], "/dev/null", "不是村医备份文件"),
        (["restore"], "pipe", "不是村医备份文件"),
        (["device", "trust"], "/dev/null", "不是村医设备卡"),
        (["device", "trust"], "pipe", "不是村医设备卡"),
        # (not /dev/null: where the refusal is missing, run as root, that moves it into quarantine)
        (["sync", "import"], "pipe", "不是村医同步包"),
    ],
)
def test_a_device_or_a_pipe_given_to_read_is_not_that_file(village, tmp_path, capsys, command, thing, words):
    """`cunyi restore /dev/null` said the backup was not found ("找不到"); `device trust` and
    `sync import` of a pipe waited for ever (and `sync import /dev/null` run as root moved
    /dev/null into the quarantine folder).  Each says the thing is not what it wants."""
    import signal
    import stat

    data_dir, _ = village
    path = Path(thing) if thing.startswith("/") else tmp_path / thing
    if thing == "pipe":
        os.mkfifo(path)
    mode = os.stat(path).st_mode

    def stuck(*_):
        raise TimeoutError("waited on the pipe")

    signal.signal(signal.SIGALRM, stuck)
    signal.alarm(30)
    try:
        code, err = run(["--data-dir", str(data_dir), *command, str(path)], capsys)
    finally:
        signal.alarm(0)
    assert code == 1 and err.startswith(f"错误：{path} {words}"), err
    assert "找不到" not in err and len(err.strip().splitlines()) == 1, err
    assert os.stat(path).st_mode == mode and not stat.S_ISREG(mode)  # still the device, or the pipe


@pytest.mark.parametrize(
    ("option", "command", "said"),
    [
        ("--password-file", ["residents", "search", "王"], "密码太长"),
        ("--new-password-file", ["user", "add", "nurse", "--role", "village_doctor"], "密码太长"),
    ],
)
def test_a_password_file_that_never_ends_is_read_to_a_passwords_length(
    village, capsys, option, command, said
):
    """`--password-file /dev/zero` read the whole "file" before taking its first line: the
    process grew to 24 GB and was killed, without a word.  A password's line is read, no more."""
    data_dir, _ = village
    head = ["--data-dir", str(data_dir)]
    if option == "--new-password-file":
        command = [*command, option, "/dev/zero"]
    else:
        head += ["--user", "admin", option, "/dev/zero"]
    code, err = run([*head, *command], capsys)
    assert code == 1 and said in err and len(err.strip().splitlines()) == 1, err
    code, err = run(
        ["--data-dir", str(data_dir), "--user", "admin", "--password-file", str(data_dir), "check"], capsys
    )
    assert code == 1 and "这是一个文件夹" in err and str(data_dir) in err, err


def test_a_file_that_is_not_a_bundle_is_said_as_every_other_error(village, tmp_path, capsys):
    """`sync import notes.txt` printed "notes.txt：notes.txt 不是村医同步包…" on stdout, the one
    error of the CLI without "错误：" (and the file named twice)."""
    data_dir, _ = village
    for name in ("notes.cyb", "notes.txt"):
        path = tmp_path / name
        path.write_text("not a bundle\n")
        code, err = run(["--data-dir", str(data_dir), "sync", "import", str(path)], capsys)
        assert code == 1 and err == f"错误：{name} 不是村医同步包，或文件头已损坏\n", err
    # a document picked by mistake stays where it was (it was moved into quarantine/unverified),
    # and so does a file named as a bundle whose header cannot be read: nothing of it is kept
    # (junk named *.cyb went from a stick, and all but the newest 20 were deleted for good)
    assert (tmp_path / "notes.txt").read_text() == (tmp_path / "notes.cyb").read_text() == "not a bundle\n"
    assert not list((data_dir / "quarantine").rglob("notes*"))


def test_lists_say_when_nothing_matches_and_refuse_what_cannot(village, capsys):
    """An audit query with the dates the wrong way round, or an action that does not exist, printed
    an empty list as if nothing had happened; so did an empty year's education list; a 5,000-digit
    archive number was echoed whole."""
    data_dir, _archive = village
    base = ["--data-dir", str(data_dir)]
    code, err = run([*base, "audit", "--since", "2026-11-10", "--until", "2026-11-01"], capsys)
    assert code == 1 and "起始日期2026-11-10晚于截止日期2026-11-01" in err, err
    code, err = run([*base, "audit", "--action", "hack"], capsys)
    assert code == 1 and "没有“hack”这种操作；可选：create, update" in err, err
    assert main([*base, "audit", "--text", "没有这样的记录"]) == 0
    assert capsys.readouterr().out.strip() == "没有符合条件的审计记录"
    assert main([*base, "education", "list", "--year", "2001"]) == 0
    assert capsys.readouterr().out.strip() == "2001年没有健康教育活动记录"
    code, err = run([*base, "print", "card", "9" * 5000, "-o", "x.pdf"], capsys)
    assert code == 1 and "找不到档案：" + "9" * 40 + "…" in err and len(err) < 200, err


@pytest.mark.parametrize(
    "args",
    [
        ["backup", "-o", "{data}/keys/device_sign.pem"],
        ["backup", "-o", "{data}/cunyi.db"],
        ["residents", "export", "{data}/keys/x.csv"],
        ["residents", "export", "{data}/backups/x.csv"],
        ["backup", "-o", "{data}/cunyi.db-wal"],
        ["sync", "export", "--to", "{data}/keys", "--always"],
        ["sync", "export", "--to", "{data}/backups/usb", "--always"],
        ["backup", "-o", "{data}/mailbox/nonces.db"],
        ["residents", "export", "{data}/sync-awaited/x.csv"],
    ],
    ids=[
        "over-the-signing-key",
        "over-the-store",
        "into-keys",
        "into-backups",
        "over-the-journal",
        "bundles-into-keys",
        "bundles-into-backups",
        "over-the-mailbox's-nonces",  # (found by the attacker: replay protection started over)
        "into-the-bundles-awaiting-word",
    ],
)
def test_nothing_a_user_asks_for_is_written_into_the_data_folder(village, capsys, args):
    """`backup -o DATA/keys/device_sign.pem` wrote a database over the PC's signing key ("已备份"):
    every bundle it signed after failed, the key lost for good; `backup -o DATA/cunyi.db` renamed a
    copy over the live store past the lock a restore waits on.  The database and the program's
    folders are its own (a file beside them is the user's: `--data-dir .` is a folder of theirs)."""
    data_dir, archive = village
    key = data_dir / "keys" / "device_sign.pem"
    before = counts(data_dir), key.read_bytes(), sorted(p.name for p in data_dir.rglob("*"))
    argv = ["--data-dir", str(data_dir), *(a.format(data=data_dir, archive=archive) for a in args)]
    code, err = run(argv, capsys)
    assert code == 1 and "是村医自己的数据" in err and len(err.strip().splitlines()) == 1, err
    assert (counts(data_dir), key.read_bytes(), sorted(p.name for p in data_dir.rglob("*"))) == before


def test_demo_data_never_goes_into_a_store_of_real_records(village, tmp_path, capsys):
    """`cunyi demo` added invented residents with back-dated visits and health-education
    activities to a store of real records, under the user's name: counted in the reports and
    synced as real.  It runs into a new store, or one it made demo data in before, only."""
    data_dir, _ = village  # one real resident
    before = counts(data_dir)
    code, err = run(["--data-dir", str(data_dir), "demo", "--residents", "5"], capsys)
    assert code == 1 and "已有 1 份档案" in err and len(err.strip().splitlines()) == 1, err
    assert counts(data_dir) == before
    fresh = storekit.data_dir_for_init(tmp_path / "demo")
    assert (
        main(
            [
                "--data-dir",
                str(fresh),
                "init",
                "--role",
                "village",
                "--code",
                "110105001101",
                "--name",
                "演示村",
            ]
        )
        == 0
    )
    for _ in range(2):  # a demo store takes more demo data
        assert main(["--data-dir", str(fresh), "demo", "--residents", "5"]) == 0
    assert counts(fresh)["resident"] == 10


def test_a_device_card_is_a_json_with_its_qr_code_beside_it(village, tmp_path, capsys):
    """Found by the attacker: ``device card -o card.png`` said it wrote the card and the QR code
    to card.png, the image over the card; a card file of gigabytes was read whole before its size
    was looked at."""
    data_dir, _archive = village
    d = ["--data-dir", str(data_dir)]
    code, err = run([*d, "device", "card", "-o", str(tmp_path / "card.png")], capsys)
    assert code == 1 and "文件名应以 .json 结尾" in err and not (tmp_path / "card.png").exists()
    assert run([*d, "device", "card", "-o", str(tmp_path / "card.json")], capsys)[0] == 0
    assert (tmp_path / "card.json").read_text().startswith("{") and (tmp_path / "card.png").is_file()
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(2 << 30)  # (sparse: 2 GB read in a blink, or refused at its first 16 KB)
    code, err = run([*d, "device", "trust", str(big)], capsys)
    assert code == 1 and "不是村医设备卡" in err

"""What the command line says (issue 15): how many residents matched, and fields named by label."""

from __future__ import annotations

import json
import re

import pytest

from app.cli import main
from app.services.records import resident_form, roster
from tests import storekit

# A village's command line: its store is SQLite by design (`init` refuses a village on a server).
pytestmark = [pytest.mark.both_databases, pytest.mark.sqlite_only]


def _village(tmp_path, capsys, residents: int = 0) -> list[str]:
    d = ["--data-dir", str(storekit.data_dir_for_init(tmp_path / "D"))]
    assert main([*d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村"]) == 0
    if residents:
        assert main([*d, "demo", "--residents", str(residents), "--seed", "2"]) == 0
    capsys.readouterr()
    return d


def test_search_says_how_many_matched_and_takes_a_limit(tmp_path, capsys):
    d = _village(tmp_path, capsys, 40)
    assert main([*d, "residents", "search", "", "--limit", "3"]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 3
    assert "共 40 人匹配，显示前 3 人（用 --limit 显示更多）" in out.err
    assert main([*d, "residents", "search", "", "--limit", "100"]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 40 and "共 40 人匹配" in out.err and "显示前" not in out.err
    assert main([*d, "residents", "search", "", "--limit", "0"]) == 1
    assert "--limit 至少为 1" in capsys.readouterr().err


def test_roster_errors_name_columns_or_labels_never_keys(tmp_path, capsys):
    d = _village(tmp_path, capsys)
    path = tmp_path / "r.csv"
    path.write_text(
        "姓名,性别,出生日期,身份证号,联系电话,现住址,村民小组,户主身份证号,与户主关系\n"
        "王一,男,2030-12-25,,,,一组,,\n"  # born in the future: 出生日期 (not 建档日期 again: said once)
        ",男,1950-01-01,,12,,一组,110105196001010130,\n"  # no name, bad phone, member without relation
        "李四,X,1950-13-01,,,,一组,,户主\n",
        encoding="utf-8",
    )
    assert main([*d, "residents", "import", str(path), "--dry-run"]) == 1
    err = capsys.readouterr().err
    named = re.findall(r"第\d+行 \[([^\]]*)\]", err)
    labels = {f.label for f in resident_form.RESIDENT_FORM} | set(roster.headers())
    assert named and "出生日期" in named and "建档日期" not in named
    assert set(named) <= labels, set(named) - labels
    assert not any(re.fullmatch(r"[a-z_]+", n) for n in named)


@pytest.mark.parametrize(
    "args, said",
    [
        (["residents", "template"], "cunyi residents template：缺少必需的参数：-o/--output"),
        (["--no-such-flag"], "cunyi：不认识的参数：--no-such-flag"),
        (["report", "abc"], "参数 report：无效的取值 'abc'（可选：'indicators', 'population', 'quality'）"),
        (["residents", "template", "-o"], "参数 -o/--output：缺少参数值"),
        (["residents", "search", "王", "--limit", "many"], "参数 --limit：条数上限应为整数，不能是 'many'"),
    ],
)
def test_argparse_says_its_errors_in_chinese_as_the_rest_of_the_cli(capsys, args, said):
    with pytest.raises(SystemExit) as ended:
        main(args)
    err = capsys.readouterr().err
    assert ended.value.code == 2 and said in err, err
    assert err.count("\n") == 1 and "usage" not in err and "argument" not in err


def test_a_message_argparse_did_not_word_is_left_as_it_is():
    from app.cli.core import in_chinese

    assert in_chinese("随机种子应为整数，不能是 'x'") == "随机种子应为整数，不能是 'x'"
    assert in_chinese("argument --seed: 随机种子应为整数") == "参数 --seed：随机种子应为整数"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["sync", "import", "x", "expected one argument"], "不认识的参数：expected one argument"),
        (["residents", "a (choose from b)"], "无效的取值 'a (choose from b)'（可选：'import', "),
    ],
)
def test_what_the_user_typed_is_quoted_as_typed(capsys, args, said):
    with pytest.raises(SystemExit):
        main(args)
    assert said in capsys.readouterr().err


def test_a_store_file_that_does_not_open_is_said_as_a_file_never_as_a_server(tmp_path, capsys):
    """A broken or missing store file is not a database server that is down; the broken file's
    message is a way back that works: move it aside, set the PC up again, restore as a new device."""
    from pathlib import Path

    d = _village(tmp_path, capsys, 5)
    folder = Path(d[1])
    assert main([*d, "backup", "-o", str(tmp_path / "last.db")]) == 0
    db = folder / "cunyi.db"
    with open(db, "r+b") as f:
        f.truncate(20_000)  # a power cut, a dying disk
    capsys.readouterr()
    assert main([*d, "residents", "search", ""]) == 1
    said = capsys.readouterr().err
    assert "已损坏" in said and "cunyi init" in said and "--force-other-device" in said
    assert "服务器" not in said and "Traceback" not in said
    db.rename(folder / "broken.db")
    assert main([*d, "init", "--role", "village", "--code", "110105001101", "--name", "测试村"]) == 0
    assert main([*d, "restore", str(tmp_path / "last.db"), "--force-other-device"]) == 0
    capsys.readouterr()
    assert main([*d, "residents", "search", "", "--limit", "100"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5
    (folder / "cunyi.db").unlink()
    for suffix in ("-wal", "-shm"):
        (folder / f"cunyi.db{suffix}").unlink(missing_ok=True)
    (folder / "cunyi.db").mkdir()  # something that is no file where the store should be
    assert main([*d, "residents", "search", ""]) == 1
    said = capsys.readouterr().err
    assert "打不开数据库文件" in said and "服务器" not in said


@pytest.mark.parametrize(("lang", "said"), [("zh", "已损坏"), ("en", "is damaged")])
def test_the_desktop_app_says_in_a_window_why_it_did_not_open(
    tmp_path, capsys, qapp, monkeypatch, lang, said
):
    """The desktop shortcut's CunYi has no console: a store that does not open is said in a
    window, in the user's language, besides stderr."""
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    d = _village(tmp_path, capsys)
    with open(Path(d[1]) / "cunyi.db", "r+b") as f:
        f.truncate(20_000)
    try:
        assert main([*d, "gui", "--lang", lang]) == 1
    finally:
        from app.views.startup import install_translator

        install_translator(qapp, "zh")  # as the other tests expect
    assert len(shown) == 1 and said in shown[0][1] and "Traceback" not in shown[0][1]
    assert "已损坏" in capsys.readouterr().err


def test_the_command_lines_help_and_errors_speak_english_when_asked(tmp_path, capsys, monkeypatch):
    """Found by review: ``CUNYI_LANG=en`` (the window's switch) left ``--help`` in Chinese only,
    though every help text has its English.  Help and errors now follow it; Chinese stays the
    default, word for word."""
    d = _village(tmp_path, capsys)
    monkeypatch.setenv("CUNYI_LANG", "en")
    with pytest.raises(SystemExit):
        main(["report", "indicators", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: cunyi report indicators") and "options:" in out and "show this help" in out
    assert not re.search(r"[\u4e00-\u9fff]{3}", out.replace("村民小组", "").replace("累计", "")), out
    with pytest.raises(SystemExit) as ended:
        main(["residents", "template"])
    err = capsys.readouterr().err
    assert ended.value.code == 2 and err.startswith("error: cunyi residents template: ") and "--help" in err
    assert main([*d, "print", "card", "99999", "-o", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err == "Error: No record found: 99999\n"
    assert main([*d, "residents", "export", str(tmp_path / "none" / "x.csv")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    monkeypatch.delenv("CUNYI_LANG")
    assert main([*d, "print", "card", "99999", "-o", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.startswith("错误：")
    with pytest.raises(SystemExit):
        main(["report", "indicators", "--help"])
    assert capsys.readouterr().out.startswith("用法：cunyi report indicators")


def test_a_rosters_cells_reach_the_terminal_escaped_never_obeyed(tmp_path, capsys):
    """Found by the attacker: a cell of ``ESC[2K CR 已导入 1 人… ESC[8m`` cleared the refusal's line
    and printed a success over it (exit status 1, nothing imported, but the screen said otherwise)."""
    d = _village(tmp_path, capsys)
    roster_file = tmp_path / "spoof.csv"
    spoof = "\x1b[2K\r已导入 1 人（新建 1 户），跳过 0 行\x1b[8m"
    roster_file.write_text(
        f'姓名,身份证号,现住址,\x1b]0;pwned\x07备注\n"{spoof}",110105198003040096,x,\n', encoding="utf-8"
    )
    assert main([*d, "residents", "import", str(roster_file)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\r" not in err and "\x07" not in err, repr(err)
    assert "\\x1b[2K\\r已导入" in err and "未导入任何记录" in err


def test_a_refused_bundle_is_said_in_the_language_asked(tmp_path, capsys, monkeypatch):
    """Found by the attacker: with ``CUNYI_LANG=en`` a refused bundle was still said in Chinese,
    after "错误：", in the text and in ``--json`` — its English was there all along."""
    d = _village(tmp_path, capsys)
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "garbage.cyb").write_bytes(b"not a bundle at all" * 10)
    monkeypatch.setenv("CUNYI_LANG", "en")
    assert main([*d, "sync", "import", str(usb)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "garbage.cyb" in err, err
    assert not re.search(r"[\u4e00-\u9fff]", err), err
    (usb / "garbage.cyb").write_bytes(b"not a bundle at all" * 10)  # (the refused file was set aside)
    assert main([*d, "sync", "import", str(usb), "--json"]) == 1
    (said,) = json.loads(capsys.readouterr().out)
    assert said["status"] == "rejected" and not re.search(r"[\u4e00-\u9fff]", said["reason"]), said
    monkeypatch.delenv("CUNYI_LANG")
    (usb / "garbage.cyb").write_bytes(b"not a bundle at all" * 10)
    assert main([*d, "sync", "import", str(usb)]) == 1
    assert (
        capsys.readouterr().err == "错误：garbage.cyb 不是村医同步包，或文件头已损坏\n"
    )  # (Chinese: as before)


def test_serve_checks_its_key_before_it_says_it_is_open(tmp_path, capsys, monkeypatch):
    """Found by an attacker: ``serve`` with a key that is not its certificate's said "同步服务器已开启"
    and then "程序内部出错（SSLError）"; with a key file missing, "文件或文件夹不存在" naming nothing;
    its refusals were Chinese under ``CUNYI_LANG=en``.  Each is said before anything is opened,
    naming the file, in the language asked."""
    import subprocess

    for name in ("a", "b"):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", str(tmp_path / f"{name}.key"), "-out", str(tmp_path / f"{name}.crt"), "-days", "30",
             "-subj", "/CN=t"],
            check=True, capture_output=True,
        )  # fmt: skip
    town = storekit.data_dir_for_init(tmp_path / "town")
    assert (
        main(["--data-dir", str(town), "init", "--role", "township", "--code", "110105001", "--name", "乡"])
        == 0
    )
    capsys.readouterr()
    serve = ["--data-dir", str(town), "serve", "--host", "127.0.0.1", "--port", "0"]
    cert = ["--tls-cert", str(tmp_path / "a.crt")]
    assert main([*serve, *cert, "--tls-key", str(tmp_path / "b.key")]) == 1
    said = capsys.readouterr()
    assert said.out == "" and "b.key 读不出，或不是证书" in said.err and "a.crt 的私钥" in said.err, said
    assert main([*serve, *cert, "--tls-key", str(tmp_path / "none.key")]) == 1
    assert f"找不到私钥文件 {tmp_path / 'none.key'}" in capsys.readouterr().err
    # a key with a pass phrase: refused at once, never asked for on the terminal (the check passed
    # on the phrase typed, and uvicorn then asked again, the server said open and was not)
    subprocess.run(
        ["openssl", "ec", "-in", str(tmp_path / "a.key"), "-aes256", "-passout", "pass:abc",
         "-out", str(tmp_path / "locked.key")],
        check=True, capture_output=True,
    )  # fmt: skip
    assert main([*serve, *cert, "--tls-key", str(tmp_path / "locked.key")]) == 1
    said = capsys.readouterr()
    assert said.out == "" and "locked.key 读不出" in said.err and "pass phrase" not in said.err, said
    monkeypatch.setenv("CUNYI_LANG", "en")
    assert main([*serve, *cert, "--tls-key", str(tmp_path / "b.key")]) == 1
    err = capsys.readouterr().err
    assert "is not the key of the certificate" in err and not re.search(r"[\u4e00-\u9fff]", err), err
    assert main([*serve, *cert]) == 1
    assert capsys.readouterr().err == "Error: --tls-cert and --tls-key must be given together\n"


def test_a_missing_data_folder_is_said_in_the_language_asked(tmp_path, capsys, monkeypatch):
    """Found by an attacker: under ``CUNYI_LANG=en`` the command line's own refusals (a data folder
    that is not there, a password not given) were still Chinese."""
    missing = str(tmp_path / "nowhere")
    monkeypatch.setenv("CUNYI_LANG", "en")
    for command in (["serve"], ["sync", "run", "--once"], ["residents", "search", "x"]):
        assert main(["--data-dir", missing, *command]) == 1
        err = capsys.readouterr().err
        assert err == f"Error: The data folder {missing} does not exist: check --data-dir for a typing " \
            "error; on a new PC run cunyi init first\n", err  # fmt: skip
    monkeypatch.delenv("CUNYI_LANG")
    assert main(["--data-dir", missing, "serve"]) == 1
    assert capsys.readouterr().err.startswith(f"错误：数据目录 {missing} 不存在")


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def refusing_village(tmp_path_factory):
    """What the command line's refusals below need, set up once (no refusal writes anything): a
    village with residents, one (young) registered as 严重精神障碍 with no visit yet and referred to
    a hospital today, one (the eldest) with a health check last year; an empty village; a
    certificate file that is none; a roster with an error."""
    import contextlib
    import datetime as dt
    import io

    folder = tmp_path_factory.mktemp("refusals")
    d = ["--data-dir", str(storekit.data_dir_for_init(folder / "D"))]
    empty = ["--data-dir", str(storekit.data_dir_for_init(folder / "E"))]

    def ok(*args) -> str:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(list(args)) == 0, args
        return out.getvalue()

    for where in (d, empty):
        ok(*where, "init", "--role", "village", "--code", "110105001101", "--name", "测试村")
    ok(*d, "demo", "--residents", "20", "--seed", "2")
    people = sorted(
        json.loads(ok(*d, "residents", "search", "", "--limit", "100", "--json")), key=lambda r: r["age"]
    )
    young, elder = people[0], people[-1]
    htn = next(r for r in people if "htn" in r["tags"] and r not in (young, elder))
    ok(*d, "smi", "register", young["archive_no"], "--diagnosis", "1", "--consent", "1")
    ok(*d, "referral", "add", young["archive_no"], "--to", "County Hospital", "--reason", "fever")
    last_year = dt.date.today().year - 1
    check = ["--selfcare", "1,1,1,1,1", "--sbp", "130", "--dbp", "80"]
    ok(*d, "elderly", "check", elder["archive_no"], "--date", f"{last_year}-03-01", *check, "--confirm")
    (folder / "bad.pem").write_text("not a certificate")
    (folder / "roster.csv").write_text(
        "姓名,性别,出生日期,身份证号,联系电话,现住址,村民小组,户主身份证号,与户主关系\n王一,男,2030-12-25,,,,一组,,\n",
        encoding="utf-8",
    )
    return {
        "d": d,
        "empty": empty,
        "folder": str(folder),
        "young": young["archive_no"],
        "elder": elder["archive_no"],
        "htn": htn["archive_no"],  # (not under management yet: --enrol, undone with the refusal)
        "today": dt.date.today().isoformat(),
        "later": (dt.date.today() + dt.timedelta(days=300)).isoformat(),  # a next visit too late
        "last_year": last_year,
        "check": check,
        # what the user wrote, said back as written (a name, a roster's header and cell)
        "written": (young["name"], elder["name"], htn["name"], "出生日期", "王一"),
    }


# (id, the command line from the village above, what its English refusal says)
REFUSALS = [
    ("device-cert", lambda v: [*v["d"], "device", "card", "-o", v["folder"] + "/card.json", "--tls-cert",
                               v["folder"] + "/bad.pem"], "Cannot read the certificate"),
    ("device-https", lambda v: [*v["d"], "device", "card", "-o", v["folder"] + "/card.json", "--server",
                                "https://192.168.1.10:8765"], "An https address needs its certificate"),
    ("elderly-selfcare", lambda v: [*v["d"], "elderly", "check", v["elder"], "--date", v["today"],
                                    "--selfcare", "1,1"], "--selfcare should be 5 levels"),
    ("elderly-second-check", lambda v: [*v["d"], "elderly", "check", v["elder"], "--date",
                                        f"{v['last_year']}-03-02", *v["check"]],
     "Needs confirmation: "),
    ("elderly-print", lambda v: [*v["d"], "elderly", "print", "selfcare", v["young"], "-o",
                                 v["folder"] + "/e.pdf"], "has no elderly health check yet"),
    ("init-village-db", lambda v: ["--data-dir", v["tmp"] + "/N", "init", "--role", "village", "--code",
                                   "110105001101", "--name", "x", "--db", "postgresql+psycopg://u@h/d"],
     "--db is for a township (PostgreSQL) only"),
    ("init-unsupported-db", lambda v: ["--data-dir", v["tmp"] + "/N", "init", "--role", "township", "--code",
                                       "110105001", "--name", "x", "--db", "mysql://h/d"],
     "Unsupported database: mysql"),
    ("init-encrypt-server", lambda v: ["--data-dir", v["tmp"] + "/N", "init", "--role", "township", "--code",
                                       "110105001", "--name", "x", "--db", "postgresql+psycopg://u@h/d",
                                       "--encrypt"], "--encrypt is only for an SQLite database"),
    ("init-encrypt-existing", lambda v: [*v["d"], "init", "--role", "village", "--code", "110105001101",
                                         "--name", "x", "--encrypt"], "already exists: encrypt an existing"),
    ("print-to-folder", lambda v: [*v["d"], "print", "card", v["young"], "-o", v["folder"]],
     "it is a folder; give a file name"),
    ("print-referral-id", lambda v: [*v["d"], "print", "referral", "nope", "-o", v["folder"] + "/r.pdf"],
     "Not a valid referral id: nope"),
    ("print-cards-none-due", lambda v: [*v["empty"], "print", "cards", "-o", v["folder"] + "/c.pdf"],
     "Nobody is overdue or due within 7 days"),
    ("referral-no-reason", lambda v: [*v["d"], "referral", "add", v["young"], "--to", "County Hospital",
                                      "--reason", " "], "Give the reason for the referral (--reason)"),
    ("referral-duplicate", lambda v: [*v["d"], "referral", "add", v["young"], "--to", "County Hospital",
                                      "--reason", "fever"], "already has an open referral"),
    ("report-list", lambda v: [*v["d"], "report", "indicators", "--year", "2025", "--list", "numerator"],
     "--list needs the indicator"),
    ("report-indicator", lambda v: [*v["d"], "report", "indicators", "--year", "2025", "--indicator", "x"],
     "--indicator goes together with --list"),
    ("report-list-output", lambda v: [*v["d"], "report", "indicators", "--year", "2025", "--list", "numerator",
                                      "--indicator", "x", "-o", v["folder"] + "/a.xlsx"],
     "already has a list for each indicator"),
    ("report-suffix", lambda v: [*v["d"], "report", "indicators", "--year", "2025", "-o",
                                 v["folder"] + "/a.txt"], "should end in .xlsx or .pdf"),
    ("report-by", lambda v: [*v["d"], "report", "indicators", "--year", "2025", "-o", v["folder"] + "/a.xlsx",
                             "--by", "village"], "--by is for the list on screen only"),
    ("report-population", lambda v: [*v["d"], "report", "population", "--year", "2025", "--village",
                                     "110105001101"], "Give the population figures"),
    ("quality-suffix", lambda v: [*v["d"], "report", "quality", "-o", v["folder"] + "/q.txt"],
     "should end in .xlsx or .pdf"),
    ("quality-year", lambda v: [*v["d"], "report", "quality", "--year", "1999"],
     "The year should be between 2000 and 2100: 1999"),
    ("residents-update", lambda v: [*v["d"], "residents", "update", v["young"], "--set", "foo"],
     "Cannot change foo this way"),
    ("residents-limit", lambda v: [*v["d"], "residents", "search", "x", "--limit", "0"],
     "--limit must be at least 1"),
    ("residents-import", lambda v: [*v["d"], "residents", "import", v["folder"] + "/roster.csv", "--dry-run"],
     "Nothing was imported"),
    ("review-village", lambda v: [*v["d"], "review", "list", "--village", "110105001999"],
     "has no village with code 110105001999"),
    ("review-reason", lambda v: [*v["d"], "review", "decide", "x", "--decision", "y", "--reason", " "],
     "Give the reason with --reason"),
    ("smi-lost-and-died", lambda v: [*v["d"], "smi", "followup", v["young"], "--date", v["today"], "--lost", "1",
                                     "--died", v["today"]], "Give only one of --lost"),
    ("smi-outcome-assessed", lambda v: [*v["d"], "smi", "followup", v["young"], "--date", v["today"], "--lost",
                                        "1", "--danger", "0"], "has no assessment: leave out --danger"),
    ("smi-cause", lambda v: [*v["d"], "smi", "followup", v["young"], "--date", v["today"], "--cause", "1"],
     "--cause (cause of death) goes only with --died"),
    ("smi-social", lambda v: [*v["d"], "smi", "followup", v["young"], "--date", v["today"], "--social", "1,1"],
     "--social should be 5 ratings"),
    ("smi-print", lambda v: [*v["d"], "smi", "print", v["young"], "-o", v["folder"] + "/s.pdf"],
     "has no follow-up visit yet"),
    ("user-permissions", lambda v: [*v["d"], "user", "permissions", "bob", "none", "mental_health"],
     "none withdraws all permissions"),
    ("followup-confirm", lambda v: [*v["d"], "followup", "add", v["htn"], "--program", "htn", "--date", v["today"],
                                    "--sbp", "130", "--dbp", "80", "--hr", "70", "--enrol", "--next", v["later"]],
     "Needs confirmation: Next visit"),
    ("two-fields-wrong", lambda v: [*v["d"], "residents", "update", v["young"], "--set", "id_number=123",
                                    "--set", "phone=12"], "this has 3; Own phone: "),
    ("audit-since", lambda v: [*v["d"], "audit", "--since", "2020-13-01"],
     '--since start date "2020-13-01" is not a real date'),
    # the options' values, refused by argparse (exit status 2) in the words of the option's type
    ("number-not-whole", lambda v: [*v["d"], "demo", "--residents", "x"],
     "argument --residents: Number of residents must be a whole number, not 'x'"),
    ("number-too-big", lambda v: [*v["d"], "residents", "search", "x", "--limit", "200000"],
     "argument --limit: Limit must be at most 100000, not '200000'"),
    ("year-out-of-range", lambda v: [*v["d"], "elderly", "due", "--year", "1990"],
     "argument --year: Year must be between 2000 and 2100, not '1990'"),
    ("year-to-come", lambda v: [*v["d"], "report", "quality", "--year", "2099"],
     "argument --year: 2099 has not come yet (next year at the latest), not '2099'"),
    ("next-visit-day", lambda v: [*v["d"], "print", "card", v["young"], "--next-visit", "2020-13-01", "-o",
                                  v["folder"] + "/c.pdf"],
     'argument --next-visit: Next visit date "2020-13-01" is not a real date'),
    ("not-text", lambda v: [*v["d"], "residents", "search", "\udcff"],
     'Error: The argument "\\xff" is not readable text'),
]  # fmt: skip
# what is not said in English: Chinese characters, and Chinese punctuation (a "；" joining two errors)
CHINESE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")


def _status(argv: list[str]) -> int:
    """What ``cunyi …`` ends with: a refusal of the command 1, of its arguments (argparse) 2."""
    try:
        return main(argv)
    except SystemExit as ended:
        return ended.code


@pytest.mark.parametrize(("argv", "said"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_the_command_lines_refusals_are_said_in_english_when_asked(
    refusing_village, tmp_path, capsys, monkeypatch, argv, said
):
    """Found by review: under ``CUNYI_LANG=en`` some thirty refusals of the commands (an option
    missing, two that do not go together, a file name that will not do) were still Chinese; only
    what the user wrote (a name, a roster's cells) is said back as written."""
    monkeypatch.setenv("CUNYI_LANG", "en")
    assert _status(argv({**refusing_village, "tmp": str(tmp_path)})) in (1, 2)
    err = capsys.readouterr().err
    assert said in err, err
    for written in refusing_village["written"]:
        err = err.replace(written, "")
    assert not CHINESE.search(err), err


@pytest.mark.parametrize(
    ("id_", "said"),
    [
        ("report-list", "错误：--list 需要用 --indicator KEY 指明指标\n"),
        ("referral-duplicate", "已有一张转往County Hospital的未结转诊单"),
        ("referral-duplicate", "；确实要再开一张请加 --force\n"),
        ("elderly-second-check", "。核实无误请加 --confirm\n"),
        ("followup-confirm", "需要确认：下次随访日期 "),
        ("followup-confirm", "。核实无误请加 --confirm\n"),
        ("two-fields-wrong", "现在是3位；本人电话："),
        ("audit-since", "错误：--since 起始日期“2020-13-01”不是真实存在的日期\n"),
        ("number-not-whole", "参数 --residents：居民人数应为整数，不能是 'x'（"),
        ("number-too-big", "参数 --limit：条数上限不能超过 100000，不能是 '200000'（"),
        ("year-out-of-range", "参数 --year：年份应在 2000 到 2100 之间，不能是 '1990'（"),
        ("year-to-come", "参数 --year：2099年还没有到（最多到明年），不能是 '2099'（"),
        ("next-visit-day", "参数 --next-visit：下次随访日期“2020-13-01”不是真实存在的日期（"),
        ("not-text", "错误：参数“\\xff”不是可读的文字"),
        (
            "residents-import",
            "共 1 行，1 行有错误，未导入任何记录。改正后重新导入，或用 --skip-invalid 只导入正确的行。\n",
        ),
    ],
)
def test_the_command_lines_refusals_stay_chinese_by_default(refusing_village, tmp_path, capsys, id_, said):
    (argv,) = [r[1] for r in REFUSALS if r[0] == id_]
    assert _status(argv({**refusing_village, "tmp": str(tmp_path)})) in (1, 2)
    err = capsys.readouterr().err
    assert said in err and not err.startswith("Error"), err


def test_the_rejected_rows_of_an_import_in_json_give_their_reasons_in_the_language_asked(
    refusing_village, capsys, monkeypatch
):
    """Found by review: ``residents import --json`` under ``CUNYI_LANG=en`` gave each row's reason
    in Chinese, though the text report said it in English.  The keys and the file's own header
    and cell stay as they are; Chinese stays the default."""
    argv = [*refusing_village["d"], "residents", "import", refusing_village["folder"] + "/roster.csv"]
    monkeypatch.setenv("CUNYI_LANG", "en")
    assert main([*argv, "--dry-run", "--json"]) == 1
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert error["row"] == 2 and error["column"] == "出生日期" and error["value"] == "2030-12-25", error
    assert "after today" in error["reason"] and not CHINESE.search(error["reason"]), error
    monkeypatch.delenv("CUNYI_LANG")
    assert main([*argv, "--dry-run", "--json"]) == 1
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert set(error) == {"row", "column", "value", "reason"} and CJK.search(error["reason"]), error


def test_errors_of_several_fields_are_joined_as_the_language_joins_sentences():
    """Found by review: the errors of two fields were joined by "；" in English too ("…this has
    3；Own phone: …"), on the command line and in the forms' message boxes.  One joiner, "；" in
    Chinese and "; " in English, for a form's errors and for a field's two."""
    from app.cli.core import english_translator
    from app.services.errors import FieldError, Message, ValidationError, joined

    en = english_translator()
    wrong = ValidationError(
        [
            FieldError("visit_date", Message("Validation", "请填写{label}", {"label": "随访日期"})),
            FieldError("phone", Message("Validation", "{label}应为整数", {"label": "天数"})),
            FieldError("visit_date", Message("Validation", "{label}应为数字", {"label": "随访日期"})),
        ]
    )
    assert wrong.render() == "请填写随访日期；天数应为整数；随访日期应为数字"
    said = wrong.render(en)
    assert said.count("; ") == 2 and not CHINESE.search(said), said
    twice = wrong.by_field()["visit_date"].render(en)
    assert "; " in twice and not CHINESE.search(twice), twice
    assert wrong.by_field()["visit_date"].render() == "请填写随访日期；随访日期应为数字"
    assert joined(["a {then}", "b"], en) == "a {then}; b" and joined([], en) == "" and joined(["a"]) == "a"


def test_a_window_says_the_errors_of_several_fields_joined_as_its_language_joins_them(gui_app, monkeypatch):
    """The window's message box for a refused save (``operations.show_error``) said "；" between
    two fields' errors in English too."""
    from PySide6.QtWidgets import QMessageBox

    from app.services.errors import FieldError, Message, ValidationError
    from app.views.operations import show_error
    from app.views.startup import install_translator

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    wrong = ValidationError(
        [
            FieldError("visit_date", Message("Validation", "请填写{label}", {"label": "随访日期"})),
            FieldError("days", Message("Validation", "{label}应为整数", {"label": "天数"})),
        ]
    )
    install_translator(gui_app, "en")
    try:
        show_error(None, "t", wrong)
    finally:
        install_translator(gui_app, "zh")
    show_error(None, "t", wrong)
    assert shown[0].count("; ") == 1 and not CHINESE.search(shown[0]), shown
    assert shown[1] == "请填写随访日期；天数应为整数"


def test_a_whole_number_under_its_minimum_is_refused_in_the_language_asked():
    import argparse

    from app.cli import core
    from app.cli.numbers import WholeNumber

    at_least = WholeNumber("居民人数", minimum=1)
    with pytest.raises(argparse.ArgumentTypeError, match="^居民人数至少为 1，不能是 '0'$"):
        at_least("0")
    core.use_language("en")
    try:
        with pytest.raises(
            argparse.ArgumentTypeError, match="^Number of residents must be at least 1, not '0'$"
        ):
            at_least("0")
    finally:
        core.use_language("zh")


def test_a_sync_runs_notes_are_said_in_the_language_asked_for():
    """Found by the attacker: `sync run` under CUNYI_LANG=en printed a township's clock warning in
    Chinese (注意：东风乡 的电脑时钟比本机快约 2 天…), as `sync import` did."""
    from app.cli import core
    from app.i18n import QT_TRANSLATE_NOOP
    from app.services.errors import Message

    warning = Message(
        "Sync",
        QT_TRANSLATE_NOOP("Sync", "{name} 的电脑时钟比本机快约 {days} 天：请核对两台电脑的日期和时间"),
        {"name": "东风乡", "days": 2},
    )
    try:
        core.use_language("en")
        said = core.noted(warning)
    finally:
        core.use_language("zh")
    assert (
        said
        == "Note: 东风乡's clock is ahead of this PC's (days ahead: about 2): check the date and time on both"
    )
    assert core.noted(warning) == "注意：东风乡 的电脑时钟比本机快约 2 天：请核对两台电脑的日期和时间"

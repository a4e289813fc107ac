"""Cells written for people cannot run: the outside tester's formula payloads in CSV and xlsx."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from app.services import safe_output
from app.services.errors import UserError
from app.services.safe_output import cell, original

# (what a user typed, what the cell must hold)
PAYLOADS = [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("@SUM(1)", "'@SUM(1)"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("  =1+1", "'  =1+1"),  # after leading spaces
    ("\u3000=1+1", "'\u3000=1+1"),  # after a full-width space
    ('＝HYPERLINK("http://x")', '\'＝HYPERLINK("http://x")'),  # full-width, as Chinese IMEs type
    ("＋1", "'＋1"),
    ("－1+2", "'－1+2"),
    ("＠SUM(1)", "'＠SUM(1)"),
    ("-", "'-"),
]
UNCHANGED = ["张三", "一组 3号", "13812345678", "11010519491231002X", "", "a=b", "1+1", "-2", "+3.5", "李-四"]


@pytest.mark.parametrize(("typed", "written"), PAYLOADS)
def test_risky_text_is_prefixed_with_a_quote(typed, written):
    assert cell(typed) == written
    assert original(cell(typed)) == typed


@pytest.mark.parametrize("text", UNCHANGED)
def test_ordinary_text_is_unchanged(text):
    assert cell(text) == text
    assert original(text) == text


@pytest.mark.parametrize("value", [0, -2, 3.5, -0.25, Decimal("-1.5"), None, True, dt.date(2026, 1, 2)])
def test_numbers_and_other_values_stay_as_they_are(value):
    assert cell(value) is value


def test_csv_rows_hold_no_live_formula(tmp_path):
    path = tmp_path / "out.csv"
    rows = [["姓名", "备注", "数"], *([typed, typed, -3] for typed, _ in PAYLOADS)]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        safe_output.write_rows(csv.writer(f), rows)
    with path.open(encoding="utf-8-sig", newline="") as f:
        back = list(csv.reader(f))
    for (_typed, written), row in zip(PAYLOADS, back[1:], strict=True):
        assert row == [written, written, "-3"]
        assert row[0].lstrip()[:1] not in set("=+-@＝＋－＠")  # what a spreadsheet would evaluate


def test_xlsx_cells_are_text_not_formulas_and_ids_stay_digits(tmp_path):
    path = tmp_path / "out.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    safe_output.append_xlsx_row(ws, ["身份证号", "档案号", "姓名", "收缩压"])
    for typed, _ in PAYLOADS:
        safe_output.append_xlsx_row(ws, ["11010519491231002X", 110105001101000011, typed, 131])
    safe_output.append_xlsx_row(ws, [110105194912310021, "00012", "王五", 120.5], text_columns=[1])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # not one formula in the file
    back = openpyxl.load_workbook(path).active
    rows = list(back.iter_rows(min_row=2))
    for (_typed, written), row in zip(PAYLOADS, rows, strict=False):
        id_cell, archive, name, sbp = row
        assert name.value == written.replace("\r", "\n") and name.data_type == "s"  # XML keeps no \r
        assert id_cell.value == "11010519491231002X" and id_cell.number_format == "@"
        assert archive.value == "110105001101000011" and archive.data_type == "s"  # 18 digits: text
        assert sbp.value == 131 and sbp.data_type == "n"  # numbers stay numbers
    last = rows[-1]
    assert last[0].value == "110105194912310021" and last[0].number_format == "@"
    assert last[1].value == "00012" and last[3].value == 120.5


def test_set_xlsx_cell_never_makes_a_formula():
    ws = openpyxl.Workbook().active
    target = ws.cell(row=1, column=1)
    safe_output.set_xlsx_cell(target, '=HYPERLINK("http://x","y")')
    assert target.data_type == "s" and target.value.startswith("'=")
    safe_output.set_xlsx_cell(ws.cell(row=1, column=2), 42)
    assert ws.cell(row=1, column=2).value == 42 and ws.cell(row=1, column=2).data_type == "n"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_file_for_people_is_written_whole_for_this_account_only(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("the good file\n")
    path.chmod(0o644)

    def fails(f):
        f.write(b"half of it")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        safe_output.write_file(path, fails)
    assert path.read_text() == "the good file\n"  # a half-written file never replaces it
    assert [p.name for p in tmp_path.iterdir()] == ["list.csv"]  # and leaves nothing behind

    assert safe_output.write_csv(path, [["姓名", "备注"], ["王建国", "=1+1"]]) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [["姓名", "备注"], ["王建国", "'=1+1"]]

    book = tmp_path / "list.xlsx"
    wb = openpyxl.Workbook()
    safe_output.append_xlsx_row(wb.active, ["王建国"])
    safe_output.save_workbook(book, wb)
    assert stat.S_IMODE(book.stat().st_mode) == 0o600
    assert openpyxl.load_workbook(book).active["A1"].value == "王建国"


def test_a_workbook_on_a_full_disk_says_so_and_nothing_more(tmp_path, monkeypatch):
    """A full USB stick: the message said so, then Python printed a traceback of openpyxl's zip file
    closed as it was collected (its file closed by then)."""
    import errno
    import gc
    import io
    import sys

    class Full(io.BufferedWriter):  # a disk with 1 kB of room
        room = 1024

        def write(self, data):
            Full.room -= len(data)
            if Full.room < 0:
                raise OSError(errno.ENOSPC, "No space left on device")  # (as write(2) says it: no name)
            return super().write(data)

    monkeypatch.setattr(safe_output.os, "fdopen", lambda fd, mode: Full(io.FileIO(fd, mode)))
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    wb = openpyxl.Workbook()
    for n in range(2000):
        safe_output.append_xlsx_row(wb.active, [f"居民{n}", "某村某组" * 5, n])
    with pytest.raises(OSError) as raised:
        safe_output.save_workbook(tmp_path / "list.xlsx", wb)
    assert raised.value.errno == errno.ENOSPC
    del raised
    gc.collect()
    assert unraisable == [] and list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="devices are POSIX")
def test_a_file_for_people_never_replaces_a_device(tmp_path):
    with pytest.raises(UserError, match="不是普通文件"):
        safe_output.write_file("/dev/null", lambda f: f.write(b"x"))
    assert Path("/dev/null").is_char_device()


def test_a_folder_that_is_not_there_is_named_not_the_temporary_file(tmp_path):
    with pytest.raises(FileNotFoundError) as missing:
        safe_output.write_csv(tmp_path / "no-such-folder" / "x.csv", [["a"]])
    assert missing.value.filename == str(tmp_path / "no-such-folder")


def test_a_file_where_a_folder_should_be_is_said_of_the_path_given(tmp_path):
    """`-o somefile/x.csv` was said of `somefile`, as a folder that is not there."""
    (tmp_path / "somefile").write_text("a file, not a folder\n")
    with pytest.raises(NotADirectoryError) as not_a_folder:
        safe_output.write_csv(tmp_path / "somefile" / "x.csv", [["a"]])
    assert not_a_folder.value.filename == str(tmp_path / "somefile" / "x.csv")


@pytest.mark.skipif(
    not Path("/sys/kernel").is_dir(), reason="Linux's /sys: no account may create files there"
)
def test_a_folder_that_cannot_be_written_is_said_of_the_file_not_the_temporary_one():
    with pytest.raises(OSError) as refused:
        safe_output.write_file("/sys/cunyi-list.csv", lambda f: f.write(b"x"))
    assert refused.value.filename == "/sys/cunyi-list.csv"  # not /sys/.cunyi-….part


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://u:S3cret@h/db", "postgresql+psycopg://u:***@h/db"),
        ("postgresql+psycopg://u@h/db?password=S3cret", "postgresql+psycopg://u@h/db?password=***"),
        (
            "postgresql+psycopg://u@h/db?sslpassword=S3cret&x=1",
            "postgresql+psycopg://u@h/db?sslpassword=***&x=1",
        ),
        ("postgresql+psycopg://u:S3cret@h:notaport/db", "postgresql+psycopg://u:***@h:notaport/db"),
        # an @ typed unencoded in the password: none of it shows, whatever the parser made of it
        ("postgresql+psycopg://u:S3@cr@et@h/db", "postgresql+psycopg://u:***@h/db"),
        ("postgresql+psycopg://u:S3@cret@h:5x/db", "postgresql+psycopg://u:***@h:5x/db"),
        # and a / (the parser ended the password at the first @: "u:***@ss:w/rd@h…" showed its end)
        ("postgresql+psycopg://u:pa@ss:w/rd@h:1/db", "postgresql+psycopg://u:***@h:1/db"),
        # and a ? (read as the parameters' start: the whole password showed)
        ("postgresql+psycopg://u:Se?cretQ9@h:1/db", "postgresql+psycopg://u:***@h:1/db"),
        ("postgresql+psycopg://u:p@ss/w:rd?x&y=z#1@h:1/db", "postgresql+psycopg://u:***@h:1/db"),
        # libpq's keywords, which psycopg takes as the address (the whole password was shown)
        ("host=h password=KvSecret dbname=db", "host=h password=*** dbname=db"),
        ("host=h password = 'Kv Sec\\'ret' dbname=db", "host=h password = *** dbname=db"),
        (
            "postgresql+psycopg://u@h/db?application_name=a@b",
            "postgresql+psycopg://u@h/db?application_name=a@b",
        ),
    ],
)
def test_a_database_address_is_shown_without_its_secrets(url, shown):
    from app.services.store_copy import shown_url

    assert shown_url(url) == shown


def test_a_drivers_error_is_logged_without_any_piece_of_the_password():
    """A password with an unencoded @ is cut by the parser; the driver names the "host" it made
    of the rest ("failed to resolve host 'r1tQ9@127.0.0.1'"), and the log kept it."""
    from app.services.store_copy import scrubbed

    url = "postgresql+psycopg://u:Sek@r1tQ9@127.0.0.1:1/db"
    said = scrubbed("failed to resolve host 'r1tQ9@127.0.0.1': Name or service not known", url)
    assert "r1tQ9" not in said and "Sek" not in said and "127.0.0.1" in said
    assert (
        scrubbed("password authentication failed", "postgresql+psycopg://u@h/db")
        == "password authentication failed"
    )


def test_a_control_character_in_a_cell_is_shown_not_a_broken_export(tmp_path):
    """Found by the attacker: a village name holding ESC (brought in by a card) made every workbook
    of the township fail (openpyxl's IllegalCharacterError).  It is written as ``\\x1b``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    safe_output.append_xlsx_row(ws, ["新\x1b[0m村", "第一行\n第二行", "=\x07"])
    path = safe_output.save_workbook(tmp_path / "w.xlsx", wb)
    row = [c.value for c in openpyxl.load_workbook(path).active[1]]
    assert row == ["新\\x1b[0m村", "第一行\n第二行", "'=\\x07"]

"""Roster import limits: a file is never trusted about its own size, and no import promises more
archive numbers than its village has left.

- an .xlsx declaring A1:XFD1048576 (a 2 KB file) is read as the cells it holds, quickly;
- more than roster.MAX_ROWS data rows (CSV or .xlsx) are refused while reading, nothing written;
- an .xlsx unzipping to more than roster.MAX_BYTES, or with a row of millions of cells, is refused
  before openpyxl reads it;
- an import needing more archive numbers than the village has left is refused up front, in the dry
  run and in the real run, with both numbers.
"""

from __future__ import annotations

import contextlib
import csv
import signal
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from stdnum.cn import ric

from app.cli import main
from app.config import Paths
from app.db import Store
from app.models import ArchiveSerial, Resident
from app.services import profile
from app.services.errors import UserError
from app.services.records import roster
from tests import storekit
from tests.conftest import TOWNSHIP_CODE, make_store
from tests.test_roster import HEADER as ROSTER_HEADER
from tests.test_roster import run as roster_run

VILLAGE = "110105001101"
HEADER = ROSTER_HEADER[:-1]  # the roster's columns (test_roster), without its 备注
NAMES = "一二三四五六七八九十"


def _id(n: int) -> str:
    """The n-th man born 1960-01-01 (the 17th digit is odd)."""
    body = f"11010519600101{2 * n + 1:03d}"
    return body + ric.calc_check_digit(body + "0")


def person(n: int) -> list[str]:
    """A valid head of a household of their own, born 1960-01-01."""
    return [f"张{NAMES[n % 10]}{NAMES[n // 10 % 10]}", "男", "1960-01-01", _id(n), "", "", "", "", ""]


@contextlib.contextmanager
def deadline(seconds: int):
    """The old code allocated without end on these files: fail the test instead of the machine."""

    def late(*_):
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, late)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def data_dir(tmp_path):
    d = storekit.data_dir_for_init(tmp_path / "village")
    assert (
        main(["--data-dir", str(d), "init", "--role", "village", "--code", VILLAGE, "--name", "向阳村"]) == 0
    )
    return d


def run(data_dir, *args, capsys, seconds: int = 60) -> tuple[int, dict | str, str]:
    """test_roster's ``run``, bounded in time."""
    with deadline(seconds):
        return roster_run(data_dir, *args, capsys=capsys)


def residents(data_dir) -> int:
    store = Store(f"sqlite:///{Paths(data_dir).db_file}")
    try:
        with store.session() as s:
            return len(s.scalars(select(Resident.id)).all())
    finally:
        store.dispose()


def write_csv(path: Path, rows) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


# ---------------------------------------------------------------- a minimal .xlsx, written by hand

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet"/></Relationships>'
    ),
}


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row(number: int, values: list[str]) -> str:
    letters = "ABCDEFGHI"
    cells = "".join(_cell(f"{letters[i]}{number}", v) for i, v in enumerate(values) if v)
    return f'<row r="{number}">{cells}</row>'


def write_xlsx(path: Path, rows: str, *, dimension: str = "A1:XFD1048576") -> Path:
    """An .xlsx of one sheet whose sheetData is ``rows`` and whose declared size is ``dimension``."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in _PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


FAR = '<row r="1048576">' + _cell("XFD1048576", "x") + "</row>"  # the last cell a sheet can have


# ---------------------------------------------------------------- Defect A: the file's own size


def test_a_declared_dimension_is_not_trusted(tmp_path, data_dir, capsys):
    """A1:XFD1048576 declared, one real row and one cell at XFD1048576: the row is read, the far cell
    ignored (beyond the header's columns), in a second or two; the old code padded every row to
    16,384 cells and ran out of memory."""
    bomb = write_xlsx(tmp_path / "bomb.xlsx", _row(1, HEADER) + _row(2, person(1)) + FAR)
    assert bomb.stat().st_size < 4000
    began = time.monotonic()
    code, report, err = run(
        data_dir, "residents", "import", str(bomb), "--dry-run", "--json", capsys=capsys, seconds=20
    )
    assert code == 0, err
    assert report["total_rows"] == 1 and report["imported"] == 1 and report["errors"] == []
    assert time.monotonic() - began < 15
    assert residents(data_dir) == 0  # a dry run
    # the far cell alone is no roster: refused in one line, nothing written
    alone = write_xlsx(tmp_path / "alone.xlsx", FAR)
    code, _, err = run(data_dir, "residents", "import", str(alone), capsys=capsys, seconds=20)
    assert code == 1 and "文件是空的" in err and len(err.strip().splitlines()) == 1, err
    assert residents(data_dir) == 0


def test_an_xlsx_over_the_row_limit_is_refused_while_reading(tmp_path, data_dir, capsys, monkeypatch):
    monkeypatch.setattr(roster, "MAX_ROWS", 3, raising=False)
    body = _row(1, HEADER) + "".join(_row(n + 2, person(n)) for n in range(4)) + FAR
    path = write_xlsx(tmp_path / "four.xlsx", body)
    code, _, err = run(
        data_dir, "residents", "import", str(path), "--skip-invalid", capsys=capsys, seconds=20
    )
    assert code == 1 and "文件超过3行" in err and "一次最多导入3人" in err, err
    assert len(err.strip().splitlines()) == 1 and residents(data_dir) == 0
    path = write_xlsx(
        tmp_path / "three.xlsx", _row(1, HEADER) + "".join(_row(n + 2, person(n)) for n in range(3))
    )
    code, report, err = run(data_dir, "residents", "import", str(path), "--json", capsys=capsys)
    assert code == 0 and report["imported"] == 3, err


def test_a_csv_over_the_row_limit_is_refused_as_soon_as_it_is_met(tmp_path, data_dir, capsys):
    """MAX_ROWS + 1 rows (the real limit): refused on reading the row after the limit, so a broken
    byte further on is never reached; the old code read it all (and validated every row)."""
    limit = 100_000  # roster.MAX_ROWS
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(
            [f"张{NAMES[n % 10]}", "男", "1960-01-01", "", "", "", "", "", ""] for n in range(limit + 1)
        )
        w.writerows([["王五", "男"]] * 20_000)  # more than a read-ahead's worth before the broken byte
    with path.open("ab") as f:
        f.write(b"\xff\xff,\xff\r\n")  # neither UTF-8 nor GB18030
    began = time.monotonic()
    code, _, err = run(data_dir, "residents", "import", str(path), "--dry-run", capsys=capsys, seconds=40)
    assert code == 1, err
    assert err.strip().splitlines() == [
        "错误：文件超过100000行，未导入：一次最多导入100000人，请分成几个文件分别导入"
    ], err
    assert time.monotonic() - began < 30
    assert residents(data_dir) == 0 and limit == roster.MAX_ROWS


def test_a_csv_past_the_size_limit_or_with_an_endless_row_is_refused(tmp_path, data_dir, capsys, monkeypatch):
    """A CSV is read a row at a time: one row of four million commas is refused as it is read (it
    was split into four million cells); a file over MAX_BYTES is refused before it is opened."""
    path = tmp_path / "endless.csv"
    path.write_text(",".join(HEADER) + "\r\n" + "张三,男" + "," * (4 * 2**20) + "\r\n", encoding="utf-8")
    code, _, err = run(data_dir, "residents", "import", str(path), "--dry-run", capsys=capsys, seconds=20)
    assert code == 1, err
    assert err.strip().splitlines() == ["错误：文件第2行超过4194304个字，未导入：请检查文件"], err
    monkeypatch.setattr(roster, "MAX_BYTES", 2**20, raising=False)
    path = write_csv(tmp_path / "large.csv", [person(n) for n in range(3)] + [["王五", "男"]] * 100_000)
    assert path.stat().st_size > 2**20
    code, _, err = run(data_dir, "residents", "import", str(path), capsys=capsys, seconds=20)
    assert code == 1, err
    assert err.strip().splitlines() == [
        "错误：文件超过1MB，未导入：一次最多读取1MB，请分成几个文件分别导入"
    ], err
    assert residents(data_dir) == 0


def test_an_xlsx_unzipping_past_the_size_limit_is_refused_unread(tmp_path, data_dir, capsys):
    """A valid roster carrying a part of 201 MB of spaces (under 1 MB zipped): refused from the zip's
    directory alone; the old code imported the roster."""
    path = write_xlsx(tmp_path / "padded.xlsx", _row(1, HEADER) + _row(2, person(1)))
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z,
        z.open("xl/padding.xml", "w", force_zip64=True) as f,
    ):
        for _ in range(201):
            f.write(b" " * 2**20)
    assert path.stat().st_size < 2**20
    code, _, err = run(data_dir, "residents", "import", str(path), capsys=capsys, seconds=20)
    assert code == 1, err
    assert err.strip().splitlines() == [
        "错误：Excel 文件解压后超过200MB，未导入：一次最多读取200MB，请分成几个文件分别导入"
    ], err
    assert residents(data_dir) == 0 and roster.MAX_BYTES == 200 * 2**20


def test_a_row_of_a_hundred_thousand_cells_is_refused_before_openpyxl_builds_it(tmp_path, data_dir, capsys):
    """The declared size is ignored, so the next trick is one row of very many cells: openpyxl builds
    them all before handing the row over (2 million: 1.3 GB from a 44 KB file)."""
    wide = '<row r="2">' + '<c r="A2"/>' * 100_001 + "</row>"  # roster.ROW_ELEMENTS_MAX + 1
    path = write_xlsx(tmp_path / "wide.xlsx", _row(1, HEADER) + wide, dimension="A1:I2")
    code, _, err = run(data_dir, "residents", "import", str(path), "--dry-run", capsys=capsys, seconds=20)
    assert code == 1 and "Excel 文件的内部结构超出正常表格" in err and "一行超过100000项" in err, err
    assert len(err.strip().splitlines()) == 1 and roster.ROW_ELEMENTS_MAX == 100_000


def test_a_real_workbook_still_reads(tmp_path, data_dir, capsys):
    """openpyxl's own file (shared styles, a declared dimension): read as before."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for n in range(3):
        ws.append(person(n))
    ws["Z1"] = "备注"  # a header column far right: kept as an ignored column
    wb.save(tmp_path / "ok.xlsx")
    code, report, err = run(
        data_dir, "residents", "import", str(tmp_path / "ok.xlsx"), "--json", capsys=capsys
    )
    assert code == 0 and report["imported"] == 3 and report["ignored_columns"] == ["备注"], err


def test_a_formula_is_refused_naming_its_cell(tmp_path, data_dir, capsys):
    """An ID cell written as a formula by a script (no value saved with it) read as an empty cell:
    a resident enrolled without an ID, again at every import of the same file."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    row = person(1)
    row[3] = f'="{row[3]}"'
    ws.append(row)
    wb.save(tmp_path / "formula.xlsx")
    code, report, err = run(data_dir, "residents", "import", str(tmp_path / "formula.xlsx"), capsys=capsys)
    assert code == 1 and "第2行的“身份证号”是公式" in err and "粘贴" in err, err
    assert residents(data_dir) == 0


def test_a_workbook_of_more_sheets_than_one_is_refused_naming_them(tmp_path, data_dir, capsys):
    """A hidden first sheet was imported (a resident the user never saw) and the visible one, open
    in Excel, ignored; a roster of a sheet per village group imported the first group alone."""
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "隐藏"
    hidden.append(HEADER)
    hidden.append(person(1))
    hidden.sheet_state = "hidden"
    shown = wb.create_sheet("花名册")
    shown.append(HEADER)
    shown.append(person(2))
    wb.active = 1
    wb.save(tmp_path / "two.xlsx")
    code, report, err = run(data_dir, "residents", "import", str(tmp_path / "two.xlsx"), capsys=capsys)
    assert code == 1 and "工作簿有 2 张工作表（“隐藏”（隐藏）、“花名册”）" in err, err
    assert residents(data_dir) == 0


def test_a_damaged_sheet_is_said_as_a_damaged_workbook(tmp_path, data_dir, capsys):
    """A sheet cut in half inside a sound zip: "程序内部出错（ParseError）" (the rows are parsed as
    they are read, after the workbook opened)."""
    rows = "".join(_row(n, r) for n, r in enumerate([HEADER, person(1), person(2)], start=1))
    path = write_xlsx(tmp_path / "cut.xlsx", rows, dimension="A1:I3")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet[: len(sheet) // 2 + 40]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    code, report, err = run(data_dir, "residents", "import", str(path), capsys=capsys)
    assert code == 1 and "不是可以读取的 Excel 工作簿" in err and "程序内部出错" not in err, err
    assert residents(data_dir) == 0


def test_other_names_of_the_columns_are_read_as_the_templates(tmp_path, data_dir, capsys):
    """A roster headed 身份证号码, 电话, 住址 imported its residents without an ID, a phone or an
    address, and said so only after: those names are the template's columns under other names."""
    header = [{"身份证号": "身份证号码", "联系电话": "电话", "现住址": "住址"}.get(h, h) for h in HEADER]
    row = person(1)
    row[HEADER.index("联系电话")], row[HEADER.index("现住址")] = "13800138000", "村东头"
    with (tmp_path / "other-names.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, row])
    code, report, err = run(
        data_dir, "residents", "import", str(tmp_path / "other-names.csv"), "--json", capsys=capsys
    )
    assert code == 0 and report["imported"] == 1 and report["ignored_columns"] == [], (report, err)
    store = Store(f"sqlite:///{Paths(data_dir).db_file}")
    try:
        with store.session() as s:
            (r,) = s.scalars(select(Resident)).all()
            assert (r.id_number, r.phone, r.current_address) == (_id(1), "13800138000", "村东头")
    finally:
        store.dispose()


def test_a_column_named_twice_is_refused(tmp_path, data_dir, capsys):
    """Two 姓名 columns (or 身份证号 beside 身份证号码): the later one silently won."""
    with (tmp_path / "twice.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[*HEADER, "身份证号码"], [*person(1), _id(2)]])
    code, report, err = run(data_dir, "residents", "import", str(tmp_path / "twice.csv"), capsys=capsys)
    assert code == 1 and "“身份证号”的列不止一列" in err, err
    assert residents(data_dir) == 0


# ---------------------------------------------------------------- Defect B: archive numbers left


def _set_last_serial(data_dir, last: int) -> None:
    store = Store(f"sqlite:///{Paths(data_dir).db_file}")
    try:
        with store.transaction() as s:
            row = s.get(ArchiveSerial, VILLAGE)
            if row is None:
                s.add(ArchiveSerial(village_code=VILLAGE, last_serial=last))
            else:
                row.last_serial = last
    finally:
        store.dispose()


def _last_serial(data_dir) -> int:
    store = Store(f"sqlite:///{Paths(data_dir).db_file}")
    try:
        with store.session() as s:
            return s.get(ArchiveSerial, VILLAGE).last_serial
    finally:
        store.dispose()


def test_an_import_needing_more_archive_numbers_than_are_left_is_refused_up_front(tmp_path, data_dir, capsys):
    """A village PC numbers its residents up to TOWNSHIP_SERIAL_START - 1 (the rest is the
    township's): two left, three valid rows.  The dry run promised three and the real run failed
    at the third ('档案编号已用完'), after writing the others; now both refuse, saying how many."""
    last = profile.TOWNSHIP_SERIAL_START - 1 - 2
    _set_last_serial(data_dir, last)
    path = write_csv(
        tmp_path / "three.csv", [person(n) for n in range(3)] + [["", "男", "2031-01-01"] + [""] * 6]
    )
    said = f"错误：村{VILLAGE}的档案编号只够再建档2人，本次需要3人：未导入任何记录"
    for args in (["--dry-run"], ["--skip-invalid"], []):
        code, _, err = run(data_dir, "residents", "import", str(path), *args, capsys=capsys)
        assert code == 1 and err.strip().splitlines() == [said], (args, err)
        assert residents(data_dir) == 0 and _last_serial(data_dir) == last
    assert not (tmp_path / "three.rejected.csv").exists()  # refused before anything was written
    # two fit exactly
    path = write_csv(tmp_path / "two.csv", [person(n) for n in range(2)])
    code, report, err = run(data_dir, "residents", "import", str(path), "--json", capsys=capsys)
    assert code == 0 and report["imported"] == 2, err
    assert residents(data_dir) == 2 and _last_serial(data_dir) == profile.TOWNSHIP_SERIAL_START - 1


def test_archive_numbers_left_follow_the_allocator(tmp_path):
    """The tester's store: 3,001 numbers used on a village PC leaves 86,998 (its range ends at
    89,999), not 96,998; a township numbers its villages from 90,000 to 99,999."""
    village = make_store(tmp_path)
    with village.transaction() as s:
        assert profile.archive_numbers_left(s, VILLAGE) == profile.TOWNSHIP_SERIAL_START - 1 == 89_999
        profile.allocate_archive_numbers(s, VILLAGE, 3001)
        assert profile.archive_numbers_left(s, VILLAGE) == 86_998
    storekit.discard(village)
    town = make_store(tmp_path, "township", TOWNSHIP_CODE, "朝阳乡")
    with town.transaction() as s:
        profile.ensure_village(s, VILLAGE, "向阳村")
        assert (
            profile.archive_numbers_left(s, VILLAGE) == profile.MAX_SERIAL - profile.TOWNSHIP_SERIAL_START + 1
        )
        profile.allocate_archive_numbers(s, VILLAGE, 9_999)
        assert profile.archive_numbers_left(s, VILLAGE) == 1
        path = write_csv(tmp_path / "two.csv", [person(n) for n in range(2)])
        with pytest.raises(UserError) as refused:
            roster.import_roster(s, path, dry_run=True, village_code=VILLAGE)
        assert (
            refused.value.message.render()
            == f"村{VILLAGE}的档案编号只够再建档1人，本次需要2人：未导入任何记录"
        )
        assert (
            roster.import_roster(
                s, write_csv(tmp_path / "one.csv", [person(0)]), village_code=VILLAGE
            ).imported
            == 1
        )
        assert profile.archive_numbers_left(s, VILLAGE) == 0
    storekit.discard(town)

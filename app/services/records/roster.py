"""Roster import and export (花名册): .xlsx or .csv (UTF-8 with or without BOM, or GB18030).

The columns are the resident form's fields that declare one (``resident_form.RESIDENT_FORM``):
the template, the import's column mapping and the export are derived from it.  Every row goes
through the enrolment validation; errors name the column, or the field's label, never a key.
Without ``skip_invalid`` one bad row means nothing is imported; with it, the valid rows are
imported (whole households only) and the rejected rows are written next to the input with their
reasons.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Resident
from app.services import profile as profiles
from app.services import safe_output
from app.services.access import audit, authz
from app.services.errors import Message, Translate, UserError, ValidationError
from app.services.records import resident_form, sensitive
from app.services.records import residents as records
from app.services.records.field_table import (
    Field,
    FieldTable,
    Kind,
    Saved,
    cell_text,
    cell_value,
    keeps_digits,
    load_values,
)
from app.services.records.resident_form import HEAD
from app.services.records.validators import Invalid, halfwidth, parse_resident_id

CTX = "Roster"
Progress = Callable[[int, int], None]

# The roster's columns are the resident form's fields that declare one (resident_form.RESIDENT_FORM).
HOUSEHOLD = "household_id"  # its column names the household by the head's ID number
ARCHIVE_HEADER = "健康档案编号"  # exports lead with it; an import ignores it


def roster_fields(table: FieldTable | None = None) -> list[Field]:
    """The fields with a roster column, in column order (the table is read at call time)."""
    return (table or resident_form.RESIDENT_FORM).roster_fields()


def headers(table: FieldTable | None = None) -> list[str]:
    """The template's header row."""
    return [f.roster.header for f in roster_fields(table)]


def _header(table: FieldTable, key: str) -> str:
    """How a message names a field: its roster column if it has one, else its label."""
    f = table.get(key)
    if f is None:
        return key
    return f.roster.header if f.roster else f.label


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


@dataclass
class RowError:
    row: int  # spreadsheet row number (the header is row 1)
    column: str  # the file's column header, or the label of a field the roster has no column for
    value: str
    message: Message

    @property
    def reason(self) -> str:
        return self.message.render()

    def __post_init__(self) -> None:
        if len(self.value) > ECHO_MAX:  # a huge cell is named, not echoed whole
            self.value = self.value[:ECHO_MAX] + "…"

    def as_json(self, translate: Translate | None = None) -> dict:
        """The row's error as JSON: its reason in the language of ``translate`` (Chinese without
        one); the file's header and cell as written."""
        reason = self.message.render(translate) if translate else self.reason
        return {"row": self.row, "column": self.column, "value": self.value, "reason": reason}


@dataclass
class ImportReport:
    total_rows: int = 0
    imported: int = 0
    households: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    rejected_file: str | None = None
    dry_run: bool = False

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    def as_json(self, translate: Translate | None = None) -> dict:
        """The report as JSON, each row's reason in the language of ``translate`` (:meth:`RowError.as_json`)."""
        return {
            "total_rows": self.total_rows,
            "imported": self.imported,
            "households": self.households,
            "rejected_rows": self.rejected_rows,
            "errors": [e.as_json(translate) for e in self.errors],
            "ignored_columns": self.ignored_columns,
            "rejected_file": self.rejected_file,
            "dry_run": self.dry_run,
        }


# ---------------------------------------------------------------- reading


ECHO_MAX = 40  # characters of a bad cell repeated in a report
CELL_MAX = 2000  # characters: no field of the form is longer; a larger cell is refused, not read
NUMERIC_ID = "\ue000"  # marks a cell Excel stored as a number too long to be exact (IDs)

# What one import reads at most.  A file is never trusted about its own size: an .xlsx may declare
# any dimension (A1:XFD1048576 in a 2 KB file) and unzip to any size, so these bound the work and
# the memory of a read whatever the file says, and a file over a limit is refused as it is met,
# before anything is written.
MAX_ROWS = 100_000  # data rows (residents) in one file: a village is far smaller; split a bigger file
MAX_COLUMNS = 200  # columns read; cells right of the header's last column are ignored
MAX_BYTES = 200 * 2**20  # an .xlsx's unzipped size (the sum of its parts) or a .csv's size
ROW_CHARS_MAX = 4 * 2**20  # characters of one CSV row (a 1 MB cell is still read, and refused by itself)
EXCEL_MAX_ROW = 1_048_576  # Excel's last row: a row numbered beyond it is not read, nor more rows than it
# openpyxl builds a row's XML elements before it hands the row over, and keeps the other parts (the
# styles, some 800 bytes of objects an element) whole: a few hundred KB of zipped XML can make
# millions of them.  Counted per part, outside rows by its root (the shared strings are streamed).
ROW_ELEMENTS_MAX = 100_000  # elements in one row (Excel's 16,384 cells, each with its value)
SST_ELEMENTS_MAX = 5_000_000  # elements of the shared strings (a roster's names, IDs, addresses…)
PART_ELEMENTS_MAX = 200_000  # elements of any other part, outside its rows (styles: a few thousand)
XML_DEPTH_MAX = 64  # nesting of elements (a workbook's parts nest a few deep)


def _too_many_rows() -> UserError:
    return _err(
        QT_TRANSLATE_NOOP("Roster", "文件超过{n}行，未导入：一次最多导入{n}人，请分成几个文件分别导入"),
        n=MAX_ROWS,
    )


def read_table(path: Path) -> tuple[list[str], list[list[str]], str]:
    """Header, data rows (as text) and the format ('xlsx' or the CSV encoding).

    At most MAX_COLUMNS columns are read, and of the data rows only the header's columns; empty
    rows are skipped; more than MAX_ROWS data rows, or a file over MAX_BYTES, is refused.
    """
    if not path.exists():
        raise _err(QT_TRANSLATE_NOOP("Roster", "找不到文件：{path}"), path=str(path))
    if path.is_dir():
        raise _err(
            QT_TRANSLATE_NOOP("Roster", "“{path}”是文件夹：请选择一个 .xlsx 或 .csv 文件"), path=str(path)
        )
    if not path.is_file():  # a pipe, or a device (/dev/zero): read for ever, its size says 0
        raise _err(
            QT_TRANSLATE_NOOP("Roster", "“{path}”不是普通文件：请选择一个 .xlsx 或 .csv 文件"), path=str(path)
        )
    suffix = path.suffix.lower()
    if not suffix:
        raise _err(
            QT_TRANSLATE_NOOP("Roster", "只支持 .xlsx 和 .csv 文件，“{name}”没有扩展名"), name=path.name
        )
    if suffix in (".xlsx", ".xlsm"):
        return (*_read_xlsx(path), "xlsx")
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise _err(QT_TRANSLATE_NOOP("Roster", "只支持 .xlsx 和 .csv 文件，这是“{suffix}”"), suffix=suffix)


def _table(rows: Iterable[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The first non-empty row as the header (to its last filled cell), then the non-empty data
    rows cut to the header's width; refused as soon as there are more than MAX_ROWS of them."""
    header: list[str] | None = None
    data: list[list[str]] = []
    for row in rows:
        if header is None:
            if any(row := row[:MAX_COLUMNS]):
                while not row[-1]:
                    row.pop()
                header = row
            continue
        row = row[: len(header)]
        if not any(row):
            continue
        if len(data) >= MAX_ROWS:
            raise _too_many_rows()
        data.append(row)
    if header is None:
        raise _err(QT_TRANSLATE_NOOP("Roster", "文件是空的"))
    return header, data


def _read_csv(path: Path) -> tuple[list[str], list[list[str]], str]:
    if path.stat().st_size > MAX_BYTES:
        raise _err(
            QT_TRANSLATE_NOOP("Roster", "文件超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入"),
            mb=MAX_BYTES // 2**20,
        )
    csv.field_size_limit(max(csv.field_size_limit(), 16 * 2**20))  # long cells: refused per cell below
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            with path.open(encoding=encoding, newline="") as f:
                return (*_table(_csv_rows(f)), encoding)
        except UnicodeDecodeError:
            continue
        except csv.Error as e:
            raise _err(
                QT_TRANSLATE_NOOP("Roster", "CSV 文件格式有误：{reason}"), reason=str(e)[:100]
            ) from None
    raise _err(  # (gb18030 decodes nearly any bytes)
        QT_TRANSLATE_NOOP("Roster", "无法识别文件编码（支持 UTF-8 和 GB18030）")
    )


def _csv_rows(f) -> Iterable[list[str]]:
    """The CSV's rows, read as they are needed; no row longer than ROW_CHARS_MAX is held."""
    used = 0

    def lines():
        nonlocal used
        while line := f.readline(ROW_CHARS_MAX + 1):
            used += len(line)
            if used > ROW_CHARS_MAX:
                raise _err(
                    QT_TRANSLATE_NOOP("Roster", "文件第{line}行超过{n}个字，未导入：请检查文件"),
                    line=reader.line_num + 1,
                    n=ROW_CHARS_MAX,
                )
            yield line

    reader = csv.reader(lines())
    for row in reader:
        used = 0  # the lines read so far made this row
        yield [c.strip() for c in row[:MAX_COLUMNS]]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) >= 1e15:
        # An 18-digit ID typed into a number cell: Excel kept 15 significant digits, so the
        # number is not the ID any more (and may even pass the check digit as someone else).
        return NUMERIC_ID + format(value, ".0f")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _not_a_workbook(path: Path) -> UserError:
    """The refusal of a file openpyxl or zipfile cannot read (their own words are English)."""
    return _err(
        QT_TRANSLATE_NOOP(
            "Roster",
            "“{name}”不是可以读取的 Excel 工作簿（.xlsx）：可能已损坏，或是改了扩展名的别的文件"
            "（如 CSV、旧版 .xls）。请在 Excel 或 WPS 中打开，另存为 .xlsx 或 .csv 后再导入",
        ),
        name=path.name,
    )


def _read_xlsx(path: Path) -> tuple[list[str], list[list[str]]]:
    import openpyxl

    _check_xlsx(path)
    try:  # (formulas as written: a formula's value is whatever the program that wrote it last saw)
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many types for a damaged file
        raise _not_a_workbook(path) from None
    try:
        if len(wb.worksheets) > 1:  # the first could be hidden, the one open in Excel another
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Roster",
                    "工作簿有 {n} 张工作表（{names}），未导入：花名册只读一张表。请把要导入的居民放在一张表里，"
                    "删去其他表（包括隐藏的表）后再导入",
                ),
                n=len(wb.worksheets),
                names=tuple(_sheet_name(ws) for ws in wb.worksheets),
            )
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # the declared dimension is not trusted: rows come as they are stored
        try:  # (rows are parsed as they are read: a damaged sheet is found here)
            return _table(_values(ws))
        except UserError:
            raise
        except Exception:
            raise _not_a_workbook(path) from None
    finally:
        wb.close()


def _sheet_name(ws) -> Message:
    hidden = ws.sheet_state != "visible"
    text = (
        QT_TRANSLATE_NOOP("Roster", "“{name}”（隐藏）") if hidden else QT_TRANSLATE_NOOP("Roster", "“{name}”")
    )
    return Message(CTX, text, {"name": ws.title})


def _values(ws) -> Iterator[list[str]]:
    """Each row's cells as text; a formula refused, naming its cell: without the value Excel saved
    with it (a file written by a script or a web page has none) it read as an empty cell, and a
    resident was enrolled without the ID the formula held, again at every import."""
    from openpyxl.utils import get_column_letter

    header: list[str] | None = None
    for number, row in enumerate(ws.iter_rows(max_row=EXCEL_MAX_ROW), start=1):
        cells = row[:MAX_COLUMNS]
        for i, c in enumerate(cells):
            if c.data_type == "f":
                column = header[i] if header and i < len(header) and header[i] else get_column_letter(i + 1)
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "Roster",
                        "第{row}行的“{column}”是公式，未导入：花名册不读公式。请在 Excel 或 WPS 中选中这些单元格，"
                        "复制后“选择性粘贴 → 数值”，保存后再导入",
                    ),
                    row=number,
                    column=column,
                )
        values = [_cell(c.value) for c in cells]
        if header is None and any(values):
            header = values
        yield values


class _Unusual(Exception):
    """An .xlsx part's XML is shaped beyond any spreadsheet's (see _check_xlsx)."""


def _check_xlsx(path: Path) -> None:
    """Refuse an .xlsx that would unzip to more than MAX_BYTES (the parts' stated sizes: zipfile
    never reads a part beyond its own), or whose XML openpyxl would turn into more objects than
    any roster needs: a row of more than ROW_ELEMENTS_MAX elements, a sheet of more than
    EXCEL_MAX_ROW rows, a part with more elements outside rows than SST_ELEMENTS_MAX (the shared
    strings) or PART_ELEMENTS_MAX (any other), nesting beyond XML_DEPTH_MAX.  Every part is
    scanned with expat (the parser under openpyxl's ElementTree), keeping no text; at a part that
    is not XML, or is broken, the scan stops where openpyxl would."""
    import zipfile
    from xml.parsers import expat

    from openpyxl.xml.constants import SHEET_MAIN_NS

    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _not_a_workbook(path) from None
    with z:
        if sum(info.file_size for info in z.infolist()) > MAX_BYTES:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Roster",
                    "Excel 文件解压后超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入",
                ),
                mb=MAX_BYTES // 2**20,
            )
        row_tag, sst_tag = f"{SHEET_MAIN_NS} row", f"{SHEET_MAIN_NS} sst"
        for info in z.infolist():
            depth = row_depth = in_row = rows = other = 0
            other_max = PART_ELEMENTS_MAX

            def start(name: str, _attrs) -> None:
                nonlocal depth, row_depth, in_row, rows, other, other_max
                depth += 1
                if depth > XML_DEPTH_MAX:
                    raise _Unusual
                if row_depth:
                    in_row += 1
                    if in_row > ROW_ELEMENTS_MAX:
                        raise _Unusual
                elif name == row_tag:
                    row_depth, in_row, rows = depth, 0, rows + 1
                    if rows > EXCEL_MAX_ROW:
                        raise _Unusual
                else:
                    if depth == 1 and name == sst_tag:
                        other_max = SST_ELEMENTS_MAX
                    other += 1
                    if other > other_max:
                        raise _Unusual

            def end(_name: str) -> None:
                nonlocal depth, row_depth
                if depth == row_depth:
                    row_depth = 0
                depth -= 1

            parser = expat.ParserCreate(namespace_separator=" ")
            parser.StartElementHandler = start
            parser.EndElementHandler = end
            try:
                with z.open(info) as f:
                    parser.ParseFile(f)
            except _Unusual:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        "Roster",
                        "Excel 文件的内部结构超出正常表格（一行超过{cells}项、一张表超过{rows}行，"
                        "或其他内容过多），未导入",
                    ),
                    cells=ROW_ELEMENTS_MAX,
                    rows=EXCEL_MAX_ROW,
                ) from None
            except Exception:  # not XML, damaged, encrypted…: openpyxl says so if it needs the part
                continue


# ---------------------------------------------------------------- import


@dataclass
class _Row:
    number: int
    cells: dict[str, str]
    raw: list[str]
    inp: Any = None  # the resident form's input
    head_id: str = ""  # normalised 户主身份证号 ('' = own household)
    own_id: str = ""
    village: str = ""  # the code of the village the row is enrolled in (once validated)
    errors: list[RowError] = field(default_factory=list)


def _numeric_id_message() -> Message:
    return Message(
        "Roster",
        QT_TRANSLATE_NOOP(
            "Roster",
            "这一格是“数字”格式，18位号码已被 Excel 截断，无法使用：请把这一列设为“文本”格式，重新填写号码后再导入",
        ),
    )


def _too_long_message() -> Message:
    return Message("Roster", QT_TRANSLATE_NOOP("Roster", "内容过长（超过{n}个字），未读取"), {"n": CELL_MAX})


def _normalise_id(text: str) -> str:
    if not text:
        return ""
    try:
        return parse_resident_id(text).number
    except Invalid:
        return halfwidth(text).strip().upper()


# What rosters made elsewhere call the template's columns (a 身份证号码 column was ignored: its
# residents enrolled without an ID, the warning after the import): read as those columns.
HEADER_ALIASES = {
    "身份证号码": "身份证号",
    "公民身份号码": "身份证号",
    "身份证": "身份证号",
    "电话": "联系电话",
    "手机": "联系电话",
    "手机号": "联系电话",
    "手机号码": "联系电话",
    "联系电话号码": "联系电话",
    "住址": "现住址",
    "现居住地址": "现住址",
    "家庭住址": "现住址",
    "户主身份证号码": "户主身份证号",
    "组": "村民小组",
    "村组": "村民小组",
}


def _known_names(header: list[str], by_header: dict) -> list[str]:
    """``header`` with the other names of the template's columns (:data:`HEADER_ALIASES`) as the
    template names them; a column named twice is refused, naming it (the later one silently won)."""
    named = [HEADER_ALIASES.get(h, h) if HEADER_ALIASES.get(h) in by_header else h for h in header]
    twice = sorted({h for h in named if h in by_header and named.count(h) > 1}, key=named.index)
    if twice:
        raise _err(
            QT_TRANSLATE_NOOP("Roster", "表头里“{cols}”的列不止一列，未导入：请只留一列后再导入"),
            cols=tuple(twice),
        )
    return named


def import_roster(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    village_code: str = "",
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Validate every row; import all (or, with skip_invalid, the valid households) in the caller's transaction."""
    header, data, fmt = read_table(path)
    header = [h.strip().lstrip("\ufeff") for h in header]
    table = resident_form.RESIDENT_FORM
    by_header = {f.roster.header: f for f in roster_fields(table)}
    header = _known_names(header, by_header)
    report = ImportReport(total_rows=len(data), dry_run=dry_run)
    missing = [h for h, f in by_header.items() if f.roster.required and h not in header]
    if missing:
        raise _err(
            QT_TRANSLATE_NOOP("Roster", "缺少必需的列：{cols}（第1行应为表头）"), cols="、".join(missing)
        )
    report.ignored_columns = [h for h in header if h and h not in by_header]
    rows: list[_Row] = []
    for i, raw in enumerate(data, start=2):
        cells = {h: (raw[j].strip() if j < len(raw) else "") for j, h in enumerate(header) if h in by_header}
        rows.append(_Row(i, cells, raw))
    id_header, head_header = _header(table, "id_number"), _header(table, HOUSEHOLD)
    relation_header = _header(table, "relation_to_head")

    # 1. per-row parsing of the cells (codes by code or label; digits are checked by the validation)
    for row in rows:
        values: dict = {"village_code": village_code}
        for column, f in by_header.items():
            if f.key == HOUSEHOLD:
                continue
            text = safe_output.original(row.cells.get(column, ""))  # our own exports read back as written
            if text.startswith(NUMERIC_ID):
                row.errors.append(RowError(row.number, column, text[1:], _numeric_id_message()))
                continue
            if len(text) > CELL_MAX:
                row.errors.append(RowError(row.number, column, text, _too_long_message()))
                continue
            try:
                values[f.key] = cell_value(f, text)
            except Invalid as e:
                row.errors.append(RowError(row.number, column, text, e.message))
        inp = table.input_type(**values)
        row.own_id = _normalise_id(row.cells.get(id_header, ""))
        row.head_id = _normalise_id(row.cells.get(head_header, ""))
        if row.head_id == row.own_id:
            row.head_id = ""
        if not row.head_id and not inp.relation_to_head:
            inp.relation_to_head = HEAD
        if row.head_id and (not inp.relation_to_head or inp.relation_to_head == HEAD):
            row.errors.append(
                RowError(
                    row.number,
                    relation_header,
                    row.cells.get(relation_header, ""),
                    Message(CTX, QT_TRANSLATE_NOOP("Roster", "填了户主身份证号，请写明与户主的关系")),
                )
            )
        row.inp = inp

    # 2. households: a member's head must be in the file (as a head) or already enrolled
    heads_in_file = {r.own_id: r for r in rows if r.own_id and not r.head_id}
    for row in rows:
        if row.head_id and row.head_id not in heads_in_file:
            head = session.scalar(
                select(Resident).where(
                    Resident.id_number == row.head_id,
                    Resident.voided.is_(False),
                    Resident.relation_to_head == HEAD,
                )
            )
            if head is None:
                row.errors.append(
                    RowError(
                        row.number,
                        head_header,
                        row.cells.get(head_header, ""),
                        Message(CTX, QT_TRANSLATE_NOOP("Roster", "户主不在本文件中，也未建档")),
                    )
                )
            else:
                row.inp.household_id = head.household_id

    # 3. duplicates inside the file
    seen: dict[str, int] = {}
    for row in rows:
        if row.own_id:
            if row.own_id in seen:
                row.errors.append(
                    RowError(
                        row.number,
                        id_header,
                        row.cells.get(id_header, ""),
                        Message(
                            CTX,
                            QT_TRANSLATE_NOOP("Roster", "与第{row}行身份证号重复"),
                            {"row": seen[row.own_id]},
                        ),
                    )
                )
            else:
                seen[row.own_id] = row.number

    # 4. the enrolment validation of every row (nothing written)
    for n, row in enumerate(rows, start=1):
        if cancelled and cancelled():
            raise _err(QT_TRANSLATE_NOOP("Roster", "已取消"))
        _validate_row(session, table, row, today)
        if progress:
            progress(n, len(rows) * 2)

    # 5. a household stands or falls together
    bad_heads = {r.own_id for r in rows if r.errors and r.own_id and not r.head_id}
    for row in rows:
        if not row.errors and row.head_id in bad_heads:
            row.errors.append(
                RowError(
                    row.number,
                    head_header,
                    row.cells.get(head_header, ""),
                    Message(CTX, QT_TRANSLATE_NOOP("Roster", "户主所在行有错误，本行一并不导入")),
                )
            )
    for row in rows:
        report.errors.extend(row.errors)
    good = [r for r in rows if not r.errors]
    _check_archive_numbers(session, good)  # what can't all be numbered is refused, dry run or not

    if dry_run:  # how many would land; nothing is written
        report.imported = len(good)
        report.households = sum(1 for r in good if not r.head_id and r.inp.household_id is None)
        return report
    if report.errors and not skip_invalid:
        return report
    if report.errors:
        report.rejected_file = str(_write_rejected(path, header, [r for r in rows if r.errors], fmt))

    # 6. write: heads first so members can join their households
    household_of: dict[str, uuid.UUID] = {}
    ordered = [r for r in good if not r.head_id] + [r for r in good if r.head_id]
    for n, row in enumerate(ordered, start=1):
        if row.head_id and row.inp.household_id is None:
            row.inp.household_id = household_of[row.head_id]
        resident = records.save_resident(session, row.inp, today=today)
        if not row.head_id and row.inp.household_id is None:
            report.households += 1
        if row.own_id and not row.head_id:
            household_of[row.own_id] = resident.household_id
        report.imported += 1
        if progress:
            progress(len(rows) + n, len(rows) + len(ordered))
    return report


def _validate_row(session: Session, table: FieldTable, row: _Row, today: dt.date | None) -> None:
    inp = row.inp
    # Members of a household in this file get a stand-in household for validation.
    probe = inp
    if row.head_id and inp.household_id is None:
        probe = dataclasses.replace(inp, household_id=None, relation_to_head=HEAD)
    try:
        row.village = records.validate_resident(session, probe, today=today).village.code
    except ValidationError as e:
        already = {x.column for x in row.errors}
        for fe in e.errors:
            column = _header(table, fe.field)  # a column of the file, or the field's label
            if column in already:
                continue
            row.errors.append(RowError(row.number, column, row.cells.get(column, ""), fe.message))


def _check_archive_numbers(session: Session, rows: list[_Row]) -> None:
    """Each row to be written takes a new archive number of its village: refuse, before anything is
    written, an import that needs more of them in a village than are left (the allocator would
    stop it part-way, after the time of writing the rows before)."""
    for code, need in sorted(Counter(r.village for r in rows).items()):
        left = profiles.archive_numbers_left(session, code)
        if need > left:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Roster", "村{code}的档案编号只够再建档{left}人，本次需要{need}人：未导入任何记录"
                ),
                code=code,
                left=left,
                need=need,
            )


def _as_read(value):
    """A cell as the file held it: an ID Excel stored as a number, a number again (its digits as
    text would pass the next import though the last ones may be wrong; and the invisible mark
    :data:`NUMERIC_ID` leaked into the cell)."""
    if isinstance(value, str) and value.startswith(NUMERIC_ID):
        return float(value[1:])
    return value


def _write_rejected(path: Path, header: list[str], rows: list[_Row], fmt: str) -> Path:
    out_header = [*header, "错误原因"]
    body = [[*map(_as_read, r.raw), "；".join(f"{e.column}：{e.reason}" for e in r.errors)] for r in rows]
    dest = path.with_name(f"{path.stem}.rejected.{'xlsx' if fmt == 'xlsx' else 'csv'}")
    return write_table(dest, out_header, body)


# ---------------------------------------------------------------- template and export


TABLE_SUFFIXES = (".xlsx", ".csv")  # what a roster, its template or an export is written as


def write_table(
    dest: Path, header: list[str], rows: Iterable[list], *, text_columns: Iterable[int] = ()
) -> Path:
    """A roster-shaped table for people: a workbook or a CSV file, as ``dest`` is named
    (:data:`TABLE_SUFFIXES`; any other name is refused before anything is written)."""
    suffix = dest.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise _err(QT_TRANSLATE_NOOP("Roster", "文件名应以 .xlsx 或 .csv 结尾：{name}"), name=dest.name)
    if suffix == ".csv":
        return safe_output.write_csv(dest, [header, *rows])
    return safe_output.save_workbook(dest, _workbook(header, rows, text_columns))


def _workbook(header: list[str], rows: Iterable[list], text_columns: Iterable[int]):
    text_columns = list(text_columns)
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    safe_output.append_xlsx_row(ws, header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        safe_output.append_xlsx_row(ws, r, text_columns=text_columns)
    text_cols = set(text_columns)
    for idx, _ in enumerate(header, start=1):
        letter = openpyxl.utils.get_column_letter(idx)
        ws.column_dimensions[letter].width = 22 if idx - 1 in text_cols else 14
        if idx - 1 in text_cols:  # long digit strings must stay text, or Excel shows 1.10105E+17
            for cell in ws[letter]:
                cell.number_format = "@"
    return wb


def write_template(dest: Path) -> Path:
    """An empty roster with one example row, as a workbook or a CSV file (:func:`write_table`)."""
    fields = roster_fields()
    return write_table(
        dest,
        [f.roster.header for f in fields],
        [[f.roster.example for f in fields]],
        text_columns=[i for i, f in enumerate(fields) if keeps_digits(f)],
    )


def export_residents(session: Session, dest: Path) -> int:
    """The residents on the books the acting user may read (a village doctor: their village; the
    township: its villages), in the roster layout plus archive number (xlsx or csv); audited."""
    if dest.suffix.lower() not in TABLE_SUFFIXES:  # (before anything is read or audited)
        raise _err(QT_TRANSLATE_NOOP("Roster", "导出文件应为 .xlsx 或 .csv"))
    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    safe_output.file_target(dest)  # not a device or a pipe (opening a pipe would wait for ever)
    visible = authz.village_clause(session, Resident.village_id)
    fields = roster_fields()
    header = [ARCHIVE_HEADER, *(f.roster.header for f in fields)]
    heads = {
        h.household_id: h.id_number or ""
        for h in session.scalars(
            select(Resident).where(Resident.relation_to_head == HEAD, Resident.voided.is_(False))
        )
    }
    # Only the roster's fields are loaded; choice rows only if a column needs them.
    loaded = [f for f in fields if f.key != HOUSEHOLD]
    needs_choices = any(f.kind in (Kind.MULTI, Kind.CUSTOM) for f in loaded)
    options = [selectinload(Resident.group), selectinload(Resident.village)]
    if needs_choices:
        options.append(selectinload(Resident.choices))
    columns = records.stored_columns()
    rows = []
    query = select(Resident).where(Resident.voided.is_(False))
    if visible is not None:
        query = query.where(visible)
    residents = session.scalars(query.order_by(Resident.archive_no).options(*options))
    for r in residents:
        # the boxes this user may see (既往史 严重精神障碍 only to those who may: records.sensitive)
        boxes = sensitive.visible(session, r) if needs_choices else []
        values = load_values(loaded, Saved(r, boxes, columns))
        row = [r.archive_no]
        for f in fields:
            if f.key == HOUSEHOLD:
                row.append("" if r.relation_to_head == HEAD else heads.get(r.household_id, ""))
            else:
                row.append(cell_text(f, values[f.key]))
        rows.append(row)
    text_columns = [0, *(i + 1 for i, f in enumerate(fields) if keeps_digits(f))]
    write_table(dest, header, rows, text_columns=text_columns)
    audit.exported(session, "resident", len(rows), dest)
    return len(rows)

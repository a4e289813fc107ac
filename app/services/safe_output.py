"""Cells CunYi writes for people to open (CSV, xlsx) that a spreadsheet cannot run.

A name, address or audit summary typed as ``=HYPERLINK("http://x","y")`` or ``=cmd|' /C calc'!A0``
becomes a live formula when Excel or WPS opens an export, a roster's rejected rows or the audit
CSV.  Every cell the app writes for people goes through :func:`cell`, which follows the OWASP
advice on CSV injection: text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return (also after leading spaces, and the full-width ``＝ ＋ － ＠`` that Chinese input methods
type) is prefixed with a single quote, so it is shown as the text it is.  Numbers stay numbers,
and text that is just a number ("-2", "+3.5") is left alone: it cannot be a formula.

- CSV: :func:`write_row` / :func:`write_rows` instead of ``writer.writerow``.
- xlsx (openpyxl): :func:`set_xlsx_cell` / :func:`append_xlsx_row` instead of assigning
  ``cell.value`` or ``ws.append``: text is stored as text (openpyxl would store ``=…`` as a
  formula), and long digit strings (18-digit ID numbers, archive numbers) are text cells with the
  Text number format, never numbers that Excel shows as 1.10105E+17.
- Reading back a file the app wrote (a roster re-imported): :func:`original`.
- Writing the file itself: :func:`write_file` (or :func:`write_csv`, :func:`save_workbook`):
  whole or not at all, for the OS account running CunYi only, and never over a device, a pipe
  or a folder (:func:`file_target`); what goes wrong is said of the file the user named, not of
  a temporary file beside it (:func:`written_as`).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import Message, UserError

TRIGGERS = frozenset("=+-@＝＋－＠")
CONTROL_START = ("\t", "\r", "\n")
QUOTE = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
MAX_EXACT_DIGITS = 15  # Excel keeps 15 significant digits; longer integers must be text


def is_risky(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (or a DDE call)?"""
    if not text:
        return False
    if text.startswith(CONTROL_START):
        return True
    stripped = text.lstrip()  # spaces, full-width spaces, tabs, line breaks
    if not stripped or stripped[0] not in TRIGGERS:
        return False
    return not _PLAIN_NUMBER.fullmatch(stripped)


def cell(value):
    """A value as it may be written into a CSV or xlsx cell for people: risky text prefixed with
    ``'``; everything else (numbers, dates, None, ordinary text) unchanged."""
    if isinstance(value, str) and is_risky(value):
        return QUOTE + value
    return value


def original(text):
    """The text :func:`cell` was given, from what it wrote (for re-importing the app's own files)."""
    if isinstance(text, str) and text.startswith(QUOTE) and is_risky(text[1:]):
        return text[1:]
    return text


def safe_row(values: Iterable) -> list:
    return [cell(v) for v in values]


def write_row(writer, values: Iterable) -> None:
    """``csv.writer(...).writerow`` with every cell made safe."""
    writer.writerow(safe_row(values))


def write_rows(writer, rows: Iterable[Iterable]) -> None:
    for row in rows:
        write_row(writer, row)


def _xlsx_value(value, as_text: bool):
    if isinstance(value, bool) or value is None:
        return value, False
    if isinstance(value, int) and (as_text or len(str(abs(value))) > MAX_EXACT_DIGITS):
        return str(value), True
    if isinstance(value, float | Decimal) and as_text:
        return str(value), True
    if isinstance(value, str):
        # a control character a workbook may not hold (a name a card once brought in) shown as
        # \x1b: openpyxl refused the whole export for one
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return cell(ILLEGAL_CHARACTERS_RE.sub(lambda m: repr(m.group())[1:-1], value)), True
    return value, False


def set_xlsx_cell(target, value, *, as_text: bool = False) -> None:
    """Put ``value`` into an openpyxl cell safely: text as a text cell (never a formula; risky
    text prefixed as :func:`cell` does), with the Text number format (so an 18-digit ID stays
    digits when edited); integers too long for Excel, and anything when ``as_text``, as text."""
    value, text = _xlsx_value(value, as_text)
    target.value = value
    if text:
        target.data_type = "s"  # openpyxl guesses "f" (formula) for text starting with "="
        target.number_format = "@"


def append_xlsx_row(ws, values: Iterable, *, text_columns: Iterable[int] = ()) -> None:
    """``ws.append(values)`` with every cell set by :func:`set_xlsx_cell`; ``text_columns``
    (0-based) are written as text whatever their type."""
    values = list(values)
    text = set(text_columns)
    ws.append([None] * len(values))  # the next row, as ws.append finds it; then each cell set safely
    row = ws.max_row
    for col, value in enumerate(values, start=1):
        set_xlsx_cell(ws.cell(row=row, column=col), value, as_text=col - 1 in text)


# The data folders of the stores this process opened, each with its database's file name
# (:func:`keep_out_of`): no file a user asks for replaces the database or goes into the program's
# folders there.  ``backup -o FOLDER/keys/device_sign.pem`` replaced the PC's signing key by a
# database, for good; ``backup -o FOLDER/cunyi.db`` renamed a copy over the live store.
_OWN_PLACES: set[tuple[str, str]] = set()


def keep_out_of(data_dir: str | Path, db_name: str) -> None:
    """Refuse, from now on in this process, any file a user names in the program's folders of
    ``data_dir`` (keys, backups, outbox …) or in the place of its database ``db_name`` (and the
    files SQLite keeps beside it)."""
    _OWN_PLACES.add((os.path.normcase(os.path.realpath(data_dir)), os.path.normcase(db_name)))


def _own_place_of(target: Path) -> str | None:
    from app.config import OWN_DIRS

    where = os.path.normcase(os.path.realpath(target))
    parent, name = os.path.split(where)
    for folder, db_name in _OWN_PLACES:
        if parent == folder and name.lstrip(".").startswith(db_name):
            return where  # the database, its journal, its lock files
        for sub in OWN_DIRS:
            inside = os.path.join(folder, os.path.normcase(sub))
            if where == inside or where.startswith(inside + os.sep):
                return inside
    return None


def not_own_place(target: Path) -> None:
    """Refuse ``target`` (a file, or a folder to write files in) in a place of a data folder's own
    (:func:`keep_out_of`), naming it."""
    if (place := _own_place_of(target)) is not None:
        raise UserError(
            Message(
                "Files",
                QT_TRANSLATE_NOOP(
                    "Files",
                    "不能写入 {path}：{place} 是村医自己的数据（数据库、设备密钥、备份），写入会损坏它们："
                    "请另选一个文件夹，如桌面或U盘",
                ),
                {"path": str(target), "place": place},
            )
        )


def file_target(path: str | Path, *, own: bool = False) -> Path:
    """``path`` as the place of a file about to be written by renaming a finished temporary file
    over it (:func:`written_as`).  Refused, naming what the user gave: something other than a file
    there (a device such as ``-o /dev/null``, a pipe or a folder would be replaced by the rename,
    and run as root that removes /dev/null for every program on the machine); a part of the path
    that is a file, not a folder (``somefile/x.csv``); a folder that is not there (a mistyped one
    is said, not made); on POSIX, a folder this account may not write in; and, unless ``own`` (the
    program's own files: its automatic backups), a place of a data folder's own (:func:`keep_out_of`)."""
    target = Path(path)
    if not own:
        not_own_place(target)
    try:
        mode = target.stat().st_mode  # (follows a link: a link to a device is refused too)
    except FileNotFoundError:  # nothing there yet (any other error is raised, naming the path as
        mode = None  # given: ENOTDIR, said "路径中有一段不是文件夹", ENAMETOOLONG …)
    if mode is not None:
        if stat.S_ISDIR(mode):  # said as the file system says it: "这是一个文件夹", naming the path
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        if not stat.S_ISREG(mode):
            raise UserError(
                Message(
                    "Files",
                    QT_TRANSLATE_NOOP("Files", "不能写入 {path}：那里不是普通文件（是设备或管道）"),
                    {"path": str(target)},
                )
            )
    if not target.parent.is_dir():  # (said of the folder the user named, not of a temporary file)
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    # (Windows marks some folders read-only that may be written all the same: asked of POSIX only)
    if os.name == "posix" and not os.access(target.parent, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
    return target


@contextmanager
def written_as(target: Path) -> Iterator[None]:
    """Inside: ``target`` is being written through a temporary ``….part`` file beside it.  An
    error the system reports of that file (no room, no permission, a name too long) is said of
    ``target``, the file the user named: the temporary one means nothing to them."""
    try:
        yield
    except OSError as e:
        if not _beside(e.filename, target):
            raise
        raise OSError(e.errno, e.strerror, str(target)) from None  # (the same kind: PermissionError …)


def _beside(name, target: Path) -> bool:
    """Whether ``name`` (an error's file name) is a temporary ``….part`` file beside ``target``."""
    if not isinstance(name, str | bytes | os.PathLike):  # (None, or a descriptor)
        return False
    path = Path(os.fsdecode(name))
    same_folder = os.path.abspath(path.parent) == os.path.abspath(target.parent)
    return same_folder and path.name != target.name and path.name.endswith(".part")


def named_as(path: str | Path, suffix: str) -> Path:
    """``path``, refused unless its name ends in ``suffix`` (".xlsx"): a workbook written as
    ``list.csv`` opens as garbage, in whatever the name sends it to."""
    target = Path(path)
    if target.suffix.lower() != suffix:
        raise UserError(
            Message(
                "Files",
                QT_TRANSLATE_NOOP("Files", "文件名应以 {suffix} 结尾：{path}"),
                {"suffix": suffix, "path": str(target)},
            )
        )
    return target


def write_file(path: str | Path, write: Callable[[io.BufferedWriter], object]) -> Path:
    """Write a file for people at ``path`` by ``write(f)`` (f: a binary file): to a temporary
    file beside it, flushed to disk and renamed over ``path``, so a half-written export never
    replaces a good one; readable by the OS account running CunYi only (0600, as the store, its
    backups and its PDFs: residents' records are not for every account on a shared PC); and never
    over something other than a file (:func:`file_target`)."""
    target = file_target(path)
    with written_as(target):
        fd, tmp = tempfile.mkstemp(prefix=".cunyi-", suffix=".part", dir=target.parent)  # (0600)
        try:
            with os.fdopen(fd, "wb") as f:
                write(f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return target


def write_csv(path: str | Path, rows: Iterable[Iterable]) -> Path:
    """``rows`` as a CSV file for people (:func:`write_file`), every cell made safe; UTF-8 with a
    BOM, which Excel and WPS need to read it as UTF-8."""

    def write(f) -> None:
        text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
        write_rows(csv.writer(text), rows)
        text.flush()
        text.detach()  # (the binary file is write_file's to close)

    return write_file(path, write)


def save_workbook(path: str | Path, workbook) -> Path:
    """An openpyxl workbook saved as a file for people (:func:`write_file`).  Made in memory, then
    written: a write that fails (a full USB stick) left openpyxl's zip file to be closed when it was
    collected, over the file closed by then, and Python printed that error's traceback to the user."""

    def write(f) -> None:
        made = io.BytesIO()
        workbook.save(made)
        f.write(made.getbuffer())

    return write_file(path, write)

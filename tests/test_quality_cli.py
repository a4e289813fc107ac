"""`cunyi report quality` on a township demo whose villages differ: JSON, the xlsx read back, the
督导 PDF, and errors as one sentence."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter

import openpyxl
import pytest

from app.cli import main, report_quality
from app.services.quality.report import KINDS
from tests import storekit

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

# The year asked about: the demo's last twelve months, mostly (its January too).
YEAR = str((dt.date.today() - dt.timedelta(days=183)).year)


@pytest.fixture(scope="module")
def township(tmp_path_factory, db_backend):  # built once per module and database
    d = str(storekit.data_dir_for_init(tmp_path_factory.mktemp("quality") / "town", "township"))
    assert (
        main(["--data-dir", d, "init", "--role", "township", "--code", "110105001", "--name", "东风乡"]) == 0
    )
    assert main(["--data-dir", d, "demo", "--residents", "900", "--villages", "4", "--seed", "3"]) == 0
    return d


def run_json(capsys, d, *args) -> dict:
    capsys.readouterr()
    assert main(["--data-dir", d, "report", "quality", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_report_group_parses_through_its_register():
    parser = argparse.ArgumentParser(prog="cunyi report")
    report_quality.register(parser.add_subparsers(dest="report"))
    args = parser.parse_args(["quality", "--year", "2026", "--village", "110105001002", "--json"])
    assert (args.func, args.year, args.village, args.json) == (
        report_quality.quality,
        2026,
        "110105001002",
        True,
    )
    with pytest.raises(SystemExit):
        parser.parse_args(["quality", "--json", "-o", "x.xlsx"])  # one output at a time


def test_json_findings_and_summary_agree_and_villages_differ(township, capsys):
    data = run_json(capsys, township, "--year", YEAR)
    assert set(data) == {"findings", "summary"}
    for f in data["findings"]:
        assert set(f) == {"kind", "village", "doctor", "archive_no", "name", "visit_date", "detail"}
        assert f["kind"] in KINDS and f["detail"]
    counted = Counter((f["village"], f["kind"]) for f in data["findings"])
    assert {(s["village"], s["kind"]): s["count"] for s in data["summary"]} == counted
    # The demo's villages: the 3rd copies values forward in evening sessions, the 4th's clock restarted.
    assert counted["110105001003", "copied"] > 10
    assert counted["110105001003", "burst"] > 10
    assert counted["110105001004", "clock"] == 1
    assert all(counted[v, "copied"] == 0 for v in ("110105001001", "110105001002", "110105001004"))
    one = run_json(capsys, township, "--year", YEAR, "--village", "110105001003")
    assert {f["village"] for f in one["findings"]} == {"110105001003"}
    assert len(one["findings"]) == sum(n for (v, _k), n in counted.items() if v == "110105001003")


@pytest.mark.slow
def test_xlsx_read_back_matches_json(township, capsys, tmp_path):
    data = run_json(capsys, township, "--year", YEAR)
    out = tmp_path / "q.xlsx"
    assert main(["--data-dir", township, "report", "quality", "--year", YEAR, "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "按医生", "问题明细"]
    summary = wb["汇总"]
    header = [c.value for c in summary[2]]
    assert header[:2] == ["村代码", "村"] and header[-1] == "合计"
    assert summary.freeze_panes == "A3"
    kinds = {KINDS[k]: k for k in KINDS}
    from_sheet = {}
    for row in summary.iter_rows(min_row=3, values_only=True):
        if not row[0]:
            assert row[1] == "合计" and row[-1] == len(data["findings"])
            continue
        for label, n in zip(header[2:-1], row[2:-1], strict=True):
            if n:
                from_sheet[row[0], kinds[label]] = n
    assert from_sheet == {(s["village"], s["kind"]): s["count"] for s in data["summary"]}
    detail = wb["问题明细"]
    assert detail.max_row - 1 == len(data["findings"])
    first = [c.value for c in detail[2]]
    assert first[4] == data["findings"][0]["archive_no"]  # archive numbers stay text, all 17 digits
    assert detail.cell(row=2, column=5).data_type == "s"


def test_pdf_sheet_per_village(township, tmp_path):
    out = tmp_path / "q.pdf"
    assert main(["--data-dir", township, "report", "quality", "--year", YEAR, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 4  # a sheet (or more) per village


@pytest.mark.sqlite_only  # no store: the same on both databases
@pytest.mark.parametrize(
    "args, message",
    [
        (["--year", YEAR, "-o", "x.csv"], "输出文件应以 .xlsx 或 .pdf 结尾"),
        (["--year", "1999"], "年份应在2000到2100之间"),
        (["--village", "110105001999"], "没有可查看的村：110105001999"),
    ],
)
def test_bad_input_is_one_sentence(township, capsys, args, message):
    capsys.readouterr()
    assert main(["--data-dir", township, "report", "quality", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def _sheets_text(tmp_path, villages, kinds_and_numbers) -> str:
    """The supervision sheets of a report holding, for the first village, one finding per
    (kind, n), as pdftotext reads them (pages split by form feeds)."""
    import datetime as dt
    import subprocess

    from app.services.errors import Message
    from app.services.indicators import Period
    from app.services.printing import Labels
    from app.services.printing.supervision_sheet import render_supervision_sheets
    from app.services.quality.report import DEFAULT, Finding, QualityReport

    code, name = villages[0]
    findings = tuple(
        Finding(
            kind,
            code,
            name,
            "王医生",
            None,
            f"1101050010010{n:04d}",
            f"病人{n}",
            None,
            dt.date(2026, 3, 1),
            Message("Quality", "说明 {n}", {"n": n}),
        )  # fmt: skip
        for kind, n in kinds_and_numbers
    )
    report = QualityReport(Period.year(2026), DEFAULT, dt.date(2026, 12, 1), villages, 500, findings)
    out = tmp_path / "sheets.pdf"
    out.write_bytes(render_supervision_sheets(report, Labels(), "东风乡卫生院"))
    return subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout


@pytest.mark.sqlite_only  # no store: the sheets are drawn from a report as it stands
def test_a_sheet_running_onto_more_pages_names_its_village_on_each(tmp_path):
    """A village with more records to check than fit one page: every later page of its sheet
    says whose it is (with the table's header row again), the next village starts on its own
    page with its heading, and no page is left without a village."""
    from app.services.quality.report import KINDS

    villages = (("110105001001", "高庙村"), ("110105001002", "向阳村"))
    pages = _sheets_text(tmp_path, villages, [(k, n) for k in KINDS for n in range(12)]).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    first_of = [i for i, p in enumerate(pages) if "检查期间" in p]
    assert len(first_of) == 2 and first_of[0] == 0
    for i, page in enumerate(pages):
        if i not in first_of:
            owner = "高庙村（110105001001）（续）" if i < first_of[1] else "向阳村（110105001002）（续）"
            assert owner in page and "档案编号" in page, (i, page[:200])
    assert "向阳村" not in "".join(pages[: first_of[1]])


def test_the_english_workbook_title_has_no_chinese_brackets(township, tmp_path):
    out = tmp_path / "q-en.xlsx"
    assert (
        main(["--data-dir", township, "report", "quality", "--year", YEAR, "--lang", "en", "-o", str(out)])
        == 0
    )
    title = openpyxl.load_workbook(out).worksheets[0]["A1"].value
    assert "(Visits checked: " in title and "（" not in title and "）" not in title, title


@pytest.mark.sqlite_only  # no store: the sheets are drawn from a report as it stands
def test_a_sheet_of_one_kind_of_finding_fills_its_page(tmp_path):
    """47 findings of one kind listed 12 and left half the page blank ("另有 35 条未列出"): the sheet
    lists up to FILL_ROWS before sending the reader to the workbook."""
    from app.services.printing.supervision_sheet import FILL_ROWS
    from app.services.quality.report import KINDS

    text = _sheets_text(tmp_path, (("110105001001", "高庙村"),), [(next(iter(KINDS)), n) for n in range(47)])
    assert f"病人{FILL_ROWS - 1}" in text and f"病人{FILL_ROWS}" not in text.replace(
        f"病人{FILL_ROWS - 1}", ""
    )
    assert f"另有 {47 - FILL_ROWS} 条未列出" in text

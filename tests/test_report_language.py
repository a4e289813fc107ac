"""The indicator workbook in the language asked for: ``report indicators --lang en`` from the CLI,
the 工作台's export in the UI language.  Headers, indicator names, reasons and the summary sheet's
name are English; every number is the same as in the Chinese workbook."""

from __future__ import annotations

import openpyxl
import pytest

from app.cli import main
from tests.test_indicators import YEAR, build

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ENGLISH_HEADERS = ["No.", "Indicator", "Numerator", "Denominator", "Rate", "Target"]
CHINESE_HEADERS = ["序号", "指标", "分子", "分母", "率", "目标"]


@pytest.fixture
def township_dir(township_store, tmp_path):
    build(township_store)
    township_store.dispose()
    return str(tmp_path / "data-township")


def workbook(folder, path, *lang):
    assert (
        main(["--data-dir", folder, "report", "indicators", "--year", str(YEAR), "-o", str(path), *lang]) == 0
    )
    return openpyxl.load_workbook(path)


def numbers(wb) -> list[list]:
    """Every number of the summary sheet, and of each list sheet its archive numbers and counts."""
    summary = wb.worksheets[0]
    out = [
        [c for c in row[2:] if not isinstance(c, str)]
        for row in summary.iter_rows(min_row=5, values_only=True)
    ]
    for ws in wb.worksheets[1:]:
        out.append([row[0] for row in ws.iter_rows(min_row=3, values_only=True)])
    return out


def headers(wb) -> list[str]:
    """The summary's header: 序号 and 指标 span rows 3 and 4, the township's figures are in row 4."""
    ws = wb.worksheets[0]
    return [ws.cell(row=3, column=c).value for c in (1, 2)] + [
        ws.cell(row=4, column=c).value for c in range(3, 7)
    ]


def check_english(en, zh) -> None:
    assert en.worksheets[0].title == "Summary" and zh.worksheets[0].title == "汇总"
    assert headers(en) == ENGLISH_HEADERS and headers(zh) == CHINESE_HEADERS
    names = [row[1] for row in en.worksheets[0].iter_rows(min_row=5, values_only=True)]
    assert "Health record coverage" in names and not any("率" in n for n in names)
    # each name whole in its column ("Contract rate: aged 65 and over" was cut at 26)
    assert en.worksheets[0].column_dimensions["B"].width >= max(len(n) for n in names)
    assert en.worksheets[0].cell(row=3, column=7).value == "东村 (110105001001)"
    # sheets named in English, at most 31 characters, a long name cut at a word and marked
    titles = en.sheetnames[1:]
    assert all(len(t) <= 31 for t in titles) and not any("_" in t or "率" in t for t in titles)
    assert "1 Health record coverage" in titles
    htn = next(en[t] for t in titles if t.startswith(("5 Hypertension", "6 Hypertension")))
    assert htn.title.endswith("…") and " manageme…" not in htn.title
    assert [c.value for c in htn[2]] == ["Archive no.", "Name", "Village", "Group", "Counted", "Reason"]
    rows = {row[1]: row for row in htn.iter_rows(min_row=3, values_only=True)}
    assert rows["r2"][4] == "No" and rows["r2"][5] == "Face-to-face follow-ups this year: 3 (4 required)"
    assert htn.cell(row=1, column=1).value.startswith("Hypertension")
    assert numbers(en) == numbers(zh)


def test_cli_english_workbook_has_english_words_and_the_same_numbers(township_dir, tmp_path):
    zh = workbook(township_dir, tmp_path / "zh.xlsx")  # default: zh_CN
    zh_named = workbook(township_dir, tmp_path / "zh2.xlsx", "--lang", "zh_CN")
    en = workbook(township_dir, tmp_path / "en.xlsx", "--lang", "en")
    assert numbers(zh) == numbers(zh_named)
    check_english(en, zh)


def test_cli_english_pdf_and_lists(township_dir, tmp_path, capsys):
    import json

    from app.services.printing.layout import FONT  # noqa: F401 - the bundled font is registered by the PDF

    out = tmp_path / "en.pdf"
    assert (
        main(
            [
                "--data-dir",
                township_dir,
                "report",
                "indicators",
                "--year",
                str(YEAR),
                "-o",
                str(out),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    args = ["--indicator", "htn_standard", "--list", "denominator", "--json", "--lang", "en"]
    assert main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), *args]) == 0
    listed = {r["name"]: r["reason"] for r in json.loads(capsys.readouterr().out)["residents"]}
    assert listed["r2"] == "Face-to-face follow-ups this year: 3 (4 required)"


@pytest.mark.gui
def test_the_workbench_exports_in_the_ui_language(gui_app, township_store, qtbot, tmp_path):
    from app.views.startup import install_translator
    from app.views.township_home import TownshipHomePage

    build(township_store)
    page = TownshipHomePage(township_store)
    qtbot.addWidget(page)
    page.show()
    page.wait_until_loaded()
    page.year.setValue(YEAR)
    page.wait_until_loaded()

    def exported(path):  # the export runs on a worker thread: wait for it
        task = page.export_to(path)
        if task is not None:
            with qtbot.waitSignal(task.finished, timeout=60_000):
                pass
        return task

    assert exported(str(tmp_path / "zh.xlsx")) is not None
    install_translator(gui_app, "en")
    try:
        assert exported(str(tmp_path / "en")) is not None  # .xlsx added
        assert exported(str(tmp_path / "en.pdf")) is not None
    finally:
        install_translator(gui_app, "zh")
    check_english(openpyxl.load_workbook(tmp_path / "en.xlsx"), openpyxl.load_workbook(tmp_path / "zh.xlsx"))
    assert (tmp_path / "en.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.sqlite_only
def test_every_lang_option_takes_both_spellings_of_chinese(capsys):
    """`--lang zh_CN` and `--lang zh` mean the same on every command (quality took only zh)."""
    import argparse

    from app.cli import build_parser

    parser = build_parser()
    commands = [
        ["report", "quality"],
        ["report", "indicators", "--year", "2026"],
        ["print", "card", "X", "-o", "x.pdf"],
        ["gui"],
    ]
    for words in commands:
        for spelling in ("zh", "zh_CN"):
            assert parser.parse_args([*words, "--lang", spelling]).lang == "zh", words
        assert parser.parse_args([*words, "--lang", "en"]).lang == "en"
        with pytest.raises(SystemExit):
            parser.parse_args([*words, "--lang", "fr"])
    assert "zh_CN" in capsys.readouterr().err
    assert isinstance(parser, argparse.ArgumentParser)


def test_the_printed_report_in_english_says_its_targets_in_english_and_lines_up(township_dir, capsys):
    """`report indicators --lang en` printed "77.3%（目标 80%）", and CJK names (two columns each in a
    terminal) pushed the figures out of line."""
    import re
    import unicodedata

    assert (
        main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "--lang", "en"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert any("(target 80%)" in line for line in lines) and not any("目标" in line for line in lines)
    assert main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if re.search(r"\d+ / ", line)]

    def column_of_slash(line: str) -> int:
        head = line[: line.index(" / ")]
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in head)

    assert len({column_of_slash(line) for line in lines if "次" not in line and "种" not in line}) == 1


def test_the_quality_report_in_english_is_english_from_its_first_line(township_dir, capsys):
    """`report quality --lang en` printed "2026 年随访质量：核查 4286 次随访，781 条问题" above its
    English lines."""
    import re

    capsys.readouterr()
    assert main(["--data-dir", township_dir, "report", "quality", "--year", str(YEAR), "--lang", "en"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"Follow-up quality {YEAR}: ") and not re.search(r"[\u4e00-\u9fff]", first), first
    assert main(["--data-dir", township_dir, "report", "quality", "--year", str(YEAR)]) == 0
    assert capsys.readouterr().out.startswith(f"{YEAR} 年随访质量：核查 ")


def test_the_summary_says_the_day_contracts_are_counted_on_and_fits_a_page(township_dir, tmp_path):
    """A reviewer reconciling 663 hypertension patients in 规范管理率 with 630 in 签约率 for the county
    found no word of why (patients whose management ended during the year).  The summary says the
    day contracts are counted on; its indicators, the notes above them, still on one page."""
    import subprocess

    for lang, words in (("zh", "注：签约率按 "), ("en", "Note: contract rates are counted on ")):
        out = tmp_path / f"{lang}.pdf"
        args = ["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "-o", str(out)]
        assert main([*args, "--lang", lang]) == 0
        first = subprocess.run(
            ["pdftotext", "-layout", "-f", "1", "-l", "1", str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert words in " ".join(first.split()), first[:600]
        numbered = [
            line.split()[0] for line in first.splitlines() if line.split() and line.split()[0].isdecimal()
        ]
        assert numbered == [str(n) for n in range(1, len(numbered) + 1)] and len(numbered) >= 25, numbered
        # found by review: pages 2 on carried the villages' tables with no word of whose or when
        whole = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = whole.split("\f")[:-1]
        assert len(pages) >= 2
        continued = (
            "基本公共卫生服务指标汇总表（" if lang == "zh" else "basic public health service indicators ("
        )
        ending = "（续）" if lang == "zh" else "(continued)"
        for page in pages[1:]:
            head = page.strip().splitlines()[0]
            assert continued in head and str(YEAR) in head and head.endswith(ending), head

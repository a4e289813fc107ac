"""``cunyi report indicators`` and ``cunyi report population`` on the hand-built township of
test_indicators: the JSON's stable keys and figures, the workbook read back with openpyxl, the
drill-down lists, the PDF, and one-sentence errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from tests.test_indicators import EXPECTED_YEAR, YEAR, A, B, build

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


@pytest.fixture
def township_dir(township_store, tmp_path):
    build(township_store)
    township_store.dispose()
    return str(tmp_path / "data-township")


def run_json(capsys, *args):
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_stable_keys_and_the_figures(township_dir, capsys):
    data = run_json(capsys, "--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "--json")
    by_key = {i["key"]: i for i in data["indicators"]}
    assert set(EXPECTED_YEAR) <= set(by_key)
    for key, (num, den, villages) in EXPECTED_YEAR.items():
        ind = by_key[key]
        assert {"key", "name", "numerator", "denominator", "rate", "target", "villages"} <= set(ind)
        assert (ind["numerator"], ind["denominator"]) == (num, den)
        assert ind["rate"] == round(num / den, 4)
        assert {v["code"]: (v["numerator"], v["denominator"]) for v in ind["villages"]} == villages
    assert by_key["records"]["target"] == 0.8 and by_key["records"]["name"] == "健康档案建档率"


@pytest.mark.slow
def test_workbook_numbers_match_the_json(township_dir, tmp_path, capsys):
    data = run_json(capsys, "--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "--json")
    out = tmp_path / "report.xlsx"
    assert (
        main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "-o", str(out)]) == 0
    )
    wb = openpyxl.load_workbook(out)
    summary = wb.worksheets[0]
    assert summary.title == "汇总" and summary.freeze_panes == "C5"
    assert summary["B5"].font.name == "宋体"
    rows = list(summary.iter_rows(min_row=5, values_only=True))
    assert len(rows) == len(data["indicators"])
    from app.services.indicators.output import standing_text

    for row, ind in zip(rows, data["indicators"], strict=True):
        counts = ind["unit"] != "rate"  # activities against a minimum: where they stand, no target

        def shown(figure, counts=counts, unit=ind["unit"]):
            return (
                standing_text(
                    figure["numerator"], figure["denominator"], unit, units_short=figure.get("units_short", 0)
                )
                if counts
                else figure["rate"]
            )

        assert list(row[1:6]) == [
            ind["name"],
            ind["numerator"],
            ind["denominator"],
            shown(ind),
            "—" if counts else ind["target"],
        ]
        for i, v in enumerate(ind["villages"]):
            assert list(row[6 + 3 * i : 9 + 3 * i]) == [v["numerator"], v["denominator"], shown(v)]
    villages = [summary.cell(row=3, column=7 + 3 * i).value for i in range(2)]
    assert villages == [f"东村（{A}）", f"西村（{B}）"]
    # one sheet per indicator, listing its residents with reasons
    # named by number and name (as on the summary, whose names link to them), never by key
    titles = [f"{n} {i['name']}" for n, i in enumerate(data["indicators"], start=1)]
    assert [ws.title for ws in wb.worksheets[1:]] == titles
    assert [summary.cell(row=5 + n, column=2).hyperlink.location for n in range(len(titles))] == [
        f"'{t}'!A1" for t in titles
    ]
    sheet = wb[titles[[i["key"] for i in data["indicators"]].index("htn_standard")]]
    assert sheet.freeze_panes == "A3"
    listed = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(listed) == 5 and sum(1 for r in listed if r[4] == "是") == 4
    r2 = next(r for r in listed if r[1] == "r2")
    assert r2[0] == f"{A}00002" and r2[5] == "本年面对面随访 3 次，要求 4 次"
    assert (
        len(list(wb["1 健康档案建档率"].iter_rows(min_row=3))) == 8
    )  # numerator: the figure is the denominator


def test_lists_as_json(township_dir, capsys):
    base = [
        "--data-dir",
        township_dir,
        "report",
        "indicators",
        "--year",
        str(YEAR),
        "--indicator",
        "htn_standard",
    ]
    num = run_json(capsys, *base, "--list", "numerator", "--json")
    den = run_json(capsys, *base, "--list", "denominator", "--json")
    assert len(num["residents"]) == 4 and len(den["residents"]) == 5
    assert {"archive_no", "name", "village", "reason"} <= set(den["residents"][0])
    assert {r["name"] for r in den["residents"]} - {r["name"] for r in num["residents"]} == {"r2"}
    q4 = run_json(capsys, *base, "--list", "denominator", "--json", "--quarter", "4", "--village", B)
    assert [(r["name"], r["village"]) for r in q4["residents"]] == [("r9", B)]


def test_pdf_summary(township_dir, tmp_path):
    out = tmp_path / "report.pdf"
    assert (
        main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "-o", str(out)]) == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--list", "numerator"], "--indicator"),
        (["--indicator", "records"], "--list"),
        (["--indicator", "nope", "--list", "numerator"], "没有名为“nope”的指标"),
        (["--indicator", "records", "--list", "denominator"], "常住人口"),
        (["-o", "report.docx"], ".xlsx 或 .pdf"),
        (["--by", "group", "-o", "report.pdf"], "--by 只用于屏幕上的列表"),
        (["--village", "110105001999"], "没有村代码为 110105001999 的村"),
    ],
)
def test_errors_are_one_sentence(township_dir, capsys, args, message):
    code = main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), *args])
    err = capsys.readouterr().err
    assert code == 1 and message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_year_not_begun_is_refused_not_reported_as_zero(township_dir, capsys):
    """Every rate of a year that has not begun would read 0%, red against its target."""
    import datetime as dt

    coming = dt.date.today().year + 1
    code = main(["--data-dir", township_dir, "report", "indicators", "--year", str(coming), "--json"])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert f"统计期从 {coming}-01-01 开始，还没有到" in captured.err and "Traceback" not in captured.err


def test_population_set_and_list(township_dir, capsys):
    assert (
        main(
            [
                "--data-dir",
                township_dir,
                "report",
                "population",
                "--year",
                "2027",
                "--village",
                A,
                "--residents",
                "12",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "--data-dir",
                township_dir,
                "report",
                "population",
                "--year",
                "2027",
                "--village",
                A,
                "--elderly",
                "4",
            ]
        )
        == 0
    )
    data = run_json(capsys, "--data-dir", township_dir, "report", "population", "--year", "2027", "--json")
    assert data["villages"] == [
        {"code": A, "name": "东村", "year": 2027, "resident_population": 12, "elderly_population": 4},
        {"code": B, "name": "西村", "year": 2027, "resident_population": None, "elderly_population": None},
    ]
    code = main(
        [
            "--data-dir",
            township_dir,
            "report",
            "population",
            "--year",
            "2027",
            "--village",
            A,
            "--elderly",
            "13",
        ]
    )
    assert code == 1 and "不能多于常住人口" in capsys.readouterr().err


def test_a_village_reports_its_own_village(store, tmp_path, capsys):
    import datetime as dt

    from app.tools import demo
    from tests.conftest import VILLAGE_CODE

    with store.transaction() as s:
        demo.generate_demo(s, 60, seed=3, today=dt.date(YEAR, 11, 23))
    store.dispose()
    d = str(tmp_path / "data-village")
    data = run_json(capsys, "--data-dir", d, "report", "indicators", "--year", str(YEAR), "--json")
    for ind in data["indicators"]:
        assert [v["code"] for v in ind["villages"]] == [VILLAGE_CODE]
        assert ind["villages"][0]["numerator"] == ind["numerator"]
    records = next(i for i in data["indicators"] if i["key"] == "records")
    # the population figure comes from the township by sync: not here yet, so no rate
    assert records["numerator"] == 60 and records["denominator"] is None
    assert records["missing_population"] == [VILLAGE_CODE]
    # and every output says why the rate is empty, naming the village and the indicators
    capsys.readouterr()
    assert main(["--data-dir", d, "report", "indicators", "--year", str(YEAR)]) == 0
    note = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("注："))
    assert f"尚未录入 {YEAR} 年的人口数" in note and "健康档案建档率" in note and "老年人健康管理率" in note
    assert (
        main(["--data-dir", d, "report", "indicators", "--year", str(YEAR), "-o", str(tmp_path / "r.xlsx")])
        == 0
    )
    assert note in openpyxl.load_workbook(tmp_path / "r.xlsx").active.cell(row=2, column=1).value
    assert (
        main(["--data-dir", d, "report", "indicators", "--year", str(YEAR), "-o", str(tmp_path / "r.pdf")])
        == 0
    )
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    assert f"尚未录入 {YEAR} 年的人口数" in text.replace("\n", "")
    # the paper says what the workbook says under its title: period, unit, who made it, when
    assert f"统计时间：{YEAR}-01-01 至 {YEAR}-12-31" in text and "制表人：本机系统账户" in text


def test_education_counts_read_as_counts_against_the_minimum(township_dir, capsys):
    """Lectures count the months (two-month periods) with one, as the 健康教育 page does: "29 期 /
    最低 30 期" (it read "29 次", six lectures in a month being one)."""
    data = run_json(capsys, "--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "--json")
    units = {i["key"]: i["unit"] for i in data["indicators"]}
    assert units["education_lectures"] == "periods" and units["records"] == "rate"
    assert units["education_consultations"] == "count"  # (a yearly number of activities)
    lectures = next(i for i in data["indicators"] if i["key"] == "education_lectures")
    n, minimum = lectures["numerator"], lectures["denominator"]
    capsys.readouterr()
    assert (
        main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "--by", "village"])
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    line = next(x for x in lines if x.startswith("健康知识讲座次数"))
    assert f"{n} 期 / 最低 {minimum} 期" in line and f"差 {minimum - n} 期" in line  # months with a lecture
    assert "%" not in line and "目标" not in line
    audiovisual = next(x for x in lines if x.startswith("音像资料种类数"))  # ≥ 6 kinds a year (DOMAIN)
    assert " 种 / 最低 " in audiovisual and units["education_audiovisual"] == "kinds"
    materials = next(x for x in lines if x.startswith("印刷资料种类数"))
    assert " 种 / 最低 " in materials  # kinds given out, not times
    # the villages' rows and the township's own add up to the total (its own minimum had no row)
    township = lectures["townships"][0]
    own = township["own"]
    assert sum(v["numerator"] for v in lectures["villages"]) + own["numerator"] == n
    assert sum(v["denominator"] for v in lectures["villages"]) + own["denominator"] == minimum
    at = lines.index(line)
    below = lines[at + 1 : at + 2 + len(lectures["villages"])]
    assert below[-1].strip().startswith(f"{township['name']}本级")
    assert f"{own['numerator']} 期 / 最低 {own['denominator']} 期" in below[-1]
    # on paper too: the minimum stood under 分母 as a bare number, and "差 1 次" under 率
    pdf = Path(township_dir) / "r.pdf"
    assert (
        main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "-o", str(pdf)]) == 0
    )
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    row = next(x for x in text.splitlines() if "健康知识讲座次数" in x)
    assert re.search(rf"{n} ?期\s+最低 ?{minimum} ?期\s+差 ?{minimum - n} ?期", row), (
        row
    )  # (its spaces may go)
    # and the workbook's sheet of the lectures: not "分子 29，分母 30"
    import openpyxl

    book = Path(township_dir) / "r.xlsx"
    assert (
        main(["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "-o", str(book)]) == 0
    )
    headings = [str(ws.cell(row=1, column=1).value) for ws in openpyxl.load_workbook(book).worksheets]
    (heading,) = [h for h in headings if h.startswith("健康知识讲座次数")]
    assert heading.endswith(f"：{n} 期，最低 {minimum} 期"), heading


def test_a_sum_of_counts_met_by_one_units_surplus_says_how_many_units_fell_short(township_dir, capsys):
    """Each unit's minimum is its own (DOMAIN: per institution): a township read "35 次 / 最低 30 次
    已达到" while its own health centre was 1 lecture short and a village's surplus made it up."""
    from app.services.indicators.output import standing_text

    assert standing_text(35, 30, "count", units_short=2) == "2 个单位未达到"
    assert standing_text(35, 30, "count") == "已达到"
    assert standing_text(20, 30, "count", units_short=2) == "差 10 次"  # short in sum: by how much
    data = run_json(capsys, "--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "--json")
    for ind in data["indicators"]:
        if ind["unit"] == "rate":
            assert "units_short" not in ind
            continue
        for whole, units in [
            (ind, [*ind["villages"], *(t["own"] for t in ind["townships"] if "own" in t)]),
            *((t, [*t["villages"], *([t["own"]] if "own" in t else [])]) for t in ind["townships"]),
        ]:
            short = sum(1 for u in units if u["denominator"] and u["numerator"] < u["denominator"])
            assert whole["units_short"] == short, (ind["key"], whole.get("code"))


def test_a_quarter_so_far_is_the_year_up_to_its_end(township_dir, township_store, capsys):
    """A quarter alone counts one quarter's yearly checks against the yearly target (老年人健康管理率
    14.8% against 65%); ``--cumulative`` reads from 1 January to the quarter's end (累计)."""
    from app.services.indicators import Period, engine

    base = ["--data-dir", township_dir, "report", "indicators", "--year", str(YEAR), "--json"]
    so_far = run_json(capsys, *base, "--quarter", "3", "--cumulative")
    with township_store.session() as s:
        expected = engine.evaluate(s, Period(dt.date(YEAR, 1, 1), dt.date(YEAR, 9, 30)))
    got = {i["key"]: (i["numerator"], i["denominator"]) for i in so_far["indicators"]}
    assert got == {r.key: (r.total.numerator, r.total.denominator) for r in expected.results}
    capsys.readouterr()
    assert main(base[:-1] + ["--quarter", "3", "--cumulative"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"{YEAR}年1–3季度累计"
    assert main(base[:-1] + ["--cumulative"]) == 1  # without a quarter: said, not guessed
    assert "累计要与季度一起给出" in capsys.readouterr().err

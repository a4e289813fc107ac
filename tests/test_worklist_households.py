"""The home-visit worklist walks the village: households in house-number order, members together,
days overdue on every row, and no phrase broken across lines."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from app.cli.printing import print_labels
from app.services import printing
from app.services.printing import Labels
from app.services.printing.home_visits import home_visit_list, natural_key
from app.services.programmes import followup
from app.services.records.residents import save_resident
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ZH = Labels()


def pdf_lines(data: bytes, tmp_path) -> list[str]:
    path = tmp_path / "w.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


@pytest.mark.sqlite_only  # no store: pure rules
def test_natural_key_orders_house_numbers_as_numbers():
    addresses = ["一组10号", "一组2号", "一组9号之一", "一组９号", "一组"]
    assert sorted(addresses, key=natural_key) == ["一组", "一组2号", "一组９号", "一组9号之一", "一组10号"]


def household(s, person, address, group, members):
    """A household at ``address``: [(name, relation, enrolled_on)], the head first."""
    head = None
    for name, relation, enrolled in members:
        r = save_resident(
            s,
            person(
                name=name,
                id_number="",
                sex="1",
                birth_date="1950-01-01",
                current_address=address,
                group_name=group,
                relation_to_head=relation,
                household_id=head.household_id if head else None,
            ),
            today=TODAY,
        )
        head = head or r
        followup.enrol(s, r, "htn", enrolled)


def test_households_in_house_number_order_members_together(store, person, tmp_path):
    with store.transaction() as s:
        # the wife at 10号 is the most overdue in the group: she still walks with her household
        household(
            s, person, "幸福村一组10号", "一组", [("赵大", "0", TODAY), ("钱二", "1", dt.date(2026, 6, 1))]
        )
        household(s, person, "幸福村一组2号", "一组", [("孙三", "0", dt.date(2026, 11, 20))])
        household(s, person, "幸福村二组1号", "二组", [("李四", "0", dt.date(2026, 11, 1))])
        household(
            s, person, "幸福村一组9号", "一组", [("周五", "0", dt.date(2026, 11, 10)), ("吴六", "2", TODAY)]
        )
    with store.session() as s:
        rows = home_visit_list(s, today=TODAY).rows
        data = printing.worklist_pdf(s, ZH, today=TODAY)
    assert [r.name for r in rows] == ["孙三", "周五", "吴六", "赵大", "钱二", "李四"]
    assert [r.first_of_household for r in rows] == [True, True, False, True, False, True]
    lines = pdf_lines(data, tmp_path)
    row = {name: next(line for line in lines if name in line) for name in ("钱二", "赵大", "孙三", "吴六")}
    assert row["钱二"].rstrip().endswith(f"逾期{(TODAY - dt.date(2026, 6, 1)).days}天")
    assert row["赵大"].rstrip().endswith("今天到期")
    assert "（同户）" in row["钱二"] and "幸福村一组10号" in row["赵大"]
    assert row["孙三"].rstrip().endswith("逾期3天")


def test_no_phrase_breaks_across_lines(store, person, tmp_path):
    with store.transaction() as s:
        for i, day in enumerate((TODAY, TODAY + dt.timedelta(days=5), dt.date(2025, 1, 1))):
            household(s, person, f"幸福村一组{i + 1}号", "一组", [("郑" + "甲乙丙"[i], "0", day)])
    with store.session() as s:
        data = printing.worklist_pdf(s, ZH, today=TODAY, due_within=7)
    text = "\n".join(pdf_lines(data, tmp_path))
    for phrase in ("今天到期", "5天后到期", f"逾期{(TODAY - dt.date(2025, 1, 1)).days}天"):
        assert phrase in text, phrase
    assert not re.search(r"逾期\d*\s*\n|\(今\s*\n", text)


@pytest.mark.slow
def test_a_household_stays_on_one_page_and_a_continued_group_repeats_its_caption(store, person, tmp_path):
    chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
    with store.transaction() as s:
        for h in range(22):  # 22 households of 3: more than one page, boundaries fall inside households
            members = [(f"{chars[h]}{'一二三'[m]}", "0" if m == 0 else "2", TODAY) for m in range(3)]
            household(s, person, f"幸福村一组{h + 1}号", "一组", members)
    with store.session() as s:
        data = printing.worklist_pdf(s, ZH, today=TODAY)
    path = tmp_path / "w.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    for h in range(22):
        on = [n for n, page in enumerate(pages) if any(f"{chars[h]}{m}" in page for m in "一二三")]
        assert len(on) == 1, (chars[h], on)  # the whole household on one page
    for page in pages[1:]:  # a continued group: its caption again at the top, then a head's row
        body = [line for line in page.splitlines() if line.strip()]
        first = next(i for i, line in enumerate(body) if "一组" in line)
        assert "（续）" in body[first] and "幸福村一组" in body[first + 1], body[first : first + 2]


def test_programmes_print_whole_in_order_and_nothing_below_6_5_pt(store, person, tmp_path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from sqlalchemy import select

    from app.cli.printing import print_labels
    from app.models import Resident

    with store.transaction() as s:
        household(s, person, "幸福村一组1号", "一组", [("赵大", "0", dt.date(2025, 3, 1))])
        r = s.scalar(select(Resident).where(Resident.name == "赵大"))
        followup.enrol(s, r, "t2dm", dt.date(2025, 1, 1))
    for labels, words in (
        (ZH, ("高血压", "2型糖尿病")),
        (print_labels("en"), ("Hypertension", "Type 2 diabetes")),
    ):
        with store.session() as s:
            data = printing.worklist_pdf(s, labels, today=TODAY)
        lines = pdf_lines(data, tmp_path)
        at = [next(i for i, line in enumerate(lines) if w in line) for w in words]  # never split
        assert at[0] < at[1]  # 高血压 first, 2型糖尿病 under it
        pdf = pdfium.PdfDocument(data)
        tp = pdf[0].get_textpage()
        sizes = [
            raw.FPDFText_GetFontSize(tp, k)
            for k in range(tp.count_chars())
            if chr(raw.FPDFText_GetUnicode(tp, k)).strip() and not raw.FPDFText_IsGenerated(tp, k)
        ]
        tp.close()
        pdf.close()
        assert min(sizes) >= 6.45, min(sizes)


def _two_programmes(store, person) -> None:
    """马贵杰: hypertension seen yesterday at 140/94, due in 13 days; diabetes last seen on 06-23
    (135/90, glucose 6.9), due 09-21."""
    with store.transaction() as s:
        r = save_resident(
            s, person(name="马贵杰", id_number="", sex="1", birth_date="1950-01-01"), today=TODAY
        )
        htn = followup.enrol(s, r, "htn", dt.date(2024, 1, 5))
        t2dm = followup.enrol(s, r, "t2dm", dt.date(2024, 1, 5))
        htn.last_visit, htn.last_sbp, htn.last_dbp = TODAY - dt.timedelta(days=1), 140, 94
        htn.next_due = TODAY + dt.timedelta(days=13)
        t2dm.last_visit, t2dm.last_sbp, t2dm.last_dbp = dt.date(2026, 6, 23), 135, 90
        t2dm.last_glucose, t2dm.next_due = 6.9, dt.date(2026, 9, 21)


def test_a_patient_of_two_programmes_shows_the_latest_visit_and_readings(store, person):
    """马贵杰: diabetes overdue (last seen in June, 135/90, glucose 6.9) and hypertension seen on
    11-29 at 140/94: the row showed June's visit and readings, hiding November's pressure."""
    _two_programmes(store, person)
    with store.session() as s:
        (row,) = [x for x in home_visit_list(s, today=TODAY, due_within=30).rows if x.name == "马贵杰"]
    assert row.programs[0] == "t2dm" and row.next_due == dt.date(2026, 9, 21)  # the overdue one leads
    assert (row.last_visit, row.last_bp, row.last_glucose) == (TODAY - dt.timedelta(days=1), "140/94", "6.9")


def test_each_programme_of_a_row_keeps_its_own_visit_readings_and_due_date(store, person, tmp_path):
    """马贵杰 again, printed: a single line said "last seen yesterday … 73 days overdue, 140/94
    glucose 6.9" (a June glucose beside yesterday's pressure), and the doctor could not tell which
    programme was late.  Each programme now has its own line in the programme, last-visit,
    reading, due-date and overdue cells, level with each other."""
    _two_programmes(store, person)
    with store.session() as s:
        zh = pdf_lines(printing.worklist_pdf(s, ZH, due_within=30, today=TODAY), tmp_path)
        en = pdf_lines(printing.worklist_pdf(s, print_labels("en"), due_within=30, today=TODAY), tmp_path)
    yesterday = TODAY - dt.timedelta(days=1)
    late = (TODAY - dt.date(2026, 9, 21)).days
    htn_line = [x for x in zh if "高血压" in x and "140/94" in x]
    t2dm_line = [x for x in zh if "2型糖尿病" in x and "135/90 血糖6.9" in x]
    assert len(htn_line) == 1 and len(t2dm_line) == 1, zh
    assert re.search(
        rf"高血压\s+{yesterday:%Y.%m.%d}\s+140/94\s+{TODAY + dt.timedelta(days=13):%Y.%m.%d}\s+13天后到期",
        htn_line[0],
    ), htn_line
    assert re.search(rf"2型糖尿病\s+2026.06.23\s+135/90 血糖6.9\s+2026.09.21\s+逾期{late}天", t2dm_line[0]), (
        t2dm_line
    )
    assert "血糖6.9" not in htn_line[0]  # June's glucose is not shown as a reading of yesterday
    assert any(
        re.search(rf"Type 2 diabetes\s+2026-06-23\s+135/90 glucose 6.9\s+2026-09-21\s+{late} d overdue", x)
        for x in en
    ), en


def test_a_village_pc_refuses_to_print_another_villages_list(store):
    """`print worklist --village 999999999999` on a village PC printed its own village's list."""
    from app.services.errors import UserError
    from app.services.profile import get_profile
    from app.services.programmes.worklist import print_scope

    with store.session() as s:
        own = get_profile(s).code
        assert print_scope(s, own, None)["village_id"] is not None
        with pytest.raises(UserError, match="没有村代码999999999999"):
            print_scope(s, "999999999999", None)

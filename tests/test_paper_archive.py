"""The paper archive from the record (个人基本信息表, 随访服务记录表 filled) and forms a pen can fill:
the PDFs' text carries the labels and the recorded values; box sizes and text-in-cell are measured
from the layout itself."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from app.cli import main
from app.cli.printing import print_labels
from app.models import FollowupVisit
from app.services import printing
from app.services.errors import UserError
from app.services.printing import Labels, blank_forms
from app.services.printing.blank_forms import AnswerCell, form_layout
from app.services.printing.layout import text_width
from app.services.programmes import followup
from app.services.programmes.followup import VisitInput, save_visit
from app.services.records.resident_form import RESIDENT_FORM
from app.services.records.residents import ResidentInput, save_resident
from tests import storekit
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ZH = Labels()


def pdf_pages(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


@pytest.fixture
def archive(store):
    """王建国 with a full personal record and five 2026 hypertension visits, one voided and one corrected."""
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(
                name="王建国",
                id_number="11010519491231002X",
                sex="2",
                ethnicity="01",
                blood_abo="1",
                education="7",
                occupation="4",
                marital="2",
                phone="13912345678",
                contact_name="王小明",
                current_address="测试村三组18号",
                group_name="三组",
                payment=["3"],
                allergy=["2"],
                past_diseases={"2": "2015-06", "3": "2019-01"},
                family={"father": ["2"], "mother": ["3"]},
                history_events=[
                    ("surgery", "阑尾切除术", "1998-05-01"),
                    ("transfusion", "输血400ml", "2003-02-01"),
                ],
                fuel="2",
                water="3",
                enrolled_on="2020-01-01",
                enrolled_by="李医生",
                responsible_doctor="李医生",
            ),
            today=TODAY,
        )
        followup.enrol(s, r, "htn", dt.date(2024, 1, 1), doctor="李医生")
        ids = {}
        for day, sbp in (
            ("2025-12-20", "170"),
            ("2026-01-10", "151"),
            ("2026-03-11", "142"),
            ("2026-05-12", "163"),
            ("2026-07-13", "144"),
            ("2026-09-14", "135"),
            ("2026-10-20", "133"),
        ):
            v = save_visit(
                s,
                r,
                VisitInput(
                    visit_date=day,
                    measurements={"sbp": sbp, "dbp": "88", "heart_rate": "72"},
                    drugs=[{"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5}],
                    doctor="李医生",
                ),
                today=TODAY,
            )
            ids[day] = v.id
        corrected = save_visit(
            s,
            r,
            VisitInput(
                visit_date="2026-07-13",
                correction=True,
                measurements={"sbp": "139", "dbp": "87", "heart_rate": "70"},
                drugs=[{"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5}],
                doctor="李医生",
            ),
            today=TODAY,
        )
        voided = s.get(FollowupVisit, ids["2026-05-12"])
        voided.voided, voided.void_reason = True, "录错病人"
        return {"archive_no": r.archive_no, "corrected": corrected.id}


def test_record_prints_every_declared_field_and_the_values(store, archive, tmp_path):
    with store.session() as s:
        data = printing.record_pdf(s, archive["archive_no"], ZH)
    text = "".join(pdf_pages(data, tmp_path))
    assert (
        "个人基本信息表" in text and archive["archive_no"][-8:-5] + "-" + archive["archive_no"][-5:] in text
    )
    for f in RESIDENT_FORM:  # printed from the one declaration: every field has its row
        if f.key == "history_events":  # 手术, 外伤, 输血: a row each, as on the paper form
            continue
        assert re.sub(r"\s+", "", f.label) in text, f.label
    for value in (
        "王建国",
        "11010519491231002X",
        "1949-12-31",
        "汉族",
        "A型",
        "初中",
        "已婚",
        "13912345678",
        "王小明",
        "测试村三组18号",
        "新型农村合作医疗",
        "青霉素",
        "高血压2015-06",
        "糖尿病2019-01",
        "父亲：高血压",
        "母亲：糖尿病",
        "煤",
        "井水",
        "李医生",
        "户主王建国",
    ):
        assert value in text, value
    assert "None" not in text


def test_record_pages_are_identifiable_and_history_rows_carry_their_codes(store, archive, tmp_path):
    with store.transaction() as s:  # 遗传病史 answered 无
        followup.find_resident(s, archive["archive_no"]).has_genetic_disease = False
    with store.session() as s:
        data = printing.record_pdf(s, archive["archive_no"], ZH)
    pages = pdf_pages(data, tmp_path)
    number = archive["archive_no"][-8:-5] + "-" + archive["archive_no"][-5:]
    assert len(pages) >= 2
    for page in pages:  # a loose page says whose it is
        assert "姓名：王建国" in page and number in page, page[:80]
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    lines = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    row = {
        k: next(line for line in lines.splitlines() if re.match(rf"\s*{k}\s", line))
        for k in ("手术", "外伤", "输血")
    }
    assert "有阑尾" in re.sub(r"\s", "", row["手术"]) and "阑尾切除术" in row["手术"] and "[2]" in row["手术"]
    assert "无" in re.sub(r"\s", "", row["外伤"]) and "[1]" in row["外伤"]
    assert "输血400ml" in row["输血"] and "[2]" in row["输血"]
    text = "".join(pages)
    assert "父亲：高血压[2]" in text and "母亲：糖尿病[3]" in text  # 家族史 with its codes
    genetic = re.search(r"遗传病史.{0,12}", text).group(0)
    assert "无[1]" in genetic, genetic  # (1 无 2 有, as every other row: it had no code)


def test_a_section_is_never_on_a_page_without_its_title_and_the_record_says_contract_and_poverty(
    store, archive, tmp_path
):
    """生活环境 began at the foot of page 1 and went on to page 2 with no title; the record printed
    nothing of the resident's family-doctor contract or poverty registration (DOMAIN: the record
    holds them beyond the form)."""
    from app.services.programmes import contracts, poverty
    from app.services.records.resident_form import RESIDENT_FORM as FORM

    with store.session() as s:
        pages = pdf_pages(printing.record_pdf(s, archive["archive_no"], ZH), tmp_path)
    assert "家庭医生签约未签约" in "".join(pages) and "贫困户否" in "".join(pages)
    for section in FORM.sections:  # every page with a row of a section has the section's title
        labels = [re.sub(r"\s+", "", f.label) for f in section.fields if f.key != "history_events"]
        for page in pages:
            if any(label in page for label in labels if len(label) > 3):
                assert re.sub(r"\s+", "", section.title) in page, (section.title, page[:60])
    living = [f.label for f in next(s for s in FORM.sections if s.key == "environment").fields]
    assert sum(any(label in page for label in living) for page in pages) == 1  # 5 rows: never split
    with store.transaction() as s:
        poverty.set_household(
            s, archive["archive_no"], status="monitored", cause="illness", registered_on="2025-03-01"
        )
        contracts.add_contract(
            s, archive["archive_no"], doctor="李医生", packages="basic,poor", start="2026-01-01"
        )
        review = TODAY + dt.timedelta(days=30)
        poverty.add_plan(s, archive["archive_no"], track="chronic", measures="每月随访", review=review)
    with store.session() as s:
        text = "".join(pdf_pages(printing.record_pdf(s, archive["archive_no"], ZH), tmp_path))
    assert "签约医生李医生，2026年1月1日至2026年12月31日，服务包：" in text, text[-300:]
    assert "待居民签字" not in text and "续约" not in text  # signed with the slip, no renewal yet
    assert f"一患一策高血压，慢病签约服务管理，复核日期{review.year}年{review.month}月{review.day}日" in text
    assert "防返贫监测户，致贫原因：因病，因病致贫，2025年3月1日登记" in text, text[-300:]


def test_english_record_says_household_and_surgery(store, archive, tmp_path):
    with store.session() as s:
        data = printing.record_pdf(s, archive["archive_no"], print_labels("en"))
    text = "".join(pdf_pages(data, tmp_path))
    assert "Household" in text and "Households" not in text and "Surgery" in text


def test_visits_four_to_a_page_voided_left_out_corrections_as_corrected(store, archive, tmp_path):
    with store.session() as s:
        data = printing.visits_pdf(s, archive["archive_no"], "htn", 2026, ZH)
    pages = pdf_pages(data, tmp_path)
    assert len(pages) == 2  # four visits of 2026 on the first page, the fifth on the second
    for page in pages:
        for label in ("高血压患者随访服务记录表", "随访日期", "血压（mmHg）", "用药情况", "随访医生签名"):
            assert label in page, label
    assert all(day in pages[0] for day in ("2026.01.10", "2026.03.11", "2026.07.13", "2026.09.14"))
    assert "2026.10.20" in pages[1] and "2026.10.20" not in pages[0] and "王建国" in pages[1]
    whole = "".join(pages)
    assert "2026.05.12" not in whole and "163/88" not in whole  # the voided visit
    assert "139/87" in whole and "144/88" not in whole  # the correction replaces what it corrected
    assert "2025.12.20" not in whole and "170/88" not in whole  # another year
    assert "151/88" in whole and "氨氯地平片" in whole and "每日1次每次5mg" in whole and "李医生" in whole


@pytest.mark.parametrize("program", ["htn", "t2dm"])
def test_every_drug_of_a_visit_is_on_the_paper(store, archive, tmp_path, program):
    """Found: the form has four drug rows for hypertension and three for diabetes, and a visit holds
    up to ten: the fifth (the fourth for diabetes) was missing from the paper, without a word.  The
    last row now holds the rest, names and doses in the same order."""
    names = ["氨氯地平片", "缬沙坦胶囊", "氢氯噻嗪片", "美托洛尔缓释片", "阿司匹林肠溶片", "阿托伐他汀钙片"]
    drugs = [{"name": n, "times_per_day": 1, "mg_per_time": 5 * (i + 1)} for i, n in enumerate(names)]
    with store.transaction() as s:
        r = followup.find_resident(s, archive["archive_no"])
        if program == "t2dm":
            followup.enrol(s, r, "t2dm", dt.date(2026, 1, 5))
        measurements = {"sbp": "131", "dbp": "80", "heart_rate": "70", "glucose": "6.8"}
        if program == "htn":
            del measurements["glucose"]
        v = VisitInput(
            visit_date="2026-11-02", program=program, measurements=measurements, drugs=drugs, doctor="李医生"
        )
        save_visit(s, r, v, today=TODAY)
    for labels in (ZH, print_labels("en")):
        with store.session() as s:
            data = printing.visits_pdf(s, archive["archive_no"], program, 2026, labels)
        whole = re.sub(r"\s+", "", "".join(pdf_pages(data, tmp_path)))
        assert all(n in whole for n in names), whole
        assert "每次30mg" in whole or "30mg" in whole  # the last drug's dose too


@pytest.mark.parametrize(
    ("outcome", "fields", "expected"),
    [
        ("lost", {"lost_reason": "外出务工"}, ("2026.11.02", "失访原因：外出务工")),
        (
            "died",
            {"death_date": "2026-10-30", "death_cause": "脑出血"},
            ("2026.11.02", "死亡日期：2026.10.30", "死亡原因：脑出血"),
        ),
    ],
)
def test_lost_and_died_visits_print_in_their_column(store, archive, tmp_path, outcome, fields, expected):
    with store.transaction() as s:
        r = followup.find_resident(s, archive["archive_no"])
        save_visit(
            s,
            r,
            VisitInput(
                visit_date="2026-10-25",
                measurements={"sbp": "131", "dbp": "80", "heart_rate": "70", "weight": "68.3"},
                doctor="李医生",
            ),
            today=TODAY,
        )
        save_visit(
            s, r, VisitInput(visit_date="2026-11-02", outcome=outcome, doctor="李医生", **fields), today=TODAY
        )
    with store.session() as s:
        data = printing.visits_pdf(s, archive["archive_no"], "htn", 2026, ZH)
        layout = form_layout("htn", ZH, [v for v in followup.visit_history(s, r.id, "htn")][-1:])
    pages = pdf_pages(data, tmp_path)
    assert len(pages) == 2 and all(x in pages[1] for x in expected), pages[1]
    assert "133/88" in pages[1] and "68.3" in pages[1]  # the visits before it keep their columns
    assert "68.3/" not in "".join(pages)  # a weight without a target: no dangling slash
    filled = [r for r in range(len(layout.cells)) if layout.cells[r][2]]
    assert filled == [0, 2, len(layout.cells) - 1]  # its date, the reason (in 症状) and the doctor
    assert sum(layout.heights) <= blank_forms.ROOM_MM + 0.01  # the page keeps its size


def test_visits_of_a_year_without_any_say_so(store, archive):
    """...and nothing printed is audited as printed (the trail said a document left the system)."""
    from sqlalchemy import func, select

    from app.models import AuditEntry

    def prints() -> int:
        with store.session() as s:
            return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "print"))

    before = prints()
    with store.session() as s, pytest.raises(UserError, match="2024年没有高血压随访记录"):
        printing.visits_pdf(s, archive["archive_no"], "htn", 2024, ZH)
    assert prints() == before
    with store.session() as s:
        printing.visits_pdf(s, archive["archive_no"], "htn", 2026, ZH)
    assert prints() == before + 1


def test_without_a_year_the_latest_year_with_a_visit_prints(store, tmp_path, monkeypatch):
    """In January this year's sheet is empty: the one to print and file is last year's."""
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(name="李秀英", sex="2", birth_date="1950-02-01", group_name="一组"),
            today=TODAY,
        )
        followup.enrol(s, r, "htn", dt.date(2024, 1, 1), doctor="李医生")
        for day in ("2024-06-01", "2025-03-02", "2025-09-03"):
            save_visit(
                s,
                r,
                VisitInput(visit_date=day, measurements={"sbp": "150", "dbp": "95"}, doctor="李医生"),
                today=TODAY,
            )
        archive_no = r.archive_no
    monkeypatch.setenv("CUNYI_DATA_DIR", str(storekit.data_dir(store)))
    assert main(["print", "visits", archive_no, "--program", "htn", "-o", str(tmp_path / "v.pdf")]) == 0
    text = "".join(pdf_pages((tmp_path / "v.pdf").read_bytes(), tmp_path))
    assert "2025.03.02" in text and "2025.09.03" in text and "2024.06.01" not in text
    with store.session() as s:
        assert printing.visits_pdf(s, archive_no, "htn", None, ZH).startswith(b"%PDF")


def test_cli_print_record_and_visits(store, archive, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CUNYI_DATA_DIR", str(storekit.data_dir(store)))
    a = archive["archive_no"]
    assert main(["print", "record", a, "-o", str(tmp_path / "r.pdf")]) == 0
    assert (
        main(["print", "visits", a, "--program", "htn", "--year", "2026", "-o", str(tmp_path / "v.pdf")]) == 0
    )
    assert "王建国" in pdf_pages((tmp_path / "r.pdf").read_bytes(), tmp_path)[0]
    assert (
        main(["print", "visits", a, "--program", "htn", "--year", "2001", "-o", str(tmp_path / "x.pdf")]) == 1
    )
    err = capsys.readouterr().err
    assert "没有高血压随访记录" in err and "Traceback" not in err and not (tmp_path / "x.pdf").exists()
    assert main(["print", "record", a, "--lang", "en", "-o", str(tmp_path / "re.pdf")]) == 0
    english = pdf_pages((tmp_path / "re.pdf").read_bytes(), tmp_path)[0]
    for text in ("Personalbasicinformation", "Name", "Sex", "Female", "Recordkeptby:"):
        assert text in english, text
    assert "个人基本信息表" not in english and "性别" not in english


# ---------------------------------------------------------------- forms a pen can fill


def blanks_in(markup_text: str, size: float) -> list[float]:
    """Widths (mm) of the write-on blanks (<u>&nbsp;…</u>) in a cell's markup."""
    return [
        len(run) // len("&nbsp;") * text_width("\u00a0", size) / mm
        for run in re.findall(r"<u>((?:&nbsp;)+)</u>", markup_text)
    ]


@pytest.mark.parametrize("program", ["htn", "t2dm"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.sqlite_only  # no store: page layout
def test_blank_form_boxes_blanks_and_text_fit_their_cells(program, lang, tmp_path):
    labels = print_labels(lang)
    layout = form_layout(program, labels)
    assert sum(layout.heights) <= blank_forms.ROOM_MM + 0.01  # one A4 page
    boxes = blanks = 0
    for r, row in enumerate(layout.cells):
        for c, cell in enumerate(row):
            if not cell:
                continue
            need_w, need_h = layout.needed(r, c)
            room_w = layout.width_of(r, c) - 2 * blank_forms.PAD_MM
            room_h = layout.span_height(r, c) - 2 * blank_forms.PAD_MM
            assert need_w <= room_w + 0.01, (r, c, need_w, room_w)  # no word runs over the border
            assert need_h <= room_h + 0.01, (r, c, need_h, room_h)  # no line falls out of the cell
            if isinstance(cell, AnswerCell):
                boxes += cell.cell.boxes
                assert cell.box / mm >= 3.5
                widths = blanks_in(cell.cell.text, cell.cell.size)
                blanks += len(widths)
                assert all(w >= 8 for w in widths), widths  # 每日＿次 was two characters wide
    assert boxes >= 4 * 10 and blanks >= 4 * 6
    data = blank_forms.render_blank_form(program, labels)
    assert len(pdf_pages(data, tmp_path)) == 1


def test_filled_form_cells_fit_with_long_values(store, archive):
    with store.session() as s:
        visits = [
            v
            for v in followup.visit_history(s, s.get(FollowupVisit, archive["corrected"]).resident_id, "htn")
            if v.visit_date.year == 2026
        ]
        visits[0].drugs = [
            {
                "name": "苯磺酸左旋氨氯地平片（施慧达）缓释控释复方制剂特别长的名字",
                "times_per_day": 2,
                "mg_per_time": 2.5,
            }
        ]
        layout = form_layout("htn", ZH, visits)
        s.rollback()
    for r, row in enumerate(layout.cells):
        for c, cell in enumerate(row):
            if cell:
                assert layout.needed(r, c)[1] <= layout.span_height(r, c) - 2 * blank_forms.PAD_MM + 0.01


def test_a_drug_name_ending_in_a_bracket_stays_in_its_cell(store, archive):
    """ "缬沙坦氢氯噻嗪片（复代文）": its "）" may not begin a line, and ran past the cell's edge (in the
    last column, past the table's)."""
    with store.session() as s:
        visits = [
            v
            for v in followup.visit_history(s, s.get(FollowupVisit, archive["corrected"]).resident_id, "htn")
            if v.visit_date.year == 2026
        ]
        for v in visits:
            v.drugs = [
                {"name": "苯磺酸氨氯地平片", "times_per_day": 1, "mg_per_time": 5},
                {"name": "缬沙坦氢氯噻嗪片（复代文）", "times_per_day": 1, "mg_per_time": 80},
            ]
        layout = form_layout("htn", ZH, visits)
        s.rollback()
    checked = 0
    for r, row in enumerate(layout.cells):
        for c, cell in enumerate(row):
            if isinstance(cell, blank_forms.AnswerCell) and cell.cell.typed and cell.para:
                layout.needed(r, c)
                assert blank_forms.used_width(cell.para) <= cell.width + 0.1, (cell.cell.text, cell.width)
                checked += "复代文" in cell.cell.text
    assert checked == min(len(visits), blank_forms.VISITS)


@pytest.mark.slow
@pytest.mark.sqlite_only  # no store: page layout
def test_300_dpi_render_is_a4(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(blank_forms.render_blank_form("t2dm", ZH))
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(path), str(tmp_path / "p")], check=True
    )
    from PIL import Image

    with Image.open(tmp_path / "p.png") as image:
        assert abs(image.size[0] - 2480) <= 1 and abs(image.size[1] - 3508) <= 1  # A4 at 300 dpi


@pytest.mark.parametrize("program", ["htn", "t2dm"])
@pytest.mark.sqlite_only  # no store: page layout
def test_english_labels_break_between_words_only(program):
    """ "Symptom-s" and "Medicatio-n" broke inside the word: labels wrap at spaces, shrinking to fit."""
    from reportlab.platypus import Paragraph

    layout = form_layout(program, print_labels("en"))
    checked = 0
    for r, row in enumerate(layout.cells):
        for c, cell in enumerate(row[:2]):  # the section and item labels
            if not isinstance(cell, Paragraph) or "<" in cell.text:
                continue
            layout.needed(r, c)  # wraps it at the cell's width
            words = set(cell.text.split())
            for line in cell.blPara.lines:
                assert set(line[1]) <= words, (cell.text, line[1])
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("program", ["htn", "t2dm"])
@pytest.mark.sqlite_only  # no store: page layout
def test_options_break_between_options_only_and_codes_stand_apart(program, tmp_path):
    """ "3不/良反应", "（右/侧）": an option never breaks inside; English codes never run into their
    words ("2BWeak", "1None"); the 足背动脉搏动 box holds two characters; labels at full size."""
    from app.cli.printing import print_labels

    en = print_labels("en")
    for labels, whole in (
        (ZH, ["3不良反应", "4并发症", "2间断"]),
        (en, ["3 Adverse reaction", "1 None 2 Yes"]),
    ):
        path = tmp_path / "b.pdf"
        path.write_bytes(blank_forms.render_blank_form(program, labels))
        lines = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
        ).stdout
        lines = [re.sub(r"\s+", " ", line.replace("\u00a0", " ")) for line in lines.splitlines()]
        for phrase in whole + (["R右侧"] if program == "t2dm" and labels is ZH else []):
            assert any(phrase in line for line in lines), phrase  # on one line, whole
        joined = " ".join(lines)
        for run_together in ("2BWeak", "3LAbsent", "1None", "2Yes"):
            assert run_together not in joined, run_together
        layout = form_layout(program, labels)
        if program == "t2dm":
            foot = next(
                cell
                for row in layout.cells
                for cell in row[2:]
                if isinstance(cell, AnswerCell) and cell.cell.box_w > blank_forms.BOX_MM
            )
            assert foot.box / mm >= 6.5  # a pen writes "2L" in it
        sizes = [cell.style.fontSize for row in layout.cells for cell in row[:2] if hasattr(cell, "style")]
        assert min(sizes) >= 7.0, min(sizes)  # "Medication", "Symptoms" not shrunk


@pytest.mark.sqlite_only  # a drawing from its data: no store
def test_a_long_unit_name_keeps_its_address_and_phone_off_its_second_line(tmp_path):
    """Found: the cover's 建档单位 had two ruled lines, the name's and its address and phone's; a
    name of two lines (an official name is often 30 characters) had the address printed over it."""
    from app.services.printing.record_cover import CoverData, render_cover

    unit = "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县坎乡阔洪奇村卫生室"
    data = CoverData(
        archive_no="11010500110100027", name="徐荣娥", current_address="李家村二组88号",
        registered_address="李家村二组88号", phone="13812345678", township="东风乡", village="李家村",
        enrolling_unit=unit, unit_address="阔洪奇村幸福路88号", unit_phone="010-62345678",
        enrolled_by="李建生", responsible_doctor="李建生", enrolled_on=dt.date(2022, 5, 1),
    )  # fmt: skip
    path = tmp_path / "cover.pdf"
    path.write_bytes(render_cover(data, ZH))
    words = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True).stdout
    boxes = [
        (float(m.group(1)), float(m.group(2)), m.group(3))
        for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', words)
    ]
    name_bottom = max(bottom for top, bottom, w in boxes if w in unit and len(w) > 1)
    contact_top = min(top for top, bottom, w in boxes if "幸福路88号" in w or "010-62345678" in w)
    assert contact_top > name_bottom
    assert unit in re.sub(r"\s+", "", "".join(w for _t, _b, w in boxes))


@pytest.mark.sqlite_only  # a drawing from its data: no store
def test_an_address_that_just_fits_one_line_is_printed_whole(tmp_path):
    """现住址 of 29 characters, shrunk to fit its line exactly, lost its last two to rounding
    ("…第一百二十八…") while the second ruled line stayed empty."""
    from app.services.printing.record_cover import CoverData, render_cover

    address = "向阳村第十二村民小组东山坳里北坡老槐树下第一百二十八号院"
    data = CoverData(
        archive_no="11010500110100401", name="欧阳慕容司马诸葛雪", current_address=address,
        registered_address="河南省周口市郸城县汲冢镇" + address, phone="13912345678", township="东风乡",
        village="向阳村", enrolling_unit="向阳村卫生室", unit_address="", unit_phone="",
        enrolled_by="李建生", responsible_doctor="李建生", enrolled_on=dt.date(2022, 5, 1),
    )  # fmt: skip
    path = tmp_path / "cover.pdf"
    path.write_bytes(render_cover(data, ZH))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "…" not in text and address in re.sub(r"\s+", "", text), text


def test_a_form_that_runs_over_heads_the_sheet_it_runs_onto(store, archive, tmp_path):
    """Found: a visit with long texts ran the form onto a sheet with no title, name or number: a
    loose sheet no one could file.  It now says whose form it continues, under the dates again."""
    exam = "".join(f"第{n:02d}段辅助检查结果" for n in range(1, 51))[:500]
    with store.transaction() as s:
        r = followup.find_resident(s, archive["archive_no"])
        for day in ("2026-11-02", "2026-11-20"):
            v = VisitInput(
                visit_date=day,
                measurements={"sbp": "131", "dbp": "80", "heart_rate": "70"},
                texts={
                    "auxiliary_exam": exam,
                    "adverse_text": "偶有干咳" * 50,
                    "symptom_other": "夜间憋醒" * 50,
                },
                adverse_reaction=True,
                doctor="李医生",
            )
            save_visit(s, r, v, today=TODAY)
    with store.session() as s:
        data = printing.visits_pdf(s, archive["archive_no"], "htn", 2026, ZH)
    pages = pdf_pages(data, tmp_path)
    number = archive["archive_no"][-8:-5] + "-" + archive["archive_no"][-5:]
    overflow = [p for p in pages if "高血压患者随访服务记录表（续）" in p]
    assert overflow, "the long texts no longer run over: make them longer"
    for page in overflow:
        assert number in page and "王建国" in page and "随访日期" in page


@pytest.mark.sqlite_only  # no store: the layout alone
def test_a_section_title_never_ends_a_page(tmp_path):
    """However many rows come before it, a section's title goes over to the next page with its
    first row (the English record left "Family history" alone at the foot of page 1)."""
    from app.services.printing.personal_record import RecordData, RecordRow, render_record

    titles = ("基本信息", "既往史", "家族史")
    ends = []
    for before in range(30, 62):
        rows = [RecordRow(titles[0], "姓名", f"第{i}行") for i in range(before)]
        rows += [RecordRow(titles[1], "疾病", "高血压"), RecordRow(titles[2], "父亲", "糖尿病")]
        pdf = render_record(RecordData("王建国", "11010500110100401", "向阳村卫生室", tuple(rows)), ZH)
        path = tmp_path / "r.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        for page in text.split("\f")[:-2]:  # every page but the last
            lines = [x.strip() for x in page.splitlines() if x.strip()]
            lines = [
                x for x in lines if not x.startswith("建档单位") and not re.fullmatch(r"第\s*\d+\s*页", x)
            ]
            ends.append(lines[-1])
            assert lines[-1] not in titles, (before, lines[-3:])
    assert len(ends) >= 10, ends  # (the sweep does run over a page's end)


def test_a_record_never_asked_of_its_history_prints_surgery_blank_not_none(store):
    """Found by review: a resident imported from a roster (never asked of 既往史) printed 手术, 外伤
    and 输血 as "无 [1]" while 疾病 stayed blank.  Not asked: blank, to fill in by hand; asked (a
    disease ticked, 无 included) and none recorded: 无 [1]."""
    from app.services.printing import personal_record

    with store.transaction() as s:
        never = save_resident(s, ResidentInput(name="空白", sex="1", birth_date="1960-01-01"), today=TODAY).id
        asked = save_resident(
            s,
            ResidentInput(name="问过", sex="1", birth_date="1960-01-01", past_diseases={"1": ""}),
            today=TODAY,
        ).id
    with store.session() as s:
        rows = {
            rid: {
                r.label: r
                for r in personal_record.record_data(s, rid, Labels()).rows
                if r.label in ("手术", "外伤", "输血")
            }
            for rid in (never, asked)
        }
    assert {k: (r.value, r.codes) for k, r in rows[never].items()} == dict.fromkeys(
        ("手术", "外伤", "输血"), ("", ())
    )
    assert {k: (r.value, r.codes) for k, r in rows[asked].items()} == dict.fromkeys(
        ("手术", "外伤", "输血"), ("无", ("1",))
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_four_visits_full_of_drugs_are_one_page(store, person, tmp_path, lang):
    """Found by review: six visits with eight drugs, insulin and a long 辅助检查 made four pages; the
    转诊, next-date and signature rows of visits 1–4 ran alone onto a second, 80% blank.  What was
    typed steps down in size: four visits a page, as on paper."""
    import pypdfium2 as pdfium

    names = [
        "氨氯地平片",
        "缬沙坦胶囊",
        "氢氯噻嗪片",
        "美托洛尔缓释片",
        "阿司匹林肠溶片",
        "阿托伐他汀钙片",
        "二甲双胍片",
        "格列美脲片",
    ]
    drugs = [{"name": n, "times_per_day": 2, "mg_per_time": 5 * (i + 1)} for i, n in enumerate(names)]
    exam = (
        "血常规、尿常规、肝肾功能、血脂四项、心电图、眼底检查、颈动脉超声、尿微量白蛋白均已复查，结果见化验单"
        * 2
    )
    with store.transaction() as s:
        r = save_resident(
            s, person(name="欧阳娜依古丽", id_number="", sex="2", birth_date="1950-01-01"), today=TODAY
        )
        followup.enrol(s, r, "htn", dt.date(2025, 1, 5))
        for month in (1, 3, 5, 7, 9, 11):
            save_visit(
                s,
                r,
                VisitInput(
                    visit_date=f"2026-{month:02}-05",
                    measurements={"sbp": "131", "dbp": "80", "heart_rate": "70"},
                    drugs=drugs,
                    texts={"auxiliary_exam": exam},
                    doctor="李医生",
                    confirmed=True,
                ),
                today=TODAY,
            )
        archive_no = r.archive_no
    labels = ZH if lang == "zh" else print_labels("en")
    with store.session() as s:
        data = printing.visits_pdf(s, archive_no, "htn", 2026, labels)
    pdf = pdfium.PdfDocument(data)
    pages = len(pdf)
    pdf.close()
    assert pages == 2  # visits 1–4, then 5–6
    whole = re.sub(r"\\s+", "", "".join(pdf_pages(data, tmp_path)))
    assert all(n in whole for n in names) and "结果见化验单" in whole

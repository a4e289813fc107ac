"""Printing: every document's text (pdftotext), embedded fonts (pdffonts), the card's QR decoded
from a rendered page (pdftoppm + zxing-cpp), and the edge cases of long and missing data."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.models import Referral, Township
from app.services import printing
from app.services.errors import UserError
from app.services.printing import Labels
from app.services.printing.home_visits import group_order
from app.services.programmes import followup, referral
from app.services.programmes.followup import VisitInput, save_visit
from app.services.records.residents import ResidentInput, find_resident, save_resident
from tests import storekit
from tests.conftest import TODAY

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

ZH = Labels()
LONG_NAME = "阿卜杜热合曼·买买提依明·艾力"  # a 15-character minority name
LONG_ADDRESS = (
    "新疆维吾尔自治区喀什地区疏附县托克扎克镇阿亚格曼干村第十二村民小组幸福路一百二十八号院内东侧第三间平房"
)
HAN = "甲乙丙丁戊己庚辛壬癸"
LONG_DRUG = "苯磺酸左旋氨氯地平片（施慧达）缓释控释复方制剂特别长的名字"


def pdf_text(data: bytes, tmp_path: Path, *, layout: bool = True) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    """The text without spaces and line breaks: values that wrap still read as one string."""
    return re.sub(r"\s+", "", text)


def han(i: int) -> str:
    """Names may not contain digits: 0 → 甲甲, 11 → 乙乙 …"""
    return HAN[i // 10] + HAN[i % 10]


def fonts(data: bytes, tmp_path: Path) -> list[tuple[str, str, str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        rows.append((parts[0], parts[-5], parts[-4]))  # name, emb, sub
    return rows


def page_count(data: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


@pytest.fixture
def patient(store):
    """A hypertension and diabetes patient with three visits and an emergency referral."""
    with store.transaction() as s:
        r = save_resident(
            s,
            ResidentInput(
                name="王建国",
                sex="1",
                birth_date="1956-03-08",
                phone="13912345678",
                current_address="测试村三组18号",
                group_name="三组",
                past_diseases={"2": "2015-06", "3": "2019-01"},
                enrolled_on="2020-01-01",
                responsible_doctor="李医生",
            ),
            today=TODAY,
        )
        followup.enrol(s, r, "htn", dt.date(2024, 1, 1), doctor="李医生")
        followup.enrol(s, r, "t2dm", dt.date(2024, 1, 1), doctor="李医生")
        for day, sbp, dbp in (("2026-05-10", "150", "92"), ("2026-08-11", "138", "84")):
            save_visit(
                s,
                r,
                VisitInput(
                    visit_date=day,
                    measurements={"sbp": sbp, "dbp": dbp},
                    drugs=[{"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5}],
                    doctor="李医生",
                ),
                today=TODAY,
            )
        save_visit(
            s,
            r,
            VisitInput(
                program="t2dm",
                visit_date="2026-08-11",
                measurements={"sbp": "138", "dbp": "84", "glucose": "7.8"},
                drugs=[{"name": "二甲双胍片", "times_per_day": 2, "mg_per_time": 500}],
                doctor="李医生",
            ),
            today=TODAY,
        )
        emergency = save_visit(
            s,
            r,
            VisitInput(
                visit_date="2026-11-20",
                measurements={"sbp": "186", "dbp": "112"},
                drugs=[{"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5}],
                doctor="李医生",
            ),
            today=TODAY,
        )
        draft = referral.draft_from_visit(s, emergency.id)
        draft.to_institution, draft.to_department, draft.to_doctor = "朝阳乡卫生院", "内科", "陈医生"
        draft.issuer_phone = "010-61234567"
        ref = referral.create_referral(s, draft, today=TODAY)
        return {"resident_id": r.id, "archive_no": r.archive_no, "referral_id": ref.id}


# ---------------------------------------------------------------- referral slip


def test_referral_slip_carries_the_form_and_the_record(store, patient, tmp_path):
    with store.session() as s:
        data = printing.referral_pdf(s, patient["referral_id"], ZH)
    text = pdf_text(data, tmp_path)
    for label in (
        "双向转诊单（存根）",
        "双向转诊（转出）单",
        "患者姓名",
        "档案编号",
        "家庭住址",
        "因病情需要，转入",
        "需转入贵单位，请予以接诊。",
        "初步印象",
        "主要现病史（转出原因）",
        "主要既往史",
        "治疗经过",
        "转诊医生（签字）",
        "（机构名称）",
        "紧急转诊",
    ):
        assert label in text, label
    flat_text = flat(text)
    for value in (
        "王建国",
        "朝阳乡卫生院",
        "内科",
        "陈医生",
        "186/112",
        "氨氯地平片",
        "010-61234567",
        "测试村卫生室",
    ):
        assert value in flat_text, value
    assert "2026年11月20日" in text
    assert flat(patient["archive_no"][-8:]) in flat_text  # forms other than the cover: last 8 digits
    assert "None" not in text
    assert page_count(data, tmp_path) == 1


def test_return_slip_names_the_clinic_it_returns_to(store, patient, tmp_path):
    with store.transaction() as s:
        referral.set_status(
            s,
            patient["referral_id"],
            "returned",
            dt.date(2026, 11, 22),
            return_record_no="ZY2026-0815",
            return_diagnosis="高血压3级 很高危",
            return_findings="心电图：左室高电压",
            return_plan="继续氨氯地平片，加用厄贝沙坦片；两周后复查血压",
            return_doctor="陈医生",
        )
    with store.session() as s:
        text = pdf_text(printing.referral_pdf(s, patient["referral_id"], ZH, returning=True), tmp_path)
    for label in (
        "双向转诊（回转）单",
        "病案号",
        "现转回贵单位，请予以接诊。",
        "诊断结果",
        "住院病案号",
        "主要检查结果",
    ):
        assert label in text, label
    assert "治疗经过、下一步治疗方案及康复建议" in flat(text)
    for value in ("ZY2026-0815", "高血压3级很高危", "厄贝沙坦片", "测试村卫生室", "2026年11月22日"):
        assert value in flat(text), value


def test_unfilled_return_slip_prints_blank_lines_not_none(store, patient, tmp_path):
    with store.session() as s:
        text = pdf_text(printing.referral_pdf(s, patient["referral_id"], ZH, returning=True), tmp_path)
    assert "None" not in text
    assert "＿＿年＿＿月＿＿日" in text  # not returned yet: the date to write by hand


def test_referral_without_destination_is_refused_before_printing(store, patient, tmp_path):
    with store.transaction() as s:
        s.get(Referral, patient["referral_id"]).to_institution = "  "  # e.g. a legacy record
    out = tmp_path / "never.pdf"
    with store.session() as s, pytest.raises(UserError, match="没有转入单位"):
        printing.referral_pdf(s, patient["referral_id"], ZH)
    assert not out.exists()


def test_long_values_wrap_inside_their_boxes(store, patient, tmp_path):
    with store.transaction() as s:
        ref = s.get(Referral, patient["referral_id"])
        ref.present_history = "反复头晕头痛伴视物模糊。" * 80  # 960 characters: the column's limit
        ref.treatment = ((LONG_DRUG + "，每日一次，每次5mg；") * 25)[:1000]  # the column's limit
        ref.resident.name = LONG_NAME
        ref.resident.current_address = LONG_ADDRESS
    with store.session() as s:
        data = printing.referral_pdf(s, patient["referral_id"], ZH)
    text = pdf_text(data, tmp_path)
    assert page_count(data, tmp_path) == 1
    assert LONG_NAME.replace("·", "") in flat(text).replace("·", "")
    assert "第十二村民小组" in flat(text)  # the long address wraps or shrinks, it is not cut
    # every box still ends where the next begins: the next box's title is on the page
    assert "主要既往史" in text and "治疗经过" in text
    assert _fits_on_page(data, tmp_path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reason_on_many_lines_takes_the_room_the_other_boxes_leave(store, patient, tmp_path, lang):
    """Found: a reason typed on 20 lines (450 characters, the limit is 500) printed 13 of them and
    a "…", while the boxes under it stood half empty.  A box now takes the room the others leave."""
    from app.cli.printing import print_labels

    lines = [f"{n}. 第{n:02d}项病情记录：血压波动明显伴头晕" for n in range(1, 21)]
    with store.transaction() as s:
        s.get(Referral, patient["referral_id"]).present_history = "\n".join(lines)
    with store.session() as s:
        data = printing.referral_pdf(s, patient["referral_id"], print_labels(lang))
    text = flat(pdf_text(data, tmp_path))
    assert page_count(data, tmp_path) == 1 and _fits_on_page(data, tmp_path)
    assert all(flat(line) in text for line in lines)
    assert "…" not in text


def test_a_wrapped_address_sits_on_its_ruled_lines(store, patient, tmp_path):
    """Found: an address long enough to shrink kept its line spacing in proportion, so its second
    line floated between the rules and the next rule struck through it.  Each line now sits on its
    rule: the two lines' baselines are one rule apart whatever size the text shrank to."""
    first, second = (
        "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县坎乡阔洪奇村二组88号",
        "（现租住于察布查尔镇团结路幸福小区3号楼2单元501室，其女儿阿依古丽家，电话见联系人）",
    )
    with store.transaction() as s:
        s.get(Referral, patient["referral_id"]).resident.current_address = first + second
    with store.session() as s:
        data = printing.referral_pdf(s, patient["referral_id"], ZH)
    path = tmp_path / "slip.pdf"
    path.write_bytes(data)
    words = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True).stdout
    bottoms = {}
    for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', words):
        for key in ("伊犁哈萨克", "团结路"):
            if key in m.group(3) and key not in bottoms:
                bottoms[key] = (float(m.group(1)), float(m.group(2)))
    (top1, bottom1), (top2, bottom2) = bottoms["伊犁哈萨克"], bottoms["团结路"]
    assert abs((bottom1 - top1) - (bottom2 - top2)) < 0.2  # one size: their baselines compare
    assert abs((bottom2 - bottom1) - 10.5 * 1.7) < 0.3  # the rules' pitch at the field's 10.5 pt


def _fits_on_page(data: bytes, tmp_path: Path) -> bool:
    """No glyph outside the page: pdftotext -bbox lists every word's box."""
    path = tmp_path / "bbox.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    w, h = float(page.group(1)), float(page.group(2))
    for m in re.finditer(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"', html):
        x0, y0, x1, y1 = map(float, m.groups())
        if x0 < 0 or y0 < 0 or x1 > w + 0.5 or y1 > h + 0.5:
            return False
    return True


# ---------------------------------------------------------------- follow-up card


def test_card_has_name_programmes_readings_medication_and_next_visit(store, patient, tmp_path):
    with store.session() as s:
        data = printing.card_pdf(s, patient["archive_no"], ZH, today=TODAY)
    text = pdf_text(data, tmp_path)
    assert page_count(data, tmp_path) == 2  # front and back
    # the diabetes visit of August was due in November, before the print date: the card says so
    for label in ("慢病随访卡", "档案编号", "管理项目", "责任医生", "随访提醒", "近期测量", "目前用药"):
        assert label in text, label
    flat_text = flat(text)
    for value in (
        "王建国",
        patient["archive_no"],
        "高血压",
        "2型糖尿病",
        "李医生",
        "186/112",
        "150/92",
        "7.8",
    ):
        assert value in flat_text, value
    medication = card_region_text(data, tmp_path, page=2, x_mm=49)  # the back's right column
    assert "氨氯地平片5mg每日1次" in flat(medication) and "二甲双胍片500mg每日2次" in flat(medication)
    assert "2026.11.20" in text and "2026.05.10" in text  # readings with dates


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_card_never_drops_a_drug_without_saying_so(store, patient, tmp_path, lang):
    """Six drugs with long names (and the diabetes drug): what does not fit the card's back is
    counted on it ("另有 N 种药未印出"), and the drugs printed and the count add up to all seven
    (the English card dropped one silently)."""

    names = [
        f"{n}缓释片"
        for n in (
            "酒石酸美托洛尔",
            "苯磺酸氨氯地平",
            "厄贝沙坦氢氯噻嗪",
            "盐酸二甲双胍",
            "格列美脲",
            "阿卡波糖",
        )
    ]
    back = _card_back_after(store, patient, tmp_path, lang, names, times=2, mg=25)
    names.append("二甲双胍片")  # the diabetes programme's drug (its visit of August) comes after them
    printed = sum(1 for n in names if n in back)
    left = re.search(r"另有(\d+)种药未印出" if lang == "zh" else r"(\d+)moredrugsnotprinted", back)
    assert left is not None and 0 < printed < len(names), back
    assert printed + int(left.group(1)) == len(names)


def _card_back_after(store, patient, tmp_path, lang: str, names: list[str], *, times: int, mg: int) -> str:
    """The text of the card's medication part after a hypertension visit prescribing ``names``."""
    from app.cli.printing import print_labels

    with store.transaction() as s:
        save_visit(
            s,
            find_resident(s, patient["archive_no"]),
            VisitInput(
                visit_date="2026-11-21",
                measurements={"sbp": "150", "dbp": "90"},
                drugs=[{"name": n, "times_per_day": times, "mg_per_time": mg} for n in names],
                doctor="李医生",
            ),
            today=TODAY,
        )
    with store.session() as s:
        data = printing.card_pdf(s, patient["archive_no"], print_labels(lang), today=TODAY)
    return flat(card_region_text(data, tmp_path, page=2, x_mm=49))


def card_region_text(data: bytes, tmp_path: Path, *, page: int, x_mm: float) -> str:
    """The text of a card page right of ``x_mm`` (pdftotext cropped), line by line."""
    path = tmp_path / "region.pdf"
    path.write_bytes(data)
    x = int(x_mm / 0.3528)
    args = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), "-x", str(x), "-y", "0"]
    args += ["-W", str(243 - x), "-H", "110", str(path), "-"]  # the upper part: above the warnings
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_font_sizes(data: bytes) -> list[tuple[float, str]]:
    """(size in pt, character) of every character printed in a PDF."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(data)
    out = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        for k in range(tp.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(tp, k))
            if ch.strip() and not raw.FPDFText_IsGenerated(tp, k):
                out.append((raw.FPDFText_GetFontSize(tp, k), ch))
        tp.close()
    pdf.close()
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_card_text_never_below_6_5_pt_and_doses_never_broken(store, patient, tmp_path, lang):
    from app.cli.printing import print_labels

    with store.transaction() as s:  # a long drug name and an address: the back and front at their fullest
        r = find_resident(s, patient["archive_no"])
        save_visit(
            s,
            r,
            VisitInput(
                visit_date="2026-11-21",
                measurements={"sbp": "150", "dbp": "90", "heart_rate": "70"},
                drugs=[
                    {"name": "酒石酸美托洛尔缓释片", "times_per_day": 3, "mg_per_time": 47.5},
                    {"name": "氨氯地平片", "times_per_day": 1, "mg_per_time": 5},
                ],
                doctor="李医生",
            ),
            today=TODAY,
        )
    with store.session() as s:
        data = printing.card_pdf(s, patient["archive_no"], print_labels(lang), today=TODAY)
    sizes = pdf_font_sizes(data)
    small = sorted({(round(size, 2), ch) for size, ch in sizes if size < 6.45})
    assert not small, small[:10]
    lines = [flat(line) for line in card_region_text(data, tmp_path, page=2, x_mm=49).splitlines()]
    dose = "每日3次" if lang == "zh" else "3×/day"
    assert any(dose in line for line in lines), lines  # a dose phrase is on one line, whole
    assert not any(line.endswith(("每日", "每", "3×/")) for line in lines), lines


def test_card_size_is_85_6_by_54_mm(store, patient, tmp_path):
    with store.session() as s:
        data = printing.card_pdf(s, patient["archive_no"], ZH)
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(w / 72 * 25.4 - 85.6) < 0.1 and abs(h / 72 * 25.4 - 54.0) < 0.1


def scan_qr_codes(card_pdf: bytes, tmp_path: Path) -> list[str]:
    """What a scanner reads off the printed card: page 1 rendered at 300 dpi, decoded by zxing-cpp."""
    import zxingcpp  # a test dependency (pyproject [test]); missing, the test fails
    from PIL import Image

    (tmp_path / "card.pdf").write_bytes(card_pdf)
    out = tmp_path / "card"
    subprocess.run(
        ["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(tmp_path / "card.pdf"), str(out)],
        check=True,
    )
    return [c.text for c in zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("card*.png"))))]


def test_card_qr_decodes_to_the_archive_number(store, patient, tmp_path):
    with store.session() as s:
        data = printing.card_pdf(s, patient["archive_no"], ZH)
    assert scan_qr_codes(data, tmp_path) == [patient["archive_no"]]


def test_resident_without_readings_gets_an_empty_table(store, person, tmp_path):
    with store.transaction() as s:
        r = save_resident(s, person(name=LONG_NAME, current_address=LONG_ADDRESS), today=TODAY)
        followup.enrol(s, r, "htn", dt.date(2026, 11, 1))
        archive_no = r.archive_no
    with store.session() as s:
        data = printing.card_pdf(s, archive_no, ZH, today=dt.date(2026, 11, 1))
    text = pdf_text(data, tmp_path)
    assert "近期测量" in text and "（无）" in text  # no readings, no medication: the card still prints
    assert "2026年11月1日" in text  # never visited: due since management began
    assert "None" not in text


def test_card_sheets_of_10_and_8_with_fronts_then_backs(store, patient, person, tmp_path):
    with store.transaction() as s:
        ids = [patient["resident_id"]]
        for i in range(11):
            r = save_resident(
                s, person(name=f"患者{han(i)}", id_number="", sex="1", birth_date="1950-01-01"), today=TODAY
            )
            followup.enrol(s, r, "htn", dt.date(2026, 11, 1))
            ids.append(r.id)
    with store.session() as s:
        ten = printing.cards_pdf(s, ids, ZH, per_sheet=10)
        eight = printing.cards_pdf(s, ids, ZH, per_sheet=8)
    assert page_count(ten, tmp_path) == 4  # 12 cards: 2 sheets × (front, back)
    assert page_count(eight, tmp_path) == 4
    text = pdf_text(ten, tmp_path, layout=False)
    assert all(f"患者{han(i)}" in text for i in range(11))
    assert "第1张正面" in flat(text) and "第1张背面" in flat(text) and "第2张背面" in flat(text)


def test_card_batch_can_be_cancelled(store, patient):
    with store.session() as s:
        seen = []
        out = printing.cards_pdf(
            s, [patient["resident_id"]] * 1, ZH, progress=lambda d, t: seen.append(d), cancelled=lambda: True
        )
    assert out is None and seen == [1]


# ---------------------------------------------------------------- cover, worklist, blank forms


def test_cover_prints_the_full_17_digit_number(store, patient, tmp_path):
    with store.session() as s:
        text = pdf_text(printing.cover_pdf(s, patient["archive_no"][-8:], ZH), tmp_path)
    for label in (
        "居民健康档案",
        "编号",
        "现住址",
        "户籍地址",
        "联系电话",
        "乡镇（街道）名称",
        "村（居）委会名称",
        "建档单位",
        "建档人",
        "责任医生",
        "建档日期",
    ):
        assert label in flat(text), label
    assert patient["archive_no"] in flat(text)
    for value in ("王建国", "测试村三组18号", "13912345678", "测试村", "李医生", "2020年1月1日"):
        assert value in flat(text), value


def test_cover_leaves_the_township_blank_until_its_name_is_known(store, patient, tmp_path):
    """A village set up without the township's name holds its code as a placeholder: the cover
    leaves 乡镇（街道）名称 for the pen rather than print nine digits, and prints the name once known."""
    with store.session() as s:
        town = s.scalar(select(Township))
        assert town.name == town.code  # the fixture's village was set up without --township-name
        text = flat(pdf_text(printing.cover_pdf(s, patient["archive_no"][-8:], ZH), tmp_path))
    assert town.code not in text.replace(patient["archive_no"], "")
    with store.transaction() as s:
        s.scalar(select(Township)).name = "朝阳乡"
    with store.session() as s:
        text = flat(pdf_text(printing.cover_pdf(s, patient["archive_no"][-8:], ZH), tmp_path))
    assert "朝阳乡" in text


def _sixty_due(store, person, groups: list[str], *, one_household: bool = False) -> None:
    """60 hypertension patients due for a visit, in turn in ``groups``: more than a page; or all
    of one household (the first its head)."""
    with store.transaction() as s:
        household = None
        for i in range(60):
            joins = dict(household_id=household, relation_to_head="8") if household else {}
            r = save_resident(
                s,
                person(
                    name=f"随访{han(i)}",
                    id_number="",
                    sex="2",
                    birth_date="1960-01-01",
                    group_name=groups[i % len(groups)],
                    **joins,
                ),
                today=TODAY,
            )
            followup.enrol(s, r, "htn", dt.date(2026, 10, 1))
            if one_household:
                household = r.household_id


def test_home_visit_worklist_groups_and_numbers_pages(store, patient, person, tmp_path):
    _sixty_due(store, person, ["一组", "二组", "十组"])
    with store.session() as s:
        data = printing.worklist_pdf(s, ZH, due_within=7, today=TODAY)
    text = pdf_text(data, tmp_path)
    pages = page_count(data, tmp_path)
    assert pages >= 2
    assert f"第1页/共{pages}页" in flat(text) and f"第{pages}页/共{pages}页" in flat(text)
    assert text.count("家庭住址") == pages  # the header repeats on every page
    for label in ("入户随访工作单", "姓名", "联系电话", "管理项目", "上次读数", "逾期或到期", "已访"):
        assert label in text, label
    # grouped in the groups' natural order, with counts
    order = [
        text.index(g)
        for g in ("测试村 一组（20人）", "测试村 二组（20人）", "测试村 三组（1人）", "测试村 十组（20人）")
    ]
    assert order == sorted(order)
    row = next(line for line in text.splitlines() if "王建国" in line)
    # the most urgent programme leads the row: diabetes, last seen 2026-08-11, due 08-25, 90 days overdue
    assert (
        "13912345678" in row and "2型糖尿病" in row and "138/84 血糖7.8" in row and row.endswith(" 逾期90天")
    )


def test_a_worklist_page_is_filled_before_it_breaks(store, patient, person, monkeypatch):
    """Group captions span the sheet, and are measured so: measured in the 9 mm of 序号 alone each
    took three rows' height, and a page of one-line rows broke a quarter empty."""
    from app.services.printing import home_visits

    _sixty_due(store, person, ["1组", "2组", "3组", "4组"])
    seen = {}
    paginate = home_visits.paginate

    def kept(heights, blocks, header, caption, fresh=frozenset(), room=home_visits.PAGE_ROOM):
        seen.update(heights=heights, header=header, caption=caption, room=room)
        seen["pages"] = paginate(heights, blocks, header, caption, fresh, room)
        return seen["pages"]

    monkeypatch.setattr(home_visits, "paginate", kept)
    with store.session() as s:
        printing.worklist_pdf(s, ZH, due_within=7, today=TODAY)
    line = seen["header"]  # one line of text, as every row of this list
    assert all(abs(h - line) < 0.5 for h in seen["heights"]), sorted(seen["heights"])[-3:]
    assert abs(seen["caption"] - line) < 0.5
    first = seen["pages"][0]
    assert len(first) > (seen["room"] - line) / line - 1  # every row that fits: none left for later


def test_a_household_taller_than_a_page_breaks_at_a_member_under_the_header(store, person, tmp_path):
    """A household is kept on one page, unless it is taller than a page: then it breaks between two
    members, each page with the header and the group's caption (continued).  Left to reportlab the
    rest went on a page without either."""
    _sixty_due(store, person, ["一组"], one_household=True)
    with store.session() as s:
        data = printing.worklist_pdf(s, ZH, due_within=7, today=TODAY)
    text = pdf_text(data, tmp_path)
    pages = page_count(data, tmp_path)
    assert pages >= 2
    assert text.count("家庭住址") == pages  # the header on every page
    assert text.count("测试村 一组（60人）（续）") == pages - 1  # and the caption, continued
    assert all(f"随访{han(i)}" in text for i in range(60))


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_paginate_splits_only_a_household_taller_than_a_page():
    from app.services.printing.home_visits import paginate

    # header 1, caption 1; group row 0, a household of 2 (rows 1-2), one of 30 (rows 3-32), one of 2
    heights = [1.0] * 35
    blocks = [(0, 1, 3), (0, 3, 33), (0, 33, 35)]
    pages = paginate(heights, blocks, 1.0, 1.0, room=12.0)
    assert pages[0] == [(0, False), (1, False), (2, False)]  # the tall household starts a page
    for page in pages[1:]:
        assert page[0] == (0, True) and len(page) <= 11  # header + caption + at most 10 members
    rows = [r for page in pages for r, again in page if not again and r]
    assert rows == list(range(1, 35))  # every member once, in order
    assert pages[-1][-2:] == [(33, False), (34, False)]  # the last household kept whole


def test_worklist_with_nobody_due_says_so(store, tmp_path):
    with store.session() as s:
        text = pdf_text(printing.worklist_pdf(s, ZH, today=TODAY), tmp_path)
    assert "没有逾期或即将到期的随访对象" in text and "第1页/共1页" in flat(text)


@pytest.mark.sqlite_only  # no store: the same on both databases
@pytest.mark.parametrize(
    ("program", "labels"),
    [
        ("htn", ("高血压患者随访服务记录表", "头痛头晕", "心率", "摄盐情况", "此次随访分类", "随访医生签名")),
        (
            "t2dm",
            (
                "2型糖尿病患者随访服务记录表",
                "多饮",
                "足背动脉搏动",
                "主食",
                "空腹血糖值",
                "低血糖反应",
                "胰岛素",
            ),
        ),
    ],
)
def test_blank_forms_are_one_page_with_the_national_items(program, labels, tmp_path):
    data = printing.blank_form_pdf(program, ZH)
    assert page_count(data, tmp_path) == 1
    text = flat(pdf_text(data, tmp_path))
    # the answer boxes and the 编号 boxes are drawn squares now (blank_forms.BOX_MM), not □ glyphs
    for label in (*labels, "随访日期", "1门诊2家庭3电话", "服药依从性", "下次随访日期", "编号"):
        assert flat(label) in text, label


def test_every_document_embeds_all_its_fonts(store, patient, tmp_path):
    with store.session() as s:
        documents = {
            "referral": printing.referral_pdf(s, patient["referral_id"], ZH),
            "return": printing.referral_pdf(s, patient["referral_id"], ZH, returning=True),
            "card": printing.card_pdf(s, patient["archive_no"], ZH),
            "cards": printing.cards_pdf(s, [patient["resident_id"]], ZH),
            "cover": printing.cover_pdf(s, patient["archive_no"], ZH),
            "worklist": printing.worklist_pdf(s, ZH, today=TODAY),
            "blank htn": printing.blank_form_pdf("htn", ZH),
            "blank t2dm": printing.blank_form_pdf("t2dm", ZH),
        }
    for name, data in documents.items():
        rows = fonts(data, tmp_path)
        assert rows, name
        assert all(emb == "yes" and sub == "yes" for _f, emb, sub in rows), (name, rows)
        assert all("WenQuanYi" in font for font, _e, _s in rows), (name, rows)


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_group_order_is_natural():
    names = ["十二组", "二组", "一组", "其他", "10组", "十组", "三组"]
    assert sorted(names, key=group_order) == ["一组", "二组", "三组", "10组", "十组", "十二组", "其他"]


# ---------------------------------------------------------------- CLI


def test_cli_prints_each_document(store, patient, tmp_path, capsys, monkeypatch):
    data_dir = storekit.data_dir(store)
    monkeypatch.setenv("CUNYI_DATA_DIR", str(data_dir))
    runs = [
        ["print", "referral", str(patient["referral_id"]), "-o", str(tmp_path / "r.pdf")],
        ["print", "referral", str(patient["referral_id"]), "--return", "-o", str(tmp_path / "rr.pdf")],
        [
            "print",
            "card",
            patient["archive_no"][-8:-5] + "-" + patient["archive_no"][-5:],
            "-o",
            str(tmp_path / "c.pdf"),
        ],
        ["print", "cards", "--due-within", "30", "-o", str(tmp_path / "cs.pdf")],
        ["print", "worklist", "--group", "三组", "-o", str(tmp_path / "w.pdf")],
        ["print", "cover", str(patient["resident_id"]), "-o", str(tmp_path / "cv.pdf")],
        ["print", "blank", "t2dm", "-o", str(tmp_path / "b.pdf")],
    ]
    for argv in runs:
        assert main(argv) == 0, argv
        assert Path(argv[-1]).read_bytes().startswith(b"%PDF")
    assert "王建国" in pdf_text((tmp_path / "c.pdf").read_bytes(), tmp_path)


def test_cli_english_labels(store, patient, tmp_path, monkeypatch):
    monkeypatch.setenv("CUNYI_DATA_DIR", str(storekit.data_dir(store)))
    argv = ["print", "card", patient["archive_no"], "--lang", "en", "--next-visit", "2099-01-02"]
    assert main([*argv, "-o", str(tmp_path / "c.pdf")]) == 0
    text = pdf_text((tmp_path / "c.pdf").read_bytes(), tmp_path)
    assert "Next visit" in text and "Hypertension" in text and "2026-11-20" in text and "2099-01-02" in text
    assert "下次随访" not in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["print", "card", "99999999"], "找不到档案"),
        (["print", "referral", "not-an-id"], "转诊单编号格式不对"),
        (["print", "worklist", "--group", "九十九组"], "找不到村民小组"),
    ],
)
def test_cli_print_errors_are_one_sentence(store, tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.setenv("CUNYI_DATA_DIR", str(storekit.data_dir(store)))
    out = tmp_path / "x.pdf"
    assert main([*argv, "-o", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_township_worklist_goes_village_by_village_in_code_order(township_store, tmp_path):
    """A township prints one worklist for all its villages: each village starts its own page (its
    sheets are handed to its doctor), in village-code order, not in name order."""
    from app.models import Village
    from tests.test_indicators import A, B, build

    build(township_store)
    with township_store.transaction() as s:
        names = {v.code: v for v in s.scalars(select(Village))}
        names[A].name, names[B].name = "阿村", "东村"  # by name 东村 (U+4E1C) would come first
    with township_store.session() as s:
        data = printing.worklist_pdf(s, ZH, due_within=7, today=dt.date(2027, 6, 1))
    pages = [pdf_text_page(data, tmp_path, n) for n in range(1, page_count(data, tmp_path) + 1)]
    assert len(pages) == 2
    assert "阿村 未分组" in pages[0] and "东村" not in pages[0]
    assert "东村 未分组" in pages[1] and "阿村" not in pages[1]


def pdf_text_page(data: bytes, tmp_path: Path, page: int) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_visit_form_shows_the_referral_made_from_the_visit(store, patient, tmp_path):
    """The 20 November visit's referral (to 朝阳乡卫生院 内科) is in its column's 转诊 box."""
    with store.session() as s:
        text = flat(pdf_text(printing.visits_pdf(s, patient["archive_no"], "htn", 2026, ZH), tmp_path))
    assert "朝阳乡卫生院" in text and "内科" in text and "收缩压≥180mmHg（186）" in text


def test_the_visit_form_prints_glucose_to_one_decimal(store, patient, tmp_path):
    """7.0 is the control threshold: it prints as 7.0, never as 7 (as the lab reports it)."""
    with store.transaction() as s:
        save_visit(
            s,
            find_resident(s, patient["archive_no"]),
            VisitInput(
                program="t2dm", visit_date="2026-11-21", measurements={"glucose": "7"}, doctor="李医生"
            ),
            today=TODAY,
        )
    with store.session() as s:
        text = flat(pdf_text(printing.visits_pdf(s, patient["archive_no"], "t2dm", 2026, ZH), tmp_path))
    assert "7.0mmol/L" in text and "7.8mmol/L" in text


def test_a_character_the_font_lacks_prints_as_a_mark_never_as_nothing(store, patient, tmp_path):
    """刘䶮 (U+4DAE, a 生僻字 the bundled font has no glyph for) printed as "刘": a record must not
    print another name without a sign.  It prints 刘〓, for the doctor to write in by hand."""
    from app.models import Resident

    with store.transaction() as s:
        s.get(Resident, patient["resident_id"]).name = "刘䶮"
    with store.session() as s:
        cover = flat(pdf_text(printing.cover_pdf(s, patient["archive_no"], ZH), tmp_path))
        card = flat(pdf_text(printing.card_pdf(s, patient["archive_no"], ZH, today=TODAY), tmp_path))
    assert "刘〓" in cover and "刘〓" in card


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_card_prints_four_drugs_of_two_programmes_in_either_language(store, patient, tmp_path, lang):
    """Four drugs (two for each programme) fit the back of the card in English as in Chinese: the
    English warning lines took three lines more, and two of the drugs were left to the record."""

    names = ["厄贝沙坦片", "氨氯地平片", "格列美脲片"]
    back = _card_back_after(store, patient, tmp_path, lang, names, times=1, mg=150)
    assert all(n in back for n in [*names, "二甲双胍片"]), back
    assert "未印出" not in back and "notprinted" not in back

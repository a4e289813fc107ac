"""双向转诊单 on A4: the stub (存根) that stays at the clinic on top, a scissors cut line,
and the slip that travels with the patient below (DOMAIN.md, two-way referral slip).

Two variants: 转出 (referral up) and 回转 (return to the referring clinic, with results).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Referral
from app.services.errors import Message, NotFound, UserError
from app.services.institution import Clinic, clinic_for, institution_profile
from app.services.printing.layout import (
    BLANK,
    PT,
    Box,
    Document,
    Labels,
    Page,
    boxed_height,
    filled,
    markup,
    share_heights,
    text_width,
)
from app.services.programmes.referral import past_history_read
from app.services.records.validators import age_on

CTX = "Print"


A4 = (210.0, 297.0)
LEFT, RIGHT = 18.0, 192.0
WIDTH = RIGHT - LEFT


@dataclass(frozen=True)
class SlipData:
    """Everything a slip prints, read from the referral, its resident and this installation."""

    name: str
    sex: str
    age: int | None
    archive_no: str
    address: str
    phone: str
    emergency: bool
    from_institution: str
    from_phone: str
    from_address: str
    to_institution: str
    to_department: str
    to_doctor: str
    impression: str
    present_history: str
    past_history: str
    treatment: str
    issued_on: dt.date
    issued_by: str
    # 回转
    returned_on: dt.date | None
    return_record_no: str
    return_diagnosis: str
    return_findings: str
    return_plan: str
    return_doctor: str
    return_phone: str
    return_address: str


def slip_data(session: Session, referral_id: uuid.UUID) -> SlipData:
    referral = session.get(Referral, referral_id)
    if referral is None or referral.voided:
        raise NotFound(
            Message(CTX, QT_TRANSLATE_NOOP("Print", "找不到转诊单：{ref}"), {"ref": str(referral_id)})
        )
    if not (referral.to_institution or "").strip():
        raise UserError(
            Message(CTX, QT_TRANSLATE_NOOP("Print", "这张转诊单没有转入单位，不能打印；请先补填去向"))
        )
    r = referral.resident
    # Phones and addresses of institutions come from their profiles (设置 → 本机构信息) only: this
    # PC's own, or the resident's village clinic's as its PC reported it (``clinic_for``).
    own = institution_profile(session)
    here = Clinic(own.institution, own.phone, own.address)
    from_institution = referral.from_institution or r.enrolling_unit or here.name
    here_is_receiver = here.name == referral.to_institution
    issuer = next(  # the issuing institution is this one, or the resident's village clinic
        (c for c in (here, clinic_for(session, r.village_id)) if c.name == from_institution),
        Clinic(from_institution, "", ""),  # neither (renamed since?): blanks to write on
    )
    receiver = here if here_is_receiver else Clinic(referral.to_institution, "", "")
    return SlipData(
        name=r.name,
        sex=r.sex,
        age=age_on(r.birth_date, referral.issued_on) if r.birth_date else None,
        archive_no=r.archive_no,
        address=r.current_address or "",
        phone=r.phone or "",
        emergency=referral.emergency,
        from_institution=from_institution,
        from_phone=referral.issuer_phone or issuer.phone,
        from_address=issuer.address,
        to_institution=referral.to_institution,
        to_department=referral.to_department or "",
        to_doctor=referral.to_doctor or "",
        impression=referral.impression or "",
        present_history=referral.present_history or "",
        past_history=past_history_read(session, referral),
        treatment=referral.treatment or "",
        issued_on=referral.issued_on,
        issued_by=referral.issued_by or "",
        returned_on=referral.status_date if referral.status == "returned" else None,
        return_record_no=referral.return_record_no or "",
        return_diagnosis=referral.return_diagnosis or "",
        return_findings=referral.return_findings or "",
        return_plan=referral.return_plan or "",
        return_doctor=referral.return_doctor or "",
        return_phone=receiver.phone,
        return_address=receiver.address,
    )


def render_referral(data: SlipData, labels: Labels, *, returning: bool = False) -> bytes:
    """The A4 page: stub, cut line, slip.  ``returning`` prints the 回转 variant."""
    T = labels
    title = T("Print", "双向转诊（回转）单") if returning else T("Print", "双向转诊（转出）单")
    doc = Document(*A4, f"{title} {data.name}", labels)
    page = doc.new_page()
    cut_y = _stub(page, data, returning)
    page.cut_line(cut_y, LEFT - 6, RIGHT + 6, T("Print", "沿虚线剪开：上联存根留存，下联交患者"))
    _slip(page, data, returning, cut_y + 9)
    return doc.to_bytes()


def _date_blanks(labels: Labels, day: dt.date | None) -> str:
    """ "于＿年＿月＿日" with the date's parts underlined (or blank lines to write on)."""
    if labels.lang == "en":
        return filled(day.isoformat() if day else "")
    if day is None:
        return "＿＿年＿＿月＿＿日"
    return f"{filled(str(day.year))}年{filled(str(day.month))}月{filled(str(day.day))}日"


def _patient_rows(page: Page, data: SlipData, y: float, returning: bool) -> float:
    T = page.T
    page.field(LEFT, y, 62, T("Print", "患者姓名："), data.name, 10.5)
    page.field(LEFT + 65, y, 22, T("Print", "性别："), T.code("sex", data.sex), 10.5)
    page.field(LEFT + 90, y, 22, T("Print", "年龄："), "" if data.age is None else str(data.age), 10.5)
    if returning:
        page.field(LEFT + 115, y, WIDTH - 115, T("Print", "病案号："), data.return_record_no, 10.5)
    else:  # forms other than the cover print the last 8 digits of the archive number
        page.text(LEFT + 115, y, T("Print", "档案编号："), 10.5)
        page.digit_boxes(LEFT + 135, y + 1.2, data.archive_no[-8:], 8, 4.2, dash_after=(3,))
    y += 9
    page.field(LEFT + 118, y, WIDTH - 118, T("Print", "联系电话："), data.phone, 10.5)
    # a long address wraps onto a second line rather than shrinking out of sight
    return page.field(
        LEFT, y, 115, T("Print", "家庭住址："), data.address, 10.5, lines=2 if len(data.address) > 24 else 1
    )


def _stub(page: Page, data: SlipData, returning: bool) -> float:
    """The stub; returns the y of the cut line below it."""
    T = page.T
    page.text(105, 22, T("Print", "双向转诊单（存根）"), 16, align="center", bold=True)
    if data.emergency and not returning:
        _urgent_tag(page, 22)
    y = _patient_rows(page, data, 34, returning)
    if returning:
        sentence = T("Print", "于{date}因病情需要，转回{institution}单位{doctor}接诊医生。")
        values = {
            "date": _date_blanks(T, data.returned_on),
            "institution": filled(data.from_institution),
            "doctor": filled(data.issued_by),
        }
        day, signer = data.returned_on, data.return_doctor
    else:
        sentence = T("Print", "于{date}因病情需要，转入{institution}单位{department}科室{doctor}接诊医生。")
        values = {
            "date": _date_blanks(T, data.issued_on),
            "institution": filled(data.to_institution),
            "department": filled(data.to_department),
            "doctor": filled(data.to_doctor),
        }
        day, signer = data.issued_on, data.issued_by
    y += 5
    y += page.flow(LEFT, y, WIDTH, "　　" + markup(sentence).format(**values), 10.5)
    y += 9
    # the signature's blank ends before the date does (the blank date's ＿＿年 was struck through)
    date = T.date(day, T("Print", "＿＿年＿＿月＿＿日"))
    blank_end = RIGHT - text_width(date, 10.5) * PT - 3
    page.field(LEFT + 85, y, blank_end - LEFT - 85, T("Print", "转诊医生（签字）："), signer, 10.5)
    page.text(RIGHT, y, date, 10.5, align="right")
    return max(y + 14, 80.0)


def _urgent_tag(page: Page, y: float) -> None:
    label = page.T("Print", "紧急转诊")
    box = Box(RIGHT - 24, y - 6, 24, 8)
    page.rect(box, 1.2)
    page.fit_text(box.x + 1, y, box.w - 2, label, 11, align="center", bold=True)


def _slip(page: Page, data: SlipData, returning: bool, y: float) -> None:
    T = page.T
    title = T("Print", "双向转诊（回转）单") if returning else T("Print", "双向转诊（转出）单")
    page.text(105, y + 6, title, 17, align="center", bold=True)
    if data.emergency and not returning:
        _urgent_tag(page, y + 6)
    y += 14
    addressee = data.from_institution if returning else data.to_institution
    y += page.flow(LEFT, y, WIDTH, filled(addressee) + markup(T("Print", "（机构名称）：")), 11)
    if returning:
        sentence = T("Print", "现有患者{name}因病情需要，现转回贵单位，请予以接诊。")
        values = {"name": filled(data.name)}
    else:
        sentence = T("Print", "现有患者{name}性别{sex}年龄{age}因病情需要，需转入贵单位，请予以接诊。")
        values = {
            "name": filled(data.name),
            "sex": filled(T.code("sex", data.sex), "＿＿"),
            "age": filled("" if data.age is None else str(data.age), "＿＿"),
        }
    y += 1
    y += page.flow(LEFT, y, WIDTH, "　　" + markup(sentence).format(**values), 11)
    y += 3
    footer_y = 264.0
    if returning:
        parts = [
            (T("Print", "诊断结果："), data.return_diagnosis, 2),
            (T("Print", "主要检查结果："), data.return_findings, 3),
            (T("Print", "治疗经过、下一步治疗方案及康复建议："), data.return_plan, 4),
        ]
        page.field(LEFT, y + 5, 90, T("Print", "住院病案号："), data.return_record_no, 10.5)
        y += 9
        signer, phone, institution, address, day = (
            data.return_doctor,
            data.return_phone,
            data.to_institution,
            data.return_address,
            data.returned_on,
        )
    else:
        parts = [
            (T("Print", "初步印象："), data.impression, 2),
            (T("Print", "主要现病史（转出原因）："), data.present_history, 4),
            (T("Print", "主要既往史："), data.past_history, 3),
            (T("Print", "治疗经过："), data.treatment, 3),
        ]
        signer, phone, institution, address, day = (
            data.issued_by,
            data.from_phone,
            data.from_institution,
            data.from_address,
            data.issued_on,
        )
    gap = 2.0
    room = footer_y - 12 - y - gap * (len(parts) - 1)
    # a box whose text needs it takes room from those with less to say (a reason typed on twenty
    # lines lost seven of them while the boxes under it stood half empty)
    heights = share_heights(
        room, [boxed_height(value, WIDTH, 10) for _t, value, _w in parts], [w for _t, _v, w in parts]
    )
    for (title_text, value, _w), h in zip(parts, heights, strict=True):
        page.boxed_text(Box(LEFT, y, WIDTH, h), title_text, value, 10)
        y += h + gap
    page.field(LEFT, footer_y - 4, 80, T("Print", "转诊医生（签字）："), signer, 10.5)
    page.field(LEFT + 88, footer_y - 4, WIDTH - 88, T("Print", "联系电话："), phone, 10.5)
    page.fit_text(
        LEFT + 60,
        footer_y + 5,
        WIDTH - 60,
        (institution or BLANK) + T("Print", "（机构名称）"),
        10.5,
        align="right",
    )
    if address:
        line = T("Print", "地址：{address}").replace("{address}", address)
        page.fit_text(LEFT + 30, footer_y + 12, WIDTH - 30, line, 10, align="right")
    day_y = footer_y + (20 if address else 13)
    page.text(RIGHT, day_y, T.date(day, T("Print", "＿＿年＿＿月＿＿日")), 10.5, align="right")

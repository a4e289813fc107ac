"""居民健康档案封面: the record cover, the one form that carries the full 17-digit number.

Fields (DOMAIN.md, Cover): 编号, 姓名, 现住址, 户籍地址, 联系电话, 乡镇（街道）名称,
村（居）委会名称, 建档单位, 建档人, 责任医生, 建档日期.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Resident, Township, Village
from app.services.institution import clinic_for
from app.services.printing.layout import Document, Labels, field_wraps, rule_pitch


@dataclass(frozen=True)
class CoverData:
    archive_no: str
    name: str
    current_address: str
    registered_address: str
    phone: str
    township: str
    village: str
    enrolling_unit: str
    unit_address: str  # the enrolling unit's address and phone, from its institution profile
    unit_phone: str
    enrolled_by: str
    responsible_doctor: str
    enrolled_on: dt.date | None


def cover_data(session: Session, resident_id: uuid.UUID) -> CoverData:
    r = session.get(Resident, resident_id)
    village = session.get(Village, r.village_id)
    township = session.get(Township, village.township_id) if village else None
    clinic = clinic_for(session, r.village_id)  # the institution profile: the one source of both
    unit = r.enrolling_unit or clinic.name
    return CoverData(
        archive_no=r.archive_no,
        name=r.name,
        current_address=r.current_address or "",
        registered_address=r.registered_address or "",
        phone=r.phone or "",
        township=township.known_name if township else "",
        village=village.name if village else "",
        enrolling_unit=unit,
        unit_address=clinic.address if unit == clinic.name else "",
        unit_phone=clinic.phone if unit == clinic.name else "",
        enrolled_by=r.enrolled_by or "",
        responsible_doctor=r.responsible_doctor or "",
        enrolled_on=r.enrolled_on,
    )


def render_cover(data: CoverData, labels: Labels) -> bytes:
    T = labels
    doc = Document(210, 297, T("Print", "居民健康档案") + " " + data.name, labels)
    page = doc.new_page()
    # 编号 □□□□□□-□□□-□□□-□□□□□: county, township, village, serial
    page.text(38, 40, T("Print", "编号"), 12)
    page.digit_boxes(52, 41.5, data.archive_no, 17, 6.2, dash_after=(6, 9, 12))
    page.text(105, 92, T("Print", "居民健康档案"), 34, align="center", bold=True)
    x, width, size = 40.0, 130.0, 12.5
    y = 128.0
    rows = [
        (T("Print", "姓　　名："), data.name, 1),
        (T("Print", "现 住 址："), data.current_address, 2),
        (T("Print", "户籍地址："), data.registered_address, 2),
        (T("Print", "联系电话："), data.phone, 1),
        (T("Print", "乡镇（街道）名称："), data.township, 1),
        (T("Print", "村（居）委会名称："), data.village, 1),
    ]
    for label, value, lines in rows:
        y = page.field(x, y, width, label, value, size, lines=lines) + 10.5
    y += 8
    contact = [
        label.replace(key, value)
        for label, key, value in (
            (T("Print", "地址：{address}"), "{address}", data.unit_address),
            (T("Print", "电话：{phone}"), "{phone}", data.unit_phone),
        )
        if value
    ]
    # 建档单位: its name, then where it is and its phone on a ruled line of their own (a name on
    # two lines had its address and phone printed over its second)
    unit = T("Print", "建档单位：")
    lines = 2 if field_wraps(width, unit, data.enrolling_unit, size) else 1
    last = page.field(x, y, width, unit, data.enrolling_unit, size, lines=lines)
    if contact or lines == 1:  # (the form's two lines at least: the second to write them on)
        last += rule_pitch(size)
        page.line(x, last + 1, x + width, last + 1, 0.4)
    if contact:
        page.fit_text(x + 1, last, width - 2, "　".join(contact), size - 1.5)
    y = last + 10.5
    rows = [
        (T("Print", "建 档 人："), data.enrolled_by, 1),
        (T("Print", "责任医生："), data.responsible_doctor, 1),
        (T("Print", "建档日期："), T.date(data.enrolled_on), 1),
    ]
    for label, value, lines in rows:
        y = page.field(x, y, width, label, value, size, lines=lines) + 10.5
    return doc.to_bytes()

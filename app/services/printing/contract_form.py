"""签约服务协议书 on A4, filled from a contract record: the parties (resident and family-doctor
team), the term, the service packages ticked, each side's duties, and the signature lines."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from sqlalchemy.orm import Session

from app.codes import CODE_LISTS
from app.services.access import audit
from app.services.institution import clinic_for
from app.services.printing.layout import GREY, Box, Document, Labels, fit_size, markup, text_width
from app.services.profile import get_profile
from app.services.programmes import contracts
from app.services.records import sensitive
from app.services.records.validators import age_on, mask_id

A4 = (210.0, 297.0)
LEFT, RIGHT = 20.0, 190.0
WIDTH = RIGHT - LEFT

ENDED = Color(0.64, 0, 0)  # the 解约 line under the title


@dataclass(frozen=True)
class AgreementData:
    institution: str
    name: str
    sex: str
    age: int
    id_number: str
    archive_no: str
    address: str
    phone: str
    team: str
    doctor: str
    packages: tuple[str, ...]
    start_on: object
    end_on: object
    years: int
    renewal: bool
    contract_no: str
    institution_phone: str = ""  # 乙方's phone, for the resident to call
    # packages the printer may not read for this resident (严重精神障碍包, when they are not its
    # responsible doctor nor public-health staff with the permission), whether the contract has them
    # or not: printed neither ticked nor unticked, and said so (an unticked box said a package
    # signed for was not; a refusal only for patients would have told who is one)
    withheld: tuple[str, ...] = ()
    # the day both parties sign, printed on their date lines: a first contract's start; none for a
    # renewal (signed on paper again, before a term that may start later: the day is written by hand)
    signed_on: object = None
    ended_on: object = None  # 解约: printed under the title with its reason (it printed as in force)
    end_reason: str = ""


def agreement_data(session: Session, contract_id: uuid.UUID | str) -> AgreementData:
    c, r = contracts.contract_text(session, contract_id)
    institution = get_profile(session).institution
    clinic = clinic_for(session, r.village_id)  # (the resident's clinic: its name and phone)
    return AgreementData(
        institution=institution,
        institution_phone=clinic.phone if clinic.name == institution else "",
        name=r.name,
        sex=r.sex,
        age=age_on(r.birth_date, c.start_on),
        id_number=mask_id(r.id_number) if r.id_number else "",
        archive_no=r.archive_no,
        address=r.current_address or (r.household.address if r.household else "") or "",
        phone=r.phone or "",
        team=c.team or "",
        doctor=c.doctor,
        packages=contracts.visible_packages(session, c, r),
        withheld=() if sensitive.may_see(session, r) else CODE_LISTS["contract_package"].sensitive_codes,
        start_on=c.start_on,
        end_on=c.end_on,
        years=c.years,
        renewal=c.renewed_from_id is not None,
        contract_no=c.id.hex[-12:].upper(),
        signed_on=c.start_on if c.renewed_from_id is None else None,
        ended_on=c.ended_on if c.status == "ended" else None,
        end_reason=c.end_reason or "" if c.status == "ended" else "",
    )


def render(data: AgreementData, T: Labels) -> bytes:
    doc = Document(*A4, T("Print", "家庭医生签约服务协议书"), T)
    page = doc.new_page()
    page.text(105, 24, T("Print", "家庭医生签约服务协议书"), 18, align="center", bold=True)
    if data.renewal:
        page.text(105, 31, T("Print", "（续约）"), 11, align="center")
    if data.ended_on is not None:  # (a copy for the file, not an agreement in force)
        ended = T("Print", "本协议已于 {day} 解约：{reason}")
        page.fit_text(
            LEFT,
            36,
            WIDTH - 52,
            ended.replace("{day}", T.date(data.ended_on)).replace("{reason}", data.end_reason),
            9.5,
            color=ENDED,
        )
    page.text(RIGHT, 36, T("Print", "协议编号：") + data.contract_no, 9, align="right")
    y = 46
    page.text(LEFT, y, T("Print", "甲方（签约居民）"), 11.5, bold=True)
    y += 8
    page.field(LEFT, y, 70, T("Print", "姓名："), data.name, 10.5)
    page.field(LEFT + 74, y, 28, T("Print", "性别："), T.code("sex", data.sex), 10.5)
    page.field(LEFT + 106, y, 26, T("Print", "年龄："), str(data.age), 10.5)
    page.field(LEFT + 136, y, WIDTH - 136, T("Print", "电话："), data.phone, 10.5)
    y += 8
    page.field(LEFT, y, 82, T("Print", "身份证号："), data.id_number, 10.5)
    page.field(LEFT + 86, y, WIDTH - 86, T("Print", "健康档案编号："), data.archive_no, 10.5)
    y += 8
    page.field(LEFT, y, WIDTH, T("Print", "家庭住址："), data.address, 10.5)
    y += 12
    page.text(LEFT, y, T("Print", "乙方（家庭医生团队）"), 11.5, bold=True)
    y += 8
    page.field(LEFT, y, 118, T("Print", "签约机构："), data.institution, 10.5)
    page.field(LEFT + 122, y, WIDTH - 122, T("Print", "联系电话："), data.institution_phone, 10.5)
    y += 8
    team_label = T("Print", "团队名称：")
    room = (82 - text_width(team_label, 10.5) / mm - 3) * mm  # (the field's blank, as it sets it)
    if fit_size(data.team, room, 10.5) >= 10.5 * 0.85:
        page.field(LEFT, y, 82, team_label, data.team, 10.5)
        page.field(LEFT + 86, y, WIDTH - 86, T("Print", "签约医生："), data.doctor, 10.5)
    else:  # a long team name ("…团队（刘勇平、张护士、王公卫）") has the line to itself, wrapping
        wide = fit_size(data.team, room + (WIDTH - 82) * mm, 10.5) >= 10.5 * 0.85
        y = page.field(LEFT, y, WIDTH, team_label, data.team, 10.5, lines=1 if wide else 2) + 8
        page.field(LEFT, y, 82, T("Print", "签约医生："), data.doctor, 10.5)
    y += 12
    page.text(LEFT, y, T("Print", "一、服务期限"), 11.5, bold=True)
    y += 8
    term = T("Print", "自 {start} 起至 {end} 止，共 {years} 年。期满前一个月内可申请续约。")
    page.text(
        LEFT + 4,
        y,
        term.replace("{start}", T.date(data.start_on))
        .replace("{end}", T.date(data.end_on))
        .replace("{years}", str(data.years)),
        10.5,
    )
    y += 10
    page.text(LEFT, y, T("Print", "二、服务包（在所选项目前打 √）"), 11.5, bold=True)
    y += 8
    pitch = (WIDTH - 4) / 4  # four boxes a line, the last one's label within the right margin
    for i, code in enumerate(c.code for c in CODE_LISTS["contract_package"]):
        x = LEFT + 4 + (i % 4) * pitch
        row_y = y + (i // 4) * 7
        if code in data.withheld:
            page.text(x + 0.6, row_y, "—", 10.5, color=GREY)
        else:
            page.check(x, row_y + 0.3, code in data.packages, 3.6)
        page.fit_text(x + 4.8, row_y, pitch - 5.5, T.code("contract_package", code), 10.5)
    y += 16
    if data.withheld:
        note = T("Print", "注：标“—”的服务包，打印人无权查看，未打印是否选择；以签约原件为准。")
        page.fit_text(LEFT + 4, y - 5, WIDTH - 4, note, 9, color=GREY)
        y += 4
    # what the chosen packages give, one line each (as the national agreement lists its contents)
    colon = ": " if T.lang == "en" else "："
    contents = "<br/>".join(
        markup(T.code("contract_package", code) + colon + T("Contract", contracts.PACKAGE_CONTENTS[code]))
        for code in (c.code for c in CODE_LISTS["contract_package"])
        if code in data.packages
    )
    if contents:
        # (the heading below is written on its baseline: room for its height above it)
        y += page.paragraph(Box(LEFT + 4, y, WIDTH - 4, 44), contents, 9.5, leading=1.45) + 9
    page.text(LEFT, y, T("Print", "三、双方责任"), 11.5, bold=True)
    y += 3
    duties = T(
        "Print",
        "乙方为甲方建立并维护健康档案，按国家基本公共卫生服务规范提供所选服务包的健康管理、"
        "随访、健康教育和用药指导，需要时协助转诊；对甲方的健康信息保密。"
        "甲方如实提供健康信息，配合随访和健康管理，情况变化时及时告知乙方。"
        "任何一方可书面提出解约，解约后签约记录保留备查。",
    )
    used = page.paragraph(Box(LEFT + 4, y, WIDTH - 4, 40), markup(duties), 10.5, leading=1.6)
    y += used + 16
    page.field(LEFT, y, 88, T("Print", "甲方（签字或按手印）："), "", 10.5)
    page.field(LEFT + 95, y, WIDTH - 95, T("Print", "乙方（签字）："), "", 10.5)
    y += 10
    signed = T.date(data.signed_on) if data.signed_on is not None else T("Print", "____年____月____日")
    page.text(LEFT, y, T("Print", "日期：") + signed, 10.5)
    page.text(LEFT + 95, y, T("Print", "日期：") + signed, 10.5)
    page.text(105, 285, T("Print", "本协议一式两份，甲乙双方各执一份。"), 9, align="center")
    return doc.to_bytes()


def write(session: Session, contract_id: str, path: str | Path, T: Labels) -> int:
    """Render the agreement to ``path`` (audited as a print); returns the number of pages."""
    from app.services.printing import write_pdf

    data = pdf(session, contract_id, T)
    write_pdf(path, data)
    return 1


def pdf(session: Session, contract_id: uuid.UUID, T: Labels) -> bytes:
    data = agreement_data(session, contract_id)
    _c, r = contracts.contract_text(session, contract_id)
    audit.record_now(session, "print", "resident", r.id, "contract agreement")
    return render(data, T)

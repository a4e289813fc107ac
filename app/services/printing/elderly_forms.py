"""Elderly health management on paper: the 老年人生活自理能力评估表 and the health-check summary, filled
from a saved check or blank for outreach days, and the list of 65+ residents not yet checked this year
by village group."""

from __future__ import annotations

import datetime as dt
import uuid
from itertools import groupby

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.services.access import audit
from app.services.errors import Message, UserError
from app.services.printing import _may_print, field_sheet
from app.services.printing.layout import FONT, Labels, label_style, markup, para_style, register_font
from app.services.programmes import elderly, selfcare
from app.services.programmes.elderly_form import CHECK_FORM, SELFCARE_KEYS, SELFCARE_LABELS
from app.services.records.ordering import group_order
from app.services.records.validators import age_on


def selfcare_table(levels: list[str] | None, T: Labels) -> list:
    """Five items × four levels with their points; the chosen level marked, the total and its level."""
    register_font()  # before any Paragraph: their styles name the font
    # the form's own words: English wraps at spaces ("Fully dependent", never "Fully depende-nt")
    body, head = label_style(T, 9, 12), label_style(T, 9, 12, align=1)
    colon = ": " if T.lang == "en" else "："
    level_codes = selfcare.LEVELS
    rows = [
        [Paragraph(markup(T("Print", "评估事项")), head)]
        + [Paragraph(markup(T.code("selfcare_level", c)), head) for c in level_codes]
        + [Paragraph(markup(T("Print", "判断评分")), head)]
    ]
    chosen = dict(zip(selfcare.ITEMS, levels, strict=True)) if levels else {}
    for item, label in SELFCARE_LABELS:
        points = selfcare.POINTS[item]
        cells = [Paragraph(markup(T("Field", label)), body)]
        for code, p in zip(level_codes, points, strict=True):
            mark = field_sheet.TICK if chosen.get(item) == code else field_sheet.BOX
            cells.append(f"{mark} {p}")
        cells.append(str(points[level_codes.index(chosen[item])]) if chosen else "")
        rows.append(cells)
    result = selfcare.score(levels) if levels else None
    total = T("Print", "总评分") + (f"{colon}{result.score}" if result else "")
    level = T("Print", "评估结果") + colon + (T.code("selfcare_level", result.level) if result else "")
    bands = T("Print", "0–3分 可自理；4–8分 轻度依赖；9–18分 中度依赖；≥19分 不能自理")
    rows.append([Paragraph(markup(total), body), "", Paragraph(markup(level), body), "", "", ""])
    rows.append([Paragraph(markup(bands), label_style(T, 8, 10)), "", "", "", "", ""])
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -3), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("SPAN", (0, -2), (1, -2)),
        ("SPAN", (2, -2), (-1, -2)),
        ("SPAN", (0, -1), (-1, -1)),
    ]
    grid = Table(rows, colWidths=[38 * mm, 26 * mm, 26 * mm, 26 * mm, 26 * mm, 40 * mm])
    grid.setStyle(TableStyle(style))
    return [grid]


def _heading(T: Labels, resident, values: dict | None, *, check: bool = False) -> list[str]:
    """The form's head: the resident, or blanks; ``check``: the health check's (体检日期), not
    the self-care assessment's (评估日期)."""
    if resident is None:
        return [
            *field_sheet.resident_heading(T, None),
            T("Print", "体检日期：＿＿＿＿年＿＿月＿＿日")
            if check
            else T("Print", "评估日期：＿＿＿＿年＿＿月＿＿日"),
        ]
    day = values["check_date"]
    return [
        *field_sheet.resident_heading(T, resident),
        f"{T.code('sex', resident.sex)} "
        + T("Print", "{age}岁").replace("{age}", str(age_on(resident.birth_date, day))),
        T("Print", "日期：{date}").replace("{date}", T.date(day)),
    ]


def _load(session: Session, check_id: uuid.UUID | None, document: str):
    if check_id is None:
        return None, None
    resident, values = elderly.check_record(session, check_id)
    _may_print(session, [resident.id], document)
    return resident, values


def selfcare_pdf(session: Session, check_id: uuid.UUID | None, labels: Labels) -> bytes:
    """老年人生活自理能力评估表: filled from a check, or blank (``check_id`` None)."""
    T = labels
    resident, values = _load(session, check_id, "selfcare")
    levels = [values[k] for k in SELFCARE_KEYS] if values else None
    if levels is not None and not all(levels):
        raise UserError(
            Message(
                "Elderly",
                QT_TRANSLATE_NOOP("Elderly", "这次体检未做生活自理能力评估（体检时未满65岁）"),
            )
        )
    return field_sheet.render(
        T("Print", "老年人生活自理能力评估表"), _heading(T, resident, values), selfcare_table(levels, T), T
    )


def check_summary_pdf(session: Session, check_id: uuid.UUID | None, labels: Labels) -> bytes:
    """The health-check summary for the paper archive (blank: the form for an outreach day)."""
    T = labels
    resident, values = _load(session, check_id, "elderly_check")
    levels = [values[k] for k in SELFCARE_KEYS] if values else None
    parts = [*field_sheet.form_flowables(CHECK_FORM, values, T, skip=SELFCARE_KEYS)]
    # a poor household member's free check under 65 has no self-care assessment (the 65+'s)
    aged = not values or all(levels)
    if aged:
        parts += [
            Spacer(1, 4 * mm),
            KeepTogether(
                [
                    Paragraph(markup(T("Print", "生活自理能力评估")), para_style(10, 13)),
                    Spacer(1, 1.5 * mm),
                    *selfcare_table(levels, T),
                ]
            ),
        ]
    title = T("Print", "老年人健康体检表") if aged else T("Print", "健康体检表")
    return field_sheet.render(title, _heading(T, resident, values, check=True), parts, T)


def unchecked_pdf(
    session: Session,
    year: int,
    labels: Labels,
    *,
    group_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> bytes:
    """65+ residents not checked in ``year``, by village group, with a column to tick on the day."""
    T = labels
    today = today or dt.date.today()
    rows = elderly.unchecked(session, year, group_id=group_id, today=today)  # keeps to the actor's villages
    audit.record_now(session, "print", None, None, f"elderly worklist ×{len(rows)}")
    rows.sort(key=lambda r: (r.village_name, group_order(r.group_name)))
    register_font()
    body, small, head = para_style(8.5, 11), para_style(7.5, 9.5), para_style(8.5, 11, align=1)
    columns = [  # (the archive number finds the record when the check is entered)
        (T("Print", "序号"), 11),
        (T("Print", "姓名"), 18),
        (T("Print", "性别/年龄"), 20),
        (T("Print", "档案编号"), 32),
        (T("Print", "家庭住址"), 31),
        (T("Print", "联系电话"), 24),
        (T("Print", "上次体检"), 20),
        (T("Print", "已检✓"), 12),
        (T("Print", "备注"), 14),
    ]
    table_rows: list[list] = [[Paragraph(markup(t), head) for t, _w in columns]]
    group_rows: list[int] = []
    n = 0
    for (village, group), members in groupby(rows, key=lambda r: (r.village_name, r.group_name)):
        members = list(members)
        caption = T("Print", "{village} {group}（{n}人）").format(
            village=village, group=group or T("Print", "未分组"), n=len(members)
        )
        group_rows.append(len(table_rows))
        table_rows.append([Paragraph(markup(caption), body)] + [""] * (len(columns) - 1))
        for r in members:
            n += 1
            table_rows.append(
                [
                    str(n),
                    Paragraph(markup(r.name), body),
                    f"{T.code('sex', r.sex)}/{r.age}",
                    r.archive_no,  # on one line, in smaller type (the style below)
                    Paragraph(markup(r.address), small),
                    Paragraph(markup(r.phone), small),
                    T.short_date(r.last_check) or T("Print", "从未体检"),
                    "",
                    "",
                ]
            )
    if n == 0:
        group_rows.append(len(table_rows))
        table_rows.append(
            [Paragraph(markup(T("Print", "今年的老年人健康体检已全部完成")), body)]
            + [""] * (len(columns) - 1)
        )
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("FONT", (3, 1), (3, -1), FONT, 7.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
    ]
    for i in group_rows:
        style += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.Color(0.95, 0.95, 0.95))]
    grid = Table(table_rows, colWidths=[w * mm for _t, w in columns], repeatRows=1)
    grid.setStyle(TableStyle(style))
    heading = [
        T("Print", "{year}年未体检的65岁及以上老年人  共{n}人")
        .replace("{year}", str(year))
        .replace("{n}", str(n)),
        T("Print", "打印日期：{date}").replace("{date}", T.date(today)),
    ]
    return field_sheet.render(T("Print", "老年人健康体检工作单"), heading, [grid], T)

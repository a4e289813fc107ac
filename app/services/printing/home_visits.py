"""入户随访工作单: who to visit, grouped by village group, for the doctor's walk round the village.

Landscape A4; the column header repeats on every page; "第 n 页 / 共 m 页" at the foot.
One row per resident (a patient with both programmes appears once, each programme on its own
line of the programme, last-visit, due-date and overdue cells: a patient seen last week for
hypertension whose diabetes visit is months late reads as exactly that).  Within a village group the
households follow each other in natural house-number order (2号 before 10号), each household's
members together, the head first: the order the doctor walks.  Every row says how many days
overdue (or in how many days due); a cell's short phrases never break inside ("(今天)").
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.codes import code_list
from app.services.institution import institution_profile
from app.services.printing.layout import (
    FONT,
    Labels,
    fit_line,
    fit_size,
    label_style,
    markup,
    numbered_canvas,
    page_numbers,
    para_style,
    register_font,
)
from app.services.programmes import worklist as worklists
from app.services.records.ordering import group_order, natural_key
from app.services.records.validators import age_on

PAGE = (297 * mm, 210 * mm)
MARGIN = 12 * mm
MIN_PRINT = 6.5  # pt: nothing on the worklist smaller


@dataclass
class ProgramDue:
    """One programme of a row: its own last visit, that visit's readings, and its due date."""

    program: str
    last_visit: dt.date | None
    next_due: dt.date
    days_overdue: int
    bp: str = ""
    glucose: str = ""


@dataclass
class VisitRow:
    resident_id: uuid.UUID
    name: str
    sex: str
    age: int
    address: str
    phone: str
    village: str
    group: str
    programs: list[str] = field(default_factory=list)
    last_visit: dt.date | None = None
    last_bp: str = ""
    last_glucose: str = ""
    next_due: dt.date | None = None
    days_overdue: int = 0
    household_id: uuid.UUID | None = None
    household_address: str = ""
    relation_to_head: str = "0"
    first_of_household: bool = True  # later members print "(same household)" instead of the address
    village_code: str = ""
    bp_on: dt.date | None = None  # the visit last_bp is from
    glucose_on: dt.date | None = None  # the visit last_glucose is from
    dues: list[ProgramDue] = field(default_factory=list)  # each programme's, as ``programs`` orders them


@dataclass
class HomeVisitList:
    title_place: str
    today: dt.date
    due_within: int
    rows: list[VisitRow]
    phone: str = ""
    address: str = ""


def home_visit_list(
    session: Session,
    *,
    due_within: int = 7,
    group_id: uuid.UUID | None = None,
    village_id: uuid.UUID | None = None,
    program: str | None = None,
    today: dt.date | None = None,
) -> HomeVisitList:
    """Overdue residents and those due within ``due_within`` days, one row per resident."""
    today = today or dt.date.today()
    items = [
        i
        for i in worklists.worklist(
            session, "all", program=program, group_id=group_id, village_id=village_id, today=today
        )
        if i.days_overdue >= -due_within
    ]
    rows: dict[uuid.UUID, VisitRow] = {}
    for i in items:
        row = rows.get(i.resident_id)
        if row is None:
            row = rows[i.resident_id] = VisitRow(
                i.resident_id,
                i.name,
                i.sex,
                age_on(i.birth_date, today),
                i.address,
                i.phone,
                i.village_name,
                i.group_name,
                household_id=i.household_id,
                household_address=i.household_address,
                relation_to_head=i.relation_to_head,
                village_code=i.village_code,
            )
        # the most urgent programme leads the row (its due date); the last visit and readings are
        # the latest of either programme (a diabetes visit of June hid November's 140/94)
        due = ProgramDue(
            i.program,
            i.last_visit,
            i.next_due,
            i.days_overdue,
            f"{i.last_sbp}/{i.last_dbp}" if i.last_sbp is not None else "",
            f"{i.last_glucose:.1f}" if i.last_glucose is not None else "",
        )
        if row.next_due is None or i.next_due < row.next_due:
            row.programs.insert(0, i.program)
            row.dues.insert(0, due)
            row.next_due, row.days_overdue = i.next_due, i.days_overdue
        else:
            row.programs.append(i.program)
            row.dues.append(due)
        seen_on = i.last_visit or dt.date.min
        if i.last_visit is not None and (row.last_visit is None or i.last_visit > row.last_visit):
            row.last_visit = i.last_visit
        if i.last_sbp is not None and (row.bp_on is None or seen_on > row.bp_on):
            row.last_bp, row.bp_on = f"{i.last_sbp}/{i.last_dbp}", seen_on
        if i.last_glucose is not None and (row.glucose_on is None or seen_on > row.glucose_on):
            row.last_glucose, row.glucose_on = f"{i.last_glucose:.1f}", seen_on
    ordered = by_household(list(rows.values()))
    org = institution_profile(session)
    return HomeVisitList(org.institution, today, due_within, ordered, org.phone, org.address)


def by_household(rows: list[VisitRow]) -> list[VisitRow]:
    """Village (by code), group (natural order), then households by house number, members together
    (head first)."""
    homes: dict[object, tuple] = {}
    for r in sorted(rows, key=lambda r: (r.relation_to_head != "0", r.name)):
        home = r.household_id or r.resident_id
        homes.setdefault(home, natural_key(r.household_address or r.address))  # the head's address leads
    ordered = sorted(
        rows,
        key=lambda r: (
            r.village_code,
            r.village,
            group_order(r.group),
            homes[r.household_id or r.resident_id],
            str(r.household_id or r.resident_id),
            r.relation_to_head != "0",
            r.relation_to_head,
            r.name,
        ),
    )
    previous = None
    for r in ordered:
        home = (r.village, r.group, r.household_id or r.resident_id)
        r.first_of_household = home != previous
        previous = home
    return ordered


def phrases(items: list[str], width_mm: float, size: float, *, align: int = 0) -> Paragraph:
    """Items ("高血压", "2型糖尿病") one to a line, never broken inside: the size shrinks until the
    widest fits the cell (2 mm padding each side), down to :data:`MIN_PRINT`; past that a phrase
    wraps at its spaces only."""
    return set_lines(items, phrases_size(items, width_mm, size), align=align)


def phrases_size(items: list[str], width_mm: float, size: float) -> float:
    """The size :func:`phrases` sets ``items`` at in a cell ``width_mm`` wide."""
    inner = (width_mm - 4) * mm
    return min((fit_size(t, inner, size, MIN_PRINT) for t in items), default=size)


def side_by_side(cells: list[tuple[list[str], float, int]], size: float) -> list[Paragraph]:
    """Cells of a row whose lines go together (line n of each is programme n's): (items, width
    in mm, alignment) each, all set at the size the tightest needs, so their lines stay level."""
    size = min(phrases_size(items, width, size) for items, width, _align in cells)
    return [set_lines(items, size, align=align) for items, _width, align in cells]


def set_lines(items: list[str], size: float, *, align: int = 0) -> Paragraph:
    style = para_style(size, size * 1.25, align=align)
    style.wordWrap = None  # break at spaces only: never inside 糖尿病 or "overdue"
    return Paragraph("<br/>".join(markup(t) for t in items), style)


TOP, BOTTOM = 21, 12  # mm: the margins, the top one holding the title and a line under it
SUBTITLE_LINE = 4  # mm: a second line under the title (the clinic's address and phone)
FRAME_PADDING = 6 / 72 * 25.4  # mm: reportlab's frame keeps 6 pt inside each margin
# mm of table a page holds: the page less its margins, the frame's padding above and below, and a
# margin for rules (without the padding a page of one-line rows overran and reportlab carried its
# last rows onto a page of their own, with no header)
PAGE_ROOM = 210 - TOP - BOTTOM - 2 * FRAME_PADDING - 1.0


def paginate(
    heights: list[float],
    blocks: list[tuple[int, int, int]],
    header: float,
    caption: float,
    fresh: frozenset[int] = frozenset(),
    room: float = PAGE_ROOM,
):
    """Pages of table rows: ``blocks`` are (group row, first member row, end) household spans in
    order; a household is split only when it is taller than a page of its own (then at a member,
    each page with the header and the caption again: reportlab broke the table itself, and the
    rest went on a page without either); a page that starts inside a group repeats its caption; a
    group row in ``fresh`` (the first group of each village on a township's list) starts a page, so
    each village's sheets can be handed to its doctor.
    Returns, per page, a list of (row index, continued caption?) with the header row left out."""
    pages: list[list[tuple[int, bool]]] = []
    page: list[tuple[int, bool]] = []
    used = header
    current_group = None
    members = 0  # member rows on the page: a page is never only its caption

    def turn(group_row: int | None) -> None:
        nonlocal page, used, members
        pages.append(page)
        page, used, members = [], header, 0
        if group_row is not None:  # the group goes on: its caption again, marked as continued
            page.append((group_row, True))
            used += caption

    for group_row, first, end in blocks:
        need = sum(heights[first:end])
        new_group = group_row != current_group
        if new_group:
            need += heights[group_row]
        if page and (used + need > room or (new_group and group_row in fresh)):
            turn(None if new_group else group_row)
        if new_group:
            page.append((group_row, False))
            used += heights[group_row]
            current_group = group_row
        for r in range(first, end):
            if members and used + heights[r] > room:
                turn(group_row)
            page.append((r, False))
            used += heights[r]
            members += 1
    if page:
        pages.append(page)
    return pages


def due_words(T: Labels, days_overdue: int) -> str:
    """When a follow-up is due, as a worklist says it: "逾期3天", "今天到期" or "5天后到期"
    (never "逾期0天"); in ``T``'s language."""
    if days_overdue > 0:
        return T("Print", "逾期{n}天").replace("{n}", str(days_overdue))
    if days_overdue == 0:
        return T("Print", "今天到期")
    return T("Print", "{n}天后到期").replace("{n}", str(-days_overdue))


def reading(T: Labels, due: ProgramDue) -> str:
    """A programme's last readings, as its line of the row shows them: "150/86 血糖6.2"."""
    glucose = T("Print", "血糖{value}").replace("{value}", due.glucose) if due.glucose else ""
    return " ".join(x for x in (due.bp, glucose) if x) or "—"


def render_home_visits(
    data: HomeVisitList,
    labels: Labels,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    T = labels
    register_font()
    body = para_style(8.5, 11)
    small = para_style(7.5, 9.5)
    head = label_style(T, 8.5, 11, align=1)
    columns = [
        (T("Print", "序号"), 9),
        (T("Print", "姓名"), 22),
        (T("Print", "性别/年龄"), 16),
        (T("Print", "家庭住址"), 56),
        (T("Print", "联系电话"), 25),
        (T("Print", "管理项目"), 22),
        (T("Print", "上次随访"), 20),
        (T("Print", "上次读数"), 24),
        (T("Print", "应随访日期"), 18),
        (T("Print", "逾期或到期"), 20),  # "逾期12天" or "6天后到期": the list holds both
        (T("Print", "已访✓"), 12),
        (T("Print", "备注"), 29),
    ]
    widths = [w for _t, w in columns]
    header = [Paragraph(markup(title), head) for title, _w in columns]
    table_rows: list[list] = [header]
    group_rows: list[int] = []
    captions: dict[int, str] = {}
    blocks: list[tuple[int, int, int]] = []  # (group row, first row, end) of each household
    number = 0
    village_starts: set[int] = set()  # the first group row of each village
    last_code: str | None = None
    # 性别/年龄 in one size down the column, the size its longest needs (未说明的性别/52 overran it)
    sex_age = {id(r): f"{T.code('sex', r.sex)}/{r.age}" for r in data.rows}
    sex_age_size = phrases_size(list(sex_age.values()), widths[2], 8.5)
    groups = groupby(data.rows, key=lambda r: (r.village_code, r.village, r.group))
    for (code, village, group), members in groups:
        members = list(members)
        if code != last_code:
            village_starts.add(len(table_rows))
            last_code = code
        caption = T("Print", "{village} {group}（{n}人）").format(
            village=village, group=group or T("Print", "未分组"), n=len(members)
        )
        group_row = len(table_rows)
        group_rows.append(group_row)
        captions[group_row] = caption
        table_rows.append([Paragraph(markup(caption), body)] + [""] * (len(columns) - 1))
        for r in members:
            if r.first_of_household:
                blocks.append((group_row, len(table_rows), len(table_rows)))
            number += 1
            address = r.address if r.first_of_household else T("Print", "（同户）")
            order = [c.code for c in code_list("program").codes]  # 高血压 before 2型糖尿病
            dues = sorted(r.dues, key=lambda d: order.index(d.program))
            programs, last_visits, readings, due_dates, overdue = side_by_side(
                [
                    ([T.code("program", d.program) for d in dues], widths[5], 0),
                    ([T.short_date(d.last_visit) or T("Print", "未随访") for d in dues], widths[6], 1),
                    ([reading(T, d) for d in dues], widths[7], 0),
                    ([T.short_date(d.next_due) for d in dues], widths[8], 1),
                    ([due_words(T, d.days_overdue) for d in dues], widths[9], 1),
                ],
                7.5,
            )
            table_rows.append(
                [
                    str(number),
                    Paragraph(markup(r.name), body),
                    set_lines([sex_age[id(r)]], sex_age_size, align=1),
                    Paragraph(markup(address), small),
                    Paragraph(markup(r.phone), small),
                    programs,
                    last_visits,
                    readings,
                    due_dates,
                    overdue,
                    "",
                    "",
                ]
            )
            group_row_, first, _end = blocks[-1]
            blocks[-1] = (group_row_, first, len(table_rows))
    if number == 0:
        table_rows.append(
            [Paragraph(markup(T("Print", "没有逾期或即将到期的随访对象")), body)] + [""] * (len(columns) - 1)
        )
        group_rows.append(len(table_rows) - 1)
        blocks.append((len(table_rows) - 1, len(table_rows), len(table_rows)))
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (6, 1), (6, -1), "CENTER"),
        ("ALIGN", (8, 1), (8, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    col_widths = [w * mm for _t, w in columns]

    def height(row: list, spanned: bool = False) -> float:
        """The row's height as the page's table draws it: a caption spans the whole width (measured
        in the 9 mm of 序号 alone it took 17 mm, and a full page broke after three quarters)."""
        span = [("SPAN", (0, 0), (-1, 0))] if spanned else []
        return Table([row], colWidths=col_widths, style=TableStyle(style + span)).wrap(0, 0)[1] / mm

    spanned = set(group_rows)
    heights = [height(row, i in spanned) for i, row in enumerate(table_rows)]
    continued = {
        g: [Paragraph(markup(captions[g] + T("Print", "（续）")), body)] + [""] * (len(columns) - 1)
        for g in captions
    }
    subtitle = [
        T("Print", "{place}  逾期及{days}天内到期  共{n}人  打印日期：{date}").format(
            place=data.title_place, days=data.due_within, n=number, date=T.date(data.today)
        )
    ]
    # the clinic's address and phone when the profile has them, never a bare label, on a line of
    # their own: after the list's own line they ran off the page's edge with the phone number
    contact = [T("Print", "地址：{address}").replace("{address}", data.address)] if data.address else []
    if data.phone:
        contact.append(T("Print", "联系电话：{phone}").replace("{phone}", data.phone))
    if contact:
        subtitle.append("  ".join(contact))
    story: list = []
    for n, page in enumerate(
        paginate(
            heights,
            blocks,
            heights[0],
            max((height(r, True) for r in continued.values()), default=0),
            frozenset(village_starts),
            PAGE_ROOM - SUBTITLE_LINE * (len(subtitle) - 1),
        )
    ):
        if n:
            story.append(PageBreak())
        rows_ = [header] + [continued[r] if again else table_rows[r] for r, again in page]
        page_style = list(style)
        for i, (r, _again) in enumerate(page, 1):
            if r in group_rows:
                page_style += [
                    ("SPAN", (0, i), (-1, i)),
                    ("BACKGROUND", (0, i), (-1, i), colors.Color(0.95, 0.95, 0.95)),
                ]
        table = Table(rows_, colWidths=col_widths)
        table.setStyle(TableStyle(page_style))
        story.append(table)

    title = T("Print", "入户随访工作单")
    width = PAGE[0] - 2 * MARGIN

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 15)
        canvas.drawCentredString(PAGE[0] / 2, PAGE[1] - 12 * mm, title)
        for n, line in enumerate(subtitle):
            fit_line(canvas, MARGIN, PAGE[1] - (18 + SUBTITLE_LINE * n) * mm, width, line, 9)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=(TOP + SUBTITLE_LINE * (len(subtitle) - 1)) * mm,
        bottomMargin=BOTTOM * mm,
        title=title,
        creator="CunYi 村医",
    )
    doc.build(
        [Spacer(1, 0), *story],
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=numbered_canvas(page_numbers(T)),
    )
    if progress:
        progress(1, 1)
    return buffer.getvalue()

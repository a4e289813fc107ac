"""个人基本信息表, filled from the record: the paper archive's second page.

Printed from the resident form's one declaration (``resident_form.RESIDENT_FORM``): its sections in
order, each field's label and the saved value as the form loads it (``resident_input_from``), coded
answers as their label with the code in a box, as the paper form has them.  A field added to the
declaration prints here without a change; composite fields (past diseases, family history …) say
how they read in :data:`COMPOSITES`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import code_list
from app.i18n import QT_TRANSLATE_NOOP
from app.models import PovertyHousehold, Resident, Village
from app.services.institution import clinic_for
from app.services.printing.layout import (
    FONT,
    Labels,
    cjk_canvas,
    fit_line,
    label_style,
    markup,
    para_style,
    register_font,
    text_width,
)
from app.services.programmes.poverty import POOR_STATUSES
from app.services.records import resident_form
from app.services.records.field_table import Field, Kind
from app.services.records.residents import resident_input_from

PAGE_W = 210
MARGIN = 12
LABEL_W = 38  # mm: the label column; the value takes the rest
KEEP_WHOLE_ROWS = 12  # a section of this many rows (its title's included) goes over a page whole


@dataclass(frozen=True)
class RecordRow:
    section: str  # the section title (untranslated source text)
    label: str  # the field label (untranslated source text, context "Field")
    value: str  # already in the document's language
    codes: tuple[str, ...] = ()  # coded answers, printed in boxes
    translated: bool = False  # the label is already in the document's language (a code's label)


@dataclass(frozen=True)
class RecordData:
    name: str
    archive_no: str
    institution: str
    rows: tuple[RecordRow, ...]


def _past_diseases(T: Labels, inp: Any, f: Field) -> tuple[str, tuple[str, ...]]:
    typed: dict[str, str] = getattr(inp, f.key) or {}
    other = getattr(inp, f.other, "") if f.other else ""
    parts = []
    for code, month in typed.items():
        label = T.code("past_disease", code)
        if other and code == "13":
            label += f"（{other}）" if T.lang == "zh" else f" ({other})"
        parts.append(f"{label} {month}".strip())
    return T.join(parts), tuple(typed)


def _history_asked(inp: Any) -> bool:
    """Whether the record's 既往史 was taken: a disease ticked, 无 included.  A record never asked
    (a roster's import) prints 手术, 外伤 and 输血 blank, to fill in by hand, not 无 [1] — as its
    疾病 row stays blank; once asked, no event recorded is 无."""
    return bool(getattr(inp, "past_diseases", None))


def _history_events(T: Labels, inp: Any, f: Field) -> tuple[str, tuple[str, ...]]:
    events = getattr(inp, f.key) or []
    if not events:
        return (T("Print", "无"), ()) if _history_asked(inp) else ("", ())
    parts = [f"{T.code('history_event', kind)}: {name} {day}".strip() for kind, name, day in events]
    return "; ".join(parts) if T.lang == "en" else "；".join(parts), ()


def _history_rows(T: Labels, inp: Any, f: Field) -> list[RecordRow]:  # noqa: N803
    """手术, 外伤 and 输血 each on its own row as the paper form has them: 1 无 / 2 有 in the box,
    then each event's name and date."""
    events = getattr(inp, f.key) or []
    rows = []
    for code in code_list("history_event").codes:
        mine = [(name, day) for kind, name, day in events if kind == code.code]
        label = code.label(T.lang)
        if not mine:
            if _history_asked(inp):
                rows.append(RecordRow("", label, T("Print", "无"), ("1",), translated=True))
            else:
                rows.append(RecordRow("", label, "", (), translated=True))
            continue
        sep = "; " if T.lang == "en" else "；"
        value = T("Print", "有") + " " + sep.join(f"{name} {day}".strip() for name, day in mine)
        rows.append(RecordRow("", label, value, ("2",), translated=True))
    return rows


def _family(T: Labels, inp: Any, f: Field) -> tuple[str, tuple[str, ...]]:
    typed: dict[str, list[str]] = getattr(inp, f.key) or {}
    relatives = {
        "father": T("Print", "父亲"),
        "mother": T("Print", "母亲"),
        "sibling": T("Print", "兄弟姐妹"),
        "child": T("Print", "子女"),
    }
    parts = []
    for rel in resident_form.RELATIVES:
        codes = typed.get(rel) or []
        if codes:  # each relative on a line, the codes in boxes after the labels, as on paper
            labels = T.join([T.code("family_disease", c) for c in codes])
            boxes = " ".join(f"[{c}]" for c in codes)
            sep = ": " if T.lang == "en" else "："
            parts.append(f"{relatives[rel]}{sep}{labels} {boxes}")
    other = getattr(inp, f.other, "") if f.other else ""
    if other:
        parts.append(other)
    return "\n".join(parts), ()


# Composite fields of the declaration, by their editor: how their value reads on paper.  The
# household (its head) and the village print as the record names them (see _context_values).
COMPOSITES: dict[str, Callable[[Labels, Any, Field], tuple[str, tuple[str, ...]]]] = {
    "past_diseases": _past_diseases,
    "history_events": _history_events,
    "family": _family,
}


def _value(T: Labels, inp: Any, f: Field, context: dict[str, str]) -> tuple[str, tuple[str, ...]]:  # noqa: N803
    if f.key in context:
        return context[f.key], ()
    if f.kind is Kind.CUSTOM:
        fmt = COMPOSITES.get(f.editor or "")
        return fmt(T, inp, f) if fmt else ("", ())
    raw = getattr(inp, f.key, None)
    if f.kind is Kind.CODE:
        return (T.code(f.codes, raw), (raw,)) if raw else ("", ())
    if f.kind is Kind.MULTI:
        codes = tuple(raw or [])
        labels = [T.code(f.codes, c) for c in codes]
        other = getattr(inp, f.other, "") if f.other else ""
        if other:
            labels.append(other)
        return T.join(labels), codes
    if f.kind is Kind.BOOL:
        if raw is None:
            return "", ()
        if f.choice:  # 遗传病史 "有": unticked reads 无, in its box the form's code (1 无 2 有)
            return (T("Field", f.choice) if raw else T("Print", "无")), ("2" if raw else "1",)
        return (T("Print", "是") if raw else T("Print", "否")), ()
    if f.kind is Kind.NUMBER and raw not in (None, ""):
        unit = T("Field", f.unit)
        if T.lang == "en" and str(raw) == "1" and unit.endswith("s"):
            unit = unit[:-1]  # "1 year", not "1 years"
        return f"{raw} {unit}".strip(), ()
    return ("" if raw is None else str(raw)), ()


def record_data(session: Session, resident_id, labels: Labels) -> RecordData:
    T = labels
    r: Resident = session.get(Resident, resident_id)
    inp = resident_input_from(r)
    village = session.get(Village, r.village_id)
    head = next((m for m in (r.household.members if r.household else []) if m.relation_to_head == "0"), None)
    context = {
        "village_code": village.name if village else "",
        "household_id": T("Print", "户主") + " " + head.name if head else "",
    }
    rows = []
    for section in resident_form.RESIDENT_FORM.sections:
        for f in section.fields:
            if f.kind is Kind.CUSTOM and f.editor == "history_events":
                rows += [
                    RecordRow(section.title, r.label, r.value, r.codes, True)
                    for r in _history_rows(T, inp, f)
                ]
                continue
            value, codes = _value(T, inp, f, context)
            rows.append(RecordRow(section.title, f.label, value, codes))
    rows += _programme_rows(session, r, T)
    return RecordData(r.name, r.archive_no, clinic_for(session, r.village_id).name, tuple(rows))


PROGRAMMES_SECTION = QT_TRANSLATE_NOOP("Field", "家庭医生签约与健康扶贫")


def _programme_rows(session: Session, r: Resident, T: Labels) -> list[RecordRow]:
    """What the record holds beyond the form (DOMAIN.md): the family-doctor contract (the one in
    force, a renewal yet to begin, signed on paper or not), the household's poverty registration
    and the patient's plan (一患一策), read from where their programmes keep them."""
    from app.models import FamilyContract
    from app.services.programmes import contracts, poverty
    from app.services.sync.capture import trusted_today

    today = trusted_today(session)
    terms = session.scalars(
        select(FamilyContract)
        .where(
            FamilyContract.resident_id == r.id,
            FamilyContract.voided.is_(False),
            FamilyContract.status == "active",
        )
        .order_by(FamilyContract.start_on)
    ).all()
    # those the printing user may see: never one hidden from them (a 严重精神障碍包 alone), which
    # would tell of the patient's registration (contracts.hidden, as every other list)
    terms = [c for c in terms if not contracts.hidden(session, c, r)]

    def term(c) -> str:
        text = (
            T("Print", "签约医生 {doctor}，{start} 至 {end}")
            .replace(
                "{doctor}",
                T("Print", "{doctor}（{team}）").replace("{doctor}", c.doctor).replace("{team}", c.team)
                if c.team
                else c.doctor,
            )
            .replace("{start}", T.date(c.start_on))
            .replace("{end}", T.date(c.end_on))
        )
        packages = contracts.visible_packages(session, c, r)
        if packages:
            text += T("Print", "，服务包：") + T("Print", "、").join(
                T.code("contract_package", p) for p in packages
            )
        if c.signature != contracts.SIGNED:
            text += T("Print", "（待居民签字）")
        return text

    current = [c for c in terms if c.start_on <= today]
    ahead = [c for c in terms if c.start_on > today]
    parts = []
    if current:
        parts.append(term(current[-1]))
        if current[-1].end_on < today and not ahead:
            parts[-1] += T("Print", "（已到期，待续约）")
    for c in ahead:  # a renewal signed ahead of the term it follows
        parts.append(T("Print", "续约：") + term(c))
    contract = "\n".join(parts) if parts else T("Print", "未签约")
    poor = session.scalar(
        select(PovertyHousehold).where(
            PovertyHousehold.household_id == r.household_id, PovertyHousehold.voided.is_(False)
        )
    )
    if poor is None or poor.status not in POOR_STATUSES:
        registration = T("Print", "否")
    else:
        bits = [T.code("poverty_status", poor.status)]
        if poor.cause:
            bits.append(T("Print", "致贫原因：") + T.code("poverty_cause", poor.cause))
        if poor.by_illness:
            bits.append(T("Print", "因病致贫"))
        if poor.relapse_by_illness:
            bits.append(T("Print", "因病返贫"))
        bits.append(T("Print", "{date}登记").replace("{date}", T.date(poor.registered_on)))
        registration = T("Print", "，").join(bits)
    rows = [
        RecordRow(PROGRAMMES_SECTION, QT_TRANSLATE_NOOP("Field", "家庭医生签约"), contract),
        RecordRow(PROGRAMMES_SECTION, QT_TRANSLATE_NOOP("Field", "贫困户"), registration),
    ]
    plan = poverty.readable_plans(session, {r.id}).get(r.id)
    if plan is not None:
        rows.append(
            RecordRow(
                PROGRAMMES_SECTION,
                QT_TRANSLATE_NOOP("Field", "一患一策"),
                T("Print", "{condition}，{track}，复核日期 {review}")
                .replace("{condition}", plan.condition)
                .replace("{track}", T.code("poverty_track", plan.track))
                .replace("{review}", T.date(plan.review_on)),
            )
        )
    return rows


def render_record(data: RecordData, labels: Labels) -> bytes:
    T = labels
    register_font()
    title = T("Print", "个人基本信息表")
    section_style = label_style(T, 9.5, 12)
    item_style = label_style(T, 8.5, 10.5)
    value_style = para_style(9, 11.5)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ]
    width = PAGE_W - 2 * MARGIN
    codes_w = 22
    widths = [LABEL_W * mm, (width - LABEL_W - codes_w) * mm, codes_w * mm]
    sections: list = []
    for title_text, section_rows in groupby(data.rows, key=lambda row: row.section):
        # one table a section, its title repeated at the head of a page it runs onto (生活环境 went
        # over a page without it); a short section is never split
        rows: list[list] = [[Paragraph(markup(T("Field", title_text)), section_style), "", ""]]
        for row in section_rows:
            boxes = " ".join(f"[{c}]" for c in row.codes)
            rows.append(
                [
                    Paragraph(markup(row.label if row.translated else T("Field", row.label)), item_style),
                    Paragraph(markup(row.value) or "&nbsp;", value_style),
                    Paragraph(markup(boxes), para_style(8.5, 10.5, align=2)),
                ]
            )
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(style))
        sections.append(table if len(rows) > KEEP_WHOLE_ROWS else KeepTogether([table]))
    header = Table(
        [
            [
                Paragraph(
                    markup(T("Print", "姓名：") + (" " if T.lang == "en" else "") + data.name),
                    para_style(10.5),
                ),
                Paragraph(
                    markup(T("Print", "编号") + " " + f"{data.archive_no[-8:-5]}-{data.archive_no[-5:]}"),
                    para_style(10.5, align=2),
                ),
            ]
        ],
        colWidths=[(width / 2) * mm, (width / 2) * mm],
    )
    header.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    footer_text = T("Print", "建档单位：{institution}").replace("{institution}", data.institution)

    who = (
        T("Print", "姓名：")
        + (" " if T.lang == "en" else "")
        + data.name
        + "    "
        + T("Print", "编号")
        + f" {data.archive_no[-8:-5]}-{data.archive_no[-5:]}"
    )

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        if doc.page > 1:  # a loose page still says whose it is
            canvas.drawString(MARGIN * mm, (297 - 8) * mm, who)
        number = T("Print", "第 {n} 页").replace("{n}", str(doc.page))
        canvas.drawRightString((PAGE_W - MARGIN) * mm, 8 * mm, number)
        # the unit's name and the date before the page number, never over it (a long name ran
        # into 第 1 页 and off the page)
        room = (PAGE_W - 2 * MARGIN) * mm - text_width(number, 8) - 4 * mm
        fit_line(canvas, MARGIN * mm, 8 * mm, room, footer_text, 8)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(210 * mm, 297 * mm),
        leftMargin=MARGIN * mm,
        rightMargin=MARGIN * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=f"{title} {data.name}",
        creator="CunYi 村医",
    )
    doc.build(
        [
            Paragraph(markup(title), para_style(16, 20, align=1)),
            Spacer(1, 3 * mm),
            header,
            Spacer(1, 2 * mm),
            *sections,
        ],
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=cjk_canvas,
    )
    return buffer.getvalue()

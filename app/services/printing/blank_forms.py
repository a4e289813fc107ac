"""Blank 随访服务记录表 (hypertension, type-2 diabetes) for days without power.

Laid out like the national forms (规范第三版): one A4 page, items down the left, four
visit columns to fill by hand, coded answers as "1 门诊 2 家庭 3 电话 □".  Option lists
come from ``app.codes``, so a province's code changes reach the paper form too.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.codes import code_list
from app.services.printing.layout import FONT, Labels, cjk_canvas, markup, para_style, register_font

VISITS = 4
ROOM_MM = 252  # the table's share of the A4 page below the title and above the note
PROGRAMS = ("htn", "t2dm")


def _options(labels: Labels, list_name: str, *, codes: tuple[str, ...] | None = None) -> str:
    items = [c for c in code_list(list_name) if codes is None or c.code in codes]
    return " ".join(f"{c.code}{c.label(labels.lang)}" for c in items) + " □"


def _symptom_list(T: Labels, list_name: str) -> str:  # noqa: N803
    lines = [f"{c.code} {c.label(T.lang)}" for c in code_list(list_name)]
    return "<br/>".join(markup(x) for x in lines) + "<br/>" + markup(T("Print", "10 其他"))


def _rows(program: str, T: Labels) -> list[tuple[str, str, str, float]]:
    """(section, item, what each visit cell shows, row height mm); section "" = item spans both."""
    sym_list = "htn_symptom" if program == "htn" else "t2dm_symptom"
    n_sym = len(code_list(sym_list).codes)
    rows: list[tuple[str, str, str, float]] = [
        ("", T("Print", "随访日期"), "", 6),
        ("", T("Print", "随访方式"), _options(T, "followup_method"), 6),
        (
            T("Print", "症状"),
            _symptom_list(T, sym_list),
            "/".join(["□"] * n_sym) + "<br/>" + T("Print", "其他："),
            4.0 * (n_sym + 1),
        ),
        (T("Print", "体征"), T("Print", "血压（mmHg）"), "", 5.5),
        (T("Print", "体征"), T("Print", "体重（kg）"), "/", 5.5),
        (T("Print", "体征"), T("Print", "体质指数（kg/m²）"), "/", 5.5),
    ]
    if program == "htn":
        rows.append((T("Print", "体征"), T("Print", "心率（次/分钟）"), "", 5.5))
    else:
        rows.append(
            (
                T("Print", "体征"),
                T("Print", "足背动脉搏动"),
                "1"
                + T("Print", "触及正常")
                + " 2"
                + T("Print", "减弱（双侧 左侧 右侧）")
                + " 3"
                + T("Print", "消失（双侧 左侧 右侧）")
                + " □",
                9,
            )
        )
    rows += [
        (T("Print", "体征"), T("Print", "其他"), "", 5.5),
        (T("Print", "生活方式指导"), T("Print", "日吸烟量（支）"), "/", 5.5),
        (T("Print", "生活方式指导"), T("Print", "日饮酒量（两）"), "/", 5.5),
        (
            T("Print", "生活方式指导"),
            T("Print", "运动"),
            T("Print", "＿次/周 ＿分钟/次") + "<br/>" + T("Print", "＿次/周 ＿分钟/次"),
            8,
        ),
    ]
    if program == "htn":
        rows.append(
            (
                T("Print", "生活方式指导"),
                T("Print", "摄盐情况（咸淡）"),
                T("Print", "轻/中/重 / 轻/中/重"),
                5.5,
            )
        )
    else:
        rows.append((T("Print", "生活方式指导"), T("Print", "主食（克/天）"), "/", 5.5))
    rows += [
        (T("Print", "生活方式指导"), T("Print", "心理调整"), _options(T, "good_fair_poor"), 5.5),
        (T("Print", "生活方式指导"), T("Print", "遵医行为"), _options(T, "good_fair_poor"), 5.5),
    ]
    if program == "htn":
        rows.append(("", T("Print", "辅助检查*"), "", 8))
    else:
        rows += [
            (T("Print", "辅助检查"), T("Print", "空腹血糖值"), T("Print", "＿＿mmol/L"), 5.5),
            (
                T("Print", "辅助检查"),
                T("Print", "其他检查*"),
                T("Print", "糖化血红蛋白＿＿%") + "<br/>" + T("Print", "检查日期：＿月＿日"),
                8,
            ),
        ]
    rows += [
        ("", T("Print", "服药依从性"), _options(T, "adherence"), 5.5),
        ("", T("Print", "药物不良反应"), "1" + T("Print", "无") + " 2" + T("Print", "有＿＿") + " □", 5.5),
    ]
    if program == "t2dm":
        rows.append(("", T("Print", "低血糖反应"), _options(T, "hypoglycaemia"), 5.5))
    rows.append(("", T("Print", "此次随访分类"), _options(T, "visit_class"), 8))
    dose = T("Print", "每日＿次 每次＿mg")
    for i in (1, 2, 3):
        rows += [
            (T("Print", "用药情况"), T("Print", "药物名称{n}").replace("{n}", str(i)), "", 5.5),
            (T("Print", "用药情况"), T("Print", "用法用量"), dose, 5.5),
        ]
    if program == "t2dm":
        rows += [
            (T("Print", "用药情况"), T("Print", "胰岛素"), T("Print", "种类："), 5.5),
            (T("Print", "用药情况"), T("Print", "用法和用量"), "", 5.5),
        ]
    else:
        rows += [
            (T("Print", "用药情况"), T("Print", "其他药物"), "", 5.5),
            (T("Print", "用药情况"), T("Print", "用法用量"), dose, 5.5),
        ]
    rows += [
        (T("Print", "转诊"), T("Print", "原因"), "", 5.5),
        (T("Print", "转诊"), T("Print", "机构及科别"), "", 5.5),
        ("", T("Print", "下次随访日期"), "", 6),
        ("", T("Print", "随访医生签名"), "", 6),
    ]
    return rows


def render_blank_form(program: str, labels: Labels) -> bytes:
    if program not in PROGRAMS:
        raise ValueError(program)
    T = labels
    register_font()
    title = (
        T("Print", "高血压患者随访服务记录表")
        if program == "htn"
        else T("Print", "2型糖尿病患者随访服务记录表")
    )
    item_style = para_style(7.5, 9)
    cell_style = para_style(6.8, 8.2)
    rows = _rows(program, T)
    widths = [16 * mm, 30 * mm] + [33.5 * mm] * VISITS
    data = []
    heights = []
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
    ]
    section_start: dict[str, int] = {}
    for i, (section, item, cell, height) in enumerate(rows):
        # item labels are ours, cells may carry <br/> markup we built ourselves
        item_cell = Paragraph(item if "<br/>" in item else markup(item), item_style)
        visit_cell = Paragraph(cell if "<br/>" in cell else markup(cell), cell_style) if cell else ""
        if section:
            data.append([Paragraph(markup(section), item_style), item_cell] + [visit_cell] * VISITS)
            if section not in section_start:
                section_start[section] = i
            else:
                style.append(("SPAN", (0, section_start[section]), (0, i)))
        else:
            data.append([item_cell, ""] + [visit_cell] * VISITS)
            style.append(("SPAN", (0, i), (1, i)))
        heights.append(height * mm)
    # rows as tall as the page allows: room to write by hand
    scale = min(1.6, ROOM_MM * mm / sum(heights))
    table = Table(data, colWidths=widths, rowHeights=[h * scale for h in heights])
    table.setStyle(TableStyle(style))
    header = Table(
        [
            [
                Paragraph(markup(T("Print", "姓名：") + "＿＿＿＿＿＿＿＿"), para_style(10)),
                Paragraph(markup(T("Print", "编号") + "□□□-□□□□□"), para_style(10, align=2)),
            ]
        ],
        colWidths=[100 * mm, 100 * mm],
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
    title_para = Paragraph(markup(title), para_style(15, 18, align=1))
    note = Paragraph(
        markup(
            T("Print", "填表说明：在□中填写选项编号；多选项在对应□中逐一填写。*辅助检查填写检查项目及结果。")
        ),
        para_style(6.5, 8),
    )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(210 * mm, 297 * mm),
        leftMargin=5 * mm,
        rightMargin=5 * mm,
        topMargin=8 * mm,
        bottomMargin=6 * mm,
        title=title,
        creator="CunYi 村医",
    )
    doc.build(
        [title_para, Spacer(1, 2 * mm), header, Spacer(1, 1.5 * mm), table, Spacer(1, 1 * mm), note],
        canvasmaker=cjk_canvas,
    )
    return buffer.getvalue()

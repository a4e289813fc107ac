"""随访质量督导表: the sheet a township supervisor takes to each village — what the quality report
found there, per kind and per doctor, the records to look at together, and room for the findings
of the visit and both signatures.  Portrait A4, one village per sheet (more pages when the list is
long); "第 n 页 / 共 m 页" at the foot.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.services.printing.layout import (
    FONT,
    Labels,
    grid_table,
    markup,
    numbered_canvas,
    page_numbers,
    para_style,
    register_font,
)
from app.services.quality.report import KINDS, QualityReport

PAGE = (210 * mm, 297 * mm)
MARGIN = 14 * mm
MAX_PER_KIND = 12  # records listed per village and kind; the workbook has them all
FILL_ROWS = 24  # rows a sheet lists at least when there are as many (one kind alone left half a page blank)


class _SheetMark(Flowable):
    """Takes no room: the next village's sheet begins after it (its line for later pages)."""

    def __init__(self, sheet: dict, label: str):
        super().__init__()
        self.sheet, self.label = sheet, label

    def wrap(self, *_args):
        return 0, 0

    def draw(self) -> None:
        self.sheet["village"], self.sheet["first"] = self.label, True


def render_supervision_sheets(report: QualityReport, labels: Labels, institution: str = "") -> bytes:
    """One sheet per village of ``report`` (villages without findings too: a clean bill is news)."""
    T = labels
    register_font()
    body, small = para_style(8.5, 11), para_style(7.5, 9.5)
    heading = para_style(10, 14)
    title = T("Print", "随访质量督导表")
    story: list = []
    # Which village the pages belong to, for the line at the top of a sheet's later pages: set
    # before the break that starts a village's sheet, read when each page begins (on_page).
    sheet: dict = {"village": None, "first": True}
    for index, (code, name) in enumerate(report.villages):
        label = T("Print", "{village}（{code}）（续）").format(village=name, code=code)
        if index:
            story += [_SheetMark(sheet, label), PageBreak()]
        else:
            sheet["village"] = label
        found = report.of_village(code)
        story.append(
            Paragraph(
                markup(
                    T("Print", "{village}（{code}）  检查期间：{start} 至 {end}  打印日期：{today}").format(
                        village=name,
                        code=code,
                        start=T.date(report.period.start),
                        end=T.date(report.period.end),
                        today=T.date(report.today),
                    )
                ),
                heading,
            )
        )
        story.append(Spacer(1, 3 * mm))
        counts = {k: 0 for k in KINDS}
        for f in found:
            counts[f.kind] += 1
        kind_rows = [[T("Print", "问题类型"), T("Print", "条数")]]
        kind_rows += [[Paragraph(markup(T("Quality", KINDS[k])), body), str(n)] for k, n in counts.items()]
        kind_rows.append([T("Print", "合计"), str(len(found))])
        doctors: dict[str, dict[str, int]] = {}
        for f in found:
            doctors.setdefault(f.doctor or T("Print", "未填写"), {}).setdefault(f.kind, 0)
            doctors[f.doctor or T("Print", "未填写")][f.kind] += 1
        doctor_rows = [[T("Print", "医生"), T("Print", "问题")]]
        for doctor, per_kind in sorted(doctors.items()):
            text = T.join([f"{T('Quality', KINDS[k])} {n}" for k, n in per_kind.items()])
            doctor_rows.append([Paragraph(markup(doctor), body), Paragraph(markup(text), small)])
        if len(doctor_rows) == 1:
            doctor_rows.append([T("Print", "无"), ""])
        side_by_side = Table(
            [[grid_table(kind_rows, [44, 14], align_right=(1,)), grid_table(doctor_rows, [26, 92])]],
            colWidths=[62 * mm, 120 * mm],
        )
        side_by_side.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        story += [side_by_side, Spacer(1, 4 * mm)]
        chosen, shown = set(), dict.fromkeys(KINDS, 0)
        for i, f in enumerate(found):  # every kind gets its share first …
            if shown[f.kind] < MAX_PER_KIND:
                shown[f.kind] += 1
                chosen.add(i)
        for i in range(len(found)):  # … then the page is filled from the rest, in order
            if len(chosen) >= FILL_ROWS:
                break
            chosen.add(i)
        listed = [f for i, f in enumerate(found) if i in chosen]
        story.append(Paragraph(markup(T("Print", "需要核对的记录")), heading))
        rows = [[T("Print", "序号"), T("Print", "问题类型"), T("Print", "姓名"), T("Print", "档案编号"),
                 T("Print", "随访日期"), T("Print", "说明"), T("Print", "已核✓")]]  # fmt: skip
        for n, f in enumerate(listed, 1):
            rows.append(
                [
                    str(n),
                    Paragraph(markup(T("Quality", KINDS[f.kind])), small),
                    Paragraph(markup(f.name), small),
                    Paragraph(
                        markup(f"{f.archive_no[9:12]}-{f.archive_no[12:]}" if f.archive_no else ""), small
                    ),
                    T.short_date(f.visit_date),
                    Paragraph(markup(f.render_detail(T.translate)), small),
                    "",
                ]
            )
        if not listed:
            rows.append(["", Paragraph(markup(T("Print", "本期未发现问题")), body), "", "", "", "", ""])
        story.append(grid_table(rows, [9, 24, 16, 17, 18, 80, 18]))
        if len(found) > len(listed):
            story.append(
                Paragraph(
                    markup(
                        T("Print", "另有 {n} 条未列出，见质量页导出的电子表格").format(
                            n=len(found) - len(listed)
                        )
                    ),
                    small,
                )
            )
        story.append(Spacer(1, 5 * mm))
        remarks = [
            [Paragraph(markup(T("Print", "督导意见及整改要求：")), body)],
            [""],
            [
                Paragraph(
                    markup(
                        T(
                            "Print",
                            "督导人（签字）：＿＿＿＿＿＿  村医（签字）：＿＿＿＿＿＿  日期：＿＿＿＿＿＿",
                        )
                    ),
                    body,
                )
            ],
        ]
        box = Table(remarks, colWidths=[182 * mm], rowHeights=[7 * mm, 32 * mm, 9 * mm])
        box.setStyle(
            TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        story.append(KeepTogether(box))

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 15)
        canvas.drawCentredString(PAGE[0] / 2, PAGE[1] - 13 * mm, title)
        if institution:
            canvas.setFont(FONT, 9)
            canvas.drawCentredString(PAGE[0] / 2, PAGE[1] - 19 * mm, institution)
        if sheet["first"]:  # the sheet's first page: its heading names the village
            sheet["first"] = False
        elif sheet["village"]:
            canvas.setFont(FONT, 9)
            canvas.drawString(MARGIN, PAGE[1] - 22 * mm, sheet["village"])
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=24 * mm,
        bottomMargin=14 * mm,
        title=title,
        creator="CunYi 村医",
    )
    if not story:
        story.append(Paragraph(markup(T("Print", "没有可打印的村")), body))
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=numbered_canvas(page_numbers(T)))
    return buffer.getvalue()


def write_supervision_sheets(session, report: QualityReport, labels: Labels, path) -> Path:
    """The sheets of ``report`` written to ``path`` (a .pdf), and the export audited."""
    from app.services.access import audit
    from app.services.printing import write_pdf
    from app.services.profile import get_profile

    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    written = write_pdf(path, render_supervision_sheets(report, labels, get_profile(session).institution))
    audit.exported(session, "quality_report", len(report.findings), written)
    return written

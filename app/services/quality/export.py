"""The quality report as an xlsx workbook for the county: a summary sheet (villages × kinds), one
sheet per doctor's counts, and every finding.  Cells go through ``safe_output`` (a name typed as a
formula stays text; archive numbers stay digits)."""

from __future__ import annotations

from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP
from app.services import safe_output
from app.services.access import audit
from app.services.errors import Translate
from app.services.quality.report import KINDS, QualityReport

CTX = "Quality"
FONT_NAME = "宋体"  # what county offices' Excel and WPS show Chinese in

SHEETS = {
    "summary": QT_TRANSLATE_NOOP("Quality", "汇总"),
    "doctors": QT_TRANSLATE_NOOP("Quality", "按医生"),
    "findings": QT_TRANSLATE_NOOP("Quality", "问题明细"),
}
HEADERS = {
    "village_code": QT_TRANSLATE_NOOP("Quality", "村代码"),
    "village": QT_TRANSLATE_NOOP("Quality", "村"),
    "total": QT_TRANSLATE_NOOP("Quality", "合计"),
    "visits": QT_TRANSLATE_NOOP("Quality", "核查随访数"),
    "doctor": QT_TRANSLATE_NOOP("Quality", "医生"),
    "kind": QT_TRANSLATE_NOOP("Quality", "问题类型"),
    "count": QT_TRANSLATE_NOOP("Quality", "条数"),
    "archive_no": QT_TRANSLATE_NOOP("Quality", "档案编号"),
    "name": QT_TRANSLATE_NOOP("Quality", "姓名"),
    "visit_date": QT_TRANSLATE_NOOP("Quality", "随访日期"),
    "detail": QT_TRANSLATE_NOOP("Quality", "说明"),
    "title": QT_TRANSLATE_NOOP("Quality", "随访质量报告 {start} 至 {end}"),
}


def _identity(_context: str, text: str) -> str:
    return text


def write_workbook(session, report: QualityReport, dest: Path, translate: Translate | None = None) -> Path:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    tl = translate or _identity
    h = {k: tl(CTX, v) for k, v in HEADERS.items()}
    kinds = list(KINDS)
    wb = openpyxl.Workbook()
    plain, bold = Font(name=FONT_NAME, size=11), Font(name=FONT_NAME, size=11, bold=True)

    def sheet(ws, header: list[str], rows: list[list], widths: list[int], text_columns=(0,), title=""):
        if title:
            safe_output.append_xlsx_row(ws, [title])
            ws.cell(row=1, column=1).font = Font(name=FONT_NAME, size=13, bold=True)
        safe_output.append_xlsx_row(ws, header)
        head_row = ws.max_row
        for c in ws[head_row]:
            c.font = bold
        for row in rows:
            safe_output.append_xlsx_row(ws, row, text_columns=text_columns)
            for c in ws[ws.max_row]:
                c.font = plain
        ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w

    counts = {(r.village_code, r.kind): r.count for r in report.summary()}
    summary_rows = []
    for code, name in report.villages:
        per_kind = [counts.get((code, k), 0) for k in kinds]
        summary_rows.append([code, name, *per_kind, sum(per_kind)])
    totals = [sum(r[2 + i] for r in summary_rows) for i in range(len(kinds))]
    summary_rows.append(["", h["total"], *totals, sum(totals)])
    ws = wb.active
    ws.title = tl(CTX, SHEETS["summary"])
    title = h["title"].format(start=report.period.start.isoformat(), end=report.period.end.isoformat())
    sheet(
        ws,
        [h["village_code"], h["village"], *(tl(CTX, KINDS[k]) for k in kinds), h["total"]],
        summary_rows,
        [15, 14, *([12] * len(kinds)), 9],
        title=tl(CTX, QT_TRANSLATE_NOOP("Quality", "{title}（{visits} {n}）")).format(
            title=title, visits=h["visits"], n=report.visits
        ),
    )
    names = dict(report.villages)
    sheet(
        wb.create_sheet(tl(CTX, SHEETS["doctors"])),
        [h["village_code"], h["village"], h["doctor"], h["kind"], h["count"]],
        [[v, names.get(v, ""), d, tl(CTX, KINDS[k]), n] for v, d, k, n in report.by_doctor()],
        [15, 14, 14, 16, 8],
    )
    sheet(
        wb.create_sheet(tl(CTX, SHEETS["findings"])),
        [
            h["village_code"],
            h["village"],
            h["kind"],
            h["doctor"],
            h["archive_no"],
            h["name"],
            h["visit_date"],
            h["detail"],
        ],
        [
            [
                f.village_code,
                f.village_name,
                tl(CTX, KINDS[f.kind]),
                f.doctor,
                f.archive_no,
                f.name,
                f.visit_date.isoformat() if f.visit_date else "",
                f.render_detail(translate),
            ]
            for f in report.findings
        ],
        [15, 12, 16, 12, 20, 10, 12, 70],
        text_columns=(0, 4),
    )
    written = safe_output.save_workbook(dest, wb)
    audit.exported(session, "quality_report", len(report.findings), written)
    return written

"""The indicator report for the county: plain data (the CLI's ``--json``), an Excel workbook laid
out like the official tables, and a PDF summary.

One shape feeds all three (:func:`report_data`), so the workbook, the PDF and the JSON never
disagree.  Labels are Simplified Chinese marked for translation; pass ``translate`` (the GUI's
translator) to get them in the UI language.  Cells go through ``safe_output``.
"""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.services import profile
from app.services.access import audit
from app.services.errors import Message, Translate
from app.services.indicators import ALL, COUNT, COUNTS, KINDS, PERIODS, Period, engine
from app.services.programmes.education import falls_short  # (education progress's rule too)
from app.services.records.ordering import group_order
from app.services.sync.capture import trusted_today

CTX = "Report"
RATE_DIGITS = 4  # rates are fractions rounded to 4 places (0.7509 = 75.09%) everywhere
XLSX_FONT = "宋体"  # what the official tables are set in; Excel and WPS substitute if missing

SUMMARY_SHEET = QT_TRANSLATE_NOOP("Report", "汇总")
TOWNSHIP = QT_TRANSLATE_NOOP("Report", "全乡镇")
TOTAL = QT_TRANSLATE_NOOP("Report", "合计")  # (the total of a report of one village: no township in it)
COUNTY = QT_TRANSLATE_NOOP("Report", "全县")
VILLAGE = QT_TRANSLATE_NOOP("Report", "村")
TOWNSHIP_UNIT = QT_TRANSLATE_NOOP("Report", "乡镇")
YES, NO = QT_TRANSLATE_NOOP("Report", "是"), QT_TRANSLATE_NOOP("Report", "否")
PDF_TITLE = QT_TRANSLATE_NOOP("Report", "基本公共卫生服务指标汇总表")
SUMMARY_HEADERS = (
    QT_TRANSLATE_NOOP("Report", "序号"),
    QT_TRANSLATE_NOOP("Report", "指标"),
    QT_TRANSLATE_NOOP("Report", "分子"),
    QT_TRANSLATE_NOOP("Report", "分母"),
    QT_TRANSLATE_NOOP("Report", "率"),
    QT_TRANSLATE_NOOP("Report", "目标"),
)
# The summary's columns for the indicators counted against a yearly minimum (health education's)
COUNT_HEADERS = (
    QT_TRANSLATE_NOOP("Report", "活动类指标"),
    QT_TRANSLATE_NOOP("Report", "完成"),
    QT_TRANSLATE_NOOP("Report", "最低要求"),
    QT_TRANSLATE_NOOP("Report", "达标情况"),
)
LIST_HEADERS = (
    QT_TRANSLATE_NOOP("Report", "档案编号"),
    QT_TRANSLATE_NOOP("Report", "姓名"),
    QT_TRANSLATE_NOOP("Report", "村"),
    QT_TRANSLATE_NOOP("Report", "村民小组"),
    QT_TRANSLATE_NOOP("Report", "计入分子"),
    QT_TRANSLATE_NOOP("Report", "原因"),
)
ACTIVITY_HEADERS = (  # a count indicator's list: each line an activity (as the drill-down shows it)
    QT_TRANSLATE_NOOP("Report", "活动主题"),
    QT_TRANSLATE_NOOP("Report", "村或单位"),
    QT_TRANSLATE_NOOP("Report", "活动"),
)


def line_cells(line: engine.ResidentLine, yes: str, no: str, translate: Translate) -> tuple[str, ...]:
    """One line of a drill-down as its list shows it (:data:`LIST_HEADERS`), on screen and in the
    workbook."""
    return (
        line.archive_no,
        line.name,
        line.village_name,
        line.group,
        yes if line.counted else no,
        line.reason.render(translate),
    )


def _identity(_context: str, text: str) -> str:
    return text


def _village_label(village: engine.VillageRef | engine.TownshipRef, translate: Translate) -> str:
    return Message(
        CTX, QT_TRANSLATE_NOOP("Report", "{name}（{code}）"), {"name": village.name, "code": village.code}
    ).render(translate)


def _units(report: engine.Report) -> tuple[str, list]:
    """The columns of a summary: a county's townships (``"townships"`` of :func:`report_data`), or a
    township's villages."""
    if len(report.townships) > 1:
        return "townships", list(report.townships)
    return "villages", list(report.villages)


def _own_of(indicators: list[dict], unit_key: str) -> tuple[str, list[dict | None]] | None:
    """A township report's own figures beside its villages' (:func:`report_data`'s ``"own"``): the
    township's name and each indicator's own figure (None: the indicator has none), or None when
    no indicator has any (or the columns are a county's townships, whose own is in their figure)."""
    if unit_key != "villages":
        return None
    figures = [ind["townships"][0].get("own") if len(ind["townships"]) == 1 else None for ind in indicators]
    if not any(figures):
        return None
    name = next(ind["townships"][0]["name"] for ind, f in zip(indicators, figures, strict=True) if f)
    return name, figures


def own_label(township: str, translate: Translate = _identity) -> str:
    """The row of what is a township's own (its health-education activities): "东风乡卫生院本级"."""
    return translate(CTX, QT_TRANSLATE_NOOP("Report", "{township}本级")).format(township=township)


def rate(value: float | None) -> float | None:
    return None if value is None else round(value, RATE_DIGITS)


# The words of a count indicator's figure, by unit: activities held (次), kinds given out (种), or
# periods with an activity (期: a month, two months).
_COUNT_WORDS = {
    COUNT: (
        QT_TRANSLATE_NOOP("Report", "{n} 次"),
        QT_TRANSLATE_NOOP("Report", "最低 {n} 次"),
        QT_TRANSLATE_NOOP("Report", "差 {n} 次"),
    ),
    KINDS: (
        QT_TRANSLATE_NOOP("Report", "{n} 种"),
        QT_TRANSLATE_NOOP("Report", "最低 {n} 种"),
        QT_TRANSLATE_NOOP("Report", "差 {n} 种"),
    ),
    PERIODS: (
        QT_TRANSLATE_NOOP("Report", "{n} 期"),
        QT_TRANSLATE_NOOP("Report", "最低 {n} 期"),
        QT_TRANSLATE_NOOP("Report", "差 {n} 期"),
    ),
}


# Said on every output of a report made by a user who may not see 严重精神障碍 patients (Report.withheld),
# naming the indicators that differ (Indicator.withheld): withheld_note
WITHHELD = QT_TRANSLATE_NOOP(
    "Report",
    "注：制表人不能查看全部严重精神障碍患者（责任医生只能查看自己负责的），本表只含其能查看的；"
    "以下指标与有权限者所见不同：{names}。"
    "完整的表须由有“精神卫生”权限的人员制作（由管理员在“用户”页授予）",
)


def withheld_indicators(report: engine.Report) -> list[engine.IndicatorResult]:
    """The report's indicators a reader who may not see 严重精神障碍 patients sees otherwise."""
    if not report.withheld:
        return []
    return [r for r in report.results if engine.get_indicator(r.key).withheld is not None]


# What stands for the figures of an indicator counting only patients its reader may not see
# (unseen): never "0 / 0", which reads as "no patients" wherever the figure goes
NOT_SEEN = QT_TRANSLATE_NOOP("Report", "无权查看")


def _figures_withheld(report: engine.Report, result: engine.IndicatorResult) -> engine.IndicatorResult:
    """``result`` with every figure unknown (None), its villages' and every group's: what its
    reader may not see is not 0."""
    import dataclasses

    none = engine.Figure(None, None)
    return dataclasses.replace(
        result,
        total=none,
        villages=dict.fromkeys(result.villages, none),
        groups=dict.fromkeys((g.id for g in report.groups), none),
        own={},
    )


def unseen(report: engine.Report, result: engine.IndicatorResult) -> bool:
    """Whether ``result`` counts only patients its reader may not see (Indicator.withheld ALL): its
    0/0 is not "no patients"."""
    return report.withheld and engine.get_indicator(result.key).withheld == ALL


def withheld_note(report: engine.Report, translate: Translate = _identity) -> str | None:
    """:data:`WITHHELD` for ``report``, or None when its maker sees everything."""
    if not report.withheld:
        return None
    names = tuple(Message("Indicator", r.name) for r in withheld_indicators(report))
    return Message(CTX, WITHHELD, {"names": names}).render(translate)


# Said on every output of a report where a village's population figure is missing: the rates over
# that figure have no township (or county) total until every village has one (engine.Figure).
MISSING_POPULATION = QT_TRANSLATE_NOOP(
    "Report",
    "注：{villages}尚未录入 {year} 年的人口数，{indicators}的比率暂缺（人口数在乡镇卫生院工作台的“人口数…”中录入）",
)
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Report", "、")


def missing_population_note(report: engine.Report, translate: Translate = _identity) -> str | None:
    """:data:`MISSING_POPULATION` for ``report``, naming the villages and the indicators; None when
    every village's figures are in."""
    missing = {code for r in report.results for code in r.missing_figures}
    if not missing:
        return None
    sep = translate(CTX, LIST_SEPARATOR)
    names = [_village_label(v, translate) for v in report.villages if v.code in missing]
    indicators = [translate("Indicator", r.name) for r in report.results if r.missing_figures]
    return Message(
        CTX,
        MISSING_POPULATION,
        {"villages": sep.join(names), "year": report.period.start.year, "indicators": sep.join(indicators)},
    ).render(translate)


REFERENCE_DAY = QT_TRANSLATE_NOOP(
    "Report",
    "注：签约率按 {day} 计，分母是当天在册的居民、当天仍在管理的患者；规范管理率和控制率的分母是 {start} 至 {end}"
    " 间任何时候在管理的患者，故两处的患者人数可以不同",
)


def counted_on_one_day(result: engine.IndicatorResult) -> bool:
    """Whether ``result`` is a 签约率, counted on the period's reference day (:data:`REFERENCE_DAY`)."""
    from app.services.indicators.services import PROGRAMME

    return result.programme == PROGRAMME and "contract" in result.key


def reference_day_note(report: engine.Report, translate: Translate = _identity) -> str | None:
    """Why a programme's patients are fewer in its 签约率 than in its 规范管理率 (the patients whose
    management ended during the period): the day contracts are counted on.  None without a contract
    indicator in ``report``."""
    from app.services.indicators.services import reference_day

    if not any(map(counted_on_one_day, report.results)):
        return None
    period = report.period
    return Message(
        CTX, REFERENCE_DAY, {"day": reference_day(period), "start": period.start, "end": period.end}
    ).render(translate)


# Who made a report when it was the command line's system account (heading_lines)
SYSTEM_ACCOUNT = QT_TRANSLATE_NOOP("Report", "本机系统账户（命令行，可见全部数据）")


def heading_lines(session: Session, report: engine.Report, translate: Translate = _identity) -> list[str]:
    """What a summary says under its title, on paper and in the workbook: the period, the unit,
    who made it (what they may see decides what it holds: :data:`WITHHELD`) and when, then the notes."""
    from app.services.access.actor import actor

    who = actor(session)
    lines = [
        Message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Report",
                "统计时间：{start} 至 {end}    填报单位：{unit}    制表人：{who}    生成日期：{today}",
            ),
            {
                "start": report.period.start,
                "end": report.period.end,
                "unit": profile.profile_info(session).institution,
                "who": translate(CTX, SYSTEM_ACCOUNT)
                if who.is_system
                else f"{who.display_name}（{who.username}）",
                "today": trusted_today(session),
            },
        ).render(translate)
    ]
    if (withheld := withheld_note(report, translate)) is not None:
        lines.append(withheld)
    if (missing := missing_population_note(report, translate)) is not None:
        lines.append(missing)
    if (day := reference_day_note(report, translate)) is not None:
        lines.append(day)
    return lines


def rate_text(rate: float | None) -> str:
    """A rate as every screen and paper shows it, "80.1%" ("—" without one).  Give it the exact
    quotient (:func:`figure_rate_text`), never a rate already rounded (:func:`rate`): 3002/3750 is
    80.05…%, and its rounded 0.8005 printed as 80.0% where the screen said 80.1%."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def figure_rate_text(numerator: int, denominator: int | None) -> str:
    """:func:`rate_text` of a figure's numerator over its denominator."""
    return rate_text(numerator / denominator if denominator else None)


def count_text(value: int | None, unit: str, translate: Translate = _identity) -> str:
    """A count indicator's number: "59 次" (activities) or "90 种" (kinds of material)."""
    if value is None:
        return "—"
    return Message(CTX, _COUNT_WORDS[unit][0], {"n": f"{value:,}"}).render(translate)


def minimum_text(value: int | None, unit: str, translate: Translate = _identity) -> str:
    """A count indicator's yearly minimum: "最低 60 次" ("—": not known; "无要求": none, as a
    village need not hold public consultations, where "最低 0 次" read like a figure)."""
    if value is None:
        return "—"
    if value == 0:
        return translate(CTX, QT_TRANSLATE_NOOP("Report", "无要求"))
    return Message(CTX, _COUNT_WORDS[unit][1], {"n": f"{value:,}"}).render(translate)


def standing_text(
    numerator: int, denominator: int | None, unit: str, translate: Translate = _identity, units_short: int = 0
) -> str:
    """Where a count stands against its minimum: "已达到", "差 1 次" or "无要求" ("—": no minimum known).
    ``units_short``: of a sum over units (a township's villages and its own, a county's townships),
    how many fell short of their own minimum: the minimums are each unit's, and a sum met by one
    unit's surplus is not met ("2 个单位未达到")."""
    if denominator is None:
        return "—"
    if denominator == 0:  # a village need not hold these (the township does)
        return translate(CTX, QT_TRANSLATE_NOOP("Report", "无要求"))
    if numerator >= denominator and units_short:
        return Message(CTX, QT_TRANSLATE_NOOP("Report", "{n} 个单位未达到"), {"n": units_short}).render(
            translate
        )
    if numerator >= denominator:
        return translate(CTX, QT_TRANSLATE_NOOP("Report", "已达到"))
    return Message(CTX, _COUNT_WORDS[unit][2], {"n": denominator - numerator}).render(translate)


def _units_short(result: engine.IndicatorResult, villages, townships) -> dict:
    """``{"units_short": n}`` of a count indicator's sum over ``villages`` (ids) and the own
    figures of ``townships`` (codes): how many of those units fell short of their own minimum."""
    if result.unit not in COUNTS:
        return {}
    figures = [result.villages[v] for v in villages]
    figures += [engine.Figure(*result.own[t]) for t in townships if t in result.own]
    return {"units_short": sum(1 for f in figures if falls_short(f.numerator, f.denominator))}


def display_width(text: str) -> int:
    """How many columns ``text`` takes in a spreadsheet or a terminal: a wide (CJK) character two,
    others one."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def padded(text: str, width: int) -> str:
    """``text`` filled with spaces to ``width`` display columns (:func:`display_width`)."""
    return text + " " * max(0, width - display_width(text))


def target_text(target: float, translate: Translate = _identity) -> str:
    """A rate's target after its figures: "（目标 80%）" / " (target 80%)"."""
    return Message(
        CTX, QT_TRANSLATE_NOOP("Report", "（目标 {target}%）"), {"target": f"{target * 100:.0f}"}
    ).render(translate)


def period_label(period: Period, translate: Translate = _identity) -> str:
    year = period.start.year
    if period == Period.year(year):
        return Message(CTX, QT_TRANSLATE_NOOP("Report", "{year}年"), {"year": year}).render(translate)
    for q in (1, 2, 3, 4):
        if period == Period.quarter(year, q):
            return Message(
                CTX, QT_TRANSLATE_NOOP("Report", "{year}年第{quarter}季度"), {"year": year, "quarter": q}
            ).render(translate)
        if period == Period.to_quarter(year, q):
            return Message(
                CTX, QT_TRANSLATE_NOOP("Report", "{year}年1–{quarter}季度累计"), {"year": year, "quarter": q}
            ).render(translate)
    return f"{period.start:%Y-%m-%d} – {period.end:%Y-%m-%d}"


def _own_data(own: tuple[int, int | None]) -> dict:
    """A township's own figure (``IndicatorResult.own``) as the report's data give figures."""
    numerator, denominator = own
    figure = engine.Figure(numerator, denominator)
    return {"numerator": numerator, "denominator": denominator, "rate": rate(figure.rate)}


def report_data(report: engine.Report, translate: Translate = _identity) -> dict:
    """The report as JSON-ready data: ``{"indicators": [{"key", "name", "numerator", "denominator",
    "rate", "target", "villages": [{"code", "name", "numerator", "denominator", "rate", "groups":
    [{"id", "name", "numerator", "denominator", "rate"}]}], "groups": [...]}], "period": {...}}``
    (each village lists every 村民小组 it has; the flat ``groups`` list only those with members in
    the indicator), and ``"townships": [{"code", "name", "numerator", "denominator", "rate",
    "villages": [the same village entries]}]`` one level up (a township's store has its one
    township, whose figures are the total).  Keys are stable: outside scripts read them."""
    groups = {g.id: g for g in report.groups}
    codes = {v.id: v.code for v in report.villages}
    out = []
    for r in report.results:
        hidden = unseen(report, r)
        if hidden:  # figures of patients the reader may not see: none, never 0 / 0
            r = _figures_withheld(report, r)
        villages = [
            {
                "code": v.code,
                "name": v.name,
                "numerator": r.villages[v.id].numerator,
                "denominator": r.villages[v.id].denominator,
                "rate": rate(r.villages[v.id].rate),
                "groups": [_group_data(g, r.group_figure(g.id)) for g in report.groups_of(v.id)],
            }
            for v in report.villages
        ]
        townships = []
        for t in report.townships:
            f = r.total if hidden else report.township_figure(r, t.code)
            townships.append(
                {
                    "code": t.code,
                    "name": t.name,
                    "numerator": f.numerator,
                    "denominator": f.denominator,
                    "rate": rate(f.rate),
                    "villages": [v for v in villages if v["code"][:9] == t.code],
                    # what is the township's own, not a village's (its health-education activities
                    # against its own minimums): without it the villages do not add up to its figure
                    **({"own": _own_data(r.own[t.code])} if t.code in r.own else {}),
                    **(
                        {}
                        if hidden
                        else _units_short(r, [v.id for v in report.villages_of(t.code)], [t.code])
                    ),
                }
            )
        out.append(
            {
                "key": r.key,
                "name": translate("Indicator", r.name),
                "numerator": r.total.numerator,
                "denominator": r.total.denominator,
                "rate": rate(r.total.rate),
                "target": r.target,
                "unit": r.unit,  # "rate"; "count" (activities held) or "kinds" (given out) against a minimum
                # (a count's: how many units, villages and townships' own, fell short of their minimum)
                **(
                    {}
                    if hidden
                    else _units_short(r, [v.id for v in report.villages], [t.code for t in report.townships])
                ),
                "villages": villages,
                "townships": townships,
                "groups": [
                    {
                        "village": codes[groups[gid].village_id],
                        "name": groups[gid].name,
                        "numerator": f.numerator,
                        "denominator": f.denominator,
                        "rate": rate(f.rate),
                    }
                    for gid, f in sorted(
                        r.groups.items(),
                        key=lambda kv: (codes[groups[kv[0]].village_id], group_order(groups[kv[0]].name)),
                    )
                    if gid in groups
                ],
                "missing_population": list(r.missing_figures),
                "unseen": hidden,  # its figures count nobody the reader may see (NOT_SEEN): None
            }
        )
    return {
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "indicators": out,
        "smi_withheld": report.withheld,  # (WITHHELD)
        "withheld_note": withheld_note(report, translate),
    }


def _group_data(group: engine.GroupRef, figure: engine.Figure) -> dict:
    return {
        "id": str(group.id),
        "name": group.name,
        "numerator": figure.numerator,
        "denominator": figure.denominator,
        "rate": rate(figure.rate),
    }


def residents_data(lines: list[engine.ResidentLine], translate: Translate = _identity) -> dict:
    """A drill-down list as JSON-ready data: ``{"residents": [{"archive_no", "name", "village",
    "reason"}]}`` (``village`` is the village's code; ``counted`` says whether in the numerator)."""
    return {
        "residents": [
            {
                "archive_no": line.archive_no,
                "name": line.name,
                "village": line.village_code,
                "village_name": line.village_name,
                "group": line.group,
                "counted": line.counted,
                "reason": line.reason.render(translate),
            }
            for line in lines
        ]
    }


# ------------------------------------------------------------------------ workbook


_SHEET_FORBIDDEN = str.maketrans({":": " ", "/": "-", "\\": "-", "[": "(", "]": ")", "*": "_", "?": "_"})


def _sheet_title(text: str, used: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of ``[]:*?/\\``), cut at a word where one
    is near and marked "…" when cut, unique in the workbook."""
    title = " ".join(text.translate(_SHEET_FORBIDDEN).split())
    if len(title) > 31:
        head = title[:30]
        word = head.rsplit(" ", 1)[0]
        title = (word if len(word) >= 20 else head).rstrip(" ,:;-") + "…"
    base, n = title, 2
    while title in used:
        title = f"{base[:28]}_{n}"
        n += 1
    used.add(title)
    return title


def write_workbook(
    session: Session, report: engine.Report, path: str | Path, translate: Translate = _identity
) -> Path:
    """The summary sheet (indicator, numerator, denominator, rate, target, then each village's
    numerator, denominator and rate) and one sheet per indicator listing its residents with the
    reason each is in or out.  Written to a temporary name and renamed, never half a file."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    from app.services import safe_output

    def label(text: str) -> str:
        return translate(CTX, text)

    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    info = profile.profile_info(session)
    data = report_data(report, translate)
    wb = openpyxl.Workbook()
    ws = wb.active
    used: set[str] = set()
    ws.title = _sheet_title(label(SUMMARY_SHEET), used)
    # Each indicator's sheet is named by its number on the summary and its name, as people read it.
    sheets = {
        ind.key: _sheet_title(f"{n} {translate('Indicator', ind.name)}", used)
        for n, ind in enumerate(report.results, start=1)
    }
    font, bold = Font(name=XLSX_FONT, size=11), Font(name=XLSX_FONT, size=11, bold=True)
    body = NamedStyle(name="cunyi_body", font=font)
    wb.add_named_style(body)
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="E8EEF4")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    title = Message(
        CTX,
        QT_TRANSLATE_NOOP("Report", "{unit}基本公共卫生服务指标汇总表（{period}）"),
        {"unit": info.institution, "period": period_label(report.period, translate)},
    ).render(translate)
    unit_key, units = _units(report)
    own = _own_of(data["indicators"], unit_key)
    n_cols = len(SUMMARY_HEADERS) + 3 * (len(units) + (own is not None))
    safe_output.set_xlsx_cell(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = Font(name=XLSX_FONT, size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(n_cols, 6))
    ws.cell(row=1, column=1).alignment = centre
    sub = "    ".join(heading_lines(session, report, translate))
    safe_output.set_xlsx_cell(ws.cell(row=2, column=1), sub)
    ws.cell(row=2, column=1).font = font
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(n_cols, 6))

    # Two header rows: the township columns span both; each village spans its three columns.
    whole = COUNTY if unit_key == "townships" else TOWNSHIP if len(units) > 1 or own is not None else TOTAL
    township_label = label(whole)
    for col, text in enumerate(SUMMARY_HEADERS, start=1):
        safe_output.set_xlsx_cell(ws.cell(row=3, column=col), township_label if col > 2 else label(text))
        safe_output.set_xlsx_cell(ws.cell(row=4, column=col), label(text))
    ws.merge_cells(start_row=3, start_column=3, end_row=3, end_column=6)
    for col in (1, 2):
        ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    unit_labels = [_village_label(v, translate) for v in units]
    if own is not None:  # the township's own activities, after its villages
        unit_labels.append(own_label(own[0], translate))
    for i, text in enumerate(unit_labels):
        col = len(SUMMARY_HEADERS) + 1 + 3 * i
        safe_output.set_xlsx_cell(ws.cell(row=3, column=col), text)
        ws.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + 2)
        for j, text in enumerate(SUMMARY_HEADERS[2:5]):
            safe_output.set_xlsx_cell(ws.cell(row=4, column=col + j), label(text))
    for row in ws.iter_rows(min_row=3, max_row=4, max_col=n_cols):
        for c in row:
            c.font, c.alignment, c.border, c.fill = bold, centre, box, head_fill

    for n, ind in enumerate(data["indicators"], start=1):
        counts = ind["unit"] in COUNTS  # activities against a yearly minimum: no rate, no target

        def standing(figure: dict, counts=counts, unit=ind["unit"]):
            """The rate column: a share, or where a count stands against its minimum ("差 1 次")."""
            if not counts:
                return figure["rate"]
            return standing_text(
                figure["numerator"], figure["denominator"], unit, translate, figure.get("units_short", 0)
            )

        values = [n, ind["name"], ind["numerator"], ind["denominator"], standing(ind)]
        values.append("—" if counts else ind["target"])
        for v in ind[unit_key]:
            values += [v["numerator"], v["denominator"], standing(v)]
        if own is not None:
            mine = own[1][n - 1]
            values += [mine["numerator"], mine["denominator"], standing(mine)] if mine else ["", "", ""]
        if ind["unseen"]:  # not 0 / 0: patients the maker may not see
            values = [v if i in (0, 1, 5) else label(NOT_SEEN) for i, v in enumerate(values)]
        row = 4 + n
        for col, value in enumerate(values, start=1):
            c = ws.cell(row=row, column=col)
            c.style, c.border = body.name, box  # first: a named style resets the number format
            safe_output.set_xlsx_cell(c, value)
            if col == 5 or col == 6 or (col > 6 and (col - 6) % 3 == 0):  # a rate's, a target's place
                if counts:  # "差 1 次" where percentages stand: lined up with them
                    c.alignment = Alignment(horizontal="right")
                else:
                    c.number_format = "0.00%"
        link = ws.cell(row=row, column=2)  # the name opens the indicator's sheet of residents
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheets[ind['key']]}'!A1")
        link.font = Font(name=XLSX_FONT, size=11, color="1F4E79", underline="single")
    ws.freeze_panes = "C5"
    widths = {1: 6, 2: 26, 3: 10, 4: 10, 5: 10, 6: 8}
    for col in range(1, n_cols + 1):
        # as wide as its longest text below the headers ("Contract rate: aged 65 and over",
        # "none required"), a Chinese character counting two, within reason
        texts = [
            c.value for (c,) in ws.iter_rows(min_row=5, min_col=col, max_col=col) if isinstance(c.value, str)
        ]
        needed = max((display_width(t) + 2 for t in texts), default=0)
        ws.column_dimensions[get_column_letter(col)].width = min(max(widths.get(col, 10), needed), 60)
    ws.row_dimensions[3].height = 30

    # One sheet per indicator: the residents behind it, each with the reason.
    for ind in report.results:
        which = "numerator" if ind.denominator_figure else "denominator"
        hidden = unseen(report, ind)  # patients its maker may not see: no list, no 0 / 0
        lines = (
            []
            if hidden
            else engine.drilldown(  # (the workbook is audited as an export, below)
                session, ind.key, report.period, which, _only_village(report), audited=False
            )
        )
        sheet = wb.create_sheet(sheets[ind.key])
        heading = Message(
            CTX,
            QT_TRANSLATE_NOOP("Report", "{name}（{period}）：分子 {numerator}，分母 {denominator}"),
            {
                "name": translate("Indicator", ind.name),
                "period": period_label(report.period, translate),
                "numerator": ind.total.numerator,
                "denominator": "—" if ind.total.denominator is None else ind.total.denominator,
            },
        ).render(translate)
        if ind.unit in COUNTS:  # activities against a minimum, as the summary says them
            heading = Message(
                CTX,
                QT_TRANSLATE_NOOP("Report", "{name}（{period}）：{done}，{minimum}"),
                {
                    "name": translate("Indicator", ind.name),
                    "period": period_label(report.period, translate),
                    "done": count_text(ind.total.numerator, ind.unit, translate),
                    "minimum": minimum_text(ind.total.denominator, ind.unit, translate),
                },
            ).render(translate)
        if hidden:  # (its English is punctuated as English: the hand-joined heading was not)
            heading = Message(
                CTX,
                QT_TRANSLATE_NOOP("Report", "{name}（{period}）：{unseen}"),
                {
                    "name": translate("Indicator", ind.name),
                    "period": period_label(report.period, translate),
                    "unseen": label(NOT_SEEN),
                },
            ).render(translate)
        safe_output.set_xlsx_cell(sheet.cell(row=1, column=1), heading)
        sheet.cell(row=1, column=1).font = Font(name=XLSX_FONT, size=12, bold=True)
        activities = ind.unit in COUNTS
        headers = ACTIVITY_HEADERS if activities else LIST_HEADERS
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        for col, text in enumerate(headers, start=1):
            c = sheet.cell(row=2, column=col)
            safe_output.set_xlsx_cell(c, label(text))
            c.font, c.fill, c.border, c.alignment = bold, head_fill, box, centre
        yes, no = label(YES), label(NO)
        # Cells set by position: openpyxl's max_row (behind ws.append) scans the sheet on each call.
        for row, line in enumerate(lines, start=3):
            values = line_cells(line, yes, no, translate)
            if activities:  # topic, where, what (LIST_HEADERS' 2nd, 3rd and last)
                values = (values[1], values[2], values[5])
            for col, value in enumerate(values, start=1):
                c = sheet.cell(row=row, column=col)
                c.style = body.name  # first: a named style resets the number format
                safe_output.set_xlsx_cell(c, value, as_text=col == 1 and not activities)
        sheet.freeze_panes = "A3"
        for col, width in enumerate((30, 16, 70) if activities else (20, 10, 12, 10, 9, 70), start=1):
            sheet.column_dimensions[get_column_letter(col)].width = width

    written = safe_output.save_workbook(path, wb)
    audit.exported(session, "indicator_report", _what(report), written)
    return written


def _only_village(report: engine.Report) -> str | None:
    return report.villages[0].code if len(report.villages) == 1 else None


def _what(report: engine.Report) -> str:
    """A report as the audit trail names an export of it: its period, and its one village."""
    return f"{period_label(report.period)} {_only_village(report) or ''}".strip()


def write_summary_pdf(
    session: Session, report: engine.Report, path: str | Path, translate: Translate = _identity
) -> Path:
    """:func:`summary_pdf` written to ``path`` (a .pdf), and the export audited."""
    from app.services.printing import write_pdf

    audit.require_trail(session)  # (before the file is written: a refused export replaces nothing)
    written = write_pdf(path, summary_pdf(session, report, translate))
    audit.exported(session, "indicator_report", _what(report), written)
    return written


# ------------------------------------------------------------------------ PDF


def summary_pdf(session: Session, report: engine.Report, translate: Translate = _identity) -> bytes:
    """The summary on landscape A4: the township's figures, then each village's rates (indicators
    in blocks of six columns so the table fits the page)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from app.services.printing.layout import (
        FONT,
        fit_line,
        markup,
        numbered_canvas,
        para_style,
        register_font,
    )

    register_font()

    def label(text: str) -> str:
        return translate(CTX, text)

    info = profile.profile_info(session)
    data = report_data(report, translate)
    title_style, cell, small = para_style(15, align=1), para_style(9), para_style(8)
    # figures that are words ("6 period(s)", "minimum 6 period(s)"): wrapped in their cell, right
    # aligned as the numbers are (a plain string ran into the next cell in English)
    cell_right, small_right = para_style(9, align=2), para_style(8, align=2)
    title = Message(
        CTX,
        QT_TRANSLATE_NOOP("Report", "{unit}基本公共卫生服务指标汇总表（{period}）"),
        {"unit": info.institution, "period": period_label(report.period, translate)},
    ).render(translate)
    story = [
        Paragraph(markup(title), title_style),
        Spacer(1, 4 * mm),
    ]
    for line in heading_lines(session, report, translate):  # (its gaps kept: a paragraph folds spaces)
        story += [Paragraph(markup(line).replace("    ", "&nbsp;" * 4), small), Spacer(1, 2 * mm)]

    def num(value) -> str:
        return "—" if value is None else f"{value:,}"

    def unit_cell(ind: dict, f: dict) -> str:
        if ind["unseen"]:
            return label(NOT_SEEN)
        head = (
            standing_text(f["numerator"], f["denominator"], ind["unit"], translate, f.get("units_short", 0))
            if ind["unit"] in COUNTS
            else figure_rate_text(f["numerator"], f["denominator"])
        )
        return f"{head}  ({num(f['numerator'])}/{num(f['denominator'])})"

    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 9),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
        ]
    )
    # the rates under 分子 / 分母 / 率, the counts under headers of their own ("41 次" against
    # "最低 42 次", as the 工作台 says): a table each, each repeating its own header on a page it
    # runs onto (one table repeated the rates' over the counts)
    tables: list[list] = []
    for n, ind in enumerate(data["indicators"], start=1):
        counts = ind["unit"] in COUNTS
        if n == 1 or counts != (data["indicators"][n - 2]["unit"] in COUNTS):
            headers = COUNT_HEADERS if counts else SUMMARY_HEADERS
            first = [Paragraph(markup(label(h)), cell) for h in headers]
            tables.append([["", *first] if counts else first])
        figures = [
            count_text(ind["numerator"], ind["unit"], translate) if counts else num(ind["numerator"]),
            minimum_text(ind["denominator"], ind["unit"], translate) if counts else num(ind["denominator"]),
            standing_text(
                ind["numerator"], ind["denominator"], ind["unit"], translate, ind.get("units_short", 0)
            )
            if counts
            else figure_rate_text(ind["numerator"], ind["denominator"]),
        ]
        if ind["unseen"]:  # not 0 / 0: patients the maker may not see
            figures = [label(NOT_SEEN)] * 3
        if counts:
            figures = [Paragraph(markup(f), cell_right) for f in figures]
        tables[-1].append(
            [str(n), Paragraph(markup(ind["name"]), cell), *figures]
            + ([] if counts else [rate_text(ind["target"])])  # (a count's minimum is its own column)
        )
    # (a line a row, as tight as reads well: the 25 indicators and the notes above them on one page)
    summary = TableStyle(
        [
            *style.getCommands(),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    # (the counts' words, "minimum 72 period(s)", take the room the rates' 目标 column has)
    widths = {6: [12, 80, 28, 28, 24, 20], 5: [12, 66, 34, 44, 36]}
    story += [
        Table(rows, colWidths=[w * mm for w in widths[len(rows[0])]], style=summary, repeatRows=1)
        for rows in tables
    ]

    unit_key, units = _units(report)
    # the places' tables: every figure to the right, the first as the others
    places = TableStyle([*style.getCommands(), ("ALIGN", (1, 1), (-1, -1), "RIGHT")])
    if len(units) > 1:
        indicators = data["indicators"]
        for start in range(0, len(indicators), 6):
            block = indicators[start : start + 6]
            rows = [
                [Paragraph(markup(label(TOWNSHIP_UNIT if unit_key == "townships" else VILLAGE)), cell)]
                + [Paragraph(markup(i["name"]), small) for i in block]
            ]
            for i, v in enumerate(units):
                rows.append(
                    [Paragraph(markup(_village_label(v, translate)), small)]
                    + [Paragraph(markup(unit_cell(ind, ind[unit_key][i])), small_right) for ind in block]
                )
            own = _own_of(block, unit_key)
            if own is not None:  # the township's own activities: its villages and it add up
                name, figures = own
                rows.append(
                    [Paragraph(markup(own_label(name, translate)), small)]
                    + [
                        Paragraph(markup(unit_cell(ind, f)), small_right) if f else ""
                        for ind, f in zip(block, figures, strict=True)
                    ]
                )
            width = (270 * mm - 50 * mm) / len(block)
            table = Table(rows, colWidths=[50 * mm] + [width] * len(block), style=places, repeatRows=1)
            # kept whole on a page (its head and one village were left at the foot of the one before);
            # a table longer than a page (a county's) is still split, its head repeated
            story.append(KeepTogether([Spacer(1, 6 * mm), table]))

    def footer(c, page: int, total: int) -> None:
        c.setFont(FONT, 8)
        text = Message(
            CTX, QT_TRANSLATE_NOOP("Report", "第 {page} 页 / 共 {total} 页"), {"page": page, "total": total}
        ).render(translate)
        c.drawRightString(landscape(A4)[0] - 12 * mm, 8 * mm, text)
        if page > 1:  # a page filed or printed on its own still says whose figures, of which period
            running = Message(CTX, QT_TRANSLATE_NOOP("Report", "{title}（续）"), {"title": title}).render(
                translate
            )
            fit_line(c, 12 * mm, landscape(A4)[1] - 8 * mm, landscape(A4)[0] - 24 * mm, running, 8)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=label(PDF_TITLE),
    )
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()

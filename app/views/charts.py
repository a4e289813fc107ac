"""Trend charts of a patient's follow-ups (pyqtgraph): blood pressure or fasting glucose, with target lines.

pyqtgraph (and numpy) take ~0.3 s to import, so they are imported here, lazily, and warmed up
after the main window has painted (see app.views.startup), never on the way to first paint.
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache

from PySide6.QtCore import QCoreApplication, Qt

from app.services.programmes.followup_rules import DEFAULT, HTN, Thresholds
from app.views.widgets import lang


def warm_up() -> None:
    import pyqtgraph  # noqa: F401


def _ts(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day).timestamp()


DAY = 86_400
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_ticks(
    values, spacing: float, lang: str, first: float | None = None, per_px: float | None = None
) -> list[str]:
    """The date axis's tick labels (seconds since the epoch, local time) in the UI's language:
    years, then months (3月 / Mar, the year at January), then days (3月15日 / Mar 15); pyqtgraph's
    own are English month names in a Chinese window.

    Points before the first January read as the year after ("4月 7月 10月 2025" of visits since
    April 2024): when no year is named before it, the first month drawn names its year (2024年4月 /
    Apr 2024).  ``first``: where the axis begins, ``per_px``: seconds a pixel (a label at the very
    start, sticking out, is not drawn; the next label in the longer one's way is left out)."""
    out = []
    # a month a tick is crowded on a small chart: then every third month is named (1, 4, 7, 10)
    thin = spacing < 360 * DAY and spacing >= 27 * DAY and len(values) > 8
    measured = first is not None and per_px is not None

    def fits(value: float, half_px: float) -> bool:  # a label centred on ``value`` is drawn whole
        return not measured or value >= first + half_px * per_px

    dated_at = None  # where the month naming its year stands
    named = False  # a year named before it
    for value in values:
        try:
            d = dt.datetime.fromtimestamp(value)
        except (OverflowError, OSError, ValueError):  # far off the visits' span: no label
            out.append("")
            continue
        if spacing >= 360 * DAY or (spacing >= 27 * DAY and d.month == 1):
            out.append(str(d.year))
            named = named or fits(value, YEAR_PX / 2)
        elif spacing >= 27 * DAY and thin and (d.month - 1) % 3:
            out.append("")
        elif spacing >= 27 * DAY:
            january = _ts(dt.date(d.year, 1, 1))  # (drawn by the coarser level, if it fits)
            year_drawn = measured and first <= january and fits(january, YEAR_PX / 2)
            if dated_at is None and not (named or year_drawn) and fits(value, LABEL_PX / 2):
                dated_at = value
                out.append(f"{MONTHS[d.month - 1]} {d.year}" if lang == "en" else f"{d.year}年{d.month}月")
            elif dated_at is not None and measured and (value - dated_at) / per_px < 0.85 * LABEL_PX:
                out.append("")  # (in the longer label's way)
            else:
                out.append(MONTHS[d.month - 1] if lang == "en" else f"{d.month}月")
        else:
            out.append(f"{MONTHS[d.month - 1]} {d.day}" if lang == "en" else f"{d.month}月{d.day}日")
    return out


YEAR_PX = 32  # the room a year's label takes ("2025")
LABEL_PX = 64  # the room a date label takes ("12月13日", "Dec 13") with a gap


def apart(levels: list, seconds_per_px: float) -> list:
    """pyqtgraph's tick levels (``[(spacing, [values])]``, coarsest first) without the finer ticks
    that fall within a label's width of a coarser one: the month's "11月" and the day's "11月3日"
    were printed over each other."""
    taken: list[float] = []
    out = []
    room = LABEL_PX * seconds_per_px
    for spacing, values in levels:
        keep = [v for v in values if all(abs(v - t) >= room for t in taken)]
        taken.extend(keep)
        out.append((spacing, keep))
    return out


def trend_chart(visits, program: str, age: int, t: Thresholds = DEFAULT):
    """A small plot of the visits (oldest first): SBP/DBP for hypertension, glucose for diabetes."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#333")

    class DateAxis(pg.DateAxisItem):
        def tickStrings(self, values, scale, spacing):
            first, last = self.range
            return date_ticks(values, spacing, lang(), first, (last - first) / max(self.width(), 1))

        def tickValues(self, minVal, maxVal, size):
            return apart(super().tickValues(minVal, maxVal, size), (maxVal - minVal) / max(size, 1))

    plot = pg.PlotWidget(axisItems={"bottom": DateAxis(orientation="bottom")})
    plot.setMinimumHeight(200)
    plot.showGrid(x=True, y=True, alpha=0.2)
    # the legend on one line at the top, over room kept free of points (below): it covered the
    # first readings; readable over a grid line, which shows through it
    plot.addLegend(offset=(10, 5), colCount=2, brush=pg.mkBrush(255, 255, 255, 200), pen=pg.mkPen("#ccc"))
    done = [v for v in visits if v.outcome == "done"]
    shown: list[float] = []  # every value drawn, the targets' too

    def line(values, name, color):
        points = [(_ts(v.visit_date), y) for v, y in zip(done, values, strict=True) if y is not None]
        if points:
            xs, ys = zip(*points, strict=True)
            shown.extend(ys)
            plot.plot(
                xs,
                ys,
                name=name,
                pen=pg.mkPen(color, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=color,
                symbolPen=color,
            )

    def target(y, color):
        shown.append(y)
        plot.addItem(pg.InfiniteLine(pos=y, angle=0, pen=pg.mkPen(color, width=1, style=Qt.DashLine)))

    if program == HTN:
        line([v.sbp for v in done], QCoreApplication.translate("Charts", "收缩压"), "#c62828")
        line([v.dbp for v in done], QCoreApplication.translate("Charts", "舒张压"), "#1565c0")
        elderly = age >= t.elderly_age
        target(t.elderly_sbp if elderly else t.htn_sbp, "#e57373")
        target(t.elderly_dbp if elderly else t.htn_dbp, "#64b5f6")
        plot.setLabel("left", "mmHg")
    else:
        line([v.glucose for v in done], QCoreApplication.translate("Charts", "空腹血糖"), "#6a1b9a")
        target(t.glucose, "#ba68c8")
        plot.setLabel("left", "mmol/L")
    low, high = min(shown), max(shown)
    span = max(high - low, 1.0)
    plot.setYRange(low - 0.08 * span, high + LEGEND_ROOM * span, padding=0)  # the legend's room on top
    return plot


LEGEND_ROOM = 0.3  # above the highest value, of the values' span: the legend's line, free of points


@cache
def _staggered_axis_class():
    import pyqtgraph as pg
    from PySide6.QtCore import QRectF

    class StaggeredAxis(pg.AxisItem):
        """A bottom axis for bars named side by side (a township's villages): a name that would
        run into its neighbour takes a lower line, every other one (up to three lines); a first or
        last name moves in from the chart's edge; a name still too wide for its room is cut with
        "…" (the table above the chart has it whole).  pyqtgraph's own labels would overlap, or leave out a long
        first or last name."""

        GAP = 6  # px between two names on one line
        MOST_ROWS = 3

        def __init__(self, *args, **kwargs):
            self.rows = 1
            self._extra = 0.0  # (read by the sizing pyqtgraph's own set-up does)
            super().__init__("bottom", *args, **kwargs)

        def _updateHeight(self):  # (pyqtgraph's own sizing, then the room the lower lines take)
            super()._updateHeight()
            if self._extra and self.isVisible() and self.fixedHeight is None:
                h = self.maximumHeight() + self._extra
                self.setMaximumHeight(h)
                self.setMinimumHeight(h)

        def _place(self, xs, widths, pitch, rows, left, right) -> list[list[float]]:
            """Each name's [start, end] on ``rows`` lines: centred under its bar, as wide as it is or
            as its room on its line; a first or last one that would pass the chart's edge moves in
            (and then never runs into the next one on its line)."""
            spans = []
            for x, w in zip(xs, widths, strict=True):
                width = min(w, rows * pitch - self.GAP if pitch else w, right - left)
                start = min(max(x - width / 2, left), right - width)
                spans.append([start, start + width])
            for row in range(rows):
                on_line = spans[row::rows]
                for a, b in itertools.pairwise(on_line):
                    if a[1] + self.GAP > b[0]:
                        if a is on_line[0]:
                            a[1] = b[0] - self.GAP
                        else:
                            b[0] = a[1] + self.GAP
            return spans

        @staticmethod
        def _cut(spans, widths) -> bool:
            return any(w > end - start + 0.5 for (start, end), w in zip(spans, widths, strict=True))

        def generateDrawSpecs(self, p):
            specs = super().generateDrawSpecs(p)
            levels = getattr(self, "_tickLevels", None)
            if specs is None or not levels or not specs[1] or len(specs[1]) != len(levels[0]):
                return specs  # (not the names of bars, each in sight: pyqtgraph's own labels)
            axis, ticks, _texts = specs
            names = [str(text) for _value, text in levels[0]]
            xs = [tick[1].x() for tick in ticks]
            sizes = [p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignCenter, n) for n in names]
            pitch = min((abs(b - a) for a, b in itertools.pairwise(xs)), default=0.0)
            line = max(s.height() for s in sizes) * 0.8
            bounds = self.mapRectFromParent(self.geometry())
            top = bounds.top() + max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1]
            flags = Qt.AlignHCenter | Qt.AlignTop | Qt.TextDontClip
            widths = [s.width() for s in sizes]
            rows = 1  # the fewest lines on which every name is whole, up to MOST_ROWS
            spans = self._place(xs, widths, pitch, rows, bounds.left(), bounds.right())
            while pitch and rows < self.MOST_ROWS and self._cut(spans, widths):
                rows += 1
                spans = self._place(xs, widths, pitch, rows, bounds.left(), bounds.right())
            texts = []
            for i, (name, size, (start, end)) in enumerate(zip(names, sizes, spans, strict=True)):
                if size.width() > end - start + 0.5:
                    name = p.fontMetrics().elidedText(name, Qt.ElideRight, int(end - start))
                texts.append((QRectF(start, top + (i % rows) * line, end - start, line), flags, name))
            extra = (rows - 1) * line
            if rows != self.rows or abs(extra - self._extra) > 0.5:
                self.rows, self._extra = rows, extra
                self._updateHeight()
            return axis, ticks, texts

    return StaggeredAxis


def staggered_axis():
    """A new bottom axis for bars named side by side (:class:`StaggeredAxis`)."""
    return _staggered_axis_class()()

"""Trend charts of a patient's follow-ups (pyqtgraph): blood pressure or fasting glucose, with target lines.

pyqtgraph (and numpy) take ~0.3 s to import, so they are imported here, lazily, and warmed up
after the main window has painted (see app.views.startup), never on the way to first paint.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt

from app.services.programmes.followup_rules import DEFAULT, HTN, Thresholds


def warm_up() -> None:
    import pyqtgraph  # noqa: F401


def _ts(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day).timestamp()


def trend_chart(visits, program: str, age: int, t: Thresholds = DEFAULT):
    """A small plot of the visits (oldest first): SBP/DBP for hypertension, glucose for diabetes."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#333")
    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
    plot.setMinimumHeight(200)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.addLegend(offset=(10, 5))
    done = [v for v in visits if v.outcome == "done"]

    def line(values, name, color):
        points = [(_ts(v.visit_date), y) for v, y in zip(done, values, strict=True) if y is not None]
        if points:
            xs, ys = zip(*points, strict=True)
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
    return plot

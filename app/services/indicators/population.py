"""Population figures per village and year (常住人口, 65 岁及以上人口), entered at the township.

They are the denominators of the indicators whose population is not a list of records (建档率,
老年人健康管理率).  The township enters them (``authz`` action ``set_population``); they sync to
the villages like any record the township writes, so a village's own report uses the same figure.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import PopulationFigure, Village, org_id
from app.services.access import authz
from app.services.errors import Message, UserError
from app.services.profile import TOWNSHIP, VILLAGE, get_profile, normalise_code
from app.services.sync.capture import trusted_today

CTX = "Population"
# The figure names indicators declare as ``denominator_figure``, and the column each reads.
FIGURES = {
    "resident_population": "resident_population",
    "elderly_population": "elderly_population",
}
FIGURE_LABELS = {
    "resident_population": QT_TRANSLATE_NOOP("Population", "常住人口"),
    "elderly_population": QT_TRANSLATE_NOOP("Population", "65岁及以上常住人口"),
}
# The same labels as field names: a Message translates its string parameters in context "Field".
_AS_FIELDS = (QT_TRANSLATE_NOOP("Field", "常住人口"), QT_TRANSLATE_NOOP("Field", "65岁及以上常住人口"))
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_PEOPLE = 1_000_000  # one village; a typo of three extra zeros is refused


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


@dataclass(frozen=True)
class VillageFigures:
    village_id: uuid.UUID
    code: str
    name: str
    year: int
    resident_population: int | None
    elderly_population: int | None


def indicators_divided() -> list[str]:
    """The names (Chinese source, context "Indicator") of the indicators whose denominator is one
    of these figures, in report order: what entering them is for."""
    from app.services.indicators import engine

    return [i.name for i in engine.load_indicators() if i.denominator_figure in FIGURES]


def figure_id(village_code: str, year: int) -> uuid.UUID:
    """The same id on every township PC for one village's figures of one year."""
    return org_id("population", village_code, str(year))


def check_year(year: int) -> int:
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise _err(
            QT_TRANSLATE_NOOP("Population", "年份应在 {low} 到 {high} 之间"), low=MIN_YEAR, high=MAX_YEAR
        )
    return year


def _count(value: int | None, label: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PEOPLE:
        raise _err(
            QT_TRANSLATE_NOOP("Population", "{what}应是 0 到 {high} 之间的整数"), what=label, high=MAX_PEOPLE
        )
    return value


def set_figures(
    session: Session,
    village_code: str,
    year: int,
    resident_population: int | None,
    elderly_population: int | None,
) -> VillageFigures:
    """Enter (or correct) one village's figures for ``year``; ``None`` leaves a figure unknown."""
    if get_profile(session).role != TOWNSHIP:
        raise _err(QT_TRANSLATE_NOOP("Population", "人口数由乡镇卫生院录入，同步到各村"))
    authz.require(session, "set_population", what=str(village_code))
    check_year(year)
    if year > trusted_today(session).year + 1:  # (next year's, issued ahead, may be entered)
        raise _err(QT_TRANSLATE_NOOP("Population", "{year}年还没有到，人口数最多录入到明年"), year=year)
    resident_population = _count(resident_population, FIGURE_LABELS["resident_population"])
    elderly_population = _count(elderly_population, FIGURE_LABELS["elderly_population"])
    if (
        resident_population is not None
        and elderly_population is not None
        and elderly_population > resident_population
    ):
        raise _err(QT_TRANSLATE_NOOP("Population", "65岁及以上人口不能多于常住人口"))
    code = normalise_code(village_code, VILLAGE)
    village = session.scalar(select(Village).where(Village.code == code))
    if village is None:
        raise _err(QT_TRANSLATE_NOOP("Population", "本乡镇没有村代码为 {code} 的村"), code=code)
    _no_fewer_than_records(village, year, resident_population, elderly_population, session)
    row = session.get(PopulationFigure, figure_id(code, year))
    if row is None:
        row = PopulationFigure(id=figure_id(code, year), village_id=village.id, year=year)
        session.add(row)
    row.resident_population = resident_population
    row.elderly_population = elderly_population
    session.flush()
    return VillageFigures(village.id, code, village.name, year, resident_population, elderly_population)


def _no_fewer_than_records(
    village: Village, year: int, residents: int | None, elderly: int | None, session: Session
) -> None:
    """A population below the village's own records on the books at the end of any quarter of
    ``year`` (建档率's numerator, in a year's report or a quarter's), or a 65+ population below its
    enrolled residents 65+ then, is a typing slip: 500 for 5000 read 建档率 150% and went on to
    the county."""
    from app.models import Resident
    from app.services.indicators.core import _gone_on
    from app.services.records.validators import born_by

    if residents is None and elderly is None:
        return
    ends = [dt.date(year, 3, 31), dt.date(year, 6, 30), dt.date(year, 9, 30), dt.date(year, 12, 31)]
    oldest = born_by(year)
    books, olds = [0] * 4, [0] * 4  # on the books at each quarter's end
    for enrolled_on, status, status_date, birth in session.execute(
        select(Resident.enrolled_on, Resident.status, Resident.status_date, Resident.birth_date).where(
            Resident.village_id == village.id, Resident.voided.is_(False), Resident.enrolled_on <= ends[-1]
        )
    ):
        gone = _gone_on(status, status_date)
        for i, end in enumerate(ends):
            if enrolled_on <= end and (gone is None or gone > end):
                books[i] += 1
                olds[i] += birth <= oldest
    on_books, old = max(books), max(olds)
    for given, records, label in (
        (residents, on_books, FIGURE_LABELS["resident_population"]),
        (elderly, old, FIGURE_LABELS["elderly_population"]),
    ):
        if given is not None and given < records:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Population",
                    "{village}{year}年的{what}填了 {given} 人，少于该村已建档的 {records} 人："
                    "这样比率会超过100%，请核对",
                ),
                village=village.name,
                year=year,
                what=label,
                given=given,
                records=records,
            )


def figures(session: Session, year: int) -> list[VillageFigures]:
    """Every village this store holds (that the actor may read), with its figures for ``year``
    (``None`` where not entered yet), by village code."""
    q = (
        select(Village.id, Village.code, Village.name, PopulationFigure)
        .outerjoin(
            PopulationFigure, (PopulationFigure.village_id == Village.id) & (PopulationFigure.year == year)
        )
        .order_by(Village.code)
    )
    clause = authz.village_clause(session, Village.id)
    if clause is not None:
        q = q.where(clause)
    return [
        VillageFigures(
            vid,
            code,
            name,
            year,
            fig.resident_population if fig else None,
            fig.elderly_population if fig else None,
        )
        for vid, code, name, fig in session.execute(q)
    ]


def figure_by_village(session: Session, figure: str, year: int) -> dict[uuid.UUID, int]:
    """``{village id: value}`` of one figure (``FIGURES`` key) for ``year``; villages without it left out."""
    column = getattr(PopulationFigure, FIGURES[figure])
    rows = session.execute(
        select(PopulationFigure.village_id, column).where(PopulationFigure.year == year, column.is_not(None))
    )
    return dict(rows.all())


def set_year_figures(session: Session, year: int, typed: list[tuple[str, str, str]]) -> int:
    """The figures of several villages for ``year`` as typed on the 人口数 form: ``(village code,
    常住人口, 65+)`` with empty text for "not known".  All or nothing: the first bad entry is
    refused with its village named, and nothing is saved.  Returns how many villages changed."""
    from app.services.records.validators import Invalid, parse_int

    known = {f.code: f for f in figures(session, year)}
    changed = 0
    for code, residents_text, elderly_text in typed:
        values = []
        for text, figure in ((residents_text, "resident_population"), (elderly_text, "elderly_population")):
            try:
                values.append(parse_int(text, FIGURE_LABELS[figure]) if (text or "").strip() else None)
            except Invalid:
                raise _err(
                    QT_TRANSLATE_NOOP("Population", "{village}的{what}应是整数，不能是“{text}”"),
                    village=known[code].name if code in known else code,
                    what=FIGURE_LABELS[figure],
                    text=text.strip(),
                ) from None
        before = known.get(code)
        if before is not None and (before.resident_population, before.elderly_population) == tuple(values):
            continue
        set_figures(session, code, year, *values)
        changed += 1
    return changed

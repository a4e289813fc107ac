"""Population figures the township enters per village and year (常住人口, 65 岁及以上人口): the
denominators of 建档率 and 老年人健康管理率, which no list of records can give."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Synced, Tracked, UUIDPk
from app.models.org import Village


class PopulationFigure(UUIDPk, Tracked, Synced, Base):
    """One village's figures for one year.  The id is derived from (village code, year)
    (``org_id("population", code, year)``), so two township PCs entering the same figure make the
    same row, and sync merges their values field by field instead of duplicating it."""

    __tablename__ = "population_figure"
    __sync_scope__ = "village_id"
    __sync_writers__ = ("township",)  # entered at the township, read by the villages
    __table_args__ = (UniqueConstraint("village_id", "year", name="uq_population_figure_village_year"),)

    village_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("village.id"))
    year: Mapped[int] = mapped_column(Integer)
    resident_population: Mapped[int | None] = mapped_column()  # 常住人口
    elderly_population: Mapped[int | None] = mapped_column()  # 65 岁及以上常住人口

    village: Mapped[Village] = relationship()

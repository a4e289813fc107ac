"""老年人生活自理能力评估表: five items, each scored by its level; the total gives one of four levels.

The table is data (DOMAIN.md: "from the 2017 spec's annex as we recall it: keep the table as data and
check it against the provincial form"): a province corrects :data:`POINTS` or :data:`BANDS`, not code.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.codes import CODE_LISTS

ITEMS = ("eating", "grooming", "dressing", "toilet", "activity")  # 进餐, 梳洗, 穿衣, 如厕, 活动
LEVELS = ("1", "2", "3", "4")  # 可自理, 轻度依赖, 中度依赖, 不能自理
# Points per item and level, in LEVELS order.
POINTS: dict[str, tuple[int, int, int, int]] = {
    "eating": (0, 0, 3, 5),
    "grooming": (0, 1, 3, 7),
    "dressing": (0, 0, 3, 5),
    "toilet": (0, 1, 5, 10),
    "activity": (0, 1, 5, 10),
}
# (highest total of the band, level): 0–3 可自理, 4–8 轻度依赖, 9–18 中度依赖, ≥ 19 不能自理
BANDS: tuple[tuple[int | None, str], ...] = ((3, "1"), (8, "2"), (18, "3"), (None, "4"))

assert tuple(c.code for c in CODE_LISTS["selfcare_item"]) == ITEMS  # the form's order, one list


@dataclass(frozen=True)
class SelfCare:
    levels: tuple[str, ...]  # per item, in ITEMS order
    points: tuple[int, ...]
    score: int
    level: str  # code list selfcare_level


def score(levels: tuple[str, ...] | list[str]) -> SelfCare:
    """The assessment of five item levels (1 可自理 … 4 不能自理, in the form's order)."""
    levels = tuple(levels)
    if len(levels) != len(ITEMS) or any(lv not in LEVELS for lv in levels):
        raise ValueError(f"five levels 1–4 expected, got {levels!r}")
    points = tuple(POINTS[item][LEVELS.index(lv)] for item, lv in zip(ITEMS, levels, strict=True))
    total = sum(points)
    return SelfCare(levels, points, total, level_of(total))


def level_of(total: int) -> str:
    for highest, level in BANDS:
        if highest is None or total <= highest:
            return level
    raise AssertionError("the last band is open")  # pragma: no cover

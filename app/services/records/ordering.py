"""Natural orders for what people number in words or digits: 村民小组 (一组, 二组 … 十组, 十一组, or
1组, 2组 … 10组) and house numbers in addresses ("一组2号" before "一组10号").

One helper each; every list and print that orders by group or address uses them, never the text
order of the name (一组, 三组, 二组)."""

from __future__ import annotations

import re

from app.services.records.validators import halfwidth, is_digits

_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNNUMBERED = 10_000  # 其他, 集体户 …: after every numbered group


def group_order(name: str | None) -> tuple[int, str]:
    """The sort key of a 村民小组 name: its number, however written (一组, 十一组, 第二十组, 1组,
    １０组), then the name; a group without a number after the numbered ones."""
    name = name or ""
    text = halfwidth(name).strip().removeprefix("第")
    digits = re.match(r"[0-9]*", text).group()  # ASCII only: str.isdigit is true for ¹ ٣ too
    if digits:
        return int(digits), name
    value, current, seen = 0, 0, False
    for ch in text:
        if ch in _NUMERALS:
            current, seen = _NUMERALS[ch], True
        elif ch == "十":
            value, current, seen = value + (current or 1) * 10, 0, True
        elif ch == "百":
            value, current, seen = value + (current or 1) * 100, 0, True
        else:
            break
    return (value + current if seen else _UNNUMBERED), name


def natural_key(text: str | None) -> tuple:
    """Addresses in natural order: "一组2号" before "一组10号" (numbers compare as numbers)."""
    parts = re.split(r"([0-9]+)", halfwidth(text or ""))  # ASCII digits only (see group_order)
    return tuple((0, int(p), "") if is_digits(p) else (1, 0, p) for p in parts if p)

"""Argument types for numeric options: ASCII or full-width digits (０-９) only.

``type=int`` would take any Unicode decimal digit (``int("٣") == 3``); these go through the
validators the forms use, so ``¹``, ``٣``, ``४``, ``三`` and mixed scripts are refused in one
sentence naming the option, before anything is opened or written.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class WholeNumber:
    """``type=WholeNumber("居民人数")``: a whole number, refused by its label otherwise."""

    label: str
    minimum: int | None = None
    maximum: int | None = None

    def __call__(self, text: str) -> int:
        from app.services.records.validators import Invalid, parse_int

        try:
            value = parse_int(text, self.label)
        except Invalid as e:
            raise argparse.ArgumentTypeError(f"{e.message.render()}，不能是 {text!r}") from None
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):  # (a year 99999)
            if low is None:
                said = f"{self.label}不能超过 {high}"
            elif high is None:
                said = f"{self.label}至少为 {low}"
            else:
                said = f"{self.label}应在 {low} 到 {high} 之间"
            raise argparse.ArgumentTypeError(f"{said}，不能是 {text!r}")
        return value


@dataclass(frozen=True)
class NearYear(WholeNumber):
    """A year up to the next one (lists of checks, activities, a quality report; next year's 65+
    to plan for): 2099 listed every 65+ resident as unchecked, at 136 years old."""

    def __call__(self, text: str) -> int:
        import datetime as dt

        value = super().__call__(text)
        if value > dt.date.today().year + 1:
            raise argparse.ArgumentTypeError(f"{value}年还没有到（最多到明年），不能是 {text!r}")
        return value


YEAR = NearYear("年份", 2000, 2100)  # the years reports, lists and worklists are asked for
# overdue and due within so many days: up to a year ahead, as the 打印 page's day boxes (print_page.py)
DUE_DAYS = WholeNumber("天数", 0, 365)

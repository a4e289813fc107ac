"""Argument types for numeric options: ASCII or full-width digits (０-９) only.

``type=int`` would take any Unicode decimal digit (``int("٣") == 3``); these go through the
validators the forms use, so ``¹``, ``٣``, ``४``, ``三`` and mixed scripts are refused in one
sentence naming the option, before anything is opened or written.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from app.i18n import QT_TRANSLATE_NOOP


def _refused(said: str, text: str) -> argparse.ArgumentTypeError:
    """What was typed, refused: ``said`` (what is wrong, in the command line's language) and the
    value as typed; argparse puts the option's name before it."""
    from app.cli.core import CliError

    return argparse.ArgumentTypeError(
        CliError(QT_TRANSLATE_NOOP("Cli", "{said}，不能是 {value}"), said=said, value=repr(text)).render()
    )


@dataclass(frozen=True)
class WholeNumber:
    """``type=WholeNumber(QT_TRANSLATE_NOOP("Field", "居民人数"))``: a whole number, refused by its
    label otherwise.  Refusals are said in the language of the command line (``CUNYI_LANG``), the
    label too: a label of the "Field" context."""

    label: str
    minimum: int | None = None
    maximum: int | None = None

    def __call__(self, text: str) -> int:
        from app.cli import core
        from app.cli.core import CliError
        from app.services.records.validators import Invalid, parse_int

        try:
            value = parse_int(text, self.label)
        except Invalid as e:
            raise _refused(e.message.render(core.speak), text) from None
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):  # (a year 99999)
            if low is None:
                template = QT_TRANSLATE_NOOP("Cli", "{label}不能超过 {high}")
            elif high is None:
                template = QT_TRANSLATE_NOOP("Cli", "{label}至少为 {low}")
            else:
                template = QT_TRANSLATE_NOOP("Cli", "{label}应在 {low} 到 {high} 之间")
            label = core.speak("Field", self.label)
            raise _refused(CliError(template, label=label, low=low, high=high).render(), text)
        return value


@dataclass(frozen=True)
class NearYear(WholeNumber):
    """A year up to the next one (lists of checks, activities, a quality report; next year's 65+
    to plan for): 2099 listed every 65+ resident as unchecked, at 136 years old."""

    def __call__(self, text: str) -> int:
        import datetime as dt

        from app.cli.core import CliError

        value = super().__call__(text)
        if value > dt.date.today().year + 1:
            said = CliError(QT_TRANSLATE_NOOP("Cli", "{year}年还没有到（最多到明年）"), year=value)
            raise _refused(said.render(), text)
        return value


# the years reports, lists and worklists are asked for
YEAR = NearYear(QT_TRANSLATE_NOOP("Field", "年份"), 2000, 2100)
# overdue and due within so many days: up to a year ahead, as the 打印 page's day boxes (print_page.py)
DUE_DAYS = WholeNumber(QT_TRANSLATE_NOOP("Field", "天数"), 0, 365)

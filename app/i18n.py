"""Translation markers usable without Qt.

Services must not import Qt, yet their messages reach the user.  They mark each message
with :func:`QT_TRANSLATE_NOOP`, which ``pyside6-lupdate`` extracts like a ``tr()`` call;
the views (GUI and CLI) translate the marked text with ``QCoreApplication.translate``
and then fill in the ``{placeholders}``.  Source strings are Simplified Chinese, the
primary UI language; English comes from ``resources/translations/cunyi_en.ts``.
"""

from __future__ import annotations

import datetime as dt


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def finish_translation(found: str, text: str, lang: str) -> str:
    """What a user reads for ``text`` given what Qt's translator ``found`` ('' or the text itself
    when it has none): in English, a code-list label falls back to the English the code lists
    carry.  The GUI and the CLI (printed documents) both translate through this one rule."""
    if lang == "en" and (not found or found == text):
        from app.codes import english_label

        return english_label(text) or text
    return found or text


def local_time(value: dt.datetime | None, never: str = "") -> str:
    """A stored (UTC) moment as this PC's local time, to the minute; ``never`` when there is none:
    how the GUI and the command line show a moment."""
    if value is None:
        return never
    return value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def local_day(moment: dt.datetime) -> dt.date:
    """The day a stored (UTC) moment fell on here, as the people here lived it (entered at 7 in
    the morning in Beijing is 23:00 the day before in UTC)."""
    return moment.replace(tzinfo=dt.UTC).astimezone().date()


def number_text(value, decimals: int = 0) -> str:
    """A number as a form prints it: 68.5, 5 (not 5.0), "" for nothing; ``decimals``: at least so
    many digits after the point, as a reading is measured (血糖 4.0 mmol/L, never "4"; 1.25 stays)."""
    if value is None or value == "":
        return ""
    if not isinstance(value, float):
        return str(value) if not decimals or not isinstance(value, int) else f"{value:.{decimals}f}"
    text = f"{value:g}"
    if decimals and "e" not in text:
        whole, _, part = text.partition(".")
        text = f"{whole}.{part.ljust(decimals, '0')}"
    return text

"""Translation markers usable without Qt.

Services must not import Qt, yet their messages reach the user.  They mark each message
with :func:`QT_TRANSLATE_NOOP`, which ``pyside6-lupdate`` extracts like a ``tr()`` call;
the views (GUI and CLI) translate the marked text with ``QCoreApplication.translate``
and then fill in the ``{placeholders}``.  Source strings are Simplified Chinese, the
primary UI language; English comes from ``resources/translations/cunyi_en.ts``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text

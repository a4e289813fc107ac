"""Errors services raise for the user to read.

Messages are Simplified Chinese source strings marked for translation with
``QT_TRANSLATE_NOOP``; ``{placeholders}`` are filled after translation, so a view shows
``translate(context, template).format(**params)``.  ``str(error)`` is the Chinese text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]


LIST_SEPARATOR = QT_TRANSLATE_NOOP("Field", "、")  # how a list of labels is joined (", " in English)


def _identity(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    context: str
    template: str
    params: dict = field(default_factory=dict)

    def render(self, translate: Translate = _identity) -> str:
        # String parameters are field or code-list labels: translated in the "Field" context.  A
        # tuple is a list of them, each translated, joined as the language lists things.
        params = {
            k: translate("Field", v)
            if isinstance(v, str)
            else translate("Field", LIST_SEPARATOR).join(translate("Field", x) for x in v)
            if isinstance(v, tuple)
            else v
            for k, v in self.params.items()
        }
        return translate(self.context, self.template).format(**params)

    def __str__(self) -> str:
        return self.render()


class UserError(Exception):
    """Something the user can fix; never a bug.  Carries one translatable message."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message

    def render(self, translate: Translate = _identity) -> str:
        return self.message.render(translate)


class NotFound(UserError):
    pass


class StoreUnavailable(UserError):
    """The store could not be written just now: another writer held it past the wait, or the
    connection to the database server was lost (``app.db.unavailable``).  No fault of what was
    being written, which was not saved and may be tried again (a bundle is kept, not quarantined)."""


class StoreMoved(UserError):
    """A write to a SQLite file whose store was moved to a server (``app.db.store_moved``): no
    fault of what was being written, which waits (a bundle is kept, not quarantined)."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: Message

    def render(self, translate: Translate = _identity) -> str:
        return self.message.render(translate)


class ValidationError(UserError):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__(errors[0].message if errors else Message("Validation", "输入有误"))

    def render(self, translate: Translate = _identity) -> str:
        return "；".join(e.render(translate) for e in self.errors)

    def by_field(self) -> dict[str, FieldError]:
        out: dict[str, FieldError] = {}
        for e in self.errors:
            out.setdefault(e.field, e)
        return out

    def __str__(self) -> str:
        return self.render()


class NeedsConfirmation(ValidationError):
    """Only unusual (possible) values are wrong: saving needs the user's confirmation (the form asks,
    the CLI wants ``--confirm``)."""

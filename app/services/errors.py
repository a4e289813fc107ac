"""Errors services raise for the user to read.

Messages are Simplified Chinese source strings marked for translation with
``QT_TRANSLATE_NOOP``; ``{placeholders}`` are filled after translation, so a view shows
``translate(context, template).format(**params)``.  ``str(error)`` is the Chinese text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from string import Formatter

from app.i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]


LIST_SEPARATOR = QT_TRANSLATE_NOOP("Field", "、")  # how a list of labels is joined (", " in English)
# how sentences said one after another are joined (two fields' errors, one field's two): "；" in
# Chinese, "; " in English.  The one joiner for messages: the CLI, the forms and the services.
SENTENCES = QT_TRANSLATE_NOOP("Validation", "{first}；{then}")


def _identity(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    context: str
    template: str
    params: dict = field(default_factory=dict)

    def render(self, translate: Translate = _identity) -> str:
        # String parameters are field or code-list labels: translated in the "Field" context.  A
        # tuple is a list of them (or of messages), each translated, joined as the language lists things.
        # A message is rendered in the same language (a township's refusal inside the village's
        # own sentence about it).
        params = {
            k: translate("Field", v)
            if isinstance(v, str)
            else translate("Field", LIST_SEPARATOR).join(
                x.render(translate) if isinstance(x, Message) else translate("Field", x) for x in v
            )
            if isinstance(v, tuple)
            else v.render(translate)
            if isinstance(v, Message)
            else v
            for k, v in self.params.items()
        }
        return translate(self.context, self.template).format(**params)

    def __str__(self) -> str:
        return self.render()

    def as_data(self) -> dict:
        """The message as JSON data, to be rendered later in the reader's language: kept (a
        refusal in the 同步 history) or sent (a township's refusal, to the village that sent the
        bundle).  Parameters as text, a list of labels as a list, a message inside as its data."""
        return {
            "c": self.context,
            "t": self.template,
            "p": {k: _param_data(v) for k, v in self.params.items()},
        }

    @classmethod
    def from_data(cls, data, _depth: int = 0) -> Message:
        """What :meth:`as_data` made (ValueError for anything else).  The data may come from
        another machine (a township's refusal): a template is taken only if each of its fields is a
        plain ``{name}`` of its parameters, as every message of this app is written, and of a
        sensible size.  A field such as ``{text:>2000000000}`` or ``{p.render.__globals__}`` would
        otherwise have the rendering build a 2 GB string or read this program's insides."""
        if not (isinstance(data, dict) and isinstance(data.get("c"), str) and isinstance(data.get("t"), str)):
            raise ValueError("not a message")
        params = data.get("p") or {}
        if not isinstance(params, dict) or len(params) > _MAX_PARAMS or _depth > _MAX_DEPTH:
            raise ValueError("not a message")
        out = {str(k): _param_from(v, _depth) for k, v in params.items()}
        if len(data["c"]) > 100 or not _plain_template(data["t"], out):
            raise ValueError("not a message")
        if _rendered_length(data["t"], out) > _MAX_RENDERED:  # ("{a}" × 666, a message like it inside …)
            raise ValueError("not a message")
        return cls(data["c"], data["t"], out)

    def stored(self, limit: int | None = None) -> str:
        """The message as a column (of ``limit`` characters) keeps it: its data as JSON when it
        fits (shown later in the reader's language), else its Chinese text, cut."""
        text = json.dumps(self.as_data(), ensure_ascii=False)
        return text if limit is None or len(text) <= limit else self.render()[:limit]

    @classmethod
    def from_stored(cls, text: str | None, context: str) -> Message | None:
        """What :meth:`stored` kept; plain text (kept so by an earlier version, or cut) as itself."""
        if not text:
            return None
        try:
            return cls.from_data(json.loads(text))
        except (ValueError, RecursionError):  # (JSON nested past the parser's depth)
            return cls(context, "{text}", {"text": text[:300]})


def _param_data(value):
    if isinstance(value, Message):
        return value.as_data()
    if isinstance(value, tuple):
        return [str(x) for x in value]
    return str(value)


_MAX_TEXT, _MAX_PARAMS, _MAX_DEPTH = 2000, 20, 3  # what a message read from data may hold
_MAX_RENDERED = 5000  # characters its rendering may come to, parameters and messages inside filled in


def _param_from(value, depth: int):
    if isinstance(value, dict):
        return Message.from_data(value, depth + 1)
    if isinstance(value, list):
        out = tuple(str(x) for x in value)
        if len(out) > _MAX_PARAMS or any(len(x) > _MAX_TEXT for x in out):
            raise ValueError("not a message")
        return out
    text = str(value)
    if len(text) > _MAX_TEXT:
        raise ValueError("not a message")
    return text


def _rendered_length(template: str, params: dict) -> int:
    """How long ``template`` comes out with ``params`` filled in (each field as often as it stands,
    a message inside at its own length): a few KB of data must not render to gigabytes."""
    total = 0
    for literal, name, _spec, _conversion in Formatter().parse(template):
        total += len(literal)
        if name is not None:
            value = params[name]
            if isinstance(value, Message):
                total += _rendered_length(value.template, value.params)
            elif isinstance(value, tuple):
                total += sum(map(len, value)) + 2 * len(value)
            else:
                total += len(str(value))
        if total > _MAX_RENDERED:
            break
    return total


def _plain_template(template: str, params: dict) -> bool:
    """Whether every field of ``template`` is ``{name}`` of one of ``params``, with no format
    spec, conversion, attribute or index (ValueError from the parser: braces that do not pair)."""
    if len(template) > _MAX_TEXT:
        return False
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(template)]
    except ValueError:
        return False
    return all(
        name is None or (name.isidentifier() and name in params and not spec and conversion is None)
        for name, spec, conversion in fields
    )


def joined(texts: Iterable[str], translate: Translate = _identity) -> str:
    """``texts`` (sentences in the language of ``translate``) one after another, joined by
    :data:`SENTENCES` as that language joins them ("" for none)."""
    template = translate("Validation", SENTENCES)
    out: str | None = None
    for text in texts:
        # (format fills in the values as they are: a sentence that holds "{then}" stays so)
        out = text if out is None else template.format(first=out, then=text)
    return out or ""


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
        return joined((e.render(translate) for e in self.errors), translate)

    def by_field(self) -> dict[str, FieldError]:
        """Each field's error; a field wrong twice says both (two diagnosis dates of 既往史: the
        second was shown only once the first was put right, the form marking one at a time)."""
        out: dict[str, FieldError] = {}
        seen: dict[str, list[Message]] = {}
        for e in self.errors:
            said = seen.setdefault(e.field, [])
            if e.message in said:
                continue
            said.append(e.message)
            was = out.get(e.field)
            out[e.field] = (
                e
                if was is None
                else FieldError(
                    e.field,
                    Message(
                        "Validation",
                        SENTENCES,
                        {"first": was.message, "then": e.message},
                    ),
                )
            )
        return out

    def __str__(self) -> str:
        return self.render()


class NeedsConfirmation(ValidationError):
    """Only unusual (possible) values are wrong: saving needs the user's confirmation (the form asks,
    the CLI wants ``--confirm``)."""

"""Field tables: a form's fields declared once, as data, and everything derived from them.

A :class:`FieldTable` lists a form's fields section by section, in the order of the paper form
(which is also the tab order).  Each :class:`Field` says what it is (its :class:`Kind`, length or
code list), how it is labelled, whether it is required, where it sits on the roster (its
:class:`Column`) and how it is checked.  From the table come:

- the input type (:meth:`FieldTable.input_type`): a dataclass with one attribute per field, holding
  what the user typed;
- validation (:meth:`Checking.run`): each field's check (its kind's, or its own ``check``), then its
  ``rules`` (cross-field rules written as code, reached from the field that owns them);
- the form (``app.views.widgets.field_editor`` builds a widget per kind; composite widgets are named
  by ``editor``) and the roster columns (:meth:`FieldTable.roster_fields`, :func:`cell_value`,
  :func:`cell_text`).

Nothing here knows a particular form; ``resident_form`` declares the 个人基本信息表.  No Qt.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import FieldError, Message
from app.services.records.validators import (
    CTX,
    Invalid,
    clean_text,
    halfwidth,
    parse_date,
    parse_decimal,
    parse_int,
    parse_month,
    parse_resident_id,
    same_dots,
    validate_phone,
)


class Kind(enum.Enum):
    TEXT = "text"  # free text up to max_len characters
    CODE = "code"  # one code of a code list
    MULTI = "multi"  # several codes of a code list (stored as choice rows), optionally an "other" text
    DATE = "date"  # 年-月-日
    MONTH = "month"  # 年-月
    PHONE = "phone"
    RESIDENT_ID = "resident_id"  # 18-digit ID (GB 11643)
    NUMBER = "number"  # a whole number in [minimum, maximum]
    DECIMAL = "decimal"  # a number with a decimal point in [minimum, maximum] (身高 160.5), kept as a number
    BOOL = "bool"  # a check box
    CUSTOM = "custom"  # a composite value: the field brings its own type, check, load and editor


Check = Callable[["Checking", "Field"], None]
Load = Callable[["Saved", "Field"], dict]


class _KindDefault:
    """``Field.default`` when not given: the kind's own initial value ("", [] or False)."""

    def __repr__(self) -> str:
        return "KIND_DEFAULT"


KIND_DEFAULT: Any = _KindDefault()


@dataclass(frozen=True)
class Column:
    """Where a field sits on the roster (花名册) spreadsheet."""

    header: str  # the column title, as users write it in their files
    position: int  # columns are ordered by position
    example: str = ""  # the template's example row
    required: bool = False  # a file without this column is refused
    as_text: bool = False  # keep as text in .xlsx (long digit strings); implied for IDs and phones


@dataclass(frozen=True)
class Field:
    """One field of a form.  Strings shown to users are ``QT_TRANSLATE_NOOP("Field", …)``."""

    key: str  # the input attribute (and the model column of the same name, if there is one)
    label: str  # as printed on the paper form; names the field in every message
    kind: Kind
    max_len: int = 0  # TEXT (and the input length of every typed kind)
    codes: str | None = None  # CODE / MULTI: the code-list name
    # Marked * on the form.  Refused when still empty after every check ran, unless the field has
    # its own check or rules: they decide (an ID fills sex and birth date; a bad ID says enough).
    required: bool = False
    default: Any = KIND_DEFAULT  # the input's initial value (a callable makes a fresh one)
    hint: str = ""  # placeholder text
    note: str = ""  # a line under the field the form shows (what each level of a scale means)
    other: str | None = None  # the companion free-text attribute ("payment_other": 其他，请写明)
    other_hint: str = ""
    choice: str = ""  # BOOL: the check box's own text, the label then stands in front of it
    inline: str | None = None  # share the previous field's row, after this text ("RH"); None: own row
    # a printed row's label when fields share it (血压: 收缩压 and 舒张压); "": the field's label
    row_label: str = ""
    columns: int = 4  # MULTI: check boxes per row
    minimum: float | None = None  # NUMBER, DECIMAL
    maximum: float | None = None
    unit: str = ""  # NUMBER, DECIMAL: 年, 次, cm …
    decimals: int = 0  # DECIMAL: at least so many digits shown after the point (血糖 4.0, not 4)
    not_future: bool = False  # DATE: refuse dates after today
    check: Check | None = None  # replaces the kind's check (composite values, special parsing)
    rules: tuple[Check, ...] = ()  # cross-field rules, run after this field's check
    load: Load | None = None  # the input attributes from a saved record; None: the column of the same name
    editor: str | None = None  # a hand-built editor of the view (composite widgets)
    annotation: str | None = None  # CUSTOM: the input attribute's type, as text
    roster: Column | None = None

    def initial(self) -> Any:
        """A fresh initial input value."""
        default = _KIND_DEFAULT.get(self.kind, "") if self.default is KIND_DEFAULT else self.default
        return default() if callable(default) else default

    @property
    def placeholder(self) -> str:
        if self.hint:
            return self.hint
        if self.kind is Kind.DATE:
            return QT_TRANSLATE_NOOP("Field", "年-月-日")
        if self.kind is Kind.MONTH:
            return QT_TRANSLATE_NOOP("Field", "年-月")
        return self.unit

    @property
    def input_length(self) -> int:
        """How many characters the line edit takes."""
        if self.max_len:
            return self.max_len
        if self.kind is Kind.NUMBER:
            return len(str(self.maximum)) if self.maximum is not None else 10
        return {Kind.DATE: 20, Kind.MONTH: 10, Kind.PHONE: 20, Kind.RESIDENT_ID: 30}.get(self.kind, 100)

    def attributes(self) -> list[tuple[str, str, Callable[[], Any]]]:
        """(name, annotation, fresh default) of the input attributes this field owns."""
        if self.kind is Kind.CUSTOM:
            annotation = self.annotation or "str"
        elif self.kind is Kind.MULTI:
            annotation = "list[str]"
        elif self.kind is Kind.BOOL:
            annotation = "bool | None" if self.initial() is None else "bool"
        else:
            annotation = "str"
        out = [(self.key, annotation, self.initial)]
        if self.other:
            out.append((self.other, "str", str))
        return out


_KIND_DEFAULT: dict[Kind, Any] = {Kind.MULTI: list, Kind.BOOL: False}


def _comparable(value: Any) -> Any:
    """A field's value as :meth:`FieldTable.merge` compares it: ticked boxes in any order alike."""
    return sorted(map(repr, value)) if isinstance(value, list) else value


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[Field, ...]


class FieldTable:
    """A form's sections and fields, in paper-form (= tab) order."""

    def __init__(
        self, name: str, sections: list[Section] | tuple[Section, ...], *, module: str | None = None
    ):
        self.name = name
        # where the table is declared: its input type says it lives there (repr, pickling)
        self.module = module or sys._getframe(1).f_globals.get("__name__", __name__)
        self.sections = tuple(sections)
        self.fields: tuple[Field, ...] = tuple(f for s in self.sections for f in s.fields)
        self._by_key = {f.key: f for f in self.fields}
        self._check_declaration()

    def _check_declaration(self) -> None:
        """A mistake in the table is a programming error: say which field at import, not at first use."""
        names = [name for f in self.fields for name, _, _ in f.attributes()]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"{self.name}: attributes declared twice: {sorted(dupes)}")
        positions = [f.roster.position for f in self.fields if f.roster]
        if len(positions) != len(set(positions)):
            raise ValueError(f"{self.name}: two roster columns share a position")
        for f in self.fields:
            if f.kind in (Kind.CODE, Kind.MULTI) and f.codes not in CODE_LISTS:
                raise ValueError(f"{self.name}.{f.key}: unknown code list {f.codes!r}")
            if f.kind is Kind.TEXT and not f.max_len:
                raise ValueError(f"{self.name}.{f.key}: a text field needs max_len")
            if f.kind is Kind.CUSTOM and (f.check is None or f.annotation is None):
                raise ValueError(f"{self.name}.{f.key}: a custom field needs its type and check")

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __getitem__(self, key: str) -> Field:
        return self._by_key[key]

    def get(self, key: str) -> Field | None:
        return self._by_key.get(key)

    def inserted(self, field: Field, *, after: str) -> FieldTable:
        """A copy with ``field`` placed after the field ``after`` (same section)."""
        sections = []
        for s in self.sections:
            fields = list(s.fields)
            if after in (f.key for f in fields):
                i = next(i for i, f in enumerate(fields) if f.key == after)
                fields.insert(i + 1, field)
            sections.append(dataclasses.replace(s, fields=tuple(fields)))
        return FieldTable(self.name, sections, module=self.module)

    def merge(self, base: Any, mine: Any, theirs: Any) -> tuple[Any, list[Field]]:
        """``mine`` (what a user typed over ``base``, the record as their form opened it) laid over
        ``theirs`` (the record as stored now, saved meanwhile by someone else): each field the user
        left as it was takes the stored value, each they changed keeps what they typed.  Returns the
        merged input and the fields both changed, differently (conflicts: the caller refuses, or asks)."""
        merged = dataclasses.replace(mine)
        conflicts = []
        for f in self.fields:
            names = [name for name, _annotation, _fresh in f.attributes()]
            b, m, t = ([_comparable(getattr(x, n)) for n in names] for x in (base, mine, theirs))
            if m == b:
                for n in names:
                    setattr(merged, n, getattr(theirs, n))
            elif t not in (b, m):
                conflicts.append(f)
        return merged, conflicts

    def rebased(self, base: Any, theirs: Any, fields: list[Field]) -> Any:
        """``base`` with ``fields`` (conflicts of :meth:`merge`) as ``theirs`` has them: the base of
        a second save by a user who has seen them, whose values then go over them, while every
        other field still merges."""
        out = dataclasses.replace(base)
        for f in fields:
            for name, _annotation, _fresh in f.attributes():
                setattr(out, name, getattr(theirs, name))
        return out

    # ---------------------------------------------------------------- derived

    @cached_property
    def input_type(self) -> type:
        """The dataclass of what a user typed: one attribute per field (plus "other" texts),
        keyword-only, strings as typed."""
        specs = [
            (name, annotation, dataclasses.field(default_factory=fresh))
            for f in self.fields
            for name, annotation, fresh in f.attributes()
        ]
        class_name = "".join(p.title() for p in self.name.split("_")) + "Input"
        return dataclasses.make_dataclass(
            class_name,
            specs,
            kw_only=True,
            namespace={
                "__doc__": f"What a user typed on the {self.name} form, before validation (strings as typed).",
                "__module__": self.module,
            },
        )

    def roster_fields(self) -> list[Field]:
        """The fields with a roster column, in column order."""
        return sorted((f for f in self.fields if f.roster), key=lambda f: f.roster.position)


# ---------------------------------------------------------------- validation


class Checking:
    """One validation pass over an input: the clean values, the choice rows and the errors so far.

    Fields are checked in table order, so a field's check or rule may read the clean values of the
    fields before it.  ``found`` carries what a check hands to later rules and to the caller (the
    parsed resident ID, the village …).
    """

    def __init__(self, table: FieldTable, inp: Any, *, today: dt.date, **context: Any):
        self.table, self.inp, self.today = table, inp, today
        self.context = context  # the caller's: session, resident_id …
        self.values: dict[str, Any] = {}
        self.choices: list[dict] = []
        self.found: dict[str, Any] = {}
        self.errors: list[FieldError] = []

    def raw(self, name: str) -> Any:
        """What was typed for an input attribute (its initial value if the input lacks it)."""
        if hasattr(self.inp, name):
            return getattr(self.inp, name)
        f = self.table.get(name)
        return f.initial() if f else ""

    def fail(self, key: str, template: str, **params) -> None:
        self.errors.append(FieldError(key, Message(CTX, template, params)))

    def attempt(self, key: str, fn: Callable, *args, **kwargs) -> Any:
        try:
            return fn(*args, **kwargs)
        except Invalid as e:
            self.errors.append(FieldError(key, e.message))
            return None

    def failed(self, *keys: str) -> bool:
        return any(e.field in keys for e in self.errors)

    def run(self) -> Checking:
        for f in self.table.fields:
            (f.check or _CHECKS[f.kind])(self, f)
            for rule in f.rules:
                rule(self, f)
        for f in self.table.fields:  # after every rule: an ID may have filled sex and birth date
            value = self.values[f.key] if f.key in self.values else self.raw(f.key)
            own_say = f.check is not None or bool(f.rules)
            if f.required and not own_say and value in (None, "", [], {}) and not self.failed(f.key):
                self.fail(f.key, QT_TRANSLATE_NOOP("Validation", "请填写{label}"), label=f.label)
        return self


def check_text(c: Checking, f: Field) -> None:
    c.values[f.key] = c.attempt(f.key, clean_text, c.raw(f.key), f.max_len, f.label)


def check_person(c: Checking, f: Field) -> None:
    """Free text naming a person (建档人, 责任医生), its middle dot spelled one way (:func:`same_dots`)."""
    check_text(c, f)
    if c.values[f.key]:
        c.values[f.key] = same_dots(c.values[f.key])


def check_code(c: Checking, f: Field) -> None:
    code = (c.raw(f.key) or "").strip() or (f.initial() or "")
    if code and code not in CODE_LISTS[f.codes]:
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "{label}代码“{value}”无效"), label=f.label, value=code)
        code = ""
    c.values[f.key] = code or None


def check_choices(
    c: Checking, key: str, list_name: str, codes: list[str], other_text: str, label: str, row_field: str
) -> None:
    """Ticked codes of a multi-choice list: known, 无 alone, 其他 explained; one choice row each."""
    cl = CODE_LISTS[list_name]
    codes = list(dict.fromkeys(x.strip() for x in codes if x and x.strip()))
    bad = [x for x in codes if x not in cl]
    if bad:
        c.fail(key, QT_TRANSLATE_NOOP("Validation", "{label}代码“{value}”无效"), label=label, value=bad[0])
        return
    if cl.none_code and cl.none_code in codes and len(codes) > 1:
        c.fail(
            key,
            QT_TRANSLATE_NOOP("Validation", "{label}选了“{none}”就不能再选其他项"),
            label=label,
            none=cl.label(cl.none_code),
        )
        return
    other = c.attempt(key, clean_text, other_text, 100, label)
    if cl.other_code and cl.other_code in codes and not other:
        c.fail(key, QT_TRANSLATE_NOOP("Validation", "{label}选了“其他”，请写明"), label=label)
        return
    for code in codes:
        c.choices.append(
            {
                "field": row_field,
                "code": code,
                "note": other if code == cl.other_code else None,
                "event_date": None,
            }
        )


def check_multi(c: Checking, f: Field) -> None:
    other = c.raw(f.other) if f.other else ""
    codes = c.raw(f.key) or []
    other_unticked(c, f.key, f.label, other, CODE_LISTS[f.codes].other_code in codes)
    check_choices(c, f.key, f.codes, codes, other, f.label, f.key)


def other_unticked(c: Checking, key: str, label: str, other_text, ticked: bool) -> None:
    """An "other" text written without 其他 ticked: refused (it was dropped without a word)."""
    if not ticked and isinstance(other_text, str) and other_text.strip():
        c.fail(
            key,
            QT_TRANSLATE_NOOP("Validation", "{label}写了“其他”的内容，但没有勾选“其他”：请勾选或删去"),
            label=label,
        )


def check_date(c: Checking, f: Field) -> None:
    value = c.attempt(f.key, parse_date, c.raw(f.key), f.label)
    if value and f.not_future and value > c.today:
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "{label}不能晚于今天"), label=f.label)
    c.values[f.key] = value


def check_month(c: Checking, f: Field) -> None:
    c.values[f.key] = c.attempt(f.key, parse_month, c.raw(f.key), f.label)


def check_phone(c: Checking, f: Field) -> None:
    c.values[f.key] = c.attempt(f.key, validate_phone, c.raw(f.key), f.label)


def check_resident_id(c: Checking, f: Field) -> None:
    raw = (c.raw(f.key) or "").strip()
    rid = c.attempt(f.key, parse_resident_id, raw) if raw else None
    c.values[f.key] = rid.number if rid else None


def check_number(c: Checking, f: Field) -> None:
    _check_in_range(c, f, parse_int)


DECIMALS = 3  # a measurement's places kept (a lipid's 4.56): ".0000001" is 0, never printed 1e-07


def check_decimal(c: Checking, f: Field) -> None:
    # (+ 0.0: "-0" is 0, never printed "-0")
    _check_in_range(c, f, lambda raw, label: round(parse_decimal(raw, label), DECIMALS) + 0.0)


def _check_in_range(c: Checking, f: Field, parse: Callable[[str, str], float]) -> None:
    """A whole number (NUMBER) or a decimal one (DECIMAL) in [minimum, maximum]."""
    raw = halfwidth(c.raw(f.key) or "").strip()
    c.values[f.key] = None
    if not raw:
        return
    try:
        n, refused = parse(raw, f.label), None
    except Invalid as e:
        n, refused = None, e.message
    too_low = n is not None and f.minimum is not None and n < f.minimum
    too_high = n is not None and f.maximum is not None and n > f.maximum
    if n is not None and not too_low and not too_high:
        c.values[f.key] = n
    elif f.minimum is not None and f.maximum is not None:  # one message says what is wanted
        c.fail(
            f.key,
            QT_TRANSLATE_NOOP("Validation", "{label}应为{min}到{max}{unit}"),
            label=f.label,
            min=f.minimum,
            max=f.maximum,
            unit=f.unit,
        )
    elif refused is not None:
        c.errors.append(FieldError(f.key, refused))
    elif too_low:
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "{label}不能小于{min}"), label=f.label, min=f.minimum)
    else:
        c.fail(f.key, QT_TRANSLATE_NOOP("Validation", "{label}不能大于{max}"), label=f.label, max=f.maximum)


def check_bool(c: Checking, f: Field) -> None:
    raw = c.raw(f.key)
    c.values[f.key] = None if raw is None else bool(raw)


def _no_check(c: Checking, f: Field) -> None:  # pragma: no cover - CUSTOM fields bring their own
    raise TypeError(f"{f.key}: a custom field needs its own check")


_CHECKS: dict[Kind, Check] = {
    Kind.TEXT: check_text,
    Kind.CODE: check_code,
    Kind.MULTI: check_multi,
    Kind.DATE: check_date,
    Kind.MONTH: check_month,
    Kind.PHONE: check_phone,
    Kind.RESIDENT_ID: check_resident_id,
    Kind.NUMBER: check_number,
    Kind.DECIMAL: check_decimal,
    Kind.BOOL: check_bool,
    Kind.CUSTOM: _no_check,
}


# ---------------------------------------------------------------- spreadsheet cells

_SEPARATORS = re.compile(r"[、,，;；/\s]+")
_YES = {"是", "有", "√", "✓", "1", "y", "yes", "true"}
_NO = {"否", "无", "×", "0", "n", "no", "false"}


def cell_value(f: Field, text: str) -> Any:
    """The input value of a roster cell (codes may be written as code or label).  Raises Invalid."""
    text = (text or "").strip()
    if f.kind is Kind.CODE:
        return _code(f.codes, text)
    if f.kind is Kind.MULTI:
        return [_code(f.codes, part) for part in _SEPARATORS.split(text) if part]
    if f.kind is Kind.BOOL:
        folded = halfwidth(text).lower()
        if not folded:
            return f.initial()
        if folded in _YES or folded in _NO:
            return folded in _YES
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "无法识别“{value}”"), value=text)
    return text


def _code(list_name: str, text: str) -> str:
    if not text:
        return ""
    found = CODE_LISTS[list_name].lookup(halfwidth(text))
    if found is None:
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "无法识别“{value}”"), value=text)
    return found.code


def cell_text(f: Field, value: Any) -> str:
    """A roster cell for an input value: codes by their Chinese label, as people write them."""
    if f.kind is Kind.CODE:
        return CODE_LISTS[f.codes].label(value)
    if f.kind is Kind.MULTI:
        return "、".join(CODE_LISTS[f.codes].label(code) for code in value or [])
    if f.kind is Kind.BOOL:
        return "是" if value else ""
    return "" if value is None else str(value)


def keeps_digits(f: Field) -> bool:
    """A column of long digit strings: Excel must keep it as text, or it shows 1.10105E+17."""
    return bool(f.roster and (f.roster.as_text or f.kind in (Kind.RESIDENT_ID, Kind.PHONE)))


# ---------------------------------------------------------------- loading a saved record


class Saved:
    """A saved record as loaders read it: its columns, and its choice rows (MULTI fields) by field."""

    def __init__(self, record: Any, choices: list[Any], columns: set[str]):
        self.record, self.columns = record, columns
        self._rows: dict[str, list[Any]] = {}
        for row in choices:
            self._rows.setdefault(row.field, []).append(row)

    def has(self, key: str) -> bool:
        return key in self.columns

    def rows(self, field: str) -> list[Any]:
        return self._rows.get(field, [])

    def codes(self, field: str) -> list[str]:
        return [r.code for r in self.rows(field) if r.code]

    def note(self, field: str) -> str:
        return next((r.note for r in self.rows(field) if r.note), "") or ""


def load_field(saved: Saved, f: Field) -> dict:
    """A field's input attributes from a saved record, by kind.  A field without a column of the
    same name (and not a MULTI field, whose values are choice rows) loads its initial value."""
    if f.kind is Kind.MULTI:
        out = {f.key: saved.codes(f.key)}
        if f.other:
            out[f.other] = saved.note(f.key)
        return out
    if not saved.has(f.key):
        return {f.key: f.initial()}
    value = getattr(saved.record, f.key)
    if f.kind in (Kind.CUSTOM, Kind.BOOL):
        return {f.key: value}
    if isinstance(value, dt.date):
        return {f.key: value.isoformat()}
    return {f.key: "" if value is None else str(value)}


def load_values(fields: Iterable[Field], saved: Saved) -> dict[str, Any]:
    """The input attributes of some fields (a roster's columns) from a saved record."""
    values: dict[str, Any] = {}
    for f in fields:
        values.update(f.load(saved, f) if f.load else load_field(saved, f))
    return values


def load_input(table: FieldTable, saved: Saved) -> Any:
    """The input (as the form shows it) of a saved record."""
    return table.input_type(**load_values(table.fields, saved))

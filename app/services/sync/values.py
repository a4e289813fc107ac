"""What a change may carry: each value of the right type and size for its column, and within what
the forms accept where sync can check it (a programme's codes, a measurement's hard range).

A signed bundle is trusted to come from its sender, not to hold what its sender's forms would have
saved: a village PC's files can be edited.  A value no form saves ("abc" for a blood pressure, a
programme that does not exist, 5,000 drugs on one visit) would be stored as it came and break the
township's reports and prints later.  The check pass refuses the whole bundle instead, naming the
row and the field (:func:`problem`).

The columns are read from the models (one declaration); the domain limits from the programmes'
own tables (:func:`_limits`).  Values are checked a column at a time over the ops of a chunk that
carry the same fields, in loops that run in C (``map``, ``set``, ``min``/``max``): a 100k-change
bundle pays a fraction of a second, not a Python call per value.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from itertools import chain
from operator import is_not, itemgetter, methodcaller

import sqlalchemy as sa

from app.models.base import Timestamp, is_day, is_id, is_json
from app.models.followup import DRUG_KEYS
from app.services.records.validators import FIRST_DATE, LAST_DATE, Invalid, parse_date, parse_month
from app.services.sync import capture

_INT32, _INT64 = 2**31, 2**63
DRUG_KEYS_SET = frozenset(DRUG_KEYS)
_MAX_ITEMS = 1000  # a JSON list or object of a row: far more than any form makes
_CHILD_TEXT = 200  # a ticked box's code, note or date
_FIRST_MOMENT = dt.datetime.combine(FIRST_DATE, dt.time())
_LAST_MOMENT = dt.datetime.combine(LAST_DATE, dt.time.max)
_not_none = partial(is_not, None)


@dataclass(frozen=True)
class Rule:
    """What one column accepts: its kind ("bool", "int", "float", "str", "date", "moment", "id",
    "json", "children"), whether None is allowed, and its limits."""

    kind: str
    nullable: bool
    length: int | None = None  # str: characters; json: items
    low: float | None = None
    high: float | None = None
    codes: frozenset | None = None
    required: frozenset | None = None  # children: the fields each row must carry (not NULL)
    shape: Callable[[object], bool] | None = None  # json: what the form writes (:data:`JSON_SHAPES`)
    valid: Callable[[str], bool] | None = None  # str: what the form's check keeps as it is


def _rule(column: sa.Column, limit: dict) -> Rule:
    t, nullable = column.type, bool(column.nullable)
    if isinstance(t, sa.Boolean):
        return Rule("bool", nullable)
    if isinstance(t, sa.Integer):
        bound = _INT64 if isinstance(t, sa.BigInteger) else _INT32
        return Rule("int", nullable, low=limit.get("low", -bound + 1), high=limit.get("high", bound - 1))
    if isinstance(t, sa.Float | sa.Numeric):
        return Rule("float", nullable, low=limit.get("low", -1e12), high=limit.get("high", 1e12))
    if is_day(t):
        return Rule("date", nullable)
    if isinstance(t, sa.DateTime | Timestamp):
        return Rule("moment", nullable)
    if is_id(t):
        return Rule("id", nullable)
    if is_json(t):
        return Rule("json", nullable, length=limit.get("items", _MAX_ITEMS), shape=limit.get("shape"))
    if isinstance(t, sa.String):  # (Text too)
        return Rule(
            "str",
            nullable,
            length=getattr(t, "length", None),
            codes=limit.get("codes"),
            valid=limit.get("valid"),
        )
    return Rule("any", True)


@cache
def rules(entity: str) -> dict[str, Rule]:
    """Each synced field of ``entity`` with what it accepts (children: a list of their rows)."""
    spec = capture.specs()[entity]
    limits = _limits(entity)
    out = {
        name: _rule(spec.table.c[name], limits.get(name, {}))
        for name in spec.fields
        if name not in spec.children
    }
    for name, (model, _fk, fields) in spec.children.items():
        columns = model.__table__.c
        out[name] = Rule(  # rows of their own fields only, each NOT NULL one present
            "children",
            False,
            length=_MAX_ITEMS,
            codes=frozenset(fields),
            required=frozenset(f for f in fields if not columns[f].nullable),
        )
    return out


def _limits(entity: str) -> dict[str, dict]:
    """What the forms accept beyond a column's type, where a report or a print relies on it."""
    if entity == "followup_visit":
        from app.services.programmes import followup

        out: dict[str, dict] = {
            name: {"low": low, "high": high} for name, (_label, low, high, *_usual) in followup.RANGES.items()
        }
        out["program"] = {"codes": frozenset(followup.PROGRAMS)}
        out["drugs"] = {"items": followup.MAX_DRUGS, "shape": JSON_SHAPES["drugs"]}
        out["symptoms"] = {"shape": JSON_SHAPES["codes"]}
        out["emergency_reasons"] = {"shape": JSON_SHAPES["lines"]}
        out["insulin"] = {"shape": JSON_SHAPES["texts"]}
        out["provincial"] = {"shape": JSON_SHAPES["texts"]}
        return out
    if entity == "resident":
        return _resident_limits()
    return {column: {"shape": shape} for column, shape in _form_shapes(entity).items()}


def _resident_limits() -> dict[str, dict]:
    """The resident form's coded fields, its phones and the name, as its checks save them
    (``resident_form.RESIDENT_FORM``): a bundle carrying a sex code 7, a name of "=HYPERLINK(…)"
    or a phone "+cmd|…" is refused as the form refuses it.  (How the ID, sex and birth date agree:
    ``resident_form.synced_resident_problem``.)"""
    from app.codes import CODE_LISTS
    from app.models import Resident
    from app.services.records.field_table import Kind
    from app.services.records.resident_form import RESIDENT_FORM
    from app.services.records.validators import validate_name, validate_phone

    columns = Resident.__table__.c
    # (a name as an earlier version may have saved it: the form's newer rule on separators is not
    # a reason to refuse a whole bundle)
    out: dict[str, dict] = {"name": {"valid": _kept_by(lambda t: validate_name(t, as_typed=False))}}
    for f in RESIDENT_FORM:
        if f.key not in columns:
            continue
        if f.kind is Kind.CODE:
            out[f.key] = {"codes": frozenset(c.code for c in CODE_LISTS[f.codes])}
        elif f.kind is Kind.PHONE:
            out[f.key] = {"valid": _kept_by(validate_phone)}
    return out


def _kept_by(check: Callable[[str], str | None]) -> Callable[[str], bool]:
    """Whether a form's check (validators: text in, the value saved out) keeps ``text`` as it is."""
    from app.services.records.validators import Invalid

    def valid(text: str) -> bool:
        try:
            return check(text) == text
        except Invalid:
            return False

    return valid


@cache
def _form_shapes(entity: str) -> dict[str, FormShape | RowShape | CodesShape]:
    """The JSON columns that hold the rest of a paper form (:class:`FormShape`), each with its field
    table, where a print, a view or a report reads them back by the table."""
    if entity in ("smi_registration", "smi_visit"):
        from app.services.programmes.smi_forms import REGISTRATION_FORM, VISIT_FORM

        return {"form": FormShape(REGISTRATION_FORM if entity == "smi_registration" else VISIT_FORM)}
    if entity == "elderly_check":
        from app.services.programmes.elderly_form import CHECK_FORM, SELFCARE_KEYS

        return {
            "form": FormShape(CHECK_FORM),
            "selfcare": RowShape(tuple(CHECK_FORM[k] for k in SELFCARE_KEYS), optional=True),
        }
    if entity == "family_contract":
        return {"packages": CodesShape("contract_package")}
    return {}


@cache
def form_dates(entity: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(column, keys) of the dates of what has happened (``not_future`` in the field table) kept
    in ``entity``'s form JSON: none may be later than the receiving device's today and a day, as
    for dates kept in columns (exchange.HAPPENED_ON)."""
    return tuple(
        (column, shape.happened)
        for column, shape in _form_shapes(entity).items()
        if isinstance(shape, FormShape) and shape.happened
    )


def field_value_ok(f, value) -> bool:
    """One value of a form field (``field_table.Field``) as its service keeps it in JSON: what the
    field's check makes of typed text (``field_table.check_*``), never anything else."""
    from app.codes import CODE_LISTS
    from app.services.records.field_table import Kind

    kind = f.kind
    if kind is Kind.TEXT:
        return type(value) is str and len(value) <= f.max_len
    if kind is Kind.CODE:
        return type(value) is str and value in CODE_LISTS[f.codes]
    if kind is Kind.MULTI:
        return type(value) is list and all(type(x) is str and x in CODE_LISTS[f.codes] for x in value)
    if kind is Kind.DATE:
        return _value_ok(_DATE, value)
    if kind is Kind.MONTH:
        return type(value) is str and len(value) != 10 and event_date_ok(value)
    if kind is Kind.NUMBER:
        return (
            type(value) is int
            and (f.minimum is None or value >= f.minimum)
            and (f.maximum is None or value <= f.maximum)
        )
    if kind is Kind.DECIMAL:
        return (
            type(value) in (int, float)
            and math.isfinite(value)
            and (f.minimum is None or value >= f.minimum)
            and (f.maximum is None or value <= f.maximum)
        )
    if kind is Kind.BOOL:
        return type(value) is bool
    if kind in (Kind.PHONE, Kind.RESIDENT_ID):
        return type(value) is str and len(value) <= 20 and value.isascii() and value.isprintable()
    return _scalar_ok(value)  # (CUSTOM: no form kept in JSON has one)


_DATE = Rule("date", False)
_OTHER_TEXT = 100  # a multi-choice field's 其他 text (field_table.check_choices)
_FORM_TEXT = 500  # a value under a key the form does not have (a field of a later version)


def event_date_ok(text: str) -> bool:
    """Whether ``text`` is a date as the forms store it: what validators.parse_month (a year, or a
    year and month) or parse_date (a day) makes of it, unchanged."""
    try:
        if len(text) == 10:
            return parse_date(text, "").isoformat() == text
        return parse_month(text, "") == text
    except Invalid:
        return False


def _scalar_ok(value) -> bool:
    if type(value) is str:
        return len(value) <= _FORM_TEXT
    if type(value) is float:
        return math.isfinite(value)
    return type(value) in (int, bool)


class FormShape:
    """A form's other fields as one JSON object, keyed by its field table (smi.py's and
    elderly.py's ``form``): each known key holds what :func:`field_value_ok` accepts, a 其他 text
    beside ticked codes is short text; a key the table does not have (a field a later version
    added) holds one short value, kept and passed on, read by nothing here."""

    def __init__(self, table):
        self.fields = {f.key: f for f in table}
        self.others = frozenset(f.other for f in table if f.other)
        self.happened = tuple(f.key for f in table if f.not_future and f.kind.value == "date")

    def __call__(self, value) -> bool:
        return type(value) is dict and self.problem(value) is None

    def problem(self, value) -> str | None:
        """The first key of ``value`` whose value the form does not save ("" for a value that is
        no object at all)."""
        if type(value) is not dict:
            return ""
        for key, v in value.items():
            f = self.fields.get(key)
            if f is not None:
                ok = field_value_ok(f, v)
            elif key in self.others:
                ok = v is None or (type(v) is str and len(v) <= _OTHER_TEXT)
            else:
                ok = _scalar_ok(v)
            if not ok:
                return key
        return None


class RowShape:
    """A list holding one value per field, in the table's order (elderly_check.selfcare: the five
    self-care levels, which the record's view zips with their fields).  ``optional``: an empty
    list is one too, the row not asked (a poor household member's free check under 65 has no
    self-care assessment: such a check refused every bundle of its village)."""

    def __init__(self, fields: tuple, *, optional: bool = False):
        self.fields = fields
        self.optional = optional

    def __call__(self, value) -> bool:
        return type(value) is list and (
            (self.optional and not value)
            or (len(value) == len(self.fields) and all(map(field_value_ok, self.fields, value)))
        )


class CodesShape:
    """A list of codes of one code list, each once (family_contract.packages)."""

    def __init__(self, list_name: str):
        self.list_name = list_name

    def __call__(self, value) -> bool:
        from app.codes import CODE_LISTS

        codes = CODE_LISTS[self.list_name]
        return (
            type(value) is list
            and all(type(x) is str and x in codes for x in value)
            and len(set(value)) == len(value)
        )


def _value_ok(rule: Rule, v) -> bool:
    """One value against its rule (what :func:`_column_ok` checks for a whole column)."""
    if v is None:
        return rule.nullable
    kind = rule.kind
    if kind == "bool":
        return type(v) is bool
    if kind == "int":
        return type(v) is int and rule.low <= v <= rule.high
    if kind == "float":
        return type(v) in (int, float) and math.isfinite(v) and rule.low <= v <= rule.high
    if kind == "str":
        return (
            type(v) is str
            and (rule.length is None or len(v) <= rule.length)
            and (rule.codes is None or v in rule.codes)
            and (rule.valid is None or rule.valid(v))
        )
    if kind == "date":
        try:
            day = dt.date.fromisoformat(v) if type(v) is str else None
        except ValueError:
            return False
        return day is not None and FIRST_DATE <= day <= LAST_DATE and day.isoformat() == v
    if kind == "moment":
        try:
            return (
                type(v) is str
                and _FIRST_MOMENT <= dt.datetime.fromisoformat(v).replace(tzinfo=None) <= _LAST_MOMENT
            )
        except ValueError:
            return False
    if kind == "id":
        return is_hex_id(v)
    if kind == "json":
        return type(v) in (list, dict) and len(v) <= rule.length and _json_shape_ok(rule.shape, v)
    if kind == "children":
        return (
            type(v) is list
            and len(v) <= rule.length
            and all(
                type(c) is dict
                and all(x is None or (type(x) is str and len(x) <= _CHILD_TEXT) for x in c.values())
                and _child_fields_ok(rule, c)
                for c in v
            )
        )
    return True


# Ids and clocks travel in lower-case hex, as every device writes them: a clock in capitals would
# sort below a lower-case one of the same moment (the future-clock check compares text), and an id
# in capitals would name a row under a second spelling.
_HEX = frozenset("0123456789abcdef")


def is_hex_id(value, length: int = 32) -> bool:
    """Whether ``value`` is an id (or, with ``length`` 24, a clock) as it travels: hex text."""
    return type(value) is str and len(value) == length and _HEX.issuperset(value)


def all_hex(text: str) -> bool:
    """Whether ``text`` is lower-case hex digits only (bytes.fromhex also skips spaces and takes
    capitals: both ruled out first)."""
    if not text.isascii() or not text.isalnum() or text != text.lower():
        return False
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return True


# The kinds whose values are texts that repeat down a column, checked each distinct text once.
_BY_TEXT = frozenset({"str", "date", "id"})


def _column_ok(rule: Rule, column: tuple) -> bool:
    """Every value of ``column`` (one field of many ops) against ``rule``, in C loops where it can."""
    nones = column.count(None)  # (half a visit's fields are empty: counted by identity, fast)
    if nones:
        if not rule.nullable:
            return False
        if nones == len(column):
            return True
        column = tuple(filter(_not_none, column))
    types = set(map(type, column))
    kind = rule.kind
    if kind == "bool":
        return types == {bool}
    if kind == "int":
        return types == {int} and rule.low <= min(column) and max(column) <= rule.high
    if kind == "float":
        return (
            types <= {int, float}
            and all(map(math.isfinite, column))
            and rule.low <= min(column)
            and max(column) <= rule.high
        )
    if kind in _BY_TEXT:  # a text repeats down a column (a code, a day, who wrote it): read once
        if types != {str}:
            return False
        column = set(column)
    if kind == "str":
        return (
            (rule.length is None or max(map(len, column)) <= rule.length)
            and (rule.codes is None or column <= rule.codes)
            and (rule.valid is None or all(map(rule.valid, column)))
        )
    if kind == "date":
        return _dates_ok(column)
    if kind == "moment":  # (most are their own: no set of them)
        return types == {str} and _moments_ok(column)
    if kind == "id":  # each of 32 characters, and all of them hex (read as one string)
        return set(map(len, column)) == {32} and all_hex("".join(column))
    if kind == "children":  # lists of flat rows of text: every row, then every value, in C
        if types != {list} or max(map(len, column)) > rule.length:
            return False
        items = list(chain.from_iterable(column))
        if not items:
            return True
        if set(map(type, items)) != {dict}:
            return False
        texts = list(filter(_not_none, chain.from_iterable(map(dict.values, items))))
        if texts and (set(map(type, texts)) != {str} or max(map(len, texts)) > _CHILD_TEXT):
            return False
        # each row its own fields only, each required one with a value (_child_fields_ok), in C
        return rule.codes.issuperset(set().union(*items)) and all(
            None not in map(methodcaller("get", f), items) for f in rule.required
        )
    if kind == "json":
        shape = rule.shape
        return (
            types <= {list, dict}
            and max(map(len, column)) <= rule.length
            and (
                shape is None
                or (shape.column(column) if hasattr(shape, "column") else all(map(shape, column)))
            )
        )
    return True


def _in_range(x, low, high, *, whole: bool = False) -> bool:
    """ "" (not given), or a number the form accepts: ``low`` < x ≤ ``high`` (from 1 when whole)."""
    if x == "":
        return True
    if whole:
        return type(x) is int and low <= x <= high
    return type(x) in (int, float) and math.isfinite(x) and low < x <= high


def _drug_ok(d) -> bool:
    """One drug of 用药情况 as the form writes it (``followup._drugs``)."""
    return (
        type(d) is dict
        and DRUG_KEYS_SET.issuperset(d)
        and type(d.get("name")) is str
        and 0 < len(d["name"]) <= 50
        and _in_range(d.get("times_per_day", ""), 1, 24, whole=True)
        and _in_range(d.get("mg_per_time", ""), 0, 100_000)
    )


class _Texts:
    """A list of short texts (a JSON list; with ``container`` dict, the values of a JSON object),
    each at most ``limit`` characters."""

    def __init__(self, container: type, limit: int):
        self.container, self.limit = container, limit

    def _items(self, values):
        return chain.from_iterable(map(dict.values, values)) if self.container is dict else chain(*values)

    def __call__(self, v) -> bool:
        return type(v) is self.container and all(
            type(x) is str and len(x) <= self.limit for x in (v.values() if type(v) is dict else v)
        )

    def column(self, column) -> bool:
        """Every value of a column (None taken out) at once, in C loops."""
        if set(map(type, column)) != {self.container}:
            return False
        items = list(self._items(column))
        return not items or (set(map(type, items)) == {str} and max(map(len, items)) <= self.limit)


class _Drugs:
    """用药情况 as the form writes it (``followup._drugs``): a list of drugs, each with a name and,
    if given, times a day (a whole number, 1–24) and milligrams a time (0 < mg ≤ 100,000)."""

    def __call__(self, v) -> bool:
        return type(v) is list and all(map(_drug_ok, v))

    def column(self, column) -> bool:
        """Every value of a column (None taken out) at once: the same answer, in C loops."""
        if set(map(type, column)) != {list}:
            return False
        drugs = list(chain(*column))
        if not drugs:
            return True
        if set(map(type, drugs)) != {dict} or not DRUG_KEYS_SET.issuperset(set().union(*drugs)):
            return False
        names = list(map(methodcaller("get", "name"), drugs))
        if set(map(type, names)) != {str} or min(map(len, names)) < 1 or max(map(len, names)) > 50:
            return False
        times = [x for x in map(methodcaller("get", "times_per_day", ""), drugs) if x != ""]
        if times and (set(map(type, times)) != {int} or min(times) < 1 or max(times) > 24):
            return False
        mg = [x for x in map(methodcaller("get", "mg_per_time", ""), drugs) if x != ""]
        return not mg or (
            set(map(type, mg)) <= {int, float}
            and all(map(math.isfinite, mg))
            and min(mg) > 0
            and max(mg) <= 100_000
        )


# What the follow-up form writes in its JSON columns (a print or a report reads them so):
# "codes" a list of short codes, "lines" a list of sentences, "drugs" a list of drugs, "texts" an
# object of short texts.  Each checks one value, and (``column``) a chunk's column of them at once.
JSON_SHAPES = {
    "codes": _Texts(list, 8),
    "lines": _Texts(list, 200),
    "drugs": _Drugs(),
    "texts": _Texts(dict, 500),
}


def _json_shape_ok(shape, v) -> bool:
    return shape is None or shape(v)


def _child_fields_ok(rule: Rule, row: dict) -> bool:
    """A child row carries its own fields only, each required one with a value."""
    return rule.codes.issuperset(row) and all(row.get(f) is not None for f in rule.required)


def _dates_ok(column: set[str]) -> bool:
    if set(map(len, column)) != {10}:
        return False
    try:
        days = list(map(dt.date.fromisoformat, column))
    except ValueError:
        return False
    # as written (2026-03-08), not another form Python reads (20260308, 2026-W10-7): stored as it travels
    return (
        min(days) >= FIRST_DATE
        and max(days) <= LAST_DATE
        and list(map(dt.date.isoformat, days)) == list(column)
    )


def _moments_ok(column) -> bool:
    try:
        moments = list(map(dt.datetime.fromisoformat, column))
        return min(moments) >= _FIRST_MOMENT and max(moments) <= _LAST_MOMENT
    except ValueError:
        return False
    except TypeError:  # with a time zone: compared one by one, as they are stored (the wall time)
        return all(_FIRST_MOMENT <= m.replace(tzinfo=None) <= _LAST_MOMENT for m in moments)


def problem(ops: list[dict], values: list[dict]) -> tuple[dict, str] | None:
    """The first op of ``ops`` (each with its values, ``_values(op)``) carrying a value its column
    does not accept, and the field; None when every value is acceptable."""
    groups: dict[tuple, list[int]] = defaultdict(list)  # ops of one entity carrying as many fields
    for i, (op, op_values) in enumerate(zip(ops, values, strict=True)):
        groups[(op["e"], len(op_values))].append(i)
    for (entity, _count), rows in groups.items():
        checks = rules(entity) if entity in capture.specs() else {}
        fields = [k for k in values[rows[0]] if k in checks]
        if not fields:
            continue
        pick = itemgetter(*fields) if len(fields) > 1 else (lambda v, f=fields[0]: (v[f],))
        try:  # as many fields and all of the first's: the same fields
            columns = list(zip(*map(pick, [values[i] for i in rows]), strict=True))
        except KeyError:
            columns = None
        if columns is None:  # other fields, as many of them: one op at a time
            for i in rows:
                for name, value in values[i].items():
                    if name in checks and not _value_ok(checks[name], value):
                        return ops[i], _where(checks[name], name, value)
            continue
        for name, column in zip(fields, columns, strict=True):
            rule = checks[name]
            if not _column_ok(rule, column):
                bad = next(i for i in rows if not _value_ok(rule, values[i][name]))
                return ops[bad], _where(rule, name, values[bad][name])
    return None


def _where(rule: Rule, name: str, value) -> str:
    """The field named in a refusal: a form's own key inside its JSON ("form.first_onset")."""
    key = rule.shape.problem(value) if isinstance(rule.shape, FormShape) else None
    return f"{name}.{key}" if key else name

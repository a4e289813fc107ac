"""Field validators shared by the enrolment form, the roster importer and the CLI.

Each validator takes what the user typed and returns the normalised value, or raises
:class:`Invalid` with a translatable message.  Full-width digits and letters (０-９, Ｘ)
are accepted everywhere and normalised, since Chinese input methods produce them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from stdnum.cn import ric

from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import Message

CTX = "Validation"
MAX_AGE = 120


class Invalid(Exception):
    def __init__(self, template: str, **params):
        super().__init__(template.format(**params))
        self.message = Message(CTX, template, params)


_HALFWIDTH = {0x3000: " ", **{cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}}


def halfwidth(text: str) -> str:
    """Full-width ASCII (digits, letters, punctuation) and the ideographic space to half-width,
    and nothing else: superscripts (¹), circled (①) or other scripts' digits (٣ ४) stay what they
    are, so the digit checks below refuse them (NFKC would turn ¹ into 1)."""
    return text.translate(_HALFWIDTH) if text else ""


_ASCII_DIGITS = re.compile(r"[0-9]+")


def is_digits(text: str) -> bool:
    """Only ASCII 0–9, at least one.  (``str.isdigit`` is also true for ¹ ٣ ४ and friends.)"""
    return bool(text) and _ASCII_DIGITS.fullmatch(text) is not None


_DECIMAL = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$|^-?\.[0-9]+$")


def parse_int(text: str, label: str) -> int:
    """A whole number typed as ASCII or full-width digits; anything else is refused by label."""
    raw = halfwidth(text or "").strip()
    if not (is_digits(raw) or (raw[:1] == "-" and is_digits(raw[1:]))):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "{label}应为整数"), label=label)
    return int(raw)


def blood_pressure_problem(sbp: int | None, dbp: int | None) -> str | None:
    """What is wrong with a blood pressure as typed (both numbers or neither, the systolic above
    the diastolic), as a message template of the "Validation" context; None when nothing is."""
    if (sbp is None) != (dbp is None):
        return QT_TRANSLATE_NOOP("Validation", "血压需同时填写收缩压和舒张压")
    if sbp is not None and dbp is not None and sbp <= dbp:
        return QT_TRANSLATE_NOOP("Validation", "收缩压应高于舒张压")
    return None


def parse_decimal(text: str, label: str) -> float:
    """A number with an optional decimal point (ASCII or full-width digits only)."""
    raw = halfwidth(text or "").strip()
    if not _DECIMAL.match(raw):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "{label}应为数字"), label=label)
    return float(raw)


ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))  # pasted from chat apps and web pages


# Characters no one can read, by Unicode category: controls (a line break aside), invisible
# format characters (zero-width, direction overrides), surrogates, private use; typed into a form,
# unassigned code points too.  A bundle's text is held to the same (:func:`unreadable_at`), except
# for code points unassigned here that a newer Unicode at the sender may have assigned.
UNREADABLE = ("Cc", "Cf", "Cs", "Co")
UNASSIGNED = "Cn"


def unreadable_at(text: str, *, unassigned: bool = False) -> tuple[int, str] | None:
    """The first character of ``text`` no one can read, as (position from 1, character), or None."""
    refused = (*UNREADABLE, UNASSIGNED) if unassigned else UNREADABLE
    for pos, ch in enumerate(text, 1):
        if ch != "\n" and unicodedata.category(ch) in refused:
            return pos, ch
    return None


def _refuse_unreadable(text: str, label: str) -> None:
    """Name the first character no one can read (a control or unassigned code point) and where it is."""
    found = unreadable_at(text, unassigned=True)
    if found is not None:
        pos, ch = found
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "{label}第{pos}个字符无法识别（U+{code}），请删除后再保存"),
            label=label,
            pos=pos,
            code=f"{ord(ch):04X}",
        )


def clean_text(text: str | None, max_len: int, label: str) -> str | None:
    """Trim and fold white space; drop zero-width characters; refuse control characters and over-long text."""
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text.translate(ZERO_WIDTH).replace("\u3000", " ")).strip()
    if not text:
        return None
    _refuse_unreadable(text, label)
    if len(text) > max_len:
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "{label}过长（最多{max}个字）"), label=label, max=max_len
        )
    return text


def clean_lines(text: str | None, max_len: int, label: str) -> str | None:
    """Like :func:`clean_text` for text of several lines (a reason, a plan): line breaks stay (at most
    one blank line in a row), white space inside a line is folded."""
    if text is None:
        return None
    text = text.translate(ZERO_WIDTH).replace("\u3000", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not text:
        return None
    _refuse_unreadable(text, label)
    if len(text) > max_len:
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "{label}过长（{n}个字，最多{max}个字）"),
            label=label,
            n=len(text),
            max=max_len,
        )
    return text


_NAME_DOTS = str.maketrans({"\u2022": "·", "\u30fb": "·", "\uff0e": "·", "\u2027": "·", "\u00b7": "·"})
_NAME_LETTERS = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134fA-Za-z"
_NAME_CHARS_RE = re.compile(rf"^[{_NAME_LETTERS}·\- ]+$")
# letters, in parts joined by one middle dot, hyphen or space ("-李凤英", "李凤英·", "李··凤英": no name)
_NAME_RE = re.compile(rf"^[{_NAME_LETTERS}]+(?:[·\- ][{_NAME_LETTERS}]+)*$")


def same_dots(name: str) -> str:
    """A name with its middle dot written as the ID card writes it (·, U+00B7), whichever dot a
    keyboard or an input method typed (•, ・, ．, ‧, or · between spaces): one spelling, so a
    record's 责任医生 is the doctor's account and list name, which are compared as written."""
    return name.translate(_NAME_DOTS).replace(" · ", "·")


def validate_name(text: str | None, *, as_typed: bool = True) -> str:
    """A name as the forms save it.  ``as_typed`` False: as a bundle may carry it, saved by an
    earlier version that did not yet refuse separators at its ends or doubled ("李凤英-")."""
    name = clean_text(text or "", 50, QT_TRANSLATE_NOOP("Field", "姓名"))
    if not name:
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "请填写姓名"))
    name = same_dots(name)
    if not _NAME_CHARS_RE.match(name):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "姓名只能包含汉字、字母和间隔号“·”"))
    if as_typed and not _NAME_RE.match(name):
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "姓名不能以“·”、“-”或空格开头或结尾，这些符号也不能连用")
        )
    if len(name) < 2 and re.match(r"[\u3400-\u9fff]", name):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "姓名至少两个字"))
    return name


# ---------------------------------------------------------------- resident ID (GB 11643-1999)


@dataclass(frozen=True)
class ResidentId:
    number: str  # 18 characters, upper-case X
    birth_date: dt.date
    sex: str  # "1" 男 / "2" 女 (17th digit odd/even)
    upgraded_from: str | None = None  # the 15-digit number it was upgraded from


@lru_cache(maxsize=4096)
def known_address_code(code: str) -> bool:
    """Whether a 6-digit code is (or was) a GB/T 2260 administrative division."""
    from stdnum import numdb

    return bool(numdb.get("cn/loc").info(code)[0][1])


def parse_resident_id(text: str | None) -> ResidentId:
    raw = halfwidth(text or "")
    number = re.sub(r"[\s\-]", "", raw).upper()
    if not number:
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "请填写身份证号"))
    upgraded_from = None
    if len(number) == 15:
        if not is_digits(number):
            raise Invalid(QT_TRANSLATE_NOOP("Validation", "15位身份证号只能由数字组成"))
        # Old IDs: YYMMDD with no century and no check digit; all were issued to people born 19xx.
        upgraded_from = number
        body = number[:6] + "19" + number[6:]
        number = body + ric.calc_check_digit(body + "0")
    elif len(number) != 18:
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "身份证号应为18位（旧号15位），现在是{n}位"), n=len(number)
        )
    if not (is_digits(number[:17]) and (is_digits(number[17]) or number[17] == "X")):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "身份证号前17位应为数字，末位为数字或X"))
    try:
        birth = ric.get_birth_date(number)
    except Exception:
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "身份证号中的出生日期{d}不存在"), d=number[6:14]
        ) from None
    if upgraded_from is None and number[17] != ric.calc_check_digit(number):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "身份证号校验位错误，请逐位核对"))
    # The place must be a known division; stdnum also checks it existed in the birth year,
    # but cards are issued with the code current at issue, so that check would refuse real people.
    if not known_address_code(number[:6]):
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "身份证号的地址码{code}不是有效的行政区划代码"), code=number[:6]
        )
    sex = "1" if int(number[16]) % 2 else "2"
    return ResidentId(number, birth, sex, upgraded_from)


def mask_id(number: str | None) -> str:
    if not number:
        return ""
    if len(number) <= 8:
        return number
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


# ---------------------------------------------------------------- phone


_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_LANDLINE = re.compile(r"^(0[0-9]{2,3})([0-9]{7,8})([0-9]{1,6})?$")


def validate_phone(text: str | None, label: str = QT_TRANSLATE_NOOP("Field", "联系电话")) -> str | None:
    """11-digit mobile, or a landline with its area code (010-12345678, 0371 6123 4567)."""
    raw = halfwidth(text or "").strip()
    if not raw:
        return None
    ext = None
    m = re.match(r"^(.*?)(?:转|ext\.?|x|#)\s*([0-9]{1,6})$", raw, re.I)
    if m:
        raw, ext = m.group(1), m.group(2)
    if raw.startswith("+86"):
        raw = raw[3:]
    digits = re.sub(r"[\s\-()（）]", "", raw)
    if not is_digits(digits):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "{label}只能包含数字、空格和“-”"), label=label)
    if _MOBILE.match(digits):
        return digits
    if re.match(r"1[3-9]", digits) or (digits.startswith("1") and len(digits) >= 10):  # a mobile, mistyped
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "{label}：手机号应为以1开头的11位数字"), label=label)
    if not digits.startswith("0"):
        raise Invalid(
            QT_TRANSLATE_NOOP("Validation", "{label}：固定电话请加区号，如 0371-61234567"), label=label
        )
    area = 3 if digits[:2] in ("01", "02") else 4  # 010, 02x are 3-digit area codes; the rest 4
    local = digits[area:]
    if not 7 <= len(local) <= 8:
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "{label}：区号后应为7或8位号码"), label=label)
    return f"{digits[:area]}-{local}" + (f"-{ext}" if ext else "")


# ---------------------------------------------------------------- dates

_DATE_PATTERNS = (
    re.compile(r"^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?$"),
    re.compile(r"^([0-9]{4})([0-9]{2})([0-9]{2})$"),
)


FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)  # any date a record may carry


def parse_date(text: str | None, label: str, *, required: bool = False) -> dt.date | None:
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = halfwidth(text or "").strip().replace(" ", "")
    if not raw:
        if required:
            raise Invalid(QT_TRANSLATE_NOOP("Validation", "请填写{label}"), label=label)
        return None
    for pat in _DATE_PATTERNS:
        m = pat.match(raw)
        if m:
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise Invalid(
                    QT_TRANSLATE_NOOP("Validation", "{label}“{value}”不是真实存在的日期"),
                    label=label,
                    value=raw,
                ) from None
            if not FIRST_DATE <= day <= LAST_DATE:  # 9999-12-31 + a follow-up interval overflows
                raise Invalid(
                    QT_TRANSLATE_NOOP("Validation", "{label}“{value}”的年份应在 {low} 到 {high} 之间"),
                    label=label,
                    value=raw,
                    low=FIRST_DATE.year,
                    high=LAST_DATE.year,
                )
            return day
    raise Invalid(QT_TRANSLATE_NOOP("Validation", "{label}格式应为 年-月-日，如 1965-03-08"), label=label)


def parse_month(text: str | None, label: str) -> str | None:
    """A year and month such as a diagnosis date: 2015-06, 2015年6月, 201506 → '2015-06'."""
    raw = halfwidth(text or "").strip().replace(" ", "")
    if not raw:
        return None
    m = re.match(r"^([0-9]{4})(?:[-/.年]?([0-9]{1,2})月?)?$", raw)
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "{label}格式应为 年-月，如 2015-06"), label=label)
    return f"{m.group(1)}-{int(m.group(2)):02d}" if m.group(2) else m.group(1)


def one_year_after(day: dt.date) -> dt.date:
    """The latest date a next visit, check or review may be booked for: within a year of ``day``
    (every programme's schedule is at most yearly); a date beyond that is a typing error, and would
    hide the patient from every worklist until then.  29 February: the 28th."""
    return _years_on(day, 1)


def one_year_before(day: dt.date) -> dt.date:
    """The same day a year before ``day`` (29 February: the 28th)."""
    return _years_on(day, -1)


def _years_on(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


ELDERLY_AGE = 65  # 老年人: 65 岁及以上, counted by the year (年满65周岁 in the year)


def born_by(year: int) -> dt.date:
    """Residents born on or before this day are 65 or over in ``year`` (年满65周岁): the one rule
    of "65+" for the elderly programme, its indicator, the key groups and the home page."""
    return dt.date(year - ELDERLY_AGE, 12, 31)


def check_birth_date(birth: dt.date, today: dt.date) -> None:
    if birth > today:
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "出生日期不能晚于今天"))
    if age_on(birth, today) > MAX_AGE:
        raise Invalid(QT_TRANSLATE_NOOP("Validation", "年龄超过{max}岁，请核对出生日期"), max=MAX_AGE)

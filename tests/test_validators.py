"""Table-driven validator tests: resident IDs, phones, dates, names."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.records.validators import (
    Invalid,
    age_on,
    check_birth_date,
    mask_id,
    parse_date,
    parse_month,
    parse_resident_id,
    validate_name,
    validate_phone,
)

TODAY = dt.date(2026, 11, 23)


def _with_check(body17: str) -> str:
    from stdnum.cn import ric

    return body17 + ric.calc_check_digit(body17 + "0")


@pytest.mark.parametrize(
    "raw, number, birth, sex",
    [
        ("11010519491231002X", "11010519491231002X", dt.date(1949, 12, 31), "2"),
        ("11010519491231002x", "11010519491231002X", dt.date(1949, 12, 31), "2"),  # lower-case x
        (" 110105 19491231 002X ", "11010519491231002X", dt.date(1949, 12, 31), "2"),  # spaces
        (
            "１１０１０５１９４９１２３１００２Ｘ",
            "11010519491231002X",
            dt.date(1949, 12, 31),
            "2",
        ),  # full-width
        ("110105-19491231-002X", "11010519491231002X", dt.date(1949, 12, 31), "2"),
        ("110105491231002", "11010519491231002X", dt.date(1949, 12, 31), "2"),  # 15-digit, upgraded
        (_with_check("11010520000229001"), None, dt.date(2000, 2, 29), "1"),  # 29 Feb of a leap year
        ("360426199101010071", "360426199101010071", dt.date(1991, 1, 1), "1"),  # stdnum's own example
    ],
)
def test_valid_resident_ids(raw, number, birth, sex):
    rid = parse_resident_id(raw)
    assert rid.birth_date == birth
    assert rid.sex == sex
    if number:
        assert rid.number == number
    assert len(rid.number) == 18


@pytest.mark.parametrize(
    "raw, fragment",
    [
        ("", "请填写身份证号"),
        ("11010519491231002", "应为18位"),  # 17 digits
        ("1101051949123100211", "应为18位"),  # 19 digits
        ("110105194912310029", "校验位错误"),  # wrong check digit
        ("11010519491231X02X", "前17位应为数字"),
        ("11010519490229002X", "出生日期19490229不存在"),  # 1949 was not a leap year
        (_with_check("11010519491301002"), "出生日期19491301不存在"),  # month 13
        (_with_check("99999919491231002"), "地址码999999"),
        ("11010549123100X", "15位身份证号只能由数字组成"),
    ],
)
def test_invalid_resident_ids(raw, fragment):
    with pytest.raises(Invalid) as e:
        parse_resident_id(raw)
    assert fragment in str(e.value)


def test_upgraded_15_digit_id_keeps_the_old_number():
    rid = parse_resident_id("110105491231002")
    assert rid.upgraded_from == "110105491231002"


def test_mask_id_hides_the_middle():
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_id(None) == ""


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("+86 13812345678", "13812345678"),
        ("010-12345678", "010-12345678"),
        ("0371 6123 4567", "0371-61234567"),
        ("(0371)6123456", "0371-6123456"),
        ("010-12345678转123", "010-12345678-123"),
        ("", None),
        ("   ", None),
    ],
)
def test_valid_phones(raw, expected):
    assert validate_phone(raw) == expected


@pytest.mark.parametrize(
    "raw, fragment",
    [
        ("1381234567", "手机号应为以1开头的11位数字"),  # 10 digits
        ("23812345678", "固定电话请加区号"),
        ("12345678", "固定电话请加区号"),
        ("010-123456", "区号后应为7或8位号码"),
        ("138abc45678", "只能包含数字"),
        ("12812345678", "手机号"),  # 12x is not a mobile prefix
    ],
)
def test_invalid_phones(raw, fragment):
    with pytest.raises(Invalid) as e:
        validate_phone(raw)
    assert fragment in str(e.value)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1965-03-08", dt.date(1965, 3, 8)),
        ("1965-3-8", dt.date(1965, 3, 8)),
        ("1965/03/08", dt.date(1965, 3, 8)),
        ("1965.3.8", dt.date(1965, 3, 8)),
        ("19650308", dt.date(1965, 3, 8)),
        ("1965年3月8日", dt.date(1965, 3, 8)),
        ("１９６５－０３－０８", dt.date(1965, 3, 8)),
        ("2000-02-29", dt.date(2000, 2, 29)),
        (" 1965-03-08 ", dt.date(1965, 3, 8)),
        ("", None),
    ],
)
def test_dates(raw, expected):
    assert parse_date(raw, "出生日期") == expected


@pytest.mark.parametrize(
    "raw", ["1900-02-29", "2023-02-29", "1965-13-01", "1965-04-31", "65-3-8", "昨天", "1965-03"]
)
def test_invalid_dates(raw):
    with pytest.raises(Invalid):
        parse_date(raw, "出生日期")


@pytest.mark.parametrize(
    "birth, ok",
    [
        (TODAY, True),  # age 0, born today
        (TODAY + dt.timedelta(days=1), False),  # born tomorrow
        (dt.date(1906, 11, 23), True),  # 120 today
        (dt.date(1905, 11, 24), True),  # 120 until tomorrow
        (dt.date(1905, 11, 23), False),  # 121 today
    ],
)
def test_birth_date_limits(birth, ok):
    if ok:
        check_birth_date(birth, TODAY)
    else:
        with pytest.raises(Invalid):
            check_birth_date(birth, TODAY)


@pytest.mark.parametrize(
    "born, day, age",
    [
        (dt.date(2000, 2, 29), dt.date(2001, 2, 28), 0),
        (dt.date(2000, 2, 29), dt.date(2001, 3, 1), 1),
        (dt.date(1960, 11, 23), dt.date(2025, 11, 22), 64),
        (dt.date(1960, 11, 23), dt.date(2025, 11, 23), 65),
    ],
)
def test_age_on(born, day, age):
    assert age_on(born, day) == age


@pytest.mark.parametrize(
    "raw, expected",
    [("2015-06", "2015-06"), ("2015年6月", "2015-06"), ("201506", "2015-06"), ("2015", "2015"), ("", None)],
)
def test_months(raw, expected):
    assert parse_month(raw, "确诊时间") == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("张三", "张三"),
        (" 张  三 ", "张 三"),
        ("欧阳娜娜", "欧阳娜娜"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),  # bullet normalised to the middle dot
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("John Smith", "John Smith"),
    ],
)
def test_valid_names(raw, expected):
    assert validate_name(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "张",
        "张3",
        "张三\x00",
        "<script>",
        "a" * 51,
        "张三；DROP TABLE",
        "-李凤英",
        "·李凤英",
        " -李",
        "李凤英-",
        "李··凤英",
        "李--凤英",
    ],
)
def test_invalid_names(raw):
    with pytest.raises(Invalid):
        validate_name(raw)


def test_a_bundle_may_carry_a_name_an_earlier_version_saved():
    """The form now refuses separators at a name's ends or doubled; a record an earlier version
    saved so still travels (a whole bundle is not refused for it), hostile text still does not."""
    from app.services.sync.values import _resident_limits

    valid = _resident_limits()["name"]["valid"]
    assert valid("李凤英-") and valid("李··凤英") and valid("Mary-Jane")
    assert not valid("=HYPERLINK(1)") and not valid("李 凤英 ") and not valid("")
    with pytest.raises(Invalid, match="不能以"):
        validate_name("李凤英-")

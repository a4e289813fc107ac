"""Pinyin search keys for a Chinese name: full pinyin and initials, every plausible reading.

A village doctor types "zs" or "zhangsan" for 张三.  Surnames are read as surnames (曾 is
zeng, 单 is shan, 解 is xie ...), compound surnames (欧阳, 尉迟 ...) are one surname, and
a polyphonic character in the given name matches each of its readings.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

# Surname readings that differ from the everyday reading, or are ambiguous (百家姓 usage).
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "乐": ("yue", "le"),
    "朴": ("piao",),
    "区": ("ou",),
    "查": ("zha",),
    "仇": ("qiu",),
    "覃": ("qin", "tan"),
    "盖": ("ge", "gai"),
    "缪": ("miao",),
    "翟": ("zhai",),
    "黑": ("he",),
    "秘": ("bi",),
    "种": ("chong",),
    "员": ("yun",),
    "繁": ("po",),
    "尉": ("yu", "wei"),
    "召": ("shao",),
    "冼": ("xian",),
    "洗": ("xian",),
    "句": ("gou",),
    "能": ("nai",),
    "折": ("she",),
    "宿": ("su",),
    "沈": ("shen",),
    "华": ("hua",),
    "任": ("ren",),
    "纪": ("ji",),
    "过": ("guo",),
    "郇": ("xun", "huan"),
    "隗": ("wei",),
    "万": ("wan",),
    "长": ("chang",),
    "重": ("chong",),
    "石": ("shi",),
    "燕": ("yan",),
    "那": ("na",),
    "祭": ("zhai",),
    "柏": ("bai",),
    "藏": ("zang",),
    "车": ("che",),
    "谌": ("chen", "shen"),
    "相": ("xiang",),
    "应": ("ying",),
    "和": ("he",),
    "贾": ("jia",),
    "曲": ("qu",),
    "薄": ("bo",),
    "蕃": ("pi",),
    "粘": ("nian",),
    "阚": ("kan",),
    "牟": ("mou", "mu"),
    "逄": ("pang",),
    "莘": ("shen",),
    "眭": ("sui",),
}

# Compound surnames, with their readings (the characters alone can mislead: 万俟 is mo qi).
COMPOUND_SURNAMES: dict[str, str] = {  # syllable per character
    "欧阳": "ou yang",
    "司马": "si ma",
    "诸葛": "zhu ge",
    "上官": "shang guan",
    "尉迟": "yu chi",
    "万俟": "mo qi",
    "长孙": "zhang sun",
    "东方": "dong fang",
    "皇甫": "huang fu",
    "夏侯": "xia hou",
    "公孙": "gong sun",
    "令狐": "ling hu",
    "慕容": "mu rong",
    "宇文": "yu wen",
    "司徒": "si tu",
    "独孤": "du gu",
    "澹台": "tan tai",
    "轩辕": "xuan yuan",
    "西门": "xi men",
    "南宫": "nan gong",
    "端木": "duan mu",
    "闻人": "wen ren",
    "呼延": "hu yan",
    "申屠": "shen tu",
    "太史": "tai shi",
    "单于": "chan yu",
    "钟离": "zhong li",
    "百里": "bai li",
    "东郭": "dong guo",
    "公冶": "gong ye",
    "濮阳": "pu yang",
    "赫连": "he lian",
    "司空": "si kong",
    "左丘": "zuo qiu",
    "段干": "duan gan",
    "拓跋": "tuo ba",
}

MAX_READINGS_PER_CHAR = 2
MAX_VARIANTS = 8
GIVEN_MARK = "~"  # given-name-only keys start with this, so full-name matches rank first
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _pypinyin():
    """pypinyin loads its phrase dictionary on import (~0.3 s): only when a name is first keyed."""
    import pypinyin

    return pypinyin


def lazy_pinyin(text: str, **kw) -> list[str]:
    return _pypinyin().lazy_pinyin(text, **kw)


@lru_cache(maxsize=20000)
def _char_readings(ch: str) -> tuple[str, ...]:
    if not _HAN.match(ch):
        return (ch.lower(),) if ch.isalnum() else ()
    p = _pypinyin()
    readings = p.pinyin(ch, style=p.Style.NORMAL, heteronym=True)[0]
    return (
        tuple(dict.fromkeys(r for r in readings if r.isascii() and r.isalpha()))[:MAX_READINGS_PER_CHAR] or ()
    )


def split_surname(name: str) -> tuple[str, str]:
    if "·" in name or not _HAN.match(name[:1]):  # minority or foreign names: no Han surname split
        return "", name
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        return name[:2], name[2:]
    return name[:1], name[1:]


@lru_cache(maxsize=5000)
def _surname_readings(surname: str) -> tuple[tuple[str, ...], ...]:
    """Per-syllable reading choices of a surname (a village shares a few surnames: each is read once)."""
    if surname in COMPOUND_SURNAMES:
        return tuple((syllable,) for syllable in COMPOUND_SURNAMES[surname].split())
    if surname in SURNAME_READINGS:
        return (SURNAME_READINGS[surname],)
    # Otherwise the everyday reading: heteronyms of a surname character are mostly archaic.
    return tuple((p,) for p in lazy_pinyin(surname, errors="ignore") if p.isascii())


def _variants(parts: list[tuple[str, ...]]) -> list[list[str]]:
    parts = [p for p in parts if p]
    out = []
    for combo in itertools.product(*parts):
        out.append(list(combo))
        if len(out) >= MAX_VARIANTS:
            break
    return out


@lru_cache(maxsize=20000)
def _given_readings(given: str) -> tuple[list[str], ...]:
    """The readings of a given name, the phrase-aware one pypinyin picks first (given names repeat
    far more than whole names do: each is read once)."""
    given_parts = [_char_readings(ch) for ch in given]
    preferred = [p for p in lazy_pinyin(given, errors="ignore") if p.isascii()]
    variants = _variants(given_parts)
    if preferred and len(preferred) == len([p for p in given_parts if p]):
        variants.insert(0, preferred)
    return tuple(variants)


@lru_cache(maxsize=50000)
def name_keys(name: str) -> tuple[str, ...]:
    """All search keys of a name: full pinyin and initials of the whole name, then (marked) of the given name."""
    name = name.strip()
    if not name:
        return ()
    surname, given = split_surname(name)
    given_variants = _given_readings(given)
    keys: list[str] = []
    sur_variants = _variants(_surname_readings(surname)) if surname else [[]]
    for sv in sur_variants:
        for gv in given_variants or [[]]:
            syllables = sv + gv
            if syllables:
                keys.append("".join(syllables))
                keys.append("".join(s[0] for s in syllables))
    for gv in given_variants:
        if surname and gv:
            keys.append(GIVEN_MARK + "".join(gv))
            keys.append(GIVEN_MARK + "".join(s[0] for s in gv))
    return tuple(dict.fromkeys(k[:60] for k in keys if k))


def sort_key(name: str) -> str:
    """The usual reading, for ordering lists alphabetically by pinyin."""
    keys = name_keys(name)
    return keys[0] if keys else name

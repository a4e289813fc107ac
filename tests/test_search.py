"""Search: pinyin (surname readings, polyphones), initials, ID fragments, archive numbers, phones, ranking."""

from __future__ import annotations

import pytest
from stdnum.cn import ric

from app.services.errors import UserError
from app.services.records.pinyin_keys import name_keys
from app.services.records.residents import ResidentInput, save_resident
from app.services.records.search import (
    MAX_QUERY,
    classify_query,
    count_residents,
    matching_ids,
    search_residents,
)
from tests import storekit
from tests.conftest import TODAY, make_store

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)


def _id(birth: str, seq: str) -> str:
    body = f"110105{birth}{seq}"
    return body + ric.calc_check_digit(body + "0")


PEOPLE = [
    ("张三", _id("19650308", "123"), "13812345678"),
    ("曾小明", _id("19700101", "011"), None),
    ("单雄信", _id("19800202", "031"), None),
    ("解放", _id("19550505", "051"), None),
    ("乐长春", _id("19600606", "071"), None),
    ("欧阳娜娜", _id("19900909", "082"), None),
    ("仇明", _id("19501010", "091"), None),
    ("阿依古丽·买买提", _id("19881111", "102"), None),
    ("李珍淑", _id("19751212", "202"), "13900001111"),
]


@pytest.fixture(scope="module")
def register(tmp_path_factory, db_backend):  # built once per module and database
    """A village with PEOPLE enrolled, built once for this module: (its data folder, their ids)."""
    root = tmp_path_factory.mktemp("register")
    store = make_store(root)
    ids = {}
    with store.transaction() as s:
        for name, number, phone in PEOPLE:
            r = save_resident(s, ResidentInput(name=name, id_number=number, phone=phone or ""), today=TODAY)
            ids[name] = (r.id, r.archive_no)
    storekit.freeze(store)
    return root / "data-village", ids


@pytest.fixture
def store(register, tmp_path):
    """In this module the village store already holds PEOPLE: each test's own copy of `register`."""
    s = storekit.copy_store(register[0], tmp_path / "data-village")
    yield s
    s.dispose()


@pytest.fixture
def people(register):
    """name -> (resident id, archive number) of PEOPLE in `store`."""
    return register[1]


def names(store, query, **kw):
    with store.session() as s:
        return [r.name for r in search_residents(s, query, today=TODAY, **kw)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("zhangsan", "张三"),
        ("zs", "张三"),
        ("ZS", "张三"),
        ("zhang san", "张三"),
        ("zhangs", "张三"),
        ("zengxiaoming", "曾小明"),
        ("zxm", "曾小明"),  # 曾 as a surname is zeng
        ("shanxiongxin", "单雄信"),
        ("sxx", "单雄信"),  # 单 shan
        ("xiefang", "解放"),
        ("xf", "解放"),  # 解 xie
        ("yuechangchun", "乐长春"),
        ("yuezhangchun", "乐长春"),
        ("ycc", "乐长春"),  # 长 both readings
        ("ouyangnana", "欧阳娜娜"),
        ("oynn", "欧阳娜娜"),
        ("ouyang", "欧阳娜娜"),
        ("qiuming", "仇明"),
        ("qm", "仇明"),  # 仇 qiu
        ("ayigulimaimaiti", "阿依古丽·买买提"),
        ("张", "张三"),
        ("小明", "曾小明"),
        ("曾小明", "曾小明"),
        ("8123", "张三"),  # ID fragment: sequence + check digit
        ("19650308", "张三"),  # birth date inside the ID
        ("5678", "张三"),  # phone tail
    ],
)
def test_finds(store, people, query, expected):
    assert expected in names(store, query), query


def test_id_last_four_with_x(store, people):
    x_owner = next(n for n, number, _ in PEOPLE if number.endswith("X"))
    _, number, _ = next(p for p in PEOPLE if p[0] == x_owner)
    assert names(store, number[-4:])[0] == x_owner
    assert names(store, number[-4:].lower())[0] == x_owner


@pytest.mark.parametrize("form", ["full", "last8", "last8dash", "spaced"])
def test_archive_number_in_every_form(store, people, form):
    archive = people["单雄信"][1]
    query = {
        "full": archive,
        "last8": archive[-8:],
        "last8dash": f"{archive[9:12]}-{archive[12:]}",
        "spaced": f"{archive[:6]} {archive[6:]}",
    }[form]
    assert names(store, query)[0] == "单雄信"


def test_exact_matches_rank_first(store, people):
    # Full-name initials (zs → 张三) outrank given-name initials (珍淑 → zs).
    assert names(store, "zs")[:2] == ["张三", "李珍淑"]
    assert names(store, PEOPLE[0][1])[0] == "张三"


def test_short_digit_queries_return_nothing(store, people):
    assert names(store, "123") == []
    assert classify_query("１２３")[0] == "short"


def test_like_wildcards_are_literal(store, people):
    assert names(store, "%") == [] and names(store, "张%") == []


@pytest.mark.parametrize(
    "query",
    ["1" * 50_000, "张" * (MAX_QUERY + 1), "zhang" * 30, "13812345678 " * 10],
    ids=["50000 digits", "101 characters", "150 letters", "a phone number 10 times"],
)
def test_a_search_longer_than_anyones_is_refused_in_words(store, query):
    """50,000 digits typed (or pasted) into the search made SQLite refuse its LIKE pattern ("LIKE
    or GLOB pattern too complex"): a query past MAX_QUERY is refused in a sentence, by each of
    the search's ways in (the resident list, its count, the follow-up list's filter)."""
    with store.session() as s:
        for way_in in (search_residents, count_residents, matching_ids):
            with pytest.raises(UserError, match=f"搜索内容太长：最多 {MAX_QUERY} 个字"):
                way_in(s, query)
        assert search_residents(s, "张" * MAX_QUERY) == []  # the longest search there may be is run


def test_paging(store, people):
    everyone = names(store, "", limit=100)
    assert len(everyone) == len(PEOPLE)
    assert (
        names(store, "", limit=4) + names(store, "", limit=4, offset=4) + names(store, "", limit=4, offset=8)
        == everyone
    )


def test_moved_away_rank_after_active(store, people):
    from app.models import Resident

    with store.transaction() as s:
        s.get(Resident, people["张三"][0]).status = "2"
    with store.transaction() as s:
        save_resident(s, ResidentInput(name="张山", sex="1", birth_date="1970-01-01"), today=TODAY)
    assert names(store, "zs")[:2] == ["张山", "张三"]


@pytest.mark.sqlite_only  # the FTS5 table; PostgreSQL's pg_trgm indexes are kept by the server
def test_search_index_rebuilds_when_out_of_step(store, people):
    from app import search_index

    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP TRIGGER {search_index.TABLE}_ai")
        conn.exec_driver_sql(f"DELETE FROM {search_index.TABLE}")
    assert names(store, "8123") == []
    with store.engine.begin() as conn:
        assert search_index.ensure(conn) is True
    assert names(store, "8123") == ["张三"]


@pytest.mark.sqlite_only  # the FTS5 table
def test_an_older_stores_digit_index_is_remade_without_positions(store, people):
    """Stores made before the index dropped its positions are remade at start, and still answer."""
    from app import search_index

    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP TABLE {search_index.TABLE}")
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {search_index.TABLE} USING fts5(resident_id UNINDEXED, digits, tokenize='trigram')"
        )
        conn.exec_driver_sql(f"INSERT INTO {search_index.TABLE} SELECT id, 'stale' FROM resident")
        assert search_index.ensure(conn) is True
        made = conn.exec_driver_sql(
            f"SELECT sql FROM sqlite_master WHERE name = '{search_index.TABLE}'"
        ).scalar()
        assert "detail=none" in made
        assert search_index.ensure(conn) is False  # once is enough
    assert names(store, "8123") == ["张三"]
    assert names(store, "00011") == ["李珍淑"]  # the phone
    assert names(store, "30812") == ["张三"]  # across the ID's birth date and serial
    assert names(store, "stale") == []


@pytest.mark.sqlite_only  # no store: pure rules
def test_name_keys_cover_polyphones_and_compound_surnames():
    assert "zhangsan" in name_keys("张三") and "zs" in name_keys("张三")
    assert "ouyangnana" in name_keys("欧阳娜娜")
    assert not any(k.startswith("ceng") for k in name_keys("曾小明"))  # surname read as surname only


def test_the_whole_register_pages_by_archive_number(store, people):
    with store.session() as s:
        first = search_residents(s, "", limit=4, today=TODAY)
        rest = search_residents(s, "", limit=100, after=first[-1].archive_no, today=TODAY)
    archives = [r.archive_no for r in first + rest]
    assert archives == sorted(archives) and len(archives) == len(PEOPLE)


@pytest.fixture(scope="module")
def crowd(tmp_path_factory, db_backend):
    """A village of 400 demo residents (many sharing surnames and initials), some moved away."""
    from app.tools import demo

    root = tmp_path_factory.mktemp("crowd")
    store = make_store(root)
    with store.transaction() as s:
        demo.generate_demo(s, 400, seed=5, today=TODAY)
    with store.transaction() as s:
        from sqlalchemy import select

        from app.models import Resident

        for r in s.scalars(select(Resident).order_by(Resident.archive_no)).all()[::7]:
            r.status = "2"  # moved away: ranked after the active ones
    storekit.freeze(store)
    yield root / "data-village"


@pytest.mark.slow  # 690 searches on each database: the whole suite's
def test_the_first_pages_of_a_pinyin_search_are_the_whole_rankings(crowd, tmp_path, monkeypatch):
    """search._pinyin_first_pages answers the first pages of a pinyin or initials query without
    ranking every match (a county's "wang"); page by page it gives exactly what the whole ranking
    gives, for surnames, longer prefixes, whole readings and initials, exact or not."""
    from app.services.records import search as search_module

    store = storekit.copy_store(crowd, tmp_path / "data-village")
    try:
        with store.session() as s:
            from sqlalchemy import select

            from app.models import Resident

            names = s.scalars(select(Resident.name).order_by(Resident.archive_no)).all()
            queries = set()
            for name in names[:60]:
                whole = name_keys(name)[0]
                queries |= {whole[:2], whole[:4], whole[:6], whole}
                queries |= {k for k in name_keys(name) if len(k) <= 3 and not k.startswith("~")}
            fast_used = whole_used = 0
            for q in sorted(queries):
                for offset in (0, 5, 20):
                    with monkeypatch.context() as m:
                        m.setattr(search_module, "_pinyin_first_pages", lambda *a, **k: None)
                        whole = [r.id for r in search_residents(s, q, limit=5, offset=offset, today=TODAY)]
                    fast = search_module._pinyin_first_pages(s, q, 5, offset, None, TODAY)
                    if fast is not None:
                        fast_used += 1
                        assert [r.id for r in fast] == whole, (q, offset)
                    else:
                        whole_used += 1
                    assert [
                        r.id for r in search_residents(s, q, limit=5, offset=offset, today=TODAY)
                    ] == whole
            assert fast_used >= 30 and whole_used >= 30  # both ways were taken (and agreed)
    finally:
        store.dispose()


def test_a_township_finds_imported_residents_by_their_digits(tmp_path):
    """A sync import inserts its residents in bulk and indexes their digits in one statement
    (search_index.bulk_insert, on SQLite): the township finds each by a fragment of its ID, its
    phone and its archive number, the index holds each resident once, and its insert trigger is
    back for the next resident entered by hand.  A phone changed later is found by the new one."""
    import dataclasses

    from tests import synckit

    town, (village,) = synckit.county(tmp_path, villages=1)
    with village.store.transaction() as s:
        made = {
            name: save_resident(s, ResidentInput(name=name, id_number=number, phone=phone or ""), today=TODAY)
            for name, number, phone in PEOPLE[:4]
        }
        archive = {name: r.archive_no for name, r in made.items()}
        ids = {name: r.id for name, r in made.items()}
    village.export(tmp_path / "up")
    town.import_(tmp_path / "up")
    assert names(town.store, "8123") == ["张三"]
    assert names(town.store, "5678") == ["张三"]
    assert names(town.store, archive["单雄信"]) == ["单雄信"]
    with town.store.transaction() as s:
        form = ResidentInput(
            name="李珍淑", id_number=PEOPLE[8][1], phone=PEOPLE[8][2], village_code=synckit.VILLAGES[0]
        )
        save_resident(s, form, today=TODAY)
    assert names(town.store, "01111") == ["李珍淑"]  # entered at the township: the trigger again
    with village.store.transaction() as s:
        r = s.get(synckit.Resident, ids["曾小明"])
        form = dataclasses.replace(ResidentInput(name="曾小明", id_number=r.id_number), phone="13522224444")
        save_resident(s, form, resident_id=r.id, today=TODAY)
    village.export(tmp_path / "up2")
    town.import_(tmp_path / "up2")
    assert names(town.store, "24444") == ["曾小明"]
    if town.store.engine.dialect.name == "sqlite":
        from app import search_index

        with town.store.engine.connect() as conn:
            indexed = conn.exec_driver_sql(f"SELECT count(*) FROM {search_index.TABLE}").scalar()
            triggers = conn.exec_driver_sql(
                f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '{search_index.TABLE}%'"
            ).scalar()
        assert (indexed, triggers) == (5, 3)


@pytest.mark.sqlite_only  # the FTS5 table's trigger
def test_a_bulk_insert_that_fails_leaves_the_trigger_as_it_was(store, people):
    from sqlalchemy import text

    from app import search_index

    def triggers():
        with store.engine.connect() as conn:
            return conn.exec_driver_sql(
                f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = '{search_index.TABLE}_ai'"
            ).scalar()

    gone = text(f"SELECT count(*) FROM sqlite_master WHERE name = '{search_index.TABLE}_ai'")
    with pytest.raises(RuntimeError), store.transaction() as s, search_index.bulk_insert(s.connection()):
        assert s.execute(gone).scalar() == 0  # (dropped inside)
        raise RuntimeError("the import failed")
    assert triggers() == 1
    with store.transaction() as s:
        save_resident(
            s, ResidentInput(name="王五", id_number=_id("19720303", "111"), phone="13700002222"), today=TODAY
        )
    assert names(store, "02222") == ["王五"]

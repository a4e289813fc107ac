"""村民小组 in natural order (一组, 二组 … 十组, 十一组; 1组, 2组, 10组) in every list that orders by
group: the elderly worklist, the group filters, the indicators report and the prints."""

from __future__ import annotations

import random

from app.services.programmes import elderly, worklist
from app.services.records.ordering import group_order
from app.services.records.residents import form_context, save_resident
from tests.conftest import TODAY

NATURAL = ["第一组", "二组", "三组", "九组", "十组", "十一组", "十九组", "二十组", "二十一组", "一百组"]


def test_group_order_reads_numbers_however_written():
    shuffled = random.Random(1).sample(NATURAL, len(NATURAL))
    assert sorted(shuffled, key=group_order) == NATURAL
    assert sorted(["10组", "2组", "1组", "１１组", "第3组"], key=group_order) == [
        "1组",
        "2组",
        "第3组",
        "10组",
        "１１组",
    ]
    assert sorted(["三组", "二组", "一组"]) == ["一组", "三组", "二组"]  # the text order this replaces
    assert sorted(["集体户", "十二组", "", "二组"], key=group_order) == ["二组", "十二组", "", "集体户"]


def test_elderly_worklist_and_group_filter_list_groups_in_natural_order(store, person):
    groups = ["三组", "十一组", "二组", "十组", "一组"]
    with store.transaction() as s:
        for i, group in enumerate(groups):
            for j in range(2):  # two elders a group: within a group, by name as before
                save_resident(
                    s,
                    person(
                        name="王乙" if j else "王甲",
                        id_number="",
                        birth_date=f"19{40 + i}-01-0{j + 1}",
                        sex="1",
                        group_name=group,
                    ),
                    today=TODAY,
                )
    with store.session() as s:
        due = elderly.unchecked(s, 2026, today=TODAY)
        choices = worklist.filter_choices(s)["groups"]
        (village,) = form_context(s).villages  # the enrolment form's 村民小组 list
    assert [(d.group_name, d.name) for d in due] == [
        (g, n) for g in ["一组", "二组", "三组", "十组", "十一组"] for n in ("王甲", "王乙")
    ]
    assert [label.split()[-1] for _gid, label in choices] == ["一组", "二组", "三组", "十组", "十一组"]
    assert list(village.groups) == ["一组", "二组", "三组", "十组", "十一组"]

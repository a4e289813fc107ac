"""The township's review queue: duplicates, conflicts, invalid records, old referrals; decisions that
sync back to the village (and only from the township)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select, update

from app.models import ElderlyCheck, Referral, Resident, ResidentChoice, ReviewDecision, Village, org_id
from app.services import profile
from app.services.errors import NotFound, UserError
from app.services.quality import review
from app.services.records.residents import ResidentInput, save_resident
from tests.conftest import TODAY
from tests.synckit import round_trip

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

PERSON = dict(name="赵桂兰", id_number="11010519491231002X", phone="13812345678", group_name="一组")


def enrol(device, **kw):
    with device.store.transaction() as s:
        return save_resident(s, ResidentInput(**{**PERSON, **kw}), today=TODAY).id


def queue(device, kind=None):
    with device.store.session() as s:
        return [i for i in review.review_queue(s, today=TODAY) if kind is None or i.kind == kind]


@pytest.mark.slow
def test_same_id_in_two_villages_decided_at_the_township_reaches_both(world):
    town, a, b, tmp = world
    first = enrol(a)
    second = enrol(b, name="赵桂兰", current_address="二组5号")
    round_trip(town, [a, b], tmp, "dup")
    (item,) = queue(town, "duplicate")
    assert item.key == review.pair_key(first, second)
    number = PERSON["id_number"]  # masked, as every list shows it
    assert item.detail.params["number"] == number[:6] + "********" + number[-4:]
    assert number not in item.detail.render()
    with town.store.transaction() as s:
        written = review.decide(
            s, item.key, "void_other", "同一人在两个村重复建档，保留一村的档案", today=TODAY
        )
    assert len(written) == 2  # both villages are told
    assert queue(town, "duplicate") == []
    with town.store.session() as s:
        assert s.get(Resident, second).voided and not s.get(Resident, first).voided

    round_trip(town, [a, b], tmp, "back")
    with b.store.session() as s:
        assert s.get(Resident, second).voided  # the township's change arrived as an ordinary edit
        (seen,) = review.village_decisions(s)
    assert (seen.decision, seen.reason, seen.village_code) == (
        "void_other",
        "同一人在两个村重复建档，保留一村的档案",
        "110105001102",
    )
    assert seen.changes[0]["to"] is True and seen.decided_on == TODAY
    with town.store.session() as s:
        mine, theirs = (s.get(Resident, x).archive_no for x in (first, second))
        a_name, b_name = (s.get(Village, org_id("village", c)).name for c in ("110105001101", "110105001102"))
    # each village reads the decision about its own record: 红旗村 that its record was voided, the
    # other village's kept; 向阳村 that the other record (in the other village) was voided, its own kept
    assert theirs in seen.record and mine in seen.other_record and a_name in seen.other_record
    with a.store.session() as s:
        (told,) = review.village_decisions(s)
    assert told.village_code == "110105001101" and told.decision == "void_first"
    assert mine in told.record and theirs in told.other_record and b_name in told.other_record
    assert theirs in told.changes[0]["record"]  # the record voided, named


@pytest.fixture
def township_store(township_store):
    with township_store.transaction() as s:
        profile.ensure_village(s, "110105001101", "李家村")
    return township_store


def test_same_name_birth_and_address_without_id(township_store):
    with township_store.transaction() as s:
        one = save_resident(s, ResidentInput(**PERSON, village_code="110105001101"), today=TODAY)
        two = save_resident(
            s,
            ResidentInput(
                name="赵桂兰",
                sex="2",
                birth_date="1949-12-31",
                village_code="110105001101",
                household_id=one.household_id,
                relation_to_head="8",
            ),
            today=TODAY,
        )
        # near misses: another birth date in the same household; the same person in another household
        save_resident(
            s,
            ResidentInput(
                name="赵桂兰",
                sex="2",
                birth_date="1950-01-01",
                village_code="110105001101",
                household_id=one.household_id,
                relation_to_head="8",
            ),
            today=TODAY,
        )
        ids = (one.id, two.id)
    with township_store.session() as s:
        items = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
    assert [i.key for i in items] == [review.pair_key(*ids)]
    assert "姓名、出生日期和家庭住址相同" in items[0].detail.template


def test_decisions_need_a_reason_and_a_valid_choice(township_store):
    with township_store.transaction() as s:
        a = save_resident(s, ResidentInput(**PERSON, village_code="110105001101"), today=TODAY)
        s.add(Referral(resident_id=a.id, to_institution="县医院", issued_on=TODAY - dt.timedelta(days=45)))
        s.add(Referral(resident_id=a.id, to_institution="县医院", issued_on=TODAY - dt.timedelta(days=10)))
    with township_store.session() as s:
        (item,) = [
            i for i in review.review_queue(s, today=TODAY) if i.kind == "referral"
        ]  # the 10-day one is not late
    assert "45 天未登记到位" in item.detail.template.format(**item.detail.params)
    for decision, reason, message in (
        ("not_arrived", "  ", "请写明处理理由"),
        ("void_other", "理由", "这一项不能这样处理"),
    ):
        with pytest.raises(UserError, match=message), township_store.transaction() as s:
            review.decide(s, item.key, decision, reason, today=TODAY)
    with pytest.raises(NotFound), township_store.transaction() as s:
        review.decide(s, "referral:" + "0" * 32, "not_arrived", "理由", today=TODAY)
    with township_store.transaction() as s:
        review.decide(s, item.key, "not_arrived", "电话随访：患者未去县医院", today=TODAY)
    with township_store.session() as s:
        ref = s.scalars(select(Referral).where(Referral.issued_on < TODAY - dt.timedelta(days=30))).one()
        assert (ref.status, ref.status_date) == ("not_arrived", TODAY)
        decision = s.scalars(select(ReviewDecision)).one()
        assert decision.village_id == org_id("village", "110105001101")
        assert not [i for i in review.review_queue(s, today=TODAY) if i.kind == "referral"]


def test_records_failing_todays_validation(township_store):
    with township_store.transaction() as s:
        r = save_resident(s, ResidentInput(**PERSON, village_code="110105001101"), today=TODAY)
        r.phone = "12345"  # an import from before the phone rule
    with township_store.session() as s:
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "invalid"]
    assert item.resident_id == r.id and item.detail.context == "Validation"


def _head_and_member(s, name: str, relation: str, village: dict):
    """赵桂兰 as the head of a new household, and ``name`` joining it as ``relation``."""
    head = save_resident(s, ResidentInput(**PERSON, village_code="110105001101"), today=TODAY)
    member = save_resident(
        s,
        ResidentInput(name=name, household_id=head.household_id, relation_to_head=relation, **village),
        today=TODAY,
    )
    return head, member


def test_the_scan_finds_two_heads_of_one_household_and_a_box_no_longer_on_the_form(township_store):
    """The scan reads a batch's heads and ticked boxes at once: each record is still judged as its
    form judges it alone (the other head named; a box's code checked against today's list)."""
    village = dict(village_code="110105001101", sex="1", birth_date=dt.date(1950, 3, 1))
    with township_store.transaction() as s:
        head, other = _head_and_member(s, "钱国强", "1", village)
        other.relation_to_head = "0"  # a second head, as an old import slipped it through
        boxed = save_resident(s, ResidentInput(name="孙秀英", **village), today=TODAY)
        s.add(ResidentChoice(resident_id=boxed.id, field="payment", code="99"))  # no such 医疗费用支付方式
        fine = save_resident(
            s,
            ResidentInput(name="李建华", household_id=head.household_id, relation_to_head="3", **village),
            today=TODAY,
        )
    with township_store.session() as s:
        items = {i.resident_id: i for i in review.review_queue(s, today=TODAY, kinds=("invalid",))}
    assert set(items) == {head.id, other.id, boxed.id} and fine.id not in items
    assert items[head.id].detail.params["name"] == "钱国强"
    assert items[other.id].detail.params["name"] == "赵桂兰"
    assert items[boxed.id].detail.context == "Validation"


def test_a_scan_checks_again_only_the_records_whose_check_would_read_something_new(
    township_store, monkeypatch
):
    """The review page reads its queue after every decision: a record whose row, boxes, household
    and household's heads are as the last scan read them keeps what that scan found; any change
    to one of them (a box alone, or another member made head) has it checked again."""
    from app.services.records import residents as resident_records

    checked = []
    real = resident_records.validate_resident
    monkeypatch.setattr(
        resident_records,
        "validate_resident",
        lambda s, inp, **kw: (checked.append(kw["resident_id"]), real(s, inp, **kw))[1],
    )
    village = dict(village_code="110105001101", sex="2", birth_date=dt.date(1952, 5, 1))
    with township_store.transaction() as s:
        head, member = _head_and_member(s, "钱秀英", "2", village)
        alone = save_resident(s, ResidentInput(name="孙秀英", **village), today=TODAY)

    def scan():
        checked.clear()
        with township_store.session() as s:
            return {i.resident_id for i in review.review_queue(s, today=TODAY, kinds=("invalid",))}

    assert scan() == set() and set(checked) >= {head.id, member.id, alone.id}
    assert scan() == set() and checked == []  # nothing changed: nothing checked again
    with township_store.transaction() as s:
        s.add(ResidentChoice(resident_id=alone.id, field="payment", code="99"))  # a box alone changes
    assert scan() == {alone.id} and checked == [alone.id]
    with township_store.transaction() as s:
        s.get(Resident, member.id).relation_to_head = "0"  # a second head: the first one's check reads it
    assert scan() == {alone.id, head.id, member.id} and set(checked) == {head.id, member.id}
    with township_store.transaction() as s:
        s.get(Resident, member.id).relation_to_head = "2"
        for box in s.scalars(
            select(ResidentChoice).where(ResidentChoice.resident_id == alone.id, ResidentChoice.code == "99")
        ):
            s.delete(box)
    assert scan() == set() and set(checked) == {head.id, member.id, alone.id}


def test_village_cannot_review(store):
    with pytest.raises(UserError, match="审核队列由乡镇卫生院处理"), store.session() as s:
        review.review_queue(s)


def test_a_village_bundle_carrying_a_decision_is_refused(world):
    town, a, _b, tmp = world
    with a.store.transaction() as s:
        s.add(
            ReviewDecision(
                village_id=org_id("village", "110105001101"),
                kind="invalid",
                item_key="invalid:forged",
                record="x",
                decision="sent_back",
                changes=[],
                reason="自己批准自己",
                decided_by="村医",
                decided_on=TODAY,
            )
        )
    (path,) = a.export(tmp / "forged")
    (outcome,) = town.import_(path)
    assert outcome.status == "rejected"
    assert "无权修改 review_decision" in outcome.reason.render()
    with town.store.session() as s:
        assert s.scalars(select(ReviewDecision)).all() == []


@pytest.mark.slow
def test_a_field_conflict_decided_reaches_the_village_with_what_changed(world):
    from tests.test_sync import edit_resident, first_archive, resident_field

    town, a, b, tmp = world
    archive = first_archive(a)
    edit_resident(a, archive, phone="13100000001")
    edit_resident(town, archive, phone="13100000002")
    round_trip(town, [a, b], tmp, "edit")
    (item,) = queue(town, "conflict")
    assert item.village_code == "110105001101" and item.options == ("kept", "lost")
    assert "13100000001" in item.detail.params["lost"] + item.detail.params["kept"]
    winner = resident_field(town, archive, "phone")
    other = "13100000001" if winner == "13100000002" else "13100000002"
    from app.services.sync import conflicts, exchange

    with a.store.session() as s:  # the village found the same conflict (it cannot decide it)
        assert [c.field for c in conflicts.open_conflicts(s)] == ["phone"]
    with town.store.transaction() as s:
        review.decide(s, item.key, "lost", "电话核实：本人现用号码", today=TODAY)
    assert queue(town, "conflict") == []
    town.export(tmp / "decided")
    (told,) = [o for o in a.import_(tmp / "decided") if o.status == "applied"]
    # the import says the decision closed it (冲突 1 alone, beside an empty list, read as open)
    assert told.settled == 1 and told.as_json()["conflicts_settled"] == 1
    round_trip(town, [a, b], tmp, "back")
    assert resident_field(a, archive, "phone") == other
    with a.store.session() as s:  # the township's decision closed it there too
        assert conflicts.open_conflicts(s) == []
        assert exchange.status(s)["conflicts_open"] == 0
    # a later write that conflicts again is a new conflict, which the old decision does not close
    edit_resident(a, archive, phone="13100000003")
    edit_resident(town, archive, phone="13100000004")
    round_trip(town, [a, b], tmp, "again")
    with a.store.session() as s:
        assert [c.field for c in conflicts.open_conflicts(s)] == ["phone"]
    assert len(queue(town, "conflict")) == 1
    with a.store.session() as s:
        (seen,) = review.village_decisions(s)
    assert seen.changes[0]["from"] == winner and seen.changes[0]["to"] == other
    assert seen.changes[0]["field"] == "本人电话" and seen.reason == "电话核实：本人现用号码"
    with b.store.session() as s:
        assert review.village_decisions(s) == []  # another village's record: B is not told


@pytest.mark.slow
def test_the_validation_scan_covers_the_whole_store(township_store):
    """More records than a batch, and more than the 2,000 the scan used to stop at: records that
    fail today's rules are found wherever they are, the oldest change included, and the scan
    reports its progress batch by batch."""
    from app.tools import demo

    with township_store.transaction() as s:
        demo.generate_demo(s, 2300, seed=5, villages=2, today=TODAY)
        live = list(
            s.scalars(
                select(Resident)
                .where(Resident.voided.is_(False), Resident.status == "1")
                .order_by(Resident.id)
            )
        )
        assert len(live) > 2000 and len(live) > 4 * review.SCAN_BATCH
        broken = [live[0], live[len(live) // 2], live[-1]]
        for r in broken:
            r.phone = "12345"  # an import from before the phone rule
        s.flush()
        ids = {r.id for r in broken}
    with township_store.engine.begin() as conn:  # changed long ago: behind 2,000 more recent changes
        for n, r in enumerate(broken):
            conn.execute(
                update(Resident).where(Resident.id == r.id).values(updated_at=dt.datetime(2020, 1, 1 + n))
            )
    seen = []
    with township_store.session() as s:
        items = review.review_queue(
            s, today=TODAY, kinds=("invalid",), progress=lambda d, n: seen.append((d, n))
        )
    assert {i.resident_id for i in items} >= ids
    assert [i.since for i in items if i.resident_id in ids] == [
        dt.date(2020, 1, 3),
        dt.date(2020, 1, 2),
        dt.date(2020, 1, 1),
    ]
    total = seen[-1][1]
    assert seen[-1] == (total, total) and total == len(live) and len(seen) == -(-total // review.SCAN_BATCH)


OTHER_ID = "110105194912310046"  # another woman's


def _check(s, archive_no: str, day: str) -> None:
    """A 65+ health check of ``day`` (self-care all independent)."""
    from app.services.programmes import elderly

    selfcare = dict.fromkeys(("eating", "grooming", "dressing", "toilet", "activity"), "1")
    inp = elderly.ElderlyCheckInput(
        check_date=day, sbp="128", dbp="76", **{f"selfcare_{k}": v for k, v in selfcare.items()}
    )
    elderly.record_check(s, archive_no, inp, today=TODAY)


def _same_id_pair(store):
    """Two live records with one ID number (as two villages' bundles leave them): the first made
    holds a yearly check, the second nothing."""

    with store.transaction() as s:
        first = save_resident(s, ResidentInput(**PERSON, village_code="110105001101"), today=TODAY)
        _check(s, first.archive_no, "2026-07-04")
        second = save_resident(
            s,
            ResidentInput(**{**PERSON, "id_number": OTHER_ID}, village_code="110105001101"),
            today=TODAY,
        )
        s.flush()
        s.execute(update(Resident).where(Resident.id == second.id).values(id_number=PERSON["id_number"]))
        return first.id, second.id


def test_a_same_id_pair_says_what_each_holds_and_the_officer_keeps_either(township_store):
    """张秀兰: "same person" voided the record holding her health check (the later one by id, of
    two made the same moment), and "not the same person" left two records that could not be
    edited.  Now the item says what each holds, either may be kept, and one ID number is never
    "two people"."""
    first, second = _same_id_pair(township_store)
    with township_store.session() as s:
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
    assert item.resident_id == second  # listed: the later made; the other: the first
    assert item.options == ("void_other", "void_first", "merge_back")
    assert item.offered == ("void_other",)  # voiding the first, holding a check, would be refused
    params = item.detail.params
    assert (params["checks"], params["o_checks"]) == (0, 1)
    assert "老年人体检1次" in item.detail.render()
    with pytest.raises(UserError, match="这一项不能这样处理"), township_store.transaction() as s:
        review.decide(s, item.key, "distinct", "理由", today=TODAY)
    # meanwhile each record stays editable (its number unchanged)
    with township_store.transaction() as s:
        r = s.get(Resident, second)
        save_resident(
            s,
            ResidentInput(**{**PERSON, "phone": "13900001111"}, village_code="110105001101"),
            resident_id=r.id,
            today=TODAY,
        )
    # the first holds a yearly check: voided, the check would belong to no one (and `check` fails)
    with (
        pytest.raises(UserError, match="还有未作废的随访、体检") as refused,
        township_store.transaction() as s,
    ):
        review.decide(s, item.key, "void_first", "同一人；保留后建的一份", today=TODAY)
    assert "请作废另一份" in refused.value.render()
    with township_store.transaction() as s:
        review.decide(s, item.key, "void_other", "同一人；保留有体检的一份", today=TODAY)
    with township_store.session() as s:
        assert s.get(Resident, second).voided and not s.get(Resident, first).voided
        assert s.get(Resident, second).phone == "13900001111"


def test_a_pair_that_both_hold_records_is_sent_back_to_be_merged(township_store):
    """Both records of one ID number hold a health check: either void was refused ("请村医先把记录并到
    一份上") and nothing else was offered — the item stayed in the queue for good.  Now the officer
    sends the pair back to the village to merge; the village reads it; the item returns after
    SENT_BACK_DAYS if the two are still there.  With one record empty, sending back is refused."""

    first, second = _same_id_pair(township_store)
    with township_store.session() as s:
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
    with pytest.raises(UserError, match="请直接作废那一份"), township_store.transaction() as s:
        review.decide(s, item.key, "merge_back", "同一人", today=TODAY)
    with township_store.transaction() as s:
        _check(s, s.get(Resident, second).archive_no, "2026-08-01")
    with township_store.session() as s:
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
    assert item.offered == ("merge_back",)
    with township_store.transaction() as s:
        (decision,) = review.decide(s, item.key, "merge_back", "同一人，两份各有一次体检", today=TODAY)
    assert decision.decision == "merge_back"
    with township_store.session() as s:
        assert [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"] == []
        assert not s.get(Resident, first).voided and not s.get(Resident, second).voided
        (told,) = review.village_decisions(s)
        assert (
            review.DECISIONS[told.decision] == "同一人，两份都有记录：退回村医，把不再使用的一份结案（迁出）"
        )
        later = TODAY + dt.timedelta(days=review.SENT_BACK_DAYS + 1)
        assert [i.key for i in review.review_queue(s, today=later) if i.kind == "duplicate"] == [item.key]


def test_what_the_queue_offers_is_what_it_accepts_and_a_closed_record_ends_the_pair(township_store):
    """The later record holds only a programme enrolment: the queue counted follow-ups, checks and
    contracts, offered voiding it, and the decision was refused ("还有未作废的…专项管理记录") with
    nothing else offered.  Now both are weighed alike.  Once the village closes its copy (迁出),
    the two are no longer two records of one living person."""
    from app.services.programmes import followup

    first, second = _same_id_pair(township_store)
    with township_store.transaction() as s:
        followup.enrol(s, s.get(Resident, second), "htn", dt.date(2026, 3, 1))
    with township_store.session() as s:
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
    assert item.offered == ("merge_back",)
    for decision in ("void_other", "void_first"):
        with pytest.raises(UserError, match="还有未作废的"), township_store.transaction() as s:
            review.decide(s, item.key, decision, "同一人", today=TODAY)
    with township_store.transaction() as s:
        r = s.get(Resident, second)
        r.status, r.status_date = "2", dt.date(2026, 11, 1)
    with township_store.session() as s:
        assert [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"] == []


def test_the_sync_pages_duplicate_is_the_review_queues_pair(township_store):
    """Found: 已核实 on the 同步 page closed a possible duplicate there only.  审核 still listed the
    pair, no village heard of it, and the two pages counted differently.  The notice now names the
    pair's review item, is decided there, and closes with the pair (a decision, or the village
    closing one of the two)."""
    from app.models import SyncConflict
    from app.services.sync import conflicts, exchange

    first, second = _same_id_pair(township_store)
    with township_store.transaction() as s:  # as an import that brought the second finds it
        s.add(SyncConflict(kind="duplicate", entity="resident", row_id=second, other_id=first))
    with township_store.session() as s:
        (notice,) = conflicts.open_conflicts(s)
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
        assert conflicts.item_key(notice) == item.key == review.pair_key(first, second)
        assert exchange.status(s)["duplicates_open"] == 1
    with pytest.raises(UserError, match=f"在审核中处理.*{item.key}"), township_store.transaction() as s:
        conflicts.review_duplicate(s, notice.id)
    with township_store.session() as s:
        assert [c.id for c in conflicts.open_conflicts(s)] == [notice.id]  # refused: nothing changed
    with township_store.transaction() as s:  # the village closed its copy (迁出)
        r = s.get(Resident, second)
        r.status, r.status_date = "2", dt.date(2026, 11, 1)
    with township_store.session() as s:
        assert conflicts.open_conflicts(s) == [] and exchange.status(s)["duplicates_open"] == 0
        with pytest.raises(NotFound):
            conflicts.find_conflict(s, notice.id.hex)
    with township_store.transaction() as s:  # back on the register: the pair is open again, on both
        s.get(Resident, second).status = "1"
    with township_store.transaction() as s:
        review.decide(s, item.key, "void_other", "同一人，保留有体检的一份", today=TODAY)
    with township_store.session() as s:
        assert conflicts.open_conflicts(s) == [] and exchange.status(s)["duplicates_open"] == 0
        assert s.get(SyncConflict, notice.id).resolved_at is not None


def test_a_field_conflict_behind_hundreds_of_duplicate_notices_is_listed_and_decided(township_store):
    """The queue and the 同步 page read the oldest 500 open conflicts of any kind: a township's
    613 possible-duplicate notices left its 7 field conflicts out of both, the import's "冲突 7"
    nowhere to be found or decided."""
    from app.models import SyncConflict
    from app.services.sync import conflicts

    first, second = _same_id_pair(township_store)
    with township_store.transaction() as s:
        old = dt.datetime(2026, 1, 1)
        for _ in range(600):  # older notices, still open (the pair's both records on the register)
            s.add(
                SyncConflict(
                    kind="duplicate", entity="resident", row_id=second, other_id=first, detected_at=old
                )
            )
        s.add(
            SyncConflict(
                kind="field",
                entity="resident",
                row_id=first,
                field="phone",
                kept_value='"13800000000"',
                lost_value='"13911112222"',
            )
        )
    with township_store.session() as s:
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "conflict"]
        assert "13911112222" in item.detail.render()
        listed = conflicts.open_conflicts(s)  # the 同步 page's and `sync conflicts`: all, field first
        assert len(listed) == 601 and listed[0].field == "phone"
    with township_store.transaction() as s:
        review.decide(s, item.key, "lost", "村医核实过新号码", today=TODAY)
    with township_store.session() as s:
        assert s.get(Resident, first).phone == "13911112222"
        assert not [i for i in review.review_queue(s, today=TODAY) if i.kind == "conflict"]


def test_void_first_voids_the_other_record_when_it_holds_nothing(township_store):
    first, second = _same_id_pair(township_store)
    with township_store.transaction() as s:  # the check moves to the second (the village merged them)
        s.execute(update(ElderlyCheck).where(ElderlyCheck.resident_id == first).values(resident_id=second))
    with township_store.session() as s:
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
    with township_store.transaction() as s:
        review.decide(s, item.key, "void_first", "同一人；保留有体检的一份", today=TODAY)
    with township_store.session() as s:
        assert s.get(Resident, first).voided and not s.get(Resident, second).voided


def test_sent_back_comes_back_when_nothing_changed(township_store):
    """黄亮勇's referral, 41 days without 到位, was sent back and left the queue for good.  Sent back
    closes an item for SENT_BACK_DAYS; still open then, it is asked about again.  A decision that
    settles it (登记为未到位) closes it for good."""
    with township_store.transaction() as s:
        a = save_resident(s, ResidentInput(**PERSON, village_code="110105001101"), today=TODAY)
        s.add(Referral(resident_id=a.id, to_institution="县医院", issued_on=TODAY - dt.timedelta(days=81)))
    sent = TODAY - dt.timedelta(days=40)  # sent back 41 days after it was issued

    def late(day):
        with township_store.session() as s:
            return [i.key for i in review.review_queue(s, today=day, kinds=("referral",))]

    (key,) = late(sent)
    with township_store.transaction() as s:
        review.decide(s, key, "sent_back", "请村医电话核实是否已到县医院", today=sent)
    later = sent + dt.timedelta(days=review.SENT_BACK_DAYS)
    assert late(sent) == late(later) == []
    assert late(later + dt.timedelta(days=1)) == late(TODAY) == [key]
    with township_store.transaction() as s:
        review.decide(s, key, "not_arrived", "村医核实：未去县医院", today=TODAY)
    assert late(TODAY) == []


def _phone_conflict(world):
    """The first village and the township change one resident's phone apart: the township's open
    conflict, after a round trip."""
    from app.services.sync import conflicts
    from tests.test_sync import edit_resident, first_archive

    town, a, b, tmp = world
    archive = first_archive(a)
    edit_resident(a, archive, phone="13100000001")
    edit_resident(town, archive, phone="13100000002")
    round_trip(town, [a, b], tmp, "edit")
    with town.store.session() as s:
        (c,) = conflicts.open_conflicts(s)
    return c


def test_a_conflict_resolved_on_the_sync_page_closes_at_the_village_too(world):
    """保留现值 on the 同步 page (or ``sync resolve``) closed the township's conflict only: the
    village's copy stayed open for good, showing a value that was no longer current, and the
    village may not close it.  It is told as a decision (naming the field), as 审核 tells it."""
    from app.services.sync import conflicts, exchange

    town, a, b, tmp = world
    c = _phone_conflict(world)
    with a.store.session() as s:
        assert len(conflicts.open_conflicts(s)) == 1
    with town.store.transaction() as s:
        (told,) = review.decide_conflict(s, c.id, "kept", today=TODAY)
        assert told.decision == "kept" and "本人电话" in told.record and told.reason == ""
    round_trip(town, [a, b], tmp, "back")
    with a.store.session() as s:
        assert conflicts.open_conflicts(s) == [] and exchange.status(s)["conflicts_open"] == 0
        (seen,) = review.village_decisions(s)
    assert seen.decision == "kept" and "本人电话" in seen.record


def test_sync_resolve_carries_a_reason_to_the_village(world, capsys):
    """``sync resolve`` wrote no reason: the village read an empty 理由 beside the decision."""
    from app.cli import main
    from app.services.sync import conflicts

    town, a, b, tmp = world
    c = _phone_conflict(world)
    too_long = [
        "--data-dir",
        str(town.paths.data_dir),
        "sync",
        "resolve",
        c.id.hex,
        "lost",
        "--reason",
        "长" * 501,
    ]
    assert main(too_long) == 1 and "500" in capsys.readouterr().err
    args = ["--data-dir", str(town.paths.data_dir), "sync", "resolve", c.id.hex[:8], "lost"]
    assert main([*args, "--reason", "村医电话核实，以村卫生室的为准"]) == 0, capsys.readouterr().err
    round_trip(town, [a, b], tmp, "back")
    with a.store.session() as s:
        assert conflicts.open_conflicts(s) == []
        (seen,) = review.village_decisions(s)
    assert seen.decision == "lost" and seen.reason == "村医电话核实，以村卫生室的为准"
    # the village reads it from the command line too (what its 审核 page lists)
    capsys.readouterr()
    assert main(["--data-dir", str(a.paths.data_dir), "review", "decisions", "--json"]) == 0
    (told,) = json.loads(capsys.readouterr().out)["decisions"]
    assert (told["kind"], told["decision"], told["reason"]) == ("conflict", "lost", seen.reason)
    assert told["villages"] == ["110105001101"] and told["decided_on"] == seen.decided_on.isoformat()
    assert [c["field"] for c in told["changes"]] == [c["field"] for c in seen.changes]
    assert main(["--data-dir", str(a.paths.data_dir), "review", "decisions"]) == 0
    text = capsys.readouterr().out
    assert "理由：村医电话核实，以村卫生室的为准" in text and "共 1 条处理决定" in text


def test_a_user_who_may_not_see_smi_records_is_offered_the_same_for_every_pair(township_store):
    """Two pairs, neither record holding anything such a user sees; one record of one pair a
    严重精神障碍 patient.  A township account without that permission was offered "void the first"
    for the one pair and not for the other, and refused it with "…还有未作废的…专项管理记录": which
    residents are patients.  Now it is offered the same for both (send back to the village, or not
    the same person), and either is taken alike; one who may see them still weighs the rows."""
    from app.services.access import accounts
    from app.services.programmes import smi

    pairs = []
    with township_store.transaction() as s:
        for name, birth in (("钱玉兰", "1952-03-04"), ("孙玉珍", "1953-05-06")):
            one = save_resident(
                s,
                ResidentInput(
                    name=name, sex="2", birth_date=birth, group_name="一组", village_code="110105001101"
                ),
                today=TODAY,
            )
            two = save_resident(
                s,
                ResidentInput(
                    name=name,
                    sex="2",
                    birth_date=birth,
                    village_code="110105001101",
                    household_id=one.household_id,
                    relation_to_head="8",
                ),
                today=TODAY,
            )
            pairs.append((one, two))
        patient = pairs[0][0]
        smi.register(s, patient.archive_no, smi.SmiRegistrationInput(diagnosis="1", consent="1"), today=TODAY)
        for username, permissions in (("plain", ()), ("mh", ("mental_health",))):
            accounts.create_user(s, username, "村医-secret-1", "township_staff", permissions=permissions)
    keys = [review.pair_key(one.id, two.id) for one, two in pairs]

    def items_as(username):
        township_store.actor = accounts.login(township_store, username, "村医-secret-1")
        with township_store.session() as s:
            return {i.key: i for i in review.review_queue(s, today=TODAY) if i.key in keys}

    try:
        seen = items_as("mh")
        assert seen[keys[0]].offered != seen[keys[1]].offered  # the patient's rows weigh for them
        blind = items_as("plain")
        assert blind[keys[0]].offered == blind[keys[1]].offered == ("distinct", "merge_back")
        # and told why, alike for every pair (it tells no one who is a patient); not those who may see
        assert blind[keys[0]].note == blind[keys[1]].note == review.BLIND_NOTE
        assert seen[keys[0]].note is None and seen[keys[1]].note is None
        for key in keys:
            with pytest.raises(UserError) as refused, township_store.transaction() as s:
                review.decide(s, key, "void_first", "同一人", today=TODAY)
            # (the same words for every pair: which decisions a blind viewer is offered tells nothing)
            assert (
                refused.value.render() == "这一项不能这样处理（void_first）；可选的处理：distinct, merge_back"
            )
            with township_store.transaction() as s:
                review.decide(s, key, "merge_back", "请村医核对后合并", today=TODAY)
    finally:
        township_store.actor = None
    with township_store.session() as s:
        assert not any(s.get(Resident, r.id).voided for pair in pairs for r in pair)
        assert {d.decision for d in s.scalars(select(ReviewDecision))} == {"merge_back"}


# What a scan keeps for the next one is what a fresh scan would find (an adversarial review of the
# scan's memory found each of these; each failed before it was put right).


def _invalid_ids(store) -> set:
    with store.session() as s:
        return {i.resident_id for i in review.review_queue(s, today=TODAY, kinds=("invalid",))}


def _fresh_invalid_ids(store) -> set:
    review._LAST_SCAN.clear()
    return _invalid_ids(store)


def _enrol_in(store, **kw):
    with store.transaction() as s:
        return save_resident(
            s, ResidentInput(**{**PERSON, "village_code": "110105001101", **kw}), today=TODAY
        ).id


def test_a_scan_in_a_session_holding_an_old_copy_of_a_record_checks_it_as_stored(township_store):
    review._LAST_SCAN.clear()
    rid = _enrol_in(township_store)
    long = township_store.session()
    held = long.get(Resident, rid)  # a session that showed the record (objects outlive its commits)
    long.commit()
    with township_store.transaction() as s:  # another window, a sync import
        s.execute(update(Resident).where(Resident.id == rid).values(sex="7"))  # no such 性别
    assert {i.resident_id for i in review.review_queue(long, today=TODAY, kinds=("invalid",))} == {rid}
    assert held.sex == "7"  # (held until now: the session's copy, read again)
    long.close()
    assert _invalid_ids(township_store) == _fresh_invalid_ids(township_store) == {rid}


def test_a_province_code_list_replaced_as_the_app_runs_has_every_record_checked_again(
    township_store, monkeypatch, tmp_path
):
    from app import codes

    review._LAST_SCAN.clear()
    rid = _enrol_in(township_store, ethnicity="01")
    assert _invalid_ids(township_store) == set()
    monkeypatch.setitem(codes.CODE_LISTS, "ethnicity", codes.CODE_LISTS["ethnicity"])  # (put back after)
    province = tmp_path / "codes.json"
    province.write_text(json.dumps({"ethnicity": [["02", "蒙古族", "Mongol"]]}), encoding="utf-8")
    codes.load_overrides(province)  # 01 汉族 is no longer on the list
    assert _invalid_ids(township_store) == _fresh_invalid_ids(township_store) == {rid}


def test_a_record_changed_and_changed_back_while_it_is_checked_keeps_no_wrong_finding(
    township_store, monkeypatch
):
    """On PostgreSQL each statement used to see the latest commit: a record read for its fingerprint
    as A, checked as B (another writer's commit), and back to A, kept B's finding under A's print."""
    review._LAST_SCAN.clear()
    rid = _enrol_in(township_store)
    real = review._invalid_batch

    def racing(session, page, *args, **kw):
        with township_store.transaction() as s:
            s.execute(update(Resident).where(Resident.id == rid).values(phone="12345"))
        try:
            return real(session, page, *args, **kw)
        finally:
            with township_store.transaction() as s:
                s.execute(update(Resident).where(Resident.id == rid).values(phone=PERSON["phone"]))

    monkeypatch.setattr(review, "_invalid_batch", racing)
    _invalid_ids(township_store)
    monkeypatch.setattr(review, "_invalid_batch", real)
    assert _invalid_ids(township_store) == _fresh_invalid_ids(township_store) == set()


def test_a_village_renamed_while_the_queue_is_read_is_named_as_a_fresh_read_names_it(
    township_store, monkeypatch
):
    review._LAST_SCAN.clear()
    rid = _enrol_in(township_store)
    with township_store.transaction() as s:
        s.execute(update(Resident).where(Resident.id == rid).values(phone="12345"))
    real = review._scan_key

    def racing(session, today):
        with township_store.transaction() as s:
            s.execute(update(Village).where(Village.code == "110105001101").values(name="新李家村"))
        return real(session, today)

    monkeypatch.setattr(review, "_scan_key", racing)
    _invalid_ids(township_store)
    monkeypatch.setattr(review, "_scan_key", real)

    def named():
        with township_store.session() as s:
            return [
                (i.resident_id, i.village_name)
                for i in review.review_queue(s, today=TODAY, kinds=("invalid",))
            ]

    kept = named()
    review._LAST_SCAN.clear()
    assert kept == named()


def test_the_elderly_page_counts_a_person_enrolled_twice_once_as_the_indicator_does(township_store):
    """Found by review: the 老年人 page said 262 checked where 老年人健康管理率 counted 261 (a
    person with a check on each of two records).  The page counts people, as the indicator does,
    until the pair is decided."""
    from app.services.indicators import Period, engine
    from app.services.programmes import elderly

    first, second = _same_id_pair(township_store)
    with township_store.transaction() as s:
        _check(s, s.get(Resident, second).archive_no, "2026-08-01")
    with township_store.session() as s:
        assert elderly.coverage(s, 2026) == {"elderly": 1, "checked": 1}
        (result,) = engine.evaluate(s, Period.year(2026), keys=["elderly"]).results
        assert result.total.numerator == 1
    with township_store.transaction() as s:  # not the same person: two, on both
        (item,) = [i for i in review.review_queue(s, today=TODAY) if i.kind == "duplicate"]
        s.execute(update(Resident).where(Resident.id == second).values(id_number=OTHER_ID))
    with township_store.session() as s:
        assert elderly.coverage(s, 2026) == {"elderly": 2, "checked": 2}

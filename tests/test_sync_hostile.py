"""A village's signed bundle crafted by hand against the township's checks: each case a change no
device writes.  Each is refused by name and changes nothing, or (a deletion older than the row)
loses, as it would to any later write."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import func, select

from app.models import FollowupVisit, Peer, Resident, SyncConflict, SyncState, Village, org_id
from app.services.printing import followup_card
from app.services.records import residents as records
from app.services.sync import capture
from tests.synckit import TODAY, VILLAGES, changes_made, craft_bundle, dump_everything, first_resident

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

A = VILLAGES[0]


def own_resident(device) -> Resident:
    return first_resident(device, A)


def own_visit(device) -> FollowupVisit:
    with device.store.session() as s:
        return s.scalars(select(FollowupVisit).order_by(FollowupVisit.visit_date.desc())).first()


def next_seq(device) -> int:
    with device.store.session() as s:
        return s.scalar(select(SyncState.seq)) + 1


def op(device, entity, row, values, bases="", *, h=None, seq=None, code=A) -> dict:
    return {
        "o": device.device_id.hex,
        "s": seq or next_seq(device),
        "e": entity,
        "r": row if isinstance(row, str) else row.hex,
        "h": capture.hlc_text(capture.wall_ms(), 0, device.device_id) if h is None else h,
        "c": code,
        "u": None,
        "d": {"v": values, "b": bases},
    }


def send(sender, receiver, tmp, ops, **kw):
    """Import ``ops`` from ``sender``: (status, reason, whether the receiver's store changed)."""
    seqs = [o["s"] for o in ops]
    kw.setdefault("ranges", {sender.device_id.hex: [min(seqs) - 1, max(seqs)]})
    path = craft_bundle(sender, receiver, ops, tmp / uuid.uuid4().hex[:8], clock="", **kw)
    before = dump_everything(receiver.store)
    (out,) = receiver.import_(path)
    return out.status, out.reason.render() if out.reason else "", dump_everything(receiver.store) != before


def field_conflicts(device) -> int:
    with device.store.session() as s:
        return s.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.kind == "field"))


def township_edits_phone(town, resident_id) -> dict:
    """The township changes a phone the village has not seen; returns the row's clocks before."""
    with town.store.session() as s:
        made = s.get(Resident, resident_id).sync_clocks
    with town.store.transaction() as s:
        r = s.get(Resident, resident_id)
        inp = records.resident_input_from(r)
        inp.phone = "13811112222"
        records.save_resident(s, inp, resident_id=r.id, today=TODAY)
    return made


@pytest.mark.parametrize(
    "how", ["honest", "a base that is no clock", "a base later than the change", "the township's stamp"]
)
def test_a_concurrent_edit_is_a_conflict_unless_refused(world, how):
    """The clocks a change says it replaced, and the clock it is stamped with, decide whether the
    township's own later edit is kept as a conflict: a change that lies about them is refused."""
    town, a, _b, tmp = world
    r = own_resident(a)
    made = township_edits_phone(town, r.id)
    before = field_conflicts(town)
    h = capture.hlc_text(capture.wall_ms() + 5000, 0, a.device_id)
    base = made["_"][0]
    if how == "a base that is no clock":
        base = "zzzz"
    elif how == "a base later than the change":
        base = "f" * 24
    elif how == "the township's stamp":
        h = capture.hlc_text(capture.wall_ms() + 5000, 0, town.device_id)
    status, reason, changed = send(
        a, town, tmp, [op(a, "resident", r.id, {"phone": "13900000000"}, {"phone": base}, h=h)]
    )
    if how == "honest":
        assert status == "applied" and field_conflicts(town) == before + 1
        return
    assert status == "rejected" and not changed, (status, reason)
    assert ("h 格式不对" if how == "the township's stamp" else "d 格式不对") in reason or "冒充" in reason, (
        reason
    )


@pytest.mark.parametrize("base", [5, None, ["x"], {"a": 1}, True])
def test_a_base_of_another_type_is_refused_not_a_traceback(world, base):
    town, a, _b, tmp = world
    r = own_resident(a)
    status, reason, changed = send(
        a, town, tmp, [op(a, "resident", r.id, {"phone": "13900000000"}, {"phone": base})]
    )
    assert status == "rejected" and "d 格式不对" in reason and not changed, reason


def test_a_bad_change_after_a_committed_chunk_leaves_nothing_applied(world):
    """The import commits big bundles a chunk at a time: a change that could only fail while being
    applied (a ticked box without its field) is refused by the check before the first chunk."""
    town, a, _b, tmp = world
    with a.store.session() as s:
        ids = s.scalars(select(Resident.id).join(Village).where(Village.code == A)).all()
    seq, now = next_seq(a), capture.wall_ms()
    ops = [
        op(
            a,
            "resident",
            ids[i % len(ids)],
            {"current_address": f"地址{i}"},
            {"current_address": ""},
            seq=seq + i,
            h=capture.hlc_text(now, i, a.device_id),
        )
        for i in range(2100)
    ]
    ops.append(
        op(
            a,
            "resident",
            ids[1],
            {"choices": [{"code": "2"}]},
            {"choices": ""},
            seq=seq + 2100,
            h=capture.hlc_text(now, 2100, a.device_id),
        )
    )
    status, reason, changed = send(a, town, tmp, ops)
    assert status == "rejected" and "choices" in reason and not changed, reason


def test_a_change_without_a_clock_is_refused(world):
    """Every change is stamped; only a township's snapshot carries fields never written with one.
    (An unstamped change of a column only the township writes passed here as "would lose" and
    was relayed to the county, where it won.)"""
    town, a, _b, tmp = world
    vid = org_id("village", A)
    status, reason, changed = send(
        a, town, tmp, [op(a, "village", vid, {"name": "改名村"}, {"name": ""}, h="")]
    )
    assert status == "rejected" and "h 格式不对" in reason and not changed, reason


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("drugs", [1]),
        ("drugs", [{"name": 5}]),
        ("drugs", [{"name": "x", "times_per_day": 1e300, "mg_per_time": -5}]),
        ("symptoms", {"a": 1}),
        ("symptoms", [1, None]),
        ("insulin", ["x"]),
        ("emergency_reasons", [{"x": 1}]),
    ],
)
def test_a_visit_s_lists_are_what_the_form_writes(world, field, value):
    """A print or a report reads a visit's drugs, symptoms and insulin as the form writes them."""
    town, a, _b, tmp = world
    visit = own_visit(a)
    status, reason, changed = send(
        a, town, tmp, [op(a, "followup_visit", visit.id, {field: value}, {field: ""})]
    )
    assert status == "rejected" and field in reason and not changed, reason
    with town.store.session() as s:
        followup_card.card_data(s, [visit.resident_id])  # still prints


def test_a_clinical_record_is_never_deleted_by_a_bundle(world):
    """Clinical records are voided, never deleted (DESIGN): a tombstone for one is refused, and
    so is one that is not ``True``."""
    town, a, _b, tmp = world
    visit = own_visit(a)
    for values in ({"_deleted": True}, {"_deleted": False}):
        status, reason, changed = send(a, town, tmp, [op(a, "followup_visit", visit.id, values, {})])
        assert status == "rejected" and not changed, reason
    assert "只能作废" in reason or "d 格式不对" in reason


def test_a_deletion_older_than_the_row_loses(world):
    """A household deletion (the one record a device may delete) stamped before the row's last
    write loses to it, as any older write does."""
    from app.models import Household

    town, a, _b, tmp = world
    with a.store.session() as s:
        household = s.scalar(select(Household).join(Village).where(Village.code == A))
    old = capture.hlc_text(1, 0, a.device_id)  # 1970: older than every write of the household
    status, reason, _ = send(a, town, tmp, [op(a, "household", household.id, {"_deleted": True}, {}, h=old)])
    assert status == "applied", reason
    with town.store.session() as s:
        assert s.get(Household, household.id) is not None


@pytest.mark.parametrize("entity", ["Resident", " resident", "RESIDENT"])
def test_another_spelling_of_a_record_kind_is_refused_by_name(world, entity):
    town, a, _b, tmp = world
    r = own_resident(a)
    status, reason, changed = send(
        a, town, tmp, [op(a, entity, r.id, {"phone": "13900000001"}, {"phone": ""})]
    )
    assert status == "rejected" and "未知类型" in reason and not changed, reason


def test_values_as_json_text_and_nan_are_refused_as_malformed(world):
    town, a, _b, tmp = world
    r = own_resident(a)
    as_text = op(a, "resident", r.id, {}, {})
    as_text["d"] = json.dumps({"v": {"current_address": "王\u202e五"}, "b": {"current_address": ""}})
    status, reason, changed = send(a, town, tmp, [as_text])
    assert status == "rejected" and "d 格式不对" in reason and not changed, reason
    nan = op(a, "resident", r.id, {"current_address": float("nan")}, {"current_address": ""})
    status, reason, changed = send(a, town, tmp, [nan])
    assert status == "rejected" and "已损坏" in reason and not changed, reason


@pytest.mark.parametrize("spelling", ["upper", "dashed", "braces", "urn"])
def test_an_acknowledgement_names_a_device_as_devices_write_it(world, spelling):
    town, a, b, tmp = world
    r = own_resident(a)
    u = b.device_id
    key = {"upper": u.hex.upper(), "dashed": str(u), "braces": f"{{{u}}}", "urn": u.urn}[spelling]
    status, reason, changed = send(
        a, town, tmp, [op(a, "resident", r.id, {"phone": "13900000001"}, {"phone": ""})], acks={key: 1}
    )
    assert status == "rejected" and not changed, reason
    with town.store.session() as s:
        assert key not in (s.get(Peer, a.device_id).acked or {})


# Every measurement of the 65+ check typed with a decimal point (found by review: a check with its
# height and weight was refused by the township, and every later bundle of the village with it).
MEASURED = {
    "temperature": "36.5",
    "height": "160.5",
    "weight": "55",
    "waist": "80",
    "alcohol": "0.5",
    "tbil": "12.3",
    "bun": "5.1",
    "glucose": "6.2",
    "tc": "4.6",
    "tg": "1.2",
    "ldl": "2.6",
    "hdl": "1.3",
}


def smi_and_elderly_records(s) -> None:
    """An elder of village A registered in the SMI programme, visited, checked and signed up."""
    from app.services.programmes import contracts, elderly, smi

    r = records.save_resident(
        s,
        records.ResidentInput(
            name="王老汉", id_number="11010519491231002X", phone="13812345678", group_name="一组"
        ),
        today=TODAY,
    )
    smi.register(
        s,
        r.archive_no,
        smi.SmiRegistrationInput(diagnosis="1", consent="1", first_onset="2001-05-01"),
        today=TODAY,
    )
    smi.record_visit(s, r.archive_no, smi.input_with(visit_date=TODAY.isoformat(), danger="0"), today=TODAY)
    selfcare = {f"selfcare_{k}": "1" for k in ("eating", "grooming", "dressing", "toilet", "activity")}
    elderly.record_check(
        s,
        r.archive_no,
        elderly.ElderlyCheckInput(check_date=TODAY.isoformat(), sbp="132", dbp="78", **selfcare, **MEASURED),
        today=TODAY,
    )
    contracts.add_contract(s, r.archive_no, doctor="李医生", packages="basic, elderly")


def _changed(ops: list[dict], entity: str, column: str, value) -> list[dict]:
    (target,) = [o for o in ops if o["e"] == entity]
    target["d"]["v"][column] = value(target["d"]["v"][column]) if callable(value) else value
    return ops


def _visit_number_field() -> str:
    from app.services.programmes.smi import VISIT_COLUMNS
    from app.services.programmes.smi_forms import VISIT_FORM
    from app.services.records.field_table import Kind

    return next(f.key for f in VISIT_FORM if f.kind is Kind.NUMBER and f.key not in VISIT_COLUMNS)


@pytest.mark.parametrize(
    ("entity", "column", "value", "said"),
    [
        (None, None, None, None),  # as the forms wrote them: applied
        (
            "smi_registration",
            "form",
            lambda f: {**f, "first_onset": "2099-01-01"},
            "form.first_onset 2099-01-01",
        ),
        ("smi_registration", "form", lambda f: {**f, "first_onset": "20010501"}, "form.first_onset"),
        ("smi_registration", "form", lambda f: {**f, "past_symptom": ["zz"]}, "form.past_symptom"),
        ("smi_registration", "form", ["x"], "form"),
        ("smi_visit", "form", lambda f: {**f, _visit_number_field(): 1e9}, "form."),
        ("smi_visit", "form", lambda f: {**f, _visit_number_field(): "3"}, "form."),
        ("smi_visit", "form", lambda f: {**f, "a_later_field": {"nested": [1]}}, "form.a_later_field"),
        ("elderly_check", "form", lambda f: {**f, "height": 1e6}, "form.height"),
        ("elderly_check", "form", lambda f: {**f, "height": "160.5"}, "form.height"),
        ("elderly_check", "form", lambda f: {**f, "weight": True}, "form.weight"),
        ("elderly_check", "selfcare", ["1", "1"], "selfcare"),
        ("elderly_check", "selfcare", ["1", "1", "1", "1", "9"], "selfcare"),
        ("family_contract", "packages", ["basic", "no-such-package"], "packages"),
    ],
)
def test_a_form_kept_as_json_holds_what_its_field_table_saves(world, entity, column, value, said):
    """The rest of an SMI or elderly form travels as one JSON object keyed by its field table: each
    value must be what the form saves (a date as written and not in the future, a number in its
    range, a code of its list), or the print and the view of the record read it wrong or fail."""
    town, a, _b, tmp = world
    ops = changes_made(a, smi_and_elderly_records)
    if entity is not None:
        ops = _changed(ops, entity, column, value)
    status, reason, changed = send(a, town, tmp, ops)
    if entity is None:
        assert status == "applied", reason
        from app.models import ElderlyCheck, FamilyContract, SmiRegistration, SmiVisit

        with town.store.session() as s:
            for model in (SmiRegistration, SmiVisit, ElderlyCheck, FamilyContract):
                assert s.scalar(select(func.count()).select_from(model)) >= 1, model
            from app.models import Resident

            check = s.scalars(select(ElderlyCheck).join(Resident).where(Resident.name == "王老汉")).one()
            measured = {k: v for k, v in check.form.items() if k in MEASURED}
            assert measured == {k: float(v) for k, v in MEASURED.items() if k != "glucose"}
            assert check.glucose == 6.2
        return
    assert status == "rejected" and said in reason and not changed, reason
    if "2099" in said:
        assert "晚于" in reason or "未来" in reason or "日期" in reason, reason


def _shape_cases() -> dict[str, list]:
    """Values of each JSON shape of a visit, as the form writes them and as it never does."""
    drug = {"name": "硝苯地平", "times_per_day": 2, "mg_per_time": 10}
    return {
        "codes": [[], ["1"], ["12345678"], ["123456789"], [1], [None], ["1", 2], {"a": "1"}, "1"],
        "lines": [[], ["胸闷"], ["x" * 200], ["x" * 201], [{"x": 1}], [["x"]], ("x",)],
        "texts": [{}, {"type": "x"}, {"a": "x" * 500}, {"a": "x" * 501}, {"a": 1}, {"a": None}, ["x"]],
        "drugs": [
            [],
            [drug],
            [drug, {"name": "x"}],
            [{"name": ""}],
            [{"name": "x" * 51}],
            [{"name": 5}],
            [{}],
            [{**drug, "extra": 1}],
            [{**drug, "times_per_day": 0}],
            [{**drug, "times_per_day": 25}],
            [{**drug, "times_per_day": 1.0}],
            [{**drug, "times_per_day": True}],
            [{**drug, "times_per_day": ""}],
            [{**drug, "mg_per_time": 0}],
            [{**drug, "mg_per_time": 0.5}],
            [{**drug, "mg_per_time": 100_000.5}],
            [{**drug, "mg_per_time": float("inf")}],
            [{**drug, "mg_per_time": False}],
            [{**drug, "mg_per_time": "10"}],
            [1],
            {"name": "x"},
        ],
    }


@pytest.mark.sqlite_only  # (no store)
@pytest.mark.parametrize("shape", ["codes", "lines", "texts", "drugs"])
def test_a_column_of_json_values_is_judged_as_each_value_would_be(shape):
    """The check of a chunk's column at once (C loops) says what the check of each value says:
    every pair and triple of the cases, in both orders."""
    import itertools

    from app.services.sync.values import JSON_SHAPES

    check = JSON_SHAPES[shape]
    cases = _shape_cases()[shape]
    for n in (1, 2, 3):
        for column in itertools.permutations(cases, n):
            assert check.column(column) == all(map(check, column)), column


@pytest.mark.sqlite_only  # (no store)
def test_a_column_of_ticked_boxes_is_judged_as_each_record_s_would_be():
    """A resident's ticked boxes, checked for a chunk at once, as each resident's would be: its own
    fields only, each required one with a value."""
    import itertools

    from app.services.sync.values import _column_ok, _value_ok, rules

    rule = rules("resident")["choices"]
    box = {"field": "allergy", "code": "2", "note": None, "event_date": None}
    cases = [
        [],
        [box],
        [box, {"field": "payment", "code": "1"}],
        [{"code": "2"}],
        [{"field": "allergy", "code": None}],
        [{**box, "bogus": "1"}],
        [{**box, "note": 5}],
        [{**box, "note": "x" * 201}],
        [box, "x"],
    ]
    for n in (1, 2, 3):
        for column in itertools.permutations(cases, n):
            assert _column_ok(rule, column) == all(_value_ok(rule, v) for v in column), column


@pytest.mark.sqlite_only  # (no store)
@pytest.mark.parametrize(
    ("entity", "field", "cases"),
    [
        ("followup_visit", "visit_date", ["2026-03-08", "2026-02-30", "20260308", "1899-01-01", 5, None]),
        ("followup_visit", "resident_id", ["ab" * 16, "AB" * 16, "ab" * 15, "g" * 32, 1, None]),
        ("followup_visit", "program", ["htn", "t2dm", "xx", 1, True, None]),
        ("resident", "name", ["张三", " 张三", "张\u200b三", "张" * 51, ["张三"], None]),
        ("resident", "phone", ["13800138000", "1380013800", "010-1234567", "", 13800138000, None]),
        (
            "followup_visit",
            "created_at",
            ["2026-03-08T09:00:00", "2026-03-08T25:00:00", "1800-01-01T00:00:00", 1],
        ),
    ],
)
def test_a_column_of_texts_is_judged_as_each_value_would_be(entity, field, cases):
    """A column of texts is checked one distinct text at a time: the same answer as each value's,
    whatever repeats (every pair and triple of the cases, repeats included, in both orders)."""
    import itertools

    from app.services.sync.values import _column_ok, _value_ok, rules

    rule = rules(entity)[field]
    for n in (1, 2, 3):
        for column in itertools.product(cases, repeat=n):
            assert _column_ok(rule, column) == all(_value_ok(rule, v) for v in column), column


def test_what_is_not_a_file_is_never_moved_into_quarantine(world):
    """A refused "bundle" was moved into quarantine/ whatever it was: `sync import /dev/null`, run
    as root, took /dev/null from every program on the machine.  A folder given as a bundle (here,
    one inside the data folder, where refused bundles are moved aside) stays where it is."""
    from app.services.sync import exchange
    from app.services.sync import keys as device_keys

    town = world[0]
    folder = town.paths.sub("inbox") / "not-a-bundle.cyb"
    folder.mkdir(parents=True)
    keys = device_keys.keys_for_store(town.store, town.paths.sub("keys"), record=False)
    outcome = exchange.import_file(town.store, town.paths, folder, keys)
    assert outcome.status == "rejected" and outcome.quarantined is None
    assert folder.is_dir()


def test_a_bundle_that_unpacks_far_beyond_its_size_is_refused_early(world, monkeypatch):
    """A small signed file whose ops unpack to gigabytes (a "decompression bomb": one line of 1.5 GB
    packs into 50 KB) held the township's import of every village for 14 minutes, its memory
    growing, before it was refused as damaged.  An op longer than any op (a 4 MB photo is 5.6 MB
    of base64) and ops past what the file could hold are refused as they are read."""
    from app.services.sync import bundle

    town, a, _b, tmp = world
    r = own_resident(a)
    long = op(a, "resident", r.id, {"current_address": "x" * (bundle.MAX_OP_LINE + (1 << 20))}, {})
    status, reason, changed = send(a, town, tmp, [long])
    assert status == "rejected" and "解开后远大于" in reason and "16 MB" in reason and not changed, reason
    # many ordinary lines beyond the allowance (made small here: it is 200 times the file, at least 64 MB)
    monkeypatch.setattr(bundle, "MIN_ALLOWANCE", 1 << 20)
    monkeypatch.setattr(bundle, "MAX_RATIO", 1)
    seq = next_seq(a)
    many = [
        op(a, "resident", r.id, {"current_address": f"幸福路{i}号" + "x" * 900}, {}, seq=seq + i)
        for i in range(3000)
    ]
    status, reason, changed = send(a, town, tmp, many)
    assert status == "rejected" and "解开后远大于" in reason and not changed, reason


@pytest.mark.parametrize(
    ("values", "bases"),
    [
        ({"sbp": 118, "dbp": 70}, "seen"),  # an update, as the village's own capture writes it
        ({"sbp": 118, "dbp": 70}, ""),  # the same, claiming to make the row again
    ],
    ids=["update", "made again"],
)
def test_a_visit_once_made_changes_only_by_its_void(world, tmp_path, values, bases):
    """Found by the attacker: a village's bundle rewrote the blood pressure of a visit the township
    had recorded (and could as well its own): a visit is written whole when made; afterwards only
    its void (and a referral's box) may change.  Refused whole; a void of it is taken."""
    town, a, _b, tmp = world
    with town.store.session() as s:  # a visit of village A, as the township holds it
        visit = s.scalars(
            select(FollowupVisit)
            .join(Resident, Resident.id == FollowupVisit.resident_id)
            .where(Resident.archive_no.startswith(A), FollowupVisit.voided.is_(False))
            .order_by(FollowupVisit.visit_date.desc())
        ).first()
        clocks = visit.sync_clocks
    seen = {f: clocks["_"][0] for f in values} if bases == "seen" else ""
    status, reason, changed = send(a, town, tmp_path, [op(a, "followup_visit", visit.id, values, seen)])
    assert (status, changed) == ("rejected", False), reason
    assert "建好后不能修改" in reason and ("sbp" in reason or "dbp" in reason), reason
    voided = {"voided": True, "void_reason": "录错人"}
    status, reason, changed = send(
        a, town, tmp_path, [op(a, "followup_visit", visit.id, voided, {k: clocks["_"][0] for k in voided})]
    )
    assert (status, changed) == ("applied", True), reason

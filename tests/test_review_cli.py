"""``cunyi review list`` / ``cunyi review decide`` on the same service as the 审核 page: the queue
filtered by kind and village, a decision written (and left for sync) like the page's, and refused
decisions that change nothing and say why in one sentence."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import Referral, ReviewDecision, Village
from app.services import profile
from app.services.records.residents import ResidentInput, save_resident
from app.services.sync import capture

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

PERSON = dict(name="赵桂兰", id_number="11010519491231002X", phone="13812345678", group_name="一组")


@pytest.fixture
def township_dir(township_store, tmp_path):
    with township_store.transaction() as s:
        profile.ensure_village(s, "110105001101", "李家村")
        profile.ensure_village(s, "110105001102", "王家村")
        today = capture.trusted_today(s)
        a = save_resident(s, ResidentInput(**PERSON, village_code="110105001101"), today=today)
        s.add(Referral(resident_id=a.id, to_institution="县医院", issued_on=today - dt.timedelta(days=45)))
        b = save_resident(
            s,
            ResidentInput(name="钱二", sex="1", birth_date="1950-03-15", village_code="110105001102"),
            today=today,
        )
        b.phone = "12345"  # an import from before the phone rule: fails today's validation
    township_store.dispose()
    return str(tmp_path / "data-township")


def run(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def items(capsys, folder, *args) -> list[dict]:
    code, out, _ = run(capsys, "--data-dir", folder, "review", "list", "--json", *args)
    assert code == 0
    return json.loads(out)["items"]


def decisions(township_store) -> int:
    with township_store.session() as s:
        return s.scalar(select(func.count()).select_from(ReviewDecision))


def test_list_by_kind_and_village(township_dir, capsys):
    every = items(capsys, township_dir)
    assert sorted(i["kind"] for i in every) == ["referral", "validation"]
    (late,) = items(capsys, township_dir, "--kind", "referral")
    assert late["village"] == "110105001101" and "45 天未登记到位" in late["detail"]
    assert [o["decision"] for o in late["options"]] == ["sent_back", "not_arrived"]
    (invalid,) = items(capsys, township_dir, "--kind", "validation")
    assert invalid["village"] == "110105001102" and invalid["record"].startswith("钱二")
    assert [i["kind"] for i in items(capsys, township_dir, "--village", "110105001102")] == ["validation"]
    assert items(capsys, township_dir, "--kind", "duplicate") == []
    code, out, _ = run(capsys, "--data-dir", township_dir, "review", "list")
    assert code == 0 and late["key"] in out and "共 2 项待审核" in out
    code, _, err = run(capsys, "--data-dir", township_dir, "review", "list", "--village", "110105001999")
    assert code == 1 and "110105001999" in err and "Traceback" not in err


def test_decide_closes_the_item_and_writes_the_decision(township_dir, township_store, capsys):
    (late,) = items(capsys, township_dir, "--kind", "referral")
    code, out, _ = run(
        capsys,
        "--data-dir",
        township_dir,
        "review",
        "decide",
        late["key"],
        "--decision",
        "not_arrived",
        "--reason",
        "电话随访：患者未去县医院",
        "--json",
    )
    assert code == 0
    assert json.loads(out) == {
        "key": late["key"],
        "decision": "not_arrived",
        "decision_name": "登记为未到位",
        "reason": "电话随访：患者未去县医院",
        "villages": ["110105001101"],
    }
    assert items(capsys, township_dir, "--kind", "referral") == []
    with township_store.session() as s:
        (d,) = s.scalars(select(ReviewDecision)).all()
        assert (d.decision, d.reason, d.item_key) == ("not_arrived", "电话随访：患者未去县医院", late["key"])
        assert s.scalars(select(Referral.status)).one() == "not_arrived"
        # written like the page's decision: captured as a change for the village it belongs to
        from app.models import ChangeLog

        scopes = s.scalars(select(ChangeLog.scope).where(ChangeLog.entity == "review_decision")).all()
        assert scopes and set(scopes) == {"110105001101"}


@pytest.mark.parametrize(
    ("key", "decision", "reason", "message"),
    [
        (None, "not_arrived", "  ", "请用 --reason 写明处理理由"),
        ("referral:" + "0" * 32, "not_arrived", "理由", "该审核项不存在或已处理"),
        ("nonsense", "not_arrived", "理由", "该审核项不存在或已处理"),
        (None, "void_other", "理由", "这一项不能这样处理（void_other）；可选的处理：sent_back, not_arrived"),
        (None, "approve", "理由", "这一项不能这样处理（approve）；可选的处理：sent_back, not_arrived"),
    ],
)
def test_refused_decisions_change_nothing(
    township_dir, township_store, capsys, key, decision, reason, message
):
    (late,) = items(capsys, township_dir, "--kind", "referral")
    args = [key or late["key"], "--decision", decision, "--reason", reason]
    code, out, err = run(capsys, "--data-dir", township_dir, "review", "decide", *args)
    assert code == 1 and message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert decisions(township_store) == 0
    assert len(items(capsys, township_dir)) == 2


def _item(key: str, kind: str, record: str, other: str = "", **extra):
    """A review item of 李家村 as the queue lists it, for the page to show."""
    from app.services.errors import Message
    from app.services.quality import review

    detail = Message("Validation", "输入有误", {})
    return review.ReviewItem(key, kind, "110105001101", "李家村", None, record, other, detail, None, **extra)


@pytest.mark.gui
def test_the_review_page_pages_through_a_long_queue(gui_app, township_store, qtbot):
    from app.views.review_page import PAGE, ReviewPage

    page = ReviewPage(township_store, township=True)
    qtbot.addWidget(page)
    page.items = [_item(f"invalid:{n:032x}:", "invalid", f"居民{n}") for n in range(PAGE * 2 + 5)]
    page.show_items()
    assert page.table.rowCount() == PAGE and page.page_label.text() == "第 1 / 3 页"
    assert not page.previous_button.isEnabled() and page.next_button.isEnabled()
    page.next_button.click()
    page.next_button.click()
    assert page.table.rowCount() == 5 and page.page_label.text() == "第 3 / 3 页"
    assert not page.next_button.isEnabled()
    page.table.selectRow(1)
    assert page.current().record == f"居民{PAGE * 2 + 1}"  # the row of this page, not of the first
    page.kind.setCurrentIndex(2)  # another kind: back to its first page
    assert page.page_label.text() == "第 1 / 1 页" and page.table.rowCount() == 0


@pytest.mark.gui
def test_a_long_refusal_wraps_inside_the_review_page(gui_app, township_store, qtbot):
    """A refused decision's message is a sentence or two: it wraps under the buttons instead of
    widening the page past a 1024-pixel screen (the buttons went off its edge)."""
    from app.views.review_page import ReviewPage

    page = ReviewPage(township_store, township=True)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    wide = page.minimumSizeHint().width()
    page.error.setText(
        "还有未作废的随访、体检、转诊等记录，不能作废这份档案，请作废另一份或退回村医合并。" * 3
    )
    qtbot.wait(20)  # (laid out again)
    assert page.minimumSizeHint().width() <= max(wide, 1000) and page.width() == 1000
    assert page.decide_button.geometry().right() <= page.width()


def test_the_review_page_opens_the_record_before_deciding(gui_app, township_dir, township_store, qtbot):
    """打开档案 (or Enter on a line) opens the item's record through the main window."""
    from app.views.main_window import MainWindow

    window = MainWindow(township_store)
    qtbot.addWidget(window)
    page = window.page("review")
    page.refresh()
    qtbot.waitUntil(lambda: bool(page.items) and not page.busy, timeout=30_000)
    assert not page.open_button.isEnabled()  # nothing selected
    row = next(r for r, i in enumerate(page.shown) if i.resident_id is not None)
    page.table.selectRow(row)
    assert page.open_button.isEnabled()
    page.open_button.click()
    from app.views.residents import ResidentDialog

    opened = window.page("residents").findChildren(ResidentDialog)  # (the window owns it)
    try:
        (dialog,) = opened
        assert dialog.isVisible() and dialog.resident_id == page.shown[row].resident_id
    finally:  # a page left open would reload, in a later test, from a store gone by then
        for dialog in opened:
            dialog.close()


def test_a_record_failing_validation_is_sent_back(township_dir, township_store, capsys):
    (invalid,) = items(capsys, township_dir, "--kind", "validation")
    args = [invalid["key"], "--decision", "sent_back", "--reason", "电话号码位数不对，请核实"]
    code, out, _ = run(capsys, "--data-dir", township_dir, "review", "decide", *args)
    with township_store.session() as s:
        name = s.scalar(select(Village.name).where(Village.code == "110105001102"))
    assert code == 0 and f"将同步告知 {name}（110105001102）" in out  # the village by name, not a code alone
    assert items(capsys, township_dir, "--kind", "validation") == []
    code, _, err = run(capsys, "--data-dir", township_dir, "review", "decide", *args)  # decided already
    assert code == 1 and "该审核项不存在或已处理" in err
    assert decisions(township_store) == 1


@pytest.mark.gui
def test_the_other_record_names_its_village_in_the_ui_language(gui_app, township_store, qtbot):
    """A duplicate's other record: （高庙村） in Chinese, " (Gaomiao)" with ASCII brackets in English."""
    from app.views.review_page import ReviewPage
    from app.views.startup import install_translator

    page = ReviewPage(township_store, township=True)
    qtbot.addWidget(page)
    other = "徐欣红 11010500100190000"
    page.items = [
        _item("duplicate:x", "duplicate", "徐欣红 11010500110100001", other, other_village="高庙村")
    ]
    page.show_items()
    assert (
        page.table.item(0, 3).text() == "徐欣红（高庙村）\n11010500100190000"
    )  # (the number on a line of its own)
    install_translator(gui_app, "en")
    try:
        page.show_items()
        assert page.table.item(0, 3).text() == "徐欣红 (高庙村)\n11010500100190000"
    finally:
        install_translator(gui_app, "zh")

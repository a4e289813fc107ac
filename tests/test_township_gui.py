"""The township 工作台 on the hand-built township of test_indicators: the table shows each figure
with its traffic light, a click on a number lists the residents behind it with their reasons,
and the main window of a township opens on it."""

from __future__ import annotations

import uuid

import pytest

from app.services.indicators import engine
from app.views.township_home import BEHIND, FIXED_COLUMNS, GOOD, JUDGED, NEAR, TownshipHomePage, light
from tests.test_indicators import YEAR, township, township_template  # noqa: F401 - its fixtures

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def page(gui_app, qtbot, request):
    store, _ids = request.getfixturevalue("township")  # test_indicators' township, built once a module
    return workbench_of(store, qtbot)


def workbench_of(store, qtbot) -> TownshipHomePage:
    """The 工作台 of ``store``, shown and computed for :data:`YEAR`."""
    page = TownshipHomePage(store)
    qtbot.addWidget(page)
    page.show()  # computes when first shown
    page.wait_until_loaded()
    page.year.setValue(YEAR)  # refreshes if it was another year
    page.wait_until_loaded()
    return page


def row_of(page, key: str) -> int:
    return [r.key for r in page.bench.report.results].index(key)


def test_table_shows_figures_with_traffic_lights(page):
    report = page.bench.report
    assert [v.name for v in report.villages] == ["东村", "西村"]
    row = row_of(page, "htn_standard")
    assert page.table.item(row, 1).text() == "80.0%\n4 / 5"
    assert page.table.item(row, FIXED_COLUMNS).text() == "75.0%\n3 / 4"  # 东村
    records = row_of(page, "records")
    assert page.table.item(records, 0).text() == "80.0%"  # the target
    assert page.table.item(records, 1).background().color() == BEHIND  # 8/15 against 80%
    assert page.table.item(row_of(page, "record_use"), 1).background().color() != GOOD  # no target, no light
    last = len(report.results)
    assert page.table.item(last, FIXED_COLUMNS).text() == "从未同步"
    assert page.table.item(last + 1, FIXED_COLUMNS).text() == "—"  # days missing: not known (was empty)


def test_a_click_lists_the_residents_with_reasons(page, qtbot):
    dialog = page.cell_clicked(row_of(page, "htn_standard"), FIXED_COLUMNS)  # 东村
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    names = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert sorted(names) == ["r1", "r2", "r3", "r4"]
    r2 = names.index("r2")
    assert dialog.table.item(r2, 4).text() == "否"
    assert dialog.table.item(r2, 5).text() == "本年面对面随访 3 次，要求 4 次"
    dialog.only_missing.setChecked(True)
    assert dialog.table.rowCount() == 1
    dialog.numerator.setChecked(True)  # lists the numerator afresh
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    assert dialog.table.rowCount() == 3
    assert "共 3 人，计入 3 人" in dialog.count.text()


def test_a_line_of_the_list_opens_the_residents_page(page, qtbot):
    """From a number to the resident behind it: a line activated asks for that resident's page,
    and the main window opens it (the 居民档案 section's dialog)."""
    from app.views.main_window import MainWindow

    dialog = page.cell_clicked(row_of(page, "htn_standard"), FIXED_COLUMNS)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    dialog.only_missing.setChecked(True)  # the table's own lines, not the list's first
    assert dialog.table.item(0, 1).text() == "r2"
    with qtbot.waitSignal(dialog.resident_requested, timeout=5_000) as asked:
        dialog.table.activated.emit(dialog.table.model().index(0, 1))
    assert asked.args == [dialog.shown[0].resident_id]
    window = MainWindow(page.store)
    qtbot.addWidget(window)
    opened = window.open_resident(asked.args[0])  # (the window owns it)
    try:
        assert opened is not None and opened.resident_id == asked.args[0]
        assert "r2" in opened.windowTitle()
    finally:  # a page left open would reload, in a later test, from a store gone by then
        if opened is not None:
            opened.close()


def test_a_population_figure_offers_only_the_numerator(page, qtbot):
    dialog = page.cell_clicked(row_of(page, "records"), 1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    assert dialog.numerator.isChecked() and not dialog.denominator.isEnabled()
    assert dialog.table.rowCount() == 8
    # greyed, it says why (a reviewer took it for a fault)
    assert dialog.denominator.toolTip().startswith("这项指标的分母是录入的人口数，不是居民名单")


def test_the_quarter_recomputes(page):
    page.quarter.setCurrentIndex(4)  # 第 4 季度
    page.wait_until_loaded()
    assert page.bench.report.period == engine.parse_period(YEAR, 4)
    assert page.table.item(row_of(page, "htn_standard"), 1).text() == "75.0%\n3 / 4"


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_light():
    assert light(0.8, 0.8) == GOOD and light(0.6, 0.8) == BEHIND and light(None, 0.8) is None
    assert light(0.5, None) is None


def test_a_township_window_opens_on_the_workbench(gui_app, township_store, qtbot):
    from app.views.main_window import MainWindow

    window = MainWindow(township_store)
    qtbot.addWidget(window)
    assert isinstance(window.home, TownshipHomePage)
    assert window.home.task is None  # nothing computed for a page nobody has seen
    window.show()
    window.home.wait_until_loaded()
    assert window.home.bench is not None and window.home.table.rowCount() > 0


def test_population_figures_are_entered_on_the_workbench(page, qtbot, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from app.services.indicators import population
    from tests.test_indicators import A, B

    warnings: list[str] = []
    monkeypatch.setattr(
        "app.views.population_dialog.QMessageBox.warning", lambda _p, _t, text: warnings.append(text)
    )
    dialog = page.edit_population()
    qtbot.addWidget(dialog)
    assert dialog.codes == [A, B] and dialog.table.item(0, 1).text() == "10"
    # what the figures are for, read from the indicators: 签约率 divides by 常住人口 too
    note = dialog.findChild(QLabel).text()
    assert "家庭医生签约率" in note and "健康档案建档率" in note and "老年人健康管理率" in note
    assert note.startswith(f"{YEAR} 年各村")  # the year a save overwrites, on the page itself
    dialog.table.item(1, 1).setText("２０")  # full-width digits are digits
    dialog.table.item(0, 2).setText("x")
    dialog.save()
    assert warnings and "东村" in warnings[-1] and dialog.isVisible()
    with page.store.session() as s:
        assert [f.resident_population for f in population.figures(s, YEAR)] == [10, 5]  # nothing saved
    dialog.table.item(0, 2).setText("4")
    dialog.save()
    assert not dialog.isVisible()
    with page.store.session() as s:
        assert [(f.resident_population, f.elderly_population) for f in population.figures(s, YEAR)] == [
            (10, 4),
            (20, 1),
        ]
    page.wait_until_loaded()  # the workbench recomputed: 建档率 now over 10 + 20
    assert page.bench.report.result("records").total.denominator == 30


def test_an_education_count_reads_as_activities_against_the_minimum(page, qtbot):
    """健康知识讲座次数 is the months (two-month periods) with a lecture against a yearly minimum: the
    cell reads "0 期 / 最低 N 期" (not a percentage) and its list is of activities, not residents."""
    row = row_of(page, "education_lectures")
    result = page.bench.report.results[row]
    assert result.unit == "periods" and result.total.denominator > 0
    assert (
        page.table.item(row, 1).text() == f"{result.total.numerator} 期\n最低 {result.total.denominator} 期"
    )
    assert "%" not in page.table.item(row, FIXED_COLUMNS).text()
    assert page.table.item(row, 0).text() == "—"  # (its minimum is each unit's own: no rate to aim at)
    dialog = page.cell_clicked(row, 1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    assert dialog.numerator.text() == "计入的活动" and dialog.denominator.isHidden()
    assert [dialog.table.isColumnHidden(c) for c in range(6)] == [True, False, False, True, True, False]
    assert dialog.table.horizontalHeaderItem(1).text() == "活动主题"
    assert dialog.count.text() == f"共 {result.total.numerator} 次活动"
    page.indicator.setCurrentIndex(page.indicator.findData("education_lectures"))  # its chart: counts


def test_a_trend_with_nothing_to_draw_says_so(gui_app, qtbot, township_store):
    """A township without villages yet: no month has a rate, and the trend chart says there is
    nothing to draw instead of showing an empty frame."""
    page = TownshipHomePage(township_store)
    qtbot.addWidget(page)
    page.show()
    page.wait_until_loaded()
    assert page.trend_plot is not None and page.trend_empty is not None
    assert page.trend_empty.textItem.toPlainText() == "本年度还没有可画的数据"


def test_a_trend_without_a_villages_population_says_whose_is_missing(gui_app, qtbot, township_store):
    """One village of six without this year's population figure: 建档率's trend read "本年度还没有可画
    的数据" over a year of records (a reviewer's township).  It names the village whose figure is
    missing."""
    from app.services import profile
    from app.tools.demo import generate_demo
    from tests.conftest import TODAY

    with township_store.transaction() as s:
        generate_demo(s, 200, seed=4, villages=2, today=TODAY)
        profile.ensure_village(s, "110105001077", "李庄村")  # no figure entered for it
    page = TownshipHomePage(township_store)
    qtbot.addWidget(page)
    page.show()
    page.wait_until_loaded()
    page.indicator.setCurrentIndex(page.indicator.findData("records"))
    qtbot.waitUntil(lambda: page.trend_empty is not None, timeout=30_000)
    said = page.trend_empty.textItem.toPlainText()
    assert said.startswith("李庄村还没有录入本年度人口数") and "画不出趋势" in said, said
    assert all(v.name not in said for v in page.bench.report.villages if v.name != "李庄村"), said


def test_the_workbench_offers_the_year_up_to_a_quarter(page):
    """Beside each quarter alone, the year up to the end of the 2nd and the 3rd (累计)."""
    from app.services.indicators import Period

    labels = [page.quarter.itemText(i) for i in range(page.quarter.count())]
    assert labels[-2:] == ["1–2 季度累计", "1–3 季度累计"]
    page.quarter.setCurrentIndex(labels.index("1–3 季度累计"))
    assert page.period() == Period.to_quarter(page.year.value(), 3)
    page.quarter.setCurrentIndex(labels.index("第 3 季度"))
    assert page.period() == Period.quarter(page.year.value(), 3)


def test_the_townships_own_activities_have_their_own_column(gui_app, qtbot, request):
    """A lecture the township's health centre holds is the township's own: 全乡镇 counts it, and
    without a column of its own the villages did not add up to 全乡镇 (30 against 41).  The
    column "…本级" follows the villages; a click lists the township's own activities only, and an
    indicator with nothing of its own leaves the cell empty and unclickable."""
    from app.services.programmes import education

    store, _ids = request.getfixturevalue("township")
    with store.transaction() as s:
        education.add_activity(
            s,
            education.ActivityInput(
                held_on=f"{YEAR}-03-01",
                place="卫生院",
                form="5",
                topic="卫生院高血压讲座",
                audience_count="30",
            ),
        )
    page = workbench_of(store, qtbot)
    report = page.bench.report
    own = page.table.columnCount() - 1
    assert own == FIXED_COLUMNS + len(report.villages)
    (town,) = report.townships
    assert page.table.horizontalHeaderItem(own).text() == f"{town.name}本级"
    row = row_of(page, "education_lectures")
    result = report.results[row]
    done, minimum = result.own[town.code]
    assert done == 1
    assert page.table.item(row, own).text() == f"1 期\n最低 {minimum} 期"
    villages = sum(result.villages[v.id].numerator for v in report.villages)
    assert villages + done == result.total.numerator
    records = row_of(page, "records")
    assert page.table.item(records, own).text() == "—"
    assert page.cell_clicked(records, own) is None
    dialog = page.cell_clicked(row, own)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    assert [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())] == ["卫生院高血压讲座"]
    last = len(report.results)  # the sync rows are the villages'
    assert page.table.item(last, own) is None


def test_an_smi_figure_reads_as_not_visible_to_staff_without_the_permission(gui_app, qtbot, request):
    """For township staff without the mental-health permission the 严重精神障碍 indicators count
    nobody: their cells read 无权查看, not "0 / 0" (which reads as "no patients"), open no list, and
    the note above the table names every indicator that differs, 健康档案使用率 among them."""
    from app.services.access import accounts
    from app.services.indicators import output

    store, _ids = request.getfixturevalue("township")
    with store.transaction() as s:
        accounts.create_user(s, "plain", "s3cret-Pass!", "township_staff", display_name="公卫员")
    store.actor = accounts.login(store, "plain", "s3cret-Pass!")
    try:
        page = workbench_of(store, qtbot)
    finally:
        store.actor = None
    report = page.bench.report
    assert report.withheld
    for key in ("smi_standard", "smi_stable", "contract_smi"):
        row = row_of(page, key)
        cells = range(1, FIXED_COLUMNS + len(report.villages))  # 全乡镇 and the villages (not 本级)
        assert {page.table.item(row, c).text() for c in cells} == {"无权查看"}
        assert page.cell_clicked(row, 1) is None
    assert "%" in page.table.item(row_of(page, "record_use"), 1).text()
    note = page.withheld.text()
    assert not page.withheld.isHidden() and note == output.withheld_note(report)
    assert "健康档案使用率" in note and "重点人群家庭医生签约率" in note and "健康档案建档率" not in note


@pytest.mark.sqlite_only  # the pages' layout
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_township_pages_ask_no_more_width_than_an_800_pixel_window_has(gui_app, qtbot, request, lang):
    """Every control of the township's pages is on screen in an 800-pixel window (and so in a
    wider one), in Chinese and in English: 导出… was cut to 导, 状态 to 受, the settings' check box ran
    off the edge, the referrals' last button was cut, and the 审核 queue's 问题 column was off it."""
    from app.views.main_window import MainWindow
    from app.views.startup import install_translator
    from tests.test_gui import assert_pages_fit

    store, _ids = request.getfixturevalue("township")
    install_translator(gui_app, lang)
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(800, 760)
        window.show()
        window.home.wait_until_loaded()
        keys = ("home", "sync", "review", "settings", "print", "followups", "quality", "audit", "users")
        assert_pages_fit(qtbot, window, keys, lang)
        window.close()
    finally:
        install_translator(gui_app, "zh")


def test_contract_rows_say_the_day_they_are_counted_on(page):
    """签约率's patients are those under management on one day, 规范管理率's those of the whole year:
    the contract rows' names say so when pointed at."""
    report = page.bench.report
    for row, result in enumerate(report.results):
        tip = page.table.verticalHeaderItem(row).toolTip()
        if result.key.startswith("contract") or result.key == "poor_contract":
            assert tip.startswith("注：签约率按 "), result.key
        else:
            assert tip == "", result.key


def test_a_village_doctor_signed_in_at_the_township_is_offered_no_decisions(gui_app, qtbot, request):
    """Found: a village doctor signed in at the township had the 审核 page, which only said
    没有权限处理冲突 (three times), and the 同步 page's buttons to decide conflicts, each refused.
    The queue is now for who may decide; the doctor reads their village's conflicts."""
    from sqlalchemy import select

    from app.models import Village
    from app.services.access import accounts
    from app.views.main_window import MainWindow

    store, _ids = request.getfixturevalue("township")
    with store.transaction() as s:
        code = s.scalars(select(Village.code).order_by(Village.code)).first()
        accounts.create_user(
            s, "doc", "s3cret-Pass!", "village_doctor", display_name="村医", village_code=code
        )
        accounts.create_user(s, "staff", "s3cret-Pass!", "township_staff", display_name="公卫员")
    for user, decides in (("doc", False), ("staff", True)):
        store.actor = accounts.login(store, user, "s3cret-Pass!")
        try:
            win = MainWindow(store)
            qtbot.addWidget(win)
            assert ("review" in [p.key for p in win.pages]) is decides
            sync = win.show_page("sync")
            for button in (sync.keep_button, sync.other_button, sync.review_button):
                assert button.isVisibleTo(sync) is decides
        finally:
            store.actor = None


def test_a_count_is_judged_against_what_was_due_by_the_months_over(gui_app, qtbot, request):
    """The 健康教育 page holds a period not yet over as not missed: the 工作台 coloured a count short
    of its yearly minimum amber in December (29 of 30 months), as if behind, and a sum green when
    one village's surplus covered another's shortfall.  Each unit is judged on its own, against
    what was due by the months over: green when every unit holds its minimum, red when one holds
    less than was due, uncoloured while what is missing is still to come."""
    from app.services.indicators import Period, engine
    from app.services.indicators.workbench import Workbench

    east, west = (
        engine.VillageRef(uuid.uuid4(), "110105001201", "东村"),
        engine.VillageRef(uuid.uuid4(), "110105001202", "西村"),
    )
    report = engine.Report(Period.year(YEAR), (east, west), (), ())

    def judged(done: dict, minimum: dict, due: dict, column) -> str | None:
        result = engine.IndicatorResult(
            "education_lectures", "健康知识讲座次数", "education", 1.0, "education_minimum_lectures",
            engine.Figure(sum(done.values()), sum(minimum.values())),
            {v.id: engine.Figure(done[v.name], minimum[v.name]) for v in (east, west)}, {}, unit="periods",
        )  # fmt: skip
        bench = Workbench(report, {}, {"education_lectures": {v.id: due[v.name] for v in (east, west)}})
        return bench.judge_count(result, column)

    # December under way: 5 of 6 two-month periods due, each village held them: not yet met, not behind
    assert judged({"东村": 5, "西村": 5}, {"东村": 6, "西村": 6}, {"东村": 5, "西村": 5}, None) is None
    assert judged({"东村": 6, "西村": 6}, {"东村": 6, "西村": 6}, {"东村": 5, "西村": 5}, None) == "met"
    # a period gone by without one: behind, though the year runs on (the page's 落后)
    assert judged({"东村": 4, "西村": 5}, {"东村": 6, "西村": 6}, {"东村": 5, "西村": 5}, east) == "short"
    # the sum: one village's surplus does not make up the other's shortfall
    assert judged({"东村": 9, "西村": 3}, {"东村": 6, "西村": 6}, {"东村": 6, "西村": 6}, None) == "short"
    assert judged({"东村": 9, "西村": 3}, {"东村": 6, "西村": 6}, {"东村": 6, "西村": 6}, east) == "met"
    # and the page colours its cells so
    store, _ids = request.getfixturevalue("township")
    page = workbench_of(store, qtbot)
    row = row_of(page, "education_lectures")
    result = page.bench.report.results[row]
    expected = JUDGED.get(page.bench.judge_count(result, None))
    colour = page.table.item(row, 1).background().color()
    assert colour == expected if expected is not None else colour not in (GOOD, NEAR, BEHIND)

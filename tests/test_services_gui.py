"""The 签约, 贫困户 and 健康教育 pages and their dialogs, driven as a user would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import select

from app.models import Resident
from app.services import profile
from app.services.programmes import followup, poverty
from app.services.records.residents import save_resident
from app.views.contracts_page import COLUMN, ContractsPage
from app.views.education_page import EducationPage
from app.views.home import HomePage
from app.views.poverty_page import PovertyPage
from tests.test_education import pdf_of, png

pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


@pytest.fixture
def family(store, person):
    with store.transaction() as s:
        head = save_resident(s, person())
        wife = save_resident(
            s,
            person(
                name="李四",
                id_number="",
                sex="2",
                birth_date="1952-03-04",
                relation_to_head="1",
                household_id=head.household_id,
            ),
        )
        followup.enrol(s, head, "htn", dt.date(2026, 1, 1))
        return head.archive_no, wife.archive_no


def cell(page, row: int, column: str) -> str:
    """The text of a cell of the 签约 list, its column named (contracts_page.COLUMNS)."""
    return page.table.item(row, COLUMN[column]).text()


def add_lecture(page, topic: str = "高血压的防治", audience: int = 30, files=()) -> QDialog:
    """A lecture typed into the page's 新活动 dialog (with ``files``: (path, kind) pairs) and saved."""
    dialog = page.new_activity()
    dialog.place.setText("村委会")
    dialog.topic.setText(topic)
    dialog.audience.setValue(audience)
    for path, kind in files:
        dialog.add_files([str(path)], kind)
    dialog.save()
    return dialog


def test_sign_a_household_then_end_one_contract(gui_app, qtbot, store, family, monkeypatch):
    page = ContractsPage(store)
    qtbot.addWidget(page)
    page.show()
    assert page.table.rowCount() == 0
    dialog = page.new_contract()
    qtbot.keyClicks(dialog.resident, family[0])
    dialog.doctor.setText("李医生")
    dialog.packages.boxes["elderly"].setChecked(True)
    dialog.start.setDate(QDate(2026, 1, 1))
    dialog.household.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.Accepted and dialog.result_text == "已签约 2 人"
    assert page.table.rowCount() == 2  # the page refreshed itself from the change announcement
    assert {cell(page, r, "packages") for r in range(2)} == {"基础包、老年人包"}
    assert cell(page, 0, "end") == "2026-12-31"

    page.table.selectRow(0)
    name = cell(page, 0, "name")
    monkeypatch.setattr("app.views.contracts_page.QInputDialog.getText", lambda *a, **k: ("迁往外地", True))
    page.end()
    page.filter.setCurrentIndex(page.filter.findData("all"))
    ended = [r for r in page.rows if r.status == "ended"]
    assert [(r.resident_name, r.end_reason) for r in ended] == [(name, "迁往外地")]


def test_contract_dialog_keeps_what_was_typed_on_error(gui_app, qtbot, store, family):
    page = ContractsPage(store)
    qtbot.addWidget(page)
    dialog = page.new_contract()
    qtbot.keyClicks(dialog.resident, family[0])
    dialog.doctor.setText("李医生")
    dialog.packages.set_codes([])
    dialog.save()
    assert dialog.isVisible() and "请选择至少一个服务包" in dialog.error.text()
    assert dialog.resident.text() == family[0]


def test_poverty_page_register_and_plan(gui_app, qtbot, store, family):
    page = PovertyPage(store)
    qtbot.addWidget(page)
    page.show()
    assert page.tabs.tabText(0).endswith("(0 户)")  # households; the lists of people say 人
    dialog = page.register_household()
    qtbot.keyClicks(dialog.resident, family[1])
    dialog.status.set_code("registered")
    dialog.cause.set_code("illness")
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    assert page.households.rowCount() == 1 and page.households.item(0, 5).text() == "0/2"
    assert page.tabs.tabText(2).endswith("(1 人)")  # 张三's hypertension: no visit this month
    visits = page.lists["not_visited"]
    assert [visits.horizontalHeaderItem(c).text() for c in (2, 3)] == ["管理项目", "上次随访"]
    assert visits.item(0, 2).text() == "高血压"
    from app.codes import CODE_LISTS
    from app.views.startup import install_translator

    install_translator(gui_app, "en")  # the programme is said in the page's language
    try:
        english = PovertyPage(store)
        qtbot.addWidget(english)
        english.show()
        qtbot.waitUntil(lambda: english.lists["not_visited"].rowCount() == 1)
        shown = english.lists["not_visited"].item(0, 2).text()
        assert shown == CODE_LISTS["program"].label("htn", "en") and shown.isascii(), shown
    finally:
        install_translator(gui_app, "zh")
    checks = page.lists["no_health_check"]  # nothing to say but who: no empty columns
    assert checks.isColumnHidden(2) and checks.isColumnHidden(3)
    plan = page.new_plan()
    qtbot.keyClicks(plan.resident, family[0])
    plan.track.set_code("chronic")
    plan.measures.setPlainText("每月随访，免费降压药")
    plan.review.setDate(QDate.currentDate().addDays(3))
    plan.save()
    assert plan.result() == QDialog.Accepted
    assert page.lists["plans_due"].rowCount() == 1 and page.lists["no_plan"].rowCount() == 0
    assert page.tabs.tabText(3).endswith("(1 份)")  # plans
    with store.session() as s:
        assert {r.name for r in poverty.workbench(s).no_health_check} == {"张三", "李四"}
    page.tabs.setCurrentIndex(0)
    page.households.setCurrentCell(0, 0)
    shown = page.print_household()  # the household's sheet, in the print preview
    assert shown is not None
    qtbot.addWidget(shown)
    assert shown.windowTitle() and shown.data.startswith(b"%PDF")


def test_a_poor_member_under_65_gets_the_free_check_from_the_poverty_page(
    gui_app, qtbot, store, family, person, monkeypatch
):
    """今年未体检 listed a healthy young member with no way to take them off: the page's 免费健康体检
    opens the 健康体检表 without the self-care assessment (the 65+'s), and saving takes them off."""
    from app.views.elderly_check import ElderlyCheckDialog

    with store.transaction() as s:
        head = s.query(Resident).filter_by(archive_no=family[0]).one()
        young = save_resident(
            s,
            person(
                name="张小明",
                id_number="",
                sex="1",
                birth_date="1990-05-05",
                relation_to_head="2",
                household_id=head.household_id,
            ),
        )
        poverty.set_household(s, family[0], status="registered", cause="illness")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.No)
    page = PovertyPage(store)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.lists["no_health_check"])
    table = page.lists["no_health_check"]
    qtbot.waitUntil(lambda: table.rowCount() == 3)
    row = next(i for i in range(3) if table.item(i, 0).text() == "张小明")
    table.setCurrentCell(row, 0)
    dialog = page.record_check()
    assert isinstance(dialog, ElderlyCheckDialog)
    qtbot.addWidget(dialog)
    assert "免费健康体检" in dialog.windowTitle() and "老年人" not in dialog.windowTitle()
    assert not dialog.form.sections["selfcare"].isVisible() and not dialog.score.isVisible()
    dialog.form.editors["sbp"].main.setText("118")
    dialog.form.editors["dbp"].main.setText("76")
    assert dialog.save(), dialog.summary.text()
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert "张小明" not in [table.item(i, 0).text() for i in range(2)]
    assert young.archive_no not in [table.item(i, 1).text() for i in range(2)]
    table.setCurrentCell(0, 0)  # 李四 (74): the 65+ check, self-care asked
    elder = page.record_check()
    qtbot.addWidget(elder)
    assert elder.form.sections["selfcare"].isVisible() and "老年人" in elder.windowTitle()


def test_education_page_add_with_photo_and_progress(gui_app, qtbot, store, tmp_path):
    photo = tmp_path / "现场.png"
    photo.write_bytes(png())
    home = HomePage(store)
    qtbot.addWidget(home)
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    dialog = add_lecture(page, files=[(photo, "photo")])
    assert dialog.result() == QDialog.Accepted
    assert page.table.rowCount() == 1 and page.table.item(0, 7).text() == "1"
    # whose activity it was: at a township the villages' activities are listed together
    assert page.table.horizontalHeaderItem(1).text() == "村或单位"
    with store.session() as s:
        village = profile.get_village(s).name
    assert page.table.item(0, 1).text() == village
    # (of the 2-month periods: the lecture's today, so which are over and missed depends on the day)
    assert page.progress.cells["lectures"].text().startswith("健康知识讲座：1 / 6 个两月期")
    # short of the year's minimum: red when behind, else neither red nor the workbench's green
    assert "1b5e20" not in page.progress.cells["lectures"].styleSheet()
    panel = home.findChild(type(page.progress))
    home.show()  # hidden pages refresh when next shown
    # the 工作台 panel refreshed too
    assert panel.cells["lectures"].text() == page.progress.cells["lectures"].text()


def test_home_reminds_of_expiring_contracts_and_unsigned_poor(gui_app, qtbot, store, family):
    from app.services.programmes import contracts
    from app.views.education_page import ReminderLine

    home = HomePage(store)
    qtbot.addWidget(home)
    home.show()
    line = home.findChild(ReminderLine)
    assert not line.isVisibleTo(home)
    with store.transaction() as s:
        poverty.set_household(s, family[0], status="registered", cause="illness")
        start = dt.date.today().replace(year=dt.date.today().year - 1) + dt.timedelta(days=10)
        contracts.add_contract(s, family[0], doctor="李医生", packages="basic", start=start)
    line.refresh()
    assert line.text() == "1 份家庭医生签约30天内到期；1 户贫困户未全户签约" and line.isVisibleTo(home)


def test_education_dialog_refuses_a_file_that_is_not_an_image(gui_app, qtbot, store, tmp_path):
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"not really a jpeg")
    page = EducationPage(store)
    qtbot.addWidget(page)
    dialog = page.new_activity()
    dialog.place.setText("村委会")
    dialog.topic.setText("控烟")
    dialog.audience.setValue(10)
    dialog.add_files([str(fake)], "photo")
    dialog.save()
    assert dialog.isVisible() and "不是 JPEG、PNG 图片或 PDF 文件" in dialog.error.text()
    assert page.rows == []


def test_renewal_is_asked_for_said_and_shown_as_yet_to_begin(gui_app, qtbot, store, family, monkeypatch):
    """续约 took effect at one click, said nothing, and listed the new term as 履约中 though it begins
    next year; it was also taken at any time (a renewal of a renewal ran two years ahead)."""
    from app.services.programmes import contracts
    from app.services.sync import capture

    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 12, 10, 12).timestamp() * 1000))
    with store.transaction() as s:
        contracts.add_contract(s, family[0], doctor="李医生", packages="basic", start="2026-01-01")
    page = ContractsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.table.selectRow(0)
    page.confirm = lambda title, text: False  # asked, and the answer was no
    assert page.renew() is None and page.table.rowCount() == 1
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True
    told = []
    monkeypatch.setattr("app.views.contracts_page.tell", lambda _page, text: told.append(text))
    assert page.renew() == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert "重新签字" in asked[0]
    assert told == ["已为 张三 续约：2027-01-01 至 2027-12-31，请打印协议书请居民签字"]
    (row,) = [r for r in range(page.table.rowCount()) if cell(page, r, "start") == "2027-01-01"]
    assert cell(page, row, "status") == "2027-01-01 起生效"
    page.table.selectRow(row)
    warned = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning", lambda _p, _title, text, *a, **k: warned.append(text)
    )
    assert page.renew() is None  # the renewal itself: not before a month ahead of its end
    assert warned == ["这份签约到 2027-12-31 期满，期满前一个月内（2027-11-30 起）才能续约"]


def test_a_contract_past_its_term_reads_lapsed_on_the_page(gui_app, qtbot, store, family):
    from app.services.programmes import contracts

    with store.transaction() as s:
        contracts.add_contract(s, family[0], doctor="李医生", packages="basic", start="2024-06-01")
        contracts.add_contract(s, family[1], doctor="李医生", packages="basic", start="2026-06-01")
    page = ContractsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    status = {cell(page, r, "start"): cell(page, r, "status") for r in range(page.table.rowCount())}
    assert status == {"2024-06-01": "已到期", "2026-06-01": "履约中"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_renewal_begun_but_unsigned_says_so_once_in_the_signature_column(
    gui_app, qtbot, store, family, monkeypatch, lang
):
    """A renewal whose term had begun, still awaiting the resident's signature, read 履约中 though
    no rate counts it as signed (contracts.in_force); then it read 待居民签字 in 状态 and 待签字 in
    签字 beside it (found by review: said twice).  签字 says it, marked; 状态 says the term's state.
    Once signed, it reads 履约中 and 已签字."""
    from PySide6.QtCore import Qt

    from app.services.programmes import contracts
    from app.services.sync import capture
    from app.views.startup import install_translator

    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 12, 10, 12).timestamp() * 1000))
    with store.transaction() as s:
        old = contracts.add_contract(s, family[0], doctor="李医生", packages="basic", start="2025-12-20")
    with store.transaction() as s:
        new = contracts.renew_contract(s, old[0][0].id)
        new_id = new.id
    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 12, 22, 12).timestamp() * 1000))
    install_translator(gui_app, lang)
    try:
        page = ContractsPage(store)
        qtbot.addWidget(page)
        page.show()
        page.refresh()

        def status():
            (row,) = [r for r in range(page.table.rowCount()) if cell(page, r, "start") == "2026-12-20"]
            marked = page.table.item(row, COLUMN["signature"]).foreground().style() != Qt.NoBrush
            return cell(page, row, "status"), cell(page, row, "signature"), marked

        awaiting, active, pending, signed = {
            "zh": ("待居民签字", "履约中", "待签字", "已签字"),
            "en": ("Awaiting", "Active", "Awaiting signature", "Signed"),
        }[lang]
        assert status() == (active, pending, True)
        every_status = [cell(page, r, "status") for r in range(page.table.rowCount())]
        assert not any(awaiting in text or pending in text for text in every_status), every_status
        with store.transaction() as s:
            contracts.mark_signed(s, new_id)
        page.refresh()
        assert status() == (active, signed, False)
    finally:
        install_translator(gui_app, "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [1024, 800])
def test_each_contract_s_status_reads_whole_and_in_sight(
    gui_app, qtbot, store, family, monkeypatch, lang, width
):
    """Found by review: at a 1024-px window the 状态 column cut "2026-12-20 起生效" and "Awaiting
    signature" short, and at 800 px it was scrolled out of sight.  It is as wide as its text, right
    after who the contract is of; at 1024 px every column reads whole without scrolling."""
    from app.services.programmes import contracts
    from app.services.sync import capture
    from app.views.main_window import MainWindow
    from app.views.startup import install_translator

    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 12, 10, 12).timestamp() * 1000))
    with store.transaction() as s:
        (old,), _ = contracts.add_contract(
            s, family[0], doctor="李医生", packages="basic", start="2025-12-20"
        )
        contracts.renew_contract(s, old.id)  # 2026-12-20 起生效
        contracts.add_contract(s, family[1], doctor="李医生", start="2026-11-01", signature="pending")
    install_translator(gui_app, lang)
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(width, 570)
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page("contracts")
        table, header, status = page.table, page.table.horizontalHeader(), COLUMN["status"]
        for mode in ("active", "all"):
            page.filter.setCurrentIndex(page.filter.findData(mode))
            QApplication.processEvents()
            assert table.rowCount() == {"active": 2, "all": 3}[mode]
            assert table.sizeHintForColumn(status) <= header.sectionSize(status), mode
            assert header.sectionViewportPosition(status) >= 0
            assert (
                header.sectionViewportPosition(status) + header.sectionSize(status)
                <= table.viewport().width()
            )
            if width == 1024:
                assert table.horizontalScrollBar().maximum() == 0, [header.sectionSize(c) for c in range(9)]
                for column in (c for c in range(table.columnCount()) if not table.isColumnHidden(c)):
                    assert table.sizeHintForColumn(column) <= header.sectionSize(column), (mode, column)
    finally:
        install_translator(gui_app, "zh")


@pytest.mark.sqlite_only  # the page's layout
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_townships_list_shows_its_packages_without_scrolling_at_1024_px(
    gui_app, qtbot, township_store, person, monkeypatch, lang
):
    """Found by review: at 1024 px in English a township's 签约 list (its 村 column shown, a
    contract of four packages) scrolled sideways to show 服务包.  服务包 takes what the other
    columns leave: cut short, the cell shows its whole text as its tooltip; where the list must
    scroll all the same (800 px) it reads whole; the window widened again, it fits again."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from app.services.programmes import contracts
    from app.services.sync import capture
    from app.views.main_window import MainWindow
    from app.views.startup import install_translator
    from app.views.widgets import WholeTextTips

    monkeypatch.setattr(capture, "wall_ms", lambda: int(dt.datetime(2026, 12, 10, 12).timestamp() * 1000))
    with township_store.transaction() as s:
        for code, name, who in (("110105001101", "一村", "欧阳建国"), ("110105001102", "二村", "王五")):
            profile.ensure_village(s, code, name)
            r = save_resident(
                s, person(name=who, id_number="", sex="1", birth_date="1950-01-01", village_code=code)
            )
            followup.enrol(s, r, "htn", dt.date(2026, 1, 1))
            poverty.set_household(s, r.archive_no, status="registered", cause="illness")
            contracts.add_contract(
                s,
                r.archive_no,
                doctor="欧阳医生",
                packages="basic,elderly,chronic,poor",
                start="2026-12-01",
                signature="pending",
            )
    install_translator(gui_app, lang)
    try:
        window = MainWindow(township_store)
        qtbot.addWidget(window)
        window.resize(1024, 570)
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page("contracts")
        table, header, packages = page.table, page.table.horizontalHeader(), COLUMN["packages"]
        QApplication.processEvents()
        assert table.rowCount() == 2 and not table.isColumnHidden(COLUMN["village"])
        shown = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]

        def fits() -> bool:
            QApplication.processEvents()
            return table.horizontalScrollBar().maximum() == 0

        assert fits(), [header.sectionSize(c) for c in shown]
        for column in (c for c in shown if c != packages):
            assert table.sizeHintForColumn(column) <= header.sectionSize(column), column
        index = table.model().index(0, packages)
        text = index.data()
        cut = table.sizeHintForColumn(packages) > header.sectionSize(packages)
        assert isinstance(table.itemDelegate(), WholeTextTips)
        assert table.itemDelegate().cut_short(table, QStyleOptionViewItem(), index, text) == cut
        if lang == "en":
            assert cut and text == "Basic, Elderly, Chronic disease, Poverty"  # (whole in its tooltip)
        window.resize(800, 570)
        assert not fits()  # scrolled all the same: 服务包 whole
        assert table.sizeHintForColumn(packages) <= header.sectionSize(packages)
        window.resize(1024, 570)
        assert fits()
    finally:
        install_translator(gui_app, "zh")


def test_a_townships_list_says_each_contract_s_village(gui_app, qtbot, store, family, township_store, person):
    """Found by review: a township's 签约 list did not say which village a contract is of.  Its 村
    column is shown where the contracts are of several villages (hidden on a village's PC)."""
    from app.services.programmes import contracts

    with township_store.transaction() as s:
        for code, name, who in (("110105001101", "一村", "张三"), ("110105001102", "二村", "王五")):
            profile.ensure_village(s, code, name)
            r = save_resident(
                s, person(name=who, id_number="", sex="1", birth_date="1960-01-01", village_code=code)
            )
            contracts.add_contract(s, r.archive_no, doctor="李医生", packages="basic", start="2026-01-01")
    with store.transaction() as s:
        contracts.add_contract(
            s, family[0], doctor="李医生", packages="basic", start="2026-01-01", household=True
        )
    township, village = ContractsPage(township_store), ContractsPage(store)
    for page in (township, village):
        qtbot.addWidget(page)
        page.show()
    column = COLUMN["village"]
    assert township.table.horizontalHeaderItem(column).text() == "村"
    assert not township.table.isColumnHidden(column)
    assert {cell(township, r, "name"): cell(township, r, "village") for r in range(2)} == {
        "张三": "一村",
        "王五": "二村",
    }
    assert village.table.isColumnHidden(column)  # its one village on every row


def test_correct_a_contract_from_the_page(gui_app, qtbot, store, family, monkeypatch):
    """Found by review: a contract signed with the wrong doctor or packages could only be ended.
    修改… opens the selected contract filled in; a package not for the resident is refused with
    what was typed kept; saved, the list shows the correction.  A contract no longer in force is
    refused before anything is typed."""
    from app.services.programmes import contracts

    with store.transaction() as s:
        contracts.add_contract(
            s, family[0], doctor="李医生", team="一组团队", packages="basic", start="2026-01-01", years=2
        )
    page = ContractsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)
    dialog = page.edit_contract()
    assert dialog.windowTitle() == "修改签约" and not dialog.resident.isEnabled()
    assert family[0] in dialog.resident.text() and not dialog.household.isVisible()
    assert (dialog.doctor.text(), dialog.team.text(), dialog.packages.codes(), dialog.years.value()) == (
        "李医生",
        "一组团队",
        ["basic"],
        2,
    )
    assert dialog.start.date() == QDate(2026, 1, 1) and dialog.start.isEnabled()
    dialog.doctor.setText("王医生")
    dialog.packages.boxes["child"].setChecked(True)
    dialog.save()
    assert dialog.isVisible() and "儿童包只适用于0–6岁儿童" in dialog.error.text()
    assert dialog.doctor.text() == "王医生" and dialog.packages.codes() == ["basic", "child"]
    told = []
    monkeypatch.setattr("app.views.contracts_page.tell", lambda _page, text: told.append(text))
    dialog.packages.boxes["child"].setChecked(False)
    dialog.packages.boxes["elderly"].setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.Accepted and told == ["已修改 张三 的签约"]
    assert (cell(page, 0, "doctor"), cell(page, 0, "packages")) == ("王医生", "基础包、老年人包")

    with store.transaction() as s:
        contracts.end_contract(s, page.rows[0].id, "迁往外地")
    page.filter.setCurrentIndex(page.filter.findData("all"))
    page.table.selectRow(0)
    warned = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning", lambda _p, _title, text, *a, **k: warned.append(text)
    )
    assert page.edit_contract() is None and warned == ["这份签约已解约，不能修改"]


def test_the_signing_form_offers_the_known_doctors_and_takes_one_typed(gui_app, qtbot, store, family):
    """Found by review: 签约医生 was free text, a slip made a doctor who does not exist.  The form
    names the logged-in doctor and offers the doctors' accounts as one types; a name typed by hand
    (a township's doctor with no account here) is taken as it is."""
    from app.models import FamilyContract
    from app.services.access import accounts

    with store.transaction() as s:
        for username, name in (("wang", "王医生"), ("zhao", "赵医生")):
            accounts.create_user(s, username, "村医-secret-1", "village_doctor", display_name=name)
    store.actor = accounts.login(store, "wang", "村医-secret-1")
    try:
        page = ContractsPage(store)
        qtbot.addWidget(page)
        dialog = page.new_contract()
        assert dialog.doctor.text() == "王医生"
        offered = dialog.doctor.completer()
        assert {"王医生", "赵医生"} <= set(offered.model().stringList())
        offered.setCompletionPrefix("赵")
        assert offered.currentCompletion() == "赵医生"
        qtbot.keyClicks(dialog.resident, family[1])
        dialog.doctor.setText("孙医生")  # the township's, no account here
        dialog.save()
        assert dialog.result() == QDialog.Accepted
        with store.session() as s:
            assert s.query(FamilyContract.doctor).one() == ("孙医生",)
    finally:
        store.actor = None


def test_a_townships_signing_form_offers_the_doctors_of_the_resident_s_village(
    gui_app, qtbot, township_store, person
):
    """Found by review: on a township's PC 签约医生 offered every village's doctors.  It offers
    those of the village the contract belongs to (the resident's): none before a resident is
    named, then theirs, then another's when another is typed; 修改… those of its resident's."""
    from app.services.programmes import contracts
    from tests.test_contracts import villages_with_doctors

    archive = villages_with_doctors(township_store, person)
    with township_store.transaction() as s:
        contracts.add_contract(s, archive["二村"], doctor="二村医生", packages="basic", start="2026-01-01")
    page = ContractsPage(township_store)
    qtbot.addWidget(page)
    page.show()

    def offered(dialog) -> set[str]:
        return set(dialog.doctor.completer().model().stringList())

    dialog = page.new_contract()
    assert offered(dialog) == set()  # (no resident named yet: no village's)
    qtbot.keyClicks(dialog.resident, archive["一村"])
    qtbot.waitUntil(lambda: offered(dialog) == {"一村甲医生", "一村乙医生"})
    dialog.resident.clear()
    qtbot.keyClicks(dialog.resident, archive["二村"])
    qtbot.waitUntil(lambda: offered(dialog) == {"二村医生"})
    dialog.reject()
    page.table.selectRow(0)
    edit = page.edit_contract()
    assert offered(edit) == {"二村医生"}
    edit.reject()


def test_the_activity_form_says_every_problem_at_once_and_keeps_what_was_typed(gui_app, qtbot, store):
    """An empty lecture form said "请填写活动主题" and, once that was typed, the next problem: one
    save at a time.  Now every problem at once, nothing written, what was typed kept."""
    page = EducationPage(store)
    qtbot.addWidget(page)
    dialog = page.new_activity()
    dialog.organiser.setText("村卫生室")
    dialog.save()
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    said = dialog.error.text()
    for words in ("请填写活动主题", "请填写活动地点", "请填写接受健康教育人数"):
        assert words in said, said
    assert dialog.organiser.text() == "村卫生室"


@pytest.mark.sqlite_only  # the page's layout
def test_an_activitys_form_reads_whole_and_individual_education_says_what_it_counts(gui_app, qtbot, store):
    """ "Individual health education" read "Individual …" in English even at 1280 px (the column
    was sized before any row was there); the 个体化健康教育 figure had no unit beside counts of
    activities, and counts follow-ups too: it says 人次, and its tooltip says what it counts."""
    from app.services.programmes import education
    from app.views.startup import install_translator

    with store.transaction() as s:
        education.add_activity(
            s,
            education.ActivityInput(
                held_on="2026-11-01", place="村委会", form="6", topic="戒烟", audience_count="1"
            ),
        )
    install_translator(gui_app, "en")
    try:
        page = EducationPage(store)
        qtbot.addWidget(page)
        page.resize(1280, 700)
        page.show()
        qtbot.waitUntil(lambda: page.table.rowCount() == 1)
        kind = page.table.item(0, 2).text()
        assert page.table.columnWidth(2) >= page.table.fontMetrics().horizontalAdvance(kind) + 6, kind
        individual = page.progress.cells["individual"]
        assert individual.text().endswith(" contacts") and "follow-up" in individual.toolTip()
    finally:
        install_translator(gui_app, "zh")


def test_a_townships_panel_counts_its_units_behind_and_names_them_when_pointed_at(
    gui_app, qtbot, township_store
):
    """Ten villages' missing periods filled the 健康教育 page: the panel counts the units behind,
    and its tooltip names each with what it misses, for every line (printed material too, which
    has no note of its own)."""
    from app.views.education_page import ProgressPanel

    with township_store.transaction() as s:
        profile.ensure_village(s, "110105001201", "东村")
        profile.ensure_village(s, "110105001202", "西村")
    panel = ProgressPanel(township_store)
    qtbot.addWidget(panel)
    panel.refresh(2025)
    materials = panel.cells["materials"]
    assert materials.text() == "印刷资料种类：0 / 36（3 个单位落后）"
    assert "东村 差 12 种" in materials.toolTip() and "西村 差 12 种" in materials.toolTip()
    lectures = panel.cells["lectures"]
    assert "东村 缺1–12月" in lectures.toolTip() and "东村" not in lectures.text()


def test_education_page_shows_the_archived_photo_and_sheet(gui_app, qtbot, store, tmp_path):
    """存档材料 were kept but never shown again: a double-click on an activity now shows its photo as
    it was taken and its sign-in sheet's pages (a PDF rendered here)."""

    from PySide6.QtCore import Qt

    photo = tmp_path / "现场.png"
    photo.write_bytes(png(40))
    sheet = tmp_path / "签到表.pdf"
    sheet.write_bytes(pdf_of(2))
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    dialog = add_lecture(page, files=[(photo, "photo"), (sheet, "signin")])
    assert dialog.result() == QDialog.Accepted
    page.table.selectRow(0)
    rect = page.table.visualRect(page.table.model().index(0, 3))
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())
    from app.views.education_page import AttachmentsDialog

    shown = page.findChild(AttachmentsDialog)
    assert shown is not None and shown.isVisible()
    qtbot.addWidget(shown)
    texts = [shown.files.item(i).text() for i in range(shown.files.count())]
    assert texts == ["照片：现场.png（1 KB）", f"签到表：签到表.pdf（{-(-sheet.stat().st_size // 1024)} KB）"]
    drawn(qtbot, shown)
    assert [(i.width(), i.height()) for i in shown.shown] == [(40, 40)]  # the photo as it was taken
    choose(qtbot, shown, 1)
    assert len(shown.shown) == 2 and shown.shown[0].width() > 500  # both pages of the sheet, rendered
    assert not shown.note.text()


def drawn(qtbot, viewer) -> None:
    """Wait until the 存档材料 viewer has drawn the file chosen (on its worker thread)."""
    qtbot.waitUntil(lambda: viewer.loading is None, timeout=20_000)


def choose(qtbot, viewer, row: int) -> None:
    viewer.files.setCurrentRow(row)
    drawn(qtbot, viewer)


def test_education_page_says_when_an_activity_has_no_archived_files(gui_app, qtbot, store):
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    add_lecture(page, topic="控烟", audience=12)
    page.table.selectRow(0)
    shown = page.show_files()
    qtbot.addWidget(shown)
    assert shown.note.text() == "这次活动没有存档材料" and not shown.shown


def exif_rotated_jpeg(width: int = 40, height: int = 20) -> bytes:
    """A JPEG stored landscape with EXIF Orientation 6, as a phone saves a portrait photo."""
    import struct

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format_RGB888)
    image.fill(QColor("#3366cc"))
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "JPG")
    jpeg = bytes(buffer.data())
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1)
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack("<I", 0)
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


def test_the_archived_files_viewer_shows_each_file_whatever_came_before(gui_app, qtbot, store, tmp_path):
    """Found by review: a file the viewer could not show (a PDF with a password) left every later
    one cut off or drawn over the others; a phone's portrait photo lay on its side; a 2 kB PDF of
    one 5-metre page took 3.7 GB to draw.  Each is said or shown as it should be."""

    from app.views.education_page import AttachmentsDialog

    files = {
        "sheet.pdf": pdf_of(3),
        "portrait.jpg": exif_rotated_jpeg(),
        "poster.pdf": pdf_of(1, pagesize=(14400, 14400)),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append((tmp_path / name, "signin" if name.endswith(".pdf") else "photo"))
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    assert add_lecture(page, files=paths).result() == QDialog.Accepted
    # a PDF with a password, archived before such files were refused (or by an older version)
    import base64
    import hashlib

    from app.models import EducationActivity, EducationAttachment

    locked = pdf_of(1, encrypt="secret")
    files["locked.pdf"] = locked
    with store.transaction() as s:
        activity = s.scalars(select(EducationActivity)).one()
        s.add(EducationAttachment(activity_id=activity.id, scope_code=activity.scope_code, kind="signin",
                                  filename="locked.pdf", media_type="application/pdf", size=len(locked),
                                  sha256=hashlib.sha256(locked).hexdigest(),
                                  data_b64=base64.b64encode(locked).decode()))  # fmt: skip
    page.refresh()
    page.table.selectRow(0)
    viewer = page.show_files()
    qtbot.addWidget(viewer)
    names = [viewer.files.item(i).text() for i in range(viewer.files.count())]
    at = {name: next(i for i, t in enumerate(names) if name in t) for name in files}
    choose(qtbot, viewer, at["locked.pdf"])
    assert viewer.shown == [] and "设了密码" in viewer.note.text()
    choose(qtbot, viewer, at["sheet.pdf"])
    assert len(viewer.shown) == 3 and not viewer.note.isVisible()
    pages = viewer.scroll.widget()
    assert pages.minimumSizeHint().height() > viewer.scroll.viewport().height()  # (it scrolls: nothing cut)
    choose(qtbot, viewer, at["portrait.jpg"])
    (photo,) = viewer.shown
    assert (photo.width(), photo.height()) == (20, 40)  # upright
    choose(qtbot, viewer, at["poster.pdf"])
    (poster,) = viewer.shown
    assert (
        poster.width() <= AttachmentsDialog.PAGE_PIXELS
        and poster.height() <= 2 * AttachmentsDialog.PAGE_PIXELS
    )


def test_the_archived_files_viewer_draws_on_a_worker_thread_and_can_be_cancelled(
    gui_app, qtbot, store, tmp_path, monkeypatch
):
    """A 20-page sign-in sheet is 20 renders at up to 1,600 px: drawn on a worker thread (the window
    answers meanwhile), page by page with progress, and Cancel keeps the pages drawn so far."""
    import threading

    from app.views import education_page
    from app.views.operations import Progress

    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(pdf_of(25))
    threads = []
    real = education_page.pictures

    def spy(media_type, data, progress=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(media_type, data, progress)

    monkeypatch.setattr(education_page, "pictures", spy)
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    assert add_lecture(page, files=[(sheet, "signin")]).result() == QDialog.Accepted
    page.table.selectRow(0)
    viewer = page.show_files()
    qtbot.addWidget(viewer)
    assert viewer.loading is not None  # (the window is not held while it draws)
    drawn(qtbot, viewer)
    assert threads == [False]
    assert len(viewer.shown) == 20 and viewer.note.text() == "共 25 页，只显示前 20 页"
    # Cancel after the third page: the three drawn are shown, and said so.
    reports = []
    asked = iter([False, False, False, True])
    got = real(
        "application/pdf",
        sheet.read_bytes(),
        Progress(lambda d, t: reports.append((d, t)), lambda: next(asked)),
    )
    assert (len(got.images), got.pages, got.why) == (3, 25, "cancelled")
    assert reports == [(0, 20), (1, 20), (2, 20)]
    viewer._show(got)
    assert viewer.note.text() == "已取消：只显示了前 3 页" and len(viewer.shown) == 3


@pytest.mark.sqlite_only
def test_pdfium_is_called_one_call_at_a_time(gui_app, tmp_path):
    """pdfium is not thread-safe, even across documents: a print renders on a worker thread while
    the preview (or the 存档材料 viewer) renders too.  A render waits while another holds pdfium."""
    import io
    import threading

    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    from app.services.printing.engine import LOCK
    from app.views.print_preview import render_page

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(100, 700, "page")
    c.save()
    with LOCK:
        pdf = pdfium.PdfDocument(buffer.getvalue())
    done = threading.Event()
    worker = threading.Thread(target=lambda: (render_page(pdf, 0, 72), done.set()))
    with LOCK:
        worker.start()
        assert not done.wait(0.5)  # (a render takes a few ms: it would be done by now)
    worker.join(20)
    assert done.is_set()
    with LOCK:
        pdf.close()


def test_closing_the_viewer_or_choosing_another_file_stops_the_drawing(gui_app, qtbot, store, tmp_path):
    """Found by an attacker: the viewer closed while a long PDF was drawn left its progress box up
    (window-modal over a hidden window: the main window held until 取消), and a file chosen while
    another was drawn waited for it.  Closing or choosing cancels the drawing and its box."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    sheet, photo = tmp_path / "sheet.pdf", tmp_path / "photo.png"
    sheet.write_bytes(pdf_of(25))
    photo.write_bytes(png(40))
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    assert add_lecture(page, files=[(sheet, "signin"), (photo, "photo")]).result() == QDialog.Accepted
    page.table.selectRow(0)

    def boxes() -> list:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]

    viewer = page.show_files()
    qtbot.addWidget(viewer)
    names = [viewer.files.item(i).text() for i in range(viewer.files.count())]
    at = {name: next(i for i, t in enumerate(names) if name in t) for name in ("sheet", "photo")}
    drawn(qtbot, viewer)
    viewer.files.setCurrentRow(at["sheet"])
    first = viewer.loading
    viewer.files.setCurrentRow(at["photo"])
    assert first._cancel.is_set()  # (the sheet, chosen before, is not drawn on)
    drawn(qtbot, viewer)
    assert len(viewer.shown) == 1
    viewer.files.setCurrentRow(at["sheet"])
    drawing = viewer.loading
    viewer.reject()
    assert drawing._cancel.is_set()
    qtbot.wait(800)  # past the box's minimum duration
    assert boxes() == [] and QApplication.activeModalWidget() is None


def test_the_household_dialog_starts_from_the_household_s_registration(gui_app, qtbot, store, family):
    """Found by review: 登记贫困户 opened on a 防返贫监测户 (因病返贫) showed 建档立卡贫困户 and no
    flag, and 保存 wrote them: the household became 建档立卡 and lost its 因病返贫.  The form now
    starts from what the household holds; saved unchanged, it changes nothing."""
    with store.transaction() as s:
        poverty.set_household(s, family[0], status="monitored", cause="illness", relapse_by_illness=True)
    page = PovertyPage(store)
    qtbot.addWidget(page)
    page.show()
    dialog = HouseholdDialogFor(page, family[1])  # any member names the household
    assert dialog.status.code() == "monitored" and dialog.cause.code() == "illness"
    assert dialog.relapse.isChecked() and not dialog.by_illness.isChecked()
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    with store.session() as s:
        row = poverty.registration_of(s, family[0])
        assert (row.status, row.cause, row.by_illness, row.relapse_by_illness) == (
            "monitored",
            "illness",
            False,
            True,
        )
    # a member typed in afterwards: the form follows the household named
    dialog = page.register_household()
    assert dialog.status.code() == "registered"  # (nothing chosen: the first type)
    qtbot.keyClicks(dialog.resident, family[0])
    qtbot.waitUntil(lambda: dialog.status.code() == "monitored")
    assert dialog.relapse.isChecked()


def HouseholdDialogFor(page, archive_no: str):  # noqa: N802 - reads as the dialog it makes
    from app.views.poverty_page import HouseholdDialog

    dialog = HouseholdDialog(page.store, archive_no, page)
    dialog.show()
    return dialog


def test_an_activity_is_corrected_from_the_page_and_a_refused_form_keeps_what_was_typed(
    gui_app, qtbot, store
):
    """An activity recorded with a mistake could not be put right: 修改… opens its record filled in;
    a count the service refuses is said in the form, which keeps what was typed; saved, the list
    shows the new values."""
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    assert add_lecture(page, topic="控烟", audience=30).result() == QDialog.Accepted
    page.table.selectRow(0)
    dialog = page.edit_activity()
    qtbot.addWidget(dialog)
    assert (dialog.topic.text(), dialog.place.text(), dialog.audience.value()) == ("控烟", "村委会", 30)
    assert dialog.form.code() == "5" and dialog.windowTitle() == "修改健康教育活动记录"
    dialog.topic.setText("控烟与戒烟")
    dialog.audience.setValue(5000)
    dialog.save()
    assert dialog.isVisible() and "讲座和咨询活动的接受健康教育人数最多2000人" in dialog.error.text()
    assert (dialog.topic.text(), dialog.audience.value()) == ("控烟与戒烟", 5000)
    assert page.table.item(0, 3).text() == "控烟"  # nothing saved
    dialog.audience.setValue(45)
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    assert (page.table.rowCount(), page.table.item(0, 3).text(), page.table.item(0, 5).text()) == (
        1,
        "控烟与戒烟",
        "45",
    )


def test_a_count_of_0_material_kinds_is_refused_for_a_hand_out_never_saved_as_1(gui_app, qtbot, store):
    """资料种类数 0 typed for leaflets handed out was saved as 1: it is refused, said in the form,
    which keeps it as typed; a lecture's 0 (no material) is saved as 0, a count typed as typed."""
    from app.services.programmes import education

    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    dialog = page.new_activity()
    qtbot.addWidget(dialog)
    dialog.form.set_code("1")
    dialog.place.setText("村广场")
    dialog.topic.setText("控烟")
    dialog.audience.setValue(200)
    dialog.kinds.setValue(0)
    dialog.save()
    assert dialog.isVisible() and "发放印刷资料、播放音像资料至少1种：请填写资料种类数" in dialog.error.text()
    assert page.rows == [] and dialog.kinds.value() == 0
    dialog.kinds.setValue(3)
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    assert add_lecture(page, topic="讲座").result() == QDialog.Accepted  # (资料种类数 left at 0)
    with store.session() as s:
        kinds = {r.topic: r.material_kinds for r in education.list_activities(s)}
    assert kinds == {"控烟": 3, "讲座": 0}


def test_an_archived_file_is_removed_when_the_activity_is_corrected(gui_app, qtbot, store, tmp_path):
    """修改… listed the archived files with no way to take one off: 移除 takes the chosen one off
    the list, removed when saved (Cancel keeps it); a file added in the dialog is simply not added."""
    from app.services.programmes import education

    photo, sheet, extra = tmp_path / "现场.png", tmp_path / "签到表.pdf", tmp_path / "多余.png"
    photo.write_bytes(png())
    sheet.write_bytes(pdf_of(1))
    extra.write_bytes(png(3))
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    assert add_lecture(page, files=[(photo, "photo"), (sheet, "signin")]).result() == QDialog.Accepted
    page.table.selectRow(0)
    dialog = page.edit_activity()
    qtbot.addWidget(dialog)
    assert [dialog.files.item(i).text() for i in range(2)] == ["照片：现场.png", "签到表：签到表.pdf"]
    assert not dialog.remove_file.isEnabled()  # (nothing chosen)
    dialog.files.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_file, Qt.LeftButton)
    dialog.reject()  # cancelled: nothing removed
    assert page.table.item(0, 7).text() == "2"
    dialog = page.edit_activity()
    qtbot.addWidget(dialog)
    dialog.add_files([str(extra)], "photo")
    dialog.files.setCurrentRow(2)
    qtbot.mouseClick(dialog.remove_file, Qt.LeftButton)  # the file just added
    dialog.files.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_file, Qt.LeftButton)  # the photo archived
    assert [dialog.files.item(i).text() for i in range(dialog.files.count())] == ["签到表：签到表.pdf"]
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    assert page.table.item(0, 7).text() == "1"
    with store.session() as s:
        (row,) = education.list_activities(s)
    assert [(kind, name) for _i, kind, name, _s in row.attachments] == [("signin", "签到表.pdf")]


def test_an_activity_recorded_by_mistake_is_voided_from_the_page(gui_app, qtbot, store):
    """作废…: the reason asked for (none given: said, the dialog stays); voided, the activity leaves
    the list and the year's progress, and the page says so."""
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    add_lecture(page, topic="控烟", audience=30)
    assert page.progress.cells["lectures"].text().startswith("健康知识讲座：1 / 6")
    page.table.selectRow(0)
    dialog = page.void_activity()
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.isVisible() and "请写明作废的原因" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "x" * 201)
    dialog.save()
    assert dialog.isVisible() and "过长" in dialog.error.text() and dialog.reason.text() == "x" * 201
    dialog.reason.setText("录了两次")
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    assert page.table.rowCount() == 0 and page.rows == []
    assert page.progress.cells["lectures"].text().startswith("健康知识讲座：0 / 6")
    today = dt.date.today().isoformat()
    assert page.notice.isVisible() and page.notice.text() == f"已作废 {today} 的“控烟”"


def test_edit_and_void_ask_for_an_activity_first(gui_app, qtbot, store, monkeypatch):
    page = EducationPage(store)
    qtbot.addWidget(page)
    page.show()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a, **k: told.append(text))
    assert page.edit_activity() is None and page.void_activity() is None
    assert told == ["请先选择一次活动"] * 2

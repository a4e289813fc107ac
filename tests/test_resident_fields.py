"""The resident form's field table drives the input type, validation, the form and the roster.

A field added to the table in a fixture (微信号, a plain text field with a roster column) shows up in
all of them with no other edit; and what the table declares is what users see: labels in messages,
digits that are really digits.
"""

from __future__ import annotations

import csv
import dataclasses

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.errors import ValidationError
from app.services.records import resident_form, roster
from app.services.records import residents as records
from app.services.records.field_table import Column, Field, FieldTable, Kind, Section
from tests.conftest import TODAY, make_store

pytestmark = pytest.mark.both_databases  # SQLite and PostgreSQL (conftest)

WECHAT = Field(
    "wechat",
    "微信号",
    Kind.TEXT,
    max_len=30,
    hint="微信号或绑定的手机号",
    roster=Column("微信号", 10, "zhangsan_1965"),
)


@pytest.fixture
def wechat(monkeypatch) -> FieldTable:
    """The shipped table plus 微信号 after 本人电话, and the input type rebuilt from it."""
    table = resident_form.RESIDENT_FORM.inserted(WECHAT, after="phone")
    monkeypatch.setattr(resident_form, "RESIDENT_FORM", table)
    monkeypatch.setattr(resident_form, "ResidentInput", table.input_type)
    monkeypatch.setattr(records, "ResidentInput", table.input_type)
    return table


def new(**kw):
    base = dict(name="张三", id_number="11010519491231002X", group_name="一组")
    return records.ResidentInput(**{**base, **kw})


def errors_of(store, inp) -> dict[str, str]:
    with pytest.raises(ValidationError) as e, store.transaction() as s:
        records.save_resident(s, inp, today=TODAY)
    return {key: fe.render() for key, fe in e.value.by_field().items()}


# ---------------------------------------------------------------- a field added in one place


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_the_input_type_accepts_the_new_field(wechat):
    assert new(wechat="zs1965").wechat == "zs1965"
    assert new().wechat == ""
    assert "wechat" in {f.name for f in dataclasses.fields(records.ResidentInput) if f.type == "str"}


def test_validation_refuses_a_too_long_value_by_the_fields_label(wechat, store):
    assert errors_of(store, new(wechat="z" * 31)) == {"wechat": "微信号过长（最多30个字）"}


def test_a_field_without_a_column_is_checked_but_not_stored(wechat, store):
    """Documented in resident_form: saving skips it; a reloaded record shows its initial value."""
    with store.transaction() as s:
        rid = records.save_resident(s, new(wechat="  zs1965 "), today=TODAY).id
    with store.session() as s:
        assert records.resident_input_from(s.get(records.Resident, rid)).wechat == ""


def test_the_form_shows_it_in_its_place_in_the_tab_order(wechat, gui_app, qtbot, store):
    from app.views.enrolment_form import EnrolmentDialog

    dialog = EnrolmentDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    form = dialog.form
    assert form.table is wechat and "wechat" in form.editors
    label = form.boxes["wechat"].parentWidget().layout().labelForField(form.boxes["wechat"])
    assert label.text() == "微信号" and form.wechat.placeholderText() == "微信号或绑定的手机号"
    form.phone.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.phone)
    qtbot.keyClick(form.phone, Qt.Key_Tab)
    assert QApplication.focusWidget() is form.wechat  # right after 本人电话, as declared
    qtbot.keyClicks(form.wechat, "z" * 30)
    qtbot.keyClick(form.wechat, Qt.Key_Tab)
    assert QApplication.focusWidget() is form.contact_name
    assert form.to_input().wechat == "z" * 30
    form.wechat.setMaxLength(100)  # as if pasted past the line edit's limit
    form.wechat.setText("z" * 31)
    assert dialog.save() is False
    assert form.boxes["wechat"].error.text() == "微信号过长（最多30个字）"
    assert form.wechat.text() == "z" * 31  # what was typed is kept


def test_the_roster_template_export_and_import_carry_it(wechat, tmp_path, store):
    template = tmp_path / "t.xlsx"
    roster.write_template(template)
    header = [c.value for c in openpyxl.load_workbook(template).active[1]]
    assert header[-1] == "微信号" and header == roster.headers()

    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [
                ["姓名", "性别", "出生日期", "微信号"],
                ["钱大勇", "男", "1970-05-05", "qdy1970"],
                ["孙小勇", "男", "1971-05-05", "q" * 31],
            ]
        )
    with store.transaction() as s:
        report = roster.import_roster(s, path, dry_run=True, today=TODAY)
    assert report.ignored_columns == []  # the column is read …
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (3, "微信号", "微信号过长（最多30个字）")  # … into the input, and checked
    ]

    with store.transaction() as s:
        records.save_resident(s, new(), today=TODAY)
    out = tmp_path / "export.xlsx"
    with store.session() as s:
        roster.export_residents(s, out)
    exported = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert exported[0] == ("健康档案编号", *roster.headers()) and exported[0][-1] == "微信号"


# ---------------------------------------------------------------- the shipped table


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_the_table_is_the_one_list_of_fields():
    table = resident_form.RESIDENT_FORM
    names = [f.name for f in dataclasses.fields(records.ResidentInput)]
    assert names == [name for f in table for name, _, _ in f.attributes()]
    assert [f.key for f in table.sections[0].fields][:5] == [
        "name",
        "id_type",
        "id_number",
        "sex",
        "birth_date",
    ]
    assert roster.headers() == [
        "姓名",
        "性别",
        "出生日期",
        "身份证号",
        "联系电话",
        "现住址",
        "村民小组",
        "户主身份证号",
        "与户主关系",
    ]


@pytest.mark.sqlite_only  # no store: the same on both databases
def test_a_mistaken_declaration_is_refused_at_once():
    with pytest.raises(ValueError, match="declared twice"):
        resident_form.RESIDENT_FORM.inserted(dataclasses.replace(WECHAT, key="phone"), after="name")
    with pytest.raises(ValueError, match="max_len"):
        FieldTable("x", [Section("s", "s", (Field("a", "甲", Kind.TEXT),))])
    with pytest.raises(ValueError, match="unknown code list"):
        FieldTable("x", [Section("s", "s", (Field("a", "甲", Kind.CODE, codes="nope"),))])


@pytest.mark.parametrize(
    "changes",
    [
        {"name": "", "phone": "123", "birth_date": "1950-01-01", "ethnicity": "77", "status": "3"},
        {"id_type": "9", "id_number": "x" * 40, "sex": "7", "enrolled_on": "2030-01-01"},
        {"relation_to_head": "1", "enrolled_on": "2030-01-01"},
        {"allergy": ["5"], "family": {"father": ["1", "2"]}, "history_events": [("x", "", "")]},
        {"has_genetic_disease": True, "past_diseases": {"2": "2015-13"}, "status": "2"},
    ],
)
def test_every_refusal_names_a_field_of_the_table(store, changes):
    errors = errors_of(store, new(**changes))
    assert errors and set(errors) <= {f.key for f in resident_form.RESIDENT_FORM}


@pytest.mark.sqlite_only  # no store: the same on both databases
@pytest.mark.parametrize(
    "typed, expected",
    [("3", 3), ("３", 3), (" 10 ", 10), ("³", None), ("٣", None), ("४", None), ("0", None), ("3.5", None)],
)
def test_numbers_are_ascii_or_full_width_digits(typed, expected):
    # 签约年限 moved from the resident form to the contract (services.programmes.contracts).
    from app.services.errors import UserError
    from app.services.programmes import contracts

    if expected is None:
        with pytest.raises(UserError, match="签约年限应为1到10年"):
            contracts.parse_years(typed)
    else:
        assert contracts.parse_years(typed) == expected


def test_tab_order_follows_the_table(gui_app, qtbot, store):
    """Walking the focus chain from 姓名 meets every field's widget in the table's order."""
    from app.views.enrolment_form import EnrolmentDialog

    dialog = EnrolmentDialog(store)
    qtbot.addWidget(dialog)
    form = dialog.form
    owner = {
        (e.focus or e.main): key
        for key, e in form.editors.items()
        if e.widget is not None and key != "household_id"
    }
    seen, w = [], form.name
    for _ in range(1000):
        if w in owner and owner[w] not in seen:
            seen.append(owner[w])
        w = w.nextInFocusChain()
        if w is form.name:
            break
    shown = [f.key for f in resident_form.RESIDENT_FORM if f.key in owner.values()]
    assert seen == shown and len(seen) > 35, seen


# ---------------------------------------------------------------- what the form reads at open


def test_form_context_is_one_read_with_everything_the_form_needs(tmp_path):
    from app.services import profile
    from app.services.access import accounts

    store = make_store(tmp_path, "township", "110105001", "朝阳乡")
    with store.transaction() as s:
        village = profile.ensure_village(s, "110105001102", "李家村")
        profile.ensure_group(s, village, "三组")
    with store.session() as s:
        ctx = records.form_context(s)
    assert ctx.is_township and ctx.default_doctor == ""  # the system account is nobody's name
    assert [(v.code, v.name, v.groups) for v in ctx.villages] == [("110105001102", "李家村", ("三组",))]
    assert (ctx.initial.enrolled_by, ctx.initial.responsible_doctor, ctx.initial.name) == ("", "", "")
    with store.transaction() as s:
        accounts.create_user(s, "zhao", "zhao-pass-1", "township_staff", display_name="赵医生")
    accounts.login(store, "zhao", "zhao-pass-1")
    with store.session() as s:
        ctx = records.form_context(s)
    assert (ctx.default_doctor, ctx.initial.enrolled_by, ctx.initial.responsible_doctor) == ("赵医生",) * 3
    with store.transaction() as s:
        rid = records.save_resident(s, new(village_code="110105001102", group_name="三组"), today=TODAY).id
    with store.session() as s:
        ctx = records.form_context(s, rid)
    assert (ctx.resident_id, ctx.initial.name, ctx.initial.group_name) == (rid, "张三", "三组")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.default_doctor = "x"
    store.dispose()


# ---------------------------------------------------------------- the roster speaks in labels and digits


def _import(store, tmp_path, rows, header=("姓名", "性别", "出生日期", "身份证号", "联系电话"), **kw):
    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])
    with store.transaction() as s:
        return roster.import_roster(s, path, dry_run=True, today=TODAY, **kw)


def test_roster_errors_name_the_field_not_its_key(store, tmp_path):
    report = _import(store, tmp_path, [["冯四", "男", "2031-05-01", "", ""]])
    columns = {e.column for e in report.errors}
    # by its label; 建档日期 (today, before that birth date) is not said again: the birth date is wrong
    assert columns == {"出生日期"}
    keys = {f.key for f in resident_form.RESIDENT_FORM}
    assert not columns & keys


def test_a_township_roster_without_a_village_names_the_field(tmp_path):
    store = make_store(tmp_path, "township", "110105001", "朝阳乡")
    report = _import(store, tmp_path, [["冯四", "男", "1960-05-01", "", ""]])
    assert {(e.column, e.reason) for e in report.errors} == {("所属村", "乡镇模式下请指定村代码")}
    store.dispose()


@pytest.mark.parametrize(
    "row, column, fragment",
    [
        (["甲乙", "", "", "１１０１０５１９４９１２３１００２Ｘ", ""], None, ""),  # full width: fine
        (["甲乙", "", "", "1101051949123100٢X", ""], "身份证号", "前17位应为数字"),  # Arabic-Indic 2
        (["甲乙", "", "", "11010519491231002²", ""], "身份证号", "末位为数字或X"),  # a superscript
        (["甲乙", "女", "1949-12-3١", "", ""], "出生日期", "格式应为"),
        (["甲乙", "女", "1949-12-31", "", "１３８１２３４５６７８"], None, ""),
        (["甲乙", "女", "1949-12-31", "", "1381234567⁸"], "联系电话", "只能包含数字"),
        (["甲乙", "女", "1949-12-31", "", "1381234567८"], "联系电话", "只能包含数字"),  # Devanagari 8
        (["甲乙", "¹", "1949-12-31", "", ""], "性别", "无法识别"),
    ],
)
def test_roster_digits_are_ascii_or_full_width(store, tmp_path, row, column, fragment):
    report = _import(store, tmp_path, [row])
    if column is None:
        assert report.errors == [] and report.imported == 1
    else:
        assert (report.errors[0].column, fragment in report.errors[0].reason) == (column, True)


def test_roster_import_dialog_shows_labels_in_the_ui_language(gui_app, qtbot, store, tmp_path):
    from app.views.roster_import import RosterImportDialog
    from app.views.startup import install_translator

    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["姓名", "性别", "出生日期"], ["冯四", "男", "2031-05-01"]])
    install_translator(gui_app, "en")
    try:
        dialog = RosterImportDialog(store)
        qtbot.addWidget(dialog)
        dialog.path.setText(str(path))
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.errors.rowCount() == 1, timeout=10_000)
        columns = {dialog.errors.item(i, 1).text() for i in range(dialog.errors.rowCount())}
        assert columns == {"Date of birth"}
    finally:
        install_translator(gui_app, "zh")


def test_editing_in_the_form_shows_the_record_and_saving_changes_nothing(gui_app, qtbot, store):
    """Load (resident_input_from → form) and read back (form → input) are each other's inverse."""
    from app.views.enrolment_form import EnrolmentDialog

    with store.transaction() as s:
        rid = records.save_resident(
            s,
            new(
                blood_abo="1",
                blood_rh="2",
                payment=["3", "8"],
                payment_other="大病保险",
                allergy=["5"],
                allergy_other="头孢",
                past_diseases={"2": "2015-06", "13": ""},
                past_disease_other="痛风",
                history_events=[
                    ("surgery", "阑尾切除术", "1998-05-01"),
                    ("transfusion", "产后", "1975-03-02"),
                ],
                has_genetic_disease=True,
                genetic_disease="血友病",
                family={"father": ["2", "7"], "mother": ["1"]},
                family_other="",
                fuel="5",
            ),
            today=TODAY,
        ).id
    with store.session() as s:
        before = records.resident_input_from(s.get(records.Resident, rid))
    dialog = EnrolmentDialog(store, resident_id=rid)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert (form.name.text(), form.sex.code(), form.blood_rh.code(), form.group_name.currentText()) == (
        "张三",
        "2",
        "2",
        "一组",
    )
    assert form.disease_dates["2"].text() == "2015-06" and form.disease_checks["13"].isChecked()
    assert form.has_genetic_disease.isChecked()
    assert form.to_input() == before
    assert dialog.save() is True
    with store.session() as s:
        assert records.resident_input_from(s.get(records.Resident, rid)) == before


@pytest.mark.gui
def test_a_no_to_genetic_disease_saved_untouched_stays_no(gui_app, qtbot, store):
    """遗传病史 无 (False, as a roster's 否 or the demo store it) opened and saved untouched became
    not asked (None), and travelled to the township as a change.  Ticked and unticked: 无."""
    from app.views.enrolment_form import EnrolmentDialog

    with store.transaction() as s:
        rid = records.save_resident(s, new(has_genetic_disease=False), today=TODAY).id
    with store.session() as s:
        before = records.resident_input_from(s.get(records.Resident, rid))
    assert before.has_genetic_disease is False
    dialog = EnrolmentDialog(store, resident_id=rid)
    qtbot.addWidget(dialog)
    assert dialog.form.to_input() == before
    assert dialog.save() is True
    with store.session() as s:
        assert s.get(records.Resident, rid).has_genetic_disease is False
    blank = EnrolmentDialog(store)  # a new record: not asked until ticked
    qtbot.addWidget(blank)
    assert blank.form.to_input().has_genetic_disease is None
    blank.form.has_genetic_disease.setChecked(True)
    blank.form.has_genetic_disease.setChecked(False)
    assert blank.form.to_input().has_genetic_disease is None
    again = EnrolmentDialog(store, resident_id=rid)
    qtbot.addWidget(again)
    again.form.has_genetic_disease.setChecked(True)
    assert again.form.to_input().has_genetic_disease is True


def _open_record(store, qtbot, **fields):
    from app.views.enrolment_form import EnrolmentDialog

    with store.transaction() as s:
        r = records.save_resident(
            s, new(phone="13800000000", current_address="一组1号", **fields), today=TODAY
        )
        rid, archive = r.id, r.archive_no
    dialog = EnrolmentDialog(store, resident_id=rid)
    qtbot.addWidget(dialog)
    return dialog, rid, archive


def _stored(store, rid) -> tuple[str, str]:
    with store.session() as s:
        r = s.get(records.Resident, rid)
        return r.phone, r.current_address


@pytest.mark.gui
def test_an_edit_saved_at_another_workstation_meanwhile_is_kept(gui_app, qtbot, store):
    """Two workstations on one store (or a sync import) and the same record: the form opened, the
    other saved a new address, this one a new phone.  The form wrote back every field it had read,
    the old address with them, and the other's correction was gone without a word."""
    dialog, rid, archive = _open_record(store, qtbot)
    with store.transaction() as s:  # the other workstation
        records.correct_resident(s, archive, {"current_address": "幸福路88号"})
    dialog.form.phone.setText("13911112222")
    assert dialog.save() is True
    assert _stored(store, rid) == ("13911112222", "幸福路88号")


@pytest.mark.gui
def test_a_field_both_changed_is_refused_then_taken_when_saved_again(gui_app, qtbot, store):
    dialog, rid, archive = _open_record(store, qtbot)
    with store.transaction() as s:
        records.correct_resident(s, archive, {"phone": "13700000001", "current_address": "幸福路88号"})
    dialog.form.phone.setText("13911112222")
    assert dialog.save() is False  # nothing written, the field marked, what was typed kept
    assert _stored(store, rid) == ("13700000001", "幸福路88号")
    assert "已被别人改为“13700000001”" in dialog.form.boxes["phone"].error.text()
    assert not dialog.form.boxes["current_address"].error.text()
    assert dialog.form.phone.text() == "13911112222"
    assert dialog.save() is True  # the user has seen it: their value goes over it
    assert _stored(store, rid) == ("13911112222", "幸福路88号")


def test_a_correction_over_a_stale_read_refuses_a_field_changed_meanwhile(store):
    """The same rule for any caller that passes the record as it read it (the command line's
    correction reads and writes in one unit of work, so it never meets it)."""
    with store.transaction() as s:
        rid = records.save_resident(s, new(phone="13800000000"), today=TODAY).id
    with store.session() as s:
        base = records.resident_input_from(s.get(records.Resident, rid))
    with store.transaction() as s:
        records.save_resident(s, dataclasses.replace(base, phone="13700000001"), resident_id=rid)
    with pytest.raises(records.ChangedMeanwhile) as refused, store.transaction() as s:
        records.save_resident(s, dataclasses.replace(base, phone="13911112222"), resident_id=rid, base=base)
    assert list(refused.value.by_field()) == ["phone"] and refused.value.base.phone == "13700000001"
    with store.transaction() as s:  # its name changed, the other's phone kept
        records.save_resident(s, dataclasses.replace(base, name="张三丰"), resident_id=rid, base=base)
    with store.session() as s:
        r = s.get(records.Resident, rid)
        assert (r.name, r.phone) == ("张三丰", "13700000001")


@pytest.mark.gui
def test_the_doctor_fields_offer_the_doctors_names_as_they_are_typed(gui_app, qtbot, store):
    """责任医生 was free text: 王医牛 for 王医生 named nobody (the access rules and the hand-over of
    programmes read the name).  建档人 and 责任医生 offer the institution's doctors (设置) and the
    doctors' accounts as they are typed; any name may still be typed."""
    from app.services.access import accounts
    from app.services.institution import InstitutionInput, save_institution
    from app.views.enrolment_form import EnrolmentDialog

    with store.transaction() as s:
        accounts.create_user(s, "wang", "村医-secret-1", "village_doctor", display_name="王医生")
        accounts.create_user(s, "gone", "村医-secret-1", "village_doctor", display_name="孙医生")
        accounts.deactivate(s, "gone")
        save_institution(s, InstitutionInput(institution="向阳村卫生室", doctors="李医生、王医生"))
    dialog = EnrolmentDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    for key in ("enrolled_by", "responsible_doctor"):
        completer = dialog.form.editors[key].main.completer()
        offered = [completer.model().index(i, 0).data() for i in range(completer.model().rowCount())]
        assert offered == ["李医生", "王医生"], key  # once each; a closed account not offered
    completer = dialog.form.responsible_doctor.completer()
    completer.setCompletionPrefix("医生")  # any part of the name
    assert completer.completionCount() == 2
    completer.setCompletionPrefix("王")
    assert completer.completionCount() == 1 and completer.currentCompletion() == "王医生"


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        (dict(past_diseases={"1": ""}, past_disease_other="肺结节"), "past_diseases"),
        (dict(allergy=["1"], allergy_other="头孢"), "allergy"),
        (dict(payment=["1"], payment_other="大病保险"), "payment"),
        (dict(family={"father": ["2"]}, family_other="痛风"), "family"),
    ],
)
def test_an_other_text_without_other_ticked_is_refused_not_dropped(store, typed, field):
    """`residents update … --set past_disease_other=肺结节` on a record with 既往史 无 said 已更新 and
    kept nothing.  Refused, naming the list; nothing written."""
    with pytest.raises(ValidationError) as refused, store.transaction() as s:
        records.save_resident(s, new(**typed), today=TODAY)
    by_field = refused.value.by_field()
    assert field in by_field and "没有勾选“其他”" in by_field[field].message.render(), by_field

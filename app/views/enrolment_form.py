"""The enrolment form (个人基本信息表 + cover), grouped like the paper form.

Keyboard first: Tab order follows the form, combos select by typing the code, Enter (or
Ctrl+S) saves.  A failed save shows each error next to its field and keeps what was typed.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.codes import CODE_LISTS
from app.db import Store
from app.services import profile
from app.services.access.actor import actor
from app.services.errors import UserError, ValidationError
from app.services.records import residents as records
from app.services.records.residents import HISTORY_EVENTS, RELATIVES, SINGLE_CODED, ResidentInput
from app.services.records.validators import Invalid, parse_resident_id
from app.views.widgets import CheckGroup, CodeCombo, ErrorLabel, FieldBox, code_label, line_edit, render


class EnrolmentForm(QWidget):
    """The form body; :class:`EnrolmentDialog` adds the buttons and the save logic."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.boxes: dict[str, FieldBox] = {}
        with store.session() as s:
            info = profile.profile_info(s)
            self.villages = [(v.code, v.name, [g.name for g in v.groups]) for v in profile.villages(s)]
            self.default_doctor = actor(s).display_name
        self.is_township = not info.is_village
        self.institution = info.institution

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.household_note = QLabel()
        self.household_note.hide()
        outer.addWidget(self.household_note)

        # ---- 基本信息 ----
        basic = self._group(self.tr("基本信息"))
        self.name = line_edit(self.tr("如 张三"), 50)
        self.id_type = CodeCombo("id_type", blank=False)
        self.id_number = line_edit(self.tr("18位身份证号，末位可为X"), 30)
        self.id_number.editingFinished.connect(self._fill_from_id)
        self.sex = CodeCombo("sex")
        self.birth_date = line_edit(self.tr("年-月-日，如 1965-03-08"), 20)
        self.ethnicity = CodeCombo("ethnicity")
        self.residence_type = CodeCombo("residence_type")
        self.blood_abo = CodeCombo("blood_abo")
        self.blood_rh = CodeCombo("blood_rh")
        self.education = CodeCombo("education")
        self.occupation = CodeCombo("occupation")
        self.marital = CodeCombo("marital")
        self.workplace = line_edit("", 100)
        self._add(basic, "name", self.tr("姓名 *"), self.name)
        self._add(basic, "id_type", self.tr("证件类型"), self.id_type)
        self._add(basic, "id_number", self.tr("身份证号"), self.id_number)
        self._add(basic, "sex", self.tr("性别 *"), self.sex)
        self._add(basic, "birth_date", self.tr("出生日期 *"), self.birth_date)
        self._add(basic, "ethnicity", self.tr("民族"), self.ethnicity)
        self._add(basic, "residence_type", self.tr("常住类型"), self.residence_type)
        blood = QWidget()
        bl = QHBoxLayout(blood)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.blood_abo)
        bl.addWidget(QLabel("RH"))
        bl.addWidget(self.blood_rh)
        self._add(basic, "blood_abo", self.tr("血型"), blood)
        self._add(basic, "education", self.tr("文化程度"), self.education)
        self._add(basic, "occupation", self.tr("职业"), self.occupation)
        self._add(basic, "marital", self.tr("婚姻状况"), self.marital)
        self._add(basic, "workplace", self.tr("工作单位"), self.workplace)
        outer.addWidget(basic.parentWidget())

        # ---- 联系方式与住址 ----
        contact = self._group(self.tr("联系方式与住址"))
        self.phone = line_edit(self.tr("手机11位，或区号-号码"), 20)
        self.contact_name = line_edit("", 50)
        self.contact_phone = line_edit("", 20)
        self.current_address = line_edit("", 200)
        self.registered_address = line_edit("", 200)
        self._add(contact, "phone", self.tr("本人电话"), self.phone)
        self._add(contact, "contact_name", self.tr("联系人姓名"), self.contact_name)
        self._add(contact, "contact_phone", self.tr("联系人电话"), self.contact_phone)
        self._add(contact, "current_address", self.tr("现住址"), self.current_address)
        self._add(contact, "registered_address", self.tr("户籍地址"), self.registered_address)
        outer.addWidget(contact.parentWidget())

        # ---- 家庭与管理 ----
        household = self._group(self.tr("家庭户与管理"))
        self.village = QComboBox()
        for code, name, _groups in self.villages:
            self.village.addItem(f"{name}（{code}）", code)
        self.village.currentIndexChanged.connect(self._fill_groups)
        if self.is_township:
            self._add(household, "village_code", self.tr("所属村"), self.village)
        self.group_name = QComboBox()
        self.group_name.setEditable(True)
        self._fill_groups()
        self.relation = CodeCombo("relation", blank=False)
        self.relation.setEnabled(False)
        self.poverty = QCheckBox(self.tr("建档立卡贫困户"))
        self.contract_signed_on = line_edit(self.tr("年-月-日"), 20)
        self.contract_doctor = line_edit("", 50)
        self.contract_years = line_edit(self.tr("年"), 2)
        self._add(household, "group_name", self.tr("村民小组"), self.group_name)
        self._add(household, "relation_to_head", self.tr("与户主关系"), self.relation)
        self._add(household, "poverty_registered", "", self.poverty)
        self._add(household, "contract_signed_on", self.tr("家庭医生签约日期"), self.contract_signed_on)
        self._add(household, "contract_doctor", self.tr("签约医生"), self.contract_doctor)
        self._add(household, "contract_years", self.tr("签约年限"), self.contract_years)
        self._add(household, "household", "", QLabel())
        outer.addWidget(household.parentWidget())

        # ---- 医疗费用与过敏、暴露 ----
        med = self._group(self.tr("医疗费用支付方式、药物过敏史、暴露史"))
        self.payment = CheckGroup("payment", columns=3)
        self.payment_other = line_edit(self.tr("其他，请写明"), 100)
        self.allergy = CheckGroup("allergy", columns=5)
        self.allergy_other = line_edit(self.tr("其他过敏药物"), 100)
        self.exposure = CheckGroup("exposure", columns=4)
        self._add(med, "payment", self.tr("医疗费用支付方式"), self._stack(self.payment, self.payment_other))
        self._add(med, "allergy", self.tr("药物过敏史"), self._stack(self.allergy, self.allergy_other))
        self._add(med, "exposure", self.tr("暴露史"), self.exposure)
        outer.addWidget(med.parentWidget())

        # ---- 既往史 ----
        history = self._group(self.tr("既往史"))
        disease_box = QWidget()
        grid = QGridLayout(disease_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.disease_checks: dict[str, QCheckBox] = {}
        self.disease_dates: dict[str, QLineEdit] = {}
        for i, c in enumerate(CODE_LISTS["past_disease"]):
            box = QCheckBox(c.label(self._lang()))
            self.disease_checks[c.code] = box
            grid.addWidget(box, i // 2, (i % 2) * 2)
            if c.code != CODE_LISTS["past_disease"].none_code:
                date = line_edit(self.tr("确诊 年-月"), 10)
                date.setMaximumWidth(110)
                self.disease_dates[c.code] = date
                grid.addWidget(date, i // 2, (i % 2) * 2 + 1)
        self.past_disease_other = line_edit(self.tr("其他疾病，请写明"), 100)
        self._add(
            history, "past_diseases", self.tr("疾病"), self._stack(disease_box, self.past_disease_other)
        )
        self.events: list[tuple[str, QLineEdit, QLineEdit]] = []
        events_box = QWidget()
        eg = QGridLayout(events_box)
        eg.setContentsMargins(0, 0, 0, 0)
        for row, kind in enumerate(HISTORY_EVENTS):
            eg.addWidget(QLabel(code_label("history_event", kind)), row, 0)
            for k in range(2):
                name, date = line_edit(self.tr("名称/原因"), 100), line_edit(self.tr("年-月-日"), 20)
                date.setMaximumWidth(110)
                eg.addWidget(name, row, 1 + k * 2)
                eg.addWidget(date, row, 2 + k * 2)
                self.events.append((kind, name, date))
        self._add(history, "history_events", self.tr("手术/外伤/输血"), events_box)
        gen = QWidget()
        gl = QHBoxLayout(gen)
        gl.setContentsMargins(0, 0, 0, 0)
        self.genetic_check = QCheckBox(self.tr("有"))
        self.genetic_disease = line_edit(self.tr("疾病名称"), 100)
        gl.addWidget(self.genetic_check)
        gl.addWidget(self.genetic_disease, 1)
        self._add(history, "genetic_disease", self.tr("遗传病史"), gen)
        self.disability = CheckGroup("disability", columns=4)
        self.disability_other = line_edit(self.tr("其他残疾，请写明"), 100)
        self._add(
            history, "disability", self.tr("残疾情况"), self._stack(self.disability, self.disability_other)
        )
        outer.addWidget(history.parentWidget())

        # ---- 家族史 ----
        family = self._group(self.tr("家族史"))
        self.family: dict[str, CheckGroup] = {}
        for rel in RELATIVES:
            self.family[rel] = CheckGroup("family_disease", columns=6)
            self._add(family, f"family_{rel}", code_label("relative", rel), self.family[rel])
        self.family_other = line_edit(self.tr("其他疾病，请写明"), 100)
        self._add(family, "family", self.tr("其他"), self.family_other)
        outer.addWidget(family.parentWidget())

        # ---- 生活环境 ----
        env = self._group(self.tr("生活环境"))
        self.env = {
            name: CodeCombo(name) for name in ("kitchen_exhaust", "fuel", "water", "toilet", "livestock")
        }
        for name, combo in self.env.items():
            self._add(env, name, CODE_LISTS[name].title(self._lang()), combo)
        outer.addWidget(env.parentWidget())

        # ---- 封面 ----
        cover = self._group(self.tr("建档信息"))
        self.enrolled_on = line_edit(self.tr("默认今天"), 20)
        self.enrolled_by = line_edit("", 50)
        self.enrolled_by.setText(self.default_doctor)
        self.responsible_doctor = line_edit("", 50)
        self.responsible_doctor.setText(self.default_doctor)
        self.status = CodeCombo("resident_status", blank=False)
        self.status_date = line_edit(self.tr("迁出或死亡日期"), 20)
        self._add(cover, "enrolled_on", self.tr("建档日期"), self.enrolled_on)
        self._add(cover, "enrolled_by", self.tr("建档人"), self.enrolled_by)
        self._add(cover, "responsible_doctor", self.tr("责任医生"), self.responsible_doctor)
        self._add(cover, "status", self.tr("档案状态"), self.status)
        self._add(cover, "status_date", self.tr("状态日期"), self.status_date)
        outer.addWidget(cover.parentWidget())
        outer.addStretch(1)
        self.household_id: uuid.UUID | None = None

    # ---------------------------------------------------------------- building

    def _lang(self) -> str:
        from app.views.widgets import lang

        return lang()

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        return form

    def _add(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        box = FieldBox(widget)
        self.boxes[field] = box
        form.addRow(label, box)

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 0, 0, 0)
        for x in widgets:
            lay.addWidget(x)
        return w

    def _fill_groups(self) -> None:
        current = self.group_name.currentText() if hasattr(self, "group_name") else ""
        code = self.village.currentData()
        self.group_name.clear()
        self.group_name.addItem("")
        for vcode, _name, groups in self.villages:
            if vcode == code:
                self.group_name.addItems(groups)
        self.group_name.setEditText(current)

    def _fill_from_id(self) -> None:
        """A valid ID fills sex and birth date (when they are still empty)."""
        if self.id_type.code() != "1":
            return
        try:
            rid = parse_resident_id(self.id_number.text())
        except Invalid:
            return
        if not self.birth_date.text().strip():
            self.birth_date.setText(rid.birth_date.isoformat())
        if not self.sex.code():
            self.sex.set_code(rid.sex)

    # ---------------------------------------------------------------- values

    def set_household(self, household_id: uuid.UUID, head_name: str) -> None:
        self.household_id = household_id
        self.household_note.setText(self.tr("加入家庭户：户主 {name}").replace("{name}", head_name))
        self.household_note.show()
        self.relation.setEnabled(True)
        self.relation.set_code("1")

    def to_input(self) -> ResidentInput:
        t = lambda w: w.text()  # noqa: E731
        return ResidentInput(
            name=t(self.name),
            id_type=self.id_type.code(),
            id_number=t(self.id_number),
            sex=self.sex.code(),
            birth_date=t(self.birth_date),
            workplace=t(self.workplace),
            phone=t(self.phone),
            contact_name=t(self.contact_name),
            contact_phone=t(self.contact_phone),
            current_address=t(self.current_address),
            registered_address=t(self.registered_address),
            residence_type=self.residence_type.code(),
            ethnicity=self.ethnicity.code(),
            blood_abo=self.blood_abo.code(),
            blood_rh=self.blood_rh.code(),
            education=self.education.code(),
            occupation=self.occupation.code(),
            marital=self.marital.code(),
            payment=self.payment.codes(),
            payment_other=t(self.payment_other),
            allergy=self.allergy.codes(),
            allergy_other=t(self.allergy_other),
            exposure=self.exposure.codes(),
            past_diseases={
                code: (self.disease_dates[code].text() if code in self.disease_dates else "")
                for code, box in self.disease_checks.items()
                if box.isChecked()
            },
            past_disease_other=t(self.past_disease_other),
            history_events=[(kind, n.text(), d.text()) for kind, n, d in self.events if n.text() or d.text()],
            has_genetic_disease=True if self.genetic_check.isChecked() else None,
            genetic_disease=t(self.genetic_disease),
            family={rel: g.codes() for rel, g in self.family.items()},
            family_other=t(self.family_other),
            disability=self.disability.codes(),
            disability_other=t(self.disability_other),
            **{name: combo.code() for name, combo in self.env.items()},
            village_code=self.village.currentData() or "",
            group_name=self.group_name.currentText(),
            household_id=self.household_id,
            relation_to_head=self.relation.code(),
            poverty_registered=self.poverty.isChecked(),
            contract_signed_on=t(self.contract_signed_on),
            contract_doctor=t(self.contract_doctor),
            contract_years=t(self.contract_years),
            enrolled_by=t(self.enrolled_by),
            responsible_doctor=t(self.responsible_doctor),
            enrolled_on=t(self.enrolled_on),
            status=self.status.code(),
            status_date=t(self.status_date),
        )

    def load(self, inp: ResidentInput) -> None:
        for name in (
            "name",
            "id_number",
            "birth_date",
            "workplace",
            "phone",
            "contact_name",
            "contact_phone",
            "current_address",
            "registered_address",
            "payment_other",
            "allergy_other",
            "past_disease_other",
            "genetic_disease",
            "family_other",
            "disability_other",
            "contract_signed_on",
            "contract_doctor",
            "contract_years",
            "enrolled_by",
            "responsible_doctor",
            "enrolled_on",
            "status_date",
        ):
            getattr(self, name).setText(getattr(inp, name) or "")
        for name in ("id_type", "status", *(n for n in SINGLE_CODED if n not in self.env)):
            getattr(self, name).set_code(getattr(inp, name))
        for name, combo in self.env.items():
            combo.set_code(getattr(inp, name))
        self.payment.set_codes(inp.payment)
        self.allergy.set_codes(inp.allergy)
        self.exposure.set_codes(inp.exposure)
        self.disability.set_codes(inp.disability)
        for code, box in self.disease_checks.items():
            box.setChecked(code in inp.past_diseases)
            if code in self.disease_dates:
                self.disease_dates[code].setText(inp.past_diseases.get(code, "") or "")
        by_kind: dict[str, list] = {}
        for kind, n, d in inp.history_events:
            by_kind.setdefault(kind, []).append((n, d))
        for kind, n_edit, d_edit in self.events:
            rows = by_kind.get(kind, [])
            n, d = rows.pop(0) if rows else ("", "")
            n_edit.setText(n)
            d_edit.setText(d)
        self.genetic_check.setChecked(bool(inp.has_genetic_disease))
        for rel, g in self.family.items():
            g.set_codes(inp.family.get(rel, []))
        i = self.village.findData(inp.village_code)
        if i >= 0:
            self.village.setCurrentIndex(i)
        self.group_name.setEditText(inp.group_name)
        self.household_id = inp.household_id
        self.relation.set_code(inp.relation_to_head)
        self.relation.setEnabled(inp.relation_to_head != "0")
        self.poverty.setChecked(inp.poverty_registered)

    def show_errors(self, error: ValidationError) -> None:
        self.clear_errors()
        first = None
        for field, fe in error.by_field().items():
            box = self.boxes.get(field) or self.boxes.get(field.split("_")[0]) or self.boxes["name"]
            box.error.show_error(render(fe.message))
            first = first or box
        if first is not None:
            first.widget.setFocus()

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.error.show_error("")


class EnrolmentDialog(QDialog):
    """New resident (or edit one): the form plus 保存/取消.  Emits ``saved(resident_id)``."""

    saved = Signal(object)

    def __init__(self, store: Store, parent=None, *, resident_id: uuid.UUID | None = None):
        super().__init__(parent)
        self.store = store
        self.resident_id = resident_id
        self.setWindowTitle(self.tr("编辑居民档案") if resident_id else self.tr("新建居民档案"))
        self.resize(860, 760)
        self.form = EnrolmentForm(store)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.summary = ErrorLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存 (Enter)"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        if resident_id is not None:
            with store.session() as s:
                self.form.load(records.resident_input_from(records.get_resident(s, resident_id)))
        self.form.name.setFocus()

    def save(self) -> bool:
        inp = self.form.to_input()
        try:
            with self.store.transaction() as s:
                resident = records.save_resident(s, inp, resident_id=self.resident_id)
                rid = resident.id
        except ValidationError as e:
            self.form.show_errors(e)
            self.summary.show_error(
                self.tr("有 {n} 处需要改正，已保留您填写的内容").replace("{n}", str(len(e.by_field())))
            )
            return False
        except UserError as e:
            self.summary.show_error(render(e.message))
            return False
        self.form.clear_errors()
        self.summary.show_error("")
        self.saved.emit(rid)
        self.accept()
        return True

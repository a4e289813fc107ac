"""The enrolment form (个人基本信息表 + cover), built from the resident field table.

Each section of ``resident_form.RESIDENT_FORM`` is a group box; each field a row, in the table's
order, which is the paper form's and the tab order.  Plain fields get the editor of their kind
(``widgets.field_editor``); the composite ones the table names by ``editor`` (past diseases with
their dates, surgery/trauma/transfusion, family history, village, group, relation, household) are
built here.  Keyboard first: combos select by typing the code, Enter (or Ctrl+S) saves.  A failed
save shows each error next to its field and keeps what was typed.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
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
from app.services.errors import UserError, ValidationError, joined
from app.services.records import resident_form
from app.services.records import residents as records
from app.services.records.field_table import Field, FieldTable, Kind, Section
from app.services.records.resident_form import HEAD, HISTORY_EVENTS, ID_CARD, RELATIVES
from app.services.records.validators import Invalid, parse_resident_id
from app.views.operations import Op
from app.views.widgets import (
    AsksBeforeDiscarding,
    CheckGroup,
    ErrorLabel,
    FieldBox,
    FieldEditor,
    aside,
    code_label,
    field_editor,
    field_label,
    field_text,
    fit_to_screen,
    lang,
    line_edit,
    make_default,
    render,
    stack,
    translate,
)


class EnrolmentForm(QWidget):
    """The form body; :class:`EnrolmentDialog` adds the buttons and the save logic.

    ``form.<key>`` is a field's own widget (``form.name``, ``form.sex``, ``form.payment`` …),
    ``form.editors[key]`` its editor and ``form.boxes[key]`` the row that shows its errors.
    """

    def __init__(self, context: records.FormContext, parent=None, *, table: FieldTable | None = None):
        super().__init__(parent)
        self.context = context
        self.table = table or resident_form.RESIDENT_FORM
        self.villages = context.villages
        self.is_township = context.is_township
        self.institution = context.institution
        self.default_doctor = context.default_doctor
        self.household_id: uuid.UUID | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.boxes: dict[str, FieldBox] = {}
        self._composites = {
            "village": self._village_editor,
            "group": self._group_editor,
            "relation": self._relation_editor,
            "household": self._household_editor,
            "past_diseases": self._past_diseases_editor,
            "history_events": self._history_events_editor,
            "family": self._family_editor,
        }

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.household_note = QLabel()
        self.household_note.hide()
        outer.addWidget(self.household_note)
        self.sections: dict[str, QGroupBox] = {}  # each section's box, by its key
        for section in self.table.sections:
            self.sections[section.key] = self._section(section)
            outer.addWidget(self.sections[section.key])
        outer.addStretch(1)
        for f in self.table:
            if f.kind is Kind.RESIDENT_ID:  # a valid ID fills sex and birth date
                self.editors[f.key].main.editingFinished.connect(self._fill_from_id)
        if context.doctors:  # the doctors' names offered as they are typed (a slip names nobody)
            for key in ("enrolled_by", "responsible_doctor"):
                if key in self.editors and isinstance(self.editors[key].main, QLineEdit):
                    names = QCompleter(list(context.doctors), self)
                    names.setCaseSensitivity(Qt.CaseInsensitive)
                    names.setFilterMode(Qt.MatchContains)
                    self.editors[key].main.setCompleter(names)

    def __getattr__(self, name: str):
        editors = self.__dict__.get("editors")
        if editors and name in editors:
            return editors[name].main
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    @property
    def relation(self) -> QComboBox:
        return self.editors["relation_to_head"].main

    @property
    def village(self) -> QComboBox:
        return self.editors["village_code"].main

    # ---------------------------------------------------------------- building

    def _section(self, section: Section) -> QGroupBox:
        box = QGroupBox(field_text(section.title), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        rows: list[list[Field]] = []  # fields sharing a row: 血型 + RH, 遗传病史 + its name
        for f in section.fields:
            editor = self._composites[f.editor](f) if f.editor else field_editor(f)
            self.editors[f.key] = editor
            if editor.widget is None:
                continue
            if f.inline is not None and rows:
                rows[-1].append(f)
            else:
                rows.append([f])
        for row in rows:
            self._add_row(form, row)
        return box

    def _add_row(self, form: QFormLayout, fields: list[Field]) -> None:
        first = self.editors[fields[0].key]
        widget = first.widget
        if len(fields) > 1:
            widget = QWidget()
            lay = QHBoxLayout(widget)
            lay.setContentsMargins(0, 0, 0, 0)
            for f in fields:
                editor = self.editors[f.key]
                if f.inline:
                    lay.addWidget(QLabel(field_text(f.inline) + (" *" if f.required else "")))
                lay.addWidget(editor.widget, 1 if isinstance(editor.widget, QLineEdit) else 0)
        box = FieldBox(widget)
        for f in fields:
            self.boxes[f.key] = box
            if f.note:
                note = QLabel(field_text(f.note))
                note.setWordWrap(True)
                note.setStyleSheet("color: #555;")
                box.layout().insertWidget(1, note)
        if first.span:
            form.addRow(box)
        else:
            form.addRow(first.label if first.label is not None else field_label(first.field), box)

    def _village_editor(self, f: Field) -> FieldEditor:
        """所属村: asked in township mode only; a village device's records are its own."""
        combo = QComboBox()
        for v in self.villages:
            combo.addItem(v.name + aside(v.code), v.code)
        combo.currentIndexChanged.connect(self._fill_groups)

        def load(inp) -> None:
            i = combo.findData(getattr(inp, f.key, ""))
            if i >= 0:
                combo.setCurrentIndex(i)

        return FieldEditor(
            f, combo if self.is_township else None, combo, lambda: {f.key: combo.currentData() or ""}, load
        )

    def _group_editor(self, f: Field) -> FieldEditor:
        """村民小组: the village's groups, or a new one typed in."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.lineEdit().setMaxLength(f.max_len)
        self._groups = combo
        self._fill_groups()
        return FieldEditor(
            f,
            combo,
            combo,
            lambda: {f.key: combo.currentText()},
            lambda inp: combo.setEditText(getattr(inp, f.key, "")),
        )

    def _relation_editor(self, f: Field) -> FieldEditor:
        """与户主关系: the founder of a new household is its head; a member joining one says how."""
        editor = field_editor(f)
        editor.main.setEnabled(False)
        show = editor.load

        def load(inp) -> None:
            show(inp)
            editor.main.setEnabled(getattr(inp, f.key, HEAD) != HEAD)

        editor.load = load
        return editor

    def _household_editor(self, f: Field) -> FieldEditor:
        """家庭户: chosen on the resident page ("添加家庭成员"); the row only shows its errors."""

        def load(inp) -> None:
            self.household_id = getattr(inp, f.key, None)

        errors_only = QLabel()
        return FieldEditor(f, errors_only, errors_only, lambda: {f.key: self.household_id}, load, label="")

    def _past_diseases_editor(self, f: Field) -> FieldEditor:
        """既往史·疾病: a box per disease, each with its diagnosis month, and the "other" text."""
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        cl = CODE_LISTS["past_disease"]
        self.disease_checks: dict[str, QCheckBox] = {}
        self.disease_dates: dict[str, QLineEdit] = {}
        # a box naming a sensitive programme (严重精神障碍) only for those who may see it
        shown = [c for c in cl if self.context.sensitive_boxes or c.code not in cl.sensitive_codes]
        # two diseases a line; one in English, whose names run about twice as wide (two made the
        # form 900 px wide, and the dialog scrolled sideways on a small screen)
        per_line = 2 if lang() == "zh" else 1
        for i, c in enumerate(shown):
            box = QCheckBox(c.label(lang()))
            self.disease_checks[c.code] = box
            grid.addWidget(box, i // per_line, (i % per_line) * 2)
            if c.code != cl.none_code:
                date = line_edit(self.tr("确诊 年-月"), 10)
                date.setMaximumWidth(110)
                date.setToolTip(date.placeholderText())  # a long translation may not fit
                self.disease_dates[c.code] = date
                grid.addWidget(date, i // per_line, (i % per_line) * 2 + 1)
        other = line_edit(field_text(f.other_hint), 100)

        def read() -> dict:
            ticked = {
                code: (self.disease_dates[code].text() if code in self.disease_dates else "")
                for code, box in self.disease_checks.items()
                if box.isChecked()
            }
            return {f.key: ticked, f.other: other.text()}

        def load(inp) -> None:
            typed = getattr(inp, f.key, {})
            for code, box in self.disease_checks.items():
                box.setChecked(code in typed)
                if code in self.disease_dates:
                    self.disease_dates[code].setText(typed.get(code, "") or "")
            other.setText(getattr(inp, f.other, ""))

        first = next(iter(self.disease_checks.values()))
        return FieldEditor(f, stack(grid_box, other), grid_box, read, load, first)

    def _history_events_editor(self, f: Field) -> FieldEditor:
        """手术/外伤/输血: up to two of each, name and date."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.events: list[tuple[str, QLineEdit, QLineEdit]] = []
        for row, kind in enumerate(HISTORY_EVENTS):
            grid.addWidget(QLabel(code_label("history_event", kind)), row, 0)
            for k in range(2):
                name, date = line_edit(self.tr("名称/原因"), 100), line_edit(self.tr("年-月-日"), 20)
                date.setMaximumWidth(110)
                grid.addWidget(name, row, 1 + k * 2)
                grid.addWidget(date, row, 2 + k * 2)
                self.events.append((kind, name, date))

        def read() -> dict:
            return {f.key: [(kind, n.text(), d.text()) for kind, n, d in self.events if n.text() or d.text()]}

        def load(inp) -> None:
            by_kind: dict[str, list] = {}
            for kind, n, d in getattr(inp, f.key, []):
                by_kind.setdefault(kind, []).append((n, d))
            for kind, n_edit, d_edit in self.events:
                rows = by_kind.get(kind, [])
                n, d = rows.pop(0) if rows else ("", "")
                n_edit.setText(n)
                d_edit.setText(d)

        return FieldEditor(f, box, box, read, load, self.events[0][1])

    def _family_editor(self, f: Field) -> FieldEditor:
        """家族史: a row of diseases per relative, and one "other" text; the section is its title."""
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.family_groups: dict[str, CheckGroup] = {}
        for rel in RELATIVES:
            self.family_groups[rel] = CheckGroup("family_disease", columns=6)
            form.addRow(code_label("relative", rel), self.family_groups[rel])
        other = line_edit(field_text(f.other_hint), 100)
        form.addRow(self.tr("其他"), other)

        def read() -> dict:
            return {f.key: {rel: g.codes() for rel, g in self.family_groups.items()}, f.other: other.text()}

        def load(inp) -> None:
            typed = getattr(inp, f.key, {})
            for rel, g in self.family_groups.items():
                g.set_codes(typed.get(rel, []))
            other.setText(getattr(inp, f.other, ""))

        first = next(iter(self.family_groups["father"].boxes.values()))
        return FieldEditor(f, box, box, read, load, first, span=True)

    def _fill_groups(self) -> None:
        if not hasattr(self, "_groups") or "village_code" not in self.editors:
            return
        current = self._groups.currentText()
        code = self.village.currentData()
        self._groups.clear()
        self._groups.addItem("")
        for v in self.villages:
            if v.code == code:
                self._groups.addItems(list(v.groups))
        self._groups.setEditText(current)

    def _fill_from_id(self) -> None:
        """A valid ID fills sex and birth date (when they are still empty)."""
        if self.editors["id_type"].main.code() != ID_CARD:
            return
        try:
            rid = parse_resident_id(self.editors["id_number"].main.text())
        except Invalid:
            return
        birth, sex = self.editors["birth_date"].main, self.editors["sex"].main
        if not birth.text().strip():
            birth.setText(rid.birth_date.isoformat())
        if not sex.code():
            sex.set_code(rid.sex)

    # ---------------------------------------------------------------- values

    def set_household(self, household_id: uuid.UUID, head_name: str, defaults: dict | None = None) -> None:
        """A new member of this household: its relation to the head left to choose (it was preset
        to 配偶, and a girl of 16 was saved as the head's spouse), the household's addresses and
        group (``defaults``) filled where nothing is typed yet."""
        if defaults:  # (first: loading the form sets the household fields as for a new household)
            inp = self.to_input()
            for key, value in defaults.items():
                if not getattr(inp, key, None):
                    setattr(inp, key, value)
            self.load(inp)
        self.household_id = household_id
        self.household_note.setText(self.tr("加入家庭户：户主 {name}").replace("{name}", head_name))
        self.household_note.show()
        self.relation.setEnabled(True)
        if self.relation.findData("") < 0:  # an empty choice: the doctor picks the relation
            self.relation.insertItem(0, "", "")
        self.relation.set_code(None)

    def to_input(self):
        """What is typed, as the table's input type."""
        values: dict = {}
        for editor in self.editors.values():
            values.update(editor.read())
        return self.table.input_type(**values)

    def load(self, inp) -> None:
        for editor in self.editors.values():
            editor.load(inp)

    def show_errors(self, error: ValidationError) -> None:
        """Each field's message under it (two fields of one row, 收缩压 and 舒张压, both said: the
        second overwrote the first), and the cursor in the first of them in the form's order."""
        self.clear_errors()
        said: dict = {}  # box -> (its first field's key, its messages)
        for key, fe in error.by_field().items():
            box = self.boxes.get(key) or next(iter(self.boxes.values()))
            said.setdefault(box, (key, []))[1].append(render(fe.message))
        for box, (_key, messages) in said.items():
            box.error.show_error(joined(messages, translate))
        box = next((b for b in self.boxes.values() if b in said), None)
        if box is not None:
            editor = self.editors.get(said[box][0])
            first = (editor.focus or editor.main) if editor and editor.widget is not None else box
            # in sight as well as focused: a field below the fold (与户主关系, 体温) kept its message
            # out of sight, and only "有 1 处需要改正" showed (as the follow-up form does it)
            scroll = self.parentWidget()
            while scroll is not None and not isinstance(scroll, QScrollArea):
                scroll = scroll.parentWidget()
            if scroll is not None:
                scroll.ensureWidgetVisible(box)
            first.setFocus()

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.error.show_error("")


class EnrolmentDialog(AsksBeforeDiscarding, QDialog):
    """New resident (or edit one): the form plus 保存/取消.  Emits ``saved(resident_id)``."""

    saved = Signal(object)

    def __init__(self, store: Store, parent=None, *, resident_id: uuid.UUID | None = None):
        super().__init__(parent)
        self.store = store
        self.resident_id = resident_id
        self.setWindowTitle(self.tr("编辑居民档案") if resident_id else self.tr("新建居民档案"))
        fit_to_screen(self, 860, 760)
        # One read when the form opens: villages and groups, the doctor, the record to edit.
        context = Op(self, store, lambda s: records.form_context(s, resident_id)).run()
        if context is None:  # already told the user why (no such record, not allowed …)
            self.form = None
            QTimer.singleShot(0, self.reject)
            return
        self.form = EnrolmentForm(context)
        self.form.load(context.initial)
        # the record as the form opened it: a save writes only what the user changed over it
        self.base = context.initial if resident_id is not None else None
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.summary = ErrorLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存 (Enter)"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.cancel)  # (asks before throwing away what was typed)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        make_default(self.save_button)  # (once in the dialog: Enter saves, whatever Tab passed over)
        # as wide as the form needs (the English labels are longer: it scrolled sideways and cut
        # every field's right edge), within the screen
        margins = lay.contentsMargins()
        need = (
            self.form.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
            + margins.left()
            + margins.right()
        )
        room = self.screen().availableGeometry().width() - 40 if self.screen() is not None else need
        fit_to_screen(self, max(860, min(need, room)), 760)
        self.form.name.setFocus()
        self.remember_as_opened()

    def typed(self):
        return self.form.to_input()

    def save(self) -> bool:
        inp = self.form.to_input()
        resident_id, base = self.resident_id, self.base
        saved_id = (
            Op(
                self,
                self.store,
                lambda s: records.save_resident(s, inp, resident_id=resident_id, base=base).id,
            )
            .failure(self._refused)
            .run()
        )
        if saved_id is None:
            return False
        self.form.clear_errors()
        self.summary.show_error("")
        self.saved.emit(saved_id)
        self.accept()
        return True

    def _refused(self, error: UserError) -> None:
        """Nothing was saved: mark the fields, keep what was typed."""
        if isinstance(error, records.ChangedMeanwhile):
            self.base = error.base  # saved again, the user's values go over those fields
        if isinstance(error, ValidationError):
            self.form.show_errors(error)
            self.summary.show_error(
                self.tr("有 {n} 处需要改正，已保留您填写的内容").replace("{n}", str(len(error.by_field())))
            )
        else:
            self.form.clear_errors()
            self.summary.show_error(render(error.message))

"""随访: the worklists (who is due or overdue) and the follow-up entry dialog.

The dialog is keyboard-first in paper-form order; the suggestion (classification, next date,
emergency reasons in red) updates as values are typed; Enter saves.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.i18n import number_text
from app.services.errors import UserError, ValidationError, joined
from app.services.programmes import followup, referral, worklist
from app.services.programmes.followup import NeedsConfirmation, VisitInput
from app.services.records import search
from app.views.operations import FOLLOWUPS, RESIDENTS, Op, refresh_on
from app.views.widgets import (
    AsksBeforeDiscarding,
    CheckGroup,
    CodeCombo,
    ErrorLabel,
    FieldBox,
    LazyPage,
    WholeTextTips,
    code_label,
    fit_columns,
    fit_to_screen,
    header_lines,
    hide_if_all_alike,
    lang,
    line_edit,
    make_default,
    render,
    toolbar,
    translate,
)

_ROOT = QModelIndex()


class WorklistModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[worklist.WorkItem] = []
        # (English headers on two lines: "Face-to-face this year" was cut off at 1024 px)
        self.columns = [
            header_lines(text, longest_chinese=10)
            for text in (
                self.tr("姓名"),
                self.tr("项目"),
                self.tr("村"),
                self.tr("村民小组"),
                self.tr("应随访日期"),
                self.tr("逾期天数"),
                self.tr("上次随访"),
                self.tr("上次血压/血糖"),
                self.tr("今年面对面"),
                self.tr("联系电话"),
            )
        ]

    def set_items(self, items: list[worklist.WorkItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        i = self.items[index.row()]
        if role == Qt.UserRole:
            return i
        if role == Qt.ForegroundRole and index.column() == 5 and i.days_overdue > 0:
            return QColor("#c62828")
        if role != Qt.DisplayRole:
            return None
        readings = []  # with their units, in both languages
        if i.last_sbp:
            readings.append(f"{i.last_sbp}/{i.last_dbp} mmHg")
        if i.last_glucose is not None:
            readings.append(f"{number_text(i.last_glucose, 1)} mmol/L")
        reading = (", " if lang() == "en" else "，").join(readings)
        return [
            i.name,
            code_label("program", i.program),
            i.village_name,
            i.group_name,
            i.next_due.isoformat(),
            str(i.days_overdue) if i.days_overdue > 0 else "",
            i.last_visit.isoformat() if i.last_visit else "—",
            reading,
            f"{i.visits_this_year}/{worklist.REQUIRED_PER_YEAR}",
            i.phone,
        ][index.column()]


class FollowupPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.kind = QComboBox()
        for kind, label in (
            ("overdue", self.tr("逾期未随访")),
            ("due_today", self.tr("今日到期")),
            ("due_week", self.tr("7天内到期")),  # (today and the 7 days after: not the calendar week)
            ("not_seen_this_year", self.tr("今年未随访")),
            ("all", self.tr("全部在管患者")),
        ):
            self.kind.addItem(label, kind)
        self.program = QComboBox()
        self.program.addItem(self.tr("全部项目"), "")
        self.program.addItem(code_label("program", "htn"), "htn")
        self.program.addItem(code_label("program", "t2dm"), "t2dm")
        self.group = QComboBox()
        self.doctor = QComboBox()
        choices = Op(self, store, worklist.filter_choices).run() or {"groups": [], "doctors": []}
        self.group.addItem(self.tr("全部村民小组"), None)
        for gid, label in choices["groups"]:
            self.group.addItem(label, gid)
        self.doctor.addItem(self.tr("全部责任医生"), "")
        for name in choices["doctors"]:
            self.doctor.addItem(name, name)
        for combo in (self.kind, self.program, self.group, self.doctor):
            combo.currentIndexChanged.connect(self.refresh)
            # as narrow as a few words (the list drops down whole): four combos as wide as their
            # longest English item pushed the page past 800 px
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        # filters the list on screen, as the resident search reads a query (name, initials, digits, a card)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("在当前列表中查找：姓名、拼音首字母、档案编号、电话"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(search.MAX_QUERY)  # (the search service takes no more)
        self.search.textChanged.connect(lambda: self._filter_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self._filter_timer = QTimer(self, singleShot=True, interval=150, timeout=self.apply_filter)
        self.all_items: list[worklist.WorkItem] = []
        self.record = QPushButton(self.tr("录入随访 (Enter)"))
        self.record.clicked.connect(self.record_selected)
        self.model = WorklistModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(WholeTextTips(self.table))  # (a cell cut short: its whole text)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # in digit widths; 上次血压/血糖 holds "129/89 mmHg，5.7 mmol/L" whole (never "…")
        fit_columns(self.table, dict(enumerate((8, 14, 8, 7, 11, 6, 11, 26, 8))))
        # 联系电话 shown after 项目: whom to call about an overdue visit, in sight at 1024 px
        self.table.horizontalHeader().moveSection(9, 2)
        self.table.activated.connect(lambda _i: self.record_selected())
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #666;")
        # the search and its button on a line of their own when narrow (at 800 px the search read
        # "在当…" and the page scrolled sideways)
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40
        )
        top = toolbar([self.kind, self.program, self.group, self.doctor], [self.search, self.record])
        lay = QVBoxLayout(self)
        lay.addWidget(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        refresh_on(self, FOLLOWUPS | RESIDENTS, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        kind, program = self.kind.currentData(), self.program.currentData() or None
        group_id, doctor = self.group.currentData(), self.doctor.currentData() or None
        items = Op(
            self,
            self.store,
            lambda s: worklist.worklist(s, kind, program=program, group_id=group_id, doctor=doctor),
        ).run()
        if items is None:
            return
        self.all_items = items
        self.apply_filter(focus_table=not self.search.text().strip())

    def _count(self, items) -> str:
        """How many people a list holds: a row is a patient's programme, and a patient managed for
        高血压 and 糖尿病 has two (348 rows were said as "共 348 人" for 335 people)."""
        people = len({i.resident_id for i in items})
        if people == len(items):
            return self.tr("共 {n} 人").replace("{n}", str(people))
        return (
            self.tr("共 {n} 人（{rows} 项随访）")
            .replace("{n}", str(people))
            .replace("{rows}", str(len(items)))
        )

    def apply_filter(self, focus_table: bool = False) -> None:
        """Show the rows of the current list that the search box names (all when it is empty)."""
        self._filter_timer.stop()
        text = self.search.text()
        ids = Op(self, self.store, lambda s: search.matching_ids(s, text)).run() if text.strip() else None
        items = self.all_items if ids is None else [i for i in self.all_items if i.resident_id in ids]
        widened = False
        if ids and not items and self.kind.currentData() != "all":
            widened = self._show_all_for(ids)
            items = [i for i in self.all_items if i.resident_id in ids] if widened else items
        self.model.set_items(items)
        hide_if_all_alike(self.table, 2, (i.village_name for i in self.all_items))  # 村
        if widened:
            self.summary.setText(self.tr("此患者不在当前筛选中 — 显示全部在管患者"))
        elif ids is None:
            self.summary.setText(self._count(items))
        else:
            self.summary.setText(
                self.tr("{all}，找到 {n} 人")
                .replace("{all}", self._count(self.all_items))
                .replace("{n}", str(len({i.resident_id for i in items})))
            )
        if items:
            self.table.selectRow(0)
            if focus_table:
                self.table.setFocus()

    def _show_all_for(self, ids) -> bool:
        """The search names someone in the programme who is not in this filter (not overdue, say):
        switch to 全部在管患者 so Enter opens them, rather than a list of nobody."""
        program = self.program.currentData() or None
        group_id, doctor = self.group.currentData(), self.doctor.currentData() or None
        every = Op(
            self,
            self.store,
            lambda s: worklist.worklist(s, "all", program=program, group_id=group_id, doctor=doctor),
        ).run()
        if not every or not any(i.resident_id in ids for i in every):
            return False
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData("all"))
        self.kind.blockSignals(False)
        self.all_items = every
        return True

    def _search_entered(self) -> None:
        """Enter in the search box: one match left → its follow-up form; otherwise into the list."""
        self.apply_filter()
        if self.model.rowCount() == 1:
            self.record_selected()
        elif self.model.rowCount():
            self.table.setFocus()

    def selected(self) -> worklist.WorkItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.UserRole) if rows else None

    def record_selected(self) -> FollowupDialog | None:
        item = self.selected()
        if item is None:
            return None
        return open_followup_dialog(self, self.store, item.resident_id, item.program)


# The rows of each programme's form in the order of its paper 随访服务记录表 (Tab follows them);
# a field of the other programme only is left out (NOT_ON_FORM)
_SIGNS = ("symptoms", "sbp", "weight", "weight_target", "height", "heart_rate", "foot_pulse", "signs")
_LIFESTYLE = ("smoking", "alcohol", "exercise_times", "exercise_minutes", "salt", "staple_food")
_REST = (
    "psychology",
    "compliance",
    "glucose",
    "hba1c",
    "auxiliary_exam",
    "adherence",
    "adverse",
    "adverse_text",
    "adverse_uncontrolled",
    "complication",
    "hypoglycaemia",
    "classification",
    "drugs",
    "insulin",
    "referral_reason",
    "referral_institution",
)
PAPER_ORDER = (*_SIGNS, *_LIFESTYLE, *_REST)
NOT_ON_FORM = {"htn": frozenset({"glucose"}), "t2dm": frozenset({"heart_rate"})}


class FollowupDialog(AsksBeforeDiscarding, QDialog):
    """One follow-up, in the order of the paper form (高血压/2型糖尿病患者随访服务记录表)."""

    _referring = False  # (saving from 保存并开转诊单: the slip is opened, not offered)
    emergency_reasons: tuple | list = ()  # (the rules' reasons to refer at once, as shown in red)

    saved = Signal(object)

    def __init__(self, store: Store, context: followup.VisitContext, parent=None):
        super().__init__(parent)
        self.store, self.context = store, context
        self.resident_id, self.program = context.resident_id, context.program
        self.resident_name, self.last = context.resident_name, context.last
        program, doctor = context.program, context.doctor
        title = self.tr("{program}随访 - {name}").replace("{program}", code_label("program", program))
        self.setWindowTitle(title.replace("{name}", self.resident_name))
        fit_to_screen(self, 940, 720)
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout()
        self.previous = QLabel(self._previous_text())
        self.previous.setStyleSheet("color: #555;")
        self.visit_date = line_edit(self.tr("年-月-日"), 20)
        self.visit_date.setText(context.today.isoformat())  # the PC's date, bounded by the township's
        self.method = CodeCombo("followup_method", blank=False)
        self.outcome = QComboBox()
        for code, label in (
            ("done", self.tr("已随访")),
            ("lost", self.tr("失访")),
            ("died", self.tr("死亡")),
        ):
            self.outcome.addItem(label, code)
        self.lost_reason = line_edit(self.tr("失访原因，如 外出务工"), 200)
        self.death_date = line_edit(self.tr("死亡日期 年-月-日"), 20)
        self.death_cause = line_edit(self.tr("死亡原因"), 200)
        failed = QWidget()
        fl = QHBoxLayout(failed)
        fl.setContentsMargins(0, 0, 0, 0)
        for w in (self.lost_reason, self.death_date, self.death_cause):
            fl.addWidget(w)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.symptoms = CheckGroup("htn_symptom" if program == "htn" else "t2dm_symptom", columns=4)
        self.sbp, self.dbp = line_edit("mmHg", 3), line_edit("mmHg", 3)
        bp = QWidget()
        bl = QHBoxLayout(bp)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.sbp)
        bl.addWidget(QLabel("/"))
        bl.addWidget(self.dbp)
        self.heart_rate = line_edit(self.tr("次/分钟"), 3)
        self.weight = line_edit("kg", 5)
        self.glucose = line_edit("mmol/L", 4)
        self.adherence = CodeCombo("adherence")
        self.adverse = QCheckBox(self.tr("有药物不良反应"))
        self.adverse_uncontrolled = QCheckBox(self.tr("不良反应难以控制"))  # DOMAIN.md: refer
        self.complication = QCheckBox(self.tr("新出现或加重的并发症"))
        self.signs = CheckGroup(
            "htn_emergency_sign" if program == "htn" else "t2dm_emergency_sign", columns=2
        )
        # the paper form's three rows, and more as needed (a diabetic on ten drugs kept three:
        # 复制上次用药 dropped the rest without a word), up to what a visit holds
        self.drugs: list[tuple] = []
        drug_box = QWidget()
        drug_layout = QVBoxLayout(drug_box)
        drug_layout.setContentsMargins(0, 0, 0, 0)
        self.drug_grid = QGridLayout()
        drug_layout.addLayout(self.drug_grid)
        for _row in range(3):
            self._add_drug_row()
        self.copy_drugs = QPushButton(self.tr("复制上次用药"))
        self.copy_drugs.clicked.connect(self._copy_last_drugs)
        self.copy_drugs.setAutoDefault(
            False
        )  # Enter must save, not copy (the first auto-default button wins)
        self.copy_drugs.setEnabled(bool(self.last and self.last.drugs))
        self.more_drugs = QPushButton(self.tr("添加一种药物"))
        self.more_drugs.setAutoDefault(False)
        self.more_drugs.clicked.connect(lambda: self._add_drug_row(focus=True))
        drug_buttons = QHBoxLayout()
        drug_buttons.addWidget(self.copy_drugs)
        drug_buttons.addWidget(self.more_drugs)
        drug_buttons.addStretch(1)
        drug_layout.addLayout(drug_buttons)
        self.classification = CodeCombo("visit_class")
        self.next_due = line_edit("", 20)
        self.doctor = line_edit("", 50)
        self.doctor.setText(doctor)

        form.addRow(self.tr("上次随访"), self.previous)
        self._row(form, "visit_date", self.tr("随访日期"), self.visit_date)
        self._row(form, "method", self.tr("随访方式"), self.method)
        self._row(form, "outcome", self.tr("随访结果"), self.outcome)
        self._row(form, "lost_reason", "", failed)
        self.failed_box = self.boxes["lost_reason"]
        self.boxes["death_date"] = self.boxes["death_cause"] = self.failed_box
        rest = self._build_form_rest()
        rest |= {
            "symptoms": (self.tr("症状"), self.symptoms),
            "sbp": (self.tr("血压"), bp),
            "heart_rate": (self.tr("心率"), self.heart_rate),
            "weight": (self.tr("体重"), self.weight),
            "signs": (self.tr("紧急转诊情况"), self.signs),
            "glucose": (self.tr("空腹血糖"), self.glucose),
            "adherence": (self.tr("服药依从性"), self.adherence),
            "adverse": ("", self.adverse),
            "adverse_uncontrolled": ("", self.adverse_uncontrolled),
            "complication": ("", self.complication),
            "classification": (self.tr("此次随访分类"), self.classification),
            "drugs": (self.tr("用药情况"), drug_box),
        }
        # the paper form's order (随访服务记录表), which Tab follows: 症状; 体征; 生活方式指导; 辅助检查;
        # 服药依从性; 药物不良反应; (低血糖反应); 此次随访分类; 用药情况 (胰岛素); 转诊; 下次随访
        for name in NOT_ON_FORM[program]:
            rest.pop(name, None)
        for name in PAPER_ORDER:
            if name in rest:
                label, widget = rest.pop(name)
                self._row(form, name, label, widget)
        for name, (label, widget) in rest.items():  # (the provincial revisions' fields: at the end)
            self._row(form, name, label, widget)
        self._row(form, "next_due", self.tr("下次随访日期"), self.next_due)
        self._row(form, "doctor", self.tr("随访医生"), self.doctor)

        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.emergency = QLabel()
        self.emergency.setWordWrap(True)
        self.emergency.setStyleSheet("color: #c62828; font-weight: bold;")
        self.summary = ErrorLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存 (Enter)"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.RejectRole)
        self.refer_button = buttons.addButton(self.tr("保存并开转诊单"), QDialogButtonBox.ActionRole)
        self.refer_button.setAutoDefault(False)
        self.refer_button.clicked.connect(self.save_and_refer)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.cancel)  # (asks before throwing away what was typed)
        body = QWidget()
        body.setLayout(form)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.suggestion)
        lay.addWidget(self.emergency)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        make_default(self.save_button)  # (once in the dialog: Enter saves, whatever Tab passed over)
        # only now is every field and the save button in this dialog's window (Qt refuses otherwise)
        self._chain_tab_order(form, self.save_button)
        for w in (self.visit_date, self.sbp, self.dbp, self.heart_rate, self.glucose, self.weight):
            w.textChanged.connect(self.update_suggestion)
        for group in (self.signs, self.symptoms):
            for box in group.boxes.values():
                box.toggled.connect(self.update_suggestion)
        self.adverse.toggled.connect(self.update_suggestion)
        self.adverse_uncontrolled.toggled.connect(self.update_suggestion)
        self.complication.toggled.connect(self.update_suggestion)
        self._outcome_changed()
        self.update_suggestion()
        self.visit_date.setFocus()
        self.remember_as_opened()

    def typed(self):
        return self.to_input()

    def _build_form_rest(self) -> dict[str, tuple[str, QWidget]]:
        """The rest of the paper form's fields (height/BMI, lifestyle now → target, ratings, tests,
        referral), by name with its label: laid out by the caller in the paper form's order."""
        t2dm = self.program == "t2dm"
        rows: dict[str, tuple[str, QWidget]] = {}
        self.numbers: dict[str, object] = {}
        self.codes: dict[str, CodeCombo] = {}
        self.texts: dict[str, object] = {}

        def number(name: str, hint: str, width: int = 6):
            w = line_edit(hint, width)
            self.numbers[name] = w
            return w

        def pair(now, target) -> QWidget:
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(now)
            row.addWidget(QLabel("→"))
            row.addWidget(target)
            return box

        rows["weight_target"] = (self.tr("目标体重"), number("weight_target", "kg"))
        rows["height"] = (self.tr("身高（算体质指数）"), number("height", "cm"))
        rows["smoking"] = (
            self.tr("日吸烟量（支）"),
            pair(number("smoking", self.tr("现在")), number("smoking_target", self.tr("目标"))),
        )
        rows["alcohol"] = (
            self.tr("日饮酒量（两）"),
            pair(number("alcohol", self.tr("现在")), number("alcohol_target", self.tr("目标"))),
        )
        rows["exercise_times"] = (
            self.tr("运动（次/周）"),
            pair(number("exercise_times", self.tr("现在")), number("exercise_times_target", self.tr("目标"))),
        )
        rows["exercise_minutes"] = (
            self.tr("运动（分钟/次）"),
            pair(
                number("exercise_minutes", self.tr("现在")),
                number("exercise_minutes_target", self.tr("目标")),
            ),
        )
        if t2dm:
            rows["staple_food"] = (
                self.tr("主食（克/天）"),
                pair(number("staple_food", self.tr("现在")), number("staple_food_target", self.tr("目标"))),
            )
        else:
            self.codes["salt"], self.codes["salt_target"] = CodeCombo("salt"), CodeCombo("salt")
            rows["salt"] = (self.tr("摄盐情况"), pair(self.codes["salt"], self.codes["salt_target"]))
        self.codes["psychology"], self.codes["compliance"] = (
            CodeCombo("good_fair_poor"),
            CodeCombo("good_fair_poor"),
        )
        rows["psychology"] = (self.tr("心理调整"), self.codes["psychology"])
        rows["compliance"] = (self.tr("遵医行为"), self.codes["compliance"])
        self.hba1c_date = line_edit(self.tr("检查日期"), 20)
        self.insulin_type, self.insulin_dosage = (
            line_edit(self.tr("种类"), 50),
            line_edit(self.tr("用法和用量"), 100),
        )
        if t2dm:
            self.codes["foot_pulse"] = CodeCombo("foot_pulse")
            rows["foot_pulse"] = (self.tr("足背动脉搏动"), self.codes["foot_pulse"])
            rows["hba1c"] = (self.tr("糖化血红蛋白（%）"), pair(number("hba1c", "%"), self.hba1c_date))
            self.codes["hypoglycaemia"] = CodeCombo("hypoglycaemia")
            rows["hypoglycaemia"] = (self.tr("低血糖反应"), self.codes["hypoglycaemia"])
            rows["insulin"] = (self.tr("胰岛素"), pair(self.insulin_type, self.insulin_dosage))
        self.provincial: dict[str, object] = {}
        if self.context.provincial_fields:  # provincial revisions: optional, switched on in 设置
            for name, label, kind in (
                ("drug_adjustment", self.tr("用药调整意见"), None),
                ("next_step", self.tr("下一步管理措施"), "next_step"),
                ("referral_contact", self.tr("转诊联系人及电话"), None),
                ("referral_result", self.tr("转诊结果"), "referral_result"),
                ("note", self.tr("备注"), None),
            ):
                w = CodeCombo(kind) if kind else line_edit("", 200)
                self.provincial[name] = w
                rows[name] = (label, w)
        for name, label, hint in (
            ("auxiliary_exam", self.tr("辅助检查"), ""),
            ("adverse_text", self.tr("不良反应说明"), ""),
            ("referral_reason", self.tr("转诊原因"), ""),
            ("referral_institution", self.tr("转诊机构及科别"), ""),
        ):
            w = line_edit(hint, 200)
            self.texts[name] = w
            rows[name] = (label, w)
        return rows

    def _outcome_changed(self) -> None:
        """失访/死亡: reason, date and cause instead of measurements."""
        outcome = self.outcome.currentData()
        self.lost_reason.setVisible(outcome == "lost")
        self.death_date.setVisible(outcome == "died")
        self.death_cause.setVisible(outcome == "died")
        self.failed_box.setVisible(outcome != "done")

    @staticmethod
    def _chain_tab_order(form: QFormLayout, last: QWidget) -> None:
        """Tab follows the rows as laid out (the paper form's order), not the order widgets were made."""
        chain = []
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.FieldRole)
            box = item.widget() if item else None
            if box is None:
                continue
            widgets = (
                [box, *box.findChildren(QWidget)]
                if not isinstance(box, FieldBox)
                else box.findChildren(QWidget)
            )
            # not a combo box's pop-up list (a window of its own) nor anything else outside the form's window
            chain += [
                w
                for w in widgets
                if w.focusPolicy() & Qt.TabFocus
                and not isinstance(w, FieldBox)
                and w.window() is last.window()
            ]
        for a, b in zip([*chain, last][:-1], [*chain, last][1:], strict=True):
            QWidget.setTabOrder(a, b)

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        box = FieldBox(widget)
        self.boxes[name] = box
        form.addRow(label, box)

    def _previous_text(self) -> str:
        v = self.last
        if v is None:
            return self.tr("无")
        parts = [v.visit_date.isoformat()]
        if v.sbp:
            parts.append(f"{v.sbp}/{v.dbp} mmHg")
        if v.glucose is not None:
            parts.append(f"{number_text(v.glucose, 1)} mmol/L")
        if v.classification:
            parts.append(code_label("visit_class", str(v.classification)))
        if v.drugs:
            parts.append((", " if lang() == "en" else "、").join(d["name"] for d in v.drugs))
        return "  ".join(parts)

    def _add_drug_row(self, focus: bool = False) -> None:
        """One more row of 药物名称, 次/日, mg/次, in the Tab order after the rows before it."""
        name, times, mg = (
            line_edit(self.tr("药物名称"), 50),
            line_edit(self.tr("次/日"), 2),
            line_edit(self.tr("mg/次"), 6),
        )
        row = len(self.drugs)
        for column, edit in enumerate((name, times, mg)):
            self.drug_grid.addWidget(edit, row, column)
        if self.drugs:  # (a row added later comes after the last one, not at the form's end)
            QWidget.setTabOrder(self.drugs[-1][2], name)
            QWidget.setTabOrder(name, times)
            QWidget.setTabOrder(times, mg)
        self.drugs.append((name, times, mg))
        if hasattr(self, "more_drugs"):
            self.more_drugs.setEnabled(len(self.drugs) < followup.MAX_DRUGS)
        if focus:  # (once the row is shown: a widget not shown yet takes no focus)
            QTimer.singleShot(0, name.setFocus)

    def _copy_last_drugs(self) -> None:
        """Medications only: measurements are never copied forward.  Every drug of the last visit,
        each on a row (rows added as needed)."""
        last = self.last.drugs if self.last else ()  # (a tuple)
        while len(self.drugs) < min(len(last), followup.MAX_DRUGS):
            self._add_drug_row()
        for (name, times, mg), drug in zip(self.drugs, [*last, *({},) * len(self.drugs)], strict=False):
            name.setText(str(drug.get("name", "")))
            times.setText(str(drug.get("times_per_day", "") or ""))
            mg.setText(str(drug.get("mg_per_time", "") or ""))

    def to_input(self, confirmed: bool = False) -> VisitInput:
        measurements = {k: w.text() for k, w in self.numbers.items() if w.text().strip()}
        measurements |= {
            k: w.text()
            for k, w in (("sbp", self.sbp), ("dbp", self.dbp), ("weight", self.weight))
            if w.text().strip()
        }
        if self.program == "htn" and self.heart_rate.text().strip():
            measurements["heart_rate"] = self.heart_rate.text()
        if self.program == "t2dm" and self.glucose.text().strip():
            measurements["glucose"] = self.glucose.text()
        drugs = []
        for name, times, mg in self.drugs:
            if name.text().strip():
                drugs.append(
                    {
                        "name": name.text().strip(),
                        "times_per_day": times.text().strip(),
                        "mg_per_time": mg.text().strip(),
                    }
                )
        return VisitInput(
            program=self.program,
            visit_date=self.visit_date.text(),
            method=self.method.code(),
            symptoms=self.symptoms.codes(),
            measurements=measurements,
            signs=self.signs.codes(),
            adherence=self.adherence.code(),
            adverse_reaction=self.adverse.isChecked(),
            adverse_uncontrolled=self.adverse_uncontrolled.isChecked(),
            complication=self.complication.isChecked(),
            drugs=drugs,
            next_due=self.next_due.text(),
            classification=self.classification.code(),
            doctor=self.doctor.text(),
            outcome=self.outcome.currentData(),
            lost_reason=self.lost_reason.text(),
            death_date=self.death_date.text(),
            death_cause=self.death_cause.text(),
            codes={name: combo.code() for name, combo in self.codes.items()},
            texts={name: w.text() for name, w in self.texts.items()},
            hba1c_date=self.hba1c_date.text(),
            provincial={
                k: (w.code() if isinstance(w, CodeCombo) else w.text()) for k, w in self.provincial.items()
            },
            insulin_type=self.insulin_type.text(),
            insulin_dosage=self.insulin_dosage.text(),
            confirmed=confirmed,
        )

    def update_suggestion(self) -> None:
        inp = self.to_input()
        sug = followup.suggest(self.context, inp)  # pure: no query while typing
        if sug.classification:
            cls = code_label("visit_class", str(sug.classification))
        elif wrong := followup.typed_wrong(inp):  # (a value typed that cannot be: said, not "measure it")
            cls = self.tr("{problem}，改正后分类").replace("{problem}", render(wrong[0]))
        else:  # what the classification waits for, named
            cls = self.tr("测得血压后分类") if inp.program == "htn" else self.tr("测得空腹血糖后分类")
        text = (
            self.tr("建议：{cls}，下次随访 {date}")
            .replace("{cls}", cls)
            .replace("{date}", sug.next_due.isoformat())
        )
        if sug.referral and not sug.emergency_reasons:
            text += self.tr("；建议转诊")
        self.suggestion.setText(text)
        self.next_due.setPlaceholderText(sug.next_due.isoformat())
        self.emergency_reasons = [render(m) for m in sug.emergency_reasons]
        self.refer_button.setStyleSheet("color: #c62828; font-weight: bold;" if sug.referral else "")
        self.emergency.setText(
            self.tr("紧急转诊：{reasons}").replace(
                "{reasons}", ("; " if lang() == "en" else "；").join(self.emergency_reasons)
            )
            if self.emergency_reasons
            else ""
        )

    def save_and_refer(self):
        """One click from an emergency to a referral pre-filled with the patient, reasons, findings, treatment."""
        self._referring = True
        try:
            if not self.save():
                return None
        finally:
            self._referring = False
        return self._open_referral(self.result_visit.id)

    def _open_referral(self, visit_id):
        from app.views.referral_dialog import ReferralDialog

        draft = Op(self.parentWidget(), self.store, lambda s: referral.draft_from_visit(s, visit_id)).run()
        if draft is None:
            return None
        dialog = ReferralDialog(self.store, draft, self.parentWidget())
        dialog.open()
        self.referral_dialog = dialog
        return dialog

    def _offer_referral(self, visit_id) -> None:
        """A visit the rules say needs an emergency referral, saved with Enter (保存) rather than
        保存并开转诊单: the slip offered, as the 老年人 check offers it (it was never asked)."""
        answer = QMessageBox.question(
            self,
            self.tr("紧急转诊"),
            self.tr("此次随访需要紧急转诊：{reasons}。是否开具转诊单？").replace(
                "{reasons}", ("; " if lang() == "en" else "；").join(self.emergency_reasons)
            ),
        )
        if answer == QMessageBox.Yes:
            self._open_referral(visit_id)

    def save(self, confirmed: bool = False) -> bool:
        for box in self.boxes.values():
            box.error.show_error("")
        self._retry_confirmed = False
        visit, resident_id = self.to_input(confirmed), self.resident_id
        result = (
            Op(self, self.store, lambda s: followup.record_visit(s, resident_id, visit))
            .failure(self._refused)
            .run()
        )
        if result is None:
            return self.save(confirmed=True) if self._retry_confirmed else False
        self.result_visit = result
        self.saved.emit(result)
        self.accept()
        if self.emergency_reasons and not self._referring:
            self._offer_referral(result.id)
        return True

    def _refused(self, error: UserError) -> None:
        """Nothing was saved; what was typed stays, the fields in question are marked."""
        if isinstance(error, NeedsConfirmation):
            answer = QMessageBox.question(
                self, self.tr("请核实"), error.render(translate) + "\n" + self.tr("确认保存吗？")
            )
            self._retry_confirmed = answer == QMessageBox.Yes
            return
        if isinstance(error, ValidationError):
            said: dict = {}  # box -> its messages (systolic and diastolic share one box: both said)
            for name, fe in error.by_field().items():
                box = self.boxes.get(name) or self.boxes.get("sbp" if name == "dbp" else "visit_date")
                said.setdefault(box, []).append(render(fe.message))
            for box, messages in said.items():
                box.error.show_error(joined(messages, translate))
            # as the enrolment form: how many, and the first (in the form's order) in sight with
            # the cursor in it (the message was scrolled out of sight at the top)
            self.summary.show_error(
                self.tr("有 {n} 处需要改正，已保留您填写的内容").replace("{n}", str(len(said)))
            )
            first = next(box for box in self.boxes.values() if box in said)
            self.scroll.ensureWidgetVisible(first)
            target = first.widget
            if target.focusPolicy() == Qt.NoFocus:  # (a row of fields: its first)
                target = next(
                    (w for w in target.findChildren(QWidget) if w.focusPolicy() & Qt.TabFocus), target
                )
            target.setFocus()
            return
        self.summary.show_error(render(error.message))


def open_followup_dialog(parent: QWidget, store: Store, resident_id, program: str) -> FollowupDialog | None:
    """Load what the form needs once, then open it (None when the user may not, with the reason shown)."""
    context = Op(parent, store, lambda s: followup.visit_context(s, resident_id, program)).run()
    if context is None:
        return None
    dialog = FollowupDialog(store, context, parent)
    dialog.open()
    return dialog

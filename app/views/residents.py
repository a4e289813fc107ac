"""居民档案: search-as-you-type over a lazily loaded list, the resident page, roster import."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.i18n import number_text
from app.services.programmes.smi import PROGRAM as SMI
from app.services.records import overview as records_overview
from app.services.records import search
from app.services.records.search import TAG_LABELS, ResidentRow
from app.services.records.validators import age_on, mask_id
from app.views.enrolment_form import EnrolmentDialog
from app.views.operations import FOLLOWUPS, RESIDENTS, Op, refresh_on
from app.views.widgets import (
    LazyPage,
    SideBySide,
    WholeTextTips,
    aside,
    code_label,
    fit_columns,
    fit_to_screen,
    lang,
    print_labels,
)

PAGE = 100
_ROOT = QModelIndex()

ELDERLY = "elderly"  # the 老年人健康管理 tab, beside the programmes' tabs


def _right(widget: QWidget) -> QHBoxLayout:
    """``widget`` on a row of its own, to the right."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    return row


class ResidentTableModel(QAbstractTableModel):
    """Search results, fetched a page at a time as the view scrolls (60k rows are never loaded at once)."""

    def __init__(self, store: Store, township: bool, parent=None):
        super().__init__(parent)
        self.store, self.page = store, parent  # the page shows errors of the search
        self.rows: list[ResidentRow] = []
        self.query = ""
        self._more = False
        self.columns = [
            ("archive_no", self.tr("档案编号")),
            ("name", self.tr("姓名")),
            ("sex", self.tr("性别")),
            ("age", self.tr("年龄")),
            ("id", self.tr("身份证号")),
            *([("village", self.tr("村"))] if township else []),
            ("group", self.tr("村民小组")),
            ("phone", self.tr("联系电话")),
            ("tags", self.tr("标签")),
        ]

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self.query = query
        self.rows = self._fetch(0)
        self._more = len(self.rows) == PAGE
        self.endResetModel()

    def _fetch(self, offset: int) -> list[ResidentRow]:
        # The whole register pages by archive number (keyset), so scrolling to the end stays linear.
        after = self.rows[-1].archive_no if offset and search.classify_query(self.query)[0] == "all" else None
        query = self.query
        rows = Op(
            self.page,
            self.store,
            lambda s: search.search_residents(s, query, limit=PAGE, offset=offset, after=after),
        ).run()
        return rows or []

    def canFetchMore(self, parent=_ROOT) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent=_ROOT) -> None:  # noqa: N802
        more = self._fetch(len(self.rows))
        self._more = len(more) == PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][1]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.UserRole:
            return r.id
        if role == Qt.ForegroundRole and r.status != "1":
            from PySide6.QtGui import QColor

            return QColor("#888888")
        if role != Qt.DisplayRole:
            return None
        en = lang() == "en"
        if key == "archive_no":
            return r.archive_no
        if key == "name":
            return r.name if r.status == "1" else r.name + aside(code_label("resident_status", r.status))
        if key == "sex":
            return code_label("sex", r.sex)
        if key == "age":
            return str(r.age)
        if key == "id":
            return r.id_masked
        if key == "village":
            return r.village_name
        if key == "group":
            return r.group_name
        if key == "phone":
            return r.phone
        if key == "tags":
            return " ".join(TAG_LABELS[t][1 if en else 0] for t in r.tags)
        return None


class ResidentsPage(LazyPage):
    def __init__(self, store: Store, township: bool, parent=None, *, read_only: bool = False):
        super().__init__(parent)
        self.store = store
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("搜索：姓名、拼音或首字母（zs）、身份证号后4位、档案编号、电话；扫码枪直接扫随访卡")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(search.MAX_QUERY)  # (the search service takes no more)
        self.search.textChanged.connect(lambda: self._timer.start())
        self.search.returnPressed.connect(self._open_exact)
        self._timer = QTimer(self, singleShot=True, interval=150, timeout=self.refresh)
        self.new_button = QPushButton(self.tr("新建档案 (Ctrl+N)"))
        self.new_button.setShortcut("Ctrl+N")
        # (through a lambda: not the button's checked flag as the household)
        self.new_button.clicked.connect(lambda: self.new_resident())
        self.import_button = QPushButton(self.tr("导入花名册…"))
        self.import_button.clicked.connect(self.import_roster)
        self.model = ResidentTableModel(store, township, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(WholeTextTips(self.table))  # (a cell cut short: its whole text)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Fixed widths from the font (ResizeToContents measures every loaded row on each change).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        widths = {
            "archive_no": 19,
            "name": 14,
            "sex": 8,
            "age": 5,
            "id": 20,
            "village": 10,
            "group": 9,
            "phone": 13,
        }
        fit_columns(self.table, {i: widths[k] for i, (k, _t) in enumerate(self.model.columns) if k in widths})
        # (activated: a double-click or Enter; doubleClicked as well opened the page twice)
        self.table.activated.connect(lambda idx: self.open_resident(self.model.data(idx, Qt.UserRole)))
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        for button in (self.new_button, self.import_button):  # (a county reads and counts only)
            button.setVisible(not read_only)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.hint)
        refresh_on(self, RESIDENTS, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        text = self.search.text()
        # a card's QR code (or a line pasted around an archive number) searches by that number
        text = search.scanned_archive_no(text) or text
        kind, _q = search.classify_query(text)
        self.model.set_query(text)
        if kind == "short":
            self.hint.setText(self.tr("数字请至少输入4位"))
        elif not self.model.rows:
            self.hint.setText(self.tr("没有找到匹配的居民"))
        else:
            n = len(self.model.rows)
            if self.model.canFetchMore():  # more pages to scroll: say how many in all
                n = Op(self, self.store, lambda s: search.count_residents(s, text)).run() or n
            self.hint.setText(self.tr("找到 {n} 人").replace("{n}", f"{n:,}" if lang() == "en" else str(n)))
        if self.model.rows:
            self.table.selectRow(0)

    def _open_exact(self) -> None:
        """Enter in the search box (a scanner ends with Enter): open the match when it is unambiguous."""
        self._timer.stop()
        self.refresh()
        rows = self.model.rows
        if len(rows) == 1 or (rows and rows[0].rank == 0 and (len(rows) == 1 or rows[1].rank > 0)):
            self.open_resident(rows[0].id, focus_visit=True)

    def new_resident(self, household: tuple | None = None) -> EnrolmentDialog:
        """The enrolment form; ``household``: (household id, head's name[, member_defaults]) to add a member."""
        dialog = EnrolmentDialog(self.store, self)
        if household and dialog.form is not None:  # (None: the form could not be read, already said)
            dialog.form.set_household(*household)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, resident_id) -> None:
        self.offer_programme_enrolment(resident_id)  # the list refreshes itself: it shows residents

    def ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def offer_programme_enrolment(self, resident_id) -> list[str]:
        """The past history says 高血压/糖尿病 but the resident is not managed yet: offer to enrol."""
        from app.services.programmes import followup

        enrolled = []
        offers = (
            Op(self, self.store, lambda s: followup.programs_to_offer(s, resident_id)).run()
            if resident_id
            else []
        )
        for program in offers or []:
            text = self.tr("既往史有{program}，是否纳入{program}患者管理？").replace(
                "{program}", code_label("program", program)
            )
            if self.ask(self.tr("纳入慢病管理"), text):
                done = Op(
                    self, self.store, lambda s, p=program: followup.start_management(s, resident_id, p)
                ).run()
                if done is not None:
                    enrolled.append(program)
        return enrolled

    def open_resident(self, resident_id, focus_visit: bool = False) -> ResidentDialog | None:
        """The resident page; ``focus_visit`` (a scanned card, an archive number and Enter): the
        programme's 录入随访 has the focus, so the next Enter opens the visit form."""
        if resident_id is None:
            return None
        overview = Op(self, self.store, lambda s: records_overview.resident_overview(s, resident_id)).run()
        if overview is None:
            return None
        dialog = ResidentDialog(self.store, overview, self)
        dialog.edit_requested.connect(self.edit_resident)
        dialog.add_member_requested.connect(
            lambda hh, head, defaults: self.new_resident((hh, head, defaults))
        )
        dialog.open()
        if focus_visit:
            dialog.focus_visit()
        return dialog

    def edit_resident(self, resident_id) -> EnrolmentDialog:
        dialog = EnrolmentDialog(self.store, self, resident_id=resident_id)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def import_roster(self) -> None:
        from app.views.roster_import import RosterImportDialog

        dialog = RosterImportDialog(self.store, self)
        dialog.imported.connect(self._saved)
        dialog.open()


class ResidentDialog(QDialog):
    """The resident page (read view): the record, its programmes, referrals and household, and the
    actions a visit needs first — 录入随访 per programme, 纳入管理 when the past history names one."""

    edit_requested = Signal(object)
    add_member_requested = Signal(object, str, object)  # household, its head's name, member_defaults

    def __init__(self, store: Store, overview: records_overview.ResidentOverview, parent=None):
        super().__init__(parent)
        self.store, self.overview = store, overview
        r, members = overview.resident, overview.members
        self.resident_id = r.id
        fit_to_screen(self, 1000, 720)
        lay = QVBoxLayout(self)
        self.setWindowTitle(self.tr("居民档案 - {name}").replace("{name}", r.name))
        self.household = overview.household
        head = QHBoxLayout()
        head.addWidget(QLabel(f"<h2>{r.name}</h2>"))
        head.addWidget(QLabel(self.tr("健康档案编号：{no}").replace("{no}", r.archive_no)), 1)
        lay.addLayout(head)
        # the actions a patient at the door needs: one button per programme, Enter on the focused one
        self.actions_bar = QHBoxLayout()
        lay.addLayout(self.actions_bar)
        self.visit_buttons: dict[str, QPushButton] = {}
        self.enrol_buttons: dict[str, QPushButton] = {}
        self.sections = QTabWidget()
        lay.addWidget(self.sections, 1)
        self.sections.addTab(self._record_tab(overview), self.tr("档案"))
        self.programme_tabs: dict[str, QWidget] = {}
        self.visit_tables: dict[str, QTableWidget] = {}
        from app.views.referrals import ReferralList

        self.referrals = ReferralList(
            store, resident_id=r.id, open_only=False, details=True, read_only=overview.read_only
        )
        self.sections.addTab(self.referrals, self.tr("转诊"))
        self.sections.addTab(self._members_tab(members), self.tr("家庭成员"))
        self._show_programmes(overview)
        self.notice = QLabel()  # what an action just did (已作废 …)
        self.notice.setStyleSheet("color: #2e7d32;")
        lay.addWidget(self.notice)

        # the record's actions, then its prints and 关闭: on two lines when narrow (in English one
        # line of six kept the page 818 px wide, more than a small screen)
        actions, prints = QDialogButtonBox(), QDialogButtonBox()
        edit = actions.addButton(self.tr("编辑"), QDialogButtonBox.ActionRole)
        add = actions.addButton(self.tr("添加家庭成员"), QDialogButtonBox.ActionRole)
        card = prints.addButton(self.tr("打印随访卡"), QDialogButtonBox.ActionRole)
        cover = prints.addButton(self.tr("打印档案封面"), QDialogButtonBox.ActionRole)
        record = prints.addButton(self.tr("打印个人基本信息表"), QDialogButtonBox.ActionRole)
        close = prints.addButton(self.tr("关闭"), QDialogButtonBox.RejectRole)
        for b in (edit, add, card, cover, record, close):
            b.setAutoDefault(False)  # Enter acts on the focused action (录入随访), never on these
        card.clicked.connect(lambda: self.print_document("card"))
        cover.clicked.connect(lambda: self.print_document("cover"))
        record.clicked.connect(lambda: self.print_document("record"))
        edit.clicked.connect(lambda: (self.accept(), self.edit_requested.emit(self.resident_id)))
        add.clicked.connect(
            lambda: (
                self.accept(),
                self.add_member_requested.emit(*self.household, self.overview.member_defaults),
            )
        )
        close.clicked.connect(self.reject)
        for b in (edit, add):  # (a county reads and counts only: its townships' villages write)
            b.setVisible(not overview.read_only)
        lay.addWidget(SideBySide(actions, prints))
        self.n_members = len(members)
        refresh_on(self, FOLLOWUPS, self.reload)

    # -- parts of the page

    def _record_tab(self, overview: records_overview.ResidentOverview) -> QWidget:
        r = overview.resident
        page = QWidget()
        lay = QVBoxLayout(page)
        cols = QHBoxLayout()
        lay.addLayout(cols)
        left, right = QFormLayout(), QFormLayout()
        l_box, r_box = QGroupBox(self.tr("基本信息")), QGroupBox(self.tr("联系与管理"))
        l_box.setLayout(left)
        r_box.setLayout(right)
        cols.addWidget(l_box)
        cols.addWidget(r_box)

        def lab(text: str | None) -> QLabel:
            label = QLabel(text or "—")
            label.setWordWrap(True)
            return label

        age = self.tr("（{age}岁）").replace("{age}", str(age_on(r.birth_date, overview.today)))
        left.addRow(self.tr("性别"), lab(code_label("sex", r.sex)))
        left.addRow(self.tr("出生日期"), lab(f"{r.birth_date.isoformat()}{age}"))
        left.addRow(self.tr("身份证号"), lab(mask_id(r.id_number)))
        left.addRow(self.tr("民族"), lab(code_label("ethnicity", r.ethnicity)))
        left.addRow(self.tr("文化程度"), lab(code_label("education", r.education)))
        left.addRow(self.tr("职业"), lab(code_label("occupation", r.occupation)))
        left.addRow(self.tr("婚姻状况"), lab(code_label("marital", r.marital)))
        left.addRow(self.tr("血型"), lab(code_label("blood_abo", r.blood_abo)))
        right.addRow(self.tr("本人电话"), lab(r.phone))
        right.addRow(self.tr("现住址"), lab(r.current_address))
        right.addRow(self.tr("村民小组"), lab(r.group.name if r.group else ""))
        right.addRow(self.tr("责任医生"), lab(r.responsible_doctor))
        right.addRow(self.tr("建档日期"), lab(r.enrolled_on.isoformat()))
        right.addRow(self.tr("贫困户"), lab(self.tr("是") if r.poverty_registered else self.tr("否")))
        right.addRow(
            self.tr("家庭医生签约"),
            lab(
                f"{overview.contract.start_on.isoformat()} {overview.contract.doctor}"
                if overview.contract is not None
                else self.tr("未签约")
            ),
        )
        right.addRow(self.tr("档案状态"), lab(code_label("resident_status", r.status)))
        sep = "、" if lang() == "zh" else ", "
        diseases = [
            code_label("past_disease", c.code) + (f" {c.event_date}" if c.event_date else "")
            for c in overview.choices
            if c.field == "past_disease"
        ]
        hist = QFormLayout()
        h_box = QGroupBox(self.tr("既往史与过敏"))
        h_box.setLayout(hist)
        hist.addRow(self.tr("既往疾病"), lab(sep.join(diseases)))
        hist.addRow(
            self.tr("药物过敏"),
            lab(sep.join(code_label("allergy", c) for c in overview.choice_codes("allergy"))),
        )
        hist.addRow(
            self.tr("医疗费用"),
            lab(sep.join(code_label("payment", c) for c in overview.choice_codes("payment"))),
        )
        lay.addWidget(h_box)
        lay.addStretch(1)
        return page

    def _members_tab(self, members) -> QWidget:
        self.members = QTableWidget(len(members), 4)
        self.members.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("与户主关系"), self.tr("性别"), self.tr("年龄")]
        )
        self.members.verticalHeader().hide()
        self.members.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.members.horizontalHeader().setStretchLastSection(True)
        for i, m in enumerate(members):
            for j, text in enumerate(
                (m.name, code_label("relation", m.relation), code_label("sex", m.sex), str(m.age))
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, m.id)
                self.members.setItem(i, j, item)
        fit_columns(self.members, {0: 10, 1: 14, 2: 6})
        self.members.doubleClicked.connect(self._open_member)
        return self.members

    def _show_programmes(self, overview: records_overview.ResidentOverview) -> None:
        """The action bar and one tab per programme (慢病管理), built again after each change."""
        while self.actions_bar.count():
            item = self.actions_bar.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.visit_buttons, self.enrol_buttons = {}, {}
        for program_tab in self.programme_tabs.values():
            self.sections.removeTab(self.sections.indexOf(program_tab))
            program_tab.deleteLater()
        self.programme_tabs = {}
        for programme in overview.programmes:
            e = programme.enrolment
            if e.status == "1":
                button = QPushButton(
                    self.tr("录入专项随访")  # (the programme's own discreet name, not 专项随访随访)
                    if e.program == SMI
                    else self.tr("录入{program}随访").replace("{program}", code_label("program", e.program))
                )
                button.clicked.connect(lambda _c=False, p=e.program: self.record_visit(p))
                self.visit_buttons[e.program] = button
                self.actions_bar.addWidget(button)
        for program in overview.offers:
            button = QPushButton(
                self.tr("纳入{program}管理").replace("{program}", code_label("program", program))
            )
            button.clicked.connect(lambda _c=False, p=program: self.start_management(p))
            self.enrol_buttons[program] = button
            self.actions_bar.addWidget(button)
        refer = QPushButton(self.tr("开转诊单…"))
        refer.clicked.connect(self.new_referral)
        self.actions_bar.addWidget(refer)
        self.actions_bar.addStretch(1)
        if overview.read_only:  # (a county: no visit, management or referral is written here)
            for i in range(self.actions_bar.count()):
                if (widget := self.actions_bar.itemAt(i).widget()) is not None:
                    widget.hide()
        tabs = {p: (page, code_label("program", p)) for p, page in self._programs(overview).items()}
        if overview.elderly:
            title = self.tr("老年人健康管理") if overview.aged else self.tr("健康体检")
            tabs[ELDERLY] = (self._elderly(overview), title)
        for i, (program, (page, title)) in enumerate(tabs.items(), start=1):
            self.programme_tabs[program] = page
            self.sections.insertTab(i, page, title)

    def reload(self) -> None:
        """Read the resident again (a visit saved, a programme started) and show the programmes anew."""
        rid = self.resident_id
        overview = Op(self, self.store, lambda s: records_overview.resident_overview(s, rid)).run()
        if overview is None:
            return
        current = self.sections.currentWidget()
        shown = next((p for p, tab in self.programme_tabs.items() if tab is current), None)
        self.overview = overview
        self._show_programmes(overview)
        if shown in self.programme_tabs:  # (its tab was built again: the new one)
            self.sections.setCurrentWidget(self.programme_tabs[shown])
        elif current is not None and current not in self.programme_tabs.values():
            self.sections.setCurrentWidget(current)

    def focus_visit(self) -> QPushButton | None:
        """Opened from a scan: the first programme's 录入随访 (else 纳入管理) has the focus, so Enter
        goes straight to the form; its tab shows the history meanwhile."""
        due = self.overview.due_first(self.visit_buttons)
        button = self.visit_buttons.get(due) if due else None
        button = (
            button
            or next(iter(self.visit_buttons.values()), None)
            or next(iter(self.enrol_buttons.values()), None)
        )
        if button is None:
            return None
        program = next((p for p, b in {**self.visit_buttons, **self.enrol_buttons}.items() if b is button))
        if program in self.programme_tabs:
            self.sections.setCurrentWidget(self.programme_tabs[program])
        button.setDefault(True)
        button.setFocus()
        return button

    # -- actions

    def record_visit(self, program: str):
        from app.views.followups import open_followup_dialog

        if program == SMI:
            from app.views.smi_page import open_smi_visit

            self.visit_dialog = open_smi_visit(self, self.store, self.resident_id)
            return self.visit_dialog

        self.visit_dialog = open_followup_dialog(self, self.store, self.resident_id, program)
        return self.visit_dialog

    def void_visit(self, program: str, day, visit_id=None) -> bool:
        """作废 the programme's follow-up of ``day`` (the one chosen, ``visit_id``), recorded by
        mistake, with the reason asked for; the page then shows the programme again and says so."""
        from app.services.programmes import followup, smi

        what = (
            self.tr("专项随访")
            if program == SMI
            else self.tr("{program}随访").replace("{program}", code_label("program", program))
        )
        rid = self.resident_id
        if program == SMI:
            work = lambda s, reason: smi.void_visit(s, rid, day, reason, visit_id=visit_id)  # noqa: E731
        else:
            work = lambda s, reason: followup.void_visit(s, rid, program, day, reason, visit_id=visit_id)  # noqa: E731
        return self._void(
            self.tr("作废随访"),
            self.tr("作废 {date} 的{what}。作废后记录仍保留，但不再计入随访和考核。请写明原因：")
            .replace("{date}", day.isoformat())
            .replace("{what}", what),
            work,
            self.tr("已作废 {date} 的{what}").replace("{date}", day.isoformat()).replace("{what}", what),
        )

    def _void(self, title: str, question: str, work, done: str) -> bool:
        """Ask why an entry recorded by mistake is voided; ``work(session, reason)`` voids it, and the
        page then says ``done`` (it shows the programme again by itself)."""
        reason = self.ask_reason(title, question)
        if reason is None:
            return False
        if Op(self, self.store, lambda s: work(s, reason).id).run() is None:
            return False
        self.notice.setText(done)
        return True

    def ask_reason(self, title: str, text: str) -> str | None:
        """The reason typed, or None when cancelled (tests replace this)."""
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(self, title, text)
        return reason if ok else None

    def start_management(self, program: str) -> bool:
        from app.services.programmes import followup

        rid = self.resident_id
        done = Op(self, self.store, lambda s: followup.start_management(s, rid, program).id).run()
        if done is None:
            return False
        # (the page reloads itself: programme enrolments changed)
        button = self.visit_buttons.get(program)
        if button is not None:
            button.setDefault(True)
            button.setFocus()
        return True

    def new_referral(self):
        from app.services.programmes import referral
        from app.views.referral_dialog import ReferralDialog

        draft = referral.ReferralInput(resident_id=self.resident_id)
        dialog = ReferralDialog(self.store, draft, self)
        dialog.saved.connect(lambda _id: self.sections.setCurrentWidget(self.referrals))
        dialog.open()
        self.referral_dialog = dialog
        return dialog

    def _programs(self, overview: records_overview.ResidentOverview) -> dict[str, QWidget]:
        """慢病管理: per programme a trend chart, the visit history and the medication now."""
        from app.services.programmes import followup
        from app.views.charts import trend_chart

        pages: dict[str, QWidget] = {}
        self.visit_tables = {}
        self.management_heads: dict[str, QLabel] = {}  # by programme: since when, who, when due
        self.void_buttons: dict[str, QPushButton] = {}
        self.paper_years: dict[str, QComboBox] = {}
        age = age_on(overview.resident.birth_date, overview.today)
        en = lang() == "en"
        for programme in overview.programmes:
            if programme.enrolment.program == SMI:
                pages[SMI] = self._smi_programme(
                    programme, read_only=overview.read_only, today=overview.today
                )
                continue
            e, visits = programme.enrolment, list(programme.visits)
            page = QWidget()
            pl = QVBoxLayout(page)
            top = QHBoxLayout()
            top.addWidget(self._management_head(e, overview.today), 1)
            if e.status == "1":
                end = QPushButton(self.tr("结束管理…"))
                end.setAutoDefault(False)
                end.clicked.connect(lambda _c=False, eid=e.id: self.end_management(eid))
                top.addWidget(end)
            if e.program in ("htn", "t2dm"):  # the paper archive's 随访服务记录表 of a year
                top.addLayout(self._paper_record(e.program, visits, overview.today.year))
            pl.addLayout(top)
            # the trend above, the visits below, halves a doctor may move (the history showed 4 rows)
            split = QSplitter(Qt.Vertical)
            split.setChildrenCollapsible(False)
            split.addWidget(trend_chart(visits, e.program, age, overview.thresholds))
            newest_first = list(reversed(visits))
            table = self._history(
                e.program,
                [
                    self.tr("随访日期"),
                    self.tr("方式"),
                    self.tr("血压 (mmHg)"),
                    self.tr("空腹血糖 (mmol/L)"),
                    self.tr("分类"),
                    self.tr("用药"),
                ],
                [
                    (
                        v.visit_date.isoformat(),
                        code_label("followup_method", v.method),
                        f"{v.sbp}/{v.dbp}" if v.sbp else "",
                        number_text(v.glucose, 1),
                        code_label("visit_class", str(v.classification))
                        if v.classification
                        else (self.tr("失访") if v.outcome == "lost" else ""),
                        (", " if en else "、").join(self._treatment(v, en)),
                    )
                    for v in newest_first
                ],
            )
            table.setColumnHidden(3, e.program == "htn")  # no glucose on the hypertension form
            table.setMinimumHeight(
                table.verticalHeader().defaultSectionSize() * 5 + table.horizontalHeader().sizeHint().height()
            )
            split.addWidget(table)
            split.setStretchFactor(0, 1)
            split.setStretchFactor(1, 1)
            split.setSizes([1000, 1000])  # (scaled to the space it gets: halves)
            pl.addWidget(split, 1)
            if e.program in followup.PROGRAMS and not overview.read_only:
                pl.addLayout(
                    _right(
                        self._void_button(
                            e.program,
                            lambda i, vs=newest_first: followup.may_void(vs[i]),
                            lambda i, p=e.program, vs=newest_first: self.void_visit(
                                p, vs[i].visit_date, vs[i].id
                            ),
                        )
                    )
                )
            pages[e.program] = page
        return pages

    def _smi_programme(
        self, programme: records_overview.ProgrammeOverview, *, read_only: bool, today: dt.date
    ) -> QWidget:
        """专项随访 (shown only to who may see it): the management and the visits, newest first."""
        from app.services.programmes import smi

        e, visits = programme.enrolment, list(reversed(programme.smi_visits))
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.addWidget(self._management_head(e, today))

        def kind(v: dict) -> str:
            if v["outcome"] == "lost":
                return self.tr("失访")
            if v["outcome"] == "died":
                return self.tr("死亡")
            return code_label("smi_class", str(v["classification"])) if v["classification"] else ""

        table = self._history(
            SMI,
            [
                self.tr("随访日期"),
                self.tr("方式"),
                self.tr("危险性"),
                self.tr("自知力"),
                self.tr("分类"),
                self.tr("下次随访"),
            ],
            [
                (
                    v["visit_date"],
                    code_label("smi_method", v["method"]) if v["method"] else "",
                    code_label("smi_danger", str(v["danger"])) if v["danger"] is not None else "",
                    code_label("smi_insight", v["insight"]) if v["insight"] else "",
                    kind(v),
                    v["next_due"] or "",
                )
                for v in visits
            ],
        )
        pl.addWidget(table, 1)
        if not read_only:
            pl.addLayout(
                _right(
                    self._void_button(
                        SMI,
                        lambda i: smi.may_void(visits[i]),
                        lambda i: self.void_visit(
                            SMI, dt.date.fromisoformat(visits[i]["visit_date"]), uuid.UUID(visits[i]["id"])
                        ),
                    )
                )
            )
        return page

    def _management_head(self, e, today: dt.date) -> QLabel:
        """A programme's management in one line: since when, its status, the responsible doctor,
        and while under management when the next follow-up is due: "应随访 2026-01-27（逾期310天）",
        in red when overdue (a patient 310 days overdue read only "在管")."""
        from app.services.printing.home_visits import due_words

        text = (
            self.tr("纳入管理 {date}，{status}，责任医生 {doctor}")
            .replace("{date}", e.enrolled_on.isoformat())
            .replace("{status}", code_label("program_status", e.status))
            .replace("{doctor}", e.responsible_doctor or "—")
        )
        label = QLabel(text)
        label.setWordWrap(True)  # (beside the tab's buttons: it wraps rather than widen the window)
        if e.status == "1" and e.next_due is not None:
            overdue = (today - e.next_due).days
            label.setText(
                text
                + self.tr("；应随访 {date}（{due}）")
                .replace("{date}", e.next_due.isoformat())
                .replace("{due}", due_words(print_labels(), overdue))
            )
            if overdue > 0:
                label.setStyleSheet("color: #b00020;")
        self.management_heads[e.program] = label
        return label

    def _treatment(self, visit, english: bool) -> list[str]:
        """A visit's treatment as its list shows it: the insulin first, then the drugs."""
        kind, dose = insulin_text(visit)
        insulin = [" ".join(x for x in (self.tr("胰岛素"), kind, dose) if x)] if kind or dose else []
        return insulin + [drug_text(d, english) for d in visit.drugs]

    def _history(self, key: str, headers: list[str], rows: list[tuple[str, ...]]) -> QTableWidget:
        """A programme's entries, newest first, one selectable row each (``visit_tables[key]``)."""
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        for row, cells in enumerate(rows):
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.visit_tables[key] = table
        return table

    def _void_button(
        self, key: str, may_void, void, text: str | None = None, tip: str | None = None
    ) -> QPushButton:
        """作废所选… for ``visit_tables[key]``: enabled on a row ``may_void(row)`` allows;
        ``void(row)`` asks why and voids it (``void_buttons[key]``)."""
        table = self.visit_tables[key]
        button = QPushButton(text or self.tr("作废所选随访…"))
        button.setAutoDefault(False)
        button.setToolTip(
            tip
            or self.tr(
                "录错的随访（日期错、人错、没有随访）作废后保留在档案中，不再计入；失访、死亡记录不能作废"
            )
        )
        button.setEnabled(False)
        table.itemSelectionChanged.connect(
            lambda: button.setEnabled(bool(table.selectedItems()) and may_void(table.currentRow()))
        )
        button.clicked.connect(lambda _c=False: void(table.currentRow()) if table.currentRow() >= 0 else None)
        self.void_buttons[key] = button
        return button

    def _elderly(self, overview: records_overview.ResidentOverview) -> QWidget:
        """老年人健康管理: the yearly health checks, newest first; a new one, a check's form printed
        again, one recorded by mistake voided."""
        checks = list(reversed(overview.elderly_checks))
        page = QWidget()
        pl = QVBoxLayout(page)
        table = self._history(
            ELDERLY,
            [
                self.tr("体检日期"),
                self.tr("血压 (mmHg)"),
                self.tr("空腹血糖 (mmol/L)"),
                self.tr("生活自理能力"),
                self.tr("下次体检"),
            ],
            [
                (
                    c.check_date.isoformat(),
                    f"{c.sbp}/{c.dbp}" if c.sbp else "",
                    number_text(c.glucose, 1),
                    code_label("selfcare_level", c.selfcare_level) if c.selfcare_level else "",
                    c.next_check.isoformat() if c.next_check else "",
                )
                for c in checks
            ],
        )
        if not checks:
            pl.addWidget(QLabel(self.tr("还没有健康体检记录")))
        # 生活自理能力 is the 65+'s: a poor member's free checks under 65 leave it out
        table.setColumnHidden(3, not overview.aged and not any(c.selfcare_level for c in checks))
        pl.addWidget(table, 1)
        reprint = QPushButton(self.tr("打印所选体检表"))
        reprint.setAutoDefault(False)
        reprint.setEnabled(False)
        reprint.clicked.connect(
            lambda _c=False: (
                self.print_check(checks[table.currentRow()].id) if table.currentRow() >= 0 else None
            )
        )
        table.itemSelectionChanged.connect(lambda: reprint.setEnabled(bool(table.selectedItems())))
        row = QHBoxLayout()
        if not overview.read_only:
            new = QPushButton(self.tr("录入健康体检…"))
            new.setAutoDefault(False)
            new.clicked.connect(lambda _c=False: self.record_check())
            row.addWidget(new)
        row.addStretch(1)
        row.addWidget(reprint)
        if not overview.read_only:
            row.addWidget(
                self._void_button(
                    ELDERLY,
                    lambda _i: True,
                    lambda i: self.void_check(checks[i].check_date, checks[i].id),
                    self.tr("作废所选体检…"),
                    self.tr("录错的体检（日期错、人错）作废后保留在档案中，不再计入"),
                )
            )
        pl.addLayout(row)
        return page

    def record_check(self):
        from app.views.elderly_check import open_check_dialog

        self.check_dialog = open_check_dialog(self, self.store, self.resident_id)
        return self.check_dialog

    def print_check(self, check_id):
        """A saved check's 健康体检表 and 生活自理能力评估表, printed again."""
        from app.services.printing import elderly_forms
        from app.views.print_preview import preview

        labels = print_labels()
        data = Op(self, self.store, lambda s: elderly_forms.check_summary_pdf(s, check_id, labels)).run()
        if data is None:
            return None
        title = self.tr("健康体检表")
        self.preview = preview(self, data, title, f"{title}.pdf")
        return self.preview

    def void_check(self, day, check_id) -> bool:
        """作废 a health check recorded by mistake, with the reason asked for."""
        from app.services.programmes import elderly

        rid = self.resident_id
        return self._void(
            self.tr("作废体检"),
            self.tr("作废 {date} 的健康体检。作废后记录仍保留，但不再计入。请写明原因：").replace(
                "{date}", day.isoformat()
            ),
            lambda s, reason: elderly.void_check(s, rid, day, reason, check_id=check_id),
            self.tr("已作废 {date} 的健康体检").replace("{date}", day.isoformat()),
        )

    def _paper_record(self, program: str, visits: list, this_year: int) -> QHBoxLayout:
        """打印随访服务记录表 for a year with visits, the latest first (printing.sheet_years)."""
        from app.services.printing import sheet_years

        years = sheet_years(visits)
        row = QHBoxLayout()
        year = QComboBox()
        year.setAccessibleName(self.tr("随访服务记录表的年份"))
        for y in years:
            year.addItem(self.tr("{year}年").replace("{year}", str(y)), y)
        paper = QPushButton(self.tr("打印随访服务记录表"))
        paper.setAutoDefault(False)
        if years:
            paper.clicked.connect(lambda _c=False: self.print_visits(program, year.currentData()))
        else:
            year.addItem(self.tr("{year}年").replace("{year}", str(this_year)), this_year)
            year.setEnabled(False)
            paper.setEnabled(False)
            paper.setToolTip(self.tr("还没有随访记录"))
        self.paper_years[program] = year
        row.addWidget(year)
        row.addWidget(paper)
        return row

    def print_document(self, document: str):
        from app.views.print_page import print_resident_document

        self.preview = print_resident_document(self, self.store, str(self.resident_id), document)
        return self.preview

    def print_visits(self, program: str, year: int):
        from app.views.print_page import print_resident_visits

        self.preview = print_resident_visits(self, self.store, str(self.resident_id), program, year)
        return self.preview

    def end_management(self, enrolment_id) -> bool:
        from app.views.end_management import EndManagementDialog

        dialog = EndManagementDialog(self.store, enrolment_id, self)
        return dialog.exec() == QDialog.Accepted

    def _open_member(self, index) -> None:
        member_id = self.members.item(index.row(), 0).data(Qt.UserRole)
        parent = self.parent()
        self.accept()
        if isinstance(parent, ResidentsPage):
            parent.open_resident(member_id)


def insulin_text(visit) -> tuple[str, str]:
    """A visit's insulin: its type and dose as typed ("", "": none)."""
    insulin = visit.insulin or {}
    return (insulin.get("type") or "").strip(), (insulin.get("dosage") or "").strip()


def drug_text(drug: dict, english: bool) -> str:
    """One medication as a list shows it: 氨氯地平片 5mg×1 / Amlodipine 5 mg, once a day."""
    name, mg, times = (
        drug.get("name", ""),
        number_text(drug.get("mg_per_time")),
        number_text(drug.get("times_per_day")),
    )
    if not english:
        dose = f"{name} {mg}mg" if mg else name
        return f"{dose}×{times}" if times else dose
    dose = f"{name} {mg} mg" if mg else name
    if not times:
        return dose
    often = {"1": "once a day", "2": "twice a day"}.get(times, f"{times} times a day")
    return f"{dose}, {often}"

"""打印: batch prints (follow-up cards for everyone due, the home-visit worklist of a village group),
blank paper forms, and the slips of open referrals.  Every document opens in the preview first.

Batches are operations on a worker thread with progress and cancel (app.views.operations); the
list of open referrals refreshes itself when referrals change, whichever page changed them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.services import printing
from app.services.printing.choices import print_choices
from app.services.records.residents import find_resident
from app.views.operations import REFERRALS, RESIDENTS, Op, refresh_on
from app.views.print_preview import preview
from app.views.widgets import DateEdit, LazyPage, SideBySide, code_label, fit_columns, print_labels


class PrintPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.last_preview = None

        # 随访卡
        self.card_days = self._days(14)
        self.card_group = QComboBox()
        self.per_sheet = QComboBox()
        self.per_sheet.addItem(self.tr("每张A4纸10张卡"), 10)
        self.per_sheet.addItem(self.tr("每张A4纸8张卡"), 8)
        # an overdue patient's card says "逾期 N 天" unless the clinic plans a date (≥ today) here
        self.plan_overdue = QCheckBox(self.tr("逾期者印新约定日期"))
        self.plan_date = DateEdit()
        self.plan_date.setMinimumDate(QDate.currentDate())
        self.plan_date.setDate(QDate.currentDate().addDays(3))
        self.plan_date.setEnabled(False)
        self.plan_overdue.toggled.connect(self.plan_date.setEnabled)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_overdue)
        plan_row.addWidget(self.plan_date)
        plan_row.addStretch(1)
        self.cards_button = QPushButton(self.tr("生成随访卡…"))
        self.cards_button.clicked.connect(self.print_cards)
        cards = QGroupBox(self.tr("随访卡（批量）"))
        form = QFormLayout(cards)
        form.addRow(self.tr("逾期及多少天内到期"), self.card_days)
        form.addRow(self.tr("村民小组"), self.card_group)
        form.addRow(self.tr("排版"), self.per_sheet)
        form.addRow(self.tr("逾期者的卡"), plan_row)
        form.addRow(self.cards_button)

        # 入户随访工作单
        self.list_days = self._days(7)
        self.list_group = QComboBox()
        self.list_program = QComboBox()
        self.list_program.addItem(self.tr("全部项目"), None)
        for code in ("htn", "t2dm"):
            self.list_program.addItem(code_label("program", code), code)
        self.worklist_button = QPushButton(self.tr("生成工作单…"))
        self.worklist_button.clicked.connect(self.print_worklist)
        visits = QGroupBox(self.tr("入户随访工作单"))
        form = QFormLayout(visits)
        form.addRow(self.tr("逾期及多少天内到期"), self.list_days)
        form.addRow(self.tr("村民小组"), self.list_group)
        form.addRow(self.tr("管理项目"), self.list_program)
        form.addRow(self.worklist_button)

        # 空白随访表
        blanks = QGroupBox(self.tr("空白随访表（停电或外出时手填）"))
        row = QHBoxLayout(blanks)
        for code in ("htn", "t2dm"):
            button = QPushButton(self.tr("{program}随访表").replace("{program}", code_label("program", code)))
            button.clicked.connect(lambda _=False, c=code: self.print_blank(c))
            row.addWidget(button)
        row.addStretch(1)

        # 转诊单
        self.referrals = QTableWidget(0, 5)
        self.referrals.setHorizontalHeaderLabels(
            [self.tr("转诊日期"), self.tr("姓名"), self.tr("转入单位"), self.tr("状态"), self.tr("紧急")]
        )
        self.referrals.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.referrals.setSelectionMode(QAbstractItemView.SingleSelection)
        self.referrals.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.referrals.verticalHeader().hide()
        self.referrals.horizontalHeader().setStretchLastSection(True)
        self.referrals.doubleClicked.connect(lambda _i: self.print_referral(False))
        fit_columns(self.referrals, {0: 8, 1: 8, 2: 16, 3: 6})
        out_button = QPushButton(self.tr("打印转出单"))
        out_button.clicked.connect(lambda: self.print_referral(False))
        back_button = QPushButton(self.tr("打印回转单"))
        back_button.clicked.connect(lambda: self.print_referral(True))
        slips = QGroupBox(self.tr("未结束的转诊"))
        col = QVBoxLayout(slips)
        col.addWidget(self.referrals)
        buttons = QHBoxLayout()
        buttons.addWidget(out_button)
        buttons.addWidget(back_button)
        buttons.addStretch(1)
        col.addLayout(buttons)

        top = SideBySide(cards, visits)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("打印"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(title)
        lay.addWidget(top)
        lay.addWidget(blanks)
        lay.addWidget(slips, 1)
        # the village groups come with the residents' records; the slips with the referrals
        refresh_on(self, REFERRALS | RESIDENTS, self.refresh)

    def _days(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 365)
        box.setValue(value)
        box.setSuffix(self.tr(" 天"))
        return box

    def refresh(self) -> None:
        self._loaded = True
        choices = Op(self, self.store, print_choices).titled(self.tr("打印")).run()
        if choices is None:
            return
        groups, rows = choices.groups, choices.referrals
        for combo in (self.card_group, self.list_group):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            for gid, label in groups:
                combo.addItem(label, gid)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.referrals.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate(
                (
                    r.issued_on.isoformat(),
                    r.name,
                    r.to_institution,
                    code_label("referral_status", r.status),  # (as the 工作台 says it)
                    self.tr("是") if r.emergency else "",
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, r.id)
                self.referrals.setItem(i, j, item)
        if rows:  # an empty list keeps the widths fitted to its headers
            self.referrals.resizeColumnsToContents()

    # -- documents

    def _show(self, data: bytes | None, title: str, file_name: str) -> None:
        if data is None:  # cancelled
            return
        self.last_preview = preview(self.window(), data, title, file_name)

    def _batch(self, work) -> Op:
        """A batch document: built on the worker thread, refusals shown under the title 打印."""
        return Op(self, self.store, work).titled(self.tr("打印"))

    def print_cards(self):
        days, group, per_sheet = (
            self.card_days.value(),
            self.card_group.currentData(),
            self.per_sheet.currentData(),
        )
        planned = self.plan_date.date().toPython() if self.plan_overdue.isChecked() else None
        labels = print_labels()

        def work(s, progress):
            ids = printing.due_resident_ids(s, days, group_id=group)
            if not ids:
                return b""
            return printing.cards_pdf(
                s,
                ids,
                labels,
                per_sheet=per_sheet,
                planned=planned,
                progress=progress.report,
                cancelled=progress.cancelled,
            )

        def done(data):
            if data == b"":
                QMessageBox.information(self, self.tr("随访卡"), self.tr("没有逾期或即将到期的随访对象"))
                return
            self._show(data, self.tr("随访卡"), f"随访卡-{dt.date.today().isoformat()}.pdf")

        return self._batch(work).success(done).run_in_background(self.tr("正在生成随访卡…"))

    def print_worklist(self):
        days, group, program = (
            self.list_days.value(),
            self.list_group.currentData(),
            self.list_program.currentData(),
        )
        labels = print_labels()

        def work(s, _progress):
            return printing.worklist_pdf(s, labels, due_within=days, group_id=group, program=program)

        def done(data):
            self._show(data, self.tr("入户随访工作单"), f"入户随访工作单-{dt.date.today().isoformat()}.pdf")

        return self._batch(work).success(done).run_in_background(self.tr("正在生成工作单…"))

    def print_blank(self, program: str) -> None:
        labels = print_labels()
        data = (
            Op(self, self.store, lambda s: printing.blank_form_pdf(program, labels, s))
            .titled(self.tr("打印"))
            .run()
        )
        if data is not None:
            self._show(data, self.tr("空白随访表"), f"空白随访表-{program}.pdf")

    def print_referral(self, returning: bool) -> None:
        items = self.referrals.selectedItems()
        if not items:
            QMessageBox.information(self, self.tr("打印"), self.tr("请先选择一张转诊单"))
            return
        print_referral_slip(self, self.store, items[0].data(Qt.UserRole), returning)


def print_referral_slip(parent: QWidget, store: Store, referral_id, returning: bool = False):
    labels = print_labels()
    data = (
        Op(parent, store, lambda s: printing.referral_pdf(s, referral_id, labels, returning=returning))
        .titled(QCoreApplication.translate("PrintPage", "打印"))
        .run()
    )
    if data is None:
        return None
    title = (
        QCoreApplication.translate("PrintPage", "双向转诊（回转）单")
        if returning
        else QCoreApplication.translate("PrintPage", "双向转诊（转出）单")
    )
    return preview(parent, data, title, f"{title}-{str(referral_id)[-8:]}.pdf")  # (no id: its last digits)


def print_resident_document(parent: QWidget, store: Store, resident_ref: str, document: str):
    """``card``, ``cover`` or ``record`` (个人基本信息表) of one resident (archive number or id), in the preview."""
    labels = print_labels()
    render_pdf = {"card": printing.card_pdf, "cover": printing.cover_pdf, "record": printing.record_pdf}[
        document
    ]

    def work(s):
        archive_no = find_resident(s, resident_ref).archive_no
        return archive_no, render_pdf(s, archive_no, labels)

    title = {
        "card": QCoreApplication.translate("PrintPage", "随访卡"),
        "cover": QCoreApplication.translate("PrintPage", "档案封面"),
        "record": QCoreApplication.translate("PrintPage", "个人基本信息表"),
    }[document]
    made = Op(parent, store, work).titled(QCoreApplication.translate("PrintPage", "打印")).run()
    if made is None:
        return None
    archive_no, data = made
    return preview(parent, data, title, f"{title}-{archive_no}.pdf")


def print_resident_visits(parent: QWidget, store: Store, resident_ref: str, program: str, year: int):
    """随访服务记录表 of one resident, programme (htn | t2dm) and year, filled, in the preview."""
    labels = print_labels()

    def work(s):
        archive_no = find_resident(s, resident_ref).archive_no
        return archive_no, printing.visits_pdf(s, archive_no, program, year, labels)

    made = Op(parent, store, work).titled(QCoreApplication.translate("PrintPage", "打印")).run()
    if made is None:
        return None
    archive_no, data = made
    title = QCoreApplication.translate("PrintPage", "随访服务记录表")
    return preview(parent, data, title, f"{title}-{program}-{year}-{archive_no}.pdf")

"""签约: family-doctor contracts — list (all, in force, ending within 30 days), sign a resident or a
household, correct one in force, renew, end with a reason, print the 签约服务协议书."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.errors import LIST_SEPARATOR
from app.services.programmes import contracts
from app.services.sync.capture import trusted_today
from app.views.operations import RESIDENTS, Op, ReadOp, refresh_on
from app.views.widgets import (
    CheckGroup,
    DateEdit,
    ErrorLabel,
    LazyPage,
    code_label,
    fit_columns,
    hide_if_all_alike,
    lang,
    print_labels,
    read_only_table,
    render,
    toolbar,
    translate,
)

CONTRACTS = frozenset({"family_contract"})
# the list's columns, by key: 状态 and 签字 right after who and where, in sight when it scrolls
COLUMNS = ("archive_no", "name", "village", "status", "signature", "start", "end", "doctor", "packages")
COLUMN = {key: i for i, key in enumerate(COLUMNS)}
# (in digit widths) a column as wide as its text up to twice this; 状态 up to STATUS_MOST; 服务包
# (the last) what the others leave, never less than PACKAGES_LEAST
WIDTHS = dict(archive_no=18, name=6, village=6, status=8, signature=9, start=11, end=11, doctor=6)
STATUS_MOST = 30
PACKAGES_LEAST = 14
AWAITING = QColor("#b26a00")  # 签字 of a contract its resident has yet to sign (as the reminder's)
DOCTORS_AFTER_MS = 300  # (a township's 签约医生: the resident's village's doctors, read after the last key)


def tell(page, text: str) -> None:
    """A short note in the main window's status bar (a page tested alone has none)."""
    window = page.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, 8000)


class ContractDialog(QDialog):
    """新签约: resident, doctor and team, packages, start and term, the whole household or not.  With
    ``chosen``: 修改 that contract (contracts.edit_contract), its resident as it is, the form filled
    from it.  签约医生 offers the known doctors as it is typed and takes a name typed by hand."""

    def __init__(
        self,
        store: Store,
        resident_ref: str = "",
        parent=None,
        *,
        chosen: contracts.ContractRow | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.chosen = chosen
        self.setWindowTitle(self.tr("家庭医生签约") if chosen is None else self.tr("修改签约"))
        self.resident = QLineEdit(resident_ref)
        self.resident.setPlaceholderText(self.tr("姓名、17位档案编号或后8位"))
        self.doctor = QLineEdit()
        self.doctor.setPlaceholderText(self.tr("留空：当前用户"))
        # (a slip names a doctor who does not exist: the known ones are offered as one types)
        self.doctor_names = QCompleter([], self)
        self.doctor_names.setCaseSensitivity(Qt.CaseInsensitive)
        self.doctor_names.setFilterMode(Qt.MatchContains)
        self.doctor.setCompleter(self.doctor_names)
        ref = str(chosen.resident_id) if chosen is not None else resident_ref
        doctors = ReadOp(self, store, lambda s: contracts.doctor_choices(s, ref)).run()
        if doctors is not None:
            self.doctor.setText(doctors.default)
            self.doctor_names.model().setStringList(list(doctors.names))
        # a township's: the doctors of the village of the resident named, read again a moment
        # after another is typed (a timer of the dialog's own, as 登记贫困户's)
        self._typed = QTimer(self)
        self._typed.setSingleShot(True)
        self._typed.setInterval(DOCTORS_AFTER_MS)
        self._typed.timeout.connect(self.offer_doctors)
        if doctors is not None and doctors.per_resident and chosen is None:
            self.resident.textEdited.connect(lambda _text: self._typed.start())
        self.team = QLineEdit()
        self.packages = CheckGroup("contract_package", columns=4)
        self.packages.set_codes(["basic"])
        self.start = DateEdit(QDate.currentDate())
        self.years = QSpinBox()
        self.years.setRange(1, contracts.MAX_YEARS)
        self.years.setSuffix(self.tr(" 年"))
        self.household = QCheckBox(self.tr("全户签约（在册家庭成员一起签）"))
        if chosen is not None:
            self.resident.setText(f"{chosen.resident_name} {chosen.archive_no}")
            self.resident.setEnabled(False)  # (signed for the wrong resident: ended, and signed anew)
            self.doctor.setText(chosen.doctor)
            self.doctor.setPlaceholderText("")  # (a contract keeps a doctor: emptied, it is refused)
            self.team.setText(chosen.team)
            self.packages.set_codes(list(chosen.packages))
            self.start.setDate(QDate(chosen.start_on))
            self.start.setEnabled(chosen.renewed_from_id is None)  # a renewal's follows the term before
            self.years.setValue(chosen.years)
            self.household.hide()
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("居民"), self.resident)
        form.addRow(self.tr("签约医生"), self.doctor)
        form.addRow(self.tr("签约团队"), self.team)
        form.addRow(self.tr("服务包"), self.packages)
        form.addRow(self.tr("签约日期"), self.start)
        form.addRow(self.tr("签约年限"), self.years)
        form.addRow("", self.household)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("签约") if chosen is None else self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.result_text = ""

    def offer_doctors(self) -> None:
        """签约医生 offers the doctors of the village of the resident now named (none while the
        name names nobody)."""
        ref = self.resident.text()
        ReadOp(self, self.store, lambda s: contracts.doctor_choices(s, ref)).success(
            lambda doctors: self.doctor_names.model().setStringList(list(doctors.names))
        ).failure(lambda _e: None).run()

    def save(self) -> None:
        ref, doctor, team = self.resident.text(), self.doctor.text(), self.team.text()
        packages, start = self.packages.codes(), self.start.date().toPython()
        years, household = self.years.value(), self.household.isChecked()
        chosen = self.chosen

        def work(s):
            if chosen is not None:
                contracts.edit_contract(
                    s, chosen.id, doctor=doctor, team=team, packages=packages, start=start, years=years
                )
                return None
            made, skipped = contracts.add_contract(
                s,
                ref,
                doctor=doctor,
                team=team,
                packages=packages,
                start=start,
                years=years,
                household=household,
            )
            return len(made), [m.name for m in skipped]

        Op(self, self.store, work).success(self._saved).failure(
            lambda e: self.error.show_error(render(e.message))
        ).run()

    def _saved(self, result) -> None:
        if self.chosen is not None:
            self.result_text = self.tr("已修改 {name} 的签约").replace("{name}", self.chosen.resident_name)
            self.accept()
            return
        made, skipped = result
        self.result_text = self.tr("已签约 {n} 人").replace("{n}", str(made))
        if skipped:
            names = translate("Field", LIST_SEPARATOR).join(skipped)  # (", " in English)
            self.result_text += self.tr("；已有有效签约：{names}").replace("{names}", names)
        self.accept()


class ContractsPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.filter = QComboBox()
        self.filter.addItem(self.tr("履约中"), "active")
        self.filter.addItem(
            self.tr("{days}天内到期").replace("{days}", str(contracts.REMIND_DAYS)), "expiring"
        )
        self.filter.addItem(self.tr("全部（含历史）"), "all")
        self.filter.currentIndexChanged.connect(self.refresh)
        self.reminder = QLabel()
        self.reminder.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.add_button = QPushButton(self.tr("新签约…"))
        self.renew_button = QPushButton(self.tr("续约"))
        self.end_button = QPushButton(self.tr("解约…"))
        self.signed_button = QPushButton(self.tr("已签字"))
        self.signed_button.clicked.connect(self.mark_signed)
        self.print_button = QPushButton(self.tr("打印协议书…"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.add_button.clicked.connect(self.new_contract)
        self.edit_button.clicked.connect(self.edit_contract)
        self.renew_button.clicked.connect(self.renew)
        self.end_button.clicked.connect(self.end)
        self.print_button.clicked.connect(self.print_agreement)
        top = toolbar(
            [QLabel(self.tr("显示")), self.filter],
            [
                self.add_button,
                self.edit_button,
                self.renew_button,
                self.signed_button,
                self.end_button,
                self.print_button,
            ],
        )
        headers = {
            "archive_no": self.tr("档案编号"),
            "name": self.tr("姓名"),
            "village": self.tr("村"),
            "status": self.tr("状态"),
            "signature": self.tr("签字"),
            "start": self.tr("开始"),
            "end": self.tr("结束"),
            "doctor": self.tr("签约医生"),
            "packages": self.tr("服务包"),
        }
        self.table = read_only_table([headers[k] for k in COLUMNS])
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self._viewport = self.table.viewport()
        self._viewport.installEventFilter(self)
        self.fit()
        lay = QVBoxLayout(self)
        lay.addWidget(top)
        lay.addWidget(self.reminder)
        lay.addWidget(self.table, 1)
        self.rows: list[contracts.ContractRow] = []
        refresh_on(self, CONTRACTS | RESIDENTS, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        mode = self.filter.currentData()

        def load(s):
            rows = contracts.list_contracts(
                s,
                expiring_days=contracts.REMIND_DAYS if mode == "expiring" else None,
                include_history=mode == "all",
            )
            return rows, len(contracts.expiring_soon(s)), trusted_today(s)

        found = Op(self, self.store, load).run()
        if found is None:
            return
        self.rows, expiring, today = found
        self.reminder.setText(
            self.tr("{n} 份签约{days}天内到期，请及时续约")
            .replace("{n}", str(expiring))
            .replace("{days}", str(contracts.REMIND_DAYS))
            if expiring
            else ""
        )
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            packages = (", " if lang() == "en" else "、").join(
                code_label("contract_package", p) for p in r.packages
            )
            values = {
                "archive_no": r.archive_no,
                "name": r.resident_name,
                "village": r.village,
                "status": render(contracts.status_message(r, today)),
                "signature": code_label("contract_signature", r.signature),
                "start": r.start_on.isoformat(),
                "end": r.end_on.isoformat(),
                "doctor": r.doctor,
                "packages": packages,
            }
            for j, key in enumerate(COLUMNS):
                self.table.setItem(i, j, QTableWidgetItem(values[key]))
            if r.signature != contracts.SIGNED:  # (said here only: 状态 says the term's state)
                self.table.item(i, COLUMN["signature"]).setForeground(AWAITING)
        hide_if_all_alike(self.table, COLUMN["village"], (r.village for r in self.rows))
        self.fit()

    def fit(self) -> None:
        """Each column as wide as its text (up to twice its width here), 状态 as its longest (a
        reason, up to a limit: the rest in its tooltip), 服务包 what the others leave it (its text
        cut short, whole in its tooltip: a contract of several packages, in English, took a
        township's list past a 1024-px window): at 1024 px the list reads without scrolling;
        narrower, it scrolls sideways with 状态 in sight."""
        fit_columns(self.table, {COLUMN[key]: width for key, width in WIDTHS.items()})
        status, header = COLUMN["status"], self.table.horizontalHeader()
        most = STATUS_MOST * self.table.fontMetrics().horizontalAdvance("0")
        header.resizeSection(
            status, max(header.sectionSize(status), min(self.table.sizeHintForColumn(status), most))
        )
        self.fit_packages()

    def fit_packages(self) -> None:
        """服务包 (the last column) as wide as the room the others leave, up to its text's width
        (stretched wider by the header), never narrower than PACKAGES_LEAST digits; whole where
        the list scrolls sideways all the same (cut short, it would save no scrolling)."""
        table, header, packages = self.table, self.table.horizontalHeader(), COLUMN["packages"]
        others = sum(
            header.sectionSize(c)
            for c in range(table.columnCount())
            if c != packages and not table.isColumnHidden(c)
        )
        em = table.fontMetrics().horizontalAdvance("0")
        least = max(PACKAGES_LEAST * em, header.sectionSizeFromContents(packages).width() + em)
        room, whole = table.viewport().width() - others, table.sizeHintForColumn(packages)
        header.resizeSection(packages, max(least, whole if room < least else min(whole, room)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._viewport and event.type() == QEvent.Resize:
            self.fit_packages()  # (the window resized, or the vertical scroll bar came or went)
        return False

    def selected(self) -> contracts.ContractRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def new_contract(self) -> ContractDialog:
        chosen = self.selected()
        dialog = ContractDialog(self.store, chosen.archive_no if chosen else "", self)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: tell(self, dialog.result_text))
        dialog.show()
        return dialog

    def edit_contract(self) -> ContractDialog | None:
        """修改… the selected contract, if it is one that may be corrected (in force, or a renewal
        yet to begin): a dialog filled from it."""
        chosen = self.selected()
        if chosen is None:
            QMessageBox.information(self, self.tr("修改签约"), self.tr("请先选择一份签约"))
            return None
        if not Op(self, self.store, lambda s: contracts.editable(s, chosen.id) is not None).run():
            return None  # (said why not: ended, renewed, lapsed, another village's)
        dialog = ContractDialog(self.store, parent=self, chosen=chosen)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: tell(self, dialog.result_text))
        dialog.show()
        return dialog

    def renew(self):
        """续约, once asked: a new term from the day after this one ends, signed on paper again."""
        chosen = self.selected()
        if chosen is None:
            return None
        if not self.confirm(
            self.tr("续约"),
            self.tr(
                "为 {name} 续约：新签约从本期期满后开始，签约医生和服务包不变，需居民重新签字。继续吗？"
            ).replace("{name}", chosen.resident_name),
        ):
            return None

        def work(s):
            new = contracts.renew_contract(s, chosen.id)
            return new.start_on, new.end_on

        term = Op(self, self.store, work).run()
        if term is not None:
            tell(
                self,
                self.tr("已为 {name} 续约：{start} 至 {end}，请打印协议书请居民签字")
                .replace("{name}", chosen.resident_name)
                .replace("{start}", term[0].isoformat())
                .replace("{end}", term[1].isoformat()),
            )
        return term

    def confirm(self, title: str, text: str) -> bool:
        """Whether the user goes on (tests replace this)."""
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def mark_signed(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            Op(self, self.store, lambda s: contracts.mark_signed(s, chosen.id) and None).run()

    def end(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("解约"), self.tr("{name} 的解约原因：").replace("{name}", chosen.resident_name)
        )
        if ok:
            Op(self, self.store, lambda s: contracts.end_contract(s, chosen.id, reason) and None).run()

    def print_agreement(self):
        from app.services.printing import contract_form
        from app.views.print_preview import preview

        chosen = self.selected()
        if chosen is None:
            QMessageBox.information(self, self.tr("打印协议书"), self.tr("请先选择一份签约"))
            return None
        labels = print_labels()
        data = Op(self, self.store, lambda s: contract_form.pdf(s, chosen.id, labels)).run()
        if data is None:
            return None
        return preview(self.window(), data, self.tr("签约服务协议书"), f"签约协议-{chosen.archive_no}.pdf")

"""签约: family-doctor contracts — list (all, in force, ending within 30 days), sign a resident or a
household, renew, end with a reason, print the 签约服务协议书."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from app.services.programmes import contracts
from app.services.sync.capture import trusted_today
from app.views.operations import RESIDENTS, Op, refresh_on
from app.views.widgets import (
    CheckGroup,
    DateEdit,
    ErrorLabel,
    LazyPage,
    code_label,
    fit_columns,
    lang,
    print_labels,
    read_only_table,
    render,
    toolbar,
)

CONTRACTS = frozenset({"family_contract"})


def tell(page, text: str) -> None:
    """A short note in the main window's status bar (a page tested alone has none)."""
    window = page.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, 8000)


class ContractDialog(QDialog):
    """新签约: resident, doctor and team, packages, start and term, the whole household or not."""

    def __init__(self, store: Store, resident_ref: str = "", parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("家庭医生签约"))
        self.resident = QLineEdit(resident_ref)
        self.resident.setPlaceholderText(self.tr("姓名、17位档案编号或后8位"))
        self.doctor = QLineEdit()
        self.doctor.setPlaceholderText(self.tr("留空：当前用户"))
        self.team = QLineEdit()
        self.packages = CheckGroup("contract_package", columns=4)
        self.packages.set_codes(["basic"])
        self.start = DateEdit(QDate.currentDate())
        self.years = QSpinBox()
        self.years.setRange(1, contracts.MAX_YEARS)
        self.years.setSuffix(self.tr(" 年"))
        self.household = QCheckBox(self.tr("全户签约（在册家庭成员一起签）"))
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
        buttons.button(QDialogButtonBox.Save).setText(self.tr("签约"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.result_text = ""

    def save(self) -> None:
        ref, doctor, team = self.resident.text(), self.doctor.text(), self.team.text()
        packages, start = self.packages.codes(), self.start.date().toPython()
        years, household = self.years.value(), self.household.isChecked()

        def work(s):
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
        made, skipped = result
        self.result_text = self.tr("已签约 {n} 人").replace("{n}", str(made))
        if skipped:
            self.result_text += self.tr("；已有有效签约：{names}").replace("{names}", "、".join(skipped))
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
        self.add_button.clicked.connect(self.new_contract)
        self.renew_button.clicked.connect(self.renew)
        self.end_button.clicked.connect(self.end)
        self.print_button.clicked.connect(self.print_agreement)
        top = toolbar(
            [QLabel(self.tr("显示")), self.filter],
            [self.add_button, self.renew_button, self.signed_button, self.end_button, self.print_button],
        )
        self.table = read_only_table(
            [
                self.tr("档案编号"),
                self.tr("姓名"),
                self.tr("签约医生"),
                self.tr("服务包"),
                self.tr("开始"),
                self.tr("结束"),
                self.tr("状态"),
                self.tr("签字"),
            ]
        )
        # (服务包 and 状态 narrow enough for 签字 to be in sight at 1024 px)
        fit_columns(self.table, {0: 20, 1: 8, 2: 8, 3: 26, 4: 11, 5: 11, 6: 12, 7: 10})
        self.table.horizontalHeader().setStretchLastSection(True)
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
            status = code_label("contract_status", r.status)
            if r.awaiting_signature(today):
                status = self.tr("待居民签字")
            if r.lapsed:
                status = self.tr("已到期")
            if r.yet_to_begin(today):
                status = self.tr("{start} 起生效").replace("{start}", r.start_on.isoformat())
            if r.ended_on:
                status += f" {r.ended_on.isoformat()} {r.end_reason}"
            packages = (", " if lang() == "en" else "、").join(
                code_label("contract_package", p) for p in r.packages
            )
            values = [
                r.archive_no,
                r.resident_name,
                r.doctor,
                packages,
                r.start_on.isoformat(),
                r.end_on.isoformat(),
                status,
                code_label("contract_signature", r.signature),
            ]
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))

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

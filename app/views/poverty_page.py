"""贫困户: the poverty workbench — registered households with their signing and this month's
follow-ups; households not fully signed, poor chronic patients without this month's visit, plans
(一患一策) due for review, patients without a plan, residents without this year's free health check."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.programmes import poverty
from app.views.contracts_page import CONTRACTS, tell
from app.views.operations import FOLLOWUPS, RESIDENTS, Op, refresh_on
from app.views.widgets import (
    CodeCombo,
    DateEdit,
    ErrorLabel,
    LazyPage,
    WrappingTabs,
    code_label,
    fit_columns,
    hide_if_all_alike,
    line_edit,
    read_only_table,
    render,
    save_path,
)

POVERTY = frozenset({"poverty_household", "poverty_plan"})


def _dialog_buttons(dialog: QDialog, save_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Save).setText(save_text)
    buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("PovertyPage", "取消"))
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


LOAD_AFTER_MS = 300  # 登记贫困户 reads the household named this long after the last key


class HouseholdDialog(QDialog):
    """登记贫困户: any member's archive number, status, cause and the poverty-by-illness flags."""

    def __init__(self, store: Store, resident_ref: str = "", parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("登记贫困户"))
        self.resident = line_edit(self.tr("任一家庭成员的姓名或档案编号"))
        self.resident.setText(resident_ref)
        self.status = CodeCombo("poverty_status", blank=False)
        self.cause = CodeCombo("poverty_cause")
        self.by_illness = QCheckBox(self.tr("因病致贫"))
        self.relapse = QCheckBox(self.tr("因病返贫"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("家庭成员"), self.resident)
        form.addRow(self.tr("贫困户类型"), self.status)
        form.addRow(self.tr("致贫原因"), self.cause)
        flags = QHBoxLayout()
        flags.addWidget(self.by_illness)
        flags.addWidget(self.relapse)
        form.addRow("", flags)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(_dialog_buttons(self, self.tr("保存")))
        # read again a moment after the member typed changes (a timer of the dialog's own: a focus
        # lost while the dialog is torn down, editingFinished's moment, reached a half-gone dialog)
        self._typed = QTimer(self)
        self._typed.setSingleShot(True)
        self._typed.setInterval(LOAD_AFTER_MS)
        self._typed.timeout.connect(self.load)
        self.resident.textEdited.connect(lambda _text: self._typed.start())
        self._loaded_for: str | None = None
        self.load()

    def load(self) -> None:
        """The household's registration as it is (type, cause, flags), when the member named has
        one: saved unchanged, the form changes nothing (it reset a 防返贫监测户 to 建档立卡 and
        cleared its 因病返贫).  A household not registered yet starts from the form's defaults."""
        ref = self.resident.text().strip()
        if not ref or ref == self._loaded_for:
            return
        self._loaded_for = ref

        def read(s):
            row = poverty.registration_of(s, ref)
            return None if row is None else (row.status, row.cause, row.by_illness, row.relapse_by_illness)

        Op(self, self.store, read).success(self._show).failure(lambda _e: None).run()

    def _show(self, found) -> None:
        if found is None:
            return
        status, cause, by_illness, relapse = found
        self.status.set_code(status)
        self.cause.set_code(cause)
        self.by_illness.setChecked(bool(by_illness))
        self.relapse.setChecked(bool(relapse))

    def save(self) -> None:
        ref, status, cause = self.resident.text(), self.status.code(), self.cause.code()
        by_illness, relapse = self.by_illness.isChecked(), self.relapse.isChecked()
        Op(
            self,
            self.store,
            lambda s: (
                poverty.set_household(
                    s, ref, status=status, cause=cause, by_illness=by_illness, relapse_by_illness=relapse
                )
                and None
            ),
        ).success(lambda _r: self.accept()).failure(lambda e: self.error.show_error(render(e.message))).run()


class PlanDialog(QDialog):
    """一患一策: condition, treatment track, measures, review date, this year's free health check."""

    def __init__(self, store: Store, resident_ref: str = "", parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("一患一策"))
        # hints and choices read whole, in either language
        self.resident = line_edit(self.tr("姓名、17位档案编号或后8位"))
        self.resident.setText(resident_ref)
        self.condition = line_edit(self.tr("留空：在管的慢病"))
        self.track = CodeCombo("poverty_track", blank=False)
        self.track.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.measures = QPlainTextEdit()
        self.measures.setFixedHeight(80)
        self.review = DateEdit(QDate.currentDate().addMonths(3))
        self.checked = QCheckBox(self.tr("今年已做，日期"))
        self.check_date = DateEdit(QDate.currentDate())
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("患者"), self.resident)
        form.addRow(self.tr("疾病"), self.condition)
        form.addRow(self.tr("救治方式"), self.track)
        form.addRow(self.tr("帮扶措施"), self.measures)
        form.addRow(self.tr("复核日期"), self.review)
        check = QHBoxLayout()
        check.addWidget(self.checked)
        check.addWidget(self.check_date)
        form.addRow(self.tr("免费健康体检"), check)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(_dialog_buttons(self, self.tr("保存")))

    def save(self) -> None:
        ref, condition, track = self.resident.text(), self.condition.text(), self.track.code()
        measures, review = self.measures.toPlainText(), self.review.date().toPython()
        check = self.check_date.date().toPython() if self.checked.isChecked() else ""
        Op(
            self,
            self.store,
            lambda s: (
                poverty.add_plan(
                    s,
                    ref,
                    track=track,
                    measures=measures,
                    review=review,
                    condition=condition,
                    health_check=check,
                )
                and None
            ),
        ).success(lambda _r: self.accept()).failure(lambda e: self.error.show_error(render(e.message))).run()


class PovertyPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.register_button = QPushButton(self.tr("登记贫困户…"))
        self.plan_button = QPushButton(self.tr("一患一策…"))
        self.check_button = QPushButton(self.tr("免费健康体检…"))
        self.check_button.setToolTip(self.tr("为所选居民录入今年的免费健康体检（健康体检表）"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.print_button = QPushButton(self.tr("打印一户一档…"))
        self.register_button.clicked.connect(self.register_household)
        self.plan_button.clicked.connect(self.new_plan)
        self.check_button.clicked.connect(self.record_check)
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(self.print_household)
        top = QHBoxLayout()
        top.addStretch(1)
        for b in (
            self.register_button,
            self.plan_button,
            self.check_button,
            self.print_button,
            self.export_button,
        ):
            top.addWidget(b)
        # the lists with their counts: all in sight, on two lines when narrow (a tab bar hid the
        # last ones behind scroll arrows at 800 px, in English even at 1024)
        self.tabs = WrappingTabs()
        self.households = read_only_table(
            [
                self.tr("村"),
                self.tr("户主"),
                self.tr("档案编号"),
                self.tr("贫困户类型"),
                self.tr("致贫原因"),
                self.tr("签约"),
                self.tr("慢病本月随访"),
            ]
        )
        fit_columns(self.households, {0: 10, 1: 8, 2: 20, 3: 28, 4: 14, 5: 8, 6: 12})
        self.lists = {}
        # each list's own columns (a column it has nothing for is not shown: 今年未体检 showed an
        # empty 说明 and 日期, and 日期 did not say of what)
        columns = {
            "not_visited": (self.tr("管理项目"), self.tr("上次随访")),
            "plans_due": (self.tr("病种"), self.tr("复核日期")),
            "no_plan": (self.tr("管理项目"), None),
            "no_health_check": (None, None),
        }
        for key, (detail, day) in columns.items():
            table = read_only_table([self.tr("姓名"), self.tr("档案编号"), detail or "", day or ""])
            fit_columns(table, {0: 8, 1: 20, 2: 20, 3: 11})
            table.horizontalHeader().setStretchLastSection(True)
            table.setColumnHidden(2, detail is None)
            table.setColumnHidden(3, day is None)
            self.lists[key] = table
        self.unsigned = read_only_table(
            [self.tr("村"), self.tr("户主"), self.tr("档案编号"), self.tr("已签约/在册")]
        )
        fit_columns(self.unsigned, {0: 10, 1: 8, 2: 20, 3: 12})
        for t in (self.households, self.unsigned):
            t.horizontalHeader().setStretchLastSection(True)
        self.tab_titles = {
            "households": self.tr("贫困户"),
            "unsigned": self.tr("未全户签约"),
            "not_visited": self.tr("本月未随访"),
            "plans_due": self.tr("一患一策待复核"),
            "no_plan": self.tr("未制定一患一策"),
            "no_health_check": self.tr("今年未体检"),
        }
        self.tabs.addTab(self.households, self.tab_titles["households"])
        self.tabs.addTab(self.unsigned, self.tab_titles["unsigned"])
        for key, table in self.lists.items():
            self.tabs.addTab(table, self.tab_titles[key])
        self.error = ErrorLabel()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.error)
        lay.addWidget(self.tabs, 1)
        refresh_on(self, POVERTY | CONTRACTS | RESIDENTS | FOLLOWUPS, self.refresh)

    def refresh(self) -> None:
        self._loaded = True
        wb = Op(self, self.store, poverty.workbench).run()
        if wb is None:
            return
        rows = Op(self, self.store, poverty.list_households).run() or []
        self.households.setRowCount(len(rows))
        for i, h in enumerate(rows):
            values = [
                h.village,
                h.head,
                h.head_archive_no,
                code_label("poverty_status", h.status),
                code_label("poverty_cause", h.cause),
                f"{h.signed}/{h.members}",
                f"{h.chronic_visited}/{h.chronic}",
            ]
            for j, v in enumerate(values):
                self.households.setItem(i, j, QTableWidgetItem(v))
        for table, villages in ((self.households, rows), (self.unsigned, wb.unsigned_households)):
            hide_if_all_alike(table, 0, (h.village for h in villages))  # 村
        self.unsigned.setRowCount(len(wb.unsigned_households))
        for i, h in enumerate(wb.unsigned_households):
            for j, v in enumerate([h.village, h.head, h.head_archive_no, f"{h.signed}/{h.members}"]):
                self.unsigned.setItem(i, j, QTableWidgetItem(v))
        counts = {"households": len(rows), "unsigned": len(wb.unsigned_households)}
        for key, table in self.lists.items():
            items = getattr(wb, key)
            counts[key] = len(items)
            table.setRowCount(len(items))
            for i, w in enumerate(items):
                detail = code_label("program", w.program) if w.program else w.detail
                for j, v in enumerate([w.name, w.archive_no, detail, w.due.isoformat() if w.due else ""]):
                    table.setItem(i, j, QTableWidgetItem(v))
        # what each tab counts, said: households, people, or plans
        units = {
            "households": self.tr("{n} 户"),
            "unsigned": self.tr("{n} 户"),
            "plans_due": self.tr("{n} 份"),
        }
        for index, key in enumerate(self.tab_titles):
            n = units.get(key, self.tr("{n} 人")).replace("{n}", str(counts[key]))
            self.tabs.setTabText(index, f"{self.tab_titles[key]} ({n})")

    def _selected_archive_no(self) -> str:
        table = self.tabs.currentWidget()
        row = table.currentRow()
        column = 2 if table in (self.households, self.unsigned) else 1
        item = table.item(row, column) if row >= 0 else None
        return item.text() if item else ""

    def register_household(self) -> HouseholdDialog:
        dialog = HouseholdDialog(self.store, self._selected_archive_no(), self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def new_plan(self) -> PlanDialog:
        dialog = PlanDialog(self.store, self._selected_archive_no(), self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def record_check(self):
        """The year's free health check (健康体检表) of the chosen resident: under 65 without the
        self-care assessment, which is the elderly's."""
        from app.views.elderly_check import open_check_dialog

        ref = self._selected_archive_no()
        if not ref:
            QMessageBox.information(self, self.tr("免费健康体检"), self.tr("请先在名单中选择一位居民"))
            return None
        self.check_dialog = open_check_dialog(self, self.store, ref)
        return self.check_dialog

    def print_household(self):
        """一户一档、一患一策 of the chosen household, in the print preview (print or save as PDF)."""
        from app.services.printing import poverty_sheet
        from app.views.print_preview import preview
        from app.views.widgets import print_labels

        ref = self._selected_archive_no()
        if not ref:
            QMessageBox.information(self, self.tr("打印一户一档"), self.tr("请先选择一户或一位患者"))
            return None
        labels = print_labels()
        data = Op(self, self.store, lambda s: poverty_sheet.household_pdf(s, ref, labels)).run()
        if data is None:
            return None
        return preview(self.window(), data, self.tr("一户一档、一患一策"), f"一户一档-{ref}.pdf")

    def export(self) -> None:
        path = save_path(self, self.tr("导出贫困户"), "贫困户.xlsx", "Excel (*.xlsx)")
        if not path:
            return
        n = Op(self, self.store, lambda s: poverty.export_households(s, path)).run()
        if n is not None:
            tell(self, self.tr("已导出 {n} 户").replace("{n}", str(n)))

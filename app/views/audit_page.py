"""审计: the audit trail with filters (dates, user, action, text) and CSV export.
For admins and township staff; the service refuses everyone else.  The list refreshes itself
when audit entries commit (every recorded action writes one)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db import Store
from app.services.access import audit, audit_review
from app.services.access.actor import ROLE_LABELS, SYSTEM_ACTOR
from app.services.errors import UserError
from app.services.quality import review
from app.services.records.field_labels import field_label
from app.views.operations import AUDIT, Op, refresh_on
from app.views.widgets import (
    DateEdit,
    LazyPage,
    code_label,
    fit_columns,
    lang,
    read_only_table,
    render,
    translate,
)


class AuditPage(LazyPage):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        today = QDate.currentDate()
        self.since = DateEdit(today.addDays(-7))
        self.until = DateEdit(today)
        self.user = QComboBox()
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), "")
        # the documents the printing service names in a print's summary (app.services.printing)
        self.documents = {
            "referral": self.tr("双向转诊单"),
            "card": self.tr("随访卡"),
            "cards": self.tr("随访卡（批量）"),
            "cover": self.tr("档案封面"),
            "record": self.tr("居民健康档案"),
            "visits": self.tr("随访服务记录表"),
            "worklist": self.tr("入户随访工作单"),
            "elderly worklist": self.tr("老年人体检工作单"),
            "selfcare": self.tr("老年人生活自理能力评估表"),
            "elderly_check": self.tr("老年人健康体检表"),
            "contract agreement": self.tr("签约协议"),
            "poverty_household": self.tr("一户一档"),
            "smi_visit": self.tr("严重精神障碍患者随访服务记录表"),
            "education record": self.tr("健康教育活动记录表"),
        }
        self.labels = {
            "create": self.tr("新建"),
            "update": self.tr("修改"),
            "void": self.tr("作废"),
            "delete": self.tr("删除"),
            "print": self.tr("打印"),
            "export": self.tr("导出"),
            "import": self.tr("导入"),
            "login": self.tr("登录"),
            "login_failed": self.tr("登录失败"),
            "denied": self.tr("无权限被拒绝"),
            "password": self.tr("设置密码"),
            "user_create": self.tr("添加用户"),
            "user_deactivate": self.tr("停用用户"),
            "device_trust": self.tr("信任设备"),
            "device_revoke": self.tr("撤销设备"),
            "backup": self.tr("备份"),
            "restore": self.tr("恢复备份"),
            "resolve": self.tr("处理冲突"),
            "review": self.tr("审核"),
            "user_permissions": self.tr("设置权限"),
            "read": self.tr("查看"),
        }
        self.entities = {
            "resident": self.tr("居民档案"),
            "household": self.tr("户"),
            "followup_visit": self.tr("随访"),
            "program_enrolment": self.tr("慢病管理"),
            "referral": self.tr("转诊"),
            "app_user": self.tr("用户"),
            "sync_bundle": self.tr("同步包"),
            "sync_peer": self.tr("设备"),
            "village": self.tr("村"),
            "township": self.tr("乡镇"),
            "village_group": self.tr("村民小组"),
            "population_figure": self.tr("人口数"),
            "review_decision": self.tr("审核结论"),
            "poverty_household": self.tr("贫困户"),
            "poverty_plan": self.tr("一患一策"),
            "education_activity": self.tr("健康教育活动"),
            "education_attachment": self.tr("健康教育附件"),
            "elderly_check": self.tr("老年人健康体检"),
            "family_contract": self.tr("家庭医生签约"),
            "smi_registration": self.tr("严重精神障碍登记"),
            "smi_visit": self.tr("严重精神障碍随访"),
            "audit_log": self.tr("审计记录"),
            "institution": self.tr("本机构信息"),
            "indicator_report": self.tr("指标报表"),
            "quality_report": self.tr("数据质量报告"),
        }
        for key in audit.ACTIONS:
            self.action.addItem(self.labels.get(key, key), key)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("姓名、档案编号或摘要中的文字"))
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance(self.text.placeholderText()) + 24)
        self.search_button = QPushButton(self.tr("查询"))
        self.search_button.clicked.connect(self.refresh)
        self.text.returnPressed.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出CSV…"))
        self.export_button.clicked.connect(lambda: self.export())  # (not the checked flag as a path)
        self.count = QLabel()
        filters = QHBoxLayout()
        for label, w in (
            (self.tr("从"), self.since),
            (self.tr("到"), self.until),
            (self.tr("用户"), self.user),
            (self.tr("操作"), self.action),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addStretch(1)
        # the text search on a row of its own with the count: its hint readable in either language
        search_row = QHBoxLayout()
        search_row.addWidget(self.text, 1)
        search_row.addWidget(self.search_button)
        search_row.addWidget(self.export_button)
        self.table = read_only_table(
            [
                self.tr("时间"),
                self.tr("用户"),
                self.tr("操作"),
                self.tr("对象"),
                self.tr("摘要"),
                self.tr("村/乡镇"),
            ]
        )
        # a summary cut by its column keeps what fits of its line ("陈芳 1101050011…"), not its
        # first word ("陈芳 …", as a wrapped cell in a one-line row is cut)
        self.table.setWordWrap(False)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addLayout(search_row)
        lay.addWidget(self.table, 1)
        # the count below the list, whole in either language (beside the search box it was cut)
        self.count.setWordWrap(True)
        lay.addWidget(self.count)
        refresh_on(self, AUDIT, self.refresh)

    def current_filter(self) -> audit_review.AuditFilter:
        return audit_review.AuditFilter(
            since=self.since.date().toPython(),
            until=self.until.date().toPython(),
            username=self.user.currentData() or "",
            action=self.action.currentData() or "",
            text=self.text.text().strip(),
        )

    def refresh(self) -> None:
        self._loaded = True
        wanted = self.current_filter()
        seen = Op(self, self.store, lambda s: audit_review.review(s, wanted)).failure(self._refused).run()
        if seen is None:
            return
        names, rows, places = seen.usernames, seen.rows, seen.places
        chosen = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("全部用户"), "")
        for n in names:
            self.user.addItem(n, n)
        self.user.setCurrentIndex(max(0, self.user.findData(chosen)))
        self.user.blockSignals(False)
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            local = e.at.replace(tzinfo=dt.UTC).astimezone()
            cells = [
                f"{local:%Y-%m-%d %H:%M:%S}",
                self.tr("系统") if e.username == SYSTEM_ACTOR.username else e.username,
                self.labels.get(e.action, e.action),
                self.entities.get(e.entity, e.entity),
                self._summary(e.summary or "", e.entity, e.action),
                places.get(e.scope_code, e.scope_code),
            ]
            # the tooltip keeps what was stored: file names, ids and codes the cell leaves out
            raw = {4: e.summary or "", 5: e.scope_code}
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if raw.get(c, text) == text else f"{text}\n{raw[c]}")
                self.table.setItem(r, c, item)
        fit_columns(self.table, {0: 19, 4: 40})
        metrics = self.table.fontMetrics()
        em = metrics.horizontalAdvance("0")
        header = self.table.horizontalHeader()
        # 对象 as wide as the longest of its labels (13 digits cut "Health education activity" to
        # "Health …" in English); 村/乡镇 capped: the summary beside them is what is read, and
        # tooltips hold all
        caps = {3: max(metrics.horizontalAdvance(t) for t in self.entities.values()) + 2 * em, 5: 13 * em}
        for column in (1, 2, 3, 5):  # user names and labels differ in length per language: measured
            self.table.resizeColumnToContents(column)
            if column in caps:
                header.resizeSection(column, min(header.sectionSize(column), caps[column]))
        # the summary takes the spare width, not the village code beside it
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.count.setText(self.tr("{n} 条记录（最多显示2000条；导出不限）").replace("{n}", str(len(rows))))

    def _summary(self, text: str, entity: str | None = None, action: str = "") -> str:
        """A bulk writer's summary (``批量写入 N 条``, stored in Chinese) in the UI's language; a
        print's (``cards ×33``, ``visits htn 2025 ×1``, stored as the printing service names its
        documents) by the document's name."""
        printed = re.fullmatch(r"([a-z_ ]+?)(?: (htn|t2dm) ([0-9]{4}))?(?: ×([0-9]+))?", text)
        if printed and printed.group(1) in self.documents:
            document, program, year, copies = printed.groups()
            name = self.documents[document]
            if program:
                name = f"{code_label('program', program)} {year} {name}"
            return f"{name} ×{copies}" if copies else name
        account = re.fullmatch(rf"(.+) \(({'|'.join(ROLE_LABELS)})\)", text)  # as accounts.py writes it
        if account:
            name, role = account.groups()
            label = translate("Role", ROLE_LABELS[role])
            return f"{name} ({label})" if lang() == "en" else f"{name}（{label}）"
        decided = audit.decided(text) if action == "review" else None
        if decided and decided[0] in review.KINDS:  # the kind and the decision, not the item's key
            kind, decision = decided
            words = translate("Review", review.DECISIONS.get(decision, decision))
            return f"{translate('Review', review.KINDS[kind])}{': ' if lang() == 'en' else '：'}{words}"
        resolved = audit.resolved(text) if action == "resolve" else None
        if resolved:  # a conflict decided (conflicts.resolve): the field by its name, the choice in words
            column, choice = resolved
            label = field_label(entity, column)
            words = translate("Review", review.DECISIONS[choice])
            return (
                f"{translate('Field', label) if label else column}{': ' if lang() == 'en' else '：'}{words}"
            )
        sent = audit.bundle_sent(text) if entity == "sync_bundle" and action == "export" else None
        if sent:  # to whom and how many, not the file name made of ids
            peer, snapshot, n = sent
            what = self.tr("全量快照 {n} 条") if snapshot else self.tr("{n} 条变更")
            return f"{peer}{': ' if lang() == 'en' else '：'}{what.replace('{n}', str(n))}"
        update = audit.updated_columns(text) if action in ("update", "void") else None
        if update:  # the fields an update changed, by their names on the form
            record, columns = update
            labels = [translate("Field", label) for c in columns if (label := field_label(entity, c))]
            unnamed = len(columns) - len(labels)
            if unnamed:
                labels.append(self.tr("另 {n} 项").replace("{n}", str(unnamed)))
            en = lang() == "en"
            changed = (", " if en else "、").join(labels)
            return f"{record}{': ' if en else '：'}{changed}" if record else changed
        batch = re.fullmatch(r"批量写入 ([0-9]+) 条", text)
        if batch:
            return self.tr("批量写入 {n} 条").replace("{n}", batch.group(1))
        # a referral's step (capture.referral_summary): ``转诊 到位：罗有才 11010500110100001``
        step = re.fullmatch(r"转诊 (开具|到位|不到位|已回转|撤销到位/不到位)：(.*)", text, re.S)
        if step:
            steps = {
                "开具": self.tr("转诊 开具"),
                "到位": self.tr("转诊 到位"),
                "不到位": self.tr("转诊 不到位"),
                "已回转": self.tr("转诊 已回转"),
                "撤销到位/不到位": self.tr("转诊 撤销到位/不到位"),
            }
            return f"{steps[step.group(1)]}{': ' if lang() == 'en' else '：'}{step.group(2)}"
        return text

    def _refused(self, error: UserError) -> None:
        """Not allowed (or a bad filter): said where the count goes, the list stays empty."""
        self.table.setRowCount(0)
        self.count.setText(render(error.message))

    def export(self, path: str | None = None):
        """The filtered trail as CSV, written on the worker thread (it may be a year of entries)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计日志"), "audit.csv", "CSV (*.csv)")
        if not path:
            return None
        path = path if path.lower().endswith(".csv") else path + ".csv"
        wanted = self.current_filter()  # (every entry it selects: export_csv)

        def work(s, _progress):
            return audit_review.export_csv(s, path, wanted)

        def done(n):
            self.exported = n
            QMessageBox.information(
                self,
                self.tr("审计"),
                self.tr("已导出 {n} 条：{path}").replace("{n}", str(n)).replace("{path}", path),
            )

        return (
            Op(self, self.store, work)
            .success(done)
            .titled(self.tr("审计"))
            .run_in_background(self.tr("正在导出审计日志…"))
        )

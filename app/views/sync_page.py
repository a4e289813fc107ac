"""同步: export and import change bundles by USB stick or folder, trust devices by their cards,
review conflicts and possible duplicates (township), and read the history of bundles.

Every action is an operation (app.views.operations): export and import run on the worker thread
with progress and cancel; the page refreshes itself when sync records change, whoever changed them.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.config import Paths
from app.db import Store
from app.i18n import local_time
from app.services import backup, profile
from app.services.access import authz
from app.services.access.roles import PLACE_LABELS
from app.services.errors import UserError
from app.services.quality import review
from app.services.sync import conflicts, exchange, overview, service, snapshot
from app.services.sync import keys as device_keys
from app.views.operations import SYNC, Op, StoreOp, refresh_on
from app.views.sync_network import NetworkSyncBox, ServerBox
from app.views.widgets import (
    LazyPage,
    NoteUnder,
    WrappedLabel,
    aside,
    empty_note,
    fit_columns,
    on_two_lines,
    read_only_table,
    render,
    save_path,
    share_width,
    translate,
)

SYNC_FOLDER = "CunYi-sync"  # on a removable drive, bundles go in this folder
# What this page shows.  operations.SYNC names "bundle_record" and "origin_mark", which are not
# tables (they are sync_bundle and sync_origin): until it does, the real names are added here.
SYNC_RECORDS = SYNC | {"sync_bundle", "sync_origin"}


def removable_drives() -> list[Path]:
    """Mounted volumes a USB stick would be: not the system disk; on Linux under /media or /mnt."""
    out = []
    system = Path(os.environ.get("SYSTEMDRIVE", "C:") + "\\") if os.name == "nt" else Path("/")
    for vol in QStorageInfo.mountedVolumes():
        if not vol.isValid() or not vol.isReady() or vol.isReadOnly():
            continue
        root = Path(vol.rootPath())
        if os.name == "nt":
            if root != system:
                out.append(root)
        elif str(root).startswith(("/media/", "/run/media/", "/mnt/")):
            out.append(root)
    return out


def _when(value) -> str:
    return local_time(value, QCoreApplication.translate("SyncPage", "从未"))


def _last_import(p) -> str:
    """When a bundle of ``p`` was last imported whole, or that an import of one was cut off since."""
    if p.import_cut_at is None:
        return _when(p.last_import_at)
    return QCoreApplication.translate("SyncPage", "{at} 中断，未导入完").replace(
        "{at}", local_time(p.import_cut_at)
    )


def _fill(table: QTableWidget, rows: list[list[str]], data: list | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if data is not None and c == 0:
                item.setData(Qt.UserRole, data[r])
            table.setItem(r, c, item)


class SyncPage(LazyPage):
    review_requested = Signal(str)  # a review item's key (a possible duplicate): shown on 审核

    def __init__(self, store: Store, paths: Paths, parent=None):
        super().__init__(parent)
        self.store, self.paths = store, paths
        info = Op(self, store, profile.profile_info).run()
        self.township = info is not None and info.role == profile.TOWNSHIP
        # who may decide conflicts here: township staff (a village doctor signed in at the township
        # reads their village's, and was shown buttons that only said 没有权限)
        self.decides = bool(Op(self, store, review.may_decide).run())

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # (a peer's words among them: never markup)
        self.banner.setStyleSheet(
            "background: #fff3cd; color: #7a4b00; border: 1px solid #e0b252; padding: 8px; font-weight: bold;"
        )
        self.banner.hide()

        # 本机
        self.me = QLabel()
        self.me.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.card_button = QPushButton(self.tr("导出本机设备卡…"))
        self.card_button.clicked.connect(self.export_card)
        self.trust_button = QPushButton(self.tr("信任对方设备卡…"))
        self.trust_button.clicked.connect(
            lambda: self.trust_card()
        )  # (not the button's checked flag as a path)
        self.revoke_button = QPushButton(self.tr("撤销所选设备的信任"))
        self.revoke_button.clicked.connect(self.revoke)
        device_box = QGroupBox(self.tr("本机"))
        dl = QVBoxLayout(device_box)  # (the buttons on a line of their own: the page fits 1024 px in English)
        self.me.setWordWrap(True)
        dl.addWidget(self.me)
        device_buttons = QHBoxLayout()
        for b in (self.card_button, self.trust_button, self.revoke_button):
            device_buttons.addWidget(b)
        device_buttons.addStretch(1)
        dl.addLayout(device_buttons)

        # U盘 / 文件夹
        self.place = QComboBox()
        self.place.setMinimumWidth(200)
        self.choose_button = QPushButton(self.tr("选择文件夹…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(self.tr("导出同步包"))
        self.export_button.clicked.connect(self.export_bundles)
        self.import_button = QPushButton(self.tr("导入同步包"))
        self.import_button.clicked.connect(self.import_bundles)
        place_box = QGroupBox(self.tr("U盘或文件夹"))
        pl = QHBoxLayout(place_box)
        pl.addWidget(self.place, 1)
        for b in (self.choose_button, self.export_button, self.import_button):
            pl.addWidget(b)

        self.peers = read_only_table(
            [
                self.tr("单位"),
                self.tr("代码"),
                self.tr("指纹"),
                self.tr("待对方确认"),
                self.tr("上次导出"),
                self.tr("上次导入"),
            ]
        )
        self.conflicts = read_only_table(
            [self.tr("档案"), self.tr("项目"), self.tr("现值"), self.tr("另一值"), self.tr("发现时间")]
        )
        # the two values share the width left and wrap, who wrote each and when on a line under it:
        # at 1000 px the other value was off the list's edge, the button taking it in sight
        share_width(self.conflicts, {2: 1, 3: 1}, whole={2: "0" * 13, 3: "0" * 13})
        self.keep_button = QPushButton(self.tr("保留现值"))
        self.keep_button.clicked.connect(lambda: self.resolve("kept"))
        self.other_button = QPushButton(self.tr("采用另一值"))
        self.other_button.clicked.connect(lambda: self.resolve("lost"))
        # a possible duplicate is decided where every pair is, on 审核, which tells the villages
        self.review_button = QPushButton(self.tr("到审核中处理重复档案…"))
        self.review_button.clicked.connect(self.review_duplicate)
        conflict_box = QGroupBox(self.tr("冲突与疑似重复档案"))
        cl = QVBoxLayout(conflict_box)
        self.no_conflicts = empty_note(
            self.tr("没有待处理的冲突或疑似重复档案：两处改了同一份档案的同一项时，会列在这里")
        )
        cl.addWidget(self.no_conflicts)
        cl.addWidget(self.conflicts)
        # the pairs listed above are those an import found; 审核 finds every one (same ID number;
        # same name, birth date and address): how many wait there, said here
        self.review_note = WrappedLabel("")
        self.review_note.hide()
        self.waiting_duplicates = 0
        cl.addWidget(self.review_note)
        buttons = QHBoxLayout()
        # the township's reason goes to the village with its decision (as on 审核); not asked for
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("理由（村卫生室会看到，可不填）"))
        self.reason.setMaxLength(500)
        self.reason.setVisible(self.decides)
        if self.decides:  # a row of its own: beside the buttons it was cut to a few characters
            cl.addWidget(self.reason)
        for b in (self.keep_button, self.other_button, self.review_button):
            b.setEnabled(False)  # (until a row they apply to is selected: _conflict_selected)
            b.setVisible(self.decides)  # a village cannot decide: buttons it may not press left out
            buttons.addWidget(b)
        self.reason.setEnabled(False)
        self.conflicts.itemSelectionChanged.connect(self._conflict_selected)
        if not self.decides:  # (wrapped: beside three buttons it pushed the page past 800 px)
            note = QLabel(
                self.tr("冲突由乡镇卫生院的公卫人员处理")
                if self.township
                else self.tr("冲突由乡镇卫生院处理")
            )
            note.setWordWrap(True)
            buttons.addWidget(note, 1)
        buttons.addStretch(1)
        cl.addLayout(buttons)
        self.history = read_only_table(
            [
                self.tr("时间"),
                self.tr("操作"),
                self.tr("设备"),
                self.tr("变更条数"),
                self.tr("同步包编号"),
                self.tr("说明"),
            ]
        )
        peers_box = QGroupBox(self.tr("同步设备"))
        # before the first pairing the tables are empty: what to do first, in the device's words
        role = info.role if info is not None else profile.VILLAGE
        partner = {
            profile.VILLAGE: self.tr("所属乡镇卫生院"),
            profile.TOWNSHIP: self.tr("各村卫生室和县级"),
        }.get(role, self.tr("各乡镇卫生院"))
        self.first_step = WrappedLabel(
            self.tr(
                "还没有可同步的设备。第一次同步前：1. 点“导出本机设备卡…”，把卡片文件交给{partner}；"
                "2. 点“信任对方设备卡…”，选对方交来的卡片。之后就可以用U盘或网络同步了。"
            ).replace("{partner}", partner)
        )
        self.first_step.hide()
        peers_layout = QVBoxLayout(peers_box)
        peers_layout.addWidget(self.first_step)
        peers_layout.addWidget(self.peers)
        # the selected bundle's whole 说明 (a refusal's reason is longer than its column), wrapped
        self.history_note = NoteUnder(self.history, 5)
        history_box = QGroupBox(self.tr("同步记录"))
        history_layout = QVBoxLayout(history_box)
        self.no_history = empty_note(self.tr("还没有同步记录：导出或导入同步包后，每个包的去向都记在这里"))
        history_layout.addWidget(self.no_history)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.history_note)
        split = QSplitter(Qt.Vertical)
        split.setChildrenCollapsible(False)  # (the network box was squeezed to its title)
        network = NetworkSyncBox(store, paths)
        # what became of each bundle right below the devices, where a first-time user looks
        for w in ([network] if network.upward else []) + [peers_box, history_box, conflict_box]:
            split.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addWidget(self.banner)
        lay.addWidget(device_box)
        lay.addWidget(place_box)
        if role in (profile.TOWNSHIP, profile.COUNTY):  # the server its villages (townships) sync with
            lay.addWidget(ServerBox(store, paths, role))
        lay.addWidget(split, 1)
        self.last_outcomes: list = []
        refresh_on(self, SYNC_RECORDS, self.refresh)

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        self._loaded = True
        keys_dir, outbox = self.paths.sub("keys"), service.outbox(self.paths)
        seen = (
            Op(self, self.store, lambda s: overview.sync_overview(s, keys_dir, outbox))
            .titled(self.tr("同步"))
            .run()
        )
        if seen is None:
            return
        card = seen.card
        if seen.keys_locked:
            self.me.setText(self.tr("本机设备密钥已用口令保护：导出或导入时会询问口令"))
        elif card is None:
            self.me.setText(render(seen.keys_problem))
        else:
            self.me.setText(
                self.tr("{name}（{code}）  本机指纹：<b>{fp}</b>")
                .replace("{name}", card.name)
                .replace("{code}", card.code)
                .replace("{fp}", card.fingerprint)
            )
        warnings = [
            render(m) for m in (*seen.refused_by_peers, *seen.clock_warnings, *seen.unfinished_imports)
        ]
        self.banner.setText("\n".join(warnings))
        self.banner.setVisible(bool(warnings))
        role = {k: QCoreApplication.translate("Role", v) for k, v in PLACE_LABELS.items()}
        _fill(
            self.peers,
            [
                [
                    p.name
                    + aside(role.get(p.role, p.role))
                    + (aside(self.tr("已撤销信任")) if p.revoked else ""),
                    p.code,
                    p.fingerprint,
                    str(p.unacknowledged),
                    _when(p.last_export_at),
                    _last_import(p),
                ]
                for p in seen.peers
            ],
            [p.device_id for p in seen.peers],
        )
        for r, p in enumerate(seen.peers):  # (a device listed is trusted, unless it says otherwise)
            if p.revoked:
                self.peers.item(r, 0).setForeground(QColor("#a40000"))
        # the fingerprint (four groups of digits, read aloud) and the dates fit at 1024 px
        fit_columns(self.peers, {0: 18, 1: 13, 2: 12, 3: 8, 4: 16, 5: 16})
        self.first_step.setVisible(not seen.peers)
        rows = []
        for c in seen.conflicts:
            if c.kind == "duplicate":
                rows.append(
                    [  # (现值 repeated the record's name, and the long 项目 was cut short)
                        on_two_lines(c.record),
                        translate("Review", review.KINDS["duplicate"]),  # (审核's word for it)
                        self.tr("同一身份证号"),
                        on_two_lines(c.other),
                        _when(c.detected_at),
                    ]
                )
            else:
                rows.append(
                    [
                        on_two_lines(c.record),
                        QCoreApplication.translate("Field", c.field_label),
                        _show(c.kept) + "\n" + aside(f"{c.kept_by} {_when(c.kept_at)}").strip(),
                        _show(c.lost) + "\n" + aside(f"{c.lost_by} {_when(c.lost_at)}").strip(),
                        _when(c.detected_at),
                    ]
                )
        _fill(self.conflicts, rows, list(seen.conflicts))
        self.waiting_duplicates = seen.review_duplicates
        self.no_conflicts.setVisible(not rows and not self.waiting_duplicates)
        self.review_note.setText(
            self.tr(
                "审核中共有 {n} 对疑似重复档案待处理（身份证号相同，或姓名、出生日期和家庭住址相同）"
            ).replace("{n}", str(self.waiting_duplicates))
        )
        self.review_note.setVisible(bool(self.waiting_duplicates))
        self._conflict_selected()
        self._fill_history(seen.history)
        self._fill_places()

    def _fill_history(self, history: tuple[overview.BundleRow, ...]) -> None:
        """What became of each bundle, and how it travelled; its number for people, its whole
        file name in the tooltip (for support)."""
        what = {
            overview.OUT: self.tr("导出（U盘/文件夹）"),
            overview.IN: self.tr("导入（U盘/文件夹）"),
            overview.REJECTED: self.tr("拒收（U盘/文件夹）"),
            overview.SKIPPED: self.tr("跳过"),
            overview.OUT_REFUSED: self.tr("导出后被对方拒收（U盘/文件夹）"),
            overview.NET_OUT: self.tr("经网络发送"),
            overview.NET_IN: self.tr("经网络接收"),
            overview.NET_REJECTED: self.tr("拒收（网络）"),
            overview.NET_WAITING: self.tr("等待经网络发送"),
            overview.NET_FAILED: self.tr("经网络发送失败"),
            overview.NET_LEFT: self.tr("经网络待对方取走"),
            overview.NET_TAKEN: self.tr("经网络已被取走"),
        }
        self.history.setRowCount(len(history))
        self.no_history.setVisible(not history)
        for r, h in enumerate(history):
            note = render(h.reason) if h.reason is not None else ""
            if h.retry:
                note += aside(self.tr("下次同步时自动重发"))
            if h.taken_at is not None:
                fetched = self.tr("{at} 取走").replace("{at}", _when(h.taken_at))
                note = f"{note}{aside(fetched)}" if note else fetched
            if h.settled and h.kind == overview.NET_FAILED:
                note += aside(self.tr("之后的同步包已发出，带上了这些变更"))
            elif h.settled and h.kind == overview.OUT_REFUSED:
                note += aside(self.tr("之后本机的同步包已被对方导入"))
            elif h.settled:
                note += aside(self.tr("之后该设备的同步包已导入"))
            ops = "—" if h.failed and not h.ops else str(h.ops)  # (none taken from a refused bundle)
            cells = [_when(h.at), what.get(h.kind, h.kind), h.device, ops, h.number]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(r, c, item)
            self.history.setItem(r, 5, NoteUnder.cell(note))
            self.history.item(r, 4).setToolTip(h.file_name)
            if h.failed and not h.settled:
                self.history.item(r, 1).setForeground(QColor("#a40000"))
        fit_columns(self.history, {0: 19, 2: 20, 3: 8, 4: 11})
        self.history.resizeColumnToContents(1)  # (its words, in either language, never cut)
        self.history_note.show_selected()

    def _fill_places(self) -> None:
        current = self.place.currentData()
        self.place.clear()
        for drive in removable_drives():
            self.place.addItem(
                self.tr("U盘 {drive}").replace("{drive}", str(drive)), str(drive / SYNC_FOLDER)
            )
        if current and self.place.findData(current) < 0:
            self.place.addItem(current, current)
        if current:
            self.place.setCurrentIndex(self.place.findData(current))

    def folder(self) -> Path | None:
        data = self.place.currentData()
        return Path(data) if data else None

    def set_folder(self, path: str | Path) -> None:
        path = str(path)
        if self.place.findData(path) < 0:
            self.place.addItem(path, path)
        self.place.setCurrentIndex(self.place.findData(path))

    # --------------------------------------------------------------- actions

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("选择U盘或文件夹"))
        if path:
            self.set_folder(path)

    def _need_folder(self) -> Path | None:
        folder = self.folder()
        if folder is None:
            QMessageBox.information(self, self.tr("同步"), self.tr("请先插入U盘或选择文件夹"))
        return folder

    def export_bundles(self):
        folder = self._need_folder()
        if folder is None:
            return None

        def work(store, progress):
            return snapshot.export_bundles(  # a replacement PC's first bundle is its whole village
                store, self.paths, folder, progress=progress.report, cancelled=progress.cancelled
            )

        def done(result):
            lines = []
            for b in result.bundles:
                if b.path:
                    lines.append(
                        self.tr("{peer}：{ops} 条变更，{kb} KB")
                        .replace("{peer}", b.peer)
                        .replace("{ops}", str(b.ops))
                        .replace("{kb}", f"{b.bytes / 1024:.0f}")
                    )
                else:
                    lines.append(f"{b.peer}：{render(b.note)}")
            self.last_outcomes = result.bundles
            self.offer_backup(folder)
            QMessageBox.information(
                self,
                self.tr("导出完成"),
                self.tr("已导出到 {folder}").replace("{folder}", str(folder)) + "\n\n" + "\n".join(lines),
            )

        return self._sync_op(work, done).run_in_background(self.tr("正在导出同步包…"))

    def import_bundles(self):
        folder = self._need_folder()
        if folder is None:
            return None

        def work(store, progress):
            return exchange.import_path(
                store, self.paths, folder, progress=progress.report, cancelled=progress.cancelled
            )

        def done(outcomes):
            self.last_outcomes = outcomes
            lines = []
            for o in outcomes:
                if o.status == "applied":
                    lines.append(
                        self.tr("来自 {sender}：{ops} 条变更，冲突 {conflicts}，疑似重复 {dups}")
                        .replace("{sender}", o.sender)
                        .replace("{ops}", str(o.ops))
                        .replace("{conflicts}", str(o.conflicts))
                        .replace("{dups}", str(o.duplicates))
                    )
                    if o.settled:  # (a village: they are off its list; said, or 冲突 2 read as open)
                        lines[-1] += self.tr("（乡镇卫生院已处理的冲突 {n} 个已结）").replace(
                            "{n}", str(o.settled)
                        )
                elif o.status == "rejected":
                    lines.append(
                        self.tr("已拒绝 {file}：{reason}")
                        .replace("{file}", overview.bundle_number(o.file))
                        .replace("{reason}", render(o.reason))
                    )
                if o.clock_warning:
                    lines.append(render(o.clock_warning))
                if o.notice:
                    lines.append(render(o.notice))
            if not lines:
                lines.append(self.tr("没有发给本机的新同步包"))
            box = (
                QMessageBox.warning
                if any(o.status == "rejected" for o in outcomes)
                else QMessageBox.information
            )
            box(self, self.tr("导入完成"), "\n".join(lines))

        return self._sync_op(work, done).run_in_background(self.tr("正在导入同步包…"))

    def offer_backup(self, folder: Path):
        """After an export: the same stick can carry a backup of this store (not one on a server)."""
        if backup.left_to_server(self.store):
            return None
        if not Op(self, self.store, lambda s: authz.permits(s, "backup")).run():
            return None  # a copy of the whole store is the admin's to take (authz "backup")
        question = self.tr("同步包已写好。是否同时把本机数据备份到 {folder}？").replace(
            "{folder}", str(folder)
        )
        if QMessageBox.question(self, self.tr("备份"), question) != QMessageBox.Yes:
            return None

        return (
            StoreOp(self, self.store, lambda store, _progress: backup.backup_to(store, folder))
            .success(lambda path: setattr(self, "last_backup", path))
            .titled(self.tr("备份"))
            .run_in_background(self.tr("正在备份…"))
        )

    def _sync_op(self, work, done) -> StoreOp:
        """Export or import: the service takes the store and runs its own transactions."""
        return StoreOp(self, self.store, work).success(done).failure(self._failed).titled(self.tr("同步"))

    def export_card(self) -> None:
        path = save_path(self, self.tr("导出本机设备卡"), "cunyi-device-card.json", "JSON (*.json)")
        if not path:
            return
        keys_dir = self.paths.sub("keys")
        written = (
            Op(self, self.store, lambda s: overview.write_my_card(s, keys_dir, Path(path)))
            .failure(self._failed)
            .titled(self.tr("设备卡"))
            .run()
        )
        if written is None:
            return
        card, json_path, png = written
        QMessageBox.information(
            self,
            self.tr("设备卡"),
            self.tr("已写入 {json} 和二维码 {png}。\n对方信任前，请电话核对本机指纹：\n{fp}")
            .replace("{json}", str(json_path))
            .replace("{png}", png.name)
            .replace("{fp}", card.fingerprint),
        )

    def trust_card(self, path: str | None = None, *, confirm: bool = True) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择对方的设备卡"), "", "JSON (*.json)")
            if not path:
                return False
        try:
            card = device_keys.read_card(Path(path))
        except UserError as e:
            QMessageBox.warning(self, self.tr("设备卡"), render(e.message))
            return False
        question = (
            self.tr("信任 {name}（{code}）？\n\n请打电话给对方，逐组核对指纹：\n\n{fp}\n\n一致才点“是”。")
            .replace("{name}", card.name)
            .replace("{code}", card.code)
            .replace("{fp}", card.fingerprint)
        )
        if confirm and QMessageBox.question(self, self.tr("核对指纹"), question) != QMessageBox.Yes:
            return False
        trusted = Op(self, self.store, lambda s: device_keys.trust(s, card)).titled(self.tr("设备卡")).run()
        return trusted is not None

    def revoke(self) -> None:
        row = self.peers.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("同步"), self.tr("请先在列表中选择一台设备"))
            return
        device = self.peers.item(row, 0).data(Qt.UserRole)
        name = self.peers.item(row, 0).text()
        if (
            QMessageBox.question(
                self,
                self.tr("撤销信任"),
                self.tr("撤销对 {name} 的信任？它以后的同步包将被拒绝。").replace("{name}", name),
            )
            != QMessageBox.Yes
        ):
            return
        Op(self, self.store, lambda s: device_keys.revoke(s, device)).titled(self.tr("同步")).run()

    def _conflict_selected(self) -> None:
        """The township's buttons for the selected row only: a field's two values (保留现值 / 采用另一值,
        with a reason the village reads), or a possible duplicate taken to 审核, where the decision
        on the two records is made with its reason.  A reason typed for a field is never dropped by
        the other button."""
        c = self._selected_conflict() if self.decides else None
        field = c is not None and c.kind == "field"
        for b in (self.keep_button, self.other_button):
            b.setEnabled(field)
        self.reason.setEnabled(field)
        # a duplicate selected goes to its pair on 审核; none, to every pair waiting there
        self.review_button.setEnabled(
            self.decides and (c is None or c.kind == "duplicate") and bool(c or self.waiting_duplicates)
        )

    def _selected_conflict(self):
        """The conflict of the selected row (the one the buttons were enabled for), or None."""
        rows = self.conflicts.selectionModel().selectedRows()
        return self.conflicts.item(rows[0].row(), 0).data(Qt.UserRole) if rows else None

    def resolve(self, choice: str) -> None:
        c = self._selected_conflict()
        if c is None:
            QMessageBox.information(self, self.tr("同步"), self.tr("请先在列表中选择一条冲突"))
            return
        # (told to the village as the township's decision: its own copy of the conflict closes)
        reason = self.reason.text()
        decided = (
            Op(self, self.store, lambda s: review.decide_conflict(s, c.id, choice, reason))
            .titled(self.tr("同步"))
            .run()
        )
        if decided is not None:
            self.reason.clear()

    def review_duplicate(self) -> None:
        """The selected possible duplicate on 审核 (the main window shows it there); none selected,
        every possible duplicate waiting there."""
        c = self._selected_conflict()
        if c is None:
            self.review_requested.emit("")  # (every possible duplicate)
        elif c.kind == "duplicate":
            self.review_requested.emit(conflicts.item_key(c))

    def unlock_keys(self) -> bool:
        """Ask for the device keys' passphrase (kept in memory for this session only)."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        while True:
            phrase, ok = QInputDialog.getText(
                self,
                self.tr("设备密钥口令"),
                self.tr("本机设备密钥已用口令保护，请输入口令："),
                QLineEdit.Password,
            )
            if not ok:
                return False
            try:
                device_keys.unlock(self.paths.sub("keys"), phrase)
                return True
            except UserError as e:
                QMessageBox.warning(self, self.tr("设备密钥口令"), render(e.message))

    def _failed(self, error: UserError) -> None:
        """A sync refused (no folder, locked keys, cancelled …): locked keys ask for the passphrase
        (then the user starts again); anything else is shown.  Some bundles may have been written
        or read before the refusal: the page shows them."""
        if isinstance(error, device_keys.KeysLocked) and self.unlock_keys():
            return
        self.refresh()
        QMessageBox.warning(self, self.tr("同步"), render(error.message))


def _show(value) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncPage", "（空）")
    if isinstance(value, list):
        return "、".join(
            str(v.get("code") or v.get("note") or "") if isinstance(v, dict) else str(v) for v in value
        )
    return str(value)

"""审核: at the township, the review queue (possible duplicates, sync conflicts, records failing
validation, referrals open too long) with a decision and its reason for each item; below, the
decisions made.  At a village, the decisions the township made about this village's records,
with what it changed and why."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.services.access.actor import SYSTEM_ACTOR
from app.services.quality import review
from app.views.operations import REFERRALS, RESIDENTS, SYNC, Op, ReadOp, refresh_on
from app.views.widgets import (
    LazyPage,
    aside,
    empty_note,
    on_two_lines,
    read_only_table,
    render,
    share_width,
    translate,
)

DECISIONS_TABLE = frozenset({"review_decision"})
PAGE = 200  # items listed at once; the whole store's invalid records can be thousands


class ReviewPage(LazyPage):
    resident_requested = Signal(object)  # a resident's id (打开档案): the main window opens its page

    def __init__(self, store: Store, *, township: bool, parent=None):
        super().__init__(parent)
        self.store = store
        self.township = township
        self.items: list[review.ReviewItem] = []
        self.task = None
        self.busy = False  # a computation is running (screenshots wait for `task.finished`)
        self._again = False  # a refresh was asked for while computing
        self._wanted: str | None = None  # an item to select once the list is read (show_item)
        lay = QVBoxLayout(self)
        self.decided = read_only_table(
            [
                self.tr("日期"),
                self.tr("处理人"),
                self.tr("类型"),
                self.tr("档案"),
                self.tr("决定"),
                self.tr("理由"),
                self.tr("改动"),
            ]
        )
        # the date, who decided and the record as wide as they are; the others share the rest and
        # wrap (in English, each decision on one line pushed the reason and what changed past the
        # edge at 800 px); what changed names a record by its archive number: never cut
        # (the kind never narrower than its longest word: "Sync conflict" read "Sync confl" at 800 px)
        share_width(self.decided, {2: 2, 4: 3, 5: 3, 6: 3}, whole={2: _longest_kind_word(), 6: "0" * 18})
        decided_box = QWidget()
        decided_lay = QVBoxLayout(decided_box)
        decided_lay.setContentsMargins(0, 0, 0, 0)
        # an empty list says why it is empty (an empty table said nothing)
        self.none_decided = empty_note(
            self.tr("还没有处理决定。")
            + (
                self.tr("在上面选一项，选择处理方式后点“记录处理决定”。")
                if township
                else self.tr("乡镇卫生院审核本村的档案后，它的决定随同步包到达这里。")
            )
        )
        if not township:
            decided_lay.addWidget(QLabel(self.tr("乡镇卫生院对本村档案的处理决定（改了什么、为什么）")))
            decided_lay.addWidget(self.none_decided)
            decided_lay.addWidget(self.decided, 1)
            lay.addWidget(decided_box, 1)
            refresh_on(self, DECISIONS_TABLE | RESIDENTS, self.refresh)
            return
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部待审核"), None)
        for key, label in review.KINDS.items():
            self.kind.addItem(translate("Review", label), key)
        self.kind.currentIndexChanged.connect(self.first_page)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel()
        self.page = 0  # the page of the list shown (PAGE items each)
        self.previous_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.page_label = QLabel()
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("类型")))
        bar.addWidget(self.kind)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.count, 1)
        # the pages under the list: one bar of it all was wider than an 800-px window in English
        pager = QHBoxLayout()
        pager.addStretch(1)
        for w in (self.previous_button, self.page_label, self.next_button):
            pager.addWidget(w)
        self.table = read_only_table(
            [
                self.tr("类型"),
                self.tr("村"),
                self.tr("档案"),
                self.tr("另一份档案"),
                self.tr("发现于"),
                self.tr("问题"),
            ]
        )
        # the records on two lines (name, number) as wide as their text; the kind and the problem
        # share the rest and wrap, the problem never narrower than an ID number it quotes: at 800
        # px it was off the page's edge, and its text, wrapped in the narrow width left, made each
        # row some 130 px tall
        # (a kind wraps between its words; a Chinese one anywhere, as its first four characters)
        share_width(self.table, {0: 1, 5: 3}, whole={0: _longest_kind_word(), 5: "0" * 18})
        self.table.itemSelectionChanged.connect(self.selected)
        self.table.activated.connect(lambda _i: self.open_record())
        self.open_button = QPushButton(self.tr("打开档案"))
        self.open_button.clicked.connect(self.open_record)
        self.decision = QComboBox()
        self.decision.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.decision.setMinimumContentsLength(18)
        self.decision.currentTextChanged.connect(self.decision.setToolTip)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("处理理由（村卫生室会看到）"))
        self.decide_button = QPushButton(self.tr("记录处理决定"))
        self.decide_button.clicked.connect(self.decide)
        self.reason.returnPressed.connect(self.decide)
        # the decision on a line of its own, as wide as the page: its choices are sentences, and
        # two of them differ only at their end (作废 this record or the other)
        act = QVBoxLayout()
        choose, write = QHBoxLayout(), QHBoxLayout()
        choose.addWidget(QLabel(self.tr("处理")))
        choose.addWidget(self.decision, 1)
        write.addWidget(self.reason, 1)
        write.addWidget(self.decide_button)
        write.addWidget(self.open_button)
        act.addLayout(choose)
        act.addLayout(write)
        self.note = QLabel()  # why fewer decisions are offered (ReviewItem.note)
        self.note.setStyleSheet("color: #555;")
        self.note.setWordWrap(True)
        self.note.hide()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)  # a refusal names what to do instead: wrapped, never widening the page
        queue_box = QWidget()
        queue_lay = QVBoxLayout(queue_box)
        queue_lay.setContentsMargins(0, 0, 0, 0)
        queue_lay.addLayout(bar)
        queue_lay.addWidget(self.table, 1)
        queue_lay.addLayout(pager)
        queue_lay.addLayout(act)
        queue_lay.addWidget(self.note)
        queue_lay.addWidget(self.error)
        decided_lay.addWidget(QLabel(self.tr("已做的处理决定（同步到相关村卫生室）")))
        decided_lay.addWidget(self.none_decided)
        decided_lay.addWidget(self.decided, 1)
        split = QSplitter()
        split.setOrientation(Qt.Vertical)
        split.addWidget(queue_box)
        split.addWidget(decided_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.selected()
        refresh_on(self, DECISIONS_TABLE | RESIDENTS | SYNC | REFERRALS, self.refresh)

    def _idle(self) -> None:
        self.busy = False
        self.refresh_button.setEnabled(True)
        if self._again:  # asked for while computing: once more, with what changed meanwhile
            self._again = False
            self.refresh()

    # -- reading

    def refresh(self) -> None:
        self._loaded = True
        if not self.township:
            Op(self, self.store, review.village_decisions).success(self.show_decisions).run()
            return
        if self.busy:
            self._again = True
            return
        self.refresh_button.setEnabled(False)

        def load(s, progress):
            return review.review_queue(s, progress=progress.report), review.village_decisions(s)

        looking = self.tr("正在查找待审核项…")
        self.task = ReadOp(self, self.store, load).success(self.loaded).run_in_background(looking)
        self.busy = True
        # said where the count goes (an empty table read as "nothing to review"); no paging meanwhile
        self.count.setText(looking)
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.task.finished.connect(self._idle)

    def loaded(self, result) -> None:
        self.items, decided = result
        self.show_items()
        self.show_decisions(decided)
        if self._wanted is not None and not self._again:  # (read again: selected after that)
            self._focus_item(self._wanted)

    def show_item(self, key: str) -> None:
        """Select the item ``key`` (the 同步 page's possible duplicate), in a list read anew: the
        pair may have been decided meanwhile, which the page then says.  ``""``: every possible
        duplicate (the 同步 page's count of them)."""
        self._wanted = key
        if not self.busy:  # (a list being read was asked for just now, as the page was shown)
            self.refresh()

    def _focus_item(self, key: str) -> None:
        self._wanted = None
        if not key:
            self.kind.setCurrentIndex(self.kind.findData("duplicate"))  # (shows its first page)
            return
        at = next((n for n, i in enumerate(self.items) if i.key == key), None)
        if at is None:
            self.error.setText(self.tr("这一项已经处理过，不在待审核列表中"))
            return
        self.kind.setCurrentIndex(0)  # every kind: the item's place in the list is its place
        self.page = at // PAGE
        self.show_items()
        self.table.selectRow(at % PAGE)
        # once the rows have their heights (each as tall as its text: laid out after this)
        row = self.table.item(at % PAGE, 0)
        QTimer.singleShot(0, lambda: self.table.scrollToItem(row, QAbstractItemView.PositionAtCenter))

    def first_page(self) -> None:
        self.page = 0
        self.show_items()

    def turn(self, step: int) -> None:
        self.page += step
        self.show_items()

    def show_items(self) -> None:
        kind = self.kind.currentData()
        shown = [i for i in self.items if kind is None or i.kind == kind]
        self.shown = shown
        self.count.setText(self.tr("共 {n} 项待审核").replace("{n}", str(len(shown))))
        pages = max(1, -(-len(shown) // PAGE))
        self.page = min(max(self.page, 0), pages - 1)
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < pages - 1)
        self.page_label.setText(
            self.tr("第 {page} / {pages} 页")
            .replace("{page}", str(self.page + 1))
            .replace("{pages}", str(pages))
        )
        on_page = shown[self.page * PAGE : (self.page + 1) * PAGE]
        # nothing selected after a refresh: a decision just recorded must not leave the next item
        # selected with a decision chosen, for the next Enter to close it
        self.table.clearSelection()
        self.table.setCurrentItem(None)
        self.table.setRowCount(len(on_page))
        for r, i in enumerate(on_page):
            other = on_two_lines(i.other_record).split("\n", 1)
            if i.other_village:  # the village beside the name: the number stays on a line of its own
                other[0] += aside(i.other_village)
            cells = [
                translate("Review", review.KINDS[i.kind]),
                i.village_name,
                on_two_lines(i.record),
                "\n".join(other),
                i.since.isoformat() if i.since else "",
                render(i.detail),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.selected()

    def show_decisions(self, decided: list[review.DecisionView]) -> None:
        self.none_decided.setVisible(not decided)
        self.decided.setRowCount(len(decided))
        for r, d in enumerate(decided):
            changes = (self.tr("；") + "\n").join(
                d_record(c)
                + self.tr("{field}：{old} → {new}")
                .replace("{field}", translate("Field", c["field"]))
                .replace("{old}", _value(c["from"]))
                .replace("{new}", _value(c["to"]))
                for c in d.changes
            )
            cells = [
                d.decided_on.isoformat(),
                self.tr("系统") if d.decided_by == SYSTEM_ACTOR.display_name else d.decided_by,
                translate("Review", review.KINDS.get(d.kind, d.kind)),
                _records(d, self.tr("另一份：")),
                translate("Review", review.DECISIONS.get(d.decision, d.decision)),
                d.reason,
                changes or self.tr("无"),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.decided.setItem(r, c, item)

    # -- deciding

    def current(self) -> review.ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        at = self.page * PAGE + rows[0].row() if rows else None
        return self.shown[at] if at is not None and at < len(self.shown) else None

    def selected(self) -> None:
        item = self.current()
        self.decision.clear()
        if item is not None:  # no decision chosen for the user: some of them void a record
            self.decision.addItem(self.tr("请选择处理决定…"), None)
        for option in item.offered if item else ():
            self.decision.addItem(translate("Review", review.DECISIONS[option]), option)
        for w in (self.decision, self.reason, self.decide_button):
            w.setEnabled(item is not None)
        self.open_button.setEnabled(item is not None and item.resident_id is not None)
        note = item.note if item is not None else None
        self.note.setText(note.render(translate) if note is not None else "")
        self.note.setVisible(note is not None)
        self.error.clear()

    def open_record(self) -> None:
        """The selected item's record (the one listed first), to read before deciding."""
        item = self.current()
        if item is not None and item.resident_id is not None:
            self.resident_requested.emit(item.resident_id)

    def decide(self) -> None:
        item = self.current()
        if item is None:
            return
        key, choice, reason = item.key, self.decision.currentData(), self.reason.text()
        if choice is None:
            self.error.setText(self.tr("请先选择处理决定"))
            self.decision.setFocus()
            return
        done = (
            Op(self, self.store, lambda s: review.decide(s, key, choice, reason))
            .failure(lambda e: self.error.setText(render(e.message)))
            .run()
        )
        if done is not None:
            self.reason.clear()  # the page refreshes itself: the decision's table changed


def _longest_kind_word() -> str:
    """The longest word of the kinds of item (a kind wraps between its words; a Chinese one
    anywhere, as its first four characters): a column of kinds is never narrower."""
    kinds = [translate("Review", k) for k in review.KINDS.values()]
    return max((w for k in kinds for w in (k.split() if " " in k else [k[:4]])), key=len)


def _records(d: review.DecisionView, other: str) -> str:
    """The record a decision is about, and the other of a pair (a duplicate's decision reads of
    both: 作废“另一份档案”…), each "name\nnumber"; a conflict's field on a line of its own after them
    ("张长发 11010500100290640" on one line took the width the decision and its reason needed)."""
    text = "\n".join(d.record.split(" ", 2))
    return f"{text}\n{other}{on_two_lines(d.other_record)}" if d.other_record else text


def d_record(change: dict) -> str:
    return f"{on_two_lines(change['record'])}\n" if change.get("record") else ""


def _value(value) -> str:
    if value is True:
        return translate("Review", review.YES)
    if value is False:
        return translate("Review", review.NO)
    if value is None or value == "":
        return "—"
    return translate("Review", str(value))

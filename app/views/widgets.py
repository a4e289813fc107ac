"""Small widgets the forms share: code-list combos, check-box groups, inline error labels, and the
editor of each kind of field of a field table (:func:`field_editor`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP, finish_translation
from app.services.errors import Message
from app.services.records.field_table import Field, Kind
from app.services.records.validators import is_digits


def lang() -> str:
    return QCoreApplication.instance().property("cunyi_lang") or "zh"


def aside(text: object) -> str:
    """``text`` in brackets after what it qualifies: （…） in Chinese, " (…)" in English."""
    return f" ({text})" if lang() == "en" else f"（{text}）"


def translate(context: str, text: str) -> str:
    return finish_translation(QCoreApplication.translate(context, text), text, lang())


def field_text(text: str) -> str:
    """A string of a field table (label, section title, hint: context "Field") in the UI language."""
    return translate("Field", text) if text else ""


def field_label(f: Field) -> str:
    """A field's row label: its label in the UI language, marked * when required."""
    return field_text(f.label) + (" *" if f.required else "")


def render(message: Message) -> str:
    """A service message in the UI language."""
    return message.render(translate)


def print_labels():
    """Labels for printed documents in the UI language."""
    from app.services.printing import Labels

    return Labels(translate, lang())


def code_label(list_name: str, code: str | None) -> str:
    return CODE_LISTS[list_name].label(code, lang())


class CodeCombo(QComboBox):
    """A code list as a combo; items read '2 女' so typing the code selects it."""

    def __init__(self, list_name: str, *, blank: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.list_name = list_name
        # Long labels (职业 0 …) would make the form wider than the window; the popup shows them whole.
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        if blank:
            self.addItem("", "")
        for c in CODE_LISTS[list_name]:
            self.addItem(f"{c.code} {c.label(lang())}" if is_digits(c.code) else c.label(lang()), c.code)

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str | None) -> None:
        i = self.findData(code or "")
        self.setCurrentIndex(max(i, 0))


class CheckGroup(QWidget):
    """A multi-choice code list as a grid of check boxes (Tab moves through them in order)."""

    def __init__(self, list_name: str, *, columns: int = 4, skip: tuple[str, ...] = (), parent=None):
        super().__init__(parent)
        self.list_name = list_name
        if lang() != "zh":  # English labels run about twice as wide as Chinese ones
            columns = max(2, (columns + 1) // 2)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(self.SPACING)
        # as wide as the form gives it: fewer columns when that is narrower than they need
        # (:meth:`resizeEvent`), never a form wider than its window
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.boxes: dict[str, QCheckBox] = {}
        cl = CODE_LISTS[list_name]
        for c in cl:
            if c.code not in skip:
                box = self.boxes[c.code] = QCheckBox(c.label(lang()))
                if cl.none_code:
                    box.toggled.connect(lambda on, code=c.code: self._exclusive(code, on))
        self.most_columns = columns
        self.columns = 0
        self._place(columns)

    SPACING = 12

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for box in self.boxes.values():
            self._grid.removeWidget(box)
        for i, box in enumerate(self.boxes.values()):
            self._grid.addWidget(box, i // columns, i % columns)
        self.updateGeometry()

    def fitting_columns(self, width: int) -> int:
        """As many columns as fit ``width`` (the boxes filled row by row), up to the group's; one at least."""
        widths = [b.sizeHint().width() for b in self.boxes.values()]
        columns = self.most_columns
        while columns > 1:
            needed = sum(max(widths[c::columns], default=0) for c in range(columns))
            if needed + self.SPACING * (columns - 1) <= width:
                break
            columns -= 1
        return columns

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        widest = max((b.sizeHint().width() for b in self.boxes.values()), default=0)
        return QSize(min(hint.width(), widest), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place(self.fitting_columns(event.size().width()))

    def _exclusive(self, code: str, on: bool) -> None:
        """Ticking 无 clears the rest and vice versa, as on paper."""
        none = CODE_LISTS[self.list_name].none_code
        if not on:
            return
        for other, box in self.boxes.items():
            if (code == none) != (other == none) and box.isChecked():
                box.setChecked(False)

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_codes(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


def on_any_change(root: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever anything typed, chosen or ticked inside ``root`` changes (a form's live
    suggestion reads the whole form again: the rules are pure, no query while typing)."""
    for w in root.findChildren(QLineEdit):
        w.textChanged.connect(lambda *_a: slot())
    for w in root.findChildren(QComboBox):
        w.currentIndexChanged.connect(lambda *_a: slot())
    for w in root.findChildren(QCheckBox):
        w.toggled.connect(lambda *_a: slot())


class ErrorLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("color: #c62828;")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldBox(QWidget):
    """A field widget with its inline error message underneath."""

    def __init__(self, widget: QWidget, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        self.widget = widget
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.setFocusProxy(widget)


class DateEdit(QDateEdit):
    """A date typed as every other form takes it, 年-月-日 ("2025-03-15"), or picked from a calendar.
    Qt moves on to the month by itself once the year's four digits are in: the "-" typed after them
    moved on once more, and "2025-03-15" came out as 2025-12-03.  A separator right after such a
    move is taken as the one the move stood for; digits typed over the whole text (Ctrl+A) begin
    with the year."""

    SEPARATORS = frozenset("-/.年月")

    def __init__(self, date=None, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if date is not None:
            self.setDate(date)
        self._moved_on = False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        typed = event.text()
        if typed and typed in self.SEPARATORS and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        editor = self.lineEdit()
        if is_digits(typed) and editor.hasSelectedText() and editor.selectedText() == editor.text():
            self.setCurrentSectionIndex(0)  # (all selected: the year first, as it is written)
            self.setSelectedSection(self.sectionAt(0))
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._moved_on = is_digits(typed) and self.currentSectionIndex() != before


class AsksBeforeDiscarding:
    """A form dialog (mixed in before QDialog) whose 取消 and Esc ask before throwing away what was
    typed: a 148-field enrolment closed at one key.  ``typed()`` is what the form holds now;
    :meth:`remember_as_opened` once it is filled as it opens.  (Closing it otherwise, as a program
    does, asks nothing.)"""

    _as_opened = None

    def typed(self):
        raise NotImplementedError

    def remember_as_opened(self) -> None:
        self._as_opened = repr(self.typed())

    def cancel(self) -> None:
        if self._as_opened is not None and repr(self.typed()) != self._as_opened:
            answer = QMessageBox.question(
                self,
                translate("Forms", QT_TRANSLATE_NOOP("Forms", "放弃填写的内容")),
                translate("Forms", QT_TRANSLATE_NOOP("Forms", "填写的内容还没有保存。确定放弃吗？")),
                QMessageBox.Yes | QMessageBox.No,
                QMessageBox.No,
            )
            if answer != QMessageBox.Yes:
                return
        self.reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)


def make_default(button) -> None:
    """``button`` is what Enter presses in its dialog.  Called once the button is in the dialog:
    made the default before, the dialog never knew it, and a button the Tab key passed over (取消)
    stayed the default, so Enter in any field cancelled the form."""
    button.setDefault(False)
    button.setDefault(True)


def line_edit(placeholder: str = "", max_len: int = 200) -> QLineEdit:
    w = QLineEdit()
    w.setPlaceholderText(placeholder)
    w.setMaxLength(max_len)
    w.setClearButtonEnabled(False)
    w.setAlignment(Qt.AlignLeft)
    if placeholder:  # the hint is read whole, in either language ("diagnosed year-month")
        w.setMinimumWidth(w.fontMetrics().horizontalAdvance(placeholder) + 20)
    return w


class LazyPage(QWidget):
    """A page that reads its data when first shown, not while the main window is being built."""

    _loaded = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:  # pragma: no cover - pages override
        raise NotImplementedError


def save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
    """Where the user chose to save a file (None: cancelled); a name typed without an ending
    takes the suggested name's (some platforms' dialogs add none)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not path:
        return None
    if not Path(path).suffix:
        path += Path(suggested).suffix
    return path


TITLE_BAR = 40  # what a window's frame and title take beyond its own height (Windows 10, 100 %)
SIDE_FRAMES = 16  # what its left and right frames take beyond its own width


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """``window.resize(width, height)``, no larger than the screen has room for (less the taskbar,
    the title bar and the frames): on a 1366×768 laptop a 760-pixel dialog put its 保存 button
    under the taskbar, and on an 800×600 screen a 940-pixel follow-up opened with 保存并开转诊单 and
    取消 beyond its right edge."""
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - SIDE_FRAMES)
        height = min(height, room.height() - TITLE_BAR)
    window.resize(width, height)


def hide_if_all_alike(table, column: int, values) -> None:
    """Hide ``column`` when its ``values`` are all one (村 on a village PC repeated its own name on
    every row, and pushed the columns after it out of sight at 1024 px); show it otherwise."""
    table.setColumnHidden(column, len(set(values)) <= 1)


def header_lines(text: str, longest: int = 12, longest_chinese: int = 4) -> str:
    """A column header longer than ``longest`` characters on two lines, broken at the space nearest
    its middle (English: "Wrong PC clock" scrolled the 质量 summary sideways at 1024 px); one
    without spaces (Chinese) longer than ``longest_chinese``, in two halves (a ninth kind of
    finding, 记录相互矛盾, scrolled it sideways at 800 px)."""
    if " " not in text:
        half = (len(text) + 1) // 2
        return text if len(text) <= longest_chinese else f"{text[:half]}\n{text[half:]}"
    if len(text) <= longest:
        return text
    middle = len(text) / 2
    at = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - middle))
    return f"{text[:at]}\n{text[at + 1 :]}"


def fit_columns(table, widths_em: dict[int, int]) -> None:
    """Fixed column widths from the font (in digit widths), never narrower than the header's text,
    nor than the rows' text up to twice the width (a code label is longer in English: 女 / Female)."""
    header = table.horizontalHeader()
    em = table.fontMetrics().horizontalAdvance("0")
    for column, width in widths_em.items():
        contents = min(table.sizeHintForColumn(column), 2 * width * em)
        header.resizeSection(
            column, max(width * em, header.sectionSizeFromContents(column).width() + em, contents)
        )


class _SharedWidth(QObject):
    """:func:`share_width`'s columns, laid out again as the table's viewport changes width or a
    column sized by its text does."""

    def __init__(self, table, weights: dict[int, int], least: dict[int, int]):
        super().__init__(table)
        self.table, self.weights, self.least = table, weights, least
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self.resized)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Resize:
            self.lay_out()
        return False

    def resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self.weights:  # (those it sets itself: no second layout)
            self.lay_out()

    def lay_out(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        own = sum(header.sectionSize(c) for c in range(table.columnCount()) if c not in self.weights)
        room = max(0, table.viewport().width() - own)
        widths, sharing = {}, dict(self.weights)
        while sharing:  # a column kept whole takes its least first; the others share what is left
            total = sum(sharing.values())
            short = [c for c, w in sharing.items() if room * w // total < self.least.get(c, 0)]
            if not short:
                widths.update({c: room * w // total for c, w in sharing.items()})
                break
            for column in short:
                widths[column] = self.least[column]
                room = max(0, room - self.least[column])
                del sharing[column]
        for column, width in widths.items():
            header.resizeSection(column, width)


def share_width(table, weights: dict[int, int], whole: dict[int, str]) -> None:
    """The columns of ``table`` in ``weights`` share the width the others (as wide as their text)
    leave, in proportion to their weights; their text wraps and each row is as tall as its text
    needs.  ``whole``: columns never narrower than a text (an archive number, cut at a column's
    edge, names no record).  Kept so as the table is resized: at 800 px a list of seven columns
    reads whole without scrolling sideways."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        header.setSectionResizeMode(
            column, QHeaderView.Interactive if column in weights else QHeaderView.ResizeToContents
        )
    table.setTextElideMode(Qt.ElideNone)
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    metrics = table.fontMetrics()
    pad = 2 * metrics.horizontalAdvance("0")
    least = {column: metrics.horizontalAdvance(text) + pad for column, text in whole.items()}
    _SharedWidth(table, weights, least).lay_out()


class WholeTextTips(QStyledItemDelegate):
    """A cell its column cuts short ("Awaiting…", "HTN T2DM …") shows its whole text as its
    tooltip, unless the cell has a tooltip of its own: at 800 pixels, or in English, a list's
    narrower columns lose what their cells say."""

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt's name
        if event is not None and event.type() == QEvent.ToolTip and not index.data(Qt.ToolTipRole):
            text = index.data(Qt.DisplayRole)
            if isinstance(text, str) and text and self.cut_short(view, option, index, text):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)

    def cut_short(self, view, option, index, text: str) -> bool:
        """Whether the cell shows less than ``text`` (its lines, each within the cell's width)."""
        self.initStyleOption(option, index)
        room = view.visualRect(index).width() - 2 * view.style().pixelMetric(
            view.style().PixelMetric.PM_FocusFrameHMargin, option, view
        )
        return any(option.fontMetrics.horizontalAdvance(line) > room - 2 for line in text.splitlines())


class AllOrSome(QCheckBox):
    """A check box standing for all of several things ("展开村民小组": every village's groups) that
    may also be set one by one elsewhere: partly checked when some are (unchecked beside groups
    shown told the opposite of the table), and a click on it then sets them all.  ``chosen``: a
    click's choice, all (True) or none (``toggled`` is not emitted from partly checked on)."""

    chosen = Signal(bool)

    def show_share(self, some: int, total: int) -> None:
        """Show ``some`` of ``total`` set, without a toggle (nothing to redo)."""
        state = (
            Qt.CheckState.Checked
            if total and some >= total
            else Qt.CheckState.PartiallyChecked
            if some
            else Qt.CheckState.Unchecked
        )
        self.blockSignals(True)
        try:
            self.setCheckState(state)
        finally:
            self.blockSignals(False)

    def nextCheckState(self) -> None:  # noqa: N802 - Qt's name
        all_of_them = self.checkState() != Qt.CheckState.Checked
        self.setCheckState(Qt.CheckState.Checked if all_of_them else Qt.CheckState.Unchecked)
        self.chosen.emit(all_of_them)


def on_two_lines(record: str) -> str:
    """ "name archive_no" with the number on a line of its own: a column as wide as the number (a
    number cut at the column's edge, or wrapped in two, names no record)."""
    return "\n".join(record.rsplit(" ", 1))


def read_only_table(headers: list[str]):
    """A list of records: whole rows selected one at a time, no editing, no row numbers; a cell cut
    short shows its whole text as its tooltip (:class:`WholeTextTips`)."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    t = QTableWidget(0, len(headers))
    t.setItemDelegate(WholeTextTips(t))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class NoteUnder(QLabel):
    """Under a list (:func:`read_only_table`), its selected row's whole note (``column``), wrapped:
    a note longer than its column, or of several lines, which the row shows on one.  Fill the
    column with :meth:`cell`."""

    def __init__(self, table, column: int):
        super().__init__()
        self.table, self.column = table, column
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # (a note may be a peer's words: never markup)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.hide()
        table.itemSelectionChanged.connect(self.show_selected)

    @staticmethod
    def cell(text: str):
        """The note's item: on one line in the row, whole in its tooltip and under the list."""
        from PySide6.QtGui import Qt as QtGui
        from PySide6.QtWidgets import QTableWidgetItem

        item = QTableWidgetItem(" ".join(text.split("\n")))
        item.setToolTip(QtGui.convertFromPlainText(text) if text else "")  # (a tooltip takes markup)
        item.setData(Qt.ItemDataRole.UserRole, text)
        return item

    def show_selected(self) -> None:
        row = self.table.currentRow() if self.table.selectionModel().hasSelection() else -1
        item = self.table.item(row, self.column) if row >= 0 else None
        text = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        self.setText(text or "")
        self.setVisible(bool(text))


def stack(*widgets: QWidget) -> QWidget:
    """Widgets one above the other, without margins (a check group and its "other" text)."""
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    for x in widgets:
        lay.addWidget(x)
    return w


@dataclass
class FieldEditor:
    """One field on a form: the widget its row shows, the field's own widget, what takes the focus
    when the field is wrong, and how it reads and shows its input attributes."""

    field: Field
    widget: QWidget | None  # what the row shows; None: no row (the value is still read)
    main: QWidget  # the field's own widget: a line edit, a combo, a check group …
    read: Callable[[], dict]  # {input attribute: value}
    load: Callable[[Any], None]  # show an input's values
    focus: QWidget | None = None  # default: main
    label: str | None = None  # the row label; None: the field's (field_label)
    span: bool = False  # the widget spans the row, without a label


_LINE_KINDS = (Kind.TEXT, Kind.DATE, Kind.MONTH, Kind.PHONE, Kind.RESIDENT_ID, Kind.NUMBER, Kind.DECIMAL)


def field_editor(f: Field) -> FieldEditor:
    """The editor of a field by its kind (CUSTOM fields are built by their form)."""

    def typed(inp, name: str = f.key):
        return getattr(inp, name, f.initial() if name == f.key else "")

    if f.kind in _LINE_KINDS:
        edit = line_edit(field_text(f.placeholder), f.input_length)
        return FieldEditor(
            f, edit, edit, lambda: {f.key: edit.text()}, lambda inp: edit.setText(str(typed(inp) or ""))
        )
    if f.kind is Kind.CODE:
        combo = CodeCombo(f.codes, blank=not f.initial())
        return FieldEditor(
            f, combo, combo, lambda: {f.key: combo.code()}, lambda inp: combo.set_code(typed(inp))
        )
    if f.kind is Kind.MULTI:
        group = CheckGroup(f.codes, columns=f.columns)
        first = next(iter(group.boxes.values()), group)
        if not f.other:
            return FieldEditor(
                f,
                group,
                group,
                lambda: {f.key: group.codes()},
                lambda inp: group.set_codes(typed(inp)),
                first,
            )
        other = line_edit(field_text(f.other_hint), 100)

        def load_multi(inp) -> None:
            group.set_codes(typed(inp))
            other.setText(typed(inp, f.other) or "")

        return FieldEditor(
            f,
            stack(group, other),
            group,
            lambda: {f.key: group.codes(), f.other: other.text()},
            load_multi,
            first,
        )
    if f.kind is Kind.BOOL:
        box = QCheckBox(field_text(f.choice or f.label))
        loaded = [f.initial()]  # a box cannot show 无 (False) apart from not asked (None)

        def load_bool(inp) -> None:
            loaded[0] = typed(inp)
            box.setChecked(bool(loaded[0]))

        def read_bool() -> dict:
            if box.isChecked():
                return {f.key: True}
            # left unticked, the value as loaded (a record's 无 saved untouched stayed 无: it became
            # not asked, and travelled as a change); unticked by the user, False
            return {f.key: False if loaded[0] is True else loaded[0]}

        return FieldEditor(
            f, box, box, read_bool, load_bool, label=field_label(f) if f.choice else ""
        )  # (the label is the box's own text)
    raise TypeError(f"{f.key}: a {f.kind.value} field needs an editor built by its form")


class SideBySide(QWidget):
    """Widgets side by side while the width holds each at its least width, else one above the
    other.  At 800 px two boxes side by side ran off the page's right edge (the 打印 page's
    入户随访工作单 and its button scrolled sideways)."""

    def __init__(self, *widgets: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.parts = widgets
        self.box = QBoxLayout(QBoxLayout.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        # the widget's least width is its widest part's (stacked), not the parts' sum: resizeEvent
        # decides which it is, and a layout forcing the sum would never let it stack
        self.box.setSizeConstraint(QLayout.SetNoConstraint)
        for w in widgets:
            self.box.addWidget(w, 1)

    def side_by_side_width(self) -> int:
        return sum(w.minimumSizeHint().width() for w in self.parts) + self.box.spacing() * (
            len(self.parts) - 1
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(max(w.minimumSizeHint().width() for w in self.parts), self.box.minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.side_by_side_width(), self.box.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        wanted = (
            QBoxLayout.LeftToRight
            if event.size().width() >= self.side_by_side_width()
            else QBoxLayout.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()  # (stacked, it is taller: the page makes room)
        super().resizeEvent(event)


def toolbar(left: list[QWidget], right: list[QWidget]) -> SideBySide:
    """A page's row of controls: ``left`` (a title, a filter) then ``right`` (its buttons, at the
    right edge) on one line while they fit, the buttons on a line of their own below when not (in
    English at 800 px a page's last buttons were off its edge)."""
    parts = []
    for widgets, stretch_first in ((left, False), (right, True)):
        part = QWidget()
        row = QHBoxLayout(part)
        row.setContentsMargins(0, 0, 0, 0)
        if stretch_first:
            row.addStretch(1)
        for w in widgets:
            row.addWidget(w)
        if not stretch_first:
            row.addStretch(1)
        parts.append(part)
    return SideBySide(*parts)


class FlowLayout(QLayout):
    """Items left to right at their preferred widths, going on to another line where the width
    runs out (a paragraph of widgets).  It asks for one line's width and at least its widest item's."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4):
        super().__init__(parent)
        self.items = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self.items.append(item)

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int):  # noqa: N802 - Qt's name
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt's name
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hints = [i.sizeHint() for i in self.items] or [QSize(0, 0)]
        width = sum(h.width() for h in hints) + self.spacing() * (len(hints) - 1)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), max(h.height() for h in hints) + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        least = QSize(0, 0)
        for item in self.items:
            least = least.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return least + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _lay_out(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (``move``) or only measure: the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self.items:
            size = item.sizeHint()
            if x > area.x() and x + size.width() > area.right() + 1:  # the next line
                x, y, line = area.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(x, y, min(size.width(), area.width()), size.height()))
            x += size.width() + self.spacing()
            line = max(line, size.height())
        return y + line - rect.y() + m.bottom()


class WrappingTabs(QWidget):
    """Tabs whose row wraps onto a second line where a tab bar would hide tabs behind scroll
    arrows: at 800 px the 贫困户 page's six lists, with their counts, needed 770 px in Chinese and
    1135 px in English beside 608 px of page.  Each tab is a button of its row; the pages are a
    stack below it.  Speaks QTabWidget's words for what the pages use of it."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QWidget()
        self.bar.setObjectName("tabRow")
        self.row = FlowLayout(self.bar)
        # a tab chosen reads like a selected item of a list (the side menu's colours)
        self.bar.setStyleSheet(
            "#tabRow QPushButton { padding: 4px 10px; border: 1px solid palette(mid);"
            " border-radius: 3px; background: palette(button); }"
            " #tabRow QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border-color: palette(highlight); }"
        )
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.setCurrentIndex)
        self.pages = QStackedWidget()
        self.pages.currentChanged.connect(self._shown)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.bar)
        lay.addWidget(self.pages, 1)

    def addTab(self, page: QWidget, text: str) -> int:  # noqa: N802 - QTabWidget's name
        index = self.pages.count()
        tab = QPushButton(text)
        tab.setCheckable(True)
        tab.setAutoDefault(False)
        self.group.addButton(tab, index)
        self.row.addWidget(tab)
        self.pages.addWidget(page)  # (the first is shown, its tab checked: _shown)
        return index

    def tab(self, index: int) -> QPushButton:
        return self.group.button(index)

    def count(self) -> int:
        return self.pages.count()

    def tabText(self, index: int) -> str:  # noqa: N802 - QTabWidget's name
        return self.tab(index).text()

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - QTabWidget's name
        self.tab(index).setText(text)
        self.row.invalidate()  # (a longer count may take the tab onto the next line)

    def currentIndex(self) -> int:  # noqa: N802 - QTabWidget's name
        return self.pages.currentIndex()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 - QTabWidget's name
        self.pages.setCurrentIndex(index)

    def currentWidget(self) -> QWidget:  # noqa: N802 - QTabWidget's name
        return self.pages.currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - QTabWidget's name
        self.pages.setCurrentWidget(page)

    def widget(self, index: int) -> QWidget:
        return self.pages.widget(index)

    def _shown(self, index: int) -> None:
        tab = self.group.button(index)  # (None: no page left)
        if tab is not None:
            tab.setChecked(True)
        self.currentChanged.emit(index)


class WrappedLabel(QLabel):
    """A word-wrapped label that keeps the height its lines take at the width it is given.  A
    wrapped QLabel's least height is worked out for a width of its own choosing: squeezed by a
    splitter or a full page, its last line was cut off."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._hold_lines(self.width())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._hold_lines(event.size().width())

    def _hold_lines(self, width: int) -> None:
        need = self.heightForWidth(width)
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)


def empty_note(text: str) -> QLabel:
    """What a list says when it is empty, and why (an empty table says nothing): shown by its
    page while the list is empty."""
    note = WrappedLabel(text)
    note.setStyleSheet("color: #666;")
    note.hide()
    return note

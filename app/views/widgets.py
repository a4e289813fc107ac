"""Small widgets the forms share: code-list combos, check-box groups, inline error labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.codes import CODE_LISTS, english_label
from app.services.errors import Message


def lang() -> str:
    return QCoreApplication.instance().property("cunyi_lang") or "zh"


def translate(context: str, text: str) -> str:
    out = QCoreApplication.translate(context, text)
    if out == text and context == "Field" and lang() == "en":
        return english_label(text) or text  # a code-list label: the code lists carry their English
    return out


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
            self.addItem(f"{c.code} {c.label(lang())}" if c.code.isdigit() else c.label(lang()), c.code)

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
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.boxes: dict[str, QCheckBox] = {}
        cl = CODE_LISTS[list_name]
        for i, c in enumerate(c for c in cl if c.code not in skip):
            box = QCheckBox(c.label(lang()))
            self.boxes[c.code] = box
            grid.addWidget(box, i // columns, i % columns)
            if cl.none_code:
                box.toggled.connect(lambda on, code=c.code: self._exclusive(code, on))

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


def line_edit(placeholder: str = "", max_len: int = 200) -> QLineEdit:
    w = QLineEdit()
    w.setPlaceholderText(placeholder)
    w.setMaxLength(max_len)
    w.setClearButtonEnabled(False)
    w.setAlignment(Qt.AlignLeft)
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


def fit_columns(table, widths_em: dict[int, int]) -> None:
    """Fixed column widths from the font (in digit widths), never narrower than the header's text."""
    header = table.horizontalHeader()
    em = table.fontMetrics().horizontalAdvance("0")
    for column, width in widths_em.items():
        header.resizeSection(column, max(width * em, header.sectionSizeFromContents(column).width() + em))


def read_only_table(headers: list[str]):
    """A list of records: whole rows selected one at a time, no editing, no row numbers."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t

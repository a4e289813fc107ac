"""Print preview inside the app: the PDF's pages rendered as images (pdfium) as they come into
view, then the system print dialog (QPrinter: printer, paper size, copies; sent off the GUI
thread with progress and cancel) or "save as PDF".

The PDF bytes come from the printing service; this view only shows and sends them.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.printing import MISSING, missing_marks, write_pdf
from app.services.printing.engine import LOCK as PDFIUM
from app.services.printing.engine import close_pdf, open_pdf
from app.views.widgets import fit_to_screen
from app.views.worker import run_in_background

PREVIEW_DPI = 96
# Previews whose document is open: closed when their dialog finishes, or all at once as the
# application quits (close_all), never left to pdfium's own clean-up at interpreter exit.
_OPEN: weakref.WeakSet = weakref.WeakSet()
_quit_hooked = False


def close_all() -> None:
    """Close the document of every preview still open (the application quitting)."""
    for dialog in list(_OPEN):
        dialog._close_pdf()


PRINT_DPI_MAX = 300


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page of an open PDF as a QImage at ``dpi`` (QImage may be made on any thread)."""
    with PDFIUM:
        page = pdf[index]
        try:
            pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
        finally:
            page.close()
    raw = pil.tobytes("raw", "RGB")
    return QImage(raw, pil.width, pil.height, 3 * pil.width, QImage.Format_RGB888).copy()


def print_pdf(
    data: bytes,
    printer: QPrinter,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Send the PDF's pages to ``printer``, each scaled to fit the printable area; returns pages sent.

    One page is rendered at a time (a 100-page batch at 300 dpi would not fit in memory at once);
    safe on a worker thread (QPainter on a QPrinter)."""
    dpi = min(printer.resolution(), PRINT_DPI_MAX)
    pdf = open_pdf(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            return 0
        with PDFIUM:
            total = len(pdf)
        for n in range(total):
            if cancelled and cancelled():
                printer.abort()
                return n
            if n:
                printer.newPage()
            image = render_page(pdf, n, dpi)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
            if progress:
                progress(n + 1, total)
        return total
    finally:
        if painter.isActive():
            painter.end()
        close_pdf(pdf)


class PrintPreviewDialog(QDialog):
    """Pages are drawn as they scroll into view: a batch of 500 cards is 100 pages, and rendering
    them all up front would block the window for seconds and hold hundreds of MB of images."""

    def __init__(self, data: bytes, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.file_name = data, file_name
        self.pdf = open_pdf(data)
        with PDFIUM:
            self.page_sizes = [self.pdf.get_page_size(i) for i in range(len(self.pdf))]  # points
        self.images: list[QImage | None] = [None] * len(self.page_sizes)  # rendered as needed
        self.labels: list[QLabel] = []
        self.setWindowTitle(self.tr("打印预览 — {title}").replace("{title}", title))
        fit_to_screen(self, 900, 760)
        self.zoom = QComboBox()
        for label, factor in ((self.tr("适合宽度"), 0.0), ("75%", 0.75), ("100%", 1.0), ("150%", 1.5)):
            self.zoom.addItem(label, factor)
        self.zoom.currentIndexChanged.connect(self._layout_pages)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(lambda: self.save_as())  # (not the checked flag as a path)
        close = QPushButton(self.tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.pages_label = QLabel(self.tr("共 {n} 页").replace("{n}", str(len(self.page_sizes))))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("缩放")))
        bar.addWidget(self.zoom)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        # a 生僻字 the bundled font lacks prints as 〓: said before it goes to paper
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px;")
        marks = missing_marks(self.pdf)
        self.missing.setText(
            self.tr("有 {n} 个字打印字库中没有，印成了“{mark}”：请打印后用笔补写。")
            .replace("{n}", str(marks))
            .replace("{mark}", MISSING)
        )
        self.missing.setVisible(marks > 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        self.scroll.verticalScrollBar().valueChanged.connect(self._render_visible)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.missing)
        lay.addWidget(self.scroll, 1)
        self.finished.connect(self._close_pdf)
        global _quit_hooked
        if not _quit_hooked and (app := QApplication.instance()) is not None:
            app.aboutToQuit.connect(close_all)
            _quit_hooked = True
        _OPEN.add(self)
        self._width = 0
        self._layout_pages()

    def _page_width(self, index: int) -> int:
        factor = self.zoom.currentData() or 0.0
        if factor == 0.0:
            return max(200, self.scroll.viewport().width() - 40)
        return int(self.page_sizes[index][0] / 72 * PREVIEW_DPI * factor)

    def _layout_pages(self) -> None:
        """Placeholders of each page's size; the pages in view are then drawn."""
        holder = QWidget()
        holder.setStyleSheet("background: #808080;")
        column = QVBoxLayout(holder)
        column.setSpacing(12)
        self.labels = []
        for i, (w_pt, h_pt) in enumerate(self.page_sizes):
            w = self._page_width(i)
            label = QLabel()
            label.setFixedSize(w, int(w * h_pt / w_pt))
            label.setStyleSheet("background: white;")
            column.addWidget(label, 0, Qt.AlignHCenter)
            self.labels.append(label)
        column.addStretch(1)
        self.scroll.setWidget(holder)
        self.images = [None] * len(self.page_sizes)
        self._width = self.scroll.viewport().width()
        holder.adjustSize()
        self._render_visible()

    def _close_pdf(self, _result: int = 0) -> None:
        _OPEN.discard(self)
        if self.pdf is not None:
            close_pdf(self.pdf)
            self.pdf = None

    def _render_visible(self) -> None:
        if self.pdf is None:  # closed
            return
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        for i, label in enumerate(self.labels):
            y = label.y()
            if self.images[i] is None and y <= bottom + label.height() and y + label.height() >= top:
                image = render_page(self.pdf, i, label.width() / self.page_sizes[i][0] * 72)
                self.images[i] = image
                label.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if (self.zoom.currentData() or 0.0) == 0.0 and abs(self.scroll.viewport().width() - self._width) > 8:
            self._layout_pages()
        else:
            self._render_visible()

    def print_document(self) -> bool:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.Accepted:
            return False
        self.printer = printer  # alive until the background job is done

        def sent(pages: int) -> None:
            if not pages:
                QMessageBox.warning(
                    self, self.windowTitle(), self.tr("打印机无法开始打印，请检查打印机后重试")
                )

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, self.windowTitle(), str(error))

        run_in_background(
            self,
            self.tr("正在打印…"),
            lambda progress, cancelled: print_pdf(self.data, printer, progress, cancelled),
            sent,
            failed,
        )
        return True

    def save_as(self, path: str | None = None) -> Path | None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("另存为 PDF"), str(Path.home() / self.file_name), self.tr("PDF 文件 (*.pdf)")
            )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            return write_pdf(path, self.data)
        except OSError as e:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("无法保存：{error}").replace("{error}", str(e))
            )
            return None


def preview(parent: QWidget, data: bytes, title: str, file_name: str) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(data, title, file_name, parent)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog

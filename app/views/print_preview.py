"""Print preview inside the app: the PDF's pages rendered as images (pdfium), then the system
print dialog (QPrinter: printer, paper size, copies) or "save as PDF".

The PDF bytes come from the printing service; this view only shows and sends them.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
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

from app.services.printing import write_pdf

PREVIEW_DPI = 96
PRINT_DPI_MAX = 300


def page_images(data: bytes, dpi: float) -> list[QImage]:
    """Every page of a PDF as a QImage at ``dpi``."""
    pdf = pdfium.PdfDocument(data)
    try:
        images = []
        for i in range(len(pdf)):
            page = pdf[i]
            pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
            raw = pil.tobytes("raw", "RGB")
            images.append(QImage(raw, pil.width, pil.height, 3 * pil.width, QImage.Format_RGB888).copy())
            page.close()
        return images
    finally:
        pdf.close()


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Send the PDF's pages to ``printer``, each scaled to fit the printable area; returns pages sent."""
    dpi = min(printer.resolution(), PRINT_DPI_MAX)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        images = page_images(data, dpi)
        for n, image in enumerate(images):
            if n:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        return len(images)
    finally:
        painter.end()


class PrintPreviewDialog(QDialog):
    def __init__(self, data: bytes, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.file_name = data, file_name
        self.setWindowTitle(self.tr("打印预览 — {title}").replace("{title}", title))
        self.resize(900, 760)
        self.zoom = QComboBox()
        for label, factor in ((self.tr("适合宽度"), 0.0), ("75%", 0.75), ("100%", 1.0), ("150%", 1.5)):
            self.zoom.addItem(label, factor)
        self.zoom.currentIndexChanged.connect(self._show_pages)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_as)
        close = QPushButton(self.tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.pages_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("缩放")))
        bar.addWidget(self.zoom)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.scroll, 1)
        self.images = page_images(data, PREVIEW_DPI * 1.5)
        self.pages_label.setText(self.tr("共 {n} 页").replace("{n}", str(len(self.images))))
        self._show_pages()

    def _show_pages(self) -> None:
        factor = self.zoom.currentData() or 0.0
        holder = QWidget()
        holder.setStyleSheet("background: #808080;")
        column = QVBoxLayout(holder)
        column.setSpacing(12)
        width = max(200, self.scroll.viewport().width() - 40)
        for image in self.images:
            w = int(width if factor == 0 else image.width() / 1.5 * factor)
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image).scaledToWidth(w, Qt.SmoothTransformation))
            label.setStyleSheet("background: white;")
            column.addWidget(label, 0, Qt.AlignHCenter)
        column.addStretch(1)
        self.scroll.setWidget(holder)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if (self.zoom.currentData() or 0.0) == 0.0:
            self._show_pages()

    def print_document(self) -> bool:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.Accepted:
            return False
        sent = print_pdf(self.data, printer)
        if not sent:
            QMessageBox.warning(self, self.windowTitle(), self.tr("打印机无法开始打印，请检查打印机后重试"))
        return bool(sent)

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

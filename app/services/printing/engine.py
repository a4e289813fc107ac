"""pdfium, which reads every PDF the app shows or checks (the print preview, printing, the 存档材料
viewer, an attached PDF's check), one call at a time.

pdfium is not thread-safe, not even across documents (pypdfium2's documentation: concurrent calls
crash or corrupt the process).  Printing renders on a worker thread, and so does the 存档材料
viewer, while a preview renders its pages on the window's: every pdfium call holds :data:`LOCK`
(:func:`open_pdf` and :func:`close_pdf` take it for opening and closing a document).
"""

from __future__ import annotations

import threading

LOCK = threading.RLock()


def open_pdf(data: bytes):
    """The PDF ``data`` as an open ``pypdfium2.PdfDocument`` (raises ``PdfiumError``)."""
    import pypdfium2 as pdfium

    with LOCK:
        return pdfium.PdfDocument(data)


def close_pdf(pdf) -> None:
    with LOCK:
        pdf.close()

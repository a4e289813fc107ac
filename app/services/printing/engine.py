"""pdfium, which reads every PDF the app shows or checks (the print preview, printing, the 存档材料
viewer, an attached PDF's check), one call at a time.

pdfium is not thread-safe, not even across documents (pypdfium2's documentation: concurrent calls
crash or corrupt the process).  Printing renders on a worker thread, and so does the 存档材料
viewer, while a preview renders its pages on the window's: every pdfium call holds :data:`LOCK`.
"""

from __future__ import annotations

import threading

LOCK = threading.RLock()

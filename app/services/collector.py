"""The cyclic garbage collector, paused while bulk work runs.

An indicator evaluation makes some 300k short-lived tuples (a county's, millions), a bundle's
import a million small objects; none of them is in a reference cycle.  With the collector on,
their allocations set off collections that walk the young objects (and now and then the whole
heap: the residents' rows included) again and again, a fifth to a third of the work.  Reference
counting still frees everything while it is paused.

Several may run at once (the GUI's workers, the township server's imports): the collector resumes
when the last of them ends, and only if it was on when the first began.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_running = 0  # bulk work running with the collector paused
_resume = False  # whether it was on when the first of them began


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector paused for the ``with`` block (also usable as a decorator)."""
    global _running, _resume
    with _lock:
        _running += 1
        if _running == 1:
            _resume = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _resume:
                gc.enable()

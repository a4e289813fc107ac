"""The cyclic collector paused for bulk work (app/services/collector.py): an evaluation and an
import running at once leave it paused until the last one ends, and never switch it on if it was off."""

import gc
import threading

from app.services import collector


def test_overlapping_pauses_resume_the_collector_when_the_last_ends():
    assert gc.isenabled()
    first_in, first_may_end = threading.Event(), threading.Event()

    def first():  # (an import on the township server's worker)
        with collector.paused():
            first_in.set()
            first_may_end.wait(10)

    worker = threading.Thread(target=first)
    worker.start()
    assert first_in.wait(10)
    with collector.paused():  # (a report in the GUI meanwhile, still running when the import ends)
        first_may_end.set()
        worker.join(10)
        assert not worker.is_alive()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off():
    gc.disable()
    try:
        with collector.paused():
            with collector.paused():
                pass
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()

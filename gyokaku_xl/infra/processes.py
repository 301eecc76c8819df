"""Worker processes for the large runs: always started with *spawn*, the method Windows has.

Spawned workers import what they run afresh (no copy of this process's state), so the same code
path is tested on Linux as the one the office's Windows machines take. Used by
:mod:`gyokaku_xl.reading.parallel` (reading) and :mod:`gyokaku_xl.run.split` (the split 資料1-3).
"""

from __future__ import annotations

import os
import threading
from functools import partial
from typing import Any, Callable


def spawn_pool(workers: int, initializer: Callable[[], None] | None = None) -> Any:
    """A ``ProcessPoolExecutor`` of ``workers`` spawned processes that end with this one.

    A run lets a finished worker go without waiting for it, and the command line ends its process
    at once; each worker therefore watches its parent and ends itself when the parent is gone
    (otherwise it would stay blocked on its task queue, keeping the console's pipe open).
    Raises ``OSError``/``RuntimeError`` where no process can be started (callers then work here).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, initializer=partial(_start_worker, initializer),
                               mp_context=multiprocessing.get_context("spawn"))


def _start_worker(initializer: Callable[[], None] | None) -> None:
    """In the worker: watch the parent, then run the caller's initializer."""
    threading.Thread(target=_end_with_parent, name="gyokaku-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer()


def _end_with_parent() -> None:
    """Wait for the parent process to end, then end this worker at once (its work is orphaned)."""
    import multiprocessing.connection

    parent = multiprocessing.parent_process()
    if parent is None:
        return
    multiprocessing.connection.wait([parent.sentinel])
    os._exit(0)

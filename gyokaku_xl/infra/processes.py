"""Worker processes for the large runs: always started with *spawn*, the method Windows has.

Spawned workers import what they run afresh (no copy of this process's state), so the same code
path is tested on Linux as the one the office's Windows machines take. Used by
:mod:`gyokaku_xl.reading.parallel` (reading) and :mod:`gyokaku_xl.run.split` (the split 資料1-3).
"""

from __future__ import annotations

from typing import Any, Callable


def spawn_pool(workers: int, initializer: Callable[[], None] | None = None) -> Any:
    """A ``ProcessPoolExecutor`` of ``workers`` spawned processes.

    Raises ``OSError``/``RuntimeError`` where no process can be started (callers then work here).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, initializer=initializer,
                               mp_context=multiprocessing.get_context("spawn"))

"""資料1-3 written by a second process as its own workbook beside the master (large plans).

The content is :mod:`gyokaku_xl.render.split_book`'s; this module runs it in a spawned process
(Windows-safe) and puts the book in place atomically, together with the master.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Sequence

from gyokaku_xl.infra.atomic import atomic_write, temp_beside
from gyokaku_xl.domain.findings import OutputLockedError
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.infra.processes import spawn_pool
from gyokaku_xl.domain.records import MergeResult


class SplitWorker:
    """The second process, started ahead while this one validates and consolidates.

    Starting an interpreter and importing the writer takes about half a second; started as soon
    as the rows read show that 資料1-3 will most likely be its own workbook, that time overlaps
    validation instead of delaying the 資料1-3 book, which is the last to finish at 300 files.
    Unused (fewer rows were accepted after all), it is shut down without waiting.
    """

    def __init__(self) -> None:
        from gyokaku_xl.render.split_book import warm_up

        self.pool: Any = spawn_pool(1)
        self.pool.submit(warm_up)

    @staticmethod
    def if_likely(plan: Plan, rows_read: int) -> "SplitWorker | None":
        """A started worker when ``rows_read`` reach the plan's split threshold (None otherwise,
        or when no second process can be started here)."""
        from gyokaku_xl.render.split_book import split_from

        if rows_read < split_from(plan):
            return None
        try:
            return SplitWorker()
        except (OSError, RuntimeError):
            return None

    def close(self) -> None:
        """Let the process go (not waited for)."""
        self.pool.shutdown(wait=False)


class SplitBook:
    """資料1-3 written by a second process (spawn) while this one writes the master.

    The worker writes a temporary file beside the target; the master waits for it (:meth:`wait`)
    before it replaces the old master, so a failed run leaves the old pair as it was; then
    :meth:`finish` moves it into place atomically.
    """

    def __init__(self, result: MergeResult, master: Path, worker: SplitWorker | None = None,
                 target_lines: Mapping[str, Sequence[str]] | None = None) -> None:
        from gyokaku_xl.render.split_book import payload_of, write_by_program_book

        self.tmp = temp_beside(master)
        self.payload = payload_of(result, target_lines)
        self.pool: Any = None
        self.future: Any = None
        try:
            self.pool = worker.pool if worker is not None else spawn_pool(1)
            self.future = self.pool.submit(write_by_program_book, str(self.tmp), self.payload)
        except (OSError, RuntimeError):  # no second process here: written in this one in finish()
            self.future = None

    def wait(self) -> None:
        """Wait for the worker; errors in it are raised here.

        When the second process could not start or died (an embedding host without a usable
        Python executable, memory), the same workbook is written in this process instead.
        """
        from concurrent.futures.process import BrokenProcessPool

        from gyokaku_xl.render.split_book import write_by_program_book

        try:
            if self.future is None:
                raise BrokenProcessPool("not started")
            self.future.result()
        except BrokenProcessPool:
            write_by_program_book(str(self.tmp), self.payload)

    def finish(self, target: Path, notices: list[str]) -> Path:
        """Put the written workbook at ``target`` (or a fallback name beside it, noted)."""
        try:
            return atomic_write(target, lambda tmp: os.replace(self.tmp, tmp))
        except OutputLockedError as exc:
            notices.append(str(exc))
            return Path(exc.fallback)

    def close(self) -> None:
        """Stop the worker and remove its temporary file if it is still there."""
        finished = self.future is None or self.future.done()
        if self.future is not None:
            self.future.cancel()
        if self.pool is not None:
            # A worker that has finished only has its teardown left (half a second at 300 files):
            # not waited for. One still writing is, so that its temporary file is removed below.
            self.pool.shutdown(wait=not finished)
        self.tmp.unlink(missing_ok=True)

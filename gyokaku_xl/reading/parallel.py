"""The forms of a large inbox, and the plan master, read by two worker processes.

Reading is a third of a large run and uses one core; the other sits idle until the split 資料1-3
(:mod:`gyokaku_xl.run.split`) starts. From :data:`PARALLEL_FROM` readable files, two spawned
processes (the start method Windows has) read the plan master first and then the forms in chunks
of :data:`CHUNK`, while this process takes the reports back *in inbox order*, so everything after
— the run budget, validation, consolidation — sees exactly what a serial read gives.

A report crosses back as the same :class:`~gyokaku_xl.core.validate.FileReport` the serial read makes
(about 36 kB pickled for a 55-row form, a millisecond to unpickle). At most :data:`WINDOW` chunks
are in flight, so however large the inbox, memory holds only those and what the budget admitted.

When the workers cannot start (an embedding host without a usable Python) or one dies, what is
left is read in this process: the result is the same, only slower.
"""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from gyokaku_xl.domain.inbox import InboxEntry
from gyokaku_xl.reading.plan import PlanResult, read_plan
from gyokaku_xl.infra.processes import spawn_pool
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits, Room
from gyokaku_xl.domain.reports import FileReport
from gyokaku_xl.reading.form import open_form

#: From this many readable files the workers are started. Below it, starting two interpreters
#: (about 0.3 s each on a 2-core machine) costs more than they save (``bench/bench_merge.py``).
PARALLEL_FROM = 100
WORKERS = 2
#: Files per task: large enough that the round trip is small beside the reading (~10 ms a file).
CHUNK = 8
#: Chunks submitted ahead of the one being taken back.
WINDOW = 4 * WORKERS

Progress = Callable[[int, int, str], None]


def _open_chunk(entries: list[InboxEntry], limits: Limits, room: Room | None = None) -> list[FileReport]:
    """Read one chunk of entries (in a worker process; a top-level function, so spawn finds it).
    ``room`` is the run's room when the chunk was sent: never less than when its reports are
    admitted, so a form stopped for it does not fit then either."""
    return [open_form(entry, limits, room) for entry in entries]


def _quiet_worker() -> None:
    """A worker lives for one run and frees everything it made by reference counting."""
    import gc
    gc.disable()


class InboxReader:
    """Reads an inbox's entries (and optionally the plan master), in parallel when it pays.

    Use as a context manager; :meth:`read_plan` then :meth:`reports`.
    """

    def __init__(self, entries: Sequence[InboxEntry], limits: Limits = DEFAULT_LIMITS,
                 plan_path: Path | None = None, parallel_from: int | None = None) -> None:
        self.entries = list(entries)
        self.limits = limits
        self.plan_path = plan_path
        self.pool: Any = None
        self._plan_future: Any = None
        self._room: Callable[[], Room] | None = None
        readable = sum(1 for e in self.entries if e.readable)
        if readable >= max(1, PARALLEL_FROM if parallel_from is None else parallel_from) and \
                (os.cpu_count() or 1) >= 2:  # on one core, workers only add their start-up
            self._start()

    @property
    def parallel(self) -> bool:
        """Whether worker processes are reading."""
        return self.pool is not None

    def _start(self) -> None:
        try:
            self.pool = spawn_pool(WORKERS, initializer=_quiet_worker)
            if self.plan_path is not None:
                self._plan_future = self.pool.submit(read_plan, self.plan_path)
        except (OSError, RuntimeError):  # no second process here: read serially
            self.close()

    def read_plan(self, path: Path) -> PlanResult:
        """The plan master ``path`` read (by a worker when one took it); raises like :func:`read_plan`."""
        future, self._plan_future = self._plan_future, None
        if future is not None and self.plan_path is not None and Path(path) == self.plan_path:
            from concurrent.futures.process import BrokenProcessPool  # only with workers: a serial run
            try:                                                     # never imports multiprocessing
                return future.result()
            except BrokenProcessPool:
                self.close()
        return read_plan(path)

    def reports(self, progress: Progress | None = None,
                room: Callable[[], Room] | None = None) -> Iterator[FileReport]:
        """One report per entry, in the entries' order; ``progress(done, total, name)`` before each.

        ``room()`` says what the run can still take when a file is about to be read (the consumer
        admits each report before taking the next): a form that cannot fit is not read to its end.
        """
        self._room = room
        total = len(self.entries)
        chunks = [self.entries[i:i + CHUNK] for i in range(0, total, CHUNK)]
        pending: deque = deque()  # futures of chunks index, index + 1, … (None: read here)
        submitted = 0
        for index, chunk in enumerate(chunks):
            while self.pool is not None and submitted < min(len(chunks), index + WINDOW):
                pending.append(self._submit(chunks[submitted]))
                submitted += 1
            future = pending.popleft() if pending else None
            yield from self._take(future, chunk, progress, index * CHUNK, total)
        if progress is not None:
            progress(total, total, "")

    def _submit(self, chunk: list[InboxEntry]) -> Any:
        try:
            return self.pool.submit(_open_chunk, chunk, self.limits, self._room() if self._room else None)
        except (OSError, RuntimeError):
            self.close()
            return None

    def _take(self, future: Any, chunk: list[InboxEntry], progress: Progress | None, done: int,
              total: int) -> Iterator[FileReport]:
        if future is not None:
            from concurrent.futures.process import BrokenProcessPool
            if progress is not None:
                progress(done, total, chunk[0].path.name)
            try:
                reports = future.result()
            except BrokenProcessPool:  # a worker died (memory, killed): this process reads the rest
                self.close()
            else:
                if progress is not None:
                    for n, entry in enumerate(chunk[1:], start=done + 1):
                        progress(n, total, entry.path.name)
                yield from reports
                return
        for n, entry in enumerate(chunk, start=done):  # one at a time: each sees the room left
            if progress is not None:
                progress(n, total, entry.path.name)
            yield open_form(entry, self.limits, self._room() if self._room else None)

    def close(self) -> None:
        """Stop the workers (queued chunks are cancelled)."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "InboxReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

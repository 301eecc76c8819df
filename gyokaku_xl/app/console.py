"""Console helpers for the CLI: a progress bar on terminals and the run summary."""

from __future__ import annotations

import contextlib
from typing import Iterator, TextIO

from gyokaku_xl import text as g
from gyokaku_xl.app.summary_lines import summary_lines

#: Below this many files no progress bar is shown.
PROGRESS_MIN_FILES = 20


@contextlib.contextmanager
def progress_reporter(stream: TextIO, enabled: bool = True) -> Iterator:
    """Yield a ``progress(done, total, label)`` callable; draws a bar only on a terminal."""
    isatty = getattr(stream, "isatty", lambda: False)
    if not enabled or not isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=stream)
    bar = Progress(TextColumn(g.PROGRESS_READING), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                   console=console, transient=True)
    state: dict = {}

    def progress(done: int, total: int, label: str) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        if "task" not in state:
            bar.start()
            state["task"] = bar.add_task("", total=total)
        bar.update(state["task"], completed=done, description=label[:40])

    try:
        yield progress
    finally:
        if "task" in state:
            bar.stop()


def print_summary(outcome, out: TextIO) -> None:
    """Print the run summary."""
    for line in summary_lines(outcome):
        print(line, file=out)

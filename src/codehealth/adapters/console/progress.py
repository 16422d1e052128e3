"""A rich progress bar on stderr, only on a terminal and only for long work."""

from __future__ import annotations

import sys
from typing import Any


def progress_bar(label: str, machine_output: bool, minimum: int = 50) -> ProgressBar | None:
    """A bar when a person watches (stderr is a terminal) and the output is not for a
    machine; None otherwise, so CI logs and JSON stay clean."""
    if machine_output or not sys.stderr.isatty():
        return None
    return ProgressBar(label, minimum)


class ProgressBar:
    def __init__(self, label: str, minimum: int) -> None:
        self.label = label
        self.minimum = minimum
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total < self.minimum:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

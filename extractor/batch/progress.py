"""The batch progress bar (files, pages, failures, rate, ETA) and the closing table, with rich."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table


class BatchProgress:
    def __init__(self) -> None:
        self.console = Console(file=sys.stderr)
        self.pages = 0
        self.failures = 0
        self.progress = Progress(TextColumn("[bold]files"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("pages {task.fields[pages]} · failed {task.fields[failed]} · "
                                            "{task.fields[rate]} pages/s"),
                                 TimeElapsedColumn(), TimeRemainingColumn(), console=self.console)
        self.task = None

    def __enter__(self) -> "BatchProgress":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def update(self, result: dict, total: int) -> None:
        if self.task is None:
            self.task = self.progress.add_task("batch", total=total, pages=0, failed=0, rate="0")
        self.pages += result.get("pages", 0)
        self.failures += result["status"] == "failed"
        elapsed = self.progress.tasks[0].elapsed or 1e-9
        self.progress.update(self.task, advance=1, pages=self.pages, failed=self.failures,
                             rate=f"{self.pages / elapsed:.1f}")

    def print_summary(self, summary) -> None:
        table = Table(title="batch summary")
        for col in ("status", "files", "pages"):
            table.add_column(col)
        for status in ("ok", "partial", "not_disclosure", "skipped", "failed"):
            rows = [r for r in summary.results if r["status"] == status]
            table.add_row(status, str(len(rows)), str(sum(r.get("pages", 0) for r in rows)))
        self.console.print(table)
        for r in summary.results:
            if r["status"] in ("failed", "partial", "not_disclosure"):
                self.console.print(f"{r['status']}: {r['file']}: {r['reason']}")

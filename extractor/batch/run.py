"""Run a folder: discover PDFs, skip current outputs, fan out to an executor, keep a summary."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..write import atomic_write
from .job import FileResult, current_output, skipped
from .pool import Task, run_pool

SUMMARY_FIELDS = ["file", "status", "reason", "document_type", "pages", "tables", "performance", "checks_failed",
                  "verdict", "reasons", "seconds", "peak_rss_mb"]
VERDICTS = ("verified", "inconsistent", "incomplete", "not_disclosure")


def discover(in_dir: Path) -> list[Path]:
    """Every PDF below in_dir (any case of .pdf), in a stable order."""
    return sorted((p for p in in_dir.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"),
                  key=lambda p: p.relative_to(in_dir).as_posix())


def output_for(pdf: Path, in_dir: Path, out_dir: Path) -> Path:
    return out_dir / pdf.relative_to(in_dir).with_suffix(".json")


@dataclass
class BatchSummary:
    results: list[dict] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(r["status"] == status for r in self.results)

    def set_aside(self) -> int:
        """Files that are no disclosure (document_type `other`), extracted now or up to date."""
        return sum(r.get("document_type") == "other" for r in self.results)

    def verdicts(self) -> dict[str, int]:
        """Files per verdict (every verdict named, zeros included), failed files left out."""
        return {v: sum(r.get("verdict") == v for r in self.results) for v in VERDICTS}

    def csv_text(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=SUMMARY_FIELDS, lineterminator="\n")
        w.writeheader()
        for r in sorted(self.results, key=lambda r: r["file"]):
            row = dict(r)
            row["tables"] = ";".join(f"{k}={v}" for k, v in r.get("tables", {}).items())
            w.writerow({k: row.get(k, "") for k in SUMMARY_FIELDS})
        return buf.getvalue()


def _failed(task: Task, reason: str) -> dict:
    return FileResult(file=task[2], status="failed", reason=reason).as_dict()


def _dask_results(tasks: list[Task], scheduler: str | None, workers: int, timeout: float) -> Iterator[dict]:
    import dask
    from dask.distributed import Client, LocalCluster, as_completed
    from .remote import process_isolated
    dask.config.set({"distributed.worker.daemon": False})   # workers start one child per file
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {client.submit(process_isolated, *task, timeout, pure=False): task for task in tasks}
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:
                yield _failed(futures[fut], f"{type(exc).__name__}: {exc}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(in_dir: str | Path, out_dir: str | Path, workers: int = 2, force: bool = False,
              timeout: float = 1200.0, memory_mb: int | None = 3072, executor: str = "local",
              scheduler: str | None = None, progress: Callable[[dict, int], None] | None = None) -> BatchSummary:
    """Process every PDF below ``in_dir`` into ``out_dir`` (mirrored tree, one JSON per PDF) and write
    ``out_dir/_summary.csv``. Files whose output is current are skipped unless ``force``."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    pdfs = discover(in_dir)
    summary = BatchSummary()
    tasks: list[Task] = []
    for pdf in pdfs:
        out = output_for(pdf, in_dir, out_dir)
        rel = pdf.relative_to(in_dir).as_posix()
        done = None if force else current_output(pdf, out)
        if done is not None:
            summary.results.append(skipped(rel, done).as_dict())
        else:
            tasks.append((str(pdf), str(out), rel, True))
    if progress:
        for r in summary.results:
            progress(r, len(pdfs))
    if executor == "dask":
        stream = _dask_results(tasks, scheduler, workers, timeout)
    elif executor == "local":
        stream = run_pool(tasks, workers, timeout, memory_mb, _failed)
    else:
        raise ValueError(f"unknown executor {executor!r}: use 'local' or 'dask'")
    for result in stream:
        summary.results.append(result)
        if progress:
            progress(result, len(pdfs))
        atomic_write(out_dir / "_summary.csv", summary.csv_text())
    atomic_write(out_dir / "_summary.csv", summary.csv_text())
    return summary

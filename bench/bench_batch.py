"""Batch throughput with 1 and 2 workers (pages per second over the real corpus, outputs redone each
time) and the peak memory of the worker that reads a 250-page document.

usage: python bench/bench_batch.py [IN_DIR]     (default: ../shared/real plus the bundled samples)
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.batch import run_batch  # noqa: E402


def corpus(tmp: Path, src: Path | None) -> Path:
    folder = tmp / "in"
    if src is not None:
        shutil.copytree(src, folder)
        return folder
    folder.mkdir()
    for pdf in sorted((ROOT.parent / "shared" / "real").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.pdf")):
        shutil.copy(pdf, folder / pdf.name)
    return folder


def long_document(tmp: Path, pages: int = 250) -> Path:
    from pypdf import PdfReader, PdfWriter
    reader = PdfReader(str(ROOT / "samples" / "jiyuan_2020_budget.pdf"))
    w = PdfWriter()
    while len(w.pages) < pages:
        for page in reader.pages:
            if len(w.pages) < pages:
                w.add_page(page)
    folder = tmp / "long"
    folder.mkdir()
    with open(folder / "long.pdf", "wb") as fh:
        w.write(fh)
    return folder


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        src = corpus(tmp, Path(argv[0]) if argv else None)
        result: dict = {}
        for workers in (1, 2):
            start = time.perf_counter()
            summary = run_batch(src, tmp / f"out{workers}", workers=workers, force=True)
            secs = time.perf_counter() - start
            pages = sum(r.get("pages", 0) for r in summary.results)
            result[f"workers_{workers}"] = {"files": len(summary.results), "pages": pages, "seconds": round(secs, 2),
                                            "pages_per_s": round(pages / secs, 1),
                                            "peak_rss_mb_max": max(r.get("peak_rss_mb", 0) for r in summary.results)}
        result["speedup_2_vs_1"] = round(result["workers_2"]["pages_per_s"] / result["workers_1"]["pages_per_s"], 2)
        long = run_batch(long_document(tmp), tmp / "out_long", workers=1, force=True).results[0]
        result["250_page_document"] = {"seconds": long["seconds"], "worker_peak_rss_mb": long["peak_rss_mb"],
                                       "status": long["status"]}
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])

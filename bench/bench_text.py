"""Pages per second of the whole pipeline vs pdfplumber's plain extract_tables() over all pages of the
same files, in one run; and peak memory (RSS) of one extraction of the largest file, in a child process.

usage: python bench/bench_text.py [PDF ...]      (default: the 上海市普陀区 files in ../shared/real)
"""
from __future__ import annotations

import glob
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"


def time_pipeline(files: list[str]) -> tuple[int, float]:
    from extractor.pipeline import extract
    pages, start = 0, time.perf_counter()
    for f in files:
        pages += extract(f).source.pages
    return pages, time.perf_counter() - start


def time_pdfplumber(files: list[str]) -> tuple[int, float]:
    import pdfplumber
    pages, start = 0, time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()
                pages += 1
    return pages, time.perf_counter() - start


def peak_rss_mb(path: str) -> float:
    code = ("import sys, resource; from extractor.pipeline import extract; extract(sys.argv[1]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def main(argv: list[str]) -> None:
    files = argv or sorted(glob.glob(str(REAL / "上海市普陀区*.pdf")) + glob.glob(str(REAL / "附件2*.pdf")))
    if not files:
        sys.exit(f"no PDFs given and none found in {REAL}")
    time_pipeline(files[:1])  # warm imports and catalog loading
    p_pages, p_secs = time_pipeline(files)
    b_pages, b_secs = time_pdfplumber(files)
    largest = max(files, key=os.path.getsize)
    result = {
        "files": len(files), "pages": p_pages,
        "pipeline_pages_per_s": round(p_pages / p_secs, 1),
        "pdfplumber_extract_tables_pages_per_s": round(b_pages / b_secs, 1),
        "speedup": round((p_pages / p_secs) / (b_pages / b_secs), 2),
        "largest_file": Path(largest).name,
        "largest_file_peak_rss_mb": round(peak_rss_mb(largest), 1),
    }
    for f in files:
        t = time.perf_counter()
        from extractor.pipeline import extract
        n = extract(f).source.pages
        result.setdefault("per_file_pages_per_s", {})[Path(f).name] = round(n / (time.perf_counter() - t), 1)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])

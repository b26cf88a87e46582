"""Seconds per scanned page, split by step (render, deskew + ruling lines, text detection, text
recognition, and everything after OCR: tables, grid, mapping, repair, checks), the peak memory of the
process, and the accuracy reached at that speed (``eval`` against the sample's golden), one process per
file, as a batch worker would run it.

usage: python bench/bench_ocr.py [PDF ...]   (default: the *_scanned.pdf samples, the 101-page seed
rendering drawn first if it is missing, the office scans (putuo_2025_budget whole, the seed in part) and a
24-page text PDF whose only image is a cover photo)

Each file runs in a fresh child process, so ``peak_rss_mb`` (VmHWM) is that file's alone: the
engine's models, its buffers and the pages read. Loading the engine is once per worker, so it is
reported apart (``load_s``) and not counted in ``s_per_page``; ``cpu_s_per_page`` is the process's CPU
time (both cores), steadier than wall time on a shared machine; ``engine`` says whether it was loaded at
all (a text PDF should never load it). The OCR engine uses both cores (onnxruntime threads); set
BUDGET_OCR_THREADS=1 to measure one core, as one batch worker per core would.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def measure(pdf: Path) -> dict:
    """One file in this process (the child's side)."""
    from extractor.compare.evaluate import evaluate
    from extractor.pipeline import extract
    from extractor.read import ocr
    from extractor.write import document_json

    ocr.TIMING.reset()
    start, cpu = time.perf_counter(), time.process_time()
    doc = extract(pdf)
    t = ocr.TIMING
    total = time.perf_counter() - start - t.load
    cpu = time.process_time() - cpu - t.load_cpu
    pages = doc.source.pages
    row = {
        "file": pdf.name, "pages": pages, "ocr_pages": t.pages, "engine": ocr._ENGINE is not None,
        "load_s": round(t.load, 2),
        "s_per_page": round(total / pages, 3),
        "cpu_s_per_page": round(cpu / pages, 3),
        "render": round(t.render / pages, 3),
        "lines": round(t.lines / pages, 3),
        "ocr_det": round(t.det / pages, 3),
        "ocr_rec": round(t.rec / pages, 3),
        "grid_and_rest": round((total - t.det - t.rec - t.render - t.lines) / pages, 3),
        "crops": t.crops,
        "repaired_cells": sum(f == "repaired_by_sum" for t in doc.tables for r in t.rows for f in r.flags),
        "low_confidence_cells": sum(f.startswith("ocr_low_confidence:") for t in doc.tables for r in t.rows for f in r.flags),
    }
    golden = _golden(pdf)
    if golden is not None:
        with tempfile.TemporaryDirectory() as tmp:
            pred, gold = Path(tmp) / "pred", Path(tmp) / "gold"
            pred.mkdir()
            gold.mkdir()
            (pred / f"{pdf.stem}.json").write_text(document_json(doc), encoding="utf-8")
            (gold / f"{pdf.stem}.json").write_text(golden, encoding="utf-8")
            _, overall = evaluate(pred, gold)
        row["cell_f1"] = overall["cells"]["f1"]
        row["cell_precision"] = overall["cells"]["precision"]     # emitted amounts the pages print
        row["cell_recall"] = overall["cells"]["recall"]
        row["indicator_f1"] = overall["indicators"]["f1"]
        row["checks_failed"] = overall["checks_failed"]
    row["tables"] = len(doc.tables)
    row["peak_rss_mb"] = _peak_rss_mb()
    return row


def _peak_rss_mb() -> float:
    """This process's peak RSS. Linux's ru_maxrss survives exec, so a child started from a parent that
    drew the samples would report the parent's peak: the kernel's own high-water mark of this address
    space (VmHWM) is the child's alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _golden(pdf: Path) -> str | None:
    """golden/<stem>.json, or for a partial office scan (<sample>_office_p4-14_16-28.pdf) the
    generator's golden of those pages."""
    path = ROOT / "golden" / f"{pdf.stem}.json"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    stem, sep, ranges = pdf.stem.partition("_office_p")
    if not sep:
        return None
    pages = [p for part in ranges.split("_") for a, _, b in [part.partition("-")]
             for p in range(int(a), int(b or a) + 1)]
    sys.path.insert(0, str(ROOT / "samples"))
    from generate import office_golden
    return json.dumps(office_golden(stem, pages), ensure_ascii=False)


def in_child(pdf: Path) -> dict:
    res = subprocess.run([sys.executable, __file__, "--one", str(pdf)], capture_output=True, text=True)
    if res.returncode:
        sys.exit(f"{pdf.name}: {res.stderr.strip()[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def default_files(tmp: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "samples"))
    from cover import with_cover
    from generate import scanned_twin
    scanned_twin("jiyuan_2020_full")            # not committed: drawn from the text PDF when missing
    from generate import office_scan
    files = sorted((ROOT / "samples").glob("*_scanned.pdf"))
    # office scans (#12): colour, seals every fourth page, JPEG 55; the seed's financial pages and a
    # dozen 绩效目标表 stand for its 101 pages
    files += [office_scan("putuo_2025_budget"),
              office_scan("jiyuan_2020_full", pages=list(range(4, 15)) + list(range(16, 29)))]
    cover = with_cover([ROOT / "samples" / "putuo_2025_budget.pdf", ROOT / "samples" / "putuo_2024_final.pdf"],
                       tmp / "text_with_cover.pdf")
    return files + [cover]


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(Path(argv[1])), ensure_ascii=False))
        return
    with tempfile.TemporaryDirectory() as tmp:
        files = [Path(a) for a in argv] or default_files(Path(tmp))
        rows = [in_child(f) for f in files]
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
    scans = [r for r in rows if 2 * r["ocr_pages"] > r["pages"]]
    if scans:
        pages = sum(r["pages"] for r in scans)
        mean = sum(r["s_per_page"] * r["pages"] for r in scans) / pages
        print(json.dumps({"scanned_pages": pages, "mean_s_per_page": round(mean, 3),
                          "peak_rss_mb_ocr": max(r["peak_rss_mb"] for r in scans)}))
    text = [r for r in rows if 2 * r["ocr_pages"] <= r["pages"]]
    if text:
        print(json.dumps({"text_files": len(text), "engine_loaded": any(r["engine"] for r in text),
                          "peak_rss_mb_text": max(r["peak_rss_mb"] for r in text)}))


if __name__ == "__main__":
    main(sys.argv[1:])

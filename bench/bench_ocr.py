"""Seconds per scanned page, split by step (render, deskew + ruling lines, text detection, text
recognition, and everything after OCR: tables, grid, mapping, repair, checks), and the accuracy reached
at that speed (``eval`` against the sample's golden), one process, as a user would run it.

usage: python bench/bench_ocr.py [SCANNED_PDF ...]   (default: the *_scanned.pdf samples, the 101-page
seed rendering drawn first if it is missing)

The OCR engine uses both cores (onnxruntime threads); set BUDGET_OCR_THREADS=1 to measure one core,
as one batch worker per core would.
"""
from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def measure(pdf: Path) -> dict:
    from extractor.compare.evaluate import evaluate
    from extractor.pipeline import extract
    from extractor.read.ocr import TIMING, engine
    from extractor.write import document_json

    engine()                                    # model loading is once per process: not per page
    TIMING.reset()
    start = time.perf_counter()
    doc = extract(pdf)
    total = time.perf_counter() - start
    pages = doc.source.pages
    ocr = TIMING.det + TIMING.rec
    row = {
        "file": pdf.name, "pages": pages, "ocr_pages": TIMING.pages,
        "s_per_page": round(total / pages, 2),
        "render": round(TIMING.render / pages, 3),
        "lines": round(TIMING.lines / pages, 3),
        "ocr_det": round(TIMING.det / pages, 3),
        "ocr_rec": round(TIMING.rec / pages, 3),
        "ocr": round(ocr / pages, 3),
        "grid_and_rest": round((total - ocr - TIMING.render - TIMING.lines) / pages, 3),
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
    return row


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


def main(argv: list[str]) -> None:
    if not argv:
        sys.path.insert(0, str(ROOT / "samples"))
        from generate import scanned_twin
        scanned_twin("jiyuan_2020_full")            # not committed: drawn from the text PDF when missing
    files = [Path(a) for a in argv] or sorted((ROOT / "samples").glob("*_scanned.pdf"))
    if not files:
        sys.exit("no scanned PDFs given and none in samples/")
    rows = [measure(f) for f in files]
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
    pages = sum(r["pages"] for r in rows)
    mean = sum(r["s_per_page"] * r["pages"] for r in rows) / pages
    print(json.dumps({"pages": pages, "mean_s_per_page": round(mean, 2),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


if __name__ == "__main__":
    main(sys.argv[1:])

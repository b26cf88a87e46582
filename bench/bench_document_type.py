"""What deciding the document type costs, against reading the first pages it looks at.

For each PDF: the time to read its first three pages (what the pipeline reads anyway, and what any reader
of the cover and titles must read), then the time of ``document_type`` on those pages (best of 5 runs). CPU time of this process (the machine is shared: wall time would measure the neighbours).

usage: python bench/bench_document_type.py [PDF ...]   (default: ../shared/corpus and real)
"""
from __future__ import annotations

import glob
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(files: list[str]) -> None:
    from extractor.mapping.document.document_type import document_type
    from extractor.read import open_pdf
    from extractor.settings import DEFAULT
    read_s = classify_s = 0.0
    n = 0
    for f in files:
        start = time.process_time()
        with open_pdf(Path(f), DEFAULT.reader) as src:
            pages = [src.reader.page(i) for i in range(min(3, src.page_count))]
        if any(p.ocr for p in pages):
            continue                      # a scan's first pages cost OCR: not the comparison asked for
        read_s += time.process_time() - start
        best = float("inf")
        for _ in range(5):
            t = time.process_time()
            document_type(pages, [], [], "budget")
            best = min(best, time.process_time() - t)
        classify_s += best
        n += 1
    print(f"{n} documents: reading the first 3 pages {read_s / n * 1000:.1f} ms/doc; "
          f"document_type on them {classify_s / n * 1000:.2f} ms/doc ({classify_s / read_s:.1%} of the reading)")


if __name__ == "__main__":
    main(sys.argv[1:] or sorted(glob.glob(str(SHARED / "corpus/*/*.pdf")) + glob.glob(str(SHARED / "real/*.pdf"))))

"""Byte-identical output check for speed work: extract every PDF and compare its JSON bytes with a
reference run (e.g. HEAD's outputs, kept once in out/head/); print per-file CPU seconds and the totals.

usage: python bench/same_output.py [--ref DIR] [--out DIR] [--save] [--sets real,samples,corpus] [PDF ...]

``--save`` writes the outputs to ``--out`` (the reference run); without it each output is compared with
``--ref`` and only the differing ones are written to ``--out``. The default sets are the 19 files of
../shared/real, the text samples (samples/*.pdf, not the scanned ones) and the 119 corpus PDFs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def files_of(sets: list[str]) -> list[Path]:
    found: list[Path] = []
    if "real" in sets:
        found += sorted((SHARED / "real").glob("*.pdf"))
    if "samples" in sets:
        found += sorted(p for p in (ROOT / "samples").glob("*.pdf") if "scanned" not in p.name)
    if "corpus" in sets:
        found += sorted((SHARED / "corpus").rglob("*.pdf"))
    return found


def key_of(pdf: Path) -> str:
    """One output name per input path (corpus names repeat across places)."""
    return hashlib.sha1(str(pdf.resolve()).encode()).hexdigest()[:12] + "_" + pdf.stem[:40] + ".json"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdfs", nargs="*")
    ap.add_argument("--ref", default=str(ROOT / "out" / "head"))
    ap.add_argument("--out", default=str(ROOT / "out" / "branch"))
    ap.add_argument("--save", action="store_true")
    ap.add_argument("--sets", default="real,samples,corpus")
    args = ap.parse_args(argv)
    from extractor.pipeline import extract
    from extractor.write import document_json
    import extractor
    print(f"extractor from {Path(extractor.__file__).parent}", flush=True)
    pdfs = [Path(p) for p in args.pdfs] or files_of(args.sets.split(","))
    out, ref = Path(args.out), Path(args.ref)
    out.mkdir(parents=True, exist_ok=True)
    same = differ = missing = pages = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    times = {}
    for pdf in pdfs:
        c = time.process_time()
        try:
            doc = extract(pdf)
            text = document_json(doc)
            pages += doc.source.pages
        except Exception as exc:  # an error is an output too: it must stay the same
            text = f"ERROR {type(exc).__name__}: {exc}\n"
        times[str(pdf)] = round(time.process_time() - c, 3)
        name = key_of(pdf)
        if args.save:
            (out / name).write_text(text, encoding="utf-8")
            continue
        if not (ref / name).exists():
            missing += 1
            print(f"MISSING {pdf}")
        elif (ref / name).read_bytes() == text.encode("utf-8"):
            same += 1
        else:
            differ += 1
            (out / name).write_text(text, encoding="utf-8")
            print(f"DIFFER  {pdf} -> {out / name}", flush=True)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    (out / "_times.json").write_text(json.dumps(times, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({"files": len(pdfs), "pages": pages, "identical": same, "differ": differ,
                      "missing": missing, "cpu_s": round(cpu, 1), "wall_s": round(wall, 1),
                      "pages_per_cpu_s": round(pages / cpu, 1)}, ensure_ascii=False))
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

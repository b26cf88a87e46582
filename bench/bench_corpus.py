"""The corpus loop: run ``batch`` over ../shared/corpus and print, per place and overall, documents, pages
per second, tables by type and the ``unknown`` share, checks run and failing (by rule), documents with a
failing check, and page-amount recall/precision (../shared/tools/page_amounts.py).

usage: python bench/bench_corpus.py [--corpus DIR] [--out DIR] [--workers 2] [--no-extract] [--json FILE]
                                    [--failing] [--compare PREVIOUS.json]

The printed amounts of each PDF do not depend on the extractor, so they are cached by content hash in
``OUT/_printed.json``; a re-run pays only for the extraction. ``--json`` writes the per-document figures,
``--compare`` prints the documents whose failing checks or page-amount figures moved since such a file.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _page_amounts():
    spec = importlib.util.spec_from_file_location("page_amounts", SHARED / "tools" / "page_amounts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _printed(pa, pdf: Path, cache: dict) -> tuple:
    """(strict, loose) printed amounts of one PDF, from the cache when the bytes are the same."""
    from collections import Counter as C
    from decimal import Decimal
    key = hashlib.sha256(pdf.read_bytes()).hexdigest()
    if key not in cache:
        strict, loose = pa.printed_both(str(pdf))
        cache[key] = [[[p, str(v), c] for (p, v), c in strict.items()],
                      [[p, str(v), c] for (p, v), c in loose.items()]]
    strict, loose = cache[key]
    return (C({(p, Decimal(v)): c for p, v, c in strict}), C({(p, Decimal(v)): c for p, v, c in loose}))


def document_figures(pa, pdf: Path, out: Path, cache: dict) -> dict:
    doc = json.loads(out.read_text(encoding="utf-8"))
    tables = doc.get("tables", [])
    checks = [c for t in tables for c in t.get("checks", [])]
    strict, loose = _printed(pa, pdf, cache)
    got = pa.emitted(doc)
    _, _, hit, miss, extra = pa.score(strict, got, loose=loose)
    _, _, hit_loose, _, _ = pa.score(strict + loose, got)
    return {
        "pages": doc["source"]["pages"],
        "types": dict(Counter(t["type"] for t in tables)),
        "performance": len(doc.get("performance", [])),
        "checks": len([c for c in checks if c["status"] != "skipped"]),
        "failing": sorted(f"{t['type']} p{t['pages'][0]}: {c['rule']}: {c['detail']}"
                          for t in tables for c in t.get("checks", []) if c["status"] == "fail"),
        "failing_rules": dict(Counter(c["rule"].split(" ")[0] for c in checks if c["status"] == "fail")),
        "printed": sum(strict.values()), "emitted": sum(got.values()),
        "hit": hit, "extra": sum(v for v in extra.values() if v > 0),
        "facts": len(doc.get("facts", [])),
        "fact_checks": len([c for c in doc.get("checks", []) if c["rule"].startswith("fact") and c["status"] != "skipped"]),
        "fact_checks_pass": len([c for c in doc.get("checks", []) if c["rule"].startswith("fact") and c["status"] == "pass"]),
        "document_failing": sorted(f"{c['rule']}: {c['detail']}" for c in doc.get("checks", []) if c["status"] == "fail"),
    }


def aggregate(docs: dict[str, dict], seconds: dict[str, float]) -> dict:
    def block(names: list[str]) -> dict:
        ds = [docs[n] for n in names]
        types = Counter()
        for d in ds:
            types.update(d["types"])
        rules = Counter()
        for d in ds:
            rules.update(d["failing_rules"])
        n_tables = sum(types.values())
        printed, emitted = sum(d["printed"] for d in ds), sum(d["emitted"] for d in ds)
        hit = sum(d["hit"] for d in ds)
        pages = sum(d["pages"] for d in ds)
        secs = sum(seconds.get(n, 0.0) for n in names)
        return {
            "documents": len(ds), "pages": pages,
            "pages_per_s_per_worker": round(pages / secs, 1) if secs else None,
            "tables": n_tables, "unknown": types.get("unknown", 0),
            "unknown_share": round(types.get("unknown", 0) / max(1, n_tables), 4),
            "performance_forms": sum(d["performance"] for d in ds),
            "checks_run": sum(d["checks"] for d in ds),
            "checks_failing": sum(len(d["failing"]) for d in ds),
            "documents_failing": sum(bool(d["failing"]) for d in ds),
            "documents_failing_share": round(sum(bool(d["failing"]) for d in ds) / max(1, len(ds)), 4),
            "failing_by_rule": dict(sorted(rules.items())),
            "recall": round(hit / max(1, printed), 4),
            "precision": round(hit / max(1, emitted), 4) if emitted else None,
            "types": dict(sorted(types.items())),
            "facts_per_document": round(sum(d.get("facts", 0) for d in ds) / max(1, len(ds)), 1),
            "fact_checks_run": sum(d.get("fact_checks", 0) for d in ds),
            "fact_checks_pass_share": round(sum(d.get("fact_checks_pass", 0) for d in ds)
                                            / max(1, sum(d.get("fact_checks", 0) for d in ds)), 4),
            "document_checks_failing": sum(len(d.get("document_failing", [])) for d in ds),
        }
    by_place = defaultdict(list)
    for name in docs:
        by_place[name.split("/")[0]].append(name)
    return {"overall": block(sorted(docs)), "places": {p: block(sorted(v)) for p, v in sorted(by_place.items())}}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "corpus")
    ap.add_argument("--place", action="append", help="only this place's folder (repeatable)")
    ap.add_argument("--cache", type=Path, default=ROOT / "out" / "_printed_cache.json",
                    help="printed amounts by content hash (they do not depend on the extractor)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-extract", action="store_true", help="score the outputs already in --out")
    ap.add_argument("--json", type=Path, help="write per-document figures here")
    ap.add_argument("--compare", type=Path, help="a --json file of an earlier run")
    ap.add_argument("--failing", action="store_true", help="list every failing check")
    ap.add_argument("--write-passing", action="store_true",
                    help="write tests/data/corpus_passing.txt: the documents that fail no check")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    from extractor.batch.run import discover, output_for, run_batch
    wall = None
    places = args.place or sorted(p.name for p in args.corpus.iterdir() if p.is_dir())
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    for place in places:
        if args.no_extract:
            break
        summary = run_batch(args.corpus / place, args.out / place, workers=args.workers, force=True)
        for r in summary.results:
            seconds[f"{place}/{r['file']}"] = float(r.get("seconds") or 0)
            if r["status"] == "failed":
                print(f"FAILED {place}/{r['file']}: {r['reason']}", file=sys.stderr)
    wall = None if args.no_extract else time.perf_counter() - start
    pa = _page_amounts()
    cache = json.loads(args.cache.read_text()) if args.cache.is_file() else {}
    docs = {}
    for place in places:
        for pdf in discover(args.corpus / place):
            rel = f"{place}/{pdf.relative_to(args.corpus / place).as_posix()}"
            out = output_for(pdf, args.corpus / place, args.out / place)
            if out.is_file():
                docs[rel] = document_figures(pa, pdf, out, cache)
    args.cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.cache.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(cache, sort_keys=True))
    os.replace(tmp, args.cache)
    result = aggregate(docs, seconds)
    if wall:
        result["overall"]["wall_seconds"] = round(wall, 1)
        result["overall"]["pages_per_s"] = round(result["overall"]["pages"] / wall, 1)
    for place, b in result["places"].items():
        print(f"{place:10s} docs {b['documents']:3d}  pages {b['pages']:5d}  tables {b['tables']:4d}  "
              f"unknown {b['unknown_share']:.3f}  checks {b['checks_run']:5d} failing {b['checks_failing']:3d}  "
              f"docs failing {b['documents_failing']:2d}  recall {b['recall']:.4f}  precision {b['precision']}")
    print(json.dumps(result["overall"], ensure_ascii=False, indent=1))
    if args.failing:
        for name, d in sorted(docs.items()):
            for f in d["failing"] + d.get("document_failing", []):
                print(f"{name}: {f}")
    if args.json:
        args.json.write_text(json.dumps(docs, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    if args.write_passing:
        passing = ROOT / "tests" / "data" / "corpus_passing.txt"
        passing.parent.mkdir(parents=True, exist_ok=True)
        passing.write_text("".join(f"{n}\n" for n, d in sorted(docs.items()) if not d["failing"]), encoding="utf-8")
    if args.compare and args.compare.is_file():
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        for name in sorted(set(before) | set(docs)):
            a, b = before.get(name), docs.get(name)
            if not a or not b:
                continue
            moved = []
            if len(a["failing"]) != len(b["failing"]):
                moved.append(f"failing {len(a['failing'])} -> {len(b['failing'])}")
            if a["hit"] != b["hit"] or a["extra"] != b["extra"]:
                moved.append(f"hit {a['hit']} -> {b['hit']}, extra {a['extra']} -> {b['extra']}")
            if a["types"].get("unknown", 0) != b["types"].get("unknown", 0):
                moved.append(f"unknown {a['types'].get('unknown', 0)} -> {b['types'].get('unknown', 0)}")
            if moved:
                print(f"MOVED {name}: " + "; ".join(moved))


if __name__ == "__main__":
    main(sys.argv[1:])

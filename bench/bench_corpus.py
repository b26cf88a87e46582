"""The corpus loop: run ``batch`` over ../shared/corpus and print, per place and overall, documents, pages
per second, tables by type and the ``unknown`` share, checks run and failing (by rule), documents with a
failing check, page-amount recall/precision (../shared/tools/page_amounts.py), and per family of performance
form (project/department targets, project/department self-evaluation, project lists): forms, indicators,
forms without indicators, indicators with no 三级指标 or no target, and the forms' warnings (``empty_form``).

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


# a check that does not hold, whoever is at fault: a corroborated publication error fails as printed too
_NOT_HOLDING = ("fail", "publication_error")

FAMILIES = ("project_targets", "department_targets", "project_self_evaluation", "department_self_evaluation",
            "project_list")
_FORM_ONLY = ("owner", "contact", "phone", "fund_use", "overview", "basis", "necessity", "measures", "plan",
              "overall_goal", "start_date", "end_date", "budget", "tasks")


def form_family(p: dict) -> str:
    """The family of one performance entry. A project list (单位 · 项目 · 金额 · 绩效目标, one entry per row) is
    told from a target form by what it prints: a goal text and no indicators and none of the fields only a
    form's key-value block holds; a list that prints indicators per project (北京) counts as target forms."""
    kind = p["type"]
    if kind.endswith("_self_evaluation"):
        return kind
    if kind == "department_performance":
        return "department_targets"
    if not p.get("indicators") and (p.get("annual_goal") or p.get("overall_goal")) \
            and not any(p.get(k) for k in _FORM_ONLY):
        return "project_list"
    return "project_targets"


def form_figures(doc: dict) -> dict:
    """Per family: forms, indicators, forms without indicators, indicators with no 三级指标, with no target
    (neither 指标值 nor, on a self-evaluation, 实际完成值 …: the target as printed), and the warnings a form
    carries (empty_form, empty_template_rows, no_target …), each with where it is (page) for a reader to look."""
    fams: dict[str, dict] = {}
    for p in doc.get("performance", []):
        f = fams.setdefault(form_family(p), {"forms": 0, "indicators": 0, "forms_without_indicators": 0,
                                             "no_level3": 0, "no_target": 0, "no_target_warned": 0,
                                             "warnings": {}, "where": {}})
        inds = p.get("indicators", [])
        f["forms"] += 1
        f["indicators"] += len(inds)
        page = (p.get("pages") or [None])[0]
        if not inds:
            f["forms_without_indicators"] += 1
        codes = Counter(w["code"] for w in p.get("warnings", []))
        for code, n in codes.items():
            f["warnings"][code] = f["warnings"].get(code, 0) + n
        for code in ("empty_form",):
            if code in codes:
                f["where"].setdefault(code, []).append(page)
        for i in inds:
            if not i.get("level3"):
                f["no_level3"] += 1
                f["where"].setdefault("no_level3", []).append(page)
            if not i.get("target_raw"):
                f["no_target"] += 1
                f["where"].setdefault("no_target", []).append(page)
        # the form names each indicator it prints with no target in a no_target warning
        f["no_target_warned"] += min(codes.get("no_target", 0), sum(not i.get("target_raw") for i in inds))
    return fams


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
                          for t in tables for c in t.get("checks", []) if c["status"] in _NOT_HOLDING),
        "failing_rules": dict(Counter(c["rule"].split(" ")[0] for c in checks if c["status"] in _NOT_HOLDING)),
        "printed": sum(strict.values()), "emitted": sum(got.values()),
        "hit": hit, "hit_loose": hit_loose, "extra": sum(v for v in extra.values() if v > 0),
        "facts": len(doc.get("facts", [])),
        "fact_checks": len([c for c in doc.get("checks", []) if c["rule"].startswith("fact") and c["status"] != "skipped"]),
        "fact_checks_pass": len([c for c in doc.get("checks", []) if c["rule"].startswith("fact") and c["status"] == "pass"]),
        "document_failing": sorted(f"{c['rule']}: {c['detail']}" for c in doc.get("checks", []) if c["status"] == "fail"),
        "forms": form_figures(doc),
        "verdict": (doc.get("verdict") or {}).get("status", ""),
        "verdict_reasons": [_reason_kind(r) for r in (doc.get("verdict") or {}).get("reasons", [])],
        "unaccounted": len(doc.get("unaccounted", [])),
        "publication_errors": sum(c["status"] == "publication_error" for c in checks),
    }


def _reason_kind(reason: str) -> str:
    """A verdict reason without its counts and pages, for the tally: '12 printed amounts unaccounted on 3
    pages' -> 'printed amounts unaccounted'; 'failing checks: total = basic x2' -> 'failing checks'."""
    head = reason.split(":", 1)[0]
    words = [w for w in head.split() if not w.isdigit()]
    if "on" in words:
        words = words[:words.index("on")]
    return " ".join(words)


def _forms_block(ds: list[dict]) -> dict:
    out: dict[str, dict] = {}
    for d in ds:
        for fam, f in d.get("forms", {}).items():
            o = out.setdefault(fam, {"forms": 0, "indicators": 0, "forms_without_indicators": 0, "no_level3": 0,
                                     "no_target": 0, "no_target_warned": 0, "warnings": {}})
            for k in ("forms", "indicators", "forms_without_indicators", "no_level3", "no_target", "no_target_warned"):
                o[k] += f.get(k, 0)
            for code, n in f.get("warnings", {}).items():
                o["warnings"][code] = o["warnings"].get(code, 0) + n
    for o in out.values():
        o["empty_form"] = o["warnings"].get("empty_form", 0)
        o["warnings"] = dict(sorted(o["warnings"].items()))
    return {fam: out[fam] for fam in FAMILIES if fam in out} | {k: v for k, v in sorted(out.items()) if k not in FAMILIES}


def _forms_line(fam: str, f: dict) -> str:
    return (f"  {fam:27s} forms {f['forms']:4d}  indicators {f['indicators']:5d}  without indicators "
            f"{f['forms_without_indicators']:3d}  no 三级 {f['no_level3']:3d}  no target {f['no_target']:3d} "
            f"(warned {f['no_target_warned']})  empty_form {f['empty_form']:2d}")


def _verdicts_line(b: dict) -> str:
    return (", ".join(f"{v or 'none'} {n}" for v, n in b["verdicts"].items())
            + f"  verified share {b['verified_share']:.3f}  unaccounted {b['unaccounted']}"
            + f"  publication errors {b['publication_errors']}")


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
            # page_amounts.py's own rule: an emitted amount is right when the page prints it, strictly or as
            # a bare integer beside a name (0, 500); "precision_strict" counts strict words only
            "precision": round(sum(d.get("hit_loose", d["hit"]) for d in ds) / max(1, emitted), 4) if emitted else None,
            "precision_strict": round(hit / max(1, emitted), 4) if emitted else None,
            "types": dict(sorted(types.items())),
            "facts_per_document": round(sum(d.get("facts", 0) for d in ds) / max(1, len(ds)), 1),
            "fact_checks_run": sum(d.get("fact_checks", 0) for d in ds),
            "fact_checks_pass_share": round(sum(d.get("fact_checks_pass", 0) for d in ds)
                                            / max(1, sum(d.get("fact_checks", 0) for d in ds)), 4),
            "document_checks_failing": sum(len(d.get("document_failing", [])) for d in ds),
            "forms": _forms_block(ds),
            "verdicts": dict(sorted(Counter(d.get("verdict", "") for d in ds).items())),
            "verified_share": round(sum(d.get("verdict") == "verified" for d in ds) / max(1, len(ds)), 4),
            "unaccounted": sum(d.get("unaccounted", 0) for d in ds),
            "publication_errors": sum(d.get("publication_errors", 0) for d in ds),
            "reasons": dict(sorted(Counter(r for d in ds if d.get("verdict") != "verified"
                                           for r in d.get("verdict_reasons", [])).items())),
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
        print(f"{'':10s} verdicts {_verdicts_line(b)}")
        for fam, f in b["forms"].items():
            print(_forms_line(fam, f))
    print("performance forms overall:")
    for fam, f in result["overall"]["forms"].items():
        print(_forms_line(fam, f))
    print(json.dumps(result["overall"], ensure_ascii=False, indent=1))
    o = result["overall"]
    print(f"verdicts overall: {_verdicts_line(o)}")
    print("why not verified (documents per reason): "
          + ", ".join(f"{r} {n}" for r, n in sorted(o["reasons"].items(), key=lambda kv: -kv[1])))
    if args.failing:
        for name, d in sorted(docs.items()):
            for f in d["failing"] + d.get("document_failing", []):
                print(f"{name}: {f}")
            for fam, f in d.get("forms", {}).items():
                for what, pages in f.get("where", {}).items():
                    print(f"{name}: {fam} {what} p{','.join(map(str, pages))}")
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
            if "forms" in a:
                for fam in sorted(set(a["forms"]) | set(b["forms"])):
                    fa, fb = a["forms"].get(fam, {}), b["forms"].get(fam, {})
                    for k in ("forms", "indicators", "no_level3", "no_target"):
                        if fa.get(k, 0) != fb.get(k, 0):
                            moved.append(f"{fam} {k} {fa.get(k, 0)} -> {fb.get(k, 0)}")
            if moved:
                print(f"MOVED {name}: " + "; ".join(moved))


if __name__ == "__main__":
    main(sys.argv[1:])

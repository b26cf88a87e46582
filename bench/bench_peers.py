"""The pipeline beside its peers over the same files, in one run: pdfplumber's plain extract_tables() and
camelot (lattice, then stream on the pages lattice finds no table on). For each: pages per second and
the same accuracy figures, page-amount recall/precision (every amount printed on a ruled page, by
../shared/tools/page_amounts.py) and, where golden/ has the file, value F1 against the golden's amounts
on the pages its tables cover (peers have no rows or columns to match; the pipeline's structured cell
F1 is printed beside it). A peer's cells are parsed as amounts and emitted per page in the JSON shape page_amounts reads.

usage: python bench/bench_peers.py [PDF ...] [--no-camelot]   (default: a handful of ../shared/real)
camelot comes with `pip install '.[bench]'`.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
GOLDEN = ROOT / "golden"
DEFAULT = ["上海市普陀区商务委员会25年预算.pdf", "重庆 2026年重庆市气象局部门预算.pdf", "长沙 2026年长沙市信访局部门预算.pdf",
           "北京 政府办公厅_附件2：北京市信访办公室2026年度部门预算报表.pdf", "西安 气象局_2026年部门预算.pdf"]
_NUMBER = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_AMOUNT = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")    # page_amounts' strict amount


def _page_amounts():
    spec = importlib.util.spec_from_file_location("page_amounts", ROOT.parent / "shared" / "tools" / "page_amounts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_doc(tables: list[tuple[int, list[list]]]) -> dict:
    """A peer's tables (page, rows of cell texts) in the output shape: one row per table row, its
    numeric cells as values."""
    rows = []
    for page, grid in tables:
        for cells in grid:
            texts = [re.sub(r"\s+", "", str(text or "")) for text in cells]
            first = next((i for i, t in enumerate(texts) if _AMOUNT.match(t)), None)
            if first is None:
                continue          # codes, 栏次 numbers, years: a row with no amount gives none
            values = {f"c{i}": t.replace(",", "") for i, t in enumerate(texts)
                      if i >= first and _NUMBER.match(t)}      # integers left of the amounts are codes
            rows.append({"page": page, "values": values})
    return {"tables": [{"rows": rows}], "performance": []}


def run_pipeline(pdf: str) -> dict:
    from extractor.pipeline import extract
    from extractor.write import document_json
    return json.loads(document_json(extract(pdf)))


def run_pdfplumber(pdf: str) -> dict:
    import pdfplumber
    found = []
    with pdfplumber.open(pdf) as doc:
        for n, page in enumerate(doc.pages, start=1):
            found += [(n, t) for t in page.extract_tables()]
            page.close()
    return _as_doc(found)


def run_camelot(pdf: str) -> dict:
    import camelot
    found, ruled = [], set()
    for t in camelot.read_pdf(pdf, pages="all", flavor="lattice"):
        found.append((int(t.page), t.df.values.tolist()))
        ruled.add(int(t.page))
    import pypdfium2 as pdfium
    n = len(pdfium.PdfDocument(pdf))
    rest = [str(p) for p in range(1, n + 1) if p not in ruled]
    if rest:
        for t in camelot.read_pdf(pdf, pages=",".join(rest), flavor="stream"):
            found.append((int(t.page), t.df.values.tolist()))
    return _as_doc(found)


def _golden(pdf: Path) -> dict | None:
    for path in (GOLDEN / "real" / (pdf.stem + ".json"), GOLDEN / (pdf.stem + ".json")):
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    return None


def _values_on(doc: dict, pages: set[int], pa) -> Counter:
    """Amounts of the rows printed on ``pages`` (a golden's rows carry no page: all of them)."""
    out: Counter = Counter()
    for t in doc.get("tables", []):
        for r in t.get("rows", []):
            if r.get("page") is None or r.get("page") in pages:
                out.update(v for v in map(pa.norm, (r.get("values") or {}).values()) if v is not None)
    return out


def _value_f1(gold_doc: dict, doc: dict, pa) -> tuple[int, int, int]:
    """(hits, emitted, golden) over the amounts of the golden's tables, on the pages they cover."""
    pages = {p for t in gold_doc.get("tables", []) for p in t.get("pages", [])}
    gold, got = _values_on(gold_doc, pages, pa), _values_on(doc, pages, pa)
    return sum((gold & got).values()), sum(got.values()), sum(gold.values())


def main(argv: list[str]) -> None:
    use_camelot = "--no-camelot" not in argv
    files = [a for a in argv if not a.startswith("--")] or [str(REAL / f) for f in DEFAULT if (REAL / f).is_file()]
    if not files:
        sys.exit(f"no PDFs given and none found in {REAL}")
    pa = _page_amounts()
    tools = {"pipeline": run_pipeline, "pdfplumber": run_pdfplumber}
    if use_camelot:
        if importlib.util.find_spec("camelot") is None:
            print("camelot not installed (pip install '.[bench]'): left out", file=sys.stderr)
        else:
            tools["camelot"] = run_camelot
    import pypdfium2 as pdfium
    pages = {f: len(pdfium.PdfDocument(f)) for f in files}
    printed = {f: pa.printed_both(f) for f in files}
    totals = {name: {"seconds": 0.0, "hit": 0, "gold": 0, "got": 0, "got_loose_hit": 0, "tp": 0, "pred": 0, "gcells": 0}
              for name in tools}
    cells = [0, 0, 0]
    for f in files:
        strict, loose = printed[f]
        gold_doc = _golden(Path(f))
        line = [Path(f).name[:36]]
        for name, run in tools.items():
            start = time.perf_counter()
            try:
                doc = run(f)
            except Exception as exc:
                print(f"  {name} failed on {Path(f).name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                doc = {"tables": [], "performance": []}
            t = totals[name]
            t["seconds"] += time.perf_counter() - start
            got = pa.emitted(doc)
            r, p, h, _, _ = pa.score(strict, got, loose=loose)
            t["hit"] += h
            t["gold"] += sum(strict.values())
            t["got"] += sum(got.values())
            t["got_loose_hit"] += round(p * sum(got.values()))
            if gold_doc is not None:
                tp, pred, g = _value_f1(gold_doc, doc, pa)
                t["tp"] += tp
                t["pred"] += pred
                t["gcells"] += g
                if name == "pipeline":          # the pipeline's own cell F1 (table, row, column -> value)
                    from extractor.compare.evaluate import _cells
                    gc, pc = _cells(gold_doc), _cells(doc)
                    cells[0] += sum((gc & pc).values())
                    cells[1] += sum(pc.values())
                    cells[2] += sum(gc.values())
            line.append(f"{name} R {r:.3f} P {p:.3f}")
        print("  " + " | ".join(line), flush=True)
    n = sum(pages.values())
    print(f"\n{len(files)} files, {n} pages")
    print(f"{'tool':<11} {'pages/s':>8} {'recall':>7} {'precision':>9} {'golden value F1':>16}")
    for name, t in totals.items():
        recall = t["hit"] / max(1, t["gold"])
        precision = t["got_loose_hit"] / max(1, t["got"])
        if t["gcells"]:
            pr, rc = t["tp"] / max(1, t["pred"]), t["tp"] / t["gcells"]
            f1 = f"{2 * pr * rc / (pr + rc) if pr + rc else 0:.3f}"
        else:
            f1 = "-"
        print(f"{name:<11} {n / max(t['seconds'], 1e-9):>8.1f} {recall:>7.3f} {precision:>9.3f} {f1:>16}")
    if cells[2]:
        p, r = cells[0] / max(1, cells[1]), cells[0] / cells[2]
        print(f"pipeline cell F1 (table type, row, column -> value) on the golden files: {2 * p * r / (p + r):.3f} "
              f"(P {p:.3f} R {r:.3f})")


if __name__ == "__main__":
    main(sys.argv[1:])

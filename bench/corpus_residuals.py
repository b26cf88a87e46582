"""What the page-amount score leaves over, explained: for each printed amount ``page_amounts.py`` counts as
missed, is it anywhere else in the document's JSON on that page (an indicator's target, a self-evaluation
score, a prose fact: fields the scorer does not read) or nowhere (a real miss)? For each emitted amount it
counts as extra, is the number printed in the page's text at all (glued to a word, wrapped over two lines,
printed with six decimals: the scorer's word rule does not see it) or not (an amount the page does not print)?

usage: python bench/corpus_residuals.py [--out DIR] [--show N]
Run bench/bench_corpus.py first: it writes the JSON under --out and the printed-amount cache.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import ROOT, SHARED, _page_amounts, _printed   # noqa: E402

_NUMBER = re.compile(r"[-−]?\d[\d,]*\.?\d*")


def _json_amounts(pa, doc: dict) -> dict:
    """Every number anywhere in the JSON (fields and texts), with the pages of the object that holds it."""
    found: dict = defaultdict(set)

    def walk(obj, pages):
        if isinstance(obj, dict):
            here = obj.get("pages") if isinstance(obj.get("pages"), list) else None
            if isinstance(obj.get("page"), int):
                here = [obj["page"]]
            for v in obj.values():
                walk(v, here if here else pages)
        elif isinstance(obj, list):
            for v in obj:
                walk(v, pages)
        elif isinstance(obj, (int, float, str)) and not isinstance(obj, bool):
            for token in ([obj] if not isinstance(obj, str) else _NUMBER.findall(obj)):
                d = pa.norm(token)
                if d is not None:
                    found[d].update(pages or ())
    walk(doc, [])
    return found


def _page_text(pdf, n: int, memo: dict) -> str:
    if n not in memo:
        memo[n] = re.sub(r"[,\s]", "", pdf.pages[n - 1].extract_text() or "") if 1 <= n <= len(pdf.pages) else ""
    return memo[n]


def residuals(pa, pdf_path: Path, json_path: Path, cache: dict) -> tuple[Counter, list, list]:
    import pdfplumber
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    strict, loose = _printed(pa, pdf_path, cache)
    _, _, _, miss, extra = pa.score(strict, pa.emitted(doc), loose=loose)
    where = _json_amounts(pa, doc)
    tally, nowhere, unprinted = Counter(), [], []
    for (page, value), n in miss.items():
        if n <= 0:
            continue
        if any(abs(q - page) <= 1 for q in where.get(value, ())):
            tally["missed, elsewhere in the JSON"] += n
        else:
            tally["missed, nowhere in the JSON"] += n
            nowhere.append((page, str(value), n))
    extra = {k: n for k, n in extra.items() if n > 0}
    if extra:
        with pdfplumber.open(pdf_path) as pdf:
            memo: dict = {}
            for (page, value), n in extra.items():
                plain = format(value.normalize(), "f")
                text = "".join(_page_text(pdf, q, memo) for q in (page - 1, page, page + 1)) if page else ""
                if str(value) in text or plain in text:
                    tally["extra, printed in the page text"] += n
                else:
                    tally["extra, not in the page text"] += n
                    unprinted.append((page, str(value), n))
    return tally, sorted(nowhere), sorted(unprinted, key=lambda x: (x[0] or 0, x[1]))


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "corpus")
    ap.add_argument("--cache", type=Path, default=ROOT / "out" / "_printed_cache.json")
    ap.add_argument("--show", type=int, default=15, help="documents listed with their unexplained amounts")
    args = ap.parse_args(argv)
    pa = _page_amounts()
    cache = json.loads(args.cache.read_text(encoding="utf-8")) if args.cache.is_file() else {}
    total, listed = Counter(), []
    for pdf in sorted(args.corpus.glob("*/*.pdf")):
        out = args.out / pdf.relative_to(args.corpus).with_suffix(".json")
        if not out.is_file():
            continue
        tally, nowhere, unprinted = residuals(pa, pdf, out, cache)
        total += tally
        if nowhere or unprinted:
            listed.append((sum(n for *_, n in nowhere + unprinted), str(pdf.relative_to(args.corpus)), nowhere, unprinted))
    for key in sorted(total):
        print(f"{key:34} {total[key]:6}")
    for n, rel, nowhere, unprinted in sorted(listed, key=lambda x: (-x[0], x[1]))[:args.show]:
        print(f"{n:4} {rel}\n     missed: {nowhere[:8]}\n     not printed: {unprinted[:8]}")


if __name__ == "__main__":
    main(sys.argv[1:])

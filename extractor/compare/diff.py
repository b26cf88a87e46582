"""What differs between an output document and a golden, in lines a person can read.

A golden holds a subset of the Document JSON; only the fields it holds are compared, so a golden
table entry may be as small as ``{"type": "unknown", "pages": [2]}``.
"""
from __future__ import annotations

from typing import Any

_TABLE_FIELDS = ("type", "title", "pages", "unit", "empty", "note")
_ROW_FIELDS = ("kind", "side", "code", "name", "unit_code")
_COLUMN_FIELDS = ("id", "key", "label", "side", "measure")


def _where(t: dict, i: int) -> str:
    return f"table {i + 1} {t.get('type', '?')} p{(t.get('pages') or ['?'])[0]}"


def _row_name(r: dict, j: int) -> str:
    bits = [b for b in (r.get("side"), r.get("code"), r.get("name")) if b]
    return f"row {j + 1} ({' '.join(str(b) for b in bits)})"


def _align(golden: list[dict], output: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pair golden and output tables by first page and type, in order; leftovers are missing/extra."""
    used: set[int] = set()
    pairs: list[tuple[dict | None, dict | None]] = []
    for g in golden:
        key = ((g.get("pages") or [None])[0], g.get("type"))
        hit = next((k for k, o in enumerate(output)
                    if k not in used and ((o.get("pages") or [None])[0], o.get("type")) == key), None)
        if hit is None:
            hit = next((k for k, o in enumerate(output)
                        if k not in used and (o.get("pages") or [None])[0] == key[0]), None)
        if hit is not None:
            used.add(hit)
        pairs.append((g, output[hit] if hit is not None else None))
    pairs += [(None, o) for k, o in enumerate(output) if k not in used]
    return pairs


def _diff_values(where: str, g: dict, o: dict) -> list[str]:
    out = []
    for key in sorted(set(g) | set(o)):
        if key not in o:
            out.append(f"{where}: value {key} missing (expected {g[key]})")
        elif key not in g:
            out.append(f"{where}: value {key} extra ({o[key]})")
        elif g[key] != o[key]:
            out.append(f"{where}: value {key} is {o[key]}, expected {g[key]}")
    return out


def _diff_table(where: str, g: dict, o: dict) -> list[str]:
    out = []
    for f in _TABLE_FIELDS:
        if f in g and g[f] != o.get(f):
            out.append(f"{where}: {f} is {o.get(f)!r}, expected {g[f]!r}")
    if "columns" in g:
        gc, oc = g["columns"], o.get("columns", [])
        if len(gc) != len(oc):
            out.append(f"{where}: {len(oc)} columns, expected {len(gc)}")
        for k, (a, b) in enumerate(zip(gc, oc)):
            for f in _COLUMN_FIELDS:
                if f in a and a[f] != b.get(f):
                    out.append(f"{where}: column {k + 1} {f} is {b.get(f)!r}, expected {a[f]!r}")
    if "rows" in g:
        gr, orows = g["rows"], o.get("rows", [])
        if len(gr) != len(orows):
            out.append(f"{where}: {len(orows)} rows, expected {len(gr)}")
        for j, (a, b) in enumerate(zip(gr, orows)):
            rw = f"{where} {_row_name(a, j)}"
            for f in _ROW_FIELDS:
                if f in a and a[f] != b.get(f):
                    out.append(f"{rw}: {f} is {b.get(f)!r}, expected {a[f]!r}")
            if "values" in a:
                out += _diff_values(rw, a["values"], b.get("values", {}))
        for j in range(len(orows), len(gr)):
            out.append(f"{where}: missing {_row_name(gr[j], j)}")
        for j in range(len(gr), len(orows)):
            out.append(f"{where}: extra {_row_name(orows[j], j)}")
    return out


def diff_documents(output: dict[str, Any], golden: dict[str, Any]) -> list[str]:
    """Every difference, one line each; an empty list means the output matches the golden."""
    out: list[str] = []
    for f in ("department", "year", "doc_kind"):
        if f in golden and golden[f] != output.get(f):
            out.append(f"document: {f} is {output.get(f)!r}, expected {golden[f]!r}")
    if "source" in golden and "file" in golden["source"] and golden["source"]["file"] != output.get("source", {}).get("file"):
        out.append(f"document: source file is {output.get('source', {}).get('file')!r}, expected {golden['source']['file']!r}")
    if "tables" in golden:
        for i, (g, o) in enumerate(_align(golden["tables"], output.get("tables", []))):
            if o is None:
                out.append(f"missing table: {_where(g, i)} {g.get('title') or ''}".rstrip())
            elif g is None:
                if golden.get("partial"):
                    continue            # a partial golden holds some tables of the file, not all

                out.append(f"extra table: {_where(o, i)} {o.get('title') or ''}".rstrip())
            else:
                out += _diff_table(_where(g, i), g, o)
    return out

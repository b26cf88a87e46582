"""What differs between an output document and a golden, in lines a person can read.

A golden holds a subset of the Document JSON; only the fields it holds are compared, so a golden
table entry may be as small as ``{"type": "unknown", "pages": [2]}`` and a golden indicator as small as
``{"level3": …, "target_raw": …}``. Financial tables and 绩效目标表 (``performance``) are both compared.
"""
from __future__ import annotations

from difflib import SequenceMatcher
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


# ---- performance tables ---------------------------------------------------------------------------
def _perf_name(t: dict) -> str | None:
    """What tells two forms on one page apart: the project, else the unit (a department form)."""
    return t.get("project_name") or t.get("unit_name")


def _perf_where(t: dict, i: int) -> str:
    name = _perf_name(t) or t.get("title") or ""
    return f"performance {i + 1} {t.get('type', '?')} p{(t.get('pages') or ['?'])[0]} {name}".rstrip()


def _align_performance(golden: list[dict], output: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pair each golden form with the output form of the same type, first page and project (unit for a
    department form) name; a golden left over takes the only unpaired output form of its type and page
    (so a misread name shows as a field difference); leftovers are missing/extra."""
    def key(t: dict, name: str | None):
        return (t.get("type"), (t.get("pages") or [None])[0]) + ((t.get(name),) if name else ())

    used: set[int] = set()
    hits: list[int | None] = []
    for g in golden:
        name = next((f for f in ("project_name", "unit_name") if f in g), None)
        hit = next((k for k, o in enumerate(output) if k not in used and key(o, name) == key(g, name)), None)
        if hit is not None:
            used.add(hit)
        hits.append(hit)
    for n, g in enumerate(golden):
        if hits[n] is None:
            free = [k for k, o in enumerate(output) if k not in used and key(o, None) == key(g, None)]
            if len(free) == 1:
                hits[n] = free[0]
                used.add(free[0])
    pairs = [(g, output[h] if h is not None else None) for g, h in zip(golden, hits)]
    return pairs + [(None, o) for k, o in enumerate(output) if k not in used]


def _indicator_name(ind: dict, j: int) -> str:
    bits = [b for b in (ind.get("level1"), ind.get("level2"), ind.get("level3")) if b]
    return f"indicator {j + 1} ({' / '.join(bits)})"


def _diff_fields(where: str, g: dict, o: dict) -> list[str]:
    """Every field the golden holds; a nested object (budget) field by field, a list of objects
    (tasks) item by item."""
    out = []
    for f, want in g.items():
        got = o.get(f)
        if isinstance(want, dict) and isinstance(got, dict):
            out += _diff_fields(f"{where} {f}", want, got)
        elif isinstance(want, list) and want and all(isinstance(x, dict) for x in want) and isinstance(got, list):
            if len(got) != len(want):
                out.append(f"{where}: {len(got)} {f}, expected {len(want)}")
            for j, (a, b) in enumerate(zip(want, got)):
                out += _diff_fields(f"{where} {f} {j + 1}", a, b)
        elif got != want:
            out.append(f"{where}: {f} is {got!r}, expected {want!r}")
    return out


def _diff_indicators(where: str, want: list[dict], got: list[dict]) -> list[str]:
    """Indicators in order, aligned on the levels the golden holds, so one missing indicator is reported
    as missing rather than as a shift of every indicator after it."""
    out = []
    if len(got) != len(want):
        out.append(f"{where}: {len(got)} indicators, expected {len(want)}")
    levels = [f for f in ("level1", "level2", "level3") if any(f in g for g in want)]
    a, b = ([tuple(i.get(f) for f in levels) for i in xs] for xs in (want, got))
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        paired = min(i2 - i1, j2 - j1) if op in ("equal", "replace") else 0
        for k in range(paired):
            g, o = want[i1 + k], got[j1 + k]
            for f, v in g.items():
                if o.get(f) != v:
                    out.append(f"{where} {_indicator_name(g, i1 + k)}: {f} is {o.get(f)!r}, expected {v!r}")
        out += [f"{where}: missing {_indicator_name(want[i], i)}" for i in range(i1 + paired, i2)]
        out += [f"{where}: extra {_indicator_name(got[j], j)}" for j in range(j1 + paired, j2)]
    return out


def _diff_performance(golden: dict, output: dict) -> list[str]:
    out: list[str] = []
    for i, (g, o) in enumerate(_align_performance(golden["performance"], output.get("performance", []))):
        if o is None:
            out.append(f"missing performance: {_perf_where(g, i)}")
        elif g is None:
            if not golden.get("partial"):
                out.append(f"extra performance: {_perf_where(o, i)}")
        else:
            where = _perf_where(g, i)
            out += _diff_fields(where, {f: v for f, v in g.items() if f != "indicators"}, o)
            if "indicators" in g:
                out += _diff_indicators(where, g["indicators"], o.get("indicators", []))
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
    if "performance" in golden:
        out += _diff_performance(golden, output)
    return out

"""Which rows sum to which: the row identities of a budget table, built once for the checks (which
report them) and the OCR repair (which uses them to find a misread amount).

Each builder returns (rule, pairs): a rule name and its (total row, part rows) pairs.
"""
from __future__ import annotations

import re

from ..models import Row

Pairs = list[tuple[Row, list[Row]]]

_DEPTH1 = re.compile(r"^[一二三四五六七八九十]+、")


def depth(row: Row) -> int | None:
    """Numbering level of an uncoded row: 一、 = 1, （一） = 2, 1. = 3; unnumbered = None."""
    name = row.name or ""
    if _DEPTH1.match(name):
        return 1
    if re.match(r"^[（(][一二三四五六七八九十]+[)）]", name):
        return 2
    if re.match(r"^\d+[.、．]", name):
        return 3
    return None


def code_pairs(rows: list[Row]) -> list[tuple[str, Pairs]]:
    """Coded rows: each group = Σ its direct children; the total (or each unit subtotal) = Σ the
    top-level codes under it."""
    coded = [r for r in rows if r.code]
    if not coded:
        return []
    out: list[tuple[str, Pairs]] = []
    pairs: Pairs = []
    for i, row in enumerate(coded):
        below = []
        for r in coded[i + 1:]:            # the group's block ends at the first code outside it
            if not (r.code.startswith(row.code) and len(r.code) > len(row.code)):
                break
            below.append(r)
        if not below:
            continue
        step = min(len(r.code) for r in below)
        pairs.append((row, [r for r in below if len(r.code) == step]))
    if pairs:
        out.append(("group_rows = sum(children)", pairs))
    totals = [r for r in rows if r.kind == "total"]
    units = [r for r in rows if r.kind == "unit"]
    top = min(len(r.code) for r in coded)
    classes = [r for r in coded if len(r.code) == top]
    if totals:
        if units:
            pairs = [(totals[0], units)]
        elif rows.index(totals[0]) < rows.index(coded[0]):
            pairs = [(totals[0], classes)]          # 合计 printed first, over every class
        else:                                       # each 合计 closes the block above it (two-panel tables)
            pairs, start = [], 0
            for t in totals:
                stop = rows.index(t)
                block = [r for r in rows[start:stop] if r.code and len(r.code) == top]
                if block:
                    pairs.append((t, block))
                start = stop + 1
        out.append(("total_row = sum(" + ("unit rows" if units else "class rows") + ")", pairs))
    if units:
        unit_pairs = []
        for k, unit in enumerate(units):
            start = rows.index(unit)
            stop = rows.index(units[k + 1]) if k + 1 < len(units) else len(rows)
            unit_pairs.append((unit, [r for r in rows[start + 1:stop] if r.code and len(r.code) == top]))
        out.append(("unit_row = sum(class rows)", unit_pairs))
    return out


def heading_pairs(rows: list[Row]) -> list[tuple[str, Pairs]]:
    """Uncoded layouts: 本年收入合计 = Σ 一、二、…; 总计 = 合计 + the rows between; 一、 = Σ its （一） / 1. items.
    Unnumbered rows give no hierarchy: a block of them is summed only after an earlier total."""
    if any(r.code for r in rows):
        return []
    out: list[tuple[str, Pairs]] = []
    pairs: Pairs = []
    previous, block = None, []
    seen_totals: set[str | None] = set()
    for row in rows:
        if row.kind == "total":
            depths = [d for d in map(depth, block) if d is not None]
            if depths:
                body = [r for r in block if depth(r) == min(depths)]
                if row.name in seen_totals:
                    previous = None     # a second panel repeats the first one's totals: they are not parts
            elif any(r.kind == "group" for r in block):
                body = [r for r in block if r.kind == "group"]    # category 小计 rows carry their items' sum
            elif previous is not None:
                body = [r for r in block if r.values]
            else:
                body = []
            if body:
                pairs.append((row, ([previous] if previous is not None else []) + body))
            previous, block = row, []
            seen_totals.add(row.name)
        else:
            if (row.name or "").startswith("一、") and any(depth(r) == 1 for r in block):
                block = []             # numbering restarts: a second panel on the same side
            block.append(row)
    if pairs:
        out.append(("total_row = sum(rows above)", pairs))
    head_pairs: Pairs = []
    for i, row in enumerate(rows):
        d = depth(row)
        if d is None or d == 3:
            continue
        kids = []
        for r in rows[i + 1:]:
            rd = depth(r)
            if rd is not None and rd <= d or r.kind == "total":
                break
            kids.append(r)
        levels = [x for x in map(depth, kids) if x is not None]
        kids = [r for r in kids if levels and depth(r) == min(levels)]
        if kids:
            head_pairs.append((row, kids))
    if head_pairs:
        out.append(("heading_row = sum(numbered items)", head_pairs))
    return out

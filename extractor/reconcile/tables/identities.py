"""Which rows sum to which: the row identities of a budget table, built once for the checks (which
report them) and the OCR repair (which uses them to find a misread amount).

Each builder returns (rule, pairs): a rule name and its (total row, part rows) pairs.
"""
from __future__ import annotations

import re

from decimal import Decimal

from ...mapping.financial.hierarchy import REPEATED_TOTAL, own_leaves
from ...models import Row
from .arith import compare, dec, places

Pairs = list[tuple[Row, list[Row]]]

_DEPTH1 = re.compile(r"^[一二三四五六七八九十]+、")
_OF_WHICH = re.compile(r"^其中[:：]?")          # 其中： a part of the row above, never a summand of its own
_PAREN_NUMBER = re.compile(r"^[（(]\d+[)）]")    # (1) items under a 1、 heading


def _of_which(row: Row) -> bool:
    return bool(_OF_WHICH.match(row.name or ""))


def _level(row: Row) -> int | None:
    d = depth(row)
    return d if d is not None else 4 if _PAREN_NUMBER.match(row.name or "") else None


def _blank_expanded(block: list[Row], body: list[Row]) -> list[Row]:
    """A heading printed blank (1、财政拨款 with its amount only on (1) 一般公共预算拨款 and (2) 政府性基金)
    stands for its numbered items: they are summed in its place."""
    out: list[Row] = []
    for row in body:
        if row.values or row not in block:
            out.append(row)
            continue
        own = _level(row)
        kids = []
        for r in block[block.index(row) + 1:]:
            lv = _level(r)
            if lv is not None and own is not None and lv <= own:
                break
            if lv is not None and not _of_which(r):
                kids.append(r)
        if kids:
            top = min(_level(r) for r in kids)
            out += _blank_expanded(block, [r for r in kids if _level(r) == top])
        else:
            out.append(row)
    return out


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


def _total_of(rows: list[Row], col: str) -> Decimal:
    return sum((dec(r.values.get(col)) for r in rows), Decimal(0))


def _without_breakdowns(total: Row, previous: Row, body: list[Row]) -> list[Row]:
    """总计 = 本年收入合计 + the rows between, where a row between may be followed by its own breakdown
    printed without 其中 (年初结转和结余, then 一般公共预算财政拨款 and 政府性基金预算财政拨款 adding up to
    it). When the plain sum fails and leaving out every run of rows that adds up exactly to the row
    before it makes it hold, those runs are parts, not summands."""
    cols = [c for c, v in total.values.items() if v is not None]
    if not cols or all(dec(total.values[c]) == _total_of([previous] + body, c) for c in cols):
        return body
    kept, i = [], 0
    while i < len(body):
        head = body[i]
        kept.append(head)
        own = [c for c in cols if head.values.get(c)]
        end = None
        if own:
            for k in range(i + 1, len(body)):
                if all(_total_of(body[i + 1:k + 1], c) == dec(head.values.get(c)) for c in own):
                    end = k
                    break
        i = end + 1 if end is not None else i + 1
    precision = places([r.values.get(c) for r in [total, previous] + body for c in cols])
    if kept != body and all(compare(total.values[c], [r.values.get(c) for r in [previous] + kept], precision)[0]
                            != "fail" for c in cols):
        return kept
    return body


def _counted(rows: list[Row]) -> list[Row]:
    """The rows an identity may use: a total printed again on a continuation page is no row of its own."""
    return [r for r in rows if REPEATED_TOTAL not in r.flags]


def code_pairs(rows: list[Row]) -> list[tuple[str, Pairs]]:
    """Coded rows: each group = Σ its direct children (a 款 printed again as its own leaf has that one
    child); the total (or each unit subtotal) = Σ the top-level codes under it."""
    rows = _counted(rows)
    leaves = own_leaves(rows)
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
            if i + 1 < len(coded) and id(coded[i + 1]) in leaves and id(row) not in leaves:
                pairs.append((row, [coded[i + 1]]))
            continue
        # a direct child has no other code of the block above it: 3010201 津贴补贴 printed under 301
        # without its 30102 is a child of 301, beside the 5-digit 30101
        codes = {r.code for r in below}
        pairs.append((row, [r for r in below if id(r) not in leaves
                            and not any(c != r.code and r.code.startswith(c) for c in codes)]))
    if pairs:
        out.append(("group_rows = sum(children)", pairs))
    at = {id(r): i for i, r in enumerate(rows)}     # positions by identity: equal rows are distinct rows
    tops = top_level(rows)
    top_ids = {id(r) for r in tops}
    totals = [r for r in rows if r.kind == "total"]
    units = [r for r in rows if r.kind == "unit"]
    own = {id(u): [r for r in rows[at[id(u)] + 1:at[id(units[k + 1])] if k + 1 < len(units) else len(rows)]
                   if id(r) in top_ids] for k, u in enumerate(units)}
    departments = _departments(units, own)
    in_department = {id(u) for members in departments.values() for u in members}
    top_units = [u for u in units if id(u) not in in_department]
    if totals:
        if units:
            pairs = [(totals[0], top_units)]
        elif at[id(totals[0])] < at[id(coded[0])]:
            pairs = [(totals[0], tops)]             # 合计 printed first, over every top-level row
        else:                                       # each 合计 closes the block above it (two-panel tables)
            pairs, start = [], 0
            for t in totals:
                stop = at[id(t)]
                block = [r for r in rows[start:stop] if id(r) in top_ids]
                if block:
                    pairs.append((t, block))
                start = stop + 1
        parts = "unit rows" if units else "class rows" if _classes(tops, coded) else "item rows"
        out.append((f"total_row = sum({parts})", pairs))
    if departments:
        out.append(("department_row = sum(unit rows)", [(d, departments[id(d)]) for d in units if id(d) in departments]))
    if units:
        out.append(("unit_row = sum(class rows)", [(u, own[id(u)]) for u in units if id(u) not in departments]))
    return out


def top_level(rows: list[Row]) -> list[Row]:
    """Coded rows printed under no coded row of their own (a unit or total row starts afresh): the 类
    rows of a 类/款/项 table; every row of an itemised table (one row per 功能 × 经济分类 pair, leaves of
    any depth, codes repeated); a 款 or 项 printed without its 类 counts at the top too."""
    out: list[Row] = []
    stack: list[Row] = []
    leaves = own_leaves(rows)
    for row in rows:
        if id(row) in leaves:
            continue            # a 款 printed again as its own leaf: counted once, as the 款
        if not row.code or row.kind == "unit":     # a unit row printed with its subject code starts afresh too
            if row.kind in ("unit", "total"):
                stack = []
            continue
        if len(row.code) < 3 and stack:
            continue            # a bare 款 code (10 under 201): a part of the class above, never a top row
        while stack and not (row.code.startswith(stack[-1].code) and len(row.code) > len(stack[-1].code)):
            stack.pop()
        if not stack:
            out.append(row)
        stack.append(row)
    return out


def _classes(tops: list[Row], coded: list[Row]) -> bool:
    """The top-level rows are classes (they head blocks, or are all 类 codes), not itemised leaves."""
    below = {id(r) for r in coded} - {id(r) for r in tops}
    return bool(below) or all(len(r.code) == 3 for r in tops)


def _departments(units: list[Row], own: dict[int, list[Row]]) -> dict[int, list[Row]]:
    """Department rows over their units (深圳: 深圳市建筑工务署, then …（本级） and each subordinate unit
    with its classes): a unit row with amounts but no classes of its own, followed by units, is the sum
    of the units up to the next such row (a unit printing nothing but zeros is one of them)."""
    def heads(u: Row) -> bool:
        return not own[id(u)] and any(u.values.values())
    out: dict[int, list[Row]] = {}
    for k, unit in enumerate(units):
        if not heads(unit) or k + 1 >= len(units) or not any(own[id(u)] for u in units[k + 1:]):
            continue
        members = []
        for u in units[k + 1:]:
            if heads(u):
                break
            members.append(u)
        if members:
            out[id(unit)] = members
    return out


def heading_pairs(rows: list[Row]) -> list[tuple[str, Pairs]]:
    """Uncoded layouts: 本年收入合计 = Σ 一、二、…; 总计 = 合计 + the rows between; 一、 = Σ its （一） / 1. items.
    Unnumbered rows give no hierarchy: a block of them is summed only after an earlier total."""
    if any(r.code for r in rows):
        return []
    rows = _counted(rows)
    out: list[tuple[str, Pairs]] = []
    pairs: Pairs = []
    previous, block = None, []
    seen_totals: set[str | None] = set()
    for row in rows:
        if row.kind == "total":
            block = [r for r in block if not _of_which(r)]
            depths = [d for d in map(depth, block) if d is not None]
            if depths:
                body = _blank_expanded(block, [r for r in block if depth(r) == min(depths)])
                if row.name in seen_totals:
                    previous = None     # a second panel repeats the first one's totals: they are not parts
            elif any(r.kind == "group" for r in block):
                body = [r for r in block if r.kind == "group"]    # category 小计 rows carry their items' sum
            elif previous is not None:
                body = _without_breakdowns(row, previous, [r for r in block if r.values and not _of_which(r)])
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
    leading = _leading_total(rows)
    if leading:
        out.append(("total_row = sum(headings below)", leading))
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
        kids = [r for r in kids if depth(r) == min(levels)] if levels else _subtotals(kids)
        if kids:
            head_pairs.append((row, kids))
    if head_pairs:
        out.append(("heading_row = sum(numbered items)", head_pairs))
    subtotals = _subtotal_pairs(rows)
    if subtotals:
        out.append(("subtotal_row = sum(items below)", subtotals))
    return out


def _subtotals(rows: list[Row]) -> list[Row]:
    """Unnumbered group rows (a list's 专项 subtotals, a category's 小计): the parts of the heading or
    total over them."""
    return [r for r in rows if r.kind == "group" and depth(r) is None and not _of_which(r)]


def _leading_total(rows: list[Row]) -> Pairs:
    """A total printed first, over the numbered headings (or the subtotal rows) below it up to the next
    total: 合计 1,624.42 over 一、货物 350.00 and 三、服务 1,274.42."""
    if not rows or rows[0].kind != "total" or depth(rows[0]) is not None:
        return []           # 一、本年支出合计 heads nothing: it is the first of the numbered rows
    body = []
    for r in rows[1:]:
        if r.kind == "total":
            break
        if not _of_which(r):
            body.append(r)
    levels = [d for d in map(depth, body) if d is not None]
    tops = [r for r in body if depth(r) == min(levels)] if levels else _subtotals(body)
    return [(rows[0], tops)] if tops else []


def _subtotal_pairs(rows: list[Row]) -> Pairs:
    """Subtotal rows printed over their items: where the rows under a heading or total open with an
    unnumbered group row, each such group = Σ the item rows after it up to the next row of another kind
    (a group closing the items above it, a category's 小计, is summed by the total, not here)."""
    pairs: Pairs = []
    opened = False      # the current block (since a total or numbered heading) opened with a group row
    current: Row | None = None
    for i, row in enumerate(rows):
        starts = i == 0 or rows[i - 1].kind == "total" or depth(rows[i - 1]) is not None
        if row.kind == "total" or depth(row) is not None:
            current = None
            continue
        if row.kind == "group" and not _of_which(row):
            opened = opened or starts
            current = row if opened else None
            if current is not None:
                pairs.append((current, []))
            continue
        if starts:
            opened = False
        if current is not None and row.kind == "item" and not _of_which(row):
            pairs[-1][1].append(row)
        elif row.kind != "item":
            current = None
    return [(g, kids) for g, kids in pairs if kids]

"""The arithmetic a budget table obeys, checked on the printed numbers and reported, never enforced:
column sums (合计 = 基本支出 + 项目支出), row sums (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, numbered headings),
two-sided balance, and the same total across tables (catalog/checks.toml)."""
from __future__ import annotations

import re
from decimal import Decimal

from ... import catalog
from ...mapping.financial.hierarchy import REPEATED_TOTAL
from ...mapping.financial.tables import MappedTable, SumGroup
from ...models import Check, Row, Table
from .arith import compare, places, same_when_rounded
from .identities import code_pairs, heading_pairs



def _verdict(rule: str, failures: list[str], roundings: int, tested: int) -> Check:
    if tested == 0:
        return Check(rule=rule, status="skipped", detail="no printed values to test")
    if failures:
        more = f" (+{len(failures) - 5} more)" if len(failures) > 5 else ""
        return Check(rule=rule, status="fail", detail="; ".join(failures[:5]) + more)
    note = f", {roundings} within rounding" if roundings else ""
    return Check(rule=rule, status="pass", detail=f"{tested} sums hold{note}")


def row_label(row: Row) -> str:
    return " ".join(x for x in (row.code, row.name) if x) or f"row p{row.page}"


def _sum_check(rule: str, pairs: list[tuple[Row, list[Row]]], columns: list[str], precision: int,
               whole: bool = False) -> Check:
    failures, roundings, tested = [], 0, 0
    if not any(c.values.get(col) is not None for _, children in pairs for c in children for col in columns):
        # the part rows print no amounts at all (codes listed in a panel of their own, beside the
        # amounts): the identity does not fit this layout
        return Check(rule=rule, status="skipped", detail="the part rows print no amounts")
    for parent, children in pairs:
        for col in columns:
            vals = [c.values.get(col) for c in children]
            if parent.values.get(col) is None:
                continue        # a blank total says nothing to test (and is more often a layout quirk)
            tested += 1
            shown = [parent._shown.get(col)] + [c._shown.get(col) for c in children]
            status, diff = compare(parent.values.get(col), vals, precision, whole, shown)
            if status == "fail":
                failures.append(f"{row_label(parent)} [{col}] printed {parent.values.get(col)}, sum {Decimal(repr(parent.values.get(col) or 0)) - diff}")
            roundings += status == "rounding"
    return _verdict(rule, failures, roundings, tested)


def _side_rows(table: Table, side: str | None) -> list[Row]:
    return [r for r in table.rows if r.side == side]


def _row_checks(rows: list[Row], columns: list[str], precision: int, suffix: str, whole: bool) -> list[Check]:
    """类/款/项 sums and numbered-heading sums (identities.py), one check per rule."""
    return [_sum_check(rule + suffix, pairs, columns, precision, whole)
            for rule, pairs in code_pairs(rows) + heading_pairs(rows)]


def _column_checks(table: Table, groups: list[SumGroup], precision: int, whole: bool) -> list[Check]:
    checks = []
    for g in groups:
        if not all(map(catalog.summable, [g.parent, *g.children])):
            continue    # a column we cannot name is no part of a sum we can state
        rule = f"{g.parent} = " + " + ".join(g.children) + (f" [{g.side}]" if g.side else "")
        failures, roundings, tested = [], 0, 0
        for row in _side_rows(table, g.side) if g.side else table.rows:
            vals = [row.values.get(c) for c in g.children]
            if row.values.get(g.parent) is None:
                continue
            tested += 1
            shown = [row._shown.get(c) for c in [g.parent, *g.children]]
            status, diff = compare(row.values.get(g.parent), vals, precision, whole, shown)
            if status == "fail":
                failures.append(f"{row_label(row)} printed {row.values.get(g.parent)}, sum {Decimal(repr(row.values.get(g.parent) or 0)) - diff}")
            roundings += status == "rounding"
        checks.append(_verdict(rule, failures, roundings, tested))
    return checks


def table_checks(m: MappedTable) -> list[Check]:
    table = m.table
    if table.type == "unknown" or table.empty:
        return []
    precision = places([v for r in table.rows for v in r.values.values()])
    whole = m.printed_places == 0       # printed in whole units (元): every amount was rounded to one
    checks = _column_checks(table, m.sum_groups, precision, whole)
    sides = sorted({r.side for r in table.rows}, key=lambda s: s or "")
    for side in sides:
        rows = _side_rows(table, side)
        columns = sorted({c.id for c in table.columns if c.side == side and catalog.summable(c.key)})
        suffix = f" [{side}]" if side else ""
        checks += _row_checks(rows, columns, precision, suffix, whole)
    if set(sides) == {"revenue", "expenditure"}:
        last = {s: next((r for r in reversed(_side_rows(table, s)) if _is_total(r)), None) for s in sides}
        if all(last.values()):
            checks.append(_sum_check("revenue_total = expenditure_total",
                                     [(last["revenue"], [last["expenditure"]])], ["total"], precision, whole))
    return checks


def _is_total(row: Row) -> bool:
    """A total row, not one printed again on a continuation page."""
    return row.kind == "total" and REPEATED_TOTAL not in row.flags


def _total_row(table: Table, side: str | None, pattern: str | None) -> Row | None:
    totals = [r for r in table.rows if _is_total(r) and r.side == side]
    if pattern:
        rx = re.compile(pattern)
        hit = next((r for r in totals if rx.search(catalog.norm_label(r.name or ""))), None)
        if hit is not None:
            return hit
    return totals[0] if len(totals) == 1 or (totals and not pattern) else None


def _grand_total(table: Table, row: Row) -> Row | None:
    """The grand total after ``row`` on its side: the last total row, below the rows carried in
    (上年结转 …). Found by position, not name: 收入总计, 总计 or, in 福州, 收入合计 under 本年收入合计."""
    rows = [r for r in table.rows if r.side == row.side]
    after = rows[rows.index(row) + 1:]
    grand = next((r for r in reversed(after) if r.kind == "total"), None)
    return grand if grand is not None and after.index(grand) > 0 else None


def _carries(left: Table, total: Row, column: str, right: Table, current: Row, grand: Row, rcol: str) -> bool:
    """The left total prints, beside it, money the right table lists between its current-year total and
    its grand total (上年结转, 上年实户资金余额, 上级补助收入 where 烟台 prints it below 本年收入合计)."""
    rows = [r for r in right.rows if r.side == current.side]
    between = {catalog.norm_label(r.name or "") for r in rows[rows.index(current) + 1:rows.index(grand)]
               if r.values.get(rcol)}
    between.discard("")
    for c in left.columns:
        if c.id == column or not total.values.get(c.id):
            continue
        parts = {catalog.norm_label(p) for p in (c.label or "").split(" / ")}
        if any(p and (p in between or any(p.startswith(b) or b.startswith(p) for b in between)) for p in parts):
            return True
    return False


def cross_checks(tables: list[Table]) -> None:
    for spec in catalog.load("checks")["cross"]:
        left, right = spec["left"], spec["right"]
        lt = next((t for t in tables if t.type == left["type"] and not t.empty), None)
        rt = next((t for t in tables if t.type == right["type"] and not t.empty), None)
        if lt is None:
            continue
        if rt is None:
            lt.checks.append(Check(rule=spec["rule"], status="skipped", detail=f"no {right['type']} table"))
            continue
        a = _total_row(lt, left.get("side"), left.get("row"))
        b = _total_row(rt, right.get("side"), right.get("row"))
        carried = ""
        if a is not None and b is not None and spec.get("carried"):
            grand = _grand_total(rt, b)
            if grand is not None and _carries(lt, a, left["column"], rt, b, grand, right["column"]):
                b, carried = grand, f"; against {grand.name}: the total includes what is carried in"
        if a is None or b is None or a.values.get(left["column"]) is None or b.values.get(right["column"]) is None:
            lt.checks.append(Check(rule=spec["rule"], status="skipped", detail="total row or column not printed"))
            continue
        x, y = a.values[left["column"]], b.values[right["column"]]
        status = "pass" if compare(x, [y], 0)[0] == "exact" else "fail"
        if status == "fail" and same_when_rounded(x, y, (a._shown.get(left["column"]), b._shown.get(right["column"]))):
            status, carried = "pass", carried + "; within rounding: the same amount printed to fewer decimals"
        lt.checks.append(Check(rule=spec["rule"], status=status, detail=f"{x} vs {y} (p{a.page}, p{b.page}){carried}"))


def run_checks(mapped: list[MappedTable]) -> None:
    for m in mapped:
        m.table.checks = table_checks(m)
    cross_checks([m.table for m in mapped])

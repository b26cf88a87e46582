"""Which cells a failing check is about, recovered from the Document alone.

A check's detail names each failing total as `<code name> [column] printed X, sum Y` (row sums) or
`<code name> printed X, sum Y` (column sums, whose rule names the columns); the row is the one with
that label and that printed value, and the parts are the rows (or columns) the same rule adds up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Check, Row, Table
from ..reconcile.tables.identities import code_pairs, heading_pairs

_FAILURE = re.compile(r"^(?P<label>.*?)(?: \[(?P<col>[^\]]+)\])? printed (?P<printed>\S+), sum (?P<sum>\S+)$")
_COLUMN_RULE = re.compile(r"^(?P<parent>[\w.@#:]+) = (?P<parts>[\w.@#:]+(?: \+ [\w.@#:]+)*)(?: \[(?P<side>\w+)\])?$")


@dataclass
class Failure:
    """One failing check of one table, with the cells it involves: (row index, column id) -> role."""
    table: int
    rule: str
    detail: str
    cells: dict[tuple[int, str], str] = field(default_factory=dict)    # role: "total" | "part"
    pages: list[int] = field(default_factory=list)                     # where those cells are printed

    @property
    def rows(self) -> set[int]:
        return {r for r, _ in self.cells}


def label(row: Row) -> str:
    return " ".join(x for x in (row.code, row.name) if x) or f"row p{row.page}"


def failures(table: Table, index: int = 0) -> list[Failure]:
    """Every failing check of ``table`` with its cells (none found: the check is still listed)."""
    out = []
    for check in table.checks:
        if check.status != "fail":
            continue
        f = Failure(table=index, rule=check.rule, detail=check.detail)
        _fill(f, table, check)
        f.pages = sorted({table.rows[r].page for r in f.rows}) or table.pages[:1]
        out.append(f)
    return out


def _fill(f: Failure, table: Table, check: Check) -> None:
    rule, _, side = check.rule.partition(" [")
    side = side.rstrip("]") or None
    column_rule = _COLUMN_RULE.match(check.rule)
    pairs = None
    for text in re.sub(r" \(\+\d+ more\)$", "", check.detail).split("; "):
        m = _FAILURE.match(text.strip())
        if not m:
            continue
        if m.group("col"):                          # a row sum: the total row and the rows it adds
            col = m.group("col")
            parent = _find(table, m.group("label"), col, m.group("printed"))
            if parent is None:
                continue
            f.cells[(parent, col)] = "total"
            if pairs is None:
                pairs = _pairs(table, rule, side)
            for total, parts in pairs:
                if total is table.rows[parent]:
                    for part in parts:
                        f.cells.setdefault((_index(table, part), col), "part")
                    break
        elif column_rule:                           # a column sum: one row, its total and part columns
            parent_col = column_rule.group("parent")
            row = _find(table, m.group("label"), parent_col, m.group("printed"))
            if row is None:
                continue
            f.cells[(row, parent_col)] = "total"
            for col in column_rule.group("parts").split(" + "):
                f.cells.setdefault((row, col), "part")


def _find(table: Table, text: str, col: str, printed: str) -> int | None:
    hits = [i for i, r in enumerate(table.rows) if label(r) == text and str(r.values.get(col)) == printed]
    if not hits:
        hits = [i for i, r in enumerate(table.rows) if label(r) == text]
    return hits[0] if hits else None


def _index(table: Table, row: Row) -> int:
    return next(i for i, r in enumerate(table.rows) if r is row)


def _pairs(table: Table, rule: str, side: str | None) -> list:
    rows = [r for r in table.rows if r.side == side]
    for name, pairs in code_pairs(rows) + heading_pairs(rows):
        if name == rule:
            return pairs
    return []

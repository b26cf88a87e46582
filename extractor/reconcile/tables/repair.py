"""Scanned tables: an amount OCR misread is found and put right with the arithmetic the table obeys.

The identities are the ones ``checks`` tests (合计 = 基本支出 + 项目支出 on each row, 类 = Σ 款, 合计 = Σ 类,
numbered headings, …), built here on the rows of one table. Only rows read from page images are
touched (text layers are kept exactly as printed). Where two or more failing identities meet in one
cell and are all explained by it (a row sum and a column sum crossing at a misread amount), and one
value makes every identity that cell is part of hold, and that value is a plausible
misreading of what OCR read (at most two digits differ), the value is replaced and the row flagged
``repaired_by_sum`` and ``repaired_by_sum:<column id>``. Otherwise the failing totals are flagged
``sum_unresolved:<column id>`` and everything stays as read; the checks then report the failure.
An amount read with low confidence that no holding sum confirms is flagged ``ocr_unconfirmed:<column id>``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz.distance import Levenshtein

from ... import catalog
from ...mapping.financial.tables import MappedTable
from ...text.amounts import to_json_number
from ...models import Row
from .arith import compare, dec, places
from .identities import code_pairs, heading_pairs

Cell = tuple[int, str]          # (index in table.rows, column id)
MAX_DIGITS_CHANGED = 2


@dataclass(frozen=True)
class Identity:
    total: Cell
    parts: tuple[Cell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (self.total, *self.parts)


# ------------------------------------------------------------------------------------------ identities
def identities(m: MappedTable) -> list[Identity]:
    table = m.table
    rows = table.rows
    where = {id(r): i for i, r in enumerate(rows)}
    out: list[Identity] = []
    for g in m.sum_groups:
        if not all(map(catalog.summable, [g.parent, *g.children])):
            continue
        for i, row in enumerate(rows):
            if g.side and row.side != g.side:
                continue
            out.append(Identity((i, g.parent), tuple((i, c) for c in g.children)))
    for side in sorted({r.side for r in rows}, key=lambda s: s or ""):
        srows = [r for r in rows if r.side == side]
        columns = sorted({c.id for c in table.columns if c.side == side and catalog.summable(c.key)})
        for parent, children in [p for _, pairs in code_pairs(srows) + heading_pairs(srows) for p in pairs]:
            for col in columns:
                out.append(Identity((where[id(parent)], col), tuple((where[id(c)], col) for c in children)))
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------------------------------ repair
def _digits(v: Decimal | None, precision: int | None = None) -> str:
    """The digits of an amount, at the table's precision, or (None) as it was read: a decimal point OCR
    lost (5853.88 read as 585288) is then one changed digit, not a different number."""
    if v is None:
        return ""
    return re.sub(r"\D", "", f"{v:.{precision}f}" if precision is not None else format(v, "f"))


class _Table:
    def __init__(self, m: MappedTable):
        self.rows = m.table.rows
        self.ids = identities(m)
        self.precision = places([v for r in self.rows for v in r.values.values()])
        self.by_cell: dict[Cell, list[Identity]] = {}
        for k in self.ids:
            for c in k.cells:
                self.by_cell.setdefault(c, []).append(k)

    def value(self, cell: Cell, override: dict[Cell, Decimal] | None = None) -> Decimal | None:
        if override and cell in override:
            return override[cell]
        v = self.rows[cell[0]].values.get(cell[1])
        return None if v is None else dec(v)

    def status(self, k: Identity, override: dict[Cell, Decimal] | None = None) -> str | None:
        total = self.value(k.total, override)
        if total is None:
            return None                 # a blank total tests nothing (as in the checks)
        return compare(total, [self.value(p, override) for p in k.parts], self.precision)[0]

    def needed(self, k: Identity, cell: Cell) -> Decimal:
        """The value of ``cell`` that makes ``k`` hold exactly."""
        parts = sum((self.value(p) or Decimal(0) for p in k.parts if p != cell), Decimal(0))
        if cell == k.total:
            return parts
        return (self.value(k.total) or Decimal(0)) - parts


def _components(failing: list[Identity]) -> list[list[Identity]]:
    groups: list[tuple[set[Cell], list[Identity]]] = []
    for k in failing:
        cells = set(k.cells)
        joined = [g for g in groups if g[0] & cells]
        merged_cells, merged = cells, [k]
        for g in joined:
            merged_cells |= g[0]
            merged = g[1] + merged
            groups.remove(g)
        groups.append((merged_cells, merged))
    return [g[1] for g in groups]


def _flag(row: Row, flag: str) -> None:
    if flag not in row.flags:
        row.flags = sorted({*row.flags, flag})


def repair_table(m: MappedTable, pages: set[int]) -> int:
    """Repair one table's OCR misreads in place; returns the number of cells changed."""
    rows = m.table.rows
    if not pages or m.table.type == "unknown" or not any(r.page in pages for r in rows):
        return 0
    t = _Table(m)
    changed = 0
    for _ in range(4):          # one repair can leave the next failure explained by one cell
        failing = [k for k in t.ids if t.status(k) == "fail"]
        if not failing:
            break
        progress = False
        for comp in _components(failing):
            if len(comp) < 2:
                continue        # one failing sum cannot say which of its cells is wrong: the total is not
                                # to blame just because fewer sums test it
            found: dict[Cell, Decimal] = {}
            cells = {c for k in comp for c in k.cells}
            for cell in cells:
                row = rows[cell[0]]
                if row.page not in pages or not all(cell in k.cells for k in comp):
                    continue
                read = t.value(cell)
                if read is None and f"unparsed:{cell[1]}" not in row.flags:
                    continue            # a blank cell is blank as printed; an unreadable one may be filled
                involved = [k for k in t.by_cell.get(cell, []) if t.status(k) is not None or k.total == cell]
                best: list[tuple[int, Decimal]] = []
                for v in {t.needed(k, cell) for k in comp}:
                    if any(t.status(k, {cell: v}) == "fail" for k in involved):
                        continue
                    dist = 0 if read is None else Levenshtein.distance(_digits(read), _digits(v, t.precision))
                    if read is not None and not 0 < dist <= MAX_DIGITS_CHANGED:
                        continue
                    best.append((dist, v))
                if best:
                    best.sort()
                    if len(best) == 1 or best[0][0] < best[1][0]:
                        found[cell] = best[0][1]
            if len(found) == 1:
                (cell, v), = found.items()
                row = rows[cell[0]]
                row.values[cell[1]] = to_json_number(v.quantize(Decimal(1).scaleb(-t.precision)) if t.precision else v)
                row.flags = sorted({f for f in row.flags if f != f"unparsed:{cell[1]}"}
                                   | {"repaired_by_sum", f"repaired_by_sum:{cell[1]}"})
                changed += 1
                progress = True
        if not progress:
            break
    for k in t.ids:
        if t.status(k) == "fail" and rows[k.total[0]].page in pages:
            _flag(rows[k.total[0]], f"sum_unresolved:{k.total[1]}")
    _flag_unconfirmed(t, pages)
    return changed


def _flag_unconfirmed(t: _Table, pages: set[int]) -> None:
    """A wrong amount is worse than a missing one: an amount OCR read with low confidence that no
    holding sum confirms (no identity it is part of passes) gets ``ocr_unconfirmed:<column id>``, so a
    user can leave it out; one a sum confirms is as sure as the sum."""
    for i, row in enumerate(t.rows):
        if row.page not in pages:
            continue
        for flag in list(row.flags):
            if not flag.startswith("ocr_low_confidence:"):
                continue
            col = flag.split(":", 1)[1]
            if col not in row.values:
                continue
            if not any(t.status(k) in ("exact", "rounding") for k in t.by_cell.get((i, col), [])):
                _flag(row, f"ocr_unconfirmed:{col}")


def repair_tables(mapped: list[MappedTable], ocr_pages: set[int]) -> int:
    """Repair every table with rows read from page images (``ocr_pages``); run before the checks."""
    return sum(repair_table(m, ocr_pages) for m in mapped)

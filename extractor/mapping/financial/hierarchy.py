"""Which row heads which, where the kinds read off each row alone say it wrong: a unit's code printed in
the subject-code column, a 款 printed with its own two digits only, a 合计 printed again on every page, a 款 printed twice (itself and its own leaf),
and a list's subtotal rows that print their label in a classification column, not the name column.

Passes over one table's rows in document order, run by ``rows.finish_kinds`` (repeatable)."""
from __future__ import annotations

from functools import lru_cache

from ... import catalog
from ...models import CodeLevels, Row

REPEATED_TOTAL = "repeated_total"


def levels_of(code: str) -> CodeLevels | None:
    """类 / 款 / 项 of a joined subject code (3 / 5 / 7 digits)."""
    if not code.isdigit() or len(code) < 3:
        return None
    return CodeLevels(**{"class": code[:3], "item": code[3:5] or None, "subitem": code[5:7] or None})


@lru_cache(maxsize=None)
def _subject_classes() -> frozenset[str]:
    """The 类 (first three digits) of every subject code the catalog knows, of every classification."""
    return frozenset(code[:3] for kind in catalog.load("subjects").values() if isinstance(kind, dict)
                     for code in kind)


def _subject_shape(code: str) -> bool:
    return len(code) in catalog.load("rows")["subject_code"]["lengths"]


def unit_code_rows(rows: list[Row]) -> None:
    """A code of no subject code's length (125001: a 6-digit 单位编码) printed in the subject-code column
    over subject codes it does not prefix (208 社会保障和就业支出, a 类 the catalog knows) is the unit's
    subtotal row: its code is the unit code, and it is summed against its own classes, not with them.
    A row of the same shape closing such a unit (a unit printing no classes) is one too."""
    shapes: set[int] = set()
    for i, row in enumerate(rows):
        code = row.code or ""
        if row.kind not in ("item", "group") or not code.isdigit() or _subject_shape(code):
            continue
        nxt = next((r for r in rows[i + 1:] if r.code and r.side == row.side), None)
        if nxt is not None and nxt.code.startswith(code):
            continue                # it prefixes what follows: a code of its own hierarchy
        under_subject = nxt is not None and nxt.code[:3] in _subject_classes() and _subject_shape(nxt.code)
        if not under_subject and len(code) not in shapes:
            continue
        shapes.add(len(code))
        row.unit_code, row.code, row.code_levels, row.kind = row.unit_code or code, None, None, "unit"


def bare_item_codes(rows: list[Row]) -> None:
    """A 款 printed with its own two digits only in a full-code column (208 社会保障和就业支出, then 05
    行政事业单位离退休, then 2080505 …) is 20805: the 类 above it and the full code below it both say so.
    Flagged ``code_completed``; left bare where the code below does not continue it."""
    for i, row in enumerate(rows):
        code = row.code or ""
        if len(code) != 2 or not code.isdigit():
            continue
        above = next((r for r in reversed(rows[:i]) if r.code and r.side == row.side and len(r.code) >= 3), None)
        below = next((r for r in rows[i + 1:] if r.code and r.side == row.side), None)
        if above is None or below is None:
            continue
        full = above.code[:3] + code
        if below.code.startswith(full) and len(below.code) > len(full):
            row.code, row.code_levels = full, levels_of(full)
            row.flags = sorted({*row.flags, "code_completed"})


def repeated_totals(rows: list[Row]) -> None:
    """A total printed again at the head of a continuation page (under the repeated header), with the name
    and amounts of the table's total on an earlier page, is that total repeated: flagged, and left out of
    the row identities (it neither closes a block nor resets the 类/款 hierarchy)."""
    first: dict[tuple, Row] = {}
    for i, row in enumerate(rows):
        if row.kind != "total" or not row.values:
            continue
        key = (row.side, catalog.norm_label(row.name or ""))
        earlier = first.setdefault(key, row)
        if earlier is row:
            continue
        before = next((r for r in reversed(rows[:i]) if r.side == row.side), None)
        if earlier.page < row.page and (before is None or before.page < row.page) and earlier.values == row.values:
            row.flags = sorted({*row.flags, REPEATED_TOTAL})


def own_leaves(rows: list[Row]) -> set[int]:
    """ids of rows that print the row before them again (code, name, amounts, classifications): a 款 with
    no 项 printed as itself and as its own leaf (219 援助其他地区支出 502, then 21999 其他支出 502 twice).
    Only a code above the table's deepest level: a leaf printed twice may be two purchases."""
    deepest = max((len(r.code) for r in rows if r.code), default=0)
    out: set[int] = set()
    for a, b in zip(rows, rows[1:]):
        if a.code and len(a.code) < deepest and b.code == a.code and b.side == a.side and b.values and \
                (b.name, b.values, b.classifications, b.texts) == (a.name, a.values, a.classifications, a.texts):
            out.add(id(b))
    return out


def own_leaf_groups(rows: list[Row]) -> None:
    leaves = own_leaves(rows)
    for a, b in zip(rows, rows[1:]):
        if id(b) in leaves and a.kind == "item":
            a.kind = "group"


def subtotal_headings(rows: list[Row]) -> None:
    """A row with amounts that prints no name, only classification labels (专项名称 | 经济科目: 办公设备购置费 |
    办公设备购置 | 300.00), over named rows that leave those columns blank (台式计算机 18.00 …), is their
    subtotal: a group, named by its first label. Not where the row above is a nameless row printing the
    same labels (a list whose purchases are all named by their labels: 苏州's 专项 | 经济科目 | 品目 rows), nor
    where the named row under it prints more than it (no part exceeds its subtotal)."""
    for i, row in enumerate(rows):
        if row.kind != "item" or row.code or row.name or not row.values or not row.classifications or \
                any(label.code or not label.name for label in row.classifications.values()):
            continue
        nxt = next((r for r in rows[i + 1:] if r.side == row.side and r.values), None)
        if nxt is None or nxt.kind != "item" or not nxt.name or set(nxt.classifications) & set(row.classifications):
            continue
        before = next((r for r in reversed(rows[:i]) if r.side == row.side and r.values), None)
        if before is not None and not before.name and set(before.classifications) == set(row.classifications):
            continue
        if any(v > row.values[k] for k, v in nxt.values.items() if k in row.values and v >= 0):
            continue
        row.kind, row.name = "group", next(iter(row.classifications.values())).name

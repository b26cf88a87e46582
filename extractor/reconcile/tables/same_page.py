"""An independent sum over the same table. A 类 whose printed amount its 款 do not reach, where every 款
that has 项 is reached by them: the 项 are other printed numbers than the 款, read from other rows, and
they agree with the 款, two sets of printed amounts against one, so the 类's own figure is the odd one out.
And a total its 类 do not reach where the rows at the foot of the hierarchy (the 项, and rows with none
under them) do: a row between is the odd one out. A row with no rows of its own under it offers no
second sum, and corroborates nothing."""
from __future__ import annotations

from ... import catalog
from ...models import Check, Row, Table
from .arith import compare, places
from .checks import row_label
from .identities import code_pairs

_GROUPS = "group_rows = sum(children)"


def independent_sum(table: Table, check: Check) -> str | None:
    """Evidence that every failure of the row sum ``check`` is its printed total's alone, or None."""
    side = next((s for s in {r.side for r in table.rows} if s and check.rule.endswith(f" [{s}]")), None)
    rule = check.rule[:-len(f" [{side}]")] if side else check.rule
    rows = [r for r in table.rows if r.side == side]
    by_rule = dict(code_pairs(rows))
    if rule not in by_rule or _GROUPS not in by_rule:
        return None
    own = {id(parent): children for parent, children in by_rule[_GROUPS]}
    above = {id(c): (p, cs) for pairs in by_rule.values() for p, cs in pairs for c in cs}   # the row over each row
    columns = sorted({c.id for c in table.columns if c.side == side and catalog.summable(c.key)})
    precision = places([v for r in table.rows for v in r.values.values()])
    odd_total, odd_between, odd_row = [], [], []
    for parent, children in by_rule[rule]:
        for col in columns:
            if parent.values.get(col) is None or _holds(parent, children, col, precision):
                continue
            split = [c for c in children if own.get(id(c))]
            if not split:
                over = above.get(id(parent))
                if over is None or over[0].values.get(col) is None or \
                        not _holds(over[0], _foot(over[1], own), col, precision):
                    return None
                odd_row.append(f"{row_label(parent)} [{col}]")     # the row over it reaches its foot rows
            elif all(_holds(c, own[id(c)], col, precision) for c in split):
                odd_total.append(f"{row_label(parent)} [{col}]")
            elif _holds(parent, _foot(children, own), col, precision):
                odd_between.append(f"{row_label(parent)} [{col}]")
            else:
                return None
    said = []
    if odd_total:
        said.append(f"the rows under {_some(odd_total)} are each reached by their own rows: the printed total is "
                    "the odd one out")
    if odd_between:
        said.append(f"the rows at the foot of {_some(odd_between)} reach it where the rows between do not: a row "
                    "between is the odd one out")
    if odd_row:
        said.append(f"the row over {_some(odd_row)} is reached by the rows at the foot under it: the row's own "
                    "figure is the odd one out")
    return f"an independent sum over p{table.pages[0]}: " + "; ".join(said) if said else None


def _foot(rows: list[Row], own: dict[int, list[Row]]) -> list[Row]:
    """The rows at the foot of the hierarchy under ``rows``: each row's own rows, down to rows with none."""
    out: list[Row] = []
    for r in rows:
        out += _foot(own[id(r)], own) if own.get(id(r)) else [r]
    return out


def _some(labels: list[str]) -> str:
    return ", ".join(labels[:3]) + (" …" if len(labels) > 3 else "")


def _holds(parent: Row, children: list[Row], col: str, precision: int) -> bool:
    status, _ = compare(parent.values.get(col), [c.values.get(col) for c in children], precision, False,
                        [parent._shown.get(col)] + [c._shown.get(col) for c in children])
    return status != "fail"


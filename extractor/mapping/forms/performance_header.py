"""The header of an indicator grid or a project list in a performance form: which column holds which
role (一级 | 二级 | 三级 | 指标值 …, 项目名称 | 金额 | 绩效目标 …), found on any row, labels cut over two grid
rows read together, and the columns followed by position on the continuation grids of later pages."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ... import catalog
from ...grid import Grid
from ...grid.model import GridCell
from . import performance_fields as pf

HEADER_SPAN = 3             # a cell over more rows is a group label beside the body (绩效指标), not a header


@dataclass
class Cols:
    """The roles of an indicator grid or project list header, by column, and by position for the
    continuation grids of later pages (which may be cut into other columns)."""
    roles: dict[str, int]
    x: dict[str, float]
    grid: Grid
    list_form: bool
    goal_field: str = "annual_goal"      # the form field a list's goal column fills (项目总体绩效目标: overall_goal)
    _cache: dict = field(default_factory=dict)

    def on(self, grid: Grid) -> dict[str, int]:
        if grid is self.grid:
            return self.roles
        if id(grid) not in self._cache:
            out: dict[str, int] = {}
            for role, x in self.x.items():
                col = next((c for c in range(grid.n_cols) if grid.col_x[c] - 1 <= x <= grid.col_x[c + 1] + 1), None)
                if col is not None:
                    out[role] = col
            self._cache[id(grid)] = out
        return self._cache[id(grid)]


def find_header(grid: Grid, r: int) -> tuple[int, int, Cols] | None:
    """An indicator grid or project list header on row ``r``: (first row, last row, columns)."""
    found: dict[str, tuple[int, GridCell]] = {}
    here = [c for c in grid.cells if c.row == r and c.text and c.rowspan <= HEADER_SPAN]
    bottom_here = max((c.last_row for c in here), default=r)
    rows = here + [c for c in grid.cells if c.row < r <= c.last_row <= bottom_here and c.text]
    for cell in rows:
        role = pf.match(cell.text, "columns")
        if role is None:
            continue
        rank = pf.column_rank(cell.text)
        if role not in found or rank < found[role][0]:
            found[role] = (rank, cell)
    if len(found) >= 2:         # on a row that is a header by its other labels
        for cell in rows:
            role = None if pf.match(cell.text, "columns") else _overprinted_label(cell.text)
            if role is not None and role not in found:
                found[role] = (99, cell)
    roles = set(found)
    grid_form = "level3" in roles and ("target" in roles or "level1" in roles or "level2" in roles) \
        and len(roles) >= 3
    list_form = "project" in roles and len(roles & {"amount", "year_budget", "goal", "overall_goal", "level3", "unit"}) >= 1 \
        and len(roles) >= 3
    if not (grid_form or list_form):
        return None
    # the rows above that hold header cells of the same block (two-row headers, 项目名称 over 一级指标)
    cells = [c for _, c in found.values()]
    top = min(c.row for c in cells)
    bottom = max(c.last_row for c in cells)
    bottom = _wrapped_header(grid, bottom, found)
    for c in grid.cells:      # labels under the header cells (财政资金 | 其他资金 under 其中)
        if top <= c.row <= bottom:
            role = pf.match(c.text, "columns")
            if role and c.text and (role not in found or pf.column_rank(c.text) < found[role][0]):
                found[role] = (pf.column_rank(c.text), c)
    goal_field = "annual_goal"
    if "overall_goal" in found and "goal" not in found:
        found["goal"], goal_field = found.pop("overall_goal"), "overall_goal"
    roles_col = {role: c.col for role, (_, c) in found.items()}
    xs = {role: (c.bbox[0] + c.bbox[2]) / 2 for role, (_, c) in found.items()}
    listing = "project" in roles_col or ("unit" in roles_col and "goal" in roles_col)
    return top, bottom, Cols(roles_col, xs, grid, listing, goal_field)

@lru_cache(maxsize=None)
def _long_aliases() -> tuple[tuple[str, str], ...]:
    aliases = {pf.clean_label(a): role for role, names in pf.cfg()["columns"].items() for a in names}
    return tuple(sorted(((a, r) for a, r in aliases.items() if len(a) >= 4), key=lambda ar: -len(ar[0])))


def _overprinted_label(text: str) -> str | None:
    """项目名称商环境发展报告: a header label with the tail of a row the page break cut printed over it (the
    next page repeats the cut row's text across its header): the role of the label the cell starts with."""
    t = pf.clean_label(text)
    # the tail is a phrase of its own (商环境发展报告), not the rest of a label (绩效目标 | 指标)
    return next((role for alias, role in _long_aliases() if t.startswith(alias) and len(t) >= len(alias) + 4), None)


def _wrapped_header(grid: Grid, bottom: int, found: dict) -> int:
    """Header labels cut over two grid rows where no ruling divides them (二级 / 指标, 年度 / 指标值, 实际 /
    完成值): each lower piece is read with the piece above it; the header takes the row where that names
    columns it lacked."""
    below = [c for c in grid.cells if c.row == bottom + 1 and c.text and c.rowspan <= HEADER_SPAN]
    joined = {}
    for c in below:
        above = grid.at(bottom, c.col)
        head = above.text if above is not None and above is not c and above.rowspan <= HEADER_SPAN else ""
        joined[id(c)] = (c, pf.match(head + c.text, "columns") or pf.match(c.text, "columns"))
    if not joined or not all(role or len(catalog.norm_label(c.text)) <= 2 for c, role in joined.values()):
        return bottom
    if not {role for _, role in joined.values()} - set(found) - {None}:
        return bottom
    for c, role in joined.values():
        if role and role not in found:
            found[role] = (pf.column_rank(c.text), c)
    return max(c.last_row for c in below)

"""Self-evaluation forms (项目支出绩效自评表, 部门整体支出绩效自评表) -> PerformanceTable.

The form is the 财政部 template that most regions print, read with the target-form reader (key-value block,
indicator grid with merged 一级/二级 cells, forms over two pages) plus what only a self-evaluation holds:
- the budget block: a header of 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 (a header over
  总额 | 财政拨款 | 其他资金 reads its 总额), its total line (年度资金总额, 金额合计) into ``budget_execution`` and the
  other lines (当年财政拨款, 上年结转资金; on the department form one line per task) into its ``lines``;
- the goal block: 预期目标（年初设定） | 实际完成情况 over their texts -> ``overall_goal`` / ``overall_result``;
- the grid's 实际完成值 / 分值 / 得分 / 偏差原因 columns (catalog/indicators.toml [columns]);
- the 总分 row, which ends the grid (what follows it is not indicators), and 自评等级.
Every label is matched from catalog/performance.toml [self_evaluation.*]."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ... import catalog
from ...grid import Grid
from ...grid.model import GridCell
from ...models import BudgetExecution, BudgetExecutionLine, Task
from . import performance_fields as pf
from .indicators import clean_name, is_known_l1, is_known_l2
from .reader import FormReader
from .targets import parse_target
from ...text.amounts import to_json_number


def _first_by_label(cells: list[GridCell], section: str) -> dict[str, GridCell]:
    """The first cell of a header row that each label of ``section`` names."""
    found: dict[str, GridCell] = {}
    for c in cells:
        key = label(c.text, section)
        if key is not None and key not in found:
            found[key] = c
    return found


_AMOUNT_ROLES = ("initial_budget", "annual_budget", "executed", "weight", "score")


def _cfg() -> dict:
    return catalog.load("performance")["self_evaluation"]


@lru_cache(maxsize=None)
def _index(section: str) -> catalog.FuzzyIndex:
    data = _cfg()[section]
    return catalog.FuzzyIndex([(a, key) for key, aliases in data.items() for a in aliases], normalise=pf.clean_label)


@lru_cache(maxsize=4096)
def label(text: str, section: str) -> str | None:
    """The key a label cell names in ``section`` of [self_evaluation], exactly then fuzzily."""
    if not text or len(text) > 24:
        return None
    idx = _index(section)
    key = idx.exact(text)
    if key is not None:
        return key
    hit = idx.match(text, pf.cfg()["cutoffs"]["labels"])
    return hit.value if hit else None


def percent(text: str | None) -> int | float | None:
    """'100.00%' -> 100, '97.74%' -> 97.74; a bare number is taken as printed."""
    t = re.sub(r"\s+", "", (text or "")).replace("％", "%").rstrip("%")
    try:
        return to_json_number(Decimal(t.replace(",", ""))) if re.fullmatch(r"-?[\d,]+(?:\.\d+)?", t) else None
    except InvalidOperation:
        return None


_SPLIT = {"annual_budget": "annual", "executed": "executed"}    # amounts printed as 总额 | 财政拨款 | 其他资金


@dataclass
class _Budget:
    """The budget block's columns on one grid (later grids of the form are mapped by position)."""
    grid: Grid
    cols: dict[str, int]
    x: dict[str, float]
    header_end: int
    task_cols: tuple[int, int] | None = None     # (任务名称, 主要内容) of a department form
    ended: bool = False

    def on(self, grid: Grid) -> dict[str, int]:
        if grid is self.grid:
            return self.cols
        return {role: c for role, x in self.x.items()
                for c in range(grid.n_cols) if grid.col_x[c] - 1 <= x <= grid.col_x[c + 1] + 1}


@dataclass
class _Goal:
    grid: Grid
    cols: dict[str, int]
    header_end: int
    last: dict[str, GridCell] = field(default_factory=dict)


class SelfEvaluationReader(FormReader):
    def __init__(self, kind: str, title: str | None, fallback_unit: str | None):
        super().__init__(kind, title, fallback_unit)
        self.budget: _Budget | None = None
        self.goal: _Goal | None = None
        self.pending_l1: str | None = None     # a 一级 name cut over two grid rows, its first piece

    def new_form(self):
        self.budget = self.goal = None
        return super().new_form()

    # ---- one body row ----------------------------------------------------------------------------
    def _row(self, grid: Grid, r: int, row: list[GridCell], cells: list[GridCell]) -> None:
        if self._totals(grid, r, cells):
            return
        if self.cols is not None:
            self.budget = self.goal = None
            if not self._wrapped_row(grid, r):
                super()._row(grid, r, row, cells)
                self._apply_pending_l1(grid, r)
            return
        if self._budget_header(grid, r, cells):
            return
        if self.budget is not None and not self.budget.ended and self._budget_row(grid, r, cells):
            return
        if self._goal_header(grid, r, cells):
            return
        if self.goal is not None and self._goal_row(grid, r):
            return
        super()._row(grid, r, row, cells)

    # ---- grid rows a wrapped cell was cut into ------------------------------------------------------
    def _wrapped_row(self, grid: Grid, r: int) -> bool:
        """A grid row with names but no value, 分值 or 得分 is the rest of cells a row boundary cut (one
        ruling of a neighbour column drawn through wrapped text): 可持续影响 / 指标, 保证全年全体职工正 /
        常开展工作天数. A lone 一级 piece (满意度 / 指标（10分）) waits for the next row."""
        cols = self.cols.on(grid)
        if not ({"points", "score"} & set(cols)):
            return False

        def here(role: str) -> GridCell | None:
            c = grid.at(r, cols[role]) if role in cols else None
            return c if c is not None and c.row == r and c.text else None

        if here("points") or here("score"):
            return False
        l1, l2, l3 = here("level1"), here("level2"), here("level3")
        rest = {k: here(k) for k in ("target", "actual", "deviation")}
        t = self.form.table
        if l1 is not None and l2 is None and l3 is None and not any(rest.values()):
            self.pending_l1 = (self.pending_l1 or "") + l1.text
            return True
        if l1 is not None or not t.indicators or not (l2 or l3 or any(rest.values())):
            return False
        if l2 is not None and (is_known_l2(l2.text) or is_known_l1(l2.text)):
            return False                      # a 二级 of its own (an empty template row), not the rest of one
        last = t.indicators[-1]
        if l2 is not None:
            last.level2 = (last.level2 or "") + clean_name(l2.text)
            self.form.l2 = last.level2
        if l3 is not None:
            last.level3 = (last.level3 or "") + l3.text
        for key, c in rest.items():
            if c is not None:
                attr = {"target": "target_raw", "actual": "actual_raw"}.get(key, key)
                setattr(last, attr, (getattr(last, attr) or "") + c.text)
        if rest["target"] is not None:
            parsed = parse_target(last.target_raw)
            last.comparator, last.target_value, last.target_unit = parsed.comparator, parsed.value, parsed.unit
            last.qualitative = parsed.qualitative
        return True

    def _apply_pending_l1(self, grid: Grid, r: int) -> None:
        if not self.pending_l1:
            return
        pending, self.pending_l1 = self.pending_l1, None
        cols = self.cols.on(grid) if self.cols is not None else {}
        c = grid.at(r, cols["level1"]) if "level1" in cols else None
        t = self.form.table
        if c is not None and c.row == r and c.text and t.indicators:
            name = clean_name(pending + c.text)          # 满意度 + 指标（10分） -> 满意度指标
            if t.indicators[-1].level1 == clean_name(c.text):
                t.indicators[-1].level1 = name
            self.form.l1 = name
        elif t.indicators:
            self.form.l1 = clean_name(pending)

    def _totals(self, grid: Grid, r: int, cells: list[GridCell]) -> bool:
        """总分 | 100 | 99.5 ends the indicator grid; 自评等级 | 优 gives the grade."""
        key = label(cells[0].text, "totals")
        if key is None:
            return False
        t = self.form.table
        if key == "grade":
            value = next((c.text for c in cells[1:] if c.text and label(c.text, "totals") is None), None)
            t.grade = value or t.grade
            return True
        if self.cols is None and not t.indicators:
            return False                      # 合计 of a budget block, not the grid's total
        cols = self.cols.on(grid) if self.cols is not None else {}
        score_cell = grid.at(r, cols["score"]) if "score" in cols else None
        values = [pf.amount(c.text) for c in cells[1:]]
        if score_cell is not None and score_cell.row == r and score_cell is not cells[0]:
            score = pf.amount(score_cell.text)
        else:
            score = next((v for v in reversed(values) if v is not None), None)
        if score is not None:
            t.total_score = score
        self.cols = None                      # the grid ends at its total: what follows is not indicators
        self.form.pages.add(grid.page)
        return True

    # ---- the budget block ------------------------------------------------------------------------
    def _budget_header(self, grid: Grid, r: int, cells: list[GridCell]) -> bool:
        found = _first_by_label(cells, "budget_columns")
        if len(found) < 3 or not ({"annual_budget", "executed"} & set(found)):
            return False
        header_end = max(c.last_row for c in found.values())
        cols: dict[str, int] = {}
        for key, c in found.items():
            col = c.col
            if c.colspan > 1:               # 全年预算数 over 总额 | 财政拨款 | 其他资金: its 总额, and its parts
                subs = {}
                for s in grid.cells:
                    if c.last_row < s.row <= header_end + 1 and c.col <= s.col <= c.last_col:
                        subs.setdefault(label(s.text, "budget_subcolumns"), s)
                if "total" in subs:
                    col = subs["total"].col
                    header_end = max(header_end, subs["total"].last_row)
                for part in ("fiscal", "other"):
                    if part in subs and key in _SPLIT:
                        cols[f"{_SPLIT[key]}_{part}"] = subs[part].col
            cols[key] = col
        names = {pf.match(c.text, "tasks"): c.col for c in cells}
        tasks = (names["name"], names["content"]) if "name" in names and "content" in names else None
        xs = {k: (grid.col_x[v] + grid.col_x[v + 1]) / 2 for k, v in cols.items()}
        self.budget = _Budget(grid, cols, xs, header_end, tasks)
        self.form.pages.add(grid.page)
        return True

    def _budget_row(self, grid: Grid, r: int, cells: list[GridCell]) -> bool:
        b = self.budget
        if grid is b.grid and r <= b.header_end:
            return True
        cols = b.on(grid)
        first_amount = min(cols.values())

        def value(role: str):
            c = grid.at(r, cols[role]) if role in cols else None
            if c is None or c.row != r or c.col < first_amount:
                return None
            return percent(c.text) if role == "execution_rate" else pf.amount(c.text)

        values = {role: value(role) for role in cols}
        names = [c for c in cells if c.last_col < first_amount]
        name = names[0].text if names else ""
        kind = label(name, "budget_lines")
        if kind is None and all(values.get(role) is None for role in ("initial_budget", "annual_budget", "executed")):
            b.ended = True
            return False
        t = self.form.table
        if t.budget_execution is None:
            t.budget_execution = BudgetExecution()
        if kind == "total":
            for role, v in values.items():
                setattr(t.budget_execution, role, v)
        elif any(v is not None for v in values.values()):
            t.budget_execution.lines.append(BudgetExecutionLine(label=name or "", **values))
        if b.task_cols is not None and kind != "total":
            n, c = (grid.at(r, col) for col in b.task_cols)
            if n is not None and n.row == r and n.text:
                t.tasks.append(Task(name=n.text, content=c.text if c is not None and c is not n else None,
                                    total=values.get("annual_budget"), fiscal=values.get("annual_fiscal"),
                                    other=values.get("annual_other")))
        self.form.pages.add(grid.page)
        return True

    # ---- the goal block --------------------------------------------------------------------------
    def _goal_header(self, grid: Grid, r: int, cells: list[GridCell]) -> bool:
        found = _first_by_label(cells, "goal_columns")
        if len(found) < 2:
            return False
        self.budget = None
        self.goal = _Goal(grid, {k: c.col for k, c in found.items()}, max(c.last_row for c in found.values()))
        self.form.pages.add(grid.page)
        return True

    def _goal_row(self, grid: Grid, r: int) -> bool:
        g = self.goal
        if grid is not g.grid:
            self.goal = None
            return False
        if r <= g.header_end:
            return True
        t = self.form.table
        read = False
        for key, col in g.cols.items():
            c = grid.at(r, col)
            if c is None or c.row != r or not c.text or c is g.last.get(key):
                continue
            if label(c.text, "goal_columns") is not None:
                continue
            setattr(t, key, (getattr(t, key) or "") + c.text)
            g.last[key] = c
            read = True
        if not read:
            self.goal = None
            return False
        self.form.pages.add(grid.page)
        return True

    # ---- the end ---------------------------------------------------------------------------------
    def finish(self):
        """The project's money of the year in the fields a target form gives it too: 全年预算数 of the total
        line -> ``year_amount``, of 当年财政拨款 / 其他资金 -> ``fiscal_amount`` / ``other_amount``."""
        out = super().finish()
        for t in out:
            b = t.budget_execution
            if b is None or t.type != "project_self_evaluation":
                continue
            if t.year_amount is None:
                t.year_amount = b.annual_budget
            for line in b.lines:
                key = {"fiscal": "fiscal_amount", "other": "other_amount"}.get(label(line.label, "budget_lines"))
                if key and getattr(t, key) is None and line.annual_budget is not None:
                    setattr(t, key, line.annual_budget)
        return out

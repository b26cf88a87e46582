"""The row-by-row reader of a group of 绩效目标表 parts: key-value blocks, tasks, the indicator grid and
project lists (each a mixin of its own module), one form per printed form. ``FormReader`` is the base the
self-evaluation reader (self_evaluation.py) extends; performance.build picks between the two."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import catalog
from ...grid import Grid
from ...grid.model import GridCell
from ...models import Indicator, PerformanceTable, Warning
from ...text.amounts import is_blank
from . import performance_fields as pf
from .indicators import (canonical, clean_name, fill_leading, is_known_l1, is_known_l2, is_serialized,
                         named_overleaf_levels, parse_serialized, place_levels, split_fused)
from .performance_header import Cols, find_header
from .performance_keyvalue import KeyValueRows
from .performance_list import ListRows
from .performance_fields import YEAR as _YEAR, unit_in_title
from .targets import comparator_of, parse_target

_YEAR_LINE = re.compile(r"^\(?((?:19|20)\d{2})年度?\)?$")
_FIRST_OF_GROUP = re.compile(r"^\s*指标\s*1\s*[：:]")


@dataclass
class _Form:
    table: PerformanceTable
    pages: set = field(default_factory=set)
    seen: set = field(default_factory=set)
    text_field: str | None = None        # long text that may go on in the following one-cell rows
    l1: str | None = None                # the 一级/二级 carried down to rows whose cell is empty
    l2: str | None = None
    next_l2: str | None = None           # a 二级 printed a row early (seed: 质量 | 数量 | 每年… ≥1000人)
    prev: tuple | None = None            # (grid, 三级 cell, 指标值 cell) of the last indicator row
    head: str = ""                       # a list's project cell as printed (its rest may follow a page break)
    empty_rows: int = 0                  # blank template rows skipped (not indicators)
    blocks: list | None = None           # the forms of one project cell printed as several amount blocks
    overleaf: dict = field(default_factory=dict)   # level1/level2 -> (cell, indicators) named overleaf


class FormReader(ListRows, KeyValueRows):
    def __init__(self, kind: str, title: str | None, fallback_unit: str | None):
        self.kind, self.title = kind, title
        self.fallback_unit = fallback_unit
        m = _YEAR.search(catalog.norm_label(title or ""))
        self.year = int(m.group(1)) if m else None
        self.forms: list[_Form] = []
        self.cols: Cols | None = None
        self.last_cols: Cols | None = None    # the indicator grid header last read (a later form may print none)
        self.tasks: pf.TaskList | None = None
        self.list_unit: str | None = None     # the unit row above a list's projects (广州)
        self.list_unit_total = None           # ... and the subtotal it prints
        self.list_total = None                # the 合计 a list prints under its projects
        self.list_head: tuple | None = None   # (grid, cell) of the last project name cell of a list
        self.heads: tuple | None = None       # (grid, {(col, last col): field}) of text labels over their values
        self.new_form()

    @property
    def form(self) -> _Form:
        return self.forms[-1]

    def new_form(self) -> _Form:
        self.forms.append(_Form(PerformanceTable(type=self.kind, title=self.title, unit_name=unit_in_title(self.title),
                                                 year=self.year, pages=[])))
        return self.forms[-1]

    def read(self, grid: Grid) -> None:
        header_rows: dict[int, tuple[int, int, Cols]] = {}
        r = 0
        while r < grid.n_rows:
            h = find_header(grid, r) if r not in header_rows else None
            if h is not None:
                for rr in range(h[0], h[1] + 1):
                    header_rows[rr] = h
                r = h[1] + 1
                continue
            r += 1
        for r in range(grid.n_rows):
            row = grid.row_cells(r)
            cells = [c for c in row if c.text]
            if r in header_rows:
                top, _, cols = header_rows[r]
                if r == top:
                    self.cols, self.tasks = cols, None
                    self.last_cols = cols
                    self.form.text_field = None
                if self.kind == "department_performance" and not self.form.table.indicators:
                    pf.budget_row(self.form.table, grid, row)
                continue
            if not cells:
                continue
            self._row(grid, r, row, cells)
            self.form.pages.add(grid.page)

    # ---- one body row ----------------------------------------------------------------------------
    def _row(self, grid: Grid, r: int, row: list[GridCell], cells: list[GridCell]) -> None:
        form = self.form
        fused = pf.leading_field(cells[0].text) if len(cells) == 1 else None
        if self.cols is not None:
            first = pf.match(cells[0].text, "fields", fuzzy=False)
            leaves = (first is not None or fused is not None) and len(cells) <= 4 and not self.cols.list_form
            if not leaves:
                if self.cols.list_form:
                    self._list_row(grid, r)
                else:
                    self._indicator_row(grid, r)
                return
            self.cols = None
        if self.tasks is not None:
            if self.tasks.in_header(grid, r):          # 预算金额 | 总额 | 财政拨款 heads columns: no budget labels
                return
            if self.tasks.total_row(grid, r, cells, form.table):
                self.tasks = None                      # 金额合计: the form's budget, the list ends
                return
        if self.kind == "department_performance" and not form.table.indicators and self.tasks is None:
            self.tasks = pf.TaskList.header(grid, cells)   # a task list header is no budget row
            if self.tasks is not None:
                return
        if self.kind == "department_performance" and not form.table.indicators \
                and pf.budget_row(form.table, grid, row):
            self.tasks = None
            return
        if fused is not None:                  # 专项（项目）名称伯乐奖: no ruling between label and value
            self._field(*fused)
            self.tasks = None
            return
        if self._keyvalue(cells, grid):
            self.tasks = None
            return
        if self._under_heads(grid, cells):
            return
        if self.last_cols is not None and self._grid_goes_on(grid, r):
            self.cols, self.tasks = self.last_cols, None
            self._indicator_row(grid, r)
            return
        tasks = pf.TaskList.header(grid, cells)
        if tasks is not None:
            self.tasks = tasks
            return
        if self.tasks is not None:
            if self.tasks.row(grid, r, form.table.tasks):
                return
            self.tasks = None
        if len(cells) == 1:
            only = cells[0]
            year = _YEAR_LINE.match(catalog.norm_label(only.text))
            if year:                                     # (2026年度) printed inside the frame
                form.table.year = form.table.year or int(year.group(1))
            elif form.text_field and not pf.is_group(only.text) \
                    and only.bbox[2] - only.bbox[0] >= 0.5 * (grid.bbox[2] - grid.bbox[0]):
                pf.append_text(form.table, form.text_field, only.text)

    def _grid_goes_on(self, grid: Grid, r: int) -> bool:
        """A form of the group that prints its indicator grid with no header of its own (the header of the
        form above it stands for it): the row names a known 一级 or 二级 in the columns that header gave,
        and a 三级 beside it, after this form's key-value block."""
        if not self.form.seen or self.form.table.indicators:
            return False
        cols = self.last_cols.on(grid)
        if "level3" not in cols or not ({"level1", "level2"} & set(cols)):
            return False
        names = [grid.at(r, cols[k]) for k in ("level1", "level2") if k in cols]
        l3 = grid.at(r, cols["level3"])
        return l3 is not None and bool(l3.text) and l3 not in names and any(
            c is not None and c is not l3 and (is_known_l1(c.text) or is_known_l2(c.text)) for c in names)

    # ---- indicator rows --------------------------------------------------------------------------
    def _indicator_row(self, grid: Grid, r: int) -> None:
        cols = self.cols.on(grid)
        form = self.form

        def cell(role: str) -> GridCell | None:
            return grid.at(r, cols[role]) if role in cols else None

        def text(role: str) -> str:
            c = cell(role)
            return c.text if c is not None else ""

        l1, l2, l3, target = text("level1"), text("level2"), text("level3"), text("target")
        period = text("period_target")
        if not (l1 or l2 or l3 or target or period):
            return
        l3_cell, target_cell = cell("level3"), cell("target")
        if _prose(cell("level1"), cell("level2"), l3_cell, target_cell) or pf.is_prose_heading(l1 or l2 or l3):
            self.cols = None                   # a note or glossary under the grid: the form ends with its grid
            return
        starts = [c for c in (cell("level1"), cell("level2")) if c is not None and c.row == r and c.text]
        if form.prev and form.prev[0] is grid and form.table.indicators and not starts \
                and target_cell is not None and target_cell is form.prev[2] \
                and l3_cell is not None and l3_cell.row == r and l3_cell is not form.prev[1] and l3_cell.text:
            last = form.table.indicators[-1]           # a 三级 name wrapped onto a row of its own
            last.level3 = (last.level3 or "") + l3_cell.text
            form.prev = (grid, l3_cell, target_cell)
            return
        if l3_cell is not None and l3_cell.row < r and not starts and not target and form.prev \
                and l3_cell is form.prev[1]:
            return                                     # the rest of a 三级 cell spanning rows
        if is_serialized(l3):
            for s1, s2, s3, annual, per in parse_serialized(l3):
                self._append(form, s1, s2, s3, annual or "", per, None, text, grid)
            form.prev = None
            return
        if "level1" not in cols and "level2" not in cols and not l1 and not l2:
            f1, f2, rest = split_fused(l3)
            if f1:
                l1, l2, l3 = f1, f2 or "", rest
        l1, l2 = clean_name(l1), clean_name(l2)
        raw_l3 = l3
        l3 = clean_name(l3)
        # a one-row 二级 cell slid into the 一级 or the 三级 column (text pulled out of a PDF, the seed)
        if l1 and not l2 and is_known_l2(l1, exact=True) and not is_known_l1(l1):
            l1, l2 = "", l1
        l2_here = cell("level2") is not None and cell("level2").row == r and bool(l2)
        if l3 and is_known_l2(l3, exact=True) and not (l2_here and canonical(l2) == canonical(l3)):
            parsed = parse_target(target)
            fused = parsed.name_prefix and (parsed.comparator or parsed.unit)
            named = " " in target.strip() and not parsed.value
            if not target or fused or named:
                if l2 and canonical(l2) != canonical(l3):
                    form.next_l2 = l2              # its own label printed a row early
                l2, l3 = l3, ""
                if named:
                    l3, target = target.strip().rsplit(" ", 1)
        named_overleaf = named_overleaf_levels(form.overleaf, cell("level1"), cell("level2"))
        if l1:
            form.l1 = l1
        elif "level1" in named_overleaf:
            form.l1 = None
        else:
            l1 = form.l1 or ""
        if l2:
            form.l2 = l2
            if form.next_l2 and canonical(form.next_l2) == canonical(l2):
                form.next_l2 = None
        else:
            l1_starts = cell("level1") is not None and cell("level1").row == r and text("level1")
            if "level2" in named_overleaf:
                l2 = ""
            elif form.next_l2:
                l2, form.next_l2 = form.next_l2, None
            elif l1_starts or (_FIRST_OF_GROUP.match(raw_l3 or "") and form.table.indicators):
                l2 = ""                        # a new 一级 group, or numbering restarting under an unprinted 二级
            else:
                l2 = form.l2 or ""
            form.l2 = l2 or None
        n = len(form.table.indicators)
        self._append(form, l1, l2, l3, target, period, (grid, l3_cell, target_cell), text, grid)
        if len(form.table.indicators) > n:
            for role in named_overleaf:
                form.overleaf[role][1].append(form.table.indicators[-1])

    def _append(self, form: _Form, l1, l2, l3, target, period, prev, text, grid: Grid) -> None:
        t = form.table
        target = (target or "").strip()
        parsed = parse_target(target)
        if not l3 and parsed.name_prefix and (parsed.comparator or parsed.unit):
            l3, target = parsed.name_prefix, target[len(parsed.name_prefix):].strip()
        kind = text("value_type").strip()
        comp = comparator_of(kind)
        if comp and parsed.comparator is None and parsed.value is not None:
            parsed.comparator = comp               # 指标性质 ≥ beside 指标值 95
        if kind == "定性":
            parsed.qualitative = True
        unit = text("measure_unit").strip()
        if parsed.unit is None and parsed.value is not None and unit:
            parsed.unit = unit
        actual = text("actual").strip()
        points, score = pf.amount(text("points")), pf.amount(text("score"))
        if is_blank(l3) and is_blank(target) and is_blank(actual) and score is None:
            form.empty_rows += 1                    # a blank template row (二级 printed with no 三级, no value, or /)
            return
        weight = pf.amount(text("weight"))
        core = {"是": True, "否": False}.get(text("core").strip())
        t.indicators.append(Indicator(
            level1=l1 or None, level2=l2 or None, level3=l3 or None, target_raw=target or None,
            comparator=parsed.comparator, target_value=parsed.value, target_unit=parsed.unit,
            qualitative=parsed.qualitative, description=text("description") or None,
            period_target_raw=period or None, activity=text("activity") or None, weight=weight, core=core,
            scoring=text("scoring") or None, remark=text("remark") or None,
            actual_raw=actual or None, points=points, score=score, deviation=text("deviation").strip() or None))
        form.prev = prev

    # ---- the end ---------------------------------------------------------------------------------
    def finish(self) -> list[PerformanceTable]:
        out = []
        for form in self.forms:
            t = form.table
            t.pages = sorted(form.pages)
            if not t.pages:
                continue
            fill_leading(t.indicators)
            place_levels(t.indicators, t.warnings, t.pages[0])
            for ind in t.indicators:
                if not ind.level3 or not ind.target_raw:
                    what = "三级指标" if not ind.level3 else "指标值 (target)"
                    t.warnings.append(Warning(code="no_level3" if not ind.level3 else "no_target", message=(
                        f"indicator {ind.level3 or ind.target_raw} ({ind.level2 or ind.level1 or '-'}) is printed "
                        f"with no {what}"), page=t.pages[0]))
            if form.empty_rows:
                t.warnings.append(Warning(code="empty_template_rows", message=f"{form.empty_rows} template rows "
                                          "printed with no 三级指标 and no value: not indicators", page=t.pages[0]))
            if t.unit_name and t.project_name and catalog.norm_label(t.unit_name) == catalog.norm_label(t.project_name):
                t.unit_name = None                  # the title names the project, not the unit
            if not t.type.startswith("department_") and t.project_name is None and t.unit_name \
                    and t.unit_name == unit_in_title(self.title) and not pf.names_unit(t.unit_name):
                t.project_name, t.unit_name = t.unit_name, None     # the title names the project, printed nowhere else
            elif t.project_name and t.unit_name and t.unit_name == unit_in_title(self.title) \
                    and not pf.names_unit(t.unit_name):
                t.unit_name = None          # what the title holds besides the form's name (专项资金) is no unit
            if t.type.startswith("department_"):
                t.department = t.department or t.unit_name or self.fallback_unit
                t.unit_name = t.unit_name or t.department
            else:
                t.unit_name = t.unit_name or self.fallback_unit or t.department
            if not (t.project_name or t.department or t.indicators):
                t.warnings.append(Warning(code="empty_form", message="the form is printed with no project and no "
                                          "indicators (a blank template)", page=t.pages[0]))
            out.append(t)
        for t in out:
            if self.list_total is not None and t.type == "project_performance":
                t.list_total = self.list_total
        return out


def _prose(*cells: GridCell | None) -> bool:
    """One cell over the level columns and the target: a line of prose (注, 名词解释), not an indicator."""
    present = [c for c in cells if c is not None]
    return len(present) >= 3 and all(c is present[0] for c in present) and len(present[0].text) > 12



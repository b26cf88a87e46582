"""Project lists of 绩效目标表 (长沙, 北京, 杭州, 广州): one project per row or row group, a new form per
project; the name and goal cells a page break cuts are read whole across the break."""
from __future__ import annotations

import re

from ...grid import Grid
from ...models import PerformanceTable, Warning
from . import performance_fields as pf

_BLOCK_AMOUNTS = ("project_total", "amount", "year_budget", "fiscal")
_HEADER_ROWS = 3          # where an untitled list prints its header (二级预算单位名称 | 一级项目名称 | 预算数 | 绩效目标)


def _clipped_tail(carried: str, rest: str) -> bool:
    """What the page before left in a project cell is no start of this project's name when it begins with
    no code and the rest overleaf opens with one (统运维类项 | 11000024Y000002890218-北京市…: the last
    line of the name above, its clip showing half of it over this cell). Every form's code and name are
    split from the printed start of its own cell; a code cut in two (11000024Y00 | 0002890218-…) stays."""
    return bool(carried.strip()) and not carried.lstrip()[:1].isdigit() and pf.split_code(rest)[0] is not None


def _code_cut(carried: str) -> bool:
    """The page before left only the head of a project code in the cell (11000022T000000 | 456102-成本监审
    工作经费 under the repeated header overleaf): the code goes on in the next page's cell."""
    return bool(re.fullmatch(r"[0-9A-Za-z\s]{4,}", carried or "")) and any(ch.isdigit() for ch in carried)


def list_header_kind(grid: Grid) -> str | None:
    """'project_performance' for an untitled grid whose header is a project list's (项目 + 绩效目标 + 预算数 or
    单位): 深圳's 重点项目绩效目标情况, printed under a sentence rather than a title."""
    roles = {pf.match(c.text, "columns") for c in grid.cells if c.row < _HEADER_ROWS and c.text}
    if "project" in roles and roles & {"goal", "overall_goal"} and roles & {"amount", "project_total", "year_budget", "unit"} \
            and not roles & {"level1", "level2", "level3"}:
        return "project_performance"
    return None


def part_kind(part) -> str | None:
    """The performance kind of a table part: by its title, else (untitled, or a title the catalog does not
    know) by a project list's header."""
    kind = pf.performance_kind(part.caption.title)
    if kind is None and part.caption.type == "unknown":
        kind = list_header_kind(part.grid)
    return kind


def joins_performance(group: list, part) -> bool:
    """Performance forms are often drawn as several ruled blocks under one title: an untitled block on the
    same or the next page belongs to the form above it. A list known only by its header takes a block of
    its own columns (the rows its page break carried over), nothing else."""
    kind = part_kind(group[0])
    if kind is None:
        return False
    if part.caption.type != "unknown" or pf.performance_kind(part.caption.title) or list_header_kind(part.grid):
        return False
    if pf.is_prose_heading(part.caption.title):
        return False                     # 名词解释 after the last form: prose, not the form's rows
    if part.grid.page - group[-1].grid.page not in (0, 1):
        return False
    if pf.performance_kind(group[0].caption.title) is None:
        prev = group[-1].grid
        return part.grid.n_cols == prev.n_cols and all(abs(a - b) <= 6 for a, b in zip(part.grid.col_x, prev.col_x))
    return True


class ListRows:
    """The list rows of reader.FormReader (its columns, forms and indicator rows)."""

    def _list_row(self, grid: Grid, r: int) -> None:
        cols = self.cols.on(grid)

        def text(role: str) -> str:
            cell = grid.at(r, cols[role]) if role in cols else None
            return cell.text if cell is not None else ""

        key_role = "project" if "project" in cols else "unit"
        head = grid.at(r, cols[key_role]) if key_role in cols else None
        last = self.list_head
        if any(pf.is_total(text(k)) for k in ("project", "unit", "unit_code")) \
                and not any(text(x) for x in ("level1", "level2", "level3", "target")):
            # the list's 合计: no project, its amount checked against the projects' sum (a 小计 is a part's)
            if not any(pf.is_part_total(text(k)) for k in ("project", "unit", "unit_code")):
                self.list_total = pf.amount(text("amount") or text("year_budget") or text("project_total"))
            return
        if self._goal_goes_on(grid, r, head, text):
            return
        if head is None and key_role == "project" and last is not None and last[0] is grid and r > last[1].last_row:
            # rows under a project cell that no ruling closes nor bounds (so no cut cell holds its name):
            # kept as a project of their own rather than added to the one above
            form = self.new_form()
            form.table.warnings.append(Warning(code="project_name_unreadable", message="the project's name "
                                               "cell has no ruling to close it; its rows are kept apart",
                                               page=grid.page))
            self.list_head = None
        if head is not None and head.row == r:
            self.list_head = (grid, head)
            # the rest of a name cell the page break cut; or the name of an open cell the page before left
            # blank, printed once on the next page of the span (centred in it)
            if key_role == "project" and last is not None and last[0] is not grid and last[1].open_bottom \
                    and (head.open_top or pf.split_code(head.text)[0] is None or not self.form.head
                         or _code_cut(self.form.head)):
                if self._block_starts(grid, r, head):
                    self._new_block()
                self._cut_head(head.text, text)
                self._indicator_row(grid, r)
                return
        if key_role == "project" and head is not None and head.row < r and self._block_starts(grid, r, head):
            self._new_block()
            self._list_fields(self.form.table, text)
            self._indicator_row(grid, r)
            return
        if head is not None and head.row == r and (head.text or head.open_bottom):
            indicators_here = any(text(x) for x in ("level1", "level2", "level3", "target"))
            if pf.is_total(head.text):
                return
            if key_role == "project" and not indicators_here and not text("goal") and not text("unit"):
                self.list_unit = head.text or self.list_unit     # a unit's subtotal row above its projects
                self.list_unit_total = pf.amount(text("amount") or text("year_budget") or text("project_total"))
                return
            form = self.form
            t = form.table
            if key_role == "project":
                code, name = pf.split_code(head.text)
                # a cut cell may print its name again on the next page: the same project; a project of the same
                # name under another code (three 业务工作经费 in a row) is a project of its own
                other_code = code is not None and t.project_code is not None and code != t.project_code
                if not head.text or name != t.project_name or other_code or self._another_row(grid, head, last, text):
                    if (t.project_name or t.indicators) and not self._cut_group_goes_on(grid, head, last):
                        form = self.new_form()
                        t = form.table
                    form.head = head.text
                    form.blocks = None
                    if head.text:
                        pf.set_field(t, "project_name", head.text)
                    self._list_fields(t, text)
                    form.l1 = form.l2 = form.prev = None
            elif t.department is None and head.text:
                t.department = head.text
                self._list_fields(t, text)
        self._indicator_row(grid, r)

    def _another_row(self, grid: Grid, head, last, text) -> bool:
        """A name cell of its own on the same page printing the name of the project above is another project
        when it has a unit of its own (a unit column or unit row between them) or amounts of its own:
        交通管理支队 / 日常保障运行 under 杭州市公安局 / 日常保障运行; three 机构运行辅助经费 under three units."""
        if last is None or last[0] is not grid or last[1] is head:
            return False
        t = self.form.table
        unit = text("unit") or self.list_unit
        if unit and t.unit_name and unit != t.unit_name:
            return True
        return any(pf.amount(text(k)) is not None for k in ("amount", "year_budget", "project_total", "fiscal"))

    def _cut_group_goes_on(self, grid: Grid, head, last) -> bool:
        """A row group a page break cut where rulings close the cells on both pages: the foot of one page
        prints the group's indicator rows under a blank project cell (no name, no amount), the next page
        opens with the name and amounts. The name belongs to the rows above, not to a project of its own."""
        t = self.form.table
        return bool(head.text) and last is not None and last[0] is not grid and last[0].page < grid.page \
            and not last[1].text and t.project_name is None and t.project_code is None \
            and all(getattr(t, k) is None for k in ("total_amount", "year_amount", "fiscal_amount", "other_amount"))

    def _block_starts(self, grid: Grid, r: int, head) -> bool:
        """One project cell beside several amount blocks (北京 预算表12: each block its own 项目总额 / 财政拨款,
        绩效目标 and indicator rows): an amount cell that a ruling opens on this row, under the same project
        cell, after a block already read (its amounts may be printed overleaf, in the rest of a cell the page
        break cuts). Amounts a page break cut go on in an open cell; a block that only prints the amounts
        above again at a page's top is the same block."""
        cols = self.cols.on(grid)
        t = self.form.table
        had = [getattr(t, k) for k in ("total_amount", "year_amount", "fiscal_amount")]
        if not t.indicators or all(v is None for v in had):
            return False
        cells = [grid.at(r, cols[k]) for k in _BLOCK_AMOUNTS if k in cols]
        cells = [c for c in cells if c is not None and c is not head]
        if not cells or not all(c.row == r and not c.open_top for c in cells):
            return False
        if not any(c.text for c in cells) and not all(c.open_bottom for c in cells):
            return False            # blank amounts of its own: a block only where they are printed overleaf
        if head.row == r and {pf.amount(c.text) for c in cells if c.text} <= set(had):
            return False
        return True

    def _new_block(self) -> None:
        """The next amount block of the project cell: a form of its own, with the project's name and code."""
        prev = self.form
        blocks = prev.blocks if prev.blocks is not None else [prev]
        prev.blocks = blocks
        form = self.new_form()
        form.head, form.blocks = prev.head, blocks
        blocks.append(form)
        t, p = form.table, prev.table
        t.project_name, t.project_code, t.unit_name, t.unit_code = p.project_name, p.project_code, p.unit_name, p.unit_code
        for k, f in enumerate(blocks, 1):
            f.table.block = k

    def _goal_goes_on(self, grid: Grid, r: int, head, text) -> bool:
        """A row that prints only goal text, its project, unit and amount cells blank, carries on the goal of
        the project above (a goal wrapped over a page break, or over rows of its own)."""
        t = self.form.table
        goal_cell = grid.at(r, self.cols.on(grid)["goal"]) if "goal" in self.cols.on(grid) else None
        field = self.cols.goal_field
        if goal_cell is None or goal_cell.row != r or not goal_cell.text or getattr(t, field) is None:
            return False
        if (head is not None and head.text and head.row == r) or text("unit") or text("amount") or text("year_budget") \
                or text("project_total"):
            return False
        if any(text(x) for x in ("level1", "level2", "level3", "target")):
            return False
        setattr(t, field, getattr(t, field) + goal_cell.text)
        self.form.pages.add(grid.page)
        return True

    def _cut_head(self, rest: str, text) -> None:
        """A project's cells cut by a page break go on at the top of the next page: the name read whole,
        the goal appended, the amounts taken where the first part printed none."""
        form = self.form
        t = form.table
        if _clipped_tail(form.head, rest):
            form.head = ""          # the cut-off last line of the name above, not this project's
        form.head += rest
        if form.head:
            pf.set_field(t, "project_name", form.head)
            for other in form.blocks or ():      # the name printed once for every block of the project
                other.head = form.head
                other.table.project_name, other.table.project_code = t.project_name, t.project_code
        if text("goal"):
            field = self.cols.goal_field
            setattr(t, field, (getattr(t, field) or "") + text("goal"))
        if t.total_amount is None and t.year_amount is None and t.fiscal_amount is None:
            self._list_fields(t, text, goal=False)

    def _list_fields(self, t: PerformanceTable, text, goal: bool = True) -> None:
        if t.type == "project_performance":
            # one amount per project: the project's total where the header says so (项目总额), else the
            # year's (资金总额, 总计, 预算数); never copied into both fields, which would print it twice
            if text("project_total"):
                t.total_amount = pf.amount(text("project_total"))
            else:
                t.year_amount = pf.amount(text("amount") or text("year_budget"))
            t.fiscal_amount = pf.amount(text("fiscal"))
            t.other_amount = pf.amount(text("other"))
            if text("unit") or self.list_unit:
                t.unit_name = text("unit") or self.list_unit
            if not text("unit") and self.list_unit:
                t.unit_total = self.list_unit_total
        if goal and text("goal"):
            setattr(t, self.cols.goal_field, text("goal"))
        if text("unit_code"):
            t.unit_code = text("unit_code")

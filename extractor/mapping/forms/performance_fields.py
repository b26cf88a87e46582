"""Labels of 绩效目标表 forms matched to fields (catalog/indicators.toml, exactly then fuzzily with
rapidfuzz), their values, dates, amounts, 预算情况 and 年度主要任务."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ... import catalog
from ...grid import Grid
from ...grid.model import GridCell
from ...find import without_qualifier
from ...models import DepartmentBudget, PerformanceTable, Task
from ...text.amounts import NotANumber, parse_amount, to_json_number

YEAR = re.compile(r"[（(]?((?:19|20)\d{2})年度?[）)]?")
_TABLE_NO = re.compile(r"^(?:表[0-9一二三四五六七八九十]+|预算\d+表|预算表\d+|公开表?\d+表?)[:、.]?")
_LEAD = re.compile(r"^(?:\d+[、.．]|[(（]\d+[)）]|其中[:：]?|资金来源[:：]|资金结构[:：]|[一二三四五六七八九十]+、)+")
_TAIL = re.compile(r"(?:[(（](?:万元|元|\d+分)[)）])?[:：]?$")     # 分值权重（90分）: the points out of which
_UNIT_TAIL = re.compile(r"\s*万元\s*$")


def cfg() -> dict:
    return catalog.load("indicators")


def clean_label(text: str) -> str:
    t = catalog.norm_label(text or "").strip(".…·")
    for _ in range(2):
        t = _TAIL.sub("", _LEAD.sub("", t))
    return t


@lru_cache(maxsize=None)
def _index(section: str) -> catalog.FuzzyIndex:
    data = cfg()[section]
    if section in ("groups", "other_labels", "amount_labels"):
        return catalog.FuzzyIndex([(a, "_" + section) for a in data["labels"]], normalise=clean_label)
    return catalog.FuzzyIndex([(a, key) for key, aliases in data.items() for a in aliases], normalise=clean_label)


@lru_cache(maxsize=8192)
def match(text: str, section: str, fuzzy: bool = True) -> str | None:
    """The key a label cell names in ``section`` (fields, budget, tasks, columns), or None. Long cells are
    text, not labels."""
    if not text or len(text) > 24:
        return None
    idx = _index(section)
    key = idx.exact(text)
    if key is not None or not fuzzy:
        return key
    cutoff = cfg()["cutoffs"]["columns" if section == "columns" else "labels"]
    hit = idx.match(text, cutoff)
    return hit.value if hit else None


@lru_cache(maxsize=None)
def _column_rank() -> dict[str, int]:
    """Alias order within each column role: where two cells name one role the earlier alias wins."""
    return {clean_label(a): n for aliases in cfg()["columns"].values() for n, a in enumerate(aliases)}


def column_rank(text: str) -> int:
    return _column_rank().get(clean_label(text), 99)


def leading_field(text: str) -> tuple[str, str] | None:
    """(key, value) of a cell that prints a field label and its value with no ruling between them
    (专项（项目）名称伯乐奖 -> project_name, 伯乐奖); only the labels that start a form, and a value left."""
    t = catalog.norm_label(text or "")
    for alias in cfg()["fields"]["project_name"]:
        a = catalog.norm_label(alias)
        if t.startswith(a) and len(t) > len(a) + 1 and not is_label(t[len(a):]):
            rest = (text or "").strip()
            n = 0
            for i, ch in enumerate(rest):      # the value as printed (norm_label may change brackets, spaces)
                if catalog.norm_label(rest[:i + 1]) == a:
                    n = i + 1
                    break
            return ("project_name", rest[n:].strip()) if n else None
    return None


_PLACEHOLDER = re.compile(r"(?:(?:目标|指标)\s*\d+\s*[：:]|[.…·。\s])+")


def is_placeholder(text: str | None) -> bool:
    """目标1：目标2：目标3：……: the numbered prompts of a blank template, no text of the form's own."""
    return _PLACEHOLDER.fullmatch(text or "") is not None


def is_label(text: str) -> bool:
    return any(match(text, s) is not None for s in ("fields", "groups", "budget", "other_labels", "amount_labels"))


def is_group(text: str) -> bool:
    return match(text, "groups", fuzzy=False) is not None


def is_total(text: str) -> bool:
    """合计 / 总计 / 小计 …: a total row's label (indicators.toml ``total_rows``)."""
    words = cfg()["total_rows"]
    return catalog.norm_label(text or "") in (*words["whole"], *words["part"])


def is_part_total(text: str) -> bool:
    """小计: the total of a unit's projects, not of the list."""
    return catalog.norm_label(text or "") in cfg()["total_rows"]["part"]


def iso_date(text: str) -> str | None:
    m = re.search(r"(\d{4})\s*[-年./]\s*(\d{1,2})(?:\s*[-月./]\s*(\d{1,2}))?", text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)).isoformat()
    except ValueError:
        return None


def amount(text: str | None) -> int | float | None:
    try:
        v = parse_amount(text or "")
    except NotANumber:
        return None
    return None if v is None else to_json_number(v)


_CODE = re.compile(r"^\s*([0-9A-Za-z][0-9A-Za-z\s]{7,}?)\s*[-_－—]\s*(.+)$", re.S)


def split_code(text: str) -> tuple[str | None, str]:
    """'11000021Y000000390 843-信息系统运维类项目' -> ('11000021Y000000390843', '信息系统运维类项目');
    '229_烟台市信访局' -> ('229', '烟台市信访局')."""
    m = _CODE.match(text or "") or re.match(r"^\s*(\d{2,})\s*[_－-]\s*(.+)$", text or "", re.S)
    if not m:
        return None, text
    code, rest = re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
    if sum(ch.isdigit() for ch in code) < min(3, len(code)) or not re.search(r"[\u4e00-\u9fff]", rest):
        return None, text
    return code, rest


def set_field(t: PerformanceTable, key: str, value: str | None) -> None:
    """One labelled value onto the form, typed: amounts as numbers, dates ISO, a first value kept."""
    kinds = cfg()["field_kinds"]
    value = (value or "").strip()
    if key in kinds["numbers"]:
        v = amount(value)
        if v is not None or getattr(t, key) is None:
            setattr(t, key, v)
    elif key in kinds["dates"]:
        setattr(t, key, iso_date(value))
    elif key == "department":
        code, name = split_code(value)
        if code and t.department_code is None:
            t.department_code = code
        t.department = name or None
    elif key == "project_name":
        code, name = split_code(value)
        if code:
            t.project_code = code
        t.project_name = name or None
    elif key == "unit_name":
        if value:
            t.unit_name = value
    elif key == "overall_goal" and t.type == "department_performance":
        t.annual_goal = value or t.annual_goal
    else:
        setattr(t, key, value or None)


def append_text(t: PerformanceTable, key: str, text: str) -> None:
    if key == "overall_goal" and t.type == "department_performance":
        key = "annual_goal"
    setattr(t, key, (getattr(t, key) or "") + text)


# ---- 预算情况 -------------------------------------------------------------------------------------
def _budget_key(grid: Grid, cell: GridCell) -> str | None:
    key = match(cell.text, "budget")
    parent = grid.at(cell.row - 1, cell.col) if cell.row else None
    heading = match(parent.text, "budget") if parent is not None else None
    if key == "subtotal":       # 合计 under 财政拨款 / 其他资金
        return None if heading == "subtotal" else heading
    if key in ("basic", "project") and heading == "other" and parent.last_col > parent.col:
        return f"other_{key}"   # 基本支出 | 项目支出 under a 其他资金 heading: the other funds' split
    return key


def _below(grid: Grid, cell: GridCell) -> int | float | None:
    """The amount printed under a column-heading label: the first cell that starts below it."""
    for r in range(cell.last_row + 1, grid.n_rows):
        c = grid.at(r, cell.col)
        if c is None or c.row != r:
            continue
        return amount(c.text)
    return None


def budget_row(t: PerformanceTable, grid: Grid, cells: list[GridCell]) -> bool:
    """预算情况 amounts: beside their label (部门预算总额 | 27,606.5; 基本支出 | 58,118.59 | 财政拨款 | 92,008.68)
    or below it (预算支出总额 over 9,626.78). True where a label had its amount beside it."""
    beside = False
    for i, cell in enumerate(cells):
        key = _budget_key(grid, cell)
        if key is None:
            continue
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        if nxt is not None and nxt.col == cell.last_col + 1 and (amount(nxt.text) is not None or not nxt.text):
            value = amount(nxt.text)
            beside = True
        elif nxt is not None and nxt.col == cell.last_col + 1 and not is_label(nxt.text) and len(cells) == 2:
            continue
        else:
            value = _below(grid, cell)
        if t.budget is None:
            t.budget = DepartmentBudget()
        if value is not None and getattr(t.budget, key) is None:
            setattr(t.budget, key, value)
    return beside


# ---- titles ---------------------------------------------------------------------------------------
def performance_kind(title: str | None) -> str | None:
    """'department_performance' / 'project_performance' for a 绩效目标表 title, the ``*_self_evaluation``
    kinds for a 绩效自评表 title, else None."""
    if not title:
        return None
    t = without_qualifier(YEAR.sub("", catalog.norm_label(title)))
    cfg = catalog.load("performance")
    if any(t.endswith(catalog.norm_label(s)) for s in cfg["self_evaluation_department_suffixes"]):
        return "department_self_evaluation"
    if any(t.endswith(catalog.norm_label(s)) for s in cfg["self_evaluation_project_suffixes"]):
        return "project_self_evaluation"
    if any(t.endswith(catalog.norm_label(s)) for s in cfg["department_suffixes"]):
        return "department_performance"
    if any(t.endswith(catalog.norm_label(s)) for s in cfg["project_suffixes"]):
        return "project_performance"
    return None


def unit_in_title(title: str | None) -> str | None:
    """济源市交通管理支队行政支出项目绩效目标表 -> 济源市交通管理支队: the title less year, table number and
    form name; None where what is left names no unit (市级, 部门预算 …)."""
    if not title:
        return None
    t = without_qualifier(YEAR.sub("", catalog.norm_label(title)))
    cfg = catalog.load("performance")
    suffixes = cfg["department_suffixes"] + cfg["project_suffixes"] + cfg["self_evaluation_department_suffixes"] \
        + cfg["self_evaluation_project_suffixes"]
    for suffix in sorted(suffixes, key=len, reverse=True):
        s = catalog.norm_label(suffix)
        if t.endswith(s):
            t = t[: -len(s)]
            break
    t = _TABLE_NO.sub("", t).strip(":：、 ")
    if not t or t in {catalog.norm_label(x) for x in cfg["generic_units"]}:
        return None
    return t


def is_prose_heading(text: str | None) -> bool:
    """名词解释 (and the like): the heading of a glossary printed after the forms."""
    t = clean_label(text or "")
    return bool(t) and any(t.startswith(catalog.norm_label(h)) for h in catalog.load("performance")["prose_headings"])


def names_unit(text: str | None) -> bool:
    """济源市交通管理支队 names a unit; 病媒生物防制 (what else a project form's title may hold) does not."""
    t = catalog.norm_label(text or "")
    return any(t.endswith(catalog.norm_label(s)) for s in catalog.load("performance")["unit_suffixes"])


# ---- 年度主要任务 (任务名称 | 主要内容 | 预算金额) ----------------------------------------------------
@dataclass
class TaskList:
    name_col: int
    content_col: int
    grid: Grid
    header_end: int
    last: tuple | None = None            # (name cell, content cell) of the last task row
    amount_x: dict | None = None         # 总额 / 财政拨款 / 其他资金 column centres (followed by position)

    @classmethod
    def header(cls, grid: Grid, cells: list[GridCell]) -> "TaskList | None":
        names = [match(c.text, "tasks") for c in cells]
        if "name" in names and "content" in names:
            n, c = cells[names.index("name")], cells[names.index("content")]
            end = max(n.last_row, c.last_row)
            amounts, end = _amount_columns(grid, cells, end)
            return cls(n.col, c.col, grid, end, amount_x=amounts or None)
        return None

    def in_header(self, grid: Grid, r: int) -> bool:
        return grid is self.grid and r <= self.header_end

    def _amounts(self, grid: Grid, r: int) -> dict[str, int | float | None]:
        """The amounts row ``r`` prints under the list's amount columns (a cell starting on the row)."""
        out: dict[str, int | float | None] = {}
        for key, x in (self.amount_x or {}).items():
            col = next((k for k in range(grid.n_cols) if grid.col_x[k] - 1 <= x <= grid.col_x[k + 1] + 1), None)
            c = grid.at(r, col) if col is not None else None
            if c is not None and c.row == r and c.col > max(self.name_col, self.content_col):
                out[key] = amount(_UNIT_TAIL.sub("", c.text or ""))     # 2,080.76万元 under 预算金额（万元）
        return out

    def total_row(self, grid: Grid, r: int, cells: list[GridCell], t: PerformanceTable) -> bool:
        """The list's 金额合计 row: its amounts are the form's budget as printed (total / fiscal / other)."""
        if not self.amount_x or not cells:
            return False
        label = cells[0].text
        if match(label, "budget") != "total" and not is_total(label):
            return False
        values = {k: v for k, v in self._amounts(grid, r).items() if v is not None}
        if not values:
            return False
        if t.budget is None:
            t.budget = DepartmentBudget()
        for key, v in values.items():
            setattr(t.budget, key, v)
        return True

    def row(self, grid: Grid, r: int, tasks: list[Task]) -> bool:
        """Read row ``r`` into ``tasks``; False where the row ends the list (a row merged across both
        columns: 金额合计, 其他需完成的任务)."""
        if self.grid is not grid:
            self.grid, self.header_end, self.last = grid, -1, None
        if r <= self.header_end:
            return True
        name, content = grid.at(r, self.name_col), grid.at(r, self.content_col)
        if name is None or content is None or name is content:
            return False
        new_name, new_content = name.row == r and name.text, content.row == r and content.text
        amounts = self._amounts(grid, r)
        if not new_name and not new_content:
            if self.last and tasks:
                _fill(tasks[-1], amounts)
            return True
        if self.last and tasks and not new_content and content is self.last[1]:
            tasks[-1].name = (tasks[-1].name or "") + name.text      # a task name wrapped onto its own row
            _fill(tasks[-1], amounts)
        elif self.last and tasks and not new_name and name is self.last[0]:
            tasks[-1].content = (tasks[-1].content or "") + content.text
            _fill(tasks[-1], amounts)
        else:
            tasks.append(Task(name=name.text or None, content=content.text or None, **amounts))
        self.last = (name, content)
        return True


def _amount_columns(grid: Grid, cells: list[GridCell], end: int) -> tuple[dict[str, float], int]:
    """The amount columns of a task list header and the header's last row: labels on the header rows
    (预算金额 spanning 总额 | 财政拨款 | 其他资金 on the row below gives way to them)."""
    top = min(c.row for c in cells)
    found: dict[str, GridCell] = {}
    spans = []
    for c in sorted((c for c in grid.cells if top <= c.row <= end + 1 and c.text), key=lambda c: (c.row, c.col)):
        key = match(c.text, "task_amounts", fuzzy=False)
        if key is None or (c.row > end and not any(s.col <= c.col <= s.last_col for s in spans)):
            continue
        if c.last_col > c.col:
            spans.append(c)
        if c.row > end or key not in found or found[key].last_col > found[key].col:
            found[key] = c
    subs = [c for c in found.values() if c.last_col == c.col]
    found = {k: c for k, c in found.items() if c.last_col == c.col or not any(
        c.col <= s.col <= c.last_col and s is not c for s in subs)}
    end = max([end] + [c.last_row for c in found.values()])
    return {k: (grid.col_x[c.col] + grid.col_x[c.col + 1]) / 2 for k, c in found.items()}, end


def _fill(task: Task, amounts: dict) -> None:
    for key, v in amounts.items():
        if v is not None and getattr(task, key) is None:
            setattr(task, key, v)

"""Performance-target tables (绩效目标表) -> PerformanceTable: the key-value block (labels matched to
fields wherever they sit in a row, the value in the next cell), 年度主要任务, 预算情况, and the indicator
grid, with merged 一级/二级 cells spread to the rows they span and each 二级 put under the 一级 its
template (catalog/indicators.toml) gives."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from .. import catalog
from ..grid import Grid
from ..models import DepartmentBudget, Indicator, PerformanceTable, Task, Warning
from .tables import TablePart
from .targets import parse_target
from .values import NotANumber, parse_amount, to_json_number

_YEAR = re.compile(r"[（(]?((?:19|20)\d{2})年度?[）)]?")
_NUMBER_FIELDS = {"total_amount", "year_amount", "prev_total_amount", "prev_year_amount"}
_TEXT_FIELDS = {"overview", "basis", "necessity", "measures", "plan", "remarks", "overall_goal", "annual_goal"}


def performance_kind(title: str | None) -> str | None:
    """'department_performance' / 'project_performance' for a 绩效目标表 title, else None."""
    if not title:
        return None
    t = _YEAR.sub("", catalog.norm_label(title))
    cfg = catalog.load("performance")
    if any(t.endswith(catalog.norm_label(s)) for s in cfg["department_suffixes"]):
        return "department_performance"
    if any(t.endswith(catalog.norm_label(s)) for s in cfg["project_suffixes"]):
        return "project_performance"
    return None


def unit_in_title(title: str | None) -> str | None:
    """济源市交通管理支队行政支出项目绩效目标表 -> 济源市交通管理支队: the title less year and form name."""
    if not title:
        return None
    t = _YEAR.sub("", catalog.norm_label(title))
    cfg = catalog.load("performance")
    for suffix in sorted(cfg["department_suffixes"] + cfg["project_suffixes"], key=len, reverse=True):
        s = catalog.norm_label(suffix)
        if t.endswith(s):
            t = t[: -len(s)]
            break
    t = re.sub(r"^(?:表[0-9一二三四五六七八九十]+|预算\d+表|预算表\d+|公开表?\d+表?)", "", t)
    return t or None


@lru_cache(maxsize=None)
def _labels(section: str) -> dict[str, str]:
    return {catalog.norm_label(a): key for key, aliases in catalog.load("indicators")[section].items()
            for a in aliases}


def _match(text: str, section: str) -> str | None:
    t = catalog.norm_label(text).rstrip(":")
    labels = _labels(section)
    if t in labels:
        return labels[t]
    t = re.sub(r"\(.*?\)$", "", t)
    return labels.get(t)


@dataclass
class _Form:
    table: PerformanceTable
    indicator_cols: dict[str, int] | None = None
    last_text_field: str | None = None
    in_tasks: tuple[int, int] | None = None
    serial_cols: dict[str, int] | None = None
    l1: str | None = None
    l2: str | None = None
    seen_fields: set = field(default_factory=set)


def _date(text: str) -> str | None:
    m = re.search(r"(\d{4})[-年./](\d{1,2})(?:[-月./](\d{1,2}))?", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)).isoformat()
    except ValueError:
        return None


def _set_field(form: _Form, key: str, value: str) -> None:
    t = form.table
    if key in _NUMBER_FIELDS:
        try:
            v = parse_amount(value)
        except NotANumber:
            v = None
        setattr(t, key, None if v is None else to_json_number(v))
    elif key in ("start_date", "end_date"):
        setattr(t, key, _date(value))
    elif key == "department":
        t.department = value or None
    else:
        setattr(t, key, value or None)
    form.seen_fields.add(key)
    form.last_text_field = key if key in _TEXT_FIELDS else None


def _cells(grid: Grid, r: int) -> list:
    return [c for c in grid.row_cells(r)]


def _indicator_header(grid: Grid, r: int) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for cell in _cells(grid, r):
        key = _match(cell.text, "columns")
        if key and key not in cols:
            cols[key] = cell.col
    if "level3" not in cols and "serialized" in cols:
        cols["level3"] = cols.pop("serialized")     # 绩效指标 heading the 三级 column of a grid form
    if not ("level3" in cols and ("level1" in cols or "level2" in cols) and "target" in cols):
        return None
    if r > 0:                      # list forms name the project columns in the header row above
        for cell in _cells(grid, r - 1):
            key = _match(cell.text, "columns")
            if key in ("project", "amount", "goal", "unit_code") and key not in cols and cell.last_row >= r:
                cols[key] = cell.col
    return cols


def _template_parents(level2: str | None) -> list[str]:
    if not level2:
        return []
    n = catalog.norm_label(level2)
    return [l1 for l1, l2s in catalog.load("indicators")["templates"].items()
            if n in {catalog.norm_label(x) for x in l2s}]


def _same_family(candidate: str, printed: str) -> bool:
    """Templates of one form share a naming style (产出目标/效果目标 vs 产出指标/效益指标)."""
    return catalog.norm_label(candidate)[-2:] == catalog.norm_label(printed)[-2:]


def _indicator_row(form: _Form, grid: Grid, r: int, new_form) -> None:
    cols = form.indicator_cols or {}

    def text(role: str) -> str:
        if role not in cols:
            return ""
        cell = grid.at(r, cols[role])
        return cell.text if cell is not None else ""

    l1, l2, l3, target = text("level1"), text("level2"), text("level3"), text("target")
    if not (l1 or l2 or l3 or target):
        return
    if "project" in cols:          # list form: a project cell starting on this row starts a new form
        cell = grid.at(r, cols["project"])
        if cell is not None and cell.row == r and cell.text and cell.text != form.table.project_name:
            if form.table.project_name or form.table.indicators:
                form = new_form()
                form.indicator_cols = cols
            form.table.project_name = cell.text
            for role, key in (("amount", "year_amount"), ("goal", "annual_goal"), ("unit_code", "unit_code")):
                if role in cols:
                    _set_field(form, key, text(role))
            form.table.total_amount = form.table.year_amount
            form.l1 = form.l2 = None
    l1 = l1 or form.l1
    l2 = l2 or (form.l2 if not text("level1") else None)
    parents = _template_parents(l2)
    parent = parents[0] if parents else None
    if parents and l1 and catalog.norm_label(l1) not in {catalog.norm_label(p) for p in parents}:
        known = {catalog.norm_label(k) for k in catalog.load("indicators")["templates"]}
        siblings = [p for p in parents if _same_family(p, l1)]
        if catalog.norm_label(l1) in known and siblings:
            l1 = siblings[0]       # the printed merged 一级 cell sits on a neighbouring row: the template decides
    if l2 and not parent:
        form.table.warnings.append(Warning(code="unknown_level2", message=f"二级指标 {l2} is not in a template",
                                           page=grid.page))
    form.l1, form.l2 = l1, l2
    parsed = parse_target(target)
    if not l3 and parsed.name_prefix and (parsed.comparator or parsed.unit):
        l3, target = parsed.name_prefix, target[len(parsed.name_prefix):].strip()
    kind = text("value_type")
    comps = catalog.load("indicators")["targets"]["comparators"]
    if kind in comps and parsed.comparator is None and parsed.value is not None:
        parsed.comparator = comps[kind]          # 指标值类型 ≥ beside 指标值 95
    if kind == "定性":
        parsed.qualitative = True
    if parsed.unit is None and parsed.value is not None and text("measure_unit"):
        parsed.unit = text("measure_unit")
    form.table.indicators.append(Indicator(
        level1=l1 or None, level2=l2 or None, level3=l3 or None, target_raw=target or None,
        comparator=parsed.comparator, target_value=parsed.value, target_unit=parsed.unit,
        qualitative=parsed.qualitative, description=text("description") or None,
        period_target_raw=text("period_target") or None))


def _budget_row(form: _Form, cells: list) -> bool:
    for i, cell in enumerate(cells):
        key = _match(re.sub(r"^\d+、|^[(（]\d+[)）]|资金来源:|资金结构:", "", catalog.norm_label(cell.text)), "budget")
        if key is None:
            label = catalog.norm_label(cell.text)
            key = next((k for alias, k in _labels("budget").items() if label.endswith(alias)), None)
        if key:
            try:
                v = parse_amount(cells[i + 1].text) if i + 1 < len(cells) else None
            except NotANumber:
                v = None
            if form.table.budget is None:
                form.table.budget = DepartmentBudget()
            setattr(form.table.budget, key, None if v is None else to_json_number(v))
            return True
    return False


def _read_grid(forms: list[_Form], grid: Grid, new_form) -> None:
    for r in range(grid.n_rows):
        cells = [c for c in _cells(grid, r) if c.text]
        if not cells:
            continue
        form = forms[-1]
        header = _indicator_header(grid, r)
        if header:
            form.indicator_cols, form.in_tasks = header, None
            continue
        roles = {_match(c.text, "columns"): c.col for c in cells}
        serial = next((c for c in cells if _match(c.text, "columns") == "serialized"), None)
        if "project" in roles and serial is not None and serial.colspan == 1:   # not a group over 一级|二级|三级
            form.serial_cols = {k: v for k, v in roles.items() if k}
            continue
        if form.serial_cols:
            _serialized_row(form, grid, r, new_form)
            continue
        if sum(k is not None for k in roles) >= 3:
            continue                   # the upper row of a repeated two-row indicator header
        keyed = False
        for i, cell in enumerate(cells):
            key = _match(cell.text, "fields")
            if key is None:
                continue
            if key == "project_name" and "project_name" in form.seen_fields:
                form = new_form()
            value = cells[i + 1].text if i + 1 < len(cells) and _match(cells[i + 1].text, "fields") is None else ""
            _set_field(form, key, value)
            form.indicator_cols = None
            keyed = True
        if keyed:
            continue
        names = [_match(c.text, "tasks") for c in cells]
        if "name" in names and "content" in names:
            form.in_tasks = (cells[names.index("name")].col, cells[names.index("content")].col)
            continue
        if form.table.type == "department_performance" and _budget_row(form, cells):
            form.in_tasks = None
            continue
        if form.indicator_cols:
            _indicator_row(form, grid, r, new_form)
        elif form.in_tasks:
            name = grid.at(r, form.in_tasks[0])
            content = grid.at(r, form.in_tasks[1])
            form.table.tasks.append(Task(name=name.text if name else None, content=content.text if content else None))
        elif form.last_text_field and len(cells) == 1:     # long text carried onto the next page
            key = form.last_text_field
            setattr(form.table, key, (getattr(form.table, key) or "") + cells[0].text)


_ITEM = re.compile(r"(?:^|[。；;]\s*)\d+、")
_LEVEL = re.compile(r"^\d+-")


def parse_serialized(text: str) -> list[Indicator]:
    """广州's one-cell form: '1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；
    年度指标值:每年≥20场。2、…' -> indicators (annual value as target, the period value beside it)."""
    out: list[Indicator] = []
    for item in [x for x in _ITEM.split(text) if x.strip()]:
        parts = [x.strip() for x in re.split(r"[；;]", item.strip().rstrip("。")) if x.strip()]
        names = [p for p in parts if not re.match(r"^(实施周期指标值|年度指标值)\s*[:：]", p)]
        values = {m.group(1): m.group(2).strip() for p in parts
                  for m in [re.match(r"^(实施周期指标值|年度指标值)\s*[:：]\s*(.*)$", p)] if m}
        l1 = _LEVEL.sub("", names[0]) if names else None
        l2 = _LEVEL.sub("", names[1]) if len(names) > 1 else None
        l3 = "；".join(names[2:]) or None
        target = values.get("年度指标值")
        parsed = parse_target(target)
        out.append(Indicator(level1=l1, level2=l2, level3=l3, target_raw=target, comparator=parsed.comparator,
                             target_value=parsed.value, target_unit=parsed.unit, qualitative=parsed.qualitative,
                             period_target_raw=values.get("实施周期指标值")))
    return out


def _serialized_row(form: _Form, grid: Grid, r: int, new_form) -> None:
    cols = form.serial_cols or {}

    def text(role: str) -> str:
        cell = grid.at(r, cols[role]) if role in cols else None
        return cell.text if cell is not None and cell.row == r else ""

    indicators = text("serialized")
    if not indicators:
        return                         # 合计 and unit rows carry no targets
    if form.table.project_name or form.table.indicators:
        form = new_form()
        form.serial_cols = cols
    form.table.project_name = text("project") or None
    for role, key in (("amount", "year_amount"), ("goal", "annual_goal")):
        if role in cols:
            _set_field(form, key, text(role))
    form.table.total_amount = form.table.year_amount
    form.table.indicators.extend(parse_serialized(indicators))


def _kind(parts: list[TablePart], kind: str) -> str:
    markers = {catalog.norm_label(x) for x in catalog.load("indicators")["department_markers"]["labels"]}
    for part in parts:
        for cell in part.grid.cells:
            if catalog.norm_label(cell.text) in markers:
                return "department_performance"
    return kind


def build(parts: list[TablePart], kind: str) -> list[PerformanceTable]:
    """One PerformanceTable per printed form; a stitched group holding several projects is split at each
    new 项目名称."""
    kind = _kind(parts, kind)
    title = parts[0].caption.title
    year_m = _YEAR.search(catalog.norm_label(title or ""))
    forms: list[_Form] = []

    def new_form() -> _Form:
        forms.append(_Form(PerformanceTable(type=kind, title=title, unit_name=unit_in_title(title),
                                            year=int(year_m.group(1)) if year_m else None, pages=[])))
        return forms[-1]

    new_form()
    for part in parts:
        before = len(forms)
        _read_grid(forms, part.grid, new_form)
        for form in forms[before - 1:]:
            if part.grid.page not in form.table.pages:
                form.table.pages.append(part.grid.page)
    for form in forms:
        t = form.table
        t.pages.sort()
        if kind == "department_performance" and t.department is None:
            t.department = t.unit_name
    return [f.table for f in forms]

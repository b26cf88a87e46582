"""Performance-target tables (绩效目标表) -> PerformanceTable.

A group of table parts (one title, stitched over pages) is read row by row and may hold many forms:
- key-value blocks (项目名称 | 办案业务费 | …): labels matched to fields wherever they sit in the row, the
  value in the next cell; long text carried over rows and pages; a new 项目名称 starts a new form;
- 年度主要任务 (任务名称 | 主要内容) and 预算情况 of department forms;
- the indicator grid (一级 | 二级 | 三级 | 指标值 …), its header found anywhere (performance_header.py), its columns followed
  across pages by position; merged cells spread to the rows they span;
- project lists (one project per row or row group: 长沙, 北京, 杭州, 广州), a new form per project;
  广州's one-cell indicator lists and 北京's fused 一级+二级+三级 cells are taken apart.
Once read, each form's 二级 are put under the 一级 their template gives (see indicators.py)."""
from __future__ import annotations

from . import performance_fields as pf
from .performance_fields import performance_kind, unit_in_title  # noqa: F401 (the pipeline's names)
from .performance_list import joins_performance, part_kind  # noqa: F401 (the pipeline's names)
from ...models import PerformanceTable
from .reader import FormReader
from .self_evaluation import SelfEvaluationReader
from ..financial.tables import TablePart


def _kind(parts: list[TablePart], kind: str) -> str:
    """A department marker in any cell makes the group department forms; a group its title calls department
    forms (专项资金整体绩效目标表) whose cells print no marker but a 项目名称 is project forms."""
    markers = {pf.clean_label(x) for x in pf.cfg()["department_markers"]["labels"]}
    named = False
    for part in parts:
        for cell in part.grid.cells:
            if pf.clean_label(cell.text) in markers:
                return "department_self_evaluation" if kind.endswith("_self_evaluation") else "department_performance"
            named = named or pf.match(cell.text, "fields", fuzzy=False) == "project_name"
    if named and kind == "department_performance":
        return "project_performance"
    return kind


def build(parts: list[TablePart], kind: str) -> list[PerformanceTable]:
    """One PerformanceTable per printed form, in page order; a group holding several projects (one per
    page under a repeated title, or one per row group of a list) is split at each new project."""
    kind = _kind(parts, kind)
    fallback = next((p.caption.department for p in parts if p.caption.department), None)
    if kind.endswith("_self_evaluation"):
        reader: FormReader = SelfEvaluationReader(kind, parts[0].caption.title, fallback)
    else:
        reader = FormReader(kind, parts[0].caption.title, fallback)
    for part in parts:
        reader.read(part.grid)
    return reader.finish()

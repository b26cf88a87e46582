"""Performance-target tables (绩效目标表) -> PerformanceTable. Recognition lives here; the reading of
the key-value block and the indicator grid is built in issue 4."""
from __future__ import annotations

import re

from .. import catalog
from ..models import PerformanceTable
from .tables import TablePart

_YEAR = re.compile(r"[（(]?\d{4}年度?[）)]?")


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


def build(parts: list[TablePart], kind: str) -> list[PerformanceTable]:
    """One PerformanceTable per printed table (a stitched group may hold several projects)."""
    first = parts[0]
    return [PerformanceTable(type=kind, title=first.caption.title, pages=sorted({p.grid.page for p in parts}))]

"""Column keys beyond the alias match: measures printed as headings (预算数/决算数 pairs, year groups,
当年预算 | 上年结转结余 copies), 合计-like leaves, one 其中 over several parts, and fund-source columns
under a category (因公出国(境)费 / 一般公共预算)."""
from __future__ import annotations

import re

from ... import catalog
from .column_spec import ColumnSpec

YEAR_ROOT = re.compile(r"^((?:19|20)\d{2})年度?(?:预算数?|决算数?)?$")


def _group_measure(label: str) -> str | None:
    """当年预算 / 上年结转结余: a heading over a copy of the same columns (三公 tables), or None."""
    t = catalog.normalise_column(label)
    return next((m for m in _GROUP_MEASURES if t in catalog.label_set("measures", m)), None)


_GROUP_MEASURES = ("current_year", "prior_year", "change", "carryover")


def group_measures(specs: list[ColumnSpec]) -> set[str]:
    """The group measures printed over columns of this segment, when at least two of them are."""
    found = {m for s in specs for p in s.path[:-1] for m in [_group_measure(p)] if m}
    return found if len(found) >= 2 else set()


def strip_measure(spec: ColumnSpec, paired: bool, years: list[int],
                  groups: set[str] = frozenset()) -> tuple[list[str], list[tuple[int, int]]]:
    """预算数/决算数 leaves of a pair, 2021年 | 2022年 | 增减变化情况 roots and 当年预算 | 上年结转结余
    headings over copies of the same columns become the column's measure."""
    path, nodes = list(spec.path), list(spec.nodes)
    if not path:
        return path, nodes
    if groups:
        at = next((i for i, p in enumerate(path[:-1]) if _group_measure(p) in groups), None)
        if at is not None:
            spec.measure = _group_measure(path[at])
            path, nodes = path[:at] + path[at + 1:], nodes[:at] + nodes[at + 1:]
    root = catalog.norm_label(path[0])
    year = YEAR_ROOT.match(root)
    if len(path) > 1 and len(years) >= 2 and (year or root in catalog.label_set("measures", "change")):
        spec.measure = "change" if not year else "current_year" if int(year.group(1)) == max(years) else "prior_year"
        path, nodes = path[1:], nodes[1:]
    elif year and len(years) >= 2:       # 2025年预算数 | 2026年预算数 / 总计 …: a year's lone column
        spec.measure = "current_year" if int(year.group(1)) == max(years) else "prior_year"
    leaf = catalog.norm_label(path[-1])
    if paired:
        for measure in ("budget", "final"):
            if leaf in catalog.label_set("measures", measure):
                spec.measure = measure
                return path[:-1], nodes[:-1]
    return path, nodes





_UNIT_NOTE = re.compile(r"\((?:单位:?)?(?:万元|千元|亿元|元)\)$")


def is_generic(leaf: str, generic: frozenset[str]) -> bool:
    """合计 / 预算数 / 2026年预算数 / 预算数(单位:万元): the sum of the column's group."""
    return _UNIT_NOTE.sub("", catalog.normalise_column(leaf)) in generic


def shared_of_which(specs: list[ColumnSpec]) -> None:
    """小计 | 其中：基本支出 | 项目支出 (or 合计 | 其中 over 基本支出 | 项目支出): one 其中 printed once for
    the columns that follow a group's 合计/小计 lists that total's parts, which add up to it. A lone 其中
    column, each part printed with its own 其中, or a 其中 after an ordinary column stays a part."""
    for spec in specs:
        if not spec.of_which or spec.of_which_at is None or spec.of_which_at >= len(spec.tree):
            continue
        at = spec.of_which_at
        prefix = tuple(spec.tree[:at])
        siblings = sorted({tuple(s.tree[:at + 1]) for s in specs if tuple(s.tree[:at]) == prefix and len(s.tree) > at},
                          key=lambda n: n[-1][1])
        own = tuple(spec.tree[:at + 1])
        i = siblings.index(own)
        leaves = {tuple(s.tree): s for s in specs}
        before = leaves.get(siblings[i - 1]) if i else None
        if before is None or not before.generic:
            continue
        if at < len(spec.tree) - 1:          # a bare 其中 cell: the columns under it
            members = [s for s in specs if tuple(s.tree[:at + 1]) == own]
            if len(members) >= 2:
                for s in members:
                    s.of_which = False
            continue
        run = 1
        for node in siblings[i + 1:]:
            s = leaves.get(node)
            if s is not None and (s.generic or s.of_which):
                break
            run += 1
        if run >= 2:
            spec.of_which = False


def fund_part_key(path: list[str], key: str, index: catalog.FuzzyIndex, cutoff: float,
                  generic: frozenset[str]) -> tuple[str, str | None]:
    """A fund-source leaf (一般公共预算) under a category heading (因公出国(境)费, 公务用车… / 小计) is
    that category's part: ``abroad.general_budget``. Under a fund or total heading (财政拨款 / 一般公共预算,
    总计 / 一般公共预算) it stays the fund's own key. Returns (key, the heading's key)."""
    compose = catalog.load("columns")["compose"]
    if key not in compose["parts"]:
        return key, None
    for i in range(len(path) - 2, -1, -1):
        label = path[i]
        if is_generic(label, generic) and i == 0:
            return key, "total"          # 总计 / 一般公共预算
        if is_generic(label, generic) or catalog.norm_label(label) in ("其中", "其中:"):
            continue                     # 公务用车购置及运行维护费 / 小计 / 一般公共预算: the 小计 names no category
        m = index.match(label, cutoff)
        if m is None:
            continue
        if m.value in compose["parts"] or m.value in compose["neutral"]:
            return key, m.value
        return f"{m.value}.{key}", m.value
    return key, None

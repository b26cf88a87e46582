"""Header rows -> column layout: which grid columns hold codes, names and values, on which side or panel,
under which canonical key (fuzzy-matched), and which columns sum to which."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import catalog
from ...grid import Grid
from ...settings import Settings
from .column_spec import ColumnSpec
from .column_keys import YEAR_ROOT, fund_part_key, group_measures, is_generic, shared_of_which, strip_measure
from .header_rows import column_number_row, find_body_start, headerish, row_texts
from ...text.amounts import is_amount

OF_WHICH = re.compile(r"^其中[:：]?")
_QUALIFIER = re.compile(r"\([^()]*\)$")


@dataclass
class ExtraLabel:
    """A second classification printed on the same row (政府支出经济分类科目 beside 功能分类科目)."""
    key: str
    code_cols: list[ColumnSpec]
    label_col: ColumnSpec | None


@dataclass
class Segment:
    """One side of a two-sided table, or one panel of a two-panel table, or the whole table."""
    index: int
    side: str | None
    code_cols: list[ColumnSpec] = field(default_factory=list)
    unit_code_col: ColumnSpec | None = None
    unit_name_col: ColumnSpec | None = None  # 预算单位 beside 科目名称: names the unit rows
    category_col: ColumnSpec | None = None   # 项目 over two columns: a category cell merged down its items
    name_col: ColumnSpec | None = None
    value_cols: list[ColumnSpec] = field(default_factory=list)
    text_cols: list[ColumnSpec] = field(default_factory=list)   # 绩效目标 · 备注: Row.texts, by spec.key
    extra_labels: list[ExtraLabel] = field(default_factory=list)


@dataclass
class Layout:
    body_start: int
    header_rows: list[int]
    columns: list[ColumnSpec]
    segments: list[Segment]
    header_signature: tuple[str, ...]
    caption_texts: list[str] = field(default_factory=list)

    @property
    def value_columns(self) -> list[ColumnSpec]:
        return [c for s in self.segments for c in s.value_cols]


# ---- roles ----------------------------------------------------------------------------------------
def _role(path: list[str]) -> tuple[str, str | None]:
    roles = catalog.load("columns")["roles"]
    # 支出功能分类科目（按大类）: a qualifier in brackets does not change what the column holds
    norm = [_QUALIFIER.sub("", catalog.norm_label(p)) or catalog.norm_label(p) for p in path]
    code = {catalog.norm_label(x) for x in roles["code"]}
    levels = roles["code_levels"]
    if norm and norm[-1] in levels:
        return "code", levels[norm[-1]]
    unit_code = tuple(catalog.norm_label(x) for x in roles["unit_code"])
    if len(norm) >= 2 and "".join(norm[-2:]).endswith(unit_code):
        return "unit_code", None        # 单位 / 编码 wrapped over two header cells: not a subject-code column
    if any(p in code or p.endswith(tuple(roles["code_suffixes"])) for p in norm):
        return "code", "full"
    if any(p.endswith(unit_code) for p in norm):
        return "unit_code", None
    if norm and norm[-1] in {catalog.norm_label(x) for x in roles["serial"]}:
        return "serial", None
    texts = {catalog.norm_label(k): v for k, v in roles["text"].items()}
    for label in (norm[-1:] + ["".join(norm[-2:])] if norm else []):     # 购买服务 / 内容 wrapped over two rows
        if label in texts:
            return "text", texts[label]
    if norm and norm[-1] in {catalog.norm_label(x) for x in roles["unit_name"]}:
        return "unit_name", None
    classified = _classification_of(norm, "名称")       # 政府经济科目名称: the classification's name column
    if classified is not None:
        return "classification", classified
    if any(p in {catalog.norm_label(x) for x in roles["name"]} or p.endswith("科目名称") for p in norm):
        return "name", None
    return "value", None


def _body_role(grid: Grid, col: int, start: int) -> str:
    """Role from the body when the header says nothing: codes, names or numbers."""
    texts = [grid.text(r, col) for r in range(start, grid.n_rows)]
    texts = [t for t in texts if t]
    if not texts:
        return "value"
    if all(re.fullmatch(r"\d{2,7}", t) for t in texts) and len(set(map(len, texts))) <= 3 and \
            all(len(t) in (2, 3, 5, 7) for t in texts) and any(len(t) >= 3 for t in texts):
        return "code"
    amounts = sum(is_amount(t) for t in texts)
    return "value" if amounts >= len(texts) / 2 else "name"


def _side(text: str) -> str | None:
    t = catalog.norm_label(text)
    sides = catalog.load("columns")["sides"]
    for side in ("revenue", "expenditure"):
        if t in {catalog.norm_label(x) for x in sides[side]}:
            return side
    if "收入" in t and "支出" not in t:
        return "revenue"
    if "支出" in t and "收入" not in t:
        return "expenditure"
    return None


# ---- layout -----------------------------------------------------------------------------------------
def build_layout(grid: Grid, settings: Settings) -> Layout:
    body_start, header_rows, captions = find_body_start(grid)
    path_rows = [r for r in header_rows if not column_number_row(row_texts(grid, r))]
    columns: list[ColumnSpec] = []
    for c in range(grid.n_cols):
        path: list[str] = []
        nodes: list[tuple[int, int]] = []
        for r in path_rows:
            cell = grid.at(r, c)
            if cell is None or not cell.text or (cell.row, cell.col) in nodes:
                continue
            path.append(cell.text)
            nodes.append((cell.row, cell.col))
        role, level = _role(path) if path else (_body_role(grid, c, body_start), None)
        if role == "value" and path and _role(path)[0] == "value" and not any(headerish(p) for p in path):
            body = _body_role(grid, c, body_start)
            labelled = any(s.role in ("name", "classification") for s in columns)
            coded = any(w in p for p in path for w in catalog.load("columns")["roles"]["code_header_words"])
            if body == "name" or (body == "code" and (coded or not labelled)):
                role = body      # right of the names only a 代码 column holds codes: 655 | 21 under 人数 are counts
        if role == "code" and level is None:
            level = "full"
        text_key = ""
        if role == "text":                 # _role gives a text column's key where a code column's level goes
            text_key, level = level, None
        if not path and not any(grid.text(r, c) for r in range(body_start, grid.n_rows)):
            role = "blank"     # a margin column drawn by the frame: no header, no body
        columns.append(ColumnSpec(c, role, path, level, nodes=nodes, key=text_key, id=text_key))
    segments = _segments(grid, columns, body_start)
    for seg in segments:
        _map_values(seg, grid, settings)
    signature = tuple(catalog.norm_label(grid.text(r, c)) for r in header_rows for c in range(grid.n_cols))
    caption_texts = [grid.text(r, 0) for r in captions]
    return Layout(body_start, header_rows, columns, segments, signature, caption_texts)


def _segments(grid: Grid, columns: list[ColumnSpec], body_start: int) -> list[Segment]:
    labels = ("name", "classification")
    groups: list[list[ColumnSpec]] = [[]]
    seen_value = False
    for spec in columns:
        if spec.role != "value" and seen_value and any(s.role in labels + ("unit_name",) for s in groups[-1]):
            groups.append([])
            seen_value = False
        groups[-1].append(spec)
        seen_value = seen_value or spec.role == "value"
    while len(groups) >= 2 and not any(s.role in ("value", "code") for s in groups[-1]):
        # label columns after the amounts with no amounts of their own print text about the row
        # (a project's 绩效目标), not the names of a second panel
        for spec in groups[-1]:
            if spec.role in labels + ("unit_name",):
                spec.role = "text"
                spec.key = spec.id = "unmapped:" + (spec.label or f"column {spec.col + 1}")
        groups[-2].extend(groups.pop())
    # a run of codes and amounts with no name of its own is no panel: the economic codes of the same row
    # (政府采购: 采购项目 · 数量 | 部门经济科目 类 · 款 | 政府经济科目 类 · 款 | 预算金额)
    # and codes and names after the amounts with no amount of their own classify the rows before them
    # (结转 tables: 金额 | 功能分类科目代码 · 名称 | 政府经济分类科目代码 · 名称 | 项目类别)
    for i in range(len(groups) - 1, 0, -1):
        if not any(s.role in labels + ("unit_name", "unit_code") for s in groups[i]) or \
                not any(s.role == "value" for s in groups[i]):
            groups[i - 1].extend(groups.pop(i))
    segments = []
    for i, group in enumerate(groups):
        seg = Segment(i, None)
        pending: list[ColumnSpec] = []      # code columns waiting for the label column they belong to
        for spec in group:
            spec.segment = i
            if spec.role == "code":
                pending.append(spec)
            elif spec.role == "unit_code":
                seg.unit_code_col = spec
            elif spec.role == "unit_name":
                seg.unit_name_col = spec
            elif spec.role in labels and seg.name_col is None:
                seg.name_col, seg.code_cols, pending = spec, pending, []
            elif spec.role == "name" and seg.category_col is None and spec.nodes and not pending and \
                    seg.name_col.nodes and spec.nodes[-1] == seg.name_col.nodes[-1] and not seg.value_cols:
                seg.category_col, seg.name_col = seg.name_col, spec
            elif spec.role in labels:
                key = spec.level or "unmapped:" + spec.label
                seg.extra_labels.append(ExtraLabel(key, pending, spec))
                pending = []
            elif spec.role == "value":
                seg.value_cols.append(spec)
            elif spec.role == "text":
                seg.text_cols.append(spec)
        if seg.unit_name_col is not None and seg.name_col is None:
            seg.name_col, seg.unit_name_col = seg.unit_name_col, None    # the unit column is the only label
            seg.code_cols, pending = seg.code_cols or pending, [] if not seg.code_cols else pending
        elif seg.unit_name_col is not None:
            # 预算单位名称 beside 预算项目名称 (结转 tables): each row's unit is kept as its text; a unit's
            # subtotal row, printing no name of its own, takes it for its name (rows.py)
            seg.unit_name_col.key = seg.unit_name_col.id = "unit_name"
            seg.text_cols.append(seg.unit_name_col)
        if pending:
            if seg.name_col is None or (not seg.code_cols and not seg.value_cols):
                seg.code_cols += pending
            else:
                seg.extra_labels += _code_labels(pending)
        segments.append(seg)
    if len(segments) >= 2:
        roots = [_segment_root(s) for s in segments]
        sides = [_side(r) if r else None for r in roots]
        if all(sides) and set(sides) == {"revenue", "expenditure"}:
            for seg, side in zip(segments, sides):
                seg.side = side
    for seg in segments:
        for spec in seg.code_cols + seg.value_cols + ([seg.name_col] if seg.name_col else []):
            spec.side = seg.side
    return segments


def _code_labels(codes: list[ColumnSpec]) -> list[ExtraLabel]:
    """Code columns with no name column of their own, one classification per heading (部门预算支出经济科目编码
    over 类 · 款, then 政府预算支出经济科目编码 over 类 · 款), keyed by the heading."""
    def heading(spec: ColumnSpec) -> list[str]:
        return spec.path[:-1] if spec.level in ("class", "item", "subitem") else spec.path
    runs: list[list[ColumnSpec]] = []
    for spec in codes:
        if runs and heading(runs[-1][-1]) == heading(spec) and spec.level not in {c.level for c in runs[-1]}:
            runs[-1].append(spec)
        else:
            runs.append([spec])
    return [ExtraLabel(_classification_key(run[0]), run, None) for run in runs]


def _classification_key(spec: ColumnSpec) -> str:
    path = [catalog.norm_label(p) for p in spec.path]
    return _classification_of(path, "(?:编码|代码)") or "unmapped:" + spec.label


def _classification_of(path: list[str], column_word: str) -> str | None:
    """The classification named by the nearest heading of ``path`` the catalog knows, read with or without
    the word its name or code column adds (``column_word``: 名称, 编码/代码). A level heading under it
    (指导性目录 / 二级 | 三级) keeps the columns apart: ``service_catalog.level2``."""
    roles = catalog.load("columns")["roles"]
    classes = {catalog.norm_label(k): v for k, v in roles["classification"].items()}
    for i in range(len(path) - 1, -1, -1):
        for label in (path[i], re.sub(f"{column_word}$", "", path[i])):
            if label in classes:
                level = roles["classification_levels"].get(path[-1]) if i < len(path) - 1 else None
                return classes[label] + (f".{level}" if level else "")
    return None


def _segment_root(seg: Segment) -> str | None:
    cols = ([seg.name_col] if seg.name_col else []) + seg.value_cols
    for spec in cols:
        if spec.path:
            return spec.path[0]
    return None


def _covers(cell, specs: list[ColumnSpec]) -> bool:
    return all(cell.col <= s.col <= cell.last_col for s in specs)


def _map_values(seg: Segment, grid: Grid, settings: Settings) -> None:
    leaves = {catalog.norm_label(s.path[-1]) for s in seg.value_cols if s.path}
    paired = bool(leaves & catalog.label_set("measures", "budget")) and bool(leaves & catalog.label_set("measures", "final"))
    generic = catalog.label_set("generic", "labels")
    index = catalog.column_index()
    n_values = len(seg.value_cols)
    used: dict[str, int] = {}
    years = sorted({int(m.group(1)) for s in seg.value_cols if s.path
                    for m in [YEAR_ROOT.match(catalog.norm_label(s.path[0]))] if m})
    groups = group_measures(seg.value_cols)
    for spec in seg.value_cols:
        path, nodes = strip_measure(spec, paired, years, groups)
        # a side word at the root (收入 | 支出) and a root that spans every value column say nothing
        side_root = bool(seg.side) and bool(path) and path == spec.path[:len(path)] and _side(path[0]) == seg.side
        while len(path) > 1 and nodes:
            r, c = nodes[0]
            cell = grid.at(r, c)
            spans_all = cell is not None and cell.colspan >= n_values and _covers(cell, seg.value_cols)
            if side_root or spans_all:
                side_root = False          # only the printed root says 收入 | 支出
                path, nodes = path[1:], nodes[1:]
            else:
                break
        spec.tree = nodes
        spec.node = nodes[-1] if nodes else None
        spec.parent = nodes[-2] if len(nodes) >= 2 else None
        key, score = None, 0.0
        if path:
            leaf = catalog.norm_label(path[-1])
            bare = [i for i, p in enumerate(path[:-1]) if catalog.norm_label(p) in ("其中", "其中:")]
            if OF_WHICH.match(leaf) or bare:
                spec.of_which = True
                spec.of_which_at = bare[-1] if bare else len(path) - 1
                leaf = OF_WHICH.sub("", leaf) or leaf
            elif leaf.startswith(tuple(catalog.load("columns")["roles"]["subset_words"])):
                spec.of_which, spec.of_which_at = True, len(path) - 1     # 扣除基建项目后预算数: a part
            if is_generic(leaf, generic):
                spec.generic = True
                if len(path) == 1:
                    key, score = "total", 100.0
                else:                       # the group's sum takes the group's key; an unknown group stays unmapped
                    m = index.match(path[-2], settings.column_cutoff)
                    if m:
                        key, score = m.value, m.score
            else:
                m = index.match(leaf, settings.column_cutoff) or index.prefix(leaf, settings.clipped_label_min)
                if m:
                    key, score = m.value, m.score
                elif len(path) > 1:     # a label wrapped over two header cells (因公出国（境） / 费用), or a path
                    wrapped = "".join(path[-2:])
                    m = index.match(wrapped, settings.column_cutoff) or \
                        index.prefix(wrapped, settings.clipped_label_min) or \
                        index.match("".join(path), settings.column_cutoff)
                    if m:
                        key, score = m.value, m.score
        elif spec.measure:
            key, score = "total", 100.0
        if key is not None and not spec.generic and len(path) > 1:
            # 项目支出 / 项目支出总数: the leaf restates its group; a leaf is never its own group
            # because the group's name merely resembles it (其他资金收入 / 其他收入)
            parent = index.match(path[-2], settings.column_cutoff)
            restates = catalog.normalise_column(path[-2]) in catalog.normalise_column(path[-1])
            spec.generic = parent is not None and parent.value == key and restates
        if key in catalog.load("columns")["roles"]["subset_keys"] and not spec.of_which:
            spec.of_which, spec.of_which_at = True, len(path) - 1     # 科研人员因公出国（境）费用: a part
        if key is not None and not spec.generic and len(path) > 1:
            key, spec.fund_heading = fund_part_key(path, key, index, settings.column_cutoff, generic)
        if key is None:
            key = "unmapped:" + (spec.label or f"column {spec.col + 1}")
        spec.key, spec.score = key, score
        ident = f"{key}@{spec.measure}" if spec.measure else key
        used[ident] = used.get(ident, 0) + 1
        spec.id = ident if used[ident] == 1 else f"{ident}#{used[ident]}"
    shared_of_which(seg.value_cols)


"""Where a table's header ends: the caption lines drawn inside the frame (a title, 单位：万元, 部门：XX),
the header rows, and the first body row (the first row with an amount, or, in a table of words, the
first row with no header word)."""
from __future__ import annotations

import re

from ... import catalog
from ...grid import Grid
from ...text.amounts import is_amount

_TITLE_END = re.compile(r"表(?:[0-9一二三四五六七八九十]{1,3}|\([^()]{1,12}\))?$")   # …表 · …表公开表九 · …表(一般公共预算)


def _is_caption_row(grid: Grid, r: int) -> bool:
    """A top row holding nothing, or only a title, table number or unit line: not a spanning header."""
    filled = [c for c in grid.row_cells(r) if c.text]
    if not filled:
        return True
    if len(filled) > 1:
        return _label_value_row([catalog.norm_label(c.text) for c in sorted(filled, key=lambda c: c.col)])
    text = catalog.norm_label(filled[0].text)
    return (not text or _TITLE_END.search(text) is not None or "单位:" in text or "部门:" in text or "编制" in text
            or re.search(r"\d{4}年", text) is not None)


_CAPTION_LABEL = re.compile(r"(?:部门|单位|编制)[^:]{0,6}:")


def _label_value_row(texts: list[str]) -> bool:
    """部门：XX单位 | 单位：万元 printed inside the frame: every cell is a caption label with its value,
    or the value printed in the next cell after a bare label (部门： | 江苏省人大常委会办公厅)."""
    waiting = False
    for t in texts:
        if _CAPTION_LABEL.search(t):
            waiting = t.endswith(":")
        elif waiting and not is_amount(t):
            waiting = False
        else:
            return False
    return True


def column_number_row(texts: list[str]) -> bool:
    nums = [t for t in texts if t]
    marks = catalog.load("rows")["column_number"]["labels"]
    digits = [t for t in nums if t.isdigit()]
    others = [t for t in nums if not t.isdigit()]
    if len(digits) == 1 and digits[0] == "1" and any(o in marks and o.strip("—-") for o in others):
        return all(o in marks for o in others)      # ** | 1 · 栏次 | 1: a one-column table's number row
    if len(digits) < 2:
        return False
    ints = [int(t) for t in digits]
    return all(o in marks for o in others) and ints == sorted(ints) and ints[0] <= 2 and ints[-1] - ints[0] == len(ints) - 1


def row_texts(grid: Grid, r: int) -> list[str]:
    return [grid.text(r, c) for c in range(grid.n_cols)]


def is_data_row(grid: Grid, r: int) -> bool:
    texts = row_texts(grid, r)
    if column_number_row(texts):
        return False
    return any(t and is_amount(t) for t in texts)


def headerish(text: str) -> bool:
    t = catalog.norm_label(text)
    if not t:
        return False
    roles = catalog.load("columns")["roles"]
    if t in {catalog.norm_label(x) for k in ("code", "unit_code", "name") for x in roles[k]}:
        return True
    if t in catalog.label_set("generic", "labels"):
        return True
    return catalog.column_index().match(t, 85) is not None


def find_body_start(grid: Grid) -> tuple[int, list[int], list[int]]:
    """(first body row, header rows, caption rows)."""
    captions: list[int] = []
    r = 0
    while r < grid.n_rows and _is_caption_row(grid, r):
        captions.append(r)
        r += 1
    first = r
    for i in range(first, grid.n_rows):
        if is_data_row(grid, i):
            return i, [h for h in range(first, i)], captions
    # no numbers anywhere: the header ends at the first row with no header words
    total_re = catalog.patterns("rows", "total")
    for i in range(first + 1, grid.n_rows):
        texts = [t for t in row_texts(grid, i) if t]
        if texts and column_number_row(row_texts(grid, i)):
            continue
        if not texts or not any(headerish(t) for t in texts):
            return i, list(range(first, i)), captions
        label = catalog.norm_label(texts[0])
        rest = texts[1:]
        if any(p.search(label) for p in total_re) and not any(headerish(t) for t in rest):
            return i, list(range(first, i)), captions
    return grid.n_rows, list(range(first, grid.n_rows)), captions

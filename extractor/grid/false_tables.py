"""Built grids that are not tables: boxed prose and charts. Their rulings close cells as a table's
do, but no header or name stands in them; typed, they would be noise in every count of tables."""
from __future__ import annotations

import re

from ..find.titles import Caption
from ..text.amounts import is_amount
from .model import Grid

_CJK = re.compile(r"[\u4e00-\u9fff]")


def not_a_table(grid: Grid, caption: Caption) -> str | None:
    """Why an untitled region is no table (None when it may be one): a single column of words with no
    amount is prose in a frame (a 部门职责 box, a 名词解释 list); a grid where no cell holds a word and
    most cells are blank, or one cell holds a row of amounts, is a chart (gridlines, bars, value labels).
    A chart under a caption that reads like a table's title (一般公共预算拨款支出明细 over a bar chart, 西安
    工信局 p9) is still a chart: no cell holds a word, and one holds the value labels of several bars."""
    if not grid.cells:
        return None
    texts = [c.text for c in grid.cells if c.text]
    if not any(_CJK.search(t) for t in texts) and any(map(_value_labels, texts)):
        return "chart"
    if caption.type != "unknown" or caption.title is not None:
        return None             # a title (a 绩效目标表's too) says a table stands here
    if grid.n_cols == 1 and len(texts) >= 2 and not any(is_amount(t) for t in texts) \
            and sum(len(t) for t in texts) >= 40:
        return "prose in a frame"
    if not any(_CJK.search(t) for t in texts) and (len(texts) * 4 < len(grid.cells) or any(map(_value_labels, texts))):
        return "chart"
    return None


def _value_labels(text: str) -> bool:
    """Three or more amounts side by side in one cell: the value labels over a chart's bars."""
    return sum(is_amount(w) for w in text.split()) >= 3

"""A table too wide for its pages, printed down, then over: the first page has gained the right-hand
column from its part overleaf; a continuation page whose right-hand part printed nothing (a blank frame,
not read) has no such column, and its last column is not read as it."""
from __future__ import annotations

from extractor.find import Caption
from extractor.grid import Grid
from extractor.grid.model import GridCell
from extractor.mapping.financial.tables import assemble, new_part
from extractor.settings import DEFAULT


def _grid(page: int, rows: list[list[str]], width: int) -> Grid:
    col_x = [100.0 * c for c in range(width + 1)]
    row_y = [100.0 + 20 * r for r in range(len(rows) + 1)]
    cells = [GridCell(r, c, 1, 1, text, (col_x[c], row_y[r], col_x[c + 1], row_y[r + 1]))
             for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Grid(page, (col_x[0], row_y[0], col_x[-1], row_y[-1]), len(rows), width, col_x, row_y, cells)


def test_continuation_without_its_right_hand_part():
    first = _grid(8, [["科目名称", "合计", "财政拨款收入", "事业单位经营收入", "其他收入"],
                      ["一般公共服务支出", "300.00", "100.00", "150.00", "50.00"]], 5)
    cont = _grid(9, [["住房保障支出", "70.00", "40.00", "30.00"]], 4)
    caption = Caption(title="收入预算总表", type="revenue")
    table = assemble([new_part(first, caption, DEFAULT), new_part(cont, Caption(), DEFAULT)], DEFAULT).table
    assert [c.id for c in table.columns][-2:] == ["operating_income", "other_income"]
    assert [r.values for r in table.rows] == [
        {"total": 300, "fiscal_appropriation": 100, "operating_income": 150, "other_income": 50},
        {"total": 70, "fiscal_appropriation": 40, "operating_income": 30}]

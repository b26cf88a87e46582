"""The cell grid: what every parser produces and what the schema mapper reads."""
from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bbox: BBox
    confidence: float = 1.0      # the lowest OCR confidence of the cell's characters (1.0 from a text layer)
    open_top: bool = False       # no ruling closes it at the region's top or bottom: a merged cell a
    open_bottom: bool = False    # page break cut, going on from the page before / on the next page

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass
class Grid:
    page: int
    bbox: BBox
    n_rows: int
    n_cols: int
    col_x: list[float]           # n_cols + 1 boundaries, left to right
    row_y: list[float]           # n_rows + 1 boundaries, top to bottom
    cells: list[GridCell] = field(default_factory=list)
    _cover: dict[tuple[int, int], GridCell] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._cover = {}
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self._cover.setdefault((r, c), cell)

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell covering (row, col), anchored there or spanning over it."""
        return self._cover.get((row, col))

    def anchored(self, row: int, col: int) -> GridCell | None:
        cell = self._cover.get((row, col))
        return cell if cell is not None and cell.row == row and cell.col == col else None

    def text(self, row: int, col: int) -> str:
        """Text at (row, col) only where a cell starts there: a spanned position reads as empty."""
        cell = self.anchored(row, col)
        return cell.text if cell else ""

    def row_cells(self, row: int) -> list[GridCell]:
        return sorted((c for c in self.cells if c.row == row), key=lambda c: c.col)

    def row_bbox(self, row: int, cols: range | None = None) -> BBox:
        cols = cols if cols is not None else range(self.n_cols)
        return (self.col_x[cols.start], self.row_y[row], self.col_x[cols.stop], self.row_y[row + 1])

    def col_range(self, col: int) -> tuple[float, float]:
        return self.col_x[col], self.col_x[col + 1]

    def texts(self) -> list[list[str | None]]:
        """The raw grid: anchored text, None where a span covers the position (pdfplumber's shape)."""
        out: list[list[str | None]] = []
        for r in range(self.n_rows):
            row: list[str | None] = []
            for c in range(self.n_cols):
                cell = self.at(r, c)
                row.append(None if cell is None or (cell.row, cell.col) != (r, c) else cell.text)
            out.append(row)
        return out

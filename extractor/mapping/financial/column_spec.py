"""What one column of a financial table is: its role, its header path and the key it maps to. Its own
module so that the header reader and the column-key rules both use it without importing each other."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ColumnSpec:
    col: int
    role: str                      # code | unit_code | name | value | text | serial | classification | blank
    path: list[str]
    level: str | None = None       # code columns: class / item / subitem / full
    node: tuple[int, int] | None = None     # header cell that names this column (measure stripped)
    parent: tuple[int, int] | None = None   # header cell above node
    generic: bool = False          # 合计 / 小计: the sum of its siblings
    of_which: bool = False         # 其中: part of a sibling, not a summand
    of_which_at: int | None = None  # index in ``path`` of the cell that prints 其中
    fund_heading: str | None = None   # fund-source columns: the key of the heading above (abroad, total …)
    key: str = ""
    id: str = ""
    score: float = 0.0
    measure: str | None = None
    side: str | None = None
    segment: int = 0
    nodes: list[tuple[int, int]] = field(default_factory=list)   # header cells of ``path``
    tree: list[tuple[int, int]] = field(default_factory=list)    # the same without side/measure/root cells

    @property
    def label(self) -> str:
        return " / ".join(self.path)

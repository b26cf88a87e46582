"""One line of text set inside a table cell, as the sample generators draw it: left, right or centred,
three points in from the cell's rulings."""
from __future__ import annotations

PAD = 3.0


def draw_in_cell(c, line: str, x0: float, x1: float, y: float, align: str = "center") -> None:
    """``line`` at baseline ``y`` in the cell from ``x0`` to ``x1``: align is "left", "right" or "center"."""
    if align == "right":
        c.drawRightString(x1 - PAD, y, line)
    elif align == "left":
        c.drawString(x0 + PAD, y, line)
    else:
        c.drawCentredString((x0 + x1) / 2, y, line)

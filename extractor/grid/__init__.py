"""Stage 3, build the grid: a region's cells become rows x columns with spans and cell text.

``lattice`` builds it from ruling lines; ``stream`` from the alignment of words where a table has no
lines. Both return the same ``Grid``.
"""
from .model import Grid, GridCell
from .lattice import lattice_grid

__all__ = ["Grid", "GridCell", "lattice_grid"]

"""One settings object drives the whole pipeline (as pdfplumber's table settings drive its finder)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    reader: str = "pdfium"          # "pdfium" (fast) or "pdfplumber" (reference)
    # lattice: ruling edges -> cells (pdfplumber's tolerances)
    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    intersection_tolerance: float = 3.0
    edge_min_length: float = 3.0
    min_table_cells: int = 2
    min_table_rows: int = 2             # one row of boxes is highlighted prose, not a table
    # text around a table
    title_search_height: float = 90.0   # points above a table searched for its title and unit
    note_search_height: float = 60.0    # points below a table searched for 注： text
    # fuzzy matching cutoffs (rapidfuzz scores, 0-100)
    title_cutoff: float = 72.0
    column_cutoff: float = 80.0
    # a header label cut short by its cell matches the one key whose aliases it opens, from this length
    clipped_label_min: int = 4
    # scanned pages: an amount read by OCR with less confidence than this is flagged on its row
    ocr_min_confidence: float = 0.9


DEFAULT = Settings()

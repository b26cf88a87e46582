"""Read pages with pdfplumber (pdfminer): the reference reader, slower, used to cross-check PDFium."""
from __future__ import annotations

import io

import pdfplumber

from .page import Char, Edge, PageContent


class PlumberReader:
    def __init__(self, data: bytes):
        self._pdf = pdfplumber.open(io.BytesIO(data))
        self.page_count = len(self._pdf.pages)
        self.producer = self._pdf.metadata.get("Producer") or None

    def close(self) -> None:
        self._pdf.close()

    def page(self, index: int) -> PageContent:
        p = self._pdf.pages[index].dedupe_chars()
        content = PageContent(number=index + 1, width=float(p.width), height=float(p.height))
        content.chars = [Char(c["text"], c["x0"], c["top"], c["x1"], c["bottom"])
                         for c in p.chars if c["text"].strip() or c["text"] == " "]
        content.edges = [Edge(e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in p.edges]
        self._pdf.pages[index].close()
        return content

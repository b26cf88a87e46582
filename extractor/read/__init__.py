"""Stage 1, read pages: a PDF becomes pages of characters and ruling edges, nothing more.

Two readers stand behind one interface (as camelot's parsers do): ``pdfium`` (fast, the default) and
``pdfplumber`` (pdfminer-based, slower; kept as a cross-check). Both yield ``PageContent``.
"""
from .page import Char, Edge, PageContent, TextLine, lines_of
from .open import open_pdf, PdfSource

__all__ = ["Char", "Edge", "PageContent", "TextLine", "lines_of", "open_pdf", "PdfSource"]

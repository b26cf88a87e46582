"""Open a PDF and hand out its pages, with a clear error for files that are not readable PDFs."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Protocol

from ..errors import CorruptPdfError, EncryptedPdfError, NotPdfError
from .damage import Damage, find_damage
from .page import PageContent


class PageReader(Protocol):
    page_count: int
    producer: str | None

    def page(self, index: int) -> PageContent: ...

    def close(self) -> None: ...


@dataclass
class PdfSource:
    path: Path
    sha256: str
    reader: PageReader
    damage: list[Damage] = field(default_factory=list)   # undecodable pages, rebuilt structure, repeats

    @property
    def page_count(self) -> int:
        return self.reader.page_count

    def pages(self) -> Iterator[PageContent]:
        for i in range(self.reader.page_count):
            yield self.reader.page(i)

    def close(self) -> None:
        self.reader.close()

    def __enter__(self) -> "PdfSource":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_pdf(path: str | Path, reader: str = "pdfium") -> PdfSource:
    """Check the bytes, then open with the chosen reader. Raises an ``ExtractionError`` subclass."""
    path = Path(path)
    data = path.read_bytes()
    if not data:
        raise NotPdfError(f"{path.name}: empty file (0 bytes), not a PDF")
    if b"%PDF-" not in data[:1024]:
        raise NotPdfError(f"{path.name}: not a PDF (no %PDF- header)")
    digest = hashlib.sha256(data).hexdigest()
    if reader == "pdfium":
        from .pdfium_reader import PdfiumReader as Reader
    elif reader == "pdfplumber":
        from .plumber_reader import PlumberReader as Reader  # type: ignore[assignment]
    else:
        raise ValueError(f"unknown reader {reader!r}: use 'pdfium' or 'pdfplumber'")
    try:
        r = Reader(data)
    except Exception as exc:  # the PDF libraries raise their own types
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise EncryptedPdfError(f"{path.name}: encrypted PDF, a password is needed to read it") from None
        raise CorruptPdfError(f"{path.name}: damaged PDF that cannot be opened ({exc})") from None
    if r.page_count == 0:
        r.close()
        raise CorruptPdfError(f"{path.name}: PDF has no pages")
    return PdfSource(path=path, sha256=digest, reader=r, damage=find_damage(data))

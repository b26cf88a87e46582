"""Damage a reader would pass over in silence: streams that do not decode, a cross-reference table that
had to be rebuilt, the same page object listed twice.

PDFium is lenient: it draws what it can decode of a broken stream and says nothing, so a page can lose
half its rows with no error. qpdf (through pikepdf) decodes every stream a page draws from and reports
each repair, so it is the detector, with PDFium's own cross-reference verdict beside it; zlib checks
deflate checksums (qpdf inflates changed bytes that stay valid deflate without a word). JPEG scans are
checked by libjpeg through OpenCV, whose only signal for corrupt entropy data is a warning it prints,
so that is captured. Measured on the corpus: no finding on any intact file, ~1.6 ms a page. Each finding is one ``Damage`` with a 1-based page where it has one.
"""
from __future__ import annotations

import base64
import io
import os
import re
import tempfile
import zlib
from dataclasses import dataclass

_GENERAL = {"/FlateDecode", "/Fl", "/LZWDecode", "/LZW", "/ASCII85Decode", "/A85", "/ASCIIHexDecode",
            "/AHx", "/RunLengthDecode", "/RL"}
_JPEG = {"/DCTDecode", "/DCT"}
_MAX_DEPTH = 6            # forms inside forms: deeper nesting is not followed


@dataclass(frozen=True)
class Damage:
    code: str             # page_damaged | document_repaired | page_duplicate
    message: str
    page: int | None = None


def find_damage(data: bytes) -> list[Damage]:
    """Everything damaged in the PDF ``data``, in page order. Never raises: a file pikepdf cannot open
    at all is left to the reader, which decides whether it can be read."""
    try:
        import pikepdf
    except ImportError:          # detection is an extra safety net, not a condition for reading
        return []
    try:
        pdf = pikepdf.open(io.BytesIO(data), suppress_warnings=True)
    except Exception as exc:     # PDFium read what qpdf cannot even rebuild: say so, let the reader go on
        return [Damage("document_repaired", f"object structure unreadable to qpdf: {_short(exc)}")]
    with pdf:
        said = [_short(w) for w in pdf.get_warnings()]
        repairs = [w for w in said if any(word in w for word in _REBUILT)]
        found: list[Damage] = []
        if repairs or not _pdfium_xref_valid(data):
            why = "; ".join(repairs[:3]) if repairs else "PDFium found the cross-reference table invalid"
            found.append(Damage("document_repaired", f"object structure reconstructed: {why}"))
        try:
            pages = [page.obj for page in pdf.pages]
        except Exception as exc:
            found.append(Damage("document_repaired", f"page tree unreadable: {_short(exc)}"))
            return found
        found += _duplicates(pdf, pages, said)
        checker = _Checker(pdf)
        for number, page in enumerate(pages, start=1):
            problem = checker.page(page)
            if problem:
                found.append(Damage("page_damaged", f"page content cannot be fully decoded: {problem}", number))
    return sorted(found, key=lambda d: (d.page or 0, d.code))


# qpdf warns about many harmless slips (an object count one off, a missing /Resources); these are the
# words of a cross-reference table rebuilt by scanning the file, which is what loses or mixes objects.
_REBUILT = ("file is damaged", "reconstruct", "xref not found", "startxref")


def _pdfium_xref_valid(data: bytes) -> bool:
    """PDFium's own verdict: it also rebuilds a broken table silently, but says whether it had to."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
        doc = pdfium.PdfDocument(data)
    except Exception:
        return True                   # not openable: the reader reports that, not this check
    try:
        return bool(raw.FPDF_DocumentHasValidCrossReferenceTable(doc.raw))
    finally:
        doc.close()


def _short(item) -> str:
    """qpdf's message without the name of the in-memory stream it starts with."""
    return re.sub(r"^stream <[^>]*>[,:]?\s*", "", str(item))[:160]


def _duplicates(pdf, pages: list, said: list[str]) -> list[Damage]:
    """A page object listed twice in the page tree. qpdf turns the second listing into a copy as it opens
    the file, warning 'object 3 0 ...: kid 13 (from 0) appears more than once': that node's kid is the
    copy. Distinct page objects that share one content stream (a merged file) are not repeats."""
    index = {page.objgen: number for number, page in enumerate(pages, start=1)}
    out: list[Damage] = []
    for text in said:
        m = _REPEAT.search(text)
        if not m:
            continue
        try:
            copy = pdf.get_object((int(m.group(1)), int(m.group(2)))).Kids[int(m.group(3))]
        except Exception:
            continue
        number = index.get(copy.objgen)
        if number is None:
            continue
        contents = copy.get("/Contents")
        same = [n for n, page in enumerate(pages[:number - 1], start=1)
                if contents is not None and page.get("/Contents") is not None
                and page.get("/Contents").objgen == contents.objgen]
        of = f"page {same[0]}" if same else "an earlier page"
        out.append(Damage("page_duplicate", f"page {number} repeats {of} (the same page object listed twice)",
                          number))
    return out


_REPEAT = re.compile(r"object (\d+) (\d+) at offset \d+: kid (\d+) \(from \d+\) appears more than once")


class _Checker:
    """Decodes each stream a page draws from once (resources are shared), noting qpdf's complaints:
    an exception, or a warning raised while decoding (a truncated deflate stream only warns)."""

    def __init__(self, pdf):
        self.pdf = pdf
        self.verdicts: dict[tuple[int, int], str | None] = {}

    def page(self, page) -> str | None:
        contents = page.get("/Contents")
        streams = list(contents) if _is_array(contents) else ([contents] if contents is not None else [])
        for stream in streams:
            problem = self.stream(stream, content=True)
            if problem:
                return problem
        return self.resources(page.get("/Resources"), 0)

    def resources(self, resources, depth: int) -> str | None:
        if resources is None or depth > _MAX_DEPTH or not hasattr(resources, "get"):
            return None
        xobjects = resources.get("/XObject")
        for obj in (xobjects.values() if hasattr(xobjects, "values") else []):
            if not hasattr(obj, "get"):
                return "an image or form the page draws is lost (its object is null)"
            problem = self.stream(obj)
            if not problem and obj.get("/Subtype") == "/Form":
                problem = self.resources(obj.get("/Resources"), depth + 1)
            if problem:
                return problem
        fonts = resources.get("/Font")
        for font in (fonts.values() if hasattr(fonts, "values") else []):
            if not hasattr(font, "get"):
                return "a font the page uses is lost (its object is null)"
            problem = self.stream(font.get("/ToUnicode"))       # the text a reader extracts
            if problem:
                return problem
        return None

    def stream(self, stream, content: bool = False) -> str | None:
        """Why the stream does not decode, or None; JPEG data goes to libjpeg, other specialised
        filters (JPX, JBIG2, CCITT) are not checked. A page's content stream that decodes is also
        looked at for a block of zero bytes (``_ZEROS``)."""
        import pikepdf
        if not isinstance(stream, pikepdf.Stream):
            return None
        key = stream.objgen
        if key != (0, 0) and key in self.verdicts:
            return self.verdicts[key]
        filters = stream.get("/Filter")
        names = [str(f) for f in filters] if _is_array(filters) else ([str(filters)] if filters is not None else [])
        before = len(self.pdf.get_warnings())
        verdict, zeroed = None, False
        try:
            if names and names[-1] in _JPEG and all(n in _GENERAL for n in names[:-1]):
                data = stream.read_bytes(decode_level=pikepdf.StreamDecodeLevel.generalized) if names[:-1] \
                    else stream.read_raw_bytes()
                verdict = _jpeg_problem(data)
            elif all(n in _GENERAL for n in names):
                data = stream.read_bytes(decode_level=pikepdf.StreamDecodeLevel.generalized)
                verdict = _inflate_problem(stream.read_raw_bytes(), names)
                zeroed = content and _ZEROS in data
        except Exception as exc:
            verdict = _short(exc)
        said = self.pdf.get_warnings()[before:]
        verdict = verdict or (_short(said[0]) if said else None) or (_ZEROED if zeroed else None)
        if key != (0, 0):
            self.verdicts[key] = verdict
        return verdict


# A run of zero bytes inside a content stream that decodes: a block of the file overwritten. PDF takes
# NUL for white space, so the page parses, draws what is left and no decoder complains; no operator or
# operand a writer puts in a content stream is 64 zero bytes long.
_ZEROS = bytes(64)
_ZEROED = "a block of zero bytes in the page's content stream"


def _inflate_problem(data: bytes, names: list[str]) -> str | None:
    """zlib's own verdict on a deflate stream, checksum included: qpdf inflates a stream whose bytes
    were changed into garbage without a word when the damage happens to stay valid deflate."""
    if "/FlateDecode" not in names and "/Fl" not in names:
        return None
    for name in names:
        if name in ("/FlateDecode", "/Fl"):
            break
        if name in ("/ASCII85Decode", "/A85"):
            text = re.sub(rb"\s", b"", data)
            text = text[2:] if text.startswith(b"<~") else text
            data = base64.a85decode(text[:-2] if text.endswith(b"~>") else text)
        elif name in ("/ASCIIHexDecode", "/AHx"):
            text = re.sub(rb"\s", b"", data).rstrip(b">")
            data = bytes.fromhex((text + b"0" * (len(text) % 2)).decode("ascii"))
        else:
            return None                  # LZW or run-length before deflate: left to qpdf
    inflate = zlib.decompressobj()
    try:
        inflate.decompress(data)
    except zlib.error as exc:
        return f"deflate data does not decode: {exc}"
    return None if inflate.eof else "deflate data ends before the end of the stream"


def _jpeg_problem(data: bytes) -> str | None:
    """libjpeg's complaint about a JPEG, or None. It only prints corrupt-data warnings to stderr (fd 2),
    so fd 2 goes to a temporary file for the call."""
    import cv2
    import numpy as np
    with tempfile.TemporaryFile() as err:
        saved = os.dup(2)
        try:
            os.dup2(err.fileno(), 2)
            image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_REDUCED_GRAYSCALE_2)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        err.seek(0)
        said = err.read(2000).decode("utf-8", "replace")
    if image is None:
        return "JPEG image does not decode"
    lines = [line.strip() for line in said.splitlines() if "JPEG" in line or "jpeg" in line]
    return lines[0][:160] if lines else None


def _is_array(obj) -> bool:
    import pikepdf
    return isinstance(obj, pikepdf.Array)

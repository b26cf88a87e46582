"""Only pages that need OCR pay for it (#12): a page whose only image is a cover photo or a chart is
not read by OCR and never loads the engine; every page of a scan still is, tables, prose and covers
alike; text-layer pages of the real corpus never get near it."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import CORPUS, REAL, ROOT, corpus_pdf

SAMPLES = ROOT / "samples"
SCANNED = [SAMPLES / "putuo_2025_budget_scanned.pdf", SAMPLES / "putuo_2024_final_scanned.pdf"]
TEXT = [SAMPLES / "putuo_2025_budget.pdf", SAMPLES / "putuo_2024_final.pdf"]


@pytest.fixture
def no_engine(monkeypatch):
    """The OCR engine may not be made; ``made`` counts attempts (the engine module state is reset)."""
    from extractor.read import ocr
    made = []

    class Forbidden:
        def __init__(self):
            made.append(1)
            raise AssertionError("the OCR engine was constructed")

    monkeypatch.setattr(ocr, "_ENGINE", None)
    monkeypatch.setattr(ocr, "OcrEngine", Forbidden)
    return made


def _cover_pdf(tmp: Path, jpeg: bytes | None = None) -> Path:
    sys.path.insert(0, str(SAMPLES))
    from cover import with_cover
    return with_cover(TEXT, tmp / "text_with_cover.pdf", jpeg)


def _image_page_pdf(tmp: Path, images: list[np.ndarray], name: str) -> Path:
    """One A4 page per image, the image alone on it, scaled to the page width."""
    import pypdfium2 as pdfium
    out = pdfium.PdfDocument.new()
    try:
        for arr in images:
            h, w = arr.shape[:2]
            pw = 595.0
            ph = min(842.0, pw * h / w)
            page = out.new_page(595.0, 842.0)
            image = pdfium.PdfImage.new(out)
            image.set_bitmap(_bitmap(arr))
            image.set_matrix(pdfium.PdfMatrix().scale(pw, ph).translate(0, 842.0 - ph))
            page.insert_obj(image)
            page.gen_content()
            page.close()
        path = tmp / name
        out.save(str(path))
    finally:
        out.close()
    return path


def _bitmap(arr: np.ndarray):
    import pypdfium2 as pdfium
    from PIL import Image
    return pdfium.PdfBitmap.from_pil(Image.fromarray(arr).convert("RGB"))


def _charts() -> list[np.ndarray]:
    """A pie chart with a legend and a bar chart with grid lines and labels, as offices paste them."""
    import cv2
    pie = np.full((600, 1000, 3), 255, np.uint8)
    cv2.ellipse(pie, (300, 320), (220, 220), 0, 0, 260, (190, 120, 60), -1)
    cv2.ellipse(pie, (300, 320), (220, 220), 0, 260, 360, (60, 60, 200), -1)
    cv2.putText(pie, "Budget 2025", (330, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.4, (0, 0, 0), 3)
    for k, label in enumerate(["Basic 73%", "Project 27%"]):
        cv2.rectangle(pie, (620, 250 + 60 * k), (650, 280 + 60 * k), ((190, 120, 60), (60, 60, 200))[k], -1)
        cv2.putText(pie, label, (665, 276 + 60 * k), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (40, 40, 40), 2)
    bars = np.full((600, 1000, 3), 255, np.uint8)
    for k in range(6):
        y = 520 - 80 * k
        cv2.line(bars, (100, y), (950, y), (200, 200, 200), 2)
        cv2.putText(bars, f"{50 * k}", (30, y + 8), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (60, 60, 60), 2)
    for k, hgt in enumerate([300, 180, 360, 90, 240]):
        x = 160 + 160 * k
        cv2.rectangle(bars, (x, 520 - hgt), (x + 70, 520), (200, 130, 50), -1)
        cv2.putText(bars, f"{hgt / 10:.1f}", (x + 5, 510 - hgt), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 0, 0), 2)
        cv2.putText(bars, f"Q{k + 1}", (x + 15, 560), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (0, 0, 0), 2)
    return [pie, bars]


# ------------------------------------------------------------------------------------------ no OCR
def test_text_pdf_with_a_cover_photo_never_loads_the_engine(tmp_path, no_engine):
    from extractor.pipeline import extract
    from extractor.read import ocr
    pdf = _cover_pdf(tmp_path)
    before = ocr.TIMING.pages
    doc = extract(pdf)
    assert not no_engine and ocr._ENGINE is None
    assert ocr.TIMING.pages == before                   # not even rendered for OCR
    assert doc.source.pages == 24
    from extractor.write import document_json
    got = json.loads(document_json(doc))
    text = [json.loads(document_json(extract(p))) for p in TEXT]
    assert [t["type"] for t in got["tables"]] == [t["type"] for d in text for t in d["tables"]]
    def rows(tables):                       # the same rows, one page later behind the cover
        return [[{k: v for k, v in r.items() if k != "page"} for r in t["rows"]] for t in tables]
    assert rows(got["tables"]) == rows(t for d in text for t in d["tables"])


def test_the_cover_page_is_judged_a_picture(tmp_path):
    import pypdfium2 as pdfium
    from extractor.read.pdfium_reader import _needs_ocr
    from extractor.read.route import look
    doc = pdfium.PdfDocument(str(_cover_pdf(tmp_path)))
    try:
        seen = look(doc[0])
        assert seen.picture > 0.3 and not seen.document
        assert not _needs_ocr(doc[0], [])
    finally:
        doc.close()


def test_a_page_whose_only_image_is_a_chart_is_not_read(tmp_path, no_engine):
    import pypdfium2 as pdfium
    from extractor.read.pdfium_reader import PdfiumReader, _needs_ocr
    pdf = _image_page_pdf(tmp_path, _charts(), "charts.pdf")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert [_needs_ocr(doc[i], []) for i in range(len(doc))] == [False, False]
    finally:
        doc.close()
    reader = PdfiumReader(pdf.read_bytes())
    try:
        assert not any(reader.page(i).ocr for i in range(reader.page_count))
    finally:
        reader.close()
    assert not no_engine


def test_real_charts_alone_on_a_page_are_not_read(tmp_path):
    """The charts the corpus draws as images (pies, bars; 西安, 苏州), each put alone on a page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from extractor.read.pdfium_reader import _needs_ocr
    images = []
    for rel, page_no in [("西安/2026年西安市财政局部门预算.pdf", 15), ("西安/2026年西安市财政局部门预算.pdf", 9),
                         ("西安/卫生健康委员会_2026年部门预算.pdf", 10), ("西安/医疗保障局_2026年部门预算.pdf", 16),
                         ("苏州/2026年苏州市数据局部门预算.pdf", 32)]:
        src = pdfium.PdfDocument(str(corpus_pdf(rel)))
        try:
            page = src[page_no - 1]
            for obj in page.get_objects(max_depth=2):
                if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
                    images.append(np.asarray(obj.get_bitmap(render=False).to_pil().convert("RGB")))
        finally:
            src.close()
    assert len(images) >= 5
    doc = pdfium.PdfDocument(str(_image_page_pdf(tmp_path, images, "real_charts.pdf")))
    try:
        sent = [i + 1 for i in range(len(doc)) if _needs_ocr(doc[i], [])]
    finally:
        doc.close()
    assert sent == []


def test_text_layer_pages_of_the_real_corpus_are_never_read_by_ocr(no_engine):
    """Every page of ../shared/real and of the corpus files that draw images (charts, title images)."""
    from extractor.read.pdfium_reader import PdfiumReader
    files = sorted(REAL.glob("*.pdf")) + [CORPUS / rel for rel in (
        "西安/2026年西安市财政局部门预算.pdf", "江苏省政协办公厅/江苏省政协办公厅2019年度部门预算.pdf",
        "苏州/2026年苏州市数据局部门预算.pdf", "北京/2026年北京市人民政府办公厅部门预算.pdf")]
    files = [f for f in files if f.is_file()]
    if not files:
        pytest.skip(f"real corpus not available: {REAL} (tests read ../shared beside the checkout)")
    read = 0
    for f in files:
        reader = PdfiumReader(f.read_bytes())
        try:
            for i in range(reader.page_count):
                assert not reader.page(i).ocr, f"{f.name} p. {i + 1}"
                read += 1
        finally:
            reader.close()
    assert read > 300 and not no_engine


# ------------------------------------------------------------------------------------------ still OCR
@pytest.mark.parametrize("pdf", SCANNED, ids=lambda p: p.stem)
def test_every_page_of_a_scan_is_still_read(pdf):
    """Tables, prose pages and the cover of the scanned samples all go to OCR."""
    import pypdfium2 as pdfium
    from extractor.read.pdfium_reader import _needs_ocr
    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert [i + 1 for i in range(len(doc)) if not _needs_ocr(doc[i], [])] == []
    finally:
        doc.close()


def test_an_image_only_table_page_is_read_by_ocr(tmp_path):
    """One scanned table page alone in a PDF: routed to OCR, read, its table found."""
    import pypdfium2 as pdfium
    from extractor.pipeline import extract
    src, out = pdfium.PdfDocument(str(SCANNED[0])), pdfium.PdfDocument.new()
    try:
        out.import_pages(src, [3])
        out.save(str(tmp_path / "one.pdf"))
    finally:
        out.close()
        src.close()
    from extractor.read.pdfium_reader import PdfiumReader
    reader = PdfiumReader((tmp_path / "one.pdf").read_bytes())
    try:
        page = reader.page(0)
        assert page.ocr and sum(c.text.isdigit() for c in page.chars) > 50
    finally:
        reader.close()
    golden = json.loads((ROOT / "golden" / "putuo_2025_budget_scanned.json").read_text(encoding="utf-8"))
    want = [t["type"] for t in golden["tables"] if 4 in t["pages"]]
    assert want and [t.type for t in extract(tmp_path / "one.pdf").tables] == want


def test_a_table_beside_a_chart_is_still_read():
    """A picture page that also carries a ruled table (cells side by side) or many lines of text."""
    from extractor.read.route import Look
    assert Look(picture=0.2, cells=2).document and Look(picture=0.2, rows=8).document
    assert not Look(picture=0.2, rows=3, cells=1).document
    assert Look(picture=0.0, pieces=3).document and not Look(picture=0.0, pieces=0).document

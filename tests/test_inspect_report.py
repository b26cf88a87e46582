"""The review tools: page overlays (a text page and a scanned page), the batch HTML report over the
samples plus a damaged file and a file whose printed numbers break a sum, opened in headless Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from extractor.review.inspect import COLOURS, overlay, page_view

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@lru_cache(maxsize=None)
def _doc(path: str):
    from extractor.pipeline import extract
    return extract(path)


def _row_pixels_drawn(image, doc, page: int, pdf: Path | None = None) -> tuple[int, int]:
    """(rows whose left edge is drawn in their state's colour, rows on the page)."""
    view = page_view(doc, page)
    w, h = _page_size(doc, page, pdf)
    sx, sy = image.width / w, image.height / h
    hits = 0
    for state, (x0, top, x1, bottom) in view.rows:
        px = image.getpixel((int(x0 * sx) + 1, int((top + bottom) / 2 * sy)))
        hits += all(abs(a - b) <= 40 for a, b in zip(px, COLOURS[state]))
    return hits, len(view.rows)


def _page_size(doc, page, path: Path | None = None):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path or SAMPLES / doc.source.file))
    try:
        return pdf[page - 1].get_size()
    finally:
        pdf.close()


def test_overlay_of_a_text_page(tmp_path):
    pdf = SAMPLES / "jiyuan_2020_budget.pdf"
    doc = _doc(str(pdf))
    image = overlay(doc, pdf, 3, dpi=100)
    out = tmp_path / "p3.png"
    image.save(out)
    w, h = _page_size(doc, 3)
    assert abs(image.width - w * 100 / 72) <= 1 and abs(image.height - h * 100 / 72) <= 1
    hits, rows = _row_pixels_drawn(image, doc, 3)
    assert rows == 12 and hits == rows                      # every row of 部门支出总体情况表 boxed in green
    assert {s for s, _ in page_view(doc, 3).rows} == {"read"}


def test_overlay_of_a_scanned_page_marks_ocr_lines(tmp_path):
    import pikepdf
    pdf = tmp_path / "scan.pdf"                  # one page (收入总表, p. 5) of the scan: one page to OCR
    with pikepdf.open(SAMPLES / "putuo_2025_budget_scanned.pdf") as whole:
        del whole.pages[5:]
        del whole.pages[:4]
        whole.save(pdf)
    doc = _doc(str(pdf))
    page = 1
    from extractor.review.inspect import read_page
    content = read_page(pdf, page)
    assert content.ocr
    image = overlay(doc, pdf, page, dpi=80, content=content)
    image.save(tmp_path / "scan.png")
    w, h = _page_size(doc, page, pdf)
    assert abs(image.width - w * 80 / 72) <= 1 and abs(image.height - h * 80 / 72) <= 1
    hits, rows = _row_pixels_drawn(image, doc, page, pdf)
    assert rows >= 5 and hits >= 0.9 * rows
    assert len(page_view(doc, page, content).ocr_lines) >= rows      # the lines OCR read are drawn too


def broken_sum_pdf(src: Path, dst: Path, old: bytes = b"(12,373.4)", new: bytes = b"(12,383.4)") -> None:
    """The sample with one printed amount changed (行政运行 合计 12,373.4 -> 12,383.4): its row no
    longer equals 基本支出 + 项目支出 and the unit total no longer equals its class rows."""
    import pikepdf
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            data = page.Contents.read_bytes()
            if old in data:
                page.Contents.write(data.replace(old, new, 1))
                break
        pdf.save(dst)


@pytest.fixture(scope="module")
def batch_report(tmp_path_factory):
    from extractor.batch import run_batch
    from extractor.review.report import build_report
    from test_damage import zeroed          # tests/ is on sys.path under pytest (no package)
    tmp = tmp_path_factory.mktemp("report")
    src = tmp / "in"
    (src / "济源").mkdir(parents=True)
    (src / "普陀").mkdir()
    shutil.copy(SAMPLES / "jiyuan_2020_budget.pdf", src / "济源")
    shutil.copy(SAMPLES / "putuo_2025_budget.pdf", src / "普陀")
    shutil.copy(SAMPLES / "putuo_2024_final.pdf", src / "普陀")
    broken_sum_pdf(SAMPLES / "jiyuan_2020_budget.pdf", src / "济源" / "改过的数.pdf")
    blob, _ = zeroed(SAMPLES / "putuo_2025_budget.pdf")
    (src / "普陀" / "damaged.pdf").write_bytes(blob)
    (src / "not a pdf.pdf").write_bytes(b"hello")
    summary = run_batch(src, tmp / "out", workers=2, timeout=300)
    html = build_report(tmp / "out", src)
    (tmp / "report.html").write_text(html, encoding="utf-8")
    return tmp / "report.html", html, {r["file"]: r for r in summary.results}


def test_report_lists_every_file_with_status_and_the_failing_check(batch_report):
    path, html, results = batch_report
    assert results["普陀/damaged.pdf"]["status"] == "partial"
    assert results["not a pdf.pdf"]["status"] == "failed"
    for name in results:
        assert html.count(f"<b>{name}</b>") == 1, name
    assert 'data-status="partial"' in html and 'data-status="failed"' in html
    block = html[html.index("<b>济源/改过的数.pdf</b>"):]
    block = block[:block.index("</details>\n")]
    assert "total = basic + project" in block and "printed 12383.4, sum 12373.4" in block
    assert '<td class="total">12383.4</td>' in block and '<td class="part">12373.4</td>' in block
    assert block.count('src="data:image/jpeg;base64,') >= 1
    assert "http://" not in html and "https://" not in html          # nothing to fetch
    assert path.stat().st_size < 2_000_000


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_report_opens_in_headless_chromium(batch_report, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium with apt-get)")
    path = batch_report[0]
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
           f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(cmd + ["--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert re.search(r'id="shown">6 files shown<', dom), dom[:2000]           # the script ran: file list
    assert "<b>济源/改过的数.pdf</b>" in dom and "total = basic + project" in dom  # the failing check
    crops = re.search(r'data-crops-shown="(\d+)"', dom)
    assert crops and int(crops.group(1)) >= 1                                 # its crop decoded and shown
    shot = tmp_path / "shot.png"
    subprocess.run(cmd + ["--window-size=1200,1600", f"--screenshot={shot}", path.as_uri()],
                   capture_output=True, timeout=120)
    from PIL import Image
    image = Image.open(shot).convert("RGB")
    red = sum(1 for x in range(0, image.width, 4) for y in range(0, image.height, 4)
              if image.getpixel((x, y))[0] > 200 and image.getpixel((x, y))[1] < 80)
    assert red > 50                                       # the failing check's red marks are on screen


def test_cli_inspect_and_report(batch_report, tmp_path):
    pdf = SAMPLES / "jiyuan_2020_budget.pdf"
    run = subprocess.run([sys.executable, "-m", "extractor.cli", "inspect", str(pdf), "--page", "4", "-o",
                          str(tmp_path / "p4.png")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "appropriation_summary" in run.stderr and (tmp_path / "p4.png").stat().st_size > 10_000
    out = batch_report[0].parent / "out"
    run = subprocess.run([sys.executable, "-m", "extractor.cli", "report", str(out), "-o",
                          str(tmp_path / "r.html")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "改过的数.pdf" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_overlay_marks_the_cells_of_a_failing_check(tmp_path):
    pdf = tmp_path / "broken.pdf"
    broken_sum_pdf(SAMPLES / "jiyuan_2020_budget.pdf", pdf)
    doc = _doc(str(pdf))
    from extractor.review.inspect import read_page
    content = read_page(pdf, 3)
    view = page_view(doc, 3, content)
    row = next(r for t in doc.tables for r in t.rows if r.code == "2040201")
    totals = [box for role, box in view.cells if role == "total"]
    assert any(b[1] >= row.bbox[1] and b[3] <= row.bbox[3] for b in totals)     # 12,383.4 in 行政运行's row
    image = overlay(doc, pdf, 3, dpi=100, content=content)
    b = next(b for b in totals if b[1] >= row.bbox[1] and b[3] <= row.bbox[3])
    w, h = _page_size(doc, 3, pdf)
    px = image.getpixel((int(b[0] * image.width / w) + 1, int((b[1] + b[3]) / 2 * image.height / h)))
    assert px[0] > 180 and px[1] < 90                                            # drawn red

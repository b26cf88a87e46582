"""The bundled samples (samples/generate.py): goldens come back byte for byte from the generator's data
without the font, every sample has its golden, scanned twins carry no text, and the extractor reads
every text sample's financial tables as its golden says."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOLDEN, ROOT

SAMPLES = ROOT / "samples"
GENERATE = SAMPLES / "generate.py"
PDFS = sorted(p for p in SAMPLES.glob("*.pdf") if "_office" not in p.stem)   # office scans: test_ocr_office
TEXT = [p for p in PDFS if not p.stem.endswith("_scanned")]
SCANNED = [p for p in PDFS if p.stem.endswith("_scanned")]

# Text samples whose financial tables the extractor does not read as the golden says yet (the diff
# lines are in the reason). strict: the test fails once they pass, so the mark comes off then.
def golden_of(pdf: Path) -> dict:
    return json.loads((GOLDEN / f"{pdf.stem}.json").read_text(encoding="utf-8"))


def test_goldens_regenerate_byte_for_byte_without_the_font(tmp_path):
    out = tmp_path / "goldens"
    env = dict(os.environ, BUDGET_SAMPLES_FONT=str(tmp_path / "no-such-font.ttc"))   # the font is not needed
    res = subprocess.run([sys.executable, str(GENERATE), "--goldens-only", "--out", str(out)],
                         capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    made = sorted(p.name for p in out.glob("*.json"))
    committed = sorted(p.name for p in GOLDEN.glob("*.json"))
    assert made == committed
    changed = [name for name in made if (out / name).read_bytes() != (GOLDEN / name).read_bytes()]
    assert not changed, f"goldens differ from what samples/generate.py writes: {changed}"


def test_every_sample_pdf_has_its_golden_and_back():
    assert TEXT and SCANNED
    goldens = sorted(p.stem for p in GOLDEN.glob("*.json"))
    # a scanned twin too large to commit is drawn on demand from its committed text PDF
    drawable = {g for g in goldens if g.endswith("_scanned") and (SAMPLES / f"{g[:-len('_scanned')]}.pdf").is_file()}
    drawable |= {g for g in goldens if g.endswith("_office") and (SAMPLES / f"{g[:-len('_office')]}.pdf").is_file()}
    assert sorted({p.stem for p in PDFS} | drawable) == goldens
    for pdf in PDFS:
        assert golden_of(pdf)["source"]["file"] == pdf.name


@pytest.mark.parametrize("pdf", SCANNED, ids=lambda p: p.stem)
def test_scanned_twin_is_image_only_with_the_text_pdfs_pages(pdf):
    import pypdfium2 as pdfium
    twin = SAMPLES / (pdf.stem[: -len("_scanned")] + ".pdf")
    scanned, text = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument(str(twin))
    try:
        assert len(scanned) == len(text)
        assert all(scanned[i].get_textpage().count_chars() == 0 for i in range(len(scanned)))
        assert all(abs(a - b) < 0.01 for i in range(len(text)) for a, b in zip(scanned[i].get_size(), text[i].get_size()))
    finally:
        scanned.close()
        text.close()
    golden, text_golden = golden_of(pdf), golden_of(twin)
    assert golden["source"]["file"] == pdf.name
    text_golden["source"]["file"] = pdf.name
    assert golden == text_golden


def financial_diff(pdf: Path) -> list[str]:
    """Diff lines of the financial tables (performance tables are compared in test_performance)."""
    from extractor.compare import diff_documents
    from extractor.pipeline import extract
    from extractor.write import document_json

    golden = golden_of(pdf)
    golden.pop("performance", None)
    out = json.loads(document_json(extract(pdf)))
    out.pop("performance", None)
    return diff_documents(out, golden)


@pytest.mark.parametrize("pdf", TEXT, ids=lambda p: p.stem)
def test_extractor_reads_the_financial_tables_of_each_text_sample(pdf):
    assert financial_diff(pdf) == []


def test_eval_scores_every_text_sample_perfect(tmp_path):
    """`eval` over the text samples: every table found with its type, every numeric cell right."""
    from extractor.compare.evaluate import evaluate
    from extractor.pipeline import extract
    from extractor.write import document_json
    pred, gold = tmp_path / "pred", tmp_path / "gold"
    pred.mkdir()
    gold.mkdir()
    for pdf in TEXT:
        (pred / f"{pdf.stem}.json").write_text(document_json(extract(pdf)), encoding="utf-8")
        (gold / f"{pdf.stem}.json").write_text(json.dumps(golden_of(pdf), ensure_ascii=False), encoding="utf-8")
    files, overall = evaluate(pred, gold)
    assert len(files) == len(TEXT) >= 4
    assert overall["tables"]["f1"] == 1.0 and overall["cells"]["f1"] == 1.0
    assert overall["cells"]["gold"] > 600 and overall["checks_failed"] == 0

"""Every printed amount is held by a field of the output or listed in ``Document.unaccounted``, and the
verdict says what a researcher may trust. The sample's expectations come from samples/accounting.py."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from extractor.pipeline import extract

from conftest import CORPUS, corpus_pdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples"))
import accounting as sample     # noqa: E402

SAMPLE = ROOT / "samples" / "accounting_pages" / "accounting.pdf"


@pytest.fixture(scope="module")
def doc():
    return extract(SAMPLE)


def test_lost_right_hand_columns_are_listed_exactly(doc):
    """The 项目支出 and 上年结转 amounts printed beyond the ruling, and nothing else, are unaccounted."""
    listed = [(u.page, u.text) for u in doc.unaccounted]
    assert Counter(listed) == Counter((1, text) for text in sample.LOST)
    by_page = {w.page: w.message for w in doc.warnings if w.code == "amounts_unaccounted"}
    assert list(by_page) == [1] and by_page[1].startswith(f"{len(sample.LOST)} ")
    nears = {u.text: u.near for u in doc.unaccounted}
    assert nears["220.00"].endswith("社会保障和就业支出") and nears["540.30"].endswith("/ 合计")


def test_codes_column_numbers_dates_percentages_are_not_listed(doc):
    """Page 2 prints 30201.00 codes, a 栏次 row, 2025.01 至 2025.12, 95.50 % and a phone number."""
    assert not [u for u in doc.unaccounted if u.page == 2]
    second = next(t for t in doc.tables if t.pages == [2])
    assert second.verdict.status == "verified"


def test_verdicts(doc):
    """The table that lost columns is incomplete (not merely inconsistent), and so is the document."""
    first = next(t for t in doc.tables if t.pages == [1])
    assert first.verdict.status == "incomplete"
    assert first.verdict.reasons[0] == f"{len(sample.LOST)} printed amounts unaccounted"
    assert doc.verdict.status == "incomplete"


def _zeroed_copy(src: Path, dst: Path, offset: int, size: int) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[:offset] + bytes(size) + data[offset + size:])
    return dst


@pytest.mark.parametrize("rel, offset, size", [
    # a block of zeros that leaves every page's text objects with no character: today 0 tables, `ok`
    ("上海/2026年上海市工业和信息化局_部门预算.pdf", 91618, 512),
    # a block of zeros inside a content stream: PDFium reads NUL as white space and draws the rest
    ("重庆/2026年重庆市规划和自然资源局部门预算.pdf", 129815, 512),
])
def test_damaged_corpus_file_is_incomplete(tmp_path, rel, offset, size):
    intact = corpus_pdf(rel)
    doc = extract(_zeroed_copy(intact, tmp_path / "damaged.pdf", offset, size))
    assert doc.verdict.status == "incomplete"
    assert any(w.code in ("page_damaged", "page_blank") for w in doc.warnings) or doc.unaccounted


def test_corpus_amounts_found_nowhere_are_unaccounted(corpus_out):
    """Every amount bench/corpus_residuals.py finds printed on a page and nowhere in the JSON is listed
    in ``unaccounted`` on its page; listed amounts the JSON does hold (false alarms) stay under 0.1% of
    the printed amounts."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_corpus import _page_amounts, _printed
    from corpus_residuals import _json_amounts, residuals
    pa = _page_amounts()
    cache: dict = {}                # each PDF's printed amounts read once, for both uses below
    missing, false_alarms, printed = [], 0, 0
    for pdf in sorted(CORPUS.glob("*/*.pdf")):
        out = corpus_out / pdf.relative_to(CORPUS).with_suffix(".json")
        if not out.is_file():
            continue
        data = json.loads(out.read_text(encoding="utf-8"))
        strict, _ = _printed(pa, pdf, cache)
        printed += sum(strict.values())
        _, nowhere, _ = residuals(pa, pdf, out, cache)
        listed = Counter((u["page"], pa.norm(u["text"])) for u in data["unaccounted"])
        held = _json_amounts(pa, {k: v for k, v in data.items() if k != "unaccounted"})
        for page, value, n in nowhere:
            if any(abs(q - page) <= 1 for q in held.get(-pa.norm(value), ())):
                continue            # a change printed unsigned after 减少: the fact holds it signed
            if listed[(page, pa.norm(value))] < n:
                missing.append((pdf.name, page, value))
        false_alarms += sum(n for (page, value), n in listed.items()
                            if any(abs(q - page) <= 1 for q in held.get(value, ())))
    assert missing == []
    assert false_alarms < 0.001 * printed


def test_batch_summary_export_and_report_carry_the_verdict(tmp_path):
    """`_summary.csv` gains verdict and reasons, the tidy export the verdict of each number's table (and
    --verified-only keeps only verified tables), `report --verdict` only the files with that verdict."""
    import csv
    import shutil
    from extractor.batch.run import run_batch
    from extractor.review.report import build_report
    from extractor.write.tidy import export
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "accounting.pdf")
    summary = run_batch(src, tmp_path / "out", workers=1, force=True)
    assert summary.verdicts()["incomplete"] == 1
    with open(tmp_path / "out" / "_summary.csv", encoding="utf-8") as fh:
        row = next(csv.DictReader(fh))
    assert row["verdict"] == "incomplete"
    assert row["reasons"].startswith(f"{len(sample.LOST)} printed amounts unaccounted on 1 pages")
    export(tmp_path / "out", tmp_path / "all.csv")
    with open(tmp_path / "all.csv", encoding="utf-8") as fh:
        verdicts = Counter((r["page"], r["verdict"]) for r in csv.DictReader(fh))
    assert verdicts == {("1", "incomplete"): 6, ("2", "verified"): len(sample.SMALL)}
    export(tmp_path / "out", tmp_path / "verified.csv", verified_only=True)
    with open(tmp_path / "verified.csv", encoding="utf-8") as fh:
        kept = [(r["name"], float(r["value"])) for r in csv.DictReader(fh)]
    assert kept == [(name, float(value)) for _, name, value in sample.SMALL]
    page = build_report(tmp_path / "out", src, {"incomplete"})
    assert 'data-verdict="incomplete"' in page and f"{len(sample.LOST)} printed amounts unaccounted" in page
    assert "220.00 (near" in page
    assert 'data-verdict=' not in build_report(tmp_path / "out", src, {"verified"})


def test_another_layout_corroborates_a_publication_error():
    """北京 医疗保障局: 03表 支出总表 p3 and 05表 一般公共预算支出表 p6 both print a 项目支出 合计 of
    99,735.06 over rows summing 17,956.06 (read off the pages by hand, tests/test_corpus_regression.py)."""
    from conftest import corpus_doc
    doc = corpus_doc("北京/医疗保障局_2026年部门预算.pdf")
    for kind, page, other in (("expenditure", 3, "general_budget_expenditure p6"),
                              ("general_budget_expenditure", 6, "expenditure p3")):
        table = next(t for t in doc.tables if t.type == kind and t.pages[0] == page)
        check = next(c for c in table.checks if c.rule == "total_row = sum(item rows)")
        assert check.status == "publication_error"
        assert "printed 99735.061373, sum 17956.061373" in check.detail
        assert check.evidence.startswith(other) and "by the same 81779 " in check.evidence


def test_the_same_grid_printed_twice_corroborates_nothing():
    """Two tables with the same columns and rows fail the same way when the reading is wrong: neither
    makes the other's failure the publication's."""
    from extractor.models import Check, Column, Document, Row, Source, Table
    from extractor.reconcile.tables.corroborate import corroborate

    def table(kind: str, page: int) -> Table:
        rows = [Row(kind="total", name="合计", values={"total": 10}, page=page, bbox=(0, 0, 1, 1)),
                Row(kind="item", code="201", name="一般公共服务支出", values={"total": 7}, page=page, bbox=(0, 1, 1, 2))]
        return Table(type=kind, pages=[page], rows=rows, columns=[Column(id="total", key="total", label="合计", score=100)],
                     checks=[Check(rule="total_row = sum(item rows)", status="fail",
                                   detail="合计 [total] printed 10, sum 7.00")])
    doc = Document(extractor_version="t", source=Source(file="x.pdf", sha256="0", pages=2),
                   tables=[table("expenditure", 1), table("general_budget_expenditure", 2)])
    assert corroborate(doc, []) == 0 and {c.status for t in doc.tables for c in t.checks} == {"fail"}
    doc.tables[1].rows[1].name = "公共安全支出"          # another grid: the same gap now corroborates
    doc.tables[1].rows[1].code = "204"
    assert corroborate(doc, []) == 2

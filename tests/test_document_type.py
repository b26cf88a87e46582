"""Document types from the document's own pages (issue 23): the junk a scraper saves under budget names
is set aside, every real disclosure gets its type with 预算 / 决算 as its cover or titles print it.

Material: ../shared/junk (EXPECTED.tsv gives each file's type), ../shared/corpus and ../shared/real.
"""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REAL, ROOT, extracted

JUNK = CORPUS.parent / "junk"
DISCLOSURE_TYPES = {"department_budget", "unit_budget", "department_final", "unit_final"}
# the fast text files of the crawl go through a whole batch; the scanned ones (and the one whose page 2
# is damaged and read by OCR) are typed from their first page, which is all the decision needs
SLOW = ("scanned", "damaged")
# two small corpus budgets beside the junk in the mixed batch
MIXED_CORPUS = ["江苏省政协办公厅/2017年度部门预算公开表.pdf", "上海/2026年上海市工业和信息化局_部门预算.pdf"]


def _expected() -> list[tuple[str, str, str]]:
    path = JUNK / "EXPECTED.tsv"
    if not path.is_file():
        pytest.skip(f"junk material not available: {path}")
    with open(path, encoding="utf-8") as fh:
        return [(r["file"], r["expected_type"], r["what it is (the crawl saved it under this budget-like name)"])
                for r in csv.DictReader(fh, delimiter="\t")]


def _expected_or_empty() -> list[tuple[str, str, str]]:
    try:
        return _expected()
    except pytest.skip.Exception:
        return []


def _fast() -> list[tuple[str, str, str]]:
    return [e for e in _expected() if not any(w in e[2] for w in SLOW)]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tuple[Path, object]:
    """A scraped folder: the junk text files beside two corpus budgets, through `batch` (links, no copies)."""
    fast = _fast()
    for rel in MIXED_CORPUS:
        if not (CORPUS / rel).is_file():
            pytest.skip(f"development corpus not available: {CORPUS / rel}")
    root = tmp_path_factory.mktemp("mixed")
    inp, out = root / "in", root / "out"
    (inp / "junk").mkdir(parents=True)
    (inp / "corpus").mkdir()
    for name, _, _ in fast:
        (inp / "junk" / name).symlink_to(JUNK / name)
    for rel in MIXED_CORPUS:
        (inp / "corpus" / Path(rel).name).symlink_to(CORPUS / rel)
    from extractor.batch.run import run_batch
    summary = run_batch(inp, out, workers=2, force=True)
    return root, summary


_JUNK_ROWS = _expected_or_empty()


@pytest.mark.parametrize("name,expected,what", _JUNK_ROWS, ids=[r[0] for r in _JUNK_ROWS])
def test_junk_type(name, expected, what, mixed):
    """Every file of the crawl gets the type EXPECTED.tsv gives it, with printed words of its page 1."""
    import json
    root, _ = mixed
    if any(w in what for w in SLOW):
        from extractor.mapping.document.document_type import document_type
        from extractor.read import open_pdf
        from extractor.settings import DEFAULT
        with open_pdf(JUNK / name, DEFAULT.reader) as src:
            decision = document_type([src.reader.page(0)], [], [], None)
        got, text, page = decision.type, decision.text, decision.page
    else:
        doc = json.loads((root / "out" / "junk" / name).with_suffix(".json").read_text(encoding="utf-8"))
        got, text, page = doc["document_type"], doc["document_type_evidence"]["text"], doc["document_type_evidence"]["page"]
        if got == "other":
            assert doc["facts"] == []                # the prose of a circular is no budget statement
            assert not [w for w in doc["warnings"] if w["code"].endswith("_from_file_name")]
    assert got == expected, (name, what, text)
    assert page == 1 and text


EVIDENCE = {   # the printed words that decide, as the first page prints them
    "长沙_国有资产监督管理委员会_2026年部门预算.pdf": "长沙市财政项目支出绩效评价报告",
    "长沙_市场监督管理局_2026年部门预算.pdf": "市场监督专项及部门项目支出绩效评价结果",
    "包头_2026年包头市政府办公厅部门预算.pdf": "包府办发〔2026〕11号",
    "宁波_卫生健康委员会_2026年部门预算.pdf": "巡察通告",
    "济南_2026年济南市审计局部门预算.pdf": "济南市审计局政府信息公开申请表",
    "泉州_统计局_2026年部门预算.pdf": "2026年1—2月泉州市国民经济主要指标",
}


def test_junk_evidence(mixed):
    import json
    root, _ = mixed
    for name, words in EVIDENCE.items():
        path = (root / "out" / "junk" / name).with_suffix(".json")
        if path.is_file():
            assert json.loads(path.read_text(encoding="utf-8"))["document_type_evidence"] == {"text": words, "page": 1}


def test_evaluation_facts_are_results(mixed):
    """A 绩效评价报告 keeps its facts, keyed as the evaluation's results (长沙 国资委 report, pp. 7 and 9)."""
    import json
    root, _ = mixed
    doc = json.loads((root / "out" / "junk" / "长沙_国有资产监督管理委员会_2026年部门预算.json").read_text(encoding="utf-8"))
    assert doc["document_type"] == "performance_evaluation"
    got = {(f["key"], f["page"], f["value"]) for f in doc["facts"]}
    assert ("evaluation.initial_budget", 7, 13237) in got       # 预算批复金额13,237万元
    assert ("evaluation.actual_expenditure", 7, 12679.21) in got  # 实际执行12,679.21万元
    assert ("evaluation.execution_rate", 9, 99.57) in got       # 预算执行率99.57%
    assert ("evaluation.actual_expenditure", 9, 5974) in got     # 实际支出5974万元


def test_mixed_batch_summary(mixed):
    """The summary says which files are no disclosure, in a status and a column of their own."""
    root, summary = mixed
    with open(root / "out" / "_summary.csv", encoding="utf-8") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh)}
    others = {f"junk/{n}" for n, t, _ in _fast() if t == "other"}
    assert len(others) == 8
    for rel, row in rows.items():
        if rel in others:
            assert (row["status"], row["document_type"]) == ("not_disclosure", "other")
            assert row["reason"].startswith("not a budget disclosure: ")
        else:
            assert row["status"] == "ok" and row["document_type"] != "other", row
    assert rows["corpus/2017年度部门预算公开表.pdf"]["document_type"] == "department_budget"
    assert rows["corpus/2026年上海市工业和信息化局_部门预算.pdf"]["document_type"] == "unit_budget"
    assert summary.set_aside() == 8
    # a second run finds every output current and still counts what it set aside
    run = subprocess.run([sys.executable, "-m", "extractor.cli", "batch", str(root / "in"), "-o", str(root / "out"),
                          "--workers", "1"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "8 set aside" in run.stderr


def test_mixed_export_sets_other_aside(mixed, tmp_path):
    """DuckDB reads the export and finds none of the `other` files; --include-other brings them back."""
    duckdb = pytest.importorskip("duckdb")
    from extractor.write.tidy import export
    root, _ = mixed
    others = sorted(n for n, t, _ in _fast() if t == "other")
    names = ", ".join(f"'{n}'" for n in others)
    out = tmp_path / "numbers.parquet"
    export(root / "out", out, "parquet")
    rows = dict(duckdb.sql(f"select document_type, count(*) from '{out}' group by 1").fetchall())
    assert duckdb.sql(f"select count(*) from '{out}' where source_file in ({names})").fetchall() == [(0,)]
    assert rows.get("other") is None and rows["unit_budget"] > 0 and rows["department_budget"] > 0
    assert rows["performance_evaluation"] == 66            # the 长沙 evaluation report's one ruled table stays
    every = tmp_path / "all.parquet"
    export(root / "out", every, "parquet", include_other=True)
    got = dict(duckdb.sql(f"select source_file, count(*) from '{every}' where source_file in ({names}) "
                          f"group by 1").fetchall())
    assert got == {"包头_2026年包头市政府办公厅部门预算.pdf": 145, "泉州_统计局_2026年部门预算.pdf": 13}


def test_mixed_report_groups_other(mixed):
    """The report lists the files set aside in a group of their own, after the disclosures."""
    from extractor.review.report import build_report
    root, _ = mixed
    text = build_report(root / "out")
    start = text.index('<section class="aside" id="not-disclosures">')
    assert "Not disclosures: 8 files set aside" in text
    for name, expected, what in _fast():
        at = text.index(name)
        assert (at > start) == (expected == "other"), name
    assert "包府办发〔2026〕11号 (p. 1)" in text[start:]


# ---- the other side: every real disclosure is one, with 预算 / 决算 as printed -----------------------

def printed_stage(path: Path) -> str:
    """预算 or 决算 as the first two pages print it, read straight from the text layer (no extractor code):
    the stage words of the cover and titles, 绩效目标表 counted with the budget and 绩效自评 with the final."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(min(2, len(pdf))))
    finally:
        pdf.close()
    text = re.sub(r"\s+", "", text)
    final, budget = text.count("决算") + text.count("绩效自评"), text.count("预算") + text.count("绩效目标")
    assert final or budget, f"{path.name}: no stage word on its first pages"
    return "final" if final > budget else "budget"


def _check_disclosure(doc: dict, pdf: Path) -> None:
    kind = doc["document_type"]
    assert kind in DISCLOSURE_TYPES, (pdf.name, kind, doc["document_type_evidence"])
    assert kind.endswith("_final" if printed_stage(pdf) == "final" else "_budget"), (pdf.name, kind)


def test_corpus_documents_are_disclosures(corpus_out):
    import json
    seen = {}
    for pdf in sorted(CORPUS.rglob("*.pdf")):
        doc = json.loads((corpus_out / pdf.relative_to(CORPUS)).with_suffix(".json").read_text(encoding="utf-8"))
        _check_disclosure(doc, pdf)
        seen[pdf.relative_to(CORPUS).as_posix()] = doc["document_type"]
    assert len(seen) == 126
    assert seen["西安/卫生健康委员会_2026年部门预算.pdf"] == "department_final"     # 2022年度部门决算, whatever the name
    assert seen["福州/公安局交通警察局_2026年部门预算.pdf"] == "unit_budget"          # its cover: 单位预算
    assert sum(t == "unit_budget" for t in seen.values()) == 20


REAL_NAMES = sorted(p.name for p in REAL.glob("*.pdf")) if REAL.is_dir() else []


@pytest.mark.parametrize("name", REAL_NAMES)
def test_real_documents_are_disclosures(name):
    from conftest import as_json
    _check_disclosure(as_json(extracted(name)), REAL / name)


def test_real_finals():
    if not REAL.is_dir():
        pytest.skip("real corpus not available")
    assert as_type("上海市普陀区规划和自然资源局 2024 年度部门决算.pdf") == ("department_final", "2024年度部门决算")
    assert as_type("附件2：部门决算模板.pdf")[0] == "department_final"
    assert as_type("上海市普陀区人民政府办公室单位25年预算.pdf") == ("unit_budget", "上海市普陀区2025年区级单位预算")


def as_type(name: str) -> tuple[str, str]:
    doc = extracted(name)
    return doc.document_type, doc.document_type_evidence.text


# ---- a circular, alone and as the cover letter bound before a disclosure's forms (drawn here) --------

CIRCULAR = ["XX区财政局文件", "X财发〔2025〕3号", "关于公开2025年区级部门预算的通知",
            "各预算单位：", "现将2025年部门预算公开有关事项通知如下，本年安排公开经费500万元，请遵照执行。"]


def _circular(dst: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    font = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    if not font.is_file():
        pytest.skip(f"CJK font not installed: {font}")
    pdfmetrics.registerFont(TTFont("circular-cjk", str(font), subfontIndex=0))
    c = canvas.Canvas(str(dst), pagesize=(595.28, 841.89))
    for i, line in enumerate(CIRCULAR):
        c.setFont("circular-cjk", 16 if i < 3 else 11)
        c.drawString(72, 760 - 36 * i, line)
    c.showPage()
    c.save()
    return dst


def _joined(parts: list[Path], dst: Path) -> Path:
    sys.path.insert(0, str(ROOT / "samples"))
    from cover import joined
    return joined(parts, dst)


def test_circular_alone_is_other(tmp_path):
    from extractor.pipeline import extract
    doc = extract(_circular(tmp_path / "2025年XX局部门预算.pdf"))
    assert (doc.document_type, doc.document_type_evidence.text, doc.document_type_evidence.page) == \
        ("other", "X财发〔2025〕3号", 1)
    assert doc.facts == []                                   # its 500万元 is no budget figure
    assert doc.department != "XX局" and not [w for w in doc.warnings if w.code.endswith("_from_file_name")]


def test_cover_letter_before_the_forms_is_a_disclosure(tmp_path):
    """A circular bound before a budget's forms does not hide them: three typed tables make it a disclosure."""
    from extractor.pipeline import extract
    sample = Path(__file__).resolve().parents[1] / "samples" / "putuo_2025_budget.pdf"
    alone = extract(sample)
    doc = extract(_joined([_circular(tmp_path / "c.pdf"), sample], tmp_path / "bound.pdf"))
    assert doc.document_type == "department_budget"
    first = next(t for t in doc.tables if t.type != "unknown")
    assert (doc.document_type_evidence.text, doc.document_type_evidence.page) == (first.title, first.pages[0])
    assert [t.type for t in doc.tables] == [t.type for t in alone.tables]
    assert len(doc.facts) == len(alone.facts) + 1               # the letter's 500万元 is read with the rest

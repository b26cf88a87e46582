"""Page boxes as viewers read them, titles with more around the form name than the catalog holds, and
the untitled tables of the prose typed (issue 22). Corpus values were read off the pages; the samples'
from the data of samples/classes/boxes_and_titles.py, which drew them."""
from __future__ import annotations

import importlib.util
from decimal import Decimal

import pytest

from conftest import ROOT, corpus_doc as doc_of

CLASSES = ROOT / "samples" / "classes"


def _generator():
    spec = importlib.util.spec_from_file_location("boxes_and_titles", CLASSES / "boxes_and_titles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def _extract(name: str, reader: str = "pdfium"):
    from extractor.pipeline import extract
    from extractor.settings import Settings
    return extract(CLASSES / name, Settings(reader=reader))


def _amount(text: str):
    v = Decimal(text.replace(",", ""))
    return int(v) if v == v.to_integral_value() else float(v)


def table_on(doc, page: int):
    hits = [t for t in doc.tables if page in t.pages]
    assert hits, f"no table on page {page}: {[(t.type, t.pages) for t in doc.tables]}"
    return hits[0]


# ---- page boxes ---------------------------------------------------------------------------------
def test_boxes_normalise_any_two_corners_and_crop_within_media():
    from extractor.read.boxes import normalise, visible
    assert normalise([0, 595.276, 841.89, 0]) == (0, 0, 841.89, 595.276)
    assert normalise([10, 10, 10, 20]) is None                        # no area: no box
    assert visible([0, 595.276, 841.89, 0], [0, 0, 841.89, 595.276]) == (0, 0, 841.89, 595.276)
    assert visible([0, 0, 600, 800], [-50, 100, 500, 900]) == (0, 100, 500, 800)   # the crop within the media
    assert visible([0, 0, 600, 800], [700, 900, 800, 1000]) == (0, 0, 600, 800)    # a crop that misses it


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_upside_down_mediabox_sample_reads_upright_and_nothing_off_the_page(reader):
    from extractor.read.open import open_pdf
    data = GEN.FLIPPED
    with open_pdf(CLASSES / "flipped_mediabox.pdf", reader) as src:
        page = src.reader.page(0)
    assert (round(page.width, 2), round(page.height, 2)) == GEN.A4
    assert all(0 <= c.cx <= page.width and 0 <= c.cy <= page.height for c in page.chars)
    texts = [line.text for line in page.lines()]
    assert data["title"] in texts[0]                          # the title is the top line, not the bottom one
    assert not any(data["off_page"] in t for t in texts)      # drawn right of the page: not read
    doc = _extract("flipped_mediabox.pdf", reader)
    (t,) = doc.tables
    assert (t.type, t.title, t.unit) == ("general_budget_expenditure", data["title"], "元")
    rows = [(r.code, r.name, r.values) for r in t.rows]
    assert rows == [(code or None, name, {"total": _amount(a), "basic": _amount(b), "project": _amount(c)})
                    for code, name, a, b, c in data["rows"]]


def test_corpus_upside_down_mediabox_pages():
    """西安 民政局 pp39-84 store their MediaBox as [0 595.276 841.89 0]: every table was unknown."""
    doc = doc_of("西安/民政局_2026年部门预算.pdf")
    assert not [t.pages for t in doc.tables if t.type == "unknown"]
    t = table_on(doc, 39)
    assert (t.type, t.title, t.unit, t.pages) == ("summary", "2021年部门综合预算收支总表", "元", [39, 40, 41])
    revenue = {r.name: r.values["total"] for r in t.rows if r.side == "revenue"}
    assert revenue["一、部门预算"] == 852063605.8
    assert revenue["1、财政拨款"] == 703768605.8
    assert revenue["3、事业收入"] == 3555000
    spending = [r for r in t.rows if r.side == "expenditure" and r.name == "8、社会保障和就业支出"]
    assert spending and spending[0].values["total"] == 695200639.03
    # 单位编 / 码 wrapped over two header cells is the unit code column, not amounts: a row per printed row
    t = table_on(doc, 72)
    assert (t.type, t.pages, len(t.rows)) == ("government_procurement", [72, 73, 74, 75, 76], 64)
    assert (t.rows[0].name, t.rows[0].values) == ("合计", {"quantity": 267851.5, "total": 81447000})
    assert [(r.unit_code, r.values["total"]) for r in t.rows[1:3]] == [("241", 1795000), ("241001", 1795000)]
    assert all(c.status == "pass" for c in t.checks)
    assert table_on(doc, 71).type == "carryover_expenditure"
    assert table_on(doc, 77).type == "three_public"
    assert sum(1 for p in doc.performance if 79 in p.pages or 83 in p.pages) == 2


def test_corpus_ruling_drawn_off_the_page_is_not_on_it():
    """北京 市场监管 p40: a merged cell's bottom border drawn 500 points below the page stretched the table
    down there and lost the page's 17 indicators of the department form."""
    doc = doc_of("北京/市场监督管理局_2026年部门预算.pdf")
    form = next(p for p in doc.performance if p.pages == [39, 40])
    by_name = {i.level3: i for i in form.indicators}
    assert len(form.indicators) == 25
    assert by_name["产品质量监督抽查及风险监测批次数"].target_raw == "5265"
    assert by_name["系统故障响应时间"].target_raw == "10"


# ---- titles -------------------------------------------------------------------------------------
def test_titles_with_body_and_table_number_sample():
    doc = _extract("title_forms.pdf")
    pages = GEN.TITLE_PAGES
    financial = [p for p in pages if "form" not in p]
    assert [(t.type, t.pages) for t in doc.tables] == [(p["type"], [k + 1]) for k, p in enumerate(financial)]
    assert doc.tables[0].title == pages[0]["title"]
    # the title left at the foot of page 2 (matched only without body and table number) heads page 3's table
    assert doc.tables[2].title == pages[1]["foot_title"]
    assert [r.values["total"] for r in doc.tables[2].rows] == [_amount(r[2]) for r in pages[2]["rows"]]
    (form,) = doc.performance
    spec = pages[3]
    assert (form.type, form.title, form.pages) == (spec["type"], spec["title"], [4])
    assert form.project_name == dict(spec["form"])["项目名称"]
    assert [(i.level1, i.level2, i.level3, i.target_raw) for i in form.indicators] == [tuple(r) for r in spec["indicators"][1:]]


@pytest.mark.parametrize("title, kind", [
    ("一、2017年度江苏省高级人民法院部门收支预算总表", "summary"),
    ("收支总表（预算表1）", "summary"),
    ("2017年度中共江苏省委宣传部部门支出预算总表（预算表3）", "expenditure"),
    ("2017年度江苏省高级人民法院机关运行经费支出预算表", "organ_operation_expenditure"),
    ("西安市发展和改革委员会内设机构信息", "internal_departments"),
])
def test_title_matches_without_body_and_table_number(title, kind):
    from extractor.find import match_title
    from extractor.settings import Settings
    m = match_title(title, Settings())
    assert m is not None and m.value == kind


def test_performance_title_with_trailing_table_number():
    from extractor.mapping.forms.performance_fields import performance_kind, unit_in_title
    assert performance_kind("2024年项目支出绩效目标表预算表（预算表11）") == "project_performance"
    assert unit_in_title("2024年西安市民政局项目支出绩效目标表（预算表11）") == "西安市民政局"


# ---- the tables of the prose --------------------------------------------------------------------
def test_corpus_prose_comparison_tables():
    """西安 科技创新局: 经济分类科目 | 2022年 | 2021年 | 2022比2021 | 主要原因 inside the 情况说明, and
    功能科目 | 年度 | 合计 | 基本支出 | 项目支出 | 主要原因 with a row per year."""
    doc = doc_of("西安/科技创新局_2026年部门预算.pdf")
    t = table_on(doc, 30)
    assert (t.type, t.title, t.pages) == ("prose_comparison", None, [30, 31])
    r = next(r for r in t.rows if r.name == "(1)工资福利支出（301）")
    assert sorted(r.values.values()) == [-333.46, 4182.68, 4516.14]
    assert list(r.texts.values()) == ["2022年度人员经费绩效增量标准降低导致经费减少。"]
    assert table_on(doc, 33).type == "prose_comparison"
    t = table_on(doc, 26)
    assert (t.type, t.pages) == ("prose_comparison", [26, 27, 28, 29])
    assert t.rows[0].values["total"] == 29.44
    # 单位名称 | 编制人数 | 实有人数 | 离退休人员: the units and their staff
    t = table_on(doc, 20)
    assert t.type == "budget_units"
    assert ["西安市社会科学院", "39", "", "39", "43", "", "43", "24"] in t.raw
    assert not [x.pages for x in doc.tables if x.type == "unknown"]


def test_corpus_word_lists_typed():
    doc = doc_of("西安/发展和改革局_2026年部门预算.pdf")
    t = table_on(doc, 5)
    assert (t.type, t.title) == ("internal_departments", "西安市发展和改革委员会内设机构信息")
    assert t.raw[0] == ["办公室", "组织人事处"]
    assert doc.doc_kind == "budget"         # no title with a stage word: the opening pages say 预算
    doc = doc_of("北京/2026年北京市交通委员会部门预算.pdf")
    t = table_on(doc, 9)
    assert (t.type, t.pages) == ("fee_standards", [9, 10])
    assert t.raw[1] == ["1", "快速路、主干路沥青路面", "沥青砼15cm+水稳18cm+无机料36cm（69cm）", "342元/㎡"]

"""Table structure across pages and the row-sum identities, on the development corpus (../shared/corpus):
continuation pages joined whether or not the header repeats (a frame column drawn on one page only),
itemised tables (one row per 功能 × 经济分类 pair: 合计 = Σ item rows), department → unit → class rows,
project lists with organisation-like names, a wrapped line hanging over the row ruling below it, and
tables that print a 合计 their rows do not reach (the publication withholds rows: both numbers asserted).
Numbers were read off the rendered pages (pdfplumber text, summed independently)."""
from __future__ import annotations

from decimal import Decimal

from conftest import corpus_doc

def _table(doc, type_, page):
    return next(t for t in doc.tables if t.type == type_ and page in t.pages)


def _check(table, prefix):
    return next(c for c in table.checks if c.rule.startswith(prefix))


def _total(table):
    return next(r for r in table.rows if r.kind == "total")


BJ_COMMERCE = "北京/商务局_2026年部门预算.pdf"
BJ_POLICE = "北京/公安局_附件2：北京市公安局2026年度部门预算报表.pdf"
BJ_PROPAGANDA = "北京/宣传部_2026年部门预算.pdf"
BJ_ECOLOGY = "北京/生态环境局_2026年部门预算.pdf"
BJ_MEDICAL = "北京/医疗保障局_2026年部门预算.pdf"
SZ_WORKS = "深圳/2026年深圳市建筑工务署部门预算.pdf"
XA_POLICE = "西安/2026年西安市公安局部门预算.pdf"


def test_itemised_expenditure_table_sums_its_item_rows():
    """预算03表支出总表 lists one row per 功能 × 经济分类 pair, with a 5-digit 21598 among 7-digit codes and
    no 类/款 rows; the header is printed again on pp4-8 (with a margin column p3 alone draws)."""
    doc = corpus_doc(BJ_COMMERCE)
    table = _table(doc, "expenditure", 3)
    assert table.pages == [3, 4, 5, 6, 7, 8]
    total = _total(table)
    assert total.page == 8
    assert total.values["total"] == 288404.119712
    assert total.values["basic"] == 31644.878724
    assert total.values["project"] == 256759.240988
    check = _check(table, "total_row = sum(item rows)")
    assert check.status == "pass"
    assert not any(r.name == "支出功能分类科目" for r in table.rows)    # repeated headers are not rows
    special = next(r for r in table.rows if r.code == "21598")
    assert special.values["project"] == 148541.990021


def test_last_page_with_a_margin_column_joins_its_table():
    """预算05表 pp9-11: p11 (its last rows and the 合计) draws a thin margin column p10 lacks."""
    doc = corpus_doc(BJ_POLICE)
    table = _table(doc, "general_budget_expenditure", 9)
    assert table.pages == [9, 10, 11]
    assert not any(t.type == "unknown" and 11 in t.pages for t in doc.tables)
    total = _total(table)
    assert total.page == 11
    assert total.values["total"] == 857935.778736
    assert total.values["basic"] == 644876.932942
    assert total.values["project"] == 213058.845794
    other = next(r for r in table.rows if r.code == "2150299")
    assert other.page == 11 and other.values["total"] == 3000


def test_publication_withholds_rows_the_total_counts():
    """北京市公安局: the rows printed on pp9-11 add up to 794,205.792437, the 合计 prints 857,935.778736
    (and 03表: 798,672.538406 against 866,561.920395); 医疗保障局 03表: 29,117.619602 against
    110,896.619602. Every amount on those pages is read: the publication leaves rows out, and 03表 (a table
    of another layout) falls short by the same amount, so the check is the publication's error."""
    police = _table(corpus_doc(BJ_POLICE), "general_budget_expenditure", 9)
    check = _check(police, "total_row = sum(item rows)")
    assert check.status == "publication_error" and check.evidence
    rows = sum(Decimal(str(r.values.get("total", 0))) for r in police.rows if r.kind == "item")
    assert (rows, _total(police).values["total"]) == (Decimal("794205.792437"), 857935.778736)
    assert "合计 [basic] printed 644876.932942, sum 632244.725104" in check.detail
    police03 = _table(corpus_doc(BJ_POLICE), "expenditure", 3)
    assert "printed 866561.920395, sum 798672.538406" in _check(police03, "total_row = sum(item rows)").detail
    medical = _table(corpus_doc(BJ_MEDICAL), "expenditure", 3)
    assert medical.pages == [3, 4]
    assert "printed 110896.619602, sum 29117.619602" in _check(medical, "total_row = sum(item rows)").detail


def test_continuations_join_both_tables_of_a_document():
    doc = corpus_doc(BJ_PROPAGANDA)
    assert _table(doc, "general_budget_expenditure", 12).pages == [12, 13, 14, 15, 16]
    basic = _table(doc, "general_budget_basic_expenditure", 17)
    assert basic.pages == [17, 18, 19]
    assert not any(t.type == "unknown" for t in doc.tables)
    assert _check(basic, "total_row").status == "pass"


def test_wrapped_line_over_the_ruling_goes_back_to_its_cell():
    """2110199-其他环境保护管理事务 | 支出: the clipped second line hangs into the next row, where it
    interleaved with that row's code (支21出10199); all 292 rows keep their codes and add up to the 合计."""
    table = _table(corpus_doc(BJ_ECOLOGY), "expenditure", 3)
    assert table.pages == list(range(3, 13))
    coded = [r for r in table.rows if r.code]
    assert len(coded) == 292 and all(len(r.code) == 7 for r in coded)
    assert _total(table).values["total"] == 105556.813225
    assert _check(table, "total_row = sum(item rows)").status == "pass"
    assert any(r.code == "2110199" and r.name == "其他环境保护管理事务支出" for r in table.rows)


def test_department_row_is_the_sum_of_its_units():
    """深圳市建筑工务署 33,934.54 = （本级） 14,480.17 + 文体和水务工程管理中心 5,647.80 + 工程管理中心
    8,236.21 + 工程设计管理中心 5,570.36; each unit is the sum of its classes."""
    table = _table(corpus_doc(SZ_WORKS), "expenditure", 20)
    units = [r for r in table.rows if r.kind == "unit"]
    assert units[0].name == "深圳市建筑工务署" and units[0].values["total"] == 33934.54
    assert [u.values["total"] for u in units[1:]] == [14480.17, 5647.8, 8236.21, 5570.36]
    assert _check(table, "department_row = sum(unit rows)").status == "pass"
    assert _check(table, "unit_row = sum(class rows)").status == "pass"


def test_project_named_like_an_organisation_is_no_unit():
    """上年结转资金支出表: 车管所-考务中心 4,091,660.00 is a project of 西安市公安局交通警察支队, listed
    among other projects, not a unit subtotal."""
    table = _table(corpus_doc(XA_POLICE), "carryover_expenditure", 42)
    row = next(r for r in table.rows if r.name == "车管所-考务中心")
    assert row.kind == "item" and row.values["total"] == 4091660
    assert not any(c.status == "fail" for c in table.checks)


def _row(code, name, kind="item", **values):
    from extractor.models import Row
    return Row(kind=kind, code=code, name=name, values=values, page=1, bbox=(0, 0, 1, 1))


def test_top_level_rows_of_a_hierarchy_and_of_an_itemised_list():
    from extractor.reconcile.tables.identities import top_level
    tree = [_row("201", "a"), _row("20101", "b"), _row("2010101", "c"), _row("208", "d"), _row("2080501", "e")]
    assert [r.code for r in top_level(tree)] == ["201", "208"]
    items = [_row("2011301", "x"), _row("2011301", "x"), _row("21598", "y"), _row("2299999", "z")]
    assert len(top_level(items)) == 4       # repeated and mixed-depth leaves all count


def test_parent_rows_become_groups_once_their_code_is_known():
    """A coded row with deeper codes after it is a group, however the code came (printed, or put right
    later): finish_kinds can run again."""
    from extractor.mapping.financial.rows import finish_kinds
    rows = [_row("201", "一般公共服务支出"), _row("20101", "人大事务"), _row("2010101", "行政运行")]
    finish_kinds(rows)
    assert [r.kind for r in rows] == ["group", "group", "item"]
    finish_kinds(rows)
    assert [r.kind for r in rows] == ["group", "group", "item"]

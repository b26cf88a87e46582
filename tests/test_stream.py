"""A table printed without ruling lines is read by the stream parser into the same schema."""
from __future__ import annotations

import pytest

from extractor.pipeline import extract

ROWS = [("201", "一般公共服务支出", "100.50", "60.25", "40.25"),
        ("20101", "人大事务", "100.50", "60.25", "40.25"),
        ("2010101", "行政运行", "70.50", "60.25", "10.25"),
        ("2010102", "一般行政管理事务", "30.00", "", "30.00"),
        ("", "合计", "100.50", "60.25", "40.25")]


@pytest.fixture()
def lineless_pdf(tmp_path):
    reportlab = pytest.importorskip("reportlab")  # noqa: F841  (a test extra)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "lineless.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595), invariant=1)
    c.setFont("STSong-Light", 16)
    c.drawCentredString(421, 540, "2021年部门支出总体情况表")
    c.setFont("STSong-Light", 10)
    c.drawString(60, 515, "编制部门：某某市统计局")
    c.drawRightString(780, 515, "单位：万元")
    y = 490
    for x, text in ((60, "科目编码"), (160, "科目名称")):
        c.drawString(x, y, text)
    for x, text in ((520, "合计"), (640, "基本支出"), (760, "项目支出")):
        c.drawRightString(x, y, text)
    for code, name, *values in ROWS:
        y -= 22
        c.drawString(60, y, code)
        c.drawString(160, y, name)
        for x, v in zip((520, 640, 760), values):
            if v:
                c.drawRightString(x, y, v)
    c.showPage()
    c.save()
    return path


def test_unruled_table(lineless_pdf):
    doc = extract(lineless_pdf)
    assert doc.department == "某某市统计局" and doc.year == 2021
    [table] = doc.tables
    assert (table.type, table.unit, table.pages) == ("expenditure", "万元", [1])
    assert [c.id for c in table.columns] == ["total", "basic", "project"]
    got = [(r.kind, r.code, r.name, r.values) for r in table.rows]
    assert got == [
        ("group", "201", "一般公共服务支出", {"total": 100.5, "basic": 60.25, "project": 40.25}),
        ("group", "20101", "人大事务", {"total": 100.5, "basic": 60.25, "project": 40.25}),
        ("item", "2010101", "行政运行", {"total": 70.5, "basic": 60.25, "project": 10.25}),
        ("item", "2010102", "一般行政管理事务", {"total": 30, "project": 30}),
        ("total", None, "合计", {"total": 100.5, "basic": 60.25, "project": 40.25}),
    ]
    statuses = {c.rule: c.status for c in table.checks}
    assert statuses["total = basic + project"] == "pass"
    assert statuses["group_rows = sum(children)"] == "pass" and statuses["total_row = sum(class rows)"] == "pass"
    assert statuses["expenditure.total = summary.expenditure_total"] == "skipped"   # no 收支总表 printed

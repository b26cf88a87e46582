#!/usr/bin/env python
"""Sample pages whose publication errors are shown by something read independently on the same page
(issue 25), each a small ruled table drawn from the data below; tests take their expected values from
this data, never from the extractor.

    python samples/corroboration.py          # writes samples/corroboration/*.pdf

- ``misprinted_class``: a 一般公共预算支出 table whose 类 201 prints 10.00 more (合计 and 基本支出) than its 款
  sum, while every 款 is the sum of its 项 and the 合计 is the sum of the 项: the 类's own figure is the odd
  one out (a 类 = Σ 款 failure, and a 合计 = Σ 类 failure it causes).
- ``misprinted_item``: the same table with the 款 20101 printing 10.00 more instead, its 类 and 合计 right:
  the 款 = Σ 项 failure has no rows under the 项 to add, but the 类 over it is reached by the 项.
- ``stated_total``: a 基本支出 table of economic subjects (one level, no rows under rows) whose 合计 the
  rows fall short of by one row's amount, under a 情况说明 that states that 合计.

Deterministic: reportlab invariant mode, the font embedded (as samples/row_hierarchy.py, whose page
drawing this uses).
"""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "corroboration"
sys.path.insert(0, str(HERE))
from row_hierarchy import EXPENDITURE_HEADER, _canvas, _page, expenditure_table, totals  # noqa: E402

# (code, name, basic, project) leaves; 类 and 款 rows carry their leaves' sums
CLASS_ROWS = [("201", "一般公共服务支出"), ("20101", "人大事务"), ("2010101", "行政运行", "120.50", None),
              ("2010102", "一般行政管理事务", None, "36.20"), ("20103", "政府办公厅（室）及相关机构事务"),
              ("2010301", "行政运行", "210.00", None), ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
              ("2080505", "机关事业单位基本养老保险缴费支出", "64.12", None)]
MISPRINTED = {"misprinted_class": "201", "misprinted_item": "20101"}   # the row printing MISPRINT more
MISPRINT = Decimal("10.00")                                             # in its 合计 and 基本支出

# a 类 over 款 with no 项: with the 合计 printed as the sum of the 类 (the misprint carried into it), the 款
# alone say the 类 is wrong: one set of printed amounts against another, no second sum
TWO_LEVEL_ROWS = [("201", "一般公共服务支出"), ("20101", "人大事务", "50.00", None), ("20103", "政府办公厅（室）及相关机构事务", "30.00", None)]

BASIC_HEADER = ["科目编码", "科目名称", "合计"]
BASIC_ROWS = [("30101", "基本工资", "86.40"), ("30102", "津贴补贴", "52.18"), ("30103", "奖金", "7.20"),
              ("30201", "办公费", "12.35"), ("30211", "差旅费", "6.80")]
UNPRINTED = Decimal("23.60")         # the row the table leaves out: its 合计 is the rows' sum and this
YEAR = 2026


def misprinted_rows(code: str, flat: list[tuple] = CLASS_ROWS, total_follows: bool = False) -> list[list[str]]:
    """合计 (the sum of the leaves), then the rows, the row ``code`` with MISPRINT more. With
    ``total_follows`` the 合计 is the sum of the 类 as printed (the misprint carried into it)."""
    t = totals(flat)
    extra = MISPRINT if total_follows else Decimal(0)
    rows = [["", "合计", f"{t['total'] + extra:.2f}", f"{t['basic'] + extra:.2f}", f"{t['project']:.2f}"]]
    for row in expenditure_table(flat):
        if row[0] == code:
            row = row[:2] + [f"{Decimal(row[2]) + MISPRINT:.2f}", f"{Decimal(row[3]) + MISPRINT:.2f}", row[4]]
        rows.append(row)
    return rows


def stated_total() -> Decimal:
    return sum((Decimal(a) for _, _, a in BASIC_ROWS), Decimal(0)) + UNPRINTED


def prose() -> tuple[str, ...]:
    return (f"示例市民政局{YEAR}年部门预算情况说明",
            f"{YEAR}年基本支出预算{stated_total():,.2f}万元，主要用于保障机构正常运转和完成日常工作任务。")


def draw_misprinted(path: Path, code: str, flat: list[tuple] = CLASS_ROWS, total_follows: bool = False) -> Path:
    c = _canvas(path)
    _page(c, f"{YEAR}年一般公共预算支出情况表", EXPENDITURE_HEADER, misprinted_rows(code, flat, total_follows),
          [90, 260, 90, 90, 90], 2)
    c.save()
    return path


def draw_stated(path: Path, with_prose: bool = True) -> Path:
    c = _canvas(path)
    rows = [["", "合计", f"{stated_total():.2f}"]] + [[code, name, amount] for code, name, amount in BASIC_ROWS]
    _page(c, f"{YEAR}年一般公共预算基本支出表", BASIC_HEADER, rows, [120, 300, 140], 2, prose() if with_prose else ())
    c.save()
    return path


def write_all(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = [draw_misprinted(out / f"{name}.pdf", code) for name, code in MISPRINTED.items()]
    written.append(draw_stated(out / "stated_total.pdf"))
    return written


if __name__ == "__main__":
    for p in write_all():
        print(p)

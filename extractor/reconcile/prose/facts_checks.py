"""Document-level checks: what the text says against what the tables print.

- ``fact = table``: each fact with a table counterpart (catalog/facts.toml) against the cell, within the
  printed rounding (37,151.47万元 in the text against 371,514,655.00 in a 元 table);
- ``fact_change``: a stated change against the stated base and value (比上年X万元增加Y万元，增长Z%);
- ``fact_share``: a share in % against its two amounts (占本年支出预算91.54%);
- ``empty_table_explained``: every table printed empty has its 空表说明, in a 注 under it or in the text;
- ``subject_name``: a code whose printed name is not the catalog's name for it (catalog/subjects.toml), on
  text pages (scanned pages are put right by reconcile/subjects.py).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz

from ... import catalog
from ...mapping.prose.facts import Prose, money_factor
from ...models import Check, Fact, Row, Table, Warning
from ...text.amounts import YUAN_PER_UNIT as _TABLE_UNITS
from .stated import dec as _dec, printed_ulp as _ulp_printed, ulp as _ulp


@lru_cache(maxsize=None)
def _counterparts() -> dict[str, list[dict]]:
    return {f["key"]: f["counterparts"] for f in catalog.load("facts")["fact"] if f.get("counterparts")}


def _truncated(exact: Decimal, printed: Decimal, ulp: Decimal) -> bool:
    """The printed figure is the exact one with its last digits cut off (1361万元 for 13,616,271元): some
    publications truncate instead of rounding."""
    return abs(printed) <= abs(exact) < abs(printed) + ulp and (printed == 0 or (printed > 0) == (exact > 0))


def _row_for(table: Table, spec: dict) -> Row | None:
    side = spec.get("side")
    rows = [r for r in table.rows if side is None or r.side == side]
    if spec.get("row"):
        rx = re.compile(spec["row"])
        named = [r for r in rows if rx.search(catalog.norm_label(r.name or ""))]
        named = [r for r in named if r.kind == "total"] or named
        if named:
            return named[-1] if named[-1].kind == "total" else named[0]
    totals = [r for r in rows if r.kind == "total"]
    if totals:
        return totals[-1] if spec.get("row") else totals[0]
    column = spec["column"]
    valued = [r for r in rows if any(_matches(cid, column) for cid in r.values)] or [r for r in rows if r.values]
    return valued[0] if len(valued) == 1 else None


def _with_carryover(table: Table, spec: dict, cid: str | None) -> tuple[str, Decimal] | None:
    """A fund named on more than one row of its side (一般公共预算资金 under 本年收入, 一般公共预算拨款 under
    上年结转): the fund's whole, for a text that states the year's income with its carryover."""
    if not spec.get("row") or cid is None:
        return None
    rx = re.compile(spec["row"])
    rows = [r for r in table.rows if (spec.get("side") is None or r.side == spec["side"]) and r.kind != "total"
            and rx.search(catalog.norm_label(r.name or ""))]
    if len(rows) < 2:
        return None
    names = " + ".join(f"“{r.name}”" for r in rows)
    return f"the sum of {names}", sum((_dec(r.values.get(cid) or 0) for r in rows), Decimal(0))


def _matches(cid: str, column: str) -> bool:
    return cid == column or cid.split("@")[0] == column


def _cell(row: Row, column: str, doc_kind: str | None, label: str):
    """The cell of the measure the fact states: in a 决算, 年初预算为X万元 is the @budget column's."""
    if doc_kind == "final_account" and "预算" in label and "决算" not in label:
        order = [f"{column}@budget"]
    elif doc_kind == "budget":
        order = [column, f"{column}@budget", f"{column}@current_year"]
    else:
        order = [column, f"{column}@final", f"{column}@current_year"]
    return next(((cid, row.values[cid]) for cid in order if cid in row.values), (None, None))


def _fact_name(i: int, fact: Fact) -> str:
    return f"fact {i} {fact.key} “{fact.label}” {fact.value}{fact.unit} (p{fact.page})"


def _check_fact(i: int, fact: Fact, tables: list[Table], doc_year: int | None, doc_kind: str | None,
                context: str = "") -> Check | None:
    specs = _counterparts().get(fact.key or "")
    if not specs or money_factor(fact.unit) is None:
        return None
    rule = f"fact {fact.key} = table"
    if fact.year is not None and doc_year is not None and fact.year != doc_year:
        return Check(rule=rule, status="skipped", detail=f"{_fact_name(i, fact)}: stated for {fact.year}, "
                                                         f"the tables are {doc_year}'s")
    tried = []
    said = catalog.norm_label(fact.label)
    for spec in specs:
        if spec.get("when") and not re.search(spec["when"], said):
            continue
        heads = catalog.norm_label(context)
        if (spec.get("context") and not re.search(spec["context"], heads)) or (
                spec.get("not_context") and re.search(spec["not_context"], heads)):
            continue
        table = next((t for t in tables if t.type == spec["type"]), None)
        if table is None:
            tried.append(spec["type"])
            continue
        where = f"{spec['type']} “{table.title or ''}” p{table.pages[0] if table.pages else '?'}"
        if table.empty:
            ok = fact.value == 0
            return Check(rule=rule, status="pass" if ok else "fail",
                         detail=f"{_fact_name(i, fact)} vs {where}: printed empty")
        if table.unit not in _TABLE_UNITS:
            return Check(rule=rule, status="skipped", detail=f"{_fact_name(i, fact)}: {where} prints no unit")
        row = _row_for(table, spec)
        cid, value = _cell(row, spec["column"], doc_kind, said) if row is not None else (None, None)
        if value is None:
            printed = [c.id for c in table.columns if _matches(c.id, spec["column"])]
            wanted = _cell(Row(kind="total", page=0, bbox=(0, 0, 0, 0), values={c: 0 for c in printed}),
                           spec["column"], doc_kind, said)[0]
            if row is not None and wanted is not None:
                value, cid = 0, wanted              # a blank cell of a printed column: nothing, i.e. 0
            else:
                tried.append(f"{spec['type']} [{spec['column']}] not printed")
                continue
        text_yuan = _dec(fact.value) * money_factor(fact.unit)
        table_yuan = _dec(value) * _TABLE_UNITS[table.unit]
        slack = max(_ulp_printed(fact) * money_factor(fact.unit), _ulp(value) * _TABLE_UNITS[table.unit]) / 2
        ok = abs(text_yuan - table_yuan) <= slack
        cut = not ok and _truncated(table_yuan, text_yuan, _ulp_printed(fact) * money_factor(fact.unit))
        cell = f"{where} row “{row.name or row.kind}” [{cid}] {value}{table.unit}"
        verdict = ("matches" if ok else "matches, the text cutting off the digits" if cut
                   else f"differs by {(text_yuan - table_yuan).normalize():f}元")
        whole = None if ok or cut else _with_carryover(table, spec, cid)
        if whole is not None and abs(text_yuan - whole[1] * _TABLE_UNITS[table.unit]) <= slack:
            # 一般公共预算财政拨款收入 stated with its 上年结转 (重庆: 结转金额已纳入相应性质的资金收入中进行反映)
            verdict, cut = f"matches {whole[0]}", True
        ok = ok or cut
        return Check(rule=rule, status="pass" if ok else "fail", detail=f"{_fact_name(i, fact)} vs {cell}: {verdict}")
    return Check(rule=rule, status="skipped", detail=f"{_fact_name(i, fact)}: no counterpart ({', '.join(tried)})")


def _change_check(facts: list[Fact]) -> Check:
    failures, tested = [], 0
    for i, f in enumerate(facts):
        if f.change is None or money_factor(f.unit) is None:
            continue
        value, change, ulp = _dec(f.value), _dec(f.change), _ulp_printed(f)
        if f.prior is not None:
            tested += 1
            if abs(_dec(f.prior) + change - value) > ulp:
                failures.append(f"{_fact_name(i, f)}: {f.prior} + {f.change} ≠ {f.value}")
        prior = _dec(f.prior) if f.prior is not None else value - change
        if f.change_rate is not None and prior != 0:
            tested += 1
            rate = change / prior * 100
            step = _ulp(f.change_rate)
            slack = step / 2 + abs(rate) * (ulp / max(abs(change), ulp)) + step / 100
            if abs(rate - _dec(f.change_rate)) > slack and not _truncated(rate, _dec(f.change_rate), step + slack - step / 2):
                failures.append(f"{_fact_name(i, f)}: change {f.change} on {prior} is {rate:.2f}%, stated {f.change_rate}%")
    return _verdict("fact_change", failures, tested, "stated changes hold")


def _share_check(prose: Prose) -> Check:
    failures, tested = [], 0
    for i, f in enumerate(prose.facts):
        base = prose.share_base.get(i)
        if f.share is None or base is None:
            continue
        total = prose.facts[base]
        if _dec(total.value) == 0:
            continue
        tested += 1
        share = _dec(f.value) / _dec(total.value) * 100
        step = _ulp(f.share)
        slack = step / 2 + share * _ulp_printed(f) / max(_dec(f.value), _ulp_printed(f)) + step / 100
        if abs(share - _dec(f.share)) > slack and not _truncated(share, _dec(f.share), step + slack - step / 2):
            failures.append(f"{_fact_name(i, f)} of {_fact_name(base, total)} is {share:.2f}%, stated {f.share}%")
    return _verdict("fact_share", failures, tested, "stated shares hold")


def _verdict(rule: str, failures: list[str], tested: int, holds: str) -> Check:
    if not tested:
        return Check(rule=rule, status="skipped", detail="nothing stated to test")
    if failures:
        more = f" (+{len(failures) - 5} more)" if len(failures) > 5 else ""
        return Check(rule=rule, status="fail", detail="; ".join(failures[:5]) + more)
    return Check(rule=rule, status="pass", detail=f"{tested} {holds}")


def _empty_checks(tables: list[Table], prose: Prose) -> tuple[list[Check], list[Warning]]:
    cfg = catalog.load("facts")["empty"]
    says = re.compile(cfg["says"])
    checks, warnings = [], []
    for t in tables:
        if not t.empty or t.type == "unknown":
            continue
        rule = f"empty_table_explained {t.type}"
        page = t.pages[0] if t.pages else None
        if t.note and says.search(catalog.norm_label(t.note)):
            checks.append(Check(rule=rule, status="pass", detail=f"p{page}: 注 {t.note}"))
            continue
        subject = cfg["subjects"].get(t.type) or catalog.normalise_title(t.title or "")
        said = next((s for p, s in prose.sentences if subject and subject in catalog.norm_label(s)
                     and says.search(catalog.norm_label(s))), None)
        if said:
            checks.append(Check(rule=rule, status="pass", detail=f"p{page}: the text says: {said}"))
        else:
            checks.append(Check(rule=rule, status="fail", detail=f"p{page}: “{t.title}” is printed empty "
                                                                  "without a 空表说明"))
            warnings.append(Warning(code="empty_table_unexplained", page=page,
                                    message=f"“{t.title}” is printed empty and neither a 注 nor the text says why"))
    return checks, warnings


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")
_NOT_SUBJECT_TABLES = {"unknown", "government_procurement", "government_purchase_services", "project_expenditure",
                       "three_public", "budget_units", "table_index", "carryover_expenditure"}   # codes beside project or unit names
_KINDS = {"2": "function", "3": "economic", "5": "government_economic"}


def _norm_name(name: str) -> str:
    return re.sub(r"[。.·,，、\s]", "", catalog.norm_label(_NUMBERING.sub("", name)))


def _subject_check(tables: list[Table], ocr_pages: set[int]) -> Check:
    subjects = catalog.load("subjects")
    mismatches, tested = [], 0
    for t in tables:
        if t.type in _NOT_SUBJECT_TABLES:
            continue
        for r in t.rows:
            if not r.code or not r.name or r.page in ocr_pages or not re.fullmatch(r"\d{3}(?:\d{2}){0,2}", r.code):
                continue
            if r.code[0] != "2" and len(r.code) > 5:
                continue        # 7-digit economic codes are a region's own subdivision
            names = subjects.get(_KINDS.get(r.code[0], ""), {}).get(r.code)
            if not names:
                continue
            tested += 1
            printed = _norm_name(r.name)
            known = [_norm_name(n) for n in names]
            if any(printed == k or printed in k or k in printed or fuzz.ratio(printed, k) >= 80 for k in known):
                continue
            mismatches.append(f"{t.type} p{r.page}: {r.code} printed “{r.name}”, catalog “{names[0]}”")
    if not tested:
        return Check(rule="subject_name", status="skipped", detail="no catalogued codes on text pages")
    if mismatches:
        more = f" (+{len(mismatches) - 5} more)" if len(mismatches) > 5 else ""
        return Check(rule="subject_name", status="fail", detail="; ".join(sorted(set(mismatches))[:5]) + more)
    return Check(rule="subject_name", status="pass", detail=f"{tested} code-name pairs as catalogued")


def document_checks(prose: Prose, tables: list[Table], doc_year: int | None, doc_kind: str | None,
                    ocr_pages: set[int]) -> tuple[list[Check], list[Warning]]:
    """The document's checks (facts' ``status`` set on the way) and the warnings they raise."""
    checks: list[Check] = []
    for i, fact in enumerate(prose.facts):
        check = _check_fact(i, fact, tables, doc_year, doc_kind, prose.context.get(i, ""))
        if check is not None and i in prose.not_department:
            check = Check(rule=check.rule, status="skipped", detail=f"{_fact_name(i, fact)}: stated for a project "
                                                                      "or performance target, not the department")
        if check is not None:
            fact.status = check.status
            checks.append(check)
    if prose.facts:
        checks += [_change_check(prose.facts), _share_check(prose)]
    empty, warnings = _empty_checks(tables, prose)
    checks += empty
    if any(t.type != "unknown" for t in tables):
        checks.append(_subject_check(tables, ocr_pages))
    return checks, warnings

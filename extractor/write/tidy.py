"""The tidy export of SCHEMA.md: one row per number, one row per indicator, over a folder of JSON."""
from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from ..mapping.prose.facts import money_factor
from ..text.amounts import YUAN_PER_UNIT

NUMBER_FIELDS = ["source_file", "source_sha256", "department", "year", "doc_kind", "document_type", "verdict", "table_type", "table_title",
                 "table_index", "page", "row_index", "row_kind", "side", "code", "name", "column_key",
                 "column_label", "measure", "value", "unit", "value_yuan", "flags"]
INDICATOR_FIELDS = ["source_file", "source_sha256", "department", "year", "table_type", "unit_name", "project_name",
                    "level1", "level2", "level3", "target_raw", "comparator", "target_value", "target_unit",
                    "qualitative", "weight", "points"]
SELF_EVALUATION_FIELDS = ["source_file", "source_sha256", "department", "year", "table_type", "page", "unit_name",
                          "project_name", "level1", "level2", "level3", "target_raw", "actual_raw", "points", "score",
                          "deviation", "total_score", "annual_budget", "executed", "execution_rate"]
PROJECT_FIELDS = ["source_file", "source_sha256", "department", "year", "verdict", "table_type", "page", "unit_name",
                  "project_code", "project_name", "total_amount", "year_amount", "fiscal_amount", "other_amount",
                  "annual_goal", "overall_goal", "period_goal", "other_amounts", "indicators", "total_score"]
_FLOATS = ("target_value", "points", "weight", "score", "total_score", "annual_budget", "executed", "execution_rate",
           "total_amount", "year_amount", "fiscal_amount", "other_amount")
FACT_FIELDS = ["source_file", "source_sha256", "department", "year", "doc_kind", "fact_index", "key", "label",
               "value", "unit", "value_yuan", "page", "fact_year", "prior", "change", "change_rate", "reason", "share",
               "share_of", "status", "text"]
_FACT_FLOATS = ("prior", "change", "change_rate", "share")


def value_yuan(value: float | int, unit: str | None) -> float | None:
    if unit not in YUAN_PER_UNIT:
        return None
    exact = Decimal(repr(value)) * YUAN_PER_UNIT[unit]
    return float(exact) if exact != exact.to_integral_value() else float(int(exact))


def _verdict(obj: dict) -> str | None:
    return (obj.get("verdict") or {}).get("status")


def _kept(obj: dict, verified_only: bool) -> bool:
    return not verified_only or _verdict(obj) == "verified"


def number_rows(doc: dict, verified_only: bool = False) -> Iterator[dict]:
    """One row per number, with its table's verdict; only verified tables' numbers if ``verified_only``."""
    base = {"source_file": doc["source"]["file"], "source_sha256": doc["source"]["sha256"],
            "department": doc.get("department"), "year": doc.get("year"), "doc_kind": doc.get("doc_kind"),
            "document_type": doc.get("document_type")}
    for ti, table in enumerate(doc.get("tables", [])):
        if not _kept(table, verified_only):
            continue
        columns = {(c["id"], c.get("side")): c for c in table.get("columns", [])}
        for ri, row in enumerate(table.get("rows", [])):
            for cid, value in row.get("values", {}).items():
                col = columns.get((cid, row.get("side"))) or columns.get((cid, None)) or {}
                yield base | {
                    "verdict": _verdict(table), "table_type": table["type"], "table_title": table.get("title"),
                    "table_index": ti,
                    "page": row.get("page"), "row_index": ri, "row_kind": row.get("kind"), "side": row.get("side"),
                    "code": row.get("code"), "name": row.get("name"), "column_key": col.get("key", cid),
                    "column_label": col.get("label"), "measure": col.get("measure"), "value": float(value),
                    "unit": table.get("unit"), "value_yuan": value_yuan(value, table.get("unit")),
                    "flags": ";".join(row.get("flags", [])),
                }


def indicator_rows(doc: dict, verified_only: bool = False) -> Iterator[dict]:
    for perf in doc.get("performance", []):
        if not _kept(perf, verified_only):
            continue
        for ind in perf.get("indicators", []):
            yield {"source_file": doc["source"]["file"], "source_sha256": doc["source"]["sha256"],
                   "department": doc.get("department"), "year": doc.get("year"), "table_type": perf["type"],
                   "unit_name": perf.get("unit_name"), "project_name": perf.get("project_name"),
                   "level1": ind.get("level1"), "level2": ind.get("level2"), "level3": ind.get("level3"),
                   "target_raw": ind.get("target_raw"), "comparator": ind.get("comparator"),
                   "target_value": None if ind.get("target_value") is None else float(ind["target_value"]),
                   "target_unit": ind.get("target_unit"), "qualitative": bool(ind.get("qualitative")),
                   "weight": _float(ind.get("weight")), "points": _float(ind.get("points"))}


def _float(value) -> float | None:
    return None if value is None else float(value)


def self_evaluation_rows(doc: dict, verified_only: bool = False) -> Iterator[dict]:
    """One row per indicator of a 绩效自评表: its target beside what the year reached, points and score."""
    for perf in doc.get("performance", []):
        if not perf["type"].endswith("_self_evaluation") or not _kept(perf, verified_only):
            continue
        budget = perf.get("budget_execution") or {}
        base = {"source_file": doc["source"]["file"], "source_sha256": doc["source"]["sha256"],
                "department": perf.get("department") or doc.get("department"), "year": perf.get("year") or doc.get("year"),
                "table_type": perf["type"], "page": (perf.get("pages") or [None])[0],
                "unit_name": perf.get("unit_name"), "project_name": perf.get("project_name"),
                "total_score": _float(perf.get("total_score")), "annual_budget": _float(budget.get("annual_budget")),
                "executed": _float(budget.get("executed")), "execution_rate": _float(budget.get("execution_rate"))}
        for ind in perf.get("indicators", []):
            yield base | {"level1": ind.get("level1"), "level2": ind.get("level2"), "level3": ind.get("level3"),
                          "target_raw": ind.get("target_raw"), "actual_raw": ind.get("actual_raw"),
                          "points": _float(ind.get("points")), "score": _float(ind.get("score")),
                          "deviation": ind.get("deviation")}


def project_rows(doc: dict, verified_only: bool = False) -> Iterator[dict]:
    """One row per performance form (a project of a list, a project or department form), with its amounts
    and goal: lists that print no indicators are here too."""
    for perf in doc.get("performance", []):
        if not _kept(perf, verified_only):
            continue
        yield {"source_file": doc["source"]["file"], "source_sha256": doc["source"]["sha256"],
               "department": perf.get("department") or doc.get("department"), "year": perf.get("year") or doc.get("year"),
               "verdict": _verdict(perf), "table_type": perf["type"], "page": (perf.get("pages") or [None])[0], "unit_name": perf.get("unit_name"),
               "project_code": perf.get("project_code"), "project_name": perf.get("project_name"),
               "total_amount": _float(perf.get("total_amount")), "year_amount": _float(perf.get("year_amount")),
               "fiscal_amount": _float(perf.get("fiscal_amount")), "other_amount": _float(perf.get("other_amount")),
               "annual_goal": perf.get("annual_goal"), "overall_goal": perf.get("overall_goal"),
               "period_goal": perf.get("period_goal"),
               "other_amounts": ";".join(f"{a['label']}={a['value']}" for a in perf.get("other_amounts", [])) or None,
               "indicators": len(perf.get("indicators", [])), "total_score": _float(perf.get("total_score"))}


def fact_rows(doc: dict) -> Iterator[dict]:
    """One row per figure stated in the prose, with the outcome of its check against the tables."""
    base = {"source_file": doc["source"]["file"], "source_sha256": doc["source"]["sha256"],
            "department": doc.get("department"), "year": doc.get("year"), "doc_kind": doc.get("doc_kind")}
    for i, fact in enumerate(doc.get("facts", [])):
        unit = fact.get("unit")
        factor = money_factor(unit) if unit else None        # catalog/facts.toml [parse] money
        yuan = Decimal(repr(fact["value"])) * factor if factor is not None else None
        yield base | {"fact_index": i, "key": fact.get("key"), "label": fact.get("label"), "value": float(fact["value"]),
                      "unit": unit, "value_yuan": None if yuan is None else float(yuan), "page": fact.get("page"),
                      "fact_year": fact.get("year"), "reason": fact.get("reason"), "share_of": fact.get("share_of"),
                      "status": fact.get("status"), "text": fact.get("text")} | {
            f: None if fact.get(f) is None else float(fact[f]) for f in _FACT_FLOATS}


def documents(folder: Path, include_other: bool = False) -> Iterator[dict]:
    """The extractor outputs below ``folder``; documents typed `other` (not disclosures: circulars, forms
    a scraper saved under a budget's name) only when asked for."""
    for path in sorted(folder.rglob("*.json"), key=lambda p: p.relative_to(folder).as_posix()):
        if path.name.startswith("_"):
            continue
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if isinstance(data, dict) and "source" in data and "tables" in data:
            if include_other or data.get("document_type") != "other":
                yield data


def _write(rows: list[dict], fields: list[str], path: Path, fmt: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if fmt == "csv":
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields)
            w.writeheader()
            w.writerows(rows)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        types = {"year": pa.int64(), "table_index": pa.int64(), "page": pa.int64(), "row_index": pa.int64(), "indicators": pa.int64(),
                 "value": pa.float64(), "value_yuan": pa.float64(), "qualitative": pa.bool_()}
        types |= {f: pa.float64() for f in _FLOATS}
        types |= {f: pa.float64() for f in _FACT_FLOATS} | {"fact_index": pa.int64(), "fact_year": pa.int64()}
        schema = pa.schema([(f, types.get(f, pa.string())) for f in fields])
        table = pa.Table.from_pylist(rows, schema=schema)
        pq.write_table(table, tmp)
    else:
        raise ValueError(f"unknown format {fmt!r}: use csv or parquet")
    tmp.replace(path)


def export(folder: str | Path, output: str | Path, fmt: str = "csv",
           include_other: bool = False, verified_only: bool = False) -> tuple[Path, Path, int, int]:
    """Write the numbers to ``output`` and beside it the indicators (``<stem>.indicators<suffix>``), the
    self-evaluation indicators (``<stem>.self_evaluation<suffix>``) and the performance forms, one row per
    project (``<stem>.projects<suffix>``), and the figures stated in the prose (``<stem>.facts<suffix>``).
    Documents that are no disclosure (document_type `other`) are left out unless ``include_other``;
    ``verified_only``: only the rows of tables and forms whose verdict is ``verified``, and the facts of
    verified documents."""
    folder, output = Path(folder), Path(output)
    numbers: list[dict] = []
    indicators: list[dict] = []
    evaluations: list[dict] = []
    projects: list[dict] = []
    facts: list[dict] = []
    for doc in documents(folder, include_other):
        numbers.extend(number_rows(doc, verified_only))
        indicators.extend(indicator_rows(doc, verified_only))
        evaluations.extend(self_evaluation_rows(doc, verified_only))
        projects.extend(project_rows(doc, verified_only))
        if _kept(doc, verified_only):
            facts.extend(fact_rows(doc))
    ind_path = output.with_name(f"{output.stem}.indicators{output.suffix}")
    _write(numbers, NUMBER_FIELDS, output, fmt)
    _write(indicators, INDICATOR_FIELDS, ind_path, fmt)
    _write(evaluations, SELF_EVALUATION_FIELDS, output.with_name(f"{output.stem}.self_evaluation{output.suffix}"), fmt)
    _write(projects, PROJECT_FIELDS, output.with_name(f"{output.stem}.projects{output.suffix}"), fmt)
    _write(facts, FACT_FIELDS, output.with_name(f"{output.stem}.facts{output.suffix}"), fmt)
    return output, ind_path, len(numbers), len(indicators)

"""The tidy export of SCHEMA.md: one row per number, one row per indicator, over a folder of JSON."""
from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Iterator

NUMBER_FIELDS = ["source_file", "source_sha256", "department", "year", "doc_kind", "table_type", "table_title",
                 "table_index", "page", "row_index", "row_kind", "side", "code", "name", "column_key",
                 "column_label", "measure", "value", "unit", "value_yuan", "flags"]
INDICATOR_FIELDS = ["source_file", "source_sha256", "department", "year", "table_type", "unit_name", "project_name",
                    "level1", "level2", "level3", "target_raw", "comparator", "target_value", "target_unit",
                    "qualitative"]
_YUAN = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000)}


def value_yuan(value: float | int, unit: str | None) -> float | None:
    if unit not in _YUAN:
        return None
    exact = Decimal(repr(value)) * _YUAN[unit]
    return float(exact) if exact != exact.to_integral_value() else float(int(exact))


def number_rows(doc: dict) -> Iterator[dict]:
    base = {"source_file": doc["source"]["file"], "source_sha256": doc["source"]["sha256"],
            "department": doc.get("department"), "year": doc.get("year"), "doc_kind": doc.get("doc_kind")}
    for ti, table in enumerate(doc.get("tables", [])):
        columns = {(c["id"], c.get("side")): c for c in table.get("columns", [])}
        for ri, row in enumerate(table.get("rows", [])):
            for cid, value in row.get("values", {}).items():
                col = columns.get((cid, row.get("side"))) or columns.get((cid, None)) or {}
                yield base | {
                    "table_type": table["type"], "table_title": table.get("title"), "table_index": ti,
                    "page": row.get("page"), "row_index": ri, "row_kind": row.get("kind"), "side": row.get("side"),
                    "code": row.get("code"), "name": row.get("name"), "column_key": col.get("key", cid),
                    "column_label": col.get("label"), "measure": col.get("measure"), "value": float(value),
                    "unit": table.get("unit"), "value_yuan": value_yuan(value, table.get("unit")),
                    "flags": ";".join(row.get("flags", [])),
                }


def indicator_rows(doc: dict) -> Iterator[dict]:
    for perf in doc.get("performance", []):
        for ind in perf.get("indicators", []):
            yield {"source_file": doc["source"]["file"], "source_sha256": doc["source"]["sha256"],
                   "department": doc.get("department"), "year": doc.get("year"), "table_type": perf["type"],
                   "unit_name": perf.get("unit_name"), "project_name": perf.get("project_name"),
                   "level1": ind.get("level1"), "level2": ind.get("level2"), "level3": ind.get("level3"),
                   "target_raw": ind.get("target_raw"), "comparator": ind.get("comparator"),
                   "target_value": None if ind.get("target_value") is None else float(ind["target_value"]),
                   "target_unit": ind.get("target_unit"), "qualitative": bool(ind.get("qualitative"))}


def documents(folder: Path) -> Iterator[dict]:
    for path in sorted(folder.rglob("*.json"), key=lambda p: p.relative_to(folder).as_posix()):
        if path.name.startswith("_"):
            continue
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if isinstance(data, dict) and "source" in data and "tables" in data:
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
        types = {"year": pa.int64(), "table_index": pa.int64(), "page": pa.int64(), "row_index": pa.int64(),
                 "value": pa.float64(), "value_yuan": pa.float64(), "target_value": pa.float64(),
                 "qualitative": pa.bool_()}
        schema = pa.schema([(f, types.get(f, pa.string())) for f in fields])
        table = pa.Table.from_pylist(rows, schema=schema)
        pq.write_table(table, tmp)
    else:
        raise ValueError(f"unknown format {fmt!r}: use csv or parquet")
    tmp.replace(path)


def export(folder: str | Path, output: str | Path, fmt: str = "csv") -> tuple[Path, Path, int, int]:
    """Write the numbers to ``output`` and the indicators beside it (``<stem>.indicators<suffix>``)."""
    folder, output = Path(folder), Path(output)
    numbers: list[dict] = []
    indicators: list[dict] = []
    for doc in documents(folder):
        numbers.extend(number_rows(doc))
        indicators.extend(indicator_rows(doc))
    ind_path = output.with_name(f"{output.stem}.indicators{output.suffix}")
    _write(numbers, NUMBER_FIELDS, output, fmt)
    _write(indicators, INDICATOR_FIELDS, ind_path, fmt)
    return output, ind_path, len(numbers), len(indicators)

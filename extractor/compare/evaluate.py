"""Scores of predicted documents against goldens: table detection, numeric cells, indicators, checks.

Cells are compared as (table type, side, row code or name, column id) -> value; indicators as
(project, level1, level2, level3, target_raw). Multisets, so a repeated cell must appear as often.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Counter, pred: Counter) -> None:
        self.tp += sum((gold & pred).values())
        self.gold += sum(gold.values())
        self.pred += sum(pred.values())

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class FileScore:
    name: str
    tables: Score = field(default_factory=Score)
    tables_by_type: dict[str, Score] = field(default_factory=dict)
    cells: Score = field(default_factory=Score)
    indicators: Score = field(default_factory=Score)
    checks_failed: int = 0
    missing_prediction: bool = False


def _tables(doc: dict) -> Counter:
    return Counter((t.get("type"), (t.get("pages") or [None])[0]) for t in doc.get("tables", []))


def _cells(doc: dict) -> Counter:
    out: Counter = Counter()
    for t in doc.get("tables", []):
        if t.get("type") == "unknown":
            continue        # untyped tables are kept raw; their cells are not scored
        for r in t.get("rows", []):
            label = r.get("code") or r.get("name") or ""
            for col, v in (r.get("values") or {}).items():
                out[(t.get("type"), r.get("side"), label, col, float(v))] += 1
    return out


def _indicators(doc: dict) -> Counter:
    out: Counter = Counter()
    for p in doc.get("performance", []):
        project = p.get("project_name") or p.get("unit_name") or p.get("title")
        for i in p.get("indicators", []):
            out[(project, i.get("level1"), i.get("level2"), i.get("level3"), i.get("target_raw"))] += 1
    return out


def score_pair(name: str, pred: dict | None, gold: dict) -> FileScore:
    fs = FileScore(name)
    if pred is None:
        fs.missing_prediction = True
        pred = {}
    gt, pt = _tables(gold), _tables(pred)
    fs.tables.add(gt, pt)
    for typ in sorted({k[0] for k in gt} | {k[0] for k in pt}, key=str):
        s = fs.tables_by_type.setdefault(str(typ), Score())
        s.add(Counter({k: v for k, v in gt.items() if k[0] == typ}), Counter({k: v for k, v in pt.items() if k[0] == typ}))
    fs.cells.add(_cells(gold), _cells(pred))
    if "performance" in gold:
        fs.indicators.add(_indicators(gold), _indicators(pred))
    fs.checks_failed = sum(c.get("status") == "fail" for t in pred.get("tables", []) for c in t.get("checks", []))
    return fs


def evaluate(pred_dir: Path, golden_dir: Path) -> tuple[list[FileScore], dict]:
    files: list[FileScore] = []
    total = {"tables": Score(), "cells": Score(), "indicators": Score()}
    checks = 0
    for gpath in sorted(golden_dir.rglob("*.json")):
        rel = gpath.relative_to(golden_dir)
        ppath = pred_dir / rel
        if not ppath.is_file():
            ppath = pred_dir / rel.name
        pred = json.loads(ppath.read_text(encoding="utf-8")) if ppath.is_file() else None
        fs = score_pair(str(rel), pred, json.loads(gpath.read_text(encoding="utf-8")))
        files.append(fs)
        for k in total:
            s = getattr(fs, k)
            total[k].tp += s.tp
            total[k].pred += s.pred
            total[k].gold += s.gold
        checks += fs.checks_failed
    overall = {k: v.as_dict() for k, v in total.items()} | {"checks_failed": checks, "files": len(files)}
    return files, overall


def report(files: list[FileScore], overall: dict) -> str:
    lines = [f"{'file':50} {'tables F1':>9} {'cells P':>8} {'cells R':>8} {'cells F1':>8} {'ind F1':>7} {'fails':>5}"]
    for f in files:
        note = "  (no prediction)" if f.missing_prediction else ""
        lines.append(f"{f.name[:50]:50} {f.tables.f1:9.4f} {f.cells.precision:8.4f} {f.cells.recall:8.4f} "
                     f"{f.cells.f1:8.4f} {f.indicators.f1:7.4f} {f.checks_failed:5d}{note}")
        for typ, s in sorted(f.tables_by_type.items()):
            if s.f1 < 1:
                lines.append(f"    table type {typ}: precision {s.precision:.2f} recall {s.recall:.2f}")
    o = overall
    lines.append(f"{'overall':50} {o['tables']['f1']:9.4f} {o['cells']['precision']:8.4f} {o['cells']['recall']:8.4f} "
                 f"{o['cells']['f1']:8.4f} {o['indicators']['f1']:7.4f} {o['checks_failed']:5d}")
    return "\n".join(lines)


def as_json(files: list[FileScore], overall: dict) -> str:
    data = {"files": [{"name": f.name, "missing_prediction": f.missing_prediction, "tables": f.tables.as_dict(),
                       "tables_by_type": {k: v.as_dict() for k, v in f.tables_by_type.items()},
                       "cells": f.cells.as_dict(), "indicators": f.indicators.as_dict(),
                       "checks_failed": f.checks_failed} for f in files], "overall": overall}
    return json.dumps(data, ensure_ascii=False, indent=1)

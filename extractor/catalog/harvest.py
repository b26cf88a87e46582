"""Grow ``subjects.toml`` (政府收支分类科目: code -> the names printed for it) from text-layer PDFs.

    python -m extractor.catalog.harvest ../shared/real/*.pdf samples/jiyuan_2020_full.pdf

Only text layers are harvested (a scan's names are what this catalog corrects), only rows whose code
has the shape of a 类/款/项 (3, 5 or 7 digits), and names are kept as printed. Entries already in the
file stay; new codes and new printed names for a known code are added, sorted, so re-running it on
the same files changes nothing.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from . import HERE, load

_SHAPE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_KIND = {"2": "function", "3": "economic", "5": "government_economic"}     # by the code's first digit
# tables whose name column names projects, purchases or units, not the subject
_NOT_SUBJECTS = {"unknown", "project_expenditure", "government_procurement", "government_purchase_services"}


def _kind(code: str) -> str | None:
    return _KIND.get(code[:1]) if _SHAPE.match(code) else None


def harvest(paths: list[str]) -> dict[str, dict[str, set[str]]]:
    from ..pipeline import extract
    found: dict[str, dict[str, set[str]]] = {k: {} for k in _KIND.values()}
    for path in paths:
        doc = extract(path)
        for table in doc.tables:
            if table.type in _NOT_SUBJECTS:
                continue
            for row in table.rows:
                if row.flags and any(f.startswith(("ocr", "repaired", "name_overflow")) for f in row.flags):
                    continue
                pairs = [(row.code, row.name)] + [(c.code, c.name) for c in (row.classifications or {}).values()]
                for code, name in pairs:
                    kind = _kind(code or "")
                    if kind and name and not re.search(r"\d{3}", name):
                        found[kind].setdefault(code, set()).add(name)
    for codes in found.values():        # a name cut short by its cell (…基本养老保) beside the whole one
        for code, names in codes.items():
            codes[code] = {n for n in names if not any(o != n and o.startswith(n) for o in names)}
    return found


def write(found: dict[str, dict[str, set[str]]], path: Path) -> None:
    old = load("subjects") if path.is_file() else {}
    lines = [
        "# 政府收支分类科目: subject code -> the names printed for it, by classification.",
        "# function: 支出功能分类 (类 3 digits, 款 5, 项 7); economic: 部门预算支出经济分类 (301…);",
        "# government_economic: 政府预算支出经济分类 (501…). Grown by `python -m extractor.catalog.harvest`",
        "# from text-layer disclosures; names as printed. Used to check and correct codes and names read by OCR.",
    ]
    for kind in _KIND.values():
        merged: dict[str, set[str]] = {c: set(n) for c, n in old.get(kind, {}).items()}
        for code, names in found.get(kind, {}).items():
            merged.setdefault(code, set()).update(names)
        lines.append(f"\n[{kind}]")
        for code in sorted(merged, key=lambda c: (c[:3], len(c), c)):
            names = ", ".join(f'"{n}"' for n in sorted(merged[code]))
            lines.append(f'"{code}" = [{names}]')
    tmp = path.with_suffix(".toml.part")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


if __name__ == "__main__":
    write(harvest(sys.argv[1:]), HERE / "subjects.toml")
    print(f"wrote {HERE / 'subjects.toml'}")

"""Scanned tables: subject codes and names read by OCR, checked against the classification catalog
(``catalog/subjects.toml``, 政府收支分类科目 as printed in text-layer disclosures).

Only rows read from page images are touched, and only where the catalog leaves one answer:
- a known code whose name OCR garbled (社会保障和就业古出) gets the catalog's name for that code, when
  the two have the same length and are close (rapidfuzz ratio at or above ``NAME_CUTOFF``): a name
  of another length is a variant as printed (一般公共服务 for 一般公共服务支出); flag ``name_from_catalog``;
- a code the catalog does not know, one digit away from exactly one code whose catalog name is the
  row's name, is corrected; flag ``code_from_catalog``;
- an uncoded 一、二、 row on the expenditure side of a 收支总表 names a 类: a near miss gets the 类's
  name; flag ``name_from_catalog``;
- a row with a name and no code, inside a coded block, gets the one sibling or child code of the row
  above whose catalog name is its name; flag ``code_from_catalog``.
Names that differ only in bracket width or punctuation are left as read: the catalog holds several
regions' spellings, and none of them is more right than what was printed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from ... import catalog
from ...mapping.financial.hierarchy import levels_of
from ...mapping.financial.tables import MappedTable
from ...models import Row

SUMMARY_TYPES = {"summary", "appropriation_summary"}     # 收支总表: 类 named without codes
NAME_CUTOFF = 70.0          # rapidfuzz ratio: one or two misread characters in a 5-10 character name
SAME_NAME = 90.0            # a name that identifies a code
_KINDS = {"2": "function", "3": "economic", "5": "government_economic"}
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")


def _norm(name: str) -> str:
    return re.sub(r"[。.·,，、\s]", "", catalog.norm_label(name))


@lru_cache(maxsize=None)
def _names(kind: str) -> dict[str, tuple[str, ...]]:
    return {code: tuple(names) for code, names in catalog.load("subjects").get(kind, {}).items()}


def _kind(code: str) -> str | None:
    return _KINDS.get(code[:1]) if re.fullmatch(r"\d{3}(?:\d{2}){0,2}", code) else None


def _closest(name: str, names: tuple[str, ...]) -> tuple[str, float] | None:
    hit = process.extractOne(_norm(name), [_norm(n) for n in names], scorer=fuzz.ratio)
    return (names[hit[2]], hit[1]) if hit else None


def _flag(row: Row, flag: str) -> None:
    row.flags = sorted({*row.flags, flag})


def _class_names() -> tuple[str, ...]:
    return tuple(n for code, names in _names("function").items() if len(code) == 3 for n in names)


def _fix_name(row: Row, summary: bool) -> bool:
    """``summary``: the row is on the expenditure side of a 收支总表, where uncoded rows name 类."""
    kind = _kind(row.code or "")
    names = _names(kind).get(row.code) if kind else None
    if not row.code and summary and row.side == "expenditure" and _NUMBERING.match(row.name or ""):
        names = _class_names()
    if not names or not row.name:
        return False
    head = _NUMBERING.match(row.name)
    prefix, body = (head.group(0), row.name[head.end():]) if head else ("", row.name)
    if any(_norm(body) == _norm(n) for n in names):
        return False
    same_length = tuple(n for n in names if len(_norm(n)) == len(_norm(body)))
    best = _closest(body, same_length) if same_length else None
    if best is None or best[1] < NAME_CUTOFF:
        return False        # OCR misreads characters, it seldom adds or drops them: a shorter name is printed so
    row.name = prefix + best[0]
    _flag(row, "name_from_catalog")
    return True


def _fix_code(row: Row) -> bool:
    """A code one digit off a known code whose name is this row's name."""
    kind = _kind(row.code or "")
    if not kind or not row.name or row.code in _names(kind):
        return False
    near = [c for c in _names(kind) if len(c) == len(row.code)
            and sum(a != b for a, b in zip(c, row.code)) == 1
            and (_closest(row.name, _names(kind)[c]) or ("", 0))[1] >= SAME_NAME]
    if len(near) != 1:
        return False
    _set_code(row, near[0])
    return True


def _fill_code(row: Row, above: Row | None) -> bool:
    """A name without its code (OCR lost it) inside a coded block: the sibling or child code of the
    row above that the catalog names so."""
    if row.code or not row.name or above is None or not above.code:
        return False
    kind = _kind(above.code)
    if kind is None:
        return False
    fits = [c for c in _names(kind)
            if (len(c) == len(above.code) and c[:-2] == above.code[:-2] and c != above.code)
            or (len(c) == len(above.code) + 2 and c.startswith(above.code))]
    named = [c for c in fits if (_closest(row.name, _names(kind)[c]) or ("", 0))[1] >= SAME_NAME]
    if len(named) != 1:
        return False
    _set_code(row, named[0])
    return True


def _set_code(row: Row, code: str) -> None:
    row.code = code
    row.code_levels = levels_of(code)
    _flag(row, "code_from_catalog")


_TRAILING = re.compile(r"[。.·,，]+$")


def correct_subjects(mapped: list[MappedTable], ocr_pages: set[int]) -> int:
    """Check and correct the codes and names of rows read by OCR; returns the number of rows changed."""
    changed = 0
    for m in mapped:
        rows = m.table.rows
        if m.table.type == "unknown" or not any(r.page in ocr_pages for r in rows):
            continue
        summary = m.table.type in SUMMARY_TYPES
        above: Row | None = None
        for row in rows:
            if row.page in ocr_pages and row.name:
                row.name = _TRAILING.sub("", row.name) or row.name     # a speck read as a full stop
            if row.page in ocr_pages and row.kind != "total":
                hit = _fix_code(row) or _fill_code(row, above)
                hit = _fix_name(row, summary) or hit
                changed += hit
            if row.code:
                above = row
            elif row.kind in ("total", "unit"):
                above = None
    return changed

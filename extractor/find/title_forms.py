"""Titles that name their form only once the words printed around the form name are taken off.

Templates print the form name with more around it than the catalog's titles hold: a table number after
it (收支总表（预算表1）) or the issuing body's name between the year and the form name
(一、2017年度江苏省高级人民法院部门收支预算总表). Fuzzy matching the whole scores them 52-62, under the cutoff,
so they are matched again without those words (the patterns and word lists: tables.toml ``title_strip``);
the best score of the printed text and its stripped forms wins, the printed text on a tie.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import catalog


@lru_cache(maxsize=None)
def _trailing() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in catalog.load("tables")["title_strip"]["trailing"])


@lru_cache(maxsize=None)
def _body_end() -> re.Pattern:
    """The end of an issuing body's name, with the generic words a template prints after it (部门, 本级)."""
    cfg = catalog.load("tables")["title_strip"]
    suffixes = "|".join(re.escape(s) for s in sorted(cfg["body_suffixes"], key=len, reverse=True))
    generic = "|".join(re.escape(s) for s in sorted(cfg["body_generic"], key=len, reverse=True))
    return re.compile(rf"(?:{suffixes})((?:{generic})*)")


def without_number(text: str) -> str:
    """The title without table numbers printed after the form name (（预算表1）, …表预算表)."""
    changed = True
    while changed:
        changed = False
        for rx in _trailing():
            cut = rx.sub("", text)
            if cut != text and cut:
                text, changed = cut, True
    return text


def stripped_forms(text: str) -> list[tuple[str, bool]]:
    """The title's forms to match besides the printed one, each with whether only an exact match counts:
    without a trailing table number, and each remainder after an issuing body's name (what follows a body
    suffix, with or without the generic words after it). A remainder of text that does not end in 表 (a
    heading: 西安市发展和改革委员会内设机构信息) must be a catalog title as it stands."""
    t = catalog.normalise_title(text)
    out: list[tuple[str, bool]] = []
    cut = without_number(t)
    if cut != t:
        out.append((cut, False))
    exact = not cut.endswith("表")
    for m in _body_end().finditer(cut):
        if m.start() >= 1 and m.end() < len(cut) - 2:
            out += [(rest, exact) for rest in dict.fromkeys((cut[m.start(1):], cut[m.end():]))]  # 机关 may open the name
    return out


def best_match(text: str, cutoff: float) -> catalog.Match | None:
    """The best catalog match of the printed title or one of its stripped forms."""
    index = catalog.title_index()
    best = index.match(text, cutoff)
    if best is not None and best.score >= 100:
        return best
    for form, exact in stripped_forms(text):
        m = index.match(form, 100.0 if exact else cutoff)
        if m is not None and (best is None or m.score > best.score):
            best = m
    return best

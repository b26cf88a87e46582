"""Indicator target values: '≥95%' -> (≥, 95, %); '合理' -> qualitative; '每年酒精检测人员 ≥1000人' -> the
name part is split off for the caller."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import catalog
from .values import to_json_number


@dataclass
class Target:
    comparator: str | None = None
    value: int | float | None = None
    unit: str | None = None
    qualitative: bool = False
    name_prefix: str | None = None     # a 三级 name fused in front of its value


@lru_cache(maxsize=None)
def _pattern() -> re.Pattern:
    comps = sorted(catalog.load("indicators")["targets"]["comparators"], key=len, reverse=True)
    alt = "|".join(re.escape(c) for c in comps)
    return re.compile(rf"^(?P<pre>.*?)\s*(?P<cmp>{alt})?\s*(?P<num>-?\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?P<unit>[^\d\s]{{0,6}})$")


def parse_target(raw: str | None) -> Target:
    if not raw:
        return Target()
    text = re.sub(r"\s+", " ", raw.strip().translate(str.maketrans("０１２３４５６７８９％．", "0123456789%.")))
    m = _pattern().match(text)
    if not m:
        words = catalog.load("indicators")["targets"]["qualitative"]
        return Target(qualitative=any(w in text for w in words) or not re.search(r"\d", text))
    comps = catalog.load("indicators")["targets"]["comparators"]
    pre = m.group("pre").strip()
    comparator = comps.get(m.group("cmp")) if m.group("cmp") else None
    value = to_json_number(Decimal(m.group("num").replace(",", "")))
    unit = m.group("unit") or None
    return Target(comparator, value, unit, False, pre or None)   # 每年酒精检测人员 ≥1000人

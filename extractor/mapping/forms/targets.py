"""Indicator target values: '≥95%' -> (≥, 95, %); '合理' -> qualitative; '400条以上' -> (≥, 400, 条);
'每年酒精检测人员 ≥1000人' -> the name part in front is handed back for the caller to split off.
Words, units and comparators are data (catalog/indicators.toml [targets])."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ... import catalog
from ...text.amounts import to_json_number

_FULL = str.maketrans("０１２３４５６７８９％．，", "0123456789%.,")
_SEPARATORS = re.compile(r"[，,；;。、（(]")


@dataclass
class Target:
    comparator: str | None = None
    value: int | float | None = None
    unit: str | None = None
    qualitative: bool = False
    name_prefix: str | None = None     # text printed in front of the value: a fused 三级 name, 每年, 全年 …


@lru_cache(maxsize=None)
def _cfg() -> dict:
    return catalog.load("indicators")["targets"]


@lru_cache(maxsize=None)
def _pattern() -> re.Pattern:
    comps = sorted(_cfg()["comparators"], key=len, reverse=True)
    alt = "|".join(re.escape(c) for c in comps)
    return re.compile(rf"^(?P<pre>[^\d]*?)\s*(?P<cmp>{alt})?\s*(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<tail>.*)$", re.S)


@lru_cache(maxsize=None)
def _units() -> tuple[str, ...]:
    return tuple(sorted(set(_cfg()["units"]), key=len, reverse=True))


def comparator_of(text: str | None) -> str | None:
    """'≥' / '＞＝' / '不低于' -> the schema's comparator; anything else -> None."""
    if not text:
        return None
    return _cfg()["comparators"].get(re.sub(r"\s+", "", text))


def _unit(head: str) -> tuple[str | None, str]:
    """The unit at the start of ``head`` and what follows it."""
    for u in _units():
        if head.startswith(u):
            rest = head[len(u):]
            m = re.match(r"/(" + "|".join(map(re.escape, _cfg()["per"])) + ")", rest)
            if m and "/" not in u:
                return u + m.group(0), rest[m.end():]
            return u, rest
    m = re.match(r"[^\d\s%]{1,3}$", head)
    if m:
        return head, ""
    return None, head


def parse_target(raw: str | None) -> Target:
    if not raw:
        return Target()
    text = re.sub(r"\s+", " ", raw.strip().translate(_FULL))
    m = _pattern().match(text)
    words = _cfg()["qualitative"]
    unparsed = Target(qualitative=any(w in text for w in words) or not re.search(r"\d", text))
    if not m:
        return unparsed
    parts = _SEPARATORS.split(m.group("tail").strip(), maxsplit=1)
    head = parts[0].strip()
    if len(parts) > 1 and re.search(r"\d", parts[1]):
        return unparsed                           # two numbers: 飞机增雨10次/年；火箭增雨12次/年
    if re.search(r"\d", head):
        return unparsed
    value = Decimal(m.group("num").replace(",", ""))
    unit, after = _unit(head)
    if unit == "年" and 1990 <= value <= 2100 and after:
        return unparsed                           # 2026年底前完成: a date, not a number of years
    comps = _cfg()["comparators"]
    comparator = comps.get(m.group("cmp")) if m.group("cmp") else None
    if comparator is None:
        for word, comp in sorted(_cfg()["suffix_comparators"].items(), key=lambda kv: -len(kv[0])):
            if after.startswith(word) or (unit is None and head.startswith(word)):
                comparator = comp
                break
    pre = m.group("pre").strip()
    return Target(comparator, to_json_number(value), unit, False, pre or None)

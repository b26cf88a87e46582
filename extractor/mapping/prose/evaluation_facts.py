"""The figures of a performance evaluation published on its own are its results (年初预算, 调整后预算,
实际支出, 执行率), not a department's budget statement: catalog/facts.toml [[evaluation]] keys them so,
and the keys have no table counterpart to be checked against."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import catalog
from ...models import Fact
from .facts import normal_label


@lru_cache(maxsize=1)
def _entries() -> list[tuple[str, tuple[re.Pattern, ...], frozenset[str]]]:
    return [(e["key"], tuple(re.compile(p) for p in e["patterns"]), frozenset(e.get("units", ())))
            for e in catalog.load("facts").get("evaluation", [])]


def evaluation_key(label: str, unit: str) -> str | None:
    text, _ = normal_label(label)
    for key, patterns, units in _entries():
        if (not units or unit in units) and any(p.search(text) for p in patterns):
            return key
    return None


def key_evaluation_facts(facts: list[Fact]) -> None:
    """Re-key the facts of an evaluation document whose label names an evaluation result."""
    for fact in facts:
        key = evaluation_key(fact.label, fact.unit)
        if key is not None:
            fact.key = key

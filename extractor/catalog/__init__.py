"""Domain knowledge as data: the TOML files beside this module, loaded once and matched fuzzily.

Code never lists titles, header aliases or row words itself; it asks this module.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

HERE = Path(__file__).parent
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": "", "”": "", '"': "", "‘": "", "’": "", "（": "(", "）": ")", "：": ":", "，": ",",
                         "、": "、", "　": ""})


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    with open(HERE / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1 << 16)
def norm_label(text: str) -> str:
    """Header/label normal form: no whitespace, no quotes, ASCII brackets and colon, 其它 spelt 其他. Cached:
    the same header and row words are normalised again by every stage that reads them."""
    return _SPACE.sub("", text).translate(_QUOTES).replace("其它", "其他")


@dataclass(frozen=True)
class Match:
    value: str   # the catalog id / key matched
    alias: str   # the catalog alias that matched
    score: float


class FuzzyIndex:
    """rapidfuzz process.extractOne over (alias -> id) with an explicit scorer and cutoff."""

    def __init__(self, pairs: list[tuple[str, str]], normalise=norm_label):
        self._norm = normalise
        self._aliases = [normalise(a) for a, _ in pairs]
        self._ids = [i for _, i in pairs]
        self._raw = [a for a, _ in pairs]

    def match(self, text: str, cutoff: float) -> Match | None:
        query = self._norm(text)
        if not query:
            return None
        hit = process.extractOne(query, self._aliases, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is None:
            return None
        _, score, idx = hit
        return Match(self._ids[idx], self._raw[idx], round(float(score), 1))

    def prefix(self, text: str, min_len: int) -> Match | None:
        """A label cut short by its cell (因公出国（ in a narrow vertical header): the one id whose aliases
        start with it; None where it is short or opens aliases of several ids."""
        query = self._norm(text)
        if len(query) < min_len:
            return None
        hits = {(ident, raw) for alias, ident, raw in zip(self._aliases, self._ids, self._raw) if alias.startswith(query)}
        ids = {ident for ident, _ in hits}
        if len(ids) != 1:
            return None
        raw = min(r for _, r in hits)
        return Match(ids.pop(), raw, round(100.0 * len(query) / len(self._norm(raw)), 1))

    def exact(self, text: str) -> str | None:
        query = self._norm(text)
        for alias, ident in zip(self._aliases, self._ids):
            if alias == query:
                return ident
        return None


# ---- table titles -------------------------------------------------------------------------------
_YEAR = re.compile(r"\d{4}\s*年\s*度?")
_TABLE_NO = re.compile(r"^(?:公开|预算|附)?表\s*[0-9一二三四五六七八九十]+\s*[：:、.．]?\s*|"
                       r"^(?:公开|预算|附)[0-9]+表\s*|"
                       r"^[0-9一二三四五六七八九十]+\s*[、.．：:]\s*")


def normalise_title(text: str) -> str:
    t = norm_label(text)
    t = _YEAR.sub("", t)
    for _ in range(3):
        t = _TABLE_NO.sub("", t)
    cfg = load("tables")["normalize"]
    changed = True
    while changed:
        changed = False
        for p in sorted(cfg["strip_prefixes"], key=len, reverse=True):
            if t.startswith(p) and len(t) > len(p) + 3:
                t = t[len(p):]
                changed = True
        for s in cfg["strip_suffixes"]:
            s = norm_label(s)
            if t.endswith(s):
                t = t[: -len(s)]
                changed = True
    return t


@lru_cache(maxsize=None)
def title_index() -> FuzzyIndex:
    pairs = [(title, t["id"]) for t in load("tables")["type"] for title in t["titles"]]
    return FuzzyIndex(pairs, normalise=normalise_title)


def table_types() -> list[str]:
    return [t["id"] for t in load("tables")["type"]]


@lru_cache(maxsize=None)
def header_rules() -> dict[tuple[str, ...], str]:
    """First header rows that type an untitled table (tables.toml ``headers``), normalised -> type id."""
    return {tuple(norm_label(w) for w in row): t["id"] for t in load("tables")["type"] for row in t.get("headers", [])}


@lru_cache(maxsize=None)
def _header_words() -> tuple[tuple[frozenset[str], str], ...]:
    return tuple((frozenset(norm_label(w) for w in words), t["id"])
                 for t in load("tables")["type"] for words in t.get("header_words", []))


@lru_cache(maxsize=None)
def _header_patterns() -> tuple[tuple[tuple[re.Pattern, ...], str], ...]:
    return tuple((tuple(re.compile(p) for p in pats), t["id"])
                 for t in load("tables")["type"] for pats in t.get("header_patterns", []))


def type_by_header(cells: list[str]) -> str | None:
    """The type an untitled table's first header row names: the whole row (``headers``), words
    standing anywhere in it (``header_words``) or cells of the shapes ``header_patterns`` give (a year
    against a year: the words differ from file to file), each pattern matching a cell of its own."""
    row = tuple(norm_label(c) for c in cells if norm_label(c))
    hit = header_rules().get(row)
    if hit:
        return hit
    present = set(row)
    hit = next((ident for words, ident in _header_words() if words <= present), None)
    if hit:
        return hit
    return next((ident for pats, ident in _header_patterns() if _each_own_cell(pats, row)), None)


def _each_own_cell(patterns: tuple[re.Pattern, ...], row: tuple[str, ...]) -> bool:
    """Every pattern matches a cell of the row, no cell serving two (tried in order: the lists are short)."""
    used: set[int] = set()
    for rx in patterns:
        k = next((i for i, c in enumerate(row) if i not in used and rx.search(c)), None)
        if k is None:
            return False
        used.add(k)
    return True


def keeps_raw(type_id: str) -> bool:
    """Lists of words (预算单位构成, 报表目录 …) keep their cell grid beside their rows."""
    return any(t["id"] == type_id and t.get("keep_raw") for t in load("tables")["type"])


@lru_cache(maxsize=None)
def _not_title_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in load("tables")["not_title"]["patterns"])


def not_a_title(text: str) -> bool:
    """Narrative headings, sentences pointing at a table and table-of-contents lines (tables.toml
    ``not_title``): text that reads like a title but heads no table."""
    t = norm_label(text)
    return any(rx.search(t) for rx in _not_title_res())


# ---- column headers -----------------------------------------------------------------------------
def normalise_column(text: str) -> str:
    """Header normal form; a leading year (2020年“三公”经费预算数) says nothing about the column."""
    return _YEAR.sub("", norm_label(text), count=1) if _YEAR.match(norm_label(text)) else norm_label(text)


@lru_cache(maxsize=None)
def column_index() -> FuzzyIndex:
    keys = load("columns")["keys"]
    return FuzzyIndex([(alias, key) for key, aliases in keys.items() for alias in aliases], normalise=normalise_column)


def summable(key: str) -> bool:
    """A column whose values may add up in a stated sum: not one we cannot name (``unmapped:``), nor a
    count (数量, 人数: columns.toml ``[roles] counts``), which a 合计 beside it does not include."""
    return not key.startswith("unmapped:") and key.split("@")[0].split("#")[0] not in _counts()


@lru_cache(maxsize=None)
def _counts() -> frozenset[str]:
    return frozenset(load("columns")["roles"]["counts"])


@lru_cache(maxsize=None)
def label_set(section: str, name: str) -> frozenset[str]:
    return frozenset(norm_label(x) for x in load("columns")[section][name])


@lru_cache(maxsize=None)
def patterns(file: str, section: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in load(file)[section]["patterns"])

"""Indicator names against the templates of catalog/indicators.toml: which 一级 a 二级 belongs to, fused
一级+二级+三级 cells (产出指标质量指标来信扫描完成率), serialized indicator lists (广州: 1、1-产出指标；
11-数量指标；…), and the template pass that puts each 二级 under its 一级 once a form is read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ... import catalog
from ...models import Indicator, Warning

_SUFFIX = re.compile(r"(?:指标|目标)$")
_NUMBERING = re.compile(r"^\s*(?:指标\s*\d*\s*[：:]|\d+\s*-)\s*")
_ELLIPSIS = re.compile(r"^[.…·。\s]+$")
_POINTS = re.compile(r"\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")      # 产出指标（50分）


def core(name: str | None) -> str:
    """产出指标 -> 产出, 数量 -> 数量, 服务对象满意度指标 -> 服务对象满意度 (the name without 指标/目标)."""
    n = catalog.norm_label(name or "")
    stripped = _SUFFIX.sub("", n)
    return stripped or n


def clean_name(text: str | None) -> str:
    """指标1：作业次数 -> 作业次数; 11-数量指标 -> 数量指标; …… -> ''."""
    t = (text or "").strip()
    if _ELLIPSIS.match(t):
        return ""
    return _POINTS.sub("", _NUMBERING.sub("", t)).strip()


@dataclass(frozen=True)
class Template:
    id: str
    parents: dict[str, tuple[str, ...]]      # 一级 -> its 二级 (canonical names)

    def l1_cores(self) -> set[str]:
        """Made once per template (asked for every indicator row); callers only read it."""
        got = self.__dict__.get("_l1_cores")
        if got is None:
            got = self.__dict__["_l1_cores"] = {core(p) for p in self.parents}
        return got

    def l2_cores(self) -> set[str]:
        got = self.__dict__.get("_l2_cores")
        if got is None:
            got = self.__dict__["_l2_cores"] = {core(c) for cs in self.parents.values() for c in cs}
        return got

    def parents_of(self, level2: str) -> list[str]:
        c = canonical(level2)
        return [p for p, children in self.parents.items() if c in {core(x) for x in children}]


@lru_cache(maxsize=None)
def templates() -> tuple[Template, ...]:
    cfg = catalog.load("indicators")["templates"]
    return tuple(Template(tid, {l1: tuple(l2s) for l1, l2s in levels.items()}) for tid, levels in cfg.items())


@lru_cache(maxsize=None)
def _alias_cores() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, aliases in catalog.load("indicators")["level_aliases"].items():
        for a in [name, *aliases]:
            out[core(a)] = core(name)
    return out


@lru_cache(maxsize=None)
def _known_cores() -> tuple[str, ...]:
    names = {core(x) for t in templates() for p, cs in t.parents.items() for x in (p, *cs)}
    return tuple(sorted(names | set(_alias_cores().values())))


@lru_cache(maxsize=4096)
def canonical(name: str | None) -> str:
    """The core of a printed level name as the templates spell it (exact, by alias, else fuzzily)."""
    c = core(name)
    if not c:
        return c
    c = _alias_cores().get(c, c)
    known = _known_cores()
    if c in known:
        return c
    cutoff = catalog.load("indicators")["cutoffs"]["levels"]
    hit = process.extractOne(c, known, scorer=fuzz.ratio, score_cutoff=cutoff)
    return hit[0] if hit else c


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and canonical(a) == canonical(b)


def is_known_l2(name: str | None, exact: bool = False) -> bool:
    """A 二级 of some template (``exact``: by name or alias only, no fuzzy match)."""
    if not name:
        return False
    c = _alias_cores().get(core(name), core(name)) if exact else canonical(name)
    return any(c in t.l2_cores() for t in templates())


def is_known_l1(name: str | None) -> bool:
    return bool(name) and any(canonical(name) in t.l1_cores() for t in templates())


# ---- fused and serialized cells ------------------------------------------------------------------
@lru_cache(maxsize=None)
def _prefixes(level: int) -> tuple[str, ...]:
    """Printed spellings a 一级 (level 1) or 二级 (level 2) name may start a fused cell with, longest first."""
    names: set[str] = set()
    aliases = catalog.load("indicators")["level_aliases"]
    for t in templates():
        for p, cs in t.parents.items():
            for n in ([p] if level == 1 else list(cs)):
                names |= {n, core(n) + "指标", core(n) + "目标"} | set(aliases.get(n, []))
    return tuple(sorted((catalog.norm_label(n) for n in names), key=len, reverse=True))


def split_fused(text: str) -> tuple[str | None, str | None, str]:
    """产出指标质量指标来信扫描完成率 -> (产出指标, 质量指标, 来信扫描完成率); text with no template prefix
    comes back whole as the 三级."""
    t = catalog.norm_label(text)
    l1 = next((p for p in _prefixes(1) if t.startswith(p) and len(t) > len(p)), None)
    if l1 is None:
        return None, None, text
    rest = t[len(l1):]
    l2 = next((p for p in _prefixes(2) if rest.startswith(p) and len(rest) > len(p)), None)
    if l2 is not None:
        rest = rest[len(l2):]
    return l1, l2, rest


_DASH = r"[-－—–]"
_SEP = r"[，,；;]"
# an item: its number (1、 / 1.), then the 一级 code and name, then the 二级 code (11-, two digits: printed
# under another 一级 at times, 2－效益指标，31－服务对象满意度)
_ITEM = re.compile(rf"(?:^|(?<![\d.]))\s*\d+\s*[、.．]\s*(?=\d\s*{_DASH}[^，,；;]*{_SEP}\s*\d{{2,3}}\s*{_DASH})")
_LEVELS = re.compile(rf"^\s*\d+\s*{_DASH}\s*(?P<l1>[^，,；;]*?)\s*{_SEP}\s*\d+\s*{_DASH}\s*(?P<l2>[^，,；;]*?)"
                     rf"\s*{_SEP}\s*(?P<rest>.*)$", re.S)
_TRAIL = "；;。，, "


def is_serialized(text: str | None) -> bool:
    """A cell holding a numbered indicator list whose 一级 / 二级 are printed as codes with names (1、1-产出指标；
    11-数量指标；… or 1.1－产出指标，11－数量指标，…)."""
    return bool(text) and _ITEM.match(text) is not None


def parse_serialized(text: str) -> list[tuple[str | None, str | None, str | None, str | None, str | None]]:
    """'1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、…'
    -> [(一级, 二级, 三级, 年度指标值, 实施周期指标值), …]. The levels are the coded parts (1- 一级, 11- 二级);
    the 三级 is what follows up to the first value label, and may itself hold separators."""
    cfg = catalog.load("indicators")["serialized"]
    period_re = "|".join(map(re.escape, cfg["period"]))
    annual_re = "|".join(map(re.escape, cfg["annual"]))
    out = []
    starts = [m.start() for m in _ITEM.finditer(text)] + [len(text)]
    for a, b in zip(starts, starts[1:]):
        item = re.sub(r"^\s*\d+\s*[、.．]\s*", "", text[a:b]).strip().rstrip(_TRAIL)
        m = _LEVELS.match(item)
        if not item or m is None:
            continue
        l1, l2, rest = m.group("l1").strip(), m.group("l2").strip(), m.group("rest")
        period = annual = None
        m_p = re.search(rf"(?:{period_re})\s*[:：]?", rest)       # 实施周期指标值》90%: no colon
        m_a = next((m for m in re.finditer(rf"(?:{annual_re})\s*[:：]?", rest)     # not inside the period's label
                    if m_p is None or not m_p.start() <= m.start() < m_p.end()), None)
        cut = min([m.start() for m in (m_p, m_a) if m] or [len(rest)])
        l3 = rest[:cut].strip().rstrip(_TRAIL)
        if m_p:
            end = m_a.start() if m_a and m_a.start() > m_p.start() else len(rest)
            period = rest[m_p.end():end].strip().rstrip(_TRAIL)
        if m_a:
            end = m_p.start() if m_p and m_p.start() > m_a.start() else len(rest)
            annual = rest[m_a.end():end].strip().rstrip(_TRAIL)
        out.append((l1 or None, l2 or None, l3 or None, annual or None, period or None))
    return out


# ---- the template pass ---------------------------------------------------------------------------
def choose_template(indicators: list[Indicator]) -> Template | None:
    """The template sharing most printed 一级 names (then 二级 names) with the form."""
    l1s = {canonical(i.level1) for i in indicators if i.level1}
    l2s = {canonical(i.level2) for i in indicators if i.level2}
    if not l1s and not l2s:
        return None
    scored = [(len(l1s & t.l1_cores()), len(l2s & t.l2_cores()), -n, t) for n, t in enumerate(templates())]
    best = max(scored, key=lambda s: s[:3])
    return best[3] if best[0] or best[1] else None


def place_levels(indicators: list[Indicator], warnings: list[Warning], page: int | None) -> None:
    """Put each 二级 under the 一级 its template gives where the printed (or carried-down) 一级 is another
    一级 of that template: a merged 一级 cell printed on a neighbouring row. A 二级 no template knows stays
    under the printed 一级, with a warning."""
    template = choose_template(indicators)
    printed = {}
    for ind in indicators:
        if ind.level1:
            printed.setdefault(canonical(ind.level1), ind.level1)
    unknown: list[str] = []
    for ind in indicators:
        if template and ind.level1 and not ind.level2 and canonical(ind.level1) not in template.l1_cores() \
                and canonical(ind.level1) in template.l2_cores():
            ind.level1, ind.level2 = None, ind.level1      # a one-row 二级 cell slid into the 一级 column
        if not ind.level2:
            continue
        parents = template.parents_of(ind.level2) if template else []
        if parents:
            if ind.level1 and any(same(ind.level1, p) for p in parents):
                continue
            if ind.level1 is None or canonical(ind.level1) in template.l1_cores():
                ind.level1 = printed.get(canonical(parents[0]), parents[0])
            continue
        if any(t.parents_of(ind.level2) for t in templates()):
            continue        # known to another form's template: the printed 一级 stands
        if ind.level2 not in unknown:
            unknown.append(ind.level2)
    for name in unknown:
        warnings.append(Warning(code="unknown_level2", message=f"二级指标 {name} is in no template; kept under "
                                "the printed 一级指标", page=page))


def fill_leading(indicators: list[Indicator]) -> None:
    """Rows above the first printed 一级/二级 of a form take it: a merged cell whose ruling the PDF drew
    as separate boxes, its text printed in the lower one."""
    for attr in ("level1", "level2"):
        first = next((i for i, ind in enumerate(indicators) if getattr(ind, attr)), None)
        if first is None or first == 0 or first > 3:
            continue
        if attr == "level2" and any(ind.level1 and not same(ind.level1, indicators[first].level1)
                                    for ind in indicators[:first]):
            continue
        for ind in indicators[:first]:
            setattr(ind, attr, getattr(indicators[first], attr))


def named_overleaf_levels(overleaf: dict, *cells) -> set[str]:
    """一级 / 二级 cells that a page break cuts and that print their name only overleaf (drawn once in
    the cell's span, 西安 部门整体支出绩效目标表): the rows under the blank part wait for that name, never
    the name of the group above. The part overleaf names them when it comes. ``overleaf``: the form's
    role -> (the blank cell, the indicators waiting); the roles whose rows wait are returned."""
    out = set()
    for role, c in zip(("level1", "level2"), cells):
        if c is None:
            continue
        waiting = overleaf.get(role)
        if waiting is not None and c.open_top and c.text:
            for ind in overleaf.pop(role)[1]:
                setattr(ind, role, clean_name(c.text))
        elif waiting is not None and c is not waiting[0] and not (c.open_top and not c.text):
            overleaf.pop(role)      # a group of its own began: the cell was left blank
        if not c.text and c.open_bottom and not c.open_top:
            if role not in overleaf or overleaf[role][0] is not c:
                overleaf[role] = (c, [])
            out.add(role)
        elif role in overleaf and c.open_top and not c.text:
            out.add(role)           # a middle page of the span: still waiting
    return out

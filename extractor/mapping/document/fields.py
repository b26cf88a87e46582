"""Document fields: department, fiscal year and budget/final-account kind, from captions and the cover."""
from __future__ import annotations

import re
from collections import Counter

from ... import catalog
from ...find import Caption
from ...find.titles import department_of
from ...read import PageContent

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_COVER = re.compile(r"^(.{2,40}?)(?:（[^）]*）)?((?:19|20)\d{2})年度?(?:区级|市级|县级)?(?:部门|单位)(?:综合)?(预算|决算)")
_COVER_YEAR_FIRST = re.compile(r"^((?:19|20)\d{2})年度?(.{2,40}?)(?:部门|单位)(?:综合)?(?:预算|决算)")
_FILE = re.compile(r"([^_：:\s]{2,40}?)((?:19|20)\d{2})年度?(?:部门|单位)(?:综合)?(?:预算|决算)")


def department(captions: list[Caption], first_pages: list[PageContent]) -> str | None:
    votes = Counter(c.department for c in captions if c.department)
    if votes:
        return votes.most_common(1)[0][0]
    for page in first_pages:
        for line in page.lines():
            found = department_of(line.text)
            if found:
                return found
    for page in first_pages[:2]:
        text = catalog.norm_label("".join(l.text for l in page.lines()))
        m = _COVER.search(text)
        if m:
            return m.group(1)
        m = _COVER_YEAR_FIRST.search(text)
        if m:
            return m.group(2)
    return None


def from_file_name(name: str) -> tuple[str | None, int | None]:
    """Last resort when the pages never print it: 'XX局2026年度部门预算报表.pdf' -> ('XX局', 2026)."""
    m = _FILE.search(catalog.norm_label(name))
    return (m.group(1), int(m.group(2))) if m else (None, None)


def year(captions: list[Caption], first_pages: list[PageContent]) -> int | None:
    votes = Counter(int(m) for c in captions if c.title for m in _YEAR.findall(c.title))
    if votes:
        return votes.most_common(1)[0][0]
    for page in first_pages[:2]:
        text = catalog.norm_label("".join(l.text for l in page.lines()))
        m = _COVER.search(text) or _YEAR.search(text)
        if m:
            return int(m.group(2) if m.re is _COVER else m.group(1))
    return None


def doc_kind(captions: list[Caption], first_pages: list[PageContent]) -> str | None:
    """'budget' / 'final_account' by the stage words of the titles (catalog/document.toml [doc_kind]):
    预算 / 决算, and the performance forms, which belong to one stage too."""
    words = catalog.load("document")["doc_kind"]
    titles = catalog.norm_label("".join(c.title or "" for c in captions))
    final, budget = (sum(titles.count(catalog.norm_label(w)) for w in words[k]) for k in ("final_account", "budget"))
    if final == budget == 0:        # no title, or none with a stage word (…内设机构信息): the opening pages
        text = catalog.norm_label("".join(l.text for p in first_pages[:2] for l in p.lines()))
        final, budget = (sum(text.count(catalog.norm_label(w)) for w in words[k]) for k in ("final_account", "budget"))
    if final == budget == 0:
        return None
    return "final_account" if final > budget else "budget"

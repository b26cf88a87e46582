"""What the document is (部门预算, 单位决算, 绩效评价报告 … or `other`), from its own pages.

A scraped folder holds circulars, gazette pages and forms saved under budget names, so the file name is
never read here. The cover and the heads of the first pages are read first (the words printed first win:
an evaluation report that mentions 部门预算 in its third paragraph is still an evaluation); where they
say nothing, the forms the document holds decide. The catalog (catalog/document_types.toml) holds the
words; this module only reads the pages the pipeline has already read, so it costs no extra page.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ... import catalog
from ...read import PageContent

DISCLOSURE_TYPES = ("department_budget", "unit_budget", "department_final", "unit_final")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Decision:
    type: str
    text: str           # the printed words that decided, as printed
    page: int | None


@lru_cache(maxsize=1)
def _catalog() -> tuple[dict, list[tuple[str, re.Pattern]]]:
    cfg = catalog.load("document_types")
    patterns = [(tid, re.compile(p)) for tid, spec in cfg["types"].items() for p in spec["patterns"]]
    return cfg, patterns


def _norm(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _head_match(page: PageContent, head_lines: int) -> Decision | None:
    """The first type pattern printed in the page's head; the evidence is the printed line(s) it spans."""
    lines = [l.text for l in page.lines()[:head_lines]]
    spans, joined = [], ""
    for text in lines:
        piece = _norm(text)
        spans.append((len(joined), len(joined) + len(piece)))
        joined += piece
    _, patterns = _catalog()
    best = None
    for tid, pattern in patterns:
        m = pattern.search(joined)
        if m and (best is None or m.start() < best[1].start()):
            best = (tid, m)
    if best is None:
        return None
    tid, m = best
    shown = [lines[i].strip() for i, (a, b) in enumerate(spans) if a < m.end() and b > m.start()]
    return Decision(tid, "".join(shown), page.number)


def _stage_type(stage: str | None, level: str) -> str:
    return {"budget": f"{level}_budget", "final_account": f"{level}_final"}.get(stage or "budget")


def _from_forms(tables, performance, doc_kind: str | None) -> Decision | None:
    """No head says what the document is: its forms do. Financial tables of catalog types or 绩效目标表
    make a disclosure of the stage the titles name; 绩效自评表 alone make an evaluation."""
    cfg, _ = _catalog()
    typed = [t for t in tables if t.type != "unknown"]
    targets = [p for p in performance if not p.type.endswith("_self_evaluation")]
    evaluations = [p for p in performance if p.type.endswith("_self_evaluation")]
    if typed or targets:
        first = typed[0] if typed else targets[0]
        if typed and targets and targets[0].pages[0] < typed[0].pages[0]:
            first = targets[0]
        return Decision(_stage_type(doc_kind, cfg["fallback"]["level"]), first.title or first.type, first.pages[0])
    if evaluations:
        return Decision("performance_evaluation", evaluations[0].title or evaluations[0].type,
                        evaluations[0].pages[0])
    return None


def document_type(first_pages: list[PageContent], tables, performance, doc_kind: str | None) -> Decision:
    """The document's type with the printed words that decided it (SCHEMA: document_type, _evidence)."""
    cfg, _ = _catalog()
    head = None
    for page in first_pages:
        head = _head_match(page, cfg["head_lines"])
        if head is not None:
            break
    forms = _from_forms(tables, performance, doc_kind)
    if head is not None and head.type != "other":
        return head
    if head is not None:            # a circular's head: unless a cover letter bound before the forms
        if forms is not None and forms.type in DISCLOSURE_TYPES \
                and sum(t.type != "unknown" for t in tables) >= cfg["forms_over_other"]:
            return forms
        return head
    if forms is not None:
        return forms
    first_line = next(((p.number, l.text.strip()) for p in first_pages for l in p.lines() if l.text.strip()),
                      (None, ""))
    return Decision("other", first_line[1], first_line[0])


def is_disclosure(document_type: str | None) -> bool:
    """A budget or final-accounts disclosure, or an evaluation published on its own: anything but `other`."""
    return document_type != "other"

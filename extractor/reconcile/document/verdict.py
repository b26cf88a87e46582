"""The last step of reconcile: one verdict per table, per form and per document, from the checks, the
accounting of printed amounts and the damage the read stage found, and from nothing else.

``incomplete`` wins over ``inconsistent``: a check that fails on a table that lost amounts says more
about the reading than the publication. A corroborated ``publication_error`` does not count against a
verdict (it is a finding about the publication, reported in the check).
"""
from __future__ import annotations

from collections import Counter

from .disclosure import not_disclosure
from ...models import Check, Document, Unaccounted, Verdict, Warning

DAMAGE_CODES = ("page_damaged", "page_unreadable", "page_blank", "page_duplicate", "document_repaired")


def _verdict(incomplete: list[str], failing: list[Check]) -> Verdict:
    reasons = list(incomplete)
    if failing:
        rules = Counter(c.rule for c in failing)
        reasons.append("failing checks: " + ", ".join(f"{r} x{n}" if n > 1 else r for r, n in sorted(rules.items())))
    status = "incomplete" if incomplete else "inconsistent" if failing else "verified"
    return Verdict(status=status, reasons=reasons)


def _ocr_unconfirmed(rows) -> int:
    return sum(f.startswith("ocr_unconfirmed:") for r in rows for f in r.flags)


def _part_verdict(unaccounted: int, damaged: set[int], unconfirmed: int, checks: list[Check]) -> Verdict:
    """One table's or form's verdict: its own unaccounted amounts, damaged pages and unconfirmed OCR
    amounts make it incomplete, else a failing check makes it inconsistent."""
    incomplete = []
    if unaccounted:
        incomplete.append(f"{unaccounted} printed amounts unaccounted")
    if damaged:
        incomplete.append("damaged page " + ", ".join(map(str, sorted(damaged))))
    if unconfirmed:
        incomplete.append(f"{unconfirmed} OCR amounts unconfirmed")
    return _verdict(incomplete, [c for c in checks if c.status == "fail"])


def assign_verdicts(doc: Document, listed: list[tuple[Unaccounted, tuple | None]]) -> None:
    """Set ``verdict`` on every table, every form and the document. ``listed`` is the accounting's
    output: each unaccounted amount with the ("table" | "performance", index) it sits closest to."""
    damaged = sorted({w.page for w in doc.warnings if w.code in DAMAGE_CODES and w.page is not None})
    whole_file = [w for w in doc.warnings if w.code in DAMAGE_CODES and w.page is None]
    owners = Counter(owner for _, owner in listed if owner is not None)
    for k, t in enumerate(doc.tables):
        t.verdict = _part_verdict(owners[("table", k)], set(t.pages) & set(damaged), _ocr_unconfirmed(t.rows), t.checks)
    for k, p in enumerate(doc.performance):
        p.verdict = _part_verdict(owners[("performance", k)], set(p.pages) & set(damaged), 0, p.checks)
    aside = not_disclosure(doc.document_type, doc.document_type_evidence)
    if aside:                           # a circular's tables are not what the researcher collects
        doc.verdict = Verdict(status=aside[0], reasons=aside[1])
        return
    incomplete = []
    if not doc.tables and not doc.performance and not doc.facts:
        incomplete.append("nothing read")               # nothing read is nothing verified
    owned = [u for u, owner in listed if owner is not None]
    prose = [u for u, owner in listed if owner is None]
    if owned:
        incomplete.append(f"{len(owned)} printed amounts unaccounted on {len({u.page for u in owned})} pages")
    if prose:
        incomplete.append(f"{len(prose)} amounts of the text held by no fact on {len({u.page for u in prose})} pages")
    if damaged:
        incomplete.append("damaged or unreadable pages: " + ", ".join(map(str, damaged)))
    if whole_file:
        incomplete.append("damaged file: " + whole_file[0].code)
    if n := sum(_ocr_unconfirmed(t.rows) for t in doc.tables):
        incomplete.append(f"{n} OCR amounts unconfirmed")
    failing = [c for t in doc.tables for c in t.checks if c.status == "fail"]
    failing += [c for p in doc.performance for c in p.checks if c.status == "fail"]
    failing += [c for c in doc.checks if c.status == "fail"]
    doc.verdict = _verdict(incomplete, failing)


def blank_pages(drawn: dict[int, bool]) -> list[Warning]:
    """A page whose text objects give not one character is damage, not a blank page: a block of lost
    bytes (a font, its encoding) leaves PDFium drawing nothing and saying nothing, while the file's other
    pages read. ``drawn`` is False for such pages (a scan or outlined text has no text objects: the read
    stage routes those to OCR). Measured: no page of the 145 intact corpus and real files."""
    return [Warning(code="page_blank", page=p, message="the page's text objects give no character: content "
                                                       "lost") for p, full in sorted(drawn.items()) if not full]

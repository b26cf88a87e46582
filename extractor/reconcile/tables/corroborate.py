"""Which side is wrong: a failing sum is the publication's error only where the evidence rules out the
reading. Every amount of the table's pages is accounted for (nothing the grid lost could close the gap),
and something read independently shows the same discrepancy:

- a table of another layout: the same printed total over the same shortfall, or the same shortfall where
  it is too particular to be chance (cents, or a hundred and more). Two tables with the same columns and
  the same rows are the same grid printed twice: a reading error would repeat in both, so one does not
  corroborate the other;
- the prose: the 情况说明 states every total the rows do not reach (reconcile/prose/stated.py);
- an independent sum over the same table: the rows under each short total are reached by their own rows
  (same_page.py).

A corroborated check gets status ``publication_error`` and names its evidence; every other failing
check stays ``fail``. Runs after the accounting, before the verdict.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...models import Check, Document, Fact, Table, Unaccounted
from ..prose.stated import stated_in_prose
from .same_page import independent_sum

_PAIR = re.compile(r"printed (-?\d+(?:\.\d+)?), sum (-?\d+(?:\.\d+)?)")
_CHANCE = Decimal(100)
# rules over a structure the extractor infers (numbered headings and their items): a wrong inference
# repeats in every table of the template, so their failures corroborate nothing
_INFERRED = ("heading_row",)       # a whole shortfall under this may repeat by chance (a 1.00 rounding)


def _pairs(check: Check) -> set[tuple[Decimal, Decimal]]:
    out = set()
    for printed, total in _PAIR.findall(check.detail):
        try:
            out.add((Decimal(printed).normalize(), Decimal(total).normalize()))
        except InvalidOperation:
            continue
    return out


def _particular(diff: Decimal) -> bool:
    return abs(diff) >= 1 and (abs(diff) >= _CHANCE or diff != diff.to_integral_value())


def _reading_like(printed: Decimal, total: Decimal) -> bool:
    """Shortfalls a reading error makes in every table it reads: a sum twice the total (rows counted
    twice) or a total off by less than a unit (an amount printed to fewer places, a digit clipped)."""
    return abs(printed - total) < 1 or total == 2 * printed or printed == 2 * total


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _same_grid(a: Table, b: Table) -> bool:
    """The same columns and the same rows: one grid printed twice, not an independent reading."""
    return ([c.key for c in a.columns] == [c.key for c in b.columns]
            and [(r.code, r.name) for r in a.rows] == [(r.code, r.name) for r in b.rows])


def _shared(p: set, q: set) -> tuple[Decimal, Decimal] | None:
    p = {x for x in p if not _reading_like(*x)}
    q = {x for x in q if not _reading_like(*x)}
    same = sorted(p & q)
    if same:
        return same[0]
    gaps = {x - y: (x, y) for x, y in q}
    for x, y in sorted(p):
        if _particular(x - y) and (x - y) in gaps:
            return x, y
    return None


def corroborate(doc: Document, listed: list[tuple[Unaccounted, tuple | None]]) -> int:
    """Mark the failing sums that independent evidence shows wrong in print ``publication_error``; the count."""
    unread = {u.page for u, _ in listed}
    failing = [(k, t, c, _pairs(c)) for k, t in enumerate(doc.tables) if not set(t.pages) & unread
               for c in t.checks if c.status == "fail"]
    failing = [f for f in failing if f[3] and not f[2].rule.startswith(_INFERRED)]
    marked = 0
    for k, t, c, pairs in failing:
        evidence = _another_layout(k, t, pairs, failing) or _stated(t, c, pairs, doc.facts) or independent_sum(t, c)
        if evidence:
            c.status, c.evidence = "publication_error", evidence
            marked += 1
    return marked


def _another_layout(k: int, t: Table, pairs: set, failing: list) -> str | None:
    for k2, t2, c2, pairs2 in failing:
        if k2 == k or _same_grid(t, t2):
            continue
        hit = _shared(pairs, pairs2)
        if hit is not None:
            printed, total = hit
            return (f"{t2.type} p{t2.pages[0]} “{t2.title or t2.type}”, a table of another layout with every amount "
                    f"of its pages read, fails {c2.rule} by the same {_plain(printed - total)} (printed {printed}, "
                    f"sum {total} here)")
    return None


def _stated(t: Table, check: Check, pairs: set, facts: list[Fact]) -> str | None:
    """Every short total of the check stated in the prose (a check listing more failures than it names has
    totals unseen here)."""
    if "(+" in check.detail:
        return None
    said = [stated_in_prose(printed, t.unit, facts) for printed, _ in sorted(pairs)]
    if not said or None in said:
        return None
    where = ", ".join(f"p{f.page} “{f.label}” {_plain(Decimal(repr(f.value)))}{f.unit}" for f in said)
    return f"the prose states the printed total{'s' if len(said) > 1 else ''} the rows do not reach: {where}"

"""Every amount a page prints must end up somewhere: a table cell, a form amount, an indicator's target
or score, a task amount, a fact, a text field. What no field holds and nothing explains (a subject code,
a 栏次 number, a date, a percentage) is listed in ``Document.unaccounted``: a loss no check can see, such
as a table's right-hand columns the grid never reached.

The page side is cheap and runs in the page loop (``printed_amounts``: whole words shaped like an amount,
a decimal point or thousands commas, on the characters the read stage already has). The output side
(``account``) counts what the document holds per page and matches token for token: a value printed
twice must be held twice. A holding may sit on a neighbouring page (a row that starts at a page's foot)
or anywhere on a form's pages.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from decimal import Decimal, InvalidOperation

from ... import catalog
from ...models import Document, Unaccounted, Warning
from ...read.page import PageContent

_AMOUNT = re.compile(r"[-−]?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]+)")
_GLUED = re.compile(r"(?<![\d.,])[-−]?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]+)(?![.,]?\d)")
_NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DATE = re.compile(r"(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])")          # 2021.06 (a date printed with a dot)
_PERCENT = ("%", "％")
_MARKS = frozenset(".,")
_X0 = attrgetter("x0")
_TEXT = attrgetter("text")
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class PrintedAmount:
    """One amount-shaped word the page shows. ``kind`` is ``amount`` or why it is not one (``code``,
    ``column_number``, ``date``, ``percent``): those are listed only where nothing holds them either."""
    page: int
    text: str
    value: Decimal
    bbox: tuple[float, float, float, float]
    kind: str = "amount"
    prose: bool = False         # printed inside a word of text (减少1,316.82万元), not as a word of its own


@lru_cache(maxsize=1 << 14)
def norm(token) -> Decimal | None:
    """A number at cent precision (how a printed amount and a held value are compared). Cached: the
    same values come again and again (0, 100, a total printed in three tables)."""
    text = str(token).strip().replace(",", "").replace("−", "-")
    try:
        return Decimal(text).quantize(_CENT)
    except (InvalidOperation, ValueError):
        return None


def printed_amounts(page: PageContent) -> list[PrintedAmount]:
    """The amount-shaped words of one page (the read stage keeps only text inside the page box), each
    with what kind of number it is."""
    if _MARKS.isdisjoint(map(_TEXT, page.chars)):
        return []               # an amount here has a decimal point or a comma: a page without is done
    number_words = catalog.load("rows")["column_number"]["line_words"]
    out: list[PrintedAmount] = []
    for line in _marked_rows(*page.by_height()):
        words = _words(line)
        column_numbers = any(t in number_words for t, _ in words)
        for i, (text, chars) in enumerate(words):
            if _AMOUNT.fullmatch(text):
                nxt = words[i + 1][0] if i + 1 < len(words) else ""
                out.append(_token(page.number, text, chars, nxt, column_numbers))
                continue
            for m in _GLUED.finditer(text):     # 减少1,316.82万元: an amount inside a word of prose
                after = text[m.end():] or (words[i + 1][0] if i + 1 < len(words) else "")
                out.append(_token(page.number, m.group(), chars[m.start():m.end()], after, column_numbers, True))
    return out


def _token(page: int, text: str, chars, nxt: str, column_numbers: bool, prose: bool = False) -> PrintedAmount:
    """The word as a printed amount, with what kind of number it is (``nxt``: what follows it)."""
    kind = "amount"
    if _is_code(text, nxt):
        kind = "code"
    elif column_numbers:
        kind = "column_number"
    elif nxt.startswith(_PERCENT):
        kind = "percent"
    elif _DATE.fullmatch(text) and nxt[:1] in ("", ".", "-", "—", "至", "年", "月"):
        kind = "date"
    box = (round(chars[0].x0, 1), round(min(c.top for c in chars), 1), round(chars[-1].x1, 1),
           round(max(c.bottom for c in chars), 1))
    return PrintedAmount(page, text, norm(text), box, kind, prose)


def _marked_rows(chars: list, heights: list[float]) -> list[list]:
    """The lines holding a decimal point or a comma, each left to right, from the characters in order
    of their centre's height: a line takes every character whose centre lies above the bottom of the
    line's first (highest-centred) character, a run of the order found by bisection. ``lines_of`` also
    settles tall glyphs: here only whole words on a line matter."""
    rows, i, n = [], 0, len(chars)
    while i < n:
        end = bisect_right(heights, chars[i].bottom, i + 1)
        if not _MARKS.isdisjoint(map(_TEXT, chars[i:end])):
            rows.append(sorted(chars[i:end], key=_X0))
        i = end
    return rows


def _words(chars) -> list[tuple[str, list]]:
    """A line split at spaces and at gaps wider than a third of the character height: (text, chars)."""
    words, cur = [], []
    prev = None
    for c in chars:
        t = c.text
        if len(t) != 1 or t.isspace():
            if cur:
                words.append(cur)
            cur, prev = [], None
            continue
        if prev is not None:
            h = prev.bottom - prev.top
            if c.x0 - prev.x1 > 0.35 * (h if h > 1.0 else 1.0):
                words.append(cur)
                cur = []
        cur.append(c)
        prev = c
    if cur:
        words.append(cur)
    return [("".join(map(_TEXT, word)), word) for word in words]


def _is_code(tok: str, nxt: str) -> bool:
    """30201.00 printed before its name is an economic subject code, not an amount."""
    head, _, tail = tok.partition(".")
    return bool(nxt and _CJK.match(nxt) and head.isdigit() and len(head) in (3, 5, 7)
                and set(tail) <= {"0"} and "," not in tok)


# --- what the output holds ------------------------------------------------------------------------


class _Holdings:
    """Values the output holds: per (page, value) for fields of one page (row cells, facts), and as
    (pages, value) for fields of a multi-page object (a form, a table's note or raw grid)."""

    def __init__(self) -> None:
        self.single: Counter = Counter()
        self.spread: dict[Decimal, list[frozenset]] = defaultdict(list)

    def add(self, pages, value) -> None:
        d = norm(value)
        if d is None:
            return
        if len(pages) == 1:
            self.single[(next(iter(pages)), d)] += 1
        else:
            self.spread[d].append(frozenset(pages))

    def add_text(self, pages, text: str | None) -> None:
        if text:
            for token in _NUMBER.findall(text):
                self.add(pages, token)

    def known(self) -> set[tuple[int, Decimal]]:
        """Every (page, value) held, before any is taken."""
        out = {key for key, n in self.single.items() if n > 0}
        out |= {(p, value) for value, spread in self.spread.items() for pages in spread for p in pages}
        return out

    def take(self, page: int, value: Decimal, slack: int) -> bool:
        for q in ((page,) if slack == 0 else (page - 1, page + 1)):
            if self.single[(q, value)] > 0:
                self.single[(q, value)] -= 1
                return True
        spread = self.spread.get(value)
        if spread:
            for k, pages in enumerate(spread):
                if page in pages or (slack and (page - 1 in pages or page + 1 in pages)):
                    del spread[k]
                    return True
        return False


def _holdings(doc: Document) -> _Holdings:
    held = _Holdings()
    for t in doc.tables:
        pages = set(t.pages)
        for r in t.rows:
            one = {r.page}
            for v in r.values.values():
                held.add(one, v)
            for text in (r.name, *r.texts.values(), *(label.name for label in r.classifications.values())):
                held.add_text(one, text)
        held.add_text(pages, t.note)
        for raw_row in t.raw or ():
            for cell in raw_row:
                held.add_text(pages, cell)
    for p in doc.performance:
        _walk(held, set(p.pages), p.model_dump(exclude=_NOT_READ))
    for f in doc.facts:             # the sentence, and what was read beyond it (比上年增加…, the reason)
        said = Counter(norm(t) for t in _NUMBER.findall(f.text or ""))
        held.add_text({f.page}, f.text)
        held.add_text({f.page}, f.reason)
        for v in (f.value, f.prior, f.change, f.change_rate, f.share):
            if v is not None and not said[norm(v)]:
                held.add({f.page}, v)
                held.add({f.page}, -v)        # a change is printed unsigned after 减少
    return held


_NOT_READ = {"warnings", "checks", "seals", "pages", "year"}      # a form's fields that hold no printed amount


def _walk(held: _Holdings, pages: set, obj) -> None:
    """Every number and every number inside a text of a form (as ``model_dump`` gives it: pydantic-core
    builds the plain values faster than attributes are read), counted once per occurrence."""
    stack = [obj]
    while stack:
        o = stack.pop()
        kind = type(o)
        if kind is str:
            held.add_text(pages, o)
        elif kind is float or kind is int:          # not bool, whose type is its own
            held.add(pages, o)
        elif kind is dict:
            stack.extend(o.values())
        elif kind is list or kind is tuple:
            stack.extend(o)


def account(doc: Document, printed: list[PrintedAmount]) -> list[tuple[Unaccounted, tuple | None]]:
    """Match every printed amount against what the document holds, token for token; list the rest
    (kinds other than ``amount`` are explained and never listed) and warn per page. Each listed amount
    comes with the object it sits closest to, ("table" | "performance", index), or None."""
    held = _holdings(doc)
    restated = held.known()
    left = [a for a in printed if not held.take(a.page, a.value, 0)]
    left = [a for a in left if not held.take(a.page, a.value, 1) and a.kind == "amount"]
    # the text restating a figure a table or form holds on its page (支出合计1,234.56万元) refers to it
    left = [a for a in left if not (a.prose and {(a.page + d, a.value) for d in (-1, 0, 1)} & restated)]
    out = []
    for a in left:
        near, owner = _near(doc, a)
        out.append((Unaccounted(page=a.page, text=a.text, bbox=a.bbox, near=near), owner))
    per_page = Counter(u.page for u, _ in out)
    for page in sorted(per_page):
        doc.warnings.append(Warning(code="amounts_unaccounted", page=page,
                                    message=f"{per_page[page]} printed amounts on the page are held by no "
                                            "field of the output"))
    return out


def _near(doc: Document, a: PrintedAmount) -> tuple[str | None, tuple | None]:
    """The row (or else the form) the amount sits closest to: where a researcher looks first. The table
    is its owner (its verdict answers for it) only where the amount lies within the band of the table's
    rows on that page, a row's height around; an amount of the prose above or below belongs to none."""
    cy = (a.bbox[1] + a.bbox[3]) / 2
    best, where, owner = None, None, None
    for k, t in enumerate(doc.tables):
        rows = [r for r in t.rows if r.page == a.page]
        if not rows:
            continue
        reach = max(r.bbox[3] - r.bbox[1] for r in rows)
        inside = min(r.bbox[1] for r in rows) - reach <= cy <= max(r.bbox[3] for r in rows) + reach
        for r in rows:
            d = 0.0 if r.bbox[1] <= cy <= r.bbox[3] else min(abs(cy - r.bbox[1]), abs(cy - r.bbox[3]))
            if best is None or d < best:
                best, where = d, f"{t.title or t.type} / {r.name or r.code or 'row'}"
                owner = ("table", k) if inside else None
    if where is not None and owner is not None:
        return where, owner
    for k, p in enumerate(doc.performance):
        if a.page in p.pages:
            return p.project_name or p.unit_name or p.title or p.type, ("performance", k)
    return (f"text beside {where}" if where else "text of the page"), None

"""What OCR gets wrong in the text of a budget table, and what the page itself says to put it right:
dust read as punctuation, thousands commas read as points, a faint decimal point read as a space, and
the width of brackets (the recogniser cannot tell （） from (), the spacing of the line can)."""
from __future__ import annotations

import re
import unicodedata

_JUNK = ".。,，·'`’‘:;"
SPECKS = set(".。,，·•'`’‘")
_AMOUNT = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
_CJK_NEAR_PAREN = re.compile(r"(?<=[\u4e00-\u9fff])\(|\((?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\)|\)(?=[\u4e00-\u9fff（）])")


_PAIR = re.compile(r"\(([^()（）\ue001\ue002]*)\)")


def _widen_brackets(t: str) -> str:
    """A pair of ASCII brackets with Chinese outside it (出国(境)费) is the printed full-width pair; a
    pair with nothing Chinese outside (a whole cell, (2020年)) stays as read; a lone bracket goes by
    its Chinese neighbour."""
    def pair(m: re.Match) -> str:
        before, after = t[m.start() - 1:m.start()], t[m.end():m.end() + 1]
        if _is_cjk(before) or _is_cjk(after):
            return f"（{m.group(1)}）"
        return f"{_HALF_OPEN}{m.group(1)}{_HALF_CLOSE}"
    t = _PAIR.sub(pair, t)
    return _CJK_NEAR_PAREN.sub(lambda m: "（" if m.group(0) == "(" else "）", t)


def fix_text(text: str) -> str:
    """What OCR gets wrong in printed amounts and never changes a word: dust read as a point beside a
    number, a thousands comma read as a point (14.342.1), a faint decimal point read as a space
    (283 32); specks of dust read as punctuation beside words and targets; ASCII brackets between
    Chinese characters are the printed full-width ones unless ``settle_brackets`` measured them half."""
    t = text.strip()
    core = t.strip(_JUNK + " ")
    if core and re.fullmatch(r"-?[\d,.。 ]+", core) and any(ch.isdigit() for ch in core):
        n = core.replace("。", ".").replace("，", ",")
        m = re.fullmatch(r"(-?\d{1,3})((?:[ ,.]\d{3})*) (\d{1,2})", n)
        if m:                                           # 283 32, 2 383 3: faint points and commas
            n = m.group(1) + re.sub(r"[ .]", ",", m.group(2)) + "." + m.group(3)
        n = n.replace(" ", "")
        if n.count(".") > 1:                            # 14.342.1: commas read as points
            head, _, tail = n.rpartition(".")
            if all(len(g) == 3 for g in re.split(r"[.,]", head)[1:]):
                n = head.replace(".", ",") + "." + tail
        n = n.replace(".,", ",").replace(",.", ".")
        if _AMOUNT.match(n):
            return n
        return core if _AMOUNT.match(core) else t
    if t and t[-1] in ".·" and len(t) > 1 and not t[-2].isascii():
        t = t[:-1]                                      # a speck after Chinese text
    t = re.sub(r"^[•·]+(?=[\u4e00-\u9fff])", "", t)     # ... or before it: no cell starts with a bullet
    t = re.sub(r"。{2,}", "。", t)                       # ... or beside a full stop
    t = re.sub(r"^[.·。,，'`]+(?=[≥≤=<>＝＜＞])", "", t)   # ... before a target's comparator (.≥90%)
    t = re.sub(r"(?<=%)[.。°·'`]+$", "", t)              # ... after a percentage (≥80%. ≥85%°)
    if re.fullmatch(r"[\u4e00-\u9fff]{1,4}。", t):
        t = t[:-1]                                      # ... after a word (规范。): no sentence is that short
    t = _widen_brackets(t)
    return t.replace(_HALF_OPEN, "(").replace(_HALF_CLOSE, ")")


_HALF_OPEN, _HALF_CLOSE = "\ue001", "\ue002"      # brackets measured half-width: fix_text keeps them ASCII
_BRACKETS = {"(": ("（", _HALF_OPEN), "（": ("（", _HALF_OPEN), ")": ("）", _HALF_CLOSE), "）": ("）", _HALF_CLOSE)}


def settle_brackets(text: str, centres: list[float]) -> str:
    """Full-width （） or ASCII () between two characters, by the room the bracket takes: the distance
    between its neighbours' centres, in the line's own character pitch (the median distance between
    neighbouring Chinese characters), less their half widths. The recogniser's own choice of width is
    unreliable; where the line gives no pitch or the bracket no two neighbours, it is left to fix_text."""
    chars = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    if len(chars) != len(centres) or not any(ch in _BRACKETS for _, ch in chars):
        return text
    pitches = sorted(centres[k + 1] - centres[k] for k in range(len(chars) - 1)
                     if is_wide(chars[k][1]) and is_wide(chars[k + 1][1]) and chars[k][1] not in _BRACKETS
                     and chars[k + 1][1] not in _BRACKETS)
    if len(pitches) < 2:
        return text
    em = pitches[len(pitches) // 2]
    out = list(text)
    decided: dict[int, bool] = {}       # index -> measured full width
    for k in range(1, len(chars) - 1):
        i, ch = chars[k]
        if ch not in _BRACKETS:
            continue
        left, right = chars[k - 1][1], chars[k + 1][1]
        if not (_is_cjk(left) or _is_cjk(right)):
            continue
        halves = sum(0.5 if is_wide(c) else 0.28 for c in (left, right))
        room = (centres[k + 1] - centres[k - 1]) / em - halves
        full, half = _BRACKETS[ch]
        out[i] = full if room >= 0.7 else half
        decided[i] = room >= 0.7
    stack: list[int] = []
    for i, ch in chars:                 # a pair is printed in one width: a bracket at the line's end
        if ch in "(（":                  # takes the width measured for its partner
            stack.append(i)
        elif ch in ")）" and stack:
            j = stack.pop()
            for a, b in ((i, j), (j, i)):
                if a not in decided and b in decided:
                    full, half = _BRACKETS[text[a]]
                    out[a] = full if decided[b] else half
    return "".join(out)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")

"""Numbers as printed, parsed exactly (Decimal) and emitted as int when whole."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

_FULL = str.maketrans("０１２３４５６７８９，．－（）", "0123456789,.-()")
_BLANK = {"", "-", "—", "–", "--", "——", "/", "－", "…", "*", "**"}
_NUM = re.compile(r"^\(?-?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?$|^\(?-?\d+(?:\.\d+)?\)?$")


class NotANumber(ValueError):
    pass


def parse_amount(text: str) -> Decimal | None:
    """'1,234.50' -> Decimal('1234.50'); blank markers -> None; anything else raises NotANumber."""
    t = re.sub(r"\s+", "", (text or "").translate(_FULL))
    if t in _BLANK:
        return None
    if not _NUM.match(t):
        raise NotANumber(text)
    negative = t.startswith("(") and t.endswith(")")
    t = t.strip("()").replace(",", "")
    try:
        value = Decimal(t)
    except InvalidOperation:
        raise NotANumber(text) from None
    return -value if negative else value


def is_blank(text: str | None) -> bool:
    """Nothing printed, or a mark that says so (-, —, /): the cell holds no value."""
    return re.sub(r"\s+", "", (text or "").translate(_FULL)).replace("／", "/") in _BLANK


def is_amount(text: str) -> bool:
    try:
        return parse_amount(text) is not None
    except NotANumber:
        return False


def to_json_number(value: Decimal) -> int | float:
    """Whole numbers as int (371514655), others as the shortest float that prints the same decimals."""
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


# 元 per unit of a table (the units a financial table is printed in)
YUAN_PER_UNIT = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000)}


def decimals(value: int | float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text else 0


def shown_places(value: Decimal) -> int:
    """Decimals of one amount as printed: 12.00 two, 936647884.3 one, 943865000 none."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def printed_places(texts: Iterable[str]) -> int | None:
    """Decimals of the amounts as printed (12.00 counts two, which the parsed value 12 has lost);
    None when nothing in ``texts`` reads as an amount."""
    best: int | None = None
    for text in texts:
        try:
            value = parse_amount(text)
        except NotANumber:
            continue
        if value is None:
            continue
        n = shown_places(value)
        best = n if best is None else max(best, n)
    return best

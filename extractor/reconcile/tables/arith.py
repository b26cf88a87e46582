"""Exact sums with the printed precision: a sum of n rounded amounts may be off by n half-units."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def dec(v: int | float | None) -> Decimal:
    return Decimal(0) if v is None else Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


def places(values: list[int | float | None]) -> int:
    return max((len(repr(v).split(".")[1]) for v in values if isinstance(v, float)), default=0)


def compare(total: int | float | None, parts: list[int | float | None], precision: int,
            whole_units: bool = False, shown: list[int | None] | None = None) -> tuple[str, Decimal]:
    """('exact' | 'rounding' | 'fail', difference). Amounts printed to ``precision`` decimals were
    rounded, so n of them may sum up to n half-units away from their printed total. Whole amounts
    (precision 0) are taken as rounded only with ``whole_units``: a table printed in whole 元, not one
    whose amounts merely happen to be whole. ``shown``: the decimals each cell (total and parts) was
    printed with, where known; a cell printed with fewer than the table (a spreadsheet's General format
    shows 936647884.3 for .33 in a narrow cell) was rounded to its own and adds its half-unit."""
    diff = dec(total) - sum((dec(p) for p in parts), Decimal(0))
    if diff == 0:
        return "exact", diff
    unit = Decimal(1).scaleb(-precision) if precision else Decimal(1)
    slack = unit * max(1, (len(parts) + 1) // 2) if precision > 0 or whole_units else Decimal(0)
    slack += sum((Decimal(5).scaleb(-d - 1) for d in shown or () if d is not None and d < precision), Decimal(0))
    if abs(diff) <= slack:
        return "rounding", diff
    return "fail", diff


def same_when_rounded(x: int | float, y: int | float, shown: tuple[int | None, int | None] = (None, None)) -> bool:
    """The same amount printed to different decimals (480544221.6 beside 480544221.62: a spreadsheet
    cell too narrow shows fewer decimals): the more precise one, rounded half up to the other's
    decimals, equals it. ``shown``: the decimals each was printed with, where known (943865000 printed
    whole beside 943864999.96; a value 5 of unknown print may have been 5.00, whose decimals say nothing)."""
    a, b = dec(x), dec(y)
    ea, eb = (-d if d is not None else v.as_tuple().exponent for d, v in zip(shown, (a, b)))
    if not (isinstance(ea, int) and isinstance(eb, int)) or ea == eb:
        return False
    (coarse, ec, known), fine = ((a, ea, shown[0]), b) if ea > eb else ((b, eb, shown[1]), a)
    if ec >= 0 and known is None:
        return False        # a whole value may have been printed 5.00: its decimals are not known
    try:
        return fine.quantize(Decimal(1).scaleb(ec), rounding=ROUND_HALF_UP) == coarse
    except InvalidOperation:
        return False

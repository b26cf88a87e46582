"""Exact sums with the printed precision: a sum of n rounded amounts may be off by n half-units."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def dec(v: int | float | None) -> Decimal:
    return Decimal(0) if v is None else Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


def places(values: list[int | float | None]) -> int:
    return max((len(repr(v).split(".")[1]) for v in values if isinstance(v, float)), default=0)


def compare(total: int | float | None, parts: list[int | float | None], precision: int,
            whole_units: bool = False) -> tuple[str, Decimal]:
    """('exact' | 'rounding' | 'fail', difference). Amounts printed to ``precision`` decimals were
    rounded, so n of them may sum up to n half-units away from their printed total. Whole amounts
    (precision 0) are taken as rounded only with ``whole_units``: a table printed in whole 元, not one
    whose amounts merely happen to be whole."""
    diff = dec(total) - sum((dec(p) for p in parts), Decimal(0))
    if diff == 0:
        return "exact", diff
    unit = Decimal(1).scaleb(-precision) if precision else Decimal(1)
    if abs(diff) <= unit * max(1, (len(parts) + 1) // 2) and (precision > 0 or whole_units):
        return "rounding", diff
    return "fail", diff


def same_when_rounded(x: int | float, y: int | float) -> bool:
    """The same amount printed to different decimals (480544221.6 beside 480544221.62: a spreadsheet
    cell too narrow shows fewer decimals): the more precise one, rounded half up to the other's
    decimals, equals it."""
    a, b = dec(x), dec(y)
    ea, eb = a.as_tuple().exponent, b.as_tuple().exponent
    if not (isinstance(ea, int) and isinstance(eb, int)) or ea == eb:
        return False
    coarse, fine = (a, b) if ea > eb else (b, a)
    if coarse.as_tuple().exponent >= 0:
        return False        # a whole value may have been printed 5.00: its decimals are not known
    try:
        return fine.quantize(Decimal(1).scaleb(coarse.as_tuple().exponent), rounding=ROUND_HALF_UP) == coarse
    except InvalidOperation:
        return False

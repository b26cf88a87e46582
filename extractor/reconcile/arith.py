"""Exact sums with the printed precision: a sum of n rounded amounts may be off by n half-units."""
from __future__ import annotations

from decimal import Decimal


def dec(v: int | float | None) -> Decimal:
    return Decimal(0) if v is None else Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


def places(values: list[int | float | None]) -> int:
    return max((len(repr(v).split(".")[1]) for v in values if isinstance(v, float)), default=0)


def compare(total: int | float | None, parts: list[int | float | None], precision: int) -> tuple[str, Decimal]:
    """('exact' | 'rounding' | 'fail', difference)."""
    diff = dec(total) - sum((dec(p) for p in parts), Decimal(0))
    if diff == 0:
        return "exact", diff
    unit = Decimal(1).scaleb(-precision) if precision else Decimal(1)
    if abs(diff) <= unit * max(1, (len(parts) + 1) // 2) and precision > 0:
        return "rounding", diff
    return "fail", diff

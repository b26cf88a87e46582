"""A figure the prose states, compared with a printed table amount within what each was printed to:
37,151.47万元 in the 情况说明 states 371,514,655.00 of a 元 table. The prose is read from sentences by code
that never sees the table's grid, so a total it states is an independent reading of that total."""
from __future__ import annotations

import re
from decimal import Decimal

from ...mapping.prose.facts import money_factor
from ...models import Fact
from ...text.amounts import YUAN_PER_UNIT

# a figure stated with fewer significant digits (4.5万元) may state anything of that size: no evidence
MIN_SIGNIFICANT = 4


def dec(value) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def ulp(value) -> Decimal:
    """One unit of the last printed digit of a value as the JSON holds it (1.5 -> 0.1, 7 -> 1)."""
    exponent = dec(value).as_tuple().exponent
    return Decimal(1).scaleb(min(int(exponent), 0))


def printed_ulp(fact: Fact) -> Decimal:
    """A fact's last printed digit: 1.00万元 -> 0.01 (the text shows the decimals the JSON number drops)."""
    for hit in re.finditer(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*" + re.escape(fact.unit), fact.text):
        if Decimal(hit.group(1).replace(",", "") + "." + (hit.group(2) or "0")) == dec(fact.value):
            return Decimal(1).scaleb(-len(hit.group(2) or ""))
    return ulp(fact.value)


def stated_in_prose(value: Decimal, table_unit: str | None, facts: list[Fact]) -> Fact | None:
    """The first fact that states ``value`` (an amount of a table printed in ``table_unit``), within half
    a unit of the fact's last printed digit; only figures of enough significant digits to rule out chance."""
    per_unit = YUAN_PER_UNIT.get(table_unit or "")
    if per_unit is None or len(value.normalize().as_tuple().digits) < MIN_SIGNIFICANT:
        return None
    yuan = value * per_unit
    for fact in facts:
        factor = money_factor(fact.unit)
        if factor is None or fact.value is None:
            continue
        if abs(dec(fact.value) * factor - yuan) <= printed_ulp(fact) * factor / 2:
            return fact
    return None

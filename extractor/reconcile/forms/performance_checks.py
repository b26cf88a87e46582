"""The arithmetic a self-evaluation form (绩效自评表) obeys, reported like the table checks:
- ``self_evaluation.total_score``: Σ 得分 of the indicators + the budget-execution 得分 = 总分;
- ``self_evaluation.execution_rate``: 执行率 = 全年执行数 / 全年预算数, within the rounding of the printed rate;
- ``self_evaluation.score_within_points``: no 得分 above its 分值;
- ``self_evaluation.funds_split``: 总额 = 财政拨款 + 其他资金 of 全年预算数 and of 全年执行数, where printed apart;
- ``project_list.unit_total``: the subtotal a project list prints on a unit's row = Σ the amounts of the
  projects listed under it (on the unit's first project);
- ``project_list.total``: the 合计 a project list prints = Σ the amounts of its projects (on its first project).
A rule a form prints nothing for is ``skipped`` with the reason; a failing rule names both numbers."""
from __future__ import annotations

from decimal import Decimal

from ...models import Check, PerformanceTable
from ...text.amounts import decimals

_SCORE_TOLERANCE = Decimal("0.01")


def _d(value) -> Decimal:
    return Decimal(repr(value))


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def total_score(t: PerformanceTable) -> Check:
    rule = "self_evaluation.total_score"
    scores = [i.score for i in t.indicators if i.score is not None]
    if t.total_score is None:
        return Check(rule=rule, status="skipped", detail="the form prints no 总分")
    if not scores:
        return Check(rule=rule, status="skipped", detail="no indicator prints a 得分")
    indicators = sum((_d(s) for s in scores), Decimal(0))
    budget = t.budget_execution.score if t.budget_execution is not None else None
    expected = indicators + (_d(budget) if budget is not None else Decimal(0))
    printed = _d(t.total_score)
    parts = f"Σ {len(scores)} indicator 得分 {_fmt(indicators)}" + \
        (f" + budget 得分 {_fmt(_d(budget))}" if budget is not None else "")
    if abs(expected - printed) <= _SCORE_TOLERANCE:
        return Check(rule=rule, status="pass", detail=f"总分 {_fmt(printed)} = {parts}")
    detail = f"总分 printed {_fmt(printed)}, {parts} = {_fmt(expected)}"
    if budget is not None and abs(indicators - printed) <= _SCORE_TOLERANCE:
        detail += " (the printed 总分 leaves out the budget-execution 得分)"
    return Check(rule=rule, status="fail", detail=detail)


def execution_rate(t: PerformanceTable) -> Check:
    rule = "self_evaluation.execution_rate"
    b = t.budget_execution
    lines = []
    if b is not None:
        lines = [("total", b.annual_budget, b.executed, b.execution_rate)] + \
            [(line.label, line.annual_budget, line.executed, line.execution_rate) for line in b.lines]
    lines = [x for x in lines if x[1] is not None and x[2] is not None and x[3] is not None]
    if not lines:
        return Check(rule=rule, status="skipped", detail="no line prints 全年预算数, 全年执行数 and 执行率")
    bad, checked, truncated = [], 0, 0
    for name, annual, executed, rate in lines:
        if _d(annual) == 0:
            continue
        checked += 1
        computed = _d(executed) / _d(annual) * 100
        step = Decimal(1) / Decimal(10) ** decimals(rate)
        diff = computed - _d(rate)
        if abs(diff) <= step / 2 + Decimal("1e-9"):
            continue
        if Decimal(0) <= diff < step:       # 99.9994% printed 99.99%: cut, not rounded, still the printed digits
            truncated += 1
            continue
        bad.append(f"{name}: 执行率 printed {rate}%, {executed} / {annual} = {computed:.2f}%")
    if not checked:
        return Check(rule=rule, status="skipped", detail="全年预算数 is 0 on every line")
    if bad:
        return Check(rule=rule, status="fail", detail="; ".join(bad[:5]) + (f" (+{len(bad) - 5} more)" if len(bad) > 5 else ""))
    return Check(rule=rule, status="pass", detail=f"{checked} lines"
                 + (f" ({truncated} printed cut to their digits, not rounded)" if truncated else ""))


def score_within_points(t: PerformanceTable) -> Check:
    rule = "self_evaluation.score_within_points"
    pairs = [(i.level3 or i.level2 or "?", i.points, i.score) for i in t.indicators
             if i.points is not None and i.score is not None]
    b = t.budget_execution
    if b is not None and b.weight is not None and b.score is not None:
        pairs.append(("预算执行率", b.weight, b.score))
    if not pairs:
        return Check(rule=rule, status="skipped", detail="no indicator prints both 分值 and 得分")
    over = [f"{name}: 得分 {score} > 分值 {points}" for name, points, score in pairs if _d(score) > _d(points)]
    if over:
        return Check(rule=rule, status="fail", detail="; ".join(over[:5]))
    return Check(rule=rule, status="pass", detail=f"{len(pairs)} scores")


def funds_split(t: PerformanceTable) -> Check:
    rule = "self_evaluation.funds_split"
    b = t.budget_execution
    lines = ([("total", b)] + [(line.label, line) for line in b.lines]) if b is not None else []
    sums = [(f"{name} {what}", total, fiscal, other) for name, line in lines
            for what, total, fiscal, other in (("全年预算数", line.annual_budget, line.annual_fiscal, line.annual_other),
                                               ("全年执行数", line.executed, line.executed_fiscal, line.executed_other))
            if None not in (total, fiscal, other)]
    if not sums:
        return Check(rule=rule, status="skipped", detail="no line prints 总额 with 财政拨款 and 其他资金")
    bad = [f"{name}: 总额 printed {total}, 财政拨款 {fiscal} + 其他资金 {other} = {_fmt(_d(fiscal) + _d(other))}"
           for name, total, fiscal, other in sums if abs(_d(total) - _d(fiscal) - _d(other)) > _SCORE_TOLERANCE]
    if bad:
        return Check(rule=rule, status="fail", detail="; ".join(bad[:5]) + (f" (+{len(bad) - 5} more)" if len(bad) > 5 else ""))
    return Check(rule=rule, status="pass", detail=f"{len(sums)} sums hold")


def _rounding(n: int) -> Decimal:
    """How far a printed total may be from the sum of ``n`` printed amounts, each rounded to the cent."""
    return max(_SCORE_TOLERANCE, Decimal("0.005") * n)


def unit_totals(forms: list[PerformanceTable]) -> None:
    """Each run of projects under one unit row that prints a subtotal: the subtotal is their sum."""
    rule = "project_list.unit_total"
    runs: list[list[PerformanceTable]] = []
    previous = None
    for t in forms:
        if t.type != "project_performance" or t.unit_total is None:
            previous = None
            continue
        if previous is not None and (previous.unit_name, previous.unit_total) == (t.unit_name, t.unit_total):
            runs[-1].append(t)
        else:
            runs.append([t])
        previous = t
    for run in runs:
        amounts = [p.year_amount if p.year_amount is not None else p.total_amount for p in run]
        if any(a is None for a in amounts):
            check = Check(rule=rule, status="skipped", detail="a project under the unit prints no amount")
        else:
            total = sum((_d(a) for a in amounts), Decimal(0))
            ok = abs(total - _d(run[0].unit_total)) <= _rounding(len(run))
            detail = f"{run[0].unit_name}: printed {run[0].unit_total}, Σ {len(run)} projects {_fmt(total)}"
            check = Check(rule=rule, status="pass" if ok else "fail", detail=detail)
        run[0].checks = run[0].checks + [check]


def list_totals(forms: list[PerformanceTable]) -> None:
    """A project list's 合计 = Σ the amounts of its projects (a row lost or read twice shows here); within the
    rounding of the printed amounts (half a cent each)."""
    rule = "project_list.total"
    runs: list[list[PerformanceTable]] = []
    for t in forms:
        if t.list_total is None:
            continue
        if runs and runs[-1][-1].list_total == t.list_total and runs[-1][-1].title == t.title:
            runs[-1].append(t)
        else:
            runs.append([t])
    for run in runs:
        amounts = [p.year_amount if p.year_amount is not None else p.total_amount for p in run]
        known = [_d(a) for a in amounts if a is not None]
        total = sum(known, Decimal(0))
        detail = f"printed {run[0].list_total}, Σ {len(known)} projects {_fmt(total)}"
        if len(known) < len(run):
            check = Check(rule=rule, status="skipped", detail=detail + f" ({len(run) - len(known)} print no amount)")
        else:
            ok = abs(total - _d(run[0].list_total)) <= _rounding(len(run))
            check = Check(rule=rule, status="pass" if ok else "fail", detail=detail)
        run[0].checks = run[0].checks + [check]


def check_performance(forms: list[PerformanceTable]) -> None:
    """Attach the self-evaluation checks to every self-evaluation form (target forms carry none)."""
    for t in forms:
        if t.type.endswith("_self_evaluation"):
            t.checks = [total_score(t), execution_rate(t), score_within_points(t), funds_split(t)]
    unit_totals(forms)
    list_totals(forms)

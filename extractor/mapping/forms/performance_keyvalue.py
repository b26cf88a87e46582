"""The key-value block of a performance form (项目名称 | 办案业务费 | …): labels matched to fields wherever they
sit in a row, the value in the next cell; text labels printed side by side over their values (实施期总目标 |
年度目标, the goals in the rows below); amounts no field takes kept with their label (上年结转, 补助区县)."""
from __future__ import annotations

from ...grid import Grid
from ...grid.model import GridCell
from ...models import LabeledAmount
from . import performance_fields as pf


class KeyValueRows:
    """The key-value rows of reader.FormReader (its forms, kind and ``heads``)."""

    def _keyvalue(self, cells: list[GridCell], grid: Grid | None = None) -> bool:
        kinds = pf.cfg()["field_kinds"]
        handled = False
        heads: dict[tuple[int, int], str] = {}      # text labels printed with no value beside them
        for i, cell in enumerate(cells):
            key = pf.match(cell.text, "fields")
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if key is None:
                value = pf.amount(nxt.text) if nxt is not None else None
                if value is not None and pf.match(cell.text, "amount_labels") is not None:
                    handled = True           # 上年结转 | 750.00: an amount no field takes
                    self.form.table.other_amounts.append(LabeledAmount(label=cell.text.strip(), value=value))
                continue
            if self.kind == "department_performance" and key in kinds["project_only"]:
                continue
            if nxt is not None and pf.match(nxt.text, "fields") == key:
                continue                     # 整体绩效目标 (group) | 整体绩效目标 | text
            value = nxt.text if nxt is not None and not pf.is_label(nxt.text) else None
            self._field(key, value)
            if value is None and key in kinds["texts"]:
                heads[(cell.col, cell.last_col)] = key
            handled = True
        if handled:
            self.heads = (grid, heads) if len(heads) >= 2 else None
        return handled

    def _under_heads(self, grid: Grid, cells: list[GridCell]) -> bool:
        """Text labels printed side by side over their values (实施期总目标 | 年度目标, the goals in the row below):
        each cell of the rows below goes to the label over its columns."""
        if self.heads is None or self.heads[0] is not grid:
            return False
        found = []
        for cell in cells:
            keys = [k for (c0, c1), k in self.heads[1].items() if c0 <= cell.last_col and cell.col <= c1]
            if len(keys) != 1:
                return False                 # under no label, or across them: not these labels' values
            found.append((keys[0], cell.text))
        t = self.form.table
        for key, text in found:
            if pf.is_placeholder(text):
                continue                             # 目标1：目标2：……: a blank template's prompts
            attr = "annual_goal" if key == "overall_goal" and t.type == "department_performance" else key
            if getattr(t, attr):
                pf.append_text(t, key, text)         # the text goes on in the rows below
            else:
                pf.set_field(t, key, text)
        return True

    def _field(self, key: str, value: str | None) -> None:
        """One labelled value onto the form; a second 项目名称 (部门名称 on department forms) starts a new form."""
        form = self.form
        if key == "project_name" and ("project_name" in form.seen or form.table.indicators):
            form = self.new_form()
        elif key == "department" and self.kind == "department_performance" and "department" in form.seen:
            form = self.new_form()
        if value is not None or key not in form.seen:
            pf.set_field(form.table, key, value)
        form.seen.add(key)
        form.text_field = key if key in pf.cfg()["field_kinds"]["texts"] else None

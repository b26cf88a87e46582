#!/usr/bin/env python
"""One-off: turn the seed text's 绩效目标表 into samples/data/jiyuan_2020_performance.json.

    python samples/parse_seed.py [../shared/seed/000_c03462864472638b.txt]

Run once; the JSON it wrote is committed and is the data from then on (edit the JSON, not this
script, to change a sample). Kept for the record of how the data was made and which seed defects
were repaired. The financial tables were transcribed by hand into samples/data/jiyuan_2020.py.

What the seed text (pulled out of a PDF) gets wrong and how this script puts it back:
- merged 一级指标 cells sit on the wrong row (usually a few rows early). The 一级 of every row is
  therefore NOT read from the text: it follows from the row's 二级 through the form's template
  (TEMPLATE below: 投入与目标管理 → 投入管理/财务管理/项目管理/资产管理; 产出目标 → 数量/质量/时效/成本;
  效果目标 → 经济效益/社会效益/环境效益/满意度; 影响力目标 → 长效管理/人力资源/部门协助/配套设施/信息共享/其它);
- a one-row 二级 cell with no 三级 sometimes slid into the 一级 or the 三级 column; it is read
  back as the 二级 of its own template row;
- in seven projects a 二级 label sits one group early or late; PROJECT_FIXES gives those
  projects' groups explicitly (the 三级 rows keep their printed order);
- five projects lost their last template rows at a page end; the missing template rows are
  added back empty (every template row is printed, with or without a 三级指标);
- markdown rule lines (------) the conversion left between rows are dropped.
The 部门整体 table's 二级 labels are misplaced by several rows; DEPARTMENT_GROUPS regroups its
三级 rows (printed order kept) under the 二级 their wording belongs to, and the 二级 under the 一级
of the Henan 部门整体绩效目标 template.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_c03462864472638b.txt"
OUT = ROOT / "samples" / "data" / "jiyuan_2020_performance.json"

TEMPLATE = [
    ("投入与目标管理", ["投入管理", "财务管理", "项目管理", "资产管理"]),
    ("产出目标", ["数量", "质量", "时效", "成本"]),
    ("效果目标", ["经济效益", "社会效益", "环境效益", "满意度"]),
    ("影响力目标", ["长效管理", "人力资源", "部门协助", "配套设施", "信息共享", "其它"]),
]
LEVEL1 = {l2: l1 for l1, l2s in TEMPLATE for l2 in l2s}
LEVEL2_ORDER = [l2 for _, l2s in TEMPLATE for l2 in l2s]

KV_TOP = ["项目名称", "单位编码", "资金用途", "项目负责人", "联系人", "联系电话", "开始时间", "结束时间",
          "项目总金额", "项目本年度金额", "上年度项目总金额", "项目上年度金额"]
KV_DETAIL = ["项目概况", "立项依据", "项目设立的必要性", "项目配套制度措施", "项目实施计划", "备注"]
KV_GOAL = ["项目总目标", "年度绩效目标"]

# Projects (1-based, in seed order) whose 二级 groups are given here: a list of
# (二级, [(三级, 指标值), ...]) for the groups from 数量 on (the 投入与目标管理 rows parse cleanly).
# Each is the printed rows in printed order, cut into the groups their wording belongs to.
PROJECT_FIXES = {
    # 二级 labels 社会效益/环境效益/满意度/经济效益 each one group off; 经济效益 printed after 满意度.
    25: {"from": "经济效益", "groups": [
        ("经济效益", [("侦破案件挽回经济损失", "≥1000万元")]),
        ("社会效益", [("刑事案件下降率", "≥2%"), ("治安案件下降率", "2%")]),
        ("环境效益", [("社会治安环境良好", "良好")]),
        ("满意度", [("群众对公安工作的满意度", "≥80%")]),
    ]},
    # 数量 label lost (质量 printed on its row); 经济效益 printed in the 三级 column.
    38: {"from": "数量", "groups": [
        ("数量", [("奖励民警数", "≥68人")]),
        ("质量", [("奖励发放条件符合率", "=100%"), ("应奖尽奖率", "100%")]),
        ("时效", [("奖励工作及时性", "及时")]),
        ("成本", []),
        ("经济效益", []),
        ("社会效益", [("侦破违法犯罪案件上升率", "≥2%"), ("刑事案件下降率", "≥2%")]),
        ("环境效益", [("社会治安环境良好", "良好")]),
        ("满意度", [("公众对公安机关执法满意度", "≥85%")]),
    ]},
    # 数量 label lost; 成本/经济效益/环境效益 printed in the 三级 column; 长效管理 label lost.
    57: {"from": "数量", "groups": [
        ("数量", [("交通信号灯", "13个")]),
        ("质量", [("监控探头联网率", "=100%"), ("探头质量达标率", "100%")]),
        ("时效", [("工作完成及时性", "及时")]),
        ("成本", []),
        ("经济效益", []),
        ("社会效益", [("监控覆盖面增长率", "≥35%"), ("违法犯罪事故破获率", "≥60%")]),
        ("环境效益", []),
        ("满意度", [("群众满意度", "=88%")]),
        ("长效管理", [("长效管理制度健全性", "健全"), ("设备维修责任机制健全性", "健全")]),
    ]},
    # 数量 label lost (质量 printed on its row).
    61: {"from": "数量", "groups": [
        ("数量", [("每年鉴定事故数量", "≥100起")]),
        ("质量", [("鉴定完成率", "≥100%"), ("鉴定准确性", "≥100%")]),
        ("时效", [("鉴定工作及时性", "及时")]),
        ("成本", []),
        ("经济效益", [("要求每个案件", "公平、公正")]),
        ("社会效益", []),
        ("环境效益", []),
        ("满意度", [("群众满意度", "≥85%")]),
    ]},
    # 数量 label lost (质量 printed on its row).
    67: {"from": "数量", "groups": [
        ("数量", [("高清固定监控探头", "≥10套")]),
        ("质量", [("监控探头联网率", "≥99%"), ("探头质量达标率", "≥100%")]),
    ]},
    # 数量/经济效益/社会效益/环境效益 printed in the 三级 column, the 三级 text pushed into 指标值.
    69: {"from": "数量", "groups": [
        ("数量", [("每年酒精检测人员", "≥1000人")]),
        ("质量", [("鉴定标准", "符合国家统一标准"), ("酒精检测合格率", "=100%")]),
        ("时效", [("工作计划完成率", "=100%")]),
        ("成本", []),
        ("经济效益", []),
        ("社会效益", [("提升相关案件公正度", "有效提升")]),
        ("环境效益", []),
        ("满意度", [("群众满意度", "≥85%")]),
    ]},
}

# 部门整体绩效目标表: 一级 → 二级 (Henan template) and the 三级 rows (by printed wording) of each 二级.
DEPARTMENT_TEMPLATE = [
    ("投入管理指标", ["工作目标管理", "预算和财务管理", "资产管理", "绩效管理"]),
    ("产出指标", ["重点工作任务完成"]),
    ("效益指标", ["履职效益", "满意度"]),
]
# printed 三级 row index (0-based, in printed order) where each 二级 starts
DEPARTMENT_GROUPS = {
    "工作目标管理": 0,            # 年度履职目标相关性 …
    "预算和财务管理": 3,          # 预算编制完整性 … 预决算信息公开性
    "资产管理": 14,               # 资产管理规范性
    "绩效管理": 15,               # 绩效监控完成率 … 评价结果应用率
    "重点工作任务完成": 19,       # 持续推进…有效性 … 采购装备数量 (outputs)
    "履职效益": 33,               # 持续推进…有效性 (2nd) … 全市社会治安状况良好 (effects)
    "满意度": 38,                 # 公众安全感指数 … 公众对公安机关执法满意度
}


def cells(line: str, n: int) -> list[str]:
    parts = [p.strip() for p in line.split("\t")]
    return (parts + [""] * n)[:n]


def parse_grid(lines: list[str], number: int) -> list[dict]:
    """The indicator rows of one project: every template row, 二级 in template order."""
    rows = []                       # physical rows: [label2 or None, level3, target]
    pending = None                  # a 二级 label printed one row early
    for line in lines:
        c0, c1, c2, c3 = cells(line, 4)
        if c0 in LEVEL1:           # a one-row 二级 slid into the 一级 column
            c1, c0 = c0, ""
        label = c1 or pending
        pending = None
        if c2 in LEVEL1 and not c3:   # a one-row 二级 slid into the 三级 column
            pending = c1 or None
            label, c2 = c2, ""
        rows.append([label, c2 or None, c3 or None])
    groups: list[tuple[str, list]] = []
    for label, l3, target in rows:
        if label:
            groups.append((label, []))
        assert groups, f"project {number}: indicator rows before the first 二级"
        if l3 or target:
            groups[-1][1].append((l3, target))
    fix = PROJECT_FIXES.get(number)
    if fix:
        order = LEVEL2_ORDER.index
        fixed_names = [g for g, _ in fix["groups"]]
        start = next(i for i, (g, _) in enumerate(groups) if order(g) >= order(fix["from"]))
        tail = [(g, r) for g, r in groups[start:] if order(g) > order(fixed_names[-1])]
        printed = [r for g, rs in groups[start:] if order(g) <= order(fixed_names[-1]) for r in rs]
        fixed = [r for _, rs in fix["groups"] for r in rs]
        if number != 69:           # 69 had cells merged across columns; its rows are retyped
            assert printed == fixed, (number, printed, fixed)
        groups = groups[:start] + [(g, list(r)) for g, r in fix["groups"]] + tail
    names = [g for g, _ in groups]
    assert names == [g for g in LEVEL2_ORDER if g in names], f"project {number}: 二级 out of order {names}"
    assert names == LEVEL2_ORDER[:len(names)], f"project {number}: 二级 missing {names}"
    restored = LEVEL2_ORDER[len(names):]
    groups += [(g, []) for g in restored]
    out = []
    for g, rs in groups:
        for l3, target in rs or [(None, None)]:
            out.append({"level1": LEVEL1[g], "level2": g, "level3": l3, "target": target})
    return out, restored


def parse_projects(lines: list[str]) -> list[dict]:
    starts = [i for i, l in enumerate(lines) if l.endswith("项目绩效目标表")]
    projects = []
    for n, s in enumerate(starts, 1):
        end = starts[n] if n < len(starts) else len(lines)
        block = [l for l in lines[s:end] if l.strip() and not l.startswith("---")]
        title, subtitle = block[0].strip(), block[1].strip()
        fields: dict[str, str] = {}
        k = 2
        while not block[k].startswith("一级指标\t"):
            parts = cells(block[k], 4)
            if parts[0] in KV_TOP:
                fields[parts[0]] = parts[1]
                if parts[2]:
                    fields[parts[2]] = parts[3]
            elif parts[0] in KV_DETAIL or parts[0] in KV_GOAL:
                fields[parts[0]] = parts[1]
            else:
                assert parts[0] in ("项目详细信息", "项目绩效目标"), (n, block[k])
            k += 1
        for key in KV_TOP + KV_DETAIL + KV_GOAL:
            fields.setdefault(key, "")
        indicators, restored = parse_grid(block[k + 1:], n)
        unit = title[: title.index("行政支出") if "行政支出" in title else title.index("支出项目")]
        projects.append({
            "title": title,
            "subtitle": subtitle,
            "unit_name": unit,
            "fields": [[key, fields[key]] for key in KV_TOP + KV_DETAIL + KV_GOAL],
            "indicators": indicators,
            "seed_repairs": ([f"二级 groups regrouped (PROJECT_FIXES {n})"] if n in PROJECT_FIXES else [])
                            + ([f"template rows lost in the seed added back empty: {'、'.join(restored)}"]
                               if restored else []),
        })
    return projects


def parse_department(lines: list[str]) -> dict:
    s = next(i for i, l in enumerate(lines) if l.strip() == "济源市公安局绩效目标表")
    block = [l for l in lines[s:] if l.strip()]
    end = next(i for i, l in enumerate(block) if l.endswith("项目绩效目标表"))
    block = block[:end]
    title, subtitle = block[0].strip(), block[1].strip()
    dept = annual = None
    tasks, budget, ind_lines = [], [], []
    section = None
    for line in block[2:]:
        c = cells(line, 5)
        if c[0] == "部门(单位)名称":
            dept = c[2]
        elif c[0] == "年度履职目标":
            annual = c[1]
        elif c[0] == "年度主要任务":
            section = "tasks"
        elif c[0] == "预算情况":
            section = "budget"
            budget.append([c[1], c[2]])
        elif c[0] == "一级指标":
            section = "indicators"
        elif section == "tasks":
            tasks.append({"name": c[1], "content": c[2]})
        elif section == "budget":
            budget.append([c[1], c[2]])
        elif section == "indicators":
            ind_lines.append(c)
    printed = [(c[2], c[3], c[4]) for c in ind_lines]
    starts = sorted(DEPARTMENT_GROUPS.items(), key=lambda kv: kv[1])
    level1 = {l2: l1 for l1, l2s in DEPARTMENT_TEMPLATE for l2 in l2s}
    assert [g for g, _ in starts] == [g for _, l2s in DEPARTMENT_TEMPLATE for g in l2s]
    indicators = []
    for j, (g, lo) in enumerate(starts):
        hi = starts[j + 1][1] if j + 1 < len(starts) else len(printed)
        for l3, target, desc in printed[lo:hi]:
            indicators.append({"level1": level1[g], "level2": g, "level3": l3 or None,
                               "target": target or None, "description": desc or None})
    return {"title": title, "subtitle": subtitle, "department": dept, "annual_goal": annual,
            "tasks": tasks, "budget": budget, "indicators": indicators}


def main(argv: list[str]) -> int:
    seed = Path(argv[0]) if argv else SEED
    lines = seed.read_text(encoding="utf-8").split("\n")
    data = {
        "_about": "Parsed once from ../shared/seed/000_c03462864472638b.txt by samples/parse_seed.py "
                  "(see its docstring for the seed defects repaired); edit this file, not the script.",
        "department": parse_department(lines),
        "projects": parse_projects(lines),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: 1 department table, {len(data['projects'])} project tables")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

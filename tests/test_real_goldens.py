"""Every hand-checked golden in golden/real (except the two 上海市普陀区 goldens of test_real_shanghai.py):
the PDF of the same stem in ../shared/real is extracted and must match the golden exactly.

`diff_documents` compares the document fields, the financial tables and the PerformanceTables, each only in
the fields the golden holds.
"""
from __future__ import annotations

import json

import pytest

from conftest import GOLDEN, as_json, extracted

# already checked by tests/test_real_shanghai.py
_TESTED_ELSEWHERE = {"上海市普陀区商务委员会25年预算", "上海市普陀区规划和自然资源局 2024 年度部门决算"}

STEMS = sorted(p.stem for p in (GOLDEN / "real").glob("*.json") if p.stem not in _TESTED_ELSEWHERE)


def _golden(stem: str) -> dict:
    return json.loads((GOLDEN / "real" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", STEMS)
def test_matches_hand_checked_golden(stem):
    from extractor.compare import diff_documents
    doc = as_json(extracted(stem + ".pdf"))
    assert diff_documents(doc, _golden(stem)) == []

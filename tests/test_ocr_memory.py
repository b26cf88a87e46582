"""A long scan must not cost memory per page: a page read from its image keeps only its characters,
edges and seals, and the heap its images and tensors took is given back (read/ocr.py). Before, glibc
kept every page's freed buffers resident (876 MB peak for the 101-page seed rendering, 640 MB now)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

_CODE = r"""
import json, sys
from extractor.pipeline import extract
from extractor.read import ocr

doc = extract(sys.argv[1])
rss = [int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmRSS:")][0]
print(json.dumps({"ocr_pages": ocr.TIMING.pages, "tables": len(doc.tables), "rss_mb": rss}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads VmRSS from /proc")
def test_scanned_pages_leave_no_freed_heap_resident():
    """Thirteen scanned pages read in a fresh process: once they are read, what stays resident is the
    models, the recogniser's arena and the text (~360 MB), not every page's freed buffers (~520 MB)."""
    pdf = ROOT / "samples" / "putuo_2025_budget_scanned.pdf"
    res = subprocess.run([sys.executable, "-c", _CODE, str(pdf)], capture_output=True, text=True, timeout=600,
                         cwd=ROOT)
    assert res.returncode == 0, res.stderr[-2000:]
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got["ocr_pages"] == 13 and got["tables"] == 6
    assert got["rss_mb"] < 440, got

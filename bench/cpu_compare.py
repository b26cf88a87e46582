"""CPU seconds of the pipeline on the same files for several trees, runs interleaved (tree A, tree B,
tree A, ...) so that the load of a shared machine falls on all of them alike.

usage: python bench/cpu_compare.py [--rounds 3] [--tree NAME=PATH ...] [PDF ...]
       (default trees: this one; default files: the bench_text.py set, the 上海市普陀区 files of ../shared/real)

Each run is a child process (``python -c`` with PYTHONPATH set to the tree) that extracts every file once
after a warm-up extraction of the first, and reports its own process CPU time and wall time.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
CHILD = r"""
import json, sys, time
from extractor.pipeline import extract
files = sys.argv[1:]
extract(files[0])
c, w, pages = time.process_time(), time.perf_counter(), 0
for f in files:
    pages += extract(f).source.pages
print(json.dumps({"cpu": time.process_time() - c, "wall": time.perf_counter() - w, "pages": pages}))
"""


def run(tree: str, files: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=tree)
    out = subprocess.run([sys.executable, "-c", CHILD, *files], env=env, capture_output=True, text=True,
                         check=True, cwd="/")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdfs", nargs="*")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tree", action="append", default=[])
    args = ap.parse_args(argv)
    files = [str(Path(f).resolve()) for f in args.pdfs] or \
        sorted(glob.glob(str(REAL / "上海市普陀区*.pdf")) + glob.glob(str(REAL / "附件2*.pdf")))
    trees = dict(t.split("=", 1) for t in args.tree) or {"this": str(ROOT)}
    results: dict[str, list[dict]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, path in trees.items():
            r = run(path, files)
            r["load"] = os.getloadavg()[0]
            results[name].append(r)
            print(name, json.dumps({k: round(v, 2) for k, v in r.items()}), flush=True)
    summary = {}
    for name, rs in results.items():
        pages = rs[0]["pages"]
        cpu = statistics.median(r["cpu"] for r in rs)
        wall = statistics.median(r["wall"] for r in rs)
        summary[name] = {"pages": pages, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                         "pages_per_cpu_s": round(pages / cpu, 1), "pages_per_wall_s": round(pages / wall, 1),
                         "load": round(statistics.mean(r["load"] for r in rs), 1)}
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])

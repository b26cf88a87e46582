"""CPU seconds of the pipeline on the same files for several trees, runs interleaved (tree A, tree B,
tree A, ...) so that the load of a shared machine falls on all of them alike.

usage: python bench/cpu_compare.py [--rounds 3] [--per-file] [--tree NAME=PATH ...] [PDF ...]
       (default trees: this one; default files: the bench_text.py set, the 上海市普陀区 files of ../shared/real)

Each run is a child process (``python -c`` with PYTHONPATH set to the tree) that extracts every file once
after a warm-up extraction of the first, and reports its own process CPU time and wall time.

``--per-file``: one long-lived child per tree, asked for one file at a time, the trees in turn for each
file and the files in turn for each round; each file's figure is its least CPU time over the rounds. On a
shared machine whose speed drifts by a fifth within a minute, this puts both trees under the same drift.
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


SERVE = r"""
import sys, time
from extractor.pipeline import extract
for line in sys.stdin:
    c = time.process_time()
    pages = extract(line.rstrip("\n")).source.pages
    print(time.process_time() - c, pages, flush=True)
"""


def per_file(trees: dict[str, str], files: list[str], rounds: int) -> dict:
    """{tree: {file: least CPU seconds}} with the trees asked in turn, file by file."""
    kids = {name: subprocess.Popen([sys.executable, "-c", SERVE], env=dict(os.environ, PYTHONPATH=path), cwd="/",
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            for name, path in trees.items()}
    best: dict[str, dict[str, float]] = {name: {} for name in trees}
    pages: dict[str, int] = {}
    try:
        for r in range(rounds + 1):             # round 0 warms each child (imports, catalog, first pages)
            for f in files:
                for name, kid in kids.items():
                    kid.stdin.write(f + "\n")
                    kid.stdin.flush()
                    cpu, n = kid.stdout.readline().split()
                    pages[f] = int(n)
                    if r:
                        best[name][f] = min(best[name].get(f, float("inf")), float(cpu))
    finally:
        for kid in kids.values():
            kid.stdin.close()
            kid.wait()
    total = sum(pages.values())
    out = {name: {"pages": total, "cpu_s": round(sum(b.values()), 2),
                  "pages_per_cpu_s": round(total / sum(b.values()), 1)} for name, b in best.items()}
    first = next(iter(trees))
    for name in trees:
        out[name]["vs_" + first] = round(sum(best[name].values()) / sum(best[first].values()) - 1, 4)
        if name != first:
            out[name]["files_vs_" + first] = {Path(f).name: round(best[name][f] / best[first][f] - 1, 3)
                                              for f in files if best[first][f] > 0}
    return out


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
    ap.add_argument("--per-file", action="store_true", help="trees in turn file by file, least CPU per file")
    args = ap.parse_args(argv)
    files = [str(Path(f).resolve()) for f in args.pdfs] or \
        sorted(glob.glob(str(REAL / "上海市普陀区*.pdf")) + glob.glob(str(REAL / "附件2*.pdf")))
    trees = dict(t.split("=", 1) for t in args.tree) or {"this": str(ROOT)}
    if args.per_file:
        print(json.dumps(per_file(trees, files, args.rounds), ensure_ascii=False, indent=1))
        return
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

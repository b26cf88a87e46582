"""The corpus batch (``run_batch`` over ../shared/corpus, 2 workers, as bench_corpus.py runs it) for
several trees, interleaved: wall seconds and the CPU seconds of the whole process tree (the batch and
its workers), and, with ``--ref``, how many outputs are byte-identical to a reference run's
(bench/same_output.py names).

usage: python bench/corpus_cpu.py [--rounds 1] [--workers 2] [--ref out/head] --tree NAME=PATH ...
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CHILD = r"""
import sys
from extractor.batch.run import run_batch
s = run_batch(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]), force=True)
"""


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--ref", default=None)
    ap.add_argument("--tree", action="append", required=True)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    from same_output import key_of
    trees = dict(t.split("=", 1) for t in args.tree)
    pdfs = sorted(CORPUS.rglob("*.pdf"))
    for _ in range(args.rounds):
        for name, path in trees.items():
            out = ROOT / "out" / f"batch_{name}"
            load = os.getloadavg()[0]
            cpu, wall = children_cpu(), time.perf_counter()
            subprocess.run([sys.executable, "-c", CHILD, str(CORPUS), str(out), str(args.workers)],
                           env=dict(os.environ, PYTHONPATH=path), cwd="/", check=True,
                           stdout=subprocess.DEVNULL)
            cpu, wall = children_cpu() - cpu, time.perf_counter() - wall
            result = {"tree": name, "files": len(pdfs), "cpu_s": round(cpu, 1), "wall_s": round(wall, 1),
                      "load_before": round(load, 1), "load_after": round(os.getloadavg()[0], 1)}
            if args.ref:
                same = differ = 0
                for pdf in pdfs:
                    got = out / pdf.relative_to(CORPUS).with_suffix(".json")
                    ref = Path(args.ref) / key_of(pdf)
                    if got.exists() and ref.exists() and got.read_bytes() == ref.read_bytes():
                        same += 1
                    else:
                        differ += 1
                        print(f"DIFFER {pdf}", flush=True)
                result.update(identical=same, differ=differ)
            print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

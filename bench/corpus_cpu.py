"""The corpus batch (``run_batch`` over ../shared/corpus, 2 workers, as bench_corpus.py runs it) for
several trees, interleaved: wall seconds with the load average before and after, and, with ``--ref``,
how many outputs are byte-identical to a reference run's (bench/same_output.py names). The workers are
children of the forkserver, whose CPU time no parent collects: for CPU seconds over the corpus run
``bench/same_output.py --sets corpus`` with each tree (one process, ``time.process_time``).

usage: python bench/corpus_cpu.py [--rounds 1] [--workers 2] [--ref out/head] --tree NAME=PATH ...
"""
from __future__ import annotations

import argparse
import json
import os
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
            wall = time.perf_counter()
            subprocess.run([sys.executable, "-c", CHILD, str(CORPUS), str(out), str(args.workers)],
                           env=dict(os.environ, PYTHONPATH=path), cwd="/", check=True,
                           stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - wall
            result = {"tree": name, "files": len(pdfs), "wall_s": round(wall, 1),
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

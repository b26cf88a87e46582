"""The per-file function for Dask workers: the same job, in a child process with a deadline, because a
thread on a Dask worker cannot be stopped when a PDF makes the parser hang."""
from __future__ import annotations

import multiprocessing as mp

from .job import FileResult, process_one


def _child(conn, pdf: str, out: str, rel: str, force: bool) -> None:
    conn.send(process_one(pdf, out, rel, force))


def process_isolated(pdf: str, out: str, rel: str, force: bool, timeout: float) -> dict:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, pdf, out, rel, force), daemon=True)
    try:
        proc.start()
    except AssertionError:      # a daemonic worker may not have children: run here, without a deadline
        return process_one(pdf, out, rel, force)
    child.close()
    if parent.poll(timeout):
        try:
            result = parent.recv()
            proc.join(5)
            return result
        except EOFError:
            pass
    if proc.is_alive():
        proc.kill()
        proc.join()
        return FileResult(file=rel, status="failed", reason=f"timed out after {timeout:g} s").as_dict()
    return FileResult(file=rel, status="failed", reason=f"worker died (exit code {proc.exitcode})").as_dict()

"""A pool of long-lived worker processes with a deadline per file: a file that hangs or exhausts its
memory costs its worker (killed and replaced), never the batch."""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable, Iterator

Task = tuple[str, str, str, bool]   # pdf, out, rel, force


def _worker(conn: Connection, memory_mb: int | None, ocr_threads: int) -> None:
    # OCR threads per worker: the cores shared out, so workers do not fight over them
    os.environ.setdefault("BUDGET_OCR_THREADS", str(ocr_threads))
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from .job import process_one
    while True:
        task = conn.recv()
        if task is None:
            return
        conn.send(process_one(*task))


class _Slot:
    def __init__(self, ctx, memory_mb: int | None, ocr_threads: int = 1):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, memory_mb, ocr_threads), daemon=True)
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0

    def give(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send(task)

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def run_pool(tasks: Iterable[Task], workers: int, timeout: float, memory_mb: int | None,
             failed: Callable[[Task, str], dict]) -> Iterator[dict]:
    """Yield one result dict per task, in completion order."""
    # forkserver: workers start from a small clean process, not from a copy of the caller's (which
    # may hold an OCR engine's threads and gigabytes of address space that the memory cap would count)
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["extractor.batch.job"])
    pending = list(tasks)[::-1]
    size = max(1, min(workers, len(pending) or 1))
    threads = max(1, (os.cpu_count() or 1) // size)
    slots = [_Slot(ctx, memory_mb, threads) for _ in range(size)]
    try:
        for slot in slots:
            if pending:
                slot.give(pending.pop())
        while any(s.task for s in slots):
            busy = [s for s in slots if s.task]
            soonest = min(s.started + timeout for s in busy)
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy],
                         timeout=max(0.0, soonest - time.monotonic()))
            for i, slot in enumerate(slots):
                if slot.task is None:
                    continue
                result = None
                if slot.conn in ready or slot.conn.poll():
                    try:
                        result = slot.conn.recv()
                    except (EOFError, OSError):
                        result = None
                if result is None and (slot.proc.sentinel in ready or not slot.proc.is_alive()):
                    code = slot.proc.exitcode
                    result = failed(slot.task, f"worker died (exit code {code}; out of memory or a crash in the PDF library)")
                    slot.kill()
                    slots[i] = slot = _Slot(ctx, memory_mb, threads)
                elif result is None and time.monotonic() - slot.started >= timeout:
                    result = failed(slot.task, f"timed out after {timeout:g} s")
                    slot.kill()
                    slots[i] = slot = _Slot(ctx, memory_mb, threads)
                if result is not None:
                    yield result
                    slot.task = None
                    if pending:
                        slot.give(pending.pop())
    finally:
        for slot in slots:
            slot.stop()

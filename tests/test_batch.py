"""Bulk runs: nested folders, bad files recorded not fatal, resumable after a kill, Dask, tidy export."""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch import run_batch

from conftest import REAL, ROOT


def _pdf_bytes(content: bytes, size: tuple[int, int] = (595, 842), pages: int = 1) -> bytes:
    """A PDF of ``pages`` pages sharing one content stream, written by hand (offsets and xref exact)."""
    stream = 3 + pages
    kids = b" ".join(b"%d 0 R" % (3 + k) for k in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R >>" % (size + (stream,))] * pages
    objs += [b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _dense_grid_pdf(n: int = 260, pages: int = 1) -> bytes:
    """n x n ruling lines on each of ``pages`` A2 pages: lattices of ~n^2 cells that keep the table
    finder busy past a per-file deadline (the 'page that makes the parser loop' case; one page of it
    takes 5-20 s; forty pages run for minutes however fast the finder gets, past any deadline a test sets)."""
    ops = [b"0.1 w\n"]
    for i in range(n):
        y, x = 20 + i * 1640 / n, 20 + i * 1150 / n
        ops.append(b"20 %.2f m 1170 %.2f l S\n%.2f 20 m %.2f 1660 l S\n" % (y, y, x, x))
    return _pdf_bytes(b"".join(ops), (1190, 1684), pages)


def _bad_corpus(folder: Path, sample: Path, grid_pages: int = 1) -> dict[str, str]:
    """name -> the reason the summary must give."""
    from pypdf import PdfReader, PdfWriter
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "zero.pdf").write_bytes(b"")
    data = sample.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (folder / "random.pdf").write_bytes(os.urandom(4096))
    w = PdfWriter(clone_from=str(sample))
    w.encrypt(user_password="pw", owner_password="owner")
    with open(folder / "encrypted.pdf", "wb") as fh:
        w.write(fh)
    (folder / "dense grid.pdf").write_bytes(_dense_grid_pdf(pages=grid_pages))
    return {"zero.pdf": "empty file", "truncated.pdf": "damaged PDF", "random.pdf": "not a PDF",
            "encrypted.pdf": "encrypted PDF", "dense grid.pdf": "timed out"}


def _big_pdf(path: Path, sample: Path, pages: int = 500) -> None:
    from pypdf import PdfReader, PdfWriter
    reader = PdfReader(str(sample))
    w = PdfWriter()
    while len(w.pages) < pages:
        for page in reader.pages:
            if len(w.pages) < pages:
                w.add_page(page)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        w.write(fh)


def _summary(out: Path) -> dict[str, dict]:
    with open(out / "_summary.csv", encoding="utf-8") as fh:
        return {r["file"]: r for r in csv.DictReader(fh)}


SAMPLE = ROOT / "samples" / "jiyuan_2020_budget.pdf"


def test_bad_files_are_recorded_and_good_ones_done(tmp_path):
    src = tmp_path / "in"
    reasons = _bad_corpus(src / "坏 文件", SAMPLE, grid_pages=40)     # past a 60 s deadline
    _big_pdf(src / "big" / "五百页.pdf", SAMPLE)
    shutil.copy(SAMPLE, src / "good.pdf")
    summary = run_batch(src, tmp_path / "out", workers=2, timeout=60)   # the 500-page file takes 12-20 s on a loaded 2-core machine; the dense grid runs for minutes
    rows = _summary(tmp_path / "out")
    for name, reason in reasons.items():
        row = rows[f"坏 文件/{name}"]
        assert row["status"] == "failed" and reason in row["reason"], row
    assert rows["good.pdf"]["status"] == "ok" and rows["big/五百页.pdf"]["status"] == "ok"
    assert rows["big/五百页.pdf"]["pages"] == "500"
    big = json.loads((tmp_path / "out" / "big" / "五百页.json").read_text(encoding="utf-8"))
    assert big["source"]["pages"] == 500 and len(big["tables"]) >= 3 * (500 // 6)
    assert summary.count("failed") == len(reasons) and summary.count("ok") == 2
    assert not list((tmp_path / "out").rglob("*.tmp"))


def _corpus_200(root: Path) -> tuple[int, int]:
    # text PDFs only: scans take seconds a page, past this test's 60 s deadline (test_ocr batches one)
    good = sorted(REAL.glob("*.pdf")) + sorted(p for p in (ROOT / "samples").glob("*.pdf") if "_scanned" not in p.stem)
    if len(good) < 19:
        pytest.skip(f"real corpus not available in {REAL}")
    n = 0
    k = 0
    while n < 195:
        pdf = good[k % len(good)]
        dest = root / f"省{k % 4}" / f"县 {k % 7}" / f"{k:03d} {pdf.name}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, dest)
        n += 1
        k += 1
    bad = _bad_corpus(root / "bad", SAMPLE, grid_pages=40)      # past the 60 s deadline on any machine
    return n, len(bad)


def test_batch_of_200_killed_and_resumed(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    n_good, n_bad = _corpus_200(src)
    cmd = [sys.executable, "-m", "extractor.cli", "batch", str(src), "-o", str(out), "--workers", "2", "--timeout", "60"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 600
    while len(list(out.rglob("*.json"))) < 60 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    assert 60 <= len(before) < n_good, "the kill should land half-way"
    for p in before:                                    # atomic writes: no half-written JSON
        json.loads(p.read_text(encoding="utf-8"))
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-2000:]
    rows = _summary(out)
    assert len(rows) == n_good + n_bad
    assert sum(r["status"] == "skipped" for r in rows.values()) == len(before)
    assert sum(r["status"] == "ok" for r in rows.values()) == n_good - len(before)
    assert sorted(r["file"].split("/")[-1] for r in rows.values() if r["status"] == "failed") == \
        sorted(["zero.pdf", "truncated.pdf", "random.pdf", "encrypted.pdf", "dense grid.pdf"])
    assert all(p.stat().st_mtime_ns == t for p, t in before.items())      # nothing redone
    assert len(list(out.rglob("*.json"))) == n_good

    # the tidy export of that batch, in Parquet, read by DuckDB
    duckdb = pytest.importorskip("duckdb")
    parquet = tmp_path / "tidy.parquet"
    subprocess.run([sys.executable, "-m", "extractor.cli", "export", str(out), "--format", "parquet", "-o", str(parquet)],
                   check=True, capture_output=True, timeout=600)
    got = duckdb.sql(f"select sum(value_yuan) from '{parquet}' where table_type = 'expenditure' "
                     f"and row_kind = 'total' and column_key = 'total'").fetchall()[0][0]
    factor = {"元": 1, "千元": 1000, "万元": 10000}
    from decimal import Decimal
    expected = Decimal(0)
    for p in out.rglob("*.json"):
        doc = json.loads(p.read_text(encoding="utf-8"))
        for t in doc["tables"]:
            if t["type"] == "expenditure" and t["unit"] in factor:
                for r in t["rows"]:
                    if r["kind"] == "total" and "total" in r["values"]:
                        expected += Decimal(repr(r["values"]["total"])) * factor[t["unit"]]
    assert expected > 0 and got == pytest.approx(float(expected), rel=1e-12)


def test_dask_executor_same_outputs(tmp_path):
    pytest.importorskip("distributed")
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    shutil.copy(SAMPLE, src / "a" / "one.pdf")
    shutil.copy(SAMPLE, src / "two.pdf")
    (src / "a" / "bad.pdf").write_bytes(b"not a pdf")
    local = run_batch(src, tmp_path / "local", workers=1)
    dask = run_batch(src, tmp_path / "dask", workers=2, executor="dask")
    assert sorted((r["file"], r["status"]) for r in local.results) == \
        sorted((r["file"], r["status"]) for r in dask.results) == [("a/bad.pdf", "failed"), ("a/one.pdf", "ok"), ("two.pdf", "ok")]
    for rel in ("a/one.json", "two.json"):
        assert (tmp_path / "local" / rel).read_bytes() == (tmp_path / "dask" / rel).read_bytes()
    again = run_batch(src, tmp_path / "dask", workers=2, executor="dask")
    assert sorted(r["status"] for r in again.results) == ["failed", "skipped", "skipped"]


def test_workers_start_clean_whatever_the_caller_holds(tmp_path):
    """A caller that has used a lot of memory (here 3.3 GB of ballast, more than the cap) before calling run_batch: the
    workers do not inherit it, so the per-worker memory cap still leaves them room to work."""
    from extractor.batch import run_batch
    ballast = bytearray(3_300_000_000)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.pdf")
    summary = run_batch(src, tmp_path / "out", workers=1, memory_mb=3072)
    assert [r["status"] for r in summary.results] == ["ok"], summary.results
    assert len(ballast) == 3_300_000_000

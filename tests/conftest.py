"""Shared fixtures: the real PDFs live in ../shared/real beside the checkout and are never copied in."""
from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
GOLDEN = ROOT / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"


def real_pdf(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"real corpus not available: {path} (tests read ../shared/real beside the checkout)")
    return path


def corpus_pdf(rel: str) -> Path:
    """A PDF of the development corpus (../shared/corpus), by its path there; skips when absent."""
    path = CORPUS / rel
    if not path.is_file():
        pytest.skip(f"development corpus not available: {path} (tests read ../shared/corpus beside the checkout)")
    return path


def corpus_doc(rel: str):
    """The Document for a corpus PDF, extracted once per test session."""
    return _extract_cached(str(corpus_pdf(rel)))


@lru_cache(maxsize=None)
def _extract_cached(path: str, reader: str = "pdfium"):
    from extractor.pipeline import extract
    from extractor.settings import Settings
    return extract(path, Settings(reader=reader))


def extracted(name: str, reader: str = "pdfium"):
    """The Document for a real PDF, extracted once per test session."""
    return _extract_cached(str(real_pdf(name)), reader)


def as_json(doc) -> dict:
    from extractor.write import document_json
    return json.loads(document_json(doc))


def cli_diff(output: dict | Path, golden: dict, tmp: Path) -> subprocess.CompletedProcess:
    """`budget-extract diff` of an output (a dict or a JSON file) against a golden dict."""
    out, gold = (output if isinstance(output, Path) else tmp / "out.json"), tmp / "golden.json"
    if not isinstance(output, Path):
        out.write_text(json.dumps(output, ensure_ascii=False), encoding="utf-8")
    gold.write_text(json.dumps(golden, ensure_ascii=False), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "extractor.cli", "diff", str(out), str(gold)],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory) -> Path:
    """The whole development corpus through ``batch`` once per session (for every corpus-wide test file)."""
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not available: {CORPUS} (tests read ../shared/corpus beside the checkout)")
    from extractor.batch.run import run_batch
    out = tmp_path_factory.mktemp("corpus")
    summary = run_batch(CORPUS, out, workers=2, force=True)
    failed = [r for r in summary.results if r["status"] == "failed"]
    assert not failed, failed
    return out

"""`budget-extract`: thin typer commands over the Python API."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import typer

from .version import __version__
from .errors import ExtractionError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese budget disclosure PDFs (部门预算/决算) -> validated JSON.")


def coverage_line(doc) -> str:
    """One line per document: what was read, what was not, what failed."""
    types = Counter(t.type for t in doc.tables)
    known = ", ".join(f"{k} {v}" for k, v in sorted(types.items()) if k != "unknown")
    failed = sum(c.status == "fail" for t in doc.tables for c in t.checks)
    indicators = sum(len(p.indicators) for p in doc.performance)
    return (f"{doc.source.file}: {doc.source.pages} pages; tables {len(doc.tables)} ({known or 'none'}); "
            f"unknown {types.get('unknown', 0)}; performance {len(doc.performance)}; indicators {indicators}; "
            f"checks failed {failed}")


@app.command()
def extract(pdf: Path = typer.Argument(..., help="PDF file to read"),
            output: Optional[Path] = typer.Option(None, "-o", "--output", help="write JSON here (default: stdout)"),
            reader: str = typer.Option("pdfium", help="page reader: pdfium (fast) or pdfplumber")) -> None:
    """Extract one PDF into JSON (SCHEMA.md)."""
    from .pipeline import extract as run
    from .settings import Settings
    from .write import atomic_write, document_json
    try:
        if not pdf.is_file():
            raise ExtractionError(f"{pdf}: no such file")
        doc = run(pdf, Settings(reader=reader))
    except ExtractionError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    except Exception as exc:  # a bug on one file must still end in one clear line
        typer.echo(f"error: {pdf.name}: extraction failed: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(3)
    text = document_json(doc)
    if output:
        atomic_write(output, text)
    else:
        sys.stdout.write(text)
    typer.echo(coverage_line(doc), err=True)
    for w in doc.warnings:
        typer.echo(f"warning: {w.code}: {w.message}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    from .models import Document
    typer.echo(json.dumps(Document.model_json_schema(by_alias=True), ensure_ascii=False, indent=1))


@app.command()
def diff(output: Path = typer.Argument(..., help="extractor output JSON"),
         golden: Path = typer.Argument(..., help="golden JSON")) -> None:
    """Show what differs from a golden file; exit 1 when anything does."""
    from .compare import diff_documents
    lines = diff_documents(json.loads(output.read_text(encoding="utf-8")), json.loads(golden.read_text(encoding="utf-8")))
    for line in lines:
        typer.echo(line)
    if lines:
        typer.echo(f"{len(lines)} differences", err=True)
        raise typer.Exit(1)
    typer.echo("no differences", err=True)


@app.command("eval")
def evaluate(pred: Path = typer.Option(..., "--pred", help="folder of extractor output JSON"),
             golden: Path = typer.Option(..., "--golden", help="folder of golden JSON (matched by relative path or name)"),
             as_json: bool = typer.Option(False, "--json", help="machine-readable output")) -> None:
    """Table detection, numeric-cell and indicator precision/recall/F1 per file and overall."""
    from .compare.evaluate import as_json as to_json, evaluate as run, report
    files, overall = run(pred, golden)
    typer.echo(to_json(files, overall) if as_json else report(files, overall))


@app.command()
def batch(in_dir: Path = typer.Argument(..., help="folder of PDFs (searched recursively)"),
          out_dir: Path = typer.Option(..., "-o", "--out", help="output folder (mirrors the input tree)"),
          workers: int = typer.Option(2, help="worker processes"),
          force: bool = typer.Option(False, help="redo files whose JSON is already current"),
          timeout: float = typer.Option(1200.0, help="seconds allowed per file (a scanned page takes 1-3 s)"),
          memory_mb: int = typer.Option(3072, help="memory cap per worker (MB); 0 for none"),
          executor: str = typer.Option("local", help="local (worker processes) or dask"),
          scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address; without it a local cluster")) -> None:
    """Extract every PDF below IN_DIR; resumable; a failing file is recorded, never fatal."""
    from .batch import run_batch
    from .batch.progress import BatchProgress
    with BatchProgress() as bar:
        summary = run_batch(in_dir, out_dir, workers=workers, force=force, timeout=timeout,
                            memory_mb=memory_mb or None, executor=executor, scheduler=scheduler, progress=bar.update)
    bar.print_summary(summary)
    typer.echo(f"{summary.count('ok')} extracted, {summary.count('partial')} partial (damaged), "
               f"{summary.set_aside()} set aside (not disclosures: document_type other), "
               f"{summary.count('skipped')} up to date, "
               f"{summary.count('failed')} failed; summary in {out_dir / '_summary.csv'}", err=True)
    typer.echo("verdicts: " + ", ".join(f"{n} {v}" for v, n in summary.verdicts().items()), err=True)


@app.command()
def export(folder: Path = typer.Argument(..., help="folder of extractor JSON (a batch output)"),
           fmt: str = typer.Option("csv", "--format", help="csv or parquet"),
           output: Path = typer.Option(..., "-o", "--output", help="numbers file; indicators go beside it"),
           include_other: bool = typer.Option(False, "--include-other",
                                              help="also export documents that are no disclosure (document_type other)"),
           verified_only: bool = typer.Option(False, "--verified-only", help="only tables and forms whose "
                                              "verdict is verified")) -> None:
    """Tidy tables (SCHEMA.md): one row per number, one row per indicator."""
    from .write.tidy import export as run
    numbers, indicators, n, m = run(folder, output, fmt, include_other, verified_only=verified_only)
    typer.echo(f"{n} numbers -> {numbers}; {m} indicators -> {indicators}", err=True)


@app.command()
def inspect(pdf: Path = typer.Argument(..., help="PDF file"),
            page: int = typer.Option(..., "--page", help="page number (1-based)"),
            output: Path = typer.Option(..., "-o", "--output", help="PNG to write"),
            json_in: Optional[Path] = typer.Option(None, "--json", help="the extractor's JSON for this PDF "
                                                   "(default: extract it now)"),
            dpi: float = typer.Option(110.0, help="rendering resolution")) -> None:
    """Draw one page with what the extractor saw: tables, rows by state, column keys, OCR'd lines."""
    from .models import Document
    from .pipeline import extract as run
    from .review.inspect import overlay
    try:
        doc = (Document.model_validate(json.loads(json_in.read_text(encoding="utf-8"))) if json_in
               else run(pdf))
        image = overlay(doc, pdf, page, dpi=dpi)
    except (ExtractionError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    output.parent.mkdir(parents=True, exist_ok=True)
    image.save(output)
    on_page = [t.type for t in doc.tables if page in t.pages]
    typer.echo(f"{output}: page {page}, {image.width}x{image.height}; tables {', '.join(on_page) or 'none'}", err=True)


@app.command()
def report(folder: Path = typer.Argument(..., help="batch output folder (per-file JSON and _summary.csv)"),
           output: Path = typer.Option(..., "-o", "--output", help="HTML file to write"),
           pdfs: Optional[Path] = typer.Option(None, "--pdfs", help="the batch's input folder, for page crops"),
           verdict: Optional[list[str]] = typer.Option(None, "--verdict", help="only files with this verdict "
                                                       "(verified, inconsistent, incomplete, not_disclosure); "
                                                       "repeatable")) -> None:
    """One self-contained HTML report: status, verdict, tables, failing checks and unaccounted amounts per
    file, with page crops."""
    from .review.report import build_report
    from .write import atomic_write
    text = build_report(folder, pdfs, set(verdict) if verdict else None)
    atomic_write(output, text)
    typer.echo(f"{output}: {len(text) // 1024} KB", err=True)


@app.command()
def version() -> None:
    """Print the extractor version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

"""One file's work, the same under every executor: extract, write the JSON atomically, report."""
from __future__ import annotations

import json
import resource
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..version import __version__
from ..reconcile.document.disclosure import not_disclosure


@dataclass
class FileResult:
    file: str                     # path relative to the input folder
    status: str                   # ok | partial | not_disclosure | skipped | failed
    reason: str = ""
    document_type: str = ""
    pages: int = 0
    tables: dict[str, int] = field(default_factory=dict)
    performance: int = 0
    checks_failed: int = 0
    verdict: str = ""             # verified | inconsistent | incomplete | not_disclosure ('' when failed)
    reasons: str = ""             # the verdict's reasons joined by '; '
    seconds: float = 0.0
    peak_rss_mb: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


def current_output(pdf: Path, out: Path) -> dict | None:
    """The output document when it exists, parses, and was made from the same bytes by this version."""
    if not out.is_file():
        return None
    try:
        with open(out, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if data.get("extractor_version") != __version__:
        return None
    import hashlib
    if data.get("source", {}).get("sha256") != hashlib.sha256(pdf.read_bytes()).hexdigest():
        return None
    return data


def skipped(rel: str, data: dict) -> FileResult:
    tables = data.get("tables", [])
    damage = damage_reason(data.get("warnings", []))
    aside = not_disclosure(data.get("document_type"), data.get("document_type_evidence"))
    why = f"{aside[0]}: {'; '.join(aside[1])}" if aside else f"partial: {damage}" if damage else ""
    return FileResult(file=rel, status="skipped", reason=f"up to date ({why})" if why else "up to date",
                      document_type=data.get("document_type") or "", pages=data["source"]["pages"],
                      tables=dict(sorted(Counter(t["type"] for t in tables).items())),
                      performance=len(data.get("performance", [])),
                      checks_failed=sum(c["status"] == "fail" for t in tables for c in t.get("checks", [])),
                      verdict=(data.get("verdict") or {}).get("status", ""),
                      reasons="; ".join((data.get("verdict") or {}).get("reasons", [])))


# warnings that mean part of the file was not read as printed: such a file is `partial`, never `ok`
DAMAGE_CODES = ("page_damaged", "page_blank", "document_repaired", "page_duplicate", "page_unreadable")


def damage_reason(warnings) -> str:
    """'' for an intact file; else what is damaged, with the pages: 'page_damaged p. 3, 7; document_repaired'."""
    pages: dict[str, list[int]] = {}
    for w in warnings:
        code, page = (w.get("code"), w.get("page")) if isinstance(w, dict) else (w.code, w.page)
        if code in DAMAGE_CODES:
            pages.setdefault(code, [])
            if page is not None and page not in pages[code]:
                pages[code].append(page)
    return "; ".join(f"{code} p. {', '.join(map(str, sorted(p)))}" if p else code
                     for code, p in sorted(pages.items(), key=lambda kv: DAMAGE_CODES.index(kv[0])))


def summarise(rel: str, doc, seconds: float) -> FileResult:
    reason = damage_reason(doc.warnings)
    status = "partial" if reason else "ok"
    aside = not_disclosure(doc.document_type, doc.document_type_evidence)
    if aside:                     # set aside: not what the researcher collects, whatever else it is
        status, reason = aside[0], "; ".join(aside[1] + ([reason] if reason else []))
    return FileResult(file=rel, status=status, reason=reason, document_type=doc.document_type or "",
                      pages=doc.source.pages,
                      tables=dict(sorted(Counter(t.type for t in doc.tables).items())),
                      performance=len(doc.performance),
                      checks_failed=sum(c.status == "fail" for t in doc.tables for c in t.checks),
                      verdict=doc.verdict.status if doc.verdict else "",
                      reasons="; ".join(doc.verdict.reasons) if doc.verdict else "",
                      seconds=round(seconds, 3), peak_rss_mb=_rss_mb())


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def process_one(pdf: str, out: str, rel: str, force: bool = False) -> dict:
    """Extract ``pdf`` into ``out`` unless a current output is there. Never raises for a bad file."""
    from ..errors import ExtractionError
    from ..pipeline import extract
    from ..write import atomic_write, document_json
    start = time.perf_counter()
    src, dst = Path(pdf), Path(out)
    try:
        done = None if force else current_output(src, dst)
        if done is not None:
            return skipped(rel, done).as_dict()
        doc = extract(src)
        atomic_write(dst, document_json(doc))
        return summarise(rel, doc, time.perf_counter() - start).as_dict()
    except ExtractionError as exc:
        reason = str(exc)
    except MemoryError:
        reason = "out of memory"
    except Exception as exc:  # a bug on one file is that file's failure, not the batch's
        reason = f"{type(exc).__name__}: {exc}"
    return FileResult(file=rel, status="failed", reason=reason, seconds=round(time.perf_counter() - start, 3),
                      peak_rss_mb=_rss_mb()).as_dict()

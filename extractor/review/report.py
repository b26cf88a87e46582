"""`report`: one self-contained HTML file for a batch output folder.

Per file: status (from `_summary.csv`, or `partial` when the JSON carries damage warnings), pages,
tables by type, failing checks, damage. Each failing check shows the cells it is about, highlighted in
the table as read, beside a crop of the page (a small JPEG embedded as base64, drawn from the PDF in
``--pdfs``). Filters by place (top folder), status and rule are plain JavaScript in the file: it opens
from disk with no server and no network. Files and checks are collapsed <details>, crops are capped
per file, so a batch of hundreds of files stays a few MB.
"""
from __future__ import annotations

import base64
import csv
import html
import io
import json
from collections import Counter
from pathlib import Path

from ..batch.job import damage_reason
from ..models import Document, Table
from ..reconcile.document.disclosure import NOT_DISCLOSURE, not_disclosure
from .inspect import COLOURS
from .involved import Failure, failures, label

CROPS_PER_FILE = 6          # failing checks beyond this are listed without a page crop
CROP_WIDTH = 560            # px
ROWS_SHOWN = 40             # rows of a table shown around a failing check's cells


def build_report(out_dir: str | Path, pdfs: str | Path | None = None, verdicts: set[str] | None = None) -> str:
    """The HTML text of the report on ``out_dir`` (a batch output); ``pdfs``: the batch's input folder;
    ``verdicts``: only the files with one of these verdicts (all when None)."""
    out_dir = Path(out_dir)
    summary = _summary(out_dir / "_summary.csv")
    entries = []
    for path in sorted(out_dir.rglob("*.json"), key=lambda p: p.relative_to(out_dir).as_posix()):
        rel = path.relative_to(out_dir).with_suffix(".pdf").as_posix()
        try:
            doc = Document.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except Exception as exc:             # not an extractor output: listed, not fatal
            entries.append({"file": rel, "status": "failed", "reason": f"unreadable JSON: {exc}"[:200]})
            continue
        row = summary.pop(_summary_key(summary, rel, doc.source.file), {})
        if verdicts is not None and (doc.verdict.status if doc.verdict else "") not in verdicts:
            continue
        entries.append({"file": rel, "doc": doc, "status": _status(row, doc), "reason": row.get("reason", ""),
                        "pdf": _find_pdf(pdfs, rel, doc.source.file)})
    for rel, row in sorted(summary.items()):          # failed files have no JSON
        if verdicts is not None:
            continue
        entries.append({"file": rel, "status": row.get("status", "failed"), "reason": row.get("reason", "")})
    return _page(entries)


def _summary(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        return {r["file"]: r for r in csv.DictReader(fh)}


def _summary_key(summary: dict, rel: str, name: str) -> str:
    if rel in summary:
        return rel
    return next((k for k in summary if Path(k).stem == Path(rel).stem), rel)


def _status(row: dict, doc: Document) -> str:
    if not_disclosure(doc.document_type):      # set aside, whatever its pages are
        return NOT_DISCLOSURE
    damage = damage_reason(doc.warnings)
    status = row.get("status") or "ok"
    if status == "skipped":                    # up to date on a re-run: what it was, not how it ran
        status = "ok"
    return "partial" if damage else status


def _find_pdf(pdfs, rel: str, name: str) -> Path | None:
    if pdfs is None:
        return None
    root = Path(pdfs)
    for candidate in (root / rel, root / Path(rel).parent / name, root / name):
        if candidate.is_file():
            return candidate
    hits = sorted(root.rglob(name))
    return hits[0] if hits else None


def _place(rel: str) -> str:
    parts = Path(rel).parts
    return parts[0] if len(parts) > 1 else "(top)"


# --- HTML -------------------------------------------------------------------------------------------

def _page(entries: list[dict]) -> str:
    places = sorted({_place(e["file"]) for e in entries})
    statuses = sorted({e["status"] for e in entries})
    verdicts = sorted({_verdict(e) for e in entries} - {""})
    rules: Counter = Counter()
    blocks = []
    aside = [e for e in entries if e["status"] == NOT_DISCLOSURE]     # a group of their own, at the end
    entries = [e for e in entries if e["status"] != NOT_DISCLOSURE]
    few = sum(1 for e in entries if e["status"] != "ok" or _failing(e)) <= 10
    for e in entries:
        block, file_rules = _file_block(e, opened=few and (e["status"] != "ok" or _failing(e)))
        rules.update(file_rules)
        blocks.append(block)
    if aside:
        blocks.append(_aside_group(aside))
    entries = entries + aside
    counts = Counter(e["status"] for e in entries)
    head = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    return _TEMPLATE.format(
        title=html.escape(f"budget-extract report: {len(entries)} files"),
        head=html.escape(head), style=_STYLE, script=_SCRIPT,
        places=_options(places), statuses=_options(statuses), verdicts=_options(verdicts),
        rules=_options(sorted(rules), counts=rules), blocks="\n".join(blocks))


def _options(values, counts=None) -> str:
    return "".join(f'<option value="{html.escape(v)}">{html.escape(v)}'
                   f'{f" ({counts[v]})" if counts else ""}</option>' for v in values)


def _verdict(e: dict) -> str:
    doc = e.get("doc")
    return doc.verdict.status if doc is not None and doc.verdict else ""


def _failing(e: dict) -> bool:
    doc = e.get("doc")
    return doc is not None and any(c.status == "fail" for t in doc.tables for c in t.checks)


def _file_block(e: dict, opened: bool = False) -> tuple[str, set[str]]:
    doc: Document | None = e.get("doc")
    fails: list[Failure] = []
    if doc is not None:
        for i, table in enumerate(doc.tables):
            fails += failures(table, i)
    doc_fails = [c for c in getattr(doc, "checks", []) if c.status == "fail"] if doc is not None else []
    fact_fails = [x for x in getattr(doc, "facts", []) if x.status == "fail"] if doc is not None else []
    rules = {f.rule for f in fails} | {c.rule for c in doc_fails}
    attrs = (f'data-place="{html.escape(_place(e["file"]))}" data-status="{html.escape(e["status"])}" '
             f'data-rules="{html.escape(chr(31).join(sorted(rules)))}" data-verdict="{html.escape(_verdict(e))}"')
    if doc is None:
        line = (f'<span class="st {e["status"]}">{e["status"]}</span> <b>{html.escape(e["file"])}</b> '
                f'<span class="why">{html.escape(e["reason"])}</span>')
        return f'<details class="file" {attrs}><summary>{line}</summary></details>', rules
    types = Counter(t.type for t in doc.tables)
    line = (f'<span class="st {e["status"]}">{e["status"]}</span> <b>{html.escape(e["file"])}</b> '
            f'<span>{doc.source.pages} pages · {len(doc.tables)} tables · {len(doc.performance)} performance · '
            f'<span class="{"bad" if fails else "good"}">{len(fails)} checks failing</span>'
            f'{f" · {len(doc_fails) + len(fact_fails)} document checks/facts failing" if doc_fails or fact_fails else ""}'
            f'</span>')
    body = [f'<p class="types">{html.escape(", ".join(f"{k} {v}" for k, v in sorted(types.items())) or "no tables")}</p>']
    if doc.verdict:
        body.append(f'<p class="verdict"><span class="vd {doc.verdict.status}">{doc.verdict.status}</span> '
                    f'{html.escape("; ".join(doc.verdict.reasons))}</p>')
    if doc.unaccounted:
        body.append(_unaccounted_block(e.get("pdf"), doc))
    found = [(t, c) for t in doc.tables for c in t.checks if c.status == "publication_error"]
    if found:                       # findings about the publication: shown, never hidden
        body.append("<details class='check' data-rule=''><summary>publication errors: " + str(len(found))
                    + "</summary><ul>" + "".join(
                        f"<li>{html.escape(t.type)} p. {t.pages[0]}: <span class='rule'>{html.escape(c.rule)}"
                        f"</span> {html.escape(c.detail)} — evidence: {html.escape(c.evidence or '')}</li>"
                        for t, c in found[:30]) + "</ul></details>")
    damage = damage_reason(doc.warnings)
    if e["reason"] or damage:
        body.append(f'<p class="why">{html.escape(damage or e["reason"])}</p>')
    notes = [w for w in doc.warnings if w.code in ("page_damaged", "document_repaired", "page_duplicate",
                                                   "page_unreadable", "no_tables")]
    if notes:
        body.append("<ul class='warn'>" + "".join(
            f"<li>{html.escape(w.code)}{f' p. {w.page}' if w.page else ''}: {html.escape(w.message)}</li>"
            for w in notes[:20]) + "</ul>")
    if doc_fails or fact_fails:
        items = [f"<li><span class='rule'>{html.escape(c.rule)}</span> {html.escape(c.detail)}</li>"
                 for c in doc_fails[:30]]
        items += [f"<li>fact p. {x.page}: {html.escape(x.label)} {x.value}{html.escape(x.unit)} — "
                  f"{html.escape(x.text[:200])}</li>" for x in fact_fails[:30]]
        body.append(f"<details class='check' data-rule='' open><summary>document checks and facts failing: "
                    f"{len(doc_fails)} checks, {len(fact_fails)} facts</summary><ul>{''.join(items)}</ul></details>")
    for k, f in enumerate(fails):
        crop = _crop(e.get("pdf"), doc.tables[f.table], f) if k < CROPS_PER_FILE else None
        body.append(_failure_block(doc.tables[f.table], f, crop, opened=len(fails) <= 3))
    return (f'<details class="file" {attrs}{" open" if opened else ""}><summary>{line}</summary>'
            f'{"".join(body)}</details>'), rules


def _aside_group(aside: list[dict]) -> str:
    """Files that are no disclosure (a circular, a form, a gazette page saved under a budget's name): listed
    with what they are and the printed words that say so, apart from the disclosures."""
    items = []
    for e in aside:
        doc: Document = e["doc"]
        ev = doc.document_type_evidence
        why = f"{ev.text} (p. {ev.page})" if ev and ev.page else (ev.text if ev else "")
        attrs = (f'data-place="{html.escape(_place(e["file"]))}" data-status="{NOT_DISCLOSURE}" data-rules=""')
        items.append(f'<details class="file" {attrs}><summary><span class="st {NOT_DISCLOSURE}">{NOT_DISCLOSURE}</span> '
                     f'<b>{html.escape(e["file"])}</b> <span>{doc.source.pages} pages · '
                     f'{html.escape(doc.document_type or "")}</span> <span class="why">{html.escape(why)}</span>'
                     f'</summary></details>')
    return (f'<section class="aside" id="not-disclosures"><h2>Not disclosures: {len(aside)} files set aside</h2>'
            f'<p>Their type, decided from their own pages, is <code>other</code>: left out of the export '
            f'unless <code>--include-other</code>.</p>{"".join(items)}</section>')


def _unaccounted_block(pdf: Path | None, doc: Document) -> str:
    """Each amount no field holds, on a crop of its page around it (the word boxed), a crop per page."""
    items, crops = [], 0
    for page in sorted({u.page for u in doc.unaccounted}):
        here = [u for u in doc.unaccounted if u.page == page]
        words = ", ".join(f"{u.text} (near {u.near or '?'})" for u in here[:30])
        crop = _word_crop(pdf, page, [u.bbox for u in here]) if crops < CROPS_PER_FILE else None
        crops += crop is not None
        img = f'<img class="crop" alt="page {page} crop" src="data:image/jpeg;base64,{crop}">' if crop else ""
        items.append(f"<li>p. {page}: {len(here)} — {html.escape(words)}{img}</li>")
    return (f"<details class='check' data-rule=''><summary>{len(doc.unaccounted)} printed amounts unaccounted"
            f"</summary><ul>{''.join(items)}</ul></details>")


def _word_crop(pdf: Path | None, page: int, boxes: list) -> str | None:
    """The band of the page holding ``boxes``, each boxed, as a base64 JPEG."""
    if pdf is None or not boxes:
        return None
    from PIL import ImageDraw
    from .inspect import render_page
    try:
        image = render_page(pdf, page, dpi=110)
    except Exception:
        return None
    s = 110 / 72
    draw = ImageDraw.Draw(image)
    for b in boxes:
        draw.rectangle((b[0] * s - 2, b[1] * s - 2, b[2] * s + 2, b[3] * s + 2), outline=COLOURS["check"], width=3)
    top, bottom = min(b[1] for b in boxes) - 60, max(b[3] for b in boxes) + 30
    crop = image.crop((0, max(0, int(top * s)), image.width, min(image.height, int(bottom * s))))
    if crop.width > CROP_WIDTH:
        crop = crop.resize((CROP_WIDTH, max(1, round(crop.height * CROP_WIDTH / crop.width))))
    buf = io.BytesIO()
    crop.save(buf, format="JPEG", quality=70, optimize=True)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _failure_block(table: Table, f: Failure, crop: str | None, opened: bool) -> str:
    title = html.escape(f"{table.type} · {table.title or ''} · p. {', '.join(map(str, f.pages))}")
    img = (f'<img class="crop" alt="page {f.pages[0]} crop" src="data:image/jpeg;base64,{crop}">' if crop
           else '<p class="nocrop">no page crop (PDF not found, or crop limit reached)</p>')
    return (f'<details class="check" data-rule="{html.escape(f.rule)}"{" open" if opened else ""}>'
            f'<summary><span class="rule">{html.escape(f.rule)}</span> {title}</summary>'
            f'<p class="detail">{html.escape(f.detail)}</p>'
            f'<div class="pair"><div class="grid">{_cells_table(table, f)}</div><div>{img}</div></div></details>')


def _cells_table(table: Table, f: Failure) -> str:
    """The table as read, near the check's cells: total cells red, parts amber."""
    involved = f.rows
    cols = [c for c in table.columns if any((r, c.id) in f.cells for r in involved)] or table.columns[:8]
    if involved:
        lo, hi = min(involved), max(involved)
        if hi - lo + 1 > ROWS_SHOWN:
            shown = sorted(involved)[:ROWS_SHOWN]
        else:
            pad = max(0, (ROWS_SHOWN - (hi - lo + 1)) // 4)
            shown = list(range(max(0, lo - pad), min(len(table.rows), hi + pad + 1)))
    else:
        shown = list(range(min(len(table.rows), ROWS_SHOWN)))
    head = "".join(f"<th title='{html.escape(c.label)}'>{html.escape(c.id)}</th>" for c in cols)
    lines = []
    for i in shown:
        row = table.rows[i]
        cells = []
        for c in cols:
            role = f.cells.get((i, c.id))
            value = row.values.get(c.id) if (c.side is None or c.side == row.side) else None
            cells.append(f'<td class="{role or ""}">{"" if value is None else html.escape(str(value))}</td>')
        flags = html.escape(" ".join(row.flags))
        lines.append(f'<tr class="{"inv" if i in involved else ""}"><td class="lbl" title="{flags}">'
                     f'{html.escape(label(row))}</td>{"".join(cells)}</tr>')
    return f"<table><tr><th>row</th>{head}</tr>{''.join(lines)}</table>"


def _crop(pdf: Path | None, table: Table, f: Failure) -> str | None:
    """The table's region on the check's first page, the involved rows boxed, as a base64 JPEG."""
    if pdf is None:
        return None
    from PIL import ImageDraw
    from .inspect import render_page
    page = f.pages[0]
    rows = [r for r in table.rows if r.page == page]
    if not rows:
        return None
    try:
        image = render_page(pdf, page, dpi=110)
    except Exception:
        return None
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    try:
        w, h = doc[page - 1].get_size()
        if doc[page - 1].get_rotation() in (90, 270):
            w, h = h, w
    finally:
        doc.close()
    sx, sy = image.width / w, image.height / h
    draw = ImageDraw.Draw(image)
    for i, r in enumerate(table.rows):
        if i in f.rows and r.page == page:
            b = r.bbox
            draw.rectangle((b[0] * sx, b[1] * sy, b[2] * sx, b[3] * sy), outline=COLOURS["check"], width=3)
    x0 = min(r.bbox[0] for r in rows) - 8
    x1 = max(r.bbox[2] for r in rows) + 8
    y0 = min(r.bbox[1] for r in rows) - 40            # the header's last line, for the column labels
    y1 = max(r.bbox[3] for r in rows) + 8
    box = (max(0, int(x0 * sx)), max(0, int(y0 * sy)), min(image.width, int(x1 * sx)), min(image.height, int(y1 * sy)))
    crop = image.crop(box)
    if crop.width > CROP_WIDTH:
        crop = crop.resize((CROP_WIDTH, max(1, round(crop.height * CROP_WIDTH / crop.width))))
    buf = io.BytesIO()
    crop.save(buf, format="JPEG", quality=70, optimize=True)
    return base64.b64encode(buf.getvalue()).decode("ascii")


_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1em 2em;color:#222}
.filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc;z-index:1}
.filters select,.filters input{margin-right:1em}
details.file{border-bottom:1px solid #eee;padding:.2em 0}
details.file>summary{cursor:pointer}
details.check{margin:.4em 0 .4em 1.5em;border-left:3px solid #d33;padding-left:.6em}
.st{display:inline-block;min-width:4.5em;padding:0 .3em;border-radius:3px;color:#fff;text-align:center}
.st.ok{background:#2a7}.st.partial{background:#e90}.st.failed{background:#c33}.st.skipped{background:#888}
.st.not_disclosure{background:#669}section.aside{margin-top:1.5em;border-top:2px solid #669}
.vd{padding:0 .3em;border-radius:3px;color:#fff}.vd.verified{background:#2a7}.vd.inconsistent{background:#c33}
.vd.incomplete{background:#e90}.vd.not_disclosure{background:#888}
.bad{color:#c33;font-weight:bold}.good{color:#2a7}.why{color:#a60}.rule{font-family:monospace;color:#c33}
.pair{display:flex;gap:1em;align-items:flex-start;flex-wrap:wrap}.grid{max-height:520px;overflow:auto}
table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:1px 4px;text-align:right}
td.lbl{text-align:left;white-space:nowrap}td.total{background:#f99;font-weight:bold}td.part{background:#fd8}
tr.inv td.lbl{font-weight:bold}.crop{border:1px solid #999;max-width:560px}.detail{font-family:monospace;font-size:12px}
"""

_SCRIPT = """
function applyFilters(){
  var place=document.getElementById('place').value, status=document.getElementById('status').value,
      verdict=document.getElementById('verdict').value,
      rule=document.getElementById('rule').value, text=document.getElementById('text').value.toLowerCase(), n=0;
  document.querySelectorAll('details.file').forEach(function(d){
    var rules=d.dataset.rules?d.dataset.rules.split('\\u001f'):[];
    var ok=(!place||d.dataset.place===place)&&(!status||d.dataset.status===status)&&(!rule||rules.indexOf(rule)>=0)
           &&(!verdict||d.dataset.verdict===verdict)
           &&(!text||d.querySelector('summary').textContent.toLowerCase().indexOf(text)>=0);
    d.style.display=ok?'':'none'; if(ok)n++;
    d.querySelectorAll('details.check').forEach(function(c){c.style.display=(!rule||c.dataset.rule===rule)?'':'none';});
  });
  document.getElementById('shown').textContent=n+' files shown';
}
document.addEventListener('DOMContentLoaded',function(){
  ['place','status','verdict','rule','text'].forEach(function(id){document.getElementById(id).addEventListener('input',applyFilters);});
  applyFilters();
});
window.addEventListener('load',function(){   // crops that decoded, for a headless check
  var n=0; document.querySelectorAll('img.crop').forEach(function(i){if(i.naturalWidth>0)n++;});
  document.body.setAttribute('data-crops-shown',n);
});
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title><style>{style}</style></head>
<body><h1>{title}</h1><p>{head}</p>
<div class="filters">place <select id="place"><option value="">all</option>{places}</select>
status <select id="status"><option value="">all</option>{statuses}</select>
verdict <select id="verdict"><option value="">all</option>{verdicts}</select>
rule <select id="rule"><option value="">all</option>{rules}</select>
<input id="text" placeholder="file name…"> <span id="shown"></span></div>
<div id="files">
{blocks}
</div><script>{script}</script></body></html>
"""

"""The pipeline, stage by stage: read pages -> find tables -> build the grid -> map to the schema ->
reconcile and check. ``extract`` is the whole job for one PDF, as a list of named steps."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .version import __version__
from .find import Caption, caption_for, find_regions
from .grid.false_tables import not_a_table
from .find.titles import carried_caption, trailing_title
from .find.unruled import find_unruled
from .grid import lattice_grid
from .grid.stream import stream_grid
from .mapping.document import fields as docfields
from .mapping.document.document_type import document_type, is_disclosure
from .mapping.prose.evaluation_facts import key_evaluation_facts
from .mapping.prose.facts import build_facts, prose_lines
from .mapping.forms.performance import build as build_performance, joins_performance, part_kind
from .mapping.financial.tables import MappedTable, TablePart, assemble, continues, new_part
from .mapping.financial.wide import join_right, right_part_of
from .mapping.financial.rows import finish_kinds
from .models import Document, Evidence, Seal, Source, Warning
from .read import PageContent, open_pdf
from .reconcile import correct_subjects, repair_tables, run_checks
from .reconcile.document.accounting import account, printed_amounts
from .reconcile.tables.corroborate import corroborate
from .reconcile.prose.facts_checks import document_checks
from .reconcile.document.verdict import assign_verdicts, blank_pages
from .reconcile.forms.performance_checks import check_performance
from .settings import DEFAULT, Settings


@dataclass
class PageWalk:
    """What the walk over the pages gathers for the steps after it."""
    groups: list[list[TablePart]] = field(default_factory=list)   # table parts, one list per table or form group
    captions: list[Caption] = field(default_factory=list)         # the caption of each group
    first_pages: list[PageContent] = field(default_factory=list)  # the first three pages read: the document's fields
    warnings: list[Warning] = field(default_factory=list)         # damage and unreadable pages
    ocr_pages: set[int] = field(default_factory=set)
    seals: list[Seal] = field(default_factory=list)               # seals on scanned pages (read/seal.py)
    prose: list = field(default_factory=list)       # text lines outside the tables: the facts are read from them
    printed: list = field(default_factory=list)     # every amount-shaped word the pages show (reconcile/document/accounting.py)
    drawn: dict[int, bool] = field(default_factory=dict)          # page -> False where its text objects give no character
    carried: tuple[int, Caption] | None = None      # a title left at the foot of a page, for the next one


def extract(path: str | Path, settings: Settings = DEFAULT) -> Document:
    """Read one PDF into a validated Document. Raises ``ExtractionError`` for files that are not readable PDFs."""
    path = Path(path)
    with open_pdf(path, settings.reader) as src:
        walk = read_pages(src, settings)
        mapped, performance = assemble_groups(walk.groups, settings)
        doc = new_document(path, src, walk, mapped, performance)
    fill_document_fields(doc, path)
    _attach_seals(doc, walk.seals)
    repair_and_check(doc, mapped, walk.ocr_pages)
    read_facts(doc, walk)
    account_and_judge(doc, walk)
    return doc


def read_pages(src, settings: Settings) -> PageWalk:
    """Read and split the pages into table parts, grouped into tables and forms as they continue."""
    walk = PageWalk(warnings=[Warning(code=d.code, message=d.message, page=d.page) for d in src.damage])
    for index in range(src.page_count):
        _read_page(src, index, walk, settings)
    return walk


def _read_page(src, index: int, walk: PageWalk, settings: Settings) -> None:
    """One page: its words and seals, its table regions with their captions, each grid placed in a group."""
    try:
        page = src.reader.page(index)
        if page.ocr:
            walk.ocr_pages.add(page.number)
        walk.drawn[page.number] = not (page.text_objects >= 5 and not page.chars and not page.ocr)
        walk.printed += printed_amounts(page)
        walk.seals += [Seal(page=page.number, bbox=(round(s.x0, 1), round(s.top, 1), round(s.x1, 1),
                                                    round(s.bottom, 1)), colour=s.colour) for s in page.seals]
        regions = find_regions(page, settings)
        regions = sorted(regions + find_unruled(page, regions, settings), key=lambda r: (r.bbox[1], r.bbox[0]))
    except Exception as exc:  # one bad page must not cost the rest of the document
        walk.warnings.append(Warning(code="page_unreadable", message=f"{type(exc).__name__}: {exc}", page=index + 1))
        return
    if len(walk.first_pages) < 3:
        walk.first_pages.append(page)
    walk.prose += prose_lines(page, regions)
    for i, region in enumerate(regions):
        _place_region(page, regions, i, walk, settings)
    foot = trailing_title(page, regions, settings)
    walk.carried = (page.number, foot) if foot is not None else None


def _place_region(page: PageContent, regions: list, i: int, walk: PageWalk, settings: Settings) -> None:
    """Caption and grid of one region, then: a new group, the next part of the open one, or nothing."""
    region, groups = regions[i], walk.groups
    above = regions[i - 1].bbox[3] if i else 0.0
    below = regions[i + 1].bbox[1] if i + 1 < len(regions) else page.height
    caption = caption_for(page, region, above, below, settings)
    if i == 0 and walk.carried is not None and walk.carried[0] == page.number - 1:
        caption = carried_caption(walk.carried[1], page, region, caption)
    grid = lattice_grid(page, region) if region.parser == "lattice" else stream_grid(page, region)
    if not any(cell.text for cell in grid.cells):
        return                  # ruled but empty: a chart's grid lines or a drawn frame
    part = new_part(grid, caption, settings)
    if region.foot:
        if part_kind(part):     # a project list's header, its rows overleaf
            groups.append([part])
            walk.captions.append(caption)
        return
    k = right_part_of(groups[-1], part, page.width) if groups and i == 0 and not part_kind(groups[-1][0]) else None
    if k is not None:
        groups[-1][k] = join_right(groups[-1][k], part, page.width, settings)
        return                  # the right-hand columns of a table too wide for its pages
    if groups and (continues(groups[-1][-1], part, first_on_page=(i == 0), first=groups[-1][0])
                   or _inside_performance(groups[-1], part)):
        groups[-1].append(part)
    elif region.fragment or not_a_table(grid, caption):
        return                  # a lone boxed line that continues nothing, prose in a frame, a chart
    else:
        groups.append([part])
        walk.captions.append(caption)


def assemble_groups(groups: list[list[TablePart]], settings: Settings) -> tuple[list[MappedTable], list]:
    """Assemble each group into a financial table or into its performance forms."""
    mapped: list[MappedTable] = []
    performance = []
    for g in groups:
        kind = part_kind(g[0])
        if kind:
            performance += build_performance(g, kind)
        else:
            mapped.append(assemble(g, settings))
    return mapped, performance


def new_document(path: Path, src, walk: PageWalk, mapped: list[MappedTable], performance: list) -> Document:
    """The Document with the fields its own pages print: department, year, kind and type."""
    first = walk.first_pages
    doc = Document(
        extractor_version=__version__,
        source=Source(file=path.name, sha256=src.sha256, pages=src.page_count, producer=src.reader.producer),
        department=docfields.department(walk.captions, first),
        year=docfields.year(walk.captions, first),
        doc_kind=docfields.doc_kind(walk.captions, first),
        tables=[m.table for m in mapped],
        performance=performance,
        warnings=walk.warnings,
    )
    kind = document_type(first, doc.tables, doc.performance, doc.doc_kind)
    doc.document_type, doc.document_type_evidence = kind.type, Evidence(text=kind.text, page=kind.page)
    return doc


def fill_document_fields(doc: Document, path: Path) -> None:
    """A disclosure's department and year from its file name where its pages print none (warned), and
    the document's year and unit on every form that prints none."""
    if is_disclosure(doc.document_type) and (doc.department is None or doc.year is None):
        # the file name is what a scraper gets wrong: only a disclosure's own missing fields come from it
        name_dept, name_year = docfields.from_file_name(path.name)
        if doc.department is None and name_dept:
            doc.department = name_dept
            doc.warnings.append(Warning(code="department_from_file_name",
                                        message=f"department not printed; taken from the file name: {name_dept}"))
        if doc.year is None and name_year:
            doc.year = name_year
            doc.warnings.append(Warning(code="year_from_file_name",
                                        message=f"year not printed; taken from the file name: {name_year}"))
    for perf in doc.performance:
        perf.year = perf.year or doc.year
        perf.unit_name = perf.unit_name or doc.department
        if perf.type == "department_performance":
            perf.department = perf.department or doc.department


def repair_and_check(doc: Document, mapped: list[MappedTable], ocr_pages: set[int]) -> None:
    """Repair what scanned pages misread, then run every table's and every form's checks."""
    correct_subjects(mapped, ocr_pages)  # scanned pages: codes and names checked against the catalog
    if ocr_pages:
        for m in mapped:                 # a code put right can make its row the parent of those below
            finish_kinds(m.table.rows)
    repair_tables(mapped, ocr_pages)     # scanned pages: OCR misreads put right by the sums, flagged
    run_checks(mapped)
    check_performance(doc.performance)   # 绩效自评表: Σ 得分 = 总分, 执行率, 得分 ≤ 分值


def read_facts(doc: Document, walk: PageWalk) -> None:
    """Facts stated in the prose of a disclosure, checked against the tables (a circular's prose gets none)."""
    if is_disclosure(doc.document_type):
        facts = build_facts(walk.prose)
        if doc.document_type == "performance_evaluation":
            key_evaluation_facts(facts.facts)   # its figures are evaluation results
        doc.facts = facts.facts
        doc.checks, fact_warnings = document_checks(facts, doc.tables, doc.year, doc.doc_kind, walk.ocr_pages)
        doc.warnings += fact_warnings
    if not doc.tables and not doc.performance and not doc.facts:
        doc.warnings.append(Warning(code="no_tables", message="no ruled table found in the document"))


def account_and_judge(doc: Document, walk: PageWalk) -> None:
    """Account for every printed amount, name the publication's corroborated errors, give the verdicts."""
    doc.warnings += blank_pages(walk.drawn)
    listed = account(doc, walk.printed)  # every printed amount held by a field, or listed
    doc.unaccounted = [u for u, _ in listed]
    corroborate(doc, listed)            # failing sums another layout shows too: the publication's error
    assign_verdicts(doc, listed)        # the last step: from the checks, the accounting, the damage


def _inside_performance(group: list[TablePart], part: TablePart) -> bool:
    """绩效目标表 forms are often drawn as several ruled blocks (key-value block, indicator grid) under
    one title: an untitled block on the same or the next page belongs to the form above it."""
    return joins_performance(group, part)


def _attach_seals(doc: Document, seals: list[Seal]) -> None:
    """Every seal is a document fact; it is also the fact of the financial tables it is pressed over
    (the extent of their rows on its page), or else of the 绩效目标表 printed on its page."""
    doc.seals = seals
    for seal in seals:
        x0, top, x1, bottom = seal.bbox
        hit = []
        for t in doc.tables:
            boxes = [r.bbox for r in t.rows if r.page == seal.page]
            if boxes and min(b[0] for b in boxes) < x1 and max(b[2] for b in boxes) > x0 \
                    and min(b[1] for b in boxes) < bottom and max(b[3] for b in boxes) > top:
                hit.append(t)
        if not hit:
            hit = [p for p in doc.performance if seal.page in p.pages][:1]
        for t in hit:
            t.seals.append(seal)

"""Damaged PDFs never come out `ok` with less than the intact file gives: mutated copies of the samples
(bytes zeroed or flipped inside compressed streams, a page object listed twice, the xref offsets
shifted, the file cut short) either fail with a reason or are `partial` with the damaged pages named."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from extractor.batch.job import process_one
from extractor.read.damage import find_damage

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
pikepdf = pytest.importorskip("pikepdf")


def _page_streams(path: Path) -> dict[int, int]:
    """Object number -> page number of every page's content streams and XObjects."""
    out: dict[int, int] = {}
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            contents = page.obj.get("/Contents")
            streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            xobjects = page.obj.get("/Resources", {}).get("/XObject", {}) or {}
            for s in streams + list(xobjects.values()):
                if s is not None and s.objgen[0]:
                    out.setdefault(s.objgen[0], number)
    return out


def _spans(data: bytes, wanted: dict[int, int]) -> list[tuple[int, int, int]]:
    """(page, start, end) of the raw bytes of each wanted stream in the file."""
    out = []
    for m in re.finditer(rb"(\d+)\s+0\s+obj\b", data):
        if int(m.group(1)) not in wanted:
            continue
        s = data.find(b"stream", m.end(), m.end() + 4000)
        if s < 0:
            continue
        start = s + 6 + (2 if data[s + 6:s + 8] == b"\r\n" else 1)
        end = data.find(b"endstream", start)
        if end - start > 64:
            out.append((wanted[int(m.group(1))], start, end))
    return out


def zeroed(path: Path, size: int = 20000) -> tuple[bytes, set[int]]:
    data = path.read_bytes()
    page, start, end = max(_spans(data, _page_streams(path)), key=lambda s: s[2] - s[1])
    a = start + (end - start) // 3
    b = min(end - 2, a + size)
    return data[:a] + bytes(b - a) + data[b:], {page}


def flipped(path: Path, count: int, seed: int) -> tuple[bytes, set[int]]:
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    spans = _spans(bytes(data), _page_streams(path))
    pages = set()
    for _ in range(count):
        page, start, end = rng.choice(spans)
        i = rng.randrange(start + 2, end - 2)
        data[i] ^= rng.randrange(1, 256)
        pages.add(page)
    return bytes(data), pages


def repeated(path: Path, out: Path, index: int = 1) -> int:
    """The page tree lists page ``index`` (0-based) again at the end: the same page object twice."""
    with pikepdf.open(path) as pdf:
        kids = pdf.Root.Pages.Kids
        kids.append(kids[index])
        pdf.Root.Pages.Count = len(kids)
        pdf.save(out)
        return len(kids)


def shifted(path: Path) -> bytes:
    """Bytes inserted mid-file: every later xref offset is wrong and the table must be rebuilt."""
    data = path.read_bytes()
    cut = data.find(b"endobj", len(data) // 2) + 6
    return data[:cut] + b"\n" * 50 + data[cut:]


def _outcome(pdf: Path, tmp: Path) -> dict:
    return process_one(str(pdf), str(tmp / (pdf.stem + ".json")), pdf.name, force=True)


def _values(result_json: Path) -> int:
    import json
    doc = json.loads(result_json.read_text(encoding="utf-8"))
    return sum(len(r["values"]) for t in doc["tables"] for r in t["rows"])


@pytest.mark.parametrize("sample", ["jiyuan_2020_budget.pdf", "putuo_2024_final.pdf"])
def test_mutated_text_pdfs_are_never_silently_ok(sample, tmp_path):
    src = SAMPLES / sample
    intact = _outcome(src, tmp_path)
    assert intact["status"] == "ok", intact
    full = _values(tmp_path / (src.stem + ".json"))
    cases: dict[str, tuple[bytes, set[int] | None]] = {"zeroed": zeroed(src), "zeroed_small": zeroed(src, 300)}
    for seed, count in enumerate((30, 3, 1)):
        cases[f"flipped{seed}"] = flipped(src, count, seed)
    cases["shifted"] = (shifted(src), None)
    data = src.read_bytes()
    cases["cut60"] = (data[: int(len(data) * 0.6)], None)
    cases["cut97"] = (data[: int(len(data) * 0.97)], None)
    for name, (blob, pages) in cases.items():
        (tmp_path / f"{name}.pdf").write_bytes(blob)
    n = repeated(src, tmp_path / "repeated.pdf")
    cases["repeated"] = (b"", {n})
    for name, (_, pages) in cases.items():
        r = _outcome(tmp_path / f"{name}.pdf", tmp_path)
        if r["status"] == "failed":
            assert r["reason"], (name, r)
            continue
        out = tmp_path / f"{name}.json"
        if r["status"] == "ok":         # undamaged as far as any decoder can tell: then nothing is lost
            assert _values(out) >= full, (name, r)
            continue
        assert r["status"] == "partial", (name, r)
        if pages:                        # the damaged pages are named, each of them
            named = {int(p) for p in re.findall(r"\d+", r["reason"])}
            assert pages <= named, (name, pages, r["reason"])
        else:
            assert "document_repaired" in r["reason"] or "page_" in r["reason"], (name, r)
    assert "page_duplicate p. %d" % n in _outcome(tmp_path / "repeated.pdf", tmp_path)["reason"]


def test_zeroed_stream_is_reported_as_page_damaged_with_its_page(tmp_path):
    src = SAMPLES / "jiyuan_2020_budget.pdf"
    blob, pages = zeroed(src)
    found = find_damage(blob)
    assert [(d.code, d.page) for d in found] == [("page_damaged", p) for p in sorted(pages)]
    assert "decod" in found[0].message


def test_damaged_scans_are_found_by_libjpeg():
    """Zeroed JPEG data is found. A JPEG has no checksum: libjpeg notices a flipped byte only where it
    breaks the entropy coding (about half the single flips, 8 in 10 at ten flips in one image)."""
    src = SAMPLES / "putuo_2025_budget_scanned.pdf"
    for blob, pages in (zeroed(src), zeroed(src, 500)):
        found = {d.page for d in find_damage(blob) if d.code == "page_damaged"}
        assert pages <= found, (pages, found)


def test_intact_samples_have_no_damage():
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        assert find_damage(pdf.read_bytes()) == [], pdf.name


def test_distinct_pages_sharing_one_content_stream_are_no_repeat(tmp_path):
    """A merged file (pypdf writing the same page three times) has distinct page objects: not damage."""
    from pypdf import PdfReader, PdfWriter
    reader, writer = PdfReader(str(SAMPLES / "jiyuan_2020_budget.pdf")), PdfWriter()
    for _ in range(3):
        for page in reader.pages:
            writer.add_page(page)
    out = tmp_path / "merged.pdf"
    with open(out, "wb") as fh:
        writer.write(fh)
    assert find_damage(out.read_bytes()) == []


def test_real_corpus_files_are_not_flagged():
    corpus = ROOT.parent / "shared" / "real"
    if not corpus.is_dir():
        pytest.skip(f"real corpus not available: {corpus}")
    flagged = {p.name: find_damage(p.read_bytes()) for p in sorted(corpus.glob("*.pdf"))}
    assert {k: v for k, v in flagged.items() if v} == {}


def test_zero_block_inside_an_uncompressed_content_stream_is_damage(tmp_path):
    """PDF takes NUL for white space, so a page whose plain content stream has a block overwritten with
    zeros parses and draws what is left without a decoder's complaint: the zero run itself is the sign."""
    src = tmp_path / "plain.pdf"
    with pikepdf.open(SAMPLES / "putuo_2025_budget.pdf") as pdf:
        stream = pdf.pages[1].obj.Contents
        stream = stream[0] if isinstance(stream, pikepdf.Array) else stream
        data = stream.read_bytes()
        half = len(data) // 2
        stream.write(data[:half] + bytes(600) + data[half + 600:])      # stored unfiltered
        pdf.save(src, compress_streams=False)
    found = find_damage(src.read_bytes())
    assert [(d.code, d.page) for d in found] == [("page_damaged", 2)]
    assert found[0].message.endswith("a block of zero bytes in the page's content stream")

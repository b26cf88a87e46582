"""Bad files end in one clear line and a non-zero exit, never a traceback; a PDF with no tables warns."""
from __future__ import annotations

import subprocess
import sys

import pytest

from extractor.errors import CorruptPdfError, EncryptedPdfError, NotPdfError
from extractor.pipeline import extract

from conftest import real_pdf


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture()
def blank_pdf(tmp_path):
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    path = tmp_path / "blank.pdf"
    with open(path, "wb") as fh:
        w.write(fh)
    return path


@pytest.fixture()
def encrypted_pdf(tmp_path, blank_pdf):
    from pypdf import PdfWriter
    w = PdfWriter(clone_from=str(blank_pdf))
    w.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "encrypted.pdf"
    with open(path, "wb") as fh:
        w.write(fh)
    return path


def test_non_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("这不是PDF")
    with pytest.raises(NotPdfError, match="not a PDF"):
        extract(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(NotPdfError, match="empty file"):
        extract(path)


def test_broken_pdf(tmp_path, blank_pdf):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(CorruptPdfError, match="damaged PDF"):
        extract(path)


def test_truncated_pdf(tmp_path):
    data = real_pdf("上海市普陀区商务委员会25年预算.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CorruptPdfError):
        extract(path)


def test_encrypted_pdf(encrypted_pdf):
    with pytest.raises(EncryptedPdfError, match="encrypted"):
        extract(encrypted_pdf)


def test_pdf_without_tables_warns(blank_pdf):
    doc = extract(blank_pdf)
    assert doc.tables == [] and [w.code for w in doc.warnings] == ["no_tables"]


@pytest.mark.parametrize("content, expect", [(b"hello", "not a PDF"), (b"%PDF-1.4\n\x00\x01garbage", "damaged PDF")])
def test_cli_one_line_error(tmp_path, content, expect):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    out = tmp_path / "out.json"
    res = _cli("extract", str(path), "-o", str(out))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and expect in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()


def test_cli_encrypted(encrypted_pdf):
    res = _cli("extract", str(encrypted_pdf))
    assert res.returncode == 2 and res.stderr.startswith("error: encrypted.pdf: encrypted PDF")


def test_cli_missing_file(tmp_path):
    res = _cli("extract", str(tmp_path / "nope.pdf"))
    assert res.returncode == 2 and "no such file" in res.stderr


def test_cli_no_tables_is_a_document_with_a_warning(blank_pdf, tmp_path):
    out = tmp_path / "blank.json"
    res = _cli("extract", str(blank_pdf), "-o", str(out))
    assert res.returncode == 0 and "warning: no_tables" in res.stderr
    assert '"tables": []' in out.read_text(encoding="utf-8")

"""The PDF is the DOCX converted by LibreOffice: it works, side by side, and fails clearly."""

import threading

import pytest

from binhdang.documents.rendering import pdf
from binhdang.documents.rendering.docx import render_docx

from .seed_000 import seed_000_document


@pytest.fixture(scope="module")
def docx_bytes():
    return render_docx(seed_000_document())


def test_two_conversions_at_once_both_succeed(docx_bytes):
    # Each run has its own LibreOffice profile; with a shared one the second would fail.
    results, errors = [], []

    def convert():
        try:
            results.append(pdf.render_pdf(docx_bytes))
        except pdf.PdfRenderError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=convert) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 2
    assert all(result.startswith(b"%PDF") for result in results)


def test_missing_libreoffice_is_a_clear_error(docx_bytes, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfRenderError, match="chưa cài LibreOffice"):
        pdf.render_pdf(docx_bytes)


def test_a_hung_conversion_times_out(docx_bytes):
    with pytest.raises(pdf.PdfRenderError, match="không chuyển xong tệp PDF sau 0 giây"):
        pdf.render_pdf(docx_bytes, timeout=0.01)


def test_a_failed_conversion_says_so(docx_bytes, monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice_path", lambda: str(fake))
    with pytest.raises(pdf.PdfRenderError, match=r"không chuyển được tệp sang PDF \(mã lỗi 1\)"):
        pdf.render_pdf(docx_bytes)

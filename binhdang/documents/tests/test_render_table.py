"""Figure tables in an official document (a consolidation's activities and indicators): bordered,
header bold and repeated on every page, numbers right-aligned, the final "./." on the text after."""

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.spec import Paragraph, Table

from .seed_000 import seed_000_document


def test_a_table_renders_between_paragraphs():
    spec = seed_000_document()
    spec.body = [Paragraph("Kết quả như sau:"),
                 Table(("Đơn vị", "Số hoạt động"), (("UBND xã A", "12"), ("Trường THPT B", "1.204"))),
                 Paragraph("Các đơn vị thực hiện đầy đủ.")]
    spec.closing = ""
    document = docx.Document(io.BytesIO(render_docx(spec)))
    figures = [t for t in document.tables if t.rows[0].cells[0].text == "Đơn vị"]
    assert len(figures) == 1
    table = figures[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Đơn vị", "Số hoạt động"], ["UBND xã A", "12"], ["Trường THPT B", "1.204"]]
    assert table.style.name == "Table Grid"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
    assert table.rows[2].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[2].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    texts = [p.text for p in document.paragraphs]
    assert "Các đơn vị thực hiện đầy đủ./." in texts and "Kết quả như sau:" in texts


@pytest.mark.parametrize("header, rows, widths", [
    ((), (), ()),
    (("A", "B"), (("1",),), ()),
    (("A", "B"), (), (1.0,)),
])
def test_a_malformed_table_is_refused(header, rows, widths):
    with pytest.raises(ValueError):
        Table(header, rows, widths)

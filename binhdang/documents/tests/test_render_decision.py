"""A decision (quyết định): the authority under the summary, "QUYẾT ĐỊNH:" after the legal basis,
articles whose "Điều N." is bold, and the final mark on the last article."""

import datetime as dt
import io

import docx
import pytest

from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.spec import Article, OfficialDocument, Paragraph, Recipient, Signer


def _decision(**extra) -> OfficialDocument:
    fields = dict(
        parent_body="UBND xã A", issuer="Trường Tiểu học A", number_code="Số: 03/QĐ-THA", place="Đống Đa",
        date=dt.date(2026, 11, 20), doc_type_title="QUYẾT ĐỊNH",
        summary="Về việc khen thưởng cá nhân có thành tích trong công tác bình đẳng giới",
        authority="Hiệu trưởng Trường Tiểu học A", enacting="Quyết định:",
        legal_basis=["Căn cứ chức năng, nhiệm vụ của Hiệu trưởng", "Xét đề nghị của Ban vì sự tiến bộ của phụ nữ"],
        body=[Article(1, "Khen thưởng cô Nguyễn Thị Hoa."), Article(2, "Quyết định có hiệu lực kể từ ngày ký."),
              Article(3, "Văn phòng và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")],
        signer=Signer(position="Hiệu trưởng", name="Trần Văn Bình"),
        recipients=[Recipient("Như Điều 3"), Recipient.archive()],
    )
    return OfficialDocument(**{**fields, **extra})


def _body(document) -> list:
    return [p for p in document.paragraphs if p.text.strip()]


def test_decision_parts_in_order():
    document = docx.Document(io.BytesIO(render_docx(_decision())))
    text = [p.text for p in _body(document)]
    assert text[:3] == ["QUYẾT ĐỊNH", "Về việc khen thưởng cá nhân có thành tích trong công tác bình đẳng giới",
                        "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC A"]
    assert text[3].endswith("Hiệu trưởng;") and text[4].endswith("phụ nữ.")
    assert text[5] == "QUYẾT ĐỊNH:"
    assert text[6] == "Điều 1. Khen thưởng cô Nguyễn Thị Hoa."
    assert text[8] == "Điều 3. Văn phòng và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
    authority, enacting = _body(document)[2], _body(document)[5]
    assert all(run.bold for run in authority.runs + enacting.runs)


def test_article_label_bold_text_plain():
    document = docx.Document(io.BytesIO(render_docx(_decision())))
    article = _body(document)[6]
    label, text = article.runs
    assert (label.text, label.bold) == ("Điều 1. ", True)
    assert text.bold is False and text.font.name == "Times New Roman"
    cells = [c.text for t in document.tables for c in t._cells]
    assert any("- Như Điều 3;\n- Lưu: VT." in c for c in cells)
    assert any(c.startswith("HIỆU TRƯỞNG") and "Trần Văn Bình" in c for c in cells)


def test_documents_without_authority_render_as_before():
    plain = _decision(body=[Paragraph("Nội dung.")], authority="", enacting="")
    text = [p.text for p in _body(docx.Document(io.BytesIO(render_docx(plain))))]
    assert "QUYẾT ĐỊNH:" not in text and "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC A" not in text


def test_article_numbers_start_at_one():
    with pytest.raises(ValueError):
        Article(0, "x")

"""Render the 000 seed plan and read the DOCX back: the Nghị định 30 layout, checked."""

import datetime as dt
import io

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from binhdang.documents.rendering.docx import final_mark, recipient_lines, render_docx
from binhdang.documents.spec import Recipient, Signer

from .seed_000 import seed_000_document

EMU_PER_MM = 36000
EMU_PER_CM = 360000


def mm(value) -> float:
    return value / EMU_PER_MM


def read(document_spec):
    return docx.Document(io.BytesIO(render_docx(document_spec)))


@pytest.fixture(scope="module")
def rendered():
    return read(seed_000_document())


def all_runs(document):
    section = document.sections[0]
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for cell in table._cells:
            paragraphs.extend(cell.paragraphs)
    paragraphs.extend(section.header.paragraphs)
    paragraphs.extend(section.first_page_header.paragraphs)
    return [run for paragraph in paragraphs for run in paragraph.runs]


def texts(paragraphs):
    return [p.text for p in paragraphs]


def only_run(paragraph):
    assert len(paragraph.runs) == 1, paragraph.text
    return paragraph.runs[0]


def is_rule(paragraph) -> bool:
    ppr = paragraph._p.pPr
    bottom = None if ppr is None or ppr.find(qn("w:pBdr")) is None else (
        ppr.find(qn("w:pBdr")).find(qn("w:bottom")))
    return bottom is not None and bottom.get(qn("w:val")) == "single" and not paragraph.text


def rule_length_cm(paragraph, available_emu) -> float:
    fmt = paragraph.paragraph_format
    return (available_emu - fmt.left_indent - fmt.right_indent) / EMU_PER_CM


def body_paragraph(document, startswith):
    matches = [p for p in document.paragraphs if p.text.startswith(startswith)]
    assert len(matches) == 1, (startswith, texts(document.paragraphs))
    return matches[0]


def test_page_is_a4_portrait_with_decree_margins(rendered):
    section = rendered.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert mm(section.page_width) == pytest.approx(210, abs=0.5)
    assert mm(section.page_height) == pytest.approx(297, abs=0.5)
    assert mm(section.top_margin) == pytest.approx(20, abs=0.5)
    assert mm(section.bottom_margin) == pytest.approx(20, abs=0.5)
    assert mm(section.left_margin) == pytest.approx(30, abs=0.5)
    assert mm(section.right_margin) == pytest.approx(15, abs=0.5)


def test_every_run_is_black_times_new_roman_in_every_script(rendered):
    runs = all_runs(rendered)
    assert len(runs) >= 35
    for run in runs:
        assert run.font.name == "Times New Roman", run.text
        rfonts = run._r.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert rfonts.get(qn(attr)) == "Times New Roman", (attr, run.text)
        assert str(run.font.color.rgb) == "000000"
    normal = rendered.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "Times New Roman"


def test_header_table_two_borderless_columns(rendered):
    header = rendered.tables[0]
    assert len(header.columns) == 2 and len(header.rows) == 1
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    sides = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
    assert sides == {side: "nil" for side in
                     ("top", "left", "bottom", "right", "insideH", "insideV")}
    assert header.columns[0].width / EMU_PER_CM == pytest.approx(6.5, abs=0.05)
    total = header.columns[0].width + header.columns[1].width
    assert mm(total) == pytest.approx(165, abs=0.5)  # the text width: 210 − 30 − 15


def test_header_left_column(rendered):
    left = rendered.tables[0].rows[0].cells[0]
    paragraphs = left.paragraphs
    assert texts(paragraphs) == ["SỞ GD&ĐT QUẢNG NAM", "TRƯỜNG THPT QUẾ SƠN", "",
                                 "Số: 05/KH-THPTQS"]
    parent, issuer, rule, number = paragraphs
    assert only_run(parent).font.size == Pt(13) and not only_run(parent).font.bold
    assert only_run(issuer).font.size == Pt(13) and only_run(issuer).font.bold
    assert only_run(number).font.size == Pt(13) and not only_run(number).font.bold
    assert is_rule(rule)
    # A third to a half of the issuer's name (about 4.9 cm in Times New Roman 13 pt bold).
    available = left.width - 2 * 0.1 * EMU_PER_CM
    assert 1.6 <= rule_length_cm(rule, available) <= 2.5
    for paragraph in paragraphs:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_header_right_column(rendered):
    right = rendered.tables[0].rows[0].cells[1]
    paragraphs = right.paragraphs
    assert texts(paragraphs) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "Độc lập - Tự do - Hạnh phúc", "",
                                 "Quế Sơn, ngày 05 tháng 01 năm 2023"]
    national, motto, rule, place_date = paragraphs
    assert only_run(national).font.size == Pt(13) and only_run(national).font.bold
    assert only_run(motto).font.size == Pt(14) and only_run(motto).font.bold
    assert is_rule(rule)
    # As long as the motto line (about 5.7 cm).
    available = right.width - 2 * 0.1 * EMU_PER_CM
    assert 5.2 <= rule_length_cm(rule, available) <= 6.3
    run = only_run(place_date)
    assert run.font.italic and not run.font.bold and run.font.size == Pt(14)


def test_title_summary_and_rule(rendered):
    body = rendered.paragraphs
    title, summary, rule = body[0], body[1], body[2]
    assert title.text == "KẾ HOẠCH"
    assert only_run(title).font.bold and only_run(title).font.size == Pt(14)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert summary.text == "Triển khai thực hiện công tác bình đẳng giới năm 2023"
    assert only_run(summary).font.bold and only_run(summary).font.size == Pt(14)
    assert summary.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert is_rule(rule)
    assert rule.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_legal_basis_italic_and_punctuated(rendered):
    first = body_paragraph(rendered, "Thực hiện Kế hoạch số 6830/KH-UBND")
    last = body_paragraph(rendered, "Công văn 559/SGDĐT-CTHSSV")
    assert first.text.endswith("giai đoạn 2021-2025;")
    assert last.text.endswith("năm 2023.")
    for paragraph in (first, last):
        assert only_run(paragraph).font.italic
        assert only_run(paragraph).font.size == Pt(14)
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert paragraph.paragraph_format.first_line_indent / EMU_PER_CM == pytest.approx(1.27, abs=0.01)


def test_body_paragraphs_headings_and_bullets(rendered):
    expectations = {
        "I. MỤC ĐÍCH, YÊU CẦU": True,
        "1. Mục đích": True,
        "a) Tổ chức thực hiện tốt": False,
        "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM": True,
        "Các tổ chức đoàn thể": False,
        "- Truyền thông, quảng bá": False,
        "+ Tham gia các cuộc thi": False,
        "III. TỔ CHỨC THỰC HIỆN": True,
        "Trường THPT Quế Sơn ban hành": False,
    }
    for start, bold in expectations.items():
        paragraph = body_paragraph(rendered, start)
        run = only_run(paragraph)
        assert bool(run.font.bold) is bold, start
        assert not run.font.italic and run.font.size == Pt(14)
        fmt = paragraph.paragraph_format
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert fmt.first_line_indent / EMU_PER_CM == pytest.approx(1.27, abs=0.01)
        assert fmt.space_after == Pt(6)
        assert fmt.line_spacing == pytest.approx(1.15)


def test_text_ends_with_final_mark(rendered):
    body = [p for p in rendered.paragraphs if p.text.strip()]
    assert body[-1].text.startswith("Trên đây là Kế hoạch Bình đẳng giới năm 2023")
    assert body[-1].text.endswith("điều chỉnh kịp thời./.")
    assert sum(p.text.count("./.") for p in rendered.paragraphs) == 1


def test_recipients_and_signature(rendered):
    table = rendered.tables[1]
    assert len(table.columns) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {child.get(qn("w:val")) for child in borders} == {"nil"}
    left, right = table.rows[0].cells
    label, *items = left.paragraphs
    assert label.text == "Nơi nhận:"
    run = only_run(label)
    assert run.font.bold and run.font.italic and run.font.size == Pt(12)
    assert texts(items) == ["- Sở GDĐT (để báo cáo);", "- BGH, CĐ, Đoàn TN (để thực hiện);",
                            "- TT CM, Văn phòng (để thực hiện);", "- Lưu: VT."]
    for item in items:
        assert only_run(item).font.size == Pt(11) and not only_run(item).font.bold
    title, name = right.paragraphs
    assert title.text == "HIỆU TRƯỞNG" and only_run(title).font.bold
    assert name.text == "Nguyễn Ngọc Chín"
    assert only_run(name).font.bold and only_run(name).font.size == Pt(14)
    assert name.paragraph_format.space_before >= Pt(60)  # room for signature and seal


def test_page_numbers_from_page_two(rendered):
    section = rendered.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert 'w:fldCharType="begin"' in header_xml and 'w:fldCharType="end"' in header_xml
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not section.first_page_header.is_linked_to_previous
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))
    assert section.first_page_header.paragraphs[0].text == ""


def test_deputy_signs_for_the_principal_and_unissued_number():
    deputy = Signer(authority="KT.", authority_title="HIỆU TRƯỞNG", position="PHÓ HIỆU TRƯỞNG",
                    name="Trần Thị Bình")
    document = read(seed_000_document(signer=deputy, number_code="Số:      /KH-THPTQS",
                                      date=None, year=2023))
    right = document.tables[1].rows[0].cells[1]
    assert texts(right.paragraphs) == ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Trần Thị Bình"]
    assert all(only_run(p).font.bold for p in right.paragraphs)
    left = document.tables[0].rows[0].cells[0]
    assert left.paragraphs[-1].text == "Số:      /KH-THPTQS"
    place_date = document.tables[0].rows[0].cells[1].paragraphs[-1]
    assert place_date.text == "Quế Sơn, ngày      tháng      năm 2023"


def test_final_mark_replaces_any_ending():
    assert final_mark("kịp thời ./.") == "kịp thời./."
    assert final_mark("kịp thời.") == "kịp thời./."
    assert final_mark("kịp thời;  ") == "kịp thời./."
    assert final_mark("kịp thời") == "kịp thời./."


def test_archive_line_added_last_when_missing():
    lines = recipient_lines([Recipient("Sở GDĐT (để báo cáo);"), Recipient("Như trên")])
    assert lines == ["- Sở GDĐT (để báo cáo);", "- Như trên;", "- Lưu: VT."]
    moved = recipient_lines([Recipient.archive("VT, BVSTBPN"), Recipient("Phòng GDĐT")])
    assert moved == ["- Phòng GDĐT;", "- Lưu: VT, BVSTBPN."]


def test_text_is_normalised_to_nfc():
    decomposed = "Trie\u0302\u0309n khai"  # "Triển khai" typed with combining marks
    document = read(seed_000_document(summary=decomposed))
    assert document.paragraphs[1].text == "Triển khai"


def test_seed_001_header_with_issuer_on_two_lines_and_committee_signature():
    """The 001 seed's school (Tiểu học Lý Thường Kiệt, quận Đống Đa), its Ban VSTBPN
    signing on behalf of the committee, three "Thực hiện" citations."""
    committee = Signer(authority="TM.", authority_title="Ban vì sự tiến bộ của phụ nữ",
                       position="Trưởng ban", name="Lê Thị Hoa")
    document = read(seed_000_document(
        parent_body="PHÒNG GD&ĐT QUẬN ĐỐNG ĐA", issuer="Trường Tiểu học\nLý Thường Kiệt",
        number_code="Số: 05/KH-THLTK", place="Đống Đa", date=dt.date(2022, 3, 25),
        summary="Hành động vì sự tiến bộ phụ nữ năm 2022",
        legal_basis=["Thực hiện Kế hoạch số 605/KH-BVSTBPN ngày 11/03/2022;",
                     "Thực hiện Kế hoạch số 22/KH-PGDĐT ngày 22/3/2022;",
                     "Thực hiện Kế hoạch số 05/KH-THLTK ngày 25/3/2022; "],
        signer=committee, recipients=[Recipient("Phòng GDĐT", "để báo cáo")],
    ))
    left, right = document.tables[0].rows[0].cells
    assert texts(left.paragraphs) == ["PHÒNG GD&ĐT QUẬN ĐỐNG ĐA", "TRƯỜNG TIỂU HỌC",
                                      "LÝ THƯỜNG KIỆT", "", "Số: 05/KH-THLTK"]
    assert [bool(only_run(p).font.bold) for p in left.paragraphs[1:3]] == [True, True]
    assert right.paragraphs[-1].text == "Đống Đa, ngày 25 tháng 3 năm 2022"
    citations = [p.text for p in document.paragraphs if p.text.startswith("Thực hiện")]
    assert [c[-1] for c in citations] == [";", ";", "."]
    sign = document.tables[1].rows[0].cells[1]
    assert texts(sign.paragraphs) == ["TM. BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ", "TRƯỞNG BAN",
                                      "Lê Thị Hoa"]
    recipients = document.tables[1].rows[0].cells[0]
    assert texts(recipients.paragraphs)[1:] == ["- Phòng GDĐT (để báo cáo);", "- Lưu: VT."]

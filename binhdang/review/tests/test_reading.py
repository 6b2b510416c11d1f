"""Reading: types by content, DOCX parts, PDF pages, scanned PDF, legacy encodings, tone placement."""

import pytest

from binhdang.review.analysis import legacy
from binhdang.review.analysis.normalising import canonical_tones, matching_form
from binhdang.review.analysis.reading import ReadError, read_material

from .samples import docx_bytes, pdf_bytes

# "Con gái phải biết nấu ăn và giúp đỡ mọi người trong gia đình." typed with the .VnTime font
# (TCVN3, ABC) and with VNI-Times, as the bytes an old .txt file holds.
TCVN3_BYTES = "Con g¸i ph¶i biÕt nÊu ¨n vµ gióp ®ì mäi ng­êi trong gia ®×nh.".encode("latin-1")
VNI_BYTES = "Con gaùi phaûi bieát naáu aên vaø giuùp ñôõ moïi ngöôøi trong gia ñình.".encode("latin-1")
UNICODE = "Con gái phải biết nấu ăn và giúp đỡ mọi người trong gia đình."


def test_tcvn3_bytes_are_detected_and_converted():
    material = read_material("bai.txt", TCVN3_BYTES)
    assert material.legacy_encoding == "tcvn3"
    assert material.paragraphs[0].text == UNICODE


def test_vni_bytes_are_detected_and_converted():
    material = read_material("bai.txt", VNI_BYTES)
    assert material.legacy_encoding == "vni"
    assert material.paragraphs[0].text == UNICODE


def test_known_legacy_samples():
    assert legacy.from_tcvn3("TiÕng ViÖt - §éc lËp - Tù do - H¹nh phóc") == "Tiếng Việt - Độc lập - Tự do - Hạnh phúc"
    assert legacy.from_vni("Tieáng Vieät - Ñaø Naüng - Nguyeãn Thò Hoàng") == "Tiếng Việt - Đà Nẵng - Nguyễn Thị Hồng"


def test_legacy_text_inside_a_docx_is_converted():
    material = read_material("cu.docx", docx_bytes(["Bè ®äc b¸o, cßn mÑ nÊu c¬m cho c¶ nhµ."]))
    assert material.legacy_encoding == "tcvn3"
    assert material.paragraphs[0].text == "Bố đọc báo, còn mẹ nấu cơm cho cả nhà."


def test_a_docx_mixing_unicode_and_tcvn3_paragraphs_converts_only_the_old_ones():
    data = docx_bytes(["Bài 1. Gia đình em (Unicode)", "Bè ®äc b¸o, cßn mÑ nÊu c¬m cho c¶ nhµ.",
                       "MÑ vµ em ®i chî."])
    material = read_material("tron.docx", data)
    assert material.legacy_encoding == "tcvn3"
    assert [p.text for p in material.paragraphs] == [
        "Bài 1. Gia đình em (Unicode)", "Bố đọc báo, còn mẹ nấu cơm cho cả nhà.", "Mẹ và em đi chợ."]


def test_unicode_text_is_left_alone_and_decomposed_text_is_composed():
    import unicodedata

    material = read_material("bai.txt", unicodedata.normalize("NFD", UNICODE).encode("utf-8"))
    assert material.legacy_encoding == ""
    assert material.paragraphs[0].text == UNICODE


def test_tone_placement_old_and_new_match():
    assert canonical_tones("hòa thúy khỏe") == canonical_tones("hoà thuý khoẻ") == "hoà thuý khoẻ"
    assert canonical_tones("của quý hoàn") == "của quý hoàn"  # not oa/oe/uy at a syllable's end
    assert matching_form("Hòa Bình") == "hoà bình"


def test_txt_lines_are_one_based_and_blank_lines_count():
    material = read_material("bai.txt", "Dòng một.\n\nDòng ba.\r\n".encode())
    assert [(p.line, p.text) for p in material.paragraphs] == [(1, "Dòng một."), (3, "Dòng ba.")]


def test_docx_reads_body_tables_and_text_boxes_with_pages():
    data = docx_bytes(["Bài 1. Gia đình", "Mẹ nấu cơm."], table=[["Bố", "đọc báo"]], textbox="Chị Lan là kĩ sư.",
                      page_break_after=0)
    material = read_material("bai.docx", data)
    texts = [p.text for p in material.paragraphs]
    assert texts == ["Bài 1. Gia đình", "Mẹ nấu cơm.", "Bố", "đọc báo", "Khung:", "Chị Lan là kĩ sư."]
    assert [p.page for p in material.paragraphs][:2] == [1, 2]


def test_pdf_with_text_keeps_pages():
    material = read_material("bai.pdf", pdf_bytes([["Trang mot."], ["Trang hai.", "Dong hai."]]))
    assert [(p.page, p.text) for p in material.paragraphs] == [(1, "Trang mot."), (2, "Trang hai."), (2, "Dong hai.")]


@pytest.mark.parametrize("name, data, code", [
    ("scan.pdf", pdf_bytes([[], []]), "scanned_pdf"),
    ("bai.txt", b"   \n", "empty"),
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "doc"),
    ("nen.zip", b"PK\x03\x04" + b"\x00" * 100, "not_docx"),
    ("anh.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "type"),
    ("hong.pdf", b"%PDF-1.4\nrac", "bad_pdf"),
    ("trong.docx", docx_bytes([]), "no_text"),
])
def test_unreadable_files_say_why(name, data, code):
    with pytest.raises(ReadError) as caught:
        read_material(name, data)
    assert caught.value.code == code and caught.value.name == name


def test_analysis_package_does_not_import_django():
    import subprocess
    import sys

    code = ("import sys; import binhdang.review.analysis as a; "
            "a.review_material(a.read_material('x.txt', 'Mẹ nấu cơm.'.encode())); "
            "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_vietnamese_pdf_made_by_libreoffice_reads_back_with_headings_and_pages():
    from binhdang.documents.rendering.pdf import render_pdf

    long = ("Con gái phải biết nấu ăn và giữ gìn nhà cửa sạch sẽ, đó là điều mà ông bà ta vẫn thường dạy bảo "
            "con cháu trong nhà từ bao đời nay.")
    data = render_pdf(docx_bytes(["Bài 1. Gia đình em", long, "Chị Lan là bác sĩ."], page_break_after=1))
    material = read_material("bai.pdf", data)
    assert [(p.page, p.text) for p in material.paragraphs] == [
        (1, "Bài 1. Gia đình em"), (1, long), (2, "Chị Lan là bác sĩ.")]

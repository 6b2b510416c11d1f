"""The exported plan read back: the Nghị định 30 layout in the DOCX (python-docx) and in the
PDF (pdftoppm, pdftotext). The layout helpers are the renderer's own tests' helpers."""

import datetime as dt
import io
import struct
import subprocess
import unicodedata
import zlib

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.rendering.pdf import render_pdf
from binhdang.documents.tests.test_render_docx import (
    EMU_PER_CM,
    all_runs,
    body_paragraph,
    is_rule,
    mm,
    only_run,
    texts,
)
from binhdang.orgs.models import InternalBody
from binhdang.plans.exporting import plan_to_document
from binhdang.plans.models import Plan, PlanStatus, Task

from .test_views import _import

pytestmark = pytest.mark.django_db


def _docx(plan: Plan):
    return docx.Document(io.BytesIO(render_docx(plan_to_document(plan))))


@pytest.fixture
def issued(world):
    world.school.short_name, world.school.place = "THA", "Đống Đa"
    world.school.save()
    plan = _import(world.school)
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ISSUED, number="05/KH-THA",
                                           document_date=dt.date(2023, 1, 5))
    plan.refresh_from_db()
    return plan


def test_page_fonts_and_sizes(issued):
    document = _docx(issued)
    section = document.sections[0]
    assert (round(mm(section.page_width)), round(mm(section.page_height))) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(mm(m)) for m in margins] == [20, 20, 30, 15]
    runs = all_runs(document)
    assert len(runs) > 50
    assert {run.font.name for run in runs} == {"Times New Roman"}
    assert {run.font.size for run in runs} <= {Pt(11), Pt(12), Pt(13), Pt(14)}
    assert only_run(body_paragraph(document, "Trường THPT Quế Sơn ban hành")).font.size == Pt(14)


def test_header_two_columns_rules_and_italic_place_date(issued):
    document = _docx(issued)
    left, right = document.tables[0].rows[0].cells
    assert texts(left.paragraphs) == ["UBND XÃ A", "TRƯỜNG TIỂU HỌC A", "", "Số: 05/KH-THA"]
    assert texts(right.paragraphs)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert is_rule(left.paragraphs[2]) and is_rule(right.paragraphs[2])
    place_date = right.paragraphs[3]
    assert place_date.text == "Đống Đa, ngày 05 tháng 01 năm 2023"
    assert only_run(place_date).font.italic
    assert document.paragraphs[0].text == "KẾ HOẠCH"
    assert document.paragraphs[1].text == "Triển khai thực hiện công tác bình đẳng giới năm 2023"


def test_headings_bullets_and_final_mark(issued):
    document = _docx(issued)
    for start, bold in {"I. MỤC ĐÍCH, YÊU CẦU": True, "1. Mục đích": True, "a) Tổ chức thực hiện tốt": False,
                        "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM": True, "5. Tổ chức Tháng hành động": True,
                        "- Truyền thông, quảng bá": False, "+ Tham gia các cuộc thi": False,
                        "III. TỔ CHỨC THỰC HIỆN": True}.items():
        paragraph = body_paragraph(document, start)
        assert bool(only_run(paragraph).font.bold) is bold, start
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert paragraph.paragraph_format.first_line_indent / EMU_PER_CM == pytest.approx(1.27, abs=0.01)
    legal = body_paragraph(document, "Thực hiện Kế hoạch số 6830/KH-UBND")
    assert only_run(legal).font.italic
    ends = [p.text for p in document.paragraphs if p.text.strip()]
    assert ends[-1].endswith("điều chỉnh kịp thời./.")
    assert sum(p.text.count("./.") for p in document.paragraphs) == 1


def test_signature_and_recipients_side_by_side_and_page_numbers(issued):
    document = _docx(issued)
    recipients, signature = document.tables[1].rows[0].cells
    assert texts(recipients.paragraphs) == ["Nơi nhận:", "- Sở GDĐT (để báo cáo);",
                                            "- BGH, CĐ, Đoàn TN (để thực hiện);",
                                            "- TT CM, Văn phòng (để thực hiện);", "- Lưu: VT."]
    assert texts(signature.paragraphs) == ["HIỆU TRƯỞNG", "Nguyễn Ngọc Chín"]
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_draft_without_signer_leaves_the_block_blank(world):
    plan = _import(world.school, name="001_1e38a6a36f82991c.txt")
    document = _docx(plan)
    left = document.tables[0].rows[0].cells[0]
    assert left.paragraphs[-1].text == "Số:      /KH"  # no short name yet: the văn thư fills it in
    signature = document.tables[1].rows[0].cells[1]
    assert [p.text for p in signature.paragraphs] == ["", ""]
    assert texts(document.tables[1].rows[0].cells[0].paragraphs)[-2:] == ["- Phòng GD-ĐT;", "- Lưu: VT."]
    Plan.objects.filter(pk=plan.pk).update(signer_position="Phó hiệu trưởng", signer_authority="KT.",
                                           signer_on_behalf_of="Hiệu trưởng")
    plan.refresh_from_db()
    signature = _docx(plan).tables[1].rows[0].cells[1]
    assert texts(signature.paragraphs) == ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", ""]


def test_internal_body_issues_under_its_school(world):
    body = InternalBody.objects.create(unit=world.school, kind="committee", name="Ban vì sự tiến bộ của phụ nữ",
                                       short_name="BVSTBPN")
    plan = _import(world.school, name="001_1e38a6a36f82991c.txt")
    Plan.objects.filter(pk=plan.pk).update(issuer_body=body)
    plan.refresh_from_db()
    left = _docx(plan).tables[0].rows[0].cells[0]
    assert texts(left.paragraphs) == ["TRƯỜNG TIỂU HỌC A", "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ", "",
                                      "Số:      /KH-BVSTBPN"]


def test_task_fields_in_one_parenthetical(world):
    plan = _import(world.school)
    task = Task.objects.filter(group__plan=plan, text__startswith="Truyền thông, quảng bá").get()
    task.responsible, task.time_frame, task.expected_output = "Đoàn trường", "Tháng 11/2023", "Bản tin"
    task.save()
    paragraph = body_paragraph(_docx(plan), "- Truyền thông, quảng bá")
    assert paragraph.text.endswith("can thiệp khi bị bạo lực, xâm hại. (Chủ trì: Đoàn trường; "
                                   "thời gian: Tháng 11/2023; sản phẩm: Bản tin)")


# --- PDF ------------------------------------------------------------------------------------------
def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and raw 8-bit samples of a non-interlaced PNG (what pdftoppm writes)."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        header = chunk if kind == b"IHDR" else header
        idat += chunk if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8
    channels = {0: 1, 2: 3, 6: 4}[colour]
    stride, raw, out, previous = width * channels, zlib.decompress(idat), bytearray(), bytearray(width * channels)
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        out += line
        previous = line
    return width, height, bytes(out)


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_pdf_of_the_000_seed(issued, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(render_pdf(render_docx(plan_to_document(issued))))
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
                   check=True, timeout=60)
    width, height, pixels = _png_pixels(next(tmp_path.glob("page*.png")).read_bytes())
    assert width == pytest.approx(210 / 25.4 * 50, abs=1.5)  # A4 at 50 dpi
    assert height == pytest.approx(297 / 25.4 * 50, abs=1.5)
    dark = sum(1 for value in pixels if value < 128)
    assert dark > 1000 and dark < len(pixels) // 4  # text on a white page
    text = _nfc(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True,
                               timeout=60).stdout.decode())
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, timeout=60).stdout.decode()
    assert int(next(line for line in pages.splitlines() if line.startswith("Pages:")).split()[1]) > 1
    expected = ["Triển khai thực hiện công tác bình đẳng giới năm 2023", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Nguyễn Ngọc Chín", "Số: 05/KH-THA"]
    expected += [f"{s.heading} {s.title}" for s in issued.sections.all()]
    expected += [f"{n}. {g.title[:40]}" for n, g in enumerate(issued.task_groups.all(), start=1)]
    for line in expected:
        assert _nfc(line) in text, line

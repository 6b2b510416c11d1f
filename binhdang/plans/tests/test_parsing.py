"""Tests for plan parsing against the two real seed plans, synthetic Word files and noisy text."""

import datetime as dt
import io
import json
import unicodedata
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from binhdang.plans.parsing import ParsedPlan, docx_text, parse_plan_docx, parse_plan_text
from binhdang.plans.parsing.lines import classify_marker, prepare_lines
from binhdang.plans.seeds import seed_dir

JSON_KEYS = {
    "issuer",
    "number",
    "place",
    "date",
    "title",
    "citations",
    "sections",
    "tasks",
    "targets",
    "recipients",
    "signer",
    "unparsed",
    "warnings",
}


def _seed_dir() -> Path:
    # A missing seed is a failure, not a skip: these tests are the contract.
    found = seed_dir()
    if found is None:
        pytest.fail("Seed plans not found: set BINHDANG_SEEDS_DIR to the folder with 000_*.txt")
    return found


def _seed_text(prefix: str) -> str:
    return next(_seed_dir().glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_000() -> ParsedPlan:
    return parse_plan_text(_seed_text("000"))


@pytest.fixture(scope="module")
def seed_001() -> ParsedPlan:
    return parse_plan_text(_seed_text("001"))


def _citations(plan: ParsedPlan) -> dict:
    return {c["number"]: c for c in plan.to_json_dict()["citations"]}


# --- 000: THPT Quế Sơn, 2023 ------------------------------------------------------------------
def test_000_title_and_missing_header(seed_000):
    data = seed_000.to_json_dict()
    assert set(data) == JSON_KEYS
    assert data["title"] == "Triển khai thực hiện công tác bình đẳng giới năm 2023"
    assert (data["issuer"], data["number"], data["place"], data["date"]) == ("", "", "", None)
    assert any(w.startswith("Phần đầu văn bản thiếu") for w in data["warnings"])
    json.dumps(data, ensure_ascii=False)  # must serialise as is


@pytest.mark.parametrize(
    ("number", "date", "issuer"),
    [
        ("6830/KH-UBND", "2021-10-01", "UBND tỉnh"),
        ("559/SGDĐT-CTHSSV", "2023-03-16", ""),
        ("21-CT/TW", "2018-01-20", "Ban Bí thư"),
        ("125/2021/NĐ-CP", "2021-12-28", ""),
        ("56-KL/TU", "2016-12-06", "Tỉnh ủy"),
        ("09-CTr/TU", "2007-06-26", "Tỉnh ủy"),
        ("11-NQ/TW", "2007-04-27", "Bộ Chính trị"),
        ("7041/KH-UBND", "2021-10-06", "UBND tỉnh"),
        ("1550/KH-UBND", "2022-03-17", ""),
    ],
)
def test_000_citations(seed_000, number, date, issuer):
    citation = _citations(seed_000)[number]
    assert citation["date"] == date
    assert citation["issuer"] == issuer


def test_000_citations_are_deduplicated_and_include_laws_by_name(seed_000):
    numbers = [c["number"] for c in seed_000.to_json_dict()["citations"]]
    assert len(numbers) == len(set(numbers)) == 11
    laws = {n: c for n, c in _citations(seed_000).items() if c["kind"] == "law"}
    assert {n: c["title"] for n, c in laws.items()} == {
        "73/2006/QH11": "Luật Bình đẳng giới",
        "45/2019/QH14": "Bộ luật Lao động",
    }
    assert all(c["date"] is None for c in laws.values())
    # The first mention (legal basis) wins; 6830 is cited again in the body.
    first = next(c for c in seed_000.citations if c.citation.number == "6830/KH-UBND")
    assert first.in_legal_basis and first.lines == [4, 19]
    assert first.citation.title.startswith("triển khai thực hiện Chiến lược quốc gia")
    assert _citations(seed_000)["21-CT/TW"]["kind"] == "party"
    assert _citations(seed_000)["125/2021/NĐ-CP"]["kind"] == "normative"
    written = next(c for c in seed_000.citations if c.citation.number == "559/SGDĐT-CTHSSV")
    assert "559/SGD ĐT-CTHSSV" in written.citation.raw


def test_000_sections_and_five_task_groups(seed_000):
    data = seed_000.to_json_dict()
    assert [s["heading"] for s in data["sections"]] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    tasks = data["tasks"]
    assert len(tasks) == 5
    assert [t["group"][:3] for t in tasks] == ["1. ", "2. ", "3. ", "4. ", "5. "]
    assert tasks[0]["title"].startswith("Đẩy mạnh truyền thông, tuyên truyền")
    assert tasks[4]["title"].startswith("Tổ chức Tháng hành động vì bình đẳng giới")
    assert len(tasks[0]["items"]) == 6  # five "-" bullets and one "+"
    assert tasks[0]["items"][5].startswith("Tham gia các cuộc thi")
    # Group 2: a stray paragraph and a "c)" without "a)".
    assert tasks[1]["items"][0].startswith("Kế hoạch số 7041/KH-UBND")
    assert tasks[1]["items"][1].startswith("Rà soát, đánh giá")
    assert len(tasks[2]["items"]) == 4
    assert data["targets"] == []
    assert "Dòng 31: mục “c)” không bắt đầu từ “a)”." in data["warnings"]
    assert any(w.startswith("Dòng 36: câu có vẻ bị cắt") for w in data["warnings"])


def test_000_nfd_heading_is_read_in_nfc(seed_000):
    part_two = seed_000.sections[1]
    assert part_two.children[3].text.endswith("thực hiện tốt công tác bình đẳng giới")


def test_000_recipients_and_signer(seed_000):
    data = seed_000.to_json_dict()
    assert data["recipients"] == [
        {"name": "Sở GDĐT", "purpose": "để báo cáo"},
        {"name": "BGH, CĐ, Đoàn TN", "purpose": "để thực hiện"},
        {"name": "TT CM, Văn phòng", "purpose": "để thực hiện"},
        {"name": "Lưu: VT", "purpose": ""},
    ]
    assert data["signer"] == {"authority": "", "position": "HIỆU TRƯỞNG", "name": "Nguyễn Ngọc Chín"}
    assert seed_000.closing[0].text.startswith("Trên đây là Kế hoạch Bình đẳng giới năm 2023")
    assert not any("người ký" in w for w in data["warnings"])


# --- 001: TH Lý Thường Kiệt, 2022 -------------------------------------------------------------
def test_001_title_and_three_legal_basis_citations(seed_001):
    data = seed_001.to_json_dict()
    assert data["title"] == "Hành động vì sự tiến bộ phụ nữ năm 2022"
    assert [(c["number"], c["date"]) for c in data["citations"][:3]] == [
        ("605/KH-BVSTBPN", "2022-03-11"),
        ("22/KH-PGDĐT", "2022-03-22"),
        ("05/KH-THLTK", "2022-03-25"),
    ]
    assert data["citations"][1]["issuer"] == "Phòng GD&ĐT quận Đống Đa"
    assert data["citations"][2]["issuer"] == "trường Tiểu học Lý Thường Kiệt"
    assert [line.number for line in seed_001.legal_basis] == [3, 4, 5]
    # "[bookmark: _GoBack]" is a Word artefact, not text.
    assert seed_001.legal_basis[0].text.startswith("Thực hiện Kế hoạch số 605/KH-BVSTBPN")
    assert [i.number for i in seed_001.intro] == [6]


def test_001_laws_by_name_use_the_version_of_the_time(seed_001):
    laws = {c["title"]: c["number"] for c in seed_001.to_json_dict()["citations"] if c["kind"] == "law"}
    assert laws == {
        "Luật Bình đẳng giới": "73/2006/QH11",
        "Bộ luật Lao động": "45/2019/QH14",
        "Luật Phòng, chống bạo lực gia đình": "02/2007/QH12",
    }
    assert any("02/2007/QH12" in w for w in seed_001.warnings)


def test_001_targets_tasks_and_gap_in_numbering(seed_001):
    data = seed_001.to_json_dict()
    assert len(data["targets"]) == 4
    assert data["targets"][0].startswith("Nâng cao chất lượng nguồn nhân lực nữ")
    assert data["targets"][3].startswith("Tiếp tục đưa các nội dung bình đẳng giới")
    assert [s["heading"] for s in data["sections"]] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG HOẠT ĐỘNG",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    assert len(data["tasks"]) == 3  # "4. Chỉ tiêu" holds targets, not tasks
    assert "Dòng 30: sau mục “II.” là mục “IV.” (thiếu mục hoặc sai thứ tự)." in data["warnings"]
    # ".nhà trường" typo cleaned in the item text.
    assert data["tasks"][2]["items"][0].endswith("hoạt động chuyên môn của nhà trường.")


def test_001_is_cut_off_so_no_signer_is_invented(seed_001):
    data = seed_001.to_json_dict()
    assert data["signer"] is None
    assert any("bị cắt" in w and "người ký" in w for w in data["warnings"])
    assert {"name": "Phòng GD-ĐT", "purpose": ""} in data["recipients"]


# --- No line lost ----------------------------------------------------------------------------
@pytest.mark.parametrize("prefix", ["000", "001"])
def test_every_non_empty_line_is_placed_or_reported(prefix):
    text = _seed_text(prefix)
    plan = parse_plan_text(text)
    non_empty = {line.number for line in prepare_lines(text) if line.text}
    unparsed = {u.line for u in plan.unparsed}
    assert non_empty == set(plan.line_roles) | unparsed
    assert set(plan.line_roles) <= non_empty
    # Body text is really in the JSON, not just counted.
    dump = json.dumps(plan.to_json_dict(), ensure_ascii=False)
    for line in prepare_lines(text):
        role = plan.line_roles.get(line.number, "")
        if role in ("paragraph", "bullet", "sub_bullet", "letter", "subsection", "section"):
            _, _, body = classify_marker(line.text)
            assert body[:40] in dump, (line.number, body)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_nfd_input_gives_the_same_result(prefix):
    text = _seed_text(prefix)
    nfd = parse_plan_text(unicodedata.normalize("NFD", text)).to_json_dict()
    assert nfd == parse_plan_text(text).to_json_dict()


def test_unknown_lines_are_reported_not_dropped():
    text = (
        "?? dòng lạ ??\nKẾ HOẠCH\nThử nghiệm\nI. MỤC ĐÍCH\n1. Mục đích\n"
        "Trên đây là kế hoạch./.\nNơi nhận:\n- Lưu: VT.\nHIỆU TRƯỞNG\nLê Văn An\n12345 ###\n"
    )
    data = parse_plan_text(text).to_json_dict()
    assert [(u["line"], u["text"]) for u in data["unparsed"]] == [
        (1, "?? dòng lạ ??"),
        (11, "12345 ###"),
    ]
    assert all(u["reason"] for u in data["unparsed"])


# --- Header, signer and Word files -------------------------------------------------------------
TAB_TEXT = (
    "SỞ GD&ĐT QUẢNG NAM\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TRƯỜNG THPT QUẾ SƠN\t\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 05/KH-THPTQS\t\tQuế Sơn, ngày 05 tháng 01 năm 2023\n"
    "KẾ HOẠCH\nTriển khai công tác bình đẳng giới năm 2023\n"
    "Căn cứ Luật Bình đẳng giới số 73/2006/QH11;\n"
    "I. MỤC ĐÍCH\n1. Mục đích\na) Nâng cao nhận thức.\n"
    "Trên đây là Kế hoạch của nhà trường./.\n"
    "Nơi nhận:\t\tKT. HIỆU TRƯỞNG\n- Sở GDĐT (để báo cáo);\t\tPHÓ HIỆU TRƯỞNG\n"
    "- Lưu: VT.\n\t\t(Đã ký)\n\t\tLê Văn An\n"
)


def test_header_and_signature_in_tab_separated_columns():
    plan = parse_plan_text(TAB_TEXT)
    data = plan.to_json_dict()
    assert (data["issuer"], data["number"], data["place"], data["date"]) == (
        "TRƯỜNG THPT QUẾ SƠN",
        "05/KH-THPTQS",
        "Quế Sơn",
        "2023-01-05",
    )
    assert plan.header.issuer_parent == "SỞ GD&ĐT QUẢNG NAM"
    assert data["signer"] == {"authority": "KT.", "position": "PHÓ HIỆU TRƯỞNG", "name": "Lê Văn An"}
    assert plan.signer.on_behalf_of == "HIỆU TRƯỞNG"
    assert data["recipients"] == [{"name": "Sở GDĐT", "purpose": "để báo cáo"}, {"name": "Lưu: VT", "purpose": ""}]
    # The law named and numbered in the same place is one citation.
    assert [c["number"] for c in data["citations"]] == ["73/2006/QH11"]
    assert data["unparsed"] == [] and data["warnings"] == []


def _official_docx() -> io.BytesIO:
    document = docx.Document()
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].text = "SỞ GD&ĐT QUẢNG NAM"
    for text in ("TRƯỜNG THPT QUẾ SƠN", "________", "Số: 05/KH-THPTQS"):
        left.add_paragraph(text)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for text in ("Độc lập - Tự do - Hạnh phúc", "Quế Sơn, ngày 05 tháng 01 năm 2023"):
        right.add_paragraph(text)
    for text in (
        "KẾ HOẠCH",
        "Triển khai thực hiện công tác bình đẳng giới năm 2023",
        "Thực hiện Công văn số 559/SGDĐT-CTHSSV ngày 16/3/2023 của Sở GDĐT về việc triển khai.",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ):
        document.add_paragraph(text)
    document.add_paragraph("Mục đích", style="List Number")  # Word numbering, not typed
    document.add_paragraph("II. NHIỆM VỤ, GIẢI PHÁP")
    document.add_paragraph("1. Truyền thông\tvề giới")
    document.add_paragraph("Tổ chức sinh hoạt dưới cờ.", style="List Bullet")
    document.add_paragraph("Trên đây là Kế hoạch của nhà trường./.")
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    for text in ("- Sở GDĐT (để báo cáo);", "- Lưu: VT."):
        left.add_paragraph(text)
    right.paragraphs[0].text = "TM. BAN VÌ SỰ TIẾN BỘ PHỤ NỮ"
    for text in ("TRƯỞNG BAN", "", "Trần Thị Bình"):
        right.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return buffer


def test_docx_reads_tables_in_document_order_with_numbering():
    lines = docx_text(_official_docx()).split("\n")
    assert lines[:4] == ["SỞ GD&ĐT QUẢNG NAM", "TRƯỜNG THPT QUẾ SƠN", "________", "Số: 05/KH-THPTQS"]
    assert "1. Mục đích" in lines and "- Tổ chức sinh hoạt dưới cờ." in lines


def test_parse_plan_docx(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(_official_docx().getvalue())
    plan = parse_plan_docx(str(path))
    data = plan.to_json_dict()
    assert data["issuer"] == "TRƯỜNG THPT QUẾ SƠN"
    assert data["number"] == "05/KH-THPTQS"
    assert data["place"] == "Quế Sơn"
    assert data["date"] == dt.date(2023, 1, 5).isoformat()
    assert data["title"] == "Triển khai thực hiện công tác bình đẳng giới năm 2023"
    assert data["citations"] == [
        {
            "number": "559/SGDĐT-CTHSSV",
            "kind": "administrative",
            "date": "2023-03-16",
            "issuer": "Sở GDĐT",
            "title": "triển khai",
        }
    ]
    assert data["sections"][0]["items"][0]["text"] == "Mục đích"
    assert data["tasks"] == [
        {"group": "1. Truyền thông về giới", "title": "Truyền thông về giới", "items": ["Tổ chức sinh hoạt dưới cờ."]}
    ]
    assert data["signer"] == {"authority": "TM.", "position": "TRƯỞNG BAN", "name": "Trần Thị Bình"}
    assert plan.signer.on_behalf_of == "BAN VÌ SỰ TIẾN BỘ PHỤ NỮ"
    assert [r["name"] for r in data["recipients"]] == ["Sở GDĐT", "Lưu: VT"]
    assert data["unparsed"] == [] and data["warnings"] == []
    assert parse_plan_docx(_official_docx()).to_json_dict() == data  # file objects work too


# --- Robustness: any text parses, and nothing is lost ------------------------------------------
_FRAGMENTS = [
    "KẾ HOẠCH",
    "Số: 05/KH-THLTK",
    "Quế Sơn, ngày 05 tháng 01 năm 2023",
    "I. MỤC ĐÍCH",
    "IV.",
    "1. Mục đích",
    "c) Tổ chức các lớp tập huấn của ",
    "- Sở GDĐT(để báo cáo);",
    "+  Tham gia",
    "\t\tNơi nhận:",
    "\t\tHIỆU TRƯỞNG",
    "KT. HIỆU TRƯỞNG",
    "Nguyễn Ngọc Chín",
    "(Đã ký)",
    "Trên đây là Kế hoạch./.",
    "[bookmark: _GoBack]Thực hiện Kế hoạch số 39  / KH - THHL ngày 18/112021",
    "Luật Bình đẳng giới",
    "\u00a0",
    "4. Chỉ tiêu",
    "________",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=30)), max_size=25))
def test_any_text_parses_and_every_line_is_accounted_for(parts):
    text = "\n".join(parts)
    plan = parse_plan_text(text)
    non_empty = {line.number for line in prepare_lines(text) if line.text}
    assert non_empty == set(plan.line_roles) | {u.line for u in plan.unparsed}
    json.dumps(plan.to_json_dict(), ensure_ascii=False)

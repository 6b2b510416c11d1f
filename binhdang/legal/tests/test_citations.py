"""Tests for the citation parser and the registry seed (pure Python, no database)."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from binhdang.legal.citations import (
    ADMINISTRATIVE,
    LAW,
    NORMATIVE,
    PARTY,
    law_number,
    parse_citations,
    parse_named_laws,
)
from binhdang.legal.registry_seed import REGISTRY_SEED


def only(text):
    found = parse_citations(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        ("Nghị định số 80/2017/NĐ-CP", "80/2017/NĐ-CP", NORMATIVE),
        ("Thông tư liên tịch số 22/2015/TTLT-BGDĐT-BNV", "22/2015/TTLT-BGDĐT-BNV", NORMATIVE),
        ("Luật số 73/2006/QH11", "73/2006/QH11", LAW),
        ("Chỉ thị số 21-CT/TW", "21-CT/TW", PARTY),
        ("Kết luận số 56-KL/TU", "56-KL/TU", PARTY),
        ("Nghị quyết số 11-NQ/TW", "11-NQ/TW", PARTY),
        ("Kế hoạch số 6830/KH-UBND", "6830/KH-UBND", ADMINISTRATIVE),
        ("Công văn số 559/SGDĐT-CTHSSV", "559/SGDĐT-CTHSSV", ADMINISTRATIVE),
        ("Kế hoạch số 38a/KH-THCSBH", "38a/KH-THCSBH", ADMINISTRATIVE),
        ("Quyết định số 18/2023/QĐ-TTg", "18/2023/QĐ-TTg", NORMATIVE),
        ("Quyết định số 1464/QĐ-TTg", "1464/QĐ-TTg", ADMINISTRATIVE),
        ("Chương trình số 09-CTr/TU", "09-CTr/TU", PARTY),
    ],
)
def test_each_documented_form(text, number, kind):
    citation = only(text)
    assert citation.number == number
    assert citation.kind == kind


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("Kế hoạch số 39  / KH - THHL", "39/KH-THHL"),
        ("Công văn 559/SGD ĐT-CTHSSV", "559/SGDĐT-CTHSSV"),
        ("Chương trình hành động số 09- CTr/TU", "09-CTr/TU"),
        ("Công văn số 12/SGDÐT-VP", "12/SGDĐT-VP"),  # "Ð" (U+00D0) from old fonts
        ("Nghị định 125 / 2021 / NĐ - CP", "125/2021/NĐ-CP"),
    ],
)
def test_noisy_spacing_is_normalised(written, number):
    assert only(written).number == number


def test_full_citation_with_date_issuer_and_title():
    text = (
        "Thực hiện Kế hoạch số 6830/KH-UBND ngày 01/10/2021 của UBND tỉnh về triển khai thực "
        "hiện Chiến lược quốc gia về bình đẳng giới; Công văn 559/SGD ĐT-CTHSSV ngày 16/3/2023 "
        "về việc triển khai thực hiện công tác Bình đẳng giới năm 2023"
    )
    first, second = parse_citations(text)
    assert first.doc_type == "Kế hoạch"
    assert first.date == dt.date(2021, 10, 1)
    assert first.issuer == "UBND tỉnh"
    assert first.title == "triển khai thực hiện Chiến lược quốc gia về bình đẳng giới"
    assert first.raw.startswith("Kế hoạch số 6830/KH-UBND")
    assert text[first.start : first.end] == first.raw
    assert second.number == "559/SGDĐT-CTHSSV"
    assert second.doc_type == "Công văn"  # no "số" before the number
    assert second.date == dt.date(2023, 3, 16)
    assert second.issuer == ""
    assert second.title == "triển khai thực hiện công tác Bình đẳng giới năm 2023"
    assert "559/SGD ĐT-CTHSSV" in second.raw


def test_date_in_words():
    citation = only("Kế hoạch 38a/KH-THCSBH ngày 01 tháng 10 năm 2021 của Trường THCS Bình Hòa")
    assert citation.date == dt.date(2021, 10, 1)
    assert citation.issuer == "Trường THCS Bình Hòa"


def test_broken_date_gives_none_and_a_warning_but_keeps_the_rest():
    citation = only("Kế hoạch số 39  / KH - THHL ngày 18/112021 của Trường TH Hòa Long về BĐG")
    assert citation.number == "39/KH-THHL"
    assert citation.date is None
    assert citation.warnings and "18/112021" in citation.warnings[0]
    assert citation.issuer == "Trường TH Hòa Long"
    assert citation.title == "BĐG"


def test_impossible_date_is_a_warning():
    citation = only("Kế hoạch số 1/KH-ABC ngày 31/02/2022")
    assert citation.date is None
    assert citation.warnings


def test_nfd_input_is_normalised():
    text = unicodedata.normalize(
        "NFD", "Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 quy định xử phạt vi phạm hành chính"
    )
    citation = only(text)
    assert citation.number == "125/2021/NĐ-CP"
    assert citation.number == unicodedata.normalize("NFC", citation.number)
    assert citation.doc_type == "Nghị định"
    assert citation.date == dt.date(2021, 12, 28)
    assert citation.title == "quy định xử phạt vi phạm hành chính"


def test_party_chain_from_the_000_seed():
    text = (
        "Kết luận số 56-KL/TU ngày 06/12/2016 của Tỉnh ủy về tiếp tục thực hiện Chương trình "
        "hành động số 09- CTr/TU ngày 26/6/2007 của Tỉnh ủy về thực hiện Nghị quyết số 11-NQ/TW "
        "ngày 27/4/2007 của Bộ Chính trị về công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa; "
        "Chỉ thị số\u00a0 21-CT/TW ngày 20/01/2018 của Ban Bí thư về công tác phụ nữ"
    )
    kl, ctr, nq, ct = parse_citations(text)
    assert (kl.number, kl.date, kl.issuer) == ("56-KL/TU", dt.date(2016, 12, 6), "Tỉnh ủy")
    # The title stops where the next citation begins.
    assert kl.title == "tiếp tục thực hiện"
    assert (ctr.number, ctr.doc_type, ctr.date) == ("09-CTr/TU", "Chương trình hành động", dt.date(2007, 6, 26))
    assert (nq.number, nq.issuer) == ("11-NQ/TW", "Bộ Chính trị")
    assert nq.title == "công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa"
    assert (ct.number, ct.date, ct.issuer) == ("21-CT/TW", dt.date(2018, 1, 20), "Ban Bí thư")


def test_issuer_ends_where_a_title_starts_without_ve():
    citation = only(
        "Thực hiện Kế hoạch số 05/KH-THLTK ngày 25/3/2022 của trường Tiểu học Lý Thường Kiệt "
        "Hành động vì sự tiến bộ phụ nữ và bình đẳng giới giai đoạn 2021-2030; "
    )
    assert citation.issuer == "trường Tiểu học Lý Thường Kiệt"
    assert citation.title == "Hành động vì sự tiến bộ phụ nữ và bình đẳng giới giai đoạn 2021-2030"


def test_title_stops_at_ellipsis():
    citation = only(
        "Kế hoạch số 1550/KH-UBND ngày 17/3/2022 về thực hiện Chương trình Truyền thông trên "
        "địa bàn tỉnh Quảng Nam… và các văn bản của Trung ương"
    )
    assert citation.title == "thực hiện Chương trình Truyền thông trên địa bàn tỉnh Quảng Nam"


def test_law_named_before_its_number():
    citation = only("Căn cứ Luật Trẻ em số 102/2016/QH13 ngày 05/4/2016;")
    assert citation.kind == LAW
    assert citation.doc_type == "Luật"
    assert citation.title == "Luật Trẻ em"
    assert citation.date == dt.date(2016, 4, 5)


@pytest.mark.parametrize(
    "text",
    [
        "ngày 01/10/2021 và 15/11 đến 15/12",
        "giai đoạn 2021- 2025, 2021 - 2030",
        "Tổng đài (số 111), (số 18001581)",
        "triển lãm tranh/ảnh, cuộc thi/giao lưu",
        "học sinh lớp 6/A",
        "100% học sinh, tỉ lệ 3/4",
    ],
)
def test_no_false_positives(text):
    assert parse_citations(text) == []


def test_bare_issuer_code_needs_a_type_or_so():
    assert only("Công văn số 123/UBND ngày 1/2/2020").number == "123/UBND"
    assert parse_citations("tỉ lệ 123/UBND") == []


def test_named_laws():
    text = (
        "phổ biến luật Bình đẳng giới; Bộ luật Lao động (sửa đổi) năm 2019; Luật Phòng, chống "
        "bạo lực gia đình; Luật bình đẳng giới; Luật Phòng chống bạo lực gia đình; Luật Trẻ em"
    )
    assert parse_named_laws(text) == [
        "Luật Bình đẳng giới",
        "Bộ luật Lao động",
        "Luật Phòng, chống bạo lực gia đình",
        "Luật Trẻ em",
    ]
    assert parse_named_laws("Luật Lao động năm 2012") == []


def test_named_law_numbers_come_from_the_registry():
    assert law_number("Luật Bình đẳng giới") == "73/2006/QH11"
    assert law_number("Bộ luật Lao động") == "45/2019/QH14"
    assert law_number("Luật Trẻ em") == "102/2016/QH13"
    assert law_number("Luật Phòng, chống bạo lực gia đình") == "13/2022/QH15"
    # Before the 2022 law was passed, the name meant the 2007 law.
    assert law_number("Luật Phòng, chống bạo lực gia đình", dt.date(2022, 3, 25)) == "02/2007/QH12"


# --- Registry seed -------------------------------------------------------------------------
SECTION_5_NUMBERS = {
    "73/2006/QH11",
    "45/2019/QH14",
    "102/2016/QH13",
    "13/2022/QH15",
    "11-NQ/TW",
    "21-CT/TW",
    "28/NQ-CP",
    "383/QĐ-BGDĐT",
    "125/2021/NĐ-CP",
    "80/2017/NĐ-CP",
    "56/2017/NĐ-CP",
    "18/2025/TT-BGDĐT",
    "31/2017/TT-BGDĐT",
    "30/2020/NĐ-CP",
    "13/2023/NĐ-CP",
}
SEED_NUMBERS = {
    "6830/KH-UBND",
    "559/SGDĐT-CTHSSV",
    "21-CT/TW",
    "125/2021/NĐ-CP",
    "56-KL/TU",
    "09-CTr/TU",
    "11-NQ/TW",
    "7041/KH-UBND",
    "1550/KH-UBND",
    "605/KH-BVSTBPN",
    "22/KH-PGDĐT",
    "05/KH-THLTK",
}
REGISTRY = {entry["number"]: entry for entry in REGISTRY_SEED}


def test_registry_covers_domain_section_5_and_both_seeds():
    assert SECTION_5_NUMBERS | SEED_NUMBERS <= set(REGISTRY)
    assert len(REGISTRY) == len(REGISTRY_SEED), "duplicate numbers"
    assert "Luật Bảo vệ dữ liệu cá nhân" in {e["title"] for e in REGISTRY_SEED}


def test_registry_entries_are_well_formed():
    keys = {"kind", "number", "doc_type", "date", "issuer", "title", "status", "replaced_by", "note"}
    for entry in REGISTRY_SEED:
        assert set(entry) == keys, entry["number"]
        assert entry["status"] in ("in_force", "replaced")
        assert (entry["status"] == "replaced") == (entry["replaced_by"] is not None)
        if entry["replaced_by"]:
            assert entry["replaced_by"] in REGISTRY
        if entry["date"]:
            dt.date.fromisoformat(entry["date"])
        for value in entry.values():
            if isinstance(value, str):
                assert value == unicodedata.normalize("NFC", value)


def test_registry_numbers_parse_back_to_themselves_with_the_same_kind():
    for entry in REGISTRY_SEED:
        citation = only(f"{entry['doc_type']} số {entry['number']}")
        assert (citation.number, citation.kind) == (entry["number"], entry["kind"])


def test_unverified_facts_carry_a_note():
    for number in ("383/QĐ-BGDĐT", "18/2025/TT-BGDĐT", "31/2017/TT-BGDĐT", "91/2025/QH15"):
        assert "kiểm tra" in REGISTRY[number]["note"]
    assert REGISTRY["31/2017/TT-BGDĐT"]["replaced_by"] == "18/2025/TT-BGDĐT"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Kế hoạch số ",
                    "6830/KH-UBND",
                    " ngày ",
                    "18/112021",
                    " của ",
                    "UBND tỉnh",
                    " về ",
                    "09- CTr/TU",
                    "125 / 2021 / NĐ-CP",
                    ";",
                    "…",
                    "\n",
                    "Luật Trẻ em",
                    " số ",
                    "38a/KH-THCSBH",
                ]
            ),
            st.text(max_size=12),
        ),
        max_size=20,
    )
)
def test_offsets_always_point_at_the_raw_text(parts):
    text = unicodedata.normalize("NFC", "".join(parts))
    for citation in parse_citations(text):
        assert text[citation.start : citation.end] == citation.raw
        assert " " not in citation.number

"""Place-date line, document numbers and codes, list markers."""

import datetime as dt

import pytest

from binhdang.documents.codes import code_for, format_number, number_line
from binhdang.documents.dates import format_place_date
from binhdang.documents.spec import Recipient, Signer, roman_numeral, vietnamese_letter


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 1, 5), "Quế Sơn, ngày 05 tháng 01 năm 2023"),
        (dt.date(2023, 3, 15), "Quế Sơn, ngày 15 tháng 3 năm 2023"),
        (dt.date(2024, 2, 1), "Quế Sơn, ngày 01 tháng 02 năm 2024"),
        (dt.date(2022, 10, 20), "Quế Sơn, ngày 20 tháng 10 năm 2022"),
        (dt.date(2022, 9, 9), "Quế Sơn, ngày 09 tháng 9 năm 2022"),
        (dt.date(2022, 12, 31), "Quế Sơn, ngày 31 tháng 12 năm 2022"),
    ],
)
def test_place_date_leading_zeros(day, expected):
    assert format_place_date("Quế Sơn", day) == expected


def test_place_date_left_blank_until_issued():
    assert format_place_date("Đống Đa", None, year=2022) == (
        "Đống Đa, ngày      tháng      năm 2022"
    )
    assert format_place_date("", dt.date(2023, 1, 5)) == "Ngày 05 tháng 01 năm 2023"


def test_codes():
    assert code_for("KH", "THPTQS") == "KH-THPTQS"
    assert code_for("QĐ", "THLTK") == "QĐ-THLTK"
    assert code_for("BC", "BVSTBPN") == "BC-BVSTBPN"
    # Công văn: issuer and drafting unit, no type.
    assert code_for("CV", "SGDĐT", "CTHSSV") == "SGDĐT-CTHSSV"
    assert code_for("CV", "THPTQS") == "THPTQS"
    with pytest.raises(ValueError):
        code_for("XX", "THPTQS")
    with pytest.raises(ValueError):
        code_for("KH", " ")


def test_numbers_have_two_digits_at_least():
    assert format_number(5, "KH-THPTQS") == "05/KH-THPTQS"
    assert format_number(38, "KH-THCSBH") == "38/KH-THCSBH"
    assert format_number(6830, "KH-UBND") == "6830/KH-UBND"
    assert number_line(5, "KH-THPTQS") == "Số: 05/KH-THPTQS"
    assert number_line(None, "KH-THPTQS") == "Số:      /KH-THPTQS"
    with pytest.raises(ValueError):
        format_number(0, "KH-THPTQS")


def test_markers():
    assert [roman_numeral(n) for n in (1, 2, 3, 4, 9, 14)] == ["I", "II", "III", "IV", "IX", "XIV"]
    assert [vietnamese_letter(n) for n in range(1, 9)] == ["a", "b", "c", "d", "đ", "e", "g", "h"]


def test_signer_lines():
    deputy = Signer(authority="KT.", authority_title="Hiệu trưởng", position="Phó hiệu trưởng",
                    name="Trần Thị B")
    assert deputy.title_lines == ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"]
    assert Signer(position="HIỆU TRƯỞNG", name="A").title_lines == ["HIỆU TRƯỞNG"]
    committee = Signer(authority="TM.", authority_title="Ban vì sự tiến bộ của phụ nữ",
                       position="Trưởng ban", name="C")
    assert committee.title_lines == ["TM. BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ", "TRƯỞNG BAN"]
    with pytest.raises(ValueError):
        Signer(authority="KT.", position="PHÓ HIỆU TRƯỞNG", name="D")


def test_recipient_text():
    assert Recipient("Sở GDĐT", "để báo cáo").text == "Sở GDĐT (để báo cáo)"
    assert Recipient.archive().text == "Lưu: VT"
    assert Recipient.archive().is_archive

"""Roster files: type by content, encodings, delimiters, header recognition, row checks."""

import datetime as dt
import io

import pytest

from binhdang.people.importing.headers import detect_columns, detect_kind, field_for, find_header_row
from binhdang.people.importing.pipeline import FileProblem, prepare
from binhdang.people.importing.reading import ReadError, read_rows

from .import_helpers import STUDENT_HEADER, STUDENTS, csv_bytes, students_xlsx, xlsx_bytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(200)


@pytest.mark.parametrize("header, field", [
    ("Họ và tên", "full_name"), ("HỌ VÀ TÊN", "full_name"), ("ho va ten", "full_name"),
    ("  Họ   và  tên ", "full_name"), ("Họ tên", "full_name"), ("Ho_Ten", "full_name"),
    ("Họ và tên học sinh", "full_name"), ("Giới tính", "sex"), ("GIOI TINH", "sex"),
    ("Nam/Nữ", "sex"), ("Giới", "sex"), ("Ngày sinh", "date_of_birth"),
    ("Ngày sinh (dd/mm/yyyy)", "date_of_birth"), ("Ngày, tháng, năm sinh", "date_of_birth"),
    ("Lớp", "class_name"), ("LỚP", "class_name"), ("Mã học sinh", "external_id"),
    ("Mã định danh", "external_id"), ("Mã HS", "external_id"), ("Mã CB", "external_id"),
    ("Số định danh", "external_id"), ("Chức vụ", "position"), ("Chức vụ lớp", "cadre_role"),
    ("Cán bộ lớp", "cadre_role"), ("Tổ chuyên môn", "subject"), ("Môn", "subject"),
    ("Đạt chuẩn", "meets_new_standard"), ("Họ", "family_name"), ("Họ đệm", "family_and_middle"),
    ("Tên đệm", "middle_name"), ("Tên", "given_name"), ("STT", "ignored"), ("Quê quán", ""),
    # Decomposed Unicode (typed on a Mac) is the same header.
    ("Ho\u0323 va\u0300 tên", "full_name"),
])
def test_header_variants(header, field):
    assert field_for(header) == field


def test_header_row_found_below_a_title_block():
    rows = [["TRƯỜNG TIỂU HỌC A"], ["DANH SÁCH HỌC SINH NĂM HỌC 2026-2027"], [], STUDENT_HEADER, STUDENTS[0]]
    assert find_header_row(rows) == 3
    columns = detect_columns(rows[3])
    assert [c.field for c in columns] == ["ignored", "external_id", "full_name", "sex", "date_of_birth",
                                          "class_name", "cadre_role"]
    assert detect_kind(columns) == "students"
    assert detect_kind(detect_columns(["Họ và tên", "Chức vụ"])) == "staff"


def test_xlsx_with_title_rows_gives_spreadsheet_row_numbers():
    data = xlsx_bytes([STUDENT_HEADER, *STUDENTS], title_rows=[["DANH SÁCH"], [None]])
    prepared = prepare(io.BytesIO(data))
    assert prepared.kind == "students"
    assert [p.row for p in prepared.people] == [4, 5, 6]
    hoa = prepared.people[0]
    assert (hoa.family_name, hoa.middle_name, hoa.given_name) == ("Nguyễn", "Thị", "Hoa")
    assert (hoa.sex, hoa.date_of_birth, hoa.class_name, hoa.cadre_roles) == (
        "F", dt.date(2018, 9, 5), "3A1", ["monitor"])
    assert prepared.people[2].date_of_birth == dt.date(2018, 3, 7)


def test_xlsx_date_cells_and_excel_serials():
    rows = [STUDENT_HEADER, [1, "A1", "Phạm Thu Hà", "Nữ", dt.datetime(2017, 2, 3), "4A", None],
            [2, 123456.0, "Đỗ Minh", "M", 43101, "4A", None]]
    prepared = prepare(io.BytesIO(xlsx_bytes(rows)))
    assert prepared.errors == []
    assert prepared.people[0].date_of_birth == dt.date(2017, 2, 3)
    assert prepared.people[1].date_of_birth == dt.date(2018, 1, 1)
    assert prepared.people[1].external_id == "123456"
    assert (prepared.people[1].family_name, prepared.people[1].given_name) == ("Đỗ", "Minh")


@pytest.mark.parametrize("encoding, delimiter", [("utf-8-sig", ";"), ("utf-8", ","), ("cp1258", ";"),
                                                 ("utf-16", "\t")])
def test_csv_encodings_and_delimiters(encoding, delimiter):
    data = csv_bytes([STUDENT_HEADER, *STUDENTS], delimiter=delimiter, encoding=encoding)
    prepared = prepare(io.BytesIO(data))
    assert prepared.errors == []
    assert [p.given_name for p in prepared.people] == ["Hoa", "Nam", "Anh"]
    assert prepared.people[2].family_name == "Lê"
    assert prepared.people[2].middle_name == "Đức"


def test_split_name_columns():
    rows = [["Mã CB", "Họ đệm", "Tên", "Chức vụ", "Tổ chuyên môn", "Đạt chuẩn"],
            ["CB1", "Nguyễn Thị Thu", "Hà", "P. Hiệu trưởng", "", "Có"],
            ["CB2", "Vũ", "Long", "TPT Đội", "", "Chưa"],
            ["CB3", "Hồ Văn", "Tâm", "Kế toán", "Văn phòng", ""]]
    prepared = prepare(io.BytesIO(xlsx_bytes(rows)))
    assert prepared.kind == "staff" and prepared.errors == []
    ha, long_, tam = prepared.people
    assert (ha.family_name, ha.middle_name, ha.given_name, ha.position, ha.meets_new_standard) == (
        "Nguyễn", "Thị Thu", "Hà", "vice_principal", True)
    assert (long_.family_name, long_.middle_name, long_.position, long_.meets_new_standard) == (
        "Vũ", "", "pioneer_leader", False)
    assert (tam.position, tam.subject, tam.meets_new_standard) == ("staff", "Văn phòng", None)


def test_renamed_png_is_not_a_roster():
    with pytest.raises(FileProblem, match="Tệp không phải Excel hay CSV"):
        prepare(io.BytesIO(PNG))


def test_zip_that_is_not_a_workbook():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(ReadError, match="Tệp không phải Excel hay CSV"):
        read_rows(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize("data", [b"", b"  \r\n ", xlsx_bytes([])])
def test_empty_file(data):
    with pytest.raises(FileProblem, match="Tệp trống"):
        prepare(io.BytesIO(data))


def test_header_only_has_zero_rows():
    with pytest.raises(FileProblem, match=r"không có dòng dữ liệu nào \(0 dòng\)"):
        prepare(io.BytesIO(xlsx_bytes([STUDENT_HEADER])))


def test_no_header_row():
    with pytest.raises(FileProblem, match='Không tìm thấy dòng tiêu đề trong 15 dòng đầu'):
        prepare(io.BytesIO(xlsx_bytes([["a", "b"], [1, 2]])))


def test_kind_cannot_be_told_without_class_or_position():
    with pytest.raises(FileProblem, match="Không rõ đây là danh sách học sinh hay cán bộ"):
        prepare(io.BytesIO(xlsx_bytes([["Họ và tên", "Giới tính"], ["An", "Nam"]])))
    prepared = prepare(io.BytesIO(xlsx_bytes([["Họ và tên", "Giới tính"], ["An", "Nam"]])), kind="staff")
    assert prepared.people[0].position == "teacher"


def test_row_problems_are_named_by_row_column_and_reason():
    rows = [
        [1, "HS001", "Nguyễn Thị Hoa", "Nữa", "05/09/2018", "3A1", ""],
        [2, "HS002", "", "Nam", "31/02/2018", "3A1", ""],
        [3, "HS001", "Lê Văn Bình", "Nam", "01/01/2018", "", "Lớp trưởng ban"],
    ]
    prepared = prepare(io.BytesIO(students_xlsx(rows)))
    texts = [str(e) for e in prepared.errors]
    assert texts == [
        'Dòng 2, cột "Giới tính": giá trị "Nữa" không hợp lệ (dùng Nam hoặc Nữ, để trống nếu chưa rõ)',
        'Dòng 3, cột "Họ và tên": thiếu họ và tên',
        'Dòng 3, cột "Ngày sinh": "31/02/2018" không phải ngày hợp lệ (dùng dd/mm/yyyy)',
        'Dòng 4, cột "Lớp": thiếu tên lớp',
        'Dòng 4, cột "Chức vụ lớp": không rõ chức vụ lớp "Lớp trưởng ban" (ví dụ: Lớp trưởng, Lớp phó, '
        'Chi đội trưởng, Bí thư chi đoàn)',
        'Dòng 4, cột "Mã học sinh": mã "HS001" trùng với dòng 2',
    ]
    assert prepared.errors[0].as_dict() == {"row": 2, "column": "Giới tính", "message":
                                            'giá trị "Nữa" không hợp lệ (dùng Nam hoặc Nữ, để trống nếu chưa rõ)'}


def test_blank_sex_is_not_recorded():
    rows = [[1, "HS9", "Mai Lan", None, None, "1A", None]]
    person = prepare(io.BytesIO(students_xlsx(rows))).people[0]
    assert (person.sex, person.date_of_birth) == ("U", None)

"""The report's JSON: exactly the issue's shape, with positions, occupations and activities by sex."""

from binhdang.review.analysis import read_material, review_material

from .samples import docx_bytes

TEXT = """Bài 1. Gia đình em
Chị Lan là bác sĩ, anh Minh là y tá.
Bố đọc báo, còn mẹ nấu cơm.

Con gái phải dịu dàng.
"""


def test_json_shape_and_positions_of_a_text_file():
    data = review_material(read_material("bai.txt", TEXT.encode())).to_json()
    assert list(data) == ["female_share", "characters", "occupations", "activities", "flags"]
    assert [(f["line"], f["page"], f["rule"]) for f in data["flags"]] == [
        (3, None, "role_contrast"), (5, None, "prescriptive")]
    assert set(data["flags"][0]) == {"line", "page", "sentence", "rule", "explanation", "suggestion"}
    assert data["flags"][1]["sentence"] == "Con gái phải dịu dàng."
    occupations = {row["occupation"]: row for row in data["occupations"]}
    assert (occupations["bác sĩ"]["female"], occupations["y tá"]["male"]) == (1, 1)
    activities = {row["domain"]: row for row in data["activities"]}
    # mẹ nấu cơm; anh Minh là y tá (a man in care work); con gái … dịu dàng
    assert (activities["care"]["female"], activities["care"]["male"], activities["emotion"]["female"]) == (1, 1, 1)
    assert data["female_share"] == 0.5  # Lan, mẹ / Minh, bố


def test_docx_flags_carry_the_page():
    data = docx_bytes(["Mở đầu.", "Đàn ông không được khóc."], page_break_after=0)
    flags = review_material(read_material("bai.docx", data)).to_json()["flags"]
    assert [(f["line"], f["page"]) for f in flags] == [(None, 2)]


def test_progress_is_reported_to_the_end():
    seen = []
    text = "\n".join(f"Đoạn {n}: mẹ nấu cơm." for n in range(120))
    review_material(read_material("dai.txt", text.encode()), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(50, 120), (100, 120), (120, 120)]

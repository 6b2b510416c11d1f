"""Gendered mentions: exclusions, titles, names (title, Thị/Văn, given-name lists), groups; characters."""

import pytest

from binhdang.review.analysis import read_material, review_material
from binhdang.review.analysis.mentions import find_mentions


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.sex, m.kind) for m in find_mentions(text)]


@pytest.mark.parametrize("text", [
    "Các em chú ý nghe giảng.", "Bà con trong xóm đến giúp.", "Cây bàng cô đơn giữa sân.",
    "Bác sĩ khám bệnh cho em.", "Đó là một anh hùng của dân tộc.", "Người dân miền Nam đón Tết.",
    "Chú thích ở cuối trang.", "Em học tiếng Anh.", "Ông bà ta có câu.", "Thầy cô rất vui.",
    "Nam châm hút sắt.", "Học sinh đi tham quan Hà Nội và Thái Lan.",
])
def test_exclusions_make_no_mention(text):
    assert found(text) == []


def test_titles_and_kinship_words():
    assert found("Mẹ nấu cơm, bố rửa bát.") == [("Mẹ", "F", "person"), ("bố", "M", "person")]
    assert found("Chị Lan và anh Minh đi học.") == [("Chị Lan", "F", "named"), ("anh Minh", "M", "named")]
    assert found("Bác Tư là nông dân.") == [("Bác Tư", "A", "named")]


def test_named_people_take_sex_from_middle_name_then_given_name():
    assert found("Bạn Nguyễn Văn Minh và bạn Trần Thị Ngọc.") == [
        ("Nguyễn Văn Minh", "M", "named"), ("Trần Thị Ngọc", "F", "named")]
    assert found("Hôm nay Hùng và Hương đi học.") == [("Hùng", "M", "named"), ("Hương", "F", "named")]
    assert found("Hôm nay Minh đi học.") == [("Minh", "A", "named")]


def test_groups_and_pronouns():
    assert found("Con gái và con trai đều học giỏi.") == [("Con gái", "F", "group"), ("con trai", "M", "group")]
    assert found("Cô ấy đến muộn.") == [("Cô ấy", "F", "pronoun")]


# Hand-annotated lessons: (text, female characters, male characters, ambiguous) counted by a person.
LESSONS = [
    ("Bài 1. Buổi sáng ở nhà bạn Lan\n"
     "Sáng chủ nhật, bố Lan dậy sớm tưới cây. Mẹ Lan đi chợ. Lan và em trai Minh quét sân. "
     "Ông nội ngồi đọc sách, bà nội kể chuyện cho cháu nghe. Chú Hùng, hàng xóm, sang rủ bố đi đá bóng. "
     "Cô Mai, bạn của mẹ, là bác sĩ.", 4, 4, 0),
    ("Bài 2. Lớp em\n"
     "Cô giáo Hằng là giáo viên chủ nhiệm lớp 4A. Lớp trưởng là bạn Nguyễn Văn Tùng, lớp phó là bạn Trần Thị "
     "Ngọc. Thầy hiệu trưởng đến thăm lớp. Bạn Ngọc tặng cô Hằng một bó hoa. Các bạn nam và các bạn nữ cùng hát.",
     2, 2, 0),
    ("Bài 3. Những tấm gương\n"
     "Võ Thị Sáu là nữ anh hùng. Chị Nguyễn Thị Ánh Viên là vận động viên bơi lội. Anh Phạm Tuân là người Việt "
     "Nam đầu tiên bay vào vũ trụ. Ông Trần Đại Nghĩa chế tạo vũ khí. Bà Nguyễn Thị Định là nữ tướng. "
     "Nhà bác học Lương Định Của nghiên cứu giống lúa.", 3, 2, 1),
]


@pytest.mark.parametrize("text, female, male, ambiguous", LESSONS)
def test_characters_of_hand_annotated_lessons(text, female, male, ambiguous):
    report = review_material(read_material("bai.txt", text.encode()))
    by_lesson = report.to_json()["characters"]["by_lesson"]
    assert len(by_lesson) == 1
    got = by_lesson[0]
    expected_share = female / (female + male)
    assert abs(got["female_share"] - expected_share) <= 0.03
    assert (got["female"], got["male"], got["ambiguous"]) == (female, male, ambiguous)


def test_female_share_over_lessons_and_lesson_titles():
    text = "\n".join(t for t, *_ in LESSONS)
    data = review_material(read_material("sach.txt", text.encode())).to_json()
    assert [row["lesson"] for row in data["characters"]["by_lesson"]] == [
        "Bài 1. Buổi sáng ở nhà bạn Lan", "Bài 2. Lớp em", "Bài 3. Những tấm gương"]
    assert abs(data["female_share"] - 9 / 17) <= 0.03

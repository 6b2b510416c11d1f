"""Materials review: a generated 300-page textbook text (25 lines a page, about 116,000 words) is read and
reviewed (mentions, characters, occupations, activities, flags), against word segmentation alone of the
same text in the same run.

    python benchmarks/review.py [pages]

No database: the analysis package is pure Python (binhdang/review/analysis).
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _django import median_of  # noqa: E402

from binhdang.review.analysis import read_material, review_material  # noqa: E402
from binhdang.review.analysis.mentions import segmenter  # noqa: E402
from binhdang.review.analysis.segmenting import sentences  # noqa: E402

LINES_PER_PAGE = 25  # one sentence a line: about 300 words a page, as in a textbook
NAMES = ["Lan", "Hùng", "Mai", "Minh", "Hoa", "Nam", "Thảo", "Tuấn", "Ngọc", "Dũng"]
TEMPLATES = [
    "Sáng nay {a} cùng các bạn trong lớp đi tham quan bảo tàng của tỉnh và ghi chép cẩn thận.",
    "Chị {a} là bác sĩ ở bệnh viện huyện, còn anh {b} là giáo viên dạy toán ở trường làng.",
    "Bố đọc báo, còn mẹ nấu cơm cho cả nhà trong bữa tối ấm cúng.",
    "Các em chú ý quan sát tranh và trả lời câu hỏi ở cuối bài học hôm nay.",
    "Bà con trong xóm cùng nhau dọn dẹp đường làng trước ngày Tết.",
    "Con gái phải biết nấu ăn và giữ gìn nhà cửa sạch sẽ.",
    "Theo Luật Bình đẳng giới, nam và nữ có quyền như nhau trong học tập và lao động.",
    "Ông nội kể cho {a} nghe chuyện về người anh hùng của dân tộc.",
    "Bạn {a} và bạn {b} cùng làm thí nghiệm trong phòng học bộ môn khoa học.",
    "Người dân miền Nam đón Tết bằng bánh tét, còn miền Bắc gói bánh chưng.",
    "Cô giáo hướng dẫn cả lớp viết đoạn văn ngắn về người thân trong gia đình.",
    "Đàn ông không được khóc trước mặt người khác.",
    "Chú {b} lái xe chở hàng, còn cô {a} sửa máy tính cho cả văn phòng.",
    "Mỗi buổi sáng, cả lớp tập thể dục giữa giờ dưới sân trường rộng rãi.",
]


def generate(pages: int, seed: int = 9) -> str:
    rng = random.Random(seed)
    lines = []
    for page in range(pages):
        if page % 10 == 0:
            lines.append(f"Bài {page // 10 + 1}. Chủ đề {page // 10 + 1}")
        while len(lines) < (page + 1) * LINES_PER_PAGE:
            a, b = rng.sample(NAMES, 2)
            lines.append(rng.choice(TEMPLATES).format(a=a, b=b))
    return "\n".join(lines)


def main(pages: int = 300) -> None:
    data = generate(pages).encode()
    material = read_material("sach.txt", data)
    words = sum(len(p.text.split()) for p in material.paragraphs)
    seg = segmenter()

    def segment_only():
        return sum(len(seg.words_of(p.text[a:b])) for p in material.paragraphs for a, b in sentences(p.text))

    def full_review():
        return review_material(read_material("sach.txt", data))

    _, seg_seconds = median_of(3, segment_only)
    report, review_seconds = median_of(3, full_review)
    print(f"{pages} pages, {len(material.paragraphs)} lines, {words:,} words, {report.sentences:,} sentences")
    print(f"word segmentation alone: {seg_seconds:.2f} s ({pages / seg_seconds:,.0f} pages/s)")
    print(f"full review (read, mentions, characters, tables, flags): {review_seconds:.2f} s "
          f"({pages / review_seconds:,.0f} pages/s), {len(report.flags):,} flags")
    print(f"review / segmentation: {review_seconds / seg_seconds:.2f}×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

"""Curated sexist sayings (tục ngữ, thành ngữ, ca dao) with an explanation and a neutral alternative.

Matched on folded text (no diacritics, no punctuation), so a saying typed without accents or with
other punctuation is still found. Sayings that praise women ("Giặc đến nhà, đàn bà cũng đánh") or
say the sexes are equal are deliberately not here.
"""

import re
import unicodedata

# (core fragment that identifies the saying, what it implies, a neutral alternative)
SAYINGS = [
    ("đàn bà xây tổ ấm", "Chia việc theo giới: nam làm việc lớn, nữ lo việc nhà.",
     "Cả gia đình cùng xây nhà và cùng vun đắp tổ ấm."),
    ("thập nữ viết vô", "Coi mười người con gái không bằng một người con trai (trọng nam khinh nữ).",
     "Con trai hay con gái đều quý như nhau."),
    ("trai tài gái sắc", "Đánh giá nam bằng tài năng, nữ bằng nhan sắc.",
     "Ai cũng cần được đánh giá bằng năng lực và phẩm chất."),
    ("trai tài gái đảm", "Khen nam ở tài năng, nữ ở sự đảm đang việc nhà.",
     "Ai cũng có thể vừa giỏi giang vừa chu đáo."),
    ("trai thanh gái lịch", "Gán phẩm chất khác nhau cho nam và nữ.",
     "Người dân nơi đây thanh lịch, mến khách."),
    ("con gái là con người ta", "Coi con gái không thuộc về gia đình mình sau khi lấy chồng.",
     "Con gái hay con trai đều là con của cha mẹ."),
    ("năm thê bảy thiếp", "Chấp nhận cho nam nhiều vợ trong khi nữ phải chung thuỷ một chồng.",
     "Vợ chồng chung thuỷ, tôn trọng nhau."),
    ("gái chính chuyên", "Đòi hỏi chung thuỷ chỉ ở phụ nữ.", "Vợ chồng chung thuỷ, tôn trọng nhau."),
    ("công dung ngôn hạnh", "Chuẩn mực chỉ đặt ra cho phụ nữ.",
     "Mọi người đều cần chăm chỉ, lịch sự và có đạo đức."),
    ("tam tòng tứ đức", "Buộc phụ nữ phụ thuộc vào cha, chồng, con.",
     "Mọi người đều được tự quyết cuộc sống của mình."),
    ("gái khôn tìm chồng", "Gán cho nam và nữ những cách chọn bạn đời khác nhau theo giới.",
     "Ai cũng tự do chọn người bạn đời phù hợp."),
    ("hạt mưa sa hạt vào đài các", "Coi số phận phụ nữ do người chồng quyết định.",
     "Mỗi người tự quyết định con đường của mình."),
    ("đàn bà rộng miệng", "Chê phụ nữ nói nhiều trong khi khen nam giới cùng tính cách đó.",
     "Ai cũng nên nói năng đúng mực."),
    ("đàn ông nông nổi", "Gán tính cách cho cả một giới.", "Mỗi người có tính cách riêng, không do giới tính."),
    ("gái thì tiết hạnh", "Đặt chuẩn mực khác nhau cho nam và nữ.", "Ai cũng cần sống trung thực, có đạo đức."),
    ("con dâu mới thật mẹ cha mua về", "Coi con dâu như người được mua về để làm việc.",
     "Con dâu là thành viên bình đẳng trong gia đình."),
    ("gái theo chồng", "Buộc phụ nữ phụ thuộc vào chồng.", "Vợ chồng cùng bàn bạc, quyết định."),
    ("xuất giá tòng phu", "Buộc phụ nữ phụ thuộc vào chồng.", "Vợ chồng cùng bàn bạc, quyết định."),
    ("phu xướng phụ tuỳ", "Chồng quyết, vợ theo: vai trò thứ yếu của phụ nữ.", "Vợ chồng cùng bàn bạc, quyết định."),
    ("nam ngoại nữ nội", "Chia việc theo giới: nam lo việc ngoài xã hội, nữ lo việc nhà.",
     "Cả nam và nữ đều tham gia việc nhà và việc xã hội."),
    ("nữ chủ nội", "Chia việc theo giới: nữ lo việc nhà.", "Cả nam và nữ đều tham gia việc nhà và việc xã hội."),
    ("chồng chúa vợ tôi", "Coi người vợ lệ thuộc người chồng.", "Vợ chồng bình đẳng, tôn trọng nhau."),
    ("con hư tại mẹ", "Đổ trách nhiệm dạy con cho riêng người mẹ.", "Cha mẹ cùng có trách nhiệm dạy con."),
    ("đái không qua ngọn cỏ", "Coi thường năng lực của phụ nữ.", "Phụ nữ và nam giới đều có năng lực như nhau."),
    ("chân yếu tay mềm", "Coi phụ nữ là yếu đuối.", "Mỗi người có sức khoẻ và năng lực riêng."),
    ("thân gái dặm trường", "Coi phụ nữ đi xa, tự lập là điều đáng thương.",
     "Ai cũng có thể đi xa lập nghiệp."),
    ("làm trai cho đáng nên trai", "Đặt chí hướng lớn là việc của riêng nam giới.",
     "Ai cũng có thể có chí lớn."),
    ("đàn bà không biết nuôi heo", "Gán việc nhà cho phụ nữ và việc nặng cho nam giới.",
     "Mọi thành viên trong gia đình cùng chia sẻ công việc."),
    ("gái có công chồng chẳng phụ", "Đặt bổn phận phục vụ chồng cho người vợ.",
     "Vợ chồng cùng ghi nhận công sức của nhau."),
]

_NON_WORD = re.compile(r"[^\w]+")


def folded(text: str) -> str:
    """Lower case, no diacritics (đ → d), words separated by one space. Every Vietnamese letter but đ
    decomposes to an ASCII letter and combining marks, so dropping what is not ASCII drops the marks."""
    plain = unicodedata.normalize("NFD", text.lower().replace("đ", "d")).encode("ascii", "ignore").decode()
    return " " + _NON_WORD.sub(" ", plain).strip() + " "


_FOLDED = [(folded(core), core, meaning, alternative) for core, meaning, alternative in SAYINGS]


def find_saying(sentence: str) -> tuple[str, str, str] | None:
    """(saying fragment as curated, what it implies, alternative) when the sentence holds a listed saying."""
    text = folded(sentence)
    for key, core, meaning, alternative in _FOLDED:
        if key in text:
            return core, meaning, alternative
    return None

"""The review's curated word lists (matching form: lower case, tone on the second vowel of oa/oe/uy).

Everything the review finds comes from these lists and the rules in flags.py, so a reviewer can see
why a word counted. Sex codes: "F" female, "M" male, "U" unknown (a title that says nothing about sex).
"""

from .normalising import matching_form


def _words(text: str) -> list[str]:
    return [matching_form(w.strip()) for w in text.split(",") if w.strip()]


# Generic groups: "con gái" in "Con gái phải…" speaks of every girl; these subjects make a
# sentence a generalisation (flags.py). "làm trai", "là con gái" are the idioms of the same kind.
GROUP_F = _words(
    "con gái, phụ nữ, đàn bà, nữ giới, phái nữ, phái yếu, bé gái, các bé gái, học sinh nữ, bạn nữ, "
    "các bạn nữ, em nữ, các em nữ, nữ sinh, các nữ sinh, người vợ, người mẹ, làm vợ, làm mẹ, làm gái, "
    "làm dâu, con dâu, chị em phụ nữ, lao động nữ, các cô gái, những cô gái, các bà mẹ, những người mẹ, "
    "các bà vợ, nhiều cô gái, thiếu nữ, gái, nữ, người phụ nữ, đàn bà con gái, con gái con đứa")
GROUP_M = _words(
    "con trai, đàn ông, nam giới, phái nam, phái mạnh, bé trai, các bé trai, học sinh nam, bạn nam, "
    "các bạn nam, em nam, các em nam, nam sinh, các nam sinh, người chồng, người cha, người bố, "
    "làm chồng, làm cha, làm trai, đấng mày râu, cánh đàn ông, các chàng trai, những chàng trai, "
    "các ông bố, những người cha, các cậu bé, lao động nam, trai, nam, người đàn ông, đàn ông con trai, "
    "con rể")

# Kinship and title words for one person ("mẹ", "chú Hùng").
PERSON_F = _words(
    "mẹ, má, bầm, bà, bà nội, bà ngoại, bà cụ, cụ bà, bà lão, chị, chị gái, cô, cô giáo, cô bé, cô gái, "
    "dì, mợ, thím, em gái, cháu gái, bác gái, vợ, cô dâu, nàng, công chúa, hoàng hậu, nữ hoàng, bà mẹ, "
    "mẹ chồng, mẹ vợ, chị ấy, cô ấy, bà ấy, bà ta, cô ta, chị ta, nữ anh hùng, nữ sĩ, bà xã, em bé gái")
PERSON_M = _words(
    "bố, cha, thầy, thầy giáo, ông, ông nội, ông ngoại, ông cụ, cụ ông, ông lão, anh, anh trai, chú, "
    "chú bé, cậu, cậu bé, dượng, em trai, cháu trai, bác trai, chồng, chú rể, chàng, chàng trai, "
    "hoàng tử, vua, anh ấy, ông ấy, cậu ấy, ông ta, anh ta, hắn, ông xã, anh chàng, bố chồng, bố vợ")
PERSON_U = _words(
    "bác, cụ")

# Words that contain a gendered syllable but are no mention: the segmenter keeps them whole.
# Pairs of both sexes ("bố mẹ", "anh chị") are a household or a group, not a man and a woman.
EXCLUSIONS = _words(
    "chú ý, chú thích, chú giải, chú trọng, chú tâm, bà con, cô đơn, cô độc, cô lập, cô đọng, cô đặc, "
    "cô quạnh, cô nhi, cô hồn, cô tô, bác sĩ, bác học, bác bỏ, bác ái, anh hùng, anh dũng, anh minh, "
    "anh tài, anh đào, anh túc, tinh anh, tiếng anh, nước anh, người anh, anh quốc, vương quốc anh, "
    "anh em, chị em, ông bà, bố mẹ, cha mẹ, ba mẹ, anh chị, cô chú, cô bác, thầy cô, ông cha, cha ông, "
    "con cái, giống cái, giống đực, miền nam, việt nam, phía nam, phương nam, hướng nam, nam bộ, "
    "nam định, hà nam, quảng nam, nam cực, nam châm, nam mỹ, nam phi, nam á, đông nam á, tây nam, "
    "đông nam, nam kỳ, nam kì, nam trung bộ, trọng nam khinh nữ, nam nữ, ông trời, ông mặt trời, "
    "ông trăng, bà nà, bà rịa, bà đen, thầy thuốc, thầy bói, thầy cúng, bà đỡ, bà mụ, nam tính, nữ tính, "
    "dậy thì, nam mô, thái lan, thái bình, hà nội, hà tĩnh, hà giang, hải phòng, đà nẵng, cà mau, "
    "vĩnh long, bình dương, bình định, quảng bình, ninh bình, hoà bình, long an, an giang, kiên giang, "
    "tiền giang, hậu giang, quảng ngãi, lạng sơn, tuyên quang, lâm đồng, đồng nai, tây ninh, sơn la, "
    "lào cai, yên bái, phú thọ, nghệ an, trường sa, hoàng sa, cửu long, sông hồng, hạ long, biển đông, "
    "trung quốc, quốc hội, thanh hoá, thừa thiên huế")

# Family names open a full name; Thị / Văn in the middle tell the sex before the given name does.
FAMILY_NAMES = set(_words(
    "nguyễn, trần, lê, phạm, hoàng, huỳnh, phan, vũ, võ, đặng, bùi, đỗ, hồ, ngô, dương, lý, lí, đinh, "
    "trịnh, mai, cao, lương, trương, đoàn, lâm, tạ, tô, chu, châu, hà, kiều, quách, thái, triệu, vương, "
    "phùng, lưu, tăng, khúc, mạc, văn, từ, la, đào, nông, lò, hứa, giang, cù, thân, doãn, âu"))
MIDDLE_F, MIDDLE_M = matching_form("thị"), matching_form("văn")

GIVEN_F = set(_words(
    "lan, hoa, mai, hương, thảo, trang, hằng, nga, nhung, huyền, thu, hồng, hạnh, yến, loan, vy, vi, "
    "nhi, ly, my, ánh, diệp, cúc, đào, oanh, thuỷ, hiền, duyên, quyên, thơ, tuyết, liên, uyên, ngân, "
    "trinh, dung, lệ, nguyệt, hân, thư, bích, diễm, kiều, lụa, tấm, cám, sáu, khai, trâm, chi, phượng, "
    "nương, hậu, xuyến, quế, thắm, điệp, nhàn, thoa, hoà, vân, tiên, nữ, gấm, na, nụ, lành, mến, thương, "
    "diệu, ngọc ánh, thuý, nhạn, lài, lý, xoan"))
GIVEN_M = set(_words(
    "nam, hùng, dũng, tuấn, long, sơn, tùng, cường, đức, huy, hưng, khoa, kiên, lâm, lợi, mạnh, nghĩa, "
    "phong, phúc, quang, quân, tài, thắng, thành, thịnh, tiến, toàn, trung, việt, vinh, vũ, hoàng, hiếu, "
    "đạt, khôi, phát, thạch, công, lực, tín, núp, gióng, tèo, tí, bờm, cuội, sọ dừa, tý, hải, hiệp, hào, "
    "hiển, khang, luân, nhân, quyết, sang, tâm, thuận, trọng, tú, tuệ, vĩnh, lộc, bảo, chiến, điền, "
    "định, hoan, khải, lương, sỹ, sĩ, thái, thiện, trí, trường, tuấn anh, vượng, kha, đăng"))
# Given names used for both sexes: the person counts as "ambiguous" unless a title or Thị/Văn decides.
GIVEN_AMBIGUOUS = set(_words(
    "minh, linh, ngọc, phương, giang, bình, xuân, an, thanh, khánh, hà, hiền, tâm, hạnh phúc, anh, châu, "
    "quỳnh, trúc, kim, nhật, thiên, lam, hoà, tú, dương, yên, vân, hậu, thảo nguyên"))
GIVEN_F -= GIVEN_AMBIGUOUS
GIVEN_M -= GIVEN_AMBIGUOUS
# Capitalised at the start of a sentence these are more often the everyday word ("Mai em đi học").
SENTENCE_START_WORDS = set(_words(
    "mai, xuân, thu, hè, đông, sáng, an, hoà, bình, thương, vui"))

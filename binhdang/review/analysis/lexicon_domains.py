"""Occupations and activity domains (matching form). An entry is a word or a phrase; single-syllable
entries match whole words only, so "giặt" matches "giặt giũ"'s first word but not a longer compound."""

from .normalising import matching_form


def _words(text: str) -> list[str]:
    return [matching_form(w.strip()) for w in text.split(",") if w.strip()]


# Occupation → sex the word itself carries ("cô giáo" is a woman), else "" (taken from the sentence).
OCCUPATIONS = {w: "" for w in _words(
    "bác sĩ, y tá, điều dưỡng, dược sĩ, kỹ sư, kĩ sư, giáo viên, nhà giáo, hiệu trưởng, nông dân, "
    "công nhân, phi công, bộ đội, chiến sĩ, công an, cảnh sát, lính cứu hoả, nhà khoa học, "
    "nhà nghiên cứu, lập trình viên, đầu bếp, thợ may, thợ xây, thợ điện, thợ mộc, thợ cắt tóc, thợ máy, "
    "lái xe, tài xế, kế toán, thư ký, thư kí, giám đốc, chủ tịch, người bán hàng, bán hàng, nội trợ, "
    "ca sĩ, diễn viên, nhà văn, nhà thơ, hoạ sĩ, nhạc sĩ, vận động viên, cầu thủ, huấn luyện viên, "
    "bảo mẫu, người giúp việc, giúp việc, thuyền trưởng, thuỷ thủ, ngư dân, kiến trúc sư, luật sư, "
    "thẩm phán, nhà báo, phóng viên, bưu tá, tiếp viên, tiếp viên hàng không, phi hành gia, "
    "nhà du hành vũ trụ, doanh nhân, thầy thuốc, thầy bói, bà đỡ, cô giáo, thầy giáo, nữ sinh, "
    "kỹ thuật viên, kĩ thuật viên, lao công, bảo vệ, thợ hàn, thợ sửa xe, người mẫu, thủ tướng, "
    "bộ trưởng, đại biểu quốc hội, cán bộ, nhân viên, thợ điện nước, tổng thống, tướng, nhà toán học, "
    "nhà vật lý")}
OCCUPATIONS[matching_form("cô giáo")] = "F"
OCCUPATIONS[matching_form("thầy giáo")] = "M"
OCCUPATIONS.pop(matching_form("nữ sinh"))

# Activity domains: the keys are the JSON's, the labels the report's (translated in the web layer).
DOMAINS = {
    "care": _words(
    "nấu cơm, nấu ăn, nấu nướng, cơm nước, bếp núc, đi chợ, giặt, giặt giũ, giặt quần áo, phơi quần áo, "
    "quét, quét nhà, lau nhà, lau dọn, dọn dẹp, rửa bát, rửa chén, khâu, khâu vá, may vá, thêu thùa, "
    "chăm sóc, chăm con, trông em, trông em bé, bế em, cho con ăn, cho con bú, ru con, ru em, nội trợ, "
    "việc nhà, làm việc nhà, chăm lo, đỡ đần, dọn cơm, nhặt rau, tắm cho em, cho gà ăn, chợ búa, y tá, "
    "bảo mẫu, giúp việc, vá áo, thu dọn, nấu, lo cơm nước, phục vụ, hầu hạ, dọn nhà, trông nhà, cắm hoa"),
    "paid_work": _words(
    "đi làm, làm việc, kiếm tiền, làm ruộng, cày ruộng, cày, buôn bán, bán hàng, kinh doanh, làm thuê, "
    "lương, nhà máy, công ty, xí nghiệp, làm thợ, trụ cột kinh tế, nuôi cả nhà, làm nghề, đánh cá, lái, "
    "chở hàng, xây nhà, sửa xe, sửa máy, đồng áng, gặt lúa, máy cày"),
    "leadership": _words(
    "lãnh đạo, chỉ huy, điều hành, quyết định, làm chủ, lớp trưởng, chủ tịch, giám đốc, đội trưởng, "
    "trưởng nhóm, hiệu trưởng, trụ cột, đi họp, chủ trì, thuyền trưởng, thủ lĩnh, quản lý, quản lí, "
    "tổng thống, thủ tướng"),
    "science": _words(
    "nghiên cứu, thí nghiệm, máy tính, lập trình, kỹ thuật, kĩ thuật, khoa học, toán, toán học, vật lý, "
    "vật lí, hoá học, phát minh, sáng chế, robot, rô-bốt, công nghệ, kỹ sư, kĩ sư, phần mềm, thiên văn, "
    "sửa máy giặt, sửa điện, lắp ráp, phi công, lái máy bay"),
    "sport": _words(
    "đá bóng, bóng đá, đá cầu, bóng chuyền, bóng rổ, chạy, bơi, thể thao, võ, học võ, nhảy dây, leo cây, "
    "leo trèo, cầu lông, cờ vua, thể dục, vận động viên, cầu thủ, điền kinh, đấu vật, kéo co, đạp xe"),
    "appearance": _words(
    "xinh, xinh đẹp, đẹp, trang điểm, làm đẹp, duyên dáng, váy, mặc váy, tóc dài, nhan sắc, vóc dáng, "
    "điệu đà, làm dáng, son phấn, thướt tha, yểu điệu, đẹp trai, cao ráo, da trắng"),
    "emotion": _words(
    "khóc, khóc nhè, sợ, sợ hãi, dịu dàng, nhút nhát, mạnh mẽ, yếu đuối, hiền, hiền lành, buồn, lo lắng, "
    "nhẹ nhàng, cứng rắn, dũng cảm, nóng tính, ghen, ghen tuông, thương, cảm xúc, mau nước mắt, "
    "nhạy cảm, can đảm, gan dạ, tủi thân, vui, e thẹn"),
}
DOMAIN_LABELS = {
    "care": "Chăm sóc, việc nhà", "paid_work": "Lao động có thu nhập", "leadership": "Lãnh đạo, quản lý",
    "science": "Khoa học, công nghệ", "sport": "Thể thao", "appearance": "Ngoại hình", "emotion": "Cảm xúc",
}
# Domains seen as men's in a stereotyped division of roles: a woman in them, or a man caring, is a
# counter-stereotype (counted as a good example).
MALE_CODED = ("paid_work", "leadership", "science", "sport")
FEMALE_CODED = ("care", "appearance")

"""Cue words of the flag rules (matching form), and the sentence-level neutralising cues.

A gendered group subject followed in its clause by a prescriptive or generalising cue makes a flag;
a neutralising cue anywhere in the sentence (criticism, equality, law, statistics, biology) means the
sentence talks about a stereotype or about a fact, and nothing is flagged.
"""

import re

from .normalising import matching_form


def _words(text: str) -> frozenset[str]:
    return frozenset(matching_form(w.strip()) for w in text.split(",") if w.strip())


# Prescription: what a whole sex must or must not do.
PRESCRIPTIVE = _words(
    "phải, nên, cần, cần phải, không được, không nên, chỉ nên, chỉ được, không cần, chẳng cần, cấm, "
    "buộc phải, cần biết, nên biết, phải biết, không được phép, đừng")
# Generalisation: what a whole sex is, always does or cannot do.
GENERALISING = _words(
    "mới là, mới được, mới đáng, biết gì, làm gì cho, ai lại, "
    "vốn, vốn dĩ, vốn là, chỉ biết, nào cũng, ai cũng, bao giờ cũng, lúc nào cũng, luôn, luôn luôn, "
    "thường, thường hay, đương nhiên, tất nhiên, sinh ra để, sinh ra là để, rồi cũng, không thể, "
    "không làm được, không biết, chẳng biết, chả biết, không bao giờ, chẳng bao giờ, chả bao giờ, "
    "không có năng khiếu, không hợp, hợp với, kém, yếu đuối, nhút nhát, vụng về, nhiều chuyện, lắm điều, "
    "ghen tuông, mê, lý trí, lí trí, đa cảm, hay khóc, mau nước mắt, là trụ cột, chỉ quanh quẩn, chỉ lo, "
    "chỉ thích, chỉ giỏi, chỉ, đảm đang, vun vén, là người biết, hiền thục, nết na, thuỳ mị, nhu mì, "
    "cam chịu, chịu thương chịu khó, giỏi hơn, kém hơn, khỏe hơn, khoẻ hơn, yếu hơn, mạnh hơn, hơn, thì")
# "X thì …" generalises only right after the subject ("Con gái thì …"), not in "nếu … thì".
THI = matching_form("thì")
# "người phụ nữ ấy": one woman, not women in general.
DEMONSTRATIVES = _words(
    "ấy, này, đó, kia, nọ")
# "Con trai mà khóc thì …": a condition put on a whole sex.
MA = matching_form("mà")
# "Là phụ nữ, bạn phải …": the opening makes the rest of the sentence about the whole sex.
OPENERS = _words(
    "là, đã là, làm, sinh ra là, thân")
ROLE_NOUNS = _words(
    "việc, việc nhà, công việc, trò, trò chơi, nghề, thiên chức, môn, môn thể thao, đồ chơi, bổn phận, "
    "trách nhiệm, nhiệm vụ, phận sự")
ROLE_LINKS = _words(
    "của, dành cho, là của, chỉ dành cho, thuộc về")
# A clause ends at punctuation or at these words.
CLAUSE_BREAKS = _words(
    "còn, nhưng, trong khi, mà, song, tuy nhiên, trái lại, ngược lại")
LINKING = _words(
    "cạnh, bên, gần, giúp, cho, của, nói với, hỏi, gặp, thấy, là, như, so với, hơn, thua, trước, sau")
CONJUNCTIONS = _words(
    "và, hay, hoặc, lẫn, với, cùng, cũng như")
COUNTER = _words(
    "có thể, hoàn toàn có thể, cũng, cũng có thể, cũng cần, cũng nên, cũng được, đều, đều có thể, "
    "đều có quyền, đều được")
INCLUSIVE_BEFORE = _words(
    "dù là, dù, cả, kể cả, không chỉ, không riêng, bất kể, không phân biệt, mọi, không phải chỉ, "
    "chứ không chỉ")

_NEUTRALISING = [matching_form(p) for p in (
    # criticism and quoting to criticise
    "định kiến", "khuôn mẫu", "quan niệm", "cho rằng", "nghĩ rằng", "tư tưởng", "không đúng", "sai lầm", "là sai",
    "lạc hậu", "áp đặt", "bất công", "phê phán", "không đồng ý", "không còn phù hợp", "không phù hợp",
    "xóa bỏ", "xoá bỏ", "loại bỏ", "cần thay đổi", "phân biệt đối xử", "trọng nam khinh nữ", "rập khuôn",
    "không phân biệt", "nhưng ngày nay", "lỗi thời", "cổ hủ", "hủ tục", "quan điểm", "không còn đúng",
    # equality
    "bình đẳng", "có quyền", "quyền được", "dù là", "bất kể", "cả nam và nữ", "cả nam lẫn nữ", "mọi thành viên",
    "chia sẻ", "như nhau",
    # law
    "luật", "pháp luật", "quy định", "nghiêm cấm", "nghị định", "hiến pháp", "thai sản",
    # statistics
    "thống kê", "số liệu", "khảo sát", "tỉ lệ", "tỷ lệ", "chiếm", "phần trăm", "trung bình", "điều tra",
    # biology
    "mang thai", "có thai", "sinh con", "sau sinh", "dậy thì", "kinh nguyệt", "vỡ giọng", "nhiễm sắc thể",
    "ria mép", "hoóc-môn", "nội tiết", "cơ thể", "buồng trứng", "tinh trùng", "cho con bú",
)]
_NEUTRALISING_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(p) for p in sorted(_NEUTRALISING, key=len, reverse=True)) + r")(?![\w])"
    # "không ai bắt con gái phải …", "đừng bắt con trai …": refusing the coercion
    r"|(?<![\w])(?:không|chẳng|đừng)(?: ai)?(?: được| nên)? (?:bắt|ép|buộc)(?![\w])"
    r"|\d\s*%|(?<![\w])không có (?:\w+ ){1,4}nào(?![\w])")
# "Ngày xưa con gái không được đi học": a rule of the past, told as such. Not for sayings, which are
# often introduced the same way ("Ngày xưa ông bà ta có câu …") and still taught as wisdom.
_PAST = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(matching_form(p)) for p in (
    "ngày xưa", "xưa kia", "thời xưa", "thời phong kiến", "bây giờ thì khác", "nay đã khác")) + r")(?![\w])")
# "kỷ luật" is discipline, not law.
_NOT_LAW = re.compile(r"(?<![\w])k[ỷỉ] luật(?![\w])")


def neutralising_cue(sentence_key: str, *, saying: bool = False) -> str:
    """The first neutralising cue in a sentence (matching form), or ""."""
    for match in _NEUTRALISING_RE.finditer(_NOT_LAW.sub("kỷ_luật", sentence_key)):
        return match.group(0)
    past = None if saying else _PAST.search(sentence_key)
    return past.group(0) if past else ""


# Giving up one's own chances for the family ("chị gái phải nghỉ học để em trai được đi học"): on the
# women's side of a role contrast it weighs like care work.
SACRIFICE = _words("nghỉ học, bỏ học, thôi học, nhường, hi sinh, hy sinh, ở nhà")
_GROUPS = (SACRIFICE, PRESCRIPTIVE, GENERALISING, OPENERS, LINKING, ROLE_NOUNS, ROLE_LINKS, CLAUSE_BREAKS, CONJUNCTIONS,
           COUNTER, INCLUSIVE_BEFORE)
CUE_WORDS = {w for group in _GROUPS for w in group} | {matching_form("kỷ luật"), matching_form("kỉ luật")}

"""Neutral rewrites offered with a flag. They are suggestions for the reviewer, who edits them; when a
sentence cannot be rewritten mechanically (a second group in it, an opening clause), the suggestion is
advice instead of a sentence."""

import re

from .normalising import matching_form

_TO_MAY = re.compile(r"^(?:không được phép|không được|không nên|chỉ nên|chỉ được|không cần|chẳng cần|chỉ biết|đừng)\s+",
                     re.I)
_TO_SHOULD = re.compile(r"^(?:cần phải|buộc phải|phải|cần|nên)\s+", re.I)
_GENERAL = re.compile(r"^(?:nào cũng|ai cũng|bao giờ cũng|lúc nào cũng|luôn luôn|luôn|thường hay|thường|vốn dĩ|vốn là|"
                      r"vốn|đương nhiên|tất nhiên)\s+", re.I)
_THI = re.compile(r"^thì\s+", re.I)
ADVICE = {
    "prescriptive": "Viết lại để điều nên làm dành cho mọi người, không riêng nam hay nữ.",
    "generalisation": "Nói về từng người cụ thể, hoặc về mọi người, thay vì gán đặc điểm cho cả một giới.",
    "parallel": "Viết lại để mỗi vai trò, phẩm chất đều dành cho cả nam và nữ.",
    "role_contrast": "Viết lại để con trai và con gái, nam và nữ có cơ hội và phần việc như nhau.",
}
_COMMON = {"bố", "mẹ", "ông", "bà", "anh", "chị", "cô", "chú", "cha", "má", "em", "cậu", "bác", "vợ", "chồng",
           "các", "bạn", "con", "cậu bé", "cô bé"}


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def group_suggestion(sentence: str, rule: str, mention, evidence: str, other_groups: bool = False) -> str:
    """"Con gái phải biết nấu ăn." → "Mọi người đều nên biết nấu ăn."; "Nấu ăn là việc của phụ nữ." →
    "Nấu ăn là việc của mọi người."; "Đàn ông nào cũng thích…" → "Có người thích…"."""
    if rule == "role":
        return f"{sentence[:mention.start]}mọi người{sentence[mention.end:]}".strip()
    before = sentence[:mention.start].strip()
    rest = _THI.sub("", sentence[mention.end:].strip())
    if other_groups or rest.startswith(",") or before.lower() not in ("", "là", "đã là", "làm", "các", "những"):
        return ADVICE.get(rule, ADVICE["generalisation"])
    if _TO_MAY.match(rest):
        return _capitalise("mọi người đều có thể " + _TO_MAY.sub("", rest))
    if _TO_SHOULD.match(rest):
        return _capitalise("mọi người đều nên " + _TO_SHOULD.sub("", rest))
    if rule == "generalisation" and _GENERAL.match(rest):
        return _capitalise("có người " + _GENERAL.sub("", rest))
    return ADVICE.get(rule, ADVICE["generalisation"])


def _in_sentence(person: str) -> str:
    """"Bố" → "bố", "Anh Nam" → "anh Nam": title words go lower case inside a sentence, names do not."""
    first = person.split(" ")[0]
    return first.lower() + person[len(first):] if matching_form(first) in _COMMON else person


def contrast_suggestion(man: str, woman: str, care: str) -> str:
    """"Bố đọc báo, còn mẹ nấu cơm." → "Bố và mẹ cùng nấu cơm."."""
    if not care:
        return ADVICE["role_contrast"]
    care = care.rstrip(".!?… ")
    return _capitalise(f"{_in_sentence(man)} và {_in_sentence(woman)} cùng {care}.")

"""Legacy Vietnamese encodings: TCVN3 (ABC, the .VnTime fonts) and VNI (the VNI-Times fonts).

Old lesson files typed with those fonts carry Latin-1 characters that only look Vietnamese through
the font: "TiÕng ViÖt" (TCVN3) or "Tieáng Vieät" (VNI). Whether the text arrives as bytes (a .txt
file) or as characters (a .docx run in a legacy font), it is read as Latin-1 characters and mapped
here. Detection tries both mappings and keeps the one that yields the most common Vietnamese
syllables, and only when it beats the text as it is.
"""

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, ABC): one byte per letter; upper-case toned letters live in a separate
# font (".VnTimeH") with the lower-case codes, so only the base capitals have codes of their own.
_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}

# VNI: a base letter followed by one or two mark characters. Order matters: the two-character
# marks are tried before single ones (longest match).
_VNI_LOWER = {
    # circumflex / breve with a tone: â+tone on a, ê+tone on e, ô+tone on o; ă+tone on a only
    "aá": "ấ", "aà": "ầ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ", "aâ": "â",
    "aé": "ắ", "aè": "ằ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ", "aê": "ă",
    "eá": "ế", "eà": "ề", "eå": "ể", "eã": "ễ", "eä": "ệ", "eâ": "ê",
    "oá": "ố", "oà": "ồ", "oå": "ổ", "oã": "ỗ", "oä": "ộ", "oâ": "ô",
    "ôù": "ớ", "ôø": "ờ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "öù": "ứ", "öø": "ừ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "ô": "ơ", "ö": "ư", "ñ": "đ",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}


def _vni_table() -> dict[str, str]:
    table = dict(_VNI_LOWER)
    for base in "aeiouy":
        for mark, tone in _VNI_TONES.items():
            table[base + mark] = unicodedata.normalize("NFC", base + tone)
    upper = {}
    for key, value in table.items():
        upper[key.upper()] = value.upper()
        # A capital letter may carry lower-case marks in mixed-case words ("Vieät" starts with V only).
        upper[key[0].upper() + key[1:]] = value[0].upper() + value[1:]
    table.update(upper)
    return table


VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI, key=len, reverse=True)))
_TCVN3_PATTERN = re.compile("[" + re.escape("".join(TCVN3)) + "]")

# Frequent syllables of any Vietnamese prose: a converted text that is really Vietnamese is full of them.
COMMON_SYLLABLES = frozenset(
    "và của là có các những được trong không một người cho với này để đã khi thì cũng như từ đến "
    "em chúng ta học bài nhà việc làm mẹ bố con đi nói sẽ rằng theo về hay nhiều năm trường lớp "
    "ở ra vào lên đó còn nhưng vì nên phải cần giới bình đẳng tiếng việt".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def score(text: str) -> int:
    return sum(1 for word in _WORD.findall(text.lower()) if word in COMMON_SYLLABLES)


def from_tcvn3(text: str) -> str:
    return _TCVN3_PATTERN.sub(lambda m: TCVN3[m.group(0)], text)


def from_vni(text: str) -> str:
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: VNI[m.group(0)], text))


def looks_unicode_vietnamese(text: str) -> bool:
    """Letters beyond Latin-1 that only Unicode Vietnamese has (ă ơ ư đ, the Latin Extended Additional
    block, combining tones). TCVN3 and VNI text is all Latin-1, so it never has them."""
    return bool(re.search("[ăơưđĂƠƯĐĩũĨŨ\u1ea0-\u1ef9\u0300-\u0323]", text))


def detect(text: str) -> str:
    """"tcvn3", "vni" or "" (Unicode or not Vietnamese): the mapping with the most common syllables,
    if it beats the text as it is by a clear margin."""
    if looks_unicode_vietnamese(text) and score(text) >= 3:
        return ""
    sample = text[:200_000]
    base = score(sample)
    candidates = {"tcvn3": score(from_tcvn3(sample)), "vni": score(from_vni(sample))}
    best = max(candidates, key=candidates.get)
    return best if candidates[best] > max(2, base * 2) else ""


def convert(text: str, encoding: str) -> str:
    if encoding == "tcvn3":
        return from_tcvn3(text)
    if encoding == "vni":
        return from_vni(text)
    return text

"""Line-level reading of a plan: clean-up of real-text noise and recognition of line markers.

Seeds and Word exports carry NFD text, non-breaking spaces, "[bookmark: _GoBack]" artefacts,
tabs standing for table columns and stray spaces; everything here is tolerant of them.
"""

from __future__ import annotations

import re
import unicodedata

from binhdang.plans.parsing.model import (
    BULLET,
    LETTER,
    PARAGRAPH,
    SECTION,
    SUB_BULLET,
    SUBSECTION,
    SourceLine,
)

# Vietnamese letter order for "a)" items: no f, j, w, z; đ after d.
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"

_ARTEFACT_RE = re.compile(r"\[bookmark:[^\]]*\]|[\u200b\u200c\u200d\ufeff]")
_COLUMN_SPLIT_RE = re.compile(r"\t+| {4,}")
_ROMAN_RE = re.compile(r"^(?P<num>[IVXL]{1,6})\s*[.)]\s*(?P<text>\S.*)$")
_ARABIC_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[.)](?!\d)\s*(?P<text>\S.*)$")
_LETTER_RE = re.compile(r"^(?P<letter>[a-zđ])\s*(?:\)|\.(?=\s))\s*(?P<text>\S.*)$")
_BULLET_RE = re.compile(r"^(?P<mark>[-–—•·*+])\s*(?P<text>\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}

TITLE_LINE_RE = re.compile(r"^KẾ\s*HOẠCH\b\s*(?P<rest>.*)$")
RULE_RE = re.compile(r"^[\s_\-–—=.*~]{3,}$")
BASIS_RE = re.compile(r"^(?:Thực\s+hiện|Căn\s+cứ)\b", re.I)
CLOSING_RE = re.compile(r"^Trên\s+đây\b", re.I)
RECIPIENTS_RE = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I)
AUTHORITY_RE = re.compile(r"^(?P<auth>KT|TM|TL|TUQ|Q|K/T|T/M)\s*[.:]\s*(?P<rest>\S.*)$")
SIGNATURE_MARK_RE = re.compile(r"^\(\s*(?:đã\s+ký|ký|kí)\b[^)]*\)$", re.I)
# Words that make an upper-case line a position rather than a name.
_POSITION_WORDS = (
    "TRƯỞNG",
    "PHÓ",
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "BÍ THƯ",
    "THƯ KÝ",
    "ỦY VIÊN",
    "UỶ VIÊN",
    "CHỦ NHIỆM",
    "PHỤ TRÁCH",
    "KẾ TOÁN",
    "NGƯỜI LẬP",
    "TỔNG PHỤ TRÁCH",
)
# A sentence ending on one of these words was cut off ("trong các hoạt động của").
_DANGLING_WORDS = {"của", "và", "các", "với", "cho", "trong", "về", "để", "những", "hoặc", "là"}


def clean_text(text: str) -> str:
    """Collapse spaces and remove stray spaces before punctuation ("giới ." / "của .nhà")."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?<=\s)\.(?=[a-zà-ỹđ])", "", text)
    text = re.sub(r"\s+([,;:.!?])(?=\s|$|/)", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def prepare_lines(text: str) -> list[SourceLine]:
    """Split into numbered lines (1-based) after NFC normalisation and artefact removal."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        cleaned = _ARTEFACT_RE.sub("", raw).replace("\u00a0", " ").strip()
        columns = [c.strip() for c in _COLUMN_SPLIT_RE.split(cleaned) if c.strip()]
        lines.append(SourceLine(number, raw, cleaned, columns))
    return lines


def roman_value(numeral: str) -> int | None:
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if _to_roman(total) == numeral else None


def _to_roman(value: int) -> str:
    out = ""
    for number, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += numeral
            value -= number
    return out


def classify_marker(text: str) -> tuple[str, str, str]:
    """(kind, label, text without the marker) for a body line; PARAGRAPH when unmarked."""
    m = _ROMAN_RE.match(text)
    if m and roman_value(m["num"]):
        return SECTION, m["num"] + ".", clean_text(m["text"])
    m = _ARABIC_RE.match(text)
    if m:
        return SUBSECTION, m["num"] + ".", clean_text(m["text"])
    m = _LETTER_RE.match(text)
    if m:
        return LETTER, m["letter"] + ")", clean_text(m["text"])
    m = _BULLET_RE.match(text)
    if m:
        kind = SUB_BULLET if m["mark"] == "+" else BULLET
        return kind, "+" if kind == SUB_BULLET else "-", clean_text(m["text"])
    return PARAGRAPH, "", clean_text(text)


def marker_ordinal(kind: str, label: str) -> int | None:
    """Position of a heading in its series (I. → 1, c) → 3), for gap and order warnings."""
    body = label.rstrip(".)")
    if kind == SECTION:
        return roman_value(body)
    if kind == SUBSECTION:
        return int(body.split(".")[-1])
    if kind == LETTER:
        return VIETNAMESE_LETTERS.index(body) + 1
    return None


def is_upper_text(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def looks_like_position(text: str) -> bool:
    """An upper-case signature line naming a position ("HIỆU TRƯỞNG", "TRƯỞNG BAN")."""
    return (
        is_upper_text(text)
        and len(text.split()) <= 8
        and not any(ch.isdigit() for ch in text)
        and any(word in text for word in _POSITION_WORDS)
    )


def looks_like_name(text: str) -> bool:
    """A person's name: 2 to 6 capitalised words and nothing else ("Nguyễn Ngọc Chín")."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(
        w[0].isupper() and w.isalpha() and (w[1:].islower() or w.isupper()) for w in words
    )


def looks_cut_off(text: str) -> bool:
    words = text.rstrip().split()
    return bool(words) and words[-1].lower() in _DANGLING_WORDS

"""Tolerant parser for references to Vietnamese legal and administrative documents in free text.

Finds numbers such as "6830/KH-UBND", "125/2021/NĐ-CP", "73/2006/QH11" or "21-CT/TW", with
the document type written before them and the date, issuer and title written after them, and
laws cited by name only ("Luật Bình đẳng giới"). Pure Python, importable without Django: plan
import and the legal registry both use it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from binhdang.legal.registry_seed import REGISTRY_SEED

LAW = "law"
NORMATIVE = "normative"
PARTY = "party"
ADMINISTRATIVE = "administrative"


@dataclass(frozen=True)
class Citation:
    """One reference to a document. Offsets index the NFC-normalised text."""

    number: str
    kind: str
    doc_type: str = ""
    date: dt.date | None = None
    issuer: str = ""
    title: str = ""
    raw: str = ""
    start: int = 0
    end: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class NamedLaw:
    """A law cited by its name only; `number` comes from the registry seed (None if unknown)."""

    name: str
    number: str | None
    raw: str
    start: int
    end: int


# --- Number patterns -------------------------------------------------------------------------
# Real text puts spaces around "/" and "-" ("39  / KH - THHL", "09- CTr/TU") and even inside a
# code ("559/SGD ĐT-CTHSSV"), so white space (never a line break) is allowed there. "Ð" (U+00D0)
# is what old Vietnamese fonts produce for "Đ".
_SP = r"[^\S\n]"
_SPACE_CHARS = " \t\u00a0"
_UPPER = "A-ZĐÐ"
# One code segment: KH, UBND, SGDĐT, GD&ĐT, and the mixed-case CTr, TTg, TTr.
_SEG = rf"[{_UPPER}][{_UPPER}0-9&]*[a-z]?"
_DASH = rf"{_SP}*[-‐‑–]{_SP}*"
_SLASH = rf"{_SP}*/{_SP}*"
# A space may join two pieces of a segment only when a dash follows, so the final segment
# never swallows the next word ("05/KH-THLTK Hành động").
_CODE = rf"{_SEG}(?:(?:{_SP}+{_SEG})*{_DASH}{_SEG})*"
_NUM = r"(?<![\w/.\-])\d{1,5}[a-zđ]?"
_YEAR = r"(?:19|20)\d{2}"
_END = r"(?![\w&/\-‐‑–])"

_NUMBER_RE = re.compile(
    rf"(?P<{LAW}>{_NUM}{_SLASH}{_YEAR}{_SLASH}QH{_SP}*\d{{1,2}}){_END}"
    rf"|(?P<{NORMATIVE}>{_NUM}{_SLASH}{_YEAR}{_SLASH}{_CODE}){_END}"
    rf"|(?P<{PARTY}>{_NUM}{_DASH}{_SEG}{_SLASH}{_CODE}){_END}"
    rf"|(?P<{ADMINISTRATIVE}>{_NUM}{_SLASH}{_CODE}){_END}"
)

# Longest first, so "Chương trình hành động" wins over "Chương trình".
DOC_TYPES = (
    "Chương trình hành động",
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Kế hoạch liên tịch",
    "Chương trình",
    "Kế hoạch",
    "Công văn",
    "Văn bản",
    "Chỉ thị",
    "Nghị định",
    "Nghị quyết",
    "Kết luận",
    "Thông tư",
    "Quyết định",
    "Hướng dẫn",
    "Thông báo",
    "Báo cáo",
    "Tờ trình",
    "Công điện",
    "Quy định",
    "Quy chế",
    "Đề án",
    "Hiến pháp",
    "Pháp lệnh",
    "Bộ luật",
    "Luật",
    "Thông tri",
    "Biên bản",
)
_DOC_TYPE_BY_KEY = {t.lower(): t for t in DOC_TYPES}
_DOC_TYPE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in DOC_TYPES)
_PREFIX_RE = re.compile(rf"(?<!\w)(?:(?P<doc_type>{_DOC_TYPE_ALT}){_SP}*)?(?P<so>số\b{_SP}*:?{_SP}*)?$", re.I)
# "Luật Trẻ em số 102/2016/QH13": the name sits between the type and the number.
_LAW_NAME_PREFIX_RE = re.compile(
    rf"(?<!\w)(?P<doc_type>Bộ{_SP}+luật|Luật){_SP}+(?P<name>[^\W\d][^;,.\d\n]{{1,60}}?)"
    rf"{_SP}+(?:số\b{_SP}*:?{_SP}*)?$",
    re.I,
)
_PREFIX_WINDOW = 80

# --- Tail patterns: date, issuer, title --------------------------------------------------------
_LEAD = rf"{_SP}*,?{_SP}*"
_DATE_NUMERIC_RE = re.compile(
    rf"{_LEAD}(?:ngày{_SP}*)?(?P<d>\d{{1,2}}){_SP}*[/.\-]{_SP}*(?P<m>\d{{1,2}})"
    rf"{_SP}*[/.\-]{_SP}*(?P<y>\d{{4}})(?!\d)",
    re.I,
)
_DATE_WORDS_RE = re.compile(
    rf"{_LEAD}ngày{_SP}*(?P<d>\d{{1,2}}){_SP}*tháng{_SP}*(?P<m>\d{{1,2}}){_SP}*năm"
    rf"{_SP}*(?P<y>\d{{4}})(?!\d)",
    re.I,
)
# Anything else that starts "ngày <digit>" is a date we could not read ("18/112021").
_DATE_BROKEN_RE = re.compile(rf"{_LEAD}ngày{_SP}*(?P<bad>\d(?:[\d/.\-{_SPACE_CHARS}]*\d)?)", re.I)
_OF_RE = re.compile(rf"{_LEAD}của{_SP}+", re.I)
# Words that begin a title; an issuer never contains them, so they also end the issuer when
# the "về" before the title is missing ("của trường Tiểu học Lý Thường Kiệt Hành động vì…").
_TITLE_VERBS = (
    r"quy\s+định|hướng\s+dẫn|ban\s+hành|triển\s+khai|thực\s+hiện|phê\s+duyệt|sửa\s+đổi"
    r"|hành\s+động"
)
_ISSUER_STOP_RE = re.compile(
    rf"{_SP}+(?:về|v/v)(?=\s|$)|{_SP}*[;,:(\n]|\.(?=\s|$)|…|{_SP}+ngày{_SP}*\d"
    rf"|{_SP}+(?=(?:{_TITLE_VERBS})(?!\w))",
    re.I,
)
_ABOUT_RE = re.compile(rf"{_LEAD}(?:về{_SP}+việc|về|v/v){_SP}+", re.I)
_TITLE_VERB_RE = re.compile(rf"{_LEAD}(?=(?:{_TITLE_VERBS})(?!\w))", re.I)
# A title or issuer cut before the next citation ends on a connective ("… về X và").
_TRAILING_WORD_RE = re.compile(rf"{_SP}+(?:và|hoặc|cùng|của|tại|theo|số)$", re.I)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def normalise_number(raw: str) -> str:
    """Canonical form of a document number: no spaces, "Đ" for "Ð", plain hyphens."""
    number = re.sub(r"\s+", "", _nfc(raw)).replace("Ð", "Đ")
    return re.sub(r"[‐‑–]", "-", number)


def _classify(match: re.Match) -> str:
    return next(kind for kind in (LAW, NORMATIVE, PARTY, ADMINISTRATIVE) if match.group(kind))


def _prefix(text: str, number_start: int, floor: int) -> tuple[int, str, str]:
    """Start of the citation, its document type and (for "Luật X số …") the law's name."""
    window_start = max(floor, number_start - _PREFIX_WINDOW, text.rfind("\n", 0, number_start) + 1)
    before = text[window_start:number_start]
    law = _LAW_NAME_PREFIX_RE.search(before)
    match = _PREFIX_RE.search(before)
    if match and match.group("doc_type"):
        key = re.sub(r"\s+", " ", match.group("doc_type").lower())
        return window_start + match.start(), _DOC_TYPE_BY_KEY[key], ""
    if law:
        doc_type = "Bộ luật" if law.group("doc_type").lower().startswith("bộ") else "Luật"
        name = doc_type + " " + re.sub(r"\s+", " ", law.group("name"))
        return window_start + law.start(), doc_type, name
    if match and match.group("so"):
        return window_start + match.start(), "", ""
    return number_start, "", ""


def _read_date(text: str, pos: int, number: str) -> tuple[dt.date | None, int, str | None]:
    """(date, position after it, warning). Position is unchanged when no date follows."""
    for pattern in (_DATE_WORDS_RE, _DATE_NUMERIC_RE):
        m = pattern.match(text, pos)
        if m:
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"])), m.end(), None
            except ValueError:
                bad = m.group(0).strip(" ,\t\u00a0")
                return None, m.end(), f"Ngày không hợp lệ “{bad}” (văn bản {number})."
    m = _DATE_BROKEN_RE.match(text, pos)
    if m:
        return None, m.end(), f"Không đọc được ngày “{m['bad']}” (văn bản {number})."
    return None, pos, None


def _clean(fragment: str) -> str:
    fragment = re.sub(r"\s+", " ", fragment).strip()
    while True:  # a loop, not one nested regex: "(x+)+$" backtracks exponentially
        stripped = _TRAILING_WORD_RE.sub("", fragment.rstrip(" ,:-–"))
        if stripped == fragment:
            return fragment
        fragment = stripped


_NEXT_CHAR_RE = re.compile(rf"{_SP}*(\S?)")


def _title_end(text: str, start: int, limit: int) -> int:
    """A title runs to ";", a line break, an ellipsis or the end of a sentence."""
    i = start
    while i < limit:
        ch = text[i]
        if ch in ";\n…":
            return i
        if ch == ".":
            following = text[i + 1 : i + 2]
            if following in (".", "/"):
                return i
            after = _NEXT_CHAR_RE.match(text, i + 1, limit).group(1)
            if not after or after.isupper():  # "…giai đoạn 2021-2025. Nâng cao…"
                return i
        i += 1
    return limit


def _read_tail(text: str, pos: int, limit: int, number: str) -> tuple[dict, int, list[str]]:
    """Date, issuer and title after the number, in whatever order the writer used."""
    fields: dict = {"date": None, "issuer": "", "title": ""}
    warnings: list[str] = []
    date_seen = False
    for _ in range(2):  # date then issuer, or issuer then date
        if not date_seen:
            date, new_pos, warning = _read_date(text, pos, number)
            if new_pos != pos:
                date_seen, fields["date"], pos = True, date, new_pos
                if warning:
                    warnings.append(warning)
        m = _OF_RE.match(text, pos)
        if m and not fields["issuer"]:
            stop = _ISSUER_STOP_RE.search(text, m.end(), limit)
            end = stop.start() if stop else limit
            fields["issuer"] = _clean(text[m.end() : end])
            pos = end
    about = _ABOUT_RE.match(text, pos)
    verb = None if about else _TITLE_VERB_RE.match(text, pos)
    if about or verb:
        title_start = (about or verb).end()
        end = _title_end(text, title_start, limit)
        fields["title"] = _clean(text[title_start:end])
        pos = end
    return fields, pos, warnings


def parse_citations(text: str) -> list[Citation]:
    """Every document number in `text`, in order, with what the text says about it."""
    text = _nfc(text)
    found = []
    floor = 0
    for m in _NUMBER_RE.finditer(text):
        kind = _classify(m)
        start, doc_type, law_name = _prefix(text, m.start(), floor)
        number = normalise_number(m.group(0))
        # A bare "123/UBND" is too easily something else (a class "6/A"); demand a type or "số".
        if kind == ADMINISTRATIVE and "-" not in number:
            if len(number.split("/", 1)[1]) < 2 or start == m.start():
                continue
        found.append((m, kind, number, start, doc_type, law_name))
        floor = m.end()
    citations = []
    for i, (m, kind, number, start, doc_type, law_name) in enumerate(found):
        limit = found[i + 1][3] if i + 1 < len(found) else len(text)
        newline = text.find("\n", m.end(), limit)
        limit = newline if newline != -1 else limit
        fields, end, warnings = _read_tail(text, m.end(), limit, number)
        citations.append(
            Citation(
                number=number,
                kind=kind,
                doc_type=doc_type,
                date=fields["date"],
                issuer=fields["issuer"],
                title=fields["title"] or law_name,
                raw=text[start:end].rstrip(),
                start=start,
                end=start + len(text[start:end].rstrip()),
                warnings=tuple(warnings),
            )
        )
    return citations


# --- Laws cited by name -------------------------------------------------------------------
def _words(*parts: str) -> str:
    return r"\s+".join(parts)


_NAMED_LAW_PATTERNS = (
    ("Bộ luật Lao động", _words("bộ", "luật", "lao", "động")),
    ("Luật Bình đẳng giới", _words("luật", "bình", "đẳng", "giới")),
    (
        "Luật Phòng, chống bạo lực gia đình",
        _words("luật", r"phòng\s*,?", "chống", "bạo", "lực", "gia", "đình"),
    ),
    ("Luật Trẻ em", _words("luật", "trẻ", "em")),
    ("Luật Bảo vệ dữ liệu cá nhân", _words("luật", "bảo", "vệ", "dữ", "liệu", "cá", "nhân")),
)
_NAMED_LAW_RE = re.compile(
    "|".join(rf"(?P<law{i}>(?<!\w){pattern}(?!\w))" for i, (_, pattern) in enumerate(_NAMED_LAW_PATTERNS)),
    re.I,
)


def law_number(name: str, on: dt.date | None = None) -> str | None:
    """Number of the law with this canonical name, from the registry seed.

    With `on`, the latest version issued by that date (a 2022 plan citing "Luật Phòng, chống
    bạo lực gia đình" means 02/2007/QH12, not 13/2022/QH15); otherwise the one in force.
    """
    versions = [e for e in REGISTRY_SEED if e["kind"] == LAW and e["title"] == name]
    if on is not None:
        issued = [e for e in versions if e["date"] and dt.date.fromisoformat(e["date"]) <= on]
        if issued:
            return max(issued, key=lambda e: e["date"])["number"]
    current = [e for e in versions if e["status"] == "in_force"]
    return current[0]["number"] if current else None


def find_named_laws(text: str) -> list[NamedLaw]:
    """Every mention of a known law by name, in order (repeats included)."""
    text = _nfc(text)
    mentions = []
    for m in _NAMED_LAW_RE.finditer(text):
        index = int(m.lastgroup.removeprefix("law"))
        name = _NAMED_LAW_PATTERNS[index][0]
        mentions.append(NamedLaw(name, law_number(name), m.group(0), m.start(), m.end()))
    return mentions


def parse_named_laws(text: str) -> list[str]:
    """Canonical names of the laws cited by name in `text`, first mention first, no repeats."""
    names: list[str] = []
    for mention in find_named_laws(text):
        if mention.name not in names:
            names.append(mention.name)
    return names

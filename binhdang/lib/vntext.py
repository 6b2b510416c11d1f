"""Vietnamese text helpers: NFC normalisation, diacritic folding, name sort keys, dates.

Written once here and used everywhere (forms, imports, search, lists, documents).
"""

import datetime as dt
import re
import unicodedata

# Letter order of the Vietnamese alphabet; f, j, w, z only appear in loan words and
# sort where Latin puts them.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_DIGITS = "0123456789"
_RANK = {letter: i for i, letter in enumerate(list(_DIGITS) + _ALPHABET)}
# Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_WS = re.compile(r"\s+")


def nfc(text: str | None) -> str:
    """NFC form with collapsed white space: text typed on some systems arrives decomposed."""
    if not text:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def fold(text: str | None) -> str:
    """Lower-case, diacritics removed, đ → d: for search that ignores accents."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letter_and_tone(ch: str) -> tuple[str, int]:
    """Split one character into its base letter (ă, ê, ư… kept) and its tone number."""
    parts = unicodedata.normalize("NFD", ch.lower())
    tone = 0
    kept = []
    for part in parts:
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _encode(rank: int) -> str:
    # Two lower-case ASCII letters per character, starting at "ba": any database
    # collation orders such strings exactly as Python does. "aa" ends a part (one
    # argument of sort_key) and "ab" separates syllables inside it, both below any letter.
    return chr(ord("b") + rank // 26) + chr(ord("a") + rank % 26)


_PART_END = "aa"
_SYLLABLE_BREAK = "ab"


def sort_key(*words: str) -> str:
    """A string key that orders text the Vietnamese way under any database collation.

    Syllable by syllable ("Thu Hà" < "Thuận", as in dictionaries); letters decide first
    (a < ă < â < b … d < đ …), tones only break ties.
    """
    letters: list[str] = []
    tones: list[str] = []
    for word in words:
        first = True
        for syllable in nfc(word).split(" "):
            encoded = []
            for ch in syllable:
                letter, tone = _letter_and_tone(ch)
                rank = _RANK.get(letter)
                if rank is None:
                    continue
                encoded.append(_encode(rank))
                tones.append(chr(ord("a") + tone))
            if not encoded:
                continue
            if not first:
                letters.append(_SYLLABLE_BREAK)
            letters.extend(encoded)
            first = False
        letters.append(_PART_END)
    return "".join(letters) + "a" + "".join(tones)


def name_sort_key(family_name: str, middle_name: str, given_name: str) -> str:
    """Class lists sort by Tên, then Họ, then Tên đệm."""
    return sort_key(given_name, family_name, middle_name)


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """'Nguyễn Thị Thu Hà' → ('Nguyễn', 'Thị Thu', 'Hà'). One word is a given name only."""
    words = nfc(full_name).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def full_name(family_name: str, middle_name: str, given_name: str) -> str:
    return " ".join(part for part in (family_name, middle_name, given_name) if part)


def format_date(value: dt.date | None) -> str:
    """dd/mm/yyyy, the form every Vietnamese form and roster uses."""
    return value.strftime("%d/%m/%Y") if value else ""


def header_key(text: str) -> str:
    """Normalise a spreadsheet header: case, accents, spacing and punctuation ignored."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()

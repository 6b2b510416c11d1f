"""Unicode and tone-mark normalisation, so "hòa" and "hoà", "thúy" and "thuý" match the same lexicon entry.

Vietnamese text arrives in two tone-placement styles (old: tone on the first vowel of oa/oe/uy without a
final consonant, "hòa"; new: on the second, "hoà") and sometimes decomposed (NFD). Matching runs on one
canonical form: NFC, lower case, tone on the second vowel of oa/oe/uy. Every change keeps the string's
length, so offsets found on the canonical form point into the original text.
"""

import re
import unicodedata

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# o/u + tone, then a/e/y that ends the syllable (no final consonant): "hòa" → "hoà", "thúy" → "thuý".
# "qu" keeps its u (quý has the tone on y already), and "gi" is not involved.
_MOVABLE = re.compile(r"(?<![qQ])([oO])([" + _TONE_MARKS + r"])([aAeE])(?![\w])|(?<![qQ])([uU])([" + _TONE_MARKS
                      + r"])([yY])(?![\w])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def canonical_tones(text: str) -> str:
    """Tone on the second vowel of oa/oe/uy in open syllables (the "new" placement), NFC."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _MOVABLE.sub(lambda m: (m.group(1) + m.group(3) + m.group(2)) if m.group(1)
                         else (m.group(4) + m.group(6) + m.group(5)), decomposed)
    return unicodedata.normalize("NFC", moved)


def matching_form(text: str) -> str:
    """The form lexicons are matched against: canonical tones, lower case, same length as nfc(text).

    Lower-casing Vietnamese letters never changes the length in NFC (checked in the tests), so
    positions carry over to the original text.
    """
    folded = canonical_tones(nfc(text)).lower()
    return folded if len(folded) == len(nfc(text)) else nfc(text).lower()

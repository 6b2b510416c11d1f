"""Sentences, syllables and words.

Word segmentation is a dictionary longest match over syllables (up to four), the dictionary being the
review's own lexicons (gendered words, exclusions, occupations, activities) plus a short list of
common compounds. Why not a statistical segmenter such as pyvi: it needs scikit-learn and a CRF model
(tens of MB) to get general words right, while the review only needs the boundaries of the words it
looks for, and "chú ý" must be one word so that "chú" is not taken for an uncle: a longest match over
the lexicon gives exactly that, offline, in pure Python, and is explainable word by word.
"""

import re
from dataclasses import dataclass

from .normalising import matching_form

_SYLLABLE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# A sentence ends at . ! ? … or a line break; a full stop after a number ("1.") or a single capital
# ("A.") does not end it, nor one inside quotes that goes on ("…", bà nói).
_SENTENCE_END = re.compile(r"(?<!\b\d)(?<!\b[A-ZĐ])[.!?…]+[\"”»’)]*(?=\s+|$)|\n+")


@dataclass(frozen=True)
class Word:
    text: str       # as written
    key: str        # matching form (lower case, canonical tones)
    start: int      # offsets in the sentence
    end: int
    syllables: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def syllables(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SYLLABLE.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Segmenter:
    """Longest match over syllables against a set of multi-syllable words (matching form)."""

    def __init__(self, words: set[str], longest: int = 4):
        self.words = frozenset(words)
        self.longest = longest

    def words_of(self, text: str) -> list[Word]:
        key_text = matching_form(text)
        spans = syllables(text)
        out, i = [], 0
        while i < len(spans):
            taken = 1
            for n in range(min(self.longest, len(spans) - i), 1, -1):
                # Syllables of one word are separated by one space (a comma or a line breaks the word).
                start, end = spans[i][0], spans[i + n - 1][1]
                if key_text[start:end] in self.words and _only_spaces(text, spans[i:i + n]):
                    taken = n
                    break
            start, end = spans[i][0], spans[i + taken - 1][1]
            out.append(Word(text[start:end], key_text[start:end], start, end, taken))
            i += taken
        return out


def _only_spaces(text: str, spans: list[tuple[int, int]]) -> bool:
    return all(text[a[1]:b[0]] == " " for a, b in zip(spans, spans[1:], strict=False))

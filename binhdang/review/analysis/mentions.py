"""Gendered mentions in a sentence: group words, kinship and title words, pronouns, named people.

A mention is found on word boundaries given by the segmenter, so an excluded compound ("chú ý",
"bác sĩ", "miền Nam") is one word that is no mention. Named people take their sex from a title word
first ("chị Lan"), then the middle name Thị/Văn, then the curated given-name lists (else "ambiguous").
"""

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx
from .lexicon_domains import DOMAINS, OCCUPATIONS
from .normalising import matching_form
from .segmenting import Segmenter, Word

GROUP = {**{w: "F" for w in lx.GROUP_F}, **{w: "M" for w in lx.GROUP_M}}
PERSON = {**{w: "F" for w in lx.PERSON_F}, **{w: "M" for w in lx.PERSON_M}, **{w: "U" for w in lx.PERSON_U}}
PRONOUNS = frozenset(matching_form(w) for w in (
    "anh ấy", "chị ấy", "cô ấy", "ông ấy", "bà ấy", "cậu ấy", "ông ta", "bà ta", "anh ta", "cô ta", "chị ta", "hắn",
    "nàng", "chàng"))
# Kinship words that, before a name, say whose relative it is: "mẹ Lan" is Lan's mother, not Lan.
KIN_OF = frozenset(matching_form(w) for w in (
    "mẹ", "má", "bố", "cha", "vợ", "chồng", "em gái", "em trai", "anh trai", "chị gái", "ông nội", "ông ngoại",
    "bà nội", "bà ngoại", "con dâu", "con rể", "cháu gái", "cháu trai", "mẹ chồng", "mẹ vợ", "bố chồng", "bố vợ"))
# Well-known people whose name alone does not tell the sex.
FAMOUS = {matching_form("hồ chí minh"): "M", matching_form("bác hồ"): "M", matching_form("trần hưng đạo"): "M",
          matching_form("hai bà trưng"): "F", matching_form("bà triệu"): "F"}


@dataclass(frozen=True)
class Mention:
    text: str
    sex: str          # F, M, U (unknown title), A (ambiguous name)
    kind: str         # group, person, named, pronoun
    start: int
    end: int
    key: str          # who it is, for merging into characters ("lan", "mẹ", "mẹ lan")
    word_index: int   # index of its first word in the sentence's word list

    @property
    def generic(self) -> bool:
        return self.kind == "group"


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    from .cues import CUE_WORDS

    words = set(lx.EXCLUSIONS) | set(GROUP) | set(PERSON) | PRONOUNS | KIN_OF | set(FAMOUS) | set(OCCUPATIONS)
    for entries in DOMAINS.values():
        words |= set(entries)
    words |= CUE_WORDS
    return Segmenter({w for w in words if " " in w})


def _name_run(words: list[Word], i: int) -> int:
    """How many capitalised words start at i (a name is at most four syllables)."""
    n = 0
    while i + n < len(words) and words[i + n].capitalised and words[i + n].syllables == 1 and n < 4:
        n += 1
    return n


def _name_sex(keys: list[str]) -> str:
    if len(keys) >= 3 and keys[1] == lx.MIDDLE_F:
        return "F"
    if len(keys) >= 3 and keys[1] == lx.MIDDLE_M:
        return "M"
    given = keys[-1]
    if given in lx.GIVEN_F:
        return "F"
    if given in lx.GIVEN_M:
        return "M"
    return "A"


def _is_given(key: str) -> bool:
    return key in lx.GIVEN_F or key in lx.GIVEN_M or key in lx.GIVEN_AMBIGUOUS


def find_mentions(text: str, words: list[Word] | None = None) -> list[Mention]:
    words = words if words is not None else segmenter().words_of(text)
    out: list[Mention] = []
    i = 0
    while i < len(words):
        word = words[i]
        key = word.key
        if key in lx.EXCLUSIONS:
            i += 1
            continue
        if key in FAMOUS:
            out.append(Mention(word.text, FAMOUS[key], "named", word.start, word.end, key, i))
            i += 1
            continue
        if key in PERSON or key in PRONOUNS:
            run = _name_run(words, i + 1)
            if run and key not in PRONOUNS:
                last = words[i + run]
                names = [w.key for w in words[i + 1:i + 1 + run]]
                sex = PERSON[key] if PERSON[key] != "U" else _name_sex(names)
                who = f"{key} {names[-1]}" if key in KIN_OF else names[-1]
                out.append(Mention(text[word.start:last.end], sex, "named", word.start, last.end, who, i))
                i += run + 1
                continue
            kind = "pronoun" if key in PRONOUNS else "person"
            out.append(Mention(word.text, PERSON.get(key, _pronoun_sex(key)), kind, word.start, word.end, key, i))
            i += 1
            continue
        if key in GROUP and not (word.capitalised and i > 0 and key in ("nam", "nữ")):
            out.append(Mention(word.text, GROUP[key], "group", word.start, word.end, key, i))
            i += 1
            continue
        run = _name_run(words, i)
        if run:
            keys = [w.key for w in words[i:i + run]]
            full = len(keys) >= 2 and keys[0] in lx.FAMILY_NAMES and _is_given(keys[-1])
            # Capitalised inside a sentence a given name is a name; at its start it may be the everyday word.
            single = len(keys) == 1 and _is_given(keys[0]) and (i > 0 or keys[0] not in lx.SENTENCE_START_WORDS)
            if full or single:
                last = words[i + run - 1]
                out.append(Mention(text[word.start:last.end], _name_sex(keys), "named", word.start, last.end,
                                   keys[-1], i))
            i += run
            continue
        i += 1
    return out


def _pronoun_sex(key: str) -> str:
    female = {matching_form(w) for w in ("chị ấy", "cô ấy", "bà ấy", "bà ta", "cô ta", "chị ta", "nàng")}
    return "F" if key in female else "M"

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
    "mẹ", "má", "bố", "cha", "vợ", "chồng", "ông nội", "ông ngoại", "bà nội", "bà ngoại", "con dâu", "con rể",
    "mẹ chồng", "mẹ vợ", "bố chồng", "bố vợ"))
# ("em trai Minh", "chị gái Lan" name the brother or sister: the title rule.)
# "các em gái", "những cô gái": a plural of these is a group, not one person.
PLURAL_MARKERS = frozenset(matching_form(w) for w in ("các", "những", "mọi", "nhiều", "hầu hết"))
PLURALISABLE = frozenset(matching_form(w) for w in (
    "em gái", "em trai", "cô gái", "chàng trai", "bà mẹ", "cậu bé", "cô bé", "cháu gái", "cháu trai", "cô dâu",
    "chú rể", "bà cụ", "ông cụ"))
# Well-known people whose name alone does not tell the sex.
FAMOUS = {matching_form("hồ chí minh"): "M", matching_form("bác hồ"): "M", matching_form("trần hưng đạo"): "M",
          matching_form("hai bà trưng"): "F", matching_form("bà triệu"): "F"}


@dataclass(frozen=True)
class Mention:
    text: str
    sex: str          # F, M, U (unknown title), A (ambiguous name)
    kind: str         # group, person, named, pronoun, predicate ("… là nữ anh hùng")
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
            title, _, rest = word.text.partition(" ")
            # "anh Minh" is a man called Minh, "anh minh" (wise) is not: a capitalised given name after a title.
            if word.syllables == 2 and matching_form(title) in PERSON and rest[:1].isupper() and _is_given(
                    matching_form(rest)):
                sex = PERSON[matching_form(title)]
                sex = sex if sex != "U" else _name_sex([matching_form(rest)])
                out.append(Mention(word.text, sex, "named", word.start, word.end, matching_form(rest), i))
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
            if key in PLURALISABLE and i > 0 and words[i - 1].key in PLURAL_MARKERS:
                kind = "group"
            # "Võ Thị Sáu là nữ anh hùng": after "là" a title describes someone already named.
            if kind == "person" and i > 0 and words[i - 1].key == "là":
                kind = "predicate"
            out.append(Mention(word.text, PERSON.get(key, _pronoun_sex(key)), kind, word.start, word.end, key, i))
            i += 1
            continue
        if key in GROUP and not (word.capitalised and i > 0 and key in ("nam", "nữ")):
            out.append(Mention(word.text, GROUP[key], "group", word.start, word.end, key, i))
            i += 1
            continue
        run = _name_run(words, i)
        if run > 1 and i == 0 and words[0].key not in lx.FAMILY_NAMES:
            i += 1  # "Bạn Ngọc …": the capital is the sentence's, the name starts at the next word
            continue
        if run:
            keys = [w.key for w in words[i:i + run]]
            # A family name and two or three more syllables is a full name even with a given name not in
            # the lists ("Lương Định Của"): its sex is then ambiguous. Two syllables need a known given name.
            full = len(keys) >= 2 and keys[0] in lx.FAMILY_NAMES and (_is_given(keys[-1]) or len(keys) >= 3)
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

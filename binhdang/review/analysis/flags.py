"""Stereotype flags, one sentence at a time. Rules, in order:

- saying: a curated sexist saying (sayings.py);
- prescriptive / generalisation: a gendered *group* subject ("con gái", "đàn ông", "người vợ") followed in
  its clause by a prescriptive cue ("phải", "không được"…) or a generalising one ("vốn", "nào cũng",
  "thì", a trait, a comparison);
- role: a role given to a group ("việc nhà là việc của phụ nữ", "đồ chơi dành cho bé gái");
- parallel: two opposite-sex groups in parallel clauses ("đàn ông …, đàn bà …");
- role_contrast: a clause where only women or girls do care and housework, contrasted with a clause where
  only men or boys do something else ("bố đọc báo, còn mẹ nấu cơm").

Nothing is flagged in a sentence with a neutralising cue (criticism, equality, law, statistics,
biology; cues.py); a group subject is skipped when it is joined to the other sex ("con trai và con gái
đều …") or followed by "cũng" ("con gái cũng có thể …": a counter-stereotype).
"""

from dataclasses import dataclass

from . import cues
from .lexicon_domains import DOMAINS, MALE_CODED
from .mentions import Mention, find_mentions, segmenter
from .normalising import matching_form
from .sayings import find_saying
from .segmenting import Word
from .suggestions import ADVICE, contrast_suggestion, group_suggestion

CARE = frozenset(DOMAINS["care"])
HOME_SIDE = CARE | cues.SACRIFICE
MALE_DOMAIN_WORDS = frozenset(w for d in MALE_CODED for w in DOMAINS[d])
_PUNCT_BREAK = set(",;:()\"“”")
EXPLANATIONS = {
    "saying": "Câu có thành ngữ, tục ngữ mang định kiến giới: {detail}",
    "prescriptive": "Câu áp đặt điều cả một giới phải hoặc không được làm (“{evidence}”): việc một người nên làm "
                    "không phụ thuộc vào giới tính.",
    "generalisation": "Câu khái quát một đặc điểm hay khả năng cho cả một giới (“{evidence}”): mỗi người một khác, "
                      "không phải vì là nam hay nữ.",
    "role": "Câu gán một việc, một vai trò cho riêng một giới (“{evidence}”).",
    "parallel": "Câu đặt hai giới vào hai vai trò, phẩm chất đối lập (“{evidence}”).",
    "role_contrast": "Câu đối lập vai trò theo giới: nữ làm việc nhà, chăm sóc còn nam làm việc khác "
                     "(“{evidence}”).",
}


@dataclass(frozen=True)
class Flag:
    rule: str
    evidence: str
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class SentenceResult:
    flag: Flag | None
    counter_example: bool   # a man caring or a woman in a male-coded domain, not flagged: a good example


def _breaks_before(text: str, words: list[Word], j: int, breaks: frozenset[str] = cues.CLAUSE_BREAKS) -> bool:
    """True when a clause ends between word j-1 and word j."""
    gap = text[words[j - 1].end:words[j].start]
    return any(ch in _PUNCT_BREAK for ch in gap) or words[j].key in breaks


# Between two clauses of roles, "thì" also splits ("Trong khi mẹ quét nhà thì bố xem ti vi"); after a
# group subject it is a generalising cue instead, so the group rule does not split on it.
_CONTRAST_BREAKS = cues.CLAUSE_BREAKS | {cues.THI, matching_form("để")}


def clauses(text: str, words: list[Word]) -> list[tuple[int, int]]:
    """Word index ranges [a, b) of the clauses of a sentence."""
    out, start = [], 0
    for j in range(1, len(words)):
        if _breaks_before(text, words, j, _CONTRAST_BREAKS):
            out.append((start, j))
            start = j
    out.append((start, len(words)))
    return [c for c in out if c[1] > c[0]]


def _skipped(text: str, words: list[Word], m: Mention, groups: list[Mention]) -> bool:
    """A group joined to the other sex, preceded by an inclusive word, or followed by "cũng"."""
    i = m.word_index
    before = words[i - 1].key if i > 0 else ""
    if before in cues.INCLUSIVE_BEFORE:
        return True
    after = words[i + 1].key if i + 1 < len(words) else ""
    if after in cues.COUNTER or after in cues.DEMONSTRATIVES:
        return True
    for other in groups:
        if other.sex != m.sex and abs(other.word_index - i) == 2 and \
                words[min(i, other.word_index) + 1].key in cues.CONJUNCTIONS:
            return True
    return False


def _group_rule(text: str, words: list[Word], m: Mention, groups: list[Mention]) -> tuple[str, str] | None:
    i = m.word_index
    opened = i >= 1 and words[i - 1].key in cues.OPENERS
    # "Con trai mà khóc thì…", "Con gái con đứa gì mà…": a judgement on what a whole sex does.
    if any(w.key == cues.MA for w in words[i + 1:i + 3]):
        return "generalisation", text[m.start:words[i + 1].end]
    for j in range(i + 1, min(len(words), i + 9)):
        if _breaks_before(text, words, j) and not (opened and words[j].key not in cues.CLAUSE_BREAKS):
            break
        key = words[j].key
        if key == cues.THI and (j > i + 2 or j + 1 < len(words) and words[j + 1].key in cues.PRESCRIPTIVE):
            continue
        if key in cues.PRESCRIPTIVE:
            return "prescriptive", text[m.start:words[j].end]
        if key in cues.GENERALISING:
            if key == matching_form("hơn") and not any(o.sex != m.sex and o.word_index > j for o in groups):
                continue
            return "generalisation", text[m.start:words[j].end]
    return _role_rule(text, words, m)


def _role_rule(text: str, words: list[Word], m: Mention) -> tuple[str, str] | None:
    """"… là việc của phụ nữ", "đồ chơi dành cho bé gái", "việc nhà là của vợ"."""
    i = m.word_index
    if i >= 1 and words[i - 1].key in cues.ROLE_LINKS and any(w.key in cues.ROLE_NOUNS for w in words[:i - 1]):
        return "role", text[words[0].start:m.end]
    return None


def _clause_sex(mentions: list[Mention], a: int, b: int) -> str:
    sexes = {m.sex for m in mentions if a <= m.word_index < b and m.sex in "FM"}
    return sexes.pop() if len(sexes) == 1 else ""


def _has(words: list[Word], a: int, b: int, vocabulary: frozenset[str]) -> bool:
    return any(w.key in vocabulary for w in words[a:b])


def _role_clauses(text: str, words: list[Word], mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Clauses with the sex of their people; a clause naming nobody continues the one before it
    ("còn mẹ thì đi chợ nấu cơm", "vợ ở nhà giặt giũ, cơm nước")."""
    parts: list[list] = []
    for a, b in clauses(text, words):
        named = any(a <= m.word_index < b for m in mentions)
        if parts and not named:
            parts[-1][1] = b
        else:
            parts.append([a, b])
    return [(a, b, _clause_sex(mentions, a, b)) for a, b in parts]


def _contrast(text: str, words: list[Word], mentions: list[Mention]) -> tuple[str, str, str] | None:
    parts = _role_clauses(text, words, mentions)
    female = [(a, b) for a, b, sex in parts if sex == "F" and _has(words, a, b, HOME_SIDE)]
    male = [(a, b) for a, b, sex in parts if sex == "M" and not _has(words, a, b, CARE) and b - a >= 2]
    if female and male and not any(_has(words, a, b, MALE_DOMAIN_WORDS) for a, b in female):
        first = min(female[0][0], male[0][0])
        last = max(female[-1][1], male[-1][1])
        return text[words[first].start:words[last - 1].end], _phrase(text, words, *female[0]), \
            _first_of(mentions, *male[0], "M") + "|" + _first_of(mentions, *female[0], "F")
    return None


def _phrase(text: str, words: list[Word], a: int, b: int) -> str:
    """The care activity of a clause, from its first care word to the clause's end; "" when the clause
    is about giving up a chance (nothing to share: the suggestion is then advice)."""
    start = next((j for j in range(a, b) if words[j].key in CARE), None)
    # "chị Lan làm y tá": an occupation, not a chore to share ("cùng y tá" is not Vietnamese): advice.
    if start is None or start > a and words[start - 1].key in ("làm", "là"):
        return ""
    return text[words[start].start:words[b - 1].end]


def _first_of(mentions: list[Mention], a: int, b: int, sex: str) -> str:
    return next(m.text for m in mentions if a <= m.word_index < b and m.sex == sex)


def is_counter_example(text: str, words: list[Word], mentions: list[Mention]) -> bool:
    for a, b, sex in _role_clauses(text, words, mentions):
        if sex == "M" and _has(words, a, b, CARE) or sex == "F" and _has(words, a, b, MALE_DOMAIN_WORDS):
            return True
    return False


def review_sentence(text: str) -> SentenceResult:
    words = segmenter().words_of(text)
    return review_sentence_words(text, words, find_mentions(text, words))


def review_sentence_words(text: str, words: list[Word], mentions: list[Mention]) -> SentenceResult:
    key = matching_form(text)
    neutral = bool(cues.neutralising_cue(key))
    # A saying is flagged unless criticised; a past-time frame ("ngày xưa") does not excuse it.
    flag = _saying_flag(text) if not cues.neutralising_cue(key, saying=True) else None
    if flag is None and not neutral:
        flag = _flag(text, words, mentions)
    counter = flag is None and not neutral and is_counter_example(text, words, mentions)
    return SentenceResult(flag, counter)


def _saying_flag(text: str) -> Flag | None:
    saying = find_saying(text)
    if saying is None:
        return None
    core, meaning, alternative = saying
    return Flag("saying", core, EXPLANATIONS["saying"].format(detail=meaning), alternative)


def _flag(text: str, words: list[Word], mentions: list[Mention]) -> Flag | None:
    groups = [m for m in mentions if m.generic]
    kept = [m for m in groups if not _skipped(text, words, m, groups)]
    for m in kept:
        found = _group_rule(text, words, m, groups)
        if found:
            rule, evidence = found
            others = any(o is not m and o.word_index > m.word_index for o in groups)
            return Flag(rule, evidence, EXPLANATIONS[rule].format(evidence=evidence),
                        group_suggestion(text, rule, m, evidence, others))
    for m in mentions:
        found = m.kind == "person" and _role_rule(text, words, m)
        if found:
            return Flag("role", found[1], EXPLANATIONS["role"].format(evidence=found[1]),
                        group_suggestion(text, "role", m, found[1]))
    opposite = [(a, b) for a in kept for b in kept if a.sex == "F" and b.sex == "M"]
    for a, b in opposite:
        lo, hi = sorted((a.word_index, b.word_index))
        split = any(_breaks_before(text, words, j) for j in range(lo + 1, hi + 1)) and hi - lo >= 2
        # "Trai tài gái đảm": two groups with one word between that does not join them.
        idiom = hi - lo == 2 and words[lo + 1].key not in cues.CONJUNCTIONS | cues.LINKING
        if split or idiom:
            evidence = text[min(a.start, b.start):max(a.end, b.end)]
            return Flag("parallel", evidence, EXPLANATIONS["parallel"].format(evidence=evidence),
                        ADVICE["parallel"])
    contrast = _contrast(text, words, mentions)
    if contrast:
        evidence, care, who = contrast
        man, woman = who.split("|")
        return Flag("role_contrast", evidence, EXPLANATIONS["role_contrast"].format(evidence=evidence),
                    contrast_suggestion(man, woman, care))
    return None

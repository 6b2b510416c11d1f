"""The review of one material: lessons, characters, occupations, activities, flags; and its JSON.

`review_material(material)` runs every sentence once through the segmenter, the mention finder and the
flag rules; `Report.to_json()` is exactly the shape `binhdang review FILE --json` prints.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .characters import LESSON_HEADING, Lesson, female_share
from .flags import Flag, clauses, review_sentence_words
from .lexicon_domains import DOMAIN_LABELS, DOMAINS, OCCUPATIONS
from .mentions import Mention, find_mentions, segmenter
from .reading import Material, Paragraph
from .segmenting import sentences

_DOMAIN_OF = {}
for _domain, _entries in DOMAINS.items():
    for _entry in _entries:
        _DOMAIN_OF.setdefault(_entry, _domain)


@dataclass
class FoundFlag:
    paragraph: Paragraph
    sentence: str
    flag: Flag
    lesson: str


@dataclass
class Report:
    name: str
    kind: str
    legacy_encoding: str = ""
    lessons: list[Lesson] = field(default_factory=list)
    occupations: dict[str, dict[str, int]] = field(default_factory=dict)
    activities: dict[str, dict[str, int]] = field(default_factory=lambda: {d: {"F": 0, "M": 0} for d in DOMAINS})
    flags: list[FoundFlag] = field(default_factory=list)
    counter_examples: list[tuple[Paragraph, str]] = field(default_factory=list)
    sentences: int = 0

    def character_counts(self) -> dict[str, int]:
        total = {"F": 0, "M": 0, "A": 0}
        for lesson in self.lessons:
            for sex, n in lesson.counts().items():
                total[sex] += n
        return total

    @property
    def female_share(self) -> float | None:
        return female_share(self.character_counts())

    def to_json(self) -> dict:
        counts = self.character_counts()
        mentions = {"F": 0, "M": 0, "A": 0}
        for lesson in self.lessons:
            for sex, n in lesson.mentions.items():
                mentions[sex] += n
        return {
            "female_share": self.female_share,
            "characters": {
                "female": counts["F"], "male": counts["M"], "ambiguous": counts["A"],
                "mentions": {"female": mentions["F"], "male": mentions["M"], "ambiguous": mentions["A"]},
                "by_lesson": [{"lesson": lesson.title, "female": c["F"], "male": c["M"], "ambiguous": c["A"],
                               "female_share": female_share(c)}
                              for lesson in self.lessons for c in [lesson.counts()]],
            },
            "occupations": [{"occupation": name, "female": row["F"], "male": row["M"], "unknown": row["U"]}
                            for name, row in sorted(self.occupations.items())],
            "activities": [{"domain": domain, "label": DOMAIN_LABELS[domain], "female": row["F"], "male": row["M"]}
                           for domain, row in self.activities.items()],
            "flags": [{"line": f.paragraph.line, "page": f.paragraph.page, "sentence": f.sentence,
                       "rule": f.flag.rule, "explanation": f.flag.explanation, "suggestion": f.flag.suggestion}
                      for f in self.flags],
        }


def _nearest_sex(mentions: list[Mention], index: int, a: int, b: int) -> str:
    """Sex of the person an occupation belongs to: the nearest mention in its clause, before it first."""
    before = [m for m in mentions if a <= m.word_index < index and m.sex in "FM"]
    after = [m for m in mentions if index < m.word_index < b and m.sex in "FM"]
    if before:
        return before[-1].sex
    return after[0].sex if after else "U"


def _count_sentence(report: Report, text: str, words, mentions: list[Mention]) -> None:
    for a, b in clauses(text, words):
        sexes = {m.sex for m in mentions if a <= m.word_index < b and m.sex in "FM"}
        seen_domains = set()
        for j in range(a, b):
            key = words[j].key
            if key in OCCUPATIONS:
                sex = OCCUPATIONS[key] or _nearest_sex(mentions, j, a, b)
                row = report.occupations.setdefault(words[j].text.lower(), {"F": 0, "M": 0, "U": 0})
                row[sex] += 1
            domain = _DOMAIN_OF.get(key)
            if domain and len(sexes) == 1 and domain not in seen_domains:
                seen_domains.add(domain)
                report.activities[domain][next(iter(sexes))] += 1


def review_material(material: Material, progress: Callable[[int, int], None] | None = None) -> Report:
    report = Report(material.name, material.kind, material.legacy_encoding)
    lesson = Lesson(material.name)
    report.lessons.append(lesson)
    total = len(material.paragraphs)
    seg = segmenter()
    for n, paragraph in enumerate(material.paragraphs, start=1):
        if LESSON_HEADING.match(paragraph.text):
            if lesson.characters or lesson.mentions != {"F": 0, "M": 0, "A": 0} or len(report.lessons) > 1 or n > 1:
                lesson = Lesson(paragraph.text[:120])
                report.lessons.append(lesson)
            else:
                lesson.title = paragraph.text[:120]
        for start, end in sentences(paragraph.text):
            text = paragraph.text[start:end]
            words = seg.words_of(text)
            mentions = find_mentions(text, words)
            report.sentences += 1
            for mention in mentions:
                lesson.add(mention)
            _count_sentence(report, text, words, mentions)
            result = review_sentence_words(text, words, mentions)
            if result.flag:
                report.flags.append(FoundFlag(paragraph, text, result.flag, lesson.title))
            elif result.counter_example:
                report.counter_examples.append((paragraph, text))
        if progress and (n % 50 == 0 or n == total):
            progress(n, total)
    # A material whose first lines came before its first heading keeps them as a lesson of their own
    # only when they named someone.
    report.lessons = [ls for ls in report.lessons if ls.characters or ls.mentions != {"F": 0, "M": 0, "A": 0}] \
        or report.lessons[:1]
    return report

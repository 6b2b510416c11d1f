"""Mentions merged into characters per lesson, and the tables by sex.

A character is one person of one lesson: every mention of "Lan", "chị Lan" and "bạn Lan" is the same
character (key = given name); "mẹ" is one character, "mẹ Lan" another. Group words ("con gái",
"phụ nữ"), pronouns and titles after "là" count as mentions but make no character: they are no one
in particular, or someone already counted. A
lesson starts at a heading "Bài 3", "Tiết 12", "Chủ đề 2"…; material without such headings is one lesson.
"""

import re
from dataclasses import dataclass, field

from .mentions import Mention

LESSON_HEADING = re.compile(r"^\s*(?:bài|tiết|chủ đề|chương|unit|lesson)\s+\d+", re.I)


@dataclass
class Character:
    key: str
    sex: str           # F, M, A (ambiguous name or unknown title)
    label: str         # the first way it was written
    mentions: int = 0


@dataclass
class Lesson:
    title: str
    characters: dict[str, Character] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=lambda: {"F": 0, "M": 0, "A": 0})

    def add(self, mention: Mention) -> None:
        sex = "A" if mention.sex in ("U", "A") else mention.sex
        self.mentions[sex] += 1
        if mention.kind in ("group", "pronoun", "predicate"):
            return
        character = self.characters.get(mention.key) or self._relative(mention.key)
        if character is None:
            character = self.characters[mention.key] = Character(mention.key, sex, mention.text)
        elif character.sex == "A" and sex != "A":
            # "Minh" is ambiguous until "anh Minh" says who it is.
            character.sex = sex
        character.mentions += 1

    def _relative(self, key: str) -> Character | None:
        """"mẹ" and "mẹ Lan" in one lesson are the same mother, whichever came first."""
        for other_key, character in self.characters.items():
            if other_key.startswith(key + " ") or key.startswith(other_key + " "):
                return character
        return None

    def counts(self) -> dict[str, int]:
        out = {"F": 0, "M": 0, "A": 0}
        for character in self.characters.values():
            out[character.sex] += 1
        return out


def female_share(counts: dict[str, int]) -> float | None:
    """Female characters among those whose sex is known; None without any."""
    known = counts["F"] + counts["M"]
    return round(counts["F"] / known, 3) if known else None

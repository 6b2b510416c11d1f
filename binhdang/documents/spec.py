"""What an official document says, independent of Django and of the output format.

Every app that issues a document (plan, report, decision, proposal) builds an
OfficialDocument and hands it to a renderer in binhdang.documents.rendering; the
Nghị định 30/2020/NĐ-CP layout lives only there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

# Vietnamese list letters in the order Nghị định 30 uses for points a), b), …: no f, j, w, z,
# and đ comes right after d.
VIETNAMESE_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def roman_numeral(n: int) -> str:
    """1 → "I", 4 → "IV", 14 → "XIV" (section headings I., II., …)."""
    if n < 1:
        raise ValueError("roman numerals start at 1")
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def vietnamese_letter(n: int) -> str:
    """1 → "a", 5 → "đ", 6 → "e", 7 → "g" (point markers a), b), …)."""
    if not 1 <= n <= len(VIETNAMESE_LETTERS):
        raise ValueError(f"no Vietnamese list letter number {n}")
    return VIETNAMESE_LETTERS[n - 1]


@dataclass(frozen=True)
class Heading:
    """A numbered heading: level 1 "I.", level 2 "1.", level 3 "a)".

    The marker is given, not computed: documents read from real plans keep their own
    numbering, irregular as it may be (use roman_numeral / vietnamese_letter to number new ones).
    """

    level: Literal[1, 2, 3]
    text: str
    marker: str = ""

    def __post_init__(self):
        if self.level not in (1, 2, 3):
            raise ValueError(f"heading level must be 1, 2 or 3, not {self.level!r}")

    @property
    def full_text(self) -> str:
        return f"{self.marker} {self.text}".strip() if self.marker else self.text


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullet:
    """A dashed item ("- …") or a sub-item ("+ …")."""

    text: str
    marker: Literal["-", "+"] = "-"

    def __post_init__(self):
        if self.marker not in ("-", "+"):
            raise ValueError(f"bullet marker must be '-' or '+', not {self.marker!r}")

    @property
    def full_text(self) -> str:
        return f"{self.marker} {self.text}"


@dataclass(frozen=True)
class Article:
    """An article of a decision (quyết định): "Điều 1. Khen thưởng …", the label in bold."""

    number: int
    text: str

    def __post_init__(self):
        if self.number < 1:
            raise ValueError("articles are numbered from 1")

    @property
    def label(self) -> str:
        return f"Điều {self.number}."

    @property
    def full_text(self) -> str:
        return f"{self.label} {self.text}"


@dataclass(frozen=True)
class Table:
    """A table of figures (a consolidation's indicators, activities by unit): a header row
    repeated on every page, then the rows; `widths` are relative column widths (even if empty)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()

    def __post_init__(self):
        if not self.header:
            raise ValueError("a table needs a header")
        if any(len(row) != len(self.header) for row in self.rows):
            raise ValueError("every row needs one cell per header column")
        if self.widths and len(self.widths) != len(self.header):
            raise ValueError("one width per column")


Block = Heading | Paragraph | Bullet | Article | Table


@dataclass(frozen=True)
class Signer:
    """Who signs. authority is "KT." (ký thay), "TM." (thay mặt), "Q." (quyền) or "" (signs
    in their own name); authority_title is then the head's title ("HIỆU TRƯỞNG")."""

    position: str
    name: str
    authority: Literal["", "KT.", "TM.", "Q."] = ""
    authority_title: str = ""

    def __post_init__(self):
        if self.authority not in ("", "KT.", "TM.", "Q."):
            raise ValueError(f"unknown signing authority {self.authority!r}")
        if self.authority in ("KT.", "TM.") and not self.authority_title:
            raise ValueError(f"{self.authority} needs the title of the one signed for")

    @property
    def title_lines(self) -> list[str]:
        """["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"], ["Q. HIỆU TRƯỞNG"] or ["HIỆU TRƯỞNG"]."""
        if self.authority == "Q.":
            return [f"Q. {self.authority_title or self.position}".upper()]
        if self.authority:
            return [f"{self.authority} {self.authority_title}".upper(), self.position.upper()]
        return [self.position.upper()]


@dataclass(frozen=True)
class Recipient:
    """One line of "Nơi nhận": "- Sở GDĐT (để báo cáo);"."""

    name: str
    purpose: str = ""

    @classmethod
    def archive(cls, keeper: str = "VT") -> Recipient:
        """The last line of every list: "- Lưu: VT."."""
        return cls(name=f"Lưu: {keeper}")

    @property
    def is_archive(self) -> bool:
        return self.name.startswith("Lưu")

    @property
    def text(self) -> str:
        return f"{self.name} ({self.purpose})" if self.purpose else self.name


@dataclass
class OfficialDocument:
    parent_body: str
    issuer: str
    number_code: str
    place: str
    date: dt.date | None
    doc_type_title: str
    summary: str
    signer: Signer
    legal_basis: list[str] = field(default_factory=list)
    intro: str = ""
    body: list[Block] = field(default_factory=list)
    closing: str = ""
    recipients: list[Recipient] = field(default_factory=list)
    # The year shown in a place-date line left blank for the văn thư ("ngày … tháng … năm 2023").
    year: int | None = None
    # A decision names who decides under its summary ("HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC A") and opens
    # its articles with "QUYẾT ĐỊNH:" after the legal basis; other documents leave both empty.
    authority: str = ""
    enacting: str = ""

"""What the plan parser produces: a plan's parts with the source line of each, and its JSON view.

The structure is richer than the JSON (line numbers, levels, the signer's "on behalf of") so
that import screens can point at the source text; `ParsedPlan.to_json_dict` is the stable,
serialisable contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from binhdang.legal.citations import Citation
from binhdang.lib.vntext import fold

# Node kinds, from the outermost level in.
SECTION = "section"  # I. II. III.
SUBSECTION = "subsection"  # 1. 2. (also 1.1.)
LETTER = "letter"  # a) b) c) d) đ) e) g)
BULLET = "bullet"  # -
SUB_BULLET = "sub_bullet"  # +
PARAGRAPH = "paragraph"  # unmarked text


@dataclass
class SourceLine:
    """One line of the source: `text` is NFC, without Word artefacts, trimmed."""

    number: int
    raw: str
    text: str
    columns: list[str]


@dataclass
class Node:
    """A heading or an item of the plan's body, with everything nested under it."""

    kind: str
    label: str
    text: str
    line: int
    children: list[Node] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.label} {self.text}".strip()

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()

    def is_target_heading(self) -> bool:
        return self.kind in (SECTION, SUBSECTION, LETTER) and fold(self.text).startswith("chi tieu")

    def to_json(self) -> dict:
        return {
            "label": self.label,
            "text": self.text,
            "items": [child.to_json() for child in self.children],
        }


@dataclass
class Header:
    """The official header: issuing body (and its parent), number, place and date."""

    issuer: str = ""
    issuer_parent: str = ""
    number: str = ""
    place: str = ""
    date: dt.date | None = None
    motto: list[str] = field(default_factory=list)


@dataclass
class Recipient:
    name: str
    purpose: str
    line: int

    def to_json(self) -> dict:
        return {"name": self.name, "purpose": self.purpose}


@dataclass
class Signer:
    """KT./TM./Q./TL./TUQ. prefix, the signer's own position, name, and for whom they sign."""

    authority: str = ""
    position: str = ""
    name: str = ""
    on_behalf_of: str = ""
    lines: list[int] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"authority": self.authority, "position": self.position, "name": self.name}


@dataclass
class UnparsedLine:
    line: int
    text: str
    reason: str

    def to_json(self) -> dict:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass
class PlanCitation:
    """A cited document, merged over its mentions; `lines` lists where it is cited."""

    citation: Citation
    lines: list[int]
    in_legal_basis: bool

    def to_json(self) -> dict:
        c = self.citation
        return {
            "number": c.number,
            "kind": c.kind,
            "date": c.date.isoformat() if c.date else None,
            "issuer": c.issuer,
            "title": c.title,
        }


@dataclass
class TaskGroup:
    group: str
    title: str
    items: list[Node]
    line: int

    def to_json(self) -> dict:
        return {"group": self.group, "title": self.title, "items": [n.text for n in self.items]}


# Headings of the part that holds the task groups ("NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG HOẠT ĐỘNG").
_TASK_PART_WORDS = ("nhiem vu", "giai phap", "noi dung", "hoat dong")


@dataclass
class ParsedPlan:
    header: Header = field(default_factory=Header)
    title: str = ""
    legal_basis: list[SourceLine] = field(default_factory=list)
    intro: list[SourceLine] = field(default_factory=list)
    citations: list[PlanCitation] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    closing: list[SourceLine] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    signer: Signer | None = None
    unparsed: list[UnparsedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Line number → where the line went ("title", "legal_basis", "item", "recipient", …).
    line_roles: dict[int, str] = field(default_factory=dict)

    @property
    def task_parts(self) -> list[Node]:
        return [s for s in self.sections if s.kind == SECTION and any(w in fold(s.text) for w in _TASK_PART_WORDS)]

    @property
    def tasks(self) -> list[TaskGroup]:
        """Task groups of the tasks part: its numbered subsections, targets excepted."""
        groups: list[TaskGroup] = []
        for part in self.task_parts:
            loose: list[Node] = []
            for child in part.children:
                if child.kind == SUBSECTION and not child.is_target_heading():
                    groups.append(TaskGroup(child.heading, child.text, list(child.descendants()), child.line))
                elif child.kind != SUBSECTION:
                    loose += [child, *child.descendants()]
            if loose:  # items written straight under the part heading form one group
                groups.append(TaskGroup(part.heading, part.text, loose, part.line))
        return groups

    @property
    def targets(self) -> list[str]:
        found: list[str] = []
        for section in self.sections:
            for node in [section, *section.descendants()]:
                if node.is_target_heading():
                    found += [item.text for item in node.descendants()]
        return found

    def to_json_dict(self, *, full: bool = False) -> dict:
        """The JSON contract of `binhdang plan import --json`.

        `full=True` adds what saving needs beyond it (intro and closing paragraphs, each
        citation's raw text and place, the signer's "on behalf of"), so that
        `from_json_dict(to_json_dict(full=True))` saves the same plan as the parsed one.
        """
        data = {
            "issuer": self.header.issuer,
            "number": self.header.number,
            "place": self.header.place,
            "date": self.header.date.isoformat() if self.header.date else None,
            "title": self.title,
            "citations": [c.to_json() for c in self.citations],
            "sections": [
                {"heading": s.heading, "items": [child.to_json() for child in s.children]} for s in self.sections
            ],
            "tasks": [group.to_json() for group in self.tasks],
            "targets": self.targets,
            "recipients": [r.to_json() for r in self.recipients],
            "signer": self.signer.to_json() if self.signer else None,
            "unparsed": [u.to_json() for u in self.unparsed],
            "warnings": list(self.warnings),
        }
        if full:
            for item, citation in zip(data["citations"], self.citations, strict=True):
                item.update(raw=citation.citation.raw, doc_type=citation.citation.doc_type,
                            in_legal_basis=citation.in_legal_basis, lines=list(citation.lines))
            if self.signer:
                data["signer"]["on_behalf_of"] = self.signer.on_behalf_of
            data["intro"] = [line.text for line in self.intro]
            data["closing"] = [line.text for line in self.closing]
        return data

    @classmethod
    def from_json_dict(cls, data: dict) -> ParsedPlan:
        """A ParsedPlan from `to_json_dict()` output (plain or full), e.g. as corrected on the
        import review page. "tasks" and "targets" are read from the sections, where the parser
        found them; source line numbers are not in the JSON and stay 0."""
        from binhdang.plans.parsing.lines import classify_marker  # lines imports this module

        def node(item: dict) -> Node:
            label = item.get("label", "")
            kind = classify_marker(f"{label} x")[0] if label else PARAGRAPH
            return Node(kind, label, item.get("text", ""), 0, [node(child) for child in item.get("items", [])])

        def section(item: dict) -> Node:
            kind, label, text = classify_marker(item.get("heading", ""))
            return Node(kind, label, text, 0, [node(child) for child in item.get("items", [])])

        def day(value) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        signer = data.get("signer")
        return cls(
            header=Header(issuer=data.get("issuer", ""), number=data.get("number", ""),
                          place=data.get("place", ""), date=day(data.get("date"))),
            title=data.get("title", ""),
            intro=[SourceLine(0, text, text, [text]) for text in data.get("intro", [])],
            citations=[
                PlanCitation(
                    Citation(number=c.get("number", ""), kind=c.get("kind", ""), doc_type=c.get("doc_type", ""),
                             date=day(c.get("date")), issuer=c.get("issuer", ""), title=c.get("title", ""),
                             raw=c.get("raw", "")),
                    list(c.get("lines", [])),
                    bool(c.get("in_legal_basis", False)),
                )
                for c in data.get("citations", [])
            ],
            sections=[section(s) for s in data.get("sections", [])],
            closing=[SourceLine(0, text, text, [text]) for text in data.get("closing", [])],
            recipients=[Recipient(r.get("name", ""), r.get("purpose", ""), 0) for r in data.get("recipients", [])],
            signer=Signer(authority=signer.get("authority", ""), position=signer.get("position", ""),
                          name=signer.get("name", ""), on_behalf_of=signer.get("on_behalf_of", ""))
            if signer else None,
            unparsed=[UnparsedLine(u["line"], u["text"], u.get("reason", "")) for u in data.get("unparsed", [])],
            warnings=list(data.get("warnings", [])),
        )

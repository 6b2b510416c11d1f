"""Turns a Word plan into text lines in reading order, then parses it like a text plan.

Paragraphs and table cells are read in document order (the official header and the
recipients/signature block are borderless two-column tables), and Word's automatic numbering
("I.", "1.", "a)", bullets) is written out, since `paragraph.text` leaves it out.
"""

from __future__ import annotations

import re
from typing import IO

from binhdang.plans.parsing.model import ParsedPlan
from binhdang.plans.parsing.reader import parse_plan_text

_BLANKS_RE = re.compile(r"(?<=\S) {4,}(?=/|tháng\b|năm\b)")


def _roman(value: int) -> str:
    out = ""
    for number, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out += numeral
            value -= number
    return out


def _format(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)


class _Numbering:
    """Replays Word's list counters to recover the labels of numbered paragraphs."""

    def __init__(self, document):
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str | None, object] = {}
        # Found through the relationships rather than `part.numbering_part`, which tries to
        # create a missing part; a document without automatic numbering has none to replay.
        numbering = next((rel.target_part for rel in document.part.rels.values()
                          if not rel.is_external and rel.reltype == RT.NUMBERING), None)
        if numbering is None:
            return
        root = numbering.element
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})

    def _style_element(self, paragraph):
        """The paragraph's style element, looked up once per style: python-docx scans every
        style of the document for each lookup, which made reading most of a plan's time."""
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        if style_id not in self.styles:
            self.styles[style_id] = getattr(paragraph.style, "element", None)
        return self.styles[style_id]

    def _num_pr(self, paragraph):
        qn = self.qn
        for owner in (paragraph._p, self._style_element(paragraph)):
            ppr = owner.find(qn("w:pPr")) if owner is not None else None
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
                ilvl = num_pr.find(qn("w:ilvl"))
                level = int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
                return num_pr.find(qn("w:numId")).get(qn("w:val")), level
        return None

    def label(self, paragraph) -> str:
        found = self._num_pr(paragraph)
        if not found or found[0] not in self.levels:
            return ""
        num_id, level = found
        levels = self.levels[num_id]
        if level not in levels:
            return ""
        fmt, text, start = levels[level]
        if fmt == "bullet":
            return "+" if text == "+" else "-"
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        label = text
        for k, (k_fmt, _, k_start) in levels.items():
            label = label.replace(f"%{k + 1}", _format(counters.get(k, k_start), k_fmt))
        return label


def _walk(container, numbering: _Numbering, out: list[str]) -> None:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen = set()
                for cell in row.cells:  # a merged cell is returned once per grid column
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    _walk(cell, numbering, out)
        else:
            label = numbering.label(block)
            # Blanks left to fill in by hand ("Số:      /KH-THLTK", "ngày      tháng      năm")
            # are not column gaps; spaces that push a second column to the right still are.
            text = _BLANKS_RE.sub("   ", f"{label} {block.text}" if label else block.text)
            out.extend(text.split("\n"))


def docx_text(path_or_file: str | IO[bytes]) -> str:
    """The plan's text, one paragraph per line, tables cell by cell in reading order."""
    import docx

    document = docx.Document(path_or_file)
    lines: list[str] = []
    _walk(document, _Numbering(document), lines)
    return "\n".join(lines)


def parse_plan_docx(path_or_file: str | IO[bytes]) -> ParsedPlan:
    """Parse a plan saved as .docx (a path or a binary file object)."""
    return parse_plan_text(docx_text(path_or_file))

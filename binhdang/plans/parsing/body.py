"""Builds the tree of a plan's body: I. → 1. → a) → "-" → "+", with unmarked paragraphs.

Real plans skip numbers ("IV." right after "II."), start letters at "c)" and cut sentences
short; the tree is built anyway and each oddity becomes a warning, never a failure.
"""

from __future__ import annotations

from collections.abc import Callable

from binhdang.plans.parsing.lines import (
    VIETNAMESE_LETTERS,
    classify_marker,
    looks_cut_off,
    marker_ordinal,
)
from binhdang.plans.parsing.model import (
    BULLET,
    LETTER,
    PARAGRAPH,
    SECTION,
    SUB_BULLET,
    SUBSECTION,
    Node,
    ParsedPlan,
    SourceLine,
)

_LEVEL = {SECTION: 0, SUBSECTION: 1, LETTER: 2, BULLET: 3, SUB_BULLET: 4}
_FIRST_LABEL = {SECTION: "I.", SUBSECTION: "1.", LETTER: "a)"}


class BodyBuilder:
    def __init__(self, plan: ParsedPlan, place: Callable[[SourceLine, str], None]):
        self.plan = plan
        self.place = place
        self.stack: list[Node] = []  # open headings and items, outermost first
        self.lines: list[SourceLine] = []

    def feed(self, line: SourceLine) -> None:
        kind, label, text = classify_marker(line.text)
        node = Node(kind, label, text, line.number)
        if kind == PARAGRAPH:
            self._attach_paragraph(node)
        else:
            self._attach(node)
        if looks_cut_off(text):
            self.plan.warnings.append(f"Dòng {line.number}: câu có vẻ bị cắt giữa chừng (“…{text[-40:]}”).")
        self.lines.append(line)
        self.place(line, kind)

    def _attach(self, node: Node) -> None:
        while self.stack and _LEVEL.get(self.stack[-1].kind, 99) >= _LEVEL[node.kind]:
            self.stack.pop()
        siblings = self.stack[-1].children if self.stack else self.plan.sections
        self._check_order(node, siblings)
        siblings.append(node)
        self.stack.append(node)

    def _attach_paragraph(self, node: Node) -> None:
        # An unmarked paragraph belongs to the nearest heading (I. or 1.), not to the "a)" or
        # bullet above it: that is how the seeds use it ("2. Yêu cầu" + a paragraph).
        while self.stack and self.stack[-1].kind not in (SECTION, SUBSECTION):
            self.stack.pop()
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.plan.sections.append(node)

    def _check_order(self, node: Node, siblings: list[Node]) -> None:
        ordinal = marker_ordinal(node.kind, node.label)
        if ordinal is None:
            return
        previous = next((s for s in reversed(siblings) if s.kind == node.kind), None)
        if previous is None:
            if ordinal != 1:
                self.plan.warnings.append(
                    f"Dòng {node.line}: mục “{node.label}” không bắt đầu từ “{_FIRST_LABEL[node.kind]}”."
                )
            return
        before = marker_ordinal(previous.kind, previous.label) or 0
        expected = {before + 1}
        if node.kind == LETTER and previous.label == "d)":
            expected.add(VIETNAMESE_LETTERS.index("e") + 1)  # many writers skip "đ)"
        if ordinal not in expected:
            self.plan.warnings.append(
                f"Dòng {node.line}: sau mục “{previous.label}” là mục “{node.label}” (thiếu mục hoặc sai thứ tự)."
            )

"""A plan as an official document (documents.spec.OfficialDocument), ready for the DOCX renderer.

The header, title, legal basis, intro, sections, closing, recipients and signer come from the
plan's rows. The tasks section is written from TaskGroup/Task (what the plan editor changes),
the targets from Target rows, every other section from its stored item tree, labels kept. The
result reads back through plans.parsing into the same structure (tests/test_export_roundtrip.py).
"""

from __future__ import annotations

import re

from binhdang.documents.codes import DocType, code_for, number_line
from binhdang.documents.spec import (
    Block,
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Recipient,
    Signer,
    roman_numeral,
    vietnamese_letter,
)
from binhdang.lib.vntext import fold, nfc
from binhdang.orgs.selectors import parent_on

from .models import Plan, PlanStatus, SectionKind, Task
from .selectors import task_tree

DOC_TYPE_TITLE = "KẾ HOẠCH"
TARGETS_TITLE = "Chỉ tiêu"
TASKS_TITLE = "Nhiệm vụ, giải pháp"

_ROMAN_LABEL_RE = re.compile(r"^[IVXLC]+\.$")
_NUMBER_LABEL_RE = re.compile(r"^\d+(?:\.\d+)*\.$")
_LETTER_LABEL_RE = re.compile(r"^[a-zđ]\)$")


def _issuer_names(plan: Plan) -> tuple[str, str, str]:
    """(parent body, issuer, issuer code) as the header's left column names them. An internal
    body (Ban VSTBPN) issues inside its school: the school stands above it."""
    unit = plan.issuer_unit
    if plan.issuer_body_id:
        body = plan.issuer_body
        return unit.name.upper(), body.name, body.short_name or unit.short_name
    # A dated plan names the authority the unit answered to on that date (a 2023 plan of a school
    # moved by the 2025 reform keeps its old Sở); an undated draft names today's.
    above = parent_on(unit, plan.document_date) if plan.document_date else None
    above = above or unit.parent
    return (above.name.upper() if above else ""), unit.name, unit.short_name


def _number_code(plan: Plan, short_name: str) -> str:
    if plan.status == PlanStatus.ISSUED and plan.number:
        return f"Số: {plan.number}"
    # Left blank for the văn thư until issued; without a short name the issuer part stays blank too.
    return number_line(None, code_for(DocType.PLAN, short_name)) if short_name.strip() else "Số:      /KH"


def _signer(plan: Plan) -> Signer:
    """The plan's signer as written; a plan without one gets a block with the position only (or
    nothing), never an invented name."""
    authority, on_behalf = plan.signer_authority.strip(), plan.signer_on_behalf_of.strip()
    position, name = plan.signer_position.strip(), plan.signer_name.strip()
    if authority == "Q.":
        return Signer(position=position or on_behalf, name=name, authority="Q.", authority_title=on_behalf)
    if authority in ("KT.", "TM.") and on_behalf:
        return Signer(position=position, name=name, authority=authority, authority_title=on_behalf)
    if authority and on_behalf:
        # TL., TUQ. (or KT. without the one signed for): the same two lines, written out.
        return Signer(position=f"{authority} {on_behalf}\n{position}".strip(), name=name)
    return Signer(position=position, name=name)


def task_text(task: Task) -> str:
    """The task's line: its text and, when filled, who leads, who helps, when, and what it yields."""
    parts = [(label, value.strip()) for label, value in (
        ("Chủ trì", task.responsible), ("phối hợp", task.cooperating),
        ("thời gian", task.time_frame), ("sản phẩm", task.expected_output)) if value.strip()]
    text = nfc(task.text).strip()
    if not parts:
        return text
    return f"{text} ({'; '.join(f'{label}: {nfc(value)}' for label, value in parts)})"


def _is_target_heading(node: dict) -> bool:
    return node.get("label", "") not in ("", "-", "+") and fold(node.get("text", "")).startswith("chi tieu")


def _node_block(label: str, text: str) -> Block:
    """One stored item as a block, by the shape of its label (I. / 1. / a) / - / + / none)."""
    text = nfc(text)
    if _ROMAN_LABEL_RE.match(label):
        return Heading(1, text, label)
    if _NUMBER_LABEL_RE.match(label):
        return Heading(2, text, label)
    if _LETTER_LABEL_RE.match(label):
        return Heading(3, text, label)
    if label in ("-", "+"):
        return Bullet(text, label)
    return Paragraph(f"{label} {text}".strip())


class _Body:
    """Builds the blocks of the plan's sections, placing the targets once."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.blocks: list[Block] = []
        self.targets = [nfc(t.text) for t in plan.targets.all()]
        self.targets_placed = not self.targets
        self.groups = list(plan.task_groups.all())
        self.next_numeral = 1  # for the sections the export adds after the plan's own

    def _groups_by_section(self, sections) -> dict[int, list]:
        """Which tasks section shows which group. A plan may spread its groups over several
        ("II. NHIỆM VỤ", "III. GIẢI PHÁP"): a group stays in the later section whose stored
        headings name it; every other group goes to the first tasks section."""
        tasks_sections = [s for s in sections if s.kind == SectionKind.TASKS]
        owned: dict[int, list] = {id(s): [] for s in tasks_sections}
        for group in self.groups:
            key = fold(group.title)
            owner = next((s for s in tasks_sections[1:] if key == fold(s.title)
                          or any(key == fold(n.get("text", "")) for n in s.body)), tasks_sections[0])
            owned[id(owner)].append(group)
        return owned

    def build(self) -> list[Block]:
        sections = list(self.plan.sections.all())
        self.next_numeral = len(sections) + 1
        tasks_section = next((s for s in sections if s.kind == SectionKind.TASKS), None)
        owned = self._groups_by_section(sections) if tasks_section else {}
        for section in sections:
            self.blocks.append(_node_block(section.heading, section.title))
            if id(section) in owned:
                self._tasks_section(section, owned[id(section)])
            elif section.kind == SectionKind.TARGETS and not self.targets_placed:
                self._targets()
            else:
                self._items(section.body)
        if tasks_section is None and self.groups:
            # Tasks written in the app without a tasks section of their own: a last section.
            self._added_section(TASKS_TITLE)
            self._tasks_section(None, self.groups)
        if not self.targets_placed:
            self._added_section(TARGETS_TITLE)
            self._targets()
        return self.blocks

    def _added_section(self, title: str) -> None:
        self.blocks.append(Heading(1, title, f"{roman_numeral(self.next_numeral)}."))
        self.next_numeral += 1

    def _items(self, items: list[dict]) -> None:
        for node in items:
            self.blocks.append(_node_block(node.get("label", ""), node.get("text", "")))
            if _is_target_heading(node) and not self.targets_placed:
                self._targets()
            else:
                self._items(node.get("items", []))

    def _targets(self) -> None:
        self.blocks.extend(Bullet(text) for text in self.targets)
        self.targets_placed = True

    def _tasks_section(self, section, groups: list) -> None:
        """Groups as "1.", "2." headings with their tasks as "-" and "+" items; a group holding
        the items written straight under the section heading (the parser names it after the
        section) comes first, without a heading of its own. Then the targets, where the section
        had its "Chỉ tiêu" heading, or last when the plan keeps them nowhere else."""
        title = fold(section.title) if section else None
        loose = [g for g in groups if fold(g.title) == title]
        numbered = [g for g in groups if fold(g.title) != title]
        for group in loose:
            self._tasks(task_tree(group))
        for number, group in enumerate(numbered, start=1):
            self.blocks.append(Heading(2, nfc(group.title), f"{number}."))
            self._tasks(task_tree(group))
        target_heading = next((n for n in (section.body if section else []) if _is_target_heading(n)), None)
        if not self.targets_placed and (target_heading or not self._targets_elsewhere()):
            text = target_heading["text"] if target_heading else TARGETS_TITLE
            self.blocks.append(Heading(2, nfc(text), f"{len(numbered) + 1}."))
            self._targets()

    def _targets_elsewhere(self) -> bool:
        def holds(items):
            return any(_is_target_heading(n) or holds(n.get("items", [])) for n in items)
        return any(s.kind == SectionKind.TARGETS or (s.kind != SectionKind.TASKS and holds(s.body))
                   for s in self.plan.sections.all())

    def _tasks(self, tree: list[dict]) -> None:
        """Two levels are "-" and "+"; a group nested three deep puts its first level on a), b)."""
        def depth(nodes):
            return 1 + max((depth(n["children"]) for n in nodes), default=0) if nodes else 0
        lettered = depth(tree) >= 3
        for index, node in enumerate(tree, start=1):
            if lettered:
                marker = vietnamese_letter(min(index, 23))
                self.blocks.append(Heading(3, task_text(node["task"]), f"{marker})"))
            else:
                self.blocks.append(Bullet(task_text(node["task"]), "-"))
            self._subtasks(node["children"], "-" if lettered else "+")

    def _subtasks(self, nodes: list[dict], marker: str) -> None:
        for node in nodes:
            self.blocks.append(Bullet(task_text(node["task"]), marker))
            # Deeper than the markers go: kept in order on the last level.
            self._subtasks(node["children"], "+")


def plan_to_document(plan: Plan) -> OfficialDocument:
    """The plan as an official document (Nghị định 30 parts), fetched with a handful of queries."""
    parent, issuer, short_name = _issuer_names(plan)
    basis = [nfc(b.raw) for b in plan.legal_basis.all() if b.in_preamble and b.raw.strip()]
    intro_lines = [nfc(line) for line in plan.intro.splitlines() if line.strip()]
    recipients = [Recipient(nfc(r.name), nfc(r.purpose)) for r in plan.recipients.all()]
    if not any(r.is_archive for r in recipients):
        recipients.append(Recipient.archive())
    # Intro lines stay separate paragraphs (one string would run them together).
    body = [Paragraph(line) for line in intro_lines[1:]] + _Body(plan).build()
    return OfficialDocument(
        parent_body=parent,
        issuer=issuer,
        number_code=_number_code(plan, short_name),
        place=plan.place or plan.issuer_unit.place,
        date=plan.document_date,
        year=plan.year or (plan.document_date.year if plan.document_date else None),
        doc_type_title=DOC_TYPE_TITLE,
        summary=nfc(plan.title),
        legal_basis=[_basis_line(line) for line in basis],
        intro=intro_lines[0] if intro_lines else "",
        body=body,
        closing=nfc(plan.closing),
        signer=_signer(plan),
        recipients=recipients,
    )


def _basis_line(raw: str) -> str:
    """A stored citation ("Kế hoạch số 6830/KH-UBND …") as a legal-basis line, which opens
    with "Căn cứ" or "Thực hiện" (a plan carries out plans; laws and decrees are grounds)."""
    if re.match(r"^(?:Thực\s+hiện|Căn\s+cứ)\b", raw, re.I):
        return raw
    verb = "Thực hiện" if fold(raw).startswith(("ke hoach", "cong van", "chi thi", "huong dan")) else "Căn cứ"
    return f"{verb} {raw}"

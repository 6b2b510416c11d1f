"""Writes to plans. Each function is one transaction with an audit row.

`plan_create_from_parsed` saves an imported plan (a `ParsedPlan`) with every part the parser
found; what it could not place, and its warnings, become import notes so nothing is dropped.
"""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.legal.models import DocumentStatus, LegalDocument
from binhdang.lib.vntext import fold, nfc
from binhdang.orgs.models import OrgUnit

from .models import (
    ImportNoteKind,
    LegalBasis,
    Plan,
    PlanImportNote,
    PlanKind,
    PlanSection,
    Recipient,
    SectionKind,
    Target,
    Task,
    TaskGroup,
)
from .parsing import ParsedPlan
from .parsing.model import Node, PlanCitation

_YEAR_RE = re.compile(r"\bnam\s+((?:19|20)\d{2})\b")
_PERIOD_RE = re.compile(r"\bgiai doan\s+((?:19|20)\d{2})\s*[-–‐]\s*((?:19|20)\d{2})\b")
_WARNING_LINE_RE = re.compile(r"^Dòng (\d+):")

# Section kind by the folded words of its heading; first match wins ("Mục đích, yêu cầu"
# before "Nhiệm vụ", because a heading rarely names both).
_SECTION_WORDS = (
    (SectionKind.PURPOSES, ("muc dich", "yeu cau")),
    (SectionKind.TARGETS, ("chi tieu",)),
    (SectionKind.ORGANISATION, ("to chuc thuc hien",)),
    (SectionKind.TASKS, ("nhiem vu", "giai phap", "noi dung", "hoat dong")),
)


def guess_year(title: str) -> int | None:
    """The year a title names ("… năm 2023"), or None."""
    match = _YEAR_RE.search(fold(title))
    return int(match.group(1)) if match else None


def guess_period(title: str) -> tuple[int | None, int | None]:
    match = _PERIOD_RE.search(fold(title))
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def section_kind(title: str) -> str:
    folded = fold(title)
    for kind, words in _SECTION_WORDS:
        if any(word in folded for word in words):
            return kind
    return SectionKind.OTHER


class _Notes:
    """Collects import notes while the plan is built (text cut to fit a field is one of them)."""

    def __init__(self) -> None:
        self.rows: list[PlanImportNote] = []

    def add(self, kind: str, text: str, *, line: int | None = None, reason: str = "") -> None:
        self.rows.append(PlanImportNote(kind=kind, line=line, text=text, reason=reason[:300]))

    def fit(self, value: str, model, field: str, label: str) -> str:
        """`value` cut to the field's length; the full text is kept as a note when cut."""
        value = nfc(value or "").strip()
        limit = model._meta.get_field(field).max_length
        if limit and len(value) > limit:
            reason = _("%(label)s dài quá %(limit)d ký tự, đã được cắt ngắn.") % {"label": label, "limit": limit}
            self.add(ImportNoteKind.WARNING, value, reason=reason)
            return value[:limit]
        return value


def _legal_document(citation: PlanCitation) -> LegalDocument | None:
    """The registry row for a citation's number, created (in force) when the number is new."""
    c = citation.citation
    if not c.number:
        return None
    document, _created = LegalDocument.objects.get_or_create(
        number=c.number[:80],
        defaults={
            "kind": c.kind,
            "doc_type": c.doc_type[:60],
            "issued_on": c.date,
            "issuer": c.issuer[:200],
            "title": c.title[:500],
            "status": DocumentStatus.IN_FORCE,
        },
    )
    return document


def _task_roots(items: list[Node]) -> tuple[list[Node], dict[int, list[Node]]]:
    """The parser lists a group's items flat, in reading order; rebuild who nests under whom."""
    listed = {id(node) for node in items}
    nested = {id(child) for node in items for child in node.children if id(child) in listed}
    roots = [node for node in items if id(node) not in nested]
    children = {id(node): [c for c in node.children if id(c) in listed] for node in items}
    return roots, children


def _create_tasks(group: TaskGroup, nodes: list[Node], children: dict[int, list[Node]],
                  parent: Task | None = None) -> int:
    count = 0
    for position, node in enumerate(nodes, start=1):
        task = Task.objects.create(group=group, position=position, parent=parent, text=nfc(node.text))
        count += 1 + _create_tasks(group, children[id(node)], children, task)
    return count


@transaction.atomic
def plan_create_from_parsed(*, actor, unit: OrgUnit, parsed: ParsedPlan, kind: str = PlanKind.YEARLY,
                            year: int | None = None) -> Plan:
    if kind not in PlanKind.values:
        raise ValueError(_("Loại kế hoạch không hợp lệ: “%(kind)s”.") % {"kind": kind})
    notes = _Notes()
    header = parsed.header
    signer = parsed.signer
    period_start, period_end = guess_period(parsed.title) if kind == PlanKind.PERIOD else (None, None)
    if year is None:
        year = guess_year(parsed.title) or (header.date.year if header.date else None)
    plan = Plan.objects.create(
        issuer_unit=unit,
        kind=kind,
        year=year,
        period_start=period_start,
        period_end=period_end,
        title=nfc(parsed.title) or _("(chưa có trích yếu)"),
        place=notes.fit(header.place, Plan, "place", _("Địa danh")),
        document_date=header.date,
        imported_issuer=notes.fit(header.issuer, Plan, "imported_issuer", _("Cơ quan ban hành")),
        imported_number=notes.fit(header.number, Plan, "imported_number", _("Số, ký hiệu")),
        intro="\n".join(line.text for line in parsed.intro),
        closing="\n".join(line.text for line in parsed.closing),
        signer_authority=notes.fit(signer.authority if signer else "", Plan, "signer_authority", _("Thẩm quyền ký")),
        signer_on_behalf_of=notes.fit(signer.on_behalf_of if signer else "", Plan, "signer_on_behalf_of",
                                      _("Ký thay cho")),
        signer_position=notes.fit(signer.position if signer else "", Plan, "signer_position", _("Chức vụ người ký")),
        signer_name=notes.fit(signer.name if signer else "", Plan, "signer_name", _("Họ tên người ký")),
        created_by=actor if getattr(actor, "pk", None) else None,
    )

    bases = [
        LegalBasis(plan=plan, position=position, document=_legal_document(citation),
                   number=citation.citation.number[:80], raw=nfc(citation.citation.raw),
                   in_preamble=citation.in_legal_basis)
        for position, citation in enumerate(parsed.citations, start=1)
    ]
    LegalBasis.objects.bulk_create(bases)

    PlanSection.objects.bulk_create([
        PlanSection(plan=plan, position=position,
                    heading=notes.fit(section.label, PlanSection, "heading", _("Số mục")),
                    title=nfc(section.text), kind=section_kind(section.text),
                    body=[child.to_json() for child in section.children])
        for position, section in enumerate(parsed.sections, start=1)
    ])

    task_count = 0
    groups = parsed.tasks
    for position, parsed_group in enumerate(groups, start=1):
        group = TaskGroup.objects.create(plan=plan, position=position, title=nfc(parsed_group.title))
        roots, children = _task_roots(parsed_group.items)
        task_count += _create_tasks(group, roots, children)

    targets = parsed.targets
    Target.objects.bulk_create([
        Target(plan=plan, position=position, text=nfc(text)) for position, text in enumerate(targets, start=1)
    ])
    Recipient.objects.bulk_create([
        Recipient(plan=plan, position=position, name=nfc(r.name),
                  purpose=notes.fit(r.purpose, Recipient, "purpose", _("Mục đích gửi")))
        for position, r in enumerate(parsed.recipients, start=1)
    ])

    for item in parsed.unparsed:
        notes.add(ImportNoteKind.UNPARSED, nfc(item.text), line=item.line, reason=item.reason)
    for warning in parsed.warnings:
        match = _WARNING_LINE_RE.match(warning)
        notes.add(ImportNoteKind.WARNING, nfc(warning), line=int(match.group(1)) if match else None)
    for note in notes.rows:
        note.plan = plan
    PlanImportNote.objects.bulk_create(notes.rows)

    record(actor=actor, unit=unit, action="plan.import", target=plan, details={
        "legal_basis": len(bases),
        "linked_documents": sum(1 for b in bases if b.document_id),
        "sections": len(parsed.sections),
        "task_groups": len(groups),
        "tasks": task_count,
        "targets": len(targets),
        "recipients": len(parsed.recipients),
        "import_notes": len(notes.rows),
    })
    return plan

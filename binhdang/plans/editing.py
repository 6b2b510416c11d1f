"""Editing a draft plan: a blank plan to start from, its details, legal basis, sections,
targets and recipients (task groups and tasks are in editing_tasks.py).

Every write is one transaction that first checks the plan is a draft (`ensure_editable`),
then moves its revision from the one the form was loaded at (`revision_bump`, PlanConflict
when someone else saved meanwhile, so nothing is overwritten silently), then writes and
records a `plan.edit` audit row naming what changed. Positions stay dense (1..n).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from binhdang.audit.services import record
from binhdang.legal.citations import LAW, Citation, find_named_laws, parse_citations
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import InternalBody, OrgUnit

from .itemtext import items_from_text
from .models import LegalBasis, Plan, PlanKind, PlanSection, Recipient, SectionKind, Target, TaskGroup
from .parsing.model import PlanCitation
from .revisions import ensure_editable, revision_bump
from .services import _legal_document

SIGNER_AUTHORITIES = ("", "KT.", "TM.", "Q.")
# The rows of a plan that are plain ordered lists, by the name views and audit rows use.
PARTS: dict[str, type[models.Model]] = {
    "basis": LegalBasis, "section": PlanSection, "group": TaskGroup, "target": Target, "recipient": Recipient,
}


def begin(plan: Plan, expected: int | None) -> None:
    """The two checks every edit starts with (inside its transaction)."""
    ensure_editable(plan)
    revision_bump(plan, expected)


def audit(actor, plan: Plan, what: str, **details) -> None:
    record(actor=actor, unit=plan.issuer_unit, action="plan.edit", target=plan,
           details={"what": what, "revision": plan.revision, **details})


def renumber(queryset) -> None:
    """Positions 1..n in the current order (ties by id), writing only rows that move."""
    changed = []
    for position, row in enumerate(queryset.order_by("position", "pk"), start=1):
        if row.position != position:
            row.position = position
            changed.append(row)
    if changed:
        type(changed[0]).objects.bulk_update(changed, ["position"])


def swap(row, siblings, up: bool) -> bool:
    """Exchange `row` with its neighbour above/below among `siblings`; False at either end."""
    renumber(siblings)
    row.refresh_from_db(fields=["position"])
    neighbour = siblings.filter(position=row.position + (-1 if up else 1)).first()
    if neighbour is None:
        return False
    row.position, neighbour.position = neighbour.position, row.position
    type(row).objects.bulk_update([row, neighbour], ["position"])
    return True


def _row(plan: Plan, part: str, row_id) -> models.Model:
    try:
        return PARTS[part].objects.get(plan=plan, pk=row_id)
    except (PARTS[part].DoesNotExist, ValueError, TypeError) as exc:
        raise ValidationError(_("Không tìm thấy dòng này trong kế hoạch (có thể đã bị xoá).")) from exc


def _text(value, label: str, *, required: bool = False, model=None, field: str = "", lines: bool = False) -> str:
    """Normalised text (NFC, white space collapsed; with `lines`, line breaks kept), checked."""
    value = str(value or "")
    value = "\n".join(nfc(line) for line in value.splitlines()).strip() if lines else nfc(value)
    if required and not value:
        raise ValidationError(_("%(field)s không được để trống.") % {"field": label})
    limit = model._meta.get_field(field).max_length if model else None
    if limit and len(value) > limit:
        raise ValidationError(_("%(field)s dài quá %(limit)d ký tự.") % {"field": label, "limit": limit})
    return value


def _next_position(queryset) -> int:
    return (queryset.aggregate(top=models.Max("position"))["top"] or 0) + 1


# --- The plan itself -------------------------------------------------------------------------

# The content of the document itself is Vietnamese whatever the interface language (it is an
# official document in Vietnamese), so these strings are not marked for translation.
SKELETON = (
    ("I.", "MỤC ĐÍCH, YÊU CẦU", SectionKind.PURPOSES,
     [{"label": "1.", "text": "Mục đích", "items": []}, {"label": "2.", "text": "Yêu cầu", "items": []}]),
    ("II.", "NHIỆM VỤ, GIẢI PHÁP", SectionKind.TASKS, []),
    ("III.", "CHỈ TIÊU", SectionKind.TARGETS, []),
    ("IV.", "TỔ CHỨC THỰC HIỆN", SectionKind.ORGANISATION, []),
)
SCHOOL_SIGNER = "HIỆU TRƯỞNG"
FILED_COPY = "Lưu: VT"


@transaction.atomic
def plan_create_blank(*, actor, unit: OrgUnit, kind: str, year: int | None, title: str,
                      issuer_body: InternalBody | None = None) -> Plan:
    """A new draft with the usual sections, signer position and "Lưu: VT" to fill in."""
    if kind not in PlanKind.values:
        raise ValidationError(_("Loại kế hoạch không hợp lệ: “%(kind)s”.") % {"kind": kind})
    if issuer_body is not None and issuer_body.unit_id != unit.pk:
        raise ValidationError(_("Tổ chức ban hành phải thuộc %(unit)s.") % {"unit": unit.name})
    plan = Plan.objects.create(
        issuer_unit=unit, issuer_body=issuer_body, kind=kind, year=year,
        title=_text(title, _("Trích yếu"), required=True), place=unit.place,
        signer_position=SCHOOL_SIGNER if unit.is_school else "",
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    PlanSection.objects.bulk_create([
        PlanSection(plan=plan, position=position, heading=heading, title=title, kind=kind, body=body)
        for position, (heading, title, kind, body) in enumerate(SKELETON, start=1)
    ])
    Recipient.objects.create(plan=plan, position=1, name=FILED_COPY)
    record(actor=actor, unit=unit, action="plan.create", target=plan, details={"kind": kind, "year": year})
    return plan


_META_TEXT = {
    "title": _l("Trích yếu"), "place": _l("Địa danh"), "intro": _l("Mở đầu"), "closing": _l("Kết thúc"),
    "signer_on_behalf_of": _l("Ký thay cho"), "signer_position": _l("Chức vụ người ký"),
    "signer_name": _l("Họ tên người ký"),
}
META_FIELDS = (*_META_TEXT, "kind", "year", "period_start", "period_end", "document_date", "issuer_body",
               "signer_authority")


def _year(value, label: str) -> int | None:
    if value in (None, ""):
        return None
    if not isinstance(value, int) or not 1900 <= value <= 2100:
        raise ValidationError(_("%(field)s phải là một năm (1900–2100).") % {"field": label})
    return value


@transaction.atomic
def plan_update(*, actor, plan: Plan, changes: dict, expected: int | None) -> list[str]:
    """Change the plan's own fields (any of META_FIELDS); returns the names that changed."""
    begin(plan, expected)
    clean = {}
    for name, value in changes.items():
        if name in _META_TEXT:
            clean[name] = _text(value, _META_TEXT[name], required=name == "title", model=Plan, field=name,
                                lines=name in ("intro", "closing"))
        elif name == "kind":
            if value not in PlanKind.values:
                raise ValidationError(_("Loại kế hoạch không hợp lệ: “%(kind)s”.") % {"kind": value})
            clean[name] = value
        elif name in ("year", "period_start", "period_end"):
            clean[name] = _year(value, {"year": _("Năm"), "period_start": _("Từ năm"),
                                        "period_end": _("Đến năm")}[name])
        elif name == "document_date":
            if value is not None and not isinstance(value, dt.date):
                raise ValidationError(_("Ngày ban hành không hợp lệ."))
            clean[name] = value
        elif name == "issuer_body":
            if value is not None and value.unit_id != plan.issuer_unit_id:
                raise ValidationError(_("Tổ chức ban hành phải thuộc %(unit)s.") % {"unit": plan.issuer_unit.name})
            clean[name] = value
        elif name == "signer_authority":
            if value not in SIGNER_AUTHORITIES:
                raise ValidationError(_("Thẩm quyền ký chỉ là để trống, KT., TM. hoặc Q."))
            clean[name] = value
        else:
            raise ValidationError(_("Không sửa được trường “%(field)s”.") % {"field": name})
    changed = [name for name, value in clean.items() if getattr(plan, name) != value]
    for name, value in clean.items():
        setattr(plan, name, value)
    if plan.signer_authority in ("KT.", "TM.") and not plan.signer_on_behalf_of:
        raise ValidationError(_("Ký %(authority)s cần ghi ký thay/thay mặt cho ai (ví dụ: HIỆU TRƯỞNG).")
                              % {"authority": plan.signer_authority})
    if plan.period_start and plan.period_end and plan.period_start > plan.period_end:
        raise ValidationError(_("Giai đoạn: “từ năm” phải trước “đến năm”."))
    plan.save(update_fields=[*clean, "updated_at"])
    audit(actor, plan, "plan", fields=changed)
    return changed


# --- Rows kept as plain ordered lists (all parts) ----------------------------------------------

@transaction.atomic
def row_move(*, actor, plan: Plan, part: str, row_id, up: bool, expected: int | None) -> bool:
    """Move a legal basis, section, task group, target or recipient up or down by one."""
    begin(plan, expected)
    row = _row(plan, part, row_id)
    moved = swap(row, PARTS[part].objects.filter(plan=plan), up)
    audit(actor, plan, part, op="up" if up else "down", id=row.pk, moved=moved)
    return moved


@transaction.atomic
def row_remove(*, actor, plan: Plan, part: str, row_id, expected: int | None) -> None:
    """Remove one row (a task group takes its tasks with it) and close the gap."""
    begin(plan, expected)
    row = _row(plan, part, row_id)
    row.delete()
    renumber(PARTS[part].objects.filter(plan=plan))
    audit(actor, plan, part, op="remove", id=row_id)


# --- Legal basis -------------------------------------------------------------------------------

def _citation(raw: str, in_preamble: bool) -> PlanCitation | None:
    """The first document the text cites (by number, else a law by name), as the import sees it."""
    found = parse_citations(raw)
    if found:
        return PlanCitation(found[0], [], in_preamble)
    for law in find_named_laws(raw):
        if law.number:
            return PlanCitation(Citation(number=law.number, kind=LAW, doc_type="Luật", title=law.name, raw=law.raw),
                                [], in_preamble)
    return None


def _basis_fields(raw: str, in_preamble: bool) -> dict:
    raw = _text(raw, _("Căn cứ"), required=True)
    citation = _citation(raw, in_preamble)
    return {"raw": raw, "in_preamble": in_preamble,
            "number": citation.citation.number[:80] if citation else "",
            # The same registry link an import makes (a new number enters the registry in force).
            "document": _legal_document(citation) if citation else None}


@transaction.atomic
def basis_add(*, actor, plan: Plan, raw: str, in_preamble: bool = True, expected: int | None) -> LegalBasis:
    begin(plan, expected)
    basis = LegalBasis.objects.create(plan=plan, position=_next_position(plan.legal_basis),
                                      **_basis_fields(raw, in_preamble))
    audit(actor, plan, "basis", op="add", id=basis.pk, number=basis.number)
    return basis


@transaction.atomic
def basis_update(*, actor, plan: Plan, basis_id, raw: str, in_preamble: bool, expected: int | None) -> LegalBasis:
    begin(plan, expected)
    basis = _row(plan, "basis", basis_id)
    for name, value in _basis_fields(raw, in_preamble).items():
        setattr(basis, name, value)
    basis.save()
    audit(actor, plan, "basis", op="edit", id=basis.pk, number=basis.number)
    return basis


# --- Sections ----------------------------------------------------------------------------------

def _section_fields(heading: str, title: str, kind: str) -> dict:
    if kind not in SectionKind.values:
        raise ValidationError(_("Loại mục không hợp lệ: “%(kind)s”.") % {"kind": kind})
    return {"heading": _text(heading, _("Số mục"), model=PlanSection, field="heading"),
            "title": _text(title, _("Tên mục"), required=True), "kind": kind}


@transaction.atomic
def section_add(*, actor, plan: Plan, heading: str, title: str, kind: str = SectionKind.OTHER,
                expected: int | None) -> PlanSection:
    begin(plan, expected)
    section = PlanSection.objects.create(plan=plan, position=_next_position(plan.sections),
                                         **_section_fields(heading, title, kind))
    audit(actor, plan, "section", op="add", id=section.pk)
    return section


@transaction.atomic
def section_update(*, actor, plan: Plan, section_id, heading: str, title: str, kind: str,
                   body_text: str | None = None, expected: int | None) -> PlanSection:
    """Heading, title, kind and (when given) the body as indented text (see itemtext)."""
    begin(plan, expected)
    section = _row(plan, "section", section_id)
    for name, value in _section_fields(heading, title, kind).items():
        setattr(section, name, value)
    if body_text is not None:
        section.body = items_from_text(body_text)
    section.save()
    audit(actor, plan, "section", op="edit", id=section.pk, body=body_text is not None)
    return section


# --- Targets and recipients --------------------------------------------------------------------

@transaction.atomic
def target_add(*, actor, plan: Plan, text: str, expected: int | None) -> Target:
    begin(plan, expected)
    target = Target.objects.create(plan=plan, position=_next_position(plan.targets),
                                   text=_text(text, _("Chỉ tiêu"), required=True))
    audit(actor, plan, "target", op="add", id=target.pk)
    return target


@transaction.atomic
def target_update(*, actor, plan: Plan, target_id, text: str, expected: int | None) -> Target:
    begin(plan, expected)
    target = _row(plan, "target", target_id)
    target.text = _text(text, _("Chỉ tiêu"), required=True)
    target.save(update_fields=["text"])
    audit(actor, plan, "target", op="edit", id=target.pk)
    return target


def _recipient_fields(name: str, purpose: str) -> dict:
    return {"name": _text(name, _("Nơi nhận"), required=True),
            "purpose": _text(purpose, _("Để"), model=Recipient, field="purpose")}


@transaction.atomic
def recipient_add(*, actor, plan: Plan, name: str, purpose: str = "", expected: int | None) -> Recipient:
    begin(plan, expected)
    recipient = Recipient.objects.create(plan=plan, position=_next_position(plan.recipients),
                                         **_recipient_fields(name, purpose))
    audit(actor, plan, "recipient", op="add", id=recipient.pk)
    return recipient


@transaction.atomic
def recipient_update(*, actor, plan: Plan, recipient_id, name: str, purpose: str,
                     expected: int | None) -> Recipient:
    begin(plan, expected)
    recipient = _row(plan, "recipient", recipient_id)
    for field, value in _recipient_fields(name, purpose).items():
        setattr(recipient, field, value)
    recipient.save(update_fields=["name", "purpose"])
    audit(actor, plan, "recipient", op="edit", id=recipient.pk)
    return recipient

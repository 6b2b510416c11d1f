"""Writes of the cascade: start a plan from the plan of the authority above or from last year's
plan, attach a plan above afterwards, and say which task above a task carries out.

Each function is one transaction with an audit row. The content copy itself is
copying.plan_copy_content, shared with amendments.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.legal.models import LegalDocument
from binhdang.lib.vntext import fold, format_date, nfc
from binhdang.orgs.models import OrgKind, OrgUnit

from .copying import plan_copy_content
from .models import LegalBasis, Plan, PlanKind, PlanStatus, Task
from .revisions import ensure_editable, revision_bump

# Who usually signs a unit's plan; a commune's signer (TM. UBND, CHỦ TỊCH or a deputy) varies,
# so it is left for the user to fill in.
_SIGNER_POSITION = {OrgKind.SCHOOL: "HIỆU TRƯỞNG", OrgKind.DEPARTMENT: "GIÁM ĐỐC"}

# The text written into a plan (its title, its preamble) is the document's own Vietnamese, not
# interface text: it is never translated, whatever language the user reads the pages in.

# Title words that are names (capitalised inside a sentence too): "… về Tháng hành động …".
_PROPER_STARTS = ("thang hanh dong", "chien luoc quoc gia", "luat ", "nghi quyet", "nghi dinh", "chi thi")


def _in_sentence(title: str) -> str:
    """A title as it reads after "về": first letter lower-cased unless it starts a name."""
    title = nfc(title).strip()
    if not title or fold(title).startswith(_PROPER_STARTS):
        return title
    return title[0].lower() + title[1:]


def _derived_title(source_title: str) -> str:
    """The child keeps the subject of the plan above and says it carries it out."""
    title = nfc(source_title).strip()
    if fold(title).startswith(("thuc hien", "trien khai")):
        return title
    return f"Thực hiện {_in_sentence(title)}"


def _check_source(unit: OrgUnit, source: Plan) -> None:
    """A plan above is an issued plan of a unit above `unit` (or of one of its internal bodies)."""
    above = source.issuer_unit_id != unit.pk and unit.path.startswith(source.issuer_unit.path)
    if not above:
        raise ValidationError(_("Chỉ lập được kế hoạch từ kế hoạch của đơn vị cấp trên của %(unit)s.")
                              % {"unit": unit.name})
    if source.status != PlanStatus.ISSUED:
        raise ValidationError(_("Kế hoạch cấp trên “%(title)s” chưa ban hành nên chưa thực hiện theo được.")
                              % {"title": source.title})


def _source_number(source: Plan) -> str:
    return source.number or source.imported_number


def _implementing_line(source: Plan) -> str:
    """ "Thực hiện Kế hoạch số 05/KH-UBND ngày 10/01/2024 của UBND xã A về …" ("" without number and date)."""
    number, day = _source_number(source), source.document_date
    if not number and not day:
        return ""
    parts = ["Thực hiện Kế hoạch"]
    if number:
        parts.append(f"số {number}")
    if day:
        parts.append(f"ngày {format_date(day)}")
    issuer = source.issuer_body.name if source.issuer_body_id else source.issuer_unit.name
    parts.append(f"của {issuer} về {_in_sentence(source.title)}")
    return " ".join(parts)


def _add_implementing_line(plan: Plan, source: Plan) -> bool:
    """Add the "Thực hiện Kế hoạch số …" line after the plan's last preamble line."""
    raw = _implementing_line(source)
    number = _source_number(source)
    if not raw or (number and plan.legal_basis.filter(number=number).exists()):
        return False
    last = plan.legal_basis.filter(in_preamble=True).aggregate(last=Max("position"))["last"] or 0
    plan.legal_basis.filter(position__gt=last).update(position=F("position") + 1)
    LegalBasis.objects.create(plan=plan, position=last + 1, number=number[:80], raw=raw, in_preamble=True,
                              document=LegalDocument.objects.filter(number=number).first() if number else None)
    return True


@transaction.atomic
def plan_derive_from_above(*, actor, unit: OrgUnit, source: Plan) -> Plan:
    """A draft plan of `unit` carrying out `source`: every copied task implements its task above."""
    _check_source(unit, source)
    plan = Plan.objects.create(
        issuer_unit=unit, kind=source.kind, year=source.year,
        period_start=source.period_start, period_end=source.period_end,
        title=_derived_title(source.title), place=unit.place,
        signer_position=_SIGNER_POSITION.get(unit.kind, ""),
        source_plan=source, created_by=actor if getattr(actor, "pk", None) else None,
    )
    mapping = plan_copy_content(source, plan, implements=True)
    added = _add_implementing_line(plan, source)
    record(actor=actor, unit=unit, action="plan.derive", target=plan, details={
        "source": str(source.uid), "tasks": len(mapping), "implementing_line": added,
    })
    return plan


def _next_year_title(title: str, year: int) -> str:
    """ "… năm 2023" → "… năm 2024", "năm học 2023-2024" → "năm học 2024-2025"; other numbers stay."""
    title = re.sub(rf"(năm học\s+){year}(\s*[-–]\s*){year + 1}\b",
                   lambda m: f"{m.group(1)}{year + 1}{m.group(2)}{year + 2}", title, flags=re.IGNORECASE)
    return re.sub(rf"(năm\s+){year}\b", lambda m: f"{m.group(1)}{year + 1}", title, flags=re.IGNORECASE)


@transaction.atomic
def plan_derive_from_previous(*, actor, unit: OrgUnit, previous: Plan) -> Plan:
    """Next year's draft of `unit` from its own earlier plan; tasks remember what they were copied from.

    The plan above is not carried over: next year's plan above is another document, which the
    user attaches with plan_set_source. The preamble line that cited last year's plan above goes
    for the same reason."""
    if previous.issuer_unit_id != unit.pk:
        raise ValidationError(_("Chỉ lập được kế hoạch năm sau từ kế hoạch của chính %(unit)s.")
                              % {"unit": unit.name})
    if previous.year is None:
        raise ValidationError(_("Kế hoạch “%(title)s” chưa ghi năm nên không biết năm sau là năm nào.")
                              % {"title": previous.title})
    year = previous.year + 1
    shift = (previous.period_end - previous.period_start + 1) if previous.kind == PlanKind.PERIOD and \
        previous.period_start and previous.period_end else 0
    title = nfc(previous.title)
    if shift:
        title = title.replace(f"{previous.period_start}", f"{previous.period_start + shift}", 1)
        title = title.replace(f"{previous.period_end}", f"{previous.period_end + shift}", 1)
    plan = Plan.objects.create(
        issuer_unit=unit, issuer_body=previous.issuer_body, kind=previous.kind, year=year,
        period_start=previous.period_start + shift if shift else None,
        period_end=previous.period_end + shift if shift else None,
        title=title if shift else _next_year_title(title, previous.year),
        place=previous.place or unit.place,
        signer_authority=previous.signer_authority, signer_on_behalf_of=previous.signer_on_behalf_of,
        signer_position=previous.signer_position, signer_name=previous.signer_name,
        copied_from=previous, created_by=actor if getattr(actor, "pk", None) else None,
    )
    mapping = plan_copy_content(previous, plan, implements=False)
    dropped = 0
    if previous.source_plan_id and _source_number(previous.source_plan):
        dropped, _rows = plan.legal_basis.filter(number=_source_number(previous.source_plan)).delete()
    record(actor=actor, unit=unit, action="plan.copy_previous", target=plan, details={
        "previous": str(previous.uid), "year": year, "tasks": len(mapping), "dropped_basis": dropped,
    })
    return plan


def _same_text(text: str) -> str:
    return " ".join(fold(text).split())


@transaction.atomic
def plan_set_source(*, actor, plan: Plan, source: Plan, expected: int | None = None) -> int:
    """Attach the plan above that `plan` carries out; returns how many tasks were linked by their text.

    Links to tasks of another plan above are cleared (they no longer count). A task whose text
    is exactly that of one task above (the usual case for a plan copied from last year) is
    linked to it; the rest the user links by hand on the coverage page."""
    ensure_editable(plan)
    _check_source(plan.issuer_unit, source)
    plan.source_plan = source
    plan.save(update_fields=["source_plan"])
    tasks = Task.objects.filter(group__plan=plan)
    tasks.exclude(implements__isnull=True).exclude(implements__group__plan=source).update(implements=None)
    above: dict[str, list[Task]] = {}
    for task in Task.objects.filter(group__plan=source):
        above.setdefault(_same_text(task.text), []).append(task)
    linked = []
    for task in tasks.filter(implements__isnull=True):
        matches = above.get(_same_text(task.text), [])
        if len(matches) == 1:
            task.implements = matches[0]
            linked.append(task)
    Task.objects.bulk_update(linked, ["implements"])
    added = _add_implementing_line(plan, source)
    revision_bump(plan, expected)
    record(actor=actor, unit=plan.issuer_unit, action="plan.set_source", target=plan, details={
        "source": str(source.uid), "linked_by_text": len(linked), "implementing_line": added,
    })
    return len(linked)


@transaction.atomic
def task_link(*, actor, task: Task, implemented: Task | None, expected: int | None = None) -> Task:
    """Say which task of the plan above `task` carries out (None: none of them)."""
    plan = task.group.plan
    ensure_editable(plan)
    if implemented is not None and (plan.source_plan_id is None or implemented.group.plan_id != plan.source_plan_id):
        raise ValidationError(_("Nhiệm vụ được chọn không thuộc kế hoạch cấp trên mà kế hoạch này thực hiện."))
    previous = task.implements_id
    task.implements = implemented
    task.save(update_fields=["implements"])
    revision_bump(plan, expected)
    record(actor=actor, unit=plan.issuer_unit, action="plan.task_link", target=plan, details={
        "task": task.pk, "implements": implemented.pk if implemented else None, "previous": previous,
    })
    return task

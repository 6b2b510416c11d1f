"""Reads for the plan workflow: the plan's status history, its version chain, and the number
issuing would give now."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from binhdang.audit.models import AuditEntry
from binhdang.documents.codes import DocType, code_for, format_number
from binhdang.documents.models import NumberRegister

from .models import Plan, PlanStatus

# The audit actions shown as the plan's history, with their label on the page.
HISTORY_ACTIONS = {
    "plan.import": _("Nhập từ tệp"),
    "plan.amend": _("Tạo phiên bản sửa đổi"),
    "plan.submit": _("Trình ký"),
    "plan.return": _("Trả lại để sửa"),
    "plan.issue": _("Ban hành"),
}


def plan_history(plan: Plan) -> list[dict]:
    """The plan's workflow steps, oldest first: [{"at", "actor", "action", "label", "details"}]."""
    entries = (
        AuditEntry.objects.filter(target_type=Plan._meta.label_lower, target_uid=str(plan.uid),
                                  action__in=list(HISTORY_ACTIONS))
        .select_related("actor")
        .order_by("at", "id")
    )
    return [{"at": e.at, "actor": e.actor, "action": e.action, "label": HISTORY_ACTIONS[e.action],
             "details": e.details} for e in entries]


def version_chain(plan: Plan) -> dict:
    """The version this plan amends and the one that amends it, in one query: {"older", "newer"}."""
    if not plan.amends_id and plan.status != PlanStatus.ISSUED:
        return {"older": None, "newer": None}  # only an issued plan can have been amended
    rows = list(Plan.objects.filter(Q(pk=plan.amends_id) | Q(amends=plan)).order_by("version", "id")
                .only("uid", "version", "status", "number", "document_date", "amends_id"))
    older = next((p for p in rows if p.pk == plan.amends_id), None)
    newer = [p for p in rows if p.amends_id == plan.pk]
    return {"older": older, "newer": newer[-1] if newer else None}


def next_number_preview(plan: Plan, year: int, issuer_short: str) -> str:
    """The number issuing in `year` would give now ("05/KH-THLTK"); another plan issued first takes it."""
    register = NumberRegister.objects.filter(
        issuer_unit=plan.issuer_unit, year=year,
        **({"issuer_body": plan.issuer_body} if plan.issuer_body_id else {"issuer_body__isnull": True}),
    ).first()
    return format_number((register.last_number if register else 0) + 1, code_for(DocType.PLAN, issuer_short))

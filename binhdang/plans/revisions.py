"""The plan's revision counter: every write to a plan's content moves it by one.

An edit form carries the revision it was loaded at; a write that expected another
revision is refused with PlanConflict instead of silently overwriting the other person's
change. The update is one conditional UPDATE, so two writers cannot both pass the check.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Plan, PlanStatus


class PlanConflict(Exception):
    """Someone else changed the plan since the form was loaded; the message is for the user."""

    def __init__(self, plan: Plan, expected: int):
        self.plan = plan
        self.expected = expected
        super().__init__(_("Kế hoạch vừa được người khác sửa (phiên bản %(now)d, bạn đang sửa phiên bản %(mine)d). "
                           "Hãy tải lại trang để xem thay đổi rồi sửa tiếp; nội dung bạn vừa nhập chưa được lưu.")
                         % {"now": plan.revision, "mine": expected})


def revision_bump(plan: Plan, expected: int | None = None) -> int:
    """Move `plan` to its next revision and return it; with `expected`, only from that revision.

    Call inside the write's transaction: a refused write then rolls back with it."""
    rows = Plan.objects.filter(pk=plan.pk)
    if expected is not None:
        rows = rows.filter(revision=expected)
    if rows.update(revision=F("revision") + 1, updated_at=timezone.now()) == 0:
        plan.refresh_from_db(fields=["revision"])
        raise PlanConflict(plan, expected if expected is not None else plan.revision)
    plan.refresh_from_db(fields=["revision", "updated_at"])
    return plan.revision


def ensure_editable(plan: Plan) -> None:
    """Only a draft is changed in place: a submitted plan waits for the principal, an issued
    one is frozen (a change makes a new version). Every editing service calls this first."""
    if plan.status == PlanStatus.SUBMITTED:
        raise ValidationError(_("Kế hoạch đã trình ký: hiệu trưởng trả lại thì mới sửa được."))
    if plan.status == PlanStatus.ISSUED:
        raise ValidationError(_("Kế hoạch đã ban hành nên không sửa trực tiếp được: hãy tạo phiên bản sửa đổi."))

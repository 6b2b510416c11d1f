"""Who read what (issue 5, item 4), for the team leader only.

- One case's log: every audit row about the case (reads, exports, downloads, edits), newest
  first. The page itself is a read of the case (case_view writes "case.log").
- The team's log: for all cases of the school, how much each person opened and when last, so
  the leader notices someone reading too much; and the changes to the team itself.
Audit rows are append-only (binhdang/audit/models.py); nothing here changes them.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from binhdang.audit.models import AuditEntry

from .access import case_view, is_verified, reauth_redirect
from .models import Case, CaseTeamMember
from .views_team import team_page_unit

PAGE_SIZE = 50
CASE_TARGET = Case._meta.label_lower  # "safeguarding.case"
TEAM_TARGET = CaseTeamMember._meta.label_lower
READ_ACTIONS = ("case.view", "case.export", "case.attachment")

# What each audited action means, in plain words (codes not listed are shown as they are).
ACTION_WORDS = {
    "case.view": _("xem"),
    "case.log": _("xem nhật ký"),
    "case.export": _("xuất"),
    "case.attachment": _("tải tệp"),
    "case.create": _("ghi nhận"),
    "case.message_in": _("học sinh nhắn tin"),
    "case.message_out": _("trả lời học sinh"),
    "case.referral": _("chuyển gửi"),
    "case.referral_end": _("kết thúc chuyển gửi"),
    "case.step": _("ghi bước xử lý"),
    "case.assess": _("đánh giá"),
    "case.note": _("ghi chú"),
    "case.session": _("ghi buổi tư vấn"),
    "case.person": _("ghi người liên quan"),
    "case.consent": _("ghi sự đồng ý"),
    "case.attachment_add": _("đính kèm tệp"),
    "case.closure_request": _("đề nghị đóng"),
    "case.close": _("đóng vụ việc"),
    "case.reopen": _("mở lại"),
    "case_team.add": _("thêm vào nhóm"),
    "case_team.remove": _("bỏ khỏi nhóm"),
    "case_team.leader": _("giao làm trưởng nhóm"),
}


def action_words(action: str) -> str:
    return str(ACTION_WORDS.get(action, action))


def _rows(entries) -> list[dict]:
    return [{"entry": e, "words": action_words(e.action)} for e in entries]


@never_cache
@require_GET
@case_view(page="log", leader_only=True)
def case_log_view(request, access):
    entries = (AuditEntry.objects.filter(target_type=CASE_TARGET, target_uid=str(access.case.uid))
               .select_related("actor").order_by("-at", "-id"))
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "safeguarding/case/read_log.html",
                  {"access": access, "case": access.case, "page": page, "rows": _rows(page.object_list)})


def reads_by_person(unit) -> list[dict]:
    """Per person: everything recorded on the school's cases, of which reads, exports and
    downloads, how many distinct cases, and the last time (one aggregate query)."""
    uids = [str(uid) for uid in Case.objects.filter(unit=unit).values_list("uid", flat=True)]
    return list(
        AuditEntry.objects.filter(target_type=CASE_TARGET, target_uid__in=uids, actor__isnull=False)
        .order_by().values("actor", "actor__full_name", "actor__username")
        .annotate(entries=Count("id"), reads=Count("id", filter=Q(action__in=READ_ACTIONS)),
                  exports=Count("id", filter=Q(action="case.export")),
                  cases=Count("target_uid", distinct=True), last=Max("at"))
        .order_by("-reads", "-last")
    )


@login_required
@never_cache
@require_GET
def team_log_view(request):
    unit = team_page_unit(request, leader_only=True)
    if not is_verified(request):
        return reauth_redirect(request)
    changes = (AuditEntry.objects.filter(target_type=TEAM_TARGET, acting_unit=unit)
               .select_related("actor").order_by("-at", "-id")[:PAGE_SIZE])
    return render(request, "safeguarding/team/log.html", {
        "unit": unit, "people": reads_by_person(unit), "changes": _rows(changes),
        "case_count": Case.objects.filter(unit=unit).count(),
    })

"""Writes of the Action Month campaign (Tháng hành động): the authority above (a commune or a Sở)
drafts the year's campaign with its items, then launches it to every open school below it.

Launching gives each school the campaign as a task group of its plan for the year, one task per
item (tasks keep the items' order, so task position n carries out item n; the board counts the
required items a school covered that way):

- a school with a DRAFT plan for the year (its own Action Month plan first, else its yearly plan)
  gets the group added through the plan editing services (revision-checked, audited), like an
  edit typed in the editor;
- every other school gets a new draft plan of kind "action_month" holding the group, which the
  school completes and issues through the normal workflow. An issued (or submitted) plan is never
  written into: it is frozen, and the campaign must not change a signed document.

The new plans are made with bulk_create (plans, skeleton sections, recipients, groups, tasks,
audit rows, campaign entries: one statement per batch of rows, about 130 for 1,000 schools on
SQLite) instead of plan_create_blank + group_add + task_add per school, which would be about ten
queries per task (30,000 for 1,000 schools of three items).
They are new rows, so there is no revision to check: each starts at revision 1 with dense
positions (sections 1..4, one group at 1, tasks 1..n), exactly what the services would have left.

Launching again, or "add new schools" later, only enrols schools without an entry yet.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.models import AuditEntry
from binhdang.audit.services import record
from binhdang.lib.signals import bulk_written
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgKind, OrgUnit
from binhdang.plans import editing_tasks
from binhdang.plans.editing import FILED_COPY, SCHOOL_SIGNER, SKELETON
from binhdang.plans.models import Plan, PlanKind, PlanSection, PlanStatus, Recipient, Task, TaskGroup

from .models import ActionMonthCampaign, ActivityKind, CampaignItem, CampaignSchool

# The campaign's full name, as the documents write it (Vietnamese whatever the interface language).
CAMPAIGN_NAME = "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới"
THEME_MAX = 1000


def group_title(campaign: ActionMonthCampaign) -> str:
    return f"{CAMPAIGN_NAME} năm {campaign.year}: {campaign.theme}"


def plan_title(campaign: ActionMonthCampaign) -> str:
    return f"Kế hoạch tổ chức {CAMPAIGN_NAME} năm {campaign.year}"


def time_frame(campaign: ActionMonthCampaign) -> str:
    return f"Từ {campaign.starts_on:%d/%m} đến {campaign.ends_on:%d/%m/%Y}"


def ensure_issuer(actor, unit: OrgUnit) -> None:
    """Campaigns are launched by a commune or a Sở (ADMIN there), never by a school."""
    access.require(actor, unit, Level.ADMIN)
    if unit.kind == OrgKind.SCHOOL:
        raise PermissionDenied(_("Tháng hành động do UBND xã/phường hoặc Sở GD&ĐT phát động, không phải trường."))
    if unit.is_closed:
        raise PermissionDenied(_("Đơn vị đã ngừng hoạt động."))


def _clean_items(items: list[dict]) -> list[CampaignItem]:
    rows = []
    for number, item in enumerate(items, start=1):
        text = nfc(item.get("text", "")).strip()
        if not text:
            continue
        kind = item.get("kind") or ActivityKind.OTHER
        if kind not in ActivityKind.values:
            raise ValidationError(_("Hoạt động %(n)d: loại hoạt động không hợp lệ.") % {"n": number})
        rows.append(CampaignItem(position=len(rows) + 1, kind=kind, text=text, required=bool(item.get("required"))))
    if not rows:
        raise ValidationError(_("Hãy nhập ít nhất một hoạt động (bắt buộc hoặc gợi ý) cho Tháng hành động."))
    return rows


def _clean_fields(theme: str, starts_on: dt.date, ends_on: dt.date, report_deadline: dt.date) -> dict:
    theme = nfc(theme).strip()
    problems = {}
    if not theme:
        problems["theme"] = _("Chủ đề không được để trống.")
    elif len(theme) > THEME_MAX:
        problems["theme"] = _("Chủ đề dài quá %(limit)d ký tự.") % {"limit": THEME_MAX}
    if starts_on and ends_on and starts_on > ends_on:
        problems["ends_on"] = _("“Đến ngày” phải sau “Từ ngày”.")
    if ends_on and report_deadline and report_deadline < ends_on:
        problems["report_deadline"] = _("Hạn báo cáo phải từ ngày kết thúc Tháng hành động trở đi.")
    if problems:
        raise ValidationError(problems)
    return {"theme": theme, "year": starts_on.year, "starts_on": starts_on, "ends_on": ends_on,
            "report_deadline": report_deadline}


@transaction.atomic
def campaign_save(*, actor, unit: OrgUnit, campaign: ActionMonthCampaign | None = None, theme: str,
                  starts_on: dt.date, ends_on: dt.date, report_deadline: dt.date,
                  items: list[dict]) -> ActionMonthCampaign:
    """Create (campaign=None) or change a draft campaign of `unit` with its items (replaced as a whole)."""
    ensure_issuer(actor, unit)
    fields = _clean_fields(theme, starts_on, ends_on, report_deadline)
    rows = _clean_items(items)
    if campaign is None:
        campaign = ActionMonthCampaign(issuer_unit=unit, created_by=actor if getattr(actor, "pk", None) else None)
    else:
        if campaign.issuer_unit_id != unit.pk:
            raise PermissionDenied
        campaign.refresh_from_db(from_queryset=ActionMonthCampaign.objects.select_for_update())
        if campaign.status != ActionMonthCampaign.Status.DRAFT:
            raise ValidationError(_("Tháng hành động đã phát động: không sửa được nội dung nữa."))
    for name, value in fields.items():
        setattr(campaign, name, value)
    try:
        with transaction.atomic():
            campaign.save()
    except IntegrityError as exc:
        raise ValidationError({"starts_on": _("%(unit)s đã có Tháng hành động năm %(year)d.")
                               % {"unit": unit.name, "year": campaign.year}}) from exc
    campaign.items.all().delete()
    for row in rows:
        row.campaign = campaign
    CampaignItem.objects.bulk_create(rows)
    record(actor=actor, unit=unit, action="campaign.save", target=campaign,
           details={"year": campaign.year, "items": len(rows), "required": sum(r.required for r in rows)})
    return campaign


@transaction.atomic
def campaign_launch(*, actor, campaign: ActionMonthCampaign) -> int:
    """Launch the campaign (first call) and enrol every open school below the issuer that has no
    entry yet; returns how many schools were enrolled (0 when called again with nothing new)."""
    ensure_issuer(actor, campaign.issuer_unit)
    # One launch at a time per campaign: a second click waits, then finds every school enrolled.
    campaign.refresh_from_db(from_queryset=ActionMonthCampaign.objects.select_for_update())
    if campaign.status == ActionMonthCampaign.Status.CLOSED:
        raise ValidationError(_("Tháng hành động đã kết thúc: không thêm trường được nữa."))
    first = campaign.status == ActionMonthCampaign.Status.DRAFT
    if first:
        campaign.status, campaign.launched_at = ActionMonthCampaign.Status.LAUNCHED, timezone.now()
        campaign.save(update_fields=["status", "launched_at"])
    items = list(campaign.items.all())
    schools = list(new_schools(campaign))
    into_drafts, new_plans = _place_groups(actor, campaign, items, schools)
    record(actor=actor, unit=campaign.issuer_unit, action="campaign.launch" if first else "campaign.add_schools",
           target=campaign, details={"schools": len(schools), "into_draft_plans": into_drafts,
                                     "new_plans": new_plans})
    return len(schools)


def new_schools(campaign: ActionMonthCampaign):
    """Open schools below the issuer that are not in the campaign yet."""
    today = timezone.localdate()
    return (OrgUnit.objects.open_on(today).schools().subtree_of(campaign.issuer_unit)
            .exclude(campaign_entries__campaign=campaign).order_by("path"))


def _draft_plans(campaign: ActionMonthCampaign, schools: list[OrgUnit]) -> dict[int, Plan]:
    """The draft plan of the year each school will receive the group in: its own Action Month
    draft first, else its yearly draft (the newest of each); one query."""
    found: dict[int, Plan] = {}
    drafts = (Plan.objects.filter(issuer_unit__in=schools, year=campaign.year, status=PlanStatus.DRAFT,
                                  kind__in=[PlanKind.ACTION_MONTH, PlanKind.YEARLY])
              .select_related("issuer_unit").order_by("-created_at", "-id"))
    for plan in drafts:
        current = found.get(plan.issuer_unit_id)
        if current is None or (current.kind != PlanKind.ACTION_MONTH and plan.kind == PlanKind.ACTION_MONTH):
            found[plan.issuer_unit_id] = plan
    return found


def _place_groups(actor, campaign, items, schools) -> tuple[int, int]:
    drafts = _draft_plans(campaign, schools)
    entries = []
    for school in schools:
        plan = drafts.get(school.pk)
        if plan is not None:
            entries.append(CampaignSchool(campaign=campaign, unit=school, task_group=_into_draft(actor, campaign,
                                                                                                 plan, items)))
    fresh = [school for school in schools if school.pk not in drafts]
    groups = _new_plans(actor, campaign, items, fresh)
    entries += [CampaignSchool(campaign=campaign, unit=school, task_group=groups[school.pk]) for school in fresh]
    CampaignSchool.objects.bulk_create(entries, batch_size=500)
    bulk_written.send(sender=CampaignSchool, instances=entries)  # no post_save from bulk_create (indicators)
    return len(schools) - len(fresh), len(fresh)


def _into_draft(actor, campaign, plan: Plan, items) -> TaskGroup:
    """The group added to a school's draft through the editing services (each write audited)."""
    group = editing_tasks.group_add(actor=actor, plan=plan, title=group_title(campaign), expected=None)
    for item in items:
        task = editing_tasks.task_add(actor=actor, plan=plan, group_id=group.pk, text=item.text, expected=None)
        editing_tasks.task_update(actor=actor, plan=plan, task_id=task.pk, fields={"time_frame": time_frame(campaign)},
                                  expected=None)
    return group


def _new_plans(actor, campaign, items, schools: list[OrgUnit]) -> dict[int, TaskGroup]:
    """New draft Action Month plans, one per school, in a constant number of statements."""
    if not schools:
        return {}
    creator = actor if getattr(actor, "pk", None) else None
    plans = Plan.objects.bulk_create([
        Plan(issuer_unit=school, kind=PlanKind.ACTION_MONTH, year=campaign.year, title=plan_title(campaign),
             place=school.place, signer_position=SCHOOL_SIGNER, created_by=creator) for school in schools
    ], batch_size=500)
    PlanSection.objects.bulk_create([
        PlanSection(plan=plan, position=position, heading=heading, title=title, kind=kind, body=body)
        for plan in plans for position, (heading, title, kind, body) in enumerate(SKELETON, start=1)
    ], batch_size=1000)
    issuer = campaign.issuer_unit.name
    Recipient.objects.bulk_create([
        row for plan in plans for row in (Recipient(plan=plan, position=1, name=issuer, purpose="để báo cáo"),
                                          Recipient(plan=plan, position=2, name=FILED_COPY))
    ], batch_size=1000)
    groups = TaskGroup.objects.bulk_create([TaskGroup(plan=plan, position=1, title=group_title(campaign))
                                            for plan in plans], batch_size=1000)
    frame = time_frame(campaign)
    Task.objects.bulk_create([Task(group=group, position=item.position, text=item.text, time_frame=frame)
                              for group in groups for item in items], batch_size=1000)
    # The school's own log shows where its plan came from (what plan_create_blank records).
    AuditEntry.objects.bulk_create([
        AuditEntry(actor=creator, acting_unit=plan.issuer_unit, acting_unit_name=plan.issuer_unit.name,
                   action="plan.create", target_type=Plan._meta.label_lower, target_uid=str(plan.uid),
                   target_label=plan.title[:255],
                   details={"kind": PlanKind.ACTION_MONTH, "year": campaign.year, "campaign": str(campaign.uid)})
        for plan in plans
    ], batch_size=1000)
    return {plan.issuer_unit_id: group for plan, group in zip(plans, groups, strict=True)}

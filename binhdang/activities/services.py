"""Writes of activities: log one, change it, report it done, cancel it, delete it.

Who may do what (the views check it too, the services are the last word):
log an activity = EDIT at its unit (teachers record their own work); change, report or cancel it =
its author at EDIT, anyone else at MANAGE; delete it = MANAGE, or its author while still planned.

Participants are given as (group, sex, count) triples, one per group × sex; they replace the
activity's previous rows. A zero count stores no row: indicators sum rows, and a row of zero
people says nothing a missing row does not.

The tasks an activity may carry out and the campaign it counts for are decided in
`selectors.task_allowed` and `selectors_campaign.campaign_for_activity` (shared with trainings).

Audit rows carry ids, statuses and head-counts, never a person's name (activities are about
children; the audit log is read more widely than the activity itself).
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.lib.signals import bulk_written
from binhdang.lib.vntext import nfc
from binhdang.people.models import Sex

from .evidence import delete_files_on_commit
from .models import Activity, ActivityKind, ActivityStatus, Audience, Participation
from .selectors import task_allowed
from .selectors_campaign import campaign_for_activity

# The fields `data` may carry; anything else (status, unit, author) is set by the services only.
FIELDS = ("task", "kind", "title", "starts_at", "ends_at", "place", "responsible_body", "audiences",
          "description")

Triple = tuple[str, str, int]

TASK_ERROR = _lazy("Nhiệm vụ: phải thuộc một kế hoạch đã ban hành của đơn vị hoặc Tháng hành động mà trường đang "
                   "tham gia; nếu không, hãy chọn “Ngoài kế hoạch”.")


def may_change(user, activity: Activity) -> bool:
    """The author at EDIT, or anyone at MANAGE in the activity's unit."""
    if access.can(user, activity.unit, Level.MANAGE):
        return True
    return access.can(user, activity.unit, Level.EDIT) and activity.created_by_id == getattr(user, "pk", None)


def may_delete(user, activity: Activity) -> bool:
    if access.can(user, activity.unit, Level.MANAGE):
        return True
    return (activity.status == ActivityStatus.PLANNED and activity.created_by_id == getattr(user, "pk", None)
            and access.can(user, activity.unit, Level.EDIT))


def _require_change(actor, activity: Activity) -> None:
    access.require(actor, activity.unit, Level.EDIT)
    if not may_change(actor, activity):
        raise PermissionDenied


def _clean(unit, data: dict) -> dict:
    """The activity's fields, checked; every problem is reported at once, keyed by field."""
    errors: dict[str, str] = {}
    values = {key: data.get(key) for key in FIELDS}
    values["title"] = nfc(values["title"] or "").strip()
    values["place"] = nfc(values["place"] or "").strip()
    values["description"] = nfc(values["description"] or "").strip()
    if not values["title"]:
        errors["title"] = _("Tên hoạt động: hãy nhập tên hoạt động.")
    if values["kind"] not in ActivityKind.values:
        errors["kind"] = _("Loại hoạt động: hãy chọn một loại trong danh sách.")
    task = values["task"]
    if task is not None and not task_allowed(unit, task):
        errors["task"] = TASK_ERROR
    if values["starts_at"] is None:
        errors["starts_at"] = _("Bắt đầu: hãy nhập ngày giờ bắt đầu.")
    elif values["ends_at"] is not None and values["ends_at"] <= values["starts_at"]:
        errors["ends_at"] = _("Kết thúc: thời gian kết thúc phải sau thời gian bắt đầu.")
    body = values["responsible_body"]
    if body is not None and body.unit_id != unit.pk:
        errors["responsible_body"] = _("Bộ phận phụ trách: phải là một bộ phận của đơn vị.")
    audiences = list(values["audiences"] or [])
    if any(a not in Audience.values for a in audiences) or len(set(audiences)) != len(audiences):
        errors["audiences"] = _("Đối tượng: hãy chọn trong danh sách (học sinh, cán bộ, cha mẹ, cộng đồng).")
    values["audiences"] = [a for a in Audience.values if a in audiences]  # a fixed order
    if errors:
        raise ValidationError(errors)
    # Set from the task and the date on every save, so changing the task away from the campaign
    # (or the date out of its window) takes the activity off the campaign's board.
    values["campaign"] = campaign_for_activity(unit, task, values["starts_at"])
    return values


def clean_participations(participations: Iterable[Triple]) -> list[Triple]:
    """Checked triples: known group and sex, one per pair, counts non-negative whole numbers."""
    seen: set[tuple[str, str]] = set()
    result, errors = [], []
    groups, sexes = dict(Audience.choices), dict(Sex.choices)
    for group, sex, count in participations:
        label = f"{groups.get(group, group)}, {sexes.get(sex, sex)}"
        if group not in groups or sex not in sexes:
            errors.append(_("Số người tham gia: nhóm hoặc giới tính không hợp lệ (%(label)s).") % {"label": label})
            continue
        if (group, sex) in seen:
            errors.append(_("Số người tham gia (%(label)s): chỉ được nhập một lần.") % {"label": label})
            continue
        seen.add((group, sex))
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            errors.append(_("Số người tham gia (%(label)s): phải là số nguyên không âm.") % {"label": label})
            continue
        if count:
            result.append((group, sex, count))
    if errors:
        raise ValidationError({"participants": errors})
    return result


def _replace_participations(activity: Activity, triples: list[Triple]) -> int:
    activity.participations.all().delete()
    rows = Participation.objects.bulk_create(
        Participation(activity=activity, group=group, sex=sex, count=count) for group, sex, count in triples)
    bulk_written.send(sender=Participation, instances=rows)  # no post_save from bulk_create (indicators)
    return sum(count for _g, _s, count in triples)


def _by_sex(triples: list[Triple]) -> dict[str, int]:
    totals = {sex: 0 for sex in Sex.values}
    for _group, sex, count in triples:
        totals[sex] += count
    return totals


@transaction.atomic
def activity_create(*, actor, unit, data: dict, participations: Iterable[Triple] = ()) -> Activity:
    access.require(actor, unit, Level.EDIT)
    values = _clean(unit, data)
    triples = clean_participations(participations)
    activity = Activity.objects.create(unit=unit, created_by=actor if getattr(actor, "pk", None) else None, **values)
    _replace_participations(activity, triples)
    record(actor=actor, unit=unit, action="activity.create", target=activity, details={
        "task": activity.task_id, "kind": activity.kind, "campaign": activity.campaign_id,
        "participants": _by_sex(triples)})
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, data: dict, participations: Iterable[Triple] | None = None
                    ) -> Activity:
    activity = Activity.objects.select_for_update().select_related("unit").get(pk=activity.pk)
    _require_change(actor, activity)
    if activity.status == ActivityStatus.CANCELLED:
        raise ValidationError(_("Hoạt động đã huỷ: không sửa được nữa."))
    values = _clean(activity.unit, data)
    changed = sorted(key for key, value in values.items() if getattr(activity, key) != value)
    for key, value in values.items():
        setattr(activity, key, value)
    activity.save()
    details = {"changed": changed}
    if participations is not None:
        triples = clean_participations(participations)
        _replace_participations(activity, triples)
        details["participants"] = _by_sex(triples)
    record(actor=actor, unit=activity.unit, action="activity.update", target=activity, details=details)
    return activity


@transaction.atomic
def activity_report_done(*, actor, activity: Activity, results: str, participations: Iterable[Triple]) -> Activity:
    """Mark the activity done with its results and head-counts (again, to correct a report)."""
    activity = Activity.objects.select_for_update().select_related("unit").get(pk=activity.pk)
    _require_change(actor, activity)
    if activity.status == ActivityStatus.CANCELLED:
        raise ValidationError(_("Hoạt động đã huỷ: không báo cáo được."))
    results = nfc(results or "").strip()
    errors = {}
    if not results:
        errors["results"] = _("Kết quả: hãy ghi kết quả của hoạt động.")
    try:
        triples = clean_participations(participations)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    was = activity.status
    activity.status, activity.results, activity.reported_at = ActivityStatus.DONE, results, timezone.now()
    activity.save(update_fields=["status", "results", "reported_at", "updated_at"])
    _replace_participations(activity, triples)
    record(actor=actor, unit=activity.unit, action="activity.report", target=activity, details={
        "from_status": was, "task": activity.task_id, "participants": _by_sex(triples)})
    return activity


@transaction.atomic
def activity_cancel(*, actor, activity: Activity, reason: str) -> Activity:
    activity = Activity.objects.select_for_update().select_related("unit").get(pk=activity.pk)
    _require_change(actor, activity)
    reason = nfc(reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Lý do huỷ: hãy ghi lý do.")})
    if activity.status != ActivityStatus.PLANNED:
        raise ValidationError(_("Chỉ huỷ được hoạt động đang dự kiến."))
    activity.status, activity.cancel_reason = ActivityStatus.CANCELLED, reason
    activity.save(update_fields=["status", "cancel_reason", "updated_at"])
    # The reason is free text typed by staff and may name a child: it stays on the activity only.
    record(actor=actor, unit=activity.unit, action="activity.cancel", target=activity, details={
        "task": activity.task_id})
    return activity


@transaction.atomic
def activity_delete(*, actor, activity: Activity) -> None:
    activity = Activity.objects.select_for_update().select_related("unit").get(pk=activity.pk)
    access.require(actor, activity.unit, Level.EDIT)
    if not may_delete(actor, activity):
        raise PermissionDenied
    files = [name for ev in activity.evidence.all() for name in (ev.file.name, ev.thumbnail.name) if name]
    record(actor=actor, unit=activity.unit, action="activity.delete", target=activity, details={
        "status": activity.status, "task": activity.task_id, "evidence": len(files)})
    activity.delete()
    delete_files_on_commit(files)


@transaction.atomic
def activity_participants_record(*, activity: Activity, participations: Iterable[Triple], results: str) -> Activity:
    """Head-counts kept by the system for an activity another app runs (a contest's participants):
    no person acts, the calling app has checked who may start it. The activity counts as done from
    its first participant on, so the participation indicators include it while it runs; a
    cancelled activity is left alone."""
    activity = Activity.objects.select_for_update().select_related("unit").get(pk=activity.pk)
    if activity.status == ActivityStatus.CANCELLED:
        return activity
    triples = clean_participations(participations)
    activity.status, activity.results = ActivityStatus.DONE, nfc(results or "").strip()
    activity.reported_at = activity.reported_at or timezone.now()
    activity.save(update_fields=["status", "results", "reported_at", "updated_at"])
    _replace_participations(activity, triples)
    record(actor=None, unit=activity.unit, action="activity.participants", target=activity, details={
        "participants": _by_sex(triples)})
    return activity

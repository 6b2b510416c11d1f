"""Writes for trainings (tập huấn): the session (an activity of kind "training" with its topic and
trainer) and its attendance, picked from the school's roster.

The training's Participation rows for staff and students are derived from the attendance on every
save (never typed), so "Tham dự: 25 (Nữ 18, Nam 7)" is exact and indicators sum the same rows as
for any other activity. Parents and community, who are not on a roster, keep their typed counts.
"""

from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.lib.signals import bulk_written
from binhdang.lib.vntext import nfc
from binhdang.people.models import StaffMember, Student
from binhdang.plans.models import Task

from .models import Activity, ActivityKind, Audience, Participation, Training, TrainingAttendance
from .selectors import task_allowed
from .selectors_campaign import campaign_for_activity
from .services import TASK_ERROR

DERIVED_GROUPS = (Audience.STAFF, Audience.STUDENTS)


def check_task(unit, task: Task | None) -> None:
    """The same rule as any activity: a task of an issued plan of the unit, or of an open Action
    Month campaign of the school, or none (unplanned)."""
    if task is not None and not task_allowed(unit, task):
        raise ValidationError({"task": TASK_ERROR})


def may_change(user, activity: Activity) -> bool:
    """The author changes their own activity (EDIT); anyone else's needs MANAGE."""
    if access.can(user, activity.unit, Level.MANAGE):
        return True
    return access.can(user, activity.unit, Level.EDIT) and activity.created_by_id == user.pk


@transaction.atomic
def training_create(*, actor, unit, title: str, topic: str, trainer: str = "", starts_at, ends_at=None,
                    place: str = "", task: Task | None = None, description: str = "") -> Training:
    """A training session at `unit`, as an activity and its Training row, in one transaction."""
    access.require(actor, unit, Level.EDIT)
    if not unit.is_school:
        raise ValidationError(_("Tập huấn được ghi ở trường: hãy chọn trường ở ô đơn vị đang làm việc."))
    topic, title = nfc(topic).strip(), nfc(title).strip() or nfc(topic).strip()
    if not topic:
        raise ValidationError({"topic": _("Hãy nhập chủ đề tập huấn.")})
    if ends_at is not None and ends_at < starts_at:
        raise ValidationError({"ends_at": _("Thời gian kết thúc phải sau thời gian bắt đầu.")})
    check_task(unit, task)
    activity = Activity.objects.create(
        unit=unit, task=task, campaign=campaign_for_activity(unit, task, starts_at), kind=ActivityKind.TRAINING,
        title=title[:300], starts_at=starts_at, ends_at=ends_at,
        place=nfc(place).strip(), audiences=[Audience.STAFF], description=nfc(description).strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    training = Training.objects.create(activity=activity, topic=topic[:300], trainer=nfc(trainer).strip()[:200])
    record(actor=actor, unit=unit, action="activity.training_create", target=activity,
           details={"topic": training.topic, "task": task.pk if task else None})
    return training


def _people(model, unit, uids, label: str) -> dict:
    """uid → person of `unit` for every uid given; a uid of another school (or unknown) is refused."""
    uids = {str(u) for u in uids}
    found = {str(p.uid): p for p in model.objects.filter(unit=unit, uid__in=uids)}
    missing = uids - set(found)
    if missing:
        raise ValidationError(_("%(count)s %(label)s không thuộc danh sách của trường.")
                              % {"count": len(missing), "label": label})
    return found


@transaction.atomic
def training_attendance_update(*, actor, training: Training, shown_staff=(), checked_staff=(),
                               shown_students=(), checked_students=()) -> dict:
    """Set who attended among the people the page showed: checked ones attend, shown but unchecked
    ones do not; people the page did not show (another search, another class) keep their state.
    Then derive the Participation rows of staff and students from the whole attendance."""
    activity = training.activity
    unit = activity.unit
    if not may_change(actor, activity):
        raise PermissionDenied(_("Chỉ người ghi buổi tập huấn hoặc Ban VSTBPN, Hiệu trưởng được điểm danh."))
    staff = _people(StaffMember, unit, set(shown_staff) | set(checked_staff), _("cán bộ, giáo viên"))
    students = _people(Student, unit, set(shown_students) | set(checked_students), _("học sinh"))
    checked_staff, checked_students = {str(u) for u in checked_staff}, {str(u) for u in checked_students}
    before = training.attendance.count()
    # Drop the shown people, then add the checked ones back: one delete and one insert whatever the size.
    training.attendance.filter(staff__in=[p.pk for p in staff.values()]).delete()
    training.attendance.filter(student__in=[p.pk for p in students.values()]).delete()
    attendance = TrainingAttendance.objects.bulk_create(
        [TrainingAttendance(training=training, staff=staff[u]) for u in sorted(checked_staff)]
        + [TrainingAttendance(training=training, student=students[u]) for u in sorted(checked_students)]
    )
    bulk_written.send(sender=TrainingAttendance, instances=attendance)  # no post_save from bulk_create
    counts = participation_derive(activity=activity, training=training)
    record(actor=actor, unit=unit, action="activity.training_attendance", target=activity,
           details={"before": before, "after": sum(counts.values()),
                    "counts": {f"{group}:{sex}": n for (group, sex), n in sorted(counts.items())}})
    return counts


def participation_derive(*, activity: Activity, training: Training) -> Counter:
    """Replace the staff and students Participation rows by counts of the attendance by sex."""
    counts: Counter = Counter()
    for sex in training.attendance.filter(staff__isnull=False).values_list("staff__sex", flat=True):
        counts[(Audience.STAFF.value, sex)] += 1
    for sex in training.attendance.filter(student__isnull=False).values_list("student__sex", flat=True):
        counts[(Audience.STUDENTS.value, sex)] += 1
    Participation.objects.filter(activity=activity, group__in=DERIVED_GROUPS).delete()
    rows = Participation.objects.bulk_create(
        [Participation(activity=activity, group=group, sex=sex, count=n) for (group, sex), n in sorted(counts.items())]
    )
    bulk_written.send(sender=Participation, instances=rows)
    audiences = [a for a in activity.audiences if a not in DERIVED_GROUPS]
    audiences += [g.value for g in DERIVED_GROUPS if any(k[0] == g.value for k in counts)]
    if sorted(audiences) != sorted(activity.audiences):
        activity.audiences = audiences or [Audience.STAFF.value]
        activity.save(update_fields=["audiences", "updated_at"])
    return counts

"""Training pages (tập huấn): list, create, detail with the attendance summary, and the attendance
page that picks attendees from the school's roster (search ignores accents).

Student attendees' names are shown at the school only; officers above see the counts.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from binhdang.accounts.access import can, get_for_user, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.people import selectors as people_selectors

from . import selectors_people as selectors
from .forms import task_select
from .models import Training
from .trainings import may_change, training_attendance_update, training_create

ROSTER_LIMIT = 300


class TrainingForm(forms.Form):
    topic = forms.CharField(label=_l("Chủ đề tập huấn"), max_length=300)
    title = forms.CharField(label=_l("Tên hoạt động"), max_length=300, required=False,
                            help_text=_l("Để trống thì dùng chủ đề."))
    trainer = forms.CharField(label=_l("Báo cáo viên"), max_length=200, required=False)
    starts_at = forms.DateTimeField(label=_l("Bắt đầu"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    ends_at = forms.DateTimeField(label=_l("Kết thúc"), required=False,
                                  widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    place = forms.CharField(label=_l("Địa điểm"), max_length=200, required=False)
    task = forms.ChoiceField(label=_l("Nhiệm vụ trong kế hoạch"), required=False)
    description = forms.CharField(label=_l("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        # The same tasks as the activity form (issued plans, open Action Month campaigns).
        self.tasks, groups = task_select(unit)
        self.fields["task"].choices = [("", _("Ngoài kế hoạch")), *groups]

    def clean_task(self):
        value = self.cleaned_data["task"]
        return self.tasks[value] if value else None


def apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _training(request, uid, level: Level) -> Training:
    return get_for_user(request.user, Training.objects.select_related("activity__unit", "activity__task__group__plan"),
                        level=level, unit_attr="activity.unit", activity__uid=uid)


@login_required
def training_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    trainings = selectors.trainings_under(unit)[:200]
    return render(request, "activities/training_list.html", {
        "unit": unit, "trainings": trainings, "can_create": unit.is_school and can(request.user, unit, Level.EDIT)})


@login_required
def training_create_view(request):
    unit = require_active_unit(request, Level.EDIT)
    if not unit.is_school:
        raise PermissionDenied
    form = TrainingForm(request.POST if request.method == "POST" else None, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            training = training_create(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi buổi tập huấn. Hãy điểm danh người tham dự từ danh sách của trường."))
            return redirect("activities:training_attendance", uid=training.activity.uid)
    return render(request, "activities/training_form.html", {"unit": unit, "form": form},
                  status=400 if form.errors else 200)


@login_required
def training_detail_view(request, uid):
    training = _training(request, uid, Level.VIEW)
    activity = training.activity
    at_school = getattr(request, "active_unit", None) == activity.unit
    attendance = training.attendance.select_related("staff", "student").order_by(
        "staff__sort_key", "student__sort_key", "id")
    return render(request, "activities/training_detail.html", {
        "training": training, "activity": activity, "summary": selectors.attendance_summary(training),
        "staff": [a.staff for a in attendance if a.staff_id],
        "students": [a.student for a in attendance if a.student_id] if at_school else None,
        "can_change": at_school and may_change(request.user, activity),
    })


@login_required
def training_attendance_view(request, uid):
    training = _training(request, uid, Level.EDIT)
    activity = training.activity
    if not may_change(request.user, activity) or getattr(request, "active_unit", None) != activity.unit:
        # Names of the roster are read at the school itself, and only by who may change the training.
        raise PermissionDenied
    unit = activity.unit
    if request.method == "POST":
        post = request.POST
        try:
            training_attendance_update(
                actor=request.user, training=training,
                shown_staff=post.getlist("shown_staff"), checked_staff=post.getlist("staff"),
                shown_students=post.getlist("shown_student"), checked_students=post.getlist("student"))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            summary = selectors.attendance_summary(training)
            messages.success(request, _("Đã lưu điểm danh: %(total)s người tham dự.") % {"total": summary.total})
        target = request.POST.get("next_query", "")
        url = redirect("activities:training_attendance", uid=activity.uid).url
        return redirect(f"{url}?{target}" if target else url)
    query, class_uid = request.GET.get("q", "").strip(), request.GET.get("lop", "")
    year = people_selectors.current_school_year()
    staff = list(people_selectors.staff_list(unit, query=query)[:ROSTER_LIMIT])
    students = []
    if class_uid or (query and request.GET.get("hs")):
        students = list(people_selectors.student_list(unit, query=query, class_uid=class_uid,
                                                      school_year=year)[:ROSTER_LIMIT])
    staff_ids, student_ids = selectors.attendee_ids(training)
    classes = unit.classes.filter(school_year=year).order_by("grade", "name") if year else []
    return render(request, "activities/training_attendance.html", {
        "training": training, "activity": activity, "unit": unit, "q": query, "class_uid": class_uid,
        "with_students": bool(request.GET.get("hs")), "classes": classes,
        "staff": staff, "students": students, "staff_ids": staff_ids, "student_ids": student_ids,
        "summary": selectors.attendance_summary(training), "limit": ROSTER_LIMIT,
        "next_query": request.GET.urlencode(),
    })

"""Lessons that integrate gender content: the list of a school year with filters and the share of
teachers who integrate (by sex), and the form a teacher records a lesson with."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from binhdang.accounts.access import can, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.orgs.models import OrgUnit, SchoolClass, SchoolYear
from binhdang.people import selectors as people_selectors
from binhdang.people.models import StaffMember
from binhdang.plans.workflow import today_in_vietnam

from . import selectors_people as selectors
from .lessons import grades_for, lesson_record, own_staff_record
from .views_trainings import apply_errors


class LessonForm(forms.Form):
    teacher = forms.ModelChoiceField(label=_l("Giáo viên"), queryset=None, to_field_name="uid")
    school_year = forms.ModelChoiceField(label=_l("Năm học"), queryset=SchoolYear.objects.all(), to_field_name="code",
                                         empty_label=None)
    subject = forms.CharField(label=_l("Môn học"), max_length=100)
    grade = forms.TypedChoiceField(label=_l("Khối lớp"), coerce=int)
    school_class = forms.ModelChoiceField(label=_l("Lớp"), queryset=None, required=False, to_field_name="uid",
                                          empty_label=_l("Không ghi lớp"))
    lesson = forms.CharField(label=_l("Bài dạy"), max_length=300)
    content = forms.CharField(label=_l("Nội dung lồng ghép giới"), widget=forms.Textarea(attrs={"rows": 3}))
    taught_on = forms.DateField(label=_l("Ngày dạy"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, unit: OrgUnit, own: StaffMember | None, manage: bool, **kwargs):
        super().__init__(*args, **kwargs)
        # A teacher records for themselves only: the field is then fixed to their own record.
        self.fields["teacher"].queryset = people_selectors.staff_list(unit) if manage else \
            StaffMember.objects.filter(pk=own.pk if own else None)
        if not manage:
            self.fields["teacher"].widget = forms.HiddenInput()
        self.fields["grade"].choices = [(g, _("Khối %(g)s") % {"g": g}) for g in grades_for(unit)]
        self.fields["school_class"].queryset = SchoolClass.objects.filter(unit=unit).select_related("school_year") \
            .order_by("-school_year__starts_on", "grade", "name")


def _year(request) -> SchoolYear | None:
    code = request.GET.get("nam", "")
    year = SchoolYear.objects.filter(code=code).first() if code else None
    return year or people_selectors.current_school_year()


@login_required
def lesson_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    year = _year(request)
    context = {"unit": unit, "year": year, "years": SchoolYear.objects.all(),
               "can_record": unit.is_school and can(request.user, unit, Level.EDIT)}
    if year is not None:
        teacher_uid, subject = request.GET.get("gv", ""), request.GET.get("mon", "")
        grade = request.GET.get("khoi", "")
        grade = int(grade) if grade.isdigit() else None
        lessons = selectors.lessons_for(unit, year, teacher_uid=teacher_uid, subject=subject, grade=grade)
        by_school = selectors.integration_share_by_school(unit, year)
        schools = OrgUnit.objects.in_bulk(list(by_school)) if not unit.is_school else {}
        context.update({
            "lessons": lessons[:300], "lesson_count": lessons.count(), "teacher_uid": teacher_uid,
            "subject": subject, "grade": grade, "grades": grades_for(unit) if unit.is_school else range(1, 13),
            "subjects": selectors.lesson_subjects(unit, year),
            "teachers": people_selectors.staff_list(unit) if unit.is_school else [],
            "share": sum(by_school.values(), selectors.Share()),
            "by_school": sorted(((schools[i], s) for i, s in by_school.items() if i in schools),
                                key=lambda pair: pair[0].name),
        })
    return render(request, "activities/lesson_list.html", context)


@login_required
def lesson_create_view(request):
    unit = require_active_unit(request, Level.EDIT)
    if not unit.is_school:
        raise PermissionDenied
    manage = can(request.user, unit, Level.MANAGE)
    own = own_staff_record(request.user, unit)
    if not manage and own is None:
        # Nothing to record with: say why instead of a form that cannot be saved.
        return render(request, "activities/lesson_form.html", {"unit": unit, "unlinked": True}, status=200)
    year = people_selectors.current_school_year()
    initial = {"teacher": own.uid if own else None, "school_year": year.code if year else None,
               "taught_on": today_in_vietnam()}
    form = LessonForm(request.POST if request.method == "POST" else None, unit=unit, own=own, manage=manage,
                      initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lesson_record(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi tiết dạy lồng ghép giới."))
            return redirect("activities:lessons")
    return render(request, "activities/lesson_form.html", {"unit": unit, "form": form, "own": own},
                  status=400 if form.errors else 200)

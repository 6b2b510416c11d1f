"""Forms of the staff pages: open a contest, import questions."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from binhdang.activities.forms import DateTimeLocalInput
from binhdang.orgs.models import SchoolClass

from .models import Topic


class ContestForm(forms.Form):
    title = forms.CharField(label=_lazy("Tên cuộc thi"), max_length=200)
    description = forms.CharField(label=_lazy("Thể lệ"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    opens_at = forms.DateTimeField(label=_lazy("Mở lúc"), widget=DateTimeLocalInput())
    closes_at = forms.DateTimeField(label=_lazy("Đóng lúc"), widget=DateTimeLocalInput())
    time_limit_minutes = forms.IntegerField(label=_lazy("Thời gian làm bài (phút)"), min_value=1, max_value=180,
                                            initial=15)
    question_count = forms.IntegerField(label=_lazy("Số câu mỗi lượt"), min_value=1, max_value=100, initial=10)
    max_attempts = forms.IntegerField(label=_lazy("Số lượt được làm"), min_value=1, max_value=10, initial=1)
    shuffle = forms.BooleanField(label=_lazy("Xáo trộn câu hỏi và phương án"), required=False, initial=True)
    topics = forms.MultipleChoiceField(label=_lazy("Chủ đề (để trống: mọi chủ đề)"), choices=Topic.choices,
                                       required=False, widget=forms.CheckboxSelectMultiple)
    grades = forms.TypedMultipleChoiceField(label=_lazy("Cả khối (mọi lớp của khối trong năm học mới nhất)"),
                                            coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    classes = forms.ModelMultipleChoiceField(label=_lazy("Hoặc từng lớp"), queryset=SchoolClass.objects.none(),
                                             required=False, widget=forms.CheckboxSelectMultiple)
    staff = forms.BooleanField(label=_lazy("Mời cán bộ, giáo viên, nhân viên của trường"), required=False)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        classes = SchoolClass.objects.filter(unit=unit).select_related("school_year")
        self.fields["classes"].queryset = classes.order_by("-school_year__starts_on", "grade", "name")
        self.fields["classes"].label_from_instance = lambda c: f"{c.name} ({c.school_year.code})"
        latest = classes.order_by("-school_year__starts_on").first()
        self.latest = classes.filter(school_year=latest.school_year_id) if latest else classes.none()
        grades = sorted({g for g in self.latest.values_list("grade", flat=True) if g})
        self.fields["grades"].choices = [(g, _("Khối %(n)s") % {"n": g}) for g in grades]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        classes = {c.pk: c for c in data.pop("classes")}
        for school_class in self.latest.filter(grade__in=data.pop("grades")):
            classes.setdefault(school_class.pk, school_class)
        staff = data.pop("staff")
        return {"classes": sorted(classes.values(), key=lambda c: (c.grade or 0, c.name)), "staff": staff,
                "data": data}


class ContestAboveForm(forms.Form):
    """A commune's or Sở's contest: the same settings, then grades of every school below."""

    title = ContestForm.base_fields["title"]
    description = ContestForm.base_fields["description"]
    opens_at = ContestForm.base_fields["opens_at"]
    closes_at = ContestForm.base_fields["closes_at"]
    time_limit_minutes = ContestForm.base_fields["time_limit_minutes"]
    question_count = ContestForm.base_fields["question_count"]
    max_attempts = ContestForm.base_fields["max_attempts"]
    shuffle = ContestForm.base_fields["shuffle"]
    topics = ContestForm.base_fields["topics"]
    grades = forms.TypedMultipleChoiceField(
        label=_lazy("Các khối của mọi trường trực thuộc"), coerce=int, required=False,
        choices=[(g, _lazy("Khối %(n)s") % {"n": g}) for g in range(1, 13)], widget=forms.CheckboxSelectMultiple)
    staff = forms.BooleanField(label=_lazy("Mời cán bộ, giáo viên, nhân viên các trường"), required=False)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        return {"grades": data.pop("grades"), "staff": data.pop("staff"), "data": data}


class ImportForm(forms.Form):
    file = forms.FileField(label=_lazy("Tệp Excel (.xlsx)"))

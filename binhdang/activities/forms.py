"""Forms of the activity pages: the activity itself, the participant grid (groups × sex), the report,
the cancellation and the list filters. Checks that need the database are the services' job."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from binhdang.orgs.models import InternalBody
from binhdang.people.models import Sex

from .models import ActivityKind, ActivityStatus, Audience
from .selectors import task_options

UNPLANNED = "ngoai-ke-hoach"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


def task_select(unit, current_task=None) -> tuple[dict, list]:
    """(pk → task, grouped choices) of the tasks an activity of `unit` may carry out; the activity
    form and the training form both use it, so they offer the same tasks."""
    tasks, groups = {}, []
    if current_task is not None:
        # An activity keeps its task while being edited, even once a newer version of the plan
        # replaced the one it was logged against (the service still checks the task is allowed).
        tasks[str(current_task.pk)] = current_task
        groups.append((_("Nhiệm vụ hiện tại"), [(str(current_task.pk), current_task.text[:120])]))
    for label, rows in task_options(unit):
        options = []
        for task, depth in rows:
            if str(task.pk) in tasks:
                continue
            tasks[str(task.pk)] = task
            options.append((str(task.pk), "– " * depth + task.text[:120]))
        if options:
            groups.append((label, options))
    return tasks, groups


class ActivityForm(forms.Form):
    task = forms.ChoiceField(label=_lazy("Nhiệm vụ của kế hoạch"))
    kind = forms.ChoiceField(label=_lazy("Loại hoạt động"), choices=ActivityKind.choices)
    title = forms.CharField(label=_lazy("Tên hoạt động"), max_length=300)
    starts_at = forms.DateTimeField(label=_lazy("Bắt đầu"), widget=DateTimeLocalInput())
    ends_at = forms.DateTimeField(label=_lazy("Kết thúc"), required=False, widget=DateTimeLocalInput())
    place = forms.CharField(label=_lazy("Địa điểm"), max_length=200, required=False)
    responsible_body = forms.ModelChoiceField(label=_lazy("Bộ phận phụ trách"), queryset=InternalBody.objects.none(),
                                              required=False, empty_label=_lazy("— Không ghi —"))
    audiences = forms.MultipleChoiceField(label=_lazy("Đối tượng"), choices=Audience.choices, required=False,
                                          widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(label=_lazy("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, unit, current_task=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks, groups = task_select(unit, current_task)
        self.fields["task"].choices = [("", _("— Chọn nhiệm vụ —")), (UNPLANNED, _("Ngoài kế hoạch")), *groups]
        self.fields["responsible_body"].queryset = InternalBody.objects.filter(unit=unit).order_by("kind", "name")

    def clean_task(self):
        value = self.cleaned_data["task"]
        return None if value == UNPLANNED else self.tasks[value]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Thời gian kết thúc phải sau thời gian bắt đầu."))
        return cleaned

    @classmethod
    def initial_from(cls, activity) -> dict:
        return {"task": str(activity.task_id) if activity.task_id else UNPLANNED, "kind": activity.kind,
                "title": activity.title, "starts_at": activity.starts_at, "ends_at": activity.ends_at,
                "place": activity.place, "responsible_body": activity.responsible_body_id,
                "audiences": activity.audiences, "description": activity.description}


def grid_rows() -> list[dict]:
    """The participant grid: one row per group, one input per sex (names p-<group>-<sex>)."""
    return [{"group": value, "label": label,
             "cells": [{"sex": sex, "label": sex_label, "name": f"p-{value}-{sex}"} for sex, sex_label in Sex.choices]}
            for value, label in Audience.choices]


def grid_values(activity) -> dict[str, int]:
    """The saved counts of an activity, keyed by input name (for a form shown again)."""
    return {f"p-{p.group}-{p.sex}": p.count for p in activity.participations.all()}


def parse_grid(data) -> tuple[list[tuple[str, str, int]], dict[str, str], list[str]]:
    """(triples, typed values, errors) from the posted grid; an empty cell is zero.

    Each error names its row and column, so a wrong cell on a phone is easy to find."""
    triples, typed, errors = [], {}, []
    for row in grid_rows():
        for cell in row["cells"]:
            raw = (data.get(cell["name"]) or "").strip()
            typed[cell["name"]] = raw
            if not raw:
                continue
            try:
                count = int(raw)
            except ValueError:
                count = -1
            if count < 0:
                errors.append(_("Số người tham gia (%(group)s, %(sex)s): “%(value)s” không phải số nguyên không âm.")
                              % {"group": row["label"], "sex": cell["label"], "value": raw})
                continue
            triples.append((row["group"], cell["sex"], count))
    return triples, typed, errors


class ReportForm(forms.Form):
    results = forms.CharField(label=_lazy("Kết quả"), widget=forms.Textarea(attrs={"rows": 5}))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_lazy("Lý do huỷ"), widget=forms.Textarea(attrs={"rows": 3}))


class FilterForm(forms.Form):
    status = forms.ChoiceField(label=_lazy("Trạng thái"), required=False,
                               choices=[("", _lazy("Tất cả"))] + list(ActivityStatus.choices))
    kind = forms.ChoiceField(label=_lazy("Loại"), required=False, choices=[("", _lazy("Tất cả"))] + list(
        ActivityKind.choices))
    month = forms.CharField(label=_lazy("Tháng"), required=False,
                            widget=forms.DateInput(attrs={"type": "month"}))
    unplanned = forms.BooleanField(label=_lazy("Chỉ hoạt động ngoài kế hoạch"), required=False)
    task = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def clean_month(self):
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        try:
            return dt.datetime.strptime(value, "%Y-%m").date()
        except ValueError as exc:
            raise ValidationError(_("Tháng: hãy nhập theo dạng năm-tháng, ví dụ 2026-11.")) from exc

    def filters(self) -> dict:
        return {key: value for key, value in self.cleaned_data.items() if value} if self.is_valid() else {}

"""The report request form: fields typed here, the rules (dates inside the year, schools below) in requests.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.activities.models import ActionMonthCampaign
from binhdang.indicators import periods
from binhdang.indicators.models import Indicator

from .models import ReportKind
from .requests import DEFAULT_SECTIONS, answering_units_below

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=ReportKind.choices)
    title = forms.CharField(label=_("Tên báo cáo"), max_length=300)
    period = forms.ChoiceField(label=_("Năm học"))
    covers_from = forms.DateField(label=_("Từ ngày"), widget=DATE)
    covers_to = forms.DateField(label=_("Đến ngày"), widget=DATE)
    due_on = forms.DateField(label=_("Hạn nộp"), widget=DATE)
    schools = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text=_("Không chọn đơn vị nào: mọi trường trực thuộc. Chọn một xã: xã báo cáo thay cho các trường "
                    "của xã."))
    sections = forms.CharField(label=_("Các phần"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
                               help_text=_("Mỗi dòng một phần; để trống: các phần thường có của loại báo cáo."))
    indicators = forms.ModelMultipleChoiceField(label=_("Bảng chỉ số"), required=False, queryset=None,
                                                widget=forms.CheckboxSelectMultiple)
    campaign = forms.ModelChoiceField(label=_("Tháng hành động"), required=False, queryset=None)
    note = forms.CharField(label=_("Hướng dẫn"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        current = periods.current()
        choices = periods.recent(3, until=f"{int(current[:4]) + 1}-{int(current[:4]) + 2}")
        self.fields["period"].choices = [(p, p) for p in reversed(choices)]
        self.fields["period"].initial = current
        self.fields["schools"].queryset = answering_units_below(unit).order_by("kind", "name")
        self.fields["indicators"].queryset = Indicator.objects.filter(is_active=True)
        self.fields["campaign"].queryset = ActionMonthCampaign.objects.filter(issuer_unit=unit)
        self.fields["sections"].initial = "\n".join(DEFAULT_SECTIONS[ReportKind.ACTION_MONTH])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["sections"] = data["sections"].splitlines()
        return data

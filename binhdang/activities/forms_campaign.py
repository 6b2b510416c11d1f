"""Forms of the Action Month campaign pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ActivityKind

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CampaignForm(forms.Form):
    theme = forms.CharField(label=_("Chủ đề"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE_INPUT)
    report_deadline = forms.DateField(label=_("Hạn báo cáo"), widget=DATE_INPUT)


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại hoạt động"), choices=ActivityKind.choices, initial=ActivityKind.OTHER)
    text = forms.CharField(label=_("Hoạt động"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    required = forms.BooleanField(label=_("Bắt buộc"), required=False)


ItemFormSet = forms.formset_factory(ItemForm, extra=3, max_num=50, validate_max=True)


class ReportForm(forms.Form):
    difficulties = forms.CharField(label=_("Khó khăn, vướng mắc"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    proposals = forms.CharField(label=_("Đề xuất, kiến nghị"), required=False,
                                widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)

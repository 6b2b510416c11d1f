from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import OrgKind, OrgUnit, SchoolLevel


class UnitCreateForm(forms.Form):
    name = forms.CharField(label=_("Tên đơn vị"), max_length=255)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=60, required=False)
    code = forms.SlugField(label=_("Mã (không dấu, ví dụ thpt-que-son)"), max_length=60)
    kind = forms.ChoiceField(label=_("Loại"), choices=OrgKind.choices)
    school_level = forms.ChoiceField(
        label=_("Cấp học (chỉ với trường)"), choices=[("", "—")] + list(SchoolLevel.choices), required=False
    )
    place = forms.CharField(label=_("Địa danh"), max_length=100, required=False)
    valid_from = forms.DateField(label=_("Hiệu lực từ (dd/mm/yyyy)"), required=False)


class _UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class UnitMoveForm(forms.Form):
    new_parent = _UnitChoiceField(label=_("Đơn vị cấp trên mới"), queryset=OrgUnit.objects.none(),
                                  to_field_name="uid")
    on_date = forms.DateField(label=_("Từ ngày (dd/mm/yyyy)"), initial=timezone.localdate)

    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = parents


class UnitMergeForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị sáp nhập vào đơn vị này"), queryset=OrgUnit.objects.none(),
        to_field_name="uid", widget=forms.CheckboxSelectMultiple,
    )
    on_date = forms.DateField(label=_("Từ ngày (dd/mm/yyyy)"), initial=timezone.localdate)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = candidates
        self.fields["units"].label_from_instance = lambda obj: f"{obj.name} ({obj.code})"


class UnitCloseForm(forms.Form):
    on_date = forms.DateField(label=_("Đóng từ ngày (dd/mm/yyyy)"), initial=timezone.localdate)
    confirm = forms.BooleanField(label=_("Tôi xác nhận đóng đơn vị này"))

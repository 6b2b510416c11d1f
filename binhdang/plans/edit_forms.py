"""Forms of the plan editor: they only read the posted values into Python types; the rules
(what may change, signer authority, bodies of the issuer) are the services' job."""

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.orgs.models import InternalBody

from .editing import SIGNER_AUTHORITIES
from .models import PlanKind

AUTHORITY_CHOICES = [("", _("Ký trực tiếp"))] + [(a, a) for a in SIGNER_AUTHORITIES if a]
# Usual "để …" of a Nơi nhận line, offered as suggestions (any text is accepted).
RECIPIENT_PURPOSES = ("để báo cáo", "để thực hiện", "để chỉ đạo", "để phối hợp", "để biết")


def _body_field(unit):
    return forms.ModelChoiceField(label=_("Tổ chức ban hành"), required=False,
                                  queryset=InternalBody.objects.filter(unit=unit),
                                  empty_label=_("(chính đơn vị)"))


class PlanCreateForm(forms.Form):
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("Ví dụ: Kế hoạch thực hiện công tác bình đẳng giới năm học 2026–2027"))
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=PlanKind.choices)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1900, max_value=2100)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer_body"] = _body_field(unit)


class PlanMetaForm(forms.Form):
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=PlanKind.choices)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1900, max_value=2100)
    period_start = forms.IntegerField(label=_("Từ năm"), required=False, min_value=1900, max_value=2100)
    period_end = forms.IntegerField(label=_("Đến năm"), required=False, min_value=1900, max_value=2100)
    place = forms.CharField(label=_("Địa danh"), required=False)
    document_date = forms.DateField(label=_("Ngày ban hành"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                    input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    intro = forms.CharField(label=_("Mở đầu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    closing = forms.CharField(label=_("Kết thúc"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    signer_authority = forms.ChoiceField(label=_("Thẩm quyền ký"), choices=AUTHORITY_CHOICES, required=False)
    signer_on_behalf_of = forms.CharField(label=_("Ký thay/thay mặt cho"), required=False,
                                          help_text=_("Bắt buộc khi ký KT. hoặc TM., ví dụ: HIỆU TRƯỞNG"))
    signer_position = forms.CharField(label=_("Chức vụ người ký"), required=False)
    signer_name = forms.CharField(label=_("Họ tên người ký"), required=False)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer_body"] = _body_field(unit)
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("id", f"meta-{name}")

    def first_error(self) -> str:
        """"Field: message" of the first invalid field, for the save status line."""
        name, errors = next(iter(self.errors.items()))
        label = self.fields[name].label if name in self.fields else name
        return f"{label}: {errors[0]}"

"""Forms of the parts of a case (people, consent, referrals, attachments). Every error message
names its field, in Vietnamese, so a phone user sees at once what to fix."""

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.accounts.models import Membership
from binhdang.lib.vntext import nfc

from .models import AgeBand, ConsentPurpose, PersonRole, PersonSex, ReferralTarget

OPTIONAL = _("Không bắt buộc.")


class PartForm(forms.Form):
    """Error messages that say which field is wrong ("Họ tên: chưa nhập.")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            label = field.label
            field.error_messages.update({
                "required": _("%(label)s: chưa nhập.") % {"label": label},
                "invalid_choice": _("%(label)s: lựa chọn không hợp lệ.") % {"label": label},
                "invalid_pk_value": _("%(label)s: lựa chọn không hợp lệ.") % {"label": label},
                "max_length": _("%(label)s: quá dài.") % {"label": label},
                "invalid": _("%(label)s: không hợp lệ.") % {"label": label},
                "missing": _("%(label)s: chưa chọn tệp.") % {"label": label},
                "empty": _("%(label)s: tệp trống.") % {"label": label},
            })
            if isinstance(field, forms.FileField):
                field.error_messages["required"] = _("%(label)s: chưa chọn tệp.") % {"label": label}

    def text(self, name: str) -> str:
        return nfc(self.cleaned_data.get(name) or "").strip()


class PersonForm(PartForm):
    role = forms.ChoiceField(label=_("Vai trò"), choices=PersonRole.choices)
    name = forms.CharField(label=_("Họ tên"), max_length=200)
    details = forms.CharField(label=_("Thông tin thêm"), max_length=2000, required=False,
                              help_text=_("Lớp, liên hệ, quan hệ với trẻ (không bắt buộc)."),
                              widget=forms.Textarea(attrs={"rows": 2}))
    sex = forms.ChoiceField(label=_("Giới tính"), choices=PersonSex.choices, initial=PersonSex.UNKNOWN)
    age_band = forms.ChoiceField(label=_("Nhóm tuổi"), choices=AgeBand.choices, required=False)
    is_child = forms.BooleanField(label=_("Là trẻ em (dưới 16 tuổi)"), required=False)


class ConsentForm(PartForm):
    purpose = forms.ChoiceField(label=_("Mục đích"), choices=ConsentPurpose.choices)
    child_aged_7_plus = forms.BooleanField(label=_("Trẻ từ đủ 7 tuổi (cần trẻ tự đồng ý)"), required=False)
    child_agreed = forms.BooleanField(label=_("Trẻ đồng ý"), required=False)
    parent_agreed = forms.BooleanField(label=_("Cha, mẹ hoặc người giám hộ đồng ý"), required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=2000, required=False, help_text=OPTIONAL,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ReferralForm(PartForm):
    """`units` are the school's ancestors; `officers` may be any active member of one of them,
    and clean() checks that each picked officer is a member of the chosen unit itself."""

    target = forms.ChoiceField(label=_("Chuyển đến"), choices=ReferralTarget.choices)
    to_unit = forms.ChoiceField(label=_("Đơn vị quản lý cấp trên nhận"), required=False, help_text=OPTIONAL)
    officers = forms.MultipleChoiceField(
        label=_("Cán bộ được xem vụ việc"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Không bắt buộc. Chỉ những người này (thuộc đơn vị nhận) được mở vụ việc, đến khi kết thúc "
                    "chuyển gửi."))
    note = forms.CharField(label=_("Ghi chú"), max_length=2000, required=False, help_text=OPTIONAL,
                           widget=forms.Textarea(attrs={"rows": 2}))
    override = forms.BooleanField(label=_("Chuyển gửi khi chưa có sự đồng ý"), required=False)
    override_reason = forms.CharField(label=_("Lý do chuyển gửi khi chưa có sự đồng ý"), max_length=2000,
                                      required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units, officers, consent_given: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {str(unit.uid): unit for unit in units}
        self.consent_given = consent_given
        self.fields["to_unit"].choices = [("", _("Không chọn"))] + [(uid, unit.name) for uid, unit in
                                                                     self.units.items()]
        seen, choices = set(), []
        for membership in officers:
            key = str(membership.user.uid)  # opaque, like every identifier a page shows
            if key not in seen:
                seen.add(key)
                choices.append((key, f"{membership.user.full_name or membership.user.username} · "
                                     f"{membership.unit.short_name or membership.unit.name}"))
        self.fields["officers"].choices = choices

    def clean(self):
        data = super().clean()
        unit = self.units.get(data.get("to_unit") or "")
        data["to_unit_obj"] = unit
        picked = set(data.get("officers") or [])
        officer_ids = []
        if picked and unit is None:
            self.add_error("officers", _("Cán bộ được xem vụ việc: hãy chọn đơn vị nhận trước."))
        elif picked:
            # Server-side: only people who really hold an active membership at the receiving unit.
            members = dict(Membership.objects.filter(unit=unit, is_active=True, user__uid__in=picked,
                                                     user__is_active=True).values_list("user__uid", "user__pk"))
            if picked - {str(uid) for uid in members}:
                self.add_error("officers", _("Cán bộ được xem vụ việc: có người không thuộc đơn vị nhận."))
            officer_ids = sorted(set(members.values()))
        data["officer_ids"] = officer_ids
        if not self.consent_given:
            if not data.get("override"):
                self.add_error("override", _("Chuyển gửi khi chưa có sự đồng ý: chưa có sự đồng ý chuyển gửi, "
                                             "hãy đánh dấu ô này và ghi lý do."))
            if not nfc(data.get("override_reason") or "").strip():
                self.add_error("override_reason", _("Lý do chuyển gửi khi chưa có sự đồng ý: chưa nhập."))
        return data


class AttachmentForm(PartForm):
    file = forms.FileField(label=_("Tệp"))

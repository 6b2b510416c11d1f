"""Forms of the case steps. Every error message is Vietnamese and names its field, so a team
member on a phone sees at once what to fix."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import Category

TEXT_MAX = 10000
LEVELS = [("1", _("1 – thấp")), ("2", _("2 – trung bình")), ("3", _("3 – cao"))]
YES_NO = [("yes", _("Có")), ("no", _("Không"))]


def _text(label, required_message, *, required=True, rows=4, max_length=TEXT_MAX):
    return forms.CharField(
        label=label, required=required, max_length=max_length, strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required_message,
            "max_length": format_lazy(_("“{field}” dài quá {n} ký tự."), field=label, n=max_length),
        },
    )


def _choice(label, choices, required_message):
    return forms.TypedChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect,
        error_messages={"required": required_message,
                        "invalid_choice": format_lazy(_("Hãy chọn một mục trong danh sách ở “{field}”."), field=label)},
    )


class AssessForm(forms.Form):
    harm_level = _choice(_("Mức độ tổn hại"), LEVELS, _("Hãy chọn mức độ tổn hại (1 đến 3)."))
    risk_level = _choice(_("Mức độ nguy cơ"), LEVELS, _("Hãy chọn mức độ nguy cơ (1 đến 3)."))
    child_under_16_abused = _choice(_("Trẻ dưới 16 tuổi bị xâm hại, bạo lực?"), YES_NO,
                                    _("Hãy trả lời: trẻ dưới 16 tuổi có bị xâm hại, bạo lực không."))
    category = forms.ChoiceField(
        label=_("Loại việc"), choices=Category.choices,
        error_messages={"required": _("Hãy chọn loại việc."),
                        "invalid_choice": _("Hãy chọn một mục trong danh sách ở “Loại việc”.")})
    note = _text(_("Nhận định (không bắt buộc)"), "", required=False, rows=3)

    def cleaned(self) -> dict:
        data = self.cleaned_data
        return {"harm_level": int(data["harm_level"]), "risk_level": int(data["risk_level"]),
                "child_under_16_abused": data["child_under_16_abused"] == "yes", "category": data["category"],
                "note": data["note"]}


STEP_LABELS = {
    "ho-tro": (_("Hỗ trợ ban đầu đã thực hiện"), _("Hãy ghi hỗ trợ ban đầu đã thực hiện.")),
    "ke-hoach": (_("Kế hoạch hỗ trợ"), _("Hãy ghi kế hoạch hỗ trợ.")),
    "can-thiep": (_("Can thiệp đã thực hiện"), _("Hãy ghi việc can thiệp đã thực hiện.")),
    "theo-doi": (_("Kết quả theo dõi"), _("Hãy ghi kết quả theo dõi.")),
}


def step_form_class(slug: str) -> type[forms.Form]:
    label, message = STEP_LABELS[slug]
    return type("StepForm", (forms.Form,), {"text": _text(label, message)})


class FamilyForm(forms.Form):
    informed = _choice(_("Đã thông báo cho gia đình?"), YES_NO,
                       _("Hãy trả lời: đã thông báo cho gia đình chưa."))
    text = _text(_("Cách thông báo, hoặc lý do chưa thông báo"),
                 _("Hãy ghi cách đã thông báo cho gia đình, hoặc lý do chưa thông báo (ví dụ gia đình là "
                   "nguồn nguy hiểm)."))


class NoteForm(forms.Form):
    text = _text(_("Ghi chú"), _("Hãy ghi nội dung ghi chú."), rows=3)


class SessionForm(forms.Form):
    held_on = forms.DateField(
        label=_("Ngày tư vấn"), widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"required": _("Hãy nhập ngày tư vấn."),
                        "invalid": _("“Ngày tư vấn” không đúng dạng ngày (ví dụ 16/11/2026).")})
    text = _text(_("Nội dung buổi tư vấn"), _("Hãy ghi nội dung buổi tư vấn."))


class ReplyForm(forms.Form):
    text = _text(_("Trả lời học sinh"), _("Hãy viết nội dung trả lời học sinh."), max_length=5000)


class CloseForm(forms.Form):
    text = _text(_("Vì sao trẻ đã an toàn"), _("Hãy ghi vì sao trẻ đã an toàn để đóng vụ việc."))


class ApproveForm(forms.Form):
    text = _text(_("Ý kiến của trưởng nhóm (không bắt buộc)"), "", required=False, rows=2)


class ReopenForm(forms.Form):
    text = _text(_("Lý do mở lại"), _("Hãy ghi lý do mở lại vụ việc."), rows=3)

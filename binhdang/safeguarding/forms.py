"""Forms of the help page, the follow-up page and staff recording. Labels are plain Vietnamese a
10-year-old can read."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .intake import PASSPHRASE_MIN_LENGTH
from .models import Category, Channel

# Plain choices for a child, each mapped to a category the case team works with.
WHAT_HAPPENED = [
    ("hit", _("Bị đánh, bị đau"), Category.PHYSICAL_ASSAULT),
    ("bullied", _("Bị bắt nạt, trêu chọc, cô lập"), Category.BULLYING),
    ("touched", _("Bị chạm vào người làm em sợ hoặc khó chịu"), Category.SEXUAL_ASSAULT),
    ("online", _("Bị bắt nạt hoặc làm phiền trên mạng, điện thoại"), Category.CYBER),
    ("scared", _("Bị doạ nạt, mắng chửi, làm em sợ hãi"), Category.PSYCHOLOGICAL),
    ("fight", _("Có đánh nhau ở trường"), Category.FIGHTING),
    ("other", _("Chuyện khác"), Category.OTHER),
]
CATEGORY_OF = {value: category for value, _label, category in WHAT_HAPPENED}


class HelpForm(forms.Form):
    what = forms.ChoiceField(label=_("Chuyện gì đã xảy ra?"), widget=forms.RadioSelect,
                             choices=[(value, label) for value, label, _c in WHAT_HAPPENED])
    narrative = forms.CharField(label=_("Em kể thêm nếu muốn"), max_length=5000, required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))
    happening_now = forms.ChoiceField(label=_("Chuyện này có đang xảy ra ngay lúc này không?"),
                                      widget=forms.RadioSelect, initial="no",
                                      choices=[("yes", _("Có, đang xảy ra")), ("no", _("Không"))])
    name = forms.CharField(label=_("Tên của em (không bắt buộc)"), max_length=100, required=False)
    school_class = forms.CharField(label=_("Lớp (không bắt buộc)"), max_length=20, required=False)
    passphrase = forms.CharField(
        label=_("Chọn một mật khẩu bí mật để xem trả lời"), min_length=PASSPHRASE_MIN_LENGTH, max_length=200,
        widget=forms.PasswordInput(render_value=False),
        # Lazy all the way, so the text follows the language of each request.
        help_text=format_lazy(_("Ít nhất {n} ký tự. Đừng cho ai biết."), n=PASSPHRASE_MIN_LENGTH),
    )
    # Honeypot: hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Để trống ô này"))

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Không gửi được. Em hãy thử lại."))
        return ""


class FollowUpForm(forms.Form):
    code = forms.CharField(label=_("Mã số của em"), max_length=30)
    passphrase = forms.CharField(label=_("Mật khẩu bí mật"), max_length=200, widget=forms.PasswordInput)


class MessageForm(FollowUpForm):
    text = forms.CharField(label=_("Tin nhắn của em"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class StaffRecordForm(forms.Form):
    channel = forms.ChoiceField(label=_("Nhận qua"), choices=[
        (Channel.IN_PERSON, Channel.IN_PERSON.label), (Channel.PHONE, Channel.PHONE.label),
        (Channel.SUGGESTION_BOX, Channel.SUGGESTION_BOX.label)])
    category = forms.ChoiceField(label=_("Loại việc"), choices=Category.choices)
    narrative = forms.CharField(label=_("Nội dung"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))
    happening_now = forms.BooleanField(label=_("Đang xảy ra"), required=False)
    name = forms.CharField(label=_("Tên người báo tin (không bắt buộc)"), max_length=100, required=False)
    school_class = forms.CharField(label=_("Lớp (không bắt buộc)"), max_length=20, required=False)
    passphrase = forms.CharField(
        label=_("Mật khẩu do học sinh chọn (không bắt buộc)"), min_length=PASSPHRASE_MIN_LENGTH, max_length=200,
        required=False, widget=forms.PasswordInput,
        help_text=_("Nếu học sinh muốn xem trả lời bằng mã số, để học sinh tự nhập mật khẩu ở đây."))

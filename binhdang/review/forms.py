"""Forms of the review pages. The upload runs the cheap checks (size, emptiness, type by content)
in the request; reading and analysing run on the worker."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .analysis import ReadError
from .analysis.reading import file_kind
from .messages import read_error_message
from .models import ReviewFlag


class MaterialUploadForm(forms.Form):
    # Empty files are let through here so that the reader gives its own message, naming the file.
    file = forms.FileField(label=_("Tài liệu (.docx, .pdf có lớp chữ, .txt)"), allow_empty_file=True,
                           error_messages={"required": _("Hãy chọn tệp tài liệu để rà soát.")})
    title = forms.CharField(label=_("Tên tài liệu (không bắt buộc)"), max_length=300, required=False,
                            help_text=_("Ví dụ: Tiếng Việt 3, tập 1, bài 5. Để trống thì lấy tên tệp."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:  # refused unread
            raise forms.ValidationError(_("Tệp quá lớn (%(size).1f MB); tối đa %(limit)d MB.")
                                        % {"size": upload.size / 1024 / 1024, "limit": limit})
        data = upload.read()
        try:
            file_kind(upload.name, data)
        except ReadError as exc:
            raise forms.ValidationError(read_error_message(exc)) from exc
        self.file_bytes = data
        return upload


class FlagDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Ý kiến"), choices=ReviewFlag.Decision.choices,
                                 error_messages={"required": _("Hãy chọn đồng ý sửa hoặc bỏ qua."),
                                                 "invalid_choice": _("Ý kiến không hợp lệ.")})
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class SendForm(forms.Form):
    note = forms.CharField(label=_("Kiến nghị gửi cấp trên"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Để trống thì đề xuất dùng câu kiến nghị chung."))


class LessonLinkForm(forms.Form):
    lesson = forms.ChoiceField(label=_("Tiết dạy lồng ghép giới"), required=False)

    def __init__(self, *args, lessons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.lessons = {str(lesson.uid): lesson for lesson in lessons}
        self.fields["lesson"].choices = [("", _("(Không gắn)"))] + [
            (uid, f"{lesson.taught_on:%d/%m/%Y} · {lesson.subject} {lesson.grade} · {lesson.lesson}")
            for uid, lesson in self.lessons.items()]
        self.fields["lesson"].error_messages["invalid_choice"] = _("Tiết dạy đã chọn không thuộc đơn vị này.")

    def clean_lesson(self):
        value = self.cleaned_data["lesson"]
        return self.lessons.get(value) if value else None

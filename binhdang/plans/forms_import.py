"""The plan file upload form: the file (type, size and emptiness checked by importing), the
kind of plan and, optionally, its year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .importing import PlanFileError, check_plan_file, check_plan_size
from .models import PlanKind


class PlanUploadForm(forms.Form):
    # Empty files are let through here so that importing gives its own message, naming the file.
    file = forms.FileField(label=_("Tệp kế hoạch (.txt, .docx)"), allow_empty_file=True,
                           error_messages={"required": _("Hãy chọn tệp kế hoạch để tải lên.")})
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=PlanKind.choices, initial=PlanKind.YEARLY)
    year = forms.IntegerField(label=_("Năm (không bắt buộc)"), required=False, min_value=1990, max_value=2100,
                              error_messages={"invalid": _("Năm phải là một số, ví dụ 2024."),
                                              "min_value": _("Năm phải từ 1990 đến 2100."),
                                              "max_value": _("Năm phải từ 1990 đến 2100.")})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_plan_size(upload.size)  # before reading: a large file is refused unread
            data = upload.read()
            check_plan_file(upload.name, data)
        except PlanFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        self.file_bytes = data
        return upload

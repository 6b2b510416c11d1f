"""The upload form of the roster import: the file (type and size checked) and the list kind."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import RosterImport
from .headers import FIELD_LABELS, IGNORED, Column

KIND_CHOICES = [("", gettext_lazy("Tự nhận biết từ tiêu đề cột")), *RosterImport.Kind.choices]


def _megabytes(size: int) -> str:
    text = f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


class RosterUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp danh sách (.xlsx, .xls, .ods, .csv)"), error_messages={
        "empty": gettext_lazy("Tệp trống: không có dữ liệu nào."),
        "required": gettext_lazy("Hãy chọn tệp danh sách để tải lên."),
    })
    kind = forms.ChoiceField(label=gettext_lazy("Loại danh sách"), choices=KIND_CHOICES, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                _("Tệp quá lớn (%(size)s MB); tối đa %(limit)d MB.") % {"size": _megabytes(upload.size), "limit": limit}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("Tệp trống: không có dữ liệu nào."))
        return upload


def field_choices() -> list[tuple[str, str]]:
    return [("", _("— bỏ qua cột này —")), *FIELD_LABELS.items()]


def columns_from_post(columns: list[Column], data) -> list[Column]:
    """The mapping chosen on the preview page; unknown values are treated as "ignore"."""
    chosen = []
    for column in columns:
        value = data.get(f"col-{column.index}", column.field)
        if value not in FIELD_LABELS and value != IGNORED:
            value = ""
        chosen.append(Column(column.index, column.header, value))
    return chosen

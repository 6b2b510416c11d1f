"""Translated messages for the analysis package's codes (it has no Django, so no gettext)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .analysis import ReadError


def read_error_message(error: ReadError) -> str:
    name = error.name
    messages = {
        "empty": _("Tệp “%(name)s” rỗng."),
        "doc": _("Tệp “%(name)s” là Word 97–2003 (.doc), chưa được hỗ trợ: hãy mở bằng Word và lưu lại dưới dạng "
                 ".docx."),
        "not_docx": _("Tệp “%(name)s” không phải tệp Word (.docx) hợp lệ."),
        "type": _("Tệp “%(name)s” không phải Word (.docx), PDF hay văn bản (.txt)."),
        "bad_pdf": _("Tệp “%(name)s” là PDF bị hỏng hoặc được bảo vệ, không đọc được."),
        "scanned_pdf": _("Tệp “%(name)s” là PDF scan (chỉ có hình ảnh, không có lớp chữ) nên không rà soát được. "
                         "Hãy dùng tệp Word gốc, hoặc nhận dạng chữ (OCR) rồi lưu lại thành PDF có chữ."),
        "no_text": _("Tệp “%(name)s” không có chữ nào để rà soát (có thể chỉ có hình ảnh)."),
        "encoding": _("Không đọc được bảng mã của tệp “%(name)s”: hãy lưu lại dưới dạng UTF-8."),
    }
    return messages.get(error.code, _("Không đọc được tệp “%(name)s”.")) % {"name": name}


RULE_LABELS = {
    "saying": gettext_lazy("Thành ngữ, tục ngữ định kiến"),
    "prescriptive": gettext_lazy("Áp đặt theo giới"),
    "generalisation": gettext_lazy("Khái quát theo giới"),
    "role": gettext_lazy("Gán vai trò cho một giới"),
    "parallel": gettext_lazy("Đối lập hai giới"),
    "role_contrast": gettext_lazy("Đối lập vai trò trong gia đình"),
}


def rule_label(rule: str) -> str:
    return str(RULE_LABELS.get(rule, rule))


DOMAIN_LABELS = {
    "care": gettext_lazy("Chăm sóc, việc nhà"),
    "paid_work": gettext_lazy("Lao động có thu nhập"),
    "leadership": gettext_lazy("Lãnh đạo, quản lý"),
    "science": gettext_lazy("Khoa học, công nghệ"),
    "sport": gettext_lazy("Thể thao"),
    "appearance": gettext_lazy("Ngoại hình"),
    "emotion": gettext_lazy("Cảm xúc"),
}


def activity_rows(summary: dict) -> list[dict]:
    """The activities table with its labels in the user's language."""
    return [{**row, "label": str(DOMAIN_LABELS.get(row["domain"], row["label"]))}
            for row in summary.get("activities", [])]

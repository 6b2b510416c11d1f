"""Document numbers and codes (số, ký hiệu) as Nghị định 30/2020/NĐ-CP writes them:
"05/KH-THPTQS" = number / TYPE-ISSUER; an official letter (công văn) is ISSUER-UNIT."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocType(models.TextChoices):
    """Abbreviations from Phụ lục III of Nghị định 30 (the kinds this programme issues)."""

    PLAN = "KH", _("Kế hoạch")
    REPORT = "BC", _("Báo cáo")
    DECISION = "QĐ", _("Quyết định")
    NOTICE = "TB", _("Thông báo")
    SUBMISSION = "TTr", _("Tờ trình")
    GUIDANCE = "HD", _("Hướng dẫn")
    PROGRAMME = "CTr", _("Chương trình")
    MINUTES = "BB", _("Biên bản")
    OFFICIAL_LETTER = "CV", _("Công văn")


def code_for(doc_type: str, issuer_short: str, drafting_unit: str = "") -> str:
    """ "KH", "THPTQS" → "KH-THPTQS". A công văn has no type in its code: it is the issuer
    followed by the unit that drafted it ("SGDĐT-CTHSSV"), or the issuer alone."""
    issuer_short = issuer_short.strip()
    if not issuer_short:
        raise ValueError("the issuer's short name is empty")
    if doc_type not in DocType.values:
        raise ValueError(f"unknown document type {doc_type!r}")
    if doc_type == DocType.OFFICIAL_LETTER:
        unit = drafting_unit.strip()
        return f"{issuer_short}-{unit}" if unit else issuer_short
    return f"{doc_type}-{issuer_short}"


def format_number(number: int, code: str) -> str:
    """5, "KH-THPTQS" → "05/KH-THPTQS" (two digits at least)."""
    if number < 1:
        raise ValueError("document numbers start at 1")
    return f"{number:02d}/{code}"


def number_line(number: int | None, code: str) -> str:
    """The "Số:" line of the header; blank number ("Số:      /KH-THPTQS") until issued."""
    if number is None:
        return f"Số:      /{code}"
    return f"Số: {format_number(number, code)}"

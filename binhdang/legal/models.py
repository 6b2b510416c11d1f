"""The registry of documents that plans and reports cite (laws, decrees, Party and
administrative documents), with their status, so a plan can warn about a replaced one."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    LAW = "law", _("Luật, Bộ luật")
    NORMATIVE = "normative", _("Văn bản quy phạm pháp luật")
    PARTY = "party", _("Văn bản của Đảng")
    ADMINISTRATIVE = "administrative", _("Văn bản hành chính")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế")


class LegalDocument(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("loại"), max_length=20, choices=DocumentKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=80, unique=True,
                              help_text=_("Dạng chuẩn, ví dụ 73/2006/QH11 hoặc 6830/KH-UBND."))
    doc_type = models.CharField(_("tên loại"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)
    status = models.CharField(_("hiệu lực"), max_length=20, choices=DocumentStatus.choices,
                              default=DocumentStatus.IN_FORCE)
    replaced_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="replaces", verbose_name=_("được thay thế bởi"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "number"]

    def __str__(self) -> str:
        return f"{self.doc_type} {self.number}".strip()

    @property
    def full_title(self) -> str:
        """ "Nghị định Quy định xử phạt…", but "Luật Bình đẳng giới" where the title already
        starts with its type (laws are titled by name)."""
        if not self.title:
            return ""
        if self.doc_type and self.title.casefold().startswith(self.doc_type.casefold()):
            return self.title
        return f"{self.doc_type} {self.title}".strip()

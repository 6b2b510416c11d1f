"""The issuer's yearly number register (sổ văn bản đi): one series per issuer per year,
starting at 01 on 1 January, without gaps. Allocation lives in services.number_allocate."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .codes import DocType, format_number


class NumberRegister(models.Model):
    """The counter of one issuer for one calendar year.

    The issuer is a unit, or a body inside it: the Ban VSTBPN keeps its own series beside
    the school's. Rows are locked (SELECT … FOR UPDATE) while a number is taken.
    """

    issuer_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="number_registers",
        verbose_name=_("đơn vị ban hành"),
    )
    issuer_body = models.ForeignKey(
        "orgs.InternalBody", null=True, blank=True, on_delete=models.PROTECT,
        related_name="number_registers", verbose_name=_("tổ chức ban hành"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        ordering = ["issuer_unit", "issuer_body", "-year"]
        # Two conditional constraints, because NULLs are distinct in a plain unique
        # constraint: without the first, a unit could get two registers for the same year.
        constraints = [
            models.UniqueConstraint(
                fields=["issuer_unit", "year"], condition=Q(issuer_body__isnull=True),
                name="number_register_unique_unit_year",
            ),
            models.UniqueConstraint(
                fields=["issuer_unit", "issuer_body", "year"],
                condition=Q(issuer_body__isnull=False),
                name="number_register_unique_body_year",
            ),
        ]

    def __str__(self) -> str:
        issuer = self.issuer_body or self.issuer_unit
        return f"{issuer} – {self.year}"


class IssuedNumber(models.Model):
    """One number taken from a register, and the document it was given to."""

    register = models.ForeignKey(NumberRegister, on_delete=models.PROTECT, related_name="issued")
    number = models.PositiveIntegerField(_("số"))
    code = models.CharField(_("ký hiệu"), max_length=60)
    doc_type = models.CharField(_("loại văn bản"), max_length=5, choices=DocType.choices)
    issued_at = models.DateTimeField(_("cấp lúc"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("người cấp"),
    )
    # The numbered document, by type label and uid: apps above this one (plans, reports)
    # point here, never the other way round.
    object_type = models.CharField(max_length=60, blank=True)
    object_uid = models.CharField(max_length=64, blank=True, db_index=True)
    object_label = models.CharField(_("văn bản"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("số văn bản đã cấp")
        verbose_name_plural = _("số văn bản đã cấp")
        ordering = ["register", "number"]
        constraints = [
            models.UniqueConstraint(fields=["register", "number"], name="issued_number_unique")
        ]

    def __str__(self) -> str:
        return self.display

    @property
    def display(self) -> str:
        """ "05/KH-THPTQS"."""
        return format_number(self.number, self.code)


class FileStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ tạo")
    DONE = "done", _("Đã tạo xong")
    FAILED = "failed", _("Không tạo được")


class WorkerFile(models.Model):
    """What every file made by the worker keeps (a plan's DOCX/PDF, a consolidation's DOCX and XLSX):
    its opaque id, where the run stands, why it failed, who asked and when. The file fields are the
    concrete model's (one or several)."""

    Status = FileStatus

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=FileStatus.choices, default=FileStatus.PENDING)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

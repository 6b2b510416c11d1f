"""Plans (Kế hoạch) and their parts: legal basis, sections, task groups and tasks, targets,
recipients, and the notes an import leaves behind.

Order inside a plan is an explicit `position` on every child, so later editing (reorder,
nest, duplicate) changes numbers, never primary keys.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from binhdang.documents.models import WorkerFile


class PlanKind(models.TextChoices):
    YEARLY = "yearly", _("Kế hoạch năm")
    PERIOD = "period", _("Kế hoạch giai đoạn")
    ACTION_MONTH = "action_month", _("Kế hoạch Tháng hành động")
    OTHER = "other", _("Kế hoạch khác")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã trình ký")
    ISSUED = "issued", _("Đã ban hành")


class SectionKind(models.TextChoices):
    PURPOSES = "purposes", _("Mục đích, yêu cầu")
    TASKS = "tasks", _("Nhiệm vụ, giải pháp")
    TARGETS = "targets", _("Chỉ tiêu")
    ORGANISATION = "organisation", _("Tổ chức thực hiện")
    OTHER = "other", _("Khác")


class Plan(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer_unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="plans",
                                    verbose_name=_("đơn vị ban hành"))
    # The Ban VSTBPN issues under its own number series, inside its school.
    issuer_body = models.ForeignKey("orgs.InternalBody", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="plans", verbose_name=_("tổ chức ban hành"))
    kind = models.CharField(_("loại kế hoạch"), max_length=20, choices=PlanKind.choices, default=PlanKind.YEARLY)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    document_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    # What an imported plan said about itself; issuing later allocates a number of our own.
    imported_issuer = models.CharField(_("cơ quan ban hành (theo văn bản gốc)"), max_length=255, blank=True)
    imported_number = models.CharField(_("số, ký hiệu (theo văn bản gốc)"), max_length=80, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    intro = models.TextField(_("mở đầu"), blank=True)
    closing = models.TextField(_("kết thúc"), blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký (KT., TM., Q.)"), max_length=20, blank=True)
    signer_on_behalf_of = models.CharField(_("ký thay cho"), max_length=255, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=255, blank=True)
    # The plan of the authority above that this one implements (for the cascade).
    source_plan = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="derived_plans", verbose_name=_("thực hiện kế hoạch"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped by every edit, so two people editing at once are detected, not overwritten.
    revision = models.PositiveIntegerField(default=1)
    # Copied from (last year's plan, or any earlier plan); the cascade link is source_plan.
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="copies", verbose_name=_("sao từ kế hoạch"))
    # The workflow: draft → submitted (to the principal) → issued. Issuing takes a number from
    # the issuer's register and freezes the content; a change after that is a new version.
    submitted_at = models.DateTimeField(_("trình ký lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người trình"))
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("người ban hành"))
    issued_number = models.OneToOneField("documents.IssuedNumber", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="+",
                                         verbose_name=_("số văn bản"))
    # "05/KH-THLTK", copied from issued_number when issued (shown and exported as is).
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    amends = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="amendments", verbose_name=_("sửa đổi kế hoạch"))
    amendment_note = models.TextField(_("nội dung sửa đổi"), blank=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["issuer_unit", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def has_signer(self) -> bool:
        return bool(self.signer_name or self.signer_position)

    @property
    def is_frozen(self) -> bool:
        """Issued plans are never edited in place."""
        return self.status == PlanStatus.ISSUED


class LegalBasis(models.Model):
    """One cited document: in the preamble ("Thực hiện…", "Căn cứ…") or in the body."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="legal_basis")
    position = models.PositiveIntegerField()
    document = models.ForeignKey("legal.LegalDocument", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="citing", verbose_name=_("văn bản"))
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    raw = models.TextField(_("trích dẫn"), blank=True)
    in_preamble = models.BooleanField(_("ở phần căn cứ"), default=False)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("căn cứ")
        verbose_name_plural = _("căn cứ")

    def __str__(self) -> str:
        return self.number or self.raw[:60]


class PlanSection(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    heading = models.CharField(_("số mục"), max_length=20, blank=True)
    title = models.TextField(_("tên mục"))
    kind = models.CharField(_("loại mục"), max_length=20, choices=SectionKind.choices, default=SectionKind.OTHER)
    # The item tree as parsed: [{"label", "text", "items": [...]}, ...].
    body = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return f"{self.heading} {self.title}".strip()


class TaskGroup(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="task_groups")
    position = models.PositiveIntegerField()
    title = models.TextField(_("nhóm nhiệm vụ"))

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.title[:80]


class Task(models.Model):
    group = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    text = models.TextField(_("nhiệm vụ"))
    responsible = models.TextField(_("đơn vị chủ trì"), blank=True)
    cooperating = models.TextField(_("đơn vị phối hợp"), blank=True)
    time_frame = models.CharField(_("thời gian"), max_length=200, blank=True)
    expected_output = models.TextField(_("sản phẩm"), blank=True)
    # Structured twins of the free text above, for reminders and "my tasks": the deadline, and
    # the school's internal bodies (tổ, Đoàn, Công đoàn, Ban VSTBPN) that lead the task.
    due_on = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    responsible_bodies = models.ManyToManyField("orgs.InternalBody", blank=True, related_name="plan_tasks",
                                                verbose_name=_("bộ phận chủ trì"))
    # The task of the plan above that this one carries out (for the cascade and coverage).
    implements = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="implemented_by")
    # The task this one was copied from (last year's plan, or the previous version).
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="copies")
    # Optional links to the plan's targets (chỉ tiêu) the task serves.
    targets = models.ManyToManyField("Target", blank=True, related_name="tasks", verbose_name=_("chỉ tiêu"))

    class Meta:
        ordering = ["group", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class Target(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveIntegerField()
    text = models.TextField(_("chỉ tiêu"))

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class Recipient(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recipients")
    position = models.PositiveIntegerField()
    name = models.TextField(_("nơi nhận"))
    purpose = models.CharField(_("để"), max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.name


class ImportNoteKind(models.TextChoices):
    UNPARSED = "unparsed", _("Chưa xếp được")
    WARNING = "warning", _("Cảnh báo")


class PlanImportNote(models.Model):
    """A line the parser could not place, or one of its warnings: kept, never dropped."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="import_notes")
    kind = models.CharField(max_length=20, choices=ImportNoteKind.choices)
    line = models.PositiveIntegerField(_("dòng"), null=True, blank=True)
    text = models.TextField(_("nội dung"))
    reason = models.CharField(_("lý do"), max_length=300, blank=True)

    class Meta:
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class ExportFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"


class PlanExport(WorkerFile):
    """One generated file of a plan (DOCX or PDF), made by the worker, never in the request."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(max_length=5, choices=ExportFormat.choices)
    # The plan revision the file shows: a newer revision makes the file stale.
    revision = models.PositiveIntegerField()
    file = models.FileField(upload_to="plan-exports/%Y/%m/", max_length=200, blank=True)

    class Meta(WorkerFile.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.plan} ({self.format})"


class PlanUpload(models.Model):
    """An uploaded plan file on its way in: parsed by the worker, reviewed and corrected by
    the user, then saved as a Plan. Nothing is saved to the plan tables before that."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang đọc tệp")
        PARSED = "parsed", _("Chờ kiểm tra")
        FAILED = "failed", _("Không đọc được")
        SAVED = "saved", _("Đã lưu thành kế hoạch")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="plan_uploads")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    file = models.FileField(upload_to="plan-uploads/%Y/%m/", max_length=200)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(_("loại kế hoạch"), max_length=20, choices=PlanKind.choices, default=PlanKind.YEARLY)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # ParsedPlan.to_json_dict() as the parser left it, then as the user corrected it.
    parsed = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

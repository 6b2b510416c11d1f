"""A teaching-material review (rà soát tài liệu): the uploaded file's analysis, its flags with the
reviewer's decisions, and the proposal (đề xuất) it becomes."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from binhdang.documents.models import WorkerFile


class MaterialReview(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ rà soát")
        RUNNING = "running", _("Đang rà soát")
        DONE = "done", _("Đã rà soát")
        FAILED = "failed", _("Không đọc được")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="material_reviews")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    title = models.CharField(_("tên tài liệu"), max_length=300)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    # Kept only until the worker has read it; the analysis is in `summary` and the flags.
    file = models.FileField(upload_to="review-uploads/%Y/%m/", max_length=200, blank=True)
    kind = models.CharField(max_length=10, blank=True)
    legacy_encoding = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)  # percent of paragraphs read
    error = models.TextField(blank=True)
    # Report.to_json() without the flags (they are rows), plus counts: sentences, good examples.
    summary = models.JSONField(default=dict, blank=True)
    note = models.TextField(_("ý kiến chung của người rà soát"), blank=True)
    lesson = models.ForeignKey("activities.LessonIntegration", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="material_reviews", verbose_name=_("tiết dạy lồng ghép giới"))
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("rà soát tài liệu")
        verbose_name_plural = _("rà soát tài liệu")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "sent_at"])]

    def __str__(self) -> str:
        return self.title


class ReviewFlag(models.Model):
    class Decision(models.TextChoices):
        OPEN = "open", _("Chưa xem")
        ACCEPTED = "accepted", _("Đồng ý sửa")
        DISMISSED = "dismissed", _("Bỏ qua")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(MaterialReview, on_delete=models.CASCADE, related_name="flags")
    position = models.PositiveIntegerField()
    paragraph = models.PositiveIntegerField()       # 1-based paragraph of the material
    line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    lesson = models.CharField(max_length=200, blank=True)
    sentence = models.TextField()
    rule = models.CharField(max_length=20)
    evidence = models.CharField(max_length=300)
    explanation = models.TextField()
    suggestion = models.TextField()
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.OPEN)
    note = models.TextField(_("ghi chú"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["review", "position"]
        constraints = [models.UniqueConstraint(fields=["review", "position"], name="review_flag_position")]

    def __str__(self) -> str:
        return self.sentence[:80]


class ProposalFile(WorkerFile):
    """The proposal (tờ trình) of a review as a DOCX, made by the worker like every generated file.
    `basis` names what it shows (the decisions, notes, the reviewer's note, whether sent): the same
    state gives back the file already made, a new decision a new one."""

    review = models.ForeignKey(MaterialReview, on_delete=models.CASCADE, related_name="proposal_files")
    basis = models.CharField(max_length=64)
    file = models.FileField(upload_to="review-proposals/%Y/%m/", max_length=200, blank=True)

    class Meta(WorkerFile.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.review} ({self.get_status_display()})"

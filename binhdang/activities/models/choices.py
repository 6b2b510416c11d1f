"""Choices shared by the activity models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    FLAG_TALK = "flag_talk", _("Sinh hoạt dưới cờ")
    STAFF_MEETING = "staff_meeting", _("Họp hội đồng, họp cơ quan")
    COMMUNICATION = "communication", _("Chiến dịch truyền thông")
    TRAINING = "training", _("Tập huấn")
    CONTEST = "contest", _("Cuộc thi")
    CLUB = "club", _("Sinh hoạt câu lạc bộ")
    ART_SPORT = "art_sport", _("Văn nghệ, thể thao")
    EXHIBITION = "exhibition", _("Triển lãm")
    HARDSHIP_SUPPORT = "hardship_support", _("Hỗ trợ học sinh có hoàn cảnh khó khăn")
    LESSON = "lesson", _("Tiết dạy lồng ghép giới")
    BANNER = "banner", _("Băng rôn, áp phích")
    OTHER = "other", _("Khác")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    DONE = "done", _("Đã thực hiện")
    CANCELLED = "cancelled", _("Đã huỷ")


class Audience(models.TextChoices):
    """Who an activity is for; also the groups participants are counted in."""

    STUDENTS = "students", _("Học sinh")
    STAFF = "staff", _("Cán bộ, giáo viên, nhân viên")
    PARENTS = "parents", _("Cha mẹ học sinh")
    COMMUNITY = "community", _("Cộng đồng")


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("Ảnh")
    PDF = "pdf", _("PDF")
    OFFICE = "office", _("Văn bản, bảng tính, trình chiếu")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "binhdang.review"
    verbose_name = _("Rà soát tài liệu")

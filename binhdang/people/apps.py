from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "binhdang.people"
    verbose_name = _("Nhân sự và học sinh")

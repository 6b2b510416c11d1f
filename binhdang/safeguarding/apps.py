from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardingConfig(AppConfig):
    name = "binhdang.safeguarding"
    verbose_name = _("Bảo vệ học sinh")

    def ready(self) -> None:
        # Registers the system check that refuses to start without the master key
        # (see checks.py; the web process also calls checks.ensure_sealing_ready()).
        from . import checks  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "binhdang.indicators"
    verbose_name = _("Chỉ số")

    def ready(self):
        # The computations register the source models they watch; then the signals are connected.
        from . import computations, refresh, tree  # noqa: F401

        refresh._connect()
        tree.connect()

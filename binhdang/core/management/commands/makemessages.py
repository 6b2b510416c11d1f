"""`makemessages` that also extracts `_l("…")` and `_lazy("…")`, the names some modules give
gettext_lazy beside gettext's `_` (the way Django's docs show to extend xgettext's keywords)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_l", "--keyword=_lazy"]

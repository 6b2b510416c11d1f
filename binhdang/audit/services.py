"""record(): the one function every privileged write calls, inside its own transaction."""

from django.db import models, transaction

from .models import AuditEntry


def record(*, actor, unit, action: str, target: models.Model | None = None, details=None) -> AuditEntry:
    """Write one audit row. Call it inside the transaction of the write it describes,
    so that the row exists if and only if the change does."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() must run inside the write's transaction")
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        acting_unit=unit,
        acting_unit_name=str(unit) if unit else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_uid=str(getattr(target, "uid", "") or getattr(target, "pk", "") or ""),
        target_label=str(target)[:255] if target is not None else "",
        details=details or {},
    )

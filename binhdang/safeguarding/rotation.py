"""Master key rotation and status for `binhdang sealing` (see sealing.py for the formats)."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from .models import SealedKey
from .sealing import master_keys, rewrap

BATCH_SIZE = 500


@dataclass(frozen=True)
class RotationResult:
    current_id: int
    rewrapped: int
    already_current: int


def rotate(batch_size: int = BATCH_SIZE) -> RotationResult:
    """Wraps every SealedKey not yet under the current master key with it, `batch_size` rows per
    transaction (rows locked while rewrapped). Idempotent: a second run finds nothing to do, and
    an interrupted run resumes where it stopped. Sealed values are untouched (same data keys).
    Raises SealingUnavailable when a key's old master key is not configured."""
    current = master_keys().current_id
    rewrapped = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                SealedKey.objects.select_for_update()
                .filter(pk__gt=last_pk).exclude(master_key_id=current)
                .order_by("pk")[:batch_size]
            )
            if not batch:
                break
            now = timezone.now()
            for key in batch:
                rewrap(key, current)
                key.rotated_at = now
            SealedKey.objects.bulk_update(batch, ["wrapped", "master_key_id", "rotated_at"])
        rewrapped += len(batch)
        last_pk = batch[-1].pk
    return RotationResult(
        current_id=current,
        rewrapped=rewrapped,
        already_current=SealedKey.objects.filter(master_key_id=current).count() - rewrapped,
    )


def status() -> dict[int, int]:
    """{master key id: number of SealedKey rows wrapped by it}."""
    rows = SealedKey.objects.values("master_key_id").annotate(n=Count("id")).order_by("master_key_id")
    return {row["master_key_id"]: row["n"] for row in rows}

"""Loading the document registry from its seed data (idempotent)."""

import datetime as dt

from django.db import transaction

from .models import LegalDocument
from .registry_seed import REGISTRY_SEED


@transaction.atomic
def registry_sync(entries: list[dict] | None = None) -> tuple[int, int]:
    """Create missing documents and fill empty fields; edits made by users are kept.

    Returns (created, updated)."""
    entries = REGISTRY_SEED if entries is None else entries
    created = updated = 0
    by_number: dict[str, LegalDocument] = {}
    for entry in entries:
        values = {
            "kind": entry["kind"],
            "doc_type": entry.get("doc_type", ""),
            "issued_on": dt.date.fromisoformat(entry["date"]) if entry.get("date") else None,
            "issuer": entry.get("issuer", ""),
            "title": entry.get("title", ""),
            "status": entry.get("status", "in_force"),
            "note": entry.get("note", "")[:300],
        }
        document, was_created = LegalDocument.objects.get_or_create(number=entry["number"], defaults=values)
        if was_created:
            created += 1
        else:
            changed = [field for field, value in values.items() if value and not getattr(document, field)]
            for field in changed:
                setattr(document, field, values[field])
            if changed:
                document.save(update_fields=changed)
                updated += 1
        by_number[document.number] = document
    for entry in entries:
        successor = entry.get("replaced_by")
        if successor and successor in by_number:
            document = by_number[entry["number"]]
            if document.replaced_by_id is None:
                document.replaced_by = by_number[successor]
                document.save(update_fields=["replaced_by"])
    return created, updated

"""Registry sync: idempotent, keeps users' edits, links replaced documents."""

import pytest

from binhdang.legal.models import LegalDocument
from binhdang.legal.registry_seed import REGISTRY_SEED
from binhdang.legal.services import registry_sync

pytestmark = pytest.mark.django_db


def test_sync_loads_every_seed_entry_once():
    # The contests' starter bank (a data migration) already put the documents its questions cite.
    before = set(LegalDocument.objects.values_list("number", flat=True))
    seed = {entry["number"] for entry in REGISTRY_SEED}
    assert before <= seed and len(seed) == len(REGISTRY_SEED)
    created, _updated = registry_sync()
    assert created == len(seed - before) and LegalDocument.objects.count() == len(REGISTRY_SEED)
    assert registry_sync() == (0, 0)
    law = LegalDocument.objects.get(number="73/2006/QH11")
    assert (law.kind, law.title, law.status) == ("law", "Luật Bình đẳng giới", "in_force")


def test_sync_keeps_user_edits_and_links_successors():
    entries = [
        {"kind": "normative", "number": "31/2017/TT-BGDĐT", "doc_type": "Thông tư", "date": "2017-12-18",
         "issuer": "Bộ GD&ĐT", "title": "Tư vấn tâm lý", "status": "replaced", "replaced_by": "18/2025/TT-BGDĐT"},
        {"kind": "normative", "number": "18/2025/TT-BGDĐT", "doc_type": "Thông tư", "date": None,
         "issuer": "Bộ GD&ĐT", "title": "Công tác tư vấn trong trường học", "status": "in_force", "replaced_by": None},
    ]
    registry_sync(entries)
    old = LegalDocument.objects.get(number="31/2017/TT-BGDĐT")
    assert old.replaced_by.number == "18/2025/TT-BGDĐT"
    old.title = "Sửa bởi người dùng"
    old.save(update_fields=["title"])
    registry_sync(entries)
    old.refresh_from_db()
    assert old.title == "Sửa bởi người dùng"

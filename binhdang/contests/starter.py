"""Loads the starter bank (starter_bank/) as the shared questions (unit empty).

Idempotent by code: a question already there is left as it is (administrators may have edited
it). The legal documents a question cites come from the registry; a number missing there is
taken from the registry's seed, so the link holds on a database where `legal sync` has not run.
Takes the model classes so the data migration can pass its historical ones.
"""

from binhdang.legal.registry_seed import REGISTRY_SEED

from .starter_bank import QUESTIONS


def _document(LegalDocument, number: str, cache: dict):
    if not number:
        return None
    if number not in cache:
        entry = next((e for e in REGISTRY_SEED if e["number"] == number), None)
        defaults = {} if entry is None else {
            "kind": entry["kind"], "doc_type": entry.get("doc_type", ""), "issuer": entry.get("issuer", ""),
            "title": entry.get("title", ""), "issued_on": entry.get("date"), "note": entry.get("note", "")[:300]}
        cache[number] = LegalDocument.objects.get_or_create(number=number, defaults=defaults)[0]
    return cache[number]


def load(Question=None, Choice=None, LegalDocument=None) -> int:
    """Create the starter questions that are missing; returns how many were created."""
    if Question is None:
        from binhdang.legal.models import LegalDocument

        from .models import Choice, Question
    existing = set(Question.objects.filter(unit__isnull=True).values_list("code", flat=True))
    documents: dict = {}
    created = 0
    for item in QUESTIONS:
        if item["code"] in existing:
            continue
        question = Question.objects.create(
            unit=None, code=item["code"], kind=item["kind"], text=item["text"], topic=item["topic"],
            difficulty=item["difficulty"], grade_min=item["grade_min"], grade_max=item["grade_max"],
            explanation=item["explanation"], legal_document=_document(LegalDocument, item["document"], documents),
            legal_reference=item["reference"], accepted_answers=item["accepted_answers"])
        Choice.objects.bulk_create(Choice(question=question, position=index, text=text, is_correct=correct)
                                   for index, (text, correct) in enumerate(item["choices"], start=1))
        created += 1
    return created

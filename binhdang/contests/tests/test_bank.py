"""The question bank: the starter bank, XLSX export and import (row-numbered errors, all or nothing)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from binhdang.contests import bank
from binhdang.contests.models import Question, QuestionKind
from binhdang.lib.vntext import nfc
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db


def test_the_starter_bank_has_every_kind_with_explanations_and_sources():
    shared = Question.objects.filter(unit__isnull=True)
    assert shared.count() >= 60
    assert {q.kind for q in shared} == set(QuestionKind.values)
    for question in shared.prefetch_related("choices"):
        assert question.explanation and (question.legal_document_id or question.legal_reference), question.code
        assert nfc(question.text) == question.text
        if question.kind == QuestionKind.SHORT:
            assert question.accepted_answers
        else:
            assert any(c.is_correct for c in question.choices.all()), question.code
    assert shared.get(code="NH-001").legal_document.number == "73/2006/QH11"


def _xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("cau-hoi.xlsx", out.getvalue())


HEAD = [str(h) for h in bank.HEADERS]
GOOD = ["T-1", "Một đáp án đúng", "Định kiến giới", "Dễ", 3, 9, "Ai có thể làm lớp trưởng?",
        "Chỉ bạn nam", "Bạn nam hoặc bạn nữ có năng lực", "", "", "", "", "B", "Theo năng lực, không theo giới.",
        "73/2006/QH11", "Điều 5"]


def test_export_then_import_round_trip_into_the_units_bank(world):
    client = client_in(world.principal, world.school)
    exported = client.get(reverse("contests:bank_export"))
    rows = list(load_workbook(io.BytesIO(exported.content)).active.values)
    assert rows[0] == tuple(HEAD) and len(rows) == 1 + Question.objects.filter(unit__isnull=True).count()
    # The starter rows, renamed, come back as the school's own questions.
    renamed = [list(rows[0])] + [[f"TR-{r[0]}", *r[1:]] for r in rows[1:]]
    response = client.post(reverse("contests:bank_import"), {"file": _xlsx(renamed)})
    assert response.status_code == 302
    own = Question.objects.filter(unit=world.school)
    assert own.count() == len(rows) - 1
    original, copy = Question.objects.get(code="NH-008", unit=None), own.get(code="TR-NH-008")
    assert [(c.text, c.is_correct) for c in copy.choices.all()] == [
        (c.text, c.is_correct) for c in original.choices.all()]
    assert own.get(code="TR-NH-056").accepted_answers == ["111"]
    assert own.get(code="TR-NH-005").kind == QuestionKind.TRUE_FALSE


def test_a_bad_row_is_named_and_nothing_is_saved(world):
    bad = list(GOOD)
    bad[0], bad[13] = "T-2", "E"  # answer letter without an option
    unknown = list(GOOD)
    unknown[0], unknown[2], unknown[15] = "T-3", "Thể thao", "99/2099/QH99"
    response = client_in(world.committee_member, world.school).post(
        reverse("contests:bank_import"), {"file": _xlsx([HEAD, GOOD, bad, unknown])})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dòng 3, cột Đáp án đúng: hãy ghi chữ cái của phương án đúng" in page
    assert "Dòng 4, cột Chủ đề: chủ đề không có trong danh sách." in page
    assert "Dòng 4, cột Văn bản: văn bản 99/2099/QH99 chưa có trong danh mục văn bản." in page
    assert not Question.objects.filter(unit=world.school).exists()


def test_importing_again_updates_by_code(world):
    client = client_in(world.principal, world.school)
    client.post(reverse("contests:bank_import"), {"file": _xlsx([HEAD, GOOD])})
    changed = list(GOOD)
    changed[6] = "Ai được làm lớp trưởng?"
    client.post(reverse("contests:bank_import"), {"file": _xlsx([HEAD, changed])})
    question = Question.objects.get(unit=world.school, code="T-1")
    assert question.text == "Ai được làm lớp trưởng?" and question.choices.count() == 2


def test_a_file_that_is_not_a_workbook_is_refused(world):
    response = client_in(world.principal, world.school).post(
        reverse("contests:bank_import"), {"file": SimpleUploadedFile("x.xlsx", b"PK\x03\x04garbage")})
    assert response.status_code == 400 and not Question.objects.filter(unit=world.school).exists()


@pytest.mark.parametrize("answer, true_is_right", [("Đúng", True), ("sai", False), ("True", True), ("FALSE", False)])
def test_a_true_false_answer_in_either_language_keeps_vietnamese_choices(world, answer, true_is_right):
    row = list(GOOD)
    row[0], row[1], row[6], row[7], row[8], row[13] = "TF-1", "Đúng/Sai", "Nam và nữ bình đẳng.", "", "", answer
    with translation.override("en"):  # an English interface imports the same content
        response = client_in(world.principal, world.school).post(reverse("contests:bank_import"),
                                                                 {"file": _xlsx([HEAD, row])})
    assert response.status_code == 302
    question = Question.objects.get(unit=world.school, code="TF-1")
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [("Đúng", true_is_right),
                                                                       ("Sai", not true_is_right)]

"""The question bank in XLSX: one sheet, one question per row, the same columns both ways, so an
exported file can be edited and imported again.

Import is all or nothing: every row is checked first and each problem is reported with its row
number and column ("Dòng 7, cột Đáp án đúng: …"); a file with any problem saves nothing. A code
already in the unit's bank updates that question (choices replaced), a new code adds one.
"""

import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.legal.models import LegalDocument
from binhdang.lib.vntext import nfc
from binhdang.people.importing.reading import ReadError, read_rows
from binhdang.people.importing.validation import cell_text

from .models import Choice, Difficulty, Question, QuestionKind, Topic

LETTERS = "ABCDEF"
HEADERS = [_lazy("Mã"), _lazy("Loại"), _lazy("Chủ đề"), _lazy("Mức độ"), _lazy("Từ lớp"), _lazy("Đến lớp"),
           _lazy("Câu hỏi"), *[format_lazy("{} {}", _lazy("Phương án"), letter) for letter in LETTERS],
           _lazy("Đáp án đúng"),
           _lazy("Giải thích"), _lazy("Văn bản"), _lazy("Điều, khoản")]
MAX_ROWS = 2000


def _choices_by_label(choices) -> dict[str, str]:
    """Label or code (folded to lower case) → code, so both "Đúng/Sai" and "true_false" are read."""
    found = {}
    for value, label in choices:
        found[str(value).lower()] = value
        found[str(label).lower()] = value
    return found


def export_xlsx(questions) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Câu hỏi"))
    sheet.append([str(h) for h in HEADERS])
    for question in questions.select_related("legal_document").prefetch_related("choices"):
        choices = list(question.choices.all())
        texts = [c.text for c in choices] if question.kind != QuestionKind.TRUE_FALSE else []
        if question.kind == QuestionKind.SHORT:
            right = "; ".join(question.accepted_answers)
        elif question.kind == QuestionKind.TRUE_FALSE:
            right = next((c.text for c in choices if c.is_correct), "")
        else:
            right = ", ".join(LETTERS[i] for i, c in enumerate(choices) if c.is_correct and i < len(LETTERS))
        sheet.append([question.code, question.get_kind_display(), question.get_topic_display(),
                      question.get_difficulty_display(), question.grade_min, question.grade_max, question.text,
                      *(texts + [""] * len(LETTERS))[: len(LETTERS)], right, question.explanation,
                      question.legal_document.number if question.legal_document else "", question.legal_reference])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@dataclass
class ParsedQuestion:
    row: int
    values: dict
    choices: list = field(default_factory=list)  # (text, is_correct)


class _Row:
    def __init__(self, number: int, cells: list, errors: list):
        self.number, self.cells, self.errors = number, cells, errors

    def text(self, index: int) -> str:
        return cell_text(self.cells[index]) if index < len(self.cells) else ""

    def error(self, index: int, message: str) -> None:
        self.errors.append(_("Dòng %(row)s, cột %(column)s: %(message)s") % {
            "row": self.number, "column": HEADERS[index], "message": message})


def _grade(r: _Row, index: int, default: int):
    value = r.text(index)
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= 12:
        r.error(index, _("phải là số từ 1 đến 12."))
        return default
    return int(value)


def _answer(r: _Row, kind: str, options: list[str], parsed: ParsedQuestion) -> None:
    index = 7 + len(LETTERS)
    right = r.text(index)
    if kind == QuestionKind.SHORT:
        parsed.values["accepted_answers"] = [a.strip() for a in right.split(";") if a.strip()]
        if not parsed.values["accepted_answers"]:
            r.error(index, _("hãy ghi ít nhất một đáp án, các đáp án cách nhau bằng dấu chấm phẩy."))
        return
    if kind == QuestionKind.TRUE_FALSE:
        # The choices are question content, stored in Vietnamese whatever the interface language (a
        # student reads "Đúng"/"Sai"); the answer cell may be written in either language.
        truth = {"đúng": True, "sai": False, "true": True, "false": False,
                 str(_("Đúng")).lower(): True, str(_("Sai")).lower(): False}.get(nfc(right).lower())
        if truth is None:
            r.error(index, _("câu Đúng/Sai phải ghi “Đúng” hoặc “Sai”."))
        parsed.choices = [("Đúng", truth is True), ("Sai", truth is False)]
        return
    letters = {part.strip().upper() for part in right.replace(";", ",").split(",") if part.strip()}
    if len(options) < 2:
        r.error(7, _("cần ít nhất hai phương án."))
    if not letters or any(letter not in LETTERS[: len(options)] for letter in letters):
        r.error(index, _("hãy ghi chữ cái của phương án đúng (ví dụ A hoặc A, C)."))
    elif kind == QuestionKind.SINGLE and len(letters) != 1:
        r.error(index, _("câu một đáp án đúng chỉ ghi một chữ cái."))
    parsed.choices = [(text, LETTERS[i] in letters) for i, text in enumerate(options)]


def parse(rows: list[list]) -> tuple[list[ParsedQuestion], list[str]]:
    """Rows under the header → questions, and every problem found (row-numbered, in Vietnamese)."""
    kinds, topics = _choices_by_label(QuestionKind.choices), _choices_by_label(Topic.choices)
    levels = _choices_by_label(Difficulty.choices)
    documents = {d.number: d for d in LegalDocument.objects.all()}
    errors: list[str] = []
    parsed_rows: list[ParsedQuestion] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell_text(c) for c in cells):
            continue
        r = _Row(number, cells, errors)
        code, kind = r.text(0), kinds.get(r.text(1).lower())
        if not code or len(code) > 20:
            r.error(0, _("hãy ghi mã câu hỏi (tối đa 20 ký tự)."))
        elif code in seen:
            r.error(0, _("mã %(code)s đã có ở dòng %(row)s.") % {"code": code, "row": seen[code]})
        seen.setdefault(code, number)
        if kind is None:
            r.error(1, _("hãy ghi một trong: Một đáp án đúng, Nhiều đáp án đúng, Đúng/Sai, Trả lời ngắn."))
        topic = topics.get(r.text(2).lower())
        if topic is None:
            r.error(2, _("chủ đề không có trong danh sách."))
        level = levels.get(r.text(3).lower(), Difficulty.EASY if not r.text(3) else None)
        if level is None:
            r.error(3, _("hãy ghi Dễ, Trung bình hoặc Khó."))
        grade_min, grade_max = _grade(r, 4, 1), _grade(r, 5, 12)
        if grade_min > grade_max:
            r.error(5, _("phải từ lớp %(n)s trở lên.") % {"n": grade_min})
        if not r.text(6):
            r.error(6, _("hãy ghi nội dung câu hỏi."))
        explanation_index = 8 + len(LETTERS)
        if not r.text(explanation_index):
            r.error(explanation_index, _("hãy ghi lời giải thích (học sinh xem sau khi làm bài)."))
        number_text = r.text(explanation_index + 1)
        document = documents.get(number_text) if number_text else None
        if number_text and document is None:
            r.error(explanation_index + 1, _("văn bản %(number)s chưa có trong danh mục văn bản.") % {
                "number": number_text})
        parsed = ParsedQuestion(number, {
            "code": code, "kind": kind, "topic": topic, "difficulty": level, "grade_min": grade_min,
            "grade_max": grade_max, "text": r.text(6), "explanation": r.text(explanation_index),
            "legal_document": document, "legal_reference": r.text(explanation_index + 2)[:120],
            "accepted_answers": []})
        options = [r.text(7 + i) for i in range(len(LETTERS)) if r.text(7 + i)]
        if kind is not None:
            _answer(r, kind, options, parsed)
        parsed_rows.append(parsed)
    if not parsed_rows and not errors:
        errors.append(_("Tệp không có câu hỏi nào dưới dòng tiêu đề."))
    return parsed_rows, errors


def _set_choices(question: Question, choices: list) -> None:
    """Choices kept by position (updated in place, extra ones removed), so answers already given,
    which store choice ids, still point at the same option."""
    current = {c.position: c for c in question.choices.all()}
    for position, (text, ok) in enumerate(choices, start=1):
        choice = current.pop(position, None) or Choice(question=question, position=position)
        choice.text, choice.is_correct = text[:300], ok
        choice.save()
    Choice.objects.filter(pk__in=[c.pk for c in current.values()]).delete()


@transaction.atomic
def questions_import(*, actor, unit, source) -> tuple[int, int]:
    """Read, check, then save every row or none. Returns (created, updated)."""
    access.require(actor, unit, Level.MANAGE)
    try:
        rows = read_rows(source)
    except ReadError as exc:
        raise ValidationError(str(exc)) from exc
    if len(rows) - 1 > MAX_ROWS:
        raise ValidationError(_("Tệp có quá %(n)s câu hỏi: hãy chia thành nhiều tệp.") % {"n": MAX_ROWS})
    parsed_rows, errors = parse(rows)
    if errors:
        raise ValidationError(errors)
    created = updated = 0
    existing = {q.code: q for q in Question.objects.filter(unit=unit)}
    for parsed in parsed_rows:
        question = existing.get(parsed.values["code"])
        if question is None:
            question = Question.objects.create(unit=unit, **parsed.values)
            created += 1
        else:
            for key, value in parsed.values.items():
                setattr(question, key, value)
            question.is_active = True
            question.save()
            updated += 1
        _set_choices(question, parsed.choices)
    record(actor=actor, unit=unit, action="contests.questions_import", details={"created": created, "updated": updated})
    return created, updated

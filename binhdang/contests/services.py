"""Writes of contests: open one for classes of the school (codes, personal codes, the activity
that carries its participants into the indicators).

Who: a teacher (EDIT at the school) opens a contest for classes; the question bank is MANAGE
(bank.py). Audit rows carry ids and counts, never a child's name.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.activities import services as activity_services
from binhdang.activities.models import ActivityKind, Audience
from binhdang.audit.services import record
from binhdang.lib.vntext import nfc
from binhdang.people.models import Enrollment, StaffMember

from .drawing import pool
from .models import Contest, ContestClass, Entrant, Topic

# No 0/O, 1/I/L: codes are read off a board or a slip by children.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
LIMITS = {"time_limit_minutes": (1, 180), "question_count": (1, 100), "max_attempts": (1, 10)}
LIMIT_LABELS = {"time_limit_minutes": _lazy("Thời gian làm bài"), "question_count": _lazy("Số câu mỗi lượt"),
                "max_attempts": _lazy("Số lượt được làm")}


def new_join_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not ContestClass.objects.filter(join_code=code).exists():
            return code


def new_pin() -> str:
    return f"{secrets.randbelow(10_000):04d}"


def clean_values(data: dict, errors: dict[str, str]) -> dict:
    """The contest's own fields (title, window, limits, topics), errors collected into `errors`."""
    values = {"title": nfc(data.get("title")), "description": nfc(data.get("description")),
              "opens_at": data.get("opens_at"), "closes_at": data.get("closes_at"),
              "shuffle": bool(data.get("shuffle")), "topics": list(data.get("topics") or [])}
    if not values["title"]:
        errors["title"] = _("Tên cuộc thi: hãy nhập tên.")
    if not values["opens_at"] or not values["closes_at"]:
        errors["closes_at"] = _("Thời gian: hãy nhập thời điểm mở và đóng.")
    elif values["closes_at"] <= values["opens_at"]:
        errors["closes_at"] = _("Đóng lúc: phải sau thời điểm mở.")
    for name, (low, high) in LIMITS.items():
        value = data.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors[name] = _("%(field)s: phải là số nguyên từ %(low)s đến %(high)s.") % {
                "field": LIMIT_LABELS[name], "low": low, "high": high}
        values[name] = value
    if any(topic not in Topic.values for topic in values["topics"]):
        errors["topics"] = _("Chủ đề: hãy chọn trong danh sách.")
    return values


def _clean(unit, data: dict, classes: list, staff: bool) -> dict:
    errors: dict[str, str] = {}
    values = clean_values(data, errors)
    if not classes and not staff:
        errors["classes"] = _("Lớp tham gia: hãy chọn ít nhất một lớp (hoặc mời cán bộ, giáo viên).")
    elif any(c.unit_id != unit.pk for c in classes):
        errors["classes"] = _("Lớp tham gia: chỉ chọn lớp của trường.")
    if errors:
        raise ValidationError(errors)
    return values
    return values


def check_pools(contest: Contest, classes: list, staff: bool) -> None:
    """Every class (and the staff, who get every grade) must have enough questions for one attempt
    (grade and topics filter the bank)."""
    short = []
    for school_class in classes:
        available = pool(contest, school_class.grade).count()
        if available < contest.question_count:
            short.append(_("lớp %(name)s chỉ có %(n)s câu phù hợp") % {"name": school_class.name, "n": available})
    if staff and (available := pool(contest, None).count()) < contest.question_count:
        short.append(_("cán bộ, giáo viên chỉ có %(n)s câu phù hợp") % {"n": available})
    if short:
        raise ValidationError({"question_count": _("Số câu mỗi lượt: ngân hàng không đủ câu hỏi (%(list)s).") % {
            "list": "; ".join(short)}})


def _add_entrants(contest_class: ContestClass) -> int:
    """An entrant for each active student of the class (each active staff member of the school for
    the staff group) who has none yet, numbered after the others."""
    last = max(contest_class.entrants.values_list("number", flat=True), default=0)
    if contest_class.is_staff:
        have = set(contest_class.entrants.values_list("staff_id", flat=True))
        people = StaffMember.objects.filter(unit=contest_class.contest.unit, is_active=True).exclude(pk__in=have)
        entrants = [Entrant(contest_class=contest_class, staff=person, number=n, pin=new_pin())
                    for n, person in enumerate(people.order_by("sort_key"), start=last + 1)]
    else:
        have = set(contest_class.entrants.values_list("student_id", flat=True))
        students = (Enrollment.objects.filter(school_class=contest_class.school_class, student__is_active=True)
                    .exclude(student_id__in=have).select_related("student").order_by("student__sort_key"))
        entrants = [Entrant(contest_class=contest_class, student=e.student, number=n, pin=new_pin())
                    for n, e in enumerate(students, start=last + 1)]
    Entrant.objects.bulk_create(entrants)
    return len(entrants)


def add_class(contest: Contest, school_class=None) -> int:
    """The class's group, or the staff group when `school_class` is None."""
    contest_class = ContestClass.objects.create(contest=contest, school_class=school_class,
                                                join_code=new_join_code())
    return _add_entrants(contest_class)


@transaction.atomic
def contest_class_refresh(*, actor, contest_class: ContestClass) -> int:
    """Students enrolled in the class since the contest opened get a personal code too (those who
    left keep theirs: their attempts stay in the results)."""
    contest = contest_class.contest
    access.require(actor, contest.unit, Level.EDIT)
    added = _add_entrants(contest_class)
    record(actor=actor, unit=contest.unit, action="contests.class_refresh", target=contest, details={
        "class": contest_class.school_class_id, "staff": contest_class.is_staff, "added": added})
    return added


def open_for(actor, contest: Contest, classes: list, staff: bool) -> int:
    """The school contest's groups with their personal codes, and its activity; returns the entrants."""
    entrants = sum(add_class(contest, school_class) for school_class in classes)
    if staff:
        entrants += add_class(contest)
    # The contest is an activity of the school ("Cuộc thi", unplanned unless it falls in an Action
    # Month), so its participants reach the indicators through the activities' rows.
    contest.activity = activity_services.activity_create(actor=actor, unit=contest.unit, data={
        "kind": ActivityKind.CONTEST, "title": contest.title, "starts_at": contest.opens_at,
        "ends_at": contest.closes_at, "task": None,
        "audiences": [Audience.STUDENTS] * bool(classes) + [Audience.STAFF] * staff,
        "description": contest.description})
    contest.save(update_fields=["activity"])
    return entrants


@transaction.atomic
def contest_create(*, actor, unit, data: dict, classes: list, staff: bool = False) -> Contest:
    """Open a contest for `classes` of the school and, with `staff`, for its staff."""
    access.require(actor, unit, Level.EDIT)
    if not unit.is_school:
        raise ValidationError(_("Cuộc thi theo lớp chỉ mở được ở trường."))
    values = _clean(unit, data, classes, staff)
    contest = Contest.objects.create(unit=unit, created_by=actor, **values)
    check_pools(contest, classes, staff)
    entrants = open_for(actor, contest, classes, staff)
    record(actor=actor, unit=unit, action="contests.create", target=contest, details={
        "classes": [c.pk for c in classes], "staff": staff, "entrants": entrants, "questions": values["question_count"],
        "minutes": values["time_limit_minutes"]})
    return contest

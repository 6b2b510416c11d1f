"""Contests of a commune or Sở for the schools below it (issue 8, item 2: "a unit (school, commune or
province) opens a contest … schools below").

The officer picks grades (and whether staff are invited); the request stores the contest and checks
the question bank has enough for every grade; the worker then opens one school contest per open
school below with classes in those grades (`parent` → the officer's contest): its join codes,
personal codes and its own "Cuộc thi" activity, so each school runs and counts it like its own.
A province of a thousand schools is a million personal codes: never in the web request."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.orgs.models import OrgKind, OrgUnit, SchoolClass

from .drawing import pool
from .models import Contest
from .services import clean_values, open_for

GRADES = range(1, 13)


def _check_bank(contest: Contest, grades: list[int], staff: bool) -> None:
    short = [_("khối %(grade)s chỉ có %(n)s câu phù hợp") % {"grade": g, "n": n}
             for g in grades if (n := pool(contest, g).count()) < contest.question_count]
    if staff and (n := pool(contest, None).count()) < contest.question_count:
        short.append(_("cán bộ, giáo viên chỉ có %(n)s câu phù hợp") % {"n": n})
    if short:
        raise ValidationError({"question_count": _("Số câu mỗi lượt: ngân hàng không đủ câu hỏi (%(list)s).") % {
            "list": "; ".join(short)}})


@transaction.atomic
def contest_create_above(*, actor, unit: OrgUnit, data: dict, grades: list[int], staff: bool = False) -> Contest:
    """The officer's contest for `grades` (and the staff) of every school below; the schools' own
    contests follow on the worker."""
    access.require(actor, unit, Level.EDIT)
    if unit.is_school:
        raise ValidationError(_("Cuộc thi cho các trường trực thuộc chỉ mở được ở xã/phường hoặc Sở."))
    errors: dict[str, str] = {}
    values = clean_values(data, errors)
    grades = sorted(set(grades))
    if any(g not in GRADES for g in grades):
        errors["grades"] = _("Khối: chỉ từ 1 đến 12.")
    elif not grades and not staff:
        errors["grades"] = _("Khối tham gia: hãy chọn ít nhất một khối (hoặc mời cán bộ, giáo viên).")
    if errors:
        raise ValidationError(errors)
    contest = Contest.objects.create(unit=unit, created_by=actor, grades=grades, staff_invited=staff, **values)
    _check_bank(contest, grades, staff)
    record(actor=actor, unit=unit, action="contests.create_above", target=contest,
           details={"grades": grades, "staff": staff, "questions": values["question_count"]})
    uid = str(contest.uid)
    from .tasks import prepare_school_contests  # tasks.py imports this module

    transaction.on_commit(lambda: prepare_school_contests.enqueue(uid))
    return contest


def _latest_classes(school: OrgUnit, grades: list[int]) -> list[SchoolClass]:
    classes = SchoolClass.objects.filter(unit=school).select_related("school_year")
    latest = classes.order_by("-school_year__starts_on").first()
    if latest is None or not grades:
        return []
    return list(classes.filter(school_year=latest.school_year_id, grade__in=grades).order_by("grade", "name"))


@transaction.atomic
def school_contests_prepare(*, contest: Contest) -> int:
    """On the worker: one school contest per open school below with an invited group; all or none.
    Returns how many schools; a second run for a prepared contest does nothing."""
    contest = Contest.objects.select_for_update().select_related("unit").get(pk=contest.pk)
    if contest.prepared_at is not None:
        return contest.school_contests.count()
    schools = OrgUnit.objects.filter(kind=OrgKind.SCHOOL, valid_to__isnull=True,
                                     path__startswith=contest.unit.path).exclude(pk=contest.unit_id).order_by("path")
    fields = {name: getattr(contest, name) for name in (
        "title", "description", "opens_at", "closes_at", "time_limit_minutes", "question_count", "max_attempts",
        "shuffle", "topics")}
    made = entrants = 0
    for school in schools:
        classes = _latest_classes(school, contest.grades)
        if not classes and not contest.staff_invited:
            continue
        child = Contest.objects.create(unit=school, parent=contest, created_by=contest.created_by, **fields)
        entrants += open_for(contest.created_by, child, classes, contest.staff_invited)
        made += 1
    contest.prepared_at = timezone.now()
    contest.save(update_fields=["prepared_at"])
    record(actor=None, unit=contest.unit, action="contests.prepare_schools", target=contest,
           details={"schools": made, "entrants": entrants})
    return made

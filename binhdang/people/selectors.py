"""Reads of staff and student lists: Vietnamese order, accent-free search."""

from django.db.models import Prefetch, QuerySet

from binhdang.lib.vntext import fold
from binhdang.orgs.models import OrgUnit, SchoolYear

from .models import CadreAssignment, Enrollment, StaffMember, Student


def _search(queryset: QuerySet, query: str) -> QuerySet:
    for word in fold(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def staff_list(unit: OrgUnit, *, query: str = "") -> QuerySet[StaffMember]:
    queryset = StaffMember.objects.filter(unit=unit, is_active=True).order_by("sort_key", "id")
    return _search(queryset, query)


def current_school_year() -> SchoolYear | None:
    return SchoolYear.objects.order_by("-starts_on").first()


def student_list(unit: OrgUnit, *, query: str = "", class_uid: str = "",
                 school_year: SchoolYear | None = None) -> QuerySet[Student]:
    queryset = Student.objects.filter(unit=unit, is_active=True)
    if school_year is not None:
        enrollments = Enrollment.objects.filter(school_year=school_year).select_related("school_class")
        enrollments = enrollments.prefetch_related(
            Prefetch("cadre_roles", queryset=CadreAssignment.objects.order_by("role"))
        )
        queryset = queryset.prefetch_related(Prefetch("enrollments", queryset=enrollments, to_attr="year_enrollments"))
        if class_uid:
            queryset = queryset.filter(enrollments__school_class__uid=class_uid,
                                       enrollments__school_year=school_year)
    return _search(queryset, query).order_by("sort_key", "id")

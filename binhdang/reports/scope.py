"""Which schools a report request expects, shared by tracking and consolidation."""

from binhdang.orgs.models import OrgKind, OrgUnit

from .models import ReportRequest


def expected_schools(request: ReportRequest):
    """The request's schools: the listed ones, else every open school below the issuer. (The
    current tree: a school moved after the request keeps being asked by whoever asked it only if
    listed; an open-ended request follows the tree, like the authority's own view.)"""
    if request.schools.exists():
        return request.schools.filter(kind=OrgKind.SCHOOL)
    return OrgUnit.objects.filter(kind=OrgKind.SCHOOL, valid_to__isnull=True,
                                  path__startswith=request.issuer_unit.path).exclude(pk=request.issuer_unit_id)

"""Which units a report request expects, shared by tracking, drafting and consolidation.

A request lists schools, or communes (a commune answers for its schools: it drafts from their records
and its own), or names none: then every open school below the issuer. An authority asks its communes
and the schools directly under it, or every school; the consolidated totals are the same either way."""

from binhdang.accounts.roles import Role
from binhdang.orgs.models import OrgKind, OrgUnit

from .models import ReportRequest

# The kinds of unit a request may list: a school, or a commune answering for its schools.
ANSWERING_KINDS = (OrgKind.SCHOOL, OrgKind.COMMUNE)
# Who answers a request for a unit (is told, approves): a school's principal, a commune's officers.
HEAD_ROLES = (Role.PRINCIPAL, Role.COMMUNE_OFFICER)


def expected_schools(request: ReportRequest):
    """The request's units: the listed ones (schools or communes), else every open school below the issuer. (The
    current tree: a school moved after the request keeps being asked by whoever asked it only if
    listed; an open-ended request follows the tree, like the authority's own view.)"""
    if request.schools.exists():
        return request.schools.filter(kind__in=ANSWERING_KINDS)
    return OrgUnit.objects.filter(kind=OrgKind.SCHOOL, valid_to__isnull=True,
                                  path__startswith=request.issuer_unit.path).exclude(pk=request.issuer_unit_id)

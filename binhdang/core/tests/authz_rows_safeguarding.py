"""Authorization matrix rows of student protection (see test_authz_matrix.py for the columns)."""

from binhdang.safeguarding.models import CaseTeamMember

from .authz_rows import Row


def school_code(world) -> dict:
    return {"code": world.school.code}


def teacher_on_case_team(world) -> dict:
    """Puts the teacher (only) on the school's case team: the principal, officers and admin are not."""
    CaseTeamMember.objects.get_or_create(unit=world.school, user=world.teacher)
    return {}


#  Columns: anonymous outsider no_role teacher counsellor unit_lead committee_member principal
#           commune_officer province_officer admin
SAFEGUARDING_ROWS: dict[str, list[Row]] = {
    # Public help pages: no login, the same for everyone (no role reveals or changes anything).
    "safeguarding:help": [Row("200 200 200 200 200 200 200 200 200 200 200", school_code)],
    "safeguarding:poster": [Row("200 200 200 200 200 200 200 200 200 200 200", school_code)],
    "safeguarding:follow_up": [Row("200 200 200 200 200 200 200 200 200 200 200")],
    # Staff recording: the school's case team only (here the teacher); everyone else 404, the
    # principal included; an empty form from the member is refused with the form again (400).
    "safeguarding:record": [
        Row("login 404 404 200 404 404 404 404 404 404 404", teacher_on_case_team),
        Row("login 404 404 400 404 404 404 404 404 404 404", teacher_on_case_team, method="post", note="post"),
    ],
}

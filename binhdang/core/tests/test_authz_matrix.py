"""The authorization matrix: every URL of the project, every demo role, the status a GET gets.

`test_every_url_has_a_row` walks the URL resolver, so a URL added without a row in MATRIX
fails the suite with its name. To cover a new URL, add an entry to MATRIX: its name, how to
build its kwargs from the `world` fixture, and one expected status per role (the column order
is ROLES, in authz_rows.py). The activities app keeps its rows in authz_rows_activities.py,
student protection in authz_rows_safeguarding.py.
Each role's request carries the unit switcher set to the unit of its membership.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from binhdang.accounts.middleware import SESSION_KEY
from binhdang.testing import World

from .authz_objects import (
    body_seat_uids,
    body_uid,
    issued_plan_uid,
    plan_export_uid,
    plan_part,
    plan_uid,
    plan_upload_uid,
    roster_import_uid,
    teacher_membership_uid,
    teacher_notification_uid,
    unit_uid,
    workflow_plan,
)
from .authz_rows import Row
from .authz_rows_activities import ACTIVITY_ROWS
from .authz_rows_contests import CONTEST_ROWS
from .authz_rows_indicators import INDICATOR_ROWS
from .authz_rows_report_drafts import REPORT_DRAFT_ROWS
from .authz_rows_reports import REPORT_ROWS
from .authz_rows_review import REVIEW_ROWS
from .authz_rows_safeguarding import SAFEGUARDING_ROWS

# The unit each role works in (the switcher points there); anonymous and no_role have none.
ROLE_UNIT = {
    "outsider": "other_school",
    "teacher": "school",
    "counsellor": "school",
    "unit_lead": "school",
    "committee_member": "school",
    "principal": "school",
    "commune_officer": "commune",
    "province_officer": "province",
    "admin": "province",  # a superuser without memberships switches between the roots
}

# "login" means a 302 to the login page; anything else is the HTTP status.
LOGIN = "login"

# URL prefixes that are not the project's pages: Django admin, language switch, files.
SKIPPED_PREFIXES = ("quan-tri/", "i18n/", "static/", "media/")




MATRIX: dict[str, list[Row]] = {
    "core:home": [
        # The outsider and every member see the home of their own unit; no_role sees "no unit".
        Row("login 200 200 200 200 200 200 200 200 200 200"),
    ],
    "core:health": [Row("200 200 200 200 200 200 200 200 200 200 200")],
    # Notifications belong to a user, not a unit: every signed-in user has a list (no_role too).
    "core:notifications": [Row("login 200 200 200 200 200 200 200 200 200 200")],
    "core:notifications_read_all": [
        Row("login 405 405 405 405 405 405 405 405 405 405", note="POST"),
        Row("login 302 302 302 302 302 302 302 302 302 302", method="post", note="post"),
    ],
    "core:notification_read": [
        Row("login 405 405 405 405 405 405 405 405 405 405", teacher_notification_uid, note="POST"),
        # The teacher's own notification: anyone else gets "not found", never "forbidden".
        Row("login 404 404 302 404 404 404 404 404 404 404", teacher_notification_uid, method="post",
            note="post"),
    ],
    "accounts:login": [
        # A logged-in user is sent home.
        Row("200 302 302 302 302 302 302 302 302 302 302"),
    ],
    "accounts:verify": [
        # Without a password step pending, the code page sends everyone back to the login.
        Row("302 302 302 302 302 302 302 302 302 302 302"),
    ],
    "accounts:logout": [Row("405 405 405 405 405 405 405 405 405 405 405", note="POST")],
    "accounts:two_factor": [Row("login 200 200 200 200 200 200 200 200 200 200")],
    "accounts:switch_unit": [Row("login 405 405 405 405 405 405 405 405 405 405", note="POST")],
    "accounts:members": [
        # Memberships of the active unit: unit admins only (the outsider administers their own).
        Row("login 200 404 403 403 403 403 200 200 200 200"),
    ],
    "accounts:member_grant": [Row("login 405 405 405 405 405 405 405 405 405 405", note="POST")],
    "accounts:member_revoke": [
        Row("login 405 405 405 405 405 405 405 405 405 405", teacher_membership_uid, note="POST"),
        # POSTed in ROLES order: the lower roles are refused before the principal revokes.
        Row("login 404 404 403 403 403 403 302 302 302 302", teacher_membership_uid,
            method="post", note="post"),
    ],
    "orgs:list": [
        # The tree below the active unit: the outsider sees their own; no_role has no unit.
        Row("login 200 404 200 200 200 200 200 200 200 200"),
    ],
    "orgs:detail": [
        Row("login 404 404 200 200 200 200 200 200 200 200", unit_uid("school")),
        # Rights flow down the tree, never up.
        Row("login 404 404 404 404 404 404 404 200 200 200", unit_uid("commune"), note="commune"),
        Row("login 404 404 404 404 404 404 404 404 200 200", unit_uid("province"), note="province"),
    ],
    "orgs:create": [
        Row("login 404 404 404 404 404 404 404 200 200 200", unit_uid("commune")),
        # Nothing sits under a school.
        Row("login 404 404 403 403 403 403 403 403 403 403", unit_uid("school"), note="school"),
    ],
    # Structure decisions are taken one level up: the school's own principal gets 403.
    "orgs:move": [Row("login 404 404 403 403 403 403 403 200 200 200", unit_uid("school"))],
    "orgs:merge": [Row("login 404 404 403 403 403 403 403 200 200 200", unit_uid("school"))],
    "orgs:close": [
        Row("login 404 404 403 403 403 403 403 200 200 200", unit_uid("school")),
        Row("login 404 404 404 404 404 404 404 403 200 200", unit_uid("commune"), note="commune"),
    ],
    "people:staff": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "people:students": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "people:bodies": [
        # Bodies exist inside schools only: a commune or Sở as active unit has none.
        Row("login 200 404 200 200 200 200 200 404 404 404"),
    ],
    "people:body": [Row("login 404 404 200 200 200 200 200 200 200 200", body_uid)],
    "people:body_seat_remove": [
        Row("login 405 405 405 405 405 405 405 405 405 405", body_seat_uids, note="POST"),
        Row("login 404 404 403 403 403 302 302 302 302 302", body_seat_uids, method="post",
            note="post"),
    ],
    "people:import": [
        # Uploading rosters is MANAGE work; at a commune or Sở it explains that rosters live
        # at the schools (200 with that page).
        Row("login 200 404 403 403 403 200 200 200 200 200"),
    ],
    "people:import_preview": [
        # Previews show children's names: only at the school itself, not to officers above.
        Row("login 404 404 403 403 403 200 200 403 403 403", roster_import_uid),
    ],
    "people:import_commit": [
        Row("login 405 405 405 405 405 405 405 405 405 405", roster_import_uid, note="POST"),
        # POSTed in ROLES order: the committee member runs the import, later roles see progress.
        Row("login 404 404 403 403 403 302 302 403 403 403", roster_import_uid, method="post",
            note="post"),
    ],
    "people:import_progress": [
        Row("login 404 404 403 403 403 200 200 403 403 403", roster_import_uid),
    ],
    "plans:list": [
        # Plans of the active unit and of the units below it; no_role has no unit.
        Row("login 200 404 200 200 200 200 200 200 200 200"),
    ],
    "plans:detail": [
        Row("login 404 404 200 200 200 200 200 200 200 200", plan_uid("school")),
        # A commune's plan: the school's members are below it, and rights never flow up.
        Row("login 404 404 404 404 404 404 404 200 200 200", plan_uid("commune"), note="commune"),
        # An issued commune plan is sent down: the school reads it (and may derive from it).
        Row("login 404 404 200 200 200 200 200 200 200 200", issued_plan_uid("commune"), note="issued"),
    ],
    "plans:derive": [
        # Starting a plan is MANAGE work in the active unit (the outsider's own school included).
        Row("login 200 404 403 403 403 200 200 200 200 200"),
        # An empty form: refused roles as above, the others are sent back with a message.
        Row("login 302 404 403 403 403 302 302 302 302 302", method="post", note="post"),
    ],
    "plans:coverage": [
        Row("login 404 404 200 200 200 200 200 200 200 200", plan_uid("school")),
        # Coverage is read by the issuer and above, never from below, even of an issued plan.
        Row("login 404 404 404 404 404 404 404 200 200 200", issued_plan_uid("commune"), note="issued"),
    ],
    "plans:coverage_link": [
        Row("login 405 405 405 405 405 405 405 405 405 405", plan_uid("school"), note="POST"),
        Row("login 404 404 403 403 403 302 302 302 302 302", plan_uid("school"), method="post", note="post"),
    ],
    "plans:set_source": [
        Row("login 405 405 405 405 405 405 405 405 405 405", plan_uid("school"), note="POST"),
        Row("login 404 404 403 403 403 302 302 302 302 302", plan_uid("school"), method="post", note="post"),
    ],
    "plans:unit_coverage": [
        # The commune follows its schools; a school user gets 404 even for the issued commune plan.
        Row("login 404 404 404 404 404 404 404 200 200 200", plan_uid("commune")),
        Row("login 404 404 404 404 404 404 404 200 200 200", issued_plan_uid("commune"), note="issued"),
        Row("login 404 404 200 200 200 200 200 200 200 200", plan_uid("school"), note="school"),
    ],
    "plans:import": [
        # Importing is MANAGE work on the active unit (the outsider manages their own school).
        Row("login 200 404 403 403 403 200 200 200 200 200"),
    ],
    "plans:import_status": [
        # A parsed upload sends its readers on to the review.
        Row("login 404 404 403 403 403 302 302 302 302 302", plan_upload_uid),
    ],
    "plans:import_review": [
        # Rights flow down: the officers above the school may review its import too.
        Row("login 404 404 403 403 403 200 200 200 200 200", plan_upload_uid),
    ],
    "plans:import_save": [
        Row("login 405 405 405 405 405 405 405 405 405 405", plan_upload_uid, note="POST"),
        # An empty form is refused with its errors (title missing): nothing is saved.
        Row("login 404 404 403 403 403 200 200 200 200 200", plan_upload_uid, method="post", note="post"),
    ],
    # The workflow: submit is MANAGE (committee member), return and issue are ADMIN (principal and
    # the officers above), a new version of an issued plan is MANAGE. POSTs send an empty form.
    "plans:submit": [
        Row("login 405 405 405 405 405 405 405 405 405 405", workflow_plan("draft"), note="POST"),
        Row("login 404 404 403 403 403 302 302 302 302 302", workflow_plan("draft"), method="post", note="post"),
    ],
    "plans:return": [
        Row("login 404 404 403 403 403 403 200 200 200 200", workflow_plan("submitted")),
        # The reason is required: the allowed roles get the form back with its error.
        Row("login 404 404 403 403 403 403 400 400 400 400", workflow_plan("submitted"), method="post",
            note="post"),
    ],
    "plans:issue": [
        Row("login 404 404 403 403 403 403 200 200 200 200", workflow_plan("submitted")),
        # Empty form = today, the unit's place: each allowed role issues a fresh plan.
        Row("login 404 404 403 403 403 403 302 302 302 302", workflow_plan("submitted"), method="post",
            note="post"),
    ],
    "plans:amend": [
        Row("login 404 404 403 403 403 200 200 200 200 200", workflow_plan("issued")),
        # What the version amends is required: the allowed roles get the form back with its error.
        Row("login 404 404 403 403 403 400 400 400 400 400", workflow_plan("issued"), method="post", note="post"),
    ],
    "plans:create": [
        # A blank plan is MANAGE work in the active unit (officers create their own unit's plans).
        Row("login 200 404 403 403 403 200 200 200 200 200"),
    ],
    "plans:edit": [
        Row("login 404 404 403 403 403 200 200 200 200 200", plan_uid("school")),
        Row("login 404 404 404 404 404 404 404 200 200 200", plan_uid("commune"), note="commune"),
    ],
    "plans:edit_meta": [
        Row("login 405 405 405 405 405 405 405 405 405 405", plan_uid("school"), note="POST"),
        # An empty form is refused as bad input (400) once the role is allowed.
        Row("login 404 404 403 403 403 400 400 400 400 400", plan_uid("school"), method="post", note="post"),
    ],
    "plans:edit_part": [
        Row("login 405 405 405 405 405 405 405 405 405 405", plan_part("school"), note="POST"),
        # An empty form names no revision: refused as a conflict (409), nothing written.
        Row("login 404 404 403 403 403 409 409 409 409 409", plan_part("school"), method="post", note="post"),
    ],
    "plans:export": [
        Row("login 405 405 405 405 405 405 405 405 405 405",
            lambda world: {**plan_uid("school")(world), "fmt": "docx"}, note="POST"),
        # Every reader of the plan may download it; the file is made on the worker (not run here).
        Row("login 404 404 302 302 302 302 302 302 302 302",
            lambda world: {**plan_uid("school")(world), "fmt": "docx"}, method="post", note="post"),
        Row("login 404 404 404 404 404 404 404 302 302 302",
            lambda world: {**plan_uid("commune")(world), "fmt": "docx"}, method="post", note="commune"),
    ],
    "plans:export_status": [Row("login 404 404 200 200 200 200 200 200 200 200", plan_export_uid)],
    "plans:export_download": [Row("login 404 404 200 200 200 200 200 200 200 200", plan_export_uid)],
    **ACTIVITY_ROWS,
    **SAFEGUARDING_ROWS,
    **INDICATOR_ROWS,
    **REPORT_DRAFT_ROWS,
    **REPORT_ROWS,
    **REVIEW_ROWS,
    **CONTEST_ROWS,
}


def _walk(patterns, prefix: str = "", namespace: str = ""):
    """(route, name) of every URL pattern, following includes."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            yield route, f"{namespace}{pattern.name}" if pattern.name else route


def project_urls() -> dict[str, str]:
    """name → route for every URL the matrix must cover."""
    urls = {}
    for route, name in _walk(get_resolver().url_patterns):
        if route.lstrip("^").startswith(SKIPPED_PREFIXES):
            continue
        urls[name] = route
    return urls


def test_every_url_has_a_row():
    urls = project_urls()
    missing = sorted(f"{name} (/{route})" for name, route in urls.items() if name not in MATRIX)
    assert not missing, "URLs without a row in the authorization matrix: " + ", ".join(missing)
    stale = sorted(set(MATRIX) - set(urls))
    assert not stale, "Matrix rows for URLs that no longer exist: " + ", ".join(stale)


def test_walk_sees_the_project_urls():
    # Guards the walker itself: if it stopped following includes the check above would pass.
    urls = project_urls()
    assert urls["orgs:move"] == "don-vi/<uuid:uid>/chuyen/"
    assert urls["accounts:login"] == "tai-khoan/dang-nhap/"
    assert not any(route.startswith("quan-tri/") for route in urls.values())


def _client_for(world: World, role: str) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    client.force_login(getattr(world, role))
    unit_attr = ROLE_UNIT.get(role)
    if unit_attr:
        session = client.session
        session[SESSION_KEY] = str(getattr(world, unit_attr).uid)
        session.save()
    return client


CASES = [
    pytest.param(name, row, id=f"{name}[{index}]{'-' + row.note if row.note else ''}")
    for name, rows in MATRIX.items()
    for index, row in enumerate(rows)
]


@pytest.fixture(autouse=True)
def _sealing_key(settings):
    """Case rows create sealed cases: a random master key for each test."""
    from binhdang.safeguarding.tests.helpers import key_line, ring

    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))


@pytest.mark.parametrize(("url_name", "row"), CASES)
def test_matrix(world, url_name, row):
    login_url = reverse("accounts:login")
    wrong = []
    for role, expected in row.statuses().items():
        # Built per role: a builder may re-create what an earlier role's POST removed.
        url = reverse(url_name, kwargs=row.kwargs(world)) + (f"?{row.query}" if row.query else "")
        response = getattr(_client_for(world, role), row.method)(url)
        if expected == LOGIN:
            ok = response.status_code == 302 and response["Location"].startswith(login_url)
        else:
            ok = response.status_code == int(expected)
        if not ok:
            got = response.status_code
            if got in (301, 302):
                got = f"{got} → {response['Location']}"
            wrong.append(f"{role}: expected {expected}, got {got}")
    assert not wrong, f"{row.method.upper()} {url} ({url_name}):\n  " + "\n  ".join(wrong)


def test_switcher_points_each_role_at_its_unit(world):
    """The matrix is only meaningful if each role really works in the unit named above."""
    for role, unit_attr in ROLE_UNIT.items():
        response = _client_for(world, role).get(reverse("core:home"))
        assert response.status_code == 200
        assert response.wsgi_request.active_unit == getattr(world, unit_attr), role

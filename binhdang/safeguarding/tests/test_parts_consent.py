"""Consent per purpose: the child's own agreement from age 7 and a parent's; a later record
supersedes (history kept); the statistics helper keeps cases whose latest consent is given."""

import datetime as dt

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from binhdang.audit.models import AuditEntry
from binhdang.safeguarding.consents import cases_with_statistics_consent, consent_given, consent_record
from binhdang.safeguarding.models import Case, Consent

from .helpers import case_client
from .parts_helpers import MARKER, team_case, url

pytestmark = pytest.mark.usefixtures("sealing_on")


@pytest.fixture
def case(world):
    return team_case(world)


def test_recorded_through_the_form_and_superseded(world, case):
    client = case_client(world.teacher, world.school)
    response = client.post(url("consent_add", case), {
        "purpose": "referral", "child_aged_7_plus": "on", "child_agreed": "on", "parent_agreed": "on",
        "note": f"Mẹ đồng ý qua điện thoại {MARKER}"})
    assert response.status_code == 302 and response["Location"].endswith("#dong-y")
    assert consent_given(case, "referral") and not consent_given(case, "services")
    consent = Consent.objects.get()
    assert MARKER.encode() not in bytes(consent.note_sealed)
    row = AuditEntry.objects.get(action="case.consent")
    assert row.details == {"consent": str(consent.uid), "purpose": "referral", "given": True}
    # The child withdraws: the later record wins; the history keeps both.
    client.post(url("consent_add", case), {"purpose": "referral", "child_aged_7_plus": "on", "parent_agreed": "on"})
    assert not consent_given(case, "referral")
    page = client.get(url("case_detail", case)).content.decode()
    assert f"Mẹ đồng ý qua điện thoại {MARKER}" in page and "chưa đồng ý" in page


def test_the_child_from_7_must_agree_and_under_7_the_parent_is_enough(world, case):
    consent_record(actor=world.teacher, case=case, purpose="services", child_aged_7_plus=True, child_agreed=False,
                   parent_agreed=True)
    assert not consent_given(case, "services")
    consent_record(actor=world.teacher, case=case, purpose="services", child_aged_7_plus=False, child_agreed=True,
                   parent_agreed=True)
    assert consent_given(case, "services")
    assert Consent.objects.filter(case=case).order_by("-id").first().child_agreed is None  # not asked under 7
    consent_record(actor=world.teacher, case=case, purpose="services", child_aged_7_plus=True, child_agreed=True,
                   parent_agreed=False)
    assert not consent_given(case, "services")


def test_bad_purpose_is_400_naming_the_field(world, case):
    response = case_client(world.teacher, world.school).post(url("consent_add", case), {"purpose": "marketing"})
    assert response.status_code == 400 and "Mục đích: lựa chọn không hợp lệ." in response.content.decode()
    assert not Consent.objects.exists() and not AuditEntry.objects.filter(action="case.consent").exists()


def test_statistics_helper_follows_the_latest_record_in_one_query(world, case):
    given_case, withdrawn, never, other_purpose = case, team_case(world), team_case(world), team_case(world)
    earlier = timezone.now() - dt.timedelta(days=2)
    consent_record(actor=None, case=given_case, purpose="statistics", child_aged_7_plus=True, child_agreed=False,
                   parent_agreed=True)
    consent_record(actor=None, case=given_case, purpose="statistics", child_aged_7_plus=True, child_agreed=True,
                   parent_agreed=True)
    consent_record(actor=None, case=withdrawn, purpose="statistics", child_aged_7_plus=True, child_agreed=True,
                   parent_agreed=True)
    consent_record(actor=None, case=withdrawn, purpose="statistics", child_aged_7_plus=True, child_agreed=False,
                   parent_agreed=True)
    # The withdrawal was entered last but back-dated before the agreement: the record time decides.
    Consent.objects.filter(pk=Consent.objects.filter(case=withdrawn).latest("id").pk).update(recorded_at=earlier)
    consent_record(actor=None, case=other_purpose, purpose="services", child_aged_7_plus=False, child_agreed=None,
                   parent_agreed=True)
    with CaptureQueriesContext(connection) as queries:
        chosen = set(cases_with_statistics_consent(Case.objects.all()).values_list("pk", flat=True))
    assert len(queries) == 1
    assert chosen == {given_case.pk, withdrawn.pk}
    # A withdrawal recorded now supersedes the agreement.
    consent_record(actor=None, case=withdrawn, purpose="statistics", child_aged_7_plus=True, child_agreed=False,
                   parent_agreed=False)
    assert set(cases_with_statistics_consent(Case.objects.all()).values_list("pk", flat=True)) == {given_case.pk}
    assert never.pk not in chosen and other_purpose.pk not in chosen
    # It composes with the grouping the statistics use.
    counts = list(cases_with_statistics_consent(Case.objects.filter(unit=world.school)).values("category")
                  .order_by("category").annotate(n=Count("id")))
    assert counts == [{"category": "bullying", "n": 1}]

"""Issue 5, item 7: alerts say that a case needs attention and where, never what happened or who.

A case carrying a marker (in the narrative, the name and the class) is recorded through the
public help page and by staff, then every flow this suite can reach runs; `assert_no_leak`
then looks for the marker everywhere content must never go: notifications, audit rows, e-mails,
and the logs of every logger at DEBUG (SQL statements included, so plaintext never even reaches
a query). To cover a new flow, run it inside `test_no_flow_leaks_content` (or a new test using
the `leak_watch` fixture) before the final `assert_no_leak` call.
"""

import logging

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding.models import Case, CaseTeamMember
from binhdang.safeguarding.views_stats import school_year_of

from .helpers import case_client

pytestmark = pytest.mark.usefixtures("sealing_on")
MARKER = "LEAK-MARKER-9035"
PASS = "bi mat cua em"


@pytest.fixture
def leak_watch(caplog, settings):
    """Logging as an operator running with BINHDANG_LOG_LEVEL=DEBUG gets it (every logger at DEBUG
    except those settings.LOGGING pins on purpose, which no environment variable changes), SQL
    statements logged too, e-mail switched on (locmem outbox)."""
    settings.BINHDANG_EMAIL_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    pinned = set(settings.LOGGING.get("loggers", {}))
    for name in ["", *list(logging.root.manager.loggerDict)]:
        if name not in pinned:
            caplog.set_level(logging.DEBUG, logger=name or None)
    connection.force_debug_cursor = True
    yield caplog
    connection.force_debug_cursor = False


def leak_texts(caplog) -> dict[str, list[str]]:
    """Where content must never appear, as text: one list per place."""
    audit_columns = [f.attname for f in AuditEntry._meta.concrete_fields]
    return {
        "notifications": [str(v) for row in Notification.objects.values_list("title", "body", "url", "key")
                          for v in row],
        "audit": [str(v) for row in AuditEntry.objects.values_list(*audit_columns) for v in row],
        "mail": [part for message in mail.outbox for part in (
            message.subject, message.body, *[str(content) for content, _type in getattr(message, "alternatives", [])])],
        "logs": [text for record in caplog.records for text in (
            record.getMessage(), str(record.args), record.exc_text or "", str(getattr(record, "request", "")))],
    }


def assert_no_leak(marker: str, caplog) -> None:
    found = {place: [t[:120] for t in texts if marker.lower() in t.lower()]
             for place, texts in leak_texts(caplog).items()}
    found = {place: hits for place, hits in found.items() if hits}
    assert not found, f"{marker} found in: {found}"


def _record_both_ways(world) -> list[Case]:
    # The public page (no login) and staff recording, each with the marker in every free field.
    help_url = reverse("safeguarding:help", args=[world.school.code])
    response = Client().post(help_url, {
        "what": "touched", "narrative": f"Em bị {MARKER}", "happening_now": "yes", "name": f"Tên {MARKER}",
        "school_class": "4A", "passphrase": PASS, "website": ""}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    staff = case_client(world.teacher, world.school)
    response = staff.post(reverse("safeguarding:record"), {
        "channel": "phone", "category": "bullying", "narrative": f"Gọi điện {MARKER}", "name": f"Mẹ {MARKER}",
        "school_class": MARKER[:20], "passphrase": ""}, follow=True)
    assert response.status_code == 200
    return list(Case.objects.order_by("id"))


def test_no_flow_leaks_content(world, leak_watch):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher, is_leader=True)
    cases = _record_both_ways(world)
    assert len(cases) == 2
    # The student follows up and writes again, with the marker.
    code = cases[0].code
    response = Client().post(reverse("safeguarding:follow_up"),
                             {"code": code, "passphrase": PASS, "text": f"Thêm {MARKER}"}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    # The team changes: the principal adds a member, hands over leadership, removes and re-adds.
    principal = case_client(world.principal, world.school)
    assert principal.post(reverse("safeguarding:team_add"), {"user": world.counsellor.uid}).status_code == 302
    seat = CaseTeamMember.objects.get(user=world.counsellor)
    assert principal.post(reverse("safeguarding:team_leader", args=[seat.uid])).status_code == 302
    leader_seat = CaseTeamMember.objects.get(user=world.teacher)
    assert principal.post(reverse("safeguarding:team_remove", args=[leader_seat.uid])).status_code == 302
    # Reads: the case (which shows the marker to the team, on screen only), the logs, statistics.
    leader = case_client(world.counsellor, world.school)
    for case in cases:
        page = leader.get(reverse("safeguarding:case_detail", args=[case.uid]))
        assert page.status_code == 200 and MARKER in page.content.decode()
        assert leader.get(reverse("safeguarding:case_log", args=[case.uid])).status_code == 200
    assert leader.get(reverse("safeguarding:team_log")).status_code == 200
    year = school_year_of(timezone.localdate(cases[0].received_at))
    stats = case_client(world.commune_officer, world.commune)
    for query in ("", "&format=csv"):
        response = stats.get(f"{reverse('safeguarding:statistics')}?nam={year}{query}")
        assert response.status_code == 200 and MARKER not in response.content.decode("utf-8-sig")
    # Whatever e-mails the notifications would produce.
    from binhdang.activities.reminders import email_pending

    email_pending()
    # The scan sees what it should: the flows did write notifications, audit rows and SQL logs.
    texts = leak_texts(leak_watch)
    assert texts["notifications"] and texts["audit"] and any("INSERT" in t for t in texts["logs"])
    assert Notification.objects.filter(kind="case").count() >= 4
    assert_no_leak(MARKER, leak_watch)


def test_the_scan_finds_a_leak_when_there_is_one(world, leak_watch):
    # Guards the helper itself: a marker put in each place is found there.
    from django.db import transaction

    from binhdang.audit.services import record
    from binhdang.core.notifications import notify

    notify(world.teacher, world.school, kind="case", key="probe", title=f"x {MARKER}")
    with transaction.atomic():
        record(actor=world.teacher, unit=world.school, action="probe", details={"text": MARKER})
    mail.send_mail("s", f"body {MARKER}", None, ["a@example.org"])
    logging.getLogger("binhdang.probe").debug("probe %s", MARKER)
    with pytest.raises(AssertionError) as failure:
        assert_no_leak(MARKER, leak_watch)
    for place in ("notifications", "audit", "mail", "logs"):
        assert f"'{place}'" in str(failure.value)


def test_handling_a_case_leaks_nothing(world, leak_watch):
    """Every write a team makes on a case, each carrying the marker, then every read (page, file,
    export, logs): the marker stays inside the sealed columns and the team's screens."""
    from binhdang.safeguarding.models import CasePerson, Referral

    from .parts_helpers import pdf_bytes, upload

    for user in (world.unit_lead, world.teacher, world.province_officer):
        user.email = f"{user.username}@example.org"  # so that notifications become e-mails too
        user.save()
    CaseTeamMember.objects.create(unit=world.school, user=world.unit_lead, is_leader=True)
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    case = _record_both_ways(world)[1]
    member, leader = case_client(world.teacher, world.school), case_client(world.unit_lead, world.school)

    def post(client, name, data, **kwargs):
        response = client.post(reverse(f"safeguarding:{name}", kwargs={"uid": case.uid, **kwargs}), data)
        assert response.status_code == 302, (name, response.status_code)

    text = f"Ghi {MARKER}"
    post(member, "case_assess", {"harm_level": "3", "risk_level": "3", "child_under_16_abused": "yes",
                                 "category": "sexual_assault", "note": text})
    for step in ("ho-tro", "ke-hoach", "can-thiep", "theo-doi"):
        post(member, "case_step", {"text": text}, step=step)
    post(member, "case_step", {"informed": "no", "text": text}, step="gia-dinh")
    post(member, "case_note", {"text": text})
    post(member, "case_session", {"held_on": timezone.localdate(case.received_at).isoformat(), "text": text})
    post(member, "case_reply", {"text": text})
    post(member, "person_add", {"role": "victim", "name": f"Em {MARKER}", "details": text, "sex": "F",
                                "age_band": "12-15", "is_child": "on"})
    person = CasePerson.objects.get(case=case)
    post(member, "person_edit", {"role": "victim", "name": f"Em {MARKER} 2", "details": text, "sex": "F",
                                 "age_band": "12-15"}, person_uid=person.uid)
    post(member, "consent_add", {"purpose": "statistics", "child_aged_7_plus": "on", "child_agreed": "on",
                                 "parent_agreed": "on", "note": text})
    post(member, "referral_add", {"target": "education", "to_unit": str(world.province.uid),
                                  "officers": [str(world.province_officer.uid)], "note": text, "override": "on",
                                  "override_reason": text})
    post(member, "attachment_upload", {"file": upload(f"{MARKER}.pdf", pdf_bytes(MARKER), "application/pdf")})
    post(member, "case_close", {"text": text})
    post(leader, "case_approve", {"text": text})
    post(member, "case_reopen", {"text": text})
    # Reads by the team and by the officer named on the referral.
    officer = case_client(world.province_officer, world.province)
    attachment = case.attachments.get()
    for client in (member, officer):
        for name, kwargs in (("case_detail", {}), ("case_export", {}), ("attachment_download",
                                                                         {"file_uid": attachment.uid})):
            response = client.get(reverse(f"safeguarding:{name}", kwargs={"uid": case.uid, **kwargs}))
            assert response.status_code == 200, (name, response.status_code)
    assert leader.get(reverse("safeguarding:case_log", args=[case.uid])).status_code == 200
    post(member, "referral_end", {}, referral_uid=Referral.objects.get(case=case).uid)
    from binhdang.safeguarding.tasks import send_case_alerts

    send_case_alerts.call()  # what the worker runs after each alert's commit
    assert Notification.objects.filter(user=world.province_officer).exists() and mail.outbox
    assert_no_leak(MARKER, leak_watch)

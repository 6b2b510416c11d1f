"""Who may use the parts of a case: the team writes and reads; a named officer reads (download,
export) but never writes; the principal, the counsellor and an officer without a referral get
404 on every URL. Markers typed into names, notes and reasons never leave the sealed columns."""

import pytest
from django.db import connection
from django.utils import timezone

from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding.attachments import attachment_add
from binhdang.safeguarding.models import CaseAttachment, CasePerson, Consent, Referral
from binhdang.safeguarding.people import person_add

from .helpers import case_client
from .parts_helpers import MARKER, pdf_bytes, team_case, upload, url

pytestmark = pytest.mark.usefixtures("sealing_on")


@pytest.fixture
def parts(world):
    case = team_case(world)
    person = person_add(actor=world.teacher, case=case, role="witness", name="Nhân chứng", sex="U")
    referral = Referral.objects.create(case=case, target="police", referred_at=timezone.now())
    attachment = attachment_add(actor=world.teacher, case=case, upload=upload("a.pdf", pdf_bytes("a")))
    reads = [url("attachment_download", case, file_uid=attachment.uid), url("case_export", case)]
    writes = [url("person_add", case), url("person_edit", case, person_uid=person.uid), url("consent_add", case),
              url("referral_add", case), url("attachment_upload", case),
              url("referral_end", case, referral_uid=referral.uid),
              url("attachment_delete", case, file_uid=attachment.uid),
              url("person_remove", case, person_uid=person.uid)]
    return {"case": case, "person": person, "referral": referral, "attachment": attachment, "reads": reads,
            "writes": writes}


def unchanged(parts) -> bool:
    return (CasePerson.objects.filter(pk=parts["person"].pk).exists()
            and CaseAttachment.objects.filter(pk=parts["attachment"].pk).exists()
            and Referral.objects.get(pk=parts["referral"].pk).ended_at is None
            and CasePerson.objects.count() == 1 and not Consent.objects.exists())


@pytest.mark.parametrize(("role", "unit"), [("principal", "school"), ("counsellor", "school"),
                                            ("committee_member", "school"), ("province_officer", "province")])
def test_everyone_off_the_team_gets_404_everywhere(world, parts, role, unit):
    client = case_client(getattr(world, role), getattr(world, unit))
    for address in parts["reads"]:
        assert client.get(address).status_code == 404, address
    for address in parts["writes"]:
        assert client.post(address, {"name": "x", "role": "victim", "sex": "F"}).status_code == 404, address
    assert unchanged(parts)
    assert not AuditEntry.objects.filter(action__in=["case.attachment", "case.export"]).exists()


def test_a_named_officer_reads_but_never_writes(world, parts):
    parts["referral"].officers.add(world.province_officer)
    client = case_client(world.province_officer, world.province)
    for address in parts["reads"]:
        assert client.get(address).status_code == 200, address
    for address in parts["writes"]:
        assert client.post(address, {"name": "x", "role": "victim", "sex": "F"}).status_code == 404, address
    assert unchanged(parts)
    assert set(AuditEntry.objects.filter(actor=world.province_officer).values_list("action", flat=True)) == {
        "case.attachment", "case.export"}


@pytest.mark.parametrize("role", ["teacher", "unit_lead"])
def test_team_member_and_leader_read_and_write(world, parts, role):
    client = case_client(getattr(world, role), world.school)
    for address in parts["reads"]:
        assert client.get(address).status_code == 200, address
    statuses = [client.post(address, {}).status_code for address in parts["writes"]]
    # Empty forms are refused (400); ending, deleting and removing need no form (302).
    assert statuses == [400, 400, 400, 400, 400, 302, 302, 302]
    assert not CasePerson.objects.exists() and not CaseAttachment.objects.exists()


def test_get_on_a_write_url_is_405(world, parts):
    client = case_client(world.teacher, world.school)
    assert all(client.get(address).status_code == 405 for address in parts["writes"])


def test_markers_stay_sealed(world):
    case = team_case(world)
    client = case_client(world.teacher, world.school)
    marked = f"Tên {MARKER}"
    assert client.post(url("person_add", case), {"role": "victim", "name": marked, "details": marked,
                                                 "sex": "F"}).status_code == 302
    person = CasePerson.objects.get()
    assert client.post(url("person_edit", case, person_uid=person.uid), {
        "role": "victim", "name": marked + "2", "details": marked, "sex": "F"}).status_code == 302
    assert client.post(url("consent_add", case), {"purpose": "services", "parent_agreed": "on",
                                                  "note": marked}).status_code == 302
    assert client.post(url("referral_add", case), {
        "target": "education", "to_unit": str(world.province.uid), "officers": [str(world.province_officer.uid)],
        "note": marked, "override": "on", "override_reason": marked}).status_code == 302
    assert client.post(url("attachment_upload", case), {
        "file": upload(f"{MARKER}.pdf", pdf_bytes(MARKER))}).status_code == 302
    client.get(url("case_export", case))
    client.get(url("attachment_download", case, file_uid=CaseAttachment.objects.get().uid))
    needle = MARKER.encode()
    for entry in AuditEntry.objects.all():
        assert MARKER not in f"{entry.action} {entry.target_label} {entry.target_uid} {entry.details}"
    for notice in Notification.objects.all():
        assert MARKER not in f"{notice.title} {notice.body} {notice.url} {notice.key}"
    with connection.cursor() as cursor:
        for model in (CasePerson, Consent, Referral, CaseAttachment):
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608 (a table name of ours)
            for row in cursor.fetchall():
                for value in row:
                    raw = bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
                    assert needle not in raw, model
    with CaseAttachment.objects.get().blob.open("rb") as handle:
        assert needle not in handle.read()

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from binhdang.accounts.models import Membership
from binhdang.activities.models import ActionMonthCampaign
from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.reports import requests as services
from binhdang.reports.models import ReportEvent, ReportRequest, ReportStatus
from binhdang.testing import make_unit, make_user

from .helpers import make_request, make_version

pytestmark = pytest.mark.django_db


def _data(**over):
    data = {"kind": "action_month", "title": "  Báo cáo Tháng hành động  ", "period": "2025-2026",
            "covers_from": dt.date(2025, 11, 15), "covers_to": dt.date(2025, 12, 15),
            "due_on": dt.date(2025, 12, 20), "sections": []}
    data.update(over)
    return data


def test_create_defaults_sections_of_the_kind_and_audits(world):
    request = services.request_save(actor=world.commune_officer, unit=world.commune, **_data())
    assert request.title == "Báo cáo Tháng hành động"
    assert [(s["title"], s["kind"]) for s in request.sections] == [
        ("Kết quả thực hiện", "activities"), ("Hoạt động nổi bật", "highlights"), ("Số liệu", "indicators"),
        ("Phòng ngừa, hỗ trợ học sinh", "protection"), ("Khó khăn, đề xuất", "proposals")]
    assert request.sent_at is None
    assert AuditEntry.objects.filter(action="report.request_create").count() == 1
    edited = services.request_save(actor=world.commune_officer, unit=world.commune, request=request,
                                   **_data(sections=["Một", "", " Hai "], schools=[world.school]))
    assert [s["title"] for s in edited.sections] == ["Một", "Hai"]
    assert list(edited.schools.all()) == [world.school]
    assert AuditEntry.objects.filter(action="report.request_edit").count() == 1


@pytest.mark.parametrize(("over", "field", "words"), [
    ({"due_on": dt.date(2025, 12, 14)}, "due_on", "Hạn nộp"),
    ({"covers_from": dt.date(2025, 8, 1)}, "covers_from", "năm học 2025-2026"),
    ({"covers_to": dt.date(2025, 11, 1)}, "covers_to", "Đến ngày"),
    ({"period": "2025-2027"}, "period", "Năm học"),
    ({"title": "  "}, "title", "Tên báo cáo"),
    ({"due_on": dt.date(2026, 10, 15)}, "due_on", "năm học"),
])
def test_validation_names_the_field_and_saves_nothing(world, over, field, words):
    with pytest.raises(ValidationError) as caught:
        services.request_save(actor=world.commune_officer, unit=world.commune, **_data(**over))
    assert words in " ".join(caught.value.message_dict[field])
    assert not ReportRequest.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="report.").exists()


def test_schools_and_campaign_must_be_the_issuers(world):
    # School B reports to the Sở, not to the commune; another unit's campaign is refused too.
    campaign = ActionMonthCampaign.objects.create(
        issuer_unit=world.province, year=2025, theme="x", starts_on=dt.date(2025, 11, 15),
        ends_on=dt.date(2025, 12, 15), report_deadline=dt.date(2025, 12, 20))
    with pytest.raises(ValidationError) as caught:
        services.request_save(actor=world.commune_officer, unit=world.commune,
                              **_data(schools=[world.school_b], campaign=campaign))
    assert set(caught.value.message_dict) == {"schools", "campaign"}
    own = services.request_save(actor=world.province_officer, unit=world.province,
                                **_data(schools=[world.school_b], campaign=campaign))
    assert own.campaign == campaign


def test_a_school_cannot_issue_and_a_sent_request_cannot_change(world):
    with pytest.raises(ValidationError):
        services.request_save(actor=world.principal, unit=world.school, **_data())
    request = make_request(world.commune)
    with pytest.raises(ValidationError, match="đã gửi"):
        services.request_save(actor=world.commune_officer, unit=world.commune, request=request, **_data())


def test_send_notifies_the_expected_principals_once(world):
    second = make_user("hieutruong-b", world.school_b, "principal")
    request = make_request(world.province, sent=False)
    assert services.request_send(actor=world.province_officer, request=request) == 2
    request.refresh_from_db()
    assert request.sent_at is not None
    told = Notification.objects.filter(kind=services.NOTIFY_KIND)
    assert {n.user for n in told} == {world.principal, second}
    assert all("20/12/2025" in n.title and n.url == "/bao-cao/" for n in told)
    assert AuditEntry.objects.filter(action="report.request_send").count() == 1
    with pytest.raises(ValidationError):
        services.request_send(actor=world.province_officer, request=request)
    assert told.count() == 2


def test_remind_only_non_submitters_once_per_day(world):
    school_c = make_unit("truong-c", "school", world.province, "primary")
    school_d = make_unit("truong-d", "school", world.province, "primary")
    for code, unit in (("c", school_c), ("d", school_d), ("b", world.school_b)):
        make_user(f"ht-{code}", unit, "principal")
    request = make_request(world.province)
    make_version(request, world.school, ReportStatus.SUBMITTED, submitted_on=dt.date(2025, 12, 18))
    make_version(request, world.school_b, ReportStatus.ACCEPTED, submitted_on=dt.date(2025, 12, 19))
    returned = make_version(request, school_c, ReportStatus.RETURNED, submitted_on=dt.date(2025, 12, 19))
    make_version(request, school_c, ReportStatus.DRAFT, version=2, previous=returned)
    # School D: nothing yet.
    assert services.request_remind(actor=world.province_officer, request=request) == 2
    events = ReportEvent.objects.filter(action=ReportEvent.Action.REMINDED)
    assert {e.unit for e in events} == {school_c, school_d}
    reminded = Notification.objects.filter(key__contains=":remind:")
    assert {m.user.username for m in reminded} == {"ht-c", "ht-d"}
    # Same day again: nobody.
    assert services.request_remind(actor=world.province_officer, request=request) == 0
    assert events.count() == 2 and reminded.count() == 2
    # Yesterday's events do not count today: both are reminded again (a real next day would also get a
    # new notification, its key holding the new date; here the date is the same, so no duplicate message).
    events.update(at=timezone.now() - dt.timedelta(days=1))
    assert services.request_remind(actor=world.province_officer, request=request) == 2
    assert events.count() == 4 and reminded.count() == 2
    assert AuditEntry.objects.filter(action="report.request_remind").count() == 3
    assert not Membership.objects.filter(unit=world.school, role="principal", user__notifications__key__contains=
                                         ":remind:").exists()


def test_remind_refuses_an_unsent_request(world):
    with pytest.raises(ValidationError):
        services.request_remind(actor=world.province_officer, request=make_request(world.province, sent=False))

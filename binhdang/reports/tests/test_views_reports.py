"""The report pages through the Django client, per role."""

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.indicators.tests.manual import count
from binhdang.reports.models import Report, ReportStatus
from binhdang.testing import client_in

from .builders import rollup, sent_request


@pytest.fixture
def asked(world):
    world.school.short_name = "THA"
    world.school.save(update_fields=["short_name"])
    sessions = count()
    rollup(world.school, sessions, "", 7)
    return sent_request(world.commune, indicators=[sessions], due_on=dt.date(2099, 1, 1),
                        sections=[{"title": "Chỉ số", "kind": "indicators"}, {"title": "Đề xuất", "kind": ""}])


def start(world, asked) -> Report:
    response = client_in(world.committee_member, world.school).post(reverse("reports:report_start",
                                                                            kwargs={"uid": asked.uid}))
    assert response.status_code == 302
    return Report.objects.get(request=asked, unit=world.school)


def test_the_page_shows_sections_figures_history(world, asked):
    report = start(world, asked)
    page = client_in(world.counsellor, world.school).get(reverse("reports:report_detail", kwargs={"uid": report.uid}))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Số buổi tư vấn" in html and "<td>7</td>" in html and "Lập dự thảo" in html
    assert 'id="report-edit"' not in html  # a counsellor reads only
    editor = client_in(world.committee_member, world.school).get(page.request["PATH_INFO"]).content.decode()
    assert 'id="report-edit"' in editor and 'id="report-approve"' not in editor


def test_a_stale_save_is_409_and_keeps_the_typed_text(world, asked):
    report = start(world, asked)
    url = reverse("reports:report_edit", kwargs={"uid": report.uid})
    form = {"title": "Báo cáo", "revision": report.revision, "section-0": "Bản thứ nhất", "section-1": ""}
    assert client_in(world.principal, world.school).post(url, form).status_code == 302
    stale = {**form, "section-0": "Chữ tôi vừa gõ"}
    response = client_in(world.committee_member, world.school).post(url, stale)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Chữ tôi vừa gõ" in html and "vừa được người khác sửa" in html
    assert Report.objects.get(pk=report.pk).content[0]["text"] == "Bản thứ nhất"


def test_the_full_path_through_the_pages(world, asked):
    report = start(world, asked)
    principal = client_in(world.principal, world.school)
    teacher = client_in(world.teacher, world.school)
    kwargs = {"uid": report.uid}
    assert teacher.post(reverse("reports:report_approve", kwargs=kwargs)).status_code == 403
    principal.post(reverse("reports:report_approve", kwargs=kwargs))
    principal.post(reverse("reports:report_submit", kwargs=kwargs))
    report.refresh_from_db()
    assert (report.status, report.number) == (ReportStatus.SUBMITTED, "01/BC-THA")
    # The school cannot accept its own report; the issuer returns it with a comment.
    assert principal.post(reverse("reports:report_accept", kwargs=kwargs)).status_code == 403
    officer = client_in(world.commune_officer, world.commune)
    assert officer.post(reverse("reports:report_return", kwargs=kwargs), {"comment": "Bổ sung số liệu."}
                        ).status_code == 302
    response = client_in(world.committee_member, world.school).post(
        reverse("reports:report_new_version", kwargs=kwargs))
    second = Report.objects.get(previous=report)
    assert response["Location"] == reverse("reports:report_detail", kwargs={"uid": second.uid})
    html = principal.get(response["Location"]).content.decode()
    assert "Bổ sung số liệu." in html and "Phiên bản 2" in html
    outsider = client_in(world.outsider, world.other_school)
    assert outsider.get(response["Location"]).status_code == 404


def test_a_school_not_asked_gets_404(world, asked):
    other = sent_request(world.province, title="Chỉ trường B", sections=[])
    other.schools.add(world.school_b)
    url = reverse("reports:report_start", kwargs={"uid": other.uid})
    assert client_in(world.principal, world.school).post(url).status_code == 404
    assert not Report.objects.filter(request=other).exists()

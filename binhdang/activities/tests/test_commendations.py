"""Commendations: nominate (MANAGE), approve with a QĐ number or reject with a note (ADMIN), and the
decision's DOCX read back with python-docx."""

import datetime as dt
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from binhdang.activities.commendations import commendation_approve, commendation_propose, commendation_reject
from binhdang.activities.models import Commendation
from binhdang.audit.models import AuditEntry
from binhdang.orgs.models import InternalBody
from binhdang.testing import client_in

from .people_work import activity, staff, student

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def school(world):
    world.school.short_name, world.school.place = "THA", "Đống Đa"
    world.school.save()
    return world.school


def _nominate(world, nominee, **extra) -> Commendation:
    fields = {"form": Commendation.Form.COMMEND, "reason": "Tổ chức tốt Tháng hành động vì bình đẳng giới"}
    return commendation_propose(actor=world.committee_member, unit=world.school, nominee=nominee,
                                **{**fields, **extra})


def _read(response) -> docx.Document:
    return docx.Document(io.BytesIO(response.content))


def test_approving_numbers_decisions_in_the_school_register(world, school):
    hoa = staff(school, "Hoa", user=None)
    first, second = _nominate(world, hoa), _nominate(world, school, form=Commendation.Form.PRAISE)
    commendation_approve(actor=world.principal, unit=school, commendations=[first], decision_date=DAY)
    commendation_approve(actor=world.principal, unit=school, commendations=[second], decision_date=DAY)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.number, second.number) == ("01/QĐ-THA", "02/QĐ-THA")
    assert first.status == Commendation.Status.APPROVED and first.decision_date == DAY
    assert first.issued_number.object_uid == str(first.uid)
    assert AuditEntry.objects.filter(action="activity.commendation_approve").count() == 2
    # Decided once: a second approval is refused and takes no number.
    with pytest.raises(ValidationError):
        commendation_approve(actor=world.principal, unit=school, commendations=[first])
    assert Commendation.objects.exclude(number="").count() == 2


def test_approving_without_a_short_name_is_refused_clearly(world):
    nomination = _nominate(world, staff(world.school, "Hoa"))
    with pytest.raises(ValidationError) as error:
        commendation_approve(actor=world.principal, unit=world.school, commendations=[nomination])
    assert "chưa có tên viết tắt" in error.value.messages[0]
    nomination.refresh_from_db()
    assert nomination.status == Commendation.Status.PROPOSED and not nomination.number


def test_nominee_and_activities_must_be_of_the_school(world, school):
    with pytest.raises(ValidationError):
        _nominate(world, staff(world.school_b, "An"))
    with pytest.raises(ValidationError):
        _nominate(world, world.school_b)
    with pytest.raises(ValidationError):
        _nominate(world, staff(school, "Hoa"), activities=[activity(world.school_b)])
    with pytest.raises(ValidationError):
        _nominate(world, staff(school, "Lan"), reason="  ")
    assert not Commendation.objects.exists()


def test_rejection_needs_a_note(world, school):
    nomination = _nominate(world, student(school, "Hà"))
    with pytest.raises(ValidationError):
        commendation_reject(actor=world.principal, unit=school, commendation=nomination, note=" ")
    commendation_reject(actor=world.principal, unit=school, commendation=nomination, note="Chưa đủ minh chứng")
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_note, nomination.number) == (
        Commendation.Status.REJECTED, "Chưa đủ minh chứng", "")
    assert AuditEntry.objects.filter(action="activity.commendation_reject", target_uid=str(nomination.uid)).exists()


def test_flow_through_the_pages_and_the_decision_docx(world, school):
    hoa = staff(school, "Hoa", "F")
    staff(school, "Bình", "M", position="principal", family="Trần", middle="Văn", user=world.principal)
    InternalBody.objects.create(unit=school, kind="committee", name="Ban vì sự tiến bộ của phụ nữ")
    talk = activity(school, "Nói chuyện chuyên đề bình đẳng giới")
    create = reverse("activities:commendation_create")
    data = {"form": "commend", "kind": "staff", "staff": hoa.uid, "reason": "Tích cực tuyên truyền",
            "activities": [talk.uid]}
    assert client_in(world.teacher, school).get(create).status_code == 403
    assert client_in(world.counsellor, school).post(create, data).status_code == 403
    committee = client_in(world.committee_member, school)
    assert committee.post(create, {**data, "staff": ""}).status_code == 400  # kind staff without a person
    response = committee.post(create, data)
    assert response.status_code == 302
    nomination = Commendation.objects.get()
    assert list(nomination.activities.all()) == [talk]
    assert AuditEntry.objects.filter(action="activity.commendation_propose").count() == 1

    approve = reverse("activities:commendation_approve", args=[nomination.uid])
    assert client_in(world.teacher, school).post(approve, {}).status_code == 403
    assert client_in(world.committee_member, school).post(approve, {}).status_code == 403
    assert client_in(world.outsider, world.other_school).get(approve).status_code == 404
    principal = client_in(world.principal, school)
    assert principal.post(approve, {"decision_date": "2026-11-20"}).status_code == 302
    nomination.refresh_from_db()
    assert nomination.number == "01/QĐ-THA"

    download = reverse("activities:commendation_decision", args=[nomination.uid])
    response = client_in(world.counsellor, school).get(download)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = _read(response)
    body = [p.text for p in document.paragraphs if p.text.strip()]
    cells = "\n".join(c.text for t in document.tables for c in t._cells)
    assert "Số: 01/QĐ-THA" in cells and "Đống Đa, ngày 20 tháng 11 năm 2026" in cells
    assert body[:2] == ["QUYẾT ĐỊNH", "Về việc khen thưởng cá nhân có thành tích trong công tác bình đẳng giới "
                                      "và vì sự tiến bộ của phụ nữ"]
    assert "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC A" in body and "QUYẾT ĐỊNH:" in body
    article = next(p for p in body if p.startswith("Điều 1."))
    assert "Khen thưởng bà Nguyễn Thị Hoa, Giáo viên" in article and "Tích cực tuyên truyền" in article
    assert "Nói chuyện chuyên đề bình đẳng giới (16/11/2026)" in article
    assert body[-1].startswith("Điều 3.") and body[-1].endswith("thi hành Quyết định này./.")
    assert any(p.startswith("Xét đề nghị của Ban vì sự tiến bộ của phụ nữ") for p in body)
    assert "HIỆU TRƯỞNG\nTrần Văn Bình" in cells and "- Như Điều 3;\n- Lưu: VT." in cells
    assert client_in(world.outsider, world.other_school).get(download).status_code == 404
    assert client_in(world.commune_officer, world.commune).get(download).status_code == 200


def test_reject_page_and_student_privacy(world, school):
    nomination = _nominate(world, student(school, "Hà"))
    reject = reverse("activities:commendation_reject", args=[nomination.uid])
    principal = client_in(world.principal, school)
    assert principal.post(reject, {"note": ""}).status_code == 400
    assert principal.post(reject, {"note": "Chưa đủ minh chứng"}).status_code == 302
    detail = reverse("activities:commendation_detail", args=[nomination.uid])
    assert "Lê Thị Hà" in client_in(world.teacher, school).get(detail).content.decode()
    above = client_in(world.commune_officer, world.commune).get(detail).content.decode()
    assert "Lê Thị Hà" not in above and "Một học sinh của trường" in above
    approved = _nominate(world, student(school, "Lan"))
    commendation_approve(actor=world.principal, unit=school, commendations=[approved], decision_date=DAY)
    download = reverse("activities:commendation_decision", args=[approved.uid])
    assert client_in(world.commune_officer, world.commune).get(download).status_code == 403
    assert client_in(world.teacher, school).get(download).status_code == 200
    # Nothing to download before approval.
    assert client_in(world.teacher, school).get(
        reverse("activities:commendation_decision", args=[nomination.uid])).status_code == 404


def test_approving_several_at_once_gives_consecutive_numbers_or_none(world, school):
    first, second = _nominate(world, staff(school, "Hoa")), _nominate(world, staff(school, "Lan"))
    url = reverse("activities:commendations_approve")
    principal = client_in(world.principal, school)
    commendation_reject(actor=world.principal, unit=school, commendation=second, note="Trùng đề nghị")
    # One of the ticked nominations is already decided: nothing approved, no number taken.
    response = principal.post(url, {"uid": [first.uid, second.uid], "decision_date": "2026-11-20"}, follow=True)
    assert "đã được quyết định" in response.content.decode()
    assert Commendation.objects.filter(status=Commendation.Status.APPROVED).count() == 0
    third = _nominate(world, school)
    assert client_in(world.committee_member, school).post(url, {"uid": [first.uid]}).status_code == 403
    principal.post(url, {"uid": [first.uid, third.uid], "decision_date": "2026-11-20"})
    numbers = sorted(Commendation.objects.filter(status=Commendation.Status.APPROVED).values_list("number", flat=True))
    assert numbers == ["01/QĐ-THA", "02/QĐ-THA"]


def test_services_check_the_role_too(world, school):
    from django.core.exceptions import PermissionDenied

    hoa = staff(school, "Hoa")
    with pytest.raises(PermissionDenied):
        commendation_propose(actor=world.teacher, unit=school, nominee=hoa, form="praise", reason="Tốt")
    nomination = _nominate(world, hoa)
    with pytest.raises(PermissionDenied):
        commendation_approve(actor=world.committee_member, unit=school, commendations=[nomination])
    with pytest.raises(PermissionDenied):
        commendation_reject(actor=world.committee_member, unit=school, commendation=nomination, note="Không")

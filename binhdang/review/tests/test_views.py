"""The review workflow through the web: upload, worker run, decisions, lesson link, send, proposal DOCX;
who may do what."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document

from binhdang.activities.lessons import lesson_record
from binhdang.activities.tests.people_work import school_year, staff
from binhdang.audit.models import AuditEntry
from binhdang.review.models import MaterialReview, ProposalFile, ReviewFlag
from binhdang.review.services import review_create
from binhdang.testing import client_in

from .samples import docx_bytes, pdf_bytes

LESSON = ["Bài 3. Việc nhà", "Bố đọc báo, còn mẹ nấu cơm.", "Con gái phải biết nấu ăn.",
          "Chị Lan là kĩ sư, anh Minh là y tá."]


def _upload(client, name, data, capture, title=""):
    with capture(execute=True):
        return client.post(reverse("review:list"), {"file": SimpleUploadedFile(name, data), "title": title})


def test_teacher_uploads_and_the_worker_reviews(world, django_capture_on_commit_callbacks):
    client = client_in(world.teacher, world.school)
    response = _upload(client, "bai3.docx", docx_bytes(LESSON), django_capture_on_commit_callbacks, "Bài 3")
    review = MaterialReview.objects.get()
    assert response.status_code == 302 and response.url == reverse("review:detail", args=[review.uid])
    assert (review.status, review.progress, review.title, review.file.name) == ("done", 100, "Bài 3", "")
    assert [(f.rule, f.paragraph) for f in review.flags.all()] == [("role_contrast", 2), ("prescriptive", 3)]
    assert review.summary["characters"]["female"] == 2 and review.summary["good_example_count"] == 1
    page = client.get(response.url).content.decode()
    assert "Con gái phải biết nấu ăn." in page and "Mọi người đều nên biết nấu ăn." in page
    assert "Chị Lan là kĩ sư, anh Minh là y tá." in page  # listed as a good example
    assert AuditEntry.objects.filter(action="review.run", details__flags=2).exists()


def test_status_polls_while_running_then_redirects(world):
    review = MaterialReview.objects.create(unit=world.school, title="T", original_name="t.txt",
                                           status=MaterialReview.Status.RUNNING, progress=40)
    client = client_in(world.counsellor, world.school)
    page = client.get(reverse("review:status", args=[review.uid])).content.decode()
    assert 'value="40"' in page and "hx-trigger" in page
    review.status = MaterialReview.Status.DONE
    review.save()
    response = client.get(reverse("review:status", args=[review.uid]), HTTP_HX_REQUEST="true")
    assert response.headers["HX-Redirect"] == reverse("review:detail", args=[review.uid])


@pytest.mark.parametrize("name, data, message", [
    ("scan.pdf", pdf_bytes([[]]), "PDF scan"),
    ("trong.txt", b"", "rỗng"),
])
def test_unreadable_material_fails_with_a_vietnamese_message(world, django_capture_on_commit_callbacks, name, data,
                                                            message):
    client = client_in(world.teacher, world.school)
    response = _upload(client, name, data, django_capture_on_commit_callbacks)
    if response.status_code == 200:  # refused by the form: nothing stored
        assert message in response.content.decode() and not MaterialReview.objects.exists()
    else:  # read on the worker: failed with the message, the file deleted
        review = MaterialReview.objects.get()
        assert review.status == "failed" and message in review.error and not review.file


def test_counsellor_cannot_upload(world):
    client = client_in(world.counsellor, world.school)
    response = client.post(reverse("review:list"), {"file": SimpleUploadedFile("a.txt", b"Me nau com.")})
    assert response.status_code == 403 and not MaterialReview.objects.exists()


def _done_review(world, capture):
    with capture(execute=True):
        review = review_create(actor=world.teacher, unit=world.school, name="bai.docx", data=docx_bytes(LESSON))
    review.refresh_from_db()
    return review


def test_decisions_send_and_proposal(world, django_capture_on_commit_callbacks):
    review = _done_review(world, django_capture_on_commit_callbacks)
    contrast, prescriptive = review.flags.all()
    teacher = client_in(world.teacher, world.school)
    url = reverse("review:decide", args=[review.uid, contrast.uid])
    response = teacher.post(url, {"decision": "accepted", "note": "Sửa ở bản in lại"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Đồng ý sửa" in response.content.decode()
    bad = teacher.post(url, {"decision": "maybe"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 400 and "không hợp lệ" in bad.content.decode()
    committee = client_in(world.committee_member, world.school)
    committee.post(reverse("review:send", args=[review.uid]), {"note": ""})
    review.refresh_from_db()
    assert review.sent_at is None  # one flag still open: refused, nothing written
    teacher.post(reverse("review:decide", args=[review.uid, prescriptive.uid]), {"decision": "dismissed"})
    assert teacher.post(reverse("review:send", args=[review.uid]), {"note": "x"}).status_code == 403
    committee.post(reverse("review:send", args=[review.uid]), {"note": "Đề nghị Phòng tổng hợp."})
    review.refresh_from_db()
    assert review.sent_at and review.sent_by == world.committee_member
    after = teacher.post(url, {"decision": "dismissed"})
    assert ReviewFlag.objects.get(pk=contrast.pk).decision == "accepted" and after.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):  # the worker's run
        asked = committee.post(reverse("review:proposal", args=[review.uid]))
    made = ProposalFile.objects.get(review=review)
    assert asked["Location"] == reverse("review:proposal_status", args=[made.uid])
    assert made.status == ProposalFile.Status.DONE, made.error
    assert "Đề xuất đã sẵn sàng" in committee.get(asked["Location"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the same decisions: the same file
        committee.post(reverse("review:proposal", args=[review.uid]))
    assert ProposalFile.objects.filter(review=review).count() == 1
    download = reverse("review:proposal_download", args=[made.uid])
    assert Client().get(download).status_code == 302  # to the login page
    assert client_in(world.outsider, world.other_school).get(download).status_code == 404
    response = committee.get(download)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs)
    assert "TỜ TRÌNH" in text and "Bố đọc báo, còn mẹ nấu cơm." in text and "Bố và mẹ cùng nấu cơm." in text
    assert "Con gái phải biết nấu ăn." not in text  # dismissed
    assert "Đề nghị Phòng tổng hợp." in text and "Sửa ở bản in lại" in text
    from binhdang.core.models import Notification

    assert Notification.objects.filter(user=world.commune_officer, url=reverse("review:detail", args=[review.uid]))\
        .exists()
    officer = client_in(world.commune_officer, world.commune)
    listing = officer.get(reverse("review:proposals")).content.decode()
    assert "bai" in listing and world.school.name in listing
    outsider = client_in(world.outsider, world.other_school)
    assert outsider.get(reverse("review:proposals")).content.decode().count("review:detail") == 0
    assert outsider.get(reverse("review:detail", args=[review.uid])).status_code == 404


def test_link_to_a_lesson_of_the_school_only(world, django_capture_on_commit_callbacks):
    import datetime as dt

    review = _done_review(world, django_capture_on_commit_callbacks)
    teacher = staff(world.school, "Hoa", "F")
    fields = {"subject": "Đạo đức", "grade": 3, "lesson": "Bài 3: Việc nhà", "content": "Chia sẻ việc nhà",
              "taught_on": dt.date(2026, 11, 10), "school_year": school_year()}
    lesson = lesson_record(actor=world.committee_member, unit=world.school, teacher=teacher, **fields)
    other = lesson_record(actor=world.admin, unit=world.school_b, teacher=staff(world.school_b, "Mai", "F"),
                          **{**fields, "grade": 10})
    client = client_in(world.teacher, world.school)
    client.post(reverse("review:link_lesson", args=[review.uid]), {"lesson": str(other.uid)})
    review.refresh_from_db()
    assert review.lesson is None
    client.post(reverse("review:link_lesson", args=[review.uid]), {"lesson": str(lesson.uid)})
    review.refresh_from_db()
    assert review.lesson == lesson and lesson.material_reviews.get() == review
    assert "Bài 3: Việc nhà" in client.get(reverse("review:detail", args=[review.uid])).content.decode()

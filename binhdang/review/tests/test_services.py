"""Services of the review: failures leave a reason and no file, decisions freeze once sent, the audit
keeps decisions without the reviewer's notes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from binhdang.audit.models import AuditEntry
from binhdang.review import services
from binhdang.review.models import MaterialReview, ReviewFlag

from .samples import docx_bytes


def _create(world, capture, data=None, name="bai.docx"):
    with capture(execute=True):
        review = services.review_create(actor=world.teacher, unit=world.school, name=name,
                                        data=data or docx_bytes(["Con gái phải dịu dàng.", "Bố đọc báo."]))
    review.refresh_from_db()
    return review


def test_a_program_error_fails_the_review_with_a_message_and_deletes_the_file(world, django_capture_on_commit_callbacks,
                                                                            monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(services, "review_material", broken)
    review = _create(world, django_capture_on_commit_callbacks)
    assert review.status == "failed" and "lỗi của chương trình" in review.error
    assert review.file.name == "" and not review.flags.exists()


def test_counsellor_cannot_create_or_decide(world, django_capture_on_commit_callbacks):
    with pytest.raises(PermissionDenied):
        services.review_create(actor=world.counsellor, unit=world.school, name="a.txt", data=b"Me nau com.")
    review = _create(world, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDenied):
        services.flag_decide(actor=world.counsellor, flag=review.flags.get(), decision="accepted")


def test_decisions_freeze_once_sent_and_the_audit_has_no_note(world, django_capture_on_commit_callbacks):
    review = _create(world, django_capture_on_commit_callbacks)
    flag = review.flags.get()
    services.flag_decide(actor=world.teacher, flag=flag, decision="accepted", note="Lan, lớp 3A, nói câu này")
    entry = AuditEntry.objects.filter(action="review.flag_decide").get()
    assert entry.details["decision"] == "accepted" and "Lan" not in str(entry.details)
    with pytest.raises(PermissionDenied):
        services.review_send(actor=world.teacher, review=review, note="")  # MANAGE sends, not a teacher
    services.review_send(actor=world.principal, review=review, note="Kiến nghị")
    with pytest.raises(ValidationError):
        services.flag_decide(actor=world.teacher, flag=ReviewFlag.objects.get(pk=flag.pk), decision="dismissed")
    with pytest.raises(ValidationError):
        services.review_send(actor=world.principal, review=review, note="lần hai")
    assert MaterialReview.objects.get(pk=review.pk).note == "Kiến nghị"


def test_nothing_to_propose_when_every_flag_is_dismissed(world, django_capture_on_commit_callbacks):
    review = _create(world, django_capture_on_commit_callbacks)
    services.flag_decide(actor=world.teacher, flag=review.flags.get(), decision="dismissed")
    with pytest.raises(ValidationError, match="Chưa có câu nào"):
        services.review_send(actor=world.principal, review=review, note="")

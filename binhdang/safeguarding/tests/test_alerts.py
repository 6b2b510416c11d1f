"""Case alerts reach the team by e-mail right after the write commits (not at the daily run),
once each, and say nothing of the case."""

import pytest
from django.core import mail

from binhdang.core.models import Notification
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import CaseTeamMember, Channel

pytestmark = pytest.mark.usefixtures("sealing_on")
MARKER = "ALERT-MARKER-4410"


@pytest.fixture
def mail_on(settings):
    settings.BINHDANG_EMAIL_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_a_new_case_e_mails_the_team_at_commit(world, mail_on, django_capture_on_commit_callbacks):
    world.teacher.email = "gv@example.org"
    world.teacher.save()
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher, is_leader=True)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case_create(unit=world.school, channel=Channel.PHONE, category="bullying", narrative=MARKER,
                    name=f"Tên {MARKER}", actor=world.teacher)
    assert callbacks, "an e-mail run is queued only once the case is committed"
    assert [m.to for m in mail.outbox] == [["gv@example.org"]]
    message = mail.outbox[0]
    assert "Có yêu cầu hỗ trợ mới cần xử lý" in message.subject
    assert MARKER not in message.subject + message.body
    assert Notification.objects.get(user=world.teacher).emailed_at is not None


def test_nothing_is_queued_when_the_alert_already_existed(world, mail_on, django_capture_on_commit_callbacks):
    from binhdang.safeguarding.alerts import alert

    alert(world.teacher, world.school, key="k", title="t", url="/")
    with django_capture_on_commit_callbacks() as callbacks:
        assert alert(world.teacher, world.school, key="k", title="t", url="/") is False
    assert callbacks == []

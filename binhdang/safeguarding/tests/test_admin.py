"""The Django admin lists the case team but cannot change it (changes go through the audited page)."""

import pytest
from django.urls import reverse

from binhdang.safeguarding.models import CaseTeamMember

pytestmark = pytest.mark.usefixtures("sealing_on")


def test_admin_lists_the_team_read_only(world, client):
    seat = CaseTeamMember.objects.create(unit=world.school, user=world.teacher, is_leader=True)
    client.force_login(world.admin)
    assert client.get(reverse("admin:safeguarding_caseteammember_changelist")).status_code == 200
    assert client.get(reverse("admin:safeguarding_caseteammember_add")).status_code == 403
    response = client.post(reverse("admin:safeguarding_caseteammember_delete", args=[seat.pk]), {"post": "yes"})
    assert response.status_code == 403 and CaseTeamMember.objects.filter(pk=seat.pk).exists()

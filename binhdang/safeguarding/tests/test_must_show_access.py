"""Issue 5, "must show": a teacher outside the case team, the principal not on it, a
counselling-team parent representative and a Sở officer without a referral each get 404 on the
case page, its attachment URL, its export and every list that would reveal it, even with 2FA
verified and a fresh re-authentication (the strongest session they can have). Nothing they try
is logged as a read of the case."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from binhdang.accounts.models import Membership
from binhdang.audit.models import AuditEntry
from binhdang.orgs.models import BodyKind, InternalBody
from binhdang.safeguarding.attachments import attachment_add
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import CaseTeamMember, Channel
from binhdang.testing import make_user

from .helpers import case_client
from .parts_helpers import png_bytes

pytestmark = pytest.mark.usefixtures("sealing_on")


@pytest.fixture
def setting(world):
    """A team of two (the committee member leads, the unit lead), one case with one attachment,
    and the school's counselling team with a parent representative holding a login."""
    CaseTeamMember.objects.create(unit=world.school, user=world.committee_member, is_leader=True)
    CaseTeamMember.objects.create(unit=world.school, user=world.unit_lead)
    case = case_create(unit=world.school, channel=Channel.IN_PERSON, category="sexual_assault",
                       narrative="Nội dung mật", actor=world.committee_member)
    attachment = attachment_add(actor=world.committee_member, case=case,
                                upload=SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png"))
    InternalBody.objects.create(unit=world.school, kind=BodyKind.COUNSELLING_TEAM, name="Tổ tư vấn học đường")
    parent_rep = make_user("phuhuynh", world.school, "counsellor")
    return case, attachment, parent_rep


def _pages(case, attachment) -> dict[str, str]:
    return {
        "case page": reverse("safeguarding:case_detail", args=[case.uid]),
        "attachment": reverse("safeguarding:attachment_download", args=[case.uid, attachment.uid]),
        "export": reverse("safeguarding:case_export", args=[case.uid]),
        "case read log": reverse("safeguarding:case_log", args=[case.uid]),
        "case list": reverse("safeguarding:case_list"),
        "closed cases": reverse("safeguarding:case_list") + "?trang-thai=dong",
        "team read log": reverse("safeguarding:team_log"),
    }


@pytest.mark.parametrize("persona", ["teacher", "principal", "parent_rep", "province_officer"])
def test_everyone_off_the_team_gets_404_everywhere(world, setting, persona):
    case, attachment, parent_rep = setting
    user = parent_rep if persona == "parent_rep" else getattr(world, persona)
    unit = world.province if persona == "province_officer" else world.school
    client = case_client(user, unit)
    reads_before = AuditEntry.objects.filter(target_uid=str(case.uid)).count()
    statuses = {name: client.get(url).status_code for name, url in _pages(case, attachment).items()}
    assert statuses == dict.fromkeys(statuses, 404), statuses
    assert AuditEntry.objects.filter(target_uid=str(case.uid)).count() == reads_before


def test_the_team_reaches_the_same_pages(world, setting):
    """The same URLs open for the leader, so the 404s above are refusals, not broken links."""
    case, attachment, _parent_rep = setting
    client = case_client(world.committee_member, world.school)
    statuses = {name: client.get(url).status_code for name, url in _pages(case, attachment).items()}
    assert statuses == dict.fromkeys(statuses, 200), statuses


def test_a_principal_holding_every_role_still_gets_404(world, setting):
    """Rank gives nothing: the principal, also a committee member of the commune above, is refused."""
    case, attachment, _parent_rep = setting
    Membership.objects.create(user=world.principal, unit=world.commune, role="committee_member")
    client = case_client(world.principal, world.school)
    for url in _pages(case, attachment).values():
        assert client.get(url).status_code == 404

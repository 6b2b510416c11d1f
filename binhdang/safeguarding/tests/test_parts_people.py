"""People in a case: add, edit, remove through the team's forms; names sealed; the case's
statistics columns follow the first victim."""

import pytest

from binhdang.audit.models import AuditEntry
from binhdang.safeguarding.models import CasePerson
from binhdang.safeguarding.selectors import opened

from .helpers import case_client
from .parts_helpers import MARKER, team_case, url

pytestmark = pytest.mark.usefixtures("sealing_on")


@pytest.fixture
def case(world):
    return team_case(world)


def person_data(**overrides) -> dict:
    data = {"role": "victim", "name": f"Nguyễn Thị {MARKER}", "details": f"Lớp 5A {MARKER}", "sex": "F",
            "age_band": "6-11", "is_child": "on"}
    data.update(overrides)
    return data


def test_member_adds_a_victim_and_the_statistics_columns_follow(world, case):
    client = case_client(world.teacher, world.school)
    response = client.post(url("person_add", case), person_data())
    assert response.status_code == 302 and response["Location"].endswith("#nguoi-lien-quan")
    person = CasePerson.objects.get(case=case)
    assert (person.role, person.sex, person.age_band, person.is_child) == ("victim", "F", "6-11", True)
    assert opened(person, "name_sealed", case) == f"Nguyễn Thị {MARKER}"
    assert MARKER.encode() not in bytes(person.name_sealed) + bytes(person.details_sealed)
    case.refresh_from_db()
    assert (case.victim_sex, case.victim_age_band) == ("F", "6-11")
    row = AuditEntry.objects.get(action="case.person_add")
    assert row.details == {"person": str(person.uid)} and row.actor == world.teacher
    page = client.get(url("case_detail", case)).content.decode()
    assert f"Nguyễn Thị {MARKER}" in page and f"Lớp 5A {MARKER}" in page


def test_first_victim_counts_and_edits_and_removal_recompute(world, case):
    client = case_client(world.unit_lead, world.school)
    client.post(url("person_add", case), person_data(role="witness", sex="M", age_band="18+", is_child=""))
    client.post(url("person_add", case), person_data(sex="M", age_band="12-15"))
    client.post(url("person_add", case), person_data(sex="F", age_band="16-17"))
    case.refresh_from_db()
    assert (case.victim_sex, case.victim_age_band) == ("M", "12-15")  # the first victim, not the witness
    first = CasePerson.objects.filter(case=case, role="victim").order_by("created_at", "id").first()
    response = client.post(url("person_edit", case, person_uid=first.uid),
                           person_data(name="Tên mới", sex="F", age_band="6-11"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.victim_sex, case.victim_age_band) == ("F", "6-11")
    first.refresh_from_db()
    assert opened(first, "name_sealed", case) == "Tên mới"
    client.post(url("person_remove", case, person_uid=first.uid))
    case.refresh_from_db()
    assert (case.victim_sex, case.victim_age_band) == ("F", "16-17")
    for victim in CasePerson.objects.filter(case=case, role="victim"):
        client.post(url("person_remove", case, person_uid=victim.uid))
    case.refresh_from_db()
    assert (case.victim_sex, case.victim_age_band) == ("", "")
    actions = list(AuditEntry.objects.filter(action__startswith="case.person").values_list("action", flat=True))
    assert actions.count("case.person_add") == 3 and "case.person_edit" in actions
    assert actions.count("case.person_remove") == 2


@pytest.mark.parametrize(("overrides", "field"), [
    ({"name": "   "}, "Họ tên: chưa nhập."),
    ({"role": "boss"}, "Vai trò: lựa chọn không hợp lệ."),
    ({"sex": "X"}, "Giới tính: lựa chọn không hợp lệ."),
])
def test_bad_input_is_400_naming_the_field_and_saves_nothing(world, case, overrides, field):
    client = case_client(world.teacher, world.school)
    response = client.post(url("person_add", case), person_data(**overrides))
    assert response.status_code == 400 and field in response.content.decode()
    assert not CasePerson.objects.exists()
    assert not AuditEntry.objects.filter(action="case.person_add").exists()
    case.refresh_from_db()
    assert case.victim_sex == ""


def test_edit_with_bad_input_keeps_the_person(world, case):
    client = case_client(world.teacher, world.school)
    client.post(url("person_add", case), person_data())
    person = CasePerson.objects.get()
    response = client.post(url("person_edit", case, person_uid=person.uid), person_data(name=""))
    assert response.status_code == 400 and "Họ tên: chưa nhập." in response.content.decode()
    person.refresh_from_db()
    assert opened(person, "name_sealed", case) == f"Nguyễn Thị {MARKER}"


def test_a_person_of_another_case_is_404(world, case):
    other = team_case(world)
    client = case_client(world.teacher, world.school)
    client.post(url("person_add", other), person_data())
    person = CasePerson.objects.get(case=other)
    assert client.post(url("person_edit", case, person_uid=person.uid), person_data()).status_code == 404
    assert client.post(url("person_remove", case, person_uid=person.uid)).status_code == 404
    assert CasePerson.objects.filter(pk=person.pk).exists()

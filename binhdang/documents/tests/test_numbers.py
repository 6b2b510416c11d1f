"""The yearly number register: 01, 02, 03 per issuer per year, no gaps, safe under load."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from binhdang.audit.models import AuditEntry
from binhdang.documents.models import IssuedNumber, NumberRegister
from binhdang.documents.services import number_allocate
from binhdang.orgs.models import InternalBody

pytestmark = pytest.mark.django_db


def allocate(world, *, unit=None, body=None, year=2023, doc_type="KH", issuer_code="THPTQS",
             uid="plan-1"):
    return number_allocate(
        actor=world.principal, unit=unit or world.school, body=body, year=year,
        doc_type=doc_type, issuer_code=issuer_code, target_label="Kế hoạch BĐG năm 2023",
        target_uid=uid, target_type="plans.plan",
    )


@pytest.fixture
def committee(world):
    return InternalBody.objects.create(unit=world.school, kind="committee",
                                       name="Ban vì sự tiến bộ của phụ nữ", short_name="BVSTBPN")


def test_numbers_are_sequential_per_issuer_and_year(world):
    issued = [allocate(world, uid=f"plan-{n}") for n in range(3)]
    assert [i.display for i in issued] == ["01/KH-THPTQS", "02/KH-THPTQS", "03/KH-THPTQS"]
    register = NumberRegister.objects.get(issuer_unit=world.school, issuer_body=None, year=2023)
    assert register.last_number == 3
    first = issued[0]
    assert (first.issued_by, first.object_type, first.object_uid, first.doc_type) == (
        world.principal, "plans.plan", "plan-0", "KH")


def test_one_series_for_every_document_type(world):
    plan = allocate(world, doc_type="KH")
    report = allocate(world, doc_type="BC")
    letter = number_allocate(actor=world.principal, unit=world.school, year=2023, doc_type="CV",
                             issuer_code="THPTQS", drafting_unit="VP", target_label="Công văn",
                             target_uid="cv-1")
    assert [plan.display, report.display, letter.display] == [
        "01/KH-THPTQS", "02/BC-THPTQS", "03/THPTQS-VP"]


def test_separate_series_for_a_body_another_year_and_another_unit(world, committee):
    assert allocate(world).display == "01/KH-THPTQS"
    assert allocate(world).display == "02/KH-THPTQS"
    assert allocate(world, body=committee, issuer_code="BVSTBPN").display == "01/KH-BVSTBPN"
    assert allocate(world, year=2024).display == "01/KH-THPTQS"
    assert allocate(world, unit=world.school_b, issuer_code="THPTB").display == "01/KH-THPTB"
    assert allocate(world, body=committee, issuer_code="BVSTBPN").display == "02/KH-BVSTBPN"
    assert allocate(world).display == "03/KH-THPTQS"
    assert NumberRegister.objects.count() == 4


def test_rolled_back_issue_leaves_no_gap(world):
    allocate(world)
    with pytest.raises(RuntimeError), transaction.atomic():
        allocate(world)
        raise RuntimeError("the plan could not be saved")
    assert allocate(world).display == "02/KH-THPTQS"
    assert list(IssuedNumber.objects.values_list("number", flat=True)) == [1, 2]


def test_audit_row_in_the_same_transaction(world):
    issued = allocate(world)
    entry = AuditEntry.objects.get(action="document.number_allocate")
    assert entry.actor == world.principal
    assert entry.acting_unit == world.school
    assert entry.details["number"] == "01/KH-THPTQS"
    assert entry.details["year"] == 2023
    assert entry.target_uid == str(issued.pk)


def test_body_of_another_unit_is_refused(world):
    other_body = InternalBody.objects.create(unit=world.school_b, kind="committee", name="Ban B")
    with pytest.raises(ValidationError) as error:
        allocate(world, body=other_body)
    assert "không thuộc đơn vị" in str(error.value)
    assert not NumberRegister.objects.exists()
    assert not AuditEntry.objects.filter(action="document.number_allocate").exists()


def test_unknown_document_type_is_refused(world):
    with pytest.raises(ValueError):
        allocate(world, doc_type="XX")
    assert not IssuedNumber.objects.exists()


def test_database_refuses_a_second_register_for_the_same_unit_and_year(world, committee):
    NumberRegister.objects.create(issuer_unit=world.school, year=2023)
    NumberRegister.objects.create(issuer_unit=world.school, issuer_body=committee, year=2023)
    with pytest.raises(IntegrityError), transaction.atomic():
        NumberRegister.objects.create(issuer_unit=world.school, year=2023)
    with pytest.raises(IntegrityError), transaction.atomic():
        NumberRegister.objects.create(issuer_unit=world.school, issuer_body=committee, year=2023)


def test_database_refuses_a_number_twice(world):
    issued = allocate(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedNumber.objects.create(register=issued.register, number=1, code="KH-THPTQS",
                                    doc_type="KH")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite serialises writers; row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_allocation_has_no_gaps_or_duplicates(world):
    threads_count, per_thread = 4, 5
    barrier = threading.Barrier(threads_count)
    numbers: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        # Each thread gets its own database connection from Django; close it at the end.
        try:
            barrier.wait(timeout=10)
            for n in range(per_thread):
                issued = allocate(world, uid=f"plan-{index}-{n}")
                with lock:
                    numbers.append(issued.number)
        except BaseException as error:  # reported below, so a failure is not lost
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(numbers) == list(range(1, 21))
    stored = sorted(IssuedNumber.objects.values_list("number", flat=True))
    assert stored == list(range(1, 21))
    assert NumberRegister.objects.get(issuer_unit=world.school, year=2023).last_number == 20
    assert NumberRegister.objects.count() == 1

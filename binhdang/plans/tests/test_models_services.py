"""Saving imported plans: every part lands in its table, citations are linked to the
registry, replaced documents are found, and a failure leaves nothing behind."""

import io
import re
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from binhdang.audit.models import AuditEntry
from binhdang.legal.models import DocumentStatus, LegalDocument
from binhdang.legal.services import registry_sync
from binhdang.plans import selectors, services
from binhdang.plans.importing import read_plan_file
from binhdang.plans.models import (
    ImportNoteKind,
    LegalBasis,
    Plan,
    PlanImportNote,
    PlanSection,
    Recipient,
    SectionKind,
    Task,
)

from .test_import_command import SEEDS

SEED_000 = SEEDS / "000_b75ea42580e22e9e.txt"
SEED_001 = SEEDS / "001_1e38a6a36f82991c.txt"

pytestmark = pytest.mark.django_db


def _parsed(path: Path):
    return read_plan_file(path.name, path.read_bytes())


def _save(world, path: Path, **kwargs) -> Plan:
    return services.plan_create_from_parsed(actor=world.principal, unit=world.school, parsed=_parsed(path), **kwargs)


def test_seed_000_saves_groups_recipients_signer_and_year(world):
    registry_sync()
    plan = _save(world, SEED_000)
    assert plan.title == "Triển khai thực hiện công tác bình đẳng giới năm 2023"
    assert plan.year == 2023  # guessed from the title
    assert plan.status == "draft"
    assert plan.issuer_unit == world.school
    assert plan.created_by == world.principal
    assert (plan.signer_position, plan.signer_name) == ("HIỆU TRƯỞNG", "Nguyễn Ngọc Chín")
    groups = list(plan.task_groups.order_by("position"))
    assert len(groups) == 5
    assert groups[0].title == ("Đẩy mạnh truyền thông, tuyên truyền, phổ biến, giáo dục chính sách, "
                               "pháp luật về bình đẳng giới")
    assert groups[4].title.startswith("Tổ chức Tháng hành động vì bình đẳng giới")
    # The "+" item under a "-" item of group 1 is nested, not flattened.
    nested = Task.objects.filter(group=groups[0], parent__isnull=False)
    assert nested.count() == 1
    assert nested.get().parent.group == groups[0]
    assert [t.position for t in groups[2].tasks.order_by("position")] == [1, 2, 3, 4]
    recipients = list(plan.recipients.order_by("position").values_list("name", "purpose"))
    assert len(recipients) == 4
    assert recipients[0] == ("Sở GDĐT", "để báo cáo")
    assert [s.kind for s in plan.sections.order_by("position")] == [
        SectionKind.PURPOSES, SectionKind.TASKS, SectionKind.ORGANISATION]
    assert plan.sections.get(position=1).heading == "I."
    assert plan.sections.get(position=1).body[0]["items"]  # the item tree is kept
    assert "Trường THPT Quế Sơn" in plan.intro
    assert plan.closing.startswith("Trên đây là Kế hoạch")


def test_seed_000_citations_are_linked_to_the_registry(world):
    registry_sync()
    before = LegalDocument.objects.count()
    plan = _save(world, SEED_000)
    bases = list(plan.legal_basis.order_by("position").select_related("document"))
    assert len(bases) == 11
    assert all(b.document is not None and b.document.number == b.number for b in bases)
    preamble = [b.number for b in bases if b.in_preamble]
    assert preamble == ["6830/KH-UBND", "559/SGDĐT-CTHSSV"]
    assert "559/SGD ĐT-CTHSSV" in bases[1].raw  # the source text is kept as written
    # Every number the seed cites is in the registry already: nothing new is created.
    assert LegalDocument.objects.count() == before
    assert selectors.replaced_citations(plan).count() == 0


def test_unknown_numbers_create_registry_rows_in_force(world):
    plan = _save(world, SEED_000)  # registry empty: every citation is new
    document = LegalDocument.objects.get(number="21-CT/TW")
    assert document.kind == "party"
    assert document.status == DocumentStatus.IN_FORCE
    assert document.issued_on.isoformat() == "2018-01-20"
    assert plan.legal_basis.get(number="21-CT/TW").document == document
    assert LegalDocument.objects.get(number="125/2021/NĐ-CP").kind == "normative"


def test_seed_001_targets_no_signer_and_import_notes(world):
    registry_sync()
    plan = _save(world, SEED_001)
    assert plan.year == 2022
    assert plan.targets.count() == 4
    assert plan.targets.get(position=3).text.startswith("Tạo điều kiện để các em nữ học sinh")
    assert not plan.has_signer and plan.signer_name == ""
    assert list(plan.recipients.values_list("name", flat=True)) == ["Phòng GD-ĐT"]
    notes = list(plan.import_notes.all())
    texts = [n.text for n in notes]
    assert "Văn bản bị cắt: không tìm thấy người ký (chức vụ, họ tên)." in texts
    assert all(n.kind == ImportNoteKind.WARNING for n in notes)
    numbered = next(n for n in notes if n.text.startswith("Dòng 30:"))
    assert numbered.line == 30
    assert [b.number for b in plan.legal_basis.filter(in_preamble=True).order_by("position")] == [
        "605/KH-BVSTBPN", "22/KH-PGDĐT", "05/KH-THLTK"]


def test_replaced_document_shows_in_replaced_citations(world):
    registry_sync()
    plan = _save(world, SEED_001)
    # The seed (2022) cites the domestic-violence law by name: the 2007 law, since replaced.
    replaced = list(selectors.replaced_citations(plan))
    assert [b.number for b in replaced] == ["02/2007/QH12"]
    assert replaced[0].document.replaced_by.number == "13/2022/QH15"
    # A document the registry marks replaced later is found too.
    document = LegalDocument.objects.get(number="22/KH-PGDĐT")
    document.status = DocumentStatus.REPLACED
    document.save(update_fields=["status"])
    assert [b.number for b in selectors.replaced_citations(plan)] == ["22/KH-PGDĐT", "02/2007/QH12"]


def test_unparsed_lines_become_notes(world):
    parsed = _parsed(SEED_000)
    from binhdang.plans.parsing.model import UnparsedLine

    parsed.unparsed.append(UnparsedLine(99, "Dòng lạ không xếp được", "Không xếp được dòng này."))
    plan = services.plan_create_from_parsed(actor=None, unit=world.school, parsed=parsed, year=2024)
    assert plan.year == 2024  # given wins over the title
    note = plan.import_notes.get(kind=ImportNoteKind.UNPARSED)
    assert (note.line, note.text, note.reason) == (99, "Dòng lạ không xếp được", "Không xếp được dòng này.")


def test_audit_row_with_counts(world):
    plan = _save(world, SEED_000)
    entry = AuditEntry.objects.get(action="plan.import", target_uid=str(plan.uid))
    assert entry.actor == world.principal
    assert entry.acting_unit == world.school
    assert entry.details["task_groups"] == 5
    assert entry.details["recipients"] == 4
    assert entry.details["legal_basis"] == 11
    assert entry.details["tasks"] == Task.objects.filter(group__plan=plan).count()


def test_period_plan_reads_its_years(world):
    parsed = _parsed(SEED_000)
    parsed.title = "Thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2025"
    plan = services.plan_create_from_parsed(actor=None, unit=world.school, parsed=parsed, kind="period")
    assert (plan.period_start, plan.period_end, plan.year) == (2021, 2025, None)


def test_all_or_nothing_when_a_child_fails(world, monkeypatch):
    registry_sync()
    documents = LegalDocument.objects.count()

    def boom(*args, **kwargs):
        raise RuntimeError("lỗi giả lập khi ghi nơi nhận")

    monkeypatch.setattr(Recipient.objects, "bulk_create", boom)
    with pytest.raises(RuntimeError):
        _save(world, SEED_000)
    assert Plan.objects.count() == 0
    assert PlanSection.objects.count() == 0
    assert LegalBasis.objects.count() == 0
    assert PlanImportNote.objects.count() == 0
    assert LegalDocument.objects.count() == documents
    assert not AuditEntry.objects.filter(action="plan.import").exists()


def test_unknown_kind_is_refused(world):
    with pytest.raises(ValueError, match="Loại kế hoạch không hợp lệ"):
        _save(world, SEED_000, kind="weekly")
    assert Plan.objects.count() == 0


def _cli(*args) -> str:
    out = io.StringIO()
    call_command("plan", "import", *map(str, args), stdout=out)
    return out.getvalue()


def test_cli_save_prints_the_uid_of_the_new_plan(world):
    output = _cli(SEED_000, "--save", "--org", world.school.code)
    lines = output.splitlines()
    assert len(lines) == 1
    assert re.fullmatch(r"[0-9a-f-]{36}", lines[0])
    plan = Plan.objects.get(uid=uuid.UUID(lines[0]))
    assert plan.issuer_unit == world.school
    assert plan.task_groups.count() == 5


def test_cli_save_refuses_an_unknown_org(world):
    with pytest.raises(CommandError, match="Không có đơn vị nào mã “khong-co”"):
        _cli(SEED_000, "--save", "--org", "khong-co")
    with pytest.raises(CommandError, match="Cần --org"):
        _cli(SEED_000, "--save")
    assert Plan.objects.count() == 0


def test_cli_save_refuses_a_bad_file(world, tmp_path):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="rỗng"):
        _cli(path, "--save", "--org", world.school.code)
    assert Plan.objects.count() == 0

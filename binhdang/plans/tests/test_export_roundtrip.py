"""Round trip of both seeds: read → save → export DOCX → read again gives the same plan."""

import pytest

from binhdang.documents.rendering.docx import render_docx
from binhdang.plans.exporting import plan_to_document
from binhdang.plans.importing import read_plan_file
from binhdang.plans.models import Plan
from binhdang.plans.services import plan_create_from_parsed

from .structure import plan_structure
from .test_import_command import SEEDS

pytestmark = pytest.mark.django_db

SEED_NAMES = ["000_b75ea42580e22e9e.txt", "001_1e38a6a36f82991c.txt"]


def export_docx(plan: Plan) -> bytes:
    return render_docx(plan_to_document(plan))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_survives_export_and_reimport(world, name):
    world.school.place = "Đống Đa"
    world.school.short_name = "THA"
    world.school.save()
    first = read_plan_file(name, (SEEDS / name).read_bytes())
    plan = plan_create_from_parsed(actor=None, unit=world.school, parsed=first)
    second = read_plan_file("export.docx", export_docx(plan))
    expected, got = plan_structure(first), plan_structure(second)
    for key in expected:
        assert got[key] == expected[key], key
    assert not second.unparsed, [u.to_json() for u in second.unparsed]
    header = second.header
    assert (header.issuer_parent, header.issuer) == ("UBND XÃ A", "TRƯỜNG TIỂU HỌC A")
    assert header.place == "Đống Đa"


def test_structure_is_not_trivially_equal(world):
    """The comparison sees content: both seeds differ in every part."""
    a, b = (plan_structure(read_plan_file(n, (SEEDS / n).read_bytes())) for n in SEED_NAMES)
    for key in ("title", "citations", "sections", "tasks", "recipients", "signer"):
        assert a[key] != b[key], key
    assert a["tasks"] and b["targets"] and a["signer"]


def test_plan_written_in_the_app_without_sections(world):
    """Tasks and targets entered in the app, no section rows: the export adds the section."""
    from binhdang.plans.models import Target, Task, TaskGroup

    plan = Plan.objects.create(issuer_unit=world.school, title="Kế hoạch bình đẳng giới năm 2026", year=2026,
                               signer_position="HIỆU TRƯỞNG", signer_name="Trần Thị Bình")
    group = TaskGroup.objects.create(plan=plan, position=1, title="Tuyên truyền trong nhà trường")
    first = Task.objects.create(group=group, position=1, text="Sinh hoạt dưới cờ về bình đẳng giới",
                                responsible="Đoàn trường")
    Task.objects.create(group=group, position=1, parent=first, text="Mỗi tháng một chủ đề")
    Target.objects.create(plan=plan, position=1, text="Toàn trường tham gia sinh hoạt")
    parsed = read_plan_file("export.docx", export_docx(plan))
    structure = plan_structure(parsed)
    assert [(s[0], s[1]) for s in structure["sections"]] == [("I.", "NHIỆM VỤ, GIẢI PHÁP")]
    assert structure["tasks"] == [("Tuyên truyền trong nhà trường", [
        ("Sinh hoạt dưới cờ về bình đẳng giới (Chủ trì: Đoàn trường)", [("Mỗi tháng một chủ đề", [])])])]
    assert structure["targets"] == ["Toàn trường tham gia sinh hoạt"]
    assert structure["signer"] == ("", "", "HIỆU TRƯỞNG", "Trần Thị Bình")


TWO_TASK_PARTS = """KẾ HOẠCH
Công tác bình đẳng giới năm 2024
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức về bình đẳng giới.
II. NHIỆM VỤ TRỌNG TÂM
1. Tuyên truyền
- Sinh hoạt dưới cờ.
2. Tập huấn
- Tập huấn cho giáo viên.
III. GIẢI PHÁP THỰC HIỆN
Phân công rõ người phụ trách.
1. Kiểm tra
- Kiểm tra định kỳ.
IV. TỔ CHỨC THỰC HIỆN
- Ban giám hiệu chỉ đạo chung.
Trên đây là kế hoạch của nhà trường./.
Nơi nhận:
- Phòng GDĐT (để báo cáo);
- Lưu: VT.
HIỆU TRƯỞNG
Nguyễn Văn An
"""


def test_groups_stay_in_their_own_tasks_section(world):
    first = read_plan_file("plan.txt", TWO_TASK_PARTS.encode())
    assert [g.title for g in first.tasks] == ["Tuyên truyền", "Tập huấn", "Kiểm tra", "GIẢI PHÁP THỰC HIỆN"]
    plan = plan_create_from_parsed(actor=None, unit=world.school, parsed=first)
    second = read_plan_file("export.docx", export_docx(plan))
    assert plan_structure(second) == plan_structure(first)
    assert [s.heading for s in second.sections] == [s.heading for s in first.sections]


def test_docx_blanks_are_one_column_but_space_pushed_columns_stay_two():
    import io

    import docx

    from binhdang.plans.parsing import docx_text

    document = docx.Document()
    document.add_paragraph("Số:      /KH-THA")
    document.add_paragraph("Đống Đa, ngày      tháng      năm 2024")
    document.add_paragraph("Số: 05/KH-THA          Đống Đa, ngày 05 tháng 3 năm 2024")
    out = io.BytesIO()
    document.save(out)
    assert docx_text(io.BytesIO(out.getvalue())).split("\n") == [
        "Số:   /KH-THA", "Đống Đa, ngày   tháng   năm 2024",
        "Số: 05/KH-THA          Đống Đa, ngày 05 tháng 3 năm 2024"]


def test_a_dated_plan_names_the_authority_of_its_date(world):
    """A 2023 plan of a school moved in 2025 keeps its 2023 authority in the header; a draft
    without a date names today's."""
    import datetime as dt

    from binhdang.orgs.services import org_unit_move
    from binhdang.plans.exporting import plan_to_document
    from binhdang.plans.models import Plan

    old_parent = world.school.parent
    org_unit_move(actor=None, acting_unit=None, unit=world.school, new_parent=world.province,
                  on_date=dt.date(2025, 7, 1))
    world.school.refresh_from_db()
    plan = Plan.objects.create(issuer_unit=world.school, title="Kế hoạch năm 2023", document_date=dt.date(2023, 3, 1))
    assert plan_to_document(plan).parent_body == old_parent.name.upper()
    draft = Plan.objects.create(issuer_unit=world.school, title="Kế hoạch năm 2026")
    assert plan_to_document(draft).parent_body == world.province.name.upper()

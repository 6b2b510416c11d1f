"""Roster import pages: permissions, bad files refused with nothing saved, preview, import, worker."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from binhdang.orgs.models import SchoolClass
from binhdang.people.importing.pipeline import prepare
from binhdang.people.importing.services import roster_upload_create
from binhdang.people.models import RosterImport, StaffMember, Student

from .import_helpers import STUDENTS, students_xlsx, xlsx_bytes
from .test_import_reading import PNG

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(data: bytes, name: str = "danh-sach.xlsx"):
    return SimpleUploadedFile(name, data, content_type=XLSX)


def _post(client, data: bytes, name="danh-sach.xlsx", kind=""):
    return client.post(reverse("people:import"), {"file": _file(data, name), "kind": kind})


def _nothing_saved():
    assert StaffMember.objects.count() == 0
    assert Student.objects.count() == 0
    assert SchoolClass.objects.count() == 0
    assert RosterImport.objects.count() == 0


def _upload_for(world, unit=None) -> RosterImport:
    data = students_xlsx()
    return roster_upload_create(actor=world.principal, unit=unit or world.school,
                                file=_file(data), prepared=prepare(io.BytesIO(data)))


def test_upload_page_permissions(world, login):
    assert login(world.teacher).get(reverse("people:import")).status_code == 403
    assert login(world.no_role).get(reverse("people:import")).status_code == 404
    response = login(world.committee_member).get(reverse("people:import"))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


@pytest.mark.parametrize("name", ["import_preview", "import_progress"])
def test_import_pages_of_another_school(world, login, name):
    upload = _upload_for(world)
    url = reverse(f"people:{name}", args=[upload.uid])
    assert login(world.outsider).get(url).status_code == 404
    assert login(world.teacher).get(url).status_code == 403
    response = login(world.committee_member).get(url)
    assert response.status_code in (200, 302)
    if name == "import_preview":
        assert response.status_code == 200
    commit = reverse("people:import_commit", args=[upload.uid])
    assert login(world.outsider).post(commit).status_code == 404
    assert login(world.teacher).post(commit).status_code == 403
    assert Student.objects.count() == 0


@pytest.mark.parametrize("data, name, message", [
    (PNG, "anh.xlsx", "Tệp không phải Excel hay CSV"),
    (b"", "rong.xlsx", "Tệp trống: không có dữ liệu nào."),
    (xlsx_bytes([["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Lớp"]]), "tieu-de.xlsx",
     "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào (0 dòng)."),
])
def test_bad_files_are_refused_and_nothing_saved(world, login, data, name, message):
    response = _post(login(world.principal), data, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    _nothing_saved()


def test_fifty_megabyte_upload_is_refused(world, login):
    data = b"Ho va ten;Lop\r\n" + b"x" * (50 * 1024 * 1024)
    response = _post(login(world.principal), data, "lon.csv")
    assert response.status_code == 200
    assert "Tệp quá lớn (50 MB); tối đa 20 MB." in response.content.decode()
    _nothing_saved()


@pytest.mark.parametrize("row, message", [
    ([1, "HS001", "Nguyễn Thị Hoa", "Nữa", "05/09/2018", "3A1", ""],
     'giá trị "Nữa" không hợp lệ (dùng Nam hoặc Nữ, để trống nếu chưa rõ)'),
    ([4, "HS002", "Vũ Văn Tùng", "Nam", "05/09/2018", "3A1", ""], 'mã "HS002" trùng với dòng 2'),
])
def test_row_problems_block_the_import(world, login, row, message):
    client = login(world.principal)
    response = _post(client, students_xlsx([*STUDENTS[1:], row]))
    upload = RosterImport.objects.get()
    assert response.status_code == 302 and response.url == reverse("people:import_preview", args=[upload.uid])
    page = client.get(response.url).content.decode()
    assert message.replace('"', "&quot;") in page
    assert 'id="commit"' not in page
    # The "Nhập" button is absent, and a forced post imports nothing either.
    response = client.post(reverse("people:import_commit", args=[upload.uid]))
    assert response.url == reverse("people:import_preview", args=[upload.uid])
    assert Student.objects.count() == 0 and SchoolClass.objects.count() == 0


def test_upload_preview_import_and_reimport(world, login):
    client = login(world.principal)
    response = _post(client, students_xlsx())
    upload = RosterImport.objects.get()
    assert (upload.kind, upload.total_rows, upload.status, upload.errors) == ("students", 3, "previewed", [])
    assert upload.file.name == f"imports/{upload.uid}"
    page = client.get(response.url).content.decode()
    assert "Nguyễn Thị Hoa" in page and 'id="commit"' in page
    response = client.post(reverse("people:import_commit", args=[upload.uid]))
    assert response.url == reverse("people:import_progress", args=[upload.uid])
    upload.refresh_from_db()
    assert (upload.status, upload.created_count, upload.updated_count, upload.processed_rows) == ("done", 3, 0, 3)
    assert "Đã nhập xong: thêm mới 3, cập nhật 0." in client.get(response.url).content.decode()
    # A second click does nothing more.
    client.post(reverse("people:import_commit", args=[upload.uid]))
    assert Student.objects.count() == 3
    # The same file again updates the three people.
    _post(client, students_xlsx())
    second = RosterImport.objects.exclude(pk=upload.pk).get()
    client.post(reverse("people:import_commit", args=[second.uid]))
    second.refresh_from_db()
    assert (second.created_count, second.updated_count) == (0, 3)
    assert Student.objects.count() == 3


def test_unknown_column_is_mapped_by_the_user(world, login):
    client = login(world.principal)
    data = xlsx_bytes([["Họ và tên", "Phái tính", "Lớp"], ["Ngô Thị Lan", "Nữ", "2B"]])
    _post(client, data)
    upload = RosterImport.objects.get()
    column = next(c for c in upload.column_mapping if c["header"] == "Phái tính")
    assert column["field"] == ""
    page = client.get(reverse("people:import_preview", args=[upload.uid])).content.decode()
    assert "chưa nhận ra" in page
    client.post(reverse("people:import_preview", args=[upload.uid]),
                {"kind": "students", "col-0": "full_name", "col-1": "sex", "col-2": "class_name"})
    upload.refresh_from_db()
    assert [c["field"] for c in upload.column_mapping] == ["full_name", "sex", "class_name"]
    client.post(reverse("people:import_commit", args=[upload.uid]))
    assert Student.objects.get().sex == "F"


def test_conflicting_mapping_is_explained(world, login):
    client = login(world.principal)
    _post(client, students_xlsx())
    upload = RosterImport.objects.get()
    response = client.post(reverse("people:import_preview", args=[upload.uid]),
                           {"kind": "students", "col-1": "full_name", "col-2": "full_name"}, follow=True)
    assert 'Cột &quot;Mã học sinh&quot; và cột &quot;Họ và tên&quot; cùng được gán là' in response.content.decode()


def test_large_file_runs_on_the_worker(world, login, settings, django_capture_on_commit_callbacks):
    settings.ROSTER_SYNC_ROW_LIMIT = 2
    client = login(world.principal)
    rows = [[n, f"HS{n:03d}", f"Trần Thị {chr(65 + n)}", "Nữ", "01/02/2017", "4A", ""] for n in range(7)]
    _post(client, students_xlsx(rows))
    upload = RosterImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("people:import_commit", args=[upload.uid]))
    assert len(callbacks) == 1
    assert response.url == reverse("people:import_progress", args=[upload.uid])
    upload.refresh_from_db()
    assert (upload.status, upload.processed_rows, upload.total_rows, upload.created_count) == ("done", 7, 7, 7)
    assert Student.objects.count() == 7


def test_progress_page_polls_while_running(world, login):
    upload = _upload_for(world)
    RosterImport.objects.filter(pk=upload.pk).update(status="running")
    from binhdang.people.importing.progress import clear_progress, write_progress

    write_progress(upload.uid, 2)
    try:
        response = login(world.principal).get(reverse("people:import_progress", args=[upload.uid]),
                                               HTTP_HX_REQUEST="true")
    finally:
        clear_progress(upload.uid)
    html = response.content.decode()
    assert 'hx-trigger="every 1s"' in html and '<progress value="2" max="3">' in html
    assert "<html" not in html
    RosterImport.objects.filter(pk=upload.pk).update(status="done", processed_rows=3)
    html = login(world.principal).get(reverse("people:import_progress", args=[upload.uid])).content.decode()
    assert "hx-trigger" not in html


def test_not_a_school(world, login):
    from binhdang.accounts.models import Membership

    Membership.objects.create(user=world.committee_member, unit=world.commune, role="commune_officer")
    client = login(world.committee_member)
    session = client.session
    session["binhdang_active_unit"] = str(world.commune.uid)
    session.save()
    response = client.get(reverse("people:import"))
    assert response.status_code == 200 and 'enctype="multipart/form-data"' not in response.content.decode()


def test_links_only_for_managers(world, login):
    assert reverse("people:import") in login(world.principal).get(reverse("people:students")).content.decode()
    assert reverse("people:import") in login(world.principal).get(reverse("core:home")).content.decode()
    assert reverse("people:import") not in login(world.teacher).get(reverse("people:students")).content.decode()

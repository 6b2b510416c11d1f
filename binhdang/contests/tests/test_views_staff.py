"""Staff pages: opening a contest through the form, results by class, participation, most missed,
slips, the XLSX export and the certificates PDF."""

import datetime as dt
import io
import shutil
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from binhdang.contests import attempts
from binhdang.contests.models import Answer, CertificateFile, Contest
from binhdang.testing import client_in

from .helpers import class_with_students, contest_for, entrant

pytestmark = pytest.mark.django_db


def _play(contest, given, right: int):
    """`given` answers the first `right` questions right and the rest wrong, then submits."""
    attempt = attempts.attempt_open(entrant=entrant(contest, given))
    for index, row in enumerate(Answer.objects.filter(attempt=attempt).select_related("question")):
        correct = [c.pk for c in row.question.choices.all() if c.is_correct]
        wrong = [c.pk for c in row.question.choices.all() if not c.is_correct][:1]
        ok = index < right
        attempts.answer_save(attempt=attempt, question_uid=row.question.uid, choice_ids=correct if ok else wrong,
                             text=(row.question.accepted_answers or ["?"])[0] if ok else "sai")
    return attempts.attempt_submit(attempt=attempt)


def test_a_teacher_opens_a_contest_with_the_form(world):
    klass = class_with_students(world)
    client = client_in(world.teacher, world.school)
    now = timezone.localtime()
    form = {"title": "Hiểu luật – sống bình đẳng", "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"), "time_limit_minutes": 20,
            "question_count": 10, "max_attempts": 1, "shuffle": "on", "classes": [klass.pk]}
    response = client.post(reverse("contests:create"), form)
    contest = Contest.objects.get()
    assert response["Location"] == reverse("contests:detail", args=[contest.uid])
    assert contest.classes.get().entrants.count() == 3
    assert contest.activity.kind == "contest" and contest.activity.title == "Hiểu luật – sống bình đẳng"
    assert contest.created_by == world.teacher


def test_a_whole_grade_is_invited_with_its_classes(world):
    one = class_with_students(world)
    class_with_students(world, "3A2", girls=("Dung",), boys=())
    class_with_students(world, "4A1", girls=("Hoa",), boys=(), grade=4)
    now = timezone.localtime()
    form = {"title": "Khối 3 thi", "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"), "time_limit_minutes": 20,
            "question_count": 5, "max_attempts": 1, "grades": [3], "classes": [one.pk]}
    assert client_in(world.teacher, world.school).post(reverse("contests:create"), form).status_code == 302
    contest = Contest.objects.get()
    assert sorted(c.school_class.name for c in contest.classes.all()) == ["3A1", "3A2"]
    assert {e.student.given_name for c in contest.classes.all() for e in c.entrants.all()} == {
        "An", "Bình", "Cường", "Dung"}


def test_the_form_names_the_field_and_saves_nothing(world):
    klass = class_with_students(world)
    client = client_in(world.teacher, world.school)
    now = timezone.localtime()
    form = {"title": "Thi thử", "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"), "time_limit_minutes": 20,
            "question_count": 90, "max_attempts": 1, "classes": [klass.pk]}
    response = client.post(reverse("contests:create"), form)
    assert response.status_code == 400
    assert "Số câu mỗi lượt: ngân hàng không đủ câu hỏi (lớp 3A1 chỉ có" in response.content.decode()
    assert not Contest.objects.exists()
    response = client.post(reverse("contests:create"), {})
    assert response.status_code == 400 and not Contest.objects.exists()
    empty = {**form, "question_count": 5, "classes": []}
    response = client.post(reverse("contests:create"), empty)
    assert "Lớp tham gia: hãy chọn ít nhất một lớp (hoặc mời cán bộ, giáo viên)." in response.content.decode()


def test_results_pages_rank_classes_and_students(world):
    contest = contest_for(world, [class_with_students(world), class_with_students(world, "3A2", girls=("Dung",),
                                                                                 boys=())], question_count=4)
    _play(contest, "An", 4)
    _play(contest, "Cường", 1)
    _play(contest, "Dung", 2)
    client = client_in(world.counsellor, world.school)
    page = client.get(reverse("contests:detail", args=[contest.uid])).content.decode()
    assert "2/3" in page and "1/1" in page  # took part / invited per class
    klass = contest.classes.get(school_class__name="3A1")
    ranking = client.get(reverse("contests:class", args=[contest.uid, klass.uid])).content.decode()
    assert ranking.index("Lê Thị An") < ranking.index("Lê Văn Cường") and "Lê Thị Bình" in ranking  # Bình: not yet
    # The commune sees aggregates, no names: its schools' contests with participants and average score.
    commune = client_in(world.commune_officer, world.commune)
    above = commune.get(reverse("contests:detail", args=[contest.uid]))
    assert above.status_code == 200 and "Lê Thị An" not in above.content.decode()
    listing = commune.get(reverse("contests:list")).content.decode()
    assert "Trường Tiểu học A" in listing and "<td>3</td>" in listing and "58%" in listing  # (4+1+2)/12


def test_the_xlsx_export_has_the_ranking_and_the_missed_questions(world):
    contest = contest_for(world, [class_with_students(world)], question_count=4)
    _play(contest, "An", 4)
    _play(contest, "Bình", 0)
    response = client_in(world.teacher, world.school).get(reverse("contests:export", args=[contest.uid]))
    book = load_workbook(io.BytesIO(response.content))
    ranking = list(book["Xếp hạng"].values)
    assert ranking[1][:5] == (1, "Lê Thị An", "3A1", "Nữ", 4) and ranking[2][1] == "Lê Thị Bình"
    missed = list(book["Câu hay sai"].values)
    assert len(missed) == 5 and all(row[2] == 1 for row in missed[1:])  # each of Bình's 4 questions


def test_slips_show_each_students_personal_code(world):
    contest = contest_for(world, [class_with_students(world)])
    klass = contest.classes.get()
    page = client_in(world.teacher, world.school).get(
        reverse("contests:slips", args=[contest.uid, klass.uid])).content.decode()
    assert all(e.pin in page for e in klass.entrants.all()) and klass.join_code in page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/ensure-office.sh")
def test_certificates_pdf_names_the_best(world, tmp_path, django_capture_on_commit_callbacks):
    contest = contest_for(world, [class_with_students(world)], question_count=4)
    teacher = client_in(world.teacher, world.school)
    response = teacher.post(reverse("contests:certificates", args=[contest.uid]), {"hang": "2"}, follow=True)
    assert "Chưa có học sinh nào đạt" in response.content.decode() and not CertificateFile.objects.exists()
    _play(contest, "An", 4)
    _play(contest, "Cường", 3)
    _play(contest, "Bình", 0)
    with django_capture_on_commit_callbacks(execute=True):  # the worker's run
        response = teacher.post(reverse("contests:certificates", args=[contest.uid]), {"hang": "2"})
    made = CertificateFile.objects.get()
    assert response["Location"] == reverse("contests:certificates_status", args=[made.uid])
    assert made.status == CertificateFile.Status.DONE, made.error
    assert "Giấy chứng nhận đã sẵn sàng" in teacher.get(response["Location"]).content.decode()
    # The same awards: the same file, no second run; outsiders and the school's counsellor cannot fetch it.
    with django_capture_on_commit_callbacks(execute=True):
        teacher.post(reverse("contests:certificates", args=[contest.uid]), {"hang": "2"})
    assert CertificateFile.objects.count() == 1
    download = reverse("contests:certificates_download", args=[made.uid])
    assert client_in(world.outsider, world.other_school).get(download).status_code == 404
    assert client_in(world.counsellor, world.school).get(download).status_code == 403
    response = teacher.get(download)
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"".join(response.streaming_content))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("GIẤY CHỨNG NHẬN") == 2
    assert "Lê Thị An" in text and "Lê Văn Cường" in text and "Bình" not in text
    assert "Đạt hạng 1" in text and "4/4" in text


def test_students_enrolled_later_get_a_personal_code(world):
    from binhdang.activities.tests.people_work import student

    contest = contest_for(world, [class_with_students(world)])
    contest_class = contest.classes.get()
    student(world.school, "Giang", "F", contest_class.school_class)
    client = client_in(world.teacher, world.school)
    url = reverse("contests:class_refresh", args=[contest.uid, contest_class.uid])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # again: nobody twice
    numbers = dict(contest_class.entrants.values_list("student__given_name", "number"))
    assert numbers["Giang"] == 4 and len(numbers) == 4


def test_staff_take_part_with_their_own_code_and_count_as_staff(world, django_capture_on_commit_callbacks):
    from binhdang.activities.models import Participation
    from binhdang.activities.tests.people_work import staff

    staff(world.school, "Hoa", "F")
    staff(world.school, "Nam", "M", family="Trần", middle="Văn")
    contest = contest_for(world, [class_with_students(world)], question_count=4, staff=True)
    group = contest.classes.get(school_class__isnull=True)
    assert [e.person.given_name for e in group.entrants.all()] == ["Hoa", "Nam"]
    assert contest.activity.audiences == ["students", "staff"]
    hoa = group.entrants.get(staff__given_name="Hoa")
    with django_capture_on_commit_callbacks(execute=True):
        attempts.attempt_submit(attempt=attempts.attempt_open(entrant=hoa))
    with django_capture_on_commit_callbacks(execute=True):
        _play(contest, "An", 2)
    counts = {(p.group, p.sex): p.count for p in Participation.objects.filter(activity=contest.activity)}
    assert counts == {("staff", "F"): 1, ("students", "F"): 1}
    client = client_in(world.teacher, world.school)
    page = client.get(reverse("contests:detail", args=[contest.uid])).content.decode()
    assert "Cán bộ, giáo viên, nhân viên" in page and group.join_code in page
    ranking = client.get(reverse("contests:class", args=[contest.uid, group.uid])).content.decode()
    assert "Nguyễn Thị Hoa" in ranking
    join = Client().get(reverse("contests:join_class", args=[group.join_code])).content.decode()
    assert "1. Nguyễn T. Hoa" in join and "Họ tên" in join

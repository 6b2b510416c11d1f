"""Authorization matrix rows of contests (see test_authz_matrix.py for the columns).

Students have no accounts: their pages answer every role alike (the join pages 200, an attempt
404 to any browser that did not sign in as its entrant)."""

from binhdang.contests.models import Attempt, Contest

from .authz_rows import Row

ALL_200 = "200 200 200 200 200 200 200 200 200 200 200"
ALL_404 = "404 404 404 404 404 404 404 404 404 404 404"
ALL_405 = "405 405 405 405 405 405 405 405 405 405 405"


def school_contest(world) -> Contest:
    """One contest of school A for a class of three students (built once per world)."""
    from binhdang.contests.tests.helpers import class_with_students, contest_for

    contest = Contest.objects.filter(unit=world.school).first()
    return contest or contest_for(world, [class_with_students(world)])


def contest_uid(world) -> dict:
    return {"uid": school_contest(world).uid}


def commune_contest_uid(world) -> dict:
    """A contest of the commune for its schools' grade 3 (its school parts made on the worker)."""
    import datetime as dt

    from django.utils import timezone

    from binhdang.contests.above import contest_create_above

    contest = Contest.objects.filter(unit=world.commune).first()
    if contest is None:
        now = timezone.now()
        contest = contest_create_above(actor=world.commune_officer, unit=world.commune, grades=[3], data={
            "title": "Liên trường", "description": "", "opens_at": now, "closes_at": now + dt.timedelta(days=1),
            "time_limit_minutes": 10, "question_count": 3, "max_attempts": 1, "shuffle": False, "topics": []})
    return {"uid": contest.uid}


def certificate_file(world) -> dict:
    """A made certificates PDF of the school's contest (its bytes stand in for LibreOffice's)."""
    from django.core.files.base import ContentFile

    from binhdang.contests.models import CertificateFile

    contest = school_contest(world)
    made = CertificateFile.objects.filter(contest=contest).first()
    if made is None:
        made = CertificateFile(contest=contest, top=3, basis="matrix", status=CertificateFile.Status.DONE)
        made.file.save("c.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
        made.save()
    return {"uid": made.uid}


def contest_class(world) -> dict:
    contest = school_contest(world)
    return {"uid": contest.uid, "class_uid": contest.classes.first().uid}


def join_code(world) -> dict:
    return {"code": school_contest(world).classes.first().join_code}


def attempt_uid(world) -> dict:
    from binhdang.contests.attempts import attempt_open

    contest = school_contest(world)
    attempt = Attempt.objects.filter(contest=contest).first()
    return {"uid": (attempt or attempt_open(entrant=contest.classes.first().entrants.first())).uid}


CONTEST_ROWS = {
    "contests:list": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    # Opening a contest: a teacher (EDIT) for classes of the school; an officer for the schools below.
    "contests:create": [Row("login 200 404 200 403 200 200 200 200 200 200")],
    "contests:bank": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "contests:bank_export": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "contests:bank_import": [Row("login 200 404 403 403 403 200 200 200 200 200")],
    "contests:detail": [
        Row("login 404 404 200 200 200 200 200 200 200 200", contest_uid),
        # The commune's own page (schools' results, no names): the commune and the Sở above it.
        Row("login 404 404 404 404 404 404 404 200 200 200", commune_contest_uid, note="commune"),
    ],
    # Children's names: read with the school itself chosen (officers above see the aggregates only).
    "contests:class": [Row("login 404 404 200 200 200 200 200 403 403 403", contest_class)],
    "contests:slips": [Row("login 404 404 200 403 200 200 200 403 403 403", contest_class)],
    # Adding newly enrolled students: EDIT at the school (POST only; officers above are EDIT too).
    "contests:class_refresh": [
        Row("login 405 405 405 405 405 405 405 405 405 405", contest_class, note="POST"),
        Row("login 404 404 302 403 302 302 302 302 302 302", contest_class, method="post", note="post")],
    "contests:export": [Row("login 404 404 200 200 200 200 200 403 403 403", contest_uid)],
    # Nobody has submitted yet: the allowed roles are sent back to the contest with a message.
    # Asking for the certificates: POST (no one has played yet: back to the contest with a message).
    "contests:certificates": [
        Row("login 405 405 405 405 405 405 405 405 405 405", contest_uid, note="POST"),
        Row("login 404 404 302 403 302 302 302 403 403 403", contest_uid, method="post", note="post"),
    ],
    "contests:certificates_status": [Row("login 404 404 200 403 200 200 200 403 403 403", certificate_file)],
    "contests:certificates_download": [Row("login 404 404 200 403 200 200 200 403 403 403", certificate_file)],
    "contests:join": [Row(ALL_200)],
    "contests:join_class": [Row(ALL_200, join_code)],
    "contests:attempt": [Row(ALL_404, attempt_uid)],
    "contests:result": [Row(ALL_404, attempt_uid)],
    "contests:answer": [Row(ALL_405, attempt_uid, note="POST"),
                        Row(ALL_404, attempt_uid, method="post", note="post")],
    "contests:submit": [Row(ALL_405, attempt_uid, note="POST"),
                        Row(ALL_404, attempt_uid, method="post", note="post")],
    "contests:again": [Row(ALL_405, attempt_uid, note="POST"),
                       Row(ALL_404, attempt_uid, method="post", note="post")],
}

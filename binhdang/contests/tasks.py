"""Background work of contests, run by `binhdang db_worker`."""

from django_tasks import task

from . import participation
from .models import Contest


@task()
def sync_participation(contest_uid: str) -> None:
    # Recomputed from the attempts each time: duplicate or reordered messages give the same counts.
    contest = Contest.objects.select_related("activity").filter(uid=contest_uid).first()
    if contest is not None:
        participation.sync(contest)


@task()
def prepare_school_contests(contest_uid: str) -> None:
    from .above import school_contests_prepare  # above.py imports this module

    contest = Contest.objects.filter(uid=contest_uid).first()
    if contest is not None:
        school_contests_prepare(contest=contest)


@task()
def render_certificates(file_uid: str) -> None:
    from .certificates import certificate_run  # certificates.py imports this module
    from .models import CertificateFile

    made = CertificateFile.objects.filter(uid=file_uid).first()
    # A duplicate message for a file already made (or failed) does nothing.
    if made is not None and made.status == CertificateFile.Status.PENDING:
        certificate_run(made=made)

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

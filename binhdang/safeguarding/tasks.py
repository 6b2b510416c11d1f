"""Background work of student protection, run by `binhdang db_worker`."""

from django_tasks import task


@task()
def send_case_alerts() -> int:
    """E-mail the case alerts not e-mailed yet (content-free; see alerts.py). Several queued runs
    are harmless: each notification is e-mailed once (emailed_at)."""
    from binhdang.activities.reminders import email_pending

    from .alerts import KIND

    return email_pending(kinds=(KIND,))

"""Background work of the review app, run by `binhdang db_worker`."""

from django_tasks import task

from .models import MaterialReview
from .services import review_run


@task()
def run_material_review(review_uid: str) -> None:
    review = MaterialReview.objects.select_related("unit", "created_by").get(uid=review_uid)
    # Only a review still waiting is run: a duplicate message does nothing.
    if review.status == MaterialReview.Status.PENDING:
        review_run(review=review)


@task()
def render_proposal(file_uid: str) -> None:
    from .models import ProposalFile
    from .proposal_files import proposal_run  # proposal_files.py imports this module

    made = ProposalFile.objects.filter(uid=file_uid).first()
    # A duplicate message for a file already made (or failed) does nothing.
    if made is not None and made.status == ProposalFile.Status.PENDING:
        proposal_run(made=made)

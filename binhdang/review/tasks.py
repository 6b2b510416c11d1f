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

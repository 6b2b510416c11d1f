"""Authorization matrix rows of the materials review (see test_authz_matrix.py for the columns).

Reading a review is VIEW on its school (officers above too: rights flow down); deciding on flags and
linking a lesson is EDIT (the counsellor, VIEW, gets 403); sending the proposal is MANAGE."""

from binhdang.review.models import MaterialReview, ReviewFlag

from .authz_rows import Row


def _review(world) -> MaterialReview:
    """A reviewed material of school A with one flag still open (so a send is refused, nothing changes)."""
    review = MaterialReview.objects.filter(unit=world.school, title="matrix").first()
    if review is None:
        review = MaterialReview.objects.create(unit=world.school, title="matrix", original_name="matrix.txt",
                                               status=MaterialReview.Status.DONE, progress=100)
        ReviewFlag.objects.create(review=review, position=1, paragraph=1, sentence="Con gái phải dịu dàng.",
                                  rule="prescriptive", evidence="Con gái phải", explanation="e", suggestion="s")
    return review


def review_uid(world) -> dict:
    return {"uid": _review(world).uid}


def proposal_file_uid(world) -> dict:
    from django.core.files.base import ContentFile

    from binhdang.review.models import ProposalFile

    review = _review(world)
    made = ProposalFile.objects.filter(review=review).first()
    if made is None:
        made = ProposalFile(review=review, basis="matrix", status=ProposalFile.Status.DONE)
        made.file.save("p.docx", ContentFile(b"PK matrix"), save=False)
        made.save()
    return {"uid": made.uid}


def flag_uids(world) -> dict:
    review = _review(world)
    return {"uid": review.uid, "flag_uid": review.flags.get().uid}


def _post_only(kwargs, post: str) -> list[Row]:
    return [
        Row("login 405 405 405 405 405 405 405 405 405 405", kwargs, note="POST"),
        Row(post, kwargs, method="post", note="post"),
    ]


REVIEW_ROWS: dict[str, list[Row]] = {
    # The active unit's reviews (the outsider sees its own school's).
    "review:list": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "review:proposals": [Row("login 200 404 200 200 200 200 200 200 200 200")],
    "review:detail": [Row("login 404 404 200 200 200 200 200 200 200 200", review_uid)],
    "review:status": [Row("login 404 404 200 200 200 200 200 200 200 200", review_uid)],
    # Asking for the proposal DOCX: whoever reads the review (a review still running is refused with a
    # message, 302); the worker's file is then followed and downloaded by the same readers.
    "review:proposal": _post_only(review_uid, "login 404 404 302 302 302 302 302 302 302 302"),
    "review:proposal_status": [Row("login 404 404 200 200 200 200 200 200 200 200", proposal_file_uid)],
    "review:proposal_download": [Row("login 404 404 200 200 200 200 200 200 200 200", proposal_file_uid)],
    # An empty form is refused with a message and a redirect (302); nothing is written.
    "review:decide": _post_only(flag_uids, "login 404 404 302 403 302 302 302 302 302 302"),
    "review:link_lesson": _post_only(review_uid, "login 404 404 302 403 302 302 302 302 302 302"),
    # MANAGE: a flag is still open, so the send is refused with a message (302).
    "review:send": _post_only(review_uid, "login 404 404 403 403 403 302 302 302 302 302"),
}

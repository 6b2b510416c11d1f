"""Background work of the activities app, run by `binhdang db_worker`."""

import logging

from django_tasks import task

from .evidence import evidence_process
from .models import Evidence

logger = logging.getLogger(__name__)


@task()
def make_evidence_thumbnail(evidence_uid: str) -> None:
    """Strip a photo's metadata and make its thumbnail (evidence.evidence_process says why)."""
    evidence = Evidence.objects.select_related("activity").filter(uid=evidence_uid).first()
    if evidence is None:  # deleted before the worker got to it
        return
    try:
        evidence_process(evidence=evidence)
    except Exception:
        # A photo that passed Pillow's verify() but cannot be decoded stays unserved (no thumbnail):
        # the page keeps its placeholder and the log says why.
        logger.exception("evidence %s: photo could not be processed", evidence_uid)

"""Signals any app may send about its own rows, for apps above it to react to without being
imported (the arrows between apps stay one way).

bulk_written: rows were written with bulk_create / bulk_update, which send no post_save.
Arguments: sender = the model class, instances = the rows written (with the related objects the
receivers read already loaded, e.g. an enrollment's class and school year, as the writer built them).
"""

from contextlib import contextmanager

from django.dispatch import Signal

bulk_written = Signal()

# batch(): many rows change one after another (an import, a bulk delete that sends post_delete per
# row); receivers may hold their per-row reactions and run them once at the end (indicators
# recompute each school once instead of once per row). failed=True when the block raised.
batch_started = Signal()
batch_finished = Signal()


@contextmanager
def batch():
    batch_started.send(sender=None)
    failed = True
    try:
        yield
        failed = False
    finally:
        batch_finished.send(sender=None, failed=failed)

"""The per-case data keys of sealed data (issue 5), each stored wrapped by a master key that lives
outside the database."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class SealedKey(models.Model):
    """One random 256-bit data key (one per case), stored only wrapped with AES-GCM by the master
    key `master_key_id`. The wrapped bytes are bound to this row's uid and master key id, so
    they cannot be copied to another row. See binhdang.safeguarding.sealing."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    wrapped = models.BinaryField(editable=False)
    master_key_id = models.PositiveIntegerField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    rotated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khoá dữ liệu niêm phong")
        verbose_name_plural = _("khoá dữ liệu niêm phong")

    def __str__(self) -> str:
        # Never the key bytes, wrapped or not.
        return f"SealedKey {self.uid} (master {self.master_key_id})"

"""Master keys for tests: random at every call, never literal secrets."""

import base64
import os

from binhdang.config.env import MasterKeys, parse_master_keys


def key_line(key_id: int) -> str:
    return f"{key_id}:{base64.urlsafe_b64encode(os.urandom(32)).decode()}"


def ring(*lines: str) -> MasterKeys:
    """MasterKeys from "ID:KEY" lines, the first current (as BINHDANG_SEALING_KEYS reads them)."""
    return parse_master_keys("BINHDANG_SEALING_KEYS", ",".join(lines))

"""Master keys for tests: random at every call, never literal secrets."""

import base64
import os

from binhdang.config.env import MasterKeys, parse_master_keys


def key_line(key_id: int) -> str:
    return f"{key_id}:{base64.urlsafe_b64encode(os.urandom(32)).decode()}"


def ring(*lines: str) -> MasterKeys:
    """MasterKeys from "ID:KEY" lines, the first current (as BINHDANG_SEALING_KEYS reads them)."""
    return parse_master_keys("BINHDANG_SEALING_KEYS", ",".join(lines))


def case_client(user, unit):
    """A client of a case team member (or referred officer) ready to open cases: a confirmed
    TOTP device, the session verified with it, and a re-authentication just now."""
    import time

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from binhdang.safeguarding.access import REAUTH_SESSION_KEY
    from binhdang.testing import client_in

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True)
    client = client_in(user, unit)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[REAUTH_SESSION_KEY] = int(time.time())
    session.save()
    return client

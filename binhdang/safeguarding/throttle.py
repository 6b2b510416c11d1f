"""Counting attempts per client address without storing the address.

The address is turned into a keyed hash (HMAC-SHA256 with SECRET_KEY, truncated) and used only
as a key of Django's default cache, where it expires with its window. Nothing reaches the
database, and the hash cannot be reversed without the secret key. The same applies to case
codes, so a cache dump does not list valid codes either.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def _digest(kind: str, value: str) -> str:
    mac = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256)
    return mac.hexdigest()[:32]


def client_address(request) -> str:
    # Used only as input to the keyed hash above, never stored or logged.
    return request.META.get("REMOTE_ADDR", "")


def hit(kind: str, value: str, window: int) -> int:
    """Count one attempt in the current window and return the count so far."""
    key = f"bd:sg:{kind}:{_digest(kind, value)}"
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def count(kind: str, value: str) -> int:
    return cache.get(f"bd:sg:{kind}:{_digest(kind, value)}", 0)


def reset(kind: str, value: str) -> None:
    cache.delete(f"bd:sg:{kind}:{_digest(kind, value)}")

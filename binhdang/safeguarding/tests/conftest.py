import pytest
from django.core.cache import cache

from .helpers import key_line, ring


@pytest.fixture
def sealing_on(settings):
    """A random master key, and an empty cache so throttles start from zero."""
    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))
    cache.clear()
    yield
    cache.clear()

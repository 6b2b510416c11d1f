import pytest
from django.utils import timezone

from binhdang.testing import TODAY


@pytest.fixture
def today(monkeypatch):
    """Freeze the day periods are read on (2026-11-22: current period 2026-2027), so the tests'
    dates mean the same thing whenever they run."""
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return TODAY if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    return TODAY


@pytest.fixture
def sealing_on(settings):
    """Cases need a sealing key (their content is sealed even in tests)."""
    from binhdang.safeguarding.tests.helpers import key_line, ring

    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))

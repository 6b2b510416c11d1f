"""Fixtures of the activity tests."""

import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the code inside queued for after commit (the worker's
    thumbnail task, file deletions), as a real commit would; plain db tests never commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)

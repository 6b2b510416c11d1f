"""Browser: log in and switch unit in Debian chromium."""

import pytest

from binhdang.accounts.models import Membership
from conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_and_switch_unit(page, world):
    # The principal also sits on the commune's committee: two units to switch between.
    Membership.objects.create(user=world.principal, unit=world.commune, role="committee_member")
    browser_login(page, world.principal.username)
    assert page.locator("h1").inner_text() in {world.school.name, world.commune.name}
    with page.expect_navigation():
        page.select_option("#unit-switch", label=world.commune.name)
    assert page.locator("h1").inner_text() == world.commune.name
    with page.expect_navigation():
        page.select_option("#unit-switch", label=world.school.name)
    assert page.locator("h1").inner_text() == world.school.name

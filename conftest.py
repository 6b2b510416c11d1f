"""Shared fixtures: `world` builds the small tree of binhdang.testing with one user per role."""

import pytest

from binhdang.testing import PASSWORD, build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def login(client):
    """login(user) logs the test client in as that user and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def password():
    return PASSWORD


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def _browser():
    """One headless Debian chromium for the session, driven by Playwright."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls made by the
    # test itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(_browser, live_server, request):
    """A fresh browser context per test; `page.base_url` is the live server's address.

    A screenshot is saved to test-artifacts/ when the test fails."""
    context = _browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        from pathlib import Path

        Path("test-artifacts").mkdir(exist_ok=True)
        page.screenshot(path=f"test-artifacts/{request.node.name}.png", full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def browser_login(page, username: str, password: str = PASSWORD) -> None:
    page.goto(page.base_url + "/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(page.base_url + "/")

"""Browser: a teacher asks for the plan as DOCX, watches the status page until the worker has
made the file (htmx polling), and downloads it under the plan's Vietnamese name."""

import io

import docx
import pytest

from binhdang.plans.export_files import plan_export_run
from binhdang.plans.models import PlanExport
from conftest import browser_login

from .test_views import _import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_download_docx_after_the_worker_finishes(page, world, settings):
    # A worker that does not run by itself: the test plays the worker once the page is polling.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    plan = _import(world.school)
    browser_login(page, world.teacher.username)
    page.goto(f"{page.base_url}/ke-hoach/{plan.uid}/")
    with page.expect_navigation():
        page.click("#export-docx")
    assert "Đang tạo tệp DOCX" in page.locator("#export-status").inner_text()
    plan_export_run(export=PlanExport.objects.get(plan=plan))
    link = page.locator("#export-download")
    link.wait_for(timeout=10000)  # the status partial is polled every second
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "Kế hoạch - Triển khai thực hiện công tác bình đẳng giới năm 2023.docx"
    document = docx.Document(io.BytesIO(open(download.path(), "rb").read()))
    assert "Triển khai thực hiện công tác bình đẳng giới năm 2023" in [p.text for p in document.paragraphs]

"""Browser, on a phone: upload a DOCX, watch the progress bar while the worker runs, dismiss one flag,
accept another, and download the proposal."""

import io

import pytest
from docx import Document

from conftest import browser_login

from .samples import docx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LESSON = ["Bài 3. Việc nhà", "Bố đọc báo, còn mẹ nấu cơm.", "Con gái phải biết nấu ăn.",
          "Chị Lan là kĩ sư, anh Minh là y tá."]


class _Queue:
    """Stands in for the worker's queue: the test runs the job itself, so the page is seen waiting."""

    def __init__(self):
        self.uids = []

    def enqueue(self, uid):
        self.uids.append(uid)


def test_upload_watch_progress_decide_and_export(page, world, tmp_path, monkeypatch):
    from binhdang.review import tasks
    from binhdang.review.models import MaterialReview
    from binhdang.review.services import review_run

    queue = _Queue()
    monkeypatch.setattr(tasks, "run_material_review", queue)
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, world.teacher.username)
    page.goto(page.base_url + "/ra-soat/")
    material = tmp_path / "bai3.docx"
    material.write_bytes(docx_bytes(LESSON))
    page.set_input_files("#id_file", str(material))
    page.fill("#id_title", "Tiếng Việt 3 – Bài 3")
    page.click("#review-upload button[type=submit]")
    # Waiting for the worker: the bar shows and the page polls.
    page.wait_for_selector("#review-progress")
    assert page.locator("#review-progress").get_attribute("value") == "0"
    review = MaterialReview.objects.get(uid=queue.uids[0])
    MaterialReview.objects.filter(pk=review.pk).update(status=MaterialReview.Status.RUNNING, progress=40)
    page.wait_for_selector("#review-progress[value='40']")
    MaterialReview.objects.filter(pk=review.pk).update(status=MaterialReview.Status.PENDING)
    review_run(review=MaterialReview.objects.get(pk=review.pk))
    # Done: the poll hands over to the results.
    page.wait_for_selector("#flags")
    flags = page.locator("[data-testid=flag]")
    assert flags.count() == 2
    assert "Bố đọc báo, còn mẹ nấu cơm." in flags.nth(0).inner_text()
    flags.nth(1).locator("button", has_text="Bỏ qua").click()
    page.wait_for_selector("#cau-2 [data-testid=decision]:has-text('Bỏ qua')")
    page.locator("#cau-1 textarea").fill("Sửa trong bản in lại")
    page.locator("#cau-1 button", has_text="Đồng ý sửa").click()
    page.wait_for_selector("#cau-1 [data-testid=decision]:has-text('Đồng ý sửa')")
    assert "Sửa trong bản in lại" in page.locator("#cau-1").inner_text()
    page.click("#proposal-make")  # made by the worker; the page follows it
    page.wait_for_selector("#proposal-done")
    with page.expect_download() as download_info:
        page.click("#proposal-download")
    download = download_info.value
    assert download.suggested_filename == "Đề xuất - Tiếng Việt 3 – Bài 3.docx"
    text = "\n".join(p.text for p in Document(io.BytesIO(open(download.path(), "rb").read())).paragraphs)
    assert "“Bố đọc báo, còn mẹ nấu cơm.”" in text and "Bố và mẹ cùng nấu cơm." in text
    assert "Con gái phải biết nấu ăn." not in text

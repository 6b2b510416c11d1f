"""Browser, phone viewport: a student joins with the class code, loses the connection in the
middle, resumes, finishes and sees the explanations; the teacher sees the class result."""

import pytest

from binhdang.contests import starter
from binhdang.contests.models import Answer, Attempt
from conftest import browser_login

from .helpers import class_with_students, contest_for, entrant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def _answer(page, index: int) -> None:
    """Answer question `index` with its first choice (or "111" for a short answer); wait until saved
    unless the browser is offline."""
    form = page.locator("form.question").nth(index)
    if form.locator("input[type=text]").count():
        form.locator("input[type=text]").fill("111")
        form.locator("input[type=text]").press("Tab")
    else:
        form.locator("label.choice").first.click()


def _sign_in(page, code: str, number: int, pin: str) -> None:
    page.goto(f"{page.base_url}/cuoc-thi/vao/")
    page.fill("#id_code", code.lower())
    with page.expect_navigation():
        page.click("button:has-text('Tiếp tục')")
    page.select_option("#id_entrant", str(number))
    page.fill("#id_pin", pin)
    with page.expect_navigation():
        page.click("button:has-text('Bắt đầu làm bài')")


def test_student_resumes_after_losing_the_connection_and_the_teacher_sees_the_class(page, world, _browser):
    starter.load()  # a transactional test starts from an empty database, without the data migration's rows
    contest = contest_for(world, [class_with_students(world)], question_count=4, shuffle=False)
    person = entrant(contest, "An")
    page.set_viewport_size(PHONE)
    _sign_in(page, person.contest_class.join_code, person.number, person.pin)
    assert page.locator("form.question").count() == 4
    for index in (0, 1):
        _answer(page, index)
        page.locator("form.question").nth(index).locator(".answer-state:has-text('Đã lưu')").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # The connection drops: the third answer cannot be sent and the page says so.
    page.context.set_offline(True)
    _answer(page, 2)
    page.locator("form.question").nth(2).locator(".answer-state:has-text('mất kết nối')").wait_for()
    attempt = Attempt.objects.get(entrant=person)
    assert Answer.objects.filter(attempt=attempt, answered_at__isnull=False).count() == 2
    # Back online, the kept answer is sent by itself.
    page.context.set_offline(False)
    page.locator("form.question").nth(2).locator(".answer-state:has-text('Đã lưu')").wait_for()
    page.context.close()

    # Later, on another phone (no session): signing in again resumes the same attempt.
    phone = _browser.new_context(locale="vi-VN", viewport=PHONE)
    again = phone.new_page()
    again.base_url = page.base_url
    _sign_in(again, person.contest_class.join_code, person.number, person.pin)
    assert again.url.endswith(f"/cuoc-thi/bai/{attempt.uid}/")
    assert again.locator("#answered").inner_text() == "3"
    _answer(again, 3)
    again.locator("form.question").nth(3).locator(".answer-state:has-text('Đã lưu')").wait_for()
    with again.expect_navigation():
        again.click("#submit-form button")
    assert "/ket-qua/" in again.url
    assert again.locator(".explained").count() == 4
    first = Answer.objects.filter(attempt=attempt).select_related("question").first()
    assert first.question.explanation in again.locator(".explained").first.inner_text()
    score = Attempt.objects.get(pk=attempt.pk).score
    assert again.locator("#score").inner_text() == f"{score}/4"
    phone.close()

    # The teacher sees the class result.
    desk = _browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    teacher = desk.new_page()
    teacher.base_url = page.base_url
    browser_login(teacher, "giaovien")
    teacher.goto(f"{teacher.base_url}/cuoc-thi/{contest.uid}/")
    assert "1/3" in teacher.locator("#class-results").inner_text()
    with teacher.expect_navigation():
        teacher.click("#class-results a:has-text('3A1')")
    ranking = teacher.locator("#class-ranking").inner_text()
    assert "Lê Thị An" in ranking and f"{score}/4" in ranking
    desk.close()

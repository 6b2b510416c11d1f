"""Browser: edit a plan's tasks with autosave, reorder, nest and duplicate them, reload, and
meet a second editor's change as a conflict that keeps what was typed."""

import pytest

from binhdang.plans import editing as ed
from binhdang.plans import editing_tasks as et
from binhdang.plans.models import Task
from conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tree(group) -> list:
    def level(parent):
        return [(t.text, level(t)) for t in Task.objects.filter(group=group, parent=parent).order_by("position")]
    return level(None)


def test_edit_tasks_autosave_reorder_nest_duplicate_and_conflict(page, world):
    plan = ed.plan_create_blank(actor=world.committee_member, unit=world.school, kind="yearly", year=2026,
                                title="Kế hoạch bình đẳng giới năm 2026")
    group = et.group_add(actor=None, plan=plan, title="Tuyên truyền", expected=1)
    a, b, c = (et.task_add(actor=None, plan=plan, group_id=group.pk, text=text, expected=None)
               for text in ("Việc A", "Việc B", "Việc C"))

    browser_login(page, world.committee_member.username)
    page.goto(f"{page.base_url}/ke-hoach/{plan.uid}/sua/")
    status = page.locator("#save-status")

    # Autosave on leaving the field.
    page.fill(f"#task-{c.pk}-text", "Việc C: tọa đàm về bình đẳng giới")
    page.keyboard.press("Tab")
    status.filter(has_text="Đã lưu lúc").wait_for()
    assert Task.objects.get(pk=c.pk).text == "Việc C: tọa đàm về bình đẳng giới"

    # Move C up (A, C, B), by mouse.
    page.click(f"#task-{c.pk}-up")
    page.wait_for_function(f"document.querySelector('#group-{group.pk} ol.tasks > li:nth-child(2)').id"
                           f" === 'task-{c.pk}'")
    assert page.get_attribute(f"#task-{c.pk}-up", "aria-label") == "Chuyển lên"
    page.wait_for_load_state("networkidle")
    # Indent C under A, with the keyboard. (Focus coming back to the button after the re-render is
    # not asserted here: under load on CI it raced the settle of the list; see plan_edit.js.)
    page.focus(f"#task-{c.pk}-indent")
    page.keyboard.press("Enter")
    page.locator(f"#task-{a.pk} ol.tasks > li#task-{c.pk}").wait_for()
    page.wait_for_load_state("networkidle")
    # Duplicate C (with its place under A).
    page.click(f"#task-{c.pk}-duplicate")
    page.wait_for_function(f"document.querySelectorAll('#task-{a.pk} ol.tasks > li').length === 2")
    status.filter(has_text="Đã lưu lúc").wait_for()

    # Typing and at once pressing a row button: the save (on leaving the field) and the move
    # are queued one after the other, so the page never conflicts with itself.
    page.fill(f"#task-{b.pk}-text", "Việc B đã sửa")
    page.click(f"#task-{b.pk}-up")
    page.wait_for_function(f"document.querySelector('#group-{group.pk} ol.tasks > li').id === 'task-{b.pk}'")
    status.filter(has_text="Đã lưu lúc").wait_for()

    page.reload()
    texts = page.locator(f"#group-{group.pk} textarea[name=text]").evaluate_all("els => els.map(e => e.value)")
    c_text = "Việc C: tọa đàm về bình đẳng giới"
    assert texts == ["Việc B đã sửa", "Việc A", c_text, c_text]
    assert _tree(group) == [("Việc B đã sửa", []), ("Việc A", [(c_text, []), (c_text, [])])]

    # A second editor changes the plan meanwhile (through the service, as their page would).
    et.task_update(actor=world.principal, plan=plan, task_id=b.pk, fields={"time_frame": "Tháng 11"},
                   expected=None)
    page.fill(f"#task-{a.pk}-text", "Việc A do tôi đang sửa")
    page.keyboard.press("Tab")
    status.filter(has_text="vừa được người khác sửa").wait_for()
    assert page.locator("#save-status a", has_text="Tải lại").is_visible()
    assert page.input_value(f"#task-{a.pk}-text") == "Việc A do tôi đang sửa"
    assert Task.objects.get(pk=a.pk).text == "Việc A"

"""Issue 5, "must show", in a real browser: a student sends a report from the public page on a
phone, gets a code; a case-team member who signs in with 2FA handles it through to closure; the
student reads the reply with code and passphrase; the province's statistics show the count only
once its cell reaches 5."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.safeguarding.consents import consent_record
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import Case, CaseTeamMember, Channel, Stage
from binhdang.safeguarding.people import person_add
from binhdang.testing import PASSWORD

from .test_help_browser import PASS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("sealing_on")]

REPLY = "Cô đã gặp các bạn lớp bên cạnh. Từ mai em vào lớp cùng cô chủ nhiệm."
PHONE = {"width": 390, "height": 844}


def fresh_token(device: TOTPDevice) -> str:
    """A code for a time step the device has not accepted yet (codes are single-use): the test
    device has 2-second steps, so this waits at most one step."""
    while True:
        device.refresh_from_db()
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        if totp.t() > device.last_t:
            return f"{totp.token():0{device.digits}d}"
        time.sleep(0.2)


def student_sends(page, world) -> str:
    page.set_viewport_size(PHONE)
    page.goto(f"{page.base_url}/giup-do/{world.school.code}/")
    page.check("input[name=what][value=bullied]")
    page.fill("#id_narrative", "Các bạn lớp bên cạnh chặn đường và lấy đồ của em")
    page.fill("#id_passphrase", PASS)
    with page.expect_navigation():
        page.click("button:has-text('Gửi cho nhà trường')")
    return page.locator("[data-testid=case-code]").inner_text()


def member_signs_in(page, device):
    page.goto(page.base_url + "/tai-khoan/dang-nhap/")
    page.fill("#id_username", device.user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.fill("#id_token", fresh_token(device))
    with page.expect_navigation():
        page.click("button[type=submit]")


def submit(page, testid: str, fill: dict[str, str], check: tuple[str, ...] = ()):
    """Opens the folded form `testid` on the case page, fills it and sends it (back on the case)."""
    box = page.locator(f"[data-testid={testid}]")
    if box.evaluate("el => el.tagName") == "DETAILS" and not box.evaluate("el => el.open"):
        box.locator("summary").first.click()
    for selector in check:
        box.locator(selector).check()
    for selector, value in fill.items():
        field = box.locator(selector)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    with page.expect_navigation():
        box.locator("button[type=submit]").first.click()


def add_consented_cases(world, n: int):
    """n more cases in the same statistics cell (bullying, girl, 6–11), each with consent."""
    for _i in range(n):
        case = case_create(unit=world.school, channel=Channel.PHONE, category="bullying", narrative="…",
                           actor=world.teacher)
        person_add(actor=world.teacher, case=case, role="victim", name="HS", sex="F", age_band="6-11", is_child=True)
        consent_record(actor=world.teacher, case=case, purpose="statistics", child_aged_7_plus=True,
                       child_agreed=True, parent_agreed=True)


def province_total(page, world) -> str:
    page.goto(page.base_url + "/bao-ve/thong-ke/")
    return page.locator("[data-testid=stats-total]").inner_text().strip()


@pytest.fixture
def new_page(_browser):
    """More browser contexts (the member, the officer), closed at the end so that no open
    connection outlives the live server."""
    contexts = []

    def make(viewport):
        context = _browser.new_context(locale="vi-VN", viewport=viewport)
        contexts.append(context)
        other = context.new_page()
        other.set_default_timeout(15000)
        return other

    yield make
    for context in contexts:
        context.close()


def test_student_report_to_closure_reply_and_province_statistics(page, new_page, world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher, is_leader=True)
    device = TOTPDevice.objects.create(user=world.teacher, name="điện thoại", confirmed=True, step=2)

    code = student_sends(page, world)
    case = Case.objects.get()

    # The member, on a phone too, with 2FA; the list shows the new case.
    member = new_page(PHONE)
    member.base_url = page.base_url
    member_signs_in(member, device)
    member.goto(member.base_url + "/bao-ve/vu-viec/")
    assert member.locator("[data-testid=case-row]").count() == 1
    with member.expect_navigation():
        member.click("[data-testid=case-row] a")
    # Opening a case asks for the password and a code again.
    assert "/bao-ve/xac-nhan/" in member.url
    member.fill("#id_password", PASSWORD)
    member.fill("#id_token", fresh_token(device))
    with member.expect_navigation():
        member.click("button:has-text('Xác nhận')")
    assert "/bao-ve/vu-viec/" in member.url, member.locator("body").inner_text()
    assert "chặn đường" in member.locator("[data-testid=case-narrative]").inner_text()

    submit(member, "form-assess", {"select[name=category]": "bullying"},
           check=("input[name=harm_level][value='2']", "input[name=risk_level][value='2']",
                  "input[name=child_under_16_abused][value=yes]"))
    assert "12 giờ" in member.locator("[data-testid=case-clocks]").inner_text()
    submit(member, "form-ho-tro", {"textarea[name=text]": "Gặp riêng em, cô chủ nhiệm đưa đón ở cổng"})
    submit(member, "form-gia-dinh", {"textarea[name=text]": "Gọi điện cho mẹ em"},
           check=("input[name=informed][value=yes]",))
    submit(member, "form-ke-hoach", {"textarea[name=text]": "Tư vấn hai buổi, làm việc với lớp bên cạnh"})
    member.click("text=Thêm người liên quan")
    member.select_option("#id_person_role", "victim")
    member.fill("#id_person_name", "Học sinh lớp 4A")
    member.select_option("#id_person_sex", "F")
    member.select_option("#id_person_age_band", "6-11")
    with member.expect_navigation():
        member.locator("form[action$='/nguoi/them/'] button[type=submit]").click()
    member.click("text=Ghi nhận sự đồng ý")
    member.select_option("#id_consent_purpose", "statistics")
    member.check("#id_consent_child_agreed")
    member.check("#id_consent_parent_agreed")
    with member.expect_navigation():
        member.locator("form[action$='/dong-y/'] button[type=submit]").click()
    submit(member, "form-can-thiep", {"textarea[name=text]": "Làm việc với giáo viên chủ nhiệm lớp bên cạnh"})
    submit(member, "form-theo-doi", {"textarea[name=text]": "Hai tuần không còn bị chặn đường"})
    submit(member, "form-reply", {"textarea[name=text]": REPLY})
    submit(member, "form-close", {"textarea[name=text]": "Em đã an toàn, gia đình yên tâm"})
    assert member.locator("[data-testid=case-stage]").inner_text() == "Đã đóng"
    case.refresh_from_db()
    assert case.stage == Stage.CLOSED and case.support_at and case.plan_at and case.victim_sex == "F"
    assert member.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # The student reads the reply with the code and the passphrase.
    page.goto(page.base_url + "/giup-do/theo-doi/")
    page.fill("#id_code", code)
    page.fill("#id_passphrase", PASS)
    with page.expect_navigation():
        page.click("button:has-text('Xem')")
    assert REPLY in page.content()

    # The province sees a count only when its cell reaches 5.
    officer = new_page({"width": 1280, "height": 900})
    officer.base_url = page.base_url
    officer.goto(officer.base_url + "/tai-khoan/dang-nhap/")
    officer.fill("#id_username", world.province_officer.username)
    officer.fill("#id_password", PASSWORD)
    with officer.expect_navigation():
        officer.click("button[type=submit]")
    assert province_total(officer, world) == "<5"
    add_consented_cases(world, 3)
    assert province_total(officer, world) == "<5"  # 4
    add_consented_cases(world, 1)
    assert province_total(officer, world) == "5"
    assert "chặn đường" not in officer.content()

"""The public help page (issue 5, item 1): what is stored, what is not, codes and passphrases,
rate limits, the throttle and the hotlines."""

import math

import pytest
from django.test import Client
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding.intake import CODE_ALPHABET, CODE_LENGTH, new_code, normalise_code
from binhdang.safeguarding.models import Case, CaseEntry, CaseTeamMember, Category, Channel, EntryKind, Hotline
from binhdang.safeguarding.sealing import field_context, seal, unseal
from binhdang.safeguarding.views_public import FAIL_LIMIT_CODE, SUBMIT_LIMIT

pytestmark = pytest.mark.usefixtures("sealing_on")

MARKER = "ZEBRA-MARKER-7731"
PASS = "con meo vang"


def _post(client, world, **extra):
    data = {"what": "bullied", "narrative": f"Bạn ấy {MARKER} trêu em", "happening_now": "no",
            "name": "Lan NAME-4411", "school_class": "4A", "passphrase": PASS, "website": "", **extra}
    return client.post(reverse("safeguarding:help", args=[world.school.code]), data,
                       REMOTE_ADDR=extra.pop("addr", "203.0.113.9"), HTTP_USER_AGENT="Kid-Phone/1.0")


def _sent_code(response) -> str:
    text = response.content.decode()
    start = text.index('data-testid="case-code">') + len('data-testid="case-code">')
    return text[start:text.index("<", start)]


def test_entropy_figure():
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 31
    assert not set("01ILO") & set(CODE_ALPHABET)
    assert CODE_LENGTH * math.log2(len(CODE_ALPHABET)) >= 59


def test_codes_are_random_and_unique(world):
    codes = {new_code() for _i in range(2000)}
    assert len(codes) == 2000
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)


def test_submission_seals_and_stores_no_person_or_address(world):
    member = CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    client = Client(enforce_csrf_checks=False)
    response = _post(client, world)
    assert response.status_code == 200
    code = _sent_code(response)
    case = Case.objects.get()
    assert normalise_code(code) == case.code
    assert case.channel == Channel.HELP_PAGE and case.category == Category.BULLYING
    assert case.recorded_by is None
    narrative = unseal(case.key, case.narrative_sealed, field_context(case, "narrative_sealed"))
    assert narrative == f"Bạn ấy {MARKER} trêu em"
    assert unseal(case.key, case.reporter_name_sealed, field_context(case, "reporter_name_sealed")) == "Lan NAME-4411"
    assert unseal(case.key, case.reporter_class_sealed, field_context(case, "reporter_class_sealed")) == "4A"
    assert case.passphrase_hash.startswith("argon2$argon2id$") and PASS not in case.passphrase_hash
    # No address, no user agent, no marker in any column of the case or its audit row.
    row = str(Case.objects.filter(pk=case.pk).values().get())
    audit = AuditEntry.objects.get(action="case.create")
    audit_text = str(AuditEntry.objects.filter(pk=audit.pk).values().get())
    for secret in ("203.0.113.9", "Kid-Phone", MARKER, "NAME-4411"):
        assert secret not in row
        assert secret not in audit_text
    assert case.code not in audit_text
    assert audit.actor is None and audit.target_uid == str(case.uid) and audit.details == {}
    # The case team hears that something arrived, not what or who.
    note = Notification.objects.get(user=member.user)
    assert note.title == "Có yêu cầu hỗ trợ mới cần xử lý" and note.url == "/thong-bao/"
    assert MARKER not in note.body + note.title and case.code not in note.url + note.body
    assert not Notification.objects.exclude(user=member.user).exists()


def test_marker_absent_from_database_file(world, transactional_db):
    _post(Client(), world)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT narrative_sealed FROM safeguarding_case")
        stored = bytes(cursor.fetchone()[0])
    assert MARKER.encode() not in stored and "trêu".encode() not in stored
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and name and "memory" not in str(name):
        connection.close()
        for suffix in ("", "-wal"):
            try:
                with open(f"{name}{suffix}", "rb") as handle:
                    assert MARKER.encode() not in handle.read()
            except FileNotFoundError:
                pass


def test_happening_now_shows_the_urgent_advice(world):
    Hotline.objects.create(unit=world.province, name="Đường dây nóng Sở A", number="0209 123 456")
    response = _post(Client(), world, happening_now="yes")
    text = response.content.decode()
    assert 'class="urgent"' in text and "tel:111" in text and "0209 123 456" in text
    assert Case.objects.get().happening_now is True


def test_bad_input_and_honeypot_store_nothing(world):
    assert _post(Client(), world, passphrase="ngan").status_code == 400
    assert _post(Client(), world, website="http://spam.example").status_code == 400
    assert not Case.objects.exists()


def test_csrf_is_enforced(world):
    response = _post(Client(enforce_csrf_checks=True), world)
    assert response.status_code == 403 and not Case.objects.exists()


@pytest.mark.parametrize("code", ["khong-co", "xa-a", "so-a"])
def test_unknown_or_non_school_is_404(world, code):
    assert Client().get(reverse("safeguarding:help", args=[code])).status_code == 404
    assert Client().get(reverse("safeguarding:poster", args=[code])).status_code == 404


def test_closed_school_is_404(world):
    import datetime

    world.school.valid_to = datetime.date(2025, 7, 1)
    world.school.save(update_fields=["valid_to"])
    assert Client().get(reverse("safeguarding:help", args=[world.school.code])).status_code == 404


def test_hotlines_on_every_screen(world, django_assert_max_num_queries):
    Hotline.objects.create(unit=world.province, name="Đường dây nóng Sở A", number="0209 123 456")
    Hotline.objects.create(unit=world.other_province, name="Sở X", number="0999 000 000")
    client = Client()
    pages = [
        client.get(reverse("safeguarding:help", args=[world.school.code])),
        client.get(reverse("safeguarding:poster", args=[world.school.code])),
        client.get(reverse("safeguarding:follow_up") + f"?truong={world.school.code}"),
    ]
    sent = _post(client, world)
    pages.append(sent)
    pages.append(client.post(reverse("safeguarding:follow_up"),
                             {"code": _sent_code(sent), "passphrase": PASS, "truong": world.school.code}))
    pages.append(client.post(reverse("safeguarding:follow_up"), {"code": "X", "passphrase": "y" * 8,
                                                                 "truong": world.school.code}))
    for page in pages:
        text = page.content.decode()
        assert "tel:111" in text and "0209 123 456" in text, page.request["PATH_INFO"]
        assert "0999 000 000" not in text
    # school_b hangs directly under the province: found by the same walk.
    text = client.get(reverse("safeguarding:help", args=[world.school_b.code])).content.decode()
    assert "0209 123 456" in text


def test_poster_has_qr_to_the_absolute_url(world, settings):
    settings.BINHDANG_SITE_URL = "https://binhdang.example.vn"
    text = Client().get(reverse("safeguarding:poster", args=[world.school.code])).content.decode()
    assert "https://binhdang.example.vn/giup-do/truong-a/" in text
    assert 'src="data:image/svg+xml;base64,' in text and "@media print" not in text  # print CSS is in help.css


def test_follow_up_right_and_wrong_passphrase(world):
    client = Client()
    code = _sent_code(_post(client, world))
    case = Case.objects.get()
    reply = CaseEntry(case=case, kind=EntryKind.MESSAGE_OUT, at=case.received_at)
    reply.text_sealed = seal(case.key, "Cô đã đọc, mai cô gặp em nhé", field_context(reply, "text_sealed"))
    reply.save()
    url = reverse("safeguarding:follow_up")
    ok = client.post(url, {"code": code.lower().replace("-", " "), "passphrase": PASS})
    assert ok.status_code == 200 and "Cô đã đọc, mai cô gặp em nhé" in ok.content.decode()
    wrong = client.post(url, {"code": code, "passphrase": "sai mat khau"})
    unknown = client.post(url, {"code": "ABCDEFGHJKMN", "passphrase": PASS})
    assert wrong.status_code == unknown.status_code == 400
    assert "Cô đã đọc" not in wrong.content.decode()
    error = "Mã số hoặc mật khẩu không đúng."
    assert error in wrong.content.decode() and error in unknown.content.decode()
    # The student adds a message: stored sealed, the team is told without content.
    CaseTeamMember.objects.create(unit=world.school, user=world.counsellor)
    sent = client.post(url, {"code": code, "passphrase": PASS, "text": f"Em {MARKER} sợ lắm"})
    assert sent.status_code == 200 and f"Em {MARKER} sợ lắm" in sent.content.decode()
    entry = CaseEntry.objects.get(kind=EntryKind.MESSAGE_IN)
    assert MARKER.encode() not in bytes(entry.text_sealed)
    assert Notification.objects.filter(user=world.counsellor).count() == 1


def test_wrong_passphrases_are_rate_limited_per_code(world):
    client = Client()
    code = _sent_code(_post(client, world))
    url = reverse("safeguarding:follow_up")
    for index in range(FAIL_LIMIT_CODE):
        assert client.post(url, {"code": code, "passphrase": f"sai-{index}-xx"},
                           REMOTE_ADDR=f"198.51.100.{index}").status_code == 400
    # Now even the right passphrase, from yet another address, waits.
    blocked = client.post(url, {"code": code, "passphrase": PASS}, REMOTE_ADDR="198.51.100.200")
    assert blocked.status_code == 429 and "Hãy đợi 15 phút" in blocked.content.decode()


def test_wrong_passphrases_are_rate_limited_per_address(world):
    client = Client()
    code = _sent_code(_post(client, world))
    url = reverse("safeguarding:follow_up")
    statuses = [client.post(url, {"code": new_code(), "passphrase": "doan-bua-x"}, REMOTE_ADDR="192.0.2.7").status_code
                for _i in range(25)]
    assert statuses[:20] == [400] * 20 and set(statuses[20:]) == {429}
    assert client.post(url, {"code": code, "passphrase": PASS}, REMOTE_ADDR="192.0.2.7").status_code == 429
    assert client.post(url, {"code": code, "passphrase": PASS}, REMOTE_ADDR="192.0.2.8").status_code == 200


def test_throttle_bounds_a_thousand_posts(world, django_assert_max_num_queries):
    from binhdang.testing import client_in

    staff = client_in(world.principal, world.school)
    with django_assert_max_num_queries(1000) as before:
        baseline = staff.get(reverse("core:home"))
    client = Client()
    statuses = [_post(client, world).status_code for _i in range(1000)]
    assert statuses.count(200) == SUBMIT_LIMIT and statuses.count(429) == 1000 - SUBMIT_LIMIT
    assert Case.objects.count() == SUBMIT_LIMIT
    assert "đợi một phút" in _post(client, world).content.decode()
    # Another address is not held back by this one.
    assert _post(client, world, addr="203.0.113.10").status_code == 200
    with django_assert_max_num_queries(1000) as after:
        again = staff.get(reverse("core:home"))
    assert again.status_code == baseline.status_code == 200
    assert len(after.captured_queries) == len(before.captured_queries)

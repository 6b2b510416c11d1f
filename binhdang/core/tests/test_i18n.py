"""The interface is Vietnamese by default and fully available in English."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from binhdang.accounts.middleware import SESSION_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_vietnamese():
    # LocaleMiddleware leaves the last request's language active in the thread; without
    # this, tests that run later would see English messages.
    yield
    translation.activate(settings.LANGUAGE_CODE)

LOCALE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"


def _po_entries(path: Path) -> list[dict]:
    """msgid/msgstr pairs of a .po file (enough of the format for makemessages output)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        flags = ""
        current = None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags = line
            elif match := re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line):
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            entries.append({"fields": fields, "flags": flags})
    return entries


def test_every_string_has_an_english_translation():
    entries = _po_entries(LOCALE / "django.po")
    assert len(entries) > 300
    untranslated = [e["fields"]["msgid"] for e in entries
                    if not all(v for k, v in e["fields"].items() if k.startswith("msgstr"))]
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    fuzzy = [e["fields"]["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert not fuzzy, f"fuzzy (ignored by gettext): {fuzzy[:10]}"


def test_compiled_catalogue_matches_the_po_file():
    # CI machines may lack gettext, so django.mo is committed: it must not lag behind.
    with open(LOCALE / "django.mo", "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    for entry in _po_entries(LOCALE / "django.po"):
        fields = entry["fields"]
        if "msgid_plural" in fields:
            assert catalogue.ngettext(fields["msgid"], fields["msgid_plural"], 1) == fields["msgstr[0]"]
            assert catalogue.ngettext(fields["msgid"], fields["msgid_plural"], 5) == fields["msgstr[1]"]
        elif "msgctxt" in fields:  # the same words meaning another thing elsewhere ("Tiếp nhận")
            assert catalogue.pgettext(fields["msgctxt"], fields["msgid"]) == fields["msgstr"], fields["msgid"]
        else:
            assert catalogue.gettext(fields["msgid"]) == fields["msgstr"], fields["msgid"]


def test_vietnamese_by_default():
    page = Client().get(reverse("accounts:login")).content.decode()
    assert '<html lang="vi">' in page
    assert "Tên đăng nhập" in page
    assert "Log in" not in page


def test_accept_language_english():
    page = Client(headers={"accept-language": "en"}).get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Log in</h1>" in page
    assert "Username" in page and "Password" in page
    assert "Tên đăng nhập" not in page


def test_set_language_then_english_home_navigation(world):
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/tai-khoan/dang-nhap/"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME in response.cookies
    assert "<h1>Log in</h1>" in client.get(reverse("accounts:login")).content.decode()
    client.force_login(world.principal)
    session = client.session
    session[SESSION_KEY] = str(world.school.uid)
    session.save()
    page = client.get(reverse("core:home")).content.decode()
    assert '<html lang="en">' in page
    for label in ("Overview", "Units", "Staff and students", "Plans", "Log out", "Language",
                  "Your role", "Principal", "The school-year cycle"):
        assert label in page, label
    for label in ("Tổng quan", "Đăng xuất", "Chu trình năm học", "Hiệu trưởng"):
        assert label not in page, label
    # Data stay as entered: the unit's Vietnamese name is not translated.
    assert "Trường Tiểu học A" in page
    # Back to Vietnamese.
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Tổng quan" in client.get(reverse("core:home")).content.decode()


def test_english_form_errors(world):
    client = Client(headers={"accept-language": "en"})
    page = client.post(reverse("accounts:login"), {"username": "giaovien", "password": "sai"}).content.decode()
    assert "Incorrect username or password." in page

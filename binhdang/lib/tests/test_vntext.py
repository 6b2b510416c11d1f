"""Vietnamese text helpers: NFC, folding, alphabetical order, names, spreadsheet headers."""

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from binhdang.lib.vntext import (
    fold,
    format_date,
    full_name,
    header_key,
    name_sort_key,
    nfc,
    sort_key,
    split_full_name,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- nfc, fold ------------------------------------------------------------------------------

def test_nfc_recomposes_decomposed_input():
    decomposed = nfd("Nguyễn Thị Ánh Tuyết")
    assert decomposed != "Nguyễn Thị Ánh Tuyết"
    assert len(decomposed) > len("Nguyễn Thị Ánh Tuyết")
    assert nfc(decomposed) == "Nguyễn Thị Ánh Tuyết"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_collapses_white_space_and_accepts_nothing():
    assert nfc("  Trường \t Tiểu  học\nA ") == "Trường Tiểu học A"
    assert nfc(None) == ""
    assert nfc("") == ""


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đặng Thị Ánh", "dang thi anh"),
        (nfd("Đặng Thị Ánh"), "dang thi anh"),
        ("ĐỖ HỮU ƯỚC", "do huu uoc"),
        ("Quế Sơn", "que son"),
        ("Nguyễn  Văn\tĐức", "nguyen van duc"),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


# --- alphabetical order ---------------------------------------------------------------------

ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()


def test_letters_in_vietnamese_order():
    keys = [sort_key(letter) for letter in ALPHABET]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert sort_key("d") < sort_key("đ") < sort_key("e") < sort_key("ê") < sort_key("g")
    assert sort_key("o") < sort_key("ô") < sort_key("ơ") < sort_key("p")
    assert sort_key("u") < sort_key("ư") < sort_key("v")


def test_letters_decide_before_tones():
    # "Ánh" has a tone, "Anh" none, "Ăn" a different letter: ă sorts after every a-word.
    words = ["Ăn", "Ánh", "Anh", "Ân", "Bà", "Ba", "Đa", "Da", "Ạnh"]
    assert sorted(words, key=sort_key) == ["Anh", "Ánh", "Ạnh", "Ăn", "Ân", "Ba", "Bà", "Da", "Đa"]
    # Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
    assert sorted(["má", "mạ", "mà", "mã", "ma", "mả"], key=sort_key) == [
        "ma", "mà", "mả", "mã", "má", "mạ"]
    # A tone never beats a letter: "ma" with any tone sorts before "mai".
    assert sort_key("mạ") < sort_key("mai")


def test_syllable_by_syllable():
    assert sorted(["Thuận", "Thu Hà", "Thu"], key=sort_key) == ["Thu", "Thu Hà", "Thuận"]
    assert sort_key("an toàn") < sort_key("anh")


def test_case_and_normal_form_do_not_matter():
    assert sort_key("ĐẶNG") == sort_key("đặng") == sort_key(nfd("Đặng"))


def test_digits_before_letters_and_punctuation_ignored():
    assert sort_key("10A1") < sort_key("A")
    assert sort_key("Lê-Hà") == sort_key("LêHà")


def test_name_sort_key_orders_by_given_then_family_then_middle():
    people = [
        ("Trần", "Văn", "An"),
        ("Nguyễn", "Thị", "Ánh"),
        ("Nguyễn", "Văn", "An"),
        ("Lê", "", "Bình"),
        ("Nguyễn", "Hữu", "An"),
        ("Đặng", "Thị", "An"),
        ("Nguyễn", "Thị Thu", "Hà"),
        ("Nguyễn", "Thị", "Hà"),
    ]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert [full_name(*p) for p in ordered] == [
        "Đặng Thị An",       # An: Đặng < Nguyễn < Trần (đ after d, before n)
        "Nguyễn Hữu An",     # same Tên and Họ: Tên đệm decides
        "Nguyễn Văn An",
        "Trần Văn An",
        "Nguyễn Thị Ánh",
        "Lê Bình",
        "Nguyễn Thị Hà",
        "Nguyễn Thị Thu Hà",
    ]


# --- names and headers ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Nguyễn Thị Thu Hà", ("Nguyễn", "Thị Thu", "Hà")),
        ("  Nguyễn   Thị \t Hà  ", ("Nguyễn", "Thị", "Hà")),
        (nfd("Đặng Ánh"), ("Đặng", "", "Ánh")),
        ("Hà", ("", "", "Hà")),
        ("", ("", "", "")),
        ("   ", ("", "", "")),
        ("Tôn Nữ Thị Hồng", ("Tôn", "Nữ Thị", "Hồng")),  # compound Họ are not guessed
    ],
)
def test_split_full_name(text, parts):
    assert split_full_name(text) == parts
    assert full_name(*parts) == nfc(text)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Họ và tên", "ho va ten"),
        ("HỌ VÀ TÊN", "ho va ten"),
        (nfd("Họ  và tên"), "ho va ten"),
        ("  Ngày sinh (dd/mm/yyyy) ", "ngay sinh dd mm yyyy"),
        ("Giới_tính:", "gioi tinh"),
        ("Mã định danh", "ma dinh danh"),
        ("STT", "stt"),
        ("", ""),
    ],
)
def test_header_key(header, key):
    assert header_key(header) == key


def test_format_date():
    assert format_date(dt.date(2023, 1, 5)) == "05/01/2023"
    assert format_date(None) == ""


# --- property: sort_key against an independent reference ------------------------------------

# Each base letter with its tones, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
TONED = {
    "a": "aàảãáạ", "ă": "ăằẳẵắặ", "â": "âầẩẫấậ", "e": "eèẻẽéẹ", "ê": "êềểễếệ",
    "i": "iìỉĩíị", "o": "oòỏõóọ", "ô": "ôồổỗốộ", "ơ": "ơờởỡớợ", "u": "uùủũúụ",
    "ư": "ưừửữứự", "y": "yỳỷỹýỵ",
}
REF_ORDER = list("0123456789") + "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
REF_LETTER = {}
for base, forms in TONED.items():
    for tone, form in enumerate(forms):
        REF_LETTER[form] = (REF_ORDER.index(base), tone)
for letter in REF_ORDER:
    REF_LETTER.setdefault(letter, (REF_ORDER.index(letter), 0))


def reference_key(*parts: str):
    """Syllable-by-syllable letters of each part, then every tone in reading order."""
    letters, tones = [], []
    for part in parts:
        syllables = []
        for syllable in part.lower().split():
            ranks = []
            for ch in syllable:
                if ch in REF_LETTER:
                    rank, tone = REF_LETTER[ch]
                    ranks.append(rank)
                    tones.append(tone)
            if ranks:
                syllables.append(tuple(ranks))
        letters.append(tuple(syllables))
    return tuple(letters), tuple(tones)


ALL_CHARS = sorted(set(REF_LETTER) | {ch.upper() for ch in REF_LETTER})
syllable = st.text(alphabet=ALL_CHARS, min_size=1, max_size=6)
part = st.lists(syllable, min_size=0, max_size=3).map(" ".join)
name = st.tuples(part, part, part)


def _cmp(a, b) -> int:
    return (a > b) - (a < b)


@settings(max_examples=400, deadline=None)
@given(name, name, st.sampled_from(["NFC", "NFD"]))
def test_sort_key_matches_reference_order(first, second, form):
    decomposed = tuple(unicodedata.normalize(form, p) for p in first)
    assert _cmp(sort_key(*decomposed), sort_key(*second)) == _cmp(
        reference_key(*first), reference_key(*second))


@settings(max_examples=200, deadline=None)
@given(st.lists(name, min_size=2, max_size=12))
def test_sorting_by_key_equals_reference_sort(names):
    by_key = sorted(names, key=lambda n: (sort_key(*n), n))
    by_reference = sorted(names, key=lambda n: (reference_key(*n), n))
    assert by_key == by_reference


@given(st.lists(st.text(max_size=20), max_size=3))
def test_sort_key_is_lowercase_ascii_only(words):
    # Only [a-z]: every database collation orders such strings as Python does.
    assert re.fullmatch(r"[a-z]+", sort_key(*words))

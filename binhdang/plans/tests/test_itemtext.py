"""The indented-text form of a section body, both ways."""

from hypothesis import given
from hypothesis import strategies as st

from binhdang.plans.itemtext import items_from_text, items_to_text, split_label


def item(label, text, *items):
    return {"label": label, "text": text, "items": list(items)}


def test_indentation_is_nesting():
    text = "1. Mục đích\n  a) Nâng cao nhận thức\n    - giáo viên\n    + học sinh\n  b) Thay đổi hành vi\n2. Yêu cầu"
    assert items_from_text(text) == [
        item("1.", "Mục đích", item("a)", "Nâng cao nhận thức", item("-", "giáo viên"), item("+", "học sinh")),
             item("b)", "Thay đổi hành vi")),
        item("2.", "Yêu cầu"),
    ]
    assert items_to_text(items_from_text(text)) == text


def test_tolerant_input_tabs_blank_lines_uneven_indentation():
    text = "Mở đầu không nhãn\n\n\t- một\n      - hai\n  -\tba\n đ) bốn"
    assert items_from_text(text) == [
        item("", "Mở đầu không nhãn", item("-", "một", item("-", "hai")), item("-", "ba"), item("đ)", "bốn")),
    ]


def test_labels():
    assert split_label("a) Việc") == ("a)", "Việc")
    assert split_label("1.2. Việc") == ("1.2.", "Việc")
    assert split_label("-Việc") == ("", "-Việc")
    assert split_label("Năm 2026. Việc") == ("", "Năm 2026. Việc")


_labels = st.sampled_from(["", "1.", "2.", "a)", "đ)", "-", "+"])
_words = st.text(alphabet="aăâbcdđeêghikl mnoôơpqrstuưvxyàáạảãĐÊ,", min_size=1, max_size=20)
# No digits, dashes, pluses or brackets: a generated text never starts like a label ("a) …").
_texts = _words.map(lambda s: " ".join(s.split())).filter(bool)
_tree = st.recursive(
    st.builds(lambda label, text: [item(label, text)], _labels, _texts),
    lambda children: st.lists(st.builds(lambda label, text, kids: item(label, text, *kids), _labels, _texts,
                                        children), min_size=1, max_size=3),
    max_leaves=12,
)


@given(_tree)
def test_round_trip(tree):
    assert items_to_text(items_from_text(items_to_text(tree))) == items_to_text(tree)
    assert items_from_text(items_to_text(tree)) == tree

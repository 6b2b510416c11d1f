"""Stereotype flags: precision and recall on the labelled set, and what each flag carries."""

from pathlib import Path

import pytest

from binhdang.review.analysis.flags import review_sentence
from binhdang.review.analysis.suggestions import ADVICE

DATA = Path(__file__).parent / "data"


def labelled(name: str) -> list[tuple[int, str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind, sentence = line.split("\t")
            rows.append((int(label), kind, sentence))
    return rows


def scores(rows) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    wrong = []
    for label, kind, sentence in rows:
        flagged = review_sentence(sentence).flag is not None
        tp += flagged and label == 1
        fp += flagged and label == 0
        fn += (not flagged) and label == 1
        if flagged != bool(label):
            wrong.append(f"{'FP' if flagged else 'FN'} [{kind}] {sentence}")
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), wrong


def test_labelled_set_is_large_enough_and_balanced():
    rows = labelled("labelled.tsv") + labelled("labelled_holdout.tsv") + labelled("labelled_fresh.tsv")
    assert len(rows) >= 200
    kinds = {kind for _, kind, _ in rows}
    assert {"criticism", "equality", "biology", "law", "statistics", "counter"} <= kinds
    assert 0.35 <= sum(label for label, _, _ in rows) / len(rows) <= 0.65


# labelled.tsv: the development set; labelled_holdout.tsv: written before any rule, never used to write one;
# labelled_fresh.tsv: written after the rules and never used to change them.
@pytest.mark.parametrize("name", ["labelled.tsv", "labelled_holdout.tsv", "labelled_fresh.tsv"])
def test_precision_and_recall(name, capsys):
    rows = labelled(name)
    precision, recall, wrong = scores(rows)
    with capsys.disabled():
        print(f"\n{name}: {len(rows)} sentences, precision {precision:.3f}, recall {recall:.3f}")
        for line in wrong:
            print("  ", line)
    assert precision >= 0.85, wrong
    assert recall >= 0.70, wrong


def test_a_flag_has_rule_evidence_explanation_and_suggestion():
    flag = review_sentence("Đàn ông không được khóc.").flag
    assert flag.rule == "prescriptive"
    assert flag.evidence == "Đàn ông không được"
    assert "Đàn ông không được" in flag.explanation
    assert flag.suggestion == "Mọi người đều có thể khóc."


def test_an_occupation_contrast_gets_advice_not_a_broken_sentence():
    flag = review_sentence("Chị Lan làm y tá, anh Minh làm giám đốc công ty.").flag
    assert flag.rule == "role_contrast" and flag.suggestion == ADVICE["role_contrast"]


def test_role_contrast_suggests_sharing_the_care():
    flag = review_sentence("Bố đọc báo, còn mẹ nấu cơm.").flag
    assert (flag.rule, flag.suggestion) == ("role_contrast", "Bố và mẹ cùng nấu cơm.")


def test_saying_is_found_without_diacritics():
    flag = review_sentence("Trai tai gai sac.").flag
    assert flag.rule == "saying" and flag.evidence == "trai tài gái sắc"


@pytest.mark.parametrize("sentence", [
    "Câu tục ngữ “Trai tài gái sắc” thể hiện định kiến giới.",   # quoted to criticise
    "Con gái cũng có thể học giỏi toán.",                         # counter-stereotype
    "Theo Luật Bình đẳng giới, nam và nữ có quyền như nhau.",      # law
    "Phụ nữ mang thai cần được nghỉ ngơi.",                       # biology
    "Có 52% học sinh nữ tham gia câu lạc bộ.",                    # statistics
    "Mẹ phải đi làm sớm.",                                        # one person, not a whole sex
])
def test_not_flagged(sentence):
    assert review_sentence(sentence).flag is None


def test_counter_stereotype_is_counted_as_a_good_example():
    assert review_sentence("Bố giặt quần áo, còn mẹ sửa xe.").counter_example
    assert not review_sentence("Bố đọc báo.").counter_example

"""LegalDocument display helpers."""

from binhdang.legal.models import LegalDocument


def test_full_title_does_not_repeat_the_type_of_a_law_titled_by_name():
    law = LegalDocument(number="73/2006/QH11", doc_type="Luật", title="Luật Bình đẳng giới")
    decree = LegalDocument(number="125/2021/NĐ-CP", doc_type="Nghị định", title="Quy định xử phạt")
    assert law.full_title == "Luật Bình đẳng giới"
    assert decree.full_title == "Nghị định Quy định xử phạt"
    assert LegalDocument(number="1/KH").full_title == ""

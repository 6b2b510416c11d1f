"""Drafting: a report drafted for a school with known records holds exactly those records."""

import datetime as dt

import pytest

from binhdang.indicators.tests.manual import count, rate
from binhdang.reports import workflow
from binhdang.reports.drafting import draft_for

from .builders import activity, issued_plan, rollup, sent_request


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def known(world):
    """School A's records: a plan, four activities (two count), figures of two indicators."""
    school = world.school
    issued_plan(school)
    activity(school, "Chuyên đề bình đẳng giới", dt.date(2025, 11, 20), place="Sân trường",
             people=[("students", "F", 40), ("students", "M", 35), ("staff", "F", 5)], evidence=2)
    activity(school, "Ra mắt câu lạc bộ", dt.date(2025, 12, 1), people=[("students", "F", 12), ("students", "M", 8)])
    activity(school, "Hoạt động trước kỳ báo cáo", dt.date(2025, 11, 10), people=[("students", "F", 99)], evidence=1)
    activity(school, "Hoạt động dự kiến", dt.date(2025, 12, 5), status="planned", people=[("students", "M", 7)])
    clubs, sessions, other = rate(), count(), count(code="khac")
    rollup(school, clubs, "", 30, 120)
    rollup(school, clubs, "sex=F", 18, 60)
    rollup(school, clubs, "sex=M", 12, 60)
    rollup(school, sessions, "", 7)
    rollup(school, clubs, "", 1, 2, period="2024-2025")  # another year: not this report's
    rollup(school, other, "", 5)  # an indicator the request does not ask for
    rollup(world.school_b, sessions, "", 50)  # another school
    return sent_request(world.commune, indicators=[clubs, sessions])


def test_sections_follow_the_request(world, known):
    content = draft_for(known, world.school)
    assert [s["title"] for s in content] == ["Kế hoạch", "Hoạt động", "Nổi bật", "Chỉ số", "Bảo vệ học sinh",
                                              "Đề xuất"]
    assert content[-1] == {"title": "Đề xuất", "kind": "", "text": "", "figures": []}


def test_plan_tasks_and_targets(world, known):
    text = draft_for(known, world.school)[0]["text"]
    assert text.splitlines() == [
        "Thực hiện Kế hoạch số 03/KH-THA “Kế hoạch bình đẳng giới năm học 2025-2026”:", "Nhiệm vụ:",
        "- Tổ chức chuyên đề về bình đẳng giới", "- Thành lập câu lạc bộ", "Chỉ tiêu:",
        "- 100% học sinh được tuyên truyền"]


def test_activities_inside_the_span_only_with_participants_by_sex(world, known):
    content = draft_for(known, world.school)
    assert content[1]["text"].splitlines() == [
        "Từ ngày 15/11/2025 đến ngày 15/12/2025, đã tổ chức 2 hoạt động; số lượt người tham gia: "
        "100 người (57 nữ, 43 nam).",
        "- Ngày 20/11/2025: Chuyên đề bình đẳng giới, tại Sân trường; tham gia: 80 người (45 nữ, 35 nam).",
        "- Ngày 01/12/2025: Ra mắt câu lạc bộ; tham gia: 20 người (12 nữ, 8 nam)."]
    assert content[2]["text"] == "- Chuyên đề bình đẳng giới (ngày 20/11/2025, 2 minh chứng)."


def test_exactly_the_required_figures(world, known):
    figures = draft_for(known, world.school)[3]["figures"]
    assert [(f["indicator"], f["disaggregation"], f["numerator"], f["denominator"], f["value"], f["source"])
            for f in figures] == [
        ("clubs-girls", "", 30, 120, "25.00", "indicators"),
        ("clubs-girls", "sex=F", 18, 60, "30.00", "indicators"),
        ("clubs-girls", "sex=M", 12, 60, "20.00", "indicators"),
        ("counselling-sessions", "", 7, None, "7.00", "indicators"),
    ]


def test_protection_only_suppressed_totals(world, known):
    section = draft_for(known, world.school)[4]
    assert section["text"] == "Số vụ việc được tiếp nhận và hỗ trợ trong thời gian báo cáo: 0."
    assert {f["source"] for f in section["figures"]} == {"safeguarding"}
    assert all(set(f) == {"indicator", "name", "disaggregation", "numerator", "denominator", "value", "suppressed",
                          "source"} for f in section["figures"])
    assert [f["numerator"] for f in section["figures"]] == [0, 0, 0, 0]


def test_refresh_rereads_figures_and_keeps_the_text(world, known):
    report = workflow.report_create(actor=world.committee_member, request=known, unit=world.school)
    texts = [s["text"] for s in report.content]
    texts[3] = "Chữ do trường tự viết."
    workflow.report_edit(actor=world.committee_member, report=report, title=report.title, texts=texts,
                         expected_revision=report.revision)
    rollup_row = known.indicators.get(code="counselling-sessions")
    from binhdang.indicators.models import Rollup

    Rollup.objects.filter(unit=world.school, indicator=rollup_row, disaggregation="").update(numerator=9)
    workflow.report_refresh(actor=world.committee_member, report=report)
    report.refresh_from_db()
    assert report.content[3]["text"] == "Chữ do trường tự viết."
    assert [f["numerator"] for f in report.content[3]["figures"]] == [30, 18, 12, 9]
    assert [e.action for e in report.events.all()] == ["drafted", "edited", "edited"]


def test_a_suppressed_case_count_never_leaves_as_a_number(world, known, monkeypatch):
    from binhdang.reports import drafting
    from binhdang.safeguarding.statistics import Cell, Totals

    calls = []

    def totals(unit, start, end):
        calls.append((unit, start, end))
        return Totals(total=Cell(3, True), by_sex={"F": Cell(2, True), "M": Cell(1, True), "U": Cell(0)})

    monkeypatch.setattr(drafting, "case_count_totals", totals)
    section = draft_for(known, world.school)[4]
    assert calls == [(world.school, dt.date(2025, 11, 15), dt.date(2025, 12, 15))]
    assert [(f["disaggregation"], f["numerator"], f["value"], f["suppressed"]) for f in section["figures"]] == [
        ("", None, None, True), ("sex=F", None, None, True), ("sex=M", None, None, True), ("sex=U", 0, "0", False)]
    assert section["text"].endswith("dưới ngưỡng công bố.")


@pytest.mark.parametrize(("title", "kind"), [
    ("Kết quả thực hiện", "activities"), ("Hoạt động nổi bật", "highlights"), ("Số liệu", "indicators"),
    ("Phòng ngừa, hỗ trợ học sinh", "protection"), ("Kế hoạch năm học", "plan"), ("Khó khăn, đề xuất", "proposals"),
    ("Khó khăn, vướng mắc", ""),
])
def test_a_section_typed_in_the_request_form_gets_its_source(title, kind):
    from binhdang.reports.drafting import section_kind

    assert section_kind(title) == kind


def test_materials_review_proposals_sent_in_the_span_travel_with_the_report(world):
    from binhdang.plans.workflow import VIETNAM
    from binhdang.reports.drafting import draft_for
    from binhdang.review.models import MaterialReview, ReviewFlag

    from .builders import sent_request

    request = sent_request(world.commune, sections=[{"title": "Khó khăn, đề xuất", "kind": "proposals"}])
    inside = dt.datetime(2025, 12, 1, 9, tzinfo=VIETNAM)
    for title, sent_at, accepted in (("Tiếng Việt 3, bài 5", inside, 2), ("Đạo đức 4", None, 1),
                                     ("Toán 2", inside - dt.timedelta(days=60), 1)):
        review = MaterialReview.objects.create(unit=world.school, title=title, original_name="a.docx",
                                               status="done", sent_at=sent_at)
        for n in range(accepted + 1):
            ReviewFlag.objects.create(review=review, position=n, paragraph=1, sentence="x", rule="prescriptive",
                                      evidence="x", decision="accepted" if n < accepted else "dismissed")
    text = draft_for(request, world.commune)[0]["text"]
    assert text.splitlines() == ["Đề xuất từ rà soát tài liệu dạy học:",
                                 "- Đề xuất điều chỉnh tài liệu “Tiếng Việt 3, bài 5” (Trường Tiểu học A): 2 nội dung "
                                 "mang định kiến giới đề nghị sửa, gửi ngày 01/12/2025."]
    # Nothing sent in the span: the section starts empty for the school to write.
    assert draft_for(sent_request(world.other_school.parent or world.province,
                                  sections=[{"title": "Đề xuất", "kind": "proposals"}]), world.other_school)[0][
        "text"] == ""

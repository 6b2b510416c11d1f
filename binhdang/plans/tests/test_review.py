"""The parsed plan's JSON read back (ParsedPlan.from_json_dict) and the import review form's
round trip: what the page shows, sent back unchanged, is exactly what the parser found."""

import pytest
from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from binhdang.plans import review
from binhdang.plans.parsing import ParsedPlan, parse_plan_text

from .test_import_command import SEEDS
from .test_parsing import _FRAGMENTS

SEED_NAMES = ["000_b75ea42580e22e9e.txt", "001_1e38a6a36f82991c.txt"]
TEXTS = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=30)), max_size=25)


def _seed(name: str) -> ParsedPlan:
    return parse_plan_text((SEEDS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("full", [False, True])
def test_seed_json_round_trip(name, full):
    data = _seed(name).to_json_dict(full=full)
    assert ParsedPlan.from_json_dict(data).to_json_dict(full=full) == data


def test_full_json_keeps_what_saving_needs():
    plan = _seed(SEED_NAMES[0])
    again = ParsedPlan.from_json_dict(plan.to_json_dict(full=True))
    assert [line.text for line in again.intro] == [line.text for line in plan.intro]
    assert [line.text for line in again.closing] == [line.text for line in plan.closing]
    assert [(c.citation.raw, c.in_legal_basis) for c in again.citations] == [
        (c.citation.raw, c.in_legal_basis) for c in plan.citations]
    assert [(g.title, [n.text for n in g.items]) for g in again.tasks] == [
        (g.title, [n.text for n in g.items]) for g in plan.tasks]
    assert again.targets == plan.targets


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_any_parsed_text_round_trips_through_json(parts):
    data = parse_plan_text("\n".join(parts)).to_json_dict(full=True)
    assert ParsedPlan.from_json_dict(data).to_json_dict(full=True) == data


def _as_post(state: dict) -> QueryDict:
    """The review page's fields as a browser sends them (names as in import_review.html)."""
    post = QueryDict(mutable=True)
    for key in ("kind", "year", "issuer", "number", "place", "date", "title", "basis", "cited", "intro", "closing"):
        post[key] = state[key]
    post["sections"] = str(len(state["sections"]))
    for i, section in enumerate(state["sections"]):
        post[f"s{i}-heading"], post[f"s{i}-blocks"] = section["heading"], str(len(section["blocks"]))
        for j, block in enumerate(section["blocks"]):
            post[f"s{i}-b{j}-heading"], post[f"s{i}-b{j}-items"] = block["heading"], block["items"]
    post["recipients"] = str(len(state["recipients"]))
    for k, row in enumerate(state["recipients"]):
        post[f"r{k}-name"], post[f"r{k}-purpose"] = row["name"], row["purpose"]
    for key, value in state["signer"].items():
        post[f"signer-{key}"] = value
    return post


def _through_the_form(data: dict) -> tuple[dict, list[str]]:
    state = review.state_from_json(data, kind="yearly")
    posted = review.state_from_post(_as_post(state), unparsed_count=len(data["unparsed"]))
    corrected, errors, dropped = review.json_from_state(posted, data)
    assert dropped == []
    return corrected, errors


@pytest.mark.parametrize("name", SEED_NAMES)
def test_review_form_unchanged_gives_the_parsed_plan(name):
    data = _seed(name).to_json_dict(full=True)
    corrected, errors = _through_the_form(data)
    assert errors == []
    # Citations are read again from their raw text by the citation parser: same result.
    assert {k: v for k, v in corrected.items() if k not in ("kind", "year")} == data
    assert corrected["year"] == {"000": 2023, "001": 2022}[name[:3]]


def test_review_outline_nests_by_indentation_and_reads_labels():
    items = review._parse_outline("- Một\n  + Một một\n\tb) Một hai\nHai\n    - lạc thụt\n")
    assert items == [
        {"label": "-", "text": "Một", "items": [
            {"label": "+", "text": "Một một", "items": []},
            {"label": "b)", "text": "Một hai", "items": []},
        ]},
        {"label": "", "text": "Hai", "items": [{"label": "-", "text": "lạc thụt", "items": []}]},
    ]


def test_review_state_splits_task_groups_and_targets():
    state = review.annotate(review.state_from_json(_seed(SEED_NAMES[1]).to_json_dict(full=True), kind="yearly"))
    part_two = state["sections"][1]
    assert part_two["heading"] == "II. NỘI DUNG HOẠT ĐỘNG" and part_two["is_tasks"]
    assert [b["role"] for b in part_two["blocks"]] == ["group", "group", "group", "targets", "text"]
    assert part_two["blocks"][3]["heading"] == "4. Chỉ tiêu"
    assert len(part_two["blocks"][3]["items"].splitlines()) == 4  # one target per line
    assert state["signer"] == {"authority": "", "on_behalf_of": "", "position": "", "name": ""}
    assert state["sections"][-1] == {"heading": "", "blocks": [{"heading": "", "items": "", "rows": 2,
                                                                  "role": "text"}], "is_targets": False,
                                     "is_tasks": False}


def test_law_named_without_number_takes_the_version_of_the_plan_date():
    data = parse_plan_text("KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Một\n").to_json_dict(full=True)
    state = review.state_from_json(data, kind="yearly")
    state.update(basis="Căn cứ Luật Phòng, chống bạo lực gia đình", date="01/06/2022")
    corrected, errors, _dropped = review.json_from_state(state, data)
    assert errors == []
    assert [(c["number"], c["in_legal_basis"]) for c in corrected["citations"]] == [("02/2007/QH12", True)]
    state["date"] = "01/09/2023"
    corrected, _errors, _dropped = review.json_from_state(state, data)
    assert corrected["citations"][0]["number"] == "13/2022/QH15"


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_any_parsed_text_round_trips_through_the_review_form(parts):
    data = parse_plan_text("\n".join(parts)).to_json_dict(full=True)
    corrected, errors = _through_the_form(data)
    if errors:  # the only refusals a parse can produce: no title, or a citation line not read again
        assert all("Trích yếu" in e or "không nhận ra" in e for e in errors), errors
        return
    assert corrected["sections"] == data["sections"] and corrected["tasks"] == data["tasks"]
    assert corrected["targets"] == data["targets"] and corrected["recipients"] == data["recipients"]
    assert corrected["signer"] == data["signer"] and corrected["unparsed"] == data["unparsed"]

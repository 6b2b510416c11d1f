"""Property: any plan the app can hold (random Vietnamese text, groups, nested tasks, targets,
recipients, signer) exported to DOCX reads back into the same structure."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from binhdang.documents.rendering.docx import render_docx
from binhdang.plans.exporting import plan_to_document, task_text
from binhdang.plans.importing import read_plan_file
from binhdang.plans.models import (
    LegalBasis,
    Plan,
    PlanSection,
    Recipient,
    SectionKind,
    Target,
    Task,
    TaskGroup,
)
from binhdang.testing import make_unit

from .structure import plan_structure, text

pytestmark = pytest.mark.django_db

# Ordinary words of school plans: no digits (no accidental citation numbers), no "luật"
# (a law cited by name), and no word that opens a part of the frame ("Trên đây", "Nơi nhận").
WORDS = ("giáo viên học sinh bình đẳng giới tuyên truyền nhà trường phụ nữ hoạt động tổ chức tập huấn "
         "kỹ năng phòng ngừa bạo lực an toàn thân thiện đoàn thể tham gia phối hợp xây dựng đánh giá "
         "sơ kết chủ đề ngoại khóa lồng ghép nội dung sinh hoạt dưới cờ cha mẹ em gái trai quyền lợi "
         "trách nhiệm nâng cao nhận thức thường xuyên hiệu quả").split()
FAMILY, MIDDLE, GIVEN = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng"], ["Thị", "Văn", "Ngọc", "Minh"], \
    ["Hoa", "Chín", "Bình", "Hương", "Đức"]
SIGNERS = [("", "", "HIỆU TRƯỞNG"), ("KT.", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"),
           ("TM.", "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ", "TRƯỞNG BAN"), ("TL.", "HIỆU TRƯỞNG", "TRƯỞNG PHÒNG"),
           ("Q.", "", "HIỆU TRƯỞNG")]
PURPOSES = ["", "để báo cáo", "để thực hiện", "để phối hợp"]


@st.composite
def sentence(draw, low=2, high=12):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=low, max_size=high))
    return " ".join([words[0].capitalize(), *words[1:]])


def task_nodes(depth):
    leaf = st.builds(lambda text, fields: {"text": text, "fields": fields, "children": []}, sentence(),
                     st.lists(sentence(1, 3), min_size=4, max_size=4) | st.just(["", "", "", ""]))
    if depth == 1:
        return st.lists(leaf, min_size=1, max_size=3)
    return st.lists(st.builds(lambda node, children: {**node, "children": children}, leaf,
                              task_nodes(depth - 1) | st.just([])), min_size=1, max_size=3)


@st.composite
def purposes_items(draw):
    """Subsections "1.", "2." holding paragraphs and "-" items (with "+" under them), then a), b)."""
    subsections = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        plain = draw(st.lists(st.tuples(st.sampled_from(["", "-"]), sentence(),
                                        st.lists(sentence(), max_size=2)), max_size=3))
        items = [{"label": label, "text": t, "items": [{"label": "+", "text": s, "items": []} for s in subs]
                  if label == "-" else []} for label, t, subs in plain]
        letters = draw(st.lists(st.tuples(sentence(), st.lists(sentence(), max_size=2)), max_size=3))
        items += [{"label": f"{'abcdđeg'[i]})", "text": t,
                   "items": [{"label": "-", "text": s, "items": []} for s in subs]}
                  for i, (t, subs) in enumerate(letters)]
        subsections.append({"label": f"{number}.", "text": draw(sentence(1, 5)), "items": items})
    return subsections


plans = st.fixed_dictionaries({
    "title": sentence(3, 12),
    "citations": st.lists(st.tuples(st.integers(1, 9999), st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31)),
                                    sentence()), max_size=3, unique_by=lambda c: c[0]),
    "intro": sentence(),
    "purposes": purposes_items(),
    "groups": st.lists(st.tuples(sentence(2, 8), task_nodes(3)), min_size=1, max_size=3),
    "targets": st.lists(sentence(), max_size=3),
    "targets_own_section": st.booleans(),
    "organisation": st.lists(sentence(), min_size=1, max_size=3),
    "recipients": st.lists(st.tuples(sentence(1, 4), st.sampled_from(PURPOSES)), min_size=1, max_size=4),
    "signer": st.none() | st.tuples(st.sampled_from(SIGNERS), st.sampled_from(FAMILY), st.sampled_from(MIDDLE),
                                    st.sampled_from(GIVEN)),
})


def _save_tasks(group, nodes, parent=None):
    for position, node in enumerate(nodes, start=1):
        responsible, cooperating, time_frame, output = node["fields"]
        task = Task.objects.create(group=group, position=position, parent=parent, text=node["text"],
                                   responsible=responsible, cooperating=cooperating, time_frame=time_frame,
                                   expected_output=output)
        node["task"] = task
        _save_tasks(group, node["children"], task)


def _tree(nodes):
    return [(n["label"], text(n["text"]), _tree(n["items"])) for n in nodes]


def _task_tree(nodes):
    return [(text(task_text(n["task"])), _task_tree(n["children"])) for n in nodes]


def build(unit, spec) -> tuple[Plan, dict]:
    """The plan in the database, and the structure its export must read back as."""
    authority, on_behalf, position, name = ("", "", "", "")
    if spec["signer"]:
        (authority, on_behalf, position), *names = spec["signer"]
        name = " ".join(names)
    plan = Plan.objects.create(issuer_unit=unit, title=spec["title"], intro=spec["intro"], year=2024,
                               signer_authority=authority, signer_on_behalf_of=on_behalf,
                               signer_position=position, signer_name=name)
    citations = [(f"{n}/KH-PGDĐT", day) for n, day, _about in spec["citations"]]
    for position_, ((number, day), (_n, _d, about)) in enumerate(zip(citations, spec["citations"], strict=True), 1):
        raw = f"Kế hoạch số {number} ngày {day:%d/%m/%Y} của Phòng GD&ĐT về {about[0].lower()}{about[1:]}"
        LegalBasis.objects.create(plan=plan, position=position_, number=number, raw=raw, in_preamble=True)
    own = spec["targets_own_section"] and spec["targets"]
    sections = [("I.", "MỤC ĐÍCH, YÊU CẦU", SectionKind.PURPOSES, spec["purposes"]),
                ("II.", "NHIỆM VỤ, GIẢI PHÁP", SectionKind.TASKS, [])]
    sections += [("III.", "CHỈ TIÊU", SectionKind.TARGETS, [])] if own else []
    sections += [(f"{'IV' if own else 'III'}.", "TỔ CHỨC THỰC HIỆN", SectionKind.ORGANISATION,
                  [{"label": "-", "text": t, "items": []} for t in spec["organisation"]])]
    for position_, (heading, title, kind, body) in enumerate(sections, start=1):
        PlanSection.objects.create(plan=plan, position=position_, heading=heading, title=title, kind=kind, body=body)
    for position_, (title, nodes) in enumerate(spec["groups"], start=1):
        _save_tasks(TaskGroup.objects.create(plan=plan, position=position_, title=title), nodes)
    for position_, target in enumerate(spec["targets"], start=1):
        Target.objects.create(plan=plan, position=position_, text=target)
    for position_, (recipient, purpose) in enumerate(spec["recipients"], start=1):
        Recipient.objects.create(plan=plan, position=position_, name=recipient, purpose=purpose)

    expected_sections = []
    for heading, title, kind, body in sections:
        items = [("-", text(t), []) for t in spec["targets"]] if kind == SectionKind.TARGETS else _tree(body)
        expected_sections.append((heading, title, [] if kind == SectionKind.TASKS else items))
    expected = {
        "title": text(spec["title"]),
        "citations": citations,
        "sections": expected_sections,
        "tasks": [(text(title), _task_tree(nodes)) for title, nodes in spec["groups"]],
        "targets": [text(t) for t in spec["targets"]],
        "recipients": [(text(r), p) for r, p in spec["recipients"]] + [("Lưu: VT", "")],
        "signer": (authority, on_behalf, position, name) if spec["signer"] else None,
    }
    return plan, expected


@pytest.fixture
def unit(db):
    province = make_unit("so-p", "department", name="Sở GD&ĐT P")
    school = make_unit("truong-p", "school", province, "primary", name="Trường Tiểu học P")
    school.place = "Hội An"
    school.save()
    return school


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=plans)
def test_any_plan_reads_back_the_same(unit, spec):
    with transaction.atomic():
        plan, expected = build(unit, spec)
        parsed = read_plan_file("export.docx", render_docx(plan_to_document(plan)))
        assert plan_structure(parsed) == expected
        assert not parsed.unparsed, [u.to_json() for u in parsed.unparsed]
        transaction.set_rollback(True)

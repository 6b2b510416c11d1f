"""What a plan *says*, as comparable data: the round-trip proofs parse a file, save it, export
it and parse the export, and expect the same structure from both parses.

Terminal punctuation is compared without its last mark: the official layout sets it (";" on
every legal-basis and recipient line but the last, "./." at the end of the text).
"""

from binhdang.lib.vntext import nfc
from binhdang.plans.parsing import ParsedPlan
from binhdang.plans.services import _task_roots, section_kind

FINAL_MARK = "./."


def text(value: str) -> str:
    value = nfc(value)
    if value.endswith(FINAL_MARK):
        value = value[: -len(FINAL_MARK)]
    return value.rstrip(" .;,")


def _tree(nodes) -> list:
    return [(node.label, text(node.text), _tree(node.children)) for node in nodes]


def _task_tree(nodes, children) -> list:
    return [(text(node.text), _task_tree(children[id(node)], children)) for node in nodes]


def plan_structure(parsed: ParsedPlan) -> dict:
    """Title, citations (number, date), sections with their item trees, task groups with their
    task trees, targets, recipients (with the archive line the layout always adds) and signer.

    A tasks section is compared through its groups and targets: its items are written from
    the task rows, where a stray paragraph of the source becomes a "-" task."""
    sections = []
    for section in parsed.sections:
        kind = section_kind(section.text)
        items = [] if kind == "tasks" else _tree(section.children)
        sections.append((section.label, text(section.text), items))
    groups = []
    for group in parsed.tasks:
        roots, children = _task_roots(group.items)
        groups.append((text(group.title), _task_tree(roots, children)))
    recipients = [(text(r.name), text(r.purpose)) for r in parsed.recipients]
    if not any(name.startswith("Lưu") for name, _purpose in recipients):
        recipients.append(("Lưu: VT", ""))
    signer = parsed.signer
    return {
        "title": text(parsed.title),
        "citations": [(c.citation.number, c.citation.date) for c in parsed.citations],
        "sections": sections,
        "tasks": groups,
        "targets": [text(t) for t in parsed.targets],
        "recipients": recipients,
        "signer": (signer.authority, signer.on_behalf_of, signer.position, signer.name) if signer else None,
    }

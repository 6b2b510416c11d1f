"""The import review page's form: a parsed plan as editable text fields, and back to JSON.

The page edits plain strings (a "state"), built either from the stored JSON or from the POST,
so a form with errors is shown again exactly as the user left it. A plan's body is a tree
(I. → 1. → a) → "-" → "+"): on the page each section is a heading and a list of blocks. Every
numbered part directly under a section is a block of its own (a task group in the tasks part,
a list of targets under "Chỉ tiêu"); lines between them form blocks without a heading. A
block's items are an outline, one item per line, indented two spaces per level, with the
label as written ("- ", "a) "). Citations are one raw text per line and are read again by
the citation parser on save.
"""

import datetime as dt
import re
import unicodedata

from django.utils.translation import gettext as _

from binhdang.legal.citations import LAW, Citation, find_named_laws, law_number, parse_citations
from binhdang.lib.vntext import fold, nfc

from .models import PlanKind
from .parsing import ParsedPlan
from .parsing.lines import classify_marker
from .parsing.model import SECTION, SUBSECTION
from .services import guess_year

INDENT = "  "
AUTHORITIES = ("", "KT.", "TM.", "Q.", "TL.", "TUQ.")
# Empty rows offered on the page for what the parser missed.
BLANK_RECIPIENTS = 3
# Caps on the counts a POST may claim (the page never has more).
_MAX_ROWS = 500
_DATE_RE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_TARGET_WORDS = "chi tieu"
_TASK_PART_WORDS = ("nhiem vu", "giai phap", "noi dung", "hoat dong")


# --- JSON → state ----------------------------------------------------------------------------
def _outline(items: list[dict], depth: int = 0) -> list[str]:
    lines = []
    for item in items:
        label = item.get("label", "")
        lines.append(INDENT * depth + (f"{label} " if label else "") + item.get("text", ""))
        lines += _outline(item.get("items", []), depth + 1)
    return lines


def _blocks(items: list[dict]) -> list[dict]:
    """A section's items cut into blocks: each "1." part alone, the lines between together."""
    blocks: list[dict] = []
    loose: list[dict] = []
    for item in items:
        if classify_marker(f"{item.get('label', '')} x")[0] == SUBSECTION and item.get("label"):
            if loose:
                blocks.append({"heading": "", "items": "\n".join(_outline(loose))})
                loose = []
            heading = f"{item['label']} {item.get('text', '')}".strip()
            blocks.append({"heading": heading, "items": "\n".join(_outline(item.get("items", [])))})
        else:
            loose.append(item)
    if loose:
        blocks.append({"heading": "", "items": "\n".join(_outline(loose))})
    return blocks


def _date_text(value: str | None) -> str:
    return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def state_from_json(data: dict, *, kind: str) -> dict:
    """The page's fields for a parsed plan; the year defaults to the one its title or date names."""
    year = data.get("year") or guess_year(data.get("title", "")) or (
        dt.date.fromisoformat(data["date"]).year if data.get("date") else None)
    citations = data.get("citations", [])
    signer = data.get("signer") or {}
    return {
        "kind": kind,
        "year": str(year or ""),
        "issuer": data.get("issuer", ""),
        "number": data.get("number", ""),
        "place": data.get("place", ""),
        "date": _date_text(data.get("date")),
        "title": data.get("title", ""),
        "basis": "\n".join(c.get("raw") or c.get("number", "") for c in citations if c.get("in_legal_basis")),
        "cited": "\n".join(c.get("raw") or c.get("number", "") for c in citations if not c.get("in_legal_basis")),
        "intro": "\n".join(data.get("intro", [])),
        "closing": "\n".join(data.get("closing", [])),
        # One empty block per section and one empty section: room for what the parser missed.
        "sections": [{"heading": s["heading"], "blocks": [*_blocks(s.get("items", [])), {"heading": "", "items": ""}]}
                     for s in data.get("sections", [])] + [{"heading": "", "blocks": [{"heading": "", "items": ""}]}],
        "recipients": [dict(r) for r in data.get("recipients", [])] + [{"name": "", "purpose": ""}] * BLANK_RECIPIENTS,
        "signer": {key: signer.get(key, "") for key in ("authority", "on_behalf_of", "position", "name")},
        "dropped": [],
    }


# --- POST → state ----------------------------------------------------------------------------
def _count(post, key: str) -> int:
    try:
        return max(0, min(int(post.get(key, 0)), _MAX_ROWS))
    except ValueError:
        return 0


def state_from_post(post, *, unparsed_count: int) -> dict:
    """The page's fields as the user submitted them (nothing is checked here)."""
    sections = []
    for i in range(_count(post, "sections")):
        blocks = [{"heading": post.get(f"s{i}-b{j}-heading", ""), "items": post.get(f"s{i}-b{j}-items", "")}
                  for j in range(_count(post, f"s{i}-blocks"))]
        sections.append({"heading": post.get(f"s{i}-heading", ""), "blocks": blocks})
    recipients = [{"name": post.get(f"r{k}-name", ""), "purpose": post.get(f"r{k}-purpose", "")}
                  for k in range(_count(post, "recipients"))]
    state = {key: post.get(key, "") for key in ("kind", "year", "issuer", "number", "place", "date", "title",
                                                  "basis", "cited", "intro", "closing")}
    state.update(
        sections=sections,
        recipients=recipients,
        signer={key: post.get(f"signer-{key}", "") for key in ("authority", "on_behalf_of", "position", "name")},
        dropped=[k for k in range(unparsed_count) if post.get(f"u{k}") == "drop"],
    )
    return state


# --- state → JSON ----------------------------------------------------------------------------
def _text_lines(value: str) -> list[str]:
    # vntext.nfc collapses line breaks too; a textarea's lines must survive.
    return unicodedata.normalize("NFC", value or "").splitlines()


def _one_line(value: str) -> str:
    return " ".join(nfc(value).split())


def _lines(value: str) -> list[str]:
    return [_one_line(line) for line in _text_lines(value) if line.strip()]


def _parse_outline(text: str) -> list[dict]:
    """Items from an outline; a line the markers do not explain is a paragraph, as in the parser."""
    roots: list[dict] = []
    stack: list[tuple[int, dict]] = []
    for raw in _text_lines(text):
        if not raw.strip():
            continue
        expanded = raw.replace("\t", INDENT)
        depth = (len(expanded) - len(expanded.lstrip())) // len(INDENT)
        _kind, label, body = classify_marker(_one_line(raw))
        node = {"label": label, "text": body, "items": []}
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1]["items"] if stack else roots).append(node)
        stack.append((depth, node))
    return roots


def _heading(text: str) -> str:
    _kind, label, body = classify_marker(_one_line(text))
    return f"{label} {body}".strip()


def _sections(state: dict, errors: list[str]) -> list[dict]:
    sections = []
    for i, section in enumerate(state["sections"], start=1):
        heading = _heading(section["heading"])
        items: list[dict] = []
        for block in section["blocks"]:
            children = _parse_outline(block["items"])
            if block["heading"].strip():
                _kind, label, text = classify_marker(_one_line(block["heading"]))
                items.append({"label": label, "text": text, "items": children})
            else:
                items += children
        if not heading and items:
            errors.append(_("Phần %(i)d: thiếu tiêu đề phần (ví dụ “III. TỔ CHỨC THỰC HIỆN”).") % {"i": i})
        if heading:
            sections.append({"heading": heading, "items": items})
    return sections


def _citations(state: dict, stored: list[dict], as_of: dt.date | None, errors: list[str]) -> list[dict]:
    """Each line read again by the citation parser; the laws named without a number as well."""
    seen_lines = {c.get("number") or c.get("title"): c.get("lines", []) for c in stored}
    mentions = []  # (citation or named law, in_basis) in reading order
    parts = ((state["basis"], True, _("Căn cứ")), (state["cited"], False, _("Văn bản được trích dẫn")))
    for text, in_basis, where in parts:
        for number, line in enumerate(_text_lines(text), start=1):
            if not line.strip():
                continue
            found = sorted([*parse_citations(line), *find_named_laws(line)], key=lambda m: m.start)
            if not found:
                errors.append(_("%(where)s, dòng %(n)d: không nhận ra số hiệu hay tên văn bản trong “%(text)s”.")
                              % {"where": where, "n": number, "text": line.strip()[:80]})
            mentions += [(m, in_basis) for m in found]
    # A law named without its number is the version in force when the plan was made: the
    # plan's date, else the latest date it cites (as the parser does).
    dates = [m.date for m, _basis in mentions if isinstance(m, Citation) and m.date]
    as_of = as_of or (max(dates) if dates else None)
    found = []
    for m, in_basis in mentions:
        if isinstance(m, Citation):
            citation = {"number": m.number, "kind": m.kind, "doc_type": m.doc_type,
                        "date": m.date.isoformat() if m.date else None, "issuer": m.issuer, "title": m.title}
        else:
            citation = {"number": law_number(m.name, as_of) or "", "kind": LAW,
                        "doc_type": "Bộ luật" if m.name.startswith("Bộ luật") else "Luật", "date": None,
                        "issuer": "", "title": m.name}
        found.append(({**citation, "raw": m.raw}, in_basis))
    merged: dict[str, dict] = {}
    for citation, in_basis in found:
        key = citation["number"] or citation["title"]
        known = merged.get(key)
        if known is None:
            merged[key] = {**citation, "in_legal_basis": in_basis, "lines": list(seen_lines.get(key, []))}
            continue
        for field in ("doc_type", "date", "issuer", "title"):
            known[field] = known[field] or citation[field]
        known["in_legal_basis"] = known["in_legal_basis"] or in_basis
    return list(merged.values())


def _date(value: str, errors: list[str]) -> dt.date | None:
    if not value.strip():
        return None
    match = _DATE_RE.match(value)
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1])) if match else dt.date.fromisoformat(value.strip())
    except ValueError:
        errors.append(_("Ngày ban hành “%(value)s” không đúng dạng ngày/tháng/năm (ví dụ 25/03/2022).")
                      % {"value": value.strip()})
        return None


def _year(value: str, errors: list[str]) -> int | None:
    if not value.strip():
        return None
    if value.strip().isdigit() and 1900 <= int(value) <= 2100:
        return int(value)
    errors.append(_("Năm “%(value)s” không hợp lệ: ghi bốn chữ số, ví dụ 2024.") % {"value": value.strip()})
    return None


def _recipients(state: dict, errors: list[str]) -> list[dict]:
    rows = []
    for k, row in enumerate(state["recipients"], start=1):
        name, purpose = _one_line(row["name"]), _one_line(row["purpose"])
        if purpose and not name:
            errors.append(_("Nơi nhận, dòng %(n)d: thiếu tên nơi nhận.") % {"n": k})
        if name:
            rows.append({"name": name, "purpose": purpose})
    return rows


def _signer(state: dict, errors: list[str]) -> dict | None:
    signer = {key: _one_line(value) for key, value in state["signer"].items()}
    if signer["authority"] not in AUTHORITIES:
        errors.append(_("Người ký: thẩm quyền ký “%(value)s” không hợp lệ (KT., TM., Q., TL., TUQ. hoặc để trống).")
                      % {"value": signer["authority"]})
    # An empty signer stays empty: a file cut before its signature has none to invent.
    return signer if any(signer.values()) else None


def json_from_state(state: dict, stored: dict) -> tuple[dict, list[str], list[dict]]:
    """(corrected JSON, errors, dropped lines) from the page's fields; `stored` is the parsed JSON.

    The JSON goes through ParsedPlan once, so "tasks" and "targets" are read from the corrected
    sections exactly as saving will read them.
    """
    errors: list[str] = []
    title = _one_line(state["title"])
    if not title:
        errors.append(_("Trích yếu (tên kế hoạch) không được để trống."))
    if state["kind"] not in PlanKind.values:
        errors.append(_("Loại kế hoạch không hợp lệ: “%(kind)s”.") % {"kind": state["kind"]})
    year = _year(state["year"], errors)
    date = _date(state["date"], errors)
    unparsed = stored.get("unparsed", [])
    dropped = [unparsed[k] for k in state["dropped"] if k < len(unparsed)]
    data = {
        "issuer": _one_line(state["issuer"]),
        "number": _one_line(state["number"]),
        "place": _one_line(state["place"]),
        "date": date.isoformat() if date else None,
        "title": title,
        "citations": _citations(state, stored.get("citations", []), date, errors),
        "sections": _sections(state, errors),
        "recipients": _recipients(state, errors),
        "signer": _signer(state, errors),
        "unparsed": [u for k, u in enumerate(unparsed) if k not in state["dropped"]],
        "warnings": list(stored.get("warnings", [])),
        "intro": _lines(state["intro"]),
        "closing": _lines(state["closing"]),
    }
    data = ParsedPlan.from_json_dict(data).to_json_dict(full=True)
    data.update(kind=state["kind"], year=year)
    return data, errors, dropped


# --- what the page shows beside the fields ---------------------------------------------------
def _is_targets(heading: str) -> bool:
    return fold(classify_marker(_one_line(heading))[2]).startswith(_TARGET_WORDS)


def _rows(text: str) -> int:
    """Textarea height: the lines as they wrap on a page about 90 characters wide, plus one."""
    wrapped = sum(1 + len(line) // 90 for line in text.splitlines())
    return min(max(wrapped + 1, 2), 30)


def annotate(state: dict) -> dict:
    """Each section and block marked with what it holds, so the page can say so."""
    state["basis_rows"], state["cited_rows"] = _rows(state["basis"]), _rows(state["cited"])
    for section in state["sections"]:
        folded = fold(section["heading"])
        section["is_targets"] = _is_targets(section["heading"])
        section["is_tasks"] = (classify_marker(_one_line(section["heading"]))[0] == SECTION
                               and any(word in folded for word in _TASK_PART_WORDS))
        for block in section["blocks"]:
            block["rows"] = _rows(block["items"])
            kind = classify_marker(_one_line(block["heading"]))[0] if block["heading"].strip() else ""
            if section["is_targets"] or (block["heading"] and _is_targets(block["heading"])):
                block["role"] = "targets"
            elif section["is_tasks"] and kind == SUBSECTION:
                block["role"] = "group"
            else:
                block["role"] = "part" if kind else "text"
    return state


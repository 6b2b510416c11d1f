"""A section's body as plain indented text, and back.

The body is stored as the parser's item tree [{"label", "text", "items": [...]}]. People edit
it in a textarea: one item per line, its label first ("a)", "-", "+", "1."), two spaces of
indentation per level of nesting. Tolerant on the way in (tabs, uneven indentation, blank
lines), canonical on the way out, so text → tree → text settles after one pass.
"""

import re
import unicodedata

from binhdang.lib.vntext import nfc

INDENT = "  "
TAB_WIDTH = 4
# The labels the plan parser recognises inside a section: 1. / 1.2. / a) / đ) / - / +.
_LABEL_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-+•])(?:\s+|$)")


def split_label(line: str) -> tuple[str, str]:
    """("a)", "rest") for a labelled line, ("", line) otherwise."""
    match = _LABEL_RE.match(line)
    if not match:
        return "", line
    return match.group(1), line[match.end():].strip()


def items_from_text(text: str) -> list[dict]:
    """The item tree of an indented text: a line indented deeper than the one above nests under it."""
    roots: list[dict] = []
    stack: list[tuple[int, dict]] = []  # (indentation, item) of the open ancestors
    for raw in unicodedata.normalize("NFC", text or "").splitlines():
        expanded = raw.expandtabs(TAB_WIDTH).rstrip()
        content = expanded.lstrip()
        if not content:
            continue
        indent = len(expanded) - len(content)
        label, body = split_label(content)
        item = {"label": label, "text": nfc(body), "items": []}
        while stack and stack[-1][0] >= indent:
            stack.pop()
        (stack[-1][1]["items"] if stack else roots).append(item)
        stack.append((indent, item))
    return roots


def items_to_text(items: list[dict], depth: int = 0) -> str:
    """The indented text of an item tree (one line per item; a line break inside an item's
    text becomes a space, because a line is an item)."""
    lines = []
    for item in items or []:
        text = " ".join(str(item.get("text", "")).split())
        label = str(item.get("label", "")).strip()
        lines.append(INDENT * depth + " ".join(part for part in (label, text) if part))
        nested = items_to_text(item.get("items") or [], depth + 1)
        if nested:
            lines.append(nested)
    return "\n".join(lines)

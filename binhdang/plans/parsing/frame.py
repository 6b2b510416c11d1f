"""The official frame around a plan's body: the header above it and the recipients/signer below.

Both are two-column layouts (a borderless table in Word, tab-separated columns in text
exports), so each column of a line is read on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from binhdang.legal.citations import normalise_number, parse_citations
from binhdang.lib.vntext import fold
from binhdang.plans.parsing.lines import (
    AUTHORITY_RE,
    CLOSING_RE,
    RECIPIENTS_RE,
    RULE_RE,
    SIGNATURE_MARK_RE,
    classify_marker,
    clean_text,
    is_upper_text,
    looks_like_name,
    looks_like_position,
)
from binhdang.plans.parsing.model import (
    PARAGRAPH,
    Header,
    ParsedPlan,
    Recipient,
    Signer,
    SourceLine,
    UnparsedLine,
)

Place = Callable[[SourceLine, str], None]

_NUMBER_RE = re.compile(r"^Số\s*(?::\s*|(?=\d))(?P<number>.*)$", re.I)
_PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^,\d]{2,60}?)\s*,\s*ngày\s*(?P<d>\S*?)\s*(?:tháng\s*(?P<m>\S*?)\s*năm|[/.\-]"
    r"\s*(?P<m2>\d{1,2})\s*[/.\-])\s*(?P<y>\d{4})\b",
    re.I,
)
# The parent body is named first: "SỞ GD&ĐT QUẢNG NAM" above "TRƯỜNG THPT QUẾ SƠN".
_PARENT_PREFIXES = (
    "ubnd",
    "uy ban",
    "so ",
    "phong ",
    "bo ",
    "dang bo",
    "huyen uy",
    "tinh uy",
    "cong doan",
    "lien doan",
)
_PURPOSE_RE = re.compile(r"\((?P<purpose>[^()]*)\)$")
_PURPOSE_WORDS_RE = re.compile(
    r"^(?:để|thay|b/c|t/h|p/h|báo\s+cáo|thực\s+hiện|biết|chỉ\s+đạo|phối\s+hợp|theo\s+dõi)", re.I
)
_BULLET_RE = re.compile(r"^[-–—•+*]\s*(?P<text>.*)$")


def _is_motto(text: str) -> bool:
    key = fold(text)
    return key.startswith("cong hoa xa hoi chu nghia") or ("doc lap" in key and "tu do" in key and "hanh phuc" in key)


def _read_place_date(text: str, header: Header, warnings: list[str], line: int) -> bool:
    m = _PLACE_DATE_RE.match(text)
    if not m:
        return False
    header.place = clean_text(m["place"])
    month = m["m"] or m["m2"]
    try:
        header.date = dt.date(int(m["y"]), int(month), int(m["d"]))
    except (TypeError, ValueError):
        # Drafts leave "ngày … tháng … năm 2023" blank; keep the place, say the date is missing.
        warnings.append(f"Dòng {line}: không đọc được ngày ban hành “{clean_text(text)}”.")
    return True


def _belongs_to_body_or_signature(text: str) -> bool:
    # Without a "KẾ HOẠCH" line to stop at, "I. MỤC ĐÍCH" or "HIỆU TRƯỞNG" must not pass for
    # an issuing body.
    return (
        classify_marker(text)[0] != PARAGRAPH
        or bool(AUTHORITY_RE.match(text) or RECIPIENTS_RE.match(text))
        or looks_like_position(text)
    )


def _header_segment(text: str, header: Header, issuer_lines: list[str], warnings: list[str], line: int) -> str | None:
    if RULE_RE.match(text):
        return "layout"
    if _is_motto(text):
        header.motto.append(clean_text(text))
        return "header.motto"
    m = _NUMBER_RE.match(text)
    if m:
        found = parse_citations(m["number"])
        header.number = found[0].number if found else normalise_number(m["number"])
        return "header.number"
    if _read_place_date(text, header, warnings, line):
        return "header.place_date"
    if is_upper_text(text) and not _belongs_to_body_or_signature(text):
        issuer_lines.append(clean_text(text))
        return "header.issuer"
    return None


def is_header_line(line: SourceLine) -> bool:
    """Used when the "KẾ HOẠCH" title is missing, to find where the header ends."""
    scratch = Header()
    return all(_header_segment(col, scratch, [], [], line.number) for col in line.columns)


def read_header(lines: list[SourceLine], plan: ParsedPlan, place: Place) -> None:
    header = plan.header
    issuer_lines: list[str] = []
    for line in lines:
        roles = []
        for col in line.columns:
            role = _header_segment(col, header, issuer_lines, plan.warnings, line.number)
            if role:
                roles.append(role)
            else:
                reason = "Không nhận dạng được dòng ở phần đầu văn bản."
                plan.unparsed.append(UnparsedLine(line.number, col, reason))
        if roles:
            place(line, "+".join(dict.fromkeys(roles)))
    if len(issuer_lines) > 1 and fold(issuer_lines[0]).startswith(_PARENT_PREFIXES):
        header.issuer_parent = issuer_lines[0]
        issuer_lines = issuer_lines[1:]
    header.issuer = " ".join(issuer_lines)
    missing = [
        label
        for label, value in (
            ("cơ quan ban hành", header.issuer),
            ("số ký hiệu", header.number),
            ("địa danh", header.place),
            ("ngày ban hành", header.date),
        )
        if not value
    ]
    if missing:
        plan.warnings.append(f"Phần đầu văn bản thiếu: {', '.join(missing)}.")


def parse_recipient(text: str, line: int) -> Recipient:
    """Split "Sở GDĐT(để báo cáo);" into name "Sở GDĐT" and purpose "để báo cáo"."""
    text = re.sub(r"[\s;,.]+$", "", clean_text(text))
    m = _PURPOSE_RE.search(text)
    if m and _PURPOSE_WORDS_RE.match(m["purpose"].strip()):
        return Recipient(text[: m.start()].strip(), clean_text(m["purpose"]), line)
    return Recipient(text, "", line)


class TailReader:
    """Closing paragraph, "Nơi nhận:" list and signature block, in either column order."""

    def __init__(self, plan: ParsedPlan, place: Place):
        self.plan = plan
        self.place = place
        self.recipients_open = False
        self.recipient_open_ended = False  # the last recipient has no ";" or "." yet

    def feed(self, line: SourceLine) -> None:
        roles = []
        for col in line.columns:
            role = self._segment(col, line)
            if role:
                roles.append(role)
            else:
                reason = "Không xác định được nội dung ở phần cuối văn bản."
                self.plan.unparsed.append(UnparsedLine(line.number, col, reason))
        if roles:
            self.place(line, "+".join(dict.fromkeys(roles)))

    def _signer(self) -> Signer:
        if self.plan.signer is None:
            self.plan.signer = Signer()
        return self.plan.signer

    def _segment(self, text: str, line: SourceLine) -> str | None:
        signer = self.plan.signer
        m = RECIPIENTS_RE.match(text)
        if m:
            self.recipients_open = True
            return self._segment(m["rest"], line) if m["rest"] else "recipients_label"
        m = AUTHORITY_RE.match(text)
        if m and is_upper_text(m["rest"]):
            if signer and signer.name:
                return None  # a second signature block is not supported yet
            signer = self._signer()
            signer.authority = m["auth"].replace("/", "") + "."
            signer.on_behalf_of = clean_text(m["rest"])
            signer.lines.append(line.number)
            return "signer"
        if looks_like_position(text) and not (signer and signer.name):
            signer = self._signer()
            if signer.position:  # "KT. HIỆU TRƯỞNG" / "PHÓ HIỆU TRƯỞNG" / "TRƯỞNG BAN"…
                signer.on_behalf_of = f"{signer.on_behalf_of} {signer.position}".strip()
            signer.position = clean_text(text)
            signer.lines.append(line.number)
            return "signer"
        if SIGNATURE_MARK_RE.match(text) and signer:
            return "signer.mark"
        if signer and not signer.name and (looks_like_name(text) or is_upper_text(text)):
            signer.name = clean_text(text)
            signer.lines.append(line.number)
            return "signer"
        bullet = _BULLET_RE.match(text)
        if bullet or (self.recipients_open and signer is None):
            return self._recipient(bullet["text"] if bullet else text, line, bool(bullet))
        if CLOSING_RE.match(text) or not self.recipients_open and signer is None:
            self.plan.closing.append(SourceLine(line.number, line.raw, clean_text(text), [text]))
            return "closing"
        return None

    def _recipient(self, text: str, line: SourceLine, bulleted: bool) -> str:
        recipients = self.plan.recipients
        if not bulleted and recipients and self.recipient_open_ended and text[:1].islower():
            previous = recipients[-1]
            merged = parse_recipient(f"{previous.name} {text}", previous.line)
            recipients[-1] = Recipient(merged.name, merged.purpose or previous.purpose, previous.line)
        else:
            recipients.append(parse_recipient(text, line.number))
        self.recipient_open_ended = not text.rstrip().endswith((";", "."))
        return "recipient"

    def finish(self) -> None:
        signer = self.plan.signer
        if signer is None:
            self.plan.warnings.append("Văn bản bị cắt: không tìm thấy người ký (chức vụ, họ tên).")
            return
        if not signer.position:
            signer.position, signer.on_behalf_of = signer.on_behalf_of, ""
        if signer.authority == "Q." and signer.on_behalf_of == signer.position:
            signer.on_behalf_of = ""
        if not signer.name:
            self.plan.warnings.append("Không tìm thấy họ tên người ký.")

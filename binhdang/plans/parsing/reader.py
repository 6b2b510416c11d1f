"""Reads a plan's text into a ParsedPlan: header, title, legal basis, body, recipients, signer.

Every non-empty line ends up either placed (`ParsedPlan.line_roles`) or listed in
`ParsedPlan.unparsed` with a reason: import screens show what was not understood.
"""

from __future__ import annotations

import dataclasses

from binhdang.legal.citations import (
    LAW,
    Citation,
    find_named_laws,
    law_number,
    parse_citations,
)
from binhdang.plans.parsing.body import BodyBuilder
from binhdang.plans.parsing.frame import TailReader, is_header_line, read_header
from binhdang.plans.parsing.lines import (
    AUTHORITY_RE,
    BASIS_RE,
    CLOSING_RE,
    RECIPIENTS_RE,
    RULE_RE,
    TITLE_LINE_RE,
    classify_marker,
    clean_text,
    is_upper_text,
    looks_cut_off,
    looks_like_position,
    prepare_lines,
)
from binhdang.plans.parsing.model import (
    PARAGRAPH,
    SECTION,
    SUBSECTION,
    ParsedPlan,
    PlanCitation,
    SourceLine,
    UnparsedLine,
)

END_MARK = "./."


def parse_plan_text(text: str) -> ParsedPlan:
    """Parse a plan given as plain text (NFC or NFD, any line endings)."""
    return _Reader(prepare_lines(text)).read()


def _starts_tail(line: SourceLine) -> bool:
    first = line.columns[0]
    if classify_marker(first)[0] != PARAGRAPH:
        return False
    authority = AUTHORITY_RE.match(first)
    return bool(
        CLOSING_RE.match(first)
        or RECIPIENTS_RE.match(first)
        or (authority and is_upper_text(authority["rest"]))
        # Short only: an unnumbered heading "TRÁCH NHIỆM CỦA PHÓ HIỆU TRƯỞNG" is still body.
        or (looks_like_position(first) and len(first.split()) <= 4)
    )


class _Reader:
    def __init__(self, lines: list[SourceLine]):
        self.lines = [line for line in lines if line.text]
        self.plan = ParsedPlan()

    def place(self, line: SourceLine, role: str) -> None:
        roles = self.plan.line_roles
        roles[line.number] = f"{roles[line.number]}+{role}" if line.number in roles else role

    def read(self) -> ParsedPlan:
        lines = self.lines
        title_at = next((i for i, ln in enumerate(lines) if TITLE_LINE_RE.match(ln.text)), None)
        if title_at is None:
            self.plan.warnings.append("Không tìm thấy tiêu đề “KẾ HOẠCH”.")
            header_end = next((i for i, ln in enumerate(lines) if not is_header_line(ln)), len(lines))
            read_header(lines[:header_end], self.plan, self.place)
            body_at = self._body_start(header_end)
            preamble_at = header_end
        else:
            read_header(lines[:title_at], self.plan, self.place)
            body_at = self._body_start(title_at + 1)
            preamble_at = self._read_title(title_at, body_at)
        body = BodyBuilder(self.plan, self.place)
        tail = TailReader(self.plan, self.place)
        state = "preamble"
        for i in range(preamble_at, len(lines)):
            line = lines[i]
            if state != "tail" and _starts_tail(line):
                state = "tail"  # also when a cut or odd plan has no body at all
            elif state == "preamble" and i >= body_at:
                state = "body"
            if state == "preamble":
                self._read_preamble_line(line)
            elif state == "body":
                body.feed(line)
                state = "tail" if line.text.endswith(END_MARK) else state
            else:
                tail.feed(line)
        tail.finish()
        self._collect_citations(body.lines)
        self._final_checks()
        return self.plan

    def _body_start(self, start: int) -> int:
        """First "I." heading; plans without Roman numerals start at the first "1."."""
        for kind in (SECTION, SUBSECTION):
            for i in range(start, len(self.lines)):
                if classify_marker(self.lines[i].text)[0] == kind:
                    return i
        self.plan.warnings.append("Không tìm thấy các mục nội dung (I., II., … hoặc 1., 2., …).")
        return len(self.lines)

    def _read_title(self, title_at: int, body_at: int) -> int:
        """Title = the text after "KẾ HOẠCH" (same line or next), plus lower-case run-ons."""
        lines = self.lines
        self.place(lines[title_at], "doc_type")
        title_parts = [TITLE_LINE_RE.match(lines[title_at].text)["rest"]]
        i = title_at + 1
        while i < body_at and RULE_RE.match(lines[i].text):
            self.place(lines[i], "layout")
            i += 1
        if not title_parts[0] and i < body_at and not BASIS_RE.match(lines[i].text):
            title_parts = [lines[i].text]
            self.place(lines[i], "title")
            i += 1
        while i < body_at and lines[i].text[:1].islower():
            title_parts.append(lines[i].text)
            self.place(lines[i], "title")
            i += 1
        while i < body_at and RULE_RE.match(lines[i].text):
            self.place(lines[i], "layout")
            i += 1
        self.plan.title = clean_text(" ".join(title_parts))
        if not self.plan.title:
            self.plan.warnings.append("Không tìm thấy trích yếu (dòng sau “KẾ HOẠCH”).")
        elif looks_cut_off(self.plan.title):
            self.plan.warnings.append("Trích yếu có vẻ bị cắt giữa chừng.")
        return i

    def _read_preamble_line(self, line: SourceLine) -> None:
        if RULE_RE.match(line.text):
            self.place(line, "layout")
        elif BASIS_RE.match(line.text) and (parse_citations(line.text) or find_named_laws(line.text)):
            self.plan.legal_basis.append(line)
            self.place(line, "legal_basis")
        else:
            self.plan.intro.append(line)
            self.place(line, "intro")

    def _collect_citations(self, body_lines: list[SourceLine]) -> None:
        """Citations of the legal basis and the body, merged by number, in reading order."""
        sources = [(ln, True) for ln in self.plan.legal_basis]
        sources += [(ln, False) for ln in self.plan.intro + body_lines + self.plan.closing]
        mentions = []
        for line, in_basis in sources:
            for citation in parse_citations(line.text):
                mentions.append((line.number, citation.start, citation, in_basis))
                self.plan.warnings += [f"Dòng {line.number}: {w}" for w in citation.warnings]
        # A plan is issued after everything it cites: the latest date stands in for its own
        # when the header is missing, to pick the version of a law cited by name.
        dates = [m[2].date for m in mentions if m[2].date]
        as_of = self.plan.header.date or (max(dates) if dates else None)
        for line, in_basis in sources:
            for law in find_named_laws(line.text):
                number = law_number(law.name, as_of) or ""
                if law.number and number != law.number:
                    self.plan.warnings.append(
                        f"Dòng {line.number}: “{law.name}” được hiểu là văn bản số {number}, "
                        f"bản có hiệu lực vào thời điểm của kế hoạch (nay là {law.number}); "
                        "cần kiểm tra."
                    )
                doc_type = "Bộ luật" if law.name.startswith("Bộ luật") else "Luật"
                citation = Citation(
                    number=number,
                    kind=LAW,
                    doc_type=doc_type,
                    title=law.name,
                    raw=law.raw,
                    start=law.start,
                    end=law.end,
                )
                mentions.append((line.number, law.start, citation, in_basis))
        merged: dict[str, PlanCitation] = {}
        for line_number, _, citation, in_basis in sorted(mentions, key=lambda m: m[:2]):
            key = citation.number or citation.title
            known = merged.get(key)
            if known is None:
                merged[key] = PlanCitation(citation, [line_number], in_basis)
                continue
            first = known.citation
            known.citation = dataclasses.replace(
                first,
                doc_type=first.doc_type or citation.doc_type,
                date=first.date or citation.date,
                issuer=first.issuer or citation.issuer,
                title=first.title or citation.title,
            )
            if line_number not in known.lines:
                known.lines.append(line_number)
            known.in_legal_basis = known.in_legal_basis or in_basis
        self.plan.citations = list(merged.values())

    def _final_checks(self) -> None:
        plan = self.plan
        if not any(line.text.endswith(END_MARK) for line in self.lines):
            plan.warnings.append("Không thấy dấu kết thúc “./.”: văn bản có thể không đầy đủ.")
        if not plan.recipients:
            plan.warnings.append("Không tìm thấy phần “Nơi nhận”.")
        if not plan.sections or not any(s.kind == SECTION for s in plan.sections):
            if any(s.kind == SUBSECTION for s in plan.sections):
                plan.warnings.append("Văn bản không dùng mục La Mã (I., II., …).")
        placed = set(plan.line_roles) | {u.line for u in plan.unparsed}
        for line in self.lines:  # a safety net: nothing may disappear without a trace
            if line.number not in placed:
                reason = "Không xếp được dòng này vào phần nào của kế hoạch."
                plan.unparsed.append(UnparsedLine(line.number, line.text, reason))

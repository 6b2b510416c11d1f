"""The one DOCX renderer for official documents, laid out as Nghị định 30/2020/NĐ-CP asks
(docs: DOMAIN.md section 4): A4, Times New Roman, the two-column header with Quốc hiệu
and Tiêu ngữ, title, summary, legal basis, body, "./.", recipients and signature."""

from __future__ import annotations

import io
import unicodedata

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt
from docx.table import _Cell

from binhdang.lib.vntext import nfc

from ..dates import format_place_date
from ..spec import Article, Bullet, Heading, OfficialDocument, Paragraph, Recipient, Table
from . import ooxml

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_LABEL = "Nơi nhận:"
FINAL_MARK = "./."

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
# The page number sits in the top margin, 10 mm from the edge.
HEADER_DISTANCE = Mm(10)
TEXT_WIDTH = Emu(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
HEADER_LEFT = Cm(6.5)
SIGNATURE_LEFT = Cm(7.5)
CELL_MARGIN = Cm(0.1)

BODY_PT = 14
HEADER_PT = 13
RECIPIENTS_LABEL_PT = 12
RECIPIENT_PT = 11
FIRST_LINE_INDENT = Cm(1.27)
PARAGRAPH_AFTER = Pt(6)
LINE_SPACING = 1.15
# Room for the handwritten signature and the seal between the title and the name.
SIGNATURE_SPACE = Pt(72)
RULE_PT = 2
NO_SPACE = Pt(0)


def render_docx(doc: OfficialDocument) -> bytes:
    document = Document()
    _page_setup(document)
    ooxml.set_document_defaults(document, BODY_PT)
    _page_numbers(document)
    _header(document, doc)
    _title(document, doc)
    _main_text(document, doc)
    _signature_block(document, doc)
    properties = document.core_properties
    properties.title = nfc(f"{doc.doc_type_title} {doc.summary}".strip())
    properties.author = properties.last_modified_by = nfc(doc.issuer)
    properties.language = ooxml.LANG
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ── page ──────────────────────────────────────────────────────────────────────────────

def _page_setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = HEADER_DISTANCE
    section.gutter = 0


def _page_numbers(document) -> None:
    """Page numbers centred in the top margin from page 2: the first page gets its own,
    empty header."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER)
    for run in ooxml.add_field(paragraph, "PAGE"):
        _style_run(run, BODY_PT)


# ── building blocks ───────────────────────────────────────────────────────────────────

def _style_run(run, size_pt: float, *, bold: bool = False, italic: bool = False) -> None:
    font = run.font
    font.name = ooxml.FONT
    ooxml.set_rfonts(run._r.get_or_add_rPr())
    font.size = Pt(size_pt)
    font.bold = bold
    font.italic = italic
    font.color.rgb = ooxml.BLACK


def _format(paragraph, *, align=WD_ALIGN_PARAGRAPH.CENTER, first_line=None, before=NO_SPACE,
            after=NO_SPACE, line_spacing: float = 1.0, keep_with_next: bool = False) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = before, after
    fmt.line_spacing = line_spacing
    if first_line is not None:
        fmt.first_line_indent = first_line
    if keep_with_next:
        fmt.keep_with_next = True


def _add_paragraph(container, text: str, size_pt: float, *, bold=False, italic=False, **fmt):
    """A paragraph holding one run; a table cell's first, still empty paragraph is reused."""
    # Only a cell is asked for its paragraphs: listing the document's own at every call made
    # rendering a long plan quadratic.
    paragraphs = container.paragraphs if isinstance(container, _Cell) else None
    if paragraphs and len(paragraphs) == 1 and not paragraphs[0].runs:
        paragraph = paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    _format(paragraph, **fmt)
    # NFC only: vntext.nfc would also collapse the blanks left for the văn thư.
    run = paragraph.add_run(unicodedata.normalize("NFC", text))
    _style_run(run, size_pt, bold=bold, italic=italic)
    # Keep runs of spaces (the blank number "Số:      /KH-…" is filled in by hand).
    for element in run._r.iter(qn("w:t")):
        element.set(qn("xml:space"), "preserve")
    return paragraph


def _add_rule(container, width, available, *, after=NO_SPACE) -> None:
    """A short centred line: the bottom border of an empty, indented paragraph whose
    line is only RULE_PT high, so the line sits right under the text above it."""
    width = min(Emu(int(width)), Emu(int(available)))
    indent = Emu(int((available - width) / 2))
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.left_indent = fmt.right_indent = indent
    fmt.space_before, fmt.space_after = Pt(0), after
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(RULE_PT)
    fmt.keep_with_next = True
    ooxml.set_paragraph_border(paragraph, "bottom")
    ooxml.set_paragraph_mark(paragraph, RULE_PT)


def _lines(text: str) -> list[str]:
    """Lines the caller broke on purpose ("TRƯỜNG TIỂU HỌC\nLÝ THƯỜNG KIỆT"), normalised."""
    return [nfc(line) for line in text.splitlines() if nfc(line)] or [""]


def _widest(lines: list[str], size_pt: float, bold: bool) -> Emu:
    return max(ooxml.text_width(line, size_pt, bold) for line in lines)


def _borderless_table(document, widths):
    table = document.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    ooxml.remove_table_borders(table)
    ooxml.set_table_widths(table, widths)
    ooxml.set_table_cell_margins(table, CELL_MARGIN)
    ooxml.keep_row_on_one_page(table.rows[0])
    return table


# ── header, title ─────────────────────────────────────────────────────────────────────

def _header(document, doc: OfficialDocument) -> None:
    """Left: parent body, issuer, rule, "Số: …". Right: Quốc hiệu, Tiêu ngữ, rule, place
    and date."""
    table = _borderless_table(document, [HEADER_LEFT, Emu(TEXT_WIDTH - HEADER_LEFT)])
    left, right = table.rows[0].cells
    left_room = Emu(HEADER_LEFT - 2 * CELL_MARGIN)
    right_room = Emu(TEXT_WIDTH - HEADER_LEFT - 2 * CELL_MARGIN)

    for line in _lines(doc.parent_body.upper()) if doc.parent_body.strip() else []:
        _add_paragraph(left, line, HEADER_PT)
    issuer_lines = _lines(doc.issuer.upper())
    for line in issuer_lines:
        _add_paragraph(left, line, HEADER_PT, bold=True)
    # Nghị định 30: a line from a third to half as long as the issuer's name.
    _add_rule(left, _widest(issuer_lines, HEADER_PT, True) * 0.4, left_room)
    _add_paragraph(left, doc.number_code, HEADER_PT, before=Pt(6))

    _add_paragraph(right, NATIONAL_TITLE, HEADER_PT, bold=True)
    _add_paragraph(right, NATIONAL_MOTTO, BODY_PT, bold=True)
    # … and under the motto a line exactly as long as the motto.
    _add_rule(right, ooxml.text_width(NATIONAL_MOTTO, BODY_PT, True), right_room)
    _add_paragraph(right, format_place_date(doc.place, doc.date, year=doc.year), BODY_PT,
                   italic=True, before=Pt(6))


def _title(document, doc: OfficialDocument) -> None:
    _add_paragraph(document, doc.doc_type_title.upper(), BODY_PT, bold=True, before=Pt(18),
                   keep_with_next=True)
    summary = _lines(doc.summary)
    for line in summary:
        _add_paragraph(document, line, BODY_PT, bold=True, keep_with_next=True)
    if any(summary):
        longest = min(_widest(summary, BODY_PT, True), TEXT_WIDTH)
        _add_rule(document, max(longest / 3, Cm(2.5)), TEXT_WIDTH, after=Pt(12))
    if doc.authority.strip():
        # A decision: who decides, centred in bold capitals above its legal basis.
        for line in _lines(doc.authority.upper()):
            _add_paragraph(document, line, BODY_PT, bold=True, after=Pt(6), keep_with_next=True)


# ── legal basis, body ─────────────────────────────────────────────────────────────────

def _terminate(text: str, mark: str) -> str:
    """The text with its own trailing punctuation replaced by `mark` (";" or ".")."""
    return nfc(text).strip().rstrip(";.,: ").rstrip() + mark


def final_mark(text: str) -> str:
    """End the last paragraph with "./." whatever it ended with ("kịp thời ./." included)."""
    text = nfc(text).strip()
    if text.endswith(FINAL_MARK):
        text = text[: -len(FINAL_MARK)]
    return text.rstrip(" .;,") + FINAL_MARK


def _main_text(document, doc: OfficialDocument) -> None:
    body = {"align": WD_ALIGN_PARAGRAPH.JUSTIFY, "first_line": FIRST_LINE_INDENT,
            "after": PARAGRAPH_AFTER, "line_spacing": LINE_SPACING}
    for index, line in enumerate(doc.legal_basis):
        last = index == len(doc.legal_basis) - 1
        _add_paragraph(document, _terminate(line, "." if last else ";"), BODY_PT, italic=True,
                       **body)

    if doc.enacting.strip():
        _add_paragraph(document, nfc(doc.enacting).upper(), BODY_PT, bold=True, before=Pt(6), after=Pt(6),
                       keep_with_next=True)

    # (bold lead, text, bold, keep with next) for every paragraph after the legal basis, so
    # that the final mark can go on whichever comes last; the lead is an article's "Điều 1.".
    # A table stands in the list as itself (the final mark never goes on a table).
    items: list[tuple[str, str, bool, bool] | Table] = []
    if doc.intro.strip():
        items.append(("", nfc(doc.intro).strip(), False, False))
    for block in doc.body:
        if isinstance(block, Heading):
            text = block.full_text.upper() if block.level == 1 else block.full_text
            # Levels 1 and 2 are titles kept with what follows; a) b) points are often
            # whole paragraphs, and chaining them would push pages apart.
            major = block.level in (1, 2)
            items.append(("", text, major, major))
        elif isinstance(block, Article):
            items.append((block.label, block.text, False, False))
        elif isinstance(block, Bullet):
            items.append(("", block.full_text, False, False))
        elif isinstance(block, Paragraph):
            items.append(("", block.text, False, False))
        elif isinstance(block, Table):
            items.append(block)
        else:
            raise TypeError(f"not a document block: {block!r}")
    if doc.closing.strip():
        items.append(("", doc.closing, False, False))
    last = max((i for i, item in enumerate(items) if not isinstance(item, Table)), default=None)
    if last is not None:
        lead, text, bold, keep = items[last]
        items[last] = (lead, final_mark(text), bold, keep)
    for item in items:
        if isinstance(item, Table):
            _figure_table(document, item)
            continue
        lead, text, bold, keep = item
        paragraph = _add_paragraph(document, nfc(text), BODY_PT, bold=bold, keep_with_next=keep, **body)
        if lead:
            _prepend_bold(paragraph, f"{lead} ")


TABLE_PT = 12


def _figure_table(document, table_spec: Table) -> None:
    """A bordered table, header bold and repeated on each page; numbers right-aligned."""
    columns = len(table_spec.header)
    weights = table_spec.widths or (1.0,) * columns
    widths = [Emu(int(TEXT_WIDTH * w / sum(weights))) for w in weights]
    table = document.add_table(rows=1, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    ooxml.set_table_cell_margins(table, CELL_MARGIN)
    ooxml.repeat_as_header(table.rows[0])
    for cell, text in zip(table.rows[0].cells, table_spec.header, strict=True):
        _add_paragraph(cell, text, TABLE_PT, bold=True)
    for row in table_spec.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            numeric = text.replace(".", "").replace(",", "").replace("%", "").strip().isdigit()
            _add_paragraph(cell, text, TABLE_PT,
                           align=WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT)
    ooxml.set_table_widths(table, widths)
    # Space between the table and the paragraph after it.
    _add_paragraph(document, "", 6)


def _prepend_bold(paragraph, text: str) -> None:
    """Put a bold run before the paragraph's text (the "Điều 1." of an article)."""
    first = paragraph.runs[0]
    run = paragraph.add_run(unicodedata.normalize("NFC", text))
    _style_run(run, BODY_PT, bold=True)
    first._r.addprevious(run._r)


# ── recipients and signature ──────────────────────────────────────────────────────────

def recipient_lines(recipients: list[Recipient]) -> list[str]:
    """ "- Sở GDĐT (để báo cáo);" … "- Lưu: VT.": the archive line always comes last,
    added when missing."""
    archive = [r for r in recipients if r.is_archive] or [Recipient.archive()]
    ordered = [r for r in recipients if not r.is_archive] + archive[:1]
    lines = []
    for index, recipient in enumerate(ordered):
        mark = "." if index == len(ordered) - 1 else ";"
        lines.append(f"- {_terminate(recipient.text, mark)}")
    return lines


def _signature_block(document, doc: OfficialDocument) -> None:
    spacer = document.add_paragraph()
    _format(spacer, after=Pt(6))
    spacer.paragraph_format.keep_with_next = True
    table = _borderless_table(document, [SIGNATURE_LEFT, Emu(TEXT_WIDTH - SIGNATURE_LEFT)])
    left, right = table.rows[0].cells
    _add_paragraph(left, RECIPIENTS_LABEL, RECIPIENTS_LABEL_PT, bold=True, italic=True,
                   align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in recipient_lines(doc.recipients):
        _add_paragraph(left, line, RECIPIENT_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in doc.signer.title_lines:
        _add_paragraph(right, line, BODY_PT, bold=True)
    _add_paragraph(right, doc.signer.name, BODY_PT, bold=True, before=SIGNATURE_SPACE)

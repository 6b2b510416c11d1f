"""Reading material files into positioned paragraphs: DOCX (body, tables, text boxes), PDF with a
text layer, plain text; legacy TCVN3/VNI text is converted, everything is NFC.

No Django here: errors are `ReadError(code, name)`; the web and CLI layers turn the code into a
translated message (see binhdang.review.messages).
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from . import legacy

ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SPACES = re.compile(r"[ \t\u00a0]+")
# Same headings as characters.LESSON_HEADING: a lesson starts there (kept here to stay import-free).
_HEADING = re.compile(r"^\s*(?:bài|tiết|chủ đề|chương|unit|lesson)\s+\d+", re.I)


class ReadError(ValueError):
    """A file the review cannot read. `code` names the reason: empty, doc, not_docx, scanned_pdf,
    bad_pdf, encoding, type, no_text."""

    def __init__(self, code: str, name: str):
        super().__init__(f"{code}: {name}")
        self.code, self.name = code, name


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int | None   # 1-based page (PDF; DOCX after explicit or rendered page breaks)
    line: int | None   # 1-based line of a .txt file
    index: int         # 0-based position among the paragraphs


@dataclass
class Material:
    name: str
    kind: str                  # docx, pdf, txt
    paragraphs: list[Paragraph]
    legacy_encoding: str = ""  # tcvn3 / vni when converted

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def clean(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def file_kind(name: str, data: bytes) -> str:
    """The kind by content (never by the name alone): docx, pdf or txt; raises ReadError."""
    if not data.strip():
        raise ReadError("empty", name)
    if data.startswith(OLE_MAGIC):
        raise ReadError("doc", name)
    if data.startswith(PDF_MAGIC):
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise ReadError("not_docx", name)
    if name.lower().endswith((".docx", ".pdf")):
        raise ReadError("type", name)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("type", name)
    return "txt"


def read_material(name: str, data: bytes) -> Material:
    kind = file_kind(name, data)
    paragraphs = {"docx": _read_docx, "pdf": _read_pdf, "txt": _read_txt}[kind](name, data)
    if not paragraphs:  # a Word file of pictures only, a text file of blank lines
        raise ReadError("no_text", name)
    material = Material(name=name, kind=kind, paragraphs=paragraphs)
    # Old files often mix fonts (a Unicode heading over a .VnTime body): the encoding is decided on the
    # paragraphs that are not already Unicode Vietnamese, and only those are converted.
    old = [p for p in paragraphs if not legacy.looks_unicode_vietnamese(p.text)]
    encoding = legacy.detect("\n".join(p.text for p in old))
    if encoding:
        material.legacy_encoding = encoding
        converted = {p.index for p in old}
        material.paragraphs = [Paragraph(clean(legacy.convert(p.text, encoding)), p.page, p.line, p.index)
                               if p.index in converted else p for p in paragraphs]
    return material


def decode_text(name: str, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: an old file in TCVN3/VNI (Latin-1 bytes, mapped in read_material) or Windows-1258.
    latin = data.decode("latin-1")
    if legacy.detect(latin):
        return latin
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise ReadError("encoding", name) from exc


def _read_txt(name: str, data: bytes) -> list[Paragraph]:
    lines = decode_text(name, data).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = []
    for number, line in enumerate(lines, start=1):
        text = clean(line)
        if text:
            out.append(Paragraph(text, None, number, len(out)))
    return out


def _read_docx(name: str, data: bytes) -> list[Paragraph]:
    from docx import Document

    try:
        body = Document(io.BytesIO(data)).element.body
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError("not_docx", name) from exc
    out, page = [], 1
    # Word writes a rendered break where each page began when it last laid the file out; a file never
    # laid out (written by a program) has only the explicit page breaks. One of the two is counted.
    rendered = body.find(f".//{_W}lastRenderedPageBreak") is not None
    # Every w:p in document order: body paragraphs, table cells and text boxes alike. A text box
    # saved with a VML fallback holds its text twice; the fallback copy is skipped.
    for element in body.iter(f"{_W}p"):
        if any(ancestor.tag == _MC_FALLBACK for ancestor in element.iterancestors()):
            continue
        parts, first_page = [], None  # a paragraph is on the page where its text starts
        for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}lastRenderedPageBreak"):
            # A text box inside this paragraph is a paragraph of its own (visited by the outer loop).
            if next(node.iterancestors(f"{_W}p")) is not element:
                continue
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
                first_page = first_page or (page if (node.text or "").strip() else None)
            elif node.tag == f"{_W}tab":
                parts.append(" ")
            elif node.tag == f"{_W}lastRenderedPageBreak":
                page += 1 if rendered and (out or "".join(parts).strip()) else 0
            elif node.get(f"{_W}type") == "page":
                page += 0 if rendered else 1
            else:
                parts.append(" ")
        text = clean("".join(parts))
        if text:
            out.append(Paragraph(text, first_page or page, None, len(out)))
    return out


def _read_pdf(name: str, data: bytes) -> list[Paragraph]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ReadError("bad_pdf", name) from exc
    if not any(text.strip() for text in pages):
        raise ReadError("scanned_pdf", name)
    out = []
    for number, text in enumerate(pages, start=1):
        lines = [clean(line) for line in text.splitlines()]
        longest = max((len(line) for line in lines), default=0)
        # PDF lines are layout lines: a paragraph ends at a blank line, a line ending a sentence, a
        # short line (a paragraph's last, or a heading), and a lesson heading stands alone.
        buffer: list[str] = []
        for line in lines + [""]:
            if buffer and _HEADING.match(line):
                out.append(Paragraph(clean(" ".join(buffer)), number, None, len(out)))
                buffer = []
            if line:
                buffer.append(line)
            ends = line.endswith((".", "!", "?", ":", "…")) or len(line) < 0.6 * longest or _HEADING.match(line)
            if buffer and (not line or ends):
                out.append(Paragraph(clean(" ".join(buffer)), number, None, len(out)))
                buffer = []
    return out

"""Low-level WordprocessingML helpers the DOCX renderer needs and python-docx lacks:
fonts for every script, borders, table widths, fields. No layout decisions here."""

import unicodedata

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
LANG = "vi-VN"
RFONTS_ATTRS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


# Child order of the property elements this module writes into (from the OOXML schema):
# Word refuses a file whose property elements are out of order.
_ORDER = {
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
              "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
              "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
              "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore",
               "w:wAfter", "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing",
               "w:jc", "w:hidden"),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
}
_ORDER = {qn(parent): sequence for parent, sequence in _ORDER.items()}


def _child(parent, tag: str):
    """The first child element `tag` of `parent`, created when missing at the place the
    schema orders it."""
    element = parent.find(qn(tag))
    if element is not None:
        return element
    element = OxmlElement(tag)
    sequence = _ORDER.get(parent.tag, ())
    if tag in sequence:
        later = {qn(t) for t in sequence[sequence.index(tag) + 1:]}
        for existing in parent:
            if existing.tag in later:
                existing.addprevious(element)
                return element
    parent.append(element)
    return element


def set_rfonts(rpr, name: str = FONT) -> None:
    """Name the font for every script slot, and drop theme fonts (which would win over
    the names): Vietnamese letters are otherwise drawn from the East-Asian or
    complex-script slot on some Word set-ups."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in RFONTS_ATTRS:
        rfonts.set(qn(attr), name)


def set_document_defaults(document, size_pt: float) -> None:
    """Times New Roman, black, Vietnamese for the document defaults and the Normal style,
    so that anything without direct formatting (empty cells, headers) follows too."""
    styles = document.styles.element
    rpr_default = _child(_child(_child(styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr")
    rfonts = _child(rpr_default, "w:rFonts")
    for attr in THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in RFONTS_ATTRS:
        rfonts.set(qn(attr), FONT)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(size_pt)
    normal.font.color.rgb = BLACK
    set_rfonts(normal.element.get_or_add_rPr())
    set_language(normal.element.get_or_add_rPr())


def set_language(rpr) -> None:
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)


def set_paragraph_border(paragraph, side: str = "bottom", size_eighths: int = 6) -> None:
    """A single solid line on one side of the paragraph (the short rules of the header
    are bottom borders of indented, nearly empty paragraphs)."""
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = _child(ppr, "w:pBdr")
    border = _child(pbdr, f"w:{side}")
    border.set(qn("w:val"), "single")
    border.set(qn("w:sz"), str(size_eighths))
    border.set(qn("w:space"), "1")
    border.set(qn("w:color"), "000000")


def set_paragraph_mark(paragraph, size_pt: float) -> None:
    """Font and size of the paragraph mark, which sets the height of an empty paragraph."""
    rpr = _child(paragraph._p.get_or_add_pPr(), "w:rPr")
    set_rfonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(int(size_pt * 2)))


def remove_table_borders(table) -> None:
    """No borders on any side or between cells (header and signature tables)."""
    tblpr = table._tbl.tblPr
    borders = _child(tblpr, "w:tblBorders")
    for side in BORDER_SIDES:
        element = _child(borders, f"w:{side}")
        element.set(qn("w:val"), "nil")


def set_table_widths(table, widths: list[Emu]) -> None:
    """Fixed column widths (Word and LibreOffice both honour tcW over autofit once the
    layout is fixed)."""
    table.autofit = False
    tblpr = table._tbl.tblPr
    tblw = _child(tblpr, "w:tblW")
    tblw.set(qn("w:w"), str(sum(int(w) for w in widths) // 635))  # EMU → twentieths of a pt
    tblw.set(qn("w:type"), "dxa")
    layout = _child(tblpr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    for index, width in enumerate(widths):
        table.columns[index].width = width
        for cell in table.columns[index].cells:
            cell.width = width


def set_table_cell_margins(table, left_right: Emu) -> None:
    tblpr = table._tbl.tblPr
    margins = _child(tblpr, "w:tblCellMar")
    for side in ("left", "right"):
        element = _child(margins, f"w:{side}")
        element.set(qn("w:w"), str(int(left_right) // 635))
        element.set(qn("w:type"), "dxa")


def repeat_as_header(row) -> None:
    """The row is repeated at the top of every page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    _child(trpr, "w:tblHeader")


def keep_row_on_one_page(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    _child(trpr, "w:cantSplit")


def add_field(paragraph, instruction: str, placeholder: str = "1"):
    """A complex field (begin, instruction, separate, cached result, end); Word updates
    the result when it lays the page out. Returns the runs for formatting."""
    runs = []

    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        runs.append(run)

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    runs.append(run)
    fld_char("separate")
    runs.append(paragraph.add_run(placeholder))
    fld_char("end")
    return runs


# Average advance widths of Times New Roman (measured on the metric-compatible Liberation
# Serif), in ems, by kind of character. Only used to size the short rules, which
# Nghị định 30 defines relative to the line of text above them.
_WIDTHS = {
    False: {"upper": 0.667, "lower": 0.459, "digit": 0.5, "space": 0.25, "other": 0.36},
    True: {"upper": 0.705, "lower": 0.489, "digit": 0.5, "space": 0.25, "other": 0.40},
}


def text_width(text: str, size_pt: float, bold: bool = False) -> Emu:
    """Approximate printed width of one line of text."""
    widths = _WIDTHS[bold]
    total = 0.0
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        if base.isspace():
            total += widths["space"]
        elif base.isdigit():
            total += widths["digit"]
        elif base.isalpha():
            total += widths["upper"] if base.isupper() else widths["lower"]
        else:
            total += widths["other"]
    return Emu(int(total * Pt(size_pt)))

"""Materials review, pure Python (no Django): read a file, find gendered mentions and stereotypes.

    from binhdang.review.analysis import read_material, review_material
    report = review_material(read_material("bai1.docx", data))
    report.to_json()

Modules: legacy (TCVN3/VNI), normalising (NFC, tone placement), reading, segmenting, lexicon*, mentions,
characters, cues, sayings, flags, suggestions, report.
"""

from .reading import Material, Paragraph, ReadError, read_material
from .report import Report, review_material

__all__ = ["Material", "Paragraph", "ReadError", "Report", "read_material", "review_material"]

"""Parsing of school plans (Kế hoạch) from text or Word into a structured ParsedPlan.

Pure Python (no Django): plan import, demo data and tests use it directly.
"""

from binhdang.plans.parsing.docx_reader import docx_text, parse_plan_docx
from binhdang.plans.parsing.model import ParsedPlan
from binhdang.plans.parsing.reader import parse_plan_text

__all__ = ["ParsedPlan", "docx_text", "parse_plan_docx", "parse_plan_text"]

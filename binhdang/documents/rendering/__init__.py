"""Renderers that turn a spec.OfficialDocument into a file (DOCX today)."""

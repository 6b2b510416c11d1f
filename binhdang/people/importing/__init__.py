"""Roster import: read a spreadsheet, recognise its columns, validate rows, write people.

reading → headers → validation (all pure, no database), then people.services writes.
"""

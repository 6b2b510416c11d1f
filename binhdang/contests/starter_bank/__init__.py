"""The starter question bank, written for the project from the laws in DOMAIN.md (65 questions)."""

from .laws import LAW_QUESTIONS
from .safety import SAFETY_QUESTIONS

QUESTIONS = LAW_QUESTIONS + SAFETY_QUESTIONS

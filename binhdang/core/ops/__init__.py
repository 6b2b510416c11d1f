"""Operator tasks that act on the whole installation: backup and restore."""

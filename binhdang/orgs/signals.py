"""Signals the organisation tree sends, so apps above it (indicators) can react to a change of the
tree without orgs importing them (arrows stay one way)."""

from django.dispatch import Signal

# Sent once per move, merge or close, inside its transaction, after the tree was rewritten.
# Arguments: units (the units whose place changed), on_date (the date the change takes effect),
# action ("move", "merge", "close").
tree_changed = Signal()

"""English interface, same dd/mm/yyyy dates: the data are Vietnamese records."""

from binhdang.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","

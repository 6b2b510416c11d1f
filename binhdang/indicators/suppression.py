"""Small incident cells hidden from above a school (DOMAIN.md §7), with the same two rules as
safeguarding's statistics: a cell 0 < n < suppress_below is hidden, and a line whose cells add up
(a total and its parts: the sexes of a unit, the children of a unit) never has exactly one hidden
cell, or it could be worked out by subtraction; the smallest other non-zero cell is hidden too."""

from collections import defaultdict
from collections.abc import Hashable, Iterable

Key = Hashable


def hide(cell):
    from .selectors import Figure

    return Figure(cell.indicator, None, None, True)


def complete(lines: list[list[Key]], cells: dict) -> None:
    """Hide complementary cells of `cells` ({key: Figure}) in place until no line has exactly one
    hidden cell. Keys missing from `cells` (no data) are ignored: an absent cell is not a number."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            present = [key for key in line if key in cells]
            if sum(cells[key].suppressed for key in present) != 1:
                continue
            candidates = [(cells[key].numerator, index) for index, key in enumerate(present)
                          if not cells[key].suppressed and cells[key].numerator]
            if candidates:
                key = present[min(candidates)[1]]
                cells[key] = hide(cells[key])
                changed = True


def lines_of(keys: Iterable[str]) -> list[list[str]]:
    """The lines that add up among disaggregation keys: the total "" with the cells of one
    dimension ("sex=F", "sex=M"), and for crossed keys each cell with its siblings along one
    dimension and their margin ("level=primary|sex=F", "level=primary|sex=M" and "level=primary")."""
    groups = defaultdict(list)
    for key in keys:
        parts = key.split("|") if key else []
        names = tuple(part.split("=", 1)[0] for part in parts)
        for index, part in enumerate(parts):
            margin = "|".join(parts[:index] + parts[index + 1:])
            groups[(names, part.split("=", 1)[0], margin)].append(key)
    return [[margin, *members] for (_names, _name, margin), members in groups.items()]

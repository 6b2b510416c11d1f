"""Statistics upward (issue 5, item 6): counts only, of the cases whose latest consent to
statistical reporting is given, by category, sex and age band, with small cells suppressed.

What leaves the case team here is a number per cell, never a case, a school or a person:
- Only cases of the schools under `unit` (the unit itself included), by OrgUnit.path prefix,
  received within [start, end] (local dates). Another province's cases never match the prefix.
- Consent: the latest Consent(purpose="statistics") row of the case (by recorded_at, then id)
  must have the parent's agreement and, for a child aged 7 or over, the child's (the law asks
  for both). A later row that withdraws it stops the case counting. No row: not counted.
- A cell 0 < n < BINHDANG_SUPPRESS_BELOW is shown as "<5" (value None); zero is shown (it
  reveals nothing). Complementary suppression: the table with its totals is a grid of lines
  (each row with its total, each column with its total, the totals row and column); a line with
  exactly one suppressed cell could give it back by subtraction, so the next smallest non-zero
  cell of that line is suppressed too, until no line has exactly one. Those cells show the same
  mark: a different one would tell that they are at least 5, and with a total that can give a
  small cell back (a total of 6 = one hidden "<5" + one hidden "≥5" means 1 + 5).
- One aggregate query whatever the number of schools (the grouping is done by the database).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .consents import cases_with_statistics_consent
from .models import AgeBand, Case, Category, PersonSex

# Rows: category × sex; "" is a case not yet classified (kept apart rather than counted as "other").
CATEGORIES = [*Category.choices, ("", _("Chưa phân loại"))]
SEXES = PersonSex.choices  # M, F, U (a blank sex on a case counts as U)
AGE_BANDS = AgeBand.choices  # columns; "" is "not known"


@dataclass
class Cell:
    count: int
    suppressed: bool = False

    @property
    def value(self) -> int | None:
        return None if self.suppressed else self.count

    def shown(self) -> str:
        return f"<{settings.BINHDANG_SUPPRESS_BELOW}" if self.suppressed else str(self.count)

    def __str__(self) -> str:
        return self.shown()


@dataclass
class Row:
    category: str
    category_label: str
    sex: str
    sex_label: str
    cells: list[Cell]
    total: Cell


@dataclass
class Table:
    start: dt.date
    end: dt.date
    bands: list[tuple[str, str]]
    rows: list[Row]
    column_totals: list[Cell]
    total: Cell
    threshold: int = field(default_factory=lambda: settings.BINHDANG_SUPPRESS_BELOW)

    @property
    def any_suppressed(self) -> bool:
        return self.total.suppressed or any(c.suppressed for c in self.column_totals) or any(
            c.suppressed for row in self.rows for c in [*row.cells, row.total])


@dataclass
class Totals:
    total: Cell
    by_sex: dict[str, Cell]


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=zone),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone))


def _counts(unit, start: dt.date, end: dt.date) -> dict[tuple[str, str, str], int]:
    """{(category, sex, age band): n} in one query."""
    low, high = _bounds(start, end)
    cases = Case.objects.filter(unit__path__startswith=unit.path, received_at__gte=low, received_at__lt=high)
    grouped = (cases_with_statistics_consent(cases).order_by().values("category", "victim_sex", "victim_age_band")
               .annotate(n=Count("id")))
    known_sexes = {value for value, _label in SEXES}
    counts: dict[tuple[str, str, str], int] = {}
    for row in grouped:
        sex = row["victim_sex"] if row["victim_sex"] in known_sexes else PersonSex.UNKNOWN
        key = (row["category"] or "", sex, row["victim_age_band"] or "")
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


def suppress(grid: list[list[int]], threshold: int, *, columns: bool = True) -> list[list[bool]]:
    """Which cells of `grid` to hide. The last row and the last column are the totals of the
    others (with columns=False, a single line whose last cell is its total). Primary:
    0 < n < threshold. Complementary: every line (row or column, totals included) ends with
    zero or at least two hidden cells."""
    height, width = len(grid), len(grid[0])
    hidden = [[0 < grid[r][c] < threshold for c in range(width)] for r in range(height)]
    lines = [[(r, c) for c in range(width)] for r in range(height)]
    if columns:
        lines += [[(r, c) for r in range(height)] for c in range(width)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(hidden[r][c] for r, c in line) != 1:
                continue
            candidates = [(grid[r][c], r, c) for r, c in line if grid[r][c] > 0 and not hidden[r][c]]
            # Never empty: a line's cells sum to its total, so a lone hidden cell has a shown partner.
            _n, r, c = min(candidates)
            hidden[r][c] = True
            changed = True
    return hidden


def case_counts(unit, start: dt.date, end: dt.date) -> Table:
    counts = _counts(unit, start, end)
    threshold = settings.BINHDANG_SUPPRESS_BELOW
    keys = [(cat, cat_label, sex, sex_label) for cat, cat_label in CATEGORIES for sex, sex_label in SEXES]
    inner = [[counts.get((cat, sex, band), 0) for band, _label in AGE_BANDS] for cat, _cl, sex, _sl in keys]
    grid = [[*line, sum(line)] for line in inner]
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    hidden = suppress(grid, threshold)
    cells = [[Cell(grid[r][c], hidden[r][c]) for c in range(len(grid[0]))] for r in range(len(grid))]
    rows = [Row(cat, str(cat_label), sex, str(sex_label), cells[i][:-1], cells[i][-1])
            for i, (cat, cat_label, sex, sex_label) in enumerate(keys)]
    return Table(start=start, end=end, bands=[(band, str(label)) for band, label in AGE_BANDS], rows=rows,
                 column_totals=cells[-1][:-1], total=cells[-1][-1], threshold=threshold)


def case_count_totals(unit, start: dt.date, end: dt.date) -> Totals:
    """The number of consented cases, and by sex, with the same suppression (one query), for the
    indicators and reports."""
    counts = _counts(unit, start, end)
    by_sex = [sum(n for (_cat, sex, _band), n in counts.items() if sex == value) for value, _label in SEXES]
    # One line: the sexes and their total, under the same rule.
    grid = [[*by_sex, sum(by_sex)]]
    hidden = suppress(grid, settings.BINHDANG_SUPPRESS_BELOW, columns=False)
    return Totals(total=Cell(grid[0][-1], hidden[0][-1]),
                  by_sex={value: Cell(grid[0][i], hidden[0][i]) for i, (value, _label) in enumerate(SEXES)})

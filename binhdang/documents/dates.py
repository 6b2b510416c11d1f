"""The place-and-date line of an official document ("Quế Sơn, ngày 05 tháng 01 năm 2023")."""

import datetime as dt

# Left blank for the văn thư to fill in by hand when the document is issued on paper.
BLANK = "    "


def day_month(day: dt.date) -> str:
    """ "ngày 05 tháng 01": Nghị định 30 writes a leading zero for days below 10 and for
    months 1 and 2 only (so "tháng 3" … "tháng 9" have none)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month}"


def format_place_date(place: str, day: dt.date | None, *, year: int | None = None) -> str:
    """ "Quế Sơn, ngày 05 tháng 01 năm 2023"; without a date the day and month stay blank
    ("Quế Sơn, ngày      tháng      năm 2023")."""
    if day is not None:
        text = f"{day_month(day)} năm {day.year}"
    else:
        text = f"ngày {BLANK} tháng {BLANK} năm {year if year else BLANK}"
    place = place.strip()
    return f"{place}, {text}" if place else text[0].upper() + text[1:]

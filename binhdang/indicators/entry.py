"""The hand-entry form: one line per manual indicator, read and checked before anything is saved.

Not a Django Form: the fields depend on each indicator (a rate has a denominator, "sex" adds the
parts), and every message must name the indicator and the field. Errors block the save; warnings
(a value far from last period's) only ask for confirmation ("Vẫn lưu").
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import Indicator

# Sex parts in entry order; "U" (not recorded) may be left empty.
SEXES = ("F", "M", "U")
# A value is flagged when it moved by more than this share of last period's value AND by more
# than OUTLIER_UNITS (so that 2 → 4 in a small school is not flagged).
OUTLIER_SHARE = 0.5
OUTLIER_UNITS = 5


def sex_label(code: str) -> str:
    return {"F": _("Nữ"), "M": _("Nam"), "U": _("Chưa ghi nhận")}[code]


def part_label(part: str) -> str:
    return _("tử số") if part == "num" else _("mẫu số")


def field_label(key: str) -> str:
    """"num" → "tử số (tổng)", "den-F" → "mẫu số (Nữ)"."""
    part, _sep, sex = key.partition("-")
    return f"{part_label(part)} ({sex_label(sex) if sex else _('tổng')})"


@dataclass
class Line:
    indicator: Indicator
    raw: dict[str, str] = field(default_factory=dict)  # field key -> text as typed (or stored)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows: dict[str, tuple[int, int | None]] = field(default_factory=dict)  # what value_set receives

    @property
    def has_sex(self) -> bool:
        return "sex" in (self.indicator.disaggregations or [])

    @property
    def parts(self) -> list[str]:
        return ["num", "den"] if self.indicator.is_rate else ["num"]

    @property
    def keys(self) -> list[str]:
        keys = list(self.parts)
        if self.has_sex:
            keys += [f"{part}-{sex}" for part in self.parts for sex in SEXES]
        return keys

    def name(self, key: str) -> str:
        return f"v-{self.indicator.code}-{key}"

    def grid(self) -> list[dict]:
        """The same inputs as rows (total, Nữ, Nam, Chưa ghi nhận) × columns (numerator, denominator),
        which reads on a phone as the paper forms do."""
        sexes = SEXES if self.has_sex else ()
        return [{"label": sex_label(sex) if sex else _("Tổng"),
                 "cells": [{"name": self.name(f"{part}-{sex}" if sex else part),
                            "label": field_label(f"{part}-{sex}" if sex else part),
                            "value": self.raw.get(f"{part}-{sex}" if sex else part, "")} for part in self.parts]}
                for sex in ("", *sexes)]

    def error(self, message: str) -> None:
        self.errors.append(f"«{self.indicator.name}»: {message}")


def lines_from_stored(indicators: list[Indicator], stored: dict[int, dict]) -> list[Line]:
    lines = []
    for indicator in indicators:
        line = Line(indicator)
        rows = stored.get(indicator.pk, {})
        for key in line.keys:
            part, _sep, sex = key.partition("-")
            row = rows.get(f"sex={sex}" if sex else "")
            if row is not None:
                number = row[0] if part == "num" else row[1]
                line.raw[key] = "" if number is None else str(number)
        lines.append(line)
    return lines


def lines_from_post(indicators: list[Indicator], data) -> list[Line]:
    """Read and check every line; each line's `rows` is set only when it has no error."""
    lines = []
    for indicator in indicators:
        line = Line(indicator)
        line.raw = {key: (data.get(line.name(key)) or "").strip() for key in line.keys}
        _check(line)
        lines.append(line)
    return lines


def _number(line: Line, key: str) -> int | None:
    text = line.raw.get(key, "")
    if text == "":
        return None
    if not text.isdigit():  # also refuses "-3", "2.5", "1e3"
        line.error(_("%(field)s phải là số nguyên không âm (đã nhập “%(text)s”).")
                   % {"field": field_label(key), "text": text})
        return None
    return int(text)


def _check(line: Line) -> None:
    numbers = {key: _number(line, key) for key in line.keys}
    if line.errors or all(value is None for value in numbers.values()):
        return  # an empty line stores nothing (and clears what was stored)
    for part in line.parts:
        if numbers[part] is None:
            line.error(_("cần nhập %(field)s.") % {"field": field_label(part)})
    if line.errors:
        return
    sexed = line.has_sex and any(numbers[f"{part}-{sex}"] is not None for part in line.parts for sex in SEXES)
    groups = [("", "")] + ([(f"-{sex}", f"sex={sex}") for sex in SEXES] if sexed else [])
    for suffix, _key in groups:
        num, den = numbers[f"num{suffix}"] or 0, numbers.get(f"den{suffix}")
        if line.indicator.is_rate and num > (den or 0):
            line.error(_("%(num_field)s (%(num)s) không được lớn hơn %(den_field)s (%(den)s).") % {
                "num_field": field_label(f"num{suffix}"), "num": num,
                "den_field": field_label(f"den{suffix}"), "den": den or 0})
    if sexed:
        for part in line.parts:
            total = sum(numbers[f"{part}-{sex}"] or 0 for sex in SEXES)
            if total != numbers[part]:
                line.error(_("Nữ + Nam + Chưa ghi nhận của %(part)s (%(sum)s) phải bằng %(field)s (%(total)s).") % {
                    "part": part_label(part), "sum": total, "field": field_label(part), "total": numbers[part]})
    if line.errors:
        return
    for suffix, key in groups:
        num = numbers[f"num{suffix}"] or 0
        den = (numbers[f"den{suffix}"] or 0) if line.indicator.is_rate else None
        # "Not recorded" left empty or zero is not stored: zeros of an optional part say nothing.
        if suffix == "-U" and not num and not den:
            continue
        line.rows[key] = (num, den)


def flag_outliers(lines: list[Line], stored: dict[int, dict], previous: dict[int, dict], previous_period: str) -> None:
    """Warn about values that moved far from the unit's previous period. Values already stored for
    this period as they are now were confirmed before: they are not flagged again."""
    for line in lines:
        before = previous.get(line.indicator.pk, {})
        now = stored.get(line.indicator.pk, {})
        for key, (num, den) in line.rows.items():
            if key not in before or now.get(key) == (num, den):
                continue
            suffix = f"-{key[4:]}" if key else ""
            for part, new, old in (("num", num, before[key][0]), ("den", den, before[key][1])):
                if new is None or old is None:
                    continue
                change = abs(new - old)
                if change > OUTLIER_UNITS and change > OUTLIER_SHARE * old:
                    line.warnings.append(_(
                        "«%(name)s», %(field)s: %(new)s, chênh lệch lớn so với %(old)s của năm học %(period)s "
                        "(hơn 50 %% và hơn %(units)s đơn vị).") % {
                        "name": line.indicator.name, "field": field_label(f"{part}{suffix}"), "new": new,
                        "old": old, "period": previous_period, "units": OUTLIER_UNITS})

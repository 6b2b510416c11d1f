"""A synthetic country for the aggregation benchmark (`binhdang bench-data`, issue 6).

A ministry root, 34 provinces (Sở), up to 100 communes each and N schools of mixed levels: upper
secondary schools report to their province, the others to a commune (the tree since 1 July 2025).
Every school gets a staff roster, students enrolled in a class in each of the last five school
years with class cadre roles, and activities with participants by sex in each of those years.
Rows go in as plain tuples in large batches (bench_rows), a few hundred schools at a time (memory
stays flat): no model instance, no signal, so nothing is recomputed per row; the indicator values of
the five periods are then computed set-based by `refresh.recompute_all`, one pass per indicator.

Every generated unit's code starts with "bench-", so the data never mixes with real units and
`delete()` can find it again. The same seed gives the same figures.
"""

import datetime as dt
import random
from collections.abc import Callable

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from binhdang.activities.models import Activity, Participation
from binhdang.audit.services import record
from binhdang.lib.vntext import fold, full_name, name_sort_key
from binhdang.orgs.models import OrgUnit, ParentLink, SchoolClass, SchoolYear
from binhdang.people.models import CadreAssignment, Enrollment, StaffMember, Student

from . import periods, refresh
from .bench_rows import Table, reset_sequences
from .computations import COMPUTATIONS
from .models import DataValue, Indicator, Rollup

PREFIX = "bench-"
PROVINCES = 34
MAX_COMMUNES = 100
SCHOOLS_PER_COMMUNE = 15  # about 52,000 schools over 3,400 communes
CHUNK = 500  # schools generated and inserted together
BATCH = 5000
LEVELS = [("preschool", 30), ("primary", 30), ("lower_secondary", 24), ("upper_secondary", 11), ("multi_level", 5)]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN = {"F": ["Lan", "Hoa", "Mai", "Hương", "Thảo", "Ngọc", "Linh", "Trang"],
         "M": ["An", "Bình", "Cường", "Dũng", "Hùng", "Minh", "Quang", "Tuấn"]}
MIDDLE = {"F": "Thị", "M": "Văn"}
CADRE_ROLES = ("monitor", "deputy_monitor", "group_leader")
ACTIVITY_KINDS = ("flag_talk", "communication", "club", "contest", "staff_meeting", "training")
Progress = Callable[[str], None]


class BenchDataExists(Exception):
    pass


def exists() -> bool:
    return OrgUnit.objects.filter(code__startswith=PREFIX).exists()


def _names(rng: random.Random) -> dict[str, list[tuple[str, str, str, str, str]]]:
    """A pool of names per sex with their derived sort and search keys, computed once."""
    pool = {}
    for sex in ("F", "M"):
        rows = []
        for family in FAMILY:
            for given in GIVEN[sex]:
                name = full_name(family, MIDDLE[sex], given)
                rows.append((family, MIDDLE[sex], given, name_sort_key(family, MIDDLE[sex], given), fold(name)))
        rng.shuffle(rows)
        pool[sex] = rows
    return pool


def _positions(count: int) -> list[str]:
    """A principal, one or two vice-principals, a Đội leader, an office worker, the rest teachers."""
    head = ["principal", "vice_principal", "vice_principal" if count >= 10 else "teacher", "pioneer_leader", "staff"]
    return (head + ["teacher"] * count)[:count]


def build_tree(schools: int, rng: random.Random) -> tuple[list[int], list[tuple[int, str]]]:
    """The units, with ids assigned here so that paths go in with the rows (no second pass);
    returns the province ids and (school id, level) pairs."""
    next_id = (OrgUnit.objects.aggregate(top=Max("id"))["top"] or 0) + 1
    units: list[OrgUnit] = []
    links: list[ParentLink] = []

    def add(code, name, kind, parent: OrgUnit | None, level=""):
        nonlocal next_id
        unit = OrgUnit(id=next_id, code=f"{PREFIX}{code}", name=name, kind=kind, school_level=level,
                       parent_id=parent.pk if parent else None, path=f"{parent.path if parent else ''}{next_id}.")
        next_id += 1
        units.append(unit)
        if parent is not None:
            links.append(ParentLink(unit_id=unit.pk, parent_id=parent.pk))
        return unit

    # Paths as orgs.services writes them ("1.2.3."): readers split on the dots.
    root = add("bo", "Bộ Giáo dục và Đào tạo (bench)", "ministry", None)
    per_province = max(1, min(MAX_COMMUNES, schools // (PROVINCES * SCHOOLS_PER_COMMUNE)))
    provinces, communes = [], []
    for p in range(1, PROVINCES + 1):
        province = add(f"p{p:02d}", f"Sở GD&ĐT Tỉnh Bench {p:02d}", "department", root)
        provinces.append(province)
        communes.append([add(f"p{p:02d}-c{c:03d}", f"Xã Bench {p:02d}-{c:03d}", "commune", province)
                         for c in range(1, per_province + 1)])
    levels, weights = zip(*LEVELS, strict=True)
    school_rows = []
    for n in range(schools):
        p = n % PROVINCES
        level = rng.choices(levels, weights)[0]
        parent = provinces[p] if level == "upper_secondary" else rng.choice(communes[p])
        school = add(f"s{n + 1:06d}", f"Trường Bench {n + 1:06d}", "school", parent, level)
        school_rows.append((school.pk, level))
    OrgUnit.objects.bulk_create(units, batch_size=BATCH)
    ParentLink.objects.bulk_create(links, batch_size=BATCH)
    reset_sequences([OrgUnit])  # explicit ids leave PostgreSQL's sequence behind
    return [p.pk for p in provinces], school_rows


def _years(codes: list[str]) -> list[SchoolYear]:
    years = []
    for code in codes:
        start = int(code[:4])
        year, _ = SchoolYear.objects.get_or_create(
            code=code, defaults={"starts_on": dt.date(start, 9, 5), "ends_on": dt.date(start + 1, 5, 31)})
        years.append(year)
    return years


def _tables() -> dict[str, Table]:
    return {
        "staff": Table(StaffMember, ["unit_id", "family_name", "middle_name", "given_name", "sex", "position",
                                     "meets_new_standard", "sort_key", "search_text"]),
        "students": Table(Student, ["unit_id", "family_name", "middle_name", "given_name", "sex", "sort_key",
                                    "search_text"]),
        "classes": Table(SchoolClass, ["unit_id", "school_year_id", "name", "grade"]),
        "enrollments": Table(Enrollment, ["student_id", "school_class_id", "school_year_id"]),
        "cadres": Table(CadreAssignment, ["enrollment_id", "role"]),
        "activities": Table(Activity, ["unit_id", "kind", "title", "status", "audiences", "starts_at"]),
        "participations": Table(Participation, ["activity_id", "group", "sex", "count"]),
    }


def _school(tables, unit_id, years, staff_per_school, students_per_school, activities_per_year, names, rng):
    """One school's rows: roster, its one class of every year with all its students enrolled
    (three of them hold a cadre role), and its activities of every year with participants."""
    for position in _positions(staff_per_school):
        sex = "F" if rng.random() < (0.45 if position in ("principal", "vice_principal") else 0.7) else "M"
        family, middle, given, key, search = rng.choice(names[sex])
        tables["staff"].add(unit_id, family, middle, given, sex, position, rng.random() < 0.85, key, search)
    pupils = []
    for _ in range(students_per_school):
        sex = "F" if rng.random() < 0.49 else "M"
        family, middle, given, key, search = rng.choice(names[sex])
        pupils.append(tables["students"].add(unit_id, family, middle, given, sex, key, search))
    today = timezone.localdate()
    for grade, year in enumerate(years, start=1):
        class_id = tables["classes"].add(unit_id, year.pk, f"{grade}A", grade)
        enrolled = [tables["enrollments"].add(pupil, class_id, year.pk) for pupil in pupils]
        for enrollment, role in zip(rng.sample(enrolled, min(3, len(enrolled))), CADRE_ROLES, strict=False):
            tables["cadres"].add(enrollment, role)
        first, _last = periods.parse(year.code)
        span = max(1, min(260, (today - first).days))  # within the year, and not after today
        for n in range(activities_per_year):
            day = first + dt.timedelta(days=rng.randrange(span))
            activity = tables["activities"].add(
                unit_id, ACTIVITY_KINDS[n % len(ACTIVITY_KINDS)], f"Hoạt động bình đẳng giới {n + 1}", "done",
                ["students"], timezone.make_aware(dt.datetime(day.year, day.month, day.day, 7, 30)))
            tables["participations"].add(activity, "students", "F", rng.randrange(5, 60))
            tables["participations"].add(activity, "students", "M", rng.randrange(5, 60))
            tables["participations"].add(activity, "staff", "F", rng.randrange(1, 8))


def ensure_indicators() -> list[Indicator]:
    """An active Indicator row for every registered computation, so that every computation the
    code knows is benchmarked. Catalogue rows win; a computation without one gets a row coded
    "bench-…" (counted as a rate when its rows carry a denominator)."""
    made = []
    for name, function in sorted(COMPUTATIONS.items()):
        if Indicator.objects.filter(computation=name).exists():
            continue
        sample = next(iter(function(None, periods.current()).values()), {})
        is_rate = any(den is not None for _num, den in sample.values())
        title = (function.__doc__ or name).strip().splitlines()[0][:300]
        made.append(Indicator.objects.create(
            code=f"{PREFIX}{name.replace('_', '-')}"[:60], name=title, numerator_label=title,
            denominator_label=title if is_rate else "", factor=100 if is_rate else 1,
            time_aggregation="stock" if name == "women_managers_share" else "flow",
            source="staff" if name == "women_managers_share" else "manual", computation=name))
    return made


def delete() -> None:
    """Remove every generated row (units coded "bench-…" and what hangs off them) with plain
    DELETEs: no per-row signal, no refresh of the units being removed."""
    units = list(OrgUnit.objects.filter(code__startswith=PREFIX).values_list("id", flat=True))
    with transaction.atomic():
        for start in range(0, len(units), 900):  # SQLite's limit on query parameters
            ids = units[start:start + 900]
            Participation.objects.filter(activity__unit_id__in=ids)._raw_delete(connection.alias)
            Activity.objects.filter(unit_id__in=ids)._raw_delete(connection.alias)
            CadreAssignment.objects.filter(enrollment__school_class__unit_id__in=ids)._raw_delete(connection.alias)
            Enrollment.objects.filter(school_class__unit_id__in=ids)._raw_delete(connection.alias)
            SchoolClass.objects.filter(unit_id__in=ids)._raw_delete(connection.alias)
            Student.objects.filter(unit_id__in=ids)._raw_delete(connection.alias)
            StaffMember.objects.filter(unit_id__in=ids)._raw_delete(connection.alias)
            DataValue.objects.filter(unit_id__in=ids)._raw_delete(connection.alias)
            Rollup.objects.filter(unit_id__in=ids)._raw_delete(connection.alias)
            ParentLink.objects.filter(unit_id__in=ids)._raw_delete(connection.alias)
        # Children before parents (PROTECT): deepest paths first.
        for kind in ("school", "commune", "department", "ministry"):
            OrgUnit.objects.filter(code__startswith=PREFIX, kind=kind)._raw_delete(connection.alias)
        Indicator.objects.filter(code__startswith=PREFIX).delete()


def generate(*, schools: int, seed: int = 1, staff_per_school: int = 12, students_per_school: int = 15,
             activities_per_year: int = 2, replace: bool = False, progress: Progress = print) -> dict[str, int]:
    if exists():
        if not replace:
            raise BenchDataExists("Đã có dữ liệu bench (đơn vị mã “bench-…”); dùng --replace để tạo lại.")
        delete()
        progress("removed the previous bench data")
    rng = random.Random(seed)
    names = _names(rng)
    period_codes = periods.recent(5)
    counts = {"provinces": PROVINCES, "schools": schools}
    if connection.vendor == "sqlite":
        # A 256 MB page cache for this connection: the indexes of millions of new rows stay in memory.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")
    with refresh.deferred(), transaction.atomic():
        provinces, school_rows = build_tree(schools, rng)
        counts["units"] = OrgUnit.objects.filter(code__startswith=PREFIX).count()
        progress(f"tree: {counts['units']:,} units ({len(provinces)} provinces, {schools:,} schools)")
        years = _years(period_codes)
        tables = _tables()
        for n, (unit_id, _level) in enumerate(school_rows, start=1):
            _school(tables, unit_id, years, staff_per_school, students_per_school, activities_per_year, names, rng)
            if n % CHUNK == 0 or n == len(school_rows):
                for table in tables.values():
                    table.flush()
                if n % (CHUNK * 10) == 0 or n == len(school_rows):
                    progress(f"rosters and activities: {n:,} / {schools:,} schools")
        reset_sequences([table.model for table in tables.values()])
        counts.update({name: table.count for name, table in tables.items()})
        ensure_indicators()
        for code in period_codes:
            written = refresh.recompute_all(code)
            counts[f"values {code}"] = written
            progress(f"indicator values {code}: {written:,} values, rollups rebuilt")
        record(actor=None, unit=None, action="indicator.bench_data", details={"schools": schools, "seed": seed})
    return counts

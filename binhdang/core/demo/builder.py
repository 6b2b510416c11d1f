"""Builds the demo data (idempotent): units, internal bodies, classes, rosters, logins."""

import datetime as dt
import random
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from binhdang.accounts.models import Membership, User
from binhdang.indicators import periods, refresh
from binhdang.legal.services import registry_sync
from binhdang.lib.vntext import nfc, split_full_name
from binhdang.orgs import services as org_services
from binhdang.orgs.models import InternalBody, OrgUnit, SchoolClass, SchoolYear
from binhdang.people.models import (
    BodyMembership,
    BodyRole,
    CadreAssignment,
    CadreRole,
    Enrollment,
    Position,
    Sex,
    StaffMember,
    Student,
)

from . import names, structure
from .action_month import ensure_action_month
from .activities import SCHOOL, ensure_school_year_2023
from .contests import ensure_contests
from .plans import ensure_seed_plans
from .reports import ensure_reports
from .safeguarding import ensure_safeguarding


def school_year_for(day: dt.date) -> tuple[int, int]:
    start = day.year if day.month >= 9 else day.year - 1
    return start, start + 1


def ensure_school_years(today: dt.date) -> SchoolYear:
    current_start, _ = school_year_for(today)
    current = None
    for start in range(2021, current_start + 1):
        year, _created = SchoolYear.objects.get_or_create(
            code=f"{start}-{start + 1}",
            defaults={"starts_on": dt.date(start, 9, 5), "ends_on": dt.date(start + 1, 5, 31)},
        )
        current = year
    return current


def ensure_units() -> dict[str, OrgUnit]:
    units: dict[str, OrgUnit] = {}
    for code, name, short, kind, level, parent, place, start, _end in structure.UNITS:
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            unit = org_services.org_unit_create(
                actor=None, acting_unit=None, code=code, name=name, short_name=short, kind=kind,
                school_level=level, parent=units.get(parent), place=place, valid_from=start,
            )
        units[code] = unit
    for code, new_parent in structure.REFORM_MOVES:
        unit, parent = OrgUnit.objects.get(code=code), OrgUnit.objects.get(code=new_parent)
        if unit.parent_id != parent.pk:
            org_services.org_unit_move(actor=None, acting_unit=None, unit=unit, new_parent=parent,
                                       on_date=structure.REFORM_DAY)
    for code, successor in structure.REFORM_SUCCESSORS:
        unit = OrgUnit.objects.get(code=code)
        if not unit.is_closed:
            org_services.org_unit_close(actor=None, acting_unit=None, unit=unit,
                                        on_date=structure.REFORM_DAY,
                                        successor=OrgUnit.objects.get(code=successor))
    return {code: OrgUnit.objects.get(code=code) for code in units}


def _person_name(rng: random.Random, sex: str) -> tuple[str, str, str]:
    female = sex == Sex.FEMALE
    return (
        rng.choice(names.FAMILY_NAMES),
        rng.choice(names.MIDDLE_FEMALE if female else names.MIDDLE_MALE),
        rng.choice(names.GIVEN_FEMALE if female else names.GIVEN_MALE),
    )


def ensure_bodies(school: OrgUnit) -> list[InternalBody]:
    bodies = []
    for kind, name, short in structure.BODIES_COMMON + structure.BODIES_BY_SCHOOL[school.code]:
        body, _ = InternalBody.objects.get_or_create(unit=school, name=name,
                                                     defaults={"kind": kind, "short_name": short})
        bodies.append(body)
    return bodies


def ensure_staff(school: OrgUnit, bodies: list[InternalBody], principal_name: str) -> None:
    if StaffMember.objects.filter(unit=school).exists():
        return
    _grades, _per_grade, _size, staff_count = structure.SCHOOL_SIZES[school.code]
    rng = random.Random(f"staff-{school.code}")
    prefix = school.short_name or school.code.upper()
    staff = []
    for i in range(staff_count):
        # Teaching staff in Vietnamese schools are mostly women, more so in primary schools.
        female_share = 0.85 if school.school_level == "primary" else 0.65
        sex = Sex.FEMALE if rng.random() < female_share else Sex.MALE
        family, middle, given = _person_name(rng, sex)
        position = Position.TEACHER
        if i == 0:
            family, middle, given = split_full_name(principal_name)
            sex, position = Sex.FEMALE if " Thị " in f" {middle} " else Sex.MALE, Position.PRINCIPAL
        elif i in (1, 2):
            position = Position.VICE_PRINCIPAL
        elif i == 3 and school.school_level == "primary":
            position = Position.PIONEER_LEADER
        elif i >= staff_count - 5:
            position = Position.STAFF
        member = StaffMember(
            unit=school, external_id=f"{prefix}-CB{i + 1:03d}", family_name=family, middle_name=middle,
            given_name=given, sex=sex, position=position,
            date_of_birth=dt.date(rng.randint(1968, 1999), rng.randint(1, 12), rng.randint(1, 28)),
            meets_new_standard=None if rng.random() < 0.05 else rng.random() < 0.8,
        )
        member.refresh_derived()
        staff.append(member)
    StaffMember.objects.bulk_create(staff)
    staff = list(StaffMember.objects.filter(unit=school).order_by("external_id"))
    seats = []
    committee = next(b for b in bodies if b.kind == "committee")
    for j, member in enumerate(staff[:7]):
        seats.append(BodyMembership(staff=member, body=committee, role=BodyRole.HEAD if j == 0 else BodyRole.MEMBER))
    for body in bodies:
        if body.kind in ("subject_group", "trade_union", "counselling_team"):
            chosen = rng.sample(staff[3:], 5)
            seats += [BodyMembership(staff=m, body=body, role=BodyRole.HEAD if k == 0 else BodyRole.MEMBER)
                      for k, m in enumerate(chosen) if (m.pk, body.pk) not in {(s.staff.pk, s.body.pk) for s in seats}]
    BodyMembership.objects.bulk_create(seats, ignore_conflicts=True)


def ensure_students(school: OrgUnit, year: SchoolYear) -> None:
    if Student.objects.filter(unit=school).exists():
        return
    grades, per_grade, size, _staff = structure.SCHOOL_SIZES[school.code]
    rng = random.Random(f"students-{school.code}")
    prefix = school.short_name or school.code.upper()
    start_year = int(year.code[:4])
    primary = school.school_level == "primary"
    letters = "A" if primary else "A"
    number = 0
    for grade in grades:
        for k in range(1, per_grade + 1):
            school_class, _ = SchoolClass.objects.get_or_create(
                unit=school, school_year=year, name=f"{grade}{letters}{k}", defaults={"grade": grade}
            )
            students = []
            for _i in range(size):
                number += 1
                sex = Sex.FEMALE if rng.random() < 0.49 else Sex.MALE
                family, middle, given = _person_name(rng, sex)
                age = grade + 5
                student = Student(
                    unit=school, external_id=f"{prefix}-HS{number:05d}", family_name=family,
                    middle_name=middle, given_name=given, sex=sex,
                    date_of_birth=dt.date(start_year - age, rng.randint(1, 12), rng.randint(1, 28)),
                )
                student.refresh_derived()
                students.append(student)
            Student.objects.bulk_create(students)
            created = list(Student.objects.filter(unit=school, external_id__in=[s.external_id for s in students]))
            Enrollment.objects.bulk_create(
                [Enrollment(student=s, school_class=school_class, school_year=year) for s in created]
            )
            enrollments = list(Enrollment.objects.filter(school_class=school_class).order_by("id"))
            roles = [CadreRole.MONITOR, CadreRole.DEPUTY_MONITOR,
                     CadreRole.PIONEER_CHIEF if primary else CadreRole.YOUTH_SECRETARY]
            holders = rng.sample(enrollments, len(roles))
            CadreAssignment.objects.bulk_create(
                [CadreAssignment(enrollment=e, role=r) for e, r in zip(holders, roles, strict=True)]
            )


def demo_password() -> tuple[str, bool]:
    """BINHDANG_DEMO_PASSWORD, else one generated once into var/ (so re-runs keep it)."""
    if settings.DEMO_PASSWORD:
        return settings.DEMO_PASSWORD, False
    path = settings.VAR_DIR / "demo_password"
    if path.exists():
        return path.read_text().strip(), True
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    password = "bd-" + secrets.token_urlsafe(9)
    path.write_text(password)
    path.chmod(0o600)
    return password, True


def ensure_logins(units: dict[str, OrgUnit], password: str) -> list[tuple[str, str, str]]:
    rows = []
    admin, _ = User.objects.get_or_create(username="admin", defaults={"full_name": "Quản trị nền tảng"})
    admin.is_superuser = admin.is_staff = True
    admin.set_password(password)
    admin.save()
    rows.append(("admin", "Quản trị nền tảng", "—"))
    for username, full, code, role in structure.LOGINS:
        user, _ = User.objects.get_or_create(username=username, defaults={"full_name": nfc(full)})
        user.set_password(password)
        user.save(update_fields=["password"])
        membership, _ = Membership.objects.get_or_create(user=user, unit=units[code], role=role)
        rows.append((username, membership.get_role_display(), units[code].name))
    return rows


def ensure_2023(units: dict[str, OrgUnit], plans) -> None:
    """THPT Quế Sơn's 2023: plan issued, activities over the year, the Action Month (see the modules)."""
    plan = next((p for p in plans if p.issuer_unit_id == units[SCHOOL].pk), None)
    if plan is None:
        return
    actors = {key: User.objects.get(username=name) for key, name in
              (("ht", "ht.queson"), ("gv", "gv.queson"), ("so", "so.danang"))}
    ensure_school_year_2023(units[SCHOOL], plan, actors)
    ensure_action_month(units[SCHOOL], units["so-gddt-da-nang"], actors)


# The school years the demo's records fall in (THPT Quế Sơn's 2023: its plan in February, its
# Action Month in November), besides the current one.
DEMO_PERIODS = ["2022-2023", "2023-2024"]


@transaction.atomic
def build_demo(today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    # Each record saved would recompute its school's indicators: hold them and compute once.
    with refresh.deferred():
        result = _build(today)
    # Figures for every period the demo covers, rollups included (recompute_all rebuilds them).
    for period in sorted({*DEMO_PERIODS, periods.period_of(today), periods.current()}):
        refresh.recompute_all(period)
    return result


def _build(today: dt.date) -> dict:
    year = ensure_school_years(today)
    registry_sync()
    units = ensure_units()
    principals = {code: full for (_u, full, code, role) in structure.LOGINS if role == "principal"}
    for code in structure.SCHOOL_SIZES:
        school = units[code]
        bodies = ensure_bodies(school)
        ensure_staff(school, bodies, principals[code])
        ensure_students(school, year)
    plans = ensure_seed_plans(units)
    password, generated = demo_password()
    logins = ensure_logins(units, password)
    if plans is not None:
        ensure_2023(units, plans)
    with transaction.atomic():
        cases = ensure_safeguarding(units)
    ensure_reports(units)
    contest = ensure_contests(units)
    return {"logins": logins, "password": password, "generated": generated, "school_year": year.code,
            "plans": plans, "cases": cases, "contest": contest}

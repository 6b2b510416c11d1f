"""Test helpers: a small tree with one named user per role (used by conftest fixtures).

    Sở (province) ─┬─ Phòng (closed 2025) ─ …history
                   ├─ Xã (commune) ─ school A (primary)
                   └─ school B (upper secondary, reports to the Sở)
    Other Sở ─ school X  (outsiders live here)
"""

import datetime as dt
from dataclasses import dataclass, field

from binhdang.accounts.models import Membership, User
from binhdang.orgs import services as org_services
from binhdang.orgs.models import OrgUnit

PASSWORD = "mat-khau-thu-nghiem-1"


@dataclass
class World:
    province: OrgUnit
    commune: OrgUnit
    school: OrgUnit
    school_b: OrgUnit
    other_province: OrgUnit
    other_school: OrgUnit
    users: dict[str, User] = field(default_factory=dict)

    def __getattr__(self, name):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


def make_unit(code, kind, parent=None, level="", name=None) -> OrgUnit:
    return org_services.org_unit_create(
        actor=None, acting_unit=None, code=code, name=name or code, kind=kind, parent=parent,
        school_level=level,
    )


def make_user(username: str, unit: OrgUnit | None = None, role: str | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, full_name=username, **extra)
    if unit is not None and role is not None:
        Membership.objects.create(user=user, unit=unit, role=role)
    return user


def build_world() -> World:
    province = make_unit("so-a", "department", name="Sở GD&ĐT A")
    commune = make_unit("xa-a", "commune", province, name="UBND xã A")
    school = make_unit("truong-a", "school", commune, "primary", name="Trường Tiểu học A")
    school_b = make_unit("truong-b", "school", province, "upper_secondary", name="Trường THPT B")
    other_province = make_unit("so-x", "department", name="Sở GD&ĐT X")
    other_school = make_unit("truong-x", "school", other_province, "primary", name="Trường Tiểu học X")
    world = World(province, commune, school, school_b, other_province, other_school)
    world.users = {
        "admin": make_user("admin", is_superuser=True, is_staff=True),
        "province_officer": make_user("so", province, "province_officer"),
        "commune_officer": make_user("xa", commune, "commune_officer"),
        "principal": make_user("hieutruong", school, "principal"),
        "committee_member": make_user("ban", school, "committee_member"),
        "unit_lead": make_user("totruong", school, "unit_lead"),
        "teacher": make_user("giaovien", school, "teacher"),
        "counsellor": make_user("tuvan", school, "counsellor"),
        "outsider": make_user("nguoingoai", other_school, "principal"),
        "no_role": make_user("chuaco"),
    }
    return world


TODAY = dt.date(2026, 11, 22)


def client_in(user: User, unit: OrgUnit):
    """A Django test client of its own, logged in as `user`, with `unit` chosen in the switcher."""
    from django.test import Client

    from binhdang.accounts.middleware import SESSION_KEY

    client = Client()
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = str(unit.uid)
    session.save()
    return client

"""Roles held per organisation unit, and the access levels they grant.

A level is what a view asks for; a role is what a membership holds. Keeping the two
apart lets a later feature ask for "MANAGE" without listing every role that has it.
"""

from enum import IntEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROVINCE_OFFICER = "province_officer", _("Cán bộ Sở GD&ĐT")
    COMMUNE_OFFICER = "commune_officer", _("Cán bộ UBND xã/phường")
    PRINCIPAL = "principal", _("Hiệu trưởng")
    COMMITTEE_MEMBER = "committee_member", _("Thành viên Ban VSTBPN")
    UNIT_LEAD = "unit_lead", _("Trưởng bộ phận")
    TEACHER = "teacher", _("Giáo viên")
    COUNSELLOR = "counsellor", _("Tư vấn tâm lý")


class Level(IntEnum):
    VIEW = 10  # read the unit's programme data
    EDIT = 20  # record work for the unit (activities, evidence)
    MANAGE = 30  # rosters, plans, internal bodies
    ADMIN = 40  # the unit tree, memberships, issuing documents


ROLE_LEVEL: dict[str, Level] = {
    Role.TEACHER: Level.EDIT,  # teachers record the work they do (activities, evidence, lessons)
    Role.COUNSELLOR: Level.VIEW,
    Role.UNIT_LEAD: Level.EDIT,
    Role.COMMITTEE_MEMBER: Level.MANAGE,
    Role.PRINCIPAL: Level.ADMIN,
    Role.COMMUNE_OFFICER: Level.ADMIN,
    Role.PROVINCE_OFFICER: Level.ADMIN,
}

"""Shared helpers of the activity tests: an issued school plan, activities, real image files."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from binhdang.activities import services
from binhdang.activities.models import ActivityKind
from binhdang.plans import workflow
from binhdang.plans.models import Plan, Task
from binhdang.plans.tests.test_views import _import

STARTS = timezone.make_aware(dt.datetime(2026, 11, 20, 7, 30))


def issued_plan(world, unit=None) -> Plan:
    """The 000 seed imported for the unit (the school by default) and issued by its principal."""
    unit = unit or world.school
    unit.short_name, unit.place = "THA", "Xã A"
    unit.save()
    plan = _import(unit)
    actor = world.principal if unit == world.school else world.admin
    return workflow.plan_issue(actor=actor, plan=plan)


def tasks_of(plan: Plan) -> list[Task]:
    return list(Task.objects.filter(group__plan=plan).order_by("group__position", "position"))


def data(task=None, **extra) -> dict:
    values = {"task": task, "kind": ActivityKind.FLAG_TALK, "title": "Nói chuyện dưới cờ về bình đẳng giới",
              "starts_at": STARTS, "ends_at": STARTS + dt.timedelta(hours=1), "place": "Sân trường",
              "responsible_body": None, "audiences": ["students"], "description": ""}
    values.update(extra)
    return values


def log(world, task=None, actor=None, participations=(("students", "F", 20), ("students", "M", 18)), **extra):
    return services.activity_create(actor=actor or world.teacher, unit=world.school, data=data(task, **extra),
                                    participations=participations)


def image_bytes(fmt="JPEG", size=(800, 600), gps=False) -> bytes:
    """A real image made by Pillow; with gps=True a JPEG carries an EXIF GPS block."""
    image = Image.new("RGB", size, (200, 60, 90))
    out = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # Make
        gps_ifd = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)}
        exif[0x8825] = gps_ifd
        image.save(out, fmt, exif=exif)
    else:
        image.save(out, fmt)
    return out.getvalue()


def upload(name: str, content: bytes, content_type="application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)

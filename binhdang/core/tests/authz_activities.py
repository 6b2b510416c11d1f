"""Objects the authorization matrix calls the activity URLs with (kept apart from authz_objects.py
so the features of the activities app add their builders without touching one another's)."""

from binhdang.testing import World


def activity_uid(world: World) -> dict:
    """A planned activity of world.school logged by the teacher (its author); re-created when an
    earlier role's POST deleted it."""
    import datetime as dt

    from django.utils import timezone

    from binhdang.activities import services
    from binhdang.activities.models import Activity

    activity = Activity.objects.filter(unit=world.school, title="Hoạt động của ma trận quyền").first()
    if activity is None:
        activity = services.activity_create(actor=world.teacher, unit=world.school, data={
            "task": None, "kind": "flag_talk", "title": "Hoạt động của ma trận quyền",
            "starts_at": timezone.make_aware(dt.datetime(2026, 11, 20, 7, 30)), "ends_at": None,
            "place": "", "responsible_body": None, "audiences": ["students"], "description": ""},
            participations=[("students", "F", 3)])
    return {"uid": activity.uid}


def evidence_uid(world: World) -> dict:
    """A photo of that activity uploaded by the teacher, cleaned and thumbnailed (as the worker does)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from binhdang.activities.evidence import evidence_add, evidence_process
    from binhdang.activities.models import Activity, Evidence

    activity = Activity.objects.get(uid=activity_uid(world)["uid"])
    evidence = Evidence.objects.filter(activity=activity).first()
    if evidence is None:
        out = io.BytesIO()
        Image.new("RGB", (64, 48), "teal").save(out, "JPEG")
        (evidence,) = evidence_add(actor=world.teacher, activity=activity,
                                   uploads=[SimpleUploadedFile("anh.jpg", out.getvalue())])
        evidence_process(evidence=evidence)
    return {"uid": evidence.uid}

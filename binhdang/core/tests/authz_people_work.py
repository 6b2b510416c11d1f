"""Objects the authorization matrix calls the training, lesson and commendation URLs with."""

import datetime as dt

from binhdang.testing import World


def training_uid(world: World) -> dict:
    """A training of world.school, recorded by the teacher (its author may take attendance)."""
    from django.utils import timezone

    from binhdang.activities.models import Training
    from binhdang.activities.trainings import training_create

    training = Training.objects.filter(activity__unit=world.school).first()
    if training is None:
        training = training_create(actor=world.teacher, unit=world.school, title="", topic="Bình đẳng giới",
                                   starts_at=timezone.make_aware(dt.datetime(2026, 11, 18, 14, 0)))
    return {"uid": training.activity.uid}


def _staff(world: World):
    from binhdang.people.models import StaffMember

    staff = StaffMember.objects.filter(unit=world.school, given_name="Hoa").first()
    if staff is None:
        staff = StaffMember(unit=world.school, family_name="Nguyễn", middle_name="Thị", given_name="Hoa", sex="F")
        staff.refresh_derived()
        staff.save()
    return staff


def proposed_commendation(world: World) -> dict:
    """A nomination waiting for the principal, re-created after a role's POST decided the last one."""
    from binhdang.activities.commendations import commendation_propose
    from binhdang.activities.models import Commendation

    world.school.short_name, world.school.place = "THA", "Đống Đa"
    world.school.save()
    nomination = Commendation.objects.filter(unit=world.school, status=Commendation.Status.PROPOSED).first()
    if nomination is None:
        nomination = commendation_propose(actor=world.committee_member, unit=world.school, form="praise",
                                          nominee=_staff(world), reason="Tích cực tuyên truyền bình đẳng giới")
    return {"uid": nomination.uid}


def approved_commendation(world: World) -> dict:
    """An approved nomination of a staff member, with its decision number."""
    from binhdang.activities.commendations import commendation_approve
    from binhdang.activities.models import Commendation

    approved = Commendation.objects.filter(unit=world.school, status=Commendation.Status.APPROVED).first()
    if approved is None:
        nomination = Commendation.objects.get(uid=proposed_commendation(world)["uid"])
        approved = commendation_approve(actor=world.principal, unit=world.school, commendations=[nomination])[0]
    return {"uid": approved.uid}

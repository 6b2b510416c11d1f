"""Figures follow the records through every write path: post_save watches, the services that
write in bulk (roster import, activity report, attendance, campaign launch), and never rewrite a
past period's roster snapshot."""

import datetime as dt
import io

import pytest

from binhdang.activities.campaigns import campaign_launch
from binhdang.activities.models import ActivityKind, ActivityStatus, Training
from binhdang.activities.services import activity_report_done
from binhdang.activities.tests.campaign_helpers import make_campaign
from binhdang.activities.tests.people_work import staff
from binhdang.activities.trainings import training_attendance_update
from binhdang.indicators import refresh
from binhdang.indicators.models import DataValue, Indicator
from binhdang.indicators.rollups import value_set
from binhdang.indicators.tree import periods_affected
from binhdang.people.importing.pipeline import prepare
from binhdang.people.importing.services import roster_import
from binhdang.people.tests.import_helpers import students_xlsx

from .builders import done_activity, figure

pytestmark = pytest.mark.usefixtures("today")
PAST, CUR = "2025-2026", "2026-2027"


def test_student_import_with_cadre_roles_gives_the_monitors(world):
    prepared = prepare(io.BytesIO(students_xlsx()))  # Hoa (girl) is 3A1's monitor; Nam, Anh are boys
    roster_import(actor=world.principal, unit=world.school, rows=prepared.people, kind=prepared.kind,
                  present=prepared.present)
    assert figure(world.province, "girls-class-monitors", CUR) == (1, 1)
    assert figure(world.province, "girls-class-monitors", CUR, "grade=3") == (1, 1)


def test_reporting_an_activity_done_counts_its_reach(world):
    activity = done_activity(world.school, dt.date(2026, 10, 5), ActivityKind.COMMUNICATION,
                             status=ActivityStatus.PLANNED)
    assert figure(world.province, "communication-reach", CUR) is None
    activity_report_done(actor=world.principal, activity=activity, results="Đã tổ chức",
                         participations=[("students", "F", 40), ("students", "M", 35), ("parents", "F", 6)])
    assert figure(world.province, "communication-reach", CUR) == (81, None)
    assert figure(world.province, "communication-reach", CUR, "sex=F") == (46, None)
    assert figure(world.province, "communication-sessions", CUR) == (1, None)


def test_attendance_taken_counts_staff_trained(world):
    an, binh = staff(world.school, "An", "F"), staff(world.school, "Bình", "M")
    staff(world.school, "Chi", "F")
    training = Training.objects.create(
        activity=done_activity(world.school, dt.date(2026, 10, 5), ActivityKind.TRAINING), topic="Bình đẳng giới")
    training_attendance_update(actor=world.principal, training=training, shown_staff=[an.uid, binh.uid],
                               checked_staff=[an.uid, binh.uid])
    assert figure(world.province, "staff-trained-gender", CUR) == (2, 3)
    assert figure(world.province, "staff-trained-gender", CUR, "sex=F") == (1, 2)


def test_launching_a_campaign_expects_a_report_from_each_school(world):
    campaign = make_campaign(world.commune_officer, world.commune)
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    period = f"{campaign.starts_on.year}-{campaign.starts_on.year + 1}"
    # The commune has one school (A): one report expected, none sent yet.
    assert figure(world.commune, "action-month-reporting", period) == (0, 1)


def test_a_past_period_keeps_its_roster_snapshot(world):
    staff(world.school, "An", "F", "principal")
    managers = Indicator.objects.get(code="women-managers")
    # Last year's snapshot (written while 2025-2026 was current): 0 of 2.
    value_set(unit=world.school, indicator=managers, period=PAST, rows={"": (0, 2)})
    assert refresh.recompute(world.school.pk, "staff", PAST) == 0
    refresh.recompute_all(PAST)
    assert DataValue.objects.get(unit=world.school, indicator=managers, period=PAST).numerator == 0
    assert figure(world.province, "women-managers", PAST) == (0, 2)
    assert figure(world.province, "women-managers", CUR) == (1, 1)


def test_a_deferred_block_recomputes_each_school_once_and_drops_work_after_an_error(world, monkeypatch):
    calls = []
    real = refresh.recompute
    monkeypatch.setattr(refresh, "recompute", lambda *key: calls.append(key) or real(*key))
    with refresh.deferred():
        for name in ("An", "Bình", "Chi"):
            staff(world.school, name, "F", "vice_principal")
    assert sorted(calls) == [(world.school.pk, "lessons", CUR), (world.school.pk, "staff", CUR),
                             (world.school.pk, "trainings", CUR)]
    calls.clear()
    with pytest.raises(RuntimeError), refresh.deferred():
        staff(world.school, "Dung", "F")
        raise RuntimeError("rolled back")
    assert calls == []


def test_periods_rebuilt_after_a_tree_change():
    assert periods_affected(dt.date(2025, 10, 1)) == [PAST, CUR]
    assert periods_affected(dt.date(2026, 9, 1)) == [CUR]
    assert periods_affected(dt.date(2026, 12, 1)) == []  # dated after today: the current tree is unchanged


def test_a_record_moved_to_another_period_leaves_the_old_one(world):
    from binhdang.activities.models import Activity

    from .builders import at

    activity = done_activity(world.school, dt.date(2026, 8, 28), ActivityKind.COMMUNICATION)
    assert figure(world.province, "communication-sessions", PAST) == (1, None)
    activity = Activity.objects.get(pk=activity.pk)  # as a form would load it
    activity.starts_at = at(dt.date(2026, 9, 4))  # rescheduled past 31 August
    activity.save()
    # The old period's rollup row stays, emptied (deltas never delete rows); the school value is gone.
    assert figure(world.province, "communication-sessions", PAST) == (0, None)
    assert not DataValue.objects.filter(unit=world.school, period=PAST).exists()
    assert figure(world.province, "communication-sessions", CUR) == (1, None)

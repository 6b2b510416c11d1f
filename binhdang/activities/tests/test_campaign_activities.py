"""Activities and trainings against the Action Month: the campaign tasks offered and accepted
(their plan may be a draft), the campaign set from the task or the date, and cleared again."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from binhdang.activities import services
from binhdang.activities.campaigns import campaign_launch
from binhdang.activities.forms import ActivityForm
from binhdang.activities.models import ActionMonthCampaign, Activity, CampaignSchool
from binhdang.activities.selectors import task_allowed
from binhdang.activities.selectors_campaign import campaign_board, campaign_for_activity
from binhdang.activities.trainings import training_create
from binhdang.activities.views_trainings import TrainingForm
from binhdang.plans import editing_tasks, workflow
from binhdang.plans.models import PlanStatus
from binhdang.testing import client_in

from .campaign_helpers import make_campaign
from .helpers import data, issued_plan, log, tasks_of

pytestmark = pytest.mark.django_db
OUTSIDE = timezone.make_aware(dt.datetime(2026, 10, 1, 7, 30))


def _launched(world, actor=None, unit=None) -> ActionMonthCampaign:
    campaign = make_campaign(actor or world.commune_officer, unit or world.commune)
    campaign_launch(actor=actor or world.commune_officer, campaign=campaign)
    return campaign


def _campaign_task(world, campaign, unit=None):
    entry = CampaignSchool.objects.get(campaign=campaign, unit=unit or world.school)
    return entry.task_group.tasks.order_by("position").first()


def test_a_campaign_task_of_a_draft_plan_is_accepted_and_sets_the_campaign(world):
    campaign = _launched(world)
    task = _campaign_task(world, campaign)
    assert task.group.plan.status == PlanStatus.DRAFT
    activity = log(world, task)
    assert (activity.task, activity.campaign) == (task, campaign)
    row = next(r for r in campaign_board(campaign).page.object_list if r.unit == world.school)
    assert (row.planned, row.female, row.male) == (1, 0, 0)  # participants count once done


def test_the_campaign_task_of_another_school_and_other_draft_tasks_are_refused(world):
    campaign = _launched(world, world.province_officer, world.province)
    other = _campaign_task(world, campaign, world.school_b)
    with pytest.raises(ValidationError) as error:
        log(world, other)
    assert "Tháng hành động" in error.value.message_dict["task"][0]
    own = _campaign_task(world, campaign)
    plan = own.group.plan
    assert task_allowed(world.school, own)
    # Only the campaign's own tasks (the launch's items) are open before the plan is issued.
    child = editing_tasks.task_add(actor=world.principal, plan=plan, group_id=own.group_id, parent_id=own.pk,
                                   text="Việc con nháp", expected=None)
    assert not task_allowed(world.school, child)


def test_a_closed_campaign_no_longer_opens_its_draft_tasks(world):
    campaign = _launched(world)
    task = _campaign_task(world, campaign)
    ActionMonthCampaign.objects.filter(pk=campaign.pk).update(status=ActionMonthCampaign.Status.CLOSED)
    assert not task_allowed(world.school, task)


def test_changing_the_task_away_from_the_campaign_clears_it(world):
    plan = issued_plan(world)
    campaign = _launched(world)
    activity = log(world, _campaign_task(world, campaign))
    ordinary = tasks_of(plan)[0]
    services.activity_update(actor=world.teacher, activity=activity, data=data(ordinary, starts_at=OUTSIDE,
                                                                                 ends_at=None))
    activity.refresh_from_db()
    assert (activity.task, activity.campaign) == (ordinary, None)
    services.activity_update(actor=world.teacher, activity=activity, data=data(_campaign_task(world, campaign),
                                                                                 starts_at=OUTSIDE, ends_at=None))
    activity.refresh_from_db()
    assert activity.campaign == campaign  # the campaign's own task counts whatever the date


def test_an_activity_inside_the_window_counts_for_the_campaign(world):
    plan = issued_plan(world)
    campaign = _launched(world)
    unplanned = log(world, None)
    other_task = log(world, tasks_of(plan)[0])
    before = log(world, None, starts_at=OUTSIDE, ends_at=None)
    assert (unplanned.campaign, other_task.campaign, before.campaign) == (campaign, campaign, None)
    services.activity_report_done(actor=world.teacher, activity=unplanned, results="Đã làm",
                                  participations=[("students", "F", 20), ("students", "M", 18)])
    row = next(r for r in campaign_board(campaign).page.object_list if r.unit == world.school)
    assert (row.done, row.planned, row.female, row.male) == (1, 1, 20, 18)


def test_a_draft_campaign_counts_nothing_and_the_nearest_issuer_wins(world):
    draft = make_campaign(world.province_officer, world.province)
    assert log(world, None).campaign is None
    commune = _launched(world)
    campaign_launch(actor=world.province_officer, campaign=draft)
    assert campaign_for_activity(world.school, None, timezone.make_aware(dt.datetime(2026, 11, 20, 8))) == commune


def test_the_activity_form_offers_the_campaign_group_labelled_with_its_theme(world):
    campaign = _launched(world, world.province_officer, world.province)
    task = _campaign_task(world, campaign)
    choices = dict(ActivityForm(unit=world.school).fields["task"].choices)
    label = next(key for key in choices if isinstance(key, str) and key.startswith("Tháng hành động 2026"))
    assert campaign.theme[:40] in label and (str(task.pk), task.text) in choices[label]
    other = _campaign_task(world, campaign, world.school_b)
    assert all(str(other.pk) != value for group in choices.values() if isinstance(group, list)
               for value, _label in group)


def test_once_the_plan_is_issued_its_campaign_group_is_offered_once(world):
    campaign = _launched(world)
    task = _campaign_task(world, campaign)
    world.school.short_name, world.school.place = "THA", "Xã A"
    world.school.save()
    workflow.plan_issue(actor=world.principal, plan=task.group.plan)
    form = ActivityForm(unit=world.school)
    offered = [value for _label, group in form.fields["task"].choices[2:] for value, _text in group]
    assert offered.count(str(task.pk)) == 1
    assert log(world, task).campaign == campaign


def test_trainings_offer_the_same_tasks_and_get_the_campaign(world):
    campaign = _launched(world, world.province_officer, world.province)
    task = _campaign_task(world, campaign)
    assert TrainingForm(unit=world.school).fields["task"].choices[1:] == \
        ActivityForm(unit=world.school).fields["task"].choices[2:]
    starts = timezone.make_aware(dt.datetime(2026, 11, 18, 14))
    training = training_create(actor=world.teacher, unit=world.school, title="", topic="Bình đẳng giới",
                               starts_at=starts, task=task)
    assert training.activity.campaign == campaign
    unplanned = training_create(actor=world.teacher, unit=world.school, title="", topic="Phòng, chống bạo lực",
                                starts_at=starts)
    assert unplanned.activity.campaign == campaign
    with pytest.raises(ValidationError):
        training_create(actor=world.teacher, unit=world.school, title="", topic="x", starts_at=starts,
                        task=_campaign_task(world, campaign, world.school_b))


def test_training_form_posts_a_campaign_task(world):
    campaign = _launched(world)
    task = _campaign_task(world, campaign)
    response = client_in(world.teacher, world.school).post(reverse("activities:training_create"), {
        "topic": "Bình đẳng giới", "starts_at": "2026-11-18T14:00", "task": str(task.pk)})
    assert response.status_code == 302
    assert Activity.objects.get(kind="training").campaign == campaign


def test_logging_through_the_page_against_a_campaign_task(world):
    campaign = _launched(world)
    task = _campaign_task(world, campaign)
    client = client_in(world.teacher, world.school)
    page = client.get(reverse("activities:create")).content.decode()
    assert "Tháng hành động 2026" in page and f'value="{task.pk}"' in page
    response = client.post(reverse("activities:create"), {
        "task": str(task.pk), "kind": "flag_talk", "title": "Sinh hoạt dưới cờ", "starts_at": "2026-11-20T07:30",
        "p-students-F": "20", "p-students-M": "18"})
    assert response.status_code == 302
    assert Activity.objects.get(title="Sinh hoạt dưới cờ").campaign == campaign


@pytest.mark.parametrize("who, status, can_log", [
    ("teacher", 200, True), ("committee_member", 200, True), ("counsellor", 200, False),
    ("commune_officer", 200, False), ("province_officer", 200, False), ("outsider", 404, False)])
def test_the_progress_of_a_draft_action_month_plan(world, who, status, can_log):
    campaign = _launched(world)
    task = _campaign_task(world, campaign)
    log(world, task)
    user = getattr(world, who)
    unit = {"commune_officer": world.commune, "province_officer": world.province,
            "outsider": world.other_school}.get(who, world.school)
    response = client_in(user, unit).get(reverse("activities:plan_progress", args=[task.group.plan.uid]))
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "0/1 hoạt động đã thực hiện" in page
        assert (f"?nhiem_vu={task.pk}" in page) is can_log


def test_the_progress_is_reached_from_the_campaign_school_page(world):
    campaign = _launched(world)
    task = _campaign_task(world, campaign)
    page = client_in(world.committee_member, world.school).get(
        reverse("activities:campaign_school", args=[campaign.uid])).content.decode()
    assert reverse("activities:plan_progress", args=[task.group.plan.uid]) in page


@pytest.mark.parametrize("name", ["list", "calendar", "my_work", "trainings", "lessons", "commendations",
                                  "campaign_list"])
def test_every_activity_page_shows_the_one_tab_bar(world, name):
    page = client_in(world.counsellor, world.school).get(reverse(f"activities:{name}")).content.decode()
    assert page.count('id="activity-tabs"') == 1
    for target in ("list", "calendar", "my_work", "trainings", "lessons", "commendations", "campaign_list"):
        assert f'href="{reverse(f"activities:{target}")}"' in page
    assert 'aria-current="page">' in page.split('id="activity-tabs"')[1].split("</nav>")[0]

"""Campaign services: drafting, launching into a draft plan or a new Action Month plan, idempotence."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from binhdang.activities.campaigns import campaign_launch, campaign_save, group_title, plan_title
from binhdang.activities.models import ActionMonthCampaign, CampaignSchool
from binhdang.activities.selectors_campaign import campaign_tasks_for
from binhdang.audit.models import AuditEntry
from binhdang.orgs.models import OrgUnit
from binhdang.plans.editing import plan_create_blank
from binhdang.plans.models import Plan, PlanKind, PlanStatus, Task
from binhdang.testing import make_unit

from .campaign_helpers import ITEMS, make_campaign

pytestmark = pytest.mark.django_db


def test_a_school_cannot_launch_a_campaign(world):
    with pytest.raises(PermissionDenied):
        make_campaign(world.principal, world.school)


def test_a_commune_officer_cannot_launch_for_the_province(world):
    with pytest.raises(Http404):
        make_campaign(world.commune_officer, world.province)


def test_bad_input_is_refused_with_the_field_and_nothing_saved(world):
    with pytest.raises(ValidationError) as error:
        campaign_save(actor=world.commune_officer, unit=world.commune, theme=" ", starts_on=dt.date(2026, 12, 15),
                      ends_on=dt.date(2026, 11, 15), report_deadline=dt.date(2026, 11, 1), items=ITEMS)
    assert set(error.value.message_dict) == {"theme", "ends_on", "report_deadline"}
    with pytest.raises(ValidationError, match="ít nhất một hoạt động"):
        campaign_save(actor=world.commune_officer, unit=world.commune, theme="Chủ đề", starts_on=dt.date(2026, 11, 15),
                      ends_on=dt.date(2026, 12, 15), report_deadline=dt.date(2026, 12, 20), items=[{"text": " "}])
    assert not ActionMonthCampaign.objects.exists()


def test_one_campaign_per_issuer_and_year(world):
    make_campaign(world.commune_officer, world.commune)
    with pytest.raises(ValidationError, match="đã có Tháng hành động năm 2026"):
        make_campaign(world.commune_officer, world.commune)


def test_editing_a_draft_replaces_its_items_and_a_launched_one_is_frozen(world):
    campaign = make_campaign(world.commune_officer, world.commune)
    campaign_save(actor=world.commune_officer, unit=world.commune, campaign=campaign, theme="Chủ đề mới",
                  starts_on=campaign.starts_on, ends_on=campaign.ends_on, report_deadline=campaign.report_deadline,
                  items=ITEMS[:1])
    assert [i.text for i in campaign.items.all()] == [ITEMS[0]["text"]]
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    with pytest.raises(ValidationError, match="đã phát động"):
        campaign_save(actor=world.commune_officer, unit=world.commune, campaign=campaign, theme="x",
                      starts_on=campaign.starts_on, ends_on=campaign.ends_on,
                      report_deadline=campaign.report_deadline, items=ITEMS)


def test_launch_adds_the_group_to_a_draft_yearly_plan_through_the_editing_services(world):
    plan = plan_create_blank(actor=world.principal, unit=world.school, kind=PlanKind.YEARLY, year=2026,
                             title="Kế hoạch bình đẳng giới năm 2026")
    campaign = make_campaign(world.commune_officer, world.commune)
    assert campaign_launch(actor=world.commune_officer, campaign=campaign) == 1
    entry = CampaignSchool.objects.get(campaign=campaign, unit=world.school)
    assert entry.task_group.plan == plan
    assert entry.task_group.title == group_title(campaign)
    assert [t.text for t in entry.task_group.tasks.order_by("position")] == [i["text"] for i in ITEMS]
    assert all(t.time_frame == "Từ 15/11 đến 15/12/2026" for t in entry.task_group.tasks.all())
    plan.refresh_from_db()
    assert plan.revision == 1 + 1 + 2 * len(ITEMS)  # group_add, then task_add + task_update per item
    assert AuditEntry.objects.filter(action="plan.edit", target_uid=str(plan.uid)).count() == 1 + 2 * len(ITEMS)
    assert Plan.objects.filter(issuer_unit=world.school).count() == 1


def test_an_issued_plan_is_never_written_into_a_new_action_month_plan_is_made(world):
    issued = Plan.objects.create(issuer_unit=world.school, kind=PlanKind.YEARLY, year=2026, title="Đã ban hành",
                                 status=PlanStatus.ISSUED)
    world.school.place = "Quế Sơn"
    world.school.save()
    campaign = make_campaign(world.commune_officer, world.commune)
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    assert not issued.task_groups.exists()
    plan = Plan.objects.get(issuer_unit=world.school, kind=PlanKind.ACTION_MONTH)
    assert (plan.status, plan.year, plan.title, plan.place) == (PlanStatus.DRAFT, 2026, plan_title(campaign),
                                                                "Quế Sơn")
    assert plan.title == ("Kế hoạch tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
                          "trên cơ sở giới năm 2026")
    assert [s.position for s in plan.sections.all()] == [1, 2, 3, 4]
    assert [(r.position, r.name, r.purpose) for r in plan.recipients.all()] == [
        (1, world.commune.name, "để báo cáo"), (2, "Lưu: VT", "")]
    group = plan.task_groups.get()
    assert (group.position, group.title) == (1, group_title(campaign))
    assert [(t.position, t.text) for t in group.tasks.all()] == [(n, i["text"]) for n, i in enumerate(ITEMS, 1)]
    assert AuditEntry.objects.filter(action="plan.create", target_uid=str(plan.uid), acting_unit=world.school).exists()
    assert AuditEntry.objects.filter(action="campaign.launch", target_uid=str(campaign.uid)).count() == 1


def test_a_draft_action_month_plan_is_preferred_to_the_yearly_draft(world):
    plan_create_blank(actor=world.principal, unit=world.school, kind=PlanKind.YEARLY, year=2026, title="Năm")
    own = plan_create_blank(actor=world.principal, unit=world.school, kind=PlanKind.ACTION_MONTH, year=2026,
                            title="Tháng hành động của trường")
    campaign = make_campaign(world.commune_officer, world.commune)
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    assert CampaignSchool.objects.get(unit=world.school).task_group.plan == own


def test_launch_reaches_open_schools_below_the_issuer_only(world):
    closed = make_unit("truong-dong", "school", world.commune, "primary")
    OrgUnit.objects.filter(pk=closed.pk).update(valid_to=dt.date(2025, 7, 1))
    campaign = make_campaign(world.province_officer, world.province)
    assert campaign_launch(actor=world.province_officer, campaign=campaign) == 2
    assert set(campaign.schools.values_list("unit", flat=True)) == {world.school.pk, world.school_b.pk}


def test_launching_twice_does_nothing_more_and_new_schools_are_added_later(world):
    campaign = make_campaign(world.commune_officer, world.commune)
    assert campaign_launch(actor=world.commune_officer, campaign=campaign) == 1
    tasks = Task.objects.count()
    assert campaign_launch(actor=world.commune_officer, campaign=campaign) == 0
    assert (Task.objects.count(), CampaignSchool.objects.count(), Plan.objects.count()) == (tasks, 1, 1)
    make_unit("truong-moi", "school", world.commune, "primary")
    assert campaign_launch(actor=world.commune_officer, campaign=campaign) == 1
    assert CampaignSchool.objects.count() == 2 and Plan.objects.count() == 2
    assert AuditEntry.objects.filter(action="campaign.add_schools").count() == 2


def test_campaign_tasks_for_a_school_are_the_tasks_of_its_launched_campaigns(world):
    campaign = make_campaign(world.commune_officer, world.commune)
    assert list(campaign_tasks_for(world.school)) == []
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    tasks = list(campaign_tasks_for(world.school))
    assert [t.text for t in tasks] == [i["text"] for i in ITEMS]
    assert list(campaign_tasks_for(world.school_b)) == []
    ActionMonthCampaign.objects.filter(pk=campaign.pk).update(status=ActionMonthCampaign.Status.CLOSED)
    assert list(campaign_tasks_for(world.school)) == []


def test_launching_a_thousand_schools_is_done_in_batches(world, django_assert_max_num_queries):
    """bulk_create writes a batch of rows per statement (SQLite takes about 30 plans at once), where
    the editing services would take about ten queries per task: 30,000 here."""
    from .campaign_helpers import bulk_schools

    bulk_schools(world.commune, 1000)
    campaign = make_campaign(world.commune_officer, world.commune)
    with django_assert_max_num_queries(250):
        assert campaign_launch(actor=world.commune_officer, campaign=campaign) == 1001
    assert Task.objects.filter(group__plan__kind=PlanKind.ACTION_MONTH).count() == 1001 * len(ITEMS)

"""The campaign board: its numbers, the schools with nothing logged, and its query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binhdang.activities.campaigns import campaign_launch
from binhdang.activities.models import CampaignSchool
from binhdang.activities.selectors_campaign import campaign_board, school_progress
from binhdang.testing import client_in, make_unit

from .campaign_helpers import bulk_activities, bulk_schools, log, make_campaign

pytestmark = pytest.mark.django_db


def _launched(world, officer="commune_officer", unit="commune"):
    campaign = make_campaign(getattr(world, officer), getattr(world, unit))
    campaign_launch(actor=getattr(world, officer), campaign=campaign)
    return campaign


def _tasks(campaign, unit):
    return list(CampaignSchool.objects.get(campaign=campaign, unit=unit).task_group.tasks.order_by("position"))


def test_board_counts_by_status_and_sums_participants_of_done_activities_by_sex(world):
    second = make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    campaign = _launched(world)
    banner, flag, contest = _tasks(campaign, world.school)
    log(world.school, campaign, task=banner, counts={"F": 120, "M": 110, "U": 3})
    log(world.school, campaign, task=flag, counts={"F": 10, "M": 5}, group="staff")
    log(world.school, campaign, task=flag, counts={"F": 1}, group="parents")
    log(world.school, campaign, task=contest, status="planned", counts={"F": 50})  # planned: not counted yet
    log(world.school, campaign, status="cancelled")
    board = campaign_board(campaign)
    rows = {r.unit.pk: r for r in board.page.object_list}
    row = rows[world.school.pk]
    assert (row.planned, row.done, row.cancelled) == (1, 3, 1)
    assert (row.female, row.male, row.unknown, row.participants) == (131, 115, 3, 249)
    assert (row.covered, board.required) == (2, 2)
    empty = rows[second.pk]
    assert (empty.logged, empty.participants, empty.covered) == (0, 0, 0)
    # Nothing logged first; the totals are over every school.
    assert [r.unit.pk for r in board.page.object_list] == [second.pk, world.school.pk]
    assert board.totals["participants"] == 249 and board.totals["empty"] == 1 and board.totals["schools"] == 2
    only = campaign_board(campaign, only_empty=True)
    assert [r.unit.pk for r in only.page.object_list] == [second.pk]
    assert only.totals["schools"] == 2


def test_required_items_count_once_and_only_when_done(world):
    campaign = _launched(world)
    banner, flag, contest = _tasks(campaign, world.school)
    log(world.school, campaign, task=banner)
    log(world.school, campaign, task=banner)
    log(world.school, campaign, task=contest)  # suggested, not required
    log(world.school, campaign, task=flag, status="planned")
    assert campaign_board(campaign).page.object_list[0].covered == 1


def test_board_sorts(world):
    make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    campaign = _launched(world)
    log(world.school, campaign, counts={"F": 5})
    by_done = campaign_board(campaign, sort="da-thuc-hien").page.object_list
    assert by_done[0].unit == world.school
    by_name = campaign_board(campaign, sort="ten").page.object_list
    assert [r.unit.name for r in by_name] == sorted(r.unit.name for r in by_name)


def test_school_progress_lists_items_and_extra_activities(world):
    campaign = _launched(world)
    banner, _flag, _contest = _tasks(campaign, world.school)
    log(world.school, campaign, task=banner, title="Treo băng rôn", counts={"F": 2, "M": 1})
    log(world.school, campaign, title="Ngoài kế hoạch", counts={"U": 4}, group="community")
    progress = school_progress(CampaignSchool.objects.get(unit=world.school))
    assert [a.title for a in progress.items[0].activities] == ["Treo băng rôn"]
    assert [a.title for a in progress.extra] == ["Ngoài kế hoạch"]
    assert progress.by_sex == {"F": 2, "M": 1, "U": 4}
    assert progress.by_group == {"students": {"F": 2, "M": 1, "U": 0}, "community": {"F": 0, "M": 0, "U": 4}}


def _board_queries(world, campaign, query="") -> int:
    client = client_in(world.commune_officer, world.commune)
    url = reverse("activities:campaign_board", kwargs={"uid": campaign.uid}) + query
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_board_query_count_does_not_grow_with_schools(world):
    bulk_schools(world.commune, 2, prefix="small")
    campaign = _launched(world)
    bulk_activities(campaign, 4)
    small = _board_queries(world, campaign)
    bulk_schools(world.commune, 27, prefix="more")
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    bulk_activities(campaign, 4)
    assert campaign.schools.count() == 30
    assert _board_queries(world, campaign) == small
    assert _board_queries(world, campaign, "?sap-xep=nguoi-tham-gia&chua-ghi=1") == small


def test_board_of_a_province_of_1000_schools_with_20_activities_each_has_bounded_queries(world):
    """The must-show: 1,000 schools × 20 activities (plans made by the real launch), one page of
    50 rendered with the totals over all, in as many queries as the board of three schools."""
    bulk_schools(world.province, 1, prefix="ba")
    campaign = _launched(world, "province_officer", "province")
    bulk_activities(campaign, 20)
    client = client_in(world.province_officer, world.province)
    url = reverse("activities:campaign_board", kwargs={"uid": campaign.uid})
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).status_code == 200
    bulk_schools(world.province, 997, prefix="so")
    campaign_launch(actor=world.province_officer, campaign=campaign)
    campaign.activities.all().delete()
    assert bulk_activities(campaign, 20) == 20_000
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) == len(three) <= 20, [q["sql"][:120] for q in queries]
    aggregates = [q for q in queries if "GROUP BY" in q["sql"] and "activities_activity" in q["sql"]]
    assert len(aggregates) == 1
    board = response.context["board"]
    assert board.totals["schools"] == 1000 and board.totals["done"] == 10_000
    assert board.totals["female"] == 30_000 and board.totals["participants"] == 60_000
    assert len(board.page.object_list) == 50

"""`binhdang demo` builds the demo from the seeds, plans included, THPT Quế Sơn's 2023 (plan issued,
activities, Action Month, evidence photos), and a second run adds nothing."""

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from binhdang.activities.campaign_report import report_file_exists
from binhdang.activities.models import (
    ActionMonthCampaign,
    Activity,
    CampaignSchool,
    Commendation,
    Evidence,
    LessonIntegration,
    Training,
)
from binhdang.activities.selectors_campaign import campaign_board
from binhdang.core.demo.builder import build_demo
from binhdang.core.ops.backup import table_models
from binhdang.plans.models import Plan, PlanKind, PlanStatus
from binhdang.plans.workflow import VIETNAM

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def state(media_root: Path) -> dict:
    """Rows per table and stored files: what a second run must leave unchanged."""
    counts = {model._meta.label: model._base_manager.count() for model in table_models()}
    counts["files"] = sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())
    return counts


def test_demo_imports_each_seed_plan_for_its_school_once_and_a_second_run_adds_nothing(media_root):
    build_demo(today=TODAY)
    first = state(media_root)
    build_demo(today=TODAY)
    assert state(media_root) == first
    assert first["activities.Activity"] >= 20 and len(first["files"]) > 20
    yearly = {p.issuer_unit.code: p for p in Plan.objects.filter(kind=PlanKind.YEARLY).select_related("issuer_unit")}
    assert set(yearly) == {"thpt-que-son", "th-ly-thuong-kiet"}
    assert yearly["thpt-que-son"].signer_name == "Nguyễn Ngọc Chín"
    assert yearly["thpt-que-son"].task_groups.count() == 5
    assert yearly["th-ly-thuong-kiet"].targets.count() == 4
    assert yearly["th-ly-thuong-kiet"].status == PlanStatus.DRAFT


def local_day(moment) -> dt.date:
    return moment.astimezone(VIETNAM).date()


def test_demo_shows_que_son_2023_with_activities_action_month_and_photos(media_root):
    build_demo(today=TODAY)
    plan = Plan.objects.get(issuer_unit__code="thpt-que-son", kind=PlanKind.YEARLY)
    assert plan.status == PlanStatus.ISSUED and plan.number.endswith("/KH-THPTQS")
    assert plan.document_date == dt.date(2023, 2, 15) and plan.issued_by.username == "ht.queson"
    tasks = [t for g in plan.task_groups.all() for t in g.tasks.all()]
    assert sum(1 for t in tasks if t.due_on and t.responsible_bodies.exists()) >= 5

    activities = list(Activity.objects.filter(unit=plan.issuer_unit).prefetch_related("participations", "evidence"))
    in_2023 = [a for a in activities if local_day(a.starts_at).year == 2023]
    assert len(in_2023) >= 20 and len({local_day(a.starts_at).month for a in in_2023}) >= 8
    status = Counter(a.status for a in activities)
    assert status["done"] >= 20 and status["planned"] >= 2 and status["cancelled"] == 1
    assert all(a.cancel_reason for a in activities if a.status == "cancelled")
    done = [a for a in activities if a.status == "done"]
    assert all(a.results and sum(p.count for p in a.participations.all()) > 0 for a in done)
    assert {"flag_talk", "staff_meeting", "training", "contest", "club", "hardship_support", "lesson"} <= {
        a.kind for a in done}
    assert any(a.created_by.username == "gv.queson" for a in done)
    for training in Training.objects.filter(activity__unit=plan.issuer_unit):
        staff = sum(p.count for p in training.activity.participations.all() if p.group == "staff")
        assert staff == training.attendance.count() > 0
    assert LessonIntegration.objects.filter(unit=plan.issuer_unit).values("teacher").distinct().count() >= 3

    campaign = ActionMonthCampaign.objects.get(year=2023)
    assert campaign.status == "launched" and campaign.issuer_unit.code == "so-gddt-da-nang"
    entry = CampaignSchool.objects.get(campaign=campaign, unit=plan.issuer_unit)
    assert entry.task_group.plan.status == PlanStatus.ISSUED
    month = [a for a in done if a.campaign_id == campaign.pk]
    covered = {a.task.position for a in month if a.task and a.task.group_id == entry.task_group_id}
    assert covered == set(campaign.items.values_list("position", flat=True))
    assert all(dt.date(2023, 11, 15) <= local_day(a.starts_at) <= local_day(a.ends_at) <= dt.date(2023, 12, 15)
               for a in month)
    row = campaign_board(campaign).page[0]
    assert row.covered == campaign.items.filter(required=True).count() and row.female > 0 and row.male > 0
    assert report_file_exists(entry)
    decisions = Commendation.objects.filter(unit=plan.issuer_unit)
    assert decisions.filter(status="approved").exclude(number="").exists()
    assert decisions.filter(status="proposed").exists()

    photos = list(Evidence.objects.filter(activity__unit=plan.issuer_unit))
    assert photos and all(e.kind == "photo" and e.thumbnail for e in photos)
    for item in photos:
        for field in (item.file, item.thumbnail):
            with field.open("rb") as handle, Image.open(handle) as image:
                assert image.format == "JPEG"
    per_activity = Counter(e.activity_id for e in photos)
    assert set(per_activity.values()) <= {1, 2, 3} and len(per_activity) < len(done)


def test_demo_without_seeds_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("binhdang.core.demo.plans.seed_dir", lambda: None)
    call_command("demo")
    assert "chưa có kế hoạch" in capsys.readouterr().out
    assert not Plan.objects.exists()


def test_demo_student_protection_team_and_cases_when_a_key_is_configured(media_root, settings):
    from binhdang.safeguarding.intake import case_for_student
    from binhdang.safeguarding.models import Case, CaseTeamMember, Channel, Stage
    from binhdang.safeguarding.statistics import case_count_totals
    from binhdang.safeguarding.tests.helpers import key_line, ring

    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))
    result = build_demo(today=TODAY)
    first = state(media_root)
    assert build_demo(today=TODAY)["cases"] == {"code": None} and state(media_root) == first
    team = CaseTeamMember.objects.filter(unit__code="th-ly-thuong-kiet")
    assert {(m.user.username, m.is_leader) for m in team} == {("tv.lythuongkiet", True), ("gv.lythuongkiet", False)}
    cases = {case.channel: case for case in Case.objects.filter(unit__code="th-ly-thuong-kiet")}
    assert set(cases) == {Channel.HELP_PAGE, Channel.PHONE, Channel.SUGGESTION_BOX}
    assert case_for_student(result["cases"]["code"], result["cases"]["passphrase"]) == cases[Channel.HELP_PAGE]
    assert cases[Channel.HELP_PAGE].stage == Stage.RECEIVED
    urgent = cases[Channel.PHONE]
    assert urgent.child_under_16_abused and urgent.support_at and urgent.plan_at is None and urgent.plan_due_at
    assert cases[Channel.SUGGESTION_BOX].stage == Stage.CLOSED
    school = cases[Channel.PHONE].unit
    start = (cases[Channel.SUGGESTION_BOX].received_at - dt.timedelta(days=1)).date()
    # One consented case: a count of 1 is suppressed, never shown.
    totals = case_count_totals(school, start, start + dt.timedelta(days=60))
    assert totals.total.count == 1 and totals.total.suppressed and totals.total.value is None


def test_demo_without_a_sealing_key_has_the_team_and_no_cases(media_root, settings):
    from binhdang.safeguarding.models import Case, CaseTeamMember

    settings.BINHDANG_SEALING_KEYS = None
    assert build_demo(today=TODAY)["cases"] is None
    assert CaseTeamMember.objects.filter(unit__code="th-ly-thuong-kiet").count() == 2 and not Case.objects.exists()


def test_demo_reports_the_action_month_up_the_ha_noi_branch(media_root):
    from binhdang.accounts.models import User
    from binhdang.orgs.models import OrgUnit
    from binhdang.reports.models import Report, ReportRequest, ReportStatus
    from binhdang.testing import client_in

    build_demo(today=TODAY)
    asked = ReportRequest.objects.get(issuer_unit__code="ubnd-phuong-dong-da")
    upward = ReportRequest.objects.get(issuer_unit__code="so-gddt-ha-noi")
    assert asked.sent_at and upward.sent_at and list(upward.schools.values_list("code", flat=True)) == [
        "ubnd-phuong-dong-da"]
    report = Report.objects.get(request=asked)
    assert (report.unit.code, report.status) == ("th-ly-thuong-kiet", ReportStatus.DRAFT)
    assert [s["kind"] for s in report.content][:2] == ["activities", "highlights"]
    # The principal finds the draft in her to-do; the phường officer finds the Sở's request in his.
    school = OrgUnit.objects.get(code="th-ly-thuong-kiet")
    page = client_in(User.objects.get(username="ht.lythuongkiet"), school).get("/bao-cao/").content.decode()
    assert asked.title in page and f"/bao-cao/bao-cao/{report.uid}/" in page
    commune = OrgUnit.objects.get(code="ubnd-phuong-dong-da")
    page = client_in(User.objects.get(username="xa.dongda"), commune).get("/bao-cao/").content.decode()
    assert upward.title in page and f"/bao-cao/yeu-cau/{upward.uid}/lap/" in page


def test_demo_contest_of_the_phuong_with_results(media_root, capsys):
    from binhdang.contests import selectors
    from binhdang.contests.models import Attempt, Contest

    call_command("demo")
    contest = Contest.objects.get(unit__code="ubnd-phuong-dong-da")
    part = contest.school_contests.get()
    assert contest.prepared_at and part.unit.code == "th-ly-thuong-kiet" and part.classes.count() == 6
    assert Attempt.objects.filter(contest=part, submitted_at__isnull=False).count() == 18
    row = selectors.school_summary(contest)[0]
    assert row["took_part"] == 18 and row["invited"] == 6 * 32 and row["average"] > 0
    assert sum(p.count for p in part.activity.participations.all()) == 18
    out = capsys.readouterr().out
    group = part.classes.get(school_class__name="4A1")
    assert f"mã lớp {group.join_code}" in out and f"mã cá nhân {group.entrants.get(number=1).pin}" in out

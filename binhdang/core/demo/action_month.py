"""The 2023 Action Month (15/11–15/12/2023) in the demo: the Sở's campaign, THPT Quế Sơn's Action
Month plan issued, an activity for every item inside the window, its report drafted, and a
commendation approved and another proposed.

Launched by Sở GD&ĐT Đà Nẵng, not Quảng Nam: in 2023 the school was under Sở GD&ĐT Quảng Nam, but
the demo closes that Sở on 1/7/2025 (merger) and the campaign services refuse a closed unit
(campaigns.ensure_issuer), so its successor launches it; a campaign enrols the schools below its
issuer today, which for THPT Quế Sơn is Sở Đà Nẵng.
"""

import datetime as dt

from binhdang.activities import campaign_report, campaigns, commendations
from binhdang.activities.models import ActionMonthCampaign, Activity, CampaignSchool, Commendation
from binhdang.orgs.models import InternalBody, OrgUnit
from binhdang.people.models import Position, StaffMember
from binhdang.plans.models import PlanStatus, Task
from binhdang.plans.workflow import plan_issue

from .activities import log_activity
from .activity_data import at

THEME = ("Đảm bảo an sinh xã hội, tăng quyền năng và tạo cơ hội cho phụ nữ và trẻ em gái nhằm thực hiện "
         "bình đẳng giới và xóa bỏ bạo lực trên cơ sở giới")
ITEMS = [
    {"kind": "flag_talk", "required": True, "text": "Tổ chức lễ phát động Tháng hành động trong buổi chào cờ"},
    {"kind": "communication", "required": True,
     "text": "Truyền thông: treo băng rôn, khẩu hiệu; đưa tin trên trang thông tin điện tử của nhà trường"},
    {"kind": "other", "required": True,
     "text": "Tọa đàm, nói chuyện chuyên đề phòng ngừa, ứng phó với bạo lực trên cơ sở giới cho học sinh"},
    {"kind": "contest", "required": False,
     "text": "Cuộc thi tìm hiểu về bình đẳng giới, phòng chống bạo lực học đường"},
    {"kind": "exhibition", "required": False, "text": "Triển lãm tranh, ảnh, áp phích của học sinh về bình đẳng giới"},
    {"kind": "art_sport", "required": False, "text": "Hoạt động văn nghệ, thể dục thể thao hưởng ứng Tháng hành động"},
]
# One activity (or more) per item, by item position; all inside 15/11–15/12/2023.
ACTIVITIES = [
    (1, {"kind": "flag_talk", "when": at(11, 20), "hours": 1, "body": "Ban VSTBPN",
         "title": "Lễ phát động Tháng hành động vì bình đẳng giới năm 2023",
         "place": "Sân trường", "audiences": ["students", "staff"],
         "description": "Hiệu trưởng phát động; đại diện học sinh nam và nữ đọc lời cam kết nói không với bạo lực.",
         "results": "Toàn trường tham gia; 100% lớp ký cam kết “Lớp học an toàn, bình đẳng”.",
         "people": {"students": (222, 229), "staff": (45, 24)}, "photos": 3}),
    (2, {"kind": "banner", "when": at(11, 15, 7), "hours": 2, "body": "Đoàn TN",
         "title": "Treo băng rôn, pano hưởng ứng Tháng hành động",
         "place": "Cổng trường và dãy phòng học", "audiences": ["students", "staff", "parents"],
         "description": "Thông điệp năm 2023: “Đầu tư cho bình đẳng giới là đầu tư cho tương lai”.",
         "results": "2 băng rôn, 3 pano; thông điệp giữ đến hết ngày 15/12/2023.",
         "people": {"students": (6, 8), "staff": (1, 3)}, "photos": 2}),
    (2, {"kind": "communication", "when": at(11, 22, 20), "hours": 1, "body": "Đoàn TN", "by": "gv",
         "title": "Chuỗi bài truyền thông “Đầu tư cho bình đẳng giới là đầu tư cho tương lai” trên trang của trường",
         "place": "Trang thông tin điện tử và Fanpage nhà trường", "audiences": ["students", "parents", "community"],
         "description": "5 bài viết, 2 video ngắn do học sinh câu lạc bộ Bình đẳng giới thực hiện.",
         "results": "7 bài đăng, hơn 12.000 lượt xem; 40 cha mẹ học sinh bình luận, chia sẻ.",
         "people": {"students": (9, 6), "parents": (26, 14)}, "photos": 1}),
    (3, {"kind": "other", "when": at(11, 24, 14), "hours": 2, "body": "Tổ TVTL",
         "title": "Tọa đàm “Nhận diện và phòng ngừa bạo lực trên cơ sở giới trong trường học”",
         "place": "Hội trường nhà trường", "audiences": ["students", "staff"],
         "description": "Khách mời: Công an huyện Quế Sơn và Hội Liên hiệp Phụ nữ huyện; học sinh khối 10, 11.",
         "results": "Học sinh đặt 19 câu hỏi; 4 học sinh đăng ký tư vấn riêng với tổ tư vấn.",
         "people": {"students": (150, 152), "staff": (8, 4)}, "photos": 2}),
    (4, {"kind": "contest", "when": at(11, 27, 7), "hours": 8, "body": "Đoàn TN",
         "title": "Cuộc thi trực tuyến “Tìm hiểu về bình đẳng giới và phòng chống bạo lực học đường”",
         "place": "Trực tuyến (Google Forms)", "audiences": ["students"],
         "description": "Thi trong tuần 27/11–01/12; 30 câu trắc nghiệm và một câu tình huống.",
         "results": "389 học sinh dự thi; 24 giải cá nhân, giải tập thể lớp 11A2.",
         "people": {"students": (205, 184)}, "photos": 1}),
    (5, {"kind": "exhibition", "when": at(12, 4, 7), "hours": 9, "body": "Tổ Văn",
         "title": "Triển lãm tranh vẽ, áp phích “Bình đẳng giới trong mắt em”",
         "place": "Sảnh nhà hiệu bộ", "audiences": ["students", "staff", "parents"],
         "description": "Trưng bày 64 tranh, áp phích của học sinh 12 lớp; bình chọn tác phẩm yêu thích.",
         "results": "64 tác phẩm; hơn 300 lượt học sinh và 25 cha mẹ học sinh tham quan, bình chọn.",
         "people": {"students": (160, 143), "staff": (20, 9), "parents": (15, 10)}, "photos": 3}),
    (6, {"kind": "art_sport", "when": at(12, 9, 7), "hours": 4, "body": "Đoàn TN",
         "title": "Giải bóng chuyền nam nữ phối hợp và văn nghệ hưởng ứng Tháng hành động",
         "place": "Sân trường", "audiences": ["students", "staff"],
         "description": "Tổ chức bù cho ngày hội thể thao tháng 10 bị hoãn; mỗi đội bắt buộc 3 nam, 3 nữ.",
         "results": "12 đội bóng chuyền, 8 tiết mục văn nghệ; giải nhất lớp 12A1.",
         "people": {"students": (118, 131), "staff": (6, 8)}, "photos": 2}),
]
PLAN_DATE = dt.date(2023, 11, 10)


def ensure_campaign(authority: OrgUnit, officer) -> ActionMonthCampaign:
    campaign = ActionMonthCampaign.objects.filter(issuer_unit=authority, year=2023).first()
    if campaign is None:
        campaign = campaigns.campaign_save(actor=officer, unit=authority, theme=THEME, starts_on=dt.date(2023, 11, 15),
                                           ends_on=dt.date(2023, 12, 15), report_deadline=dt.date(2023, 12, 20),
                                           items=ITEMS)
    if campaign.status == ActionMonthCampaign.Status.DRAFT:
        campaigns.campaign_launch(actor=officer, campaign=campaign)
    return campaign


def ensure_action_month(school: OrgUnit, authority: OrgUnit, actors: dict) -> CampaignSchool | None:
    campaign = ensure_campaign(authority, actors["so"])
    entry = CampaignSchool.objects.select_related("task_group__plan", "campaign", "unit").filter(
        campaign=campaign, unit=school).first()
    if entry is None or entry.task_group is None:
        return entry
    plan = entry.task_group.plan
    if plan.status == PlanStatus.DRAFT:
        plan_issue(actor=actors["ht"], plan=plan, document_date=PLAN_DATE)
    tasks = {t.position: t for t in Task.objects.filter(group=entry.task_group, parent=None)}
    logged = []
    for position, spec in ACTIVITIES:
        # activity_create ties each activity to the campaign through its task (campaign_for_activity).
        logged.append(log_activity(school, plan, {**spec, "task": None}, actors, task=tasks.get(position)))
    draft_report(entry, actors["ht"])
    ensure_commendations(school, actors["ht"], logged)
    return entry


def draft_report(entry: CampaignSchool, principal) -> None:
    """The report drafted once (and its DOCX rendered now rather than on the worker). It is not
    issued: the service dates an issued report today, which would file a 2023 report years late."""
    if entry.reported_at or campaign_report.report_file_exists(entry):
        return
    campaign_report.campaign_report_draft(
        actor=principal, entry=entry,
        difficulties="Mưa lũ giữa tháng 10 làm hoãn một số hoạt động ngoài trời; kinh phí in ấn còn hạn chế.",
        proposals="Đề nghị Sở tổ chức tập huấn về phòng ngừa bạo lực trên cơ sở giới trên môi trường mạng.")
    campaign_report.campaign_report_render(entry)


def ensure_commendations(school: OrgUnit, principal, logged: list[Activity]) -> None:
    """Đoàn trường praised (approved, decision dated 20/12/2023); a counsellor proposed, undecided."""
    youth = InternalBody.objects.get(unit=school, short_name="Đoàn TN")
    counsellor = (StaffMember.objects.filter(unit=school, position=Position.TEACHER,
                                             body_memberships__body__short_name="Tổ TVTL")
                  .order_by("external_id").first())
    wanted = [
        (youth, "commend", "Tổ chức sáng tạo, hiệu quả các hoạt động Tháng hành động vì bình đẳng giới năm 2023.",
         [a for a in logged if a.responsible_body_id == youth.pk], True),
        (counsellor, "praise", "Chủ trì tọa đàm và tư vấn riêng cho học sinh trong Tháng hành động năm 2023.",
         [a for a in logged if a.kind == "other"], False),
    ]
    for nominee, form, reason, activities, approve in wanted:
        if nominee is None or Commendation.objects.filter(unit=school, reason=reason).exists():
            continue
        proposal = commendations.commendation_propose(actor=principal, unit=school, form=form, nominee=nominee,
                                                      reason=reason, activities=activities)
        if approve:
            commendations.commendation_approve(actor=principal, unit=school, commendations=[proposal],
                                               decision_date=dt.date(2023, 12, 20))

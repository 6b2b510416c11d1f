"""URLs of the activities app (mounted at /hoat-dong/); each feature appends its own block."""

from django.urls import path  # noqa: F401  (the features below add their paths)

app_name = "activities"
urlpatterns: list = []

# Calendar and my work (views_calendar.py).
from . import views_calendar  # noqa: E402

urlpatterns += [
    path("lich/", views_calendar.calendar_view, name="calendar"),
    path("viec-cua-toi/", views_calendar.my_work_view, name="my_work"),
]

# Activities and evidence (views.py, views_evidence.py).
from . import views, views_evidence  # noqa: E402  (kept with its URLs: features append their own block)

urlpatterns += [
    path("", views.activity_list_view, name="list"),
    path("moi/", views.activity_create_view, name="create"),
    path("<uuid:uid>/", views.activity_detail_view, name="detail"),
    path("<uuid:uid>/sua/", views.activity_edit_view, name="edit"),
    path("<uuid:uid>/bao-cao/", views.activity_report_view, name="report"),
    path("<uuid:uid>/huy/", views.activity_cancel_view, name="cancel"),
    path("<uuid:uid>/xoa/", views.activity_delete_view, name="delete"),
    path("<uuid:uid>/minh-chung/", views_evidence.evidence_upload_view, name="evidence_upload"),
    path("ke-hoach/<uuid:uid>/", views.plan_progress_view, name="plan_progress"),
    path("minh-chung/<uuid:uid>/", views_evidence.evidence_download_view, name="evidence_download"),
    path("minh-chung/<uuid:uid>/anh-nho/", views_evidence.evidence_thumbnail_view, name="evidence_thumbnail"),
    path("minh-chung/<uuid:uid>/xoa/", views_evidence.evidence_delete_view, name="evidence_delete"),
]

# The Action Month campaign (Tháng hành động): list, draft and launch, board, a school's page and report.
from . import views_campaign  # noqa: E402

urlpatterns += [
    path("thang-hanh-dong/", views_campaign.campaign_list_view, name="campaign_list"),
    path("thang-hanh-dong/tao/", views_campaign.campaign_create_view, name="campaign_create"),
    path("thang-hanh-dong/<uuid:uid>/", views_campaign.campaign_board_view, name="campaign_board"),
    path("thang-hanh-dong/<uuid:uid>/sua/", views_campaign.campaign_edit_view, name="campaign_edit"),
    path("thang-hanh-dong/<uuid:uid>/phat-dong/", views_campaign.campaign_launch_view, name="campaign_launch"),
    path("thang-hanh-dong/<uuid:uid>/truong/", views_campaign.campaign_school_view, name="campaign_school"),
    path("thang-hanh-dong/<uuid:uid>/truong/bao-cao/", views_campaign.campaign_report_view, name="campaign_report"),
    path("thang-hanh-dong/<uuid:uid>/truong/bao-cao/tai-ve/", views_campaign.campaign_report_download_view,
         name="campaign_report_download"),
]

# Trainings, integrated lessons, commendations (the people side of activities).
from . import views_commendations, views_lessons, views_trainings  # noqa: E402

urlpatterns += [
    path("tap-huan/", views_trainings.training_list_view, name="trainings"),
    path("tap-huan/them/", views_trainings.training_create_view, name="training_create"),
    path("tap-huan/<uuid:uid>/", views_trainings.training_detail_view, name="training_detail"),
    path("tap-huan/<uuid:uid>/diem-danh/", views_trainings.training_attendance_view, name="training_attendance"),
    path("long-ghep-gioi/", views_lessons.lesson_list_view, name="lessons"),
    path("long-ghep-gioi/them/", views_lessons.lesson_create_view, name="lesson_create"),
    path("khen-thuong/", views_commendations.commendation_list_view, name="commendations"),
    path("khen-thuong/duyet/", views_commendations.commendation_approve_many_view, name="commendations_approve"),
    path("khen-thuong/de-nghi/", views_commendations.commendation_create_view, name="commendation_create"),
    path("khen-thuong/<uuid:uid>/", views_commendations.commendation_detail_view, name="commendation_detail"),
    path("khen-thuong/<uuid:uid>/duyet/", views_commendations.commendation_approve_view, name="commendation_approve"),
    path("khen-thuong/<uuid:uid>/khong-duyet/", views_commendations.commendation_reject_view,
         name="commendation_reject"),
    path("khen-thuong/<uuid:uid>/quyet-dinh/", views_commendations.commendation_decision_view,
         name="commendation_decision"),
]

"""URLs of the activities app (mounted at /hoat-dong/); each feature appends its own block."""

from django.urls import path  # noqa: F401  (the features below add their paths)

app_name = "activities"
urlpatterns: list = []

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

from django.urls import path

from . import views, views_proposal

app_name = "review"

urlpatterns = [
    path("", views.review_list_view, name="list"),
    path("de-xuat/", views.proposals_view, name="proposals"),
    path("<uuid:uid>/", views.review_detail_view, name="detail"),
    path("<uuid:uid>/tien-do/", views.review_status_view, name="status"),
    path("<uuid:uid>/cau/<uuid:flag_uid>/", views.flag_decide_view, name="decide"),
    path("<uuid:uid>/tiet-day/", views.lesson_link_view, name="link_lesson"),
    path("<uuid:uid>/gui/", views.send_view, name="send"),
    path("<uuid:uid>/de-xuat/", views_proposal.proposal_view, name="proposal"),
    path("de-xuat/<uuid:uid>/", views_proposal.proposal_status_view, name="proposal_status"),
    path("de-xuat/<uuid:uid>/tai.docx", views_proposal.proposal_download_view, name="proposal_download"),
]

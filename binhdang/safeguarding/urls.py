"""URLs of student protection, one namespace: the public pages under /giup-do/ (no login) and
the staff pages under /bao-ve/ (case team only). Mounted at the root by config/urls.py."""

from django.urls import include, path

from . import (
    views_cases,
    views_files,
    views_home,
    views_log,
    views_parts,
    views_public,
    views_reauth,
    views_staff,
    views_stats,
    views_team,
    views_workflow,
)

app_name = "safeguarding"

public_patterns = [
    path("theo-doi/", views_public.follow_up_view, name="follow_up"),
    path("<slug:code>/", views_public.help_view, name="help"),
    path("<slug:code>/ap-phich/", views_public.poster_view, name="poster"),
]

staff_patterns = [
    path("", views_home.home_view, name="home"),
    path("ghi-nhan/", views_staff.record_view, name="record"),
    path("ghi-nhan/xong/", views_staff.record_done_view, name="record_done"),
    path("xac-nhan/", views_reauth.reauth_view, name="reauth"),
    path("vu-viec/", views_cases.case_list_view, name="case_list"),
    path("vu-viec/<uuid:uid>/", views_cases.case_detail_view, name="case_detail"),
    path("vu-viec/<uuid:uid>/danh-gia/", views_workflow.assess_view, name="case_assess"),
    path("vu-viec/<uuid:uid>/buoc/<slug:step>/", views_workflow.step_view, name="case_step"),
    path("vu-viec/<uuid:uid>/ghi-chu/", views_workflow.note_view, name="case_note"),
    path("vu-viec/<uuid:uid>/tu-van/", views_workflow.session_view, name="case_session"),
    path("vu-viec/<uuid:uid>/tra-loi/", views_workflow.reply_view, name="case_reply"),
    path("vu-viec/<uuid:uid>/dong/", views_workflow.close_view, name="case_close"),
    path("vu-viec/<uuid:uid>/duyet-dong/", views_workflow.approve_view, name="case_approve"),
    path("vu-viec/<uuid:uid>/mo-lai/", views_workflow.reopen_view, name="case_reopen"),
    # Oversight: the case team, who read what, statistics upward.
    path("vu-viec/<uuid:uid>/nhat-ky/", views_log.case_log_view, name="case_log"),
    path("nhat-ky/", views_log.team_log_view, name="team_log"),
    path("nhom/", views_team.team_view, name="team"),
    path("nhom/them/", views_team.team_add_view, name="team_add"),
    path("nhom/<uuid:uid>/bo/", views_team.team_remove_view, name="team_remove"),
    path("nhom/<uuid:uid>/truong-nhom/", views_team.team_leader_view, name="team_leader"),
    path("thong-ke/", views_stats.statistics_view, name="statistics"),
    # The parts of a case (people, consent, referrals, attachments, export): views_parts, views_files.
    path("vu-viec/<uuid:uid>/nguoi/them/", views_parts.person_add_view, name="person_add"),
    path("vu-viec/<uuid:uid>/nguoi/<uuid:person_uid>/sua/", views_parts.person_edit_view, name="person_edit"),
    path("vu-viec/<uuid:uid>/nguoi/<uuid:person_uid>/xoa/", views_parts.person_remove_view, name="person_remove"),
    path("vu-viec/<uuid:uid>/dong-y/", views_parts.consent_add_view, name="consent_add"),
    path("vu-viec/<uuid:uid>/chuyen-gui/", views_parts.referral_add_view, name="referral_add"),
    path("vu-viec/<uuid:uid>/chuyen-gui/<uuid:referral_uid>/ket-thuc/", views_parts.referral_end_view,
         name="referral_end"),
    path("vu-viec/<uuid:uid>/tep/", views_files.attachment_upload_view, name="attachment_upload"),
    path("vu-viec/<uuid:uid>/tep/<uuid:file_uid>/", views_files.attachment_download_view,
         name="attachment_download"),
    path("vu-viec/<uuid:uid>/tep/<uuid:file_uid>/xoa/", views_files.attachment_delete_view,
         name="attachment_delete"),
    path("vu-viec/<uuid:uid>/xuat/", views_files.export_view, name="case_export"),
]

urlpatterns = [
    path("giup-do/", include(public_patterns)),
    path("bao-ve/", include(staff_patterns)),
]

"""URLs of contests (mounted at /cuoc-thi/): staff pages (views.py, views_bank.py, views_files.py)
and the student's pages, which need no account (views_play.py)."""

from django.urls import path

from . import views, views_bank, views_files, views_play

app_name = "contests"

urlpatterns = [
    path("", views.list_view, name="list"),
    path("moi/", views.create_view, name="create"),
    path("cau-hoi/", views_bank.bank_view, name="bank"),
    path("cau-hoi/xuat.xlsx", views_bank.bank_export_view, name="bank_export"),
    path("cau-hoi/nhap/", views_bank.bank_import_view, name="bank_import"),
    path("<uuid:uid>/", views.detail_view, name="detail"),
    path("<uuid:uid>/lop/<uuid:class_uid>/", views.class_view, name="class"),
    path("<uuid:uid>/lop/<uuid:class_uid>/phieu-ma/", views.slips_view, name="slips"),
    path("<uuid:uid>/lop/<uuid:class_uid>/cap-nhat/", views.class_refresh_view, name="class_refresh"),
    path("<uuid:uid>/ket-qua.xlsx", views_files.export_view, name="export"),
    path("<uuid:uid>/giay-chung-nhan/", views_files.certificates_view, name="certificates"),
    path("giay-chung-nhan/<uuid:uid>/", views_files.certificates_status_view, name="certificates_status"),
    path("giay-chung-nhan/<uuid:uid>/tai.pdf", views_files.certificates_download_view, name="certificates_download"),
    # The student's side.
    path("vao/", views_play.join_view, name="join"),
    path("vao/<str:code>/", views_play.join_class_view, name="join_class"),
    path("bai/<uuid:uid>/", views_play.attempt_view, name="attempt"),
    path("bai/<uuid:uid>/tra-loi/", views_play.answer_view, name="answer"),
    path("bai/<uuid:uid>/nop/", views_play.submit_view, name="submit"),
    path("bai/<uuid:uid>/ket-qua/", views_play.result_view, name="result"),
    path("bai/<uuid:uid>/lam-lai/", views_play.again_view, name="again"),
]

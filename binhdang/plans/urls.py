from django.urls import path

from . import views, views_workflow

app_name = "plans"
urlpatterns = [
    path("", views.plan_list_view, name="list"),
    path("<uuid:uid>/", views.plan_detail_view, name="detail"),
    path("<uuid:uid>/trinh-ky/", views_workflow.plan_submit_view, name="submit"),
    path("<uuid:uid>/tra-lai/", views_workflow.plan_return_view, name="return"),
    path("<uuid:uid>/ban-hanh/", views_workflow.plan_issue_view, name="issue"),
    path("<uuid:uid>/sua-doi/", views_workflow.plan_amend_view, name="amend"),
]

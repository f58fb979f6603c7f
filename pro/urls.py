from django.urls import path

from pro import views

app_name = "pro"

urlpatterns = [
    path("memos/", views.memo_list, name="memo_list"),
    path("reports/", views.report_list, name="report_list"),
]

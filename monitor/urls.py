from django.urls import path

from monitor import views

app_name = "monitor"

urlpatterns = [
    path("", views.index, name="index"),
    path("trends/", views.trends, name="trends"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<uuid:token>/", views.alert_edit, name="alert_edit"),
    path("alerts/<uuid:token>/delete/", views.alert_delete, name="alert_delete"),
    path("alerts/<uuid:token>/leave/", views.alert_leave, name="alert_leave"),
    path("briefings/", views.folders, name="folders"),
    path("briefings/<uuid:token>/", views.folder, name="folder"),
    path("briefings/<uuid:token>/delete/", views.folder_delete, name="folder_delete"),
    path("briefings/<uuid:token>/share/", views.folder_share, name="folder_share"),
    path("briefings/<uuid:token>/export/<str:fmt>/", views.folder_export, name="folder_export"),
    path("briefings/<uuid:token>/clips/<int:clip_id>/delete/", views.clip_delete, name="clip_delete"),
    path("shared/<uuid:share_token>/", views.shared_folder, name="shared_folder"),
    path("shared/<uuid:share_token>/export/<str:fmt>/", views.shared_export, name="shared_export"),
    path("clip/<int:article_id>/", views.clip, name="clip"),
    path("entities.json", views.entity_suggest, name="entity_suggest"),
    path("<slug:slug>/", views.entity, name="entity"),
    path("<slug:slug>/mentions.csv", views.entity_csv, name="entity_csv"),
    path("<slug:slug>/alert/", views.entity_alert, name="entity_alert"),
    path("<slug:slug>/follow/", views.entity_follow, name="entity_follow"),
    path("<slug:slug>/with/<slug:other>/", views.co_mention, name="co_mention"),
]

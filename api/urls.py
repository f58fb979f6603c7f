from django.urls import path

from api import views

app_name = "api_keys"
urlpatterns = [
    path("", views.create_key, name="create"),
    path("<uuid:uid>/revoke/", views.revoke_key, name="revoke"),
]

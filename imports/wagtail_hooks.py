from typing import Any

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from imports import views

urlpatterns = [
    path("", views.import_upload, name="upload"),
    path("<int:pk>/", views.import_job, name="job"),
]


@hooks.register("register_admin_urls")
def register_import_urls() -> list[Any]:
    return [path("imports/", include((urlpatterns, "imports_admin")))]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(request.user.is_superuser)


@hooks.register("register_settings_menu_item")
def register_import_menu_item() -> MenuItem:
    return AdminOnlyMenuItem("Import content and readers", reverse("imports_admin:upload"), icon_name="upload")

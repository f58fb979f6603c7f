from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from imports import views

urlpatterns = [
    path("", views.import_upload, name="upload"),
    path("<int:pk>/", views.import_job, name="job"),
    path("<int:pk>/import-now/", views.import_now, name="import_now"),
    path("exports/", views.export_list, name="exports"),
    path("exports/<slug:name>/", views.export_download, name="export"),
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


class ExportMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(views._exports_for(request))


@hooks.register("register_settings_menu_item")
def register_export_menu_item() -> MenuItem:
    return ExportMenuItem("Download exports", reverse("imports_admin:exports"), icon_name="download")


@hooks.register("register_permissions")
def register_export_permissions() -> QuerySet[Permission]:
    """Offered on the group editing page, so editors can be allowed downloads without being administrators."""
    return Permission.objects.filter(
        content_type__app_label="imports", codename__in=["export_articles", "export_members"]
    )

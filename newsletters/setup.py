"""Things every install needs: editor permissions and the ten briefings."""

from typing import Any

from django.contrib.auth.models import Group, Permission

EDITOR_PERMISSIONS = [
    "add_issue",
    "change_issue",
    "delete_issue",
    "view_issue",
    "change_newsletter",
    "view_newsletter",
    "view_subscriber",
    "view_suppression",
    "add_suppression",
]


def grant_editor_permissions(**kwargs: Any) -> None:
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    permissions = Permission.objects.filter(content_type__app_label="newsletters", codename__in=EDITOR_PERMISSIONS)
    editors.permissions.add(*permissions)

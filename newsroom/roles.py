"""The newsroom's two staff roles, present on every install.

Journalists write, edit and submit stories for review; Editors also publish,
schedule, unpublish and approve what journalists submit.
"""

from typing import Any

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page

JOURNALISTS = "Journalists"
EDITORS = "Editors"

PAGE_PERMISSIONS = {
    JOURNALISTS: ["add_page", "change_page"],
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bypass_workflow_page"],
}
COLLECTION_PERMISSIONS = {
    JOURNALISTS: [
        ("wagtailimages", "image", ["add", "change", "choose"]),
        ("wagtaildocs", "document", ["add", "choose"]),
    ],
    EDITORS: [
        ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
        ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
    ],
}


def _permission(app_label: str, model: str, codename: str) -> Permission:
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def ensure_roles(**kwargs: Any) -> None:
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return
    access_admin = _permission("wagtailadmin", "admin", "access_admin")
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission("wagtailcore", "page", codename)
            )
        for app_label, model, actions in COLLECTION_PERMISSIONS[name]:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(app_label, model, f"{action}_{model}"),
                )
    editors = Group.objects.get(name=EDITORS)
    for task in GroupApprovalTask.objects.all():
        task.groups.add(editors)


def grant_to_editors(*, app_label: str, codenames: list[str]) -> None:
    """Give the Editors group these permissions of one app (apps above newsroom call this after migrating)."""
    # A post_migrate handler can run before auth's has created the app's permissions.
    create_permissions(apps.get_app_config(app_label), verbosity=0)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))

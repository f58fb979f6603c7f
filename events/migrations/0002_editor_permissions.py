"""Editors run events: create and edit them, and see registrations."""

from typing import Any

from django.db import migrations

GRANTS = {"event": ["add", "change", "delete", "view"], "registration": ["change", "view"]}


def grant(apps: Any, schema_editor: Any) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for model, actions in GRANTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="events", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

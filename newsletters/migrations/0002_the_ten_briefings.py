from django.db import migrations

from newsletters.briefings import BRIEFINGS


def create(apps, schema_editor):
    Newsletter = apps.get_model("newsletters", "Newsletter")
    for order, (slug, name, cadence, send_time, weekday, everything, auto, description) in enumerate(BRIEFINGS):
        Newsletter.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "cadence": cadence,
                "send_time": send_time,
                "send_weekday": weekday,
                "all_sections": everything,
                "auto_draft": auto,
                "description": description,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("newsletters", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]

# OutletSettings moves here from newsroom: the table, its rows and the
# permissions granted on it stay as they are; only Django's record of which
# app owns the model changes.

from django.db import migrations, models


def content_type_to_core(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="core", model="outletsettings").exists():
        ContentType.objects.filter(app_label="newsroom", model="outletsettings").update(app_label="core")


def content_type_to_newsroom(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="newsroom", model="outletsettings").exists():
        ContentType.objects.filter(app_label="core", model="outletsettings").update(app_label="newsroom")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsroom", "0002_create_homepage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutletSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(default="Newsdesk", max_length=100, verbose_name="outlet name")),
                        ("tagline", models.CharField(blank=True, help_text="e.g. “News and intelligence on the Middle East”.", max_length=200)),
                        ("social_handle", models.CharField(blank=True, help_text="Handle on X/Twitter without the @, used in share cards.", max_length=50)),
                        ("pro_desk_email", models.EmailField(blank=True, help_text="Where team-plan enquiries go, e.g. pro@example.com.", max_length=254, verbose_name="PRO support desk email")),
                    ],
                    options={"verbose_name": "outlet settings", "db_table": "newsroom_outletsettings"},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_core, content_type_to_newsroom),
    ]

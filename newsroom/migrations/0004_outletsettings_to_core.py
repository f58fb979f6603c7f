# OutletSettings now belongs to the core app (see core/migrations/0001_initial.py);
# the table is kept, so this only forgets the model here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_article_search_text"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutletSettings")],
            database_operations=[],
        ),
    ]

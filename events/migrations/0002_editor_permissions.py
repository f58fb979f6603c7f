# Editors' event permissions are no longer granted here: events.setup.ensure_event_editors
# grants them after every migrate. Kept so the migration graph stays as installs
# have applied it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = []

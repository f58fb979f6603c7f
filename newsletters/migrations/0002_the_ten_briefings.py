# The ten briefings are no longer created here: newsletters.setup.ensure_newsletters
# creates any that are missing after every migrate. Kept so the migration
# graph stays as installs have applied it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("newsletters", "0001_initial")]

    operations = []

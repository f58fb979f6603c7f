# The default plans are no longer created here: membership.setup.ensure_plans
# creates any that are missing after every migrate. Kept so the migration
# graph stays as installs have applied it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("membership", "0001_initial")]

    operations = []

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom app: site settings and who may read what. It imports no other app."""

    name = "core"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

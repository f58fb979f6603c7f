from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = "Membership"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from membership import setup, signals  # noqa: F401  (signals connects the receivers)

        post_migrate.connect(setup.ensure_plans, sender=self)

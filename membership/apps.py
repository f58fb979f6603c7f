from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = "Membership"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from membership import signals  # noqa: F401  (connects the receivers)

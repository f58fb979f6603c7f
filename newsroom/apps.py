from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from newsroom import roles, signals  # noqa: F401  (connects handlers)

        post_migrate.connect(roles.ensure_roles, sender=self)

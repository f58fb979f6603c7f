from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from newsletters import setup, webhooks  # noqa: F401  (connects the anymail tracking receiver)

        post_migrate.connect(setup.ensure_newsletters, sender=self)

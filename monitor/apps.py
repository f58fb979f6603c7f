from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "monitor"
    verbose_name = "Monitor"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from monitor import signals
        from monitor.models import Alias, Entity
        from monitor.queries import article_place_names, related_entity_features
        from newsroom.maps import register_place_provider
        from newsroom.models import ArticlePage, register_related_features

        register_place_provider(article_place_names)
        register_related_features(related_entity_features)

        signals.suggestions_recorded.connect(
            signals.publish_confident_suggestions, dispatch_uid="monitor-publish-confident-suggestions"
        )
        page_published.connect(signals.enqueue_tagging, sender=ArticlePage, dispatch_uid="monitor-tag-on-publish")
        for model in (Entity, Alias):
            post_save.connect(signals.registry_changed, sender=model, dispatch_uid=f"monitor-registry-save-{model}")
            post_delete.connect(signals.registry_changed, sender=model, dispatch_uid=f"monitor-registry-del-{model}")

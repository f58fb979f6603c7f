from typing import Any

from django.core.management.base import BaseCommand

from monitor.registry import registry_seed


class Command(BaseCommand):
    help = "Load the entity registry's seed (every country plus our regional starter set); safe to rerun."

    def handle(self, *args: Any, **options: Any) -> None:
        entities, aliases = registry_seed()
        self.stdout.write(f"Seeded the entity registry: {entities} new entities, {aliases} new aliases.")

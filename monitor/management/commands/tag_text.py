import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from monitor.registry import registry_tagger


class Command(BaseCommand):
    help = 'Tag plain text read from standard input; print {"entities": [...]} as one JSON object.'

    def handle(self, *args: Any, **options: Any) -> None:
        text = sys.stdin.read()
        found = registry_tagger().tag(text)
        self.stdout.write(json.dumps({"entities": [f.as_dict() for f in found]}, ensure_ascii=False))

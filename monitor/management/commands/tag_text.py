import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from monitor.tagging import text_analyse


class Command(BaseCommand):
    help = (
        'Tag plain text read from standard input and print one JSON object: {"entities": [...], '
        '"suggestions": [...]}. Entities are what readers would see: the registry\'s tags, and the '
        "suggestions whose confidence clears the reader threshold (the rest reach readers once an editor "
        "approves them). Suggestions are the names the registry lacks, what editors would be offered, "
        "each with a confidence from 0 to 1."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        text = sys.stdin.read()
        analysis = text_analyse(text)
        shown = [{k: v for k, v in s.as_dict().items() if k != "confidence"} for s in analysis.for_readers]
        entities = sorted([f.as_dict() for f in analysis.entities] + shown, key=lambda e: (e["start"], e["end"]))
        suggestions = [s.as_dict() for s in analysis.suggestions]
        self.stdout.write(json.dumps({"entities": entities, "suggestions": suggestions}, ensure_ascii=False))

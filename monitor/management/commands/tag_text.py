import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from monitor.discovery import READER_THRESHOLD
from monitor.tagging import text_analyse


class Command(BaseCommand):
    help = (
        "Tag plain text read from standard input and print one JSON object: "
        '{"entities": [...], "suggestions": [...]}. Entities are what readers would see (the '
        "registry's tags, plus suggestions confident enough for readers); suggestions are what "
        "editors would be offered, each with a confidence from 0 to 1."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        text = sys.stdin.read()
        analysis = text_analyse(text)
        entities = [f.as_dict() for f in analysis.entities]
        entities += [
            {k: v for k, v in s.as_dict().items() if k != "confidence"}
            for s in analysis.suggestions
            if s.confidence >= READER_THRESHOLD
        ]
        entities.sort(key=lambda e: e["start"])  # type: ignore[arg-type,return-value]
        suggestions = [s.as_dict() for s in analysis.suggestions]
        self.stdout.write(json.dumps({"entities": entities, "suggestions": suggestions}, ensure_ascii=False))

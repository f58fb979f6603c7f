import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from newsletters.importing import subscribers_import


class Command(BaseCommand):
    help = (
        "Import subscribers from a CSV with columns email, name, newsletters (slugs separated by ;) and "
        "consent_date. Bad rows are reported with their line numbers; the rest are imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv", help="Path to the CSV file (UTF-8), or - for standard input.")
        parser.add_argument("--dry-run", action="store_true", help="Check and count everything; store nothing.")
        parser.add_argument("--source", default="import", help="Recorded with each consent, e.g. 'mailchimp 2024'.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, csv: str, dry_run: bool, source: str, no_progress: bool, **options: Any) -> None:
        if csv == "-":
            stream, total = sys.stdin, None
        else:
            path = Path(csv)
            if not path.is_file():
                raise CommandError(f"No such file: {csv}")
            with path.open(encoding="utf-8-sig") as counting:
                total = max(0, sum(1 for _ in counting) - 1)
            stream = path.open(encoding="utf-8-sig", newline="")
        try:
            with tqdm(total=total, unit="row", disable=no_progress, file=self.stderr._out) as bar:
                report = subscribers_import(stream=stream, source=source, dry_run=dry_run, progress=bar.update)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        except UnicodeDecodeError:
            raise CommandError("The file is not UTF-8 text.") from None
        finally:
            if stream is not sys.stdin:
                stream.close()
        for line, message in report.errors:
            self.stderr.write(f"line {line}: {message}")
        prefix = "Dry run, nothing stored: would import" if dry_run else "Imported"
        self.stdout.write(
            f"{prefix} {report.rows - len(report.errors)} of {report.rows} rows: "
            f"{report.subscribers_created} new subscribers, {report.subscriptions_created} new subscriptions, "
            f"{report.already_subscribed} already subscribed, "
            f"{report.left_before} had unsubscribed (left as they are), "
            f"{report.suppressed} suppressed addresses; {len(report.errors)} rows with errors."
        )
